"""The Trainer: determinism, chunking, stopping, divergence, optimisers, validation, classes."""

import threading

import numpy as np
import pytest

from core.config import ConfigError, TrainConfig
from core.data import Dataset
from core.network import Network
from core.optimizers import OPTIMIZERS
from core.presets import PRESETS, get_preset
from core.trainer import Trainer


def _blobs(n=60, seed=0, classes=3):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, classes, n)
    X = rng.normal(size=(n, 2)) + 3 * np.stack([np.cos(labels * 2.1), np.sin(labels * 2.1)], 1)
    return Dataset(X, labels[:, None].astype(float), ("a", "b"), ("label",), "blobs")


def _regression(n=40, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, 2))
    Y = (np.sin(X[:, :1]) + 0.5 * X[:, 1:]) * 10 + 5
    return Dataset(X, Y, ("u", "v"), ("y",), "reg")


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_same_seed_same_run_bit_for_bit_whatever_the_chunks(optimizer):
    cfg = TrainConfig(hidden=(5, 3), activation="tanh", output_activation="softmax", loss="ce",
                      optimizer=optimizer, learning_rate=0.05, batch_size=16, epochs=120, seed=11,
                      validation=0.25, normalize="standard")
    a, b = Trainer(_blobs(), cfg), Trainer(_blobs(), cfg)
    a.run(chunk=120)
    for chunk in (1, 7, 50, 1000):
        b.train(chunk)
    b.run(chunk=13)
    assert np.array_equal(a.network.params, b.network.params)
    assert np.array_equal(a.history.arrays()[3], b.history.arrays()[3])
    assert a.epoch == b.epoch == 120
    c = Trainer(_blobs(), cfg.replace(seed=12))
    c.run()
    assert not np.array_equal(a.network.params, c.network.params)


def test_gd_step_is_params_minus_lr_times_gradient():
    ds = _regression()
    cfg = TrainConfig(hidden=(4,), activation="relu", output_activation="linear", loss="mse",
                      learning_rate=0.01, epochs=10)
    tr = Trainer(ds, cfg)
    before = tr.network.copy()
    loss, grad = before.gradient(ds.X, ds.Y)
    tr.train(1)
    # The fused loop folds lr into the output delta: equal up to rounding.
    np.testing.assert_allclose(tr.network.params, before.params - 0.01 * grad, rtol=1e-14, atol=1e-16)
    assert tr.last_loss == pytest.approx(loss, rel=1e-14)


def test_sgd_epoch_visits_every_row_once_in_shuffled_batches():
    ds = _regression(n=10)
    cfg = TrainConfig(hidden=(3,), output_activation="linear", loss="sse", optimizer="sgd",
                      learning_rate=0.001, batch_size=4, epochs=1, seed=5)
    tr = Trainer(ds, cfg)
    net = tr.network.copy()
    order = np.random.default_rng(5)
    # replay: the generator first draws the weights, then the epoch's permutation
    Network.initialize(net.arch, cfg.init, order)
    perm = order.permutation(10)
    total = 0.0
    for s in range(0, 10, 4):
        idx = perm[s:s + 4]
        v, g = net.gradient(ds.X[idx], ds.Y[idx])
        net.params -= 0.001 * g
        total += v
    tr.train(1)
    np.testing.assert_allclose(tr.network.params, net.params, rtol=1e-14, atol=1e-16)
    assert tr.last_loss == pytest.approx(total, rel=1e-14)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimizer_learns(optimizer):
    ds = _blobs(90)
    cfg = TrainConfig(hidden=(8,), activation="tanh", output_activation="softmax", loss="ce",
                      optimizer=optimizer, learning_rate=0.05 if optimizer != "sgd" else 0.3,
                      batch_size=16, epochs=60)
    tr = Trainer(ds, cfg)
    first = Trainer(ds, cfg.replace(epochs=1)).train(1).loss
    p = tr.run()
    assert p.loss < first / 3
    assert tr.classes == (0.0, 1.0, 2.0)
    acc = (np.array(tr.classes)[tr.predict(ds.X).argmax(1)] == ds.Y[:, 0]).mean()
    assert acc > 0.9


def test_adam_matches_the_textbook_update():
    ds = _regression(n=8)
    cfg = TrainConfig(hidden=(2,), output_activation="linear", loss="mse", optimizer="adam",
                      learning_rate=0.1, epochs=3)
    tr = Trainer(ds, cfg)
    p = tr.network.copy()
    m = np.zeros_like(p.params)
    v = np.zeros_like(p.params)
    for t in range(1, 4):
        _, g = p.gradient(ds.X, ds.Y)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p.params -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    tr.run()
    np.testing.assert_allclose(tr.network.params, p.params, rtol=1e-10, atol=1e-12)


