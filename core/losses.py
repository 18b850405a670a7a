"""Loss functions, each beside its gradient, in one registry.

With ``n`` samples, ``k`` outputs, prediction ``p`` and target ``y``:

- ``sse``: sum over samples and outputs of (p - y)^2 (James Loy's loss).
- ``mse``: the same squared error averaged over all n*k elements.
- ``bce``: binary cross-entropy, -(1/n) sum [y log p + (1 - y) log(1 - p)].
- ``ce``: categorical cross-entropy, -(1/n) sum y log p (pair it with softmax).

Logs are taken of ``p`` clipped to [EPS, 1 - EPS]. Where an output activation is
paired with its natural loss (sigmoid + bce, softmax + ce) the gradient with
respect to the pre-activation is returned directly, ``(p - y) / n``, which is both
cheaper and stable where the chained form would divide by p(1 - p).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .registry import lookup

EPS = 1e-12


def _sse(p: np.ndarray, y: np.ndarray) -> float:
    d = p - y
    return float(np.einsum("ij,ij->", d, d))


def _sse_grad(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    return 2.0 * (p - y)


def _mse(p: np.ndarray, y: np.ndarray) -> float:
    return _sse(p, y) / p.size


def _mse_grad(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (2.0 / p.size) * (p - y)


def _bce(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, EPS, 1.0 - EPS)
    return float(-(y * np.log(q) + (1.0 - y) * np.log1p(-q)).sum() / p.shape[0])


def _bce_grad(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    q = np.clip(p, EPS, 1.0 - EPS)
    return (q - y) / (q * (1.0 - q)) / p.shape[0]


def _ce(p: np.ndarray, y: np.ndarray) -> float:
    return float(-(y * np.log(np.clip(p, EPS, 1.0))).sum() / p.shape[0])


def _ce_grad(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    return -y / np.clip(p, EPS, 1.0) / p.shape[0]


def _sigmoid_bce_delta(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (p - y) / p.shape[0]


def _softmax_ce_delta(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    # Exact for any y; equals (p - y) / n when each target row sums to one.
    return (p * y.sum(axis=1, keepdims=True) - y) / p.shape[0]


@dataclass(frozen=True)
class Loss:
    """A named loss: its value, its gradient with respect to the prediction, and its pairing.

    The value is a sum over the batch divided by ``divisor(rows, outputs)`` (``reduction``:
    ``"sum"`` 1, ``"mean"`` every element, ``"rows"`` the rows). The fields after ``summed``
    are what the fast training paths need; a loss without them trains on the generic path only:

    - ``squared_error``: the value is sum (p - y)^2 / divisor, so the gradient is
      2 (p - y) / divisor for any output activation; otherwise only its paired activation,
      whose output delta is (p - y) / divisor, has a fast path;
    - ``fused_value``: the NumPy calls (source templates) :mod:`core.kernels` writes to leave
      the summed value in ``v``: ``{P}`` holds the predictions, ``{T}`` is a scratch buffer
      like it, ``D`` holds P - Y (and may be overwritten), ``Dflat`` is D flat, ``Y`` the targets;
    - ``compiled_code``: its branch in :mod:`core.compiled`'s loop.
    """

    name: str
    label: str
    value: Callable[[np.ndarray, np.ndarray], float]
    grad: Callable[[np.ndarray, np.ndarray], np.ndarray]
    paired_activation: str | None = None
    paired_delta: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    needs_probabilities: bool = False
    formula: str = ""
    reduction: str = "rows"  # "sum" (sse), "mean" (over all elements) or "rows" (over the samples)
    squared_error: bool = False
    fused_value: tuple[str, ...] | None = None
    compiled_code: int | None = None

    def __call__(self, p: np.ndarray, y: np.ndarray) -> float:
        return self.value(p, y)

    @property
    def summed(self) -> bool:
        """True: a sum over samples (sse); False: a mean."""
        return self.reduction == "sum"

    def divisor(self, rows: int, outputs: int) -> int:
        """What the batch's summed loss is divided by."""
        return {"sum": 1, "mean": rows * outputs, "rows": rows}[self.reduction]

    def delta_scale(self, rows: int, outputs: int) -> float:
        """c in the output delta c (p - y) (times f'(z) for a squared error): the loss's constant."""
        return (2.0 if self.squared_error else 1.0) / self.divisor(rows, outputs)


_SQUARES = ("v = dot(Dflat, Dflat)",)

LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("sse", "Sum of squares (SSE)", _sse, _sse_grad, formula="sum (p - y)^2", reduction="sum",
             squared_error=True, fused_value=_SQUARES, compiled_code=0),
        Loss("mse", "Mean squared error (MSE)", _mse, _mse_grad, formula="mean (p - y)^2", reduction="mean",
             squared_error=True, fused_value=_SQUARES, compiled_code=0),
        Loss(
            "bce", "Binary cross-entropy", _bce, _bce_grad, "sigmoid", _sigmoid_bce_delta,
            needs_probabilities=True, formula="-(1/n) sum [y log p + (1-y) log(1-p)]",
            # y log q + (1 - y) log(1 - q) = log(1 - q) + y (log q - log(1 - q)); D is free here
            fused_value=(f"clip({{P}}, {EPS!r}, {1.0 - EPS!r}, {{T}})", "subtract(1.0, {T}, D)", "log(D, D)",
                         "log({T}, {T})", "subtract({T}, D, {T})", "v = -(D.sum() + vdot(Y, {T}))"),
            compiled_code=1,
        ),
        Loss(
            "ce", "Categorical cross-entropy", _ce, _ce_grad, "softmax", _softmax_ce_delta,
            needs_probabilities=True, formula="-(1/n) sum y log p",
            fused_value=(f"clip({{P}}, {EPS!r}, 1.0, {{T}})", "log({T}, {T})", "v = -vdot(Y, {T})"),
            compiled_code=2,
        ),
    )
}


def get_loss(name: str) -> Loss:
    """Look a loss up by name, with a message listing the valid names."""
    return lookup(LOSSES, "loss", name)


def output_delta(loss: Loss, activation_name: str, p: np.ndarray, y: np.ndarray, backward) -> np.ndarray:
    """Gradient of the loss with respect to the output layer's pre-activation."""
    if loss.paired_activation == activation_name and loss.paired_delta is not None:
        return loss.paired_delta(p, y)
    return backward(p, loss.grad(p, y))
