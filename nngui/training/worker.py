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
- A network of more than ``report.FULL_PARAMS`` parameters sends light reports (what the
  diagram draws) unless the window asks for every weight; predictions are made again only
  within REPORT_BUDGET; a pause cuts a long epoch short (``Trainer.interrupt_on``), and a
  report may come from inside one (docs/performance.md, W7).
- Any exception inside the loop becomes a ``failed`` signal with its text; the thread
  survives and the next run works.
- ``sys.setswitchinterval(0.001)`` while training keeps the GUI thread responsive
  (measured: 99th-percentile timer delay ~14 ms at full speed), restored afterwards.

The GUI thread touches a Trainer only while the worker is idle (``TrainingController``
guarantees it by waiting for the worker's ``idle`` event before it reads or replaces one).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal, Slot

from core import compiled
from core.network import Network
from core.trainer import Trainer

from nngui.support.palettes import absmax
from nngui.training.report import FULL_PARAMS, PREVIEW_UNITS, TrainingReport, WeightPreview

SWITCH_INTERVAL = 0.001
REPORT_INTERVAL = 1.0 / 20.0  # shortest time between reports
MAX_REPORT_INTERVAL = 0.25  # longest, however slowly the window takes them
REPORT_BUDGET = 0.03  # at most this share of a run goes to making reports and waiting for the window to take them
CHUNK_SECONDS = 0.03  # a pause waits at most this long; each chunk costs ~0.2 ms of bookkeeping
MAX_CHUNK = 1_000_000
PACE_SLICE = 0.05
HANDLED_TIMEOUT = 0.1  # longest wait for the GUI to take a report before training on
FINAL_FRESH = 0.05  # seconds: a run's last report makes its predictions when that costs at most this (W7)
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
                checkpoints: tuple[int, ...] = (), *, full: bool = True, reuse: TrainingReport | None = None,
                sample_row: int = -1) -> TrainingReport:
    """An immutable snapshot of ``trainer``: copied weights, predictions for every table row, curves.

    ``full=False`` makes a light report of a network of more than FULL_PARAMS parameters (the corner
    of each layer that the diagram draws, the colour scale, and the activations of table row
    ``sample_row`` when it is one); with ``reuse`` (an earlier report of the same run) its
    predictions, and a light report's colour scale and sample, are taken from there instead of
    computed again. Call it only from the thread that owns the trainer at that moment.
    """
    net = trainer.network
    light = not full and net.arch.n_params > FULL_PARAMS
    if reuse is not None:
        predictions, predicted = reuse.predictions, reuse.prediction_epoch
    else:
        with np.errstate(all="ignore"):
            predictions = trainer.predict(X_all)
        predicted = None
    preview = sample = None
    if net.arch.n_params > FULL_PARAMS:  # a big network: the selected row's activations (the GUI cannot copy it)
        kept = reuse.sample if reuse is not None else None
        sample = kept if kept is not None and kept[0] == sample_row else _sample(trainer, X_all, sample_row)
    if light:
        old = reuse.preview if reuse is not None else None
        if old is not None:
            w_max, b_max = old.weight_max, old.bias_max
        else:
            w_max, b_max = absmax(net.weights), absmax(b for b in net.biases if b is not None)
        k = PREVIEW_UNITS
        blocks = tuple((W[:k, :k].copy(), None if b is None else b[:k].copy()) for W, b in zip(net.weights, net.biases))
        preview = WeightPreview(blocks, w_max, b_max)
    train_curve = trainer.history.curve()
    val_curve = trainer.val_history.curve() if len(trainer.val_history) else None
    return TrainingReport(
        run_id=run_id,
        progress=trainer.progress(),
        architecture=net.arch,
        layers=() if light else tuple(trainer.weights()),
        predictions=predictions,
        train_curve=train_curve,
        val_curve=val_curve,
        epochs_per_second=float(epochs_per_second),
        checkpoints=tuple(checkpoints),
        preview=preview,
        predicted_epoch=predicted if predicted != trainer.epoch else None,
        sample=sample,
    )


def _sample(trainer: Trainer, X_all: np.ndarray, row: int) -> tuple[int, tuple[np.ndarray, ...]] | None:
    """Table row ``row`` and its activations per layer (None when it is not a row of the table)."""
    if not 0 <= row < X_all.shape[0]:
        return None
    with np.errstate(all="ignore"):
        acts = trainer.network.forward(trainer.prepare(X_all[row:row + 1]))
    return row, tuple(np.array(a[0], dtype=np.float64) for a in acts)


