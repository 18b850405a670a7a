"""Projector mode and the big epoch counter (used by :class:`nngui.main_window.MainWindow`).

Projector mode (F11, View > Projector mode) is meant to be read from the back of a
classroom at 1280x720:

- every font in the application is scaled by :data:`FONT_SCALE` (menus, toolbar,
  settings, status bar), the tables by more; the diagram, the loss plot and the
  decision map draw thicker lines, bigger points and bigger labels (their own
  ``set_presentation``), and leaving projector mode puts every size back;
- high contrast: black headers and hints, and the "high-contrast" palette when the
  default palette was in use (a palette chosen in View > Palette is kept);
- the settings dock (and any other dock) is hidden to leave the room to the views
  (Ctrl+, or the toolbar's Settings panel button brings it back), restored afterwards;
- F11 also toggles full screen.

The epoch counter (objectName ``bigEpochCounter``) is a large label at the right end of
the diagram's header ("Epoch 1,234 / 2,000  Loss 0.0123"), shown in slow motion (a speed
limit on the slider) and in projector mode; it takes no room otherwise and never covers
the diagram.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QWidget

from nngui.support import formatting
from nngui.support.i18n import fmt, translate

FONT_SCALE = 1.35  # application fonts in projector mode
TABLE_SCALE = 1.5  # the data and prediction tables (relative to the normal application font)

HEADER_NAMES = ("dataHeader", "predictionHeader", "networkHeader", "lossHeader", "decisionMapHeader")
HEADER_STYLE = {False: "font-weight: bold; color: #333;", True: "font-weight: bold; color: #000;"}
HINT_STYLE = {False: "color: #666;", True: "color: #222;"}



class EpochCounter(QLabel):
    """A large "Epoch 1,234 / 2,000  Loss 0.0123" label (rich text, one line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bigEpochCounter")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._large = False
        self._epoch = 0
        self._target = 0
        self._loss = ""
        self._note = ""
        self._plain = ""
        self._dirty = False
        self._restyle()
        self.hide()

    # -- API --------------------------------------------------------------------------------

    def set_large(self, on: bool) -> None:
        """Projector size (bigger type)."""
        self._large = bool(on)
        self._restyle()

    def set_values(self, epoch: int, target: int = 0, loss: str = "", note: str = "") -> None:
        """The values to show (drawn at once when visible, else when shown: reports come 30 times a second)."""
        self._epoch, self._target, self._loss, self._note = int(epoch), int(target), loss, note
        if self.isVisible():
            self._render()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dirty:
            self._render()
        super().showEvent(event)

    def plain_text(self) -> str:
        """The counter's text without markup, e.g. "Epoch 1,234 / 2,000  loss 0.0123"."""
        if self._dirty:
            self._render()
        return self._plain

    def retranslate(self) -> None:
        self._render()

    # -- internals --------------------------------------------------------------------------

    def _restyle(self) -> None:
        self.setStyleSheet("QLabel#bigEpochCounter { color: #000; padding: 0px 4px; }")
        self._render()

    def _render(self) -> None:
        big, small = (30, 20) if self._large else (22, 15)
        epoch = fmt(translate("EpochCounter", "Epoch %1"), formatting.integer(self._epoch))
        target = f" / {formatting.integer(self._target)}" if self._target else ""
        rest = "   ".join(t for t in (self._loss, self._note) if t)
        self._plain = epoch + target + (f"   {rest}" if rest else "")
        self._dirty = False
        self.setText(f"<span style='font-size:{big}px; font-weight:bold'>{html.escape(epoch)}</span>"
                     f"<span style='font-size:{small}px'>{html.escape(target)}"
                     f"{'&nbsp;&nbsp;&nbsp;' + html.escape(rest) if rest else ''}</span>")


class AppFontScaler:
    """Scales the application font and restores the original one (remembered on first use)."""

    def __init__(self) -> None:
        self._base: QFont | None = None

    def base(self) -> QFont:
        if self._base is None:
            self._base = QFont(QApplication.font())
        return QFont(self._base)

    def base_point_size(self) -> float:
        pt = self.base().pointSizeF()
        return pt if pt > 0 else 10.0

    def apply(self, scale: float) -> None:
        font = self.base()
        if scale != 1.0:
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * scale)
            elif font.pixelSize() > 0:
                font.setPixelSize(round(font.pixelSize() * scale))
        QApplication.setFont(font)


