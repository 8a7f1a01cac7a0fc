import pytest

from tandem.lib.words import counted


@pytest.mark.parametrize(
    ("count", "noun", "plural", "text"),
    [
        (0, "uploaded file", None, "0 uploaded files"),
        (1, "uploaded file", None, "1 uploaded file"),
        (13850, "byte", None, "13,850 bytes"),
        (2, "reply", "replies", "2 replies"),
        (1, "reply", "replies", "1 reply"),
    ],
)
def test_counted(count, noun, plural, text) -> None:
    assert counted(count, noun, plural) == text
