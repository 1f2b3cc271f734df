"""The only code that touches the output folder. Two ways to change a site, both safe to kill:

- `staged`: a whole new site is written into a folder inside a sibling temporary folder,
  then exchanged with the old one in a single `renameat2(RENAME_EXCHANGE)` call where the kernel
  offers it (two renames otherwise). A build that fails or is killed leaves the previous site
  exactly as it was. The sibling is marked as the top of a hierarchy (see `_spread`).
- `update`: an incremental build writes its few changed files into a sibling temporary folder
  (a large data file that changes by a part is copied from its previous version by the kernel,
  around the new part); then a journal listing the renames is written in one step; then the
  files are renamed into place and the journal removed. Killed before the journal exists, the
  build leaves the previous site as it was; killed after, the next build (or `recover`) finishes
  the renames. Either way the site is never left half old, half new.
"""

from __future__ import annotations

import array
import contextlib
import ctypes
import ctypes.util
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_TEMP_PREFIXES = (".building-", ".replaced-")


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


def write_file(folder: Path, relative: str, data: bytes | Iterable[bytes]) -> None:
    """Write one file (path relative to `folder`, '/'-separated), making its folders; `data` may
    come in pieces, written as they come. (Plain system calls: a site has a file per event, and
    Python's file objects cost more than the writing; a folder is made only when it is missing.)"""
    target = os.path.join(folder, *relative.split("/"))
    try:
        descriptor = os.open(target, _CREATE, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        descriptor = os.open(target, _CREATE, 0o666)
    try:
        for piece in (data,) if isinstance(data, bytes) else data:
            view = memoryview(piece)
            while view:
                view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def write_joined(folder: Path, relative: str, pieces: Iterable[bytes | Path]) -> None:
    """Write one file from pieces: bytes, and files whose whole content is copied (by the kernel)."""
    target = folder.joinpath(*relative.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb", buffering=0) as sink:
        for piece in pieces:
            if isinstance(piece, bytes):
                sink.write(piece)
                continue
            with piece.open("rb", buffering=0) as source:
                _copy_range(source.fileno(), sink.fileno(), 0, piece.stat().st_size)


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


@contextlib.contextmanager
def staged(output: Path) -> Iterator[Path]:
    """A new folder to write a whole site into (worker processes may write in it too): it
    replaces `output` when the block ends, and is removed, `output` left as it was, when the
    block raises."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)
    around = Path(tempfile.mkdtemp(prefix=f".building-{output.name}-", dir=output.parent))
    try:
        _spread(around)
        staging = Path(tempfile.mkdtemp(prefix=f"{output.name}-", dir=around))  # a name of its own (see `_spread`)
        staging.chmod(0o755)
        yield staging
        if not output.exists():
            staging.rename(output)
        elif not _exchange(staging, output):
            retired = output.parent / f".replaced-{output.name}-{os.getpid()}"
            output.rename(retired)
            staging.rename(output)
            shutil.rmtree(retired)
    finally:
        shutil.rmtree(around, ignore_errors=True)  # the old site when it was exchanged, the new one when not published


_FS_IOC_GETFLAGS = 0x80086601
_FS_IOC_SETFLAGS = 0x40086602
_FS_TOPDIR_FL = 0x00020000  # chattr's "T"


def _spread(folder: Path) -> None:
    """Have the file system place the folders made in `folder` as it places those at the top of
    a disk: where it has the most room, starting the search from a place the new folder's name
    gives (the "T" attribute of ext4; where a file system has no such thing, nothing changes).
    Otherwise a new site's files take their inodes in the group of the folder around it, and
    without a journal ext4 first checks every inode deleted there in the last minutes, for each
    file: a site rebuilt just after the old one was deleted spent 1 to 2 seconds of system time
    at 10,000 events on that (see docs/architecture.md)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(descriptor, _FS_IOC_GETFLAGS, flags, True)
        flags[0] |= _FS_TOPDIR_FL
        fcntl.ioctl(descriptor, _FS_IOC_SETFLAGS, flags, True)
    except OSError:
        pass  # not a file system with such flags
    finally:
        os.close(descriptor)


def publish(files: Mapping[str, bytes], output: Path) -> None:
    """Replace `output` with a folder holding exactly `files`."""
    with staged(output) as staging:
        write_tree(files, staging)


def _journal(output: Path) -> Path:
    return output.parent / f".journal-{output.name}.json"


@dataclass(frozen=True)
class Splice:
    """A file's new bytes as pieces: bytes, and (start, length) ranges of the file it replaces,
    which the kernel copies (a large data file changes by a part or two). The pieces are read
    once, as they are written."""

    pieces: Iterable[bytes | tuple[int, int]]


def update(output: Path, changed: Mapping[str, bytes | Splice], removed: Iterable[str], *,
           keep_replaced: bool = False) -> None:
    """Change a few files of `output` in place, safely (see the module's description). With
    `keep_replaced`, the files replaced stay aside (linked in the staging folder) until
    `sweep(output)` or the next update: freeing a large file's blocks takes the file system tens
    of milliseconds, which the preview spends after the browser has been told to reload."""
    output = output.absolute()
    recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f".building-{output.name}-", dir=output.parent))
    renames = []
    for number, (relative, data) in enumerate(sorted(changed.items())):
        staged = staging / str(number)
        if isinstance(data, Splice):
            _write_splice(staged, output.joinpath(*relative.split("/")), data)
        else:
            staged.write_bytes(data)
        renames.append((staged.name, relative))
        if keep_replaced:
            with contextlib.suppress(FileNotFoundError):
                os.link(output.joinpath(*relative.split("/")), staging / f"{staged.name}.replaced")
    journal = _journal(output)
    pending = journal.with_name(journal.name + ".tmp")
    steps = {"staging": staging.name, "write": renames, "remove": sorted(removed)}
    pending.write_text(json.dumps(steps), encoding="utf-8")
    os.replace(pending, journal)
    recover(output, leftovers=not keep_replaced)


