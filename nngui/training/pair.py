"""Two trainers trained together, in lock step, in one training thread (Training > Compare live…).

Run A and run B train on the same data in one thread, a chunk of the same number of
epochs each in turn, so both are at the same epoch whenever the window draws them (until
one of them ends, at its epoch target, a stop condition or a divergence: the other goes on
alone). Chunk sizes never change a core Trainer's arithmetic, so each run is bit for bit
the run a core Trainer gives alone for the same epochs.

The rules are those of the window's own training thread (:mod:`nngui.training.worker`,
``docs/architecture.md``): the GUI thread touches the trainers only while the worker is
idle; reports are immutable copies (a :class:`PairReport` holds one
:class:`~nngui.training.report.TrainingReport` per run) emitted at most 20 times a second;
a stop event per run; reports of stale runs dropped; an exception becomes ``failed`` and
the thread survives; :meth:`PairController.shutdown` joins the thread.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, Slot

from core.config import TrainConfig
from core.data import Dataset
from core.trainer import Trainer

from nngui.support.core_messages import error_text
from nngui.support.i18n import translate
from nngui.training.controller import State
from nngui.training.report import TrainingReport
from nngui.training.worker import (
    CHUNK_SECONDS, DONE, FAILED, HANDLED_TIMEOUT, MAX_CHUNK, MAX_REPORT_INTERVAL, PACE_SLICE, RELEASE_EVENT,
    REPORT_BUDGET, REPORT_INTERVAL, STEPPED, STOPPED, SWITCH_INTERVAL, make_report, process_events_while,
)

A, B = 0, 1  # the runs' indices


@dataclass(frozen=True)
class PairReport:
    """The two runs at one moment: ``reports[A]``, ``reports[B]`` (None for a run that cannot train)."""

    run_id: int
    reports: tuple[TrainingReport | None, TrainingReport | None]

    @property
    def epoch(self) -> int:
        """The furthest epoch of the two runs (both are there unless one has ended)."""
        return max((r.progress.epoch for r in self.reports if r is not None), default=0)


@dataclass(eq=False)
class PairJob:
    """One run of the loop over both trainers; ``stop`` ends it between chunks."""

    run_id: int
    trainers: tuple[Trainer | None, Trainer | None]
    X_all: np.ndarray
    max_epochs: int | None = None  # None: to each trainer's target (or until stopped)
    stop: threading.Event = field(default_factory=threading.Event)


def pair_report(run_id: int, trainers, X_all: np.ndarray, eps: float = 0.0) -> PairReport:
    """Copies of both trainers (call only from the thread that owns them at that moment)."""
    return PairReport(run_id, tuple(None if t is None else make_report(run_id, t, X_all, eps) for t in trainers))


def furthest(trainers) -> int:
    return max((t.epoch for t in trainers if t is not None), default=0)


class PairWorker(QObject):
    """Lives in the compare thread; ``run`` is invoked there through a queued signal."""

    report = Signal(object)  # PairReport
    failed = Signal(int, str)  # run id, error text
    finished = Signal(int, str)  # run id, reason (DONE, STOPPED, STEPPED, FAILED)

    def __init__(self) -> None:
        super().__init__()
        self.idle = threading.Event()
        self.idle.set()
        self.handled = threading.Event()  # set by the controller once the window has drawn a report
        self.handled.set()
        self.speed = 0.0  # epochs per second, each run; 0: as fast as possible
        self.report_interval = REPORT_INTERVAL
        self.chunk_seconds = CHUNK_SECONDS
        self.reports_emitted = 0
        self.report_cost = 0.0  # smoothed seconds per report (making it + waiting for the window)

    @Slot(object)
    def run(self, job: PairJob) -> None:
        reason = STOPPED
        old_switch = sys.getswitchinterval()
        try:
            if job.stop.is_set():
                self.emit_report(job, 0.0)  # the window still ends on the trainers' state
                return
            sys.setswitchinterval(SWITCH_INTERVAL)
            reason = self._loop(job)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, the thread survives
            reason = FAILED
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(job.run_id, f"{type(exc).__name__}: {exc}")
        finally:
            sys.setswitchinterval(old_switch)
            self.idle.set()
            self.finished.emit(job.run_id, reason)

    def _loop(self, job: PairJob) -> str:
        trainers = [t for t in job.trainers if t is not None]
        left, chunk, clock = job.max_epochs, 1, time.perf_counter
        last_emit = emit_time = clock()
        emit_epoch, eps = furthest(trainers), 0.0
        pace_speed, pace_t0, pace_e0 = self.speed, clock(), emit_epoch
        while True:
            if job.stop.is_set():
                reason = STOPPED
                break
            going = [t for t in trainers if not t.done]
            if not going:
                reason = DONE
                break
            if left is not None and left <= 0:
                reason = STEPPED
                break
            speed = self.speed
            if speed != pace_speed:
                pace_speed, pace_t0, pace_e0 = speed, clock(), furthest(trainers)
            n = max(1, min(chunk, int(speed * PACE_SLICE))) if speed > 0 else chunk
            if left is not None:
                n = min(n, left)
                left -= n
            before, t0 = furthest(going), clock()
            for t in going:  # the same epochs for each, one after the other
                t.train(n)
            dt, done = clock() - t0, furthest(going) - before
            if done > 0:
                chunk = max(1, min(MAX_CHUNK, int(self.chunk_seconds / max(dt / done, 1e-9)), chunk * 4))
            now = clock()
            if now - last_emit >= self.next_report_interval():
                if now > emit_time:
                    eps = (furthest(trainers) - emit_epoch) / (now - emit_time)
                emit_epoch, emit_time = furthest(trainers), now
                self.emit_report(job, eps)
                last_emit = now
            if speed > 0:
                due = pace_t0 + (furthest(trainers) - pace_e0) / speed
                while not job.stop.is_set() and self.speed == speed and due - clock() > 0:
                    job.stop.wait(min(due - clock(), PACE_SLICE))
        now = clock()
        if now > emit_time and furthest(trainers) > emit_epoch:
            eps = (furthest(trainers) - emit_epoch) / (now - emit_time)
        self.emit_report(job, eps)  # always the last one
        return reason

    def next_report_interval(self) -> float:
        """Seconds between reports: ``report_interval``, longer when the window is slow to draw them, so that
        reports cost at most REPORT_BUDGET of the training time (as in :class:`TrainingWorker`)."""
        return max(self.report_interval, min(MAX_REPORT_INTERVAL, self.report_cost / REPORT_BUDGET))

    def emit_report(self, job: PairJob, eps: float) -> None:
        t0 = time.perf_counter()
        self.reports_emitted += 1
        self.handled.clear()
        self.report.emit(pair_report(job.run_id, job.trainers, job.X_all, eps))
        if not job.stop.is_set():
            self.handled.wait(HANDLED_TIMEOUT)  # let the window draw it (bounded: never stalls training)
        self.report_cost = 0.7 * self.report_cost + 0.3 * (time.perf_counter() - t0)


class PairController(QObject):
    """The GUI side: the two trainers, their thread, the run ids and the shared state (:class:`State`).

    ``trainers[A]`` / ``trainers[B]`` (None: that run cannot train) and ``configs`` (each run's
    settings, kept even when they cannot train) are read only while :meth:`is_running` is False.
    """

    report = Signal(object)  # PairReport of the current run only
    failed = Signal(str)
    finished = Signal(int)
    stateChanged = Signal(str)
    replaced = Signal(object)  # (run indices) whose trainers were replaced; the worker is idle while it is emitted

    _start = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("nnguiCompareThread")
        self.worker = PairWorker()
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.run)
        self.worker.report.connect(self._on_report)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.thread.start()
        self.dataset: Dataset | None = None
        self.trainers: list[Trainer | None] = [None, None]
        self.configs: list[TrainConfig | None] = [None, None]
        self.problem: str | None = None  # why B cannot train with its settings (None: it can)
        self.last_report: PairReport | None = None
        self._run_id = 0
        self._job: PairJob | None = None
        self._state = State.EMPTY
        self._shut_down = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- state ------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def run_id(self) -> int:
        return self._run_id

    @property
    def shut_down(self) -> bool:
        return self._shut_down

    def is_running(self) -> bool:
        """A run is under way, or its end has not reached the GUI yet: do not touch the trainers."""
        return self._state == State.RUNNING or not self.worker.idle.is_set()

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _resting_state(self) -> State:
        live = [t for t in self.trainers if t is not None]
        if not live:
            return State.EMPTY
        if all(t.done for t in live):
            return State.DIVERGED if all(t.diverged for t in live) else State.DONE
        return State.PAUSED if furthest(live) > 0 else State.READY

    # -- building ---------------------------------------------------------------------------

    def set_runs(self, dataset: Dataset, config_a: TrainConfig, config_b: TrainConfig) -> None:
        """New data and both runs' settings: fresh weights for both (A's problem raises; B's is ``problem``)."""
        self.dataset = dataset
        self.configs = [config_a, config_b]
        self.reset()

    def build(self, config: TrainConfig) -> Trainer:
        """A fresh trainer on the data; raises ConfigError / DataError / ValueError / MemoryError."""
        if self.dataset is None:
            raise ValueError(translate("MainWindow", "Nothing to train: load a preset or type some data."))
        return Trainer(self.dataset, config)

    def try_build(self, config: TrainConfig | None) -> tuple[Trainer | None, str | None]:
        """(trainer, None), or (None, why it cannot train)."""
        if config is None:
            return None, None
        try:
            return self.build(config), None
        except MemoryError:
            return None, translate("MainWindow", "there is not enough memory for a network this big; use fewer "
                                                 "or smaller layers")
        except (ValueError, TypeError) as exc:  # ConfigError and DataError are ValueErrors
            return None, error_text(exc)

    def reset(self) -> None:
        """Fresh weights for both runs from their settings (same seeds: same first weights), at rest.

        A problem of A's raises (A's settings trained in the main window); B's is kept in ``problem``.
        """
        self._halt()
        self.trainers = [None, None]
        self._new_run()
        a = self.build(self.configs[A])
        b, self.problem = self.try_build(self.configs[B])
        self.trainers = [a, b]
        self.replaced.emit((A, B))
        self._set_state(self._resting_state())

    def change_b(self, config: TrainConfig) -> str | None:
        """B's settings changed: both runs start again from their first weights (they stay in step) and go
        on training if they were. When B cannot train, A is left as it is (training on, if it was) and
        the reason is returned (and kept in ``problem``)."""
        trainer, self.problem = self.try_build(config)
        self.configs[B] = config
        was_running = self._state == State.RUNNING
        self._halt()
        self._new_run()
        if trainer is None:
            self.trainers[B] = None
            self.replaced.emit((B,))
        else:
            self.trainers = [self.build(self.configs[A]), trainer]
            self.replaced.emit((A, B))
        if not (was_running and self._start_job(None)):
            self._set_state(self._resting_state())
        return self.problem

    def snapshot(self) -> PairReport | None:
        """A report of both runs now, built in the GUI thread (None while the worker has them)."""
        if self.trainers == [None, None] or self.dataset is None or not self.worker.idle.is_set():
            return None
        self.last_report = pair_report(self._run_id, self.trainers, self.dataset.X)
        return self.last_report

    # -- running ----------------------------------------------------------------------------

    def start(self, max_epochs: int | None = None) -> bool:
        """Train both (to their targets, or ``max_epochs`` more); False when there is nothing to train."""
        if self._shut_down:
            return False
        self._halt()
        if self._start_job(max_epochs):
            return True
        self._set_state(self._resting_state())
        return False

    def _start_job(self, max_epochs: int | None) -> bool:
        if not any(t is not None and not t.done for t in self.trainers) or self.dataset is None:
            return False
        self._run_id += 1
        self._job = PairJob(self._run_id, (self.trainers[A], self.trainers[B]), self.dataset.X, max_epochs)
        self.worker.idle.clear()
        self._set_state(State.RUNNING)
        self._start.emit(self._job)
        return True

    def pause(self, wait: bool = True, timeout: float = 10.0) -> bool:
        """Stop both after their chunk; with ``wait`` block until the worker is idle (within one chunk)."""
        ok = self._halt(wait, timeout)
        if ok and self._state == State.RUNNING:
            self._set_state(self._resting_state())
        return ok

    def _halt(self, wait: bool = True, timeout: float = 10.0) -> bool:
        job = self._job
        if job is not None:
            job.stop.set()
            self.worker.handled.set()  # a worker waiting for the window to draw a report stops waiting
        return self.worker.idle.wait(timeout) if wait else True

    def set_speed(self, epochs_per_second: float) -> None:
        """About this many epochs a second for each run (0: as fast as possible)."""
        self.worker.speed = max(0.0, float(epochs_per_second))

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block (processing Qt events) until the run has ended and its signals arrived."""
        return process_events_while(lambda: self._state == State.RUNNING, timeout, (self.stateChanged,))

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop both runs and join the thread (the compare window's closeEvent, or the application's end)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._halt(True, timeout)
        self.thread.quit()
        self.thread.wait(int(timeout * 1000))
        self._new_run()
        self._set_state(State.EMPTY if self.trainers == [None, None] else self._resting_state())

    # -- worker signals (GUI thread) --------------------------------------------------------

    def _new_run(self) -> None:
        self._run_id += 1
        self._job = None
        self.last_report = None

    @Slot(object)
    def _on_report(self, rep: PairReport) -> None:
        try:
            if rep.run_id == self._run_id:
                self.last_report = rep
                self.report.emit(rep)
        finally:  # release the worker after the repaints the views scheduled (see TrainingController)
            QCoreApplication.postEvent(self, QEvent(RELEASE_EVENT), Qt.EventPriority.LowEventPriority.value)

    def event(self, e: QEvent) -> bool:  # noqa: D102 - Qt API
        if e.type() == RELEASE_EVENT:
            self.worker.handled.set()
            return True
        return super().event(e)

    @Slot(int, str)
    def _on_failed(self, run_id: int, text: str) -> None:
        if run_id == self._run_id:
            self.failed.emit(text)

    @Slot(int, str)
    def _on_finished(self, run_id: int, _reason: str) -> None:
        if run_id != self._run_id:
            return
        if self.worker.idle.is_set():
            self._set_state(self._resting_state())
        self.finished.emit(run_id)
