"""Tests for core.modelfile: the JSON model file, its validation, and the documented NumPy reader."""

from __future__ import annotations

import copy
import errno
import json
import math
import os
import pickle
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.activations import ACTIVATIONS
from core.config import TrainConfig
from core.data import DataError, Dataset, decode_classes
from core.losses import LOSSES
from core.modelfile import (
    FORMAT,
    VERSION,
    Model,
    ModelFileError,
    dumps_model,
    load_model,
    loads_model,
    model_from_dict,
    model_from_trainer,
    model_to_dict,
    save_model,
)
from core.trainer import Trainer

DOC = Path(__file__).resolve().parent.parent / "docs" / "model-format.md"

# ---------------------------------------------------------------------------
# Trained models to work with
# ---------------------------------------------------------------------------

LOY_X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64)
LOY_Y = np.array([[0], [1], [1], [0]], dtype=np.float64)


def _two_inputs(n: int = 24, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n, 2)) * [3.0, 0.5] + [10.0, -2.0]


def _loy() -> Dataset:
    return Dataset(LOY_X, LOY_Y, ("x1", "x2", "x3"), ("y",), "test")


def _binary() -> Dataset:
    X = _two_inputs()
    Y = (X[:, :1] - 10.0 > 0).astype(np.float64)
    return Dataset(X, Y, ("a", "b"), ("y",), "test")


def _labels() -> Dataset:
    X = _two_inputs(30, 2)
    Y = (np.arange(30) % 3).astype(np.float64).reshape(-1, 1)
    return Dataset(X, Y, ("a", "b"), ("y",), "test")


def _regression() -> Dataset:
    X = _two_inputs(20, 3)
    Y = np.c_[X[:, 0] * 0.1 - X[:, 1], np.sin(X[:, 0])]
    return Dataset(X, Y, ("a", "b"), ("u", "v"), "test")


CASES = {
    # James Loy's network: no biases, sigmoid, sse.
    "loy-nobias": (_loy, TrainConfig(hidden=(4,), activation="sigmoid", output_activation="sigmoid",
                                     loss="sse", bias=False, init="uniform01", learning_rate=1.0, epochs=150)),
    "bias-standard": (_binary, TrainConfig(hidden=(4,), activation="tanh", output_activation="sigmoid",
                                           loss="bce", optimizer="adam", learning_rate=0.05, epochs=80,
                                           normalize="standard", validation=0.25, batch_size=5, seed=7)),
    "classes": (_labels, TrainConfig(hidden=(5,), activation="tanh", output_activation="softmax", loss="ce",
                                     normalize="standard", learning_rate=0.3, epochs=60)),
    "regression-minmax": (_regression, TrainConfig(hidden=(6, 5), activation=("relu", "leaky_relu"),
                                                   output_activation="linear", loss="mse", init="he",
                                                   normalize="minmax", optimizer="momentum",
                                                   learning_rate=0.01, batch_size=4, epochs=60)),
    "float32": (_binary, TrainConfig(hidden=(3,), activation="sigmoid", loss="sse", dtype="float32",
                                     learning_rate=0.1, epochs=40, normalize="standard")),
    # Format version 2: every input feature, after a normalisation.
    "features": (_labels, TrainConfig(hidden=(4,), activation="tanh", output_activation="softmax", loss="ce",
                                      normalize="minmax", learning_rate=0.3, epochs=40,
                                      features=("squares", "products", "sin"))),
}


def _trainer(case: str, epochs: int | None = None) -> Trainer:
    make, cfg = CASES[case]
    t = Trainer(make(), cfg)
    t.train(epochs if epochs is not None else cfg.epochs)
    return t


def _assert_same_array(a, b) -> None:
    a, b = np.asarray(a), np.asarray(b)
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    assert a.shape == b.shape
    assert np.array_equal(a, b)


def _assert_same_history(h1, h2) -> None:
    assert h1.stride == h2.stride
    for x, y in zip(h1.arrays(), h2.arrays()):
        _assert_same_array(x, y)


