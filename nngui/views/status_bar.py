"""The status bar's permanent fields: epoch, loss (and validation loss), speed, training time, progress.

Set from each report; while training a field keeps a size that only grows, so a
report never makes the whole window lay itself out again (measured: 2-3.5 ms each time).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from nngui.support import formatting
from nngui.support.i18n import fmt, translate
from nngui.training.report import TrainingReport
from nngui.views.elided_label import ElidedLabel
from nngui.views.prediction_model import Scores
from nngui.views.training_marks import penalty_text, rate_text

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX
MESSAGE_SHARE = 0.3  # of the bar's width left for messages when the fields are wide (a large system font)
MIN_FIELD = 48  # px: a shrinking field is never narrower (it shows "Acc…" and its whole text as a tooltip)


class ElidingStatusBar(QStatusBar):
    """A status bar whose message, when longer than the room left of the permanent fields, ends in "…"
    and shows whole as the bar's tooltip (QStatusBar itself cuts it off mid-word)."""

    def message_rect(self):
        """Where the message is drawn: from the left edge to the first visible permanent field."""
        left, right = 6, self.width() - 12
        for w in self.findChildren(QLabel) + self.findChildren(QProgressBar):
            if w.parentWidget() is self and w.isVisible() and w.property("nnguiPermanent"):
                right = min(right, w.x() - 2)
        return self.rect().adjusted(left, 0, right - self.width(), 0)

    def shown_message(self) -> str:
        """The message as drawn: elided to its room."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def message_tip(self) -> str:
        """The whole message when it is shown elided ("" otherwise): the bar's tooltip."""
        message = self.currentMessage()
        return message if message and self.shown_message() != message else ""

    def fit_fields(self) -> None:
        """Cap the fields that may shrink (the scores, also shown over the predictions) so that messages keep
        :data:`MESSAGE_SHARE` of the width; they end in "…" then. Only large text needs it."""
        fields = [w for w in self.findChildren(QWidget) if w.parentWidget() is self and w.property("nnguiPermanent")
                  and not w.isHidden()]
        shrink = [w for w in fields if w.property("nnguiShrinks")]
        fixed = sum(max(w.width(), w.sizeHint().width()) + 8 for w in fields if w not in shrink)
        cap = max(MIN_FIELD, int(self.width() * (1 - MESSAGE_SHARE)) - fixed) // max(1, len(shrink))
        for w in shrink:
            if w.property("nnguiCap") != cap:
                w.setProperty("nnguiCap", cap)
                if w.minimumWidth() == w.maximumWidth():  # fixed while training
                    w.setFixedWidth(min(w.width(), cap))
                else:
                    w.setMaximumWidth(cap)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_fields()

    def event(self, e) -> bool:  # noqa: D102 - Qt API
        if e.type() == QEvent.Type.ToolTip and self.message_tip():
            QToolTip.showText(e.globalPos(), self.message_tip(), self)
            return True
        return super().event(e)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown_message())


