"""The status bar's permanent fields: epoch, loss (and validation loss), speed, training time, progress.

Set from each report; while training a field keeps a size that only grows, so a
report never makes the whole window lay itself out again (measured: 2-3.5 ms each time).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.training.report import TrainingReport

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX


class StatusFields:
    """The labels and the progress bar added to ``bar`` (objectNames ``statusEpochLabel`` ...)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.epoch = QLabel(fmt(translate("MainWindow", "Epoch %1"), "0"))
        self.epoch.setObjectName("statusEpochLabel")
        self.loss = QLabel(fmt(translate("MainWindow", "Loss %1"), formatting.DASH))
        self.loss.setObjectName("statusLossLabel")
        self.speed = QLabel("")
        self.speed.setObjectName("statusSpeedLabel")
        self.elapsed = QLabel("")
        self.elapsed.setObjectName("statusElapsedLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("statusProgress")
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(140)
        self.progress.setTextVisible(True)
        self.progress.hide()
        for w in (self.epoch, self.loss, self.speed, self.elapsed):
            w.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(w)
        bar.addPermanentWidget(self.progress)

    def show(self, rep: TrainingReport | None, live: bool) -> None:
        """The fields for ``rep`` (None: nothing trained); ``live`` while training."""
        if rep is None:
            set_status_text(self.epoch, fmt(translate("MainWindow", "Epoch %1"), formatting.DASH), live)
            set_status_text(self.loss, fmt(translate("MainWindow", "Loss %1"), formatting.DASH), live)
            set_status_text(self.speed, "", live)
            set_status_text(self.elapsed, "", live)
            self.progress.hide()
            return
        p = rep.progress
        target = f" / {formatting.integer(p.epochs_target)}" if p.epochs_target else ""
        set_status_text(self.epoch, fmt(translate("MainWindow", "Epoch %1"), formatting.integer(p.epoch)) + target,
                        live)
        loss = loss_text(rep)
        if p.val_loss is not None:
            loss += "  " + fmt(translate("MainWindow", "(validation %1)"), formatting.short(p.val_loss))
        set_status_text(self.loss, loss, live)
        set_status_text(self.speed, fmt(translate("MainWindow", "%1 epochs/s"),
                                        formatting.integer(round(rep.epochs_per_second)))
                        if rep.epochs_per_second > 0 and live else "", live)
        set_status_text(self.elapsed, formatting.elapsed(p.elapsed) if p.epoch else "", live)
        self.elapsed.setToolTip(translate("MainWindow", "Training time"))
        if p.epochs_target:
            bar = self.progress
            value = int(round(1000 * min(1.0, p.epoch / p.epochs_target)))
            if value != bar.value():
                # QProgressBar.setValue repaints synchronously (measured: 16 ms a call with a big
                # prediction table in the window); with updates off it only schedules a repaint.
                bar.setUpdatesEnabled(False)
                bar.setValue(value)
                bar.setFormat(f"{value / 10:.0f} %")
                bar.setUpdatesEnabled(True)
            bar.show()
        else:
            self.progress.hide()

    def clear_speed(self) -> None:
        self.speed.setText("")


def loss_text(rep: TrainingReport) -> str:
    """"Loss 0.0123" for a report (the training loss)."""
    return fmt(translate("MainWindow", "Loss %1"), formatting.short(rep.progress.loss))


def set_status_text(label: QLabel, text: str, live: bool) -> None:
    """Set a status-bar label without relayouting the window for every report.

    A label whose size may change makes the whole main window lay itself out again
    (about 2 ms, 20 times a second while training), so while training (``live``) the
    label keeps a fixed size that only ever grows; at rest it takes its natural size.
    """
    fixed = label.minimumWidth() == label.maximumWidth()
    if not live:
        if fixed:
            label.setMinimumSize(0, 0)
            label.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        if text != label.text():
            label.setText(text)
        return
    if fixed and text == label.text():
        return
    need = label.fontMetrics().horizontalAdvance(text) + 2 * label.margin() + 6
    if not fixed or need > label.width():
        slack = max(24, need // 4)  # room for a few more digits before the next (rare) relayout
        label.setFixedSize(max(need + slack, label.width() if fixed else 0), label.sizeHint().height())
    label.setText(text)
