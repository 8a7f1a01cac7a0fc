"""Charts for the termly report, drawn by matplotlib as self-contained SVG.

The same SVG goes into the page and the PDF. Each chart carries a <title> and a
<desc> that says in words what it shows, series differ by marker, line style and
hatching as well as colour, and money is drawn from whole pence with tick labels
worked out in whole pounds, so no amount passes through a float in our code.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from tandem.reports.money import PENCE_PER_POUND, format_pounds
from tandem.reports.suppression import Shown

SEN_SUPPORT_COLOUR = "#0072B2"  # Okabe-Ito blue
EHC_PLAN_COLOUR = "#D55E00"  # Okabe-Ito vermillion
SPEND_COLOUR = "#009E73"  # Okabe-Ito green
BUDGET_COLOUR = "#999999"
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


@dataclass(frozen=True)
class Chart:
    """A drawn chart with the words that describe it."""

    figure: Figure
    chart_id: str
    title: str
    desc: str

    @cached_property
    def svg(self) -> str:
        """Drawn once per chart: the page and the PDF may ask more than once."""

        return _svg(self.figure, self.chart_id, self.title, self.desc)

    def png(self, dpi: int = 150) -> bytes:
        """For the .docx, which cannot hold SVG."""

        buffer = io.BytesIO()
        with rc_context({"font.size": 9}):
            self.figure.savefig(
                buffer, format="png", dpi=dpi, metadata={"Software": None}
            )

        return buffer.getvalue()


@dataclass(frozen=True)
class TermPoint:
    """One term on the time axis: counts as shown to this audience, or None."""

    label: str
    sen_support: Shown | None
    ehc_plans: Shown | None


@dataclass(frozen=True)
class NeedBar:
    code: str
    sen_support: Shown
    ehc_plans: Shown


def sen_over_time(
    points: Sequence[TermPoint], *, chart_id: str = "sen-over-time"
) -> str:
    """A line for pupils on SEN support and one for EHC plans, term by term."""

    figure, axes = _figure(width=7.0, height=3.4)
    positions = range(len(points))
    for name, attr, colour, marker, style in (
        ("SEN support", "sen_support", SEN_SUPPORT_COLOUR, "o", "-"),
        ("EHC plans", "ehc_plans", EHC_PLAN_COLOUR, "s", "--"),
    ):
        values = [_plotted(getattr(point, attr)) for point in points]
        axes.plot(
            positions, values, label=name, color=colour, marker=marker, linestyle=style
        )
        for x, value in zip(positions, values, strict=True):
            if value is not None:
                axes.annotate(
                    f"{value}",
                    (x, value),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=8,
                )

    axes.set_xticks(list(positions), [point.label for point in points], fontsize=8)
    axes.set_ylabel("Pupils")
    plotted = [
        value
        for point in points
        for value in (_plotted(point.sen_support), _plotted(point.ehc_plans))
        if value is not None
    ]
    axes.set_ylim(0, max([*plotted, 5]) * 6 // 5 + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    _tidy(axes)

    title = "Pupils on SEN support and with EHC plans, term by term"
    desc = "; ".join(
        f"{point.label}: SEN support {_said(point.sen_support)}, "
        f"EHC plans {_said(point.ehc_plans)}"
        for point in points
    )

    return Chart(figure, chart_id, title, desc or "No reports yet.")


def need_mix(bars: Sequence[NeedBar], *, chart_id: str = "need-mix") -> Chart:
    """Pupils by primary need: stacked SEN support and EHC plan bars."""

    figure, axes = _figure(width=7.0, height=0.35 * max(len(bars), 3) + 1.2)
    rows = list(range(len(bars)))[::-1]
    support = [_plotted(bar.sen_support) or 0 for bar in bars]
    plans = [_plotted(bar.ehc_plans) or 0 for bar in bars]
    axes.barh(rows, support, color=SEN_SUPPORT_COLOUR, label="SEN support")
    axes.barh(
        rows,
        plans,
        left=support,
        color=EHC_PLAN_COLOUR,
        hatch="//",
        edgecolor="white",
        label="EHC plans",
    )
    for row, bar, left in zip(rows, bars, support, strict=True):
        plotted_plans = _plotted(bar.ehc_plans) or 0
        axes.annotate(
            _bar_label(bar),
            (left + plotted_plans, row),
            textcoords="offset points",
            xytext=(4, 0),
            va="center",
            fontsize=8,
        )

    axes.set_yticks(rows, [bar.code for bar in bars], fontsize=8)
    axes.set_xlabel("Pupils")
    axes.margins(x=0.45)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    _tidy(axes)

    title = "Pupils by primary need"
    desc = "; ".join(
        f"{bar.code}: SEN support {bar.sen_support}, EHC plans {bar.ehc_plans}"
        for bar in bars
    )

    return Chart(figure, chart_id, title, desc or "No pupils with SEN recorded.")


def spend_against_budget(
    budget: int,
    spent: int,
    provision: Sequence[tuple[str, int]] = (),
    *,
    chart_id: str = "spend-against-budget",
) -> Chart:
    """Horizontal bars in whole pence: the budget, spend to date, provision costs."""

    labels = ["SEN budget", "Spent to date", *[label for label, _ in provision]]
    amounts = [budget, spent, *[pence for _, pence in provision]]
    colours = [BUDGET_COLOUR, SPEND_COLOUR, *[SEN_SUPPORT_COLOUR] * len(provision)]
    hatches = ["", "..", *["//"] * len(provision)]

    figure, axes = _figure(width=7.0, height=0.45 * len(labels) + 1.0)
    rows = list(range(len(labels)))[::-1]
    for row, amount, colour, hatch in zip(rows, amounts, colours, hatches, strict=True):
        axes.barh(row, amount, color=colour, hatch=hatch, edgecolor="white")
        axes.annotate(
            format_pounds(amount),
            (amount, row),
            textcoords="offset points",
            xytext=(4, 0),
            va="center",
            fontsize=8,
        )

    ticks = pound_ticks(max(amounts, default=0))
    axes.set_xticks(ticks, [format_pounds(tick)[:-3] for tick in ticks], fontsize=8)
    axes.set_yticks(rows, labels, fontsize=8)
    axes.set_xlim(0, ticks[-1] * 5 // 4)
    _tidy(axes)

    title = "Spend against the SEN budget"
    desc = "; ".join(
        f"{label}: {format_pounds(amount)}"
        for label, amount in zip(labels, amounts, strict=True)
    )

    return Chart(figure, chart_id, title, desc)


def pound_ticks(largest: int, most: int = 6) -> list[int]:
    """Tick positions in pence at a round number of pounds (1, 2 or 5 x 10^n)."""

    step = PENCE_PER_POUND
    multipliers = (1, 2, 5)
    index = 0
    while largest > step * (most - 1):
        index += 1
        step = multipliers[index % 3] * 10 ** (index // 3) * PENCE_PER_POUND
    count = -(-largest // step) if largest > 0 else 1

    return [step * n for n in range(count + 1)]


def _plotted(shown: Shown | None) -> int | None:
    if shown is None or not shown.visible:
        return None

    return shown.value


def _said(shown: Shown | None) -> str:
    return "no report" if shown is None else shown.text


def _bar_label(bar: NeedBar) -> str:
    return f"support {bar.sen_support.text}, plans {bar.ehc_plans.text}"


def _figure(*, width: float, height: float) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), layout="constrained")

    return figure, figure.add_subplot()


def _tidy(axes: object) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _svg(figure: Figure, chart_id: str, title: str, desc: str) -> str:
    buffer = io.StringIO()
    params = {"svg.hashsalt": chart_id, "svg.fonttype": "none", "font.size": 9}
    with rc_context(params):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]

    opening = _SVG_OPEN.search(svg)
    assert opening is not None
    tag = opening.group(0)
    tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
    tag = tag[:-1] + (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
        f' class="chart" id="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )

    return svg[: opening.start()] + tag + svg[opening.end() :]