class StatusFields:
    """The labels and the progress bar added to ``bar`` (objectNames ``statusEpochLabel`` ...)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.epoch = QLabel(fmt(translate("MainWindow", "Epoch %1"), "0"))
        self.epoch.setObjectName("statusEpochLabel")
        self.loss = QLabel(fmt(translate("MainWindow", "Loss %1"), formatting.DASH))
        self.loss.setObjectName("statusLossLabel")
        self.rate = QLabel("")  # the schedule's learning rate of the latest epoch (shown while one is set)
        self.rate.setObjectName("statusRateLabel")
        self.scheduled = False  # the trainer's schedule is not constant (set by views.live)
        self.speed = QLabel("")
        self.speed.setObjectName("statusSpeedLabel")
        self.score = ElidedLabel("")
        self.score.setObjectName("statusScoreLabel")
        self.score.setProperty("nnguiShrinks", True)  # ElidingStatusBar.fit_fields
        self.elapsed = QLabel("")
        self.elapsed.setObjectName("statusElapsedLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("statusProgress")
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(140)
        self.progress.setTextVisible(True)
        self.progress.hide()
        for w in (self.epoch, self.loss, self.rate, self.score, self.speed, self.elapsed):
            w.setContentsMargins(6, 0, 6, 0)
        for w in (self.epoch, self.loss, self.rate, self.score, self.speed, self.elapsed, self.progress):
            w.setProperty("nnguiPermanent", True)
            bar.addPermanentWidget(w)

    def show_scores(self, scores: Scores | None, live: bool) -> None:
        """Training and validation accuracy (or RMSE) side by side."""
        set_status_text(self.score, score_text(scores), live)
        bar = self.score.parentWidget()
        if isinstance(bar, ElidingStatusBar):
            bar.fit_fields()
        self.score.setToolTip(translate("MainWindow", "Accuracy (classes) or RMSE (numbers) on the training rows, "
                                                      "and on the rows held out for validation"))

    def show(self, rep: TrainingReport | None, live: bool) -> None:
        """The fields for ``rep`` (None: nothing trained); ``live`` while training."""
        if rep is None:
            set_status_text(self.epoch, fmt(translate("MainWindow", "Epoch %1"), formatting.DASH), live)
            set_status_text(self.loss, fmt(translate("MainWindow", "Loss %1"), formatting.DASH), live)
            set_status_text(self.rate, "", live)
            self.rate.hide()
            set_status_text(self.speed, "", live)
            set_status_text(self.elapsed, "", live)
            self.progress.hide()
            return
        p = rep.progress
        self._show_progress(p)
        target = f" / {formatting.integer(p.epochs_target)}" if p.epochs_target else ""
        set_status_text(self.epoch, fmt(translate("MainWindow", "Epoch %1"), formatting.integer(p.epoch)) + target,
                        live)
        loss = loss_text(rep)
        if p.penalty:
            loss += "  " + penalty_text(p.penalty)
        if p.val_loss is not None:
            loss += "  " + fmt(translate("MainWindow", "(validation %1)"), formatting.short(p.val_loss))
        set_status_text(self.loss, loss, live)
        set_status_text(self.rate, rate_text(p.current_learning_rate or p.learning_rate) if self.scheduled else "",
                        live)
        if self.rate.isHidden() == self.scheduled:  # shown only with a schedule (changes with the trainer only)
            self.rate.setVisible(self.scheduled)
        self.rate.setToolTip(translate("MainWindow", "The learning rate of the latest epoch, set by the schedule"))
        set_status_text(self.speed, fmt(translate("MainWindow", "%1 epochs/s"),
                                        formatting.integer(round(rep.epochs_per_second)))
                        if rep.epochs_per_second > 0 and live else "", live)
        set_status_text(self.elapsed, formatting.elapsed(p.elapsed) if p.epoch else "", live)
        self.elapsed.setToolTip(translate("MainWindow", "Training time"))
        if live and self.epoch.parentWidget() is not None:
            trim_slack(self.epoch.parentWidget())

    def _show_progress(self, p) -> None:
        """The progress bar toward the epoch target (hidden without one)."""
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


def score_text(scores: Scores | None) -> str:
    """"Accuracy 100.0 % · validation 96.7 %", "RMSE 0.1234 · validation 0.2" or "" (nothing predicted yet)."""
    if scores is None or (scores.train is None and scores.validation is None):
        return ""
    if scores.kind == "accuracy":
        def number(v: float) -> str:
            return f"{v * 100:.1f}"
        head, tail = translate("MainWindow", "Accuracy %1 %"), translate("MainWindow", "validation %1 %")
    else:
        number = formatting.short
        head, tail = translate("MainWindow", "RMSE %1"), translate("MainWindow", "validation %1")
    parts = [fmt(head, number(scores.train))] if scores.train is not None else []
    if scores.validation is not None:
        parts.append(fmt(tail, number(scores.validation)) if parts else fmt(head, number(scores.validation)))
    return " \u00b7 ".join(parts)


def loss_text(rep: TrainingReport) -> str:
    """"Loss 0.0123" for a report (the training loss)."""
    return fmt(translate("MainWindow", "Loss %1"), formatting.short(rep.progress.loss))


TRIM_SPACING = 12  # per field: the layout's spacing and frame, counted generously


def _needed(label: QLabel, text: str | None = None) -> int:
    """The width ``text`` (the label's own by default) takes in ``label``, margins included."""
    return label.fontMetrics().horizontalAdvance(label.text() if text is None else text) + 2 * label.margin() + 6


def trim_slack(bar: QStatusBar) -> None:
    """While training the fields keep slack for more digits (:func:`set_status_text`); when together they
    need more than the bar's width, they give it back (fixed at what their text needs), so that they do
    not widen the window past the screen (large text at 1280x720)."""
    shown = [w for w in bar.findChildren(QWidget) if w.parentWidget() is bar and not w.isHidden()]
    need = sum(max(w.minimumWidth(), w.minimumSizeHint().width()) + TRIM_SPACING for w in shown)
    if not bar.isVisible() or need <= bar.width():  # (the bar's own minimumSizeHint lags behind its layout)
        return
    for w in bar.findChildren(QLabel):
        if (w.parentWidget() is bar and w.property("nnguiPermanent") and not w.isHidden()
                and not w.property("nnguiShrinks") and w.minimumWidth() == w.maximumWidth() > _needed(w)):
            w.setFixedWidth(_needed(w))


def set_status_text(label: QLabel, text: str, live: bool) -> None:
    """Set a status-bar label without relayouting the window for every report.

    A label whose size may change makes the whole main window lay itself out again
    (about 2 ms, 20 times a second while training), so while training (``live``) the
    label keeps a fixed size that only ever grows; at rest it takes its natural size.
    """
    fixed = label.minimumWidth() == label.maximumWidth()
    cap = int(label.property("nnguiCap") or QWIDGETSIZE_MAX)  # a field that may shrink (ElidingStatusBar)
    if not live:
        if fixed:
            label.setMinimumSize(0, 0)
            label.setMaximumSize(cap, QWIDGETSIZE_MAX)
        if text != label.text():
            label.setText(text)
        return
    high = label.sizeHint().height()  # changes with the font (projector mode)
    if fixed and text == label.text() and label.height() == high:
        return
    need = _needed(label, text)
    if not fixed or (need > label.width() and label.width() < cap) or label.height() != high:
        slack = max(24, need // 4)  # room for a few more digits before the next (rare) relayout
        label.setFixedSize(min(cap, max(need + slack, label.width() if fixed else 0)), high)
    label.setText(text)
