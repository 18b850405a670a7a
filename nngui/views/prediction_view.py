"""The prediction table's view: sortable by any column, rows selectable, inputs folded when there are many.

:class:`PredictionView` shows a :class:`~nngui.views.prediction_model.PredictionModel` (which holds the
samples and the predictions) through a sort proxy on ``Qt.UserRole``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (QEvent, QItemSelectionModel, QModelIndex, QRect, QSortFilterProxyModel, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from nngui.support.i18n import fmt, translate
from nngui.support.accessibility import set_name
from nngui.views import row_selection
from nngui.views.prediction_model import PredictionModel
from nngui.views.roles import USER

__all__ = ["PredictionView", "FOLDED_INPUTS"]

_SLOW_SORT = 0.05  # seconds: slower sorts wait until training pauses
FOLDED_INPUTS = 3  # inputs shown after the predictions when there are more (right-click the header for all)


class PredictionView(QTableView):
    """Sortable view of a PredictionModel (through a QSortFilterProxyModel on Qt.UserRole).

    ``sampleSelected`` carries the *source* row of the selected sample (-1 when none),
    whatever the sort order.

    The proxy's dynamic sorting is off: it re-sorts on every ``dataChanged``, which
    cost 60 ms per update at 1,000 rows and 0.7 s at 10,000 (one Python ``data()``
    call per comparison). Instead, while predictions stream in, a table sorted by
    a prediction column is re-sorted at most every ``10 x`` the last sort's duration
    (at least every 250 ms), and tables whose sort takes over 50 ms are re-sorted
    once the predictions have been still for a second.
    """

    sampleSelected = Signal(int)

    def __init__(self, model: PredictionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionTable")
        self.source_model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setObjectName("predictionProxy")
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(USER)
        self.proxy.setDynamicSortFilter(False)
        self.setModel(self.proxy)
        self._last_emitted: int | None = None
        self._sort_seconds = 0.0
        self._resort_timer = QTimer(self)
        self._resort_timer.setSingleShot(True)
        self._resort_timer.timeout.connect(self.resort)
        model.dataChanged.connect(self._on_predictions_changed)
        self.proxy.modelReset.connect(self._on_reset)
        self._setup_look()
        self.selectionModel().selectionChanged.connect(self._sync_selection)
        self.selectionModel().currentRowChanged.connect(self._sync_selection)
        self.copy_action = self._make_copy_action()
        self.inputs_folded = False
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._fit_columns()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A language switch: headers and the copy action in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "copy_action"):
            self.source_model.retranslate()
            self.copy_action.setText(translate("PredictionView", "&Copy rows"))

    def _setup_look(self) -> None:
        header = self.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click returns to table order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setDefaultSectionSize(96)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)

    # -- folding the inputs ---------------------------------------------------

    def fold_inputs(self, folded: bool | None = None) -> None:
        """Show only the first FOLDED_INPUTS inputs (``folded`` None: fold when there are more than that).

        The predictions lead the table; many inputs would push them out of sight on a projector.
        Right-click the header to unfold them.
        """
        model = self.source_model
        inputs = model.input_columns()
        if folded is None:
            folded = len(inputs) > FOLDED_INPUTS
        self.inputs_folded = bool(folded) and len(inputs) > FOLDED_INPUTS
        for i, col in enumerate(inputs):
            self.setColumnHidden(col, self.inputs_folded and i >= FOLDED_INPUTS)

    def _header_menu(self, pos) -> None:
        model = self.source_model
        hidden = len(model.input_columns()) - FOLDED_INPUTS
        if hidden <= 0:
            return
        menu = QMenu(self)
        menu.setObjectName("predictionHeaderMenu")
        set_name(menu, translate("PredictionView", "Inputs"))
        if self.inputs_folded:
            action = menu.addAction(fmt(translate("PredictionView", "Show all %1 inputs (%2 folded away)"),
                                        len(model.input_columns()), hidden))
            action.triggered.connect(lambda *_: self.fold_inputs(False))
        else:
            action = menu.addAction(fmt(translate("PredictionView", "Fold the inputs after the first %1"),
                                        FOLDED_INPUTS))
            action.triggered.connect(lambda *_: self.fold_inputs(True))
        action.setObjectName("foldInputsAction")
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def _make_copy_action(self) -> QAction:
        action = QAction(translate("PredictionView", "&Copy rows"), self)
        action.setObjectName("copyPredictionsAction")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda *_: self.copy_rows())
        self.addAction(action)
        return action

    # -- sorting --------------------------------------------------------------

    def resort(self) -> None:
        """Sort again by the header's sort column (no-op when unsorted); timed for the throttle."""
        header = self.horizontalHeader()
        column = header.sortIndicatorSection()
        if column < 0 or column >= self.proxy.columnCount():
            return
        start = time.perf_counter()
        self.proxy.sort(column, header.sortIndicatorOrder())
        self._sort_seconds = time.perf_counter() - start

    def _on_predictions_changed(self, top_left: QModelIndex, *_args) -> None:
        column = self.horizontalHeader().sortIndicatorSection()
        if column < 0 or not self.source_model.is_prediction_column(column):
            return
        if self._sort_seconds > _SLOW_SORT:
            self._resort_timer.start(1000)  # debounce: once the predictions are still
        elif not self._resort_timer.isActive():
            self._resort_timer.start(max(250, int(self._sort_seconds * 10_000)))

    def _fit_columns(self) -> None:
        """Columns as wide as their header text (the body is not measured: stays cheap)."""
        header = self.horizontalHeader()
        for col in range(self.proxy.columnCount()):
            header.resizeSection(col, min(max(header.sectionSizeHint(col), 64), 220))

    def _on_reset(self) -> None:
        self._fit_columns()
        self._sort_seconds = 0.0
        if self.horizontalHeader().sortIndicatorSection() >= 0:
            self._resort_timer.start(0)
        self._sync_selection()

    # -- selection ------------------------------------------------------------

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:  # noqa: N802
        """Repaint only the visible part of a changed block of columns (Qt repaints the whole viewport).

        New predictions change every row of a few columns; in a wide table they are often
        scrolled out of sight, and the full repaint cost 7-9 ms a report for nothing.
        """
        if not (top_left.isValid() and bottom_right.isValid()) or top_left == bottom_right:
            super().dataChanged(top_left, bottom_right, roles)
            return
        rect = self._columns_rect(top_left.column(), bottom_right.column())
        if not rect.isEmpty():
            self.viewport().update(rect)

    def _columns_rect(self, first: int, last: int, only=None) -> QRect:
        """The viewport rectangle (full height) covering the visible columns first..last."""
        header, vp = self.horizontalHeader(), self.viewport()
        left, right = vp.width(), 0
        for c in range(first, last + 1):
            if header.isSectionHidden(c) or (only is not None and not only(c)):
                continue
            x, w = header.sectionViewportPosition(c), header.sectionSize(c)
            if x + w > 0 and x < vp.width():
                left, right = min(left, max(0, x)), max(right, min(vp.width(), x + w))
        return QRect(left, 0, right - left, vp.height()) if right > left else QRect()

    def repaint_predictions(self) -> None:
        """Paint now the visible cells that ``set_predictions`` changes; nothing when they are scrolled away.

        Repainting the whole viewport cost 7 ms a frame for a 64-input table whose prediction
        columns were off screen; the rest of the table repaints itself when it changes.
        """
        model = self.source_model
        rect = self._columns_rect(0, model.columnCount() - 1, model.is_prediction_column)
        if not rect.isEmpty():
            self.viewport().repaint(rect)

    def source_row(self, proxy_row: int) -> int:
        """The PredictionModel row shown at view row ``proxy_row``."""
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def selected_source_row(self) -> int:
        """The source row of the selected sample (the current row if selected), -1 when none."""
        selection = self.selectionModel()
        rows = selection.selectedRows()
        if not rows:
            return -1
        current = self.currentIndex()
        chosen = current if current.isValid() and selection.isRowSelected(current.row(), QModelIndex()) \
            else rows[0]
        return self.proxy.mapToSource(chosen).row()

    def select_source_row(self, row: int) -> None:
        """Select and show the sample at source row ``row`` (-1 clears the selection)."""
        if row < 0:
            self.clearSelection()
            return
        index = self.proxy.mapFromSource(self.source_model.index(row, 0))
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index)

    def select_source_rows(self, rows) -> None:
        """Select the samples at these source rows (none: clears the selection); see :mod:`.row_selection`."""
        row_selection.select_source_rows(self, self.proxy, self.source_model, rows)

    def selected_source_rows(self) -> list[int]:
        """The source rows of every selected sample, ascending."""
        return row_selection.selected_source_rows(self, self.proxy)

    def _sync_selection(self, *_args) -> None:
        row = self.selected_source_row()
        if row != self._last_emitted:
            self._last_emitted = row
            self.sampleSelected.emit(row)

    def copy_rows(self) -> str:
        """Copy the selected rows (with the header line) as tab-separated text."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        if not rows:
            return ""
        columns = range(self.proxy.columnCount())
        lines = ["\t".join(str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
        lines += ["\t".join(str(self.proxy.index(r, c).data() or "") for c in columns) for r in rows]
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text
