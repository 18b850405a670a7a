"""L2 and L1 regularisation of the weights (never the biases).

The objective is ``loss + (l2 / 2) * sum(W ** 2) + l1 * sum(|W|)`` over every layer's
weights, so each step's gradient gains ``l2 * W + l1 * sign(W)`` (sign(0) = 0),
whatever the loss, optimiser or batch size. :class:`Penalty` adds that term to a flat
gradient laid out like ``Network.params`` (the generic path); :mod:`core.kernels` and
:mod:`core.compiled` write the same term into their own loops, from :func:`weight_mask`.
The loss history keeps the data loss; :meth:`Penalty.value` is the penalty beside it.
"""

from __future__ import annotations

import numpy as np

from .network import Architecture

__all__ = ["weight_mask", "Penalty"]


def weight_mask(arch: Architecture, dtype=np.float64) -> np.ndarray:
    """1 where the flat parameter buffer holds a weight, 0 where it holds a bias."""
    mask = np.zeros(arch.n_params, dtype=dtype)
    for ws, _ in arch.layer_slices():
        mask[ws] = 1.0
    return mask


class Penalty:
    """The L2/L1 penalty of one architecture: its value and its gradient on a flat buffer."""

    def __init__(self, arch: Architecture, l2: float, l1: float, dtype=np.float64) -> None:
        self.l2, self.l1 = float(l2), float(l1)
        self.mask = weight_mask(arch, dtype)
        self.l2_mask = self.l2 * self.mask
        self.l1_mask = self.l1 * self.mask
        self.buf = np.empty(arch.n_params, dtype=dtype)

    @classmethod
    def build(cls, arch: Architecture, l2: float, l1: float, dtype=np.float64) -> "Penalty | None":
        """A Penalty, or None when both strengths are 0 (nothing to add, nothing to pay)."""
        return cls(arch, l2, l1, dtype) if (l2 or l1) else None

    def value(self, params: np.ndarray) -> float:
        """``(l2 / 2) * sum(W ** 2) + l1 * sum(|W|)`` of the weights in ``params``."""
        w = np.asarray(params, dtype=np.float64) * self.mask
        return 0.5 * self.l2 * float(np.dot(w, w)) + self.l1 * float(np.abs(w).sum())

    def add_to(self, grad: np.ndarray, params: np.ndarray) -> None:
        """``grad += l2 * W + l1 * sign(W)`` on the weights (the biases' entries are left alone)."""
        buf = self.buf
        if self.l2:
            np.multiply(params, self.l2_mask, out=buf)
            np.add(grad, buf, out=grad)
        if self.l1:
            np.sign(params, out=buf)
            np.multiply(buf, self.l1_mask, out=buf)
            np.add(grad, buf, out=grad)

    def gradient(self, params: np.ndarray) -> np.ndarray:
        """``l2 * W + l1 * sign(W)`` on the weights, 0 on the biases (a new array)."""
        g = np.zeros_like(params)
        self.add_to(g, params)
        return g
