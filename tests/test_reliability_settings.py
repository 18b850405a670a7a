"""Reliability, bad settings typed into the settings panel of the window.

Each absurd setting is either refused with a message (the old value stays) or allowed with a
visible warning; none crashes, hangs the window, or leaves NaN weights. Divergence is reported
with its epoch and the last finite weights are kept.
"""

from __future__ import annotations

import gc
import time

import numpy as np
import pytest

from helpers import find, stall_limit  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPushButton, QSpinBox



def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def choose(w, name, value):
    combo = find(w, name, QComboBox)
    i = combo.findData(value)
    assert i >= 0, (name, value)
    combo.setCurrentIndex(i)


def warnings_shown(w) -> str:
    label = find(w, "settingsWarnings", QLabel)
    return label.text() if label.isVisible() else ""


class Heartbeat:
    """A 10 ms QTimer; ``max_gap`` is the longest the event loop went without running it."""

    def __init__(self) -> None:
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
        gc.collect()
        self.times = [time.perf_counter()]
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.times.append(time.perf_counter())
        return float(np.diff(self.times).max())


def assert_finite(w):
    t = w.controller.trainer
    assert t is not None
    assert np.isfinite(t.network.params).all()
    rep = w.session.report
    assert rep is not None and all(np.isfinite(W).all() and (b is None or np.isfinite(b).all()) for W, b in rep.layers)
    shown = w.prediction_model.predictions()
    assert shown is not None and np.isfinite(shown).all()


def train_for(qtbot, w, epochs: int, timeout: int = 60000) -> float:
    """Train ``epochs`` epochs through the Step machinery; returns the longest event-loop gap."""
    beat = Heartbeat()
    with qtbot.waitSignal(w.controller.finished, timeout=timeout):
        assert w.step(epochs)
    gap = beat.stop()
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)
    return gap


# ---------------------------------------------------------------------------------------- learning rate


def test_learning_rate_1e6_is_allowed_with_a_warning_and_divergence_keeps_finite_weights(qtbot, window):
    spin = window.settings_panel.learning_rate_spin
    type_into(qtbot, spin, "1e6")
    assert window.settings_panel.config().learning_rate == 1e6
    assert window.controller.trainer.learning_rate == 1e6
    assert "learning rate 1e+06 is very large" in warnings_shown(window)
    find(window, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: window.controller.state in ("done", "diverged"), timeout=20000)
    assert window.controller.state == "diverged"
    banner = find(window, "divergenceBanner", QLabel)
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    text = banner.text()
    t = window.controller.trainer
    assert f"diverged at epoch {t.epoch + 1}" in text and f"weights from epoch {t.epoch} were kept" in text
    assert "lower learning rate" in text
    assert_finite(window)
    # ... and nothing trains on from there until Reset.
    assert not window.start_training()
    find(window, "resetButton", QAbstractButton).click()
    assert banner.isHidden() and window.controller.state == "ready"


@pytest.mark.parametrize("typed", ["0", "-1", "0.0000001", "1e7", "1e999"])
def test_learning_rate_out_of_range_is_refused_with_a_message(qtbot, window, typed):
    before = window.settings_panel.config()
    params = window.controller.trainer.network.params.copy()
    spin = window.settings_panel.learning_rate_spin
    type_into(qtbot, spin, typed)
    assert window.settings_panel.config() == before
    assert window.controller.trainer.learning_rate == before.learning_rate
    np.testing.assert_array_equal(window.controller.trainer.network.params, params)
    msg = window.statusBar().currentMessage()
    assert msg.startswith("Learning rate:") and "from 1e-06 to 1e+06" in msg and "It stays 1" in msg, msg
    assert not window.is_modified()


def test_learning_rate_letters_are_refused_with_a_message(qtbot, window):
    spin = window.settings_panel.learning_rate_spin
    type_into(qtbot, spin, "x")
    msg = window.statusBar().currentMessage()
    assert msg.startswith("Learning rate: that key is not accepted"), msg
    assert window.settings_panel.config().learning_rate == 1.0


def test_a_project_with_learning_rate_zero_is_refused(window, tmp_path):
    import json

    path = tmp_path / "p.nngui.json"
    assert window.save_project(path)
    d = json.loads(path.read_text())
    d["settings"]["learning_rate"] = 0
    path.write_text(json.dumps(d))
    assert not window.load_project(path)
    assert "settings.learning_rate: must be a finite number > 0, got 0" in window.errors[-1][1]


# ---------------------------------------------------------------------------------------- epochs


def test_negative_epochs_are_refused_with_a_message(qtbot, window):
    spin = find(window, "epochsSpin", QSpinBox)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "-")
    msg = window.statusBar().currentMessage()
    assert msg.startswith("Epochs: that key is not accepted") and "whole number \u2265 0" in msg, msg
    assert "It stays 1,500" in msg
    qtbot.keyClicks(spin, "5")  # the minus sign was dropped: 5, never -5
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.settings_panel.config().epochs == 5
    assert window.input_guards["epochsSpin"].last_message == msg


def test_zero_epochs_means_until_stopped_and_is_shown_as_such(qtbot, window):
    spin = find(window, "epochsSpin", QSpinBox)
    type_into(qtbot, spin, "0")
    assert window.settings_panel.config().epochs == 0
    assert spin.text() == "Until stopped"
    window.start_training()
    qtbot.waitUntil(lambda: window.session.report is not None and window.session.report.progress.epoch > 3000, timeout=10000)
    assert window.controller.is_running()
    window.toggle_training()
    assert not window.controller.is_running()
    assert "/" not in find(window, "statusEpochLabel", QLabel).text()
    assert_finite(window)


