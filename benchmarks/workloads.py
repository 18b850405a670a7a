"""The headless workloads W1-W3: our core against baselines, alternating, in one process."""

from __future__ import annotations

import statistics
import time
from typing import Callable

import numpy as np

from core import compiled
from core.config import TrainConfig
from core.data import Dataset
from core.presets import get_preset
from core.trainer import Trainer

from . import article


def alternate(runs: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median seconds of each runner, the runners interleaved so machine noise hits all alike."""
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(repeats):
        for name, fn in runs.items():
            times[name].append(fn())
    return {k: statistics.median(v) for k, v in times.items()}


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _core_run(dataset: Dataset, config: TrainConfig, chunk: int = 10_000,
              numpy_only: bool = True) -> Callable[[], float]:
    """Time a Trainer's run; ``numpy_only`` keeps the optional compiled loop out of it."""
    def run() -> float:
        tr = Trainer(dataset, config)
        if numpy_only:
            tr._compiled = None
        return timed(lambda: tr.run(chunk=chunk))
    return run


def calls_per_epoch(trainer: Trainer) -> int:
    """NumPy calls in one epoch of the generated loop (its source, one call a line)."""
    src = trainer._fused[0].source.split("def epochs", 1)[1].split("\ndef ", 1)[0]
    return sum(1 for line in src.splitlines()[2:] if "(" in line)


# -- W1: the article's network --------------------------------------------------------------

def w1(epochs: int = 100_000, repeats: int = 5) -> dict:
    preset = get_preset("loy-xor")
    ds, cfg = preset.dataset(), preset.config.replace(epochs=epochs)
    ncalls = calls_per_epoch(Trainer(ds, cfg))
    a = np.zeros((4, 1))

    def floor() -> float:
        neg = np.negative
        def loop():
            for _ in range(epochs):
                for _ in range(ncalls):
                    neg(a, a)
        return timed(loop)

    runs = {"nngui NumPy core": _core_run(ds, cfg), "article": lambda: timed(lambda: article.train(epochs)),
            f"floor ({ncalls} calls)": floor}
    skipped = []
    if compiled.available():
        Trainer(ds, cfg.replace(epochs=1)).run()  # load the cached compilation before timing
        runs["nngui compiled (numba)"] = _core_run(ds, cfg, numpy_only=False)
    else:
        skipped.append("compiled loop (pip install nngui[fast])")
    t = alternate(runs, repeats)
    rows = [(name, epochs / sec, t["article"] / sec) for name, sec in t.items()]
    return {"workload": f"W1 loy-xor 3-4-1, {epochs:,} epochs, loss every epoch", "unit": "epochs/s",
            "rows": rows, "columns": ("epochs/s", "x article"), "calls_per_epoch": ncalls, "skipped": skipped}


# -- W2: a digits-shaped classification table ---------------------------------------------

def digits_like(seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, 1797)
    centres = rng.normal(size=(10, 64)) * 2
    X = np.clip(centres[labels] + rng.normal(size=(1797, 64)) * 3 + 8, 0, 16).round()
    return Dataset(X, labels[:, None].astype(float), tuple(f"p{i}" for i in range(64)), ("digit",))


def w2(epochs: int = 1000, repeats: int = 3) -> dict:
    ds = digits_like()
    lr = 0.1
    base = TrainConfig(hidden=(32,), activation="sigmoid", output_activation="softmax", loss="ce",
                       optimizer="gd", learning_rate=lr, epochs=epochs, init="xavier", normalize="none")
    runs = {"nngui float64": _core_run(ds, base, chunk=epochs),
            "nngui float32": _core_run(ds, base.replace(dtype="float32"), chunk=epochs)}
    skipped = []
    try:
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        def sk() -> float:
            clf = MLPClassifier(hidden_layer_sizes=(32,), activation="logistic", solver="sgd",
                                batch_size=ds.X.shape[0], learning_rate_init=lr, momentum=0.0,
                                nesterovs_momentum=False, alpha=0.0, max_iter=epochs, shuffle=False,
                                tol=0.0, n_iter_no_change=epochs + 1, random_state=0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                return timed(lambda: clf.fit(ds.X, ds.Y[:, 0]))
        runs["scikit-learn MLPClassifier"] = sk
    except ImportError:
        skipped.append("scikit-learn (pip install nngui[bench])")
    torch_run = _torch_w2(ds, epochs, lr)
    if torch_run is None:
        skipped.append("PyTorch (not installed)")
    else:
        runs["PyTorch CPU eager"] = torch_run
    t = alternate(runs, repeats)
    ref = t.get("scikit-learn MLPClassifier")
    rows = [(name, epochs / sec, (ref / sec) if ref else None) for name, sec in t.items()]
    return {"workload": f"W2 1797x64, 64-32-10 softmax+ce, full batch, {epochs:,} epochs", "unit": "epochs/s",
            "rows": rows, "columns": ("epochs/s", "x scikit-learn"), "skipped": skipped}


def _torch_w2(ds: Dataset, epochs: int, lr: float):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(2)
    X = torch.tensor(ds.X)
    y = torch.tensor(ds.Y[:, 0].astype(np.int64))

    def run() -> float:
        model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Sigmoid(), torch.nn.Linear(32, 10)).double()
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        lossf = torch.nn.CrossEntropyLoss()

        def loop():
            for _ in range(epochs):
                opt.zero_grad()
                loss = lossf(model(X), y)
                loss.backward()
                opt.step()
        return timed(loop)
    return run


# -- W3: a large regression table in mini-batches ------------------------------------------

LAYERS = (20, 64, 64, 1)
BATCH = 256


def w3(rows: int = 100_000, epochs: int = 5, repeats: int = 3) -> dict:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(rows, 20))
    Y = np.sin(X[:, :1]) + X[:, 1:2] * X[:, 2:3]
    ds = Dataset(X, Y, tuple(f"x{i}" for i in range(20)), ("y",))
    out = {"workload": f"W3 {rows}x20, 20-64-64-1, batches of {BATCH}, {epochs} epochs", "unit": "samples/s",
           "rows": [], "skipped": []}
    flops_per_sample = _train_flops_per_sample()
    for dt in ("float64", "float32"):
        cfg = TrainConfig(hidden=LAYERS[1:-1], activation="relu", output_activation="linear", loss="mse",
                          optimizer="sgd", batch_size=BATCH, learning_rate=0.01, epochs=epochs, dtype=dt)
        runs = {f"nngui {dt}": _core_run(ds, cfg, chunk=1),
                f"np.matmul alone {dt}": _matmul_run(rows * epochs, dt)}
        tr = _torch_w3(ds, epochs, dt)
        if tr is None:
            if "PyTorch (not installed)" not in out["skipped"]:
                out["skipped"].append("PyTorch (not installed)")
        else:
            runs[f"PyTorch CPU eager {dt}"] = tr
        t = alternate(runs, repeats)
        mm = t[f"np.matmul alone {dt}"]
        torch_t = t.get(f"PyTorch CPU eager {dt}")
        for name, sec in t.items():
            gflops = flops_per_sample * rows * epochs / sec / 1e9
            out["rows"].append((name, rows * epochs / sec, (torch_t / sec) if torch_t else None,
                                gflops, mm / sec))
    out["peak_gflops"] = {dt: _peak_gflops(dt) for dt in ("float64", "float32")}
    out["columns"] = ("samples/s", "x PyTorch", "GFLOP/s", "of matmul alone")
    return out