def _assert_same_model(m: Model, ref: Model) -> None:
    assert m.architecture == ref.architecture
    assert len(m.layers) == len(ref.layers)
    for (W, b), (W0, b0) in zip(m.layers, ref.layers):
        assert W.dtype == np.float64
        _assert_same_array(W, W0)
        if b0 is None:
            assert b is None
        else:
            _assert_same_array(b, b0)
    if ref.normalization is None:
        assert m.normalization is None
    else:
        assert m.normalization.kind == ref.normalization.kind
        _assert_same_array(m.normalization.shift, ref.normalization.shift)
        _assert_same_array(m.normalization.scale, ref.normalization.scale)
    assert m.training == ref.training
    assert m.input_names == ref.input_names and m.target_names == ref.target_names
    assert m.classes == ref.classes
    if ref.data is None:
        assert m.data is None
    else:
        _assert_same_array(m.data["inputs"], ref.data["inputs"])
        _assert_same_array(m.data["targets"], ref.data["targets"])
    assert m.config() == ref.config()
    _assert_same_history(m.history(), ref.history())


# ---------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("include_data", [False, True])
@pytest.mark.parametrize("case", list(CASES))
def test_round_trip_is_exact(case, include_data, tmp_path):
    t = _trainer(case)
    m = model_from_trainer(t, include_data=include_data)
    path = tmp_path / "model.json"
    save_model(m, path)
    loaded = load_model(path)
    _assert_same_model(loaded, m)

    # Everything agrees with the trainer it came from.
    assert loaded.config() == t.config
    assert loaded.architecture == t.network.arch
    _assert_same_history(loaded.history(), t.history)
    for (W, b), (Wt, bt) in zip(loaded.layers, t.weights()):
        assert np.array_equal(W, Wt)
        assert (b is None) == (bt is None) and (b is None or np.array_equal(b, bt))
    assert loaded.training["epochs_done"] == t.epoch
    assert loaded.training["final_loss"] == t.last_loss
    assert loaded.classes == t.classes
    if include_data:
        _assert_same_array(loaded.data["inputs"], t.dataset.X)
        _assert_same_array(loaded.data["targets"], t.dataset.Y)

    # Predictions are exactly the trainer's.
    X = t.dataset.X
    _assert_same_array(loaded.predict(X), t.predict(X))
    net = loaded.network()
    assert net.params.dtype == np.dtype(t.config.dtype)
    if t.classes is not None:
        _assert_same_array(loaded.predict_classes(X), decode_classes(t.predict(X), t.classes))
    else:
        assert loaded.predict_classes(X) is None

    # Saving again gives the same text.
    assert dumps_model(loaded) == path.read_text(encoding="utf-8")


def test_bias_flag_and_classes_written_as_documented():
    m = model_from_trainer(_trainer("loy-nobias", 5))
    d = json.loads(dumps_model(m))
    assert d["format"] == FORMAT == "nngui-model" and d["version"] == 1 and VERSION == 2
    assert "features" not in d  # a network without input features stays a version-1 file
    assert d["architecture"] == {"sizes": [3, 4, 1], "activations": ["sigmoid", "sigmoid"], "bias": False,
                                 "loss": "sse", "classes": None}
    assert [layer["bias"] for layer in d["layers"]] == [None, None]
    assert np.array(d["layers"][0]["weights"]).shape == (3, 4)
    assert np.array(d["layers"][1]["weights"]).shape == (4, 1)
    assert d["normalization"] is None and d["data"] is None
    assert d["columns"] == {"inputs": ["x1", "x2", "x3"], "targets": ["y"]}
    assert d["training"]["epochs_done"] == 5 and d["training"]["init"] == "uniform01"
    assert d["training"]["loss_history"]["epochs"] == [1, 2, 3, 4, 5]

    c = model_from_trainer(_trainer("classes", 3))
    d = model_to_dict(c)
    assert d["architecture"]["classes"] == [0.0, 1.0, 2.0]
    assert c.classes == (0.0, 1.0, 2.0)
    assert d["columns"]["targets"] == ["y"] and d["architecture"]["sizes"][-1] == 3
    assert [len(layer["bias"]) for layer in d["layers"]] == [5, 3]


def test_text_is_indented_json_ending_in_newline():
    text = dumps_model(model_from_trainer(_trainer("bias-standard", 3)))
    assert text.endswith("}\n")
    assert '\n  "architecture": {' in text
    assert "NaN" not in text and "Infinity" not in text
    json.loads(text)


