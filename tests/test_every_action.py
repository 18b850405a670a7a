"""Every menu action, triggered in a random order, idle and while training: the window survives and stays
consistent.

What a user (or a reviewer mashing the menus) can do: open each menu (its ``aboutToShow`` runs, as menus
built on demand need, e.g. File > Open Recent), choose an enabled entry, answer whatever the window then
asks. Here:

- every QAction reachable from the menu bar, through submenus, is collected (73 today, with the two recent
  files this file lists first); only Quit is left out (it ends the session; QDesktopServices.openUrl is
  recorded, never run, should any action open a browser);
- the window's *real* questions are used (``tests/conftest.py`` replaces :class:`nngui.files.dialogs.Dialogs`
  with scripted answers for the other tests: this file puts the real methods back), so every message box,
  input dialog and custom dialog really opens; a timer presses Escape in whatever modal dialog is active
  (the message box's escape/cancel button, a dialog's reject: never a destructive button) and fails the
  test if one cannot be dismissed;
- QFileDialog's static choosers are replaced: either every chooser is cancelled, or a save chooser gets
  a new file in ``tmp_path`` (so Save and Export really write: each such file must then exist and be
  non-empty, unless the window said why it could not write it) and an open chooser gets a file the window
  wrote earlier that its filter matches (else cancel); then Open, Open Recent's files, Import CSV, Import
  weights and Open lesson run once more (each after File > Save) to open what was written;
- "while training": Train is pressed again before each action (Epochs 0, Reset, or a preset when the
  table can no longer train), so the actions land on a live run;
- after each action: Cancel in "Save the changes?" changed nothing, and every checkable action's tick
  matches the window (log scale, projector mode, decision map, palette, language, teacher mode...);
- at the end: no exception escaped (pytest-qt's capture stays on; nothing replaced ``sys.excepthook``; no
  "Unexpected error" or "Training failed" message), no modal dialog is left, the windows the actions
  opened close, nothing landed in the working directory, the training thread is alive, the prediction
  table and the diagram show the trainer's weights and predictions, and the window still trains.

``pytest -s`` prints what each run did. A longer hunt: ``NNGUI_EVERY_ACTION_SEEDS=1-40`` (or ``5,6,7``).
Slow actions are reported, not failed: File > Export worksheet… of a big network (the Overfitting lesson's
2-64-64-1) takes 15-30 s, Qt laying out the PDF's 64-column tables on the GUI thread.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMenu, QMessageBox, QSpinBox, QWidget

from helpers import find, settle_training, shown_window
from nngui.files import dialogs as dialogs_module
from nngui.support.formatting import integer

# More seeds for a longer hunt: NNGUI_EVERY_ACTION_SEEDS=1-40 (a range) or 5,6,7.
_SEEDS_ENV = os.environ.get("NNGUI_EVERY_ACTION_SEEDS", "")
SEEDS = (list(range(int(_SEEDS_ENV.split("-")[0]), int(_SEEDS_ENV.split("-")[1]) + 1)) if "-" in _SEEDS_ENV else
         [int(x) for x in _SEEDS_ENV.split(",")] if _SEEDS_ENV else [11, 22, 33])
# What the menus hold (counted by hand with an empty recent-files list: File 19 + Open Recent 1, Edit 12,
# Training 7, Presets 8, View 10 + 3 palettes + 3 languages + 3 keyboard/sound, Lessons 3 + 3 = 72, Quit
# excluded = 71); the recent-files list this file seeds adds 3. Fewer than this means menus went missing.
MIN_ACTIONS = 60
SKIPPED_NAMES = {"quitAction"}  # ends the session: the one action left out
# The window's questions, as the application has them (conftest scripts them for the other tests).
REAL_DIALOG_METHODS = ("warn", "ask_save", "ask_restore", "open_name", "save_name", "ask_animation")
REVIVE_PRESET = "xor"
OPENERS = ("openAction", "importCsvAction", "importModelAction", "openLessonAction")  # (and Open Recent's files)
SLOW_ACTION_S = 1.0  # an action that takes longer is reported (not a failure)


# ----------------------------------------------------------------------------------------- the menus


@dataclass
class Entry:
    """One menu entry: the menus to open to reach it, the QAction when collected, and how to find it again
    when its menu rebuilt itself (Open Recent makes new QActions each time it opens)."""

    chain: tuple[QMenu, ...]
    action: QAction
    name: str  # objectName, else the path (tooltip) of a recent file, else the text without its mnemonic
    label: str  # for messages: the menus' titles and the action's text when collected

    def resolve(self) -> QAction | None:
        """Open the menus (their aboutToShow runs, as when the user opens them) and find the entry again."""
        for menu in self.chain:
            if not shiboken6.isValid(menu):
                return None
            menu.aboutToShow.emit()
        actions = self.chain[-1].actions()
        if shiboken6.isValid(self.action) and self.action in actions:
            return self.action
        for a in actions:  # rebuilt: the same entry under a new QAction
            if not a.isSeparator() and a.menu() is None and key(a) == self.name:
                return a
        return None

    def close_menus(self) -> None:
        for menu in reversed(self.chain):
            if shiboken6.isValid(menu):
                menu.aboutToHide.emit()


def key(a: QAction) -> str:
    if a.objectName():
        return a.objectName()
    if a.toolTip() and a.toolTip() != a.text().replace("&", ""):
        return "tip:" + a.toolTip()  # a recent file: its path
    return "text:" + re.sub(r"^&\d+ ", "", a.text()).replace("&", "")


def collect(w) -> list[Entry]:
    """Every action reachable from the menu bar, through submenus (each opened first), without separators."""
    found: list[Entry] = []
    seen: set[int] = set()

    def walk(menu: QMenu, chain: tuple[QMenu, ...]) -> None:
        menu.aboutToShow.emit()  # menus filled on demand fill now
        for a in menu.actions():
            if a.isSeparator():
                continue
            if a.menu() is not None:
                walk(a.menu(), chain + (a.menu(),))
                continue
            if id(a) in seen:
                continue
            seen.add(id(a))
            label = " > ".join(m.title().replace("&", "") for m in chain) + " > " + a.text().replace("&", "")
            found.append(Entry(chain, a, key(a), label))
        menu.aboutToHide.emit()

    for top in w.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), (top.menu(),))
    return found


def skipped(a: QAction) -> bool:
    """Only what ends the session (or leaves the test's control)."""
    return a.objectName() in SKIPPED_NAMES or a.menuRole() == QAction.MenuRole.QuitRole


# ----------------------------------------------------------------------------------------- modal dialogs


class Dismisser:
    """Every ~30 ms: the active modal dialog gets Escape, as a user would press it (a message box clicks its
    escape button: Cancel, "Not now", or the only button; a dialog rejects). One that is still up after
    many Escapes is recorded as stuck and rejected by force (the test then fails)."""

    TRIES = 20

    def __init__(self) -> None:
        self.dismissed: list[str] = []  # "QMessageBox: title / text" of each dialog dismissed
        self.stuck: list[str] = []
        self.unsaved_changes = 0  # "unsaved changes" questions answered Cancel
        self._current: QWidget | None = None
        self._tries = 0
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    @staticmethod
    def describe(widget: QWidget) -> str:
        text = widget.text() if isinstance(widget, QMessageBox) else ""
        return f"{type(widget).__name__}: {widget.windowTitle()} / {text[:80]!r}"

    def tick(self) -> bool:
        """Escape in the active modal dialog; True when there was one."""
        widget = QApplication.activeModalWidget()
        if widget is None or not shiboken6.isValid(widget):
            return False
        if widget is not self._current:
            self._current, self._tries = widget, 0
            self.dismissed.append(self.describe(widget))
            if isinstance(widget, QMessageBox) and widget.standardButtons() & QMessageBox.StandardButton.Discard:
                self.unsaved_changes += 1  # "Save the changes to ...?": Escape is its Cancel
        self._tries += 1
        if self._tries > self.TRIES:
            self.stuck.append(self.describe(widget))
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()
            return True
        target = widget.focusWidget() if widget.focusWidget() is not None and widget.isAncestorOf(
            widget.focusWidget()) else widget
        QTest.keyClick(target, Qt.Key.Key_Escape)
        return True

    def clear(self, timeout: float = 5.0, check: bool = True) -> None:
        """Dismiss every modal dialog now (a user cannot reach the menus while one is up)."""
        end = time.monotonic() + timeout
        while QApplication.activeModalWidget() is not None and time.monotonic() < end:
            self.tick()
            QCoreApplication.processEvents()
        if check:
            assert QApplication.activeModalWidget() is None, "a modal dialog could not be dismissed"

    def stop(self) -> None:
        self.timer.stop()


def _real_dialogs_class():
    """nngui.files.dialogs.Dialogs as the application defines it (conftest patched the imported class)."""
    spec = importlib.util.spec_from_file_location("_every_action_real_dialogs", dialogs_module.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Dialogs


def _patterns(filters: str) -> list[str]:
    """The first (selected) filter's patterns: "Model files (*.json);;All files (*)" -> ["*.json"]."""
    first = (filters or "").split(";;")[0]
    m = re.search(r"\(([^)]*)\)", first)
    return m.group(1).split() if m else ["*"]


class FileChoosers:
    """QFileDialog's static functions: cancel everything (``write=False``), or save into ``folder`` and
    open a file written there before whose name the filter matches."""

    def __init__(self, folder: Path, write: bool, rng: random.Random) -> None:
        self.folder, self.write, self.rng = folder, write, rng
        self.saves: list[tuple[str, str, list[str]]] = []  # (path handed out, caption, filter's patterns)
        self.opens: list[tuple[str, str]] = []  # (path handed out or "", caption)
        self.cancelled = 0

    def save_file_name(self, parent=None, caption="", directory="", filter="", *args, **kwargs):
        if not self.write:
            self.cancelled += 1
            return "", ""
        name = os.path.basename(directory) or "file"
        path = str(self.folder / f"{len(self.saves):03d}-{name}")
        self.saves.append((path, caption, _patterns(filter)))
        return path, (filter or "").split(";;")[0]

    def open_file_name(self, parent=None, caption="", directory="", filter="", *args, **kwargs):
        if not self.write:
            self.cancelled += 1
            return "", ""
        patterns = {p.lower() for p in _patterns(filter)}
        files = sorted(p for p in self.folder.iterdir() if p.is_file() and p.stat().st_size > 0)
        matching = [p for p in files if any(fnmatch.fnmatch(p.name.lower(), pat) for pat in patterns)]
        # The kind this chooser opens first (a file saved under a filter whose patterns this one has: Import
        # weights gets an exported model, not a project, whose name *.json also matches), else any match.
        kinds = {path: {p.lower() for p in pats} for path, _caption, pats in self.saves}
        fitting = [p for p in matching if kinds.get(str(p), {"?"}) <= patterns]
        choice = fitting or matching
        if not choice:
            self.opens.append(("", caption))
            return "", ""
        path = str(self.rng.choice(choice))
        self.opens.append((path, caption))
        return path, (filter or "").split(";;")[0]

    def install(self, mp: pytest.MonkeyPatch) -> None:
        mp.setattr(QFileDialog, "getSaveFileName", staticmethod(self.save_file_name))
        mp.setattr(QFileDialog, "getOpenFileName", staticmethod(self.open_file_name))
        for name, empty in (("getOpenFileNames", ([], "")), ("getExistingDirectory", ""),
                            ("getSaveFileUrl", None), ("getOpenFileUrl", None), ("getOpenFileUrls", None),
                            ("getExistingDirectoryUrl", None)):
            if hasattr(QFileDialog, name):
                mp.setattr(QFileDialog, name, staticmethod(lambda *a, _e=empty, **k: self._cancelled(_e)))

    def _cancelled(self, empty):
        self.cancelled += 1
        if empty is None:  # the URL variants: an empty QUrl (and filter)
            from PySide6.QtCore import QUrl
            return QUrl(), ""
        return empty


# ----------------------------------------------------------------------------------------- the harness


@dataclass
class Harness:
    w: object
    dismisser: Dismisser
    files: FileChoosers
    urls: list = field(default_factory=list)
    hook: object = None


@pytest.fixture
def harness(qtbot, tmp_path):
    """The main window (loy-xor, 1280x720, shown) with the real dialogs, the Escape timer and the file
    choosers (the test sets ``files.write``); the working directory is an empty folder of its own."""
    mp = pytest.MonkeyPatch()  # undone before the window closes (closing must not ask a real question)
    (tmp_path / "cwd").mkdir()
    mp.chdir(tmp_path / "cwd")  # nothing may land in the working directory (checked after the actions)
    real = _real_dialogs_class()
    for name in REAL_DIALOG_METHODS:
        mp.setattr(dialogs_module.Dialogs, name, getattr(real, name))
    files_dir = tmp_path / "files"
    files_dir.mkdir()
    files = FileChoosers(files_dir, write=False, rng=random.Random(0))
    files.install(mp)
    urls: list = []
    mp.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))

    w = shown_window(qtbot)
    dismisser = Dismisser()
    # pytest-qt's capture is on (an exception in a slot or a Qt virtual fails the test): nothing disabled it.
    assert getattr(getattr(sys.excepthook, "func", None), "__module__", "") == "pytestqt.exceptions", sys.excepthook
    h = Harness(w, dismisser, files, urls, sys.excepthook)
    yield h
    dismisser.clear(check=False)  # (a test that failed may have left one up)
    dismisser.stop()
    mp.undo()
    close_other_windows(w)
    w.controller.shutdown()


