"""A confusion matrix as a Qt table model: rows are the true classes, columns the predicted classes.

Each cell shows the count and its share of the true class's rows ("12" over "80.0 %"),
on a background that grows stronger with that share: blue on the diagonal (right),
orange off it (wrong), the diagram's colours, so black text stays readable and the two
never depend on telling red from green. A screen reader reads each cell as a sentence
(``Qt.AccessibleTextRole``); ``Qt.UserRole`` gives the count.

:class:`ConfusionView` is the table for it: it sizes itself to its cells and emits
``cellChosen(true, predicted)`` when a cell is clicked (or chosen with the keyboard).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView

from core.metrics import row_percentages

from nngui.support.i18n import fmt, translate
from nngui.support.palettes import DEFAULT_PALETTE, blend, get_palette
from nngui.views.roles import ALIGN, BACKGROUND, CENTER, DISPLAY, FOREGROUND, TOOLTIP, USER

__all__ = ["ConfusionModel", "ConfusionView", "percent_text"]

ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
LEVELS = 11  # background strengths: 0 %, 10 %, ... 100 % of a true class's rows
STRONGEST = 0.55  # the colour's share in the strongest background (the rest is white)


def percent_text(p: float) -> str:
    """A row percentage as shown: "80.0 %", a dash for a class without rows."""
    return "\u2014" if not np.isfinite(p) else f"{p:.1f} %"


class ConfusionModel(QAbstractTableModel):
    """Counts (k, k) of class indices: row = true class, column = predicted class, in the model's class order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._counts = np.zeros((0, 0), dtype=np.int64)
        self._percent = np.zeros((0, 0))
        self._labels: list[str] = []
        self._level = np.zeros((0, 0), dtype=np.intp)
        self.set_palette(DEFAULT_PALETTE)

    def set_palette(self, name: str) -> None:
        """Right and wrong in the palette's two colours (the diagram's negative / positive)."""
        p = get_palette(name)
        self._right = [QBrush(blend(p.negative, "#ffffff", STRONGEST * i / (LEVELS - 1))) for i in range(LEVELS)]
        self._wrong = [QBrush(blend(p.positive, "#ffffff", STRONGEST * i / (LEVELS - 1))) for i in range(LEVELS)]
        self._changed()

    def set_matrix(self, counts: np.ndarray | None, labels: Sequence[str] = ()) -> None:
        """Show ``counts`` (None: nothing) with the classes named ``labels``; a reset only when the classes change."""
        counts = np.zeros((0, 0), dtype=np.int64) if counts is None else np.asarray(counts, dtype=np.int64)
        labels = [str(s) for s in labels][: counts.shape[0]]
        labels += [str(i) for i in range(len(labels), counts.shape[0])]
        same = counts.shape == self._counts.shape and labels == self._labels
        if not same:
            self.beginResetModel()
        self._counts, self._labels = counts, labels
        with np.errstate(invalid="ignore"):
            self._percent = row_percentages(counts) if counts.size else np.zeros((0, 0))
            share = np.nan_to_num(self._percent, nan=0.0) / 100.0
        self._level = np.rint(np.clip(share, 0.0, 1.0) * (LEVELS - 1)).astype(np.intp)
        if not same:
            self.endResetModel()
        else:
            self._changed()

    def _changed(self) -> None:
        k = self._counts.shape[0]
        if k:
            self.dataChanged.emit(self.index(0, 0), self.index(k - 1, k - 1))

    def counts(self) -> np.ndarray:
        """A copy of the counts shown."""
        return self._counts.copy()

    def percentages(self) -> np.ndarray:
        """A copy of the row percentages shown (NaN for a class without rows)."""
        return self._percent.copy()

    def labels(self) -> list[str]:
        return list(self._labels)

    # -- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._counts.shape[0]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._counts.shape[1]

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role: int = DISPLAY):
        if not index.isValid():
            return None
        i, j = index.row(), index.column()
        if role == DISPLAY:
            return f"{self._counts[i, j]:,}\n{percent_text(self._percent[i, j])}"
        if role == USER:
            return int(self._counts[i, j])
        if role == ALIGN:
            return CENTER
        if role == BACKGROUND:
            return (self._right if i == j else self._wrong)[self._level[i, j]]
        if role == FOREGROUND:
            return QBrush(QColor("#000000"))
        if role in (TOOLTIP, ACCESSIBLE):
            return self.describe(i, j)
        return None

    def describe(self, i: int, j: int) -> str:
        """The cell as a sentence (its tooltip, and what a screen reader says)."""
        text = translate("ConfusionModel", "True class %1, predicted %2: %3 rows (%4 of the rows of class %1). "
                                           "Click to select them in Predictions.")
        return fmt(text, self._labels[i], self._labels[j], f"{self._counts[i, j]:,}", percent_text(self._percent[i, j]))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):  # noqa: N802
        if not 0 <= section < len(self._labels):
            return None
        label = self._labels[section]
        if role == DISPLAY:
            return label
        if role in (TOOLTIP, ACCESSIBLE):
            if orientation == Qt.Orientation.Horizontal:
                return fmt(translate("ConfusionModel", "Predicted class %1"), label)
            return fmt(translate("ConfusionModel", "True class %1"), label)
        return None


class ConfusionView(QTableView):
    """A confusion matrix that shows all its cells (up to a few classes) and says which cell was clicked."""

    cellChosen = Signal(int, int)  # true class index, predicted class index

    def __init__(self, model: ConfusionModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setHighlightSections(False)
            header.sectionResized.connect(self.updateGeometry)  # new counts, or a bigger font: a new size
        self.horizontalHeader().setStretchLastSection(False)
        self.clicked.connect(lambda index: self.cellChosen.emit(index.row(), index.column()))
        self.activated.connect(lambda index: self.cellChosen.emit(index.row(), index.column()))
        model.modelReset.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Tall enough for every row (the dock scrolls, not the table), as wide as the cells."""
        frame = 2 * self.frameWidth()
        h = self.horizontalHeader().sizeHint().height() + frame
        h += sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        w = self.verticalHeader().sizeHint().width() + frame
        w += sum(self.columnWidth(c) for c in range(self.model().columnCount()))
        bar = self.horizontalScrollBar()
        scroll = bar.sizeHint().height() if bar.maximum() > 0 else 0  # many classes in a narrow tab: it scrolls
        return QSize(w, h + scroll)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.updateGeometry()  # the horizontal scroll bar may come or go

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(60, self.sizeHint().height())
