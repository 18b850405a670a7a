"""The training toolbar: Train, Step, Step 10/100, Reset, the speed slider, Log scale and Settings."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSizePolicy, QSlider, QToolBar, QWidget

from nngui.support import formatting
from nngui.support.i18n import fmt, translate

# Speed slider positions: epochs per second; the last position is "as fast as possible".
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 0)


class TrainingToolbar(QToolBar):
    """objectName ``trainingToolbar``; buttons ``trainButton`` ..., slider ``speedSlider``, label ``speedLabel``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(translate("MainWindow", "Training"))
        self.setObjectName("trainingToolbar")
        self._fitting = False
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        keep = window.retranslator.keep
        w = window
        for action, name in ((w.train_action, "trainButton"), (w.step_action, "stepButton"),
                             (w.step10_action, "step10Button"), (w.step100_action, "step100Button"),
                             (w.reset_action, "resetButton")):
            self.addAction(action)
            self.widgetForAction(action).setObjectName(name)
        self.widgetForAction(w.train_action).setMinimumWidth(96)
        self.addSeparator()
        speed_box = QWidget()
        lay = QHBoxLayout(speed_box)
        lay.setContentsMargins(6, 0, 6, 0)
        title = translate("MainWindow", "Speed")
        self.speed_title = speed_title = QLabel(title)
        keep(speed_title, "setText", title)
        lay.addWidget(speed_title)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("speedSlider")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setValue(len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setFixedWidth(140)
        self.slider.setToolTip(keep(self.slider, "setToolTip", translate(
            "MainWindow", "Slow training down so a class can watch (epochs per second)")))
        lay.addWidget(self.slider)
        self.label = QLabel()
        self.label.setObjectName("speedLabel")
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("10,000 epochs/s") + 4)
        lay.addWidget(self.label)
        speed_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.addWidget(speed_box)
        self.addSeparator()
        self.addAction(w.log_action)
        self.widgetForAction(w.log_action).setObjectName("logScaleButton")
        self.addAction(w.toggle_settings_action)
        self.widgetForAction(w.toggle_settings_action).setObjectName("settingsButton")
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()

    def fit(self) -> None:
        """With a large system font the toolbar may not fit the window (Qt would hide the last buttons behind
        a » button): the buttons then drop their icons, then the slider its "Speed" caption (it keeps its
        accessible name and tooltip)."""
        if self._fitting or self.width() <= 0:
            return
        self._fitting = True
        try:
            for icons, caption in ((True, True), (False, True), (False, False)):
                self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if icons else
                                        Qt.ToolButtonStyle.ToolButtonTextOnly)
                self.speed_title.setVisible(caption)
                if self.sizeHint().width() <= self.width():
                    break
        finally:
            self._fitting = False

    def speed(self) -> float:
        """Epochs per second at the slider's position (0: full speed)."""
        return SPEEDS[max(0, min(len(SPEEDS) - 1, self.slider.value()))]

    def show_speed(self) -> None:
        speed = self.speed()
        self.label.setText(translate("MainWindow", "full speed") if speed == 0
                           else fmt(translate("MainWindow", "%1 epochs/s"), formatting.integer(speed)))

    def set_speed(self, epochs_per_second: float) -> None:
        """Pick the slider position closest to ``epochs_per_second`` (0: full speed)."""
        if epochs_per_second <= 0:
            self.slider.setValue(len(SPEEDS) - 1)
            return
        best = min(range(len(SPEEDS) - 1), key=lambda i: abs(np.log(SPEEDS[i]) - np.log(epochs_per_second)))
        self.slider.setValue(best)
