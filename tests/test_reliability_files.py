"""Reliability, bad model and project files, and saving that fails.

Every kind of damage, loaded through the window (load_project / import_model / open_file), gets its
own clear message (``window.errors``) and the window keeps exactly what it had: table, undo history,
settings, weights, file name and modified flag. Hypothesis fuzzes the project loader: nothing but
``DataError`` escapes. Saves that fail half-way leave the previous file as it was.
"""

from __future__ import annotations

import copy
import errno
import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import data as coredata
from core.data import DataError
from core.modelfile import ModelFileError
from nngui.files import project as projmod
from nngui.app import create_main_window


@pytest.fixture
def window(qtbot, tmp_path):
    """loy-xor trained 20 epochs, one edit on the undo stack, saved as good.nngui.json, then edited again."""
    w = create_main_window()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.controller.finished, timeout=10000):
        w.step(20)
    w.data_model.setData(w.data_model.index(0, 0), "0.25")
    assert w.save_project(tmp_path / "good.nngui.json")
    w.data_model.setData(w.data_model.index(1, 1), "0.75")
    yield w
    w.controller.shutdown()


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    """One window for the many damage cases (a refused file changes nothing, so they can share it)."""
    folder = tmp_path_factory.mktemp("damage")
    w = create_main_window(language="en")  # (made before the tests' English locale: a Chinese desktop's would win)
    w.show()
    assert w.step(20) and w.controller.wait_idle(10)
    w.data_model.setData(w.data_model.index(0, 0), "0.25")
    assert w.save_project(folder / "good.nngui.json")
    w.data_model.setData(w.data_model.index(1, 1), "0.75")
    model = folder / "m.json"
    assert w.export_model(model)
    d = json.loads(model.read_text())
    t = w.controller.trainer
    d["data"] = {"inputs": t.dataset.X.tolist(), "targets": t.dataset.Y.tolist()}
    model.write_text(json.dumps(d, indent=2))
    yield w, folder
    w.controller.shutdown()
    w.set_modified(False)
    w.close()
    w.deleteLater()


def snapshot(w):
    t = w.controller.trainer
    return {
        "names": w.data_model.names(), "roles": w.data_model.roles(), "values": w.data_model.values(),
        "undo": (w.undo_stack.count(), w.undo_stack.index()),
        "config": w.settings_panel.config(),
        "params": None if t is None else t.network.params.copy(),
        "epoch": None if t is None else t.epoch,
        "arch": w.live.arch,
        "path": w.current_path, "title": w.windowTitle(), "modified": w.is_modified(),
        "shown": w.prediction_model.predictions(),
    }


def assert_kept(w, before):
    after = snapshot(w)
    for key in ("names", "roles", "undo", "config", "epoch", "path", "title", "modified", "arch"):
        assert after[key] == before[key], key
    for key in ("values", "params", "shown"):
        np.testing.assert_array_equal(after[key], before[key], err_msg=key)


# ------------------------------------------------------------------------------------------- projects


def _text(fn):
    fn.text = True
    return fn


def _set(*path_value):
    *path, value = path_value

    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return d
    return mutate


def _delete(*path):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return d
    return mutate


def _extra_target(d):
    d["table"]["names"].append("z")
    d["table"]["roles"].append("target")
    for row in d["table"]["values"]:
        row.append(1.0)
    return d


