"""Shared test set-up: Qt runs offscreen, with its own settings, never on a real display.

Every test also gets the window in English whatever the machine's locale (a test that
wants Chinese chooses it), and scripted answers instead of modal dialogs
(:class:`nngui.files.dialogs.Dialogs`): unsaved changes are discarded, crash recoveries
left for later, file choosers cancelled, warnings only recorded in ``window.errors``.
"""

import os
from pathlib import Path

# Offscreen, on a desktop-sized screen: Qt's default offscreen screen is 800x800 device pixels, which
# at QT_SCALE_FACTOR=2 is 400x400 logical, smaller than the windows the tests show (a mouse event
# outside every screen is then mapped wrongly and lost). 3840x2400 holds a 1280x800 window at 2x too.
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

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
def _written_models_match_the_schema(tmp_path_factory):
    """After the session, every model file the tests wrote under pytest's temporary folders (by the CLI,
    in a subprocess or not, the app, the exports; and every project's model) that nngui reads back must
    also validate against docs/nngui-model.schema.json (skipped without jsonschema)."""
    yield
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return
    from model_schema import check_folder

    checked, problems = check_folder(tmp_path_factory.getbasetemp())
    assert not problems, (f"{len(problems)} of the {checked} model files the tests wrote do not match "
                          "docs/nngui-model.schema.json:\n" + "\n".join(problems[:20]))


@pytest.fixture(autouse=True, scope="session")
def _no_modal_dialogs():
    """Dialogs answer at once, for the whole session: pytest-qt closes a test's windows after its
    fixtures are gone, and a close may ask to save."""
    try:
        from nngui.files.dialogs import Dialogs
    except ImportError:  # the core's tests run without Qt
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Dialogs, "warn", lambda self, title, text: None)
        mp.setattr(Dialogs, "ask_save", lambda self, name: "discard")
        mp.setattr(Dialogs, "ask_restore", lambda self, item: "later")
        mp.setattr(Dialogs, "open_name", lambda self, title, start, filters: None)
        mp.setattr(Dialogs, "save_name", lambda self, title, start, filters: None)
        mp.setattr(Dialogs, "ask_animation", lambda self, defaults, checkpoints, map_ok: None)
        yield


@pytest.fixture(autouse=True)
def _english_system_locale(monkeypatch):
    """The tests choose their language: an English system locale, whatever LANG the machine has.

    "System default" in View > Language then means English; a test that wants Chinese asks for it
    (``language="zh_CN"``, the menu) or patches ``QLocale.system`` itself.
    """
    try:
        from PySide6.QtCore import QLocale
    except ImportError:
        yield
        return
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(english)))
    yield


@pytest.fixture(scope="session")
def _app_defaults(qapp):
    """What the application looks like before any test changed it."""
    import weakref

    import pyqtgraph as pg
    from PySide6.QtGui import QFont, QPalette

    from nngui.main_window import MainWindow

    global _windows
    _windows = weakref.WeakSet()
    init = MainWindow.__init__

    def registered_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        _windows.add(self)

    MainWindow.__init__ = registered_init  # (for the whole session: the registry only watches)
    return {"font": QFont(qapp.font()), "palette": QPalette(qapp.palette()), "style_sheet": qapp.styleSheet(),
            "pg": dict(pg.CONFIG_OPTIONS)}


@pytest.fixture(autouse=True)
def _no_state_left_behind(request):
    """After each Qt test: close leftover windows, move the mouse away, put back the application's font,
    palette, style sheet, pyqtgraph options, language, excepthook and thread switch interval.

    The state is global by nature (one QApplication per process); without this a test would see what
    the one before it left, e.g. projector mode's bigger font or a mouse pointer resting over the diagram.
    """
    import sys

    hook, switch = sys.excepthook, sys.getswitchinterval()
    if "PySide6" not in sys.modules:  # a pure-core test: nothing of Qt's to reset
        yield
        sys.excepthook = hook
        sys.setswitchinterval(switch)
        return
    defaults = request.getfixturevalue("_app_defaults")
    # Windows already shown belong to a module's or session's fixture (set up before this one): they stay.
    shown_before = {id(w) for w in _own_windows() if w.isVisible()}
    yield
    sys.excepthook = hook
    sys.setswitchinterval(switch)
    _reset_qt(defaults, shown_before)


_windows: "weakref.WeakSet" = None  # every MainWindow made in this process (see _app_defaults)


def _own_windows() -> list:
    """The main windows made so far that still exist.

    Not ``QApplication.topLevelWidgets()``: that also wraps widgets Qt made and deleted itself (tool
    tips, menus), whose stale wrappers crashed the process (a segmentation fault) when touched.
    """
    import shiboken6

    return [w for w in list(_windows or ()) if shiboken6.isValid(w)]


def _reset_qt(defaults, shown_before) -> None:
    import pyqtgraph as pg
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    from nngui.support import i18n

    import shiboken6

    app = QApplication.instance()
    for w in _own_windows():
        if id(w) not in shown_before and shiboken6.isValid(w) and w.isVisible():
            controller = getattr(w, "controller", None)
            if controller is not None:
                controller.shutdown()
            if hasattr(w, "persist_state"):
                w.persist_state = False
            w.close()
    QCursor.setPos(QPoint(-10_000, -10_000))  # nowhere: no window shown later starts under the pointer
    _release_mouse_buttons(app)
    if i18n.current_language() != "en":
        i18n.install("en")
    if app.font() != defaults["font"]:
        app.setFont(defaults["font"])
    if app.palette() != defaults["palette"]:
        app.setPalette(defaults["palette"])
    if app.styleSheet() != defaults["style_sheet"]:
        app.setStyleSheet(defaults["style_sheet"])
    if pg.CONFIG_OPTIONS != defaults["pg"]:
        pg.setConfigOptions(**defaults["pg"])
    app.processEvents()


def _release_mouse_buttons(app) -> None:
    """A press a test left without its release stays in QGuiApplication.mouseButtons() (the widget may be
    gone): the next test's keyboard focus then looked like a mouse click (a focused button's Space trained)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    held = QGuiApplication.mouseButtons()
    if held == Qt.MouseButton.NoButton:
        return
    sink = QWidget()
    sink.setGeometry(-10_000, -10_000, 10, 10)
    sink.show()
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
        if held & button:
            QTest.mouseRelease(sink, button)
    sink.close()
    sink.deleteLater()
    app.processEvents()


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
