"""Regularisation, the learning-rate schedule and early stopping: a collapsible part of the settings panel.

:class:`TrainingOptions` (objectName ``trainingOptionsSection``) edits four fields of a
:class:`core.config.TrainConfig`: ``l2`` and ``l1`` (``l2Setting``, ``l1Setting``; 0 = off),
``schedule`` (``scheduleSetting``: a combo built from :data:`core.schedules.SCHEDULES` and a
spin box per parameter of the chosen kind) and ``early_stopping`` (``earlyStoppingSetting``,
the patience; 0 = off). It starts collapsed (the settings still fit 1280x720 without
scrolling), opens by click and by keyboard, and opens by itself when a loaded configuration
uses any of them. A value the core refuses (a patience without a validation share, a cosine
schedule without an epoch target) is put back, and the core's message is shown under the rows
and sent through ``refused``. Values the widgets cannot show exactly are kept as given until
edited, so ``set_values`` / ``values`` round-trip.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.config import ConfigError, TrainConfig
from core.schedules import SCHEDULES, format_schedule, parse_schedule

from nngui.support import i18n
from nngui.support.core_messages import error_text
from nngui.support.i18n import translate
from nngui.views.settings_widgets import ElidingComboBox, LearningRateSpinBox, StopLossSpinBox

FIELDS = ("l2", "l1", "schedule", "early_stopping")
INT_MAX = 2**31 - 1
ERROR_STYLE = "color: #8b0000; background: #ffe3e3; border: 1px solid #d46a6a; border-radius: 3px; padding: 3px;"
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1  # a combo item's untranslated label
FORMULA_ROLE = Qt.ItemDataRole.UserRole + 2  # and its untranslated formula (the tooltip)


def uses_options(cfg: TrainConfig) -> bool:
    """True when ``cfg`` uses regularisation, a schedule other than constant or early stopping."""
    return bool(cfg.l2 or cfg.l1 or cfg.early_stopping or cfg.schedule != "constant")


class PenaltySpinBox(StopLossSpinBox):
    """A penalty strength: 0 shows "Off", any double is kept exactly, the arrows step 1-2-5 from 0.001."""

    FIRST = 0.001


class FactorSpinBox(LearningRateSpinBox):
    """A schedule's factor (GAMMA > 0): any double kept exactly, the arrows step by 0.05."""

    STEP = 0.05

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt API)
        v = round(self.value() + steps * self.STEP, 10)
        self.setValue(max(self.minimum(), min(self.maximum(), v if v > 0 else self.STEP)))


