"""The document the window edits: which file it is, what it is called, whether it has unsaved changes.

The window's title follows it; File > Save, the recent-files list and autosave read
it. It knows nothing about the table, the settings or the trainer (those are
:class:`nngui.session.TrainingSession`'s).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.presets import PRESETS

from nngui.files.project import SUFFIX as PROJECT_SUFFIX
from nngui.support.i18n import current_language, fmt, translate
from nngui.support.settings import app_settings

UNTITLED = "Untitled"
PRESET_MARK = " (preset)"
RECOVERED_MARK = " (recovered)"


class Document(QObject):
    """Path, display name and modified flag; ``changed`` fires when any of them changes."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None  # the project file, when saved or opened as one
        self.name = UNTITLED  # what the title bar shows
        self.modified = False

    def set(self, path: str | None, name: str, modified: bool = False) -> None:
        """A new identity: the project file (None when not saved as one) and its display name."""
        self.path, self.name, self.modified = path, name, bool(modified)
        self.changed.emit()

    def title(self) -> str:
        """The name as the title bar and the dialogs show it, in the window's language (a preset by its title)."""
        name = self.name
        if name == UNTITLED:
            return translate("Document", "Untitled")
        for mark, template in ((PRESET_MARK, translate("Document", "%1 (preset)")),
                               (RECOVERED_MARK, translate("Document", "%1 (recovered)"))):
            if name.endswith(mark):
                inner = name[: -len(mark)]
                if mark == PRESET_MARK and inner in PRESETS and current_language() != "en":
                    inner = translate("presets", PRESETS[inner].title)
                return fmt(template, inner)
        return name

    def saved_as(self, path: str) -> None:
        self.set(path, display_name(path))

    def set_modified(self, on: bool) -> None:
        if bool(on) != self.modified:
            self.modified = bool(on)
            self.changed.emit()

    def stem(self) -> str:
        """A file name stem for exports: "spiral" for the preset, "run1" for run1.nngui.json, "wine" for wine.csv."""
        name = self.name.replace(PRESET_MARK, "").replace(RECOVERED_MARK, "")
        for suffix in (PROJECT_SUFFIX, ".json", ".csv", ".tsv", ".txt"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        return name or "untitled"

    def dialog_dir(self) -> str:
        """Where file dialogs start: the document's folder, else the last folder used."""
        if self.path:
            return os.path.dirname(self.path)
        return str(app_settings().value("lastDir", str(Path.home())))


def remember_dir(path: str) -> None:
    """The folder of a file the user chose, for the next dialog."""
    app_settings().setValue("lastDir", os.path.dirname(path))


def display_name(path: str) -> str:
    return os.path.basename(path) or path
