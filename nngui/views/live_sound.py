"""The loss as a tone while training (View > Loss as sound while training; off by default).

The pitch follows the loss on a log scale: the highest loss heard in the run plays the highest note
and a loss a thousand times smaller the lowest, two octaves down (:func:`core.sound.live_pitch`; the
exported WAV of *File > Export loss as sound* uses the same notes). Playing needs Qt
Multimedia, which is in PySide6-Addons, not in the PySide6-Essentials nngui depends on: it is the
optional extra ``pip install nngui[sound]``. Without it the menu entry names that command and
choosing it says so; nothing fails.

Sound is written to a ``QAudioSink`` in push mode, as much as the time since the last report (at
most :data:`MAX_CHUNK` seconds), so it keeps pace with training without piling up latency.
"""

from __future__ import annotations

import importlib.util
import time

from PySide6.QtCore import QObject

from core.sound import RATE, live_pitch, tone_chunk

from nngui.support.i18n import translate

INSTALL = "pip install nngui[sound]"
MAX_CHUNK = 0.2  # seconds of sound written for one report at most
MIN_CHUNK = 0.02


def multimedia_available() -> bool:
    """True when Qt Multimedia (PySide6-Addons) can be imported; asked without importing it."""
    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False


def missing_text() -> str:
    return translate("Accessibility", "Playing the loss while training needs Qt Multimedia, which comes with "
                                      "PySide6-Addons. Install it with:\n\npip install nngui[sound]\n\nFile > Export "
                                      "loss as sound works without it.")


class LiveSound(QObject):
    """Plays the loss of ``window``'s reports while it trains, once :meth:`set_on` switched it on."""

    def __init__(self, window, clock=time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.on = False
        self.sink = None
        self.device = None
        self.pitches: list[float] = []  # the pitches played in this run (tests, the docs)
        self._phase = 0.0
        self._last = None
        self._highest: float | None = None
        window.session.reportChanged.connect(self._on_report)
        window.controller.stateChanged.connect(self._on_state)

    def set_on(self, on: bool) -> bool:
        """Switch playing on or off; False (and a message saying how to install Qt Multimedia) when it cannot."""
        if not on:
            self.on = False
            self._stop()
            return True
        if not multimedia_available():
            self.window.show_status(translate("Accessibility", "Live sound needs Qt Multimedia: pip install "
                                                               "nngui[sound]"), 10000)
            self.window.dialogs.warn(translate("Accessibility", "Loss as sound"), missing_text())
            return False
        self.on = True
        return True

    def _start(self) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.sink = QAudioSink(QMediaDevices.defaultAudioOutput(), fmt, self)
        self.device = self.sink.start()
        self._phase, self._last, self._highest = 0.0, self.clock(), None
        self.pitches = []

    def _stop(self) -> None:
        if self.sink is not None:
            self.sink.stop()
        self.sink = self.device = None

    def _on_state(self, state: str) -> None:
        if state != "running":
            self._stop()

    def _on_report(self, rep) -> None:
        if not self.on or rep is None or self.window.controller.state != "running":
            return
        if self.sink is None:
            self._start()
        loss = float(rep.progress.loss)
        if loss == loss and abs(loss) != float("inf") and loss > 0:
            self._highest = max(self._highest or loss, loss)
        now = self.clock()
        seconds = min(MAX_CHUNK, max(MIN_CHUNK, now - self._last))
        self._last = now
        pitch = live_pitch(loss, self._highest or loss)
        pcm, self._phase = tone_chunk(pitch, seconds, self._phase)
        if self.device is not None:
            self.device.write(pcm)
        self.pitches.append(pitch)
