"""DataTableModel and DataTableView: editing, refusing bad input, undo/redo, clipboard, headers."""

from __future__ import annotations


import numpy as np
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLineEdit

from core.data import DataError, Dataset
from nngui.views.data_model import ROLE_INPUT, ROLE_TARGET, DataTableModel, column_letter
from nngui.views.data_view import DataTableView


def make_model() -> DataTableModel:
    model = DataTableModel()
    model.set_table(["x1", "x2", "y"], np.array([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], float),
                    [ROLE_INPUT, ROLE_INPUT, ROLE_TARGET])
    model.undo_stack.clear()
    return model


def state(model: DataTableModel):
    return model.names(), model.roles(), model.values()


def assert_state(model: DataTableModel, expected) -> None:
    names, roles, values = expected
    assert model.names() == names
    assert model.roles() == roles
    np.testing.assert_array_equal(model.values(), values)  # NaN == NaN here
    assert model.rowCount() == values.shape[0] and model.columnCount() == len(names)


@pytest.fixture
def model(qtmodeltester):
    m = make_model()
    qtmodeltester.check(m)
    return m


@pytest.fixture
def view(qtbot, model):
    v = DataTableView(model)
    qtbot.addWidget(v)
    v.resize(600, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def action(view: DataTableView, name: str) -> QAction:
    found = view.findChild(QAction, name)
    assert found is not None, name
    return found


# ---------------------------------------------------------------------------
# Display and basic editing
# ---------------------------------------------------------------------------


def test_display_edit_and_user_roles(model):
    model.set_table(["a", "b"], np.array([[0.1 + 0.2, np.nan], [3.0, 1e-300]]), [ROLE_INPUT, ROLE_TARGET])
    assert model.index(0, 0).data() == "0.3"
    assert model.index(0, 0).data(Qt.EditRole) == repr(0.1 + 0.2)  # full precision to edit
    assert model.index(0, 1).data() == "" and model.index(0, 1).data(Qt.EditRole) == ""
    assert model.index(1, 0).data() == "3" and model.index(1, 0).data(Qt.EditRole) == "3"
    assert model.index(1, 1).data() == "1e-300"
    assert model.headerData(0, Qt.Vertical) == "1"


def test_set_data_edits_through_undo_stack(model, qtbot, qtmodeltester):
    with qtbot.waitSignal(model.tableChanged):
        assert model.setData(model.index(2, 1), "2.5")
    assert model.values()[2, 1] == 2.5
    assert model.undo_stack.undoText() == "Edit cell B3"
    assert model.setData(model.index(0, 0), 7)          # ints and floats are accepted too
    assert model.setData(model.index(0, 1), np.float64(-1.25))
    assert model.values()[0, :2].tolist() == [7.0, -1.25]
    count = model.undo_stack.count()
    assert model.setData(model.index(0, 0), "7")        # unchanged: no empty undo step
    assert model.undo_stack.count() == count
    assert model.setData(model.index(1, 2), "")         # '' empties the cell
    assert np.isnan(model.values()[1, 2]) and model.undo_stack.undoText() == "Clear cell C2"
    qtmodeltester.check(model)


@pytest.mark.parametrize("text, reason", [
    ("abc", "is not a number"),
    ("nan", "is not a finite number"),
    ("inf", "is not a finite number"),
    ("-Infinity", "is not a finite number"),
    ("1e999", "is not a finite number"),
])
def test_bad_value_refused_with_message(model, qtbot, text, reason):
    before = state(model)
    with qtbot.waitSignal(model.message) as blocker:
        assert model.setData(model.index(2, 0), text) is False
    assert blocker.args == [f"Row 3, column 'x1': {text!r} {reason}; the old value was kept."]
    assert_state(model, before)
    assert model.undo_stack.count() == 0


def test_bad_value_exact_message(model, qtbot):
    with qtbot.waitSignal(model.message) as blocker:
        assert not model.setData(model.index(2, 0), "abc")
    assert blocker.args[0] == "Row 3, column 'x1': 'abc' is not a number; the old value was kept."


def test_decimal_comma_gets_a_hint(model, qtbot):
    with qtbot.waitSignal(model.message) as blocker:
        assert not model.setData(model.index(0, 0), "1,5")
    assert "use a dot as the decimal separator" in blocker.args[0]


def test_edit_through_the_view_delegate(view, model, qtbot):
    index = model.index(1, 0)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "0"
    editor.selectAll()
    qtbot.keyClicks(editor, "42.5")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: model.values()[1, 0] == 42.5)
    assert model.undo_stack.undoText() == "Edit cell A2"
    qtbot.waitUntil(lambda: view.currentIndex().row() == 2)  # Enter moves down, as in spreadsheets


