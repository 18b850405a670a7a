"""What training says to a screen reader: each change of state once, and the loss now and then.

- started / resumed, paused (with the epoch and the loss), finished, stop condition reached (the
  status bar's own text), diverged and failed (urgent): one announcement per change of state;
- a step (Step, Step 10, Step 100, or any run of a set number of epochs) says only where it ended;
- while training, the epoch and the loss at most every :data:`LOSS_EVERY` seconds.

The texts go through :class:`nngui.support.accessibility.Announcer` (``QAccessibleAnnouncementEvent``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from nngui.session import reached_text
from nngui.support.accessibility import Announcer
from nngui.support.formatting import integer, short
from nngui.support.i18n import fmt, translate

LOSS_EVERY = 5.0  # seconds between two loss announcements while training


class TrainingAnnouncer(QObject):
    """Announces the states of ``window.controller`` and, rate-limited, the loss of its reports."""

    def __init__(self, window, announcer: Announcer, loss_every: float = LOSS_EVERY) -> None:
        super().__init__(window)
        self.window = window
        self.announcer = announcer
        self.loss_every = float(loss_every)
        self._last_loss_at = float("-inf")
        self._was = str(window.controller.state)
        self._limited = False  # the current run trains a set number of epochs (a step)
        window.controller.stateChanged.connect(self._on_state)
        window.session.reportChanged.connect(self._on_report)

    def _progress(self) -> tuple[str, str] | None:
        """Epoch and loss where the run stopped: read from the trainer, idle once the state is not "running"
        (the run's last report may still be on its way)."""
        t = self.window.controller.trainer
        if t is None or self.window.controller.is_running():
            return None
        return integer(t.epoch), short(t.last_loss)

    def _at(self, text: str) -> str:
        where = self._progress()
        return fmt(text, *where) if where is not None else ""

    def _on_state(self, state: str) -> None:
        before, self._was = self._was, str(state)
        c = self.window.controller
        say = self.announcer.say
        if state == "running":
            self._limited = c.run_epochs is not None
            self._last_loss_at = self.announcer.clock()
            if not self._limited:
                say(translate("Accessibility", "Training resumed.") if before == "paused" else
                    translate("Accessibility", "Training started."))
            return
        if before != "running":
            return  # a new trainer (data, settings, Reset): the window says so itself
        t = c.trainer
        if state == "done" and t is not None and t.reached:
            say(reached_text(t))
        elif state == "done":
            say(self._at(translate("Accessibility", "Training finished at epoch %1, loss %2.")))
        elif state == "diverged":
            say(translate("Accessibility", "Training diverged: lower the learning rate and press Reset (Ctrl+R)."),
                urgent=True)
        elif state == "failed":
            say(translate("Accessibility", "Training failed; the last weights were kept."), urgent=True)
        elif self._limited:
            say(self._at(translate("Accessibility", "Epoch %1, loss %2.")))
        else:
            say(self._at(translate("Accessibility", "Training paused at epoch %1, loss %2.")))

    def _on_report(self, rep) -> None:
        if rep is None or self._limited or self.window.controller.state != "running":
            return
        now = self.announcer.clock()
        if now - self._last_loss_at < self.loss_every:
            return
        self._last_loss_at = now
        self.announcer.say(fmt(translate("Accessibility", "Epoch %1, loss %2."), integer(rep.progress.epoch),
                               short(rep.progress.loss)))