def seed_recent_files(w, tmp_path: Path) -> None:
    """Open Recent lists a project (the loy-xor start, written by the window's own code) and a file gone
    since: both entries and "Clear the list" are in the menu."""
    from nngui.files.project import write_project

    gone = tmp_path / "gone.nngui.json"
    start = tmp_path / "start.nngui.json"
    write_project(start, w.current_project())
    w.add_recent(str(gone))
    w.add_recent(str(start))


def other_windows(w) -> list[QWidget]:
    """Visible top-level windows other than the main window (compare windows, dialogs left open...)."""
    out = []
    for widget in QApplication.topLevelWidgets():
        if not shiboken6.isValid(widget) or widget is w or not widget.isVisible():
            continue
        if isinstance(widget, QMenu) or widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            continue
        out.append(widget)
    return out


def close_other_windows(w) -> list[str]:
    """Close them (as the user would: their close button); the names of those closed."""
    names = []
    for widget in other_windows(w):
        names.append(widget.objectName() or type(widget).__name__)
        widget.close()
    for _ in range(5):
        QCoreApplication.processEvents()
    return names


# ----------------------------------------------------------------------------------------- checks


settle = settle_training  # pause, wait for the worker and the last report


def assert_consistent(w) -> None:
    """What the window shows is exactly what the trainer holds (in whatever language is chosen)."""
    c = w.controller
    assert c.thread.isRunning()  # the training thread is alive, not stuck and not gone
    t = c.trainer
    if t is None:  # e.g. File > New, or a table cut empty: nothing to train, nothing predicted
        assert c.state == "empty"
        assert not c.is_running()
        return
    assert not c.is_running()
    assert c.state in ("ready", "paused", "done", "diverged", "failed")
    expected = t.predict(t.dataset.X)
    np.testing.assert_array_equal(w.prediction_model.predictions(), expected)
    layers = t.weights()
    for (W, _b), (W2, _b2) in zip(layers, w.session.report.layers):
        np.testing.assert_array_equal(W, W2)
    if sum(W.size for W, _ in layers) <= 2000:  # the diagram's edges carry exactly the trainer's weights
        for layer, (W, _b) in enumerate(layers):
            for i in range(W.shape[0]):
                for j in range(W.shape[1]):
                    assert w.network_view.edge_value(layer, i, j) == W[i, j]
    assert integer(t.epoch) in find(w, "statusEpochLabel", QLabel).text()
    if c.state != "diverged":
        assert np.isfinite(t.network.params).all()


