"""A DateValue as data: the record `build.py dates --json` prints and timeline.json embeds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.dates.labels import display, edtf, offset_text
from dateline.dates.value import DateValue, Span


def time_text(time: dt.time | None) -> str | None:
    """'14:30+09:00', '14:30' when no zone is known, None without a time."""
    if time is None:
        return None
    offset = time.utcoffset()
    return f"{time:%H:%M}" + ("" if offset is None else offset_text(offset))


def date_record(value: DateValue) -> dict[str, Any]:
    """text, start, end (inclusive ISO dates; null for an open end), precision, part_of_day, time,
    qualifier, calendar, edtf, display and rule."""
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
