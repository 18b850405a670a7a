"""The maths inspector's prose around the numbers, in the window's language (:mod:`nngui.views.inspector`)."""

from __future__ import annotations

import html

from core.activations import ACTIVATIONS
from core.optimizers import OPTIMIZERS

from nngui.support.i18n import current_language, fmt, translate, translated


def act_name(name: str) -> str:
    """An activation as prose names it: its registry name in English ("relu"), its label in another language."""
    if current_language() == "en" or name not in ACTIVATIONS:
        return name
    return translated("core", ACTIVATIONS[name].label)


def note(text: str) -> str:
    """A grey note paragraph."""
    return f"<p class='note'>{text}</p>"


def press_check() -> str:
    return translate("MathsInspector", "Press <b>Gradient check</b> to compare the gradient from backpropagation "
                                       "with finite differences of the loss.")


def normalization_name(kind: str) -> str:
    """A normaliser's kind as prose names it ("standard"; its label in another language)."""
    if current_language() == "en":
        return kind
    labels = {"standard": "Standardise (mean 0, sd 1)", "minmax": "Min-max to [0, 1]"}
    return translated("core", labels[kind]) if kind in labels else kind


def layer_head(l: int, role: str | None, activation: str) -> str:
    """"<b>Layer 2</b> · output · sigmoid" (no role on the backward pass)."""
    head = "<b>" + fmt(translate("MathsInspector", "Layer %1"), l) + "</b>"
    return "<p>" + " · ".join([head] + ([role] if role else []) + [act_name(activation)]) + "</p>"


def loss_note(label: str, summed: bool, n_train: int) -> str:
    if summed:
        if n_train == 1:
            return fmt(translate("MathsInspector", "%1, of this row alone. The trainer's loss adds up this over its 1 "
                                                   "training row."), label)
        return fmt(translate("MathsInspector", "%1, of this row alone. The trainer's loss adds up this over its %2 "
                                               "training rows."), label, n_train)
    if n_train == 1:
        return fmt(translate("MathsInspector", "%1, of this row alone. The trainer's loss averages this over its 1 "
                                               "training row."), label)
    return fmt(translate("MathsInspector", "%1, of this row alone. The trainer's loss averages this over its %2 "
                                           "training rows."), label, n_train)


def step_note(summed: bool, n_train: int, opt: str) -> str:
    """How training uses these gradients: their sum or mean over the rows, with which optimiser."""
    name = "<b>" + html.escape(opt if current_language() == "en" or opt not in OPTIMIZERS else
                               translated("core", OPTIMIZERS[opt].label)) + "</b>"
    if summed:
        text = translate("MathsInspector", "Training takes one step per epoch with the sum of these gradients over "
                                           "all %1 training rows (or a batch of them), using the %2 optimiser")
    else:
        text = translate("MathsInspector", "Training takes one step per epoch with the mean of these gradients over "
                                           "all %1 training rows (or a batch of them), using the %2 optimiser")
    text = fmt(text, n_train, name)
    if opt != "gd":
        text = fmt(translate("MathsInspector", "%1, which scales each step by its running averages"), text)
    return text + "."
