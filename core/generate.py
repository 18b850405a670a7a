"""Generated data sets, as in TensorFlow Playground: a registry of generators and one function to call them.

Each generator draws ``rows`` rows from ``numpy.random.default_rng(seed)`` (the same seed
gives the same data, bit for bit) with a noise level from 0 to 0.5 (0 to 50 %):

=========  ==============  =====================================================================
name       kind            rows, and what the noise does
=========  ==============  =====================================================================
circle     classification  points uniform in the square [-1, 1]²; class 1 inside the circle of
                           radius sqrt(2/pi) (half the square's area); the class is that of the
                           point moved by uniform(-1, 1) * noise in x and y, so labels near the
                           circle get mixed
xor        classification  points uniform in [-1, 1]², kept 0.05 away from the axes; class 1 when
                           x1 and x2 have opposite signs (of the point moved as for circle)
gauss      classification  two Gaussian blobs, class 0 around (-0.5, -0.5) and class 1 around
                           (0.5, 0.5), half the rows each; standard deviation 0.15 + 0.7 * noise
spiral     classification  three interleaved spiral arms (classes 0, 1, 2, a third of the rows
                           each; CS231n's spiral); the angle jitters by normal(0, noise) radians
moons      classification  two interleaving half circles (class 0 upper, 1 lower, half the rows
                           each), as scikit-learn's make_moons; each point moves by normal(0, noise)
plane      regression      x1, x2 uniform in [-1, 1]; y = (x1 + x2) / 2 + normal(0, noise)
sine       regression      x1 uniform in [-1, 1]; y = sin(pi * x1) + normal(0, noise)
=========  ==============  =====================================================================

Classification rows come in a random order, so the last rows make a fair validation set:
:func:`split` holds out the last ``round(validation * rows)`` rows. The inputs are named
``x1``, ``x2``, ..., the target ``y``. The built-in presets ``circle``, ``spiral`` and
``moons`` were drawn by these same generators (``resources/presets/make_presets.py``).

Pure NumPy: this module never imports Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .config import ConfigError
from .data import Dataset
from .registry import lookup

__all__ = ["GENERATORS", "Generator", "MAX_NOISE", "MAX_ROWS", "circle", "xor", "gauss", "spiral",
           "moons", "plane", "sine", "check", "generate", "split", "get_generator"]

MAX_NOISE = 0.5  # 50 %
MAX_ROWS = 1_000_000
MAX_VALIDATION = 0.9
CIRCLE_RADIUS = math.sqrt(2.0 / math.pi)  # the circle holds half the square [-1, 1]²
XOR_PADDING = 0.05

Arrays = tuple[np.ndarray, np.ndarray]  # inputs (rows, k) and targets (rows,)


# ---------------------------------------------------------------------------
# The generators: (rng, rows, noise) -> (X, y); every random draw is listed in order
# ---------------------------------------------------------------------------


def circle(rng: np.random.Generator, rows: int, noise: float, radius: float = CIRCLE_RADIUS) -> Arrays:
    """Points uniform in [-1, 1]²; y = 1 inside ``radius`` (of the point moved by uniform noise)."""
    X = rng.uniform(-1.0, 1.0, size=(rows, 2))
    P = X + rng.uniform(-1.0, 1.0, size=(rows, 2)) * noise if noise else X
    return X, (P[:, 0] ** 2 + P[:, 1] ** 2 < radius * radius).astype(np.float64)


def xor(rng: np.random.Generator, rows: int, noise: float) -> Arrays:
    """Points uniform in [-1, 1]², moved 0.05 away from the axes; y = 1 when x1 * x2 < 0."""
    X = rng.uniform(-1.0, 1.0, size=(rows, 2))
    X += np.where(X >= 0, XOR_PADDING, -XOR_PADDING)
    P = X + rng.uniform(-1.0, 1.0, size=(rows, 2)) * noise if noise else X
    return X, (P[:, 0] * P[:, 1] < 0).astype(np.float64)


def _counts(rows: int, classes: int) -> list[int]:
    """Rows per class, as equal as can be (the first classes get the extra rows)."""
    return [rows // classes + (k < rows % classes) for k in range(classes)]


def gauss(rng: np.random.Generator, rows: int, noise: float) -> Arrays:
    """Class 0 around (-0.5, -0.5), class 1 around (0.5, 0.5); spread 0.15 + 0.7 * noise."""
    n0, n1 = _counts(rows, 2)
    y = np.r_[np.zeros(n0), np.ones(n1)]
    centres = np.where(y[:, None] == 1, 0.5, -0.5)
    X = centres + rng.normal(0.0, 0.15 + 0.7 * noise, size=(rows, 2))
    order = rng.permutation(rows)
    return X[order], y[order]


def spiral(rng: np.random.Generator, rows: int, noise: float, classes: int = 3) -> Arrays:
    """Interleaved arms (CS231n): arm k has radius 0..1 over angles 4k..4(k+1) + normal(0, noise)."""
    blocks = []
    for k, n in enumerate(_counts(rows, classes)):
        r = np.linspace(0.0, 1.0, n)
        t = np.linspace(k * 4.0, (k + 1) * 4.0, n) + rng.normal(0.0, noise, n)
        blocks.append(np.column_stack([r * np.sin(t), r * np.cos(t), np.full(n, float(k))]))
    data = np.vstack(blocks)[rng.permutation(rows)]
    return np.ascontiguousarray(data[:, :2]), data[:, 2].copy()


def moons(rng: np.random.Generator, rows: int, noise: float) -> Arrays:
    """Two interleaving half circles (scikit-learn's make_moons); every point moves by normal(0, noise)."""
    n0, n1 = _counts(rows, 2)
    t0, t1 = np.linspace(0.0, np.pi, n0), np.linspace(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0), np.zeros(n0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1), np.ones(n1)])
    data = np.vstack([upper, lower])
    data[:, :2] += rng.normal(0.0, noise, size=(rows, 2))
    data = data[rng.permutation(rows)]
    return np.ascontiguousarray(data[:, :2]), data[:, 2].copy()


