"""The published JSON Schema of the model file (docs/nngui-model.schema.json), versions 1 and 2.

Besides these tests, conftest.py checks every model file the whole test suite wrote (see
tests/model_schema.py) against the schema at the end of the session.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("jsonschema")

from model_schema import SCHEMA_PATH, check_folder, schema_errors, validator  # noqa: E402

from core.cli import main  # noqa: E402
from core.modelfile import ModelFileError, loads_model, model_from_dict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "model-format.md"


def _cli_models(tmp_path: Path) -> dict[str, dict]:
    """Model files written by the command line with many settings, parsed."""
    runs = {
        "loy": ["--preset", "loy-xor", "--epochs", "20"],
        "spiral-validation-data": ["--preset", "spiral", "--epochs", "15", "--validation", "0.2", "--include-data",
                                   "--normalize", "standard", "--batch-size", "32"],
        "iris-float32": ["--preset", "iris", "--epochs", "10", "--dtype", "float32"],
        "circle-features": ["--preset", "circle", "--hidden", "none", "--features", "squares,products,sin",
                            "--epochs", "10", "--stop-loss", "0.001"],
        "regression": [str(tmp_path / "plane.csv"), "--output-activation", "linear", "--loss", "mse",
                       "--normalize", "minmax", "--optimizer", "momentum", "--epochs", "10", "--features", "sin"],
    }
    assert main(["generate", "plane", "--rows", "30", "--noise", "0.1", "--out", str(tmp_path / "plane.csv")]) == 0
    out = {}
    for name, argv in runs.items():
        path = tmp_path / f"{name}.json"
        assert main(["train", *argv, "-q", "--out", str(path)]) == 0, name
        out[name] = json.loads(path.read_text(encoding="utf-8"))
    resumed = tmp_path / "resumed.json"
    assert main(["train", "--init-from", str(tmp_path / "spiral-validation-data.json"), "--epochs", "5", "-q",
                 "--out", str(resumed)]) == 0
    out["resumed"] = json.loads(resumed.read_text(encoding="utf-8"))
    return out


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator()  # checks the schema itself


def test_the_documentation_links_the_schema():
    text = DOC.read_text(encoding="utf-8")
    assert "(nngui-model.schema.json)" in text


def test_every_cli_model_file_validates(tmp_path, capsys):
    models = _cli_models(tmp_path)
    versions = {name: d["version"] for name, d in models.items()}
    assert versions == {"loy": 1, "spiral-validation-data": 1, "iris-float32": 1, "circle-features": 2,
                        "regression": 2, "resumed": 1}
    for name, d in models.items():
        assert schema_errors(d) == [], name
    checked, problems = check_folder(tmp_path)
    assert (checked, problems) == (len(models), [])


def test_earlier_version_1_files_validate():
    # The worked example of docs/model-format.md, and a minimal file of the first release (no training
    # section, no optional fields, a layer without "bias" when there are no biases).
    example = [b for b in re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
               if "[w, w" not in b]
    minimal = {"format": "nngui-model", "version": 1,
               "architecture": {"sizes": [2, 1], "activations": ["sigmoid"], "bias": False, "loss": "sse"},
               "layers": [{"weights": [[0.5], [-0.5]]}],
               "columns": {"inputs": ["a", "b"], "targets": ["y"]}}
    for d in [json.loads(example[0]), minimal]:
        model_from_dict(d)  # nngui reads it
        assert schema_errors(d) == []


def test_a_newer_training_field_is_allowed():
    d = _valid()
    d["training"].update(l2=0.01, l1=0.0, schedule="cosine", best_epoch=7)  # fields a later nngui may add
    assert schema_errors(d) == []
    d["something_new"] = {"any": "thing"}  # readers ignore fields they do not know
    assert schema_errors(d) == []


_VALID: dict | None = None


def _valid() -> dict:
    global _VALID
    if _VALID is None:
        from core.config import TrainConfig
        from core.generate import generate
        from core.modelfile import model_from_trainer, model_to_dict
        from core.trainer import Trainer

        t = Trainer(generate("xor", 40, 0.0), TrainConfig(hidden=(3,), normalize="standard", epochs=5,
                                                          validation=0.25, features=("squares", "products")))
        t.train(5)
        _VALID = model_to_dict(model_from_trainer(t, include_data=True))
    return copy.deepcopy(_VALID)


def _set(path, value):
    def change(d):
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value
    return change


def _delete(path):
    def change(d):
        for key in path[:-1]:
            d = d[key]
        del d[path[-1]]
    return change


BAD = {
    "version-1-with-features": _set(["version"], 1),
    "version-3": _set(["version"], 3),
    "version-text": _set(["version"], "2"),
    "format": _set(["format"], "keras"),
    "no-architecture": _delete(["architecture"]),
    "no-layers": _delete(["layers"]),
    "no-columns": _delete(["columns"]),
    "size-0": _set(["architecture", "sizes", 1], 0),
    "size-too-big": _set(["architecture", "sizes", 1], 5000),
    "one-size": _set(["architecture", "sizes"], [4]),
    "unknown-activation": _set(["architecture", "activations", 0], "swish"),
    "unknown-loss": _set(["architecture", "loss"], "hinge"),
    "bias-text": _set(["architecture", "bias"], "yes"),
    "weight-text": _set(["layers", 0, "weights", 0, 0], "1.5"),
    "weight-bool": _set(["layers", 0, "weights", 0, 0], True),
    "unknown-feature": _set(["features"], ["cube"]),
    "feature-twice": _set(["features"], ["squares", "squares"]),
    "features-text": _set(["features"], "squares"),
    "zero-scale": _set(["normalization", "scale", 0], 0),
    "unknown-kind": _set(["normalization", "kind"], "robust"),
    "negative-lr": _set(["training", "learning_rate"], -1.0),
    "validation-1": _set(["training", "validation"], 1.0),
    "unknown-optimizer": _set(["training", "optimizer"], "rmsprop"),
    "history-without-last": _delete(["training", "loss_history", "last"]),
    "negative-l2": _set(["training", "l2"], -0.1),
    "l1-text": _set(["training", "l1"], "0.1"),
    "unknown-schedule": _set(["training", "schedule"], "warmup"),
    "step-without-every": _set(["training", "schedule"], "step:0.5"),
    "negative-patience": _set(["training", "early_stopping"], -1),
    "best-epoch-0": _set(["training", "best_epoch"], 0),
    "column-number": _set(["columns", "inputs", 0], 1),
    "data-row-text": _set(["data", "inputs", 0], "1,2"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_the_schema_refuses_what_nngui_refuses(case):
    d = _valid()
    assert schema_errors(d) == [] and d["version"] == 2
    BAD[case](d)
    assert schema_errors(d), case
    with pytest.raises(ModelFileError):
        model_from_dict(d)


def test_the_round_trip_text_validates():
    d = _valid()
    text = json.dumps(d)
    assert schema_errors(json.loads(text)) == [] and loads_model(text).features == ("squares", "products")
