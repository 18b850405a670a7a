"""LossPlot, NetworkView and palettes: data shown as given, items built once, exports readable."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from core.network import Architecture
from nngui.support import palettes
from nngui.views.loss_plot import MAX_GHOSTS, LossPlot
from nngui.views.network_view import EDGE_ALPHA_MIN, LEVELS, NetworkView


# ---------------------------------------------------------------- helpers
def _curve(n: int = 200, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    e = np.arange(1, n + 1, dtype=np.float64)
    return e, scale * np.exp(-e / 50.0) + 0.01


def _layers(arch: Architecture, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(a, b)), rng.normal(size=b)) for a, b in zip(arch.sizes, arch.sizes[1:])]


@pytest.fixture
def plot(qtbot) -> LossPlot:
    w = LossPlot()
    qtbot.addWidget(w)
    w.resize(600, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def view(qtbot) -> NetworkView:
    w = NetworkView()
    qtbot.addWidget(w)
    w.resize(600, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


ARCH = Architecture.build(3, [4], 1)


@pytest.fixture
def net341(view):
    view.set_architecture(ARCH, ["x1", "x2", "x3"], ["y"])
    layers = _layers(ARCH)
    view.set_weights(layers)
    return view, layers


def _png_ok(path, size=None) -> QImage:
    assert path.exists() and path.stat().st_size > 0
    img = QImage(str(path))
    assert not img.isNull()
    if size is not None:
        assert (img.width(), img.height()) == size
    assert not list(path.parent.glob(".nngui-*")), "temporary file left behind"
    return img


# ---------------------------------------------------------------- palettes
def test_palettes_diverging_and_blend():
    p = palettes.get_palette("default")
    rgba = palettes.diverging_rgba(np.array([-2.0, 0.0, 2.0, 5.0]), 2.0, p)
    assert QColor(*rgba[0][:3]).name() == p.negative
    assert QColor(*rgba[1][:3]).name() == p.neutral
    assert QColor(*rgba[2][:3]).name() == p.positive and (rgba[3] == rgba[2]).all()  # saturates
    assert palettes.blend(p.negative, "#ffffff", 1.0).name() == p.negative
    assert palettes.blend(p.negative, "#ffffff", 0.0).name() == "#ffffff"
    assert list(palettes.quantise(np.array([0, 0.5, 1, 3, np.nan]), 1.0, 16)) == [0, 8, 15, 15, 0]
    assert (palettes.quantise(np.ones(3), 0.0, 16) == 0).all()
    assert {"default", "high-contrast", "colorblind"} <= set(palettes.palette_names())
    with pytest.raises(ValueError, match="high-contrast"):
        palettes.get_palette("nope")


# ---------------------------------------------------------------- LossPlot
def test_loss_plot_basics(plot):
    assert plot.objectName() == "lossPlot"
    pi = plot.getPlotItem()
    assert pi.getAxis("bottom").labelText == "epoch" and pi.getAxis("left").labelText == "loss"
    assert plot.train_item.opts["autoDownsample"] and plot.train_item.opts["clipToView"]
    assert plot.train_item.opts["downsampleMethod"] == "peak"


def test_set_curves_data_equals_input(plot):
    tx, ty = _curve()
    vx, vy = _curve(scale=1.3)
    plot.set_curves((tx, ty), (vx, vy))
    x, y = plot.train_item.getOriginalDataset()
    np.testing.assert_array_equal(x, tx)
    np.testing.assert_array_equal(y, ty)
    x, y = plot.val_item.getOriginalDataset()
    np.testing.assert_array_equal(y, vy)


def test_validation_curve_shown_and_hidden(plot):
    legend_names = lambda: [label.text for _, label in plot.legend.items]  # noqa: E731
    plot.set_curves(_curve(), None)
    assert not plot.val_item.isVisible() and "validation" not in legend_names()
    plot.set_curves(_curve(), _curve(scale=2))
    assert plot.val_item.isVisible() and "validation" in legend_names()
    plot.set_curves(_curve(), None)
    assert not plot.val_item.isVisible() and legend_names() == ["training"]


def test_log_scale_toggles_axis_and_guards_non_positive(plot):
    x, y = _curve()
    y = y.copy()
    y[10] = 0.0
    y[20] = -1.0
    plot.set_curves((x, y), None)
    plot.set_log_scale(True)
    assert plot.log_scale and plot.getPlotItem().getAxis("left").logMode
    shown = plot.train_item.getData()[1]
    assert np.isfinite(shown).all()  # log10 of clamped values: no -inf/NaN
    plot.set_log_scale(False)
    assert not plot.log_scale and not plot.getPlotItem().getAxis("left").logMode
    np.testing.assert_array_equal(plot.train_item.getData()[1], y)


def test_non_finite_losses_do_not_break(plot):
    x, y = _curve()
    y = y.copy()
    y[5], y[6] = np.inf, np.nan
    plot.set_curves((x, y), None)
    plot.set_log_scale(True)
    plot.grab()  # paints without raising


def test_repeated_set_curves_adds_no_items(plot):
    plot.set_curves(_curve(), _curve(scale=2))
    before = (len(plot.getPlotItem().items), len(plot.getPlotItem().listDataItems()), len(plot.scene().items()))
    for k in range(10):
        plot.set_curves(_curve(100 + k), _curve(100 + k, scale=2) if k % 2 else None)
    plot.set_curves(_curve(), _curve(scale=2))
    after = (len(plot.getPlotItem().items), len(plot.getPlotItem().listDataItems()), len(plot.scene().items()))
    assert after == before


def test_hover_readout(plot, qtbot):
    x, y = _curve()
    plot.set_curves((x, y), None)
    qtbot.wait(20)  # let the view range settle
    vb = plot.getPlotItem().getViewBox()
    plot.hover_at(vb.mapViewToScene(QPointF(100.2, float(y[99]))))
    assert plot.readout() == f"epoch 100: loss {y[99]:.4g} (training)"
    assert plot.nearest_point(QPointF(100.2, float(y[99])))[:2] == ("training", 100.0)


def test_ghosts_bounded(plot):
    for k in range(MAX_GHOSTS + 3):
        plot.add_ghost(_curve(scale=1 + k), f"run {k}")
    assert plot.ghost_count() == MAX_GHOSTS
    n_items = len(plot.getPlotItem().items)
    plot.clear_ghosts()
    assert plot.ghost_count() == 0 and len(plot.getPlotItem().items) == n_items - 2 * MAX_GHOSTS


def test_loss_plot_export_png(plot, tmp_path):
    plot.set_curves(_curve(), _curve(scale=2))
    path = tmp_path / "loss.png"
    plot.export_png(path)
    img = _png_ok(path)
    dpr = plot.devicePixelRatioF()
    assert (img.width(), img.height()) == (round(plot.width() * dpr), round(plot.height() * dpr))


def test_export_to_missing_folder_raises_clear_error(plot, tmp_path):
    with pytest.raises(OSError, match="Cannot write"):
        plot.export_png(tmp_path / "missing" / "x.png")


def test_loss_plot_presentation_and_palette(plot):
    plot.set_presentation(True)
    assert plot.train_item.opts["pen"].widthF() > 2
    plot.set_palette("high-contrast")
    assert plot.train_item.opts["pen"].color().name() == palettes.get_palette("high-contrast").training


# ---------------------------------------------------------------- NetworkView
def test_network_counts_and_values(net341):
    view, layers = net341
    assert view.objectName() == "networkView"
    assert view.node_count() == 8 and view.edge_count() == 3 * 4 + 4 * 1
    for l, (W, _b) in enumerate(layers):
        for i in range(W.shape[0]):
            for j in range(W.shape[1]):
                assert view.edge_value(l, i, j) == W[i, j]


def test_edge_colour_by_sign_and_width_by_magnitude(view):
    view.set_architecture(ARCH, ["a", "b", "c"], ["y"])
    W1 = np.array([[-2.0, 0.5, 0.1, 1.0], [0.0, 0.2, -0.3, 0.4], [1.5, -1.0, 0.7, 0.9]])
    W2 = np.array([[1.0], [-0.5], [0.25], [0.1]])
    view.set_weights([(W1, np.zeros(4)), (W2, np.zeros(1))])
    pal = palettes.get_palette("default")
    strongest = view.edge_item(0, 0, 0).pen()  # the largest |w| in the net, negative
    assert strongest.color().name() == pal.negative
    level = int(palettes.quantise(np.array([1.0]), 2.0, 16)[0])  # W2[0, 0] = 1.0 of a largest |w| of 2.0
    expected = palettes.blend(pal.positive, "#ffffff", EDGE_ALPHA_MIN + (1 - EDGE_ALPHA_MIN) * level / (LEVELS - 1))
    assert view.edge_item(1, 0, 0).pen().color().name() == expected.name()
    strong_pos = view.edge_item(0, 2, 0).pen().color()  # 1.5: a strong orange
    assert strong_pos.red() > strong_pos.blue()
    weak_neg = view.edge_item(0, 1, 2).pen().color()  # -0.3: a paler shade of the negative hue
    assert weak_neg.blue() > weak_neg.red()
    assert view.edge_item(0, 0, 0).pen().widthF() > view.edge_item(0, 1, 2).pen().widthF()
    assert view.edge_item(0, 2, 0).pen().widthF() > view.edge_item(0, 0, 1).pen().widthF()
    assert view.edge_item(0, 1, 0).pen().widthF() == pytest.approx(1.0)  # w = 0: thinnest
    assert strongest.widthF() == pytest.approx(6.0)


def test_set_weights_creates_no_items(net341):
    view, _ = net341
    before = len(view.scene().items())
    for seed in range(10):
        view.set_weights(_layers(ARCH, seed))
        view.set_sample([np.random.default_rng(seed).random(n) for n in ARCH.sizes])
    view.set_sample(None)
    assert len(view.scene().items()) == before


def test_set_weights_rejects_wrong_shapes(net341):
    view, layers = net341
    with pytest.raises(ValueError, match=r"layers\[0\]"):
        view.set_weights([(np.zeros((2, 4)), np.zeros(4)), layers[1]])
    with pytest.raises(ValueError, match="expected 2"):
        view.set_weights(layers[:1])
    assert view.edge_value(0, 0, 0) == layers[0][0][0, 0]  # previous weights kept


def test_big_layer_is_capped_with_more_label(view):
    arch = Architecture.build(100, [5], 2)
    view.set_architecture(arch, [f"x{i}" for i in range(100)], ["a", "b"])
    view.set_weights(_layers(arch))
    assert view.shown_units(0) == 16 and view.more_label(0) == "+84 more"
    assert view.more_label(1) == "" and view.node_count() == 16 + 5 + 2
    assert view.edge_count() == 16 * 5 + 5 * 2
    assert view.edge_item(0, 50, 0) is None
    assert view.edge_value(0, 50, 0) == _layers(arch)[0][0][50, 0]  # hidden weights still known
    view.set_max_units(4)
    assert view.more_label(0) == "+96 more" and view.more_label(1) == "+1 more"


def test_hover_texts(net341):
    view, layers = net341
    w = layers[0][0][1, 2]
    text = view.edge_text(0, 1, 2)
    assert text == f"w = {w:.3f}  x2 → h1.3"
    node = view.node_text(1, 2)
    assert "h1.3" in node and f"bias = {layers[0][1][2]:.3f}" in node and "activation" not in node
    view.set_sample([np.array([0.0, 1.0, 1.0]), np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.9])])
    assert "activation = 0.300" in view.node_text(1, 2)
    assert "input = 1.000" in view.node_text(0, 1)
    # hover at scene positions: a node centre and the middle of an edge
    centre = view.node_item(1, 2).scenePos()
    assert view.hover_text_at(centre).startswith("h1.3")
    line = view.edge_item(0, 1, 2).line()
    assert view.hover_text_at(line.pointAt(0.3)) == text
    assert view.hover_text_at(QPointF(-1000, -1000)) == ""


def test_mouse_hover_emits_text_and_tooltip_event(net341, qtbot):
    view, _ = net341
    pos = view.mapFromScene(view.node_item(1, 2).scenePos())
    with qtbot.waitSignal(view.hovered, timeout=1000) as sig:
        qtbot.mouseMove(view.viewport(), pos)
    assert sig.args[0].startswith("h1.3")
    help_event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    assert QApplication.sendEvent(view.viewport(), help_event)  # as Qt delivers it (the view's tooltip filter)
    assert QToolTip.text().startswith("h1.3")
    QToolTip.hideText()


def test_activation_fill_grey_scale(net341):
    view, _ = net341
    view.set_sample([np.array([0.0, 1.0, 0.5]), np.zeros(4), np.ones(1)])
    low, high = view.node_item(0, 0).brush().color(), view.node_item(0, 1).brush().color()
    assert low.lightness() > view.node_item(0, 2).brush().color().lightness() > high.lightness()
    with pytest.raises(ValueError, match="activations"):
        view.set_sample([np.zeros(2)])


def test_identical_architecture_keeps_scene(net341):
    view, _ = net341
    first = view.edge_item(0, 0, 0)
    view.set_architecture(ARCH, ["x1", "x2", "x3"], ["y"])
    assert view.edge_item(0, 0, 0) is first
    view.set_architecture(Architecture.build(2, [3, 2], 1), ["p", "q"], [])
    assert view.node_count() == 8 and view.unit_name(3, 0) == "y1" and view.unit_name(2, 1) == "h2.2"


def test_palette_and_presentation(view):
    view.set_architecture(ARCH, ["a", "b", "c"], ["y"])
    W1 = np.full((3, 4), 0.1)
    W1[2, 1] = -3.0
    view.set_weights([(W1, np.zeros(4)), (np.full((4, 1), 0.5), np.zeros(1))])
    view.set_palette("high-contrast")
    assert view.edge_item(0, 2, 1).pen().color().name() == palettes.get_palette("high-contrast").negative
    normal = view.edge_item(0, 2, 1).pen().widthF()
    view.set_presentation(True)
    assert view.edge_item(0, 2, 1).pen().widthF() > normal
    assert view.edge_value(0, 2, 1) == -3.0  # weights survive the rebuild


def test_network_export_png(net341, tmp_path):
    view, _ = net341
    path = tmp_path / "net.png"
    view.export_png(path, scale=1.0)
    rect = view.scene().sceneRect()
    _png_ok(path, (round(rect.width()), round(rect.height())))


def test_no_bias_architecture(view):
    arch = Architecture.build(2, [2], 1, bias=False)
    view.set_architecture(arch, ["a", "b"], ["y"])
    view.set_weights([(np.ones((2, 2)), None), (np.ones((2, 1)), None)])
    assert "bias" not in view.node_text(1, 0)


def test_restyle_timing_print(view):
    """Not asserted: how long restyling a 64-32-10 network takes (the GUI does it up to 30 times a second)."""
    arch = Architecture.build(64, [32], 10)
    view.set_architecture(arch, [f"x{i}" for i in range(64)], [f"c{i}" for i in range(10)])
    sets = [_layers(arch, seed) for seed in range(100)]
    t = time.perf_counter()
    for layers in sets:
        view.set_weights(layers)
    per = (time.perf_counter() - t) / len(sets) * 1e3
    print(f"\nNetworkView.set_weights 64-32-10: {per:.3f} ms per restyle ({view.edge_count()} edges drawn)")


def test_exported_png_has_ordinary_permissions(qtbot, tmp_path):
    import os
    import stat

    from PySide6.QtGui import QImage

    from nngui.support.palettes import save_image_atomic

    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0)
    path = tmp_path / "x.png"
    save_image_atomic(image, path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


@pytest.fixture
def antialiased():
    """pyqtgraph's antialiasing on, as the app configures it."""
    import pyqtgraph as pg

    old = pg.getConfigOption("antialias")
    pg.setConfigOptions(antialias=True)
    yield
    pg.setConfigOptions(antialias=old)


