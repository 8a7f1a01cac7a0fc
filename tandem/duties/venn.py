"""Geometry of the duties map: three circles and where each duty's code sits.

Pure Python (no Django). `layout()` takes each duty's holders and returns circles and
label positions for an SVG drawn by a template: every code lies wholly inside the
circles of its holders and outside the others, no two codes overlap, and duties nobody
holds go in a flagged strip below the circles.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

HOLDER_ORDER = ("gb", "senco", "slt")
HOLDER_LABELS = {
    "gb": "Governing body",
    "senco": "SENCO",
    "slt": "Senior leadership",
}
HOLDER_PHRASES = {  # for use inside a sentence: "held by the SENCO"
    "gb": "the governing body",
    "senco": "the SENCO",
    "slt": "senior leaders",
}

RADIUS = 200.0
MARGIN = 24.0
TITLE_SPACE = 36.0  # room for a circle's name above or below it
_CENTRES = {  # an almost equilateral triangle, 220 apart
    "gb": (250.0, 260.0),
    "senco": (470.0, 260.0),
    "slt": (360.0, 450.0),
}
WIDTH = 720.0
CIRCLES_BOTTOM = _CENTRES["slt"][1] + RADIUS + TITLE_SPACE
FONT_SIZE = 14.0
CHAR_WIDTH = 0.62  # of the font size, for a monospace font
PADDING = 4.0
SCALES = (1.0, 0.85, 0.7, 0.6, 0.5, 0.42, 0.35, 0.3)


@dataclass(frozen=True)
class Circle:
    key: str
    label: str
    cx: float
    cy: float
    r: float
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Label:
    code: str
    x: float  # centre of the label box
    y: float
    holders: frozenset[str]
    width: float
    height: float
    font_size: float

    @property
    def left(self) -> float:
        return round(self.x - self.width / 2, 2)

    @property
    def top(self) -> float:
        return round(self.y - self.height / 2, 2)


@dataclass(frozen=True)
class Strip:
    """The flagged box for duties nobody holds."""

    x: float
    y: float
    width: float
    height: float
    title_y: float


@dataclass(frozen=True)
class VennLayout:
    width: float
    height: float
    circles: tuple[Circle, ...]
    labels: tuple[Label, ...]
    unheld: tuple[Label, ...]
    strip: Strip | None


def region_name(holders: frozenset[str]) -> str:
    """'the governing body, the SENCO and senior leaders', or 'nobody'."""

    names = [HOLDER_PHRASES[key] for key in HOLDER_ORDER if key in holders]
    if not names:
        return "nobody"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def layout(holdings: Mapping[str, frozenset[str]]) -> VennLayout:
    """Place each code (key) in the region of its holders (value)."""

    unknown = {key for holders in holdings.values() for key in holders} - set(
        HOLDER_ORDER
    )
    if unknown:
        raise ValueError(f"Unknown holder {sorted(unknown)[0]!r}.")

    longest = max((len(code) for code in holdings), default=3)
    groups = _group(holdings)
    labels = [
        label
        for holders, codes in sorted(groups.items(), key=lambda item: sorted(item[0]))
        if holders
        for label in _place(holders, sorted(codes), longest)
    ]
    unheld, strip, height = _strip(sorted(groups.get(frozenset(), [])), longest)

    return VennLayout(
        width=WIDTH,
        height=height,
        circles=_circles(),
        labels=tuple(labels),
        unheld=tuple(unheld),
        strip=strip,
    )


def _group(holdings: Mapping[str, frozenset[str]]) -> dict[frozenset[str], list[str]]:
    groups: dict[frozenset[str], list[str]] = {}
    for code, holders in holdings.items():
        groups.setdefault(frozenset(holders), []).append(code)
    return groups


def _box(longest: int, scale: float) -> tuple[float, float, float]:
    """Width and height of one label box, and the scale it was drawn at."""

    font = FONT_SIZE * scale
    width = round(longest * CHAR_WIDTH * font + 2 * PADDING * scale + 2, 2)
    height = round(font * 1.5, 2)
    return width, height, scale


def _place(holders: frozenset[str], codes: list[str], longest: int) -> list[Label]:
    """Labels for one region, shrunk only as far as that region needs."""

    for scale in SCALES:
        box = _box(longest, scale)
        spots = _spots(holders, box, len(codes))
        if spots is not None:
            return [
                _label(code, spot, holders, box)
                for code, spot in zip(codes, spots, strict=True)
            ]
    raise ValueError(f"Too many duties held by {region_name(holders)} to draw.")


def _label(
    code: str,
    spot: tuple[float, float],
    holders: frozenset[str],
    box: tuple[float, float, float],
) -> Label:
    width, height, scale = box
    font_size = round(FONT_SIZE * scale, 2)
    return Label(code, spot[0], spot[1], holders, width, height, font_size)


def _spots(
    holders: frozenset[str], box: tuple[float, float, float], count: int
) -> list[tuple[float, float]] | None:
    """`count` lattice points in the region, nearest its middle, in reading order."""

    width, height, _ = box
    step_x, step_y = width + 3, height + 3
    candidates = [
        (x, y)
        for y in _frange(MARGIN, CIRCLES_BOTTOM, step_y)
        for x in _frange(MARGIN, WIDTH - MARGIN, step_x)
        if _box_in_region(x, y, width, height, holders)
    ]
    if len(candidates) < count:
        return None

    mid_x = sum(x for x, _ in candidates) / len(candidates)
    mid_y = sum(y for _, y in candidates) / len(candidates)
    candidates.sort(key=lambda p: ((p[0] - mid_x) ** 2 + (p[1] - mid_y) ** 2, p))
    return sorted(candidates[:count], key=lambda p: (p[1], p[0]))


def _frange(start: float, stop: float, step: float) -> list[float]:
    count = int((stop - start) // step) + 1
    return [round(start + i * step, 2) for i in range(count)]


def _box_in_region(
    x: float, y: float, width: float, height: float, holders: frozenset[str]
) -> bool:
    for key, (cx, cy) in _CENTRES.items():
        if key in holders:
            if _farthest(x, y, width, height, cx, cy) > RADIUS - PADDING:
                return False
        elif _nearest(x, y, width, height, cx, cy) < RADIUS + PADDING:
            return False
    return True


def _farthest(x: float, y: float, w: float, h: float, cx: float, cy: float) -> float:
    return math.hypot(abs(x - cx) + w / 2, abs(y - cy) + h / 2)


def _nearest(x: float, y: float, w: float, h: float, cx: float, cy: float) -> float:
    dx = max(abs(x - cx) - w / 2, 0.0)
    dy = max(abs(y - cy) - h / 2, 0.0)
    return math.hypot(dx, dy)


def _strip(codes: list[str], longest: int) -> tuple[list[Label], Strip | None, float]:
    """Lay unheld codes in rows inside a flagged box under the circles."""

    if not codes:
        return [], None, CIRCLES_BOTTOM + MARGIN

    box = _box(longest, 1.0)
    step_x, step_y = box[0] + 6, box[1] + 6
    per_row = int((WIDTH - 2 * MARGIN - 16) // step_x)
    rows = math.ceil(len(codes) / per_row)
    top = CIRCLES_BOTTOM + 8
    title_y = top + 24
    first_y = title_y + 10 + step_y / 2
    labels = [
        _label(
            code,
            (
                round(MARGIN + 8 + step_x / 2 + (i % per_row) * step_x, 2),
                round(first_y + (i // per_row) * step_y, 2),
            ),
            frozenset(),
            box,
        )
        for i, code in enumerate(codes)
    ]
    strip_height = round(first_y - top + rows * step_y - step_y / 2 + 8, 2)
    strip = Strip(MARGIN, top, WIDTH - 2 * MARGIN, strip_height, title_y)

    return labels, strip, round(top + strip_height + MARGIN, 2)


def _circles() -> tuple[Circle, ...]:
    circles = []
    for key in HOLDER_ORDER:
        cx, cy = _CENTRES[key]
        below = key == "slt"
        label_y = cy + RADIUS + 26 if below else cy - RADIUS - 12
        circles.append(Circle(key, HOLDER_LABELS[key], cx, cy, RADIUS, cx, label_y))
    return tuple(circles)
