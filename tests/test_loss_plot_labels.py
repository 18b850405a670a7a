"""Earlier runs' labels on the loss plot never cover each other nor the "No training yet" hint."""

from __future__ import annotations

import numpy as np
import pytest

from nngui.views.loss_plot import LossPlot


@pytest.fixture
def plot(qtbot) -> LossPlot:
    w = LossPlot()
    qtbot.addWidget(w)
    w.resize(460, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def flat_curve(level: float, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """A run that ended at ``level`` (and started a little above it)."""
    e = np.arange(1, n + 1, dtype=np.float64)
    return e, level + 0.2 * np.exp(-e / 30.0)


def overlaps(rects) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects)) if rects[i].intersects(rects[j])]


@pytest.mark.parametrize("levels", [(0.5,), (0.45, 0.5, 0.55), (0.1, 0.5, 0.9), (0.5, 0.5, 0.5, 0.5)])
def test_no_label_covers_another_or_the_hint(qtbot, plot, levels):
    plot.set_curves(flat_curve(0.3), None)
    for k, level in enumerate(levels):
        plot.add_ghost(flat_curve(level), f"run {k + 1}: learning rate {k + 1}, 4 hidden units")
    plot.set_curves(flat_curve(0.3), None)
    plot.getPlotItem().getViewBox().autoRange()
    plot.clear_curves()  # after Reset: only the earlier runs and the hint
    qtbot.wait(20)
    assert plot.hint_label().isVisible()
    labels = plot.ghost_label_rects()
    assert len(labels) == len(levels)
    assert overlaps(labels) == []
    hint = plot.hint_rect()
    assert [r for r in labels if r.intersects(hint)] == []
    assert plot.rect().contains(hint)


def test_the_hint_stays_in_the_middle_when_nothing_is_under_it(qtbot, plot):
    plot.clear_curves()
    qtbot.wait(20)
    hint = plot.hint_rect()
    assert abs(hint.center().y() - plot.height() / 2) <= 1 and abs(hint.center().x() - plot.width() / 2) <= 1
