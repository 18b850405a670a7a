"""The settings panel's own widgets: spin boxes that keep any double exactly, and the hidden-layer editor.

- :class:`LearningRateSpinBox` accepts ``1e-3``, keeps every double exactly and steps
  1-2-5; :class:`StopLossSpinBox` adds "Off" at 0.
- :class:`HiddenLayersEditor` edits the units per hidden layer, one spin box a layer.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.config import SOFT_MAX_LAYERS, SOFT_MAX_UNITS
from core.network import MAX_UNITS

from nngui.support import i18n
from nngui.support.formatting import exact as format_number

MAX_LAYERS = 20
MIN_LR, MAX_LR = 1e-6, 1e6
WARNING_STYLE = "color: #8a5a00; background: #fff4d6; border: 1px solid #e0b84a; border-radius: 3px; padding: 3px;"


class ElidingComboBox(QComboBox):
    """A combo box whose closed face elides a text too long for it ("Standardise (mean 0, …") and then
    shows the whole text in its tooltip; the list shows every item whole."""

    def elided(self) -> bool:
        return self.face_text() != self.currentText()

    def face_text(self) -> str:
        """The text the closed combo box shows: the current text, elided to fit."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, rect.width())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.face_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def event(self, e) -> bool:  # noqa: D102 - Qt API
        if e.type() == QEvent.Type.ToolTip and self.elided():
            tip = self.toolTip()
            QToolTip.showText(e.globalPos(), self.currentText() + ("\n" + tip if tip else ""), self)
            return True
        return super().event(e)


def nice_step(v: float, up: bool) -> float:
    """The next value of the 1-2-5 series above (or below) ``v``."""
    if v <= 0:
        return MIN_LR
    exp = math.floor(math.log10(v))
    candidates = sorted(m * 10.0**e for e in range(exp - 1, exp + 2) for m in (1, 2, 5))
    if up:
        for c in candidates:
            if c > v * (1 + 1e-9):
                return float(f"{c:.6g}")
    else:
        for c in reversed(candidates):
            if c < v * (1 - 1e-9):
                return float(f"{c:.6g}")
    return v


