"""The loss curve as sound: a tone whose pitch follows the loss (on a log scale) and a click every
10 % of the epochs, written as a WAV file with the standard library's ``wave`` module.

High loss sounds high, and the pitch falls as the network learns; a plateau is a steady
tone, a spike a chirp up. Pitch runs from ``LOW_HZ`` (the smallest loss) to ``HIGH_HZ``
(the largest), so two runs' files compare by ear only within themselves.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import os
import tempfile
import wave

import numpy as np

__all__ = ["CLICKS", "HIGH_HZ", "LOW_HZ", "RATE", "LIVE_DECADES", "live_pitch", "loss_tone", "tone_chunk", "write_loss_wav"]

RATE = 22_050  # samples a second
LOW_HZ, HIGH_HZ = 220.0, 880.0  # two octaves: the smallest loss .. the largest
TONE = 0.3  # amplitude of the tone (of full scale)
CLICK = 0.8  # amplitude of the clicks
CLICK_SECONDS = 0.004
CLICKS = 10  # a click at every 10 % of the epochs (10 %, 20 %, ..., 100 %)
FADE_SECONDS = 0.01  # fade in and out: no click at the ends


def loss_tone(epochs: np.ndarray, losses: np.ndarray, seconds: float = 6.0, rate: int = RATE) -> np.ndarray:
    """The samples (float, -1..1) for the curve ``(epochs, losses)`` over ``seconds``.

    Non-finite losses (a diverged run) end the curve; losses <= 0 count as the smallest positive one.
    """
    x = np.asarray(epochs, dtype=np.float64).ravel()
    y = np.asarray(losses, dtype=np.float64).ravel()
    if x.shape != y.shape:
        raise ValueError(f"epochs and losses differ in length ({x.size} and {y.size})")
    bad = np.flatnonzero(~np.isfinite(y))
    if bad.size:
        x, y = x[:bad[0]], y[:bad[0]]
    if x.size == 0:
        raise ValueError("there is no finite loss to play: train first")
    if not (np.isfinite(seconds) and 0.1 <= seconds <= 600):
        raise ValueError(f"seconds must be between 0.1 and 600, not {seconds!r}")
    positive = y[y > 0]
    floor = positive.min() if positive.size else 1.0
    logs = np.log(np.maximum(y, floor))
    lo, hi = logs.min(), logs.max()
    n = int(round(seconds * rate))
    at = x[0] + (x[-1] - x[0]) * np.arange(n) / max(1, n - 1)  # the epoch each sample plays
    u = (np.interp(at, x, logs) - lo) / (hi - lo) if hi > lo else np.full(n, 0.5)
    freq = LOW_HZ * (HIGH_HZ / LOW_HZ) ** u
    phase = 2 * np.pi * np.cumsum(freq) / rate
    out = TONE * np.sin(phase)
    fade = min(n // 2, int(FADE_SECONDS * rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade)
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    width = max(1, int(CLICK_SECONDS * rate))
    burst = CLICK * np.where(np.arange(width) % 2 == 0, 1.0, -1.0) * np.linspace(1.0, 0.3, width)
    for k in range(1, CLICKS + 1):
        start = min(n - width, int(round(k / CLICKS * (n - 1))) - (width if k == CLICKS else 0))
        out[max(0, start):max(0, start) + width] = burst[: n - max(0, start)]
    return out


def write_loss_wav(path: str | os.PathLike, epochs, losses, seconds: float = 6.0, rate: int = RATE) -> None:
    """Write the curve as a 16-bit mono WAV at ``path`` (a temporary file first, then renamed)."""
    samples = loss_tone(epochs, losses, seconds, rate)
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2").tobytes()
    path = os.fspath(path)
    fd, tmp = tempfile.mkstemp(prefix=".nngui-", suffix=".wav", dir=os.path.dirname(os.path.abspath(path)))
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(pcm)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


LIVE_DECADES = 3.0  # while training: the highest loss so far plays HIGH_HZ, a thousandth of it LOW_HZ


def live_pitch(loss: float, highest: float, decades: float = LIVE_DECADES) -> float:
    """The pitch (Hz) for ``loss`` while training: ``HIGH_HZ`` for the highest loss heard so far, falling on
    a log scale to ``LOW_HZ`` for a loss ``decades`` powers of ten lower (and below)."""
    if not np.isfinite(loss) or not np.isfinite(highest) or highest <= 0:
        return HIGH_HZ
    u = 1.0 + (np.log10(max(loss, 1e-300)) - np.log10(highest)) / decades
    return float(LOW_HZ * (HIGH_HZ / LOW_HZ) ** min(1.0, max(0.0, u)))


def tone_chunk(freq: float, seconds: float, phase: float = 0.0, rate: int = RATE) -> tuple[bytes, float]:
    """``seconds`` of a sine at ``freq`` as 16-bit mono PCM, starting at ``phase`` (radians); returns the
    bytes and the phase to start the next chunk at, so chunks join without a click."""
    n = max(1, int(round(seconds * rate)))
    step = 2 * np.pi * float(freq) / rate
    phases = phase + step * np.arange(1, n + 1)
    pcm = np.clip(np.round(TONE * np.sin(phases) * 32767), -32768, 32767).astype("<i2").tobytes()
    return pcm, float(phases[-1] % (2 * np.pi))
