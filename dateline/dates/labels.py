"""Human labels and EDTF strings for a DateValue, exactly as precise as the value."""

from __future__ import annotations

import datetime as dt

from dateline.dates.value import DateValue, Precision, Qualifier, Span

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_SEASONS = {3: ("spring", 21), 6: ("summer", 22), 9: ("autumn", 23), 12: ("winter", 24)}
_HALVES = {1: ("first half", 40), 7: ("second half", 41)}
_QUALIFIER_WORDS = {
    Qualifier.EARLY: "early ",
    Qualifier.MID: "mid-",
    Qualifier.LATE: "late ",
    Qualifier.APPROXIMATE: "c. ",
    Qualifier.UNCERTAIN: "probably ",
}


def day_label(day: dt.date) -> str:
    """'8 September 2022'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _point_label(day: dt.date, precision: Precision) -> str:
    """The label of the period of this precision that starts on `day`."""
    if precision is Precision.CENTURY:
        return f"{_ordinal(day.year // 100 + 1)} century"
    if precision is Precision.DECADE:
        return f"{day.year - day.year % 10}s"
    if precision is Precision.YEAR:
        return str(day.year)
    if precision is Precision.HALF:
        return f"{_HALVES[day.month][0]} of {day.year}"
    if precision is Precision.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision is Precision.SEASON:
        return f"{_SEASONS[day.month][0]} {day.year}"
    if precision is Precision.MONTH:
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if precision is Precision.WEEK:
        return f"week of {day_label(day)}"
    return day_label(day)


def _range_label(start: dt.date, end: dt.date, precision: Precision, end_precision: Precision) -> str:
    """'7–8 September 2022', 'March – May 2022', '1950 – 1952', '2020 – 8 September 2022'."""
    if precision is end_precision is Precision.DAY:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {MONTH_NAMES[start.month - 1]} – {day_label(end)}"
    if precision is end_precision is Precision.MONTH and start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]} – {MONTH_NAMES[end.month - 1]} {end.year}"
    return f"{_point_label(start, precision)} – {_point_label(end, end_precision)}"


def offset_text(offset: dt.timedelta) -> str:
    """'+09:00', '-03:30', '+00:00'."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _time_label(time: dt.time) -> str:
    offset = time.utcoffset()
    if offset is None:
        return f"{time:%H:%M}"
    return f"{time:%H:%M} " + ("UTC" if not offset else f"UTC{offset_text(offset)}")


def _base_label(value: DateValue) -> str:
    end_precision = value.end_precision or value.precision
    if value.span is Span.OPEN_START:
        return f"on or before {_point_label(value.end, end_precision)}"
    if value.span is Span.OPEN_END:
        return f"{_point_label(value.start, value.precision)} onwards"
    if value.is_range:
        return _range_label(value.start, value.end, value.precision, end_precision)
    return _point_label(value.start, value.precision)


def display(value: DateValue) -> str:
    """The label shown to readers: 'March 2022', 'night of 7 September 2022'."""
    label = _base_label(value)
    if value.qualifier is not None:
        label = _QUALIFIER_WORDS[value.qualifier] + label
    if value.part_of_day is not None:
        label = f"{value.part_of_day.value} of {label}"
    if value.time is not None:
        label = f"{label}, {_time_label(value.time)}"
    if value.after_others:
        label = f"{label}, later in the day"
    if value.native is not None:
        label = f"{value.native} ({label})"
    return label


def _edtf_point(day: dt.date, precision: Precision) -> str:
    if precision is Precision.CENTURY:
        return f"{day.year // 100:02d}XX"
    if precision is Precision.DECADE:
        return f"{day.year // 10:03d}X"
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.HALF:
        return f"{day.year:04d}-{_HALVES[day.month][1]}"
    if precision is Precision.QUARTER:
        return f"{day.year:04d}-{32 + (day.month - 1) // 3 + 1}"
    if precision is Precision.SEASON:
        return f"{day.year:04d}-{_SEASONS[day.month][1]}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if precision is Precision.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def edtf(value: DateValue) -> str:
    """The value as an EDTF string: '2022-03', '2022-09-07/2022-09-08', '1952~', '../2020-09-08'."""
    hedge = _edtf_hedge(value.qualifier)
    if value.precision is Precision.MINUTE and value.time is not None:
        return f"{value.start.isoformat()}T{value.time:%H:%M:%S}{_edtf_offset(value.time)}{hedge}"
    start = _edtf_point(value.start, value.precision) + hedge
    if not value.is_range:
        return start
    end = _edtf_point(value.end, value.end_precision or value.precision) + hedge
    if value.span is Span.OPEN_START:
        return f"../{end}"
    if value.span is Span.OPEN_END:
        return f"{start}/.."
    return f"{start}/{end}"


def _edtf_offset(time: dt.time) -> str:
    offset = time.utcoffset()
    if offset is None:
        return ""
    return "Z" if not offset else offset_text(offset)


def _edtf_hedge(qualifier: Qualifier | None) -> str:
    return {Qualifier.APPROXIMATE: "~", Qualifier.UNCERTAIN: "?"}.get(qualifier, "") if qualifier else ""
