"""Early stopping: the right stop epoch and the best epoch's weights, on every path and chunking."""

from __future__ import annotations

import numpy as np
import pytest

from core import compiled
from core.config import ConfigError, TrainConfig
from core.data import Dataset
from core.early_stopping import BestWeights
from core.trainer import REACHED_EARLY_STOP, REACHED_LOSS, Trainer


def _data(rows: int = 30) -> Dataset:
    """Few noisy rows and a wide network: the validation loss turns up after a while."""
    rng = np.random.default_rng(8)
    X = rng.normal(size=(rows, 2))
    y = np.sin(2 * X[:, 0]) + 0.5 * X[:, 1] + rng.normal(scale=0.4, size=rows)
    return Dataset(X, y.reshape(-1, 1), ("a", "b"), ("y",))


def _config(**kw) -> TrainConfig:
    kw = {"hidden": (12,), "activation": "tanh", "output_activation": "linear", "loss": "mse",
          "learning_rate": 0.3, "epochs": 400, "validation": 0.3, "seed": 2, "early_stopping": 15, **kw}
    return TrainConfig(**kw)


def _on(t: Trainer, path: str) -> Trainer:
    if path != "compiled":
        t._compiled = None
    if path == "generic":
        t._fused = t._fused_val = None
    return t


def _manual(ds: Dataset, cfg: TrainConfig, path: str):
    """The same run without early stopping, one epoch at a time, keeping every epoch's starting weights."""
    t = _on(Trainer(ds, cfg.replace(early_stopping=0)), path)
    before, vals = [], []
    for _ in range(cfg.epochs):
        before.append(t.network.params.copy())
        t.train(1)
        vals.append(t.last_val_loss)
    best, best_epoch, stop = np.inf, 0, None
    for e, v in enumerate(vals, start=1):
        if v < best:
            best, best_epoch = v, e
        elif e - best_epoch >= cfg.early_stopping:
            stop = e
            break
    return stop, best_epoch, before[best_epoch - 1], t


PATHS = [("gd", 0, "compiled"), ("gd", 0, "fused"), ("gd", 0, "generic"), ("momentum", 0, "fused"),
         ("sgd", 7, "fused"), ("adam", 7, "generic"), ("adam", 7, "fused")]


@pytest.mark.parametrize("optimizer,batch,path", PATHS)
@pytest.mark.parametrize("chunk", [1, 13, 1000])
def test_stops_at_the_right_epoch_with_the_best_epochs_weights(optimizer, batch, path, chunk):
    if path == "compiled" and not compiled.available():
        pytest.skip("numba not installed")
    ds = _data()
    lr = 0.3 if optimizer == "gd" else 0.03
    cfg = _config(optimizer=optimizer, batch_size=batch, learning_rate=lr)
    stop, best_epoch, best_weights, full = _manual(ds, cfg, path)
    assert stop is not None and stop < cfg.epochs, "the case must stop early"
    t = _on(Trainer(ds, cfg), path)
    if path == "compiled":
        assert t.releases_gil
    p = t.run(chunk=chunk)
    assert t.reached == p.reached == REACHED_EARLY_STOP and t.done
    assert t.epoch == p.epoch == stop
    assert t.best_epoch == p.best_epoch == best_epoch
    np.testing.assert_array_equal(t.network.params, best_weights)
    # the history runs on to the stop epoch, and the best epoch has the lowest validation loss in it
    epochs, _, _, val = t.val_history.arrays()
    assert epochs[-1] == stop and val[best_epoch - 1] == val.min() == t.best.loss
    np.testing.assert_array_equal(t.history.arrays()[3], full.history.arrays()[3][:stop])


def test_the_best_weights_are_the_ones_the_best_validation_loss_was_measured_on():
    ds = _data()
    t = Trainer(ds, _config())
    t.run(chunk=50)
    assert t.reached == REACHED_EARLY_STOP
    assert t.network.loss(t.X_val, t.Y_val) == pytest.approx(t.best.loss, rel=1e-12)


def test_reaching_the_epoch_target_first_keeps_the_last_weights():
    ds = _data()
    cfg = _config(epochs=20, early_stopping=50)
    t = Trainer(ds, cfg)
    t.run(chunk=7)
    ref = Trainer(ds, cfg.replace(early_stopping=0))
    ref.run()
    assert t.reached is None and t.epoch == 20
    np.testing.assert_array_equal(t.network.params, ref.network.params)
    assert t.best_epoch == int(np.argmin(ref.val_history.arrays()[3])) + 1  # the running best, for a mark


def test_stop_loss_first_wins():
    ds = _data()
    cfg = _config()
    t = Trainer(ds, cfg)
    t.run()
    stop = t.epoch
    loss_at = t.history.arrays()[3][stop // 2]
    both = Trainer(ds, cfg.replace(stop_loss=float(loss_at) * 1.0000001))
    both.run(chunk=1000)
    assert both.reached == REACHED_LOSS and both.epoch <= stop // 2 + 1


def test_needs_a_validation_share():
    with pytest.raises(ConfigError) as info:
        TrainConfig(early_stopping=5).check()
    assert info.value.field == "early_stopping"
    assert "no rows are held out: set a validation share above 0" in str(info.value)
    tiny = Dataset(np.zeros((4, 1)), np.zeros((4, 1)), ("x",), ("y",))
    with pytest.raises(ConfigError, match="early_stopping: .* a validation share of 0.1 of 4 rows holds out none"):
        Trainer(tiny, TrainConfig(early_stopping=5, validation=0.1, loss="mse", output_activation="linear"))


@pytest.mark.parametrize("patience", [-1, 2.5, True, "3"])
def test_absurd_patience_is_refused(patience):
    with pytest.raises(ConfigError) as info:
        TrainConfig(early_stopping=patience, validation=0.2).check()
    assert info.value.field == "early_stopping" and "whole number of epochs >= 1 (0: off)" in str(info.value)
    with pytest.raises(ValueError, match="patience must be a whole number >= 1"):
        BestWeights(np.zeros(3), 0)


def test_off_by_default_and_nothing_is_watched():
    t = Trainer(_data(), _config(early_stopping=0))
    assert t.best is None and t.best_epoch is None
    t.train(5)
    assert t.progress().best_epoch is None and t.checkpoint().best is None


def test_a_checkpoint_carries_the_watch():
    t = Trainer(_data(), _config())
    t.train(10)
    cp = t.checkpoint()
    best, state = t.best_epoch, t.best.state.copy()
    t.train(30)
    assert not np.array_equal(t.best.state, state)
    t.restore(cp)
    np.testing.assert_array_equal(t.best.state, state)
    assert t.best_epoch == best
