"""A huge table's rows reach the prediction table one turn of the event loop after the data table (W8):
what the window shows then is what it shows for a table filled at once."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.presets import get_preset
from nngui.views import live


def shown(w) -> dict:
    m = w.prediction_model
    cells = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    header = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    valid = [m.is_validation_row(r) for r in range(m.rowCount())]
    return {"cells": cells, "header": header, "validation": valid, "accuracy": w.accuracy_label.text(),
            "widths": [w.prediction_view.columnWidth(c) for c in range(m.columnCount())]}


def load(w, preset: str, validation: float = 0.0) -> None:
    p = get_preset(preset)
    w.apply_config(p.config.replace(validation=validation))
    w.data_model.set_dataset(p.dataset())


def test_a_big_table_fills_the_predictions_on_the_next_turn_as_a_small_one_at_once(qtbot, window, monkeypatch):
    load(window, "iris", validation=0.2)
    QApplication.processEvents()
    at_once = shown(window)
    assert len(at_once["cells"]) == 150 and any(at_once["validation"]) and at_once["accuracy"]

    load(window, "loy-xor")
    monkeypatch.setattr(live, "DEFER_ROWS", 100)  # iris's 150 rows count as big now
    load(window, "iris", validation=0.2)
    assert window.prediction_model.rowCount() == 0  # the columns now, the rows a moment later
    assert window.prediction_model.columnCount() == len(at_once["header"])
    qtbot.waitUntil(lambda: window.prediction_model.rowCount() == 150, timeout=5000)
    QApplication.processEvents()
    assert shown(window) == at_once
    assert np.array_equal(window.prediction_model.predictions(), window.controller.snapshot().predictions)


def test_a_newer_table_wins_over_rows_still_on_their_way(qtbot, window, monkeypatch):
    monkeypatch.setattr(live, "DEFER_ROWS", 100)
    load(window, "iris")  # big: its rows wait for the next turn
    load(window, "loy-xor")  # small: shown at once, before iris's turn comes
    for _ in range(5):
        QApplication.processEvents()
    assert window.prediction_model.rowCount() == 4
    assert window.session.trainer.dataset.n_samples == 4
    qtbot.wait(50)
    assert window.prediction_model.rowCount() == 4
