"""Rendering the timeline into pages with Jinja2: every page, as bytes, by its path in site/."""

from __future__ import annotations

import functools
import html
import weakref
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from dateline import templating
from dateline.axis import build_axis
from dateline.cache import digest
from dateline.config import Briefing, SiteConfig
from dateline.dates import Precision
from dateline.dates.labels import MONTH_NAMES
from dateline.exports import DOWNLOADS
from dateline.exports.briefing import contents
from dateline.listed import Listed, Run, locate
from dateline.model import Event, Facet, Source, Timeline
from dateline.resolve import needed_sources
from dateline.store import ItemKey, Shape

FACET_TITLES = {"tags": "Tags", "people": "People", "places": "Places", "years": "Years", "sources": "Sources"}
FACET_SINGULAR = {"tags": "Tag", "people": "Person", "places": "Place", "years": "Year", "sources": "Source"}


@dataclass(frozen=True)
class MonthGroup:
    """A run of a year's events on the index: one month's events under the month's heading, or
    (with no label) events known only to a period longer than a month, where that period starts."""

    id: str
    label: str | None
    events: tuple[Event, ...]


@dataclass(frozen=True)
class YearGroup:
    """A year on the index: its runs of events, in timeline order."""

    year: int
    runs: tuple[MonthGroup, ...]


