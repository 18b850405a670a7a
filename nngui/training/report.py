"""What the training worker sends to the views: immutable snapshots, never the live network."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network import Architecture
from core.trainer import Progress

Curve = tuple[np.ndarray, np.ndarray]  # (epochs, losses), float64 arrays of equal length
Layers = tuple[tuple[np.ndarray, np.ndarray | None], ...]

FULL_PARAMS = 100_000  # networks up to this many parameters send every weight in every report
PREVIEW_UNITS = 64  # a bigger one sends W[:64, :64] and b[:64] of each layer: the diagram draws at most 16 units


@dataclass(frozen=True)
class WeightPreview:
    """What the views draw of a big network's weights: the top-left corner of each layer and the scale of all.

    ``blocks`` are copies of (W[:k, :m], b[:m]) per layer (k, m at most PREVIEW_UNITS); ``weight_max`` and
    ``bias_max`` are the largest finite |w| over every weight and every bias (0.0 without biases), the
    ends of the diagram's colour scale."""

    blocks: Layers
    weight_max: float
    bias_max: float = 0.0


@dataclass(frozen=True)
class TrainingReport:
    """One throttled report from the worker thread.

    ``layers`` are copies of (W, b) per layer in the core's (inputs, outputs) layout;
    ``predictions`` are the network's outputs for every row of the data table, in
    table order, computed by the worker from the same weights. ``checkpoints`` are the epochs
    the run's checkpoint store keeps (time travel, :mod:`nngui.training.timeline`).

    A report of a big network made while it trains (:data:`FULL_PARAMS`) may be *light*: ``layers``
    is empty and ``preview`` holds what the diagram draws; ``sample`` is then the selected table
    row and its activations per layer (or None). Its predictions, colour scale and sample may be
    those of an earlier report of the run (``predicted_epoch``), so that making them costs at most
    a small share of the training time. The last report of a run is full when the window asks for it
    (the decision map or the Maths tab is shown); copying 160 MB of weights would hold up a pause.
    """

    run_id: int
    progress: Progress
    architecture: Architecture
    layers: Layers
    predictions: np.ndarray
    train_curve: Curve
    val_curve: Curve | None
    epochs_per_second: float = 0.0
    checkpoints: tuple[int, ...] = ()
    preview: WeightPreview | None = None  # a light report: what the diagram draws instead of ``layers``
    predicted_epoch: int | None = None  # the epoch the predictions are of (None: ``progress.epoch``)
    sample: tuple[int, tuple[np.ndarray, ...]] | None = None  # light: (row, the activations a0..aL of that row)
    detached: bool = False  # made by a run training in a child process: painting costs it nothing (W6)
    plane: object = None  # a detached run's decision-map grid, evaluated by the worker (core.inspect.PlaneMap)

    @property
    def full(self) -> bool:
        """True when ``layers`` holds every weight (False: a light report, see ``preview``)."""
        return self.preview is None

    @property
    def prediction_epoch(self) -> int:
        """The epoch whose weights made ``predictions``."""
        return self.progress.epoch if self.predicted_epoch is None else self.predicted_epoch
