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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateline.cache import digest
from dateline.config import SiteConfig
from dateline.exports import composites
from dateline.exports.briefing import briefing_markdown, contents
from dateline.exports.composite import Composite
from dateline.model import Event, Source, Timeline
from dateline.render import Renderer

CODE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, its key, and how to make its bytes."""

    path: str
    key: bytes
    make: Callable[[], bytes]
    composite: Composite | None = None
    events: tuple[Event, ...] = ()  # for a composite file: its parts' events, and their keys
    part_keys: tuple[bytes, ...] = ()


@functools.cache
def code_digest() -> bytes:
    """A digest of Dateline's own code: a new version makes every file again."""
    return digest(*(path.read_bytes() for path in sorted(CODE.rglob("*.py"))))


def folder_digest(folder: Path) -> bytes:
    """A digest of every file under a folder, names included."""
    files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
    return digest(*(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


class Keys:
    """The keys of a timeline's outputs."""

    def __init__(self, timeline: Timeline, config: SiteConfig, renderer: Renderer) -> None:
        settings = (config.title, config.description, config.language, config.day_first, config.base_url,
                    config.briefings)  # what shows in the site; not where its folders are
        self.site = digest(code_digest(), folder_digest(config.templates_dir), repr(settings))
        sources = {source.id: source for source in timeline.sources}
        slugs = renderer.slugs
        self.cards: dict[str, bytes] = {}
        for event in timeline.events:
            entry = event.entry
            cited = [c.source_id for c in entry.citations if c.source_id in sources]
            links = [slugs["tags"][tag.casefold()] for tag in entry.tags]
            links += [slugs["people"][person.casefold()] for person in entry.who]
            links += [slugs["places"][entry.where.casefold()]] if entry.where else []
            links += [slugs["sources"][source_id.casefold()] for source_id in cited]
            self.cards[event.slug] = digest(entry.header_digest, *(sources[s].header_digest for s in cited), *links)

    def card(self, event: Event) -> bytes:
        return self.cards[event.slug]

    def full(self, event: Event) -> bytes:
        """An event with its body."""
        return digest(self.cards[event.slug], event.entry.body_digest)

    def of(self, *parts: str | bytes) -> bytes:
        """A file's key: the site's and its own parts."""
        return digest(self.site, *parts)

    def cards_of(self, events: tuple[Event, ...]) -> bytes:
        return digest(*(self.cards[event.slug] for event in events))


def plan(timeline: Timeline, config: SiteConfig, renderer: Renderer, static: dict[str, bytes]) -> list[Output]:
    """Every file of the site, in a fixed order."""
    keys = Keys(timeline, config, renderer)
    outputs = _pages(timeline, config, renderer, keys)
    outputs += _data(timeline, config, keys)
    outputs += [Output(path, digest(data), functools.partial(bytes, data)) for path, data in static.items()]
    return outputs


def _pages(timeline: Timeline, config: SiteConfig, renderer: Renderer, keys: Keys) -> list[Output]:
    events = timeline.events
    every = keys.cards_of(events)
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
    for index, event in enumerate(events):
        neighbours = [keys.card(events[i]) for i in (index - 1, index + 1) if 0 <= i < len(events)]
        key = keys.of("event", keys.full(event), str(index == 0), str(index == len(events) - 1), *neighbours)
        outputs.append(Output(f"events/{event.slug}.html", key, functools.partial(renderer.event_page, index)))
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


def _data(timeline: Timeline, config: SiteConfig, keys: Keys) -> list[Output]:
    outputs = []
    for path, (composite, with_body) in composites(timeline, config).items():
        part_keys = tuple(keys.full(event) if with_body else keys.card(event) for event in timeline.events)
        key = keys.of(path, composite.head(), *part_keys)
        make = functools.partial(_encoded, composite, timeline.events)
        outputs.append(Output(path, key, make, composite, timeline.events, part_keys))
    sources = {source.id: source for source in timeline.sources}
    for briefing in config.briefings:
        held = contents(briefing, timeline)
        key = keys.of("briefing-md", briefing.name, str(held.as_of), *(keys.full(e) for e in held.events))
        make = functools.partial(_markdown, briefing.title, held.events, sources, held.as_of)
        outputs.append(Output(f"briefings/{briefing.name}.md", key, make))
    return outputs


def _markdown(title: str, events: tuple[Event, ...], sources: dict[str, Source], as_of: dt.date | None) -> bytes:
    return briefing_markdown(title, events, sources, as_of).encode("utf-8")


def _encoded(composite: Composite, events: tuple[Event, ...]) -> bytes:
    return composite.text(events).encode("utf-8")

