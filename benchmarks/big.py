"""W7 and W8: big networks and a big CSV file in the real main window (offscreen).

W7: a 10 ms QTimer's lateness while big networks train in the window with every view
live, and what a report costs the training thread (making it, and the bytes it carries)
against the network's parameter count. W8: the same timer's largest gap while a generated
50 MB CSV file is imported and applied (parsed, put in the table, a trainer built, the views
shown).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.config import TrainConfig  # noqa: E402
from core.data import Dataset  # noqa: E402

from .window import _settle, _window, close_window  # noqa: E402


class Ticks:
    """A 10 ms QTimer recording the gaps (ms) between its ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def __enter__(self) -> "Ticks":
        self.last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()
        self._tick()  # the gap up to now counts too


def p99(values: list[float]) -> float:
    return float(np.percentile(values, 99)) if values else float("nan")


def late_p99(gaps: list[float]) -> float:
    """The 99th percentile of how late the 10 ms timer fired (as W4 reports it)."""
    return p99([max(0.0, g - 10.0) for g in gaps])


# -- W8: a 50 MB CSV file -------------------------------------------------------------------------------

def big_csv(megabytes: float = 50.0, columns: int = 12, seed: int = 0) -> str:
    """A generated CSV file of about ``megabytes`` (inputs x1.., a 0/1 target y), cached in the temp folder."""
    path = os.path.join(tempfile.gettempdir(), f"nngui-bench-{megabytes:g}MB-{columns}.csv")
    if os.path.exists(path):
        return path
    rng = np.random.default_rng(seed)
    rows = int(megabytes * 1e6 / (columns * 10 - 1))  # 10 characters a cell but the last
    X = rng.normal(size=(rows, columns - 1))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    lines = [",".join([f"x{i + 1}" for i in range(columns - 1)] + ["y"])]
    fmt = ",".join(["%.7f"] * (columns - 1)) + ",%d"
    block = 50_000
    for s in range(0, rows, block):
        chunk = np.column_stack([X[s:s + block], y[s:s + block]])
        lines.extend(fmt % tuple(r) for r in chunk.tolist())
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
    return path


def import_once(w, path: str) -> dict:
    """Import ``path`` into window ``w`` (on the loader thread) while a 10 ms timer ticks; gaps and times."""
    from PySide6.QtWidgets import QApplication

    w.load_preset("loy-xor")
    _settle(0.5)
    done: list[float] = []
    w.csv_importer.loaded.connect(lambda *_: done.append(time.perf_counter()))
    with Ticks() as ticks:
        t0 = time.perf_counter()
        assert w.import_csv(path, background=True), "the import did not start"
        while not done and time.perf_counter() - t0 < 120:
            QApplication.processEvents()
            time.sleep(0.001)
        # Whatever the import left for later (a trainer built on a thread, the views) runs here.
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end and (not w.session.trainer or w.session.trainer.dataset.n_samples < 1000):
            QApplication.processEvents()
            time.sleep(0.001)
        ready = time.perf_counter()
        _settle(0.3)
    assert done, "the import did not finish"
    t = w.session.trainer
    assert t is not None and t.dataset.n_samples > 1000, "no trainer on the imported table"
    return {"max": max(ticks.gaps), "p99": late_p99(ticks.gaps), "loaded": done[0] - t0, "ready": ready - t0}


def w8(quick: bool = False) -> dict:
    mb = 10.0 if quick else 50.0
    path = big_csv(mb)
    size = os.path.getsize(path) / 1e6
    w = _window()
    runs = []
    try:
        with Ticks() as idle:  # the machine's own noise: the same window, idle
            _settle(3.0)
        for _ in range(2 if quick else 3):
            runs.append(import_once(w, path))
    finally:
        close_window(w)
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    rng = {k: (min(r[k] for r in runs), max(r[k] for r in runs)) for k in runs[0]}
    rows = [("import and apply (median)", med["max"], med["p99"], med["ready"]),
            ("the window idle (for comparison)", max(idle.gaps), late_p99(idle.gaps), None)]
    return {"workload": f"W8 a {size:.0f} MB CSV file imported into the window", "unit": "ms",
            "columns": ("largest gap ms", "timer p99 late ms", "ready after s"), "rows": rows,
            "note": (f"{len(runs)} imports; largest gap {rng['max'][0]:.0f}-{rng['max'][1]:.0f} ms, "
                     f"parsed after {rng['loaded'][0]:.2f}-{rng['loaded'][1]:.2f} s")}


