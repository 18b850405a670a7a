"""The live loss curve: training and validation loss against epoch, plus faded earlier runs.

Built once; every report only calls ``setData`` on the two existing curve items, and
pyqtgraph's peak downsampling and clip-to-view keep a 4096-point curve cheap to
redraw 30 times a second. Log scale, a hover read-out and PNG export are view-only.
"""

from __future__ import annotations

import os
from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel

from nngui.support import formatting
from nngui.support.accessibility import text_scale
from nngui.support.palettes import DEFAULT_PALETTE, Palette, get_palette, qcolor, save_image_atomic

Curve = tuple[np.ndarray, np.ndarray]
MAX_GHOSTS = 8
HOVER_RADIUS_PX = 40.0  # the read-out appears only this close (in pixels) to a point
_EMPTY = np.zeros(0)


def _clean(curve: Curve | None) -> Curve:
    """Float arrays of equal length with ±inf turned into NaN (gaps), so bad values never break autorange."""
    if curve is None:
        return _EMPTY, _EMPTY
    x = np.asarray(curve[0], dtype=np.float64).ravel()
    y = np.asarray(curve[1], dtype=np.float64).ravel()
    n = min(x.size, y.size)
    x, y = x[:n], y[:n]
    if n and not np.isfinite(y).all():
        y = np.where(np.isinf(y), np.nan, y)
    return x, y


def _log_safe(y: np.ndarray, floor: float) -> np.ndarray:
    """Non-positive losses clamped to ``floor`` so log10 stays finite."""
    if y.size and not (y > 0).all():
        return np.where(y > 0, y, floor)  # NaN compares False: it stays a gap only if floor is NaN
    return y


def _min_positive(*ys: np.ndarray) -> float:
    """Smallest positive finite value over the arrays (1.0 when there is none)."""
    best = np.inf
    for y in ys:
        pos = y[(y > 0) & np.isfinite(y)]
        if pos.size:
            best = min(best, float(pos.min()))
    return best if np.isfinite(best) else 1.0


