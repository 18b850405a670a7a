"""Export a training run as a standalone, NumPy-only Python script.

:func:`python_script` writes the source of a script that holds the data set (raw
inputs and raw targets), the architecture and every training setting, and trains
the same network the way :class:`core.trainer.Trainer` does, so a student can read
(and change) the whole algorithm in one file without nngui:

- the same seed gives the same initial weights: one ``numpy.random.default_rng(seed)``
  drawn in the core's order (the initialiser per layer W1, W2, ..., then the
  validation split's permutation, then one permutation per epoch for mini-batches);
- the same targets (class labels one-hot encoded for softmax + ce), the same
  normalisation (fitted on the training rows), input features (computed after the
  normalisation), activations, losses and optimisers;
- the same loss definition: epoch ``k``'s loss is the loss *before* that epoch's
  update, accumulated over the mini-batches as in ``Trainer._run_generic``;
- the same stop condition ``stop_loss`` (``STOP_LOSS``): training ends at the first epoch
  whose loss is below it. ``stop_accuracy`` is not reproduced (nngui checks it between
  chunks of epochs): pass ``epochs`` = the epoch where nngui stopped instead;
- the same L2/L1 regularisation of the weights (``L2``, ``L1``), learning-rate schedule
  (``SCHEDULE``, over ``EPOCHS_TARGET``) and early stopping (``EARLY_STOPPING``: the
  weights of the best validation epoch are put back), and the same ``penalty`` printed.

The floating-point operations are those of the core's generic path
(``Network.gradient`` then ``params -= lr * grads``), so the printed final loss
equals a Trainer's to about 1e-12 relative (the Trainer's fused and compiled paths
fold the learning rate into the output delta, which changes the last bits).

With ``start`` the script embeds those weights instead of drawing new ones (the
Trainer does not draw them either in that case); with ``epochs=0`` it does not
train at all and reports the loss and the predictions of the embedded weights.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .config import ConfigError, TrainConfig
from .data import Dataset
from .network import Architecture, Network
from .normalization import Normalizer
from .schedules import parse_schedule

__all__ = ["ExportError", "python_script"]


class ExportError(ValueError):
    """A model or run that cannot be exported (or a missing optional package)."""


def _num(v) -> str:
    """The shortest text that reads back as exactly this float."""
    return repr(float(v))


def _row(values) -> str:
    return "[" + ", ".join(_num(v) for v in values) + "]"


def _matrix(A: np.ndarray, indent: str = "    ") -> str:
    """A 2-D array as ``np.array([...])`` source, one row per line."""
    A = np.asarray(A, dtype=np.float64)
    if A.shape[0] == 0:
        return f"np.zeros((0, {A.shape[1]}))"
    rows = "".join(f"{indent}    {_row(r)},\n" for r in A)
    return "np.array([\n" + rows + indent + "])"


def _one_line(text: str) -> str:
    """Text safe inside a comment or docstring line."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(text.replace('"""', "'''").replace("\\", "/").split())


def _names(names: Sequence[str]) -> str:
    return "[" + ", ".join(repr(str(n)) for n in names) + "]"


