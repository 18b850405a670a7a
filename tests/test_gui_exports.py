"""File > Export as Python script… and Export to ONNX… from the window.

The exported script, run in a subprocess, prints the final loss the app's trainer reaches
with the window's data and settings; the ONNX model's outputs equal the window's predictions.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu

from nngui.app import create_main_window


@pytest.fixture
def window(qtbot):
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.controller.shutdown()


def run_script(path) -> dict[str, str]:
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if _}


def train_to_end(qtbot, w):
    w.findChild(QAbstractButton, "trainButton").click()
    qtbot.waitUntil(lambda: w.controller.state in ("done", "diverged", "failed"), timeout=30000)
    assert w.controller.state == "done"


def test_menu_entries(window):
    menu = window.findChild(QMenu, "fileMenu")
    names = [a.objectName() for a in menu.actions()]
    assert "exportPythonAction" in names and "exportOnnxAction" in names
    assert names.index("exportPythonAction") > names.index("exportModelAction")
    py = window.findChild(QAction, "exportPythonAction")
    assert py.isEnabled() and "NumPy script" in py.toolTip()


@pytest.mark.parametrize("preset", ["loy-xor", "iris"])
def test_exported_script_prints_the_apps_final_loss(qtbot, window, tmp_path, preset):
    w = window
    if preset != "loy-xor":
        w.load_preset(preset)
    path = tmp_path / "net.py"
    assert w.export_python(path), w.errors
    assert "Python script saved" in w.statusBar().currentMessage()
    train_to_end(qtbot, w)  # the app trains these settings from the same first weights
    t = w.controller.trainer
    got = run_script(path)
    assert int(got["epochs"]) == t.epoch
    assert float(got["final loss"]) == pytest.approx(t.last_loss, rel=1e-9, abs=1e-15)
    # Exported after training, the script is the same one.
    path2 = tmp_path / "again.py"
    assert w.export_python(path2)
    assert path2.read_text() == path.read_text()


def test_exported_script_follows_the_settings_and_the_stop_condition(qtbot, window, tmp_path):
    w = window
    cfg = w.settings_panel.config().replace(learning_rate=2.0, stop_loss=0.02, epochs=3000)
    w.apply_config(cfg)
    train_to_end(qtbot, w)
    t = w.controller.trainer
    assert t.reached == "loss" and t.epoch < 3000
    path = tmp_path / "stop.py"
    assert w.export_python(path)
    got = run_script(path)
    assert int(got["epochs"]) == t.epoch
    assert float(got["final loss"]) == pytest.approx(t.last_loss, rel=1e-9)


def test_until_stopped_exports_where_the_app_stopped(qtbot, window, tmp_path):
    w = window
    w.apply_config(w.settings_panel.config().replace(epochs=0))
    assert not w.export_python(tmp_path / "x.py")
    assert w.errors[-1][0] == "Cannot export the Python script" and "until stopped" in w.errors[-1][1]
    assert not (tmp_path / "x.py").exists()
    assert w.step(137)
    qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 137, timeout=10000)
    assert w.export_python(tmp_path / "y.py")
    got = run_script(tmp_path / "y.py")
    assert int(got["epochs"]) == 137
    assert float(got["final loss"]) == pytest.approx(w.controller.trainer.last_loss, rel=1e-9)


def test_export_python_without_a_network_says_why(window, tmp_path):
    w = window
    m = w.data_model
    assert m.setData(m.index(0, 0), "")  # an empty cell: no trainer
    assert w.controller.trainer is None
    assert not w.export_python(tmp_path / "z.py")
    assert w.errors[-1][0] == "Cannot export the Python script"


def test_onnx_export_matches_the_apps_predictions(qtbot, window, tmp_path):
    pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    w = window
    w.load_preset("iris")
    w.step(300)
    qtbot.waitUntil(lambda: not w.controller.is_running() and w.controller.trainer.epoch == 300, timeout=10000)
    action = w.findChild(QAction, "exportOnnxAction")
    assert action.isEnabled() and "ONNX" in action.toolTip()
    path = tmp_path / "iris.onnx"
    assert w.export_onnx(path), w.errors
    assert "ONNX model saved" in w.statusBar().currentMessage()
    X = w.data_model.to_dataset().X
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    (out,) = sess.run(None, {name: X.astype(np.float32)})
    expected = w.controller.trainer.predict(X)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(w.prediction_model.predictions(), expected, rtol=1e-12)


def test_onnx_action_is_disabled_with_a_hint_without_onnx(qtbot, monkeypatch):
    import core.export_onnx

    monkeypatch.setattr(core.export_onnx, "onnx_available", lambda: False)
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    try:
        action = w.findChild(QAction, "exportOnnxAction")
        assert not action.isEnabled()
        assert "pip install nngui[onnx]" in action.toolTip()
    finally:
        w.controller.shutdown()
