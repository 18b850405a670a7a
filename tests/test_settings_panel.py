"""The settings panel: registries in the combos, exact config round trips, signals and warnings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox, QWidget

from core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from core.config import TrainConfig
from core.initializers import INITIALIZERS
from core.losses import LOSSES
from core.network import MAX_UNITS
from core.optimizers import OPTIMIZERS
from core.presets import PRESETS
from nngui.views.layer_activations import PER_LAYER
from nngui.views.settings_panel import SettingsPanel, format_number


@pytest.fixture
def panel(qtbot):
    p = SettingsPanel()
    qtbot.addWidget(p)
    p.resize(320, 800)
    p.show()
    return p


def combo(panel, name) -> QComboBox:
    c = panel.findChild(QComboBox, name)
    assert c is not None, name
    return c


@pytest.mark.parametrize("name,registry", [
    ("activationCombo", {n: ACTIVATIONS[n] for n in HIDDEN_ACTIVATIONS}),
    ("outputActivationCombo", ACTIVATIONS),
    ("lossCombo", LOSSES),
    ("optimizerCombo", OPTIMIZERS),
    ("initCombo", INITIALIZERS),
])
def test_combos_are_filled_from_the_registries(panel, name, registry):
    c = combo(panel, name)
    n = c.count() - (name == "activationCombo")  # the hidden activation's last entry is "Per layer…"
    assert [c.itemData(i) for i in range(n)] == list(registry)
    assert [c.itemText(i) for i in range(n)] == [e.label for e in registry.values()]
    if name == "activationCombo":
        assert (c.itemData(n), c.itemText(n)) == (PER_LAYER, "Per layer\u2026")


def test_stable_object_names(panel):
    for name in ("hiddenLayersEditor", "activationCombo", "lossCombo", "optimizerCombo", "learningRateSpin",
                 "epochsSpin", "seedSpin", "batchSizeSpin", "validationSpin", "normalizeCombo", "biasCheck",
                 "initCombo", "outputActivationCombo", "dtypeCombo"):
        assert panel.findChild(QWidget, name) is not None, name


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_round_trip_exactly(panel, name):
    cfg = PRESETS[name].config
    panel.set_config(cfg)
    assert panel.config() == cfg
    assert panel.config().to_dict() == cfg.to_dict()


@pytest.mark.parametrize("cfg", [
    TrainConfig(seed=2**40, learning_rate=0.123456789012345, epochs=3, validation=0.123),
    TrainConfig(hidden=(3, 5), activation=("relu", "tanh")),
    TrainConfig(hidden=(3, 5), activation=("relu", "relu")),
    TrainConfig(learning_rate=1),
    TrainConfig(hidden=(), activation=()),
    TrainConfig(learning_rate=1e-9),
    TrainConfig(hidden=(100,) * 8, dtype="float32", normalize="minmax", batch_size=7, optimizer="adam"),
    TrainConfig(epochs=0, bias=False, init="he"),
])
def test_unusual_configs_round_trip_exactly(panel, cfg):
    panel.set_config(cfg)
    assert panel.config() == cfg
    assert panel.config().to_dict() == cfg.to_dict()


def test_set_config_emits_nothing(panel, qtbot):
    seen = []
    panel.configChanged.connect(lambda: seen.append("config"))
    panel.architectureChanged.connect(lambda: seen.append("arch"))
    panel.learningRateChanged.connect(lambda v: seen.append("lr"))
    for p in PRESETS.values():
        panel.set_config(p.config)
    assert seen == []


def test_hidden_layers_editor_adds_and_removes_layers(panel, qtbot):
    panel.set_config(TrainConfig(hidden=(4,)))
    editor = panel.findChild(QWidget, "hiddenLayersEditor")
    add = editor.findChild(QPushButton, "addLayerButton")
    remove = editor.findChild(QPushButton, "removeLayerButton")
    with qtbot.waitSignal(panel.architectureChanged):
        add.click()
    assert panel.config().hidden == (4, 4)
    spin = editor.findChild(QSpinBox, "hiddenLayerSpin2")
    assert (spin.minimum(), spin.maximum()) == (1, MAX_UNITS)
    with qtbot.waitSignal(panel.architectureChanged):
        spin.setValue(7)
    assert panel.config().hidden == (4, 7)
    remove.click()
    remove.click()
    assert panel.config().hidden == ()
    assert not remove.isEnabled()
    add.click()
    assert panel.config().hidden == (4,)


@pytest.mark.parametrize("layers", [0, 1, 2, 3, 4, 5, 6, 7])
def test_plus_and_minus_follow_the_last_layer_in_its_row(panel, qtbot, layers):
    """"+" and "−" take the cell after the last layer's box, so they never need a row of their own,
    are square (not the style's 80 px for words), and Tab reaches them right after the last box."""
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_config(TrainConfig(hidden=(5,) * layers))
    editor = panel.hidden_editor
    qtbot.waitUntil(lambda: editor.add_button.isVisible())
    qtbot.wait(30)  # the layout settles on the next turns of the event loop
    add, remove = editor.add_button, editor.remove_button
    spins = editor.spin_boxes()
    top = lambda w: w.mapTo(editor, w.rect().topLeft()).y()  # noqa: E731
    left = lambda w: w.mapTo(editor, w.rect().topLeft()).x()  # noqa: E731
    assert top(add) == top(remove) and left(add) + add.width() <= left(remove)
    assert add.width() == add.height() and remove.width() == remove.height()
    rows = (layers + 1 + editor.PER_ROW - 1) // editor.PER_ROW  # the layers and the buttons' cell
    if spins:
        assert len({top(s) for s in spins}) == (layers + editor.PER_ROW - 1) // editor.PER_ROW
        row_of = sorted({top(s) for s in spins})
        if layers % editor.PER_ROW:  # room left in the last layer's row: the buttons are in it
            assert abs(top(add) + add.height() / 2 - (row_of[-1] + spins[-1].height() / 2)) <= 1
            assert left(add) > left(spins[-1])
        else:  # a new row, under the first column
            assert top(add) > row_of[-1] and left(add) == left(spins[0])
        assert len(set(row_of) | {round(top(add) + add.height() / 2 - spins[0].height() / 2)}) == rows
        panel.activateWindow()
        spins[-1].setFocus()
        qtbot.waitUntil(lambda: spins[-1].hasFocus())
        for expected in (add, remove):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is expected
    assert remove.isEnabled() == bool(layers)


def test_big_layers_show_a_visible_warning(panel):
    warning = panel.findChild(QLabel, "hiddenLayersWarning")
    panel.set_config(TrainConfig(hidden=(8,)))
    assert warning.isHidden()
    panel.hidden_editor.spin_boxes()[0].setValue(65)
    assert warning.isVisible() and "64" in warning.text()
    panel.set_config(TrainConfig(hidden=(4,) * 7))
    assert warning.isVisible() and "7 hidden layers" in warning.text()
    panel.set_config(TrainConfig(hidden=(4,) * 6))
    assert warning.isHidden()


def test_learning_rate_signals_and_accepts_scientific_text(panel, qtbot):
    spin = panel.findChild(QDoubleSpinBox, "learningRateSpin")
    arch = []
    panel.architectureChanged.connect(lambda: arch.append(1))
    with qtbot.waitSignal(panel.learningRateChanged) as blocker:
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), "1e-3")
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert blocker.args == [0.001]
    assert panel.config().learning_rate == 0.001
    assert arch == []
    assert spin.text() == "0.001"
    spin.stepBy(1)
    assert panel.config().learning_rate == 0.002
    spin.stepBy(2)
    assert panel.config().learning_rate == 0.01


