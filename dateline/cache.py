"""Parsed content files, kept while a file's bytes (and the settings it is read with) are unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dateline.errors import Problem
from dateline.model import EventFile, Source

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """One file's parse: what it gave (None when it could not be read) and what was wrong with it."""

    fingerprint: bytes
    value: T | None
    problems: tuple[Problem, ...]


@dataclass
class FileCache(Generic[T]):
    """Parses by file path. A build looks a file up by the fingerprint of its bytes and settings;
    a miss is parsed and stored. `keep_only` forgets files that no longer exist."""

    entries: dict[str, Entry[T]] = field(default_factory=dict)

    def get(self, path: str, fingerprint: bytes) -> Entry[T] | None:
        entry = self.entries.get(path)
        return entry if entry is not None and entry.fingerprint == fingerprint else None

    def put(self, path: str, entry: Entry[T]) -> None:
        self.entries[path] = entry

    def keep_only(self, paths: set[str]) -> None:
        for gone in self.entries.keys() - paths:
            del self.entries[gone]


def digest(*parts: str | bytes) -> bytes:
    """A short digest of some text (for keys that say whether an output must be made again)."""
    joined = b"\0".join(part.encode("utf-8") if isinstance(part, str) else part for part in parts)
    return hashlib.blake2b(joined, digest_size=16).digest()


def fingerprint(data: bytes, settings: str) -> bytes:
    """A digest of a file's bytes and of the settings that change how it is read."""
    hasher = hashlib.blake2b(data, digest_size=16)
    hasher.update(b"\0" + settings.encode("utf-8"))
    return hasher.digest()


@dataclass
class BuildCache:
    """What one build can hand the next: the parsed sources and events."""

    sources: FileCache[Source] = field(default_factory=FileCache)
    events: FileCache[EventFile] = field(default_factory=FileCache)
