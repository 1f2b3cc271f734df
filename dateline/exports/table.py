"""site/timeline.csv: one row per event (RFC 4180: CRLF line ends, fields quoted when needed)."""

from __future__ import annotations

import csv
import io

from dateline.dates import edtf
from dateline.model import Timeline

COLUMNS = ("slug", "title", "when", "start", "end", "precision", "edtf", "place", "people", "tags", "sources")


def timeline_csv(timeline: Timeline) -> str:
    """The timeline as CSV with a header row; lists (people, tags, sources) are joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in timeline.events:
        entry, date = event.entry, event.date
        writer.writerow((
            event.slug, event.title, date.text, date.start.isoformat(), date.end.isoformat(),
            date.precision_label, edtf(date), entry.where or "", "; ".join(entry.who), "; ".join(entry.tags),
            "; ".join(citation.source_id for citation in entry.citations),
        ))
    return buffer.getvalue()
