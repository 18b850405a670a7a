"""CSV import for the window: small files at once, big ones on a thread with progress and Cancel.

A file up to :data:`BACKGROUND_BYTES` is read on the GUI thread (it takes a few
milliseconds). A bigger one is read by :func:`core.data.read_csv` on a worker thread
while the window stays usable: the status bar shows the file name, a progress bar
(rows parsed) and a Cancel button. Files over ``core.data.DEFAULT_MAX_BYTES``
(200 MB) are refused with a message giving both sizes.

Whatever happens, the table is replaced only by a file that parsed completely: a bad
file gives a message naming the file, line and column (``DataError``) and leaves the
table, its undo history and the weights as they were. Cancelling stops the parse
between blocks of rows; a result that arrives after a cancel (or after another file,
project or preset was opened) is dropped.

A file read on the thread is applied from there too (docs/performance.md, W8): once it is
parsed, the GUI thread pauses training and notes the settings and the weights to carry on
(:meth:`~nngui.session.TrainingSession.plan`); the thread then builds the table's cells, the
trainer and its first report (:func:`nngui.training.building.prepare`); and the GUI thread swaps
them in as one undo step, copying nothing. The rebuild takes the prepared trainer only when
the table, the settings and the weights are still those it was built from (otherwise it
builds one as for any edit), so the result is the same as a file read on the GUI thread.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from core.data import DEFAULT_MAX_BYTES, DataError, Dataset, read_csv

from nngui.support.core_messages import error_text
from nngui.support.i18n import fmt, translate
from nngui.training.building import BuildPlan, Prepared, prepare
from nngui.training.worker import SWITCH_INTERVAL, process_events_while
from nngui.views.data_hints import remember_facts
from nngui.views.data_model import table_of

__all__ = ["BACKGROUND_BYTES", "MAX_BYTES", "CsvImporter", "LoadIndicator"]

BACKGROUND_BYTES = 2_000_000  # bigger files load on a thread (measured: ~50 ms per MB to parse)
MAX_BYTES = DEFAULT_MAX_BYTES  # refused above this, with a size message
PROGRESS_INTERVAL = 0.05  # seconds between progress signals from the thread


class _Cancelled(Exception):
    """Raised inside the parse (from its progress callback) to abandon it."""


@dataclass(eq=False)
class _Job:
    token: int
    path: str
    targets: int
    cancel: threading.Event = field(default_factory=threading.Event)


@dataclass(eq=False)
class _Build:
    """A parsed file to make ready for the window (on the loader thread), and what it was made into."""

    token: int
    dataset: Dataset
    plan: BuildPlan
    table: tuple | None = None  # (names, frozen cells, roles), as DataTableModel.set_table takes them
    prepared: Prepared | None = None


class _Worker(QObject):
    """Lives on the loader thread; ``run`` parses one file."""

    progress = Signal(int, int, int)  # token, rows done, rows in all
    loaded = Signal(int, object)  # token, Dataset
    failed = Signal(int, str)  # token, message
    finished = Signal(int)  # token (always, last)
    built = Signal(int, object)  # token, _Build (its table and trainer made, or None after a failure)

    @Slot(object)
    def build(self, job: _Build) -> None:
        """The table's cells, the facts its hints need, a trainer and its first report: no Qt, no copies."""
        try:
            ds = job.dataset
            job.table = table_of(ds)
            remember_facts(ds.X, ds.Y)
            table = Dataset(ds.X, ds.Y, ds.input_names, ds.target_names, source="table")
            job.prepared = prepare(job.plan, table)
        except Exception:  # noqa: BLE001 - the GUI thread then applies the file as a small one
            traceback.print_exc(file=sys.stderr)
            job.table = job.prepared = None
        self.built.emit(job.token, job)

    @Slot(object)
    def run(self, job: _Job) -> None:
        last = [0.0]

        def progress(done: int, total: int) -> None:
            if job.cancel.is_set():
                raise _Cancelled
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL:
                last[0] = now
                self.progress.emit(job.token, done, total)

        # The GUI thread waits for the GIL at each of its calls into Qt while this thread parses: hand it
        # over every millisecond instead of every 5 (as the training thread does, nngui.training.worker).
        old_switch = sys.getswitchinterval()
        sys.setswitchinterval(min(old_switch, SWITCH_INTERVAL))
        try:
            if job.cancel.is_set():
                raise _Cancelled
            ds = read_csv(job.path, targets=job.targets, max_bytes=MAX_BYTES, progress=progress)
        except _Cancelled:
            pass
        except DataError as exc:
            self.failed.emit(job.token, error_text(exc))
        except MemoryError:
            self.failed.emit(job.token, _no_memory(job.path))
        except Exception as exc:  # noqa: BLE001 - any failure is reported, the thread survives
            self.failed.emit(job.token, f"{os.path.basename(job.path)}: {type(exc).__name__}: {exc}")
        else:
            if not job.cancel.is_set():
                self.loaded.emit(job.token, ds)
        finally:
            sys.setswitchinterval(old_switch)
            self.finished.emit(job.token)


