"""Building a Trainer away from the GUI thread: what a rebuild starts from, and what it made.

:meth:`nngui.session.TrainingSession.plan` pauses training and notes the settings and the
weights to carry on (a :class:`BuildPlan`, on the GUI thread); :func:`prepare` builds the
trainer and its first report from it on any thread (a big CSV import does it on the loader
thread, :mod:`nngui.files.csv_loader`); :meth:`~nngui.session.TrainingSession.using` hands the
result to the rebuild that the table change makes, which takes it only when nothing changed
meanwhile. The same :func:`build_trainer` builds every trainer of the window, so both ways
give the same trainer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from core.config import ConfigError, TrainConfig
from core.data import DataError, Dataset
from core.trainer import Trainer

from nngui.support.core_messages import error_text
from nngui.support.i18n import translate
from nngui.training.report import TrainingReport
from nngui.training.resume import resume_early_stop
from nngui.training.worker import make_report


@dataclass(frozen=True)
class BuildPlan:
    """What :meth:`TrainingSession.plan` noted: the settings, the weights to carry on, whether it paused a run."""

    config: TrainConfig
    carry: dict | None
    was_running: bool
    stamp: tuple


class Built(NamedTuple):
    """What :func:`build_trainer` made: a trainer, or the exception that says why none can be built."""

    trainer: Trainer | None
    problem: BaseException | None = None
    carried: bool = False  # the trainer goes on from the carried weights


@dataclass(frozen=True)
class Prepared:
    """A trainer (or why none) built for ``dataset`` from ``plan``, and its first report."""

    plan: BuildPlan
    dataset: Dataset
    built: Built
    report: TrainingReport | None


def build_trainer(ds: Dataset, config: TrainConfig, carry: dict | None = None) -> Built:
    """A trainer for ``ds`` and ``config`` (any thread); carried weights are used when their shape still fits."""
    if carry is not None:
        try:
            trainer = Trainer(ds, config, start=carry["network"], normalizer=carry.get("normalizer"),
                              history=carry.get("history"), epoch=carry.get("epoch", 0),
                              val_history=carry.get("val_history"))
            resume_early_stop(trainer, carry.get("best_epoch"))  # ended by early stopping, as a file says
            return Built(trainer, carried=True)
        except (ConfigError, ValueError, MemoryError):
            pass  # the shape changed: new weights below
    try:
        return Built(Trainer(ds, config))
    except (ConfigError, DataError, ValueError, MemoryError) as exc:
        return Built(None, exc)


def prepare(plan: BuildPlan, ds: Dataset) -> Prepared:
    """Build the trainer of ``plan`` for ``ds`` and its first report (off the GUI thread: no Qt)."""
    built = build_trainer(ds, plan.config, plan.carry)
    report = make_report(0, built.trainer, ds.X) if built.trainer is not None else None
    return Prepared(plan, ds, built, report)


def problem_text(problem: BaseException | None) -> str:
    """Why no trainer can be built, in the window's language."""
    if isinstance(problem, MemoryError):
        return translate("MainWindow", "there is not enough memory for a network this big; use fewer "
                                       "or smaller layers")
    return error_text(problem) if problem is not None else ""
