"""The wait cursor: on while an export, a save, an open or the gradient check runs, off again after, and
never still on when a failure's message is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from nngui.app import create_main_window
from nngui.files import exports, opening
from nngui.support.busy import busy_cursor

from helpers import find

WAIT = Qt.CursorShape.WaitCursor


def cursor():
    """The application's override cursor shape (None: no override)."""
    c = QGuiApplication.overrideCursor()
    return None if c is None else c.shape()


@pytest.fixture
def window(qtbot, monkeypatch):
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.show()
    seen: list = []
    # The message box would wait for a click: record the cursor it would have been shown under instead.
    monkeypatch.setattr(w.dialogs, "warn", lambda title, text: seen.append((title, cursor())))
    w.warned = seen
    yield w
    w.controller.shutdown()


def spy(monkeypatch, module, name):
    """Wrap ``module.name`` so each call records the cursor it ran under."""
    calls, real = [], getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(cursor())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_nested_uses_stack_and_an_exception_restores_the_cursor(qtbot):
    assert cursor() is None
    with pytest.raises(RuntimeError):
        with busy_cursor():
            with busy_cursor():
                assert cursor() == WAIT
            assert cursor() == WAIT  # the outer one is still on
            raise RuntimeError("boom")
    assert cursor() is None


def test_an_export_writes_under_the_wait_cursor(window, tmp_path, monkeypatch):
    calls = spy(monkeypatch, exports, "atomic_write_text")
    assert window.export_python(tmp_path / "script.py")
    assert calls == [WAIT]
    assert cursor() is None and (tmp_path / "script.py").exists()


def test_a_failed_export_says_why_without_the_wait_cursor(window, tmp_path):
    assert not window.export_python(tmp_path / "missing-folder" / "script.py")
    assert len(window.warned) == 1
    title, shape = window.warned[0]
    assert "Python script" in title and shape is None
    assert cursor() is None


def test_save_and_open_a_project_under_the_wait_cursor(window, tmp_path, monkeypatch):
    writes = spy(monkeypatch, opening, "write_project")
    reads = spy(monkeypatch, opening, "read_project")
    path = tmp_path / "p.nngui"
    assert window.save_project(path)
    assert window.load_project(path)
    assert writes == [WAIT] and reads == [WAIT]
    assert cursor() is None and window.warned == []


def test_a_file_that_cannot_be_opened_says_why_without_the_wait_cursor(window, tmp_path):
    bad = tmp_path / "bad.nngui"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.load_project(bad)
    assert len(window.warned) == 1 and window.warned[0][1] is None
    assert cursor() is None


def test_a_failed_save_says_why_without_the_wait_cursor(window, tmp_path):
    assert not window.save_project(tmp_path / "missing-folder" / "p.nngui")
    assert len(window.warned) == 1 and window.warned[0][1] is None
    assert cursor() is None


def test_the_gradient_check_runs_under_the_wait_cursor(qtbot, window, monkeypatch):
    from core import inspect as ins

    calls = spy(monkeypatch, ins, "gradient_check")
    window.load_preset("xor")
    with qtbot.waitSignal(window.controller.finished, timeout=20000):
        window.step(20)
    qtbot.waitUntil(lambda: window.session.report is not None
                    and window.session.report.progress.epoch == window.controller.trainer.epoch, timeout=5000)
    window.show_maths_inspector()
    find(window, "gradientCheckButton", QPushButton).click()
    assert window.inspector.check is not None
    assert calls == [WAIT] and cursor() is None
