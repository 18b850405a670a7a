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
    """A named loss: its value, its gradient with respect to the prediction, and its pairing."""

    name: str
    label: str
    value: Callable[[np.ndarray, np.ndarray], float]
    grad: Callable[[np.ndarray, np.ndarray], np.ndarray]
    paired_activation: str | None = None
    paired_delta: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    needs_probabilities: bool = False
    formula: str = ""
    summed: bool = False  # True: a sum over samples (sse); False: a mean over samples

    def __call__(self, p: np.ndarray, y: np.ndarray) -> float:
        return self.value(p, y)


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("sse", "Sum of squares (SSE)", _sse, _sse_grad, formula="sum (p - y)^2", summed=True),
        Loss("mse", "Mean squared error (MSE)", _mse, _mse_grad, formula="mean (p - y)^2"),
        Loss(
            "bce", "Binary cross-entropy", _bce, _bce_grad, "sigmoid", _sigmoid_bce_delta,
            needs_probabilities=True, formula="-(1/n) sum [y log p + (1-y) log(1-p)]",
        ),
        Loss(
            "ce", "Categorical cross-entropy", _ce, _ce_grad, "softmax", _softmax_ce_delta,
            needs_probabilities=True, formula="-(1/n) sum y log p",
        ),
    )
}


def get_loss(name: str) -> Loss:
    """Look a loss up by name, with a message listing the valid names."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; expected one of {', '.join(LOSSES)}") from None


def output_delta(loss: Loss, activation_name: str, p: np.ndarray, y: np.ndarray, backward) -> np.ndarray:
    """Gradient of the loss with respect to the output layer's pre-activation."""
    if loss.paired_activation == activation_name and loss.paired_delta is not None:
        return loss.paired_delta(p, y)
    return backward(p, loss.grad(p, y))
