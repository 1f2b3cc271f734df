"""A DateValue as data: the record `build.py dates --json` prints and timeline.json embeds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.dates.labels import display, edtf, offset_text
from dateline.dates.value import DateValue, PartOfDay, Precision, Span


def time_text(time: dt.time | None) -> str | None:
    """'14:30+09:00', '14:30' when no zone is known, None without a time."""
    if time is None:
        return None
    offset = time.utcoffset()
    return f"{time:%H:%M}" + ("" if offset is None else offset_text(offset))


_PART_CODES = {PartOfDay.EARLY_MORNING: "MO", PartOfDay.MORNING: "MO", PartOfDay.AFTERNOON: "AF",
               PartOfDay.EVENING: "EV", PartOfDay.NIGHT: "NI"}
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def timex(value: DateValue) -> str:
    """The TimeML (TIMEX3) value of the expression: '2022-09-07TNI', '2022-Q3', '195', 'PAST_REF'.

    TimeML gives a range no single value; a range is given its known start (or its only bound)."""
    if value.timex is not None:
        return value.timex
    day = value.end if value.span is Span.OPEN_START else value.start
    if value.time is not None:
        return f"{day.isoformat()}T{value.time:%H:%M}"
    if value.part_of_day is not None:
        return f"{day.isoformat()}T{_PART_CODES[value.part_of_day]}"
    return _timex_point(day, value.end_precision or value.precision if value.span is Span.OPEN_START
                        else value.precision)


def _timex_point(day: dt.date, precision: Precision) -> str:
    year = f"{day.year:04d}"
    codes = {
        Precision.CENTURY: lambda: year[:2],
        Precision.DECADE: lambda: year[:3],
        Precision.YEAR: lambda: year,
        Precision.HALF: lambda: f"{year}-H{1 if day.month < 7 else 2}",
        Precision.QUARTER: lambda: f"{year}-Q{(day.month - 1) // 3 + 1}",
        Precision.SEASON: lambda: f"{year}-{_SEASON_CODES[day.month]}",
        Precision.MONTH: lambda: f"{year}-{day.month:02d}",
        Precision.WEEK: lambda: "{}-W{:02d}".format(*day.isocalendar()[:2]),
    }
    return codes.get(precision, day.isoformat)()


def date_record(value: DateValue) -> dict[str, Any]:
    """text, start, end (inclusive ISO dates; null for an open end), precision, part_of_day, time,
    qualifier, calendar, edtf, timex, display and rule."""
    return {
        "text": value.text,
        "start": None if value.span is Span.OPEN_START else value.start.isoformat(),
        "end": None if value.span is Span.OPEN_END else value.end.isoformat(),
        "precision": value.precision_label,
        "part_of_day": value.part_of_day.value if value.part_of_day else None,
        "time": time_text(value.time),
        "qualifier": value.qualifier.value if value.qualifier else None,
        "calendar": value.calendar.value,
        "edtf": edtf(value),
        "timex": timex(value),
        "display": display(value),
        "rule": value.rule,
    }


def explain(value: DateValue) -> str:
    """A reading explained for a person: the value, its precision, the anchor and the rule."""
    record = date_record(value)
    anchor = f"against the reference {value.anchor.isoformat()}" if value.anchor else "needing no reference"
    details = [f"{record['precision']}"]
    if record["qualifier"]:
        details.append(record["qualifier"])
    span = f"{record['start'] or '..'} to {record['end'] or '..'}"
    return (f"{record['display']}\n  {', '.join(details)}; {span}; EDTF {record['edtf']}\n"
            f"  read by the rule {value.rule}, {anchor}")
