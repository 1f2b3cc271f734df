"""Reading content/ into sources and resolved events, remembering both in the build state.

A file is parsed again only when its fingerprint changed; an event is resolved again only when
its own file or one of the sources it reads changed (its resolution key). What must be done is
spread over every core when there is a lot of it. Problems are kept with what they came from, so
an event taken from the state reports exactly what it reported when it was made. A process that
builds often (the preview) also keeps each outcome as it thawed it, so that its next build neither
reads nor unpickles the outcomes that still hold.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.cache import digest
from dateline.config import SiteConfig
from dateline.content import ContentFile, Parsed, parse_file, read_folder
from dateline.dates import prepare
from dateline.errors import Diagnostics, Problem
from dateline.model import Event, EventFile, Source
from dateline.parallel import lasting, map_chunks, shared
from dateline.resolve import needed_sources, resolve_event
from dateline.store import FileRow, Store, freeze, thaw

PARALLEL_FROM = 400  # files to parse before spreading the work over the cores pays


@dataclass(frozen=True)
class Scan:
    """Every content file, read and fingerprinted, whether there is an events folder, and the
    folders that could not be listed (each an error)."""

    sources: tuple[ContentFile, ...]
    events: tuple[ContentFile, ...]
    has_events_folder: bool
    unlisted: tuple[Problem, ...] = ()

    def fingerprints(self) -> dict[str, bytes]:
        return {file.shown: file.fingerprint for file in (*self.sources, *self.events)}


def scan(config: SiteConfig) -> Scan:
    """Read content/sources/ and content/events/."""
    events = config.content_dir / "events"
    unlisted: list[Problem] = []
    sources = tuple(read_folder(config.content_dir / "sources", config, unlisted))
    return Scan(sources, tuple(read_folder(events, config, unlisted)), events.is_dir(), tuple(unlisted))


@dataclass(frozen=True)
class Resolved:
    """An event file's outcome: its parse (None when it could not be read) with the problems
    the parse found, and the event (None when it could not be dated) with every problem."""

    entry: EventFile | None
    parse_problems: tuple[Problem, ...]
    event: Event | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Sources:
    """The sources by id, and the fingerprint of each one's file (what events that read it are
    resolved under)."""

    by_id: dict[str, Source]
    prints: dict[str, bytes]


def read_sources(files: Sequence[ContentFile], config: SiteConfig, diagnostics: Diagnostics,
                 store: Store | None, *, parallel: bool) -> Sources:
    """Every source file, parsed (or taken from the state when its bytes have not changed)."""
    rows = store.files("sources") if store is not None else {}
    parsed: dict[str, Parsed[Source]] = {}
    misses = []
    for file in files:
        row = rows.get(file.shown)
        if row is not None and row.fingerprint == file.fingerprint and row.parsed is not None:
            parsed[file.shown] = thaw(row.parsed)
        else:
            misses.append(file)
    work = functools.partial(_parse_sources, config=config)
    for chunk in map_chunks(work, misses, minimum=PARALLEL_FROM, enabled=parallel, prepare=prepare):
        parsed.update((shown, thaw(blob)) for shown, _, blob in chunk)
        if store is not None:
            store.put_files("sources", {shown: FileRow(fingerprint, blob) for shown, fingerprint, blob in chunk})
    if store is not None:
        store.keep_files("sources", {file.shown for file in files})
    sources: dict[str, Source] = {}
    prints: dict[str, bytes] = {}
    for file in files:
        diagnostics.problems.extend(parsed[file.shown].problems)
        source = parsed[file.shown].value
        if source is not None:
            sources[source.id] = source
            prints[source.id] = file.fingerprint
    return Sources(sources, prints)


def _parse_sources(files: Sequence[ContentFile], config: SiteConfig) -> list[tuple[str, bytes, bytes]]:
    return [(file.shown, print_, freeze(parsed)) for file in files
            for print_, parsed in (parse_file(file, "sources", config),)]


def resolution_key(fingerprint: bytes, needs: Sequence[str], prints: dict[str, bytes], known: bytes) -> bytes:
    """What an event's resolution depends on: its file, and each source it reads (the set of all
    sources too when one is missing, for the suggestion its error makes)."""
    parts = [fingerprint, *(part for source_id in needs for part in (source_id, prints.get(source_id, b"-")))]
    if any(source_id not in prints for source_id in needs):
        parts.append(known)
    return digest(*parts)


def read_events(files: Sequence[ContentFile], sources: Sources, config: SiteConfig, diagnostics: Diagnostics,
                store: Store | None, *, parallel: bool) -> list[Event]:
    """The resolved events, in file order (files that could not be read or dated left out)."""
    known = digest(*sorted(sources.prints))
    remembered = store.outcomes if store is not None else {}
    with lasting():
        outcomes, rows, jobs = _from_state(files, remembered, _rows(files, remembered, store), sources.prints, known)
    shared.update(sources=sources.by_id, prints=sources.prints, known=known)
    try:
        work = functools.partial(_resolve_events, config=config)
        for chunk in map_chunks(work, jobs, minimum=PARALLEL_FROM, enabled=parallel, prepare=prepare):
            with lasting():
                for shown, row in chunk:
                    if row.resolved is not None:
                        outcomes[shown] = thaw(row.resolved)
                        rows[shown] = row
            if store is not None:
                store.put_files("events", dict(chunk))
    finally:
        for name in ("sources", "prints", "known"):
            del shared[name]
    if store is not None:
        store.keep_files("events", {file.shown for file in files})
        if store.in_memory:  # for the next build of this process: each outcome with its row, blob left out
            store.outcomes = {shown: (FileRow(row.fingerprint, None, row.needs, row.resolution), outcomes[shown])
                              for shown, row in rows.items()}
    events = []
    for file in files:
        outcome = outcomes[file.shown]
        diagnostics.problems.extend(outcome.problems)
        if outcome.event is not None:
            events.append(outcome.event)
    return events


def _rows(files: Sequence[ContentFile], remembered: dict[str, tuple[FileRow, Resolved]],
          store: Store | None) -> dict[str, FileRow]:
    """The state's rows of the files whose outcome is not remembered as they are now."""
    if store is None:
        return {}
    missing = [file.shown for file in files
               if file.shown not in remembered or remembered[file.shown][0].fingerprint != file.fingerprint]
    return store.files("events", None if len(missing) == len(files) else missing) if missing else {}


