"""Crash recovery: autosave the project while it has unsaved changes, offer it back after a crash.

While the window has unsaved changes, :class:`Autosaver` writes the whole project (table,
roles, settings, weights) every ``interval`` seconds (60 by default; the environment
variable ``NNGUI_AUTOSAVE_SECONDS`` overrides it) to the per-user data folder::

    <QStandardPaths.AppDataLocation>/autosave/<session>.nngui.json   (+ <session>.lock)

On Linux that is ``$XDG_DATA_HOME/nngui/nngui/autosave`` (``~/.local/share/...``).
The file is an ordinary project file, written atomically (temp file + rename) on a
background thread, so a big table never stalls the window and a crash mid-write never
leaves half a file. Training is not interrupted: while it runs, the weights are taken
from the latest report the worker sent.

The file is removed when the changes are saved or discarded and when the window
closes normally. A ``QLockFile`` beside it says the session is alive; after a crash
(the process killed, the power cut) the lock is stale, and the next start
(:func:`check_recovery`, called by ``nngui``'s ``main``) offers to restore the project:
restoring brings back the table, the settings and the weights, marked as unsaved.
"""

from __future__ import annotations

import glob
import os
import secrets
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QLockFile, QObject, QStandardPaths, QTimer, Signal

from core.data import DataError
from core.history import LossHistory
from core.modelfile import model_from_trainer

from nngui.document import RECOVERED_MARK
from nngui.support.core_messages import error_text
from nngui.support.i18n import fmt, translate
from nngui.support.messages import describe_os_error
from nngui.files.project import SUFFIX, Project, write_project
from nngui.files.project import load_project as read_project

__all__ = ["Autosaver", "Recoverable", "autosave_folder", "check_recovery", "find_recoverable",
           "restore_project", "DEFAULT_INTERVAL"]

DEFAULT_INTERVAL = 60.0  # seconds
ENV_INTERVAL = "NNGUI_AUTOSAVE_SECONDS"
AUTOSAVE_KEY = "autosave"  # the project's "view" entry that remembers where the project came from


def autosave_folder() -> str:
    """``<AppDataLocation>/autosave`` (it respects ``XDG_DATA_HOME`` on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".nngui")
    return os.path.join(base, "autosave")


def _interval_from_env() -> float:
    try:
        value = float(os.environ.get(ENV_INTERVAL, ""))
    except ValueError:
        return DEFAULT_INTERVAL
    return value if value > 0 else DEFAULT_INTERVAL


# ---------------------------------------------------------------------------------------------
# Taking a snapshot of the window without disturbing training
# ---------------------------------------------------------------------------------------------


class _LayersNetwork:
    """What model_from_trainer needs of a network: ``arch`` and ``layers()``."""

    def __init__(self, arch, layers) -> None:
        self.arch = arch
        self._layers = [(np.array(W), None if b is None else np.array(b)) for W, b in layers]

    def layers(self):
        return self._layers


class _ReportTrainer:
    """A stand-in for a Trainer that is training: its fixed parts plus the latest report's weights."""

    def __init__(self, trainer, rep) -> None:
        p = rep.progress
        self.config = trainer.config.replace(learning_rate=p.learning_rate)
        self.learning_rate = p.learning_rate
        self.epoch = p.epoch
        self.last_loss = p.loss
        self.history = _curve_history(rep.train_curve)
        self.val_history = _curve_history(rep.val_curve)
        self.network = _LayersNetwork(rep.architecture, rep.layers)
        self.normalizer = trainer.normalizer
        self.dataset = trainer.dataset
        self.classes = trainer.classes


def _curve_history(curve) -> LossHistory:
    """A report's (epochs, losses) curve as a loss history (empty for None or no points)."""
    if curve is None or not len(curve[0]):
        return LossHistory()
    e = np.asarray(curve[0]).astype(np.int64).tolist()
    v = np.asarray(curve[1], dtype=np.float64).tolist()
    return LossHistory.from_dict({"stride": 1, "epochs": e, "min": v, "max": v, "last": v})


