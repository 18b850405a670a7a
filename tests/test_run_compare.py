"""Compare runs: finished runs stay on the loss plot, labelled with what differed; pinned runs survive Clear."""

from __future__ import annotations

import pytest

from helpers import find  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QDoubleSpinBox

from core.config import TrainConfig
from nngui.views.run_compare import plain_diff


def train_to_end(qtbot, w):
    find(w, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: w.controller.state in ("done", "diverged", "failed"), timeout=30000)
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)


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
    assert plot.ghost_labels() == ["run 1: learning rate 1"]
    # The ghost is the first run's whole curve.
    x, _y = window.insight.runs.ghosts[0].curve
    assert x[0] == 1 and x[-1] == 1500
    # Another network shape ends the second run too: both labelled against the current run.
    find(window, "addLayerButton", QAbstractButton).click()
    labels = plot.ghost_labels()
    assert len(labels) == 2
    assert labels[0] == "run 1: learning rate 1, 4 hidden units"
    assert labels[1] == "run 2: 4 hidden units"


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


def test_plain_diff_says_what_the_earlier_run_had():
    a = TrainConfig(hidden=(4,), learning_rate=1.0)
    assert plain_diff(a, a) == []
    assert plain_diff(a.replace(learning_rate=0.3), a) == ["learning rate 0.3"]
    b = a.replace(hidden=(8, 8), activation="relu", optimizer="adam", batch_size=16, bias=False, validation=0.2)
    assert plain_diff(b, a) == ["hidden layers 8, 8", "relu hidden units", "Adam", "batches of 16", "no biases",
                                "20% held out"]
    assert plain_diff(a.replace(hidden=()), a) == ["no hidden layer"]
    assert plain_diff(a.replace(hidden=(8,)), a) == ["8 hidden units"]


def test_each_earlier_run_has_its_own_colour_and_another_loss_is_not_drawn(qtbot, window):
    window.load_preset("loy-xor")
    plot = window.loss_plot
    for lr in (0.5, 2.0):
        with qtbot.waitSignal(window.controller.finished, timeout=10000):
            window.step(100)
        window.apply_config(window.settings_panel.config().replace(learning_rate=lr))
        window.reset()
    assert plot.ghost_count() == 2
    colours = {item.opts["pen"].color().name() for item in plot.ghost_items()}
    assert len(colours) == 2 and window.loss_plot.train_item.opts["pen"].color().name() not in colours
    # Another loss: its values are on another scale, so the earlier runs leave the axes for a note.
    window.apply_config(window.settings_panel.config().replace(loss="mse"))
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(100)
    assert plot.ghost_count() == 0
    note = plot.note()
    assert note.startswith("Not comparable (another loss): run 1 (Sum of squares (SSE) loss)") and "run 2" in note
