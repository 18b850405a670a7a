"""Input features (core.features): the column order, the names, the limit, training with them, the model
file (format version 2) and every export."""

from __future__ import annotations

import json
import runpy

import numpy as np
import pytest

from core.cli import main
from core.config import ConfigError, TrainConfig
from core.data import Dataset, write_csv
from core.export_python import python_script
from core.features import (FEATURES, MAX_DERIVED, FeatureError, check_width, derived_count, expand,
                           feature_names, parse_features, width)
from core.generate import generate
from core.inspect import Session
from core.modelfile import (ModelFileError, dumps_model, load_model, loads_model, model_from_dict,
                            model_from_trainer, model_to_dict, save_model)
from core.trainer import Trainer

ALL = ("squares", "products", "sin")


# ---------------------------------------------------------------------------
# The columns
# ---------------------------------------------------------------------------


def test_exact_column_order_on_three_inputs():
    X = np.array([[1.0, 2.0, 3.0],
                  [-0.5, 0.25, 4.0]])
    a, b, c = X.T
    expected = np.column_stack([
        a, b, c,                                   # the normalised inputs
        a * a, b * b, c * c,                       # squares
        a * b, a * c, b * c,                       # products, row-major (i, j ascending)
        np.sin(a), np.sin(b), np.sin(c),           # sines
    ])
    got = expand(X, ["sin", "products", "squares"])  # the order asked for does not matter
    assert got.shape == (2, 12)
    np.testing.assert_array_equal(got, expected)
    assert got[0].tolist()[:9] == [1.0, 2.0, 3.0, 1.0, 4.0, 9.0, 2.0, 3.0, 6.0]
    # Each feature alone, and none.
    np.testing.assert_array_equal(expand(X, ["products"]), np.column_stack([X, a * b, a * c, b * c]))
    np.testing.assert_array_equal(expand(X, ["squares"]), np.column_stack([X, X * X]))
    np.testing.assert_array_equal(expand(X, ["sin"]), np.column_stack([X, np.sin(X)]))
    assert expand(X, ()) is X


def test_products_of_four_inputs_are_row_major():
    X = np.array([[2.0, 3.0, 5.0, 7.0]])
    assert expand(X, ["products"])[0, 4:].tolist() == [6.0, 10.0, 14.0, 15.0, 21.0, 35.0]
    assert feature_names(["a", "b", "c", "d"], ["products"])[4:] == ["a·b", "a·c", "a·d", "b·c", "b·d", "c·d"]


def test_names_for_the_diagram():
    assert feature_names(["x1", "x2"], ALL) == ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"]
    assert feature_names(["x1", "x2", "x3"], ["sin"]) == ["x1", "x2", "x3", "sin x1", "sin x2", "sin x3"]
    assert feature_names(["u"], ALL) == ["u", "u²", "sin u"]  # one input has no pairs
    assert feature_names(["x1"], ()) == ["x1"]


@pytest.mark.parametrize("n, features, expected", [
    (2, (), 2), (2, ("squares",), 4), (3, ("products",), 6), (3, ALL, 12), (1, ("products",), 1),
    (45, ("products",), 45 + 990), (10, ALL, 10 + 10 + 45 + 10),
])
def test_width(n, features, expected):
    assert width(features, n) == expected == check_width(features, n)
    assert expand(np.zeros((3, n)), features).shape == (3, expected)
    assert len(feature_names([f"x{i}" for i in range(n)], features)) == expected


def test_absurd_requests_are_refused_with_the_numbers():
    with pytest.raises(FeatureError) as info:
        check_width(["products"], 200)
    text = str(info.value)
    assert "200 inputs" in text and "19,900" in text and "at most 1,000 derived columns" in text
    assert MAX_DERIVED == 1000
    assert derived_count(["products"], 200) == 19_900
    check_width(["products"], 45)  # 990 derived columns: allowed
    with pytest.raises(FeatureError, match="1,035 derived"):
        check_width(["products"], 46)
    with pytest.raises(FeatureError, match=r"squares \+ sin on 600 inputs would add 1,200"):
        check_width(["sin", "squares"], 600)


def test_parsing():
    assert parse_features("sin, squares") == ("squares", "sin")
    assert parse_features("squares,products,sin") == ALL
    assert parse_features("") == parse_features("none") == parse_features(" None ") == ()
    with pytest.raises(FeatureError, match="unknown feature 'cube'; expected one of squares, products, sin"):
        parse_features("squares,cube")
    with pytest.raises(FeatureError, match="listed twice"):
        parse_features("sin,sin")
    assert list(FEATURES) == list(ALL)  # the registry's order is the columns' order


