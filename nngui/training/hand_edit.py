"""Editing one weight or bias by hand: the change in the trainer, and its undo step.

:func:`set_parameter` pauses training, writes the value into the trainer's network in place
(the optimiser's state, the history and the random stream stay as they are), sets the
trainer's latest losses to those of the edited weights and sends a fresh report, so the
diagram, the predictions, the decision map and the loss read-outs show the edit at once.
:class:`ParameterCommand` is that edit as one step of the window's undo stack
("Edit weight W1[2,3]"); undo writes the old value back the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QUndoCommand

from core.network import Architecture

from nngui.support.i18n import fmt, translate


@dataclass(frozen=True)
class Parameter:
    """One weight ``W{layer+1}[i, j]`` (from unit ``i`` of layer ``layer`` to unit ``j`` of the next) or one
    bias ``b{layer+1}[j]`` (of unit ``j`` of layer ``layer + 1``); indices count from 0, as in the maths
    inspector."""

    kind: str  # "weight" or "bias"
    layer: int
    j: int
    i: int = 0

    @property
    def name(self) -> str:
        """``W1[2,3]`` or ``b1[3]``."""
        if self.kind == "bias":
            return f"b{self.layer + 1}[{self.j}]"
        return f"W{self.layer + 1}[{self.i},{self.j}]"

    def fits(self, arch: Architecture) -> bool:
        """True when ``arch`` has this parameter."""
        if not 0 <= self.layer < arch.n_layers or not 0 <= self.j < arch.sizes[self.layer + 1]:
            return False
        if self.kind == "bias":
            return arch.bias
        return 0 <= self.i < arch.sizes[self.layer]

    def undo_text(self) -> str:
        return fmt(translate("MainWindow", "Edit bias %1") if self.kind == "bias" else
                   translate("MainWindow", "Edit weight %1"), self.name)


def read_parameter(trainer, p: Parameter) -> float:
    """The parameter's value in ``trainer``'s network (read only while training is paused)."""
    net = trainer.network
    if p.kind == "bias":
        return float(net.biases[p.layer][p.j])
    return float(net.weights[p.layer][p.i, p.j])


def set_parameter(session, p: Parameter, value: float) -> float | None:
    """Pause training, write ``value`` into the session's trainer in place and show the result at once;
    the value stored (rounded to the network's precision), or None when there is no trainer it fits."""
    if not math.isfinite(value):
        raise ValueError(f"{p.name}: expected a finite number, got {value!r}")
    session.controller.pause(wait=True)
    t = session.trainer
    if t is None or not p.fits(t.network.arch):
        return None
    net = t.network
    if p.kind == "bias":
        net.biases[p.layer][p.j] = value
    else:
        net.weights[p.layer][p.i, p.j] = value
    with np.errstate(all="ignore"):  # the losses of the edited weights, as the status bar shows them
        t.last_loss = float(t.loss_fn.value(net.predict(t.X), t.Y))
        if t.X_val is not None:
            t.last_val_loss = float(t.loss_fn.value(net.predict(t.X_val), t.Y_val))
    session.set_report(session.controller.snapshot())
    session.edited.emit()
    return read_parameter(t, p)


class ParameterCommand(QUndoCommand):
    """One hand edit on the undo stack: redo writes the new value, undo the old one."""

    def __init__(self, session, p: Parameter, old: float, new: float) -> None:
        super().__init__(p.undo_text())
        self.session, self.parameter, self.old, self.new = session, p, float(old), float(new)
        trainer = session.trainer
        self.arch = None if trainer is None else trainer.network.arch

    def redo(self) -> None:
        self._write(self.new)

    def undo(self) -> None:
        self._write(self.old)

    def _write(self, value: float) -> None:
        t = self.session.trainer
        if t is None or t.network.arch != self.arch or set_parameter(self.session, self.parameter, value) is None:
            self.setObsolete(True)  # the network changed since: nothing left to change back
            self.session.message.emit(fmt(translate("MainWindow", "%1 no longer exists: the network has "
                                                                  "changed since."), self.parameter.name), 6000)
