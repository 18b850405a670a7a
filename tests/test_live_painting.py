"""How the window paints while training: draft loss plot, only the changed table cells."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject

from nngui.views.prediction_model import PredictionModel
from nngui.views.prediction_view import PredictionView

from helpers import PaintLog


@pytest.fixture
def wide_table(qtbot):
    """A 30-input table in a 500-px view (the predictions lead; the inputs follow, unfolded)."""
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
    view.fold_inputs(False)
    view.scrollTo(view.model().index(0, model.columnCount() - 1))  # the last input: predictions out of view
    qtbot.wait(20)
    header = view.horizontalHeader()
    assert all(header.sectionViewportPosition(c) + header.sectionSize(c) <= 0
               for c in range(model.columnCount()) if model.is_prediction_column(c))
    model.set_predictions(np.zeros((40, 1)))
    qtbot.wait(20)
    log = PaintLog(view.viewport())
    view.repaint_predictions()
    assert log.rects == []


def test_visible_prediction_columns_are_painted_now_and_only_they(wide_table, qtbot):
    model, view = wide_table
    pred_cols = [c for c in range(model.columnCount()) if model.is_prediction_column(c)]
    view.scrollTo(view.model().index(0, pred_cols[-1]))
    qtbot.wait(20)
    model.set_predictions(np.ones((40, 1)))
    log = PaintLog(view.viewport())
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
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=5000)
    qtbot.waitUntil(lambda: not window.loss_plot.draft, timeout=3000)
    assert window.loss_plot.train_item.curve.opts["antialias"]


def test_network_view_live_mode_still_shows_changes_made_outside_the_flush(qtbot):
    from PySide6.QtWidgets import QGraphicsView

    from core.network import Architecture
    from nngui.views.network_view import NetworkView

    arch = Architecture.build(3, (4,), 1, "sigmoid", "sigmoid", True, "sse")
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_architecture(arch, ["a", "b", "c"], ["y"])
    rng = np.random.default_rng(0)
    view.set_weights([(rng.normal(size=(3, 4)), rng.normal(size=4)), (rng.normal(size=(4, 1)), rng.normal(size=1))])
    normal = view.viewportUpdateMode()
    view.set_live(True)
    assert view.live and view.viewportUpdateMode() == QGraphicsView.ViewportUpdateMode.NoViewportUpdate
    qtbot.wait(30)
    log = PaintLog(view.viewport())
    view.set_sample([np.ones(3), np.full(4, 0.5), np.full(1, 0.2)])  # a row selected while training
    qtbot.waitUntil(lambda: len(log.rects) >= 1, timeout=2000)
    view.set_live(False)
    assert not view.live and view.viewportUpdateMode() == normal


def test_network_view_draws_without_antialiasing_only_while_live(qtbot):
    from PySide6.QtGui import QPainter

    from nngui.views.network_view import NetworkView

    view = NetworkView()
    qtbot.addWidget(view)
    aa = QPainter.RenderHint.Antialiasing
    assert view.renderHints() & aa
    view.set_live(True)
    assert not view.renderHints() & aa
    view.set_live(False)
    assert view.renderHints() & aa


def test_window_views_are_live_only_while_training(window, qtbot):
    assert not window.network_view.live
    window.apply_config(window.controller.trainer.config.replace(epochs=2_000_000))
    assert window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=5000)
    assert window.network_view.live
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=5000)
    assert not window.network_view.live


def test_status_text_while_training_does_not_relayout_the_window(window, qtbot):
    """Whatever the font: a live text that fits the label's slack asks for no layout, and the label keeps its size.

    A label that changes its size hint invalidates the status bar's layout, which posts a LayoutRequest to the
    status bar; only after that can the window relayout. So the bar's LayoutRequests are what the label causes
    (the window's own ones can come from anything else settling in it, e.g. on a busy machine).
    """
    from nngui.views.status_bar import set_status_text as _set_status_text

    label, bar = window.status_epoch, window.statusBar()
    qtbot.waitExposed(window)
    bar.clearMessage()  # a temporary message hides the label (and relayouts the bar)
    requests = []

    class _Layouts(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(obj)
            return False

    watcher = _Layouts()
    bar.installEventFilter(watcher)
    _set_status_text(label, "Epoch 1 / 1,000", live=True)  # the first live text fixes the size
    qtbot.waitUntil(lambda: bool(requests))  # ... which relayouts the bar once
    qtbot.wait(20)
    width = label.width()
    assert width >= label.fontMetrics().horizontalAdvance("Epoch 1 / 1,000")
    requests.clear()
    for epoch in (2, 5, 9, 40, 99):  # a few more digits fit in the slack
        _set_status_text(label, f"Epoch {epoch} / 1,000", live=True)
        assert label.text() == f"Epoch {epoch} / 1,000"
    qtbot.wait(20)
    assert requests == [] and label.width() == width
    _set_status_text(label, "Epoch 1,000,000,000 / 2,000,000,000", live=True)  # longer text: the label grows
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    qtbot.waitUntil(lambda: bool(requests))  # (and that does relayout: the watcher sees it)
    _set_status_text(label, "Epoch 5", live=False)  # at rest: natural size again
    assert label.minimumWidth() == 0 and label.text() == "Epoch 5"


def test_press_train_prompt_goes_when_training_starts(window, qtbot):
    window.reset()
    assert "press Train" in window.statusBar().currentMessage()
    window.apply_config(window.controller.trainer.config.replace(epochs=2_000_000))
    assert window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=5000)
    assert "press Train" not in window.statusBar().currentMessage()
    window.controller.pause()
