"""Rules for dates written in EDTF (Extended Date/Time Format): what Dateline writes, it also reads."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.dates.engine import Context, rule
from dateline.dates.make import (
    century_value,
    decade_value,
    fiscal_year,
    half_value,
    interval,
    month_value,
    quarter_value,
    season_value,
    year_value,
)
from dateline.dates.value import Calendar, DateError, DateValue, Qualifier, Span

_HEDGES = {"~": Qualifier.APPROXIMATE, "?": Qualifier.UNCERTAIN, "%": Qualifier.UNCERTAIN}
_SEASON_CODES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?|\d{3}x[~?%]?|\d{2}xx[~?%]?|\d{4}-xx(?:-xx)?"


@rule("edtf-unspecified", r"(?P<digits>\d{2,3})(?P<xs>x{1,2})(?P<hedge>[~?%])?")
def edtf_unspecified(match: re.Match[str], context: Context) -> DateValue:
    """195X (the 1950s) / 19XX (1900-1999)"""
    digits = match["digits"]
    if len(digits) + len(match["xs"]) != 4:
        raise DateError(f"'{context.text}' is not an EDTF year")
    value = decade_value(int(digits) * 10) if len(digits) == 3 else century_value(int(digits) + 1)
    return _hedged(value, match["hedge"])


@rule("year-and-two-digits", r"(?P<year>\d{4})-(?P<code>\d{2}|xx)(?:-xx)?(?P<hedge>[~?%])?")
def edtf_year_month(match: re.Match[str], context: Context) -> DateValue:
    """2022-09 (a month) / 2022-22 (summer) / 2022-35 (Q3) / 2022-41 (second half) / 2022-XX (a year)"""
    year, code = int(match["year"]), match["code"]
    if code == "xx":
        return _hedged(year_value(year), match["hedge"])
    number = int(code)
    if number > 12 and (number == (year + 1) % 100 or not _is_grouping(number)) and not match["hedge"]:
        return _years(year, number)
    if 1 <= number <= 12:
        value = month_value(year, number)
    elif number in _SEASON_CODES:
        value = season_value(year, _SEASON_CODES[number])
    elif 33 <= number <= 36:
        value = quarter_value(year, number - 32)
    elif number in (40, 41):
        value = half_value(year, number - 39)
    else:
        raise DateError(f"'{context.text}': {code} is neither a month nor an EDTF season, quarter or half")
    return _hedged(value, match["hedge"])


def _is_grouping(code: int) -> bool:
    return code in _SEASON_CODES or 33 <= code <= 36 or code in (40, 41)


def _years(first: int, last_two_digits: int) -> DateValue:
    """2015-19: a range of years; 2022-23, one year into the next, is India's fiscal year, as Indian
    government sources write it."""
    last = first // 100 * 100 + last_two_digits
    if last <= first:
        raise DateError(f"'{first}-{last_two_digits:02d}' ends before it starts")
    return fiscal_year(first) if last == first + 1 else interval(year_value(first), year_value(last))


@rule("edtf-hedged", r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?P<hedge>[~?%])")
def edtf_hedged(match: re.Match[str], context: Context) -> DateValue:
    """1952~ (approximate) / 2022-09-08? (uncertain)"""
    return _hedged(context.read(match["date"]), match["hedge"])


@rule("edtf-interval", r"(?P<first>" + _POINT + r"|\.\.)?/(?P<last>" + _POINT + r"|\.\.)?")
def edtf_interval(match: re.Match[str], context: Context) -> DateValue:
    """2022-09-07/2022-09-08 / ../2020-09-08 (open start) / 2020/.. (open end)"""
    first, last = match["first"], match["last"]
    if first in (None, "..") and last in (None, ".."):
        raise DateError(f"'{context.text}' is open at both ends")
    if first in (None, ".."):
        end = context.read(last)
        return replace(end, span=Span.OPEN_START, end_precision=end.precision, calendar=Calendar.EDTF)
    start = context.read(first)
    if last in (None, ".."):
        return replace(start, span=Span.OPEN_END, calendar=Calendar.EDTF)
    return replace(interval(start, context.read(last)), calendar=Calendar.EDTF)


def _hedged(value: DateValue, hedge: str | None) -> DateValue:
    if hedge is None:
        return replace(value, calendar=Calendar.EDTF)
    return replace(value, qualifier=_HEDGES[hedge], calendar=Calendar.EDTF)

