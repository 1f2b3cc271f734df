"""Choosing the date an incomplete or relative expression means, given the anchor date."""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta

from dateline.dates.make import checked_date
from dateline.dates.value import DateError


def nearest_year(month: int, day: int, anchor: dt.date) -> dt.date:
    """'7 September' is the 7 September nearest the anchor (the earlier one on a tie)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(dt.date(year, month, day))
    if not candidates:
        checked_date(anchor.year, month, day)  # raises the right message
    return min(candidates, key=lambda d: (abs((d - anchor).days), d))


def month_year(month: int, anchor: dt.date, *, forward: bool) -> int:
    """The year of a bare month: the latest such month on or before the anchor's month, or the
    earliest on or after it when the text looks forward ('will visit in November')."""
    if forward:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def weekday_date(weekday: int, anchor: dt.date, *, direction: str) -> dt.date:
    """The weekday (0 = Monday) relative to the anchor.

    direction 'on-or-before' (a bare 'on Wednesday'), 'before' ('last Friday'), 'after'
    ('next Tuesday'), 'on-or-after' ('on Wednesday' in a forward-looking text), or 'this-week'
    ('this Friday': the anchor's Monday-to-Sunday week).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    offsets = {
        "on-or-before": -back,
        "before": -(back or 7),
        "after": ahead or 7,
        "on-or-after": ahead,
        "this-week": weekday - anchor.weekday(),
    }
    if direction not in offsets:
        raise DateError(f"unknown direction {direction}")
    return anchor + dt.timedelta(days=offsets[direction])


_UNITS = {"day": ("days", 1), "week": ("weeks", 1), "fortnight": ("weeks", 2), "month": ("months", 1),
          "year": ("years", 1), "decade": ("years", 10), "century": ("years", 100)}


def moved(anchor: dt.date, count: int, unit: str) -> dt.date:
    """The anchor moved by `count` units ('days', 'weeks', 'fortnight', 'months'...; negative is back)."""
    name, size = _UNITS[unit.lower().removesuffix("s").replace("centurie", "century")]
    return shifted(anchor, **{name: count * size})


def shifted(anchor: dt.date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0) -> dt.date:
    """The anchor moved by whole units; months and years keep the day where they can."""
    try:
        return anchor + relativedelta(days=days, weeks=weeks, months=months, years=years)
    except (OverflowError, ValueError):
        raise DateError("that is too far from the reference date") from None
