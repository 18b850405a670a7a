"""Training in a child process: the window's threads and the trainer stop taking turns for one GIL.

A NumPy-path trainer spends its time in short NumPy calls with Python in between, holding the
interpreter lock most of the time; a window painting live views in the same process waits for it,
and it for the window (docs/performance.md, W6). Here a child process holds a copy of the trainer
and trains the chunks; the parent's :class:`~core.trainer.Trainer` stays the one everyone reads.

The protocol is one request and one answer per chunk over a socket pair, and the parent may
ask for a few chunks ahead (:meth:`TrainingProcess.submit`, :meth:`TrainingProcess.collect`), so
the child trains on while the parent's threads wait for the GIL:

- the parent sends ``("train", n, recipe, state, learning_rate)``: the recipe (data, settings,
  normaliser) only when the child holds another trainer, the :class:`RunState` only when the
  parent's trainer changed since the child's last answer (a run's start, a hand edit), a new base
  learning rate when one was set during the run;
- the child puts the state into its copy, trains ``n`` epochs with the same code
  (:meth:`Trainer.train`) and answers with the state training changed; the parent puts it back
  into its trainer (:func:`apply_state`).

The same arithmetic in the same order, so the weights, the optimiser's state, the random stream
and the loss curves are the same bit for bit as training in-process, whatever the chunking. The
child exits when the parent closes the socket or dies (it reads end-of-file), so no process
outlives the one that started it. Pure Python and NumPy: never imports Qt.
"""

from __future__ import annotations

import os
import pickle
import socket
import subprocess
import sys
import traceback
import weakref
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from . import kernels
from .history import LossHistory
from .trainer import Checkpoint, Trainer

# What training changes besides the weights, optimiser, random stream and early stopping's state
# (Trainer.checkpoint): every attribute Trainer.train may assign.
FIELDS = ("epoch", "elapsed", "diverged", "reached", "last_loss", "last_val_loss", "config")
HISTORIES = ("history", "val_history")
MAX_PARAMS = 100_000  # bigger networks train in-process (their state is too big to send every chunk)
MAX_VALUES = 4_000_000  # input and target values of the data; a bigger table trains in-process
START_SECONDS = 10.0  # longest wait for a new child to import NumPy and say it is ready


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
MAX_WORK = 20_000_000  # rows x parameters of an epoch (tens of ms in NumPy); bigger ones train in-process
MAX_BATCHES = 1_000  # mini-batches an epoch (~15 us each on the NumPy path)
MAX_WORK_FEW_CORES = 1_000_000  # rows x parameters: above it, on 2 cores, BLAS's second thread is worth more


def child_threads() -> int:
    """BLAS threads for the child: every core but the one the window paints on."""
    return max(1, (os.cpu_count() or 1) - 1)


class ProcessGone(RuntimeError):
    """The child process ended or its socket broke: the parent's trainer keeps its last state."""


class RemoteError(RuntimeError):
    """Training raised in the child; the message names the exception as training in-process would."""


@dataclass
class RunState:
    """Everything :meth:`Trainer.train` changes in a trainer.

    ``histories`` holds the two loss histories whole, or (from the child, after a chunk) what the chunk
    changed in each: :func:`history_tail`."""

    checkpoint: Checkpoint
    fields: dict
    histories: tuple


def state_of(trainer: Trainer, since: tuple | None = None) -> RunState:
    """The trainer's run state, by reference (pickle it at once, or copy it); with ``since`` (the
    histories' :func:`history_mark` before a chunk) only what the chunk changed in them."""
    best = None if trainer.best is None else trainer.best.snapshot()
    cp = Checkpoint(trainer.epoch, trainer.network.params, trainer.optimizer, trainer.rng.bit_generator.state, best)
    histories = (trainer.history, trainer.val_history)
    if since is not None:
        histories = tuple(history_tail(h, mark) for h, mark in zip(histories, since))
    return RunState(cp, {f: getattr(trainer, f) for f in FIELDS}, histories)


def history_mark(history: LossHistory) -> tuple[int, int]:
    return history.stride, len(history)


def history_tail(history: LossHistory, mark: tuple[int, int]) -> LossHistory | tuple:
    """What changed in ``history`` since ``mark``: its buckets from the last one then (which new losses
    may have joined) on, or the whole history when it was compacted meanwhile (its stride grew)."""
    stride, n = mark
    if stride != history.stride or n == 0:
        return history
    start, end = n - 1, len(history)
    return (history.stride, start, end, tuple(getattr(history, a)[start:end].copy() for a in LossHistory._ARRAYS))


