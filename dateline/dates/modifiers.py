"""Rules that wrap another expression: a part of the day, a dateline's place name."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, WEEKDAYS
from dateline.dates.value import DateError, DateValue, PartOfDay, Precision

PARTS_OF_DAY = {part.value: part for part in PartOfDay}


@rule(
    "part-of-day",
    r"(?:during\s+)?(?:the\s+)?(?P<part>early morning|morning|afternoon|evening|night)\s+of\s+(?P<rest>.+)",
)
def part_of_day(match: re.Match[str], context: Context) -> DateValue:
    """on the night of September 07, 2022"""
    inner = context.read(match["rest"])
    if inner.precision is not Precision.DAY or inner.interval:
        raise DateError(f"'{context.text}': a part of the day needs a single day, not '{inner.text}'")
    return replace(inner, part_of_day=PARTS_OF_DAY[match["part"].lower()])


@rule("dateline-place", r"(?P<place>[^\W\d_][^\d,/]*?),\s+(?P<rest>.*\d.*)")
def dateline_place(match: re.Match[str], context: Context) -> DateValue:
    """New Delhi, Bhadra 17, 1944: the place that opens a dateline is not part of the date."""
    if match["place"].lower().rstrip(".") in MONTHS.keys() | WEEKDAYS.keys():
        raise DateError(f"cannot read '{context.text}' as a date")
    return context.read(match["rest"])
