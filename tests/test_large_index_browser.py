"""A large generated timeline in headless Chromium: the compact index loads whole (laying out
only the years near the screen), its axis counts events instead of drawing each one, its filters
and search answer with exactly the events timeline.json says they should, and the way back from
an event lands on it (`make bench` runs the same steps at 10,000 events)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from bench.index import filter_by_tag, search, shown
from dateline.render import COMPACT_INDEX_FROM
from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.browser
EVENTS = 1_200


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("large") / "project"
    generate(EVENTS, project)
    shutil.copytree(ROOT / "templates", project / "templates")
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def visible_slugs(page: Any) -> list[str]:
    """The slugs of the events the index shows, in page order (read in one call)."""
    return list(page.eval_on_selector_all("ol.timeline > li:not([hidden])",
                                          "items => items.map(item => item.dataset.slug)"))


def search_bodies(site: Path) -> dict[str, str]:
    """The words of each event's body, by slug, as the index searches them."""
    script = (site / "static/search.js").read_text(encoding="utf-8")
    return dict(json.loads(script.removeprefix("window.DATELINE_SEARCH = ").rstrip().removesuffix(";")))


def test_the_large_index_loads_compact_and_whole(browser: Any, large_site: Path) -> None:
    assert EVENTS > COMPACT_INDEX_FROM
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((large_site / "index.html").as_uri(), wait_until="load")
    assert shown(page) == EVENTS
    assert page.locator("ol.timeline > li").count() == EVENTS
    assert page.locator("article.event.compact").count() == EVENTS
    assert page.locator("svg.axis a").count() < EVENTS / 4  # counts per period, not a mark per event
    assert failed == []
    page.close()


def test_the_large_index_filters_and_searches(browser: Any, large_site: Path) -> None:
    events = json.loads((large_site / "timeline.json").read_text(encoding="utf-8"))["events"]
    tag = events[0]["tags"][0]
    tagged = [event["slug"] for event in events if tag in event["tags"]]
    page = browser.new_page()
    page.goto((large_site / "index.html").as_uri(), wait_until="load")
    filter_by_tag(page, tag)
    assert shown(page) == len(tagged)
    assert visible_slugs(page) == tagged
    page.select_option("select[name=tag]", "")
    word = "vaccine"
    search(page, word)
    bodies = search_bodies(large_site)
    found = [event["slug"] for event in events if word in f"{event['title']} {bodies[event['slug']]}".lower()]
    assert 0 < len(found) < EVENTS
    assert visible_slugs(page) == found
    for words in ("vaccine c", "health"):  # typing on: the words kept for each event answer
        search(page, words)
        assert visible_slugs(page) == [event["slug"] for event in events
                                       if words in f"{event['title']} {bodies[event['slug']]}".lower()]
    page.close()


RENDERED = "element => element.checkVisibility({contentVisibilityAuto: true})"  # false while skipped


def test_the_large_index_lays_out_only_the_years_near_the_screen(browser: Any, large_site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((large_site / "index.html").as_uri(), wait_until="load")
    items = page.locator("ol.timeline > li")
    first, last = items.first.element_handle(), items.last.element_handle()
    assert first.evaluate(RENDERED) and not last.evaluate(RENDERED)
    events = json.loads((large_site / "timeline.json").read_text(encoding="utf-8"))["events"]
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert 40 * EVENTS < height < 100 * EVENTS  # each year takes about the room its events will
    bodies = search_bodies(large_site)
    texts = [f"{event['title']} {bodies[event['slug']]}".lower() for event in events]
    pairs = [f"{end} {start}" for end in "adeilnorsty" for start in "abcdefghilmnoprstuv"]
    words = min(pairs, key=lambda pair: abs(sum(pair in text for text in texts) - 0.7 * EVENTS))
    search(page, words)  # many events shown: still only the years near the screen, each the room of its own
    assert 0.5 * EVENTS < shown(page) < 0.85 * EVENTS and not last.evaluate(RENDERED)
    filtered = page.evaluate("() => document.documentElement.scrollHeight")
    assert abs(filtered / height - shown(page) / EVENTS) < 0.05
    page.fill("input[name=q]", "")
    filter_by_tag(page, events[-1]["tags"][0])  # few events shown: the list is laid out whole
    assert shown(page) < EVENTS / 10 and last.evaluate(RENDERED)
    page.select_option("select[name=tag]", "")
    page.wait_for_function(f"() => document.querySelector('#filter-status').textContent.startsWith('{EVENTS} ')")
    assert abs(page.evaluate("() => document.documentElement.scrollHeight") - height) < height / 20
    page.close()


def test_the_way_back_from_an_event_far_down_the_large_index_shows_it(browser: Any, large_site: Path) -> None:
    events = json.loads((large_site / "timeline.json").read_text(encoding="utf-8"))["events"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for event in (events[-3], events[EVENTS // 2]):
        page.goto((large_site / "events" / f"{event['slug']}.html").as_uri(), wait_until="load")
        page.click("text=Back to the timeline")
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
        assert page.url.endswith(f"index.html#{event['slug']}")  # the index keeps the address's event
        top = page.evaluate(f"() => document.getElementById({event['slug']!r}).getBoundingClientRect().top")
        assert -1 < top < 900
    page.close()