def test_learning_rate_range_is_wide(panel):
    spin = panel.findChild(QDoubleSpinBox, "learningRateSpin")
    assert spin.minimum() <= 1e-6 and spin.maximum() >= 1e6
    spin.setValue(1e6)
    assert panel.config().learning_rate == 1e6
    assert format_number(0.1) == "0.1" and format_number(0.123456789012345) == "0.123456789012345"


def test_epochs_zero_reads_until_stopped(panel):
    panel.set_config(TrainConfig(epochs=0))
    assert panel.findChild(QSpinBox, "epochsSpin").text() == "Until stopped"


def test_check_warnings_are_shown(panel):
    label = panel.findChild(QLabel, "settingsWarnings")
    panel.set_config(TrainConfig(learning_rate=100.0))
    assert label.isVisible() and "very large" in label.text()
    panel.set_config(TrainConfig(loss="ce", output_activation="sigmoid"))
    assert "softmax" in label.text()
    panel.set_config(TrainConfig())
    assert label.isHidden()
    panel.set_data_warnings(["batch size 9 is larger than the 4 rows"])
    assert label.isVisible() and "batch size" in label.text()


def test_io_label_follows_the_table(panel):
    panel.set_config(TrainConfig(hidden=(4, 2)))
    panel.set_io(3, 1)
    assert panel.io_label.text() == "3 inputs \u2192 [4, 2] \u2192 1 output"


def test_batch_size_disabled_for_full_batch_optimiser(panel):
    panel.set_config(TrainConfig(optimizer="gd"))
    assert not panel.batch_size_spin.isEnabled()
    c = combo(panel, "optimizerCombo")
    c.setCurrentIndex(c.findData("adam"))
    assert panel.batch_size_spin.isEnabled()
    assert panel.config().optimizer == "adam"


def test_editing_a_widget_drops_the_kept_exact_value(panel):
    panel.set_config(TrainConfig(seed=2**40))
    assert panel.config().seed == 2**40
    panel.findChild(QSpinBox, "seedSpin").setValue(5)
    assert panel.config().seed == 5
    panel.set_config(TrainConfig(hidden=(3, 5), activation=("relu", "tanh")))
    c = combo(panel, "activationCombo")
    c.setCurrentIndex(c.findData("tanh"))
    assert panel.config().activation == "tanh"


def test_the_hidden_activation_is_greyed_out_without_hidden_layers(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_config(TrainConfig(hidden=()))
    assert not panel.activation_combo.isEnabled() and "No hidden layers" in panel.activation_combo.toolTip()
    panel.hidden_editor.add_button.click()
    assert panel.hidden_editor.layers() and panel.activation_combo.isEnabled()
    panel.hidden_editor.remove_button.click()
    assert not panel.activation_combo.isEnabled()


def test_a_combo_too_narrow_for_its_text_elides_it_and_keeps_it_whole_in_the_list(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_config(TrainConfig(normalize="standard"))
    combo = panel.normalize_combo
    combo.setFixedWidth(120)
    panel.show()
    qtbot.waitExposed(panel)
    assert combo.currentText().startswith("Standardise (mean 0, sd 1)")
    face = combo.face_text()
    assert combo.elided() and face.endswith("\u2026") and len(face) < len(combo.currentText())
    combo.setFixedWidth(600)
    assert not combo.elided() and combo.face_text() == combo.currentText()
