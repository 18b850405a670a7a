"""Editing a weight or a bias by hand in the diagram (issue 15): double-click, type, Enter; one undo step each."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from core.presets import get_preset
from core.trainer import Trainer
from helpers import find
from nngui.app import create_main_window, train_synchronously
from nngui.support.formatting import short, weight


@pytest.fixture
def window(qtbot):
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()


def edge_point(view, layer, i, j):
    """A viewport point on the edge W[layer][i, j], a quarter of the way from its source unit."""
    line = view.edge_item(layer, i, j).line()
    p = QPointF(line.x1() + 0.3 * (line.x2() - line.x1()), line.y1() + 0.3 * (line.y2() - line.y1()))
    assert view.hover_target_at(p) == ("edge", layer, i, j)
    return view.mapFromScene(p)


def node_point(view, layer, unit):
    item = view.node_item(layer, unit)
    p = item.scenePos()
    assert view.hover_target_at(p) == ("node", layer, unit)
    return view.mapFromScene(p)


def type_value(qtbot, window, text):
    field = find(window, "weightEditorField", QLineEdit)
    assert field.isVisible()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def trained(window, preset="xor", epochs=40, **changes):
    window.load_preset(preset)
    cfg = window.settings_panel.config().replace(**changes)
    window.apply_config(cfg)
    assert train_synchronously(window, epochs)
    core = Trainer(get_preset(preset).dataset(), window.controller.trainer.config)
    core.train(epochs)
    assert np.array_equal(core.network.params, window.controller.trainer.network.params)
    return core


def test_a_double_clicked_edge_takes_the_typed_value_and_nothing_else_changes(qtbot, window):
    core = trained(window)
    view = window.network_view
    t = window.controller.trainer
    before = t.network.params.copy()
    old = float(t.network.weights[0][1, 2])
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=edge_point(view, 0, 1, 2))
    title = find(window, "weightEditorTitle", QLabel).text()
    assert title.startswith("W1[1,2]  x2 \u2192 h1.3") and f"now {weight(old)}" in title
    field = find(window, "weightEditorField", QLineEdit)
    assert field.text() == repr(old) and field.toolTip() == f"Old value: {old!r}"
    type_value(qtbot, window, "0.75")
    assert not find(window, "weightEditor").isVisible()
    after = t.network.params
    changed = np.flatnonzero(after != before)
    assert changed.size == 1 and t.network.weights[0][1, 2] == 0.75
    # the predictions, the decision map and the loss are those of the core's network with the same weight
    core.network.weights[0][1, 2] = 0.75
    ds = get_preset("xor").dataset()
    expected = core.predict(ds.X)
    rep = window.session.report
    assert np.array_equal(rep.predictions, expected)
    assert np.array_equal(rep.layers[0][0], core.network.weights[0])
    loss = core.loss_fn.value(core.network.predict(core.X), core.Y)
    assert rep.progress.loss == loss and t.last_loss == loss
    assert window.status_loss.text() == f"Loss {short(loss)}"
    assert np.array_equal(window.prediction_model.predictions(), expected)
    qtbot.waitUntil(lambda: window.decision_map.drawn_report is rep, timeout=5000)  # the map redraws too
    assert window.decision_map.drawn_report.layers[0][0][1, 2] == 0.75
    assert window.network_view.edge_value(0, 1, 2) == 0.75
    assert window.undo_stack.undoText() == "Edit weight W1[1,2]"
    assert window.undo_action.text() == "&Undo Edit weight W1[1,2]"
    assert window.is_modified()


def test_undo_and_redo_restore_both_values(qtbot, window):
    trained(window)
    view = window.network_view
    t = window.controller.trainer
    before = t.network.params.copy()
    old = float(t.network.weights[1][2, 0])
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=edge_point(view, 1, 2, 0))
    type_value(qtbot, window, "-3.5")
    assert t.network.weights[1][2, 0] == -3.5
    edited = t.network.params.copy()
    loss_edited = window.session.report.progress.loss
    window.undo_action.trigger()
    assert np.array_equal(t.network.params, before) and t.network.weights[1][2, 0] == old
    assert window.session.report.layers[1][0][2, 0] == old
    assert window.session.report.progress.loss != loss_edited
    window.redo_action.trigger()
    assert np.array_equal(t.network.params, edited)
    assert window.session.report.progress.loss == loss_edited
    assert window.undo_stack.count() == 1


def test_a_double_clicked_unit_edits_its_bias(qtbot, window):
    trained(window)
    view = window.network_view
    t = window.controller.trainer
    before = t.network.params.copy()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=node_point(view, 1, 3))
    type_value(qtbot, window, "1e-3")
    assert t.network.biases[0][3] == 1e-3
    assert np.flatnonzero(t.network.params != before).size == 1
    assert window.undo_stack.undoText() == "Edit bias b1[3]"
    window.undo_stack.undo()
    assert np.array_equal(t.network.params, before)


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1e999", ""])
def test_a_value_that_is_not_a_finite_number_is_refused(qtbot, window, text):
    trained(window)
    view = window.network_view
    t = window.controller.trainer
    before = t.network.params.copy()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=edge_point(view, 0, 0, 1))
    type_value(qtbot, window, text)
    message = find(window, "weightEditorMessage", QLabel)
    assert find(window, "weightEditor").isVisible() and message.isVisible()
    assert "is not a finite number" in message.text()
    assert np.array_equal(t.network.params, before) and window.undo_stack.count() == 0
    qtbot.keyClick(find(window, "weightEditorField", QLineEdit), Qt.Key.Key_Escape)
    assert not find(window, "weightEditor").isVisible()


def test_input_units_have_no_bias_to_edit(qtbot, window):
    trained(window)
    view = window.network_view
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=node_point(view, 0, 0))
    assert not find(window, "weightEditor").isVisible()
    assert "no bias" in window.statusBar().currentMessage()


def test_editing_pauses_training_and_keeps_the_optimiser_state(qtbot, window):
    """Adam's moments survive the edit: the window's run after it equals a core run edited in place."""
    window.load_preset("xor")
    cfg = window.settings_panel.config().replace(optimizer="adam", learning_rate=0.05, epochs=0)
    window.apply_config(cfg)
    window.set_speed(200)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.trainer.epoch > 20 or window.session.report.progress.epoch > 20,
                    timeout=20000)
    view = window.network_view
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=edge_point(view, 0, 1, 0))
    assert not window.controller.is_running()
    t = window.controller.trainer
    done = t.epoch
    type_value(qtbot, window, "2.5")
    assert not window.controller.is_running()
    window.set_speed(0)
    assert window.step(30)
    window.controller.wait_idle(30)
    core = Trainer(get_preset("xor").dataset(), cfg)
    core.train(done)
    core.network.weights[0][1, 0] = 2.5
    core.train(30)
    assert t.epoch == core.epoch == done + 30
    assert np.array_equal(t.network.params, core.network.params)