def test_learning_rate_changes_between_chunks():
    ds = _regression()
    cfg = TrainConfig(hidden=(3,), output_activation="linear", loss="mse", learning_rate=0.01, epochs=5)
    tr = Trainer(ds, cfg)
    tr.train(2)
    tr.set_learning_rate(0.002)
    before = tr.network.copy()
    _, g = before.gradient(ds.X, ds.Y)
    tr.train(1)
    np.testing.assert_allclose(tr.network.params, before.params - 0.002 * g, rtol=1e-14, atol=1e-16)
    with pytest.raises(ConfigError):
        tr.set_learning_rate(0)


def test_stop_between_chunks_from_another_thread():
    ds = _blobs()
    tr = Trainer(ds, TrainConfig(hidden=(4,), output_activation="softmax", loss="ce", epochs=0))
    seen = []

    def on_progress(p):
        seen.append(p.epoch)
        if len(seen) == 3:
            threading.Thread(target=tr.stop).start()

    p = tr.run(chunk=10, on_progress=on_progress)
    assert not p.done and p.epoch == tr.epoch >= 30
    assert p.epoch % 10 == 0


@pytest.mark.parametrize("lr", [1e6, 1e12])
def test_divergence_stops_reports_and_keeps_finite_weights(lr):
    ds = _regression()
    cfg = TrainConfig(hidden=(8,), activation="relu", output_activation="linear", loss="sse",
                      learning_rate=lr, epochs=500)
    tr = Trainer(ds, cfg)
    p = tr.run(chunk=100)
    assert p.diverged and "diverged at epoch" in p.diverged and "learning rate" in p.diverged
    assert p.done and np.all(np.isfinite(tr.network.params))
    assert np.all(np.isfinite(tr.predict(ds.X)))
    epochs, *_ = tr.history.arrays()
    assert len(epochs) == tr.epoch
    assert tr.train(10).epoch == p.epoch  # a diverged run stays stopped


def test_divergence_epoch_does_not_depend_on_chunking():
    ds = _regression()
    cfg = TrainConfig(hidden=(4,), activation="tanh", output_activation="linear", loss="sse",
                      learning_rate=0.02, epochs=3000)
    a, b = Trainer(ds, cfg), Trainer(ds, cfg)
    pa = a.run(chunk=3000)
    pb = b.run(chunk=7)
    assert pa.diverged is not None and pa.diverged == pb.diverged
    assert np.array_equal(a.network.params, b.network.params)


def test_loy_xor_with_a_huge_learning_rate_is_reported_not_silently_saturated():
    preset = get_preset("loy-xor")
    tr = Trainer(preset.dataset(), preset.config.replace(learning_rate=1e6))
    p = tr.run()
    assert p.diverged and "epoch 1" in p.diverged
    assert np.abs(tr.network.params).max() < 10


def test_validation_split_is_seeded_disjoint_and_reported():
    ds = _blobs(50)
    cfg = TrainConfig(hidden=(4,), output_activation="softmax", loss="ce", validation=0.2, epochs=20)
    tr = Trainer(ds, cfg)
    assert len(tr.val_rows) == 10 and len(tr.train_rows) == 40
    assert not set(tr.val_rows) & set(tr.train_rows)
    before_last = Trainer(ds, cfg)
    before_last.train(19)
    p = tr.run(chunk=5)
    assert len(tr.val_history) == 20  # every epoch, as the training loss
    # the loss of the weights before epoch 20's update, like the training loss
    expected = tr.loss_fn(before_last.network.predict(tr.X_val), tr.Y_val)
    assert p.val_loss == pytest.approx(expected, rel=1e-12, abs=0)
    assert np.array_equal(Trainer(ds, cfg).val_rows, tr.val_rows)


@pytest.mark.parametrize("kind", ["standard", "minmax"])
def test_normalisation_is_fitted_on_training_rows_and_applied_to_raw_inputs(kind):
    ds = _regression()
    X = ds.X * [100, 0.01] + [1000, -3]
    ds = Dataset(X, ds.Y, ds.input_names, ds.target_names)
    tr = Trainer(ds, TrainConfig(hidden=(3,), output_activation="linear", loss="mse", normalize=kind,
                                 validation=0.25))
    Xt = X[tr.train_rows]
    if kind == "standard":
        np.testing.assert_allclose(tr.X.mean(0), 0, atol=1e-12)
        np.testing.assert_allclose(tr.X.std(0), 1, rtol=1e-12)
    else:
        np.testing.assert_allclose(tr.X.min(0), 0, atol=1e-12)
        np.testing.assert_allclose(tr.X.max(0), 1, rtol=1e-12)
    np.testing.assert_array_equal(tr.predict(Xt), tr.network.predict(tr.X))


