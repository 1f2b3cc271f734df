"""Rules for dates written out in full in the Gregorian calendar."""

from __future__ import annotations

import re

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, lookup
from dateline.dates.make import check_weekday, checked_date, day_value, year_value
from dateline.dates.value import Calendar, DateValue


@rule("iso-date", r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
def iso_date(match: re.Match[str], context: Context) -> DateValue:
    """2022-09-08"""
    date = checked_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return day_value(date, calendar=Calendar.ISO)


@rule(
    "month-day-year",
    r"(?:(?P<weekday>%WEEKDAY%),?\s+)?(?P<month>%MONTH%)\s+(?P<day>\d{1,2})%ORD%,?\s+(?P<year>\d{4})",
)
def month_day_year(match: re.Match[str], context: Context) -> DateValue:
    """Thursday, September 08, 2022 / Sept. 8, 2022 / September 8th, 2022"""
    return _full_date(match)


@rule(
    "day-month-year",
    r"(?:(?P<weekday>%WEEKDAY%),?\s+)?(?:the\s+)?(?P<day>\d{1,2})%ORD%\s+(?:of\s+)?"
    r"(?P<month>%MONTH%),?\s+(?P<year>\d{4})",
)
def day_month_year(match: re.Match[str], context: Context) -> DateValue:
    """8 September 2022 / Thursday 8th September 2022 / the 8th of September 2022"""
    return _full_date(match)


def _full_date(match: re.Match[str]) -> DateValue:
    month = lookup(MONTHS, match["month"], "month")
    date = checked_date(int(match["year"]), month, int(match["day"]))
    check_weekday(date, match["weekday"])
    return day_value(date)


@rule("year", r"(?P<year>\d{4})")
def year(match: re.Match[str], context: Context) -> DateValue:
    """1952"""
    return year_value(int(match["year"]))