def test_bad_value_through_the_view_keeps_old_value(view, model, qtbot):
    index = model.index(3, 1)
    view.setCurrentIndex(index)
    messages = []
    model.message.connect(messages.append)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == ["Row 4, column 'x2': 'abc' is not a number; the old value was kept."]
    assert model.values()[3, 1] == 1.0 and model.undo_stack.count() == 0


def test_typing_starts_an_edit(view, model, qtbot):
    view.setCurrentIndex(model.index(0, 2))
    qtbot.keyClicks(view, "5")
    editor = view.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible())
    qtbot.keyClick(editor, Qt.Key_Enter)
    qtbot.waitUntil(lambda: model.values()[0, 2] == 5.0)


# ---------------------------------------------------------------------------
# Undo / redo of every command kind
# ---------------------------------------------------------------------------


UNDOABLE = {
    "edit": (lambda m: m.setData(m.index(0, 1), "3.5"), "Edit cell B1"),
    "clear": (lambda m: m.setData(m.index(0, 2), ""), "Clear cell C1"),
    "clear_cells": (lambda m: m.clear_cells([(range(1, 3), range(0, 2)), (range(3, 4), range(2, 3))]),
                    "Clear 5 cells"),
    "paste": (lambda m: m.paste_text(1, 1, "9\t8\n7\t6\n"), "Paste 2\u00d72 cells"),
    "paste_growing": (lambda m: m.paste_text(3, 2, "1,2,3\n4,5,6\n7,8,9"), "Paste 3\u00d73 cells"),
    "paste_header": (lambda m: m.paste_text(0, 0, "a;b\n1;2"), "Paste a new table"),
    "insert_rows": (lambda m: m.insert_rows(1, 2), "Insert 2 rows"),
    "append_row": (lambda m: m.insert_rows(4), "Insert row"),
    "remove_row_range": (lambda m: m.remove_row_range(1, 2), "Remove rows 2\u20133"),
    "remove_rows": (lambda m: m.remove_rows([0, 2, 3]), "Remove 3 rows"),
    "insert_column": (lambda m: m.insert_column(1, "z", ROLE_TARGET), "Insert column 'z'"),
    "remove_column": (lambda m: m.remove_column(1), "Remove column 'x2'"),
    "remove_columns": (lambda m: m.remove_columns([0, 2]), "Remove 2 columns"),
    "rename": (lambda m: m.rename_column(0, "age"), "Rename column 'x1' to 'age'"),
    "role": (lambda m: m.set_role(0, ROLE_TARGET), "Use 'x1' as target"),
    "set_table": (lambda m: m.set_table(["p"], np.ones((2, 1)), [ROLE_INPUT]), "Replace table"),
    "set_dataset": (lambda m: m.set_dataset(Dataset(np.ones((3, 2)), np.zeros((3, 1)), ("u", "v"), ("w",))),
                    "Load data"),
}


@pytest.mark.parametrize("kind", sorted(UNDOABLE))
def test_undo_redo_restore_exactly(model, qtbot, qtmodeltester, kind):
    do, text = UNDOABLE[kind]
    before = state(model)
    with qtbot.waitSignal(model.tableChanged):
        do(model)
    after = state(model)
    assert model.undo_stack.count() == 1, "one user action is one undo step"
    assert model.undo_stack.undoText() == text
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.tableChanged):
        model.undo_stack.undo()
    assert_state(model, before)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.tableChanged):
        model.undo_stack.redo()
    assert_state(model, after)
    qtmodeltester.check(model)


def test_long_edit_history_undoes_to_the_start(model):
    before = state(model)
    model.paste_text(0, 0, "a\tb\tc\td\n1\t2\t3\t4")
    model.insert_rows(2, 3)
    model.setData(model.index(3, 3), "8")
    model.remove_column(0)
    model.set_role(2, ROLE_INPUT)
    model.rename_column(0, "q")
    while model.undo_stack.canUndo():
        model.undo_stack.undo()
    assert_state(model, before)