def test_bad_settings_are_refused_with_the_field_named():
    ds = _regression()
    for field, change in [("learning_rate", {"learning_rate": 0.0}), ("epochs", {"epochs": -1}),
                          ("hidden", {"hidden": (4, 0)}), ("validation", {"validation": 0.95}),
                          ("optimizer", {"optimizer": "lbfgs"}), ("activation", {"activation": "softmax"})]:
        with pytest.raises(ConfigError) as e:
            Trainer(ds, TrainConfig(**change))
        assert e.value.field == field
    with pytest.raises(ConfigError, match="between 0 and 1"):
        Trainer(ds, TrainConfig(loss="bce"))


def test_risky_settings_are_allowed_with_warnings():
    ds = Dataset(np.eye(3), np.eye(3)[:, :1], ("a", "b", "c"), ("y",))
    tr = Trainer(ds, TrainConfig(hidden=(100,) + (2,) * 7, optimizer="sgd", batch_size=50,
                                 output_activation="softmax", learning_rate=100.0, epochs=3))
    text = " ".join(tr.warnings)
    assert "hidden layers" in text and "units" in text and "batch size" in text
    assert "softmax" in text and "learning rate" in text
    tr.run()
    assert np.all(np.isfinite(tr.network.params))


def test_class_labels_become_one_hot_for_softmax_and_ce():
    ds = _blobs(30, classes=3)
    tr = Trainer(ds, TrainConfig(hidden=(4,), output_activation="softmax", loss="ce"))
    assert tr.network.arch.sizes[-1] == 3 and tr.Y.shape == (30, 3)
    np.testing.assert_array_equal(tr.Y.argmax(1), ds.Y[:, 0])


def test_float32_option_trains_in_float32():
    ds = _blobs()
    tr = Trainer(ds, TrainConfig(hidden=(6,), output_activation="softmax", loss="ce", dtype="float32",
                                 optimizer="adam", learning_rate=0.05, epochs=100))
    p = tr.run()
    assert tr.network.params.dtype == np.float32 and p.loss < 0.5


def test_resume_from_weights_continues_the_epoch_count_and_history():
    preset = get_preset("loy-xor")
    ds, cfg = preset.dataset(), preset.config
    full = Trainer(ds, cfg)
    full.run()
    half = Trainer(ds, cfg.replace(epochs=700))
    half.run()
    rest = Trainer(ds, cfg, start=half.network, history=half.history, epoch=half.epoch)
    p = rest.run()
    assert p.epoch == 1500
    np.testing.assert_array_equal(rest.network.params, full.network.params)
    np.testing.assert_array_equal(rest.history.arrays()[3], full.history.arrays()[3])


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_learns_its_data(name):
    preset = PRESETS[name]
    ds = preset.dataset()
    tr = Trainer(ds, preset.config)
    first = Trainer(ds, preset.config.replace(epochs=1)).train(1).loss
    p = tr.run(chunk=1000)
    assert p.done and p.diverged is None and p.loss < first / 5
    P = tr.predict(ds.X)
    if tr.classes is not None:
        acc = (np.array(tr.classes)[P.argmax(1)] == ds.Y[:, 0]).mean()
    else:
        acc = ((P > 0.5) == (ds.Y > 0.5)).mean()
    assert acc >= 0.95


def test_resuming_keeps_the_same_validation_split():
    ds = _blobs(40)
    cfg = TrainConfig(hidden=(4,), output_activation="softmax", loss="ce", validation=0.25, epochs=10)
    first = Trainer(ds, cfg)
    first.run()
    resumed = Trainer(ds, cfg.replace(epochs=20), start=first.network, history=first.history, epoch=first.epoch)
    np.testing.assert_array_equal(resumed.val_rows, first.val_rows)
    np.testing.assert_array_equal(resumed.network.params, first.network.params)


@pytest.mark.parametrize("optimizer", ["gd", "momentum", "adam", "sgd"])
def test_restoring_a_checkpoint_replays_the_same_epochs(optimizer):
    p = get_preset("loy-xor")
    t = Trainer(p.dataset(), p.config.replace(optimizer=optimizer, batch_size=2, epochs=0))
    t.train(3)
    cp = t.checkpoint()
    assert cp.epoch == 3
    first = t._run_epochs(4), t.network.params.copy()
    t.restore(cp)
    again = t._run_epochs(4), t.network.params.copy()
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    t.restore(cp)  # a checkpoint can be restored more than once
    assert np.array_equal(t.network.params, cp.params)


