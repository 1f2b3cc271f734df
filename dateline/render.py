"""Rendering the timeline into pages with Jinja2: every page, as bytes, by its path in site/."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from dateline.axis import build_axis
from dateline.config import Briefing, SiteConfig
from dateline.dates import DateValue, Precision, display
from dateline.dates.labels import MONTH_NAMES, day_label, offset_text
from dateline.exports import DOWNLOADS
from dateline.exports.briefing import contents
from dateline.model import Event, Facet, Timeline

FACET_TITLES = {"tags": "Tags", "people": "People", "places": "Places", "years": "Years", "sources": "Sources"}
FACET_SINGULAR = {"tags": "Tag", "people": "Person", "places": "Place", "years": "Year", "sources": "Source"}


@dataclass(frozen=True)
class MonthGroup:
    """The events of one month, under their month heading on the index."""

    id: str
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class YearGroup:
    """A year on the index: events known only to the year (or coarser) first, then its months."""

    year: int
    lead: tuple[Event, ...]
    months: tuple[MonthGroup, ...]


def html_datetime(value: DateValue) -> str:
    """A valid HTML `datetime` attribute as precise as the value (ranges give their start)."""
    start = value.start
    if value.precision is Precision.MINUTE and value.time is not None:
        offset = value.time.utcoffset()
        zone = "" if offset is None else ("Z" if not offset else offset_text(offset))
        return f"{start.isoformat()}T{value.time:%H:%M}{zone}"
    if value.precision is Precision.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if value.precision.rank >= Precision.DAY.rank or value.is_range:
        return start.isoformat()
    if value.precision.rank >= Precision.HALF.rank:
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def group_by_year(events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
    """Year and month groups for the index, keeping timeline order inside each."""
    years: dict[int, tuple[list[Event], dict[int, list[Event]]]] = {}
    for event in events:
        lead, months = years.setdefault(event.date.start.year, ([], {}))
        if event.date.precision.rank < Precision.MONTH.rank:
            lead.append(event)
        else:
            months.setdefault(event.date.start.month, []).append(event)
    return tuple(
        YearGroup(
            year,
            tuple(lead),
            tuple(
                MonthGroup(f"m-{year}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}", tuple(members))
                for month, members in sorted(months.items())
            ),
        )
        for year, (lead, months) in sorted(years.items())
    )


def template_location(exc: jinja2.TemplateError, templates_dir: Path) -> tuple[Path, int]:
    """The template file and line an error comes from (syntax errors know it; others are in the traceback)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return Path(exc.filename), exc.lineno
    location = (templates_dir, 1)
    traceback = exc.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if Path(filename).is_relative_to(templates_dir.absolute()) or Path(filename).is_relative_to(templates_dir):
            location = (Path(filename), traceback.tb_lineno)
        traceback = traceback.tb_next
    return location


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with autoescape everywhere and undefined names as errors."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["display"] = display
    environment.filters["html_datetime"] = html_datetime
    environment.filters["day_label"] = day_label
    environment.filters["yyyymmdd"] = lambda day: f"{day.year:04d}{day.month:02d}{day.day:02d}"
    return environment


def embed_snippet(title: str, base_url: str) -> str:
    """The <iframe> to paste into a page, with the listener that fits the frame to its content."""
    source = f"{base_url.rstrip('/')}/embed.html" if base_url else "embed.html"
    return (
        f'<iframe src="{html.escape(source)}" title="{html.escape(title)}" style="width:100%;border:0" '
        'loading="lazy"></iframe>\n'
        '<script>addEventListener("message",function(e){var d=e.data;if(d&&d.type==="dateline:height")'
        '{document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)'
        '{f.style.height=d.height+"px"}})}})</script>'
    )


class Renderer:
    """Renders each page of a timeline with the links every page shares."""

    def __init__(self, environment: jinja2.Environment, timeline: Timeline, config: SiteConfig) -> None:
        self.environment = environment
        self.timeline = timeline
        self.config = config
        self.sources = {source.id: source for source in timeline.sources}
        self.slugs = {
            kind: {facet.name.casefold(): facet.slug for facet in facets}
            for kind, facets in timeline.facets.items()
        }

    def page(self, template: str, path: str, **context: Any) -> tuple[str, bytes]:
        """Render one page; `root` is the relative way back to the top of the site."""
        root = "../" * path.count("/")
        html = self.environment.get_template(template).render(
            site=self.timeline, root=root, sources=self.sources, facet_url=self._facet_url(root),
            facet_titles=FACET_TITLES, facet_singular=FACET_SINGULAR, downloads=DOWNLOADS,
            briefings=self.config.briefings, **context,
        )
        return path, html.encode("utf-8")

    def _facet_url(self, root: str) -> Callable[[str, str | int], str]:
        def facet_url(kind: str, name: str | int) -> str:
            return f"{root}{kind}/{self.slugs[kind][str(name).casefold()]}.html"

        return facet_url

    def pages(self) -> dict[str, bytes]:
        """Every HTML page of the site."""
        timeline = self.timeline
        snippet = embed_snippet(timeline.title, self.config.base_url)
        pages = dict([self.page("index.html", "index.html", years=group_by_year(timeline.events),
                                axis=build_axis(timeline.events), embed_snippet=snippet),
                      self.page("embed.html", "embed.html")])
        pages.update(self._briefing(briefing) for briefing in self.config.briefings)
        events = timeline.events
        for index, event in enumerate(events):
            neighbours = {"previous": events[index - 1] if index else None,
                          "next": events[index + 1] if index + 1 < len(events) else None}
            pages.update([self.page("event.html", f"events/{event.slug}.html", event=event, **neighbours)])
        for kind, facets in timeline.facets.items():
            pages.update([self.page("facets.html", f"{kind}/index.html", kind=kind, facets=facets)])
            pages.update(self._facet_page(kind, facet) for facet in facets)
        return pages

    def _briefing(self, briefing: Briefing) -> tuple[str, bytes]:
        held = contents(briefing, self.timeline)
        return self.page("briefing.html", f"briefings/{briefing.name}.html", briefing=briefing, events=held.events,
                         cited=held.cited, as_of=held.as_of, axis=build_axis(held.events))

    def _facet_page(self, kind: str, facet: Facet) -> tuple[str, bytes]:
        path = f"{kind}/{facet.slug}.html"
        if kind == "sources":
            return self.page("source.html", path, facet=facet, source=self.sources[facet.name])
        return self.page("facet.html", path, kind=kind, facet=facet)