Job = tuple[ContentFile, bytes | None]  # a file to resolve, and its earlier outcome if only its sources changed


def _from_state(files: Sequence[ContentFile], remembered: dict[str, tuple[FileRow, Resolved]],
                rows: dict[str, FileRow], prints: dict[str, bytes],
                known: bytes) -> tuple[dict[str, Resolved], dict[str, FileRow], list[Job]]:
    """The outcomes still good (as this process remembers them thawed, or as the state holds
    them) with their rows, and the files to parse or resolve again."""
    outcomes: dict[str, Resolved] = {}
    good: dict[str, FileRow] = {}
    jobs: list[Job] = []
    for file in files:
        memory = remembered.get(file.shown)
        if memory is not None and memory[0].fingerprint == file.fingerprint:
            row, outcome = memory
            if row.resolution == resolution_key(file.fingerprint, row.needs, prints, known):
                outcomes[file.shown], good[file.shown] = outcome, row
            else:
                jobs.append((file, freeze(outcome)))
            continue
        stored = rows.get(file.shown)
        if stored is None or stored.fingerprint != file.fingerprint or stored.resolved is None:
            jobs.append((file, None))
        elif stored.resolution == resolution_key(file.fingerprint, stored.needs, prints, known):
            outcomes[file.shown], good[file.shown] = thaw(stored.resolved), stored
        else:
            jobs.append((file, stored.resolved))
    return outcomes, good, jobs


def _resolve_events(jobs: Sequence[Job], config: SiteConfig) -> list[tuple[str, FileRow]]:
    """Parse (unless an earlier outcome holds the parse) and resolve each event file (in a
    worker, or here)."""
    sources: dict[str, Source] = shared["sources"]
    done = []
    for file, earlier in jobs:
        print_ = file.fingerprint
        if earlier is None:
            parsed: Parsed[EventFile]
            print_, parsed = parse_file(file, "events", config)
            entry, parse_problems = parsed.value, parsed.problems
        else:
            before: Resolved = thaw(earlier)
            entry, parse_problems = before.entry, before.parse_problems
        local = Diagnostics(list(parse_problems))
        event = resolve_event(entry, sources, config, local) if entry is not None else None
        needs = needed_sources(entry) if entry is not None else ()
        key = resolution_key(print_, needs, shared["prints"], shared["known"])
        resolved = freeze(Resolved(entry, parse_problems, event, tuple(local.problems)))
        done.append((file.shown, FileRow(print_, None, needs, key, resolved)))
    return done
