"""Analytic gradients against central finite differences (and torch autograd where installed)."""

import itertools
import zlib

import numpy as np
import pytest

from core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from core.losses import LOSSES
from core.network import Architecture, Network

DEPTHS = [(), (5,), (4, 3), (3, 4, 2)]


def _targets(loss: str, out_act: str, rng, n: int, k: int) -> np.ndarray:
    if loss == "ce":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


def _cases():
    for loss, out_act in itertools.product(LOSSES, ACTIVATIONS):
        if LOSSES[loss].needs_probabilities and out_act not in ("sigmoid", "softmax"):
            continue  # cross-entropies need outputs in (0, 1)
        for hidden_act, bias, hidden in itertools.product(HIDDEN_ACTIVATIONS, (True, False), DEPTHS):
            if not hidden and hidden_act != "sigmoid":
                continue  # no hidden layer: the hidden activation plays no part
            yield loss, out_act, hidden_act, bias, hidden


CASES = list(_cases())


def _numeric_gradient(net: Network, X, Y, h=1e-6) -> np.ndarray:
    g = np.empty_like(net.params)
    for i in range(net.params.size):
        old = net.params[i]
        net.params[i] = old + h
        up = net.loss(X, Y)
        net.params[i] = old - h
        down = net.loss(X, Y)
        net.params[i] = old
        g[i] = (up - down) / (2 * h)
    return g


@pytest.mark.parametrize("loss,out_act,hidden_act,bias,hidden", CASES)
def test_gradient_matches_finite_differences(loss, out_act, hidden_act, bias, hidden):
    rng = np.random.default_rng(zlib.crc32(repr((loss, out_act, hidden_act, bias, hidden)).encode()))
    n, n_in, n_out = 7, 3, 3
    arch = Architecture.build(n_in, hidden, n_out, hidden_act, out_act, bias, loss)
    while True:  # relu and leaky relu have a kink at 0: keep every pre-activation clear of it
        net = Network.initialize(arch, "xavier", rng)
        if bias:  # non-zero biases, so their gradients are exercised away from zero
            for b in net.biases:
                b[...] = rng.normal(scale=0.3, size=b.shape)
        X = rng.normal(size=(n, n_in))
        if min(np.abs(z).min() for z in net.pre_activations(X)) > 1e-4:
            break
    Y = _targets(loss, out_act, rng, n, n_out)
    value, analytic = net.gradient(X, Y)
    assert value == pytest.approx(net.loss(X, Y), rel=1e-12)
    numeric = _numeric_gradient(net, X, Y)
    err = np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-12)
    assert err < 1e-6, f"relative error {err:.2e}"


def test_every_registered_combination_is_checked():
    losses = {c[0] for c in CASES}
    outs = {c[1] for c in CASES}
    hiddens = {c[2] for c in CASES}
    assert losses == set(LOSSES) and outs == set(ACTIVATIONS) and hiddens == set(HIDDEN_ACTIVATIONS)


@pytest.mark.parametrize("loss,out_act", [("sse", "sigmoid"), ("mse", "linear"), ("bce", "sigmoid"),
                                          ("ce", "softmax"), ("mse", "softmax")])
def test_gradient_matches_torch_autograd(loss, out_act):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    arch = Architecture.build(3, (4, 3), 2, ("tanh", "relu"), out_act, True, loss)
    net = Network.initialize(arch, "xavier", rng)
    X = rng.normal(size=(6, 3))
    Y = _targets(loss, out_act, rng, 6, 2)
    value, grad = net.gradient(X, Y)
    Ws = [torch.tensor(W, requires_grad=True) for W in net.weights]
    bs = [torch.tensor(b, requires_grad=True) for b in net.biases]
    a = torch.tensor(X)
    acts = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
            "linear": lambda z: z, "softmax": lambda z: torch.softmax(z, 1)}
    for W, b, name in zip(Ws, bs, arch.activations):
        a = acts[name](a @ W + b)
    y = torch.tensor(Y)
    t_loss = {
        "sse": lambda: ((a - y) ** 2).sum(),
        "mse": lambda: ((a - y) ** 2).mean(),
        "bce": lambda: -(y * torch.log(a) + (1 - y) * torch.log(1 - a)).sum() / a.shape[0],
        "ce": lambda: -(y * torch.log(a)).sum() / a.shape[0],
    }[loss]()
    t_loss.backward()
    t_grad = np.concatenate([np.concatenate([W.grad.numpy().ravel(), b.grad.numpy()]) for W, b in zip(Ws, bs)])
    assert value == pytest.approx(t_loss.item(), rel=1e-12)
    np.testing.assert_allclose(grad, t_grad, rtol=1e-9, atol=1e-12)
