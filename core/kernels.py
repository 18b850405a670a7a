"""The Trainer's hot loop: a training step generated as straight-line NumPy calls.

Small networks are dominated by NumPy's per-call overhead (about 0.2-0.3 us a call
here), so for a given architecture and batch shape we generate the source of a
function that runs a step (or many full-batch epochs) as a fixed sequence of
ufunc calls with ``out=`` buffers: no temporaries, no Python objects per call,
transposes taken once, the loss's constant (and for plain gradient descent the
learning rate) folded into the output delta, one call to update every parameter
through the flat buffer, and biases carried inside the matrix products (a column of
ones beside each layer's input; see :class:`FusedStep`). The maths is that of
:meth:`core.network.Network.gradient` (the tests compare the two to 1e-10; the sums
are ordered differently). ``FusedStep.source`` shows the generated code.

What is supported, and the calls each activation and loss turns into, are facts on their
registry entries (``Activation.fused_forward``/``fused_backward``, ``Loss.squared_error``/
``fused_value``, ``Loss.delta_scale``): hidden activations with ``fused_forward``; squared
errors through any output with ``fused_backward``; other losses through their paired output
(softmax gets this module's row-wise lines). Anything else uses the generic path. The
facts are read once, when the step's source is generated: nothing per epoch.
"""

from __future__ import annotations

import importlib.util
import time
from typing import Callable

import numpy as np

from .activations import ACTIVATIONS, Activation
from .losses import EPS, LOSSES
from .network import Network
from .regularization import Penalty

# scipy's logistic is one call; on big arrays four in-place ufuncs are faster. scipy.special takes
# ~0.2 s to import (it loads numpy.f2py, numpy.testing...), so it is imported when a step first calls
# it, or earlier by :func:`load_expit` (the app's warm-up thread, after the first paint), never with core.
expit = None  # scipy.special.expit once loaded
_scipy: bool | None = None  # whether scipy is installed (asked without importing it)


def _has_expit() -> bool:
    global _scipy
    if _scipy is None:
        _scipy = expit is not None or importlib.util.find_spec("scipy") is not None
    return _scipy


def load_expit():
    """Import scipy's logistic (``scipy.special.expit``) now; None when scipy cannot be imported."""
    global expit, _scipy
    if expit is None and _scipy is not False:
        try:
            from scipy.special import expit as loaded
        except ImportError:  # pragma: no cover - scipy is a dependency, but the core runs without it
            _scipy = False
        else:
            expit, _scipy = loaded, True
    return expit


def _numpy_expit(z: np.ndarray, out: np.ndarray) -> np.ndarray:
    """The four in-place ufuncs of the sigmoid's ``fused_forward``: scipy went missing after all."""
    np.negative(z, out)
    np.exp(out, out)
    np.add(out, 1.0, out)
    return np.reciprocal(out, out)


def _lazy_expit(ns: dict):
    """``expit`` for a generated step's namespace: scipy's, imported on the first call (then called directly)."""
    if expit is not None:
        return expit

    def first_call(z, out):
        ns["expit"] = load_expit() or _numpy_expit
        return ns["expit"](z, out)

    return first_call

EXPIT_MAX = 4096
MATMUL_MIN_WORK = 16384  # m * k * n from which np.matmul beats np.dot here (measured)
ELEMENTWISE = tuple(name for name, a in ACTIVATIONS.items() if a.fused_forward is not None)  # as hidden layers
_NEGATE = "negative({z}, {z})"  # an activation starting with this can take -z from a product with -X
SMALL_OUTPUT = 256  # rows * outputs up to which the per-epoch errors are kept and summed per chunk
ERROR_CHUNK = 1024  # epochs of errors kept at once in that case
SLICE_SECONDS = 0.01  # mini-batches run between two checks of a caller's ``between`` (see FusedStep.batches)
CHECK_WORK = 16_000_000  # multiply-adds of a product after which the generated code calls check() (set_check)


def _nothing() -> None:
    """The generated code's ``check()`` when nothing watches it."""


def supports(net: Network) -> bool:
    """True when :class:`FusedStep` implements this architecture's activations and loss."""
    arch = net.arch
    if any(ACTIVATIONS[a].fused_forward is None for a in arch.activations[:-1]):
        return False
    out, loss = ACTIVATIONS[arch.output_activation], LOSSES[arch.loss]
    if loss.fused_value is None:
        return False
    if loss.squared_error:
        return out.fused_forward is not None and out.fused_backward is not None
    return loss.paired_activation == out.name and (out.fused_forward is not None or out.name == "softmax")


