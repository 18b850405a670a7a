"""Evaluation figures, as MATLAB and Weka report them: loss, accuracy, confusion matrix, ROC and AUC,
RMSE, MAE and R².

:func:`evaluate` takes a network's outputs ``P`` and the targets ``Y`` as the network is trained
against (one-hot rows for class labels) and returns an :class:`Evaluation` holding the figures
that apply:

- **classification** (class labels with softmax + ce, or one column of 0/1 targets behind a
  sigmoid output, the rule of :func:`core.trainer.is_classification`): the loss, the accuracy
  and the confusion matrix (rows: true class, columns: predicted class, both in the model's
  class order; 0/1 targets have the classes 0 and 1); with two classes also the ROC curve of
  the second class's score and its AUC;
- **regression** (anything else): the loss, RMSE and MAE over every output cell, and R² (the
  mean over the outputs of ``1 - SS_res / SS_tot``; undefined, NaN, for a constant target).

:func:`evaluate_model` does the same for a saved model and raw data (labels not among the
model's classes are a ValueError). The window's *Evaluate* tab and ``nngui evaluate`` use these.

Pure NumPy: this module never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .losses import get_loss

__all__ = ["Roc", "Evaluation", "confusion_matrix", "row_percentages", "roc_curve", "auc",
           "rmse", "mae", "r2", "evaluate", "evaluate_model", "class_targets"]


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """Counts (n_classes, n_classes) of class indices: row = true class, column = predicted class."""
    true = np.asarray(true, dtype=np.int64).reshape(-1)
    predicted = np.asarray(predicted, dtype=np.int64).reshape(-1)
    flat = np.bincount(true * n_classes + predicted, minlength=n_classes * n_classes)
    return flat.reshape(n_classes, n_classes)


def row_percentages(counts: np.ndarray) -> np.ndarray:
    """Each row of a confusion matrix as percentages of that true class's rows (NaN for a class with no rows)."""
    counts = np.asarray(counts, dtype=np.float64)
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, 100.0 * counts / totals, np.nan)


@dataclass(frozen=True, eq=False)
class Roc:
    """A ROC curve: false and true positive rates at each threshold (from +inf down), and its area."""

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray  # a row counts as positive when its score >= the threshold
    auc: float  # NaN when only one class is present


def roc_curve(scores: np.ndarray, positive: np.ndarray) -> Roc:
    """The ROC curve of ``scores`` for the rows where ``positive`` is true.

    One point per distinct score (tied scores move the curve diagonally, so a tie between a
    positive and a negative row counts one half, as in the Mann-Whitney statistic), starting
    at (0, 0) for the threshold +inf and ending at (1, 1).
    """
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    positive = np.asarray(positive, dtype=bool).reshape(-1)
    order = np.argsort(-scores, kind="stable")
    s, pos = scores[order], positive[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(s) != 0), s.size - 1] if s.size else np.zeros(0, np.int64)
    tp = np.cumsum(pos)[last_of_tie]
    fp = np.cumsum(~pos)[last_of_tie]
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        tpr = np.r_[0.0, tp / n_pos] if n_pos else np.full(tp.size + 1, np.nan)
        fpr = np.r_[0.0, fp / n_neg] if n_neg else np.full(fp.size + 1, np.nan)
    thresholds = np.r_[np.inf, s[last_of_tie]]
    area = auc(fpr, tpr) if n_pos and n_neg else float("nan")
    return Roc(fpr, tpr, thresholds, area)


def auc(fpr: np.ndarray, tpr: np.ndarray) -> float:
    """The area under a curve through the points (fpr, tpr), by the trapezoid rule."""
    x, y = np.asarray(fpr, dtype=np.float64), np.asarray(tpr, dtype=np.float64)
    return float(np.sum(np.diff(x) * (y[1:] + y[:-1]) / 2.0))


# ---------------------------------------------------------------------------
# Regression
# ---------------------------------------------------------------------------


def rmse(P: np.ndarray, Y: np.ndarray) -> float:
    """The root of the mean squared error over every cell."""
    d = np.asarray(P, dtype=np.float64) - np.asarray(Y, dtype=np.float64)
    return float(np.sqrt(np.mean(d * d)))


def mae(P: np.ndarray, Y: np.ndarray) -> float:
    """The mean absolute error over every cell."""
    return float(np.mean(np.abs(np.asarray(P, dtype=np.float64) - np.asarray(Y, dtype=np.float64))))


def r2(P: np.ndarray, Y: np.ndarray) -> float:
    """The coefficient of determination, averaged over the output columns; NaN when a target is constant."""
    P = np.asarray(P, dtype=np.float64).reshape(len(P), -1)
    Y = np.asarray(Y, dtype=np.float64).reshape(len(Y), -1)
    ss_res = np.sum((Y - P) ** 2, axis=0)
    ss_tot = np.sum((Y - Y.mean(axis=0)) ** 2, axis=0)
    if Y.shape[0] == 0 or np.any(ss_tot == 0):
        return float("nan")
    return float(np.mean(1.0 - ss_res / ss_tot))