def test_draft_mode_drops_antialiasing_and_self_painting(antialiased, qtbot):
    from PySide6.QtWidgets import QGraphicsView

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_curves(_curve(), _curve(scale=2))
    plot.add_ghost(_curve(scale=3), "run 1")
    normal = plot.viewportUpdateMode()
    assert not plot.draft and plot.train_item.curve.opts["antialias"] and plot.val_item.curve.opts["antialias"]
    plot.set_draft(True)
    assert plot.draft
    assert plot.viewportUpdateMode() == QGraphicsView.ViewportUpdateMode.NoViewportUpdate
    assert not plot.train_item.curve.opts["antialias"] and not plot.val_item.curve.opts["antialias"]
    plot.set_curves(_curve(200), None)  # setData keeps the draft setting
    assert not plot.train_item.curve.opts["antialias"]
    plot.set_draft(False)
    assert plot.viewportUpdateMode() == normal
    assert plot.train_item.curve.opts["antialias"] and plot.val_item.curve.opts["antialias"]
    ghost = plot.ghost_items()[0]
    assert not ghost.curve.opts["antialias"]  # ghosts are never antialiased (faded, thin, behind)
    assert ghost.opts["autoDownsampleFactor"] == 1.0


def test_draft_mode_paints_the_same_curve(antialiased, plot, qtbot):
    """Draft and final frames differ only in antialiasing: the same pixels are inked, give or take the edges."""
    plot.set_curves(_curve(), None)
    qtbot.wait(30)
    final = plot.grab().toImage()
    plot.set_draft(True)
    plot.viewport().repaint()
    draft = plot.grab().toImage()
    plot.set_draft(False)

    def inked(img):
        a = np.array([[QColor(img.pixel(x, y)).lightness() < 200 for x in range(0, img.width(), 3)]
                      for y in range(0, img.height(), 3)])
        return a

    a, b = inked(final), inked(draft)
    assert a.sum() > 100 and abs(int(a.sum()) - int(b.sum())) < 0.2 * a.sum()
    assert (a & b).sum() > 0.7 * min(a.sum(), b.sum())
