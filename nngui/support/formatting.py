"""The window's one number formatter: exact text for values people edit, short text for values they read.

- :func:`exact` is for cells and fields whose text is read back (the data table, the
  learning rate): the shortest text that parses to the same double.
- :func:`short` is for figures that change while training (loss, accuracy): a few
  significant digits, no exponent between 1e-4 and 1e5.
- :func:`weight` is for weights, biases and activations (the diagram, the maths inspector).
- :func:`integer` and :func:`elapsed` are for epochs and training time.
"""

from __future__ import annotations

import math

DASH = "\u2014"  # shown for a value there is none of yet


def exact(value: float) -> str:
    """Shortest text that reads back bit-identical ('3' for 3.0); '' for NaN (an empty cell)."""
    if value != value:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def short(value: float | None) -> str:
    """Three significant digits for reading (a loss, a rate); a dash for None or a non-finite value."""
    if value is None or not math.isfinite(value):
        return DASH
    return f"{value:#.3g}" if 1e-4 <= abs(value) < 1e5 or value == 0 else f"{value:.3g}"


def weight(v: float) -> str:
    """A weight, bias or activation: 3 decimals in the usual range, significant digits outside it."""
    a = abs(v)
    return f"{v:.3f}" if a == 0 or 0.001 <= a < 1000 else f"{v:.3g}"


def integer(n: int) -> str:
    """Epochs and counts with thousands separators: 12,345."""
    return f"{int(n):,}"


def elapsed(seconds: float) -> str:
    """Training time: '4.2 s', '3:07', '1:02:03'."""
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return f"{seconds:.1f} s"
    m, s = divmod(int(seconds), 60)
    if m < 60:
        return f"{m}:{s:02d}"
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}"
