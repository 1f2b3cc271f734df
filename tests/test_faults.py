"""Faults: a build killed while it writes leaves the previous site whole; the preview survives a
storm of edits that alternate between broken and fixed content, and ends showing the right state."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.generate import generate
from tests.conftest import ROOT, copy_project, run_build
from tests.preview_server import PreviewServer


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(child) for task in tasks.iterdir() for child in (task / "children").read_text().split()]


def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_a_build_killed_while_writing_leaves_the_previous_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    generate(1500, project)
    shutil.copytree(ROOT / "templates", project / "templates")
    assert run_build(cwd=project).returncode == 0
    before = digests(project / "site")
    event = project / "content/events/event-000007.md"
    event.write_text(event.read_text(encoding="utf-8").replace("Title: ", "Title: Changed ", 1), encoding="utf-8")
    build = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "build", "--no-cache"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(project.glob(".building-site-*")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.002)
    time.sleep(0.02)  # well into writing the new site
    workers = children(build.pid)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert build.returncode == -signal.SIGKILL
    assert workers, "the build had no worker processes to leave behind"
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(running, workers)), "the build's workers outlived it"
    assert list(project.glob(".building-site-*")), "the build was not caught while writing"
    assert digests(project / "site") == before
    assert run_build(cwd=project).returncode == 0
    assert not list(project.glob(".building-site-*"))
    assert "Changed " in (project / "site/events/event-000007.html").read_text(encoding="utf-8")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


@pytest.mark.browser
def test_the_preview_survives_two_hundred_rapid_edits(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "content/events/storm.md"
    with PreviewServer(project) as server:
        for number in range(200):
            if number % 2:
                path.write_text(f"Title: Fixed {number}\nWhen: 8 September 2022\n\nBody.\n", encoding="utf-8")
            else:
                path.write_text(f"Title: Broken {number}\nWhen: Septembr {number} 2022\n\nBody.\n", encoding="utf-8")
            time.sleep(0.005)
        path.write_text("Title: The final state\nWhen: 8 September 2022\n\nBody.\n", encoding="utf-8")
        deadline = time.monotonic() + 20
        page = ""
        while time.monotonic() < deadline:
            page = fetch(server.url + "index.html")
            if "The final state" in page and "The build failed" not in page:
                break
            time.sleep(0.1)
        assert "The final state" in page
        assert "The build failed" not in page
        assert "Fixed 199" not in page
        assert server.process is not None and server.process.poll() is None
        assert server.stop() == 0
    assert "Traceback" not in "".join(server.output)
