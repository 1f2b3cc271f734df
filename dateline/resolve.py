"""Resolving each event's dates against their anchors, and checking what the event cites.

An event's `When:` resolves against its `Reference:`, else its first source's anchor. A source's
anchor is its dateline, else its own `Reference:` (for a document printed without a dateline).
`When (source-id): ...` records how another source dates the event; it resolves against that
source's anchor, and when it contradicts `When:` the event is disputed and a warning says so.
"""

from __future__ import annotations

import difflib

from dateline.config import SiteConfig
from dateline.dates import DateError, DateValue, MissingAnchorError, Precision, display, normalise
from dateline.errors import Diagnostics
from dateline.model import Anchor, Event, EventFile, Reading, Source, SourceDate
from dateline.quotes import find_quote, nearest_passage


def resolve_events(
    files: list[EventFile], sources: dict[str, Source], config: SiteConfig, diagnostics: Diagnostics
) -> list[Event]:
    """Events with resolved dates; files whose date cannot be read are reported and left out."""
    resolved = (resolve_event(entry, sources, config, diagnostics) for entry in files)
    return [event for event in resolved if event is not None]


def resolve_event(entry: EventFile, sources: dict[str, Source], config: SiteConfig,
                  diagnostics: Diagnostics) -> Event | None:
    """One event with its dates resolved and its citations checked; None when its date cannot
    be read (the problem is reported)."""
    _check_citations(entry, sources, diagnostics)
    if not entry.when:
        return None  # reported already: every event needs a When
    anchor = _event_anchor(entry, sources, config, diagnostics)
    try:
        date = _read(entry.when, anchor, config)
    except DateError as exc:
        _report(exc, entry.path, entry.when_line, _missing_hint(entry, sources), diagnostics)
        return None
    readings = tuple(_reading(reading, date, entry, sources, config, diagnostics) for reading in entry.readings)
    return Event(entry, date, anchor if date.anchor else None, _source_position(entry, sources),
                 tuple(reading for reading in readings if reading is not None))


def needed_sources(entry: EventFile) -> tuple[str, ...]:
    """The ids of the sources an event's resolution reads: the ones it cites or dates it by."""
    return tuple(dict.fromkeys([*(c.source_id for c in entry.citations), *(r.source_id for r in entry.readings)]))


def _read(text: str, anchor: Anchor | None, config: SiteConfig) -> DateValue:
    return normalise(text, anchor=anchor.date.start if anchor else None, day_first=config.day_first)


def _report(error: DateError, path: str, line: int, hint: str, diagnostics: Diagnostics) -> None:
    """A date that cannot be read; one that lacks an anchor says how to give it one."""
    diagnostics.error(path, line, f"{error}; {hint}" if isinstance(error, MissingAnchorError) else str(error))


def source_anchor(source: Source) -> Anchor | None:
    """A source's dateline, else its Reference."""
    if source.dateline is not None:
        return Anchor(source.dateline, f"the dateline of {source.id}")
    if source.reference is not None:
        return Anchor(source.reference, f"the reference date of {source.id}")
    return None


def _event_anchor(entry: EventFile, sources: dict[str, Source], config: SiteConfig,
                  diagnostics: Diagnostics) -> Anchor | None:
    """`Reference:` if given, else the first cited source's anchor, else None."""
    if entry.reference:
        try:
            date = normalise(entry.reference, anchor=None, day_first=config.day_first)
        except DateError as exc:
            diagnostics.error(entry.path, entry.reference_line, f"Reference: {exc}")
            return None
        if date.precision is not Precision.DAY or date.is_range:
            diagnostics.error(entry.path, entry.reference_line, "Reference must name a single day")
            return None
        return Anchor(date, "the event's Reference")
    first = sources.get(entry.citations[0].source_id) if entry.citations else None
    return source_anchor(first) if first is not None else None


def _missing_hint(entry: EventFile, sources: dict[str, Source]) -> str:
    first = sources.get(entry.citations[0].source_id) if entry.citations else None
    if first is None:
        return "add 'Reference: <date>' or cite a source that has a Dateline"
    return f"its first source, {first.id}, has no dateline: add 'Reference: <date>' to the event"


def _reading(reading: Reading, date: DateValue, entry: EventFile, sources: dict[str, Source], config: SiteConfig,
             diagnostics: Diagnostics) -> SourceDate | None:
    """`When (source-id): ...`: the source's own date for the event, checked against `When:`."""
    source = sources.get(reading.source_id)
    if source is None or reading.source_id not in {c.source_id for c in entry.citations}:
        diagnostics.error(entry.path, reading.line,
                          f"'When ({reading.source_id})' needs the event to cite that source with a 'Source:' line")
        return None
    try:
        value = _read(reading.when, source_anchor(source), config)
    except DateError as exc:
        hint = f"{source.id} has no dateline: give the source a 'Reference:'"
        _report(exc, entry.path, reading.line, hint, diagnostics)
        return None
    conflicts = value.end < date.start or value.start > date.end
    if conflicts:
        diagnostics.warning(
            entry.path, reading.line,
            f"sources disagree on the date: {source.id} says '{reading.when}' ({display(value)}), "
            f"but When: says {display(date)}; the event is shown as disputed",
        )
    return SourceDate(source.id, value, conflicts)


def _check_citations(entry: EventFile, sources: dict[str, Source], diagnostics: Diagnostics) -> None:
    for citation in entry.citations:
        source = sources.get(citation.source_id)
        if source is None:
            guess = difflib.get_close_matches(citation.source_id, sources, n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'?" if guess else f"known: {', '.join(sorted(sources)) or 'none'}"
            diagnostics.error(entry.path, citation.line,
                              f"cites source '{citation.source_id}', which is not in content/sources/ ({hint})")
        elif citation.quote:
            _check_quote(entry, citation.quote, citation.line, source, diagnostics)


def _check_quote(entry: EventFile, quote: str, line: int, source: Source, diagnostics: Diagnostics) -> None:
    """A quote must be in its source's text (whitespace, case, curly quotes and dashes aside)."""
    if not source.plain_text:
        diagnostics.warning(entry.path, line, f"{source.id} has no text to check the quote against: paste the "
                            "source's text below its header")
    elif find_quote(quote, source.plain_text) is None:
        nearest = nearest_passage(quote, source.plain_text)
        hint = f"; its nearest passage reads \"{nearest}\"" if nearest else ""
        diagnostics.error(entry.path, line, f"the quote does not appear in {source.id}'s text{hint}")


def _source_position(entry: EventFile, sources: dict[str, Source]) -> int | None:
    """Where the event's first quote sits in its first source, for ordering same-day events."""
    if not entry.citations or entry.citations[0].quote is None:
        return None
    source = sources.get(entry.citations[0].source_id)
    return find_quote(entry.citations[0].quote, source.plain_text) if source else None
