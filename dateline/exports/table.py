"""site/timeline.csv: one row per event (RFC 4180: CRLF line ends, fields quoted when needed).
A cell that would start like a spreadsheet formula (=, +, -, @) starts with an apostrophe."""

from __future__ import annotations

import csv
import io

from dateline.dates import edtf
from dateline.exports.composite import Composite
from dateline.model import Event, Timeline

COLUMNS = ("slug", "title", "when", "start", "end", "precision", "edtf", "place", "people", "tags", "sources")


def _inert(cell: str) -> str:
    """A cell a spreadsheet will not run: text that starts like a formula gets a leading apostrophe."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _row(cells: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(_inert(cell) for cell in cells)
    return buffer.getvalue()


def _event_row(event: Event) -> str:
    entry, date = event.entry, event.date
    return _row((
        event.slug, event.title, date.text, date.start.isoformat(), date.end.isoformat(),
        date.precision_label, edtf(date), entry.where or "", "; ".join(entry.who), "; ".join(entry.tags),
        "; ".join(citation.source_id for citation in entry.citations),
    ))


def csv_composite(timeline: Timeline) -> Composite:
    """The timeline as CSV with a header row; lists (people, tags, sources) are joined with '; '."""
    header = _row(COLUMNS)
    return Composite(head=lambda: header, part=_event_row, separator="", tail="", events=timeline.events)


def timeline_csv(timeline: Timeline) -> str:
    return csv_composite(timeline).text()
