"""The GUI thread's side of training: the current Trainer, its run ids and the training thread's lifecycle.

The controller is the only object that hands a Trainer to the worker
(:mod:`nngui.training.worker`) and the only one that reads it back, and only while the
worker is idle. Reports of stale runs are dropped here. It also owns the checkpoints of the
weights' line (``checkpoints``, :mod:`nngui.training.timeline`), which every run feeds.
See ``docs/architecture.md``.
"""

from __future__ import annotations

import dataclasses
import threading

from enum import StrEnum

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, Slot

from core.config import TrainConfig
from core.data import Dataset
from core.history import LossHistory
from core.network import Network
from core.normalization import Normalizer
from core.trainer import Trainer

from nngui.training.report import TrainingReport
from nngui.training.timeline import Checkpoints
from nngui.training.worker import (FAILED, RELEASE_EVENT, RunJob, TrainingWorker, make_report, process_events_while,
                                   warm_up_loop)


class State(StrEnum):
    """Where the controller is; a ``str``, so ``state == "running"`` reads as before."""

    EMPTY = "empty"  # no trainer
    READY = "ready"  # built, not trained yet
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"  # the epoch target or a stop condition was reached
    DIVERGED = "diverged"
    FAILED = "failed"  # the last run raised; the trainer is kept


