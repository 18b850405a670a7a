"""Edit: undo and redo (the table's QUndoStack), then the data table's own editing actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from nngui.actions import add_menu, fill
from nngui.support.i18n import fmt, translate

K = QKeySequence.StandardKey


def _undo_text(text: str) -> str:
    return fmt(translate("MainWindow", "&Undo %1"), text) if text else translate("MainWindow", "&Undo")


def _redo_text(text: str) -> str:
    return fmt(translate("MainWindow", "&Redo %1"), text) if text else translate("MainWindow", "&Redo")


def _stack_action(w, name: str, label, text, can, changed, run) -> QAction:
    """An undo or redo action whose text is ``label(text())`` in the language of the moment (Qt's
    ``createUndoAction`` keeps the prefix it was made with)."""
    action = QAction(label(text()), w)
    action.setObjectName(name)
    action.setEnabled(can())
    can_changed, text_changed = changed
    can_changed.connect(action.setEnabled)
    text_changed.connect(lambda new: action.setText(label(new)))
    action.triggered.connect(run)
    w.retranslator.keep(action, lambda a, _text: a.setText(label(text())), translate("MainWindow", "&Undo"))
    return action


def build(w, menubar) -> None:
    stack = w.undo_stack
    w.undo_action = _stack_action(w, "undoAction", _undo_text, stack.undoText, stack.canUndo,
                                  (stack.canUndoChanged, stack.undoTextChanged), stack.undo)
    w.undo_action.setShortcuts([QKeySequence(K.Undo)])
    w.redo_action = _stack_action(w, "redoAction", _redo_text, stack.redoText, stack.canRedo,
                                  (stack.canRedoChanged, stack.redoTextChanged), stack.redo)
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(K.Redo)])
    w.addAction(w.undo_action)
    w.addAction(w.redo_action)
    dv = w.data_view
    menu = add_menu(w, menubar, translate("MainWindow", "&Edit"), "editMenu")
    fill(menu, [[w.undo_action, w.redo_action],
                [dv.cut_action, dv.copy_action, dv.paste_action, dv.clear_action],
                [dv.insert_row_above_action, dv.insert_row_below_action, dv.remove_rows_action],
                [dv.insert_column_action, dv.rename_column_action, dv.remove_column_action]])
