"""Shared test set-up: Qt runs offscreen, with its own settings, never on a real display.

Every test also gets the window in English whatever the machine's locale (a test that
wants Chinese chooses it), and scripted answers instead of modal dialogs
(:class:`nngui.files.dialogs.Dialogs`): unsaved changes are discarded, crash recoveries
left for later, file choosers cancelled, warnings only recorded in ``window.errors``.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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


@pytest.fixture(autouse=True, scope="session")
def _english_and_no_modal_dialogs():
    """The system language is English and dialogs answer at once, for the whole session: pytest-qt
    closes a test's windows after its fixtures are gone, and a close may ask to save."""
    try:
        from nngui.files.dialogs import Dialogs
        from nngui.support import i18n
    except ImportError:  # the core's tests run without Qt
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(i18n, "system_language", lambda: "en")
        mp.setattr(Dialogs, "warn", lambda self, title, text: None)
        mp.setattr(Dialogs, "ask_save", lambda self, name: "discard")
        mp.setattr(Dialogs, "ask_restore", lambda self, item: "later")
        mp.setattr(Dialogs, "open_name", lambda self, title, start, filters: None)
        mp.setattr(Dialogs, "save_name", lambda self, title, start, filters: None)
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
