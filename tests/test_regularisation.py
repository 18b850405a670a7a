"""L2/L1 regularisation: the penalty's value and gradient, on every training path and optimiser.

The objective is loss + (l2/2) sum W^2 + l1 sum |W| over the weights (never the biases).
Every path's update is checked against an update built from a 5-point finite difference of
that objective (accurate to ~1e-12 here), and the paths against each other to 1e-12.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from core import compiled, kernels
from core.config import TrainConfig
from core.data import Dataset
from core.network import Architecture, Network
from core.optimizers import get_optimizer
from core.regularization import Penalty, weight_mask
from core.trainer import Trainer

LOSSES = [("sse", "sigmoid"), ("mse", "tanh"), ("bce", "sigmoid"), ("ce", "softmax")]
RUNS = [("gd", 0), ("sgd", 0), ("sgd", 4), ("momentum", 0), ("momentum", 4), ("adam", 0), ("adam", 4)]
PATHS = ["compiled", "fused", "generic"]
needs_numba = pytest.mark.skipif(not compiled.available(), reason="numba not installed (pip install nngui[fast])")


def _data(loss: str, rows: int = 10, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, 3))
    if loss == "ce":
        Y = rng.integers(0, 3, (rows, 1)).astype(float)  # class labels: one-hot for softmax + ce
    elif loss == "bce":
        Y = rng.integers(0, 2, (rows, 1)).astype(float)
    else:
        Y = rng.normal(scale=0.4, size=(rows, 2))
    return Dataset(X, Y, ("a", "b", "c"), tuple(f"y{i}" for i in range(Y.shape[1])))


def _config(loss: str, out: str, optimizer: str, batch: int, **kw) -> TrainConfig:
    kw = {"learning_rate": 0.05, "epochs": 2, "seed": 3, **kw}
    return TrainConfig(hidden=(4,), activation="tanh", output_activation=out, loss=loss, optimizer=optimizer,
                       batch_size=batch, **kw)


def _start(arch: Architecture, seed: int = 1) -> Network:
    """Weights well away from 0 (|W| is not smooth there), non-zero biases."""
    rng = np.random.default_rng(seed)
    net = Network.initialize(arch, "xavier", rng)
    for W in net.weights:
        W[...] = np.sign(W) * np.maximum(np.abs(W), 0.5)  # Adam moves a weight <= lr a step
    for b in net.biases:
        if b is not None:
            b[...] = rng.normal(scale=0.3, size=b.shape)
    return net


def _on(t: Trainer, path: str) -> Trainer:
    """Force a training path (the trainer picks the fastest by itself)."""
    if path == "compiled":
        assert t.releases_gil, "the compiled loop should take this run"
    else:
        t._compiled = None
    if path == "generic":
        t._fused = t._fused_val = None
    elif path == "fused":
        assert t._fused is not None
    return t


def _trainer(ds: Dataset, cfg: TrainConfig, path: str, start: Network | None = None) -> Trainer:
    t = Trainer(ds, cfg) if start is None else Trainer(ds, cfg, start=start)
    return _on(t, path)


def _objective(net: Network, X, Y, pen: Penalty) -> float:
    return net.loss(X, Y) + pen.value(net.params)


def _fd_gradient(net: Network, X, Y, pen: Penalty, h: float = 1e-3) -> np.ndarray:
    """The 5-point central difference: error O(h^4), so ~1e-12 relative for these smooth functions."""
    g = np.empty_like(net.params)
    for i in range(net.params.size):
        old = net.params[i]
        f = []
        for k in (2, 1, -1, -2):
            net.params[i] = old + k * h
            f.append(_objective(net, X, Y, pen))
        net.params[i] = old
        g[i] = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h)
    return g


def _reference(t: Trainer, epochs: int, pen: Penalty) -> np.ndarray:
    """The parameters after ``epochs`` epochs taken with finite-difference gradients of the objective,
    from ``t``'s weights, data and random stream (``t`` itself is not trained)."""
    cfg = t.config
    net = t.network.copy()
    opt = get_optimizer(cfg.optimizer).create(cfg.learning_rate, net.params.size)
    rng = np.random.Generator(np.random.PCG64())
    rng.bit_generator.state = t.rng.bit_generator.state
    rows, bs = t.X.shape[0], t.batch_size
    for e in range(1, epochs + 1):
        opt.learning_rate = t.learning_rate_at(e)
        order = rng.permutation(rows) if bs < rows else np.arange(rows)
        for s in range(0, rows, bs):
            idx = order[s : s + bs]
            opt.update(net.params, _fd_gradient(net, t.X[idx], t.Y[idx], pen))
    return net.params


def _cases():
    for (loss, out), (opt, batch), path in itertools.product(LOSSES, RUNS, PATHS):
        if path == "compiled" and (opt != "gd" and not (opt == "sgd" and batch == 0)):
            continue  # the compiled loop is full-batch gradient descent only
        yield loss, out, opt, batch, path