def _one_call(act: Activation, size: int) -> bool:
    """Whether to use the activation's one-call form (scipy's expit): cheapest where per-call
    overhead dominates; on arrays above EXPIT_MAX elements the in-place ufuncs win."""
    return act.fused_one_call is not None and size <= EXPIT_MAX and _has_expit()


def _activate(name: str, z: str, tmp: str, size: int, hidden: bool = False) -> list[str]:
    """Source lines applying an element-wise activation to buffer ``z`` (of ``size`` elements) in place.

    A ``hidden`` layer's lines leave f'(z) in ``tmp`` where the activation has a form for that
    (``fused_forward_keep``); its backward pass (:func:`_derivative`) then only multiplies by it.
    Between the two nothing else writes a hidden layer's ``tmp``.
    """
    act = ACTIVATIONS[name]
    if hidden and act.fused_forward_keep is not None:
        return [line.format(z=z, t=tmp) for line in act.fused_forward_keep]
    if _one_call(act, size):
        return [act.fused_one_call.format(z=z)]
    return [line.format(z=z, t=tmp) for line in act.fused_forward]


def _softmax_lines(z: str, size: int, normalise: bool = True) -> list[str]:
    """Softmax over the rows of ``z``: the row max as column-wise calls, the row sum as one product.

    Without ``normalise`` ``z`` is left holding exp(z - max) and ``rowmax`` the row sums.
    """
    k = int(size)
    if k > 32:
        lines = [f"subtract({z}, {z}.max(axis=1, keepdims=True), {z})"]
    else:
        lines = ["rowmax[:] = Pc0"] + [f"maximum(rowmax, Pc{j}, out=rowmax)" for j in range(1, k)]
        lines += [f"subtract({z}, rowmax2, {z})"]
    lines += [f"exp({z}, {z})", f"dot({z}, onesk, rowmax)"]
    return lines + ([f"divide({z}, rowmax2, {z})"] if normalise else [])


def _product(a: str, b: str, out: str, work: int, strided: bool = False) -> str:
    """A matrix product: np.dot has the least overhead on tiny operands, np.matmul the faster kernels
    (and the only one of the two that writes into or reads from a view with a row stride)."""
    return f"dot({a}, {b}, {out})" if work < MATMUL_MIN_WORK and not strided else f"matmul({a}, {b}, {out})"


def _derivative(name: str, a: str, g: str, tmp: str, hidden: bool = False) -> list[str]:
    """Source lines multiplying ``g`` in place by the derivative, written through the output ``a``
    (a ``hidden`` layer's by the derivative its forward lines kept in ``tmp``, see :func:`_activate`)."""
    act = ACTIVATIONS[name]
    if hidden and act.fused_forward_keep is not None:
        return [f"multiply({g}, {tmp}, {g})"]
    return [line.format(a=a, g=g, t=tmp) for line in act.fused_backward]