def test_resuming_from_a_loaded_model_continues_the_same_run(tmp_path):
    straight = _trainer("loy-nobias", 100)
    straight.train(50)
    first = _trainer("loy-nobias", 100)
    path = tmp_path / "half.json"
    save_model(model_from_trainer(first), path)
    m = load_model(path)
    resumed = Trainer(_loy(), m.config(), start=m.network(), normalizer=m.normalization,
                      history=m.history(), epoch=m.training["epochs_done"])
    resumed.train(50)
    _assert_same_array(resumed.network.params, straight.network.params)
    _assert_same_history(resumed.history, straight.history)
    assert resumed.epoch == straight.epoch == 150


def test_unknown_extra_fields_are_ignored():
    m = model_from_trainer(_trainer("classes", 5), include_data=True)
    d = model_to_dict(m)
    d["comment"] = "hello"
    d["future"] = {"nested": [1, 2, {"x": None}]}
    d["architecture"]["dropout"] = 0.5
    d["layers"][0]["frozen"] = True
    d["normalization"]["epsilon"] = 1e-9
    d["training"]["scheduler"] = "cosine"
    d["training"]["loss_history"]["note"] = "x"
    d["columns"]["units"] = ["cm", "cm"]
    d["data"]["weights"] = [1, 2, 3]
    loaded = loads_model(json.dumps(d))
    _assert_same_model(loaded, m)
    X = m.data["inputs"]
    _assert_same_array(loaded.predict(X), m.predict(X))


def test_training_block_may_be_missing_or_partial():
    d = model_to_dict(model_from_trainer(_trainer("bias-standard", 3)))
    del d["training"]
    m = model_from_dict(d)
    assert set(m.training) >= {"optimizer", "learning_rate", "epochs_done", "loss_history", "final_loss"}
    assert all(v is None for v in m.training.values())
    assert len(m.history()) == 0
    cfg = m.config()
    assert cfg.hidden == (4,) and cfg.activation == "tanh" and cfg.loss == "bce"
    assert cfg.learning_rate == TrainConfig().learning_rate
    d["training"] = {"seed": 3, "optimizer": "sgd"}
    m = model_from_dict(d)
    assert m.training["seed"] == 3 and m.training["epochs_done"] is None
    assert m.config().seed == 3 and m.config().optimizer == "sgd"
    d["training"] = None
    assert model_from_dict(d).training["seed"] is None
    del d["normalization"], d["data"]
    assert model_from_dict(d).normalization is None


def test_a_class_model_may_list_one_name_per_class():
    d = model_to_dict(model_from_trainer(_trainer("classes", 2)))
    d["columns"]["targets"] = ["p0", "p1", "p2"]
    assert model_from_dict(d).target_names == ("p0", "p1", "p2")
    d["columns"]["targets"] = ["p0", "p1"]
    with pytest.raises(ModelFileError, match=r"columns\.targets"):
        model_from_dict(d)


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def _valid_dict() -> dict:
    """A 2-4-1 model with biases, standard normalisation, history and data."""
    global _VALID
    if _VALID is None:
        _VALID = model_to_dict(model_from_trainer(_trainer("bias-standard", 4), include_data=True))
    return copy.deepcopy(_VALID)


_VALID: dict | None = None


def _set(path, value):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return d
    return mutate


def _delete(path):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return d
    return mutate


def _text(fn):
    """A mutation of the file's text rather than of its dict."""
    fn.text = True
    return fn


def _bias_off(d):
    d["architecture"]["bias"] = False
    d["layers"][1]["bias"] = None
    return d


