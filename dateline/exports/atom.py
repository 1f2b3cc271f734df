"""site/feed.xml: the timeline as an Atom 1.0 feed (RFC 4287): an entry for each of its latest
FEED_SIZE events, in timeline order (a feed tells subscribers what is new; the whole timeline is in
timeline.json).

`updated` comes from the content, never the clock: the feed's is the content's "as of" date; an
entry's is the latest dateline among its sources, else its own date. Ids are stable: the event's
address when site.toml gives a base_url, else a name-based UUID of the site title and slug."""

from __future__ import annotations

import datetime as dt
import uuid

from dateline.dates import display
from dateline.exports.composite import Composite
from dateline.model import Event, Source, Timeline, as_of

FEED_SIZE = 100
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                            "\t": "&#9;"})


def escape(text: str) -> str:
    """Text as XML character data."""
    return text.translate(_TEXT)


def quoteattr(text: str) -> str:
    """Text as a double-quoted XML attribute value."""
    return f'"{text.translate(_ATTRIBUTE)}"'


def _stamp(day: dt.date | None) -> str:
    return f"{day or dt.date(1970, 1, 1):%Y-%m-%d}T00:00:00Z"


def _id(timeline: Timeline, path: str, base_url: str) -> str:
    if base_url:
        return f"{base_url.rstrip('/')}/{path}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"dateline:{timeline.title}:{path}").urn


def _link(path: str, base_url: str) -> str:
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def entry(event: Event, timeline: Timeline, sources: dict[str, Source], base_url: str) -> str:
    """One event as an Atom entry."""
    cited = tuple(sources[c.source_id] for c in event.entry.citations if c.source_id in sources)
    content = f"<p><strong>{escape(display(event.date))}</strong></p>{event.entry.body_html}"
    page = quoteattr(_link(f"events/{event.slug}.html", base_url))
    return (
        "  <entry>\n"
        f"    <id>{escape(_id(timeline, f'events/{event.slug}.html', base_url))}</id>\n"
        f"    <title>{escape(event.title)}</title>\n"
        f"    <updated>{_stamp(as_of(cited, (event,)))}</updated>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={page}/>\n"
        f"    <summary>{escape(display(event.date))}: {escape(event.title)}</summary>\n"
        f"    <content type=\"html\">{escape(content)}</content>\n"
        + "".join(f"    <category term={quoteattr(tag)}/>\n" for tag in event.entry.tags)
        + "  </entry>\n"
    )


def atom_composite(timeline: Timeline, base_url: str = "") -> Composite:
    """The whole timeline as an Atom feed, entries in timeline order."""
    sources = {source.id: source for source in timeline.sources}
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{escape(_id(timeline, 'index.html', base_url))}</id>\n"
        f"  <title>{escape(timeline.title)}</title>\n"
        f"  <updated>{_stamp(timeline.as_of)}</updated>\n"
        f"  <author><name>{escape(timeline.title)}</name></author>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(_link('index.html', base_url))}/>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(_link('feed.xml', base_url))}/>\n"
    )
    return Composite(head=lambda: head, part=lambda event: entry(event, timeline, sources, base_url),
                     separator="", tail="</feed>\n", events=timeline.events[-FEED_SIZE:])


def atom_feed(timeline: Timeline, base_url: str = "") -> str:
    return atom_composite(timeline, base_url).text()
