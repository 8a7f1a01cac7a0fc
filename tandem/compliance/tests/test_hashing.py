import hashlib
import io

import pytest

from tandem.compliance import hashing

EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize(
    ("data", "digest"), [(b"", EMPTY), (b"abc", ABC)], ids=["empty", "abc"]
)
def test_sha256_bytes_matches_the_published_test_vectors(data, digest):
    assert hashing.sha256_bytes(data) == digest


def test_sha256_stream_reads_past_one_chunk():
    data = bytes(range(256)) * 1000  # 256,000 bytes: four chunks
    assert hashing.sha256_stream(io.BytesIO(data)) == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Line one\r\nLine two\r\n", "Line one\nLine two"),
        ("Old Mac\rline", "Old Mac\nline"),
        ("Trailing spaces   \n\n", "Trailing spaces"),
        ("  Leading kept", "  Leading kept"),
    ],
)
def test_normalise_text(typed, stored):
    assert hashing.normalise_text(typed) == stored


def test_text_typed_on_windows_and_unix_hashes_the_same():
    assert hashing.sha256_text("a\r\nb") == hashing.sha256_text("a\nb")
    assert hashing.sha256_text("a\nb") == hashing.sha256_bytes(b"a\nb")


def test_text_is_hashed_as_utf8():
    assert hashing.text_bytes("Café – SENCo") == "Café – SENCo".encode()


def test_one_changed_word_changes_the_digest():
    assert hashing.sha256_text("We have a lift.") != hashing.sha256_text(
        "We have no lift."
    )


@pytest.mark.parametrize(
    ("value", "valid"),
    [(ABC, True), (ABC.upper(), False), (ABC[:-1], False), ("z" * 64, False)],
    ids=["hex", "upper", "short", "not-hex"],
)
def test_is_sha256(value, valid):
    assert hashing.is_sha256(value) is valid


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        (ABC, ABC, True),
        (ABC.upper(), ABC, True),
        (hashing.grouped(ABC), ABC, True),
        (EMPTY, ABC, False),
        (ABC[:-1] + "e", ABC, False),
    ],
    ids=["same", "case", "grouped", "different", "last-char"],
)
def test_digests_match(expected, actual, same):
    assert hashing.digests_match(expected, actual) is same


def test_matches_a_file_against_its_digest():
    assert hashing.matches(b"abc", ABC)
    assert not hashing.matches(b"abd", ABC)


def test_grouped_and_short():
    assert hashing.grouped(ABC).split() == [ABC[i : i + 8] for i in range(0, 64, 8)]
    assert hashing.short(ABC) == "ba7816bf8f01"
