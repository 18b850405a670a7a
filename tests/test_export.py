"""Exports: the standalone NumPy script, the ONNX graph, the `export` command and the PyTorch recipe."""

from __future__ import annotations

import ast
import re
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core import export_onnx
from core.cli import main
from core.config import ConfigError, TrainConfig
from core.data import Dataset, write_csv
from core.export_onnx import to_onnx
from core.export_python import ExportError, python_script
from core.losses import get_loss
from core.modelfile import load_model, model_from_trainer, save_model
from core.network import Network
from core.presets import get_preset
from core.trainer import Trainer

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "exporting.md"


# ---------------------------------------------------------------------------
# Data sets and configurations
# ---------------------------------------------------------------------------


def _preset(name: str) -> Dataset:
    return get_preset(name).dataset()


def _regression() -> Dataset:
    rng = np.random.default_rng(5)
    X = rng.normal(size=(60, 3)) * [1.0, 10.0, 100.0] + [0.0, 5.0, -50.0]
    Y = np.c_[np.sin(X[:, 0]) + X[:, 1] / 10, X[:, 2] / 100]
    return Dataset(X, Y, ("a", "b", "c"), ("y1", "y2"), "regression")


def _labels() -> Dataset:
    rng = np.random.default_rng(11)
    X = rng.normal(size=(45, 2)) * [2.0, 0.5] + [1.0, 3.0]
    y = (X[:, 0] > 1.0).astype(float) + (X[:, 1] > 3.0) * 2.0 + 1.0  # labels 1..4
    return Dataset(X, y.reshape(-1, 1), ("u", "v"), ("label",), "labels")


TRAIN_CASES = {
    "loy-xor": (lambda: _preset("loy-xor"), get_preset("loy-xor").config),
    "spiral-adam": (lambda: _preset("spiral"), get_preset("spiral").config.replace(
        batch_size=32, epochs=200, validation=0.2, normalize="standard")),
    "regression-momentum": (_regression, TrainConfig(
        hidden=(6, 5), activation=("tanh", "leaky_relu"), output_activation="linear", loss="mse",
        optimizer="momentum", learning_rate=0.01, batch_size=16, epochs=150, normalize="minmax",
        init="xavier", seed=3)),
    "bce-sgd": (lambda: _preset("circle"), TrainConfig(
        hidden=(5,), activation="relu", output_activation="sigmoid", loss="bce", optimizer="sgd",
        learning_rate=0.3, batch_size=20, epochs=100, seed=7, init="he", validation=0.1)),
}


def _trainer(ds: Dataset, cfg: TrainConfig, start: Network | None = None, generic: bool = False,
             epochs: int | None = None) -> Trainer:
    t = Trainer(ds, cfg, start=start)
    if generic:  # Network.gradient + optimizer.update, the operations the script mirrors
        t._fused = None
        t._compiled = None
    t.train(cfg.epochs if epochs is None else epochs)
    return t


def _run_script(source: str, tmp_path: Path, name: str = "script.py") -> dict[str, str]:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    return dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line and not line.startswith(" "))


def _imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0] if node.level == 0 else ".")
    return names


# ---------------------------------------------------------------------------
# The Python script reproduces the training
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(TRAIN_CASES))
def test_script_reproduces_the_trainers_final_loss(case, tmp_path):
    make, cfg = TRAIN_CASES[case]
    ds = make()
    source = python_script(ds, cfg)
    assert _imports(source) == {"numpy"}
    compile(source, "script.py", "exec")
    result = _run_script(source, tmp_path)
    loss = float(result["final loss"])
    assert int(result["epochs"]) == cfg.epochs

    generic = _trainer(ds, cfg, generic=True)
    assert loss == pytest.approx(generic.last_loss, rel=1e-12, abs=0)
    default = _trainer(ds, cfg)
    assert loss == pytest.approx(default.last_loss, rel=1e-9, abs=0)
    if cfg.validation:
        assert float(result["val loss"]) == pytest.approx(generic.last_val_loss, rel=1e-12, abs=0)
    else:
        assert "val loss" not in result


def test_script_in_float32_matches_the_generic_path(tmp_path):
    ds = _preset("iris")
    cfg = get_preset("iris").config.replace(dtype="float32", epochs=60, batch_size=16)
    source = python_script(ds, cfg)
    assert "DTYPE = np.float32" in source
    loss = float(_run_script(source, tmp_path)["final loss"])
    assert loss == pytest.approx(_trainer(ds, cfg, generic=True).last_loss, rel=1e-12, abs=0)


