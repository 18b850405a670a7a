"""Selecting several rows of a sorted table view by their source rows (a confusion-matrix cell's rows).

Used by :meth:`nngui.views.prediction_view.PredictionView.select_source_rows`: the rows are
mapped through the view's sort proxy and selected as a few contiguous ranges (one range per
run of neighbouring rows, not one call per row), the first in view order becomes current,
and the view scrolls so that the first is at the top when they are not all in view.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

__all__ = ["runs", "select_source_rows", "selected_source_rows"]


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, distinct ``rows`` as (first, last) runs of neighbours: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def select_source_rows(view: QAbstractItemView, proxy, source, rows: Iterable[int]) -> None:
    """Select ``rows`` of the ``source`` model in ``view`` (which shows it through the sort ``proxy``);
    none: clear the selection."""
    shown = [proxy.mapFromSource(source.index(int(r), 0)) for r in rows]
    proxy_rows = [i.row() for i in shown if i.isValid()]
    if not proxy_rows:
        view.clearSelection()
        return
    selection = QItemSelection()
    last_column = proxy.columnCount() - 1
    for first, last in runs(proxy_rows):
        selection.select(proxy.index(first, 0), proxy.index(last, last_column))
    top, bottom = proxy.index(min(proxy_rows), 0), proxy.index(max(proxy_rows), 0)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(top, flags.NoUpdate)
    view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
    area = view.viewport().rect()
    if not (area.contains(view.visualRect(top)) and area.contains(view.visualRect(bottom))):
        view.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)  # and as many of the others as fit


def selected_source_rows(view: QAbstractItemView, proxy) -> list[int]:
    """The source rows of every selected row of ``view``, ascending."""
    return sorted(proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows())
