"""The build, in one readable function: read, resolve, order, render; nothing is written here."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from dateline.cache import BuildCache
from dateline.config import SiteConfig
from dateline.content import load_events, load_sources
from dateline.errors import Diagnostics
from dateline.exports import exports
from dateline.model import Timeline
from dateline.render import Renderer, make_environment, template_location
from dateline.resolve import resolve_events
from dateline.timeline import make_timeline


@dataclass(frozen=True)
class Site:
    """A built site in memory: every file by its path inside site/."""

    timeline: Timeline
    files: dict[str, bytes]


def gather(config: SiteConfig, diagnostics: Diagnostics, cache: BuildCache | None = None) -> Timeline:
    """Read and validate all content into an ordered timeline; problems go to `diagnostics`.
    With a cache, files whose bytes have not changed since the last build are not parsed again."""
    sources = load_sources(config, diagnostics, cache.sources if cache else None)
    entries = load_events(config, diagnostics, cache.events if cache else None)
    events = resolve_events(entries, sources, config, diagnostics)
    return make_timeline(events, sources, config, diagnostics)


def static_files(config: SiteConfig) -> dict[str, bytes]:
    """The files of templates/static/, copied as they are under static/."""
    folder = config.templates_dir / "static"
    return {
        f"static/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def build(config: SiteConfig, diagnostics: Diagnostics, cache: BuildCache | None = None) -> Site | None:
    """The whole site in memory, or None when the content has errors (all in `diagnostics`)."""
    timeline = gather(config, diagnostics, cache)
    if diagnostics.errors:
        return None
    try:
        files = Renderer(make_environment(config.templates_dir), timeline, config).pages()
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, config.templates_dir)
        diagnostics.error(config.display_path(path), line, f"template: {exc.message or exc}")
        return None
    files.update(exports(timeline, config))
    files.update(static_files(config))
    return Site(timeline, files)
