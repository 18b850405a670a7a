"""Training and validation side by side: accuracy (classes) or RMSE (numbers) for each, in the prediction
header and the status bar, computed apart for the rows held out for validation."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from helpers import find, shown_window
from nngui.support import formatting
from nngui.views.prediction_model import PredictionModel, Scores
from nngui.views.status_bar import score_text


def test_class_scores_by_hand():
    m = PredictionModel()
    labels = np.array([[0.0], [1.0], [2.0], [1.0], [0.0]])
    m.set_data(np.zeros((5, 2)), labels, ["a", "b"], ["class"], classes=(0.0, 1.0, 2.0))
    m.set_validation_rows([3, 4])
    P = np.array([[0.8, 0.1, 0.1],   # 0 right
                  [0.2, 0.7, 0.1],   # 1 right
                  [0.5, 0.2, 0.3],   # 2 wrong (says 0)
                  [0.1, 0.2, 0.7],   # validation: 1 wrong (says 2)
                  [0.6, 0.3, 0.1]])  # validation: 0 right
    m.set_predictions(P)
    s = m.scores()
    assert s.kind == "accuracy" and s.train == pytest.approx(2 / 3) and s.validation == pytest.approx(1 / 2)
    assert score_text(s) == "Accuracy 66.7 % \u00b7 validation 50.0 %"


def test_regression_scores_by_hand_and_without_validation():
    m = PredictionModel()
    Y = np.array([[1.0], [2.0], [3.0], [4.0]])
    m.set_data(np.zeros((4, 1)), Y, ["x"], ["y"], classes=None)
    m.set_predictions(np.array([[1.5], [2.0], [2.0], [4.0]]))  # errors 0.5, 0, -1, 0
    s = m.scores()
    assert s == Scores("rmse", pytest.approx(np.sqrt((0.25 + 1.0) / 4)), None)
    assert score_text(s) == "RMSE 0.559"
    m.set_validation_rows([2])
    s = m.scores()
    assert s.train == pytest.approx(np.sqrt(0.25 / 3)) and s.validation == pytest.approx(1.0)
    assert score_text(s) == "RMSE 0.2887 \u00b7 validation 1"


def test_binary_targets_score_as_accuracy_with_threshold_one_half():
    m = PredictionModel()
    m.set_data(np.zeros((4, 1)), np.array([[0.0], [1.0], [1.0], [0.0]]), ["x"], ["y"], classes=None)
    m.set_predictions(np.array([[0.2], [0.5], [0.4], [0.9]]))
    assert m.scores() == Scores("accuracy", 0.5, None)
    assert m.scores() is not None and score_text(None) == ""


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot)
    yield w
    w.controller.shutdown()


def test_the_window_shows_training_and_validation_accuracy_as_the_core_computes_them(qtbot, window):
    window.load_preset("iris")  # 20 % held out for validation
    window.step(150)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=30000)
    qtbot.wait(50)
    t = window.controller.trainer
    train, val = t.training_accuracy(), t.validation_accuracy()
    assert val is not None
    expected = f"Accuracy {train * 100:.1f} % \u00b7 validation {val * 100:.1f} %"
    assert window.accuracy_label.text() == expected
    assert find(window, "statusScoreLabel", QLabel).text() == expected


def test_numeric_targets_show_rmse_for_both_as_the_core_predicts(qtbot, window, tmp_path):
    rows = [f"{x / 10:.1f},{0.2 + 0.06 * x:.3f}" for x in range(12)]
    (tmp_path / "line.csv").write_text("x,y\n" + "\n".join(rows) + "\n")
    assert window.import_csv(tmp_path / "line.csv", background=False)
    window.apply_config(window.settings_panel.config().replace(validation=0.25))
    window.step(40)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=30000)
    qtbot.wait(50)
    t = window.controller.trainer
    ds = window.session.dataset
    P = t.predict(ds.X)
    rmse = [float(np.sqrt(np.mean((P[r] - ds.Y[r]) ** 2))) for r in (t.train_rows, t.val_rows)]
    expected = f"RMSE {formatting.short(rmse[0])} \u00b7 validation {formatting.short(rmse[1])}"
    assert find(window, "statusScoreLabel", QLabel).text() == expected
    assert window.accuracy_label.text() == expected
