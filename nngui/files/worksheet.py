"""A printable worksheet: one training step of the network, by hand, for one row of the data.

The forward pass (every unit's ``z`` written out as a sum of products, then ``a = σ(z)``),
the loss, the backward pass (``dZ``, ``dW = a_prevᵀ · dZ``, ``db``, ``dA_prev``) and one
gradient-descent step, with the numbers of :mod:`core.inspect` (the Maths tab's). Two
versions: the student's, with a blank where each result goes, and the teacher's, with the
answers. Written as HTML (any browser prints it) and as PDF (Qt's ``QTextDocument`` and
``QPdfWriter``), each atomically.
"""

from __future__ import annotations

import html
import os
import tempfile

import numpy as np
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core import inspect as ins
from core.features import feature_names
from core.files import atomic_write_text
from core.network import Network

from nngui.support import formatting
from nngui.support.i18n import fmt, translate

BLANK = "<span style='color:#888888'>__________</span>"
MAX_TERMS = 8  # a unit with more inputs is written z = a · W[:, j] + b instead of term by term
PDF_MAX_UNITS = 16  # wider layers' weight tables do not fit an A4 page, and Qt takes seconds to lay them out
STYLE = """
<style>
 body { font-family: sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; color: #1f3f6a; margin-bottom: 2px; }
 h2 { font-size: 12pt; color: #1f3f6a; margin-top: 14px; margin-bottom: 4px; }
 p { margin-top: 3px; margin-bottom: 3px; }
 .eq { font-family: monospace; }
 .note { color: #555555; }
 table { border-collapse: collapse; margin-top: 4px; margin-bottom: 6px; }
 td, th { padding: 2px 6px; }
 td.m { font-family: monospace; text-align: right; }
 th { color: #444444; font-weight: normal; }
</style>
"""
SIGMA = {
    "sigmoid": "σ(z) = 1 / (1 + e^(−z))",
    "tanh": "tanh(z)",
    "relu": "max(0, z)",
    "leaky_relu": "z if z > 0, else 0.01 z",
    "linear": "z",
    "softmax": "e^z_j / Σ_k e^z_k",
}
DERIVATIVE = {
    "sigmoid": "a(1 − a)", "tanh": "1 − a²", "relu": "1 if a > 0, else 0",
    "leaky_relu": "1 if a > 0, else 0.01", "linear": "1",
}
LOSS = {"sse": "L = Σ (ŷ − y)²", "mse": "L = mean (ŷ − y)²", "bce": "L = −[y log ŷ + (1 − y) log(1 − ŷ)]",
        "ce": "L = −Σ y log ŷ"}
DLOSS = {"sse": "dA = 2(ŷ − y)", "mse": "dA = 2(ŷ − y) / k", "bce": "dA = (ŷ − y) / (ŷ(1 − ŷ))",
         "ce": "dA = −y / ŷ"}


def num(v: float) -> str:
    v = float(v)
    if not np.isfinite(v):
        return "nan" if np.isnan(v) else ("inf" if v > 0 else "-inf")
    return formatting.short(v)


def _term(v: float) -> str:
    """A number inside a sum: negative numbers in brackets."""
    return f"({num(v)})" if float(v) < 0 else num(v)


