"""The loss curve as sound: the pitch follows the loss on a log scale (measured back from the WAV by
counting zero crossings), a click at every 10 % of the epochs, 16-bit mono, written atomically."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from core.sound import CLICKS, HIGH_HZ, LOW_HZ, RATE, TONE, loss_tone, write_loss_wav


def read(path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2") / 32767.0, w.getframerate()


def pitch(samples: np.ndarray, rate: int, at: float, window: float = 0.1) -> float:
    """The tone's frequency around second ``at`` (away from the clicks), from its zero crossings."""
    s = samples[int((at - window / 2) * rate):int((at + window / 2) * rate)]
    assert np.abs(s).max() <= TONE * 1.01, "a click in the window"
    return np.count_nonzero(np.diff(np.signbit(s))) / 2 / window


def test_pitch_follows_the_loss_on_a_log_scale(tmp_path):
    epochs = np.arange(1, 1001, dtype=float)
    losses = 10.0 ** (-3 * (epochs - 1) / 999)  # 1 down to 0.001: log-linear
    write_loss_wav(tmp_path / "loss.wav", epochs, losses, seconds=4.0)
    samples, rate = read(tmp_path / "loss.wav")
    assert rate == RATE and len(samples) == 4 * RATE
    for t in (0.2, 1.8, 3.4):  # the loss falls log-linearly over 4 s: so does the pitch, 880 Hz to 220 Hz
        assert pitch(samples, rate, t) == pytest.approx(HIGH_HZ * (LOW_HZ / HIGH_HZ) ** (t / 4), rel=0.03)


def test_a_click_at_every_tenth_of_the_epochs():
    samples = loss_tone(np.arange(1, 101.0), np.linspace(1, 0.1, 100), seconds=2.0)
    loud = np.flatnonzero(np.abs(samples) > TONE * 1.5)
    starts = loud[np.r_[True, np.diff(loud) > 10]]
    assert len(starts) == CLICKS
    expected = np.arange(1, CLICKS + 1) / CLICKS * (len(samples) - 1)
    assert np.max(np.abs(starts - expected)) < 0.01 * RATE


def test_a_flat_curve_is_a_steady_middle_tone_and_a_diverged_run_stops_at_its_last_finite_loss():
    flat = loss_tone(np.arange(1, 11.0), np.full(10, 0.5), seconds=1.0)
    assert pitch(flat, RATE, 0.25, window=0.06) == pytest.approx(np.sqrt(LOW_HZ * HIGH_HZ), rel=0.05)
    diverged = loss_tone([1, 2, 3, 4], [1.0, 0.5, np.nan, np.inf], seconds=1.0)
    assert np.isfinite(diverged).all()
    with pytest.raises(ValueError, match="no finite loss"):
        loss_tone([1.0], [np.nan])
    with pytest.raises(ValueError, match="seconds"):
        loss_tone([1.0, 2.0], [1.0, 0.5], seconds=0)


def test_window_exports_its_curve_and_says_why_not_before_training(qtbot, tmp_path):
    from PySide6.QtGui import QAction

    from helpers import shown_window

    w = shown_window(qtbot)
    try:
        assert w.findChild(QAction, "exportSoundAction") is not None
        assert not w.export_sound(tmp_path / "none.wav")
        assert w.errors[-1][0] == "Cannot export the loss as sound" and "train first" in w.errors[-1][1]
        assert not (tmp_path / "none.wav").exists()
        w.step(200)
        qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 200, timeout=20000)
        qtbot.wait(50)
        assert w.export_sound(tmp_path / "loy.wav"), w.errors
        samples, rate = read(tmp_path / "loy.wav")
        assert len(samples) == 6 * rate and np.abs(samples).max() > TONE
        assert "saved as sound" in w.statusBar().currentMessage()
    finally:
        w.controller.shutdown()