def _put_history(history: LossHistory, new: LossHistory | tuple) -> None:
    if isinstance(new, LossHistory):
        vars(history).update(vars(new))
        return
    stride, start, end, arrays = new
    history.stride = stride
    for name, values in zip(LossHistory._ARRAYS, arrays):
        getattr(history, name)[start:end] = values
    history._n = end


def apply_state(trainer: Trainer, state: RunState) -> None:
    """Put ``state`` (unpickled: owned by nobody else) into ``trainer``, keeping its objects' identity."""
    cp = state.checkpoint
    trainer.network.params[...] = cp.params  # in place: the fused steps hold views of these
    trainer.optimizer = cp.optimizer
    trainer.rng.bit_generator.state = cp.rng_state
    if trainer.best is not None and cp.best is not None:
        trainer.best.restore(cp.best)
    for name, value in state.fields.items():
        if name != "config" or value != trainer.config:  # the same settings keep their object (views key on it)
            setattr(trainer, name, value)
    for name, new in zip(HISTORIES, state.histories):
        _put_history(getattr(trainer, name), new)


def recipe(trainer: Trainer) -> tuple:
    """What the child needs to build the same trainer (its state follows in a RunState)."""
    return (trainer.dataset, trainer.config, trainer.normalizer, trainer.weight_limit, trainer._compiled is None)


def build(dataset, config, normalizer, weight_limit: float, no_compiled: bool) -> Trainer:
    """The child's copy: the same rows, split, normalisation and divergence limit as the parent's."""
    trainer = Trainer(dataset, config, normalizer=normalizer)
    trainer.weight_limit = weight_limit
    if no_compiled:
        trainer._compiled = None
    return trainer


