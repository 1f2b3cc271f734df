"""Small constructors that readers share: checked dates and values of each precision."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from dateline.dates.labels import MONTH_NAMES, day_label
from dateline.dates.lexicon import WEEKDAY_NAMES, WEEKDAYS, lookup
from dateline.dates.value import DateError, DateValue, Precision


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


def check_weekday(date: dt.date, weekday_word: str | None) -> None:
    """A written weekday must be the date's weekday."""
    if weekday_word is None:
        return
    written = lookup(WEEKDAYS, weekday_word, "weekday")
    if written != date.weekday():
        raise DateError(
            f"{day_label(date)} is a {WEEKDAY_NAMES[date.weekday()]}, not a {WEEKDAY_NAMES[written]}"
        )


def day_value(date: dt.date, **fields: Any) -> DateValue:
    """A value of day precision."""
    return DateValue(text="", start=date, end=date, precision=Precision.DAY, rule="", **fields)


def month_value(year: int, month: int, **fields: Any) -> DateValue:
    """A value spanning one calendar month."""
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        text="", start=dt.date(year, month, 1), end=dt.date(year, month, last),
        precision=Precision.MONTH, rule="", **fields,
    )


def year_value(year: int, **fields: Any) -> DateValue:
    """A value spanning one calendar year."""
    if not 1 <= year <= 9999:
        raise DateError(f"year {year} is out of range")
    return DateValue(
        text="", start=dt.date(year, 1, 1), end=dt.date(year, 12, 31),
        precision=Precision.YEAR, rule="", **fields,
    )
