"""SHA-256 fingerprints of signed documents, and the checks made against them.

A sign-off is bound to the exact bytes that were signed: the stored file, or the UTF-8
encoding of text written in Tandem. These helpers are the only place that decides what
"the same document" means, so the upload form, the verification page and
`tandem verify-signoff` agree.
"""

import hashlib
import hmac
import re
from typing import BinaryIO

CHUNK_SIZE = 64 * 1024
HEX_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def sha256_bytes(data: bytes) -> str:
    """Lower-case hex SHA-256 of the bytes given."""

    return hashlib.sha256(data).hexdigest()


def sha256_stream(stream: BinaryIO) -> str:
    """Hash a file opened in binary mode, reading it in chunks from where it stands."""

    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK_SIZE), b""):
        digest.update(chunk)

    return digest.hexdigest()


def normalise_text(text: str) -> str:
    """Text as Tandem stores it: Unix line endings, no trailing whitespace at the end.

    Browsers send textarea content with CRLF line endings; without this the same words
    typed twice could hash differently.
    """

    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip()


def text_bytes(text: str) -> bytes:
    """The bytes a written text version is hashed (and downloaded) as."""

    return normalise_text(text).encode("utf-8")


def sha256_text(text: str) -> str:
    """SHA-256 of text written in Tandem, after normalising it."""

    return sha256_bytes(text_bytes(text))


def is_sha256(value: str) -> bool:
    """Whether value looks like a lower-case hex SHA-256 digest."""

    return bool(HEX_DIGEST.match(value))


def digests_match(expected: str, actual: str) -> bool:
    """Compare two hex digests in constant time, ignoring case and spaces."""

    return hmac.compare_digest(_clean(expected), _clean(actual))


def matches(data: bytes, expected: str) -> bool:
    """Whether data is exactly the document whose digest is expected."""

    return digests_match(expected, sha256_bytes(data))


def grouped(digest: str, size: int = 8) -> str:
    """A digest in groups of eight characters, easier to compare by eye."""

    return " ".join(digest[i : i + size] for i in range(0, len(digest), size))


def short(digest: str) -> str:
    """The first twelve characters, enough to tell versions apart on a page."""

    return digest[:12]


def _clean(digest: str) -> str:
    return "".join(digest.split()).lower()
