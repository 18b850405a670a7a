"""The `loy-xor` preset against James Loy's article (seed 000), formula for formula."""

import numpy as np
import pytest

from core.presets import get_preset
from core.trainer import Trainer

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return x * (1.0 - x)


class NeuralNetwork:
    """The article's class, verbatim but for taking its starting weights as arguments."""

    def __init__(self, x, y, weights1, weights2):
        self.input = x
        self.weights1 = weights1.copy()
        self.weights2 = weights2.copy()
        self.y = y
        self.output = np.zeros(self.y.shape)

    def feedforward(self):
        self.layer1 = sigmoid(np.dot(self.input, self.weights1))
        self.output = sigmoid(np.dot(self.layer1, self.weights2))

    def backprop(self):
        d_weights2 = np.dot(self.layer1.T, (2 * (self.y - self.output) * sigmoid_derivative(self.output)))
        d_weights1 = np.dot(self.input.T, (np.dot(2 * (self.y - self.output) * sigmoid_derivative(self.output),
                                                  self.weights2.T) * sigmoid_derivative(self.layer1)))
        self.weights1 += d_weights1
        self.weights2 += d_weights2


def _trainer(seed=0, epochs=1500):
    preset = get_preset("loy-xor")
    return Trainer(preset.dataset(), preset.config.replace(seed=seed, epochs=epochs))


def test_preset_is_the_article_setup():
    preset = get_preset("loy-xor")
    ds = preset.dataset()
    np.testing.assert_array_equal(ds.X, X)
    np.testing.assert_array_equal(ds.Y, Y)
    tr = _trainer()
    assert tr.network.arch.sizes == (3, 4, 1)
    assert tr.network.arch.activations == ("sigmoid", "sigmoid")
    assert tr.network.biases == [None, None]
    assert tr.config.loss == "sse" and tr.config.optimizer == "gd" and tr.config.learning_rate == 1.0
    assert tr.config.epochs == 1500
    w1, w2 = tr.network.weights
    assert w1.shape == (3, 4) and w2.shape == (4, 1)
    # np.random.rand's distribution: the seed's generator drawn in layer order.
    rng = np.random.default_rng(0)
    np.testing.assert_array_equal(w1, rng.random((3, 4)))
    np.testing.assert_array_equal(w2, rng.random((4, 1)))


def test_one_step_equals_the_article_by_hand():
    tr = _trainer(seed=7)
    w1, w2 = (W.copy() for W in tr.network.weights)
    nn = NeuralNetwork(X, Y, w1, w2)
    nn.feedforward()
    sse = float(np.sum((Y - nn.output) ** 2))
    nn.backprop()
    progress = tr.train(1)
    assert progress.epoch == 1
    assert progress.loss == pytest.approx(sse, rel=1e-14)
    np.testing.assert_allclose(tr.network.weights[0], nn.weights1, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(tr.network.weights[1], nn.weights2, rtol=1e-13, atol=1e-15)


def test_1500_iterations_track_the_article_throughout():
    tr = _trainer(seed=3)
    nn = NeuralNetwork(X, Y, *tr.network.weights)
    for _ in range(1500):
        nn.feedforward()
        nn.backprop()
    tr.run(chunk=333)
    np.testing.assert_allclose(tr.network.weights[0], nn.weights1, rtol=1e-9)
    np.testing.assert_allclose(tr.network.weights[1], nn.weights2, rtol=1e-9)


@pytest.mark.parametrize("seed", range(20))
def test_reproduces_the_article_for_every_seed(seed):
    tr = _trainer(seed)
    progress = tr.run(chunk=500)
    assert progress.epoch == 1500 and progress.diverged is None
    epochs, _, _, losses = tr.history.arrays()
    np.testing.assert_array_equal(epochs, np.arange(1, 1501))
    assert np.all(np.diff(losses) <= 0), "the loss increased"
    assert losses[-1] < 0.01
    assert np.all(np.abs(tr.predict(X) - Y) < 0.05)
