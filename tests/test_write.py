"""The writer: the output folder is replaced whole, and leftovers of a killed build are cleared."""

from __future__ import annotations

from pathlib import Path

from dateline.write import publish


def test_publish_replaces_the_folder_with_exactly_the_new_files(tmp_path: Path) -> None:
    output = tmp_path / "site"
    publish({"index.html": b"one", "events/a.html": b"a"}, output)
    publish({"index.html": b"two"}, output)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["index.html"]
    assert (output / "index.html").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_leftovers_of_an_interrupted_build_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".building-site-abc").mkdir()
    (tmp_path / ".building-site-abc/index.html").write_bytes(b"half")
    publish({"index.html": b"whole"}, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