def python_script(
    dataset: Dataset,
    config: TrainConfig,
    start: Network | None = None,
    *,
    normalizer: Normalizer | None = None,
    epochs: int | None = None,
    title: str | None = None,
) -> str:
    """The source of a standalone NumPy script reproducing a Trainer's run on ``dataset``.

    ``start``: weights to start from (e.g. the app's current network, or a saved
    model's); None draws new ones from ``config.seed`` as the Trainer does.
    ``normalizer``: a fitted normalisation to use (a saved model's) instead of
    fitting ``config.normalize`` on the training rows. ``epochs``: epochs to train
    (default ``config.epochs``, which must then not be 0 = "until stopped");
    0 trains nothing and reports the loss of the starting weights.
    Raises ConfigError for settings that do not fit the data (as the Trainer would)
    and ExportError for a run that cannot be written as a script.
    """
    from .trainer import check_data, input_width, targets_for

    config.check()
    if dataset.Y.shape[1] == 0:
        raise ConfigError("targets", "the data has no target column: mark at least one column as target")
    Y, classes = targets_for(dataset, config)
    check_data(dataset, config, Y)
    arch = Architecture.build(
        input_width(dataset, config), config.hidden, Y.shape[1], config.hidden_activations,
        config.output_activation, config.bias, config.loss,
    )
    if start is not None and start.arch != arch:
        raise ConfigError(
            "architecture", f"the starting weights are for layers {list(start.arch.sizes)} "
            f"({'/'.join(start.arch.activations)}, loss {start.arch.loss}, "
            f"{'with' if start.arch.bias else 'no'} biases); the data and settings need layers "
            f"{list(arch.sizes)} ({'/'.join(arch.activations)}, loss {arch.loss}, "
            f"{'with' if arch.bias else 'no'} biases)")
    if epochs is None:
        epochs = config.epochs
        if epochs == 0:
            raise ExportError("epochs: the run trains until stopped (epochs 0); a script needs a "
                              "number of epochs")
    epochs = int(epochs)
    if epochs < 0:
        raise ExportError(f"epochs: must be a whole number >= 0, got {epochs}")
    if normalizer is not None and np.asarray(normalizer.shift).shape != (dataset.X.shape[1],):
        raise ExportError(f"normalization: expected {dataset.X.shape[1]} shift/scale values, "
                          f"got {np.asarray(normalizer.shift).size}")

    heading = _one_line(title or f"{dataset.source}: a {'-'.join(map(str, arch.sizes))} network")
    parts = [
        _HEADER.format(heading=heading, source=_one_line(dataset.source)),
        _data_block(dataset),
        _settings_block(config, epochs),
        _start_block(start, normalizer),
        _BODY,
    ]
    return "\n".join(parts)


def _data_block(ds: Dataset) -> str:
    return (
        "# ---------------------------------------------------------------------------\n"
        "# The data: one row per sample, as in the data table (before normalisation)\n"
        "# ---------------------------------------------------------------------------\n\n"
        f"INPUT_NAMES = {_names(ds.input_names)}\n"
        f"TARGET_NAMES = {_names(ds.target_names)}\n\n"
        f"X_RAW = {_matrix(ds.X, '')}\n\n"
        f"Y_RAW = {_matrix(ds.Y, '')}\n"
    )


def _settings_block(cfg: TrainConfig, epochs: int) -> str:
    acts = list(cfg.hidden_activations)
    lines = [
        "# ---------------------------------------------------------------------------",
        "# The settings (the same names and meanings as in nngui)",
        "# ---------------------------------------------------------------------------",
        "",
        f"HIDDEN = {list(cfg.hidden)!r}  # units in each hidden layer",
        f"ACTIVATION = {acts!r}  # one per hidden layer: sigmoid, tanh, relu, leaky_relu, linear",
        f"OUTPUT_ACTIVATION = {cfg.output_activation!r}  # any of those, or softmax",
        f"LOSS = {cfg.loss!r}  # sse, mse, bce or ce",
        f"BIAS = {bool(cfg.bias)!r}  # whether every layer has a bias vector",
        f"INIT = {cfg.init!r}  # uniform01, normal001, xavier or he",
        f"OPTIMIZER = {cfg.optimizer!r}  # gd (always all rows), sgd, momentum or adam",
        f"LEARNING_RATE = {_num(cfg.learning_rate)}",
        f"BATCH_SIZE = {int(cfg.batch_size)}  # rows per mini-batch; 0: all rows",
        f"EPOCHS = {epochs}  # 0: no training, just report the starting weights",
        f"SEED = {int(cfg.seed)}  # seeds the weights, the validation split and the shuffling",
        f"NORMALIZE = {cfg.normalize!r}  # none, standard or minmax (fitted on the training rows)",
        f"FEATURES = {list(cfg.features)!r}  # derived inputs after normalisation: squares, products, sin",
        f"VALIDATION = {_num(cfg.validation)}  # fraction of the rows held out",
        f"DTYPE = np.{np.dtype(cfg.dtype).name}  # the floating-point type of the training",
        f"STOP_LOSS = {_num(cfg.stop_loss)}  # stop at the first epoch whose loss is below this; 0: off",
        f"L2 = {_num(cfg.l2)}  # adds (L2 / 2) * sum(W ** 2) over the weights (not the biases) to the objective",
        f"L1 = {_num(cfg.l1)}  # adds L1 * sum(|W|) over the weights to the objective",
        f"SCHEDULE = {str(parse_schedule(cfg.schedule))!r}  # constant, step:GAMMA:EVERY, exp:GAMMA or cosine",
        f"EPOCHS_TARGET = {int(cfg.epochs)}  # the E of the cosine schedule (nngui's epoch target)",
        f"EARLY_STOPPING = {int(cfg.early_stopping)}  # stop after this many epochs without a lower "
        "validation loss; 0: off",
    ]
    if cfg.stop_accuracy:
        lines += [
            "# (nngui's \"stop at 100 % accuracy\" is checked between its chunks of epochs and is not",
            "# reproduced here: EPOCHS is where nngui stopped.)",
        ]
    lines.append("")
    return "\n".join(lines)


