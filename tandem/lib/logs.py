"""Logging plumbing."""

import logging
import sys


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
