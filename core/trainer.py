"""Training in chunks, with immutable progress reports, stop requests and divergence detection.

A :class:`Trainer` owns a network, its optimiser and its random generator. It is
driven by :meth:`Trainer.train` (a chunk of epochs at a time), so a caller (the CLI
loop or the app's worker thread) decides how often to report, and a stop request
is honoured between chunks. One seed gives the same run, bit for bit, whatever the
chunk sizes.

Epoch ``k``'s loss is the loss of the weights *before* that epoch's update, as in
James Loy's article; for mini-batches it is accumulated over the epoch's batches.
With a validation split, epoch ``k``'s validation loss (``val_history``) is the loss of
the same weights on the validation rows, computed every epoch inside the training
step, so the two curves line up epoch by epoch.

Stop conditions (``TrainConfig.stop_loss`` / ``stop_accuracy`` / ``early_stopping``) end a
run early and set ``Trainer.reached`` (and ``Progress.reached``). ``stop_loss`` is exact: the
run ends at the first epoch whose loss is below it, whatever the chunk sizes (a chunk
that crosses it is replayed from its checkpoint up to that epoch). ``stop_accuracy``
(classification only) is checked on the training rows after each chunk, so where
it stops depends on the chunk sizes. ``early_stopping`` (a patience P) is exact too: the
run ends after the first epoch that is P epochs past the lowest validation loss, and the
weights that loss was measured on are put back (``best_epoch``; see core.early_stopping).

L2/L1 regularisation (``TrainConfig.l2``/``l1``, core.regularization) adds its gradient on
every path; the history keeps the data loss and ``penalty`` is the penalty of the current
weights. The learning-rate schedule (``TrainConfig.schedule``, core.schedules) sets each
epoch's rate from ``learning_rate`` (the base rate); ``current_learning_rate`` is the rate
of the latest epoch. With every option off the hot loops are exactly what they were.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .config import ConfigError, TrainConfig
from .data import Dataset, encode_classes
from .features import FeatureError, check_width, expand
from .early_stopping import BestWeights
from .history import LossHistory
from .losses import get_loss
from .network import Architecture, Network
from .normalization import Normalizer, fit_normalizer
from .optimizers import GD, get_optimizer
from .regularization import Penalty
from .schedules import parse_schedule
from .warnings import ConfigWarning
from . import compiled, kernels

WEIGHT_LIMIT = 1e4  # times the data scale: see Trainer.weight_limit

# Progress.reached / Trainer.reached: which stop condition (TrainConfig.stop_loss / stop_accuracy) ended the run.
REACHED_LOSS = "loss"
REACHED_ACCURACY = "accuracy"
REACHED_EARLY_STOP = "early_stopping"  # the validation loss stopped improving; the best weights were put back
STOP_ACCURACY_IGNORED = ConfigWarning(
    "stop_accuracy_ignored", "stop at 100 % accuracy needs class labels (softmax + ce) or one column of 0/1 "
    "targets: it is ignored for this data")


class _Interrupted(Exception):
    """Raised between slices of mini-batches to abandon a chunk (see Trainer.interrupt_on)."""


@dataclass(frozen=True)
class Progress:
    """One immutable report on a training run."""

    epoch: int
    loss: float | None
    val_loss: float | None
    elapsed: float
    epochs_target: int  # 0: until stopped
    learning_rate: float
    done: bool = False
    diverged: str | None = None
    reached: str | None = None  # why a stop condition ended the run: REACHED_LOSS, _ACCURACY or _EARLY_STOP
    current_learning_rate: float | None = None  # the rate of the latest epoch (the schedule's); None: learning_rate
    penalty: float = 0.0  # the L2/L1 penalty of the current weights (0 when both are off)
    best_epoch: int | None = None  # early stopping: the epoch of the lowest validation loss so far

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.epoch / self.epochs_target) if self.epochs_target else None


def targets_for(dataset: Dataset, config: TrainConfig) -> tuple[np.ndarray, tuple[float, ...] | None]:
    """The target matrix to train on: class labels become one-hot for softmax + cross-entropy."""
    if config.loss == "ce" and config.output_activation == "softmax":
        enc = encode_classes(dataset.Y)
        if enc is not None:
            return enc
    return dataset.Y, None


def check_data(dataset: Dataset, config: TrainConfig, Y: np.ndarray) -> list[ConfigWarning]:
    """Raise ConfigError where settings and data cannot go together; return warnings (with codes)."""
    warnings = []
    n = dataset.X.shape[0]
    if config.validation and n - int(round(config.validation * n)) < 1:
        raise ConfigError("validation", f"holding out {config.validation:g} of {n} rows leaves none to train on")
    if config.early_stopping and int(round(config.validation * n)) < 1:
        raise ConfigError("early_stopping", f"watches the validation loss, but a validation share of "
                                            f"{config.validation:g} of {n} rows holds out none: raise the share")
    bs_used = config.batch_size and not get_optimizer(config.optimizer).full_batch
    if bs_used and config.batch_size > n:
        warnings.append(ConfigWarning("batch_larger_than_rows",
                                      f"batch size {config.batch_size} is larger than the {n} rows: using all rows"))
    if get_loss(config.loss).needs_probabilities and (np.any(Y < 0) or np.any(Y > 1)):
        raise ConfigError(
            "loss", f"{config.loss} needs targets between 0 and 1 (or whole-number class labels "
            "with softmax + ce); scale the targets or choose sse/mse",
        )
    if config.output_activation == "softmax" and Y.shape[1] == 1:
        warnings.append(ConfigWarning("softmax_single_output",
                                      "softmax over a single output always gives 1: use sigmoid, or class labels with ce"))
    return warnings


def input_width(dataset: Dataset, config: TrainConfig) -> int:
    """The first layer's width: the data's inputs plus the derived ones of ``config.features``."""
    try:
        return check_width(config.features, dataset.X.shape[1])
    except FeatureError as exc:
        raise ConfigError("features", str(exc)) from None


def is_classification(Y: np.ndarray, one_hot: bool, output_activation: str | None = None) -> bool:
    """Whether accuracy applies: one-hot class targets, or a single column of 0/1 targets.

    With ``output_activation`` given, 0/1 targets count only behind a sigmoid output
    (the rule the CLI reports accuracy by; stop_accuracy and the app accept any output).
    """
    if one_hot:
        return True
    if output_activation is not None and output_activation != "sigmoid":
        return False
    return Y.ndim == 2 and Y.shape[1] == 1 and Y.shape[0] > 0 and bool(np.isin(Y, (0.0, 1.0)).all())


def accuracy(P: np.ndarray, Y: np.ndarray, one_hot: bool) -> float:
    """Fraction of rows classified right: argmax for one-hot targets, else output >= 0.5 for target 1."""
    if Y.shape[0] == 0:
        return float("nan")
    if one_hot:
        right = np.argmax(P, axis=1) == np.argmax(Y, axis=1)
    else:
        right = (P[:, 0] >= 0.5) == (Y[:, 0] == 1)
    return float(np.mean(right))


@dataclass(frozen=True)
class Checkpoint:
    """What :meth:`Trainer.restore` needs to undo training back to ``epoch``."""

    epoch: int
    params: np.ndarray
    optimizer: object  # a deep copy of the optimiser (its state: velocity, moments, step count)
    rng_state: dict
    best: tuple | None = None  # early stopping's state and kept weights (BestWeights.snapshot)


def _describe(arch: Architecture) -> str:
    return (f"layers {list(arch.sizes)}, activations {'/'.join(arch.activations)}, "
            f"{'with' if arch.bias else 'no'} biases, loss {arch.loss}")


class Trainer:
    """Train a network on a data set with a configuration, a chunk of epochs at a time."""

    def __init__(
        self, dataset: Dataset, config: TrainConfig, start: Network | None = None,
        normalizer: Normalizer | None = None, history: LossHistory | None = None, epoch: int = 0,
        val_history: LossHistory | None = None,
    ) -> None:
        """``start``, ``normalizer``, ``history``, ``epoch`` and ``val_history`` resume a saved run.

        ``val_history`` is kept only with a validation split and when it does not run ahead of the epoch.
        """
        self.warnings: list[ConfigWarning] = config.check()  # and check_data's, and stop_accuracy's
        self.dataset = dataset
        self.config = config
        self.dtype = np.dtype(config.dtype)
        if dataset.Y.shape[1] == 0:
            raise ConfigError("targets", "the data has no target column: mark at least one column as target")
        Y, self.classes = targets_for(dataset, config)
        self.warnings += check_data(dataset, config, Y)
        self.rng = np.random.default_rng(config.seed)
        self.features = config.features  # derived inputs after normalisation (core.features)
        arch = Architecture.build(
            input_width(dataset, config), config.hidden, Y.shape[1], config.hidden_activations,
            config.output_activation, config.bias, config.loss,
        )
        # Always draw the initial weights, even when ``start`` replaces them, so that the random
        # stream (and with it the validation split and the shuffles) is the same when resuming.
        net = Network.initialize(arch, config.init, self.rng, self.dtype)
        if start is not None:
            if start.arch != arch:
                raise ConfigError("architecture", f"the starting weights are for {_describe(start.arch)}; "
                                  f"the data and settings need {_describe(arch)}")
            net.params[...] = start.params
        self.network = net
        n = dataset.X.shape[0]
        n_val = int(round(config.validation * n)) if config.validation else 0
        order = self.rng.permutation(n) if n_val else np.arange(n)
        self.train_rows, self.val_rows = np.sort(order[n_val:]), np.sort(order[:n_val])
        X_train = dataset.X[self.train_rows]
        self.normalizer = normalizer if normalizer is not None else fit_normalizer(config.normalize, X_train)
        self.X = self._prepare(X_train)
        self.Y = np.ascontiguousarray(Y[self.train_rows], dtype=self.dtype)
        self.X_val = self._prepare(dataset.X[self.val_rows]) if n_val else None
        self.Y_val = np.ascontiguousarray(Y[self.val_rows], dtype=self.dtype) if n_val else None
        self.loss_fn = get_loss(config.loss)
        spec = get_optimizer(config.optimizer)
        self.optimizer = spec.create(config.learning_rate, arch.n_params, self.dtype)
        rows = self.X.shape[0]
        bs = config.batch_size if (config.batch_size and not spec.full_batch) else rows
        self.batch_size = min(bs, rows)
        self.history = history if history is not None else LossHistory()
        self.epoch = max(int(epoch), self.history.last_epoch)  # a history never runs ahead of the weights
        keep_val = n_val and val_history is not None and val_history.last_epoch <= self.epoch
        self.val_history = val_history if keep_val else LossHistory()
        self.elapsed = 0.0
        self.diverged: str | None = None
        self.reached: str | None = None  # REACHED_LOSS / REACHED_ACCURACY once a stop condition is met
        self._one_hot = self.classes is not None
        self._stop_acc = bool(config.stop_accuracy) and is_classification(self.Y, self._one_hot)
        if config.stop_accuracy and not self._stop_acc:
            self.warnings.append(STOP_ACCURACY_IGNORED)
        self.last_loss: float | None = self.history.last
        self.last_val_loss: float | None = self.val_history.last
        self.schedule = parse_schedule(config.schedule)
        self.regularization = Penalty.build(arch, config.l2, config.l1, self.dtype)  # None: off
        # early stopping: the lowest validation loss and its weights (None: off)
        self.best = (BestWeights(net.params, config.early_stopping, self.epoch + 1)
                     if config.early_stopping and n_val else None)
        self._grad = np.empty_like(net.params)
        self._fused = self._make_fused()
        self._fused_val = (kernels.FusedStep(net, self.X_val, self.Y_val, fixed=True)
                           if self._fused is not None and n_val else None)
        self._compiled = None
        if (self.dtype == np.float64 and self.batch_size >= self.X.shape[0]
                and compiled.supports(net, self.X.shape[0], isinstance(self.optimizer, GD))):
            self._compiled = compiled.CompiledLoop(net, self.X, self.Y, self.X_val, self.Y_val,
                                                   config.l2, config.l1, self.best)
        # Weights this far beyond the data's scale mean the updates exploded (or saturated every unit).
        scale = (1.0 + float(np.abs(self.X).max(initial=0.0))) * (1.0 + float(np.abs(self.Y).max(initial=0.0)))
        self.weight_limit = max(WEIGHT_LIMIT * scale, float(np.abs(net.params).max(initial=0.0)) * 10.0)
        self._stop = threading.Event()
        self._interrupt: threading.Event | None = None  # see interrupt_on
        self._backup_params: np.ndarray | None = None  # see _backup
        self._between: Callable[[], None] | None = None

    # -- public API -------------------------------------------------------------------------

    @property
    def learning_rate(self) -> float:
        """The base learning rate (``config.learning_rate``; the schedule scales it epoch by epoch)."""
        return float(self.config.learning_rate)

    def learning_rate_at(self, epoch: int) -> float:
        """The rate epoch ``epoch`` (counting from 1) trains with: the schedule's, from the base rate."""
        return self.schedule.rate(self.config.learning_rate, max(int(epoch), 1), self.config.epochs)

    @property
    def current_learning_rate(self) -> float:
        """The rate of the latest epoch trained (of epoch 1 before any)."""
        return self.learning_rate_at(self.epoch)

    @property
    def penalty(self) -> float:
        """The L2/L1 penalty of the current weights, ``(l2/2) sum W^2 + l1 sum |W|`` (0.0 when off)."""
        return 0.0 if self.regularization is None else self.regularization.value(self.network.params)

    @property
    def best_epoch(self) -> int | None:
        """Early stopping: the epoch of the lowest validation loss so far (None: off, or none yet).

        Once early stopping ended the run (``reached == REACHED_EARLY_STOP``) the network holds the
        weights that loss was measured on (those before that epoch's update)."""
        return None if self.best is None else self.best.best_epoch

    def set_learning_rate(self, lr: float) -> None:
        """Change the (base) learning rate; takes effect from the next epoch."""
        if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
            raise ConfigError("learning_rate", f"must be a finite number > 0, got {lr!r}")
        self.optimizer.learning_rate = float(lr)
        self.config = self.config.replace(learning_rate=float(lr))

    @property
    def releases_gil(self) -> bool:
        """True when training runs in core.compiled's loop, which holds no GIL: other Python
        threads (a window painting) then run alongside it instead of taking turns with it."""
        return self._compiled is not None and isinstance(self.optimizer, GD)

    def stop(self) -> None:
        """Ask a running :meth:`run` to stop after its current chunk (thread-safe)."""
        self._stop.set()

    def interrupt_on(self, event: threading.Event | None, between: Callable[[], None] | None = None) -> None:
        """Let ``event`` cut a chunk of mini-batch epochs short (None: never).

        Once it is set, :meth:`train` stops within about ``kernels.SLICE_SECONDS`` of mini-batches (or one
        batch on the generic path), puts back the weights, optimiser state and random stream of the chunk's
        start, and returns: the chunk never happened, and training it again gives the same run. Full-batch
        epochs are not cut (a chunk of them is as short as the caller asks). ``between()``, when given, is
        called between those slices, with the weights of a partly trained epoch (it must not change the
        trainer; a training thread reports from there when one epoch takes long).
        """
        self._interrupt = event
        self._between = between
        check = None if event is None else self._interrupted
        for step in [*(self._fused or ()), self._fused_val]:
            if step is not None:
                step.set_check(check)

    def _interrupted(self) -> None:
        if self._interrupt is not None and self._interrupt.is_set():
            raise _Interrupted

    @property
    def done(self) -> bool:
        return (self.diverged is not None or self.reached is not None
                or (self.config.epochs > 0 and self.epoch >= self.config.epochs))

    def remaining(self) -> int | None:
        return None if self.config.epochs == 0 else max(0, self.config.epochs - self.epoch)

    def progress(self) -> Progress:
        return Progress(
            self.epoch, self.last_loss, self.last_val_loss, self.elapsed, self.config.epochs,
            self.learning_rate, self.done, self.diverged, self.reached,
            self.learning_rate if self.schedule.constant else self.current_learning_rate,
            self.penalty, self.best_epoch,
        )

    def train(self, epochs: int) -> Progress:
        """Train up to ``epochs`` more epochs (fewer if the target is reached) and report."""
        rem = self.remaining()
        n = int(epochs) if rem is None else min(int(epochs), rem)
        if n <= 0 or self.diverged or self.reached:
            return self.progress()
        t0 = time.perf_counter()
        if self.best is not None:
            self.best.start_at(self.epoch + 1)  # the next validation loss it sees is this epoch's
        backup = self._backup()
        try:
            self._train_chunk(n, backup)
        except _Interrupted:
            self.restore(backup)
        self.elapsed += time.perf_counter() - t0
        return self.progress()

    def _train_chunk(self, n: int, backup: Checkpoint) -> None:
        losses, vlosses = self._run(n)
        if np.isfinite(losses).all() and self._weights_ok():
            k = self._stop_index(losses)
            patience = self._early_stop_index(n)
            first = min((i for i in (k, patience) if i is not None), default=None)
            if first is not None and first + 1 < n:
                # A stop condition was met inside the chunk: replay exactly up to that epoch
                # (the same arithmetic from the same weights, optimiser state and random stream).
                self.restore(backup)
                losses, vlosses = self._run(first + 1)
            self._record(losses, vlosses)
            if k is not None and k == first:
                self.reached = REACHED_LOSS
            elif patience is not None:
                self._stop_early()
            elif self._stop_acc and self.training_accuracy() == 1.0:
                self.reached = REACHED_ACCURACY
        else:
            self.restore(backup)
            self._find_divergence(n)

    def run(self, chunk: int = 1000, on_progress=None) -> Progress:
        """Train to the epoch target (or until :meth:`stop`), reporting after each chunk."""
        self._stop.clear()
        p = self.progress()
        while not self.done and not self._stop.is_set():
            p = self.train(chunk)
            if on_progress is not None:
                on_progress(p)
        return p

    def training_accuracy(self) -> float | None:
        """Accuracy of the current weights on the training rows (None when the targets are not classes)."""
        if not is_classification(self.Y, self._one_hot):
            return None
        with np.errstate(all="ignore"):
            return accuracy(self.network.predict(self.X), self.Y, self._one_hot)

    def validation_accuracy(self) -> float | None:
        """Accuracy on the validation rows (None without validation rows, or when the targets are not classes)."""
        if self.X_val is None or self.X_val.shape[0] == 0 or not is_classification(self.Y, self._one_hot):
            return None
        with np.errstate(all="ignore"):
            return accuracy(self.network.predict(self.X_val), self.Y_val, self._one_hot)

    def checkpoint(self) -> Checkpoint:
        """A copy of the weights, the optimiser's state, the random stream and early stopping's state."""
        return Checkpoint(self.epoch, self.network.params.copy(), copy.deepcopy(self.optimizer),
                          self.rng.bit_generator.state, None if self.best is None else self.best.snapshot())

    def _backup(self) -> Checkpoint:
        """:meth:`checkpoint` into a buffer kept for it: a big network's chunk does not allocate its weights anew
        (the backup lives only while :meth:`train` runs)."""
        buf = self._backup_params
        if buf is None or buf.shape != self.network.params.shape:
            buf = self._backup_params = np.empty_like(self.network.params)
        np.copyto(buf, self.network.params)
        return Checkpoint(self.epoch, buf, copy.deepcopy(self.optimizer), self.rng.bit_generator.state,
                          None if self.best is None else self.best.snapshot())

    def restore(self, checkpoint: Checkpoint) -> None:
        """Put back the weights, optimiser state, random stream and early stopping's state of ``checkpoint``
        (taken at this epoch).

        The epoch count and the loss history are not touched: restore a checkpoint of the current epoch.
        """
        self.network.params[...] = checkpoint.params
        self.optimizer = copy.deepcopy(checkpoint.optimizer)
        self.rng.bit_generator.state = checkpoint.rng_state
        if self.best is not None and checkpoint.best is not None:
            self.best.restore(checkpoint.best)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Outputs for raw (unnormalised) inputs."""
        return self.network.predict(self.prepare(X))

    def prepare(self, X: np.ndarray) -> np.ndarray:
        """Raw input rows as the network sees them: normalised, then the input features, in the dtype."""
        return self._prepare(np.asarray(X, dtype=np.float64))

    def weights(self) -> list[tuple[np.ndarray, np.ndarray | None]]:
        """A copy of (W, b) per layer, safe to hand to another thread."""
        return self.network.layers()

    # -- internals --------------------------------------------------------------------------

    def _make_fused(self):
        """Generated steps for the full and the last (shorter) batch, or None for the generic path."""
        if not kernels.supports(self.network):
            return None
        rows, bs = self.X.shape[0], self.batch_size
        pen = self.regularization
        if bs >= rows:
            return (kernels.FusedStep(self.network, self.X, self.Y, fixed=True, penalty=pen), None)

        def batch(k):
            return kernels.FusedStep(self.network, np.empty((k, self.X.shape[1]), self.dtype),
                                     np.empty((k, self.Y.shape[1]), self.dtype), penalty=pen)

        last = rows % bs
        full = batch(bs)
        self._batch_source = full.batch_source(self.X)
        return (full, batch(last) if last else None)

    def _prepare(self, X: np.ndarray) -> np.ndarray:
        if self.normalizer is not None:
            X = self.normalizer.transform(X)
        X = expand(X, self.features)
        return np.ascontiguousarray(X, dtype=self.dtype)

    def _run_epochs(self, n: int) -> np.ndarray:
        """Train ``n`` epochs; their training losses."""
        return self._run(n)[0]

    def _run(self, n: int, first: int | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """Train ``n`` epochs (the first is epoch ``first``, by default the one after ``self.epoch``):
        their training losses and, with a validation split, validation losses."""
        losses = np.empty(n)
        vlosses = np.empty(n) if self.X_val is not None else None
        lr = self.config.learning_rate
        if not self.schedule.constant:
            first = self.epoch + 1 if first is None else first
            rates = self.schedule.rates(lr, first, n, self.config.epochs)
        else:
            rates = None
        with np.errstate(all="ignore"):
            if self.releases_gil and self._run_compiled(n, losses, vlosses, lr if rates is None else rates):
                pass
            elif rates is None:
                self.optimizer.learning_rate = float(lr)
                self._run_numpy(n, losses, vlosses)
            else:  # a run of epochs at one rate at a time (every epoch for exp and cosine)
                cuts = np.r_[0, np.flatnonzero(rates[1:] != rates[:-1]) + 1, n]
                for a, b in zip(cuts[:-1], cuts[1:]):
                    self.optimizer.learning_rate = float(rates[a])
                    self._run_numpy(int(b - a), losses[a:b], None if vlosses is None else vlosses[a:b])
        return losses, vlosses

    def _run_numpy(self, n: int, losses: np.ndarray, vlosses: np.ndarray | None) -> None:
        if self._fused is not None:
            self._run_fused(n, losses, vlosses)
        else:
            self._run_generic(n, losses, vlosses)

    def _val_loss(self) -> float:
        """The loss of the current weights on the validation rows (the fused forward pass when there is one)."""
        if self._fused_val is not None:
            return self._fused_val.value()
        return self.loss_fn.value(self.network.predict(self.X_val), self.Y_val)

    def _watched_val_loss(self) -> float:
        """:meth:`_val_loss`, shown to early stopping while the weights are those it measured."""
        v = self._val_loss()
        self.best.see(v)
        return v

    def _val_function(self):
        """What the per-epoch loops call for the validation loss."""
        return self._val_loss if self.best is None else self._watched_val_loss

    def _update_function(self):
        """What the generic loop calls to update: the optimiser, after the penalty's gradient when on."""
        opt, pen = self.optimizer, self.regularization
        if pen is None:
            return opt.update

        def update(params: np.ndarray, grad: np.ndarray) -> None:
            pen.add_to(grad, params)
            opt.update(params, grad)

        return update

    def _run_compiled(self, n: int, losses: np.ndarray, vlosses: np.ndarray | None, rates) -> bool:
        """The compiled loop (numba loads on its first use); False when numba turns out not to load."""
        try:
            self._compiled.epochs(n, losses, rates, vlosses)
        except compiled.Unavailable:
            self._compiled = None  # the NumPy path from now on
            return False
        return True

    def _run_fused(self, n: int, losses: np.ndarray, vlosses: np.ndarray | None) -> None:
        params, opt = self.network.params, self.optimizer
        plain = isinstance(opt, GD)
        rows, bs = self.X.shape[0], self.batch_size
        val = vlosses is not None
        val_loss = self._val_function()
        if bs >= rows:
            step = self._fused[0]
            if plain:
                watch = None if self.best is None else self.best.see
                step.epochs(n, losses, opt.learning_rate, self._fused_val, vlosses, watch)
                return
            for i in range(n):
                if val:
                    vlosses[i] = val_loss()
                losses[i] = step.step(1.0)
                opt.update(params, step.grad)
            return
        summed = self.loss_fn.summed
        Y = self.Y
        full, rest = self._fused
        X = self._batch_source  # the training rows as the steps' batch buffers want them
        count = rows // bs
        update = None if plain else opt.update
        for i in range(n):
            if val:
                vlosses[i] = val_loss()
            order = self.rng.permutation(rows)
            total = full.batches(X, Y, order, count, opt.learning_rate, update, self._between_slices())
            if rest is not None:
                idx = order[count * bs :]
                np.take(X, idx, axis=0, out=rest.X)
                np.take(Y, idx, axis=0, out=rest.Y)
                v = rest.step(opt.learning_rate if plain else 1.0)
                if plain:
                    np.subtract(params, rest.grad, out=params)
                else:
                    opt.update(params, rest.grad)
                total += v * (1 if summed else idx.size)
            losses[i] = total if summed else total / rows

    def _run_generic(self, n: int, losses: np.ndarray, vlosses: np.ndarray | None) -> None:
        net, params, grad = self.network, self.network.params, self._grad
        update, val_loss = self._update_function(), self._val_function()
        X, Y = self.X, self.Y
        rows, bs = X.shape[0], self.batch_size
        val = vlosses is not None
        if bs >= rows:
            for i in range(n):
                if val:
                    vlosses[i] = val_loss()
                losses[i], _ = net.gradient(X, Y, out=grad)
                update(params, grad)
            return
        summed = self.loss_fn.summed
        for i in range(n):
            if val:
                vlosses[i] = val_loss()
            order = self.rng.permutation(rows)
            total = 0.0
            between = self._between_slices()
            for s in range(0, rows, bs):
                idx = order[s : s + bs]
                v, _ = net.gradient(X[idx], Y[idx], out=grad)
                update(params, grad)
                total += v if summed else v * idx.size
                if between is not None:
                    between()
            losses[i] = total if summed else total / rows

    def _between_slices(self) -> Callable[[], None] | None:
        """What a mini-batch loop calls between its slices: None when nothing watches (see interrupt_on)."""
        event, between = self._interrupt, self._between
        if event is None:
            return None

        def check() -> None:
            if event.is_set():
                raise _Interrupted
            if between is not None:
                between()

        return check

    def _stop_index(self, losses: np.ndarray) -> int | None:
        """Index of the first loss below ``config.stop_loss`` in a chunk's losses (None: off or not yet)."""
        target = self.config.stop_loss
        if not target:
            return None
        below = np.flatnonzero(losses < target)
        return int(below[0]) if below.size else None

    def _early_stop_index(self, n: int) -> int | None:
        """Index in the chunk just run (of ``n`` epochs after ``self.epoch``) of the epoch after which
        early stopping's patience ran out (None: off or not yet)."""
        stop = None if self.best is None else self.best.stop_epoch
        return None if stop is None else min(stop - self.epoch - 1, n - 1)

    def _stop_early(self) -> None:
        """End the run: the weights the lowest validation loss was measured on come back."""
        self.network.params[...] = self.best.weights
        self.reached = REACHED_EARLY_STOP

    def _weights_ok(self) -> bool:
        """Finite and within the explosion limit (NaN fails the comparison); two passes, no copy."""
        params, limit = self.network.params, self.weight_limit
        return bool(params.max(initial=0.0) <= limit and -params.min(initial=0.0) <= limit)

    def _record(self, losses: np.ndarray, vlosses: np.ndarray | None = None) -> None:
        """Append a chunk's losses (and validation losses) as the epochs after ``self.epoch``."""
        if not losses.size:
            return
        if vlosses is not None:
            self._record_val(vlosses)
        self.history.extend(self.epoch + 1, losses)
        self.epoch += losses.size
        self.last_loss = float(losses[-1])

    def _record_val(self, vlosses: np.ndarray) -> None:
        """The finite validation losses of the coming epochs (a non-finite one leaves a gap)."""
        ok = np.isfinite(vlosses)
        if ok.all():
            self.val_history.extend(self.epoch + 1, vlosses)
        else:
            kept = np.flatnonzero(ok)
            for run in np.split(kept, np.flatnonzero(np.diff(kept) > 1) + 1):
                if run.size:
                    self.val_history.extend(self.epoch + 1 + int(run[0]), vlosses[run])
        self.last_val_loss = float(vlosses[-1]) if ok[-1] else None

    def _find_divergence(self, n: int) -> None:
        """Replay epoch by epoch to the first failing one, keep the weights from before it, say why."""
        good, good_val = [], []
        reason = "the weights became NaN or infinite"
        for _ in range(n):
            before = self.checkpoint()
            one, vone = self._run(1, first=self.epoch + 1 + len(good))
            loss = one[0]
            if not np.isfinite(loss):
                reason = f"the loss became {'NaN' if np.isnan(loss) else 'infinite'}"
            elif not self._weights_ok():
                biggest = float(np.abs(self.network.params).max())
                if np.isfinite(biggest):
                    reason = f"the weights exploded (|w| reached {biggest:.3g})"
            else:
                good.append(loss)
                if vone is not None:
                    good_val.append(vone[0])
                if self.config.stop_loss and loss < self.config.stop_loss:
                    # the stop condition came before the failure
                    self._record(np.array(good), self._vals(good_val))
                    self.reached = REACHED_LOSS
                    return
                if self.best is not None and self.best.stop_epoch is not None:  # so did early stopping
                    self._record(np.array(good), self._vals(good_val))
                    self._stop_early()
                    return
                continue
            self.restore(before)
            break
        self._record(np.array(good), self._vals(good_val))
        lr = self.learning_rate
        self.diverged = (
            f"Training diverged at epoch {self.epoch + 1}: {reason}. "
            f"Try a lower learning rate (now {lr:g}; e.g. {lr / 10:g})"
            + (" or normalise the inputs." if self.config.normalize == "none" else ".")
            + f" The weights from epoch {self.epoch} were kept."
        )

    def _vals(self, values: list[float]) -> np.ndarray | None:
        """Collected validation losses as an array (None without a validation split)."""
        return np.array(values) if self.X_val is not None else None
