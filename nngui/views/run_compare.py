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

from core.activations import ACTIVATIONS
from core.config import TrainConfig
from core.initializers import INITIALIZERS
from core.losses import LOSSES
from core.optimizers import OPTIMIZERS

from nngui.support.i18n import current_language, fmt, translate, translated
from nngui.views.loss_plot import MAX_GHOSTS

# How a normalisation is named ("standard inputs" would be cryptic); the settings panel's labels.
NORMALIZATION_LABELS = {"standard": "Standardise (mean 0, sd 1)", "minmax": "Min-max to [0, 1]"}

# What a label mentions, in this order (see _plain for how).
FIELDS = ("learning_rate", "hidden", "features", "activation", "output_activation", "loss", "optimizer", "batch_size",
          "init", "bias", "normalize", "seed", "validation", "dtype", "epochs")
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


def _label(table, v) -> str:
    """A registry entry's label in the window's language (the name itself when it is not in ``table``)."""
    return translated("core", table[v].label) if v in table else str(v)


def _name(table, v) -> str:
    """A registry name as English labels say it ("relu"); its translated label in another language."""
    return str(v) if current_language() == "en" else _label(table, v)


def _plain(name: str, v) -> str:
    """One setting of an earlier run in plain words: "learning rate 0.3", "8 hidden units"."""
    if name == "learning_rate":
        return fmt(translate("RunCompare", "learning rate %1"), f"{v:g}")
    if name == "hidden":
        if not v:
            return translate("RunCompare", "no hidden layer")
        if len(v) == 1:
            return fmt(translate("RunCompare", "%1 hidden units"), v[0])
        return fmt(translate("RunCompare", "hidden layers %1"), ", ".join(str(h) for h in v))
    if name == "activation":
        if isinstance(v, str):
            return fmt(translate("RunActivation", "%1 hidden units"), _name(ACTIVATIONS, v))
        return fmt(translate("RunCompare", "activations %1"), "/".join(_name(ACTIVATIONS, a) for a in v))
    if name == "features":
        return fmt(translate("RunCompare", "features %1"), ", ".join(v)) if v else \
            translate("RunCompare", "no input features")
    if name == "output_activation":
        return fmt(translate("RunCompare", "%1 output"), _name(ACTIVATIONS, v))
    if name == "loss":
        return fmt(translate("RunCompare", "%1 loss"), _label(LOSSES, v))
    if name == "optimizer":
        return _label(OPTIMIZERS, v)
    if name == "batch_size":
        return translate("RunCompare", "all rows per step") if v == 0 else \
            fmt(translate("RunCompare", "batches of %1"), v)
    if name == "init":
        return fmt(translate("RunCompare", "%1 weights"), _label(INITIALIZERS, v))
    if name == "bias":
        return translate("RunCompare", "with biases") if v else translate("RunCompare", "no biases")
    if name == "normalize":
        return translate("RunCompare", "raw inputs") if v == "none" else \
            fmt(translate("RunCompare", "%1 inputs"), v if current_language() == "en" else
                                                     translated("core", NORMALIZATION_LABELS.get(v, v)))
    if name == "seed":
        return fmt(translate("RunCompare", "seed %1"), v)
    if name == "validation":
        return fmt(translate("RunCompare", "%1 held out"), f"{v:.0%}") if v else \
            translate("RunCompare", "no validation rows")
    if name == "epochs":
        return fmt(translate("RunCompare", "%1 epochs"), f"{v:,}") if v else translate("RunCompare", "until stopped")
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
            return translate("RunCompare", "Nothing to pin yet: train first.")
        target.pinned = not target.pinned
        self.sync()
        if target.pinned:
            return fmt(translate("RunCompare", "Run %1 pinned: it stays on the loss plot when compared runs are "
                                               "cleared."), target.number)
        return fmt(translate("RunCompare", "Run %1 unpinned."), target.number)

    # -------------------------------------------------------------- labels and plot
    def label(self, run: Run) -> str:
        """"run 2: learning rate 1, 4 hidden units": what that run had that the current one has not."""
        cur = self.current.config if self.current is not None else None
        diffs = plain_diff(run.config, cur)
        if len(diffs) > MAX_DIFFS:
            diffs = diffs[:MAX_DIFFS] + ["\u2026"]
        what = translate("RunCompare", ", ").join(diffs) if diffs else translate("RunCompare", "same settings")
        if run.pinned:
            return fmt(translate("RunCompare", "run %1 (pinned): %2"), run.number, what)
        return fmt(translate("RunCompare", "run %1: %2"), run.number, what)

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
        self.plot.set_note(fmt(translate("RunCompare", "Not comparable (another loss): %1"), ", ".join(
            fmt(translate("RunCompare", "run %1 (%2)"), g.number, _plain("loss", g.config.loss)) for g in others))
            if others else "")
        want = [(g.number, self.label(g)) for g in drawn]
        if want == self._shown and self.plot.ghost_count() == len(want):
            return
        self.plot.clear_ghosts()
        for g, (_n, text) in zip(drawn, want):
            g.label = text
            self.plot.add_ghost(g.curve, text)
        self._shown = want
