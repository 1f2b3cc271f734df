"""The only code that touches the output folder. Two ways to change a site, both safe to kill:

- `publish_staged`: a whole new site is written into a sibling temporary folder, then exchanged
  with the old one in a single `renameat2(RENAME_EXCHANGE)` call where the kernel offers it (two
  renames otherwise). A build that fails or is killed leaves the previous site exactly as it was.
- `update`: an incremental build writes its few changed files beside their targets under
  temporary names; then a journal listing the renames is written in one step; then the renames
  are made and the journal removed. Killed before the journal exists, the build leaves the
  previous site as it was; killed after, the next build (or `recover`) finishes the renames.
  Either way the site is never left half old, half new.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_TEMP_PREFIXES = (".building-", ".replaced-")
_PENDING = ".dateline-new"
T = TypeVar("T")


def write_file(folder: Path, relative: str, data: bytes) -> None:
    """Write one file (path relative to `folder`, '/'-separated), making its folders."""
    target = folder.joinpath(*relative.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def write_tree(files: Mapping[str, bytes], folder: Path) -> None:
    """Write every file into an existing folder."""
    for relative, data in sorted(files.items()):
        write_file(folder, relative, data)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call; False when the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(result == 0)


def _leftovers(output: Path) -> list[Path]:
    parent = output.parent
    names = tuple(prefix + output.name for prefix in _TEMP_PREFIXES)
    return [p for p in parent.iterdir() if p.name.startswith(names)] if parent.exists() else []


def publish_staged(output: Path, fill: Callable[[Path], T]) -> T:
    """Replace `output` with a new folder that `fill` writes (it may hand the folder to worker
    processes); returns what `fill` returns."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f".building-{output.name}-", dir=output.parent))
    staging.chmod(0o755)
    result = fill(staging)
    if not output.exists():
        staging.rename(output)
    elif _exchange(staging, output):
        shutil.rmtree(staging)
    else:
        retired = output.parent / f".replaced-{output.name}-{os.getpid()}"
        output.rename(retired)
        staging.rename(output)
        shutil.rmtree(retired)
    return result


def publish(files: Mapping[str, bytes], output: Path) -> None:
    """Replace `output` with a folder holding exactly `files`."""
    publish_staged(output, lambda staging: write_tree(files, staging))


def _journal(output: Path) -> Path:
    return output.parent / f".journal-{output.name}.json"


def update(output: Path, changed: Mapping[str, bytes], removed: Iterable[str]) -> None:
    """Change a few files of `output` in place, safely (see the module's description)."""
    output = output.absolute()
    recover(output)
    renames = []
    for relative, data in sorted(changed.items()):
        write_file(output, relative + _PENDING, data)
        renames.append(relative)
    journal = _journal(output)
    pending = journal.with_name(journal.name + ".tmp")
    pending.write_text(json.dumps({"write": renames, "remove": sorted(removed)}), encoding="utf-8")
    os.replace(pending, journal)
    recover(output)


def recover(output: Path) -> None:
    """Finish an update a killed build left in its journal; remove what killed builds left
    unfinished (files not yet in a journal, half-written staging folders)."""
    for leftover in _leftovers(output):
        shutil.rmtree(leftover, ignore_errors=True)
    journal = _journal(output)
    if journal.exists():
        steps = json.loads(journal.read_text(encoding="utf-8"))
        for relative in steps["write"]:
            pending = output.joinpath(*(relative + _PENDING).split("/"))
            if pending.exists():
                os.replace(pending, output.joinpath(*relative.split("/")))
        for relative in steps["remove"]:
            output.joinpath(*relative.split("/")).unlink(missing_ok=True)
        journal.unlink()
    journal.with_name(journal.name + ".tmp").unlink(missing_ok=True)
    if output.is_dir():
        for stray in output.rglob("*" + _PENDING):
            stray.unlink()


def sync(files: Mapping[str, bytes], folder: Path, previous: Mapping[str, bytes]) -> list[str]:
    """Bring a folder that holds `previous` to hold `files`, writing only what changed; returns
    the paths written or removed."""
    changed = {path: data for path, data in files.items() if previous.get(path) != data}
    removed = sorted(previous.keys() - files.keys())
    update(folder, changed, removed)
    return sorted(changed) + removed
