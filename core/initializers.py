"""Weight initialisers, in one registry. All randomness comes from the injected Generator.

Biases always start at zero. ``uniform01`` is James Loy's ``np.random.rand``;
``normal001`` is the L-layer article's ``randn * 0.01``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .registry import lookup

Drawer = Callable[[np.random.Generator, int, int], np.ndarray]


def _uniform01(rng: np.random.Generator, n_in: int, n_out: int) -> np.ndarray:
    return rng.random((n_in, n_out))


def _normal001(rng: np.random.Generator, n_in: int, n_out: int) -> np.ndarray:
    return rng.standard_normal((n_in, n_out)) * 0.01


def _xavier(rng: np.random.Generator, n_in: int, n_out: int) -> np.ndarray:
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, (n_in, n_out))


def _he(rng: np.random.Generator, n_in: int, n_out: int) -> np.ndarray:
    return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)


@dataclass(frozen=True)
class Initializer:
    name: str
    label: str
    draw: Drawer
    formula: str = ""


INITIALIZERS: dict[str, Initializer] = {
    i.name: i
    for i in (
        Initializer("uniform01", "Uniform [0, 1) (Loy)", _uniform01, "W ~ U[0, 1)"),
        Initializer("normal001", "Normal x 0.01", _normal001, "W ~ N(0, 1) * 0.01"),
        Initializer("xavier", "Xavier / Glorot uniform", _xavier, "W ~ U[-sqrt(6/(in+out)), +]"),
        Initializer("he", "He normal", _he, "W ~ N(0, 1) * sqrt(2/in)"),
    )
}


def get_initializer(name: str) -> Initializer:
    """Look an initialiser up by name, with a message listing the valid names."""
    return lookup(INITIALIZERS, "initialiser", name)
