"""Issue 18: names and descriptions in the accessibility tree, the status bar as a screen reader reads it,
table cells read with their column, and the system's high contrast.

The tree walked is Qt's (``QAccessible.queryAccessibleInterface``, children recursively): what a screen
reader gets through AT-SPI, UI Automation or NSAccessibility. ``a11y_check.unnamed`` lists every
interactive element without a name; it must stay empty for the main window (every preset, every dock,
the lesson pane, the menus) and for every dialog the window can show, and it must catch a new control
that nobody named.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QIcon
from PySide6.QtWidgets import QComboBox, QDialog, QMenu, QPushButton, QSlider, QWidget

import nngui
from a11y_check import unnamed
from nngui.app import create_main_window, train_synchronously
from nngui.support import accessibility, i18n
from nngui.views.lesson_pane import shipped_lessons

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


def _window(qtbot, preset="loy-xor", language="en"):
    w = create_main_window(preset=preset, language=language)
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def _all_menus(w) -> list[QMenu]:
    menus = [m for m in w.findChildren(QMenu) if m.parentWidget() is not None]
    for m in menus:
        m.aboutToShow.emit()  # menus filled on demand (Open Recent)
    return menus


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


@pytest.mark.parametrize("preset", ["loy-xor", "iris", "spiral", "circle"])
def test_every_interactive_element_of_the_window_has_a_name(qtbot, english, preset):
    w = _window(qtbot, preset)
    try:
        assert train_synchronously(w, 20)
        w.show_decision_map(True)
        w.show_evaluate()  # its plots are made when first shown
        w.show_maths_inspector()  # the Maths tab in front of the settings
        w.prediction_view.select_source_row(0)
        assert w.open_lesson(shipped_lessons()[0])
        qtbot.wait(20)
        problems = unnamed(w)
        w.settings_dock.raise_()
        qtbot.wait(20)
        problems += unnamed(w)
        for menu in _all_menus(w):
            problems += unnamed(menu)
        assert problems == []
    finally:
        w.controller.shutdown()


def test_the_plots_the_diagram_and_the_tables_say_what_they_are_and_how_to_use_them(qtbot, english):
    w = _window(qtbot, "spiral")
    try:
        for widget, name, key in ((w.network_view, "Network diagram", "Up and Down"),
                                  (w.loss_plot, "Loss plot", "Left and Right"),
                                  (w.decision_map.plot, "Decision map", "Arrow"),
                                  (w.data_view, "Data table", "Arrow"),
                                  (w.prediction_view, "Predictions", "Arrow")):
            iface = QAccessible.queryAccessibleInterface(widget)
            assert iface.text(NAME) == name
            assert key in iface.text(DESCRIPTION)
            assert iface.state().focusable
        assert QAccessible.queryAccessibleInterface(w.speed_slider).text(NAME) == "Training speed"
        # menus have the names of their titles, without the mnemonic's "&"
        assert QAccessible.queryAccessibleInterface(w.findChild(QMenu, "fileMenu")).text(NAME) == "File"
    finally:
        w.controller.shutdown()


def test_names_follow_a_language_switch(qtbot, english):
    w = _window(qtbot)
    try:
        diagram = QAccessible.queryAccessibleInterface(w.network_view)
        assert diagram.text(NAME) == "Network diagram"
        w.set_language("zh_CN")
        assert diagram.text(NAME) == "网络结构图"
        assert "方向键" in diagram.text(DESCRIPTION)
        assert QAccessible.queryAccessibleInterface(w.findChild(QMenu, "fileMenu")).text(NAME) == "文件"
        w.set_language("en")
        assert diagram.text(NAME) == "Network diagram"
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- the walk itself


def test_the_walk_fails_on_a_control_nobody_named(qtbot, english):
    """A new icon-only button, a combo box without a label and a bare slider are each reported; once
    named, they are not."""
    w = _window(qtbot)
    try:
        assert unnamed(w) == []
        button = QPushButton()
        button.setObjectName("newIconButton")
        button.setIcon(w.style().standardIcon(w.style().StandardPixmap.SP_MediaPlay))
        combo = QComboBox()
        combo.setObjectName("newCombo")
        combo.addItems(["first", "second"])
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName("newSlider")
        lay = w.settings_panel.layout()
        for widget in (button, combo, slider):
            lay.addWidget(widget)
        qtbot.wait(10)
        problems = unnamed(w)
        assert len(problems) == 3, problems
        assert any("newIconButton" in p and "Button" in p for p in problems)
        assert any("newCombo" in p and "shows 'first'" in p for p in problems)  # its text is not its name
        assert any("newSlider" in p for p in problems)
        hidden = QPushButton()  # hidden controls count: they show up later
        hidden.setIcon(QIcon(w.style().standardIcon(w.style().StandardPixmap.SP_DialogOkButton)))
        hidden.hide()
        lay.addWidget(hidden)
        assert len(unnamed(w)) == 4
        for widget, text in ((button, "Play"), (combo, "Kind"), (slider, "Volume"), (hidden, "OK")):
            accessibility.set_name(widget, text)
        assert unnamed(w) == []
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- dialogs


def _own_dialog_classes() -> list[type]:
    """Every QDialog subclass defined in nngui's own modules (file dialogs are Qt's)."""
    found = []
    for info in pkgutil.walk_packages(nngui.__path__, "nngui."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


# Dialogs whose constructor needs more than the window: how to make one (added with each such dialog).
def _animation_dialog(w):
    from nngui.files.animation import AnimationOptions
    from nngui.files.animation_dialog import AnimationDialog

    return AnimationDialog(AnimationOptions(path="spiral.gif"), checkpoints=40, map_ok=True, parent=w)


DIALOG_BUILDERS: dict[str, object] = {"nngui.files.animation_dialog.AnimationDialog": _animation_dialog}


class _Autosave:
    def describe(self) -> str:
        return "Untitled, autosaved 12:00: 4 rows × 4 columns."


def _dialogs(w) -> dict[str, QWidget]:
    out = {
        "warning": w.dialogs.warning_box("Cannot open the file", "x.csv, line 2: expected a number"),
        "unsaved changes": w.dialogs.save_box("loy-xor"),
        "recover": w.dialogs.restore_box(_Autosave())[0],
        "rename column": w.data_view.text_dialog("Rename column", "New name for column 'x1':", "x1"),
        "compare live": w.compare_live(),  # a window of its own (Training > Compare live)
    }
    for cls in _own_dialog_classes():
        key = f"{cls.__module__}.{cls.__qualname__}"
        if key in DIALOG_BUILDERS:
            out[key] = DIALOG_BUILDERS[key](w)
            continue
        try:
            out[key] = cls(w)
        except TypeError as exc:
            pytest.fail(f"{key}: cannot be made with the window alone ({exc}); add a builder to DIALOG_BUILDERS "
                        "so that its accessible names are checked")
    return out


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_dialog_the_window_can_show_has_names(qtbot, english, language):
    w = _window(qtbot, language=language)
    try:
        for what, dialog in _dialogs(w).items():
            dialog.show()
            qtbot.waitExposed(dialog)
            problems = unnamed(dialog)
            dialog.close()
            dialog.deleteLater()
            assert problems == [], what
    finally:
        w.controller.shutdown()


def test_context_menus_have_names(qtbot, english):
    w = _window(qtbot, "iris")
    try:
        menus = w.data_view.findChildren(QMenu)
        assert {m.objectName() for m in menus} >= {"columnMenu", "rowMenu", "cellMenu"}
        for menu in menus:
            assert unnamed(menu) == [], menu.objectName()
        header = w.prediction_view.horizontalHeader()
        header.customContextMenuRequested.emit(QPoint(10, 5))  # iris: 4 inputs, one folded away
        menu = w.prediction_view.findChild(QMenu, "predictionHeaderMenu")
        assert menu is not None and unnamed(menu) == []
        menu.close()
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- cells, status


def test_prediction_and_data_cells_are_read_with_their_column(qtbot, english):
    w = _window(qtbot)
    try:
        role = Qt.ItemDataRole.AccessibleTextRole
        view = w.prediction_view
        model = view.model()
        assert train_synchronously(w, 10)
        text = model.index(0, 1).data(role)
        assert text.startswith("y predicted: ") and text.split(": ")[1] == model.index(0, 1).data()
        table = QAccessible.queryAccessibleInterface(view)
        cell = next(table.child(k) for k in range(table.childCount()) if table.child(k).role() == QAccessible.Role.Cell)
        assert cell.text(NAME) == model.index(0, 0).data(role) == "y: 0"
        assert w.data_model.index(3, 3).data(role) == "y (target): 0"
        w.data_model.setData(w.data_model.index(0, 0), "")
        assert w.data_model.index(0, 0).data(role) == "x1: empty"
    finally:
        w.controller.shutdown()


def test_the_status_bar_is_read_by_its_message(qtbot, english):
    w = _window(qtbot)
    try:
        w.show_status("Model saved to /tmp/m.json")
        assert QAccessible.queryAccessibleInterface(w.statusBar()).text(NAME) == "Model saved to /tmp/m.json"
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- high contrast


def test_the_system_high_contrast_setting_picks_the_high_contrast_palette(qtbot, english, monkeypatch):
    high = {"on": True}
    monkeypatch.setattr(accessibility, "system_high_contrast", lambda: high["on"])
    w = _window(qtbot)
    try:
        assert w.palette_name == "high-contrast"
        high["on"] = False
        w.access.apply_system_contrast()
        assert w.palette_name == "default"
        signal = accessibility.contrast_changed_signal()
        assert signal is not None  # Qt 6.10+ reports the system's contrast preference
        high["on"] = True
        signal.emit(Qt.ContrastPreference.HighContrast)
        assert w.palette_name == "high-contrast"
        w.set_palette("colorblind")  # a palette chosen in the menu wins over the system's setting
        high["on"] = False
        signal.emit(Qt.ContrastPreference.NoPreference)
        assert w.palette_name == "colorblind"
    finally:
        w.controller.shutdown()
