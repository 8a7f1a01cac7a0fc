"""Logging plumbing."""

import logging
import sys
import traceback
from collections.abc import Iterator


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time of each record.

    The standard handler keeps the stream it was given at start-up; when a test runner swaps
    and closes stderr, later records would fail with "I/O operation on closed file".
    """

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # noqa: ANN001
        """The stream is always the current sys.stderr."""


class WithheldMessageFormatter(logging.Formatter):
    """Prints a traceback's frames and each exception's type, never its message.

    An exception's message may quote what was being worked on (a document's words, a
    cell of an import), and logs carry ids only. The frames say where it went wrong.
    """

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # another handler may have kept the full text on it

        return super().format(record)

    def formatException(self, ei) -> str:  # noqa: ANN001, N802
        _kind, error, _traceback = ei
        if error is None:
            return ""

        return "".join(_withheld(error)).rstrip("\n")


def _withheld(error: BaseException) -> Iterator[str]:
    chain = [error]
    while (cause := _cause_of(chain[-1])) is not None and cause not in chain:
        chain.append(cause)
    for position, each in enumerate(reversed(chain)):
        if position:
            yield "\nThe exception above led to this one:\n\n"
        yield "Traceback (most recent call last):\n"
        yield from traceback.format_tb(each.__traceback__)
        kind = type(each)
        yield f"{kind.__module__}.{kind.__qualname__}: (message withheld)\n"


def _cause_of(error: BaseException) -> BaseException | None:
    if error.__cause__ is not None or error.__suppress_context__:
        return error.__cause__

    return error.__context__