def assert_still_trains(qtbot, w) -> None:
    c = w.controller
    if c.trainer is None:  # nothing trainable left: a preset makes it trainable again
        w.load_preset("xor")
        settle(qtbot, w)
    t = c.trainer
    if c.state == "diverged" or (c.state == "done" and t.reached) or not w.step_action.isEnabled():
        w.reset()
        settle(qtbot, w)
    epoch = c.trainer.epoch
    with qtbot.waitSignal(c.finished, timeout=20000):
        assert w.step(5)
    settle(qtbot, w)
    assert c.trainer.epoch == epoch + 5
    assert_consistent(w)


def start_running(qtbot, w) -> None:
    """Epochs 0 (until stopped), Train, and wait until it really runs."""
    find(w, "epochsSpin", QSpinBox).setValue(0)
    assert w.start_training()
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch > 50, timeout=10000)
    assert w.controller.is_running()


# ----------------------------------------------------------------------------------------- the run


@dataclass
class Run:
    triggered: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # a rebuilt menu no longer holds the entry
    slow: list[tuple[str, float]] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)  # a save chooser's file neither written nor refused
    refused: list[str] = field(default_factory=list)  # a save chooser's file not written, the window said why
    errors: list[tuple[str, str]] = field(default_factory=list)  # messages shown (title, first line)
    running: int = 0  # actions triggered while a run was under way
    revived: int = 0  # presets loaded to train again (keep_running)
    cancelled_saves: int = 0  # actions whose "Save the changes?" was answered Cancel
    lost: list[str] = field(default_factory=list)  # ... and that changed the table or the document anyway
    mismatches: list[str] = field(default_factory=list)  # a menu tick that disagrees with the window