# ---------------------------------------------------------------------------
# Names and roles
# ---------------------------------------------------------------------------


def test_header_marks_targets(model):
    assert model.headerData(2, Qt.Horizontal) == "y (target)"
    assert model.headerData(0, Qt.Horizontal) == "x1"
    assert "target column" in model.headerData(2, Qt.Horizontal, Qt.ToolTipRole)
    assert "input column" in model.headerData(0, Qt.Horizontal, Qt.ToolTipRole)
    target_bg = model.headerData(2, Qt.Horizontal, Qt.BackgroundRole)
    assert target_bg is not None and model.headerData(0, Qt.Horizontal, Qt.BackgroundRole) is None
    assert model.headerData(2, Qt.Horizontal, Qt.ForegroundRole) is not None
    assert model.headerData(2, Qt.Horizontal, Qt.FontRole).bold()
    assert model.index(0, 2).data(Qt.BackgroundRole) is not None  # target cells tinted too
    assert model.index(0, 0).data(Qt.BackgroundRole) is None


def test_role_toggle_updates_header(model, qtbot):
    with qtbot.waitSignal(model.headerDataChanged):
        model.set_role(0, ROLE_TARGET)
    assert model.target_columns() == [0, 2] and model.input_columns() == [1]
    assert model.headerData(0, Qt.Horizontal) == "x1 (target)"
    count = model.undo_stack.count()
    model.set_role(0, ROLE_TARGET)  # unchanged: no undo step
    assert model.undo_stack.count() == count
    with pytest.raises(ValueError):
        model.set_role(0, "output")


@pytest.mark.parametrize("name, problem", [
    ("", "a column name cannot be empty"),
    ("  ", "a column name cannot be empty"),
    ("y", "the name 'y' is already used by column 3"),
    ("a\nb", "a column name cannot contain a line break"),
])
def test_bad_names_refused(model, qtbot, name, problem):
    with qtbot.waitSignal(model.message) as blocker:
        assert model.rename_column(0, name) is False
    assert blocker.args == [f"Column 'x1': {problem}; the name was kept."]
    assert model.names() == ["x1", "x2", "y"] and model.undo_stack.count() == 0
    with qtbot.waitSignal(model.message):
        assert model.insert_column(0, name) is False
    assert model.columnCount() == 3


def test_set_header_data_renames(model):
    assert model.setHeaderData(1, Qt.Horizontal, " width ")
    assert model.names()[1] == "width"
    assert model.headerData(1, Qt.Horizontal, Qt.EditRole) == "width"


def test_set_table_rejects_inconsistent_arguments(model):
    with pytest.raises(ValueError):
        model.set_table(["a", "a"], np.zeros((1, 2)), [ROLE_INPUT, ROLE_TARGET])
    with pytest.raises(ValueError):
        model.set_table(["a", "b"], np.zeros((1, 3)), [ROLE_INPUT, ROLE_TARGET])
    with pytest.raises(ValueError):
        model.set_table(["a"], np.array([[np.inf]]), [ROLE_INPUT])
    assert model.names() == ["x1", "x2", "y"]


