"""A section of the inspection evidence pack, offered by an app's `evidence.py`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceSection:
    title: str
    pdf: bytes
    order: int = 50