def keep_running(w, run: Run) -> None:
    """Training again before the next action, as a user who wants every action to land on a live run would:
    press Train; when that cannot run, set Epochs to 0 (until stopped), Reset a diverged or finished run, or
    load a preset (the table was emptied or cut into something that cannot train)."""
    c = w.controller
    for _attempt in range(3):
        if c.is_running():
            return
        if c.trainer is None:
            w.load_preset(REVIVE_PRESET)  # (what choosing it and answering Discard does)
            run.revived += 1
        elif c.state == "diverged" or c.trainer.reached:
            w.reset()
        spin = find(w, "epochsSpin", QSpinBox)
        if spin.value() != 0:
            spin.setValue(0)
        if w.train_action.isEnabled() and not c.is_running():
            w.train_action.trigger()
        QCoreApplication.processEvents()


def trigger_all(qtbot, h: Harness, entries: list[Entry], rng: random.Random, keep_training: bool,
                shuffle: bool = True) -> Run:
    w, run = h.w, Run()
    order = list(entries)
    if shuffle:
        rng.shuffle(order)
    for entry in order:
        h.dismisser.clear()  # the menus cannot be reached while a modal dialog is up
        if keep_training:
            keep_running(w, run)
        action = entry.resolve()
        if action is None:
            run.gone.append(entry.label)
            entry.close_menus()
            continue
        if not action.isEnabled():
            run.disabled.append(entry.label)
            entry.close_menus()
            continue
        saves, errors = len(h.files.saves), len(w.errors)
        asked, kept = h.dismisser.unsaved_changes, document_state(w)
        run.running += w.controller.is_running()
        t0 = time.perf_counter()
        action.trigger()  # checkable ones toggle
        entry.close_menus()
        QCoreApplication.processEvents()
        h.dismisser.clear()
        seconds = time.perf_counter() - t0
        run.triggered.append(entry.label)
        if seconds > SLOW_ACTION_S:
            t = w.controller.trainer
            run.slow.append((entry.label, round(seconds, 2),
                             f"{t.network.arch.sizes}, {t.dataset.n_samples} rows" if t is not None else ""))
        for title, text in w.errors[errors:]:
            run.errors.append((title, (text.splitlines() or [""])[0][:100]))
        if h.dismisser.unsaved_changes > asked:  # Cancel in "Save the changes?": nothing may be lost
            run.cancelled_saves += 1
            now = document_state(w)
            if not same_document(kept, now):
                run.lost.append(f"{entry.label}: {kept[:2]} -> {now[:2]}")
        for problem in menu_mismatches(w):
            run.mismatches.append(f"after {entry.label}: {problem}")
        explained = len(w.errors) > errors
        for path, caption, _pats in h.files.saves[saves:]:
            if not written(path):
                (run.refused if explained else run.unexplained).append(
                    f"{entry.label}: {caption} -> {os.path.basename(path)}: {run.errors[-1:] if explained else ''}")
        if rng.random() < 0.3:
            qtbot.wait(rng.randint(0, 20))
    return run