class LearningRateSpinBox(QDoubleSpinBox):
    """A double spin box that keeps any double exactly, accepts ``1e-3`` and steps 1-2-5."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDecimals(323)  # Qt rounds values to `decimals`; this many keeps every double exact
        self.setRange(MIN_LR, MAX_LR)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return format_number(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: D401
        t = text.strip().replace(",", ".")
        try:
            v = float(t)
        except ValueError:
            partial = t.rstrip("eE+-.") if t else t
            ok = t == "" or (partial == "" or is_float(partial)) and all(c in "0123456789.eE+-" for c in t)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        if math.isfinite(v) and MIN_LR <= v <= MAX_LR:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        v = self.value()
        for _ in range(abs(steps)):
            v = nice_step(v, steps > 0)
        self.setValue(min(MAX_LR, max(MIN_LR, v)))


class StopLossSpinBox(LearningRateSpinBox):
    """The stop condition's target loss: 0 shows the special text ("Off"); any double kept exactly.

    The arrows step 1-2-5 (up from Off: 0.01; down from the smallest value: Off again).
    """

    FIRST = 0.01

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRange(0.0, MAX_LR)
        self.setValue(0.0)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return format_number(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        t = text.strip()
        if not t or t == self.specialValueText():
            return 0.0
        return super().valueFromText(t)

    def validate(self, text: str, pos: int):  # noqa: D401
        t = text.strip()
        if t == self.specialValueText() or t == "":
            return (QValidator.State.Acceptable if t else QValidator.State.Intermediate), text, pos
        special = self.specialValueText()
        if special and special.lower().startswith(t.lower()) and not is_float(t.replace(",", ".")):
            return QValidator.State.Intermediate, text, pos
        try:
            v = float(t.replace(",", "."))
        except ValueError:
            return super().validate(text, pos)
        if math.isfinite(v) and 0.0 <= v <= MAX_LR:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        v = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                v = self.FIRST if v <= 0 else nice_step(v, True)
            else:
                v = 0.0 if v <= MIN_LR * (1 + 1e-9) else nice_step(v, False)
        self.setValue(min(MAX_LR, max(0.0, v)))


def is_float(t: str) -> bool:
    try:
        float(t)
    except ValueError:
        return False
    return True


class SymbolButton(QPushButton):
    """A push button as wide as it is tall, for one symbol such as "+" (the style's 80 px minimum is for words)."""

    def __init__(self, symbol: str, parent=None) -> None:
        super().__init__(symbol, parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: D102 (Qt API)
        h = super().sizeHint().height()
        return QSize(max(h, self.fontMetrics().horizontalAdvance(self.text()) + 12), h)

    def minimumSizeHint(self) -> QSize:  # noqa: D102 (Qt API)
        return self.sizeHint()


class HiddenLayersEditor(QWidget):
    """Hidden layer sizes: one spin box per layer, then "+" and "−" buttons to add and remove layers.

    1-64 units and up to 6 layers are the comfortable range; more (up to
    ``MAX_UNITS`` units and ``MAX_LAYERS`` layers) is allowed with a visible warning.
    """

    changed = Signal()

    PER_ROW = 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenLayersEditor")
        self._spins: list[QSpinBox] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        outer.addLayout(self._grid)
        self._i18n = i18n.Retranslator()
        keep = self._i18n.keep
        self._empty = QLabel()
        keep(self._empty, "setText", self.tr("No hidden layers: inputs connect straight to the outputs."))
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: #555;")
        outer.addWidget(self._empty)
        # "+" and "-" sit in the grid cell after the last layer (as in Playground): no row of their own.
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(3)
        self.add_button = SymbolButton("+")
        self.add_button.setObjectName("addLayerButton")
        keep(self.add_button, "setToolTip", self.tr("Add a hidden layer (a copy of the last one)"))
        keep(self.add_button, "setAccessibleName", self.tr("Add a hidden layer"))
        self.remove_button = SymbolButton("\u2212")
        self.remove_button.setObjectName("removeLayerButton")
        keep(self.remove_button, "setToolTip", self.tr("Remove the last hidden layer"))
        keep(self.remove_button, "setAccessibleName", self.tr("Remove the last hidden layer"))
        self._i18n.apply()
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("hiddenLayersWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        outer.addWidget(self.warning_label)
        self._count_changed()

    # -- API --------------------------------------------------------------------------------

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102 (Qt API)
        return i18n.translated("HiddenLayersEditor", text, disambiguation, n)

    def retranslate(self) -> None:
        """Labels again in the language installed now."""
        self._i18n.apply()
        for i, spin in enumerate(self._spins):
            spin.setToolTip(i18n.fmt(self.tr("Units in hidden layer %1 (1-%2 recommended)"), i + 1, SOFT_MAX_UNITS))
            spin.setAccessibleName(i18n.fmt(self.tr("Hidden layer %1 units"), i + 1))
        self._update()

    def layers(self) -> tuple[int, ...]:
        return tuple(int(s.value()) for s in self._spins)

    def spin_boxes(self) -> list[QSpinBox]:
        return list(self._spins)

    def set_layers(self, sizes) -> None:
        """Show ``sizes`` (no ``changed`` signal)."""
        sizes = [int(s) for s in sizes][:MAX_LAYERS]
        while len(self._spins) > len(sizes):
            self._drop_spin()
        while len(self._spins) < len(sizes):
            self._add_spin(1)
        for spin, v in zip(self._spins, sizes):
            with QSignalBlocker(spin):
                spin.setValue(max(1, min(MAX_UNITS, v)))
        self._count_changed()

    def add_layer(self) -> None:
        if len(self._spins) >= MAX_LAYERS:
            return
        self._add_spin(self._spins[-1].value() if self._spins else 4)
        self._count_changed()
        self.changed.emit()

    def remove_layer(self) -> None:
        if not self._spins:
            return
        self._drop_spin()
        self._count_changed()
        self.changed.emit()

    # -- internals --------------------------------------------------------------------------

    def _add_spin(self, value: int) -> None:
        i = len(self._spins)
        spin = QSpinBox()
        spin.setObjectName(f"hiddenLayerSpin{i + 1}")
        spin.setRange(1, MAX_UNITS)
        spin.setValue(max(1, min(MAX_UNITS, int(value))))
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        spin.setToolTip(i18n.fmt(self.tr("Units in hidden layer %1 (1-%2 recommended)"), i + 1, SOFT_MAX_UNITS))
        spin.setAccessibleName(i18n.fmt(self.tr("Hidden layer %1 units"), i + 1))
        spin.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        spin.setMinimumWidth(54)
        spin.valueChanged.connect(self._spin_changed)
        r, c = divmod(i, self.PER_ROW)
        self._grid.addWidget(spin, r, c)
        self._spins.append(spin)

    def _drop_spin(self) -> None:
        spin = self._spins.pop()
        self._grid.removeWidget(spin)
        spin.setParent(None)
        spin.deleteLater()

    def _spin_changed(self, _v: int) -> None:
        self._update()
        self.changed.emit()

    def _count_changed(self) -> None:
        """A layer came or went: "+" and "−" move to the cell after the last box, then ``_update``."""
        r, c = divmod(len(self._spins), self.PER_ROW)
        self._grid.removeWidget(self._buttons)
        self._grid.addWidget(self._buttons, r, c, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        chain = [*self._spins, self.add_button, self.remove_button]  # Tab goes as the eye reads
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self._update()

    def _update(self) -> None:
        n = len(self._spins)
        self._empty.setVisible(n == 0)
        self.add_button.setEnabled(n < MAX_LAYERS)
        self.remove_button.setEnabled(n > 0)
        notes = []
        if n > SOFT_MAX_LAYERS:
            notes.append(i18n.fmt(self.tr("%1 hidden layers (more than %2): deep networks train slowly."),
                                  n, SOFT_MAX_LAYERS))
        big = [i + 1 for i, s in enumerate(self._spins) if s.value() > SOFT_MAX_UNITS]
        if big:
            which = ", ".join(map(str, big))
            notes.append(i18n.fmt(self.tr("More than %1 units in layer %2: training will be slower "
                                          "and the diagram shows only the first units."), SOFT_MAX_UNITS, which))
        self.warning_label.setText("\n".join(notes))
        self.warning_label.setVisible(bool(notes))
