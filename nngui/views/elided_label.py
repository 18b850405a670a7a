"""A one-line label that ends in "…" when its room is too small, and then shows its whole text as a tooltip.

Used for the grey hints beside the view titles: they give way first when the window is narrow.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QToolTip


class ElidedLabel(QLabel):
    """A plain-text QLabel that elides instead of being cut off; its minimum width is a few letters."""

    def shown_text(self) -> str:
        """The text as drawn: elided to the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M\u2026")), hint.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()) | int(Qt.TextFlag.TextSingleLine),
                                  self.palette(), self.isEnabled(), self.shown_text(), QPalette.ColorRole.WindowText)

    def event(self, e) -> bool:  # noqa: D102 - Qt API
        if e.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            tip = self.toolTip()
            QToolTip.showText(e.globalPos(), self.text() + ("\n" + tip if tip and tip != self.text() else ""), self)
            return True
        return super().event(e)
