"""Keys a teacher presses: Space from a settings field, Step past the epoch target."""

from helpers import find
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDoubleSpinBox, QSpinBox


def _activate(qtbot, w):
    """Window shortcuts (Space) reach only the active window."""
    w.raise_()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)


def _train_to_end(qtbot, w):
    find(w, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: w.controller.state == "done", timeout=30000)


def test_space_in_a_settings_field_commits_it_then_trains(qtbot, window):
    _activate(qtbot, window)
    spin = find(window, "learningRateSpin", QDoubleSpinBox)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "0.5")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Space)
    assert spin.value() == 0.5 and spin.text() == "0.5"  # committed, not blanked by the space
    assert window.controller.trainer.learning_rate == 0.5
    qtbot.waitUntil(lambda: window.controller.state in ("running", "done"), timeout=3000)
    window.controller.wait_idle(30)
    assert window.controller.trainer.epoch > 0


def test_space_in_a_settings_field_pauses_a_running_training(qtbot, window):
    window.apply_config(window.settings_panel.config().replace(epochs=0))  # until stopped
    window.set_speed(50)
    assert window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=3000)
    _activate(qtbot, window)
    spin = find(window, "epochsSpin", QSpinBox)
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Space)
    # paused ("ready" when Space came before the first epoch ended)
    qtbot.waitUntil(lambda: window.controller.state in ("paused", "ready"), timeout=3000)
    assert not window.controller.is_running() and window.statusBar().currentMessage() == "Paused."


def test_space_on_a_combo_box_trains_instead_of_opening_it(qtbot, window):
    _activate(qtbot, window)
    combo = find(window, "optimizerCombo", QComboBox)
    combo.setFocus()
    before = combo.currentIndex()
    qtbot.keyClick(combo, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.state != "ready", timeout=3000)
    window.controller.wait_idle(30)
    assert combo.currentIndex() == before and not combo.view().isVisible()


def test_step_past_the_target_raises_it_and_says_so(qtbot, window):
    _train_to_end(qtbot, window)
    t = window.controller.trainer
    assert t.epoch == 1500 and window.settings_panel.config().epochs == 1500
    weights = t.network.copy().layers()
    find(window, "step10Button", QAbstractButton).click()
    window.controller.wait_idle(10)
    t = window.controller.trainer
    assert t.epoch == 1510  # the same run goes on: weights carried over, 10 more epochs
    assert window.settings_panel.config().epochs == 1510
    assert "1,510" in window.statusBar().currentMessage() or window.status_epoch.text().endswith("1,510")
    assert len(t.history) == 1510
    assert not all((a == b).all() for (a, _), (b, _) in zip(weights, t.network.layers()))


def test_step_does_not_pass_a_stop_condition(qtbot, window):
    window.apply_config(window.settings_panel.config().replace(stop_loss=0.01))
    _train_to_end(qtbot, window)
    t = window.controller.trainer
    assert t.reached
    epoch = t.epoch
    assert not window.step(1)
    assert window.controller.trainer.epoch == epoch
    assert "stop condition" in window.statusBar().currentMessage()
