"""Weight history (bounded, from reports) and its sparkline popup (objectName weightSparkline)."""

from __future__ import annotations

import numpy as np
import pytest

from core.network import Architecture
from core.trainer import Progress
from nngui.training.report import TrainingReport
from nngui.views.weight_history import MAX_VALUES, WeightHistory

ARCH = Architecture.build(2, [3], 1)


def report(epoch: int, arch: Architecture = ARCH, scale: float = 1.0) -> TrainingReport:
    """Weights that encode their epoch: W[l][i, j] = scale * (epoch + 0.001 * (100 l + 10 i + j))."""
    layers = tuple(
        (scale * (epoch + 0.001 * (100 * l + 10 * np.arange(a)[:, None] + np.arange(b)[None, :])), np.zeros(b))
        for l, (a, b) in enumerate(zip(arch.sizes, arch.sizes[1:]))
    )
    empty = (np.zeros(0), np.zeros(0))
    return TrainingReport(0, Progress(epoch, None, None, 0.0, 0, 0.1), arch, layers, np.zeros((0, 1)), empty, None)


def expected(epochs, l, i, j, scale=1.0):
    return scale * (np.asarray(epochs, dtype=np.float64) + 0.001 * (100 * l + 10 * i + j))


def test_history_is_bounded_over_100k_reports_and_holds_the_recorded_weights():
    h = WeightHistory()
    for e in range(0, 100_000):
        h.record(report(e * 7))  # 7 epochs between reports
    assert h.reports_seen == 100_000
    assert len(h) <= h.capacity + 1 <= h.max_points + 1
    assert h.nbytes <= MAX_VALUES * 8 + 10_000
    for (l, i, j) in ((0, 0, 0), (0, 1, 2), (1, 2, 0)):
        epochs, values = h.series(l, i, j)
        assert epochs[0] == 0 and epochs[-1] == 7 * 99_999  # the whole run, up to the latest report
        assert np.all(np.diff(epochs) > 0)
        assert np.array_equal(values, expected(epochs, l, i, j))  # exactly the weights that were reported
    # Evenly spread: no gap much bigger than the typical one.
    gaps = np.diff(h.series(0, 0, 0)[0])
    assert gaps.max() <= 3 * np.median(gaps)
    assert len(h) >= h.capacity // 2


def test_history_keeps_everything_while_it_fits_and_ignores_repeats():
    h = WeightHistory(max_points=64)
    for e in range(10):
        assert h.record(report(e))
        assert not h.record(report(e))  # the same report shown again (a redraw)
    epochs, values = h.series(0, 1, 1)
    assert list(epochs) == list(range(10)) and np.array_equal(values, expected(range(10), 0, 1, 1))
    assert h.series(5, 0, 0)[0].size == 0 and h.series(0, 9, 9)[0].size == 0  # no such weight


def test_a_new_run_starts_a_new_history():
    h = WeightHistory()
    for e in range(100):
        h.record(report(e))
    h.record(report(0, scale=2.0))  # Reset: back to epoch 0
    assert len(h) == 1
    assert np.array_equal(h.series(0, 0, 1)[1], expected([0], 0, 0, 1, 2.0))
    big = Architecture.build(2, [5], 1)
    h.record(report(3, big))  # another shape
    assert h.arch == big and len(h) == 1 and h.series(0, 1, 4)[0].tolist() == [3]
    h.clear()
    assert len(h) == 0 and h.series(0, 0, 0)[0].size == 0


def test_a_huge_network_records_only_its_first_units_within_the_budget():
    h = WeightHistory(max_values=20_000)
    arch = Architecture.build(300, [300], 2)
    h.record(report(1, arch))
    h.record(report(2, arch))
    assert h.nbytes <= 20_000 * 8 + 8 * 2000
    assert h.index(0, 0, 0) is not None and h.index(0, 299, 299) is None
    assert np.array_equal(h.series(1, 3, 1)[1], expected([1, 2], 1, 3, 1))


def test_hovering_an_edge_shows_the_weights_history(qtbot, window):
    window.load_preset("xor")
    window.set_speed(500)  # slow enough for several reports
    with qtbot.waitSignal(window.controller.finished, timeout=20000):
        window.step(300)
    qtbot.waitUntil(lambda: window.session.report.progress.epoch == window.controller.trainer.epoch, timeout=5000)
    hist = window.insight.weight_history
    assert len(hist) >= 5
    spark = window.insight.sparkline
    assert spark.objectName() == "weightSparkline" and not spark.isVisible()
    view = window.network_view
    # A real mouse move onto the edge x2 -> h1.3, a third of the way (x1 -> h1.4 crosses it half way).
    line = view.edge_item(0, 1, 2).line()
    pos = view.mapFromScene(line.pointAt(0.3))
    assert view.hover_target_at(view.mapToScene(pos)) == ("edge", 0, 1, 2)
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.waitUntil(spark.isVisible, timeout=3000)
    assert spark.edge == (0, 1, 2)
    epochs, values = hist.series(0, 1, 2)
    assert np.array_equal(spark.epochs, epochs) and np.array_equal(spark.values, values)
    assert epochs[0] == 0 and epochs[-1] == 300
    assert values[-1] == window.session.report.layers[0][0][1, 2] == window.controller.trainer.network.weights[0][1, 2]
    assert "x2 \u2192 h1.3" in spark.title.text() and "epoch 0 \u2192 300" in spark.caption.text()
    assert not spark.chart.pixmap().isNull()
    view.edgeHovered.emit(-1, -1, -1)
    assert not spark.isVisible()
    # Reset clears the history: only the new first weights remain.
    window.reset()
    assert len(hist) == 1 and hist.series(0, 1, 2)[0].tolist() == [0]
    view.edgeHovered.emit(1, 2, 0)
    assert spark.isVisible() and spark.values.size == 1


@pytest.fixture
def window(empty_window):
    return empty_window
