"""An optional compiled training loop (numba) for small networks trained full batch.

Small networks are all per-call overhead in NumPy; compiled loops over the units
remove it (`pip install nngui[fast]`). The Trainer uses this path by itself when
numba is installed and the network is small; without numba it silently keeps the
NumPy path. The maths is the same as :mod:`core.kernels` (tests compare them to
1e-12); the compilation is cached on disk so only the very first run pays for it.

numba is imported on first use (:func:`warm_up`, or a Trainer's first epochs on this
path), never when this module is imported. Which activations and losses the loop
handles, and their branch in ``_act``/``_dact``/``_train``, are the ``compiled_code``
of their registry entries (``core.activations``, ``core.losses``).
"""

from __future__ import annotations

import importlib.util
import os
import threading

import numpy as np

from .activations import ACTIVATIONS, LEAKY_SLOPE
from .losses import EPS, LOSSES
from .network import Network

MAX_WORK = 4096  # rows x parameters; measured here: above this NumPy's BLAS calls win
SOFTMAX = ACTIVATIONS["softmax"].compiled_code  # the one activation _train applies row by row
SQUARED, BCE = LOSSES["sse"].compiled_code, LOSSES["bce"].compiled_code  # _train's loss branches (else ce)

_NO_TRACK, _NO_BEST = np.zeros(4), np.zeros(0)  # what the loop gets without early stopping
_installed: bool | None = None  # find_spec's answer, asked once
_state = {"loaded": False, "failed": False}
_lock = threading.Lock()


class Unavailable(ImportError):
    """numba is installed but cannot be imported (e.g. it does not support this NumPy)."""


def available() -> bool:
    """True when numba is installed (and not disabled with NNGUI_NO_NUMBA=1); does not import it."""
    global _installed
    if os.environ.get("NNGUI_NO_NUMBA") or _state["failed"]:
        return False
    if _installed is None:
        _installed = importlib.util.find_spec("numba") is not None
    return _installed


def supports(net: Network, rows: int, full_batch_gd: bool) -> bool:
    """Whether the compiled loop handles this network, data size and optimiser."""
    if not full_batch_gd or not available():
        return False
    arch = net.arch
    if arch.n_params * rows > MAX_WORK:
        return False
    acts = [ACTIVATIONS[a] for a in arch.activations]
    if any(a.compiled_code is None or not a.elementwise for a in acts[:-1]):
        return False
    out, loss = acts[-1], LOSSES[arch.loss]
    if out.compiled_code is None or loss.compiled_code is None:
        return False
    if loss.squared_error:
        return out.elementwise
    return loss.paired_activation == out.name


def _act(code, z):
    if code == 0:
        if z >= 0:
            return 1.0 / (1.0 + np.exp(-z))
        e = np.exp(z)
        return e / (1.0 + e)
    if code == 1:
        return np.tanh(z)
    if code == 2:
        return z if z > 0 else 0.0
    if code == 3:
        return z if z > 0 else LEAKY_SLOPE * z
    return z


def _dact(code, a):
    if code == 0:
        return a - a * a
    if code == 1:
        return 1.0 - a * a
    if code == 2:
        return 1.0 if a > 0 else 0.0
    if code == 3:
        return 1.0 if a > 0 else LEAKY_SLOPE
    return 1.0


def _forward(params, w_off, b_off, sizes, acts, X, A):
    """The forward pass on the rows of X: A[l] gets layer l's output (A[0] the input)."""
    L = sizes.shape[0] - 1
    rows = X.shape[0]
    for r in range(rows):
        for i in range(sizes[0]):
            A[0, r, i] = X[r, i]
    for l in range(L):
        n_in, n_out, wo, bo, code = sizes[l], sizes[l + 1], w_off[l], b_off[l], acts[l]
        for r in range(rows):
            for j in range(n_out):
                z = 0.0
                for i in range(n_in):
                    z += A[l, r, i] * params[wo + i * n_out + j]
                if bo >= 0:
                    z += params[bo + j]
                A[l + 1, r, j] = z if code == SOFTMAX else _act(code, z)
            if code == SOFTMAX:
                m = A[l + 1, r, 0]
                for j in range(1, n_out):
                    m = max(m, A[l + 1, r, j])
                s = 0.0
                for j in range(n_out):
                    A[l + 1, r, j] = np.exp(A[l + 1, r, j] - m)
                    s += A[l + 1, r, j]
                for j in range(n_out):
                    A[l + 1, r, j] /= s


