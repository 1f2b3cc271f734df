"""A build on every core gives the bytes a build in one process gives; its workers start on the
events' pages before it plans, and a build given up while they run leaves the old site as it was;
the stretches no worker has started are made by the build itself, from the last; the workers
yield to the build, share
the date rules compiled before they were forked, and are handed chunks that shrink towards the
end; and what a build reads to keep is left out of the garbage collector's passes."""

from __future__ import annotations

import gc
import os
import shutil
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from dateline import dates, fullbuild, parallel, pipeline
from dateline.config import load_config
from dateline.errors import Diagnostics
from dateline.incremental import STAMP, build_site
from dateline.pipeline import build
from tests.test_faults import children
from tests.test_incremental import snapshot

ROOT = Path(__file__).resolve().parent.parent
EVENTS = 3 * fullbuild.STRETCH + 150  # enough to be spread over the cores, in several stretches


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fullbuild") / "project"
    generate(EVENTS, folder)
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


@pytest.fixture()
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two worker processes, whatever this machine's cores."""
    monkeypatch.setattr(parallel, "workers", lambda: 2)


def built_on_cores(project: Path) -> dict[str, bytes]:
    diagnostics = Diagnostics()
    config = load_config(project / "site.toml", diagnostics)
    assert build_site(config, diagnostics, None, use_cores=True) is not None
    files = snapshot(config.output_dir)
    files.pop(STAMP)
    shutil.rmtree(config.output_dir)
    return files


def test_a_build_on_every_core_gives_the_files_of_one_process(project: Path, two_workers: None) -> None:
    assert EVENTS >= fullbuild.PARALLEL_FROM
    diagnostics = Diagnostics()
    fresh = build(load_config(project / "site.toml", diagnostics), diagnostics)
    assert fresh is not None
    files = built_on_cores(project)
    assert files.keys() == fresh.files.keys()
    assert [path for path in files if files[path] != fresh.files[path]] == []


def finished(value: list[list[int]]) -> Future[list[list[int]]]:
    """A stretch a worker took and made."""
    future: Future[list[list[int]]] = Future()
    assert future.set_running_or_notify_cancel()
    future.set_result(value)
    return future


class Unstarted(Future[list[list[int]]]):
    """A stretch no worker took: waiting for it fails rather than waits forever."""

    def result(self, timeout: float | None = None) -> list[list[int]]:
        return super().result(timeout=0)


def test_the_build_makes_the_stretches_no_worker_started_from_the_last(monkeypatch: pytest.MonkeyPatch) -> None:
    made_here: list[int] = []

    def make_stretch(stretch: fullbuild.Stretch) -> list[list[int]]:
        made_here.append(stretch.number)
        return [[stretch.number, 0]]

    monkeypatch.setattr(fullbuild, "_make_stretch", make_stretch)
    stretches = [fullbuild.Stretch(number, number * fullbuild.STRETCH, ()) for number in range(6)]
    futures = [finished([[number, 1]]) for number in range(3)] + [Unstarted() for _ in range(3)]
    done = fullbuild._stretches_done(futures, stretches)
    assert made_here == [5, 4, 3]
    assert done == [[[0, 1]], [[1, 1]], [[2, 1]], [[3, 0]], [[4, 0]], [[5, 0]]]
    assert all(future.cancelled() for future in futures[3:])


def niceness(_: object = None) -> int:
    return os.nice(0)


def test_the_workers_yield_to_the_build(two_workers: None) -> None:
    with parallel.pool() as pool:
        assert set(pool.map(niceness, range(4))) == {niceness() + parallel.WORKER_NICENESS}


def test_objects_made_to_last_are_left_out_of_the_collectors_passes_until_the_build_ends() -> None:
    with parallel.frozen():
        before = gc.get_freeze_count()
        with parallel.lasting():
            assert not gc.isenabled()
            made = [[number] for number in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
    assert gc.get_freeze_count() == 0
    with parallel.lasting():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0  # outside a build, nothing is left frozen


def compiled_rules(items: object) -> int:
    """How many date rules this process has compiled (run as a worker's first task)."""
    return sum("fullmatch" in rule.__dict__ for rule in dates.RULES)


def forget_compiled_rules() -> None:
    for rule in dates.RULES:
        rule.__dict__.pop("fullmatch", None)


@pytest.mark.parametrize("prepared", [True, False])
def test_workers_share_the_date_rules_compiled_before_they_were_forked(two_workers: None, prepared: bool) -> None:
    forget_compiled_rules()
    try:
        prepare = dates.prepare if prepared else None
        counts = list(parallel.map_chunks(compiled_rules, range(100), minimum=1, prepare=prepare))
        assert len(counts) > 1  # spread over the workers
        assert set(counts) == ({len(dates.RULES)} if prepared else {0})
    finally:
        dates.prepare()


def test_nothing_is_prepared_for_work_done_in_this_process() -> None:
    prepared: list[bool] = []
    done = list(parallel.map_chunks(len, range(10), minimum=100, prepare=lambda: prepared.append(True)))
    assert done == [10] and prepared == []


@pytest.mark.parametrize("cores", [1, 2, 8])
@pytest.mark.parametrize("count", [1, 25, 401, 2000, 10_000, 100_000])
def test_chunks_cover_every_item_once_and_shrink_towards_the_end(count: int, cores: int) -> None:
    bounds = list(parallel.chunk_bounds(count, cores))
    assert [start for start, _ in bounds] == [0, *(end for _, end in bounds[:-1])]
    assert bounds[-1][1] == count
    sizes = [end - start for start, end in bounds]
    assert all(parallel.LAST_CHUNK <= size <= parallel.CHUNK for size in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True)
    if count >= 100 * cores * parallel.LAST_CHUNK:
        assert sizes[0] > 4 * parallel.LAST_CHUNK >= 4 * sizes[-1]


def test_the_workers_are_at_the_events_pages_while_the_build_plans(project: Path, two_workers: None,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, list[str]]] = []
    planning = pipeline._plan
    others = set(children(os.getpid()))  # processes earlier tests started (a browser, say)

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append((len(set(children(os.getpid())) - others), sorted(parallel.shared)))
        return planning(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_plan", watched)
    built_on_cores(project)
    assert seen == [(2, ["composites", "folder", "renderer", "work"])]


def test_a_full_build_given_up_while_the_workers_run_leaves_the_old_site(project: Path, two_workers: None,
                                                                           tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".dateline-cache"))
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_bytes(b"the old site")
    facet = copy / "templates" / "facet.html"
    facet.write_text(facet.read_text(encoding="utf-8").replace("</h1>", "{{ no_such_name }}</h1>"), encoding="utf-8")
    diagnostics = Diagnostics()
    others = set(children(os.getpid()))  # processes earlier tests started (a browser, say)
    assert build_site(load_config(copy / "site.toml", diagnostics), diagnostics, None, use_cores=True) is None
    assert [(problem.path, problem.line, problem.message) for problem in diagnostics.errors] == [
        (str(facet), 5, "template: 'no_such_name' is undefined")]
    assert sorted(path.name for path in copy.iterdir()) == ["content", "site", "site.toml", "templates"]
    assert [path.name for path in (copy / "site").iterdir()] == ["index.html"]
    assert (copy / "site" / "index.html").read_bytes() == b"the old site"
    assert set(children(os.getpid())) - others == set()  # the workers are gone
