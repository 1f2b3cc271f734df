"""A build with nothing to reuse: every file of the site made, on every core, into a new folder.

The work is split so that no process holds more than it needs, and no core waits:

- as soon as the timeline, the templates and the data files are known, the workers take the
  timeline a stretch of events at a time, the events handed to them rather than shared: each
  makes those events' pages and writes their parts of every data file into a file of its own
  (a stretch);
- meanwhile this process plans every file with its key, then makes the pages that list events
  (the index, the tag, person, place, year and source pages, the embed page, the briefings) and
  the other files, then takes the stretches no worker has started, from the end of the timeline
  (the workers yield to it: see `parallel.pool`);
- then it joins each data file: its head, the stretches in timeline order (copied by the
  kernel), its tail.

Forked workers share this process's memory until they write to it, and Python writes to an object
each time it touches it: a worker that went through the whole timeline would end up with a copy
of it. Handed only their stretch, the workers stay small at any scale.
"""

from __future__ import annotations

import array
import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import jinja2

from dateline import parallel, write
from dateline.config import SiteConfig
from dateline.exports import Composites
from dateline.exports.composite import Composite
from dateline.listed import frozen_listed
from dateline.model import Event, Timeline
from dateline.outputs import Output
from dateline.render import Renderer, neighbourhood, render_event_page
from dateline.store import OutputRow, Parts, freeze
from dateline.templating import template_location

STRETCH = 100  # events a worker takes at a time
PARALLEL_FROM = 300  # events from which spreading the work over the cores pays


class TemplateProblemError(Exception):
    """A template error raised while making a page, with the template's path and line (it can
    cross from a worker process, where the traceback that holds the line does not)."""


@dataclass(frozen=True)
class Stretch:
    """A run of the timeline for one worker: its number, the position of its first event, and
    its events with the one before and the one after (None at either end of the timeline)."""

    number: int
    start: int
    events: tuple[Event | None, ...]


@dataclass(frozen=True)
class DataFile:
    """A data file made of parts: its path and composite, and which of the timeline's events it
    has a part for (one byte per event, so that workers can read it without touching many objects)."""

    path: str
    composite: Composite
    members: bytes