@pytest.mark.parametrize("loss,out,optimizer,batch,path", list(_cases()))
def test_two_epochs_follow_finite_differences_of_the_whole_objective(loss, out, optimizer, batch, path):
    if path == "compiled" and not compiled.available():
        pytest.skip("numba not installed")
    ds = _data(loss)
    validation = 0.2 if loss in ("sse", "ce") else 0.0  # the loops with a validation loss inside, too
    cfg = _config(loss, out, optimizer, batch, l2=0.07, l1=0.02, validation=validation)
    probe = Trainer(ds, cfg)
    t = _trainer(ds, cfg, path, start=_start(probe.network.arch))
    p0 = t.network.params.copy()
    pen = Penalty(t.network.arch, 0.07, 0.02)
    expected = _reference(t, 2, pen)
    t.train(2)
    moved = np.abs(expected - p0).max()
    assert moved > 1e-3  # the check below would be empty otherwise
    assert np.abs(t.network.params - expected).max() <= 1e-10 * moved


def test_the_gradient_itself_matches_finite_differences_to_1e_10():
    """The gradient handed to the optimiser (fused and generic), not just its effect."""
    for loss, out in LOSSES:
        ds = _data(loss)
        cfg = _config(loss, out, "momentum", 0, l2=0.3, l1=0.05)
        for path in ("fused", "generic"):
            t = _trainer(ds, cfg, path, start=_start(Trainer(ds, cfg).network.arch))
            seen = []
            inner = t.optimizer.update
            t.optimizer.update = lambda p, g: (seen.append(g.copy()), inner(p, g))
            expected = _fd_gradient(t.network.copy(), t.X, t.Y, Penalty(t.network.arch, 0.3, 0.05))
            t.train(1)
            assert len(seen) == 1
            err = np.linalg.norm(seen[0] - expected) / np.linalg.norm(expected)
            assert err < 1e-10, (loss, path, err)


@pytest.mark.parametrize("l2,l1", [(0.05, 0.0), (0.0, 0.03), (0.05, 0.03)])
@pytest.mark.parametrize("optimizer,batch", RUNS)
def test_every_path_gives_the_same_run_to_1e_12(l2, l1, optimizer, batch):
    ds = _data("bce", rows=11)
    cfg = _config("bce", "sigmoid", optimizer, batch, l2=l2, l1=l1, validation=0.2, epochs=12,
                  schedule="exp:0.9")
    paths = ["fused", "generic"]
    if compiled.available() and (optimizer == "gd" or (optimizer == "sgd" and batch == 0)):
        paths.append("compiled")
    runs = {p: _trainer(ds, cfg, p) for p in paths}
    for t in runs.values():
        t.run(chunk=5)
    ref = runs["generic"]
    for p, t in runs.items():
        np.testing.assert_allclose(t.network.params, ref.network.params, rtol=1e-12, atol=1e-14, err_msg=p)
        np.testing.assert_allclose(t.history.arrays()[3], ref.history.arrays()[3], rtol=1e-12, err_msg=p)
        assert t.penalty == pytest.approx(ref.penalty, rel=1e-12)


def test_the_penalty_by_hand_and_never_on_biases():
    arch = Architecture((2, 2, 1), ("tanh", "linear"), True, "mse")
    net = Network.from_layers(arch, [(np.array([[1.0, -2.0], [0.0, 3.0]]), np.array([5.0, -7.0])),
                                     (np.array([[-0.5], [4.0]]), np.array([9.0]))])
    pen = Penalty(arch, l2=0.5, l1=0.25)
    # sum W^2 = 1 + 4 + 0 + 9 + 0.25 + 16 = 30.25; sum |W| = 1 + 2 + 0 + 3 + 0.5 + 4 = 10.5
    assert pen.value(net.params) == 0.25 * 30.25 + 0.25 * 10.5
    g = pen.gradient(net.params)
    W1, b1, W2, b2 = np.split(g, [4, 6, 8])
    np.testing.assert_array_equal(W1, [0.5 + 0.25, -1.0 - 0.25, 0.0, 1.5 + 0.25])  # sign(0) = 0
    np.testing.assert_array_equal(W2, [-0.25 - 0.25, 2.0 + 0.25])
    np.testing.assert_array_equal(b1, 0.0)
    np.testing.assert_array_equal(b2, 0.0)
    np.testing.assert_array_equal(weight_mask(arch), [1, 1, 1, 1, 0, 0, 1, 1, 0])


