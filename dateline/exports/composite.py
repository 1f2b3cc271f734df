"""Data files made of a head, one part per event, and a tail.

Building them this way lets an incremental build remake only the parts of the events that
changed and copy the others from the previous file (see dateline/incremental.py)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.model import Event


@dataclass(frozen=True)
class Composite:
    """How to write one data file: `head()`, then `part(event)` for each of `events` joined by
    `separator`, then `tail`. `context` names what a part shows besides its event and the site's
    settings (a date every part repeats, say): parts are reused only while it stays the same."""

    head: Callable[[], str]
    part: Callable[[Event], str]
    separator: str
    tail: str
    events: tuple[Event, ...]
    context: str = ""

    def text(self) -> str:
        """The whole file."""
        return self.head() + self.separator.join(self.part(event) for event in self.events) + self.tail


_string = json.encoder.encode_basestring  # the C encoder of json.dumps(ensure_ascii=False)


def indented_json(value: Any, depth: int) -> str:
    """`value` as json.dumps(value, ensure_ascii=False, indent=2) writes it, at nesting `depth`
    inside a document. (json.dumps falls back to its pure-Python encoder when it indents: this
    walks the containers itself and leaves strings to the C encoder, three times as fast.)"""
    return _indented(value, "\n" + "  " * depth)


def _indented(value: Any, newline: str) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + "  "
        members = f",{inner}".join(f"{_string(key)}: {_indented(item, inner)}" for key, item in value.items())
        return f"{{{inner}{members}{newline}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = newline + "  "
        items = f",{inner}".join(_indented(item, inner) for item in value)
        return f"[{inner}{items}{newline}]"
    return json.dumps(value)


def json_document(fields: Callable[[], dict[str, Any]], parts_key: str, part: Callable[[Event], Any],
                  events: tuple[Event, ...]) -> Composite:
    """A JSON object of `fields()` whose last member, `parts_key`, lists one value per event: byte
    for byte what json.dumps(document, indent=2) writes. (The head is made the first time it is
    needed: the workers that make the parts never need it.)"""

    @functools.cache
    def head() -> str:
        members = "".join(f"  {json.dumps(key)}: {indented_json(value, 1)},\n" for key, value in fields().items())
        return "{\n" + members + f"  {json.dumps(parts_key)}: [\n"

    return Composite(
        head=head,
        part=lambda event: "    " + indented_json(part(event), 2),
        separator=",\n",
        tail="\n  ]\n}\n",
        events=events,
    )