def _value(loss_code, divisor, P, Y):
    """The loss of the predictions in P's first Y.shape[1] columns against Y (the sums of _train's)."""
    total = 0.0
    for r in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            p, y = P[r, j], Y[r, j]
            if loss_code == SQUARED:
                d = p - y
                total += d * d
            elif loss_code == BCE:
                q = min(max(p, EPS), 1.0 - EPS)
                total -= y * np.log(q) + (1.0 - y) * np.log(1.0 - q)
            else:
                q = min(max(p, EPS), 1.0)
                total -= y * np.log(q)
    return total / divisor


def _gradient(params, w_off, b_off, sizes, acts, loss_code, factor, X, Y, A, G, grad):
    """One full-batch forward and backward pass: the gradient into ``grad``; returns the summed loss.

    :func:`_train_options` calls it; :func:`_train` keeps the same lines inline, which measured
    4-6 % faster on the 3-4-1 network, so that training with every option off is what it was.
    """
    L = sizes.shape[0] - 1
    rows = X.shape[0]
    k_out = sizes[L]
    _forward(params, w_off, b_off, sizes, acts, X, A)
    # loss and output delta
    total = 0.0
    for r in range(rows):
        ysum = 0.0
        for j in range(k_out):
            ysum += Y[r, j]
        for j in range(k_out):
            p, y = A[L, r, j], Y[r, j]
            d = p - y
            if loss_code == SQUARED:
                total += d * d
                G[L, r, j] = factor * d * _dact(acts[L - 1], p)
            elif loss_code == BCE:
                q = min(max(p, EPS), 1.0 - EPS)
                total -= y * np.log(q) + (1.0 - y) * np.log(1.0 - q)
                G[L, r, j] = factor * d
            else:
                q = min(max(p, EPS), 1.0)
                total -= y * np.log(q)
                G[L, r, j] = factor * (p * ysum - y)
    # backward
    for l in range(L - 1, -1, -1):
        n_in, n_out, wo, bo = sizes[l], sizes[l + 1], w_off[l], b_off[l]
        for i in range(n_in):
            for j in range(n_out):
                s = 0.0
                for r in range(rows):
                    s += A[l, r, i] * G[l + 1, r, j]
                grad[wo + i * n_out + j] = s
        if bo >= 0:
            for j in range(n_out):
                s = 0.0
                for r in range(rows):
                    s += G[l + 1, r, j]
                grad[bo + j] = s
        if l > 0:
            code = acts[l - 1]
            for r in range(rows):
                for i in range(n_in):
                    s = 0.0
                    for j in range(n_out):
                        s += G[l + 1, r, j] * params[wo + i * n_out + j]
                    G[l, r, i] = s * _dact(code, A[l, r, i])
    return total


def _train(params, w_off, b_off, sizes, acts, loss_code, factor, divisor, X, Y, lr, n_epochs, losses, A, G,
           Xv, Yv, vdivisor, vlosses, Av):
    """Full-batch gradient descent for n_epochs; losses[e] gets epoch e's loss (before its update).

    ``factor`` and ``divisor`` are the loss's ``delta_scale`` and ``divisor`` for this data. With
    validation rows (``Xv`` not empty) ``vlosses[e]`` gets their loss before epoch e's update.
    """
    L = sizes.shape[0] - 1
    rows = X.shape[0]
    k_out = sizes[L]
    grad = np.zeros_like(params)
    for epoch in range(n_epochs):
        _forward(params, w_off, b_off, sizes, acts, X, A)
        # loss and output delta
        total = 0.0
        for r in range(rows):
            ysum = 0.0
            for j in range(k_out):
                ysum += Y[r, j]
            for j in range(k_out):
                p, y = A[L, r, j], Y[r, j]
                d = p - y
                if loss_code == SQUARED:
                    total += d * d
                    G[L, r, j] = factor * d * _dact(acts[L - 1], p)
                elif loss_code == BCE:
                    q = min(max(p, EPS), 1.0 - EPS)
                    total -= y * np.log(q) + (1.0 - y) * np.log(1.0 - q)
                    G[L, r, j] = factor * d
                else:
                    q = min(max(p, EPS), 1.0)
                    total -= y * np.log(q)
                    G[L, r, j] = factor * (p * ysum - y)
        losses[epoch] = total / divisor
        # backward
        for l in range(L - 1, -1, -1):
            n_in, n_out, wo, bo = sizes[l], sizes[l + 1], w_off[l], b_off[l]
            for i in range(n_in):
                for j in range(n_out):
                    s = 0.0
                    for r in range(rows):
                        s += A[l, r, i] * G[l + 1, r, j]
                    grad[wo + i * n_out + j] = s
            if bo >= 0:
                for j in range(n_out):
                    s = 0.0
                    for r in range(rows):
                        s += G[l + 1, r, j]
                    grad[bo + j] = s
            if l > 0:
                code = acts[l - 1]
                for r in range(rows):
                    for i in range(n_in):
                        s = 0.0
                        for j in range(n_out):
                            s += G[l + 1, r, j] * params[wo + i * n_out + j]
                        G[l, r, i] = s * _dact(code, A[l, r, i])
        if Xv.shape[0] > 0:
            _forward(params, w_off, b_off, sizes, acts, Xv, Av)
            vlosses[epoch] = _value(loss_code, vdivisor, Av[L], Yv)
        for p in range(params.shape[0]):
            params[p] -= lr * grad[p]


