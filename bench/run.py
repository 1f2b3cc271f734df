"""`make bench`: prints a table, then one JSON object with every figure as its last line.

BENCH_N events are generated (1,000 unless set; 10,000 and 100,000 are the archive sizes) and
built by Dateline (cold, warm, after an edit), by Pelican and by Hugo (bench/peers.py, in their
own venv); the index is loaded and filtered in headless Chromium; the preview's save-to-visible
time is measured on the same events; and the date normaliser is timed against dateutil. Each
figure is a median of BENCH_RUNS runs (3 unless set; the peers build a 100,000-event site once).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from bench import builds, dates, index, peers, preview

ROWS = (
    ("events", "events", ""),
    ("cold_s", "Dateline: cold build", "s"),
    ("warm_s", "Dateline: rebuild, nothing changed", "s"),
    ("edit_s", "Dateline: rebuild after a body edit", "s"),
    ("retitle_s", "Dateline: rebuild after a title edit", "s"),
    ("peak_mib", "Dateline: peak memory, cold build", "MiB"),
    ("pelican_cold_s", "Pelican 4.12: cold build", "s"),
    ("hugo_cold_s", "Hugo 0.168: cold build", "s"),
    ("cold_vs_pelican", "Dateline cold / Pelican cold", "x"),
    ("cold_vs_hugo", "Dateline cold / Hugo cold", "x"),
    ("index_load_s", "index: load in Chromium", "s"),
    ("index_filter_s", "index: filter by a tag", "s"),
    ("index_search_s", "index: first search (loads its data)", "s"),
    ("preview_edit_s", "preview: body edit, save to visible", "s"),
    ("preview_edit_max_s", "preview: body edit, slowest of 7", "s"),
    ("preview_title_s", "preview: title edit, seen on its page", "s"),
    ("preview_title_max_s", "preview: title edit, slowest of 7", "s"),
    ("preview_bundled_s", "preview, bundled: title edit, save to visible", "s"),
    ("preview_1000_s", "preview, 1,000 events: title edit", "s"),
    ("preview_1000_max_s", "preview, 1,000 events: slowest of 7", "s"),
    ("dates_us_median", "dates: median per expression", "us"),
    ("dateutil_us_median", "dateutil: median per expression", "us"),
    ("dates_vs_dateutil", "dates / dateutil", "x"),
)


def main() -> None:
    count = int(os.environ.get("BENCH_N", "1000"))
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    try:
        project = builds.project(count, work / "project")
        results: dict[str, float] = {**builds.measure(project, runs)}
        results.update(peers.measure(project / "content", work / "peers", runs if count <= 10_000 else 1))
        results["cold_vs_pelican"] = round(results["cold_s"] / results["pelican_cold_s"], 3)
        results["cold_vs_hugo"] = round(results["cold_s"] / results["hugo_cold_s"], 2)
        results.update(index.measure(project / "site", "trade talks"))
        results.update(preview.measure_at(project))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results.update(preview.measure())
    results.update(dates.measure())
    print(f"{'measure':<48}{'value':>12}")
    for key, label, unit in ROWS:
        print(f"{label:<48}{results[key]:>12} {unit}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
