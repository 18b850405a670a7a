"""Colour palettes shared by the views, and the few helpers that turn numbers into colours.

A palette is diverging: one hue for negative values, one for positive, a neutral
grey in the middle. The default pair (blue / orange) stays distinguishable with the
common colour-vision deficiencies; "high-contrast" darkens and saturates it for
projectors; "colorblind" uses the Okabe-Ito blue / vermillion pair.

Array helpers return plain ``uint8`` RGBA arrays (vectorised, cheap); ``to_qcolors``
turns them into ``QColor`` objects only where a view needs them.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor, QImage

from nngui.support.core_messages import core_text
from nngui.support.i18n import fmt, translate


@dataclass(frozen=True)
class Palette:
    """Named colours (``#rrggbb``) used by the loss plot and the network diagram."""

    name: str
    label: str
    negative: str
    positive: str
    neutral: str
    background: str = "#ffffff"
    text: str = "#202020"
    training: str = "#1f5fa8"  # loss curves
    validation: str = "#d35400"
    ghost: str = "#8c8c8c"
    # Earlier runs on the loss plot, one colour each (in turn), faded: none is the training blue.
    runs: tuple[str, ...] = ("#7b3294", "#1b9e77", "#a6761d", "#e7298a", "#66a61e", "#525252", "#d95f02", "#386cb0")


PALETTES: dict[str, Palette] = {
    p.name: p
    for p in (
        Palette("default", "Default (blue / orange)", "#2c7bb6", "#e66101", "#c8c8c8"),
        Palette(
            "high-contrast", "High contrast", "#0033a0", "#d03000", "#8a8a8a",
            text="#000000", training="#0033a0", validation="#d03000", ghost="#707070",
            runs=("#6a006a", "#006d2c", "#7f3b08", "#b3006b", "#3f6f00", "#333333", "#8c2d04", "#00468b"),
        ),
        Palette(
            "colorblind", "Colour-blind safe (Okabe-Ito)", "#0072b2", "#d55e00", "#bdbdbd",
            training="#0072b2", validation="#e69f00",
            runs=("#cc79a7", "#009e73", "#56b4e9", "#f0e442", "#d55e00", "#000000", "#999999", "#e69f00"),
        ),
    )
}
DEFAULT_PALETTE = "default"


def palette_names() -> list[str]:
    """Names accepted by :func:`get_palette`, default first."""
    return list(PALETTES)


def get_palette(name: str) -> Palette:
    """The palette called ``name``; ValueError naming the known ones otherwise."""
    try:
        return PALETTES[name]
    except KeyError:
        raise ValueError(f"palette: unknown {name!r}; choose one of {', '.join(PALETTES)}") from None


def hex_to_rgb(color: str) -> np.ndarray:
    """``#rrggbb`` -> float array [r, g, b] in 0..255."""
    c = color.lstrip("#")
    return np.array([int(c[k : k + 2], 16) for k in (0, 2, 4)], dtype=np.float64)


def qcolor(color: str, alpha: float = 1.0) -> QColor:
    """A QColor from ``#rrggbb`` with an alpha in 0..1."""
    q = QColor(color)
    q.setAlphaF(float(np.clip(alpha, 0.0, 1.0)))
    return q


def blend(color: str, background: str, alpha: float) -> QColor:
    """The opaque colour ``color`` drawn at ``alpha`` over ``background``.

    Views use it instead of translucent pens: Qt's raster engine strokes wide translucent
    antialiased lines about ten times slower than opaque ones.
    """
    a = float(np.clip(alpha, 0.0, 1.0))
    rgb = hex_to_rgb(background) * (1.0 - a) + hex_to_rgb(color) * a
    return QColor(*(int(round(c)) for c in rgb))


def quantise(values: np.ndarray, vmax: float, levels: int) -> np.ndarray:
    """|values| / vmax mapped to integer levels 0..levels-1 (0 when vmax is 0 or not finite)."""
    v = np.abs(np.asarray(values, dtype=np.float64))
    if not np.isfinite(vmax) or vmax <= 0:
        return np.zeros(v.shape, dtype=np.int64)
    t = np.nan_to_num(v / vmax, nan=0.0, posinf=1.0)
    return np.minimum(np.rint(t * (levels - 1)), levels - 1).astype(np.int64)


def diverging_rgba(values: np.ndarray, vmax: float, palette: Palette, alpha: float = 1.0) -> np.ndarray:
    """Colours for ``values``: neutral at 0, the palette's negative/positive hue at ±vmax.

    Returns an (n, 4) uint8 array; values beyond ±vmax saturate, NaN maps to neutral.
    """
    v = np.nan_to_num(np.asarray(values, dtype=np.float64).ravel(), nan=0.0)
    t = np.clip(np.abs(v) / vmax, 0.0, 1.0) if vmax > 0 and np.isfinite(vmax) else np.zeros_like(v)
    neutral = hex_to_rgb(palette.neutral)
    hue = np.where((v < 0)[:, None], hex_to_rgb(palette.negative), hex_to_rgb(palette.positive))
    rgb = neutral + (hue - neutral) * t[:, None]
    out = np.empty((v.size, 4), dtype=np.uint8)
    out[:, :3] = np.rint(rgb)
    out[:, 3] = int(round(255 * float(np.clip(alpha, 0.0, 1.0))))
    return out


def grey_rgba(values: np.ndarray, lo: float = 0.0, hi: float = 1.0) -> np.ndarray:
    """Grey scale for activations: ``lo`` -> white, ``hi`` -> near black; (n, 4) uint8."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64).ravel(), nan=lo)
    span = hi - lo if hi > lo else 1.0
    t = np.clip((v - lo) / span, 0.0, 1.0)
    g = np.rint(255 - t * (255 - 32))
    out = np.empty((v.size, 4), dtype=np.uint8)
    out[:, 0] = out[:, 1] = out[:, 2] = g
    out[:, 3] = 255
    return out


def to_qcolors(rgba: np.ndarray) -> list[QColor]:
    """One QColor per row of an (n, 4) RGBA array."""
    return [QColor(int(r), int(g), int(b), int(a)) for r, g, b, a in np.asarray(rgba).reshape(-1, 4)]


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def save_image_atomic(image: QImage, path: str | os.PathLike) -> None:
    """Write ``image`` as PNG to ``path`` via a temporary file in the same folder, then ``os.replace``.

    A failed export never leaves a half-written file where the user expects the image.
    """
    path = os.fspath(path)
    if image.isNull():
        raise OSError(fmt(translate("Palettes", "Cannot write %1: the image is empty"), path))
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".nngui-", suffix=".png", dir=folder)
    except OSError as e:
        raise OSError(fmt(translate("Palettes", "Cannot write %1: %2"), path, core_text(e.strerror or str(e)))) from e
    os.close(fd)
    try:
        if not image.save(tmp, "PNG"):
            raise OSError(fmt(translate("Palettes", "Cannot write %1: saving the PNG failed"), path))
        os.chmod(tmp, _default_mode())  # mkstemp makes 0600; an exported picture is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def absmax(arrays) -> float:
    """Largest finite |value| over the arrays (0.0 when there is none): the end of a colour scale.

    Two passes over each array and no copy (a big network's weights are read where they are); only an
    array holding NaN or inf is filtered."""
    best = 0.0
    for a in arrays:
        a = np.asarray(a)
        hi, lo = float(a.max(initial=-np.inf)), float(a.min(initial=np.inf))
        if np.isfinite(hi) and np.isfinite(lo):
            best = max(best, hi, -lo)
            continue
        m = np.abs(a[np.isfinite(a)])
        if m.size:
            best = max(best, float(m.max()))
    return best
