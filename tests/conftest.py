"""Shared test set-up: Qt runs offscreen, with its own settings, never on a real display."""

import os
from pathlib import Path

# Offscreen, on a desktop-sized screen: Qt's default offscreen screen is 800x800 device pixels, which
# at QT_SCALE_FACTOR=2 is 400x400 logical, smaller than the windows the tests show (a mouse event
# outside every screen is then mapped wrongly and lost). 3840x2400 holds a 1280x800 window at 2x too.
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("NNGUI_TESTING", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Each test gets its own QSettings and data folders, so no test sees another's recent files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:  # Qt reads XDG_CONFIG_HOME once per process: point QSettings at this test's folder too
        from PySide6.QtCore import QSettings
    except ImportError:
        yield
        return
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield


def _make_window(qtbot, preset):
    from nngui.app import create_main_window

    w = create_main_window(preset=preset)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


@pytest.fixture
def window(qtbot):
    """The main window with the loy-xor preset, shown offscreen; its training thread is joined after."""
    w = _make_window(qtbot, "loy-xor")
    yield w
    w.controller.shutdown()


@pytest.fixture
def empty_window(qtbot):
    """The main window with no preset loaded."""
    w = _make_window(qtbot, None)
    yield w
    w.controller.shutdown()
