"""What one build leaves the next, in one SQLite file (`.dateline-cache/state.sqlite`).

- `meta`: the settings, templates and code the last build used, the digest of all its inputs,
  the stamp it left in the site, the problems it reported, and the facets' page names.
- `files`: each content file's fingerprint (a digest of its bytes) and its parse; for an event
  also the sources it refers to and its resolved date, under a key of everything it was
  resolved from.
- `events`: where each event sat in the last timeline: its card key, the key of its page
  without its body, and its neighbours (what a change to its body alone needs to know).
- `outputs`: each file of the site, its key; for a file made of one part per event, where
  each part sits in it; for a page that lists events, where each list item sits in it.

A build changes the state in one transaction (`transaction`), committed only once it has written
the site: the state always describes the last site written, and a build that fails, or is
killed, leaves it as it was. A file that is not a state of this version is started afresh.
"""

from __future__ import annotations

import array
import contextlib
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.cache import KEY_SIZE

FORMAT = b"4"
# A list item's shape (its template, heading level, way to the top, and compactness), and its key:
# its event's card key and its shape.
Shape = tuple[str, int, str, bool]
ItemKey = tuple[bytes, str, int, str, bool]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, fingerprint BLOB NOT NULL, parsed BLOB,
    needs TEXT, resolution BLOB, resolved BLOB);
CREATE TABLE IF NOT EXISTS events (
    path TEXT PRIMARY KEY, slug TEXT NOT NULL, card BLOB NOT NULL, page BLOB NOT NULL,
    previous TEXT, next TEXT);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, position INTEGER NOT NULL, key BLOB NOT NULL,
    parts BLOB, listed BLOB);