@dataclass(eq=False)
class RunJob:
    """One run of the loop: what to train and how far; ``stop`` ends it between chunks."""

    run_id: int
    trainer: Trainer
    X_all: np.ndarray
    max_epochs: int | None = None  # None: to the trainer's target (or until stopped)
    stop: threading.Event = field(default_factory=threading.Event)
    checkpoints: object = None  # a nngui.training.timeline.Checkpoints to feed, or None
    first: TrainingReport | None = None  # the report the window shows as the run starts (of these weights)


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
        # Big networks (nngui.training.report.FULL_PARAMS): reports are light unless the window asks for every
        # weight (request_full: the decision map, the Maths tab, autosave) or the run ends; their predictions
        # (and colour scale, sample) are made again only when that costs at most REPORT_BUDGET of the time.
        self.want_full = threading.Event()
        self.full_at_end = True  # whether a run's last report has every weight (the window says when it needs them)
        self.sample_row = -1  # the table row selected in the window (its activations ride in light reports)
        self._fresh: TrainingReport | None = None  # the run's latest report that made its predictions
        self._fresh_at = 0.0
        self._fresh_cost = 0.0  # smoothed seconds to make such a report
        self._reported_at = 0.0  # when the latest report was made, and its speed
        self._costed = 0  # id of the trainer whose _fresh_cost was measured
        self._stale: TrainingReport | None = None  # a run's last report, its predictions older than its weights
        self._eps = 0.0

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
            self._start_fresh(job)
            if job.stop.is_set():
                # Stopped before it began: still report, so the window ends on the trainer's state even
                # when the previous run's last reports were dropped as stale.
                self.emit_report(job, 0.0, final=True)
                return
            sys.setswitchinterval(SWITCH_INTERVAL)
            # A pause cuts a long mini-batch epoch short (the trainer puts its weights back), and a report
            # may come from inside one (a big network's epoch takes seconds; docs/performance.md, W7).
            job.trainer.interrupt_on(job.stop, lambda: self._mid_epoch(job))
            reason = self._loop(job)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, the thread survives
            reason = FAILED
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(job.run_id, f"{type(exc).__name__}: {exc}")
        finally:
            job.trainer.interrupt_on(None)
            sys.setswitchinterval(old_switch)
            with self.lock:
                try:
                    self._apply_pending(job.trainer)
                except Exception:  # noqa: BLE001 - a bad rate was already refused by the GUI
                    pass
                self.idle.set()
            self.finished.emit(job.run_id, reason)
        stale, self._stale = self._stale, None
        if stale is not None:
            self._predict_after(job, stale)

    def _start_fresh(self, job: RunJob) -> None:
        """The run's reports reuse the predictions of the report the window shows at its start (``job.first``)
        until new ones cost at most REPORT_BUDGET of the time; a new trainer's cost is first guessed from
        its work (1 ns a multiply-add), then measured."""
        t = job.trainer
        if self._costed != id(t):
            self._costed, self._fresh_cost = id(t), job.X_all.shape[0] * t.network.arch.n_params * 1e-9
        first = job.first
        same = first is not None and first.architecture == t.network.arch and first.progress.epoch == t.epoch
        self._fresh = first if same else None
        self._fresh_at = self._reported_at = time.perf_counter()
        self._stale = None

    def _predict_after(self, job: RunJob, rep: TrainingReport) -> None:
        """After a run whose last report kept older predictions (too costly to wait for): the same report with
        its own, from its copied weights (the trainer is the window's again)."""
        try:
            net = Network.from_layers(rep.architecture, rep.layers, job.trainer.network.params.dtype)
            with np.errstate(all="ignore"):
                P = net.predict(job.trainer.prepare(job.X_all))
            self.report.emit(dataclasses.replace(rep, predictions=P, predicted_epoch=None))
        except Exception:  # noqa: BLE001 - the older predictions stay
            traceback.print_exc(file=sys.stderr)

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
        self.emit_report(job, eps, final=True)  # always the last one
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

    def _mid_epoch(self, job: RunJob) -> None:
        """Between slices of a long mini-batch epoch: a report when one is due (the epoch count stands)."""
        if time.perf_counter() - self._reported_at >= self.next_report_interval():
            self.emit_report(job, self._eps, mid_epoch=True)

    def emit_report(self, job: RunJob, eps: float, final: bool = False, mid_epoch: bool = False) -> None:
        """Send a report (``final``: the run's last; ``mid_epoch``: from inside an epoch, whose weights are no
        checkpoint of an epoch) and let the window draw it."""
        t0 = time.perf_counter()
        self._reported_at, self._eps = t0, eps
        self.reports_emitted += 1
        self.handled.clear()
        store = job.checkpoints
        if store is not None and not mid_epoch:
            store.add(job.trainer)
        full = self.want_full.is_set() or (final and self.full_at_end)
        if full:
            self.want_full.clear()
        fresh = (self._fresh is None or t0 - self._fresh_at >= self._fresh_cost / REPORT_BUDGET
                 or (final and self._fresh_cost <= FINAL_FRESH))
        rep = make_report(job.run_id, job.trainer, job.X_all, eps, store.epochs() if store is not None else (),
                          full=full, reuse=None if fresh else self._fresh, sample_row=self.sample_row)
        if fresh:
            self._fresh, self._fresh_at = rep, t0
            self._fresh_cost = 0.7 * self._fresh_cost + 0.3 * (time.perf_counter() - t0)
        elif final and rep.predicted_epoch is not None and rep.full:
            self._stale = rep  # its own predictions follow once the run has ended (_predict_after)
        self.report.emit(rep)
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