def test_script_from_given_weights_draws_no_initial_weights(tmp_path):
    ds = _labels()
    cfg = TrainConfig(hidden=(5,), activation="tanh", output_activation="softmax", loss="ce", optimizer="adam",
                      learning_rate=0.05, batch_size=8, epochs=40, normalize="standard", validation=0.2, seed=9)
    start = _trainer(ds, cfg.replace(seed=1, validation=0.0), epochs=30).network  # some trained weights
    source = python_script(ds, cfg, start=start)
    assert "START = None" not in source
    result = _run_script(source, tmp_path)
    t = _trainer(ds, cfg, start=start, generic=True)
    assert float(result["final loss"]) == pytest.approx(t.last_loss, rel=1e-12, abs=0)
    assert float(result["val loss"]) == pytest.approx(t.last_val_loss, rel=1e-12, abs=0)


@pytest.mark.parametrize("case", ["classes-standard", "regression-minmax", "float32-nobias"])
def test_script_with_trained_weights_predicts_like_the_model(case, tmp_path, capsys):
    if case == "classes-standard":
        ds, cfg = _labels(), TrainConfig(hidden=(5,), activation="tanh", output_activation="softmax", loss="ce",
                                         normalize="standard", learning_rate=0.3, epochs=80, validation=0.2)
    elif case == "regression-minmax":
        ds, cfg = _regression(), TRAIN_CASES["regression-momentum"][1].replace(epochs=40)
    else:
        ds, cfg = _preset("loy-xor"), get_preset("loy-xor").config.replace(dtype="float32", epochs=200)
    t = _trainer(ds, cfg)
    model = model_from_trainer(t)
    source = python_script(ds, model.config(), start=model.network(), normalizer=model.normalization, epochs=0)
    path = tmp_path / "trained.py"
    path.write_text(source, encoding="utf-8")
    ns = runpy.run_path(str(path), run_name="__main__")
    printed = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines()
                   if ": " in line and not line.startswith(" "))
    X = np.r_[ds.X, ds.X * 1.5 + 0.25]
    expected = model.predict(X)
    got = ns["predict"](X)
    assert got.dtype == expected.dtype
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    # The loss of those weights on the training rows of a Trainer continuing from them (as
    # `train --init-from` would report it before any epoch; with validation, such a Trainer
    # draws its split without drawing initial weights first, and so does the script).
    resumed = Trainer(ds, model.config(), start=model.network(), normalizer=model.normalization)
    with np.errstate(all="ignore"):
        loss = resumed.loss_fn.value(resumed.network.predict(resumed.X), resumed.Y)
    assert float(printed["final loss"]) == pytest.approx(loss, rel=1e-12, abs=0)
    assert printed["epochs"] == "0"


def test_script_refuses_what_cannot_run():
    ds = _preset("loy-xor")
    with pytest.raises(ExportError, match="epochs"):
        python_script(ds, get_preset("loy-xor").config.replace(epochs=0))
    other = Network.initialize(_trainer(_regression(), TRAIN_CASES["regression-momentum"][1], epochs=0).network.arch,
                               "xavier", np.random.default_rng(0))
    with pytest.raises(ConfigError) as info:
        python_script(ds, get_preset("loy-xor").config, start=other)
    assert info.value.field == "architecture"
    with pytest.raises(ConfigError):
        python_script(ds, get_preset("loy-xor").config.replace(learning_rate=-1.0))


def test_script_is_safe_with_odd_names(tmp_path):
    ds = Dataset(np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([[1.0], [1.0], [0.0]]),
                 ('x "1"\n"""', "x\\2"), ("y'",), 'bad"""\nname')
    source = python_script(ds, TrainConfig(epochs=5), title='a """ title\nwith lines')
    result = _run_script(source, tmp_path)
    assert float(result["final loss"]) == pytest.approx(_trainer(ds, TrainConfig(epochs=5)).last_loss, rel=1e-9)


# ---------------------------------------------------------------------------
# ONNX
# ---------------------------------------------------------------------------

ONNX_CASES = {
    "sigmoid-nobias": (lambda: _preset("loy-xor"), get_preset("loy-xor").config.replace(epochs=300)),
    "tanh-softmax-classes-standard": (_labels, TrainConfig(
        hidden=(5,), activation="tanh", output_activation="softmax", loss="ce", normalize="standard",
        learning_rate=0.3, epochs=80)),
    "relu-leaky-linear-minmax": (_regression, TrainConfig(
        hidden=(6, 5), activation=("relu", "leaky_relu"), output_activation="linear", loss="mse", init="he",
        normalize="minmax", optimizer="momentum", learning_rate=0.01, batch_size=8, epochs=40)),
}


def _onnx_session(path: Path):
    ort = pytest.importorskip("onnxruntime")
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


