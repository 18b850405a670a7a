"""The maths inspector: one sample's forward and backward pass with the actual numbers, and a gradient check.

Every number shown comes from :mod:`core.inspect` (which takes them from the core's
``Network.forward`` / ``Network.gradient``) for the selected row and the weights of the
latest report. The notation follows the seed articles, in the core's row layout:
``Z1 = A0 · W1 + b1``, ``A1 = σ(Z1)`` (Loy's ``layer1``), ``ŷ`` the output; backwards
``dZ``, ``dW``, ``db``, ``dA_prev`` as in the L-layer article, and Loy's
``d_weights = −dW``.

The text is rebuilt at most every ``interval`` seconds while training, and only while
the inspector is visible. The "Gradient check" button (objectName
``gradientCheckButton``) compares backpropagation with finite differences of the
whole training set's loss, as the trainer defines it.
"""

from __future__ import annotations

import html
import time

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from core import inspect as ins
from core.features import feature_names
from core.features import width as feature_width
from core.losses import get_loss
from nngui.support import formatting
from nngui.support.busy import busy_cursor
from nngui.support.i18n import fmt, translate, translated
from nngui.views.inspector_text import layer_head, loss_note, normalization_name, note, press_check, step_note

REFRESH_INTERVAL = 0.25  # seconds between rebuilds of the text while training (at least) ...
MAX_INTERVAL = 2.0
GUI_BUDGET = 0.05  # ... so that rebuilding takes at most this share of the GUI thread's time
MAX_ROWS = 8  # matrices are shown up to this many rows / columns, with "…" for the rest
MAX_COLS = 6
WRAP_CHARS = 64  # a side-by-side equation wider than this is written one matrix under the other
CHECK_SECONDS = 2.0  # about how long a gradient check may take: big data sets check fewer parameters
CHECK_MIN_PARAMS = 12

# Derivatives of the activations, written with the activation a itself (as the core computes them).
DERIVATIVE = {
    "sigmoid": "σ′ = a(1 − a)",
    "tanh": "σ′ = 1 − a²",
    "relu": QT_TRANSLATE_NOOP("MathsInspector", "σ′ = 1 where a &gt; 0, else 0"),
    "leaky_relu": QT_TRANSLATE_NOOP("MathsInspector", "σ′ = 1 where a &gt; 0, else 0.01"),
    "linear": "σ′ = 1",
    "softmax": QT_TRANSLATE_NOOP("MathsInspector", "softmax Jacobian: dZ = a ⊙ (dA − Σ(dA ⊙ a))"),
}
LOSS_TEXT = {
    "sse": ("L = Σ (ŷ − y)²", "∂L/∂ŷ = 2(ŷ − y)"),
    "mse": (QT_TRANSLATE_NOOP("MathsInspector", "L = mean (ŷ − y)²"), "∂L/∂ŷ = 2(ŷ − y) / k"),
    "bce": ("L = −[y log ŷ + (1 − y) log(1 − ŷ)]", "∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ))"),
    "ce": ("L = −Σ y log ŷ", "∂L/∂ŷ = −y / ŷ"),
}
PAIRED_TEXT = {
    "bce": QT_TRANSLATE_NOOP("MathsInspector", "sigmoid + binary cross-entropy: the σ′ cancels, dZ = ŷ − y"),
    "ce": QT_TRANSLATE_NOOP("MathsInspector", "softmax + cross-entropy: the Jacobian cancels, dZ = ŷ − y"),
}
STYLE = """
<style>
 body { font-size: 10pt; }
 h3 { margin-top: 10px; margin-bottom: 3px; color: #1f3f6a; }
 p { margin-top: 3px; margin-bottom: 3px; }
 pre { margin-top: 4px; margin-bottom: 4px; }
 .eq { font-family: monospace; }
 .note { color: #555555; }
 .h { color: #777777; }
 .s { color: #999999; }
 td { white-space: nowrap; }
 td.m { font-family: monospace; text-align: right; }
 th { color: #555555; font-weight: normal; font-size: 8pt; white-space: nowrap; }
</style>
"""


