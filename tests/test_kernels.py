"""The generated hot loop computes exactly what Network.gradient computes."""

import itertools

import numpy as np
import pytest

from core import kernels
from core.activations import LEAKY_SLOPE
from core.config import TrainConfig
from core.data import Dataset
from core.network import Architecture, Network
from core.trainer import Trainer

OUTPUTS = [("sse", "sigmoid"), ("sse", "linear"), ("mse", "tanh"), ("mse", "relu"), ("sse", "leaky_relu"),
           ("bce", "sigmoid"), ("ce", "softmax")]


def _targets(loss, rng, n, k):
    if loss == "ce":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


@pytest.mark.parametrize("loss,out_act", OUTPUTS)
@pytest.mark.parametrize("hidden_act", kernels.ELEMENTWISE)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("rows", [5, 300, 800])  # 300 x 3 outputs is past SMALL_OUTPUT; 800 x 6 past EXPIT_MAX
@pytest.mark.parametrize("fixed", [False, True])  # fixed: negated inputs for sigmoid, one-hot cross-entropy
def test_fused_step_equals_the_generic_gradient(loss, out_act, hidden_act, bias, rows, fixed):
    rng = np.random.default_rng(rows)
    arch = Architecture.build(4, (6, 5), 3, hidden_act, out_act, bias, loss)
    net = Network.initialize(arch, "xavier", rng)
    if bias:
        for b in net.biases:
            b[...] = rng.normal(scale=0.2, size=b.shape)
    X = rng.normal(size=(rows, 4))
    Y = _targets(loss, rng, rows, 3)
    assert kernels.supports(net)
    step = kernels.FusedStep(net, X, Y, fixed=fixed)
    assert step.fold == bias  # the first layer's bias rides in its product
    if fixed:
        assert step.one_hot == (loss == "ce")
        assert step.negated == (hidden_act == "sigmoid" and rows * 6 > kernels.EXPIT_MAX)
    value, grad = net.gradient(X, Y)
    for scale in (0.5, 0.125):  # a new scale (a new learning rate) reaches every precomputed product
        v = step.step(scale)
        assert v == pytest.approx(value, rel=1e-12)
        np.testing.assert_allclose(step.grad, scale * grad, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("loss,out_act", OUTPUTS)
def test_fused_epochs_equal_generic_epochs(loss, out_act):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 3))
    Y = _targets(loss, rng, 12, 2 if loss != "bce" else 1)
    ds = Dataset(X, Y, ("a", "b", "c"), tuple(f"y{i}" for i in range(Y.shape[1])))
    cfg = TrainConfig(hidden=(4,), activation="tanh", output_activation=out_act, loss=loss,
                      learning_rate=0.05, epochs=2000)
    fused, generic = Trainer(ds, cfg), Trainer(ds, cfg)
    generic._fused = None
    fused.run(chunk=2000)
    generic.run(chunk=2000)
    np.testing.assert_allclose(fused.network.params, generic.network.params, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fused.history.arrays()[3], generic.history.arrays()[3], rtol=1e-9)


@pytest.mark.parametrize("optimizer,batch", list(itertools.product(["sgd", "momentum", "adam"], [0, 5])))
def test_fused_minibatches_equal_generic(optimizer, batch):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(23, 2))
    Y = rng.normal(size=(23, 1))
    ds = Dataset(X, Y, ("a", "b"), ("y",))
    cfg = TrainConfig(hidden=(5,), activation="relu", output_activation="linear", loss="mse",
                      optimizer=optimizer, batch_size=batch, learning_rate=0.01, epochs=40, seed=4)
    fused, generic = Trainer(ds, cfg), Trainer(ds, cfg)
    generic._fused = None
    fused.run(chunk=7)
    generic.run(chunk=40)
    np.testing.assert_allclose(fused.network.params, generic.network.params, rtol=1e-9, atol=1e-12)


def test_unsupported_combinations_use_the_generic_path():
    net = Network.initialize(Architecture.build(2, (3,), 2, "tanh", "softmax", True, "mse"), "xavier",
                             np.random.default_rng(0))
    assert not kernels.supports(net)


