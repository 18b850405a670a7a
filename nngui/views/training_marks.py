"""What regularisation, schedules and early stopping add to the live views.

- :class:`TrainingMarks` draws the best validation epoch of early stopping on the loss plot
  (a green dash-dot vertical line, like the red divergence mark) and keeps the L1/L2
  penalty of each report, which the loss plot's hover read-out shows beside the loss
  (the curve itself stays the data loss).
- :func:`rate_text`, :func:`penalty_text` and :func:`stopped_early_text` are the texts the
  status bar, the epoch counter and the status messages show.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from nngui.support import formatting
from nngui.support.i18n import fmt, translate

BEST_COLOUR = "#1e8449"
MAX_SAMPLES = 4096  # penalty samples kept (one per report); older ones are thinned to every other


def rate_text(rate: float | None) -> str:
    """'lr 0.0123': the learning rate of the latest epoch (the schedule's)."""
    return fmt(translate("MainWindow", "lr %1"), formatting.short(rate))


def penalty_text(penalty: float) -> str:
    """'+ penalty 0.0045': the L1/L2 penalty beside the data loss."""
    return fmt(translate("MainWindow", "+ penalty %1"), formatting.short(penalty))


def stopped_early_text(best_epoch: int | None) -> str:
    """What early stopping did, in the words the status bar and the epoch counter use."""
    return fmt(translate("MainWindow", "stopped early: best validation loss at epoch %1, weights of that epoch "
                                       "kept"), formatting.integer(best_epoch or 0))


class TrainingMarks:
    """The best-epoch line on a :class:`~nngui.views.loss_plot.LossPlot` and the penalty samples of its read-out."""

    def __init__(self, plot) -> None:
        self.plot = plot
        self._best: int | None = None
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=self._pen(),
                                    label="", labelOpts={"position": 0.6, "color": BEST_COLOUR,
                                                         "fill": pg.mkBrush(255, 255, 255, 200)})
        self.line.setObjectName("bestEpochLine")
        self.line.setZValue(50)
        self.line.hide()
        plot.getPlotItem().addItem(self.line, ignoreBounds=True)
        self._epochs: list[int] = []
        self._penalties: list[float] = []
        plot.readout_note = self.readout_note

    # -- the best epoch -------------------------------------------------------------------

    @property
    def best_epoch(self) -> int | None:
        """The epoch marked as early stopping's best (None: no mark)."""
        return self._best

    def set_best_epoch(self, epoch: int | None) -> None:
        """Mark ``epoch`` (the lowest validation loss so far) with a vertical line; None removes it."""
        if epoch == self._best:
            return
        self._best = epoch
        self.line.setVisible(epoch is not None)
        if epoch is not None:
            self.line.setValue(epoch)
            self.line.label.setFormat(fmt(translate("LossPlot", "best %1"), formatting.integer(epoch)))

    @staticmethod
    def _pen(width: float = 2):
        return pg.mkPen(BEST_COLOUR, width=width, style=Qt.PenStyle.DashDotLine)

    # -- the penalty beside the loss --------------------------------------------------------

    def show(self, progress) -> None:
        """A report's progress: its best epoch and (when regularisation is on) its penalty."""
        self.set_best_epoch(progress.best_epoch)
        if progress.penalty and progress.epoch:
            if self._epochs and progress.epoch <= self._epochs[-1]:
                while self._epochs and self._epochs[-1] >= progress.epoch:  # a replay: drop what it replaces
                    self._epochs.pop()
                    self._penalties.pop()
            self._epochs.append(int(progress.epoch))
            self._penalties.append(float(progress.penalty))
            if len(self._epochs) > MAX_SAMPLES:
                self._epochs, self._penalties = self._epochs[::2], self._penalties[::2]

    def clear(self) -> None:
        """A new run: no mark, no penalty samples."""
        self.set_best_epoch(None)
        self._epochs, self._penalties = [], []

    def penalty_at(self, epoch: float) -> tuple[int, float] | None:
        """(epoch, penalty) of the sample nearest to ``epoch`` (None without samples)."""
        if not self._epochs:
            return None
        e = np.asarray(self._epochs)
        k = int(np.argmin(np.abs(e - epoch)))
        return int(e[k]), self._penalties[k]

    def readout_note(self, name: str, epoch: float) -> str:
        """The read-out's second line for a training-curve point: the penalty near that epoch."""
        if name != "training":
            return ""
        hit = self.penalty_at(epoch)
        if hit is None:
            return ""
        at, value = hit
        return fmt(translate("LossPlot", "+ penalty %1 (epoch %2)"), formatting.short(value), formatting.integer(at))
