"""The training session: the table and the settings made into a core Trainer, rebuilt when they change.

It owns the :class:`~nngui.training.controller.TrainingController` (the training thread)
and decides what carries over when the data or the settings change: a change of the
network's shape means new weights; any other change keeps the weights and the history
(a running training is paused first, and the status bar says why). Views learn about
it through its signals only; see ``docs/architecture.md``.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from core.config import ConfigError, TrainConfig
from core.data import DataError, Dataset
from core.history import LossHistory
from core.modelfile import Model, model_from_trainer
from core.normalization import Normalizer
from core.trainer import REACHED_EARLY_STOP, REACHED_LOSS

from nngui.support.formatting import exact, integer, short
from nngui.support.core_messages import error_text
from nngui.support.i18n import fmt, translate
from nngui.training.controller import State, TrainingController
from nngui.training.building import BuildPlan, Prepared, build_trainer, problem_text
from nngui.training.report import TrainingReport
from nngui.views.data_model import DataTableModel
from nngui.views.settings_panel import SettingsPanel

# What in a TrainConfig decides the network's shape or its first weights: a change means new weights.
ARCH_FIELDS = ("hidden", "activation", "output_activation", "loss", "bias", "init", "features")


class TrainingSession(QObject):
    """The data set and the trainer behind the window; signals tell the views what changed."""

    trainerReady = Signal(object)  # a new Trainer is built: views show its network, rows and first report
    unusable = Signal(str)  # no trainer can be built from the table and the settings: why
    reportChanged = Signal(object)  # the latest TrainingReport (from the training thread, or a snapshot)
    replaced = Signal()  # table, settings and weights were replaced at once (new document)
    message = Signal(str, int)  # a status-bar message and how long to show it (ms)
    edited = Signal()  # the user changed something a save would keep

    def __init__(self, data_model: DataTableModel, settings: SettingsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_model = data_model
        self.settings = settings
        self.controller = TrainingController(self)
        self.dataset: Dataset | None = None
        self.classes: tuple[float, ...] | None = None
        self.normalizer: Normalizer | None = None
        self.report: TrainingReport | None = None  # the latest report, of the current trainer or an older one
        self.carry: dict | None = None  # weights waiting for usable data (an imported model)
        self.data_problem: str | None = None  # why no trainer can be built, when none can
        self._lr: float | None = None  # the learning rate the trainer has (or has been sent)
        self._loading = 0
        self._prepared: Prepared | None = None  # a trainer built on another thread, for the next rebuild
        self.controller.report.connect(self.set_report)
        data_model.tableChanged.connect(self._on_table_changed)
        settings.configChanged.connect(self.apply_settings)

    # -- small helpers ------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while several changes are made at once (no per-change rebuilds)."""
        return self._loading > 0

    @contextmanager
    def bulk(self):
        """Suppress the per-change handlers while several changes are made at once."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    @property
    def trainer(self):
        return self.controller.trainer

    def set_report(self, rep: TrainingReport | None) -> None:
        """The latest report: stored, then shown by whoever listens to ``reportChanged``."""
        self.report = rep
        if rep is not None:
            self.reportChanged.emit(rep)

    def model(self) -> Model | None:
        """The current network as a model file's content (pauses training to read the weights)."""
        self.controller.pause(wait=True)
        t = self.controller.trainer
        return model_from_trainer(t) if t is not None else None

    def output_names(self) -> list[str]:
        """Names of the network's outputs: the target columns, or one "label=class" per class."""
        ds = self.dataset
        if ds is None:
            return []
        return output_names(ds.target_names, self.classes)

    # -- building the trainer -----------------------------------------------------------------

    def _build_dataset(self) -> Dataset | None:
        try:
            ds = self.data_model.to_dataset(source="table")
        except DataError as exc:
            self.data_problem = fmt(translate("MainWindow", "The data cannot be used yet: %1"), error_text(exc))
            return None
        self.data_problem = None
        return ds

    def _capture_weights(self) -> dict | None:
        """The current trainer's weights and histories (call only while paused)."""
        t = self.controller.trainer
        if t is None:
            return self.carry
        return {"network": t.network.copy(), "normalizer": None, "history": t.history, "epoch": t.epoch,
                "val_history": t.val_history}

    def rebuild(self, fresh: bool, reason: str = "") -> bool:
        """Build a new Trainer from the table and the settings; True when one is ready.

        ``fresh``: new weights; otherwise the current weights and history carry on when the
        network's shape still fits. A running training is paused first, and the status bar says so.
        A trainer built beforehand on another thread (:meth:`plan`, :meth:`using`) is taken instead
        when the table, the settings and the weights are still those it was built from.
        """
        was_running = self.controller.is_running()
        self.controller.pause(wait=True)
        ready = self._take_prepared(fresh)
        if ready is not None:
            ds, built = ready.dataset, ready.built
            self.data_problem = None
        else:
            carry = None if fresh else self._capture_weights()
            ds = self._build_dataset()
            if ds is None:
                if self.controller.trainer is not None and not fresh:
                    self.carry = carry
                self._unusable(self.data_problem or "")
                return False
            built = build_trainer(ds, self.settings.config(), carry)
        trainer = built.trainer
        if trainer is None:
            self.data_problem = fmt(translate("MainWindow", "These settings cannot train on this data: %1"),
                                    problem_text(built.problem))
            self._unusable(self.data_problem)
            return False
        self.controller.install(trainer, fresh=not built.carried,
                                report=ready.report if ready is not None else None)
        self.carry = None
        self._lr = trainer.learning_rate
        self.dataset = ds
        self.classes = trainer.classes
        self.normalizer = trainer.normalizer
        self.report = self.controller.snapshot()  # the first weights, shown by the views with the trainer
        self.trainerReady.emit(trainer)
        if was_running:
            self.message.emit(fmt(translate("MainWindow", "Training paused: %1. Press Resume (Space) to go on."),
                                  reason or translate("MainWindow", "the settings changed")), 12000)
        return True

    # -- a trainer built on another thread (a big CSV import, nngui.files.csv_loader) -----------------

    def plan(self) -> BuildPlan:
        """Pause training and note what a rebuild for changed data would start from (GUI thread).

        A thread then builds the trainer (:func:`prepare`) while the window stays usable; :meth:`using`
        hands it to the rebuild that the table change makes."""
        was_running = self.controller.is_running()
        self.controller.pause(wait=True)
        return BuildPlan(self.settings.config(), self._capture_weights(), was_running, self._stamp())

    @contextmanager
    def using(self, prepared: Prepared):
        """Within the block, a rebuild (fresh=False) takes ``prepared`` when nothing changed since :meth:`plan`."""
        self._prepared = prepared
        try:
            yield
        finally:
            self._prepared = None

    def _stamp(self) -> tuple:
        """What a carried-over trainer depends on, besides the table and the settings."""
        t = self.controller.trainer
        return (id(t), None if t is None else (t.epoch, t.diverged, t.reached), id(self.carry))

    def _take_prepared(self, fresh: bool) -> Prepared | None:
        ready, self._prepared = self._prepared, None
        if ready is None or fresh or ready.plan.stamp != self._stamp() or ready.plan.config != self.settings.config():
            return None
        return ready

    def _unusable(self, text: str) -> None:
        self.controller.clear()
        self.dataset = None
        self.report = None
        self.unusable.emit(text)

    def data_warnings(self, trainer) -> list:
        """The trainer's warnings that come from the data (the settings panel shows its own)."""
        config = trainer.config
        base = {w.code for w in config.check()} if _safe_check(config) else set()
        return [w for w in trainer.warnings if w.code not in base]

    # -- changes --------------------------------------------------------------------------------

    def _on_table_changed(self) -> None:
        if not self._loading:
            self.rebuild(fresh=False, reason=translate("MainWindow", "the data changed"))

    def apply_settings(self) -> None:
        """The settings panel changed: apply a new learning rate live, rebuild for anything else."""
        if self._loading:
            return
        self.edited.emit()
        new = self.settings.config()
        t = self.controller.trainer
        if t is None:
            self.rebuild(fresh=True, reason=translate("MainWindow", "the settings changed"))
            return
        # A frozen config; while running only its learning rate changes (through us), so reading it is safe.
        old = t.config.to_dict()
        changed = {f for f, v in new.to_dict().items() if v != old.get(f)}
        changed.discard("learning_rate")
        if new.learning_rate != self._lr:
            try:
                self.controller.set_learning_rate(new.learning_rate)
            except ConfigError as exc:
                self.message.emit(error_text(exc), 8000)
                return
            self._lr = new.learning_rate
            if self.controller.is_running() and not changed:
                self.message.emit(fmt(translate("MainWindow", "Learning rate %1 applied."),
                                      exact(new.learning_rate)), 4000)
        if not changed:
            return
        arch = bool(changed & set(ARCH_FIELDS))
        fresh = arch or (t.epoch == 0 and not t.diverged)
        what = translate("MainWindow", "the network changed") if arch else \
            translate("MainWindow", "the training settings changed")
        self.rebuild(fresh=fresh, reason=what)

    def apply_config(self, config: TrainConfig) -> None:
        """Show ``config`` in the settings panel and apply it, as if the user had typed it."""
        self.settings.set_config(config)
        self.apply_settings()

    def replace(self, ds: Dataset | None = None, table=None, config: TrainConfig | None = None,
                model: Model | None = None) -> bool:
        """Replace table, settings and weights in one go (the undo history starts afresh)."""
        self.controller.pause(wait=True)
        with self.bulk():
            if ds is not None:
                self.data_model.set_dataset(ds)
            elif table is not None:
                names, values, roles = table
                self.data_model.set_table(names, values, roles)
            self.data_model.undo_stack.clear()
            if config is not None:
                self.settings.set_config(config)
        self.report = None
        self.carry = carried(model) if model is not None else None
        self.replaced.emit()
        self.controller.clear()
        return self.rebuild(fresh=model is None)

    def load_weights(self, config: TrainConfig, model: Model) -> bool:
        """A model's settings and weights on the table as it is (its shape fits the table)."""
        self.controller.pause(wait=True)
        with self.bulk():
            self.settings.set_config(config)
        self.carry = carried(model)
        self.controller.clear()
        return self.rebuild(fresh=False)

    # -- training controls ----------------------------------------------------------------------

    def start(self, max_epochs: int | None = None) -> bool:
        """Train (``max_epochs`` more, or up to the target); False, with a message, when it cannot."""
        c = self.controller
        target = translate("MainWindow", "The epoch target is reached: raise Epochs (or set 0 = until stopped), "
                                         "or Reset.")
        if c.trainer is None:
            self.message.emit(self.data_problem or translate(
                "MainWindow", "Nothing to train: load a preset or type some data."), 8000)
            return False
        if c.state == State.DIVERGED:
            self.message.emit(translate("MainWindow", "Training diverged: press Reset (Ctrl+R) for new weights, "
                                                      "with a lower learning rate."), 8000)
            return False
        if c.state == State.DONE and c.trainer.reached:
            self.message.emit(reached_text(c.trainer), 8000)
            return False
        if (c.state == State.DONE and max_epochs is None) or not c.start(max_epochs):
            self.message.emit(target, 8000)
            return False
        return True

    def toggle(self) -> None:
        """Train, or pause a running training."""
        if self.controller.is_running():
            self.controller.pause(wait=True)
            self.message.emit(translate("MainWindow", "Paused."), 3000)
            return
        self.start()

    def step(self, n: int = 1) -> bool:
        """Train ``n`` more epochs (pausing a running training first); past the epoch target, the target
        moves so that the step can happen, and the status bar says so."""
        if self.controller.is_running():
            self.controller.pause(wait=True)
        n = max(1, int(n))
        if self.make_room(n):
            self.message.emit(fmt(translate("MainWindow", "Epochs raised to %1 so that Step can go on."),
                                  integer(self.settings.config().epochs)), 6000)
        return self.start(n)

    def make_room(self, n: int) -> bool:
        """Raise the epoch target when fewer than ``n`` epochs are left to it (weights and history carry on);
        True when it was raised. A stop condition or a divergence is left as it is."""
        t = self.controller.trainer
        if t is None or t.diverged or t.reached:
            return False
        remaining = t.remaining()
        if remaining is None or remaining >= n:
            return False
        self.apply_config(self.settings.config().replace(epochs=t.epoch + n))
        return True

    def reset(self) -> bool:
        """New weights for the same data and settings (the seed decides them)."""
        self.controller.pause(wait=True)
        self.carry = None
        return self.rebuild(fresh=True, reason=translate("MainWindow", "reset"))


