"""W4 and W5: training from the real main window (offscreen) against the headless core.

W4: throughput kept with the loss plot, diagram and prediction table all live; the
99th-percentile lateness of a 10 ms QTimer while training; process start to first
painted window. W5: resident memory before and after a very long run in the window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.presets import get_preset  # noqa: E402
from core.trainer import Trainer  # noqa: E402

from .workloads import digits_like, timed  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _window():
    from nngui.app import create_main_window

    w = create_main_window(preset="loy-xor", restore=False)
    w.persist_state = False
    w.resize(1600, 1000)
    w.show()
    _settle(1.0)  # start-up work (the compiled loop loads in the training thread) is not measured
    return w


def close_window(w) -> None:
    """Join the training thread and close the window without asking to save."""
    w.controller.shutdown()
    w.set_modified(False)
    w.close()


def _settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def _load(w, dataset, config) -> None:
    """Put a data set and settings into the window, as a user loading them would."""
    if dataset is not None:
        w.data_model.set_dataset(dataset)
    w.apply_config(config)


def _train_in_window(w, epochs: int) -> tuple[float, list[float]]:
    """Seconds to train ``epochs`` from fresh weights, and the lateness (ms) of a 10 ms timer meanwhile."""
    from PySide6.QtCore import QTimer

    w.reset()
    _settle(0.2)  # Reset's own repaints are done before Train is pressed, as when a user presses them
    late: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10.0))
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    t = time.perf_counter()
    assert w.start_training(), "the window did not start training"
    assert w.controller.wait_idle(3600), "training did not finish"
    elapsed = time.perf_counter() - t
    timer.stop()
    done = w.controller.trainer.epoch
    assert done == epochs, f"trained {done} epochs, expected {epochs}"
    return elapsed, late[1:]


def _first_paint_seconds(tree: str | None = None) -> float:
    """Process start to the first paint of the main window, measured in a fresh interpreter.

    ``tree``: a source tree (a checkout's root) to import nngui and core from instead of this one
    (``benchmarks/first_paint.py`` compares two that way)."""
    code = (
        "import time, sys; t0 = float(sys.argv[1])\n"
        "from PySide6.QtCore import QObject, QEvent, QTimer\n"
        "from nngui.app import create_main_window\n"
        "from PySide6.QtWidgets import QApplication\n"
        "w = create_main_window(restore=False); w.persist_state = False\n"
        "class F(QObject):\n"
        "    def eventFilter(self, o, e):\n"
        "        if e.type() == QEvent.Type.Paint:\n"
        "            print(time.time() - t0, flush=True); QApplication.instance().exit(0)\n"
        "        return False\n"
        "f = F(); w.installEventFilter(f); w.show()\n"
        "QTimer.singleShot(10000, lambda: QApplication.instance().exit(1))\n"
        "rc = QApplication.instance().exec(); w.controller.shutdown(); sys.exit(rc)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join([tree, *filter(None, [os.environ.get("PYTHONPATH")])])
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code, repr(t0)], capture_output=True, text=True, env=env,
                         timeout=60, cwd=tree)
    return float(out.stdout.strip().splitlines()[0])


def w4(quick: bool = False) -> dict:
    w = _window()
    rows = []
    try:
        loy = get_preset("loy-xor")
        # 100k epochs of the compiled loop take ~35 ms: that measures start and stop, not throughput,
        # so W1 here runs 1M epochs (still ~1/3 s headless).
        n1 = 100_000 if quick else 1_000_000
        n2 = 100 if quick else 1000
        digits = digits_like()
        from core.config import TrainConfig

        cfg2 = TrainConfig(hidden=(32,), activation="sigmoid", output_activation="softmax", loss="ce",
                           optimizer="gd", learning_rate=0.1, epochs=n2)
        for label, ds, cfg, n in (("W1 loy-xor", None, loy.config.replace(epochs=n1), n1),
                                  ("W2 digits 64-32-10", digits, cfg2, n2)):
            _load(w, ds if ds is not None else loy.dataset(), cfg)
            headless_ds = ds if ds is not None else loy.dataset()
            window_t, head_t, lates = [], [], []
            for _ in range(2 if quick else 5):  # alternate window and headless runs
                el, late = _train_in_window(w, n)
                window_t.append(el)
                lates += late
                tr = Trainer(headless_ds, cfg)
                head_t.append(timed(lambda: tr.run(chunk=10_000)))
            wt, ht = statistics.median(window_t), statistics.median(head_t)
            p99 = float(np.percentile(lates, 99)) if lates else float("nan")
            rows.append((f"{label} in the window", n / wt, ht / wt, p99))
            rows.append((f"{label} headless", n / ht, 1.0, None))
    finally:
        close_window(w)
    paint = statistics.median(_first_paint_seconds() for _ in range(3))
    return {"workload": "W4 the window (offscreen) with every view live", "unit": "epochs/s",
            "columns": ("epochs/s", "of headless", "timer p99 late ms"), "rows": rows,
            "note": f"first paint {paint:.2f} s after process start"}


def w5(quick: bool = False) -> dict:
    epochs = 1_000_000 if quick else 10_000_000
    w = _window()
    try:
        loy = get_preset("loy-xor")
        _load(w, loy.dataset(), loy.config.replace(epochs=epochs))
        w.reset()
        before = rss_mb()
        t = time.perf_counter()
        assert w.start_training()
        assert w.controller.wait_idle(7200)
        secs = time.perf_counter() - t
        after = rss_mb()
        points = len(w.controller.trainer.history)
    finally:
        close_window(w)
    return {"workload": f"W5 memory over {epochs:,} epochs of loy-xor in the window", "unit": "MB",
            "columns": ("RSS before MB", "RSS after MB", "growth MB"),
            "rows": [("resident memory", before, after, after - before)],
            "note": f"{epochs / secs:,.0f} epochs/s; loss history kept {points} buckets"}
