"""Training > Compare live…: two runs on the same data, trained together in one thread, side by side."""

from __future__ import annotations

import types

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu

from core import inspect as ins
from core.trainer import Trainer
from nngui.app import create_main_window
from nngui.training.pair import A, B
from nngui.views.compare_live import CompareLiveWindow, find_compare
from nngui.views.compare_run import run_scores


def open_compare(qtbot, window) -> CompareLiveWindow:
    """Training > Compare live… as a user picks it."""
    window.findChild(QAction, "compareLiveAction").trigger()
    compare = find_compare(window)
    assert compare is not None and compare.isVisible()
    qtbot.addWidget(compare)
    return compare


def until_stopped(qtbot, window) -> None:
    """The window's settings with no epoch target, so runs go on until paused."""
    window.apply_config(window.settings_panel.config().replace(epochs=0))
    qtbot.waitUntil(lambda: window.controller.trainer is not None, timeout=5000)


def epoch_of(compare, run: int) -> int:
    rep = compare.pair.last_report
    return rep.reports[run].progress.epoch if rep is not None and rep.reports[run] is not None else -1


def same_as_alone(trainer: Trainer) -> bool:
    """The trainer's weights equal, bit for bit, those of a core Trainer trained alone for its epochs."""
    alone = Trainer(trainer.dataset, trainer.config)
    alone.train(trainer.epoch)
    return alone.epoch == trainer.epoch and np.array_equal(alone.network.params, trainer.network.params)


# ---------------------------------------------------------------------------------- the menu


def test_the_action_is_in_the_training_menu_and_opens_one_window(qtbot, window):
    menu = window.findChild(QMenu, "trainingMenu")
    action = window.findChild(QAction, "compareLiveAction")
    assert action in menu.actions()
    assert action.text() == "Compare live\u2026"
    compare = open_compare(qtbot, window)
    assert compare.objectName() == "compareLiveWindow"
    assert compare.isWindow() and compare.parent() is window
    assert compare.titles() == ("A: same settings", "B: same settings")
    assert compare.configs[A] == compare.configs[B] == window.controller.trainer.config
    action.trigger()  # a second time: the same window comes to the front
    assert window.findChildren(CompareLiveWindow) == [compare]


def test_nothing_to_compare_without_usable_data(qtbot, empty_window):
    assert empty_window.compare_live() is None
    assert "Nothing to compare" in empty_window.statusBar().currentMessage()
    assert not empty_window.findChildren(CompareLiveWindow)


# ---------------------------------------------------------------------------------- the runs


def test_both_runs_are_bit_for_bit_what_core_trainers_give_alone(qtbot, window):
    compare = open_compare(qtbot, window)
    a = compare.configs[A]
    # B differs in the learning rate, the hidden layer and the optimiser: mini-batches draw from B's random stream.
    assert compare.set_config_b(a.replace(learning_rate=3.0, hidden=(6,), optimizer="momentum", batch_size=3,
                                          epochs=900))
    step = compare.findChild(QAbstractButton, "compareStepButton")
    step.click()
    compare.pair.wait_idle(10)
    assert [t.epoch for t in compare.pair.trainers] == [1, 1]
    assert compare.step(37)
    compare.pair.wait_idle(10)
    assert [t.epoch for t in compare.pair.trainers] == [38, 38]
    assert all(same_as_alone(t) for t in compare.pair.trainers)
    compare.findChild(QAbstractButton, "compareTrainButton").click()  # on to the targets: 900 for B, 1500 for A
    qtbot.waitUntil(lambda: compare.pair.state == "done", timeout=30000)
    ta, tb = compare.pair.trainers
    assert (ta.epoch, tb.epoch) == (1500, 900)
    assert same_as_alone(ta) and same_as_alone(tb)
    assert not np.array_equal(ta.network.params[:10], tb.network.params[:10])
    rep = compare.pair.last_report
    assert [r.progress.epoch for r in rep.reports] == [1500, 900]
    np.testing.assert_array_equal(compare.plot.curve(A)[1], ta.history.curve()[1])
    np.testing.assert_array_equal(compare.plot.curve(B)[1], tb.history.curve()[1])
    assert compare.status.text().startswith("Epoch 1,500")


