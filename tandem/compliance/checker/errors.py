"""Errors the SEN Information Report checker raises for files it cannot read."""


class CheckerError(Exception):
    """Base class: every failure of the checker is one of these, with a clear message."""


class UnreadableReport(CheckerError):
    """The file cannot be read as a report: damaged, the wrong type, locked or scanned."""

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


# The kinds a caller may branch on (the command and the upload page word them the same way).
KIND_EMPTY = "empty"
KIND_WRONG_TYPE = "wrong_type"
KIND_DAMAGED = "damaged"
KIND_PASSWORD = "password"  # noqa: S105 - an error kind, not a secret
KIND_NO_TEXT_LAYER = "no_text_layer"
KIND_TOO_LARGE = "too_large"