def menu_mismatches(w) -> list[str]:
    """The menus' ticks that disagree with what the window does (each checkable action against its state)."""
    from PySide6.QtWidgets import QDockWidget

    from nngui.support import i18n

    editor = w.findChild(QDockWidget, "lessonEditorDock")
    states = {
        "Log scale": (w.log_action, w.loss_plot.log_scale),
        "Projector mode": (w.presentation_action, w.presenter.on),
        "Decision map": (w.decision_map_action, w.decision_map_box.isVisibleTo(w)),
        "Show validation points": (w.show_validation_action, w.decision_map.show_validation),
        "Discretise output": (w.discretise_action, w.decision_map.discrete),
        "Settings panel": (w.toggle_settings_action, w.settings_dock.isVisibleTo(w)),
        "Teacher mode": (w.teacher_mode_action, editor is not None and editor.isVisibleTo(w)),
        "Loss as sound": (w.live_sound_action, w.access.sound.on),
        "Colour palette": (w.palette_actions[w.palette_name], True),
        "Language": (w.language_actions[i18n.saved_choice()], True),
    }
    out = [f"{name}: ticked {a.isChecked()}, state {on}" for name, (a, on) in states.items() if a.isChecked() != on]
    if i18n.current_language() != i18n.resolve(i18n.saved_choice()):
        out.append(f"Language: {i18n.current_language()} installed, {i18n.saved_choice()} chosen")
    return out


