"""In front of a class: projector mode (F11), palettes checked for colour blindness, the collapsible
settings dock and the big epoch counter in slow motion."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QLabel, QMenu, QSlider

from nngui.support import colour_vision as cv
from nngui.app import create_main_window
from nngui.views.network_view import EDGE_ALPHA_MIN
from nngui.support.palettes import PALETTES, blend, get_palette
from nngui.support.presentation import FONT_SCALE


SETTINGS_KEYS = ("view/palette", "view/language")


def _forget_settings() -> None:
    """QSettings' file is fixed per process: leave no palette choice behind for other tests."""
    s = QSettings("nngui", "nngui")
    for key in SETTINGS_KEYS:
        s.remove(key)
    s.sync()


@pytest.fixture
def window(qtbot):
    base_font = QApplication.font()
    _forget_settings()
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.presenter.on:
        w.set_presentation(False)
    w.controller.shutdown()
    QApplication.setFont(base_font)  # never leak a projector font into other tests
    _forget_settings()


def find(w, name, cls=QLabel):
    obj = w.findChild(cls, name)
    assert obj is not None, name
    return obj


def strongest_edge_width(w) -> float:
    return max(w.network_view.edge_item(0, i, j).pen().widthF() for i in range(3) for j in range(4))


# ---------------------------------------------------------------------------------- projector mode


def test_projector_mode_scales_fonts_and_lines_and_restores_them(qtbot, window):
    w = window
    app_pt = QApplication.font().pointSizeF()
    menu_pt = w.menuBar().font().pointSizeF()
    train_pen = w.loss_plot.train_item.opts["pen"].widthF()
    edge = strongest_edge_width(w)
    label_pt = find(w, "networkHeader").font().pointSizeF()
    w.set_presentation(True, full_screen=False)
    assert w.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(app_pt * FONT_SCALE)
    qtbot.waitUntil(lambda: w.menuBar().font().pointSizeF() > menu_pt, timeout=3000)  # propagated to widgets
    assert find(w, "networkHeader").font().pointSizeF() > label_pt
    assert "font-size" in w.data_view.styleSheet() and "font-size" in w.prediction_view.styleSheet()
    assert w.loss_plot.train_item.opts["pen"].widthF() > train_pen
    assert strongest_edge_width(w) > edge
    # High contrast: black headers and the high-contrast palette instead of the default one.
    assert "#000" in find(w, "networkHeader").styleSheet()
    assert w.palette_name == "high-contrast"
    assert w.network_view.edge_item(0, 0, 0).pen().color().name() in {
        blend(c, "#ffffff", a).name() for c in (get_palette("high-contrast").negative,
                                                 get_palette("high-contrast").positive)
        for a in np.linspace(EDGE_ALPHA_MIN, 1, 16)}
    # The settings make room for the views, the big epoch counter shows.
    assert not w.settings_dock.isVisible()
    assert find(w, "bigEpochCounter").isVisible()
    w.set_presentation(False)
    assert not w.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(app_pt)
    qtbot.waitUntil(lambda: w.menuBar().font().pointSizeF() == pytest.approx(menu_pt), timeout=3000)
    assert w.loss_plot.train_item.opts["pen"].widthF() == pytest.approx(train_pen)
    assert strongest_edge_width(w) == pytest.approx(edge)
    assert w.data_view.styleSheet() == ""
    assert w.palette_name == "default"
    assert w.settings_dock.isVisible()
    assert not find(w, "bigEpochCounter").isVisible()


def test_f11_toggles_projector_mode_and_full_screen(qtbot, window):
    w = window
    assert w.presentation_action.shortcut().toString() == "F11"
    assert find(w, "viewMenu", QMenu).actions().count(w.presentation_action) == 1
    w.activateWindow()
    w.network_view.setFocus()
    qtbot.keyClick(w.network_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: w.presenter.on, timeout=3000)
    assert w.presentation_action.isChecked() and w.isFullScreen()
    qtbot.keyClick(w.network_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not w.presenter.on, timeout=3000)
    assert not w.isFullScreen() and not w.presentation_action.isChecked()


def test_a_palette_chosen_in_projector_mode_is_kept(window):
    w = window
    w.set_presentation(True, full_screen=False)
    w.palette_actions["colorblind"].trigger()
    assert w.palette_name == "colorblind"
    w.set_presentation(False)
    assert w.palette_name == "colorblind"


# ---------------------------------------------------------------------------------- palettes


