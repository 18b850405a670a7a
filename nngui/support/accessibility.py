"""Accessibility helpers: accessible names that follow the language, announcements to assistive
technology, and the system's high-contrast setting (see ``docs/accessibility.md``).

- :func:`set_name` gives a widget (or menu) its accessible name and description in one line, and
  keeps them with a :class:`~nngui.support.i18n.Retranslator` so a language switch sets them again.
- :class:`Announcer` sends a text to screen readers with Qt's ``QAccessibleAnnouncementEvent``
  (Qt 6.8 and later; the pinned PySide6 6.11 has it), polite or assertive, and remembers it.
- :func:`system_high_contrast` reads Qt's ``QStyleHints.accessibility().contrastPreference()``
  (Qt 6.10 and later), False where Qt does not report it.
"""

from __future__ import annotations

import re
import time
from collections import deque

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QFontInfo, QGuiApplication

from nngui.support.i18n import fmt, translate
from nngui.support.presentation import FONT_SCALE

try:  # Qt 6.8+: announcements; older Qt has no way to speak without moving the focus
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - the pinned PySide6 (6.11) has it
    QAccessibleAnnouncementEvent = None

HISTORY = 200  # announcements remembered (tests and the docs read them)
REFERENCE_PX = 12  # the application font's pixel height the views' own text sizes were made for (9 pt at 96 dpi)


def plain(text: str) -> str:
    """``text`` without mnemonic markers: "&File" -> "File", "文件(&F)" -> "文件",
    "Network && training" -> "Network & training"."""
    text = re.sub(r"\s*\(&[^&\s]\)", "", str(text).replace("&&", "\0"))
    return text.replace("&", "").replace("\0", "&")


def _set_plain_name(obj, text) -> None:
    obj.setAccessibleName(plain(text))


def set_name(obj, name: str, description: str | None = None, keep=None):
    """Set ``obj``'s accessible name (mnemonics removed) and, when given, its description; returns ``obj``.

    ``keep``: a :class:`~nngui.support.i18n.Retranslator`; translated texts are then set again after a
    language switch. Without a description Qt gives screen readers the widget's tooltip.
    """
    obj.setAccessibleName(plain(name))
    if keep is not None:
        keep.keep(obj, _set_plain_name, name)
    if description is not None:
        obj.setAccessibleDescription(description)
        if keep is not None:
            keep.keep(obj, "setAccessibleDescription", description)
    return obj


class Announcer(QObject):
    """Says short texts to assistive technology on behalf of ``source`` (the main window).

    A screen reader speaks an announcement without moving the focus: polite ones wait for what it is
    saying, ``urgent`` ones interrupt. Nothing is sent when no assistive technology is active (Qt drops
    the event); :attr:`history` and :attr:`announced` still record it, for tests and the read-outs.
    """

    announced = Signal(str)

    def __init__(self, source: QObject, parent: QObject | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.source = source
        self.clock = clock
        self.history: deque[tuple[float, str]] = deque(maxlen=HISTORY)  # (clock time, text)

    def say(self, text: str, urgent: bool = False) -> None:
        text = str(text).strip()
        if not text:
            return
        if QAccessibleAnnouncementEvent is not None:
            event = QAccessibleAnnouncementEvent(self.source, text)
            politeness = QAccessible.AnnouncementPoliteness
            event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
            QAccessible.updateAccessibility(event)
        self.history.append((self.clock(), text))
        self.announced.emit(text)


def text_scale(presentation: bool = False) -> float:
    """How much larger than :data:`REFERENCE_PX` the application's font is (a larger text size in the system's
    settings, or a test): the diagram's and the plots' own text sizes grow with it, never shrink. Projector
    mode's enlargement of the application font is left out: those views have their own projector sizes."""
    app = QGuiApplication.instance()
    if app is None:
        return 1.0
    px = QFontInfo(QGuiApplication.font()).pixelSize() / (FONT_SCALE if presentation else 1.0)
    return max(1.0, px / REFERENCE_PX)


def cell_text(column: str, value: str) -> str:
    """What a screen reader says for a table cell: "x1: 0.5" ("x1: empty" for an empty cell)."""
    return fmt(translate("Accessibility", "%1: %2"), column, value if value else translate("Accessibility", "empty"))


def system_high_contrast() -> bool:
    """True when the system asks for high contrast and Qt reports it (Qt 6.10+; False otherwise)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def contrast_changed_signal():
    """The signal Qt emits when the system's contrast preference changes (None before Qt 6.10)."""
    accessibility = getattr(QGuiApplication.styleHints(), "accessibility", None)
    return None if accessibility is None else accessibility().contrastPreferenceChanged