def test_config_keeps_features_in_column_order_and_round_trips():
    cfg = TrainConfig(features=["sin", "squares"])
    assert cfg.features == ("squares", "sin")
    assert TrainConfig.from_dict(cfg.to_dict()) == cfg
    assert cfg.to_dict()["features"] == ["squares", "sin"]
    assert TrainConfig.from_dict({}).features == ()  # settings saved before features existed
    for bad in (("cube",), ("sin", "sin"), "squares"):
        with pytest.raises(ConfigError) as info:
            TrainConfig(features=bad).check()
        assert info.value.field == "features"


# ---------------------------------------------------------------------------
# Training with features
# ---------------------------------------------------------------------------


def _circle() -> Dataset:
    return generate("circle", rows=200, noise=0.0, seed=3)


CIRCLE = TrainConfig(hidden=(), output_activation="sigmoid", loss="bce", optimizer="adam", learning_rate=0.5,
                     epochs=3000, normalize="standard", stop_accuracy=True, features=("squares",))


def test_circle_without_hidden_layers_is_solved_by_squares():
    ds = _circle()
    t = Trainer(ds, CIRCLE)
    assert t.network.arch.sizes == (4, 1)
    t.run(chunk=100)
    assert t.training_accuracy() == 1.0 and t.reached == "accuracy"
    # Without the squares a straight line cannot do it.
    plain = Trainer(ds, CIRCLE.replace(features=(), stop_accuracy=False))
    plain.train(CIRCLE.epochs)
    assert plain.training_accuracy() < 0.8


def test_circle_with_squares_from_the_command_line(tmp_path, capsys):
    data, out = tmp_path / "circle.csv", tmp_path / "model.json"
    assert main(["generate", "circle", "--rows", "200", "--seed", "3", "--out", str(data)]) == 0
    assert main(["train", str(data), "--hidden", "none", "--features", "squares", "--normalize", "standard",
                 "--loss", "bce", "--optimizer", "adam", "--lr", "0.5", "--epochs", "3000", "--stop-accuracy",
                 "-q", "--out", str(out)]) == 0
    assert "accuracy: 100.0%" in capsys.readouterr().out
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["version"] == 2 and d["features"] == ["squares"]
    assert d["architecture"]["sizes"] == [4, 1] and d["columns"]["inputs"] == ["x1", "x2"]
    assert len(d["normalization"]["shift"]) == 2
    assert main(["evaluate", str(out), str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == 1.0


def test_trainer_feeds_the_features_after_normalisation():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 3)) * [1.0, 5.0, 0.1] + [2.0, -1.0, 0.0]
    ds = Dataset(X, (X[:, :1] > 2).astype(float), ("a", "b", "c"), ("y",))
    t = Trainer(ds, TrainConfig(hidden=(2,), normalize="standard", features=ALL, epochs=5))
    assert t.network.arch.sizes == (12, 2, 1)
    U = (X - X.mean(axis=0)) / X.std(axis=0)
    np.testing.assert_allclose(t.X, expand(U, ALL), rtol=0, atol=1e-15)
    np.testing.assert_array_equal(t.prepare(X), t.X)
    t.train(5)
    np.testing.assert_array_equal(t.predict(X), t.network.predict(t.X))
    session = Session.from_trainer(t)
    np.testing.assert_array_equal(session.prepare(X), t.X)
    assert session.n_inputs == 3


def test_trainer_refuses_absurd_features():
    ds = Dataset(np.zeros((3, 200)), np.zeros((3, 1)), tuple(f"x{i}" for i in range(200)), ("y",))
    with pytest.raises(ConfigError) as info:
        Trainer(ds, TrainConfig(features=("products",)))
    assert info.value.field == "features" and "19,900" in info.value.detail