def group_by_year(events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
    """Year groups for the index, each cut into month runs and runs of coarser events, so that
    the index reads in timeline order ("second half of 1957" comes just before July 1957)."""
    years: dict[int, list[tuple[int | None, list[Event]]]] = {}
    for event in events:
        runs = years.setdefault(event.date.start.year, [])
        month = event.date.start.month if event.date.precision.rank >= Precision.MONTH.rank else None
        if runs and runs[-1][0] == month:
            runs[-1][1].append(event)
        else:
            runs.append((month, [event]))
    return tuple(YearGroup(year, _month_runs(year, runs)) for year, runs in years.items())


def _month_runs(year: int, runs: list[tuple[int | None, list[Event]]]) -> tuple[MonthGroup, ...]:
    made: list[MonthGroup] = []
    seen: dict[int | None, int] = {}
    for month, members in runs:
        seen[month] = seen.get(month, 0) + 1
        name = f"{year}" if month is None else f"{year}-{month:02d}"
        suffix = "" if seen[month] == 1 else f"-{seen[month]}"
        label = None if month is None else f"{MONTH_NAMES[month - 1]} {year}"
        made.append(MonthGroup(f"m-{name}{suffix}", label, tuple(members)))
    return tuple(made)


def embed_snippet(title: str, base_url: str) -> str:
    """The <iframe> to paste into a page, with the listener that fits the frame to its content."""
    source = f"{base_url.rstrip('/')}/embed.html" if base_url else "embed.html"
    return (
        f'<iframe src="{html.escape(source)}" title="{html.escape(title)}" style="width:100%;border:0" '
        'loading="lazy"></iframe>\n'
        '<script>addEventListener("message",function(e){var d=e.data;if(d&&d.type==="dateline:height")'
        '{document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)'
        '{f.style.height=d.height+"px"}})}})</script>'
    )


# Above this many events the index lists each event on one line (title, date, place): the facts
# are on the event's page and on the tag, person and place pages.
COMPACT_INDEX_FROM = 500


@dataclass(frozen=True)
class Neighbourhood:
    """All an event's page may show: the event; the cards (events without their bodies) of the
    events before and after it; and, as `timeline`, the site with only those events, the headers
    of the sources the event reads, and the pages of its own tags, people, place, year and sources.
    A page made from it depends on nothing else, so it is made again only when these change."""

    event: Event
    previous: Event | None
    next: Event | None
    timeline: Timeline


T = TypeVar("T")


def _changed(instance: T, **changes: Any) -> T:
    """A copy of a frozen dataclass with some fields changed (`dataclasses.replace` without the
    cost of calling __init__ again: this runs for every event page)."""
    clone = object.__new__(type(instance))
    clone.__dict__.update(instance.__dict__, **changes)
    return clone


def card(event: Event) -> Event:
    """The event without its body."""
    return _changed(event, entry=_changed(event.entry, body_html=Markup("")))


def _header(source: Source) -> Source:
    return _changed(source, body_html=Markup(""), plain_text="")


def neighbourhood(config: SiteConfig, event: Event, previous: Event | None, after: Event | None,
                  sources: dict[str, Source], slugs: dict[str, dict[str, str]]) -> Neighbourhood:
    """An event's neighbourhood in a site whose sources and facet page names are `sources` and
    `slugs` (`sources` needs only those the event reads)."""
    entry = event.entry
    read = [source_id for source_id in needed_sources(entry) if source_id in sources]
    names = {"tags": entry.tags, "people": entry.who, "places": (entry.where,) if entry.where else (),
             "years": (str(event.date.start.year),), "sources": tuple(read)}
    facets = {kind: tuple(Facet(kind, name, slugs[kind][name.casefold()], ()) for name in names[kind])
              for kind in FACET_TITLES}
    before, following = (card(other) if other is not None else None for other in (previous, after))
    cards = tuple(other for other in (before, event, following) if other is not None)
    timeline = Timeline(config.title, config.description, config.language, cards,
                        tuple(_header(sources[source_id]) for source_id in read), facets, None)
    return Neighbourhood(event, before, following, timeline)


def render_event_page(environment: jinja2.Environment, config: SiteConfig, around: Neighbourhood) -> bytes:
    """An event's page, made from its neighbourhood alone."""
    renderer = Renderer(environment, around.timeline, config)
    path = f"events/{around.event.slug}.html"
    return renderer.page("event.html", path, event=around.event, previous=around.previous, next=around.next)[1]


ITEM = "partials/item.html"  # the template of an item of a list of events, unless a page names another


@dataclass(frozen=True)
class SiteSettings:
    """All of the site a part rendered `once` per depth may show (a template that asks it for
    more, its events say, fails, rather than showing on every page what the first page had)."""

    title: str
    description: str
    language: str


# The parts rendered once per depth, by environment (an environment serves one build): see Renderer._once.
_ONCE: weakref.WeakKeyDictionary[jinja2.Environment, dict[tuple[Any, ...], Markup]] = weakref.WeakKeyDictionary()


class ListItems:
    """List items, each rendered once per event and kind of list and reused by every page that
    lists the event. Keyed by the event's card key (all a list shows of it), they also outlive a
    build in a process that builds often (the preview, which `keep`s them): `kept` holds the last
    build's items made with the same site key (templates, settings and code), and `lasting()`
    those still current."""

    def __init__(self, site: bytes, card: Callable[[Event], bytes], cards: Collection[bytes],
                 kept: tuple[bytes, dict[ItemKey, str]] | None, *, keep: bool = False) -> None:
        self.site = site
        self.card = card  # an event's card key
        self.cards = cards  # every event's
        self.made: dict[ItemKey, str] = kept[1] if kept is not None and kept[0] == site else {}
        # A page's items as the last build wrote them (see listed.py), when that build had the same site key.
        self.earlier: Callable[[str], dict[ItemKey, str]] = lambda path: {}
        self.keep = keep
        self._shapes: frozenset[Shape] = frozenset()

    def page_listed(self, shapes: frozenset[Shape]) -> None:
        """Note the shapes (template, heading level, way to the top, compactness) of the items a
        page just listed. Pages list events in the same shapes one kind after another (the index,
        the embed page, then the tag, person, place, year and source pages): when the shapes
        change, a build that does not keep its items drops those of the shapes no longer listed
        (at 100,000 events the index's and the embed page's items take 100 MB). An item needed
        again is rendered again."""
        if self.keep or not shapes or shapes == self._shapes:
            return
        self.made = {key: item for key, item in self.made.items() if key[1:] in shapes}
        self._shapes = shapes

    def key(self, event: Event, template: str, level: int, root: str, compact: bool) -> ItemKey:
        return (self.card(event), template, level, root, compact)

    def lasting(self) -> tuple[bytes, dict[ItemKey, str]]:
        """The items whose event's card is still in the timeline, for the next build."""
        current = set(self.cards)
        return self.site, {key: item for key, item in self.made.items() if key[0] in current}


def facet_slugs(timeline: Timeline) -> dict[str, dict[str, str]]:
    """The page name of each tag, person, place, year and source, by kind and folded name."""
    return {kind: {facet.name.casefold(): facet.slug for facet in facets} for kind, facets in timeline.facets.items()}


class Renderer:
    """Renders each page of a timeline with the links every page shares, and its list items (see
    ListItems; without them, an event is known by its page name)."""

    def __init__(self, environment: jinja2.Environment, timeline: Timeline, config: SiteConfig,
                 items: ListItems | None = None) -> None:
        self.environment = environment
        self.timeline = timeline
        self.config = config
        self.sources = {source.id: source for source in timeline.sources}
        self.compact_index = len(timeline.events) > COMPACT_INDEX_FROM
        self.slugs = facet_slugs(timeline)
        self.items = items or ListItems(b"", lambda event: digest(event.slug), (), None)
        self.listed: dict[str, Listed] = {}  # where the items of each page made sit in it, by path
        self._facet_urls: dict[str, Callable[[str, str | int], str]] = {}

    def page(self, template: str, path: str, **context: Any) -> tuple[str, bytes]:
        """Render one page; `root` is the relative way back to the top of the site. Where its
        list items sit in it is noted in `listed`."""
        root = "../" * path.count("/")
        runs: list[Run] = []
        html = templating.render_template(self.environment.get_template(template), {
            "site": self.timeline, "root": root, "sources": self.sources, "facet_url": self._facet_url(root),
            "facet_titles": FACET_TITLES, "facet_singular": FACET_SINGULAR, "downloads": DOWNLOADS,
            "briefings": self.config.briefings, "items": self._items_at(root, path, runs), "once": self._once(root),
            **context,
        })
        located = locate(html, runs) if runs else None
        if located is not None:
            self.listed[path] = located
        self.items.page_listed(frozenset(run.shape for run in runs))
        return path, html.encode("utf-8")

    def _items_at(self, root: str, path: str, runs: list[Run]) -> Callable[..., Markup]:
        """The function templates call to list events: `items(events, level, template)`, each
        event's item rendered once by `template` (with its heading at `level`), and joined; each
        call's items noted in `runs`."""
        compact = path == "index.html" and self.compact_index
        written: list[dict[ItemKey, str]] = []  # the page's items as last written, read at the first need

        def earlier(key: ItemKey) -> str | None:
            if not written:
                written.append(self.items.earlier(path))
            return written[0].get(key)

        def items(events: tuple[Event, ...], level: int = 2, template: str = ITEM) -> Markup:
            keys = [self.items.key(event, template, level, root, compact) for event in events]
            made = tuple(self._list_item(key, event, earlier) for key, event in zip(keys, events, strict=True))
            runs.append(Run(template, level, root, compact, b"".join(key[0] for key in keys), made))
            return Markup("".join(made))

        return items

    def _list_item(self, key: ItemKey, event: Event, earlier: Callable[[ItemKey], str | None]) -> str:
        item = self.items.made.get(key)
        if item is None:
            _, template, level, root, compact = key
            item = earlier(key) or templating.render_template(self.environment.get_template(template), {
                "event": event, "level": level, "root": root, "compact": compact, "sources": self.sources,
                "facet_url": self._facet_url(root)})
            self.items.made[key] = item
        return item

    def _once(self, root: str) -> Callable[[str], Markup]:
        """The function templates call for a part that is the same on every page at one depth
        (the site's header, say): `once(template)`, rendered the first time with only the site's
        settings and `root`, then reused by every page of the build at that depth, this renderer's
        or another's (each event's page has a renderer of its own)."""
        made = _ONCE.setdefault(self.environment, {})
        site = SiteSettings(self.timeline.title, self.timeline.description, self.timeline.language)
        briefings = self.config.briefings

        def once(template: str) -> Markup:
            key = (template, root, site, briefings)
            part = made.get(key)
            if part is None:
                part = made[key] = Markup(templating.render_template(self.environment.get_template(template), {
                    "site": site, "root": root, "facet_titles": FACET_TITLES, "downloads": DOWNLOADS,
                    "briefings": briefings}))
            return part

        return once

    def _facet_url(self, root: str) -> Callable[[str, str | int], str]:
        """The function templates call to link a tag, person, place, year or source page from a
        page at `root` (one per root, kept by this renderer: a cache on the method would keep
        every renderer, and the pages it saw, alive)."""
        made = self._facet_urls.get(root)
        if made is None:
            slugs = self.slugs

            def facet_url(kind: str, name: str | int) -> str:
                return f"{root}{kind}/{slugs[kind][str(name).casefold()]}.html"

            made = self._facet_urls[root] = facet_url
        return made

    def index(self) -> bytes:
        timeline = self.timeline
        snippet = embed_snippet(timeline.title, self.config.base_url)
        year_url = functools.partial(self._facet_url(""), "years")
        return self.page("index.html", "index.html", years=group_by_year(timeline.events),
                         axis=build_axis(timeline.events), embed_snippet=snippet, year_url=year_url)[1]

    def embed(self) -> bytes:
        return self.page("embed.html", "embed.html")[1]

    def briefing(self, briefing: Briefing) -> bytes:
        held = contents(briefing, self.timeline)
        return self.page("briefing.html", f"briefings/{briefing.name}.html", briefing=briefing, events=held.events,
                         cited=held.cited, as_of=held.as_of, axis=build_axis(held.events))[1]

    def event_page(self, index: int) -> bytes:
        events = self.timeline.events
        previous = events[index - 1] if index else None
        after = events[index + 1] if index + 1 < len(events) else None
        around = neighbourhood(self.config, events[index], previous, after, self.sources, self.slugs)
        return render_event_page(self.environment, self.config, around)

    def facets(self, kind: str) -> bytes:
        return self.page("facets.html", f"{kind}/index.html", kind=kind, facets=self.timeline.facets[kind])[1]

    def facet(self, kind: str, facet: Facet) -> bytes:
        path = f"{kind}/{facet.slug}.html"
        if kind == "sources":
            return self.page("source.html", path, facet=facet, source=self.sources[facet.name])[1]
        return self.page("facet.html", path, kind=kind, facet=facet)[1]
