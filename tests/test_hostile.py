"""Hostile content: nothing in a Markdown body, a header value, a source or site.toml runs in the
built site, and no file name leaves site/. Pages are opened in a real browser to prove it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_project, run_build

pytestmark = pytest.mark.browser

# Each payload, if it ran, would set window.pwned to its number or open a dialog.
BODY_PAYLOADS = [
    "<script>window.pwned = 1</script>",
    "<img src=x onerror=\"window.pwned = 2\">",
    "[click me](javascript:window.pwned=3)",
    "<a href=\"javascript:window.pwned=4\">also click</a>",
    "<iframe src=\"javascript:window.pwned=5\"></iframe>",
    "<svg><script>window.pwned = 6</script></svg>",
    "<div onclick=\"window.pwned=7\" onmouseover=\"window.pwned=7\">hover</div>",
    "A paragraph with attributes\n{: onclick=\"window.pwned=8\" }",
    "<style>body { background: url('javascript:window.pwned=9') }</style>",
    "<object data=\"javascript:window.pwned=10\"></object><embed src=\"javascript:window.pwned=10\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned=11\">",
    "<form action=\"javascript:window.pwned=12\"><button>go</button></form>",
    "<a href=\"data:text/html,<script>window.pwned=13</script>\">data link</a>",
    "<img src=\"x\" srcset=\"javascript:window.pwned=14\" alt=\"x\">",
    "<details open ontoggle=\"window.pwned=15\">x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=16>",
    "![img](javascript:window.pwned=17)",
    "<a href=\"jav&#x09;ascript:window.pwned=18\">tab link</a>",
]
HEADER_PAYLOADS = {
    "Title": "<script>window.pwned=20</script>Hostile \"title\" <img src=x onerror=window.pwned=21>",
    "Where": "<img src=x onerror=\"window.pwned=22\">Place",
    "Who": "\"><svg onload=window.pwned=23>, Person <b onmouseover=window.pwned=24>",
    "Tags": "<script>window.pwned=25</script>, tag\" onfocus=\"window.pwned=26\" autofocus=\"",
}
HOSTILE_CASES = len(BODY_PAYLOADS) + len(HEADER_PAYLOADS) + 3  # and the source, the slug, the briefing
# Whatever inline handler survived would run on these events (plain Events: links do not navigate).
FIRE_EVENTS = """() => document.querySelectorAll('*').forEach(element =>
    ['mouseover', 'click', 'focus', 'toggle', 'load', 'error'].forEach(
        type => element.dispatchEvent(new Event(type))))"""


def hostile_project(root: Path) -> Path:
    project = copy_project(root)
    header = "\n".join(f"{key}: {value}" for key, value in HEADER_PAYLOADS.items())
    (project / "content/events/hostile.md").write_text(
        f"{header}\nWhen: 8 September 2022\nSlug: ../../../../escaped-<script>\n"
        "Source: hostile-source \"It happened.\"\n\n" + "\n\n".join(BODY_PAYLOADS) + "\n", encoding="utf-8")
    (project / "content/sources/hostile-source.md").write_text(
        "Title: <script>window.pwned=30</script>Source\nPublisher: <img src=x onerror=window.pwned=31>\n"
        "Dateline: Tokyo, 8 September 2022\nNote: <b onclick=window.pwned=32>note</b>\n\nIt happened.\n"
        "<script>window.pwned=33</script>\n", encoding="utf-8")
    with (project / "site.toml").open("a", encoding="utf-8") as settings:
        settings.write('\n[briefings.hostile]\ntitle = "<script>window.pwned=40</script>Briefing"\n'
                       'tags = ["tag\\" onfocus=\\"window.pwned=26\\" autofocus=\\""]\n')
    return project


def test_no_payload_runs_and_nothing_leaves_site(browser: Any, tmp_path: Path) -> None:
    project = hostile_project(tmp_path / "project")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.rglob("escaped*")) or all("site" in p.parts for p in tmp_path.rglob("escaped*"))
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    dialogs: list[str] = []
    page = browser.new_page()
    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    for path in pages:
        page.goto(path.as_uri())
        page.evaluate(FIRE_EVENTS)
        assert page.evaluate("window.pwned") is None, path
        handlers = page.evaluate(
            "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
            ".filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)).map(a => a.name)")
        assert handlers == [], path
    assert dialogs == []
    page.close()


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    project = hostile_project(tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    event = next((project / "site/events").glob("escaped*.html"))
    html = event.read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned=20&lt;/script&gt;Hostile &#34;title&#34;" in html
    assert "<script>window.pwned" not in html
