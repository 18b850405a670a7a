"""The C export: a header-only C99 file whose nngui_predict gives the core's outputs (to 1e-5) for raw
inputs, on every preset and every activation; compiled with the system's C compiler, warnings as errors."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

from core.cli import main as cli_main
from core.export_c import c_header
from core.modelfile import load_model, model_from_trainer, save_model
from core.presets import PRESETS, get_preset
from core.trainer import Trainer

CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
needs_cc = pytest.mark.skipif(CC is None, reason="no C compiler on this machine (cc, gcc or clang)")

HARNESS = r"""
#include <stdio.h>
#include "model.h"

int main(void)
{
    float in[NNGUI_N_INPUTS], out[NNGUI_N_OUTPUTS];
    int i;
    for (;;) {
        for (i = 0; i < NNGUI_N_INPUTS; ++i) {
            if (scanf("%f", &in[i]) != 1) {
                return 0;
            }
        }
        nngui_predict(in, out);
        for (i = 0; i < NNGUI_N_OUTPUTS; ++i) {
            printf("%.9g%c", out[i], i + 1 < NNGUI_N_OUTPUTS ? ' ' : '\n');
        }
    }
}
"""


def trained(preset: str, epochs: int = 60, **changes):
    p = get_preset(preset)
    cfg = p.config.replace(epochs=epochs, **changes)
    t = Trainer(p.dataset(), cfg)
    t.train(epochs)
    return model_from_trainer(t), p.dataset()


def c_outputs(tmp_path, header: str, X: np.ndarray) -> np.ndarray:
    (tmp_path / "model.h").write_text(header)
    (tmp_path / "main.c").write_text(HARNESS)
    exe = tmp_path / "predict"
    build = subprocess.run([CC, "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O1", "-o", str(exe),
                            str(tmp_path / "main.c"), "-lm"], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    text = "\n".join(" ".join(f"{v:.17g}" for v in row) for row in X) + "\n"
    run = subprocess.run([str(exe)], input=text, capture_output=True, text=True, check=True)
    return np.array([[float(v) for v in line.split()] for line in run.stdout.splitlines()])


@needs_cc
@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_predicts_as_the_core_does(tmp_path, preset):
    model, ds = trained(preset)
    got = c_outputs(tmp_path, c_header(model), ds.X)
    np.testing.assert_allclose(got, model.predict(ds.X), rtol=1e-5, atol=1e-5)


@needs_cc
@pytest.mark.parametrize("hidden_activation", ["relu", "leaky_relu", "tanh", "linear", "sigmoid", ("relu", "tanh")])
@pytest.mark.parametrize("normalize", ["none", "minmax", "standard"])
def test_every_activation_and_normalisation(tmp_path, hidden_activation, normalize):
    model, ds = trained("circle", epochs=30, hidden=(5, 3), activation=hidden_activation,
                        normalize=normalize, output_activation="linear", loss="mse", bias=True)
    X = ds.X * 3.0 + 0.5  # beyond the training range too
    got = c_outputs(tmp_path, c_header(model), X)
    np.testing.assert_allclose(got, model.predict(X), rtol=1e-5, atol=1e-5)


def test_the_header_names_the_columns_and_holds_the_weights_as_float_arrays():
    model, _ = trained("iris", epochs=5)
    h = c_header(model, "iris-model")
    assert h.startswith("/* iris-model: a neural network exported by nngui")
    assert "#ifndef NNGUI_IRIS_MODEL_H" in h and "#include <math.h>" in h and "malloc" not in h
    assert "sepal_length, sepal_width, petal_length, petal_width" in h
    assert "static const float nngui_w0[32]" in h and "static const float nngui_classes[3]" in h
    assert "static void nngui_predict(const float *inputs, float *outputs)" in h
    assert "nngui_sigmoid" not in h  # only what the model uses (iris: tanh and softmax)


def test_cli_writes_the_header_and_refuses_a_bad_model(tmp_path, capsys):
    model, _ = trained("loy-xor", epochs=20)
    save_model(model, tmp_path / "m.json")
    assert cli_main(["export", str(tmp_path / "m.json"), "--format", "c", "--out", str(tmp_path / "m.h")]) == 0
    assert (tmp_path / "m.h").read_text() == c_header(load_model(tmp_path / "m.json"), "m")
    (tmp_path / "bad.json").write_text("{}")
    assert cli_main(["export", str(tmp_path / "bad.json"), "--format", "c", "--out", str(tmp_path / "b.h")]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "bad.json" in err
    assert not (tmp_path / "b.h").exists()


@needs_cc
def test_file_menu_exports_the_windows_network_as_c(qtbot, tmp_path):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from helpers import shown_window

    w = shown_window(qtbot)
    try:
        w.load_preset("spiral")
        w.step(40)
        qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 40, timeout=20000)
        action = w.findChild(QAction, "exportCAction")
        assert action is not None and action in w.findChild(QMenu, "fileMenu").actions()
        assert w.export_c(tmp_path / "spiral.h"), w.errors
        assert "C header saved" in w.statusBar().currentMessage()
        X = w.data_model.to_dataset().X
        got = c_outputs(tmp_path, (tmp_path / "spiral.h").read_text(), X)
        np.testing.assert_allclose(got, w.controller.trainer.predict(X), rtol=1e-5, atol=1e-5)
        assert not w.export_c(tmp_path / "missing" / "x.h")  # a folder that is not there: said, not raised
        assert w.errors[-1][0] == "Cannot export the C header"
    finally:
        w.controller.shutdown()


@needs_cc
@pytest.mark.parametrize("features", [("squares",), ("products",), ("sin",), ("squares", "products", "sin")])
def test_input_features_are_computed_inside_the_header(tmp_path, features):
    model, ds = trained("iris", epochs=30, features=features)
    assert model.architecture.sizes[0] > 4  # the derived inputs widen the first layer
    got = c_outputs(tmp_path, c_header(model), ds.X)
    np.testing.assert_allclose(got, model.predict(ds.X), rtol=1e-5, atol=1e-5)
