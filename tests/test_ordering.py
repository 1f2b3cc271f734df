"""Timeline order: start, coarser first, the parts of a day, Order, the source's own order, slug."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from dateline.dates import normalise
from dateline.errors import Diagnostics
from dateline.model import Citation, Event, EventFile
from dateline.timeline import check_slugs, sort_key

ANCHOR = dt.date(2022, 9, 8)


def event(slug: str, when: str, *, order: int | None = None, position: int | None = None,
          source: str = "s") -> Event:
    entry = EventFile(
        path=f"content/events/{slug}.md", slug=slug, title=slug.title(), when=when, when_line=2, where=None,
        who=(), tags=(), citations=(Citation(source, None, 3),), readings=(), reference=None, reference_line=1,
        order=order, body_html=Markup(""), header_digest=b"", body_digest=b"",
    )
    return Event(entry, normalise(when, anchor=ANCHOR), None, position)


def ordered(*events: Event) -> list[str]:
    return [e.slug for e in sorted(events, key=sort_key)]


def test_by_start_date() -> None:
    assert ordered(event("b", "September 08, 2022"), event("a", "1952")) == ["a", "b"]


def test_a_coarser_date_opens_its_period() -> None:
    assert ordered(event("day", "2022-03-01"), event("month", "in March this year")) == ["month", "day"]
    assert ordered(event("march", "in March this year"), event("year", "2022")) == ["year", "march"]


def test_parts_of_the_day_and_later_in_the_day() -> None:
    events = [
        event("later", "Later in the day"),
        event("night", "on the night of September 08, 2022"),
        event("morning", "morning of 8 September 2022"),
        event("plain", "8 September 2022"),
    ]
    assert ordered(*events) == ["plain", "morning", "night", "later"]


def test_order_then_the_sources_own_order_then_slug() -> None:
    assert ordered(event("a", "2022-09-08", order=2), event("b", "2022-09-08", order=1)) == ["b", "a"]
    assert ordered(event("a", "2022-09-08"), event("b", "2022-09-08", order=5)) == ["b", "a"]
    assert ordered(event("a", "2022-09-08", position=90), event("b", "2022-09-08", position=10)) == ["b", "a"]
    assert ordered(event("b", "2022-09-08"), event("a", "2022-09-08")) == ["a", "b"]


def test_the_order_is_the_same_whatever_order_the_files_come_in() -> None:
    events = [event(s, w) for s, w in [("x", "2022"), ("y", "Later in the day"), ("z", "in March this year"),
                                       ("w", "2022-09-08"), ("v", "1952")]]
    assert ordered(*events) == ordered(*reversed(events)) == ["v", "x", "z", "w", "y"]


def test_two_events_may_not_share_a_slug() -> None:
    diagnostics = Diagnostics()
    check_slugs([event("same", "2022"), event("same", "1952")], diagnostics)
    assert [p.message for p in diagnostics.errors] == [
        "slug 'same' is already used by content/events/same.md; give one of them a 'Slug:'"
    ]
