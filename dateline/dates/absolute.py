"""Rules for dates written out in full: Gregorian dates in words, numeric dates, ISO 8601."""

from __future__ import annotations

import datetime as dt
import re

from dateline.dates.engine import Context, rule
from dateline.dates.labels import day_label
from dateline.dates.lexicon import MONTHS, WEEKDAYS, lookup
from dateline.dates.make import (
    check_weekday,
    checked_date,
    day_value,
    minute_value,
    month_value,
    week_value,
    year_value,
)
from dateline.dates.value import Calendar, DateError, DateValue

_ISO = (
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{8})"
    r"(?:[t ](?P<clock>\d{2}:?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)(?P<zone>z|[+-]\d{2}(?::?\d{2})?)?)?"
)


@rule("iso-8601", _ISO)
def iso_8601(match: re.Match[str], context: Context) -> DateValue:
    """2022-09-08 / 20220908 / 2022-09-08T14:30:00+05:30 / 2022-09-08T09:00:00Z"""
    from dateutil.parser import isoparse

    try:
        parsed = isoparse(match.group().upper())
    except ValueError as exc:
        raise DateError(f"'{context.text}' is not a valid ISO 8601 date: {exc}") from None
    date = parsed.date()
    if not match["clock"]:
        return day_value(date, calendar=Calendar.ISO)
    offset = parsed.utcoffset()
    zone = None if offset is None else dt.timezone(offset)
    clock = dt.time(parsed.hour, parsed.minute, parsed.second, tzinfo=zone)
    return minute_value(date, clock, calendar=Calendar.ISO)


@rule("iso-week", r"(?P<year>\d{4})-?w(?P<week>\d{2})")
def iso_week(match: re.Match[str], context: Context) -> DateValue:
    """2022-W36"""
    try:
        monday = dt.date.fromisocalendar(int(match["year"]), int(match["week"]), 1)
    except ValueError:
        raise DateError(f"{match['year']} has no week {match['week']}") from None
    return week_value(monday, calendar=Calendar.ISO)


@rule("year-month-day", r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})")
def year_month_day(match: re.Match[str], context: Context) -> DateValue:
    """2022/09/08, 2022.09.08: year first is never read the other way round."""
    return day_value(checked_date(int(match["year"]), int(match["month"]), int(match["day"])))


@rule("dotted-day-month-year", r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})")
def dotted(match: re.Match[str], context: Context) -> DateValue:
    """08.09.2022: dots are the European and Indian day-first form."""
    year = _full_year(match["year"], context)
    return day_value(checked_date(year, int(match["month"]), int(match["day"])))


@rule("numeric-date", r"(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})")
def numeric_date(match: re.Match[str], context: Context) -> DateValue:
    """08/09/2022, 8-9-22: read day first or month first as set; an error when it reads both ways."""
    year = _full_year(match["year"], context)
    first, second = int(match["first"]), int(match["second"])
    readings = {}
    for order, (day, month) in (("day first", (first, second)), ("month first", (second, first))):
        try:
            readings[order] = checked_date(year, month, day)
        except DateError:
            continue
    if not readings:
        raise DateError(f"'{context.text}' is not a date read either day first or month first")
    if context.day_first is not None:
        chosen = readings.get("day first" if context.day_first else "month first")
        if chosen is None:
            setting = "day first" if context.day_first else "month first"
            raise DateError(f"'{context.text}' is not a date read {setting} (the site's setting)")
        return day_value(chosen)
    if len(set(readings.values())) > 1:
        both = " or ".join(f"{day_label(d)} ({order})" for order, d in readings.items())
        raise DateError(
            f"'{context.text}' reads two ways: {both}; set day_first in site.toml "
            "(or use --day-first / --month-first), or write the month as a word"
        )
    return day_value(next(iter(readings.values())))


def _full_year(text: str, context: Context) -> int:
    """A four-digit year as it is; a two-digit one in the century that puts it nearest the anchor
    (without an anchor: 00-68 is 2000-2068 and 69-99 is 1969-1999, as POSIX reads it)."""
    year = int(text)
    if len(text) == 4:
        return year
    anchor = context.anchor
    if anchor is None:
        return year + (2000 if year < 69 else 1900)
    century = anchor.year // 100 * 100
    return min((century - 100 + year, century + year, century + 100 + year), key=lambda y: abs(y - anchor.year))


_WEEKDAY = r"(?:(?P<weekday>%WEEKDAY%),?\s+)?"
_DAY = r"(?:the\s+|le\s+)?(?P<day>%DAY%)%ORD%"
_YEAR = r"(?P<year>\d{4})(?:\s*(?:года|г\.?|년))?"


@rule("month-day-year", _WEEKDAY + r"(?P<month>%MONTH%)[\s-]+(?:the\s+)?(?P<day>%DAY%)%ORD%,?[\s-]+" + _YEAR)
def month_day_year(match: re.Match[str], context: Context) -> DateValue:
    """Thursday, September 08, 2022 / Sept. 8, 2022 / September 8th, 2022 / Sep 8 2022"""
    return _full_date(match)


@rule(
    "day-month-year",
    _WEEKDAY + _DAY + r"(?:\s+day)?(?:\s+of|\s+de)?[\s-]+(?P<month>%MONTH%)(?:,|\s+de)?[\s-]+" + _YEAR,
)
def day_month_year(match: re.Match[str], context: Context) -> DateValue:
    """8 September 2022 / Thu, 08 Sep 2022 / 08-Sep-2022 / le 8 septembre 2022 / 8 de septiembre de 2022"""
    return _full_date(match)


def _full_date(match: re.Match[str]) -> DateValue:
    month = lookup(MONTHS, match["month"], "month")
    date = checked_date(int(match["year"]), month, int(match["day"]))
    check_weekday(date, lookup(WEEKDAYS, match["weekday"], "weekday") if match["weekday"] else None)
    return day_value(date)


@rule("month-year", r"(?P<month>%MONTH%)(?:,|\s+of|\s+de)?[\s-]+" + _YEAR)
def month_year(match: re.Match[str], context: Context) -> DateValue:
    """September 2022 / Sept 2022 / Sep-2022 / septiembre de 2022"""
    return month_value(int(match["year"]), lookup(MONTHS, match["month"], "month"))


@rule("numeric-month-year", r"(?P<month>0?[1-9]|1[0-2])[/.-](?P<year>\d{4})")
def numeric_month_year(match: re.Match[str], context: Context) -> DateValue:
    """09/2022"""
    return month_value(int(match["year"]), int(match["month"]))


@rule("year", r"(?:the\s+year\s+)?(?P<year>\d{4})(?:\s*(?:ad|ce|годы?|г\.?|年|년))?")
def year(match: re.Match[str], context: Context) -> DateValue:
    """1952 / the year 1952"""
    return year_value(int(match["year"]))