def test_validation_accuracy():
    p = get_preset("iris")
    t = Trainer(p.dataset(), p.config.replace(validation=0.2, epochs=50))
    t.run()
    assert 0.0 <= t.validation_accuracy() <= 1.0
    assert Trainer(p.dataset(), p.config.replace(validation=0.0)).validation_accuracy() is None


# ---------------------------------------------------------------------------------- validation history


def _path(tr: Trainer) -> str:
    """Which training step a trainer runs: the numba loop, the generated NumPy step or Network.gradient."""
    return "compiled" if tr.releases_gil else ("fused" if tr._fused is not None else "generic")


VAL_CASES = {  # name: (data, settings, the step it must run on)
    "tanh-bce-adam-minibatch": (lambda: _binary_blobs(), dict(hidden=(4,), activation="tanh", output_activation="sigmoid",
                                                               loss="bce", optimizer="adam", learning_rate=0.05,
                                                               batch_size=7), "fused"),
    "relu-softmax-ce-gd": (lambda: _blobs(60), dict(hidden=(5,), activation="relu", output_activation="softmax",
                                                    loss="ce", learning_rate=0.3), "compiled"),
    "relu-softmax-ce-gd-numpy": (lambda: _blobs(60), dict(hidden=(5,), activation="relu", output_activation="softmax",
                                                          loss="ce", learning_rate=0.3), "fused"),
    "sigmoid-mse-momentum": (lambda: _regression(), dict(hidden=(4, 3), activation="sigmoid",
                                                         output_activation="linear", loss="mse",
                                                         optimizer="momentum", learning_rate=0.05), "fused"),
    "sigmoid-sse-gd-numpy": (lambda: _binary_blobs(), dict(hidden=(3,), activation="sigmoid",
                                                           output_activation="sigmoid", loss="sse",
                                                           learning_rate=0.1), "fused"),
    "leaky-sse-gd": (lambda: _regression(), dict(hidden=(3,), activation="leaky_relu", output_activation="linear",
                                                 loss="sse", learning_rate=0.001), "compiled"),
    "softmax-mse-sgd-generic": (lambda: _blobs(60), dict(hidden=(4,), activation="tanh", output_activation="softmax",
                                                         loss="mse", optimizer="sgd", batch_size=8,
                                                         learning_rate=0.5), "generic"),
}


def _binary_blobs(n=50, seed=3):
    ds = _blobs(n, seed, classes=2)
    return Dataset(ds.X, ds.Y, ds.input_names, ds.target_names, "binary")


def _val_trainer(case: str, epochs: int = 40, **changes) -> Trainer:
    make, kw, path = VAL_CASES[case]
    tr = Trainer(make(), TrainConfig(**kw, validation=0.25, epochs=epochs, seed=5).replace(**changes))
    if case.endswith("numpy"):
        tr._compiled = None  # the NumPy step on a network the compiled loop would take
    assert _path(tr) == path, f"{case} runs on {_path(tr)}, not {path}"
    return tr


@pytest.mark.parametrize("case", list(VAL_CASES))
def test_validation_loss_is_recorded_every_epoch_and_equals_the_network_loss_before_the_update(case):
    if VAL_CASES[case][2] == "compiled":
        pytest.importorskip("numba")
    tr = _val_trainer(case)
    expected = []
    for _ in range(40):  # the weights before each epoch's update, from a trainer stepped one epoch at a time
        expected.append(Network(tr.network.arch, tr.network.params.copy()).loss(tr.X_val, tr.Y_val))
        tr.train(1)
    epochs, lo, hi, last = tr.val_history.arrays()
    assert epochs.tolist() == list(range(1, 41)) and np.array_equal(lo, last) and np.array_equal(hi, last)
    np.testing.assert_allclose(last, expected, rtol=1e-12, atol=0)
    assert tr.progress().val_loss == last[-1] == tr.last_val_loss
    # the same arithmetic in one chunk: the training and validation histories bit for bit
    whole = _val_trainer(case)
    whole.train(40)
    assert np.array_equal(whole.val_history.arrays()[3], last)
    assert np.array_equal(whole.history.arrays()[3], tr.history.arrays()[3])


