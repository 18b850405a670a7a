"""The *Evaluate* tab (issue 15): how well the network does, on the training rows and the validation rows side by side.

Every figure comes from :func:`core.metrics.evaluate`, on the predictions of the latest
report (the worker computes them for every table row from the report's weights) split
into the trainer's training and validation rows, against the targets the trainer trains
on (one-hot rows for classes). The view never reads the live network.

- **Figures**: the loss; accuracy (and the AUC for two classes), or RMSE, MAE and R².
- **Confusion matrix** (classification): counts and row percentages
  (:mod:`nngui.views.confusion_model`); a click selects that cell's rows in the prediction
  table (``rowsChosen`` carries their table rows).
- **ROC curve** (two classes), **predicted against target** and **errors** (regression):
  :mod:`nngui.views.evaluate_plots`.

Each part exports as PNG and CSV: ``exportRequested(part, which, kind)`` asks the window
(:mod:`nngui.files.evaluation` asks for a file name and writes it atomically).

Like the maths inspector, the figures are recomputed only while the tab is on screen, at
most every ``interval`` seconds (so that refreshing takes at most ``GUI_BUDGET`` of the GUI
thread's time), and catch up with the latest report when the tab comes to the front.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMenu, QScrollArea, QVBoxLayout, QWidget

from core.losses import get_loss
from core.metrics import Evaluation

from nngui.support import formatting
from nngui.support.i18n import fmt, translate, translated
from nngui.support.palettes import DEFAULT_PALETTE, get_palette
from nngui.views.confusion_model import ConfusionModel, ConfusionView
from nngui.views.accessible_names import name_evaluate
from nngui.views.evaluate_data import SETS, EvalSource, SetResult, evaluate_sets, histogram, histogram_edges
from nngui.views.evaluate_plots import PLOT_MIN_WIDTH, HistogramPlot, RocPlot, ScatterPlot
from nngui.views.evaluate_section import Section, figure_names, figure_text, set_names, short_names

__all__ = ["EvaluateView", "PARTS", "figure_text"]

PARTS = ("figures", "confusion", "roc", "scatter", "histogram")
FIGURES = ("loss", "accuracy", "auc", "rmse", "mae", "r2")
REFRESH_INTERVAL = 0.25  # seconds between refreshes while training (at least) ...
MAX_INTERVAL = 2.0
GUI_BUDGET = 0.05  # ... so that refreshing takes at most this share of the GUI thread's time


class EvaluateView(QWidget):
    """Loss, accuracy and confusion matrix / ROC, or RMSE, MAE, R² and plots, per set (objectName ``evaluateView``)."""

    rowsChosen = Signal(list)  # table rows to select in the prediction table (a confusion-matrix cell)
    exportRequested = Signal(str, str, str)  # part (PARTS), which (SETS; "both" for the figures), "png" / "csv"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluateView")
        self.interval = REFRESH_INTERVAL
        self.refreshes = 0  # how often the figures were computed (tests: no work while hidden)
        self.source: EvalSource | None = None
        self.results: dict[str, SetResult | None] = {"training": None, "validation": None}
        self.edges = np.zeros(0)  # the histograms' shared bin edges
        self._rep = None
        self._drawn = None
        self._last = 0.0
        self._palette = get_palette(DEFAULT_PALETTE)
        self._presentation = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.retranslate()

    # -------------------------------------------------------------- building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("evaluateScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QWidget()
        content.setObjectName("evaluateContent")
        lay = QVBoxLayout(content)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.setSpacing(4)
        self.status = QLabel()
        self.status.setObjectName("evaluateStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.sections: dict[str, Section] = {p: Section(p, self) for p in PARTS}
        lay.addWidget(self.sections["figures"])
        self._build_figures(self.sections["figures"])
        self.confusion_models: dict[str, ConfusionModel] = {}
        self.confusion_views: dict[str, ConfusionView] = {}
        self.plots: dict[str, dict] = {"roc": {}, "scatter": {}, "histogram": {}}  # built when first needed
        for which in SETS:
            model = ConfusionModel(self)
            table = ConfusionView(model)
            table.setObjectName(f"confusion_{which}")
            table.cellChosen.connect(lambda i, j, w=which: self.choose_cell(w, i, j))
            self.confusion_models[which], self.confusion_views[which] = model, table
            self.sections["confusion"].add_pane(which, table, self)
        for part in PARTS[1:]:
            lay.addWidget(self.sections[part])
        lay.addStretch(1)
        self.scroll.setWidget(content)
        self._apply_look()

    def _build_figures(self, section: Section) -> None:
        box = QWidget()
        box.setObjectName("evaluateFigures")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.figure_heads: dict[str, QLabel] = {}
        self.figure_counts: dict[str, QLabel] = {}
        self.figure_names: dict[str, QLabel] = {}
        self.figure_labels: dict[tuple[str, str], QLabel] = {}
        self.rows_name = QLabel()
        self.rows_name.setObjectName("evaluate_name_rows")
        grid.addWidget(self.rows_name, 1, 0)
        for col, which in enumerate(SETS, start=1):
            head = QLabel()
            head.setObjectName(f"evaluate_head_{which}")
            head.setStyleSheet("font-weight: bold;")
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(head, 0, col)
            self.figure_heads[which] = head
            count = QLabel()
            count.setObjectName(f"evaluate_rows_{which}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(count, 1, col)
            self.figure_counts[which] = count
        for r, name in enumerate(FIGURES, start=2):
            label = QLabel()
            label.setObjectName(f"evaluate_name_{name}")
            grid.addWidget(label, r, 0)
            self.figure_names[name] = label
            for col, which in enumerate(SETS, start=1):
                value = QLabel()
                value.setObjectName(f"evaluate_{name}_{which}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(value, r, col)
                self.figure_labels[name, which] = value
        grid.setColumnStretch(0, 1)
        section.body.addWidget(box, 1)
        section.panes["both"] = box
        box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        box.customContextMenuRequested.connect(lambda pos: self.pane_menu("figures", "both", box.mapToGlobal(pos)))

    def retranslate(self) -> None:
        """Every text in the language installed now (called on a language change)."""
        titles = {"figures": translate("EvaluateView", "Figures"),
                  "confusion": translate("EvaluateView", "Confusion matrix"),
                  "roc": translate("EvaluateView", "ROC curve"),
                  "scatter": translate("EvaluateView", "Predicted against target"),
                  "histogram": translate("EvaluateView", "Errors (predicted \u2212 target)")}
        tips = {"figures": translate("EvaluateView", "The loss and how often (or how closely) the network is right, "
                                                     "on the rows it trains on and on the rows held out"),
                "confusion": translate("EvaluateView", "How many rows of each true class (row) the network puts in "
                                                       "each class (column); click a cell to select its rows"),
                "roc": translate("EvaluateView", "True positive rate against false positive rate as the threshold "
                                                 "on the second class's output falls; the area under it is the AUC"),
                "scatter": translate("EvaluateView", "Each output against its target; on the dashed line y = x the "
                                                     "network is exactly right"),
                "histogram": translate("EvaluateView", "How many outputs miss their target by how much")}
        for part, section in self.sections.items():
            section.title.setText(titles[part])
            section.title.setToolTip(tips[part])
            section.export_button.setText(translate("EvaluateView", "Export"))
            section.export_button.setToolTip(translate("EvaluateView", "Save this part as a PNG picture or a CSV "
                                                                       "file"))
        self.sections["confusion"].note.setText(translate("EvaluateView", "Rows: true class. Columns: predicted "
                                                                          "class. Click a cell to select its rows "
                                                                          "in Predictions."))
        for part in self.plots:
            self._label_plots(part)
        self._draw()
        self._show_state()
        name_evaluate(self)  # accessible names (nngui.views.accessible_names)

    def _label_plots(self, part: str) -> None:
        labels = {"roc": (translate("EvaluateView", "false positive rate"),
                          translate("EvaluateView", "true positive rate")),
                  "scatter": (translate("EvaluateView", "target"), translate("EvaluateView", "predicted")),
                  "histogram": (translate("EvaluateView", "error"), translate("EvaluateView", "outputs"))}[part]
        for plot in self.plots[part].values():
            plot.set_labels(*labels)

    def plots_of(self, part: str) -> dict:
        """The training and validation plots of ``part`` ("roc", "scatter", "histogram"), built on first use
        (six pyqtgraph plots cost about 0.1 s: the window does not pay for them at start-up)."""
        plots = self.plots[part]
        if not plots:
            kind = {"roc": RocPlot, "scatter": ScatterPlot, "histogram": HistogramPlot}[part]
            colours = {"training": self._palette.training, "validation": self._palette.validation}
            for which in SETS:
                plots[which] = kind(f"evaluate_{part}_{which}_plot")
                plots[which].set_look(colours[which], self._presentation)
                self.sections[part].add_pane(which, plots[which], self)
            self._label_plots(part)
            name_evaluate(self)
        return plots

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -------------------------------------------------------------- inputs
    def set_source(self, source: EvalSource | None) -> None:
        """A new trainer's rows and targets (None: no usable data); the figures wait for its next report."""
        self.source = source
        self._rep = self._drawn = None
        self.results = {"training": None, "validation": None}
        self.edges = np.zeros(0)
        self._draw()
        self._show_state()

    def set_trainer(self, trainer, output_names=()) -> None:
        """A new trainer (call while it is idle)."""
        self.set_source(EvalSource.from_trainer(trainer, output_names))

    def clear(self) -> None:
        self.set_source(None)

    def on_screen(self) -> bool:
        """Shown, and not behind another tab (a tabbed-away dock stays "visible" in Qt; its region is empty)."""
        return self.isVisible() and not self.scroll.widget().visibleRegion().isEmpty()

    def set_report(self, rep) -> None:
        """The latest report: computed now or soon (at most every ``interval`` s) when on screen, else when shown."""
        self._rep = rep
        if not self.on_screen():
            return
        wait = self.interval - (time.monotonic() - self._last)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def catch_up(self, if_on_screen: bool = False) -> None:
        """Refresh soon if a newer report came while the tab was not on screen; ``if_on_screen``: only if the
        tab is on screen by then (a dock tabbed away is "shown" with the window, laid out a moment later)."""
        if self._rep is not None and self._rep is not self._drawn:
            QTimer.singleShot(0, self, self._refresh_on_screen if if_on_screen else self.refresh)

    def _refresh_on_screen(self) -> None:
        if self.on_screen():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # Shown with the window behind the settings tab, the tab waits for the dock's visibilityChanged
        # (its plots cost ~40 ms before the first paint otherwise: docs/performance.md, issue 17).
        self.catch_up(if_on_screen=True)

    @property
    def drawn_report(self):
        """The report whose figures the tab shows (None when none yet)."""
        return self._drawn

    # -------------------------------------------------------------- computing
    def refresh(self) -> bool:
        """Compute the figures of the latest report for both sets and draw them; False when there is nothing to do."""
        self._timer.stop()
        rep, s = self._rep, self.source
        if rep is None or s is None:
            return False
        t0 = time.perf_counter()
        results = evaluate_sets(rep.predictions, s)
        if results is None:
            return False  # a report of other data: the next one fits
        self._last = time.monotonic()
        self.results = results
        self.edges = self._shared_edges()
        self._drawn = rep
        self.refreshes += 1
        self._draw()
        self._show_state()
        cost = time.perf_counter() - t0
        self.interval = min(MAX_INTERVAL, max(REFRESH_INTERVAL, 0.7 * self.interval + 0.3 * cost / GUI_BUDGET))
        return True

    def _shared_edges(self) -> np.ndarray:
        done = [r for r in self.results.values() if r is not None and not r.evaluation.is_classification]
        return histogram_edges(*[r.P - r.Y for r in done]) if done else np.zeros(0)

    def result(self, which: str) -> Evaluation | None:
        """The figures shown for ``which`` ("training" / "validation"); None before a report or without rows."""
        r = self.results.get(which)
        return None if r is None else r.evaluation

    def set_result(self, which: str) -> SetResult | None:
        """``which``'s figures with the rows, outputs and targets they come from."""
        return self.results.get(which)

    def histogram(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """(bin edges, counts) of ``which``'s errors, in the bins both sets share."""
        return histogram(self.results.get(which), self.edges)

    def rows_of_cell(self, which: str, true: int, predicted: int) -> list[int]:
        """The table rows of ``which`` whose true class is ``true`` and predicted class ``predicted``."""
        r = self.results.get(which)
        if r is None or not r.evaluation.is_classification:
            return []
        ev = r.evaluation
        mask = (ev.true_class == true) & (ev.predicted_class == predicted)
        return [int(i) for i in r.rows[mask]]

    def choose_cell(self, which: str, true: int, predicted: int) -> list[int]:
        """Select the rows of one confusion-matrix cell in the prediction table (``rowsChosen``)."""
        rows = self.rows_of_cell(which, true, predicted)
        self.rowsChosen.emit(rows)
        return rows

    # -------------------------------------------------------------- drawing
    def kind(self) -> str:
        """"classification", "regression" or "" (nothing to show yet)."""
        ev = self.result("training") or self.result("validation")
        if ev is None:
            return ""
        return "classification" if ev.is_classification else "regression"

    def _show_state(self) -> None:
        """Which sections and panes are shown, and the line at the top."""
        s, kind = self.source, self.kind()
        for which, name in short_names().items():
            self.figure_heads[which].setText(name)
        self.rows_name.setText(translate("EvaluateView", "Rows"))
        for which in SETS:
            self.figure_counts[which].setText(formatting.integer(0 if s is None else len(s.rows[which])))
        has_val = s is not None and len(s.rows["validation"]) > 0
        if s is None:
            text = translate("EvaluateView", "No usable data yet: the figures appear once the table and the settings "
                                             "make a network.")
        elif self._drawn is None:
            text = translate("EvaluateView", "Waiting for the first report of this network.")
        else:
            text = fmt(translate("EvaluateView", "Weights of epoch %1."), formatting.integer(self._drawn.progress.epoch))
            if not has_val:
                text += " " + translate("EvaluateView", "No rows are held out for validation: set a validation share "
                                                        "in the settings to see how the network does on rows it "
                                                        "never trains on.")
        self.status.setText(text)
        classification, two = kind == "classification", False
        if classification:
            ev = self.result("training") or self.result("validation")
            two = len(ev.classes) == 2
        shown = {"figures": s is not None, "confusion": classification, "roc": classification and two,
                 "scatter": kind == "regression", "histogram": kind == "regression"}
        for part, section in self.sections.items():
            section.setVisible(shown[part])
            for which, pane in section.panes.items():
                if which in SETS:
                    pane.setVisible(which == "training" or has_val)
        self.sections["confusion"].note.setVisible(classification)
        for name in FIGURES:
            applies = {"loss": True, "accuracy": classification, "auc": two, "rmse": kind == "regression",
                       "mae": kind == "regression", "r2": kind == "regression"}[name]
            for w in (self.figure_names[name], *(self.figure_labels[name, which] for which in SETS)):
                w.setVisible(applies)

    def _draw(self) -> None:
        s = self.source
        names = figure_names()
        for name, label in self.figure_names.items():
            label.setText(names[name])
        if s is not None:
            self.figure_names["loss"].setToolTip(fmt(translate("EvaluateView", "%1, as training computes it"),
                                                     translated("core", get_loss(s.loss).label)))
        shorts = short_names()
        for which in SETS:
            r = self.results[which]
            ev = None if r is None else r.evaluation
            for name in FIGURES:
                value = None if ev is None else getattr(ev, name)
                text = figure_text(name, value) if ev is not None else formatting.DASH
                self.figure_labels[name, which].setText(text)
            labels = [formatting.exact(c) for c in ev.classes] if ev is not None and ev.classes else []
            self.confusion_models[which].set_matrix(None if ev is None else ev.confusion, labels)
            self.confusion_views[which].updateGeometry()
            self.confusion_views[which].resizeColumnsToContents()
            count = formatting.integer(0 if r is None else len(r.rows))
            accuracy = "" if ev is None or ev.accuracy is None else figure_text("accuracy", ev.accuracy)
            captions = {
                "confusion": fmt(translate("EvaluateView", "%1 (%2): accuracy %3"), shorts[which], count, accuracy),
                "roc": fmt(translate("EvaluateView", "%1: AUC %2"), shorts[which],
                           formatting.short(ev.auc) if ev is not None and ev.auc is not None else formatting.DASH),
                "scatter": fmt(translate("EvaluateView", "%1: R\u00b2 %2"), shorts[which],
                               formatting.short(ev.r2) if ev is not None and ev.r2 is not None else formatting.DASH),
                "histogram": fmt(translate("EvaluateView", "%1: MAE %2"), shorts[which],
                                 formatting.short(ev.mae) if ev is not None and ev.mae is not None else formatting.DASH),
            }
            self._draw_plots(which, r)  # builds the plots' panes when first needed
            for part, text in captions.items():
                caption = self.sections[part].captions.get(which)
                if caption is not None:
                    caption.setText(text)
        self.arrange()

    def _draw_plots(self, which: str, r: SetResult | None) -> None:
        """The ROC curve (two classes) or the scatter and histogram (regression) of one set; parts that do not
        apply are emptied (hidden, and never built when never needed)."""
        ev = None if r is None else r.evaluation
        if ev is not None and ev.roc is not None:
            self.plots_of("roc")[which].show_curve(ev.roc.fpr, ev.roc.tpr)
        elif self.plots["roc"]:
            self.plots["roc"][which].show_curve(None, None)
        if ev is not None and not ev.is_classification:
            self.plots_of("scatter")[which].show_points(r.Y, r.P)
            self.plots_of("histogram")[which].show_counts(*self.histogram(which))
        elif self.plots["scatter"]:
            self.plots["scatter"][which].show_points(np.zeros(0), np.zeros(0))
            self.plots["histogram"][which].show_counts(np.zeros(0), np.zeros(0))

    # -------------------------------------------------------------- looks
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        """Training and validation side by side when both fit the tab's width, else one under the other."""
        margins = self.scroll.widget().layout().contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right()
        for part, section in self.sections.items():
            if part == "figures":
                continue
            if part == "confusion":
                need = max(v.sizeHint().width() for v in self.confusion_views.values())
            else:
                need = PLOT_MIN_WIDTH[self._presentation]
            section.set_stacked(2 * need + section.body.spacing() > room)

    def set_palette(self, name: str) -> None:
        """The sets in the loss plot's training / validation colours; the matrices in the diagram's two colours."""
        self._palette = get_palette(name)
        for model in self.confusion_models.values():
            model.set_palette(name)
        self._apply_look()

    def set_presentation(self, on: bool) -> None:
        """Projector mode: bigger plots, ticks and points, thicker lines (the labels follow the application font)."""
        self._presentation = bool(on)
        self._apply_look()

    def _apply_look(self) -> None:
        colours = {"training": self._palette.training, "validation": self._palette.validation}
        for plots in self.plots.values():
            for which, plot in plots.items():
                plot.set_look(colours[which], self._presentation)
        self.arrange()

    # -------------------------------------------------------------- export
    def has_part(self, part: str, which: str) -> bool:
        """True when ``part`` of ``which`` has something to export."""
        if part == "figures":
            return any(r is not None for r in self.results.values())
        r = self.results.get(which)
        if r is None:
            return False
        ev = r.evaluation
        return {"confusion": ev.is_classification, "roc": ev.roc is not None,
                "scatter": not ev.is_classification, "histogram": not ev.is_classification}[part]

    def picture(self, part: str, which: str) -> QImage:
        """The part as shown (its caption over the table or plot; the figures: the whole grid), as an image."""
        pane = self.sections[part].panes["both" if part == "figures" else which]
        return pane.grab().toImage()

    def fill_export_menu(self, menu: QMenu, part: str) -> None:
        """The Export button's menu of ``part``: PNG and CSV of each set that has the part."""
        menu.clear()
        names = set_names()
        if part == "figures":
            choices = [("both", translate("EvaluateView", "Save as PNG picture\u2026"),
                        translate("EvaluateView", "Save as CSV file\u2026"))]
        else:
            choices = [(w, fmt(translate("EvaluateView", "%1 as PNG picture\u2026"), names[w]),
                        fmt(translate("EvaluateView", "%1 as CSV file\u2026"), names[w])) for w in SETS]
        for which, png, csv in choices:
            for kind, text in (("png", png), ("csv", csv)):
                action = menu.addAction(text)
                action.setObjectName(f"export_{part}_{which}_{kind}")
                action.setEnabled(self.has_part(part, which))
                action.triggered.connect(lambda *_, w=which, k=kind: self.exportRequested.emit(part, w, k))

    def pane_menu(self, part: str, which: str, where: QPoint) -> QMenu:
        """The right-click menu of one pane: save it as PNG or CSV."""
        menu = QMenu(self)
        menu.setObjectName("evaluatePaneMenu")
        for kind, text in (("png", translate("EvaluateView", "Save as PNG picture\u2026")),
                           ("csv", translate("EvaluateView", "Save as CSV file\u2026"))):
            action = menu.addAction(text)
            action.setObjectName(f"export_{part}_{which}_{kind}")
            action.setEnabled(self.has_part(part, which))
            action.triggered.connect(lambda *_, k=kind: self.exportRequested.emit(part, which, k))
        menu.popup(where)
        return menu
