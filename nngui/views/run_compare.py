"""Compare runs: finished runs stay on the loss plot as faded curves, labelled with what differed.

:class:`RunCompare` follows the reports the window shows. A report whose history
starts again (another network shape, or fewer epochs than the run had, as after
Reset) ends the current run: if that run trained and the data is the same, its
curve becomes a ghost on the :class:`~nngui.views.loss_plot.LossPlot`, labelled with the
settings that run had where they differ from the *current* run, in plain words, e.g.
``run 1: learning rate 1, 4 hidden units``; a run with another loss is not drawn (its
values are on another scale) but named in a note. Labels are
recomputed when the current run's settings change.

:meth:`clear` removes the ghosts except pinned ones; :meth:`toggle_pin` pins the
current run (it stays when it becomes a ghost) or, before the current run has trained,
the latest ghost. New data (another preset, a loaded project) forgets every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.config import TrainConfig
from core.initializers import INITIALIZERS
from core.losses import LOSSES
from core.optimizers import OPTIMIZERS

from nngui.views.loss_plot import MAX_GHOSTS

# What a label mentions, in this order (see _plain for how).
FIELDS = ("learning_rate", "hidden", "activation", "output_activation", "loss", "optimizer", "batch_size", "init",
          "bias", "normalize", "seed", "validation", "dtype", "epochs")
MAX_DIFFS = 3


def _differences(run: TrainConfig, current: TrainConfig):
    """(field, run's value, current value) for every field of FIELDS that differs, activations per layer
    folded to one name when each side has a single one, and left out when a side has no hidden layer."""
    for name in FIELDS:
        a, b = getattr(run, name), getattr(current, name)
        if name == "activation":
            a, b = run.hidden_activations, current.hidden_activations
            if not a or not b:
                continue  # no hidden layer on one side: the hidden layers say it
            if len(set(a)) <= 1 and len(set(b)) <= 1:
                a, b = a[0], b[0]
        if a != b:
            yield name, a, b


def _plain(name: str, v) -> str:
    """One setting of an earlier run in plain words: "learning rate 0.3", "8 hidden units"."""
    if name == "learning_rate":
        return f"learning rate {v:g}"
    if name == "hidden":
        if not v:
            return "no hidden layer"
        return f"{v[0]} hidden units" if len(v) == 1 else "hidden layers " + ", ".join(str(h) for h in v)
    if name == "activation":
        return f"{v} hidden units" if isinstance(v, str) else "activations " + "/".join(v)
    if name == "output_activation":
        return f"{v} output"
    if name == "loss":
        return f"{LOSSES[v].label if v in LOSSES else v} loss"
    if name == "optimizer":
        return OPTIMIZERS[v].label if v in OPTIMIZERS else str(v)
    if name == "batch_size":
        return "all rows per step" if v == 0 else f"batches of {v}"
    if name == "init":
        return f"{INITIALIZERS[v].label if v in INITIALIZERS else v} weights"
    if name == "bias":
        return "with biases" if v else "no biases"
    if name == "normalize":
        return "raw inputs" if v == "none" else f"{v} inputs"
    if name == "seed":
        return f"seed {v}"
    if name == "validation":
        return f"{v:.0%} held out" if v else "no validation rows"
    if name == "epochs":
        return f"{v:,} epochs" if v else "until stopped"
    return str(v)


def plain_diff(run: TrainConfig | None, current: TrainConfig | None) -> list[str]:
    """The earlier ``run``'s own settings where they differ from ``current``, in plain words."""
    if run is None or current is None:
        return []
    return [_plain(name, a) for name, a, _b in _differences(run, current)]


@dataclass(eq=False)
class Run:
    number: int
    config: TrainConfig | None
    curve: tuple[np.ndarray, np.ndarray]
    epoch: int
    arch: object
    dataset: object
    pinned: bool = False
    label: str = field(default="")


def _same_data(a, b) -> bool:
    if a is b:
        return True
    if a is None or b is None:
        return False
    return (a.X.shape == b.X.shape and a.Y.shape == b.Y.shape
            and np.array_equal(a.X, b.X, equal_nan=True) and np.array_equal(a.Y, b.Y, equal_nan=True))


class RunCompare:
    """The runs of a session and their ghosts on ``plot``."""

    def __init__(self, plot) -> None:
        self.plot = plot
        self.ghosts: list[Run] = []
        self.current: Run | None = None
        self._next = 1
        self._shown: list[tuple[int, str]] = []  # what the plot shows: (run number, label)
        self._key = None  # what the labels were computed from

    # -------------------------------------------------------------- following the reports
    def on_report(self, rep, config: TrainConfig | None, dataset) -> None:
        """Follow a report the window shows (``config``/``dataset``: the current trainer's)."""
        if self._shown and self.plot.ghost_count() == 0:
            self.forget()  # the window cleared the plot (new data or project): start over
        lr = float(rep.progress.learning_rate)
        if config is not None and config.learning_rate != lr:
            config = config.replace(learning_rate=lr)  # the rate the run trained with at this report
        epoch = int(rep.progress.epoch)
        cur = self.current
        new_run = cur is None or rep.architecture != cur.arch or epoch < cur.epoch
        if new_run:
            if cur is not None:
                self._finish(cur, dataset)
            self.current = Run(self._next, config, rep.train_curve, epoch, rep.architecture, dataset,
                               pinned=False)
            self._next += 1
        else:
            cur.curve, cur.epoch, cur.dataset = rep.train_curve, epoch, dataset
            cur.config = config if config is not None else cur.config
        self.sync()

    def _finish(self, run: Run, dataset) -> None:
        if not _same_data(run.dataset, dataset):
            self.ghosts = []  # other data: earlier losses are not comparable
            self._next = run.number + 1
            return
        if len(run.curve[0]) > 1:
            self.ghosts.append(run)
            while len(self.ghosts) > MAX_GHOSTS:
                unpinned = [g for g in self.ghosts if not g.pinned]
                self.ghosts.remove(unpinned[0] if unpinned else self.ghosts[0])

    # -------------------------------------------------------------- commands
    def clear(self) -> int:
        """Remove the ghosts that are not pinned; returns how many stay."""
        self.ghosts = [g for g in self.ghosts if g.pinned]
        self.sync()
        return len(self.ghosts)

    def forget(self) -> None:
        """Forget every run, pinned or not (new data)."""
        self.ghosts = []
        self.current = None
        self._shown = []
        self._key = None
        self.plot.clear_ghosts()

    def toggle_pin(self) -> str:
        """Pin (or unpin) the current run, or the latest ghost while the current run has not trained."""
        cur = self.current
        target = cur if cur is not None and len(cur.curve[0]) > 1 else (self.ghosts[-1] if self.ghosts else None)
        if target is None:
            return "Nothing to pin yet: train first."
        target.pinned = not target.pinned
        self.sync()
        state = "pinned: it stays on the loss plot when compared runs are cleared" if target.pinned else "unpinned"
        return f"Run {target.number} {state}."

    # -------------------------------------------------------------- labels and plot
    def label(self, run: Run) -> str:
        """"run 2: learning rate 1, 4 hidden units": what that run had that the current one has not."""
        cur = self.current.config if self.current is not None else None
        diffs = plain_diff(run.config, cur)
        if len(diffs) > MAX_DIFFS:
            diffs = diffs[:MAX_DIFFS] + ["\u2026"]
        what = ", ".join(diffs) if diffs else "same settings"
        return f"run {run.number}{' (pinned)' if run.pinned else ''}: {what}"

    def labels(self) -> list[str]:
        return [self.label(g) for g in self.ghosts]

    def comparable(self, run: Run) -> bool:
        """Runs share the loss plot's axes only when they measure the same loss."""
        cur = self.current.config if self.current is not None else None
        return cur is None or run.config is None or run.config.loss == cur.loss

    def sync(self) -> None:
        """Make the plot show exactly the ghosts (only when something changed: cheap per report)."""
        key = (id(self.current.config) if self.current is not None else None,
               tuple((g.number, g.pinned) for g in self.ghosts))
        if key == self._key and self.plot.ghost_count() == len(self._shown):
            return
        self._key = key
        drawn = [g for g in self.ghosts if self.comparable(g)]
        others = [g for g in self.ghosts if not self.comparable(g)]
        self.plot.set_note("Not comparable (another loss): " + ", ".join(
            f"run {g.number} ({_plain('loss', g.config.loss)})" for g in others) if others else "")
        want = [(g.number, self.label(g)) for g in drawn]
        if want == self._shown and self.plot.ghost_count() == len(want):
            return
        self.plot.clear_ghosts()
        for g, (_n, text) in zip(drawn, want):
            g.label = text
            self.plot.add_ghost(g.curve, text)
        self._shown = want