@pytest.mark.parametrize("case", ["relu-softmax-ce-gd", "tanh-bce-adam-minibatch", "softmax-mse-sgd-generic"])
def test_validation_history_does_not_depend_on_the_chunk_sizes(case):
    if VAL_CASES[case][2] == "compiled":
        pytest.importorskip("numba")
    runs = []
    for chunks in ([1] * 100, [100], [7] * 14 + [2], [3, 97]):
        tr = _val_trainer(case, epochs=100)
        for c in chunks:
            tr.train(c)
        runs.append((tr.val_history.arrays(), tr.history.arrays()))
    for (val, train) in runs[1:]:
        assert all(np.array_equal(a, b) for a, b in zip(val, runs[0][0]))
        assert all(np.array_equal(a, b) for a, b in zip(train, runs[0][1]))
    assert runs[0][0][0].tolist() == runs[0][1][0].tolist() == list(range(1, 101))


def test_validation_history_stays_bounded_over_long_runs():
    tr = _val_trainer("relu-softmax-ce-gd-numpy", epochs=9000)
    tr.run(chunk=2500)
    assert tr.val_history.stride == tr.history.stride > 1 and len(tr.val_history) <= tr.val_history.capacity
    assert tr.val_history.last_epoch == tr.history.last_epoch == 9000


def test_runs_without_validation_record_none():
    tr = Trainer(_blobs(40), TrainConfig(hidden=(3,), output_activation="softmax", loss="ce", epochs=10))
    tr.run()
    assert len(tr.val_history) == 0 and tr.progress().val_loss is None


def test_stop_loss_replay_ends_the_validation_history_on_the_same_epoch():
    tr = _val_trainer("relu-softmax-ce-gd-numpy", epochs=2000, stop_loss=0.2)
    p = tr.run(chunk=500)
    assert p.reached == "loss" and p.epoch < 2000
    assert tr.val_history.last_epoch == tr.history.last_epoch == p.epoch
    step = _val_trainer("relu-softmax-ce-gd-numpy", epochs=2000, stop_loss=0.2)
    step.run(chunk=1)
    assert np.array_equal(step.val_history.arrays()[3], tr.val_history.arrays()[3])


def test_divergence_keeps_the_validation_history_of_the_kept_epochs():
    ds = _regression()
    cfg = TrainConfig(hidden=(4,), activation="tanh", output_activation="linear", loss="sse",
                      learning_rate=0.02, epochs=3000, validation=0.2)
    a, b = Trainer(ds, cfg), Trainer(ds, cfg)
    pa, pb = a.run(chunk=3000), b.run(chunk=7)
    assert pa.diverged is not None and pa.diverged == pb.diverged
    assert a.val_history.last_epoch == a.history.last_epoch == a.epoch
    assert np.array_equal(a.val_history.arrays()[3], b.val_history.arrays()[3])
    assert np.isfinite(a.val_history.arrays()[3]).all()


def test_a_non_finite_validation_loss_is_not_recorded():
    ds = _regression()
    val_rows = Trainer(ds, TrainConfig(hidden=(3,), output_activation="linear", validation=0.1)).val_rows
    X = ds.X.copy()
    X[val_rows] = 1e200  # the training rows are fine; the held-out rows' squared errors overflow
    ds = Dataset(X, ds.Y, ds.input_names, ds.target_names)
    tr = Trainer(ds, TrainConfig(hidden=(3,), activation="linear", output_activation="linear", loss="sse",
                                 learning_rate=0.001, validation=0.1, epochs=20))
    assert np.array_equal(tr.val_rows, val_rows)
    p = tr.run(chunk=6)
    assert p.diverged is None and tr.epoch == 20
    assert len(tr.val_history) == 0 and p.val_loss is None


def test_a_given_validation_history_carries_on_or_is_dropped():
    tr = _val_trainer("tanh-bce-adam-minibatch", epochs=30)
    tr.train(10)
    resumed = Trainer(tr.dataset, tr.config, start=tr.network, history=tr.history, epoch=tr.epoch,
                      val_history=tr.val_history)
    assert resumed.progress().val_loss == tr.last_val_loss
    resumed.train(5)
    assert resumed.val_history.arrays()[0].tolist() == list(range(1, 16))
    no_split = Trainer(tr.dataset, tr.config.replace(validation=0.0), start=tr.network, history=tr.history,
                       epoch=tr.epoch, val_history=tr.val_history)
    assert len(no_split.val_history) == 0 and no_split.progress().val_loss is None
    ahead = Trainer(tr.dataset, tr.config, start=tr.network, epoch=3, val_history=resumed.val_history)
    assert len(ahead.val_history) == 0  # a history never runs ahead of the weights
