"""Time travel in the window: a slider under the loss plot over the run's checkpoints.

Each position of the slider (objectName ``timeSlider``) is one checkpoint the training
kept (:mod:`nngui.training.timeline`): many early, ~10 % apart later, the latest ones
always; the last position is *live*, the trainer as it is. Moving it (mouse, arrow keys,
Page Up/Down, Home/End) pauses training and puts the diagram, the prediction table, the
decision map and unit maps, the Maths tab and the status bar at that checkpoint's
weights; the loss plot marks the epoch with a dashed vertical line. Releasing the mouse
at the last position returns to live (and training goes on if it ran when the drag
began); pressing Train does too.

*Resume from here* (``resumeFromHereAction``, and the button beside the slider) makes the
checkpoint shown the trainer and trains on from there: a new branch, while the earlier
run stays on the loss plot as a faded curve.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QWidget

from nngui.support.formatting import integer
from nngui.support.i18n import Retranslator, fmt, translate
from nngui.training import timeline
from nngui.training.report import TrainingReport

PAGE_STEP = 10  # checkpoints per Page Up/Down


class TimeSliderBar(QWidget):
    """The slider (``timeSlider``), the epoch it shows (``timeSliderLabel``) and the Resume button."""

    def __init__(self, i18n: Retranslator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeSliderBar")
        keep = i18n.keep
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 0, 2, 0)
        lay.setSpacing(6)
        title = translate("MainWindow", "Time")
        self.title = QLabel(title)
        keep(self.title, "setText", title)
        lay.addWidget(self.title)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("timeSlider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(PAGE_STEP)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setEnabled(False)
        self.slider.setToolTip(keep(self.slider, "setToolTip", translate(
            "MainWindow", "Go back to an earlier epoch: drag, or use the arrow keys and Page Up/Down. Training "
                          "pauses and every view shows the network as it was then; the last position is live.")))
        lay.addWidget(self.slider, 1)
        self.label = QLabel()
        self.label.setObjectName("timeSliderLabel")
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.label)
        self.resume_button = QToolButton()
        self.resume_button.setObjectName("resumeFromHereButton")
        self.resume_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        lay.addWidget(self.resume_button)

    def set_action(self, action) -> None:
        """The window's Resume from here action drives the button."""
        self.resume_button.setDefaultAction(action)


