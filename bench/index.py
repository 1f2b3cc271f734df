"""The index of a large timeline in headless Chromium: how long it takes to load, and how long
its filters and its search take to answer (the browser test runs the same steps on a smaller
timeline)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

STATUS = "#filter-status"


def shown(page: Any) -> int:
    """How many events the index says it shows."""
    return int(page.locator(STATUS).inner_text().split()[0])


def filter_by_tag(page: Any, tag: str) -> None:
    """Choose a tag in the form and wait until the list answers."""
    before = page.locator(STATUS).inner_text()
    page.select_option("select[name=tag]", tag)
    page.wait_for_function(f"() => document.querySelector({STATUS!r}).textContent !== {before!r}")


def search(page: Any, words: str) -> None:
    """Type words in the search box and wait until the list answers (the search file loads first)."""
    before = page.locator(STATUS).inner_text()
    page.fill("input[name=q]", words)
    page.wait_for_function(f"() => window.DATELINE_SEARCH && document.querySelector({STATUS!r}).textContent "
                           f"!== {before!r}")


def measure(site: Path, tag: str) -> dict[str, float]:
    """Seconds to load the index from disk, to filter it by `tag`, and to search it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto((site / "index.html").as_uri(), wait_until="load")
        page.locator(STATUS).wait_for()
        loaded = time.perf_counter()
        everything = page.locator(STATUS).inner_text()
        filter_by_tag(page, tag)
        filtered = time.perf_counter()
        page.select_option("select[name=tag]", "")
        page.wait_for_function(f"() => document.querySelector({STATUS!r}).textContent === {everything!r}")
        started_search = time.perf_counter()
        search(page, "vaccine")
        searched = time.perf_counter()
        browser.close()
    return {"index_load_s": round(loaded - started, 2), "index_filter_s": round(filtered - loaded, 3),
            "index_search_s": round(searched - started_search, 3)}
