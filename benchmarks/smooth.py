"""W6: smooth and fast, the window's live views against the training speed.

The spiral preset (2-32-32-3, decision map, diagram, loss plot and predictions all live) and the
digits-shaped W2 network train in the real main window (offscreen), once with the chunks in the
training thread and once in a child process (core.train_process), alternating with a headless run
of the same trainer. Printed: epochs/s and their share of headless, painted frames a second of the
decision map and of the diagram (Paint events of their viewports), and the 99th percentile lateness
of a 10 ms QTimer.
"""

from __future__ import annotations

import os
import statistics
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import train_process  # noqa: E402
from core.config import TrainConfig  # noqa: E402
from core.presets import get_preset  # noqa: E402
from core.trainer import Trainer  # noqa: E402

from .big import Ticks, late_p99  # noqa: E402
from .window import _settle, close_window  # noqa: E402
from .workloads import digits_like, timed  # noqa: E402


def _paint_counter():
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.n = 0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                self.n += 1
            return False

    return PaintCounter()


def _run(w, epochs: int, counters, steps: int | None = None) -> tuple[float, list[float], list[int]]:
    """Seconds to train ``epochs`` from fresh weights (``steps`` of them when given), the 10 ms timer's gaps
    (ms) and the paints counted."""
    w.reset()
    _settle(0.3)
    for c in counters:
        c.n = 0
    with Ticks() as ticks:
        t = time.perf_counter()
        assert w.start_training(steps), "the window did not start training"
        assert w.controller.wait_idle(3600), "training did not finish"
        elapsed = time.perf_counter() - t
    done = w.controller.trainer.epoch
    assert done == (steps or epochs), f"trained {done} epochs, not {steps or epochs}"
    return elapsed, ticks.gaps, [c.n for c in counters]


def w6(quick: bool = False) -> dict:
    from nngui.app import create_main_window
    from nngui.training import worker as worker_module

    w = create_main_window(preset="spiral", restore=False)
    w.persist_state = False
    w.resize(1600, 1000)
    w.show()
    _settle(1.0)
    map_count, diagram_count = _paint_counter(), _paint_counter()
    w.decision_map.plot.viewport().installEventFilter(map_count)
    w.network_view.viewport().installEventFilter(diagram_count)
    rows, notes = [], []
    spiral = get_preset("spiral")
    digits = TrainConfig(hidden=(32,), activation="sigmoid", output_activation="softmax", loss="ce",
                         optimizer="gd", learning_rate=0.1)
    plan = (("spiral 2-32-32-3", spiral.dataset(), spiral.config, 5000 if quick else 20_000),
            ("W2 digits 64-32-10", digits_like(), digits, 500 if quick else 3000))
    old_after = worker_module.PROCESS_AFTER
    worker_module.PROCESS_AFTER = 0.0  # measure the process path from the start of each run
    try:
        for label, ds, cfg, n in plan:
            cfg = cfg.replace(epochs=n)
            w.data_model.set_dataset(ds)
            w.apply_config(cfg)
            modes = [("in a thread", False)]
            if train_process.suitable(w.controller.trainer):
                modes.append(("in a process", True))
            else:
                notes.append(f"{label} trains in the thread on {os.cpu_count()} cores (core.train_process.suitable)")
            for mode, use in modes:
                w.controller.worker.use_process = use
                if use:  # the child process is started and ready before the runs are timed
                    _run(w, n, (), steps=min(n, 500))
                times, heads, gaps, paints = [], [], [], []
                for _ in range(2 if quick else 3):  # alternate window and headless runs
                    el, gap, counts = _run(w, n, (map_count, diagram_count))
                    times.append(el)
                    gaps += gap
                    paints.append([c / el for c in counts])
                    tr = Trainer(ds, cfg)
                    heads.append(timed(lambda: tr.run(chunk=10_000)))
                wt, ht = statistics.median(times), statistics.median(heads)
                fps = np.median(np.array(paints), axis=0)
                rows.append((f"{label} {mode}", n / wt, ht / wt, float(fps[0]), float(fps[1]), late_p99(gaps)))
            notes.append(f"{label}: headless {n / ht:,.0f} epochs/s")
    finally:
        worker_module.PROCESS_AFTER = old_after
        close_window(w)
    return {"workload": "W6 smooth and fast: live views while training (offscreen, 1600x1000)", "unit": "epochs/s",
            "columns": ("epochs/s", "of headless", "map frames/s", "diagram frames/s", "timer p99 late ms"),
            "rows": rows, "note": "; ".join(notes) + " (a map needs two inputs: digits has none)"}
