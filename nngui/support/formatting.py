"""The window's one number formatter: exact text for values people edit, short text for values they read.

- :func:`exact` is for cells and fields whose text is read back (the data table, the
  learning rate): the shortest text that parses to the same double.
- :func:`short` is for figures people read (loss, outputs, gradients): 4 significant
  digits at most, no exponent between 1e-4 and 1e6. Exact values go in tooltips and files.
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
    """A figure for reading (a loss, an output, a gradient): at most 4 significant digits, no trailing
    zeros or point, no exponent between 1e-4 and 1e6; a dash for None or a non-finite value."""
    if value is None or not math.isfinite(value):
        return DASH
    if value == 0:
        return "0"
    a = abs(value)
    if not 1e-4 <= a < 1e6:
        mantissa, exponent = f"{value:.3e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent):+03d}"
    decimals = 3 - math.floor(math.log10(a))
    rounded = round(value, decimals)
    if abs(rounded) >= 1e6:  # 999999.6 rounds up out of the range
        return short(rounded)
    text = f"{rounded:.{max(0, decimals)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


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
