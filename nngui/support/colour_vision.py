"""Colour-vision deficiency simulation and colour differences, to check the palettes (pure NumPy).

:func:`simulate` applies Machado, Oliveira & Fernandes (2009), "A Physiologically-based
Model for Simulation of Color Vision Deficiency" (IEEE TVCG 15(6)), severity 1.0, in
linear RGB; :func:`delta_e` is the CIE76 distance in CIELAB (D65). Roughly: ΔE 2.3 is
a just-noticeable difference, above ~20 two colours read as different colours, above
~40 as clearly different ones even on a washed-out projector.
"""

from __future__ import annotations

import numpy as np

from nngui.support.palettes import Palette, hex_to_rgb

# Machado et al. 2009, severity 1.0 (linear RGB -> linear RGB).
MACHADO = {
    "protanopia": np.array([
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]),
    "deuteranopia": np.array([
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]),
    "tritanopia": np.array([
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ]),
}

_SRGB_TO_XYZ = np.array([
    [0.4124564, 0.3575761, 0.1804375],
    [0.2126729, 0.7151522, 0.0721750],
    [0.0193339, 0.1191920, 0.9503041],
])
_D65 = np.array([0.95047, 1.0, 1.08883])


def _rgb(color) -> np.ndarray:
    """``#rrggbb`` or 0..255 triples -> float array (..., 3) in 0..1."""
    if isinstance(color, str):
        return hex_to_rgb(color) / 255.0
    return np.asarray(color, dtype=np.float64) / 255.0


def to_linear(srgb: np.ndarray) -> np.ndarray:
    s = np.asarray(srgb, dtype=np.float64)
    return np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    c = np.clip(np.asarray(linear, dtype=np.float64), 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def simulate(color, kind: str = "deuteranopia") -> np.ndarray:
    """How ``color`` looks with a full ``kind`` deficiency: sRGB floats in 0..1."""
    m = MACHADO[kind]
    return to_srgb(to_linear(_rgb(color)) @ m.T)


def lab(srgb01: np.ndarray) -> np.ndarray:
    """sRGB (0..1) -> CIELAB (D65)."""
    xyz = to_linear(srgb01) @ _SRGB_TO_XYZ.T / _D65
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    L = 116 * f[..., 1] - 16
    a = 500 * (f[..., 0] - f[..., 1])
    b = 200 * (f[..., 1] - f[..., 2])
    return np.stack([L, a, b], axis=-1)


def delta_e(c1, c2, kind: str | None = None) -> float:
    """CIE76 ΔE between two colours (``#rrggbb``), optionally as seen with a deficiency ``kind``."""
    s1 = simulate(c1, kind) if kind else _rgb(c1)
    s2 = simulate(c2, kind) if kind else _rgb(c2)
    return float(np.linalg.norm(lab(s1) - lab(s2)))


def luminance(color) -> float:
    """Relative luminance (WCAG) of ``#rrggbb``."""
    return float(to_linear(_rgb(color)) @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(c1, c2) -> float:
    """WCAG contrast ratio (1..21) between two colours."""
    l1, l2 = sorted((luminance(c1), luminance(c2)), reverse=True)
    return (l1 + 0.05) / (l2 + 0.05)


def palette_report(p: Palette) -> dict[str, float]:
    """ΔE between the negative and the positive colour, normally and with each deficiency."""
    out = {"normal": delta_e(p.negative, p.positive)}
    for kind in MACHADO:
        out[kind] = delta_e(p.negative, p.positive, kind)
    return out
