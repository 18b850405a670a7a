"""How the window paints while training: draft loss plot, only the changed table cells."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QRect

from nngui.prediction_model import PredictionModel, PredictionView


class _PaintLog(QObject):
    """Records the rectangles of the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))
        return False


@pytest.fixture
def wide_table(qtbot):
    """A 30-input table: the prediction columns start far right of a 500-px view."""
    rng = np.random.default_rng(0)
    model = PredictionModel()
    model.set_data(rng.normal(size=(40, 30)), rng.normal(size=(40, 1)), [f"x{i}" for i in range(30)], ["y"], None)
    view = PredictionView(model)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    return model, view


def test_predictions_scrolled_away_are_not_painted(wide_table, qtbot):
    model, view = wide_table
    header = view.horizontalHeader()
    assert all(header.sectionViewportPosition(c) >= view.viewport().width()
               for c in range(model.columnCount()) if model.is_prediction_column(c))
    model.set_predictions(np.zeros((40, 1)))
    qtbot.wait(20)
    log = _PaintLog(view.viewport())
    view.repaint_predictions()
    assert log.rects == []


def test_visible_prediction_columns_are_painted_now_and_only_they(wide_table, qtbot):
    model, view = wide_table
    pred_cols = [c for c in range(model.columnCount()) if model.is_prediction_column(c)]
    view.scrollTo(view.model().index(0, pred_cols[-1]))
    qtbot.wait(20)
    model.set_predictions(np.ones((40, 1)))
    log = _PaintLog(view.viewport())
    view.repaint_predictions()
    assert len(log.rects) == 1
    header = view.horizontalHeader()
    left = max(0, min(header.sectionViewportPosition(c) for c in pred_cols))
    assert log.rects[0].left() == left and log.rects[0].height() == view.viewport().height()
    assert log.rects[0].width() < view.viewport().width() or left == 0


def test_loss_plot_is_drafted_while_training_and_antialiased_after(window, qtbot):
    import pyqtgraph as pg

    assert pg.getConfigOption("antialias")  # the app turns it on
    assert not window.loss_plot.draft
    window.apply_config(window.controller.trainer.config.replace(epochs=2_000_000))
    assert window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=5000)
    assert window.loss_plot.draft
    assert not window.loss_plot.train_item.curve.opts["antialias"]
    window.pause_training() if hasattr(window, "pause_training") else window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=5000)
    qtbot.waitUntil(lambda: not window.loss_plot.draft, timeout=3000)
    assert window.loss_plot.train_item.curve.opts["antialias"]
