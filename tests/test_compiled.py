"""The optional compiled loop (numba) agrees with the NumPy path and is used only where it should be."""

import subprocess
import sys

import numpy as np
import pytest

from core import compiled
from core.config import TrainConfig
from core.data import Dataset
from core.presets import get_preset
from core.trainer import Trainer

needs_numba = pytest.mark.skipif(not compiled.available(), reason="numba not installed (pip install nngui[fast])")


def _pair(ds, cfg):
    fast, numpy_only = Trainer(ds, cfg), Trainer(ds, cfg)
    numpy_only._compiled = None
    return fast, numpy_only


@needs_numba
def test_loy_xor_uses_the_compiled_loop_and_agrees_to_1e_12():
    preset = get_preset("loy-xor")
    fast, ref = _pair(preset.dataset(), preset.config)
    assert fast._compiled is not None
    fast.run(chunk=500)
    ref.run(chunk=500)
    np.testing.assert_allclose(fast.network.params, ref.network.params, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(fast.history.arrays()[3], ref.history.arrays()[3], rtol=1e-12)


@needs_numba
@pytest.mark.parametrize("hidden_act,out_act,loss", [
    ("tanh", "sigmoid", "bce"), ("relu", "softmax", "ce"), ("leaky_relu", "linear", "mse"),
    ("sigmoid", "tanh", "sse"), ("linear", "relu", "mse")])
@pytest.mark.parametrize("bias", [True, False])
def test_every_supported_combination_agrees(hidden_act, out_act, loss, bias):
    rng = np.random.default_rng(2)
    X = rng.normal(size=(9, 3))
    if loss == "ce":
        Y = rng.integers(0, 3, (9, 1)).astype(float)
    elif loss == "bce":
        Y = rng.integers(0, 2, (9, 1)).astype(float)
    else:
        Y = rng.normal(size=(9, 2))
    ds = Dataset(X, Y, ("a", "b", "c"), tuple(f"y{i}" for i in range(Y.shape[1])))
    cfg = TrainConfig(hidden=(4, 3), activation=hidden_act, output_activation=out_act, loss=loss, bias=bias,
                      learning_rate=0.05, epochs=50)  # short: some of these runs amplify rounding later
    fast, ref = _pair(ds, cfg)
    assert fast._compiled is not None
    fast.run(chunk=20)
    ref.run(chunk=50)
    np.testing.assert_allclose(fast.network.params, ref.network.params, rtol=1e-12, atol=1e-14)


@needs_numba
def test_not_used_for_big_nets_mini_batches_other_optimisers_or_float32():
    preset = get_preset("loy-xor")
    ds = preset.dataset()
    assert Trainer(ds, preset.config.replace(optimizer="adam"))._compiled is None
    assert Trainer(ds, preset.config.replace(dtype="float32"))._compiled is None
    assert Trainer(ds, preset.config.replace(optimizer="sgd", batch_size=2))._compiled is None
    assert Trainer(ds, preset.config.replace(hidden=(64, 64, 64)))._compiled is None
    assert Trainer(get_preset("spiral").dataset(), get_preset("spiral").config.replace(optimizer="gd"))._compiled is None


def test_falls_back_silently_without_numba():
    code = ("import os; os.environ['NNGUI_NO_NUMBA'] = '1'\n"
            "from core import compiled; from core.presets import get_preset; from core.trainer import Trainer\n"
            "p = get_preset('loy-xor'); t = Trainer(p.dataset(), p.config); r = t.run()\n"
            "print(compiled.available(), t._compiled is None, r.loss < 0.01)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True"] and out.stderr == ""


@needs_numba
def test_falls_back_to_numpy_when_numba_is_installed_but_does_not_load(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name.split(".")[0] == "numba":
            raise ImportError("Numba needs an older NumPy")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(compiled, "_state", {"loaded": False, "failed": False})
    monkeypatch.setattr(builtins, "__import__", broken)
    preset = get_preset("loy-xor")
    t = Trainer(preset.dataset(), preset.config)
    assert t._compiled is not None and t.releases_gil  # numba is installed: the loop is planned
    p = t.run()
    assert t._compiled is None and not t.releases_gil and p.loss < 0.01
    assert not compiled.available() and not compiled.supports(t.network, 4, True)
