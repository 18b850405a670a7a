"""The decision map's colours (pure NumPy but for :func:`rgba_image`): one per class, a diverging scale for
probabilities and values, lightened behind the data points, and :class:`MapStyle`, which picks them for a
session's output."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from core import inspect as ins

from nngui.support.palettes import Palette, hex_to_rgb

BACKGROUND_STRENGTH = 0.6  # map colours are this much of the full colour over white (points stay readable)
# Classes beyond the palette's own two colours (Dark2-like, distinguishable on white).
EXTRA_CLASS_COLOURS = ("#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#666666", "#e6ab02", "#17becf")

KIND_CLASSES, KIND_PROBABILITY, KIND_VALUE = "classes", "probability", "value"



def class_colours(k: int, palette: Palette) -> np.ndarray:
    """(k, 3) float RGB: the palette's negative and positive hues first, then fixed extra hues."""
    names = [palette.negative, palette.positive, *EXTRA_CLASS_COLOURS]
    return np.array([hex_to_rgb(names[c % len(names)]) for c in range(k)])


def diverging(t: np.ndarray, palette: Palette) -> np.ndarray:
    """t in [-1, 1] -> RGB float (..., 3): negative hue at -1, white at 0, positive hue at 1."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=np.float64), nan=0.0), -1.0, 1.0)
    white = np.array([255.0, 255.0, 255.0])
    hue = np.where((t < 0)[..., None], hex_to_rgb(palette.negative), hex_to_rgb(palette.positive))
    return white + (hue - white) * np.abs(t)[..., None]


def lighten(rgb: np.ndarray, strength: float = BACKGROUND_STRENGTH) -> np.ndarray:
    """Mix RGB with white: ``strength`` of the colour."""
    return 255.0 - (255.0 - rgb) * strength


def to_rgba8(rgb: np.ndarray) -> np.ndarray:
    out = np.empty(rgb.shape[:-1] + (4,), dtype=np.uint8)
    out[..., :3] = np.clip(np.rint(rgb), 0, 255)
    out[..., 3] = 255
    return out


def rgba_image(rgba: np.ndarray) -> QImage:
    """A QImage (owning its pixels) of an (h, w, 4) uint8 array, row 0 at the top."""
    a = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


class MapStyle:
    """How outputs and targets become colours for one data set and network."""

    def __init__(self, kind: str, palette: Palette, k: int = 1, centre: float = 0.5, half: float = 0.5,
                 output: int = 0) -> None:
        self.kind, self.palette, self.k = kind, palette, k
        self.centre, self.half, self.output = centre, max(half, 1e-12), output
        self.colours = class_colours(k, palette) if kind == KIND_CLASSES else None

    @classmethod
    def for_session(cls, session: ins.Session, output_activation: str, palette: Palette, output: int = 0) -> "MapStyle":
        k = session.n_outputs
        if output_activation == "softmax" and k > 1:
            return cls(KIND_CLASSES, palette, k)
        output = min(max(0, output), k - 1)
        if output_activation == "sigmoid" or output_activation == "softmax":
            return cls(KIND_PROBABILITY, palette, k, 0.5, 0.5, output)
        y = session.dataset.Y[:, output]
        y = y[np.isfinite(y)]
        lo, hi = (float(y.min()), float(y.max())) if y.size else (-1.0, 1.0)
        centre = (lo + hi) / 2
        return cls(KIND_VALUE, palette, k, centre, (hi - lo) / 2 if hi > lo else 1.0, output)

    def output_rgb(self, out: np.ndarray) -> np.ndarray:
        """Full-strength RGB of outputs (..., k)."""
        if self.kind == KIND_CLASSES:
            P = np.clip(np.nan_to_num(out, nan=0.0), 0.0, 1.0)
            s = P.sum(axis=-1, keepdims=True)
            P = np.where(s > 0, P / np.where(s > 0, s, 1.0), 1.0 / self.k)
            return P @ self.colours
        return diverging((out[..., self.output] - self.centre) / self.half, self.palette)

    def map_rgba(self, out: np.ndarray, discrete: bool = False) -> np.ndarray:
        """(ny, nx, 4) uint8 background colours of a grid of outputs (ny, nx, k); ``discrete`` (Playground's
        *Discretise output*): each cell in its predicted class's colour (largest output, or side of the middle)."""
        if not discrete:
            return to_rgba8(lighten(self.output_rgb(out)))
        if self.kind == KIND_CLASSES:
            return to_rgba8(lighten(self.colours[np.argmax(np.nan_to_num(out, nan=-np.inf), axis=-1)]))
        return to_rgba8(lighten(diverging(np.where(out[..., self.output] >= self.centre, 1.0, -1.0), self.palette)))

    def target_rgba(self, Y: np.ndarray, classes: np.ndarray | None) -> np.ndarray:
        """(n, 4) uint8 colours of the data points from their targets."""
        if self.kind == KIND_CLASSES and classes is not None:
            return to_rgba8(self.colours[classes])
        return to_rgba8(diverging((Y[:, self.output] - self.centre) / self.half, self.palette))


def unit_rgba(values: np.ndarray, activation: str, palette: Palette, colour: np.ndarray | None = None) -> np.ndarray:
    """Colours for one unit's activations: around 0.5 for sigmoid, white -> ``colour`` for a softmax unit,
    around 0 otherwise (tanh on [-1, 1]; relu, linear, ... on ±max|a|)."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    if activation == "softmax" and colour is not None:
        t = np.clip(v, 0.0, 1.0)[..., None]
        rgb = 255.0 + (colour - 255.0) * t
    elif activation in ("sigmoid", "softmax"):
        rgb = diverging((v - 0.5) / 0.5, palette)
    elif activation == "tanh":
        rgb = diverging(v, palette)
    else:
        m = float(np.abs(v).max(initial=0.0))
        rgb = diverging(v / (m if m > 0 else 1.0), palette)
    return to_rgba8(lighten(rgb, 0.85))



# ---------------------------------------------------------------------------------- the unit popup