def snapshot_project(window) -> Project:
    """The window's project as it stands, without pausing a training run."""
    c = window.controller
    t = c.trainer
    model = None
    if t is not None:
        if not c.is_running():
            model = model_from_trainer(t)
        else:
            rep = c.last_full_report  # a big network's reports are light: ask for a full one for the next time
            if c.last_report is not None and not c.last_report.full:
                c.request_full()
            if rep is not None and rep.architecture == t.network.arch:
                try:
                    model = model_from_trainer(_ReportTrainer(t, rep))
                except (ValueError, TypeError):
                    model = None
    dm = window.data_model
    view = {
        "log_scale": window.loss_plot.log_scale,
        AUTOSAVE_KEY: {
            "path": window.current_path,
            "title": window.document.name,
            "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        },
    }
    return Project(dm.names(), dm.roles(), dm.values(), window.settings_panel.config(), model, view)


# ---------------------------------------------------------------------------------------------
# The autosaver
# ---------------------------------------------------------------------------------------------


class Autosaver(QObject):
    """Writes the window's project every ``interval`` seconds while it has unsaved changes.

    ``saved(path)`` after each autosave, ``failed(message)`` when one could not be written
    (the window shows it in the status bar, once per kind of problem).
    """

    saved = Signal(str)
    failed = Signal(str)
    _written = Signal(str, str)  # path, error ('' = ok): from the writer thread

    def __init__(self, window, interval: float | None = None, folder: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._folder = folder
        self._lock: QLockFile | None = None
        self._writer: threading.Thread | None = None
        self._pending = False
        self.last_error: str | None = None
        self.count = 0  # autosaves written
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setObjectName("autosaveTimer")
        self.timer.timeout.connect(self.autosave_now)
        self.set_interval(_interval_from_env() if interval is None else interval)
        self._written.connect(self._on_written)
        window.installEventFilter(self)
        self.timer.start()

    # -- API ---------------------------------------------------------------------------------

    @property
    def folder(self) -> str:
        return self._folder or autosave_folder()

    @property
    def path(self) -> str:
        return os.path.join(self.folder, self.session + SUFFIX)

    @property
    def lock_path(self) -> str:
        return os.path.join(self.folder, self.session + ".lock")

    @property
    def interval(self) -> float:
        return self.timer.interval() / 1000.0

    def set_interval(self, seconds: float) -> None:
        self.timer.setInterval(max(10, int(round(float(seconds) * 1000))))

    def autosave_now(self) -> bool:
        """Start writing the project if it has unsaved changes; False when there was nothing to do."""
        w = self.window
        if not self.enabled or not w.is_modified():
            return False
        if self._writer is not None and self._writer.is_alive():
            self._pending = True  # one write at a time; the next tick writes the latest state
            return False
        try:
            project = snapshot_project(w)
        except (DataError, ValueError, TypeError) as exc:
            self._report_failure(fmt(translate("MainWindow", "Autosave skipped: %1"), error_text(exc)))
            return False
        folder = self.folder
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            self._report_failure(_failed(describe_os_error(exc, self.path)))
            return False
        if self._lock is None:
            lock = QLockFile(self.lock_path)
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock
        path = self.path
        self._pending = False
        self._writer = threading.Thread(target=self._write, args=(path, project), name="nngui-autosave",
                                        daemon=True)
        self._writer.start()
        return True

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for a write under way; True when none is left."""
        writer = self._writer
        if writer is not None:
            writer.join(timeout)
            return not writer.is_alive()
        return True

    def discard(self) -> None:
        """Remove the autosave (the changes were saved or discarded, or the window closes normally)."""
        self.wait()
        for p in (self.path,):
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
            except OSError:
                pass
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def shutdown(self) -> None:
        """Stop autosaving and remove the file (a normal close)."""
        self.enabled = False
        self.timer.stop()
        self.discard()

    def exists(self) -> bool:
        return os.path.exists(self.path)

    # -- internals ---------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self.window and event.type() == QEvent.Type.ModifiedChange and not self.window.is_modified():
            self.discard()  # saved, or a file / preset replaced the changes: nothing to recover
        return False

    def _write(self, path: str, project: Project) -> None:
        """On the writer thread: serialise and write atomically; never raises."""
        try:
            write_project(path, project)  # in pieces: the window keeps running while a big table is written
        except OSError as exc:
            self._written.emit(path, _failed(describe_os_error(exc, path)))
        except Exception as exc:  # noqa: BLE001 - an autosave must never take the app down
            self._written.emit(path, _failed(f"{type(exc).__name__}: {exc}"))
        else:
            self._written.emit(path, "")

    def _on_written(self, path: str, error: str) -> None:
        if error:
            self._report_failure(error)
            return
        if not self.window.is_modified() or not self.enabled:
            # Saved or closed while the write was under way: the file must not outlive that.
            try:
                os.unlink(path)
            except OSError:
                pass
            return
        self.count += 1
        self.last_error = None
        self.saved.emit(path)

    def _report_failure(self, text: str) -> None:
        if text != self.last_error:
            self.last_error = text
            self.window.show_status(text, 10000)
        self.failed.emit(text)


# ---------------------------------------------------------------------------------------------
# Recovery
# ---------------------------------------------------------------------------------------------


@dataclass
class Recoverable:
    """An autosave left behind by a session that did not close normally."""

    path: str
    lock: QLockFile
    project: Project
    title: str
    original: str | None
    saved_at: str

    def describe(self) -> str:
        rows, cols = self.project.values.shape
        title = translate("Document", "Untitled") if self.title == "Untitled" else self.title
        if self.original:
            title = fmt(translate("MainWindow", "%1 (%2)"), title, self.original)
        if self.project.model is not None:
            return fmt(translate("MainWindow", "%1, autosaved %2: %3 rows \u00d7 %4 columns, trained weights."),
                       title, self.saved_at, rows, cols)
        return fmt(translate("MainWindow", "%1, autosaved %2: %3 rows \u00d7 %4 columns."), title, self.saved_at, rows, cols)

    def remove(self) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass
        self.release()

    def release(self) -> None:
        self.lock.unlock()


def find_recoverable(folder: str | None = None, own_session: str | None = None,
                     problems: list[str] | None = None) -> list[Recoverable]:
    """Autosaves whose session is gone (stale or missing lock), newest first.

    Each returned entry holds its lock (so two starting windows never offer the same
    file); call ``remove()`` or ``release()``. Damaged autosaves are renamed to
    ``*.damaged`` and described in ``problems``.
    """
    folder = folder or autosave_folder()
    found: list[Recoverable] = []
    paths = sorted(glob.glob(os.path.join(glob.escape(folder), "*" + SUFFIX)),
                   key=lambda p: os.path.getmtime(p) if os.path.exists(p) else 0, reverse=True)
    for path in paths:
        session = os.path.basename(path)[: -len(SUFFIX)]
        if session == own_session:
            continue
        lock = QLockFile(os.path.join(folder, session + ".lock"))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if not lock.tryLock(0):
            continue  # another nngui is running with it
        try:
            project = read_project(path)
        except DataError as exc:
            try:
                os.replace(path, path + ".damaged")
            except OSError:
                pass
            lock.unlock()
            if problems is not None:
                problems.append(fmt(translate("MainWindow", "An autosaved project could not be read and was set "
                                                            "aside (%1): %2"), os.path.basename(path) + ".damaged",
                                    error_text(exc)))
            continue
        meta = project.view.get(AUTOSAVE_KEY) if isinstance(project.view, dict) else None
        meta = meta if isinstance(meta, dict) else {}
        original = meta.get("path") if isinstance(meta.get("path"), str) else None
        title = meta.get("title") if isinstance(meta.get("title"), str) else "Untitled"
        saved_at = meta.get("saved_at") if isinstance(meta.get("saved_at"), str) else \
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(path)))
        found.append(Recoverable(path, lock, project, title, original, saved_at))
    return found


def restore_project(window, item: Recoverable) -> None:
    """Put a recovered project in the window: table, settings, weights; marked as unsaved."""
    project = item.project
    window.replace_everything(table=(project.names, project.values, project.roles), config=project.config,
                              model=project.model)
    window.files.apply_view({k: v for k, v in project.view.items() if k != AUTOSAVE_KEY})
    title = item.title.replace(RECOVERED_MARK, "")
    window.document.set(item.original, title + RECOVERED_MARK, modified=True)
    window.show_status(fmt(translate("MainWindow", "Recovered %1 as it was autosaved at %2. Save it (Ctrl+S) to "
                                                   "keep it."), item.title, item.saved_at), 15000)


def check_recovery(window) -> str | None:
    """Offer autosaves of crashed sessions (newest first); 'restored', 'discarded', 'kept' or None."""
    problems: list[str] = []
    own = getattr(getattr(window, "autosaver", None), "session", None)
    items = find_recoverable(own_session=own, problems=problems)
    for text in problems:
        window.show_status(text, 15000)
    outcome = None
    for i, item in enumerate(items):
        answer = window.dialogs.ask_restore(item)
        if answer == "restore" and window.maybe_save():
            restore_project(window, item)
            item.remove()
            for rest in items[i + 1:]:
                rest.release()
            return "restored"
        if answer == "discard":
            item.remove()
            outcome = "discarded"
        else:
            item.release()
            outcome = outcome or "kept"
    return outcome


def _failed(reason: str) -> str:
    return fmt(translate("MainWindow", "Autosave failed: %1"), reason)