class SectionToggle(QToolButton):
    """The section's header: an arrow and a title; a click, Space or Enter opens and closes it."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class ScheduleEditor(QWidget):
    """The schedule (objectName ``scheduleSetting``): its kind, then the kind's parameters."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleSetting")
        self._i18n = i18n.Retranslator()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.combo = ElidingComboBox()
        self.combo.setObjectName("scheduleCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        for spec in SCHEDULES.values():
            self.combo.addItem(i18n.translated("core", spec.label), spec.name)
            k = self.combo.count() - 1
            self.combo.setItemData(k, spec.label, SOURCE_ROLE)
            self.combo.setItemData(k, spec.formula, FORMULA_ROLE)
            self.combo.setItemData(k, i18n.translated("core", spec.formula), Qt.ItemDataRole.ToolTipRole)
        lay.addWidget(self.combo)
        # One spin box per parameter name (GAMMA is shared by step and exp: switching keeps its value).
        self.params: dict[str, QDoubleSpinBox | QSpinBox] = {}
        self.param_labels: dict[str, QLabel] = {}
        grid = QGridLayout()  # one parameter a row: narrow enough for the settings dock
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        for spec in SCHEDULES.values():
            for p in spec.params:
                if p.name in self.params:
                    continue
                spin = QSpinBox() if p.whole else FactorSpinBox()
                if p.whole:
                    spin.setRange(1, INT_MAX)
                    spin.setGroupSeparatorShown(True)
                    spin.setKeyboardTracking(False)
                    spin.setAccelerated(True)
                spin.setValue(int(p.default) if p.whole else float(p.default))
                spin.setObjectName(f"schedule{p.name.title()}Spin")
                spin.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                spin.setMinimumWidth(48)
                label = QLabel(i18n.translated("core", p.label))
                self._i18n.keep(label, "setText", i18n.translated("core", p.label))
                label.setBuddy(spin)
                spin.setAccessibleName(i18n.translated("core", p.label))
                grid.addWidget(label, len(self.params), 0)
                grid.addWidget(spin, len(self.params), 1)
                self.params[p.name], self.param_labels[p.name] = spin, label
                spin.valueChanged.connect(lambda _v: self.changed.emit())
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        self.combo.currentIndexChanged.connect(self._kind_changed)
        self._show_params()

    def retranslate(self) -> None:
        self._i18n.apply()
        for k in range(self.combo.count()):
            source, formula = self.combo.itemData(k, SOURCE_ROLE), self.combo.itemData(k, FORMULA_ROLE)
            if source:
                self.combo.setItemText(k, i18n.translated("core", source))
            if formula:
                self.combo.setItemData(k, i18n.translated("core", formula), Qt.ItemDataRole.ToolTipRole)
        for spec in SCHEDULES.values():
            for p in spec.params:
                self.params[p.name].setAccessibleName(i18n.translated("core", p.label))
        self._show_params()

    def kind(self) -> str:
        return self.combo.currentData()

    def schedule(self) -> str:
        """The schedule shown, as text (``step:0.5:100``)."""
        spec = SCHEDULES.get(self.kind())
        if spec is None:  # an unknown kind from a file: its text is kept by the owner
            return str(self.kind())
        return format_schedule(spec.name, *(self.params[p.name].value() for p in spec.params))

    def text_with(self, name: str, typed: str) -> str:
        """The schedule's text with parameter ``name`` written as typed (to let the core judge it)."""
        spec = SCHEDULES.get(self.kind())
        if spec is None:
            return str(self.kind())
        parts = [typed if p.name == name else str(self.params[p.name].value()) for p in spec.params]
        return ":".join((spec.name, *parts))

    def set_schedule(self, text) -> bool:
        """Show ``text`` (no signal); False when the widgets cannot show it exactly (it does not parse)."""
        try:
            parsed = parse_schedule(text)
        except ValueError:
            return False
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(parsed.spec.name))
        for p, v in zip(parsed.spec.params, parsed.args):
            spin = self.params[p.name]
            with QSignalBlocker(spin):
                try:
                    spin.setValue(min(max(v, spin.minimum()), spin.maximum()))
                except (TypeError, OverflowError):  # pragma: no cover - clamped above
                    return False
            if spin.value() != v:
                return False
        self._show_params()
        return self.schedule() == str(parsed)

    def _kind_changed(self, _i: int) -> None:
        self._show_params()
        self.changed.emit()

    def _show_params(self) -> None:
        spec = SCHEDULES.get(self.kind())
        wanted = {p.name for p in spec.params} if spec is not None else set()
        for name, spin in self.params.items():
            spin.setVisible(name in wanted)
            self.param_labels[name].setVisible(name in wanted)
        tip = self.combo.itemData(self.combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) or ""
        self.combo.setToolTip(tip)


