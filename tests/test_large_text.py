"""Issue 18, large text: the whole window follows the system's font size. With the application font 1.5 and
2 times the usual size, a 1280x720 window (a projector) still shows every text whole or elided on purpose
(tests/fit_check.py), and the diagram's and the loss plot's own text grows with it.

(The suite also runs at QT_SCALE_FACTOR 1.5 and 2 in ``make test-matrix``: that scales whole pixels, this
scales the text alone, as a system's "larger text" setting does.)
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fit_check import unfitting
from nngui.app import create_main_window, train_synchronously
from nngui.support import i18n
from nngui.support.accessibility import text_scale


@pytest.fixture
def larger_text(qapp):
    base = QFont(QApplication.font())

    def scale(factor: float) -> None:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * factor)
        QApplication.setFont(font)

    yield scale
    QApplication.setFont(base)
    i18n.install("en")


def _window(qtbot, preset, language="en"):
    w = create_main_window(preset=preset, language=language)
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(30)


def _diagram_px(w) -> dict[str, int]:
    """The pixel size of each kind of word the diagram draws (titles, names, legend...): the largest per size."""
    return sorted({item.font().pixelSize() for item in w.network_view.label_items()})


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("factor", [1.5, 2.0])
@pytest.mark.parametrize("preset", ["loy-xor", "iris", "spiral"])  # (spiral: the map's legend wraps onto 3 lines)
def test_larger_text_fits_a_1280x720_window(qtbot, larger_text, preset, factor, language):
    normal = _window(qtbot, preset, language)
    try:
        normal_px = _diagram_px(normal)
        normal_axis = normal.loss_plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSize()
    finally:
        normal.controller.shutdown()
        normal.close()
    larger_text(factor)
    assert text_scale() == pytest.approx(factor, rel=0.05)
    w = _window(qtbot, preset, language)
    try:
        assert train_synchronously(w, 5)
        _settle(qtbot)
        assert (w.width(), w.height()) == (1280, 720)  # the window still fits the projector
        assert unfitting(w) == []
        px = _diagram_px(w)
        assert min(px) >= round(min(normal_px) * factor) - 1 and max(px) >= round(max(normal_px) * factor) - 1
        axis = w.loss_plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSize()
        assert axis >= round(normal_axis * factor) - 1
    finally:
        w.controller.shutdown()


def test_the_diagram_follows_a_font_change_at_run_time(qtbot, larger_text):
    w = _window(qtbot, "circle")
    try:
        before = _diagram_px(w)
        larger_text(1.5)
        _settle(qtbot)
        after = _diagram_px(w)
        assert min(after) >= round(min(before) * 1.5) - 1
        assert w.access.diagram.layers() == 3  # the diagram was built again, still navigable
    finally:
        w.controller.shutdown()


@pytest.mark.parametrize("rate", [12.0, 1_234_567.0])
def test_the_status_fields_while_training_never_widen_the_window(qtbot, larger_text, rate):
    """At 2x text every field of the status bar is shown while training (epoch, loss and validation loss,
    score, speed, time, progress): with the slack each keeps for more digits they once needed 1,298 px and
    widened a 1280x720 window for good. They give the slack back instead."""
    import dataclasses

    larger_text(2.0)
    w = _window(qtbot, "iris", "en")
    try:
        assert train_synchronously(w, 5)
        _settle(qtbot)
        rep = dataclasses.replace(w.controller.last_report, epochs_per_second=rate)
        w.views.status.show(rep, live=True)  # as LiveViews shows a report while training
        _settle(qtbot)
        assert (w.width(), w.height()) == (1280, 720)
        speed = w.views.status.speed
        assert speed.width() >= speed.fontMetrics().horizontalAdvance(speed.text())  # the rate is shown whole
    finally:
        w.controller.shutdown()
