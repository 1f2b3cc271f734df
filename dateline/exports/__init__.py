"""Data exports: pure functions from a timeline to the text of a file."""

from __future__ import annotations

from dateline.config import SiteConfig
from dateline.exports.atom import atom_composite
from dateline.exports.composite import Composite
from dateline.exports.ics import icalendar_composite
from dateline.exports.search import search_composite
from dateline.exports.table import csv_composite
from dateline.exports.timeline import timeline_composite
from dateline.exports.timelinejs import timelinejs_composite
from dateline.model import Timeline

# The data downloads every page links, by file name.
DOWNLOADS = {
    "timeline.json": "JSON",
    "timelinejs.json": "TimelineJS",
    "timeline.ics": "Calendar (ICS)",
    "feed.xml": "Atom feed",
    "timeline.csv": "CSV",
}


Composites = dict[str, tuple[Composite, bool]]  # the data files of parts by path, and whether a part shows the body


def composites(timeline: Timeline, config: SiteConfig) -> Composites:
    """The data files made of one part per event, by path, and whether a part shows the body."""
    base_url = config.base_url
    return {
        "timeline.json": (timeline_composite(timeline), False),
        "timelinejs.json": (timelinejs_composite(timeline, base_url), True),
        "timeline.ics": (icalendar_composite(timeline, base_url), True),
        "feed.xml": (atom_composite(timeline, base_url), True),
        "timeline.csv": (csv_composite(timeline), False),
        "static/search.js": (search_composite(timeline), True),
    }
