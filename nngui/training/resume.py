"""What a model file hands back to a trainer beyond its weights: a run that early stopping ended.

A model file written after early stopping ended the run holds the weights of the best
validation epoch and that epoch (``training.best_epoch``). The core builds a new Trainer
from the weights and histories; :func:`resume_early_stop` marks it as ended by early stopping
again, so the window says so, Train does not run on past the stop, and saving writes the same
``best_epoch`` back.
"""

from __future__ import annotations

import math

import numpy as np

from core.early_stopping import EPOCH, LOSS, NEXT, STOP
from core.trainer import REACHED_EARLY_STOP, Trainer


def resume_early_stop(trainer: Trainer, best_epoch: int | None) -> bool:
    """Mark ``trainer`` (built from a file's weights) as ended by early stopping at ``best_epoch``;
    False, changing nothing, when it does not apply (no early stopping, or an epoch out of range)."""
    if best_epoch is None or trainer.best is None or not 1 <= int(best_epoch) <= trainer.epoch:
        return False
    epochs, losses = trainer.val_history.curve()
    hit = np.flatnonzero(epochs == best_epoch)
    state = np.zeros(4)
    state[LOSS] = float(losses[hit[0]]) if hit.size else math.inf
    state[EPOCH], state[STOP], state[NEXT] = float(best_epoch), float(trainer.epoch), float(trainer.epoch + 1)
    trainer.best.restore((state, trainer.network.params.copy()))
    trainer.reached = REACHED_EARLY_STOP
    return True