"""


def freeze(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def thaw(data: bytes) -> Any:
    return pickle.loads(data)


@dataclass(frozen=True)
class FileRow:
    """A content file as the last build read it (`parsed` and `resolved` still pickled)."""

    fingerprint: bytes
    parsed: bytes | None  # a source's Parsed (an event's parse is in its `resolved`)
    needs: tuple[str, ...] = ()
    resolution: bytes | None = None
    resolved: bytes | None = None


@dataclass(frozen=True)
class EventRow:
    """An event's place in the last timeline."""

    slug: str
    card: bytes
    page: bytes
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class Parts:
    """Where the parts of a file made of parts sit in it: the file's key without its parts
    (`base`), what its parts were made with (`reuse`), and each part's key (KEY_SIZE bytes each,
    in file order) with its start and length."""

    base: bytes
    reuse: bytes
    keys: bytes
    spans: array.array[int]  # start, length, start, length, ...

    def places(self) -> dict[bytes, tuple[int, int]]:
        """(start, length) by part key."""
        keys, spans = self.keys, self.spans
        return {keys[n * KEY_SIZE:(n + 1) * KEY_SIZE]: (spans[2 * n], spans[2 * n + 1])
                for n in range(len(keys) // KEY_SIZE)}

    def index(self, key: bytes) -> int | None:
        """The position of the part with this key, if there is one."""
        found = self.keys.find(key)
        while found >= 0 and found % KEY_SIZE:
            found = self.keys.find(key, found + 1)
        return None if found < 0 else found // KEY_SIZE

    def key_list(self) -> tuple[bytes, ...]:
        return tuple(self.keys[n:n + KEY_SIZE] for n in range(0, len(self.keys), KEY_SIZE))


@dataclass(frozen=True)
class OutputRow:
    """A file of the site as the last build wrote it (`parts` and `listed` are a frozen `Parts`
    and a frozen listed.Listed)."""

    key: bytes
    parts: bytes | None
    listed: bytes | None = None


class Store:
    """The state file, open. `Store(None)` keeps it in memory (for a process that builds often)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        # Kept in memory only, for the next build of the same process (the preview's): the list
        # items the last build had, with the site key they were made under (see render.ListItems);
        # and each event file's row (without its blob) with its outcome as thawed (see reading.py).
        self.list_items: tuple[bytes, dict[ItemKey, str]] | None = None
        self.outcomes: dict[str, tuple[FileRow, Any]] = {}
        self._compiled: dict[str, bytes] = {}
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = self._open()
        except sqlite3.DatabaseError:  # not a state file, or a damaged one: start afresh
            self._remove()
            self.connection = self._open()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path or ":memory:", isolation_level=None, check_same_thread=False)
        # A rollback journal, not a write-ahead log: a build's one transaction then writes its pages
        # once, into the state (a log writes them twice, the second time when it is checkpointed
        # into the state: 0.08 s for the 60 MB of 10,000 events), and a killed build's is rolled
        # back all the same. One build writes at a time either way.
        connection.execute("PRAGMA journal_mode=TRUNCATE")
        # Not synced to the disk: neither is the site it describes (a build is safe to kill, but
        # not to a power cut), and a state damaged by one is found when opened and started afresh.
        # Syncing the state of 10,000 events took a cold build 0.1 s on this machine.
        connection.execute("PRAGMA synchronous=OFF")
        connection.executescript(_SCHEMA)
        found = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        if found is None or found[0] != FORMAT:
            connection.executescript("DELETE FROM meta; DELETE FROM files; DELETE FROM events; DELETE FROM outputs;")
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        return connection

    def _remove(self) -> None:
        if self.path is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)

    @property
    def in_memory(self) -> bool:
        """A state in memory: its process builds again (the preview), so what is kept in memory
        for the next build is worth its room."""
        return self.path is None

    @property
    def compiled_templates(self) -> Path | dict[str, bytes]:
        """Where compiled templates are kept: beside the state, or in memory with a state in memory."""
        return self._compiled if self.path is None else self.path.parent / "templates"

    def close(self) -> None:
        self.connection.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Callable[[], None]]:
        """Changes inside happen together, when the function it gives is called, or not at all."""
        self.connection.execute("BEGIN IMMEDIATE")
        done = False

        def commit() -> None:
            nonlocal done
            self.connection.execute("COMMIT")
            done = True

        try:
            yield commit
        finally:
            if not done:
                self.connection.execute("ROLLBACK")

    def forget(self) -> None:
        """Start afresh (the code that made the state has changed)."""
        for table in ("meta", "files", "events", "outputs"):
            self.connection.execute(f"DELETE FROM {table}")
        self.connection.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))

    def meta(self, name: str) -> bytes | None:
        row = self.connection.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def set_meta(self, values: dict[str, bytes]) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def fingerprints(self) -> dict[str, bytes]:
        """Every content file's fingerprint, by path."""
        return dict(self.connection.execute("SELECT path, fingerprint FROM files"))

    def _select(self, query: str, head: tuple[Any, ...], paths: Iterable[str] | None) -> Iterator[tuple[Any, ...]]:
        """The rows `query` selects (with `head` for its first parameters), all of them or those
        at `paths` (asked for a few hundred at a time: a query takes a limited number of values)."""
        if paths is None:
            yield from self.connection.execute(query, head)
            return
        wanted = sorted(set(paths))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            where = " AND " if " WHERE " in query else " WHERE "
            yield from self.connection.execute(f"{query}{where}path IN ({','.join('?' * len(chunk))})",
                                               (*head, *chunk))

    def files(self, kind: str, paths: Iterable[str] | None = None) -> dict[str, FileRow]:
        """The rows of one kind of content file (all of them, or those at `paths`)."""
        query = "SELECT path, fingerprint, parsed, needs, resolution, resolved FROM files WHERE kind = ?"
        return {
            path: FileRow(fingerprint, parsed, tuple(needs.split("\n")) if needs else (), resolution, resolved)
            for path, fingerprint, parsed, needs, resolution, resolved in self._select(query, (kind,), paths)
        }

    def put_files(self, kind: str, rows: dict[str, FileRow]) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", (
            (path, kind, r.fingerprint, r.parsed, "\n".join(r.needs), r.resolution, r.resolved)
            for path, r in rows.items()))

    def keep_files(self, kind: str, paths: set[str]) -> None:
        """Forget the files of this kind that are not at `paths` any more (each of `paths` has its
        row: when there are as many rows as paths, no other is left, and a build after one that
        deleted none, a first build say, need not go through them all: 20 ms at 10,000 events)."""
        (count,) = self.connection.execute("SELECT COUNT(*) FROM files WHERE kind = ?", (kind,)).fetchone()
        if count == len(paths):
            return
        gone = [(path,) for (path,) in self.connection.execute("SELECT path FROM files WHERE kind = ?", (kind,))
                if path not in paths]
        self.connection.executemany("DELETE FROM files WHERE path = ?", gone)

    def events(self, paths: Iterable[str] | None = None) -> dict[str, EventRow]:
        """Where each event (by its file's path) sat in the last timeline."""
        rows = self._select("SELECT path, slug, card, page, previous, next FROM events", (), paths)
        return {path: EventRow(slug, card, page, previous, after) for path, slug, card, page, previous, after in rows}

    def replace_events(self, rows: dict[str, EventRow], previous: dict[str, EventRow]) -> None:
        """Store the events of a new timeline, writing only the rows that changed."""
        self.connection.executemany("DELETE FROM events WHERE path = ?", ((p,) for p in previous.keys() - rows.keys()))
        self.connection.executemany(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?)",
            ((path, r.slug, r.card, r.page, r.previous, r.next) for path, r in rows.items() if previous.get(path) != r),
        )

    def composite_outputs(self) -> dict[str, OutputRow]:
        """The files made of parts."""
        rows = self.connection.execute("SELECT path, key, parts FROM outputs WHERE parts IS NOT NULL")
        return {path: OutputRow(key, parts) for path, key, parts in rows}

    def outputs(self) -> dict[str, OutputRow]:
        """Every file of the site, in the order of the plan that made it."""
        rows = self.connection.execute("SELECT path, key, parts FROM outputs ORDER BY position")
        return {path: OutputRow(key, parts) for path, key, parts in rows}

    def listed(self, path: str) -> bytes | None:
        """Where the list items of a page sit in it, as the last build wrote it (a frozen listed.Listed)."""
        found = self.connection.execute("SELECT listed FROM outputs WHERE path = ?", (path,)).fetchone()
        return found[0] if found is not None else None

    def output_keys(self) -> list[tuple[str, bytes]]:
        return list(self.connection.execute("SELECT path, key FROM outputs ORDER BY position"))

    def replace_outputs(self, rows: dict[str, OutputRow], previous: dict[str, OutputRow]) -> None:
        """Store the files of a new site (in plan order), writing only the rows that changed (a
        row from `previous`, as `outputs` read it, only moves: its list items stay)."""
        order = {path: position for position, path in enumerate(previous)}
        self.connection.executemany("DELETE FROM outputs WHERE path = ?", ((p,) for p in previous.keys() - rows.keys()))
        self.connection.executemany(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
            ((path, position, row.key, row.parts, row.listed) for position, (path, row) in enumerate(rows.items())
             if previous.get(path) is not row),
        )
        self.connection.executemany(
            "UPDATE outputs SET position = ? WHERE path = ?",
            ((position, path) for position, (path, row) in enumerate(rows.items())
             if previous.get(path) is row and order[path] != position),
        )

    def update_outputs(self, rows: dict[str, OutputRow]) -> None:
        """Change the key (and parts) of files already stored."""
        self.connection.executemany("UPDATE outputs SET key = ?, parts = ? WHERE path = ?",
                                    ((row.key, row.parts, path) for path, row in rows.items()))
