"""Optional dependencies load on first use: importing the core loads none of them."""

import subprocess
import sys

OPTIONAL = ("onnx", "onnxruntime", "numba", "sklearn", "torch")

CODE = f"""
import sys
import core.trainer, core.cli, core.export_onnx, core.export_python, core.modelfile
from core import compiled, export_onnx
from core.presets import get_preset
from core.trainer import Trainer
compiled.available(), export_onnx.onnx_available()  # asking does not import either
p = get_preset("loy-xor")
Trainer(p.dataset(), p.config)  # nor does creating a Trainer (its first epochs may)
print(",".join(sorted(k for k in sys.modules if k.split(".")[0] in {OPTIONAL!r})))
"""


def test_importing_the_core_loads_no_optional_dependency():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "" and out.stderr == ""
