"""The live preview in a real browser: edits show without a manual reload, problems show on the
page with their file and line, quick successive edits all arrive, and the server stops cleanly."""

from __future__ import annotations

import re
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_project
from tests.preview_server import PreviewServer

pytestmark = pytest.mark.browser
ARRIVAL = Path("content/events/rajnath-singh-arrives-in-tokyo.md")


def retitle(project: Path, title: str) -> None:
    path = project / ARRIVAL
    path.write_text(re.sub(r"^Title: .*$", f"Title: {title}", path.read_text(encoding="utf-8"), count=1,
                           flags=re.MULTILINE), encoding="utf-8")


def heading(page: Any, text: str) -> Any:
    """An event title on the index, by its text."""
    return page.locator("main article .event-title", has_text=text)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def test_edits_problems_and_fixes_reach_the_open_page(browser: Any, project: Path) -> None:
    with PreviewServer(project) as server:
        page = browser.new_page()
        loads: list[list[str]] = []
        page.on("load", lambda: loads.append(page.locator("main article .event-title").all_inner_texts()))
        page.goto(server.url + "index.html")
        page.wait_for_function("() => !!window.LiveReload")

        retitle(project, "Rajnath Singh lands in Tokyo")
        heading(page, "Rajnath Singh lands in Tokyo").wait_for(timeout=5000)

        (project / "content/events/broken.md").write_text("Title: Broken\nWhen: Septembr 7, 2022\n\nBody.\n")
        problems = page.locator("#dateline-problems", has_text="content/events/broken.md:2: error:")
        problems.wait_for(timeout=5000)
        assert "content/events/broken.md:2: error: cannot read 'Septembr 7, 2022' as a date" in problems.inner_text()
        assert "The build failed" in problems.inner_text()
        assert heading(page, "Rajnath Singh lands in Tokyo").count() == 1  # the last good timeline below

        (project / "content/events/broken.md").write_text("Title: Mended\nWhen: September 7, 2022\n\nBody.\n")
        heading(page, "Mended").wait_for(timeout=5000)
        assert problems.count() == 0

        retitle(project, "First of two edits")
        time.sleep(1)
        retitle(project, "Second of two edits")
        heading(page, "Second of two edits").wait_for(timeout=5000)
        seen = [title for titles in loads for title in titles]
        assert "First of two edits" in seen
        assert server.stop() == 0
        server.wait_for("Stopped the preview.", timeout=5)


def test_a_template_error_shows_its_template_and_line(project: Path) -> None:
    with PreviewServer(project) as server:
        template = project / "templates/facet.html"
        text = template.read_text(encoding="utf-8")
        template.write_text(text.replace("{% endblock %}", "{{ missing.name }}\n{% endblock %}", 1))
        line = text[: text.index("{% endblock %}")].count("\n") + 1
        server.wait_for("build failed", timeout=10)
        page = fetch(server.url + "index.html")
        assert f"templates/facet.html:{line}: error: template: &#x27;missing&#x27; is undefined" in page
        assert server.stop() == 0


def test_every_page_gets_the_reload_script_even_a_large_one(project: Path) -> None:
    body = "\n\n".join("A long paragraph of the record. " * 40 for _ in range(80))
    (project / "content/events/long.md").write_text(f"Title: Long\nWhen: 2022\n\n{body}\n", encoding="utf-8")
    with PreviewServer(project) as server:
        page = fetch(server.url + "events/long.html")
        assert len(page) > 64 * 1024
        assert f'<script src="/livereload.js?port={server.port}"></script></head>' in page
        for path in ("index.html", "tags/visit.html", "sources/pib-2022-09-08.html", "tags/"):
            assert "/livereload.js" in fetch(server.url + path)
        assert server.stop() == 0


def test_a_port_in_use_is_a_clear_error(project: Path) -> None:
    with PreviewServer(project) as first:
        second = PreviewServer(project)
        second.port = first.port
        with pytest.raises(AssertionError):
            second.__enter__()
        second.__exit__()
        assert f"error: port {first.port} on 127.0.0.1 is already in use" in "".join(second.output)
        assert first.stop() == 0


def test_the_preview_never_writes_site(project: Path) -> None:
    with PreviewServer(project) as server:
        retitle(project, "Changed")
        server.wait_for("rebuilt", timeout=10)
        assert server.stop() == 0
    assert not (project / "site").exists()
