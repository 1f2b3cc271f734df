"""Builds that remember give exactly the files a fresh build gives, whatever was edited, and
report the same problems; an edit to events' bodies alone takes the short way (only their pages
and data parts are made again); a build with nothing changed writes nothing."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.generate import generate
from dateline.config import SiteConfig, load_config
from dateline.errors import Diagnostics
from dateline.incremental import STAMP, Result, build_site
from dateline.pipeline import build
from dateline.store import Store

ROOT = Path(__file__).resolve().parent.parent
STEPS = 36


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    generate(40, tmp_path / "project")
    shutil.copytree(ROOT / "templates", tmp_path / "project/templates")
    return tmp_path / "project"


def configure(project: Path, diagnostics: Diagnostics) -> SiteConfig:
    return load_config(project / "site.toml", diagnostics)


def build_remembering(project: Path) -> tuple[Result | None, Diagnostics]:
    diagnostics = Diagnostics()
    store = Store(project / ".dateline-cache/state.sqlite")
    try:
        return build_site(configure(project, diagnostics), diagnostics, store), diagnostics
    finally:
        store.close()


def assert_same_as_a_fresh_build(project: Path, diagnostics: Diagnostics) -> None:
    fresh_diagnostics = Diagnostics()
    fresh = build(configure(project, fresh_diagnostics), fresh_diagnostics)
    assert fresh is not None
    built = snapshot(project / "site")
    assert built.pop(STAMP)
    assert built.keys() == fresh.files.keys()
    different = [path for path in built if built[path] != fresh.files[path]]
    assert different == []
    assert diagnostics.sorted() == fresh_diagnostics.sorted()


def events(project: Path) -> list[Path]:
    return sorted((project / "content/events").glob("*.md"))


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def header_line(key: str, value: str) -> Callable[[str], str]:
    return lambda text: re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)


def body_edit(rng: random.Random, project: Path) -> str:
    for path in rng.sample(events(project), rng.choice([1, 1, 2])):
        edit(path, lambda text: text + f"\nAn added paragraph, number {rng.randrange(10**6)}.\n")
    return "patch"


def image_edit(rng: random.Random, project: Path) -> str:
    edit(rng.choice(events(project)), lambda text: text + "\n![map](https://example.org/map.png)\n")
    return "patch"


def title_edit(rng: random.Random, project: Path) -> str:
    edit(rng.choice(events(project)), header_line("Title", f"Retitled {rng.randrange(10**6)}"))
    return "incremental"


def date_edit(rng: random.Random, project: Path) -> str:
    edit(rng.choice(events(project)), header_line("When", f"{rng.randrange(1, 28)} March {rng.randrange(1950, 2026)}"))
    return "incremental"


def tag_edit(rng: random.Random, project: Path) -> str:
    edit(rng.choice(events(project)), header_line("Tags", rng.choice(["trade talks", "new tag", "visit, summit"])))
    return "incremental"


def add_event(rng: random.Random, project: Path) -> str:
    model = rng.choice(events(project))
    copy = model.with_name(f"added-{rng.randrange(10**6)}.md")
    copy.write_text(header_line("When", f"{rng.randrange(1950, 2026)}")(model.read_text(encoding="utf-8")),
                    encoding="utf-8")
    return "incremental"


def remove_event(rng: random.Random, project: Path) -> str:
    rng.choice(events(project)).unlink()
    return "incremental"


def source_body_edit(rng: random.Random, project: Path) -> str:
    source = rng.choice(sorted((project / "content/sources").glob("*.md")))
    edit(source, lambda text: text + "\nA later paragraph of the source.\n")
    return "incremental"


def dateline_edit(rng: random.Random, project: Path) -> str:
    source = rng.choice(sorted((project / "content/sources").glob("*.md")))
    edit(source, header_line("Dateline", f"New Delhi, {rng.randrange(1, 28)} June {rng.randrange(1950, 2026)}"))
    return "incremental"


EDITS = [body_edit, body_edit, body_edit, image_edit, title_edit, date_edit, tag_edit, add_event, remove_event,
         source_body_edit, dateline_edit]


def test_every_build_after_edits_is_the_fresh_build(project: Path) -> None:
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "full"
    rng = random.Random(20220908)
    for _ in range(STEPS):
        change = rng.choice(EDITS)
        expected = change(rng, project)
        result, diagnostics = build_remembering(project)
        assert result is not None, [str(p) for p in diagnostics.errors]
        assert result.kind == expected, change.__name__
        assert_same_as_a_fresh_build(project, diagnostics)


def test_a_body_edit_remakes_only_the_page_and_the_data_that_show_bodies(project: Path) -> None:
    build_remembering(project)
    edit(events(project)[7], lambda text: text + "\nOne more sentence.\n")
    result, _ = build_remembering(project)
    assert result is not None and result.kind == "patch"
    slug = events(project)[7].stem
    # 40 events: all of them are in the feed (it holds the latest 100)
    assert sorted(result.changed) == sorted([f"events/{slug}.html", "feed.xml", "static/search.js", "timeline.ics",
                                             "timelinejs.json"])


def test_nothing_changed_writes_nothing(project: Path) -> None:
    build_remembering(project)
    before = {path: (project / "site" / path).stat().st_mtime_ns for path in snapshot(project / "site")}
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "unchanged" and result.changed == ()
    assert {path: (project / "site" / path).stat().st_mtime_ns for path in before} == before
    assert_same_as_a_fresh_build(project, diagnostics)


def test_a_failed_build_leaves_the_site_and_the_state_as_they_were(project: Path) -> None:
    build_remembering(project)
    before = snapshot(project / "site")
    broken, text = events(project)[3], events(project)[3].read_text(encoding="utf-8")
    edit(broken, header_line("When", "31 September 2022"))
    edit(events(project)[4], lambda body: body + "\nEdited while another file is broken.\n")
    result, diagnostics = build_remembering(project)
    assert result is None and diagnostics.errors
    assert snapshot(project / "site") == before
    broken.write_text(text, encoding="utf-8")  # fixed; the other edit stays
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "patch"
    assert_same_as_a_fresh_build(project, diagnostics)


def test_a_template_edit_remakes_what_uses_it(project: Path) -> None:
    build_remembering(project)
    edit(project / "templates/event.html", lambda text: text.replace("<h1>", '<h1 class="edited">', 1))
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "incremental"
    assert_same_as_a_fresh_build(project, diagnostics)


def test_a_site_deleted_or_changed_by_hand_is_built_afresh(project: Path) -> None:
    build_remembering(project)
    shutil.rmtree(project / "site")
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "full"
    (project / "site" / STAMP).write_text("changed by hand")
    edit(events(project)[0], lambda text: text + "\nAnd more.\n")
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "full"
    assert_same_as_a_fresh_build(project, diagnostics)


def test_a_damaged_state_is_started_afresh(project: Path) -> None:
    build_remembering(project)
    (project / ".dateline-cache/state.sqlite").write_bytes(b"not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        (project / f".dateline-cache/state.sqlite{suffix}").unlink(missing_ok=True)
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "full"
    assert_same_as_a_fresh_build(project, diagnostics)


def item_template_edit(rng: random.Random, project: Path) -> str:
    mark = f'<article data-edit="{rng.randrange(10**6)}" class="event'
    edit(project / "templates/partials/item.html", lambda text: text.replace('<article class="event', mark, 1))
    return "incremental"


def test_a_process_that_builds_often_reuses_what_it_made_and_stays_exact(project: Path) -> None:
    store = Store(None)  # the preview's: in memory, with the outcomes and list items of its last build

    def build_again() -> Diagnostics:
        diagnostics = Diagnostics()
        assert build_site(configure(project, diagnostics), diagnostics, store) is not None
        assert_same_as_a_fresh_build(project, diagnostics)
        return diagnostics

    build_again()
    rng = random.Random(19570101)
    for change in (title_edit, tag_edit, item_template_edit, date_edit, dateline_edit, source_body_edit, title_edit,
                   remove_event, add_event):
        assert store.list_items is not None
        site, before = store.list_items[0], dict(store.list_items[1])
        outcomes = {path: outcome for path, (_, outcome) in store.outcomes.items()}
        change(rng, project)
        build_again()
        after = store.list_items[1]
        reused = [key for key in before if key in after and after[key] is before[key]]
        if change is item_template_edit:
            assert store.list_items[0] != site and reused == []  # all made again, with the new template
        elif change in (title_edit, tag_edit, date_edit, remove_event, add_event):
            assert store.list_items[0] == site and reused, change.__name__
            assert len(reused) < len(before) or change is add_event  # what the edit changed was made again
            kept = [path for path in outcomes if path in store.outcomes and store.outcomes[path][1] is outcomes[path]]
            assert len(outcomes) - 1 <= len(kept) < len(outcomes) + (change is add_event), change.__name__
    store.close()


def test_a_process_that_builds_often_recovers_from_a_failed_build(project: Path) -> None:
    store = Store(None)
    diagnostics = Diagnostics()
    assert build_site(configure(project, diagnostics), diagnostics, store) is not None
    event = events(project)[3]
    good = event.read_text(encoding="utf-8")
    edit(event, header_line("Title", "Retitled before the mistake"))
    edit(event, header_line("When", "Septembr 7, 2022"))
    diagnostics = Diagnostics()
    assert build_site(configure(project, diagnostics), diagnostics, store) is None and diagnostics.errors
    event.write_text(good.replace("Title: ", "Title: Fixed, ", 1), encoding="utf-8")
    diagnostics = Diagnostics()
    assert build_site(configure(project, diagnostics), diagnostics, store) is not None
    assert_same_as_a_fresh_build(project, diagnostics)
    assert "Fixed, " in (project / "site/index.html").read_text(encoding="utf-8")
    store.close()


def test_the_state_forgets_the_files_that_are_gone(project: Path) -> None:
    def remembered() -> tuple[set[str], set[str]]:
        store = Store(project / ".dateline-cache/state.sqlite")
        try:
            return set(store.files("events")), set(store.files("sources"))
        finally:
            store.close()

    def shown(folder: str) -> set[str]:
        return {f"content/{folder}/{path.name}" for path in (project / "content" / folder).glob("*.md")}

    sources = project / "content/sources"
    uncited = sources / "source-uncited.md"
    shutil.copy(sorted(sources.glob("*.md"))[0], uncited)
    build_remembering(project)
    assert remembered() == (shown("events"), shown("sources"))
    events(project)[0].unlink()
    uncited.unlink()
    result, diagnostics = build_remembering(project)
    assert result is not None
    assert remembered() == (shown("events"), shown("sources"))
    assert_same_as_a_fresh_build(project, diagnostics)
