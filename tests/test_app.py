"""The main window, driven by objectNames; project files; the screenshot command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import find  # noqa: E402
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSlider, QSpinBox

from core.data import DataError
from core.modelfile import load_model
from core.presets import get_preset
from core.trainer import Trainer
from nngui.files import project as projmod
from nngui.support.formatting import short
from nngui.app import create_main_window

ROOT = Path(__file__).resolve().parent.parent

STABLE_NAMES = (
    "dataTable", "hiddenLayersEditor", "activationCombo", "lossCombo", "optimizerCombo", "learningRateSpin",
    "epochsSpin", "seedSpin", "trainButton", "stepButton", "resetButton", "lossPlot", "networkView",
    "predictionTable", "statusEpochLabel", "statusLossLabel", "speedSlider", "divergenceBanner",
)


def train_to_end(qtbot, w, timeout=30000):
    find(w, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: w.controller.state in ("done", "diverged", "failed"), timeout=timeout)
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)


def shown_predictions(w) -> np.ndarray:
    return w.prediction_model.predictions()


# ---------------------------------------------------------------------------------- start-up


def test_window_starts_with_loy_xor_and_stable_names(window):
    for name in STABLE_NAMES:
        find(window, name)
    assert window.data_model.names() == ["x1", "x2", "x3", "y"]
    assert window.settings_panel.config() == get_preset("loy-xor").config
    assert window.controller.trainer is not None and window.controller.state == "ready"
    # Not empty before training: initial weights in the diagram and predictions in the table.
    assert np.isfinite(window.network_view.edge_value(0, 0, 0))
    assert shown_predictions(window).shape == (4, 1)
    assert find(window, "statusEpochLabel", QLabel).text() == "Epoch 0 / 1,500"
    assert not window.is_modified()
    assert "loy-xor" in window.windowTitle()


def test_shortcuts(window):
    assert window.train_action.shortcut().toString() == "Space"
    assert window.step_action.shortcut().toString() == "Right"
    assert window.reset_action.shortcut().toString() == "Ctrl+R"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_action.shortcut().toString() == "Ctrl+S"


def test_space_key_starts_and_pauses(qtbot, window):
    window.activateWindow()
    window.network_view.setFocus()
    qtbot.keyClick(window.network_view, Qt.Key.Key_Space)
    # The first Train of a process may wait for numba to load its compiled loop (seconds on a busy machine).
    qtbot.waitUntil(lambda: window.controller.trainer.epoch > 0 or window.controller.state == "done", timeout=20000)


# ---------------------------------------------------------------------------------- data table


def test_edit_cells_bad_value_refused_and_undo(qtbot, window):
    model = window.data_model
    view = find(window, "dataTable")
    assert view.model() is model
    idx = model.index(0, 0)
    assert model.setData(idx, "0.5")
    assert model.values()[0, 0] == 0.5
    assert window.is_modified()
    assert window.controller.trainer.dataset.X[0, 0] == 0.5  # the trainer follows the table
    with qtbot.waitSignal(model.message):
        assert not model.setData(idx, "abc")
    assert model.values()[0, 0] == 0.5
    msg = window.statusBar().currentMessage()
    assert "Row 1" in msg and "x1" in msg and "abc" in msg
    window.undo_action.trigger()
    assert model.values()[0, 0] == 0.0
    assert window.controller.trainer.dataset.X[0, 0] == 0.0
    window.redo_action.trigger()
    assert model.values()[0, 0] == 0.5


def test_empty_cell_makes_training_wait_with_a_message(qtbot, window):
    model = window.data_model
    model.setData(model.index(1, 2), "")
    assert window.controller.trainer is None
    banner = find(window, "noticeBanner", QLabel)
    assert banner.isVisible() and "row 2" in banner.text() and "x3" in banner.text()
    assert not window.start_training()
    window.undo_action.trigger()
    assert window.controller.trainer is not None and banner.isHidden()


def test_editing_data_while_training_pauses_and_says_so(qtbot, window):
    window.settings_panel.epochs_spin.setValue(0)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=3000)
    qtbot.wait(50)
    epoch_before = window.controller.trainer.epoch
    window.data_model.setData(window.data_model.index(0, 0), "0.25")
    assert window.controller.state == "paused" and not window.controller.is_running()
    assert "paused" in window.statusBar().currentMessage().lower()
    assert window.controller.trainer.epoch >= epoch_before  # weights and history carried on


# ---------------------------------------------------------------------------------- architecture


def test_hidden_layers_change_diagram_and_model(qtbot, window):
    editor = find(window, "hiddenLayersEditor")
    assert window.network_view.edge_count() == 3 * 4 + 4 * 1
    find(editor, "addLayerButton", QPushButton).click()
    assert window.controller.trainer.network.arch.sizes == (3, 4, 4, 1)
    assert window.network_view.edge_count() == 3 * 4 + 4 * 4 + 4 * 1
    find(editor, "hiddenLayerSpin2", QSpinBox).setValue(2)
    assert window.controller.trainer.network.arch.sizes == (3, 4, 2, 1)
    assert window.network_view.edge_count() == 3 * 4 + 4 * 2 + 2 * 1
    assert "3 inputs \u2192 [4, 2] \u2192 1 output" == window.settings_panel.io_label.text()
    act = find(window, "activationCombo", QComboBox)
    act.setCurrentIndex(act.findData("tanh"))
    assert window.controller.trainer.network.arch.activations == ("tanh", "tanh", "sigmoid")


def test_architecture_change_while_training_pauses_and_says_so(qtbot, window):
    window.settings_panel.epochs_spin.setValue(0)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=3000)
    find(window, "addLayerButton", QPushButton).click()
    assert not window.controller.is_running()
    assert window.controller.trainer.epoch == 0  # new network, new weights
    assert "paused" in window.statusBar().currentMessage().lower()


def test_learning_rate_change_applies_at_once_while_training(qtbot, window):
    window.settings_panel.epochs_spin.setValue(0)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=3000)
    run = window.controller.run_id
    find(window, "learningRateSpin", QDoubleSpinBox).setValue(0.2)
    assert window.controller.is_running() and window.controller.run_id == run
    qtbot.waitUntil(lambda: window.session.report.progress.learning_rate == 0.2, timeout=3000)
    window.toggle_training()
    assert window.controller.trainer.learning_rate == 0.2


# ---------------------------------------------------------------------------------- training


def test_train_to_the_end_and_export_matches_core(qtbot, window, tmp_path):
    train_to_end(qtbot, window)
    assert window.controller.state == "done"
    assert find(window, "statusEpochLabel", QLabel).text() == "Epoch 1,500 / 1,500"
    assert find(window, "statusLossLabel", QLabel).text() == "Loss 0.001701"  # 4 significant digits
    assert abs(window.controller.trainer.last_loss - 0.001701) <= 5e-7
    path = tmp_path / "model.json"
    assert window.export_model(path)
    model = load_model(path)
    X = window.controller.trainer.dataset.X
    P = shown_predictions(window)
    assert np.array_equal(P, model.predict(X))
    # ... and the core alone, same seed, gives the same network.
    ref = Trainer(get_preset("loy-xor").dataset(), get_preset("loy-xor").config)
    ref.train(1500)
    assert np.array_equal(P, ref.predict(X))
    assert window.prediction_model.accuracy() == 1.0


def test_step_buttons(qtbot, window):
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        find(window, "stepButton", QAbstractButton).click()
    assert window.controller.trainer.epoch == 1
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.step10_action.trigger()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.step100_action.trigger()
    assert window.controller.trainer.epoch == 111
    qtbot.waitUntil(lambda: window.session.report.progress.epoch == 111, timeout=3000)
    assert find(window, "statusEpochLabel", QLabel).text() == "Epoch 111 / 1,500"
    assert window.train_action.text() == "Resume"


def test_reset_gives_the_same_first_weights_and_clears_history(qtbot, window):
    first = window.network_view.edge_value(0, 1, 2)
    train_to_end(qtbot, window)
    assert window.network_view.edge_value(0, 1, 2) != first
    find(window, "resetButton", QAbstractButton).click()
    assert window.controller.trainer.epoch == 0
    assert window.network_view.edge_value(0, 1, 2) == first
    assert window.loss_plot.ghost_count() == 1


def test_speed_slider_limits_epochs_per_second(qtbot, window):
    slider = find(window, "speedSlider", QSlider)
    window.set_speed(10)
    assert window.controller.speed == 10
    assert slider.value() < slider.maximum()
    window.start_training()
    qtbot.wait(600)
    window.toggle_training()
    assert 2 <= window.controller.trainer.epoch <= 15
    slider.setValue(slider.maximum())
    assert window.controller.speed == 0


def test_prediction_row_selection_shows_activations(qtbot, window):
    window.prediction_view.select_source_row(2)
    assert window.live.selected_row == 2
    text = window.network_view.node_text(1, 0)
    assert "activation" in text


def test_model_tester_on_the_live_models(qtbot, qtmodeltester, window):
    train_to_end(qtbot, window)
    qtmodeltester.check(window.prediction_model)
    qtmodeltester.check(window.data_model)


def test_close_mid_training_joins_the_thread(qtbot):
    w = create_main_window()
    w.show()
    w.settings_panel.epochs_spin.setValue(0)
    w.start_training()
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch > 0, timeout=5000)
    assert w.controller.is_running()
    thread = w.controller.thread
    assert w.close()
    assert not thread.isRunning()
    assert w.controller.worker.idle.is_set()


def test_close_can_be_cancelled(qtbot, window, monkeypatch):
    window.data_model.setData(window.data_model.index(0, 0), "2")
    monkeypatch.setattr(window.dialogs, "ask_save", lambda name: "cancel")
    assert not window.close()
    assert window.controller.thread.isRunning()
    monkeypatch.setattr(window.dialogs, "ask_save", lambda name: "discard")
    assert window.close()
    assert not window.controller.thread.isRunning()


def test_divergence_shows_the_banner_and_keeps_finite_weights(qtbot, window):
    window.load_preset("xor")
    panel = window.settings_panel
    for name, value in (("activationCombo", "relu"), ("outputActivationCombo", "linear"), ("lossCombo", "mse")):
        c = find(window, name, QComboBox)
        c.setCurrentIndex(c.findData(value))
    find(window, "learningRateSpin", QDoubleSpinBox).setValue(1e6)
    assert panel.config().learning_rate == 1e6
    train_to_end(qtbot, window)
    assert window.controller.state == "diverged"
    banner = find(window, "divergenceBanner", QLabel)
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "diverged at epoch" in banner.text() and "learning rate" in banner.text()
    assert np.isfinite(window.controller.trainer.network.params).all()
    assert all(np.isfinite(W).all() for W, _ in window.session.report.layers)
    assert np.isfinite(shown_predictions(window)).all()
    assert not window.start_training()
    find(window, "resetButton", QAbstractButton).click()
    assert banner.isHidden()
    assert window.controller.state == "ready"
    find(window, "learningRateSpin", QDoubleSpinBox).setValue(0.05)
    train_to_end(qtbot, window)
    assert window.controller.state == "done" and banner.isHidden()


def test_training_failure_shows_an_error_and_the_window_survives(qtbot, window, monkeypatch):
    def boom(self, epochs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(Trainer, "train", boom)
    window.start_training()
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5000)
    title, text = window.errors[-1]
    assert title == "Training failed" and "injected failure" in text
    monkeypatch.undo()
    train_to_end(qtbot, window)
    assert window.controller.state == "done"


# ---------------------------------------------------------------------------------- files


def test_project_round_trip_restores_table_settings_and_weights(qtbot, window, tmp_path):
    window.data_model.setData(window.data_model.index(0, 0), "0.125")
    panel = window.settings_panel
    find(window, "seedSpin", QSpinBox).setValue(3)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.step(100)
    names, roles, values = window.data_model.names(), window.data_model.roles(), window.data_model.values()
    cfg = panel.config()
    params = window.controller.trainer.network.params.copy()
    preds = shown_predictions(window).copy()
    path = tmp_path / "p.nngui.json"
    assert window.save_project(path)
    assert not window.is_modified() and "p.nngui.json" in window.windowTitle()
    d = json.loads(path.read_text())
    assert d["format"] == "nngui-project" and d["version"] == 1
    assert d["settings"] == cfg.to_dict() and d["model"]["format"] == "nngui-model"

    window.load_preset("iris")
    assert window.data_model.names() != names
    assert window.load_project(path)
    assert window.data_model.names() == names and window.data_model.roles() == roles
    assert np.array_equal(window.data_model.values(), values)
    assert panel.config() == cfg
    assert window.controller.trainer.epoch == 100
    assert np.array_equal(window.controller.trainer.network.params, params)
    assert np.array_equal(shown_predictions(window), preds)
    assert not window.is_modified()
    assert str(path.resolve()) in [os.path.realpath(p) for p in window.recent_files()]
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.start_training()  # training goes on from epoch 100
    assert window.controller.trainer.epoch == 1500


def _val_curve(w) -> tuple[np.ndarray, np.ndarray]:
    curve = w.session.report.val_curve
    assert curve is not None, "no validation curve shown"
    return curve


def test_project_round_trip_keeps_the_validation_curve_and_status(qtbot, window, tmp_path):
    window.load_preset("iris")  # validation 0.2
    train_to_end(qtbot, window)
    t = window.controller.trainer
    epochs, losses = _val_curve(window)
    assert epochs.tolist() == list(range(1, t.epoch + 1))  # every epoch, like the training curve
    assert np.array_equal(epochs, window.session.report.train_curve[0])
    status = window.status_loss.text()
    assert "validation " + short(t.last_val_loss) in status
    path = tmp_path / "iris.nngui.json"
    assert window.save_project(path)

    window.load_preset("xor")
    assert window.session.report.val_curve is None and "validation" not in window.status_loss.text()
    assert window.load_project(path)
    back_epochs, back_losses = _val_curve(window)
    assert np.array_equal(back_epochs, epochs) and np.array_equal(back_losses, losses)
    assert window.status_loss.text() == status
    assert window.controller.trainer.progress().val_loss == losses[-1]


def test_imported_weights_and_kept_weights_bring_the_validation_curve(qtbot, window, tmp_path):
    window.load_preset("iris")
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(150)
    epochs, losses = _val_curve(window)
    assert len(epochs) == 150
    path = tmp_path / "iris-model.json"
    assert window.export_model(path)
    window.load_preset("iris")  # fresh weights, no history
    assert window.session.report.val_curve is None
    assert window.import_model(path)
    assert np.array_equal(_val_curve(window)[1], losses)
    assert "validation " + short(losses[-1]) in window.status_loss.text()
    # a settings change that keeps the weights keeps both curves
    find(window, "epochsSpin", QSpinBox).setValue(2000)
    assert window.controller.trainer.epoch == 150
    assert np.array_equal(_val_curve(window)[1], losses)
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(10)
    assert _val_curve(window)[0].tolist() == list(range(1, 161))


def test_project_with_empty_cells_round_trips(qtbot, window, tmp_path):
    window.data_model.setData(window.data_model.index(3, 1), "")
    path = tmp_path / "e.nngui.json"
    assert window.save_project(path)
    p = projmod.load_project(path)
    assert np.isnan(p.values[3, 1]) and p.model is None or p.model is not None
    window.load_preset("xor")
    assert window.load_project(path)
    assert np.isnan(window.data_model.values()[3, 1])
    assert window.controller.trainer is None


@pytest.mark.parametrize("mutate,field", [
    (lambda d: d.update(format="other"), "format"),
    (lambda d: d.update(version=99), "version"),
    (lambda d: d["table"]["values"][0].__setitem__(0, "x"), "table.values[0][0]"),
    (lambda d: d["table"]["roles"].__setitem__(0, "output"), "table.roles[0]"),
    (lambda d: d["table"]["names"].__setitem__(1, "x1"), "table.names[1]"),
    (lambda d: d["settings"].update(loss="nope"), "settings.loss"),
    (lambda d: d["settings"].update(hidden=[5]), "model.architecture"),
    (lambda d: d["model"]["layers"][0]["weights"].pop(), "model.layers[0].weights"),
    (lambda d: [row.pop(0) for row in d["table"]["values"]] and d["table"]["names"].pop(0)
     and d["table"]["roles"].pop(0), "table"),
])
def test_bad_project_files_are_refused_and_nothing_changes(window, tmp_path, mutate, field):
    good = tmp_path / "good.nngui.json"
    assert window.save_project(good)
    d = json.loads(good.read_text())
    mutate(d)
    bad = tmp_path / "bad.nngui.json"
    bad.write_text(json.dumps(d))
    with pytest.raises(DataError) as info:
        projmod.load_project(bad)
    assert "bad.nngui.json" in str(info.value) and field.split("[")[0] in str(info.value)
    window.load_preset("xor")
    before = window.data_model.values()
    assert not window.load_project(bad)
    assert window.errors[-1][0] == "Cannot open the project" and "bad.nngui.json" in window.errors[-1][1]
    assert np.array_equal(window.data_model.values(), before)
    assert window.settings_panel.config() == get_preset("xor").config


def test_data_and_weights_that_disagree_are_refused(window, tmp_path):
    good = tmp_path / "good.nngui.json"
    window.save_project(good)
    d = json.loads(good.read_text())
    d["table"]["roles"][2] = "target"  # two inputs and two targets for a 3-input, 1-output network
    bad = tmp_path / "shape.nngui.json"
    bad.write_text(json.dumps(d))
    with pytest.raises(DataError, match=r"shape\.nngui\.json.*model\.architecture.*3 inputs.*2 input columns"):
        projmod.load_project(bad)
    d["table"]["names"].append("z")
    d["table"]["roles"][2] = "input"
    d["table"]["roles"].append("target")
    for row in d["table"]["values"]:
        row.append(1.0)
    bad.write_text(json.dumps(d))
    with pytest.raises(DataError, match=r"model\.architecture.*1 outputs.*2 target columns"):
        projmod.load_project(bad)


def test_not_json_and_missing_files(tmp_path):
    p = tmp_path / "x.nngui.json"
    p.write_text("{not json")
    with pytest.raises(DataError, match="x.nngui.json.*not valid JSON"):
        projmod.load_project(p)
    with pytest.raises(DataError, match="missing.nngui.json.*cannot be read"):
        projmod.load_project(tmp_path / "missing.nngui.json")


def test_project_write_is_atomic_and_plain_json(tmp_path):
    ds = get_preset("loy-xor").dataset()
    t = Trainer(ds, get_preset("loy-xor").config)
    from core.modelfile import model_from_trainer

    p = projmod.Project(["x1", "x2", "x3", "y"], ["input"] * 3 + ["target"], np.hstack([ds.X, ds.Y]),
                        t.config, model_from_trainer(t), {"log_scale": True})
    path = tmp_path / "a.nngui.json"
    projmod.save_project(path, p)
    assert [f.name for f in tmp_path.iterdir()] == ["a.nngui.json"]
    back = projmod.load_project(path)
    assert back.view == {"log_scale": True} and back.config == t.config
    assert np.array_equal(back.model.layers[0][0], t.network.weights[0])


def test_import_model_updates_everything_without_training(qtbot, window, tmp_path):
    window.load_preset("xor")
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(500)
    path = tmp_path / "xor-model.json"
    assert window.export_model(path)
    expected = shown_predictions(window).copy()
    window.load_preset("xor")
    find(window, "addLayerButton", QPushButton).click()
    assert window.controller.trainer.network.arch.sizes == (2, 4, 4, 1)
    assert window.import_model(path)
    assert window.controller.trainer.network.arch.sizes == (2, 4, 1)
    assert window.settings_panel.config().hidden == (4,)
    assert window.network_view.edge_count() == 2 * 4 + 4
    assert window.controller.trainer.epoch == 500
    model = load_model(path)
    X = window.controller.trainer.dataset.X
    assert np.array_equal(shown_predictions(window), model.predict(X))
    assert np.array_equal(shown_predictions(window), expected)
    assert window.network_view.edge_value(0, 1, 2) == model.layers[0][0][1, 2]


def test_import_bad_model_keeps_state(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nngui-model", "version": 1}')
    before = window.controller.trainer.network.params.copy()
    assert not window.import_model(bad)
    assert window.errors[-1][0] == "Cannot import the weights" and "bad.json" in window.errors[-1][1]
    assert np.array_equal(window.controller.trainer.network.params, before)


def test_open_file_dispatches_on_the_format(qtbot, window, tmp_path):
    model_path = tmp_path / "m.json"
    window.export_model(model_path)
    window.load_preset("iris")
    assert window.open_file(model_path)
    assert window.data_model.names() == ["x1", "x2", "x3", "y"]  # no data in the file: names only
    assert window.controller.trainer is None  # no rows yet...
    assert window.network_view.edge_count() == 16  # ... but the weights are shown
    csv = tmp_path / "t.csv"
    csv.write_text("a,b,t\n0,1,1\n1,0,1\n")
    assert window.open_file(csv)
    assert window.data_model.names() == ["a", "b", "t"]
    assert window.controller.trainer is not None


def test_export_predictions_and_pictures(qtbot, window, tmp_path):
    train_to_end(qtbot, window)
    pred = tmp_path / "pred.csv"
    assert window.export_predictions(pred)
    lines = [l for l in pred.read_text().splitlines() if not l.startswith("#")]
    assert lines[0] == "x1,x2,x3,y,y predicted,y error"
    values = np.array([[float(v) for v in l.split(",")] for l in lines[1:]])
    assert np.array_equal(values[:, 4:5], shown_predictions(window))
    for fn, name in ((window.export_loss_plot, "loss.png"), (window.export_diagram, "net.png")):
        assert fn(tmp_path / name)
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    csv = tmp_path / "table.csv"
    assert window.export_csv(csv)
    assert "x1,x2,x3,y" in csv.read_text()


def test_export_to_an_unwritable_place_shows_an_error(window, tmp_path):
    assert not window.export_model(tmp_path / "no" / "such" / "dir" / "m.json")
    assert window.errors[-1][0] == "Cannot export the weights"


def test_title_and_modified_flag(window, tmp_path):
    assert not window.is_modified()
    window.settings_panel.seed_spin.setValue(9)
    assert window.is_modified()
    window.save_project(tmp_path / "t.nngui.json")
    assert not window.is_modified() and window.windowTitle().startswith("t.nngui.json")


def test_new_project_asks_and_starts_empty(window, monkeypatch):
    asked = []
    window.data_model.setData(window.data_model.index(0, 0), "3")
    monkeypatch.setattr(window.dialogs, "ask_save", lambda name: asked.append(1) or "cancel")
    window.new_project()
    assert asked and window.data_model.values()[0, 0] == 3
    monkeypatch.setattr(window.dialogs, "ask_save", lambda name: "discard")
    window.new_project()
    assert window.data_model.names() == ["x1", "x2", "y"]
    assert window.controller.trainer is None
    assert window.windowTitle().startswith("Untitled")


def test_presets_menu_lists_every_preset(window):
    from core.presets import PRESETS

    assert set(window.preset_actions) == set(PRESETS)
    window.preset_actions["iris"].trigger()
    assert window.settings_panel.config() == PRESETS["iris"].config
    assert window.controller.trainer.classes == (0.0, 1.0, 2.0)
    assert window.network_view.edge_count() == 4 * 8 + 8 * 3


def test_recent_files_are_capped(window, tmp_path):
    for i in range(10):
        window.add_recent(str(tmp_path / f"f{i}.nngui.json"))
    files = window.recent_files()
    assert len(files) == 8 and files[0].endswith("f9.nngui.json")


def test_window_state_is_saved_and_restored(qtbot, tmp_path):
    w = create_main_window()
    w.resize(1111, 777)
    w.show()
    w.log_action.setChecked(True)
    w.close()
    w2 = create_main_window()
    qtbot.addWidget(w2)
    assert w2.log_action.isChecked() and w2.loss_plot.log_scale
    w2.controller.shutdown()


# ---------------------------------------------------------------------------------- command line


@pytest.mark.parametrize(("screen_scale", "scale", "pixels"), [
    ("1", None, 1.0), ("1.5", None, 1.5), ("2", None, 2.0),  # default: the screen's scale
    ("2", "1", 1.0), ("1", "2", 2.0),  # --scale chooses it
])
def test_screenshot_command_writes_a_png_of_the_logical_size(tmp_path, screen_scale, scale, pixels):
    """--size is logical pixels at any screen scale; the PNG has --scale (default: the screen's) pixels each."""
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_SCALE_FACTOR=screen_scale)
    env.pop("DISPLAY", None)
    extra = f", '--scale', {scale!r}" if scale else ""
    code = ("import sys; from nngui.app import main; "
            f"sys.exit(main(['--preset', 'loy-xor', '--train', '1500', '--screenshot', {str(out)!r}, "
            f"'--size', '1280x720'{extra}]))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20000
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (round(1280 * pixels), round(720 * pixels))
    # 96 dpi per logical pixel: a document shows it 1280x720 points big, whatever its pixels.
    dpi = img.dotsPerMeterX() * 0.0254
    assert abs(dpi - 96 * pixels) < 0.5 and abs(img.width() * 96 / dpi - 1280) < 1


def test_screenshot_renders_at_the_asked_scale(window):
    from nngui.app import render_window

    window.resize(800, 600)
    screen = window.devicePixelRatioF()
    for scale, expected in ((None, screen), (1.0, 1.0), (2.0, 2.0)):
        img = render_window(window, scale)
        assert (img.width(), img.height()) == (round(800 * expected), round(600 * expected)), scale
        # Not a blank image: the window's widgets are in it (the dark text of the status bar, the white plot).
        colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
        assert len(colours) > 20


def test_scale_without_a_screenshot_is_refused(capsys):
    from nngui.app import main

    with pytest.raises(SystemExit) as exc:
        main(["--scale", "2"])
    assert exc.value.code == 2 and "--scale is for --screenshot" in capsys.readouterr().err


def test_main_opens_a_project_file(qtbot, tmp_path, monkeypatch):
    from nngui import app as appmod

    w = create_main_window()
    path = tmp_path / "x.nngui.json"
    w.save_project(path)
    w.controller.shutdown()
    w.close()
    out = tmp_path / "shot.png"
    assert appmod.main([str(path), "--screenshot", str(out), "--size", "800x600"]) == 0
    assert out.stat().st_size > 0
    assert appmod.main([str(tmp_path / "missing.nngui.json"), "--screenshot", str(out)]) == 2


def test_bad_size_is_refused():
    from nngui.app import _parse_size

    assert _parse_size("1280x800") == (1280, 800)
    with pytest.raises(Exception):
        _parse_size("big")
    from nngui.app import _parse_scale

    assert _parse_scale("1.5") == 1.5
    for bad in ("big", "0", "9"):
        with pytest.raises(Exception):
            _parse_scale(bad)
