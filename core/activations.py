"""Activation functions, each beside its derivative, in one registry.

Every activation is a pair: ``forward(z) -> a`` and ``backward(a, grad_a) -> grad_z``,
the vector-Jacobian product expressed through the *output* ``a`` (as scikit-learn
does), so the backward pass never needs ``z``. Element-wise activations multiply by
their derivative; softmax applies its full Jacobian, so any loss can follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

LEAKY_SLOPE = 0.01


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # The article's 1 / (1 + exp(-z)), in place: for z < -709 exp overflows to inf and the
    # result is exactly 0, the right limit (the warning is silenced). Ten times faster than
    # the two-branch np.where form, and the same formula as the fused training step.
    with np.errstate(over="ignore"):
        a = np.negative(z)
        np.exp(a, out=a)
        a += 1.0
        return np.reciprocal(a, out=a)


def _sigmoid_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    return g * a * (1.0 - a)


def _tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(z)


def _tanh_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    return g * (1.0 - a * a)


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _relu_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    return g * (a > 0)


def _leaky_relu(z: np.ndarray) -> np.ndarray:
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def _leaky_relu_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    # The sign of the output equals the sign of the input, so the output decides the slope.
    return g * np.where(a > 0, 1.0, LEAKY_SLOPE)


def _linear(z: np.ndarray) -> np.ndarray:
    return z.copy()


def _linear_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    return g


def _softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def _softmax_back(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    # J^T g for J = diag(a) - a a^T, row by row.
    return a * (g - (g * a).sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class Activation:
    """A named activation: the function, its vector-Jacobian product, and where it may be used."""

    name: str
    label: str
    forward: Callable[[np.ndarray], np.ndarray]
    backward: Callable[[np.ndarray, np.ndarray], np.ndarray]
    output_only: bool = False
    formula: str = ""

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return self.forward(z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", "Sigmoid", _sigmoid, _sigmoid_back, formula="1 / (1 + e^-z)"),
        Activation("tanh", "Tanh", _tanh, _tanh_back, formula="tanh(z)"),
        Activation("relu", "ReLU", _relu, _relu_back, formula="max(0, z)"),
        Activation(
            "leaky_relu", "Leaky ReLU", _leaky_relu, _leaky_relu_back,
            formula=f"z if z > 0 else {LEAKY_SLOPE} z",
        ),
        Activation("linear", "Linear (identity)", _linear, _linear_back, formula="z"),
        Activation(
            "softmax", "Softmax (output only)", _softmax, _softmax_back, output_only=True,
            formula="e^z_k / sum_j e^z_j",
        ),
    )
}

HIDDEN_ACTIVATIONS = tuple(name for name, a in ACTIVATIONS.items() if not a.output_only)
OUTPUT_ACTIVATIONS = tuple(ACTIVATIONS)


def get_activation(name: str) -> Activation:
    """Look an activation up by name, with a message listing the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; expected one of {', '.join(ACTIVATIONS)}"
        ) from None