class TrainingController(QObject):
    """Owns the training thread and its worker, the current Trainer and the run ids (states: :class:`State`)."""

    report = Signal(object)  # TrainingReport of the current run only
    failed = Signal(str)
    finished = Signal(int)  # run id of a run that ended
    stateChanged = Signal(str)

    _start = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("nnguiTrainingThread")
        self.worker = TrainingWorker()
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.run)
        self.worker.report.connect(self._on_report)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.thread.start()
        self._trainer: Trainer | None = None
        self._X_all: np.ndarray | None = None
        self._run_id = 0
        self._job: RunJob | None = None
        self._state = State.EMPTY
        self.last_reason: str | None = None
        self.last_report: TrainingReport | None = None
        self.checkpoints = Checkpoints()  # time travel: kept while training, read while the worker is idle
        self.run_epochs: int | None = None  # epochs the latest run was asked for (None: up to the target)
        self.last_full_report: TrainingReport | None = None  # the latest report with every weight
        self._first: TrainingReport | None = None  # a new trainer's first report, made where it was built
        self._shut_down = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def warm_up(self) -> None:
        """Load the compiled training loop (numba, when installed) before the first Train needs it; the
        window asks for it once it has painted, so start-up does not wait for it.

        It runs once per process in a daemon thread of its own, not in the training thread: compiling
        without a disk cache (a fresh install) takes seconds to tens of seconds, and a window closed
        meanwhile must not wait for it, nor destroy a QThread that is still busy (Qt aborts then).
        A Train that needs the loop before it is ready waits for numba's compiler lock instead."""
        if not self._shut_down:
            start_warm_up()

    # -- state ------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def run_id(self) -> int:
        return self._run_id

    def is_running(self) -> bool:
        """A run is queued or under way (the GUI must not touch the trainer), or its last report and
        its end have not reached the GUI yet: only then do the views show where the run ended."""
        return self._state == State.RUNNING or not self.worker.idle.is_set()

    @property
    def trainer(self) -> Trainer | None:
        """The current trainer; only read it while :meth:`is_running` is False."""
        return self._trainer

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # -- building ---------------------------------------------------------------------------

    def set_session(
        self, dataset: Dataset, config: TrainConfig, start: Network | None = None,
        normalizer: Normalizer | None = None, history: LossHistory | None = None, epoch: int = 0,
        val_history: LossHistory | None = None,
    ) -> Trainer:
        """Stop any run and build a new Trainer (fresh weights unless ``start`` is given).

        The checkpoints are forgotten with fresh weights; weights carried on keep those up to their epoch.
        Raises ConfigError / DataError / ValueError from the core; then nothing changes.
        """
        trainer = Trainer(dataset, config, start=start, normalizer=normalizer, history=history, epoch=epoch,
                          val_history=val_history)
        self.install(trainer, fresh=start is None)
        return trainer

    def install(self, trainer: Trainer, fresh: bool = True, report: TrainingReport | None = None) -> None:
        """Stop any run and make ``trainer`` (built elsewhere, e.g. on another thread) the current one.

        ``fresh``: its weights are new (not carried on from the previous trainer); ``report``: its first
        report, made where it was built; the next :meth:`snapshot` uses it instead of making one.
        """
        self.pause(wait=True)
        if fresh:
            self.checkpoints.clear()
        else:
            self.checkpoints.truncate_after(trainer.epoch)
        self._trainer = trainer
        self._X_all = trainer.dataset.X
        self._new_run_id()
        self.last_reason = None
        self.last_report = self.last_full_report = None
        self._first = None if report is None else dataclasses.replace(report, run_id=self._run_id)
        self._set_state(self._resting_state())

    def refresh_state(self) -> None:
        """The state again from the trainer (after the caller marked a run it built as ended)."""
        if not self.is_running():
            self._set_state(self._resting_state())

    def clear(self) -> None:
        self.pause(wait=True)
        self._trainer = None
        self._X_all = None
        self.last_report = self.last_full_report = None
        self.checkpoints.clear()
        self._new_run_id()
        self._set_state(State.EMPTY)

    def reset(self) -> Trainer | None:
        """New weights for the same data and settings (same seed: same first weights)."""
        if self._trainer is None:
            return None
        t = self._trainer
        return self.set_session(t.dataset, t.config)

    def snapshot(self) -> TrainingReport | None:
        """A report of the current weights, built in the calling (GUI) thread while idle."""
        if self._trainer is None:
            return None
        self.pause(wait=True)
        rep, self._first = self._first, None
        if rep is None or rep.run_id != self._run_id:
            rep = make_report(self._run_id, self._trainer, self._X_all, checkpoints=self.checkpoints.epochs())
        else:
            rep = dataclasses.replace(rep, checkpoints=self.checkpoints.epochs())
        self.last_report = self.last_full_report = rep
        return rep

    # -- running ----------------------------------------------------------------------------

    def start(self, max_epochs: int | None = None) -> bool:
        """Train (to the target, or ``max_epochs`` more); False when there is nothing to do."""
        if self._trainer is None or self._shut_down:
            return False
        if self.is_running():
            self.pause(wait=True)
        if self._trainer.done:
            self._set_state(self._resting_state())
            return False
        self._run_id += 1
        job = RunJob(self._run_id, self._trainer, self._X_all, max_epochs, checkpoints=self.checkpoints,
                     first=self.last_report)
        self._job = job
        self.last_reason = None
        self.run_epochs = max_epochs
        self.worker.idle.clear()
        self._set_state(State.RUNNING)
        self._start.emit(job)
        return True

    def resume(self) -> bool:
        return self.start()

    def step(self, n: int = 1) -> bool:
        return self.start(max(1, int(n)))

    def pause(self, wait: bool = True, timeout: float = 10.0) -> bool:
        """Ask the run to stop after its chunk; with ``wait`` block until the worker is idle."""
        job = self._job
        if job is not None:
            job.stop.set()
        if wait:
            ok = self.worker.idle.wait(timeout)
            if ok and self._state == State.RUNNING:
                self._set_state(self._resting_state())
            return ok
        return True

    def set_learning_rate(self, lr: float) -> None:
        """Change the rate at once: between chunks while running, directly when idle."""
        if self._trainer is None:
            return
        if not self.worker.request_learning_rate(lr):
            self._trainer.set_learning_rate(lr)

    def request_full(self) -> None:
        """Ask for every weight in the next report of a big network (its reports are light otherwise)."""
        self.worker.want_full.set()

    def keep_full_at_end(self, on: bool) -> None:
        """Whether a run's last report of a big network has every weight (the views that need them are shown)."""
        self.worker.full_at_end = bool(on)

    def set_sample_row(self, row: int) -> None:
        """The table row whose activations light reports carry (-1: none)."""
        self.worker.sample_row = int(row)

    def set_speed(self, epochs_per_second: float) -> None:
        """Limit training to about this many epochs a second (0: as fast as possible)."""
        self.worker.speed = max(0.0, float(epochs_per_second))

    @property
    def speed(self) -> float:
        return self.worker.speed

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block (processing Qt events) until the current run has ended and its signals arrived."""
        return process_events_while(lambda: self._state == State.RUNNING, timeout, (self.stateChanged,))

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop any run and join the thread (called from the window's closeEvent)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self._job is not None:
            self._job.stop.set()
        self.worker.idle.wait(timeout)
        self.thread.quit()
        self.thread.wait(int(timeout * 1000))
        self.worker.close_process()  # no training process outlives the window
        self._new_run_id()

    # -- worker signals (GUI thread) --------------------------------------------------------

    def _new_run_id(self) -> None:
        self._run_id += 1
        self._job = None

    def _resting_state(self) -> State:
        t = self._trainer
        if t is None:
            return State.EMPTY
        if t.diverged:
            return State.DIVERGED
        if t.done:
            return State.DONE
        if self.last_reason == FAILED:
            return State.FAILED
        return State.PAUSED if t.epoch > 0 else State.READY

    @Slot(object)
    def _on_report(self, rep: TrainingReport) -> None:
        try:
            if rep.run_id != self._run_id:
                return  # a stale run (reset, new data or settings since)
            self.last_report = rep
            if rep.full:
                self.last_full_report = rep
            self.report.emit(rep)  # the window draws it here, while the worker waits
        finally:
            # Release the worker only after the repaints the views scheduled meanwhile (changed status
            # labels, the diagram scene's bookkeeping): Qt posts them at low priority, so an event posted
            # now at low priority comes after them. Run while training, each of them waited for the GIL
            # between the training thread's NumPy calls, and cost that thread more than the paint itself.
            QCoreApplication.postEvent(self, QEvent(RELEASE_EVENT), Qt.EventPriority.LowEventPriority.value)

    def event(self, e: QEvent) -> bool:  # noqa: D102 - Qt API
        if e.type() == RELEASE_EVENT:
            self.worker.handled.set()
            return True
        return super().event(e)

    @Slot(int, str)
    def _on_failed(self, run_id: int, text: str) -> None:
        if run_id != self._run_id:
            return
        self.last_reason = FAILED  # the run has ended (the worker is idle): a Train now starts the next one
        if self.worker.idle.is_set():
            self._set_state(self._resting_state())
        self.failed.emit(text)

    @Slot(int, str)
    def _on_finished(self, run_id: int, reason: str) -> None:
        if run_id != self._run_id:
            return
        self.last_reason = reason
        if self.worker.idle.is_set():
            self._set_state(self._resting_state())
        self.finished.emit(run_id)


_warm_up_thread: threading.Thread | None = None


def start_warm_up() -> threading.Thread:
    """Start loading the compiled loop in a daemon thread (once per process); the thread."""
    global _warm_up_thread
    if _warm_up_thread is None:
        _warm_up_thread = threading.Thread(target=warm_up_loop, name="nnguiWarmUp", daemon=True)
        _warm_up_thread.start()
    return _warm_up_thread
