"""The dashboard: what needs attention now, gathered from every app's `dashboard.py`.

An app's module offers `attention(ctx) -> list[Attention]` and/or `panels(ctx) -> list[Panel]`.
Each provider checks the reader's role itself and runs a fixed number of queries.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from tandem.schools.permissions import Capability, SchoolAccess
from tandem.schools.plugins import app_modules


class Level(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    INFO = "info"


LEVEL_ORDER = {Level.OVERDUE: 0, Level.DUE: 1, Level.INFO: 2}


@dataclass(frozen=True)
class Attention:
    level: Level
    text: str
    url: str = ""
    due: dt.date | None = None


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


@dataclass(frozen=True)
class DashboardContext:
    access: SchoolAccess
    today: dt.date

    @property
    def school(self):  # noqa: ANN201
        return self.access.school

    def can(self, capability: Capability, *, write: bool = False) -> bool:
        return self.access.can(capability, write=write)


def attention(ctx: DashboardContext) -> list[Attention]:
    items: list[Attention] = []
    for module in app_modules("dashboard"):
        if hasattr(module, "attention"):
            items.extend(module.attention(ctx))

    return sorted(
        items, key=lambda item: (LEVEL_ORDER[item.level], item.due or dt.date.max)
    )


def panels(ctx: DashboardContext) -> list[Panel]:
    found: list[Panel] = []
    for module in app_modules("dashboard"):
        if hasattr(module, "panels"):
            found.extend(module.panels(ctx))

    return sorted(found, key=lambda panel: panel.order)