DAMAGE = {
    "truncated": (_text(lambda s: s[: len(s) // 2]), "ends too early"),
    "not-json": (_text(lambda s: "nngui model, honest\n"), "line 1, column 1: not valid JSON"),
    "bad-comma": (_text(lambda s: s.replace('"version": 1,', '"version": 1,,', 1)),
                  "line 3, column 16: not valid JSON"),
    "empty": (_text(lambda s: " \n"), "the file is empty"),
    "top-level-list": (lambda d: [d], "expected a JSON object at the top level, got a list"),
    "wrong-format": (_set(["format"], "keras"),
                     "is not an nngui model file (format is 'keras', expected 'nngui-model')"),
    "no-format": (_delete(["format"]), "is not an nngui model file (it has no 'format' field"),
    "version-3": (_set(["version"], 3), "was written by a newer nngui (model format version 3); "
                                        "this version reads versions 1 to 2"),
    "version-text": (_set(["version"], "1"), "version: expected a whole number, got the text '1'"),
    "version-float": (_set(["version"], 1.0), "version: expected a whole number, got the number 1.0"),
    "missing-layers": (_delete(["layers"]), "layers: this required field is missing"),
    "missing-architecture": (_delete(["architecture"]), "architecture: this required field is missing"),
    "missing-columns": (_delete(["columns"]), "columns: this required field is missing"),
    "missing-sizes": (_delete(["architecture", "sizes"]), "architecture.sizes: this required field is missing"),
    "layer-count": (lambda d: (d["layers"].pop(), d)[1],
                    "layers: expected 2 layers for architecture.sizes [2, 4, 1], found 1"),
    "W-rows": (lambda d: (d["layers"][1]["weights"].pop(), d)[1],
               "layers[1].weights: expected 4 rows of 1 numbers (shape 4x1), found 3 rows"),
    "W-ragged": (lambda d: (d["layers"][0]["weights"][1].append(0.5), d)[1],
                 "layers[0].weights[1]: expected a row of 4 numbers (shape 2x4), found 5 numbers"),
    "W-not-list": (_set(["layers", 0, "weights"], "0.5"),
                   "layers[0].weights: expected a list of 2 rows of 4 numbers (shape 2x4), got the text '0.5'"),
    "bias-length": (lambda d: (d["layers"][0]["bias"].pop(), d)[1],
                    "layers[0].bias: expected a list of 4 numbers, found 3"),
    "bias-null": (_set(["layers", 1, "bias"], None),
                  "layers[1].bias: expected a list of 1 numbers because architecture.bias is true, got null"),
    "bias-absent": (_delete(["layers", 1, "bias"]),
                    "layers[1].bias: expected a list of 1 numbers because architecture.bias is true, got nothing"),
    "bias-unexpected": (_bias_off, "layers[0].bias: expected null because architecture.bias is false, "
                                   "got a list of 4 items"),
    "NaN-token": (_set(["layers", 0, "weights", 1, 2], float("nan")),
                  "layers[0].weights[1][2]: expected a finite number, got nan"),
    "Infinity-token": (_set(["layers", 1, "bias", 0], float("-inf")),
                       "layers[1].bias[0]: expected a finite number, got -inf"),
    "overflow": (_text(lambda s: s.replace('"bias": [', '"bias": [1e999, ', 1)),
                 "layers[0].bias: expected a list of 4 numbers, found 5"),
    "huge-int": (_set(["layers", 1, "weights", 3, 0], 10**400),
                 "layers[1].weights[3][0]: expected a finite number, but the number is too large"),
    "string-in-W": (_set(["layers", 0, "weights", 0, 1], "abc"),
                    "layers[0].weights[0][1]: expected a number, got the text 'abc'"),
    "bool-in-W": (_set(["layers", 0, "weights", 1, 0], True),
                  "layers[0].weights[1][0]: expected a number, got true (true/false are not numbers)"),
    "unknown-activation": (_set(["architecture", "activations", 0], "swish"),
                           "architecture.activations[0]: unknown value 'swish'; expected one of "
                           "sigmoid, tanh, relu, leaky_relu, linear, softmax"),
    "hidden-softmax": (_set(["architecture", "activations", 0], "softmax"),
                       "architecture.activations[0]: softmax can only be used on the output layer"),
    "unknown-loss": (_set(["architecture", "loss"], "hinge"),
                     "architecture.loss: unknown value 'hinge'; expected one of sse, mse, bce, ce"),
    "bool-size": (_set(["architecture", "sizes", 0], True),
                  "architecture.sizes[0]: expected a whole number, got true"),
    "bias-flag-number": (_set(["architecture", "bias"], 1), "architecture.bias: expected true or false"),
    "classes-length": (_set(["architecture", "classes"], [0.0, 1.0]),
                       "architecture.classes: expected a list of 1 numbers, found 2"),
    "norm-length": (lambda d: (d["normalization"]["shift"].append(0.0), d)[1],
                    "normalization.shift: expected a list of 2 numbers, found 3"),
    "norm-zero-scale": (_set(["normalization", "scale", 1], 0.0),
                        "normalization.scale[1]: is 0; a scale must not be zero"),
    "norm-kind": (_set(["normalization", "kind"], "robust"),
                  "normalization.kind: unknown value 'robust'; expected one of standard, minmax"),
    "input-names": (lambda d: (d["columns"]["inputs"].append("c"), d)[1],
                    "columns.inputs: expected 2 input column names (architecture.sizes[0] is 2), found 3"),
    "target-names": (_set(["columns", "targets"], []),
                     "columns.targets: expected 1 target column names (the network has 1 outputs), found 0"),
    "name-not-text": (_set(["columns", "inputs", 0], 7),
                      "columns.inputs[0]: expected a column name (text), got the whole number 7"),
    "data-row": (lambda d: (d["data"]["inputs"][3].pop(), d)[1],
                 "data.inputs[3]: expected a row of 2 numbers (shape 24x2), found 1 number"),
    "data-rows": (lambda d: (d["data"]["targets"].pop(), d)[1], "data.targets: expected 24 rows of 1 numbers (one per row of data.inputs), found 23 rows"),
    "training-type": (_set(["training", "learning_rate"], "fast"),
                      "training.learning_rate: expected a number, got the text 'fast'"),
    "training-optimizer": (_set(["training", "optimizer"], "lbfgs"),
                           "training.optimizer: unknown value 'lbfgs'; expected one of gd, sgd, momentum, adam"),
    "history-order": (_set(["training", "loss_history", "epochs"], [1, 3, 2, 4]),
                      "training.loss_history.epochs[2]: epochs must increase, but 2 follows 3"),
    "history-length": (lambda d: (d["training"]["loss_history"]["min"].pop(), d)[1],
                       "training.loss_history.min: expected a list of 4 numbers, found 3"),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_each_kind_of_damage_has_its_own_clear_error(name, tmp_path):
    mutate, expected = DAMAGE[name]
    if getattr(mutate, "text", False):
        text = mutate(json.dumps(_valid_dict(), indent=2))
    else:
        text = json.dumps(mutate(_valid_dict()), indent=2)  # NaN/Infinity tokens as other writers do
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert message.startswith("bad.json"), message
    assert expected in message, message
    assert isinstance(info.value, DataError) and isinstance(info.value, ValueError)
    assert info.value.file == "bad.json"
    with pytest.raises(ModelFileError) as again:
        loads_model(text, source="other.json")
    assert str(again.value) == message.replace("bad.json", "other.json", 1)


def test_error_names_the_field_and_pickles():
    d = _valid_dict()
    d["layers"][1]["weights"].pop()
    with pytest.raises(ModelFileError) as info:
        model_from_dict(d, source="model.json")
    e = info.value
    assert str(e) == "model.json: layers[1].weights: expected 4 rows of 1 numbers (shape 4x1), found 3 rows"
    assert e.field == "layers[1].weights" and e.file == "model.json"
    e2 = pickle.loads(pickle.dumps(e))
    assert type(e2) is ModelFileError and str(e2) == str(e) and e2.field == e.field


def test_default_source_and_json_location():
    with pytest.raises(ModelFileError, match=r"^model: layers: this required field is missing$"):
        d = _valid_dict()
        del d["layers"]
        model_from_dict(d)
    with pytest.raises(ModelFileError) as info:
        loads_model('{\n  "format": "nngui-model",\n  "version": 1\n  "layers": []\n}')
    assert info.value.line == 4 and info.value.column == 3


def test_unreadable_files(tmp_path):
    # The system's own words, in its language (Qt sets the C library's locale: Chinese on a Chinese system).
    reason = re.escape(os.strerror(errno.ENOENT))
    with pytest.raises(ModelFileError, match=rf"^missing\.json: the file cannot be read \({reason}\)"):
        load_model(tmp_path / "missing.json")
    with pytest.raises(ModelFileError, match=r"the file cannot be read"):
        load_model(tmp_path)
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"format": "nngui-model", "name": "caf\xe9"}')
    with pytest.raises(ModelFileError, match=r"^latin1\.json: is not an nngui model file \(byte 0xe9"):
        load_model(bad)
    png = tmp_path / "image.json"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ModelFileError, match=r"^image\.json: is not an nngui model file"):
        load_model(png)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid_dict()).encode())
    assert load_model(bom).architecture.sizes == (2, 4, 1)