def _start_block(start: Network | None, normalizer: Normalizer | None) -> str:
    out = [
        "# Weights to start from, per layer (W of shape (inputs, outputs), bias b);",
        "# None: draw new ones from SEED, as nngui does.",
    ]
    if start is None:
        out.append("START = None")
    else:
        out.append("START = [")
        for W, b in start.layers():
            bias = "None" if b is None else f"np.array({_row(b)})"
            out.append(f"    ({_matrix(W, '    ')}, {bias}),")
        out.append("]")
    out += [
        "",
        "# The input normalisation (shift, scale) to use, e.g. the one saved with a model;",
        "# None: fit NORMALIZE on the training rows.",
    ]
    if normalizer is None:
        out.append("SAVED_NORMALIZATION = None")
    else:
        out.append(f"SAVED_NORMALIZATION = (np.array({_row(normalizer.shift)}), "
                   f"np.array({_row(normalizer.scale)}))")
    return "\n".join(out) + "\n"


_HEADER = '''\
"""{heading}

A standalone script generated by nngui from {source}: the data, the network's
architecture and the training settings, with the whole training algorithm written
out in NumPy (nothing else is needed: pip install numpy). It reproduces nngui's
training: the same seed gives the same initial weights, the same shuffling and the
same final loss as nngui reports.

Run it with:  python this_file.py
Change a setting below and run it again to see what the setting does.
"""

import numpy as np
'''


