"""How the decision map draws its data points: filled for training rows, hollow for validation rows.

Pure helpers for :class:`nngui.views.decision_map.DecisionMap`: which rows are held out
(:func:`validation_mask`) and the brush and pen of every point (:func:`point_looks`), with one
brush or pen object per colour (a scatter of thousands of points shares a few).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg

from nngui.support.i18n import translate

EDGE = (40, 40, 40, 220)  # the outline of a filled (training) point
HOLLOW_WIDTH = 2.0  # px: the ring of a hollow (validation) point, in its class colour


def validation_mask(n_rows: int, train_rows: np.ndarray) -> np.ndarray:
    """(n_rows,) bool: True for the rows the trainer holds out for validation (not among ``train_rows``)."""
    train = np.asarray(train_rows, dtype=np.int64)
    mask = np.ones(max(int(n_rows), int(train.max(initial=-1)) + 1), dtype=bool)
    mask[train] = False
    return mask


def validation_points(shown: np.ndarray, train_rows: np.ndarray, rgba: np.ndarray,
                      show_validation: bool) -> tuple[np.ndarray, np.ndarray, list, list]:
    """Of the ``shown`` rows (indices into the table, whose point colours are ``rgba``): the rows drawn, the
    validation rows among them (hollow; none when ``show_validation`` is off), and their brushes and pens."""
    hollow = validation_mask(int(shown.max(initial=-1)) + 1, train_rows)[shown]
    keep = ~hollow | bool(show_validation)
    drawn, hollow = shown[keep], hollow[keep]
    brushes, pens = point_looks(rgba[drawn], hollow)
    return drawn, drawn[hollow], brushes, pens


def point_looks(rgba: np.ndarray, hollow: np.ndarray) -> tuple[list, list]:
    """(brushes, pens), one per point of colours ``rgba`` (n, 4): a filled dot with a dark edge, or, where
    ``hollow``, no fill and a ring in the point's colour."""
    edge = pg.mkPen(*EDGE, width=1)
    none = pg.mkBrush(None)
    brushes: dict[tuple, object] = {}
    rings: dict[tuple, object] = {}
    out_b, out_p = [], []
    for (r, g, b, _a), h in zip(np.asarray(rgba).tolist(), np.asarray(hollow, dtype=bool).tolist()):
        key = (int(r), int(g), int(b))
        if h:
            ring = rings.get(key)
            if ring is None:
                ring = rings[key] = pg.mkPen(*key, width=HOLLOW_WIDTH)
            out_b.append(none)
            out_p.append(ring)
        else:
            brush = brushes.get(key)
            if brush is None:
                brush = brushes[key] = pg.mkBrush(*key)
            out_b.append(brush)
            out_p.append(edge)
    return out_b, out_p


def hollow_note(n_hollow: int) -> str:
    """The legend's note on hollow points (rich text; empty when none is drawn)."""
    if not n_hollow:
        return ""
    return ("&nbsp;&nbsp;<span style='color: #444444;'>\u25cb&nbsp;"
            + html.escape(translate("DecisionMap", "validation")) + "</span>")
