"""Data exports: pure functions from a timeline to the text of a file."""

from __future__ import annotations

import json
from typing import Any

from dateline.dates import display, edtf
from dateline.model import Event, Timeline


def event_record(event: Event) -> dict[str, Any]:
    """One event as the documented timeline.json record."""
    date = event.date
    return {
        "slug": event.slug,
        "title": event.title,
        "when": date.text,
        "start": date.start.isoformat(),
        "end": date.end.isoformat(),
        "precision": date.precision.value,
        "part_of_day": date.part_of_day.value if date.part_of_day else None,
        "edtf": edtf(date),
        "display": display(date),
        "place": event.entry.where,
        "people": list(event.entry.who),
        "tags": list(event.entry.tags),
        "sources": [{"id": c.source_id, "quote": c.quote} for c in event.entry.citations],
    }


def timeline_json(timeline: Timeline) -> str:
    """site/timeline.json: the site title and every event in timeline order."""
    document = {"title": timeline.title, "events": [event_record(e) for e in timeline.events]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