def test_cli_refuses_absurd_features(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    write_csv(path, [f"x{i}" for i in range(200)] + ["y"], np.zeros((3, 201)))
    assert main(["train", str(path), "--features", "products", "--epochs", "1", "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: --features: products on 200 inputs would add 19,900 derived input columns "
                   "(products 19,900); at most 1,000 derived columns are allowed: choose fewer inputs "
                   "or fewer features"]


# ---------------------------------------------------------------------------
# The model file: version 2
# ---------------------------------------------------------------------------


def _trained(features=ALL, classes=False, epochs=30) -> Trainer:
    rng = np.random.default_rng(8)
    X = rng.normal(size=(40, 3)) * [2.0, 0.5, 1.0] + [1.0, 3.0, -2.0]
    if classes:
        Y = ((X[:, 0] > 1).astype(float) + (X[:, 1] > 3)).reshape(-1, 1)  # labels 0, 1, 2
        cfg = TrainConfig(hidden=(4,), activation="tanh", output_activation="softmax", loss="ce",
                          normalize="standard", learning_rate=0.3, epochs=epochs, features=features)
    else:
        Y = np.c_[X[:, 0] * X[:, 1], np.sin(X[:, 2])]
        cfg = TrainConfig(hidden=(5,), activation="tanh", output_activation="linear", loss="mse",
                          normalize="minmax", optimizer="adam", learning_rate=0.01, epochs=epochs,
                          features=features)
    t = Trainer(Dataset(X, Y, ("a", "b", "c"), ("y",) if classes else ("u", "v")), cfg)
    t.train(epochs)
    return t


def test_version_2_round_trip(tmp_path):
    t = _trained()
    m = model_from_trainer(t, include_data=True)
    assert m.features == ALL and m.version == 2 and m.n_inputs == 3
    path = tmp_path / "m.json"
    save_model(m, path)
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["version"] == 2 and d["features"] == list(ALL) and d["architecture"]["sizes"][0] == 12
    assert d["columns"]["inputs"] == ["a", "b", "c"] and len(d["data"]["inputs"][0]) == 3
    loaded = load_model(path)
    assert loaded.features == ALL and loaded.config() == t.config
    assert dumps_model(loaded) == path.read_text(encoding="utf-8")
    X = t.dataset.X
    np.testing.assert_array_equal(loaded.predict(X), t.predict(X))
    np.testing.assert_array_equal(loaded.prepare(X), t.X)


def test_a_model_without_features_stays_version_1():
    m = model_from_trainer(_trained(features=()))
    d = model_to_dict(m)
    assert d["version"] == 1 and "features" not in d
    assert m.version == 1


def _v2() -> dict:
    return model_to_dict(model_from_trainer(_trained(features=("squares", "products"))))


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(version=1), "features: input features need model format version 2, but the file "
                                    "says version 1"),
    (lambda d: d.update(features=["cube"]), "features[0]: unknown value 'cube'; expected one of squares, "
                                            "products, sin"),
    (lambda d: d.update(features=["squares", "squares"]), "features: feature 'squares' is listed twice"),
    (lambda d: d.update(features="squares"), "features: expected a list of feature names (squares, products, "
                                             "sin), got the text 'squares'"),
    (lambda d: d.update(features=["squares"]), "architecture.sizes[0]: 9 network inputs cannot come from "
                                               "features squares: 4 inputs give 8, 5 give 10"),
    (lambda d: d.update(features=["products"]), "architecture.sizes[0]: 9 network inputs cannot come from "
                                                "features products: 3 inputs give 6, 4 give 10"),
    (lambda d: d["columns"].update(inputs=["a", "b"]), "columns.inputs: expected 3 input column names "
                                                       "(architecture.sizes[0] is 9; with features squares, "
                                                       "products that is 3 inputs), found 2"),
])
def test_bad_features_are_refused_by_name(change, message):
    d = _v2()
    assert d["architecture"]["sizes"][0] == 9  # 3 inputs + 3 squares + 3 products
    change(d)
    with pytest.raises(ModelFileError) as info:
        model_from_dict(d, source="m.json")
    assert str(info.value) == "m.json: " + message


def test_same_width_other_features_is_a_valid_file():
    d = _v2()
    d["features"] = ["products", "sin"]  # also 3 + 3 + 3 = 9 columns: valid, but computes other inputs
    assert model_from_dict(d).features == ("products", "sin")


def test_version_2_without_features_and_empty_features_in_version_1_load():
    d = model_to_dict(model_from_trainer(_trained(features=())))
    d["version"] = 2
    assert model_from_dict(d).features == ()
    d["version"], d["features"] = 1, []
    assert model_from_dict(d).features == ()
    d["features"] = None
    assert model_from_dict(d).features == ()


