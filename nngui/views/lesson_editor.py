"""Teacher mode: build a lesson from the window (see :mod:`core.lessons` and ``docs/lessons.md``).

*Add this state as a step* takes the window's data (as a table in the lesson file) and its
settings (those that differ from the defaults); the teacher then writes the step's title and
Markdown text, how many epochs it trains, which settings it locks, and an optional *predict,
then reveal* question; steps can be reordered, removed and tried in the lesson pane; *Save
lesson…* checks the whole lesson (the message names the step and field of a problem) and
writes it atomically.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from core.config import TrainConfig
from core.lessons import (CONTROLS, LESSON_FORMAT, LESSON_SUFFIX, LESSON_VERSION, MAX_TABLE_ROWS, LessonError,
                          lesson_from_dict, lesson_to_dict, save_lesson)

from nngui.support.i18n import fmt, translate


def state_step(window, number: int) -> dict:
    """The window's data and settings as a lesson step (a dict in the file's format)."""
    model = window.data_model
    names, values = model.names(), model.values()
    inputs, targets = model.input_columns(), model.target_columns()
    if not inputs or not targets:
        raise LessonError(translate("LessonEditor", "data"),
                          translate("LessonEditor", "the table needs input and target columns"))
    columns = inputs + targets
    rows = values[:, columns]
    rows = rows[np.isfinite(rows).all(axis=1)]  # rows with empty cells are not data yet
    if len(rows) == 0 or len(rows) > MAX_TABLE_ROWS:
        raise LessonError(translate("LessonEditor", "data"), fmt(translate(
            "LessonEditor", "a lesson holds 1 to %1 complete rows; the table has %2"), f"{MAX_TABLE_ROWS:,}", len(rows)))
    config = window.settings_panel.config().to_dict()
    defaults = TrainConfig().to_dict()
    settings = {k: v for k, v in config.items() if v != defaults.get(k)}
    return {"title": fmt(translate("LessonEditor", "Step %1"), number), "text": "",
            "data": {"table": {"columns": [names[c] for c in columns],
                               "rows": [[float(v) for v in r] for r in rows], "targets": len(targets)}},
            "settings": settings}


class LessonEditor(QWidget):
    """The teacher's editor (objectName ``lessonEditor``) for ``window``'s lesson."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonEditor")
        self.window_ = window
        self.steps: list[dict] = []
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        top = QFormLayout()
        self.title_edit = QLineEdit(translate("LessonEditor", "My lesson"))
        self.title_edit.setObjectName("lessonTitleEdit")
        top.addRow(translate("LessonEditor", "Lesson title"), self.title_edit)
        lay.addLayout(top)
        self.step_list = QListWidget()
        self.step_list.setObjectName("lessonStepsList")
        self.step_list.currentRowChanged.connect(self._show_step)
        lay.addWidget(self.step_list, 1)
        row = QHBoxLayout()
        self.add_button = self._button("addLessonStepButton", translate("LessonEditor", "Add this state as a step"),
                                       self.add_state, row)
        self.up_button = self._button("moveStepUpButton", translate("LessonEditor", "Up"), lambda: self.move(-1), row)
        self.down_button = self._button("moveStepDownButton", translate("LessonEditor", "Down"),
                                        lambda: self.move(1), row)
        self.delete_button = self._button("deleteStepButton", translate("LessonEditor", "Remove"), self.remove, row)
        lay.addLayout(row)
        form = QFormLayout()
        self.step_title = QLineEdit()
        self.step_title.setObjectName("stepTitleEdit")
        self.step_text = QPlainTextEdit()
        self.step_text.setObjectName("stepTextEdit")
        self.step_text.setPlaceholderText(translate("LessonEditor", "What the student reads (Markdown)"))
        self.train_spin = QSpinBox()
        self.train_spin.setObjectName("stepTrainSpin")
        self.train_spin.setRange(0, 10_000_000)
        self.train_spin.setSpecialValueText(translate("LessonEditor", "The student trains"))
        self.locks = QListWidget()
        self.locks.setObjectName("stepLockedList")
        self.locks.setMaximumHeight(110)
        for name in CONTROLS:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.locks.addItem(item)
        self.prompt = QLineEdit()
        self.prompt.setObjectName("stepQuestionEdit")
        self.prompt.setPlaceholderText(translate("LessonEditor", "Optional: ask before training"))
        self.choices = QPlainTextEdit()
        self.choices.setObjectName("stepChoicesEdit")
        self.choices.setPlaceholderText(translate("LessonEditor", "One choice per line"))
        self.choices.setMaximumHeight(70)
        self.answer = QSpinBox()
        self.answer.setObjectName("stepAnswerSpin")
        self.answer.setRange(0, 20)
        self.answer.setSpecialValueText(translate("LessonEditor", "Any answer"))
        self.reveal = QPlainTextEdit()
        self.reveal.setObjectName("stepRevealEdit")
        self.reveal.setMaximumHeight(80)
        for label, w in ((translate("LessonEditor", "Title"), self.step_title),
                         (translate("LessonEditor", "Text"), self.step_text),
                         (translate("LessonEditor", "Train epochs"), self.train_spin),
                         (translate("LessonEditor", "Locked settings"), self.locks),
                         (translate("LessonEditor", "Question"), self.prompt),
                         (translate("LessonEditor", "Choices"), self.choices),
                         (translate("LessonEditor", "Right choice (1 = first)"), self.answer),
                         (translate("LessonEditor", "Reveal"), self.reveal)):
            form.addRow(label, w)
        lay.addLayout(form)
        bottom = QHBoxLayout()
        self.try_button = self._button("tryStepButton", translate("LessonEditor", "Try this step"), self.try_step,
                                       bottom)
        self.save_button = self._button("saveLessonButton", translate("LessonEditor", "Save lesson\u2026"),
                                        self.save_dialog, bottom)
        lay.addLayout(bottom)
        self.status = QLabel()
        self.status.setObjectName("lessonEditorStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        for w in (self.step_title, self.prompt):
            w.textEdited.connect(self._store)
        for w in (self.step_text, self.choices, self.reveal):
            w.textChanged.connect(self._store)
        self.train_spin.valueChanged.connect(self._store)
        self.answer.valueChanged.connect(self._store)
        self.locks.itemChanged.connect(self._store)
        self._show_step(-1)

    @staticmethod
    def _button(name: str, text: str, slot, layout) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda *_: slot())
        layout.addWidget(b)
        return b

    # -- the lesson ------------------------------------------------------------------------

    def load(self, lesson) -> None:
        """Edit an existing lesson (from the lesson pane)."""
        d = lesson_to_dict(lesson)
        self.title_edit.setText(d["title"])
        self.steps = [dict(s) for s in d["steps"]]
        self._refill(0)

    def lesson_dict(self) -> dict:
        return {"format": LESSON_FORMAT, "version": LESSON_VERSION, "title": self.title_edit.text().strip(),
                "language": "en", "steps": self.steps}

    def lesson(self):
        """The lesson as written so far, checked (LessonError names the step and field of a problem)."""
        return lesson_from_dict(self.lesson_dict(), self.title_edit.text().strip() or "lesson")

    def add_state(self) -> bool:
        """The window's data and settings as a new step after the current one."""
        try:
            step = state_step(self.window_, len(self.steps) + 1)
        except LessonError as exc:
            self.status.setText(str(exc))
            return False
        at = self.step_list.currentRow() + 1 if self.steps else 0
        self.steps.insert(at, step)
        self._refill(at)
        self.status.setText(fmt(translate("LessonEditor", "Step %1 added: the data (%2 rows) and the settings as "
                                                          "they are now."), at + 1,
                                len(step["data"]["table"]["rows"])))
        return True

    def move(self, delta: int) -> None:
        i = self.step_list.currentRow()
        j = i + delta
        if 0 <= i < len(self.steps) and 0 <= j < len(self.steps):
            self.steps[i], self.steps[j] = self.steps[j], self.steps[i]
            self._refill(j)

    def remove(self) -> None:
        i = self.step_list.currentRow()
        if 0 <= i < len(self.steps):
            del self.steps[i]
            self._refill(min(i, len(self.steps) - 1))

    def try_step(self) -> bool:
        """Show the lesson so far in the lesson pane, at the current step."""
        from nngui.actions import lessons_menu

        try:
            lesson = self.lesson()
        except LessonError as exc:
            self.status.setText(str(exc))
            return False
        pane = lessons_menu.pane(self.window_)
        pane.parentWidget().show()
        ok = pane.start(lesson)
        return pane.go(max(0, self.step_list.currentRow())) and ok

    def save(self, path: str | os.PathLike) -> bool:
        """Check and write the lesson; a problem is said in the editor (naming the step and field)."""
        try:
            save_lesson(self.lesson(), path)
        except LessonError as exc:
            self.status.setText(str(exc))
            return False
        except OSError as exc:
            from nngui.support.messages import describe_os_error

            self.status.setText(describe_os_error(exc, os.fspath(path)))
            return False
        self.status.setText(fmt(translate("LessonEditor", "Lesson saved to %1"), os.fspath(path)))
        return True

    def save_dialog(self) -> bool:
        w = self.window_
        name = (self.title_edit.text().strip() or "lesson").replace(" ", "-").lower() + LESSON_SUFFIX
        path = w.dialogs.save_name(translate("LessonEditor", "Save lesson"), os.path.join(w.document.dialog_dir(), name),
                                   translate("LessonEditor", "Lessons (*.nngui-lesson.json)"), ".json")
        return self.save(path) if path else False

    # -- the selected step -----------------------------------------------------------------

    def _refill(self, select: int) -> None:
        self._loading = True
        self.step_list.clear()
        for i, s in enumerate(self.steps):
            self.step_list.addItem(f"{i + 1}. {s.get('title', '')}")
        self._loading = False
        self.step_list.setCurrentRow(select if self.steps else -1)
        self._show_step(self.step_list.currentRow())

    def _show_step(self, i: int) -> None:
        self._loading = True
        has = 0 <= i < len(self.steps)
        s = self.steps[i] if has else {}
        for w in (self.step_title, self.step_text, self.train_spin, self.locks, self.prompt, self.choices,
                  self.answer, self.reveal, self.up_button, self.down_button, self.delete_button, self.try_button):
            w.setEnabled(has)
        self.step_title.setText(s.get("title", ""))
        self.step_text.setPlainText(s.get("text", ""))
        self.train_spin.setValue(int(s.get("train", 0)))
        locked = set(s.get("locked_controls", ()))
        for k in range(self.locks.count()):
            item = self.locks.item(k)
            item.setCheckState(Qt.CheckState.Checked if item.text() in locked else Qt.CheckState.Unchecked)
        q = s.get("question") or {}
        self.prompt.setText(q.get("prompt", ""))
        self.choices.setPlainText("\n".join(q.get("choices", ())))
        self.answer.setValue(0 if q.get("answer") is None else int(q["answer"]) + 1)
        self.reveal.setPlainText(q.get("reveal", ""))
        self._loading = False

    def _store(self, *_) -> None:
        """The editor's fields into the selected step."""
        i = self.step_list.currentRow()
        if self._loading or not 0 <= i < len(self.steps):
            return
        s = self.steps[i]
        s["title"] = self.step_title.text()
        s["text"] = self.step_text.toPlainText()
        s["train"] = self.train_spin.value()
        locked = [self.locks.item(k).text() for k in range(self.locks.count())
                  if self.locks.item(k).checkState() == Qt.CheckState.Checked]
        s["locked_controls"] = locked
        prompt = self.prompt.text().strip()
        choices = [c.strip() for c in self.choices.toPlainText().splitlines() if c.strip()]
        if prompt or choices:
            s["question"] = {"prompt": prompt, "choices": choices,
                             "answer": self.answer.value() - 1 if self.answer.value() else None,
                             "reveal": self.reveal.toPlainText()}
        else:
            s.pop("question", None)
        item = self.step_list.item(i)
        if item is not None:
            item.setText(f"{i + 1}. {s['title']}")
