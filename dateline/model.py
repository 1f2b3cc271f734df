"""The domain: sources, the events taken from them, and the ordered timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from dateline.dates import DateValue


@dataclass(frozen=True)
class Source:
    """A document events are taken from: a press release, a news report, a readout."""

    id: str
    path: str
    title: str
    publisher: str | None
    url: str | None
    kind: str | None
    dateline_text: str | None
    dateline: DateValue | None
    reference: DateValue | None
    note: str | None
    body_html: Markup
    plain_text: str
    header_digest: bytes  # of everything but the body: what lists of events show of a source
    body_digest: bytes


@dataclass(frozen=True)
class Citation:
    """An event's reference to a source, with the quote the event rests on."""

    source_id: str
    quote: str | None
    line: int


@dataclass(frozen=True)
class Reading:
    """How one cited source dates the event, when it dates it differently from `When:`."""

    source_id: str
    when: str
    line: int


@dataclass(frozen=True)
class EventFile:
    """An event as read from its file, before its date is resolved."""

    path: str
    slug: str
    title: str
    when: str
    when_line: int
    where: str | None
    who: tuple[str, ...]
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]
    readings: tuple[Reading, ...]
    reference: str | None
    reference_line: int
    order: int | None
    body_html: Markup
    header_digest: bytes  # of the header: all a list of events shows of this one
    body_digest: bytes


@dataclass(frozen=True)
class Anchor:
    """The date relative expressions were resolved against, and where it came from."""

    date: DateValue
    origin: str


@dataclass(frozen=True)
class SourceDate:
    """A source's own reading of an event's date, and whether it contradicts the event's date."""

    source_id: str
    date: DateValue
    conflicts: bool


@dataclass(frozen=True)
class Event:
    """An event with its date resolved; `source_position` is where its quote sits in its source;
    `readings` are the dates other sources give it (the event is disputed when one contradicts)."""

    entry: EventFile
    date: DateValue
    anchor: Anchor | None
    source_position: int | None
    readings: tuple[SourceDate, ...] = ()
    # The entry's, at hand: every list, key and order reads them (a property costs a call each time).
    slug: str = field(init=False, repr=False, compare=False)
    title: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "slug", self.entry.slug)
        object.__setattr__(self, "title", self.entry.title)

    @property
    def disputed(self) -> bool:
        return any(reading.conflicts for reading in self.readings)


@dataclass(frozen=True)
class Facet:
    """A named group of events: one tag, one person, one place, one year or one source."""

    kind: str
    name: str
    slug: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Timeline:
    """Every event in timeline order, the sources, and the groups pages are made for."""

    title: str
    description: str
    language: str
    events: tuple[Event, ...]
    sources: tuple[Source, ...]
    facets: dict[str, tuple[Facet, ...]]
    as_of: dt.date | None  # the newest date the content gives (see `as_of`): never the clock


def as_of(sources: tuple[Source, ...], events: tuple[Event, ...]) -> dt.date | None:
    """The latest dateline of `sources`, else the latest start among `events`: what exports and
    briefings say they are "as of"."""
    datelines = [source.dateline.end for source in sources if source.dateline is not None]
    if datelines:
        return max(datelines)
    return max((event.date.start for event in events), default=None)