def test_version_1_files_still_load(tmp_path):
    text = """{
      "format": "nngui-model", "version": 1,
      "architecture": {"sizes": [2, 1], "activations": ["sigmoid"], "bias": true, "loss": "bce", "classes": null},
      "layers": [{"weights": [[1.0], [-2.0]], "bias": [0.5]}],
      "normalization": {"kind": "minmax", "shift": [0.0, 1.0], "scale": [2.0, 4.0]},
      "training": {"optimizer": "gd", "learning_rate": 0.5},
      "columns": {"inputs": ["p", "q"], "targets": ["y"]},
      "data": null
    }"""
    m = loads_model(text, source="old.json")
    assert m.features == () and m.n_inputs == 2 and m.version == 1
    u = np.array([(3.0 - 0.0) / 2.0, (5.0 - 1.0) / 4.0])
    assert m.predict([[3.0, 5.0]])[0, 0] == pytest.approx(1.0 / (1.0 + np.exp(-(u[0] - 2.0 * u[1] + 0.5))), abs=1e-15)
    assert model_to_dict(m)["version"] == 1


def test_resume_keeps_the_features_and_refuses_others(tmp_path, capsys):
    t = _trained(features=("sin",), classes=True)
    path = tmp_path / "m.json"
    save_model(model_from_trainer(t, include_data=True), path)
    out = tmp_path / "m2.json"
    assert main(["train", "--init-from", str(path), "--epochs", "5", "-q", "--out", str(out)]) == 0
    m2 = load_model(out)
    assert m2.features == ("sin",) and m2.epochs_done == t.epoch + 5
    capsys.readouterr()
    assert main(["train", "--init-from", str(path), "--features", "squares", "--epochs", "1", "-q"]) == 2
    assert capsys.readouterr().err.strip() == (f"error: --features squares does not match {path}, whose "
                                               "weights expect the features sin")
    assert main(["train", "--init-from", str(path), "--features", "none", "--epochs", "1", "-q"]) == 2


def test_cli_predict_computes_the_features(tmp_path, capsys):
    t = _trained(classes=True)
    model = tmp_path / "m.json"
    save_model(model_from_trainer(t), model)
    data = tmp_path / "in.csv"
    write_csv(data, ["a", "b", "c"], t.dataset.X)
    assert main(["predict", str(model), str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "a,b,c,prob_0,prob_1,prob_2,class"
    probs = np.array([[float(v) for v in line.split(",")[3:6]] for line in lines[1:]])
    np.testing.assert_array_equal(probs, t.predict(t.dataset.X))


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("classes", [False, True])
def test_numpy_script_with_features_predicts_like_the_core(classes, tmp_path, capsys):
    t = _trained(classes=classes)
    model = model_from_trainer(t)
    source = python_script(t.dataset, model.config(), start=model.network(), normalizer=model.normalization,
                           epochs=0)
    assert "FEATURES = ['squares', 'products', 'sin']" in source
    path = tmp_path / "script.py"
    path.write_text(source, encoding="utf-8")
    ns = runpy.run_path(str(path), run_name="__main__")
    capsys.readouterr()
    X = np.r_[t.dataset.X, t.dataset.X * 1.5 + 0.25]
    np.testing.assert_allclose(ns["predict"](X), model.predict(X), rtol=0, atol=1e-12)
    assert ns["SIZES"][0] == 12


def test_numpy_script_with_features_trains_like_the_trainer(tmp_path, capsys):
    t = _trained(classes=True, epochs=25)
    source = python_script(t.dataset, t.config)
    path = tmp_path / "script.py"
    path.write_text(source, encoding="utf-8")
    runpy.run_path(str(path), run_name="__main__")
    printed = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines() if ": " in line
                   and not line.startswith(" "))
    assert float(printed["final loss"]) == pytest.approx(t.last_loss, rel=1e-9, abs=0)


@pytest.mark.parametrize("features", [ALL, ("products",), ("sin",)])
def test_onnx_computes_the_features(features, tmp_path):
    pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    from core.export_onnx import to_onnx

    t = _trained(features=features, classes=True)
    model = model_from_trainer(t)
    X = np.r_[t.dataset.X, t.dataset.X * 1.5 + 0.25]
    for dtype, tol in (("float64", 1e-12), ("float32", 1e-5)):
        path = tmp_path / f"m-{dtype}.onnx"
        proto = to_onnx(model, path, dtype=dtype)
        assert proto.graph.input[0].type.tensor_type.shape.dim[1].dim_value == 3  # the raw inputs
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        out = session.run(None, {"input": X.astype(dtype)})[0]
        np.testing.assert_allclose(out, model.predict(X), rtol=0, atol=tol)
    meta = {p.key: p.value for p in proto.metadata_props}
    assert json.loads(meta["features"]) == list(features)
