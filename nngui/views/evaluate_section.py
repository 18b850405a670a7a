"""One section of the *Evaluate* tab (a head with its title, note and Export button over the training and
validation panes) and the tab's names for the sets and figures, in the window's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from nngui.support import formatting
from nngui.support.i18n import translate

if TYPE_CHECKING:
    from nngui.views.evaluate_view import EvaluateView


def set_names() -> dict[str, str]:
    return {"training": translate("EvaluateView", "Training rows"),
            "validation": translate("EvaluateView", "Validation rows")}


def short_names() -> dict[str, str]:
    return {"training": translate("EvaluateView", "Training"), "validation": translate("EvaluateView", "Validation")}


def figure_names() -> dict[str, str]:
    return {"loss": translate("EvaluateView", "Loss"),
            "accuracy": translate("EvaluateView", "Accuracy"), "auc": translate("EvaluateView", "AUC (ROC)"),
            "rmse": translate("EvaluateView", "RMSE"), "mae": translate("EvaluateView", "MAE"),
            "r2": translate("EvaluateView", "R\u00b2")}


def figure_text(name: str, value: float | None) -> str:
    """A figure as the tab shows it: accuracy as "96.7 %", the others as :func:`formatting.short`."""
    if value is None:
        return ""
    if name == "accuracy":
        return formatting.DASH if not np.isfinite(value) else f"{value * 100:.1f} %"
    return formatting.short(value)


class Section(QWidget):
    """A titled part of the tab: a head (title, note, Export button) over the training and validation panes."""

    def __init__(self, part: str, view: "EvaluateView") -> None:
        super().__init__()
        self.part = part
        self.setObjectName(f"evaluate_{part}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(3)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName(f"evaluate_{part}_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.export_button = QToolButton()
        self.export_button.setObjectName(f"evaluate_{part}_export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(QMenu(self.export_button))
        self.export_button.menu().aboutToShow.connect(lambda: view.fill_export_menu(self.export_button.menu(), part))
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        lay.addLayout(head)
        self.note = QLabel()
        self.note.setObjectName(f"evaluate_{part}_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.note.hide()
        lay.addWidget(self.note)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(8)
        lay.addLayout(self.body)
        self.panes: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}

    def add_pane(self, which: str, content: QWidget, view: "EvaluateView") -> None:
        pane = QWidget()
        pane.setObjectName(f"evaluate_{self.part}_{which}")
        lay = QVBoxLayout(pane)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        caption = QLabel()
        caption.setObjectName(f"evaluate_{self.part}_{which}_caption")
        caption.setWordWrap(True)
        lay.addWidget(caption)
        lay.addWidget(content)
        lay.addStretch(1)
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(lambda pos: view.pane_menu(self.part, which, pane.mapToGlobal(pos)))
        content.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        content.customContextMenuRequested.connect(
            lambda pos: view.pane_menu(self.part, which, content.mapToGlobal(pos)))
        self.body.addWidget(pane, 1)
        self.panes[which], self.captions[which] = pane, caption

    def set_stacked(self, on: bool) -> None:
        """The validation pane under the training pane (a narrow tab) rather than beside it."""
        direction = QBoxLayout.Direction.TopToBottom if on else QBoxLayout.Direction.LeftToRight
        if self.body.direction() != direction:
            self.body.setDirection(direction)
