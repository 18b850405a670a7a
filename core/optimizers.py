"""Optimisers as small classes with one ``update`` method, in one registry.

Each works in place on the network's single flat parameter buffer and its flat
gradient, so a whole update is a handful of NumPy calls whatever the depth.
The learning rate is a plain attribute: it may be changed between chunks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .registry import lookup


class GD:
    """Plain gradient descent: p -= lr * g. Under the name ``gd`` it always uses the full batch."""

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = float(learning_rate)

    def update(self, params: np.ndarray, grads: np.ndarray) -> None:
        params -= self.learning_rate * grads


class Momentum:
    """Heavy-ball momentum: v = mu v - lr g; p += v."""

    def __init__(self, learning_rate: float, size: int, dtype=np.float64, mu: float = 0.9) -> None:
        self.learning_rate = float(learning_rate)
        self.mu = mu
        self.velocity = np.zeros(size, dtype=dtype)

    def update(self, params: np.ndarray, grads: np.ndarray) -> None:
        v = self.velocity
        v *= self.mu
        v -= self.learning_rate * grads
        params += v


class Adam:
    """Adam (Kingma & Ba) with bias correction."""

    def __init__(
        self, learning_rate: float, size: int, dtype=np.float64,
        beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
    ) -> None:
        self.learning_rate = float(learning_rate)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size, dtype=dtype)
        self.v = np.zeros(size, dtype=dtype)
        self.t = 0

    def update(self, params: np.ndarray, grads: np.ndarray) -> None:
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m *= b1
        self.m += (1.0 - b1) * grads
        self.v *= b2
        self.v += (1.0 - b2) * grads * grads
        # eps is added to the bias-corrected sqrt(v), as in the paper's Algorithm 1 and PyTorch.
        denom = np.sqrt(self.v)
        denom *= 1.0 / np.sqrt(1.0 - b2**self.t)
        denom += self.eps
        params -= (self.learning_rate / (1.0 - b1**self.t)) * self.m / denom


@dataclass(frozen=True)
class OptimizerSpec:
    name: str
    label: str
    factory: type
    full_batch: bool  # True: batch size is ignored, every step sees all rows
    description: str = ""

    def create(self, learning_rate: float, size: int, dtype=np.float64):
        """A fresh optimiser; ``size`` and ``dtype`` shape the state of those that keep one (all but GD)."""
        if self.factory is GD:
            return GD(learning_rate)
        return self.factory(learning_rate, size, dtype)


OPTIMIZERS: dict[str, OptimizerSpec] = {
    o.name: o
    for o in (
        OptimizerSpec("gd", "Gradient descent", GD, True, "p -= lr * g on all rows"),
        OptimizerSpec("sgd", "SGD (mini-batches)", GD, False,
                      "p -= lr * g per shuffled mini-batch"),
        OptimizerSpec("momentum", "Momentum (0.9)", Momentum, False, "v = 0.9 v - lr g; p += v"),
        OptimizerSpec("adam", "Adam", Adam, False, "adaptive moments, beta 0.9 / 0.999"),
    )
}


def get_optimizer(name: str) -> OptimizerSpec:
    """Look an optimiser up by name, with a message listing the valid names."""
    return lookup(OPTIMIZERS, "optimizer", name)
