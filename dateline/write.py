"""The only code that touches the output folder: write a whole site, then swap it in atomically.

The new site is written into a sibling temporary folder, then exchanged with the old one in a
single `renameat2(RENAME_EXCHANGE)` call where the kernel offers it (two renames otherwise), so a
failed or killed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_TEMP_PREFIXES = (".building-", ".replaced-")


def write_tree(files: Mapping[str, bytes], folder: Path) -> None:
    """Write every file (path relative to `folder`, '/'-separated) into an existing folder."""
    for relative, data in sorted(files.items()):
        target = folder.joinpath(*relative.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def sync(files: Mapping[str, bytes], folder: Path, previous: Mapping[str, bytes]) -> list[str]:
    """Bring a folder that holds `previous` to hold `files`, writing only what changed, each file
    replaced in one step (for the preview, which serves the folder while it changes). Returns the
    paths written or removed."""
    changed = [path for path, data in files.items() if previous.get(path) != data]
    for relative in sorted(changed):
        target = folder.joinpath(*relative.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(files[relative])
        os.replace(temporary, target)
    removed = sorted(previous.keys() - files.keys())
    for relative in removed:
        folder.joinpath(*relative.split("/")).unlink(missing_ok=True)
    return sorted(changed) + removed


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


def publish(files: Mapping[str, bytes], output: Path) -> None:
    """Replace `output` with a folder holding exactly `files`."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    for leftover in _leftovers(output):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".building-{output.name}-", dir=output.parent))
    staging.chmod(0o755)
    write_tree(files, staging)
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging)
        return
    retired = output.parent / f".replaced-{output.name}-{os.getpid()}"
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired)