def test_non_finite_weights_cannot_be_saved(tmp_path):
    m = model_from_trainer(_trainer("bias-standard", 2))
    m.layers[1][0][2, 0] = np.nan
    path = tmp_path / "nan.json"
    with pytest.raises(ModelFileError) as info:
        save_model(m, path)
    assert str(info.value).startswith("nan.json: layers[1].weights[2][0]: cannot be saved")
    assert "finite" in str(info.value)
    assert not path.exists() and os.listdir(tmp_path) == []
    with pytest.raises(ModelFileError, match=r"layers\[1\]\.weights\[2\]\[0\]"):
        dumps_model(m)
    m.layers[1][0][2, 0] = 1.0
    m.training["final_loss"] = math.inf
    with pytest.raises(ModelFileError, match=r"training\.final_loss"):
        dumps_model(m)


def test_save_is_atomic_and_oserror_propagates(tmp_path):
    m = model_from_trainer(_trainer("loy-nobias", 2))
    path = tmp_path / "m.json"
    path.write_text("old", encoding="utf-8")
    save_model(m, path)
    assert load_model(path).architecture.sizes == (3, 4, 1)
    assert os.listdir(tmp_path) == ["m.json"]
    with pytest.raises(OSError):
        save_model(m, tmp_path / "no-such-dir" / "m.json")


