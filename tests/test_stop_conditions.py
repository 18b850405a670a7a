"""Stop conditions: "train until the loss is below X" (exact epoch) and "until the accuracy is 100 %".

In the core (any chunk sizes), in the model file, on the command line, in the exported
script and through the window's settings panel.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDoubleSpinBox

from core.cli import main as cli_main
from core.config import ConfigError, TrainConfig
from core.export_python import python_script
from core.modelfile import load_model, model_from_trainer, save_model
from core.presets import get_preset
from core.trainer import REACHED_ACCURACY, REACHED_LOSS, Trainer

STOP = 0.01  # loy-xor's loss crosses it around epoch 490


def loy():
    p = get_preset("loy-xor")
    return p.dataset(), p.config


def first_epoch_below(dataset, config, x: float) -> int:
    """The first epoch whose loss is below ``x``, from an uninterrupted run without a stop condition."""
    t = Trainer(dataset, config.replace(stop_loss=0.0))
    t.train(config.epochs)
    epochs, losses = t.history.curve()
    below = np.flatnonzero(losses < x)
    assert below.size, "the reference run never crosses the target"
    return int(epochs[below[0]])


def train_in_chunks(t: Trainer, sizes) -> None:
    k = 0
    while not t.done:
        t.train(sizes[k % len(sizes)])
        k += 1


# ---------------------------------------------------------------------------------- core


@pytest.mark.parametrize("chunks", [(1500,), (1,), (7, 100, 3), (1000,), (489, 1, 1)])
def test_stop_loss_stops_at_the_exact_epoch_of_crossing(chunks):
    ds, cfg = loy()
    want = first_epoch_below(ds, cfg, STOP)
    assert 1 < want < cfg.epochs
    t = Trainer(ds, cfg.replace(stop_loss=STOP))
    train_in_chunks(t, chunks)
    assert t.epoch == want
    assert t.reached == REACHED_LOSS and t.done
    assert t.last_loss < STOP
    assert t.history.curve()[1][-2] >= STOP  # the epoch before was still above
    p = t.progress()
    assert p.reached == REACHED_LOSS and p.done and p.epoch == want
    # Bit for bit the weights of a run of exactly that many epochs.
    ref = Trainer(ds, cfg)
    ref.train(want)
    np.testing.assert_array_equal(t.network.params, ref.network.params)
    # A stopped trainer trains no further.
    t.train(10)
    assert t.epoch == want


def test_stop_loss_with_mini_batches_keeps_the_random_stream():
    ds, cfg = loy()
    cfg = cfg.replace(optimizer="sgd", batch_size=2, learning_rate=0.5, epochs=4000)
    want = first_epoch_below(ds, cfg, 0.05)
    t = Trainer(ds, cfg.replace(stop_loss=0.05))
    train_in_chunks(t, (333,))
    assert t.epoch == want and t.reached == REACHED_LOSS
    ref = Trainer(ds, cfg)
    ref.train(want)
    np.testing.assert_array_equal(t.network.params, ref.network.params)


def test_stop_loss_before_a_failure_later_in_the_chunk_wins():
    """A chunk that crosses the target and fails afterwards is replayed epoch by epoch: it stops, not diverges."""
    ds, cfg = loy()
    want = first_epoch_below(ds, cfg, STOP)
    t = Trainer(ds, cfg.replace(stop_loss=STOP))
    calls = []
    real = t._weights_ok

    def flaky() -> bool:  # the end-of-chunk check fails once (as if the weights had exploded after the crossing)
        calls.append(1)
        return real() if len(calls) > 1 else False

    t._weights_ok = flaky
    t.train(1500)
    assert t.diverged is None and t.reached == REACHED_LOSS and t.epoch == want


def test_run_reports_why_it_stopped():
    ds, cfg = loy()
    t = Trainer(ds, cfg.replace(stop_loss=STOP))
    seen = []
    p = t.run(chunk=64, on_progress=seen.append)
    assert p.reached == REACHED_LOSS and seen[-1] is p
    assert all(s.reached is None for s in seen[:-1])


def test_stop_off_trains_to_the_target():
    ds, cfg = loy()
    t = Trainer(ds, cfg)
    t.run(chunk=500)
    assert t.epoch == cfg.epochs and t.reached is None and t.progress().reached is None


def test_accuracy_stop_on_xor_is_checked_at_chunk_ends():
    p = get_preset("xor")
    ds, cfg = p.dataset(), p.config.replace(stop_accuracy=True)
    # Epoch by epoch: stops right after the first update that classifies all four rows right.
    ref = Trainer(ds, p.config)
    first = None
    for _ in range(cfg.epochs):
        ref.train(1)
        if ref.training_accuracy() == 1.0:
            first = ref.epoch
            break
    assert first is not None and first < cfg.epochs
    t = Trainer(ds, cfg)
    train_in_chunks(t, (1,))
    assert t.epoch == first and t.reached == REACHED_ACCURACY and t.training_accuracy() == 1.0
    # Bigger chunks stop at the end of the first chunk whose weights classify everything right.
    t = Trainer(ds, cfg)
    train_in_chunks(t, (25,))
    assert t.reached == REACHED_ACCURACY and t.epoch % 25 == 0 and first <= t.epoch < first + 25


def test_accuracy_stop_with_softmax_classes():
    p = get_preset("iris")
    t = Trainer(p.dataset(), p.config.replace(stop_accuracy=True))
    t.run(chunk=50)
    assert t.classes is not None
    assert t.reached == REACHED_ACCURACY and t.training_accuracy() == 1.0 and t.epoch < p.config.epochs


def test_accuracy_stop_is_ignored_with_a_warning_for_regression_targets():
    p = get_preset("loy-xor")
    ds = p.dataset()
    ds = type(ds)(ds.X, ds.Y * 0.5 + 0.2, ds.input_names, ds.target_names, "scaled")
    t = Trainer(ds, p.config.replace(stop_accuracy=True, epochs=50))
    assert any("100 % accuracy" in w for w in t.warnings)
    t.run(chunk=10)
    assert t.epoch == 50 and t.reached is None and t.training_accuracy() is None


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf, "0.1", True])
def test_config_refuses_bad_stop_loss(bad):
    with pytest.raises(ConfigError) as err:
        TrainConfig(stop_loss=bad).check()
    assert err.value.field == "stop_loss"


def test_config_refuses_a_non_bool_stop_accuracy():
    with pytest.raises(ConfigError) as err:
        TrainConfig(stop_accuracy=1).check()
    assert err.value.field == "stop_accuracy"


def test_config_defaults_and_round_trip():
    cfg = TrainConfig()
    assert cfg.stop_loss == 0.0 and cfg.stop_accuracy is False
    c2 = TrainConfig(stop_loss=0.02, stop_accuracy=True)
    assert TrainConfig.from_dict(json.loads(json.dumps(c2.to_dict()))) == c2
    assert TrainConfig.from_dict({"hidden": [3]}).stop_loss == 0.0  # old files: off


def test_model_file_keeps_the_stop_conditions(tmp_path):
    ds, cfg = loy()
    t = Trainer(ds, cfg.replace(stop_loss=STOP, stop_accuracy=True, epochs=20))
    t.run()
    path = tmp_path / "m.json"
    save_model(model_from_trainer(t), path)
    d = json.loads(path.read_text())
    assert d["training"]["stop_loss"] == STOP and d["training"]["stop_accuracy"] is True
    c = load_model(path).config()
    assert c.stop_loss == STOP and c.stop_accuracy is True
    d["training"]["stop_loss"] = -1
    path.write_text(json.dumps(d))
    with pytest.raises(Exception, match="training.stop_loss"):
        load_model(path)


# ---------------------------------------------------------------------------------- CLI and script


def test_cli_stop_loss_stops_at_the_same_epoch(capsys, tmp_path):
    ds, cfg = loy()
    want = first_epoch_below(ds, cfg, STOP)
    out = tmp_path / "m.json"
    code = cli_main(["train", "--preset", "loy-xor", "--stop-loss", str(STOP), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert f"epochs: {want}" in captured.out.splitlines()
    assert f"stopped at epoch {want}: the loss" in captured.err
    assert load_model(out).config().stop_loss == STOP


def test_cli_stop_accuracy(capsys):
    code = cli_main(["train", "--preset", "xor", "--stop-accuracy", "-q"])
    captured = capsys.readouterr()
    assert code == 0
    assert "accuracy: 100.0%" in captured.out
    epochs = int(next(line for line in captured.out.splitlines() if line.startswith("epochs:")).split()[1])
    assert epochs < get_preset("xor").config.epochs
    assert "every training row is classified right" in captured.err


def test_cli_refuses_a_negative_stop_loss(capsys):
    assert cli_main(["train", "--preset", "xor", "--stop-loss", "-1"]) == 2
    assert "--stop-loss" in capsys.readouterr().err


def test_exported_script_stops_where_the_trainer_does(tmp_path):
    ds, cfg = loy()
    cfg = cfg.replace(stop_loss=STOP)
    t = Trainer(ds, cfg)
    t.run(chunk=100)
    script = tmp_path / "run.py"
    script.write_text(python_script(ds, cfg))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True).stdout
    lines = out.splitlines()
    assert f"epochs: {t.epoch}" in lines
    loss = float(next(line for line in lines if line.startswith("final loss:")).split(":")[1])
    assert loss == pytest.approx(t.last_loss, rel=1e-9)


# ---------------------------------------------------------------------------------- the window


@pytest.fixture
def window(qtbot):
    from nngui.app import create_main_window

    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.controller.shutdown()


def test_window_stop_loss_from_the_settings_panel(qtbot, window):
    ds, cfg = loy()
    want = first_epoch_below(ds, cfg, STOP)
    spin = window.findChild(QDoubleSpinBox, "stopLossSpin")
    assert spin is not None and spin.text() == "Off"
    spin.setValue(STOP)
    assert window.settings_panel.config().stop_loss == STOP
    assert window.controller.trainer.config.stop_loss == STOP
    window.findChild(QAbstractButton, "trainButton").click()
    qtbot.waitUntil(lambda: window.controller.state == "done", timeout=20000)
    t = window.controller.trainer
    assert t.epoch == want and t.reached == REACHED_LOSS
    msg = window.statusBar().currentMessage()
    assert msg.startswith(f"Stopped at epoch {want}: the loss") and "below 0.01" in msg
    qtbot.waitUntil(lambda: window.session.report is not None and window.session.report.progress.reached == REACHED_LOSS,
                    timeout=5000)
    assert window.status_epoch.text().startswith(f"Epoch {want:,}")
    # Train again: refused with the reason; switching the condition off lets it go on.
    assert not window.start_training()
    assert "Stopped at epoch" in window.statusBar().currentMessage()
    spin.setValue(0.0)
    assert window.controller.trainer.epoch == want and window.controller.trainer.reached is None
    assert window.start_training()
    qtbot.waitUntil(lambda: window.controller.state == "done", timeout=20000)
    assert window.controller.trainer.epoch == cfg.epochs


def test_window_stop_accuracy_from_the_settings_panel(qtbot, window):
    window.load_preset("xor")
    check = window.findChild(QCheckBox, "stopAccuracyCheck")
    assert check is not None and not check.isChecked()
    check.setChecked(True)
    assert window.settings_panel.config().stop_accuracy is True
    window.findChild(QAbstractButton, "trainButton").click()
    qtbot.waitUntil(lambda: window.controller.state == "done", timeout=20000)
    t = window.controller.trainer
    assert t.reached == REACHED_ACCURACY and t.epoch < get_preset("xor").config.epochs
    assert t.training_accuracy() == 1.0
    assert "accuracy 100 %" in window.statusBar().currentMessage()


def test_settings_panel_round_trips_the_stop_fields(window):
    panel = window.settings_panel
    cfg = get_preset("xor").config.replace(stop_loss=1.25e-7, stop_accuracy=True)
    panel.set_config(cfg)
    assert panel.config() == cfg
    spin = window.findChild(QDoubleSpinBox, "stopLossSpin")
    spin.setValue(0.0)
    spin.stepBy(1)
    assert spin.value() == 0.01
    spin.stepBy(1)
    assert spin.value() == 0.02
    spin.stepBy(-2)
    assert spin.value() == 0.005