def _t(text: str) -> str:
    """A text of the tables above (marked with QT_TRANSLATE_NOOP) in the window's language."""
    return translated("MathsInspector", text) if text else text


def num(v: float) -> str:
    """A number as shown: :func:`nngui.support.formatting.short`, and "nan"/"inf" spelled out (they matter here)."""
    v = float(v)
    if not np.isfinite(v):
        return "nan" if np.isnan(v) else ("inf" if v > 0 else "-inf")
    return formatting.short(v)


def _tint(v: float, vmax: float) -> str | None:
    """A light background by sign and size (the diagram's blue / orange), None for zero."""
    if not np.isfinite(v) or vmax <= 0 or v == 0:
        return None
    t = min(1.0, abs(v) / vmax) * 0.35
    base = (44, 123, 182) if v < 0 else (230, 97, 1)
    r, g, b = (int(round(255 - (255 - c) * t)) for c in base)
    return f"#{r:02x}{g:02x}{b:02x}"


class Block:
    """Lines of monospace text made of (text, background colour or None, css class or None) segments.

    Matrices are drawn as text blocks side by side in one ``<pre>``: a nested HTML table per
    matrix was ~20x slower to lay out in a QTextBrowser (measured: 100-140 ms for the spiral
    preset's network, against ~5 ms as text).
    """

    def __init__(self, lines: list[list[tuple[str, str | None, str | None]]], mid: int) -> None:
        self.lines = lines
        self.mid = mid  # the line operators line up with
        self.width = max((sum(len(t) for t, _c, _k in line) for line in lines), default=0)

    @classmethod
    def text(cls, s: str) -> "Block":
        return cls([[(s, None, None)]], 0)


