"""Rules for dates written without a year (or a month): the anchor supplies what is missing."""

from __future__ import annotations

import re

from dateline.dates.anchored import month_year, nearest_year, shifted
from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, WEEKDAYS, lookup, ordinal
from dateline.dates.make import check_month_day, check_weekday, checked_date, day_value, month_value
from dateline.dates.value import DateValue

_WEEKDAY = r"(?:(?P<weekday>%WEEKDAY%),?\s+)?"
_ORDINAL_WORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|" \
                r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|" \
                r"twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|" \
                r"twenty-seventh|twenty-eighth|twenty-ninth|thirtieth|thirty-first)"
_DAY = r"(?:the\s+|le\s+)?(?P<day>%DAY%%ORD%|" + _ORDINAL_WORD + ")"


@rule("day-month", _WEEKDAY + _DAY + r"(?:\s+day)?(?:\s+of|\s+de)?[\s-]+(?P<month>%MONTH%)"
      r"(?:\s*\((?P<weekday2>%WEEKDAY%)\))?")
def day_month(match: re.Match[str], context: Context) -> DateValue:
    """7 September / on the 7th of September / Thursday 8 September: the year nearest the anchor."""
    return _nearest(match, context)


@rule(
    "month-day",
    _WEEKDAY + r"(?P<month>%MONTH%)[\s-]+(?:the\s+)?(?P<day>%DAY%%ORD%|" + _ORDINAL_WORD + r")"
    r"(?:\s*\((?P<weekday2>%WEEKDAY%)\))?",
)
def month_day(match: re.Match[str], context: Context) -> DateValue:
    """Sept 7 / September 7th / Thursday, September 8: the year nearest the anchor."""
    return _nearest(match, context)


def _nearest(match: re.Match[str], context: Context) -> DateValue:
    anchor = context.need_anchor()
    month = lookup(MONTHS, match["month"], "month")
    day = _day_number(match["day"])
    check_month_day(month, day)
    date = nearest_year(month, day, anchor)
    weekday = match["weekday"] or match["weekday2"]
    check_weekday(date, lookup(WEEKDAYS, weekday, "weekday") if weekday else None)
    return day_value(date, anchor=anchor)


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else ordinal(text)


@rule("day-of-month", r"the\s+(?P<day>%DAY%%ORD%|" + _ORDINAL_WORD + r")(?:\s+(?P<instant>instant|inst\.?))?")
def day_of_month(match: re.Match[str], context: Context) -> DateValue:
    """on the 7th: that day of the anchor's month, or of the month before when it is still ahead
    (the month after, when the text looks forward)."""
    anchor = context.need_anchor()
    day = _day_number(match["day"])
    month_start = anchor.replace(day=1)
    if match["instant"]:
        pass  # "the 14th instant": of the current month, whichever side of the anchor
    elif context.forward and day < anchor.day:
        month_start = shifted(month_start, months=1)
    elif not context.forward and day > anchor.day:
        month_start = shifted(month_start, months=-1)
    return day_value(checked_date(month_start.year, month_start.month, day), anchor=anchor)


@rule("bare-month", r"(?:the\s+month\s+of\s+)?(?P<month>%MONTH%)")
def bare_month(match: re.Match[str], context: Context) -> DateValue:
    """in April: the latest April on or before the anchor (the next one when the text looks forward)."""
    anchor = context.need_anchor()
    month = lookup(MONTHS, match["month"], "month")
    return month_value(month_year(month, anchor, forward=context.forward), month, anchor=anchor)
