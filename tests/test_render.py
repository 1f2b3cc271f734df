"""Rendering keeps nothing alive: a worker makes thousands of event pages, and each page's
neighbourhood must be freed once the page is made (else memory grows with the timeline)."""

from __future__ import annotations

import gc
import weakref

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
