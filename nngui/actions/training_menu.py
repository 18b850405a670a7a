"""Training: train/pause (Space), step 1, 10 or 100 epochs, reset the weights, resume from an earlier epoch,
compare two runs live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from nngui.actions import ActionSpec, add_menu, create_all, fill
from nngui.support.i18n import translate

SP = QStyle.StandardPixmap


def actions(w) -> list[ActionSpec]:
    return [
        ActionSpec("train_action", "trainAction", translate("MainWindow", "Train"), w.toggle_training, Qt.Key.Key_Space,
                   translate("MainWindow", "Train, pause or resume"), icon=SP.SP_MediaPlay),
        ActionSpec("step_action", "stepAction", translate("MainWindow", "Step"), lambda: w.step(1), Qt.Key.Key_Right,
                   translate("MainWindow", "Train one epoch"), icon=SP.SP_MediaSeekForward),
        ActionSpec("step10_action", "step10Action", translate("MainWindow", "Step 10"), lambda: w.step(10), "Shift+Right",
                   translate("MainWindow", "Train 10 epochs")),
        ActionSpec("step100_action", "step100Action", translate("MainWindow", "Step 100"), lambda: w.step(100),
                   "Ctrl+Right", translate("MainWindow", "Train 100 epochs")),
        ActionSpec("reset_action", "resetAction", translate("MainWindow", "Reset"), w.reset, "Ctrl+R",
                   translate("MainWindow", "New weights (the seed decides them), history cleared"),
                   icon=SP.SP_BrowserReload),
        ActionSpec("resume_from_here_action", "resumeFromHereAction", translate("MainWindow", "Resume from &here"),
                   lambda: w.time_travel.resume_here(),
                   tip=translate("MainWindow", "Train on from the epoch the time slider shows: a new branch, the "
                                               "earlier run stays on the loss plot as a faded curve")),
    ]


def compare_actions(w) -> list[ActionSpec]:
    return [
        ActionSpec("compare_live_action", "compareLiveAction", translate("MainWindow", "Compare live\u2026"),
                   w.compare_live, None,
                   translate("MainWindow", "Train a copy of this network with other settings beside it: both "
                                           "decision maps and loss curves side by side")),
    ]


def build(w, menubar) -> None:
    created = create_all(w, actions(w))
    compare = create_all(w, compare_actions(w))
    fill(add_menu(w, menubar, translate("MainWindow", "&Training"), "trainingMenu"),
         [created[:-1], created[-1:], compare])
    w.time_travel.set_action(w.resume_from_here_action)