class FullBuild:
    """Every file of a site made into a new folder that replaces `output` (see write.staged), in
    two steps: `start` sets the workers to the events' pages and parts as soon as the timeline,
    the templates and the data files are known (the build plans meanwhile: see
    pipeline.Starting); `finish` makes the rest from the plan and joins the data files. Used as a
    context: the new site replaces the old when it ends, and is dropped when it raises."""

    def __init__(self, output: Path, config: SiteConfig, use_cores: bool) -> None:
        self.output = output
        self.config = config
        self.use_cores = use_cores
        self.staging = contextlib.ExitStack()  # the new site's folder, published when the build ends
        self.workers = contextlib.ExitStack()  # the pool, stopped before that
        self.folder: Path | None = None
        self.work: Path | None = None
        self.data_files: list[DataFile] = []
        self.stretches: list[Stretch] = []
        self.futures: list[Future[Lengths]] | None = None

    def __enter__(self) -> FullBuild:
        return self

    def __exit__(self, kind: type[BaseException] | None, failure: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is not None:  # given up: the stretches no worker has started are dropped
                for future in self.futures or ():
                    future.cancel()
            self.workers.close()
        finally:
            for name in ("renderer", "folder", "work", "composites"):
                parallel.shared.pop(name, None)
            if self.work is not None:
                shutil.rmtree(self.work, ignore_errors=True)
            self.staging.__exit__(kind, failure, trace)

    def start(self, timeline: Timeline, environment: jinja2.Environment, data: Composites) -> None:
        """Make the new site's folder, and set the workers to the events' pages and parts (on
        more than one core, for a timeline long enough to pay for them)."""
        self.folder = folder = self.staging.enter_context(write.staged(self.output))
        self.work = Path(tempfile.mkdtemp(prefix=f".building-{folder.name}-stretches-", dir=folder.parent))
        position = {event.slug: number for number, event in enumerate(timeline.events)}
        self.data_files = [_data_file(path, composite, position, len(timeline.events))
                           for path, (composite, _) in data.items()]
        self.stretches = list(_stretches(timeline.events))
        parallel.shared.update(renderer=Renderer(environment, timeline, self.config), folder=folder,
                               work=self.work, composites=[(d.composite, d.members) for d in self.data_files])
        if self.use_cores and len(timeline.events) >= PARALLEL_FROM and parallel.workers() > 1:
            pool = self.workers.enter_context(parallel.pool())
            self.futures = [pool.submit(_make_stretch, stretch) for stretch in self.stretches]

    def finish(self, outputs: list[Output], renderer: Renderer) -> dict[str, OutputRow]:
        """Make every other file of `outputs` with `renderer` and join the data files; the rows
        the state keeps, by path."""
        assert self.folder is not None and self.work is not None, "finish() before start()"
        pages = [output for output in outputs if output.event is None and output.composite is None]
        _make_pages(pages, self.folder)
        if self.futures is not None:
            done = _stretches_done(self.futures, self.stretches)
        else:
            done = [_make_stretch(stretch) for stretch in self.stretches]
        self.workers.close()
        by_path = {output.path: output for output in outputs}
        rows = {d.path: _join(d, by_path[d.path], number, done, self.folder, self.work)
                for number, d in enumerate(self.data_files)}
        return {o.path: rows.get(o.path) or OutputRow(o.key, None, frozen_listed(renderer.listed, o.path))
                for o in outputs}


Lengths = list[list[int]]  # a stretch's: the length of each part it wrote, by data file


def _stretches_done(futures: list[Future[Lengths]], stretches: list[Stretch]) -> list[Lengths]:
    """Each stretch's lengths. The stretches no worker has started yet are made here, one at a
    time from the last, until the workers, taking them from the first, reach them."""
    made: dict[int, Lengths] = {}
    for number in reversed(range(len(futures))):
        if not futures[number].cancel():
            break
        made[number] = _make_stretch(stretches[number])
    return [made[number] if number in made else future.result() for number, future in enumerate(futures)]


def template_problem(exc: jinja2.TemplateError, templates: Path) -> TemplateProblemError:
    """The error to report for a template that failed while making a file."""
    path, line = template_location(exc, templates)
    return TemplateProblemError(str(path), line, f"template: {exc.message or exc}")


def _data_file(path: str, composite: Composite, position: dict[str, int], count: int) -> DataFile:
    """`position`: where each of the timeline's `count` events (by slug) is in it."""
    members = bytearray(count)
    for event in composite.events:
        members[position[event.slug]] = 1
    return DataFile(path, composite, bytes(members))


def _stretches(events: tuple[Event, ...]) -> Iterator[Stretch]:
    padded = (None, *events, None)
    for number, start in enumerate(range(0, len(events), STRETCH)):
        yield Stretch(number, start, padded[start:start + STRETCH + 2])


def _make_pages(outputs: Sequence[Output], folder: Path) -> None:
    """Write each of `outputs`: the pages made in this process (not the events' pages or the data
    files, which the stretches make)."""
    renderer: Renderer = parallel.shared["renderer"]
    for output in outputs:
        try:
            write.write_file(folder, output.path, output.make())
        except jinja2.TemplateError as exc:
            raise template_problem(exc, renderer.config.templates_dir) from None


def _make_stretch(stretch: Stretch) -> Lengths:
    """Write the pages of a stretch's events and its parts of each data file; the length of each
    part written, by data file (in a worker, or in this process)."""
    renderer: Renderer = parallel.shared["renderer"]
    folder: Path = parallel.shared["folder"]
    try:
        for offset, event in enumerate(stretch.events[1:-1]):
            assert event is not None
            around = neighbourhood(renderer.config, event, stretch.events[offset], stretch.events[offset + 2],
                                   renderer.sources, renderer.slugs)
            write.write_file(folder, f"events/{event.slug}.html",
                             render_event_page(renderer.environment, renderer.config, around))
        return [_write_parts(stretch, number, composite, members)
                for number, (composite, members) in enumerate(parallel.shared["composites"])]
    except jinja2.TemplateError as exc:
        raise template_problem(exc, renderer.config.templates_dir) from None


def _write_parts(stretch: Stretch, number: int, composite: Composite, members: bytes) -> list[int]:
    """A stretch's parts of one data file, joined by its separator, into a file of their own."""
    events = [event for position, event in enumerate(stretch.events[1:-1], stretch.start) if members[position]]
    parts = [composite.part(event).encode("utf-8") for event in events if event is not None]
    work: Path = parallel.shared["work"]
    (work / f"{number}-{stretch.number}").write_bytes(composite.separator.encode("utf-8").join(parts))
    return [len(part) for part in parts]


def _join(data: DataFile, output: Output, number: int, lengths: list[Lengths], folder: Path,
          work: Path) -> OutputRow:
    """A data file from its head, its stretches in order, and its tail; with where each part is."""
    composite = data.composite
    separator = composite.separator.encode("utf-8")
    head = composite.head().encode("utf-8")
    spans, offset = array.array("q"), len(head)
    pieces: list[bytes | Path] = [head]
    for stretch, stretch_lengths in enumerate(lengths):
        parts = stretch_lengths[number]
        if not parts:
            continue
        if len(spans):
            pieces.append(separator)
            offset += len(separator)
        pieces.append(work / f"{number}-{stretch}")
        for place, length in enumerate(parts):
            offset += len(separator) if place else 0
            spans.extend((offset, length))
            offset += length
    pieces.append(composite.tail.encode("utf-8"))
    write.write_joined(folder, output.path, pieces)
    parts_row = Parts(output.base, output.reuse, b"".join(output.part_keys), spans)
    return OutputRow(output.key, freeze(parts_row))
