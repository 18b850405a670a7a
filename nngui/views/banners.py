"""The two banners above the views: training diverged (red) and data that cannot be used yet (yellow)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nngui.support.core_messages import core_text
from nngui.support.i18n import translate

DIVERGENCE_STYLE = (
    "QLabel#divergenceBanner { background: #fde2e1; color: #7a1010; border: 1px solid #d9534f;"
    " border-radius: 4px; padding: 8px 12px; font-weight: bold; }"
)
NOTICE_STYLE = (
    "QLabel#noticeBanner { background: #fff4d6; color: #6b4a00; border: 1px solid #e0b84a;"
    " border-radius: 4px; padding: 6px 12px; }"
)
INFO_STYLE = (  # a calm notice: nothing is wrong, something is missing (e.g. a model file without data)
    "QLabel#noticeBanner { background: #e6f0fa; color: #173f66; border: 1px solid #8fb3d9;"
    " border-radius: 4px; padding: 6px 12px; }"
)


def _banner(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class Banners:
    """``divergence`` (objectName ``divergenceBanner``) and ``notice`` (``noticeBanner``)."""

    def __init__(self) -> None:
        self.divergence = _banner("divergenceBanner", DIVERGENCE_STYLE)
        self.notice = _banner("noticeBanner", NOTICE_STYLE)

    def show_divergence(self, text: str) -> None:
        self.divergence.setText("\u26a0 " + core_text(text) + "  " + translate("MainWindow", "Press Reset (Ctrl+R) to start "
                                                                                 "again."))
        self.divergence.show()

    def show_notice(self, text: str, calm: bool = False) -> None:
        """Why the data cannot be used (empty: hide it), or with ``calm`` what to add; it replaces the
        divergence banner."""
        self.notice.setStyleSheet(INFO_STYLE if calm else NOTICE_STYLE)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.divergence.hide()
