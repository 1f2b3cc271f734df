"""Builds that remember: the last build's state, and making only what changed since.

The state holds the parsed content files (by fingerprint of their bytes) and, for every file of
the site, the key it was made from (see outputs.py) and, for the data files made of one part per
event, where each part sits in the file. A build with a state remakes only the files whose key
changed (and in a data file only the changed events' parts, copying the others from the previous
file); a build without one makes everything, on every core, and publishes it in one swap.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from dateline import parallel, write
from dateline.cache import BuildCache, digest
from dateline.config import SiteConfig
from dateline.errors import Diagnostics
from dateline.model import Timeline
from dateline.outputs import Output, code_digest
from dateline.pipeline import plan_site
from dateline.render import template_location

STAMP = ".dateline-build"  # in the site: the digest of everything in it, so a state knows its site


@dataclass(frozen=True)
class Written:
    """A file the last build wrote: its key, and for a file of parts, each part's place in it."""

    key: bytes
    parts: dict[bytes, tuple[int, int]] | None = None


@dataclass
class State:
    """What a build hands the next one."""

    output: str
    cache: BuildCache = field(default_factory=BuildCache)
    written: dict[str, Written] = field(default_factory=dict)
    stamp: bytes = b""
    code: bytes = field(default_factory=code_digest)


@dataclass(frozen=True)
class Result:
    """A finished build: its timeline, the paths it wrote or removed, and whether it made all."""

    timeline: Timeline
    changed: tuple[str, ...]
    full: bool


class TemplateProblemError(Exception):
    """A template error raised while making a page, with the template's path and line (it can
    cross from a worker process, where the traceback that holds the line does not)."""


def load_state(path: Path, output: Path) -> State | None:
    """The state the last build saved for this output folder, if it is there and still fits."""
    try:
        state = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(state, State) or state.code != code_digest() or state.output != str(output.absolute()):
        return None
    return state


def save_state(path: Path, state: State) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pending = path.with_name(path.name + ".tmp")
    pending.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    pending.replace(path)


def build_site(config: SiteConfig, diagnostics: Diagnostics, state: State | None, *,
               use_cores: bool = False) -> tuple[Result, State] | None:
    """Build into config.output_dir: incrementally when `state` describes the site there, fully
    otherwise. Returns the result and the state to keep, or None when the content has errors."""
    output = config.output_dir.absolute()
    fresh = state if state is not None and _describes(state, output) else None
    cache = state.cache if state is not None else BuildCache()
    planned = plan_site(config, diagnostics, cache, parallel=use_cores)
    if planned is None:
        return None
    timeline, outputs = planned
    parallel.shared["templates"] = config.templates_dir
    try:
        if fresh is None:
            written, changed = _full(outputs, output, use_cores)
        else:
            written, changed = _incremental(outputs, fresh, output)
    except TemplateProblemError as failure:
        diagnostics.error(*failure.args)
        return None
    stamp = digest(*(written[o.path].key for o in outputs))
    next_state = State(str(output), cache, written, stamp)
    return Result(timeline, tuple(changed), fresh is None), next_state


def _describes(state: State, output: Path) -> bool:
    marker = output / STAMP
    return state.output == str(output) and marker.is_file() and marker.read_bytes() == state.stamp.hex().encode()


def _make(output: Output, previous: Written | None, old: bytes | None) -> tuple[bytes, Written]:
    """A file's bytes; a file of parts copies unchanged parts from its previous bytes `old`."""
    try:
        if output.composite is None:
            return output.make(), Written(output.key)
        composite = output.composite
        pieces, places, offset = [composite.head().encode("utf-8")], {}, 0
        offset = len(pieces[0])
        separator = composite.separator.encode("utf-8")
        for number, (event, key) in enumerate(zip(output.events, output.part_keys, strict=True)):
            if number:
                pieces.append(separator)
                offset += len(separator)
            place = previous.parts.get(key) if previous is not None and previous.parts and old is not None else None
            part = old[place[0]:place[0] + place[1]] if place and old else composite.part(event).encode("utf-8")
            pieces.append(part)
            places[key] = (offset, len(part))
            offset += len(part)
        pieces.append(composite.tail.encode("utf-8"))
        return b"".join(pieces), Written(output.key, places)
    except jinja2.TemplateError as exc:
        path, line = template_location(exc, Path(parallel.shared.get("templates", ".")))
        raise TemplateProblemError(str(path), line, f"template: {exc.message or exc}") from None


def _make_chunk(indices: Sequence[int]) -> list[tuple[str, Written]]:
    """Make and write the outputs at these positions (in a worker, or in this process)."""
    outputs: list[Output] = parallel.shared["outputs"]
    folder: Path = parallel.shared["folder"]
    done = []
    for index in indices:
        data, written = _make(outputs[index], None, None)
        write.write_file(folder, outputs[index].path, data)
        done.append((outputs[index].path, written))
    return done


def _full(outputs: list[Output], output: Path, use_cores: bool) -> tuple[dict[str, Written], list[str]]:
    """Make every file, on every core, into a new folder swapped in for the old site."""

    def fill(folder: Path) -> dict[str, Written]:
        parallel.shared.update(outputs=outputs, folder=folder)
        try:
            done = parallel.map_chunks(_make_chunk, list(range(len(outputs))), minimum=300, enabled=use_cores)
        finally:
            del parallel.shared["outputs"], parallel.shared["folder"]
        written = dict(pair for chunk in done for pair in chunk)
        stamp = digest(*(written[o.path].key for o in outputs))
        write.write_file(folder, STAMP, stamp.hex().encode())
        return written

    written = write.publish_staged(output, fill)
    return written, [o.path for o in outputs]


def _incremental(outputs: list[Output], state: State, output: Path) -> tuple[dict[str, Written], list[str]]:
    """Remake the files whose key changed; leave the others where they are."""
    written: dict[str, Written] = {}
    changed: dict[str, bytes] = {}
    for item in outputs:
        previous = state.written.get(item.path)
        if previous is not None and previous.key == item.key:
            written[item.path] = previous
            continue
        old = (output / item.path).read_bytes() if item.composite and previous and previous.parts else None
        changed[item.path], written[item.path] = _make(item, previous, old)
    removed = sorted(state.written.keys() - written.keys())
    if changed or removed:
        stamp = digest(*(written[o.path].key for o in outputs))
        changed[STAMP] = stamp.hex().encode()
        write.update(output, changed, removed)
    return written, sorted(set(changed) - {STAMP}) + removed
