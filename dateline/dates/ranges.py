"""Rules for ranges: between two named days, months or years, and ranges measured from the anchor."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.dates.anchored import month_year, moved, nearest_year
from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, lookup, number
from dateline.dates.make import check_month_day, checked_date, day_value, interval, month_value, year_value
from dateline.dates.value import DateError, DateValue, Precision, Span

_TO = r"\s*(?:-|to|till|until|through|thru|and|au|al|a|y|et|по|и)\s*"
_FROM = r"(?:(?:from|between|du|del|de|entre|с)\s+)?"
_D1 = r"(?:the\s+)?(?P<d1>%DAY%)%ORD%"
_D2 = r"(?:the\s+)?(?P<d2>%DAY%)%ORD%"
_YEAR = r"(?:,?\s+(?:de\s+)?(?P<year>\d{4}))?"
_UNITS = r"(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)"


def _days(match: re.Match[str], context: Context, first_month: int, last_month: int) -> DateValue:
    """A range of days; with no year, the end takes the year nearest the anchor."""
    d1, d2 = int(match["d1"]), int(match["d2"])
    if match["year"]:
        year = int(match["year"])
        end = checked_date(year, last_month, d2)
    else:
        anchor = context.need_anchor()
        check_month_day(last_month, d2)
        end = nearest_year(last_month, d2, anchor)
    start_year = end.year - 1 if first_month > last_month else end.year
    start = checked_date(start_year, first_month, d1)
    return interval(day_value(start), day_value(end, anchor=None if match["year"] else context.anchor))


@rule("day-range", _FROM + _D1 + _TO + _D2 + r"(?:\s+of|\s+de)?\s+(?P<month>%MONTH%)" + _YEAR)
def day_range(match: re.Match[str], context: Context) -> DateValue:
    """7-8 September 2022 / 7–8 September / from 5 to 8 September 2022 / 13 - 17 Jul"""
    month = lookup(MONTHS, match["month"], "month")
    return _days(match, context, month, month)


@rule("month-day-range", _FROM + r"(?P<month>%MONTH%)\s+" + _D1 + _TO + _D2 + _YEAR)
def month_day_range(match: re.Match[str], context: Context) -> DateValue:
    """September 7-8, 2022 / between September 5 and 8, 2022"""
    month = lookup(MONTHS, match["month"], "month")
    return _days(match, context, month, month)


@rule("cross-month-range", _FROM + _D1 + r"\s+(?P<m1>%MONTH%)" + _TO + _D2 + r"\s+(?P<m2>%MONTH%)" + _YEAR)
def cross_month_range(match: re.Match[str], context: Context) -> DateValue:
    """30 September - 2 October 2022"""
    return _days(match, context, lookup(MONTHS, match["m1"], "month"), lookup(MONTHS, match["m2"], "month"))


@rule("month-cross-month-range",
      _FROM + r"(?P<m1>%MONTH%)\s+" + _D1 + _TO + r"(?P<m2>%MONTH%)\s+" + _D2 + _YEAR)
def month_cross_month_range(match: re.Match[str], context: Context) -> DateValue:
    """September 30 - October 2, 2022"""
    return _days(match, context, lookup(MONTHS, match["m1"], "month"), lookup(MONTHS, match["m2"], "month"))


@rule("month-range", _FROM + r"(?P<m1>%MONTH%)" + _TO + r"(?P<m2>%MONTH%)" + _YEAR)
def month_range(match: re.Match[str], context: Context) -> DateValue:
    """March-May 2022 / from January to March / December-February"""
    m1, m2 = lookup(MONTHS, match["m1"], "month"), lookup(MONTHS, match["m2"], "month")
    anchor = None if match["year"] else context.need_anchor()
    end_year = month_year(m2, anchor, forward=context.forward) if anchor else int(match["year"])
    start_year = end_year - 1 if m1 > m2 else end_year
    return interval(month_value(start_year, m1), month_value(end_year, m2))


@rule("year-range", _FROM + r"(?P<y1>\d{4})" + _TO + r"(?P<y2>\d{4}|\d{2})")
def year_range(match: re.Match[str], context: Context) -> DateValue:
    """2015-2019 / from 2015 to 2019 / 2022-23 (two years, not a fiscal year unless it says so)"""
    y1 = int(match["y1"])
    y2 = int(match["y2"]) if len(match["y2"]) == 4 else y1 // 100 * 100 + int(match["y2"])
    return interval(year_value(y1), year_value(y2))


_PARTIAL = re.compile(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[^\W\d_]+\.?$|^[^\W\d_]+\.?\s+\d{1,2}"
                      r"(?:st|nd|rd|th)?$", re.IGNORECASE)


@rule("range", r"(?:(?:from|between|du|del)\s+(?P<a>.+?)\s+(?:to|and|till|until|through|au|al)|(?P<a2>.+?)\s+(?:-|to|"
               r"till|until|through)(?=\s)|(?P<a3>.*\d)-(?=[^\W\d_]))\s*(?P<b>.+)")
def general_range(match: re.Match[str], context: Context) -> DateValue:
    """from 30 September to 2 October 2022 / 5 September - 8 October: any two expressions; a first one
    without a year takes the year nearest the second."""
    first_text = match["a"] or match["a2"] or match["a3"]
    last = context.read(match["b"])
    anchor = last.start if _PARTIAL.match(first_text.strip()) else context.anchor
    first = context.read(first_text, anchor=anchor)
    return interval(first, last)


@rule("since", r"(?:ever\s+)?since\s+(?P<a>.+)")
def since(match: re.Match[str], context: Context) -> DateValue:
    """since 2020: from 2020 up to the anchor."""
    anchor = context.need_anchor()
    first = context.read(match["a"])
    if first.start > anchor:
        raise DateError(f"'{context.text}' starts after the reference date {anchor.isoformat()}")
    return replace(first, end=anchor, span=Span.RANGE, end_precision=Precision.DAY, anchor=anchor, native=None)


@rule("onwards", r"(?=.*(?:^from\s|onward|and\s+after))(?:from\s+(?!.*\s(?:to|till|until|through|and)\s)"
      r"(?P<a>.+?)(?:\s+onwards?)?|(?P<a2>.+?)\s+(?:onwards?|and\s+after))")
def onwards(match: re.Match[str], context: Context) -> DateValue:
    """from 2020 onwards / September 2022 onwards: open at the end."""
    first = context.read(match["a"] or match["a2"])
    return replace(first, span=Span.OPEN_END, native=None)


@rule("until", r"(?:until|till|up\s+to|up\s+until)\s+(?P<a>.+)")
def until(match: re.Match[str], context: Context) -> DateValue:
    """until March 2022: open at the start."""
    last = context.read(match["a"])
    return replace(last, start=last.end, span=Span.OPEN_START, end_precision=last.precision, native=None)


@rule("for-more-than", r"(?=.*\bfor\s)(?:.*?\b)?for\s+(?:more\s+than|over|at\s+least|upwards\s+of)\s+"
      r"(?P<n>%NUMBER%)\s+" + _UNITS + r"(?:\s+now)?")
def for_more_than(match: re.Match[str], context: Context) -> DateValue:
    """a standoff for more than two years: it began on or before the anchor less two years."""
    anchor = context.need_anchor()
    bound = moved(anchor, -number(match["n"]), match["unit"])
    return replace(day_value(bound, anchor=anchor), span=Span.OPEN_START)


@rule("past-period", r"(?:over|in|during|for|within)?\s*the\s+(?:past|last|previous)\s+(?:(?P<n>%NUMBER%)\s+)?"
      + _UNITS)
def past_period(match: re.Match[str], context: Context) -> DateValue:
    """the past three years: from three years before the anchor up to it."""
    anchor = context.need_anchor()
    count = number(match["n"]) if match["n"] else 1
    start = moved(anchor, -count, match["unit"])
    return replace(day_value(start, anchor=anchor), end=anchor, span=Span.RANGE)
