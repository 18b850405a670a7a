"""File > Open Recent: the last files opened or saved, kept in QSettings."""

from __future__ import annotations

import os
from typing import Callable

from PySide6.QtWidgets import QMenu

from nngui.support.i18n import translate
from nngui.support.settings import app_settings

MAX_RECENT = 8
KEY = "recentFiles"


def recent_files() -> list[str]:
    """Most recent first."""
    value = app_settings().value(KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(path: str) -> None:
    path = os.path.abspath(path)
    files = [p for p in recent_files() if p != path]
    files.insert(0, path)
    app_settings().setValue(KEY, files[:MAX_RECENT])


def forget(path: str) -> None:
    app_settings().setValue(KEY, [p for p in recent_files() if p != path])


def fill_menu(menu: QMenu, open_path: Callable[[str], None]) -> None:
    """Rebuild ``menu`` (before it shows): one action per file, then "Clear the list"."""
    menu.clear()
    files = recent_files()
    if not files:
        a = menu.addAction(translate("MainWindow", "(no recent files)"))
        a.setEnabled(False)
        return
    for i, path in enumerate(files):
        a = menu.addAction(f"&{i + 1} {os.path.basename(path)}")
        a.setToolTip(path)
        a.setStatusTip(path)
        a.triggered.connect(lambda *_, p=path: open_path(p))
    menu.addSeparator()
    clear = menu.addAction(translate("MainWindow", "Clear the list"))
    clear.triggered.connect(lambda *_: app_settings().setValue(KEY, []))
