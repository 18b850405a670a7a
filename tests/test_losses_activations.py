"""The documented definitions, checked on values worked out by hand."""

import numpy as np
import pytest

from core.activations import ACTIVATIONS, get_activation
from core.losses import LOSSES, get_loss


P = np.array([[0.2, 0.8], [0.6, 0.4], [0.9, 0.1]])
Y = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])


def test_sse_is_the_plain_sum_of_squares():
    assert LOSSES["sse"](P, Y) == pytest.approx(0.04 + 0.04 + 0.16 + 0.16 + 0.01 + 0.01, abs=1e-15)


def test_mse_averages_over_all_elements():
    assert LOSSES["mse"](P, Y) == pytest.approx(0.42 / 6, abs=1e-15)


def test_bce_averages_over_samples():
    expected = -(np.log(0.8) + np.log(0.8) + np.log(0.6) + np.log(0.6) + np.log(0.9) + np.log(0.9)) / 3
    assert LOSSES["bce"](P, Y) == pytest.approx(expected, rel=1e-14)


def test_ce_averages_over_samples():
    assert LOSSES["ce"](P, Y) == pytest.approx(-(np.log(0.8) + np.log(0.6) + np.log(0.9)) / 3, rel=1e-14)


def test_cross_entropies_stay_finite_at_certain_wrong_answers():
    p = np.array([[0.0, 1.0]])
    y = np.array([[1.0, 0.0]])
    assert np.isfinite(LOSSES["bce"](p, y)) and np.isfinite(LOSSES["ce"](p, y))
    assert np.all(np.isfinite(LOSSES["bce"].grad(p, y))) and np.all(np.isfinite(LOSSES["ce"].grad(p, y)))


def test_sigmoid_does_not_overflow_and_is_exact():
    z = np.array([-1000.0, -30.0, 0.0, 2.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = ACTIVATIONS["sigmoid"](z)
    assert a[0] == 0.0 and a[-1] == 1.0 and a[2] == 0.5
    assert a[3] == pytest.approx(1 / (1 + np.exp(-2.0)), rel=1e-15)
    assert a[1] == pytest.approx(np.exp(-30) / (1 + np.exp(-30)), rel=1e-14)


def test_softmax_subtracts_the_max():
    z = np.array([[1000.0, 1001.0, 1002.0]])
    with np.errstate(all="raise"):
        a = ACTIVATIONS["softmax"](z)
    e = np.exp([-2.0, -1.0, 0.0])
    np.testing.assert_allclose(a, [e / e.sum()], rtol=1e-15)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_backward_is_the_jacobian_transpose_product(name):
    rng = np.random.default_rng(1)
    z = rng.normal(size=(4, 3))
    g = rng.normal(size=(4, 3))
    act = ACTIVATIONS[name]
    a = act(z)
    h = 1e-6
    numeric = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        zp, zm = z.copy(), z.copy()
        zp[idx] += h
        zm[idx] -= h
        numeric[idx] = ((act(zp) - act(zm)) * g).sum() / (2 * h)
    np.testing.assert_allclose(act.backward(a, g), numeric, rtol=1e-6, atol=1e-9)


def test_relu_and_leaky_relu_values():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["relu"](z), [0.0, 0.0, 3.0])
    np.testing.assert_allclose(ACTIVATIONS["leaky_relu"](z), [-0.02, 0.0, 3.0])


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(ValueError, match="sigmoid"):
        get_activation("sigmoidd")
    with pytest.raises(ValueError, match="sse"):
        get_loss("l2")
