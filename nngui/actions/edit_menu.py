"""Edit: undo and redo (the table's QUndoStack), then the data table's own editing actions."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from nngui.actions import add_menu, fill
from nngui.support.i18n import translate

K = QKeySequence.StandardKey


def build(w, menubar) -> None:
    stack = w.undo_stack
    w.undo_action = stack.createUndoAction(w, translate("MainWindow", "&Undo"))
    w.undo_action.setObjectName("undoAction")
    w.undo_action.setShortcuts([QKeySequence(K.Undo)])
    w.redo_action = stack.createRedoAction(w, translate("MainWindow", "&Redo"))
    w.redo_action.setObjectName("redoAction")
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(K.Redo)])
    w.addAction(w.undo_action)
    w.addAction(w.redo_action)
    dv = w.data_view
    menu = add_menu(w, menubar, translate("MainWindow", "&Edit"), "editMenu")
    fill(menu, [[w.undo_action, w.redo_action],
                [dv.cut_action, dv.copy_action, dv.paste_action, dv.clear_action],
                [dv.insert_row_above_action, dv.insert_row_below_action, dv.remove_rows_action],
                [dv.insert_column_action, dv.rename_column_action, dv.remove_column_action]])

