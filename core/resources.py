"""Locate the top-level ``resources/`` folder (presets, icons, styles) without Qt.

Installed, the folder is the package ``nngui.resources`` (setuptools maps it
there with ``package-dir``); in a plain source checkout that package may not be
importable, so the folder beside ``core/`` is used instead.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_SOURCE_TREE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _resources_root() -> Path:
    """The resources directory as a real filesystem path.

    A source checkout's own folder comes first: an editable install maps ``nngui.resources`` to the
    checkout it was installed from, which is not this one when running another worktree's code.
    """
    if (_SOURCE_TREE_RESOURCES / "presets").is_dir() and (_SOURCE_TREE_RESOURCES / "i18n").is_dir():
        return _SOURCE_TREE_RESOURCES
    try:
        root = importlib.resources.files("nngui.resources")
    except (ImportError, TypeError, ValueError):  # not installed, or not a package here
        return _SOURCE_TREE_RESOURCES
    if isinstance(root, Path) and root.is_dir():
        return root
    return _SOURCE_TREE_RESOURCES  # e.g. inside a zip: fall back to the source tree


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("presets", "iris.csv")``."""
    return _resources_root().joinpath(*parts)