# ---------------------------------------------------------------------------------------- batch size


def test_batch_size_larger_than_the_data_trains_with_a_visible_warning(qtbot, window):
    choose(window, "optimizerCombo", "sgd")
    spin = find(window, "batchSizeSpin", QSpinBox)
    assert spin.isEnabled()
    type_into(qtbot, spin, "1000")
    assert window.settings_panel.config().batch_size == 1000
    assert "batch size 1000 is larger than the 4 rows: using all rows" in warnings_shown(window)
    train_for(qtbot, window, 200)
    assert window.controller.trainer.epoch == 200
    assert_finite(window)


# ---------------------------------------------------------------------------------------- network size


def test_1000_hidden_units_train_with_a_warning_and_the_window_stays_responsive(qtbot, window):
    spin = find(window, "hiddenLayerSpin1", QSpinBox)
    type_into(qtbot, spin, "1000")
    assert window.controller.trainer.network.arch.sizes == (3, 1000, 1)
    warning = find(window, "hiddenLayersWarning", QLabel)
    assert warning.isVisible() and "More than 64 units in layer 1" in warning.text()
    type_into(qtbot, find(window, "epochsSpin", QSpinBox), "0")
    t0 = time.perf_counter()
    gap = train_for(qtbot, window, 20000)
    seconds = time.perf_counter() - t0
    assert window.controller.trainer.epoch == 20000
    assert_finite(window)
    assert gap < stall_limit(seconds, 1.0), f"the event loop stalled {gap:.2f} s of {seconds:.1f} s"
    print(f"\n1000 hidden units: 20000 epochs in {seconds:.1f} s, longest event-loop gap {gap * 1000:.0f} ms")


def test_20_hidden_layers_is_the_limit_with_a_warning(qtbot, window):
    add = find(window, "addLayerButton", QPushButton)
    while add.isEnabled():
        add.click()
    assert len(window.settings_panel.config().hidden) == 20
    add.click()  # disabled: nothing happens
    assert len(window.settings_panel.config().hidden) == 20
    assert window.controller.trainer.network.arch.sizes == (3,) + (4,) * 20 + (1,)
    warning = find(window, "hiddenLayersWarning", QLabel)
    assert warning.isVisible() and "20 hidden layers (more than 6)" in warning.text()
    assert window.network_view.edge_count() == 3 * 4 + 19 * 16 + 4
    type_into(qtbot, find(window, "epochsSpin", QSpinBox), "0")
    t0 = time.perf_counter()
    gap = train_for(qtbot, window, 20000)
    seconds = time.perf_counter() - t0
    assert window.controller.trainer.epoch == 20000 or window.controller.state == "diverged"
    assert_finite(window)
    assert gap < stall_limit(seconds, 1.0), f"the event loop stalled {gap:.2f} s of {seconds:.1f} s"
    print(f"\n20 hidden layers: 20000 epochs in {seconds:.1f} s, longest event-loop gap {gap * 1000:.0f} ms")


# ---------------------------------------------------------------------------------------- output and loss


def test_softmax_over_a_single_output_trains_with_a_visible_warning(qtbot, window):
    choose(window, "outputActivationCombo", "softmax")
    assert window.controller.trainer.network.arch.activations[-1] == "softmax"
    assert "softmax over a single output always gives 1" in warnings_shown(window)
    train_for(qtbot, window, 100)
    assert_finite(window)
    np.testing.assert_allclose(window.prediction_model.predictions(), 1.0)


@pytest.mark.parametrize("loss,output", [("ce", "softmax"), ("ce", "sigmoid"), ("bce", "sigmoid")])
@pytest.mark.parametrize("target", ["1.5", "-0.5", "2.25"])
def test_cross_entropy_with_targets_outside_0_1_is_refused_with_a_message(qtbot, window, loss, output, target):
    choose(window, "outputActivationCombo", output)
    choose(window, "lossCombo", loss)
    assert window.controller.trainer is not None
    m = window.data_model
    assert m.setData(m.index(0, 3), target)
    assert window.controller.trainer is None
    banner = find(window, "noticeBanner", QLabel)
    assert banner.isVisible()
    assert f"{loss} needs targets between 0 and 1" in banner.text() and "choose sse/mse" in banner.text()
    assert not window.start_training()
    msg = window.statusBar().currentMessage()
    assert "These settings cannot train on this data" in msg and "between 0 and 1" in msg, msg
    # Fixing the data (undo) or the loss brings the trainer back.
    window.undo_action.trigger()
    assert window.controller.trainer is not None and banner.isHidden()
    window.redo_action.trigger()
    choose(window, "lossCombo", "mse")
    assert window.controller.trainer is not None
    train_for(qtbot, window, 50)
    assert_finite(window)


def test_class_labels_with_softmax_and_ce_are_not_refused(qtbot, window):
    choose(window, "outputActivationCombo", "softmax")
    choose(window, "lossCombo", "ce")
    m = window.data_model
    assert m.setData(m.index(0, 3), "2")  # whole numbers: class labels 0, 1, 2
    t = window.controller.trainer
    assert t is not None and t.classes == (0.0, 1.0, 2.0) and t.network.arch.sizes[-1] == 3
    train_for(qtbot, window, 100)
    assert_finite(window)
