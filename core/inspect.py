"""Looking inside a network: one sample's forward and backward pass, a gradient check, maps of the plane.

Pure NumPy; every number comes from the core itself: activations from
:meth:`Network.forward`, pre-activations from :meth:`Network.pre_activations`, the
loss and the weight gradients from :meth:`Network.gradient`. Only the per-layer
deltas, which ``Network.gradient`` keeps to itself, are re-derived here with the
same functions in the same order (``output_delta`` and each activation's
``backward``), so that ``dW = a_prevᵀ · dZ`` holds against the core's gradient.

Notation (the seed articles'): the row layout is the core's, ``z = a_prev @ W + b``
and ``a = σ(z)``, a sample being a row. Article 002 writes ``Z = W·A_prev + b``
with samples as columns, so its ``dW = dZ·A_prevᵀ`` reads ``dW = a_prevᵀ · dZ``
here and ``dA_prev = Wᵀ·dZ`` reads ``dA_prev = dZ · Wᵀ``. In James Loy's article
``layer1 = σ(x·W1)``, ``ŷ = σ(layer1·W2)`` and ``d_weights = −∂L/∂W`` (he *adds*
it to the weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .activations import ACTIVATIONS
from .data import Dataset
from .features import expand
from .losses import get_loss, output_delta
from .network import Architecture, Network
from .normalization import Normalizer

Layers = Sequence[tuple[np.ndarray, np.ndarray | None]]

GRID = 100  # decision-map grid points per axis
ONE_THREAD_ROWS = 256  # OpenBLAS multiplies on one thread up to m*n*k = 262,144 (4 x 65,536): 256 x 32 x 32
UNIT_GRID = 60  # per-unit map grid points per axis
MARGIN = 0.1  # of the data range, on each side of the plane
FD_STEP = 5e-4  # step h of the fourth-order central difference (measured best on the presets)
KINK_STEP = 1e-5  # ... with ReLU-like units: a smaller h crosses fewer kinks (measured on the spiral preset)
KINKED = ("relu", "leaky_relu")
REL_FLOOR = 1e-6  # relative errors divide by max(|analytic|, |numeric|, REL_FLOOR)
CHECK_MAX_PARAMS = 400  # a gradient check of a bigger network samples this many parameters


# ---------------------------------------------------------------------------------- session


@dataclass(frozen=True, eq=False)
class Session:
    """What the views need to look at a network on a data set (taken from a Trainer while it is idle).

    ``dataset`` holds every table row (raw inputs and targets); ``classes`` the class labels
    when the targets are one-hot encoded for softmax + cross-entropy; ``X_train`` / ``Y_train``
    are the normalised rows the trainer trains on (its loss is over these; references to the
    trainer's arrays, which training never changes).
    """

    dataset: Dataset
    classes: tuple[float, ...] | None
    normalizer: Normalizer | None
    X_train: np.ndarray
    Y_train: np.ndarray
    train_rows: np.ndarray
    loss: str
    optimizer: str
    learning_rate: float
    features: tuple[str, ...] = ()  # derived inputs after normalisation (core.features)

    @classmethod
    def from_trainer(cls, trainer) -> "Session":
        """Read a :class:`core.trainer.Trainer` (call only while nothing trains it)."""
        return cls(
            dataset=trainer.dataset,
            classes=trainer.classes,
            normalizer=trainer.normalizer,
            X_train=np.asarray(trainer.X, dtype=np.float64),
            Y_train=np.asarray(trainer.Y, dtype=np.float64),
            train_rows=np.asarray(trainer.train_rows),
            loss=trainer.config.loss,
            optimizer=trainer.config.optimizer,
            learning_rate=float(trainer.learning_rate),
            features=tuple(trainer.config.features),
        )

    @property
    def X(self) -> np.ndarray:
        return self.dataset.X

    @property
    def n_inputs(self) -> int:
        return int(self.dataset.X.shape[1])

    @property
    def n_outputs(self) -> int:
        return len(self.classes) if self.classes is not None else int(self.dataset.Y.shape[1])

    def prepare(self, X: np.ndarray) -> np.ndarray:
        """Raw inputs as the network sees them: normalised like the trainer does, then the input
        features, float64, contiguous."""
        X = np.asarray(X, dtype=np.float64)
        if self.normalizer is not None:
            X = self.normalizer.transform(X)
        return np.ascontiguousarray(expand(X, self.features), dtype=np.float64)

    def targets(self, rows: slice | np.ndarray = slice(None)) -> np.ndarray:
        """Targets of table rows as trained: one-hot rows when the labels are classes."""
        Y = self.dataset.Y[rows]
        if self.classes is None:
            return np.asarray(Y, dtype=np.float64)
        index = np.searchsorted(np.asarray(self.classes), Y[:, 0])
        out = np.zeros((Y.shape[0], len(self.classes)))
        out[np.arange(Y.shape[0]), index] = 1.0
        return out

    def class_index(self) -> np.ndarray | None:
        """Each row's class as an index 0..C-1 (class labels, or one-hot target columns); None for one output."""
        if self.classes is not None:
            return np.searchsorted(np.asarray(self.classes), self.dataset.Y[:, 0])
        if self.dataset.Y.shape[1] > 1:
            return np.argmax(self.dataset.Y, axis=1)
        return None


def network(arch: Architecture, layers: Layers) -> Network:
    """A float64 core Network holding ``layers`` (e.g. a report's copied weights)."""
    return Network.from_layers(arch, [(np.asarray(W), None if b is None else np.asarray(b)) for W, b in layers])


# ---------------------------------------------------------------------------------- one sample


@dataclass(frozen=True, eq=False)
class ForwardLayer:
    """Layer ``l`` (1-based) for one sample: ``z = a_prev @ W + b``, ``a = σ(z)``; row vectors (1, n)."""

    l: int
    activation: str
    a_prev: np.ndarray
    W: np.ndarray
    b: np.ndarray | None
    z: np.ndarray
    a: np.ndarray


@dataclass(frozen=True, eq=False)
class BackwardLayer:
    """Layer ``l``'s backward step: ``dA`` = ∂L/∂a_l, ``dZ`` = ∂L/∂z_l, ``dW``, ``db``, ``dA_prev`` = ∂L/∂a_(l-1)."""

    l: int
    activation: str
    dA: np.ndarray
    dZ: np.ndarray
    dW: np.ndarray
    db: np.ndarray | None
    dA_prev: np.ndarray


@dataclass(frozen=True, eq=False)
class Trace:
    """One sample through the network: the forward pass, its loss, and the backward pass for one step."""

    x_raw: np.ndarray  # (1, n_in) as in the table
    x: np.ndarray  # (1, n_in) as the network sees it (normalised)
    y: np.ndarray  # (1, k) target as trained
    forward: tuple[ForwardLayer, ...]
    loss_name: str
    loss: float
    paired: bool  # output activation paired with its loss: dZ_L computed directly from (ŷ - y)
    backward: tuple[BackwardLayer, ...]  # output layer first
    gradient: np.ndarray  # flat, from Network.gradient

    @property
    def prediction(self) -> np.ndarray:
        return self.forward[-1].a

    def layer(self, l: int) -> ForwardLayer:
        return self.forward[l - 1]

    def back(self, l: int) -> BackwardLayer:
        return self.backward[len(self.backward) - l]


def trace(net: Network, x: np.ndarray, y: np.ndarray, x_raw: np.ndarray | None = None) -> Trace:
    """Forward and backward pass of one sample ``x`` (already normalised) with target ``y``."""
    x = np.ascontiguousarray(np.asarray(x, dtype=np.float64).reshape(1, -1))
    y = np.ascontiguousarray(np.asarray(y, dtype=np.float64).reshape(1, -1))
    arch = net.arch
    with np.errstate(all="ignore"):
        acts = net.forward(x)
        zs = net.pre_activations(x)
        value, grad = net.gradient(x, y)
        fwd = tuple(
            ForwardLayer(l + 1, arch.activations[l], acts[l], net.weights[l].copy(),
                         None if net.biases[l] is None else net.biases[l].copy(), zs[l], acts[l + 1])
            for l in range(arch.n_layers)
        )
        # The deltas, exactly as Network.gradient derives them (it does not return them).
        loss = get_loss(arch.loss)
        out_act = ACTIVATIONS[arch.output_activation]
        p = acts[-1]
        paired = loss.paired_activation == out_act.name and loss.paired_delta is not None
        dA = loss.grad(p, y)
        delta = output_delta(loss, out_act.name, p, y, out_act.backward)
        slices = arch.layer_slices()
        back = []
        for l in range(arch.n_layers - 1, -1, -1):
            ws, bs = slices[l]
            dW = grad[ws].reshape(net.weights[l].shape).copy()
            db = None if bs is None else grad[bs].copy()
            dA_prev = delta @ net.weights[l].T
            back.append(BackwardLayer(l + 1, arch.activations[l], dA, delta, dW, db, dA_prev))
            if l:
                dA = dA_prev
                delta = ACTIVATIONS[arch.activations[l - 1]].backward(acts[l], dA_prev)
    return Trace(
        x_raw=x.copy() if x_raw is None else np.asarray(x_raw, dtype=np.float64).reshape(1, -1),
        x=x, y=y, forward=fwd, loss_name=arch.loss, loss=float(value), paired=paired,
        backward=tuple(back), gradient=grad,
    )


def trace_row(net: Network, session: Session, row: int) -> Trace:
    """:func:`trace` of table row ``row`` (normalised like the trainer does; target as trained)."""
    x_raw = session.X[row : row + 1]
    return trace(net, session.prepare(x_raw), session.targets(slice(row, row + 1)), x_raw)


def gd_step(net: Network, t: Trace, learning_rate: float) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """The weights after one plain gradient-descent step on this sample alone: ``W − η·dW``, ``b − η·db``."""
    out = []
    for l in range(net.arch.n_layers):
        bl = t.back(l + 1)
        W = net.weights[l] - learning_rate * bl.dW
        b = None if net.biases[l] is None else net.biases[l] - learning_rate * bl.db
        out.append((W, b))
    return out


# ---------------------------------------------------------------------------------- gradient check


def param_names(arch: Architecture) -> list[str]:
    """A name per flat parameter, in buffer order: ``W1[0,2]``, ``b1[2]``, ... (0-based indices)."""
    names = []
    for l, (a, b) in enumerate(zip(arch.sizes, arch.sizes[1:]), start=1):
        names += [f"W{l}[{i},{j}]" for i in range(a) for j in range(b)]
        if arch.bias:
            names += [f"b{l}[{j}]" for j in range(b)]
    return names


def check_indices(arch: Architecture, max_params: int | None = CHECK_MAX_PARAMS) -> np.ndarray:
    """Which parameters to check: all of them, or ``max_params`` spread evenly over every layer's W and b."""
    n = arch.n_params
    if max_params is None or n <= max_params:
        return np.arange(n)
    groups = []
    for ws, bs in arch.layer_slices():
        groups.append(np.arange(ws.start, ws.stop))
        if bs is not None:
            groups.append(np.arange(bs.start, bs.stop))
    share = max(1, max_params // len(groups))
    picked = [g[np.unique(np.linspace(0, g.size - 1, min(share, g.size)).round().astype(int))] for g in groups]
    return np.unique(np.concatenate(picked))


@dataclass(frozen=True, eq=False)
class GradientCheck:
    """Analytic (backpropagation) and central finite-difference gradients of the training loss, side by side."""

    index: np.ndarray  # flat parameter indices checked
    names: tuple[str, ...]
    analytic: np.ndarray
    numeric: np.ndarray
    rel_error: np.ndarray
    loss: float
    step: float
    floor: float
    n_params: int
    n_rows: int

    @property
    def max_rel_error(self) -> float:
        return float(self.rel_error.max(initial=0.0))


def relative_error(a: np.ndarray, b: np.ndarray, floor: float = REL_FLOOR) -> np.ndarray:
    """``|a − b| / max(|a|, |b|, floor)`` element-wise."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), floor)


def default_step(arch: Architecture) -> float:
    """The finite-difference step for ``arch``: smaller when some activation has a kink (ReLU)."""
    return KINK_STEP if any(a in KINKED for a in arch.activations) else FD_STEP


def gradient_check(
    net: Network, X: np.ndarray, Y: np.ndarray, step: float | None = None, floor: float = REL_FLOOR,
    max_params: int | None = CHECK_MAX_PARAMS,
) -> GradientCheck:
    """Compare ``Network.gradient`` with finite differences of ``Network.loss`` on (X, Y).

    The numeric gradient is the fourth-order central difference
    ``(−L(θ+2h) + 8·L(θ+h) − 8·L(θ−h) + L(θ−2h)) / 12h`` along each checked parameter
    (measured on the presets, trained or not: with h = 5e-4 it agrees with backpropagation
    to 3e-7 or better, usually ~1e-9; the plain ``(L(θ+h) − L(θ−h)) / 2h`` stalled at ~1e-5).
    ReLU units are not differentiable at 0: a parameter whose ±2h moves some row's ``z``
    across 0 shows a larger error without any bug (``step`` None: :func:`default_step`).
    Works on a float64 copy of ``net``; ``net`` itself is never changed.
    """
    if step is None:
        step = default_step(net.arch)
    work = Network(net.arch, np.array(net.params, dtype=np.float64))
    X = np.ascontiguousarray(X, dtype=np.float64)
    Y = np.ascontiguousarray(Y, dtype=np.float64)
    idx = check_indices(net.arch, max_params)
    names = param_names(net.arch)
    p = work.params
    with np.errstate(all="ignore"):
        value, grad = work.gradient(X, Y)
        numeric = np.empty(idx.size)
        for k, i in enumerate(idx):
            keep = p[i]
            L = []
            for d in (2.0 * step, step, -step, -2.0 * step):
                p[i] = keep + d
                L.append(work.loss(X, Y))
            p[i] = keep
            numeric[k] = (-L[0] + 8.0 * L[1] - 8.0 * L[2] + L[3]) / (12.0 * step)
    analytic = grad[idx].copy()
    return GradientCheck(
        index=idx, names=tuple(names[i] for i in idx), analytic=analytic, numeric=numeric,
        rel_error=relative_error(analytic, numeric, floor), loss=float(value), step=step, floor=floor,
        n_params=net.arch.n_params, n_rows=int(X.shape[0]),
    )


# ---------------------------------------------------------------------------------- maps of the plane


@dataclass(frozen=True)
class Bounds:
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def plane_bounds(X: np.ndarray, margin: float = MARGIN) -> Bounds:
    """The data's range on its two inputs plus ``margin`` of it on each side (±1 around a constant column)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"a map of the plane needs exactly two inputs, got {X.shape[-1] if X.ndim == 2 else X.shape}")
    out = []
    for c in range(2):
        col = X[:, c][np.isfinite(X[:, c])]
        lo, hi = (float(col.min()), float(col.max())) if col.size else (0.0, 0.0)
        span = hi - lo
        pad = margin * span if span > 0 else 1.0
        out += [lo - pad, hi + pad]
    return Bounds(*out)


def grid_axes(bounds: Bounds, n: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """Cell centres along x and y: ``n`` cells covering the bounds exactly."""
    xs = bounds.x0 + (np.arange(n) + 0.5) * (bounds.width / n)
    ys = bounds.y0 + (np.arange(n) + 0.5) * (bounds.height / n)
    return xs, ys


def grid_points(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """(len(ys) * len(xs), 2) points, row ``j * len(xs) + i`` = (xs[i], ys[j])."""
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


@dataclass(frozen=True, eq=False)
class PlaneMap:
    """Every layer's activations over a grid of the input plane: ``layers[l][j, i, u]`` at (xs[i], ys[j])."""

    bounds: Bounds
    xs: np.ndarray
    ys: np.ndarray
    layers: tuple[np.ndarray, ...]  # index 0 = the (raw) inputs, last = the network's output

    @property
    def output(self) -> np.ndarray:
        """(ny, nx, k): the network's prediction at each grid point."""
        return self.layers[-1]

    def unit(self, layer: int, unit: int) -> np.ndarray:
        """(ny, nx): unit ``unit`` of layer ``layer`` (1 = first hidden) over the grid."""
        return self.layers[layer][:, :, unit]


def plane_map_of(plane: PlaneMap | None, net: Network, session_or_normalizer, bounds: Bounds,
                 n: int = GRID) -> PlaneMap:
    """``plane`` when it covers ``bounds`` with ``n`` x ``n`` points (evaluated elsewhere, e.g. by the training
    thread from the same weights), else :func:`plane_map` of ``net``."""
    if plane is not None and plane.bounds == bounds and plane.xs.size == n and plane.ys.size == n:
        return plane
    return plane_map(net, session_or_normalizer, bounds, n)


def plane_map(net: Network, session_or_normalizer, bounds: Bounds, n: int = GRID, block: int = 0) -> PlaneMap:
    """Evaluate ``net`` (through :meth:`Network.forward`) on an ``n`` x ``n`` grid over ``bounds``.

    The grid points are raw inputs; they are normalised the way the trainer normalises
    (pass the :class:`Session` or the trainer's :class:`Normalizer`, or None). ``block`` (rows, 0: all at
    once) evaluates the grid in blocks: OpenBLAS multiplies a block of 256 rows on one thread, so a window
    whose training runs in a child process does not wake BLAS threads that would spin on the child's core.
    """
    xs, ys = grid_axes(bounds, n)
    P = grid_points(xs, ys)
    s = session_or_normalizer
    if isinstance(s, Session):
        Xn = s.prepare(P)
    elif s is not None:
        Xn = np.ascontiguousarray(s.transform(P), dtype=np.float64)
    else:
        Xn = np.ascontiguousarray(P, dtype=np.float64)
    with np.errstate(all="ignore"):
        if block and Xn.shape[0] > block:  # row blocks small enough for one BLAS thread (see the docstring)
            parts = [net.forward(Xn[i:i + block]) for i in range(0, Xn.shape[0], block)]
            acts = [np.concatenate(layer) for layer in zip(*parts)]
        else:
            acts = net.forward(Xn)
    shaped = [P.reshape(ys.size, xs.size, 2)] + [a.reshape(ys.size, xs.size, -1) for a in acts[1:]]
    return PlaneMap(bounds, xs, ys, tuple(shaped))
