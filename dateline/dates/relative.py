"""Rules for expressions that only have a meaning against an anchor date."""

from __future__ import annotations

import re

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, lookup, number
from dateline.dates.make import day_value, month_value, year_value
from dateline.dates.value import DateValue


@rule("month-this-year", r"(?P<month>%MONTH%)\s+(?:of\s+)?this\s+year")
def month_this_year(match: re.Match[str], context: Context) -> DateValue:
    """in March this year"""
    anchor = context.need_anchor()
    return month_value(anchor.year, lookup(MONTHS, match["month"], "month"), anchor=anchor)


@rule("later-in-the-day", r"(?:later|afterwards)\s+(?:in|on|during)\s+(?:the|that)\s+day")
def later_in_the_day(match: re.Match[str], context: Context) -> DateValue:
    """Later in the day: the anchor's day, after that day's other events."""
    anchor = context.need_anchor()
    return day_value(anchor, anchor=anchor, after_others=True)


@rule(
    "anniversary",
    r"(?:this\s+year\s+(?:marks|is)\s+)?(?:the\s+)?(?P<count>%NUMBER%)(?:%ORD%\s+anniversary|\s+years)\s+(?:of|since)\b.*",
)
def anniversary(match: re.Match[str], context: Context) -> DateValue:
    """This year marks 70 years of diplomatic relations -> the year 70 years before the anchor."""
    anchor = context.need_anchor()
    return year_value(anchor.year - number(match["count"]), anchor=anchor)
