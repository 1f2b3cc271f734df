"""The static SVG time axis: geometry computed at build time, drawn by a template.

Years that hold events are laid out side by side at equal width; runs of empty years between
them collapse into a short break, so a 1952 event and a week in 2022 both stay readable.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from dateline.dates import display
from dateline.model import Event

WIDTH = 960.0
MARGIN = 16.0
BREAK = 36.0
LANE_HEIGHT = 16.0
TOP = 8.0
POINT_RADIUS = 5.0
_MONTH_INITIALS = "JFMAMJJASOND"


@dataclass(frozen=True)
class Marker:
    """One event on the axis: a dot for a day, a bar for a longer period."""

    slug: str
    label: str
    x: float
    width: float
    lane: int

    @property
    def y(self) -> float:
        return TOP + self.lane * LANE_HEIGHT + LANE_HEIGHT / 2

    @property
    def is_point(self) -> bool:
        return self.width == 0


@dataclass(frozen=True)
class Bar:
    """Many events in one period, drawn as a bar as tall as their count."""

    label: str
    x: float
    width: float
    height: float
    year: int
    slug: str  # the period's first event


@dataclass(frozen=True)
class Tick:
    """A mark on the axis line, with an optional label under it."""

    x: float
    label: str
    major: bool


@dataclass(frozen=True)
class Break:
    """Where empty years were left out, and how many."""

    x: float
    years: int


@dataclass(frozen=True)
class Axis:
    """Everything the template needs to draw the axis."""

    width: float
    height: float
    line_y: float
    markers: tuple[Marker, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    breaks: tuple[Break, ...]
    first_year: int
    last_year: int


@dataclass(frozen=True)
class _Scale:
    """Maps a date to an x position: equal width per shown year, breaks between runs."""

    year_x: dict[int, float]
    year_width: float

    def x(self, day: dt.date) -> float:
        days = 366 if calendar.isleap(day.year) else 365
        return self.year_x[day.year] + (day.timetuple().tm_yday - 1) / days * self.year_width


def _runs(years: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs


def _scale(runs: list[list[int]]) -> tuple[_Scale, tuple[Break, ...]]:
    total = sum(len(run) for run in runs)
    year_width = (WIDTH - 2 * MARGIN - BREAK * (len(runs) - 1)) / total
    year_x, breaks, x = {}, [], MARGIN
    for index, run in enumerate(runs):
        if index:
            breaks.append(Break(x + BREAK / 2, run[0] - runs[index - 1][-1] - 1))
            x += BREAK
        for year in run:
            year_x[year] = x
            x += year_width
    return _Scale(year_x, year_width), tuple(breaks)


def _ticks(scale: _Scale) -> tuple[Tick, ...]:
    ticks = []
    every = max(1, round(40 / scale.year_width))
    for year, x in sorted(scale.year_x.items()):
        ticks.append(Tick(x, str(year) if year % every == 0 or every == 1 else "", True))
        if scale.year_width >= 240:
            ticks.extend(
                Tick(x + m * scale.year_width / 12, _MONTH_INITIALS[m], False) for m in range(1, 12)
            )
    return tuple(ticks)


def _lanes(spans: list[tuple[float, float, Event]]) -> list[Marker]:
    lane_ends: list[float] = []
    markers = []
    for left, right, event in sorted(spans, key=lambda s: (s[0], s[1], s[2].slug)):
        lane = next((i for i, end in enumerate(lane_ends) if end + 2 <= left), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(right)
        lane_ends[lane] = right
        point = event.date.start == event.date.end
        x = (left + right) / 2 if point else left
        label = f"{display(event.date)}: {event.title}"
        markers.append(Marker(event.slug, label, x, 0.0 if point else right - left, lane))
    return markers


AGGREGATE_FROM = 200  # above this many events, the axis counts events per month or year
BAR_HEIGHT = 60.0


def _bars(events: tuple[Event, ...], scale: _Scale) -> tuple[Bar, ...]:
    """Events counted per month (when the years are few and wide) or per year."""
    monthly = scale.year_width >= 120
    counts: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        start = event.date.start
        counts.setdefault((start.year, start.month if monthly else 1), []).append(event)
    tallest = max(len(members) for members in counts.values())
    bars = []
    for (year, month), members in sorted(counts.items()):
        x = scale.x(dt.date(year, month, 1))
        width = scale.year_width / 12 if monthly else scale.year_width
        period = f"{dt.date(year, month, 1):%B} {year}" if monthly else str(year)
        bars.append(Bar(f"{period}: {len(members)} event{'s' if len(members) > 1 else ''}", x, max(width - 1, 1.0),
                        max(BAR_HEIGHT * len(members) / tallest, 2.0), year, members[0].slug))
    return tuple(bars)


def build_axis(events: tuple[Event, ...]) -> Axis | None:
    """The axis for these events, or None when there are none."""
    if not events:
        return None
    years = sorted({y for e in events for y in range(e.date.start.year, e.date.end.year + 1)})
    scale, breaks = _scale(_runs(years))
    if len(events) > AGGREGATE_FROM:
        line_y = TOP + BAR_HEIGHT + 6
        return Axis(WIDTH, line_y + 30, line_y, (), _bars(events, scale), _ticks(scale), breaks, years[0], years[-1])
    spans = []
    for event in events:
        left, right = scale.x(event.date.start), scale.x(event.date.end) + scale.year_width / 365
        if event.date.start == event.date.end:
            middle = (left + right) / 2
            left, right = middle - POINT_RADIUS, middle + POINT_RADIUS
        spans.append((left, right, event))
    markers = _lanes(spans)
    lanes = max(m.lane for m in markers) + 1
    line_y = TOP + lanes * LANE_HEIGHT + 6
    return Axis(WIDTH, line_y + 30, line_y, tuple(markers), (), _ticks(scale), breaks, years[0], years[-1])
