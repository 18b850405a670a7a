"""Weight history: every weight over the run so far, in bounded memory, and its sparkline popup.

:class:`WeightHistory` records the weights of the reports the window receives (copies
the worker made; never the live network). It keeps at most ``max_points`` snapshots
and at most ``max_values`` numbers in all: when the buffer is full every other
snapshot is dropped and the spacing in epochs doubles, so a run of millions of epochs
keeps an evenly spread sample of its whole history (the latest report is always kept
as the last point). A new run (weights of another shape, or an epoch count that went
back, as after Reset) starts a new history.

:class:`WeightSparkline` (objectName ``weightSparkline``) is the small tool-tip-like
window that shows one weight's history when the mouse is on an edge of the diagram.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from core.network import Architecture

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.views.hover_popup import HoverPopup
from nngui.support.palettes import DEFAULT_PALETTE, Palette, get_palette
from nngui.training.report import PREVIEW_UNITS

MAX_POINTS = 400  # snapshots kept per run (per weight)
MIN_POINTS = 16
MAX_VALUES = 1_000_000  # numbers kept in all (8 MB of float64), whatever the network's size

SPARK_W, SPARK_H = 240, 72


class WeightHistory:
    """A bounded, decimated record of the weights ``W[l][i, j]`` of one run, from reports."""

    def __init__(self, max_points: int = MAX_POINTS, max_values: int = MAX_VALUES) -> None:
        if max_points < 4:
            raise ValueError("max_points must be at least 4")
        self.max_points = int(max_points)
        self.max_values = int(max_values)
        self.arch: Architecture | None = None
        self._blocks: list[tuple[int, int]] = []  # recorded (rows, cols) of each layer's W
        self._offsets: list[int] = []
        self._width = 0
        self._cap = 0
        self._n = 0
        self._epochs = np.zeros(0, dtype=np.int64)
        self._values = np.zeros((0, 0))
        self._spacing = 0.0  # epochs between kept snapshots (grows as the buffer is thinned)
        self._latest_epoch = -1
        self._latest = np.zeros(0)
        self.reports_seen = 0

    # -------------------------------------------------------------- recording
    def clear(self) -> None:
        """Forget everything (the next report starts a new history)."""
        self.arch = None
        self._n = 0
        self._latest_epoch = -1
        self._cap = 0
        self._epochs = np.zeros(0, dtype=np.int64)
        self._values = np.zeros((0, 0))
        self._latest = np.zeros(0)

    def _start(self, arch: Architecture) -> None:
        self.arch = arch
        pairs = list(zip(arch.sizes, arch.sizes[1:]))
        total = sum(a * b for a, b in pairs)
        budget = self.max_values // MIN_POINTS
        if total <= budget:
            blocks = pairs
        else:  # a huge network: only the first R units of every layer are recorded
            r = max(1, min(PREVIEW_UNITS, int(np.sqrt(budget / max(1, len(pairs))))))  # the diagram draws <= 16
            blocks = [(min(a, r), min(b, r)) for a, b in pairs]
        self._blocks = blocks
        self._offsets = list(np.cumsum([0] + [r * c for r, c in blocks])[:-1])
        self._width = int(sum(r * c for r, c in blocks))
        self._cap = int(max(4, min(self.max_points, self.max_values // max(1, self._width))) // 2 * 2)
        self._epochs = np.zeros(self._cap, dtype=np.int64)
        self._values = np.zeros((self._cap, self._width))
        self._latest = np.zeros(self._width)
        self._n = 0
        self._spacing = 0.0
        self._latest_epoch = -1

    def _flat(self, layers) -> np.ndarray:
        out = np.empty(self._width)
        for (W, _b), (r, c), off in zip(layers, self._blocks, self._offsets):
            out[off : off + r * c] = np.asarray(W)[:r, :c].ravel()
        return out

    def record(self, rep) -> bool:
        """Take the weights of a :class:`~nngui.training.report.TrainingReport`; True when it added a point."""
        self.reports_seen += 1
        epoch = int(rep.progress.epoch)
        if rep.architecture != self.arch or epoch < self._latest_epoch:
            self._start(rep.architecture)  # a new run
        if epoch == self._latest_epoch:
            return False  # the same weights again (a redraw of the same report)
        flat = self._flat(rep.layers if rep.full else rep.preview.blocks)  # a preview covers every block
        self._latest_epoch, self._latest = epoch, flat
        if self._n and epoch - self._epochs[self._n - 1] < self._spacing:
            return False  # kept only as "latest" until the spacing allows a new snapshot
        if self._n == self._cap:
            self._thin()
        self._epochs[self._n] = epoch
        self._values[self._n] = flat
        self._n += 1
        return True

    def _thin(self) -> None:
        """Keep every other snapshot (the first one always), halving the buffer; the spacing doubles."""
        keep = np.arange(0, self._n, 2)
        k = keep.size
        self._epochs[:k] = self._epochs[keep]
        self._values[:k] = self._values[keep]
        self._n = k
        span = float(self._epochs[k - 1] - self._epochs[0]) if k > 1 else 0.0
        self._spacing = max(self._spacing * 2.0, span / max(1, k - 1))

    # -------------------------------------------------------------- reading
    def __len__(self) -> int:
        """Points a series has (the kept snapshots plus the latest report when it is newer)."""
        if self._latest_epoch < 0:
            return 0
        return self._n + (1 if not self._n or self._epochs[self._n - 1] != self._latest_epoch else 0)

    @property
    def capacity(self) -> int:
        return self._cap

    @property
    def nbytes(self) -> int:
        return int(self._epochs.nbytes + self._values.nbytes + self._latest.nbytes)

    def index(self, layer: int, i: int, j: int) -> int | None:
        """Column of W[layer][i, j] in the record (None when it is not recorded)."""
        if self.arch is None or not (0 <= layer < len(self._blocks)):
            return None
        r, c = self._blocks[layer]
        if not (0 <= i < r and 0 <= j < c):
            return None
        return int(self._offsets[layer] + i * c + j)

    def series(self, layer: int, i: int, j: int) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, values) of W[layer][i, j] over the run so far (empty arrays when not recorded)."""
        k = self.index(layer, i, j)
        if k is None or self._latest_epoch < 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        epochs, values = self._epochs[: self._n], self._values[: self._n, k]
        if not self._n or epochs[-1] != self._latest_epoch:
            epochs = np.append(epochs, self._latest_epoch)
            values = np.append(values, self._latest[k])
        return epochs.copy(), values.copy()


