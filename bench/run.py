"""`make bench`: prints a table, then one JSON object with every figure as its last line."""

from __future__ import annotations

import json

from bench import dates, preview

ROWS = (
    ("dates_us_median", "dates: median per expression", "us"),
    ("dateutil_us_median", "dateutil: median per expression", "us"),
    ("dates_vs_dateutil", "dates / dateutil", ""),
    ("preview_bundled_s", "preview, bundled: save to visible", "s"),
    ("preview_1000_s", "preview, 1,000 events: save to visible", "s"),
    ("preview_1000_max_s", "preview, 1,000 events: slowest of 7", "s"),
)


def main() -> None:
    results = {**dates.measure(), **preview.measure()}
    print(f"{'measure':<44}{'value':>12}")
    for key, label, unit in ROWS:
        print(f"{label:<44}{results[key]:>10}{unit:>2}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