def document_state(w) -> tuple:
    """What Cancel in "Save the changes?" must leave as it was: the document and its table."""
    dm = w.data_model
    return (w.document.path, w.document.modified, list(dm.names()), list(dm.roles()), np.array(dm.values(), copy=True))


def same_document(a: tuple, b: tuple) -> bool:
    return a[:4] == b[:4] and a[4].shape == b[4].shape and np.array_equal(a[4], b[4], equal_nan=True)


def written(path: str) -> bool:
    """The file, or the files named after it (the worksheet's "-answers" and PDFs), exists and is not empty.

    Every name a save chooser hands out starts with its own number ("007-"), so the prefix is this save's.
    """
    p = Path(path)
    candidates = [p] + sorted(p.parent.glob(p.name.split(".")[0] + "*"))
    return any(c.is_file() and c.stat().st_size > 0 for c in candidates)


def check_after(qtbot, h: Harness, runs: list[Run]) -> None:
    w = h.w
    h.dismisser.clear()
    # Windows the actions opened (compare windows...) close, and stay closed.
    print("  closed windows:", close_other_windows(w))
    assert other_windows(w) == [], [type(x).__name__ for x in other_windows(w)]
    compare = sys.modules.get("nngui.views.compare_live")
    if compare is not None:
        qtbot.waitUntil(lambda: not w.findChildren(compare.CompareLiveWindow), timeout=5000)
    settle(qtbot, w)
    assert QApplication.activeModalWidget() is None
    assert not h.dismisser.stuck, f"modal dialogs that Escape did not close: {h.dismisser.stuck}"
    assert sys.excepthook is h.hook, "an action replaced sys.excepthook (exceptions would no longer fail tests)"
    bugs = [e for e in w.errors if e[0] in ("Unexpected error", "意外错误", "Training failed", "训练失败")]
    assert not bugs, bugs
    mismatches = [x for run in runs for x in run.mismatches]
    assert not mismatches, mismatches
    lost = [x for run in runs for x in run.lost]
    assert not lost, f"Cancel in 'Save the changes?' and the document changed anyway: {lost}"
    unexplained = [u for run in runs for u in run.unexplained]
    assert not unexplained, f"save choosers answered, nothing written and nothing said: {unexplained}"
    assert h.urls == [], h.urls
    assert os.listdir(os.getcwd()) == [], "an action wrote into the working directory"
    assert_consistent(w)
    assert_still_trains(qtbot, w)


