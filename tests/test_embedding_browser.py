"""Embedding and briefings in a real browser: the embed page in an iframe with filters, the
self-contained briefing from disk and printed to PDF, the filters on the index."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

pytestmark = pytest.mark.browser


def timeline_events(site: Path) -> list[dict[str, Any]]:
    return list(json.loads((site / "timeline.json").read_text(encoding="utf-8"))["events"])


def requests_of(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.on("requestfailed", lambda request: seen.append("FAILED " + request.url))
    return seen


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=ceremony&from=2022-09", {"wreath-laying-at-jsdf-memorial", "guard-of-honour"}),
        ("tag=ceremony&tag=2%2B2+dialogue", {"wreath-laying-at-jsdf-memorial", "guard-of-honour",
                                         "second-2-plus-2-ministerial-dialogue"}),
        ("person=Yasukazu+Hamada&person=S+Jaishankar", {"bilateral-talks-rajnath-singh-hamada",
                                                        "second-2-plus-2-ministerial-dialogue"}),
        ("place=Tokyo,+Japan&to=2022-09-07", {"rajnath-singh-arrives-in-tokyo"}),
        ("from=1950&to=2022-03", {"india-japan-diplomatic-relations", "rpss-operationalised-at-milan"}),
    ],
)
def test_the_embed_page_in_an_iframe_shows_exactly_the_matching_events(
    browser: Any, built_site: Path, tmp_path: Path, query: str, expected: set[str]
) -> None:
    host = tmp_path / "host.html"
    host.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Host</title></head><body>'
        f'<iframe id="timeline" title="timeline" src="{(built_site / "embed.html").as_uri()}?{query}"'
        ' style="width:100%;border:0"></iframe><script>window.heights = [];'
        'addEventListener("message", function (e) { if (e.data && e.data.type === "dateline:height")'
        ' { window.heights.push(e.data.height); document.getElementById("timeline").style.height ='
        ' e.data.height + "px"; } });</script></body></html>', encoding="utf-8")
    page = browser.new_page()
    page.goto(host.as_uri())
    page.wait_for_function("() => window.heights.length > 0")
    frame = page.frame_locator("#timeline")
    shown = frame.locator(".embed-timeline > li:not([hidden])")
    slugs = {item.get_attribute("data-slug") for item in shown.all()}
    assert slugs == expected
    heights = page.evaluate("window.heights")
    assert heights[-1] > 50
    assert frame.locator(".embed-timeline > li:not([hidden]) a").first.get_attribute("target") == "_blank"
    page.close()


@pytest.mark.parametrize("width", [320, 480, 768, 1200])
def test_the_embed_page_never_scrolls_sideways(browser: Any, built_site: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto((built_site / "embed.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


@pytest.mark.parametrize("path", ["embed.html", "briefings/tokyo-visit.html"])
def test_embed_and_briefing_request_nothing_outside_themselves(browser: Any, built_site: Path, path: str) -> None:
    page = browser.new_page()
    seen = requests_of(page)
    url = (built_site / path).as_uri()
    page.goto(url)
    page.wait_for_load_state("load")
    assert [request for request in seen if not request.startswith("data:")] == [url]
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()


def test_the_briefing_opened_from_disk_shows_its_events_and_prints_them(browser: Any, built_site: Path) -> None:
    selected = [e for e in timeline_events(built_site)
                if {"visit", "2+2 dialogue"} & set(e["tags"]) and e["start"] >= "2022-09-01"]
    page = browser.new_page()
    page.goto((built_site / "briefings/tokyo-visit.html").as_uri())
    assert page.locator(".chronology tbody tr").count() == len(selected) == 5
    assert page.locator(".chronology .title").all_inner_texts() == [e["title"] for e in selected]
    assert page.locator(".as-of").inner_text().startswith("As of 8 September 2022")
    for paper in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
        text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
        for event in selected:
            assert " ".join(event["title"].split()) in text, (paper, event["title"])
    page.close()


def test_the_index_filters_and_search(browser: Any, built_site: Path) -> None:
    page = browser.new_page()
    page.goto((built_site / "index.html").as_uri())
    visible = page.locator("ol.timeline > li:not([hidden])")
    assert visible.count() == 7
    page.select_option("select[name=tag]", "ceremony")
    assert visible.count() == 2
    assert "tag=ceremony" in page.locator("#embed-code").inner_text()
    assert page.locator("#filter-status").inner_text() == "2 of 7 events"
    page.click("button[type=reset]")
    page.fill("input[name=q]", "interoperability memorial")
    assert visible.count() == 0
    page.fill("input[name=q]", "laid down their lives")
    page.wait_for_function("() => !!window.DATELINE_SEARCH")
    assert [item.get_attribute("data-slug") for item in visible.all()] == ["wreath-laying-at-jsdf-memorial"]
    page.fill("input[name=q]", "")
    page.fill("input[name=from]", "2022-09-08")
    assert visible.count() == 4
    assert page.locator("section.year[hidden]").count() == 1  # 1952 has nothing left to show
    page.close()


def test_without_javascript_the_form_stays_hidden(browser: Any, built_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    assert page.locator("#filters").is_hidden()
    assert page.locator("ol.timeline > li").count() == 7
    context.close()
