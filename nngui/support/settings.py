"""The application's QSettings store (recent files, window state, language, palette)."""

from PySide6.QtCore import QSettings

APP_NAME = "nngui"
ORG_NAME = "nngui"


def app_settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)
