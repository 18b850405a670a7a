"""Input normalisation fitted on the training rows and stored with the model.

``standard``: (x - mean) / std; ``minmax``: (x - min) / (max - min). A constant
column gets scale 1 so it maps to zero instead of dividing by zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NORMALIZATIONS = ("none", "standard", "minmax")


@dataclass(frozen=True)
class Normalizer:
    kind: str
    shift: np.ndarray
    scale: np.ndarray

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (X - self.shift) / self.scale

    def to_dict(self) -> dict:
        return {"kind": self.kind, "shift": self.shift.tolist(), "scale": self.scale.tolist()}

    @classmethod
    def from_dict(cls, d: dict) -> "Normalizer":
        return cls(d["kind"], np.asarray(d["shift"], dtype=np.float64),
                   np.asarray(d["scale"], dtype=np.float64))


def fit_normalizer(kind: str, X: np.ndarray) -> Normalizer | None:
    """Fit a normaliser of ``kind`` on ``X``; ``none`` gives None."""
    if kind == "none":
        return None
    if kind == "standard":
        shift, scale = X.mean(axis=0), X.std(axis=0)
    elif kind == "minmax":
        shift, scale = X.min(axis=0), X.max(axis=0) - X.min(axis=0)
    else:
        raise ValueError(f"unknown normalisation {kind!r}; expected one of {', '.join(NORMALIZATIONS)}")
    scale = np.where(scale > 0, scale, 1.0)
    return Normalizer(kind, np.array(shift, dtype=np.float64), np.array(scale, dtype=np.float64))
