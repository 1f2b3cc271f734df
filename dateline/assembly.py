"""Making a file of parts (a data export: a head, one part per event, a tail) piece by piece,
copying from the previous version of the file each part whose key it still has.

The pieces are made as they are written, never all held at once: at archive scale one such file
runs to hundreds of megabytes."""

from __future__ import annotations

import array
from collections.abc import Iterator

from dateline.outputs import Output
from dateline.store import OutputRow, Parts, freeze, thaw

Piece = bytes | tuple[int, int]  # bytes to write, or (start, length) of the previous file to copy


class Assembly:
    """One file of parts: iterate `pieces()` once to write it; then `row` tells where each part is."""

    def __init__(self, output: Output, previous: OutputRow | None) -> None:
        assert output.composite is not None
        self.output = output
        self.composite = output.composite
        old = thaw(previous.parts) if previous is not None and previous.parts is not None else None
        self.reusable = old.places() if isinstance(old, Parts) and old.reuse == output.reuse else {}
        self.spans = array.array("q")

    def pieces(self) -> Iterator[Piece]:
        """The head, each part with the separators between them, and the tail. A part copied from
        the previous file that follows the one copied before it there is joined to it, separator
        and all (fewer, longer copies)."""
        separator = self.composite.separator.encode("utf-8")
        head = self.composite.head().encode("utf-8")
        offset, copying = len(head), None
        yield head
        for number, (event, key) in enumerate(zip(self.composite.events, self.output.part_keys, strict=True)):
            gap = separator if number else b""
            place = self.reusable.get(key)
            if place is not None and copying is not None and sum(copying) + len(gap) == place[0]:
                copying = (copying[0], place[0] + place[1] - copying[0])
            elif place is not None:
                if copying is not None:
                    yield copying
                if gap:
                    yield gap
                copying = place
            else:
                if copying is not None:
                    yield copying
                    copying = None
                made = self.composite.part(event).encode("utf-8")
                yield gap + made
                place = (offset + len(gap), len(made))
            offset += len(gap)
            self.spans.extend((offset, place[1]))
            offset += place[1]
        if copying is not None:
            yield copying
        yield self.composite.tail.encode("utf-8")

    @property
    def row(self) -> OutputRow:
        parts = Parts(self.output.base, self.output.reuse, b"".join(self.output.part_keys), self.spans)
        return OutputRow(self.output.key, freeze(parts))
