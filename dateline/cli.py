"""Sub-commands: build (the default) and check. Problems print as `path:line: severity: message`."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from dateline.config import SiteConfig, load_config
from dateline.errors import Diagnostics
from dateline.pipeline import build, gather
from dateline.write import publish

COMMANDS = ("build", "check")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build a timeline site from dated events.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in (("build", "build the site into site/ (the default)"),
                            ("check", "validate the content and report problems; write nothing")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--config", type=Path, default=Path("site.toml"), help="settings file (site.toml)")
        command.add_argument("--content", type=Path, help="content folder (default: content/)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--debug", action="store_true", help="show a traceback on an internal error")
        if name == "build":
            command.add_argument("--output", type=Path, help="output folder (default: site/)")
            command.add_argument("--templates", type=Path, help="templates folder (default: templates/)")
    return parser


def _config(args: argparse.Namespace, diagnostics: Diagnostics) -> SiteConfig:
    cwd = Path.cwd()
    overrides = {
        "content_dir": _absolute(args.content, cwd),
        "output_dir": _absolute(getattr(args, "output", None), cwd),
        "templates_dir": _absolute(getattr(args, "templates", None), cwd),
    }
    return load_config(args.config.absolute(), diagnostics, **overrides)


def _absolute(path: Path | None, cwd: Path) -> Path | None:
    return None if path is None else (cwd / path).absolute()


def _report(diagnostics: Diagnostics) -> None:
    for problem in diagnostics.sorted():
        print(problem, file=sys.stderr)


def run_build(args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    config = _config(args, diagnostics)
    site = None if diagnostics.errors else build(config, diagnostics)
    _report(diagnostics)
    if site is None or diagnostics.failed(strict=args.strict):
        print("build failed: nothing was written", file=sys.stderr)
        return 1
    publish(site.files, config.output_dir)
    print(f"built {len(site.timeline.events)} events into {config.display_path(config.output_dir)}/")
    return 0


def run_check(args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    config = _config(args, diagnostics)
    if not diagnostics.errors:
        gather(config, diagnostics)
    _report(diagnostics)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if diagnostics.failed(strict=args.strict) else 0


_RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {"build": run_build, "check": run_check}


def main(argv: Sequence[str]) -> int:
    """Run one sub-command; an unexpected failure prints one line unless --debug is given."""
    arguments = list(argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "build")
    args = _parser().parse_args(arguments)
    try:
        return _RUNNERS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: internal error: {exc!r} (run with --debug for a traceback)", file=sys.stderr)
        return 2
