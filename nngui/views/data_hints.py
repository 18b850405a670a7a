"""Hints for one's own data: what the settings should be for the table just loaded, one click to apply.

Two are offered, each dismissable, neither blocks training:

- a single target column of a few whole numbers (class labels) trained without softmax +
  cross-entropy: "these look like classes";
- inputs whose ranges exceed ``RANGE_LIMIT`` without normalisation: "normalise the inputs".
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from core.config import TrainConfig

from nngui.support.formatting import exact, short
from nngui.support.i18n import fmt, translate

RANGE_LIMIT = 10.0  # an input spanning more than this, unnormalised, saturates sigmoid and tanh units
MAX_CLASSES = 20
STYLE = ("QFrame#dataHint { background: #e6f0fa; border: 1px solid #8fb3d9; border-radius: 4px; }"
         " QFrame#dataHint QLabel { color: #173f66; }")


def class_hint(Y: np.ndarray, config: TrainConfig) -> tuple[str, TrainConfig] | None:
    """(text, better settings) when one target column holds a few whole-number labels but the network is
    not set up for classes; None otherwise (0/1 targets with one sigmoid output are fine as they are)."""
    if config.output_activation == "softmax" and config.loss == "ce":
        return None
    values = target_labels(Y)
    if values is None or not 2 <= len(values) <= MAX_CLASSES or (len(values) == 2 and set(values) == {0.0, 1.0}):
        return None
    shown = ", ".join(exact(float(v)) for v in values[:6]) + (", \u2026" if len(values) > 6 else "")
    text = fmt(translate("MainWindow", "The target holds %1 class labels (%2): classes learn best with a "
                                       "softmax output and cross-entropy."), len(values), shown)
    return text, config.replace(output_activation="softmax", loss="ce")


def range_hint(X: np.ndarray, config: TrainConfig) -> tuple[str, TrainConfig] | None:
    """(text, better settings) when some input spans more than RANGE_LIMIT and inputs are not normalised."""
    if config.normalize != "none" or not X.size:
        return None
    widest = widest_span(X)
    if widest <= RANGE_LIMIT:
        return None
    text = fmt(translate("MainWindow", "An input spans %1: standardised inputs (mean 0, sd 1) train faster and "
                                       "more surely."), short(widest))
    return text, config.replace(normalize="standard")


# The facts of the last table asked about, by array identity: a thread that builds a big table's trainer
# works them out beforehand (remember_facts), so the window's check costs nothing (docs/performance.md, W8).
_LAST: dict[str, tuple[np.ndarray, object]] = {}


def _remembered(kind: str, array: np.ndarray, compute):
    hit = _LAST.get(kind)
    if hit is not None and hit[0] is array:
        return hit[1]
    value = compute(array)
    _LAST[kind] = (array, value)
    return value


def _labels(Y: np.ndarray) -> np.ndarray | None:
    if Y.ndim != 2 or Y.shape[1] != 1 or not len(Y):
        return None
    y = Y[:, 0]
    if not np.isfinite(y).all() or not np.all(y == np.round(y)):
        return None
    y = np.sort(y)  # np.unique(y), without np.unique's first-call import of numpy.ma (~20 ms at start-up)
    return y[np.concatenate(([True], y[1:] != y[:-1]))]


def _widest(X: np.ndarray) -> float:
    with np.errstate(all="ignore"):
        spans = np.nanmax(X, axis=0) - np.nanmin(X, axis=0)
    return float(np.nanmax(spans)) if np.isfinite(spans).any() else 0.0


def target_labels(Y: np.ndarray) -> np.ndarray | None:
    """The distinct values of a single target column of whole numbers (None for anything else)."""
    return _remembered("labels", Y, _labels)


def widest_span(X: np.ndarray) -> float:
    """The widest span (max - min) of an input column; 0.0 when none is finite."""
    return _remembered("span", X, _widest) if X.size else 0.0


def remember_facts(X: np.ndarray, Y: np.ndarray) -> None:
    """Work out what the hints need to know about this table now (any thread), so a later check is free."""
    target_labels(Y)
    widest_span(X)


class DataHints(QFrame):
    """objectName ``dataHint``: the first hint that applies, with Apply (``dataHintApply``) and Dismiss."""

    apply = Signal(object)  # the TrainConfig to use

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dataHint")
        self.setStyleSheet(STYLE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setObjectName("dataHintText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.label, 1)
        self.apply_button = QPushButton(translate("MainWindow", "Apply"))
        self.apply_button.setObjectName("dataHintApply")
        self.apply_button.clicked.connect(self._apply)
        lay.addWidget(self.apply_button)
        self.dismiss_button = QPushButton(translate("MainWindow", "Dismiss"))
        self.dismiss_button.setObjectName("dataHintDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        lay.addWidget(self.dismiss_button)
        self._better: TrainConfig | None = None
        self._dismissed: set[str] = set()
        self.hide()

    def check(self, X: np.ndarray, Y: np.ndarray, config: TrainConfig) -> None:
        """Show the first hint that applies to this table and these settings (and was not dismissed)."""
        for hint in (class_hint(Y, config), range_hint(X, config)):
            if hint is not None and hint[0] not in self._dismissed:
                self.label.setText(hint[0])
                self._better = hint[1]
                self.show()
                return
        self._better = None
        self.hide()

    def dismiss(self) -> None:
        """Hide this hint for as long as the window shows it again for the same reason."""
        self._dismissed.add(self.label.text())
        self._better = None
        self.hide()

    def forget_dismissed(self) -> None:
        """A new document: every hint may be offered again."""
        self._dismissed.clear()

    def _apply(self) -> None:
        better, self._better = self._better, None
        self.hide()
        if better is not None:
            self.apply.emit(better)
