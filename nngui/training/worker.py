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
- A NumPy-path trainer of a run that lasts (over ``PROCESS_AFTER`` seconds) trains its chunks in a
  child process (``core.train_process``): the window paints while it trains instead of taking turns
  with it for the GIL. The worker keeps its contract (chunks, pause, step, learning rate, reports) and
  its trainer is updated after every chunk, bit for bit as if it had trained here. Reports of such a
  run are not waited for: one is sent only once the window has drawn the one before (W6).
- ``sys.setswitchinterval(0.001)`` while training keeps the GUI thread responsive
  (measured: 99th-percentile timer delay ~14 ms at full speed), restored afterwards.

The GUI thread touches a Trainer only while the worker is idle (``TrainingController``
guarantees it by waiting for the worker's ``idle`` event before it reads or replaces one).
"""

from __future__ import annotations

import dataclasses
import sys
from collections import deque
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal, Slot

from core import compiled
from core import train_process
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
PROCESS_AFTER = 0.5  # seconds into a run before its chunks move to a child process (short runs stay here)
PROCESS_CHUNK_SECONDS = 0.015  # chunks in the child: a report every 2-3 of them at PROCESS_REPORT_INTERVAL
PIPELINE = 3  # chunks asked of the child ahead: it trains on while the window holds the GIL (a pause waits for them)
PROCESS_REPORT_INTERVAL = 1.0 / 30.0  # the window draws while the child trains: reports as fast as it takes them
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


@dataclass
class _Run:
    """A run's bookkeeping, shared by the loop in this thread and the one in the child process."""

    left: int | None  # epochs still to train (None: up to the target, or until stopped)
    started: float
    emit_epoch: int
    chunk: int = 1
    eps: float = 0.0
    last_emit: float = field(init=False)
    emit_time: float = field(init=False)

    def __post_init__(self) -> None:
        self.last_emit = self.emit_time = self.started

    def resize(self, per_epoch: float, seconds: float) -> None:
        """The next chunk: about ``seconds`` long at ``per_epoch`` seconds an epoch, growing at most 4x."""
        target = int(seconds / max(per_epoch, 1e-9))
        self.chunk = max(1, min(MAX_CHUNK, target, self.chunk * 4))


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
        self.use_process = True  # whether long runs of small NumPy-path trainers train in a child process
        self._process: train_process.TrainingProcess | None = None
        self._process_failed = False  # it could not start: every run trains here
        self.remote = False  # whether the latest chunk trained in the child process
        # The decision map's grid evaluation (network -> core.inspect.PlaneMap), set by the window while the map
        # is on screen: reports of a run in a child process carry it, evaluated here instead of the GUI thread.
        self.plane_job = None

    def close_process(self) -> None:
        """End the training process, if any (the controller's shutdown; the worker is idle)."""
        process, self._process = self._process, None
        if process is not None:
            process.close()

    def _process_for(self, trainer: Trainer, seconds: float) -> train_process.TrainingProcess | None:
        """The child process to train ``trainer``'s next chunk in, once ready (started ``seconds`` into a run
        past PROCESS_AFTER); None: train it here."""
        if not self.use_process or self._process_failed or not train_process.suitable(trainer):
            return None
        process = self._process
        if process is not None and not process.alive():  # it died (or a run failed in it): no other one is
            process.close()  # started for this window, so a child that cannot run is not started again and again
            self._process, self._process_failed = None, True
            return None
        if process is None:
            if seconds < PROCESS_AFTER:
                return None
            try:
                process = self._process = train_process.TrainingProcess()
            except (OSError, ValueError):  # no process here (pass_fds is POSIX only): train in the thread
                traceback.print_exc(file=sys.stderr)
                self._process_failed = True
                return None
        return process if process.ready() else None

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
        reason, failure = STOPPED, None
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
            failure = str(exc) if isinstance(exc, train_process.RemoteError) else f"{type(exc).__name__}: {exc}"
        finally:
            self.remote = False
            job.trainer.interrupt_on(None)
            sys.setswitchinterval(old_switch)
            with self.lock:
                try:
                    self._apply_pending(job.trainer)
                except Exception:  # noqa: BLE001 - a bad rate was already refused by the GUI
                    pass
                self.idle.set()
            if failure is not None:  # once idle: the window that shows it may start the next run at once
                self.failed.emit(job.run_id, failure)
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
        r = _Run(job.max_epochs, time.perf_counter(), trainer.epoch)
        clock = time.perf_counter
        chunk_seconds = self.chunk_seconds  # core.compiled's loop releases the GIL, so no special case
        pace_speed, pace_t0, pace_e0 = self.speed, clock(), trainer.epoch
        store = job.checkpoints
        wanted = None  # the next epoch the checkpoint store's log grid wants
        if store is not None:
            store.add(trainer)
            wanted = store.next_wanted(trainer.epoch)
        while True:
            reason = self._why_end(trainer, stop, r.left)
            if reason is not None:
                break
            speed = self.speed
            if speed != pace_speed:
                pace_speed, pace_t0, pace_e0 = speed, clock(), trainer.epoch
            process = self._process_for(trainer, clock() - r.started) if speed <= 0 else None
            if process is not None:
                reason = self._loop_in_process(job, process, r)
                if reason is not None:
                    break
                if store is not None:
                    wanted = store.next_wanted(trainer.epoch)
                continue  # the process is gone, or a speed limit was set: on in this thread
            n = r.chunk
            if speed > 0:
                n = max(1, min(n, int(speed * PACE_SLICE)))
            if r.left is not None:
                n = min(n, r.left)
            cut = wanted is not None and trainer.epoch + n > wanted
            if cut:
                n = wanted - trainer.epoch  # end the chunk at the grid's epoch
            before = trainer.epoch
            t0 = clock()
            trainer.train(n)
            dt = clock() - t0
            done = trainer.epoch - before
            if r.left is not None:
                r.left -= n
            if wanted is not None and trainer.epoch >= wanted:
                store.add(trainer)
                wanted = store.next_wanted(trainer.epoch)
            if done > 0 and not cut:  # a chunk cut short by the grid says little about the speed
                r.resize(dt / done, chunk_seconds)
            self._report_if_due(job, r)
            if speed > 0 and not trainer.done:
                due = pace_t0 + (trainer.epoch - pace_e0) / speed
                while not stop.is_set() and self.speed == speed:
                    wait = due - clock()
                    if wait <= 0:
                        break
                    stop.wait(min(wait, PACE_SLICE))
        now = clock()
        span = now - r.emit_time
        if span > 0 and trainer.epoch > r.emit_epoch:
            r.eps = (trainer.epoch - r.emit_epoch) / span
        self.emit_report(job, r.eps, final=True)  # always the last one
        return reason

    def _why_end(self, trainer: Trainer, stop: threading.Event, left: int | None) -> str | None:
        """Why the run ends before its next chunk (None: it goes on); applies a new learning rate."""
        if stop.is_set():
            return STOPPED
        self._apply_pending(trainer)
        if trainer.diverged:
            return DIVERGED
        if trainer.done:
            return DONE
        if left is not None and left <= 0:
            return STEPPED
        return None

    def _report_if_due(self, job: RunJob, r: "_Run") -> None:
        now = time.perf_counter()
        if now - r.last_emit >= self.next_report_interval() and (not self.remote or self.handled.is_set()):
            span = now - r.emit_time
            if span > 0:
                r.eps = (job.trainer.epoch - r.emit_epoch) / span
            r.emit_epoch, r.emit_time = job.trainer.epoch, now
            self.emit_report(job, r.eps)
            r.last_emit = now

    def _loop_in_process(self, job: RunJob, process: train_process.TrainingProcess, r: "_Run") -> str | None:
        """Train the run's chunks in the child process, PIPELINE of them asked for ahead, so it trains on while
        this thread waits for the GIL to take its answers. The same chunks, grid and epoch counts as in this
        thread; a stop or a new learning rate takes effect after the chunks already asked for.

        Returns why the run ended, or None to go on in this thread (a speed limit was set, or the process is
        gone: the trainer then holds the last answer's state, and the epochs asked for since are asked again)."""
        trainer, stop, store = job.trainer, job.stop, job.checkpoints
        asked: deque[int] = deque()  # epochs of each chunk asked for and not yet answered
        ahead = trainer.epoch  # the epoch the trainer reaches once every chunk asked for is answered
        reason = None
        self.remote = True
        try:
            while True:
                while reason is None and len(asked) < PIPELINE:
                    if stop.is_set():
                        reason = STOPPED
                    elif self.speed > 0:
                        break
                    elif r.left is not None and r.left <= 0:
                        reason = STEPPED
                    if reason is not None or trainer.done or trainer.diverged:
                        break  # (with chunks asked for, the child is ahead: they train nothing)
                    n = r.chunk if r.left is None else min(r.chunk, r.left)
                    if store is not None:
                        n = min(n, store.next_wanted(ahead) - ahead)  # end the chunk at the grid's epoch
                    with self.lock:
                        lr, self.pending_lr = self.pending_lr, None
                    process.submit(trainer, n, lr)
                    asked.append(n)
                    ahead += n
                    if r.left is not None:
                        r.left -= n
                if not asked:  # the trainer is up to date: end as the loop in this thread would
                    return self._why_end(trainer, stop, r.left)  # (None: a speed limit, on in this thread)
                n, before, spent = asked[0], trainer.epoch, trainer.elapsed
                process.collect(trainer)
                asked.popleft()
                done = trainer.epoch - before
                if store is not None and done > 0 and trainer.epoch >= store.next_wanted(before):
                    store.add(trainer)
                if done == n and not (store is not None and trainer.epoch == store.next_wanted(before)):
                    r.resize((trainer.elapsed - spent) / done, min(self.chunk_seconds, PROCESS_CHUNK_SECONDS))
                if done < n and (trainer.done or trainer.diverged):
                    reason = DIVERGED if trainer.diverged else DONE  # the chunks after it train nothing
                self._report_if_due(job, r)
        except train_process.ProcessGone:
            traceback.print_exc(file=sys.stderr)
            if r.left is not None:
                r.left += sum(asked)
            return None
        finally:
            self.remote = False

    def next_report_interval(self) -> float:
        """Seconds from one report to the next: ``report_interval``, or longer when the window is slow
        to take them, so that reporting costs at most REPORT_BUDGET of the training time.

        While the window draws a report this thread waits (see :meth:`_emit`), so every report
        costs training time; a window with big views (a 64-32-10 diagram, a 1,797-row table)
        takes 5-10 ms a report here, and 20 of those a second cost W2 in the window 10-15 %
        of its speed (docs/performance.md, W4).
        """
        if self.remote:  # reports cost the child process nothing: as often as the window takes them
            return min(self.report_interval, PROCESS_REPORT_INTERVAL)
        return max(self.report_interval, min(MAX_REPORT_INTERVAL, self.report_cost / REPORT_BUDGET))

    def _mid_epoch(self, job: RunJob) -> None:
        """Between slices of a long mini-batch epoch: a report when one is due (the epoch count stands)."""
        if time.perf_counter() - self._reported_at >= self.next_report_interval():
            self.emit_report(job, self._eps, mid_epoch=True)

    def _plane(self, trainer: Trainer):
        """The decision map's grid for the trainer's weights (None: the map is not shown, or cannot draw them)."""
        plane_job = self.plane_job
        if plane_job is None:
            return None
        try:
            return plane_job(trainer.network)
        except (ValueError, TypeError, IndexError):  # settings the map cannot draw: it says so itself
            return None

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
        if self.remote:
            rep = dataclasses.replace(rep, detached=True, plane=self._plane(job.trainer) if rep.full else None)
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
        if not job.stop.is_set() and not job.trainer.releases_gil and not self.remote:
            self.handled.wait(self.handled_timeout)
        self.report_cost = 0.7 * self.report_cost + 0.3 * (time.perf_counter() - t0)


def warm_up_loop() -> None:
    """Load core.compiled's machine code (from the disk cache: about 0.2 s; compiled afresh: seconds)."""
    try:
        compiled.warm_up()
    except Exception:  # noqa: BLE001 - an optional speed-up; training works without it
        traceback.print_exc(file=sys.stderr)
