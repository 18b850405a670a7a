"""The loss plot and the decision map from the keyboard: a cursor the arrow keys move, its value read out.

- Loss plot (:class:`LossCursor`): Left / Right move to the previous / next point of the curve,
  Page Up / Page Down by a tenth of the curve, Home / End to its first / last point, Up / Down switch
  between the training and the validation curve. The plot's own hover read-out shows the value; at
  the last point the cursor follows the curve while training goes on.
- Decision map (:class:`MapCursor`): the arrow keys move a cross over the plane by a twentieth of it,
  Page Up / Page Down by a quarter, Home back to the middle; the map's read-out shows the output there.

Each move emits ``changed(text)`` and announces the text; only keys without modifiers are taken
(Shift+Right and Ctrl+Right stay the window's Step 10 and Step 100).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from nngui.views.diagram_keys import OUTLINE_COLOUR, REFRESH_MS, plain_keys

K = Qt.Key
LOSS_KEYS = (K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown, K.Key_Home, K.Key_End)
MAP_KEYS = (K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown, K.Key_Home)
MAP_STEPS = 20  # arrow keys move the map's cursor by 1/20 of the plane


class _Cursor(QObject):
    """Shared event handling: keys while focused, a read-out refresh while focused, hide on focus out."""

    changed = Signal(str)
    KEYS: tuple = ()

    def __init__(self, widget, announce: Callable[[str], None] | None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.announce = announce
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(lambda: self._show(say=False))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() in self.KEYS and plain_keys(event):
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and event.key() in self.KEYS and plain_keys(event):
            self.move(event.key())
            return True
        if kind == QEvent.Type.FocusIn and event.reason() != Qt.FocusReason.MouseFocusReason:
            self._timer.start()  # (a click: the mouse's read-out is there; the first arrow key shows the cursor)
            self._show(say=True)
        elif kind == QEvent.Type.FocusOut:
            self._timer.stop()
            self._hide()
        return False

    def move(self, key: Qt.Key) -> str:
        """Move for ``key`` and show (and announce) the value; returns the read-out."""
        self._step(key)
        return self._show(say=True)

    def _show(self, say: bool) -> str:
        text = self.text()
        self._draw()
        self.changed.emit(text)
        if say and text and self.announce is not None:
            self.announce(text)
        return text

    def text(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _step(self, key) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _draw(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _hide(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class LossCursor(_Cursor):
    """A cursor on the loss plot's curves; ``curve`` ("training" / "validation") and ``epoch`` say where."""

    KEYS = LOSS_KEYS

    def __init__(self, plot, announce: Callable[[str], None] | None = None) -> None:
        super().__init__(plot, announce)
        self.plot = plot
        self.curve = "training"
        self.epoch: float | None = None  # None: at the last point (and following it)

    def _points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(epochs, losses, indices of the finite points) of the current curve."""
        x, y = self.plot.curve(self.curve)
        good = np.flatnonzero(np.isfinite(y) & ((y > 0) if self.plot.log_scale else True))
        return x, y, good

    def _index(self) -> int | None:
        """Position in the finite points of the cursor's epoch (the last one when it follows the curve)."""
        x, _y, good = self._points()
        if not good.size:
            return None
        if self.epoch is None:
            return good.size - 1
        return int(np.argmin(np.abs(x[good] - self.epoch)))

    def _step(self, key) -> None:
        if key in (K.Key_Up, K.Key_Down):
            other = "validation" if self.curve == "training" else "training"
            if self.plot.curve(other)[0].size:
                self.curve = other
            return
        x, _y, good = self._points()
        k = self._index()
        if k is None:
            return
        tenth = max(1, good.size // 10)
        k = {K.Key_Left: k - 1, K.Key_Right: k + 1, K.Key_PageUp: k - tenth, K.Key_PageDown: k + tenth,
             K.Key_Home: 0, K.Key_End: good.size - 1}.get(key, k)
        k = max(0, min(good.size - 1, k))
        self.epoch = None if k == good.size - 1 else float(x[good[k]])

    def point(self) -> tuple[str, float, float] | None:
        """(curve, epoch, loss) under the cursor (None: no curve yet)."""
        k = self._index()
        if k is None:
            return None
        x, y, good = self._points()
        return self.curve, float(x[good[k]]), float(y[good[k]])

    def text(self) -> str:
        p = self.point()
        return "" if p is None else self.plot.readout_text(*p)

    def _draw(self) -> None:
        p = self.point()
        if p is None:
            self.plot.hide_readout()
        else:
            self.plot.show_point(*p)

    def _hide(self) -> None:
        self.plot.hide_readout()


class MapCursor(_Cursor):
    """A cross on the decision map's plane; ``u``, ``v`` (0..1 across the plane) say where."""

    KEYS = MAP_KEYS

    def __init__(self, decision_map, announce: Callable[[str], None] | None = None) -> None:
        super().__init__(decision_map.plot, announce)
        self.map = decision_map
        self.u = self.v = 0.5
        self.mark = pg.ScatterPlotItem(size=22, symbol="+", pen=pg.mkPen("k", width=2),
                                       brush=pg.mkBrush(OUTLINE_COLOUR))
        self.mark.setZValue(50)
        self.mark.hide()
        decision_map.plot.getPlotItem().addItem(self.mark, ignoreBounds=True)

    def _step(self, key) -> None:
        du = {K.Key_Left: -1, K.Key_Right: 1}.get(key, 0) / MAP_STEPS
        dv = {K.Key_Up: 1, K.Key_Down: -1}.get(key, 0) / MAP_STEPS
        dv += {K.Key_PageUp: 0.25, K.Key_PageDown: -0.25}.get(key, 0)
        if key == K.Key_Home:
            self.u = self.v = 0.5
        # the cross sits on a grid cell's middle: 0, 1/20, ..., 1 of the plane
        self.u = float(np.clip(round((self.u + du) * MAP_STEPS) / MAP_STEPS, 0.0, 1.0))
        self.v = float(np.clip(round((self.v + dv) * MAP_STEPS * 4) / (MAP_STEPS * 4), 0.0, 1.0))

    def position(self) -> tuple[float, float] | None:
        """The cursor in the inputs' units (None before the map has a plane)."""
        b = self.map.bounds
        if b is None or self.map.plane is None:
            return None
        return b.x0 + self.u * b.width, b.y0 + self.v * b.height

    def text(self) -> str:
        p = self.position()
        return "" if p is None else self.map.text_at(*p)

    def _draw(self) -> None:
        p = self.position()
        if p is None:
            self.mark.hide()
            return
        self.mark.setData([p[0]], [p[1]])
        self.mark.show()
        self.map.readout.setText(self.text())

    def _hide(self) -> None:
        self.mark.hide()
        self.map.readout.setText("")
