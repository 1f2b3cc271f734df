"""The built site in a real browser (Debian's Chromium through Playwright): opened from disk and
served under a sub-path, in timeline order, every link resolving, nothing requested from outside,
readable without JavaScript, and free of serious accessibility violations."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
SUB_PATH = "briefings/india-japan"
# HTML and SVG links alike, resolved against the page.
LINK_TARGETS = "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@pytest.fixture(scope="module")
def served(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served over HTTP under a sub-path; yields the base URL ending in '/'."""
    document_root = tmp_path_factory.mktemp("www")
    shutil.copytree(built_site, document_root / SUB_PATH)
    handler = functools.partial(QuietHandler, directory=str(document_root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()
    server.server_close()


def titles_in_page(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("main article .event-title").all_inner_texts()]


def expected_titles(site: Path) -> list[str]:
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    return [event["title"] for event in data["events"]]


def crawl(browser: Any, base: str, site: Path) -> tuple[set[str], list[str]]:
    """Visit every page reachable from the index; return the pages and every problem seen."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("request", lambda request: None if request.url.startswith(base) else problems.append(
        f"left the site: {request.url}"))
    seen, queue = set(), [base + "index.html"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        for href in page.eval_on_selector_all("a[href]", LINK_TARGETS):
            target, fragment = urldefrag(href)
            if not target.startswith(base):
                problems.append(f"{url} links outside the site: {href}")
                continue
            path = site / unquote(target[len(base):])
            if not path.is_file():
                problems.append(f"{url} links to a missing file: {href}")
            elif fragment and f'id="{fragment}"' not in path.read_text(encoding="utf-8"):
                problems.append(f"{url} links to a missing anchor: {href}")
            elif path.suffix == ".html":
                queue.append(target)
    context.close()
    return seen, problems


def test_from_disk_every_link_resolves_and_nothing_leaves_the_folder(browser: Any, built_site: Path) -> None:
    base = built_site.as_uri() + "/"
    pages, problems = crawl(browser, base, built_site)
    assert problems == []
    html_files = {p for p in built_site.rglob("*.html")}
    assert {Path(unquote(urlparse(url).path)) for url in pages} == html_files


def test_served_under_a_sub_path_every_link_resolves(browser: Any, built_site: Path, served: str) -> None:
    pages, problems = crawl(browser, served, built_site)
    assert problems == []
    assert len(pages) == len(list(built_site.rglob("*.html")))


@pytest.mark.parametrize("javascript", [True, False])
def test_the_index_shows_the_events_in_timeline_order(browser: Any, built_site: Path, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    assert titles_in_page(page) == expected_titles(built_site)
    assert page.locator("main ol.timeline time[datetime]").count() == len(expected_titles(built_site))
    assert page.locator(".axis svg a").count() == len(expected_titles(built_site))
    context.close()


def test_following_the_axis_and_the_pager(browser: Any, built_site: Path) -> None:
    page = browser.new_page()
    page.goto((built_site / "index.html").as_uri())
    page.locator(".axis svg a").first.click()
    assert page.locator("h1").inner_text() == expected_titles(built_site)[0]
    page.get_by_role("link", name="Next:").click()
    assert page.locator("h1").inner_text() == expected_titles(built_site)[1]
    assert page.locator("blockquote").first.inner_text().startswith("They welcomed the operationalisation")
    page.close()


@pytest.mark.parametrize("path", ["index.html", "events/rajnath-singh-arrives-in-tokyo.html",
                                  "sources/pib-2022-09-08.html", "tags/index.html"])
def test_no_serious_accessibility_violations(browser: Any, built_site: Path, path: str) -> None:
    page = browser.new_page()
    page.goto((built_site / path).as_uri())
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], v["help"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()
