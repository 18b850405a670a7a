"""The loss curves of two runs on one axis (Training > Compare live…), each in its own colour.

Built once; every report only calls ``setData`` on the existing items (peak downsampling
and clip-to-view keep long curves cheap, as in :mod:`nngui.views.loss_plot`). A run's
training loss is a solid line, its validation loss (when it holds rows out) a dashed line
of the same colour; the legend names each run by what differs ("A: learning rate 0.3"), and says once
what a dashed line is.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsView

from nngui.support.i18n import translate
from nngui.support.palettes import DEFAULT_PALETTE, Palette, get_palette

Curve = tuple[np.ndarray, np.ndarray]
_EMPTY = (np.zeros(0), np.zeros(0))


def run_colours(palette: Palette) -> tuple[str, str]:
    """The colours of run A and run B: two of the palette's run colours (purple and ochre by default), apart
    from its negative and positive hues, which the decision maps use for the classes."""
    runs = palette.runs
    return (runs[0], runs[2]) if len(runs) > 2 else (palette.training, palette.validation)


def clean(curve: Curve | None, log: bool = False) -> Curve:
    """Float arrays of equal length; ±inf become gaps; on a log axis non-positive losses are clamped."""
    if curve is None:
        return _EMPTY
    x = np.asarray(curve[0], dtype=np.float64).ravel()
    y = np.asarray(curve[1], dtype=np.float64).ravel()
    n = min(x.size, y.size)
    x, y = x[:n], np.where(np.isinf(y[:n]), np.nan, y[:n])
    if log and n and not (y > 0).all():
        pos = y[(y > 0) & np.isfinite(y)]
        y = np.where(y > 0, y, pos.min() if pos.size else 1.0)
    return x, y


class ComparePlot(pg.PlotWidget):
    """Both runs' losses against epoch (objectName ``compareLossPlot``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("compareLossPlot")
        self._palette = get_palette(DEFAULT_PALETTE)
        self._presentation = False
        self._log = False
        self._draft = False
        self._update_mode = self.viewportUpdateMode()
        self._labels = ["A", "B"]
        self._curves: list[list[Curve]] = [[_EMPTY, _EMPTY], [_EMPTY, _EMPTY]]  # [run][train, validation]
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setDownsampling(auto=True, mode="peak")
        pi.setClipToView(True)
        self.legend = pi.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 210))  # curves show through
        self.items: list[list[pg.PlotDataItem]] = []
        for _run in range(2):
            train, val = pg.PlotDataItem(), pg.PlotDataItem()
            for item in (train, val):
                item.opts["autoDownsampleFactor"] = 1.0
                pi.addItem(item)
            self.items.append([train, val])
        for name in ("bottom", "left"):
            pi.getAxis(name).enableAutoSIPrefix(False)
        self._val_sample = pg.PlotDataItem()  # only the legend's sample of a dashed validation curve
        self._apply_style()

    # ---------------------------------------------------------------- data
    def set_labels(self, a: str, b: str) -> None:
        """The legend's names of the two runs."""
        if [a, b] != self._labels:
            self._labels = [a, b]
            self._legend()

    def labels(self) -> list[str]:
        return list(self._labels)

    def legend_texts(self) -> list[str]:
        """What the legend shows, top to bottom."""
        return [label.text for _sample, label in self.legend.items]

    def set_run(self, run: int, train: Curve | None, val: Curve | None) -> None:
        """Run ``run``'s training and validation curves (None: none)."""
        had_val = bool(self._curves[run][1][0].size)
        self._curves[run] = [clean(train), clean(val)]
        for item, curve in zip(self.items[run], self._curves[run]):
            item.setData(*clean(curve, self._log))
        if had_val != bool(self._curves[run][1][0].size):
            self._legend()

    def clear(self) -> None:  # noqa: D102 - both runs' curves emptied
        for run in (0, 1):
            self.set_run(run, None, None)

    def curve(self, run: int, validation: bool = False) -> Curve:
        """The curve shown for ``run`` (tests read it)."""
        return self._curves[run][1 if validation else 0]

    def pens(self) -> list:
        """The training curves' pens (A, B)."""
        return [self.items[run][0].opts["pen"] for run in (0, 1)]

    # ---------------------------------------------------------------- look
    @property
    def draft(self) -> bool:
        return self._draft

    def set_draft(self, on: bool) -> None:
        """Draft mode, for training (as :meth:`LossPlot.set_draft`): curves without antialiasing, and no
        automatic repaints (the window repaints after each update). An antialiased curve is stroked as one
        path, several times slower, and pyqtgraph's deferred range and axis changes would paint every
        update two or three times."""
        on = bool(on)
        if on == self._draft:
            return
        self._draft = on
        smooth = not on and bool(pg.getConfigOption("antialias"))
        for pair in self.items:
            for item in pair:
                item.opts["antialias"] = smooth
                item.curve.opts["antialias"] = smooth
                item.curve.update()
        mode = QGraphicsView.ViewportUpdateMode
        self.setViewportUpdateMode(mode.NoViewportUpdate if on else self._update_mode)
        if not on:
            self.scene().prepareForPaint()
            self.viewport().update()

    def set_log_scale(self, on: bool) -> None:
        self._log = bool(on)
        for run in (0, 1):
            for item, curve in zip(self.items[run], self._curves[run]):
                item.setData(*clean(curve, self._log))
        self.getPlotItem().setLogMode(x=False, y=self._log)
        self.enableAutoRange()

    @property
    def log_scale(self) -> bool:
        return self._log

    def set_palette(self, name: str) -> None:
        self._palette = get_palette(name)
        self._apply_style()

    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines, bigger type."""
        self._presentation = bool(on)
        self._apply_style()

    def _apply_style(self) -> None:
        width = 4.0 if self._presentation else 2.0
        for run, colour in enumerate(run_colours(self._palette)):
            train, val = self.items[run]
            train.setPen(pg.mkPen(colour, width=width))
            val.setPen(pg.mkPen(colour, width=width * 0.75, style=Qt.PenStyle.DashLine))
        self._val_sample.setPen(pg.mkPen(self._palette.ghost, width=width * 0.75, style=Qt.PenStyle.DashLine))
        size = 16 if self._presentation else 10
        style = {"color": self._palette.text, "font-size": f"{size}pt"}
        pi = self.getPlotItem()
        pi.setLabel("bottom", translate("LossPlot", "epoch"), **style)
        pi.setLabel("left", translate("LossPlot", "loss"), **style)
        font = QFont()
        font.setPointSize(size - 1)
        for name in ("bottom", "left"):
            pi.getAxis(name).setTickFont(font)
            pi.getAxis(name).setTextPen(self._palette.text)
        self.legend.setLabelTextSize(f"{size}pt")
        self.legend.setLabelTextColor(self._palette.text)
        self._legend()

    def _legend(self) -> None:
        """The legend again: each run's name, and one grey dashed entry for the validation curves when there are any."""
        self.legend.clear()
        for run in (0, 1):
            self.legend.addItem(self.items[run][0], self._labels[run])
        if any(self._curves[run][1][0].size for run in (0, 1)):
            self.legend.addItem(self._val_sample, translate("ComparePlot", "validation (dashed)"))

    def retranslate(self) -> None:
        self._apply_style()
