"""Input features in the window: the settings' check boxes, projects, model files (version 2), Reset,
the diagram's names, the decision map and the classic lesson (the circle without hidden layers)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import find
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QToolButton

from core import inspect as ins
from core.config import TrainConfig
from core.data import DataError
from core.features import FEATURES, check_width, feature_names
from core.modelfile import load_model, model_from_trainer
from nngui.files.project import dumps_project, load_project, loads_project
from nngui.support import formatting
from nngui.views.settings_panel import SettingsPanel

BOXES = {"squares": "featureSquaresCheck", "products": "featureProductsCheck", "sin": "featureSinCheck"}


def run(qtbot, w, epochs=None, timeout=60000):
    with qtbot.waitSignal(w.controller.finished, timeout=timeout):
        assert w.start_training(epochs)
    qtbot.waitUntil(lambda: w.session.report is not None
                    and w.session.report.progress.epoch == w.controller.trainer.epoch, timeout=5000)


def tick(qtbot, w, *names):
    """Open the Features row and click the boxes of ``names`` (real widgets, as a user)."""
    toggle = find(w, "featuresToggle", QToolButton)
    if not toggle.isChecked():
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    for name in names:
        box = find(w, BOXES[name], QCheckBox)
        assert box.isVisible()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def circle_lesson(qtbot, w, **settings):
    """Presets > Circle, no hidden layer, squares on (the classic lesson), with ``settings`` applied."""
    w.load_preset("circle")
    qtbot.mouseClick(find(w, "removeLayerButton"), Qt.MouseButton.LeftButton)
    tick(qtbot, w, "squares")
    if settings:
        w.apply_config(w.settings_panel.config().replace(**settings))
    return w.controller.trainer


# ---------------------------------------------------------------------------------- the settings panel


def test_the_boxes_come_from_the_registry_and_round_trip(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    boxes = [panel.findChild(QCheckBox, BOXES[n]) for n in FEATURES]
    assert all(boxes) and list(panel.features_editor.boxes) == list(FEATURES)
    assert all(b.toolTip() for b in boxes) and "circle" in boxes[0].toolTip()
    for features in [(), ("squares",), ("products", "sin"), ("squares", "products", "sin")]:
        cfg = TrainConfig(hidden=(3,), features=features)
        panel.set_config(cfg)
        assert panel.config() == cfg and panel.features_editor.features() == features
        assert [b.isChecked() for b in boxes] == [n in features for n in FEATURES]
    assert panel.features_editor.toggle.isChecked()  # a config with features opened the row
    odd = TrainConfig(features=("cube",))  # an unknown name is kept as given and reported by check()
    panel.set_config(odd)
    assert panel.config().features == ("cube",) and "features" in "\n".join(panel.warnings())


def test_the_features_row_starts_folded_and_the_label_counts_the_derived_inputs(qtbot, window):
    editor = window.settings_panel.features_editor
    assert not editor.toggle.isChecked() and not editor.isVisible()
    window.load_preset("circle")
    tick(qtbot, window, "squares", "products")
    t = window.controller.trainer
    assert t.config.features == ("squares", "products") and t.network.arch.sizes[0] == 2 + 2 + 1
    assert find(window, "ioLabel").text() == "2 inputs + 3 derived \u2192 [8] \u2192 1 output"
    assert window.settings_panel.config().features == ("squares", "products")


def test_features_too_wide_for_the_table_are_refused_with_the_cores_message(qtbot, window):
    names = [f"x{i}" for i in range(1, 201)] + ["y"]
    values = np.random.default_rng(0).random((5, 201)).round(3)
    window.data_model.set_table(names, values, ["input"] * 200 + ["target"])
    assert window.controller.trainer.dataset.n_inputs == 200
    tick(qtbot, window, "squares")  # 200 derived columns: allowed
    assert window.controller.trainer.config.features == ("squares",)
    tick(qtbot, window, "products")  # + 19,900: refused
    with pytest.raises(ValueError) as core:
        check_width(("squares", "products"), 200)
    box = find(window, BOXES["products"], QCheckBox)
    assert not box.isChecked() and window.settings_panel.config().features == ("squares",)
    assert window.controller.trainer.config.features == ("squares",)
    message = window.settings_panel.features_editor.last_refusal
    assert str(core.value) in message and "20,100" in message
    assert str(core.value)[:60] in window.statusBar().currentMessage()


# ---------------------------------------------------------------------------------- the classic lesson


def test_the_circle_without_hidden_layers_is_solved_by_squares_in_the_window(qtbot, window):
    t = circle_lesson(qtbot, window)
    assert t.network.arch.sizes == (4, 1) and t.config.features == ("squares",)
    panel = window.settings_panel  # the README's recipe: standardised inputs, learning rate 0.5
    panel.normalize_combo.setCurrentIndex(panel.normalize_combo.findData("standard"))
    panel.learning_rate_spin.setValue(0.5)
    qtbot.mouseClick(panel.stop_accuracy_check, Qt.MouseButton.LeftButton)
    assert panel.config().epochs == 2000
    run(qtbot, window)
    t = window.controller.trainer
    assert t.reached == "accuracy" and t.training_accuracy() == 1.0 and t.epoch < 2000  # (checked between chunks)
    assert window.prediction_model.scores().train == 1.0
    assert window.accuracy_label.text() == "Accuracy 100.0 %"
    # Without the squares the same lesson stalls near "always outside" (a straight line cannot draw a circle).
    qtbot.mouseClick(find(window, BOXES["squares"], QCheckBox), Qt.MouseButton.LeftButton)
    t = window.controller.trainer
    assert t.network.arch.sizes == (2, 1)
    run(qtbot, window)
    outside = float(np.mean(t.dataset.Y == 0))
    assert t.epoch == 2000 and t.training_accuracy() < outside + 0.05 < 0.9


# ---------------------------------------------------------------------------------- the views


def test_the_decision_map_with_features_equals_the_cores_predictions_on_the_grid(qtbot, window):
    circle_lesson(qtbot, window, normalize="standard", features=("squares", "products", "sin"))
    run(qtbot, window, 200)
    dm = find(window, "decisionMap")
    qtbot.waitUntil(lambda: dm.drawn_report is window.session.report, timeout=5000)
    t = window.controller.trainer
    assert t.network.arch.sizes == (7, 1)
    plane = dm.plane
    assert plane.layers[0].shape == (100, 100, 2)  # drawn over the two raw inputs
    grid = plane.layers[0].reshape(-1, 2)
    expected = model_from_trainer(t).predict(grid).reshape(100, 100, 1)  # the model file's own path
    assert np.max(np.abs(plane.output - expected)) <= 1e-12
    assert np.array_equal(dm.rgba, dm.style_.map_rgba(plane.output))


def test_the_diagram_names_the_derived_inputs_and_the_selected_row_shows_them(qtbot, window):
    circle_lesson(qtbot, window, normalize="minmax", features=("squares", "products", "sin"))
    run(qtbot, window, 20)
    view = window.network_view
    names = [view.unit_name(0, u) for u in range(7)]
    assert names == feature_names(["x", "y"], ("squares", "products", "sin"))
    assert names[2:] == ["x\u00b2", "y\u00b2", "x\u00b7y", "sin x", "sin y"]
    window.prediction_view.select_source_row(5)
    qtbot.waitUntil(lambda: window.live.selected_row == 5, timeout=3000)
    a0 = model_from_trainer(window.controller.trainer).prepare(window.controller.trainer.dataset.X[5:6])[0]
    for u in range(7):
        assert f"input = {formatting.weight(float(a0[u]))}" in view.node_text(0, u)
    # The maths inspector traces the same row through the widened first layer.
    window.show_maths_inspector()
    qtbot.waitUntil(lambda: window.inspector.trace is not None, timeout=3000)
    assert np.allclose(window.inspector.trace.x[0], a0, rtol=0, atol=1e-12)


# ---------------------------------------------------------------------------------- files and Reset


def test_features_round_trip_through_a_project_and_reset(qtbot, window, tmp_path):
    t = circle_lesson(qtbot, window, learning_rate=0.5)
    run(qtbot, window, 50)
    t = window.controller.trainer
    weights = t.network.params.copy()
    path = tmp_path / "lesson.nngui.json"
    assert window.save_project(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["settings"]["features"] == ["squares"]
    assert saved["model"]["version"] == 2 and saved["model"]["features"] == ["squares"]
    assert load_project(path).config.features == ("squares",)

    window.load_preset("xor")  # other settings, no features
    assert window.settings_panel.config().features == ()
    assert window.load_project(path)
    t = window.controller.trainer
    assert t.config.features == ("squares",) and t.network.arch.sizes == (4, 1) and t.epoch == 50
    assert np.array_equal(t.network.params, weights)  # the saved weights, not new ones of the wrong width
    assert find(window, BOXES["squares"], QCheckBox).isChecked() and window.settings_panel.features_editor.isVisible()

    window.reset()  # new weights, the same settings: the features stay
    t = window.controller.trainer
    assert t.epoch == 0 and t.config.features == ("squares",) and t.network.arch.sizes == (4, 1)
    assert not np.array_equal(t.network.params, weights)
    assert window.settings_panel.config().features == ("squares",)


def test_a_project_whose_weights_use_other_features_than_its_settings_is_refused(qtbot, window, tmp_path):
    circle_lesson(qtbot, window)
    d = json.loads(dumps_project(window.current_project()))
    d["settings"]["features"] = ["sin"]  # the same width (2 + 2), other columns
    with pytest.raises(DataError) as err:
        loads_project(json.dumps(d), source="odd.nngui.json")
    assert "model.features" in str(err.value) and "[squares]" in str(err.value) and "[sin]" in str(err.value)


def test_a_version_2_model_file_opens_with_its_network(qtbot, window, tmp_path):
    circle_lesson(qtbot, window, normalize="standard", features=("squares", "sin"), learning_rate=0.2)
    run(qtbot, window, 40)
    t = window.controller.trainer
    path = tmp_path / "circle.json"
    assert window.export_model(path)
    model = load_model(path)
    assert model.version == 2 and model.features == ("squares", "sin") and model.architecture.sizes == (6, 1)
    expected = model.predict(t.dataset.X)

    window.load_preset("loy-xor")  # three inputs: the model does not fit this table
    assert window.open_model(path)  # a new document from the file (no data inside: an empty row to fill)
    assert window.settings_panel.config().features == ("squares", "sin")
    assert window.network_view.unit_name(0, 2) == "x\u00b2" and window.network_view.unit_name(0, 5) == "sin y"

    window.load_preset("circle")
    assert window.import_model(path)  # the weights onto the circle's table (two inputs: it fits)
    t = window.controller.trainer
    assert t.network.arch.sizes == (6, 1) and t.config.features == ("squares", "sin") and t.epoch == 40
    assert np.array_equal(t.network.params, model.network().params)
    qtbot.waitUntil(lambda: window.prediction_model.predictions() is not None, timeout=3000)
    assert np.max(np.abs(window.prediction_model.predictions() - expected)) <= 1e-12
    assert window.errors == []


def test_a_session_reads_the_features_of_its_trainer(qtbot, window):
    t = circle_lesson(qtbot, window, normalize="minmax")
    s = ins.Session.from_trainer(t)
    assert s.features == ("squares",) and s.prepare(t.dataset.X).shape == (t.dataset.n_samples, 4)
