"""The lesson pane driven like a student: menu, Back/Next, locked settings, predict-then-reveal."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from core.resources import resource_path
from helpers import shown_window
from nngui.views.lesson_pane import LessonPane

LOY = resource_path("lessons", "loy-to-neuron.nngui-lesson.json")


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot)
    yield w
    w.controller.shutdown()


def test_the_lessons_menu_offers_the_shipped_lessons(window):
    menu = window.findChild(QMenu, "lessonsMenu")
    names = [a.objectName() for a in menu.actions()]
    assert {"lesson_loy-to-neuron", "lesson_hidden-layers-circle", "lesson_overfitting"} <= set(names)
    assert "openLessonAction" in names and "endLessonAction" in names


def test_a_student_walks_loys_lesson(qtbot, window):
    w = window
    w.findChild(QAction, "lesson_loy-to-neuron").trigger()
    pane = w.findChild(LessonPane, "lessonPane")
    assert pane.isVisible() and pane.counter.text() == "Step 1 of 6"
    assert w.data_model.names() == ["x1", "x2", "x3", "y"]
    lr = w.settings_panel.learning_rate_spin
    assert not lr.isEnabled() and "Locked by the lesson" in lr.toolTip()
    assert not pane.back_button.isEnabled()
    qtbot.mouseClick(pane.next_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
    assert pane.counter.text() == "Step 2 of 6" and w.settings_panel.config().hidden == ()
    assert not w.controller.is_running() and w.controller.trainer.epoch == 0  # the question comes first
    assert not pane.answer_button.isEnabled() and not pane.reveal_text()
    pane.choices.button(0).setChecked(True)  # "Yes, easily": wrong
    pane.answer_button.click()
    qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 1500, timeout=30000)
    qtbot.waitUntil(lambda: bool(pane.reveal_text()), timeout=3000)
    assert pane.reveal_text().startswith("Not quite: the answer is \u201cNo, never\u201d.")
    assert w.controller.trainer.network.arch.sizes == (3, 1)
    assert w.session.report.progress.loss == pytest.approx(1.0, abs=1e-3)  # "the loss at 1.0"
    pane.next_button.click()
    assert pane.counter.text() == "Step 3 of 6" and w.settings_panel.config().hidden == (4,)
    pane.back_button.click()
    assert pane.counter.text() == "Step 2 of 6"
    assert not pane.choices.button(0).isEnabled() and pane.choices.button(0).isChecked()  # the answer is kept
    w.findChild(QAction, "endLessonAction").trigger()
    assert lr.isEnabled() and "Locked" not in lr.toolTip() and not pane.isVisible()


def test_a_bad_lesson_file_is_refused_with_the_field_named(window, tmp_path):
    bad = json.loads(LOY.read_text())
    bad["steps"][1]["settings"]["learning_rate"] = -1
    path = tmp_path / "bad.nngui-lesson.json"
    path.write_text(json.dumps(bad))
    before = window.data_model.names()
    assert not window.open_lesson(path)
    title, text = window.errors[-1]
    assert title == "Cannot open the lesson" and "bad.nngui-lesson.json: steps[1].settings.learning_rate" in text
    assert window.data_model.names() == before and window.findChild(LessonPane, "lessonPane") is None
    assert not window.open_lesson(tmp_path / "missing.nngui-lesson.json")
    assert "missing.nngui-lesson.json" in window.errors[-1][1]
