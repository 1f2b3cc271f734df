"""Save-to-visible latency of the live preview, measured in headless Chromium.

The preview serves a content tree; a page is open in the browser; a file is saved and the clock
runs from just before it is written until the page, loaded again, shows the change (detection,
rebuild, reload and the page's load all included). Three edits are measured: an event's title,
seen on the index (every list that shows the event changes) and on the event's own page, and a
sentence added to an event's body, seen on its own page (the commonest edit while writing)."""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.generate import generate
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project
from tests.preview_server import PreviewServer


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^Title: .*$", f"Title: {title}", text, count=1, flags=re.MULTILINE), encoding="utf-8")


def _save_to_visible(project: Path, page_path: str, edit: Callable[[int], tuple[str, str]],
                     edits: int) -> list[float]:
    """Seconds from each save to its text showing on the open page: `edit(number)` saves the
    change and returns the selector and text to wait for."""
    results = []
    with PreviewServer(project, start_timeout=600) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.url + page_path)
        page.wait_for_function("() => !!window.LiveReload")
        for number in range(edits):
            started = time.perf_counter()
            with page.expect_event("load", timeout=30_000):
                selector, text = edit(number)
            # The page has loaded again; until it shows the change, wait for the next load. (A
            # locator's wait would retry with a backoff of up to half a second across reloads,
            # and count it.)
            while not page.locator(selector, has_text=text).count():
                page.wait_for_event("load", timeout=30_000)
            results.append(time.perf_counter() - started)
            time.sleep(0.3)
        browser.close()
        server.stop()
    return results


def latencies(project: Path, event: Path, edits: int = 7) -> list[float]:
    """Seconds from each save to the new title showing in the open index page."""

    def retitle(number: int) -> tuple[str, str]:
        title = f"Measured edit number {number}"
        _retitle(project / event, title)
        return "main article .event-title", title

    return _save_to_visible(project, "index.html", retitle, edits)


def page_title_latencies(project: Path, event: Path, edits: int = 7) -> list[float]:
    """Seconds from each save of a new title to its showing on the event's open page (every list
    that shows the event is made again all the same)."""

    def retitle(number: int) -> tuple[str, str]:
        title = f"Measured edit number {number}"
        _retitle(project / event, title)
        return "main h1", title

    return _save_to_visible(project, f"events/{event.stem}.html", retitle, edits)


def body_latencies(project: Path, event: Path, edits: int = 7) -> list[float]:
    """Seconds from each save of a new sentence to its showing on the event's open page."""

    def add_sentence(number: int) -> tuple[str, str]:
        sentence = f"Sentence number {number} added while the preview runs."
        path = project / event
        path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
        return ".body p", sentence

    return _save_to_visible(project, f"events/{event.stem}.html", add_sentence, edits)


def measure_at(project: Path) -> dict[str, float]:
    """Median and slowest save-to-visible seconds of a body edit and of a title edit, each seen on
    the event's page, in a generated project."""
    events = sorted((project / "content" / "events").glob("*.md"))
    event = events[len(events) // 2].relative_to(project)
    body, title = body_latencies(project, event), page_title_latencies(project, event)
    return {"preview_edit_s": round(statistics.median(body), 3), "preview_edit_max_s": round(max(body), 3),
            "preview_title_s": round(statistics.median(title), 3), "preview_title_max_s": round(max(title), 3)}


def measure() -> dict[str, float]:
    """Median save-to-visible seconds for the bundled timeline and for 1,000 generated events."""
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-preview-"))
    try:
        bundled = copy_project(work / "bundled")
        small = latencies(bundled, Path("content/events/rajnath-singh-arrives-in-tokyo.md"))
        generated = work / "generated"
        generate(1000, generated)
        shutil.copytree(ROOT / "templates", generated / "templates")
        large = latencies(generated, Path("content/events/event-000500.md"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"preview_bundled_s": round(statistics.median(small), 3),
            "preview_1000_s": round(statistics.median(large), 3),
            "preview_1000_max_s": round(max(large), 3)}