@pytest.mark.parametrize("case", list(ONNX_CASES))
def test_onnx_outputs_equal_model_predict(case, tmp_path):
    onnx = pytest.importorskip("onnx")
    make, cfg = ONNX_CASES[case]
    ds = make()
    model = model_from_trainer(_trainer(ds, cfg))
    X = np.r_[ds.X, ds.X * 1.5 + 0.25]
    expected = model.predict(X)

    path = tmp_path / "model.onnx"
    proto = to_onnx(model, path)
    onnx.checker.check_model(onnx.load(str(path)))
    assert [i.name for i in proto.graph.input] == ["input"] and [o.name for o in proto.graph.output] == ["output"]
    ops = [n.op_type for n in proto.graph.node]
    assert ("Sub" in ops and "Div" in ops) == (model.normalization is not None)
    assert ops.count("Add") == (model.architecture.n_layers if model.architecture.bias else 0)
    out = _onnx_session(path).run(None, {"input": X.astype(np.float32)})[0]
    assert out.dtype == np.float32 and out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-5)

    path64 = tmp_path / "model64.onnx"
    to_onnx(model, path64, dtype="float64")
    out64 = _onnx_session(path64).run(None, {"input": X})[0]
    assert out64.dtype == np.float64
    np.testing.assert_allclose(out64, expected, rtol=0, atol=1e-12)
    meta = {p.key: p.value for p in proto.metadata_props}
    assert meta["input_names"] == '["' + '", "'.join(model.input_names) + '"]'
    if model.classes is not None:
        assert meta["classes"] == "[" + ", ".join(repr(c) for c in model.classes) + "]"


def test_onnx_missing_package_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnx", None)  # `import onnx` now raises ImportError
    model = model_from_trainer(_trainer(_preset("loy-xor"), get_preset("loy-xor").config, epochs=5))
    with pytest.raises(ExportError, match=re.escape("pip install nngui[onnx]")):
        to_onnx(model, tmp_path / "m.onnx")
    assert isinstance(ExportError("x"), ValueError)
    assert not export_onnx.onnx_available()
    assert not (tmp_path / "m.onnx").exists()


# ---------------------------------------------------------------------------
# The export command
# ---------------------------------------------------------------------------


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    for fragment in fragments:
        assert fragment in errors[0], (fragment, errors[0])


def test_cli_export_python_from_scratch_and_trained(capsys, tmp_path):
    m = tmp_path / "m.json"
    code, out, _ = _cli(capsys, "train", "--preset", "iris", "--epochs", "150", "--batch-size", "16",
                        "--out", m, "--include-data", "-q")
    assert code == 0
    trained_loss = float(re.search(r"final loss: (.*)", out).group(1))

    script = tmp_path / "again.py"
    code, _, err = _cli(capsys, "export", m, "--format", "python", "--from-scratch", "--out", script)
    assert code == 0 and f"wrote {script}" in err
    result = _run_script(script.read_text(encoding="utf-8"), tmp_path, "again_run.py")
    assert float(result["final loss"]) == pytest.approx(trained_loss, rel=1e-9, abs=0)
    assert result["epochs"] == "150"

    script = tmp_path / "trained.py"
    code, _, _ = _cli(capsys, "export", m, "--format", "python", "--out", script)
    assert code == 0
    source = script.read_text(encoding="utf-8")
    assert _imports(source) == {"numpy"} and "EPOCHS = 0" in source
    result = _run_script(source, tmp_path, "trained_run.py")
    model = load_model(m)
    t = Trainer(Dataset(model.data["inputs"], model.data["targets"], model.input_names, model.target_names),
                model.config(), start=model.network(), normalizer=model.normalization)
    loss = get_loss("ce").value(t.network.predict(t.X), t.Y)
    assert float(result["final loss"]) == pytest.approx(loss, rel=1e-12, abs=0)


def test_cli_export_python_with_data_file(capsys, tmp_path):
    ds = _regression()
    csv = tmp_path / "reg.csv"
    write_csv(csv, ds)
    m = tmp_path / "m.json"
    assert _cli(capsys, "train", csv, "--targets", "2", "--hidden", "4", "--output-activation", "linear",
                "--loss", "mse", "--normalize", "standard", "--lr", "0.05", "--epochs", "50", "--out", m,
                "-q")[0] == 0
    script = tmp_path / "reg.py"
    code, _, err = _cli(capsys, "export", m, "--format", "python", "--data", csv, "--out", script)
    assert code == 0, err
    ns = runpy.run_path(str(script), run_name="__main__")
    capsys.readouterr()
    np.testing.assert_allclose(ns["predict"](ds.X), load_model(m).predict(ds.X), rtol=0, atol=1e-12)