class LossPlot(pg.PlotWidget):
    """Training / validation loss against epoch (objectName "lossPlot")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("lossPlot")
        self._palette: Palette = get_palette(DEFAULT_PALETTE)
        self._presentation = False
        self._log = False
        self._train: Curve = (_EMPTY, _EMPTY)
        self._val: Curve = (_EMPTY, _EMPTY)
        self._val_shown = True
        self._mouse: QPointF | None = None
        self._ghosts: deque[tuple[pg.PlotDataItem, pg.TextItem, Curve]] = deque()
        self._draft = False
        self._update_mode = self.viewportUpdateMode()
        self.readout_note = None  # (curve name, epoch) -> a second read-out line, e.g. the L1/L2 penalty
        self._build()
        self._apply_style()
        self.set_validation_visible(False)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)  # pyqtgraph's menu would let users toggle modes behind our back
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setDownsampling(auto=True, mode="peak")
        pi.setClipToView(True)
        self.legend = pi.addLegend(offset=(-10, 10))
        self.train_item: pg.PlotDataItem = pi.plot(name="training")
        self.val_item: pg.PlotDataItem = pi.plot(name="validation")
        for item, z in ((self.train_item, 10), (self.val_item, 9)):
            item.setZValue(z)
            # Peak-downsample to one min/max pair per pixel (pyqtgraph's default keeps ~5 samples per
            # pixel, so a 4096-point curve was never reduced): same envelope, about half the paint time.
            item.opts["autoDownsampleFactor"] = 1.0
        for name in ("bottom", "left"):
            axis = pi.getAxis(name)
            axis.setStyle(maxTickLevel=1)  # the third, finest grid level cost ~3 ms per frame
            # Axes and grid from a pixmap while the range stands still (hover, a curve growing inside
            # the range): replaying pyqtgraph's recorded QPicture took 2.5 of a 4.5 ms frame.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._marker = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k", width=1), brush=pg.mkBrush(255, 255, 255, 220))
        self._readout = pg.TextItem("", color="k", fill=pg.mkBrush(255, 255, 255, 225), border=pg.mkPen("#999"))
        for item in (self._marker, self._readout):
            item.setZValue(100)
            item.hide()
            pi.addItem(item, ignoreBounds=True)
        # An empty plot says what to do rather than showing bare axes.
        self._hint = QLabel(QCoreApplication.translate("LossPlot", "No training yet: press Train (Space)"), self)
        self._hint.setObjectName("lossPlotHint")
        self._hint.setWordWrap(True)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setStyleSheet("color: #6b6b6b; background: transparent;")
        self._hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Where a run diverged: a red dashed line at that epoch, and the hint says so when no curve is left.
        self._diverged_at: int | None = None
        self._diverged_line = pg.InfiniteLine(angle=90, movable=False,
                                              pen=pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DashLine))
        self._diverged_line.hide()
        pi.addItem(self._diverged_line, ignoreBounds=True)
        # Earlier runs that cannot share these axes (another loss) are named here instead of drawn.
        self._note = QLabel("", self)
        self._note.setObjectName("lossPlotNote")
        self._note.setWordWrap(True)
        self._note.setStyleSheet("color: #6b6b6b; background: rgba(255, 255, 255, 200);")
        self._note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._note.hide()
        # Ghost labels are kept apart in pixels: place them again when the scale changes.
        pi.getViewBox().sigRangeChanged.connect(lambda *_: len(self._ghosts) > 1 and self._place_ghost_labels())

    def _apply_style(self) -> None:
        """Pens, fonts and labels for the current palette and presentation mode."""
        p, scale = self._palette, (2.0 if self._presentation else 1.0)
        self.train_item.setPen(pg.mkPen(p.training, width=2 * scale))
        self.val_item.setPen(pg.mkPen(p.validation, width=2 * scale, style=Qt.PenStyle.DashLine))
        for i, (item, text, _curve) in enumerate(self._ghosts):
            item.setPen(self._ghost_pen(i))
            text.setColor(qcolor(self._run_colour(i)))
            text.textItem.setFont(self._ghost_font())
        size = round((16 if self._presentation else 10) * text_scale(self._presentation))  # a larger system font too
        style = {"color": p.text, "font-size": f"{size}pt"}
        pi = self.getPlotItem()
        pi.setLabel("bottom", QCoreApplication.translate("LossPlot", "epoch"), **style)
        pi.setLabel("left", QCoreApplication.translate("LossPlot", "loss"), **style)
        if "_hint" in self.__dict__:
            self._hint.setText(self._hint_text())
            hint_font = self._hint.font()
            hint_font.setPointSize(size + 1)
            self._hint.setFont(hint_font)
            self.resizeEvent(None)
        font = QFont()
        font.setPointSize(size - 1)
        for name in ("bottom", "left"):
            axis = pi.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen(p.text)
            axis.enableAutoSIPrefix(False)  # "loss (x0.001)" confuses; ticks show the real values
        self._readout.textItem.setFont(font)
        self.legend.setLabelTextSize(f"{size}pt")
        self.legend.setLabelTextColor(p.text)
        names = {id(self.train_item): QCoreApplication.translate("LossPlot", "training"),
                 id(self.val_item): QCoreApplication.translate("LossPlot", "validation")}
        for sample, label in self.legend.items:
            # LabelItem applies new attributes only when its text is set (and the language may have changed).
            label.setText(names.get(id(getattr(sample, "item", None)), label.text))

    def _ghost_font(self) -> QFont:
        font = QFont()
        font.setPointSize(round((13 if self._presentation else 8) * text_scale(self._presentation)))
        return font

    def _run_colour(self, i: int) -> str:
        runs = self._palette.runs
        return runs[i % len(runs)] if runs else self._palette.ghost

    def _ghost_pen(self, i: int = 0):
        return pg.mkPen(qcolor(self._run_colour(i), 0.6), width=(2.5 if self._presentation else 1.5))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A larger (or smaller) application font: the axes, legend and labels follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and "_hint" in self.__dict__:
            self._apply_style()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        hint = self.__dict__.get("_hint")  # pyqtgraph resizes during its own __init__, before ours has run
        if hint is not None:
            self._place_hint()
        note = self.__dict__.get("_note")
        if note is not None and note.text():
            width = max(80, self.width() - 120)
            note.resize(width, note.heightForWidth(width))
            note.move(70, 6)

    def _place_hint(self) -> None:
        """The hint in the middle, or higher or lower where an earlier run's label would be under it."""
        hint = self._hint
        width = max(80, min(self.width() - 80, 420))  # wraps in a narrow plot
        hint.resize(width, max(hint.heightForWidth(width), hint.sizeHint().height()))
        x, h = (self.width() - width) // 2, hint.height()
        labels = [self.mapFromScene(text.sceneBoundingRect()).boundingRect()
                  for _item, text, _curve in self._ghosts if text.isVisible()]
        middle = (self.height() - h) // 2
        tops = [middle] + sorted(range(6, max(7, self.height() - h - 30), max(8, h // 2)),
                                 key=lambda y: abs(y - middle))
        y = next((y for y in tops if not any(QRect(x, y, width, h).intersects(r) for r in labels)), middle)
        hint.move(x, y)

    def hint_label(self) -> QLabel:
        """The "No training yet" / "diverged" hint over the plot."""
        return self._hint

    def hint_rect(self) -> QRect:
        """Where the "No training yet" hint is (widget coordinates)."""
        return self._hint.geometry()

    def ghost_label_rects(self) -> list[QRect]:
        """Where the earlier runs' labels are (widget coordinates)."""
        return [self.mapFromScene(text.sceneBoundingRect()).boundingRect() for _item, text, _curve in self._ghosts]

    def _hint_text(self) -> str:
        if self._diverged_at is not None:
            text = QCoreApplication.translate("LossPlot", "Training diverged at epoch %1: lower the learning rate "
                                                          "and press Reset (Ctrl+R).")
            return text.replace("%1", f"{self._diverged_at:,}")
        return QCoreApplication.translate("LossPlot", "No training yet: press Train (Space)")

    @property
    def diverged_epoch(self) -> int | None:
        """The epoch marked as where training diverged (None: no mark)."""
        return self._diverged_at

    def set_diverged(self, epoch: int | None) -> None:
        """Mark the epoch where training diverged with a red dashed line (None: no mark); the curve up to it stays."""
        if epoch == self._diverged_at:
            return
        self._diverged_at = epoch
        self._diverged_line.setVisible(epoch is not None)
        if epoch is not None:
            self._diverged_line.setValue(epoch)
        self._hint.setText(self._hint_text())
        self.resizeEvent(None)

    # ---------------------------------------------------------------- curves
    def set_curves(self, train: Curve, val: Curve | None) -> None:
        """Show the latest (epochs, losses) curves; ``val`` None hides the validation curve."""
        self._train = _clean(train)
        self._val = _clean(val)
        self.set_validation_visible(val is not None)
        self._push()

    def clear_curves(self) -> None:
        """Empty both curves (a new run or a reset); ghosts stay."""
        self._train = self._val = (_EMPTY, _EMPTY)
        self._push()
        self._hide_readout()

    def set_validation_visible(self, on: bool) -> None:
        """Show or hide the validation curve and its legend entry (only on a change: cheap per tick)."""
        if on == self._val_shown:
            return
        self._val_shown = on
        self.val_item.setVisible(on)
        if on:
            self.legend.addItem(self.val_item, QCoreApplication.translate("LossPlot", "validation"))
        else:
            self.legend.removeItem(self.val_item)

    def _push(self) -> None:
        """setData on the existing items, guarding log mode against non-positive losses."""
        (tx, ty), (vx, vy) = self._train, self._val
        if self._log:
            floor = _min_positive(ty, vy)
            ty, vy = _log_safe(ty, floor), _log_safe(vy, floor)
        self.train_item.setData(tx, ty)
        self.val_item.setData(vx, vy)
        if self._hint.isHidden() == (len(tx) == 0):
            self._hint.setVisible(len(tx) == 0)
            if len(tx) == 0:
                self._place_hint()
        if self._readout.isVisible() and self._mouse is not None:
            self._track(self._mouse)  # keep the read-out on the live curve

    # ---------------------------------------------------------------- draft mode
    @property
    def draft(self) -> bool:
        """True while curves are drawn without antialiasing (see :meth:`set_draft`)."""
        return self._draft

    def set_draft(self, on: bool) -> None:
        """Draft mode, for training: curves without antialiasing, and no automatic repaints.

        A 2-px antialiased curve is stroked as one path: 16-18 ms a frame for a 4,000-point
        loss curve here, against 2-3 ms drawn as plain line segments; training redraws
        often and the eye follows the motion, and the curve left on screen is antialiased.
        The window paints the plot itself after each update (``viewport().repaint()``);
        pyqtgraph's deferred range and axis changes would otherwise paint every update
        two or three times more (measured: 5 + 5 + 2 ms for one new curve).
        """
        on = bool(on)
        if on == self._draft:
            return
        self._draft = on
        for item in (self.train_item, self.val_item):
            _set_antialias(item, not on and bool(pg.getConfigOption("antialias")))
        mode = QGraphicsView.ViewportUpdateMode
        self.setViewportUpdateMode(mode.NoViewportUpdate if on else self._update_mode)
        if not on:
            self.scene().prepareForPaint()  # range and axes now, so the frame below is the only one
            self.viewport().update()

    # ---------------------------------------------------------------- log scale
    @property
    def log_scale(self) -> bool:
        """True when the loss axis is logarithmic."""
        return self._log

    def set_log_scale(self, on: bool) -> None:
        """Switch the loss axis between linear and log10 (non-positive losses are clamped, never dropped)."""
        on = bool(on)
        if on == self._log:
            return
        self._log = on
        self._push()  # clamp first, so pyqtgraph never takes log10 of zero
        self.getPlotItem().setLogMode(x=False, y=on)
        for item, _text, curve in self._ghosts:
            item.setData(*self._display(curve))
        self._place_ghost_labels()
        self._hide_readout()
        self.enableAutoRange()

    def _display(self, curve: Curve) -> Curve:
        x, y = curve
        return (x, _log_safe(y, _min_positive(y))) if self._log else (x, y)

    # ---------------------------------------------------------------- ghosts
    def add_ghost(self, train_curve: Curve, label: str) -> None:
        """Keep an earlier run's training curve as a faded line with ``label`` (at most the last 8)."""
        curve = _clean(train_curve)
        if not curve[0].size:
            return
        i = len(self._ghosts)
        item = pg.PlotDataItem(pen=self._ghost_pen(i))
        item.opts["autoDownsampleFactor"] = 1.0  # one min/max pair per pixel, like the live curves
        # Faded, thin and behind: not worth antialiasing, which cost ~15 ms per ghost in every frame.
        _set_antialias(item, False)
        item.setZValue(1)
        item.setData(*self._display(curve))
        text = pg.TextItem(str(label), color=qcolor(self._run_colour(i)), fill=pg.mkBrush(255, 255, 255, 200),
                           anchor=(1, 1))
        text.textItem.setFont(self._ghost_font())
        text.setZValue(2)
        pi = self.getPlotItem()
        pi.addItem(item)  # not named: ghosts stay out of the legend
        pi.addItem(text, ignoreBounds=True)
        self._ghosts.append((item, text, curve))
        while len(self._ghosts) > MAX_GHOSTS:
            old_item, old_text, _ = self._ghosts.popleft()
            pi.removeItem(old_item)
            pi.removeItem(old_text)
        self._place_ghost_labels()

    def clear_ghosts(self) -> None:
        """Remove every faded earlier run."""
        pi = self.getPlotItem()
        while self._ghosts:
            item, text, _ = self._ghosts.popleft()
            pi.removeItem(item)
            pi.removeItem(text)

    def set_note(self, text: str) -> None:
        """A short grey note at the top of the plot (empty: none), e.g. runs that are not comparable."""
        self._note.setText(text)
        self._note.setVisible(bool(text))
        self.resizeEvent(None)

    def note(self) -> str:
        return self._note.text()

    def ghost_count(self) -> int:
        return len(self._ghosts)

    def ghost_labels(self) -> list[str]:
        """The labels of the faded earlier runs, oldest first."""
        return [text.toPlainText() for _item, text, _curve in self._ghosts]

    def _place_ghost_labels(self) -> None:
        """Each ghost's label sits at the curve's last finite point (in view coordinates), moved up
        above another ghost's label it would cover (runs whose curves end close together)."""
        placed = []
        for _item, text, (x, y) in self._ghosts:
            good = np.isfinite(y) & (y > 0) if self._log else np.isfinite(y)
            ok = np.flatnonzero(good)
            if ok.size:
                k = ok[-1]
                placed.append([text, float(x[k]), float(np.log10(y[k]) if self._log else y[k])])
        if len(placed) > 1:
            try:
                sx, sy = self.getPlotItem().getViewBox().viewPixelSize()  # view units per pixel
            except Exception:  # noqa: BLE001 - not laid out yet: no overlap to resolve
                sx = sy = 0.0
            if sx > 0 and sy > 0:
                boxes = []  # (left, right, bottom, top) in view units; anchor (1, 1): bottom-right at the point
                for entry in sorted(placed, key=lambda e: e[2]):
                    text, px, py = entry
                    r = text.textItem.boundingRect()
                    w, h = r.width() * sx, r.height() * sy
                    for _ in range(len(boxes)):
                        hit = [b for b in boxes if b[0] < px and px - w < b[1] and b[2] < py + h and py < b[3]]
                        if not hit:
                            break
                        py = max(b[3] for b in hit) + 2 * sy  # 2 px apart
                    entry[2] = py
                    boxes.append((px - w, px, py, py + h))
        for text, px, py in placed:
            text.setPos(px, py)
        if not self._hint.isHidden():
            self._place_hint()

    # ---------------------------------------------------------------- hover read-out
    def nearest_point(self, view_pos: QPointF) -> tuple[str, float, float] | None:
        """(curve name, epoch, loss) of the visible point nearest to ``view_pos`` (view coordinates), in pixels."""
        vb = self.getPlotItem().getViewBox()
        target = vb.mapViewToScene(view_pos)
        best, best_d = None, HOVER_RADIUS_PX
        curves = [("training", self._train)] + ([("validation", self._val)] if self._val_shown else [])
        for name, (x, y) in curves:
            k = self._nearest_index(x, y, view_pos.x())
            if k is None:
                continue
            vy = np.log10(y[k]) if self._log else y[k]
            p = vb.mapViewToScene(QPointF(float(x[k]), float(vy)))
            d = float(np.hypot(p.x() - target.x(), p.y() - target.y()))
            if d <= best_d:
                best, best_d = (name, float(x[k]), float(y[k])), d
        return best

    def _nearest_index(self, x: np.ndarray, y: np.ndarray, vx: float) -> int | None:
        """Index of the finite (positive in log mode) point whose epoch is nearest to ``vx``."""
        if not x.size:
            return None
        k = int(np.clip(np.searchsorted(x, vx), 1, x.size - 1)) if x.size > 1 else 0
        candidates = [k - 1, k] if x.size > 1 else [0]
        good = [c for c in candidates if np.isfinite(y[c]) and (not self._log or y[c] > 0)]
        if not good:
            return None
        return min(good, key=lambda c: abs(x[c] - vx))

    @staticmethod
    def readout_text(name: str, epoch: float, loss: float) -> str:
        """'epoch 120: loss 0.01234 (training)'."""
        return QCoreApplication.translate("LossPlot", "epoch %1: loss %2 (%3)").replace("%3", QCoreApplication.translate("LossPlot", str(name))).replace(
            "%2", formatting.short(loss)).replace("%1", f"{epoch:.0f}")

    def ghost_items(self) -> list:
        """The faded curves of earlier runs, oldest first."""
        return [item for item, _text, _curve in self._ghosts]

    def hover_at(self, scene_pos: QPointF) -> None:
        """What a mouse move to ``scene_pos`` shows (the values under it); tests and the keyboard use it."""
        self._on_mouse_moved(scene_pos)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        self._track(scene_pos)
        if self._draft:  # scene changes paint nothing by themselves in draft mode
            self.viewport().update()

    def _track(self, scene_pos: QPointF) -> None:
        """Move the read-out to the curve point nearest the mouse (or hide it)."""
        self._mouse = QPointF(scene_pos)
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            self._hide_readout()
            return
        hit = self.nearest_point(vb.mapSceneToView(scene_pos))
        if hit is None:
            self._hide_readout()
            return
        self._show_readout(*hit)

    def _show_readout(self, name: str, epoch: float, loss: float) -> None:
        vy = np.log10(loss) if self._log else loss
        self._marker.setData([epoch], [vy])
        note = self.readout_note(name, epoch) if self.readout_note is not None else ""
        self._readout.setText(self.readout_text(name, epoch, loss) + ("\n" + note if note else ""))
        self._readout.setAnchor(self._readout_anchor(QPointF(epoch, vy)))
        self._readout.setPos(epoch, vy)
        self._marker.setVisible(True)
        self._readout.setVisible(True)  # pyqtgraph's TextItem.setVisible (not show()) refreshes its transform
        self._readout.updateTransform(force=True)

    def _readout_anchor(self, point: QPointF) -> tuple[float, float]:
        """Put the read-out beside the point on whichever side it fits inside the plot area (pixels)."""
        vb = self.getPlotItem().getViewBox()
        area, p = vb.sceneBoundingRect(), vb.mapViewToScene(point)
        w, h = self._readout.textItem.boundingRect().width(), self._readout.textItem.boundingRect().height()
        left = p.x() + 12 if p.x() + 12 + w <= area.right() else p.x() - 12 - w
        left = max(area.left() + 2, min(left, area.right() - 2 - w))  # wider than either side: clamp inside
        top = p.y() - 8 - h if p.y() - 8 - h >= area.top() else p.y() + 8
        return ((p.x() - left) / max(w, 1.0), (p.y() - top) / max(h, 1.0))

    def _hide_readout(self) -> None:
        self._marker.hide()
        self._readout.hide()

    def curve(self, name: str) -> Curve:
        """The (epochs, losses) shown as ``name`` ("training" or "validation"; empty arrays when none)."""
        return self._val if name == "validation" else self._train

    def show_point(self, name: str, epoch: float, loss: float) -> None:
        """Mark (epoch, loss) of curve ``name`` with the read-out, as a hover would (the keyboard's cursor)."""
        self._mouse = None  # the read-out stays here, not where the mouse last was
        self._show_readout(name, epoch, loss)
        if self._draft:
            self.viewport().update()

    def hide_readout(self) -> None:
        """Hide the read-out and its marker."""
        self._hide_readout()

    def readout(self) -> str:
        """The read-out's current text ('' when hidden)."""
        return self._readout.toPlainText() if self._readout.isVisible() else ""

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._hide_readout()
        super().leaveEvent(event)

    # ---------------------------------------------------------------- look
    def set_palette(self, name: str) -> None:
        """Recolour the curves with a palette from :mod:`nngui.support.palettes`."""
        self._palette = get_palette(name)
        self._apply_style()

    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines and bigger fonts."""
        self._presentation = bool(on)
        self._apply_style()

    # ---------------------------------------------------------------- export
    def export_png(self, path: str | os.PathLike) -> None:
        """Save the plot as it is shown (widget size) to ``path`` as PNG, atomically."""
        self._hide_readout()
        save_image_atomic(self.grab().toImage(), path)


def _set_antialias(item: pg.PlotDataItem, on: bool) -> None:
    """Antialiasing of one PlotDataItem and the curve it draws, kept across later setData calls."""
    item.opts["antialias"] = on
    item.curve.opts["antialias"] = on
    item.curve.update()
