"""Teacher mode: a lesson built from the window, saved, and walked by a student exactly as it was built."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
import pytest

from core.config import TrainConfig
from core.lessons import load_lesson, step_configs
from helpers import shown_window
from nngui.views.lesson_editor import LessonEditor
from nngui.views.lesson_pane import LessonPane


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot)
    yield w
    w.controller.shutdown()


def test_a_teacher_builds_saves_and_plays_a_lesson(qtbot, window, tmp_path):
    w = window
    w.findChild(QAction, "teacherModeAction").trigger()
    ed = w.findChild(LessonEditor, "lessonEditor")
    assert ed.isVisible()
    ed.title_edit.setText("XOR needs a hidden layer")
    w.load_preset("xor")
    w.apply_config(w.settings_panel.config().replace(hidden=(), epochs=300))
    assert ed.add_state()
    ed.step_title.setText("No hidden layer")
    ed.step_title.textEdited.emit("No hidden layer")
    ed.step_text.setPlainText("One unit: a **straight** line.")
    ed.train_spin.setValue(300)
    ed.locks.findItems("hidden", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    ed.prompt.setText("Will it learn XOR?")
    ed.prompt.textEdited.emit("Will it learn XOR?")
    ed.choices.setPlainText("Yes\nNo")
    ed.answer.setValue(2)  # the second choice
    ed.reveal.setPlainText("No: XOR is not linearly separable.")
    w.apply_config(w.settings_panel.config().replace(hidden=(4,), epochs=2000))
    assert ed.add_state()  # step 2: the same data with a hidden layer
    ed.move(-1)  # reorder: now first ...
    ed.move(1)  # ... and back to second
    assert [ed.step_list.item(i).text() for i in range(2)] == ["1. No hidden layer", "2. Step 2"]
    path = tmp_path / "xor.nngui-lesson.json"
    assert ed.save(path), ed.status.text()
    lesson = load_lesson(path)
    first, second = lesson.steps
    assert lesson.title == "XOR needs a hidden layer" and first.title == "No hidden layer"
    assert first.settings["hidden"] == [] and first.train == 300 and first.locked_controls == ("hidden",)
    assert first.question.choices == ("Yes", "No") and first.question.answer == 1
    assert [c.hidden for c in step_configs(lesson, TrainConfig())] == [(), (4,)]  # (4,) is the default: not written
    table = first.data["table"]
    assert table["columns"] == w.data_model.names() and np.array_equal(table["rows"], w.data_model.values())
    # A student opens it: the first step is exactly what the teacher had.
    assert w.open_lesson(path)
    pane = w.findChild(LessonPane, "lessonPane")
    assert pane.step_title.text() == "No hidden layer" and w.settings_panel.config().hidden == ()
    assert not w.settings_panel.hidden_editor.isEnabled()
    assert w.settings_panel.config().epochs == 300


def test_saving_a_bad_lesson_names_the_problem(window, tmp_path):
    w = window
    w.findChild(QAction, "teacherModeAction").trigger()
    ed = w.findChild(LessonEditor, "lessonEditor")
    assert not ed.save(tmp_path / "empty.nngui-lesson.json")  # no steps yet
    assert "steps" in ed.status.text() and not (tmp_path / "empty.nngui-lesson.json").exists()
    assert ed.add_state()
    ed.choices.setPlainText("only one")
    assert not ed.save(tmp_path / "one.nngui-lesson.json")
    assert "steps[0].question" in ed.status.text()
