"""Compare runs: finished runs stay on the loss plot, labelled with what differed; pinned runs survive Clear."""

from __future__ import annotations

import pytest

from helpers import find  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QDoubleSpinBox

from core.config import TrainConfig
from nngui.views.run_compare import config_diff


def train_to_end(qtbot, w):
    find(w, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: w.controller.state in ("done", "diverged", "failed"), timeout=30000)
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)


def test_config_diff_names_what_changed():
    a = TrainConfig(hidden=(4,), learning_rate=1.0)
    assert config_diff(a, a) == []
    assert config_diff(a, a.replace(learning_rate=0.5)) == ["lr 1 \u2192 0.5"]
    b = a.replace(hidden=(8, 8), activation="relu", optimizer="adam", batch_size=16, bias=False)
    assert config_diff(a, b) == ["hidden [4] \u2192 [8, 8]", "activation sigmoid \u2192 relu",
                                 "optimizer gd \u2192 adam", "batch all \u2192 16", "biases on \u2192 off"]


def test_two_trainings_with_different_learning_rates_leave_one_labelled_ghost(qtbot, window):
    window.load_preset("loy-xor")  # learning rate 1
    plot = window.loss_plot
    train_to_end(qtbot, window)
    assert plot.ghost_count() == 0
    find(window, "learningRateSpin", QDoubleSpinBox).setValue(0.5)
    find(window, "resetButton", QAbstractButton).click()
    assert plot.ghost_count() == 1
    train_to_end(qtbot, window)
    assert plot.ghost_count() == 1
    assert plot.ghost_labels() == ["run 1: lr 1 \u2192 0.5"]
    # The ghost is the first run's whole curve.
    x, _y = window.insight.runs.ghosts[0].curve
    assert x[0] == 1 and x[-1] == 1500
    # Another network shape ends the second run too: both labelled against the current run.
    find(window, "addLayerButton", QAbstractButton).click()
    labels = plot.ghost_labels()
    assert len(labels) == 2
    assert labels[0].startswith("run 1: lr 1 \u2192 0.5, hidden [4] \u2192 [4, 4]")
    assert labels[1] == "run 2: hidden [4] \u2192 [4, 4]"


def test_a_pinned_run_survives_clear_and_new_data_forgets_all(qtbot, window):
    window.load_preset("loy-xor")
    plot = window.loss_plot
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(200)
    window.pin_run_action.trigger()  # pins the current run
    assert "pinned" in window.statusBar().currentMessage()
    window.reset()
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(100)
    window.reset()
    assert plot.ghost_count() == 2
    assert plot.ghost_labels() == ["run 1 (pinned): same settings", "run 2: same settings"]
    window.clear_runs_action.trigger()
    assert plot.ghost_labels() == ["run 1 (pinned): same settings"]
    # Pinning before the current run has trained pins (here: unpins) the latest ghost.
    window.pin_run_action.trigger()
    window.clear_runs_action.trigger()
    assert plot.ghost_count() == 0
    # New data: earlier runs are not comparable.
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(100)
    window.pin_run_action.trigger()
    window.reset()
    assert plot.ghost_count() == 1
    window.load_preset("xor")
    assert plot.ghost_count() == 0
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(100)
    assert plot.ghost_count() == 0


@pytest.fixture
def window(empty_window):
    return empty_window
