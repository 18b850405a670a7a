"""The network diagram: units in columns by layer, one line per weight.

Built once per architecture (``set_architecture``); every report only restyles the
existing items (``set_weights``, ``set_sample``) with pens and brushes created in
advance (:mod:`nngui.views.network_pens`): |w| is quantised into ``LEVELS`` steps per
sign, so a restyle is a NumPy pass plus one ``setPen`` per edge whose step changed.
Big layers show their first ``max_units`` units and a "+N more" label, with edges
only between shown units.

The scene is laid out in the view's own pixels (:mod:`nngui.views.network_layout`) and
placed again when the view is resized: text keeps its pixel size whatever the size of
the network (never below 11 px), and no two words overlap.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QFrame, QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsScene, QGraphicsSimpleTextItem,
    QGraphicsView, QToolTip,
)

from core.network import Architecture

from nngui.support import formatting
from nngui.training.report import PREVIEW_UNITS
from nngui.views import network_layout, network_pens
from nngui.views.network_pens import EDGE_ALPHA_MIN, LEVELS  # noqa: F401 (also imported from here)
from nngui.support.palettes import DEFAULT_PALETTE, Palette, absmax, get_palette, save_image_atomic

MAX_UNITS = 16
NODE_R = 12.0  # radius (px) at which lines have their full width; smaller units get thinner lines
NOMINAL_SIZE = (600, 400)  # laid out for this size until the view has one of its own
HOVER_PX = 5.0  # how close (pixels) the mouse must be to an edge
Z_EDGE, Z_NODE, Z_TEXT = 0.0, 100.0, 200.0
Layers = Sequence[tuple[np.ndarray, np.ndarray | None]]


class _ToolTips(QObject):
    """The diagram's tooltips, computed on demand from the mouse position (no per-item strings to keep fresh)."""

    def __init__(self, view: "NetworkView") -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.ToolTip:
            return False
        view = self.view
        text = view.hover_text_at(view.mapToScene(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), text, view.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True


class NetworkView(QGraphicsView):
    """Diagram of a dense network coloured by its weights (objectName "networkView")."""

    hovered = Signal(str)  # text describing the edge/node under the mouse ('' when none), e.g. for a status bar
    unitHovered = Signal(int, int)  # (layer, unit) of the node under the mouse; (-1, -1) when none
    edgeHovered = Signal(int, int, int)  # (layer, i, j) of the weight W[layer][i, j] under the mouse; -1s when none
    rebuilt = Signal()  # the scene's items were made or placed again (items added by others are gone or moved)

    def __init__(self, parent=None, max_units: int = MAX_UNITS) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move on resize
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        # Only Qt's own items (they set pen and brush each paint): no save/restore per item, a third of a frame
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self._max_units = max(1, int(max_units))
        self._palette: Palette = get_palette(DEFAULT_PALETTE)
        self._presentation = False
        self._arch: Architecture | None = None
        self._names: list[list[str]] = []
        self._weights: list[np.ndarray] | None = None
        self._scale = (0.0, 0.0)  # the largest |w|, and |w| or |b|, of the whole network: the colour scale
        self._biases: list[np.ndarray | None] | None = None
        self._sample: list[np.ndarray] | None = None
        self._hover = ""
        self._live = False
        self._plan: network_layout.Plan | None = None
        self._pen_scale = 1.0
        self._reset_items()
        self._make_pens()
        # Tooltips through an event filter, not a Python viewportEvent: with that override every paint of the
        # diagram ran under the GIL, and a training thread beside it ran at 1 % of its speed (docs/performance.md).
        self._tooltips = _ToolTips(self)
        self.viewport().installEventFilter(self._tooltips)

    # ---------------------------------------------------------------- public API
    def set_architecture(self, arch: Architecture, input_names: Sequence[str], output_names: Sequence[str]) -> None:
        """Build the scene for ``arch`` (once per architecture; an identical call keeps the scene)."""
        names = self._unit_names(arch, list(input_names), list(output_names))
        if arch == self._arch and names == self._names:
            return
        self._arch, self._names = arch, names
        self._weights = self._biases = self._sample = None
        self._rebuild()

    def set_weights(self, layers: Layers) -> None:
        """Restyle edges (colour by sign, width/opacity by |w|) and node rings (bias); creates no items.
        Only the corner of each layer that can be drawn is kept: a big network's weights are not copied."""
        arch = self._require_arch()
        if len(layers) != arch.n_layers:
            raise ValueError(f"layers: expected {arch.n_layers}, got {len(layers)}")
        Ws = [np.asarray(W) for W, _b in layers]
        bs = [None if b is None else np.asarray(b).ravel() for _W, b in layers]
        for l, (W, b, n_in, n_out) in enumerate(zip(Ws, bs, arch.sizes, arch.sizes[1:])):
            if W.shape != (n_in, n_out) or (b is not None and b.size != n_out):
                raise ValueError(f"layers[{l}]: W of shape {W.shape}, b of {None if b is None else b.size} values; "
                                 f"expected {(n_in, n_out)} and {n_out}")
        k = max(PREVIEW_UNITS, self._max_units)
        self.set_preview([(W[:k, :k], None if b is None else b[:k]) for W, b in zip(Ws, bs)],
                         absmax(Ws), absmax(b for b in bs if b is not None))

    def set_preview(self, blocks: Layers, weight_max: float, bias_max: float = 0.0) -> None:
        """:meth:`set_weights` from each layer's top-left corner and the whole network's largest |w| and |b|."""
        arch = self._require_arch()
        weights = [np.array(W, dtype=np.float64) for W, _b in blocks]
        if len(blocks) != arch.n_layers or any(W.shape[0] < self._shown(l) or W.shape[1] < self._shown(l + 1)
                                               for l, W in enumerate(weights)):
            raise ValueError(f"blocks: {[W.shape for W in weights]} do not cover the units drawn of {arch.sizes}")
        self._weights = weights
        self._biases = [None if b is None else np.array(b, dtype=np.float64).ravel() for _W, b in blocks]
        self._scale = (float(weight_max), max(float(weight_max), float(bias_max)))
        self._style_edges()
        self._style_rings()
        self._changed()

    def set_sample(self, activations: list[np.ndarray] | None) -> None:
        """Fill nodes with the activations a0..aL of the selected sample (grey scale); None clears."""
        if activations is not None:
            arch = self._require_arch()
            acts = [np.asarray(a, dtype=np.float64).ravel() for a in activations]
            if len(acts) != len(arch.sizes) or any(a.size != n for a, n in zip(acts, arch.sizes)):
                raise ValueError(
                    f"activations: expected sizes {list(arch.sizes)}, got {[a.size for a in acts]}"
                )
            activations = acts
        self._sample = activations
        self._style_fills()
        self._changed()

    @property
    def live(self) -> bool:
        """True while the owner paints this view itself after each update (see :meth:`set_live`)."""
        return self._live

    def set_live(self, on: bool) -> None:
        """While training: no automatic repaints from scene changes, and no antialiasing; the window
        repaints after each update, and the diagram left on screen afterwards is antialiased.

        Restyled items repaint only after two turns of the event loop: a ``viewport().repaint()`` was
        followed by a second, identical paint (3.4 ms each, 64-32-10); antialiasing took 1.4 ms of it.
        """
        on = bool(on)
        if on == self._live:
            return
        self._live = on
        mode = QGraphicsView.ViewportUpdateMode
        self.setViewportUpdateMode(mode.NoViewportUpdate if on else mode.BoundingRectViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, not on)
        self.viewport().update()

    def _changed(self) -> None:
        """The scene changed: in live mode nothing repaints by itself, so ask for a repaint."""
        if self._live:
            self.viewport().update()

    def edge_value(self, layer: int, i: int, j: int) -> float:
        """The weight from unit ``i`` of layer ``layer`` to unit ``j`` of the next (NaN before set_weights)."""
        if self._weights is None:
            return float("nan")
        return float(self._weights[layer][i, j])

    def export_png(self, path: str | os.PathLike, scale: float = 2.0) -> None:
        """Render the whole scene (not just the visible part) to a PNG at ``scale`` px per unit, atomically."""
        rect = self.scene().sceneRect()
        w, h = max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(self._palette.background))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, w, h), rect)
        painter.end()
        save_image_atomic(image, path)

    def set_palette(self, name: str) -> None:
        """Recolour with a palette from :mod:`nngui.support.palettes` ("default", "high-contrast", "colorblind")."""
        self._palette = get_palette(name)
        self._rebuild()

    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines, bigger fonts."""
        self._presentation = bool(on)
        self._rebuild()

    def set_max_units(self, n: int) -> None:
        """Show at most ``n`` units per layer (the rest are summarised as "+N more")."""
        self._max_units = max(1, int(n))
        self._rebuild()

    # ---------------------------------------------------------------- inspection (tests, hover)
    def architecture(self) -> Architecture | None:
        """The architecture drawn (None before ``set_architecture``)."""
        return self._arch

    def unit_name(self, layer: int, unit: int) -> str:
        return self._names[layer][unit]

    def shown_units(self, layer: int) -> int:
        return len(self._nodes[layer])

    def node_count(self) -> int:
        return len(self._node_items)

    def edge_count(self) -> int:
        return len(self._edge_items)

    def node_item(self, layer: int, unit: int) -> QGraphicsEllipseItem | None:
        nodes = self._nodes[layer]
        return nodes[unit] if unit < len(nodes) else None

    def edge_item(self, layer: int, i: int, j: int) -> QGraphicsLineItem | None:
        """The line drawn for W[layer][i, j], or None when one of its units is not shown."""
        k = self._edge_index(layer, i, j)
        return None if k is None else self._edge_items[k]

    def more_label(self, layer: int) -> str:
        """The "+N more" text under a big layer ('' when every unit is shown)."""
        return self._more.get(layer, "")

    def edge_text(self, layer: int, i: int, j: int) -> str:
        """'w = 0.734  x2 → h1.3'."""
        value = "—" if self._weights is None else formatting.weight(self.edge_value(layer, i, j))
        return f"w = {value}  {self._names[layer][i]} → {self._names[layer + 1][j]}"

    def node_text(self, layer: int, unit: int) -> str:
        """Unit name and role, its bias and, with a selected sample, its activation."""
        arch = self._require_arch()
        role = network_layout.layer_title(layer, arch.n_layers).lower()
        role += f", {arch.activations[layer - 1]}" if layer else ""
        lines = [f"{self._names[layer][unit]}  ({role})"]
        if layer > 0 and arch.bias:
            b = self._biases[layer - 1] if self._biases is not None else None
            value = formatting.weight(float(b[unit])) if b is not None else "\u2014"
            lines.append(QCoreApplication.translate("NetworkView", "bias = %1").replace("%1", value))
        if self._sample is not None:
            label = QCoreApplication.translate("NetworkView", "input = %1") if layer == 0 else \
                QCoreApplication.translate("NetworkView", "activation = %1")
            lines.append(label.replace("%1", formatting.weight(float(self._sample[layer][unit]))))
        return "\n".join(lines)

    def hover_text_at(self, scene_pos: QPointF) -> str:
        """What the mouse at ``scene_pos`` points at: a node's text, an edge's text, or ''."""
        hit = self.hover_target_at(scene_pos)
        if hit is None:  # an elided word: the whole of it
            return next((t.full for rect, t in self._labels if t.layer < 0 and rect.contains(scene_pos)), "")
        return self.node_text(*hit[1:]) if hit[0] == "node" else self.edge_text(*hit[1:])

    def hover_target_at(self, scene_pos: QPointF) -> tuple | None:
        """``("node", layer, unit)``, ``("edge", layer, i, j)`` or None for the mouse at ``scene_pos``."""
        if self._arch is None or not self._node_items:
            return None
        p = np.array([scene_pos.x(), scene_pos.y()])
        d = np.hypot(*(self._node_xy - p).T)
        k = int(np.argmin(d))
        if d[k] <= self._plan.radius + 2:
            return ("node", int(self._node_layer[k]), int(self._node_unit[k]))
        name = next((t for rect, t in self._labels if t.layer >= 0 and rect.contains(scene_pos)), None)
        if name is not None:  # a unit's name stands for the unit
            return ("node", name.layer, name.unit)
        if not self._edge_items:
            return None
        k, dist = self._nearest_edge(p)
        scale = max(self.transform().m11(), 1e-6)
        if dist * scale <= HOVER_PX + self._edge_width_at(k) * scale / 2:
            return ("edge", int(self._edge_layer[k]), int(self._edge_i[k]), int(self._edge_j[k]))
        return None

    # ---------------------------------------------------------------- building
    def _reset_items(self) -> None:
        self._nodes: list[list[QGraphicsEllipseItem]] = []
        self._node_items: list[QGraphicsEllipseItem] = []
        self._node_xy = np.zeros((0, 2))
        self._node_layer = self._node_unit = np.zeros(0, dtype=np.int64)
        self._edge_items: list[QGraphicsLineItem] = []
        self._edge_layer = self._edge_i = self._edge_j = np.zeros(0, dtype=np.int64)
        self._edge_p0 = self._edge_p1 = np.zeros((0, 2))
        self._edge_offsets: list[int] = []
        self._edge_keys = np.zeros(0, dtype=np.int64)
        self._ring_keys = np.zeros(0, dtype=np.int64)
        self._fill_keys = np.zeros(0, dtype=np.int64)
        self._more: dict[int, str] = {}  # layer -> its whole "+N more" text
        self._words: list = []  # the text items (and the legend's sample lines) of the current layout
        self._labels: list[tuple[QRectF, network_layout.Text]] = []  # names and elided words, for hover

    def _rebuild(self) -> None:
        """Recreate the scene's items for the current architecture, look and size limit, then restyle."""
        self.scene().clear()
        self._reset_items()
        self._pen_scale = 0.0  # pens made again (palette, projector mode) when placed
        self.setBackgroundBrush(QColor(self._palette.background))
        self._changed()
        if self._arch is None:
            self._plan, self._pen_scale = None, 1.0
            self._make_pens()
            self.rebuilt.emit()
            return
        self._plan = self._layout()
        self._build_nodes()
        self._build_edges()
        self._place()

    def _layout(self) -> network_layout.Plan:
        """The layout for the view's size (a nominal size before the view has been given one)."""
        size = self.viewport().size()
        w, h = size.width(), size.height()
        if w < self.minimumWidth() or h < self.minimumHeight():
            w, h = max(w, NOMINAL_SIZE[0]), max(h, NOMINAL_SIZE[1])
        arch = self._arch
        return network_layout.plan(arch.sizes, arch.activations, (self._names[0], self._names[-1]),
                                   self._max_units, w, h, self._presentation)

    def _relayout(self) -> None:
        """Place everything again for the view's new size (rebuilt when the units drawn change)."""
        if self._arch is None:
            return
        plan = self._layout()
        if (plan.width, plan.height) == (self._plan.width, self._plan.height):
            return
        if plan.shown != self._plan.shown:
            self._rebuild()
            return
        self._plan = plan
        self._place()

    def _unit_names(self, arch: Architecture, inputs: list[str], outputs: list[str]) -> list[list[str]]:
        """Names per layer: the table's column names for inputs/outputs, 'h<layer>.<unit>' for hidden units."""
        names = []
        for l, n in enumerate(arch.sizes):
            if l == 0:
                given, prefix = inputs, "x"
            elif l == arch.n_layers:
                given, prefix = outputs, "y"
            else:
                names.append([f"h{l}.{u + 1}" for u in range(n)])
                continue
            names.append([str(given[u]) if u < len(given) and str(given[u]) else f"{prefix}{u + 1}" for u in range(n)])
        return names

    def _shown(self, layer: int) -> int:
        return self._plan.shown[layer]

    def _build_nodes(self) -> None:
        scene, lay, uni = self.scene(), [], []
        for l in range(len(self._arch.sizes)):
            column = []
            for u in range(self._shown(l)):
                item = QGraphicsEllipseItem()
                item.setZValue(Z_NODE)
                scene.addItem(item)
                column.append(item)
                lay.append(l)
                uni.append(u)
            self._nodes.append(column)
            self._node_items.extend(column)
        self._node_layer, self._node_unit = np.array(lay, dtype=np.int64), np.array(uni, dtype=np.int64)

    def _build_edges(self) -> None:
        scene, lay, ii, jj = self.scene(), [], [], []
        for l in range(self._arch.n_layers):
            self._edge_offsets.append(len(self._edge_items))
            for i in range(self._shown(l)):
                for j in range(self._shown(l + 1)):
                    item = QGraphicsLineItem()
                    item.setZValue(Z_EDGE)
                    scene.addItem(item)
                    self._edge_items.append(item)
                    lay.append(l)
                    ii.append(i)
                    jj.append(j)
        self._edge_layer, self._edge_i, self._edge_j = (np.array(v, dtype=np.int64) for v in (lay, ii, jj))

    def _place(self) -> None:
        """Move units and lines where the layout says, make its words again, restyle."""
        plan, scene = self._plan, self.scene()
        scale = round(max(0.5, min(1.0, plan.radius / NODE_R)) * 20) / 20  # small units, thinner lines
        if scale != self._pen_scale:
            self._pen_scale = scale
            self._make_pens()
            self._edge_keys = self._ring_keys = np.zeros(0, dtype=np.int64)  # every pen picked again
        r = plan.radius
        self._node_xy = np.array([(plan.col_x[l], y) for l, ys in enumerate(plan.unit_y) for y in ys],
                                 dtype=np.float64).reshape(-1, 2)
        for item, (x, y) in zip(self._node_items, self._node_xy.tolist()):
            item.setRect(-r, -r, 2 * r, 2 * r)
            item.setPos(x, y)
        first = np.cumsum([0] + list(plan.shown))
        self._edge_p0 = self._node_xy[first[self._edge_layer] + self._edge_i]
        self._edge_p1 = self._node_xy[first[self._edge_layer + 1] + self._edge_j]
        for item, (x0, y0, x1, y1) in zip(self._edge_items, np.hstack([self._edge_p0, self._edge_p1]).tolist()):
            item.setLine(x0, y0, x1, y1)
        for item in self._words:
            scene.removeItem(item)
        self._words, self._labels = [], []
        fonts, colour = network_layout.fonts(self._presentation), QColor(self._palette.text)
        for t in plan.texts:
            item = QGraphicsSimpleTextItem(t.text)
            item.setFont(getattr(fonts, t.font))
            item.setBrush(colour)
            item.setPos(t.x, t.y)
            item.setZValue(Z_TEXT)
            scene.addItem(item)
            self._words.append(item)
            if t.layer >= 0 or t.full != t.text:
                self._labels.append((item.sceneBoundingRect(), t))
            if t.sign >= 0:  # a legend entry: its sample line before it
                y = t.y + t.h / 2
                line = QGraphicsLineItem(t.x - t.h * 0.5 - plan.key_line, y, t.x - t.h * 0.5, y)
                line.setPen(self._pens.edges[t.sign][LEVELS - 1])
                scene.addItem(line)
                self._words.append(line)
        self._more = {l: t.full for l, t in plan.more.items()}
        scene.setSceneRect(network_layout.bounds(plan))
        self._style_edges()
        self._style_rings()
        self._style_fills()
        self._changed()
        self.rebuilt.emit()

    def label_items(self) -> list[QGraphicsSimpleTextItem]:
        """Every word the diagram shows (titles, names, "+N more", legend), in view pixels."""
        return [item for item in self._words if isinstance(item, QGraphicsSimpleTextItem)]

    # ---------------------------------------------------------------- styling (nngui.views.network_pens)
    def _make_pens(self) -> None:
        self._pens = network_pens.make_pens(self._palette, (1.6 if self._presentation else 1.0) * self._pen_scale)

    @staticmethod
    def _restyle(items: list, keys: np.ndarray, old: np.ndarray, setter) -> np.ndarray:
        """Apply ``setter(item, key)`` where the key changed (or everywhere after a rebuild); the new keys."""
        changed = np.flatnonzero(keys != old) if old.size == keys.size else range(keys.size)
        for k in changed:
            setter(items[k], int(keys[k]))
        return keys

    def _set_edge(self, item: QGraphicsLineItem, key: int) -> None:
        item.setPen(self._pens.edge(key))
        item.setZValue(Z_EDGE + key % LEVELS)  # strong weights drawn over weak ones

    def _style_edges(self) -> None:
        """Each edge's pen by its weight's sign and |w| step."""
        if self._edge_items:
            keys = network_pens.edge_keys(self._weights, self._plan.shown, self._scale[0], len(self._edge_items))
            self._edge_keys = self._restyle(self._edge_items, keys, self._edge_keys, self._set_edge)

    def _style_rings(self) -> None:
        """Node outline by bias: colour by sign, saturation and width by |b| (same scale as the weights)."""
        if self._node_items:
            biases = self._biases if self._weights is not None and self._arch.bias else None
            keys = network_pens.ring_keys(biases, self._arch.sizes, self._plan.shown, self._scale[1])
            self._ring_keys = self._restyle(self._node_items, keys, self._ring_keys,
                                            lambda item, key: item.setPen(self._pens.ring(key)))

    def _style_fills(self) -> None:
        """Node fill: the selected sample's activation in grey (white = low / none, dark = high)."""
        if self._node_items:
            keys = network_pens.fill_keys(self._sample, self._plan.shown)
            self._fill_keys = self._restyle(self._node_items, keys, self._fill_keys,
                                            lambda item, key: item.setBrush(self._pens.fill(key)))

    # ---------------------------------------------------------------- geometry and events
    def _edge_index(self, layer: int, i: int, j: int) -> int | None:
        if not (0 <= layer < len(self._edge_offsets)):
            return None
        n_in, n_out = self._shown(layer), self._shown(layer + 1)
        if not (0 <= i < n_in and 0 <= j < n_out):
            return None
        return self._edge_offsets[layer] + i * n_out + j

    def _nearest_edge(self, p: np.ndarray) -> tuple[int, float]:
        """Index of and distance to the edge segment nearest to scene point ``p``."""
        d = self._edge_p1 - self._edge_p0
        t = np.clip(np.einsum("ij,ij->i", p - self._edge_p0, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
        dist = np.hypot(*(self._edge_p0 + t[:, None] * d - p).T)
        k = int(np.argmin(dist))
        return k, float(dist[k])

    def _edge_width_at(self, k: int) -> float:
        key = int(self._edge_keys[k]) if self._edge_keys.size else 0
        return float(self._pens.edge_widths[key % LEVELS])

    def _require_arch(self) -> Architecture:
        if self._arch is None:
            raise ValueError("network view: set_architecture must be called first")
        return self._arch

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._relayout()

    def changeEvent(self, event) -> None:  # noqa: N802
        """The application's font changed (a larger text size, projector mode): the words follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._arch is not None:
            self._rebuild()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene_pos = self.mapToScene(event.position().toPoint())
        text = self.hover_text_at(scene_pos)
        if text != self._hover:
            self._hover = text
            self.hovered.emit(text.replace("\n", "   "))
        self._emit_target(self.hover_target_at(scene_pos))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self._hover:
            self._hover = ""
            self.hovered.emit("")
        self._emit_target(None)
        super().leaveEvent(event)

    def _emit_target(self, hit: tuple | None) -> None:
        """unitHovered / edgeHovered when what is under the mouse changes (-1s when it leaves a unit / edge)."""
        old = getattr(self, "_hover_target", None)
        if hit == old:
            return
        self._hover_target = hit
        if old is not None and (hit is None or hit[0] != old[0]):
            if old[0] == "node":
                self.unitHovered.emit(-1, -1)
            else:
                self.edgeHovered.emit(-1, -1, -1)
        if hit is not None:
            if hit[0] == "node":
                self.unitHovered.emit(hit[1], hit[2])
            else:
                self.edgeHovered.emit(hit[1], hit[2], hit[3])
