"""Time travel, the training side: the checkpoints of the weights on screen, and going back to one.

The training worker feeds a :class:`Checkpoints` (a :class:`core.checkpoints.CheckpointStore`
behind a lock) at every epoch of the store's log grid (it ends a chunk there) and at every
report; the reports carry the epochs kept, so the time slider knows them without asking.
The GUI thread reads checkpoints only while the worker is idle (:func:`report_at` and
:func:`resume_from` pause training first).

The store follows one line of weights: a new trainer that starts from fresh weights
empties it; one that carries the weights on (a setting changed, Resume from here) keeps
the checkpoints up to its epoch. See ``docs/architecture.md``.
"""

from __future__ import annotations

import dataclasses
import threading

import numpy as np

from core.checkpoints import CheckpointStore
from core.history import LossHistory
from core.trainer import Checkpoint, Trainer

from nngui.training.report import TrainingReport
from nngui.training.worker import make_report


class Checkpoints:
    """A checkpoint store shared by the training thread (which adds) and the GUI thread (which reads)."""

    def __init__(self, store: CheckpointStore | None = None) -> None:
        self.store = store if store is not None else CheckpointStore()
        self.lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.store)

    def add(self, trainer: Trainer) -> None:
        """Keep the trainer's state now (weights, optimiser, random stream); call from the thread that owns it.
        Nothing is copied when the store cannot hold one checkpoint of this network (a big one, W7)."""
        if trainer.network.params.nbytes > self.store.max_bytes or self.store.capacity() < 1:
            return
        cp = trainer.checkpoint()
        with self.lock:
            self.store.add(cp)

    def next_wanted(self, epoch: int) -> int:
        return self.store.next_wanted(epoch)

    def epochs(self) -> tuple[int, ...]:
        with self.lock:
            return tuple(self.store.epochs())

    def at(self, epoch: int) -> Checkpoint | None:
        """The checkpoint of ``epoch``, or the latest before it."""
        with self.lock:
            return self.store.at(epoch)

    def all(self) -> list[Checkpoint]:
        """Every checkpoint kept, by epoch."""
        with self.lock:
            return [self.store.at(e) for e in self.store.epochs()]

    def replace(self, checkpoints) -> None:
        """Forget what is kept and keep ``checkpoints`` instead (a project's, when it is opened)."""
        with self.lock:
            self.store.clear()
            for cp in sorted(checkpoints, key=lambda c: c.epoch):
                self.store.add(cp)

    def truncate_after(self, epoch: int) -> None:
        with self.lock:
            self.store.truncate_after(epoch)

    def clear(self) -> None:
        with self.lock:
            self.store.clear()


# -- loss histories up to an epoch ----------------------------------------------------------------


def history_until(history: LossHistory, epoch: int) -> LossHistory:
    """A copy of ``history`` without the epochs after ``epoch`` (a bucket reaching past it is left out)."""
    e, lo, hi, last = history.arrays()
    keep = e <= epoch
    return LossHistory.from_dict({"stride": history.stride, "epochs": e[keep].tolist(), "min": lo[keep].tolist(),
                                  "max": hi[keep].tolist(), "last": last[keep].tolist()}, history.capacity)


def loss_at(history: LossHistory, epoch: int) -> float | None:
    """The loss recorded at ``epoch`` (the last one recorded before it when the history is coarser)."""
    e, _lo, _hi, last = history.arrays()
    i = int(np.searchsorted(e, epoch, side="right")) - 1
    return float(last[i]) if i >= 0 else None


def curve_until(curve, epoch: int):
    """An (epochs, losses) curve cut after ``epoch`` (None stays None)."""
    if curve is None:
        return None
    x, y = curve
    keep = np.asarray(x) <= epoch
    return np.asarray(x)[keep], np.asarray(y)[keep]


# -- the GUI thread's side (the worker idle) --------------------------------------------------------


def checkpoint_report(run_id: int, trainer: Trainer, cp: Checkpoint, epochs: tuple[int, ...] = ()) -> TrainingReport:
    """A report of the weights of ``cp`` (predictions for every row, the epoch's loss) from an idle ``trainer``.

    The trainer's weights are swapped for the checkpoint's while the predictions are made and put
    back exactly; its optimiser, random stream, epoch and histories are not touched.
    """
    params = trainer.network.params
    live = params.copy()
    try:
        params[...] = cp.params
        rep = make_report(run_id, trainer, trainer.dataset.X, 0.0, epochs)
    finally:
        params[...] = live
    progress = dataclasses.replace(
        rep.progress, epoch=cp.epoch, loss=loss_at(trainer.history, cp.epoch),
        val_loss=loss_at(trainer.val_history, cp.epoch) if len(trainer.val_history) else None,
        done=False, diverged=None, reached=None)
    return dataclasses.replace(rep, progress=progress)


def report_at(controller, epoch: int) -> TrainingReport | None:
    """Pause training and report the checkpoint of ``epoch`` (or the latest before it); None without one."""
    controller.pause(wait=True)
    t = controller.trainer
    cp = controller.checkpoints.at(epoch)
    if t is None or cp is None:
        return None
    return checkpoint_report(controller.run_id, t, cp, controller.checkpoints.epochs())


def compatible(cp: Checkpoint, trainer: Trainer) -> bool:
    """Whether ``cp``'s optimiser state fits ``trainer`` (the same optimiser and number type)."""
    if type(cp.optimizer) is not type(trainer.optimizer) or cp.params.dtype != trainer.network.params.dtype:
        return False
    for name, value in vars(trainer.optimizer).items():
        old = vars(cp.optimizer).get(name)
        if isinstance(value, np.ndarray) and (not isinstance(old, np.ndarray) or old.shape != value.shape
                                              or old.dtype != value.dtype):
            return False
    return True


def restore_into(trainer: Trainer, cp: Checkpoint, learning_rate: float | None = None) -> None:
    """Put ``cp``'s weights, optimiser state and random stream into a trainer built at ``cp.epoch``.

    An optimiser state of another kind (the optimiser or the number type changed since) is left
    fresh; ``learning_rate``, when given and different, is the rate training goes on with.
    """
    if compatible(cp, trainer):
        trainer.restore(cp)
    else:
        trainer.network.params[...] = cp.params
        trainer.rng.bit_generator.state = cp.rng_state
    if learning_rate is not None and trainer.learning_rate != learning_rate:
        trainer.set_learning_rate(learning_rate)


def resume_from(session, epoch: int) -> Trainer | None:
    """Make the checkpoint of ``epoch`` the session's trainer: a new branch of the run starts there.

    The new trainer has the checkpoint's weights, optimiser state and random stream, the
    epoch count and the loss histories cut at that epoch; the checkpoints after it are
    forgotten. The views follow (``trainerReady``); the earlier run becomes a faded curve
    on the loss plot (:mod:`nngui.views.run_compare`). None when there is nothing to resume.
    """
    c = session.controller
    c.pause(wait=True)
    t = c.trainer
    cp = c.checkpoints.at(epoch)
    if t is None or cp is None:
        return None
    start = t.network.copy()
    start.params[...] = cp.params
    trainer = c.set_session(t.dataset, t.config, start=start, normalizer=t.normalizer,
                            history=history_until(t.history, cp.epoch), epoch=cp.epoch,
                            val_history=history_until(t.val_history, cp.epoch))
    restore_into(trainer, cp, t.config.learning_rate)
    session.report = c.snapshot()
    session.trainerReady.emit(trainer)
    return trainer
