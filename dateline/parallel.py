"""Work spread over the machine's cores: the same function over chunks of a list, in forked
processes when the list is long enough to pay for them, in this process otherwise.

Forked workers see everything this process had in memory when the pool started: `shared`
holds what a phase's workers need (the timeline, the renderer), so that it is not pickled."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

shared: dict[str, Any] = {}


def workers() -> int:
    """How many processes to use: the cores this process may run on (at most 8)."""
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def chunks(items: Sequence[T], count: int) -> list[Sequence[T]]:
    """`items` cut into about `count` runs of consecutive items."""
    size = max(1, -(-len(items) // max(count, 1)))
    return [items[start:start + size] for start in range(0, len(items), size)]


def map_chunks(function: Callable[[Sequence[T]], R], items: Sequence[T], *, minimum: int,
               enabled: bool = True) -> list[R]:
    """`function` over chunks of `items`, in parallel when there are at least `minimum` items,
    more than one core, and parallel work is `enabled`; results in the order of the chunks."""
    if not enabled or len(items) < minimum or workers() == 1:
        return [function(items)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers(), mp_context=context) as pool:
        return list(pool.map(function, chunks(items, workers() * 4)))
