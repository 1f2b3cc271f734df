"""A large generated timeline in headless Chromium: the compact index loads whole, its axis
counts events instead of drawing each one, and its filters and search answer with exactly the
events timeline.json says they should (`make bench` runs the same steps at 10,000 events)."""

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
    bodies = json.loads((large_site / "static/search.js").read_text(encoding="utf-8")
                        .removeprefix("window.DATELINE_SEARCH = ").rstrip().removesuffix(";"))
    found = [event["slug"] for event in events if word in f"{event['title']} {bodies[event['slug']]}".lower()]
    assert 0 < len(found) < EVENTS
    assert visible_slugs(page) == found
    page.close()
