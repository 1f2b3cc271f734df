"""Human labels and EDTF strings for a DateValue, exactly as precise as the value."""

from __future__ import annotations

import datetime as dt

from dateline.dates.value import DateValue, PartOfDay, Precision, Qualifier

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
    Qualifier.UNCERTAIN: "",
}


def day_label(day: dt.date) -> str:
    """'8 September 2022'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _period_label(value: DateValue) -> str:
    """The label of the whole period the value names, before hedges and parts of day."""
    start, precision = value.start, value.precision
    if precision is Precision.CENTURY:
        return f"{_ordinal(start.year // 100 + 1)} century"
    if precision is Precision.DECADE:
        return f"{start.year}s"
    if precision is Precision.YEAR:
        return str(start.year)
    if precision is Precision.HALF:
        return f"{_HALVES[start.month][0]} of {start.year}"
    if precision is Precision.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision is Precision.SEASON:
        return f"{_SEASONS[start.month][0]} {start.year}"
    if precision is Precision.MONTH:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if precision is Precision.WEEK:
        return f"week of {day_label(start)}"
    return day_label(start)


def _range_label(start: dt.date, end: dt.date, precision: Precision) -> str:
    """'7–8 September 2022', 'March – May 2022', '1950 – 1952'."""
    if precision is Precision.YEAR:
        return f"{start.year} – {end.year}"
    if precision is Precision.MONTH:
        first = MONTH_NAMES[start.month - 1] + ("" if start.year == end.year else f" {start.year}")
        return f"{first} – {MONTH_NAMES[end.month - 1]} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} – {day_label(end)}"
    return f"{day_label(start)} – {day_label(end)}"


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


def display(value: DateValue) -> str:
    """The label shown to readers: 'March 2022', 'night of 7 September 2022'."""
    label = _range_label(value.start, value.end, value.precision) if value.interval else _period_label(value)
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
    return day.isoformat()


def edtf(value: DateValue) -> str:
    """The value as an EDTF string: '2022-03', '2022-09-07/2022-09-08', '1952~'."""
    if value.precision is Precision.WEEK or value.interval:
        point_precision = Precision.DAY if value.precision is Precision.WEEK else value.precision
        text = f"{_edtf_point(value.start, point_precision)}/{_edtf_point(value.end, point_precision)}"
    elif value.precision is Precision.MINUTE and value.time is not None:
        text = f"{value.start.isoformat()}T{value.time:%H:%M:%S}{_edtf_offset(value.time)}"
    else:
        text = _edtf_point(value.start, value.precision)
    return text + _edtf_hedge(value.qualifier)


def _edtf_offset(time: dt.time) -> str:
    offset = time.utcoffset()
    if offset is None:
        return ""
    return "Z" if not offset else offset_text(offset)


def _edtf_hedge(qualifier: Qualifier | None) -> str:
    return {Qualifier.APPROXIMATE: "~", Qualifier.UNCERTAIN: "?"}.get(qualifier, "") if qualifier else ""


def part_of_day_label(part: PartOfDay | None) -> str | None:
    """The part of day as written in data exports, or None."""
    return None if part is None else part.value