# -- W7: big networks -----------------------------------------------------------------------------------

def wide_table(rows: int, inputs: int, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, inputs))
    y = np.tanh(X[:, :1] * X[:, 1:2] + 0.5 * X[:, 2:3])
    return Dataset(X, y, tuple(f"x{i + 1}" for i in range(inputs)), ("y",))


def _report_costs(w) -> tuple[list[float], list[int]]:
    """Wrap the worker's make_report to time it and size its reports (seconds, bytes)."""
    from nngui.training import worker

    costs: list[float] = []
    sizes: list[int] = []
    real = worker.make_report

    def timed_report(*args, **kwargs):
        t = time.perf_counter()
        rep = real(*args, **kwargs)
        costs.append(time.perf_counter() - t)
        sizes.append(sum(W.nbytes + (0 if b is None else b.nbytes) for W, b in rep.layers)
                     + rep.predictions.nbytes)
        return rep

    worker.make_report = timed_report
    return costs, sizes


def _train_for(w, seconds: float) -> tuple[list[float], int, float]:
    """Train from fresh weights for ``seconds`` with a 10 ms timer ticking; gaps, epochs, seconds."""
    w.reset()
    _settle(0.3)
    with Ticks() as ticks:
        t = time.perf_counter()
        assert w.start_training(), "the window did not start training"
        _settle(seconds)
        w.session.controller.pause(wait=True)
        _settle(0.3)  # the run's last report
        elapsed = time.perf_counter() - t
    return ticks.gaps, w.controller.trainer.epoch, elapsed


def w7(quick: bool = False) -> dict:
    from nngui.training import worker

    seconds = 3.0 if quick else 8.0
    cases = [
        ("6 x 256 on 100,000 x 20", wide_table(20_000 if quick else 100_000, 20),
         TrainConfig(hidden=(256,) * 6, activation="tanh", output_activation="linear", loss="mse",
                     optimizer="adam", learning_rate=0.001, batch_size=256, epochs=0)),
        ("20 x 1,000 on 200 x 4", wide_table(200, 4),
         TrainConfig(hidden=(1000,) * (5 if quick else 20), activation="tanh", output_activation="linear",
                     loss="mse", optimizer="gd", learning_rate=0.001, epochs=0, init="xavier")),
    ]
    w = _window()
    real = worker.make_report
    rows = []
    notes = []
    try:
        with Ticks() as idle:  # the machine's own noise: the same window, idle
            _settle(3.0)
        rows.append(("the window idle (for comparison)", None, late_p99(idle.gaps), max(idle.gaps), None, None))
        for label, ds, cfg in cases:
            w.data_model.set_dataset(ds)
            w.apply_config(cfg)
            _settle(0.5)
            params = w.controller.trainer.network.arch.n_params
            gaps_all, costs_all, sizes_all = [], [], []
            eps = []
            for _ in range(1 if quick else 2):
                costs, sizes = _report_costs(w)
                try:
                    gaps, epochs, elapsed = _train_for(w, seconds)
                finally:
                    worker.make_report = real
                gaps_all += gaps
                costs_all += costs
                sizes_all += sizes
                eps.append(epochs / elapsed)
            rows.append((label, float(params), late_p99(gaps_all), max(gaps_all),
                         1000 * statistics.median(costs_all) if costs_all else float("nan"),
                         statistics.median(sizes_all) / 1e6 if sizes_all else float("nan")))
            notes.append(f"{label}: {statistics.median(eps):.3g} epochs/s, {len(costs_all)} reports")
    finally:
        worker.make_report = real
        close_window(w)
    return {"workload": "W7 big networks training in the window (every view live)", "unit": "ms",
            "columns": ("parameters", "timer p99 late ms", "largest gap ms", "report ms", "report MB"),
            "rows": rows, "note": "; ".join(notes)}
