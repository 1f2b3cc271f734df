"""site/timelinejs.json: the timeline in TimelineJS3's JSON format, ready for a TimelineJS viewer.

Precision shows in which of year, month, day, hour and minute a date object carries; the
human label goes in `display_date`; `unique_id` is the slug and `group` the first tag."""

from __future__ import annotations

import html
from typing import Any

from dateline.dates import DateValue, Precision, Span, display
from dateline.exports.composite import Composite, json_document
from dateline.model import Event, Timeline


def _date_object(value: DateValue, *, end: bool = False) -> dict[str, Any]:
    day = value.end if end else value.start
    precision = (value.end_precision or value.precision) if end else value.precision
    date: dict[str, Any] = {"year": day.year}
    if precision.rank >= Precision.MONTH.rank:
        date["month"] = day.month
    if precision.rank >= Precision.DAY.rank or precision is Precision.WEEK:
        date["day"] = day.day
    if not end and value.time is not None:
        date.update(hour=value.time.hour, minute=value.time.minute)
    return date


def _text(event: Event, base_url: str) -> str:
    sources = "".join(
        f'<p>Source: <a href="{html.escape(_link(f"sources/{c.source_id}.html", base_url))}">'
        f"{html.escape(c.source_id)}</a>{': “' + html.escape(c.quote) + '”' if c.quote else ''}</p>"
        for c in event.entry.citations
    )
    return f"{event.entry.body_html}{sources}"


def _link(path: str, base_url: str) -> str:
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def slide(event: Event, base_url: str) -> dict[str, Any]:
    """One event as a TimelineJS3 slide."""
    value = event.date
    record: dict[str, Any] = {
        "start_date": {**_date_object(value), "display_date": display(value)},
        "display_date": display(value),
        "text": {"headline": html.escape(event.title), "text": _text(event, base_url)},
        "unique_id": event.slug,
    }
    if value.is_range and value.span is not Span.OPEN_START:
        record["end_date"] = _date_object(value, end=True)
    if event.entry.tags:
        record["group"] = event.entry.tags[0]
    return record


def timelinejs_composite(timeline: Timeline, base_url: str = "") -> Composite:
    """The whole timeline as TimelineJS3 JSON."""
    title = {"text": {"headline": html.escape(timeline.title), "text": html.escape(timeline.description)}}
    return json_document(lambda: {"title": title}, "events", lambda event: slide(event, base_url), timeline.events)


def timelinejs_json(timeline: Timeline, base_url: str = "") -> str:
    return timelinejs_composite(timeline, base_url).text()
