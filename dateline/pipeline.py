"""The build, in one readable function: read, resolve, order, render; nothing is written here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from dateline.config import SiteConfig
from dateline.errors import Diagnostics
from dateline.exports import Composites, composites
from dateline.model import Timeline
from dateline.outputs import Keys, Plan, plan, site_key
from dateline.parallel import frozen, lasting
from dateline.reading import Scan, read_events, read_sources, scan
from dateline.render import ListItems, Renderer, facet_slugs
from dateline.store import Store
from dateline.templating import make_environment, template_location
from dateline.timeline import make_timeline


@dataclass(frozen=True)
class Site:
    """A built site in memory: every file by its path inside site/."""

    timeline: Timeline
    files: dict[str, bytes]


def gather(config: SiteConfig, diagnostics: Diagnostics, store: Store | None = None, *,
           parallel: bool = False, found: Scan | None = None) -> Timeline:
    """Read and validate all content into an ordered timeline; problems go to `diagnostics`.
    With a store, only files whose bytes changed since the last build are parsed again, and only
    events whose file or sources changed are resolved again; `parallel` works on every core
    (never in a process that runs threads, like the preview)."""
    found = found or scan(config)
    diagnostics.problems.extend(found.unlisted)
    sources = read_sources(found.sources, config, diagnostics, store, parallel=parallel)
    folder = config.display_path(config.content_dir / "events")
    if not found.has_events_folder:
        diagnostics.error(folder, 1, "there is no events folder: put one file per event in it")
        return make_timeline([], sources.by_id, config, diagnostics)
    events = read_events(found.events, sources, config, diagnostics, store, parallel=parallel)
    if not found.events and not diagnostics.errors:
        diagnostics.error(folder, 1, "no events: put one Markdown file per event here")
    with lasting():
        return make_timeline(events, sources.by_id, config, diagnostics)


def static_files(config: SiteConfig) -> dict[str, bytes]:
    """The files of templates/static/, copied as they are under static/."""
    folder = config.templates_dir / "static"
    return {
        f"static/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def build(config: SiteConfig, diagnostics: Diagnostics) -> Site | None:
    """The whole site in memory, or None when the content has errors (all in `diagnostics`)."""
    outputs = plan_site(config, diagnostics)
    if outputs is None:
        return None
    timeline, planned = outputs
    try:
        files = {output.path: output.make() for output in planned.outputs}
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, config.templates_dir)
        diagnostics.error(config.display_path(path), line, f"template: {exc.message or exc}")
        return None
    return Site(timeline, files)


# What a build is told once its timeline, templates and data files are known, before it plans
# (a full build sets its workers to the events' pages then: see incremental.py).
Starting = Callable[[Timeline, jinja2.Environment, Composites], None]


def plan_site(config: SiteConfig, diagnostics: Diagnostics, store: Store | None = None, *,
              parallel: bool = False, found: Scan | None = None,
              starting: Starting | None = None) -> tuple[Timeline, Plan] | None:
    """The timeline and the plan of every file, or None when the content has errors."""
    timeline = gather(config, diagnostics, store, parallel=parallel, found=found)
    if diagnostics.errors:
        return None
    environment = _environment(config, diagnostics, store)
    if environment is None:
        return None
    with lasting():
        data = composites(timeline, config)
    if starting is not None:
        starting(timeline, environment, data)
    with frozen(), lasting():  # the timeline and the plan live as long as the build: spare the collector them
        return timeline, _plan(config, store, timeline, environment, data)


def _environment(config: SiteConfig, diagnostics: Diagnostics, store: Store | None) -> jinja2.Environment | None:
    try:
        return make_environment(config.templates_dir, store.compiled_templates if store is not None else None)
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, config.templates_dir)
        diagnostics.error(config.display_path(path), line, f"template: {exc.message or exc}")
        return None


def _plan(config: SiteConfig, store: Store | None, timeline: Timeline, environment: jinja2.Environment,
          data: Composites) -> Plan:
    keys = Keys(timeline, site_key(config), facet_slugs(timeline))
    items = ListItems(keys.site, keys.card, keys.cards, store.list_items if store is not None else None,
                      keep=store is not None and store.in_memory)
    renderer = Renderer(environment, timeline, config, items)
    return plan(timeline, config, renderer, keys, static_files(config), data)