def suitable(trainer: Trainer) -> bool:
    """Whether a run of this trainer gains from a child process: a NumPy-path trainer (the compiled
    loop already releases the GIL) small enough to send its state every chunk, and on a machine of
    two cores one whose products are too small for a second BLAS thread."""
    if os.environ.get("NNGUI_TRAIN_PROCESS", "1") == "0" or trainer.releases_gil:
        return False
    ds, n_params, rows = trainer.dataset, trainer.network.arch.n_params, trainer.X.shape[0]
    if n_params > MAX_PARAMS or ds.X.size + ds.Y.size > MAX_VALUES:
        return False
    # An epoch in the child cannot be cut short by a pause (Trainer.interrupt_on works in-process): keep
    # the process to networks whose epoch takes milliseconds, so the chunks asked ahead are short too.
    if rows * n_params > MAX_WORK or -(-rows // max(1, trainer.batch_size)) > MAX_BATCHES:
        return False
    # With one core for the child (2 cores), a network whose products BLAS splits over two threads trains
    # faster in-process, taking turns with the window (W2 digits: 1,570 epochs/s on 2 threads, 1,150 on one).
    return child_threads() >= 3 or trainer.X.shape[0] * n_params <= MAX_WORK_FEW_CORES


class TrainingProcess:
    """A child process that trains chunks of a parent's trainer (see the module's docstring)."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
        for name in BLAS_THREADS:  # one core stays the window's: BLAS threads spinning there would stall it
            env.setdefault(name, str(child_threads()))
        code = "import sys; from core.train_process import serve; serve(int(sys.argv[1]))"
        try:
            self.process = subprocess.Popen([sys.executable, "-c", code, str(theirs.fileno())],
                                            pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL,
                                            close_fds=True)
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self._ready = False
        self._holds: weakref.ref | None = None  # the parent trainer whose copy the child holds
        self._synced: RunState | None = None  # what the child last answered (its state equals the trainer's)
        self._in_flight = 0
        self._marks: tuple = ()  # the histories' marks after the last answer

    def ready(self) -> bool:
        """True once the child has imported NumPy and the core (never blocks)."""
        if not self._ready and self.alive():
            try:
                if self.conn.poll(0):
                    self._ready = self.conn.recv() == ("ready",)
            except (EOFError, OSError):
                self.close()
        return self._ready

    def wait_ready(self, timeout: float = START_SECONDS) -> bool:
        """Block until the child is ready (False when it is not within ``timeout`` seconds)."""
        if not self._ready and self.alive():
            try:
                if self.conn.poll(timeout):
                    self._ready = self.conn.recv() == ("ready",)
            except (EOFError, OSError):
                self.close()
        return self._ready

    def alive(self) -> bool:
        return self.process.poll() is None and not self.conn.closed

    def train(self, trainer: Trainer, n: int, learning_rate: float | None = None) -> None:
        """Train ``n`` epochs of ``trainer`` in the child and put the result into it (see :meth:`submit`)."""
        self.submit(trainer, n, learning_rate)
        self.collect(trainer)

    def submit(self, trainer: Trainer, n: int, learning_rate: float | None = None) -> None:
        """Ask the child to train ``n`` more epochs of ``trainer`` (after those already asked for), at the new
        base ``learning_rate`` when one is given; :meth:`collect` takes each answer, in order.

        The first request sends what the child lacks (the recipe, the state) when the trainer changed since
        the child's last answer; further requests while answers are outstanding send only ``n``: the child
        is ahead of the parent's trainer then. Raises :class:`ProcessGone`."""
        spec = state = None
        if not self._in_flight:
            held = self._holds is not None and self._holds() is trainer
            spec = None if held else recipe(trainer)
            state = None if held and self._synced is not None and self._unchanged(trainer) else state_of(trainer)
        try:
            self.conn.send(("train", int(n), spec, state, learning_rate))
        except (OSError, ValueError, pickle.PicklingError) as exc:
            self.close()
            raise ProcessGone(f"the training process ended: {exc}") from exc
        self._in_flight += 1
        self._holds = weakref.ref(trainer)

    def collect(self, trainer: Trainer) -> None:
        """Wait for the oldest request's answer and put its state into ``trainer``.

        Raises :class:`RemoteError` when training raised there (the process is closed: requests after it
        are void), :class:`ProcessGone` when the child is gone; ``trainer`` keeps its last collected state."""
        try:
            answer = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.close()
            raise ProcessGone(f"the training process ended: {exc}") from exc
        self._in_flight -= 1
        if answer[0] == "error":
            self.close()
            raise RemoteError(answer[1])
        state = answer[1]
        apply_state(trainer, state)
        self._synced = state
        self._marks = (history_mark(trainer.history), history_mark(trainer.val_history))

    @property
    def in_flight(self) -> int:
        """Requests whose answers :meth:`collect` has not taken yet."""
        return self._in_flight

    def _unchanged(self, trainer: Trainer) -> bool:
        """The trainer still holds exactly what the child last answered (nothing changed it since)."""
        s = self._synced
        return (trainer.optimizer is s.checkpoint.optimizer and trainer.config == s.fields["config"]
                and trainer.epoch == s.fields["epoch"] and trainer.diverged == s.fields["diverged"]
                and trainer.reached == s.fields["reached"]
                and (history_mark(trainer.history), history_mark(trainer.val_history)) == self._marks
                and np.array_equal(trainer.network.params, s.checkpoint.params)
                and trainer.rng.bit_generator.state == s.checkpoint.rng_state)

    def close(self, timeout: float = 2.0) -> None:
        """Ask the child to end, and make sure it has (killed after ``timeout`` seconds)."""
        if not self.conn.closed:
            try:
                self.conn.send(("quit",))
            except (OSError, ValueError):
                pass
            self.conn.close()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._ready = False
        self._holds = self._synced = None
        self._in_flight = 0


def serve(fd: int) -> None:
    """The child's loop: answer ``train`` requests until ``quit`` or end-of-file."""
    conn = Connection(fd)
    kernels.load_expit()  # the fused step's logistic (scipy), which importing core no longer loads
    conn.send(("ready",))
    trainer: Trainer | None = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] != "train":
            return
        _, n, spec, state, learning_rate = message
        try:
            if spec is not None:
                trainer = build(*spec)
            if state is not None:
                apply_state(trainer, state)
            if learning_rate is not None:
                trainer.set_learning_rate(learning_rate)
            marks = (history_mark(trainer.history), history_mark(trainer.val_history))
            trainer.train(n)
            answer = ("state", state_of(trainer, marks))
        except Exception as exc:  # noqa: BLE001 - the parent raises it as training in-process would have
            traceback.print_exc(file=sys.stderr)
            trainer = None
            answer = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return