class TrainingOptions(QWidget):
    """The collapsible "Regularisation and schedule" section; ``changed(field)`` after an accepted edit."""

    changed = Signal(str)
    refused = Signal(str)  # the core's message for a value that was put back

    def __init__(self, config_source: Callable[[], TrainConfig], parent: QWidget | None = None) -> None:
        """``config_source``: the whole configuration shown (the epochs and validation share a check needs)."""
        super().__init__(parent)
        self.setObjectName("trainingOptionsSection")
        self._config_source = config_source
        self._exact: dict[str, object] = {}  # values a widget cannot show exactly, kept until edited
        self._accepted: dict[str, object] = {}
        self._loading = False
        self._i18n = i18n.Retranslator()
        keep = self._i18n.keep
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.toggle = SectionToggle()
        self.toggle.setObjectName("trainingOptionsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("QToolButton { font-weight: bold; border: none; padding: 0px; }")
        keep(self.toggle, "setText", self.tr("Regularisation and schedule"))
        keep(self.toggle, "setToolTip", self.tr("L2 and L1 penalties on the weights, a learning-rate schedule and "
                                                "early stopping (click, Space or Enter to open)"))
        outer.addWidget(self.toggle)
        self.body = QWidget()
        self.body.setObjectName("trainingOptionsBody")
        form = QFormLayout(self.body)
        form.setContentsMargins(8, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        self.l2_spin = self._penalty("l2Setting", self.tr("L2 penalty (l2 / 2) * sum(W^2) on the weights, not the "
                                                          "biases; Off = 0"))
        self._row(form, self.tr("L2"), self.l2_spin)
        self.l1_spin = self._penalty("l1Setting", self.tr("L1 penalty l1 * sum(|W|) on the weights, not the biases; "
                                                          "Off = 0"))
        self._row(form, self.tr("L1"), self.l1_spin)
        self.schedule_editor = ScheduleEditor()
        keep(self.schedule_editor, "setToolTip", self.tr("How the learning rate changes epoch by epoch (epoch e "
                                                         "counts from 1, lr is the learning rate above)"))
        self._row(form, self.tr("Schedule"), self.schedule_editor)
        self.patience_spin = QSpinBox()
        self.patience_spin.setObjectName("earlyStoppingSetting")
        self.patience_spin.setRange(0, INT_MAX)
        self.patience_spin.setKeyboardTracking(False)
        self.patience_spin.setAccelerated(True)
        keep(self.patience_spin, "setSpecialValueText", self.tr("Off"))
        keep(self.patience_spin, "setSuffix", self.tr(" epochs"))
        keep(self.patience_spin, "setToolTip", self.tr("Stop when the validation loss has not improved for this many "
                                                       "epochs and keep the weights of its best epoch (needs a "
                                                       "validation share); Off = 0"))
        self._row(form, self.tr("Early stopping"), self.patience_spin)
        self.message = QLabel()
        self.message.setObjectName("trainingOptionsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        form.addRow(self.message)
        outer.addWidget(self.body)
        self._i18n.apply()
        self.toggle.toggled.connect(self.set_expanded)
        self.l2_spin.valueChanged.connect(lambda _v: self._edited("l2"))
        self.l1_spin.valueChanged.connect(lambda _v: self._edited("l1"))
        self.schedule_editor.changed.connect(lambda: self._edited("schedule"))
        self.patience_spin.valueChanged.connect(lambda _v: self._edited("early_stopping"))
        self.set_values(TrainConfig())
        self.set_expanded(False)

    # -- public API -------------------------------------------------------------------------

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102 (Qt API)
        return translate("TrainingOptions", text, disambiguation, n)

    def retranslate(self) -> None:
        """Every label again in the language installed now."""
        self._i18n.apply()
        self.schedule_editor.retranslate()
        self._update_arrow()

    @property
    def expanded(self) -> bool:
        return not self.body.isHidden()

    def set_expanded(self, on: bool) -> None:
        """Open (``True``) or close the section."""
        on = bool(on)
        self.body.setVisible(on)
        if self.toggle.isChecked() != on:
            with QSignalBlocker(self.toggle):
                self.toggle.setChecked(on)
        self._update_arrow()

    def widgets(self) -> dict[str, QWidget]:
        """The control of each field (the settings panel's ``field_widget``)."""
        return {"l2": self.l2_spin, "l1": self.l1_spin, "schedule": self.schedule_editor,
                "early_stopping": self.patience_spin}

    def value_widgets(self) -> list[QWidget]:
        """Every widget whose signals carry an edit."""
        return [self.l2_spin, self.l1_spin, self.schedule_editor, self.schedule_editor.combo,
                *self.schedule_editor.params.values(), self.patience_spin]

    def values(self) -> dict[str, object]:
        """The four fields as shown (values kept as given where a widget cannot show them)."""
        shown = {"l2": float(self.l2_spin.value()), "l1": float(self.l1_spin.value()),
                 "schedule": self.schedule_editor.schedule(), "early_stopping": int(self.patience_spin.value())}
        return {k: self._exact.get(k, v) for k, v in shown.items()}

    def set_values(self, cfg: TrainConfig) -> None:
        """Show ``cfg``'s four fields without a signal; open the section when it uses any of them."""
        self._loading = True
        blockers = [QSignalBlocker(w) for w in self.value_widgets()]
        try:
            self._exact = {}
            for key, spin in (("l2", self.l2_spin), ("l1", self.l1_spin), ("early_stopping", self.patience_spin)):
                value = getattr(cfg, key)
                try:
                    spin.setValue(min(max(value, spin.minimum()), spin.maximum()))
                except (TypeError, OverflowError):
                    pass
                if type(spin.value()) is not type(value) or spin.value() != value:
                    self._exact[key] = value  # e.g. a negative L2 from a file: kept, and check() reports it
            if not self.schedule_editor.set_schedule(cfg.schedule):
                self._exact["schedule"] = cfg.schedule
        finally:
            for b in blockers:
                b.unblock()
            self._loading = False
        self._accepted = self.values()
        self.message.hide()
        try:
            on = uses_options(cfg)
        except TypeError:
            on = True
        if on:
            self.set_expanded(True)

    def refusal(self) -> str:
        """The message shown for the last refused value ('' when none is shown)."""
        return self.message.text() if not self.message.isHidden() else ""

    # -- internals --------------------------------------------------------------------------

    def _penalty(self, name: str, tip: str) -> PenaltySpinBox:
        spin = PenaltySpinBox()
        spin.setObjectName(name)
        self._i18n.keep(spin, "setSpecialValueText", self.tr("Off"))
        self._i18n.keep(spin, "setToolTip", tip)
        return spin

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        self._i18n.keep(label, "setText", text)
        field.setAccessibleName(text)
        self._i18n.keep(field, "setAccessibleName", text)
        form.addRow(label, field)
        return label

    def _update_arrow(self) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if self.expanded else Qt.ArrowType.RightArrow)

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._exact.pop(key, None)
        problem = self._problem(key)
        if problem is not None:
            self._put_back(key)
            self.message.setText(problem)
            self.message.show()
            self.refused.emit(problem)
            return
        self.message.hide()
        self._accepted[key] = self.values()[key]
        self.changed.emit(key)

    def _problem(self, key: str) -> str | None:
        """The core's message when it refuses ``key`` as shown, with the epochs and validation share shown."""
        cfg = self._config_source()
        try:
            TrainConfig(epochs=cfg.epochs, validation=cfg.validation, **self.values()).check()
        except ConfigError as exc:
            if exc.field == key:
                return error_text(exc)
        except (TypeError, ValueError):  # pragma: no cover - defensive
            return None
        return None

    def _put_back(self, key: str) -> None:
        old = self._accepted.get(key)
        self._loading = True
        blockers = [QSignalBlocker(w) for w in self.value_widgets()]
        try:
            if key == "schedule":
                if not self.schedule_editor.set_schedule(old):
                    self._exact[key] = old
            else:
                spin = self.widgets()[key]
                spin.setValue(old)
                if spin.value() != old:
                    self._exact[key] = old
        finally:
            for b in blockers:
                b.unblock()
            self._loading = False



class OptionGuard(QObject):
    """Says why typed input in one of the section's number fields is refused, in the core's words
    (``last_message``), and reports it (the window's status bar); the old value stays."""

    def __init__(self, spin: QAbstractSpinBox, field: str, report: Callable[[str], None],
                 make_value: Callable[[object], object] | None = None) -> None:
        """``make_value``: the field's value from the typed number (a schedule's text from one parameter)."""
        super().__init__(spin)
        self.spin, self.field, self.report = spin, field, report
        self.make_value = make_value
        self.last_message: str | None = None
        spin.installEventFilter(self)
        spin.lineEdit().installEventFilter(self)
        spin.lineEdit().inputRejected.connect(lambda: self._say(translate_key()))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        t = event.type()
        if (t == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)) or \
                (t == QEvent.Type.FocusOut and obj is self.spin):
            self._check(self.spin.lineEdit().text())
        return False

    def _current(self) -> str:
        spin = self.spin
        if spin.specialValueText() and spin.value() == spin.minimum():
            return spin.specialValueText()
        return spin.textFromValue(spin.value())

    def _check(self, text: str) -> None:
        if self.spin.validate(text, len(text))[0] == QValidator.State.Acceptable or text.strip() == self._current():
            return
        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            self._say(i18n.fmt(translate("TrainingOptions", "%1 is not a number"), repr(text.strip())))
            return
        if self.field == "early_stopping" and value.is_integer():
            value = int(value)
        if self.make_value is not None:
            value = self.make_value(text.strip())
        try:
            TrainConfig(validation=0.5, **{self.field: value}).check()
        except ConfigError as exc:
            self._say(error_text(exc))
            return
        self._say(i18n.fmt(translate("TrainingOptions", "%1 is out of range"), repr(text.strip())))

    def _say(self, what: str) -> None:
        text = what + " " + i18n.fmt(translate("TrainingOptions", "It stays %1."), self._current())
        self.last_message = text
        self.report(text)


def translate_key() -> str:
    return translate("TrainingOptions", "That key is not accepted here.")


def guard_options(options: TrainingOptions, report: Callable[[str], None]) -> dict[str, OptionGuard]:
    """Guards for the section's number fields (keyed by objectName); refused values reach ``report`` too."""
    options.refused.connect(report)
    spins = {"l2": options.l2_spin, "l1": options.l1_spin, "early_stopping": options.patience_spin}
    guards = {spin.objectName(): OptionGuard(spin, field, report) for field, spin in spins.items()}
    editor = options.schedule_editor
    for name, spin in editor.params.items():
        guards[spin.objectName()] = OptionGuard(spin, "schedule", report,
                                                lambda typed, name=name: editor.text_with(name, typed))
    return guards
