"""site/timeline.json: Dateline's own schema (docs/data.md), dates in EDTF and as inclusive ISO days."""

from __future__ import annotations

from typing import Any

from dateline.dates.records import date_record
from dateline.exports.composite import Composite, json_document
from dateline.model import Event, Source, SourceDate, Timeline


def event_record(event: Event) -> dict[str, Any]:
    """One event as the documented timeline.json record."""
    reading = date_record(event.date)
    return {
        "slug": event.slug,
        "title": event.title,
        "when": reading.pop("text"),
        **reading,
        "place": event.entry.where,
        "people": list(event.entry.who),
        "tags": list(event.entry.tags),
        "sources": [{"id": c.source_id, "quote": c.quote} for c in event.entry.citations],
        "disputed": event.disputed,
        "readings": [_source_reading(reading) for reading in event.readings],
    }


def _source_reading(reading: SourceDate) -> dict[str, Any]:
    record = date_record(reading.date)
    return {"source": reading.source_id, "when": record.pop("text"), **record, "conflicts": reading.conflicts}


def source_record(source: Source) -> dict[str, Any]:
    """One source's metadata as timeline.json lists it."""
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind,
        "url": source.url,
        "dateline": source.dateline_text,
        "dateline_date": source.dateline.start.isoformat() if source.dateline else None,
        "reference": source.reference.start.isoformat() if source.reference else None,
        "note": source.note,
    }


def timeline_composite(timeline: Timeline) -> Composite:
    """site/timeline.json: the site title, the sources, and every event in timeline order."""
    def fields() -> dict[str, Any]:
        return {"title": timeline.title, "sources": [source_record(source) for source in timeline.sources]}

    return json_document(fields, "events", event_record, timeline.events)


def timeline_json(timeline: Timeline) -> str:
    return timeline_composite(timeline).text()
