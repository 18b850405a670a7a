"""Walk a window's visible widgets and name every text that does not fit its space.

A text fits when it is drawn whole in the room its widget gives it, or when it was
shortened on purpose (ends in "…") and the whole text is in the widget's tooltip.
Used by the clipping tests at 1280x720, in normal and projector mode, in English and Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QComboBox, QDockWidget, QGroupBox,
                               QHeaderView, QLabel, QMainWindow, QStatusBar, QStyle, QStyleOptionComboBox,
                               QTabBar, QToolButton, QWidget)

ELLIPSIS = "\u2026"
SLACK = 1  # pixels: rounding between the metrics and the layout


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(w: QWidget) -> str:
    names = []
    while w is not None and not isinstance(w, QMainWindow):
        if w.objectName() and not w.objectName().startswith("qt_"):
            names.append(w.objectName())
        w = w.parentWidget()
    return "/".join(reversed(names[:3])) or type(w).__name__


def _elided_on_purpose(shown: str, tooltip: str, full: str | None = None) -> bool:
    """Shortened with an ellipsis, and the tooltip holds the whole text."""
    return ELLIPSIS in shown and bool(tooltip) and (full is None or full.strip() in tooltip)


def _shown(w: QWidget) -> bool:
    """Visible to the user: shown, and some of it on screen (not scrolled away entirely).

    A scroll area's own region is empty where its viewport covers it: the viewport counts then."""
    if not w.isVisible():
        return False
    if isinstance(w, QAbstractScrollArea) and not w.viewport().visibleRegion().isEmpty():
        return True
    return not w.visibleRegion().isEmpty()


def _text_width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(room.width())
            need_w, need_h = 0, doc.size().height()
        else:
            need_w, need_h = doc.idealWidth(), doc.size().height()
        plain = doc.toPlainText()
    else:
        fm = label.fontMetrics()
        plain = text
        if label.wordWrap():
            need_w = 0
            need_h = fm.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text).height()
        else:
            need_w = _text_width(fm, text)
            need_h = fm.height() * (text.count("\n") + 1)
    if need_w <= room.width() + SLACK and need_h <= room.height() + SLACK:
        return None
    if _elided_on_purpose(plain, label.toolTip()):
        return None
    if callable(getattr(label, "shown_text", None)) and label.shown_text() != label.text():
        return None  # ElidedLabel: draws the text elided (or not at all when there is no room), the tooltip whole
    return (f"label {plain[:60]!r} needs {need_w:.0f}x{need_h:.0f} px, has "
            f"{room.width()}x{room.height()}")


def _button_problem(b: QAbstractButton) -> str | None:
    text = _plain(b.text())
    if not text:
        return None
    if isinstance(b, QToolButton) and b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    hint = b.sizeHint()
    if hint.width() <= b.width() + SLACK and hint.height() <= b.height() + SLACK:
        return None
    if _elided_on_purpose(text, b.toolTip()):
        return None
    return f"button {text!r} wants {hint.width()}x{hint.height()} px, has {b.width()}x{b.height()}"


def _combo_problem(c: QComboBox) -> str | None:
    text = c.currentText()
    if not text:
        return None
    opt = QStyleOptionComboBox()
    c.initStyleOption(opt)
    room = c.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                    QStyle.SubControl.SC_ComboBoxEditField, c)
    need = c.fontMetrics().horizontalAdvance(text)
    if need <= room.width() + SLACK:
        return None
    if callable(getattr(c, "face_text", None)) and ELLIPSIS in c.face_text():
        return None  # ElidingComboBox: paints the text elided, its tooltip shows it whole
    return f"combo box {text!r} needs {need} px, has {room.width()}"


def _spin_problem(s: QAbstractSpinBox) -> str | None:
    edit = s.lineEdit()
    text = edit.text()
    need = edit.fontMetrics().horizontalAdvance(text)
    room = edit.contentsRect().width() - 4  # QLineEdit's own horizontal margin
    if not text or need <= room + SLACK:
        return None
    return f"spin box {text!r} needs {need} px, has {room}"


