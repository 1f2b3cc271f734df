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
from dateline.dates.lexicon import CJK_WEEKDAYS, WEEKDAYS, alternation, lookup
from dateline.dates.make import (
    check_month_day,
    check_weekday,
    checked_date,
    day_value,
    decade_value,
    fiscal_year,
    half_value,
    interval,
    month_value,
    quarter_value,
    year_value,
)
from dateline.dates.value import Calendar, DateError, DateValue, Precision

_BIKRAM_SAMBAT_FROM = 2000  # Saka 2000 is Gregorian 2078; a larger year is Nepal's Bikram Sambat.


@rule(
    "saka-date",
    r"(?:(?P<weekday>%WEEKDAY%),?\s+)?(?P<month>" + alternation(SAKA_MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>\d{4})(?P<era>\s+(?:saka|शक))?",
)
def saka_date(match: re.Match[str], context: Context) -> DateValue:
    """Bhadra 17, 1944 / Bhadrapada 17, 1944 Saka / भाद्र 17, 1944 / Thursday, Magha 6, 1944"""
    year, day = int(match["year"]), int(match["day"])
    _check_saka_year(year, bool(match["era"]), context)
    month = lookup(SAKA_MONTHS, match["month"], "Saka month")
    date = saka_to_gregorian(year, month, day)
    check_weekday(date, lookup(WEEKDAYS, match["weekday"], "weekday") if match["weekday"] else None)
    return day_value(date, calendar=Calendar.SAKA, native=saka_label(year, month, day))


@rule("saka-year", r"(?:saka\s+(?:year\s+)?(?P<year>\d{4})|(?P<year2>\d{4})\s+saka(?:\s+era)?)")
def saka_year(match: re.Match[str], context: Context) -> DateValue:
    """Saka year 1945 / 1945 Saka: Chaitra 1 to Phalguna 30, which straddles two Gregorian years."""
    year = int(match["year"] or match["year2"])
    last = saka_to_gregorian(year + 1, 1, 1) - dt.timedelta(days=1)
    value = interval(day_value(saka_to_gregorian(year, 1, 1)), day_value(last))
    return replace(value, calendar=Calendar.SAKA, native=f"{year} Saka")


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


@rule("japanese-fiscal-year",
      r"(?:(?P<era>" + alternation(ERAS_BY_NAME) + r")\s*(?P<era_year>元|\d{1,2})|(?P<year>\d{4}))\s*年度")
def japanese_fiscal_year(match: re.Match[str], context: Context) -> DateValue:
    """令和6年度 / 2024年度: Japan's fiscal year (nendo), April to March, named by its first year."""
    if match["era"]:
        era = ERAS_BY_NAME[match["era"]]
        year = era.first_day.year + (1 if match["era_year"] == "元" else int(match["era_year"])) - 1
    else:
        year = int(match["year"])
    return replace(fiscal_year(year, name=f"Japanese FY {year}"), calendar=Calendar.JAPANESE)


_CJK_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@rule("cjk-period", r"(?P<year>\d{4})\s*[年년]\s*(?:(?P<half>上半年|下半年|上半期|下半期|上期|下期|상반기|하반기)"
      r"|第(?P<quarter>[一二三四1-4])(?:季度|四半期)|(?P<quarter2>[1-4])\s*분기)")
def cjk_period(match: re.Match[str], context: Context) -> DateValue:
    """2022年上半年 (first half) / 2023年第三季度 (Q3) / 2023年第3四半期 / 2023년 3분기"""
    year = int(match["year"])
    if match["half"]:
        return half_value(year, 1 if match["half"][0] in "上상" else 2)
    return quarter_value(year, _CJK_NUMBERS[match["quarter"] or match["quarter2"]])


@rule("cjk-decade", r"(?P<decade>\d{3}0)\s*(?:年代|년대|-?е(?:\s+годы|\s+гг\.?)?)")
def cjk_decade(match: re.Match[str], context: Context) -> DateValue:
    """1990年代 / 1990년대 / 1990-е годы: a decade."""
    return decade_value(int(match["decade"]))


@rule("cjk-range", r"(?=.*日.*[日일])(?P<first>.+?日)(?:\s*\([^)]*\))?\s*(?:~|から|-)\s*"
      r"(?:(?P<month>\d{1,2})\s*[月월]\s*)?"
      r"(?P<day>\d{1,2})\s*[日일](?:\s*\((?P<weekday>[^)])(?:曜日?|요일)?\))?\s*(?:まで)?")
def cjk_range(match: re.Match[str], context: Context) -> DateValue:
    """令和5年5月19日（金）～21日（日） / 5月19日から21日まで: the end takes the start's year and month."""
    first = context.read(match["first"])
    month = int(match["month"]) if match["month"] else first.start.month
    end_year = first.start.year + (month < first.start.month)
    last = checked_date(end_year, month, int(match["day"]))
    check_weekday(last, CJK_WEEKDAYS.get(match["weekday"] or ""))
    return interval(first, day_value(last))
