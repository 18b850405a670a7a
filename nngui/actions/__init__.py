"""The window's actions, declared as data: one module per menu (``file_menu``, ``edit_menu``, ...).

Each menu module has ``actions(window)``, a list of :class:`ActionSpec` (id, text,
shortcut, tip, handler), and ``build(window, menubar)``, which creates the actions (as
``window.<attr>``, with objectName ``id``) and fills its menu. Handlers call the window's
public methods only. To add a menu action: add a spec to the menu's list; the
shortcut, tooltip, translation and objectName follow from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from nngui.support.accessibility import set_name

Shortcut = str | QKeySequence.StandardKey | int | tuple | None


@dataclass(frozen=True)
class ActionSpec:
    """One QAction: ``attr`` on the window, objectName ``id``; ``handler()`` (or ``handler(checked)``)."""

    attr: str
    id: str
    text: str
    handler: Callable | None = None
    shortcut: Shortcut = None
    tip: str = ""
    checkable: bool = False
    icon: QStyle.StandardPixmap | None = None


def set_action_tip(action: QAction, tip: str) -> None:
    """Status tip, and tooltip with the shortcut (e.g. "Train one epoch (Right)")."""
    action.setStatusTip(tip)
    action.setToolTip(tip + (f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                             if not action.shortcut().isEmpty() else ""))


def create(window, spec: ActionSpec) -> QAction:
    """The QAction for ``spec``, added to the window (so its shortcut works everywhere) as ``window.<attr>``."""
    keep = window.retranslator.keep
    action = QAction(spec.text, window)
    action.setObjectName(spec.id)
    keep(action, "setText", spec.text)
    if spec.shortcut is not None:
        keys = spec.shortcut if isinstance(spec.shortcut, (list, tuple)) else (spec.shortcut,)
        action.setShortcuts([QKeySequence(k) for k in keys])
    if spec.tip:
        set_action_tip(action, spec.tip)
        keep(action, set_action_tip, spec.tip)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))
    action.setCheckable(spec.checkable)
    if spec.handler is not None:
        if spec.checkable:
            action.toggled.connect(spec.handler)
        else:
            action.triggered.connect(lambda *_, h=spec.handler: h())
    window.addAction(action)
    setattr(window, spec.attr, action)
    return action


def create_all(window, specs: list[ActionSpec]) -> list[QAction]:
    return [create(window, s) for s in specs]


def add_menu(window, parent, title: str, name: str) -> QMenu:
    """``parent.addMenu(title)`` with objectName ``name``, its title kept for a language change."""
    menu = parent.addMenu(title)
    menu.setObjectName(name)
    window.retranslator.keep(menu, "setTitle", title)
    set_name(menu, title, keep=window.retranslator)  # screen readers name a menu by its accessible name
    return menu


def fill(menu: QMenu, groups: list[list[QAction]]) -> None:
    """Add the actions, a separator between groups."""
    for i, group in enumerate(groups):
        if i:
            menu.addSeparator()
        for a in group:
            menu.addAction(a)