# ---------------------------------------------------------------------------
# All the figures at once
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The figures for one set of rows; those that do not apply are None."""

    rows: int
    loss: float
    classes: tuple[float, ...] | None = None  # the class order of the confusion matrix (classification)
    true_class: np.ndarray | None = None  # each row's class index (classification)
    predicted_class: np.ndarray | None = None  # each row's predicted class index (classification)
    accuracy: float | None = None
    confusion: np.ndarray | None = None  # counts: row = true class, column = predicted class
    roc: Roc | None = None  # two classes only
    rmse: float | None = None
    mae: float | None = None
    r2: float | None = None

    @property
    def is_classification(self) -> bool:
        return self.classes is not None

    @property
    def auc(self) -> float | None:
        return None if self.roc is None else self.roc.auc

    @property
    def confusion_percent(self) -> np.ndarray | None:
        """The confusion matrix as row percentages (NaN for a class with no rows)."""
        return None if self.confusion is None else row_percentages(self.confusion)

    def to_dict(self) -> dict:
        """The figures that apply as JSON-ready values: ``loss``, then ``accuracy``, ``confusion_matrix``
        and ``auc`` (two classes), or ``rmse``, ``mae`` and ``r2``; NaN and infinities become None."""
        d: dict = {"loss": _finite(self.loss)}
        if self.is_classification:
            d["accuracy"] = _finite(self.accuracy)
            d["confusion_matrix"] = self.confusion.tolist()
            if self.roc is not None:
                d["auc"] = _finite(self.roc.auc)
        else:
            d.update(rmse=_finite(self.rmse), mae=_finite(self.mae), r2=_finite(self.r2))
        return d


def _finite(value: float | None) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def _binary(Y: np.ndarray, output_activation: str | None) -> bool:
    """One column of 0/1 targets behind a sigmoid output (core.trainer.is_classification's rule)."""
    return (output_activation in (None, "sigmoid") and Y.ndim == 2 and Y.shape[1] == 1 and Y.shape[0] > 0
            and bool(np.isin(Y, (0.0, 1.0)).all()))


def evaluate(P: np.ndarray, Y: np.ndarray, loss: str, classes: Sequence[float] | None = None,
             output_activation: str | None = None) -> Evaluation:
    """The figures for outputs ``P`` against targets ``Y`` (both (rows, outputs), ``Y`` as trained against).

    ``classes``: the class labels when ``Y`` holds one-hot rows (softmax + ce on class labels);
    ``output_activation``: the network's, so 0/1 targets count as classes only behind a sigmoid.
    """
    P = np.atleast_2d(np.asarray(P, dtype=np.float64))
    Y = np.atleast_2d(np.asarray(Y, dtype=np.float64))
    if P.shape != Y.shape:
        raise ValueError(f"outputs and targets differ in shape: {P.shape} and {Y.shape}")
    with np.errstate(all="ignore"):
        value = float(get_loss(loss).value(P, Y)) if Y.shape[0] else float("nan")
    rows = int(Y.shape[0])
    if classes is not None:
        labels = tuple(float(c) for c in classes)
        true, predicted, score = np.argmax(Y, axis=1), np.argmax(P, axis=1), P[:, -1]
    elif _binary(Y, output_activation):
        labels = (0.0, 1.0)
        true, predicted, score = (Y[:, 0] == 1).astype(np.int64), (P[:, 0] >= 0.5).astype(np.int64), P[:, 0]
    else:
        return Evaluation(rows, value, rmse=rmse(P, Y) if rows else float("nan"),
                          mae=mae(P, Y) if rows else float("nan"), r2=r2(P, Y))
    k = len(labels)
    return Evaluation(
        rows, value, labels, true, predicted,
        accuracy=float(np.mean(true == predicted)) if rows else float("nan"),
        confusion=confusion_matrix(true, predicted, k),
        roc=roc_curve(score, true == 1) if k == 2 else None,
    )


def class_targets(labels: np.ndarray, classes: Sequence[float]) -> np.ndarray:
    """One-hot rows (rows, C) for a column of class labels; a label not in ``classes`` is a ValueError
    whose ``args[1]`` is the 0-based row of the first such label."""
    labels = np.asarray(labels, dtype=np.float64).reshape(-1)
    position = {float(c): k for k, c in enumerate(classes)}
    index = np.empty(labels.size, dtype=np.int64)
    for row, label in enumerate(labels.tolist()):
        k = position.get(label)
        if k is None:
            shown = ", ".join(_label(c) for c in classes)
            raise ValueError(f"the label {_label(label)} is not one of the model's classes ({shown})", row)
        index[row] = k
    one_hot = np.zeros((labels.size, len(position)))
    one_hot[np.arange(labels.size), index] = 1.0
    return one_hot


def _label(c: float) -> str:
    return str(int(c)) if float(c).is_integer() else repr(float(c))


def evaluate_model(model, X_raw: np.ndarray, Y_raw: np.ndarray) -> Evaluation:
    """The figures of a :class:`core.modelfile.Model` on raw inputs and raw targets (class labels for a
    class model). Raises ValueError for a label that is not among the model's classes."""
    with np.errstate(all="ignore"):
        P = np.asarray(model.predict(X_raw), dtype=np.float64)
    Y = np.atleast_2d(np.asarray(Y_raw, dtype=np.float64))
    arch = model.architecture
    if model.classes is not None:
        Y = class_targets(Y[:, 0], model.classes)
    return evaluate(P, Y, arch.loss, model.classes, arch.output_activation)