def test_palette_menu_lists_every_palette_and_switches_the_diagram(qtbot, window):
    w = window
    menu = find(w, "paletteMenu", QMenu)
    names = [a.objectName() for a in menu.actions()]
    assert names == [f"palette_{n}" for n in PALETTES]
    assert w.palette_actions["default"].isChecked()
    w.findChild(QAction, "palette_colorblind").trigger()
    pal = get_palette("colorblind")
    assert w.palette_name == "colorblind" and w.palette_actions["colorblind"].isChecked()
    colours = {w.network_view.edge_item(0, i, j).pen().color().name() for i in range(3) for j in range(4)}
    allowed = {blend(c, pal.background, a).name() for c in (pal.negative, pal.positive)
               for a in np.linspace(EDGE_ALPHA_MIN, 1, 16)}
    assert colours <= allowed
    assert w.loss_plot.train_item.opts["pen"].color().name() == pal.training
    assert QSettings("nngui", "nngui").value("view/palette") == "colorblind"
    # The next window starts with it.
    w2 = create_main_window()
    w2.persist_state = False
    qtbot.addWidget(w2)
    assert w2.palette_name == "colorblind" and w2.palette_actions["colorblind"].isChecked()
    w2.controller.shutdown()


def test_the_simulation_confuses_a_red_green_pair():
    """Sanity check of the Machado 2009 matrices: a classic red/green pair collapses for deuteranopes."""
    assert cv.delta_e("#d62728", "#2ca02c") > 100
    assert cv.delta_e("#d62728", "#2ca02c", "deuteranopia") < 10
    grey = cv.simulate("#808080", "deuteranopia") * 255
    np.testing.assert_allclose(grey, [128, 128, 128], atol=1.5)  # neutral colours stay as they are


@pytest.mark.parametrize("name", list(PALETTES))
@pytest.mark.parametrize("kind", ["deuteranopia", "protanopia", "tritanopia"])
def test_palettes_stay_distinguishable_with_colour_blindness(name, kind):
    p = get_palette(name)
    # Strongest weights: clearly different colours (ΔE76 > 40) ...
    assert cv.delta_e(p.negative, p.positive, kind) > 40
    # ... the weakest edges (blended over the background) still differ (ΔE > 15) ...
    weak_n = blend(p.negative, p.background, EDGE_ALPHA_MIN).name()
    weak_p = blend(p.positive, p.background, EDGE_ALPHA_MIN).name()
    assert cv.delta_e(weak_n, weak_p, kind) > 15
    # ... and both hues stand out from the neutral grey of a zero weight.
    assert cv.delta_e(p.negative, p.neutral, kind) > 30
    assert cv.delta_e(p.positive, p.neutral, kind) > 30


def test_default_palette_for_deuteranopes_is_blue_against_yellow():
    p = get_palette("default")
    neg, pos = cv.simulate(p.negative), cv.simulate(p.positive)
    assert neg[2] > neg[0] and pos[0] > pos[2]  # blue-ish against yellow-ish, the axis deuteranopes keep
    assert abs(cv.luminance("#%02x%02x%02x" % tuple(np.rint(neg * 255).astype(int)))
               - cv.luminance("#%02x%02x%02x" % tuple(np.rint(pos * 255).astype(int)))) > 0.05


# ---------------------------------------------------------------------------------- settings dock


def test_settings_dock_collapses_and_comes_back(qtbot, window):
    w = window
    action = w.findChild(QAction, "toggleSettingsAction")
    assert action is w.toggle_settings_action and action.isChecked()
    dock = find(w, "settingsDock", QDockWidget)
    action.trigger()
    assert not dock.isVisible() and not action.isChecked() and not w.settings_panel.isVisible()
    find(w, "settingsButton", QAbstractButton).click()
    assert dock.isVisible() and action.isChecked()
    # Projector mode hides it and puts it back as it was.
    w.set_presentation(True, full_screen=False)
    assert not dock.isVisible()
    action.trigger()  # the teacher may still open it
    assert dock.isVisible()
    w.set_presentation(False)
    assert dock.isVisible()


# ---------------------------------------------------------------------------------- the epoch counter


def test_big_epoch_counter_shows_the_epoch_in_slow_motion(qtbot, window):
    w = window
    counter = find(w, "bigEpochCounter")
    assert not counter.isVisible()
    w.set_speed(50)
    assert find(w, "speedSlider", QSlider).value() != len(range(find(w, "speedSlider", QSlider).maximum()))
    assert counter.isVisible()
    assert counter.font().pointSizeF() >= w.status_epoch.font().pointSizeF()
    w.start_training()
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch >= 5, timeout=5000)
    epoch = w.session.report.progress.epoch
    assert counter.plain_text().startswith(f"Epoch {epoch:,} / 1,500")
    assert f"Epoch {epoch:,}" in counter.text()
    w.controller.pause(wait=True)
    assert w.controller.trainer.epoch < 200  # really slow: about 50 epochs a second
    w.set_speed(0)
    assert not counter.isVisible()
