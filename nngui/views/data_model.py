"""The editable data table: named float64 columns, each used as a network input or target.

The whole table lives in one ``float64`` NumPy array (NaN = empty cell), so a
table of tens of thousands of rows costs one array, and ``data()`` is O(1).
Every change goes through the model's ``QUndoStack`` as one command made of
small reversible operations ("ops"), so undo/redo restore exactly and each
user action is one undo step. Bad input is refused with a message naming the
row (1-based, as in the vertical header) and the column; the table is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from core.data import DataError, Dataset

from nngui.support.accessibility import cell_text
from nngui.views.roles import (ACCESSIBLE, ALIGN, BACKGROUND, CENTER, DISPLAY, EDIT, FONT, FOREGROUND, RIGHT, TOOLTIP,
                              USER)
from nngui.support.formatting import exact as format_number
from nngui.views.table_commands import (
    InsertColumn,
    InsertRows,
    Inverse,
    Op,
    Replace,
    SetBlock,
    SetHeader,
    TableCommand,
)
from nngui.views import table_messages as say
from nngui.views.table_text import (
    NAN,
    CellError,
    PasteRefused,
    detect_delimiter,
    free_name,
    looks_like_header,
    parse_block,
    parse_cell,
    quoted,
    split_cells,
    split_lines,
)

__all__ = ["ROLE_INPUT", "ROLE_TARGET", "DataTableModel", "column_letter", "format_number"]

ROLE_INPUT, ROLE_TARGET = "input", "target"
_ROLES = (ROLE_INPUT, ROLE_TARGET)


TARGET_HEADER_COLOR = QColor("#ffd89b")  # amber: the columns the network learns to predict
TARGET_CELL_COLOR = QColor("#fff4e0")
_TARGET_HEADER_BRUSH = QBrush(TARGET_HEADER_COLOR)
_TARGET_CELL_BRUSH = QBrush(TARGET_CELL_COLOR)
_BLACK_BRUSH = QBrush(QColor("#000000"))


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def column_letter(col: int) -> str:
    """Spreadsheet-style column letter: 0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    col += 1
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


# ---------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------