def matrix_block(M: np.ndarray, rows: list[str] | None = None, cols: list[str] | None = None) -> Block:
    """A 1-D or 2-D array as aligned numbers in brackets (first MAX_ROWS x MAX_COLS, "…" for the rest),
    with the unit names as column / row labels and the shape underneath."""
    M = np.atleast_2d(np.asarray(M, dtype=np.float64))
    n, m = M.shape
    nr, nc = min(n, MAX_ROWS), min(m, MAX_COLS)
    fin = np.abs(M[np.isfinite(M)])
    vmax = float(fin.max()) if fin.size else 0.0
    cells = [[num(M[i, j]) for j in range(nc)] for i in range(nr)]
    heads = [str(c) for c in cols[:nc]] if cols is not None else [""] * nc
    widths = [max([len(heads[j])] + [len(cells[i][j]) for i in range(nr)]) for j in range(nc)]
    labels = [str(r) for r in rows[:nr]] if rows is not None else None
    lw = max((len(r) for r in labels), default=0) + 1 if labels else 0
    more = m > nc
    lines = []
    if cols is not None:
        line = [(" " * (lw + 1), None, None)]
        for j in range(nc):
            line.append((" " + heads[j].rjust(widths[j]), None, "h"))
        lines.append(line + ([("  …", None, "h")] if more else []))
    for i in range(nr):
        line = [((labels[i].rjust(lw - 1) + " ") if labels else "", None, "h"), ("[", None, None)]
        for j in range(nc):
            line.append((" " + cells[i][j].rjust(widths[j]), _tint(M[i, j], vmax), None))
        line.append(("  …" if more else "", None, None))
        line.append((" ]", None, None))
        lines.append(line)
    if n > nr:
        lines.append([(" " * (lw + 1) + " " + " ".join("⋮".rjust(w) for w in widths), None, None)])
    lines.append([(" " * lw + f"{n}×{m}", None, "s")])
    first = 1 if cols is not None else 0
    return Block(lines, first + (nr - 1) // 2)


def equation_width(*parts) -> int:
    """Characters :func:`equation` needs per line."""
    return sum(len(f" {p} ") if isinstance(p, str) else matrix_block(*p).width for p in parts)


def equation(*parts) -> str:
    """Operators (strings) and matrices ((M, row labels, column labels)) side by side, as one ``<pre>``."""
    blocks = [Block.text(f" {p} ") if isinstance(p, str) else matrix_block(*p) for p in parts]
    mid = max(b.mid for b in blocks)
    height = max(mid - b.mid + len(b.lines) for b in blocks)
    out = []
    for r in range(height):
        segs = []
        for b in blocks:
            k = r - (mid - b.mid)
            line = b.lines[k] if 0 <= k < len(b.lines) else []
            used = 0
            for text, colour, css in line:
                t = html.escape(text)
                if colour:
                    t = f'<span style="background-color: {colour};">{t}</span>'
                elif css:
                    t = f'<span class="{css}">{t}</span>'
                segs.append(t)
                used += len(text)
            segs.append(" " * (b.width - used))
        out.append("".join(segs).rstrip())
    return "<pre>" + "\n".join(out) + "</pre>"


def _units(param: str, names: list[list[str]] | None) -> str:
    """'x2 → h1.3' for 'W1[1,2]', 'bias of h1.3' for 'b1[2]' (unit names as in the diagram)."""
    if not names:
        return ""
    try:
        kind, rest = param[0], param[1:]
        layer, idx = rest.split("[")
        l = int(layer)
        ij = [int(v) for v in idx.rstrip("]").split(",")]
        if kind == "W":
            return f"{names[l - 1][ij[0]]} \u2192 {names[l][ij[1]]}"
        return fmt(translate("MathsInspector", "bias of %1"), names[l][ij[0]])
    except (ValueError, IndexError):
        return ""


class MathsInspector(QWidget):
    """Forward and backward pass of the selected row, and a gradient check (objectName ``mathsInspector``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mathsInspector")
        self.interval = REFRESH_INTERVAL
        self.session: ins.Session | None = None
        self._names: list[list[str]] = []
        self._output_names: list[str] = []
        self._rep = None
        self._drawn = None
        self._last = 0.0
        self.row = -1  # the selected table row (-1: none; the first row is shown)
        self.net = None
        self.trace: ins.Trace | None = None
        self.check: ins.GradientCheck | None = None
        self.check_epoch: int | None = None
        self.refreshes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._build()

    @property
    def drawn_report(self):
        """The report whose numbers the inspector shows now (None when stale or empty)."""
        return self._drawn

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        head = QHBoxLayout()
        self.row_label = QLabel(translate("MathsInspector", "Select a row in Predictions"))
        self.row_label.setObjectName("inspectorRowLabel")
        self.row_label.setWordWrap(True)
        self.row_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.check_button = QPushButton()
        self.check_button.setObjectName("gradientCheckButton")
        self.check_button.clicked.connect(self.run_gradient_check)
        head.addWidget(self.row_label, 1)
        head.addWidget(self.check_button)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mathsTabs")
        self.text = QTextBrowser()
        self.text.setObjectName("mathsText")
        self.text.setOpenLinks(False)
        self.check_text = QTextBrowser()
        self.check_text.setObjectName("gradientCheckText")
        self.check_text.setHtml(STYLE + note(press_check()))
        self.tabs.addTab(self.text, "")
        self.tabs.addTab(self.check_text, "")
        lay.addWidget(self.tabs, 1)
        self.text.setHtml(STYLE + note(translate("MathsInspector", "No network yet.")))
        self._set_texts()

    def _set_texts(self) -> None:
        """The button's and the tabs' texts, in the language installed now."""
        self.check_button.setText(translate("MathsInspector", "Gradient check"))
        self.check_button.setToolTip(translate("MathsInspector", "Compare backpropagation's gradient with finite "
                                                                 "differences of the training loss, parameter by "
                                                                 "parameter"))
        self.tabs.setTabText(0, translate("MathsInspector", "Forward && backward"))
        self.tabs.setTabText(1, translate("MathsInspector", "Gradient check"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A language switch: every text again in the new language."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.LanguageChange or not hasattr(self, "tabs"):
            return
        self._set_texts()
        if self.session is None:
            self.text.setHtml(STYLE + note(translate("MathsInspector", "No network yet.")))
            self.row_label.setText(translate("MathsInspector", "Select a row in Predictions"))
        elif self._drawn is not None:
            self.refresh()
        arch = self._rep.architecture if self._rep is not None else None
        self.check_text.setHtml(self.check_html(self.check, arch) if self.check is not None and arch is not None
                                else STYLE + note(press_check()))

    # -------------------------------------------------------------- inputs
    def set_session(self, session: ins.Session | None, output_names: list[str] | None = None) -> None:
        """The data and how it is trained (from the trainer, while idle); None: nothing to inspect."""
        self.session = session
        self._rep = self._drawn = self.net = None
        self.trace = None
        self.check = None
        self.check_epoch = None
        self._output_names = list(output_names or [])
        self.check_text.setHtml(STYLE + note(press_check()))
        if session is None:
            self.text.setHtml(STYLE + note(translate("MathsInspector", "No usable data yet.")))
            self.row_label.setText(translate("MathsInspector", "No data"))

    def set_row(self, row: int) -> None:
        """Inspect table row ``row`` (-1: none selected; the first row is shown)."""
        self.row = int(row)
        self._drawn = None  # stale: rebuilt now, or when the inspector comes on screen
        if self.on_screen():
            self.refresh()

    def on_screen(self) -> bool:
        """Shown, and not behind another tab (a tabbed-away dock stays "visible" in Qt)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def catch_up(self, if_on_screen: bool = False) -> None:
        """Rebuild soon if a newer report came while the inspector was not on screen; ``if_on_screen``: only if
        it is on screen by then (a dock tabbed away is "shown" with the window, laid out a moment later)."""
        if self._rep is not None and self._rep is not self._drawn:
            QTimer.singleShot(0, self, self._refresh_on_screen if if_on_screen else self.refresh)

    def _refresh_on_screen(self) -> None:
        if self.on_screen():
            self.refresh()

    def set_report(self, rep) -> None:
        """Take the latest weights; rebuild now or soon (at most every ``interval`` s), or when shown."""
        self._rep = rep
        if not self.on_screen():
            return
        wait = self.interval - (time.monotonic() - self._last)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        # Shown with the window behind the settings tab, the Maths tab waits for its dock's visibilityChanged
        # rather than build its text before the first paint (docs/performance.md, issue 17).
        self.catch_up(if_on_screen=True)

    # -------------------------------------------------------------- computing
    def _unit_names(self, arch) -> list[list[str]]:
        s = self.session
        names = []
        for l, n in enumerate(arch.sizes):
            if l == 0:
                given = feature_names(s.dataset.input_names, s.features)  # with the derived inputs
            elif l == arch.n_layers:
                given = self._output_names if len(self._output_names) == n else [f"y{u + 1}" for u in range(n)]
            else:
                given = [f"h{l}.{u + 1}" for u in range(n)]
            names.append(given)
        return names

    def shown_row(self) -> int:
        s = self.session
        if s is None or s.X.shape[0] == 0:
            return -1
        return self.row if 0 <= self.row < s.X.shape[0] else 0

    def refresh(self) -> bool:
        """Recompute the trace of the shown row with the latest weights and rebuild the text."""
        self._timer.stop()
        rep, s = self._rep, self.session
        row = self.shown_row()
        if rep is None or s is None or row < 0:
            return False
        arch = rep.architecture
        if arch.sizes[0] != feature_width(s.features, s.n_inputs) or arch.sizes[-1] != s.n_outputs:
            return False
        t0 = time.perf_counter()
        self._last = time.monotonic()
        self.net = ins.network(arch, rep.layers)
        self.trace = ins.trace_row(self.net, s, row)
        self._names = self._unit_names(arch)
        self._drawn = rep
        bar = self.text.verticalScrollBar()
        keep = bar.value()
        self.text.setHtml(self.trace_html(rep))
        bar.setValue(keep)
        n = s.X.shape[0]
        which = fmt(translate("MathsInspector", "Row %1 of %2"), row + 1, n) if self.row == row else \
            fmt(translate("MathsInspector", "Row %1 of %2 (no row selected: select one in Predictions)"), row + 1, n)
        self.row_label.setText(fmt(translate("MathsInspector", "%1 \u00b7 weights of epoch %2"), which,
                                   f"{rep.progress.epoch:,}"))
        self.refreshes += 1
        cost = time.perf_counter() - t0
        self.interval = min(MAX_INTERVAL, max(REFRESH_INTERVAL, 0.7 * self.interval + 0.3 * cost / GUI_BUDGET))
        return True

    # -------------------------------------------------------------- text
    def trace_html(self, rep) -> str:
        t, s, net, names = self.trace, self.session, self.net, self._names
        arch = net.arch
        L = arch.n_layers
        row = self.shown_row()
        parts = [STYLE]
        # --- the sample
        parts.append("<h3>" + fmt(translate("MathsInspector", "Row %1"), row + 1) + "</h3>")
        parts.append(equation("x =", (t.x_raw, None, names[0])))
        if s.normalizer is not None:
            parts.append(note(fmt(translate("MathsInspector", "normalised (%1, as in training): A0 = (x \u2212 shift) / "
                                                               "scale"), normalization_name(s.normalizer.kind))))
            parts.append(equation("A0 =", (t.x, None, names[0])))
        else:
            parts.append(note(translate("MathsInspector", "A0 = x (no normalisation)")))
        target_note = "  " + translate("MathsInspector", "the target")
        if s.classes is not None:
            label = s.dataset.Y[row, 0]
            target_note = "  " + fmt(translate("MathsInspector", "the target (class %1 as one-hot)"), num(label))
        parts.append(equation("y =", (t.y, None, names[-1]), target_note))

        # --- forward
        parts.append("<h3>" + translate("MathsInspector", "Forward pass: z = a_prev @ W + b, a = \u03c3(z)") + "</h3>")
        for fl in t.forward:
            l = fl.l
            role = translate("MathsInspector", "output") if l == L else translate("MathsInspector", "hidden")
            loy = " " + translate("MathsInspector", "(Loy: \u0177, the output)") if l == L else \
                (f" (Loy: layer{l})" if l < L else "")
            parts.append(layer_head(l, role, fl.activation))
            formula = f"A{l - 1} · W{l}" + (f" + b{l}" if fl.b is not None else "")
            eq = [formula + " =", (fl.a_prev, None, names[l - 1]), "·", (fl.W, names[l - 1], names[l])]
            if fl.b is not None:
                eq += ["+", (fl.b, None, names[l])]
            if equation_width(*eq) <= WRAP_CHARS:
                parts.append(equation(*eq))
            else:  # too wide for one line: the matrices one under the other (A{l-1} is shown above)
                parts.append("<p class='eq'>" + fmt(translate("MathsInspector", "Z%1 = %2, with"), l, formula) + "</p>")
                parts.append(equation(f"W{l} =", (fl.W, names[l - 1], names[l])))
                if fl.b is not None:
                    parts.append(equation(f"b{l} =", (fl.b, None, names[l])))
            parts.append(equation(f"Z{l} =", (fl.z, None, names[l])))
            parts.append(equation(f"A{l} = {fl.activation}(Z{l}) =", (fl.a, None, names[l]))
                         + (f"<p class='note'>A{l} = ŷ{loy}</p>" if l == L else f"<p class='note'>A{l}{loy}</p>"))

        # --- loss
        loss = get_loss(t.loss_name)
        formula, grad_text = LOSS_TEXT.get(t.loss_name, (loss.formula, "∂L/∂ŷ"))
        parts.append("<h3>" + translate("MathsInspector", "Loss") + "</h3>")
        parts.append(f"<p class='eq'>{_t(formula)} = <b>{num(t.loss)}</b></p>")
        n_train = s.X_train.shape[0]
        parts.append(note(loss_note(html.escape(translated("core", loss.label)), loss.summed, n_train)))

        # --- backward
        parts.append("<h3>" + translate("MathsInspector", "Backward pass: one step for this row") + "</h3>")
        for bl in t.backward:
            l = bl.l
            fl = t.layer(l)
            parts.append(layer_head(l, None, fl.activation))
            if l == L:
                parts.append(equation(f"dA{l} = {grad_text} =", (bl.dA, None, names[l])))
                if t.paired:
                    parts.append(equation(f"dZ{l} = ŷ − y =", (bl.dZ, None, names[l]))
                                 + note(_t(PAIRED_TEXT.get(t.loss_name, ''))))
                else:
                    parts.append(equation(f"dZ{l} = dA{l} ⊙ σ′(Z{l}) =", (bl.dZ, None, names[l]))
                                 + note(_t(DERIVATIVE.get(fl.activation, ''))))
            else:
                parts.append(equation(f"dZ{l} = dA{l} ⊙ σ′(Z{l}) =", (bl.dZ, None, names[l]))
                             + note(fmt(translate("MathsInspector", "%1, dA%2 from layer %3"),
                                         _t(DERIVATIVE.get(fl.activation, '')), l, l + 1)))
            parts.append(equation(f"dW{l} = A{l - 1}ᵀ · dZ{l} =", (bl.dW, names[l - 1], names[l])))
            if bl.db is not None:
                parts.append(equation(f"db{l} = Σ dZ{l} =", (bl.db, None, names[l])))
            if l > 1:
                parts.append(equation(f"dA{l - 1} = dZ{l} · W{l}ᵀ =", (bl.dA_prev, None, names[l - 1]))
                             + note(translate("MathsInspector", "dA_prev: passed back to the layer before")))
            if t.loss_name == "sse":
                parts.append(note(fmt(translate("MathsInspector", "Loy's d_weights%1 = \u2212dW%1 (he adds it to the "
                                                                   "weights)."), l)))

        # --- one step
        lr = float(rep.progress.learning_rate)
        parts.append("<h3>" + translate("MathsInspector", "One gradient-descent step on this row") + "</h3>")
        parts.append(f"<p class='eq'>W ← W − η·dW, b ← b − η·db, η = {num(lr)}</p>")
        for l, (W, b) in enumerate(ins.gd_step(net, t, lr), start=1):
            eq = [f"W{l} − η·dW{l} =", (W, names[l - 1], names[l])]
            if b is not None:
                eq += [f"   b{l} − η·db{l} =", (b, None, names[l])]
            parts.append(equation(*eq))
        opt = s.optimizer
        parts.append(note(step_note(loss.summed, n_train, opt)))
        return "".join(parts)

    # -------------------------------------------------------------- gradient check
    def run_gradient_check(self) -> ins.GradientCheck | None:
        """Check the gradient of the training loss at the latest weights; shows and returns the result."""
        s, rep = self.session, self._rep
        self.tabs.setCurrentWidget(self.check_text)
        if s is None or rep is None:
            self.check_text.setHtml(STYLE + note(translate("MathsInspector", "No network yet.")))
            return None
        arch = rep.architecture
        net = ins.network(arch, rep.layers)
        with busy_cursor():
            t0 = time.perf_counter()
            with np.errstate(all="ignore"):
                net.loss(s.X_train, s.Y_train)  # one evaluation, timed: each checked parameter costs four
            per_eval = max(time.perf_counter() - t0, 1e-6)
            max_params = int(np.clip(CHECK_SECONDS / (4.0 * per_eval), CHECK_MIN_PARAMS, ins.CHECK_MAX_PARAMS))
            self.check = ins.gradient_check(net, s.X_train, s.Y_train, max_params=max_params)
        self.check_epoch = int(rep.progress.epoch)
        self.check_text.setHtml(self.check_html(self.check, arch))
        return self.check

    def check_html(self, gc: ins.GradientCheck, arch) -> str:
        good = gc.max_rel_error < 1e-5
        kinked = any(a in ins.KINKED for a in arch.activations)
        colour = "#1d6b1d"
        if good:
            verdict = translate("MathsInspector", "backpropagation agrees with the finite differences")
        elif kinked and np.median(gc.rel_error) < 1e-6:
            verdict, colour = translate("MathsInspector", "backpropagation agrees except at ReLU kinks (see below)"), \
                "#8a5a00"
        else:
            verdict, colour = translate("MathsInspector", "some gradients disagree with the finite differences"), \
                "#8b0000"
        which = translate("MathsInspector", "every parameter") if gc.index.size == gc.n_params else \
            fmt(translate("MathsInspector", "%1 of the %2 parameters, spread over every layer"), gc.index.size,
                gc.n_params)
        largest = fmt(translate("MathsInspector", "Largest relative error %1"), f"{gc.max_rel_error:.2e}")
        parts = [STYLE, "<h3>" + translate("MathsInspector", "Gradient check") + "</h3>",
                 "<p>" + fmt(translate("MathsInspector", "%1: %2."), f"<b style='color: {colour};'>{largest}</b>",
                             verdict) + "</p>",
                 note(fmt(translate("MathsInspector", "Weights of epoch %1; the loss L = %2 over the %3 training "
                                                       "rows, as the trainer computes it; %4."),
                           f"{self.check_epoch:,}", num(gc.loss), gc.n_rows, which)),
                 note(fmt(translate("MathsInspector", "Largest errors first. analytic: from backpropagation "
                                                       "(Network.gradient); numeric: (\u2212L(\u03b8+2h) + 8\u00b7L(\u03b8+h) \u2212 8\u00b7L(\u03b8\u2212h) + "
                                                       "L(\u03b8\u22122h)) / 12h with h = %1; relative error = |analytic \u2212 "
                                                       "numeric| / max(|analytic|, |numeric|, %2)."),
                           f"{gc.step:g}", f"{gc.floor:g}"))]
        if any(a in ins.KINKED for a in arch.activations):
            n_bad = int(np.sum(gc.rel_error >= 1e-5))
            kink = translate("MathsInspector", "ReLU has a kink at 0 (no derivative there): a parameter whose \u00b12h "
                                               "moves some row's z across 0 shows a larger error without any bug, "
                                               "hence the small h")
            parts.append(note(fmt(translate("MathsInspector", "%1."), kink) if not n_bad else
                               fmt(translate("MathsInspector", "%1; 1 parameter here."), kink) if n_bad == 1 else
                               fmt(translate("MathsInspector", "%1; %2 parameters here."), kink, n_bad)))
        heads = (translate("MathsInspector", "parameter"), translate("MathsInspector", "relative error"),
                 translate("MathsInspector", "analytic"), translate("MathsInspector", "numeric"),
                 translate("MathsInspector", "units"))
        parts.append('<table border="1" cellspacing="0" cellpadding="3" style="border-collapse: collapse; '
                     'border-color: #c8c8c8;"><tr>' + "".join(f"<th>{h}</th>" for h in heads) + "</tr>")
        names = self._unit_names(arch) if self.session is not None else None
        for k in np.argsort(-gc.rel_error, kind="stable"):  # the largest errors first
            name, a, n, r = gc.names[k], gc.analytic[k], gc.numeric[k], gc.rel_error[k]
            bg = "#e3f4e3" if r < 1e-6 else "#fff4d6" if r < 1e-4 else "#fde2e1"
            parts.append(f'<tr><td class="eq">{name}</td><td class="m" bgcolor="{bg}">{r:.2e}</td>'
                         f'<td class="m">{a:.8g}</td><td class="m">{n:.8g}</td>'
                         f'<td>{html.escape(_units(name, names))}</td></tr>')
        parts.append("</table>")
        return "".join(parts)
