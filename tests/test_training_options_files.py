"""Regularisation, schedules and early stopping through the model file, projects, the CLI and the script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import main
from core.config import TrainConfig
from core.data import Dataset, write_csv
from core.export_python import python_script
from core.modelfile import ModelFileError, dumps_model, load_model, loads_model, model_from_trainer
from core.presets import get_preset
from core.schedules import parse_schedule
from core.trainer import REACHED_EARLY_STOP, Trainer

OPTIONS = dict(l2=0.003, l1=0.0005, schedule="step:0.7:40", early_stopping=12, validation=0.25)


def _spiral() -> tuple[Dataset, TrainConfig]:
    preset = get_preset("spiral")
    return preset.dataset(), preset.config.replace(batch_size=32, epochs=300, normalize="standard", **OPTIONS)


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _summary(out: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line and not line.startswith(" "))


def _one_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    for f in fragments:
        assert f in lines[0], (f, lines[0])


# ---------------------------------------------------------------------------
# The model file
# ---------------------------------------------------------------------------


def test_the_model_file_keeps_every_option_and_the_best_epoch():
    ds, cfg = _spiral()
    t = Trainer(ds, cfg)
    t.run(chunk=100)
    assert t.reached == REACHED_EARLY_STOP
    text = dumps_model(model_from_trainer(t))
    training = json.loads(text)["training"]
    assert {k: training[k] for k in ("l2", "l1", "schedule", "early_stopping", "best_epoch")} == {
        "l2": 0.003, "l1": 0.0005, "schedule": "step:0.7:40", "early_stopping": 12, "best_epoch": t.best_epoch}
    model = loads_model(text)
    assert model.config() == t.config and model.best_epoch == t.best_epoch
    assert json.loads(text)["version"] == 1  # these fields do not change the format version


def test_a_run_not_ended_by_early_stopping_records_no_best_epoch():
    ds, cfg = _spiral()
    t = Trainer(ds, cfg.replace(epochs=5))
    t.run()
    training = json.loads(dumps_model(model_from_trainer(t)))["training"]
    assert training["best_epoch"] is None and training["early_stopping"] == 12


def test_an_older_file_without_the_fields_loads_with_them_off():
    ds, cfg = _spiral()
    t = Trainer(ds, cfg.replace(l2=0.0, l1=0.0, schedule="constant", early_stopping=0, epochs=3))
    t.run()
    d = json.loads(dumps_model(model_from_trainer(t)))
    for key in ("l2", "l1", "schedule", "early_stopping", "best_epoch"):
        del d["training"][key]
    model = loads_model(json.dumps(d))
    c = model.config()
    assert (c.l2, c.l1, c.schedule, c.early_stopping, model.best_epoch) == (0.0, 0.0, "constant", 0, None)


BAD_TRAINING = [
    ({"l2": -0.1}, "training.l2: expected a number >= 0 (0: off), got -0.1"),
    ({"l1": "a lot"}, "training.l1: expected a number, got the text 'a lot'"),
    ({"schedule": "step:2"}, "training.schedule: 'step:2': step takes GAMMA and EVERY"),
    ({"schedule": "exp:0"}, "training.schedule: 'exp:0': GAMMA in exp:GAMMA must be a finite number > 0"),
    ({"schedule": 0.5}, "training.schedule: expected a schedule as text"),
    ({"early_stopping": -3}, "training.early_stopping: expected a whole number >= 0, got -3"),
    ({"early_stopping": 5, "validation": 0.0}, "training.early_stopping: watches the validation loss"),
    ({"best_epoch": 0}, "training.best_epoch: expected a whole number >= 1, got 0"),
    ({"best_epoch": 99}, "training.best_epoch: expected an epoch from 1 to epochs_done (3), got 99"),
    ({"schedule": "cosine", "epochs_target": 0}, "training.schedule: cosine runs over the epoch target"),
]


@pytest.mark.parametrize("change,expected", BAD_TRAINING)
def test_absurd_values_in_a_model_file_are_refused_naming_the_field(change, expected):
    ds, cfg = _spiral()
    t = Trainer(ds, cfg.replace(epochs=3, early_stopping=0))
    t.run()
    d = json.loads(dumps_model(model_from_trainer(t)))
    d["training"].update(change)
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(d), source="m.json")
    assert str(info.value).startswith("m.json") and expected in str(info.value), str(info.value)


def test_settings_round_trip_through_a_project():
    from nngui.files.project import Project, dumps_project, loads_project

    ds, cfg = _spiral()
    t = Trainer(ds, cfg.replace(epochs=4))
    t.run()
    names = [*ds.input_names, *ds.target_names]
    values = np.c_[ds.X, ds.Y]
    project = Project(names, ["input"] * ds.X.shape[1] + ["target"], values, t.config, model_from_trainer(t))
    back = loads_project(dumps_project(project))
    assert back.config == t.config
    assert (back.config.l2, back.config.schedule, back.config.early_stopping) == (0.003, "step:0.7:40", 12)


# ---------------------------------------------------------------------------
# The CLI
# ---------------------------------------------------------------------------


def test_cli_trains_saves_and_resumes_with_the_options(tmp_path, capsys):
    ds, _ = _spiral()
    data = tmp_path / "spiral.csv"
    write_csv(data, ds)
    model = tmp_path / "m.json"
    code, out, err = _run(capsys, "train", data, "--hidden", "16,16", "--activation", "tanh",
                          "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.02",
                          "--batch-size", "32", "--epochs", "400", "--normalize", "standard", "--validation", "0.25",
                          "--l2", "0.003", "--l1", "0.0005", "--schedule", "STEP:0.7:40", "--early-stopping", "12",
                          "--quiet", "--out", model)
    assert code == 0, err
    s = _summary(out)
    m = load_model(model)
    cfg = m.config()
    assert (cfg.l2, cfg.l1, cfg.schedule, cfg.early_stopping) == (0.003, 0.0005, "step:0.7:40", 12)
    assert "stopped at epoch" in err and "has not improved for 12 epochs" in err
    assert int(s["epochs"]) == m.epochs_done < 400
    assert int(s["best epoch"]) == m.best_epoch
    assert float(s["penalty"]) > 0 and float(s["best val loss"]) <= float(s["val loss"])

    # The same run in the core: the same stop, the same weights.
    t = Trainer(ds, cfg.replace(epochs=400))
    t.run()
    assert t.epoch == m.epochs_done and t.best_epoch == m.best_epoch
    np.testing.assert_array_equal(np.concatenate([np.r_[W.ravel(), b] for W, b in m.layers]), t.network.params)

    # Resuming keeps the options; --no-early-stopping and new values override them.
    again = tmp_path / "again.json"
    code, out, err = _run(capsys, "train", data, "--init-from", model, "--epochs", "5",
                          "--no-early-stopping", "--l2", "0", "--schedule", "exp:0.9", "--quiet", "--out", again)
    assert code == 0, err
    cfg2 = load_model(again).config()
    assert (cfg2.l2, cfg2.l1, cfg2.schedule, cfg2.early_stopping) == (0.0, 0.0005, "exp:0.9", 0)
    assert load_model(again).epochs_done == m.epochs_done + 5


BAD = [
    (["--early-stopping", "5"], ["--early-stopping", "no rows are held out", "validation share"]),
    (["--early-stopping", "0"], ["--early-stopping", "whole number of epochs >= 1", "got '0'"]),
    (["--early-stopping", "-2", "--validation", "0.2"], ["--early-stopping", ">= 1"]),
    (["--l2", "-0.1"], ["--l2", "expected a number >= 0, got '-0.1'"]),
    (["--l1", "nan"], ["--l1", "finite"]),
    (["--schedule", "step:0.5"], ["--schedule", "step takes GAMMA and EVERY (step:GAMMA:EVERY, e.g. step:0.5:100)"]),
    (["--schedule", "step:0:10"], ["--schedule", "GAMMA", "> 0"]),
    (["--schedule", "step:0.5:0"], ["--schedule", "EVERY", ">= 1"]),
    (["--schedule", "warmup"], ["--schedule", "expected constant, step:GAMMA:EVERY, exp:GAMMA or cosine"]),
    (["--schedule", "cosine", "--epochs", "0"], ["--schedule", "cosine runs over the epoch target"]),
]


@pytest.mark.parametrize("argv,fragments", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_cli_refuses_absurd_values_with_one_error_line(capsys, argv, fragments):
    code, out, err = _run(capsys, "train", "--preset", "xor", "--quiet", *argv)
    _one_error(code, err, *fragments)
    assert "final loss" not in out


def test_cli_help_names_the_new_options(capsys):
    code, out, _ = _run(capsys, "train", "--help")
    flat = " ".join(out.split())
    assert code == 0
    for flag in ("--l2", "--l1", "--schedule", "--early-stopping", "--no-early-stopping", "step:GAMMA:EVERY",
                 "exp:GAMMA", "cosine"):
        assert flag in flat, flag


def test_cli_progress_shows_the_penalty_and_the_current_rate(capsys, monkeypatch):
    monkeypatch.setattr("core.cli.PIPE_INTERVAL", 0.0)
    code, _, err = _run(capsys, "train", "--preset", "xor", "--epochs", "30", "--l2", "0.01",
                        "--schedule", "exp:0.9")
    assert code == 0
    assert "(exp:0.9), l2 0.01," in err.splitlines()[0]
    last = [line for line in err.splitlines() if line.startswith("epoch 30/30")][-1]
    rate = parse_schedule("exp:0.9").rate(get_preset("xor").config.learning_rate, 30, 30)
    assert "  penalty " in last and f"  lr {rate:.3g}  " in last, last


# ---------------------------------------------------------------------------
# The exported NumPy script
# ---------------------------------------------------------------------------


def test_the_script_reproduces_a_run_with_every_option(tmp_path):
    ds, cfg = _spiral()
    path = tmp_path / "script.py"
    path.write_text(python_script(ds, cfg), encoding="utf-8")
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    s = _summary(out.stdout)
    generic = Trainer(ds, cfg)
    generic._fused = generic._fused_val = generic._compiled = None
    generic.run(chunk=37)
    assert generic.reached == REACHED_EARLY_STOP
    assert int(s["epochs"]) == generic.epoch and int(s["best epoch"]) == generic.best_epoch
    assert float(s["final loss"]) == pytest.approx(generic.last_loss, rel=1e-12)
    assert float(s["penalty"]) == pytest.approx(generic.penalty, rel=1e-12)
    assert float(s["val loss"]) == pytest.approx(generic.last_val_loss, rel=1e-12)
    assert float(s["best val loss"]) == pytest.approx(generic.best.loss, rel=1e-12)
    assert "stopped at epoch" in out.stdout


def test_the_script_follows_the_cosine_schedule_over_the_epoch_target(tmp_path):
    ds, cfg = _spiral()
    cfg = cfg.replace(schedule="cosine", early_stopping=0, optimizer="gd", learning_rate=0.5, epochs=60)
    source = python_script(ds, cfg, epochs=40)  # fewer epochs than the target: the cosine still runs over 60
    assert "EPOCHS_TARGET = 60" in source and "SCHEDULE = 'cosine'" in source
    path = Path(tmp_path / "s.py")
    path.write_text(source, encoding="utf-8")
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    s = _summary(out.stdout)
    t = Trainer(ds, cfg)
    t._fused = t._fused_val = t._compiled = None
    t.train(40)
    assert float(s["final loss"]) == pytest.approx(t.last_loss, rel=1e-12)
