"""Lessons: the lessons that come with nngui, *Open lesson…* and *End lesson* (see :mod:`nngui.views.lesson_pane`)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from core.lessons import LessonError, load_lesson

from nngui.actions import ActionSpec, add_menu, create_all
from nngui.support.i18n import fmt, translate
from nngui.support.messages import describe_os_error
from nngui.views.accessible_names import name_children
from nngui.views.lesson_pane import LessonPane, shipped_lessons


def build(w, menubar) -> None:
    keep = w.retranslator.keep
    menu = add_menu(w, menubar, translate("MainWindow", "&Lessons"), "lessonsMenu")
    for path in shipped_lessons():
        try:
            lesson = load_lesson(path)
        except (LessonError, OSError):
            continue  # a broken file in the install: not offered (opening it by hand says why)
        title = translate("lessons", lesson.title)
        a = QAction(title, w)
        keep(a, "setText", title)
        a.setObjectName("lesson_" + os.path.basename(path).split(".")[0])
        if lesson.description:
            a.setToolTip(keep(a, "setToolTip", translate("lessons", lesson.description)))
        a.triggered.connect(lambda *_, p=path: open_lesson(w, p))
        menu.addAction(a)
    menu.addSeparator()
    specs = [
        ActionSpec("open_lesson_action", "openLessonAction", translate("MainWindow", "&Open lesson\u2026"),
                   lambda: open_lesson_dialog(w), tip=translate("MainWindow", "Open a lesson file (.nngui-lesson.json)")),
        ActionSpec("teacher_mode_action", "teacherModeAction", translate("MainWindow", "&Teacher mode"),
                   lambda: set_teacher_mode(w, w.teacher_mode_action.isChecked()),
                   tip=translate("MainWindow", "Build a lesson from the window: add the current data and settings "
                                               "as a step, write its text and question, lock settings, save")),
        ActionSpec("end_lesson_action", "endLessonAction", translate("MainWindow", "&End lesson"),
                   lambda: end_lesson(w), tip=translate("MainWindow", "Close the lesson pane; every setting is "
                                                                      "editable again")),
    ]
    for a in create_all(w, specs):
        menu.addAction(a)
    w.teacher_mode_action.setCheckable(True)
    menu.setToolTipsVisible(True)


def pane(w) -> LessonPane:
    """The lesson pane and its dock (objectName ``lessonDock``), made on first use."""
    existing = w.findChild(LessonPane, "lessonPane")
    if existing is not None:
        return existing
    lesson_pane = LessonPane(w)
    _dock(w, lesson_pane, translate("MainWindow", "Lesson"), "lessonDock")
    lesson_pane.closed.connect(lesson_pane.parentWidget().hide)
    return lesson_pane


def _dock(w, widget, title: str, name: str) -> QDockWidget:
    dock = QDockWidget(title, w)
    dock.setObjectName(name)
    dock.setWidget(widget)
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    name_children(w, dock)  # accessible names (nngui.views.accessible_names)
    return dock


def open_lesson(w, path: str | os.PathLike) -> bool:
    """Open the lesson at ``path`` and show its first step; a bad file is refused with the reason."""
    try:
        lesson = load_lesson(path)
    except LessonError as exc:
        w.show_error(translate("MainWindow", "Cannot open the lesson"), str(exc))
        return False
    except OSError as exc:
        w.show_error(translate("MainWindow", "Cannot open the lesson"), describe_os_error(exc, os.fspath(path)))
        return False
    if not w.maybe_save():
        return False
    p = pane(w)
    dock = p.parentWidget()
    dock.show()
    dock.raise_()
    ok = p.start(lesson, path)
    w.show_status(fmt(translate("MainWindow", "Lesson: %1"), lesson.title), 5000)
    return ok


def open_lesson_dialog(w) -> bool:
    path = w.dialogs.open_name(translate("MainWindow", "Open lesson"), w.document.dialog_dir(),
                               translate("MainWindow", "Lessons (*.nngui-lesson.json);;JSON files (*.json)"))
    return open_lesson(w, path) if path else False


def end_lesson(w) -> None:
    p = w.findChild(LessonPane, "lessonPane")
    if p is not None:
        p.end()


def editor(w):
    """The teacher's lesson editor and its dock (objectName ``lessonEditorDock``), made on first use."""
    from nngui.views.lesson_editor import LessonEditor

    existing = w.findChild(LessonEditor, "lessonEditor")
    if existing is not None:
        return existing
    lesson_editor = LessonEditor(w)
    dock = _dock(w, lesson_editor, translate("MainWindow", "Lesson editor"), "lessonEditorDock")
    dock.visibilityChanged.connect(lambda shown: w.teacher_mode_action.setChecked(shown) if not shown else None)
    return lesson_editor


def set_teacher_mode(w, on: bool) -> None:
    """Show the lesson editor (with the open lesson, if any) or hide it."""
    if not on:
        existing = w.findChild(QDockWidget, "lessonEditorDock")
        if existing is not None:
            existing.hide()
        return
    ed = editor(w)
    p = w.findChild(LessonPane, "lessonPane")
    if p is not None and p.lesson is not None and not ed.steps:
        ed.load(p.lesson)
    ed.parentWidget().show()
    ed.parentWidget().raise_()
    w.teacher_mode_action.setChecked(True)
