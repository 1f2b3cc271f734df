"""The plan of a build: every file of the site, with a key that changes whenever its bytes may.

Keys are digests of what a file is made from, computed without making it: the site's settings,
templates and code; each event's header (`card`: all a list of events shows of one) and body;
the headers of the sources it cites. An incremental build compares them with the last build's
and makes only the files whose key changed; files made of one part per event (the data exports)
are remade part by part.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from dateline.cache import digest
from dateline.config import SiteConfig
from dateline.exports import Composites
from dateline.exports.briefing import briefing_markdown, contents
from dateline.exports.composite import Composite
from dateline.model import Event, Source, Timeline
from dateline.render import Renderer
from dateline.store import EventRow

CODE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, its key, and how to make its bytes. A file made of
    parts (`composite`) also has the key of its head (`base`), each part's key, and `reuse`: the
    parts of a previous file can be copied while it had the same `reuse`."""

    path: str
    key: bytes
    make: Callable[[], bytes]
    event: int | None = None  # for an event's page: the event's place in the timeline
    composite: Composite | None = None
    base: bytes = b""
    reuse: bytes = b""
    part_keys: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class Plan:
    """Every file of the site, in a fixed order, and where each event sits (by its file's path)."""

    outputs: list[Output]
    events: dict[str, EventRow]
    slugs: dict[str, dict[str, str]]
    as_of: dt.date | None
    renderer: Renderer


@functools.cache
def code_digest() -> bytes:
    """A digest of Dateline's own code: a new version makes every file again."""
    return digest(*(path.read_bytes() for path in sorted(CODE.rglob("*.py"))))


