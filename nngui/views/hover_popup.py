"""A frameless tool-tip window with a bold title, a picture and a grey caption, kept on the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class HoverPopup(QFrame):
    """Shown near the mouse without taking focus; ``name`` is its objectName and prefixes its labels'."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(f"QFrame#{name} {{ background: #ffffff; border: 1px solid #9a9a9a; }}"
                           " QLabel { color: #202020; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(3)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.picture = QLabel()
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setStyleSheet("color: #555555;")
        for w in (self.title, self.picture, self.caption):
            lay.addWidget(w)

    def place(self, pos: QPoint) -> None:
        """Above and to the right of the mouse (Qt's own tool tip appears below it), kept on the screen."""
        x, y = pos.x() + 18, pos.y() - self.height() - 14
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            if x + self.width() > screen.right():
                x = pos.x() - self.width() - 18
            if y < screen.top():
                y = pos.y() + 28
            x = max(screen.left(), x)
        self.move(x, y)
