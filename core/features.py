"""Input features: optional derived inputs computed after normalisation, as in TensorFlow Playground.

A network with features sees, for ``n`` normalised inputs ``x1 .. xn``, these columns in
this order (whichever of the features are chosen, always in this order):

1. the normalised inputs ``x1 .. xn``;
2. ``squares``: ``x1², .., xn²``;
3. ``products``: ``xi·xj`` for every pair ``i < j``, row-major (``x1·x2, x1·x3, .., x2·x3, ..``);
4. ``sin``: ``sin x1, .., sin xn``.

The first layer's width is :func:`width`; a data set's columns stay the raw inputs.
:data:`FEATURES` is the registry the settings build their choices from. Asking for more
than :data:`MAX_DERIVED` derived columns (products of 200 inputs would be 19,900) is
refused with a :class:`FeatureError` that says so.

Pure NumPy: this module never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

__all__ = ["FEATURES", "MAX_DERIVED", "Feature", "FeatureError", "parse_features", "canonical",
           "derived_count", "width", "check_width", "expand", "feature_names"]

MAX_DERIVED = 1000  # derived columns at most, over all features


class FeatureError(ValueError):
    """An unknown feature, one listed twice, or more derived columns than :data:`MAX_DERIVED`."""


@dataclass(frozen=True)
class Feature:
    """One kind of derived input: how many columns it adds for ``n`` inputs, their values and names."""

    name: str
    title: str
    count: Callable[[int], int]
    compute: Callable[[np.ndarray], np.ndarray]  # (rows, n) normalised inputs -> (rows, count(n))
    names: Callable[[Sequence[str]], list[str]]


def _pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Row-major index pairs (i, j), i < j: (0, 1), (0, 2), .., (1, 2), .."""
    return np.triu_indices(n, 1)


def _products(X: np.ndarray) -> np.ndarray:
    i, j = _pairs(X.shape[1])
    return X[:, i] * X[:, j]


def _product_names(names: Sequence[str]) -> list[str]:
    i, j = _pairs(len(names))
    return [f"{names[a]}·{names[b]}" for a, b in zip(i.tolist(), j.tolist())]


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("squares", "Squares (x²)", lambda n: n, lambda X: X * X,
                lambda names: [f"{name}²" for name in names]),
        Feature("products", "Products (xi·xj)", lambda n: n * (n - 1) // 2, _products, _product_names),
        Feature("sin", "Sines (sin x)", lambda n: n, np.sin, lambda names: [f"sin {name}" for name in names]),
    )
}


def canonical(features: Iterable[str]) -> tuple[str, ...]:
    """The features in the order their columns come (the registry's), each checked and listed once."""
    given = list(features)
    for name in given:
        if name not in FEATURES:
            raise FeatureError(f"unknown feature {name!r}; expected one of {', '.join(FEATURES)}")
        if given.count(name) > 1:
            raise FeatureError(f"feature {name!r} is listed twice")
    return tuple(name for name in FEATURES if name in given)


def parse_features(text: str) -> tuple[str, ...]:
    """``"sin, squares"`` -> ``("squares", "sin")``; ``""`` or ``"none"`` -> ``()``."""
    stripped = text.strip()
    if stripped.lower() in ("", "none"):
        return ()
    return canonical(part.strip() for part in stripped.split(","))


def derived_count(features: Iterable[str], n_inputs: int) -> int:
    """How many columns the features add to ``n_inputs`` inputs."""
    return sum(FEATURES[name].count(n_inputs) for name in canonical(features))


def width(features: Iterable[str], n_inputs: int) -> int:
    """The first layer's width: the inputs plus every derived column."""
    return n_inputs + derived_count(features, n_inputs)


def check_width(features: Iterable[str], n_inputs: int) -> int:
    """:func:`width`, or a FeatureError when the features would add more than MAX_DERIVED columns."""
    chosen = canonical(features)
    counts = {name: FEATURES[name].count(n_inputs) for name in chosen}
    total = sum(counts.values())
    if total > MAX_DERIVED:
        each = ", ".join(f"{name} {count:,}" for name, count in counts.items())
        raise FeatureError(
            f"{' + '.join(chosen)} on {n_inputs:,} inputs would add {total:,} derived input columns ({each}); "
            f"at most {MAX_DERIVED:,} derived columns are allowed: choose fewer inputs or fewer features")
    return n_inputs + total


def expand(X: np.ndarray, features: Iterable[str]) -> np.ndarray:
    """The network's inputs for normalised inputs ``X`` (rows, n): ``X`` then each feature's columns.

    Without features ``X`` itself is returned (no copy).
    """
    chosen = canonical(features)
    if not chosen:
        return X
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X, *(FEATURES[name].compute(X) for name in chosen)])


def feature_names(input_names: Sequence[str], features: Iterable[str]) -> list[str]:
    """The name of every network input, e.g. ``x1, x2, x1², x2², x1·x2, sin x1, sin x2`` (for the diagram)."""
    names = [str(name) for name in input_names]
    out = list(names)
    for name in canonical(features):
        out += FEATURES[name].names(names)
    return out
