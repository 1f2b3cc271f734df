"""Every data export, parsed with a real parser and checked against timeline.json."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.exports.composite import indented_json

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def timeline(built_site: Path) -> dict[str, Any]:
    return dict(json.loads((built_site / "timeline.json").read_text(encoding="utf-8")))


def test_timeline_json_has_the_documented_fields(timeline: dict[str, Any]) -> None:
    assert set(timeline) == {"title", "sources", "events"}
    event_fields = {"slug", "title", "when", "start", "end", "precision", "part_of_day", "time", "qualifier",
                    "calendar", "edtf", "timex", "display", "rule", "place", "people", "tags", "sources", "disputed",
                    "readings"}
    assert all(set(event) == event_fields for event in timeline["events"])
    assert [s["id"] for s in timeline["sources"]] == ["fe-online-defence-corridors", "pib-2022-09-08"]
    assert timeline["sources"][1]["dateline_date"] == "2022-09-08"
    wreath = next(e for e in timeline["events"] if e["slug"] == "wreath-laying-at-jsdf-memorial")
    assert wreath["disputed"] is True
    assert [(r["source"], r["when"], r["start"], r["conflicts"]) for r in wreath["readings"]] == [
        ("fe-online-defence-corridors", "On Wednesday", "2022-09-07", True)
    ]
    assert sum(e["disputed"] for e in timeline["events"]) == 1


def test_timelinejs_has_the_required_fields_and_precision(built_site: Path, timeline: dict[str, Any]) -> None:
    data = json.loads((built_site / "timelinejs.json").read_text(encoding="utf-8"))
    slides = data["events"]
    assert data["title"]["text"]["headline"]
    assert [s["unique_id"] for s in slides] == [e["slug"] for e in timeline["events"]]
    for slide, event in zip(slides, timeline["events"], strict=True):
        start = dt.date.fromisoformat(event["start"])
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["start_date"]["year"] == start.year
        assert slide["text"]["headline"]
        assert slide["display_date"] == event["display"]
    assert set(slides[0]["start_date"]) == {"year", "display_date"}  # 1952: known to the year
    assert set(slides[1]["start_date"]) == {"year", "month", "display_date"}  # March 2022
    assert set(slides[2]["start_date"]) == {"year", "month", "day", "display_date"}
    assert slides[0]["group"] == "diplomatic relations"


def test_ics_parses_and_matches_the_timeline(built_site: Path, timeline: dict[str, Any]) -> None:
    raw = (built_site / "timeline.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == len(timeline["events"])
    for component, event in zip(events, timeline["events"], strict=True):
        assert str(component["UID"]) == f"{event['slug']}@dateline.invalid"
        start, end = component.decoded("DTSTART"), component.decoded("DTEND")
        assert start == dt.date.fromisoformat(event["start"])
        assert end == dt.date.fromisoformat(event["end"]) + dt.timedelta(days=1)
        assert event["title"] in str(component["SUMMARY"])
    assert str(events[1]["SUMMARY"]).startswith("[March 2022] ")
    assert component.decoded("DTSTAMP") == dt.datetime(2022, 9, 8, tzinfo=dt.UTC)


def test_atom_feed_is_valid_atom(built_site: Path, timeline: dict[str, Any]) -> None:
    feed = ET.fromstring((built_site / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None
    assert feed.findtext(f"{ATOM}updated") == "2022-09-08T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [e["title"] for e in timeline["events"]]
    for entry, event in zip(entries, timeline["events"], strict=True):
        assert entry.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
        assert entry.findtext(f"{ATOM}updated") == "2022-09-08T00:00:00Z"
        assert entry.find(f"{ATOM}link").get("href") == f"events/{event['slug']}.html"  # type: ignore[union-attr]
        assert event["display"] in entry.findtext(f"{ATOM}summary", "")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)


def test_csv_is_one_row_per_event(built_site: Path, timeline: dict[str, Any]) -> None:
    raw = (built_site / "timeline.csv").read_bytes()
    assert raw.count(b"\r\n") == len(timeline["events"]) + 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert [(r["slug"], r["start"], r["end"], r["when"], r["edtf"]) for r in rows] == [
        (e["slug"], e["start"], e["end"], e["when"], e["edtf"]) for e in timeline["events"]
    ]
    assert rows[2]["people"] == "Rajnath Singh"
    assert rows[-1]["people"] == "Rajnath Singh; S Jaishankar; Yasukazu Hamada; Yoshimasa Hayashi"


def test_the_briefing_markdown_is_the_chronology(built_site: Path) -> None:
    text = (built_site / "briefings" / "tokyo-visit.md").read_text(encoding="utf-8")
    assert text.startswith("# Raksha Mantri's visit to Tokyo, 7-8 September 2022\n\nAs of 8 September 2022. 5 events")
    assert "- **night of 7 September 2022**: Rajnath Singh arrives in Tokyo" in text
    assert "  - Date disputed: Financial Express Online says 7 September 2022." in text
    assert "1952" not in text


def test_every_page_links_its_data_downloads(built_site: Path) -> None:
    for page in ("index.html", "events/guard-of-honour.html", "tags/visit.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        for download in ("timeline.json", "timelinejs.json", "timeline.ics", "feed.xml", "timeline.csv"):
            assert f'{download}" download>' in html


def test_ics_folds_long_lines_without_splitting_characters() -> None:
    from dateline.exports.ics import escape, fold

    line = "DESCRIPTION:" + escape("Rajnath Singh, à Tokyo; नमस्ते " * 10)
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert b"".join(part[1:] if i else part for i, part in enumerate(folded)).decode("utf-8") == line
    assert "\\," in line and "\\;" in line


@settings(max_examples=2_000, deadline=None, derandomize=True)
@given(st.text(max_size=400) | st.text(st.characters(max_codepoint=127, exclude_categories=["Cc"]), max_size=400))
def test_ics_folding_fills_each_line_and_unfolds_to_the_line(line: str) -> None:
    from dateline.exports.ics import fold

    parts = fold(line).encode("utf-8").split(b"\r\n")
    pieces = [part[1:] if number else part for number, part in enumerate(parts)]
    assert b"".join(pieces).decode("utf-8") == line
    assert all(part.startswith(b" ") for part in parts[1:])
    for number, part in enumerate(parts[:-1]):
        following = pieces[number + 1].decode("utf-8", errors="ignore")[:1].encode("utf-8")
        assert len(part) <= 75 < len(part) + len(following)  # full: the next character would not fit


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(JSON_VALUES, st.integers(0, 3))
def test_indented_json_is_what_json_dumps_writes(value: Any, depth: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert indented_json(value, depth) == expected