class FusedStep:
    """Generated training code for one network and one batch shape.

    ``step(scale)`` runs forward and backward on the batch buffers ``X``/``Y`` and
    leaves the gradient times ``scale`` in ``grad`` (laid out like ``net.params``);
    ``epochs(n, losses, lr)`` runs ``n`` full-batch gradient-descent epochs in one call;
    ``value()`` is the forward pass and the loss alone (a validation set's step uses only that).
    With a ``penalty`` (L2/L1, :mod:`core.regularization`) every gradient gains its term, written
    as a few more lines of the generated code; without one the code is what it was.
    """

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray, fixed: bool = False,
                 penalty: Penalty | None = None) -> None:
        """``fixed``: X and Y keep their values (full batch), so facts about them may be precomputed.

        Biases ride in the products: W with b under it (adjacent in the flat buffer) is one
        (inputs + 1, units) matrix, and the layer's input carries a trailing column of ones, so
        one product gives ``a @ W + b`` and one gives both gradients. For the first layer that
        column is in ``self.X`` (callers refilling the batch take rows from :meth:`batch_source`);
        for a hidden layer it is in the activation buffer, whose products are then written and
        read through views (``Z``, ``Gv``). Hidden layers whose products are too small for
        ``np.matmul`` keep a separate bias (``np.dot`` wants contiguous outputs).
        """
        arch, dt = net.arch, net.params.dtype
        rows, L, sizes = X.shape[0], arch.n_layers, arch.sizes
        self.net, self.Y = net, Y
        self.folded = [net.biases[0] is not None] + [
            net.biases[l] is not None and rows * sizes[l] * sizes[l + 1] >= MATMUL_MIN_WORK for l in range(1, L)]
        self.fold = self.folded[0]
        self.X = self.batch_source(X) if self.fold else X
        X = self.X
        self.grad = np.empty_like(net.params)
        ns: dict = {name: getattr(np, name) for name in (
            "dot", "add", "subtract", "multiply", "divide", "negative", "exp", "log", "reciprocal",
            "tanh", "maximum", "greater", "clip", "vdot", "einsum", "matmul", "sign")}
        ns.update(expit=_lazy_expit(ns), X=X, XT=np.ascontiguousarray(X.T) if fixed else X.T, Y=Y, params=net.params,
                  grad=self.grad)
        # A fixed batch into a 4-call sigmoid: the product with -X gives -z exactly, saving a negation.
        first = ACTIVATIONS[arch.activations[0]]
        self.negated = (fixed and first.fused_forward is not None and first.fused_forward[:1] == (_NEGATE,)
                        and not _one_call(first, rows * (sizes[1] + self._ones_column(0)))
                        and (first.fused_forward_keep is None or arch.n_layers == 1))  # (its lines start otherwise)
        if self.negated:
            ns["XN"] = np.negative(X)
        for l, ((ws, bs), k) in enumerate(zip(arch.layer_slices(), sizes[1:])):
            width = k + self._ones_column(l)
            A, T = np.empty((rows, width), dt), np.empty((rows, width), dt)
            G = np.zeros((rows, width), dt)  # a column of ones' gradient stays 0 (see _backward)
            A[:, k:] = 1.0
            ns.update({f"A{l}": A, f"A{l}T": A.T, f"Z{l}": A[:, :k], f"G{l}": G, f"G{l}v": G[:, :k],
                       f"T{l}": T, f"O{l}": A[:, k:]})
            both = slice(ws.start, bs.stop) if self.folded[l] else ws
            W = net.params[both].reshape(-1, k)
            ns.update({f"W{l}": W, f"W{l}T": W.T, f"W{l}Tn": W[: W.shape[0] - self.folded[l]].T,
                       f"gW{l}": self.grad[both].reshape(-1, k)})
            if bs is not None and not self.folded[l]:
                ns.update({f"b{l}": net.biases[l], f"gb{l}": self.grad[bs]})
        k_out = arch.sizes[-1]
        ns["ones"] = np.ones(rows, dt)
        ns["D"] = np.empty((rows, k_out), dt)
        if arch.output_activation == "softmax":  # row max as k column-wise calls, row sum as one product
            P = ns[f"A{L - 1}"]
            ns["rowmax"] = np.empty(rows, dt)
            ns["rowmax2"] = ns["rowmax"].reshape(rows, 1)
            ns["onesk"] = np.ones(k_out, dt)
            ns.update({f"Pc{j}": P[:, j] for j in range(k_out)})
        # one-hot targets: the cross-entropy needs only the log of each row's true-class probability,
        # and the probabilities themselves need never be formed (see _delta_lines)
        self.one_hot = (fixed and arch.loss == "ce" and bool(np.all((Y == 0) | (Y == 1)))
                        and bool(np.all(Y.sum(axis=1) == 1)))
        if self.one_hot:
            ns["Pflat"] = ns[f"A{L - 1}"].reshape(-1)
            ns["hot"] = np.flatnonzero(Y.reshape(-1))
            ns["picked"] = np.empty(rows, dt)
            ns["rinv"] = np.empty(rows, dt)
            ns["crow"] = np.empty((rows, 1), dt)
            ns["crowf"] = ns["crow"].reshape(-1)
            ns["Yc"] = np.empty_like(Y)
        ns["Dflat"] = ns["D"].reshape(-1)
        loss = LOSSES[arch.loss]
        self.summed = loss.summed
        self.keep_errors = loss.squared_error and rows * k_out <= SMALL_OUTPUT  # the loss is then sum E^2
        self.errors = np.empty((ERROR_CHUNK, rows, k_out), dt) if self.keep_errors else None
        ns["E"] = self.errors
        self.factor = loss.delta_scale(rows, k_out)
        self.mean_divisor = loss.divisor(rows, k_out)
        body = self._forward(arch, net, rows) + ["__ERR__"]
        body += self._backward(arch, net, rows)
        self.penalty_head = self._penalty(penalty, net, ns)
        if self.penalty_head:  # after the backward pass, before the update: grad += (c / factor) (l2 W + l1 sign W)
            body += ([] if penalty.l2 == 0 else ["multiply(params, pl2c, pen)", "add(grad, pen, grad)"])
            body += ([] if penalty.l1 == 0 else ["sign(params, pen)", "multiply(pen, pl1c, pen)",
                                                 "add(grad, pen, grad)"])
        self.source = self._assemble(body, arch)
        ns["check"] = _nothing
        self._ns = ns
        self._slice = 1  # batches between two calls of batches()'s ``between`` (learned as they run)
        exec(compile(self.source, f"<nngui fused step {list(arch.sizes)}>", "exec"), ns)
        self._step, self._epochs, self._epochs_val = ns["step"], ns["epochs"], ns["epochs_val"]
        self._value = ns["value"]
        self._batches_gd, self._batches = ns["batches_gd"], ns["batches"]

    def _penalty(self, penalty: Penalty | None, net: Network, ns: dict) -> list[str]:
        """The penalty's arrays in the namespace, and the lines scaling them by ``c`` once a call.

        The generated code gets ``c`` = scale * factor (for plain gradient descent scale = lr), so
        ``l2 / factor`` times ``c`` is l2 times the scale the data gradient is taken at.
        """
        if penalty is None or not (penalty.l2 or penalty.l1):
            return []
        dt, head = net.params.dtype, []
        mask = penalty.mask.astype(dt)
        ns["pen"] = np.empty_like(net.params)
        for name, strength in (("pl2", penalty.l2), ("pl1", penalty.l1)):
            if strength:
                ns[name] = (mask * (strength / self.factor)).astype(dt)
                ns[name + "c"] = np.empty_like(net.params)
                head.append(f"multiply({name}, c, {name}c)")
        return head

    def _ones_column(self, l: int) -> int:
        """1 when hidden layer ``l``'s activations carry the next layer's column of ones."""
        return int(l + 1 < len(self.folded) and self.folded[l + 1])

    def _forward(self, arch, net, rows: int) -> list[str]:
        lines, prev = [], "X"
        for l, name in enumerate(arch.activations):
            k, extra = arch.sizes[l + 1], self._ones_column(l)
            work = rows * (arch.sizes[l] + self.folded[l]) * k
            lines.append(_product("XN" if l == 0 and self.negated else prev, f"W{l}", f"Z{l}", work, extra))
            lines += ["check()"] if work >= CHECK_WORK else []
            if net.biases[l] is not None and not self.folded[l]:
                lines.append(f"add(Z{l}, b{l}, Z{l})")
            if name == "softmax":
                lines += _softmax_lines(f"A{l}", k, normalise=not self.one_hot)
            else:
                act = _activate(name, f"A{l}", f"T{l}", rows * (k + extra), hidden=l < arch.n_layers - 1)
                lines += act[1:] if l == 0 and self.negated else act  # the product already gave -z
                if extra and not ACTIVATIONS[name].keeps_one:  # f(1) != 1: restore the ones
                    lines.append(f"O{l}.fill(1.0)")
            prev = f"A{l}"
        return lines

    def _backward(self, arch, net, rows: int) -> list[str]:
        L = arch.n_layers
        lines = []
        if LOSSES[arch.loss].squared_error:  # otherwise the output is the loss's paired activation
            lines += _derivative(arch.output_activation, f"A{L - 1}", f"G{L - 1}", f"T{L - 1}")
        for l in range(L - 1, -1, -1):
            k, extra = arch.sizes[l + 1], self._ones_column(l)
            work = rows * (arch.sizes[l] + self.folded[l]) * k
            lines.append(_product(f"A{l - 1}T" if l else "XT", f"G{l}v", f"gW{l}", work, extra))
            lines += ["check()"] if work >= CHECK_WORK else []
            if net.biases[l] is not None and not self.folded[l]:
                lines.append(f"dot(ones, G{l}v, gb{l})")  # column sums through BLAS, far cheaper than .sum(0)
            if l:
                if k == 1:  # (n x 1)(1 x k): np.dot beats both matmul and broadcasting here
                    lines.append(f"dot(G{l}v, W{l}T, G{l - 1})")
                elif self.folded[l]:  # nobody reads the gradient of the ones column: leave its product out
                    lines.append(_product(f"G{l}v", f"W{l}Tn", f"G{l - 1}v", work, True))
                else:
                    lines.append(_product(f"G{l}v", f"W{l}T", f"G{l - 1}", work, extra))
                lines += _derivative(arch.activations[l - 1], f"A{l - 1}", f"G{l - 1}", f"T{l - 1}", hidden=True)
        return lines

    def _delta_lines(self, arch) -> list[str]:
        """Lines leaving the output delta times ``c`` in the last G; for most losses D = P - Y too."""
        P, G = f"A{arch.n_layers - 1}", f"G{arch.n_layers - 1}"
        if self.one_hot:  # P is exp(z - max), rowmax the row sums: c (P / sum - Y) without forming P / sum
            return ["reciprocal(rowmax, rinv)", "multiply(rinv, c, crowf)", f"multiply({P}, crow, {G})",
                    f"subtract({G}, Yc, {G})"]
        return [f"subtract({P}, Y, D)", f"multiply(D, c, {G})"]

    def _loss_lines(self, arch) -> list[str]:
        """Lines that leave the batch loss (before its mean) in ``v``; D holds P - Y on entry."""
        P, T = f"A{arch.n_layers - 1}", f"T{arch.n_layers - 1}"
        if self.one_hot:  # softmax + ce, P unnormalised (see _delta_lines): only the true classes' logs
            return ["Pflat.take(hot, out=picked)", "multiply(picked, rinv, picked)",
                    f"clip(picked, {EPS!r}, 1.0, picked)", "log(picked, picked)", "v = -picked.sum()"]
        return [line.format(P=P, T=T) for line in LOSSES[arch.loss].fused_value]

    def _value_lines(self, arch) -> list[str]:
        """Lines leaving the batch loss (before its mean) in ``v`` after the forward pass, without a delta."""
        if self.one_hot:  # the loss lines want the reciprocal row sums the delta lines make
            return ["reciprocal(rowmax, rinv)"] + self._loss_lines(arch)
        if LOSSES[arch.loss].squared_error:  # the loss lines want D = P - Y
            return [f"subtract(A{arch.n_layers - 1}, Y, D)"] + self._loss_lines(arch)
        return self._loss_lines(arch)

    def _assemble(self, body: list[str], arch) -> str:
        P, G = f"A{arch.n_layers - 1}", f"G{arch.n_layers - 1}"
        cut = body.index("__ERR__")
        # The loss lines may reuse D, so they run after D has been turned into the output delta.
        step_body = body[:cut] + self._delta_lines(arch) + self._loss_lines(arch) + body[cut + 1:]
        if self.keep_errors:
            ep_body = body[:cut] + ["e = E[i]", f"subtract({P}, Y, e)", f"multiply(e, c, {G})"] + body[cut + 1:]
        else:
            ep_body = step_body + ["losses[i] = v"]
        val_body = ep_body + ["vlosses[i] = value()", "subtract(params, grad, params)"]  # before the update
        ep_body.append("subtract(params, grad, params)")
        value_body = body[:cut] + self._value_lines(arch) + ["return v"]
        pen = "".join("\n    " + line for line in self.penalty_head)  # the scaled penalty, once a call
        head = ("\n    multiply(Y, c, Yc)" if self.one_hot else "") + pen  # the scaled targets, once a call
        indent = "\n        "
        batch_head = ["idx = order[s : s + bs]", "SX.take(idx, 0, X)", "SY.take(idx, 0, Y)"]
        batch_body = batch_head + step_body + ["total += v"]
        return (
            "def step(c):" + head + "\n    " + "\n    ".join(step_body + ["return v"]) + "\n\n"
            "def epochs(n, losses, c):" + head + "\n    for i in range(n):" + indent + indent.join(ep_body) + "\n\n"
            "def epochs_val(n, losses, c, value, vlosses):" + head + "\n    for i in range(n):" + indent
            + indent.join(val_body) + "\n\n"
            "def value():\n    " + "\n    ".join(value_body) + "\n\n"
            "def batches_gd(SX, SY, order, stop, bs, c, total):" + pen + "\n    for s in range(0, stop, bs):"
            + indent + indent.join(batch_body + ["subtract(params, grad, params)"]) + "\n    return total\n\n"
            "def batches(SX, SY, order, stop, bs, c, update, total):" + pen
            + "\n    for s in range(0, stop, bs):"
            + indent + indent.join(batch_body + ["update(params, grad)"]) + "\n    return total\n"
        )

    def set_check(self, check: Callable[[], None] | None) -> None:
        """What the generated code calls after each product of at least CHECK_WORK multiply-adds (None: nothing);
        it may raise to abandon the step (a long epoch of a big network is then cut short)."""
        self._ns["check"] = check or _nothing

    def batch_source(self, X: np.ndarray) -> np.ndarray:
        """The rows to fill ``self.X`` from: ``X`` with the trailing column of ones when the bias is folded."""
        if not self.fold:
            return X
        out = np.empty((X.shape[0], X.shape[1] + 1), self.net.params.dtype)
        out[:, :-1] = X
        out[:, -1] = 1.0
        return out

    def step(self, scale: float) -> float:
        """Gradient times ``scale`` into ``grad``; returns the batch loss in the loss's own reduction."""
        return float(self._step(scale * self.factor)) / self.mean_divisor

    def batches(self, SX: np.ndarray, SY: np.ndarray, order: np.ndarray, count: int, lr: float,
                update=None, between: Callable[[], None] | None = None) -> float:
        """``count`` full batches drawn from SX/SY in ``order``, each followed by an update.

        Plain gradient descent (``update`` None) steps by ``lr``; otherwise ``update(params, grad)``
        gets the raw gradient. Returns the summed loss of the batches, per sample (as ``step`` times rows).
        With ``between``, the batches run in slices of about SLICE_SECONDS and ``between()`` is called
        after each (it may raise to abandon the rest); the result is the same, bit for bit.
        """
        bs = self.X.shape[0]
        run = self._batches_gd if update is None else self._batches
        head = (lr * self.factor,) if update is None else (self.factor, update)
        if between is None:
            raw = run(SX, SY, order, count * bs, bs, *head, 0.0)
        else:
            raw, done, k = 0.0, 0, self._slice  # the slice learned by the epochs before
            while done < count:
                m = min(k, count - done)
                t = time.perf_counter()
                raw = run(SX, SY, order[done * bs:], m * bs, bs, *head, raw)
                done += m
                self._slice = k = max(1, min(4 * k, int(m * SLICE_SECONDS / max(time.perf_counter() - t, 1e-9))))
                between()
        return float(raw) if self.summed else float(raw) * bs / self.mean_divisor

    def _run_epochs(self, n: int, losses, c: float, val: "FusedStep | None", vlosses, value=None) -> None:
        if val is None:
            self._epochs(n, losses, c)
        else:
            self._epochs_val(n, losses, c, value or val._value, vlosses)

    def value(self) -> float:
        """The loss of the current weights on the batch buffers (forward pass only), in the loss's reduction."""
        return float(self._value()) / self.mean_divisor

    def epochs(self, n: int, losses: np.ndarray, lr: float, val: "FusedStep | None" = None,
               vlosses: np.ndarray | None = None, watch: Callable[[float], None] | None = None) -> None:
        """``n`` epochs of full-batch gradient descent; ``losses[i]`` gets epoch i's loss.

        With ``val`` (a step on other rows of the same network), ``vlosses[i]`` gets ``val.value()``
        of epoch i's weights before its update, computed inside the loop; ``watch`` (if given) is
        called with each of those losses there, while the weights are still the ones it measured.
        """
        c = lr * self.factor
        value = None
        if watch is not None and val is not None:
            raw, divisor = val._value, val.mean_divisor

            def value() -> float:
                v = raw()
                watch(v / divisor)
                return v

        if not self.keep_errors:
            self._run_epochs(n, losses, c, val, vlosses, value)
        else:
            E = self.errors
            for start in range(0, n, ERROR_CHUNK):
                m = min(ERROR_CHUNK, n - start)
                part = None if val is None else vlosses[start : start + m]
                self._run_epochs(m, None, c, val, part, value)
                np.einsum("ijk,ijk->i", E[:m], E[:m], out=losses[start : start + m])
        losses /= self.mean_divisor
        if val is not None:
            vlosses /= val.mean_divisor
