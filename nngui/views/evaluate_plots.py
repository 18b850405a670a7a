"""The Evaluate tab's small plots (pyqtgraph): a ROC curve, predicted against target, a histogram of errors.

Each plot is built once; a refresh only calls ``setData`` on its items. Mouse zoom and
pyqtgraph's menu are off (the plots sit in a scrolling dock; the wheel scrolls it).
The histograms of both sets share their bins (:func:`nngui.views.evaluate_data.histogram_edges`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QSizePolicy

from nngui.support.i18n import fmt, translate
from nngui.support.palettes import qcolor

__all__ = ["SmallPlot", "RocPlot", "ScatterPlot", "HistogramPlot", "PLOT_HEIGHT", "PLOT_MIN_WIDTH"]

PLOT_HEIGHT = {False: 170, True: 220}  # pixels, normal and projector mode
PLOT_MIN_WIDTH = {False: 190, True: 250}
MAX_POINTS = 2000  # a scatter draws at most this many points  # narrower than this, the two sets' plots go one under the other
TICK_PT = {False: 8, True: 12}
LABEL_PT = {False: 9, True: 13}
_EMPTY = np.zeros(0)


class SmallPlot(pg.PlotWidget):
    """A plot without mouse zoom or menu, a fixed height, axis labels set by :meth:`set_labels`."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName(name)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(False, False)
        pi.showGrid(x=True, y=True, alpha=0.2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.colour = "#1f5fa8"
        self.presentation = False
        self.shown = (0, 0)
        self._labels = ("", "")
        self.setFixedHeight(PLOT_HEIGHT[False])
        self.setMinimumWidth(120)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.ignore()  # the dock scrolls

    def set_labels(self, bottom: str, left: str) -> None:
        self._labels = (bottom, left)
        self._style_axes()

    def set_look(self, colour: str, presentation: bool) -> None:
        """The set's colour (the loss plot's training / validation colour) and projector mode."""
        self.colour, self.presentation = colour, bool(presentation)
        self.setFixedHeight(PLOT_HEIGHT[self.presentation])
        self._style_axes()
        self.restyle()

    def _style_axes(self) -> None:
        pi = self.getPlotItem()
        font = QFont()
        font.setPointSize(TICK_PT[self.presentation])
        style = {"color": "#202020", "font-size": f"{LABEL_PT[self.presentation]}pt"}
        for name, text in zip(("bottom", "left"), self._labels):
            axis = pi.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("#202020")
            axis.enableAutoSIPrefix(False)
            pi.setLabel(name, text, **style)

    def restyle(self) -> None:
        """Pens and brushes for the current colour and mode (subclasses)."""

    def width_px(self, normal: float) -> float:
        return normal * (2.0 if self.presentation else 1.0)


class RocPlot(SmallPlot):
    """True against false positive rate, with the diagonal of a guess."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(name, parent)
        pi = self.getPlotItem()
        self.guess = pi.plot([0.0, 1.0], [0.0, 1.0])
        self.curve = pi.plot()
        pi.setXRange(0.0, 1.0, padding=0.02)
        pi.setYRange(0.0, 1.0, padding=0.02)
        pi.enableAutoRange(False)
        self.restyle()

    def restyle(self) -> None:
        self.guess.setPen(pg.mkPen("#9a9a9a", width=self.width_px(1), style=Qt.PenStyle.DashLine))
        self.curve.setPen(pg.mkPen(self.colour, width=self.width_px(2)))

    def show_curve(self, fpr: np.ndarray | None, tpr: np.ndarray | None) -> None:
        if fpr is None or tpr is None or not np.isfinite(fpr).all() or not np.isfinite(tpr).all():
            self.curve.setData(_EMPTY, _EMPTY)
        else:
            self.curve.setData(np.asarray(fpr, dtype=np.float64), np.asarray(tpr, dtype=np.float64))


class ScatterPlot(SmallPlot):
    """Predicted (up) against target (across), one point per output cell, and the line y = x."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(name, parent)
        pi = self.getPlotItem()
        self.line = pi.plot()
        self.points = pg.ScatterPlotItem()
        pi.addItem(self.points)
        self.restyle()

    def restyle(self) -> None:
        self.line.setPen(pg.mkPen("#555555", width=self.width_px(1), style=Qt.PenStyle.DashLine))
        self.points.setPen(pg.mkPen(None))
        self.points.setBrush(pg.mkBrush(qcolor(self.colour, 0.6)))
        self.points.setSize(9 if self.presentation else 6)

    def show_points(self, target: np.ndarray, predicted: np.ndarray) -> None:
        """One point per (target, output) pair; beyond MAX_POINTS every k-th pair (the line spans them all)."""
        t = np.asarray(target, dtype=np.float64).ravel()
        p = np.asarray(predicted, dtype=np.float64).ravel()
        keep = np.isfinite(t) & np.isfinite(p)
        t, p = t[keep], p[keep]
        step = max(1, -(-t.size // MAX_POINTS))  # ceil: 8,000 points painted took 40-70 ms, 2,000 about 10
        self.points.setData(t[::step], p[::step])
        self.shown = (int(t[::step].size), int(t.size))  # points drawn, points in all
        self.setToolTip("" if step == 1 else fmt(translate("EvaluateView", "%1 of %2 points drawn (one in %3); "
                                                                          "the CSV export holds them all"),
                                                  f"{self.shown[0]:,}", f"{self.shown[1]:,}", step))
        if t.size:
            lo, hi = float(min(t.min(), p.min())), float(max(t.max(), p.max()))
            self.line.setData([lo, hi], [lo, hi])
        else:
            self.line.setData(_EMPTY, _EMPTY)


class HistogramPlot(SmallPlot):
    """Counts of the errors (predicted − target) in shared bins, with a line at zero."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(name, parent)
        pi = self.getPlotItem()
        self.bars = pi.plot(stepMode="center", fillLevel=0)
        self.zero = pg.InfiniteLine(pos=0.0, angle=90, movable=False)
        pi.addItem(self.zero, ignoreBounds=True)
        self.restyle()

    def restyle(self) -> None:
        self.bars.setPen(pg.mkPen(self.colour, width=self.width_px(1)))
        self.bars.setBrush(pg.mkBrush(qcolor(self.colour, 0.45)))
        self.zero.setPen(pg.mkPen("#555555", width=self.width_px(1), style=Qt.PenStyle.DashLine))

    def show_counts(self, edges: np.ndarray, counts: np.ndarray) -> None:
        """Bars for ``counts`` between ``edges`` (one more edge than counts; fewer than two edges: none)."""
        empty = len(edges) < 2
        self.bars.setVisible(not empty)
        if not empty:
            self.bars.setData(np.asarray(edges, dtype=np.float64), np.asarray(counts, dtype=np.float64))
