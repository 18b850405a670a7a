"""The diagram's pens and brushes, and which one each edge and node takes.

|w| is quantised into ``LEVELS`` steps per sign; pens are made once per palette and size
(:func:`make_pens`), and a report only computes each item's key (sign * LEVELS + step:
:func:`edge_keys`, :func:`ring_keys`, :func:`fill_keys`), so restyling picks pens and
touches only the items whose key changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from nngui.support.palettes import Palette, blend, diverging_rgba, grey_rgba, quantise, to_qcolors

LEVELS = 16  # |w| steps per sign: pens are made once per (sign, step)
EDGE_ALPHA_MIN = 0.22  # opacity of the weakest edge (the strongest is opaque)
NO_WEIGHTS = LEVELS // 4  # the faint step edges take before there are weights
PLAIN = -1  # ring key: plain outline (inputs, no bias); fill key: empty (no sample)


@dataclass(frozen=True)
class Pens:
    edge_widths: np.ndarray  # px per |w| step
    edges: list[list[QPen]]  # [sign][step]
    rings: list[list[QPen]]  # [sign][step]
    plain_ring: QPen
    fills: list[QBrush]  # per activation step
    empty_fill: QBrush

    def edge(self, key: int) -> QPen:
        return self.edges[key // LEVELS][key % LEVELS]

    def ring(self, key: int) -> QPen:
        return self.plain_ring if key < 0 else self.rings[key // LEVELS][key % LEVELS]

    def fill(self, key: int) -> QBrush:
        return self.empty_fill if key < 0 else self.fills[key]


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, float(width))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # ends are hidden under the nodes; flat caps paint faster
    return pen


def make_pens(palette: Palette, scale: float) -> Pens:
    """Pens and brushes per (sign, |value| step) for a palette, ``scale`` times the normal widths."""
    t = np.linspace(0.0, 1.0, LEVELS)
    widths = (1.0 + 5.0 * t) * scale  # 1..6 px at full size
    # Opacity as opaque blends over the background: translucent wide lines paint ~10x slower.
    alphas = EDGE_ALPHA_MIN + (1.0 - EDGE_ALPHA_MIN) * t
    edges = [[_pen(blend(color, palette.background, a), w) for a, w in zip(alphas, widths)]
             for color in (palette.negative, palette.positive)]
    ring_w = (1.5 + 3.0 * t) * scale
    rings = [[_pen(c, w) for c, w in zip(to_qcolors(diverging_rgba(sgn * t, 1.0, palette)), ring_w)]
             for sgn in (-1.0, 1.0)]
    return Pens(widths, edges, rings, _pen(QColor("#606060"), 1.5 * scale),
                [QBrush(c) for c in to_qcolors(grey_rgba(t))], QBrush(QColor("#ffffff")))


def edge_keys(weights: Sequence[np.ndarray] | None, shown: Sequence[int], vmax: float, count: int) -> np.ndarray:
    """Each drawn edge's key, layer by layer and row by row (``count`` faint ones without weights)."""
    if weights is None:
        return np.full(count, LEVELS + NO_WEIGHTS, dtype=np.int64)
    w = np.concatenate([W[: shown[l], : shown[l + 1]].ravel() for l, W in enumerate(weights)])
    return (w >= 0).astype(np.int64) * LEVELS + quantise(w, vmax, LEVELS)


def ring_keys(biases: Sequence[np.ndarray | None] | None, sizes: Sequence[int], shown: Sequence[int],
              vmax: float) -> np.ndarray:
    """Each drawn node's outline key: by its bias on the weights' scale; ``PLAIN`` for inputs or no biases."""
    keys = np.full(sum(shown), PLAIN, dtype=np.int64)
    if biases is not None:
        b = [np.zeros(sizes[l + 1]) if v is None else v for l, v in enumerate(biases)]
        drawn = np.concatenate([v[: shown[l + 1]] for l, v in enumerate(b)])
        keys[shown[0]:] = (drawn >= 0) * LEVELS + quantise(drawn, vmax, LEVELS)
    return keys


def fill_keys(sample: Sequence[np.ndarray] | None, shown: Sequence[int]) -> np.ndarray:
    """Each drawn node's fill key: the selected row's activation on its layer's range; ``PLAIN`` without one."""
    if sample is None:
        return np.full(sum(shown), PLAIN, dtype=np.int64)
    parts = []
    for l, a in enumerate(sample):
        fin = a[np.isfinite(a)]
        lo = min(0.0, float(fin.min())) if fin.size else 0.0
        hi = max(1.0, float(fin.max())) if fin.size else 1.0
        parts.append(quantise(np.clip(a[: shown[l]] - lo, 0, None), hi - lo, LEVELS))
    return np.concatenate(parts)
