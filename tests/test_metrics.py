"""Evaluation figures (core.metrics) against hand-worked examples, and `nngui evaluate`."""

from __future__ import annotations

import errno
import json
import math
import os

import numpy as np
import pytest

from core.cli import main
from core.config import TrainConfig
from core.data import Dataset, write_csv
from core.metrics import (auc, class_targets, confusion_matrix, evaluate, evaluate_model, mae, r2, rmse,
                          roc_curve, row_percentages)
from core.modelfile import loads_model, model_from_trainer, save_model
from core.trainer import Trainer

# ---------------------------------------------------------------------------
# Classification, worked by hand
# ---------------------------------------------------------------------------

# Three classes; class 2 is never predicted.
P3 = np.array([[0.7, 0.2, 0.1], [0.6, 0.3, 0.1], [0.3, 0.5, 0.2], [0.1, 0.8, 0.1],
               [0.2, 0.7, 0.1], [0.5, 0.1, 0.4], [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]])
TRUE3 = [0, 0, 0, 1, 1, 2, 2, 2]  # predicted (argmax): 0, 0, 1, 1, 1, 0, 1, 1


def test_confusion_matrix_with_a_class_never_predicted():
    Y = np.eye(3)[TRUE3]
    e = evaluate(P3, Y, "ce", classes=(0.0, 1.0, 2.0), output_activation="softmax")
    assert e.confusion.tolist() == [[2, 1, 0],
                                    [0, 2, 0],
                                    [1, 2, 0]]
    assert e.accuracy == 0.5  # 2 + 2 + 0 right of 8
    np.testing.assert_allclose(e.confusion_percent, [[200 / 3, 100 / 3, 0], [0, 100, 0], [100 / 3, 200 / 3, 0]],
                               rtol=1e-15)
    p_true = [0.7, 0.6, 0.3, 0.8, 0.7, 0.4, 0.3, 0.3]
    assert e.loss == pytest.approx(-sum(map(math.log, p_true)) / 8, rel=1e-15)
    assert e.roc is None and e.auc is None and e.rmse is None  # three classes: no ROC; not regression
    assert e.true_class.tolist() == TRUE3 and e.predicted_class.tolist() == [0, 0, 1, 1, 1, 0, 1, 1]
    assert e.to_dict() == {"loss": e.loss, "accuracy": 0.5, "confusion_matrix": [[2, 1, 0], [0, 2, 0], [1, 2, 0]]}


