"""Resolving each event's `When:` against its anchor, and checking what it cites."""

from __future__ import annotations

from dateline.config import SiteConfig
from dateline.dates import DateError, MissingAnchorError, Precision, normalise
from dateline.errors import Diagnostics
from dateline.model import Anchor, Event, EventFile, Source
from dateline.quotes import find_quote


def resolve_events(
    files: list[EventFile], sources: dict[str, Source], config: SiteConfig, diagnostics: Diagnostics
) -> list[Event]:
    """Events with resolved dates; files whose date cannot be read are reported and left out."""
    events = []
    for entry in files:
        _check_citations(entry, sources, diagnostics)
        anchor = _anchor(entry, sources, config, diagnostics)
        try:
            date = normalise(entry.when, anchor=anchor.date.start if anchor else None, day_first=config.day_first)
        except MissingAnchorError as exc:
            diagnostics.error(entry.path, entry.when_line, f"{exc}; {_missing_anchor_hint(entry, sources)}")
            continue
        except DateError as exc:
            diagnostics.error(entry.path, entry.when_line, str(exc))
            continue
        events.append(Event(entry, date, anchor if date.anchor else None, _source_position(entry, sources)))
    return events


def _anchor(
    entry: EventFile, sources: dict[str, Source], config: SiteConfig, diagnostics: Diagnostics
) -> Anchor | None:
    """`Reference:` if given, else the first cited source's dateline, else None."""
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
    if first is not None and first.dateline is not None:
        return Anchor(first.dateline, f"the dateline of {first.id}")
    return None


def _missing_anchor_hint(entry: EventFile, sources: dict[str, Source]) -> str:
    first = sources.get(entry.citations[0].source_id) if entry.citations else None
    if first is None:
        return "add 'Reference: <date>' or cite a source that has a Dateline"
    return f"its first source, {first.id}, has no dateline: add 'Reference: <date>' to the event"


def _check_citations(entry: EventFile, sources: dict[str, Source], diagnostics: Diagnostics) -> None:
    for citation in entry.citations:
        source = sources.get(citation.source_id)
        if source is None:
            known = ", ".join(sorted(sources)) or "none"
            diagnostics.error(
                entry.path, citation.line,
                f"cites source '{citation.source_id}', which is not in content/sources/ (known: {known})",
            )
        elif citation.quote and find_quote(citation.quote, source.plain_text) is None:
            diagnostics.warning(
                entry.path, citation.line, f"the quote does not appear in {citation.source_id}'s text"
            )


def _source_position(entry: EventFile, sources: dict[str, Source]) -> int | None:
    """Where the event's first quote sits in its first source, for ordering same-day events."""
    if not entry.citations or entry.citations[0].quote is None:
        return None
    source = sources.get(entry.citations[0].source_id)
    return find_quote(entry.citations[0].quote, source.plain_text) if source else None
