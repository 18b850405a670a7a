"""The decision map: the network's output over the plane of its two inputs, behind the data points.

For data with exactly two inputs the plane (the data's range plus a margin) is cut into
a ``GRID`` x ``GRID`` grid; :func:`core.inspect.plane_map` evaluates the report's weights
there (through the core's ``Network.forward``, inputs normalised as the trainer does)
and every cell is coloured by the output:

- softmax over classes: one colour per class, blended by the predicted probabilities;
- one sigmoid output: a diverging map, the palette's negative hue at 0, white at 0.5,
  its positive hue at 1;
- any other output (linear, tanh, ...): the same diverging map around the middle of
  the targets' range.

The data points are drawn on top in their target's colour (the colours: :mod:`nngui.views.map_colours`).
The map redraws at most every ``interval`` seconds (10 a second, fewer for big networks: redraws take
at most 5 % of the GUI thread; up to 40 a second for a run in a child process, whose reports bring
the grid evaluated by the training thread), always ending on the latest report, and not at all while
it is hidden (it catches up when shown).

Hovering a unit of the network diagram shows that unit's own map (its activation over
the same plane) in a small popup, objectName ``unitMapPopup``.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from core import inspect as ins
from core.features import width as feature_width

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.views.elided_label import ElidedLabel
from nngui.views.hover_popup import HoverPopup
from nngui.views.map_colours import (BACKGROUND_STRENGTH, EXTRA_CLASS_COLOURS, KIND_CLASSES,  # noqa: F401 (re-exported)
                                     KIND_PROBABILITY, KIND_VALUE, MapStyle, class_colours, diverging, lighten,
                                     rgba_image, to_rgba8, unit_rgba)
from nngui.views.map_points import hollow_note, validation_points
from nngui.support.palettes import DEFAULT_PALETTE, get_palette

GRID = ins.GRID
UNIT_GRID = ins.UNIT_GRID
REDRAW_INTERVAL, MAX_INTERVAL = 0.1, 0.5  # seconds: 2 to 10 redraws a second while training, as they cost
GUI_BUDGET = 0.05  # share of the GUI thread's time redraws may take (they hold the GIL the trainer needs)
DETACHED_INTERVAL, DETACHED_BUDGET = 1.0 / 40.0, 0.5  # ... when the run trains in a child process (W6)
POPUP_SIZE = 168
# Normal and projector mode: tick labels (pt), axis names, data points (px).
TICK_PT = {False: 9, True: 14}
LABEL_SIZE = {False: "9pt", True: "14pt"}
POINT_PX = {False: 8, True: 11}
MAX_POINTS = 4000  # data points drawn at most (an even sample of a bigger table)


class UnitMapPopup(HoverPopup):
    """A tool-tip window with one unit's map (objectName ``unitMapPopup``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("unitMapPopup", parent)
        self.unit: tuple[int, int] | None = None
        self.values = np.zeros((0, 0))
        self.size_px = POPUP_SIZE
        self.image = self.picture
        self.image.setObjectName("unitMapImage")
        self.title.setObjectName("unitMapTitle")
        self.caption.setObjectName("unitMapCaption")

    def set_map(self, unit: tuple[int, int], title: str, values: np.ndarray, rgba: np.ndarray,
                points: np.ndarray, point_rgba: np.ndarray, caption: str) -> None:
        """``values``/``rgba`` are (ny, nx[, 4]) with row 0 at the lowest y; ``points`` in 0..1 plane units."""
        self.unit = unit
        self.values = values
        self.title.setText(title)
        self.caption.setText(caption)
        size = self.size_px
        img = rgba_image(rgba[::-1]).scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
        img = img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(48, 48, 48, 200), 0.8))
        r = 2.6 if size < 220 else 3.5
        for (u, v), c in zip(points, point_rgba):
            p.setBrush(QColor(int(c[0]), int(c[1]), int(c[2])))
            p.drawEllipse(QPointF(u * size, (1.0 - v) * size), r, r)
        p.setPen(QPen(QColor("#9a9a9a"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
        p.end()
        self.image.setPixmap(QPixmap.fromImage(img))
        self.adjustSize()


# ---------------------------------------------------------------------------------- the map


class DecisionMap(QWidget):
    """The output over the input plane behind the data (objectName ``decisionMap``).

    ``applicableChanged(bool)`` says whether the data has exactly two inputs (emitted when that changes).
    """

    applicableChanged = Signal(bool)
    changed = Signal()  # new data, a new trainer or new colours (map_drawing follows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionMap")
        self.interval = REDRAW_INTERVAL
        self.show_validation = True  # validation rows drawn (hollow); View > Show validation points
        self.discrete = False  # each cell in the colour of its class; View > Discretise output
        self._palette = get_palette(DEFAULT_PALETTE)
        self._presentation = False
        self.session: ins.Session | None = None
        self.bounds: ins.Bounds | None = None
        self.style_: MapStyle | None = None
        self._output_activation = "sigmoid"
        self._output_names: list[str] = []
        self._applicable: bool | None = None
        self._rep = None
        self._drawn_rep = None
        self._net = None
        self._unit_cache: tuple[object, ins.PlaneMap] | None = None
        self._last = 0.0
        self.redraws = 0
        self.plane: ins.PlaneMap | None = None
        self.rgba = np.zeros((0, 0, 4), dtype=np.uint8)
        self.point_rgba = np.zeros((0, 4), dtype=np.uint8)
        self.shown_points = np.zeros(0, dtype=np.int64)
        self.drawn_points = self.hollow_points = np.zeros(0, dtype=np.int64)  # of shown_points: drawn, hollow
        self._view = None
        self.popup = UnitMapPopup(self)
        self.popup.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._build()

    @property
    def drawn_report(self):
        """The report the map shows now (None before the first drawing)."""
        return self._drawn_rep

    # -------------------------------------------------------------- building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        self.legend = QLabel()
        self.legend.setObjectName("decisionMapLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # its entries on two lines rather than a wider window (large text)
        self.readout = ElidedLabel()
        self.readout.setObjectName("decisionMapReadout")
        self.readout.setStyleSheet("color: #444444;")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.output_combo = QComboBox()
        self.output_combo.setObjectName("decisionMapOutputCombo")
        self.output_combo.setToolTip(translate("DecisionMap", "Which output the map shows"))
        self.output_combo.hide()
        self.output_combo.currentIndexChanged.connect(self._on_output_chosen)
        head.addWidget(self.legend, 1)  # the room goes to the legend: it wraps only when the map is narrow
        head.addWidget(self.output_combo)
        head.addWidget(self.readout)
        lay.addLayout(head)

        self.stack = QStackedWidget()
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("decisionMapPlot")
        pi = self.plot.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(False, False)
        pi.getViewBox().setDefaultPadding(0.0)
        for name in ("bottom", "left"):
            pi.getAxis(name).enableAutoSIPrefix(False)
        self._style_axes()
        self.image_item = pg.ImageItem()
        self.image_item.setZValue(0)
        pi.addItem(self.image_item)
        self.points_item = pg.ScatterPlotItem(size=8, pen=pg.mkPen(40, 40, 40, 220, width=1))
        self.points_item.setZValue(10)
        pi.addItem(self.points_item)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("decisionMapPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #555555; background: #f6f6f6; border: 1px dashed #bbbbbb;"
                                       " padding: 16px;")
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.placeholder)
        lay.addWidget(self.stack, 1)
        self._show_placeholder(lambda: translate("DecisionMap", "No data yet: load a preset or type a table with two "
                                                                "input columns."))

    def follow(self, view) -> None:
        """Show a unit's own map when the mouse is on it in ``view`` (a NetworkView)."""
        self._view = view
        view.unitHovered.connect(self._on_unit_hovered)

    # -------------------------------------------------------------- state
    @property
    def applicable(self) -> bool:
        return bool(self._applicable)

    def is_placeholder(self) -> bool:
        return self.stack.currentWidget() is self.placeholder

    def placeholder_text(self) -> str:
        return self.placeholder.text()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A language switch: the tooltip and the placeholder in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "placeholder"):
            self.output_combo.setToolTip(translate("DecisionMap", "Which output the map shows"))
            if self.is_placeholder() and self._placeholder is not None:
                self.placeholder.setText(self._placeholder())

    def _show_placeholder(self, text) -> None:
        """``text``: a function giving the text in the language of the moment."""
        self._placeholder = text
        self.placeholder.setText(text())
        self.stack.setCurrentWidget(self.placeholder)
        self.legend.setText("")
        self.readout.setText("")
        self.output_combo.hide()
        self.popup.hide()

    def set_session(self, session: ins.Session | None, output_activation: str = "sigmoid",
                    output_names: list[str] | None = None) -> None:
        """The data and how it is trained (from the trainer, while idle); None: no usable data."""
        self.session = session
        self._output_activation = output_activation
        self._output_names = list(output_names or [])
        self._rep = self._drawn_rep = self._net = None
        self._unit_cache = None
        self.plane = None
        applicable = session is not None and session.n_inputs == 2
        if session is None:
            self._show_placeholder(lambda: translate("DecisionMap", "No usable data yet: the decision map appears "
                                                                    "when the table can be trained on."))
        elif not applicable:
            n = session.n_inputs
            self._show_placeholder(lambda: _needs_two_inputs(n))
        else:
            self.bounds = ins.plane_bounds(session.X)
            self._setup_outputs()
            self._restyle()
            self.stack.setCurrentWidget(self.plot)
            self._axis_labels()
            b = self.bounds
            self.plot.getPlotItem().getViewBox().setRange(xRange=(b.x0, b.x1), yRange=(b.y0, b.y1), padding=0.0)
            self.image_item.clear()
        if applicable != self._applicable:
            self._applicable = applicable
            self.applicableChanged.emit(applicable)
        self.changed.emit()

    def _axis_labels(self) -> None:
        pi = self.plot.getPlotItem()
        names = self.session.dataset.input_names
        size = LABEL_SIZE[self._presentation]
        pi.setLabel("bottom", names[0], **{"font-size": size})
        pi.setLabel("left", names[1], **{"font-size": size})

    def _style_axes(self) -> None:
        """Tick labels at the mode's size (set, not inherited: the application font changes in projector mode)."""
        font = QFont()
        font.setPointSize(TICK_PT[self._presentation])
        for name in ("bottom", "left"):
            self.plot.getPlotItem().getAxis(name).setTickFont(font)

    def _setup_outputs(self) -> None:
        k = self.session.n_outputs
        multi = k > 1 and self._output_activation != "softmax"
        combo = self.output_combo
        combo.blockSignals(True)
        combo.clear()
        if multi:
            names = self._output_names if len(self._output_names) == k else [f"y{c + 1}" for c in range(k)]
            combo.addItems(names)
        combo.blockSignals(False)
        combo.setVisible(multi)

    def _on_output_chosen(self, _index: int) -> None:
        self._restyle()
        self.refresh()

    def _restyle(self) -> None:
        """Colours of the points and the legend for the current palette and output."""
        s = self.session
        if s is None or s.n_inputs != 2:
            return
        out = max(0, self.output_combo.currentIndex()) if not self.output_combo.isHidden() else 0
        self.style_ = st = MapStyle.for_session(s, self._output_activation, self._palette, out)
        self.point_rgba = st.target_rgba(s.dataset.Y, s.class_index())
        # A big table shows an even sample of its rows: a scatter of 1M points would freeze the window.
        n = s.X.shape[0]
        self.shown_points = np.unique(np.linspace(0, n - 1, MAX_POINTS).astype(np.int64)) if n > MAX_POINTS \
            else np.arange(n)
        # Validation rows are drawn hollow (or not at all when View > Show validation points is off).
        self.drawn_points, self.hollow_points, brushes, pens = validation_points(
            self.shown_points, s.train_rows, self.point_rgba, self.show_validation)
        pts = s.X[self.drawn_points]
        self.points_item.setData(x=pts[:, 0], y=pts[:, 1], brush=brushes, pen=pens, size=POINT_PX[self._presentation])
        self.legend.setText(self._legend_html(st) + (f"&nbsp; <span style='color: #666666;'>"
                                                     + fmt(translate("DecisionMap", "(%1 of %2 points shown)"),
                                                           f"{self.shown_points.size:,}", f"{n:,}") + "</span>"
                                                     if n > MAX_POINTS else "") + hollow_note(self.hollow_points.size))
        self.changed.emit()

    def _legend_html(self, st: MapStyle) -> str:
        def chip(rgb) -> str:
            r, g, b = (int(round(c)) for c in rgb)
            return f'<span style="color: rgb({r},{g},{b}); font-size: large;">\u25a0</span>'

        if st.kind == KIND_CLASSES:
            names = self._output_names if len(self._output_names) == st.k else [_class_name(c) for c in range(st.k)]
            return "&nbsp; ".join(f"{chip(c)}&nbsp;{n}" for c, n in zip(st.colours, names))  # may wrap between
        lo, hi = st.centre - st.half, st.centre + st.half
        neg, pos = diverging(np.array(-1.0), self._palette), diverging(np.array(1.0), self._palette)
        name = ""
        if self._output_names:
            name = self._output_names[min(st.output, len(self._output_names) - 1)] + ": "
        return (f"{name}{chip(neg)}&nbsp;{lo:.3g} &nbsp;\u2190&nbsp;{st.centre:.3g}&nbsp;\u2192&nbsp; "
                f"{chip(pos)}&nbsp;{hi:.3g}")

    # -------------------------------------------------------------- reports
    def set_report(self, rep) -> None:
        """Take the latest report; redraw now or soon (at most every ``interval`` s), or when shown."""
        self._rep = rep
        hidden = self.visibleRegion().isEmpty() and self._drawn_rep is not None  # (just shown: draw the first one)
        if not self.isVisible() or hidden or self.session is None or not self._applicable:
            return
        wait = self.interval - (time.monotonic() - self._last)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._rep is not None and self._rep is not self._drawn_rep:
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> bool:
        """Evaluate the latest report's network on the grid and redraw; False when there is nothing to draw."""
        self._timer.stop()
        rep, s = self._rep, self.session
        if rep is None or s is None or not self._applicable or self.style_ is None:
            return False
        arch = rep.architecture
        if arch.sizes[0] != feature_width(s.features, 2) or arch.sizes[-1] != s.n_outputs:
            return False  # evaluated over the two raw inputs, expanded by the trainer's features
        t0 = time.perf_counter()
        self._last = time.monotonic()
        net = ins.network(arch, rep.layers)
        self.plane = ins.plane_map_of(getattr(rep, "plane", None), net, s, self.bounds, GRID)  # (the worker's)
        self.rgba = self.style_.map_rgba(self.plane.output, self.discrete)
        b = self.bounds
        # ImageItem's default axis order is (x, y): transpose the (y, x) grid.
        self.image_item.setImage(np.ascontiguousarray(self.rgba.transpose(1, 0, 2)), autoLevels=False)
        self.image_item.setRect(QRectF(b.x0, b.y0, b.width, b.height))
        self._net, self._drawn_rep = net, rep
        self._unit_cache = None
        self.redraws += 1
        # Space redraws so they take at most GUI_BUDGET of the time (a big network costs ~10 ms a redraw).
        cost = time.perf_counter() - t0
        floor, budget = ((DETACHED_INTERVAL, DETACHED_BUDGET) if getattr(rep, "detached", False)  # (a frame: no report)
                         else (REDRAW_INTERVAL, GUI_BUDGET))
        self.interval = min(MAX_INTERVAL, max(floor, 0.7 * self.interval + 0.3 * cost / budget))
        if self.popup.isVisible() and self.popup.unit is not None:
            self.show_unit(*self.popup.unit)
        return True

    def value_at(self, x: float, y: float) -> np.ndarray | None:
        """The output the map shows at (x, y): that of the grid cell containing the point."""
        if self.plane is None:
            return None
        b, n = self.bounds, self.plane.xs.size
        i = int(np.clip((x - b.x0) / b.width * n, 0, n - 1))
        j = int(np.clip((y - b.y0) / b.height * self.plane.ys.size, 0, self.plane.ys.size - 1))
        return self.plane.output[j, i]

    def _on_mouse_moved(self, scene_pos) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if self.plane is not None:
            p, inside = vb.mapSceneToView(scene_pos), vb.sceneBoundingRect().contains(scene_pos)
            self.readout.setText(self.text_at(p.x(), p.y()) if inside else "")

    def text_at(self, x: float, y: float) -> str:
        """The read-out for the point (x, y): "(0.5, -1) → class 1 (93 %)" ('' before the first drawing)."""
        if (out := self.value_at(x, y)) is None or (st := self.style_) is None:
            return ""
        if st.kind == KIND_CLASSES:
            c = int(np.argmax(out))
            names = self._output_names if len(self._output_names) == st.k else [_class_name(k) for k in range(st.k)]
            what = f"{names[c]} ({out[c] * 100:.0f} %)"
        else:
            what = formatting.weight(float(out[st.output]))
        return f"({formatting.weight(x)}, {formatting.weight(y)}) \u2192 {what}"

    # -------------------------------------------------------------- look
    def set_show_validation(self, on: bool) -> None:
        """Draw the validation rows (hollow) or leave them out."""
        self.show_validation = bool(on)
        self._restyle()

    def set_discrete(self, on: bool) -> None:
        """Colour each cell by its predicted class only (no blending by probability)."""
        self.discrete = bool(on)
        self.refresh()

    def set_palette(self, name: str) -> None:
        self._palette = get_palette(name)
        self._restyle()
        self.refresh()

    def set_presentation(self, on: bool) -> None:
        self._presentation = bool(on)
        self.popup.size_px = int(POPUP_SIZE * (1.5 if on else 1.0))
        self._style_axes()
        if self.session is not None and self._applicable:
            self._axis_labels()
            self._restyle()

    # -------------------------------------------------------------- unit popup
    def _on_unit_hovered(self, layer: int, unit: int) -> None:
        if layer < 1:
            self.popup.hide()
            return
        if self.show_unit(layer, unit):
            self.popup.place(QCursor.pos())
            self.popup.show()
            self.popup.raise_()

    def unit_plane(self) -> ins.PlaneMap | None:
        """Every layer over a coarser grid, for the unit popups (cached per drawn report)."""
        if self._net is None or self.bounds is None:
            return None
        if self._unit_cache is None or self._unit_cache[0] is not self._drawn_rep:
            self._unit_cache = (self._drawn_rep, ins.plane_map(self._net, self.session, self.bounds, UNIT_GRID))
        return self._unit_cache[1]

    def show_unit(self, layer: int, unit: int) -> bool:
        """Fill the popup with unit ``unit`` of layer ``layer`` (1 = first hidden); False when not possible."""
        if not self._applicable:
            return False
        if self._rep is not None and self._drawn_rep is not self._rep:
            self.refresh()  # the map itself may be hidden (or not due yet): the popup wants the latest weights
        pm = self.unit_plane()
        if pm is None or not (1 <= layer < len(pm.layers)) or not (0 <= unit < pm.layers[layer].shape[2]):
            return False
        arch = self._net.arch
        act = arch.activations[layer - 1]
        values = pm.unit(layer, unit)
        colour = None
        if act == "softmax" and self.style_ is not None and self.style_.colours is not None:
            colour = self.style_.colours[unit % len(self.style_.colours)]
        rgba = unit_rgba(values, act, self._palette, colour)
        name = self._view.unit_name(layer, unit) if self._view is not None else \
            fmt(translate("DecisionMap", "unit %1"), unit + 1)
        role = translate("DecisionMap", "output") if layer == arch.n_layers else \
            fmt(translate("DecisionMap", "hidden layer %1"), layer)
        b = self.bounds
        X = self.session.X[self.shown_points]
        pts = np.column_stack([(X[:, 0] - b.x0) / b.width, (X[:, 1] - b.y0) / b.height])
        fin = values[np.isfinite(values)]
        rng = f"{formatting.weight(float(fin.min()))} \u2026 {formatting.weight(float(fin.max()))}" if fin.size else "\u2014"
        self.popup.set_map((layer, unit), f"{name}  ({role}, {act})", values, rgba, pts,
                           self.point_rgba[self.shown_points],
                           fmt(translate("DecisionMap", "activation over the plane: %1"), rng))
        return True


def _class_name(k: int) -> str:
    return fmt(translate("DecisionMap", "class %1"), k)


def _needs_two_inputs(n: int) -> str:
    has = translate("DecisionMap", "this data has 1 input") if n == 1 else \
        fmt(translate("DecisionMap", "this data has %1 inputs"), n)
    return fmt(translate("DecisionMap", "The decision map needs exactly two inputs; %1.\n\nWith two inputs it colours "
                                        "the plane of the inputs by the network's output, behind the data points (try "
                                        "the Circle, Spiral, XOR or L-layer preset)."), has)
