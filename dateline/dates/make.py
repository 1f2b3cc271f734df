"""Small constructors that readers share: checked dates and values of each precision."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace
from typing import Any

from dateline.dates.labels import MONTH_NAMES, day_label
from dateline.dates.lexicon import WEEKDAY_NAMES
from dateline.dates.value import DateError, DateValue, Precision, Qualifier, Span

SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def checked_date(year: int, month: int, day: int) -> dt.date:
    """The date, or a DateError that names what is wrong ('September has 30 days')."""
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}")
    if not 1 <= year <= 9999:
        raise DateError(f"year {year} is out of range")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = MONTH_NAMES[month - 1]
        raise DateError(f"{name} {year} has {last} days, so there is no {day} {name}")
    return dt.date(year, month, day)


def check_month_day(month: int, day: int) -> None:
    """A day and month with no year must exist in some year (29 February does)."""
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}")
    last = calendar.monthrange(2000, month)[1]
    if not 1 <= day <= last:
        name = MONTH_NAMES[month - 1]
        raise DateError(f"{name} has {last} days, so there is no {day} {name}")


def check_weekday(date: dt.date, weekday: int | None) -> None:
    """A written weekday (0 = Monday) must be the date's weekday."""
    if weekday is not None and weekday != date.weekday():
        raise DateError(f"{day_label(date)} is a {WEEKDAY_NAMES[date.weekday()]}, not a {WEEKDAY_NAMES[weekday]}")


def _period(start: dt.date, end: dt.date, precision: Precision, fields: dict[str, Any]) -> DateValue:
    return DateValue.of(start, end, precision, **fields)


def day_value(date: dt.date, **fields: Any) -> DateValue:
    """A value of day precision."""
    return _period(date, date, Precision.DAY, fields)


def minute_value(date: dt.date, clock: dt.time, **fields: Any) -> DateValue:
    """A value with a clock time (and the time's offset from UTC where it is known)."""
    return _period(date, date, Precision.MINUTE, {"time": clock, **fields})


def month_value(year: int, month: int, **fields: Any) -> DateValue:
    """A value spanning one calendar month."""
    last = calendar.monthrange(_year(year), month)[1]
    return _period(dt.date(year, month, 1), dt.date(year, month, last), Precision.MONTH, fields)


def year_value(year: int, **fields: Any) -> DateValue:
    """A value spanning one calendar year."""
    return _period(dt.date(_year(year), 1, 1), dt.date(year, 12, 31), Precision.YEAR, fields)


def week_value(day: dt.date, **fields: Any) -> DateValue:
    """The ISO week (Monday to Sunday) that contains `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return _period(monday, monday + dt.timedelta(days=6), Precision.WEEK, fields)


def quarter_value(year: int, quarter: int, **fields: Any) -> DateValue:
    """Q1..Q4 of a year."""
    if not 1 <= quarter <= 4:
        raise DateError(f"there is no quarter {quarter}")
    first = 3 * quarter - 2
    return _span_of_months(year, first, 3, Precision.QUARTER, fields)


def half_value(year: int, half: int, **fields: Any) -> DateValue:
    """The first or second half of a year."""
    return _span_of_months(year, 1 if half == 1 else 7, 6, Precision.HALF, fields)


def season_value(year: int, season: str, **fields: Any) -> DateValue:
    """A (northern, meteorological) season: spring = March to May ... winter = December to February."""
    return _span_of_months(year, SEASON_MONTHS[season.lower()], 3, Precision.SEASON, fields)


def decade_value(first_year: int, **fields: Any) -> DateValue:
    """The 1950s: 1950 to 1959."""
    return _period(dt.date(_year(first_year), 1, 1), dt.date(first_year + 9, 12, 31), Precision.DECADE, fields)


def century_value(century: int, **fields: Any) -> DateValue:
    """The 20th century, as EDTF counts it: 1900 to 1999."""
    first = (century - 1) * 100
    return _period(dt.date(_year(max(first, 1)), 1, 1), dt.date(first + 99, 12, 31), Precision.CENTURY, fields)


def fiscal_year(first: int, *, first_month: int = 4, name: str | None = None) -> DateValue:
    """A fiscal year that starts on the first of `first_month` of year `first`: India's runs April
    to March ('FY 2022-23', TimeML FY2023), the US government's October to September. `name`
    replaces the Indian label ('Japanese FY 2023', named by the year it starts in)."""
    start = dt.date(_year(first), first_month, 1)
    end = dt.date(first + 1, first_month, 1) - dt.timedelta(days=1)
    value = _period(start, end, Precision.DAY, {"span": Span.INTERVAL})
    native = name or f"FY {first}-{(first + 1) % 100:02d}"
    return replace(value, native=native, timex=f"FY{native[-4:] if name else end.year}")


def _span_of_months(year: int, first_month: int, months: int, precision: Precision,
                    fields: dict[str, Any]) -> DateValue:
    start = dt.date(_year(year), first_month, 1)
    last_month_index = first_month - 1 + months - 1
    end_year, end_month = year + last_month_index // 12, last_month_index % 12 + 1
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return _period(start, end, precision, fields)


def _year(year: int) -> int:
    if not 1 <= year <= 9998:
        raise DateError(f"year {year} is out of range")
    return year


def interval(first: DateValue, last: DateValue, *, span: Span = Span.INTERVAL) -> DateValue:
    """The range from the start of `first` to the end of `last`."""
    if last.end < first.start:
        raise DateError(f"the range ends ({day_label(last.end)}) before it starts ({day_label(first.start)})")
    end_precision = None if last.precision is first.precision else last.precision
    return replace(first, end=last.end, span=span, end_precision=end_precision, native=None,
                   anchor=first.anchor or last.anchor)


# How early/mid/late narrow a period: the share of its units each third takes.
def narrowed(value: DateValue, qualifier: Qualifier) -> DateValue:
    """'early March' -> 1-10 March; 'mid-2022' -> May-August; 'late 1950s' -> 1957-1959."""
    start, end = value.start, value.end
    precision = value.precision
    if precision is Precision.MONTH:
        bounds = {Qualifier.EARLY: (1, 10), Qualifier.MID: (11, 20), Qualifier.LATE: (21, end.day)}
        first, last = bounds[qualifier]
        return replace(value, start=start.replace(day=first), end=start.replace(day=last), qualifier=qualifier)
    if precision is Precision.YEAR:
        months = {Qualifier.EARLY: (1, 4), Qualifier.MID: (5, 8), Qualifier.LATE: (9, 12)}[qualifier]
        first_day = dt.date(start.year, months[0], 1)
        last_day = dt.date(start.year, months[1], calendar.monthrange(start.year, months[1])[1])
        return replace(value, start=first_day, end=last_day, qualifier=qualifier)
    if precision in (Precision.HALF, Precision.QUARTER, Precision.SEASON):
        return replace(value, qualifier=qualifier)  # too short to split in thirds: hedged, not narrowed
    if precision in (Precision.DECADE, Precision.CENTURY):
        size = 10 if precision is Precision.DECADE else 100
        share = {Qualifier.EARLY: (0, 0.34), Qualifier.MID: (0.34, 0.67), Qualifier.LATE: (0.67, 1.0)}[qualifier]
        first_year = start.year - start.year % size + round(size * share[0])
        last_year = start.year - start.year % size + round(size * share[1]) - 1
        return replace(value, start=dt.date(max(first_year, 1), 1, 1), end=dt.date(last_year, 12, 31),
                       qualifier=qualifier)
    raise DateError(f"'{qualifier.value}' needs a month, year, decade or century, not a {precision.value}")
