"""Costed provision map arithmetic (domain.md section 8).

session    = rate x adults x minutes / 60 + external per session
sessions   = sessions per week x weeks
annual     = session x sessions + one-off resources
per pupil  = session / group, annual / group

Every figure is kept exact and rounded half-up to whole pence once, when shown;
totals add the exact values, so a total may differ by 1p from its rounded lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandem.reports.money import Exact, exact_sum, format_pounds

DEFAULT_WEEKS = 38
MINUTES_PER_HOUR = 60
NOTIONAL_SEN_THRESHOLD_PENCE = 600_000  # £6,000 a year per high-needs pupil


@dataclass(frozen=True)
class Costing:
    """The inputs of one intervention; money in whole pence."""

    hourly_rate: int
    session_minutes: int
    sessions_per_week: int
    weeks: int = DEFAULT_WEEKS
    adults: int = 1
    group_size: int = 1
    external_per_session: int = 0
    resources: int = 0

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"Costing.{name} must be a whole number.")
            if value < 0:
                raise ValueError(f"Costing.{name} cannot be negative.")
        if self.group_size < 1:
            raise ValueError("Costing.group_size must be at least 1.")

    @property
    def staff_session(self) -> Exact:
        """The staff time in one session: rate x adults x minutes / 60."""

        return Exact(self.hourly_rate * self.adults * self.session_minutes, 60)

    @property
    def session(self) -> Exact:
        return self.staff_session + Exact(self.external_per_session)

    @property
    def sessions(self) -> int:
        """Sessions a year: sessions a week x weeks."""

        return self.sessions_per_week * self.weeks

    @property
    def annual(self) -> Exact:
        session = self.session

        return Exact(session.numerator * self.sessions, session.denominator) + Exact(
            self.resources
        )

    @property
    def per_pupil_session(self) -> Exact:
        return self.session.divided_by(self.group_size)

    @property
    def per_pupil_annual(self) -> Exact:
        return self.annual.divided_by(self.group_size)

    @property
    def above_notional_threshold(self) -> bool:
        """True when one pupil's share alone exceeds the £6,000 Element 2 figure."""

        return self.per_pupil_annual.pence > NOTIONAL_SEN_THRESHOLD_PENCE


@dataclass(frozen=True)
class ProvisionTotals:
    """Totals for a set of interventions (a wave, or the whole map)."""

    interventions: int
    pupil_places: int
    annual: Exact

    @classmethod
    def of(cls, costings: list[Costing]) -> ProvisionTotals:
        return cls(
            interventions=len(costings),
            pupil_places=sum(costing.group_size for costing in costings),
            annual=exact_sum([costing.annual for costing in costings]),
        )

    def against(self, budget_pence: int) -> tuple[int, str]:
        """The budget left after this provision, and a sentence saying so."""

        left = budget_pence - self.annual.pence
        if left < 0:
            return left, f"{format_pounds(-left)} over the SEN budget"

        return left, f"{format_pounds(left)} of the SEN budget left"
