"""Reliability, faults: button mashing, disruptive actions while training, exceptions in the training
thread. The window never crashes, never leaves a thread stuck, and ends consistent: the prediction
table and the diagram show exactly the weights the trainer has.
"""

from __future__ import annotations

import random
import time

import numpy as np
import pytest

from helpers import find, settle_training  # noqa: E402
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPushButton, QSpinBox

from core.trainer import Trainer
from nngui.training import building as buildingmod
from nngui.training import worker as workermod
from nngui.app import create_main_window


def until_stopped(w) -> None:
    """Epochs = 0: training runs until paused (so every press lands on a live run)."""
    find(w, "epochsSpin", QSpinBox).setValue(0)


settle = settle_training  # pause, wait for the worker and the last report


def assert_consistent(w) -> None:
    """What the window shows is exactly what the trainer holds."""
    c = w.controller
    t = c.trainer
    assert t is not None and not c.is_running()
    assert c.thread.isRunning()  # the training thread is alive, not stuck and not gone
    assert c.state in ("ready", "paused", "done", "diverged", "failed")
    X = t.dataset.X
    expected = t.predict(X)
    np.testing.assert_array_equal(w.prediction_model.predictions(), expected)
    layers = t.weights()
    for (W, b), (W2, b2) in zip(layers, w.session.report.layers):
        np.testing.assert_array_equal(W, W2)
    # The diagram's edges carry exactly the trainer's weights.
    for layer, (W, _b) in enumerate(layers):
        for i in range(W.shape[0]):
            for j in range(W.shape[1]):
                assert w.network_view.edge_value(layer, i, j) == W[i, j]
    assert find(w, "statusEpochLabel", QLabel).text().startswith(f"Epoch {t.epoch:,}")
    assert np.isfinite(t.network.params).all()


# ---------------------------------------------------------------------------------------- button mashing

BUTTONS = ("trainButton", "stepButton", "step10Button", "step100Button", "resetButton")


@pytest.mark.parametrize("seed", [6])
def test_200_random_presses_of_train_pause_step_and_reset(qtbot, window, seed):
    until_stopped(window)
    rng = random.Random(seed)
    buttons = {name: find(window, name, QAbstractButton) for name in BUTTONS}
    presses = {name: 0 for name in BUTTONS}
    t0 = time.perf_counter()
    for _ in range(200):
        name = rng.choice(BUTTONS)
        button = buttons[name]
        if button.isEnabled():
            button.click()
            presses[name] += 1
        QCoreApplication.processEvents()
        if rng.random() < 0.3:
            qtbot.wait(rng.randint(0, 5))
    seconds = time.perf_counter() - t0
    settle(qtbot, window)
    assert_consistent(window)
    print(f"\nseed {seed}: 200 presses in {seconds:.2f} s {presses}; ended in state {window.controller.state} "
          f"at epoch {window.controller.trainer.epoch}")
    # ... and it still trains normally afterwards.
    epoch = window.controller.trainer.epoch
    if window.controller.state != "diverged":
        with qtbot.waitSignal(window.controller.finished, timeout=10000):
            window.step(10)
        settle(qtbot, window)
        assert window.controller.trainer.epoch == epoch + 10
        assert_consistent(window)


def test_presses_through_the_actions_and_shortcut_paths(qtbot, window):
    until_stopped(window)
    rng = random.Random(7)
    actions = [window.train_action, window.step_action, window.step10_action, window.step100_action,
               window.reset_action]
    for _ in range(100):
        action = rng.choice(actions)
        if action.isEnabled():
            action.trigger()
        QCoreApplication.processEvents()
    settle(qtbot, window)
    assert_consistent(window)


# ---------------------------------------------------------------------------------------- while training


def start_running(qtbot, w) -> None:
    until_stopped(w)
    assert w.start_training()
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch > 200, timeout=10000)
    assert w.controller.is_running()


def test_opening_another_project_while_training(qtbot, window, tmp_path):
    window.load_preset("xor")
    path = tmp_path / "xor.nngui.json"
    assert window.save_project(path)
    window.load_preset("loy-xor")
    start_running(qtbot, window)
    assert window.load_project(path)
    assert not window.controller.is_running()
    settle(qtbot, window)
    assert window.data_model.names() == ["x1", "x2", "y"]
    assert window.controller.trainer.dataset.X.shape == (4, 2)
    assert_consistent(window)


def test_loading_a_preset_while_training(qtbot, window):
    start_running(qtbot, window)
    window.load_preset("iris")
    settle(qtbot, window)
    assert window.controller.trainer.classes == (0.0, 1.0, 2.0)
    assert_consistent(window)


def test_importing_data_while_training_pauses_with_a_message(qtbot, window, tmp_path):
    start_running(qtbot, window)
    path = tmp_path / "d.csv"
    path.write_text("a,b,c,y\n0,0,1,0\n0,1,1,1\n1,0,1,1\n1,1,1,0\n0.5,0.5,1,1\n")
    assert window.import_csv(path)
    assert not window.controller.is_running()
    assert "paused" in window.statusBar().currentMessage().lower()
    settle(qtbot, window)
    assert window.controller.trainer.dataset.X.shape == (5, 3)
    assert window.controller.state == "paused"  # the weights carried on: Resume goes on from here
    assert_consistent(window)


def test_importing_weights_while_training(qtbot, window, tmp_path):
    path = tmp_path / "m.json"
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(300)
    assert window.export_model(path)
    window.reset()
    start_running(qtbot, window)
    assert window.import_model(path)
    settle(qtbot, window)
    assert window.controller.trainer.epoch == 300
    assert_consistent(window)