def test_confusion_matrix_and_percentages_directly():
    cm = confusion_matrix([1, 1, 0, 2], [1, 0, 0, 0], 4)  # class 3 has no rows at all
    assert cm.tolist() == [[1, 0, 0, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]
    pct = row_percentages(cm)
    assert pct[:3].tolist() == [[100, 0, 0, 0], [50, 50, 0, 0], [100, 0, 0, 0]]
    assert np.isnan(pct[3]).all()


# Two classes, scores with ties: a tie between a positive and a negative row counts one half.
SCORES = np.array([0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.2, 0.1])
LABELS = np.array([1, 1, 0, 1, 0, 0, 1, 0])


def test_roc_and_auc_with_ties():
    roc = roc_curve(SCORES, LABELS == 1)
    # thresholds: +inf, 0.9, 0.8, 0.6, 0.2, 0.1 -> (FP, TP) of 4 and 4: (0,0) (0,1) (1,2) (3,3) (3,4) (4,4)
    assert roc.thresholds.tolist() == [np.inf, 0.9, 0.8, 0.6, 0.2, 0.1]
    assert roc.fpr.tolist() == [0, 0, 0.25, 0.75, 0.75, 1]
    assert roc.tpr.tolist() == [0, 0.25, 0.5, 0.75, 1, 1]
    # trapezoids: 0 + 0.25 * 0.375 + 0.5 * 0.625 + 0 + 0.25 * 1 = 0.65625
    # Mann-Whitney: (4 + 3.5 + 2 + 1) / 16 = 10.5 / 16
    assert roc.auc == 0.65625 == auc(roc.fpr, roc.tpr)


def test_auc_equals_the_mann_whitney_statistic():
    rng = np.random.default_rng(0)
    for _ in range(100):
        scores = rng.integers(0, 4, 25) / 4  # many ties
        positive = rng.random(25) < 0.4
        if positive.all() or not positive.any():
            continue
        pos, neg = scores[positive][:, None], scores[~positive][None, :]
        expected = ((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size)
        assert roc_curve(scores, positive).auc == pytest.approx(expected, abs=1e-15)


def test_auc_is_undefined_with_one_class():
    roc = roc_curve([0.3, 0.7], [True, True])
    assert math.isnan(roc.auc)
    e = evaluate(np.array([[0.3], [0.7]]), np.array([[1.0], [1.0]]), "bce", output_activation="sigmoid")
    assert e.to_dict()["auc"] is None


def test_binary_targets_behind_a_sigmoid():
    P, Y = SCORES.reshape(-1, 1), LABELS.reshape(-1, 1).astype(float)
    e = evaluate(P, Y, "bce", output_activation="sigmoid")
    assert e.classes == (0.0, 1.0)
    # predicted (>= 0.5): 1 1 1 1 1 1 0 0; true: 1 1 0 1 0 0 1 0
    assert e.confusion.tolist() == [[1, 3], [1, 3]] and e.accuracy == 0.5
    assert e.auc == 0.65625
    bce = -np.mean(Y * np.log(P) + (1 - Y) * np.log(1 - P))
    assert e.loss == pytest.approx(bce, rel=1e-14)
    assert set(e.to_dict()) == {"loss", "accuracy", "confusion_matrix", "auc"}
    # The same 0/1 targets behind a linear output are a regression.
    assert not evaluate(P, Y, "mse", output_activation="linear").is_classification


def test_two_softmax_classes_use_the_second_class_score():
    P = np.c_[1 - SCORES, SCORES]
    e = evaluate(P, np.eye(2)[LABELS], "ce", classes=(-1.0, 1.0), output_activation="softmax")
    assert e.auc == 0.65625 and e.classes == (-1.0, 1.0)


def test_class_targets():
    np.testing.assert_array_equal(class_targets([2.0, 5.0, 2.0], (5.0, 2.0)), [[0, 1], [1, 0], [0, 1]])
    with pytest.raises(ValueError) as info:
        class_targets([2.0, 3.0], (5.0, 2.0))
    assert info.value.args == ("the label 3 is not one of the model's classes (5, 2)", 1)


# ---------------------------------------------------------------------------
# Regression, worked by hand
# ---------------------------------------------------------------------------


def test_regression_figures():
    P = np.array([[1.0], [2.0], [3.0], [4.0]])
    Y = np.array([[1.5], [2.0], [2.0], [5.0]])
    # errors -0.5, 0, 1, -1: squares 0.25, 0, 1, 1
    assert rmse(P, Y) == 0.75 and mae(P, Y) == 0.625
    # mean 2.625; SS_tot = 1.125² + 0.625² + 0.625² + 2.375² = 7.6875; SS_res = 2.25
    assert r2(P, Y) == pytest.approx(1 - 2.25 / 7.6875, rel=1e-15)
    e = evaluate(P, Y, "mse", output_activation="linear")
    assert e.loss == 0.5625 and e.to_dict() == {"loss": 0.5625, "rmse": 0.75, "mae": 0.625, "r2": e.r2}
    assert not e.is_classification and e.confusion is None and e.accuracy is None


def test_r2_averages_the_outputs_and_is_undefined_for_a_constant_target():
    P = np.array([[1.0, 0.0], [2.0, 1.0], [3.0, 1.0]])
    Y = np.array([[1.0, 0.0], [2.0, 2.0], [4.0, 1.0]])
    # column 1: SS_res 1, SS_tot (4/3)² + (1/3)² + (5/3)² = 14/3; column 2: SS_res 1, SS_tot 2
    assert r2(P, Y) == pytest.approx(((1 - 3 / 14) + (1 - 1 / 2)) / 2, rel=1e-15)
    assert math.isnan(r2(P, np.ones((3, 2))))
    e = evaluate(P[:, :1], np.ones((3, 1)) * 2.5, "sse", output_activation="linear")
    assert e.to_dict()["r2"] is None and e.loss == 1.5**2 + 0.5**2 + 0.5**2


# ---------------------------------------------------------------------------
# nngui evaluate
# ---------------------------------------------------------------------------


LINE = """{"format": "nngui-model", "version": 1,
 "architecture": {"sizes": [1, 1], "activations": ["linear"], "bias": true, "loss": "mse", "classes": null},
 "layers": [{"weights": [[2.0]], "bias": [1.0]}],
 "columns": {"inputs": ["x"], "targets": ["y"]}}"""


def test_cli_evaluate_a_hand_made_regression(tmp_path, capsys):
    model, data = tmp_path / "line.json", tmp_path / "d.csv"
    model.write_text(LINE, encoding="utf-8")
    write_csv(data, ["x", "y"], [[0, 1.5], [1, 3], [2, 5], [3, 8]])  # predictions 1, 3, 5, 7
    assert main(["evaluate", str(model), str(data), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert list(d) == ["loss", "rmse", "mae", "r2"]
    assert d["loss"] == 0.3125 and d["mae"] == 0.375 and d["rmse"] == math.sqrt(0.3125)
    assert d["r2"] == pytest.approx(1 - 1.25 / 23.6875, rel=1e-15)
    assert main(["evaluate", str(model), str(data)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "rows: 4", "loss (mse): 0.3125", "RMSE: 0.559017", "MAE: 0.375", "R2: 0.94723"]


def _classifier(tmp_path, classes: bool):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 2))
    if classes:
        y = (X[:, 0] > 0).astype(float) + (X[:, 1] > 0.5) * 2.0 + 10.0  # labels 10..13
        cfg = TrainConfig(hidden=(6,), activation="tanh", output_activation="softmax", loss="ce", epochs=60,
                          learning_rate=0.5)
    else:
        y = (X[:, 0] * X[:, 1] > 0).astype(float)
        cfg = TrainConfig(hidden=(6,), activation="tanh", output_activation="sigmoid", loss="bce", epochs=60,
                          learning_rate=0.5, features=("products",))
    ds = Dataset(X, y.reshape(-1, 1), ("p", "q"), ("label",))
    t = Trainer(ds, cfg)
    t.train(cfg.epochs)
    path = tmp_path / "model.json"
    save_model(model_from_trainer(t), path)
    data = tmp_path / "data.csv"
    write_csv(data, ds)
    return path, data, ds


@pytest.mark.parametrize("classes", [False, True])
def test_cli_evaluate_classification_json(classes, tmp_path, capsys):
    model, data, ds = _classifier(tmp_path, classes)
    assert main(["evaluate", str(model), str(data), "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    d = json.loads(out)
    assert list(d) == (["loss", "accuracy", "confusion_matrix"] if classes
                       else ["loss", "accuracy", "confusion_matrix", "auc"])
    expected = evaluate_model(loads_model(model.read_text(encoding="utf-8")), ds.X, ds.Y)
    assert d == expected.to_dict()
    k = 4 if classes else 2
    assert np.array(d["confusion_matrix"]).shape == (k, k) and np.sum(d["confusion_matrix"]) == 60
    assert main(["evaluate", str(model), str(data)]) == 0
    text = capsys.readouterr().out
    assert f"accuracy: {d['accuracy'] * 100:.1f}%" in text and "rows: true class, columns: predicted class" in text
    assert ("AUC:" in text) == (not classes)
    if classes:
        assert text.splitlines()[4].split()[-4:] == ["10", "11", "12", "13"]  # the class labels, in order


def test_cli_evaluate_errors_exit_2_with_one_line(tmp_path, capsys):
    model, data, ds = _classifier(tmp_path, classes=True)
    inputs_only = tmp_path / "inputs.csv"
    write_csv(inputs_only, ["p", "q"], ds.X)
    unknown = tmp_path / "unknown.csv"
    write_csv(unknown, ["p", "q", "label"], [[0, 0, 10], [1, 1, 99]])
    bad_cell = tmp_path / "cell.csv"
    bad_cell.write_text("p,q,label\n0,1,10\n0,x,11\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "nngui-model", "version": 1}', encoding="utf-8")
    cases = [
        ((model, inputs_only), "error: inputs.csv: has 2 columns, but the model takes 2 inputs (p, q) and "
                               "1 label column: expected 3 columns (inputs then targets)"),
        ((model, unknown), "error: unknown.csv, row 2, column 'label': the label 99 is not one of the model's "
                           "classes (10, 11, 12, 13)"),
        ((model, bad_cell), "error: cell.csv, line 3, column 'q': expected a number, got 'x'"),
        ((broken, data), "error: broken.json: architecture: this required field is missing"),
        # (the system's words for the error: Chinese under a Chinese locale)
        ((tmp_path / "none.json", data), f"error: none.json: the file cannot be read ({os.strerror(errno.ENOENT)})"),
        ((model, tmp_path / "none.csv"), f"error: none.csv: the file cannot be read ({os.strerror(errno.ENOENT)})"),
    ]
    for (m, d), message in cases:
        for extra in ([], ["--json"]):
            assert main(["evaluate", str(m), str(d), *extra]) == 2
            captured = capsys.readouterr()
            assert captured.err.splitlines() == [message] and captured.out == ""
