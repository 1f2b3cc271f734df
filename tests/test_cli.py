"""The command line as a user meets it: the bundled build, clear errors, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_build


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def test_the_bundled_timeline(built_site: Path) -> None:
    data = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    rows = [(e["start"], e["end"], e["precision"], e["part_of_day"]) for e in data["events"]]
    assert rows == [
        ("1952-01-01", "1952-12-31", "year", None),
        ("2022-03-01", "2022-03-31", "month", None),
        ("2022-09-07", "2022-09-07", "part_of_day", "night"),
        ("2022-09-08", "2022-09-08", "day", None),
        ("2022-09-08", "2022-09-08", "day", None),
        ("2022-09-08", "2022-09-08", "day", None),
        ("2022-09-08", "2022-09-08", "day", None),
    ]
    titles = [e["title"] for e in data["events"]]
    assert [t.split()[0] for t in titles[3:]] == ["Wreath", "Ceremonial", "Bilateral", "Second"]
    assert "2+2" in titles[-1]
    assert data["events"][1]["when"] == "in March this year"
    assert data["events"][2]["sources"] == [
        {"id": "pib-2022-09-08", "quote": "After reaching Tokyo on the night of September 07, 2022"}
    ]
    assert (built_site / "index.html").is_file()


@pytest.mark.parametrize(
    ("header", "line", "message"),
    [
        ("Title: Broken\nWhen: Septembr 7, 2022\n", 2, "did you mean September?"),
        ("Title: Broken\nWhen 7 September 2022\n", 2, "is not 'Key: value'"),
        ("Title: Broken\n", 1, "missing 'When:'"),
        ("Title: Broken\nWhen: 2022\nSource: nowhere\n", 3, "cites source 'nowhere'"),
    ],
)
def test_a_broken_event_stops_the_build_and_leaves_the_site_as_it_was(
    project: Path, header: str, line: int, message: str
) -> None:
    assert run_build(cwd=project).returncode == 0
    before = snapshot(project / "site")
    (project / "content/events/broken.md").write_text(header + "\nBody.\n", encoding="utf-8")
    result = run_build("build", cwd=project)
    assert result.returncode == 1
    assert f"content/events/broken.md:{line}: error: " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(project / "site") == before


def test_every_problem_is_reported_at_once(project: Path) -> None:
    (project / "content/events/a.md").write_text("Title: A\nWhen: 31 September 2022\n\n", encoding="utf-8")
    (project / "content/events/b.md").write_text("Title: B\nWhen: Wednesday, September 08, 2022\n\n")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert "content/events/a.md:2: error: September 2022 has 30 days" in result.stderr
    assert "content/events/b.md:2: error: 8 September 2022 is a Thursday, not a Wednesday" in result.stderr
    assert not (project / "site").exists()


def test_a_relative_date_without_an_anchor_says_how_to_give_one(project: Path) -> None:
    (project / "content/sources/undated.md").write_text("Title: Undated\nDateline: none\n\nIt started in March.\n")
    (project / "content/events/c.md").write_text(
        'Title: C\nWhen: in March this year\nSource: undated "It started in March"\n\n'
    )
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert "content/events/c.md:2: error: 'in March this year' is relative" in result.stderr
    assert "its first source, undated, has no dateline: add 'Reference: <date>'" in result.stderr


def test_a_reference_anchors_a_relative_date(project: Path) -> None:
    (project / "content/events/c.md").write_text(
        "Title: C\nWhen: in March this year\nReference: 2021-06-01\n"
        'Source: fe-online-defence-corridors "This started in March"\n\n'
    )
    assert run_build(cwd=project).returncode == 0
    events = json.loads((project / "site/timeline.json").read_text())["events"]
    assert [e["start"] for e in events if e["slug"] == "c"] == ["2021-03-01"]


def test_two_builds_are_byte_identical(project: Path) -> None:
    assert run_build("build", "--output", "one", cwd=project).returncode == 0
    assert run_build("build", "--output", "two", cwd=project).returncode == 0
    one, two = snapshot(project / "one"), snapshot(project / "two")
    assert len(one) > 20
    assert one == two


def test_check_on_the_bundled_content_reports_exactly_the_wreath_laying_conflict(project: Path) -> None:
    result = run_build("check", cwd=project)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/events/wreath-laying-at-jsdf-memorial.md:9: warning: sources disagree on the date: "
        "fe-online-defence-corridors says 'On Wednesday' (7 September 2022), but When: says 8 September 2022; "
        "the event is shown as disputed",
        "0 error(s), 1 warning(s)",
    ]
    assert run_build("check", "--strict", cwd=project).returncode == 1


def test_check_reports_problems_and_writes_nothing(project: Path) -> None:
    (project / "content/events/d.md").write_text("Title: D\nWhen: 2022\nColour: red\n\n")
    warned = run_build("check", cwd=project)
    assert warned.returncode == 0
    assert "content/events/d.md:3: warning: unknown key 'colour'" in warned.stderr
    assert "0 error(s), 2 warning(s)" in warned.stderr
    (project / "content/events/e.md").write_text("Title: E\nWhen: 2022-13-01\n\n")
    failed = run_build("check", cwd=project)
    assert failed.returncode == 1
    assert "content/events/e.md:2: error:" in failed.stderr
    assert not (project / "site").exists()


def test_a_misquote_is_an_error_that_shows_the_nearest_passage(project: Path) -> None:
    (project / "content/events/e.md").write_text(
        "Title: E\nWhen: 2022\n"
        'Source: pib-2022-09-08 "He was given a ceremonial guard of honour before the meeting"\n\n'
    )
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() if line.startswith("content/events/e.md:3: error: "))
    assert "the quote does not appear in pib-2022-09-08's text; its nearest passage reads \"" in line
    assert "he was accorded a ceremonial guard of honour before the bilateral" in line


def test_quotes_match_whatever_the_typography(project: Path) -> None:
    (project / "content/events/f.md").write_text(
        "Title: F\nWhen: 2022\nSource: pib-2022-09-08 \"BEGAN his  day’s\tengagements\"\n"
        "Source: pib-2022-09-08 “the 2nd India–Japan 2+2 Ministerial Dialogue”\n\n"
    )
    assert "f.md" not in run_build("check", cwd=project).stderr


def test_misspelt_keys_and_sources_get_suggestions(project: Path) -> None:
    (project / "content/events/g.md").write_text('Titel: G\nTitle: G\nWhen: 2022\nSource: pib-2022-9-08\n\n')
    result = run_build("check", cwd=project)
    assert "content/events/g.md:1: warning: unknown key 'titel' (did you mean 'Title'?)" in result.stderr
    assert "content/events/g.md:4: error: cites source 'pib-2022-9-08', which is not in content/sources/ " \
           "(did you mean 'pib-2022-09-08'?)" in result.stderr


def test_a_template_error_names_the_template_and_line(project: Path) -> None:
    template = project / "templates/event.html"
    text = template.read_text()
    head, _, tail = text.rpartition("{% endblock %}")
    template.write_text(head + "{{ no_such_name.attribute }}\n{% endblock %}" + tail)
    broken_line = head.count("\n") + 1
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert f"templates/event.html:{broken_line}: error: template: 'no_such_name' is undefined" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_source_url_must_be_a_web_address(project: Path) -> None:
    source = project / "content/sources/pib-2022-09-08.md"
    source.write_text("URL: javascript:alert(1)\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert "content/sources/pib-2022-09-08.md:1: error: URL must be an http:// or https:// address" in result.stderr
