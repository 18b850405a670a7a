"""The maths inspector (objectName mathsInspector): its numbers are the core's forward and backward pass."""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers import find  # noqa: E402
from PySide6.QtWidgets import QPushButton, QTextBrowser

from core.network import Network
from nngui.views.inspector import num


def steps(qtbot, w, n):
    with qtbot.waitSignal(w.controller.finished, timeout=20000):
        w.step(n)
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)


def shown_numbers(browser: QTextBrowser) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", browser.toPlainText())]


def check_against_core(window, row: int) -> None:
    insp = find(window, "mathsInspector")
    rep = window.session.report
    t = window.controller.trainer
    net = Network.from_layers(rep.architecture, rep.layers)
    assert np.array_equal(net.params, t.network.params)  # paused: the report holds the trainer's weights
    x = t.dataset.X[row : row + 1]
    if t.normalizer is not None:
        x = t.normalizer.transform(x)
    y = insp.session.targets(slice(row, row + 1))
    tr = insp.trace
    assert insp.shown_row() == row and np.array_equal(tr.x, x)
    acts, zs = net.forward(x), net.pre_activations(x)
    for l, fl in enumerate(tr.forward):
        assert np.array_equal(fl.a_prev, acts[l]) and np.array_equal(fl.z, zs[l]) and np.array_equal(fl.a, acts[l + 1])
    loss, grad = net.gradient(x, y)
    assert tr.loss == loss and np.array_equal(tr.gradient, grad)
    for (ws, bs), bl in zip(net.arch.layer_slices(), reversed(tr.backward)):
        assert np.array_equal(bl.dW.ravel(), grad[ws])
        if bs is not None:
            assert np.array_equal(bl.db, grad[bs])
    # The prediction shown for the row in the table is the forward pass's output.
    assert np.allclose(window.prediction_model.predictions()[row], tr.prediction[0], rtol=0, atol=1e-12)
    # The text shows these numbers (4 significant digits).
    text = insp.text.toPlainText()
    shown = shown_numbers(insp.text)
    for v in [tr.loss, *tr.forward[0].W.ravel()[:4], *tr.forward[-1].a.ravel(), *tr.backward[0].dZ.ravel()[:3],
              *tr.backward[-1].dW.ravel()[:3]]:
        assert num(v) in text
        assert any(abs(s - float(num(v))) <= 1e-12 for s in shown)
    m = re.search(r"L = [^=]*= (\S+)", text)
    assert m and float(m.group(1)) == pytest.approx(tr.loss, rel=1e-3)


def test_inspector_numbers_equal_the_core_for_the_selected_row(qtbot, window):
    window.load_preset("loy-xor")
    steps(qtbot, window, 300)
    insp = find(window, "mathsInspector")
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not insp.on_screen(), timeout=2000)  # behind the settings tab
    window.maths_action.trigger()
    assert insp.on_screen() and window.maths_dock.isVisible()
    window.prediction_view.select_source_row(2)
    assert insp.row == 2
    check_against_core(window, 2)
    text = insp.text.toPlainText()
    for words in ("Z1 =", "A1 = sigmoid(Z1)", "ŷ", "layer1", "dZ2", "dW1", "dA1 = dZ2 · W2ᵀ", "dA_prev",
                  "d_weights2 = −dW2", "W1 − η·dW1"):
        assert words in text, words
    assert "Row 3 of 4" in find(window, "inspectorRowLabel").text()
    window.prediction_view.select_source_row(0)
    check_against_core(window, 0)


def test_inspector_with_normalised_inputs_and_softmax(qtbot, window):
    window.load_preset("iris")  # standard normalisation, softmax + cross-entropy, 3 classes
    steps(qtbot, window, 100)
    window.maths_action.trigger()
    window.prediction_view.select_source_row(77)
    insp = window.inspector
    check_against_core(window, 77)
    assert insp.trace.paired and insp.trace.y.sum() == 1.0
    text = insp.text.toPlainText()
    assert "normalised (standard" in text and "one-hot" in text and "dZ2 = ŷ − y" in text


def test_inspector_follows_training_only_while_visible(qtbot, window):
    window.load_preset("xor")
    insp = window.inspector
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not insp.on_screen(), timeout=2000)  # behind the settings tab once laid out
    before = insp.refreshes
    steps(qtbot, window, 50)
    assert insp.refreshes == before  # hidden: nothing rebuilt
    window.show_maths_inspector()
    qtbot.waitUntil(lambda: insp.refreshes > before, timeout=3000)
    assert insp.trace is not None and insp.shown_row() == 0  # no row selected: the first one
    assert "no row selected" in find(window, "inspectorRowLabel").text()
    steps(qtbot, window, 50)
    qtbot.waitUntil(lambda: insp.drawn_report is window.session.report, timeout=3000)
    check_against_core(window, 0)


def test_gradient_check_button(qtbot, window):
    window.load_preset("xor")  # tanh + sigmoid + bce: smooth
    steps(qtbot, window, 200)
    window.show_maths_inspector()
    insp = window.inspector
    find(window, "gradientCheckButton", QPushButton).click()
    gc = insp.check
    assert gc is not None and gc.index.size == gc.n_params == 17
    assert gc.max_rel_error < 1e-6
    assert np.all(gc.rel_error < 1e-6)
    # Over the whole training set, as the trainer defines the loss; analytic = the core's gradient.
    t = window.controller.trainer
    net = Network.from_layers(window.session.report.architecture, window.session.report.layers)
    loss, grad = net.gradient(t.X, t.Y)
    assert gc.loss == loss == net.loss(t.X, t.Y)
    assert np.array_equal(gc.analytic, grad)
    browser = find(window, "gradientCheckText", QTextBrowser)
    assert insp.tabs.currentWidget() is browser
    text = browser.toPlainText()
    assert "Largest relative error" in text and "agrees" in text and "x1 → h1.1" in text
    assert f"{gc.analytic[5]:.8g}" in text and f"{gc.numeric[5]:.8g}" in text and f"{gc.rel_error[5]:.2e}" in text


@pytest.fixture
def window(empty_window):
    return empty_window
