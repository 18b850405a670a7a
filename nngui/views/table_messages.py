"""What the data table says, translated: its undo steps (shown in Edit > Undo), its headers and the
reasons it refuses an edit or a paste. :mod:`nngui.views.data_model` calls these; the English
texts are those the table always showed."""

from __future__ import annotations

from nngui.support.i18n import fmt, translate


def target_header(name: str) -> str:
    """A target column's header: "y (target)"."""
    return fmt(translate("DataTableModel", "%1 (target)"), name)


def header_tooltip(name: str, target: bool) -> str:
    if target:
        return fmt(translate("DataTableModel", "%1: target column \u2014 the network learns to predict it.\n"
                                               "Right-click to use it as an input instead, rename or remove it."),
                   repr(name))
    return fmt(translate("DataTableModel", "%1: input column \u2014 the network reads it.\n"
                                           "Right-click to use it as a target instead, rename or remove it."),
               repr(name))


def cell_not_a_number(comma: bool) -> str:
    """The reason a typed cell is refused, completing "'abc' is …"."""
    if comma:
        return translate("DataTableModel", "not a number (use a dot as the decimal separator)")
    return translate("DataTableModel", "not a number")


def cell_not_finite() -> str:
    return translate("DataTableModel", "not a finite number")


def cell_refused(row: int, name: str, shown: str, reason: str) -> str:
    return fmt(translate("DataTableModel", "Row %1, column %2: %3 is %4; the old value was kept."),
               row, repr(name), shown, reason)


def paste_refused(reason: str) -> str:
    return fmt(translate("DataTableModel", "Paste refused: %1 Nothing was changed."), reason)


def paste_cell_refused(row: int, name: str, shown: str, reason: str) -> str:
    return fmt(translate("DataTableModel", "row %1, column %2: %3 is %4."), row, repr(name), shown, reason)


def no_cells() -> str:
    return translate("DataTableModel", "the clipboard holds no cells.")


def header_not_at_top(names: str) -> str:
    return fmt(translate("DataTableModel", "the first line looks like column names (%1); paste into the first row "
                                           "to use them as column names."), names)


def name_with_line_break(col: int) -> str:
    return fmt(translate("DataTableModel", "column %1: a column name cannot contain a line break."), col)


def name_twice(name: str, first: int, second: int) -> str:
    return fmt(translate("DataTableModel", "the column name %1 would appear twice (columns %2 and %3)."),
               repr(name), first, second)


def name_problem_empty() -> str:
    return translate("DataTableModel", "a column name cannot be empty")


def name_problem_line_break() -> str:
    return translate("DataTableModel", "a column name cannot contain a line break")


def name_problem_used(name: str, col: int) -> str:
    return fmt(translate("DataTableModel", "the name %1 is already used by column %2"), repr(name), col)


def rename_refused(old: str, problem: str) -> str:
    return fmt(translate("DataTableModel", "Column %1: %2; the name was kept."), repr(old), problem)


def insert_refused(problem: str) -> str:
    return fmt(translate("DataTableModel", "New column: %1; no column was inserted."), problem)


# -- the table cannot be trained on (DataError details; the error adds the row and column) --

def no_target_column() -> str:
    return translate("DataTableModel", "no column is used as a target: right-click a column header and choose "
                                       "'Use as target'")


def no_input_column() -> str:
    return translate("DataTableModel", "no column is used as an input: right-click a column header and choose "
                                       "'Use as input'")


def empty_cell() -> str:
    return translate("DataTableModel", "the cell is empty; type a number or remove the row")


# -- undo steps (Edit > Undo names them) --

def edit_cell(cell: str, clear: bool) -> str:
    if clear:
        return fmt(translate("DataTableModel", "Clear cell %1"), cell)
    return fmt(translate("DataTableModel", "Edit cell %1"), cell)


def clear_cells(count: int) -> str:
    return fmt(translate("DataTableModel", "Clear %1 cells"), count)


def use_as(name: str, target: bool) -> str:
    if target:
        return fmt(translate("DataTableModel", "Use %1 as target"), repr(name))
    return fmt(translate("DataTableModel", "Use %1 as input"), repr(name))


def rename_column(old: str, new: str) -> str:
    return fmt(translate("DataTableModel", "Rename column %1 to %2"), repr(old), repr(new))


def insert_rows(count: int) -> str:
    if count == 1:
        return translate("DataTableModel", "Insert row")
    return fmt(translate("DataTableModel", "Insert %1 rows"), count)


def remove_rows(first: int, last: int, count: int, contiguous: bool) -> str:
    if count == 1:
        return fmt(translate("DataTableModel", "Remove row %1"), first)
    if contiguous:
        return fmt(translate("DataTableModel", "Remove rows %1\u2013%2"), first, last)
    return fmt(translate("DataTableModel", "Remove %1 rows"), count)


def insert_column(name: str) -> str:
    return fmt(translate("DataTableModel", "Insert column %1"), repr(name))


def remove_columns(name: str, count: int) -> str:
    if count == 1:
        return fmt(translate("DataTableModel", "Remove column %1"), repr(name))
    return fmt(translate("DataTableModel", "Remove %1 columns"), count)


def replace_table() -> str:
    return translate("DataTableModel", "Replace table")


def load_data() -> str:
    return translate("DataTableModel", "Load data")


def paste_label(height: int, width: int) -> str:
    """The undo step of a paste (and, with a full stop, the note after it)."""
    if height:
        return fmt(translate("DataTableModel", "Paste %1\u00d7%2 cells"), height, width)
    return translate("DataTableModel", "Paste column names")


def pasted_note(height: int, width: int, header_used: bool) -> str:
    if not height:
        return translate("DataTableModel", "Pasted column names.")
    if header_used:
        return fmt(translate("DataTableModel", "Pasted %1\u00d7%2 cells (the first line was used as column names)."),
                   height, width)
    return fmt(translate("DataTableModel", "Pasted %1\u00d7%2 cells."), height, width)


def paste_new_table() -> str:
    return translate("DataTableModel", "Paste a new table")


def pasted_new_table(rows: int, width: int, target: str | None) -> str:
    if rows == 1:
        table = fmt(translate("DataTableModel", "Pasted a new table: 1 row \u00d7 %1 columns with their names replaced "
                                                "the old table (Ctrl+Z brings it back)"), width)
    else:
        table = fmt(translate("DataTableModel", "Pasted a new table: %1 rows \u00d7 %2 columns with their names "
                                                "replaced the old table (Ctrl+Z brings it back)"), rows, width)
    if target is None:
        return fmt(translate("DataTableModel", "%1."), table)
    return fmt(translate("DataTableModel", "%1; %2 is the target."), table, repr(target))
