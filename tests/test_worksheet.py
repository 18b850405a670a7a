"""The worksheet: one training step of one row, by hand. The teacher's version has every answer, worked
out here independently for Loy's network; the student's has a blank for each; both as HTML and PDF."""

from __future__ import annotations

import os
import re

import numpy as np
import pytest

from core import inspect as ins
from core.presets import get_preset
from core.trainer import Trainer
from nngui.files.worksheet import BLANK, worksheet_files, worksheet_html
from nngui.support.formatting import short


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture
def loy(qapp):
    p = get_preset("loy-xor")
    t = Trainer(p.dataset(), p.config.replace(epochs=10))
    t.train(10)
    session = ins.Session.from_trainer(t)
    return t, session, ins.network(t.network.arch, t.weights())


def test_the_answers_are_loys_forward_and_backward_pass_worked_out_by_hand(loy):
    t, session, net = loy
    row, lr = 2, 1.0
    x = session.X[row:row + 1]
    y = session.targets(slice(row, row + 1))
    (W1, _), (W2, _) = t.weights()
    a1 = sigmoid(x @ W1)
    yhat = sigmoid(a1 @ W2)
    loss = float(np.sum((yhat - y) ** 2))
    dZ2 = 2 * (yhat - y) * yhat * (1 - yhat)
    dW2 = a1.T @ dZ2
    dZ1 = (dZ2 @ W2.T) * a1 * (1 - a1)
    dW1 = x.T @ dZ1
    page = worksheet_html(net, session, row, lr, answers=True, title="Loy")
    shown = set(re.findall(r"<b class='answer'>([^<]+)</b>", page))
    for values in (x @ W1, a1, yhat, [loss], dZ2, dW2, dZ1, dW1, W1 - lr * dW1, W2 - lr * dW2):
        for v in np.ravel(values):
            assert short(float(v)) in shown, (short(float(v)), values)
    assert "Row 3 of the data" in page and "3 → 4 → 1" in page


def test_the_students_sheet_has_a_blank_for_every_answer_and_gives_none_away(loy):
    _t, session, net = loy
    teacher = worksheet_html(net, session, 0, 1.0, answers=True, title="Loy")
    student = worksheet_html(net, session, 0, 1.0, answers=False, title="Loy")
    answers = re.findall(r"<b class='answer'>([^<]+)</b>", teacher)
    assert len(answers) > 40 and student.count(BLANK) == len(answers)
    trace = ins.trace_row(net, session, 0)
    assert short(trace.loss) not in student and short(float(trace.prediction[0, 0])) not in student
    assert "Name:" in student and "Name:" not in teacher


def test_files_are_named_after_the_chosen_html():
    assert worksheet_files("/tmp/a/loy.html") == {"html": "/tmp/a/loy.html", "answers_html": "/tmp/a/loy-answers.html",
                                                  "pdf": "/tmp/a/loy.pdf", "answers_pdf": "/tmp/a/loy-answers.pdf"}


@pytest.fixture
def window(qtbot):
    from nngui.app import create_main_window

    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.show()
    yield w
    w.controller.shutdown()


def test_file_menu_writes_both_worksheets_for_the_selected_row_as_html_and_pdf(qtbot, window, tmp_path):
    from PySide6.QtGui import QAction

    w = window
    w.load_preset("iris")  # normalised inputs, softmax + cross-entropy, biases
    w.step(20)
    qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 20, timeout=20000)
    w.live.select_row(4)
    assert w.findChild(QAction, "exportWorksheetAction") is not None
    assert w.export_worksheet(tmp_path / "iris.html"), w.errors
    files = worksheet_files(tmp_path / "iris.html")
    for key in ("pdf", "answers_pdf"):
        data = open(files[key], "rb").read()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:] and len(data) > 2000
    teacher = open(files["answers_html"], encoding="utf-8").read()
    assert "Row 5 of the data" in teacher and "softmax" in teacher and "shift" in teacher
    trace = ins.trace_row(ins.network(w.controller.trainer.network.arch, w.controller.trainer.weights()),
                          ins.Session.from_trainer(w.controller.trainer), 4)
    assert f"<b class='answer'>{short(trace.loss)}</b>" in teacher
    assert "Worksheet saved" in w.statusBar().currentMessage()
    assert not w.export_worksheet(tmp_path / "missing" / "x.html")
    assert w.errors[-1][0] == "Cannot export the worksheet"


def test_a_network_too_wide_for_a_page_gets_its_worksheet_as_html_only(qtbot, window, tmp_path):
    """Layers of over PDF_MAX_UNITS units: the HTML (a browser prints or scrolls wide tables) and a status
    message saying why there is no PDF, instead of Qt laying out 64-column tables for seconds."""
    from nngui.files.worksheet import PDF_MAX_UNITS

    w = window
    w.load_preset("spiral")
    w.apply_config(w.settings_panel.config().replace(hidden=(PDF_MAX_UNITS + 1, 4)))
    w.step(2)
    qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 2, timeout=20000)
    assert w.export_worksheet(tmp_path / "wide.html"), w.errors
    files = worksheet_files(tmp_path / "wide.html")
    assert os.path.getsize(files["html"]) > 0 and os.path.getsize(files["answers_html"]) > 0
    assert not os.path.exists(files["pdf"]) and not os.path.exists(files["answers_pdf"])
    message = w.statusBar().currentMessage()
    assert "HTML only" in message and f"more than {PDF_MAX_UNITS} units" in message
    teacher = open(files["answers_html"], encoding="utf-8").read()
    assert f"h1.{PDF_MAX_UNITS + 1}" in teacher  # every unit is in the HTML
    # At the limit both PDFs are written.
    w.apply_config(w.settings_panel.config().replace(hidden=(PDF_MAX_UNITS, 4)))
    assert w.export_worksheet(tmp_path / "fits.html"), w.errors
    files = worksheet_files(tmp_path / "fits.html")
    assert all(open(files[key], "rb").read().startswith(b"%PDF") for key in ("pdf", "answers_pdf"))
