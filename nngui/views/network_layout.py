"""Where the network diagram puts its units and its words, in pixels of the view.

The diagram is laid out for the size of its view (:func:`plan`): units in columns, one
column per layer, and text at a fixed pixel size (:func:`fonts`) whatever the size of
the network, so that it stays legible on a projector. Every word has its own place:

- each column's header (title, units, activation) above the units; when neighbouring
  headers would touch, the details go on separate lines, then every other header is
  raised by a block, and as a last resort a hidden layer is named by its number and the
  words are elided (whole on hover);
- input and output names beside their units, elided to a share of the width;
- "+N more" under a layer with more units than are drawn: at most ``max_units``, and
  no more than fit with a line of text for each named unit;
- the legend under the diagram, its parts wrapped onto as many lines as the width needs.

Nothing here creates a graphics item: :class:`Plan` holds positions and texts only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from nngui.support.accessibility import text_scale

PAD = 6.0  # empty border around the diagram
MIN_NAME_WIDTH = 64.0  # names are never elided to less
NAME_SHARE = 0.25  # ... and never take more than this share of the width
# (title px, small px, name px, largest radius, row pitch: largest and smallest between hidden units,
#  largest column pitch, gap between words and units)
LOOK = {False: (12, 11, 12, 12.0, 40.0, 9.0, 200.0, 6.0), True: (18, 16, 16, 15.0, 48.0, 14.0, 240.0, 8.0)}


@dataclass(frozen=True)
class Fonts:
    title: QFont
    small: QFont
    name: QFont

    def metrics(self, kind: str) -> QFontMetricsF:
        return QFontMetricsF(getattr(self, kind))

    def height(self, kind: str) -> float:
        return math.ceil(self.metrics(kind).height())

    def width(self, kind: str, text: str) -> float:
        return self.metrics(kind).horizontalAdvance(text)


def fonts(presentation: bool) -> Fonts:
    """The diagram's fonts, sized in pixels (bigger in projector mode, and with a larger application font)."""
    title_px, small_px, name_px = LOOK[bool(presentation)][:3]
    scale = text_scale(presentation)

    def font(px: int, bold: bool = False) -> QFont:
        f = QFont()
        f.setPixelSize(round(px * scale))
        f.setBold(bold)
        return f

    return Fonts(font(title_px, True), font(small_px), font(name_px))


@dataclass
class Text:
    """One word or line of the diagram: ``text`` drawn with its top-left corner at (x, y).

    ``full`` is the whole text when ``text`` is elided; ``layer``/``unit`` name the unit a
    name belongs to; ``sign`` (0 negative, 1 positive) marks a legend entry drawn after a line.
    """

    text: str
    font: str  # "title", "small" or "name"
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    full: str = ""
    layer: int = -1
    unit: int = -1
    sign: int = -1


@dataclass
class Plan:
    """Positions (view pixels) of everything the diagram draws for one view size."""

    width: float
    height: float
    shown: list[int]
    col_x: list[float]
    unit_y: list[np.ndarray]
    radius: float
    texts: list[Text] = field(default_factory=list)
    more: dict[int, Text] = field(default_factory=dict)
    key_line: float = 28.0  # length of the legend's sample lines


def layer_title(layer: int, n_layers: int) -> str:
    if layer == 0:
        return QCoreApplication.translate("NetworkView", "Input")
    if layer == n_layers:
        return QCoreApplication.translate("NetworkView", "Output")
    return QCoreApplication.translate("NetworkView", "Hidden %1").replace("%1", str(layer))


def _units(n: int) -> str:
    text = (QCoreApplication.translate("NetworkView", "%1 unit") if n == 1
            else QCoreApplication.translate("NetworkView", "%1 units"))
    return text.replace("%1", str(n))


def more_text(n: int) -> str:
    return QCoreApplication.translate("NetworkView", "+%1 more").replace("%1", str(n))


def _elide(f: Fonts, kind: str, text: str, width: float) -> Text:
    shown = text if f.width(kind, text) <= width else f.metrics(kind).elidedText(
        text, Qt.TextElideMode.ElideRight, max(1.0, width))
    return Text(shown, kind, w=f.width(kind, shown), h=f.height(kind), full=text)


