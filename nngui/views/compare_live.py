"""Compare live (Training > Compare live…): two networks on the same data, trained together, side by side.

Run A is the window's network: its data and settings as they are when the window opens
(frozen). Run B starts as a copy of them; its settings panel (on the left, the same panel
as the window's) changes B only. Both start from their seed and train in lock step in one
training thread (:mod:`nngui.training.pair`) behind one Train/Pause, Step and Reset. Any
change to B starts both again from their first weights, so they stay comparable epoch by
epoch; a change B cannot train with is named in B's place and A goes on as it was.

Above each run its title names what differs ("A: learning rate 0.3", "B: learning rate 3",
:func:`nngui.views.run_compare.plain_diff`); below, the two loss curves share one axis in
their run's colour (:mod:`nngui.views.compare_plot`). With two inputs each run shows its
decision map (:class:`~nngui.views.decision_map.DecisionMap`); with any other number of
inputs, its loss and accuracy (or RMSE) in large type instead.

The window follows the main window's palette, projector mode (F11 here too) and language.
Closing it stops both runs and joins their thread.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QScrollArea, QSlider, QSplitter, QStyle, QToolBar, QVBoxLayout, QWidget,
)

from core.config import TrainConfig
from core.data import Dataset

from nngui.support import formatting
from nngui.support.i18n import Retranslator, fmt, translate
from nngui.support.palettes import DEFAULT_PALETTE, get_palette
from nngui.training.controller import State
from nngui.training.pair import A, B, PairController, PairReport
from nngui.views.accessible_names import name_children
from nngui.views.compare_plot import ComparePlot, run_colours
from nngui.views.compare_run import RunPanel, differences
from nngui.views.live import PLOT_INTERVAL, paced
from nngui.views.settings_panel import SettingsPanel
from nngui.views.space_key import SpaceTrains
from nngui.views.toolbar import SPEEDS

MESSAGE_MS = 10000


class CompareLiveWindow(QWidget):
    """The compare window (objectName ``compareLiveWindow``), a window of its own above the main window.

    ``pair`` trains both runs; ``panels`` are run A's and run B's; ``settings_b`` edits B's settings;
    ``plot`` holds both loss curves.
    """

    def __init__(self, main, dataset: Dataset, config: TrainConfig) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.main = main
        self.setObjectName("compareLiveWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.i18n = Retranslator()
        self.pair = PairController(self)
        self.palette_name = DEFAULT_PALETTE
        self._presentation = False
        self._plot_rep: PairReport | None = None  # the latest report the loss plot has not drawn yet
        self._plot_last = 0.0
        self.plot_interval = PLOT_INTERVAL
        self._build()
        self.pair.report.connect(self._on_report)
        self.pair.stateChanged.connect(self._on_state)
        self.pair.failed.connect(self._on_failed)
        self.settings_b.set_config(config)
        self.pair.replaced.connect(self._on_replaced)
        self.pair.set_runs(dataset, config, config)
        self.settings_b.configChanged.connect(self.apply_b)
        self._on_state(self.pair.state)
        self.set_speed(main.toolbar.speed())
        self.set_palette(main.palette_name)
        main.paletteChanged.connect(self.set_palette)
        main.presentationChanged.connect(self.set_presentation)
        self.set_presentation(main.presenter.on)
        self.retranslate()
        screen = (main.screen() or self.screen()).availableGeometry()
        self.resize(min(1280, screen.width()), min(800, screen.height()))

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        keep = self.i18n.keep
        root = QVBoxLayout(self)
        root.setContentsMargins(4, 4, 4, 4)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("compareToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        SP = QStyle.StandardPixmap
        self.train_action = self._action("compareTrainAction", translate("CompareLive", "Train"), self.toggle,
                                         Qt.Key.Key_Space, translate("CompareLive", "Train, pause or resume both runs"),
                                         SP.SP_MediaPlay)
        self.step_action = self._action("compareStepAction", translate("CompareLive", "Step"), lambda: self.step(1),
                                        Qt.Key.Key_Right, translate("CompareLive", "Train both runs one epoch"),
                                        SP.SP_MediaSeekForward)
        self.step100_action = self._action("compareStep100Action", translate("CompareLive", "Step 100"),
                                           lambda: self.step(100), "Ctrl+Right",
                                           translate("CompareLive", "Train both runs 100 epochs"))
        self.reset_action = self._action("compareResetAction", translate("CompareLive", "Reset"), self.reset, "Ctrl+R",
                                         translate("CompareLive", "Both runs back to their first weights"),
                                         SP.SP_BrowserReload)
        self.toolbar.addSeparator()
        speed_title = QLabel(keep(self, lambda _w, t: speed_title.setText(t), translate("MainWindow", "Speed")))
        self.toolbar.addWidget(speed_title)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("compareSpeedSlider")
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setPageStep(1)
        self.speed_slider.setFixedWidth(120)
        self.speed_slider.valueChanged.connect(self._on_speed)
        self.toolbar.addWidget(self.speed_slider)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("compareSpeedLabel")
        self.toolbar.addWidget(self.speed_label)
        self.toolbar.addSeparator()
        self.log_check = QCheckBox()
        self.log_check.setObjectName("compareLogCheck")
        keep(self.log_check, "setText", translate("CompareLive", "Log scale"))
        self.toolbar.addWidget(self.log_check)
        self.adopt_action = self._action("compareAdoptAction", translate("CompareLive", "Use B in the window"),
                                         self.adopt_b, None,
                                         translate("CompareLive", "Give the main window run B's settings"))
        self.projector_action = self._action("compareProjectorAction", translate("CompareLive", "Projector mode"),
                                             self._toggle_projector, "F11",
                                             translate("CompareLive", "Projector mode for both windows (F11)"))
        close = QAction(self)
        close.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")])
        close.triggered.connect(self.close)
        self.addAction(close)
        root.addWidget(self.toolbar)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("compareSplitter")
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.b_heading = QLabel()
        self.b_heading.setObjectName("compareSettingsHeading")
        self.b_heading.setWordWrap(True)
        keep(self.b_heading, "setText", translate(
            "CompareLive", "Run B: change one or more settings here. Run A keeps the main window's settings; "
                           "both use the same data and start again together when B changes."))
        left_lay.addWidget(self.b_heading)
        self.settings_b = SettingsPanel()
        self.settings_b.setObjectName("compareSettingsB")
        self.space_trains = SpaceTrains(self.settings_b)
        self.settings_b.hidden_editor.changed.connect(self.space_trains.watch)
        scroll = QScrollArea()
        scroll.setObjectName("compareSettingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.settings_b)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.settings_b.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 4)
        self.settings_scroll = scroll
        left_lay.addWidget(scroll, 1)
        split.addWidget(left)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("compareViewsSplitter")
        maps = QWidget()
        maps_lay = QHBoxLayout(maps)
        maps_lay.setContentsMargins(0, 0, 0, 0)
        self.panels = (RunPanel("A"), RunPanel("B"))
        for panel in self.panels:
            maps_lay.addWidget(panel, 1)
        right.addWidget(maps)
        self.plot = ComparePlot()
        self.log_check.toggled.connect(self.plot.set_log_scale)
        right.addWidget(self.plot)
        right.setSizes([430, 260])
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 980])
        root.addWidget(split, 1)
        self.status = QLabel()
        self.status.setObjectName("compareStatus")
        self.message = QLabel()
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addWidget(self.message, 1)
        root.addLayout(bottom)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.clear)

    def _action(self, name: str, text: str, handler, shortcut, tip: str, icon=None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        self.i18n.keep(action, "setText", text)
        self.i18n.keep(action, "setToolTip", tip)
        action.setText(text)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda *_: handler())
        self.toolbar.addAction(action)
        self.toolbar.widgetForAction(action).setObjectName(name.replace("Action", "Button"))
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ settings and runs
    @property
    def configs(self) -> tuple[TrainConfig | None, TrainConfig | None]:
        """Run A's and run B's settings (B's as shown, even when it cannot train with them)."""
        return self.pair.configs[A], self.pair.configs[B]

    def titles(self) -> tuple[str, str]:
        """The runs' titles: what each has that the other has not ("A: learning rate 0.3")."""
        return self.panels[A].title_text(), self.panels[B].title_text()

    def apply_b(self) -> bool:
        """B's settings panel changed: both runs start again with them; False (B's problem shown, A going
        on) when B cannot train with them."""
        problem = self.pair.change_b(self.settings_b.config())
        if problem is None:
            self.show_message(translate("CompareLive", "Run B changed: both runs start again from their first "
                                                       "weights."))
        else:
            self.show_message(translate("CompareLive", "Run B cannot train with these settings; run A goes on."))
        return problem is None

    def set_config_b(self, config: TrainConfig) -> bool:
        """Show ``config`` in B's panel and apply it, as if typed there."""
        self.settings_b.set_config(config)
        return self.apply_b()

    def _titles(self) -> tuple[str, str]:
        ca, cb = self.configs
        return (fmt(translate("CompareLive", "A: %1"), differences(ca, cb)),
                fmt(translate("CompareLive", "B: %1"), differences(cb, ca)))

    def _show_titles(self) -> None:
        names = self._titles()
        for panel, name, colour in zip(self.panels, names, run_colours(get_palette(self.palette_name))):
            panel.set_title(name, colour)
        self.plot.set_labels(*names)

    def _on_replaced(self, runs) -> None:
        """The pair has new trainers for ``runs`` (its worker is idle now): titles, panels, curves, first report."""
        self._show_titles()
        self._plot_rep = None
        trainers = self.pair.trainers
        for i in runs:
            self.plot.set_run(i, None, None)
            if trainers[i] is not None:
                self.panels[i].set_trainer(trainers[i])
            else:
                why = self.pair.problem or translate("CompareLive", "these settings cannot train on this data")
                self.panels[i].show_problem(fmt(translate(
                    "CompareLive", "Run B cannot train with these settings:\n%1\n\nChange B's settings on the left; "
                                   "run A goes on."), why))
        a = trainers[A]
        if a is not None:
            self.settings_b.set_io(a.network.arch.sizes[0], a.network.arch.sizes[-1])
        self._on_report(self.pair.snapshot())

    # ------------------------------------------------------------------ reports and state
    def _on_report(self, rep: PairReport | None) -> None:
        """A report of both runs: the panels at once (the maps pace themselves), the loss plot at most every
        ``plot_interval`` seconds while training (the costliest view), always ending on the latest."""
        if rep is None:
            return
        for panel, r in zip(self.panels, rep.reports):
            if r is not None:
                panel.show_report(r)
        self._show_status(rep)
        self._plot_rep = rep
        if not self.pair.is_running() or time.monotonic() - self._plot_last >= self.plot_interval:
            self.flush_plot()

    def flush_plot(self) -> None:
        """Draw the latest report's curves now."""
        rep, self._plot_rep = self._plot_rep, None
        if rep is None:
            return
        t0 = time.perf_counter()
        self._plot_last = time.monotonic()
        for i, r in enumerate(rep.reports):
            if r is not None:
                self.plot.set_run(i, r.train_curve, r.val_curve)
        if self.pair.is_running() and self.plot.isVisible():
            self.plot.viewport().repaint()  # now, timed: the next redraw waits so painting keeps to its budget
            self.plot_interval = paced(self.plot_interval, time.perf_counter() - t0, PLOT_INTERVAL)

    def _show_status(self, rep: PairReport) -> None:
        p = [r.progress for r in rep.reports if r is not None]
        target = max((x.epochs_target for x in p), default=0)
        text = fmt(translate("CompareLive", "Epoch %1"), formatting.integer(rep.epoch))
        if target and all(x.epochs_target for x in p):
            text += f" / {formatting.integer(target)}"
        eps = max((r.epochs_per_second for r in rep.reports if r is not None), default=0.0)
        if self.pair.state == State.RUNNING and eps > 0:
            text += "  \u00b7  " + fmt(translate("MainWindow", "%1 epochs/s"), formatting.integer(eps))
        self.status.setText(text)

    def _on_state(self, state: str) -> None:
        running = state == State.RUNNING
        self.plot.set_draft(running)
        if not running:
            self.flush_plot()
        text = {State.RUNNING: translate("CompareLive", "Pause"),
                State.PAUSED: translate("CompareLive", "Resume")}.get(state) or translate("CompareLive", "Train")
        self.train_action.setText(text)
        SP = QStyle.StandardPixmap
        self.train_action.setIcon(self.style().standardIcon(SP.SP_MediaPause if running else SP.SP_MediaPlay))
        can = state not in (State.EMPTY, State.DONE, State.DIVERGED)
        for action in (self.step_action, self.step100_action):
            action.setEnabled(can)
        if state in (State.DONE, State.DIVERGED):
            self.show_message(translate("CompareLive", "Both runs have ended (epoch target, stop condition or "
                                                       "divergence): Reset to watch them again."))

    def _on_failed(self, text: str) -> None:
        self.show_message(fmt(translate("CompareLive", "Training stopped because of an error: %1"), text))

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        """A message at the bottom of the window for ``ms`` milliseconds."""
        self.message.setText(text)
        self.message.setToolTip(text)
        self._message_timer.start(ms)

    # ------------------------------------------------------------------ commands
    def toggle(self) -> None:
        """Train both runs, or pause them."""
        if self.pair.is_running():
            self.pair.pause(wait=True)
            return
        if not self.pair.start():
            self._nothing_to_train()

    def step(self, n: int = 1) -> bool:
        """Train both runs ``n`` more epochs (pausing them first)."""
        self.pair.pause(wait=True)
        if self.pair.start(max(1, int(n))):
            return True
        self._nothing_to_train()
        return False

    def _nothing_to_train(self) -> None:
        self.show_message(translate("CompareLive", "Nothing left to train: both runs have ended. Reset (Ctrl+R) "
                                                   "to start them again."))

    def reset(self) -> None:
        """Both runs back to their first weights (their seeds decide them), at rest."""
        self.pair.reset()
        self._on_state(self.pair.state)

    def adopt_b(self) -> None:
        """Give the main window run B's settings (it keeps its own data)."""
        cb = self.configs[B]
        if cb is not None:
            self.main.apply_config(cb)
            self.show_message(translate("CompareLive", "The main window now has run B's settings."))

    def set_speed(self, epochs_per_second: float) -> None:
        """The slider position nearest ``epochs_per_second`` for each run (0: full speed)."""
        if epochs_per_second <= 0:
            index = len(SPEEDS) - 1
        else:
            index = min(range(len(SPEEDS) - 1), key=lambda i: abs(np.log(SPEEDS[i] / epochs_per_second)))
        self.speed_slider.setValue(index)
        self._on_speed()

    def _on_speed(self, *_) -> None:
        speed = SPEEDS[self.speed_slider.value()]
        self.pair.set_speed(speed)
        self.speed_label.setText(translate("MainWindow", "full speed") if speed == 0
                                 else fmt(translate("MainWindow", "%1 epochs/s"), formatting.integer(speed)))

    # ------------------------------------------------------------------ look and language
    def set_palette(self, name: str) -> None:
        self.palette_name = name
        self.plot.set_palette(name)
        colours = run_colours(get_palette(name))
        for panel, colour in zip(self.panels, colours):
            panel.set_palette(name)
            panel.set_title(panel.title_text(), colour)

    def set_presentation(self, on: bool) -> None:
        """Projector mode (following the main window's): bigger type, thicker lines, full screen with it."""
        self._presentation = bool(on)
        self.plot.set_presentation(on)
        for panel in self.panels:
            panel.set_presentation(on)
        if on and self.main.isFullScreen() and self.isVisible():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def _toggle_projector(self) -> None:
        self.main.set_presentation(not self.main.presenter.on)
        self.raise_()
        self.activateWindow()

    def retranslate(self) -> None:
        """Every label again in the language installed now."""
        self.setWindowTitle(translate("CompareLive", "Compare live \u2014 nngui"))
        self.i18n.apply()
        self.settings_b.retranslate()
        self.plot.retranslate()
        self._on_state(self.pair.state)
        self._on_speed()
        self._show_titles()
        if self.pair.last_report is not None:
            self._on_report(self.pair.last_report)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and not self.pair.shut_down:
            self.retranslate()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.pair.shutdown()
        super().closeEvent(event)


def open_compare(window) -> CompareLiveWindow | None:
    """Training > Compare live…: the compare window for ``window``'s data and settings (the open one, brought to
    the front, if there is one); None, with a message in the status bar, when there is nothing to train."""
    existing = find_compare(window)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window.controller.pause(wait=True)
    trainer = window.controller.trainer
    if trainer is None:
        window.show_status(translate("CompareLive", "Nothing to compare yet: load a preset or type a table that "
                                                    "can be trained on."), 8000)
        return None
    compare = CompareLiveWindow(window, trainer.dataset, trainer.config)
    name_children(window, compare)  # accessible names (nngui.views.accessible_names)
    if window.presenter.on and window.isFullScreen():
        compare.showFullScreen()
    else:
        compare.show()
    compare.raise_()
    return compare


def find_compare(window) -> CompareLiveWindow | None:
    """The compare window open over ``window``, if any."""
    for child in window.findChildren(CompareLiveWindow, "compareLiveWindow"):
        if child.isVisible() and not child.pair.shut_down:
            return child
    return None


def close_for(window) -> None:
    """Close the compare windows of ``window`` (its closeEvent): both runs stop and their thread is joined."""
    for child in window.findChildren(CompareLiveWindow, "compareLiveWindow"):
        child.close()
        child.pair.shutdown()
