"""Data exports: pure functions from a timeline to the text of a file."""

from __future__ import annotations

import json
from typing import Any

from dateline.dates.records import date_record
from dateline.model import Event, Timeline


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
    }


def timeline_json(timeline: Timeline) -> str:
    """site/timeline.json: the site title and every event in timeline order."""
    document = {"title": timeline.title, "events": [event_record(e) for e in timeline.events]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