def _header_problems(h: QHeaderView) -> list[str]:
    model = h.model()
    if model is None or not _shown(h.viewport()):
        return []
    out = []
    fm = QFontMetrics(h.font())
    margin = 2 * h.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, h)
    horizontal = h.orientation() == Qt.Orientation.Horizontal
    count = model.columnCount() if horizontal else model.rowCount()
    for logical in range(count):
        if h.isSectionHidden(logical):
            continue
        pos = h.sectionViewportPosition(logical)
        size = h.sectionSize(logical)
        extent = h.viewport().width() if horizontal else h.viewport().height()
        if pos + size <= 0 or pos >= extent:
            continue  # scrolled out of view: the user scrolls to it
        text = str(model.headerData(logical, h.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        if horizontal:
            need, room = _text_width(fm, text) + margin, size
            if h.isSortIndicatorShown() and h.sortIndicatorSection() == logical:
                need += h.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, h)
        else:
            need, room = fm.height() * (text.count("\n") + 1), size
            wide = _text_width(fm, text) + margin
            if wide > h.width() + SLACK:
                out.append(f"row header {text!r} needs {wide} px wide, has {h.width()}")
                continue
        tip = str(model.headerData(logical, h.orientation(), Qt.ItemDataRole.ToolTipRole) or "")
        if need > room + SLACK and not _elided_on_purpose(text, tip):
            out.append(f"header {text!r} needs {need} px, has {room}")
    if horizontal and fm.height() > h.height() + SLACK:
        out.append(f"header row {fm.height()} px high needed, has {h.height()}")
    return out


def _tab_problems(bar: QTabBar) -> list[str]:
    out = []
    for i in range(bar.count()):
        text = _plain(bar.tabText(i))
        if bar.tabRect(i).width() + SLACK < bar.tabSizeHint(i).width() and not bar.tabToolTip(i):
            out.append(f"tab {text!r} wants {bar.tabSizeHint(i).width()} px, has {bar.tabRect(i).width()}")
    return out


def _title_problem(title: str, w: QWidget, extra: int) -> str | None:
    need = w.fontMetrics().horizontalAdvance(_plain(title)) + extra
    if title and need > w.width() + SLACK:
        return f"title {title!r} needs {need} px, has {w.width()}"
    return None


def _status_problem(bar: QStatusBar) -> str | None:
    text = bar.currentMessage()
    if not text:
        return None
    if callable(getattr(bar, "message_rect", None)):
        room = bar.message_rect().width()
    else:
        used = sum(w.width() + 6 for w in bar.findChildren(QWidget) if w.parentWidget() is bar and w.isVisible()
                   and not w.objectName().startswith("qt_"))
        room = bar.width() - used - 12
    need = bar.fontMetrics().horizontalAdvance(text)
    if need <= room + SLACK:
        return None
    if callable(getattr(bar, "message_tip", None)) and ELLIPSIS in bar.shown_message() \
            and bar.message_tip() == text:
        return None  # ElidingStatusBar: the message ends in "…", its tooltip shows it whole
    return f"status message {text[:60]!r} needs {need} px, has {room}"


def unfitting(window: QMainWindow) -> list[str]:
    """Every visible text in ``window`` that is clipped and not elided on purpose, with where it is."""
    problems: list[str] = []
    for w in window.findChildren(QWidget):
        if not _shown(w):
            continue
        found: list[str] = []
        if isinstance(w, QLabel):
            found.append(_label_problem(w))
        elif isinstance(w, QAbstractButton):
            found.append(_button_problem(w))
        elif isinstance(w, QComboBox):
            found.append(_combo_problem(w))
        elif isinstance(w, QAbstractSpinBox):
            found.append(_spin_problem(w))
        elif isinstance(w, QHeaderView):
            found.extend(_header_problems(w))
        elif isinstance(w, QTabBar):
            found.extend(_tab_problems(w))
        elif isinstance(w, QGroupBox):
            found.append(_title_problem(w.title(), w, 16 if w.isCheckable() else 4))
        elif isinstance(w, QDockWidget):
            found.append(_title_problem(w.windowTitle(), w, 48))
        elif isinstance(w, QStatusBar):
            found.append(_status_problem(w))
        if w.objectName() == "qt_toolbar_ext_button":
            found.append("the toolbar does not fit: some of its buttons are behind the » button")
        problems.extend(f"{_where(w)}: {p}" for p in found if p)
    return problems
