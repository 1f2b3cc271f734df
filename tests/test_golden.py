"""Golden output: a small content tree built with the project's templates must give exactly the
pages kept in tests/fixtures/golden/expected/. Run with UPDATE_GOLDEN=1 to accept a change."""

from __future__ import annotations

import json
import os
import shutil

from dateline.config import load_config
from dateline.errors import Diagnostics
from dateline.pipeline import build
from dateline.write import write_tree
from tests.conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "golden"
EXPECTED = GOLDEN / "expected"


def build_fixture() -> dict[str, bytes]:
    """The fixture's pages and data; static/ is copied verbatim and left out of the comparison."""
    diagnostics = Diagnostics()
    config = load_config(GOLDEN / "site.toml", diagnostics, templates_dir=ROOT / "templates")
    site = build(config, diagnostics)
    assert site is not None, [str(p) for p in diagnostics.problems]
    assert [str(p) for p in diagnostics.problems] == [
        "content/events/meeting.md:8: warning: sources disagree on the date: wire says 'on Monday' "
        "(26 September 2022), but When: says 27 September 2022; the event is shown as disputed"
    ]
    return {path: data for path, data in site.files.items() if not path.startswith("static/")}


def expected_files() -> dict[str, bytes]:
    return {p.relative_to(EXPECTED).as_posix(): p.read_bytes() for p in sorted(EXPECTED.rglob("*")) if p.is_file()}


def test_built_pages_match_the_golden_output() -> None:
    files = build_fixture()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        EXPECTED.mkdir()
        write_tree(files, EXPECTED)
    expected = expected_files()
    assert sorted(files) == sorted(expected)
    for path, data in files.items():
        assert data.decode("utf-8") == expected[path].decode("utf-8"), f"{path} differs from the golden copy"


def test_the_golden_timeline_is_in_timeline_order() -> None:
    events = json.loads((EXPECTED / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert [(e["title"], e["start"], e["end"]) for e in events] == [
        ("Relations begin", "1952-01-01", "1952-12-31"),
        ("Officials prepare the text", "2022-08-01", "2022-08-31"),
        ("Minister A arrives", "2022-09-26", "2022-09-26"),
        ("Ministers meet", "2022-09-27", "2022-09-27"),
        ("Memorandum signed", "2022-09-27", "2022-09-27"),
    ]
