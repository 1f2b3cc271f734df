"""A briefing as Markdown: the same chronology as its page, for pasting into a document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.config import Briefing
from dateline.dates import display
from dateline.dates.labels import day_label
from dateline.model import Event, Source, Timeline, as_of


def _escape(text: str) -> str:
    """Text with the characters Markdown would act on backslash-escaped."""
    return "".join("\\" + character if character in "\\`*_[]<>#|" else character for character in text)


def briefing_markdown(title: str, events: tuple[Event, ...], sources: dict[str, Source],
                      as_of: dt.date | None) -> str:
    """'# Title', an 'as of' line, then each event: date, title, place and people, sources and quotes."""
    lines = [f"# {_escape(title)}", "", f"As of {day_label(as_of) if as_of else 'no dated source'}. "
             f"{len(events)} event{'' if len(events) == 1 else 's'}; dates are as precise as their sources.", ""]
    for event in events:
        lines.append(f"- **{_escape(display(event.date))}**: {_escape(event.title)}")
        where = "; ".join(filter(None, (event.entry.where, ", ".join(event.entry.who))))
        if where:
            lines.append(f"  - {_escape(where)}")
        for reading in event.readings:
            if reading.conflicts:
                lines.append(f"  - Date disputed: {_escape(_publisher(sources, reading.source_id))} says "
                             f"{_escape(display(reading.date))}.")
        for citation in event.entry.citations:
            quote = f": “{_escape(citation.quote)}”" if citation.quote else ""
            lines.append(f"  - Source: {_escape(_publisher(sources, citation.source_id))}{quote}")
    return "\n".join(lines) + "\n"


def _publisher(sources: dict[str, Source], source_id: str) -> str:
    source = sources.get(source_id)
    return (source.publisher or source.title) if source else source_id


@dataclass(frozen=True)
class Contents:
    """What a briefing holds: its events in timeline order, the sources they cite (in the order
    first cited), and the content's own "as of" date for them."""

    events: tuple[Event, ...]
    cited: tuple[Source, ...]
    as_of: dt.date | None


def contents(briefing: Briefing, timeline: Timeline) -> Contents:
    """The events a briefing selects and what it needs to present them."""
    sources = {source.id: source for source in timeline.sources}
    events = briefing.selection.select(timeline.events)
    cited_ids = dict.fromkeys(c.source_id for event in events for c in event.entry.citations if c.source_id in sources)
    cited = tuple(sources[source_id] for source_id in cited_ids)
    return Contents(events, cited, as_of(cited, events))


def briefing_files(timeline: Timeline, briefings: tuple[Briefing, ...]) -> dict[str, str]:
    """briefings/<name>.md for each briefing in site.toml (their pages are rendered with the rest)."""
    sources = {source.id: source for source in timeline.sources}
    files = {}
    for briefing in briefings:
        held = contents(briefing, timeline)
        files[f"briefings/{briefing.name}.md"] = briefing_markdown(briefing.title, held.events, sources, held.as_of)
    return files
