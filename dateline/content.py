"""Reading content/: sources and events, strictly, with every problem reported by line."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

from dateline.cache import Entry, FileCache, digest, fingerprint
from dateline.config import SiteConfig
from dateline.dates import DateError, DateValue, normalise
from dateline.errors import Diagnostics
from dateline.headers import Document, parse_document
from dateline.markup import plain_text, render_markdown
from dateline.model import Citation, EventFile, Reading, Source
from dateline.parallel import map_chunks
from dateline.quotes import comparable
from dateline.slugs import slugify

EVENT_KEYS = frozenset({"title", "when", "where", "who", "tags", "source", "reference", "order", "slug"})
SOURCE_KEYS = frozenset({"title", "publisher", "url", "kind", "dateline", "reference", "note"})
NO_DATELINE = "none"
_REPEATABLE = frozenset({"source"})
_QUALIFIABLE = frozenset({"when"})
T = TypeVar("T")
_CITATION = re.compile(r"(?P<id>[^\s\"“”]+)(?:\s+(?P<quote>[\"“].*[\"”]))?")


def decode(data: bytes, shown: str, diagnostics: Diagnostics) -> str | None:
    """The file's bytes as text, or None (with an error) when it is binary or not UTF-8."""
    if b"\0" in data:
        diagnostics.error(shown, 1, "this is a binary file, not a Markdown text file")
        return None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        diagnostics.error(shown, line, f"not UTF-8 text (byte 0x{byte:02x} cannot be decoded); save the file as UTF-8")
        return None


Parser = Callable[[Document, SiteConfig, Diagnostics], T]
# A file to parse: its path as shown, its bytes, its fingerprint, and which kind of file it is.
Job = tuple[str, bytes, bytes, str]


def _load(folder: Path, kind: str, config: SiteConfig, diagnostics: Diagnostics, cache: FileCache[T] | None,
          parallel: bool) -> list[T]:
    """Every Markdown file under `folder`, parsed (or taken from the cache when unchanged). Files
    that must be parsed are parsed on every core when there are many."""
    files = _read(folder, config)
    entries: dict[str, Entry[T]] = {}
    jobs: list[Job] = []
    for shown, data, key in files:
        hit = cache.get(shown, key) if cache is not None else None
        if hit is not None:
            entries[shown] = hit
        else:
            jobs.append((shown, data, key, kind))
    for parsed in map_chunks(functools.partial(_parse_jobs, config=config), jobs, minimum=400, enabled=parallel):
        entries.update(parsed)
    if cache is not None:
        cache.entries.update((shown, entries[shown]) for shown, *_ in jobs)
        cache.keep_only(set(entries))
    values: list[T] = []
    for shown, _data, _key in files:
        entry = entries[shown]
        diagnostics.problems.extend(entry.problems)
        if entry.value is not None:
            values.append(entry.value)
    return values


def _read(folder: Path, config: SiteConfig) -> list[tuple[str, bytes, bytes]]:
    """Each file's path as messages show it, its bytes, and its fingerprint."""
    prefix = config.display_path(folder)
    settings = f"{config.day_first}"
    files = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        data = path.read_bytes()
        files.append((f"{prefix}/{path.relative_to(folder).as_posix()}", data, fingerprint(data, settings)))
    return files


def _parse_jobs(jobs: Sequence[Job], config: SiteConfig) -> list[tuple[str, Entry[Any]]]:
    return [(shown, _parse(shown, data, key, kind, config)) for shown, data, key, kind in jobs]


def _parse(shown: str, data: bytes, key: bytes, kind: str, config: SiteConfig) -> Entry[Any]:
    local = Diagnostics()
    text = decode(data, shown, local)
    value = None
    if text is not None:
        parse, keys = _KINDS[kind]
        document = parse_document(shown, text, known=keys, repeatable=_REPEATABLE, diagnostics=local,
                                  qualifiable=_QUALIFIABLE)
        value = parse(document, config, local)
    return Entry(key, value, tuple(local.problems))


def _required(document: Document, key: str, diagnostics: Diagnostics) -> str:
    field = document.first(key)
    if field is None or not field.value:
        where = field.line if field else 1
        diagnostics.error(document.path, where, f"missing '{key.capitalize()}:' (every file needs one)")
        return ""
    return field.value


def _optional(document: Document, key: str) -> str | None:
    field = document.first(key)
    return field.value if field and field.value else None


def _split_list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def load_sources(config: SiteConfig, diagnostics: Diagnostics, cache: FileCache[Source] | None = None, *,
                 parallel: bool = False) -> dict[str, Source]:
    """Every source in content/sources/, by id (its file name without .md)."""
    folder = config.content_dir / "sources"
    sources: list[Source] = _load(folder, "sources", config, diagnostics, cache, parallel)
    return {source.id: source for source in sources}


