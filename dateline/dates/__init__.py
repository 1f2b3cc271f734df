"""Date normalisation: free-text date expressions to honest DateValues, against an anchor.

`RULES` is the ordered list of named strategies; the first whose pattern matches the whole
(cleaned) expression reads it. Adding a form means adding a rule and placing it in the list.
"""

from __future__ import annotations

import datetime as dt

from dateline.dates import absolute, modifiers, native, relative
from dateline.dates.engine import Rule, apply
from dateline.dates.labels import display, edtf
from dateline.dates.value import Calendar, DateError, DateValue, PartOfDay, Precision, Qualifier

RULES: tuple[Rule, ...] = (
    absolute.iso_date,
    absolute.month_day_year,
    absolute.day_month_year,
    native.saka_date,
    absolute.year,
    relative.month_this_year,
    relative.later_in_the_day,
    relative.anniversary,
    modifiers.part_of_day,
    native.two_calendar,
    modifiers.dateline_place,
)


def normalise(text: str, *, anchor: dt.date | None, day_first: bool | None = None) -> DateValue:
    """Read `text` against `anchor` (None when there is none); raise DateError when it cannot."""
    return apply(RULES, text, anchor=anchor, day_first=day_first)


__all__ = [
    "RULES",
    "Calendar",
    "DateError",
    "DateValue",
    "PartOfDay",
    "Precision",
    "Qualifier",
    "display",
    "edtf",
    "normalise",
]