class Sheet:
    """The HTML of one worksheet (``answers``: the teacher's version)."""

    def __init__(self, net: Network, session: ins.Session, row: int, learning_rate: float, answers: bool,
                 title: str) -> None:
        self.net, self.s, self.row, self.lr, self.answers, self.title = net, session, row, learning_rate, answers, title
        self.t = ins.trace_row(net, session, row)
        arch = net.arch
        self.names = [feature_names(session.dataset.input_names, session.features)] + [
            [f"h{l}.{u + 1}" for u in range(n)] for l, n in enumerate(arch.sizes[1:-1], start=1)] + [
            [f"ŷ{u + 1}" if arch.sizes[-1] > 1 else "ŷ" for u in range(arch.sizes[-1])]]

    def value(self, v: float) -> str:
        return f"<b class='answer'>{num(v)}</b>" if self.answers else BLANK

    # -- the parts ----------------------------------------------------------------------------

    def html(self) -> str:
        parts = [STYLE, f"<h1>{html.escape(self.title)}</h1>", self.intro()]
        parts += self.given() + self.forward() + self.loss() + self.backward() + self.update()
        return "<html><body>" + "\n".join(parts) + "</body></html>"

    def intro(self) -> str:
        arch = self.net.arch
        what = fmt(translate("Worksheet", "Row %1 of the data; network %2 (%3); loss %4; learning rate η = %5."),
                   self.row + 1, " → ".join(map(str, arch.sizes)), ", ".join(arch.activations), arch.loss,
                   num(self.lr))
        head = translate("Worksheet", "Answers") if self.answers else \
            translate("Worksheet", "Name: ____________________   Date: __________")
        how = translate("Worksheet", "Work out each blank from the numbers above it, rounding to 4 significant "
                                     "digits. Unit names: h1.2 is the second unit of hidden layer 1, ŷ the output.")
        return f"<p>{html.escape(what)}</p><p><b>{html.escape(head)}</b></p><p class='note'>{html.escape(how)}</p>"

    def given(self) -> list[str]:
        t, out = self.t, [_h2(translate("Worksheet", "Given"))]
        raw = self.names[0][: self.s.n_inputs]  # the table's inputs (the first layer may take derived ones too)
        out.append(_table([num(v) for v in t.x_raw[0]], raw, "x"))
        if self.s.normalizer is not None:
            nz = self.s.normalizer
            out.append(_p(translate("Worksheet", "The inputs are normalised as in training: a0 = (x − shift) / scale.")))
            out.append(_table([num(v) for v in nz.shift], raw, "shift"))
            out.append(_table([num(v) for v in nz.scale], raw, "scale"))
        if self.s.features:
            out.append(_p(fmt(translate("Worksheet", "The network also takes the input features %1, computed from "
                                                     "the (normalised) inputs."), ", ".join(self.s.features))))
        if self.s.normalizer is not None or self.s.features:
            out.append(_table([self.value(v) for v in t.x[0]], self.names[0], "a0", escape=False))
        out.append(_table([num(v) for v in t.y[0]], self.names[-1], "y"))
        for f in t.forward:
            out.append(_p(fmt(translate("Worksheet", "Layer %1 weights W%1 (row: from, column: to)"), f.l)))
            out.append(_matrix(f.W, self.names[f.l - 1], self.names[f.l], num))
            if f.b is not None:
                out.append(_table([num(v) for v in np.ravel(f.b)], self.names[f.l], f"b{f.l}"))
        return out

    def forward(self) -> list[str]:
        out = [_h2(translate("Worksheet", "1. Forward pass"))]
        for f in self.t.forward:
            prev = self.names[f.l - 1]
            out.append(_p(fmt(translate("Worksheet", "Layer %1: z = a_prev · W%1 + b%1, then a = %2"), f.l,
                              SIGMA[f.activation])))
            for j, name in enumerate(self.names[f.l]):
                if len(prev) <= MAX_TERMS:
                    terms = [f"{self._a_prev(f, i)}·{_term(f.W[i, j])}" for i in range(len(prev))]
                else:
                    terms = [f"a{f.l - 1} · W{f.l}[:, {j + 1}]"]
                if f.b is not None:
                    terms.append(_term(np.ravel(f.b)[j]))
                out.append(f"<p class='eq'>z[{html.escape(name)}] = {html.escape(' + '.join(terms))} = "
                           f"{self.value(f.z[0, j])}</p>")
            for j, name in enumerate(self.names[f.l]):
                out.append(f"<p class='eq'>a[{html.escape(name)}] = {html.escape(f.activation)}(z) = "
                           f"{self.value(f.a[0, j])}</p>")
        return out

    def _a_prev(self, f: ins.ForwardLayer, i: int) -> str:
        """An input of the layer: its number when given (the data), its unit's name when it is an answer."""
        if f.l == 1 and self.s.normalizer is None:
            return _term(f.a_prev[0, i])
        if self.answers:
            return _term(f.a_prev[0, i])
        return self.names[f.l - 1][i]

    def loss(self) -> list[str]:
        t = self.t
        return [_h2(translate("Worksheet", "2. Loss")),
                f"<p class='eq'>{html.escape(LOSS.get(t.loss_name, t.loss_name))} = {self.value(t.loss)}</p>"]

    def backward(self) -> list[str]:
        t = self.t
        out = [_h2(translate("Worksheet", "3. Backward pass"))]
        last = t.forward[-1]
        if t.paired:
            rule = translate("Worksheet", "Output layer: with this output and loss, dZ = ŷ − y.")
        elif last.activation == "softmax":
            rule = translate("Worksheet", "Output layer: dA = ∂L/∂ŷ, then dZ = a ⊙ (dA − Σ(dA ⊙ a)) (softmax).")
        else:
            rule = fmt(translate("Worksheet", "Output layer: %1, then dZ = dA ⊙ σ′ with σ′ = %2."),
                       DLOSS.get(t.loss_name, "dA = ∂L/∂ŷ"), DERIVATIVE.get(last.activation, "σ′(a)"))
        out.append(_p(rule))
        for b in t.backward:
            names = self.names[b.l]
            out.append(_p(fmt(translate("Worksheet", "Layer %1"), b.l), bold=True))
            out.append(_table([self.value(v) for v in b.dZ[0]], names, f"dZ{b.l}", escape=False))
            out.append(_p(fmt(translate("Worksheet", "dW%1 = a%2ᵀ · dZ%1 (row: from, column: to)"), b.l, b.l - 1)))
            out.append(_matrix(b.dW, self.names[b.l - 1], names, self.value))
            if b.db is not None:
                out.append(_table([self.value(v) for v in np.ravel(b.db)], names, f"db{b.l} = dZ{b.l}", escape=False))
            if b.l > 1:
                act = t.forward[b.l - 2].activation
                out.append(_p(fmt(translate("Worksheet", "dA%1 = dZ%2 · W%2ᵀ, then dZ%1 = dA%1 ⊙ σ′ with σ′ = %3."),
                                  b.l - 1, b.l, DERIVATIVE.get(act, "σ′(a)"))))
                out.append(_table([self.value(v) for v in b.dA_prev[0]], self.names[b.l - 1], f"dA{b.l - 1}",
                                  escape=False))
        return out

    def update(self) -> list[str]:
        out = [_h2(translate("Worksheet", "4. One step of gradient descent")),
               _p(fmt(translate("Worksheet", "W ← W − η · dW and b ← b − η · db, with η = %1."), num(self.lr)))]
        for l, (W, b) in enumerate(ins.gd_step(self.net, self.t, self.lr), start=1):
            out.append(_p(fmt(translate("Worksheet", "New W%1"), l)))
            out.append(_matrix(W, self.names[l - 1], self.names[l], self.value))
            if b is not None:
                out.append(_table([self.value(v) for v in np.ravel(b)], self.names[l], f"b{l}", escape=False))
        return out