def refresh_styled_fonts(root: QWidget) -> None:
    """Set every style sheet under ``root`` again, so that its widget takes the application's current font.

    A widget with a style sheet keeps the font resolved when its sheet was last set: the accuracy label,
    recoloured during projector mode, stayed in the big font after it.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


class Presenter:
    """What projector mode changes in a window beyond the views' own ``set_presentation``."""

    def __init__(self, window, header=None) -> None:
        """``header``: the layout the big epoch counter goes at the end of (else the status bar)."""
        self.window = window
        self.on = False
        self.fonts = AppFontScaler()
        self._state = None  # the window's dock layout before projector mode
        self._palette_before: str | None = None
        self._was_full_screen = False
        self._icon_size = None
        self.counter = EpochCounter()
        self._slow = False
        if header is not None:
            header.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            window.statusBar().addWidget(self.counter)

    # -- projector mode ---------------------------------------------------------------------

    def apply(self, on: bool, full_screen: bool) -> None:
        w = self.window
        if on == self.on:
            if full_screen:
                self._full_screen(on)
            return
        self.on = on
        self.fonts.apply(FONT_SCALE if on else 1.0)
        refresh_styled_fonts(w)
        self._contrast(on)
        tb = getattr(w, "toolbar", None)
        if tb is not None:
            if on:
                self._icon_size = tb.iconSize()
                side = round(tb.iconSize().height() * 1.5)
                tb.setIconSize(tb.iconSize().scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
            elif self._icon_size is not None:
                tb.setIconSize(self._icon_size)
        if on:  # the settings (and any other dock) make room for the views; restored afterwards
            self._state = w.saveState()  # docks, their sizes and which tab is in front
            for d in w.findChildren(QDockWidget):
                if d.parentWidget() is w:
                    d.hide()
        elif self._state is not None:
            w.restoreState(self._state)
            self._state = None
        if on and w.palette_name == "default":
            self._palette_before = "default"
            w.set_palette("high-contrast", remember=False)
        elif not on and self._palette_before is not None:
            if w.palette_name == "high-contrast":
                w.set_palette(self._palette_before, remember=False)
            self._palette_before = None
        if full_screen:
            self._full_screen(on)
        self.counter.set_large(on)
        self._update_counter_visibility()

    def palette_chosen(self) -> None:
        """The user picked a palette while in projector mode: keep it afterwards."""
        self._palette_before = None

    def _full_screen(self, on: bool) -> None:
        w = self.window
        if on:
            self._was_full_screen = w.isFullScreen()
            if not self._was_full_screen:
                w.showFullScreen()
        elif not self._was_full_screen and w.isFullScreen():
            w.showNormal()

    def _contrast(self, on: bool) -> None:
        w = self.window
        for name in HEADER_NAMES:
            label = w.findChild(QLabel, name)
            if label is not None:
                label.setStyleSheet(HEADER_STYLE[on])
            hint = w.findChild(QLabel, name + "Hint")
            if hint is not None:
                hint.setStyleSheet(HINT_STYLE[on])

    def table_font_css(self) -> str:
        """The tables' style sheet: bigger text in projector mode, Qt's default otherwise."""
        if not self.on:
            return ""
        return f"font-size: {self.fonts.base_point_size() * TABLE_SCALE:.0f}pt;"

    # -- the epoch counter ------------------------------------------------------------------

    def set_slow(self, slow: bool) -> None:
        self._slow = bool(slow)
        self._update_counter_visibility()

    def _update_counter_visibility(self) -> None:
        self.counter.setVisible(self._slow or self.on)

    def update_counter(self, epoch: int, target: int, loss: str, note: str = "") -> None:
        self.counter.set_values(epoch, target, loss, note)
