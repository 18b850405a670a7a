"""The data table's undo steps: each edit is a list of reversible operations (one QUndoCommand).

An operation changes the model through its ``raw_*`` methods, which emit Qt's model
signals but push no undo step; ``TableCommand`` applies them in order and reverts them in
reverse order, then says the table changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from nngui.views.data_model import DataTableModel


class Op:
    """One reversible change of the model; ``apply``/``revert`` emit the Qt signals."""

    def apply(self, model: DataTableModel) -> None:
        raise NotImplementedError

    def revert(self, model: DataTableModel) -> None:
        raise NotImplementedError


class Inverse(Op):
    """The opposite of another op (removing = un-inserting what was there)."""

    def __init__(self, op: Op) -> None:
        self.op = op

    def apply(self, model: DataTableModel) -> None:
        self.op.revert(model)

    def revert(self, model: DataTableModel) -> None:
        self.op.apply(model)


class SetBlock(Op):
    def __init__(self, top: int, left: int, old: np.ndarray, new: np.ndarray) -> None:
        self.top, self.left, self.old, self.new = top, left, old, new

    def apply(self, model: DataTableModel) -> None:
        model.raw_write_block(self.top, self.left, self.new)

    def revert(self, model: DataTableModel) -> None:
        model.raw_write_block(self.top, self.left, self.old)


class InsertRows(Op):
    def __init__(self, row: int, block: np.ndarray) -> None:
        self.row, self.block = row, block

    def apply(self, model: DataTableModel) -> None:
        model.raw_insert_rows(self.row, self.block)

    def revert(self, model: DataTableModel) -> None:
        model.raw_remove_rows(self.row, len(self.block))


class InsertColumn(Op):
    def __init__(self, col: int, name: str, role: str, column: np.ndarray) -> None:
        self.col, self.name, self.role, self.column = col, name, role, column

    def apply(self, model: DataTableModel) -> None:
        model.raw_insert_column(self.col, self.name, self.role, self.column)

    def revert(self, model: DataTableModel) -> None:
        model.raw_remove_column(self.col)


class SetHeader(Op):
    def __init__(self, col: int, old: tuple[str, str], new: tuple[str, str]) -> None:
        self.col, self.old, self.new = col, old, new

    def apply(self, model: DataTableModel) -> None:
        model.raw_set_header(self.col, *self.new)

    def revert(self, model: DataTableModel) -> None:
        model.raw_set_header(self.col, *self.old)


class Replace(Op):
    def __init__(self, old: tuple, new: tuple) -> None:
        self.old, self.new = old, new

    def apply(self, model: DataTableModel) -> None:
        model.raw_replace(*self.new)

    def revert(self, model: DataTableModel) -> None:
        model.raw_replace(*self.old)


class TableCommand(QUndoCommand):
    """One undo step: its ops applied in order, reverted in reverse order."""

    def __init__(self, model: DataTableModel, text: str, ops: list[Op]) -> None:
        super().__init__(text)
        self._model, self._ops = model, ops

    def redo(self) -> None:
        for op in self._ops:
            op.apply(self._model)
        self._model.tableChanged.emit()

    def undo(self) -> None:
        for op in reversed(self._ops):
            op.revert(self._model)
        self._model.tableChanged.emit()