def report(label: str, seed: int, entries, run: Run, h: Harness, seconds: float) -> None:
    """One paragraph per run (pytest -s shows it): what was triggered, answered, written, opened, said."""
    opened = [os.path.basename(p) for p, _caption in h.files.opens if p]
    print(f"\n[{label} seed {seed}] {len(entries)} actions, {len(run.triggered)} triggered ({run.running} while "
          f"training, {run.revived} presets loaded to train again), {len(run.disabled)} disabled, {len(run.gone)} "
          f"gone, in {seconds:.1f} s; so far {len(h.dismisser.dismissed)} modal dialogs dismissed, "
          f"{len(h.files.saves)} files saved, {len(opened)} opened, {h.files.cancelled} choosers cancelled; state "
          f"{h.w.controller.state}")
    if run.slow:
        print("  slow:", run.slow)
    kinds = sorted({d.split(":")[0] for d in h.dismisser.dismissed})
    print(f"  dialogs: {kinds}; 'Save the changes?' cancelled in {run.cancelled_saves} actions")
    if opened:
        print("  opened:", opened)
    if run.errors:
        print("  messages:", sorted({t for t, _ in run.errors}))
    if run.refused:
        print("  not written (the window said why):", run.refused)


def sequence(qtbot, h: Harness, seed: int, training: bool, tmp_path: Path, label: str, reopen: bool) -> list[Run]:
    """Every action once, in a random order; with ``reopen``, then every action that opens a file (Open, Open
    Recent's entries, Import CSV, Import weights, Open lesson) once more, each after File > Save (so that
    unsaved changes do not stop it), to open what the first round wrote; then the checks."""
    w = h.w
    seed_recent_files(w, tmp_path)
    if training:
        start_running(qtbot, w)
    rng = random.Random(seed)
    entries = collect(w)
    actions = [e for e in entries if not skipped(e.action)]
    assert len(entries) - len(actions) == 1, [e.label for e in entries if skipped(e.action)]  # Quit only
    assert len(actions) >= MIN_ACTIONS, [e.label for e in actions]
    names = {e.name for e in actions}
    for must in ("newAction", "saveAsAction", "exportModelAction", "undoAction", "trainAction", "resetAction",
                 "compareLiveAction", "preset_iris", "logScaleAction", "palette_colorblind", "language_zh_CN",
                 "teacherModeAction", "endLessonAction") + OPENERS:
        assert must in names, must
    t0 = time.perf_counter()
    run = trigger_all(qtbot, h, actions, rng, keep_training=training)
    report(label, seed, actions, run, h, time.perf_counter() - t0)
    assert len(run.triggered) >= len(actions) // 2, run.disabled + run.gone
    if training:  # the actions really landed on a live run (Train is pressed again before each)
        assert run.running >= len(run.triggered) * 2 // 3, run.running
    runs = [run]
    if reopen:
        entries = collect(w)  # Open Recent has grown
        save = next(e for e in entries if e.name == "saveAction")
        openers = [e for e in entries if e.name in OPENERS or e.name.startswith("tip:")]
        rng.shuffle(openers)
        t0 = time.perf_counter()
        run = trigger_all(qtbot, h, [x for e in openers for x in (save, e)], rng, keep_training=training,
                          shuffle=False)
        report(label + " reopen", seed, openers, run, h, time.perf_counter() - t0)
        runs.append(run)
    check_after(qtbot, h, runs)
    return runs


# ----------------------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("training", [False, True], ids=["idle", "training"])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_action_with_every_file_chooser_cancelled(qtbot, harness, tmp_path, seed, training):
    h = harness
    h.files.write = False
    sequence(qtbot, h, seed, training, tmp_path, "cancel " + ("training" if training else "idle"), reopen=False)
    assert h.files.saves == [] and not [o for o in h.files.opens if o[0]]
    assert list((tmp_path / "files").iterdir()) == []


@pytest.mark.parametrize("training", [False, True], ids=["idle", "training"])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_action_saving_and_opening_real_files(qtbot, harness, tmp_path, seed, training):
    h = harness
    h.files.write = True
    h.files.rng = random.Random(seed + 1)
    sequence(qtbot, h, seed, training, tmp_path, "files " + ("training" if training else "idle"), reopen=True)
    # Every file a save chooser named was written (non-empty) or the window said why not (checked after each
    # action in trigger_all: refusals are e.g. exports of a table with an empty cell an Insert row made).
    done = [path for path, _caption, _pats in h.files.saves if written(path)]
    assert len(done) >= 3, h.files.saves
    # What the window wrote, it reads back: every project file and model file.
    from core.modelfile import load_model
    from nngui.files.project import load_project

    for p in (tmp_path / "files").iterdir():
        if p.name.endswith(".nngui.json"):
            load_project(p)
        elif p.name.endswith("-model.json"):
            load_model(p)
