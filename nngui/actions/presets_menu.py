"""Presets: one action per entry of the core's preset table (``core.presets.PRESETS``)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from core.presets import PRESETS

from nngui.actions import add_menu
from nngui.support.i18n import translate


def build(w, menubar) -> None:
    keep = w.retranslator.keep
    menu = add_menu(w, menubar, translate("MainWindow", "&Presets"), "presetsMenu")
    w.preset_actions = {}
    for name, preset in PRESETS.items():
        title = translate("presets", preset.title)
        a = QAction(title, w)
        keep(a, "setText", title)
        a.setObjectName(f"preset_{name}")
        a.setData(name)
        for setter in ("setStatusTip", "setToolTip"):
            getattr(a, setter)(keep(a, setter, translate("presets", preset.description)))
        a.triggered.connect(lambda *_, n=name: w.choose_preset(n))
        menu.addAction(a)
        w.preset_actions[name] = a
    menu.setToolTipsVisible(True)
