"""The main window: composes the views, the training session, the document and the menus, and wires them.

What lives where (see ``docs/architecture.md``):

- :class:`nngui.session.TrainingSession` turns the table and the settings into a core
  Trainer and owns the training thread (:mod:`nngui.training`);
- :class:`nngui.views.live.LiveViews` takes the session's reports to the views, paced;
- :mod:`nngui.views.layout` builds and places every view; :mod:`nngui.actions` declares
  the menus; :mod:`nngui.files` opens, saves, imports and exports;
- :class:`nngui.document.Document` is the file, its name and its modified flag.

The public methods below are what the menus, tests and scripts call; most hand on to one
of those parts.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics
from PySide6.QtWidgets import QMainWindow, QStyle, QWidget

from core.config import TrainConfig
from core.data import Dataset
from core.modelfile import Model

from nngui.actions import edit_menu, file_menu, lessons_menu, presets_menu, training_menu, view_menu
from nngui.document import Document
from nngui.files import exports, recent
from nngui.files.autosave import Autosaver, check_recovery
from nngui.files.csv_loader import CsvImporter
from nngui.files.dialogs import Dialogs
from nngui.files.opening import FileOps
from nngui.files.project import Project
from nngui.session import TrainingSession, reached_text
from nngui.support import i18n, window_state
from nngui.support.core_messages import core_text
from nngui.support.formatting import integer, short
from nngui.support.i18n import Retranslator, fmt, translate
from nngui.support.presentation import Presenter
from nngui.support.settings import APP_NAME, app_settings
from nngui.views.access import WindowAccess
from nngui.views.input_guard import guard_settings_panel
from nngui.views.layout import WindowViews
from nngui.views.live import LiveViews
from nngui.views.space_key import SpaceTrains
from nngui.views.time_slider import TimeTravel
from nngui.views.toolbar import SPEEDS, TrainingToolbar
from nngui.views.weight_editor import DiagramEditing

DEFAULT_PRESET = "loy-xor"
WARM_UP_MS = 1000  # after the window is first shown, the training thread loads the compiled loop
# The views' parts the window exposes under their own names (scripts and tests find them here).
VIEW_NAMES = ("data_model", "data_view", "prediction_model", "prediction_view", "network_view", "loss_plot",
              "insight", "decision_map", "inspector", "settings_panel", "settings_dock", "maths_dock",
              "accuracy_label", "left_splitter", "right_splitter", "loss_map_splitter", "main_splitter",
              "decision_map_box", "banners")


class MainWindow(QMainWindow):
    """nngui's main window. Public methods are what the menus (and tests and scripts) call."""

    paletteChanged = Signal(str)  # the name of the palette now used by the views (nngui.support.palettes)
    presentationChanged = Signal(bool)  # projector mode on/off, however it was switched (F11, menu, code)

    def __init__(self, parent: QWidget | None = None, dialogs: Dialogs | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.errors: list[tuple[str, str]] = []  # every error shown (tests read it)
        self.persist_state = True  # closeEvent saves geometry and state to QSettings
        self._state_restored = False
        self._shown_once = False
        self._train_prompt: str | None = None  # the "press Train" message shown by reset, cleared by training
        self._hover_text: str | None = None
        self.palette_name = "default"
        self.retranslator = Retranslator()  # translatable labels, set again by retranslate()
        self.dialogs = dialogs or Dialogs(self)  # every question asked of the user (tests replace it)
        self.document = Document(self)
        self.files = FileOps(self)

        self.views = v = WindowViews(self, self.retranslator)
        for name in VIEW_NAMES:
            setattr(self, name, getattr(v, name))
        self.divergence_banner, self.notice_banner = v.banners.divergence, v.banners.notice
        self.status_epoch, self.status_loss = v.status.epoch, v.status.loss
        self.status_speed, self.status_elapsed, self.status_progress = v.status.speed, v.status.elapsed, \
            v.status.progress
        self.undo_stack = self.data_model.undo_stack
        self.session = TrainingSession(self.data_model, self.settings_panel, self)
        self.controller = self.session.controller
        self.live = LiveViews(self.session, v, self)
        self.time_travel = TimeTravel(self)  # the time slider under the loss plot, Resume from here
        self.weight_editing = DiagramEditing(self)  # double-click an edge or a unit: edit it by hand

        for menu in (file_menu, edit_menu, training_menu, presets_menu, view_menu, lessons_menu):
            menu.build(self, self.menuBar())
        self.toolbar = TrainingToolbar(self)
        self.speed_slider, self.speed_label = self.toolbar.slider, self.toolbar.label
        # Projector mode and the big epoch counter, at the end of the diagram's header.
        self.presenter = v.presenter = Presenter(self, v.network_header)
        self._connect()
        self.resize(1400, 900)
        self._update_title()
        self._on_state_changed(self.controller.state)
        self.live.on_state(self.controller.state)
        self._on_speed_changed()
        # Reliability (docs/reliability.md): big CSV files load on a thread with Cancel, refused typed
        # input says why, and unsaved changes are autosaved for crash recovery.
        self.csv_importer = CsvImporter(self, self.statusBar())
        self.input_guards = guard_settings_panel(self.settings_panel, self.show_status)
        self.space_trains = SpaceTrains(self.settings_panel)  # Space trains even from a settings field
        self.settings_panel.hidden_editor.changed.connect(self.space_trains.watch)
        self.autosaver = Autosaver(self)
        self.access = WindowAccess(self)  # names, keyboard, announcements, contrast (docs/accessibility.md)

    def _connect(self) -> None:
        s = self.session
        s.message.connect(self.show_status)
        s.edited.connect(self._mark_modified)
        s.unusable.connect(self._on_unusable)
        self.document.changed.connect(self._update_title)
        self.data_model.message.connect(self.show_status)
        self.undo_stack.indexChanged.connect(self._mark_modified)
        self.controller.failed.connect(self._on_failed)
        self.controller.stateChanged.connect(self._on_state_changed)
        self.controller.finished.connect(self._on_finished)
        self.network_view.hovered.connect(self._on_hover)
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        self.prediction_view.sampleSelected.connect(self.insight.set_row)
        self.paletteChanged.connect(self.insight.set_palette)
        self.presentationChanged.connect(self.insight.set_presentation)
        self.decision_map.applicableChanged.connect(self.decision_map_action.setChecked)
        self.views.data_hints.apply.connect(self.apply_config)

    # ------------------------------------------------------------------ messages and the document

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D401 (Qt API)
        """Qt's tr() in the "MainWindow" context; the result remembers its source (see nngui.support.i18n)."""
        return i18n.translated("MainWindow", text, disambiguation, n)

    def show_status(self, text: str, timeout: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout)

    def show_error(self, title: str, text: str) -> None:
        """Tell the user about a problem (recorded in ``errors``, in the status bar, and in a dialog)."""
        self.errors.append((title, text))
        self.show_status(fmt(translate("MainWindow", "%1: %2"), title, text.splitlines()[0] if text else ""), 15000)
        self.dialogs.warn(title, text)

    def _on_hover(self, text: str) -> None:
        bar = self.statusBar()
        if text:
            bar.showMessage(text.replace("\n", "   "))
            self._hover_text = bar.currentMessage()
        elif bar.currentMessage() == self._hover_text:
            bar.clearMessage()

    def _on_unusable(self, text: str) -> None:
        if text:
            self.show_status(text, 12000)

    def _mark_modified(self, *_) -> None:
        if not self.session.loading:
            self.document.set_modified(True)

    def set_modified(self, on: bool) -> None:
        self.document.set_modified(on)

    def is_modified(self) -> bool:
        return self.document.modified

    def _update_title(self) -> None:
        self.setWindowModified(self.document.modified)  # autosave watches this (QEvent.ModifiedChange)
        self.setWindowTitle(f"{self.document.title()}[*] \u2014 {APP_NAME}")

    @property
    def current_path(self) -> str | None:
        return self.document.path

    def set_language(self, choice: str) -> bool:
        """Switch the interface language ("en", "zh_CN" or "system"), remember it, relabel the window."""
        i18n.save_choice(choice)
        ok = i18n.install(i18n.resolve(choice))
        self.retranslate()
        return ok

    def retranslate(self) -> None:
        """Set every translatable label again in the language installed now (after a language switch)."""
        self.retranslator.apply()
        self.statusBar().clearMessage()  # a message in the language before
        self._update_title()
        self.settings_panel.retranslate()
        self.data_view.retranslate()
        self.presenter.counter.retranslate()
        i18n.check_language_menu(self)
        self._on_state_changed(self.controller.state)
        self._on_speed_changed()
        self.live.show_status(self.live.current_report())
        self.network_view.set_presentation(self.presenter.on)  # rebuilds the diagram's labels
        self.loss_plot.set_presentation(self.presenter.on)  # and the plot's
        self.live.redraw()

    # ------------------------------------------------------------------ training

    def _on_failed(self, text: str) -> None:
        self.show_error(translate("MainWindow", "Training failed"),
                        fmt(translate("MainWindow", "Training stopped because of an error:\n\n%1\n\nThe last weights "
                                                    "were kept; you can change the settings, Reset or train again."),
                            core_text(text)))

    def _on_finished(self, _run_id: int) -> None:
        t, state = self.controller.trainer, self.controller.state
        if state == "done" and t is not None and t.reached:
            self.show_status(reached_text(t), 15000)
        elif state == "done" and t is not None:
            self.show_status(fmt(translate("MainWindow", "Training finished: %1 epochs, loss %2."), integer(t.epoch),
                                 short(t.last_loss)))
        elif state == "diverged":
            self.show_status(translate("MainWindow", "Training diverged: lower the learning rate and press Reset "
                                                     "(Ctrl+R)."), 15000)

    def _on_state_changed(self, state: str) -> None:
        running = state == "running"
        if running and self.statusBar().currentMessage() == self._train_prompt:
            self.statusBar().clearMessage()  # "press Train" is done with once training runs
        text = {"running": translate("MainWindow", "Pause"), "paused": translate("MainWindow", "Resume")}.get(state) \
            or translate("MainWindow", "Train")
        self.train_action.setText(text)
        SP = QStyle.StandardPixmap
        self.train_action.setIcon(self.style().standardIcon(SP.SP_MediaPause if running else SP.SP_MediaPlay))
        t = self.controller.trainer
        # Step goes on past the epoch target (it raises the target), not past a stop condition.
        can_step = state in ("ready", "paused", "running", "failed") or \
            (state == "done" and t is not None and not t.reached)
        self.train_action.setEnabled(state != "empty")
        for a in (self.step_action, self.step10_action, self.step100_action):
            a.setEnabled(can_step)
        self.reset_action.setEnabled(state != "empty")
        if running:
            self._mark_modified()

    def _on_speed_changed(self, *_) -> None:
        self.controller.set_speed(self.toolbar.speed())
        self.toolbar.show_speed()
        self.presenter.set_slow(self.toolbar.speed() != 0)

    def set_speed(self, epochs_per_second: float) -> None:
        """Pick the slider position closest to ``epochs_per_second`` (0: full speed)."""
        self.toolbar.set_speed(epochs_per_second)

    def toggle_training(self) -> None:
        """Space: train, pause or resume."""
        self.session.toggle()

    def start_training(self, max_epochs: int | None = None) -> bool:
        return self.session.start(max_epochs)

    def step(self, n: int = 1) -> bool:
        """Train ``n`` more epochs (pausing a running training first)."""
        return self.session.step(n)

    def reset(self) -> None:
        """New weights for the same data and settings (the seed decides them)."""
        self.controller.pause(wait=True)
        self.divergence_banner.hide()
        # The finished run stays on the loss plot as a ghost labelled with what differs (self.insight.runs).
        self.live.clear_plot()
        if self.session.reset():
            self._train_prompt = translate("MainWindow", "New weights: press Train (Space).")
            self.show_status(self._train_prompt, 4000)

    def apply_config(self, config: TrainConfig) -> None:
        """Show ``config`` in the settings panel and apply it, as if the user had typed it."""
        self.session.apply_config(config)

    def compare_live(self):
        """Training > Compare live…: run B, a copy of these settings with its own changes, trains beside them."""
        from nngui.views import compare_live  # its window, plots and thread: loaded when first opened

        return compare_live.open_compare(self)

    # ------------------------------------------------------------------ view menu

    def show_decision_map(self, on: bool) -> None:
        """View > Decision map: show or hide the map beside the loss plot."""
        self.decision_map_box.setVisible(bool(on))
        _check(self.decision_map_action, on)

    def show_maths_inspector(self) -> None:
        """View > Maths inspector: bring the Maths tab to the front."""
        self.maths_dock.show()
        self.maths_dock.raise_()

    def show_evaluate(self) -> None:
        """View > Evaluate: bring the Evaluate tab to the front."""
        self.views.evaluate_dock.show()
        self.views.evaluate_dock.raise_()

    def pin_run(self) -> None:
        self.show_status(self.insight.runs.toggle_pin(), 6000)

    def clear_runs(self) -> None:
        kept = self.insight.runs.clear()
        self.show_status(translate("MainWindow", "Compared runs cleared.") if not kept else
                         translate("MainWindow", "Compared runs cleared (1 pinned run kept).") if kept == 1 else
                         fmt(translate("MainWindow", "Compared runs cleared (%1 pinned runs kept)."), kept), 4000)

    def set_log_scale(self, on: bool) -> None:
        self.loss_plot.set_log_scale(bool(on))
        _check(self.log_action, on)

    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """Projector mode (F11): full screen, bigger fonts everywhere, thicker lines, high contrast, the
        settings dock hidden and the big epoch counter shown (see :mod:`nngui.support.presentation`).

        ``full_screen=False`` keeps the window's size (screenshots, tests).
        """
        on = bool(on)
        self.presenter.apply(on, full_screen)
        self.loss_plot.set_presentation(on)
        self.network_view.set_presentation(on)
        self.live.redraw()
        style = self.presenter.table_font_css()
        for view in (self.prediction_view, self.data_view):
            view.setStyleSheet(style)
            view.ensurePolished()  # the style sheet's font now, for the measurements below
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        self._fit_data_columns()
        self.live.fit_prediction_columns()
        _check(self.presentation_action, on)
        self.presentationChanged.emit(on)

    def _fit_data_columns(self) -> None:
        """Data columns wide enough for their (bold, for targets) names and visible cells."""
        view = self.data_view
        view.resizeColumnsToContents()
        font = view.font()
        font.setBold(True)
        fm = QFontMetrics(font)
        header = view.horizontalHeader()
        for c in range(self.data_model.columnCount()):
            text = str(self.data_model.headerData(c, Qt.Orientation.Horizontal) or "")
            header.resizeSection(c, max(header.sectionSize(c), min(320, fm.horizontalAdvance(text) + 24)))

    def set_palette(self, name: str, remember: bool = True) -> None:
        """Colours of the diagram and the plot (View > Colour palette); ``remember``: the user's choice, saved."""
        self.palette_name = name
        self.loss_plot.set_palette(name)
        self.network_view.set_palette(name)
        action = getattr(self, "palette_actions", {}).get(name)
        if action is not None and not action.isChecked():
            action.setChecked(True)
        if remember:
            self.presenter.palette_chosen()
            app_settings().setValue("view/palette", name)
        self.paletteChanged.emit(name)
        self.live.redraw()

    # ------------------------------------------------------------------ documents (nngui.files)

    def choose_preset(self, name: str) -> None:
        """Presets menu: ask to save unsaved changes, then load the preset."""
        if self.maybe_save():
            self.load_preset(name)

    def replace_everything(self, ds: Dataset | None = None, table=None, config: TrainConfig | None = None,
                           model: Model | None = None) -> bool:
        """Replace table, settings and weights in one go (the undo history starts afresh)."""
        self.csv_importer.cancel()  # a CSV still loading must not land on top of this
        return self.session.replace(ds=ds, table=table, config=config, model=model)

    def load_preset(self, name: str) -> None:
        self.files.load_preset(name)

    def new_project(self) -> None:
        self.files.new_project()

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def current_project(self) -> Project:
        return self.files.current_project()

    def save_project(self, path: str | os.PathLike) -> bool:
        return self.files.save_project(path)

    def load_project(self, path: str | os.PathLike) -> bool:
        return self.files.load_project(path)

    def open_file(self, path: str | os.PathLike) -> bool:
        return self.files.open_file(path)

    def open_model(self, path: str | os.PathLike) -> bool:
        return self.files.open_model(path)

    def import_model(self, path: str | os.PathLike) -> bool:
        return self.files.import_model(path)

    def check_recovery(self) -> str | None:
        """Offer projects autosaved by sessions that crashed (see :mod:`nngui.files.autosave`)."""
        return check_recovery(self)

    def import_csv(self, path: str | os.PathLike, background: bool | None = None) -> bool:
        """Replace the table with a CSV file; False (with a message, nothing changed) when it cannot.

        Files over ``csv_importer.background_bytes`` (2 MB) load on a thread with progress and
        Cancel (True means the load started); see :mod:`nngui.files.csv_loader`.
        """
        return self.csv_importer.import_csv(path, background)

    # Exports (nngui.files.exports): ``window.export_onnx(path)`` etc. write ``path`` or say why not; True when written.
    (export_model, export_csv, export_predictions, export_loss_plot, export_diagram, export_python, export_onnx,
     export_sound, export_worksheet, export_c) = (exports.window_method(name) for name in exports.WINDOW_EXPORTS)

    def open_lesson(self, path: str | os.PathLike) -> bool:
        """Open a lesson file in the lesson pane (see :mod:`nngui.views.lesson_pane`)."""
        return lessons_menu.open_lesson(self, path)

    def recent_files(self) -> list[str]:
        return recent.recent_files()

    def add_recent(self, path: str) -> None:
        recent.add_recent(path)

    # ------------------------------------------------------------------ window state

    def save_window_state(self) -> None:
        window_state.save(self)

    def restore_window_state(self) -> None:
        self._state_restored = window_state.restore(self)

    def set_default_splits(self) -> None:
        """Sizes that read well at 1280x720 up to 1600x1000."""
        self.views.set_default_splits(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._state_restored:
                QTimer.singleShot(0, self.set_default_splits)
            QTimer.singleShot(WARM_UP_MS, self.controller.warm_up)  # after the first paint, before a Train

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.maybe_save():
            event.ignore()
            return
        try:
            if self.persist_state:
                self.save_window_state()
        finally:
            self.csv_importer.shutdown()
            compare = sys.modules.get("nngui.views.compare_live")  # none was opened unless it is loaded
            if compare is not None:
                compare.close_for(self)  # both compared runs stop, their thread is joined
            self.autosaver.shutdown()  # a normal close: nothing to recover
            self.controller.shutdown()
        event.accept()
        super().closeEvent(event)


def _check(action, on) -> None:
    """Tick or untick ``action`` without triggering it again."""
    if action.isChecked() != bool(on):
        with QSignalBlocker(action):
            action.setChecked(bool(on))


__all__ = ["DEFAULT_PRESET", "SPEEDS", "MainWindow", "app_settings"]
