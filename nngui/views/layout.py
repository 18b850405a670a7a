"""The window's layout: which view sits where, in which splitter or dock, and the sizes it starts with.

Left column: the data table over the predictions. Right column: the network diagram
over the loss plot and the decision map. Docks: the settings, with the Maths and
Evaluate tabs beside them. Banners sit above everything. Building the views here keeps
:mod:`nngui.main_window` to composing and wiring.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nngui.files import evaluation
from nngui.support.i18n import Retranslator, translate
from nngui.views.banners import Banners
from nngui.views.data_hints import DataHints
from nngui.views.data_model import DataTableModel
from nngui.views.data_view import DataTableView
from nngui.views.elided_label import ElidedLabel
from nngui.views.insight import InsightViews
from nngui.views.loss_plot import LossPlot
from nngui.views.map_drawing import MapDrawing
from nngui.views.network_view import NetworkView
from nngui.views.prediction_model import PredictionModel
from nngui.views.prediction_view import PredictionView
from nngui.views.settings_panel import SettingsPanel
from nngui.views.status_bar import ElidingStatusBar, StatusFields
from nngui.views.time_slider import TimeSliderBar


class WindowViews:
    """Every view of the main window, built and placed; attributes name them."""

    def __init__(self, window: QMainWindow, i18n: Retranslator) -> None:
        self._i18n = i18n
        self.data_model = DataTableModel(parent=window)
        self.data_view = DataTableView(self.data_model)
        self.prediction_model = PredictionModel(window)
        self.prediction_view = PredictionView(self.prediction_model)
        self.network_view = NetworkView()
        self.loss_plot = LossPlot()
        # What the network computes (nngui.views.insight): decision map, maths inspector, weight history, runs.
        self.insight = InsightViews(self.network_view, self.loss_plot, window)
        self.decision_map = self.insight.decision_map
        self.inspector = self.insight.inspector
        self.evaluate_view = self.insight.evaluate
        self.evaluate_view.rowsChosen.connect(self.prediction_view.select_source_rows)
        self.evaluate_view.exportRequested.connect(
            lambda part, which, kind: evaluation.export_dialog(window, self.evaluate_view, part, which, kind))
        self.settings_panel = SettingsPanel()
        self._arrow_keys = KeepArrowKeys(window)
        for table in (self.data_view, self.prediction_view):
            table.installEventFilter(self._arrow_keys)
        self.banners = Banners()
        self.data_hints = DataHints()  # "these look like classes", "normalise the inputs"
        window.setStatusBar(ElidingStatusBar())
        self.status = StatusFields(window.statusBar())
        window.statusBar().setObjectName("statusBar")
        self.presenter = None  # set by the window once the toolbar exists (nngui.support.presentation)
        self._build_docks(window)
        self._build_central(window)

    def _build_docks(self, window: QMainWindow) -> None:
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidget(self.settings_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(max(290, self.settings_panel.minimumSizeHint().width() + 24))
        self.settings_dock = self._dock(window, translate("MainWindow", "Network && training"), "settingsDock", scroll)
        self.maths_dock = self._dock(window, translate("MainWindow", "Maths"), "mathsDock", self.inspector)
        window.tabifyDockWidget(self.settings_dock, self.maths_dock)  # a "Maths" tab beside the settings
        self.evaluate_dock = self._dock(window, translate("MainWindow", "Evaluate"), "evaluateDock",
                                        self.evaluate_view)
        window.tabifyDockWidget(self.maths_dock, self.evaluate_dock)  # and an "Evaluate" tab
        self.settings_dock.raise_()
        self.insight.attach_maths_dock(window, self.maths_dock)
        self.insight.attach_evaluate_dock(window, self.evaluate_dock)

    def _dock(self, window: QMainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, window)
        self._i18n.keep(dock, "setWindowTitle", title)
        dock.setObjectName(name)
        dock.setWidget(widget)
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(features.DockWidgetMovable | features.DockWidgetClosable | features.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def _build_central(self, window: QMainWindow) -> None:
        self.accuracy_label = ElidedLabel("")  # "…" and a tooltip when the column is narrow (large text)
        self.accuracy_label.setObjectName("accuracyLabel")
        bold = QFont()  # only the weight: the size follows the application font (projector mode)
        bold.setBold(True)
        self.accuracy_label.setFont(bold)
        data_box, _ = self._box(translate("MainWindow", "Data"), self.data_view, "dataHeader",
                                translate("MainWindow", "edit, paste, right-click a header"),
                                translate("MainWindow", "Type or paste numbers (Ctrl+V from a spreadsheet); right-click a "
                                                 "column header to make it an input or the target, rename, insert "
                                                 "or remove it; Ctrl+Z undoes."))
        pred_box, pred_head = self._box(translate("MainWindow", "Predictions"), self.prediction_view, "predictionHeader",
                                        translate("MainWindow", "select a row to trace it"),
                                        translate("MainWindow", "The network's output for every row, coloured by error; "
                                                         "click a header to sort, select a row to see it in the "
                                                         "diagram."))
        pred_head.addWidget(self.accuracy_label)
        self.left_splitter = _splitter(Qt.Orientation.Vertical, "leftSplitter", data_box, pred_box, (1, 1))

        network_box, self.network_header = self._box(
            translate("MainWindow", "Network"), self.network_view, "networkHeader", translate("MainWindow", "hover for values"),
            translate("MainWindow", "Hover an edge for its weight, a unit for its bias; select a row in Predictions to see "
                             "its activations."))
        loss_box, _ = self._box(translate("MainWindow", "Loss"), self.loss_plot, "lossHeader",
                                translate("MainWindow", "hover for values"),
                                translate("MainWindow", "Training (and validation) loss per epoch; hover for values, Ctrl+L "
                                                 "for a log scale."))
        self.decision_map_box, map_head = self._box(
            translate("MainWindow", "Decision map"), self.decision_map, "decisionMapHeader",
            translate("MainWindow", "hover a unit for its map"),
            translate("MainWindow", "The network's output over the plane of the two inputs, behind the data points; hover "
                             "a unit in the diagram for its own map."))
        # Draw points (click adds a row, right-click removes one), beside the box's title.
        self.map_drawing = MapDrawing(self.decision_map, self.data_model, map_head)
        self.loss_map_splitter = _splitter(Qt.Orientation.Horizontal, "lossMapSplitter", loss_box,
                                           self.decision_map_box)
        self.loss_map_splitter.setChildrenCollapsible(False)
        # Time travel (nngui.views.time_slider): the slider under the loss plot and the decision map.
        self.time_slider = TimeSliderBar(self._i18n)
        self.time_slider.slider.installEventFilter(self._arrow_keys)  # its arrow keys, not the window's Step
        loss_area = QWidget()
        loss_lay = QVBoxLayout(loss_area)
        loss_lay.setContentsMargins(0, 0, 0, 0)
        loss_lay.setSpacing(2)
        loss_lay.addWidget(self.loss_map_splitter, 1)
        loss_lay.addWidget(self.time_slider)
        self.right_splitter = _splitter(Qt.Orientation.Vertical, "rightSplitter", network_box, loss_area, (3, 2))
        self.main_splitter = _splitter(Qt.Orientation.Horizontal, "mainSplitter", self.left_splitter,
                                       self.right_splitter, (2, 3))
        self.main_splitter.setChildrenCollapsible(False)

        central = QWidget()
        central.setObjectName("central")
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(4)
        lay.addWidget(self.banners.divergence)
        lay.addWidget(self.banners.notice)
        lay.addWidget(self.data_hints)
        lay.addWidget(self.main_splitter, 1)
        window.setCentralWidget(central)

    def _box(self, title: str, widget: QWidget, name: str, hint: str, tip: str) -> tuple[QWidget, QHBoxLayout]:
        """``widget`` under a bold title (objectName ``name``) and a grey hint (``name + "Hint"``)."""
        keep = self._i18n.keep
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        label = QLabel(title)
        label.setObjectName(name)
        label.setStyleSheet("font-weight: bold; color: #333;")
        keep(label, "setText", title)
        label.setToolTip(keep(label, "setToolTip", tip))
        head.addWidget(label)
        small = ElidedLabel(hint)
        small.setObjectName(name + "Hint")
        keep(small, "setText", hint)
        small.setToolTip(keep(small, "setToolTip", tip))
        small.setStyleSheet("color: #666;")
        small.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head.addWidget(small, 1)
        lay.addLayout(head)
        lay.addWidget(widget, 1)
        return box, head

    # -- sizes ------------------------------------------------------------------------------------

    def set_default_splits(self, window: QMainWindow) -> None:
        """Sizes that read well at 1280x720 up to 1600x1000."""
        dock = 330 if window.width() >= 1500 else 290
        window.resizeDocks([self.settings_dock], [dock], Qt.Orientation.Horizontal)
        w = max(800, window.width() - dock)
        self.main_splitter.setSizes([int(w * 0.42), int(w * 0.58)])
        h = max(400, self.main_splitter.height())
        self.left_splitter.setSizes([h // 2, h - h // 2])
        self.right_splitter.setSizes([int(h * 0.56), h - int(h * 0.56)])
        right, bottom = int(w * 0.58), h - int(h * 0.56)
        self.loss_map_splitter.setSizes([max(200, right - bottom), min(bottom, right // 2)])  # a square-ish map

    def splitter_states(self) -> dict[str, QByteArray]:
        """``window/<name>`` keys for QSettings."""
        return {f"window/{s.objectName()}": s.saveState() for s in self._splitters()}

    def restore_splitters(self, value_of) -> None:
        """Restore each splitter from ``value_of("window/<name>")`` when it holds a saved state."""
        for s in self._splitters():
            value = value_of(f"window/{s.objectName()}")
            if isinstance(value, (QByteArray, bytes)) and value:
                s.restoreState(value)

    def _splitters(self) -> list[QSplitter]:
        return [self.main_splitter, self.left_splitter, self.right_splitter]


def _splitter(orientation: Qt.Orientation, name: str, first: QWidget, second: QWidget,
              stretch: tuple[int, int] | None = None) -> QSplitter:
    s = QSplitter(orientation)
    s.setObjectName(name)
    s.addWidget(first)
    s.addWidget(second)
    if stretch is not None:
        s.setStretchFactor(0, stretch[0])
        s.setStretchFactor(1, stretch[1])
    return s


class KeepArrowKeys(QObject):
    """The tables keep their Left/Right keys (cell navigation) instead of the window's Step shortcut."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ShortcutOverride and \
                event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return True
        return super().eventFilter(obj, event)
