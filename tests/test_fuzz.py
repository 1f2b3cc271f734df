"""Fuzzing the whole build: generated content trees (random and mutated headers, bodies, dates and
sources) either build or fail with `path:line` messages; never a traceback, and site/ is always
either the complete new site or the previous one, never a mix. The examples run one after the
other on one project, so most builds are incremental: each must give exactly the files a fresh,
full build of the same content gives."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.cli import main
from dateline.config import load_config
from dateline.errors import Diagnostics
from dateline.incremental import STAMP
from dateline.pipeline import build
from tests.conftest import ROOT

FUZZ_EXAMPLES = 200
GOOD_WHENS = ["8 September 2022", "on the night of September 07, 2022", "in March this year", "Later in the day",
              "Bhadra 17, 1944", "FY 2022-23", "令和4年9月8日", "the 1950s", "since 2020", "1952~", "last Friday"]
BAD_WHENS = ["08/09/2022", "31 September 2022", "Wednesday, September 08, 2022", "", "sometime", "Bhadra 32, 1944",
             "2022-09-08/2022-09-07"]
GARBAGE_LINES = ["Colour: red", "no colon here", " Title: indented", "When (s1): On Wednesday", "When (x): today",
                 "Order: first", "Slug: ../../x", "Title: again", "Source: missing \"quote\"", "Reference: 2022-13-01"]
LINE = re.compile(r"^[^\n]+:\d+: (?:error|warning): .+$")
SUMMARY = re.compile(r"^(?:build failed: nothing was written|built \d+ events? into .+)$")


@st.composite
def event_files(draw: st.DrawFn) -> bytes:
    """A valid event, then (often) one to three mutations of it."""
    title = draw(st.text(min_size=1, max_size=30).filter(lambda text: text.strip() and "\n" not in text))
    lines = [f"Title: {title}", f"When: {draw(st.sampled_from(GOOD_WHENS))}", 'Source: s1 "It happened."']
    lines += draw(st.lists(st.sampled_from(["Where: Tokyo, Japan", "Who: A, B", "Tags: visit, talks", "Order: 2"]),
                           max_size=3, unique=True))
    body = draw(st.one_of(st.text(max_size=300), st.sampled_from(["Body *text*.", "# H\n\n|a|b|\n|-|-|\n|1|2|"])))
    for _ in range(draw(st.sampled_from([0] * 12 + [1, 1, 2, 3]))):
        mutation = draw(st.sampled_from(["bad when", "garbage", "drop", "splice"]))
        if mutation == "bad when" and len(lines) > 1:
            lines[1] = f"When: {draw(st.sampled_from(BAD_WHENS))}"
        elif mutation == "garbage":
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(GARBAGE_LINES)))
        elif mutation == "drop" and lines:
            lines.pop(draw(st.integers(0, len(lines) - 1)))
        elif lines:
            index = draw(st.integers(0, len(lines) - 1))
            position = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:position] + draw(st.text(max_size=3)) + lines[index][position:]
    text = "\n".join(lines) + draw(st.sampled_from(["\n\n"] * 6 + ["\r\n\r\n", "\n"])) + body
    return draw(st.sampled_from([text.encode("utf-8")] * 30 + [text.encode("utf-16"), b"\x00" + text.encode()]))


@st.composite
def content_trees(draw: st.DrawFn) -> dict[str, bytes]:
    files = {f"content/events/{draw(st.sampled_from(['', '', 'sub/']))}e{number}.md": draw(event_files())
             for number in range(draw(st.integers(0, 4)))}
    dateline = draw(st.sampled_from(["Tokyo, 8 September 2022"] * 8 + ["none", "Bhadra 32, 1944", "2022-09-08"]))
    files["content/sources/s1.md"] = f"Title: S1\nDateline: {dateline}\n\nIt happened.\n".encode()
    return files


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project for every example, so that each build meets the site the last one left."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(tree=content_trees())
def test_any_content_builds_or_fails_cleanly(project: Path, tree: dict[str, bytes]) -> None:
    content = project / "content"
    shutil.rmtree(content, ignore_errors=True)
    for relative, data in tree.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_bytes(data)
    before = snapshot(project / "site") if (project / "site").exists() else None
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        status = main(["build", "--debug", "--config", str(project / "site.toml"), "--content", str(content),
                       "--templates", str(project / "templates"), "--output", str(project / "site")])
    assert status in (0, 1), errors.getvalue()
    assert all(LINE.match(line) or SUMMARY.match(line) for line in errors.getvalue().splitlines()), errors.getvalue()
    if status == 1:
        assert (snapshot(project / "site") if (project / "site").exists() else None) == before
    else:
        diagnostics = Diagnostics()
        config = load_config(project / "site.toml", diagnostics, content_dir=content,
                             templates_dir=project / "templates", output_dir=project / "site")
        expected = build(config, diagnostics)
        assert expected is not None
        built = snapshot(project / "site")
        assert built.pop(STAMP)
        assert built == expected.files
