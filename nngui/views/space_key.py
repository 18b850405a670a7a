"""Space trains or pauses everywhere in the window, even while a settings field has the focus.

A spin box or a combo box takes the Space key for itself (a spin box as text it then
refuses, a combo box to open its list), so the window's Train shortcut never saw it.
:class:`SpaceTrains` lets the shortcut have it: a value typed into the field is
committed first (as Enter would), then Space does what it does everywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class SpaceTrains(QObject):
    """Installed on the text-like fields of ``panel``; call :meth:`watch` again when fields are added."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.watch()

    def watch(self) -> None:
        """Filter every spin box and combo box of the panel (again after the panel added some)."""
        for field in (*self.panel.findChildren(QAbstractSpinBox), *self.panel.findChildren(QComboBox)):
            field.installEventFilter(self)
            if field.lineEdit() is not None:  # typed keys may reach the field's own line edit first
                field.lineEdit().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            spin = obj if isinstance(obj, QAbstractSpinBox) else obj.parent()
            if isinstance(spin, QAbstractSpinBox):
                spin.interpretText()  # commit what was typed, as Enter would
            event.ignore()  # not the field's: Qt offers the key to the shortcuts (Train / Pause)
            return True
        return False
