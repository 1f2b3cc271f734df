"""Work spread over the machine's cores: the same function over chunks of a list, in forked
processes when the list is long enough to pay for them, in this process otherwise.

Forked workers see everything this process had in memory when the pool started: `shared`
holds what a phase's workers need (the timeline, the renderer), so that it is not pickled."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor

T = TypeVar("T")
R = TypeVar("R")

shared: dict[str, Any] = {}


def workers() -> int:
    """How many processes to use: the cores this process may run on (at most 8)."""
    return max(1, min(len(os.sched_getaffinity(0)), 8))


CHUNK = 500  # the most items a worker is handed at once
LAST_CHUNK = 25  # the fewest (the chunks shrink towards the end, so that the workers end together)


def map_chunks(function: Callable[[Sequence[T]], R], items: Sequence[T], *, minimum: int,
               enabled: bool = True, prepare: Callable[[], object] | None = None) -> Iterator[R]:
    """`function` over chunks of `items`, in parallel when there are at least `minimum` items,
    more than one core, and parallel work is `enabled` (after `prepare()`, whose work the forked
    workers then share); results in the order of the chunks, each as soon as it is done (so
    that they need not all be held at once)."""
    if not enabled or len(items) < minimum or workers() == 1:
        yield function(items)
        return
    if prepare is not None:
        prepare()
    yield from map_groups(function, [items[start:end] for start, end in chunk_bounds(len(items), workers())])


def chunk_bounds(count: int, cores: int) -> Iterator[tuple[int, int]]:
    """Where each chunk of `count` items starts and ends: a quarter of each core's share of what
    is left (at most CHUNK, at least LAST_CHUNK), so that the last chunks are small and no core
    waits long for the one still working on its last."""
    start = 0
    while start < count:
        size = max(LAST_CHUNK, min(CHUNK, (count - start) // (cores * 4)))
        yield start, min(count, start + size)
        start += size


def map_groups(function: Callable[[Sequence[T]], R], groups: Sequence[Sequence[T]]) -> Iterator[R]:
    """`function` over each group, on every core: each worker takes the next group when it is
    done with one, so putting the costliest groups first keeps all cores busy to the end.

    The objects this process holds are frozen out of the garbage collector's reach first (see
    `frozen`): its passes would otherwise write to every one of them in each worker, copying the
    memory they share with this process."""
    with pool() as executor:
        yield from executor.map(function, groups)


@contextlib.contextmanager
def pool() -> Iterator[Executor]:
    """A worker process per core, forked from this one (see `map_groups` and `frozen`). The
    workers yield the core to this process when they share one: it has work only it can do
    while they run (the pages that list every event, storing what they send back), and it takes
    a share of their work when it is done (see fullbuild.py), so no core waits either way."""
    import multiprocessing  # here: only a build with much to do pays for importing these
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with frozen(), ProcessPoolExecutor(max_workers=workers(), mp_context=context, initializer=_start_worker,
                                       initargs=(os.getpid(),)) as executor:
        yield executor


_PR_SET_PDEATHSIG = 1
WORKER_NICENESS = 10  # a worker's share of a core it shares with the build: 110 to the build's 1024


def _start_worker(parent: int) -> None:
    """In a worker: yield to the build, and end when the build that started it ends, even when
    it was killed (SIGKILL leaves no time to stop the pool, and an orphaned worker would wait for
    work forever)."""
    os.nice(WORKER_NICENESS)
    import ctypes
    import ctypes.util
    import signal

    name = ctypes.util.find_library("c")
    prctl = getattr(ctypes.CDLL(name), "prctl", None) if name else None
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build ended before the request took effect
        os._exit(1)


_depth = 0


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Leave the objects made so far out of the garbage collector's passes until the outermost
    `frozen` ends. A build holds a great many objects for its whole life: each pass over them
    costs time in this process, and in a forked worker it copies the memory they sit in."""
    global _depth
    gc.freeze()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            gc.unfreeze()


@contextlib.contextmanager
def lasting() -> Iterator[None]:
    """For objects made inside that live as long as the build (the thousands of outcomes it reads
    from its state): no collector passes while they are made (one would set off every few hundred
    objects), and inside a `frozen`, none over them after, until the outermost `frozen` ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _depth:
            gc.freeze()
        if enabled:
            gc.enable()