def folder_digest(folder: Path) -> bytes:
    """A digest of every file under a folder, names included."""
    files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
    return digest(*(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


def site_key(config: SiteConfig) -> bytes:
    """What every file depends on: the code, the templates, and the settings that show in the site
    (not where its folders are)."""
    settings = (config.title, config.description, config.language, config.day_first, config.base_url,
                config.briefings)
    return digest(code_digest(), folder_digest(config.templates_dir), repr(settings))


def full_key(card: bytes, body_digest: bytes) -> bytes:
    """An event with its body."""
    return digest(card, body_digest)


def page_key(base: bytes, body_digest: bytes) -> bytes:
    """An event's page: what it shows besides the event's body, and the body."""
    return digest(base, body_digest)


def composite_key(base: bytes, part_keys: tuple[bytes, ...]) -> bytes:
    return digest(base, *part_keys)


class Keys:
    """The keys of a timeline's outputs. An event's card key covers all a list of events shows of
    it: its header, the headers of the sources it cites, and the names of the pages it links."""

    def __init__(self, timeline: Timeline, site: bytes, slugs: dict[str, dict[str, str]]) -> None:
        self.site = site
        sources = {source.id: source for source in timeline.sources}
        # By the identity of the timeline's events (which live as long as the build): the lists of
        # a site name each event about ten times, and a lookup by slug costs more.
        self._cards: dict[int, bytes] = {}
        self._fulls: dict[int, bytes] = {}
        for event in timeline.events:
            entry = event.entry
            cited = [c.source_id for c in entry.citations if c.source_id in sources]
            links = [slugs["tags"][tag.casefold()] for tag in entry.tags]
            links += [slugs["people"][person.casefold()] for person in entry.who]
            links += [slugs["places"][entry.where.casefold()]] if entry.where else []
            links += [slugs["sources"][source_id.casefold()] for source_id in cited]
            card = digest(entry.header_digest, *(sources[s].header_digest for s in cited), *links)
            self._cards[id(event)] = card
            self._fulls[id(event)] = full_key(card, entry.body_digest)

    @property
    def cards(self) -> Collection[bytes]:
        """Every event's card key."""
        return self._cards.values()

    def card(self, event: Event) -> bytes:
        return self._cards[id(event)]

    def full(self, event: Event) -> bytes:
        return self._fulls[id(event)]

    def of(self, *parts: str | bytes) -> bytes:
        """A file's key: the site's and its own parts."""
        return digest(self.site, *parts)

    def cards_of(self, events: tuple[Event, ...]) -> bytes:
        cards = self._cards
        return digest(*[cards[id(event)] for event in events])


def plan(timeline: Timeline, config: SiteConfig, renderer: Renderer, keys: Keys, static: dict[str, bytes],
         data: Composites) -> Plan:
    """Every file of the site, in a fixed order (`data`: the data files of parts, see exports)."""
    outputs = _pages(timeline, config, renderer, keys)
    pages, events = _event_pages(timeline, renderer, keys)
    outputs += pages
    outputs += _facet_pages(timeline, renderer, keys)
    outputs += _data(timeline, config, keys, data)
    outputs += [Output(path, digest(data), functools.partial(bytes, data)) for path, data in static.items()]
    return Plan(outputs, events, renderer.slugs, timeline.as_of, renderer)


def _pages(timeline: Timeline, config: SiteConfig, renderer: Renderer, keys: Keys) -> list[Output]:
    every = keys.cards_of(timeline.events)
    names = digest(*(f"{kind}:{facet.name}:{facet.slug}" for kind, facets in timeline.facets.items()
                     for facet in facets))
    outputs = [
        Output("index.html", keys.of("index", every, names), renderer.index),
        Output("embed.html", keys.of("embed", every), renderer.embed),
    ]
    for briefing in config.briefings:
        held = contents(briefing, timeline)
        outputs.append(Output(f"briefings/{briefing.name}.html", keys.of("briefing", briefing.name,
                                                                         keys.cards_of(held.events)),
                              functools.partial(renderer.briefing, briefing)))
    return outputs


def _event_pages(timeline: Timeline, renderer: Renderer, keys: Keys) -> tuple[list[Output], dict[str, EventRow]]:
    """Each event's page, keyed by the event, the cards of the events before and after it, and
    whether there are any."""
    events = timeline.events
    outputs, rows = [], {}
    for index, event in enumerate(events):
        previous = events[index - 1] if index else None
        after = events[index + 1] if index + 1 < len(events) else None
        card = keys.card(event)
        base = keys.of("event", card, *(keys.card(other) if other else b"-" for other in (previous, after)))
        path = f"events/{event.slug}.html"
        make = functools.partial(renderer.event_page, index)
        outputs.append(Output(path, page_key(base, event.entry.body_digest), make, event=index))
        rows[event.entry.path] = EventRow(event.slug, card, base, previous.entry.path if previous else None,
                                          after.entry.path if after else None)
    return outputs, rows


def _facet_pages(timeline: Timeline, renderer: Renderer, keys: Keys) -> list[Output]:
    outputs = []
    for kind, facets in timeline.facets.items():
        listing = digest(*(f"{facet.name}:{facet.slug}:{len(facet.events)}" for facet in facets),
                         *(renderer.sources[facet.name].header_digest for facet in facets if kind == "sources"))
        outputs.append(Output(f"{kind}/index.html", keys.of(kind, listing), functools.partial(renderer.facets, kind)))
        for facet in facets:
            extra = renderer.sources[facet.name].header_digest + renderer.sources[facet.name].body_digest \
                if kind == "sources" else b""
            key = keys.of(kind, facet.name, facet.slug, extra, keys.cards_of(facet.events))
            outputs.append(Output(f"{kind}/{facet.slug}.html", key, functools.partial(renderer.facet, kind, facet)))
    return outputs


def _data(timeline: Timeline, config: SiteConfig, keys: Keys, data: Composites) -> list[Output]:
    outputs = []
    for path, (composite, with_body) in data.items():
        part_key = keys.full if with_body else keys.card
        part_keys = tuple(part_key(event) for event in composite.events)
        base = keys.of(path, composite.head(), composite.context)
        outputs.append(Output(path, composite_key(base, part_keys), functools.partial(_encoded, composite),
                              composite=composite, base=base, reuse=digest(keys.site, composite.context),
                              part_keys=part_keys))
    sources = {source.id: source for source in timeline.sources}
    for briefing in config.briefings:
        held = contents(briefing, timeline)
        key = keys.of("briefing-md", briefing.name, str(held.as_of), keys.cards_of(held.events))
        make = functools.partial(_markdown, briefing.title, held.events, sources, held.as_of)
        outputs.append(Output(f"briefings/{briefing.name}.md", key, make))
    return outputs


def _markdown(title: str, events: tuple[Event, ...], sources: dict[str, Source], as_of: dt.date | None) -> bytes:
    return briefing_markdown(title, events, sources, as_of).encode("utf-8")


def _encoded(composite: Composite) -> bytes:
    return composite.text().encode("utf-8")