def test_the_titles_and_the_legend_name_the_difference(qtbot, window):
    compare = open_compare(qtbot, window)
    a = compare.configs[A]
    compare.settings_b.learning_rate_spin.setValue(3.0)  # typed in B's own settings panel
    assert compare.configs[B] == a.replace(learning_rate=3.0)
    assert compare.titles() == ("A: learning rate 1", "B: learning rate 3")
    assert compare.plot.legend_texts() == ["A: learning rate 1", "B: learning rate 3"]
    assert compare.set_config_b(a.replace(learning_rate=3.0, hidden=(8,)))
    assert compare.titles() == ("A: learning rate 1, 4 hidden units", "B: learning rate 3, 8 hidden units")
    assert compare.panels[B].title.toolTip() == "B: learning rate 3, 8 hidden units"
    assert compare.plot.legend_texts()[1] == "B: learning rate 3, 8 hidden units"
    assert window.settings_panel.config() == a  # the window's own settings are A's, untouched


def test_pause_and_reset_act_on_both_runs(qtbot, window):
    until_stopped(qtbot, window)
    compare = open_compare(qtbot, window)
    compare.set_config_b(compare.configs[A].replace(learning_rate=0.1))
    first = [t.network.params.copy() for t in compare.pair.trainers]
    train = compare.findChild(QAbstractButton, "compareTrainButton")
    train.click()
    assert compare.pair.state == "running" and train.text() == "Pause"
    qtbot.waitUntil(lambda: epoch_of(compare, B) > 200, timeout=10000)
    train.click()
    assert compare.pair.state == "paused" and train.text() == "Resume"
    epochs = [t.epoch for t in compare.pair.trainers]
    assert epochs[0] == epochs[1] > 200  # in step
    qtbot.wait(150)
    assert [t.epoch for t in compare.pair.trainers] == epochs  # both stopped
    assert all(same_as_alone(t) for t in compare.pair.trainers)
    train.click()  # resume both
    qtbot.waitUntil(lambda: epoch_of(compare, A) > epochs[0], timeout=10000)
    compare.findChild(QAbstractButton, "compareResetButton").click()
    assert compare.pair.state == "ready" and train.text() == "Train"
    assert [t.epoch for t in compare.pair.trainers] == [0, 0]
    for t, params in zip(compare.pair.trainers, first):
        np.testing.assert_array_equal(t.network.params, params)  # the seed's first weights again
    assert compare.plot.curve(A)[0].size == compare.plot.curve(B)[0].size == 0


def test_a_setting_b_cannot_train_with_is_named_and_a_goes_on(qtbot, window):
    until_stopped(qtbot, window)
    compare = open_compare(qtbot, window)
    compare.toggle()
    qtbot.waitUntil(lambda: epoch_of(compare, A) > 100, timeout=10000)
    ta = compare.pair.trainers[A]
    compare.settings_b.validation_spin.setValue(0.9)  # 4 rows: holding out 90 % leaves none to train on
    panel = compare.panels[B]
    assert panel.has_problem() and panel.problem.isVisible()
    text = panel.problem.text()
    assert text.startswith("Run B cannot train with these settings:")
    assert "validation: holding out 0.9 of 4 rows leaves none to train on" in text
    assert compare.pair.trainers[B] is None and compare.pair.trainers[A] is ta  # A keeps its run
    assert compare.pair.state == "running"
    before = ta.epoch
    qtbot.waitUntil(lambda: epoch_of(compare, A) > before + 100, timeout=10000)
    assert compare.pair.last_report.reports[B] is None
    assert compare.plot.curve(B)[0].size == 0
    assert compare.titles()[B] == "B: 90% held out"
    compare.settings_b.validation_spin.setValue(0.0)  # B trains again: both start afresh, still running
    assert not panel.has_problem()
    qtbot.waitUntil(lambda: epoch_of(compare, B) > 10, timeout=10000)
    compare.pair.pause()
    assert compare.pair.trainers[A] is not ta
    assert compare.pair.trainers[A].epoch == compare.pair.trainers[B].epoch