# ---------------------------------------------------------------------------
# The documentation
# ---------------------------------------------------------------------------


def _doc_snippet() -> str:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    chosen = [b for b in blocks if b.startswith("# nngui-model-snippet")]
    assert len(chosen) == 1, "docs/model-format.md needs one ```python block starting with # nngui-model-snippet"
    return chosen[0]


def _doc_predict():
    snippet = _doc_snippet()
    assert "nngui" not in snippet.replace("nngui-model", "").replace("# nngui-model-snippet", "")
    assert "import core" not in snippet and "from core" not in snippet
    namespace: dict = {"__name__": "snippet"}
    exec(compile(snippet, "model-format.md", "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["predict"]


@pytest.mark.parametrize("case", ["loy-nobias", "classes", "regression-minmax", "features"])
def test_doc_snippet_predicts_like_load_model(case, tmp_path):
    predict = _doc_predict()
    t = _trainer(case)
    path = tmp_path / "model.json"
    save_model(model_from_trainer(t), path)
    m = load_model(path)
    X = np.r_[t.dataset.X, t.dataset.X * 1.5 + 0.25]
    outputs, labels = predict(str(path), X)
    expected = m.predict(X)
    assert outputs.shape == expected.shape
    np.testing.assert_allclose(outputs, expected, rtol=0, atol=1e-12)
    if m.classes is None:
        assert labels is None
    else:
        np.testing.assert_array_equal(labels, m.predict_classes(X))


def test_doc_snippet_case_details():
    # The three documented cases really exercise what the snippet must handle.
    assert CASES["loy-nobias"][1].bias is False and CASES["loy-nobias"][1].activation == "sigmoid"
    c = CASES["classes"][1]
    assert (c.activation, c.output_activation, c.normalize) == ("tanh", "softmax", "standard")
    r = CASES["regression-minmax"][1]
    assert r.hidden_activations == ("relu", "leaky_relu") and r.output_activation == "linear"


def test_doc_worked_example_and_formulas(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    for name, act in ACTIVATIONS.items():
        assert f"`{name}`" in text and act.formula in text, name
    for name, loss in LOSSES.items():
        assert f"`{name}`" in text and loss.formula in text, name
    assert "(x - shift) / scale" in text and "W.T" in text
    examples = [b for b in re.findall(r"```json\n(.*?)```", text, flags=re.S) if "[w, w" not in b]
    assert len(examples) == 1
    m = loads_model(examples[0], source="example.json")
    out = m.predict([[1.0, 20.0]])
    assert out[0, 0] == 0.8175744761936437
    assert "0.8175744761936437" in text
    path = tmp_path / "example.json"
    path.write_text(examples[0], encoding="utf-8")
    outputs, labels = _doc_predict()(str(path), [[1, 20]])
    assert abs(outputs[0, 0] - out[0, 0]) < 1e-15 and labels is None


# ---------------------------------------------------------------------------
# Fuzzing: nothing but ModelFileError ever escapes
# ---------------------------------------------------------------------------

_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
)
json_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)

# NNGUI_FUZZ_EXAMPLES=5000 runs a longer fuzzing session.
FUZZ = settings(max_examples=int(os.environ.get("NNGUI_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=list(HealthCheck))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _small_valid() -> dict:
    global _SMALL
    if _SMALL is None:
        ds = Dataset(_labels().X[:6], _labels().Y[:6], ("a", "b"), ("y",), "test")
        t = Trainer(ds, TrainConfig(hidden=(2,), activation="tanh", output_activation="softmax", loss="ce",
                                    normalize="standard", epochs=3))
        t.train(3)
        _SMALL = model_to_dict(model_from_trainer(t, include_data=True))
    return copy.deepcopy(_SMALL)


_SMALL: dict | None = None
_PATHS = [p for p in _paths(_small_valid()) if p]


def _only_model_file_errors(fn, *args) -> Model | None:
    try:
        return fn(*args)
    except ModelFileError:
        return None


@FUZZ
@given(json_values)
def test_fuzz_random_json_values(value):
    _only_model_file_errors(model_from_dict, value)
    _only_model_file_errors(loads_model, json.dumps(value))


@FUZZ
@given(st.dictionaries(st.sampled_from(["format", "version", "architecture", "layers", "normalization",
                                        "training", "columns", "data"]), json_values, max_size=4),
       st.booleans())
def test_fuzz_replaced_top_level_fields(changes, keep_format):
    d = _small_valid()
    d.update(changes)
    if keep_format:
        d["format"], d["version"] = FORMAT, VERSION
    m = _only_model_file_errors(model_from_dict, d)
    if m is not None:
        assert isinstance(loads_model(dumps_model(m)), Model)


_DELETE = object()


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(_PATHS), json_values | st.just(_DELETE)), min_size=1, max_size=3))
def test_fuzz_mutated_model(mutations):
    d = _small_valid()
    for path, value in mutations:
        target = d
        try:
            for key in path[:-1]:
                target = target[key]
            if value is _DELETE:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this path
    m = _only_model_file_errors(model_from_dict, d)
    if m is not None:  # anything that loads can be saved and loaded again, unchanged
        again = loads_model(dumps_model(m))
        _assert_same_model(again, m)
    _only_model_file_errors(loads_model, json.dumps(d))


@FUZZ
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=3), st.text(max_size=3))
def test_fuzz_damaged_text(position, how, insert):
    text = json.dumps(_small_valid(), indent=1)
    i = position % (len(text) + 1)
    if how == 0:
        text = text[:i]
    elif how == 1:
        text = text[:i] + insert + text[i:]
    elif how == 2:
        text = text[:i] + text[i + 1 :]
    else:
        text = text[:i] + insert + text[i + len(insert):]
    _only_model_file_errors(loads_model, text)
    _only_model_file_errors(loads_model, text.encode("utf-8", errors="surrogatepass")[: i + 1])