def _write_splice(target: Path, old: Path, splice: Splice) -> None:
    with old.open("rb", buffering=0) as source, target.open("wb", buffering=0) as sink:
        for piece in splice.pieces:
            if isinstance(piece, bytes):
                sink.write(piece)
            else:
                _copy_range(source.fileno(), sink.fileno(), *piece)


def _copy_range(source: int, sink: int, start: int, length: int) -> None:
    """Append `length` bytes of `source` from `start` to `sink` (in the kernel where it can)."""
    while length > 0:
        try:
            copied = os.copy_file_range(source, sink, length, start)
        except OSError:  # not between these file systems: copy through memory
            copied = os.write(sink, os.pread(source, min(length, 1 << 20), start))
        if copied <= 0:
            raise OSError(f"could not copy {length} bytes from the previous file")
        start, length = start + copied, length - copied


def recover(output: Path, *, leftovers: bool = True) -> None:
    """Finish an update a killed build left in its journal; remove what killed builds left
    unfinished (changes not yet in a journal, half-written staging folders) and what updates
    kept aside, unless `leftovers` is false."""
    journal = _journal(output)
    if journal.exists():
        steps = json.loads(journal.read_text(encoding="utf-8"))
        staging = output.parent / steps["staging"]
        for staged, relative in steps["write"]:
            if (staging / staged).exists():
                target = output.joinpath(*relative.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / staged, target)
        for relative in steps["remove"]:
            output.joinpath(*relative.split("/")).unlink(missing_ok=True)
        journal.unlink()
    journal.with_name(journal.name + ".tmp").unlink(missing_ok=True)
    if leftovers:
        sweep(output)


def sweep(output: Path) -> None:
    """Remove the staging folders next to `output`: what killed builds left, and what updates kept aside."""
    for leftover in _leftovers(output.absolute()):
        shutil.rmtree(leftover, ignore_errors=True)
