"""Rules for dates in other calendars, and for datelines that print two calendars side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.dates.calendars import SAKA_MONTHS, saka_label, saka_to_gregorian
from dateline.dates.engine import Context, rule
from dateline.dates.labels import day_label
from dateline.dates.lexicon import alternation, lookup
from dateline.dates.make import day_value
from dateline.dates.value import Calendar, DateError, DateValue, Precision

_BIKRAM_SAMBAT_FROM = 2000  # Saka 2000 is Gregorian 2078; a larger year is Nepal's Bikram Sambat.


@rule(
    "saka-date",
    r"(?P<month>" + alternation(SAKA_MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?P<era>\s+saka)?",
)
def saka_date(match: re.Match[str], context: Context) -> DateValue:
    """Bhadra 17, 1944 / Bhadrapada 17, 1944 Saka / भाद्र 17, 1944"""
    year, day = int(match["year"]), int(match["day"])
    if year >= _BIKRAM_SAMBAT_FROM and not match["era"]:
        raise DateError(
            f"'{context.text}': {year} is too late for a Saka year (Saka {year} would be {year + 78}); "
            "it looks like Nepal's Bikram Sambat calendar, which Dateline does not read"
        )
    month = lookup(SAKA_MONTHS, match["month"], "Saka month")
    date = saka_to_gregorian(year, month, day)
    return day_value(date, calendar=Calendar.SAKA, native=saka_label(year, month, day))


@rule("two-calendar", r"(?P<first>[^/]*[^\W\d_][^/]*?)\s*/\s*(?P<second>[^/]*[^\W\d_][^/]*)")
def two_calendar(match: re.Match[str], context: Context) -> DateValue:
    """New Delhi, Bhadra 17, 1944 / Thursday, September 08, 2022: both parts must name one day."""
    first, second = context.read(match["first"]), context.read(match["second"])
    for part in (first, second):
        if part.precision is not Precision.DAY or part.interval:
            raise DateError(f"'{part.text}' in a two-calendar dateline must name a single day")
    if first.start != second.start:
        raise DateError(
            f"the two calendars disagree: '{first.text}' is {day_label(first.start)} "
            f"but '{second.text}' is {day_label(second.start)}"
        )
    native = first if first.native is not None else second
    return replace(native, rule=f"{first.rule}+{second.rule}")
