"""Learning-rate schedules: exact rates by hand, the registry, the refusals, and the trainer using them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import compiled
from core.config import ConfigError, TrainConfig
from core.data import Dataset
from core.schedules import SCHEDULES, format_schedule, parse_schedule
from core.trainer import Trainer


def _rate(text: str, lr: float, epoch: int, target: int = 0) -> float:
    return parse_schedule(text).rate(lr, epoch, target)


def test_step_halves_every_ten_epochs():
    # lr * 0.5 ** floor((e - 1) / 10): epochs 1-10 at 0.8, 11-20 at 0.4, 21-30 at 0.2, ...
    for e, want in [(1, 0.8), (10, 0.8), (11, 0.4), (20, 0.4), (21, 0.2), (31, 0.1), (101, 0.8 / 1024)]:
        assert _rate("step:0.5:10", 0.8, e) == want
    assert _rate("step:0.1:1", 1.0, 3) == pytest.approx(0.01, rel=1e-15)  # every epoch: 0.1 ** 2


def test_exp_multiplies_every_epoch():
    assert [_rate("exp:0.5", 1.0, e) for e in (1, 2, 3, 4)] == [1.0, 0.5, 0.25, 0.125]
    assert _rate("exp:0.9", 2.0, 3) == pytest.approx(2.0 * 0.81, rel=1e-15)
    assert _rate("exp:0.9", 2.0, 1) == 2.0


def test_cosine_falls_to_zero_over_the_epoch_target():
    # lr (1 + cos(pi (e - 1) / E)) / 2 with E = 4, lr = 2: 2, 1 + sqrt(2)/2, 1, 1 - sqrt(2)/2, then 0
    want = [2.0, 1.0 + math.sqrt(0.5), 1.0, 1.0 - math.sqrt(0.5), 0.0]
    got = [_rate("cosine", 2.0, e, 4) for e in range(1, 6)]
    np.testing.assert_allclose(got, want, rtol=1e-15, atol=1e-16)
    assert _rate("cosine", 2.0, 9, 4) == 0.0  # past the target it stays at 0


def test_constant_and_the_vectorised_rates_agree_with_the_single_ones():
    assert _rate("constant", 0.3, 12345) == 0.3
    for text in ("step:0.7:3", "exp:0.97", "cosine", "constant"):
        s = parse_schedule(text)
        many = s.rates(0.25, 5, 20, 30)
        assert list(many) == [s.rate(0.25, e, 30) for e in range(5, 25)]


def test_the_registry_lists_every_schedule_with_its_form():
    assert list(SCHEDULES) == ["constant", "step", "exp", "cosine"]
    assert [s.form for s in SCHEDULES.values()] == ["constant", "step:GAMMA:EVERY", "exp:GAMMA", "cosine"]
    assert all(s.label and s.formula for s in SCHEDULES.values())
    assert SCHEDULES["cosine"].needs_target and not SCHEDULES["step"].needs_target
    assert format_schedule("step", 0.5, 100) == "step:0.5:100"
    assert str(parse_schedule(" Step : 0.25 : 7 ")) == "step:0.25:7"
    assert str(parse_schedule("exp:1e-1")) == "exp:0.1"
    assert TrainConfig(schedule=" Step : 0.25 : 7 ").schedule == "step:0.25:7"  # settings hold the one spelling
    assert TrainConfig(schedule="step:x").schedule == "step:x"  # left for check() to report


@pytest.mark.parametrize("text,expected", [
    ("", "unknown schedule ''; expected constant, step:GAMMA:EVERY, exp:GAMMA or cosine"),
    ("linear", "unknown schedule 'linear'"),
    ("step", "step takes GAMMA and EVERY (step:GAMMA:EVERY, e.g. step:0.5:100)"),
    ("step:0.5", "step takes GAMMA and EVERY"),
    ("step:0.5:10:2", "step takes GAMMA and EVERY"),
    ("step:half:10", "GAMMA in step:GAMMA:EVERY must be a number > 0, got 'half'"),
    ("step:0:10", "GAMMA in step:GAMMA:EVERY must be a finite number > 0, got '0'"),
    ("step:-0.5:10", "must be a finite number > 0, got '-0.5'"),
    ("step:0.5:0", "EVERY in step:GAMMA:EVERY must be a whole number >= 1, got 0"),
    ("step:0.5:2.5", "EVERY in step:GAMMA:EVERY must be a whole number >= 1, got '2.5'"),
    ("exp", "exp takes GAMMA (exp:GAMMA, e.g. exp:0.5)"),
    ("exp:nan", "must be a finite number > 0, got 'nan'"),
    ("exp:inf", "must be a finite number > 0, got 'inf'"),
    ("cosine:10", "cosine takes no parameters (cosine, e.g. cosine)"),
])
def test_a_schedule_that_does_not_parse_says_what_was_expected(text, expected):
    with pytest.raises(ValueError) as info:
        parse_schedule(text)
    assert expected in str(info.value)
    with pytest.raises(ConfigError) as info:
        TrainConfig(schedule=text).check()
    assert info.value.field == "schedule" and expected in str(info.value)


def test_config_refusals_and_warnings():
    with pytest.raises(ConfigError, match="schedule: cosine runs over the epoch target, but epochs is 0"):
        TrainConfig(schedule="cosine", epochs=0).check()
    with pytest.raises(ConfigError, match="schedule: expected text"):
        TrainConfig(schedule=3).check()
    assert [w.code for w in TrainConfig(schedule="exp:1.01").check()] == ["growing_lr"]
    assert TrainConfig(schedule="step:0.5:10").check() == []


def _data(rows: int = 12) -> Dataset:
    rng = np.random.default_rng(4)
    X = rng.normal(size=(rows, 2))
    return Dataset(X, np.c_[np.sin(X[:, 0]) + X[:, 1] * 0.3], ("a", "b"), ("y",))


def _epoch_by_epoch(ds, cfg, path, epochs):
    """A constant-rate trainer given each epoch's rate by hand, one epoch at a time."""
    ref = Trainer(ds, cfg.replace(schedule="constant"))
    _on(ref, path)
    for e in range(1, epochs + 1):
        ref.set_learning_rate(parse_schedule(cfg.schedule).rate(cfg.learning_rate, e, cfg.epochs))
        ref.train(1)
    return ref


