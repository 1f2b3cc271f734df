"""Validating events across files, putting them in timeline order, and grouping them."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from typing import Any

from dateline.config import SiteConfig
from dateline.dates import PartOfDay, Precision
from dateline.errors import Diagnostics
from dateline.model import Event, Facet, Source, Timeline, as_of
from dateline.slugs import slugify

# Where an untimed part of the day sits, in minutes after midnight, to order it among clock times.
_PART_MINUTES = {
    PartOfDay.EARLY_MORNING: 5 * 60,
    PartOfDay.MORNING: 9 * 60,
    PartOfDay.AFTERNOON: 14 * 60,
    PartOfDay.EVENING: 18 * 60,
    PartOfDay.NIGHT: 21 * 60 + 30,
}
FACET_KINDS = ("tags", "people", "places", "years", "sources")


def sort_key(event: Event) -> tuple[Any, ...]:
    """Timeline order: start; coarser precision first; longer span first; then within the day,
    'later in the day' last and parts of day and clock times in order; then `Order`; then the
    order the source tells them in; then slug."""
    date = event.date
    minute = date.minute_of_day
    if minute is None:
        minute = _PART_MINUTES[date.part_of_day] if date.part_of_day else -1
    order = (0, event.entry.order) if event.entry.order is not None else (1, 0)
    citations = event.entry.citations
    position = event.source_position if event.source_position is not None else sys.maxsize
    return (
        date.start,
        min(date.precision.rank, Precision.DAY.rank),
        -date.end.toordinal(),
        date.after_others,
        minute,
        order,
        citations[0].source_id if citations else "",
        position,
        event.slug,
    )


def check_slugs(events: Iterable[Event], diagnostics: Diagnostics) -> None:
    """Two events may not share a page."""
    first_seen: dict[str, Event] = {}
    for event in events:
        other = first_seen.setdefault(event.slug, event)
        if other is not event:
            diagnostics.error(
                event.entry.path, 1,
                f"slug '{event.slug}' is already used by {other.entry.path}; give one of them a 'Slug:'",
            )


def check_briefings(events: tuple[Event, ...], config: SiteConfig, diagnostics: Diagnostics) -> None:
    """A briefing that selects nothing is almost always a typo in its tags, people or places."""
    for briefing in config.briefings:
        if not briefing.selection.select(events):
            diagnostics.warning(config.display_path(config.root / "site.toml"), briefing.line,
                                f"briefing '{briefing.name}' selects no events")


def make_timeline(events: list[Event], sources: dict[str, Source], config: SiteConfig,
                  diagnostics: Diagnostics) -> Timeline:
    """The ordered timeline with its facets."""
    check_slugs(events, diagnostics)
    ordered = tuple(sorted(events, key=sort_key))
    check_briefings(ordered, config, diagnostics)
    facets = {
        "tags": _facets("tags", ordered, lambda e: e.entry.tags),
        "people": _facets("people", ordered, lambda e: e.entry.who),
        "places": _facets("places", ordered, lambda e: (e.entry.where,) if e.entry.where else ()),
        "years": _facets("years", ordered, lambda e: (str(e.date.start.year),)),
        "sources": _source_facets(ordered, sources),
    }
    listed = tuple(sources[key] for key in sorted(sources))
    return Timeline(
        title=config.title,
        description=config.description,
        language=config.language,
        events=ordered,
        sources=listed,
        facets=facets,
        as_of=as_of(listed, ordered),
    )


def _facets(kind: str, events: tuple[Event, ...], names: Callable[[Event], Iterable[str]]) -> tuple[Facet, ...]:
    """One facet per distinct name (case-insensitive), events in timeline order, sorted by name."""
    groups: dict[str, tuple[str, list[Event]]] = {}
    for event in events:
        for name in names(event):
            group = groups.get(folded := name.casefold())
            if group is None:
                group = groups[folded] = (name, [])
            group[1].append(event)
    facets: list[Facet] = []
    used: set[str] = set()
    for key in sorted(groups):
        name, members = groups[key]
        slug = _unique_slug(name, used)
        facets.append(Facet(kind, name, slug, tuple(members)))
    return tuple(facets)


def _source_facets(events: tuple[Event, ...], sources: dict[str, Source]) -> tuple[Facet, ...]:
    """A facet per source (cited or not), its events in timeline order."""
    members: dict[str, list[Event]] = {source_id: [] for source_id in sources}
    for event in events:
        for source_id in dict.fromkeys(c.source_id for c in event.entry.citations):
            members.setdefault(source_id, []).append(event)
    used: set[str] = set()
    return tuple(Facet("sources", source_id, _unique_slug(source_id, used), tuple(members[source_id]))
                 for source_id in sorted(sources))


def _unique_slug(name: str, used: set[str]) -> str:
    """A slug for `name` that no earlier name in this facet kind has taken."""
    slug = slugify(name)
    if slug in used:
        slug = f"{slug}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
    used.add(slug)
    return slug
