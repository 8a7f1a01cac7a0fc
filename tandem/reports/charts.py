"""Charts for the termly report, drawn by matplotlib as self-contained SVG.

The same SVG goes into the page and the PDF. Each chart carries a <title> and a
<desc> that says in words what it shows, series differ by marker, line style and
hatching as well as colour, and money is drawn from whole pence with tick labels
worked out in whole pounds, so no amount passes through a float in our code.

Drawing is the slow part of a report page, so a `Chart` holds only what it shows:
its words and a plot of plain numbers and labels, already suppressed for its
audience. The picture is drawn when a page or an export first asks for it and kept
in Django's cache under a sha256 of everything that shapes it, so the same input
gives the same bytes and any change to the input is a new key: a cached chart is
never stale, and neither the cache nor its key ever holds a hidden count.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from html import escape
from pathlib import Path

import matplotlib
from django.core.cache import cache
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from redis.exceptions import RedisError

from tandem.reports.money import PENCE_PER_POUND, format_pounds
from tandem.reports.suppression import Shown

SEN_SUPPORT_COLOUR = "#0072B2"  # Okabe-Ito blue
EHC_PLAN_COLOUR = "#D55E00"  # Okabe-Ito vermillion
SPEND_COLOUR = "#009E73"  # Okabe-Ito green
BUDGET_COLOUR = "#999999"
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")

# Part of every cache key, with this file's own text and matplotlib's version: bump it
# when something outside this file changes how a chart looks.
DRAWING_VERSION = 1
_DRAWING_SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
CACHE_PREFIX = "tandem.reports.chart"
logger = logging.getLogger(__name__)
CACHE_SECONDS = 30 * 24 * 60 * 60  # a picture never goes stale; this only frees space


@dataclass(frozen=True)
class TermLines:
    """Two counts per term; None is not drawn (no report, or hidden)."""

    labels: tuple[str, ...]
    sen_support: tuple[int | None, ...]
    ehc_plans: tuple[int | None, ...]
    width: float
    height: float

    def draw(self) -> Figure:
        return _draw_term_lines(self)


@dataclass(frozen=True)
class NeedBars:
    """Stacked bars per need; a hidden count is drawn as 0 and labelled in words."""

    codes: tuple[str, ...]
    sen_support: tuple[int, ...]
    ehc_plans: tuple[int, ...]
    labels: tuple[str, ...]  # beside each bar: "support 12, plans fewer than 5"
    width: float
    height: float

    def draw(self) -> Figure:
        return _draw_need_bars(self)


@dataclass(frozen=True)
class MoneyBars:
    """One bar per amount of whole pence, with its label and the axis in pounds."""

    labels: tuple[str, ...]
    amounts: tuple[int, ...]
    amount_texts: tuple[str, ...]  # "£45,350.50"
    ticks: tuple[int, ...]  # pence, at round numbers of pounds
    tick_texts: tuple[str, ...]  # "£50,000"
    width: float
    height: float

    def draw(self) -> Figure:
        return _draw_money_bars(self)


Plot = TermLines | NeedBars | MoneyBars


@dataclass(frozen=True)
class Chart:
    """A chart with the words that describe it, drawn only when asked for."""

    plot: Plot
    chart_id: str
    title: str
    desc: str

    @cached_property
    def svg(self) -> str:
        """Drawn at most once per input: the page and the PDF may ask more than once."""

        return _cached(self, "svg", None, lambda: _svg(self).encode()).decode()

    def png(self, dpi: int = 150) -> bytes:
        """For the .docx, which cannot hold SVG."""

        return _cached(self, "png", dpi, lambda: _png(self, dpi))

    def cache_key(self, file_format: str, dpi: int | None = None) -> str:
        """A sha256 of everything that shapes the picture, and nothing else."""

        canonical = json.dumps(
            {
                "version": DRAWING_VERSION,
                "source": _DRAWING_SOURCE,
                "matplotlib": matplotlib.__version__,
                "format": file_format,
                "dpi": dpi,
                "chart_id": self.chart_id,
                "title": self.title,
                "desc": self.desc,
                "kind": type(self.plot).__name__,
                "plot": asdict(self.plot),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

        return f"{CACHE_PREFIX}:{hashlib.sha256(canonical.encode()).hexdigest()}"


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
) -> Chart:
    """A line for pupils on SEN support and one for EHC plans, term by term."""

    plot = TermLines(
        labels=tuple(point.label for point in points),
        sen_support=tuple(_plotted(point.sen_support) for point in points),
        ehc_plans=tuple(_plotted(point.ehc_plans) for point in points),
        width=7.0,
        height=3.4,
    )
    title = "Pupils on SEN support and with EHC plans, term by term"
    desc = "; ".join(
        f"{point.label}: SEN support {_said(point.sen_support)}, "
        f"EHC plans {_said(point.ehc_plans)}"
        for point in points
    )

    return Chart(plot, chart_id, title, desc or "No reports yet.")


def need_mix(bars: Sequence[NeedBar], *, chart_id: str = "need-mix") -> Chart:
    """Pupils by primary need: stacked SEN support and EHC plan bars."""

    plot = NeedBars(
        codes=tuple(bar.code for bar in bars),
        sen_support=tuple(_plotted(bar.sen_support) or 0 for bar in bars),
        ehc_plans=tuple(_plotted(bar.ehc_plans) or 0 for bar in bars),
        labels=tuple(_bar_label(bar) for bar in bars),
        width=7.0,
        height=0.35 * max(len(bars), 3) + 1.2,
    )
    title = "Pupils by primary need"
    desc = "; ".join(
        f"{bar.code}: SEN support {bar.sen_support}, EHC plans {bar.ehc_plans}"
        for bar in bars
    )

    return Chart(plot, chart_id, title, desc or "No pupils with SEN recorded.")


def spend_against_budget(
    budget: int,
    spent: int,
    provision: Sequence[tuple[str, int]] = (),
    *,
    chart_id: str = "spend-against-budget",
) -> Chart:
    """Horizontal bars in whole pence: the budget, spend to date, provision costs."""

    labels = ("SEN budget", "Spent to date", *[label for label, _ in provision])
    amounts = (budget, spent, *[pence for _, pence in provision])
    ticks = tuple(pound_ticks(max(amounts)))
    plot = MoneyBars(
        labels=labels,
        amounts=amounts,
        amount_texts=tuple(format_pounds(amount) for amount in amounts),
        ticks=ticks,
        tick_texts=tuple(format_pounds(tick)[:-3] for tick in ticks),
        width=7.0,
        height=0.45 * len(labels) + 1.0,
    )
    title = "Spend against the SEN budget"
    desc = "; ".join(
        f"{label}: {text}"
        for label, text in zip(labels, plot.amount_texts, strict=True)
    )

    return Chart(plot, chart_id, title, desc)


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


def _cached(
    chart: Chart, file_format: str, dpi: int | None, draw: Callable[[], bytes]
) -> bytes:
    """From the cache, or drawn and kept there; drawn every time while Redis is down."""

    try:
        return cache.get_or_set(chart.cache_key(file_format, dpi), draw, CACHE_SECONDS)
    except RedisError as error:
        logger.warning(
            "Chart cache unavailable (%s); drawing without it", type(error).__name__
        )
        return draw()


def _plotted(shown: Shown | None) -> int | None:
    if shown is None or not shown.visible:
        return None

    return shown.value


def _said(shown: Shown | None) -> str:
    return "no report" if shown is None else shown.text


def _bar_label(bar: NeedBar) -> str:
    return f"support {bar.sen_support.text}, plans {bar.ehc_plans.text}"


def _draw_term_lines(plot: TermLines) -> Figure:
    figure, axes = _figure(width=plot.width, height=plot.height)
    positions = range(len(plot.labels))
    for name, values, colour, marker, style in (
        ("SEN support", plot.sen_support, SEN_SUPPORT_COLOUR, "o", "-"),
        ("EHC plans", plot.ehc_plans, EHC_PLAN_COLOUR, "s", "--"),
    ):
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

    axes.set_xticks(list(positions), list(plot.labels), fontsize=8)
    axes.set_ylabel("Pupils")
    plotted = [v for v in (*plot.sen_support, *plot.ehc_plans) if v is not None]
    axes.set_ylim(0, max([*plotted, 5]) * 6 // 5 + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    _tidy(axes)

    return figure


def _draw_need_bars(plot: NeedBars) -> Figure:
    figure, axes = _figure(width=plot.width, height=plot.height)
    rows = list(range(len(plot.codes)))[::-1]
    axes.barh(rows, plot.sen_support, color=SEN_SUPPORT_COLOUR, label="SEN support")
    axes.barh(
        rows,
        plot.ehc_plans,
        left=plot.sen_support,
        color=EHC_PLAN_COLOUR,
        hatch="//",
        edgecolor="white",
        label="EHC plans",
    )
    for row, label, support, plans in zip(
        rows, plot.labels, plot.sen_support, plot.ehc_plans, strict=True
    ):
        axes.annotate(
            label,
            (support + plans, row),
            textcoords="offset points",
            xytext=(4, 0),
            va="center",
            fontsize=8,
        )

    axes.set_yticks(rows, list(plot.codes), fontsize=8)
    axes.set_xlabel("Pupils")
    axes.margins(x=0.45)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    _tidy(axes)

    return figure


def _draw_money_bars(plot: MoneyBars) -> Figure:
    provision = len(plot.labels) - 2
    colours = [BUDGET_COLOUR, SPEND_COLOUR, *[SEN_SUPPORT_COLOUR] * provision]
    hatches = ["", "..", *["//"] * provision]

    figure, axes = _figure(width=plot.width, height=plot.height)
    rows = list(range(len(plot.labels)))[::-1]
    for row, amount, text, colour, hatch in zip(
        rows, plot.amounts, plot.amount_texts, colours, hatches, strict=True
    ):
        axes.barh(row, amount, color=colour, hatch=hatch, edgecolor="white")
        axes.annotate(
            text,
            (amount, row),
            textcoords="offset points",
            xytext=(4, 0),
            va="center",
            fontsize=8,
        )

    axes.set_xticks(list(plot.ticks), list(plot.tick_texts), fontsize=8)
    axes.set_yticks(rows, list(plot.labels), fontsize=8)
    axes.set_xlim(0, plot.ticks[-1] * 5 // 4)
    _tidy(axes)

    return figure


def _figure(*, width: float, height: float) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), layout="constrained")

    return figure, figure.add_subplot()


def _tidy(axes: object) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _png(chart: Chart, dpi: int) -> bytes:
    figure = chart.plot.draw()
    buffer = io.BytesIO()
    with rc_context({"font.size": 9}):
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})

    return buffer.getvalue()


def _svg(chart: Chart) -> str:
    chart_id = chart.chart_id
    figure = chart.plot.draw()
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
        f'<title id="{chart_id}-title">{escape(chart.title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(chart.desc)}</desc>'
    )

    return svg[: opening.start()] + tag + svg[opening.end() :]