PROJECT_DAMAGE = {
    "truncated": (_text(lambda s: s[: len(s) // 2]), ["not valid JSON", "line"]),
    "empty": (_text(lambda s: ""), ["the file is empty"]),
    "binary": (_text(lambda s: "\udcff\x00garbage"), ["not UTF-8"]),
    "not-json": (_text(lambda s: "nngui project, honest"), ["line 1, column 1: not valid JSON"]),
    "top-level-list": (lambda d: [d], ["expected a JSON object at the top level"]),
    "wrong-format": (_set("format", "keras"), ["format: is not an nngui project file", "'keras'"]),
    "model-file": (_set("format", "nngui-model"), ["format: this is a model file, not a project"]),
    "newer-version": (_set("version", 2), ["version: the file was written by a newer nngui (project version 2)"]),
    "version-text": (_set("version", "1"), ["version: expected a whole number >= 1, got the text '1'"]),
    "missing-table": (_delete("table"), ["table: expected an object with 'names', 'roles' and 'values', got null"]),
    "missing-settings": (_delete("settings"), ["settings: expected an object of training settings, got null"]),
    "missing-values": (_delete("table", "values"), ["table.values: expected a list of rows, got null"]),
    "missing-roles": (_delete("table", "roles"), ["table.roles: expected a list of 4 roles"]),
    "missing-layers": (_delete("model", "layers"), ["model.layers: this required field is missing"]),
    "ragged-row": (lambda d: (d["table"]["values"][1].pop(), d)[1],
                   ["table.values[1]: expected a row of 4 numbers or nulls, got a list of 3 items"]),
    "layer-shape": (lambda d: (d["model"]["layers"][0]["weights"].pop(), d)[1],
                    ["model.layers[0].weights: expected 3 rows of 4 numbers (shape 3x4), found 2 rows"]),
    "layer-count": (lambda d: (d["model"]["layers"].pop(), d)[1], ["model.layers: expected 2 layers"]),
    "nan-cell": (_set("table", "values", 0, 0, float("nan")), ["table.values[0][0]", "expected a finite number"]),
    "overflow-cell": (_text(lambda s: s.replace('"values": [\n', '"values": [\n[1e999, 0, 1, 0],\n', 1)),
                      ["table.values[0][0]", "expected a finite number"]),
    "inf-weight": (_set("model", "layers", 0, "weights", 0, 0, float("inf")),
                   ["model.layers[0].weights[0][0]: expected a finite number, got inf"]),
    "string-cell": (_set("table", "values", 2, 1, "x"),
                    ["table.values[2][1]", "row 3, column 'x2': expected a number or null, got the text 'x'"]),
    "bool-cell": (_set("table", "values", 2, 1, True), ["table.values[2][1]", "got true/false"]),
    "settings-type": (_set("settings", "learning_rate", "fast"), ["settings.learning_rate", "'fast'"]),
    "settings-huge": (_set("settings", "learning_rate", 10 ** 400), ["settings: a number is too large"]),
    "settings-loss": (_set("settings", "loss", "hinge"), ["settings.loss: unknown value 'hinge'"]),
    "settings-hidden": (_set("settings", "hidden", "4"), ["settings.hidden: expected a list of layer sizes"]),
    "role": (_set("table", "roles", 0, "output"), ["table.roles[0]: expected 'input' or 'target'"]),
    "duplicate-name": (_set("table", "names", 1, "x1"), ["table.names[1]: column name 'x1' appears twice"]),
    "roles-vs-weights": (_set("table", "roles", 2, "target"),
                         ["model.architecture.sizes: the weights take 3 inputs but the table has 2 input columns"]),
    "targets-vs-weights": (_extra_target, ["model.architecture.sizes: the weights give 1 outputs but the table "
                                           "has 2 target columns"]),
    "settings-vs-weights": (_set("settings", "hidden", [5]),
                            ["model.architecture: the weights are for layers [3, 4, 1]", "settings describe [3, 5, 1]"]),
}


def write_damaged(path, good_text, mutate):
    if getattr(mutate, "text", False):
        path.write_text(mutate(good_text), encoding="utf-8", errors="surrogateescape")
    else:
        path.write_text(json.dumps(mutate(json.loads(good_text))), encoding="utf-8")


@pytest.mark.parametrize("case", list(PROJECT_DAMAGE))
def test_each_damaged_project_is_refused_and_the_window_keeps_everything(shared, tmp_path, case):
    window, folder = shared
    mutate, words = PROJECT_DAMAGE[case]
    good = (folder / "good.nngui.json").read_text(encoding="utf-8")
    bad = tmp_path / f"{case}.nngui.json"
    write_damaged(bad, good, mutate)
    before = snapshot(window)
    n = len(window.errors)
    assert window.load_project(bad) is False
    assert len(window.errors) == n + 1
    title, text = window.errors[-1]
    assert title == "Cannot open the project"
    assert text.startswith(f"{case}.nngui.json"), text
    for word in words:
        assert word in text, (word, text)
    assert_kept(window, before)
    if case != "model-file":  # open_file sends a model file to the model loader
        assert window.open_file(bad) is False
        assert window.errors[-1][1] == text
        assert_kept(window, before)


def test_after_refused_files_the_window_is_still_usable(shared, qtbot):
    window, folder = shared
    assert window.load_project(folder / "good.nngui.json")
    assert window.data_model.values()[0, 0] == 0.25 and window.controller.trainer.epoch == 20
    with qtbot.waitSignal(window.controller.finished, timeout=10000):
        window.step(10)
    assert window.controller.trainer.epoch == 30


def test_every_kind_of_project_damage_has_its_own_message(shared, tmp_path):
    good = (shared[1] / "good.nngui.json").read_text(encoding="utf-8")
    messages = {}
    for case, (mutate, _words) in PROJECT_DAMAGE.items():
        bad = tmp_path / "same-name.nngui.json"
        write_damaged(bad, good, mutate)
        with pytest.raises(DataError) as info:
            projmod.load_project(bad)
        messages[case] = str(info.value)
    assert len(set(messages.values())) == len(PROJECT_DAMAGE), messages


def test_unknown_class_in_a_class_project(qtbot, tmp_path):
    w = create_main_window(preset="iris")
    qtbot.addWidget(w)
    try:
        path = tmp_path / "iris.nngui.json"
        assert w.save_project(path)
        d = json.loads(path.read_text())
        d["table"]["values"][0][-1] = 7
        bad = tmp_path / "classes.nngui.json"
        bad.write_text(json.dumps(d))
        before = snapshot(w)
        assert not w.load_project(bad)
        assert "class 7, which the weights do not know (0, 1, 2)" in w.errors[-1][1]
        assert_kept(w, before)
    finally:
        w.controller.shutdown()


def test_unreadable_and_missing_project_files(shared, tmp_path):
    window = shared[0]
    before = snapshot(window)
    assert not window.load_project(tmp_path / "missing.nngui.json")
    assert "missing.nngui.json: the file cannot be read" in window.errors[-1][1]
    assert not window.load_project(tmp_path)  # a folder
    assert "cannot be read" in window.errors[-1][1]
    assert_kept(window, before)


# ------------------------------------------------------------------------------------------- model files

MODEL_DAMAGE = {
    "truncated": (_text(lambda s: s[: len(s) // 2]), ["ends too early"]),
    "newer-version": (_set("version", 3), ["was written by a newer nngui (model format version 3)"]),
    "missing-layers": (_delete("layers"), ["layers: this required field is missing"]),
    "missing-architecture": (_delete("architecture"), ["architecture: this required field is missing"]),
    "layer-shape": (lambda d: (d["layers"][1]["weights"].pop(), d)[1],
                    ["layers[1].weights: expected 4 rows of 1 numbers (shape 4x1), found 3 rows"]),
    "nan-weight": (_set("layers", 0, "weights", 1, 2, float("nan")),
                   ["layers[0].weights[1][2]: expected a finite number, got nan"]),
    "string-weight": (_set("layers", 0, "weights", 0, 1, "abc"),
                      ["layers[0].weights[0][1]: expected a number, got the text 'abc'"]),
    "bool-size": (_set("architecture", "sizes", 0, True), ["architecture.sizes[0]: expected a whole number, got true"]),
    "data-vs-weights": (lambda d: (d["data"]["inputs"][2].pop(), d)[1],
                        ["data.inputs[2]: expected a row of 3 numbers"]),
    "unknown-activation": (_set("architecture", "activations", 0, "swish"),
                           ["architecture.activations[0]: unknown value 'swish'"]),
}


@pytest.mark.parametrize("case", list(MODEL_DAMAGE))
def test_each_damaged_model_file_is_refused_and_the_window_keeps_everything(shared, tmp_path, case):
    window, folder = shared
    model_text = (folder / "m.json").read_text()
    assert json.loads(model_text)["format"] == "nngui-model"
    mutate, words = MODEL_DAMAGE[case]
    bad = tmp_path / f"{case}.json"
    write_damaged(bad, model_text, mutate)
    before = snapshot(window)
    assert window.import_model(bad) is False
    title, text = window.errors[-1]
    assert title == "Cannot import the weights" and text.startswith(f"{case}.json"), text
    for word in words:
        assert word in text, (word, text)
    assert_kept(window, before)
    assert window.open_file(bad) is False
    assert window.errors[-1][1].startswith(f"{case}.json")
    assert_kept(window, before)


def test_a_model_that_does_not_fit_the_table_is_refused(window, tmp_path):
    window.load_preset("xor")
    with_data = tmp_path / "xor.json"
    assert window.export_model(with_data)  # 2 inputs; exported without data
    window.load_preset("loy-xor")
    before = snapshot(window)
    assert not window.import_model(with_data)
    text = window.errors[-1][1]
    assert "The model takes 2 inputs" in text and "3 input" in text and "holds no data" in text
    assert_kept(window, before)


# ------------------------------------------------------------------------------------------- fuzzing

_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text(max_size=6))
json_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=16,
)
FUZZ = settings(max_examples=int(os.environ.get("NNGUI_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=list(HealthCheck))

_VALID: dict | None = None


def valid_project() -> dict:
    global _VALID
    if _VALID is None:
        from core.modelfile import model_from_trainer
        from core.presets import get_preset
        from core.trainer import Trainer

        p = get_preset("xor")
        t = Trainer(p.dataset(), p.config)
        t.train(5)
        ds = t.dataset
        proj = projmod.Project(["x1", "x2", "y"], ["input", "input", "target"], np.hstack([ds.X, ds.Y]),
                               t.config, model_from_trainer(t), {"log_scale": True})
        _VALID = json.loads(projmod.dumps_project(proj))
    return copy.deepcopy(_VALID)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


_PATHS = [p for p in _paths(valid_project()) if p]
_DELETE = object()


def only_data_errors(fn, *args):
    try:
        return fn(*args)
    except DataError as exc:
        assert str(exc).startswith("project") or str(exc).startswith("fuzz"), str(exc)
        return None


def test_view_values_that_cannot_be_saved_again_are_dropped_on_load():
    """Found by the fuzz test below: {"view": {"log_scale": Infinity}} loaded, then Save failed."""
    d = valid_project()
    d["view"] = {"log_scale": float("inf"), "speed": 25.0, "deep": {"a": [1, float("nan")]}, "row": 3}
    p = projmod.project_from_dict(d)
    assert p.view == {"speed": 25.0, "row": 3}
    again = projmod.loads_project(projmod.dumps_project(p))
    assert again.view == p.view


@FUZZ
@given(json_values)
def test_fuzz_project_loader_with_random_json(value):
    only_data_errors(projmod.project_from_dict, value)
    only_data_errors(projmod.loads_project, json.dumps(value))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(_PATHS), json_values | st.just(_DELETE)), min_size=1, max_size=3))
def test_fuzz_project_loader_with_mutated_projects(mutations):
    d = valid_project()
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
            continue
    p = only_data_errors(projmod.project_from_dict, d)
    if p is not None:  # whatever loads can be saved and loaded again
        again = projmod.loads_project(projmod.dumps_project(p))
        assert again.names == p.names and again.config == p.config
        np.testing.assert_array_equal(again.values, p.values)
    only_data_errors(projmod.loads_project, json.dumps(d))


@FUZZ
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=3), st.text(max_size=3))
def test_fuzz_project_loader_with_damaged_text(position, how, insert):
    text = json.dumps(valid_project(), indent=1)
    i = position % (len(text) + 1)
    if how == 0:
        text = text[:i]
    elif how == 1:
        text = text[:i] + insert + text[i:]
    elif how == 2:
        text = text[:i] + text[i + 1:]
    else:
        text = text[:i] + insert + text[i + len(insert):]
    only_data_errors(projmod.loads_project, text)
    only_data_errors(projmod.loads_project, text.encode("utf-8", errors="surrogatepass")[: i + 1])


def test_deeply_nested_project_is_a_data_error():
    with pytest.raises(DataError):
        projmod.loads_project("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DataError):
        projmod.loads_project('{"format": "nngui-project", "version": 1, "table": ' + "[" * 50_000 + "]" * 50_000 + "}")


# ------------------------------------------------------------------------------------------- saving


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_a_save_that_fails_half_way_keeps_the_previous_file(window, tmp_path, monkeypatch, where):
    good = tmp_path / "good.nngui.json"
    old_bytes = good.read_bytes()
    listing = files_in(tmp_path)
    before = snapshot(window)

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "replace":
        monkeypatch.setattr(coredata.os, "replace", fail)
    elif where == "fsync":
        monkeypatch.setattr(coredata.os, "fsync", fail)
    else:
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, handle):
                self.handle = handle

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                raise OSError(errno.EIO, "Input/output error")

            def __getattr__(self, name):
                return getattr(self.handle, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

        monkeypatch.setattr(coredata.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    assert window.save() is False
    title, text = window.errors[-1]
    assert title == "Cannot save the project" and "good.nngui.json" in text
    if where != "write":
        assert "disk is full" in text
    assert good.read_bytes() == old_bytes  # the previous file, intact
    assert files_in(tmp_path) == listing  # no temporary file left behind
    assert_kept(window, before)  # still modified, same file name: nothing pretends it was saved
    monkeypatch.undo()
    assert window.save()
    assert projmod.load_project(good).values[1, 1] == 0.75


def test_saving_into_a_missing_folder_says_so(window, tmp_path):
    before = snapshot(window)
    target = tmp_path / "no" / "such" / "folder" / "p.nngui.json"
    assert not window.save_project(target)
    text = window.errors[-1][1]
    assert "p.nngui.json" in text and "does not exist" in text and str(tmp_path / "no" / "such" / "folder") in text
    assert_kept(window, before)


def test_saving_under_a_regular_file_says_it_is_not_a_folder(window, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    before = snapshot(window)
    assert not window.save_project(tmp_path / "notes.txt" / "p.nngui.json")
    text = window.errors[-1][1]
    assert "notes.txt is a file, not a folder" in text
    assert_kept(window, before)


def test_saving_into_a_read_only_folder_says_so(window, tmp_path, monkeypatch):
    ro = tmp_path / "readonly"
    ro.mkdir()
    real_open = os.open

    def guarded_open(path, flags, *args):
        if os.path.dirname(os.path.abspath(path)) == str(ro) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(coredata.os, "open", guarded_open)
    before = snapshot(window)
    assert not window.save_project(ro / "p.nngui.json")
    text = window.errors[-1][1]
    assert "permission denied" in text and "read-only" in text and str(ro) in text
    assert_kept(window, before)
    assert files_in(ro) == []


def test_saving_into_a_system_folder(window):
    # Root may write almost anywhere; /sys refuses new files even to root (sysfs).
    before = snapshot(window)
    assert not window.save_project("/sys/nngui-test.nngui.json")
    assert "read-only" in window.errors[-1][1] or "does not accept new files" in window.errors[-1][1]
    assert_kept(window, before)


@pytest.mark.parametrize("export", ["export_model", "export_csv", "export_predictions"])
def test_exports_that_fail_keep_the_previous_file(window, tmp_path, monkeypatch, export):
    target = tmp_path / f"out-{export}.csv"
    assert getattr(window, export)(target)
    old = target.read_bytes()

    def fail(*args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(coredata.os, "replace", fail)
    assert not getattr(window, export)(target)
    assert "read-only disk" in window.errors[-1][1]
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_model_file_errors_are_data_errors():
    # The window catches DataError for projects and ModelFileError (a DataError) for model files.
    assert issubclass(ModelFileError, DataError)
