"""The training thread: a QObject worker on a QThread that runs a core Trainer in chunks.

Rules (see ``shared/design.md``):

- The trainer runs in chunks sized so one chunk takes about 30 ms; between chunks the
  worker honours a stop request (a ``threading.Event`` per run), applies a new learning
  rate and paces itself when a speed limit is set.
- Reports (:class:`nngui.training.report.TrainingReport`, immutable copies) are emitted at most
  every ``report_interval`` seconds (20 a second), less often when the window is slow to
  take them (:meth:`TrainingWorker.next_report_interval`), plus always the last one of a
  run. Every run carries an id; the controller drops reports of stale runs.
- Any exception inside the loop becomes a ``failed`` signal with its text; the thread
  survives and the next run works.
- ``sys.setswitchinterval(0.001)`` while training keeps the GUI thread responsive
  (measured: 99th-percentile timer delay ~14 ms at full speed), restored afterwards.

The GUI thread touches a Trainer only while the worker is idle (``TrainingController``
guarantees it by waiting for the worker's ``idle`` event before it reads or replaces one).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot

from core import compiled
from core.config import TrainConfig
from core.data import Dataset
from core.history import LossHistory
from core.network import Network
from core.normalization import Normalizer
from core.trainer import Trainer

from nngui.training.report import TrainingReport

SWITCH_INTERVAL = 0.001
REPORT_INTERVAL = 1.0 / 20.0  # shortest time between reports
MAX_REPORT_INTERVAL = 0.25  # longest, however slowly the window takes them
REPORT_BUDGET = 0.03  # at most this share of a run goes to making reports and waiting for the window to take them
CHUNK_SECONDS = 0.03  # a pause waits at most this long; each chunk costs ~0.2 ms of bookkeeping
MAX_CHUNK = 1_000_000
PACE_SLICE = 0.05
HANDLED_TIMEOUT = 0.1  # longest wait for the GUI to take a report before training on
_RELEASE = QEvent.Type(QEvent.registerEventType())  # posted by the controller once the window has drawn a report

# Reasons a run ends (the controller's ``last_reason``).
DONE, DIVERGED, STOPPED, STEPPED, FAILED = "done", "diverged", "stopped", "stepped", "failed"


def process_events_while(busy, timeout: float, wake=()) -> bool:
    """Run the Qt event loop while ``busy()`` is true; False if ``timeout`` seconds pass first.

    ``busy`` is checked whenever one of the ``wake`` signals fires, and every 10 ms (every
    50 ms when there are wake signals: waking 100 times a second cost a training run in
    the window 3-5 % of its speed).
    """
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50 if wake else 10)
    timer.timeout.connect(loop.quit)
    for signal in wake:
        signal.connect(loop.quit)
    timer.start()
    try:
        while busy():
            if time.monotonic() > deadline:
                return False
            loop.exec()
    finally:
        timer.stop()
        for signal in wake:
            signal.disconnect(loop.quit)
    return True


def make_report(run_id: int, trainer: Trainer, X_all: np.ndarray, epochs_per_second: float = 0.0) -> TrainingReport:
    """An immutable snapshot of ``trainer``: copied weights, predictions for every table row, curves.

    Call it only from the thread that owns the trainer at that moment.
    """
    layers = tuple(trainer.weights())
    with np.errstate(all="ignore"):
        predictions = trainer.predict(X_all)
    train_curve = trainer.history.curve()
    val_curve = trainer.val_history.curve() if len(trainer.val_history) else None
    return TrainingReport(
        run_id=run_id,
        progress=trainer.progress(),
        architecture=trainer.network.arch,
        layers=layers,
        predictions=predictions,
        train_curve=train_curve,
        val_curve=val_curve,
        epochs_per_second=float(epochs_per_second),
    )


@dataclass(eq=False)
class RunJob:
    """One run of the loop: what to train and how far; ``stop`` ends it between chunks."""

    run_id: int
    trainer: Trainer
    X_all: np.ndarray
    max_epochs: int | None = None  # None: to the trainer's target (or until stopped)
    stop: threading.Event = field(default_factory=threading.Event)


class TrainingWorker(QObject):
    """Lives in the training thread; ``run`` is invoked there through a queued signal."""

    report = Signal(object)  # TrainingReport
    failed = Signal(int, str)  # run id, error text
    finished = Signal(int, str)  # run id, reason (DONE, DIVERGED, STOPPED, STEPPED, FAILED)

    def __init__(self) -> None:
        super().__init__()
        self.idle = threading.Event()
        self.idle.set()
        self.lock = threading.RLock()
        self.pending_lr: float | None = None
        self.speed = 0.0  # epochs per second limit; 0 = as fast as possible
        self.report_interval = REPORT_INTERVAL
        self.chunk_seconds = CHUNK_SECONDS
        self.reports_emitted = 0
        self.handled = threading.Event()  # set by the controller once the GUI has taken a report
        self.handled.set()
        self.handled_timeout = HANDLED_TIMEOUT
        self.report_cost = 0.0  # smoothed seconds per report (making it + waiting for the window)

    def request_learning_rate(self, job: RunJob | None, lr: float) -> bool:
        """Apply ``lr`` between chunks if a run is under way; False when idle (caller applies it)."""
        with self.lock:
            if self.idle.is_set():
                return False
            self.pending_lr = float(lr)
            return True

    def _apply_pending(self, trainer: Trainer) -> None:
        with self.lock:
            lr, self.pending_lr = self.pending_lr, None
        if lr is not None:
            trainer.set_learning_rate(lr)

    @Slot()
    def warm_up(self) -> None:
        """Load core.compiled's cached machine code (about 0.2 s, holding the GIL) before it is needed."""
        try:
            compiled.warm_up()
        except Exception:  # noqa: BLE001 - an optional speed-up; training works without it
            traceback.print_exc(file=sys.stderr)

    @Slot(object)
    def run(self, job: RunJob) -> None:
        reason = STOPPED
        old_switch = sys.getswitchinterval()
        try:
            if job.stop.is_set():
                # Stopped before it began: still report, so the window ends on the trainer's state even
                # when the previous run's last reports were dropped as stale.
                self._emit(job, 0.0)
                return
            sys.setswitchinterval(SWITCH_INTERVAL)
            reason = self._loop(job)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, the thread survives
            reason = FAILED
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(job.run_id, f"{type(exc).__name__}: {exc}")
        finally:
            sys.setswitchinterval(old_switch)
            with self.lock:
                try:
                    self._apply_pending(job.trainer)
                except Exception:  # noqa: BLE001 - a bad rate was already refused by the GUI
                    pass
                self.idle.set()
            self.finished.emit(job.run_id, reason)

    def _loop(self, job: RunJob) -> str:
        trainer, stop = job.trainer, job.stop
        left = job.max_epochs
        chunk = 1
        chunk_seconds = self.chunk_seconds  # core.compiled's loop releases the GIL, so no special case
        clock = time.perf_counter
        last_emit = clock()
        emit_epoch, emit_time = trainer.epoch, last_emit
        eps = 0.0
        pace_speed, pace_t0, pace_e0 = self.speed, clock(), trainer.epoch
        while True:
            if stop.is_set():
                reason = STOPPED
                break
            self._apply_pending(trainer)
            if trainer.diverged:
                reason = DIVERGED
                break
            if trainer.done:
                reason = DONE
                break
            if left is not None and left <= 0:
                reason = STEPPED
                break
            speed = self.speed
            if speed != pace_speed:
                pace_speed, pace_t0, pace_e0 = speed, clock(), trainer.epoch
            n = chunk
            if speed > 0:
                n = max(1, min(n, int(speed * PACE_SLICE)))
            if left is not None:
                n = min(n, left)
            before = trainer.epoch
            t0 = clock()
            trainer.train(n)
            dt = clock() - t0
            done = trainer.epoch - before
            if left is not None:
                left -= n
            if done > 0:
                per_epoch = max(dt / done, 1e-9)
                target = int(chunk_seconds / per_epoch)
                chunk = max(1, min(MAX_CHUNK, target, chunk * 4))
            now = clock()
            if now - last_emit >= self.next_report_interval():
                span = now - emit_time
                if span > 0:
                    eps = (trainer.epoch - emit_epoch) / span
                emit_epoch, emit_time = trainer.epoch, now
                self._emit(job, eps)
                last_emit = now
            if speed > 0 and not trainer.done:
                due = pace_t0 + (trainer.epoch - pace_e0) / speed
                while not stop.is_set() and self.speed == speed:
                    wait = due - clock()
                    if wait <= 0:
                        break
                    stop.wait(min(wait, PACE_SLICE))
        now = clock()
        span = now - emit_time
        if span > 0 and trainer.epoch > emit_epoch:
            eps = (trainer.epoch - emit_epoch) / span
        self._emit(job, eps)  # always the last one
        return reason

    def next_report_interval(self) -> float:
        """Seconds from one report to the next: ``report_interval``, or longer when the window is slow
        to take them, so that reporting costs at most REPORT_BUDGET of the training time.

        While the window draws a report this thread waits (see :meth:`_emit`), so every report
        costs training time; a window with big views (a 64-32-10 diagram, a 1,797-row table)
        takes 5-10 ms a report here, and 20 of those a second cost W2 in the window 10-15 %
        of its speed (docs/performance.md, W4).
        """
        return max(self.report_interval, min(MAX_REPORT_INTERVAL, self.report_cost / REPORT_BUDGET))

    def _emit(self, job: RunJob, eps: float) -> None:
        t0 = time.perf_counter()
        self.reports_emitted += 1
        self.handled.clear()
        self.report.emit(make_report(job.run_id, job.trainer, job.X_all, eps))
        # Let the GUI thread draw this report before training on: painting while this thread keeps
        # taking the GIL between its NumPy calls was 3-6x slower and made the window stutter
        # (docs/performance.md, W4). The wait is bounded, so a busy GUI never stalls training.
        # The compiled loop holds no GIL, so there the window paints while training goes on.
        if not job.stop.is_set() and not job.trainer.releases_gil:
            self.handled.wait(self.handled_timeout)
        self.report_cost = 0.7 * self.report_cost + 0.3 * (time.perf_counter() - t0)