def test_column_letters():
    assert [column_letter(c) for c in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == \
        ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


# ---------------------------------------------------------------------------
# Paste and copy
# ---------------------------------------------------------------------------


def test_paste_spreadsheet_block_with_header_into_empty_table(qtbot, qtmodeltester):
    model = DataTableModel()
    qtmodeltester.check(model)
    text = "sepal\tpetal\tspecies\r\n5.1\t1.4\t0\r\n6.2\t4.5\t1\r\n7.7\t6.7\t2\r\n"
    with qtbot.waitSignal(model.tableChanged):
        assert model.paste_text(0, 0, text)
    assert model.names() == ["sepal", "petal", "species"]
    assert model.roles() == [ROLE_INPUT, ROLE_INPUT, ROLE_TARGET]  # pasted data set: last column target
    np.testing.assert_array_equal(model.values(), [[5.1, 1.4, 0], [6.2, 4.5, 1], [7.7, 6.7, 2]])
    assert model.undo_stack.count() == 1 and model.undo_stack.undoText() == "Paste a new table"
    qtmodeltester.check(model)
    model.undo_stack.undo()
    assert model.rowCount() == 0 and model.columnCount() == 0
    model.undo_stack.redo()
    assert model.to_dataset().target_names == ("species",)


def test_paste_header_renames_existing_columns(model):
    assert model.paste_text(0, 1, "b\tc\n5\t6\n")
    assert model.names() == ["x1", "b", "c"]
    assert model.roles() == [ROLE_INPUT, ROLE_INPUT, ROLE_TARGET]
    assert model.values()[0].tolist() == [0, 5, 6]
    model.undo_stack.undo()
    assert model.names() == ["x1", "x2", "y"] and model.values()[0].tolist() == [0, 0, 0]


def test_paste_grows_rows_and_columns(model, qtmodeltester):
    assert model.paste_text(3, 2, "1;2;3\n4;5;6\n")
    assert model.rowCount() == 5 and model.columnCount() == 5
    assert model.names() == ["x1", "x2", "y", "x4", "x5"]
    assert model.roles()[3:] == [ROLE_INPUT, ROLE_INPUT]
    values = model.values()
    np.testing.assert_array_equal(values[3:, 2:], [[1, 2, 3], [4, 5, 6]])
    assert np.isnan(values[4, :2]).all() and np.isnan(values[:3, 3:]).all()
    qtmodeltester.check(model)


@pytest.mark.parametrize("text, expected", [
    ("1,2\n3,4", [[1, 2], [3, 4]]),
    ("1;2\r\n3;4\r\n", [[1, 2], [3, 4]]),
    ("1\t2\r3\t4\r", [[1, 2], [3, 4]]),
    ("1 2\n3   4\n\n", [[1, 2], [3, 4]]),
    ('"1","2"\n"3","4"', [[1, 2], [3, 4]]),
    ("1.5\n-2e3", [[1.5], [-2000]]),
])
def test_paste_delimiters_and_line_ends(model, text, expected):
    assert model.paste_text(1, 0, text)
    block = np.array(expected, float)
    np.testing.assert_array_equal(model.values()[1:1 + block.shape[0], :block.shape[1]], block)


def test_paste_empty_cells_clear_and_short_lines_pad(model):
    assert model.paste_text(0, 0, "5\t\t6\n7")
    values = model.values()
    assert values[0, 0] == 5 and np.isnan(values[0, 1]) and values[0, 2] == 6
    assert values[1, 0] == 7 and np.isnan(values[1, 1:]).all()


@pytest.mark.parametrize("top, left, text, message", [
    (1, 0, "1\t2\n3\tabc\n", "row 3, column 'x2': 'abc' is not a number."),
    (0, 2, "1\t2\n3\tnan", "row 2, column 'x4': 'nan' is not a finite number."),
    (2, 0, "x\ty\n1\t2", "the first line looks like column names ('x', 'y'); "
                         "paste into the first row to use them as column names."),
    (0, 0, "a\ta\n1\t2", "the column name 'a' would appear twice (columns 1 and 2)."),
    (0, 0, "\n\n", "the clipboard holds no cells."),
    (0, 0, "setosa", "row 1, column 'x1': 'setosa' is not a number."),  # one line: not a header
    (2, 1, "setosa\tversicolor", "row 3, column 'x2': 'setosa' is not a number."),
])
def test_paste_refused_as_a_whole(model, qtbot, top, left, text, message):
    before = state(model)
    with qtbot.waitSignal(model.message) as blocker:
        assert model.paste_text(top, left, text) is False
    assert blocker.args == [f"Paste refused: {message} Nothing was changed."]
    assert_state(model, before)
    assert model.undo_stack.count() == 0


def test_large_paste_is_one_step(qtbot):
    model = DataTableModel()
    rng = np.random.default_rng(1)
    data = rng.normal(size=(10_000, 4))
    text = "a\tb\tc\td\r\n" + "\r\n".join("\t".join(map(repr, row)) for row in data.tolist()) + "\r\n"
    assert model.paste_text(0, 0, text)
    np.testing.assert_array_equal(model.values(), data)  # bit-identical: repr round trip
    assert model.undo_stack.count() == 1
    bad = text.replace(repr(float(data[9_000, 2])), "oops")
    model2 = DataTableModel()
    messages = []
    model2.message.connect(messages.append)
    assert not model2.paste_text(0, 0, bad)
    assert messages == ["Paste refused: row 9001, column 'c': 'oops' is not a number. Nothing was changed."]


def test_copy_text_round_trip(model):
    model.setData(model.index(1, 1), str(0.1 + 0.2))
    model.setData(model.index(2, 0), "")
    text = model.copy_text(range(0, 4), range(0, 3))
    assert text.split("\n")[1] == f"0\t{0.1 + 0.2!r}\t1"
    assert text.split("\n")[2] == "\t0\t1"
    other = DataTableModel()
    assert other.paste_text(0, 0, text)
    np.testing.assert_array_equal(other.values(), model.values())
    assert model.copy_text(range(1, 3), range(2, 3)) == "1\n1"


# ---------------------------------------------------------------------------
# to_dataset
# ---------------------------------------------------------------------------


def test_to_dataset_with_targets_in_the_middle():
    model = DataTableModel()
    values = np.arange(12, dtype=float).reshape(3, 4)
    model.set_table(["a", "t1", "b", "t2"], values, [ROLE_INPUT, ROLE_TARGET, ROLE_INPUT, ROLE_TARGET])
    ds = model.to_dataset(source="mine")
    assert ds.input_names == ("a", "b") and ds.target_names == ("t1", "t2")
    np.testing.assert_array_equal(ds.X, values[:, [0, 2]])
    np.testing.assert_array_equal(ds.Y, values[:, [1, 3]])
    assert ds.source == "mine"


def test_set_dataset_puts_inputs_then_targets(model):
    ds = Dataset(np.array([[1.0, 2.0]]), np.array([[3.0]]), ("p", "q"), ("r",))
    model.set_dataset(ds)
    assert model.names() == ["p", "q", "r"] and model.target_columns() == [2]
    assert model.to_dataset().X.tolist() == [[1.0, 2.0]]


def test_to_dataset_names_the_empty_cell(model):
    model.setData(model.index(2, 1), "")
    with pytest.raises(DataError) as info:
        model.to_dataset()
    assert info.value.row == 3 and info.value.column == "x2"
    assert str(info.value) == "row 3, column 'x2': the cell is empty; type a number or remove the row"


def test_to_dataset_structural_errors(model):
    model.set_role(2, ROLE_INPUT)
    with pytest.raises(DataError, match="no column is used as a target"):
        model.to_dataset()
    for col in range(3):
        model.set_role(col, ROLE_TARGET)
    with pytest.raises(DataError, match="no column is used as an input"):
        model.to_dataset()
    model.set_role(0, ROLE_INPUT)
    model.remove_row_range(0, 4)
    with pytest.raises(DataError, match="no data rows"):
        model.to_dataset()
    with pytest.raises(DataError, match="no columns"):
        DataTableModel().to_dataset()


# ---------------------------------------------------------------------------
# The view: clipboard, keys, context menus
# ---------------------------------------------------------------------------


def select(view: DataTableView, top: int, left: int, bottom: int, right: int) -> None:
    model = view.model()
    selection = QItemSelection(model.index(top, left), model.index(bottom, right))
    view.selectionModel().setCurrentIndex(model.index(top, left), QItemSelectionModel.NoUpdate)
    view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)


