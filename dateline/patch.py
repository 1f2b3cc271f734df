"""The commonest change, editing the text of events, made without gathering the timeline again.

When every changed content file is an event whose header is exactly what it was, nothing a list
of events shows has changed, nor any date, order or check: only each event's page and its parts
of the data files that show bodies. Those are made from what the state holds about the event
(its resolved date, its neighbours, the sources it reads) with the functions a full build uses,
so the bytes are the same as a full build's. Anything else returns None: the caller builds the
long way.
"""

from __future__ import annotations

import array
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from dateline import write
from dateline.cache import KEY_SIZE, digest
from dateline.config import SiteConfig
from dateline.content import parse_file
from dateline.errors import Problem, Severity
from dateline.exports import composites
from dateline.model import Event, Source, Timeline
from dateline.outputs import composite_key, full_key, page_key
from dateline.reading import Resolved, Scan, resolution_key
from dateline.render import neighbourhood, render_event_page
from dateline.store import EventRow, FileRow, OutputRow, Parts, Store, freeze, thaw
from dateline.templating import make_environment


@dataclass(frozen=True)
class Edit:
    """An event whose body changed: as the state holds it, as it is now (with its new row for the
    state), and where it sits in the timeline."""

    path: str
    before: Resolved
    after: Resolved
    row: FileRow
    place: EventRow

    @property
    def event(self) -> Event:
        assert self.after.event is not None
        return self.after.event


@dataclass(frozen=True)
class Patch:
    """What the edits change: files of the site (bytes, or a splice of the file there), their
    rows, the edited files' rows, and the build's problems as they now are."""

    changed: dict[str, bytes | write.Splice]
    outputs: dict[str, OutputRow]
    files: dict[str, FileRow]
    problems: tuple[Problem, ...]


def patch(config: SiteConfig, store: Store, found: Scan, output: Path) -> Patch | None:
    """What edits to events' bodies changed; None when the change is anything else."""
    edits = _edits(config, store, found)
    if edits is None:
        return None
    sources = _sources(store, found, edits)
    changed: dict[str, bytes | write.Splice] = {}
    rows: dict[str, OutputRow] = {}
    try:
        for path, page in _pages(config, store, edits, sources).items():
            changed[path], rows[path] = page
    except jinja2.TemplateError:
        return None  # the long way reports it with its template's line
    parts = _composite_parts(config, store, output, edits, sources)
    if parts is None:
        return None
    for path, (splice, row) in parts.items():
        changed[path], rows[path] = splice, row
    return Patch(changed, rows, {edit.path: edit.row for edit in edits}, _problems(store, edits))


def _edits(config: SiteConfig, store: Store, found: Scan) -> list[Edit] | None:
    """The changed files, if each is an event whose header is unchanged and whose body parses."""
    stored, now = store.fingerprints(), found.fingerprints()
    changed = [path for path, print_ in now.items() if stored.get(path) != print_]
    files = {file.shown: file for file in found.events}
    if stored.keys() != now.keys() or not changed or any(path not in files for path in changed):
        return None
    rows, places = store.files("events", changed), store.events(changed)
    prints = {Path(file.shown).stem: file.fingerprint for file in found.sources}
    known = digest(*sorted(prints))
    edits = []
    for path in changed:
        row, place = rows.get(path), places.get(path)
        if row is None or row.resolved is None or place is None:
            return None
        before: Resolved = thaw(row.resolved)
        print_, parsed = parse_file(files[path], "events", config)
        entry = parsed.value
        if before.event is None or before.entry is None or entry is None \
                or entry.header_digest != before.entry.header_digest \
                or any(problem.severity is Severity.ERROR for problem in parsed.problems):
            return None
        resolution = before.problems[len(before.parse_problems):]
        after = Resolved(entry, parsed.problems, replace(before.event, entry=entry), parsed.problems + resolution)
        if print_ != files[path].fingerprint:
            return None  # changed again since it was found: the long way reads it once more
        key = resolution_key(print_, row.needs, prints, known)
        edits.append(Edit(path, before, after, FileRow(print_, None, row.needs, key, freeze(after)), place))
    return edits


def _sources(store: Store, found: Scan, edits: list[Edit]) -> dict[str, Source]:
    """The sources the edited events read, by id."""
    wanted = {source_id for edit in edits for source_id in edit.row.needs}
    paths = [file.shown for file in found.sources if Path(file.shown).stem in wanted]
    sources = {}
    for row in store.files("sources", paths).values():
        source = thaw(row.parsed).value if row.parsed is not None else None
        if source is not None:
            sources[source.id] = source
    return sources


