"""The prediction table: each sample's inputs, targets, the network's outputs and errors.

:class:`PredictionModel` keeps the data (``set_data``, a model reset) apart from the predictions
(``set_predictions``, ~30 times a second while training): these recompute a few NumPy arrays and emit
``dataChanged`` over the prediction columns, so the view keeps its sort, selection and scroll position.
Cells are coloured by error (green -> amber -> red, pastel so black text stays readable);
``Qt.UserRole`` gives the raw float that ``prediction_view.PredictionView`` sorts by.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.support.accessibility import cell_text
from nngui.views.roles import ACCESSIBLE, ALIGN, BACKGROUND, CENTER, DISPLAY, FOREGROUND, RIGHT, TOOLTIP, USER

__all__ = ["PredictionModel", "Scores", "error_color"]


# Colour scale: 0 (no error) green, 0.5 amber, 1 (wrong) red; pastel for black text.
_STOPS = (np.array([190, 232, 190.0]), np.array([255, 222, 140.0]), np.array([245, 170, 170.0]))
_LEVELS = 17


def error_color(t: float) -> QColor:
    """The background for an error level ``t`` in [0, 1] (green -> amber -> red)."""
    t = float(np.clip(t, 0.0, 1.0))
    low, high, u = (_STOPS[0], _STOPS[1], t * 2) if t <= 0.5 else (_STOPS[1], _STOPS[2], t * 2 - 1)
    r, g, b = np.rint(low + (high - low) * u).astype(int)
    return QColor(int(r), int(g), int(b))


_BRUSHES = [QBrush(error_color(i / (_LEVELS - 1))) for i in range(_LEVELS)]
_BLACK = QBrush(QColor("#000000"))
_VALIDATION_BRUSH = QBrush(QColor("#8a5a00"))  # row headers of rows held out for validation

# Column kinds. Regression: IN.., then per target Y, PRED, ERR. Classes: IN.., LABEL, CLASS, PROB, OK.
IN, Y, PRED, ERR, LABEL, CLASS, PROB, OK = "in", "y", "pred", "err", "label", "class", "prob", "ok"
_COLOURED = {PRED, ERR, CLASS, PROB, OK}


class Scores(NamedTuple):
    """How well the network does: ``kind`` "accuracy" (a fraction) or "rmse", on the training rows
    (``train``) and on the rows held out for validation (``validation``: None without any)."""

    kind: str
    train: float | None
    validation: float | None


def _levels(t: np.ndarray) -> np.ndarray:
    """Error fractions in [0, 1] (NaN = worst) -> brush indices."""
    t = np.array(t, dtype=np.float64)
    bad = ~np.isfinite(t)
    np.clip(t, 0.0, 1.0, out=t)
    t[bad] = 1.0
    return np.rint(t * (_LEVELS - 1)).astype(np.intp)


class PredictionModel(QAbstractTableModel):
    """Read-only table of samples and the network's predictions for them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._X = np.empty((0, 0))
        self._Y = np.empty((0, 0))
        self._binary: bool | None = None
        self._classes: tuple[float, ...] | None = None
        self._labels = np.empty(0)      # class models: each row's label
        self._label_index = np.empty(0, dtype=np.intp)  # its position in classes (-1: unknown)
        self._columns: list[tuple[str, int]] = []
        self._names: tuple[list[str], list[str]] = ([], [])  # inputs, targets
        self._headers: list[str] = []
        self._tips: list[str] = []
        self._spans: list[tuple[int, int]] = []  # prediction column ranges, for dataChanged
        self._scale = np.empty(0)
        self._validation = np.zeros(0, dtype=bool)  # rows held out for validation
        self.first_input = 0
        self._clear_predictions()

    # -- data and predictions -----------------------------------------------

    def set_data(self, X: np.ndarray, Y: np.ndarray, input_names: Sequence[str],
                 target_names: Sequence[str], classes: tuple | None) -> None:
        """Show new samples (a model reset); predictions are cleared.

        ``Y`` holds the raw targets; for a class model it may be the label column
        (n, 1) or its one-hot encoding (n, len(classes)).
        """
        X = np.array(X, dtype=np.float64, ndmin=2, copy=None)  # shared, not copied: the model only reads them
        Y = np.array(Y, dtype=np.float64, ndmin=2, copy=None)
        if Y.shape[0] != X.shape[0] and Y.shape[1] == X.shape[0]:
            Y = Y.T
        self.beginResetModel()
        self._X, self._Y = X, Y
        self._binary = None  # one 0/1 target (found when first asked: the table may be huge)
        self._validation = np.zeros(X.shape[0], dtype=bool)
        self._classes = tuple(float(c) for c in classes) if classes is not None else None
        self._set_columns(list(map(str, input_names)), list(map(str, target_names)))
        self._clear_predictions()
        self.endResetModel()

    def _set_columns(self, inputs: list[str], targets: list[str]) -> None:
        """What is learned leads (targets, predictions, errors; or the class columns), then the inputs."""
        self._names = (inputs, targets)
        self._columns, self._headers, self._tips, self._spans = [], [], [], []
        if self._classes is not None:
            self._set_class_columns(targets[0] if targets else "class")
        else:
            for k, name in enumerate(targets):
                self._spans.append((len(self._columns) + 1, len(self._columns) + 2))
                self._columns += [(Y, k), (PRED, k), (ERR, k)]
                self._headers += [name, fmt(translate("PredictionModel", "%1 predicted"), name),
                                  fmt(translate("PredictionModel", "%1 error"), name)]
                self._tips += [fmt(translate("PredictionModel", "Target %1"), repr(name)),
                               fmt(translate("PredictionModel", "The network's output for %1"), repr(name)),
                               fmt(translate("PredictionModel", "|predicted \u2212 target| for %1"), repr(name))]
            span = np.ptp(self._Y, axis=0) if self._Y.size else np.zeros(self._Y.shape[1])
            self._scale = np.where(span > 0, span, np.maximum(np.abs(self._Y).max(axis=0, initial=0), 1.0))
        self.first_input = len(self._columns)
        self._columns += [(IN, i) for i in range(self._X.shape[1])]
        self._headers += list(inputs)
        self._tips += [fmt(translate("PredictionModel", "Input %1"), repr(name)) for name in inputs]

    def retranslate(self) -> None:
        """The headers and their tooltips again, in the language installed now."""
        if self._headers:
            self._set_columns(*self._names)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def input_columns(self) -> range:
        """The columns of the inputs (after the targets and predictions)."""
        return range(self.first_input, len(self._columns))

    def set_validation_rows(self, rows) -> None:
        """Mark these rows as held out for validation (their row header says so)."""
        marked = np.zeros(self._X.shape[0], dtype=bool)
        rows = np.asarray(rows if rows is not None else [], dtype=np.intp)
        marked[rows[(rows >= 0) & (rows < len(marked))]] = True
        changed = len(marked) and (marked.any() or self._validation.any())  # 400k row headers cost ~10 ms
        self._validation = marked
        if changed:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(marked) - 1)

    def is_validation_row(self, row: int) -> bool:
        return 0 <= row < len(self._validation) and bool(self._validation[row])

    def _set_class_columns(self, label: str) -> None:
        classes = np.asarray(self._classes, dtype=np.float64)
        Y = self._Y
        if Y.shape[1] == len(classes) and Y.shape[1] > 1:  # one-hot targets
            labels = classes[np.argmax(Y, axis=1)] if len(Y) else np.empty(0)
        else:
            labels = Y[:, 0] if Y.shape[1] else np.full(len(Y), np.nan)
        self._labels = labels
        matches = labels[:, None] == classes[None, :]
        self._label_index = np.where(matches.any(axis=1), np.argmax(matches, axis=1), -1)
        first = len(self._columns)
        self._spans.append((first + 1, first + 3))
        self._columns += [(LABEL, 0), (CLASS, 0), (PROB, 0), (OK, 0)]
        self._headers += [label, translate("PredictionModel", "predicted class"),
                          translate("PredictionModel", "probability"), translate("PredictionModel", "correct")]
        self._tips += [fmt(translate("PredictionModel", "The class in %1"), repr(label)),
                       translate("PredictionModel", "The class with the highest output"),
                       translate("PredictionModel", "The network's probability for the predicted class"),
                       translate("PredictionModel", "\u2713 when the predicted class is the true class")]

    def set_predictions(self, P: np.ndarray | None) -> None:
        """Show the network's outputs (n, n_out); cheap: dataChanged over the prediction columns.
        ``None``, or an array whose shape does not fit the data (a stale report), clears the predictions."""
        P = self._checked(P)
        if P is None:
            self._clear_predictions()
        elif self._classes is not None:
            self._predict_classes(P)
        else:
            self._predict_values(P)
        rows = self._X.shape[0]
        if rows:
            roles = [DISPLAY, USER, BACKGROUND, FOREGROUND]
            for first, last in self._spans:
                self.dataChanged.emit(self.index(0, first), self.index(rows - 1, last), roles)

    def _checked(self, P: np.ndarray | None) -> np.ndarray | None:
        if P is None:
            return None
        P = np.array(P, dtype=np.float64, copy=None)
        n = self._X.shape[0]
        width = len(self._classes) if self._classes is not None else self._Y.shape[1]
        if P.ndim == 1 and width == 1:
            P = P.reshape(-1, 1)
        return P if P.shape == (n, width) else None

    def _clear_predictions(self) -> None:
        self._P: np.ndarray | None = None
        self._err = self._class_index = self._prob = self._ok = self._level = None

    def _predict_values(self, P: np.ndarray) -> None:
        self._P = P
        self._err = np.abs(P - self._Y)
        self._level = _levels(self._err / self._scale * 2.0)  # half the target range = red

    def _predict_classes(self, P: np.ndarray) -> None:
        self._P = P
        n = len(P)
        self._class_index = np.argmax(P, axis=1) if n else np.empty(0, dtype=np.intp)
        self._prob = P[np.arange(n), self._class_index]
        self._ok = self._class_index == self._label_index
        known = self._label_index >= 0
        p_true = np.where(known, P[np.arange(n), np.maximum(self._label_index, 0)], 0.0)
        self._level = _levels(1.0 - p_true).reshape(-1, 1)

    def predictions(self) -> np.ndarray | None:
        """A copy of the current network outputs, or None."""
        return None if self._P is None else self._P.copy()

    def accuracy(self) -> float | None:
        """Fraction classified right: class models, or one output with 0/1 targets (threshold 0.5)."""
        if self._P is None or len(self._P) == 0:
            return None
        if self._classes is not None:
            return float(np.mean(self._ok))
        if self._binary_target():
            return float(np.mean((self._P[:, 0] >= 0.5) == (self._Y[:, 0] == 1.0)))
        return None

    def scores(self) -> Scores | None:
        """Accuracy (classification) or RMSE (regression) over the training rows and, apart, the validation rows."""
        if self._P is None or len(self._P) == 0:
            return None
        held_out = self._validation if len(self._validation) == len(self._P) else np.zeros(len(self._P), bool)
        kind = "accuracy" if self.is_classification() else "rmse"
        if not held_out.any():  # every row: a slice, not a copy of the whole table per report
            return Scores(kind, self._score(kind, slice(None)), None)
        return Scores(kind, self._score(kind, ~held_out), self._score(kind, held_out))

    def _score(self, kind: str, rows: np.ndarray | slice) -> float | None:
        if isinstance(rows, np.ndarray) and not rows.any():
            return None
        if kind == "rmse":
            with np.errstate(all="ignore"):
                return float(np.sqrt(np.mean((self._P[rows] - self._Y[rows]) ** 2)))
        if self._classes is not None:
            return float(np.mean(self._ok[rows]))
        return float(np.mean((self._P[rows, 0] >= 0.5) == (self._Y[rows, 0] == 1.0)))

    def is_classification(self) -> bool:
        """True when :meth:`accuracy` applies (class model, or 0/1 single target)."""
        if self._classes is not None:
            return True
        return len(self._Y) > 0 and self._binary_target()

    def _binary_target(self) -> bool:
        """One target column holding only 0 and 1 (cached per :meth:`set_data`)."""
        if self._binary is None:
            self._binary = self._Y.shape[1] == 1 and bool(((self._Y == 0.0) | (self._Y == 1.0)).all())
        return self._binary

    def widest_text(self, col: int) -> str:
        """The widest text a prediction column may show once trained (sizes it before predictions come)."""
        if not 0 <= col < len(self._columns):
            return ""
        return {PRED: "-0.0001234", ERR: "0.0001234", PROB: "100.0%", OK: "\u2713"}.get(self._columns[col][0], "")

    def is_prediction_column(self, col: int) -> bool:
        """True for the columns that ``set_predictions`` changes."""
        return 0 <= col < len(self._columns) and self._columns[col][0] in _COLOURED

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._X.shape[0]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role: int = DISPLAY):
        if not index.isValid():
            return None
        kind, k = self._columns[index.column()]
        row = index.row()
        if role == DISPLAY:
            return self._text(kind, k, row)
        if role == USER:
            return self._raw(kind, k, row)
        if role == ALIGN:
            return CENTER if kind == OK else RIGHT
        if role == ACCESSIBLE:
            return cell_text(self._headers[index.column()], self._text(kind, k, row))
        if kind in _COLOURED and self._level is not None:
            if role == BACKGROUND:
                return _BRUSHES[self._level[row, k]]
            if role == FOREGROUND:
                return _BLACK
        return None

    def _raw(self, kind: str, k: int, row: int) -> float | None:
        """The cell's number (sort key); None for a prediction not made yet."""
        if kind == IN:
            return float(self._X[row, k])
        if kind == Y:
            return float(self._Y[row, k])
        if kind == LABEL:
            return float(self._labels[row])
        if self._P is None:
            return None
        if kind == PRED:
            return float(self._P[row, k])
        if kind == ERR:
            return float(self._err[row, k])
        if kind == CLASS:
            return float(self._classes[self._class_index[row]])
        if kind == PROB:
            return float(self._prob[row])
        return 1.0 if self._ok[row] else 0.0

    def _text(self, kind: str, k: int, row: int) -> str:
        value = self._raw(kind, k, row)
        if value is None:
            return ""
        if kind in (IN, Y, LABEL, CLASS):
            return format(value, ".10g")
        if kind == PROB:
            return f"{value:.1%}"
        if kind == OK:
            return "\u2713" if value else "\u2717"
        return formatting.short(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < self.rowCount():
                return None
            held_out = self.is_validation_row(section)
            if role == DISPLAY:
                return f"{section + 1} v" if held_out else str(section + 1)
            if role == TOOLTIP and held_out:
                return translate("PredictionModel", "Held out for validation: the network never trains on this row")
            if role == FOREGROUND and held_out:
                return _VALIDATION_BRUSH
            return None
        if not 0 <= section < len(self._headers):
            return None
        if role == DISPLAY:
            return self._headers[section]
        if role == TOOLTIP:
            return self._tips[section]
        return None