def _products(batch: int):
    """The (m, k, n) matrix products of one training step of 20-64-64-1."""
    fwd = [(batch, a, b) for a, b in zip(LAYERS, LAYERS[1:])]
    grads = [(a, batch, b) for a, b in zip(LAYERS, LAYERS[1:])]
    back = [(batch, b, a) for a, b in zip(LAYERS[1:-1], LAYERS[2:])]
    return fwd + grads + back


def _train_flops_per_sample() -> float:
    return sum(2 * m * k * n for m, k, n in _products(BATCH)) / BATCH


def _matmul_run(samples: int, dt: str):
    rng = np.random.default_rng(1)
    ops = [(rng.normal(size=(m, k)).astype(dt), rng.normal(size=(k, n)).astype(dt), np.empty((m, n), dt))
           for m, k, n in _products(BATCH)]
    steps = samples // BATCH

    def run() -> float:
        def loop():
            for _ in range(steps):
                for a, b, o in ops:
                    np.matmul(a, b, out=o)
        return timed(loop)
    return run


def _peak_gflops(dt: str, n: int = 1024) -> float:
    a = np.random.default_rng(2).normal(size=(n, n)).astype(dt)
    o = np.empty_like(a)
    np.matmul(a, a, out=o)
    best = min(timed(lambda: np.matmul(a, a, out=o)) for _ in range(5))
    return 2 * n**3 / best / 1e9


def _torch_w3(ds: Dataset, epochs: int, dt: str):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(2)
    tdt = torch.float64 if dt == "float64" else torch.float32
    X = torch.tensor(ds.X, dtype=tdt)
    Y = torch.tensor(ds.Y, dtype=tdt)
    n = X.shape[0]

    def run() -> float:
        model = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64),
                                    torch.nn.ReLU(), torch.nn.Linear(64, 1)).to(tdt)
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        lossf = torch.nn.MSELoss()
        g = torch.Generator().manual_seed(0)

        def loop():
            for _ in range(epochs):
                perm = torch.randperm(n, generator=g)
                for s in range(0, n, BATCH):
                    idx = perm[s:s + BATCH]
                    opt.zero_grad()
                    loss = lossf(model(X[idx]), Y[idx])
                    loss.backward()
                    opt.step()
        return timed(loop)
    return run
