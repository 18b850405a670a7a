"""The network diagram from the keyboard: a cursor on a unit or a weight, outlined, read out and announced.

Keys (while the diagram has the focus; Tab or F6 reach it):

- Up / Down: the previous / next unit of the layer; on a weight, the previous / next weight of the
  same unit (the one the cursor came from);
- Right: from a unit to one of its outgoing weights, from a weight to the unit it leads to;
  Left: the same backwards (incoming weights, the unit a weight comes from);
- Home / End: the first input / the first output;
- Return, Enter or F2: edit the weight, or the unit's bias, by hand (:attr:`DiagramKeys.activated`).

The current unit or weight is outlined in the scene (the outline is made again whenever the diagram
lays itself out), its text (the unit's bias and activation, the weight's value: the hover texts of
:class:`~nngui.views.network_view.NetworkView`) is emitted as :attr:`DiagramKeys.changed` for the
read-out beside the diagram's title, and announced when the cursor moves. Only the units the diagram
draws are visited (a big layer's "+N more" are not).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem

from nngui.views.network_view import NetworkView

KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)
EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
REFRESH_MS = 500  # the read-out follows the training while the diagram has the focus
Z_OUTLINE = 150.0  # a unit's: over the units, under the words
Z_EDGE_OUTLINE = 90.0  # a weight's: over the weights, under the units
OUTLINE_COLOUR = "#ffb000"  # amber: apart from every palette's blue and orange and from the grey fills


def plain_keys(event) -> bool:
    """No modifier but the keypad's: Shift+Right and Ctrl+Right stay the window's Step 10 / Step 100."""
    return not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class DiagramKeys(QObject):
    """Keyboard navigation of a :class:`NetworkView`; ``cursor`` is ``("node", layer, unit)`` or
    ``("edge", layer, i, j, side)`` (weight W[layer][i, j]; ``side`` the end the cursor came from)."""

    changed = Signal(str)  # the read-out of the current unit or weight ('' when none)
    activated = Signal(QPointF)  # Return, Enter or F2 on a unit or weight: its place in the viewport (to edit it)

    def __init__(self, view: NetworkView, announce: Callable[[str], None] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.announce = announce
        self.cursor: tuple | None = None
        self._items: list = []
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.installEventFilter(self)
        view.rebuilt.connect(self._on_rebuilt)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(lambda: self.changed.emit(self.text()))

    # ---------------------------------------------------------------- what the cursor is on
    def layers(self) -> int:
        """How many layers the diagram draws (0: none)."""
        arch = self.view.architecture()
        return 0 if arch is None else len(arch.sizes)

    def text(self) -> str:
        """The current unit's or weight's text, on one line ('' without a cursor)."""
        c = self.cursor
        if c is None:
            return ""
        raw = self.view.node_text(c[1], c[2]) if c[0] == "node" else self.view.edge_text(c[1], c[2], c[3])
        return "; ".join(line.strip() for line in raw.splitlines() if line.strip())

    def set_cursor(self, cursor: tuple | None, say: bool = True) -> None:
        """Put the cursor on ``cursor`` (outlined, read out and, with ``say``, announced)."""
        self.cursor = self._valid(cursor)
        self._outline()
        text = self.text()
        self.changed.emit(text)
        if say and text and self.announce is not None:
            self.announce(text)

    def _valid(self, c: tuple | None) -> tuple | None:
        n = self.layers()
        if c is None or n == 0:
            return None
        shown = self.view.shown_units
        if c[0] == "node":
            layer = max(0, min(n - 1, c[1]))
            return ("node", layer, max(0, min(shown(layer) - 1, c[2])))
        layer = max(0, min(n - 2, c[1]))
        return ("edge", layer, max(0, min(shown(layer) - 1, c[2])), max(0, min(shown(layer + 1) - 1, c[3])), c[4])

    # ---------------------------------------------------------------- moving
    def move(self, key: Qt.Key) -> bool:
        """Move for ``key``; False when the key means nothing here."""
        n = self.layers()
        if n == 0:
            return False
        c = self.cursor or ("node", 0, 0)
        K = Qt.Key
        if key == K.Key_Home:
            target = ("node", 0, 0)
        elif key == K.Key_End:
            target = ("node", n - 1, 0)
        elif c[0] == "node":
            _, layer, unit = c
            if key in (K.Key_Up, K.Key_Down):
                target = ("node", layer, unit + (1 if key == K.Key_Down else -1))
            elif key == K.Key_Right and layer < n - 1:
                target = ("edge", layer, unit, unit, "source")
            elif key == K.Key_Left and layer > 0:
                target = ("edge", layer - 1, unit, unit, "target")
            else:
                target = c
        else:
            _, layer, i, j, side = c
            step = 1 if key == K.Key_Down else -1
            if key in (K.Key_Up, K.Key_Down):
                target = ("edge", layer, i, j + step, side) if side == "source" else ("edge", layer, i + step, j, side)
            elif key == K.Key_Right:
                target = ("node", layer + 1, j)
            else:
                target = ("node", layer, i)
        self.set_cursor(target, say=True)
        return True

    # ---------------------------------------------------------------- the outline
    def _clear_outline(self) -> None:
        scene = self.view.scene()
        for item in self._items:
            try:
                if item.scene() is scene:
                    scene.removeItem(item)
            except RuntimeError:  # deleted with the scene's items on a rebuild
                pass
        self._items = []

    def _outline(self) -> None:
        self._clear_outline()
        c = self.cursor
        if c is None or not self.view.hasFocus():
            self.view.viewport().update()
            return
        pen = QPen(QColor(OUTLINE_COLOUR), 4.0)
        if c[0] == "node":
            node = self.view.node_item(c[1], c[2])
            if node is None:
                return
            r = node.rect().adjusted(-5, -5, 5, 5)
            item = QGraphicsEllipseItem(r)
            item.setPos(node.pos())
        else:
            edge = self.view.edge_item(c[1], c[2], c[3])
            if edge is None:
                return
            item = QGraphicsLineItem(edge.line())
            pen.setWidthF(edge.pen().widthF() + 8.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item.setPen(pen)
        item.setZValue(Z_OUTLINE if c[0] == "node" else Z_EDGE_OUTLINE)
        self.view.scene().addItem(item)
        self._items = [item]
        self.view.viewport().update()

    def place(self) -> QPointF:
        """Where the current unit (its centre) or weight (its middle) is, in viewport coordinates."""
        c = self.cursor
        if c is None:
            return QPointF()
        if c[0] == "node":
            item = self.view.node_item(c[1], c[2])
            centre = item.scenePos() if item is not None else QPointF()
        else:
            item = self.view.edge_item(c[1], c[2], c[3])
            centre = item.line().center() if item is not None else QPointF()
        return QPointF(self.view.mapFromScene(centre))

    def outline_items(self) -> list:
        """The items drawn around the current unit or weight (empty without focus or cursor)."""
        return list(self._items)

    def _on_rebuilt(self) -> None:
        self._items = []  # the scene dropped them
        if self.cursor is not None:
            self.cursor = self._valid(self.cursor)
            self._outline()
            self.changed.emit(self.text())

    # ---------------------------------------------------------------- events
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() in KEYS and plain_keys(event):
            event.accept()  # the arrows are the diagram's, not the window's Step
            return True
        if kind == QEvent.Type.KeyPress and event.key() in KEYS and plain_keys(event):
            return self.move(event.key())
        if kind == QEvent.Type.KeyPress and event.key() in EDIT_KEYS and plain_keys(event) and self.cursor:
            self.activated.emit(self.place())
            return True
        if kind == QEvent.Type.FocusIn:
            self._timer.start()
            if event.reason() != Qt.FocusReason.MouseFocusReason:  # a click: the mouse's hover texts suffice
                self.set_cursor(self.cursor or ("node", 0, 0), say=True)
        elif kind == QEvent.Type.FocusOut:
            self._timer.stop()
            self._clear_outline()
            self.view.viewport().update()
            self.changed.emit("")
        return False
