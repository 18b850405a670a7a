"""What the training worker sends to the views: immutable snapshots, never the live network."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network import Architecture
from core.trainer import Progress

Curve = tuple[np.ndarray, np.ndarray]  # (epochs, losses), float64 arrays of equal length


@dataclass(frozen=True)
class TrainingReport:
    """One throttled report from the worker thread.

    ``layers`` are copies of (W, b) per layer in the core's (inputs, outputs) layout;
    ``predictions`` are the network's outputs for every row of the data table, in
    table order, computed by the worker from the same weights. ``checkpoints`` are the epochs
    the run's checkpoint store keeps (time travel, :mod:`nngui.training.timeline`).
    """

    run_id: int
    progress: Progress
    architecture: Architecture
    layers: tuple[tuple[np.ndarray, np.ndarray | None], ...]
    predictions: np.ndarray
    train_curve: Curve
    val_curve: Curve | None
    epochs_per_second: float = 0.0
    checkpoints: tuple[int, ...] = ()
