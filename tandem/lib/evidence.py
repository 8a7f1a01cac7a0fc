"""A section of the inspection evidence pack, offered by an app's `evidence.py`.

A section made of many pieces (a document each, a meeting record each) calls
`still_working()` before each one: while the pack is made in the background, that tells
the job it is alive, so a long section is not taken for a worker that has stopped.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceSection:
    title: str
    pdf: bytes
    order: int = 50
    # Set on the page printed in place of a section that could not be prepared: that
    # section's name, as the pack's progress calls it.
    stands_in_for: str = ""


def _nobody_listening() -> None:
    """Where nobody is watching (the command line, a test), nothing is reported."""


_listener: ContextVar[Callable[[], None]] = ContextVar(
    "evidence_listener", default=_nobody_listening
)


def still_working() -> None:
    """Say that the section being made is still under way."""

    _listener.get()()


@contextmanager
def listening(callback: Callable[[], None]) -> Iterator[None]:
    """While the block runs, `still_working()` calls `callback`."""

    token = _listener.set(callback)
    try:
        yield
    finally:
        _listener.reset(token)
