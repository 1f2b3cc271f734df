"""Builds that remember: making only what changed since the last build (see store.py).

A build first reads every content file and compares the digest of all inputs with the last
build's: the same, and there is nothing to do. When only the bodies of some events changed, only
their pages and their parts of the data files are made again (patch.py). Otherwise the timeline
is gathered (parsing and resolving only the files that changed) and planned; the files whose key
changed are remade (in a data file, only the parts whose key changed; the others are copied from
the previous file). Without a state describing the site on disk, everything is made, on every
core, and published in one swap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from dateline import parallel, patch, write
from dateline.assembly import Assembly
from dateline.cache import digest
from dateline.config import SiteConfig
from dateline.errors import Diagnostics
from dateline.fullbuild import FullBuild, TemplateProblemError, template_problem
from dateline.listed import Listed, frozen_listed, written
from dateline.model import Timeline
from dateline.outputs import Output, Plan, code_digest, site_key
from dateline.pipeline import Starting, plan_site
from dateline.reading import Scan, scan
from dateline.store import OutputRow, Store, freeze, thaw

STAMP = ".dateline-build"  # in the site: the digest of the keys of all its files


@dataclass(frozen=True)
class Result:
    """A finished build: how many events, the paths it wrote or removed, and how it went
    ("full", "incremental", "patch" or "unchanged")."""

    events: int
    changed: tuple[str, ...]
    kind: str


def inputs_digest(found: Scan) -> bytes:
    """A digest of every content file's path and fingerprint."""
    return digest(*(part for file in (*found.sources, *found.events) for part in (file.shown, file.fingerprint)))


@dataclass(frozen=True)
class Job:
    """One build: its settings, where its problems go, the state (if any), the content as read,
    and the folder it builds into."""

    config: SiteConfig
    diagnostics: Diagnostics
    store: Store | None
    found: Scan
    output: Path
    strict: bool
    use_cores: bool
    keep_replaced: bool


def build_site(config: SiteConfig, diagnostics: Diagnostics, store: Store | None, *,
               use_cores: bool = False, strict: bool = False, keep_replaced: bool = False) -> Result | None:
    """Build into config.output_dir, doing as little as the state in `store` allows (everything
    without one). Returns None when the content has errors (or, when `strict`, warnings);
    nothing is written then. With `keep_replaced`, the files an update replaced are removed by
    `write.sweep` (see `write.update`)."""
    output = config.output_dir.absolute()
    write.recover(output)
    job = Job(config, diagnostics, store, scan(config), output, strict, use_cores, keep_replaced)
    with parallel.frozen():  # everything a build makes lives until it ends (see parallel.frozen)
        return _build(job)


def _build(job: Job) -> Result | None:
    store, output, config = job.store, job.output, job.config
    if store is None:
        return _make_site(job)
    with store.transaction() as commit:
        if store.meta("code") != code_digest():
            store.forget()
        quick = None
        if describes(store, output) and store.meta("site") == site_key(config) and not job.found.unlisted:
            quick = _unchanged(job, store) or _patched(job, store)
        result = quick or _make_site(job)
        if result is not None:
            commit()
        return result


def _make_site(job: Job) -> Result | None:
    """Gather and plan the timeline; make the files whose key changed (all, without a state)."""
    store = job.store
    previous = store.outputs() if store is not None else {}
    incremental = store is not None and describes(store, job.output)
    try:
        if incremental:
            assert store is not None
            made = _incremental(previous, job, store)
        else:
            made = _full(job)
    except TemplateProblemError as failure:
        job.diagnostics.error(*failure.args)
        return None
    if made is None:
        return None
    timeline, plan, rows, changed = made
    if store is not None:
        store.replace_outputs(rows, previous)
        store.replace_events(plan.events, store.events())
        store.set_meta({
            "code": code_digest(), "site": site_key(job.config), "output": str(job.output).encode(),
            "stamp": stamp_of([row.key for row in rows.values()]), "inputs": inputs_digest(job.found),
            "problems": freeze(tuple(job.diagnostics.problems)), "events": str(len(timeline.events)).encode(),
            "slugs": freeze(plan.slugs), "as_of": freeze(plan.as_of),
        })
        if store.in_memory:
            store.list_items = plan.renderer.items.lasting()
    return Result(len(timeline.events), tuple(changed), "incremental" if incremental else "full")


Made = tuple[Timeline, Plan, dict[str, OutputRow], list[str]]  # a build's timeline, plan, rows and paths changed


def _planned(job: Job, starting: Starting | None = None) -> tuple[Timeline, Plan] | None:
    """The timeline and the plan; None when the content has errors (or, when strict, warnings)."""
    planned = plan_site(job.config, job.diagnostics, job.store, parallel=job.use_cores, found=job.found,
                        starting=starting)
    return None if planned is None or job.diagnostics.failed(strict=job.strict) else planned


