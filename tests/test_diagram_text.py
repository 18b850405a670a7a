"""The diagram's words at the window sizes that matter (a 1280x720 projector, 1920x1080): never under
11 px (16 px in projector mode) on screen, never over each other, the nodes or the view's edge; up to 16
units drawn per layer; long names elided with the whole name on hover. Projector mode scales the
diagram, the decision map and the loss plot, and leaving it puts every size back."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QStyle, QToolTip, QWidget

from core.presets import PRESETS
from nngui.app import create_main_window, train_synchronously
from nngui.views import network_layout
from nngui.views.network_view import MAX_UNITS

MIN_PX = {False: 11, True: 16}  # smallest text on screen: normal, projector mode


@pytest.fixture
def make_window(qtbot):
    base_font = QApplication.font()
    made = []

    def make(preset: str | None = "loy-xor", size=(1280, 720)):
        w = create_main_window(preset=preset)
        w.persist_state = False
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.set_default_splits()  # as the app does for --screenshot
        settle(qtbot)
        made.append(w)
        return w

    yield make
    for w in made:
        if w.presenter.on:
            w.set_presentation(False)
        w.controller.shutdown()
    QApplication.setFont(base_font)


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def word_rects(view) -> list[tuple[str, QRectF]]:
    """Every word of the diagram with its rectangle in viewport pixels."""
    t = view.viewportTransform()
    return [(item.text(), t.mapRect(item.sceneBoundingRect())) for item in view.label_items()]


def diagram_problems(view, min_px: int) -> list[str]:
    """What is wrong with the diagram's words: too small, overlapping, over a node or cut by the edge."""
    problems = []
    scale = view.viewportTransform().m22()
    for item in view.label_items():
        px = item.font().pixelSize() * scale
        if px < min_px:
            problems.append(f"{item.text()!r} is {px:.1f} px")
    words = word_rects(view)
    area = QRectF(view.viewport().rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    for text, rect in words:
        if not area.contains(rect):
            problems.append(f"{text!r} is cut by the view's edge: {rect.getRect()}")
    for i, (a, ra) in enumerate(words):
        for b, rb in words[i + 1:]:
            if ra.intersects(rb):
                problems.append(f"{a!r} overlaps {b!r}")
    t = view.viewportTransform()
    for layer in range(_count_layers(view)):
        for unit in range(view.shown_units(layer)):
            node = t.mapRect(view.node_item(layer, unit).sceneBoundingRect())
            problems += [f"{text!r} covers unit {unit} of layer {layer}" for text, r in words if r.intersects(node)]
    return problems


def _count_layers(view) -> int:
    count = 0
    while True:
        try:
            view.shown_units(count)
        except IndexError:
            return count
        count += 1


def name_pitch(view) -> float:
    """The distance a unit's name needs: its font's line height in whole pixels (scene units)."""
    name = next(item for item in view.label_items() if item.text() == view.unit_name(0, 0))
    return math.ceil(QFontMetricsF(name.font()).height())


def hidden_pitch(presentation: bool) -> float:
    """The smallest distance between hidden units (the layout's ``p_min``)."""
    return network_layout.LOOK[presentation][5]


def check_column(view, layer: int, n: int, pitch: float, floor: int = 8) -> int:
    """Layer ``layer`` draws as many of its ``n`` units as fit ``pitch`` apart, at most MAX_UNITS and at
    least ``floor``, each with its lines, and says how many are left out; returns how many it draws.

    The layout draws k units when its room is at least (k - 1) pitches and, unless all of them or MAX_UNITS
    are drawn, less than k, the room one more would need: the units' span (the room, or less) is then
    short of k pitches.
    """
    k = view.shown_units(layer)
    assert min(n, floor) <= k <= min(n, MAX_UNITS), (layer, k)
    assert view.node_item(layer, k - 1) is not None and view.node_item(layer, k) is None
    assert view.more_label(layer) == (f"+{n - k} more" if k < n else ""), (layer, k)
    last = _count_layers(view) - 1
    edge = (lambda u: view.edge_item(layer, u, 0)) if layer < last else (lambda u: view.edge_item(layer - 1, 0, u))
    assert edge(k - 1) is not None and edge(k) is None, (layer, k)
    ys = [view.node_item(layer, u).sceneBoundingRect().center().y() for u in (0, k - 1)]
    span = ys[1] - ys[0]
    assert span >= (k - 1) * pitch - 1e-6, f"layer {layer}: {k} units in {span:.1f}, less than {pitch} apart"
    assert k == min(n, MAX_UNITS) or span < k * pitch, \
        f"layer {layer}: {k} of {n} units drawn in {span:.1f}, room for one more at {pitch}"
    return k


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_preset_has_legible_words_apart_in_both_modes(qtbot, make_window, size):
    w = make_window("loy-xor", size)
    problems = []
    for name in PRESETS:
        w.load_preset(name)
        settle(qtbot)
        for on in (False, True):
            w.set_presentation(on, full_screen=False)
            settle(qtbot)
            problems += [f"{name} {'projector' if on else 'normal'}: {p}"
                         for p in diagram_problems(w.network_view, MIN_PX[on])]
            assert w.network_view.label_items()
    assert not problems, "\n".join(problems)


def test_six_hidden_layers_of_64_keep_their_words_legible(qtbot, make_window):
    w = make_window("spiral")
    w.apply_config(dataclasses.replace(w.settings_panel.config(), hidden=(64,) * 6))
    settle(qtbot)
    view = w.network_view
    assert _count_layers(view) == 8
    sizes = [2] + [64] * 6 + [3]
    normal = [check_column(view, l, n, name_pitch(view) if l in (0, 7) else hidden_pitch(False))
              for l, n in enumerate(sizes)]
    assert not diagram_problems(view, MIN_PX[False])
    w.set_presentation(True, full_screen=False)
    settle(qtbot)
    assert not diagram_problems(view, MIN_PX[True])
    # Fewer units fit at projector size: the "+N more" says how many are left out.
    for l, n in enumerate(sizes):
        named = l in (0, 7)
        shown = check_column(view, l, n, name_pitch(view) if named else hidden_pitch(True), 8 if named else 4)
        assert shown <= normal[l]


def _csv(path, names: list[str], rows: int = 12) -> str:
    rng = np.random.default_rng(0)
    lines = [",".join(names)]
    lines += [",".join(f"{v:.3f}" for v in rng.random(len(names) - 1)) + f",{i % 2}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


WINE = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
        "proline", "class"]


def test_thirteen_inputs_are_drawn_as_room_allows_and_a_long_name_is_elided_with_hover(qtbot, make_window,
                                                                                       tmp_path):
    """The long name is moved up to the eighth column: every font leaves room for eight names."""
    names = WINE[:7] + WINE[11:12] + WINE[7:11] + WINE[12:]
    w = make_window()
    assert w.open_file(_csv(tmp_path / "wine.csv", names))
    settle(qtbot)
    view = w.network_view
    k = check_column(view, 0, 13, name_pitch(view))
    assert not diagram_problems(view, MIN_PX[False])
    texts = {item.text(): item for item in view.label_items()}
    assert "alcalinity_of_ash" in texts  # whole: there is room
    # Each name drawn is whole or a start of it and "…"; only names wider than every whole one are cut.
    drawn = [next(t for t in texts if t == name or len(t) > 1 and t.endswith("…") and name.startswith(t[:-1]))
             for name in names[:k]]
    width = QFontMetricsF(texts[drawn[0]].font()).horizontalAdvance
    whole = [width(name) for name, t in zip(names, drawn) if t == name]
    assert all(width(name) > max(whole) for name, t in zip(names, drawn) if t != name)
    long = names[7]
    assert drawn[7] != long
    centre = texts[drawn[7]].sceneBoundingRect().center()
    assert view.hover_target_at(centre) == ("node", 0, 7)
    assert view.hover_text_at(centre).startswith(long)
    # The tooltip over the name is the unit's text, whole name first.
    pos = view.mapFromScene(centre)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    assert QApplication.sendEvent(view.viewport(), event)  # as Qt delivers it (the view's tooltip filter)
    assert QToolTip.text().startswith(long)
    QToolTip.hideText()


def test_twenty_inputs_show_up_to_sixteen_and_say_how_many_more(qtbot, make_window, tmp_path):
    w = make_window()
    assert w.open_file(_csv(tmp_path / "wide.csv", [f"feature_{i}" for i in range(20)] + ["target"]))
    settle(qtbot)
    view = w.network_view
    check_column(view, 0, 20, name_pitch(view))
    assert not diagram_problems(view, MIN_PX[False])


def test_an_elided_header_shows_whole_on_hover(qtbot, make_window):
    """Twenty hidden layers leave columns too narrow for "Hidden 12" or "sigmoid": a hidden layer is named
    by its number, the rest elided, and hovering a shortened word shows it whole."""
    w = make_window("loy-xor")
    w.apply_config(dataclasses.replace(w.settings_panel.config(), hidden=(4,) * 20))
    settle(qtbot)
    view = w.network_view
    assert not diagram_problems(view, MIN_PX[False])
    texts = {item.text(): item for item in view.label_items()}
    assert "12" in texts and "Hidden 12" not in texts
    short = [item for text, item in texts.items() if text.endswith("…") or text.isdigit()]
    whole = {view.hover_text_at(item.sceneBoundingRect().center()) for item in short}
    assert {"Hidden 12", "sigmoid"} <= whole
    assert all(text and not text.endswith("…") for text in whole)
    assert view.hover_text_at(texts["Input"].sceneBoundingRect().center()) == ""  # whole already: no tip


def _looks(w) -> dict:
    """Every size projector mode changes in the diagram, the decision map and the loss plot."""
    view, dm, plot = w.network_view, w.decision_map, w.loss_plot
    dpi = dm.plot.getPlotItem()
    lpi = plot.getPlotItem()
    return {
        "diagram words": sorted((i.text(), i.font().pixelSize(), i.font().bold()) for i in view.label_items()),
        "diagram edge": view.edge_item(0, 0, 0).pen().widthF(),
        "map ticks": [dpi.getAxis(a).style["tickFont"].pointSizeF() for a in ("bottom", "left")],
        "map axis names": [dpi.getAxis(a).labelStyle.get("font-size") for a in ("bottom", "left")],
        "map points": dm.points_item.opts["size"],
        "map legend": dm.legend.fontInfo().pixelSize(),
        "plot ticks": [lpi.getAxis(a).style["tickFont"].pointSizeF() for a in ("bottom", "left")],
        "plot axis names": [lpi.getAxis(a).labelStyle.get("font-size") for a in ("bottom", "left")],
        "plot legend": [label.opts.get("size") for _sample, label in plot.legend.items],
        "plot line": plot.train_item.opts["pen"].widthF(),
    }


def _styled_fonts(w) -> dict[str, float]:
    """Point sizes of the visible widgets that have a style sheet (their font is resolved when it is set)."""
    return {f"{type(x).__name__} {x.objectName()}": x.font().pointSizeF()
            for x in w.findChildren(QWidget) if x.styleSheet() and x.isVisible()}


def _size(value) -> float:
    if isinstance(value, str):
        return float(value.rstrip("ptx"))
    if isinstance(value, (list, tuple)):
        return sum(_size(v) for v in value)
    return float(value)


def test_projector_mode_scales_every_view_and_leaving_restores_them_exactly(qtbot, make_window):
    w = make_window("spiral")
    assert train_synchronously(w, 30)
    settle(qtbot)
    before, styled = _looks(w), _styled_fonts(w)
    assert "ElidedLabel decisionMapReadout" in styled
    w.set_presentation(True, full_screen=False)
    settle(qtbot)
    during = _looks(w)
    bigger = _styled_fonts(w)
    assert [k for k in styled if k in bigger and bigger[k] <= styled[k]] == []
    for key in before:
        if key == "diagram words":
            small = min(px for _t, px, _b in before[key])
            assert min(px for _t, px, _b in during[key]) >= max(MIN_PX[True], small + 4), key
        else:
            assert _size(during[key]) > _size(before[key]), key
    w.set_presentation(False)
    settle(qtbot)
    assert _looks(w) == before
    assert {k: v for k, v in _styled_fonts(w).items() if k in styled} == styled
    # The keyboard way (F5) too, twice over.
    for _ in range(2):
        w.activateWindow()
        w.network_view.setFocus()
        qtbot.keyClick(w.network_view, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: w.presenter.on, timeout=3000)
        qtbot.keyClick(w.network_view, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: not w.presenter.on, timeout=3000)
        settle(qtbot)
        assert _looks(w) == before


def test_accuracy_label_recoloured_in_projector_mode_returns_to_the_normal_font(qtbot, make_window):
    w = make_window("iris")
    label = w.accuracy_label
    normal = label.font().pointSizeF()
    w.activateWindow()
    w.network_view.setFocus()
    qtbot.keyClick(w.network_view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: w.presenter.on, timeout=3000)
    assert train_synchronously(w, 20)  # the label gets its text and colour while the font is big
    settle(qtbot)
    assert label.text() and label.font().pointSizeF() > normal
    qtbot.keyClick(w.network_view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not w.presenter.on, timeout=3000)
    settle(qtbot)
    assert label.font().pointSizeF() == pytest.approx(normal)
    assert label.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())


