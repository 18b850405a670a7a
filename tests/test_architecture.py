"""The rules of docs/architecture.md that a machine can check: layers, privacy, module sizes, lazy imports."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NNGUI = ROOT / "nngui"
OPTIONAL = ("onnx", "onnxruntime", "numba", "sklearn", "torch")
# Not needed for the first paint, and slow to import (docs/performance.md, "First paint (issue 17)"): scipy
# (~0.3 s: the fused step's logistic loads on its first call), the windows and dialogs of menu actions.
DEFERRED = ("scipy", "nngui.files.animation", "nngui.files.new_data_set", "nngui.views.compare_live")


def _defined_here(tree: ast.AST) -> set[str]:
    """Underscore names this file defines: functions, classes, attributes assigned on any object."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {n for n in names if n.startswith("_")}


def private_uses(path: Path) -> list[str]:
    """``obj._name`` and ``from x import _name`` where ``_name`` belongs to another file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _defined_here(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if node.attr not in own:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("nngui", "core"):
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: from {node.module} import {a.name}"
                      for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1 and \
                isinstance(node.args[1], ast.Constant) and str(node.args[1].value).startswith("_") and \
                node.args[1].value not in own:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_module_of_the_window_touches_another_files_private_names():
    found = [use for p in sorted(NNGUI.rglob("*.py")) for use in private_uses(p)]
    assert not found, "use a public method or signal instead:\n" + "\n".join(found)


def test_the_privacy_check_finds_a_private_use(tmp_path):
    """The check above can fail: a file reaching into another object's private member is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f(window):\n    return window._report, getattr(window, '_path')\n")
    assert len(private_uses_at(bad)) == 2
    ok = tmp_path / "ok.py"
    ok.write_text("class A:\n    def __init__(self):\n        self._x = 1\n\ndef g(a):\n    return a._x\n")
    assert private_uses_at(ok) == []


def private_uses_at(path: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return private_uses(path)
    finally:
        ROOT = saved


def test_module_sizes():
    """main_window.py composes (under 500 lines); no module of the window is over 600 lines."""
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in NNGUI.rglob("*.py")}
    assert sizes["nngui/main_window.py"] < 500
    assert not {p: n for p, n in sizes.items() if n > 600}


def test_the_core_never_imports_the_window():
    for p in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] != "nngui", p
            elif isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "nngui" for a in node.names), p


def test_no_optional_dependency_is_imported_before_the_window_is_shown(tmp_path):
    """Start-up stays fast: onnx, numba, scikit-learn, torch load when first used, not to draw the window; nor
    does what the first paint does not need (DEFERRED)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from nngui.app import create_main_window\n"
        "w = create_main_window(preset='loy-xor')\n"
        "w.show(); app.processEvents()\n"
        f"print(sorted(m for m in {OPTIONAL!r} if m in sys.modules))\n"
        f"print(sorted(m for m in {DEFERRED!r} if m in sys.modules))\n"
        "w.persist_state = False; w.close()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-2:] == ["[]", "[]"], out.stdout