@pytest.mark.parametrize("change", ["add-layer", "hidden-units", "activation", "loss", "bias", "learning-rate",
                                    "edit-cell", "role", "remove-row"])
def test_changing_things_while_training(qtbot, window, change):
    start_running(qtbot, window)
    if change == "add-layer":
        find(window, "addLayerButton", QPushButton).click()
    elif change == "hidden-units":
        find(window, "hiddenLayerSpin1", QSpinBox).setValue(7)
    elif change == "activation":
        combo = find(window, "activationCombo", QComboBox)
        combo.setCurrentIndex(combo.findData("tanh"))
    elif change == "loss":
        combo = find(window, "lossCombo", QComboBox)
        combo.setCurrentIndex(combo.findData("mse"))
    elif change == "bias":
        window.settings_panel.bias_check.toggle()
    elif change == "learning-rate":
        window.settings_panel.learning_rate_spin.setValue(0.25)
    elif change == "edit-cell":
        window.data_model.setData(window.data_model.index(0, 0), "0.5")
    elif change == "role":
        window.data_model.set_role(2, "target")
    elif change == "remove-row":
        window.data_model.remove_rows([1])
    if change == "learning-rate":
        assert window.controller.is_running()  # applied at once, between chunks
        qtbot.waitUntil(lambda: window.session.report.progress.learning_rate == 0.25, timeout=5000)
    else:
        assert not window.controller.is_running()
        assert "paused" in window.statusBar().currentMessage().lower()
    settle(qtbot, window)
    assert_consistent(window)


def test_closing_while_training_with_unsaved_changes(qtbot, monkeypatch):
    w = create_main_window()
    w.show()
    start_running(qtbot, w)
    w.data_model.setData(w.data_model.index(0, 0), "0.5")
    w.start_training()
    qtbot.waitUntil(w.controller.is_running, timeout=5000)
    asked = []
    monkeypatch.setattr(w.dialogs, "ask_save", lambda name: asked.append(w.controller.is_running()) or "discard")
    thread = w.controller.thread
    assert w.close()
    assert asked  # asked while the run went on; then stopped and joined
    assert not thread.isRunning() and w.controller.worker.idle.is_set()


def test_closing_can_be_cancelled_while_training_and_training_goes_on(qtbot, window, monkeypatch):
    start_running(qtbot, window)
    window.set_modified(True)
    monkeypatch.setattr(window.dialogs, "ask_save", lambda name: "cancel")
    assert not window.close()
    assert window.controller.thread.isRunning()
    epoch = window.session.report.progress.epoch
    qtbot.waitUntil(lambda: window.session.report.progress.epoch > epoch, timeout=5000)


# ---------------------------------------------------------------------------------------- exceptions


@pytest.mark.parametrize("where", ["first-chunk", "mid-run", "report"])
def test_an_exception_in_the_training_thread_reaches_the_user_and_the_window_stays_usable(
        qtbot, window, monkeypatch, where):
    until_stopped(window)
    calls = {"n": 0}
    real_train, real_report = Trainer.train, workermod.make_report

    def failing_train(self, epochs):
        calls["n"] += 1
        if where == "first-chunk" or calls["n"] > 30:
            raise FloatingPointError("injected failure in the training loop")
        return real_train(self, epochs)

    def failing_report(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 3:
            raise MemoryError("injected failure while reporting")
        return real_report(*args, **kwargs)

    if where == "report":
        monkeypatch.setattr(workermod, "make_report", failing_report)
    else:
        monkeypatch.setattr(Trainer, "train", failing_train)
    n_errors = len(window.errors)
    window.start_training()
    qtbot.waitUntil(lambda: len(window.errors) > n_errors, timeout=10000)
    title, text = window.errors[-1]
    assert title == "Training failed"
    assert "injected failure" in text and "The last weights were kept" in text
    assert ("FloatingPointError" in text) if where != "report" else ("MemoryError" in text)
    qtbot.waitUntil(lambda: window.controller.state == "failed", timeout=5000)
    assert window.controller.worker.idle.is_set() and window.controller.thread.isRunning()
    assert np.isfinite(window.controller.trainer.network.params).all()
    monkeypatch.undo()
    # The window stays usable: edit, train again, reset, train again.
    window.data_model.setData(window.data_model.index(0, 0), "0.5")
    epoch = window.controller.trainer.epoch
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(100)
    assert window.controller.trainer.epoch == epoch + 100
    find(window, "resetButton", QAbstractButton).click()
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(50)
    settle(qtbot, window)
    assert window.controller.trainer.epoch == 50
    assert_consistent(window)


def test_an_exception_while_building_the_trainer_is_a_message(qtbot, window, monkeypatch):
    def boom(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(buildingmod, "Trainer", boom)  # where the window builds every trainer
    find(window, "hiddenLayerSpin1", QSpinBox).setValue(9)
    assert window.controller.trainer is None
    banner = find(window, "noticeBanner", QLabel)
    assert banner.isVisible() and "not enough memory" in banner.text()
    monkeypatch.undo()
    find(window, "hiddenLayerSpin1", QSpinBox).setValue(5)
    assert window.controller.trainer is not None and banner.isHidden()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_on_the_gui_thread_becomes_a_message(qtbot, window, monkeypatch):
    import sys

    from PySide6.QtCore import QTimer

    from nngui.support import excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    excepthook.install(window)

    def broken_slot():
        raise ZeroDivisionError("injected in a slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5000)
    title, text = window.errors[-1]
    assert title == "Unexpected error" and "ZeroDivisionError: injected in a slot" in text
    # ... and the window carries on.
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(10)
    settle(qtbot, window)
    assert_consistent(window)
