"""The training thread: a QObject worker on a QThread that runs a core Trainer in chunks.

Rules (see ``docs/architecture.md``):

- The trainer runs in chunks sized so one chunk takes about 30 ms; between chunks the
  worker honours a stop request (a ``threading.Event`` per run), applies a new learning
  rate and paces itself when a speed limit is set.
- Reports (:class:`nngui.training.report.TrainingReport`, immutable copies) are emitted at most
  every ``report_interval`` seconds (20 a second), less often when the window is slow to
  take them (:meth:`TrainingWorker.next_report_interval`), plus always the last one of a
  run. Every run carries an id; the controller drops reports of stale runs.
- With a checkpoint store (``RunJob.checkpoints``, time travel) the worker keeps a checkpoint
  at the run's start, at every epoch of the store's log grid (a chunk ends there: the grid
  is every epoch at first, then about 10 % apart, so a run of a million epochs ends ~145
  chunks early) and at every report. Checkpoints only copy state: the run is the same, bit
  for bit, with or without them.
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
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal, Slot

from core import compiled
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
RELEASE_EVENT = QEvent.Type(QEvent.registerEventType())  # posted by the controller once the window has drawn a report

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


def make_report(run_id: int, trainer: Trainer, X_all: np.ndarray, epochs_per_second: float = 0.0,
                checkpoints: tuple[int, ...] = ()) -> TrainingReport:
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
        checkpoints=tuple(checkpoints),
    )


@dataclass(eq=False)
class RunJob:
    """One run of the loop: what to train and how far; ``stop`` ends it between chunks."""

    run_id: int
    trainer: Trainer
    X_all: np.ndarray
    max_epochs: int | None = None  # None: to the trainer's target (or until stopped)
    stop: threading.Event = field(default_factory=threading.Event)
    checkpoints: object = None  # a nngui.training.timeline.Checkpoints to feed, or None


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

    def request_learning_rate(self, lr: float) -> bool:
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

    @Slot(object)
    def run(self, job: RunJob) -> None:
        reason = STOPPED
        old_switch = sys.getswitchinterval()
        try:
            if job.stop.is_set():
                # Stopped before it began: still report, so the window ends on the trainer's state even
                # when the previous run's last reports were dropped as stale.
                self.emit_report(job, 0.0)
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
        store = job.checkpoints
        wanted = None  # the next epoch the checkpoint store's log grid wants
        if store is not None:
            store.add(trainer)
            wanted = store.next_wanted(trainer.epoch)
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
            cut = wanted is not None and trainer.epoch + n > wanted
            if cut:
                n = wanted - trainer.epoch  # end the chunk at the grid's epoch
            before = trainer.epoch
            t0 = clock()
            trainer.train(n)
            dt = clock() - t0
            done = trainer.epoch - before
            if left is not None:
                left -= n
            if wanted is not None and trainer.epoch >= wanted:
                store.add(trainer)
                wanted = store.next_wanted(trainer.epoch)
            if done > 0 and not cut:  # a chunk cut short by the grid says little about the speed
                per_epoch = max(dt / done, 1e-9)
                target = int(chunk_seconds / per_epoch)
                chunk = max(1, min(MAX_CHUNK, target, chunk * 4))
            now = clock()
            if now - last_emit >= self.next_report_interval():
                span = now - emit_time
                if span > 0:
                    eps = (trainer.epoch - emit_epoch) / span
                emit_epoch, emit_time = trainer.epoch, now
                self.emit_report(job, eps)
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
        self.emit_report(job, eps)  # always the last one
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

    def emit_report(self, job: RunJob, eps: float) -> None:
        t0 = time.perf_counter()
        self.reports_emitted += 1
        self.handled.clear()
        store = job.checkpoints
        if store is not None:
            store.add(job.trainer)
        self.report.emit(make_report(job.run_id, job.trainer, job.X_all, eps,
                                     store.epochs() if store is not None else ()))
        # Let the GUI thread draw this report before training on: painting while this thread keeps
        # taking the GIL between its NumPy calls was 3-6x slower and made the window stutter
        # (docs/performance.md, W4). The wait is bounded, so a busy GUI never stalls training.
        # The compiled loop holds no GIL, so there the window paints while training goes on.
        if not job.stop.is_set() and not job.trainer.releases_gil:
            self.handled.wait(self.handled_timeout)
        self.report_cost = 0.7 * self.report_cost + 0.3 * (time.perf_counter() - t0)


def warm_up_loop() -> None:
    """Load core.compiled's machine code (from the disk cache: about 0.2 s; compiled afresh: seconds)."""
    try:
        compiled.warm_up()
    except Exception:  # noqa: BLE001 - an optional speed-up; training works without it
        traceback.print_exc(file=sys.stderr)
