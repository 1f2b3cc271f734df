"""Awkward input: file names and slugs that try to leave site/, files that are not UTF-8 text,
an empty content folder, a very large body. Each gives a clear message or works."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.slugs import MAX_LENGTH, slugify
from tests.conftest import copy_project, run_build


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("Café de Flore", "cafe-de-flore"),
        ("2+2 Dialogue", "2-2-dialogue"),
        ("..", "x-9d891e73"),
    ],
)
def test_slugs_stay_inside_the_site(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_reserved_long_and_non_latin_names_get_safe_stable_slugs() -> None:
    assert slugify("con").startswith("con-") and slugify("CON") != "con"
    assert slugify("index") != "index"
    long_title = "A very long title about a very long meeting " * 10
    assert len(slugify(long_title)) <= MAX_LENGTH
    assert slugify(long_title) == slugify(long_title)
    assert slugify(long_title) != slugify(long_title + "!")
    assert slugify("日本の防衛") == slugify("日本の防衛")
    assert slugify("日本の防衛").startswith("x-") and slugify("日本の防衛") != slugify("インドの防衛")


def test_a_hostile_slug_writes_inside_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content/events/x.md").write_text("Title: X\nWhen: 2022\nSlug: ../../../../outside\n\n")
    assert run_build(cwd=project).returncode == 0
    assert (project / "site/events/outside.html").is_file()
    assert not [p for p in tmp_path.rglob("outside*") if "site" not in p.parts]


def test_files_that_are_not_utf8_text_are_errors_with_their_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content/events/latin1.md").write_bytes("Title: Café\nWhen: 2022\n\nCrème\n".encode("latin-1"))
    (project / "content/events/picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert "content/events/latin1.md:1: error: not UTF-8 text (byte 0xe9 cannot be decoded)" in result.stderr
    assert "content/events/picture.md:1: error: this is a binary file, not a Markdown text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_content_folder_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "content" / "events").mkdir(parents=True)
    result = run_build("build", "--templates", str(Path(__file__).parent.parent / "templates"), cwd=tmp_path)
    assert result.returncode == 1
    assert "content/events:1: error: no events: put one Markdown file per event here" in result.stderr
    (tmp_path / "content" / "events").rmdir()
    result = run_build("check", cwd=tmp_path)
    assert "content/events:1: error: there is no events folder: put one file per event in it" in result.stderr


def test_a_five_megabyte_body_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    paragraph = "A paragraph of the record, with *emphasis* and a [link](https://example.org). " * 12
    body = "\n\n".join([paragraph] * 5400)
    assert len(body.encode("utf-8")) > 5_000_000
    (project / "content/events/huge.md").write_text(f"Title: Huge\nWhen: 2022\n\n{body}\n", encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/events/huge.html").stat().st_size > 5_000_000


def test_a_file_that_cannot_be_read_is_an_error_on_its_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from dateline import content
    from dateline.cli import main

    project = copy_project(tmp_path)
    locked = project / "content/events/locked.md"
    locked.write_text("Title: Locked\nWhen: 2022\n\nBody.\n")
    read = content._read_bytes

    def refuse(path: str) -> bytes:
        if path == str(locked):
            raise PermissionError(13, "Permission denied")
        return read(path)

    monkeypatch.setattr(content, "_read_bytes", refuse)
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    errors = capsys.readouterr().err
    assert "content/events/locked.md:1: error: could not read the file: Permission denied" in errors
    assert "internal error" not in errors


def test_a_link_to_nothing_is_an_error_and_a_link_back_up_is_not_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from dateline.cli import main

    project = copy_project(tmp_path)
    (project / "content/events/gone.md").symlink_to(tmp_path / "nowhere.md")
    (project / "content/events/again").symlink_to(project / "content/events")
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    errors = capsys.readouterr().err
    assert "content/events/gone.md:1: error: could not read the file: No such file or directory" in errors
    assert "internal error" not in errors and "again/" not in errors
    (project / "content/events/gone.md").unlink()
    assert main(["build"]) == 0  # the link back up lists nothing twice


def test_a_folder_that_cannot_be_listed_is_an_error_on_its_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from dateline.cli import main

    project = copy_project(tmp_path)
    locked = project / "content/events/locked"
    locked.mkdir()
    (locked / "notes.txt").write_text("No event here, as far as a build can tell.\n")
    listing = os.scandir

    def refuse(path: str) -> object:
        if path == str(locked):
            raise PermissionError(13, "Permission denied")
        return listing(path)

    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    monkeypatch.setattr(os, "scandir", refuse)
    assert main(["build"]) == 1  # not "nothing changed": what the folder holds is not known
    errors = capsys.readouterr().err
    assert "content/events/locked:1: error: could not list the folder: Permission denied" in errors
    assert "internal error" not in errors
