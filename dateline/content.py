"""Reading content/: sources and events, strictly, with every problem reported by line."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from dateline.cache import digest, fingerprint
from dateline.config import SiteConfig
from dateline.dates import DateError, DateValue, normalise
from dateline.errors import Diagnostics, Problem, Severity
from dateline.headers import Document, parse_document
from dateline.markup import plain_text, render_markdown
from dateline.model import Citation, EventFile, Reading, Source
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


@dataclass(frozen=True)
class ContentFile:
    """A content file as found: its path as messages show it, where it is, and the fingerprint
    of its bytes (the bytes themselves are read again by whatever parses it: holding every file's
    bytes would cost as much memory as the content takes on disk)."""

    shown: str
    location: str
    fingerprint: bytes


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A file's parse: what it gave (None when it could not be read) and what was wrong with it."""

    value: T | None
    problems: tuple[Problem, ...]


def read_folder(folder: Path, config: SiteConfig, unlisted: list[Problem]) -> list[ContentFile]:
    """Every Markdown file under `folder` (in order of their paths), read and fingerprinted; a
    folder that cannot be listed is a problem added to `unlisted` (its files would go missing)."""
    if not folder.is_dir():
        return []
    prefix = config.display_path(folder)
    settings = _settings(config)
    failures: list[tuple[str, OSError]] = []
    found = sorted(_markdown_files(str(folder), failures), key=lambda path: path.replace(os.sep, "\0"))  # by folder
    skip = len(str(folder)) + 1
    for path, exc in failures:
        shown = f"{prefix}/{path[skip:].replace(os.sep, '/')}" if len(path) > len(str(folder)) else prefix
        unlisted.append(Problem(shown, 1, Severity.ERROR, f"could not list the folder: {exc.strerror or exc}"))
    return [ContentFile(f"{prefix}/{path[skip:].replace(os.sep, '/')}", path, _fingerprint(path, settings))
            for path in found]


def _fingerprint(path: str, settings: str) -> bytes:
    """The fingerprint of a file's bytes; for a file that cannot be read, one that no bytes have
    (parsing it reports why it cannot be read)."""
    try:
        return fingerprint(_read_bytes(path), settings)
    except OSError as exc:
        return digest("unreadable", str(exc))


def _settings(config: SiteConfig) -> str:
    """The settings that change how a file is read (they are part of its fingerprint)."""
    return f"{config.day_first}"


def _markdown_files(folder: str, failures: list[tuple[str, OSError]],
                    above: frozenset[tuple[int, int]] = frozenset()) -> Iterator[str]:
    """The Markdown files under `folder`, following links to folders but not a link back to a
    folder it is in (which would never end); a link named *.md that leads nowhere is listed too,
    and reading it reports the problem. A folder that cannot be listed goes into `failures`."""
    try:
        status = os.stat(folder)
        here = (status.st_dev, status.st_ino)
        if here in above:
            return
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        failures.append((folder, exc))
        return
    for entry in entries:
        if entry.is_dir():
            yield from _markdown_files(entry.path, failures, above | {here})
        elif entry.name.endswith(".md") and (entry.is_file() or entry.is_symlink()):
            yield entry.path


def _read_bytes(path: str) -> bytes:
    """A file's bytes (with fewer system calls than Path.read_bytes: this runs for every file)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(descriptor, 1 << 16)]
        while len(chunks[-1]) == 1 << 16:
            chunks.append(os.read(descriptor, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def parse_file(file: ContentFile, kind: str, config: SiteConfig) -> tuple[bytes, Parsed[Any]]:
    """One source (`kind` "sources") or event ("events") file, read and parsed strictly; with
    the fingerprint of the bytes parsed (the file may have changed since it was found)."""
    local = Diagnostics()
    try:
        data = _read_bytes(file.location)
    except OSError as exc:
        local.error(file.shown, 1, f"could not read the file: {exc.strerror or exc}")
        return b"", Parsed(None, tuple(local.problems))
    text = decode(data, file.shown, local)
    value = None
    if text is not None:
        parse, keys = _KINDS[kind]
        document = parse_document(file.shown, text, known=keys, repeatable=_REPEATABLE, diagnostics=local,
                                  qualifiable=_QUALIFIABLE)
        value = parse(document, config, local)
    return fingerprint(data, _settings(config)), Parsed(value, tuple(local.problems))


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
