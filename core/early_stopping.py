"""Early stopping: watch the validation loss, keep the weights it was lowest on, say when to stop.

Epoch ``e``'s validation loss is that of the weights *before* epoch ``e``'s update (the
loss history's convention), so :meth:`BestWeights.see` is called with it while the
weights are still those it measured, and copies them when it is a new low. The best
epoch is the first with the lowest loss (a tie is no improvement; a NaN never is). The
run should end after epoch ``best_epoch + patience``: ``patience`` epochs in a row
without a new low. The state is one small array (``state``) so that the compiled loop
(:mod:`core.compiled`) keeps it up to date in place exactly as :meth:`see` does.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["BestWeights"]

LOSS, EPOCH, STOP, NEXT = range(4)  # the fields of BestWeights.state


class BestWeights:
    """The lowest validation loss so far, the epoch it was seen and a copy of those weights."""

    def __init__(self, params: np.ndarray, patience: int, next_epoch: int = 1) -> None:
        if not isinstance(patience, int) or patience < 1:
            raise ValueError(f"early_stopping: the patience must be a whole number >= 1, got {patience!r}")
        self.params = params  # the live buffer training updates
        self.patience = patience
        self.weights = params.copy()
        # lowest loss, its epoch (0: none yet), the epoch the patience ran out (0: not yet), the next epoch
        self.state = np.array([math.inf, 0.0, 0.0, float(next_epoch)])

    @property
    def loss(self) -> float | None:
        v = float(self.state[LOSS])
        return None if math.isinf(v) else v

    @property
    def best_epoch(self) -> int | None:
        """The epoch of the lowest validation loss so far (None before the first finite one)."""
        return int(self.state[EPOCH]) or None

    @property
    def stop_epoch(self) -> int | None:
        """The first epoch after which ``patience`` epochs had passed without a new low (None: not yet)."""
        return int(self.state[STOP]) or None

    def start_at(self, epoch: int) -> None:
        """The next loss seen is that of epoch ``epoch``."""
        self.state[NEXT] = float(epoch)

    def see(self, loss: float) -> None:
        """Record the validation loss of the next epoch, measured on the current ``params``."""
        s = self.state
        e = s[NEXT]
        s[NEXT] = e + 1.0
        if loss < s[LOSS]:
            s[LOSS] = loss
            s[EPOCH] = e
            np.copyto(self.weights, self.params)
        elif s[STOP] == 0.0 and e - s[EPOCH] >= self.patience:
            s[STOP] = e

    def snapshot(self) -> tuple[np.ndarray, np.ndarray]:
        """The state and the kept weights, for :meth:`restore` (a checkpoint's part)."""
        return self.state.copy(), self.weights.copy()

    def restore(self, snapshot: tuple[np.ndarray, np.ndarray]) -> None:
        state, weights = snapshot
        self.state[...] = state
        self.weights[...] = weights
