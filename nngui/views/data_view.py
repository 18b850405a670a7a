"""The data table's view: spreadsheet-like editing of a :class:`DataTableModel`.

Ctrl+C / Ctrl+X / Ctrl+V copy, cut and paste tab-separated blocks, Delete clears
the selected cells, Enter moves down after an edit, and the header context menus
switch a column between input and target, rename, insert and remove rows and
columns. Every action is a ``QAction`` with a stable objectName (tests and the
main window's menus use them); every change goes through the model's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHeaderView, QInputDialog,
                               QMenu, QTableView, QWidget)

from nngui.support import i18n
from nngui.views.data_model import ROLE_INPUT, ROLE_TARGET, DataTableModel

__all__ = ["DataTableView"]

_MIN_WIDTH, _MAX_WIDTH = 72, 260
TextPrompt = Callable[[str, str, str], "str | None"]


class DataTableView(QTableView):
    """A QTableView for the data table, with clipboard, keyboard and header-menu editing."""

    def __init__(self, model: DataTableModel | None = None, parent: QWidget | None = None) -> None:
        if isinstance(model, QWidget) and parent is None:  # DataTableView(parent) also works
            model, parent = None, model
        super().__init__(parent)
        self.setObjectName("dataTable")
        self._context_row: int | None = None
        self._context_col: int | None = None
        self._context_generation = 0
        #: Asks the user for a text (title, label, default) -> text or None; replaceable in tests.
        self.prompt_text: TextPrompt = self._ask_text
        self._setup_look()
        self._make_actions()
        self._make_menus()
        if model is not None:
            self.setModel(model)

    # -- set-up -------------------------------------------------------------

    def _setup_look(self) -> None:
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_cell_menu)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # O(1) layout for 10^4+ rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows.customContextMenuRequested.connect(self._on_row_menu)
        cols = self.horizontalHeader()
        cols.setDefaultSectionSize(90)
        cols.setMinimumSectionSize(40)
        cols.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        cols.customContextMenuRequested.connect(self._on_column_menu)
        cols.sectionDoubleClicked.connect(self._rename_section)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102 (Qt API)
        return i18n.translated("DataTableView", text, disambiguation, n)

    def retranslate(self) -> None:
        """The actions' labels again in the language installed now (see nngui.i18n)."""
        self._i18n.apply()

    def _action(self, name: str, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if not hasattr(self, "_i18n"):
            self._i18n = i18n.Retranslator()
        self._i18n.keep(action, "setText", text)
        if tip:
            self._i18n.keep(action, "setStatusTip", tip)
            self._i18n.keep(action, "setToolTip", tip)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: self._run(slot))
        return action

    def _run(self, slot) -> None:
        """Run an action's slot when there is a table to act on."""
        if self.table_model() is not None:
            slot()

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.copy_action = self._action("copyAction", self.tr("&Copy"), self.copy_selection, [key.Copy],
                                        self.tr("Copy the selected cells as tab-separated text"))
        self.cut_action = self._action("cutAction", self.tr("Cu&t"), self.cut_selection, [key.Cut],
                                       self.tr("Copy the selected cells, then empty them"))
        self.paste_action = self._action("pasteAction", self.tr("&Paste"), self.paste, [key.Paste],
                                         self.tr("Paste a block copied from a spreadsheet or text file"))
        self.clear_action = self._action("clearCellsAction", self.tr("C&lear cells"), self.clear_selection_cells,
                                         [Qt.Key.Key_Delete, Qt.Key.Key_Backspace],
                                         self.tr("Empty the selected cells"))
        self.insert_row_above_action = self._action("insertRowAboveAction", self.tr("Insert row &above"),
                                                    lambda: self._insert_row(0))
        self.insert_row_below_action = self._action("insertRowBelowAction", self.tr("Insert row &below"),
                                                    lambda: self._insert_row(1))
        self.remove_rows_action = self._action("removeRowsAction", self.tr("&Remove rows"), self._remove_rows)
        self.use_as_input_action = self._action("useAsInputAction", self.tr("Use as &input"),
                                                lambda: self._set_role(ROLE_INPUT),
                                                tip=self.tr("The network reads this column"))
        self.use_as_target_action = self._action("useAsTargetAction", self.tr("Use as &target"),
                                                 lambda: self._set_role(ROLE_TARGET),
                                                 tip=self.tr("The network learns to predict this column"))
        group = QActionGroup(self)
        for action in (self.use_as_input_action, self.use_as_target_action):
            action.setCheckable(True)
            group.addAction(action)
        self.rename_column_action = self._action("renameColumnAction", self.tr("Re&name column\u2026"),
                                                 self._rename_column)
        self.insert_column_action = self._action("insertColumnAction", self.tr("Insert &column"),
                                                 self._insert_column,
                                                 tip=self.tr("Insert an empty input column to the right"))
        self.remove_column_action = self._action("removeColumnAction", self.tr("Remove c&olumn"),
                                                 self._remove_columns)

    def _make_menus(self) -> None:
        column_actions = [self.use_as_input_action, self.use_as_target_action, None,
                          self.rename_column_action, self.insert_column_action, self.remove_column_action]
        row_actions = [self.insert_row_above_action, self.insert_row_below_action, self.remove_rows_action]
        cell_actions = [self.cut_action, self.copy_action, self.paste_action, self.clear_action, None,
                        *row_actions, None, *column_actions]
        self._column_menu = self._menu("columnMenu", column_actions)
        self._row_menu = self._menu("rowMenu", row_actions)
        self._cell_menu = self._menu("cellMenu", cell_actions)

    def _menu(self, name: str, actions) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName(name)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.aboutToHide.connect(self._on_menu_hidden)
        return menu

    def _on_menu_hidden(self) -> None:
        """Forget the menu's row/column once its action (if any) has run, unless a new menu took over."""
        generation = self._context_generation
        QTimer.singleShot(0, lambda: generation == self._context_generation and self._forget_context())

    def setModel(self, model) -> None:  # noqa: N802 (Qt API)
        """Attach a DataTableModel; column widths follow its names."""
        old = self.model()
        if isinstance(old, DataTableModel):
            for signal, slot in self._model_connections(old):
                signal.disconnect(slot)
        super().setModel(model)
        if isinstance(model, DataTableModel):
            for signal, slot in self._model_connections(model):
                signal.connect(slot)
            self._fit_columns()
        self._update_actions()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        self._update_actions()

    def _model_connections(self, model: DataTableModel):
        return [(model.modelReset, self._fit_columns),
                (model.tableChanged, self._update_actions),
                (model.columnsInserted, self._on_columns_inserted),
                (model.headerDataChanged, self._on_header_changed)]

    def table_model(self) -> DataTableModel | None:
        model = self.model()
        return model if isinstance(model, DataTableModel) else None

    # -- column widths ------------------------------------------------------

    def _fit_columns(self, first: int = 0, last: int | None = None, grow_only: bool = False) -> None:
        """Size columns to their header text (the body is not measured: 10^4+ rows stay cheap)."""
        header = self.horizontalHeader()
        last = self.model().columnCount() - 1 if last is None else last
        for col in range(first, last + 1):
            width = min(max(header.sectionSizeHint(col), _MIN_WIDTH), _MAX_WIDTH)
            if not grow_only or width > header.sectionSize(col):
                header.resizeSection(col, width)

    def _on_columns_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._fit_columns(first, last)

    def _on_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self._fit_columns(first, last, grow_only=True)

    # -- menus --------------------------------------------------------------

    def column_menu(self, section: int) -> QMenu:
        """The horizontal header's menu, prepared for column ``section``."""
        self._set_context(None, section)
        return self._column_menu

    def row_menu(self, section: int) -> QMenu:
        """The vertical header's menu, prepared for row ``section``."""
        self._set_context(section, None)
        return self._row_menu

    def cell_menu(self, index: QModelIndex) -> QMenu:
        """The cells' menu, prepared for ``index`` (invalid: the empty area)."""
        valid = index.isValid()
        self._set_context(index.row() if valid else None, index.column() if valid else None)
        return self._cell_menu

    def _set_context(self, row: int | None, col: int | None) -> None:
        self._context_row, self._context_col = row, col
        self._context_generation += 1
        self._update_actions()

    def _on_column_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        section = header.logicalIndexAt(pos)
        if section >= 0:
            self.column_menu(section).popup(header.mapToGlobal(pos))

    def _on_row_menu(self, pos: QPoint) -> None:
        header = self.verticalHeader()
        section = header.logicalIndexAt(pos)
        if section >= 0:
            self.row_menu(section).popup(header.mapToGlobal(pos))

    def _on_cell_menu(self, pos: QPoint) -> None:
        self.cell_menu(self.indexAt(pos)).popup(self.viewport().mapToGlobal(pos))

    def _forget_context(self) -> None:
        self._context_row = self._context_col = None
        self._update_actions()

    def _update_actions(self) -> None:
        """Enable and check the actions for the row/column they would act on."""
        model = self.table_model()
        if model is None:
            return
        col, row = self._column(), self._row()
        has_col, has_row = col >= 0, row >= 0
        for action in (self.use_as_input_action, self.use_as_target_action,
                       self.rename_column_action, self.remove_column_action):
            action.setEnabled(has_col)
        if has_col:
            target = model.roles()[col] == ROLE_TARGET
            self.use_as_target_action.setChecked(target)
            self.use_as_input_action.setChecked(not target)
        self.insert_row_below_action.setEnabled(model.columnCount() > 0)
        self.insert_row_above_action.setEnabled(model.columnCount() > 0)
        self.remove_rows_action.setEnabled(has_row)

    def _column(self) -> int:
        """The column a column action acts on: the menu's, else the current cell's (-1: none)."""
        count = self.model().columnCount() if self.model() else 0
        if self._context_col is not None and 0 <= self._context_col < count:
            return self._context_col
        index = self.currentIndex()
        return index.column() if index.isValid() else -1

    def _row(self) -> int:
        count = self.model().rowCount() if self.model() else 0
        if self._context_row is not None and 0 <= self._context_row < count:
            return self._context_row
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    # -- selection helpers --------------------------------------------------

    def selected_blocks(self) -> list[tuple[range, range]]:
        """The selection as (rows, cols) ranges, one per selection rectangle."""
        selection = self.selectionModel().selection() if self.selectionModel() else QItemSelection()
        return [(range(r.top(), r.bottom() + 1), range(r.left(), r.right() + 1)) for r in selection]

    def _selected_rows(self) -> set[int]:
        return {row for rows, _ in self.selected_blocks() for row in rows}

    def _selected_columns(self) -> set[int]:
        return {col for _, cols in self.selected_blocks() for col in cols}

    def _anchor(self) -> tuple[int, int]:
        """Where a paste starts: the selection's top-left, else the current cell, else (0, 0)."""
        blocks = self.selected_blocks()
        if blocks:
            return min(b[0].start for b in blocks), min(b[1].start for b in blocks)
        index = self.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (0, 0)

    # -- clipboard ----------------------------------------------------------

    def copy_selection(self) -> str:
        """Copy the selected cells (rows x columns they span) to the clipboard as TSV."""
        rows, cols = sorted(self._selected_rows()), sorted(self._selected_columns())
        if not rows or not cols:
            return ""
        text = self.table_model().copy_text(rows, cols)  # type: ignore[arg-type]
        QGuiApplication.clipboard().setText(text)
        return text

    def cut_selection(self) -> None:
        """Copy, then empty the selected cells (one undo step for the clearing)."""
        if self.copy_selection():
            self.clear_selection_cells()

    def paste(self) -> bool:
        """Paste the clipboard at the selection's top-left (a single value fills the selection)."""
        text = QGuiApplication.clipboard().text()
        top, left = self._anchor()
        blocks = self.selected_blocks()
        single = text.strip() and not any(sep in text.strip() for sep in "\t\n\r;,")
        if single and len(blocks) == 1 and len(blocks[0][0]) * len(blocks[0][1]) > 1:
            rows, cols = blocks[0]
            text = "\n".join("\t".join([text.strip()] * len(cols)) for _ in rows)
        return self.table_model().paste_text(top, left, text)

    def clear_selection_cells(self) -> None:
        """Empty the selected cells (one undo step)."""
        blocks = self.selected_blocks()
        if not blocks and self.currentIndex().isValid():
            index = self.currentIndex()
            blocks = [(range(index.row(), index.row() + 1), range(index.column(), index.column() + 1))]
        self.table_model().clear_cells(blocks)

    # -- row and column actions ---------------------------------------------

    def _insert_row(self, offset: int) -> None:
        model = self.table_model()
        row = self._row()
        row = model.rowCount() if row < 0 else row + offset
        model.insert_rows(row, 1)
        col = max(self._column(), 0)
        if model.columnCount():
            self.setCurrentIndex(model.index(row, col))

    def _remove_rows(self) -> None:
        row = self._row()
        if row < 0:
            return
        selected = self._selected_rows()
        self.table_model().remove_rows(selected if row in selected else [row])

    def _set_role(self, role: str) -> None:
        col = self._column()
        if col >= 0:
            self.table_model().set_role(col, role)

    def _rename_section(self, section: int) -> None:
        self._set_context(None, section)
        self._rename_column()
        self._forget_context()

    def _rename_column(self) -> None:
        col = self._column()
        if col < 0:
            return
        old = self.table_model().names()[col]
        name = self.prompt_text(i18n.translate("DataTableView", "Rename column"),
                                i18n.fmt(i18n.translate("DataTableView", "New name for column %1:"), repr(old)), old)
        if name is not None:
            self.table_model().rename_column(col, name)

    def _insert_column(self) -> None:
        model = self.table_model()
        col = self._column() + 1 if self._column() >= 0 else model.columnCount()
        model.insert_column(col, model.new_column_name(col))

    def _remove_columns(self) -> None:
        col = self._column()
        if col < 0:
            return
        selected = self._selected_columns()
        self.table_model().remove_columns(selected if col in selected else [col])

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        dialog = self.text_dialog(title, label, text)
        return dialog.textValue() if dialog.exec() else None

    def text_dialog(self, title: str, label: str, text: str) -> QInputDialog:
        """The dialog asking for a column's new name (not shown yet)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        return dialog

    # -- keyboard -----------------------------------------------------------

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """After Enter commits an edit, move down a row, as spreadsheets do."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and self.state() != QAbstractItemView.State.EditingState:
            self._move_down()
            return
        super().keyPressEvent(event)

    def _move_down(self) -> None:
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.model().rowCount():
            below = self.model().index(index.row() + 1, index.column())
            self.selectionModel().setCurrentIndex(
                below, QItemSelectionModel.SelectionFlag.ClearAndSelect)
