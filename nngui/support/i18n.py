"""Translations: Qt's ``tr()`` with a shipped Simplified Chinese catalogue, chosen from the system locale or a menu.

- User-visible strings are written ``self.tr("...")`` (the class is the context, as
  ``pyside6-lupdate`` extracts it) or ``translate("Context", "...")``. Placeholders are
  Qt's ``%1``, ``%2`` filled with :func:`fmt` (never f-strings inside ``tr``: lupdate
  would extract the unformatted braces).
- :func:`translated` returns a :class:`TrText`, a ``str`` that remembers its source text, so
  a :class:`Retranslator` can set every remembered label again after the language
  changes at run time (no restart needed).
- The catalogues are ``resources/i18n/nngui_<lang>.ts`` (edited by people) compiled to
  ``.qm`` (loaded at run time) by ``python resources/i18n/update_translations.py``.
- The choice is stored in ``QSettings`` under ``view/language``: ``"system"`` (the
  default: Simplified Chinese when the system's UI language is, English otherwise),
  ``"en"`` or ``"zh_CN"``. (The tests choose their language themselves: ``tests/conftest.py``
  gives them an English system locale, whatever the machine's.)
"""

from __future__ import annotations

import weakref
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

from core.resources import resource_path

from nngui.support.settings import app_settings

SETTINGS_KEY = "view/language"
SYSTEM = "system"
# Language code -> its own name (a language menu lists languages in their own language).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
CATALOGUE = "nngui"

_installed: list[QTranslator] = []
_current = "en"


class TrText(str):
    """A translated text that remembers its context and source (English) text."""

    context: str
    source: str
    disambiguation: str | None
    n: int

    def __new__(cls, text: str, context: str, source: str, disambiguation: str | None = None, n: int = -1):
        obj = super().__new__(cls, text)
        obj.context, obj.source, obj.disambiguation, obj.n = context, source, disambiguation, n
        return obj

    def again(self) -> "TrText":
        """The same source translated with the translators installed now."""
        return translated(self.context, self.source, self.disambiguation, self.n)


def translated(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> TrText:
    """``QCoreApplication.translate`` that returns a :class:`TrText` (lupdate finds literal
    ``translate("Context", "text")`` calls; use this name for texts held in variables)."""
    text = QCoreApplication.translate(context, source, disambiguation, n)
    return TrText(text, context, source, disambiguation, n)


translate = translated  # the name pyside6-lupdate extracts: translate("Context", "literal text")


def fmt(text: str, *args) -> str:
    """Fill Qt-style placeholders ``%1`` .. ``%9`` (highest first, so ``%1`` never eats ``%10``)."""
    out = str(text)
    for i in range(len(args), 0, -1):
        out = out.replace(f"%{i}", str(args[i - 1]))
    return out


class Retranslator:
    """Remembers (object, setter, TrText) triples and applies them again after a language change.

    ``keep(obj, "setText", text)`` returns ``text`` unchanged; a setter may also be a
    callable ``f(obj, translated_text)`` (e.g. a tooltip that appends a shortcut).
    Plain ``str`` texts are not remembered (they are not translatable).
    """

    def __init__(self) -> None:
        self._items: list[tuple[weakref.ref | Callable[[], object], object, TrText]] = []

    def keep(self, obj: QObject, setter, text):
        if isinstance(text, TrText):
            try:
                ref = weakref.ref(obj)
            except TypeError:  # pragma: no cover - every QObject supports weak references
                ref = lambda o=obj: o  # noqa: E731
            self._items.append((ref, setter, text))
        return text

    def __len__(self) -> int:
        return len(self._items)

    def apply(self) -> None:
        alive = []
        for ref, setter, text in self._items:
            obj = ref()
            if obj is None:
                continue
            new = text.again()
            try:
                if callable(setter):
                    setter(obj, new)
                else:
                    getattr(obj, setter)(new)
            except RuntimeError:  # the C++ object is gone
                continue
            alive.append((ref, setter, new))
        self._items = alive


# ---------------------------------------------------------------------------- choosing and loading


def system_language() -> str:
    """The shipped language matching the system's UI languages ("en" when none does)."""
    return detect_system_language(QLocale.system())


def detect_system_language(locale: QLocale) -> str:
    """The shipped language for ``locale``'s UI languages ("en" when none is shipped)."""
    for name in locale.uiLanguages():
        code = name.replace("-", "_")
        if code in ("zh_CN", "zh_Hans", "zh_SG") or code.startswith("zh_Hans"):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def _settings() -> QSettings:
    return app_settings()


def saved_choice() -> str:
    """The language chosen in the menu ("system" when none)."""
    value = _settings().value(SETTINGS_KEY, SYSTEM)
    value = str(value) if value else SYSTEM
    return value if value == SYSTEM or value in LANGUAGES else SYSTEM


def save_choice(choice: str) -> None:
    s = _settings()
    s.setValue(SETTINGS_KEY, choice if choice == SYSTEM or choice in LANGUAGES else SYSTEM)
    s.sync()


def resolve(choice: str) -> str:
    """A language code for a menu choice ("system" follows the system's locale)."""
    if choice == SYSTEM:
        return system_language()
    return choice if choice in LANGUAGES else "en"


def catalogue_path(language: str) -> str:
    return str(resource_path("i18n", f"{CATALOGUE}_{language}.qm"))


def current_language() -> str:
    """The language whose translators are installed ("en": none)."""
    return _current


def install(language: str) -> bool:
    """Install the translators for ``language`` (removing the previous ones); False when not found.

    English needs no catalogue. Qt's own strings (standard buttons, dialogs) come from
    Qt's ``qtbase``/``qt`` catalogues when they are present.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("i18n.install needs a QApplication")
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current = "en"
    if language not in LANGUAGES or language == "en":
        return language == "en"
    ours = QTranslator(app)
    if not ours.load(catalogue_path(language)):
        return False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{base}_{language}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language
    return True


def install_saved() -> str:
    """Install the saved (or system) language at start-up; returns the language code in use."""
    language = resolve(saved_choice())
    if not install(language):
        install("en")
    return current_language()


# ---------------------------------------------------------------------------- the View > Language menu


def check_language_menu(window) -> None:
    """Tick the saved choice."""
    actions = getattr(window, "language_actions", {})
    choice = saved_choice()
    if choice in actions:
        actions[choice].setChecked(True)
