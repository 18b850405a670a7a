"""Every question the window asks the user, in one small object that tests replace.

The window never opens a modal box or a file dialog itself: it asks its ``dialogs``
(an instance of :class:`Dialogs`). ``tests/conftest.py`` swaps the answers for
scripted ones, so no test can hang on a modal dialog and no production code needs a
switch for tests.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from nngui.support.i18n import fmt, translate

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"


class Dialogs:
    """Modal questions and file choosers, parented to ``parent`` (the main window)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def warn(self, title: str, text: str) -> None:
        """A problem the user must read (a warning box with an OK button)."""
        box = self.warning_box(title, text)
        box.exec()
        box.deleteLater()

    def warning_box(self, title: str, text: str) -> QMessageBox:
        """The box :meth:`warn` shows (not shown yet)."""
        return QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent)

    def ask_save(self, name: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"`` for unsaved changes to the document ``name``."""
        buttons = QMessageBox.StandardButton
        box = self.save_box(name)
        result = box.exec()
        box.deleteLater()
        return SAVE if result == buttons.Save else DISCARD if result == buttons.Discard else CANCEL

    def save_box(self, name: str) -> QMessageBox:
        """The box :meth:`ask_save` shows (not shown yet)."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Unsaved changes"))
        box.setText(fmt(translate("MainWindow", "Save the changes to %1?"), name))
        box.setInformativeText(translate("MainWindow", "Your changes to the data, the settings or the weights are "
                                                       "lost if you don't save."))
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        return box

    def ask_restore(self, item) -> str:
        """``"restore"``, ``"discard"`` or ``"later"`` for a project autosaved by a session that crashed
        (``item``: a :class:`nngui.files.autosave.Recoverable`)."""
        box, restore, discard = self.restore_box(item)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER

    def restore_box(self, item) -> tuple[QMessageBox, QAbstractButton, QAbstractButton]:
        """The box :meth:`ask_restore` shows (not shown yet), and its Restore and Discard buttons."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Recover unsaved work?"))
        box.setText(translate("MainWindow", "nngui did not close normally last time. Restore the unsaved project?"))
        box.setInformativeText(item.describe())
        restore = box.addButton(translate("MainWindow", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("MainWindow", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("MainWindow", "Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        return box, restore, discard

    def open_name(self, title: str, start: str, filters: str) -> str | None:
        """A file to open (None when cancelled)."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, start, filters)
        return path or None

    def ask_animation(self, defaults, checkpoints: int, map_ok: bool):
        """File > Export animation…'s choices (:class:`nngui.files.animation.AnimationOptions`), None when
        cancelled; ``checkpoints``: how many there are, ``map_ok``: whether the decision map can be drawn."""
        from nngui.files.animation_dialog import AnimationDialog

        dialog = AnimationDialog(defaults, checkpoints, map_ok, self.parent)
        return dialog.options() if dialog.exec() == AnimationDialog.DialogCode.Accepted else None

    def save_name(self, title: str, start: str, filters: str) -> str | None:
        """A file to write (None when cancelled); the platform's dialog asks before overwriting."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, start, filters)
        return path or None