@pytest.mark.parametrize("preset", ["loy-xor", "iris"])
def test_table_headers_fit_in_projector_mode(qtbot, make_window, preset):
    """ "y (target)" was clipped in projector mode: every header section is as wide as its text needs."""
    w = make_window(preset)
    for on in (True, False, True):
        w.set_presentation(on, full_screen=False)
        settle(qtbot)
        for view in (w.data_view, w.prediction_view):
            header, model = view.horizontalHeader(), view.model()
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            for c in range(header.count()):
                if header.isSectionHidden(c):
                    continue
                text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                font = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
                font = QFont(header.font()) if font is None else QFont(font).resolve(header.font())
                need = QFontMetrics(font).horizontalAdvance(text) + 2 * margin
                assert header.sectionSize(c) >= need, (on, view.objectName(), text, header.sectionSize(c), need)


def test_export_scales_the_words_with_the_picture(qtbot, make_window, tmp_path):
    w = make_window("loy-xor")
    view = w.network_view
    title = next(item for item in view.label_items() if item.text() == "Hidden 1")
    rect = title.sceneBoundingRect().translated(-view.scene().sceneRect().topLeft())
    inks = []
    for scale in (1.0, 2.0):
        path = tmp_path / f"net{scale}.png"
        view.export_png(path, scale=scale)
        img = QImage(str(path))
        r = QRectF(rect.x() * scale, rect.y() * scale, rect.width() * scale, rect.height() * scale).toRect()
        crop = img.copy(r).convertToFormat(QImage.Format.Format_Grayscale8)
        a = np.frombuffer(crop.constBits(), np.uint8).reshape(crop.height(), crop.bytesPerLine())[:, :crop.width()]
        inks.append(int((a < 128).sum()))
    assert inks[0] > 20
    assert 3.0 < inks[1] / inks[0] < 5.0  # twice as tall and wide: about four times the ink