def test_closing_stops_both_runs_and_joins_their_thread(qtbot, window):
    until_stopped(qtbot, window)
    compare = open_compare(qtbot, window)
    compare.toggle()
    qtbot.waitUntil(lambda: epoch_of(compare, A) > 0, timeout=10000)
    pair, trainers, thread = compare.pair, compare.pair.trainers, compare.pair.thread
    assert thread.isRunning()
    assert compare.close()
    assert not thread.isRunning() and pair.worker.idle.is_set()
    epochs = [t.epoch for t in trainers]
    qtbot.wait(100)
    assert [t.epoch for t in trainers] == epochs
    qtbot.waitUntil(lambda: not shiboken6.isValid(compare), timeout=5000)  # deleted on close
    assert find_compare(window) is None
    window.set_palette("colorblind", remember=False)  # the main window's signals no longer reach it
    window.set_presentation(True, full_screen=False)
    window.set_presentation(False, full_screen=False)
    again = open_compare(qtbot, window)  # and a new one opens
    assert again.palette_name == "colorblind" and again.pair.thread.isRunning()


def test_closing_the_main_window_closes_the_compare_window(qtbot):
    w = create_main_window()
    qtbot.addWidget(w)
    w.show()
    until_stopped(qtbot, w)
    compare = w.compare_live()
    compare.toggle()
    thread = compare.pair.thread
    qtbot.waitUntil(lambda: epoch_of(compare, B) > 0, timeout=10000)
    assert w.close()
    assert not thread.isRunning()
    assert not w.controller.thread.isRunning()


# ---------------------------------------------------------------------------------- maps or scores


def test_without_two_inputs_the_maps_give_way_to_the_scores(qtbot, window):
    compare = open_compare(qtbot, window)  # James Loy's table: three inputs
    compare.step(1500)
    compare.pair.wait_idle(10)
    for run, panel in enumerate(compare.panels):
        assert panel.scores.isVisible() and not panel.map.isVisible()
        t = compare.pair.trainers[run]
        lines = panel.scores.text().split("\n")
        assert lines[0] == "epoch 1,500"
        assert lines[2] == f"Accuracy {t.training_accuracy() * 100:.1f} %"


def test_with_two_inputs_each_run_shows_its_decision_map(qtbot):
    w = create_main_window(preset="circle")
    qtbot.addWidget(w)
    w.show()
    compare = w.compare_live()
    qtbot.addWidget(compare)
    compare.set_config_b(compare.configs[A].replace(hidden=(2,)))
    compare.step(200)
    compare.pair.wait_idle(20)
    for run, panel in enumerate(compare.panels):
        assert panel.showing_map() and panel.map.isVisible() and panel.map.objectName() == f"compareMap{'AB'[run]}"
        panel.map.refresh()
        assert panel.map.drawn_report is compare.pair.last_report.reports[run]
        assert panel.info.text().startswith("epoch 200 \u00b7 Loss")
    # The two maps differ: two hidden units cannot draw the circle that eight do.
    assert not np.array_equal(compare.panels[A].map.rgba, compare.panels[B].map.rgba)
    assert compare.titles() == ("A: 8 hidden units", "B: 2 hidden units")
    compare.close()
    w.close()


def test_validation_curves_are_dashed_and_named_once(qtbot):
    w = create_main_window(preset="iris")  # four inputs, 20 % of the rows held out
    qtbot.addWidget(w)
    w.show()
    compare = w.compare_live()
    qtbot.addWidget(compare)
    compare.set_config_b(compare.configs[A].replace(validation=0.0))
    compare.step(50)
    compare.pair.wait_idle(20)
    assert compare.plot.legend_texts() == ["A: 20% held out", "B: no validation rows", "validation (dashed)"]
    ta = compare.pair.trainers[A]
    np.testing.assert_array_equal(compare.plot.curve(A, validation=True)[1], ta.val_history.curve()[1])
    assert compare.plot.curve(B, validation=True)[0].size == 0
    lines = compare.panels[A].scores.text().split("\n")
    assert lines[2:] == [f"Accuracy {ta.training_accuracy() * 100:.1f} %",
                         f"validation {ta.validation_accuracy() * 100:.1f} %"]
    assert "validation" not in compare.panels[B].scores.text()
    compare.close()
    w.close()


