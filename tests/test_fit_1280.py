"""Nothing clipped at 1280x720 (a projector), in normal and projector mode, for every preset."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from core.presets import PRESETS
from nngui.app import create_main_window
from nngui.support import i18n
from fit_check import unfitting


@pytest.fixture
def window(qtbot):
    base_font = QApplication.font()
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.presenter.on:
        w.set_presentation(False, full_screen=False)
    w.controller.shutdown()
    QApplication.setFont(base_font)
    i18n.install("en")  # never leave Chinese installed for other tests


def _settle(qtbot, w) -> None:
    QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_text_fits_at_1280x720(qtbot, window, preset, projector, language):
    if language != "en":
        window.set_language(language)
    window.load_preset(preset)
    window.step(5)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=20000)
    if projector:
        window.set_presentation(True, full_screen=False)
    _settle(qtbot, window)
    assert unfitting(window) == []


WINE_COLUMNS = ("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                "od280/od315_of_diluted_wines", "proline")


def write_wine_like(path, rows: int = 60) -> None:
    """A table shaped like UCI wine: 13 named inputs with their real ranges, classes 0/1/2 last."""
    rng = np.random.default_rng(7)
    lows = np.array([11, 0.7, 1.4, 10, 70, 1, 0.3, 0.1, 0.4, 1.3, 0.5, 1.3, 280])
    highs = np.array([15, 5.8, 3.2, 30, 162, 3.9, 5.1, 0.7, 3.6, 13, 1.7, 4, 1680])
    X = lows + rng.random((rows, 13)) * (highs - lows)
    y = np.arange(rows) % 3
    lines = [",".join(WINE_COLUMNS + ("class",))]
    lines += [",".join(f"{v:.3g}" for v in x) + f",{c}" for x, c in zip(X, y)]
    path.write_text("\n".join(lines) + "\n")


def lead_columns_in_view(window) -> list[str]:
    """The prediction table's columns before the inputs that are not wholly inside its viewport."""
    view = window.prediction_view
    model = view.model()
    header = view.horizontalHeader()
    out = []
    for col in range(model.columnCount()):
        name = str(model.headerData(col, Qt.Orientation.Horizontal))
        if col in window.prediction_model.input_columns():
            break
        left = header.sectionViewportPosition(header.logicalIndex(col))
        if left < 0 or left + header.sectionSize(col) > view.viewport().width():
            out.append(name)
    return out


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("source", ["iris", "wine"])
def test_the_predictions_are_in_view_after_loading(qtbot, window, tmp_path, source, projector):
    if source == "wine":
        write_wine_like(tmp_path / "wine.csv")
        assert window.import_csv(tmp_path / "wine.csv", background=False)
    else:
        window.load_preset(source)
    if projector:
        window.set_presentation(True, full_screen=False)
    window.step(3)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=20000)
    _settle(qtbot, window)
    assert window.prediction_model.predictions() is not None
    assert lead_columns_in_view(window) == []
    assert unfitting(window) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_settings_need_no_scrolling_at_1280x720(qtbot, window, language):
    """Every setting, down to "Stop at 100 % accuracy", is in view without scrolling."""
    window.set_language(language)
    window.load_preset("iris")
    _settle(qtbot, window)
    check = window.settings_panel.stop_accuracy_check
    area = next(a for a in window.findChildren(QScrollArea) if a.isAncestorOf(check))
    assert area.verticalScrollBar().maximum() == 0
    assert not check.visibleRegion().isEmpty()
    assert check.visibleRegion().boundingRect().height() == check.height()


@pytest.mark.parametrize("preset", ["loy-xor", "spiral", "iris"])
def test_every_text_fits_at_1920x1080(qtbot, window, preset):
    window.resize(1920, 1080)
    window.load_preset(preset)
    window.step(5)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=20000)
    _settle(qtbot, window)
    assert unfitting(window) == []
    assert lead_columns_in_view(window) == []


def _looks(window) -> dict:
    """Every visible widget's font and style sheet, by object name and class."""
    return {w: (w.font().toString(), w.styleSheet()) for w in window.findChildren(QWidget) if w.isVisible()}


@pytest.mark.parametrize("preset", ["iris", "loy-xor"])
def test_leaving_projector_mode_restores_every_font_and_style(qtbot, window, preset):
    window.load_preset(preset)
    window.step(20)
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=20000)
    _settle(qtbot, window)
    assert window.accuracy_label.text()  # the label the issue saw keep the big font
    before = _looks(window)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.presenter.on, timeout=3000)
    window.step(20)  # a report drawn in projector mode
    qtbot.waitUntil(lambda: window.controller.state != "running", timeout=20000)
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: window.accuracy_label.font().pointSizeF() > QApplication.font().pointSizeF() / 1.2,
                    timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.presenter.on, timeout=3000)
    _settle(qtbot, window)
    after = _looks(window)
    assert len(after) >= len(before) - 2  # the same widgets are back (give or take a tooltip)
    changed = {w.objectName() or type(w).__name__: (before[w], after[w]) for w in before
               if w in after and after[w] != before[w]}
    assert changed == {}