class TimeTravel(QObject):
    """Follows the window's reports and moves every view to the checkpoint the slider points at."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.session = window.session
        self.controller = window.controller
        self.live = window.live
        self.bar: TimeSliderBar = window.views.time_slider
        self.slider = self.bar.slider
        self.epochs: tuple[int, ...] = ()  # the checkpoints' epochs, one per slider position
        self.shown: TrainingReport | None = None  # the checkpoint on screen; None: live
        self.action = None
        self._was_running = False
        self._quiet = 0  # > 0 while the slider is moved by code
        self.line = pg.InfiniteLine(angle=90, movable=False,
                                    pen=pg.mkPen("#444444", width=1.5, style=Qt.PenStyle.DashLine))
        self.line.setZValue(50)
        self.line.hide()
        window.loss_plot.getPlotItem().addItem(self.line, ignoreBounds=True)
        s = self.session
        s.reportChanged.connect(self.on_report)
        s.trainerReady.connect(self.on_trainer)
        s.unusable.connect(lambda *_: self.forget())
        s.replaced.connect(self.forget)
        self.controller.stateChanged.connect(self.on_state)
        self.slider.sliderPressed.connect(self.on_pressed)
        self.slider.sliderReleased.connect(self.on_released)
        self.slider.valueChanged.connect(self.on_value)
        window.prediction_view.sampleSelected.connect(self.on_row)
        window.undo_stack.indexChanged.connect(lambda *_: self.shown is not None and self.go_live())  # an edit, undone
        # After a language switch the label is written again in the new language.
        window.retranslator.keep(self, lambda _obj, _text: self.show_label(), translate("MainWindow", "live"))
        self.show_label()

    # -- what the slider covers -------------------------------------------------------------------

    def set_action(self, action) -> None:
        self.action = action
        self.bar.set_action(action)
        action.setEnabled(False)

    @property
    def scrubbing(self) -> bool:
        """True while the views show a checkpoint rather than the trainer as it is."""
        return self.shown is not None

    def set_epochs(self, epochs) -> None:
        """The slider's positions: one per checkpoint; it stays on the checkpoint shown, or at the end."""
        self.epochs = tuple(int(e) for e in epochs)
        n = len(self.epochs)
        self._quiet += 1
        try:
            self.slider.setRange(0, max(0, n - 1))
            self.slider.setEnabled(n > 1)
            if self.shown is None:
                self.slider.setValue(self.slider.maximum())
            else:
                self.slider.setValue(self.index_of(self.shown.progress.epoch))
        finally:
            self._quiet -= 1

    def index_of(self, epoch: int) -> int:
        """The slider position of ``epoch`` (of the latest checkpoint before it)."""
        best = 0
        for i, e in enumerate(self.epochs):
            if e > epoch:
                break
            best = i
        return best

    def refresh(self) -> None:
        """Read the checkpoints' epochs from the controller (call while the worker is idle)."""
        self.set_epochs(self.controller.checkpoints.epochs())

    def load(self, checkpoints) -> int:
        """A project's checkpoints, once it is open: those that fit the trainer's network and epoch are kept,
        with the trainer as it is for the last position. Returns how many were kept."""
        c = self.controller
        c.pause(wait=True)
        t = c.trainer
        if t is None:
            return 0
        fit = [cp for cp in checkpoints if cp.params.size == t.network.params.size and cp.epoch <= t.epoch]
        c.checkpoints.replace(fit)
        if not fit or fit[-1].epoch < t.epoch:
            c.checkpoints.add(t)  # the weights on screen: the slider's last (live) position
        self.shown = None
        self.refresh()
        self.show_label()
        return len(fit)

    def forget(self) -> None:
        """New data or no usable data: nothing to travel to."""
        self.shown = None
        self.line.hide()
        self.set_epochs(())
        self.show_label()

    # -- signals from the session -----------------------------------------------------------------

    def on_report(self, rep: TrainingReport) -> None:
        """A report was drawn: follow its checkpoints; while a checkpoint is shown, draw it again on top (the
        run's last report arrives after the pause that the slider asked for)."""
        if rep.architecture != self.live.arch:
            return
        self.set_epochs(rep.checkpoints)
        if self.shown is not None:
            self.live.show_still(self.shown)
        self.show_label()

    def on_trainer(self, _trainer) -> None:
        """A new trainer (new weights, a setting changed, Resume from here): live, with its checkpoints."""
        self.shown = None
        self.line.hide()
        self.refresh()
        self.show_label()

    def on_state(self, state: str) -> None:
        if state == "running" and self.shown is not None:
            self.go_live()

    def on_row(self, _row: int) -> None:
        if self.shown is not None:
            self.live.update_sample(self.shown)  # the selected row's activations at the checkpoint's weights

    # -- moving the slider --------------------------------------------------------------------------

    def on_pressed(self) -> None:
        self._was_running = self.controller.is_running()
        if self._was_running:
            self.controller.pause(wait=True)
            self.refresh()

    def on_released(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.go_live()
            if self._was_running:
                self.session.start()
        self._was_running = False

    def on_value(self, value: int) -> None:
        if self._quiet:
            return
        live = value >= self.slider.maximum() or not self.epochs
        epoch = None if live else self.epochs[min(value, len(self.epochs) - 1)]
        if self.controller.is_running():  # the keyboard while training: pause first
            self.controller.pause(wait=True)
        if live:
            self.go_live()
        else:
            self.seek(epoch)

    def seek(self, epoch: int) -> bool:
        """Put every view at the checkpoint of ``epoch`` (the latest one before it); False without one."""
        rep = timeline.report_at(self.controller, epoch)
        if rep is None:
            return False
        self.shown = rep
        self.set_epochs(rep.checkpoints)  # the slider on that checkpoint, among all kept now
        self.live.show_still(rep)
        self.line.setValue(rep.progress.epoch)
        self.line.show()
        self.show_label()
        return True

    def go_live(self) -> None:
        """Back to the trainer as it is: the latest report in every view, the slider at its end."""
        was = self.shown
        self.shown = None
        self.line.hide()
        self._quiet += 1
        try:
            self.slider.setValue(self.slider.maximum())
        finally:
            self._quiet -= 1
        if was is not None:
            self.live.redraw()
        self.show_label()

    def resume_here(self) -> bool:
        """Resume from here: the checkpoint shown becomes the trainer and training goes on from it."""
        rep = self.shown
        if rep is None:
            self.w.show_status(translate("MainWindow", "Move the time slider to an earlier epoch first."), 5000)
            return False
        epoch = rep.progress.epoch
        if timeline.resume_from(self.session, epoch) is None:
            return False
        self.session.start()
        self.w.show_status(fmt(translate("MainWindow", "Resumed from epoch %1: a new branch (the earlier run stays "
                                                       "on the loss plot, faded)."), integer(epoch)), 8000)
        return True

    def show_label(self) -> None:
        rep = self.shown
        if rep is not None:
            text = fmt(translate("MainWindow", "epoch %1"), integer(rep.progress.epoch))
        elif len(self.epochs) > 1:
            text = translate("MainWindow", "live")
        else:
            text = ""
        if self.bar.label.text() != text:
            self.bar.label.setText(text)
        if self.action is not None:
            self.action.setEnabled(rep is not None)
