"""One run of the compare window (:mod:`nngui.views.compare_live`): its title, its figures and its decision map.

:class:`RunPanel` shows one run: a title naming what it has that the other run has not
(:func:`differences`, in the words of :func:`nngui.views.run_compare.plain_diff`), a line of
figures (epoch, loss, accuracy or RMSE), and below them its decision map, or, for data
without exactly two inputs, the same figures in large type (:func:`run_scores`), or why the
run cannot train.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from core import inspect as ins
from core.config import TrainConfig
from core.trainer import accuracy, is_classification

from nngui.session import output_names
from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.views.decision_map import DecisionMap
from nngui.views.prediction_model import Scores
from nngui.views.run_compare import plain_diff
from nngui.views.status_bar import loss_text, score_text

MAX_DIFFS = 3  # settings a title names; more become "…"
PROBLEM_STYLE = "color: #8b0000; background: #ffe3e3; border: 1px solid #d46a6a; border-radius: 3px; padding: 12px;"
SCORES_STYLE = "color: #202020; background: #f6f6f6; border: 1px solid #cccccc; padding: 12px;"


def differences(own: TrainConfig | None, other: TrainConfig | None) -> str:
    """``own``'s settings where they differ from ``other``, in plain words ("learning rate 0.3"), or
    "same settings"."""
    diffs = plain_diff(own, other)
    if len(diffs) > MAX_DIFFS:
        diffs = diffs[:MAX_DIFFS] + ["\u2026"]
    return ", ".join(diffs) if diffs else translate("CompareLive", "same settings")


def run_scores(rep, session: ins.Session, train_rows: np.ndarray, val_rows: np.ndarray) -> Scores | None:
    """Accuracy (class targets) or RMSE of a report's predictions on the training and validation rows."""
    P = np.asarray(rep.predictions, dtype=np.float64)
    Y = session.targets()
    if P.shape != Y.shape or not train_rows.size:
        return None
    one_hot = session.classes is not None
    kind = "accuracy" if is_classification(Y[train_rows], one_hot) else "rmse"

    def score(rows: np.ndarray) -> float | None:
        if not rows.size:
            return None
        with np.errstate(all="ignore"):
            if kind == "accuracy":
                return accuracy(P[rows], Y[rows], one_hot)
            return float(np.sqrt(np.mean((P[rows] - Y[rows]) ** 2)))

    return Scores(kind, score(train_rows), score(val_rows))


class RunPanel(QWidget):
    """One run: its title (what differs), a line of figures, and its decision map, its scores in large type
    (data without two inputs) or why it cannot train. objectNames end in the run's letter: ``compareRunA``,
    ``compareTitleA``, ``compareInfoA``, ``compareMapA``, ``compareScoresA``, ``compareProblemA``."""

    def __init__(self, letter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = letter
        self.setObjectName(f"compareRun{letter}")
        self._title = ""
        self._colour = "#000000"
        self._presentation = False
        self.session: ins.Session | None = None
        self.rows = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(3)
        self.title = QLabel()
        self.title.setObjectName(f"compareTitle{letter}")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName(f"compareInfo{letter}")
        self.info.setStyleSheet("color: #333333;")
        self.map = DecisionMap()
        self.map.setObjectName(f"compareMap{letter}")
        self.scores = QLabel()
        self.scores.setObjectName(f"compareScores{letter}")
        self.problem = QLabel()
        self.problem.setObjectName(f"compareProblem{letter}")
        for label, style in ((self.scores, SCORES_STYLE), (self.problem, PROBLEM_STYLE)):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(style)
        self.stack = QStackedWidget()
        for page in (self.map, self.scores, self.problem):
            self.stack.addWidget(page)
        lay.addWidget(self.title)
        lay.addWidget(self.info)
        lay.addWidget(self.stack, 1)
        self._restyle()

    # -------------------------------------------------------------- content
    def set_title(self, text: str, colour: str) -> None:
        """``text`` after a chip of the run's colour (the colour of its loss curve)."""
        self._title, self._colour = text, colour
        size = 20 if self._presentation else 13
        self.title.setText(f"<span style='color:{colour}; font-size:{size + 4}px;'>\u25a0</span>&nbsp;"
                           f"<span style='font-size:{size}px; font-weight:bold;'>{html.escape(text)}</span>")
        self.title.setToolTip(text)

    def title_text(self) -> str:
        """The title without markup."""
        return self._title

    def set_trainer(self, trainer) -> None:
        """A new trainer for this run (call while it is idle): its data for the map and the scores."""
        self.session = ins.Session.from_trainer(trainer)
        names = output_names(trainer.dataset.target_names, trainer.classes)
        self.map.set_session(self.session, trainer.network.arch.output_activation, names)
        self.rows = (np.asarray(trainer.train_rows), np.asarray(trainer.val_rows))
        self.stack.setCurrentWidget(self.map if self.session.n_inputs == 2 else self.scores)
        self.info.setVisible(self.session.n_inputs == 2)
        self.scores.setText("")
        self.info.setText("")

    def show_problem(self, text: str) -> None:
        """This run cannot train: say why in place of its map."""
        self.session = None
        self.stack.setCurrentWidget(self.problem)
        self.problem.setText(text)
        self.info.setVisible(False)

    def has_problem(self) -> bool:
        return self.stack.currentWidget() is self.problem

    def showing_map(self) -> bool:
        return self.stack.currentWidget() is self.map

    def show_report(self, rep) -> None:
        """The run's latest report: the figures line or the large scores, and the map (it paces itself)."""
        if self.session is None or rep is None:
            return
        p = rep.progress
        parts = [fmt(translate("CompareLive", "epoch %1"), formatting.integer(p.epoch)), loss_text(rep)]
        scores = score_text(run_scores(rep, self.session, *self.rows))
        if scores:
            parts.append(scores)
        if p.diverged:
            parts.append(translate("CompareLive", "diverged"))
        elif p.reached:
            parts.append(translate("CompareLive", "stop condition reached"))
        text = " \u00b7 ".join(parts)
        if self.showing_map():
            self.info.setText(text)
            self.map.set_report(rep)
        elif self.stack.currentWidget() is self.scores:  # large: a line each, validation on its own
            self.scores.setText("\n".join(parts).replace(" \u00b7 ", "\n"))
        self.info.setToolTip(p.diverged or "")
        self.scores.setToolTip(p.diverged or "")

    # -------------------------------------------------------------- look
    def set_palette(self, name: str) -> None:
        self.map.set_palette(name)

    def set_presentation(self, on: bool) -> None:
        self._presentation = bool(on)
        self.map.set_presentation(on)
        self._restyle()
        self.set_title(self._title, self._colour)

    def _restyle(self) -> None:
        font = self.scores.font()
        font.setPointSize(26 if self._presentation else 16)
        self.scores.setFont(font)
