"""File > Export animation…: which panels, how many frames, how long each, and where (the GIF's path).

:class:`AnimationDialog` only collects :class:`nngui.files.animation.AnimationOptions`;
:meth:`nngui.files.dialogs.Dialogs.ask_animation` runs it, and tests fill it in without
running it (``options()``).
"""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nngui.files.animation import MAX_FRAMES, AnimationOptions
from nngui.support.formatting import integer
from nngui.support.i18n import fmt, translate


class AnimationDialog(QDialog):
    """objectName ``animationDialog``; its fields ``animationMapCheck``, ``animationLossCheck``,
    ``animationDiagramCheck``, ``animationFramesSpin``, ``animationEveryCheckpoint``, ``animationFrameMsSpin``,
    ``animationPathEdit``."""

    def __init__(self, defaults: AnimationOptions, checkpoints: int, map_ok: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("animationDialog")
        self.setWindowTitle(translate("MainWindow", "Export animation"))
        self.defaults = defaults
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)

        panels = QVBoxLayout()
        self.map_check = self._check("animationMapCheck", translate("MainWindow", "Decision map"), panels,
                                     map_ok and "map" in defaults.panels)
        self.map_check.setEnabled(map_ok)
        if not map_ok:
            self.map_check.setToolTip(translate("MainWindow", "The decision map needs data with exactly two inputs."))
        self.loss_check = self._check("animationLossCheck", translate("MainWindow", "Loss curve"), panels,
                                      "loss" in defaults.panels)
        self.diagram_check = self._check("animationDiagramCheck", translate("MainWindow", "Network diagram"), panels,
                                         "diagram" in defaults.panels)
        form.addRow(translate("MainWindow", "Panels:"), panels)

        frames = QVBoxLayout()
        row = QHBoxLayout()
        self.count_radio = QRadioButton(translate("MainWindow", "Frames, evenly spaced in epochs:"))
        self.count_radio.setObjectName("animationFrameCount")
        self.frames_spin = QSpinBox()
        self.frames_spin.setObjectName("animationFramesSpin")
        self.frames_spin.setAccessibleName(translate("MainWindow", "Number of frames"))
        self.frames_spin.setRange(2, MAX_FRAMES)
        self.frames_spin.setValue(max(2, defaults.frames or 60))
        row.addWidget(self.count_radio)
        row.addWidget(self.frames_spin)
        row.addStretch(1)
        frames.addLayout(row)
        self.every_radio = QRadioButton(fmt(translate("MainWindow", "Every checkpoint (%1 frames, many early)"),
                                            integer(checkpoints)))
        self.every_radio.setObjectName("animationEveryCheckpoint")
        frames.addWidget(self.every_radio)
        group = QButtonGroup(self)
        group.addButton(self.count_radio)
        group.addButton(self.every_radio)
        (self.every_radio if defaults.frames == 0 else self.count_radio).setChecked(True)
        self.count_radio.toggled.connect(self.frames_spin.setEnabled)
        self.frames_spin.setEnabled(self.count_radio.isChecked())
        form.addRow(translate("MainWindow", "Frames:"), frames)

        self.ms_spin = QSpinBox()
        self.ms_spin.setObjectName("animationFrameMsSpin")
        self.ms_spin.setRange(20, 10_000)
        self.ms_spin.setSingleStep(10)
        self.ms_spin.setSuffix(" ms")
        self.ms_spin.setValue(defaults.frame_ms)
        form.addRow(translate("MainWindow", "Each frame shows for:"), self.ms_spin)

        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(defaults.path)
        self.path_edit.setObjectName("animationPathEdit")
        self.path_edit.setAccessibleName(translate("MainWindow", "GIF file"))
        self.path_edit.setToolTip(translate("MainWindow", "The animated GIF; the PNG frames go to a folder beside it "
                                                          "(NAME_frames)."))
        browse = QPushButton(translate("MainWindow", "Browse\u2026"))
        browse.setObjectName("animationBrowseButton")
        browse.clicked.connect(self.browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow(translate("MainWindow", "GIF file:"), path_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for check in (self.map_check, self.loss_check, self.diagram_check):
            check.toggled.connect(self._update_ok)
        self.path_edit.textChanged.connect(self._update_ok)
        lay.addWidget(buttons)
        self._update_ok()

    def _check(self, name: str, text: str, lay, on: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setChecked(on)
        lay.addWidget(box)
        return box

    def _update_ok(self, *_) -> None:
        self.ok_button.setEnabled(bool(self.options().panels) and bool(self.path_edit.text().strip()))

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export animation"),
                                              self.path_edit.text(), translate("MainWindow", "GIF images (*.gif)"))
        if path:
            if not path.lower().endswith(".gif"):
                path += ".gif"
            self.path_edit.setText(path)

    def options(self) -> AnimationOptions:
        """What the dialog says now."""
        panels = tuple(name for name, box in (("map", self.map_check), ("loss", self.loss_check),
                                              ("diagram", self.diagram_check)) if box.isChecked() and box.isEnabled())
        path = os.path.expanduser(self.path_edit.text().strip())
        return replace(self.defaults, path=path, panels=panels,
                       frames=0 if self.every_radio.isChecked() else self.frames_spin.value(),
                       frame_ms=self.ms_spin.value())
