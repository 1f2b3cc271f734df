"""Build times of Dateline on generated content, each build a fresh `build.py build` process.

- cold: no site and no state (`rm -rf site .dateline-cache`), the first build a user runs;
- warm: a rebuild with nothing changed;
- edit: a rebuild after appending a sentence to one event's body (a different event each time);
- retitle: a rebuild after changing one event's title (every list that shows it changes);
- peak memory: the most the build's processes held at once during a cold build (bench/memory.py).
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
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


def measure(folder: Path, runs: int = 3, edits: int = 5) -> dict[str, float]:
    """Medians over `runs` cold builds and `edits` warm, edit and retitle builds of the project."""
    colds = []
    for _ in range(runs):
        _clean(folder)
        colds.append(memory.run(BUILD, folder))
    events = _events(folder)
    warm, edit, retitle = [], [], []
    for number in range(edits):
        warm.append(memory.run(BUILD, folder).seconds)
        _append(events[(number * 7919) % len(events)], f"A sentence added by edit {number}.")
        edit.append(memory.run(BUILD, folder).seconds)
        _retitle(events[(number * 104729) % len(events)], f"Retitled by edit {number}")
        retitle.append(memory.run(BUILD, folder).seconds)
    return {
        "events": len(events),
        "cold_s": round(statistics.median(run.seconds for run in colds), 2),
        "warm_s": round(statistics.median(warm), 3),
        "edit_s": round(statistics.median(edit), 3),
        "retitle_s": round(statistics.median(retitle), 3),
        "peak_mib": round(max(run.peak_mib for run in colds)),
    }
