"""Data exports: pure functions from a timeline to the text of a file."""

from __future__ import annotations

from dateline.config import SiteConfig
from dateline.exports.atom import atom_feed
from dateline.exports.briefing import briefing_files
from dateline.exports.ics import icalendar
from dateline.exports.search import search_index
from dateline.exports.table import timeline_csv
from dateline.exports.timeline import timeline_json
from dateline.exports.timelinejs import timelinejs_json
from dateline.model import Timeline

# The data downloads every page links, by file name.
DOWNLOADS = {
    "timeline.json": "JSON",
    "timelinejs.json": "TimelineJS",
    "timeline.ics": "Calendar (ICS)",
    "feed.xml": "Atom feed",
    "timeline.csv": "CSV",
}


def exports(timeline: Timeline, config: SiteConfig) -> dict[str, bytes]:
    """Every data file, by its path in site/."""
    base_url = config.base_url
    texts = {
        "timeline.json": timeline_json(timeline),
        "timelinejs.json": timelinejs_json(timeline, base_url),
        "timeline.ics": icalendar(timeline, base_url),
        "feed.xml": atom_feed(timeline, base_url),
        "timeline.csv": timeline_csv(timeline),
        "static/search.js": search_index(timeline),
        **briefing_files(timeline, config.briefings),
    }
    return {path: text.encode("utf-8") for path, text in texts.items()}
