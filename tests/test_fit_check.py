"""The clipping walk itself: it names what is cut off and accepts what is elided on purpose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QPushButton, QTableView, QVBoxLayout, QWidget

from fit_check import unfitting
from nngui.views.settings_widgets import ElidingComboBox
from nngui.views.status_bar import ElidingStatusBar

LONG = "Standardise each input to mean 0 and standard deviation 1"


@pytest.fixture
def host(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    body = QWidget()
    lay = QVBoxLayout(body)
    w.setCentralWidget(body)
    w.resize(400, 300)
    return w, lay


def _show(qtbot, w):
    w.show()
    qtbot.waitExposed(w)


def test_a_label_too_narrow_is_named_and_an_elided_one_with_its_tooltip_is_not(qtbot, host):
    w, lay = host
    cut = QLabel(LONG)
    cut.setObjectName("cutLabel")
    cut.setFixedWidth(80)
    elided = QLabel(cut.fontMetrics().elidedText(LONG, Qt.TextElideMode.ElideRight, 80))
    elided.setObjectName("elidedLabel")
    elided.setFixedWidth(90)
    elided.setToolTip(LONG)
    fine = QLabel("ok")
    for x in (cut, elided, fine):
        lay.addWidget(x)
    _show(qtbot, w)
    found = unfitting(w)
    assert len(found) == 1 and found[0].startswith("cutLabel: label 'Standardise"), found


def test_a_squeezed_button_and_combo_box_are_named_and_an_eliding_combo_box_is_not(qtbot, host):
    w, lay = host
    button = QPushButton("Export the predictions as CSV")
    button.setObjectName("squeezed")
    button.setFixedWidth(60)
    combo = QComboBox()
    combo.setObjectName("plainCombo")
    combo.addItem(LONG)
    combo.setFixedWidth(120)
    eliding = ElidingComboBox()
    eliding.addItem(LONG)
    eliding.setFixedWidth(120)
    for x in (button, combo, eliding):
        lay.addWidget(x)
    _show(qtbot, w)
    found = unfitting(w)
    assert [f.split(":")[0] for f in found] == ["squeezed", "plainCombo"], found


def test_a_header_section_narrower_than_its_text_is_named(qtbot, host):
    w, lay = host
    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["predicted class", "x"])
    table = QTableView()
    table.setObjectName("table")
    table.setModel(model)
    table.horizontalHeader().resizeSection(0, 30)
    lay.addWidget(table)
    _show(qtbot, w)
    found = unfitting(w)
    assert len(found) == 1 and "header 'predicted class'" in found[0], found
    table.horizontalHeader().resizeSection(0, 200)
    assert unfitting(w) == []


def test_a_long_status_message_is_elided_with_a_tooltip_and_a_plain_status_bar_is_named(qtbot, host):
    w, _ = host
    w.setStatusBar(ElidingStatusBar())
    _show(qtbot, w)
    w.statusBar().showMessage(LONG * 3)
    bar = w.statusBar()
    assert bar.shown_message().endswith("\u2026") and bar.message_tip() == LONG * 3
    assert unfitting(w) == []
    bar.showMessage("short")
    assert bar.shown_message() == "short" and bar.message_tip() == ""
    w.setStatusBar(None)
    w.statusBar().showMessage(LONG * 3)
    qtbot.waitUntil(lambda: w.statusBar().isVisible())
    found = unfitting(w)
    assert len(found) == 1 and "status message" in found[0], found
