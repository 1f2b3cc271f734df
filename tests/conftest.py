"""Shared fixtures: the project's paths, a built copy of the bundled site, a headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python build.py ARGS` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def copy_project(target: Path) -> Path:
    """A private copy of the bundled project (content, templates, settings) to build and break."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "site.toml", target / "site.toml")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled timeline built once into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
