"""What the Evaluate tab computes, apart from how it shows it: the trainer's rows and targets, and the figures
of a report's predictions for the training and the validation rows (:func:`core.metrics.evaluate`).

No Qt here: :class:`EvalSource` is copied from a trainer while it is idle, :func:`evaluate_sets`
needs only a report's predictions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.metrics import Evaluation, evaluate

__all__ = ["SETS", "EvalSource", "SetResult", "evaluate_sets", "histogram_edges", "histogram"]

SETS = ("training", "validation")


@dataclass(frozen=True, eq=False)
class EvalSource:
    """What the tab needs of a trainer, copied while it is idle: its rows and targets, how it is trained."""

    rows: dict  # "training" / "validation" -> table rows (sorted)
    targets: dict  # the same -> the targets as trained, (rows, outputs); one-hot rows for classes
    classes: tuple | None
    loss: str
    output_activation: str
    output_names: tuple
    n_rows: int  # rows in the table (the report's predictions cover them all)

    @classmethod
    def from_trainer(cls, trainer, output_names=()) -> "EvalSource":
        val = trainer.Y_val if trainer.Y_val is not None else np.zeros((0, trainer.Y.shape[1]))
        return cls(
            rows={"training": np.asarray(trainer.train_rows), "validation": np.asarray(trainer.val_rows)},
            targets={"training": np.array(trainer.Y, dtype=np.float64), "validation": np.array(val, np.float64)},
            classes=None if trainer.classes is None else tuple(float(c) for c in trainer.classes),
            loss=trainer.config.loss, output_activation=trainer.network.arch.output_activation,
            output_names=tuple(output_names), n_rows=int(trainer.dataset.X.shape[0]))

    def width(self) -> int:
        """The network's outputs."""
        return int(self.targets["training"].shape[1])


@dataclass(frozen=True, eq=False)
class SetResult:
    """One set's figures and what they were computed from (for the plots and the CSV files)."""

    evaluation: Evaluation
    rows: np.ndarray  # table rows
    P: np.ndarray  # outputs (rows, outputs)
    Y: np.ndarray  # targets as trained


def evaluate_sets(predictions: np.ndarray, source: EvalSource) -> dict[str, SetResult | None] | None:
    """The figures of ``predictions`` (every table row's outputs) for each set (None for a set without rows);
    None when the predictions are not of this table and network."""
    P = np.asarray(predictions, dtype=np.float64)
    if P.ndim == 1:
        P = P.reshape(-1, 1)
    if P.shape != (source.n_rows, source.width()):
        return None
    out: dict[str, SetResult | None] = {}
    for which in SETS:
        rows, Y = source.rows[which], source.targets[which]
        if len(rows) == 0:
            out[which] = None
            continue
        ev = evaluate(P[rows], Y, source.loss, source.classes, source.output_activation)
        out[which] = SetResult(ev, rows, P[rows], Y)
    return out


def histogram_edges(*errors: np.ndarray, most: int = 30) -> np.ndarray:
    """Bin edges shared by every array of ``errors``: about sqrt(n) bins (5 to ``most``), over their finite values."""
    values = np.concatenate([np.asarray(e, dtype=np.float64).ravel() for e in errors]) if errors else np.zeros(0)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return np.zeros(0)
    bins = int(np.clip(np.sqrt(values.size), 5, most))
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12 * max(1.0, abs(lo)):
        lo, hi = lo - 0.5, hi + 0.5
    return np.linspace(lo, hi, bins + 1)


def histogram(result: SetResult | None, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bin edges, counts) of a set's errors (predicted − target, every output) in ``edges``."""
    if result is None or len(edges) < 2:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    errors = (result.P - result.Y).ravel()
    counts, _ = np.histogram(errors[np.isfinite(errors)], bins=edges)
    return np.array(edges, dtype=np.float64), counts
