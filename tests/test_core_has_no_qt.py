"""`core` must stay pure NumPy: importing all of it loads no Qt module."""

import subprocess
import sys

CODE = """
import sys, pkgutil, importlib, core
for m in pkgutil.iter_modules(core.__path__):
    if m.name != '__main__':
        importlib.import_module('core.' + m.name)
bad = sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'pyqtgraph', 'shiboken6', 'superqt'))
print(','.join(bad))
"""


def test_importing_every_core_module_loads_no_qt():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
