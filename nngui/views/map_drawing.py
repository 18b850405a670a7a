"""Drawing data points with the mouse on the decision map, and the map's context menu.

On data with two inputs and one column of class labels, the map's title row gets a
*Draw points* toggle (objectName ``drawPointsButton``) and, while it is on, a class
chooser (``drawClassCombo``). Then a click on the map adds a row with the point's two
input values (in the table's units, rounded to about a thousandth of the plotted range)
and the chosen class; a right-click removes the row of the nearest point drawn. Each is
one undo step on the data table's QUndoStack (:mod:`nngui.views.table_commands`), so the
table, the trainer and the map follow as for any table edit.

Without draw mode a right-click opens the map's context menu (*Show validation points*,
*Discretise output*: the View menu's actions, :func:`MapDrawing.add_menu_actions`).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QMenu, QToolButton

from nngui.support.formatting import exact
from nngui.support.i18n import fmt, translate
from nngui.views.decision_map import KIND_CLASSES, DecisionMap
from nngui.views.table_commands import Inverse, InsertRows, TableCommand

MAX_CLASSES = 20  # a target with more distinct whole numbers is not a class column to draw with


def point_classes(session) -> list[float] | None:
    """The class labels a drawn point may take: the trainer's classes, or the distinct whole numbers of
    the one target column (e.g. 0/1 under a sigmoid); None when the target is not a class column."""
    if session is None or session.n_inputs != 2 or session.dataset.Y.shape[1] != 1:
        return None
    if session.classes is not None:
        return [float(c) for c in session.classes]
    y = session.dataset.Y[:, 0]
    if not y.size or not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
        return None
    labels = np.unique(y)
    return [float(c) for c in labels] if labels.size <= MAX_CLASSES else None


def snap(value: float, span: float) -> float:
    """``value`` rounded to about a thousandth of ``span`` (a click is no more exact than that)."""
    digits = max(0, 3 - math.floor(math.log10(span))) if span > 0 and math.isfinite(span) else 3
    return round(float(value), digits)


class MapDrawing(QObject):
    """The draw mode of a :class:`DecisionMap` over the table ``data_model`` (a DataTableModel)."""

    def __init__(self, decision_map: DecisionMap, data_model, head, parent: QObject | None = None) -> None:
        """``head``: the layout the controls join (the map box's title row, where the hint can shrink)."""
        super().__init__(parent or decision_map)
        self.dm, self.model = decision_map, data_model
        self.classes: list[float] = []
        self.menu_actions: list = []
        self.menu: QMenu | None = None
        self.button = QToolButton()
        self.button.setObjectName("drawPointsButton")
        self.button.setCheckable(True)
        self.button.toggled.connect(self.set_drawing)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("drawClassCombo")
        self.class_combo.hide()
        head.addWidget(self.button)
        head.addWidget(self.class_combo)
        self.retranslate()
        self.button.installEventFilter(self)  # LanguageChange: the texts again
        decision_map.changed.connect(self.sync)
        decision_map.plot.scene().sigMouseClicked.connect(self._on_click)
        self.sync()

    def retranslate(self) -> None:
        self.button.setText(translate("MapDrawing", "Draw points"))
        self.class_combo.setToolTip(translate("MapDrawing", "The class of the points a click adds"))
        self._update_tip()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _update_tip(self) -> None:
        if self.button.isEnabled():
            tip = translate("MapDrawing", "Click on the map to add a point of the chosen class, right-click to "
                                          "remove the nearest point; each is one undo step (Ctrl+Z)")
        else:
            tip = translate("MapDrawing", "Drawing points needs data with two inputs and one column of class "
                                          "labels (e.g. 0 and 1)")
        self.button.setToolTip(tip)

    # -- state ------------------------------------------------------------------------------------

    @property
    def drawing(self) -> bool:
        return self.button.isChecked() and self.button.isEnabled()

    def set_drawing(self, on: bool) -> None:
        """Switch draw mode (only where drawing is possible)."""
        on = bool(on) and self.button.isEnabled()
        if self.button.isChecked() != on:
            self.button.setChecked(on)  # comes back here
            return
        self.class_combo.setVisible(on)
        self.dm.plot.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def sync(self) -> None:
        """New data, trainer or colours: which classes can be drawn, and their swatches (the chosen class
        kept when it still exists)."""
        classes = point_classes(self.dm.session) if self.dm.applicable else None
        self.button.setEnabled(classes is not None)
        chosen = self.chosen_class()
        self.classes = classes or []
        combo = self.class_combo
        combo.blockSignals(True)
        combo.clear()
        colours = self._colours()
        for k, c in enumerate(self.classes):
            icon = QPixmap(12, 12)
            icon.fill(QColor(*colours[k][:3]) if colours is not None else QColor("#888888"))
            combo.addItem(QIcon(icon), exact(c), c)
        if chosen in self.classes:
            combo.setCurrentIndex(self.classes.index(chosen))
        combo.blockSignals(False)
        if classes is None:
            self.set_drawing(False)
        self._update_tip()

    def _colours(self) -> np.ndarray | None:
        st = self.dm.style_
        if st is None or not self.classes:
            return None
        Y = np.array(self.classes).reshape(-1, 1)
        return st.target_rgba(Y, np.arange(len(self.classes)) if st.kind == KIND_CLASSES else None)

    def chosen_class(self) -> float | None:
        data = self.class_combo.currentData()
        return None if data is None else float(data)

    def choose_class(self, label: float) -> None:
        self.class_combo.setCurrentIndex(self.classes.index(float(label)))

    # -- editing the table ------------------------------------------------------------------------

    def add_point(self, x: float, y: float, label: float | None = None) -> int:
        """Append a row at (x, y) with class ``label`` (the chosen one by default); its row index."""
        label = self.chosen_class() if label is None else float(label)
        m = self.model
        row = np.full((1, m.columnCount()), np.nan)
        (cx, cy), ct = m.input_columns(), m.target_columns()[0]
        row[0, cx], row[0, cy], row[0, ct] = x, y, label
        n = m.rowCount()
        text = fmt(translate("MapDrawing", "Draw a point of class %1"), exact(label))
        m.undo_stack.push(TableCommand(m, text, [InsertRows(n, row)]))
        return n

    def nearest(self, x: float, y: float) -> int | None:
        """The table row of the drawn point nearest to (x, y) on screen (axes scaled to the plot)."""
        s, b, rows = self.dm.session, self.dm.bounds, self.dm.drawn_points
        if s is None or b is None or not rows.size:
            return None
        P = s.X[rows]
        d = ((P[:, 0] - x) / b.width) ** 2 + ((P[:, 1] - y) / b.height) ** 2
        return int(rows[int(np.argmin(d))])

    def remove_nearest(self, x: float, y: float) -> int | None:
        """Remove the row of the point nearest to (x, y) (one undo step); its former index, or None."""
        r = self.nearest(x, y)
        if r is None:
            return None
        m = self.model
        text = fmt(translate("MapDrawing", "Remove the point in row %1"), r + 1)
        m.undo_stack.push(TableCommand(m, text, [Inverse(InsertRows(r, m.values()[r : r + 1]))]))
        return r

    # -- the mouse --------------------------------------------------------------------------------

    def _on_click(self, ev) -> None:
        vb = self.dm.plot.getPlotItem().getViewBox()
        if self.dm.is_placeholder() or not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        right = ev.button() == Qt.MouseButton.RightButton
        if not self.drawing:
            if right and self.menu_actions:
                ev.accept()
                pos = ev.screenPos()
                self.context_menu().popup(QPoint(int(pos.x()), int(pos.y())))
            return
        if ev.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        ev.accept()
        p = vb.mapSceneToView(ev.scenePos())
        b = self.dm.bounds
        if right:
            self.remove_nearest(p.x(), p.y())
        elif self.chosen_class() is not None:
            self.add_point(snap(p.x(), b.width), snap(p.y(), b.height))

    # -- the context menu -------------------------------------------------------------------------

    def add_menu_actions(self, actions) -> None:
        """The actions the map's context menu offers (the View menu's map toggles)."""
        self.menu_actions += list(actions)
        self.menu = None

    def context_menu(self) -> QMenu:
        """The map's context menu (objectName ``decisionMapMenu``), built on first use."""
        if self.menu is None:
            self.menu = QMenu(self.dm)
            self.menu.setObjectName("decisionMapMenu")
            self.menu.addActions(self.menu_actions)
        return self.menu