def carried(model: Model) -> dict:
    """What a model file hands to the next trainer: its network, normalisation, histories and epoch."""
    return {
        "network": model.network(),
        "normalizer": model.normalization,
        "history": model.history() if len(model.history()) else LossHistory(),
        "epoch": model.epochs_done,
        "val_history": model.val_history(),
        "best_epoch": model.best_epoch,
    }


def output_names(target_names, classes) -> list[str]:
    """One name per network output: the targets, or "label=class" for each class of a class column."""
    if classes is not None:
        label = target_names[0] if target_names else "class"
        return [f"{label}={exact(float(c))}" for c in classes]
    return list(target_names)


def reached_text(t) -> str:
    """Why a stop condition ended the run, and how to go on."""
    if t.reached == REACHED_EARLY_STOP:
        return fmt(translate("MainWindow", "Stopped early: best validation loss at epoch %1, weights of that epoch "
                                           "kept. Change or switch off early stopping to train on, or Reset."),
                   integer(t.best_epoch or 0))
    if t.reached == REACHED_LOSS:
        return fmt(translate("MainWindow", "Stopped at epoch %1: the loss %2 is below %3. Change or switch off the "
                                           "stop condition to train on, or Reset."),
                   integer(t.epoch), short(t.last_loss), exact(t.config.stop_loss))
    return fmt(translate("MainWindow", "Stopped at epoch %1: every training row is classified right (accuracy "
                                       "100 %). Change or switch off the stop condition to train on, or Reset."),
               integer(t.epoch))


def _safe_check(config: TrainConfig) -> bool:
    try:
        config.check()
    except (ConfigError, TypeError, ValueError):
        return False
    return True
