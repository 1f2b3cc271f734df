"""Rules for dates in other calendars, and for datelines that print two calendars side by side."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.dates.anchored import nearest_year
from dateline.dates.calendars import (
    ERAS_BY_NAME,
    SAKA_MONTH_NAMES,
    SAKA_MONTHS,
    era_to_gregorian,
    saka_label,
    saka_to_gregorian,
)
from dateline.dates.engine import Context, rule
from dateline.dates.labels import display
from dateline.dates.lexicon import CJK_WEEKDAYS, alternation, lookup
from dateline.dates.make import (
    check_month_day,
    check_weekday,
    checked_date,
    day_value,
    interval,
    month_value,
    year_value,
)
from dateline.dates.value import Calendar, DateError, DateValue, Precision

_BIKRAM_SAMBAT_FROM = 2000  # Saka 2000 is Gregorian 2078; a larger year is Nepal's Bikram Sambat.


@rule(
    "saka-date",
    r"(?P<month>" + alternation(SAKA_MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?P<era>\s+saka)?",
)
def saka_date(match: re.Match[str], context: Context) -> DateValue:
    """Bhadra 17, 1944 / Bhadrapada 17, 1944 Saka / भाद्र 17, 1944"""
    year, day = int(match["year"]), int(match["day"])
    _check_saka_year(year, bool(match["era"]), context)
    month = lookup(SAKA_MONTHS, match["month"], "Saka month")
    date = saka_to_gregorian(year, month, day)
    return day_value(date, calendar=Calendar.SAKA, native=saka_label(year, month, day))


def _check_saka_year(year: int, marked: bool, context: Context) -> None:
    if year >= _BIKRAM_SAMBAT_FROM and not marked:
        raise DateError(
            f"'{context.text}': {year} is too late for a Saka year (Saka {year} would be {year + 78}); "
            "it looks like Nepal's Bikram Sambat calendar, which Dateline does not read"
        )


@rule("two-calendar", r"(?=[^/]*[^\W\d_][^/]*/)(?P<first>[^/]+?)\s*/\s*(?=[^/]*[^\W\d_])(?P<second>[^/]+)")
def two_calendar(match: re.Match[str], context: Context) -> DateValue:
    """New Delhi, Bhadra 17, 1944 / Thursday, September 08, 2022: both parts must name one day."""
    first, second = context.read(match["first"]), context.read(match["second"])
    for part in (first, second):
        if part.precision is not Precision.DAY or part.is_range:
            raise DateError(f"'{part.text}' in a two-calendar dateline must name a single day")
    if first.start != second.start:
        raise DateError(f"the two calendars disagree: {display(first)} is not {display(second)}")
    native = first if first.native is not None else second
    return replace(native, rule=f"{first.rule}+{second.rule}")


@rule("saka-month", r"(?P<month>" + alternation(SAKA_MONTHS) + r"),?\s+(?P<year>\d{4})(?P<era>\s+saka)?")
def saka_month(match: re.Match[str], context: Context) -> DateValue:
    """Bhadra 1944: a Saka month, which straddles two Gregorian months."""
    year = int(match["year"])
    _check_saka_year(year, bool(match["era"]), context)
    month = lookup(SAKA_MONTHS, match["month"], "Saka month")
    first = saka_to_gregorian(year, month, 1)
    following = saka_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    value = interval(day_value(first), day_value(following - dt.timedelta(days=1)))
    return replace(value, calendar=Calendar.SAKA, native=f"{SAKA_MONTH_NAMES[month - 1]} {year} Saka")


_JAPANESE_WEEKDAY = r"(?:\s*\((?P<weekday>[月火水木金土日])(?:曜日?)?\))?"


@rule(
    "japanese-date",
    r"(?:(?P<era>" + alternation(ERAS_BY_NAME) + r")\s*(?P<era_year>元|\d{1,2})|(?P<year>\d{4}))\s*年"
    r"(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)?" + _JAPANESE_WEEKDAY,
)
def japanese_date(match: re.Match[str], context: Context) -> DateValue:
    """2022年9月8日（木） / 令和4年9月8日 / 令和元年5月1日 / 昭和27年: Japanese eras, 元年 = year 1."""
    calendar = Calendar.GREGORIAN
    if match["era"]:
        era = ERAS_BY_NAME[match["era"].lower()]
        era_year = 1 if match["era_year"] == "元" else int(match["era_year"])
        calendar = Calendar.JAPANESE
        if not match["month"]:
            return year_value(era.first_day.year + era_year - 1, calendar=calendar)
        month, day = int(match["month"]), int(match["day"] or 1)
        date = era_to_gregorian(era, era_year, month, day)
    else:
        if not match["month"]:
            return year_value(int(match["year"]))
        date = checked_date(int(match["year"]), int(match["month"]), int(match["day"] or 1))
    if not match["day"]:
        return month_value(date.year, date.month, calendar=calendar)
    check_weekday(date, CJK_WEEKDAYS[match["weekday"]] if match["weekday"] else None)
    return day_value(date, calendar=calendar)


@rule("cjk-month-day", r"(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]" + _JAPANESE_WEEKDAY)
def cjk_month_day(match: re.Match[str], context: Context) -> DateValue:
    """9月8日 / 9월 8일: the year nearest the anchor."""
    anchor = context.need_anchor()
    month, day = int(match["month"]), int(match["day"])
    check_month_day(month, day)
    date = nearest_year(month, day, anchor)
    check_weekday(date, CJK_WEEKDAYS[match["weekday"]] if match["weekday"] else None)
    return day_value(date, anchor=anchor)


@rule(
    "korean-date",
    r"(?P<year>\d{4})\s*년(?:\s*(?P<month>\d{1,2})\s*월(?:\s*(?P<day>\d{1,2})\s*일)?)?"
    r"(?:\s*\((?P<weekday>[월화수목금토일])(?:요일)?\))?",
)
def korean_date(match: re.Match[str], context: Context) -> DateValue:
    """2022년 9월 8일 (목)"""
    year = int(match["year"])
    if not match["month"]:
        return year_value(year)
    if not match["day"]:
        return month_value(year, int(match["month"]))
    date = checked_date(year, int(match["month"]), int(match["day"]))
    check_weekday(date, CJK_WEEKDAYS[match["weekday"]] if match["weekday"] else None)
    return day_value(date)