def test_deeply_nested_json_is_a_model_file_error():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ModelFileError):
        loads_model(deep)
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(ModelFileError):
        model_from_dict({"format": FORMAT, "version": 1, "architecture": nested, "layers": nested})


# ---------------------------------------------------------------------------
# The validation history (training.val_history)
# ---------------------------------------------------------------------------


def _val_trainer(epochs: int, **changes) -> Trainer:
    make, cfg = CASES["bias-standard"]  # validation 0.25, adam in mini-batches
    t = Trainer(make(), cfg.replace(epochs=0, **changes))
    t.train(epochs)
    return t


@pytest.mark.parametrize("epochs", [30, 9000])  # 9000: buckets of 4 epochs (stride > 1)
def test_validation_history_round_trips_bit_for_bit(epochs, tmp_path):
    t = _val_trainer(epochs)
    assert len(t.val_history) and t.val_history.last_epoch == epochs
    assert (t.val_history.stride > 1) == (epochs > 4096)
    path = tmp_path / "m.json"
    save_model(model_from_trainer(t), path)
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["version"] == 1 and d["training"]["val_history"]["epochs"][-1] == epochs
    m = load_model(path)
    _assert_same_history(m.val_history(), t.val_history)
    _assert_same_history(m.history(), t.history)


def test_resuming_from_a_loaded_model_continues_the_validation_history(tmp_path):
    # full-batch gradient descent: the file holds all its state (no optimiser moments, no shuffles)
    straight = _val_trainer(60, optimizer="gd", learning_rate=0.5)
    half = _val_trainer(25, optimizer="gd", learning_rate=0.5)
    path = tmp_path / "half.json"
    save_model(model_from_trainer(half), path)
    m = load_model(path)
    resumed = Trainer(half.dataset, m.config(), start=m.network(), normalizer=m.normalization,
                      history=m.history(), epoch=m.epochs_done, val_history=m.val_history())
    assert resumed.progress().val_loss == half.last_val_loss
    resumed.train(35)
    _assert_same_history(resumed.val_history, straight.val_history)
    _assert_same_history(resumed.history, straight.history)


