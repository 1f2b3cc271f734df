"""Rendering keeps nothing alive: a worker makes thousands of event pages, and each page's
neighbourhood must be freed once the page is made (else memory grows with the timeline). The
parts every page at one depth shares are rendered once per depth, from the site's settings alone."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path
from typing import Any

import jinja2
import pytest

from dateline import templating
from dateline.config import load_config
from dateline.errors import Diagnostics
from dateline.pipeline import plan_site
from dateline.render import neighbourhood, render_event_page
from tests.conftest import FIXTURES, ROOT


def test_an_event_page_leaves_nothing_behind() -> None:
    diagnostics = Diagnostics()
    config = load_config(FIXTURES / "golden" / "site.toml", diagnostics, templates_dir=ROOT / "templates")
    planned = plan_site(config, diagnostics)
    assert planned is not None
    timeline, plan = planned
    renderer = plan.renderer
    around = neighbourhood(config, timeline.events[1], timeline.events[0], timeline.events[2], renderer.sources,
                           renderer.slugs)
    page = render_event_page(renderer.environment, config, around)
    assert timeline.events[1].title.encode() in page
    kept = weakref.ref(around.timeline)
    del around
    gc.collect()
    assert kept() is None


def test_the_site_header_and_downloads_are_rendered_once_per_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics = Diagnostics()
    config = load_config(FIXTURES / "golden" / "site.toml", diagnostics, templates_dir=ROOT / "templates")
    planned = plan_site(config, diagnostics)
    assert planned is not None
    _, plan = planned
    rendered: dict[str, list[str]] = {}
    render = templating.render_template

    def counting(template: jinja2.Template, context: dict[str, Any]) -> str:
        if template.name in ("partials/site-header.html", "partials/site-downloads.html"):
            rendered.setdefault(template.name, []).append(context["root"])
        return render(template, context)

    monkeypatch.setattr(templating, "render_template", counting)
    pages = {output.path: output.make() for output in plan.outputs if output.path.endswith(".html")}
    assert {name: sorted(roots) for name, roots in rendered.items()} == {
        "partials/site-header.html": ["", "../"], "partials/site-downloads.html": ["", "../"]}
    shared = {path: page for path, page in pages.items() if b'<main id="main">' in page}  # the base's pages
    assert len(shared) == 20 and "index.html" in shared and "events/arrival.html" in shared
    for path, page in shared.items():
        root = "../" * path.count("/")
        assert page.count(f'<p class="site-title"><a href="{root}index.html">'.encode()) == 1, path
        assert page.count(f'<a href="{root}timeline.json" download>JSON</a>'.encode()) == 1, path


def test_a_part_rendered_once_per_depth_cannot_show_what_differs_between_pages(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    header = templates / "partials" / "site-header.html"
    header.write_text(header.read_text(encoding="utf-8") + "{{ site.events | length }} events\n", encoding="utf-8")
    diagnostics = Diagnostics()
    config = load_config(FIXTURES / "golden" / "site.toml", diagnostics, templates_dir=templates)
    planned = plan_site(config, diagnostics)
    assert planned is not None
    _, plan = planned
    index = next(output for output in plan.outputs if output.path == "index.html")
    with pytest.raises(jinja2.UndefinedError, match="events"):
        index.make()
