"""The writer: the output folder is replaced whole, and leftovers of a killed build are cleared."""

from __future__ import annotations

import array
import fcntl
import json
import os
from pathlib import Path

from dateline.write import Splice, publish, recover, staged, sweep, update

TOP_OF_HIERARCHY = 0x00020000  # ext4's "T" attribute (FS_TOPDIR_FL)


def flags(folder: Path) -> int | None:
    """A folder's attributes (FS_IOC_GETFLAGS), or None where the file system has none."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        found = array.array("i", [0])
        fcntl.ioctl(descriptor, 0x80086601, found, True)
        return found[0]
    except OSError:
        return None
    finally:
        os.close(descriptor)


def test_publish_replaces_the_folder_with_exactly_the_new_files(tmp_path: Path) -> None:
    output = tmp_path / "site"
    publish({"index.html": b"one", "events/a.html": b"a"}, output)
    publish({"index.html": b"two"}, output)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["index.html"]
    assert (output / "index.html").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_new_site_is_made_in_a_folder_marked_as_the_top_of_a_hierarchy(tmp_path: Path) -> None:
    with staged(tmp_path / "site") as staging:
        around, attributes = staging.parent.name, flags(staging.parent)
        (staging / "index.html").write_bytes(b"new")
    assert around.startswith(".building-site-")
    if attributes is not None and flags(tmp_path) is not None:  # a file system with attributes (ext4 here)
        assert attributes & TOP_OF_HIERARCHY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site" / "index.html").read_bytes() == b"new"


def test_leftovers_of_an_interrupted_build_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".building-site-abc").mkdir()
    (tmp_path / ".building-site-abc/index.html").write_bytes(b"half")
    publish({"index.html": b"whole"}, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_update_killed_after_its_journal_is_finished_by_the_next_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish({"index.html": b"old index", "events/a.html": b"old a", "events/b.html": b"b"}, site)
    # What `update` leaves behind when killed after writing its journal, before renaming.
    staging = tmp_path / ".building-site-x1"
    staging.mkdir()
    (staging / "0").write_bytes(b"new a")
    (staging / "1").write_bytes(b"new index")
    (tmp_path / ".journal-site.json").write_text(json.dumps(
        {"staging": staging.name, "write": [["0", "events/a.html"], ["1", "index.html"]], "remove": ["events/b.html"]}))
    recover(site)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "events/a.html", "index.html"]
    assert (site / "index.html").read_bytes() == b"new index"
    assert (site / "events/a.html").read_bytes() == b"new a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_update_killed_before_its_journal_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish({"index.html": b"old index"}, site)
    staging = tmp_path / ".building-site-x2"
    staging.mkdir()
    (staging / "0").write_bytes(b"half written")
    recover(site)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_bytes() == b"old index"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_splice_copies_ranges_of_the_file_it_replaces(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish({"data.json": b"[one,two,three]"}, site)
    update(site, {"data.json": Splice((b"<", (1, 4), b"TWO", (8, 7), b">"))}, [])
    assert (site / "data.json").read_bytes() == b"<one,TWO,three]>"


def test_update_changes_only_what_it_is_given(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish({"a.html": b"a", "b.html": b"b"}, site)
    before = (site / "b.html").stat().st_mtime_ns
    update(site, {"a.html": b"new a", "c/d.html": b"d"}, ["gone.html"])
    assert (site / "a.html").read_bytes() == b"new a"
    assert (site / "c/d.html").read_bytes() == b"d"
    assert (site / "b.html").stat().st_mtime_ns == before


def test_an_update_can_keep_the_files_it_replaced_until_a_sweep(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish({"a.html": b"old a", "b.html": b"b"}, site)
    update(site, {"a.html": b"new a", "new.html": b"n"}, [], keep_replaced=True)
    assert (site / "a.html").read_bytes() == b"new a" and (site / "new.html").read_bytes() == b"n"
    kept = [path.read_bytes() for path in tmp_path.glob(".building-site-*/*.replaced")]
    assert kept == [b"old a"]  # the old file, still whole, outside the site
    sweep(site)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    update(site, {"b.html": b"new b"}, [], keep_replaced=True)
    update(site, {"a.html": b"newer a"}, [])  # an update sweeps what an earlier one kept
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert (site / "a.html").read_bytes() == b"newer a" and (site / "b.html").read_bytes() == b"new b"
