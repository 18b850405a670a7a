"""Reliability, crash recovery: autosave while there are unsaved changes, offer it back after a crash.

The crash is real: a child process runs the app with a short autosave interval, makes unsaved
changes, and is killed with SIGKILL once its autosave is on disk. The next start offers it back.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLockFile, QStandardPaths

from core import data as coredata
from nngui.files import autosave
from nngui.app import create_main_window
from nngui.files.project import load_project as read_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot):
    w = create_main_window()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.controller.shutdown()


def autosaves(folder: str) -> list[str]:
    return sorted(p for p in os.listdir(folder) if p.endswith(".nngui.json")) if os.path.isdir(folder) else []


def test_the_autosave_folder_is_the_per_user_data_folder(window, tmp_path):
    folder = window.autosaver.folder
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert folder == os.path.join(base, "autosave")
    assert folder.startswith(str(tmp_path / "data"))  # XDG_DATA_HOME (set per test by conftest.py)
    assert window.autosaver.interval == 60.0  # every minute by default
    assert window.autosaver.timer.isActive()


def test_autosave_writes_only_unsaved_changes_and_is_removed_on_save(qtbot, window, tmp_path):
    saver = window.autosaver
    assert not window.is_modified()
    assert saver.autosave_now() is False  # nothing unsaved: nothing written
    window.data_model.setData(window.data_model.index(0, 0), "0.625")
    window.settings_panel.seed_spin.setValue(7)
    with qtbot.waitSignal(saver.saved, timeout=10000):
        assert saver.autosave_now()
    assert os.path.exists(saver.path) and os.path.exists(saver.lock_path)
    p = read_project(saver.path)  # an ordinary, complete project file
    assert p.values[0, 0] == 0.625 and p.config.seed == 7 and p.model is not None
    assert [n for n in os.listdir(saver.folder) if n.endswith(".tmp")] == []
    assert window.save_project(tmp_path / "mine.nngui.json")
    assert not os.path.exists(saver.path) and not os.path.exists(saver.lock_path)
    # Changed again, then discarded on close: removed as well.
    window.data_model.setData(window.data_model.index(0, 0), "0.5")
    with qtbot.waitSignal(saver.saved, timeout=10000):
        saver.autosave_now()
    assert os.path.exists(saver.path)
    window.dialogs.ask_save = lambda name: "discard"
    assert window.close()
    assert autosaves(saver.folder) == []


def test_the_timer_autosaves_on_its_own(qtbot, window):
    saver = window.autosaver
    saver.set_interval(0.05)
    window.data_model.setData(window.data_model.index(1, 1), "0.25")
    qtbot.waitUntil(lambda: saver.count >= 2, timeout=10000)
    assert read_project(saver.path).values[1, 1] == 0.25


def test_autosave_while_training_does_not_interrupt_it(qtbot, window):
    saver = window.autosaver
    window.settings_panel.epochs_spin.setValue(0)
    window.start_training()
    qtbot.waitUntil(lambda: window.session.report is not None and window.session.report.progress.epoch > 1000, timeout=10000)
    run = window.controller.run_id
    with qtbot.waitSignal(saver.saved, timeout=10000):
        assert saver.autosave_now()
    assert window.controller.is_running() and window.controller.run_id == run  # never paused
    p = read_project(saver.path)
    assert p.model is not None and p.model.epochs_done > 1000
    assert all(np.isfinite(W).all() for W, _ in p.model.layers)
    window.toggle_training()


def test_a_failing_autosave_keeps_the_previous_one_and_says_so_once(qtbot, window, monkeypatch):
    saver = window.autosaver
    window.data_model.setData(window.data_model.index(0, 0), "0.625")
    with qtbot.waitSignal(saver.saved, timeout=10000):
        saver.autosave_now()
    before = Path(saver.path).read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(coredata.os, "replace", full)
    window.data_model.setData(window.data_model.index(0, 0), "0.75")
    failures = []
    saver.failed.connect(failures.append)
    for _ in range(2):
        saver.autosave_now()
        qtbot.waitUntil(lambda: len(failures) >= 1, timeout=10000)
        saver.wait()
        qtbot.wait(20)
    assert "Autosave failed" in failures[0] and "disk is full" in failures[0]
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert Path(saver.path).read_bytes() == before  # the previous autosave, intact
    assert [n for n in os.listdir(saver.folder) if n.endswith(".tmp")] == []
    assert not window.errors  # no dialog for a background save
    monkeypatch.undo()
    with qtbot.waitSignal(saver.saved, timeout=10000):
        saver.autosave_now()
    assert read_project(saver.path).values[0, 0] == 0.75


CHILD = r"""
import sys
from nngui.app import _application, create_main_window
app = _application()
w = create_main_window()
w.show()
w.data_model.setData(w.data_model.index(0, 0), "0.625")
w.data_model.setData(w.data_model.index(2, 3), "0.5")
w.settings_panel.seed_spin.setValue(7)
w.settings_panel.epochs_spin.setValue(2500)
print(w.autosaver.path, flush=True)
app.exec()
"""


def crash_a_session(tmp_path) -> str:
    """Run the app in a child process with unsaved changes, SIGKILL it after its autosave; its path."""
    env = dict(os.environ)
    env["NNGUI_AUTOSAVE_SECONDS"] = "0.2"
    env["QT_QPA_PLATFORM"] = "offscreen"
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        path = child.stdout.readline().strip()
        assert path.endswith(".nngui.json"), child.stderr.read() if child.poll() is not None else path
        deadline = time.monotonic() + 30
        while True:
            assert time.monotonic() < deadline, "no autosave appeared"
            try:
                if read_project(path).config.epochs == 2500:
                    break
            except Exception:  # noqa: BLE001 - not there yet
                pass
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    return path


def test_after_a_crash_the_next_start_offers_the_autosave_and_restores_it(qtbot, tmp_path):
    path = crash_a_session(tmp_path)
    assert os.path.exists(path)
    assert os.path.exists(path[: -len(".nngui.json")] + ".lock")  # the lock the killed process left behind
    w = create_main_window()
    qtbot.addWidget(w)
    try:
        offered = []
        w.dialogs.ask_restore = lambda item: offered.append(item) or "restore"
        assert w.check_recovery() == "restored"
        assert len(offered) == 1
        assert "loy-xor" in offered[0].describe() and "4 rows" in offered[0].describe()
        values = w.data_model.values()
        assert values[0, 0] == 0.625 and values[2, 3] == 0.5
        cfg = w.settings_panel.config()
        assert cfg.seed == 7 and cfg.epochs == 2500
        assert w.controller.trainer is not None and w.controller.trainer.dataset.X[0, 0] == 0.625
        assert w.is_modified() and "recovered" in w.windowTitle()
        assert not os.path.exists(path)  # taken over: this session autosaves it from now on
        assert w.check_recovery() is None  # nothing more to offer
    finally:
        w.controller.shutdown()


def test_an_autosave_can_be_discarded_or_kept_for_later(qtbot, tmp_path):
    path = crash_a_session(tmp_path)
    w = create_main_window()
    qtbot.addWidget(w)
    try:
        assert w.check_recovery() == "kept"  # tests never show the dialog: 'later' by default
        assert os.path.exists(path)
        assert w.data_model.values()[0, 0] == 0  # nothing restored
        w.dialogs.ask_restore = lambda item: "discard"
        assert w.check_recovery() == "discarded"
        assert not os.path.exists(path)
        assert autosaves(os.path.dirname(path)) == []
    finally:
        w.controller.shutdown()


def test_a_running_session_is_never_offered(qtbot, window):
    window.data_model.setData(window.data_model.index(0, 0), "0.625")
    with qtbot.waitSignal(window.autosaver.saved, timeout=10000):
        window.autosaver.autosave_now()
    other = create_main_window()
    qtbot.addWidget(other)
    try:
        other.dialogs.ask_restore = lambda item: pytest.fail("a live session's autosave was offered")
        assert other.check_recovery() is None
        assert os.path.exists(window.autosaver.path)
    finally:
        other.controller.shutdown()


def test_a_damaged_autosave_is_set_aside_with_a_message(qtbot, window):
    folder = window.autosaver.folder
    os.makedirs(folder, exist_ok=True)
    bad = os.path.join(folder, "12345-deadbeef.nngui.json")
    with open(bad, "w") as handle:
        handle.write('{"format": "nngui-project", "version": 1, "table": ')  # cut off mid-write
    assert window.check_recovery() is None
    assert not os.path.exists(bad) and os.path.exists(bad + ".damaged")
    assert "could not be read" in window.statusBar().currentMessage()


def test_the_app_offers_recovery_at_start(qtbot, tmp_path, monkeypatch):
    """``nngui`` (app.main) calls check_recovery once the window is up."""
    from PySide6.QtWidgets import QApplication

    from nngui import app as appmod
    from nngui.files.dialogs import Dialogs
    from nngui.main_window import MainWindow

    crash_a_session(tmp_path)
    seen = []
    monkeypatch.setattr(Dialogs, "ask_restore", lambda self, item: seen.append(item.title) or "restore")

    def fake_exec(self=None):
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert appmod.main([]) == 0
    assert seen == ["loy-xor (preset)"]
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    restored = [w for w in windows if "recovered" in w.windowTitle()]
    assert restored and restored[-1].data_model.values()[0, 0] == 0.625
    for w in windows:
        w.set_modified(False)
        w.close()


def test_lock_files_ignore_their_age():
    # A lock's age never makes it stale (only a dead owner does): a long session keeps its autosave.
    lock = QLockFile(os.path.join(autosave.autosave_folder(), "x.lock"))
    lock.setStaleLockTime(0)
    assert lock.staleLockTime() == 0
    assert json.dumps(autosave.DEFAULT_INTERVAL) == "60.0"