def test_view_object_name_and_actions(view):
    assert view.objectName() == "dataTable"
    for name in ("copyAction", "cutAction", "pasteAction", "clearCellsAction", "useAsInputAction",
                 "useAsTargetAction", "renameColumnAction", "insertColumnAction", "removeColumnAction",
                 "insertRowAboveAction", "insertRowBelowAction", "removeRowsAction"):
        action(view, name)
    texts = [a.text().replace("&", "") for a in view.column_menu(0).actions() if a.text()]
    assert texts == ["Use as input", "Use as target", "Rename column\u2026", "Insert column", "Remove column"]
    texts = [a.text().replace("&", "") for a in view.row_menu(0).actions()]
    assert texts == ["Insert row above", "Insert row below", "Remove rows"]


def test_keyboard_copy_paste_and_delete(view, model, qtbot):
    view.setFocus()
    select(view, 1, 0, 2, 1)
    qtbot.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text() == "0\t1\n1\t0"
    view.selectionModel().clearSelection()
    view.setCurrentIndex(model.index(2, 1))
    qtbot.keyClick(view, Qt.Key_V, Qt.ControlModifier)
    assert model.values()[2:4, 1:3].tolist() == [[0, 1], [1, 0]]
    assert model.undo_stack.undoText() == "Paste 2\u00d72 cells"
    select(view, 0, 0, 1, 2)
    qtbot.keyClick(view, Qt.Key_Delete)
    assert np.isnan(model.values()[:2]).all() and model.undo_stack.undoText() == "Clear 6 cells"
    model.undo_stack.undo()
    assert model.values()[1].tolist() == [0, 1, 1]


