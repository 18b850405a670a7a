"""Issue 18: training speaks to assistive technology (QAccessibleAnnouncementEvent): each change of state
once, the loss at most every N seconds; and the loss as live sound (an optional extra, Qt Multimedia).
"""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest
from PySide6.QtGui import QAccessible

from core.sound import HIGH_HZ, LOW_HZ, RATE, live_pitch, tone_chunk
from nngui.app import create_main_window
from nngui.files.dialogs import Dialogs
from nngui.support.accessibility import Announcer
from nngui.views import live_sound


def _window(qtbot, preset="loy-xor"):
    w = create_main_window(preset=preset, language="en")
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def _new(w, before: int) -> list[str]:
    return [text for _t, text in list(w.access.announcer.history)[before:]]


def _count(w) -> int:
    return len(w.access.announcer.history)


def _wait_state(qtbot, w, *states):
    qtbot.waitUntil(lambda: w.controller.state in states and not w.controller.is_running(), timeout=20000)
    qtbot.wait(20)


def test_each_change_of_training_state_is_announced_once(qtbot):
    w = _window(qtbot)
    c = w.controller
    try:
        panel = w.settings_panel
        w.apply_config(panel.config().replace(epochs=0))  # until stopped
        w.set_speed(100)
        n = _count(w)
        assert w.start_training()
        qtbot.waitUntil(lambda: c.last_report is not None and c.last_report.progress.epoch > 5, timeout=5000)
        assert _new(w, n) == ["Training started."]
        n = _count(w)
        w.toggle_training()  # pause
        _wait_state(qtbot, w, "paused")
        [said] = _new(w, n)
        assert said == f"Training paused at epoch {c.trainer.epoch:,}, loss {said.split('loss ')[1]}"
        n = _count(w)
        w.toggle_training()  # resume
        qtbot.waitUntil(lambda: c.state == "running", timeout=3000)
        assert _new(w, n) == ["Training resumed."]
        w.toggle_training()
        _wait_state(qtbot, w, "paused")
        # a step says where it ended, nothing else
        n = _count(w)
        assert w.step(3)
        _wait_state(qtbot, w, "paused")
        [said] = _new(w, n)
        assert said.startswith(f"Epoch {c.trainer.epoch:,}, loss ")
        # the epoch target reached
        w.set_speed(0)
        w.apply_config(panel.config().replace(epochs=c.trainer.epoch + 30))
        n = _count(w)
        assert w.start_training()
        _wait_state(qtbot, w, "done")
        assert _new(w, n) == ["Training resumed.", f"Training finished at epoch {c.trainer.epoch:,}, loss "
                              f"{_new(w, n)[1].split('loss ')[1]}"]
        # a stop condition
        w.reset()
        w.apply_config(panel.config().replace(epochs=0, stop_loss=0.999))
        n = _count(w)
        assert w.start_training()
        _wait_state(qtbot, w, "done")
        said = _new(w, n)
        assert len(said) == 2 and said[1].startswith(f"Stopped at epoch {c.trainer.epoch:,}: the loss")
        # divergence (urgent)
        w.reset()
        w.apply_config(panel.config().replace(stop_loss=0.0, learning_rate=1e6, epochs=500))
        n = _count(w)
        assert w.start_training()
        _wait_state(qtbot, w, "diverged")
        assert _new(w, n)[-1].startswith("Training diverged")
        assert len(_new(w, n)) == 2
    finally:
        c.shutdown()


def test_a_long_run_announces_the_loss_at_most_once_every_n_seconds(qtbot):
    w = _window(qtbot, "spiral")
    try:
        every = 0.5  # seconds (5 in the app); the run below lasts about 3
        w.access.training.loss_every = every
        w.apply_config(w.settings_panel.config().replace(epochs=0))
        w.set_speed(500)
        n = _count(w)
        assert w.start_training()
        qtbot.wait(3000)
        w.toggle_training()
        _wait_state(qtbot, w, "paused")
        said = list(w.access.announcer.history)[n:]
        loss = [(t, text) for t, text in said if text.startswith("Epoch ")]
        assert said[0][1] == "Training started." and said[-1][1].startswith("Training paused")
        assert 3 <= len(loss) <= 7, said  # about one every 0.5 s over 3 s: the loss is said, and not more often
        times = [said[0][0]] + [t for t, _ in loss]
        assert min(np.diff(times)) >= every - 1e-6
        epochs = [int(text.split()[1].rstrip(",").replace(",", "")) for _t, text in loss]
        assert epochs == sorted(epochs) and epochs[-1] > epochs[0]
        # 20 reports a second, more than a hundred over the run: far fewer announcements than reports
        assert w.controller.trainer.epoch > 200
    finally:
        w.controller.shutdown()


def test_an_announcement_is_sent_as_a_qt_accessibility_event(qtbot):
    """With assistive technology active Qt delivers the event; it must not fail, and the text is kept."""
    w = _window(qtbot)
    try:
        announcer = Announcer(w, w, clock=lambda: 42.0)
        got = []
        announcer.announced.connect(got.append)
        was = QAccessible.isActive()
        QAccessible.setActive(True)
        try:
            announcer.say("Training started.")
            announcer.say("Training diverged.", urgent=True)
            announcer.say("   ")  # nothing to say: nothing sent
        finally:
            QAccessible.setActive(was)
        assert got == ["Training started.", "Training diverged."]
        assert list(announcer.history) == [(42.0, "Training started."), (42.0, "Training diverged.")]
    finally:
        w.controller.shutdown()


