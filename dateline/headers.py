"""The strict `Key: value` header that opens every content file, parsed with line numbers."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from dateline.errors import Diagnostics

_KEY_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9_-]*)(?:[ \t]*\((?P<qualifier>[^()]*)\))?[ \t]*:(?P<value>.*)")


@dataclass(frozen=True)
class Field:
    """One header line: its key (lower-cased), its value (stripped), where it stands, and the
    qualifier some keys take in brackets ('When (source-id): On Wednesday')."""

    key: str
    value: str
    line: int
    qualifier: str | None = None


@dataclass(frozen=True)
class Document:
    """A content file split into its header fields and its Markdown body."""

    path: str
    fields: tuple[Field, ...]
    body: str
    body_line: int

    def first(self, key: str) -> Field | None:
        """The (unqualified) field with this key, if the header has it."""
        return next((f for f in self.fields if f.key == key and f.qualifier is None), None)

    def all(self, key: str) -> tuple[Field, ...]:
        """Every unqualified field with this key, in order (for keys that may repeat)."""
        return tuple(f for f in self.fields if f.key == key and f.qualifier is None)

    def qualified(self, key: str) -> tuple[Field, ...]:
        """Every field with this key and a qualifier, in order."""
        return tuple(f for f in self.fields if f.key == key and f.qualifier is not None)

    def line_of(self, key: str) -> int:
        """The line of a key, or the header's first line when the key is absent."""
        found = self.first(key)
        return found.line if found else 1


def parse_document(
    path: str, text: str, *, known: frozenset[str], repeatable: frozenset[str], diagnostics: Diagnostics,
    qualifiable: frozenset[str] = frozenset(),
) -> Document:
    """Split `text` into header and body, reporting every malformed, unknown or repeated key."""
    lines = text.split("\n")
    fields: list[Field] = []
    number = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            break
        field = _parse_line(path, number, line, diagnostics)
        if field is not None:
            fields.append(field)
    else:
        number = len(lines) + 1
    if not lines[0].strip():
        diagnostics.error(path, 1, "the file must open with a header of 'Key: value' lines (e.g. 'Title: ...')")
    _check_keys(path, fields, known, repeatable, qualifiable, diagnostics)
    body = "\n".join(line.rstrip("\r") for line in lines[number:])
    return Document(path, tuple(fields), body, number + 1)


def _parse_line(path: str, number: int, line: str, diagnostics: Diagnostics) -> Field | None:
    match = _KEY_LINE.fullmatch(line)
    if match is None or line[:1].isspace():
        shown = line.strip()
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        diagnostics.error(
            path, number,
            f"header line '{shown}' is not 'Key: value' (the header ends at the first blank line)",
        )
        return None
    qualifier = match["qualifier"].strip() if match["qualifier"] is not None else None
    return Field(match["key"].lower(), match["value"].strip(), number, qualifier)


def _check_keys(
    path: str, fields: list[Field], known: frozenset[str], repeatable: frozenset[str],
    qualifiable: frozenset[str], diagnostics: Diagnostics,
) -> None:
    seen: dict[tuple[str, str | None], int] = {}
    for field in fields:
        name = field.key if field.qualifier is None else f"{field.key} ({field.qualifier})"
        if field.key not in known:
            guess = difflib.get_close_matches(field.key, known, n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0].capitalize()}'?" if guess else f"known keys: {', '.join(sorted(known))}"
            diagnostics.warning(path, field.line, f"unknown key '{field.key}' ({hint})")
        elif field.qualifier is not None and field.key not in qualifiable:
            diagnostics.error(path, field.line, f"'{field.key}' takes no qualifier in brackets")
        elif field.qualifier == "":
            diagnostics.error(path, field.line, f"'{field.key} ()' needs a source id in the brackets")
        elif (field.key, field.qualifier) in seen and field.key not in repeatable:
            first = seen[(field.key, field.qualifier)]
            diagnostics.error(path, field.line, f"duplicate key '{name}' (first on line {first})")
        seen.setdefault((field.key, field.qualifier), field.line)