def test_paste_single_value_fills_selection(view, model):
    QGuiApplication.clipboard().setText("9\n")
    select(view, 0, 0, 2, 1)
    assert view.paste()
    assert (model.values()[:3, :2] == 9).all() and model.values()[3, 0] == 1
    assert model.undo_stack.count() == 1


def test_cut_copies_then_clears(view, model):
    select(view, 3, 0, 3, 2)
    action(view, "cutAction").trigger()
    assert QGuiApplication.clipboard().text() == "1\t1\t0"
    assert np.isnan(model.values()[3]).all()


def test_header_menu_role_actions(view, model, qtbot):
    menu = view.column_menu(0)
    assert action(view, "useAsInputAction").isChecked()
    with qtbot.waitSignal(model.tableChanged):
        action(view, "useAsTargetAction").trigger()
    assert model.roles() == [ROLE_TARGET, ROLE_INPUT, ROLE_TARGET]
    view.column_menu(2)
    assert action(view, "useAsTargetAction").isChecked()
    action(view, "useAsInputAction").trigger()
    assert model.roles() == [ROLE_TARGET, ROLE_INPUT, ROLE_INPUT]
    assert menu is view.column_menu(1)


def test_header_menu_rename_insert_remove_columns(view, model, qtmodeltester):
    view.prompt_text = lambda title, label, text: "age" if text == "x2" else None
    view.column_menu(1)
    action(view, "renameColumnAction").trigger()
    assert model.names() == ["x1", "age", "y"]
    view.column_menu(0)
    action(view, "renameColumnAction").trigger()  # cancelled prompt: nothing happens
    assert model.names() == ["x1", "age", "y"]
    view.column_menu(1)
    action(view, "insertColumnAction").trigger()
    assert model.names() == ["x1", "age", "x3", "y"] and model.roles()[2] == ROLE_INPUT
    assert np.isnan(model.values()[:, 2]).all()
    view.column_menu(0)
    action(view, "removeColumnAction").trigger()
    assert model.names() == ["age", "x3", "y"]
    qtmodeltester.check(model)
    for _ in range(3):
        model.undo_stack.undo()
    assert model.names() == ["x1", "x2", "y"]


