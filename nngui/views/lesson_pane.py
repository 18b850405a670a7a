"""The lesson pane: a lesson's steps with Back / Next, each step's text, and its *predict, then reveal*
question (see :mod:`core.lessons` and ``docs/lessons.md``).

Entering a step loads its data and settings into the window (a step without data keeps the
data of the step before; its settings are those of every step since the last one with
data), hides and locks the settings it names, brings its panels forward, and trains its
epochs, after the question, when it has one: the student commits an answer first, the
reveal text shows once the step has trained. Leaving the lesson lifts every limit.
"""

from __future__ import annotations

import itertools
import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from core.lessons import Lesson, Step, step_configs, step_dataset

from nngui.support.i18n import fmt, translate


class LessonPane(QWidget):
    """The pane (objectName ``lessonPane``); ``window`` is the MainWindow it drives."""

    closed = Signal()

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPane")
        self.window_ = window
        self.lesson: Lesson | None = None
        self.path = ""
        self.index = -1
        self.answers: dict[int, int] = {}  # step index -> the choice the student committed
        self._waiting = False  # the step trains once its question is answered
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.lesson_title = QLabel()
        self.lesson_title.setObjectName("lessonTitle")
        self.lesson_title.setWordWrap(True)
        self.lesson_title.setStyleSheet("font-weight: bold;")
        self.counter = QLabel()
        self.counter.setObjectName("lessonStepCounter")
        self.step_title = QLabel()
        self.step_title.setObjectName("lessonStepTitle")
        self.step_title.setWordWrap(True)
        self.step_title.setStyleSheet("font-weight: bold; color: #1f3f6a;")
        self.text = QTextBrowser()
        self.text.setObjectName("lessonText")
        self.text.setOpenExternalLinks(True)
        self.question_box = QGroupBox()
        self.question_box.setObjectName("lessonQuestion")
        qlay = QVBoxLayout(self.question_box)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("lessonPrompt")
        qlay.addWidget(self.prompt)
        self.choice_box = QVBoxLayout()
        qlay.addLayout(self.choice_box)
        self.choices = QButtonGroup(self)
        self.answer_button = QPushButton(translate("LessonPane", "Commit my answer"))
        self.answer_button.setObjectName("lessonAnswerButton")
        self.answer_button.setToolTip(translate("LessonPane", "Decide first, then see what happens: the step "
                                                              "trains once you have answered"))
        self.answer_button.clicked.connect(self.commit_answer)
        self.choices.buttonToggled.connect(lambda *_: self.answer_button.setEnabled(
            self.choices.checkedId() >= 0 and self.index not in self.answers))
        qlay.addWidget(self.answer_button)
        self.reveal = QTextBrowser()
        self.reveal.setObjectName("lessonReveal")
        self.reveal.setMaximumHeight(160)
        qlay.addWidget(self.reveal)
        nav = QHBoxLayout()
        self.back_button = QPushButton(translate("LessonPane", "\u2190 Back"))
        self.back_button.setObjectName("lessonBackButton")
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(translate("LessonPane", "Next \u2192"))
        self.next_button.setObjectName("lessonNextButton")
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.close_button = QPushButton(translate("LessonPane", "End lesson"))
        self.close_button.setObjectName("lessonCloseButton")
        self.close_button.clicked.connect(self.end)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.close_button)
        for w in (self.lesson_title, self.counter, self.step_title):
            lay.addWidget(w)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.question_box)
        lay.addLayout(nav)
        window.controller.finished.connect(lambda *_: self._show_reveal())

    # -- the lesson ------------------------------------------------------------------------

    def start(self, lesson: Lesson, path: str | os.PathLike = "") -> bool:
        """Show ``lesson`` from its first step."""
        self.lesson, self.path, self.answers, self.index = lesson, os.fspath(path), {}, -1
        self.lesson_title.setText(lesson.title)
        return self.go(0)

    def end(self) -> None:
        """Leave the lesson: every setting shown and editable again."""
        self.window_.settings_panel.set_limits()
        self.lesson, self.index = None, -1
        self.closed.emit()

    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None and 0 <= self.index < len(self.lesson.steps) \
            else None

    def go(self, index: int) -> bool:
        """Enter step ``index`` (its data, settings, limits and panels; trained unless a question waits)."""
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return False
        w = self.window_
        if w.controller.is_running():
            w.controller.pause(wait=True)
        self.index = index
        step = self.lesson.steps[index]
        if not self._load(index):
            return False
        w.settings_panel.set_limits(step.hidden_controls, step.locked_controls)
        self._show_panels(step.show)
        self._show_step(step)
        self._waiting = step.question is not None and index not in self.answers and step.train > 0
        if step.train and not self._waiting:
            w.start_training()
        return True

    def commit_answer(self) -> None:
        """The student's answer: kept, then the step trains (and the reveal shows when it has)."""
        step = self.step()
        if step is None or step.question is None or self.choices.checkedId() < 0:
            return
        self.answers[self.index] = self.choices.checkedId()
        self.answer_button.setEnabled(False)
        for b in self.choices.buttons():
            b.setEnabled(False)
        if self._waiting and step.train:
            self._waiting = False
            self.window_.start_training()
        else:
            self._show_reveal()

    # -- internals ---------------------------------------------------------------------------

    def _load(self, index: int) -> bool:
        """Data from the last step at or before ``index`` that has some; the settings as
        :func:`core.lessons.step_configs` gives them (the window's own before a first data step)."""
        w, steps = self.window_, self.lesson.steps
        config = next(itertools.islice(step_configs(self.lesson, w.settings_panel.config()), index, None))
        first = max((i for i in range(index + 1) if steps[i].data is not None), default=-1)
        if first < 0:
            w.apply_config(config)
            return True
        ds, _preset_config, _validation = step_dataset(steps[first].data)
        return w.replace_everything(ds=ds, config=config)

    def _show_panels(self, panels) -> None:
        w = self.window_
        for name in panels:
            if name == "maths":
                w.show_maths_inspector()
            elif name == "decision_map":
                w.show_decision_map(True)
            elif name == "evaluate" and callable(getattr(w, "show_evaluate", None)):
                w.show_evaluate()

    def _show_step(self, step: Step) -> None:
        n = len(self.lesson.steps)
        self.counter.setText(fmt(translate("LessonPane", "Step %1 of %2"), self.index + 1, n))
        self.step_title.setText(step.title)
        self.text.setMarkdown(step.text)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < n - 1)
        for b in self.choices.buttons():
            self.choices.removeButton(b)
            b.deleteLater()
        q = step.question
        self.question_box.setVisible(q is not None)
        self.reveal.clear()
        self.reveal.hide()
        if q is None:
            return
        self.question_box.setTitle(translate("LessonPane", "Predict, then see"))
        self.prompt.setText(q.prompt)
        answered = self.answers.get(self.index)
        for i, text in enumerate(q.choices):
            b = QRadioButton(text)
            b.setObjectName(f"lessonChoice{i}")
            self.choices.addButton(b, i)
            self.choice_box.addWidget(b)
            b.setChecked(answered == i)
            b.setEnabled(answered is None)
        self.answer_button.setEnabled(False)
        if answered is not None:
            self._show_reveal()

    def _show_reveal(self) -> None:
        step = self.step()
        if step is None or step.question is None or self.index not in self.answers or self._waiting:
            return
        if step.train and self.window_.controller.is_running():
            return  # shown when the run ends
        q, chosen = step.question, self.answers[self.index]
        if q.answer is None:
            head = ""
        elif chosen == q.answer:
            head = translate("LessonPane", "\u2713 You predicted it.") + "\n\n"
        else:
            head = fmt(translate("LessonPane", "Not quite: the answer is \u201c%1\u201d."), q.choices[q.answer]) + "\n\n"
        self.reveal.setMarkdown(head + q.reveal)
        self.reveal.show()

    def reveal_text(self) -> str:
        """The reveal as shown ("" while hidden)."""
        return self.reveal.toPlainText() if self.reveal.isVisible() else ""


def shipped_lessons() -> list[str]:
    """The lesson files that come with nngui (resources/lessons), by file name."""
    from core.resources import resource_path

    folder = resource_path("lessons")
    return sorted(str(p) for p in folder.glob("*.nngui-lesson.json")) if folder.is_dir() else []


__all__ = ["LessonPane", "shipped_lessons"]
