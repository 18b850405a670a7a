"""Say why typed input was refused, instead of silently ignoring it.

Qt's spin boxes quietly swallow keys they cannot accept (a minus sign in Epochs) and
quietly revert text that is out of range when editing ends (a learning rate of 0).
:func:`guard_spin_box` makes both visible: the rule is shown in the status bar (and
returned by :attr:`SpinGuard.last_message` for tests), and the old value stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox

from nngui.support.i18n import fmt, translate

__all__ = ["SpinGuard", "guard_spin_box", "guard_settings_panel"]

Report = Callable[[str], None]
Text = str | Callable[[], str]  # a text, or how to make it in the language of the moment


class SpinGuard(QObject):
    """Watches one spin box; ``report(text)`` is called when input is refused."""

    def __init__(self, spin: QAbstractSpinBox, label: Text, rule: Text, report: Report) -> None:
        super().__init__(spin)
        self.spin, self.label, self.rule, self.report = spin, label, rule, report
        self.last_message: str | None = None
        spin.installEventFilter(self)
        spin.lineEdit().installEventFilter(self)
        spin.lineEdit().inputRejected.connect(self._rejected)

    def _current(self) -> str:
        return self.spin.textFromValue(self.spin.value()) if self.spin.specialValueText() == "" or \
            self.spin.value() != self.spin.minimum() else self.spin.specialValueText()

    def _say(self, what: str) -> None:
        label, rule = (t() if callable(t) else t for t in (self.label, self.rule))
        text = fmt(translate("SpinGuard", "%1: %2; %3. It stays %4."), label, what, rule, self._current())
        self.last_message = text
        self.report(text)

    def _rejected(self) -> None:
        self._say(translate("SpinGuard", "that key is not accepted"))

    def _check_text(self) -> None:
        text = self.spin.lineEdit().text()
        state = self.spin.validate(text, len(text))[0]
        if state != QValidator.State.Acceptable and text.strip() != self._current():
            shown = text.strip()
            self._say(fmt(translate("SpinGuard", "%1 is not accepted"), repr(shown)) if shown
                      else translate("SpinGuard", "an empty value is not accepted"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        t = event.type()
        if t == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check_text()
        elif t == QEvent.Type.FocusOut and obj is self.spin:
            self._check_text()
        return False


def guard_spin_box(spin: QAbstractSpinBox, label: Text, rule: Text, report: Report) -> SpinGuard:
    return SpinGuard(spin, label, rule, report)


def guard_settings_panel(panel, report: Report) -> dict[str, SpinGuard]:
    """Guards for the settings panel's number fields (keyed by objectName)."""
    from nngui.views.settings_widgets import MAX_LR, MIN_LR
    from nngui.views.training_options import guard_options

    specs = (
        (panel.learning_rate_spin, lambda: translate("SpinGuard", "Learning rate"),
         lambda: fmt(translate("SpinGuard", "it must be a number from %1 to %2"), f"{MIN_LR:g}", f"{MAX_LR:g}")),
        (panel.epochs_spin, lambda: translate("SpinGuard", "Epochs"),
         lambda: translate("SpinGuard", "it must be a whole number \u2265 0 (0 trains until you stop it)")),
        (panel.batch_size_spin, lambda: translate("SpinGuard", "Batch size"),
         lambda: translate("SpinGuard", "it must be a whole number \u2265 0 (0 uses all rows)")),
        (panel.seed_spin, lambda: translate("SpinGuard", "Seed"),
         lambda: translate("SpinGuard", "it must be a whole number \u2265 0")),
        (panel.validation_spin, lambda: translate("SpinGuard", "Validation"),
         lambda: translate("SpinGuard", "it must be a fraction from 0 to 0.9")),
    )
    guards: dict[str, SpinGuard] = {}
    for spin, label, rule in specs:
        guards[spin.objectName()] = guard_spin_box(spin, label, rule, report)

    def guard_hidden() -> None:  # hidden-layer spin boxes come and go with the layers
        for spin in panel.hidden_editor.spin_boxes():
            if not spin.property("nnguiGuarded"):
                spin.setProperty("nnguiGuarded", True)
                guards[spin.objectName()] = guard_spin_box(
                    spin, lambda: translate("SpinGuard", "Hidden units"),
                    lambda s=spin: fmt(translate("SpinGuard", "it must be a whole number from 1 to %1"), s.maximum()),
                    report)

    guard_hidden()
    panel.features_editor.refused.connect(report)  # a feature that would make too many columns: say so
    guards.update(guard_options(panel.training_options, report))  # L2, L1, the schedule, early stopping
    watcher = _ChildWatcher(panel.hidden_editor, guard_hidden)
    panel.hidden_editor.installEventFilter(watcher)
    return guards


class _ChildWatcher(QObject):
    """Calls ``fn`` (once, soon) whenever a child widget is added to the watched object."""

    def __init__(self, parent: QObject, fn: Callable[[], None]) -> None:
        super().__init__(parent)
        self.fn = fn

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ChildAdded:
            QTimer.singleShot(0, self, self.fn)
        return False
