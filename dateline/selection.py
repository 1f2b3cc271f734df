"""A slice of the timeline: events with any of some tags, people or places, within a date window.
Briefings select their events with it; the embed page applies the same rules in the browser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.model import Event


@dataclass(frozen=True)
class Selection:
    """Empty criteria select everything; within one criterion any value matches (or), across
    criteria all must (and). An event is in the window when its dates overlap it."""

    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    def matches(self, event: Event) -> bool:
        entry = event.entry
        return (
            _any(self.tags, entry.tags)
            and _any(self.people, entry.who)
            and _any(self.places, (entry.where,) if entry.where else ())
            and (self.start is None or event.date.end >= self.start)
            and (self.end is None or event.date.start <= self.end)
        )

    def select(self, events: tuple[Event, ...]) -> tuple[Event, ...]:
        return tuple(event for event in events if self.matches(event))


def _any(wanted: tuple[str, ...], values: tuple[str, ...]) -> bool:
    if not wanted:
        return True
    folded = {value.casefold() for value in values}
    return any(value.casefold() in folded for value in wanted)
