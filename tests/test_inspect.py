"""core.inspect: one sample's forward/backward pass, the gradient check and the plane maps equal the core's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from core import inspect as ins
from core.activations import ACTIVATIONS
from core.network import Architecture, Network
from core.presets import get_preset
from core.trainer import Trainer


def _trained(name: str, epochs: int = 100, **changes) -> Trainer:
    p = get_preset(name)
    t = Trainer(p.dataset(), p.config.replace(**changes))
    t.train(epochs)
    return t


@pytest.mark.parametrize("preset", ["loy-xor", "xor", "iris", "spiral"])
def test_trace_equals_the_core_forward_and_backward(preset):
    t = _trained(preset)
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    assert np.array_equal(net.params, t.network.params)
    assert np.array_equal(s.targets(t.train_rows), t.Y)  # the targets as the trainer trains on them
    for row in (0, s.X.shape[0] // 2, s.X.shape[0] - 1):
        tr = ins.trace_row(net, s, row)
        x = s.prepare(s.X[row : row + 1])
        assert np.array_equal(tr.x, x) and np.array_equal(tr.x_raw, s.X[row : row + 1])
        if s.normalizer is not None:
            assert np.array_equal(x, np.ascontiguousarray(t.normalizer.transform(s.X[row : row + 1])))
        acts, zs = net.forward(x), net.pre_activations(x)
        for l, fl in enumerate(tr.forward):
            assert np.array_equal(fl.a_prev, acts[l]) and np.array_equal(fl.z, zs[l])
            assert np.array_equal(fl.a, acts[l + 1]) and np.array_equal(fl.W, net.weights[l])
            assert np.allclose(fl.z, fl.a_prev @ fl.W + (0 if fl.b is None else fl.b), rtol=0, atol=1e-12)
            assert np.allclose(fl.a, ACTIVATIONS[fl.activation].forward(fl.z), rtol=0, atol=1e-15)
        y = s.targets(slice(row, row + 1))
        if t.classes is None:
            assert np.array_equal(y, t.dataset.Y[row : row + 1])
        else:
            assert y.sum() == 1.0 and t.classes[int(np.argmax(y))] == t.dataset.Y[row, 0]
        value, grad = net.gradient(x, y)
        assert tr.loss == value == net.loss(x, y)
        assert np.array_equal(tr.gradient, grad)
        # The trainer's own predictions for the row are the forward pass's output.
        assert np.allclose(tr.prediction, t.predict(s.X[row : row + 1]), rtol=0, atol=1e-12)
        # dW and db are the core's gradient; the deltas explain them: dW = a_prevᵀ dZ, db = Σ dZ.
        for (ws, bs), fl in zip(net.arch.layer_slices(), tr.forward):
            bl = tr.back(fl.l)
            assert np.array_equal(bl.dW.ravel(), grad[ws])
            assert np.allclose(fl.a_prev.T @ bl.dZ, bl.dW, rtol=0, atol=1e-12)
            if bs is not None:
                assert np.array_equal(bl.db, grad[bs])
                assert np.allclose(bl.dZ.sum(axis=0), bl.db, rtol=0, atol=1e-12)
            assert np.allclose(bl.dA_prev, bl.dZ @ fl.W.T, rtol=0, atol=1e-15)
            if fl.l > 1:
                prev = tr.back(fl.l - 1)
                assert np.array_equal(prev.dA, bl.dA_prev)
                act = ACTIVATIONS[prev.activation]
                assert np.allclose(prev.dZ, act.backward(tr.layer(fl.l - 1).a, prev.dA), rtol=0, atol=1e-15)


def test_loy_notation_d_weights_is_minus_the_gradient():
    """Loy: d_weights2 = layer1ᵀ · (2(y − ŷ) · σ'(ŷ)), added to the weights; the core subtracts dW2."""
    t = _trained("loy-xor", 300)
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    tr = ins.trace_row(net, s, 1)
    layer1, y_hat, y = tr.layer(1).a, tr.prediction, tr.y
    d_weights2 = layer1.T @ (2 * (y - y_hat) * y_hat * (1 - y_hat))
    d_weights1 = tr.x.T @ ((2 * (y - y_hat) * y_hat * (1 - y_hat)) @ net.weights[1].T * layer1 * (1 - layer1))
    assert np.allclose(d_weights2, -tr.back(2).dW, rtol=0, atol=1e-14)
    assert np.allclose(d_weights1, -tr.back(1).dW, rtol=0, atol=1e-14)
    assert tr.loss == pytest.approx(float(((y - y_hat) ** 2).sum()), abs=1e-15)
    assert not tr.paired


def test_paired_output_delta_is_prediction_minus_target():
    t = _trained("spiral", 50)
    s = ins.Session.from_trainer(t)
    tr = ins.trace_row(ins.network(t.network.arch, t.weights()), s, 5)
    assert tr.paired and tr.y.sum() == 1.0
    assert np.allclose(tr.back(3).dZ, tr.prediction - tr.y, rtol=0, atol=1e-15)


def test_gd_step_is_w_minus_lr_dw():
    t = _trained("xor", 10)
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    tr = ins.trace_row(net, s, 0)
    after = ins.gd_step(net, tr, 0.5)
    for l, (W, b) in enumerate(after):
        assert np.array_equal(W, net.weights[l] - 0.5 * tr.back(l + 1).dW)
        assert np.array_equal(b, net.biases[l] - 0.5 * tr.back(l + 1).db)


@pytest.mark.parametrize("preset,changes", [("xor", {}), ("circle", {}), ("iris", {}), ("loy-xor", {}),
                                            ("spiral", {"activation": "tanh"})])
def test_gradient_check_agrees_on_smooth_nets(preset, changes):
    t = _trained(preset, 150, **changes)
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    before = net.params.copy()
    gc = ins.gradient_check(net, s.X_train, s.Y_train)
    assert np.array_equal(net.params, before)  # the network is never touched
    assert gc.max_rel_error < 1e-6, gc.max_rel_error
    assert gc.loss == net.loss(s.X_train, s.Y_train)
    _, grad = net.gradient(s.X_train, s.Y_train)
    assert np.array_equal(gc.analytic, grad[gc.index])
    assert gc.n_rows == len(t.train_rows) and gc.n_params == net.arch.n_params
    assert len(gc.names) == gc.index.size == gc.numeric.size


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    t = _trained("xor", 50)
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    real = Network.gradient

    def wrong(self, X, Y, out=None):
        v, g = real(self, X, Y, out)
        g = g.copy()
        g[3] *= 1.01
        return v, g

    monkeypatch.setattr(Network, "gradient", wrong)
    gc = ins.gradient_check(net, s.X_train, s.Y_train)
    assert gc.rel_error[list(gc.index).index(3)] > 5e-3
    assert np.sum(gc.rel_error > 1e-6) == 1


def test_check_indices_bounded_and_cover_every_layer():
    arch = Architecture.build(2, [32, 32], 3, "tanh", "softmax", loss="ce")
    idx = ins.check_indices(arch, 100)
    assert idx.size <= 100 and np.all(np.diff(idx) > 0)
    names = ins.param_names(arch)
    assert len(names) == arch.n_params
    assert {names[i][:2] for i in idx} == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert ins.check_indices(arch, None).size == arch.n_params
    assert ins.param_names(Architecture.build(3, [4], 1, bias=False)) == \
        [f"W1[{i},{j}]" for i in range(3) for j in range(4)] + [f"W2[{i},0]" for i in range(4)]


def test_plane_map_equals_network_predict_on_normalised_points():
    t = _trained("l-layer", 200)  # standard normalisation
    s = ins.Session.from_trainer(t)
    net = ins.network(t.network.arch, t.weights())
    b = ins.plane_bounds(s.X)
    lo, hi = s.X.min(axis=0), s.X.max(axis=0)
    assert b.x0 == pytest.approx(lo[0] - 0.1 * (hi[0] - lo[0])) and b.y1 == pytest.approx(hi[1] + 0.1 * (hi[1] - lo[1]))
    m = ins.plane_map(net, s, b, 40)
    assert m.output.shape == (40, 40, 1) and m.xs.size == m.ys.size == 40
    for j, i in ((0, 0), (3, 17), (39, 39), (20, 5)):
        p = np.array([[m.xs[i], m.ys[j]]])
        expected = net.predict(t.normalizer.transform(p))
        assert abs(m.output[j, i, 0] - expected[0, 0]) <= 1e-12
        assert np.allclose(m.layers[1][j, i], net.forward(t.normalizer.transform(p))[1][0], rtol=0, atol=1e-12)
    assert np.array_equal(m.unit(2, 3), m.layers[2][:, :, 3])
    # A normaliser passed directly, or none, gives the same as the session.
    m2 = ins.plane_map(net, t.normalizer, b, 40)
    assert np.array_equal(m2.output, m.output)


def test_plane_bounds_edge_cases():
    b = ins.plane_bounds(np.array([[1.0, 5.0], [1.0, 7.0]]))
    assert (b.x0, b.x1) == (0.0, 2.0) and b.y0 == pytest.approx(4.8) and b.y1 == pytest.approx(7.2)
    with pytest.raises(ValueError, match="two inputs"):
        ins.plane_bounds(np.zeros((3, 3)))