def _train_options(params, w_off, b_off, sizes, acts, loss_code, factor, divisor, X, Y, rates, n_epochs, losses,
                   A, G, Xv, Yv, vdivisor, vlosses, Av, l2, l1, patience, track, best):
    """:func:`_train` with the training options: ``rates[e]`` is epoch e's learning rate; every
    weight's gradient gains ``l2 * w + l1 * sign(w)``; with ``patience`` > 0 the validation losses
    are watched as :meth:`core.early_stopping.BestWeights.see` does it, on its ``track`` state and
    ``best`` weights. (A function of its own: with every option off, :func:`_train` is faster.)
    """
    L = sizes.shape[0] - 1
    grad = np.zeros_like(params)
    penalised = l2 != 0.0 or l1 != 0.0
    for epoch in range(n_epochs):
        losses[epoch] = _gradient(params, w_off, b_off, sizes, acts, loss_code, factor, X, Y, A, G, grad) / divisor
        if penalised:
            for l in range(L):
                for k in range(w_off[l], w_off[l] + sizes[l] * sizes[l + 1]):
                    w = params[k]
                    grad[k] += l2 * w
                    grad[k] += l1 * (1.0 if w > 0 else (-1.0 if w < 0 else 0.0))
        if Xv.shape[0] > 0:
            _forward(params, w_off, b_off, sizes, acts, Xv, Av)
            v = _value(loss_code, vdivisor, Av[L], Yv)
            vlosses[epoch] = v
            if patience > 0:
                e = track[3]
                track[3] = e + 1.0
                if v < track[0]:
                    track[0] = v
                    track[1] = e
                    best[:] = params
                elif track[2] == 0.0 and e - track[1] >= patience:
                    track[2] = e
        lr = rates[epoch]
        for k in range(params.shape[0]):
            params[k] -= lr * grad[k]


def _load(options: bool = False):
    """The compiled ``_train`` (``_train_options`` with ``options``): imports numba and wraps the loop
    functions the first time."""
    global _act, _dact, _forward, _value, _gradient, _train, _train_options
    if _state["loaded"]:
        return _train_options if options else _train
    with _lock:
        if not _state["loaded"]:
            try:
                from numba import njit
            except ImportError as exc:  # installed but broken: the NumPy path from now on
                _state["failed"] = True
                raise Unavailable(f"numba cannot be imported: {exc}") from exc
            # _train finds the others as module globals, so they are compiled first.
            _act = njit(cache=True, inline="always")(_act)
            _dact = njit(cache=True, inline="always")(_dact)
            _forward = njit(cache=True, inline="always")(_forward)
            _value = njit(cache=True)(_value)
            _gradient = njit(cache=True, inline="always", error_model="numpy")(_gradient)
            # the GUI thread runs meanwhile:
            _train = njit(cache=True, nogil=True, error_model="numpy")(_train)
            _train_options = njit(cache=True, nogil=True, error_model="numpy")(_train_options)
            _state["loaded"] = True
    return _train_options if options else _train


