"""Walk a widget's accessibility tree, as a screen reader sees it, and name every interactive element
that has no accessible name.

The tree is Qt's own (``QAccessible.queryAccessibleInterface`` and ``child(i)`` recursively): what
AT-SPI (Linux), UI Automation (Windows) and NSAccessibility (macOS) are given. An element is
*interactive* when its role is one a person acts on or reads as a control (buttons, fields, tables and
their headers and cells, menus, tabs, sliders, plots...) or when it can take the keyboard focus;
decorative pictures (role Graphic: a message box's icon) are not.

It is *named* when its accessible name is not empty. Combo boxes need more: on Linux Qt reports their
current text as the name (the label is given as a relation), so a combo box counts as named only with
an accessible name of its own or a label whose buddy it is; an empty combo box is never named.

Used by tests/test_accessibility.py on the main window (every preset, every dock, the lesson pane) and
on every dialog and menu the window can show.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QComboBox, QLabel, QWidget

R = QAccessible.Role
INTERACTIVE = {
    R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.SpinBox, R.Slider, R.Dial, R.ScrollBar,
    R.EditableText, R.Table, R.Tree, R.List, R.ListItem, R.TreeItem, R.ColumnHeader, R.RowHeader, R.Cell,
    R.MenuItem, R.PopupMenu, R.MenuBar, R.PageTab, R.PageTabList, R.ButtonMenu, R.ButtonDropDown,
    R.ButtonDropGrid, R.Link, R.ProgressBar, R.Chart, R.Canvas, R.ToolBar, R.Dialog, R.Window,
}
CELL_ROWS = 12  # table cells are checked in the first rows only (a 10,000-row table reads the same)


def _name(iface) -> str:
    return iface.text(QAccessible.Text.Name).strip()


def _qt_part(obj) -> bool:
    """Qt's own parts of a named control, which a screen reader reads as the control: a scroll area's
    scroll bars (the area scrolls with the keyboard) and its viewport (the area has the name), and a
    combo box's popup list (read as the combo box's items)."""
    if not isinstance(obj, QWidget):
        return False
    parent = obj.parentWidget()
    if parent is None:
        return False
    if parent.objectName() in ("qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer"):
        return True
    if isinstance(parent, QAbstractScrollArea) and obj is parent.viewport():
        return True
    combo = parent.parentWidget()
    return isinstance(combo, QComboBox) and combo.view() is obj


def _labelled(combo: QComboBox) -> bool:
    window = combo.window()
    return any(label.buddy() is combo and label.text().strip() for label in window.findChildren(QLabel))


def where(iface) -> str:
    """A readable path: the nearest objectNames up the tree."""
    names, i = [], iface
    while i is not None and i.isValid() and len(names) < 4:
        obj = i.object()
        name = obj.objectName() if obj is not None else ""
        if name and not name.startswith("qt_"):
            names.append(name)
        i = i.parent()
    return "/".join(reversed(names)) or "(window)"


def unnamed(root, cell_rows: int = CELL_ROWS) -> list[str]:
    """Every interactive element under ``root`` (a widget or an accessible interface) without a name."""
    iface = root if hasattr(root, "childCount") and not isinstance(root, QWidget) else \
        QAccessible.queryAccessibleInterface(root)
    problems: list[str] = []
    seen: set = set()
    _walk(iface, problems, seen, cell_rows)
    return problems


def _walk(iface, problems: list[str], seen: set, cell_rows: int) -> None:
    if iface is None or not iface.isValid():
        return
    key = QAccessible.uniqueId(iface)
    if key in seen:
        return
    seen.add(key)
    obj, role = iface.object(), iface.role()
    focusable = iface.state().focusable
    if (role in INTERACTIVE or focusable) and not _qt_part(obj) and role != R.Separator:
        problem = _problem(iface, obj, role)
        if problem:
            kind = type(obj).__name__ if obj is not None else "item"
            problems.append(f"{where(iface)}: {role.name} ({kind}) {problem}")
    count = iface.childCount()
    if isinstance(obj, QAbstractItemView) and obj.model() is not None and role == R.Table:
        # children: the corner, the column headers, then per row its header and its cells
        count = min(count, 1 + (obj.model().columnCount() + 1) * (cell_rows + 1))
    for k in range(count):
        _walk(iface.child(k), problems, seen, cell_rows)


def _problem(iface, obj, role) -> str | None:
    if isinstance(obj, QComboBox) and iface.object() is obj:
        if not obj.accessibleName().strip() and not _labelled(obj):
            return f"has no accessible name nor a label (shows {obj.currentText()!r})"
        return None
    if not _name(iface):
        return "has no accessible name"
    return None