def _source(document: Document, config: SiteConfig, diagnostics: Diagnostics) -> Source:
    dateline_text = _optional(document, "dateline")
    dateline = None
    if dateline_text and dateline_text.lower() != NO_DATELINE:
        dateline = _absolute_day(document, "dateline", config, diagnostics)
    reference = _absolute_day(document, "reference", config, diagnostics) if _optional(document, "reference") else None
    if dateline and reference:
        diagnostics.warning(document.path, document.line_of("reference"),
                            "a source with a dateline needs no Reference: its dateline is its reference")
    body_html = _body(document, diagnostics)
    return Source(
        id=Path(document.path).stem,
        path=document.path,
        title=_required(document, "title", diagnostics),
        publisher=_optional(document, "publisher"),
        url=_web_address(document, diagnostics),
        kind=_optional(document, "kind"),
        dateline_text=dateline_text,
        dateline=dateline,
        reference=reference,
        note=_optional(document, "note"),
        body_html=body_html,
        plain_text=comparable(plain_text(body_html)),
        header_digest=digest(document.path, repr(document.fields)),
        body_digest=digest(document.body),
    )


def _body(document: Document, diagnostics: Diagnostics) -> Markup:
    """The Markdown body as safe HTML; an image from another site is linked, not shown, and said so."""
    rendered = render_markdown(document.body)
    for address in rendered.outside_images:
        line = document.body_line + document.body[: max(document.body.find(address), 0)].count("\n")
        diagnostics.warning(document.path, line, f"the image {address} is on another site: it is linked, not shown, "
                            "so that the site makes no request outside itself")
    return rendered.html


def _absolute_day(document: Document, key: str, config: SiteConfig, diagnostics: Diagnostics) -> DateValue | None:
    """A dateline or reference: a date that needs no anchor itself."""
    try:
        return normalise(_optional(document, key) or "", anchor=None, day_first=config.day_first)
    except DateError as exc:
        diagnostics.error(document.path, document.line_of(key), f"{key}: {exc}")
        return None


def _web_address(document: Document, diagnostics: Diagnostics) -> str | None:
    """A source's URL, which must be an http(s) address (anything else could run in a reader's browser)."""
    url = _optional(document, "url")
    if url is not None and not re.match(r"https?://[^\s\"<>]+$", url, re.IGNORECASE):
        message = f"URL must be an http:// or https:// address: '{url}'"
        diagnostics.error(document.path, document.line_of("url"), message)
        return None
    return url


def load_events(config: SiteConfig, diagnostics: Diagnostics, cache: FileCache[EventFile] | None = None, *,
                parallel: bool = False) -> list[EventFile]:
    """Every event file in content/events/, in file-name order."""
    folder = config.content_dir / "events"
    if not folder.is_dir():
        diagnostics.error(config.display_path(folder), 1, "there is no events folder: put one file per event in it")
        return []
    events: list[EventFile] = _load(folder, "events", config, diagnostics, cache, parallel)
    if not events and not diagnostics.errors:
        diagnostics.error(config.display_path(folder), 1, "no events: put one Markdown file per event here")
    return events


def _event(document: Document, config: SiteConfig, diagnostics: Diagnostics) -> EventFile:
    return EventFile(
        path=document.path,
        slug=slugify(_optional(document, "slug") or Path(document.path).stem),
        title=_required(document, "title", diagnostics),
        when=_required(document, "when", diagnostics),
        when_line=document.line_of("when"),
        where=_optional(document, "where"),
        who=_split_list(_optional(document, "who")),
        tags=_split_list(_optional(document, "tags")),
        citations=tuple(_citation(document.path, f.value, f.line, diagnostics) for f in document.all("source")),
        readings=tuple(Reading(f.qualifier or "", f.value, f.line) for f in document.qualified("when")),
        reference=_optional(document, "reference"),
        reference_line=document.line_of("reference"),
        order=_order(document, diagnostics),
        body_html=_body(document, diagnostics),
        header_digest=digest(document.path, repr(document.fields)),
        body_digest=digest(document.body),
    )


def _citation(path: str, value: str, line: int, diagnostics: Diagnostics) -> Citation:
    match = _CITATION.fullmatch(value)
    if match is None:
        diagnostics.error(path, line, 'write a source as: Source: <source-id> "the sentence quoted from it"')
        return Citation(value, None, line)
    quote = match["quote"][1:-1].strip() if match["quote"] else None
    return Citation(match["id"], quote or None, line)


def _order(document: Document, diagnostics: Diagnostics) -> int | None:
    field = document.first("order")
    if field is None:
        return None
    try:
        return int(field.value)
    except ValueError:
        diagnostics.error(document.path, field.line, f"Order must be a whole number, not '{field.value}'")
        return None


_KINDS: dict[str, tuple[Parser[Any], frozenset[str]]] = {
    "events": (_event, EVENT_KEYS),
    "sources": (_source, SOURCE_KEYS),
}