def _h2(text: str) -> str:
    return f"<h2>{html.escape(text)}</h2>"


def _p(text: str, bold: bool = False) -> str:
    return f"<p><b>{html.escape(text)}</b></p>" if bold else f"<p>{html.escape(text)}</p>"


def _table(cells: list[str], names: list[str], label: str, escape: bool = True) -> str:
    """One labelled row of values with the unit names above."""
    head = "".join(f"<th>{html.escape(str(n))}</th>" for n in names)
    body = "".join(f"<td class='m'>{html.escape(c) if escape else c}</td>" for c in cells)
    return (f"<table border='1' cellspacing='0' cellpadding='3'><tr><th></th>{head}</tr>"
            f"<tr><th>{html.escape(label)}</th>{body}</tr></table>")


def _matrix(M: np.ndarray, rows: list[str], cols: list[str], cell) -> str:
    head = "".join(f"<th>{html.escape(str(n))}</th>" for n in cols)
    body = "".join(f"<tr><th>{html.escape(str(r))}</th>" + "".join(f"<td class='m'>{_cell(cell, M[i, j])}</td>"
                                                                    for j in range(M.shape[1])) + "</tr>"
                   for i, r in enumerate(rows))
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr><th></th>{head}</tr>{body}</table>"


def _cell(cell, v: float) -> str:
    text = cell(v)
    return text if text.startswith("<") else html.escape(text)


def worksheet_html(net: Network, session: ins.Session, row: int, learning_rate: float, answers: bool,
                   title: str) -> str:
    """The worksheet for table row ``row`` (0-based) with these weights, as HTML."""
    return Sheet(net, session, row, learning_rate, answers, title).html()


def write_pdf(page_html: str, path: str | os.PathLike) -> None:
    """``page_html`` as an A4 PDF at ``path``, written to a temporary file first and renamed."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".nngui-", suffix=".pdf", dir=folder)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setResolution(150)
        doc = QTextDocument()
        doc.setHtml(page_html)
        doc.print_(writer)
        del writer  # the file is complete once the writer is gone
        if os.path.getsize(tmp) == 0:
            raise OSError(f"Cannot write {path}: the PDF came out empty")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def worksheet_files(path: str | os.PathLike) -> dict[str, str]:
    """The four files a worksheet export writes, from the chosen ``name.html``: the student's and the
    teacher's (``name-answers``), each as HTML and PDF."""
    base = os.fspath(path)
    if base.lower().endswith((".html", ".htm", ".pdf")):
        base = base.rsplit(".", 1)[0]
    return {"html": base + ".html", "answers_html": base + "-answers.html",
            "pdf": base + ".pdf", "answers_pdf": base + "-answers.pdf"}


def write_worksheets(net: Network, session: ins.Session, row: int, learning_rate: float, path,
                     title: str) -> dict[str, str]:
    """Write the student's and the teacher's worksheet as HTML and PDF; the paths written (the HTML only
    when a layer has more than ``PDF_MAX_UNITS`` units: a browser prints or scrolls its wide tables)."""
    files = worksheet_files(path)
    student = worksheet_html(net, session, row, learning_rate, False, title)
    teacher = worksheet_html(net, session, row, learning_rate, True, title)
    atomic_write_text(files["html"], student)
    atomic_write_text(files["answers_html"], teacher)
    if max(net.arch.sizes) > PDF_MAX_UNITS:
        return {key: name for key, name in files.items() if not key.endswith("pdf")}
    write_pdf(student, files["pdf"])
    write_pdf(teacher, files["answers_pdf"])
    return files