def test_announcements_are_in_the_window_language(qtbot):
    w = create_main_window(preset="loy-xor", language="zh_CN")
    w.persist_state = False
    qtbot.addWidget(w)
    try:
        w.show()
        n = _count(w)
        assert w.step(2)
        _wait_state(qtbot, w, "paused")
        [said] = _new(w, n)
        assert said.startswith("第 2 轮，损失 ") and said.endswith("。"), said
    finally:
        w.controller.shutdown()
        from nngui.support import i18n
        i18n.install("en")


# ------------------------------------------------------------------------------------------- live sound


def test_live_pitch_falls_with_the_loss_on_a_log_scale():
    assert live_pitch(2.0, 2.0) == pytest.approx(HIGH_HZ)
    assert live_pitch(2e-3, 2.0) == pytest.approx(LOW_HZ)  # three decades lower: two octaves down
    assert live_pitch(2e-6, 2.0) == pytest.approx(LOW_HZ)  # and never below
    assert live_pitch(0.2, 2.0) == pytest.approx(LOW_HZ * (HIGH_HZ / LOW_HZ) ** (2 / 3))
    assert live_pitch(float("nan"), 2.0) == HIGH_HZ
    pcm, phase = tone_chunk(440.0, 0.1)
    samples = np.frombuffer(pcm, dtype="<i2")
    assert samples.size == int(0.1 * RATE)
    zero_crossings = np.count_nonzero(np.diff(np.signbit(samples)))
    assert zero_crossings == pytest.approx(2 * 440 * 0.1, abs=2)
    more, _ = tone_chunk(440.0, 0.1, phase)  # chunks join: no jump between the last and the next sample
    step = 2 * np.pi * 440 / RATE * 0.3 * 32767
    assert abs(int(np.frombuffer(more, dtype="<i2")[0]) - int(samples[-1])) <= step + 2


def test_without_qt_multimedia_the_menu_says_how_to_install_it(qtbot, monkeypatch):
    if live_sound.multimedia_available():
        pytest.skip("Qt Multimedia is installed here: the fallback is not what runs")
    warned = []
    monkeypatch.setattr(Dialogs, "warn", lambda self, title, text: warned.append((title, text)))
    w = _window(qtbot)
    try:
        action = w.live_sound_action
        assert "pip install nngui[sound]" in action.text() and not action.isChecked()
        action.trigger()
        assert not action.isChecked() and not w.access.sound.on
        assert warned and "pip install nngui[sound]" in warned[0][1]
        assert "pip install nngui[sound]" in w.statusBar().currentMessage()
        assert w.step(3)  # training is not disturbed
        _wait_state(qtbot, w, "paused")
    finally:
        w.controller.shutdown()


class _FakeDevice:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)


def _fake_multimedia():
    """A stand-in for PySide6.QtMultimedia (not installed here: PySide6-Addons is ~300 MB)."""
    module = types.ModuleType("PySide6.QtMultimedia")

    class QAudioFormat:
        class SampleFormat:
            Int16 = "Int16"

        def setSampleRate(self, rate):  # noqa: N802
            self.rate = rate

        def setChannelCount(self, n):  # noqa: N802
            self.channels = n

        def setSampleFormat(self, f):  # noqa: N802
            self.format = f

    class QAudioSink:
        made = []

        def __init__(self, device, fmt, parent=None):
            self.fmt, self.device, self.stopped = fmt, _FakeDevice(), False
            QAudioSink.made.append(self)

        def start(self):
            return self.device

        def stop(self):
            self.stopped = True

    class QMediaDevices:
        @staticmethod
        def defaultAudioOutput():
            return "default"

    module.QAudioFormat, module.QAudioSink, module.QMediaDevices = QAudioFormat, QAudioSink, QMediaDevices
    return module


def test_live_sound_plays_a_falling_tone_while_training(qtbot, monkeypatch):
    """Playback itself cannot run here (no Qt Multimedia, no sound card): a stand-in sink records what
    would be played."""
    fake = _fake_multimedia()
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", fake)
    monkeypatch.setattr(live_sound, "multimedia_available", lambda: True)
    w = _window(qtbot, "circle")
    try:
        w.live_sound_action.setChecked(True)
        assert w.access.sound.on
        w.apply_config(w.settings_panel.config().replace(epochs=400))
        w.set_speed(200)
        assert w.start_training()
        _wait_state(qtbot, w, "done")
        [sink] = fake.QAudioSink.made
        assert sink.fmt.rate == RATE and sink.fmt.channels == 1 and sink.stopped
        pitches = w.access.sound.pitches
        assert len(pitches) > 5 and pitches[0] == pytest.approx(HIGH_HZ, rel=0.05)
        assert pitches[-1] < pitches[0]  # the loss fell: so did the pitch
        played = np.frombuffer(bytes(sink.device.data), dtype="<i2")
        assert played.size > 0.5 * RATE  # about the run's length in sound (2 s at 200 epochs/s)
        w.live_sound_action.setChecked(False)
        assert not w.access.sound.on
    finally:
        w.controller.shutdown()