@pytest.mark.parametrize("live", [False, True])
def test_the_diagram_paints_the_same_without_saving_the_painter_state_per_item(qtbot, make_window, live):
    """DontSavePainterState (a third of a live frame) is safe only while every item sets its own pen and brush."""
    from PySide6.QtWidgets import QGraphicsView

    w = make_window("spiral")
    train_synchronously(w, 300)
    settle(qtbot)
    view = w.network_view
    flag = QGraphicsView.OptimizationFlag.DontSavePainterState
    assert view.optimizationFlags() & flag
    w.live.select_row(3)  # filled nodes too
    view.set_live(live)
    fast = view.viewport().grab().toImage()
    view.setOptimizationFlag(flag, False)
    plain = view.viewport().grab().toImage()
    view.setOptimizationFlag(flag, True)
    view.set_live(False)
    assert fast.size() == plain.size() and not fast.isNull()
    assert fast == plain


@pytest.mark.parametrize("presentation", [False, True])
def test_a_more_line_is_drawn_only_when_the_units_do_not_fit_without_it(qtbot, presentation):
    """At every height, a named column is cut (and "+N more" drawn under it) only when all its units
    would not fit even in the room the "+N more" line takes: the node size of the layout's first pass
    once cut a 13th name that the final, smaller nodes left room for."""
    f = network_layout.fonts(presentation)
    h_name, more_h = f.height("name"), f.height("small") + 3
    names = ([f"feature_{i}" for i in range(13)], ["class=0", "class=1", "class=2"])
    cut_seen = whole_seen = 0
    for height in range(120, 700):
        p = network_layout.plan([13, 8, 3], ["", "tanh", "softmax"], names, MAX_UNITS, 700.0, float(height),
                                presentation)
        k = p.shown[0]
        if k == 13:
            whole_seen += 1
            continue
        if k < 2:  # one unit spans nothing: no room to measure
            continue
        cut_seen += 1
        span = p.unit_y[0][-1] - p.unit_y[0][0]
        # Without the line there would be span + more_h of room, and all 13 need 12 name lines.
        assert span + more_h < 12 * h_name, f"height {height}: {k} of 13 names and a line, but 13 fit without it"
    assert cut_seen and whole_seen