def _on(t, path):
    if path != "compiled":
        t._compiled = None
    if path == "generic":
        t._fused = t._fused_val = None
    return t


@pytest.mark.parametrize("schedule", ["step:0.5:3", "exp:0.8", "cosine"])
@pytest.mark.parametrize("optimizer,batch,path", [
    ("gd", 0, "compiled"), ("gd", 0, "fused"), ("gd", 0, "generic"), ("sgd", 5, "fused"), ("adam", 5, "generic"),
    ("momentum", 0, "fused"), ("adam", 5, "fused")])
def test_the_trainer_trains_each_epoch_at_its_scheduled_rate(schedule, optimizer, batch, path):
    if path == "compiled" and not compiled.available():
        pytest.skip("numba not installed")
    ds = _data()
    cfg = TrainConfig(hidden=(3,), activation="tanh", output_activation="linear", loss="mse", optimizer=optimizer,
                      batch_size=batch, learning_rate=0.1, epochs=10, schedule=schedule, validation=0.2, l2=0.01)
    t = _on(Trainer(ds, cfg), path)
    if path == "compiled":
        assert t.releases_gil
    t.run(chunk=4)  # chunks that cut across the schedule's steps
    ref = _epoch_by_epoch(ds, cfg, path, 10)
    np.testing.assert_allclose(t.network.params, ref.network.params, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(t.history.arrays()[3], ref.history.arrays()[3], rtol=1e-13)
    constant = _on(Trainer(ds, cfg.replace(schedule="constant")), path)
    constant.run()
    assert not np.allclose(constant.network.params, t.network.params, rtol=1e-6)  # the schedule did something


def test_the_current_rate_is_exposed_beside_the_base_rate():
    ds = _data()
    cfg = TrainConfig(hidden=(3,), loss="mse", output_activation="linear", learning_rate=0.8, epochs=30,
                      schedule="step:0.5:10")
    t = Trainer(ds, cfg)
    assert t.current_learning_rate == 0.8 and t.progress().current_learning_rate == 0.8
    t.train(10)
    assert t.current_learning_rate == 0.8  # epoch 10 trained at the first rate
    p = t.train(1)
    assert p.current_learning_rate == t.current_learning_rate == 0.4
    assert p.learning_rate == t.learning_rate == 0.8  # the base rate: what the settings and files hold
    assert t.learning_rate_at(21) == 0.2
    t.set_learning_rate(0.6)  # a new base rate: the schedule scales it
    assert t.current_learning_rate == 0.3
    assert t.config.learning_rate == 0.6


def test_a_constant_schedule_reports_the_base_rate():
    t = Trainer(_data(), TrainConfig(hidden=(3,), loss="mse", output_activation="linear", learning_rate=0.3))
    t.train(3)
    assert t.progress().current_learning_rate == 0.3 == t.current_learning_rate


def test_divergence_under_a_growing_rate_is_found_at_the_same_epoch_whatever_the_chunks():
    """The replay that looks for the failing epoch gives each replayed epoch its own scheduled rate."""
    ds = _data()
    cfg = TrainConfig(hidden=(3,), activation="tanh", output_activation="linear", loss="mse", learning_rate=0.05,
                      epochs=400, schedule="exp:1.05")
    whole, single = Trainer(ds, cfg), Trainer(ds, cfg)
    whole.run(chunk=400)
    single.run(chunk=1)
    assert whole.diverged and whole.diverged == single.diverged
    assert 20 < whole.epoch == single.epoch < 400
    np.testing.assert_array_equal(whole.network.params, single.network.params)
