"""Run the benchmarks, print the table, write the JSON result file.

    python -m benchmarks [--quick] [--only W1,W2] [--out bench-results.json]

Every figure is a ratio measured side by side in this one run (runners interleaved,
median of repeats), because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

from . import workloads


def _fmt(v, digits=3) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.{digits}g}"
    return str(v)


def print_table(result: dict) -> None:
    cols = result.get("columns", (result["unit"], "ratio"))
    print(f"\n{result['workload']}")
    width = max(len(r[0]) for r in result["rows"]) + 2
    print("  " + "".ljust(width) + "".join(c.rjust(18) for c in cols))
    for row in result["rows"]:
        print("  " + row[0].ljust(width) + "".join(_fmt(v).rjust(18) for v in row[1:]))
    for key in ("calls_per_epoch", "peak_gflops", "note"):
        if key in result:
            print(f"  {key}: {result[key]}")
    for s in result.get("skipped", []):
        print(f"  skipped: {s}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller workloads, fewer repeats (a smoke run)")
    ap.add_argument("--only", default="W1,W2,W3,W4,W5,W6,W7,W8", help="comma list of workloads")
    ap.add_argument("--out", default="bench-results.json", help="JSON result file")
    args = ap.parse_args(argv)
    only = {w.strip().upper() for w in args.only.split(",")}
    q = args.quick
    print(f"nngui benchmarks: Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{os.cpu_count()} cores, {platform.machine()}")
    results = []
    plan = [
        ("W1", lambda: workloads.w1(epochs=10_000 if q else 100_000, repeats=3 if q else 5)),
        ("W2", lambda: workloads.w2(epochs=100 if q else 1000, repeats=2 if q else 3)),
        ("W3", lambda: workloads.w3(rows=10_000 if q else 100_000, epochs=1 if q else 5, repeats=2 if q else 3)),
    ]
    try:
        from . import window
        from . import big, smooth
        plan += [("W4", lambda: window.w4(quick=q)), ("W5", lambda: window.w5(quick=q)),
                 ("W6", lambda: smooth.w6(quick=q)),
                 ("W7", lambda: big.w7(quick=q)), ("W8", lambda: big.w8(quick=q))]
    except ImportError as e:  # the window benchmarks need the Qt app
        print(f"skipped W4-W8: {e}")
    for name, fn in plan:
        if name not in only:
            continue
        t = time.perf_counter()
        r = fn()
        r["seconds"] = round(time.perf_counter() - t, 1)
        print_table(r)
        results.append(r)
        sys.stdout.flush()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"python": platform.python_version(), "numpy": np.__version__, "results": results}, f,
                  indent=1, default=str)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