class TrainingController(QObject):
    """Owns the training thread and its worker, the current Trainer and the run ids.

    States: ``empty`` (no trainer), ``ready`` (built, not trained), ``running``,
    ``paused``, ``done`` (epoch target reached), ``diverged``, ``failed``.
    """

    report = Signal(object)  # TrainingReport of the current run only
    failed = Signal(str)
    finished = Signal(int)  # run id of a run that ended
    stateChanged = Signal(str)

    _start = Signal(object)
    _warm = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("nnguiTrainingThread")
        self.worker = TrainingWorker()
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.run)
        self._warm.connect(self.worker.warm_up)
        self.worker.report.connect(self._on_report)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.thread.start()
        self._trainer: Trainer | None = None
        self._X_all: np.ndarray | None = None
        self._run_id = 0
        self._job: RunJob | None = None
        self._state = "empty"
        self.last_reason: str | None = None
        self.last_report: TrainingReport | None = None
        self.last_error: str | None = None
        self._warm.emit()  # load the compiled loop in the training thread now, not at the first Train
        self._shut_down = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- state ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def run_id(self) -> int:
        return self._run_id

    def is_running(self) -> bool:
        """A run is queued or under way (the GUI must not touch the trainer), or its last report and
        its end have not reached the GUI yet: only then do the views show where the run ended."""
        return self._state == "running" or not self.worker.idle.is_set()

    @property
    def trainer(self) -> Trainer | None:
        """The current trainer; only read it while :meth:`is_running` is False."""
        return self._trainer

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # -- building ---------------------------------------------------------------------------

    def set_session(
        self, dataset: Dataset, config: TrainConfig, start: Network | None = None,
        normalizer: Normalizer | None = None, history: LossHistory | None = None, epoch: int = 0,
    ) -> Trainer:
        """Stop any run and build a new Trainer (fresh weights unless ``start`` is given).

        Raises ConfigError / DataError / ValueError from the core; then nothing changes.
        """
        trainer = Trainer(dataset, config, start=start, normalizer=normalizer, history=history, epoch=epoch)
        self.pause(wait=True)
        self._trainer = trainer
        self._X_all = dataset.X
        self._new_run_id()
        self.last_reason = None
        self.last_error = None
        self.last_report = None
        self._set_state(self._resting_state())
        return trainer

    def clear(self) -> None:
        self.pause(wait=True)
        self._trainer = None
        self._X_all = None
        self.last_report = None
        self._new_run_id()
        self._set_state("empty")

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
        rep = make_report(self._run_id, self._trainer, self._X_all)
        self.last_report = rep
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
        job = RunJob(self._run_id, self._trainer, self._X_all, max_epochs)
        self._job = job
        self.last_reason = None
        self.worker.idle.clear()
        self._set_state("running")
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
            if ok and self._state == "running":
                self._set_state(self._resting_state())
            return ok
        return True

    stop = pause

    def set_learning_rate(self, lr: float) -> None:
        """Change the rate at once: between chunks while running, directly when idle."""
        if self._trainer is None:
            return
        if not self.worker.request_learning_rate(self._job, lr):
            self._trainer.set_learning_rate(lr)

    def set_speed(self, epochs_per_second: float) -> None:
        """Limit training to about this many epochs a second (0: as fast as possible)."""
        self.worker.speed = max(0.0, float(epochs_per_second))

    @property
    def speed(self) -> float:
        return self.worker.speed

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block (processing Qt events) until the current run has ended and its signals arrived."""
        return process_events_while(lambda: self._state == "running", timeout, (self.stateChanged,))

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
        self._new_run_id()

    # -- worker signals (GUI thread) --------------------------------------------------------

    def _new_run_id(self) -> None:
        self._run_id += 1
        self._job = None

    def _resting_state(self) -> str:
        t = self._trainer
        if t is None:
            return "empty"
        if t.diverged:
            return "diverged"
        if t.done:
            return "done"
        if self.last_reason == FAILED:
            return "failed"
        return "paused" if t.epoch > 0 else "ready"

    @Slot(object)
    def _on_report(self, rep: TrainingReport) -> None:
        try:
            if rep.run_id != self._run_id:
                return  # a stale run (reset, new data or settings since)
            self.last_report = rep
            self.report.emit(rep)  # the window draws it here, while the worker waits
        finally:
            # Release the worker only after the repaints the views scheduled meanwhile (changed status
            # labels, the diagram scene's bookkeeping): Qt posts them at low priority, so an event posted
            # now at low priority comes after them. Run while training, each of them waited for the GIL
            # between the training thread's NumPy calls, and cost that thread more than the paint itself.
            QCoreApplication.postEvent(self, QEvent(_RELEASE), Qt.EventPriority.LowEventPriority.value)

    def event(self, e: QEvent) -> bool:  # noqa: D102 - Qt API
        if e.type() == _RELEASE:
            self.worker.handled.set()
            return True
        return super().event(e)

    @Slot(int, str)
    def _on_failed(self, run_id: int, text: str) -> None:
        if run_id != self._run_id:
            return
        self.last_error = text
        self.failed.emit(text)

    @Slot(int, str)
    def _on_finished(self, run_id: int, reason: str) -> None:
        if run_id != self._run_id:
            return
        self.last_reason = reason
        if self.worker.idle.is_set():
            self._set_state(self._resting_state())
        self.finished.emit(run_id)
