"""`make bench`: prints a table, then one JSON object with every figure as its last line."""

from __future__ import annotations

import json

from bench import dates


def main() -> None:
    results = dates.measure()
    print(f"{'measure':<28}{'value':>12}")
    print(f"{'dates: median per expression':<28}{results['dates_us_median']:>10.1f}us")
    print(f"{'dateutil: median per expr.':<28}{results['dateutil_us_median']:>10.1f}us")
    print(f"{'dates / dateutil':<28}{results['dates_vs_dateutil']:>12.2f}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
