"""The peak memory of a process and all its children, sampled from /proc while it runs.

Each sample adds up the proportional set size (Pss, from /proc/PID/smaps_rollup) of the process
and its descendants, so pages the forked workers share with their parent count once, split
between them; where Pss cannot be read, the resident set size is used (which counts them twice)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    try:
        tasks = (PROC / str(pid) / "task").iterdir()
        return [int(child) for task in tasks for child in (task / "children").read_text().split()]
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(_children(current))
    return found


def _kib(pid: int) -> int:
    """The process's Pss (else its RSS) in KiB; 0 once it has gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in (PROC / str(pid) / name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


@dataclass(frozen=True)
class Run:
    """A finished command: its wall-clock seconds, its peak memory (MiB) and its exit status."""

    seconds: float
    peak_mib: float
    status: int


def run(command: Sequence[str], cwd: Path, interval: float = 0.02) -> Run:
    """Run `command`, sampling the memory of its process tree every `interval` seconds."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_kib(pid) for pid in _tree(process.pid)))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-2000:]}")
    return Run(seconds, peak / 1024, process.returncode)


def available() -> bool:
    """Whether this system shows processes' children under /proc (Linux)."""
    return (PROC / str(os.getpid()) / "task" / str(os.getpid()) / "children").exists()