class LoadIndicator(QWidget):
    """'Loading big.csv  [=====    ] 40 %  [Cancel]' for the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvLoadIndicator")
        self.setAutoFillBackground(True)  # opaque: a progress step does not repaint the status bar under it
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 0)
        lay.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("csvLoadLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("csvLoadProgress")
        self.bar.setFixedWidth(140)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("csvLoadCancelButton")
        self.cancel_button.setText(translate("MainWindow", "Cancel"))
        self.cancel_button.setToolTip(translate("MainWindow", "Stop loading the CSV file; the table stays as it is"))
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self.hide()

    def start(self, name: str) -> None:
        self.label.setText(fmt(translate("MainWindow", "Loading %1\u2026"), name))
        self.bar.setRange(0, 0)
        self.bar.setValue(0)
        self.show()

    def set_fraction(self, fraction: float) -> None:
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 100)
        self.bar.setValue(int(round(100 * max(0.0, min(1.0, fraction)))))


class CsvImporter(QObject):
    """Imports CSV files into a :class:`~nngui.main_window.MainWindow`'s table.

    Signals (GUI thread): ``started(path)``, ``progressChanged(percent)``,
    ``applying(path)`` (the file is read; the table is being replaced), ``loaded(path)``
    (the table was replaced), ``failed(path, message)``, ``cancelled(path)``.
    """

    started = Signal(str)
    applying = Signal(str)
    progressChanged = Signal(int)
    loaded = Signal(str)
    failed = Signal(str, str)
    cancelled = Signal(str)

    def __init__(self, window, status_bar: QStatusBar | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.background_bytes = BACKGROUND_BYTES
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._job: _Job | None = None
        self._token = 0
        self._shut_down = False
        self.indicator = LoadIndicator()
        self.indicator.cancel_button.clicked.connect(lambda *_: self.cancel())
        if status_bar is not None:
            status_bar.addPermanentWidget(self.indicator)

    _start = Signal(object)
    _build = Signal(object)

    # -- API ---------------------------------------------------------------------------------

    def is_loading(self) -> bool:
        return self._job is not None

    def import_csv(self, path: str | os.PathLike, background: bool | None = None) -> bool:
        """Replace the table with a CSV file; False (with a message, nothing changed) when it cannot.

        A big file (or ``background=True``) is loaded on a thread: the call returns True at once
        and the table is replaced when the file has been read (``loaded``), or a message is shown
        (``failed``). Any load still under way is cancelled first.
        """
        path = os.fspath(path)
        self.cancel()
        if background is None:
            try:
                size = os.path.getsize(path)
            except OSError:
                size = 0  # read_csv reports the problem with the file's name
            background = size > self.background_bytes
        if background and not self._shut_down:
            self._start_background(path)
            return True
        try:
            ds = read_csv(path, targets=1, max_bytes=MAX_BYTES)
        except DataError as exc:
            self._fail(path, error_text(exc))
            return False
        except MemoryError:
            self._fail(path, _no_memory(path))
            return False
        self._apply(path, ds)
        return True

    def cancel(self) -> bool:
        """Stop a load under way (the table is not touched); False when none was."""
        job, self._job = self._job, None
        if job is None:
            return False
        job.cancel.set()
        self.indicator.hide()
        self.window.show_status(fmt(translate("MainWindow", "Loading %1 was cancelled; the table is unchanged."),
                                    os.path.basename(job.path)), 6000)
        self.cancelled.emit(job.path)
        return True

    def wait(self, timeout: float = 60.0) -> bool:
        """Process events until no load is under way (for scripts and tests)."""
        return process_events_while(lambda: self._job is not None, timeout)

    @property
    def thread(self):
        """The loading thread (None before the first background load)."""
        return self._thread

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel any load and join the thread (the window's closeEvent)."""
        if self._shut_down:
            return
        self._shut_down = True
        job, self._job = self._job, None
        if job is not None:
            job.cancel.set()
            self.indicator.hide()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(int(timeout * 1000))

    # -- internals ---------------------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("nnguiCsvThread")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._build.connect(self._worker.build)
        self._worker.progress.connect(self._on_progress)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.failed.connect(self._on_failed)
        self._worker.built.connect(self._on_built)
        self._thread.start()

    def _start_background(self, path: str) -> None:
        self._ensure_thread()
        self._token += 1
        job = _Job(self._token, path, 1)
        self._job = job
        name = os.path.basename(path) or path
        self.indicator.start(name)
        self.window.show_status(fmt(translate("MainWindow", "You can keep working while %1 loads."), name), 0)
        self.started.emit(path)
        self._start.emit(job)

    def _current(self, token: int) -> _Job | None:
        job = self._job
        return job if job is not None and job.token == token else None

    @Slot(int, int, int)
    def _on_progress(self, token: int, done: int, total: int) -> None:
        if self._current(token) is None or total <= 0:
            return
        self.indicator.set_fraction(done / total)
        self.progressChanged.emit(int(round(100 * done / total)))

    @Slot(int, object)
    def _on_loaded(self, token: int, ds: Dataset) -> None:
        job = self._current(token)
        if job is None:
            return  # cancelled or superseded
        self.indicator.bar.setRange(0, 0)  # busy: the trainer is being built
        if not self._shut_down:
            self._build.emit(_Build(token, ds, self.window.session.plan()))
        self.applying.emit(job.path)

    @Slot(int, object)
    def _on_built(self, token: int, build: _Build) -> None:
        job = self._current(token)
        if job is None:
            return  # cancelled or superseded while the trainer was built
        self._job = None
        self.indicator.hide()
        self._apply(job.path, build.dataset, build)

    @Slot(int, str)
    def _on_failed(self, token: int, text: str) -> None:
        job = self._current(token)
        if job is None:
            return
        self._job = None
        self.indicator.hide()
        self._fail(job.path, text)

    def _fail(self, path: str, text: str) -> None:
        self.window.show_error(translate("MainWindow", "Cannot import the CSV file"),
                               fmt(translate("MainWindow", "%1\n\nThe table was not changed."), text))
        self.failed.emit(path, text)

    def _apply(self, path: str, ds: Dataset, build: _Build | None = None) -> None:
        """Replace the table with ``ds`` (one undo step); ``build``: its table and trainer, made on the thread."""
        w = self.window
        name = os.path.basename(path)
        was_running = w.controller.is_running() or (build is not None and build.plan.was_running)
        w.controller.pause(wait=True)
        step = fmt(translate("MainWindow", "Import %1"), name)
        if build is None or build.prepared is None:
            w.data_model.set_dataset(ds, step)
        else:
            names, values, roles = build.table
            with w.session.using(build.prepared):
                w.data_model.set_table(names, values, roles, step)
        if w.document.path is None:  # a preset or an untitled table is now this file's data
            w.document.set(None, name, modified=w.document.modified)
        text = fmt(translate("MainWindow", "Imported %1 rows from %2; the last column is the target (right-click a "
                                           "header to change it)."), f"{ds.n_samples:,}", name)
        if was_running:
            text = fmt(translate("MainWindow", "%1 Training was paused."), text)
        w.show_status(text, 10000)
        self.loaded.emit(path)


def _no_memory(path: str) -> str:
    return fmt(translate("MainWindow", "%1: there is not enough memory to load it"), os.path.basename(path))
