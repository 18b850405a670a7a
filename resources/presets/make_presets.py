"""Write the preset data sets in this folder (run by hand; never imported by nngui).

    python resources/presets/make_presets.py [--iris PATH/TO/sklearn/iris.csv]

Deterministic: fixed seeds, values rounded to 4 decimals so the files stay
readable in the table. The circle, spiral and moons are drawn by the generators of
``core/generate.py`` (one source of truth with ``nngui generate``), from one shared
random generator in this order. The iris file is copied from scikit-learn's own copy of
the UCI data (``sklearn/datasets/data/iris.csv``: a count header, then 150 rows
with the label last); it is taken from an installed scikit-learn or from
``--iris``, and left as it is when neither is available.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # the repository: run by hand, outside the package

from core import generate  # noqa: E402
SEED = 20240607
DECIMALS = 4
IRIS_COMMENT = ("Fisher's iris data (UCI), as shipped with scikit-learn; "
                "species: 0 setosa, 1 versicolor, 2 virginica")


def _fmt(value: float) -> str:
    text = repr(float(value) + 0.0)  # + 0.0: never write -0.0
    return text[:-2] if text.endswith(".0") else text


def write(name: str, header: Sequence[str], rows: Iterable[Sequence[float]],
          comment: str | None = None) -> None:
    lines = [f"# {comment}"] if comment else []
    lines.append(",".join(header))
    lines.extend(",".join(_fmt(v) for v in row) for row in rows)
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"wrote {name}: {len(lines) - 1 - bool(comment)} rows")


def logic_tables() -> None:
    pairs = [(0, 0), (0, 1), (1, 0), (1, 1)]
    write("loy-xor.csv", ["x1", "x2", "x3", "y"],
          [(0, 0, 1, 0), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 0)],
          "James Loy's table: y = x1 XOR x2 (x3 is always 1)")
    write("xor.csv", ["x1", "x2", "y"], [(a, b, a ^ b) for a, b in pairs], "y = x1 XOR x2")
    write("and.csv", ["x1", "x2", "y"], [(a, b, a & b) for a, b in pairs], "y = x1 AND x2")
    write("or.csv", ["x1", "x2", "y"], [(a, b, a | b) for a, b in pairs], "y = x1 OR x2")


def circle(rng: np.random.Generator, n: int = 200) -> None:
    """The circle generator with radius 0.5 (not its default) and no noise."""
    xy, inside = generate.circle(rng, n, 0.0, radius=0.5)
    write("circle.csv", ["x", "y", "inside"], np.column_stack([np.round(xy, DECIMALS), inside]),
          "inside = 1 when the point lies within radius 0.5 of the origin")


def spiral(rng: np.random.Generator, per_class: int = 100, classes: int = 3) -> None:
    """Three interleaved arms, as in Stanford's CS231n notes (the spiral generator, noise 0.2)."""
    xy, label = generate.spiral(rng, per_class * classes, 0.2, classes)
    write("spiral.csv", ["x", "y", "class"], np.column_stack([np.round(xy, DECIMALS), label]),
          "three-arm spiral (CS231n style), 100 points per class 0, 1, 2")


def moons(rng: np.random.Generator, per_moon: int = 100, noise: float = 0.1) -> None:
    """Two interleaving half circles, like scikit-learn's make_moons (the moons generator)."""
    xy, label = generate.moons(rng, 2 * per_moon, noise)
    write("moons.csv", ["x", "y", "label"], np.column_stack([np.round(xy, DECIMALS), label]),
          "two moons with noise 0.1; label 0 upper moon, 1 lower moon")


def _sklearn_iris() -> Path | None:
    try:
        import importlib.resources
        path = importlib.resources.files("sklearn.datasets") / "data" / "iris.csv"
    except ImportError:
        return None
    return Path(str(path)) if path.is_file() else None


def iris(source: Path | None) -> None:
    source = source or _sklearn_iris()
    if source is None:
        print("iris.csv left as it is (no scikit-learn; pass --iris PATH to refresh it)")
        return
    lines = source.read_text(encoding="utf-8").split()
    count = int(lines[0].split(",")[0])
    rows = [line.split(",") for line in lines[1:]]
    assert count == len(rows) == 150 and all(len(r) == 5 for r in rows), "unexpected iris file"
    assert {r[4] for r in rows} == {"0", "1", "2"}
    header = "sepal_length,sepal_width,petal_length,petal_width,species"
    text = "\n".join([f"# {IRIS_COMMENT}", header, *(",".join(r) for r in rows)]) + "\n"
    (HERE / "iris.csv").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote iris.csv: {len(rows)} rows from {source}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iris", type=Path, help="scikit-learn's iris.csv to copy")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(SEED)
    logic_tables()
    circle(rng)
    spiral(rng)
    moons(rng)
    iris(args.iris)
    return 0


if __name__ == "__main__":
    sys.exit(main())
