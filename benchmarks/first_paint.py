"""First paint of two source trees side by side (issue 17): ``python -m benchmarks.first_paint OLD NEW [-n 7]``.

Each round starts a fresh interpreter on OLD, then one on NEW (``window._first_paint_seconds``: process
start to the main window's first paint, the seed XOR example loaded, offscreen), so both share whatever
else the machine does; it prints every round and the medians. Both trees' ``.pyc`` files are written
first (``compileall``): a tree whose cached bytecode is stale would pay for compiling its sources
(PYTHONDONTWRITEBYTECODE=1 keeps them stale), which is not what is measured here.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics

from .window import _first_paint_seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.first_paint", description=__doc__.splitlines()[0])
    p.add_argument("old", help="the source tree before (a checkout's root)")
    p.add_argument("new", help="the source tree after")
    p.add_argument("-n", type=int, default=7, help="rounds (default 7)")
    args = p.parse_args(argv)
    trees = {"before": os.path.abspath(args.old), "after": os.path.abspath(args.new)}
    for tree in trees.values():
        for package in ("core", "nngui"):
            compileall.compile_dir(os.path.join(tree, package), quiet=1)
    times: dict[str, list[float]] = {name: [] for name in trees}
    print(f"{'round':>5} {'before s':>9} {'after s':>9}")
    for i in range(args.n):
        for name, tree in trees.items():
            times[name].append(_first_paint_seconds(tree))
        print(f"{i + 1:>5} {times['before'][-1]:>9.3f} {times['after'][-1]:>9.3f}", flush=True)
    med = {name: statistics.median(t) for name, t in times.items()}
    ratio = med["after"] / med["before"]
    print(f"{'median':>6} {med['before']:>8.3f} {med['after']:>9.3f}   (after/before {ratio:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
