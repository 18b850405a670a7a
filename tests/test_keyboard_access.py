"""Issue 18, keyboard only: the diagram, the loss plot and the decision map have keyboard cursors that are
read out and announced; Tab and F6 go through the window in reading order; and a whole lesson is done
with key presses only (QTest key events, no mouse).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QSpinBox, QWidget

from nngui.app import create_main_window, train_synchronously
from nngui.files.dialogs import Dialogs

K = Qt.Key


def _window(qtbot, preset="circle"):
    w = create_main_window(preset=preset, language="en")
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # window shortcuts (Space, F6, Alt+letter) reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    return w


def _said(w) -> list[str]:
    return [text for _t, text in w.access.announcer.history]


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


# ------------------------------------------------------------------------------------------- the diagram


def test_the_diagram_is_read_unit_by_unit_and_weight_by_weight(qtbot):
    w = _window(qtbot, "circle")  # 2 inputs -> 8 tanh -> 1 sigmoid, with biases
    try:
        assert train_synchronously(w, 20)
        view, keys = w.network_view, w.access.diagram
        epoch = w.controller.trainer.epoch
        view.setFocus()
        qtbot.waitUntil(view.hasFocus, timeout=2000)
        assert keys.cursor == ("node", 0, 0)
        first = view.unit_name(0, 0)
        assert w.access.readout.isVisible() and w.access.readout.text().startswith(first)
        assert _said(w)[-1].startswith(first)
        [outline] = keys.outline_items()
        assert outline.scene() is view.scene() and outline.sceneBoundingRect().contains(
            view.node_item(0, 0).sceneBoundingRect().center())
        _key(qtbot, view, K.Key_Down)
        assert keys.cursor == ("node", 0, 1) and _said(w)[-1].startswith(view.unit_name(0, 1))
        _key(qtbot, view, K.Key_Right)  # along a weight
        assert keys.cursor[0] == "edge"
        weight = view.edge_text(0, 1, 1)
        assert _said(w)[-1] == weight and weight.startswith("w = ") and w.access.readout.text() == weight
        assert abs(float(weight.split()[2]) - view.edge_value(0, 1, 1)) < 1e-3
        _key(qtbot, view, K.Key_Down)  # the next weight of the same input
        assert keys.cursor[:4] == ("edge", 0, 1, 2)
        _key(qtbot, view, K.Key_Right)  # to the hidden unit it leads to
        assert keys.cursor == ("node", 1, 2)
        assert "bias = " in _said(w)[-1] and view.unit_name(1, 2) in _said(w)[-1]
        _key(qtbot, view, K.Key_Left)  # back along an incoming weight (from the input of the same index, or the
        # last input)
        assert keys.cursor[:4] == ("edge", 0, 1, 2)
        _key(qtbot, view, K.Key_Up)  # another incoming weight of the same hidden unit
        assert keys.cursor[:4] == ("edge", 0, 0, 2)
        _key(qtbot, view, K.Key_End)
        assert keys.cursor == ("node", 2, 0)
        w.prediction_view.select_source_row(3)  # with a row selected, the activation is read too
        _key(qtbot, view, K.Key_Home)
        _key(qtbot, view, K.Key_End)
        assert "activation = " in _said(w)[-1]
        assert w.controller.trainer.epoch == epoch  # the arrows moved the cursor, they did not Step
        w.resize(1100, 700)  # the diagram lays itself out again: the outline is made again around the unit
        qtbot.wait(50)
        [outline] = keys.outline_items()
        assert outline.sceneBoundingRect().contains(view.node_item(2, 0).sceneBoundingRect().center())
        w.data_view.setFocus()
        qtbot.waitUntil(lambda: not view.hasFocus(), timeout=2000)
        assert keys.outline_items() == [] and not w.access.readout.isVisible()
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- the plots


def test_the_loss_plot_has_a_cursor_the_arrow_keys_move(qtbot):
    w = _window(qtbot, "iris")  # with a validation curve
    try:
        assert train_synchronously(w, 40)
        plot, cursor = w.loss_plot, w.access.loss
        epoch = w.controller.trainer.epoch
        plot.setFocus()
        qtbot.waitUntil(plot.hasFocus, timeout=2000)
        x, y = plot.curve("training")
        assert plot.readout() == plot.readout_text("training", x[-1], y[-1]) == _said(w)[-1]
        _key(qtbot, plot, K.Key_Left)
        assert plot.readout() == plot.readout_text("training", x[-2], y[-2]) == _said(w)[-1]
        _key(qtbot, plot, K.Key_Home)
        assert plot.readout().startswith(f"epoch {x[0]:.0f}:")
        _key(qtbot, plot, K.Key_PageDown)
        assert cursor.point()[1] == x[max(1, x.size // 10)]
        _key(qtbot, plot, K.Key_Down)  # the validation curve
        vx, vy = plot.curve("validation")
        assert cursor.curve == "validation" and plot.readout().endswith("(validation)")
        assert cursor.point()[2] == pytest.approx(vy[list(vx).index(cursor.point()[1])])
        _key(qtbot, plot, K.Key_End)
        assert plot.readout() == plot.readout_text("validation", vx[-1], vy[-1])
        assert w.controller.trainer.epoch == epoch
        assert train_synchronously(w, 10)  # at the last point the cursor follows the curve
        qtbot.wait(600)
        vx, vy = plot.curve("validation")
        assert cursor.point()[1] == vx[-1]
    finally:
        w.controller.shutdown()


def test_the_decision_map_has_a_cursor_the_arrow_keys_move(qtbot):
    w = _window(qtbot, "circle")
    try:
        assert train_synchronously(w, 30)
        w.show_decision_map(True)
        dm, cursor = w.decision_map, w.access.map
        qtbot.waitUntil(lambda: dm.plane is not None, timeout=5000)
        dm.plot.setFocus()
        qtbot.waitUntil(dm.plot.hasFocus, timeout=2000)
        b = dm.bounds
        assert cursor.position() == pytest.approx((b.x0 + b.width / 2, b.y0 + b.height / 2))
        text = dm.readout.text()
        assert text and text == _said(w)[-1] and text == dm.text_at(*cursor.position())
        for _ in range(3):
            _key(qtbot, dm.plot, K.Key_Right)
        _key(qtbot, dm.plot, K.Key_PageUp)
        x, y = cursor.position()
        assert x == pytest.approx(b.x0 + b.width * (0.5 + 3 / 20)) and y == pytest.approx(b.y0 + b.height * 0.75)
        assert dm.readout.text() == dm.text_at(x, y) == _said(w)[-1]
        assert cursor.mark.isVisible()
        for _ in range(30):
            _key(qtbot, dm.plot, K.Key_Left)  # stops at the edge of the plane
        assert cursor.position()[0] == pytest.approx(b.x0)
        _key(qtbot, dm.plot, K.Key_Home)
        assert cursor.position() == pytest.approx((b.x0 + b.width / 2, b.y0 + b.height / 2))
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- Tab and F6


def _pane(w, widget) -> int:
    return w.access.pane_of(widget)


def test_tab_goes_settings_data_predictions_diagram_plots(qtbot):
    w = _window(qtbot, "circle")
    try:
        w.show_decision_map(True)
        first = w.access.start_widget()
        assert w.settings_panel.isAncestorOf(first) and w.focusWidget() is first  # the keyboard starts here
        assert first.objectName() == "activationCombo"
        order = []
        for _ in range(60):
            widget = QApplication.focusWidget()
            order.append(_pane(w, widget))
            if widget is w.speed_slider:
                break
            _key(qtbot, widget, K.Key_Tab)
        visited = [k for i, k in enumerate(order) if k >= 0 and (i == 0 or k != order[i - 1])]
        assert visited == [0, 1, 2, 3, 4, 5], order  # each part once, in reading order
        assert QApplication.focusWidget() is w.speed_slider
        _key(qtbot, w.speed_slider, K.Key_Backtab)
        assert QApplication.focusWidget() is w.decision_map.plot
    finally:
        w.controller.shutdown()


def test_f6_jumps_between_the_parts_of_the_window(qtbot):
    w = _window(qtbot, "circle")
    try:
        w.show_decision_map(True)
        seen = []
        for _ in range(7):
            _key(qtbot, QApplication.focusWidget(), K.Key_F6)
            seen.append(_pane(w, QApplication.focusWidget()))
        assert seen == [1, 2, 3, 4, 5, 0, 1]
        _key(qtbot, QApplication.focusWidget(), K.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        assert _pane(w, QApplication.focusWidget()) == 0
        w.show_decision_map(False)  # a hidden part is skipped
        w.loss_plot.setFocus()
        _key(qtbot, w.loss_plot, K.Key_F6)
        assert _pane(w, QApplication.focusWidget()) == 0
    finally:
        w.controller.shutdown()


# ------------------------------------------------------------------------------------------- a whole lesson


def _menu(qtbot, w, letter, target_name):
    """Open a menu with Alt+letter and walk down to the action ``target_name`` with the arrow keys, then Return."""
    _key(qtbot, QApplication.focusWidget() or w, letter, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert menu is not None, f"Alt+{letter} opened no menu"
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is not None and menu.activeAction().objectName() == target_name:
            break
        _key(qtbot, menu, K.Key_Down)
    assert menu.activeAction().objectName() == target_name
    _key(qtbot, menu, K.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)


def test_a_whole_lesson_from_the_keyboard(qtbot, tmp_path, monkeypatch):
    saved = tmp_path / "weights.json"
    monkeypatch.setattr(Dialogs, "save_name", lambda self, title, start, filters: str(saved))
    w = _window(qtbot, "loy-xor")
    try:
        # 1. load the circle preset from the Presets menu (Alt+P, arrows, Return)
        _menu(qtbot, w, K.Key_P, "preset_circle")
        assert w.windowTitle().startswith("circle")
        # 2. two hidden layers of 6: F6 to the settings, Tab to the hidden layers, type, Tab to "+", Space
        focus = QApplication.focusWidget
        while not w.settings_panel.isAncestorOf(focus()):
            _key(qtbot, focus(), K.Key_F6)
        while focus().objectName() != "hiddenLayerSpin1":
            _key(qtbot, focus(), K.Key_Tab)
        spin = focus()
        assert isinstance(spin, QSpinBox)
        _key(qtbot, spin, K.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, "6")
        _key(qtbot, spin, K.Key_Return)
        _key(qtbot, focus(), K.Key_Tab)  # the "+" right after the last layer's box
        assert focus().objectName() == "addLayerButton"
        _key(qtbot, focus(), K.Key_Space)
        assert w.settings_panel.config().hidden == (6, 6)
        assert w.controller.trainer.network.arch.sizes[1:-1] == (6, 6)
        # 3. train (Space), pause (Space), step (Training menu)
        w.apply_config(w.settings_panel.config().replace(epochs=0))  # until paused
        w.set_speed(200)
        _key(qtbot, focus(), K.Key_F6)  # on a button, Space presses it: to the data table, where Space trains
        assert focus() is w.data_view
        _key(qtbot, focus(), K.Key_Space)
        qtbot.waitUntil(lambda: w.controller.state == "running", timeout=3000)
        qtbot.waitUntil(lambda: w.controller.trainer is not None and w.session.trainer is not None and
                        (w.controller.last_report is not None and w.controller.last_report.progress.epoch > 20),
                        timeout=10000)
        _key(qtbot, focus(), K.Key_Space)
        qtbot.waitUntil(lambda: w.controller.state == "paused", timeout=3000)
        paused_at = w.controller.trainer.epoch
        _menu(qtbot, w, K.Key_T, "stepAction")
        qtbot.waitUntil(lambda: w.controller.state == "paused" and w.controller.trainer.epoch == paused_at + 1,
                        timeout=5000)
        # 4. read a prediction: F6 to the predictions, arrows to a cell; its accessible text names the column
        while focus() is not w.prediction_view:
            _key(qtbot, focus(), K.Key_F6)
        _key(qtbot, w.prediction_view, K.Key_Home, Qt.KeyboardModifier.ControlModifier)
        _key(qtbot, w.prediction_view, K.Key_Down)
        _key(qtbot, w.prediction_view, K.Key_Right)
        index = w.prediction_view.currentIndex()
        assert (index.row(), index.column()) == (1, 1)
        cell = QAccessible.queryAccessibleInterface(w.prediction_view).focusChild()
        said = cell.text(QAccessible.Text.Name)
        column = w.prediction_view.model().headerData(1, Qt.Orientation.Horizontal)
        assert column == "inside predicted" and said == f"{column}: {index.data()}"
        predicted = w.prediction_model.predictions()[w.prediction_view.source_row(1), 0]
        assert float(index.data()) == pytest.approx(float(predicted), abs=1e-3)
        # 5. export the weights: File menu (Alt+F), arrows to "Export weights", Return; the save dialog is scripted
        _menu(qtbot, w, K.Key_F, "exportModelAction")
        model = json.loads(saved.read_text())
        assert model["architecture"]["sizes"] == [2, 6, 6, 1]
        assert not w.errors
        said = [text for _t, text in w.access.announcer.history]
        assert "Training started." in said and any(s.startswith("Training paused at epoch") for s in said)
        assert said.count("Training started.") == 1
    finally:
        w.controller.shutdown()


def test_no_mouse_was_needed_for_any_action_of_the_menus(qtbot):
    """Every menu action is reachable from the keyboard: its menu has a mnemonic (Alt+letter) in the menu bar."""
    w = _window(qtbot)
    try:
        letters = []
        for action in w.menuBar().actions():
            text = action.text()
            assert "&" in text and not text.endswith("&"), text
            letters.append(text[text.index("&") + 1].lower())
        assert len(set(letters)) == len(letters), letters  # each Alt+letter opens one menu
        assert isinstance(w.prediction_view, QAbstractItemView) and not w.prediction_view.tabKeyNavigation()
        assert not w.data_view.tabKeyNavigation()
        assert w.network_view.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert w.loss_plot.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert isinstance(w.decision_map.plot, QWidget)
    finally:
        w.controller.shutdown()


def test_the_menu_key_opens_the_menu_of_the_current_cell(qtbot):
    """Column roles, renaming and inserting rows are in the cells' menu: the Menu key opens it for the cell
    the keyboard is on (a right-click is not needed)."""
    w = _window(qtbot, "loy-xor")
    try:
        view = w.data_view
        view.setFocus()
        for column, target, key, modifier in ((3, True, K.Key_Menu, Qt.KeyboardModifier.NoModifier),
                                              (0, False, K.Key_F10, Qt.KeyboardModifier.ShiftModifier)):
            view.setCurrentIndex(view.model().index(2, column))
            _key(qtbot, view, key, modifier)
            menu = QApplication.activePopupWidget()
            assert menu is not None and menu.objectName() == "cellMenu"
            assert view.use_as_target_action.isChecked() is target
            assert view.use_as_input_action.isChecked() is not target
            _key(qtbot, menu, K.Key_Escape)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    finally:
        w.controller.shutdown()


def test_a_click_on_the_diagram_shows_no_keyboard_cursor_until_an_arrow_key(qtbot):
    w = _window(qtbot, "circle")
    try:
        view, keys = w.network_view, w.access.diagram
        n = len(w.access.announcer.history)
        view.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(view.hasFocus, timeout=2000)
        assert keys.outline_items() == [] and len(w.access.announcer.history) == n
        _key(qtbot, view, K.Key_Down)
        assert keys.cursor == ("node", 0, 1) and len(keys.outline_items()) == 1
    finally:
        w.controller.shutdown()


def test_at_the_start_space_trains_and_right_steps(qtbot):
    """The keyboard starts on a setting that leaves Space and Right to the window (Train, Step)."""
    w = _window(qtbot, "loy-xor")
    try:
        focus = QApplication.focusWidget()
        assert w.settings_panel.isAncestorOf(focus)
        _key(qtbot, focus, K.Key_Right)
        qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 1, timeout=5000)
        _key(qtbot, focus, K.Key_Space)
        qtbot.waitUntil(lambda: w.controller.trainer.epoch > 1, timeout=5000)
        _key(qtbot, focus, K.Key_Space)
        qtbot.waitUntil(lambda: not w.controller.is_running(), timeout=5000)
    finally:
        w.controller.shutdown()


def test_return_on_the_diagram_edits_the_weight_by_hand(qtbot):
    """The keyboard's double-click: Return on a weight opens the hand editor, Enter applies, the focus comes
    back to the diagram, Ctrl+Z undoes."""
    w = _window(qtbot, "circle")
    try:
        assert train_synchronously(w, 5)
        view = w.network_view
        view.setFocus()
        qtbot.waitUntil(view.hasFocus, timeout=2000)
        _key(qtbot, view, K.Key_Down)
        _key(qtbot, view, K.Key_Right)
        assert w.access.diagram.cursor[:4] == ("edge", 0, 1, 1)
        old = view.edge_value(0, 1, 1)
        _key(qtbot, view, K.Key_Return)
        field = QApplication.focusWidget()
        assert field.objectName() == "weightEditorField" and field.isVisible()
        assert QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Name).startswith("W1")
        _key(qtbot, field, K.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field, "0.5")
        _key(qtbot, field, K.Key_Return)
        qtbot.waitUntil(lambda: view.edge_value(0, 1, 1) == 0.5, timeout=3000)
        assert QApplication.focusWidget() is view and w.access.diagram.cursor[:4] == ("edge", 0, 1, 1)
        _key(qtbot, view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.edge_value(0, 1, 1) == old, timeout=3000)
        _key(qtbot, view, K.Key_Home)  # an input unit has no bias: the status bar says so, nothing opens
        _key(qtbot, view, K.Key_Return)
        assert QApplication.focusWidget() is view and "no bias" in w.statusBar().currentMessage()
    finally:
        w.controller.shutdown()
