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

from .registry import lookup

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
    """A named activation: the function, its vector-Jacobian product, and where it may be used.

    The fields after ``formula`` are what the fast training paths need; an activation
    without them trains on the generic path (``Network.gradient``) only:

    - ``fused_forward``: the NumPy calls (source templates) that :mod:`core.kernels` writes to
      apply it in place to buffer ``{z}``, with ``{t}`` a scratch buffer of the same shape;
    - ``fused_backward``: the calls multiplying ``{g}`` in place by f'(z), written through the
      output ``{a}`` (scratch ``{t}``);
    - ``fused_one_call``: one call doing what ``fused_forward`` does, cheaper on small arrays;
    - ``fused_forward_keep``: a hidden layer's forward calls that also leave f'(z) in ``{t}``, so
      its backward is the one call ``multiply({g}, {t}, {g})``: for ReLU the 0/1 mask is cheaper
      to keep than ``maximum`` and ``greater`` are to call (a third of a ReLU net's element-wise time);
    - ``keeps_one``: f(1) == 1, so a column of ones in the buffer survives it;
    - ``compiled_code``: its branch in :mod:`core.compiled`'s scalar loop (``_act``/``_dact``).
    """

    name: str
    label: str
    forward: Callable[[np.ndarray], np.ndarray]
    backward: Callable[[np.ndarray, np.ndarray], np.ndarray]
    output_only: bool = False
    formula: str = ""
    elementwise: bool = True  # False: each output depends on the whole row (softmax)
    fused_forward: tuple[str, ...] | None = None
    fused_backward: tuple[str, ...] | None = None
    fused_one_call: str | None = None
    fused_forward_keep: tuple[str, ...] | None = None
    keeps_one: bool = False
    compiled_code: int | None = None

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return self.forward(z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "sigmoid", "Sigmoid", _sigmoid, _sigmoid_back, formula="1 / (1 + e^-z)",
            fused_forward=("negative({z}, {z})", "exp({z}, {z})", "add({z}, 1.0, {z})", "reciprocal({z}, {z})"),
            fused_backward=("multiply({a}, {a}, {t})", "subtract({a}, {t}, {t})", "multiply({g}, {t}, {g})"),
            fused_one_call="expit({z}, {z})", compiled_code=0,
        ),
        Activation(
            "tanh", "Tanh", _tanh, _tanh_back, formula="tanh(z)",
            fused_forward=("tanh({z}, {z})",),
            fused_backward=("multiply({a}, {a}, {t})", "subtract(1.0, {t}, {t})", "multiply({g}, {t}, {g})"),
            compiled_code=1,
        ),
        Activation(
            "relu", "ReLU", _relu, _relu_back, formula="max(0, z)",
            fused_forward=("maximum({z}, 0.0, out={z})",),
            fused_backward=("greater({a}, 0.0, {t})", "multiply({g}, {t}, {g})"),
            # z * (z > 0): equal to max(z, 0) but for the sign of a zero (-0.0 where z < 0)
            fused_forward_keep=("greater({z}, 0.0, {t})", "multiply({z}, {t}, {z})"),
            keeps_one=True, compiled_code=2,
        ),
        Activation(
            "leaky_relu", "Leaky ReLU", _leaky_relu, _leaky_relu_back,
            formula=f"z if z > 0 else {LEAKY_SLOPE} z",
            fused_forward=(f"multiply({{z}}, {LEAKY_SLOPE!r}, {{t}})", "maximum({z}, {t}, out={z})"),
            fused_backward=("greater({a}, 0.0, {t})", f"multiply({{t}}, {1.0 - LEAKY_SLOPE!r}, {{t}})",
                            f"add({{t}}, {LEAKY_SLOPE!r}, {{t}})", "multiply({g}, {t}, {g})"),
            fused_forward_keep=("greater({z}, 0.0, {t})", f"multiply({{t}}, {1.0 - LEAKY_SLOPE!r}, {{t}})",
                                f"add({{t}}, {LEAKY_SLOPE!r}, {{t}})", "multiply({z}, {t}, {z})"),
            keeps_one=True, compiled_code=3,
        ),
        Activation(
            "linear", "Linear (identity)", _linear, _linear_back, formula="z",
            fused_forward=(), fused_backward=(), keeps_one=True, compiled_code=4,
        ),
        Activation(
            # core.kernels writes its own row-wise softmax lines (the paired ce loss needs them).
            "softmax", "Softmax (output only)", _softmax, _softmax_back, output_only=True,
            formula="e^z_k / sum_j e^z_j", elementwise=False, compiled_code=5,
        ),
    )
}

HIDDEN_ACTIVATIONS = tuple(name for name, a in ACTIVATIONS.items() if not a.output_only)
OUTPUT_ACTIVATIONS = tuple(ACTIVATIONS)


def get_activation(name: str) -> Activation:
    """Look an activation up by name, with a message listing the valid names."""
    return lookup(ACTIVATIONS, "activation", name)