def describes(store: Store, output: Path) -> bool:
    """Whether the state is that of the site in `output` (the stamp it left there is still there)."""
    stamp = store.meta("stamp")
    if stamp is None or store.meta("output") != str(output).encode():
        return False
    try:
        return (output / STAMP).read_bytes() == stamp
    except OSError:
        return False


def _unchanged(job: Job, store: Store) -> Result | None:
    """Nothing changed since the last build: it reports what that one did, and writes nothing."""
    if store.meta("inputs") != inputs_digest(job.found):
        return None
    job.diagnostics.problems.extend(thaw(store.meta("problems") or freeze(())))
    return Result(int(store.meta("events") or b"0"), (), "unchanged")


def _patched(job: Job, store: Store) -> Result | None:
    """Only events' bodies changed: remake their pages and parts (patch.py)."""
    made = patch.patch(job.config, store, job.found, job.output)
    if made is None or (job.strict and made.problems):
        return None  # the long way (which reports the problems, and writes nothing when strict)
    order = store.output_keys()
    stamp = stamp_of([made.outputs[path].key if path in made.outputs else key for path, key in order])
    write.update(job.output, {**made.changed, STAMP: stamp}, [], keep_replaced=job.keep_replaced)
    store.put_files("events", made.files)
    store.update_outputs(made.outputs)
    store.set_meta({"stamp": stamp, "inputs": inputs_digest(job.found), "problems": freeze(made.problems)})
    job.diagnostics.problems.extend(made.problems)
    return Result(int(store.meta("events") or b"0"), tuple(sorted(made.outputs)), "patch")


def stamp_of(keys: Sequence[bytes]) -> bytes:
    """What the site's stamp file holds: the digest of every file's key, in plan order."""
    return digest(*keys).hex().encode()


def _make(output: Output, previous: OutputRow | None, templates: Path) -> bytes | Assembly:
    """A file's bytes, or for a file of parts its assembly (which copies the parts it can from
    the previous file)."""
    try:
        return output.make() if output.composite is None else Assembly(output, previous)
    except jinja2.TemplateError as exc:
        raise template_problem(exc, templates) from None


def _full(job: Job) -> Made | None:
    """Make every file into a new folder swapped in for the old site (fullbuild.py): the workers
    start on the events' pages while this process plans."""
    try:
        with FullBuild(job.output, job.config, job.use_cores) as build:
            planned = _planned(job, build.start)
            if planned is None:
                raise _Abandoned
            timeline, plan = planned
            rows = build.finish(plan.outputs, plan.renderer)
            assert build.folder is not None
            write.write_file(build.folder, STAMP, stamp_of([row.key for row in rows.values()]))
    except _Abandoned:
        return None
    return timeline, plan, rows, [o.path for o in plan.outputs]


class _Abandoned(Exception):  # noqa: N818 (not an error: the content's problems are reported)
    """A full build given up (its content has problems): nothing of it is published."""


def _incremental(previous: dict[str, OutputRow], job: Job, store: Store) -> Made | None:
    """Remake the files whose key changed; leave the others where they are. A page made again
    reads the list items it still shows from itself as written, when the site key is the same
    (a state in memory keeps the items themselves)."""
    planned = _planned(job)
    if planned is None:
        return None
    timeline, plan = planned
    output, templates, outputs = job.output, job.config.templates_dir, plan.outputs
    if not store.in_memory and store.meta("site") == plan.renderer.items.site:
        plan.renderer.items.earlier = written(store, output)
    made: dict[str, bytes | Assembly] = {}
    for item in outputs:
        before = previous.get(item.path)
        if before is None or before.key != item.key:
            made[item.path] = _make(item, before, templates)
    keys = {item.path: item.key for item in outputs}
    removed = sorted(previous.keys() - keys.keys())
    if made or removed or list(previous) != list(keys):
        changed = {path: data if isinstance(data, bytes) else write.Splice(data.pieces())
                   for path, data in made.items()}
        try:
            write.update(output, {**changed, STAMP: stamp_of(list(keys.values()))}, removed,
                         keep_replaced=job.keep_replaced)
        except jinja2.TemplateError as exc:
            raise template_problem(exc, templates) from None
    listed = plan.renderer.listed
    rows = {item.path: _row(made[item.path], item.path, item.key, listed) if item.path in made else previous[item.path]
            for item in outputs}
    return timeline, plan, rows, sorted(made) + removed


def _row(made: bytes | Assembly, path: str, key: bytes, listed: dict[str, Listed]) -> OutputRow:
    """The row of a file once written."""
    return made.row if isinstance(made, Assembly) else OutputRow(key, None, frozen_listed(listed, path))
