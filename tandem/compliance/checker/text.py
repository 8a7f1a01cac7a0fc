"""Text clean-up and sentence splitting shared by the readers and the rules."""

import re
import unicodedata

_REPLACEMENTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u00ad": "",
        "\u200b": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"\s+")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mx",
    "Miss",
    "St",
    "e.g",
    "i.e",
    "etc",
    "No",
    "Tel",
)
# A passage ending in one of these has finished its sentence; anything else runs on.
SENTENCE_ENDS = (".", "!", "?", ":")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def clean(text: str) -> str:
    """Normalise Unicode, quotes, dashes and spaces to one plain line."""

    text = unicodedata.normalize("NFKC", text).translate(_REPLACEMENTS)

    return _SPACES.sub(" ", text).strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in a cleaned passage."""

    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        if before.rstrip(".").split(" ")[-1] in _ABBREVIATIONS:
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))

    return spans


def excerpt(text: str, start: int, end: int, *, limit: int = 400) -> str:
    """The sentences of text that cover [start, end), shortened to about limit characters."""

    spans = sentence_spans(text)
    first = next(i for i, (_, e) in enumerate(spans) if e >= start)
    last = next((i for i, (s, e) in enumerate(spans) if e >= end), len(spans) - 1)
    last = max(first, min(last, first + 2))
    passage = text[spans[first][0] : spans[last][1]]
    if len(passage) > limit:
        passage = passage[: limit - 1].rsplit(" ", 1)[0] + "\u2026"

    return passage
