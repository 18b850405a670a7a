"""The main window: data table, settings, live diagram, loss curve and predictions.

Data flows one way: the table model -> a core Dataset -> a Trainer (run by the
:class:`~nngui.training.worker.TrainingController` on its thread) -> immutable reports -> views.
The window never computes gradients and never reads the live network while the
worker trains it: it draws the reports, and it touches the Trainer only after the
controller has paused it.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QEvent, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.config import ConfigError, TrainConfig
from core.data import DataError, Dataset, write_csv
from core.history import LossHistory
from core.modelfile import Model, ModelFileError, load_model, model_from_trainer, save_model
from core.network import Architecture, Network
from core.normalization import Normalizer
from core.presets import PRESETS, get_preset
from core.trainer import REACHED_ACCURACY, REACHED_LOSS

from nngui.files.autosave import Autosaver, Recoverable, check_recovery
from nngui.files.csv_loader import CsvImporter
from nngui.views.data_model import ROLE_INPUT, ROLE_TARGET, DataTableModel
from nngui.views.data_view import DataTableView
from nngui.files.exports import export_onnx as _export_onnx
from nngui.files.exports import export_python as _export_python
from nngui.files.exports import onnx_state
from nngui.support.i18n import Retranslator
from nngui.views.input_guard import guard_settings_panel
from nngui.views.insight import InsightViews
from nngui.views.loss_plot import LossPlot
from nngui.support.messages import describe_os_error
from nngui.views.network_view import NetworkView
from nngui.support import i18n
from nngui.support.palettes import PALETTES
from nngui.support.presentation import Presenter
from nngui.views.prediction_model import PredictionModel, PredictionView
from nngui.files.project import SUFFIX as PROJECT_SUFFIX
from nngui.files.project import Project
from nngui.files.project import load_project as read_project
from nngui.files.project import save_project as write_project
from nngui.training.report import TrainingReport
from nngui.views.settings_panel import SettingsPanel, format_number
from nngui.training.worker import TrainingController

APP_NAME = "nngui"
ORG_NAME = "nngui"
MAX_RECENT = 8
DEFAULT_PRESET = "loy-xor"

VIEW_INTERVAL = 0.1  # seconds between diagram / prediction-table redraws while training (at least)
MAX_VIEW_INTERVAL = 0.5
# Share of the GUI thread's time each group of views (diagram + table, loss plot) may spend painting
# while training: painting holds the GIL that the training thread needs between NumPy calls.
GUI_BUDGET = 0.03
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX
DRAFT_OFF_MS = 300  # after a run, until the loss plot is drawn antialiased again
PLOT_INTERVAL = 0.15  # seconds between loss-plot redraws while training (measured: the costliest view)

# Speed slider positions: epochs per second; the last position is "as fast as possible".
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 0)

# What in a TrainConfig decides the network's shape or its first weights: a change means new weights.
ARCH_FIELDS = ("hidden", "activation", "output_activation", "loss", "bias", "init")

BANNER_STYLE = (
    "QLabel#divergenceBanner { background: #fde2e1; color: #7a1010; border: 1px solid #d9534f;"
    " border-radius: 4px; padding: 8px 12px; font-weight: bold; }"
)
NOTICE_STYLE = (
    "QLabel#noticeBanner { background: #fff4d6; color: #6b4a00; border: 1px solid #e0b84a;"
    " border-radius: 4px; padding: 6px 12px; }"
)


def _testing() -> bool:
    return os.environ.get("NNGUI_TESTING") == "1"


def app_settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)


def _fmt_int(n: int) -> str:
    return f"{int(n):,}"


def _fmt_loss(v: float | None) -> str:
    if v is None or not np.isfinite(v):
        return "\u2014"
    return f"{v:#.3g}" if 1e-4 <= abs(v) < 1e5 or v == 0 else f"{v:.3g}"


def _fmt_elapsed(seconds: float) -> str:
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return f"{seconds:.1f} s"
    m, s = divmod(int(seconds), 60)
    if m < 60:
        return f"{m}:{s:02d}"
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}"


class MainWindow(QMainWindow):
    """nngui's main window. Public methods are what the menus (and tests and scripts) call."""

    paletteChanged = Signal(str)  # the name of the palette now used by the views (nngui.support.palettes)
    presentationChanged = Signal(bool)  # projector mode on/off, however it was switched (F11, menu, code)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.errors: list[tuple[str, str]] = []  # every error shown (tests read it)
        self._path: str | None = None  # the project file, when saved or opened as one
        self._title_name = "Untitled"
        self._loading = 0
        self._dataset: Dataset | None = None
        self._classes: tuple[float, ...] | None = None
        self._normalizer: Normalizer | None = None
        self._arch: Architecture | None = None
        self._report: TrainingReport | None = None
        self._selected_row = -1
        self._carry: dict | None = None  # weights waiting for usable data (an imported model)
        self._data_problem: str | None = None
        self._lr: float | None = None  # the learning rate the trainer has (or has been sent)
        self.persist_state = True  # closeEvent saves geometry and state to QSettings
        self._state_restored = False
        self._shown_once = False
        # The loss plot is the costliest view to paint (~5-25 ms a frame): it is redrawn at most this often.
        self.plot_interval = PLOT_INTERVAL
        self._plot_rep: TrainingReport | None = None
        self._plot_last = 0.0
        self.view_interval = VIEW_INTERVAL
        # The loss plot leaves draft mode (antialiased, self-painting) a moment after a run ends,
        # so Pause/Resume and Step do not pay for an antialiased frame each time.
        self._draft_off = QTimer(self)
        self._draft_off.setSingleShot(True)
        self._draft_off.setInterval(DRAFT_OFF_MS)
        self._draft_off.timeout.connect(lambda: self.loss_plot.set_draft(self.controller.is_running()))
        self._train_prompt: str | None = None  # the "press Train" message shown by reset, cleared by training
        self._views_last = 0.0
        self._views_rep: TrainingReport | None = None

        self.data_model = DataTableModel(parent=self)
        self.undo_stack = self.data_model.undo_stack
        self.controller = TrainingController(self)

        self._i18n = Retranslator()  # translatable labels, set again by retranslate()
        self.palette_name = "default"
        self._build_views()
        self.presenter = Presenter(self)  # projector mode and the big epoch counter (nngui.support.presentation)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.resize(1400, 900)
        self._update_title()
        self._on_state_changed(self.controller.state)
        # Reliability (docs/reliability.md): big CSV files load on a thread with Cancel, refused typed
        # input says why, and unsaved changes are autosaved for crash recovery.
        self.csv_importer = CsvImporter(self, self.statusBar())
        self.input_guards = guard_settings_panel(self.settings_panel, self.show_status)
        self.autosaver = Autosaver(self)

    # ------------------------------------------------------------------ building

    def _build_views(self) -> None:
        self.data_view = DataTableView(self.data_model)
        self.data_view.installEventFilter(self)
        self.prediction_model = PredictionModel(self)
        self.prediction_view = PredictionView(self.prediction_model)
        self.prediction_view.installEventFilter(self)
        self.network_view = NetworkView()
        self.loss_plot = LossPlot()
        # What the network computes (nngui.views.insight): decision map, maths inspector, weight history, compared runs.
        self.insight = InsightViews(self.network_view, self.loss_plot, self)
        self.decision_map = self.insight.decision_map
        self.inspector = self.insight.inspector

        self.settings_panel = SettingsPanel()
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidget(self.settings_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(max(290, self.settings_panel.minimumSizeHint().width() + 24))
        self.settings_dock = QDockWidget(self.tr("Network && training"), self)
        self._i18n.keep(self.settings_dock, "setWindowTitle", self.tr("Network && training"))
        self.settings_dock.setObjectName("settingsDock")
        self.settings_dock.setWidget(scroll)
        self.settings_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.settings_dock)
        self.maths_dock = QDockWidget(self.tr("Maths"), self)
        self._i18n.keep(self.maths_dock, "setWindowTitle", self.tr("Maths"))
        self.maths_dock.setObjectName("mathsDock")
        self.maths_dock.setWidget(self.inspector)
        self.maths_dock.setFeatures(self.settings_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.maths_dock)
        self.tabifyDockWidget(self.settings_dock, self.maths_dock)  # a "Maths" tab beside the settings
        self.settings_dock.raise_()
        self.insight.attach_maths_dock(self, self.maths_dock)

        # Left column: the data (editable) over the predictions; right column: diagram over loss curve.
        self.accuracy_label = QLabel("")
        self.accuracy_label.setObjectName("accuracyLabel")
        self._acc_colour = ""
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        data_box = self._box(self.tr("Data"), self.data_view, "dataHeader",
                             self.tr("edit, paste, right-click a header"),
                             self.tr("Type or paste numbers (Ctrl+V from a spreadsheet); right-click a column header "
                                     "to make it an input or the target, rename, insert or remove it; Ctrl+Z undoes."))
        pred_box = self._box(self.tr("Predictions"), self.prediction_view, "predictionHeader",
                             self.tr("select a row to trace it"),
                             self.tr("The network's output for every row, coloured by error; click a header to sort, "
                                     "select a row to see it in the diagram."))
        self.left_splitter.addWidget(data_box)
        self.left_splitter.addWidget(pred_box)
        self.left_splitter.setStretchFactor(0, 1)
        self.left_splitter.setStretchFactor(1, 1)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self._box(self.tr("Network"), self.network_view, "networkHeader",
                                                self.tr("hover for values"),
                                                self.tr("Hover an edge for its weight, a unit for its bias; select a "
                                                        "row in Predictions to see its activations.")))
        self.loss_map_splitter = QSplitter(Qt.Orientation.Horizontal)  # loss curve | decision map
        self.loss_map_splitter.setObjectName("lossMapSplitter")
        self.loss_map_splitter.addWidget(self._box(self.tr("Loss"), self.loss_plot, "lossHeader",
                                                   self.tr("hover for values"),
                                                   self.tr("Training (and validation) loss per epoch; hover for "
                                                           "values, Ctrl+L for a log scale.")))
        self.decision_map_box = self._box(self.tr("Decision map"), self.decision_map, "decisionMapHeader",
                                          self.tr("hover a unit for its map"),
                                          self.tr("The network's output over the plane of the two inputs, behind "
                                                  "the data points; hover a unit in the diagram for its own map."))
        self.loss_map_splitter.addWidget(self.decision_map_box)
        self.loss_map_splitter.setChildrenCollapsible(False)
        self.right_splitter.addWidget(self.loss_map_splitter)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setChildrenCollapsible(False)

        self.divergence_banner = QLabel()
        self.divergence_banner.setObjectName("divergenceBanner")
        self.divergence_banner.setWordWrap(True)
        self.divergence_banner.setStyleSheet(BANNER_STYLE)
        self.divergence_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.divergence_banner.hide()
        self.notice_banner = QLabel()
        self.notice_banner.setObjectName("noticeBanner")
        self.notice_banner.setWordWrap(True)
        self.notice_banner.setStyleSheet(NOTICE_STYLE)
        self.notice_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_banner.hide()

        central = QWidget()
        central.setObjectName("central")
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(4)
        lay.addWidget(self.divergence_banner)
        lay.addWidget(self.notice_banner)
        lay.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

    def _box(self, title: str, widget: QWidget, name: str, hint: str = "", tip: str = "") -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        label = QLabel(title)
        label.setObjectName(name)
        label.setStyleSheet("font-weight: bold; color: #333;")
        self._i18n.keep(label, "setText", title)
        head.addWidget(label)
        if hint:
            label.setToolTip(self._i18n.keep(label, "setToolTip", tip or hint))
            small = QLabel(hint)
            small.setObjectName(name + "Hint")
            self._i18n.keep(small, "setText", hint)
            small.setToolTip(self._i18n.keep(small, "setToolTip", tip or hint))
            small.setStyleSheet("color: #666;")
            small.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            head.addWidget(small, 1)
        else:
            head.addStretch(1)
        if name == "predictionHeader":
            self.accuracy_label.setStyleSheet("font-weight: bold; color: #1d6b1d;")
            head.addWidget(self.accuracy_label)
        lay.addLayout(head)
        lay.addWidget(widget, 1)
        return box

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D401 (Qt API)
        """Qt's tr() in the "MainWindow" context; the result remembers its source (see nngui.i18n)."""
        return i18n.translated("MainWindow", text, disambiguation, n)

    def _menu(self, parent, title: str):
        """``parent.addMenu(title)``, its title remembered for :meth:`retranslate`."""
        menu = parent.addMenu(title)
        self._i18n.keep(menu, "setTitle", title)
        return menu

    def set_language(self, choice: str) -> bool:
        """Switch the interface language ("en", "zh_CN" or "system"), remember it, relabel the window."""
        i18n.save_choice(choice)
        ok = i18n.install(i18n.resolve(choice))
        self.retranslate()
        return ok

    def retranslate(self) -> None:
        """Set every translatable label again in the language installed now (after a language switch)."""
        self._i18n.apply()
        self.settings_panel.retranslate()
        self.data_view.retranslate()
        self.presenter.counter.retranslate()
        i18n.check_language_menu(self)
        self._on_state_changed(self.controller.state)
        self._on_speed_changed(self.speed_slider.value())
        self._update_status(self._report if self._report is not None and self._report.architecture == self._arch
                            else None)
        self.network_view.set_presentation(self.presenter.on)  # rebuilds the diagram's labels
        self.loss_plot.set_presentation(self.presenter.on)  # and the plot's
        if self._report is not None:
            self._views_rep = self._report
            self._flush_views()

    def _action(self, name: str, text: str, slot=None, shortcut=None, tip: str = "", checkable: bool = False,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        self._i18n.keep(action, "setText", text)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            _set_action_tip(action, tip)
            self._i18n.keep(action, _set_action_tip, tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        if slot is not None:
            if checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.new_action = self._action("newAction", self.tr("&New"), self.new_project, K.New,
                                       self.tr("Start an empty project"))
        self.open_action = self._action("openAction", self.tr("&Open\u2026"), self.open_dialog, K.Open,
                                        self.tr("Open a project, a model file or a CSV file"))
        self.save_action = self._action("saveAction", self.tr("&Save"), self.save, K.Save, self.tr("Save the project"))
        self.save_as_action = self._action("saveAsAction", self.tr("Save &As\u2026"), self.save_as, K.SaveAs,
                                           self.tr("Save the project under a new name"))
        self.import_csv_action = self._action(
            "importCsvAction", self.tr("&Import CSV\u2026"), self.import_csv_dialog,
            tip=self.tr("Replace the table with a CSV file (the last column is the target)"))
        self.export_csv_action = self._action("exportCsvAction", self.tr("&Export CSV\u2026"), self.export_csv_dialog,
                                              tip=self.tr("Save the table as a CSV file"))
        self.export_model_action = self._action("exportModelAction", self.tr("Export &weights (model JSON)\u2026"),
                                                self.export_model_dialog,
                                                tip=self.tr("Save the trained network as a model file for your "
                                                            "own code"))
        self.import_model_action = self._action(
            "importModelAction", self.tr("Import wei&ghts\u2026"), self.import_model_dialog,
            tip=self.tr("Load a network (architecture and weights) from a model file"))
        self.export_predictions_action = self._action("exportPredictionsAction",
                                                      self.tr("Export &predictions CSV\u2026"),
                                                      self.export_predictions_dialog,
                                                      tip=self.tr("Save inputs, targets and predictions as CSV"))
        self.export_loss_action = self._action("exportLossPlotAction", self.tr("Export &loss plot PNG\u2026"),
                                               self.export_loss_dialog, tip=self.tr("Save the loss curve as a picture"))
        self.export_diagram_action = self._action("exportDiagramAction", self.tr("Export &diagram PNG\u2026"),
                                                  self.export_diagram_dialog,
                                                  tip=self.tr("Save the network diagram as a picture"))
        self.quit_action = self._action("quitAction", self.tr("&Quit"), self.close, K.Quit, self.tr("Close nngui"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts([QKeySequence(K.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(K.Redo)])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self.train_action = self._action("trainAction", self.tr("Train"), self.toggle_training, Qt.Key.Key_Space,
                                         self.tr("Train, pause or resume"), icon=SP.SP_MediaPlay)
        self.step_action = self._action("stepAction", self.tr("Step"), lambda: self.step(1), Qt.Key.Key_Right,
                                        self.tr("Train one epoch"), icon=SP.SP_MediaSeekForward)
        self.step10_action = self._action("step10Action", self.tr("Step 10"), lambda: self.step(10), "Shift+Right",
                                          self.tr("Train 10 epochs"))
        self.step100_action = self._action("step100Action", self.tr("Step 100"), lambda: self.step(100),
                                           "Ctrl+Right", self.tr("Train 100 epochs"))
        self.reset_action = self._action("resetAction", self.tr("Reset"), self.reset, "Ctrl+R",
                                         self.tr("New weights (the seed decides them), history cleared"),
                                         icon=SP.SP_BrowserReload)
        self.log_action = self._action("logScaleAction", self.tr("Log scale"), self.set_log_scale, "Ctrl+L",
                                       self.tr("Show the loss on a logarithmic axis"), checkable=True)
        self.presentation_action = self._action(
            "presentationAction", self.tr("Projector mode"), lambda on: self.set_presentation(on), ("F11", "F5"),
            self.tr("Full screen, bigger fonts, thicker lines and high contrast for a projector"), checkable=True)
        self.export_python_action = self._action(
            "exportPythonAction", self.tr("Export as P&ython script\u2026"), self.export_python_dialog,
            tip=self.tr("Save a standalone NumPy script with the data and the settings that trains this network"))
        self.export_onnx_action = self._action("exportOnnxAction", self.tr("Export to &ONNX\u2026"),
                                               self.export_onnx_dialog)
        ok, tip = onnx_state()
        self.export_onnx_action.setEnabled(ok)
        _set_action_tip(self.export_onnx_action, tip)
        self._i18n.keep(self.export_onnx_action, _set_action_tip, tip)
        self.decision_map_action = self._action(
            "decisionMapAction", self.tr("&Decision map"), self.show_decision_map,
            tip=self.tr("The network's output over the plane of two inputs, behind the data"), checkable=True)
        self.decision_map_action.setChecked(True)  # shown; hidden by itself for data without two inputs
        self.maths_action = self._action(
            "mathsInspectorAction", self.tr("&Maths inspector"), self.show_maths_inspector,
            tip=self.tr("The forward and backward pass of the selected row, with the numbers; gradient check"))
        self.pin_run_action = self._action(
            "pinRunAction", self.tr("&Pin this run"), self.pin_run,
            tip=self.tr("Keep this run's loss curve when compared runs are cleared"))
        self.clear_runs_action = self._action(
            "clearRunsAction", self.tr("Clear compared &runs"), self.clear_runs,
            tip=self.tr("Remove the faded curves of earlier runs from the loss plot (pinned runs stay)"))

    def _build_menus(self) -> None:
        mb = self.menuBar()
        keep = self._i18n.keep
        f = self._menu(mb, self.tr("&File"))
        f.setObjectName("fileMenu")
        f.addAction(self.new_action)
        f.addAction(self.open_action)
        self.recent_menu = self._menu(f, self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        f.addAction(self.save_action)
        f.addAction(self.save_as_action)
        f.addSeparator()
        for a in (self.import_csv_action, self.export_csv_action):
            f.addAction(a)
        f.addSeparator()
        for a in (self.import_model_action, self.export_model_action, self.export_predictions_action):
            f.addAction(a)
        f.addSeparator()
        f.addAction(self.export_python_action)
        f.addAction(self.export_onnx_action)
        f.addSeparator()
        f.addAction(self.export_loss_action)
        f.addAction(self.export_diagram_action)
        f.addSeparator()
        f.addAction(self.quit_action)

        e = self._menu(mb, self.tr("&Edit"))
        e.setObjectName("editMenu")
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        e.addSeparator()
        dv = self.data_view
        for a in (dv.cut_action, dv.copy_action, dv.paste_action, dv.clear_action):
            e.addAction(a)
        e.addSeparator()
        for a in (dv.insert_row_above_action, dv.insert_row_below_action, dv.remove_rows_action):
            e.addAction(a)
        e.addSeparator()
        for a in (dv.insert_column_action, dv.rename_column_action, dv.remove_column_action):
            e.addAction(a)

        t = self._menu(mb, self.tr("&Training"))
        t.setObjectName("trainingMenu")
        for a in (self.train_action, self.step_action, self.step10_action, self.step100_action, self.reset_action):
            t.addAction(a)

        p = self._menu(mb, self.tr("&Presets"))
        p.setObjectName("presetsMenu")
        self.preset_actions: dict[str, QAction] = {}
        for name, preset in PRESETS.items():
            a = QAction(i18n.translated("presets", preset.title), self)
            keep(a, "setText", i18n.translated("presets", preset.title))
            a.setObjectName(f"preset_{name}")
            a.setData(name)
            for setter in ("setStatusTip", "setToolTip"):
                getattr(a, setter)(keep(a, setter, i18n.translated("presets", preset.description)))
            a.triggered.connect(lambda *_, n=name: self._menu_preset(n))
            p.addAction(a)
            self.preset_actions[name] = a
        p.setToolTipsVisible(True)

        v = self._menu(mb, self.tr("&View"))
        v.setObjectName("viewMenu")
        dock_toggle = self.settings_dock.toggleViewAction()
        dock_toggle.setObjectName("toggleSettingsAction")
        dock_toggle.setText(keep(dock_toggle, "setText", self.tr("&Settings panel")))
        dock_toggle.setIconText(keep(dock_toggle, "setIconText", self.tr("Settings")))  # the toolbar's short label
        dock_toggle.setShortcut(QKeySequence("Ctrl+,"))
        tip = self.tr("Show or hide the settings, to leave more room for the diagram and the loss plot")
        _set_action_tip(dock_toggle, keep(dock_toggle, _set_action_tip, tip))
        self.toggle_settings_action = dock_toggle
        v.addAction(dock_toggle)
        v.addAction(self.log_action)
        v.addAction(self.presentation_action)
        v.addSeparator()
        for a in (self.decision_map_action, self.maths_action, self.pin_run_action, self.clear_runs_action):
            v.addAction(a)
        v.addSeparator()
        pal = self._menu(v, self.tr("Colour &palette"))
        pal.setObjectName("paletteMenu")
        self.palette_menu = pal
        group = QActionGroup(self)
        self.palette_actions: dict[str, QAction] = {}
        for name, palette in PALETTES.items():
            a = QAction(i18n.translated("palettes", palette.label), self, checkable=True)
            keep(a, "setText", i18n.translated("palettes", palette.label))
            a.setObjectName(f"palette_{name}")
            a.setChecked(name == "default")
            a.triggered.connect(lambda *_, n=name: self.set_palette(n))
            group.addAction(a)
            pal.addAction(a)
            self.palette_actions[name] = a
        self.language_menu = i18n.build_language_menu(self, v)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Training"))
        tb.setObjectName("trainingToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        for action, name in ((self.train_action, "trainButton"), (self.step_action, "stepButton")):
            tb.addAction(action)
            tb.widgetForAction(action).setObjectName(name)
        for action, name in ((self.step10_action, "step10Button"), (self.step100_action, "step100Button")):
            tb.addAction(action)
            tb.widgetForAction(action).setObjectName(name)
        tb.addAction(self.reset_action)
        tb.widgetForAction(self.reset_action).setObjectName("resetButton")
        train_button = tb.widgetForAction(self.train_action)
        train_button.setMinimumWidth(96)
        tb.addSeparator()
        speed_box = QWidget()
        lay = QHBoxLayout(speed_box)
        lay.setContentsMargins(6, 0, 6, 0)
        speed_title = QLabel(self.tr("Speed"))
        self._i18n.keep(speed_title, "setText", self.tr("Speed"))
        lay.addWidget(speed_title)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("speedSlider")
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setValue(len(SPEEDS) - 1)
        self.speed_slider.setPageStep(1)
        self.speed_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.speed_slider.setFixedWidth(140)
        self.speed_slider.setToolTip(self._i18n.keep(
            self.speed_slider, "setToolTip", self.tr("Slow training down so a class can watch (epochs per second)")))
        lay.addWidget(self.speed_slider)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setMinimumWidth(self.speed_label.fontMetrics().horizontalAdvance("10,000 epochs/s") + 4)
        lay.addWidget(self.speed_label)
        speed_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        tb.addWidget(speed_box)
        tb.addSeparator()
        tb.addAction(self.log_action)
        tb.widgetForAction(self.log_action).setObjectName("logScaleButton")
        tb.addAction(self.toggle_settings_action)
        tb.widgetForAction(self.toggle_settings_action).setObjectName("settingsButton")
        self._on_speed_changed(self.speed_slider.value())

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        sb.setObjectName("statusBar")
        self.status_epoch = QLabel(self.tr("Epoch %1").replace("%1", "0"))
        self.status_epoch.setObjectName("statusEpochLabel")
        self.status_loss = QLabel(self.tr("Loss %1").replace("%1", "\u2014"))
        self.status_loss.setObjectName("statusLossLabel")
        self.status_speed = QLabel("")
        self.status_speed.setObjectName("statusSpeedLabel")
        self.status_elapsed = QLabel("")
        self.status_elapsed.setObjectName("statusElapsedLabel")
        self.status_progress = QProgressBar()
        self.status_progress.setObjectName("statusProgress")
        self.status_progress.setRange(0, 1000)
        self.status_progress.setFixedWidth(140)
        self.status_progress.setTextVisible(True)
        self.status_progress.hide()
        for w in (self.status_epoch, self.status_loss, self.status_speed, self.status_elapsed):
            w.setContentsMargins(6, 0, 6, 0)
            sb.addPermanentWidget(w)
        sb.addPermanentWidget(self.status_progress)

    def _connect(self) -> None:
        self.data_model.tableChanged.connect(self._on_table_changed)
        self.data_model.message.connect(self.show_status)
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.settings_panel.configChanged.connect(self._on_settings_changed)
        self.controller.report.connect(self._on_report)
        self.controller.failed.connect(self._on_failed)
        self.controller.stateChanged.connect(self._on_state_changed)
        self.controller.finished.connect(self._on_finished)
        self.prediction_view.sampleSelected.connect(self._on_sample_selected)
        self.network_view.hovered.connect(self._on_hover)
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        self.prediction_view.sampleSelected.connect(self.insight.set_row)
        self.paletteChanged.connect(self.insight.set_palette)
        self.presentationChanged.connect(self.insight.set_presentation)
        self.decision_map.applicableChanged.connect(self.decision_map_action.setChecked)

    # ------------------------------------------------------------------ small helpers

    @contextmanager
    def _bulk(self):
        """Suppress the per-change handlers while several changes are made at once."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def show_status(self, text: str, timeout: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout)

    def show_error(self, title: str, text: str) -> None:
        """Tell the user about a problem (a dialog; recorded in ``errors``; no dialog in tests)."""
        self.errors.append((title, text))
        self.show_status(f"{title}: {text.splitlines()[0] if text else ''}", 15000)
        if _testing():
            return
        QMessageBox.warning(self, title, text)

    def _on_undo_index(self, _index: int) -> None:
        self._mark_modified()

    def _on_hover(self, text: str) -> None:
        bar = self.statusBar()
        if text:
            bar.showMessage(text.replace("\n", "   "))
            self._hover_text = bar.currentMessage()
        elif bar.currentMessage() == getattr(self, "_hover_text", None):
            bar.clearMessage()

    def _mark_modified(self) -> None:
        if not self._loading:
            self.set_modified(True)

    def set_modified(self, on: bool) -> None:
        self.setWindowModified(bool(on))
        self._update_title()

    def is_modified(self) -> bool:
        return self.isWindowModified()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._title_name}[*] \u2014 {APP_NAME}")

    @property
    def current_path(self) -> str | None:
        return self._path

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        # The tables keep their arrow keys (cell navigation) instead of Step; Space still trains.
        if event.type() == QEvent.Type.ShortcutOverride and obj in (self.data_view, self.prediction_view):
            if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left) and \
                    not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                event.accept()
                return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ sessions

    def _build_dataset(self) -> Dataset | None:
        try:
            ds = self.data_model.to_dataset(source="table")
        except DataError as exc:
            self._data_problem = f"The data cannot be used yet: {exc}"
            return None
        self._data_problem = None
        return ds

    def _capture_weights(self) -> dict | None:
        """The current trainer's weights and history (call only while paused)."""
        t = self.controller.trainer
        if t is None:
            return self._carry
        return {
            "network": t.network.copy(),
            "normalizer": None,
            "history": t.history,
            "epoch": t.epoch,
        }

    def _rebuild(self, fresh: bool, reason: str = "") -> bool:
        """Build a new Trainer from the table and the settings; True when one is ready.

        ``fresh``: new weights; otherwise the current weights and history carry on when the
        network's shape still fits. A running training is paused first, and the status bar says so.
        """
        was_running = self.controller.is_running()
        self.controller.pause(wait=True)
        carry = None if fresh else self._capture_weights()
        ds = self._build_dataset()
        config = self.settings_panel.config()
        if ds is None:
            if self.controller.trainer is not None and not fresh:
                self._carry = carry
            self.controller.clear()
            self._dataset = None
            self._show_unusable(self._data_problem or "")
            return False
        trainer = None
        problem = None
        if carry is not None:
            try:
                trainer = self.controller.set_session(
                    ds, config, start=carry["network"], normalizer=carry.get("normalizer"),
                    history=carry.get("history"), epoch=carry.get("epoch", 0),
                )
            except (ConfigError, ValueError, MemoryError):
                trainer = None  # the shape changed: new weights below
        if trainer is None:
            try:
                trainer = self.controller.set_session(ds, config)
            except (ConfigError, DataError, ValueError) as exc:
                problem = str(exc)
            except MemoryError:
                problem = "there is not enough memory for a network this big; use fewer or smaller layers"
        if trainer is None:
            self.controller.clear()
            self._dataset = None
            self._data_problem = f"These settings cannot train on this data: {problem}"  # Train says so too
            self._show_unusable(self._data_problem)
            return False
        self._carry = None
        self._lr = trainer.learning_rate
        self._dataset = ds
        self._classes = trainer.classes
        self._normalizer = trainer.normalizer
        self.notice_banner.hide()
        base = set(config.check()) if _safe_check(config) else set()
        self.settings_panel.set_data_warnings([w for w in trainer.warnings if w not in base])
        self._sync_views(trainer)
        if was_running:
            self.show_status(i18n.fmt(self.tr("Training paused: %1. Press Resume (Space) to go on."),
                                      reason or self.tr("the settings changed")),
                             12000)
        return True

    def _show_unusable(self, text: str) -> None:
        """No trainer can be built (the data or the settings): say why, above the views."""
        self.settings_panel.set_data_warnings([])
        self.notice_banner.setText(text)
        self.notice_banner.setVisible(bool(text))
        self.divergence_banner.hide()
        inputs = [self.data_model.names()[i] for i in self.data_model.input_columns()]
        targets = [self.data_model.names()[i] for i in self.data_model.target_columns()]
        self.prediction_model.set_data(np.empty((0, len(inputs))), np.empty((0, len(targets))), inputs, targets, None)
        self.accuracy_label.setText("")
        self._report = None
        self.insight.clear()
        self._update_status(None)
        self._show_placeholder_network(inputs, targets)
        if text:
            self.show_status(text, 12000)

    def _show_placeholder_network(self, inputs: list[str], targets: list[str]) -> None:
        """Without a trainer the diagram still shows the network the settings describe (grey when new)."""
        if self._carry is not None:
            return  # weights waiting for data are shown by whoever set them
        cfg = self.settings_panel.config()
        values = self.data_model.values()
        from nngui.files.project import n_outputs

        n_out = n_outputs(values, self.data_model.roles(), cfg) if targets else 0
        try:
            arch = Architecture.build(len(inputs), cfg.hidden, n_out, cfg.hidden_activations,
                                      cfg.output_activation, cfg.bias, cfg.loss)
        except (ValueError, TypeError):
            return
        self.settings_panel.set_io(arch.sizes[0], arch.sizes[-1])
        if arch == self._arch:
            return  # same shape: keep the last weights on screen
        outputs = targets if n_out == len(targets) else [f"{targets[0]}={k}" for k in range(n_out)]
        self.network_view.set_architecture(arch, inputs, outputs)
        self.network_view.set_weights([(np.zeros((a, b)), np.zeros(b) if arch.bias else None)
                                       for a, b in zip(arch.sizes, arch.sizes[1:])])
        self._arch = arch

    def _sync_views(self, trainer) -> None:
        """Point the views at a new trainer: architecture, table of samples, first snapshot."""
        ds = trainer.dataset
        arch = trainer.network.arch
        self.settings_panel.set_io(arch.sizes[0], arch.sizes[-1])
        self.network_view.set_architecture(arch, ds.input_names, self._output_names(ds, trainer.classes))
        self._arch = arch
        self.prediction_model.set_data(ds.X, ds.Y, ds.input_names, ds.target_names, trainer.classes)
        self.divergence_banner.setVisible(trainer.diverged is not None)
        if trainer.diverged:
            self.divergence_banner.setText(trainer.diverged)
        self.insight.set_trainer(trainer, self._output_names(ds, trainer.classes), self._selected_row)
        rep = self.controller.snapshot()
        if rep is not None:
            self._show_report(rep)
        self._fit_prediction_columns()
        if not len(trainer.history):
            self._clear_plot()

    @staticmethod
    def _output_names(ds: Dataset, classes) -> list[str]:
        if classes is not None:
            label = ds.target_names[0] if ds.target_names else "class"
            return [f"{label}={format_number(float(c))}" for c in classes]
        return list(ds.target_names)

    def _fit_prediction_columns(self) -> None:
        """Column widths from the header and a sample of the cells (not the whole table: it may be huge)."""
        model = self.prediction_model
        header = self.prediction_view.horizontalHeader()
        fm = self.prediction_view.fontMetrics()
        rows = min(model.rowCount(), 50)
        for c in range(model.columnCount()):
            text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = fm.horizontalAdvance(text)
            if model.is_prediction_column(c):
                width = max(width, fm.horizontalAdvance("0.000123456"))  # e.g. a small error, unclipped
            for r in range(rows):
                cell = model.data(model.index(r, c))
                if cell:
                    width = max(width, fm.horizontalAdvance(str(cell)))
            header.resizeSection(c, max(40, min(170, width + 18)))

    # ------------------------------------------------------------------ reports

    def _on_report(self, rep: TrainingReport) -> None:
        self._show_report(rep)

    def _show_report(self, rep: TrainingReport) -> None:
        self._report = rep
        if rep.architecture != self._arch:
            return  # a report for a network the views no longer show
        t = self.controller.trainer
        self.insight.show_report(rep, t.config if t is not None else None, self._dataset)
        self._update_status(rep)
        if rep.progress.diverged:
            self._show_divergence(rep.progress.diverged)
        # The diagram and the prediction table are redrawn at most every ``view_interval`` seconds,
        # always ending on the latest report: Python painting in this thread holds the GIL, which
        # the training thread needs between its NumPy calls (measured: W4 in docs/performance.md).
        # While training, redraw only when a report arrives (the worker waits for us meanwhile, so
        # painting does not fight the training thread for the GIL); a skipped report is not lost:
        # the next one, or the end of the run, draws the latest.
        # One group of views per report at most (diagram and table, or the loss plot), so no single
        # redraw keeps the event loop from its other work for long.
        self._views_rep = self._plot_rep = rep
        if not self.controller.is_running():
            self._flush_views()
            self._flush_plot()
            return
        now = time.monotonic()
        if now - self._views_last >= self.view_interval:
            self._flush_views()
        elif now - self._plot_last >= self.plot_interval:
            self._flush_plot()

    def _flush_views(self) -> None:
        rep, self._views_rep = self._views_rep, None
        if rep is None or rep.architecture != self._arch:
            return
        t0 = time.perf_counter()
        self._views_last = time.monotonic()
        self.network_view.set_weights(rep.layers)
        self.prediction_model.set_predictions(rep.predictions)
        acc = self.prediction_model.accuracy()
        self.accuracy_label.setText("" if acc is None else i18n.fmt(self.tr("Accuracy %1 %"), f"{acc * 100:.1f}"))
        if acc is not None:
            colour = "#1d6b1d" if acc >= 0.9 else "#8a5a00" if acc >= 0.6 else "#8b0000"
            if colour != self._acc_colour:
                self._acc_colour = colour
                self.accuracy_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self._update_sample()
        if self.controller.is_running():
            # Paint now, timed, and space the next redraw so painting takes at most GUI_BUDGET of the time.
            if self.network_view.isVisible():
                self.network_view.viewport().repaint()
            if self.prediction_view.isVisible():
                self.prediction_view.repaint_predictions()
            self.view_interval = _paced(self.view_interval, time.perf_counter() - t0, VIEW_INTERVAL)

    def _clear_plot(self) -> None:
        self._plot_rep = None
        self.loss_plot.clear_curves()

    def _flush_plot(self) -> None:
        rep, self._plot_rep = self._plot_rep, None
        if rep is None:
            return
        self._plot_last = time.monotonic()
        if len(rep.train_curve[0]):
            t0 = time.perf_counter()
            self.loss_plot.set_curves(rep.train_curve, rep.val_curve)
            if self.controller.is_running() and self.loss_plot.isVisible():
                self.loss_plot.viewport().repaint()
                self.plot_interval = _paced(self.plot_interval, time.perf_counter() - t0, PLOT_INTERVAL)

    def _update_status(self, rep: TrainingReport | None) -> None:
        live = self.controller.is_running()
        if rep is None:
            _set_status_text(self.status_epoch, i18n.fmt(self.tr("Epoch %1"), "\u2014"), live)
            _set_status_text(self.status_loss, i18n.fmt(self.tr("Loss %1"), "\u2014"), live)
            _set_status_text(self.status_speed, "", live)
            _set_status_text(self.status_elapsed, "", live)
            self.status_progress.hide()
            self.presenter.update_counter(0, 0, "")
            return
        p = rep.progress
        target = f" / {_fmt_int(p.epochs_target)}" if p.epochs_target else ""
        _set_status_text(self.status_epoch, i18n.fmt(self.tr("Epoch %1"), _fmt_int(p.epoch)) + target, live)
        loss = i18n.fmt(self.tr("Loss %1"), _fmt_loss(p.loss))
        self.presenter.update_counter(p.epoch, p.epochs_target, loss, self._reached_note(p))
        if p.val_loss is not None:
            loss += "  " + i18n.fmt(self.tr("(validation %1)"), _fmt_loss(p.val_loss))
        _set_status_text(self.status_loss, loss, live)
        _set_status_text(self.status_speed, i18n.fmt(self.tr("%1 epochs/s"), _fmt_int(round(rep.epochs_per_second)))
                         if rep.epochs_per_second > 0 and live else "", live)
        _set_status_text(self.status_elapsed, f"{_fmt_elapsed(p.elapsed)}" if p.epoch else "", live)
        self.status_elapsed.setToolTip(self.tr("Training time"))
        if p.epochs_target:
            bar = self.status_progress
            value = int(round(1000 * min(1.0, p.epoch / p.epochs_target)))
            if value != bar.value():
                # QProgressBar.setValue repaints synchronously (measured: 16 ms a call with a big
                # prediction table in the window); with updates off it only schedules a repaint.
                bar.setUpdatesEnabled(False)
                bar.setValue(value)
                bar.setFormat(f"{value / 10:.0f} %")
                bar.setUpdatesEnabled(True)
            bar.show()
        else:
            self.status_progress.hide()

    def _on_sample_selected(self, row: int) -> None:
        self._selected_row = row
        self._update_sample()

    def _update_sample(self) -> None:
        rep, ds = self._report, self._dataset
        row = self._selected_row
        if rep is None or ds is None or row < 0 or row >= ds.X.shape[0] or rep.architecture != self._arch:
            self.network_view.set_sample(None)
            return
        x = ds.X[row : row + 1]
        if self._normalizer is not None:
            x = self._normalizer.transform(x)
        net = Network.from_layers(rep.architecture, rep.layers)
        with np.errstate(all="ignore"):
            acts = [a[0] for a in net.forward(np.ascontiguousarray(x, dtype=np.float64))]
        self.network_view.set_sample(acts)

    def _show_divergence(self, text: str) -> None:
        self.divergence_banner.setText("\u26a0 " + text + "  Press Reset (Ctrl+R) to start again.")
        self.divergence_banner.show()

    def _on_failed(self, text: str) -> None:
        self.show_error("Training failed", f"Training stopped because of an error:\n\n{text}\n\n"
                        "The last weights were kept; you can change the settings, Reset or train again.")

    def _on_finished(self, _run_id: int) -> None:
        self._flush_views()  # the views end on the run's last report, at once
        self._flush_plot()
        t = self.controller.trainer
        if self.controller.state == "done" and t is not None and t.reached:
            self.show_status(self._reached_text(t), 15000)
        elif self.controller.state == "done" and t is not None:
            self.show_status(i18n.fmt(self.tr("Training finished: %1 epochs, loss %2."), _fmt_int(t.epoch),
                                      _fmt_loss(t.last_loss)))
        elif self.controller.state == "diverged":
            self.show_status(self.tr("Training diverged: lower the learning rate and press Reset (Ctrl+R)."), 15000)

    def _reached_note(self, p) -> str:
        """A short mark for the epoch counter when a stop condition ended the run."""
        if p.reached == REACHED_LOSS and self.controller.trainer is not None:
            return "\u2713 " + i18n.fmt(self.tr("loss < %1"), format_number(self.controller.trainer.config.stop_loss))
        if p.reached == REACHED_ACCURACY:
            return "\u2713 " + self.tr("accuracy 100 %")
        return ""

    def _reached_text(self, t) -> str:
        """Why a stop condition ended the run, and how to go on."""
        if t.reached == REACHED_LOSS:
            return i18n.fmt(self.tr("Stopped at epoch %1: the loss %2 is below %3. Change or switch off the stop "
                                    "condition to train on, or Reset."), _fmt_int(t.epoch),
                            _fmt_loss(t.last_loss), format_number(t.config.stop_loss))
        return i18n.fmt(self.tr("Stopped at epoch %1: every training row is classified right (accuracy 100 %). "
                                "Change or switch off the stop condition to train on, or Reset."), _fmt_int(t.epoch))

    def _on_state_changed(self, state: str) -> None:
        SP = QStyle.StandardPixmap
        running = state == "running"
        self.network_view.set_live(running)  # painted by _flush_views while training
        if running and self.statusBar().currentMessage() == self._train_prompt:
            self.statusBar().clearMessage()  # "press Train" is done with once training runs
        if running:  # plain lines while training: an antialiased curve costs 6x more
            self._draft_off.stop()
            self.loss_plot.set_draft(True)
            # The views already show the starting weights: their first redraw comes one interval in
            # (a 0.6 s run then draws each view twice, not three times).
            self._views_last = self._plot_last = time.monotonic()
        else:
            self._draft_off.start()
        text = {"running": self.tr("Pause"), "paused": self.tr("Resume")}.get(state) or self.tr("Train")
        self.train_action.setText(text)
        self.train_action.setIcon(self.style().standardIcon(SP.SP_MediaPause if running else SP.SP_MediaPlay))
        can_train = state in ("ready", "paused", "running", "failed")
        self.train_action.setEnabled(state != "empty")
        for a in (self.step_action, self.step10_action, self.step100_action):
            a.setEnabled(can_train)
        self.reset_action.setEnabled(state != "empty")
        if state == "diverged":
            t = self.controller.trainer
            if t is not None and t.diverged:
                self._show_divergence(t.diverged)
        if not running and self._report is not None:
            self.status_speed.setText("")
        if running:
            self._mark_modified()

    # ------------------------------------------------------------------ change handlers

    def _on_table_changed(self) -> None:
        if self._loading:
            return
        self._rebuild(fresh=False, reason=self.tr("the data changed"))

    def _on_settings_changed(self) -> None:
        if self._loading:
            return
        self._mark_modified()
        new = self.settings_panel.config()
        t = self.controller.trainer
        if t is None:
            self._rebuild(fresh=True, reason=self.tr("the settings changed"))
            return
        # A frozen config; while running only its learning rate changes (through us), so reading it is safe.
        old = t.config.to_dict()
        changed = {f for f, v in new.to_dict().items() if v != old.get(f)}
        changed.discard("learning_rate")
        if new.learning_rate != self._lr:
            try:
                self.controller.set_learning_rate(new.learning_rate)
            except ConfigError as exc:
                self.show_status(str(exc))
                return
            self._lr = new.learning_rate
            if self.controller.is_running() and not changed:
                self.show_status(i18n.fmt(self.tr("Learning rate %1 applied."), format_number(new.learning_rate)),
                                 4000)
        if not changed:
            return
        arch = bool(changed & set(ARCH_FIELDS))
        fresh = arch or (t.epoch == 0 and not t.diverged)
        what = self.tr("the network changed") if arch else self.tr("the training settings changed")
        self._rebuild(fresh=fresh, reason=what)

    def _on_speed_changed(self, pos: int) -> None:
        speed = SPEEDS[max(0, min(len(SPEEDS) - 1, pos))]
        self.controller.set_speed(speed)
        self.speed_label.setText(self.tr("full speed") if speed == 0
                                 else i18n.fmt(self.tr("%1 epochs/s"), _fmt_int(speed)))
        self.presenter.set_slow(speed != 0)

    def set_speed(self, epochs_per_second: float) -> None:
        """Pick the slider position closest to ``epochs_per_second`` (0: full speed)."""
        if epochs_per_second <= 0:
            self.speed_slider.setValue(len(SPEEDS) - 1)
            return
        best = min(range(len(SPEEDS) - 1), key=lambda i: abs(np.log(SPEEDS[i]) - np.log(epochs_per_second)))
        self.speed_slider.setValue(best)

    # ------------------------------------------------------------------ training controls

    def toggle_training(self) -> None:
        """Space: train, pause or resume."""
        c = self.controller
        if c.is_running():
            c.pause(wait=True)
            self.show_status(self.tr("Paused."), 3000)
            return
        self.start_training()

    def start_training(self, max_epochs: int | None = None) -> bool:
        c = self.controller
        if c.trainer is None:
            self.show_status(self._data_problem or self.tr("Nothing to train: load a preset or type some data."))
            return False
        if c.state == "diverged":
            self.show_status(self.tr("Training diverged: press Reset (Ctrl+R) for new weights, with a lower "
                                     "learning rate."))
            return False
        if c.state == "done" and c.trainer.reached:
            self.show_status(self._reached_text(c.trainer))
            return False
        if c.state == "done" and max_epochs is None:
            self.show_status(self.tr("The epoch target is reached: raise Epochs (or set 0 = until stopped), or Reset."))
            return False
        if not c.start(max_epochs):
            self.show_status(self.tr("The epoch target is reached: raise Epochs (or set 0 = until stopped), or Reset."))
            return False
        return True

    def step(self, n: int = 1) -> bool:
        """Train ``n`` more epochs (pausing a running training first)."""
        if self.controller.is_running():
            self.controller.pause(wait=True)
        return self.start_training(max(1, int(n)))

    def reset(self) -> None:
        """New weights for the same data and settings (the seed decides them)."""
        c = self.controller
        c.pause(wait=True)
        self.divergence_banner.hide()
        # The finished run stays on the loss plot as a ghost labelled with what differs (self.insight.runs).
        self._clear_plot()
        self._carry = None
        if self._rebuild(fresh=True, reason=self.tr("reset")):
            self._train_prompt = self.tr("New weights: press Train (Space).")  # in the current language
            self.show_status(self._train_prompt, 4000)

    def show_decision_map(self, on: bool) -> None:
        """View > Decision map: show or hide the map beside the loss plot."""
        self.decision_map_box.setVisible(bool(on))
        if self.decision_map_action.isChecked() != bool(on):
            with QSignalBlocker(self.decision_map_action):
                self.decision_map_action.setChecked(bool(on))

    def show_maths_inspector(self) -> None:
        """View > Maths inspector: bring the Maths tab to the front."""
        self.maths_dock.show()
        self.maths_dock.raise_()

    def pin_run(self) -> None:
        self.show_status(self.insight.runs.toggle_pin(), 6000)

    def clear_runs(self) -> None:
        kept = self.insight.runs.clear()
        self.show_status(f"Compared runs cleared ({kept} pinned run{'s' if kept != 1 else ''} kept)."
                         if kept else "Compared runs cleared.", 4000)

    def set_log_scale(self, on: bool) -> None:
        self.loss_plot.set_log_scale(bool(on))
        if self.log_action.isChecked() != bool(on):
            with QSignalBlocker(self.log_action):
                self.log_action.setChecked(bool(on))

    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """Projector mode (F11): full screen, bigger fonts everywhere, thicker lines, high contrast, the
        settings dock hidden and the big epoch counter shown (see :mod:`nngui.support.presentation`).

        ``full_screen=False`` keeps the window's size (screenshots, tests).
        """
        on = bool(on)
        self.presenter.apply(on, full_screen)
        self.loss_plot.set_presentation(on)
        self.network_view.set_presentation(on)
        if self._report is not None:
            self._show_report(self._report)
        style = self.presenter.table_font_css()
        for view in (self.prediction_view, self.data_view):
            view.setStyleSheet(style)
            view.ensurePolished()  # the style sheet's font now, for the measurements below
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        self._fit_data_columns()
        self._fit_prediction_columns()
        if self.presentation_action.isChecked() != on:
            with QSignalBlocker(self.presentation_action):
                self.presentation_action.setChecked(on)
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
        if self._report is not None:
            self._show_report(self._report)

    # ------------------------------------------------------------------ presets and projects

    def _menu_preset(self, name: str) -> None:
        if self.maybe_save():
            self.load_preset(name)

    def apply_config(self, config: TrainConfig) -> None:
        """Show ``config`` in the settings panel and apply it, as if the user had typed it."""
        self.settings_panel.set_config(config)
        self._on_settings_changed()

    def load_preset(self, name: str) -> None:
        """Replace the table and the settings with a preset, with fresh weights."""
        preset = get_preset(name)
        try:
            ds = preset.dataset()
        except DataError as exc:
            self.show_error("Cannot load the preset", str(exc))
            return
        self._replace_everything(ds=ds, config=preset.config)
        self._path = None
        self._title_name = f"{preset.name} (preset)"
        self.set_modified(False)
        self.show_status(i18n.fmt(self.tr("Preset: %1. %2"), i18n.translated("presets", preset.title),
                                  i18n.translated("presets", preset.description)), 10000)

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        names = ["x1", "x2", "y"]
        values = np.full((4, 3), np.nan)
        self._replace_everything(table=(names, values, [ROLE_INPUT, ROLE_INPUT, ROLE_TARGET]), config=TrainConfig())
        self._path = None
        self._title_name = "Untitled"
        self.set_modified(False)
        self.show_status(self.tr("New project: type or paste numbers into the table (the last column is the "
                                 "target)."))

    def _replace_everything(self, ds: Dataset | None = None, table=None, config: TrainConfig | None = None,
                            model: Model | None = None, fresh_history: bool = True) -> bool:
        """Replace table, settings and weights in one go (the undo history starts afresh)."""
        self.csv_importer.cancel()  # a CSV still loading must not land on top of this
        self.controller.pause(wait=True)
        with self._bulk():
            if ds is not None:
                self.data_model.set_dataset(ds, "Load data")
            elif table is not None:
                names, values, roles = table
                self.data_model.set_table(names, values, roles, "Load table")
            self.undo_stack.clear()
            if config is not None:
                self.settings_panel.set_config(config)
        self.divergence_banner.hide()
        self._clear_plot()
        self.loss_plot.clear_ghosts()
        self._selected_row = -1
        self._report = None
        self._carry = None
        if model is not None:
            self._carry = {
                "network": model.network(),
                "normalizer": model.normalization,
                "history": model.history() if len(model.history()) else LossHistory(),
                "epoch": model.epochs_done,
            }
            self.controller.clear()
            return self._rebuild(fresh=False)
        self.controller.clear()
        return self._rebuild(fresh=True)

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes: True to go on (saved or discarded), False to cancel."""
        if not self.is_modified():
            return True
        answer = self.ask_save()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def ask_save(self) -> str:
        """'save', 'discard' or 'cancel' (a Save / Discard / Cancel box; tests replace it)."""
        if _testing():
            return "discard"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {self._title_name}?")
        box.setInformativeText("Your changes to the data, the settings or the weights are lost if you don't save.")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        result = box.exec()
        if result == QMessageBox.StandardButton.Save:
            return "save"
        if result == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def check_recovery(self) -> str | None:
        """Offer projects autosaved by sessions that crashed (see :mod:`nngui.files.autosave`)."""
        return check_recovery(self)

    def ask_restore(self, item: Recoverable) -> str:
        """'restore', 'discard' or 'later' for one autosaved project (tests replace it; no dialog in tests)."""
        if _testing():
            return "later"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work?")
        box.setText("nngui did not close normally last time. Restore the unsaved project?")
        box.setInformativeText(item.describe())
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def current_project(self) -> Project:
        """The project as it would be saved (pauses training to read the weights)."""
        self.controller.pause(wait=True)
        t = self.controller.trainer
        model = model_from_trainer(t) if t is not None else None
        view = {
            "log_scale": self.loss_plot.log_scale,
            "speed": SPEEDS[self.speed_slider.value()],
            "selected_row": self._selected_row,
        }
        return Project(self.data_model.names(), self.data_model.roles(), self.data_model.values(),
                       self.settings_panel.config(), model, view)

    def save_project(self, path: str | os.PathLike) -> bool:
        """Write the project file (atomic); False (with a message) when it cannot be written."""
        path = os.fspath(path)
        was_running = self.controller.is_running()
        try:
            project = self.current_project()
            write_project(path, project)
        except (DataError, OSError) as exc:
            self.show_error("Cannot save the project", _os_text(exc, path))
            return False
        finally:
            if was_running:
                self.controller.resume()
        self._path = path
        self._title_name = _display_name(path)
        self.set_modified(False)
        self.add_recent(path)
        self.show_status(f"Saved {path}", 5000)
        return True

    def load_project(self, path: str | os.PathLike) -> bool:
        """Open a project file; on any problem a message and nothing changes."""
        path = os.fspath(path)
        try:
            project = read_project(path)
        except DataError as exc:
            self.show_error("Cannot open the project", str(exc))
            return False
        self._replace_everything(table=(project.names, project.values, project.roles), config=project.config,
                                 model=project.model)
        self._apply_view(project.view)
        self._path = path
        self._title_name = _display_name(path)
        self.set_modified(False)
        self.add_recent(path)
        self.show_status(f"Opened {path}", 5000)
        return True

    def _apply_view(self, view: dict) -> None:
        if not isinstance(view, dict):
            return
        if isinstance(view.get("log_scale"), bool):
            self.log_action.setChecked(view["log_scale"])
        speed = view.get("speed")
        if isinstance(speed, (int, float)) and not isinstance(speed, bool):
            self.set_speed(float(speed))
        row = view.get("selected_row")
        if isinstance(row, int) and 0 <= row < self.prediction_model.rowCount():
            self.prediction_view.select_source_row(row)

    def open_file(self, path: str | os.PathLike) -> bool:
        """Open a project (.nngui.json), a model file (format nngui-model) or a CSV file."""
        path = os.fspath(path)
        if path.lower().endswith((".csv", ".tsv", ".txt")):
            return self.import_csv(path)
        kind = _json_format(path)
        if kind == "nngui-model":
            return self.open_model(path)
        return self.load_project(path)

    def open_model(self, path: str | os.PathLike) -> bool:
        """Open a model file as a new project: its data (if any), settings and weights."""
        path = os.fspath(path)
        try:
            model = load_model(path)
        except ModelFileError as exc:
            self.show_error("Cannot open the model file", str(exc))
            return False
        ok = self._import_model(model, replace_table=True)
        self._path = None
        self._title_name = _display_name(path)
        self.set_modified(False)
        self.add_recent(path)
        return ok

    def import_model(self, path: str | os.PathLike) -> bool:
        """Architecture and weights from a model file; the diagram, settings and predictions follow."""
        path = os.fspath(path)
        try:
            model = load_model(path)
        except ModelFileError as exc:
            self.show_error("Cannot import the weights", str(exc))
            return False
        ok = self._import_model(model, replace_table=False)
        if ok:
            self.set_modified(True)
            self.show_status(f"Imported the weights from {os.path.basename(path)} "
                             f"(epoch {_fmt_int(model.epochs_done)}).", 8000)
        return ok

    def _import_model(self, model: Model, replace_table: bool) -> bool:
        arch = model.architecture
        n_in = len(self.data_model.input_columns())
        fits = (arch.sizes[0] == n_in and self._targets_fit(model))
        table = None
        if replace_table or not fits:
            if model.data is not None:
                X, Y = model.data["inputs"], model.data["targets"]
                names = [*model.input_names, *model.target_names]
                table = (names, np.hstack([X, Y]), [ROLE_INPUT] * len(model.input_names)
                         + [ROLE_TARGET] * len(model.target_names))
            elif replace_table or not fits:
                if not replace_table:
                    self.show_error(
                        "Cannot import the weights",
                        f"The model takes {arch.sizes[0]} inputs and gives {arch.sizes[-1]} outputs, but the table "
                        f"has {n_in} input and {len(self.data_model.target_columns())} target columns, and the "
                        "model file holds no data. Arrange the table's columns to match, then import again.")
                    return False
                names = [*model.input_names, *model.target_names]
                table = (names, np.full((1, len(names)), np.nan), [ROLE_INPUT] * len(model.input_names)
                         + [ROLE_TARGET] * len(model.target_names))
        try:
            config = model.config()
            config.check()
        except ConfigError as exc:
            self.show_error("Cannot import the weights", str(exc))
            return False
        ok = self._replace_everything(table=table, config=config, model=model) if table is not None else \
            self._load_weights_keep_table(config, model)
        if not ok and self._carry is not None:
            # No usable rows yet: show the imported network anyway.
            self.network_view.set_architecture(arch, model.input_names, self._model_output_names(model))
            self.network_view.set_weights(model.layers)
            self._arch = arch
            self.settings_panel.set_io(arch.sizes[0], arch.sizes[-1])
        return True

    def _load_weights_keep_table(self, config: TrainConfig, model: Model) -> bool:
        self.controller.pause(wait=True)
        with self._bulk():
            self.settings_panel.set_config(config)
        self.divergence_banner.hide()
        self._clear_plot()
        self._carry = {
            "network": model.network(),
            "normalizer": model.normalization,
            "history": model.history(),
            "epoch": model.epochs_done,
        }
        self.controller.clear()
        return self._rebuild(fresh=False)

    def _targets_fit(self, model: Model) -> bool:
        n_t = len(self.data_model.target_columns())
        if model.classes is None:
            return n_t == model.architecture.sizes[-1]
        return n_t == 1

    @staticmethod
    def _model_output_names(model: Model) -> list[str]:
        if model.classes is not None:
            label = model.target_names[0] if model.target_names else "class"
            return [f"{label}={format_number(float(c))}" for c in model.classes]
        return list(model.target_names)

    def export_model(self, path: str | os.PathLike) -> bool:
        """Save the network as the core's model file (atomic)."""
        path = os.fspath(path)
        was_running = self.controller.is_running()
        self.controller.pause(wait=True)
        try:
            t = self.controller.trainer
            if t is None:
                self.show_error("Cannot export the weights", self._data_problem or "There is no network yet.")
                return False
            save_model(model_from_trainer(t), path)
        except (ModelFileError, DataError, OSError) as exc:
            self.show_error("Cannot export the weights", _os_text(exc, path))
            return False
        finally:
            if was_running:
                self.controller.resume()
        self.show_status(f"Weights saved to {path}", 5000)
        return True

    def import_csv(self, path: str | os.PathLike, background: bool | None = None) -> bool:
        """Replace the table with a CSV file; False (with a message, nothing changed) when it cannot.

        Files over ``csv_importer.background_bytes`` (2 MB) load on a thread with progress and
        Cancel (True means the load started); see :mod:`nngui.files.csv_loader`.
        """
        return self.csv_importer.import_csv(path, background)

    def export_csv(self, path: str | os.PathLike) -> bool:
        path = os.fspath(path)
        names, values = self.data_model.names(), self.data_model.values()
        roles = self.data_model.roles()
        order = [i for i, r in enumerate(roles) if r == ROLE_INPUT] + [i for i, r in enumerate(roles) if r == ROLE_TARGET]
        try:
            write_csv(path, [names[i] for i in order], values[:, order],
                      comments=[f"nngui table; targets: {', '.join(names[i] for i in order if roles[i] == ROLE_TARGET)}"])
        except (DataError, OSError) as exc:
            self.show_error("Cannot export the CSV file", _os_text(exc, path))
            return False
        self.show_status(f"Table saved to {path}", 5000)
        return True

    def export_predictions(self, path: str | os.PathLike) -> bool:
        """Inputs, targets, predictions and errors (or classes and probabilities) as CSV."""
        path = os.fspath(path)
        rep, ds = self._report, self._dataset
        if rep is None or ds is None or rep.predictions.shape[0] != ds.n_samples:
            self.show_error("Cannot export the predictions", self._data_problem or "There are no predictions yet.")
            return False
        P = np.asarray(rep.predictions, dtype=np.float64)
        names = list(ds.input_names)
        cols = [ds.X]
        if self._classes is not None:
            classes = np.asarray(self._classes)
            label = ds.target_names[0]
            idx = np.argmax(P, axis=1)
            names += [label, "predicted class", "probability"] + [f"p({label}={format_number(float(c))})"
                                                                  for c in classes]
            cols += [ds.Y[:, :1], classes[idx].reshape(-1, 1), P[np.arange(len(P)), idx].reshape(-1, 1), P]
        else:
            for k, t in enumerate(ds.target_names):
                names += [t, f"{t} predicted", f"{t} error"]
                cols += [ds.Y[:, k : k + 1], P[:, k : k + 1], np.abs(P[:, k : k + 1] - ds.Y[:, k : k + 1])]
        names = _unique(names)
        try:
            write_csv(path, names, np.hstack(cols),
                      comments=[f"nngui predictions after epoch {rep.progress.epoch}"])
        except (DataError, OSError) as exc:
            self.show_error("Cannot export the predictions", _os_text(exc, path))
            return False
        self.show_status(f"Predictions saved to {path}", 5000)
        return True

    def export_loss_plot(self, path: str | os.PathLike) -> bool:
        try:
            self.loss_plot.export_png(path)
        except (OSError, ValueError, RuntimeError) as exc:
            self.show_error("Cannot export the loss plot", _os_text(exc, os.fspath(path)))
            return False
        self.show_status(f"Loss plot saved to {os.fspath(path)}", 5000)
        return True

    def export_diagram(self, path: str | os.PathLike) -> bool:
        try:
            self.network_view.export_png(path)
        except (OSError, ValueError, RuntimeError) as exc:
            self.show_error("Cannot export the diagram", _os_text(exc, os.fspath(path)))
            return False
        self.show_status(f"Diagram saved to {os.fspath(path)}", 5000)
        return True

    def export_python(self, path: str | os.PathLike) -> bool:
        """A standalone NumPy script with the table's data and these settings that trains the same network
        from scratch and prints the final loss the app reaches (see :mod:`nngui.files.exports`)."""
        return _export_python(self, path)

    def export_onnx(self, path: str | os.PathLike) -> bool:
        """The current network (weights and normalisation) as an ONNX model; needs the optional onnx package."""
        return _export_onnx(self, path)

    # ------------------------------------------------------------------ file dialogs

    def _dialog_dir(self) -> str:
        if self._path:
            return os.path.dirname(self._path)
        return app_settings().value("lastDir", str(Path.home()))

    def _remember_dir(self, path: str) -> None:
        app_settings().setValue("lastDir", os.path.dirname(path))

    def _open_name(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._dialog_dir(), filters)
        if path:
            self._remember_dir(path)
        return path or None

    def _save_name(self, title: str, filters: str, suggestion: str, suffix: str) -> str | None:
        start = os.path.join(self._dialog_dir(), suggestion)
        path, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        if not path:
            return None
        if suffix and not path.lower().endswith(suffix.lower()):
            path += suffix
        self._remember_dir(path)
        return path

    def _stem(self) -> str:
        name = self._title_name.replace(" (preset)", "")
        for suffix in (PROJECT_SUFFIX, ".json"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        return name or "untitled"

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self._open_name("Open", "nngui files (*.nngui.json *.json *.csv);;Projects (*.nngui.json);;"
                                       "Model files (*.json);;CSV files (*.csv);;All files (*)")
        if path:
            self.open_file(path)

    def save(self) -> bool:
        if self._path:
            return self.save_project(self._path)
        return self.save_as()

    def save_as(self) -> bool:
        path = self._save_name("Save project", "nngui projects (*.nngui.json)", self._stem() + PROJECT_SUFFIX,
                               PROJECT_SUFFIX)
        return self.save_project(path) if path else False

    def import_csv_dialog(self) -> None:
        path = self._open_name("Import CSV", "CSV files (*.csv *.tsv *.txt);;All files (*)")
        if path:
            self.import_csv(path)

    def export_csv_dialog(self) -> None:
        path = self._save_name("Export CSV", "CSV files (*.csv)", self._stem() + ".csv", ".csv")
        if path:
            self.export_csv(path)

    def export_model_dialog(self) -> None:
        path = self._save_name("Export weights", "Model files (*.json)", self._stem() + "-model.json", ".json")
        if path:
            self.export_model(path)

    def import_model_dialog(self) -> None:
        path = self._open_name("Import weights", "Model files (*.json);;All files (*)")
        if path:
            self.import_model(path)

    def export_predictions_dialog(self) -> None:
        path = self._save_name("Export predictions", "CSV files (*.csv)", self._stem() + "-predictions.csv", ".csv")
        if path:
            self.export_predictions(path)

    def export_loss_dialog(self) -> None:
        path = self._save_name("Export loss plot", "PNG images (*.png)", self._stem() + "-loss.png", ".png")
        if path:
            self.export_loss_plot(path)

    def export_diagram_dialog(self) -> None:
        path = self._save_name("Export diagram", "PNG images (*.png)", self._stem() + "-network.png", ".png")
        if path:
            self.export_diagram(path)

    def export_python_dialog(self) -> None:
        path = self._save_name(self.tr("Export as Python script"), self.tr("Python scripts (*.py)"),
                               self._stem().replace("-", "_") + ".py", ".py")
        if path:
            self.export_python(path)

    def export_onnx_dialog(self) -> None:
        path = self._save_name(self.tr("Export to ONNX"), self.tr("ONNX models (*.onnx)"), self._stem() + ".onnx",
                               ".onnx")
        if path:
            self.export_onnx(path)

    # ------------------------------------------------------------------ recent files

    def recent_files(self) -> list[str]:
        value = app_settings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        app_settings().setValue("recentFiles", files[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        if not files:
            a = menu.addAction("(no recent files)")
            a.setEnabled(False)
            return
        for i, path in enumerate(files):
            a = menu.addAction(f"&{i + 1} {os.path.basename(path)}")
            a.setToolTip(path)
            a.setStatusTip(path)
            a.triggered.connect(lambda *_, p=path: self._open_recent(p))
        menu.addSeparator()
        clear = menu.addAction("Clear the list")
        clear.triggered.connect(lambda *_: app_settings().setValue("recentFiles", []))

    def _open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.show_error("Cannot open the file", f"{path} no longer exists.")
            app_settings().setValue("recentFiles", [p for p in self.recent_files() if p != path])
            return
        if self.maybe_save():
            self.open_file(path)

    # ------------------------------------------------------------------ window state

    def save_window_state(self) -> None:
        s = app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/mainSplitter", self.main_splitter.saveState())
        s.setValue("window/leftSplitter", self.left_splitter.saveState())
        s.setValue("window/rightSplitter", self.right_splitter.saveState())
        s.setValue("view/logScale", self.loss_plot.log_scale)
        s.setValue("view/speed", self.speed_slider.value())
        s.sync()

    def _fit_to_screen(self) -> None:
        """Keep a restored (or default) window inside the screen it opens on: a geometry saved on a bigger
        screen, or a projector's 1280x720, must not leave the right-hand views off the screen."""
        if QGuiApplication.platformName() == "offscreen":
            return  # no real screen: sizes are set by the caller (screenshots, tests)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        if self.width() > avail.width() or self.height() > avail.height() or not avail.intersects(self.geometry()):
            self.resize(min(self.width(), avail.width()), min(self.height(), avail.height()))
            self.move(avail.topLeft())

    def restore_window_state(self) -> None:
        s = app_settings()
        self._state_restored = bool(s.value("window/geometry"))
        for key, fn in (("window/geometry", self.restoreGeometry), ("window/state", self.restoreState),
                        ("window/mainSplitter", self.main_splitter.restoreState),
                        ("window/leftSplitter", self.left_splitter.restoreState),
                        ("window/rightSplitter", self.right_splitter.restoreState)):
            value = s.value(key)
            if isinstance(value, (QByteArray, bytes)) and value:
                fn(value)
        self._fit_to_screen()
        palette = s.value("view/palette")
        if palette in PALETTES:
            self.set_palette(str(palette), remember=False)
        log = s.value("view/logScale")
        if log is not None:
            self.log_action.setChecked(str(log).lower() in ("true", "1"))
        speed = s.value("view/speed")
        try:
            if speed is not None:
                self.speed_slider.setValue(int(speed))
        except (TypeError, ValueError):
            pass

    def set_default_splits(self) -> None:
        """Sizes that read well at 1280x720 up to 1600x1000."""
        dock = 330 if self.width() >= 1500 else 290
        self.resizeDocks([self.settings_dock], [dock], Qt.Orientation.Horizontal)
        w = max(800, self.width() - dock)
        self.main_splitter.setSizes([int(w * 0.42), int(w * 0.58)])
        h = max(400, self.main_splitter.height())
        self.left_splitter.setSizes([h // 2, h - h // 2])
        self.right_splitter.setSizes([int(h * 0.56), h - int(h * 0.56)])
        right, bottom = int(w * 0.58), h - int(h * 0.56)
        self.loss_map_splitter.setSizes([max(200, right - bottom), min(bottom, right // 2)])  # a square-ish map

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._state_restored:
                QTimer.singleShot(0, self.set_default_splits)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.maybe_save():
            event.ignore()
            return
        try:
            if self.persist_state:
                self.save_window_state()
        finally:
            self.csv_importer.shutdown()
            self.autosaver.shutdown()  # a normal close: nothing to recover
            self.controller.shutdown()
        event.accept()
        super().closeEvent(event)


def _set_status_text(label: QLabel, text: str, live: bool) -> None:
    """Set a status-bar label without relayouting the window for every report.

    A label whose size may change makes the whole main window lay itself out again
    (about 2 ms, 20 times a second while training), so while training (``live``) the
    label keeps a fixed size that only ever grows; at rest it takes its natural size.
    """
    fixed = label.minimumWidth() == label.maximumWidth()
    if not live:
        if fixed:
            label.setMinimumSize(0, 0)
            label.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        if text != label.text():
            label.setText(text)
        return
    if fixed and text == label.text():
        return
    need = label.fontMetrics().horizontalAdvance(text) + 2 * label.margin() + 6
    if not fixed or need > label.width():
        slack = max(24, need // 4)  # room for a few more digits before the next (rare) relayout
        label.setFixedSize(max(need + slack, label.width() if fixed else 0), label.sizeHint().height())
    label.setText(text)


def _paced(interval: float, cost: float, floor: float) -> float:
    """The next redraw interval: smoothed so one redraw's ``cost`` is at most GUI_BUDGET of it."""
    wanted = min(MAX_VIEW_INTERVAL, max(floor, cost / GUI_BUDGET))
    return 0.7 * interval + 0.3 * wanted


def _set_action_tip(action: QAction, tip: str) -> None:
    """Status tip, and tooltip with the shortcut (e.g. "Train one epoch (Right)")."""
    action.setStatusTip(tip)
    action.setToolTip(tip + (f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                             if not action.shortcut().isEmpty() else ""))


def _safe_check(config: TrainConfig) -> bool:
    try:
        config.check()
    except (ConfigError, TypeError, ValueError):
        return False
    return True


def _display_name(path: str) -> str:
    return os.path.basename(path) or path


def _os_text(exc: Exception, path: str) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, DataError):
        return describe_os_error(exc, path)
    return str(exc)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            n = f"{n} ({seen[n]})"
        else:
            seen[n] = 1
        out.append(n)
    return out


def _json_format(path: str) -> str | None:
    """The "format" field of a JSON file (None when unreadable or not JSON)."""
    try:
        with open(path, "rb") as handle:
            d = json.loads(handle.read(1_000_000_000).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return d.get("format") if isinstance(d, dict) else None