class DataTableModel(QAbstractTableModel):
    """Named float64 columns (NaN = empty), each an input or a target; all edits undoable."""

    tableChanged = Signal()
    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack | None = None, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack: QUndoStack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._names: list[str] = []
        self._roles: list[str] = []
        self._values = np.empty((0, 0), dtype=np.float64)

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._values.shape[0]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names)

    def data(self, index, role: int = DISPLAY):
        """O(1): one array read and one format per call."""
        if not index.isValid():
            return None
        if role == DISPLAY:
            value = self._values[index.row(), index.column()]
            return "" if value != value else format(value, ".10g")
        if role == EDIT:
            return format_number(self._values[index.row(), index.column()])
        if role == ALIGN:
            return RIGHT
        if role == USER:
            return float(self._values[index.row(), index.column()])
        if role == BACKGROUND:
            return _TARGET_CELL_BRUSH if self._roles[index.column()] == ROLE_TARGET else None
        if role == FOREGROUND:
            return _BLACK_BRUSH if self._roles[index.column()] == ROLE_TARGET else None
        if role == ACCESSIBLE:
            return cell_text(self.headerData(index.column(), Qt.Orientation.Horizontal), self.data(index))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation == Qt.Orientation.Vertical:
            if role == DISPLAY and 0 <= section < self._values.shape[0]:
                return str(section + 1)
            return None
        if not 0 <= section < len(self._names):
            return None
        target = self._roles[section] == ROLE_TARGET
        name = self._names[section]
        if role == DISPLAY:
            return say.target_header(name) if target else name
        if role in (EDIT, USER):
            return name
        if role == TOOLTIP:
            return say.header_tooltip(name, target)
        if role == BACKGROUND:
            return _TARGET_HEADER_BRUSH if target else None
        if role == FOREGROUND:
            return _BLACK_BRUSH if target else None
        if role == FONT and target:
            font = QFont()
            font.setBold(True)
            return font
        if role == ALIGN:
            return CENTER
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role: int = EDIT) -> bool:
        """Parse and store one cell through the undo stack; refuse non-numbers with a message."""
        if not index.isValid() or role != EDIT:
            return False
        row, col = index.row(), index.column()
        try:
            new = parse_cell(value)
        except CellError as exc:
            self.message.emit(say.cell_refused(row + 1, self._names[col], exc.shown, exc.reason))
            return False
        old = float(self._values[row, col])
        if format_number(old) == format_number(new):
            return True  # unchanged: no empty undo step
        self._push(say.edit_cell(f"{column_letter(col)}{row + 1}", new != new),
                   [SetBlock(row, col, np.array([[old]]), np.array([[new]]))])
        return True

    def setHeaderData(self, section: int, orientation: Qt.Orientation, value, role: int = EDIT) -> bool:
        if orientation != Qt.Orientation.Horizontal or role != EDIT:
            return False
        return self.rename_column(section, str(value))

    def insertRows(self, row: int, count: int, parent=QModelIndex()) -> bool:
        if parent.isValid() or count < 1 or not 0 <= row <= self.rowCount():
            return False
        self.insert_rows(row, count)
        return True

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > self.rowCount():
            return False
        self.remove_row_range(row, count)
        return True

    # -- read access --------------------------------------------------------

    def names(self) -> list[str]:
        return list(self._names)

    def roles(self) -> list[str]:
        return list(self._roles)

    def values(self) -> np.ndarray:
        """A copy of the cells, (rows, columns) float64, NaN = empty."""
        return self._values.copy()

    def target_columns(self) -> list[int]:
        return [i for i, r in enumerate(self._roles) if r == ROLE_TARGET]

    def input_columns(self) -> list[int]:
        return [i for i, r in enumerate(self._roles) if r == ROLE_INPUT]

    def new_column_name(self, col: int) -> str:
        """A free default name for a column inserted at ``col``: 'x<col+1>' or the next free 'x<N>'."""
        return free_name(self._names, col)

    def to_dataset(self, source: str = "table") -> Dataset:
        """The table as a core Dataset (inputs and targets each in table order).

        DataError, naming the row and column, for an empty cell; also when there
        is no row, no input column or no target column.
        """
        if not self._names:
            raise DataError("the table has no columns")
        if self._values.shape[0] == 0:
            raise DataError("the table has no data rows")
        inputs, targets = self.input_columns(), self.target_columns()
        if not targets:
            raise DataError(say.no_target_column())
        if not inputs:
            raise DataError(say.no_input_column())
        empty = np.isnan(self._values)
        if empty.any():
            row, col = divmod(int(np.argmax(empty.ravel())), self._values.shape[1])
            raise DataError(say.empty_cell(), row=row + 1, column=self._names[col])
        return Dataset(
            X=self._values[:, inputs], Y=self._values[:, targets],
            input_names=tuple(self._names[i] for i in inputs),
            target_names=tuple(self._names[i] for i in targets),
            source=source,
        )

    def copy_text(self, rows: range, cols: range) -> str:
        """The cells as tab-separated text (full precision, empty cells as ''), one line per row."""
        block = self._values[np.ix_(np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp))]
        return "\n".join("\t".join(map(format_number, line)) for line in block.tolist())

    # -- undoable edits -----------------------------------------------------

    def set_table(self, names: Sequence[str], values: np.ndarray, roles: Sequence[str],
                  text: str | None = None) -> None:
        """Replace everything (one undo step). ValueError for inconsistent arguments."""
        new = self._checked_state(names, values, roles)
        self._push(text or say.replace_table(), [Replace(self._state(), new)])

    def set_dataset(self, ds: Dataset, text: str | None = None) -> None:
        """Show a Dataset: its inputs, then its targets (one undo step)."""
        names, values, roles = table_of(ds)
        self.set_table(names, values, roles, text or say.load_data())

    def set_role(self, col: int, role: str) -> None:
        """Use a column as input or target (one undo step; no step when unchanged)."""
        if role not in _ROLES:
            raise ValueError(f"role must be one of {_ROLES}, got {role!r}")
        self._check_column(col)
        old = (self._names[col], self._roles[col])
        if old[1] == role:
            return
        self._push(say.use_as(old[0], role == ROLE_TARGET), [SetHeader(col, old, (old[0], role))])

    def rename_column(self, col: int, name: str) -> bool:
        """Rename a column; empty, duplicate or multi-line names are refused with a message."""
        self._check_column(col)
        old = self._names[col]
        name = str(name).strip()
        problem = self._name_problem(name, col)
        if problem:
            self.message.emit(say.rename_refused(old, problem))
            return False
        if name != old:
            self._push(say.rename_column(old, name),
                       [SetHeader(col, (old, self._roles[col]), (name, self._roles[col]))])
        return True

    def insert_rows(self, row: int, count: int = 1) -> None:
        """Insert ``count`` empty rows before ``row`` (row == rowCount appends)."""
        row = min(max(int(row), 0), self.rowCount())
        if count < 1:
            return
        block = np.full((count, self.columnCount()), NAN)
        self._push(say.insert_rows(count), [InsertRows(row, block)])

    def remove_row_range(self, row: int, count: int) -> None:
        """Remove rows ``row`` .. ``row + count - 1`` (one undo step)."""
        self.remove_rows(range(row, row + count))

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Remove any set of rows in one undo step (contiguous runs removed bottom-up)."""
        wanted = sorted({r for r in rows if 0 <= r < self.rowCount()})
        if not wanted:
            return
        ops: list[Op] = []
        for start, stop in reversed(_runs(wanted)):
            ops.append(Inverse(InsertRows(start, self._values[start:stop].copy())))
        self._push(say.remove_rows(wanted[0] + 1, wanted[-1] + 1, len(wanted), len(ops) == 1), ops)

    def insert_column(self, col: int, name: str, role: str = ROLE_INPUT) -> bool:
        """Insert an empty column before ``col``; a bad name is refused with a message."""
        if role not in _ROLES:
            raise ValueError(f"role must be one of {_ROLES}, got {role!r}")
        col = min(max(int(col), 0), self.columnCount())
        name = str(name).strip()
        problem = self._name_problem(name, None)
        if problem:
            self.message.emit(say.insert_refused(problem))
            return False
        column = np.full(self.rowCount(), NAN)
        self._push(say.insert_column(name), [InsertColumn(col, name, role, column)])
        return True

    def remove_column(self, col: int) -> None:
        """Remove one column (one undo step)."""
        self.remove_columns([col])

    def remove_columns(self, cols: Iterable[int]) -> None:
        """Remove any set of columns in one undo step."""
        wanted = sorted({c for c in cols if 0 <= c < self.columnCount()}, reverse=True)
        if not wanted:
            return
        ops: list[Op] = [
            Inverse(InsertColumn(c, self._names[c], self._roles[c], self._values[:, c].copy()))
            for c in wanted
        ]
        self._push(say.remove_columns(self._names[wanted[0]], len(wanted)), ops)

    def clear_cells(self, blocks: Iterable[tuple[range, range]]) -> None:
        """Empty the cells of contiguous (rows, cols) blocks, in one undo step."""
        ops: list[Op] = []
        count = 0
        first = None
        for rows, cols in blocks:
            rows = range(max(rows.start, 0), min(rows.stop, self.rowCount()))
            cols = range(max(cols.start, 0), min(cols.stop, self.columnCount()))
            old = self._values[rows.start:rows.stop, cols.start:cols.stop].copy()
            if old.size == 0 or np.isnan(old).all():
                continue
            ops.append(SetBlock(rows.start, cols.start, old, np.full(old.shape, NAN)))
            count += old.size
            first = first or f"{column_letter(cols.start)}{rows.start + 1}"
        if ops:
            self._push(say.edit_cell(first, True) if count == 1 else say.clear_cells(count), ops)

    def paste_text(self, top: int, left: int, text: str) -> bool:
        """Paste a tab/';'/','-separated block at (top, left) as one undo step.

        Grows the table as needed (new columns 'x<N>', inputs; in an empty table
        the last pasted column becomes the target, as in CSV files). All or
        nothing: one bad cell refuses the whole paste with a message naming its
        row and column. A block whose first line is names (no numbers), pasted at
        A1 with data lines under it, is a new table: it replaces the old one, the
        last column the target, as CSV import reads a file. Names alone at row 0
        rename the columns.
        """
        try:
            ops, text_, note = self._plan_paste(top, left, text)
        except PasteRefused as exc:
            self.message.emit(say.paste_refused(str(exc)))
            return False
        self._push(text_, ops)
        self.message.emit(note)
        return True

    # -- paste planning -----------------------------------------------------

    def _plan_paste(self, top: int, left: int, text: str) -> tuple[list[Op], str, str]:
        """The ops of a paste, or PasteRefused explaining why it cannot be done."""
        lines = split_lines(text[1:] if text.startswith("\ufeff") else text)  # a UTF-8 BOM is not a cell
        if not lines:
            raise PasteRefused(say.no_cells())
        delimiter = detect_delimiter("\n".join(lines))
        rows = [split_cells(line, delimiter) for line in lines]
        n_rows, n_cols = self.rowCount(), self.columnCount()
        top = min(max(int(top), 0), n_rows)
        left = min(max(int(left), 0), n_cols)
        header = None
        if len(rows) > 1 and looks_like_header(rows[0]):
            if top != 0:
                raise PasteRefused(say.header_not_at_top(', '.join(map(quoted, rows[0][:4]))))
            header, rows = rows[0], rows[1:]
        width = max(len(r) for r in ([header] if header else []) + rows)
        if header and rows and top == 0 and left == 0:  # names and data at A1: a data set of its own
            return self._plan_new_table(header, rows, width)
        names, roles = self._paste_header(left, width, header)
        try:
            block = parse_block(rows, width)
        except CellError as exc:
            i, j = exc.at  # type: ignore[attr-defined]
            raise PasteRefused(say.paste_cell_refused(top + i + 1, names[left + j], exc.shown, exc.reason)) from None
        ops = self._paste_ops(top, left, block, names, roles)
        height = len(rows)
        return ops, say.paste_label(height, width), say.pasted_note(height, width, bool(header and height))

    def _plan_new_table(self, header: list[str], rows: list[list[str]], width: int) -> tuple[list[Op], str, str]:
        """A block with its own column names, pasted at A1 over the whole width: a new table, as a CSV
        file would be (the last column the target), in one undo step."""
        names: list[str] = []
        for col in range(width):
            name = header[col] if col < len(header) and header[col] else free_name(names, col)
            if "\n" in name:
                raise PasteRefused(say.name_with_line_break(col + 1))
            if name in names:
                raise PasteRefused(say.name_twice(name, names.index(name) + 1, col + 1))
            names.append(name)
        try:
            block = parse_block(rows, width)
        except CellError as exc:
            i, j = exc.at  # type: ignore[attr-defined]
            raise PasteRefused(say.paste_cell_refused(i + 1, names[j], exc.shown, exc.reason)) from None
        roles = [ROLE_INPUT] * width
        if width >= 2:
            roles[-1] = ROLE_TARGET  # as CSV import reads a file: the last column is the target
        ops: list[Op] = [Replace(self._state(), (names, roles, block))]
        note = say.pasted_new_table(len(rows), width, names[-1] if width >= 2 else None)
        return ops, say.paste_new_table(), note

    def _paste_header(self, left: int, width: int,
                      header: list[str] | None) -> tuple[list[str], list[str]]:
        """Column names and roles after a paste of ``width`` columns at ``left``."""
        names, roles = list(self._names), list(self._roles)
        was_empty = not names
        for col in range(len(names), left + width):
            names.append(free_name(names, col))
            roles.append(ROLE_INPUT)
        if was_empty and len(names) >= 2:
            roles[-1] = ROLE_TARGET  # a pasted data set: last column is the target, as in CSV files
        for j, name in enumerate(header or []):
            if name:
                names[left + j] = name
        seen: dict[str, int] = {}
        for col, name in enumerate(names):
            if "\n" in name:
                raise PasteRefused(say.name_with_line_break(col + 1))
            if name in seen:
                raise PasteRefused(say.name_twice(name, seen[name] + 1, col + 1))
            seen[name] = col
        return names, roles

    def _paste_ops(self, top: int, left: int, block: np.ndarray,
                   names: list[str], roles: list[str]) -> list[Op]:
        """Grow rows, grow columns, rename, then write the block."""
        n_rows, n_cols = self.rowCount(), self.columnCount()
        height, width = block.shape
        ops: list[Op] = []
        new_rows = max(0, top + height - n_rows)
        if new_rows:
            ops.append(InsertRows(n_rows, np.full((new_rows, n_cols), NAN)))
        total_rows = n_rows + new_rows
        for col in range(n_cols, len(names)):
            ops.append(InsertColumn(col, names[col], roles[col], np.full(total_rows, NAN)))
        for col in range(n_cols):
            if names[col] != self._names[col] or roles[col] != self._roles[col]:
                ops.append(SetHeader(col, (self._names[col], self._roles[col]), (names[col], roles[col])))
        if height:
            old = np.full((height, width), NAN)
            have = self._values[top:top + height, left:left + width]
            old[: have.shape[0], : have.shape[1]] = have
            ops.append(SetBlock(top, left, old, block))
        return ops

    # -- validation ---------------------------------------------------------

    def _name_problem(self, name: str, col: int | None) -> str:
        """Why ``name`` cannot name column ``col`` ('' when it can)."""
        if not name:
            return say.name_problem_empty()
        if "\n" in name or "\r" in name:
            return say.name_problem_line_break()
        for other, existing in enumerate(self._names):
            if existing == name and other != col:
                return say.name_problem_used(name, other + 1)
        return ""

    def _check_column(self, col: int) -> None:
        if not 0 <= col < self.columnCount():
            raise IndexError(f"column {col} is outside the table's {self.columnCount()} columns")

    @staticmethod
    def _checked_state(names: Sequence[str], values: np.ndarray,
                       roles: Sequence[str]) -> tuple[list[str], list[str], np.ndarray]:
        names = [str(n).strip() for n in names]
        roles = [str(r) for r in roles]
        array = np.asarray(values, dtype=np.float64)
        array = frozen(array, owned=array is not values)  # a read-only array is shared, not copied
        if array.size == 0 and array.ndim != 2:
            array = array.reshape(0, len(names))
        if array.ndim != 2 or array.shape[1] != len(names) or len(roles) != len(names):
            raise ValueError(f"need one name and one role per column: {len(names)} names, "
                             f"{len(roles)} roles, values of shape {array.shape}")
        if any(r not in _ROLES for r in roles):
            raise ValueError(f"roles must be {ROLE_INPUT!r} or {ROLE_TARGET!r}, got {roles}")
        if any(not n for n in names) or len(set(names)) != len(names):
            raise ValueError(f"column names must be non-empty and distinct, got {names}")
        if np.isinf(array).any():
            raise ValueError("values must be finite numbers (or NaN for an empty cell)")
        return names, roles, array

    # -- raw mutations (only ops call these; they emit the Qt model signals) --

    def _push(self, text: str, ops: list[Op]) -> None:
        self.undo_stack.push(TableCommand(self, text, ops))

    def _state(self) -> tuple[list[str], list[str], np.ndarray]:
        """The table as it is; its cells are frozen and shared (a later edit writes into a copy)."""
        self._values = frozen(self._values)
        return list(self._names), list(self._roles), self._values

    def raw_replace(self, names: list[str], roles: list[str], values: np.ndarray) -> None:
        self.beginResetModel()
        self._names, self._roles, self._values = list(names), list(roles), frozen(values)
        self.endResetModel()

    def raw_write_block(self, top: int, left: int, block: np.ndarray) -> None:
        height, width = block.shape
        if not self._values.flags.writeable:  # shared with an undo step: copy on write
            self._values = self._values.copy()
        self._values[top:top + height, left:left + width] = block
        self.dataChanged.emit(self.index(top, left), self.index(top + height - 1, left + width - 1),
                              [DISPLAY, EDIT, USER])

    def raw_insert_rows(self, row: int, block: np.ndarray) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(block) - 1)
        self._values = np.concatenate([self._values[:row], block, self._values[row:]])
        self.endInsertRows()

    def raw_remove_rows(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        self._values = np.concatenate([self._values[:row], self._values[row + count:]])
        self.endRemoveRows()

    def raw_insert_column(self, col: int, name: str, role: str, column: np.ndarray) -> None:
        self.beginInsertColumns(QModelIndex(), col, col)
        v = self._values
        self._values = np.concatenate([v[:, :col], column.reshape(-1, 1), v[:, col:]], axis=1)
        self._names.insert(col, name)
        self._roles.insert(col, role)
        self.endInsertColumns()

    def raw_remove_column(self, col: int) -> None:
        self.beginRemoveColumns(QModelIndex(), col, col)
        self._values = np.delete(self._values, col, axis=1)
        del self._names[col]
        del self._roles[col]
        self.endRemoveColumns()

    def raw_set_header(self, col: int, name: str, role: str) -> None:
        role_changed = self._roles[col] != role
        self._names[col], self._roles[col] = name, role
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)
        if role_changed and self.rowCount():
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col),
                                  [BACKGROUND, FOREGROUND])


def table_of(ds: Dataset) -> tuple[list[str], np.ndarray, list[str]]:
    """A Dataset as the table shows it: names, cells (inputs, then targets; frozen) and roles. Any thread."""
    names = [*ds.input_names, *ds.target_names]
    roles = [ROLE_INPUT] * ds.n_inputs + [ROLE_TARGET] * ds.n_targets
    return names, frozen(np.hstack([ds.X, ds.Y]), owned=True), roles


def frozen(values: np.ndarray, owned: bool = False) -> np.ndarray:
    """``values`` read-only: itself when nothing can change it (read-only down to its memory) or it is
    ``owned`` (made for the caller), else a read-only copy.

    Undo steps and the table share frozen arrays, so replacing a big table copies nothing."""
    base = values
    while isinstance(base, np.ndarray) and not base.flags.writeable:
        base = base.base
    if not isinstance(base, np.ndarray) and not values.flags.writeable:
        return values
    out = values if owned else values.copy()
    out.flags.writeable = False
    return out


def _runs(sorted_rows: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7] -> [(1, 4), (7, 8)]: contiguous half-open runs."""
    runs: list[tuple[int, int]] = []
    for r in sorted_rows:
        if runs and runs[-1][1] == r:
            runs[-1] = (runs[-1][0], r + 1)
        else:
            runs.append((r, r + 1))
    return runs