@pytest.mark.parametrize("path", PATHS)
def test_a_zero_weight_gets_no_l1_push_on_any_path(path):
    """sign(0) = 0: with l1 only, a weight at exactly 0 moves by its data gradient alone."""
    if path == "compiled" and not compiled.available():
        pytest.skip("numba not installed")
    ds = _data("sse")
    cfg = _config("sse", "sigmoid", "gd", 0, l1=0.5, learning_rate=1.0)
    plain = _config("sse", "sigmoid", "gd", 0, learning_rate=1.0)
    start = _start(Trainer(ds, cfg).network.arch)
    start.weights[0][1, 2] = 0.0
    with_l1, without = _trainer(ds, cfg, path, start), _trainer(ds, plain, path, start)
    with_l1.train(1)
    without.train(1)
    i = 1 * 4 + 2  # W1[1, 2] in the flat buffer
    assert with_l1.network.params[i] == pytest.approx(without.network.params[i], rel=1e-14, abs=1e-16)
    others = np.abs(with_l1.network.params - without.network.params)
    assert np.sort(others)[-1] == pytest.approx(0.5, rel=1e-12)  # lr * l1 on each other weight


def test_the_history_keeps_the_data_loss_and_the_penalty_is_beside_it():
    ds = _data("mse")
    cfg = _config("mse", "tanh", "gd", 0, l2=0.2, epochs=5)
    t = Trainer(ds, cfg)
    first = t.network.loss(t.X, t.Y)
    t.run()
    assert t.history.arrays()[3][0] == pytest.approx(first, rel=1e-12)  # no penalty in the curve
    p = t.progress()
    assert p.penalty == t.penalty == pytest.approx(0.1 * sum(float((W ** 2).sum()) for W in t.network.weights),
                                                   rel=1e-12)
    assert Trainer(ds, cfg.replace(l2=0.0)).progress().penalty == 0.0


def test_off_means_the_generated_loop_is_unchanged():
    """With l2 = l1 = 0 no Penalty exists and the fused code has no extra line: the hot loop is the same."""
    ds = _data("sse")
    t = Trainer(ds, _config("sse", "sigmoid", "gd", 0))
    assert t.regularization is None and Penalty.build(t.network.arch, 0.0, 0.0) is None
    plain = kernels.FusedStep(t.network, t.X, t.Y, fixed=True)
    assert t._fused[0].source == plain.source
    assert "pen" not in plain.source and "sign" not in plain.source
    on = kernels.FusedStep(t.network, t.X, t.Y, fixed=True, penalty=Penalty(t.network.arch, 0.1, 0.1))
    # L2's and L1's lines in each of the five generated functions that take a step
    assert on.source.count("add(grad, pen, grad)") == 2 * 5


def test_l2_shrinks_the_weights():
    ds = _data("mse", rows=30)
    cfg = _config("mse", "tanh", "adam", 0, epochs=300, learning_rate=0.02)
    free, held = Trainer(ds, cfg), Trainer(ds, cfg.replace(l2=0.5))
    free.run()
    held.run()
    norm = lambda t: sum(float((W ** 2).sum()) for W in t.network.weights)  # noqa: E731
    assert norm(held) < 0.5 * norm(free)


def test_float32_training_takes_the_penalty_too():
    ds = _data("bce")
    cfg = _config("bce", "sigmoid", "sgd", 4, l2=0.1, l1=0.01, epochs=10, dtype="float32")
    fused, generic = _trainer(ds, cfg, "fused"), _trainer(ds, cfg, "generic")
    fused.run()
    generic.run()
    assert fused.network.params.dtype == np.float32
    np.testing.assert_allclose(fused.network.params, generic.network.params, rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("optimizer", ["gd", "momentum", "adam"])
def test_one_step_with_l2_matches_torch(optimizer):
    """PyTorch with the L2 term written into the loss: the same step to 1e-10 (float64)."""
    torch = pytest.importorskip("torch")
    ds = _data("mse")
    cfg = _config("mse", "tanh", optimizer, 0, l2=0.2, learning_rate=0.1)
    t = Trainer(ds, cfg)
    Ws = [torch.tensor(W.copy(), requires_grad=True) for W in t.network.weights]
    bs = [torch.tensor(b.copy(), requires_grad=True) for b in t.network.biases]
    params = [p for pair in zip(Ws, bs) for p in pair]
    make = {"gd": lambda: torch.optim.SGD(params, lr=0.1),
            "momentum": lambda: torch.optim.SGD(params, lr=0.1, momentum=0.9),
            "adam": lambda: torch.optim.Adam(params, lr=0.1)}[optimizer]
    opt = make()
    opt.zero_grad()
    a = torch.tensor(t.X)
    for W, b, act in zip(Ws, bs, (torch.tanh, lambda z: torch.tanh(z))):
        a = act(a @ W + b)
    loss = ((a - torch.tensor(t.Y)) ** 2).mean() + 0.2 / 2 * sum((W ** 2).sum() for W in Ws)
    loss.backward()
    opt.step()
    t.train(1)
    ours = t.network.params
    theirs = np.concatenate([np.concatenate([W.detach().numpy().ravel(), b.detach().numpy()]) for W, b in zip(Ws, bs)])
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
