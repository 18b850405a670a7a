"""An optional compiled training loop (numba) for small networks trained full batch.

Small networks are all per-call overhead in NumPy; compiled loops over the units
remove it (`pip install nngui[fast]`). The Trainer uses this path by itself when
numba is installed and the network is small; without numba it silently keeps the
NumPy path. The maths is the same as :mod:`core.kernels` (tests compare them to
1e-12); the compilation is cached on disk so only the very first run pays for it.
"""

from __future__ import annotations

import os

import numpy as np

from .activations import LEAKY_SLOPE
from .losses import EPS
from .network import Network

MAX_WORK = 4096  # rows x parameters; measured here: above this NumPy's BLAS calls win

ACT_CODES = {"sigmoid": 0, "tanh": 1, "relu": 2, "leaky_relu": 3, "linear": 4, "softmax": 5}
LOSS_CODES = {"sse": 0, "mse": 1, "bce": 2, "ce": 3}

try:
    if os.environ.get("NNGUI_NO_NUMBA"):
        raise ImportError("disabled by NNGUI_NO_NUMBA")
    from numba import njit
except ImportError:  # numba is optional: the NumPy path is used
    njit = None


def available() -> bool:
    """True when numba is installed (and not disabled with NNGUI_NO_NUMBA=1)."""
    return njit is not None


def supports(net: Network, rows: int, full_batch_gd: bool) -> bool:
    """Whether the compiled loop handles this network, data size and optimiser."""
    if njit is None or not full_batch_gd:
        return False
    arch = net.arch
    if arch.n_params * rows > MAX_WORK:
        return False
    if "softmax" in arch.activations[:-1]:
        return False
    out, loss = arch.output_activation, arch.loss
    if loss in ("sse", "mse"):
        return out != "softmax"
    return (loss, out) in (("bce", "sigmoid"), ("ce", "softmax"))


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


def _train(params, w_off, b_off, sizes, acts, loss_code, X, Y, lr, n_epochs, losses, A, G):
    """Full-batch gradient descent for n_epochs; losses[e] gets epoch e's loss (before its update)."""
    L = sizes.shape[0] - 1
    rows = X.shape[0]
    k_out = sizes[L]
    grad = np.zeros_like(params)
    if loss_code == 0:
        factor = 2.0
    elif loss_code == 1:
        factor = 2.0 / (rows * k_out)
    else:
        factor = 1.0 / rows
    for epoch in range(n_epochs):
        # forward: A[l] holds layer l's output (A[0] is the input)
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
                    A[l + 1, r, j] = z if code == 5 else _act(code, z)
                if code == 5:
                    m = A[l + 1, r, 0]
                    for j in range(1, n_out):
                        m = max(m, A[l + 1, r, j])
                    s = 0.0
                    for j in range(n_out):
                        A[l + 1, r, j] = np.exp(A[l + 1, r, j] - m)
                        s += A[l + 1, r, j]
                    for j in range(n_out):
                        A[l + 1, r, j] /= s
        # loss and output delta
        total = 0.0
        for r in range(rows):
            ysum = 0.0
            for j in range(k_out):
                ysum += Y[r, j]
            for j in range(k_out):
                p, y = A[L, r, j], Y[r, j]
                d = p - y
                if loss_code <= 1:
                    total += d * d
                    G[L, r, j] = factor * d * _dact(acts[L - 1], p)
                elif loss_code == 2:
                    q = min(max(p, EPS), 1.0 - EPS)
                    total -= y * np.log(q) + (1.0 - y) * np.log(1.0 - q)
                    G[L, r, j] = factor * d
                else:
                    q = min(max(p, EPS), 1.0)
                    total -= y * np.log(q)
                    G[L, r, j] = factor * (p * ysum - y)
        if loss_code == 1:
            total /= rows * k_out
        elif loss_code >= 2:
            total /= rows
        losses[epoch] = total
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
        for p in range(params.shape[0]):
            params[p] -= lr * grad[p]


if njit is not None:
    _act = njit(cache=True, inline="always")(_act)
    _dact = njit(cache=True, inline="always")(_dact)
    _train = njit(cache=True, nogil=True, error_model="numpy")(_train)  # the GUI thread runs meanwhile


def warm_up() -> None:
    """Compile (first run) or load from the disk cache the loop, on a tiny network; no-op without numba."""
    if njit is None:
        return
    from .network import Architecture

    arch = Architecture((1, 1, 1), ("sigmoid", "sigmoid"), True, "sse")
    net = Network(arch, np.zeros(arch.n_params))
    CompiledLoop(net, np.zeros((1, 1)), np.zeros((1, 1))).epochs(1, np.empty(1), 0.1)


class CompiledLoop:
    """Full-batch gradient descent on one network and data set through the compiled loop."""

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray) -> None:
        arch = net.arch
        slices = arch.layer_slices()
        self.net = net
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.Y = np.ascontiguousarray(Y, dtype=np.float64)
        self.sizes = np.array(arch.sizes, dtype=np.int64)
        self.w_off = np.array([ws.start for ws, _ in slices], dtype=np.int64)
        self.b_off = np.array([-1 if bs is None else bs.start for _, bs in slices], dtype=np.int64)
        self.acts = np.array([ACT_CODES[a] for a in arch.activations], dtype=np.int64)
        self.loss_code = LOSS_CODES[arch.loss]
        width = max(arch.sizes)
        self.A = np.zeros((arch.n_layers + 1, X.shape[0], width))
        self.G = np.zeros((arch.n_layers + 1, X.shape[0], width))

    def epochs(self, n: int, losses: np.ndarray, lr: float) -> None:
        _train(self.net.params, self.w_off, self.b_off, self.sizes, self.acts, self.loss_code,
               self.X, self.Y, float(lr), int(n), losses, self.A, self.G)
