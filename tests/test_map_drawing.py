"""The decision map: drawing points with the mouse (one undo step each), hollow validation points and the
Show validation points / Discretise output toggles."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import find
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QToolButton

from nngui.files.new_data_set import apply_new_data_set
from nngui.support.palettes import get_palette
from nngui.views.decision_map import class_colours, diverging, lighten, to_rgba8
from nngui.views.map_drawing import point_classes, snap


def settle(qtbot, w):
    qtbot.waitUntil(lambda: w.controller.state != "running", timeout=20000)
    dm = w.decision_map
    qtbot.waitUntil(lambda: dm.session is not None and dm.drawn_report is w.session.report, timeout=5000)
    qtbot.waitUntil(lambda: find(w, "drawPointsButton").width() > 0, timeout=3000)  # laid out


def steps(qtbot, w, n):
    with qtbot.waitSignal(w.controller.finished, timeout=20000):
        w.step(n)
    settle(qtbot, w)


def pixel(dm, x, y):
    """The plot's viewport pixel of the point (x, y) in input units."""
    vb = dm.plot.getPlotItem().getViewBox()
    return dm.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def click(qtbot, dm, x, y, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(dm.plot.viewport(), button, pos=pixel(dm, x, y))


def start_drawing(qtbot, w, label):
    button = find(w, "drawPointsButton", QToolButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    combo = find(w, "drawClassCombo", QComboBox)
    assert button.isChecked() and combo.isVisible()
    combo.setCurrentIndex(combo.findData(float(label)))
    return combo


def test_drawing_is_offered_for_two_inputs_and_a_class_target_only(qtbot, window):
    button = find(window, "drawPointsButton", QToolButton)
    window.load_preset("circle")  # 0/1 under a sigmoid
    settle(qtbot, window)
    assert button.isEnabled() and window.views.map_drawing.classes == [0.0, 1.0]
    window.load_preset("spiral")  # classes under softmax + ce
    settle(qtbot, window)
    assert button.isEnabled() and window.views.map_drawing.classes == [0.0, 1.0, 2.0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.views.map_drawing.drawing
    window.load_preset("iris")  # four inputs
    assert not button.isEnabled() and not button.isChecked() and not window.views.map_drawing.drawing
    window.load_preset("circle")
    window.apply_config(window.settings_panel.config().replace(output_activation="linear", loss="mse"))
    assert apply_new_data_set(window, "plane", 50, 0.0, 1, 0.0)  # two inputs, a regression target
    settle(qtbot, window)
    assert not window.decision_map.is_placeholder() and not button.isEnabled()
    assert point_classes(window.insight.session) is None


def test_a_click_adds_a_point_of_the_chosen_class_in_one_undo_step(qtbot, window):
    window.load_preset("circle")
    settle(qtbot, window)
    dm, dmodel = window.decision_map, window.data_model
    n = dmodel.rowCount()
    before = dmodel.values()
    combo = start_drawing(qtbot, window, 1)
    # The swatch of each class is the colour its points have on the map.
    assert combo.itemIcon(1).pixmap(12, 12).toImage().pixelColor(6, 6).name() == get_palette("default").positive
    window.set_palette("colorblind", remember=False)  # the swatches follow the palette
    assert combo.itemIcon(1).pixmap(12, 12).toImage().pixelColor(6, 6).name() == get_palette("colorblind").positive
    assert combo.currentData() == 1.0
    window.set_palette("default", remember=False)
    steps_before = window.undo_stack.count()
    click(qtbot, dm, 0.3, -0.2)
    assert dmodel.rowCount() == n + 1 and window.undo_stack.count() == steps_before + 1
    vb = dm.plot.getPlotItem().getViewBox()
    where = vb.mapSceneToView(dm.plot.mapToScene(pixel(dm, 0.3, -0.2)))
    b = dm.bounds
    row = dmodel.values()[n]
    assert row.tolist() == [snap(where.x(), b.width), snap(where.y(), b.height), 1.0]
    assert abs(row[0] - 0.3) < 0.02 and abs(row[1] + 0.2) < 0.02  # one pixel of this map is ~0.01
    assert np.array_equal(dmodel.values()[:n], before)  # nothing else changed
    assert "class 1" in window.undo_stack.undoText()
    # The table follows: the trainer and the map have the new row.
    settle(qtbot, window)
    assert window.controller.trainer.dataset.n_samples == n + 1
    assert np.array_equal(dm.session.X[n], row[:2]) and n in dm.drawn_points
    window.undo_stack.undo()
    assert dmodel.rowCount() == n and np.array_equal(dmodel.values(), before)
    window.undo_stack.redo()
    assert dmodel.rowCount() == n + 1 and np.array_equal(dmodel.values()[n], row)
    # Another class, another click: class 0 at another place.
    settle(qtbot, window)
    combo.setCurrentIndex(0)
    click(qtbot, dm, -0.5, 0.5)
    assert dmodel.rowCount() == n + 2 and dmodel.values()[n + 1][2] == 0.0


def test_a_right_click_removes_the_nearest_point_in_one_undo_step(qtbot, window):
    window.load_preset("circle")
    settle(qtbot, window)
    dm, dmodel = window.decision_map, window.data_model
    before = dmodel.values()
    X = before[:, :2]
    target = 17
    start_drawing(qtbot, window, 0)
    x, y = X[target]
    click(qtbot, dm, x + 0.004, y - 0.004, Qt.MouseButton.RightButton)
    assert dmodel.rowCount() == len(before) - 1
    assert np.array_equal(dmodel.values(), np.delete(before, target, axis=0))
    assert "row 18" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert np.array_equal(dmodel.values(), before)
    window.undo_stack.redo()
    assert np.array_equal(dmodel.values(), np.delete(before, target, axis=0))


def test_without_draw_mode_clicks_leave_the_table_and_a_right_click_offers_the_toggles(qtbot, window):
    window.load_preset("circle")
    settle(qtbot, window)
    dm = window.decision_map
    n = window.data_model.rowCount()
    click(qtbot, dm, 0.1, 0.1)
    assert window.data_model.rowCount() == n and window.undo_stack.count() == 0
    menu = window.views.map_drawing.context_menu()
    names = [a.objectName() for a in menu.actions()]
    assert names == ["showValidationPointsAction", "discretiseOutputAction"]
    view_menu = [a.objectName() for a in window.findChild(type(menu), "viewMenu").actions()]
    assert "showValidationPointsAction" in view_menu and "discretiseOutputAction" in view_menu
    click(qtbot, dm, 0.1, 0.1, Qt.MouseButton.RightButton)
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    menu.close()
    assert window.data_model.rowCount() == n


def test_validation_points_are_hollow_and_can_be_hidden(qtbot, window):
    window.load_preset("circle")
    window.apply_config(window.settings_panel.config().replace(validation=0.3))
    settle(qtbot, window)
    dm = window.decision_map
    t = window.controller.trainer
    assert len(t.val_rows) == 60
    assert np.array_equal(dm.hollow_points, np.sort(t.val_rows))
    palette = get_palette("default")
    spots = {int(i): s for i, s in zip(dm.drawn_points, dm.points_item.points())}
    for r in t.val_rows[:10]:
        s = spots[int(r)]
        colour = palette.positive if t.dataset.Y[r, 0] == 1 else palette.negative
        assert s.brush().style() == Qt.BrushStyle.NoBrush and s.pen().color().name() == colour
        assert s.pen().widthF() == 2.0
    for r in t.train_rows[:10]:
        s = spots[int(r)]
        assert s.brush().style() == Qt.BrushStyle.SolidPattern and s.pen().color().name() == "#282828"
    assert (s.pos().x(), s.pos().y()) == tuple(t.dataset.X[r])
    assert "\u25cb&nbsp;validation" in dm.legend.text()
    window.show_validation_action.trigger()  # View > Show validation points: off
    assert not window.show_validation_action.isChecked()
    assert np.array_equal(dm.drawn_points, np.sort(t.train_rows)) and len(dm.points_item.points()) == 140
    assert dm.hollow_points.size == 0 and "validation" not in dm.legend.text()
    window.show_validation_action.trigger()
    assert len(dm.points_item.points()) == 200


@pytest.mark.parametrize("preset", ["circle", "spiral"])
def test_the_discretised_map_has_only_the_class_colours(qtbot, window, preset):
    window.load_preset(preset)
    steps(qtbot, window, 300)
    dm = window.decision_map
    blended = dm.rgba.copy()
    window.discretise_action.trigger()
    assert window.discretise_action.isChecked() and dm.discrete
    palette = get_palette("default")
    out = dm.plane.output
    if preset == "spiral":
        colours = to_rgba8(lighten(class_colours(3, palette)))
        expected = colours[np.argmax(out, axis=-1)]
    else:
        colours = to_rgba8(lighten(diverging(np.array([-1.0, 1.0]), palette)))
        expected = colours[(out[..., 0] >= 0.5).astype(int)]
    assert {tuple(p) for p in dm.rgba.reshape(-1, 4)} <= {tuple(c) for c in colours}
    assert np.array_equal(dm.rgba, expected) and not np.array_equal(dm.rgba, blended)
    assert len({tuple(p) for p in dm.rgba.reshape(-1, 4)}) >= 2  # both sides of the boundary are in view
    assert np.array_equal(dm.image_item.image, dm.rgba.transpose(1, 0, 2))
    window.discretise_action.trigger()
    assert np.array_equal(dm.rgba, blended)


def test_the_toggles_are_saved_in_the_project(qtbot, window, tmp_path):
    window.load_preset("circle")
    window.discretise_action.trigger()
    window.show_validation_action.trigger()
    path = tmp_path / "toggles.nngui.json"
    assert window.save_project(path)
    window.discretise_action.trigger()
    window.show_validation_action.trigger()
    assert window.load_project(path)
    assert window.discretise_action.isChecked() and not window.show_validation_action.isChecked()
    assert window.decision_map.discrete and not window.decision_map.show_validation