def _pages(config: SiteConfig, store: Store, edits: list[Edit],
           sources: dict[str, Source]) -> dict[str, tuple[bytes, OutputRow]]:
    """Each edited event's page, made from its neighbourhood as a full build makes it."""
    environment = make_environment(config.templates_dir, store.compiled_templates)
    slugs = thaw(store.meta("slugs") or freeze({}))
    neighbours = _neighbours(store, edits)
    pages = {}
    for edit in edits:
        previous, after = (neighbours.get(path) if path else None for path in (edit.place.previous, edit.place.next))
        around = neighbourhood(config, edit.event, previous, after, sources, slugs)
        row = OutputRow(page_key(edit.place.page, edit.event.entry.body_digest), None)
        pages[f"events/{edit.event.slug}.html"] = (render_event_page(environment, config, around), row)
    return pages


def _neighbours(store: Store, edits: list[Edit]) -> dict[str, Event]:
    """The events before and after the edited events, by path (their cards are all a page shows)."""
    paths = {path for edit in edits for path in (edit.place.previous, edit.place.next) if path}
    events = {}
    for path, row in store.files("events", paths).items():
        resolved: Resolved | None = thaw(row.resolved) if row.resolved is not None else None
        if resolved is not None and resolved.event is not None:
            events[path] = resolved.event
    return events


def _composite_parts(config: SiteConfig, store: Store, output: Path, edits: list[Edit],
                     sources: dict[str, Source]) -> dict[str, tuple[write.Splice, OutputRow]] | None:
    """Each data file that shows an edited event's body, with the event's new part spliced in;
    None if a file's parts were made with something that is not at hand here."""
    as_of, site = thaw(store.meta("as_of") or freeze(None)), store.meta("site") or b""
    stored = {path: thaw(row.parts) for path, row in store.composite_outputs().items() if row.parts is not None}
    new: dict[str, dict[int, tuple[bytes, bytes]]] = {path: {} for path in stored}
    for edit in edits:
        alone = Timeline(config.title, config.description, config.language, (edit.event,),
                         tuple(sources.values()), {}, as_of)
        made = composites(alone, config)
        for path, parts in stored.items():
            index = parts.index(full_key(edit.place.card, edit.before.event.entry.body_digest
                                         if edit.before.event else b""))
            if index is None:
                continue  # not in this file, or in it without its body
            if path not in made or digest(site, made[path][0].context) != parts.reuse:
                return None
            part = made[path][0].part(edit.event).encode("utf-8")
            new[path][index] = (full_key(edit.place.card, edit.event.entry.body_digest), part)
    return {path: _splice(stored[path], changes, (output / path).stat().st_size)
            for path, changes in new.items() if changes}


def _splice(parts: Parts, new: dict[int, tuple[bytes, bytes]], size: int) -> tuple[write.Splice, OutputRow]:
    """The file with the parts at the given positions replaced: (new key, new bytes) by position."""
    keys = bytearray(parts.keys)
    spans = array.array("q", parts.spans)
    pieces: list[bytes | tuple[int, int]] = []
    copied_to = 0
    for index in sorted(new):
        key, data = new[index]
        start, length = parts.spans[2 * index], parts.spans[2 * index + 1]
        pieces += [(copied_to, start - copied_to), data]
        copied_to = start + length
        keys[index * KEY_SIZE:(index + 1) * KEY_SIZE] = key
        spans[2 * index + 1] = len(data)
        for later in range(index + 1, len(spans) // 2):
            spans[2 * later] += len(data) - length
    pieces.append((copied_to, size - copied_to))
    fresh = Parts(parts.base, parts.reuse, bytes(keys), spans)
    return write.Splice(tuple(pieces)), OutputRow(composite_key(parts.base, fresh.key_list()), freeze(fresh))


def _problems(store: Store, edits: list[Edit]) -> tuple[Problem, ...]:
    """The last build's problems, with each edited file's parse problems as they are now."""
    problems = list(thaw(store.meta("problems") or freeze(())))
    for edit in edits:
        for problem in edit.before.parse_problems:
            problems.remove(problem)
        problems.extend(edit.after.parse_problems)
    return tuple(problems)
