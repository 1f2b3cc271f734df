"""Build times of Dateline on generated content, each build a fresh `build.py build` process.

- cold: no site and no state (`rm -rf site .dateline-cache`), the first build a user runs;
- warm: a rebuild with nothing changed;
- edit: a rebuild after appending a sentence to one event's body (a different event each time);
- retitle: a rebuild after changing one event's title (every list that shows it changes);
- peak memory: the most the build's processes held at once during a cold build (bench/memory.py),
  in a cold build of its own: reading every process's memory map 50 times a second takes CPU
  time (0.2 to 0.8 s of a 10,000-event cold build), which the timed builds, like the peers'
  (bench/peers.py), must not pay.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import memory
from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
BUILD = (sys.executable, str(ROOT / "build.py"), "build")


def project(count: int, folder: Path) -> Path:
    """A generated project of `count` events with Dateline's templates, in `folder`."""
    generate(count, folder)
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


def _clean(folder: Path) -> None:
    for name in ("site", ".dateline-cache"):
        shutil.rmtree(folder / name, ignore_errors=True)


def _events(folder: Path) -> list[Path]:
    return sorted((folder / "content" / "events").rglob("*.md"))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^Title: .*$", f"Title: {title}", text, count=1, flags=re.MULTILINE), encoding="utf-8")


def timed(folder: Path) -> float:
    """Wall-clock seconds of one build of the project, after checking that it succeeded."""
    started = time.perf_counter()
    result = subprocess.run(BUILD, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise RuntimeError(f"{' '.join(BUILD)} failed:\n{result.stderr.decode(errors='replace')[-2000:]}")
    return seconds


def measure(folder: Path, runs: int = 3, edits: int = 5) -> dict[str, float]:
    """Medians over `runs` cold builds and `edits` warm, edit and retitle builds of the project;
    the peak memory of one more cold build."""
    colds = []
    for _ in range(runs):
        _clean(folder)
        colds.append(timed(folder))
    _clean(folder)
    peak = memory.run(BUILD, folder).peak_mib
    events = _events(folder)
    warm, edit, retitle = [], [], []
    for number in range(edits):
        warm.append(timed(folder))
        _append(events[(number * 7919) % len(events)], f"A sentence added by edit {number}.")
        edit.append(timed(folder))
        _retitle(events[(number * 104729) % len(events)], f"Retitled by edit {number}")
        retitle.append(timed(folder))
    return {
        "events": len(events),
        "cold_s": round(statistics.median(colds), 2),
        "warm_s": round(statistics.median(warm), 3),
        "edit_s": round(statistics.median(edit), 3),
        "retitle_s": round(statistics.median(retitle), 3),
        "peak_mib": round(peak),
    }