def test_cli_export_onnx(capsys, tmp_path):
    pytest.importorskip("onnx")
    m = tmp_path / "m.json"
    assert _cli(capsys, "train", "--preset", "iris", "--epochs", "50", "--out", m, "-q")[0] == 0
    for dtype, atol in (("float32", 1e-5), ("float64", 1e-12)):
        path = tmp_path / f"m_{dtype}.onnx"
        args = ["export", m, "--format", "onnx", "--out", path] + (["--dtype", dtype] if dtype == "float64" else [])
        code, _, err = _cli(capsys, *args)
        assert code == 0 and f"wrote {path}" in err
        X = _preset("iris").X
        out = _onnx_session(path).run(None, {"input": X.astype(dtype)})[0]
        np.testing.assert_allclose(out, load_model(m).predict(X), rtol=0, atol=atol)


def test_cli_export_bad_input(capsys, tmp_path):
    m = tmp_path / "m.json"
    assert _cli(capsys, "train", "--preset", "loy-xor", "--epochs", "10", "--out", m, "-q")[0] == 0
    out_py = tmp_path / "out.py"
    _one_error(*_cli(capsys, "export", tmp_path / "missing.json", "--format", "python", "--out", out_py),
               "missing.json")
    _one_error(*_cli(capsys, "export", m, "--format", "csv", "--out", out_py), "csv", "python, onnx")
    _one_error(*_cli(capsys, "export", m, "--out", out_py), "--format")
    _one_error(*_cli(capsys, "export", m, "--format", "python", "--out", out_py), "no training data", "--data")
    _one_error(*_cli(capsys, "export", m, "--format", "python", "--out", out_py, "--data",
                     ROOT / "resources" / "presets" / "circle.csv"), "does not fit", "layers")
    _one_error(*_cli(capsys, "export", m, "--format", "python", "--out", tmp_path / "no-dir" / "x.py",
                     "--data", ROOT / "resources" / "presets" / "loy-xor.csv"), "does not exist")
    bare = tmp_path / "bare.json"
    model = load_model(m)
    model.training = {}
    model.data = {"inputs": _preset("loy-xor").X, "targets": _preset("loy-xor").Y}
    save_model(model, bare)
    _one_error(*_cli(capsys, "export", bare, "--format", "python", "--from-scratch", "--out", out_py),
               "does not record how it was trained", "training.seed")
    assert not out_py.exists()


def test_cli_export_onnx_without_package(capsys, tmp_path, monkeypatch):
    m = tmp_path / "m.json"
    assert _cli(capsys, "train", "--preset", "loy-xor", "--epochs", "10", "--out", m, "-q")[0] == 0
    monkeypatch.setitem(sys.modules, "onnx", None)
    _one_error(*_cli(capsys, "export", m, "--format", "onnx", "--out", tmp_path / "m.onnx"),
               "pip install nngui[onnx]")


def test_nngui_entry_point_knows_export():
    from nngui.__main__ import CLI_COMMANDS

    assert "export" in CLI_COMMANDS


# ---------------------------------------------------------------------------
# The documentation's PyTorch recipe
# ---------------------------------------------------------------------------


def _torch_snippet() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    chosen = [b for b in blocks if b.startswith("# nngui-torch-snippet")]
    assert len(chosen) == 1, "docs/exporting.md needs one ```python block starting with # nngui-torch-snippet"
    return chosen[0]


def test_doc_mentions_every_way_out():
    text = DOC.read_text(encoding="utf-8")
    for fragment in ("model-format.md", "--format python", "--from-scratch", "--format onnx",
                     "pip install nngui[onnx]", "weight = W.T", "(x - shift) / scale", "float32"):
        assert fragment in text, fragment
    snippet = _torch_snippet()
    assert "import core" not in snippet and "from core" not in snippet


@pytest.mark.parametrize("case", list(ONNX_CASES))
def test_doc_torch_snippet_predicts_like_the_model(case, tmp_path):
    torch = pytest.importorskip("torch")
    make, cfg = ONNX_CASES[case]
    ds = make()
    model = model_from_trainer(_trainer(ds, cfg))
    path = tmp_path / "model.json"
    save_model(model, path)
    ns: dict = {"__name__": "snippet"}
    exec(compile(_torch_snippet(), "exporting.md", "exec"), ns)  # noqa: S102 - our own documentation
    net = ns["load_torch"](str(path))
    X = np.r_[ds.X, ds.X * 1.5 + 0.25]
    with torch.no_grad():
        out = net(torch.tensor(X, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(out, model.predict(X), rtol=0, atol=1e-6)