def plane(rng: np.random.Generator, rows: int, noise: float) -> Arrays:
    """x1, x2 uniform in [-1, 1]; y = (x1 + x2) / 2 + normal(0, noise)."""
    X = rng.uniform(-1.0, 1.0, size=(rows, 2))
    return X, (X[:, 0] + X[:, 1]) / 2.0 + rng.normal(0.0, noise, rows)


def sine(rng: np.random.Generator, rows: int, noise: float) -> Arrays:
    """x1 uniform in [-1, 1]; y = sin(pi * x1) + normal(0, noise)."""
    X = rng.uniform(-1.0, 1.0, size=(rows, 1))
    return X, np.sin(np.pi * X[:, 0]) + rng.normal(0.0, noise, rows)


# ---------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Generator:
    """A generated data set: its name, title, kind, shape and the function that draws it."""

    name: str
    title: str
    description: str
    kind: str  # "classification" or "regression"
    inputs: int
    classes: int  # 0 for regression
    draw: Callable[[np.random.Generator, int, float], Arrays]

    @property
    def min_rows(self) -> int:
        """The fewest rows that make sense: one per class (two for regression)."""
        return max(2, self.classes)


GENERATORS: dict[str, Generator] = {
    g.name: g
    for g in (
        Generator("circle", "Circle", "Class 1 inside a circle, class 0 around it.",
                  "classification", 2, 2, circle),
        Generator("xor", "XOR", "Class 1 in the quadrants where x1 and x2 have opposite signs.",
                  "classification", 2, 2, xor),
        Generator("gauss", "Two Gaussian blobs", "Two clouds of points, one per class; noise widens them.",
                  "classification", 2, 2, gauss),
        Generator("spiral", "Spiral (3 classes)", "Three interleaved spiral arms.",
                  "classification", 2, 3, spiral),
        Generator("moons", "Two moons", "Two interleaving half circles.",
                  "classification", 2, 2, moons),
        Generator("plane", "Plane (regression)", "y = (x1 + x2) / 2.", "regression", 2, 0, plane),
        Generator("sine", "Sine (regression)", "y = sin(pi x1), one input.", "regression", 1, 0, sine),
    )
}


def get_generator(name: str) -> Generator:
    """Look a generator up by name, with a message listing the valid names."""
    return lookup(GENERATORS, "data set", name)


def check(name: str, rows: int, noise: float, seed: int = 0, validation: float = 0.0) -> Generator:
    """The generator, or a ConfigError naming the setting (name, rows, noise, seed or validation)."""
    if name not in GENERATORS:
        raise ConfigError("name", f"unknown data set {name!r}; expected one of {', '.join(GENERATORS)}")
    gen = GENERATORS[name]
    if not isinstance(rows, int) or isinstance(rows, bool) or not gen.min_rows <= rows <= MAX_ROWS:
        raise ConfigError("rows", f"must be a whole number from {gen.min_rows} to {MAX_ROWS:,} for {name}, "
                          f"got {rows!r}")
    if (not isinstance(noise, (int, float)) or isinstance(noise, bool) or not math.isfinite(noise)
            or not 0.0 <= noise <= MAX_NOISE):
        raise ConfigError("noise", f"must be from 0 to {MAX_NOISE:g} (0 to {MAX_NOISE:.0%}), got {noise!r}")
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ConfigError("seed", f"must be a whole number >= 0, got {seed!r}")
    if (not isinstance(validation, (int, float)) or isinstance(validation, bool)
            or not 0.0 <= validation <= MAX_VALIDATION):
        raise ConfigError("validation", f"must be a fraction from 0 to {MAX_VALIDATION:g}, got {validation!r}")
    if rows - int(round(validation * rows)) < 1:
        raise ConfigError("validation", f"holding out {validation:g} of {rows} rows leaves none to train on")
    return gen


def generate(name: str, rows: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """Draw the data set ``name``: inputs ``x1``, ``x2``, ... and the target ``y``.

    Raises ConfigError for a setting out of range (noise above 0.5, too few rows, ...).
    """
    gen = check(name, rows, noise, seed)
    X, y = gen.draw(np.random.default_rng(seed), rows, float(noise))
    names = tuple(f"x{i}" for i in range(1, X.shape[1] + 1))
    return Dataset(X, y.reshape(-1, 1), names, ("y",), name)


def split(dataset: Dataset, validation: float) -> tuple[Dataset, Dataset | None]:
    """(training rows, validation rows): the last ``round(validation * rows)`` rows are held out."""
    n = dataset.n_samples
    n_val = int(round(validation * n)) if validation else 0
    if not n_val:
        return dataset, None
    cut = n - n_val

    def part(rows: slice, suffix: str) -> Dataset:
        return Dataset(dataset.X[rows], dataset.Y[rows], dataset.input_names, dataset.target_names,
                       f"{dataset.source} ({suffix})")

    return part(slice(0, cut), "training"), part(slice(cut, n), "validation")
