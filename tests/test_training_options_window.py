"""Regularisation, schedules, early stopping and per-layer activations in the window (issue 15, Training).

Real widgets driven with pytest-qt: the settings round-trip through projects and model files,
are refused with the core's message when absurd, and the window's runs equal the core's.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QToolButton, QWidget

from core.config import TrainConfig
from core.modelfile import dumps_model, model_from_trainer, save_model
from core.presets import get_preset
from core.schedules import SCHEDULES, parse_schedule
from core.trainer import REACHED_EARLY_STOP, Trainer
from helpers import find
from nngui.app import create_main_window, train_synchronously
from nngui.session import reached_text
from nngui.views.layer_activations import PER_LAYER
from nngui.views.settings_panel import SettingsPanel

OPTIONS = dict(l2=0.003, l1=0.0005, schedule="step:0.7:40", early_stopping=12, validation=0.25)


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


@pytest.fixture
def panel(qtbot):
    p = SettingsPanel()
    qtbot.addWidget(p)
    p.resize(320, 900)
    p.show()
    return p


def spiral_run(epochs: int = 400) -> Trainer:
    """A core run on the spiral preset with every option on, ended by early stopping."""
    preset = get_preset("spiral")
    cfg = preset.config.replace(batch_size=32, epochs=epochs, normalize="standard", **OPTIONS)
    t = Trainer(preset.dataset(), cfg)
    t.run(chunk=100)
    return t


# ------------------------------------------------------------------------------- the data-loss fix


def test_a_model_file_with_every_option_opens_and_saves_back_unchanged(window, tmp_path):
    t = spiral_run()
    assert t.reached == REACHED_EARLY_STOP and t.best_epoch is not None
    src, back = tmp_path / "run.json", tmp_path / "back.json"
    save_model(model_from_trainer(t, include_data=True), src)
    assert window.open_model(src)
    cfg = window.settings_panel.config()
    assert {k: getattr(cfg, k) for k in ("l2", "l1", "schedule", "early_stopping")} == \
        {k: OPTIONS[k] for k in ("l2", "l1", "schedule", "early_stopping")}
    assert window.settings_panel.training_options.expanded  # opened by itself: the file uses the options
    trainer = window.controller.trainer
    assert trainer.reached == REACHED_EARLY_STOP and trainer.best_epoch == t.best_epoch
    assert window.controller.state == "done"
    assert window.export_model(back)
    a, b = json.loads(src.read_text()), json.loads(back.read_text())
    a.pop("data", None)
    assert b["training"] == a["training"]
    assert b["layers"] == a["layers"]


def test_a_project_with_every_option_saves_and_opens_unchanged(window, tmp_path):
    window.load_preset("spiral")
    cfg = window.settings_panel.config().replace(epochs=300, **OPTIONS)
    window.apply_config(cfg)
    assert window.settings_panel.config() == cfg
    path = tmp_path / "p.nngui"
    assert window.save_project(path)
    window.load_preset("xor")
    assert window.settings_panel.config().l2 == 0
    assert window.load_project(path)
    assert window.settings_panel.config() == cfg
    assert window.controller.trainer.config == cfg
    assert window.current_project().config == cfg


def test_reset_keeps_the_options_and_train_uses_them(window):
    window.load_preset("spiral")
    cfg = window.settings_panel.config().replace(epochs=200, **OPTIONS)
    window.apply_config(cfg)
    window.reset()
    assert window.settings_panel.config() == cfg and window.controller.trainer.config == cfg


# ------------------------------------------------------------------------------- the settings


@pytest.mark.parametrize("cfg", [
    TrainConfig(l2=1e-4),
    TrainConfig(l1=0.25),
    TrainConfig(l2=3e-7, l1=1e7),  # beyond the spin boxes' range: kept as given
    TrainConfig(schedule="exp:0.999"),
    TrainConfig(schedule="step:0.5:3000000000"),  # EVERY beyond a spin box: kept as given
    TrainConfig(schedule="cosine", epochs=500),
    TrainConfig(schedule="step:0.123456789:7"),
    TrainConfig(early_stopping=25, validation=0.2),
    TrainConfig(l2=-1.0),  # absurd, from a file: kept so that check() reports it
    TrainConfig(schedule="warp:9"),
])
def test_each_option_round_trips_through_the_panel(panel, cfg):
    panel.set_config(cfg)
    assert panel.config() == cfg
    assert panel.config().to_dict() == cfg.to_dict()


def test_the_section_starts_collapsed_and_opens_by_click_and_keyboard(panel, qtbot):
    section = find(panel, "trainingOptionsSection")
    toggle = find(section, "trainingOptionsToggle", QToolButton)
    l2 = find(panel, "l2Setting", QDoubleSpinBox)
    assert not l2.isVisible() and not panel.training_options.expanded
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert l2.isVisible() and panel.training_options.expanded
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not l2.isVisible()
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert l2.isVisible()
    qtbot.keyClick(toggle, Qt.Key.Key_Return)
    assert not l2.isVisible()
    panel.set_config(TrainConfig())  # nothing used: it stays closed
    assert not panel.training_options.expanded
    panel.set_config(TrainConfig(schedule="exp:0.99"))
    assert panel.training_options.expanded and l2.isVisible()


def test_field_widget_finds_each_option(panel):
    for field, name in (("l2", "l2Setting"), ("l1", "l1Setting"), ("schedule", "scheduleSetting"),
                        ("early_stopping", "earlyStoppingSetting")):
        w = panel.field_widget(field)
        assert w is not None and w.objectName() == name
    panel.set_limits(locked={"l2"}, hidden={"early_stopping"})
    hidden, locked = panel.limits()
    assert "early_stopping" in hidden and "l2" in locked
    assert not panel.field_widget("l2").isEnabled()
    panel.set_limits()
    assert panel.field_widget("l2").isEnabled()


def test_the_schedule_combo_comes_from_the_registry_and_shows_its_parameters(panel):
    panel.training_options.set_expanded(True)
    combo = find(panel, "scheduleCombo", QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == list(SCHEDULES)
    assert [combo.itemText(i) for i in range(combo.count())] == [s.label for s in SCHEDULES.values()]
    gamma, every = find(panel, "scheduleGammaSpin", QDoubleSpinBox), find(panel, "scheduleEverySpin", QSpinBox)
    seen = []
    panel.configChanged.connect(lambda: seen.append(panel.config().schedule))
    combo.setCurrentIndex(combo.findData("step"))
    assert gamma.isVisible() and every.isVisible()
    gamma.setValue(0.8)
    every.setValue(25)
    assert panel.config().schedule == "step:0.8:25"
    combo.setCurrentIndex(combo.findData("exp"))
    assert gamma.isVisible() and not every.isVisible()
    assert panel.config().schedule == "exp:0.8"  # the factor carries over
    combo.setCurrentIndex(combo.findData("constant"))
    assert not gamma.isVisible()
    assert seen == ["step:0.5:100", "step:0.8:100", "step:0.8:25", "exp:0.8", "constant"]
    assert parse_schedule(seen[2]).rate(0.1, 26, 100) == 0.1 * 0.8


def test_early_stopping_without_validation_is_refused_with_the_cores_message(panel):
    panel.training_options.set_expanded(True)
    patience = find(panel, "earlyStoppingSetting", QSpinBox)
    refused = []
    panel.training_options.refused.connect(refused.append)
    patience.setValue(10)
    assert patience.value() == 0 and panel.config().early_stopping == 0
    message = find(panel, "trainingOptionsMessage", QLabel)
    assert message.isVisible() and refused == [message.text()]
    assert "watches the validation loss, but no rows are held out: set a validation share above 0" in message.text()
    panel.validation_spin.setValue(0.2)
    patience.setValue(10)
    assert panel.config().early_stopping == 10 and not message.isVisible()


def test_a_cosine_schedule_without_an_epoch_target_is_refused(panel):
    panel.training_options.set_expanded(True)
    panel.epochs_spin.setValue(0)
    combo = find(panel, "scheduleCombo", QComboBox)
    combo.setCurrentIndex(combo.findData("cosine"))
    assert combo.currentData() == "constant" and panel.config().schedule == "constant"
    assert "runs over the epoch target, but epochs is 0" in panel.training_options.refusal()


def test_typed_negative_l2_is_refused_and_says_why(window, qtbot):
    window.settings_panel.training_options.set_expanded(True)
    l2 = find(window, "l2Setting", QDoubleSpinBox)
    l2.setFocus()
    l2.lineEdit().selectAll()
    qtbot.keyClicks(l2, "-0.5")
    qtbot.keyClick(l2, Qt.Key.Key_Return)
    assert window.settings_panel.config().l2 == 0
    guard = window.input_guards["l2Setting"]
    assert guard.last_message and "must be a finite number >= 0" in guard.last_message


# ------------------------------------------------------------------------------- the runs


def test_the_windows_run_with_l2_and_a_schedule_equals_the_cores_bit_for_bit(window):
    window.load_preset("spiral")
    cfg = window.settings_panel.config().replace(epochs=150, l2=0.01, schedule="step:0.5:40", batch_size=16)
    window.apply_config(cfg)
    assert train_synchronously(window, 150)
    t = window.controller.trainer
    core = Trainer(get_preset("spiral").dataset(), cfg)
    core.train(150)
    assert t.epoch == core.epoch == 150
    assert np.array_equal(t.network.params, core.network.params)
    rep = window.session.report
    assert rep.progress.current_learning_rate == parse_schedule("step:0.5:40").rate(cfg.learning_rate, 150, 150)
    assert rep.progress.penalty == core.penalty > 0


@pytest.mark.parametrize("schedule", ["step:0.5:7", "exp:0.97", "cosine"])
def test_the_live_learning_rate_is_the_schedules_formula(window, schedule):
    window.load_preset("xor")
    cfg = window.settings_panel.config().replace(epochs=60, schedule=schedule)
    window.apply_config(cfg)
    assert train_synchronously(window, 23)
    lr, e = cfg.learning_rate, 23
    expected = {"step:0.5:7": lr * 0.5 ** ((e - 1) // 7), "exp:0.97": lr * 0.97 ** (e - 1),
                "cosine": lr * (1 + np.cos(np.pi * (e - 1) / 60)) / 2}[schedule]
    p = window.session.report.progress
    assert p.current_learning_rate == pytest.approx(expected, rel=1e-12, abs=0)
    label = find(window, "statusRateLabel", QLabel)
    from nngui.support.formatting import short
    assert label.text() == f"lr {short(p.current_learning_rate)}" and label.isVisible()
    window.apply_config(cfg.replace(schedule="constant"))
    assert label.text() == "" and not label.isVisible()


def test_the_penalty_shows_beside_the_loss_and_the_curve_keeps_the_data_loss(window):
    window.load_preset("xor")
    cfg = window.settings_panel.config().replace(epochs=80, l2=0.05, l1=0.01)
    window.apply_config(cfg)
    assert train_synchronously(window, 80)
    t = window.controller.trainer
    p = window.session.report.progress
    assert p.penalty == pytest.approx(t.penalty) and p.penalty > 0
    from nngui.support.formatting import short
    assert f"+ penalty {short(p.penalty)}" in window.status_loss.text()
    assert f"Loss {short(t.last_loss)}" in window.status_loss.text()
    x, y = window.loss_plot.train_item.getData()
    assert np.array_equal(y, t.history.curve()[1])  # the data loss, without the penalty
    note = window.loss_plot.readout_note("training", 80)
    assert note == f"+ penalty {short(p.penalty)} (epoch 80)"
    assert window.loss_plot.readout_note("validation", 80) == ""


def test_early_stopping_marks_the_best_epoch_and_says_so(window):
    window.load_preset("spiral")
    cfg = window.settings_panel.config().replace(epochs=400, batch_size=32, normalize="standard", **OPTIONS)
    window.apply_config(cfg)
    assert train_synchronously(window, 400)
    t = window.controller.trainer
    assert t.reached == REACHED_EARLY_STOP
    core = spiral_run()
    assert t.best_epoch == core.best_epoch and np.array_equal(t.network.params, core.network.params)
    marks = window.live.marks
    assert marks.best_epoch == t.best_epoch and marks.line.isVisible() and marks.line.value() == t.best_epoch
    said = f"stopped early: best validation loss at epoch {t.best_epoch:,}, weights of that epoch kept"
    assert said in window.live.reached_note(window.session.report.progress)
    assert reached_text(t).startswith("S" + said[1:])
    assert said[1:] in window.statusBar().currentMessage()
    window.reset()
    assert marks.best_epoch is None and not marks.line.isVisible()


def test_per_layer_activations_reach_the_trainer_and_round_trip(window, tmp_path):
    window.load_preset("xor")
    panel = window.settings_panel
    panel.hidden_editor.add_button.click()
    combo = find(panel, "activationCombo", QComboBox)
    combo.setCurrentIndex(combo.findData(PER_LAYER))
    editor = find(panel, "layerActivationsEditor")
    assert editor.isVisible()
    second = find(editor, "layerActivationCombo2", QComboBox)
    second.setCurrentIndex(second.findData("relu"))
    first = panel.config().activation[0]
    assert panel.config().activation == (first, "relu")
    assert window.controller.trainer.network.arch.activations == (first, "relu", "sigmoid")
    path = tmp_path / "layers.nngui"
    assert window.save_project(path)
    window.load_preset("xor")
    assert window.load_project(path)
    assert panel.config().activation == (first, "relu") and editor.isVisible()
    assert window.controller.trainer.network.arch.activations == (first, "relu", "sigmoid")
    combo.setCurrentIndex(combo.findData("tanh"))
    assert panel.config().activation == "tanh" and not editor.isVisible()


def test_the_new_widgets_have_object_names_and_accessible_names(panel):
    panel.training_options.set_expanded(True)
    for name in ("l2Setting", "l1Setting", "scheduleSetting", "earlyStoppingSetting", "scheduleCombo"):
        w = find(panel, name, QWidget)
        assert w.accessibleName() or name == "scheduleCombo"
    QApplication.processEvents()


def test_everything_new_is_chinese_under_zh_cn(qtbot):
    """The section, the per-layer combos, the read-outs, the stop texts and the weight editor, in zh_CN."""
    from test_zh_walk import Messages, Texts, assert_chinese, chinese_window, column_names, walk_widgets
    from nngui.support import i18n
    w = chinese_window(qtbot, "spiral")
    try:
        messages = Messages(w)
        cfg = w.settings_panel.config().replace(epochs=400, batch_size=32, normalize="standard", hidden=(8, 8),
                                                activation=("tanh", "relu"), **OPTIONS)
        w.apply_config(cfg)
        assert w.settings_panel.training_options.expanded
        assert train_synchronously(w, 400)
        assert w.controller.trainer.reached == REACHED_EARLY_STOP
        texts = Texts()
        walk_widgets(texts, w.settings_panel)
        walk_widgets(texts, w.statusBar())
        rep = w.session.report
        texts.add("reached note", w.live.reached_note(rep.progress))
        texts.add("reached text", reached_text(w.controller.trainer))
        texts.add("best epoch label", w.live.marks.line.label.toPlainText())
        texts.add("penalty read-out", w.loss_plot.readout_note("training", rep.progress.epoch))
        # refusals, in the core's words
        w.settings_panel.validation_spin.setValue(0.0)
        for name in ("earlyStoppingSetting", "l2Setting"):
            texts.add(name, w.settings_panel.training_options.refusal())
        l2 = find(w, "l2Setting", QDoubleSpinBox)
        l2.setFocus()
        l2.lineEdit().selectAll()
        qtbot.keyClicks(l2, "-2")
        qtbot.keyClick(l2, Qt.Key.Key_Return)
        texts.add("typed L2", w.input_guards["l2Setting"].last_message)
        assert w.input_guards["l2Setting"].last_message
        view = w.network_view
        w.weight_editing.edit_at(view.mapFromScene(view.node_item(1, 0).scenePos()))
        editor = find(w, "weightEditor")
        find(editor, "weightEditorField").setText("abc")
        editor.apply()
        walk_widgets(texts, editor)
        find(editor, "weightEditorField").setText("0.5")
        editor.apply()
        messages.collect(texts, "spiral")
        texts.add("undo", w.undo_stack.undoText())
        assert_chinese(texts, column_names(w))
    finally:
        w.controller.shutdown()
        i18n.install("en")