def test_row_menu_insert_and_remove(view, model, qtmodeltester):
    view.row_menu(1)
    action(view, "insertRowAboveAction").trigger()
    assert model.rowCount() == 5 and np.isnan(model.values()[1]).all()
    view.row_menu(4)
    action(view, "insertRowBelowAction").trigger()
    assert model.rowCount() == 6 and np.isnan(model.values()[5]).all()
    view.selectRow(1)
    view.selectionModel().select(model.index(5, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    view.row_menu(5)
    action(view, "removeRowsAction").trigger()
    assert model.rowCount() == 4 and not np.isnan(model.values()).any()
    assert model.undo_stack.undoText() == "Remove 2 rows"
    qtmodeltester.check(model)


def test_actions_without_a_menu_use_the_current_cell(view, model):
    view.setCurrentIndex(model.index(2, 1))
    action(view, "useAsTargetAction").trigger()
    assert model.roles()[1] == ROLE_TARGET
    action(view, "removeRowsAction").trigger()
    assert model.rowCount() == 3


def test_view_accepts_parent_only_and_later_model(qtbot):
    from PySide6.QtWidgets import QWidget
    parent = QWidget()
    qtbot.addWidget(parent)
    view = DataTableView(parent)
    assert view.parent() is parent and view.model() is None
    action(view, "pasteAction").trigger()  # no model: nothing happens, no crash
    view.setModel(make_model())
    assert view.model().columnCount() == 3


# ---------------------------------------------------------------------------
# Big tables
# ---------------------------------------------------------------------------


def test_twenty_thousand_rows(qtbot, qtmodeltester):
    model = DataTableModel()
    rng = np.random.default_rng(7)
    values = rng.normal(size=(20_000, 6))
    values[123, 4] = np.nan
    names = [f"c{i}" for i in range(6)]
    model.set_table(names, values, [ROLE_INPUT] * 5 + [ROLE_TARGET])
    view = DataTableView(model)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.wait(10)
    assert view.rowAt(view.viewport().height() - 2) > 19_900  # really at the bottom
    for r, c in zip(rng.integers(0, 20_000, 200), rng.integers(0, 6, 200)):
        index = model.index(int(r), int(c))
        assert float(index.data(Qt.EditRole)) == values[r, c] or np.isnan(values[r, c])
        assert index.data() == format(values[r, c], ".10g")
    assert model.index(123, 4).data() == ""
    model.setData(model.index(19_999, 0), "1")
    assert model.values()[19_999, 0] == 1.0
    model.undo_stack.undo()
    assert model.values()[19_999, 0] == values[19_999, 0]
    view.scrollToTop()
    assert view.rowAt(0) == 0
    qtmodeltester.check(model)


def test_double_click_header_renames(view, model, qtbot):
    view.prompt_text = lambda title, label, text: "speed"
    header = view.horizontalHeader()
    pos = header.rect().topLeft()
    pos.setX(header.sectionViewportPosition(1) + header.sectionSize(1) // 2)
    pos.setY(header.height() // 2)
    qtbot.mouseDClick(header.viewport(), Qt.LeftButton, pos=pos)
    assert model.names() == ["x1", "speed", "y"]


def test_menu_context_is_forgotten_after_the_menu_closes(view, model, qtbot):
    view.setCurrentIndex(model.index(0, 0))
    menu = view.column_menu(2)
    menu.popup(view.mapToGlobal(view.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    menu.hide()
    qtbot.wait(20)
    action(view, "useAsTargetAction").trigger()  # e.g. from a main-window menu: the current cell's column
    assert model.roles() == [ROLE_TARGET, ROLE_INPUT, ROLE_TARGET]


def _loy_table():
    model = DataTableModel()
    values = np.array([[0, 0, 1, 0], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 0]], dtype=float)
    model.set_table(["x1", "x2", "x3", "y"], values, [ROLE_INPUT] * 3 + [ROLE_TARGET], "Load")
    model.undo_stack.clear()
    return model, values


@pytest.mark.parametrize("text, names, target", [
    ("a,b,label\n1,2,0\n3,4,1\n", ["a", "b", "label"], "label"),  # narrower than the table
    ("p,q,r,s\n1,2,3,0\n4,5,6,1\n", ["p", "q", "r", "s"], "s"),  # as wide, fewer rows
    ("u,v,w,z,t\n1,2,3,4,0\n5,6,7,8,1\n", ["u", "v", "w", "z", "t"], "t"),  # wider
])
def test_names_and_data_pasted_at_a1_are_a_new_table(qtbot, text, names, target):
    model, old = _loy_table()
    messages = []
    model.message.connect(messages.append)
    assert model.paste_text(0, 0, text)
    assert model.names() == names and model.rowCount() == 2  # no old rows left under new names
    assert model.roles() == [ROLE_INPUT] * (len(names) - 1) + [ROLE_TARGET]
    assert model.to_dataset().target_names == (target,)
    assert "new table" in messages[-1] and repr(target) in messages[-1]
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()  # one step brings the old table back whole
    assert model.names() == ["x1", "x2", "x3", "y"] and model.roles()[-1] == ROLE_TARGET
    np.testing.assert_array_equal(model.values(), old)


def test_names_and_data_pasted_below_a1_are_refused_and_numbers_write_cells(qtbot):
    model, old = _loy_table()
    assert not model.paste_text(2, 0, "a,b\n1,2\n")  # names only make sense in the first row
    np.testing.assert_array_equal(model.values(), old)
    assert model.paste_text(0, 1, "7,8\n9,10\n")  # plain numbers write cells, names and roles stay
    assert model.names() == ["x1", "x2", "x3", "y"] and model.values()[1, 2] == 10


def test_a_new_table_with_a_bad_cell_or_repeated_names_is_refused_whole(qtbot):
    model, old = _loy_table()
    messages = []
    model.message.connect(messages.append)
    assert not model.paste_text(0, 0, "a,b,c\n1,x,3\n")
    assert "row 1, column 'b'" in messages[-1] and "'x' is not a number" in messages[-1]
    assert not model.paste_text(0, 0, "a,a,c\n1,2,3\n")
    assert "appear twice" in messages[-1]
    assert model.names() == ["x1", "x2", "x3", "y"] and model.undo_stack.count() == 0
    np.testing.assert_array_equal(model.values(), old)