def test_run_scores_by_hand():
    from core.data import Dataset

    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    ds = Dataset(X, np.array([[0.0], [1.0], [1.0], [0.0]]), ["x"], ["y"])
    from core.config import TrainConfig

    session = ins.Session.from_trainer(Trainer(ds, TrainConfig(hidden=(2,))))
    rep = types.SimpleNamespace(predictions=np.array([[0.2], [0.7], [0.4], [0.6]]))
    s = run_scores(rep, session, np.array([0, 1, 2]), np.array([3]))
    assert (s.kind, s.train, s.validation) == ("accuracy", pytest.approx(2 / 3), 0.0)
    ds2 = Dataset(X, np.array([[0.5], [1.5], [2.0], [3.0]]), ["x"], ["y"])
    session = ins.Session.from_trainer(Trainer(ds2, TrainConfig(hidden=(2,), output_activation="linear")))
    s = run_scores(rep, session, np.arange(4), np.zeros(0, dtype=int))
    want = np.sqrt(np.mean((np.array([0.2, 0.7, 0.4, 0.6]) - np.array([0.5, 1.5, 2.0, 3.0])) ** 2))
    assert s.kind == "rmse" and s.train == pytest.approx(want, rel=1e-15) and s.validation is None


# ---------------------------------------------------------------------------------- projector mode, language


def test_projector_mode_and_palette_follow_the_main_window(qtbot, window):
    compare = open_compare(qtbot, window)
    assert [p.widthF() for p in compare.plot.pens()] == [2.0, 2.0]
    window.set_presentation(True, full_screen=False)
    assert [p.widthF() for p in compare.plot.pens()] == [4.0, 4.0]
    assert "font-size:20px" in compare.panels[A].title.text()
    assert compare.palette_name == "high-contrast"  # projector mode's palette, in both windows
    runs = ("#6a006a", "#7f3b08")
    assert [p.color().name() for p in compare.plot.pens()] == list(runs)
    window.set_presentation(False, full_screen=False)
    assert [p.widthF() for p in compare.plot.pens()] == [2.0, 2.0]
    assert compare.palette_name == "default"


def test_the_window_speaks_chinese(qtbot, window):
    window.set_language("zh_CN")
    compare = open_compare(qtbot, window)
    assert compare.windowTitle() != "Compare live \u2014 nngui" and "nngui" in compare.windowTitle()
    train = compare.findChild(QAbstractButton, "compareTrainButton")
    assert train.text() not in ("Train", "") and all(ord(c) > 0x2e80 for c in train.text())
    assert not compare.titles()[A].endswith("same settings")
    heading = compare.findChild(type(compare.status), "compareSettingsHeading").text()
    assert not heading.startswith("Run B")
    window.set_language("en")  # switched back while the window is open: Qt posts it a LanguageChange
    qtbot.waitUntil(lambda: train.text() == "Train", timeout=3000)
    assert compare.titles() == ("A: same settings", "B: same settings")


def test_space_trains_and_pauses_from_a_field_of_b(qtbot, window):
    until_stopped(qtbot, window)
    compare = open_compare(qtbot, window)
    compare.raise_()
    compare.activateWindow()  # window shortcuts (Space) reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is compare, timeout=3000)
    spin = compare.settings_b.learning_rate_spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Space)
    assert compare.pair.state == "running"
    # A pause before the first epoch has reached the window rests at "ready" (nothing trained yet).
    qtbot.waitUntil(lambda: epoch_of(compare, A) > 0, timeout=10000)
    qtbot.keyClick(spin, Qt.Key.Key_Space)
    assert compare.pair.state == "paused"
