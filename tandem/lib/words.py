"""Counts in words for messages: "1 uploaded file", "13,850 bytes"."""


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """The count with thousands separators and the noun, singular for one."""

    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
