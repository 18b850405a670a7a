"""Edit a weight or a bias by hand, as in TensorFlow Playground: double-click an edge or a unit in the diagram.

:class:`DiagramEditing` watches the network view's double-clicks. On an edge (a weight) or a
hidden or output unit (its bias) it pauses training and opens :class:`WeightEditor`, a small
inline editor at the mouse showing the parameter's name, the two units it joins and its old
value. Enter applies a finite number (anything else is refused with a message, the editor
stays open), Escape or a click elsewhere cancels. An applied value is one step on the window's
undo stack (:class:`nngui.training.hand_edit.ParameterCommand`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.training.hand_edit import Parameter, ParameterCommand, read_parameter

EDITOR_STYLE = ("QFrame#weightEditor { background: #ffffff; border: 1px solid #7a7a7a; border-radius: 4px; }")
ERROR_STYLE = "color: #8b0000;"


def parse_value(text: str) -> float | None:
    """A finite number from typed text ("0.5", "-1e-3", "0,5"); None when it is not one."""
    try:
        v = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return v if math.isfinite(v) else None


class WeightEditor(QFrame):
    """The inline editor: a title, the old value and a line edit (objectNames ``weightEditor``,
    ``weightEditorField``, ``weightEditorMessage``)."""

    accepted = Signal(float)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("weightEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("weightEditorTitle")
        self.field = QLineEdit()
        self.field.setObjectName("weightEditorField")
        self.message = QLabel()
        self.message.setObjectName("weightEditorMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        for w in (self.title, self.field, self.message):
            lay.addWidget(w)
        self.field.returnPressed.connect(self.apply)
        self.field.installEventFilter(self)
        self.hide()

    def open(self, title: str, old: float, pos: QPoint) -> None:
        """Show the editor near ``pos`` (parent coordinates) with the old value selected."""
        self.title.setText(title + "\n" + fmt(translate("WeightEditor", "now %1 \u00b7 Enter applies, Esc cancels"),
                                               formatting.weight(old)))
        self.field.setText(formatting.exact(old))
        self.field.setToolTip(fmt(translate("WeightEditor", "Old value: %1"), formatting.exact(old)))
        self.field.setAccessibleName(title)
        self.message.hide()
        self.adjustSize()
        parent = self.parentWidget()
        x = min(max(0, pos.x() + 8), max(0, parent.width() - self.width()))
        y = min(max(0, pos.y() + 8), max(0, parent.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def apply(self) -> None:
        """Enter: emit ``accepted`` with the typed number, or say why it is refused."""
        value = parse_value(self.field.text())
        if value is None:
            self.message.setText(fmt(translate("WeightEditor", "%1 is not a finite number: type one such as 0.5 "
                                                               "or -1e-3"), repr(self.field.text().strip())))
            self.message.show()
            self.adjustSize()
            return
        self.hide()
        self.accepted.emit(value)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.hide()
            return True
        if event.type() == QEvent.Type.FocusOut and self.isVisible():
            self.hide()  # a click elsewhere cancels
        return False


class DiagramEditing(QObject):
    """Double-click editing of the window's diagram; edits go through ``window.undo_stack``."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.network_view
        self.editor = WeightEditor(self.view.viewport())
        self.editor.accepted.connect(self._apply)
        self.parameter: Parameter | None = None
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.MouseButtonDblClick and event.button() == Qt.MouseButton.LeftButton:
            self.edit_at(event.position().toPoint())
            return True
        return False

    def target_at(self, pos: QPoint) -> tuple[Parameter | None, str]:
        """The parameter under ``pos`` (viewport coordinates) and its title, or None and why not ('' for
        nothing under the mouse)."""
        hit = self.view.hover_target_at(self.view.mapToScene(pos))
        if hit is None:
            return None, ""
        t = self.window.session.trainer
        if t is None:
            return None, translate("MainWindow", "Nothing to edit yet: the network has no data to train on.")
        if hit[0] == "edge":
            layer, i, j = hit[1:]
            p = Parameter("weight", layer, j, i)
            return p, f"{p.name}  {self.view.unit_name(layer, i)} \u2192 {self.view.unit_name(layer + 1, j)}"
        layer, unit = hit[1:]
        if layer == 0:
            return None, translate("MainWindow", "Input units have no bias: double-click an edge to edit its weight.")
        if not t.network.arch.bias:
            return None, translate("MainWindow", "This network has no biases (Bias units is off).")
        p = Parameter("bias", layer - 1, unit)
        return p, f"{p.name}  {self.view.unit_name(layer, unit)}"

    def edit_at(self, pos: QPoint) -> bool:
        """Open the editor for what is under ``pos`` (viewport coordinates); False when there is nothing."""
        p, title = self.target_at(pos)
        if p is None:
            if title:
                self.window.show_status(title, 6000)
            return False
        session = self.window.session
        if session.controller.is_running():
            session.controller.pause(wait=True)
            self.window.show_status(translate("MainWindow", "Training paused to edit by hand; press Resume "
                                                            "(Space) to go on."), 8000)
        self.window.time_travel.go_live()  # an edit changes the weights as they are, not an earlier checkpoint's
        self.parameter = p
        self.editor.open(title, read_parameter(session.trainer, p), pos)
        return True

    def _apply(self, value: float) -> None:
        p, session = self.parameter, self.window.session
        if p is None or session.trainer is None or not p.fits(session.trainer.network.arch):
            return
        session.controller.pause(wait=True)
        old = read_parameter(session.trainer, p)
        self.window.undo_stack.push(ParameterCommand(session, p, old, value))
        self.window.show_status(fmt(translate("MainWindow", "%1 set to %2 (was %3); Ctrl+Z undoes."), p.name,
                                    formatting.exact(read_parameter(session.trainer, p)), formatting.exact(old)),
                                6000)
