"""Rules for named days: holidays and national days that sources date events by."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateline.dates.engine import Context, rule
from dateline.dates.make import day_value
from dateline.dates.value import DateValue


def _nth_weekday(month: int, weekday: int, nth: int) -> Callable[[int], dt.date]:
    """The nth (1-based; -1 = last) given weekday (0 = Monday) of a month, as a function of the year."""

    def day(year: int) -> dt.date:
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
                if dt.date(year, month, d).weekday() == weekday]
        return dt.date(year, month, days[nth - 1 if nth > 0 else nth])

    return day


def _us_election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November."""
    return _nth_weekday(11, 0, 1)(year) + dt.timedelta(days=1)


# Fixed days by (month, day); Independence Day is India's (15 August): Dateline's sources are
# Indian first. Moving days by a function of the year.
_FIXED = {
    "new year's day": (1, 1), "new year day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26), "republic day": (1, 26),
    "independence day": (8, 15), "gandhi jayanti": (10, 2), "valentine's day": (2, 14), "may day": (5, 1),
    "halloween": (10, 31), "bastille day": (7, 14), "international women's day": (3, 8), "women's day": (3, 8),
    "international yoga day": (6, 21), "human rights day": (12, 10), "united nations day": (10, 24),
    "un day": (10, 24), "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11),
}
_MOVING: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": _nth_weekday(11, 3, 4), "thanksgiving day": _nth_weekday(11, 3, 4),
    "labor day": _nth_weekday(9, 0, 1), "labour day": _nth_weekday(9, 0, 1),
    "memorial day": _nth_weekday(5, 0, -1), "martin luther king day": _nth_weekday(1, 0, 3),
    "presidents' day": _nth_weekday(2, 0, 3), "presidents day": _nth_weekday(2, 0, 3),
    "election day": _us_election_day,
}
# The text has lost its possessives by the time rules see it ("New Year's Day" -> "new year day").
_FIXED = {name.replace("'s", ""): day for name, day in _FIXED.items()}
_MOVING = {name.replace("'s", ""): day for name, day in _MOVING.items()}
_NAMES = "|".join(re.escape(name) for name in sorted({*_FIXED, *_MOVING}, key=len, reverse=True))


@rule("named-day", r"(?P<eve>(?:on\s+)?the\s+eve\s+of\s+)?(?P<name>" + _NAMES + r")(?:,?\s+(?P<year>\d{4}))?")
def named_day(match: re.Match[str], context: Context) -> DateValue:
    """Christmas / Republic Day 2024 / Thanksgiving / on the eve of Independence Day: the one
    nearest the anchor when no year is written."""
    name = match["name"]
    if match["year"]:
        date = _on(name, int(match["year"]))
        anchor = None
    else:
        anchor = context.need_anchor()
        date = min((_on(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)),
                   key=lambda d: (abs((d - anchor).days), d))
    if match["eve"]:
        date -= dt.timedelta(days=1)
    return day_value(date, anchor=anchor)


def _on(name: str, year: int) -> dt.date:
    if name in _FIXED:
        month, day = _FIXED[name]
        return dt.date(year, month, day)
    return _MOVING[name](year)


@rule("eve-of", r"(?:on\s+)?the\s+eve\s+of\s+(?P<rest>.+)")
def eve_of(match: re.Match[str], context: Context) -> DateValue:
    """on the eve of the summit on 9 September: the day before."""
    inner = context.read(match["rest"])
    return day_value(inner.start - dt.timedelta(days=1), anchor=inner.anchor)
