"""How a training report reaches the views: the diagram, the predictions, the loss plot, the status bar.

While training, painting in the GUI thread holds the GIL that the training thread needs
between its NumPy calls, so the views are redrawn at a measured pace (see
``docs/performance.md``, W4): the diagram and the prediction table at most every
``view_interval`` seconds, the loss plot (the costliest view) at most every
``plot_interval``, one group per report, always ending on the latest report. At rest
every report is drawn at once. See ``docs/architecture.md`` for the whole path.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette

from core.features import feature_names
from core.features import width as feature_width
from core.network import Architecture, Network
from core.trainer import REACHED_ACCURACY, REACHED_EARLY_STOP, REACHED_LOSS

from nngui.files.project import n_outputs
from nngui.session import TrainingSession
from nngui.support.accessibility import text_scale
from nngui.support.core_messages import core_text
from nngui.support.formatting import exact
from nngui.support.i18n import fmt, translate
from nngui.training.report import FULL_PARAMS, TrainingReport
from nngui.views.prediction_model import Scores
from nngui.views.status_bar import loss_text, score_text
from nngui.views.training_marks import TrainingMarks, stopped_early_text

DEFER_ROWS = 100_000  # a bigger table's rows reach the prediction table one turn of the event loop later
VIEW_INTERVAL = 0.1  # seconds between diagram / prediction-table redraws while training (at least)
MAX_VIEW_INTERVAL = 0.5
PLOT_INTERVAL = 0.15  # seconds between loss-plot redraws while training (measured: the costliest view)
# Share of the GUI thread's time each group of views (diagram + table, loss plot) may spend painting
# while training: painting holds the GIL that the training thread needs between NumPy calls.
GUI_BUDGET = 0.03
# A run training in a child process (TrainingReport.detached) loses nothing to painting: the views follow
# it at up to DETACHED_INTERVAL, taking up to DETACHED_BUDGET of the GUI thread's time (W6).
DETACHED_INTERVAL = 1.0 / 40.0  # (below the reports' spacing: every report that comes is drawn)
DETACHED_BUDGET = 0.6
# A detached run's report is drawn in steps a few ms apart (diagram, then table, then loss plot), so a
# timer or a key press waits for one step (<= 12 ms at p99), not for all three (~25 ms) at once.
SPREAD_MS = 1
DRAFT_OFF_MS = 300  # after a run, until the loss plot is drawn antialiased again


class LiveViews(QObject):
    """Routes the session's trainers and reports to the views; owns the selected row and the pacing."""

    def __init__(self, session: TrainingSession, views, parent: QObject | None = None) -> None:
        """``views``: the window's :class:`~nngui.views.layout.WindowViews` (diagram, table, plot, ...)."""
        super().__init__(parent)
        self.session = session
        self.v = views
        self.arch: Architecture | None = None  # the network the views show
        self._names: tuple[list[str], list[str]] = ([], [])  # its input and output names
        self.selected_row = -1
        self.view_interval = VIEW_INTERVAL
        self.plot_interval = PLOT_INTERVAL
        self._views_rep: TrainingReport | None = None
        self._plot_rep: TrainingReport | None = None
        self._views_last = self._plot_last = 0.0
        self._detached = False  # the latest report came from a run in a child process
        self._plot_after_table = False  # a detached report's loss plot waits for its table (SPREAD_MS)
        self._acc_colour = ""
        self.marks = TrainingMarks(views.loss_plot)  # early stopping's best epoch, the penalty in the read-out
        # The loss plot leaves draft mode (antialiased, self-painting) a moment after a run ends,
        # so Pause/Resume and Step do not pay for an antialiased frame each time.
        self._draft_off = QTimer(self)
        self._draft_off.setSingleShot(True)
        self._draft_off.setInterval(DRAFT_OFF_MS)
        self._draft_off.timeout.connect(self._end_draft)
        session.trainerReady.connect(self.sync)
        session.reportChanged.connect(self.show_report)
        session.unusable.connect(self.show_unusable)
        session.replaced.connect(self.reset)
        session.controller.stateChanged.connect(self.on_state)
        session.controller.finished.connect(self.flush)
        views.prediction_view.sampleSelected.connect(self.select_row)

    def _end_draft(self) -> None:
        self.v.loss_plot.set_draft(self.running)

    @property
    def running(self) -> bool:
        return self.session.controller.is_running()

    def current_report(self) -> TrainingReport | None:
        """The latest report when it is of the network on screen."""
        rep = self.session.report
        return rep if rep is not None and rep.architecture == self.arch else None

    # -- a new trainer, or none -------------------------------------------------------------

    def sync(self, trainer) -> None:
        """Point the views at a new trainer: architecture, table of samples, warnings."""
        v = self.v
        ds = trainer.dataset
        arch = trainer.network.arch
        names = self.session.output_names()
        v.banners.notice.hide()
        v.data_hints.check(ds.X, ds.Y, trainer.config)
        v.settings_panel.set_data_warnings(self.session.data_warnings(trainer))
        v.settings_panel.set_io(ds.n_inputs, arch.sizes[-1])
        v.status.scheduled = not trainer.schedule.constant
        inputs = feature_names(ds.input_names, trainer.config.features)  # "x1", .., "x1²", "sin x1"
        v.network_view.set_architecture(arch, inputs, names)
        self.arch = arch
        self._names = (inputs, list(names))
        big = ds.n_samples > DEFER_ROWS
        self._fill_predictions(trainer, rows=0 if big else None)
        if big:  # the rows on the event loop's next turn (W8: this turn already reset the data table)
            QTimer.singleShot(0, self, lambda: self._fill_predictions(trainer, redraw=True))
        v.banners.divergence.setVisible(trainer.diverged is not None)
        if trainer.diverged:
            v.banners.divergence.setText(core_text(trainer.diverged))
        v.insight.set_trainer(trainer, names, self.selected_row)
        if self.session.report is not None:
            self.show_report(self.session.report)
        self.fit_prediction_columns()
        if not len(trainer.history):
            self.clear_plot()
        v.loss_plot.set_diverged(trainer.epoch + 1 if trainer.diverged else None)

    def _fill_predictions(self, trainer, rows: int | None = None, redraw: bool = False) -> None:
        """The prediction table's samples: the trainer's first ``rows`` (None: all), and with ``redraw`` the
        latest report's predictions; nothing when another trainer came meanwhile."""
        if trainer is not self.session.trainer:
            return
        v, ds = self.v, trainer.dataset
        n = ds.n_samples if rows is None else rows
        v.prediction_model.set_data(ds.X[:n], ds.Y[:n], ds.input_names, ds.target_names, trainer.classes)
        v.prediction_model.set_validation_rows(trainer.val_rows)
        v.prediction_view.fold_inputs()
        if redraw:
            if self.session.report is not None:
                self.show_report(self.session.report)
            self.fit_prediction_columns()

    def show_unusable(self, text: str) -> None:
        """No trainer can be built (the data or the settings): say why, above the views."""
        v = self.v
        v.settings_panel.set_data_warnings([])
        v.banners.show_notice(text)
        model = v.data_model
        inputs = [model.names()[i] for i in model.input_columns()]
        targets = [model.names()[i] for i in model.target_columns()]
        values = model.values()
        X, Y = values[:, model.input_columns()], values[:, model.target_columns()]
        full = ~np.isnan(values).any(axis=1)
        v.data_hints.check(X[full], Y[full], v.settings_panel.config())  # e.g. class labels under bce
        v.prediction_model.set_data(np.empty((0, len(inputs))), np.empty((0, len(targets))), inputs, targets, None)
        self.show_scores(None)
        v.insight.clear()
        self.show_status(None)
        self.show_placeholder_network(inputs, targets)

    def show_placeholder_network(self, inputs: list[str], targets: list[str]) -> None:
        """Without a trainer the diagram still shows the network the settings describe (grey when new)."""
        if self.session.carry is not None:
            return  # weights waiting for data are shown by whoever set them
        v = self.v
        cfg = v.settings_panel.config()
        n_out = n_outputs(v.data_model.values(), v.data_model.roles(), cfg) if targets else 0
        try:
            arch = Architecture.build(feature_width(cfg.features, len(inputs)), cfg.hidden, n_out,
                                      cfg.hidden_activations, cfg.output_activation, cfg.bias, cfg.loss)
        except (ValueError, TypeError):  # FeatureError is a ValueError
            return
        v.settings_panel.set_io(len(inputs), arch.sizes[-1])
        outputs = targets if n_out == len(targets) else [f"{targets[0]}={k}" for k in range(n_out)]
        if arch == self.arch and (feature_names(inputs, cfg.features), outputs) == self._names:
            return  # same network: keep the last weights on screen
        self.show_network(arch, inputs, outputs, [(np.zeros((a, b)), np.zeros(b) if arch.bias else None)
                                                  for a, b in zip(arch.sizes, arch.sizes[1:])], cfg.features)

    def show_network(self, arch: Architecture, inputs: list[str], outputs: list[str], layers,
                     features=()) -> None:
        """Draw a network that no trainer runs (a placeholder, or a model waiting for data); ``inputs`` are
        the raw input names, ``features`` the derived inputs the first layer also takes."""
        names = feature_names(inputs, features)
        self.v.network_view.set_architecture(arch, names, outputs)
        self.v.network_view.set_weights(layers)
        self.arch = arch
        self._names = (names, list(outputs))
        self.v.settings_panel.set_io(len(inputs), arch.sizes[-1])

    def reset(self) -> None:
        """A new document: no divergence, no curves, no earlier runs, no selected row."""
        self.v.banners.divergence.hide()
        self.clear_plot()
        self.v.loss_plot.clear_ghosts()
        self.v.data_hints.forget_dismissed()
        self.selected_row = -1

    def fit_prediction_columns(self) -> None:
        """Column widths from the header and a sample of the cells (not the whole table: it may be huge)."""
        model = self.v.prediction_model
        view = self.v.prediction_view
        header = view.horizontalHeader()
        fm = view.fontMetrics()
        rows = min(model.rowCount(), 50)
        large = text_scale(bool(getattr(self.v.presenter, "on", False)))  # a larger system font: wider columns
        for c in range(model.columnCount()):
            text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = fm.horizontalAdvance(text)
            width = max(width, fm.horizontalAdvance(model.widest_text(c)))  # e.g. a small error, unclipped
            for r in range(rows):
                cell = model.data(model.index(r, c))
                if cell:
                    width = max(width, fm.horizontalAdvance(str(cell)))
            header.resizeSection(c, max(40, min(round(170 * large), width + 16)))

    # -- reports ----------------------------------------------------------------------------------

    def show_report(self, rep: TrainingReport) -> None:
        if rep.architecture != self.arch:
            return  # a report for a network the views no longer show
        t = self.session.trainer
        self.session.controller.worker.plane_job = self.v.insight.plane_job()  # the next detached reports' grid
        self.v.insight.show_report(rep, t.config if t is not None else None, self.session.dataset)
        if rep.architecture.n_params > FULL_PARAMS:  # light reports: the decision map and the Maths tab want more
            self.session.controller.keep_full_at_end(self.v.insight.shows_weights())
            if not rep.full and self.v.insight.wants_weights():
                self.session.controller.request_full()
        self.show_status(rep)
        self.marks.show(rep.progress)
        if rep.progress.diverged:
            self.v.banners.show_divergence(rep.progress.diverged)
            self.v.loss_plot.set_diverged(rep.progress.epoch + 1)
        # The diagram and the prediction table are redrawn at most every ``view_interval`` seconds,
        # always ending on the latest report. While training, redraw only when a report arrives (the
        # worker waits for us meanwhile, so painting does not fight the training thread for the GIL);
        # a skipped report is not lost: the next one, or the end of the run, draws the latest.
        # One group of views per report at most (diagram and table, or the loss plot), so no single
        # redraw keeps the event loop from its other work for long.
        self._views_rep = self._plot_rep = rep
        if not self.running:
            self.flush()
            return
        now = time.monotonic()
        self._detached = rep.detached
        if now - self._views_last >= self.view_interval:
            # A run in a child process: the plot too, after the table (see SPREAD_MS).
            self._plot_after_table = rep.detached and now - self._plot_last >= self.plot_interval
            self._flush_views()
        elif now - self._plot_last >= self.plot_interval:
            self._flush_plot()

    def show_still(self, rep: TrainingReport) -> None:
        """Draw an earlier checkpoint's report (time travel) in the diagram, the predictions, the decision map,
        the Maths and Evaluate tabs and the status bar; the loss plot, the compared runs and the weight history
        stay."""
        if rep.architecture != self.arch:
            return
        v = self.v
        v.network_view.set_weights(rep.layers)
        v.prediction_model.set_predictions(rep.predictions)
        self.show_scores(v.prediction_model.scores())
        self.update_sample(rep)
        v.insight.decision_map.set_report(rep)
        v.insight.inspector.set_report(rep)
        v.insight.evaluate.set_report(rep)
        self.show_status(rep)

    def redraw(self) -> None:
        """Draw the latest report again (after a palette, language or projector-mode change)."""
        rep = self.current_report()
        if rep is not None:
            self.show_report(rep)

    def flush(self, *_) -> None:
        """Draw the latest report in every view now (the end of a run)."""
        self._flush_views()
        self._flush_plot()

    def _flush_views(self) -> None:
        rep, self._views_rep = self._views_rep, None
        if rep is None or rep.architecture != self.arch:
            return
        v = self.v
        t0 = time.perf_counter()
        self._views_last = time.monotonic()
        show_weights(v.network_view, rep)
        v.prediction_model.set_predictions(rep.predictions)
        self.show_scores(v.prediction_model.scores())
        self.update_sample()
        if self.running:
            # Paint now, timed, and space the next redraw so painting takes at most GUI_BUDGET of the time.
            if v.network_view.isVisible():
                v.network_view.viewport().repaint()
            if self._detached:  # a run in a child process: the table a moment later (see SPREAD_MS)
                QTimer.singleShot(SPREAD_MS, self, self._repaint_predictions)
            else:
                self._repaint_predictions()
            self.view_interval = paced(self.view_interval, time.perf_counter() - t0, VIEW_INTERVAL, self._detached)

    def _repaint_predictions(self) -> None:
        if self.v.prediction_view.isVisible():
            self.v.prediction_view.repaint_predictions()
        if self._plot_after_table:
            self._plot_after_table = False
            QTimer.singleShot(SPREAD_MS, self, self._flush_plot)

    def show_scores(self, scores: Scores | None) -> None:
        """Training and validation accuracy (or RMSE) above the predictions and in the status bar; the
        label's colour says how good the validation accuracy is (the training one without validation)."""
        v = self.v
        text = score_text(scores)
        if text != v.accuracy_label.text():
            v.accuracy_label.setText(text)
        v.status.show_scores(scores, self.running)
        if scores is None or scores.kind != "accuracy":
            colour = "#333333"
        else:
            acc = scores.validation if scores.validation is not None else scores.train
            colour = "#1d6b1d" if acc >= 0.9 else "#8a5a00" if acc >= 0.6 else "#8b0000"
        if colour != self._acc_colour:
            self._acc_colour = colour
            palette = v.accuracy_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            v.accuracy_label.setPalette(palette)

    def clear_plot(self) -> None:
        self._plot_rep = None
        self.v.loss_plot.clear_curves()
        self.v.loss_plot.set_diverged(None)
        self.marks.clear()

    def _flush_plot(self) -> None:
        rep, self._plot_rep = self._plot_rep, None
        if rep is None:
            return
        self._plot_last = time.monotonic()
        if len(rep.train_curve[0]):
            plot = self.v.loss_plot
            t0 = time.perf_counter()
            plot.set_curves(rep.train_curve, rep.val_curve)
            if self.running and plot.isVisible():
                plot.viewport().repaint()
                self.plot_interval = paced(self.plot_interval, time.perf_counter() - t0, PLOT_INTERVAL, self._detached)

    def show_status(self, rep: TrainingReport | None) -> None:
        """The status bar's fields and the projector's big counter for ``rep`` (None: nothing trained)."""
        self.v.status.show(rep, self.running)
        if rep is None:
            self.v.presenter.update_counter(0, 0, "")
            return
        p = rep.progress
        self.v.presenter.update_counter(p.epoch, p.epochs_target, loss_text(rep), self.reached_note(p))

    def reached_note(self, p) -> str:
        """A short mark for the epoch counter when a stop condition ended the run."""
        t = self.session.trainer
        if p.reached == REACHED_LOSS and t is not None:
            return "\u2713 " + fmt(translate("MainWindow", "loss < %1"), exact(t.config.stop_loss))
        if p.reached == REACHED_ACCURACY:
            return "\u2713 " + translate("MainWindow", "accuracy 100 %")
        if p.reached == REACHED_EARLY_STOP:
            return "\u2713 " + stopped_early_text(p.best_epoch)
        return ""

    # -- the selected row -------------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        self.selected_row = row
        self.session.controller.set_sample_row(row)  # a big network's light reports bring its activations
        self.update_sample()

    def update_sample(self, shown: TrainingReport | None = None) -> None:
        """The selected row's activations in the diagram (none when no row is selected); ``shown``: the
        weights on screen when they are not the latest report's (time travel)."""
        rep, ds = shown or self.session.report, self.session.dataset
        row = self.selected_row
        if rep is None or ds is None or row < 0 or row >= ds.X.shape[0] or rep.architecture != self.arch:
            self.v.network_view.set_sample(None)
            return
        view = self.v.insight.session  # the trainer's normalisation and input features, read while it was idle
        if view is None or view.dataset is not ds:
            self.v.network_view.set_sample(None)
            return
        if rep.sample is not None and rep.sample[0] == row:  # a big network: the worker worked them out
            self.v.network_view.set_sample(list(rep.sample[1]))
            return
        t = self.session.trainer
        if rep.full:
            net = Network.from_layers(rep.architecture, rep.layers)
        elif not self.running and t is not None and t.epoch == rep.progress.epoch:
            net = t.network  # at rest the window owns the trainer, whose weights are the report's: no copy
        else:
            return  # the next report brings them
        with np.errstate(all="ignore"):
            acts = [a[0] for a in net.forward(view.prepare(ds.X[row : row + 1]))]
        self.v.network_view.set_sample(acts)

    # -- training state ---------------------------------------------------------------------------

    def on_state(self, state: str) -> None:
        running = state == "running"
        v = self.v
        v.network_view.set_live(running)  # painted by _flush_views while training
        if running:  # plain lines while training: an antialiased curve costs 6x more
            self._draft_off.stop()
            v.loss_plot.set_draft(True)
            # The views already show the starting weights: their first redraw comes one interval in
            # (a 0.6 s run then draws each view twice, not three times).
            self._views_last = self._plot_last = time.monotonic()
        else:
            self._draft_off.start()
            if self.session.report is not None:
                v.status.show(self.session.report, live=False)  # at rest: natural sizes, no speed
        if state == "diverged":
            t = self.session.trainer
            if t is not None and t.diverged:
                v.banners.show_divergence(t.diverged)


def show_weights(view, rep: TrainingReport) -> None:
    """Colour the diagram ``view`` by the report's weights: all of them, or a light report's preview."""
    if rep.full:
        view.set_weights(rep.layers)
    else:
        p = rep.preview
        view.set_preview(p.blocks, p.weight_max, p.bias_max)


def paced(interval: float, cost: float, floor: float, detached: bool = False) -> float:
    """The next redraw interval: smoothed so one redraw's ``cost`` is at most GUI_BUDGET of it
    (DETACHED_BUDGET, from DETACHED_INTERVAL on, for a run training in a child process)."""
    if detached:
        floor, budget = DETACHED_INTERVAL, DETACHED_BUDGET
    else:
        budget = GUI_BUDGET
    wanted = min(MAX_VIEW_INTERVAL, max(floor, cost / budget))
    return 0.7 * interval + 0.3 * wanted