# ---------------------------------------------------------------------------------- the popup


def sparkline_image(epochs: np.ndarray, values: np.ndarray, palette: Palette, width: int = SPARK_W,
                    height: int = SPARK_H, scale: float = 1.0) -> QImage:
    """A small line chart of ``values`` against ``epochs``: a zero line, the curve, a dot at the end."""
    img = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(palette.background))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(scale, scale)
    pad = 6.0
    rect = QRectF(pad, pad, width - 2 * pad, height - 2 * pad)
    x = np.asarray(epochs, dtype=np.float64)
    y = np.asarray(values, dtype=np.float64)
    ok = np.isfinite(y)
    if ok.any():
        x, y = x[ok], y[ok]
        lo, hi = float(y.min()), float(y.max())
        if hi - lo < 1e-12:
            lo, hi = lo - 1.0, hi + 1.0
        x0, x1 = float(x[0]), float(x[-1])
        span = x1 - x0 if x1 > x0 else 1.0

        def to_px(ex, ey):
            return (rect.left() + (ex - x0) / span * rect.width(),
                    rect.bottom() - (ey - lo) / (hi - lo) * rect.height())

        if lo < 0 < hi:
            _, zy = to_px(x0, 0.0)
            pen = QPen(QColor(palette.neutral), 1.0, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(rect.left(), zy), QPointF(rect.right(), zy))
        colour = QColor(palette.positive if y[-1] >= 0 else palette.negative)
        p.setPen(QPen(colour, 1.8))
        px, py = to_px(x, y)
        if x.size == 1:
            px, py = np.array([rect.left(), rect.right()]), np.array([py[0], py[0]])
        path = QPainterPath(QPointF(px[0], py[0]))
        for a, b in zip(px[1:], py[1:]):
            path.lineTo(a, b)
        p.drawPath(path)
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(px[-1], py[-1]), 3.0, 3.0)
    p.end()
    return img



class WeightSparkline(HoverPopup):
    """A tool-tip window with the history of the weight under the mouse (objectName ``weightSparkline``)."""

    def __init__(self, history: WeightHistory, parent: QWidget | None = None) -> None:
        super().__init__("weightSparkline", parent)
        self.history = history
        self._palette = get_palette(DEFAULT_PALETTE)
        self._scale = 1.0
        self._view = None
        self.edge: tuple[int, int, int] | None = None
        self.epochs = np.zeros(0, dtype=np.int64)
        self.values = np.zeros(0)
        self.chart = self.picture
        self.chart.setObjectName("weightSparklineChart")

    def follow(self, view) -> None:
        """Show the history of the weight under the mouse in ``view`` (a NetworkView)."""
        self._view = view
        view.edgeHovered.connect(self._on_edge_hovered)

    def set_palette(self, name: str) -> None:
        self._palette = get_palette(name)

    def set_presentation(self, on: bool) -> None:
        self._scale = 1.5 if on else 1.0

    def _on_edge_hovered(self, layer: int, i: int, j: int) -> None:
        if layer < 0:
            self.hide()
            return
        self.show_edge(layer, i, j, QCursor.pos())

    def show_edge(self, layer: int, i: int, j: int, global_pos: QPoint | None = None) -> bool:
        """Draw W[layer][i, j]'s history and show the popup near ``global_pos``; False when there is none."""
        self.edge = (layer, i, j)
        self.epochs, self.values = self.history.series(layer, i, j)
        if self._view is not None:
            name = self._view.edge_text(layer, i, j)
        else:
            name = f"W{layer + 1}[{i},{j}]"
        self.title.setText(name)
        if not self.values.size:
            self.chart.clear()
            self.chart.hide()
            self.caption.setText(translate("WeightHistory", "No history yet: train to record it.")
                                 if self.history.arch is None or self.history.index(layer, i, j) is not None else
                                 translate("WeightHistory", "Not recorded (only the first units of very big layers "
                                                            "are)."))
        else:
            img = sparkline_image(self.epochs, self.values, self._palette, scale=self._scale)
            self.chart.setPixmap(QPixmap.fromImage(img))
            self.chart.show()
            e0, e1 = int(self.epochs[0]), int(self.epochs[-1])
            w = formatting.weight
            self.caption.setText(fmt(translate("WeightHistory", "epoch %1 \u2192 %2:  %3 \u2192 %4   (min %5, max %6)"),
                                     f"{e0:,}", f"{e1:,}", w(float(self.values[0])), w(float(self.values[-1])),
                                     w(float(np.nanmin(self.values))), w(float(np.nanmax(self.values)))))
        self.adjustSize()
        if global_pos is not None:
            self.place(global_pos)
        self.show()
        self.raise_()
        return bool(self.values.size)