@pytest.mark.parametrize("hidden", [(3, 2, 40), (1, 40), (40, 1, 7), (64, 64)])
@pytest.mark.parametrize("hidden_act", ["sigmoid", "relu", "tanh"])
@pytest.mark.parametrize("fixed", [False, True])
def test_mixed_bias_folding_equals_the_generic_gradient(hidden, hidden_act, fixed):
    """Layers with and without the bias in the product, next to each other, and one-unit layers."""
    rng = np.random.default_rng(len(hidden))
    arch = Architecture.build(4, hidden, 2, hidden_act, "linear", True, "mse")
    net = Network.initialize(arch, "xavier", rng)
    for b in net.biases:
        b[...] = rng.normal(scale=0.3, size=b.shape)
    X, Y = rng.normal(size=(800, 4)), rng.normal(size=(800, 2))
    step = kernels.FusedStep(net, X, Y, fixed=fixed)
    assert any(step.folded[1:])
    if hidden == (3, 2, 40):
        assert step.folded == [True, False, True, True]  # a separate bias between folded ones
    value, grad = net.gradient(X, Y)
    for _ in range(2):  # a second step starts from the buffers the first left (the ones columns)
        assert step.step(1.0) == pytest.approx(value, rel=1e-12)
        np.testing.assert_allclose(step.grad, grad, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("hidden_act", ["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_folded_hidden_biases_in_minibatch_training_equal_generic(hidden_act, optimizer):
    """Batches big enough that every layer's bias rides in its product (the W3 shape, smaller)."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(600, 4))
    Y = np.sin(X[:, :1]) + X[:, 1:2] * X[:, 2:3]
    ds = Dataset(X, Y, ("a", "b", "c", "d"), ("y",))
    cfg = TrainConfig(hidden=(40, 40), activation=hidden_act, output_activation="linear", loss="mse",
                      optimizer=optimizer, batch_size=128, learning_rate=0.01, epochs=3, seed=2)
    fused, generic = Trainer(ds, cfg), Trainer(ds, cfg)
    generic._fused = None
    assert fused._fused[0].folded[:2] == [True, True] and fused._fused[1] is not None  # a shorter last batch too
    fused.run(chunk=1)
    generic.run(chunk=3)
    np.testing.assert_allclose(fused.network.params, generic.network.params, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fused.history.arrays()[3], generic.history.arrays()[3], rtol=1e-9)


@pytest.mark.parametrize("scipy_there", [True, False])
def test_the_logistic_is_scipys_loaded_on_first_call_or_four_ufuncs_without_it(monkeypatch, scipy_there):
    """scipy.special is slow to import (issue 17, first paint): a step built before it is loaded imports it
    on its first call; should the import fail then, the step computes the same sigmoid with NumPy."""
    real = kernels.load_expit()
    assert real is not None
    monkeypatch.setattr(kernels, "expit", None)
    if not scipy_there:
        monkeypatch.setattr(kernels, "load_expit", lambda: None)
    rng = np.random.default_rng(3)
    arch = Architecture.build(2, (4,), 1, "sigmoid", "sigmoid", True, "sse")
    net = Network.initialize(arch, "xavier", rng)
    X, Y = rng.normal(size=(4, 2)), rng.normal(size=(4, 1))
    step = kernels.FusedStep(net, X, Y, fixed=True)
    assert "expit(" in step.source and step._step.__globals__["expit"] is not real  # not loaded yet
    value, grad = net.gradient(X, Y)
    assert step.step(0.5) == pytest.approx(value, rel=1e-12)
    np.testing.assert_allclose(step.grad, 0.5 * grad, rtol=1e-10, atol=1e-14)
    assert (step._step.__globals__["expit"] is real) == scipy_there  # later calls go straight to it
    assert step.step(0.5) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("name", [n for n, a in kernels.ACTIVATIONS.items() if a.fused_forward_keep])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_kept_derivative_forms_equal_the_plain_activation(name, dtype):
    """A hidden layer's forward lines that keep f'(z) give f(z) and leave f'(z), 0/1-exact, in the scratch."""
    act = kernels.ACTIVATIONS[name]
    z = np.array([[-3.5, -1e-30, -0.0, 0.0, 1e-30, 2.25, 1.0, 7e5, -7e5, np.nan]], dtype)
    ns = {"greater": np.greater, "multiply": np.multiply, "add": np.add, "Z": z.copy(), "T": np.empty_like(z)}
    for line in kernels._activate(name, "Z", "T", z.size, hidden=True):
        exec(line, ns)
    expected = act.forward(z)
    assert ns["Z"].dtype == np.dtype(dtype)
    np.testing.assert_array_equal(ns["Z"], expected)  # -0.0 == 0.0; NaN stays NaN
    slope = np.where(z > 0, 1.0, 0.0 if name == "relu" else LEAKY_SLOPE).astype(dtype)
    np.testing.assert_array_equal(ns["T"], slope)
    g = np.arange(1.0, z.size + 1, dtype=dtype).reshape(z.shape)
    kept = {"multiply": np.multiply, "G": g.copy(), "T": ns["T"], "A": ns["Z"]}
    plain = {"multiply": np.multiply, "add": np.add, "greater": np.greater, "G": g.copy(), "T": np.empty_like(z),
             "A": expected}
    for line in kernels._derivative(name, "A", "G", "T", hidden=True):
        exec(line, kept)
    for line in kernels._derivative(name, "A", "G", "T"):  # the output layer's form, the one used before
        exec(line, plain)
    np.testing.assert_array_equal(kept["G"], plain["G"])


@pytest.mark.parametrize("hidden_act", ["sigmoid", "relu", "tanh"])
@pytest.mark.parametrize("loss,out_act", [("ce", "softmax"), ("mse", "linear")])
def test_deep_folded_layers_skip_the_ones_columns_gradient_and_stay_exact(hidden_act, loss, out_act):
    """Every hidden layer folded (its bias in the product): the backward products leave out the ones column."""
    rng = np.random.default_rng(7)
    arch = Architecture.build(5, (40, 30, 20), 4, hidden_act, out_act, True, loss)
    net = Network.initialize(arch, "xavier", rng)
    for b in net.biases:
        b[...] = rng.normal(scale=0.2, size=b.shape)
    X = rng.normal(size=(600, 5))
    Y = _targets(loss, rng, 600, 4)
    step = kernels.FusedStep(net, X, Y, fixed=True)
    assert all(step.folded) and all(f"W{l}Tn, G{l - 1}v" in step.source for l in (1, 2, 3))
    value, grad = net.gradient(X, Y)
    for _ in range(3):  # the ones columns' gradients are never written: the next steps are as exact
        v = step.step(0.25)
        assert v == pytest.approx(value, rel=1e-12)
        np.testing.assert_allclose(step.grad, 0.25 * grad, rtol=1e-10, atol=1e-14)