def test_a_file_without_a_validation_history_loads_and_resumes():
    t = _val_trainer(10)
    d = model_to_dict(model_from_trainer(t))
    del d["training"]["val_history"]  # as written by nngui before the field existed
    m = model_from_dict(d)
    assert len(m.val_history()) == 0 and m.training["val_history"] is None
    _assert_same_history(m.history(), t.history)
    resumed = Trainer(t.dataset, m.config(), start=m.network(), normalizer=m.normalization,
                      history=m.history(), epoch=m.epochs_done, val_history=m.val_history())
    assert resumed.progress().val_loss is None
    resumed.train(3)
    assert resumed.val_history.arrays()[0].tolist() == [11, 12, 13]


def test_a_model_without_validation_writes_a_null_validation_history():
    d = model_to_dict(model_from_trainer(_trainer("loy-nobias", 5)))
    assert d["training"]["val_history"] is None


def test_a_damaged_validation_history_is_refused_with_its_field():
    d = model_to_dict(model_from_trainer(_val_trainer(4)))
    d["training"]["val_history"]["epochs"] = [1, 3, 2, 4]
    with pytest.raises(ModelFileError, match=r"training\.val_history\.epochs\[2\]: epochs must increase"):
        model_from_dict(d)
    d["training"]["val_history"] = {"epochs": [1], "min": [0.5], "max": [0.5], "last": [float("nan")]}
    with pytest.raises(ModelFileError, match=r"training\.val_history\.last"):
        model_from_dict(d)


@pytest.mark.parametrize("shape", [(), (0,), (3,), (0, 5), (70_000,), (40_000, 12), (700, 1000), (2, 2, 70_000)])
def test_arrays_become_the_same_lists_block_by_block(shape):
    """to_lists (which lets other threads run between blocks) gives exactly what tolist() gives."""
    from core.modelfile import LIST_BLOCK, to_lists

    a = np.random.default_rng(len(shape)).normal(size=shape)
    assert to_lists(a) == a.tolist()
    assert LIST_BLOCK < 40_000 * 12  # the big shapes above really go in blocks


@pytest.mark.parametrize("shape", [(0,), (5,), (70_000,), (3, 4), (700, 1000), (140_000, 1)])
def test_number_lists_are_read_block_by_block_as_one_array(shape):
    from core.modelfile import _blocked_array

    a = np.random.default_rng(3).normal(size=shape)
    lists = a.tolist()
    got = _blocked_array(lists)
    assert got.dtype == np.float64 and got.shape == a.shape and np.array_equal(got, np.array(lists, dtype=np.float64))
    if len(shape) == 1 and shape[0] > 10:
        mixed = [1, 2.5, 3] + lists[3:]  # ints among floats, as a hand-written file may have
        assert np.array_equal(_blocked_array(mixed), np.array(mixed, dtype=np.float64))