def warm_up() -> None:
    """Import numba and compile (first run) or load from the disk cache the loop, on a tiny network.

    Both loops (every option off, and :func:`_train_options`) are loaded. The app calls it in a
    thread of its own after its first paint, so the first Train does not wait for it; a Trainer
    that needs the loop loads it by itself otherwise. It first imports scipy's logistic for the
    NumPy step (:func:`core.kernels.load_expit`, also left out of start-up); that is all it does
    without numba.
    """
    from . import kernels

    kernels.load_expit()
    if not available():
        return
    from .network import Architecture

    arch = Architecture((1, 1, 1), ("sigmoid", "sigmoid"), True, "sse")
    net = Network(arch, np.zeros(arch.n_params))
    CompiledLoop(net, np.zeros((1, 1)), np.zeros((1, 1))).epochs(1, np.empty(1), 0.1)
    CompiledLoop(net, np.zeros((1, 1)), np.zeros((1, 1)), l2=0.1).epochs(1, np.empty(1), 0.1)  # the options' loop


class CompiledLoop:
    """Full-batch gradient descent on one network and data set through the compiled loop."""

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray, X_val: np.ndarray | None = None,
                 Y_val: np.ndarray | None = None, l2: float = 0.0, l1: float = 0.0, watch=None) -> None:
        """``X_val``/``Y_val``: validation rows whose loss the loop records every epoch (None: none).

        ``l2``/``l1``: the weights' penalty (:mod:`core.regularization`). ``watch``: a
        :class:`core.early_stopping.BestWeights` to keep up to date from the validation losses.
        """
        arch = net.arch
        self.l2, self.l1 = float(l2), float(l1)
        self.watch = watch
        slices = arch.layer_slices()
        self.net = net
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.Y = np.ascontiguousarray(Y, dtype=np.float64)
        self.sizes = np.array(arch.sizes, dtype=np.int64)
        self.w_off = np.array([ws.start for ws, _ in slices], dtype=np.int64)
        self.b_off = np.array([-1 if bs is None else bs.start for _, bs in slices], dtype=np.int64)
        self.acts = np.array([ACTIVATIONS[a].compiled_code for a in arch.activations], dtype=np.int64)
        loss, rows, k_out = LOSSES[arch.loss], X.shape[0], arch.sizes[-1]
        self.loss_code = loss.compiled_code
        self.factor, self.divisor = loss.delta_scale(rows, k_out), float(loss.divisor(rows, k_out))
        width = max(arch.sizes)
        self.A = np.zeros((arch.n_layers + 1, X.shape[0], width))
        self.G = np.zeros((arch.n_layers + 1, X.shape[0], width))
        if X_val is None:
            X_val, Y_val = np.zeros((0, X.shape[1])), np.zeros((0, k_out))
        self.X_val = np.ascontiguousarray(X_val, dtype=np.float64)
        self.Y_val = np.ascontiguousarray(Y_val, dtype=np.float64)
        self.val_divisor = float(loss.divisor(self.X_val.shape[0], k_out)) if self.X_val.shape[0] else 1.0
        self.Av = np.zeros((arch.n_layers + 1, self.X_val.shape[0], width))

    def epochs(self, n: int, losses: np.ndarray, lr: float | np.ndarray,
               vlosses: np.ndarray | None = None) -> None:
        """``n`` epochs of full-batch gradient descent at rate ``lr`` (or ``lr[e]`` in epoch e);
        ``vlosses`` (with validation rows) gets their loss before each update. Raises
        :class:`Unavailable` when numba cannot load."""
        n_val = n if self.X_val.shape[0] else 0
        if vlosses is None or vlosses.shape[0] < n_val:  # the loop writes n_val values, unchecked
            vlosses = np.empty(n_val)
        watch = self.watch if n_val else None
        if np.ndim(lr) == 0 and not (self.l2 or self.l1 or watch is not None):  # every option off
            _load()(self.net.params, self.w_off, self.b_off, self.sizes, self.acts, self.loss_code, self.factor,
                    self.divisor, self.X, self.Y, float(lr), int(n), losses, self.A, self.G,
                    self.X_val, self.Y_val, self.val_divisor, vlosses, self.Av)
            return
        rates = np.ascontiguousarray(np.broadcast_to(np.asarray(lr, dtype=np.float64), (int(n),)))
        track, best = (watch.state, watch.weights) if watch is not None else (_NO_TRACK, _NO_BEST)
        _load(True)(self.net.params, self.w_off, self.b_off, self.sizes, self.acts, self.loss_code, self.factor,
                    self.divisor, self.X, self.Y, rates, int(n), losses, self.A, self.G,
                    self.X_val, self.Y_val, self.val_divisor, vlosses, self.Av, self.l2, self.l1,
                    0 if watch is None else int(watch.patience), track, best)
