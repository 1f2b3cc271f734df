"""Where a page's list items sit in it: noted as the page is made, so that the next build can
read the items it needs again from the page as written instead of rendering them (an edit to
one event's title makes the index again, with its item for every event)."""

from __future__ import annotations

import array
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateline.cache import KEY_SIZE
from dateline.store import ItemKey, Shape, Store, freeze, thaw


@dataclass(frozen=True)
class Run:
    """The items of one call of `items()` in a page's template: the shape they share, their
    events' card keys (KEY_SIZE bytes each), and the items, in the order the call joined them
    (the very strings the list items cache holds: a run costs no copy of them)."""

    template: str
    level: int
    root: str
    compact: bool
    cards: bytes
    items: tuple[str, ...]

    @property
    def shape(self) -> Shape:
        return (self.template, self.level, self.root, self.compact)


@dataclass(frozen=True)
class Listed:
    """Where the list items of a page sit in it: for each run, its shape (template, heading level,
    way to the top, compactness) and how many items it has; each item's card key (KEY_SIZE
    bytes each, in page order) with its start and length; and the page's length (all in
    characters of the page's text)."""

    runs: tuple[tuple[str, int, str, bool, int], ...]
    cards: bytes
    spans: array.array[int]  # start, length, start, length, ...
    size: int

    def items(self, page: str) -> dict[ItemKey, str]:
        """The items, by key, read from the page as it was written (none from a page of another length)."""
        if len(page) != self.size:
            return {}
        cards, spans = self.cards, self.spans
        found: dict[ItemKey, str] = {}
        first = 0
        for template, level, root, compact, count in self.runs:
            for number in range(first, first + count):
                start, length = spans[2 * number], spans[2 * number + 1]
                card = cards[number * KEY_SIZE:(number + 1) * KEY_SIZE]
                found[(card, template, level, root, compact)] = page[start:start + length]
            first += count
        return found


def locate(page: str, runs: list[Run]) -> Listed | None:
    """Where each run's items sit in the page made with them (a run the template did not show
    as it was given is left out); None when there are none."""
    shapes: list[tuple[str, int, str, bool, int]] = []
    cards: list[bytes] = []
    spans: array.array[int] = array.array("q")
    cursor = 0
    for run in runs:
        if not run.items:
            continue
        start = _find(page, run.items, cursor)
        if start < 0 < cursor:
            start = _find(page, run.items, 0)
        if start < 0:
            continue
        lengths = [len(item) for item in run.items]
        spans.extend(itertools.chain.from_iterable(zip(itertools.accumulate(lengths[:-1], initial=start), lengths,
                                                       strict=True)))
        cursor = start + sum(lengths)
        cards.append(run.cards)
        shapes.append((*run.shape, len(lengths)))
    return Listed(tuple(shapes), b"".join(cards), spans, len(page)) if shapes else None


def _find(page: str, items: tuple[str, ...], start: int) -> int:
    """Where `items` first sit one after the other in `page` from `start` (-1 if nowhere): the
    head of the first is looked for, then the run compared in place (joined for that alone)."""
    head, joined = items[0][:64], "".join(items)
    found = page.find(head, start)
    while found >= 0 and not page.startswith(joined, found):
        found = page.find(head, found + 1)
    return found


def written(store: Store, folder: Path) -> Callable[[str], dict[ItemKey, str]]:
    """A page's items, by its path, as the last build wrote them into `folder` (which the state
    in `store` must describe)."""

    def items(path: str) -> dict[ItemKey, str]:
        blob = store.listed(path)
        if blob is None:
            return {}
        try:
            page = (folder / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        listed: Listed = thaw(blob)
        return listed.items(page)

    return items


def frozen_listed(listed: dict[str, Listed], path: str) -> bytes | None:
    """What the state keeps of where the items of a page just made sit (taken out of `listed`)."""
    found = listed.pop(path, None)
    return freeze(found) if found is not None else None
