"""The build, in one readable function: read, resolve, order, render; nothing is written here."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from dateline.cache import BuildCache
from dateline.config import SiteConfig
from dateline.content import load_events, load_sources
from dateline.errors import Diagnostics
from dateline.model import Timeline
from dateline.outputs import Output, plan
from dateline.render import Renderer, make_environment, template_location
from dateline.resolve import resolve_events
from dateline.timeline import make_timeline


@dataclass(frozen=True)
class Site:
    """A built site in memory: every file by its path inside site/."""

    timeline: Timeline
    files: dict[str, bytes]


def gather(config: SiteConfig, diagnostics: Diagnostics, cache: BuildCache | None = None, *,
           parallel: bool = False) -> Timeline:
    """Read and validate all content into an ordered timeline; problems go to `diagnostics`.
    With a cache, files whose bytes have not changed since the last build are not parsed again;
    `parallel` parses on every core (never in a process that runs threads, like the preview)."""
    sources = load_sources(config, diagnostics, cache.sources if cache else None, parallel=parallel)
    entries = load_events(config, diagnostics, cache.events if cache else None, parallel=parallel)
    events = resolve_events(entries, sources, config, diagnostics)
    return make_timeline(events, sources, config, diagnostics)


def static_files(config: SiteConfig) -> dict[str, bytes]:
    """The files of templates/static/, copied as they are under static/."""
    folder = config.templates_dir / "static"
    return {
        f"static/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def build(config: SiteConfig, diagnostics: Diagnostics, cache: BuildCache | None = None, *,
          parallel: bool = False) -> Site | None:
    """The whole site in memory, or None when the content has errors (all in `diagnostics`)."""
    outputs = plan_site(config, diagnostics, cache, parallel=parallel)
    if outputs is None:
        return None
    timeline, planned = outputs
    try:
        files = {output.path: output.make() for output in planned}
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, config.templates_dir)
        diagnostics.error(config.display_path(path), line, f"template: {exc.message or exc}")
        return None
    return Site(timeline, files)


def plan_site(config: SiteConfig, diagnostics: Diagnostics, cache: BuildCache | None = None, *,
              parallel: bool = False) -> tuple[Timeline, list[Output]] | None:
    """The timeline and the plan of every file, or None when the content has errors."""
    timeline = gather(config, diagnostics, cache, parallel=parallel)
    if diagnostics.errors:
        return None
    try:
        renderer = Renderer(make_environment(config.templates_dir), timeline, config)
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, config.templates_dir)
        diagnostics.error(config.display_path(path), line, f"template: {exc.message or exc}")
        return None
    return timeline, plan(timeline, config, renderer, static_files(config))
