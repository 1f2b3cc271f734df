"""static/search.js: each event's words, for the index's search box.

It is a script, not JSON, so that it loads from disk (file://) too; the index loads it only when
someone starts a search."""

from __future__ import annotations

import json

from dateline.markup import plain_text
from dateline.model import Timeline


def search_index(timeline: Timeline) -> str:
    """`window.DATELINE_SEARCH = {slug: lower-cased text of the body}`."""
    texts = {event.slug: " ".join(plain_text(event.entry.body_html).lower().split()) for event in timeline.events}
    return f"window.DATELINE_SEARCH = {json.dumps(texts, ensure_ascii=False, sort_keys=True)};\n"