def _headers(sizes: Sequence[int], activations: Sequence[str], split: bool,
             compact: bool = False) -> list[list[tuple[str, str, str]]]:
    """Per column: (text, font, whole text) lines; ``split`` puts the activation on a line of its own,
    ``compact`` names a hidden layer by its number alone."""
    out = []
    for l, n in enumerate(sizes):
        name = layer_title(l, len(sizes) - 1)
        title = (str(l) if compact and 0 < l < len(sizes) - 1 else name, "title", name)
        act = activations[l - 1] if l else ""
        if split:
            out.append([title, (_units(n), "small", ""), (act, "small", "")])
        else:
            out.append([title, (_units(n) + (f" · {act}" if act else ""), "small", "")])
    return out


def _fits(widths: list[list[float]], step: int, cx: float, gap: float) -> bool:
    """Whether no two header lines ``step`` columns apart come closer than ``gap``."""
    for a, b in zip(widths, widths[step:]):
        for wa, wb in zip(a, b):
            if wa and wb and (wa + wb) / 2 + gap > step * cx:
                return False
    return True


def plan(sizes: Sequence[int], activations: Sequence[str], names: Sequence[Sequence[str]], max_units: int,
         width: float, height: float, presentation: bool = False) -> Plan:
    """Lay out a diagram of layers ``sizes`` (input first) in a view of ``width`` x ``height`` pixels.

    ``names``: the input and the output units' names (two lists); ``max_units``: most units drawn per layer.
    """
    f = fonts(presentation)
    _t, _s, _n, r_max, p_max, p_min, cx_max, gap = LOOK[bool(presentation)]
    last = len(sizes) - 1
    h_small, h_name = f.height("small"), f.height("name")
    # Names beside the first and last columns, elided to a share of the width.
    cap = max(MIN_NAME_WIDTH, width * NAME_SHARE)
    name_w = [max((min(f.width("name", s), cap) for s in side[:max_units]), default=0.0) for side in names]
    more_w = [f.width("small", more_text(n - max_units)) / 2 if n > max_units else 0.0 for n in sizes]

    # Horizontal: the narrowest header arrangement whose neighbours do not touch.
    choice = None
    for split, step, compact in ((False, 1, False), (True, 1, False), (False, 2, False), (True, 2, False),
                                 (True, 2, True)):
        lines = _headers(sizes, activations, split, compact)
        widths = [[f.width(kind, text) if text else 0.0 for text, kind, _full in col] for col in lines]
        left = PAD + max(name_w[0] + gap + r_max, max(widths[0]) / 2, more_w[0])
        right = PAD + max(name_w[1] + gap + r_max, max(widths[-1]) / 2, more_w[-1])
        cx = min(cx_max, max(1.0, (width - left - right) / max(1, last)))
        choice = (lines, widths, step, left, right, cx)
        if _fits(widths, step, cx, gap):
            break
    lines, widths, step, left, right, cx = choice
    x0 = max(left, (width - (left + last * cx + right)) / 2 + left)
    col_x = [x0 + l * cx for l in range(len(sizes))]
    heights = [f.height(kind) for _text, kind, _full in lines[0]]
    block = sum(heights)
    header_h = block * step

    # Legend: its parts flow onto lines as wide as the view.
    leftmost = col_x[0] - max(r_max + (gap + name_w[0] if name_w[0] else 0.0), max(widths[0]) / 2)
    legend, lines_h, key_line = _legend(f, max(PAD, leftmost), width - PAD)
    legend_h = gap + lines_h

    # Vertical: how many units fit, their spacing and size (the named columns need a line each).
    # A "+N more" line takes room only when some column is cut with this pass's node size: the first
    # pass's bigger nodes may cut one that the final, smaller ones leave whole.
    r = r_max
    for final in (False, True):
        ext = max(r, h_name / 2)
        room = height - 2 * PAD - header_h - gap - 2 * ext - legend_h
        for more in (True,) if any(n > max_units for n in sizes) else (False, True):
            more_h = h_small + 3 if more else 0.0
            avail = max(0.0, room - more_h)
            shown = [max(1, min(n, max_units, int(avail // (h_name if l in (0, last) else p_min)) + 1))
                     for l, n in enumerate(sizes)]
            if shown == list(sizes):  # all fit without the line
                break
        pitches = [min(p_max, avail / (s - 1)) if s > 1 else p_max for s in shown]
        if not final:
            r = max(2.0, min(r_max, 0.42 * min(pitches), 0.3 * cx))
    r = min(r, 0.48 * min(pitches))
    span = max((s - 1) * p for s, p in zip(shown, pitches))
    content = header_h + gap + 2 * ext + span + more_h + legend_h
    top = max(PAD, (height - content) / 2)
    mid = top + header_h + gap + ext + span / 2
    unit_y = [mid + (np.arange(s) - (s - 1) / 2) * p for s, p in zip(shown, pitches)]
    out = Plan(width, height, shown, col_x, unit_y, r, key_line=key_line)

    # Headers: bottom-aligned above the units; with step 2 every other column is one block higher.
    for l, col in enumerate(lines):
        y = top + (0.0 if step == 2 and l % 2 else header_h - block)
        for (text, kind, full), h in zip(col, heights):
            if text:
                t = _elide(f, kind, text, step * cx - gap)
                t.full, t.x, t.y = full or text, col_x[l] - t.w / 2, y
                out.texts.append(t)
            y += h
    # Names: right of the output units, left of the input units.
    for l, side, sign in ((0, names[0], -1), (last, names[1], 1)):
        for u, y in enumerate(unit_y[l]):
            t = _elide(f, "name", side[u], cap)
            t.x = col_x[l] + sign * (r + gap) - (t.w if sign < 0 else 0.0)
            t.y, t.layer, t.unit = y - t.h / 2, l, u
            out.texts.append(t)
    # "+N more" under the columns that are cut, shortened to "+N" when neighbours would touch.
    y_more = mid + span / 2 + ext + 3
    cut = [l for l, (s, n) in enumerate(zip(shown, sizes)) if n > s]
    for l in cut:
        text = more_text(sizes[l] - shown[l])
        crowded = any(abs(k - l) == 1 for k in cut)
        short = crowded and f.width("small", text) + gap > cx
        t = _elide(f, "small", f"+{sizes[l] - shown[l]}" if short else text, (1 if crowded else 2) * cx - gap)
        t.full, t.x, t.y = text, col_x[l] - t.w / 2, y_more
        out.more[l] = t
        out.texts.append(t)
    y_legend = y_more - 3 + more_h + gap
    for t in legend:
        t.y += y_legend
        out.texts.append(t)
    return out


def bounds(p: Plan) -> QRectF:
    """The view's rectangle, grown to hold whatever a view too small for the diagram leaves outside it."""
    x0, y0, x1, y1 = 0.0, 0.0, p.width, p.height
    for t in p.texts:
        x0, y0, x1, y1 = min(x0, t.x), min(y0, t.y), max(x1, t.x + t.w), max(y1, t.y + t.h)
    ys = [y for col in p.unit_y for y in (col.min(), col.max()) if col.size]
    if ys:
        y0, y1 = min(y0, min(ys) - p.radius), max(y1, max(ys) + p.radius)
    return QRectF(QPointF(x0, y0), QPointF(x1, y1))


def _legend(f: Fonts, left: float, right: float) -> tuple[list[Text], float, float]:
    """The legend's parts placed from ``left``, wrapped before ``right`` (y relative to the legend's top).

    The key is one translated text whose parts are separated by runs of spaces (kept by translations):
    each part may go on a line of its own.
    """
    h = f.height("small")
    line = 2.5 * h  # the sample line drawn before "negative weight" / "positive weight"
    key = QCoreApplication.translate("NetworkView", "line width = |w|   ring = bias   fill = activation of "
                                                    "selected row")
    parts = [(QCoreApplication.translate("NetworkView", "negative weight"), 0),
             (QCoreApplication.translate("NetworkView", "positive weight"), 1)]
    parts += [(p, -1) for p in re.split(r"\s{2,}", key.strip()) if p]
    space, x, y, out = h * 1.5, left, 0.0, []
    for text, sign in parts:
        lead = line + h * 0.5 if sign >= 0 else 0.0
        t = _elide(f, "small", text, right - left - lead)
        if x > left and x + lead + t.w > right:
            x, y = left, y + h + 2
        t.x, t.y, t.sign = x + lead, y, sign
        out.append(t)
        x += lead + t.w + space
    return out, y + h, line
