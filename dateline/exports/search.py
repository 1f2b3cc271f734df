"""static/search.js: each event's words, for the index's search box.

It is a script, not JSON, so that it loads from disk (file://) too; the index loads it only when
someone starts a search."""

from __future__ import annotations

import json

from dateline.exports.composite import Composite
from dateline.markup import body_words
from dateline.model import Event, Timeline


def _entry(event: Event) -> str:
    text = body_words(event.entry.body_html).lower()
    return f"{json.dumps(event.slug)}: {json.dumps(text, ensure_ascii=False)}"


def search_composite(timeline: Timeline) -> Composite:
    """`window.DATELINE_SEARCH = {slug: lower-cased text of the body}`."""
    return Composite(head=lambda: "window.DATELINE_SEARCH = {\n", part=_entry, separator=",\n", tail="\n};\n",
                     events=timeline.events)


def search_index(timeline: Timeline) -> str:
    return search_composite(timeline).text()