_BODY = '''
# ---------------------------------------------------------------------------
# Activations: each function beside its derivative. The derivative takes the
# layer's output a (not z) and the gradient g of the loss with respect to a,
# and returns the gradient with respect to z.
# ---------------------------------------------------------------------------

LEAKY_SLOPE = 0.01


def sigmoid(z):
    with np.errstate(over="ignore"):  # exp(-z) is inf for z < -709: the result is then exactly 0
        return 1.0 / (1.0 + np.exp(-z))


def sigmoid_back(a, g):
    return g * a * (1.0 - a)


def tanh(z):
    return np.tanh(z)


def tanh_back(a, g):
    return g * (1.0 - a * a)


def relu(z):
    return np.maximum(z, 0.0)


def relu_back(a, g):
    return g * (a > 0)


def leaky_relu(z):
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def leaky_relu_back(a, g):
    return g * np.where(a > 0, 1.0, LEAKY_SLOPE)


def linear(z):
    return z.copy()


def linear_back(a, g):
    return g


def softmax(z):
    shifted = z - z.max(axis=1, keepdims=True)  # the same result, without overflow
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def softmax_back(a, g):
    return a * (g - (g * a).sum(axis=1, keepdims=True))  # the softmax Jacobian, row by row


FORWARD = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "leaky_relu": leaky_relu,
           "linear": linear, "softmax": softmax}
BACKWARD = {"sigmoid": sigmoid_back, "tanh": tanh_back, "relu": relu_back,
            "leaky_relu": leaky_relu_back, "linear": linear_back, "softmax": softmax_back}


# ---------------------------------------------------------------------------
# Losses: p is the prediction, y the target, one row per sample.
# ---------------------------------------------------------------------------

EPS = 1e-12  # logs are taken of p clipped to [EPS, 1 - EPS]


def sse(p, y):
    d = p - y
    return float(np.einsum("ij,ij->", d, d))  # the sum of squares


def sse_grad(p, y):
    return 2.0 * (p - y)


def mse(p, y):
    return sse(p, y) / p.size


def mse_grad(p, y):
    return (2.0 / p.size) * (p - y)


def bce(p, y):
    q = np.clip(p, EPS, 1.0 - EPS)
    return float(-(y * np.log(q) + (1.0 - y) * np.log1p(-q)).sum() / p.shape[0])


def bce_grad(p, y):
    q = np.clip(p, EPS, 1.0 - EPS)
    return (q - y) / (q * (1.0 - q)) / p.shape[0]


def ce(p, y):
    return float(-(y * np.log(np.clip(p, EPS, 1.0))).sum() / p.shape[0])


def ce_grad(p, y):
    return -y / np.clip(p, EPS, 1.0) / p.shape[0]


LOSSES = {"sse": (sse, sse_grad), "mse": (mse, mse_grad), "bce": (bce, bce_grad), "ce": (ce, ce_grad)}


def output_delta(p, y):
    """The gradient of the loss with respect to the output layer's z."""
    if LOSS == "bce" and OUTPUT_ACTIVATION == "sigmoid":
        return (p - y) / p.shape[0]  # the sigmoid's derivative cancels out
    if LOSS == "ce" and OUTPUT_ACTIVATION == "softmax":
        return (p * y.sum(axis=1, keepdims=True) - y) / p.shape[0]  # (p - y) / n for one-hot y
    return BACKWARD[OUTPUT_ACTIVATION](p, LOSSES[LOSS][1](p, y))


# ---------------------------------------------------------------------------
# Initial weights, drawn from the random generator; biases start at zero.
# ---------------------------------------------------------------------------

def draw_weights(rng, n_in, n_out):
    if INIT == "uniform01":
        return rng.random((n_in, n_out))
    if INIT == "normal001":
        return rng.standard_normal((n_in, n_out)) * 0.01
    if INIT == "xavier":
        limit = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-limit, limit, (n_in, n_out))
    if INIT == "he":
        return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
    raise ValueError(f"unknown INIT {INIT!r}")


# ---------------------------------------------------------------------------
# The network: layer l computes a = act(a_prev @ W + b).
# ---------------------------------------------------------------------------

def forward(X, weights, biases):
    """The activations of every layer, [X, a1, ..., aL]; aL is the prediction."""
    acts = [X]
    a = X
    for W, b, name in zip(weights, biases, LAYER_ACTIVATIONS):
        z = a @ W
        if b is not None:
            z += b
        a = FORWARD[name](z)
        acts.append(a)
    return acts


def backward(X, Y, weights, biases):
    """The loss on (X, Y) and its gradients for W1, b1, W2, b2, ... (backpropagation)."""
    acts = forward(X, weights, biases)
    p = acts[-1]
    value = LOSSES[LOSS][0](p, Y)
    delta = output_delta(p, Y)  # dLoss/dz of the output layer
    grad_W = [None] * len(weights)
    grad_b = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        grad_W[l] = np.dot(acts[l].T, delta)
        if L2:  # the regularisation's gradient, on the weights only
            grad_W[l] += L2 * weights[l]
        if L1:
            grad_W[l] += L1 * np.sign(weights[l])
        if biases[l] is not None:
            grad_b[l] = delta.sum(axis=0)
        if l:  # carry delta back through W and the previous layer's activation
            delta = BACKWARD[LAYER_ACTIVATIONS[l - 1]](acts[l], delta @ weights[l].T)
    # in the order of `params`: W1, b1, W2, b2, ... (no b without biases)
    grads = [g for gW, gb in zip(grad_W, grad_b) for g in (gW, gb) if g is not None]
    return value, grads


def penalty(weights):
    """The regularisation term of the objective (the printed losses are the data loss alone)."""
    return sum(L2 / 2 * float(np.sum(W * W)) + L1 * float(np.sum(np.abs(W))) for W in weights)


# ---------------------------------------------------------------------------
# Optimisers: each updates the parameters in place from their gradients.
# ---------------------------------------------------------------------------

class GradientDescent:
    """p -= lr * g"""

    def __init__(self, params, learning_rate):
        self.learning_rate = learning_rate

    def update(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.learning_rate * g


class Momentum:
    """v = mu v - lr g; p += v"""

    def __init__(self, params, learning_rate, mu=0.9):
        self.learning_rate = learning_rate
        self.mu = mu
        self.velocity = [np.zeros_like(p) for p in params]

    def update(self, params, grads):
        for p, g, v in zip(params, grads, self.velocity):
            v *= self.mu
            v -= self.learning_rate * g
            p += v


class Adam:
    """Adam (Kingma & Ba) with bias correction; eps is added to the corrected sqrt(v)."""

    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0

    def update(self, params, grads):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * g * g
            denom = np.sqrt(v)
            denom *= 1.0 / np.sqrt(1.0 - b2**self.t)
            denom += self.eps
            p -= (self.learning_rate / (1.0 - b1**self.t)) * m / denom


OPTIMIZERS = {"gd": GradientDescent, "sgd": GradientDescent, "momentum": Momentum, "adam": Adam}


def learning_rate_at(epoch):
    """The learning rate of epoch `epoch` (counting from 1): LEARNING_RATE scaled by SCHEDULE."""
    name, *args = SCHEDULE.split(":")
    e = np.array([epoch])
    if name == "step":  # times GAMMA every EVERY epochs
        rates = LEARNING_RATE * np.power(float(args[0]), (e - 1) // int(args[1]), dtype=np.float64)
    elif name == "exp":  # times GAMMA every epoch
        rates = LEARNING_RATE * np.power(float(args[0]), e - 1, dtype=np.float64)
    elif name == "cosine":  # from LEARNING_RATE down to 0 over EPOCHS_TARGET epochs
        rates = LEARNING_RATE * (1.0 + np.cos(np.pi * (np.minimum(e, EPOCHS_TARGET + 1) - 1) / EPOCHS_TARGET)) / 2.0
    else:  # constant
        rates = np.full(1, float(LEARNING_RATE))
    return float(rates[0])


# ---------------------------------------------------------------------------
# Preparing the data
# ---------------------------------------------------------------------------

def class_labels_to_one_hot(Y):
    """One column of whole-number class labels -> (one-hot rows, the classes), else None."""
    if Y.shape[1] != 1 or Y.shape[0] == 0 or np.any(Y != np.floor(Y)):
        return None
    classes, index = np.unique(Y[:, 0], return_inverse=True)
    if len(classes) > 256:  # that many "classes" is a regression target
        return None
    one_hot = np.zeros((Y.shape[0], len(classes)))
    one_hot[np.arange(Y.shape[0]), index.reshape(-1)] = 1.0
    return one_hot, classes


Y_ALL, CLASSES = Y_RAW, None
if LOSS == "ce" and OUTPUT_ACTIVATION == "softmax":  # softmax + ce: one output per class
    encoded = class_labels_to_one_hot(Y_RAW)
    if encoded is not None:
        Y_ALL, CLASSES = encoded

def add_features(X):
    """The network's inputs: the normalised inputs, then (as chosen in FEATURES, always in this
    order) their squares, the products x_i * x_j of every pair i < j (row-major), their sines."""
    parts = [X]
    if "squares" in FEATURES:
        parts.append(X * X)
    if "products" in FEATURES:
        i, j = np.triu_indices(X.shape[1], 1)
        parts.append(X[:, i] * X[:, j])
    if "sin" in FEATURES:
        parts.append(np.sin(X))
    return np.hstack(parts) if len(parts) > 1 else X


SIZES = [add_features(np.zeros((1, X_RAW.shape[1]))).shape[1], *HIDDEN, Y_ALL.shape[1]]
LAYER_ACTIVATIONS = [*ACTIVATION, OUTPUT_ACTIVATION]

# One random generator for everything, used in this order: the initial weights
# (layer by layer, drawn even when START replaces them), the validation split,
# then the shuffling of each epoch.
rng = np.random.default_rng(SEED)

weights, biases = [], []
for l, (n_in, n_out) in enumerate(zip(SIZES, SIZES[1:])):
    W = draw_weights(rng, n_in, n_out).astype(DTYPE)  # drawn even when replaced: the split stays the same
    b = np.zeros(n_out, dtype=DTYPE) if BIAS else None
    if START is not None:
        W = np.array(START[l][0], dtype=DTYPE)
        b = np.array(START[l][1], dtype=DTYPE) if BIAS else None
    weights.append(W)
    biases.append(b)
params = [p for W, b in zip(weights, biases) for p in (W, b) if p is not None]

n = X_RAW.shape[0]
n_val = int(round(VALIDATION * n)) if VALIDATION else 0
order = rng.permutation(n) if n_val else np.arange(n)
train_rows, val_rows = np.sort(order[n_val:]), np.sort(order[:n_val])

if SAVED_NORMALIZATION is not None:
    shift, scale = SAVED_NORMALIZATION
elif NORMALIZE == "none":
    shift, scale = None, None
else:  # fitted on the training rows only
    X_fit = X_RAW[train_rows]
    if NORMALIZE == "standard":
        shift, scale = X_fit.mean(axis=0), X_fit.std(axis=0)
    else:  # minmax
        shift, scale = X_fit.min(axis=0), X_fit.max(axis=0) - X_fit.min(axis=0)
    scale = np.where(scale > 0, scale, 1.0)  # a constant input maps to 0


def prepare(X_raw):
    """Raw inputs as the network sees them: normalised, with the FEATURES added, in DTYPE."""
    if shift is not None:
        X_raw = (X_raw - shift) / scale
    return np.ascontiguousarray(add_features(X_raw), dtype=DTYPE)


def predict(X_raw):
    """The network's outputs for raw inputs (one row per sample)."""
    return forward(prepare(np.asarray(X_raw, dtype=np.float64)), weights, biases)[-1]


X = prepare(X_RAW[train_rows])
Y = np.ascontiguousarray(Y_ALL[train_rows], dtype=DTYPE)
X_val = prepare(X_RAW[val_rows])
Y_val = np.ascontiguousarray(Y_ALL[val_rows], dtype=DTYPE)

# ---------------------------------------------------------------------------
# Training. An epoch's loss is the loss of the weights *before* its update;
# with mini-batches it is added up over the epoch's batches.
# ---------------------------------------------------------------------------

if EARLY_STOPPING and not n_val:
    raise SystemExit("EARLY_STOPPING watches the validation loss: set VALIDATION above 0")

rows = X.shape[0]
batch_size = BATCH_SIZE if (BATCH_SIZE and OPTIMIZER != "gd") else rows
batch_size = min(batch_size, rows)
optimizer = OPTIMIZERS[OPTIMIZER](params, LEARNING_RATE)
summed = LOSS == "sse"  # sse adds up over the rows; the other losses average

loss = val_loss = None
epoch = 0
# early stopping: the lowest validation loss, its epoch and the weights it was measured on
best_loss, best_epoch, best_params = np.inf, 0, [p.copy() for p in params]
stopped_early = False
with np.errstate(all="ignore"):
    for epoch in range(1, EPOCHS + 1):
        optimizer.learning_rate = learning_rate_at(epoch)
        # as the loss, the validation loss of an epoch is that of the weights before its update
        val_now = LOSSES[LOSS][0](forward(X_val, weights, biases)[-1], Y_val) if n_val else None
        if EARLY_STOPPING and val_now < best_loss:
            best_loss, best_epoch, best_params = val_now, epoch, [p.copy() for p in params]
        if batch_size >= rows:  # full batch: one step per epoch
            loss, grads = backward(X, Y, weights, biases)
            optimizer.update(params, grads)
        else:  # mini-batches of shuffled rows
            shuffled = rng.permutation(rows)
            total = 0.0
            for s in range(0, rows, batch_size):
                idx = shuffled[s : s + batch_size]
                value, grads = backward(X[idx], Y[idx], weights, biases)
                optimizer.update(params, grads)
                total += value if summed else value * idx.size
            loss = total if summed else total / rows
        if not np.isfinite(loss):
            print(f"training diverged at epoch {epoch}: try a lower LEARNING_RATE")
            break
        val_loss = val_now
        if EPOCHS >= 10 and epoch % (EPOCHS // 10) == 0:
            print(f"epoch {epoch}: loss {loss:.6g}")
        if STOP_LOSS and loss < STOP_LOSS:  # as nngui: stop at the first epoch below the target
            print(f"stopped at epoch {epoch}: the loss is below STOP_LOSS = {STOP_LOSS:g}")
            break
        if EARLY_STOPPING and epoch - best_epoch >= EARLY_STOPPING:  # put the best weights back
            for p, kept in zip(params, best_params):
                p[...] = kept
            stopped_early = True
            print(f"stopped at epoch {epoch}: the validation loss has not improved for {EARLY_STOPPING} epochs; "
                  f"kept the weights of epoch {best_epoch}")
            break
    if loss is None:  # no training: the loss of the starting weights
        loss = LOSSES[LOSS][0](forward(X, weights, biases)[-1], Y)
    if val_loss is None and n_val:
        val_loss = LOSSES[LOSS][0](forward(X_val, weights, biases)[-1], Y_val)

# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

print(f"final loss: {loss!r}")
if L2 or L1:
    print(f"penalty: {penalty(weights)!r}")
if val_loss is not None:
    print(f"val loss: {val_loss!r}")
print(f"epochs: {epoch}")
if stopped_early:
    print(f"best epoch: {best_epoch}")
    print(f"best val loss: {best_loss!r}")



def accuracy(P, Y):
    """The fraction of rows whose class is predicted right."""
    if CLASSES is not None:  # the largest output names the class
        return np.mean(np.argmax(P, axis=1) == np.argmax(Y, axis=1))
    return np.mean((P[:, 0] >= 0.5) == (Y[:, 0] == 1))  # one sigmoid output: yes above 0.5


binary = OUTPUT_ACTIVATION == "sigmoid" and Y.shape[1] == 1 and np.all((Y == 0) | (Y == 1))
if CLASSES is not None or binary:
    with np.errstate(all="ignore"):
        print(f"accuracy: {accuracy(forward(X, weights, biases)[-1], Y) * 100:.1f}%")
        if n_val:
            print(f"val accuracy: {accuracy(forward(X_val, weights, biases)[-1], Y_val) * 100:.1f}%")

P = predict(X_RAW)

shown = min(n, 10)
print(f"predictions ({shown} of {n} rows):")
for i in range(shown):
    inputs = ", ".join(f"{v:.4g}" for v in X_RAW[i])
    outputs = ", ".join(f"{v:.6f}" for v in P[i])
    targets = ", ".join(f"{v:.4g}" for v in Y_RAW[i])
    label = f"  class {CLASSES[np.argmax(P[i])]:g}" if CLASSES is not None else ""
    print(f"  [{inputs}] -> [{outputs}]{label}   (target {targets})")
'''
