"""site/timeline.csv: one row per event (RFC 4180: CRLF line ends, fields quoted when needed).
A cell that would start like a spreadsheet formula (=, +, -, @) starts with an apostrophe."""

from __future__ import annotations

import csv
import io

from dateline.dates import edtf
from dateline.model import Timeline

COLUMNS = ("slug", "title", "when", "start", "end", "precision", "edtf", "place", "people", "tags", "sources")


def _inert(cell: str) -> str:
    """A cell a spreadsheet will not run: text that starts like a formula gets a leading apostrophe."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def timeline_csv(timeline: Timeline) -> str:
    """The timeline as CSV with a header row; lists (people, tags, sources) are joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in timeline.events:
        entry, date = event.entry, event.date
        writer.writerow(_inert(cell) for cell in (
            event.slug, event.title, date.text, date.start.isoformat(), date.end.isoformat(),
            date.precision_label, edtf(date), entry.where or "", "; ".join(entry.who), "; ".join(entry.tags),
            "; ".join(citation.source_id for citation in entry.citations),
        ))
    return buffer.getvalue()
