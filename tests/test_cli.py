"""End-to-end tests of the command line (core.cli): in-process through main(), plus a few subprocesses."""

from __future__ import annotations

import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from core import cli
from core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from core.cli import main
from core.data import read_csv
from core.initializers import INITIALIZERS
from core.losses import LOSSES
from core.modelfile import load_model
from core.normalization import NORMALIZATIONS
from core.optimizers import OPTIMIZERS
from core.presets import PRESETS
from core.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> dict[str, str]:
    """The `key: value` lines of train's stdout."""
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def assert_one_error(code: int, out: str, err: str, *fragments: str) -> str:
    """Exit status 2, exactly one `error:` line, no traceback; returns the error line."""
    assert code == 2, (code, out, err)
    assert "Traceback" not in err and "Traceback" not in out
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    for fragment in fragments:
        assert fragment in errors[0], (fragment, errors[0])
    return errors[0]


def parse_output_csv(text: str) -> tuple[list[str], np.ndarray]:
    lines = text.strip("\n").split("\n")
    names = lines[0].split(",")
    return names, np.array([[float(c) for c in line.split(",")] for line in lines[1:]])


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def loy_model(tmp_path_factory) -> Path:
    """Loy's network trained as in the article, saved once for the predict/resume tests."""
    path = tmp_path_factory.mktemp("loy") / "loy.json"
    assert main(["train", "--preset", "loy-xor", "--epochs", "1500", "--seed", "0", "--quiet",
                 "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def spiral_model(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spiral") / "spiral.json"
    assert main(["train", "--preset", "spiral", "--epochs", "50", "--quiet", "--out", str(path)]) == 0
    return path


# ---------------------------------------------------------------------------
# presets and help
# ---------------------------------------------------------------------------


def test_presets_lists_every_preset_with_shape_and_settings(capsys):
    code, out, err = run(capsys, "presets")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(PRESETS)
    for line, (name, preset) in zip(lines, PRESETS.items()):
        assert line.split()[0] == name
        assert preset.title in line
        assert "rows" in line and "epochs" in line
    assert "3 classes" in lines[list(PRESETS).index("iris")]
    assert "4 rows, 3 inputs -> 1 target" in lines[list(PRESETS).index("loy-xor")]


def test_help_lists_the_registries(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert all(cmd in out for cmd in ("train", "predict", "presets"))
    code, out, _ = run(capsys, "train", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for table in (ACTIVATIONS, LOSSES, OPTIMIZERS, INITIALIZERS, NORMALIZATIONS, PRESETS):
        for name in table:
            assert name in flat, name
    assert ", ".join(HIDDEN_ACTIVATIONS) in flat
    for flag in ("--hidden", "--activation", "--output-activation", "--loss", "--optimizer", "--lr",
                 "--epochs", "--batch-size", "--seed", "--init", "--no-bias", "--bias", "--normalize",
                 "--validation", "--dtype", "--init-from", "--out", "--include-data", "--quiet", "--targets"):
        assert flag in out, flag
    code, out, _ = run(capsys, "predict", "--help")
    assert code == 0 and "--out" in out and "prob_" in " ".join(out.split())


# ---------------------------------------------------------------------------
# train
# ---------------------------------------------------------------------------


def test_train_loy_xor_preset(tmp_path, capsys):
    out_path = tmp_path / "m.json"
    code, out, err = run(capsys, "train", "--preset", "loy-xor", "--epochs", "1500", "--seed", "0",
                         "--out", out_path)
    assert code == 0, err
    s = summary(out)
    assert out.splitlines()[0].startswith("final loss: ")
    loss = float(s["final loss"])
    assert loss < 0.01
    assert s["epochs"] == "1500"
    assert s["accuracy"] == "100.0%"
    model = load_model(out_path)
    assert model.architecture.sizes == (3, 4, 1) and not model.architecture.bias
    assert model.epochs_done == 1500
    assert model.training["final_loss"] == loss  # printed with repr: the exact value
    assert model.config().epochs == 1500 and model.config().init == "uniform01"
    assert model.data is None
    # progress goes to stderr (plain lines when not a terminal), results to stdout
    assert "epoch 1500/1500" in err and "\r" not in err
    assert "final loss" not in err


def test_train_from_csv_with_every_setting(tmp_path, capsys):
    rng = np.random.default_rng(1)
    X = rng.uniform(-1, 1, size=(40, 2))
    Y = np.column_stack([X[:, 0] + 2 * X[:, 1], X[:, 0] * X[:, 1]])
    rows = "\n".join(",".join(repr(float(v)) for v in r) for r in np.hstack([X, Y]))
    data = write(tmp_path / "reg.csv", "# a regression\na,b,s,p\n" + rows + "\n")
    out_path = tmp_path / "reg.json"
    code, out, err = run(
        capsys, "train", data, "--targets", "2", "--hidden", "5,3", "--activation", "tanh,relu",
        "--output-activation", "linear", "--loss", "mse", "--optimizer", "adam", "--lr", "0.01",
        "--epochs", "200", "--batch-size", "8", "--seed", "7", "--init", "he", "--normalize", "minmax",
        "--validation", "0.25", "--dtype", "float32", "--include-data", "--out", out_path,
    )
    assert code == 0, err
    s = summary(out)
    assert s["epochs"] == "200"
    assert "val loss" in s and "accuracy" not in s  # regression: no accuracy line
    model = load_model(out_path)
    assert model.architecture.sizes == (2, 5, 3, 2)
    assert model.architecture.activations == ("tanh", "relu", "linear")
    assert model.architecture.loss == "mse" and model.architecture.bias
    assert model.normalization is not None and model.normalization.kind == "minmax"
    assert model.input_names == ("a", "b") and model.target_names == ("s", "p")
    t = model.training
    assert (t["optimizer"], t["learning_rate"], t["batch_size"], t["seed"], t["init"], t["dtype"],
            t["validation"]) == ("adam", 0.01, 8, 7, "he", "float32", 0.25)
    assert model.data is not None and np.array_equal(model.data["inputs"], read_csv(data, targets=2).X)


@pytest.mark.parametrize("spec", ["", "none", "NONE"])
def test_train_without_hidden_layer(tmp_path, capsys, spec):
    out_path = tmp_path / "and.json"
    code, out, err = run(capsys, "train", "--preset", "and", "--hidden", spec, "--epochs", "500",
                         "--quiet", "--out", out_path)
    assert code == 0, err
    assert err == ""  # --quiet: no progress
    assert load_model(out_path).architecture.sizes == (2, 1)
    assert summary(out)["accuracy"] == "100.0%"


def test_bias_flags_override_the_preset(tmp_path, capsys):
    code, _, err = run(capsys, "train", "--preset", "loy-xor", "--bias", "--epochs", "3", "-q",
                       "--out", tmp_path / "b.json")
    assert code == 0, err
    assert load_model(tmp_path / "b.json").architecture.bias
    code, _, err = run(capsys, "train", "--preset", "xor", "--no-bias", "--epochs", "3", "-q",
                       "--out", tmp_path / "nb.json")
    assert code == 0, err
    assert not load_model(tmp_path / "nb.json").architecture.bias


def _one_step(tmp_path, capsys, settings, lr):
    """Train 20 Adam epochs, then resume with --optimizer gd --epochs 1; return (before, expected, after)."""
    first = tmp_path / "first.json"
    code, _, err = run(capsys, "train", "--preset", "xor", *settings, "--optimizer", "adam", "--lr", "0.05",
                       "--epochs", "20", "-q", "--out", first)
    assert code == 0, err
    before = load_model(first)
    net = before.network()
    ds = PRESETS["xor"].dataset()
    _, grad = net.gradient(ds.X, ds.Y)
    expected = net.params - lr * grad

    second = tmp_path / "second.json"
    code, out, err = run(capsys, "train", "--preset", "xor", "--init-from", first, "--optimizer", "gd",
                         "--lr", lr, "--epochs", "1", "--out", second)
    assert code == 0, err
    assert summary(out)["epochs"] == "21"
    after = load_model(second)
    assert after.epochs_done == 21 and after.config().epochs == 21
    assert after.training["optimizer"] == "gd" and after.training["learning_rate"] == lr
    epochs, *_ = after.history().arrays()
    assert epochs[-1] == 21 and len(epochs) == 21  # the history continues
    return net.params, expected, after.network().params


def test_resume_performs_exactly_one_gradient_descent_step(tmp_path, capsys):
    # The trainer's fused and compiled loops fold the rate into the output delta: equal to rounding,
    # while any other number of steps would be off by about lr * |grad|.
    start, expected, got = _one_step(
        tmp_path, capsys, ["--activation", "tanh", "--output-activation", "linear", "--loss", "sse"], 0.5)
    assert np.abs(expected - start).max() > 1e-4
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-16)


def test_resume_one_step_with_sigmoid_and_bce(tmp_path, capsys):
    # Here the kernel's sigmoid rounds differently from core.activations' in the last bit, so compare
    # to within rounding: any other number of steps would be off by about lr * |grad|.
    start, expected, got = _one_step(tmp_path, capsys, [], 0.3)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)
    assert np.abs(expected - start).max() > 1e-4


def test_resume_uses_model_data_and_additional_epochs(tmp_path, capsys):
    first = tmp_path / "first.json"
    assert main(["train", "--preset", "or", "--epochs", "10", "-q", "--include-data", "--out", str(first)]) == 0
    capsys.readouterr()
    second = tmp_path / "second.json"
    # no DATA.csv and no --preset: the data stored in the model file is used
    code, out, err = run(capsys, "train", "--init-from", first, "--epochs", "5", "--include-data",
                         "--out", second)
    assert code == 0, err
    assert summary(out)["epochs"] == "15"
    assert "epochs 11-15" in err
    assert load_model(second).epochs_done == 15
    # without --epochs: as many epochs again as the model's target (here 15)
    code, out, err = run(capsys, "train", "--init-from", second, "-q")
    assert code == 0, err
    assert summary(out)["epochs"] == "30"


def test_warnings_are_printed(capsys):
    code, out, err = run(capsys, "train", "--preset", "xor", "--lr", "20", "--epochs", "1", "-q")
    assert code == 0
    assert any(line.startswith("warning: learning rate 20") for line in err.splitlines()), err


def test_divergence_exits_3_and_keeps_the_last_finite_weights(tmp_path, capsys):
    out_path = tmp_path / "d.json"
    code, out, err = run(capsys, "train", "--preset", "xor", "--activation", "relu",
                         "--output-activation", "linear", "--loss", "mse", "--lr", "1e6",
                         "--out", out_path)
    assert code == 3, (out, err)
    assert "diverged at epoch" in err
    assert "Traceback" not in err and "error:" not in err
    assert "final loss: " in out
    model = load_model(out_path)
    assert np.isfinite(model.network().params).all()


def test_tty_progress_bar(capsys, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    monkeypatch.setattr(cli, "TTY_INTERVAL", 0.0)
    assert main(["train", "--preset", "circle", "--epochs", "300"]) == 0
    text = fake.getvalue()
    assert "\r[" in text and "]  epoch " in text  # the redrawn bar
    assert text.count("\r[") > 2
    assert "epoch 300/300" in text and "epochs/s" in text
    assert text.endswith("\n")
    assert "final loss: " in capsys.readouterr().out


def test_plain_progress_lines_when_piped(capsys, monkeypatch):
    code, _, err = run(capsys, "train", "--preset", "circle", "--epochs", "300")
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith("training 2-8-1 on circle (200 rows), adam lr 0.05, 300 epochs")
    assert lines[1:] == [line for line in lines[1:] if line.startswith("epoch ")]
    assert len(lines) == 2 and lines[-1].startswith("epoch 300/300  loss ")  # < 2 s: only the last line
    monkeypatch.setattr(cli, "PIPE_INTERVAL", 0.0)
    code, _, err = run(capsys, "train", "--preset", "circle", "--epochs", "300")
    assert code == 0 and "\r" not in err
    epochs = [int(line.split()[1].split("/")[0]) for line in err.splitlines()[1:]]
    assert len(epochs) > 2 and epochs == sorted(set(epochs)) and epochs[-1] == 300


def test_ctrl_c_stops_cleanly_and_saves(tmp_path):
    if os.name != "posix":
        pytest.skip("sends SIGINT")
    out_path = tmp_path / "c.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "core", "train", "--preset", "xor", "--epochs", "0", "--out", str(out_path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 30)
        assert ready, "no progress header"
        assert proc.stderr.readline().startswith("training ")  # the SIGINT handler is in place
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopped at epoch" in err
    s = summary(out)
    model = load_model(out_path)
    assert model.epochs_done == int(s["epochs"]) > 0
    assert model.training["final_loss"] == float(s["final loss"])


# ---------------------------------------------------------------------------
# predict
# ---------------------------------------------------------------------------


def test_predict_inputs_only_matches_the_model_exactly(tmp_path, capsys, loy_model):
    data = write(tmp_path / "in.csv", "x1,x2,x3\n0,0,1\n0,1,1\n1,0,1\n0.25,0.75,1\n")
    code, out, err = run(capsys, "predict", loy_model, data)
    assert code == 0, err
    names, values = parse_output_csv(out)
    assert names == ["x1", "x2", "x3", "pred_y"]
    X = values[:, :3]
    assert np.array_equal(values[:, 3:], load_model(loy_model).predict(X))
    assert "loss" not in err and "warning" not in err


def test_predict_with_targets_reports_loss_and_accuracy(tmp_path, capsys, loy_model):
    data = resource_path("presets", "loy-xor.csv")
    out_path = tmp_path / "pred.csv"
    code, out, err = run(capsys, "predict", loy_model, data, "--out", out_path)
    assert code == 0, err
    assert out == ""
    names, values = parse_output_csv(out_path.read_text())
    assert names == ["x1", "x2", "x3", "pred_y", "y"]
    model = load_model(loy_model)
    ds = read_csv(data)
    assert np.array_equal(values[:, :3], ds.X) and np.array_equal(values[:, 4:], ds.Y)
    assert np.array_equal(values[:, 3:4], model.predict(ds.X))
    lines = dict(line.split(": ", 1) for line in err.splitlines() if ": " in line)
    assert float(lines["loss (sse)"]) == pytest.approx(model.training["final_loss"], rel=0.01)
    assert lines["accuracy"] == "100.0%"
    # the same text as on stdout
    code, out, _ = run(capsys, "predict", loy_model, data)
    assert code == 0 and out == out_path.read_text()


def test_predict_warns_when_column_names_differ(tmp_path, capsys, loy_model):
    data = write(tmp_path / "in.csv", "a,b,c\n0,1,1\n")
    code, out, err = run(capsys, "predict", loy_model, data)
    assert code == 0
    assert err.startswith("warning: ") and "x1, x2, x3" in err
    assert out.splitlines()[0] == "a,b,c,pred_y"


def test_predict_class_model_columns(tmp_path, capsys, spiral_model):
    model = load_model(spiral_model)
    assert model.classes == (0.0, 1.0, 2.0)
    ds = PRESETS["spiral"].dataset()
    inputs = "x,y\n" + "\n".join(f"{float(a)!r},{float(b)!r}" for a, b in ds.X[:30]) + "\n"
    code, out, err = run(capsys, "predict", spiral_model, write(tmp_path / "xy.csv", inputs))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "x,y,prob_0,prob_1,prob_2,class"
    probs = np.array([[float(c) for c in line.split(",")[2:5]] for line in lines[1:]])
    labels = np.array([float(line.split(",")[5]) for line in lines[1:]])
    assert np.array_equal(probs, model.predict(ds.X[:30]))
    assert np.array_equal(labels, model.predict_classes(ds.X[:30]))

    # with the label column (itself called "class"): the prediction becomes pred_class
    code, out, err = run(capsys, "predict", spiral_model, resource_path("presets", "spiral.csv"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "x,y,prob_0,prob_1,prob_2,pred_class,class"
    assert lines[1].split(",")[-1] in ("0", "1", "2")
    assert "loss (ce): " in err and "accuracy: " in err
    acc = float(err.split("accuracy: ")[1].split("%")[0])
    predicted = np.array([float(line.split(",")[5]) for line in lines[1:]])
    truth = np.array([float(line.split(",")[6]) for line in lines[1:]])
    assert acc == pytest.approx(round(100 * np.mean(predicted == truth), 1))


def test_predict_iris_class_model_with_normalization(tmp_path, capsys):
    path = tmp_path / "iris.json"
    assert main(["train", "--preset", "iris", "--epochs", "50", "-q", "--out", str(path)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "predict", path, resource_path("presets", "iris.csv"))
    assert code == 0, err
    names = out.splitlines()[0].split(",")
    assert names[4:] == ["prob_0", "prob_1", "prob_2", "class", "species"]
    values = np.array([[float(c) for c in line.split(",")] for line in out.splitlines()[1:]])
    assert np.array_equal(values[:, 4:7], load_model(path).predict(values[:, :4]))


def test_predict_single_input_column(tmp_path, capsys):
    data = write(tmp_path / "line.csv", "x,y\n0,1\n1,3\n2,5\n3,7\n")
    model = tmp_path / "line.json"
    assert main(["train", str(data), "--hidden", "none", "--output-activation", "linear", "--loss", "mse",
                 "--lr", "0.05", "--epochs", "300", "-q", "--out", str(model)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "predict", model, write(tmp_path / "x.csv", "# inputs only\nx\n0.5\n\n4\n"))
    assert code == 0, err
    names, values = parse_output_csv(out)
    assert names == ["x", "pred_y"]
    assert np.array_equal(values[:, 1:], load_model(model).predict(np.array([[0.5], [4.0]])))
    code, out, err = run(capsys, "predict", model, write(tmp_path / "bad.csv", "x\n1\n2,3\n"))
    assert_one_error(code, out, err, "bad.csv", "line 3")


# ---------------------------------------------------------------------------
# bad input: exit status 2, one error line, no traceback
# ---------------------------------------------------------------------------


BAD_ARGS = [
    (["train"], ["DATA.csv"]),
    (["train", "--preset", "nope"], ["--preset", "nope", "loy-xor"]),
    (["train", "--preset", "xor", "--lr", "abc"], ["--lr", "abc"]),
    (["train", "--preset", "xor", "--lr", "0"], ["--lr", "> 0"]),
    (["train", "--preset", "xor", "--lr", "-1"], ["--lr"]),
    (["train", "--preset", "xor", "--lr", "nan"], ["--lr", "finite"]),
    (["train", "--preset", "xor", "--hidden", "4,x"], ["--hidden", "'x'"]),
    (["train", "--preset", "xor", "--hidden", "0"], ["--hidden", "at least 1"]),
    (["train", "--preset", "xor", "--hidden", "5000"], ["--hidden", "4096"]),
    (["train", "--preset", "xor", "--epochs", "-1"], ["--epochs", "-1"]),
    (["train", "--preset", "xor", "--epochs", "1.5"], ["--epochs", "whole number"]),
    (["train", "--preset", "xor", "--batch-size", "x"], ["--batch-size"]),
    (["train", "--preset", "xor", "--seed", str(2**64)], ["--seed"]),
    (["train", "--preset", "xor", "--targets", "0"], ["--targets"]),
    (["train", "--preset", "xor", "--validation", "2"], ["--validation", "0.9"]),
    (["train", "--preset", "xor", "--loss", "foo"], ["--loss", "sse, mse, bce, ce"]),
    (["train", "--preset", "xor", "--optimizer", "foo"], ["--optimizer", "adam"]),
    (["train", "--preset", "xor", "--init", "foo"], ["--init", "xavier"]),
    (["train", "--preset", "xor", "--normalize", "foo"], ["--normalize", "minmax"]),
    (["train", "--preset", "xor", "--dtype", "float16"], ["--dtype", "float32"]),
    (["train", "--preset", "xor", "--activation", "softmax"], ["--activation", "leaky_relu"]),
    (["train", "--preset", "xor", "--output-activation", "foo"], ["--output-activation", "softmax"]),
    (["train", "--preset", "xor", "--bias", "--no-bias"], ["--no-bias"]),
    (["train", "--preset", "xor", "--activation", "relu,tanh"], ["--activation", "2 activations"]),
    (["train", "--preset", "xor", "--validation", "0.9"], ["--validation", "none to train on"]),
    (["train", "--preset", "xor", "--targets", "3"], ["xor.csv", "target"]),
    (["train", "--preset", "xor", "--out", "/no/such/folder/m.json"], ["--out", "does not exist"]),
    (["frobnicate"], ["frobnicate"]),
    ([], ["COMMAND"]),
    (["predict", "only-one.json"], ["DATA.csv"]),
]


@pytest.mark.parametrize("argv,fragments", BAD_ARGS, ids=[" ".join(a) or "(none)" for a, _ in BAD_ARGS])
def test_bad_arguments(capsys, argv, fragments):
    code, out, err = run(capsys, *argv)
    assert_one_error(code, out, err, *fragments)
    assert "final loss" not in out


def test_bad_files(tmp_path, capsys, loy_model):
    missing = tmp_path / "missing.csv"
    code, out, err = run(capsys, "train", missing)
    assert_one_error(code, out, err, "missing.csv", "cannot be read")

    bad = write(tmp_path / "bad.csv", "a,b,y\n1,2,0\n3,abc,1\n")
    code, out, err = run(capsys, "train", bad)
    assert_one_error(code, out, err, "bad.csv", "line 3", "column 'b'", "'abc'")

    probs = write(tmp_path / "probs.csv", "a,y\n1,5\n2,7\n")
    code, out, err = run(capsys, "train", probs, "--loss", "bce")  # ConfigError from the trainer
    assert_one_error(code, out, err, "--loss", "between 0 and 1")

    not_json = write(tmp_path / "broken.json", "{ not json")
    code, out, err = run(capsys, "predict", not_json, bad)
    assert_one_error(code, out, err, "broken.json")
    code, out, err = run(capsys, "train", "--preset", "xor", "--init-from", not_json)
    assert_one_error(code, out, err, "broken.json")

    wrong = json.loads(loy_model.read_text())
    wrong["layers"][1]["weights"] = [[1.0]]
    wrong_path = write(tmp_path / "wrong.json", json.dumps(wrong))
    code, out, err = run(capsys, "predict", wrong_path, resource_path("presets", "loy-xor.csv"))
    assert_one_error(code, out, err, "wrong.json", "layers[1].weights")

    code, out, err = run(capsys, "predict", tmp_path / "nope.json", bad)
    assert_one_error(code, out, err, "nope.json")

    code, out, err = run(capsys, "predict", loy_model, missing)
    assert_one_error(code, out, err, "missing.csv")

    two = write(tmp_path / "two.csv", "a,b\n1,2\n")
    code, out, err = run(capsys, "predict", loy_model, two)
    assert_one_error(code, out, err, "two.csv", "2 columns", "expected 3 columns", "or 4")

    code, out, err = run(capsys, "train", "--preset", "xor", "--init-from", loy_model)
    assert_one_error(code, out, err, "--init-from", "[3, 4, 1]")

    code, out, err = run(capsys, "train", "--preset", "loy-xor", "--init-from", loy_model, "--hidden", "8")
    assert_one_error(code, out, err, "--hidden 8", "loy.json")

    code, out, err = run(capsys, "train", "--init-from", loy_model)  # no data stored in the model
    assert_one_error(code, out, err, "loy.json", "no training data")


def test_write_errors(tmp_path, capsys, monkeypatch, loy_model):
    import core.modelfile

    def refuse(path, text, encoding="utf-8"):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(core.modelfile, "atomic_write_text", refuse)
    monkeypatch.setattr(cli, "atomic_write_text", refuse)
    code, out, err = run(capsys, "train", "--preset", "xor", "--epochs", "2", "-q", "--out", tmp_path / "m.json")
    assert_one_error(code, out, err, "--out", "m.json", "Permission denied")
    assert "final loss" in out  # the results are still reported
    code, out, err = run(capsys, "predict", loy_model, resource_path("presets", "loy-xor.csv"),
                         "--out", tmp_path / "p.csv")
    assert_one_error(code, out, err, "--out", "p.csv", "Permission denied")


# ---------------------------------------------------------------------------
# subprocesses: python -m core, exit codes, no tracebacks, no Qt
# ---------------------------------------------------------------------------


def run_module(*argv, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core", *map(str, argv)], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def test_module_help_and_exit_codes(tmp_path):
    p = run_module("--help")
    assert p.returncode == 0 and "train" in p.stdout and p.stderr == ""

    p = run_module("train", "--preset", "xor", "--lr", "abc")
    assert p.returncode == 2 and p.stdout == ""
    assert "Traceback" not in p.stderr
    assert [line for line in p.stderr.splitlines() if line.startswith("error:")] == [
        "error: argument --lr: expected a number, got 'abc'"]

    p = run_module("predict", tmp_path / "none.json", tmp_path / "none.csv")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.startswith("error: none.json") and len(p.stderr.splitlines()) == 1

    p = run_module("train", "--preset", "xor", "--activation", "relu", "--output-activation", "linear",
                   "--loss", "mse", "--lr", "1e6", "--out", tmp_path / "d.json")
    assert p.returncode == 3 and "diverged at epoch" in p.stderr and "Traceback" not in p.stderr
    assert (tmp_path / "d.json").exists()


def test_cli_does_not_import_qt():
    code = ("import sys, core.cli; rc = core.cli.main(['presets']); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "from nngui.__main__ import main; rc2 = main(['presets']); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "sys.exit(rc or rc2)")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.count("loy-xor") == 2


def test_ctrl_c_off_the_main_thread_undoes_the_interrupted_chunk():
    import threading

    from core.trainer import Trainer

    p = PRESETS["loy-xor"]
    t = Trainer(p.dataset(), p.config.replace(optimizer="momentum", epochs=0))
    t.train(5)
    before = t.network.params.copy(), t.optimizer.velocity.copy(), t.rng.bit_generator.state

    def interrupted(n):  # a Ctrl+C landing in the middle of a chunk
        t.network.params += 1.0
        t.optimizer.velocity += 1.0
        t.rng.random()
        raise KeyboardInterrupt

    t.train = interrupted
    result = []
    worker = threading.Thread(target=lambda: result.append(cli._run(t, "x", quiet=True)))
    worker.start()
    worker.join()
    assert result == [True] and t.epoch == 5
    assert np.array_equal(t.network.params, before[0]) and np.array_equal(t.optimizer.velocity, before[1])
    assert t.rng.bit_generator.state == before[2]
