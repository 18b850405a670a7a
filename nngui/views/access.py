"""The window for people who use a screen reader, only the keyboard, large text or high contrast.

:class:`WindowAccess` is made once the window is built (``window.access``) and adds, without
changing the views' own code:

- accessible names and descriptions (:mod:`nngui.views.accessible_names`), the menu bar's name, and a
  notice to assistive technology whenever the status bar's message changes (screen readers read the
  status bar on request: NVDA+End, Orca's Insert+End);
- the keyboard: a tab order that reads the window as it is laid out (the settings, the data, the
  predictions, the diagram, the loss plot, the decision map, the speed slider), F6 / Shift+F6 to jump
  between those parts (View > Next pane / Previous pane), Tab leaving the tables (their arrow keys
  move between cells), the Menu key (Shift+F10) opening the data table's menu, Space pressing a
  button reached with Tab (it trains everywhere else), and the diagram's and plots' own cursors
  (:mod:`nngui.views.diagram_keys`, :mod:`nngui.views.plot_keys`) with the diagram's read-out
  beside its title;
- announcements of training (:mod:`nngui.views.announcements`);
- the "high-contrast" palette while the system asks for high contrast (where Qt reports it) and no
  palette was chosen in View > Colour palette;
- View > Loss as sound while training (:mod:`nngui.views.live_sound`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QComboBox, QMenu, QWidget

from nngui.actions import ActionSpec, create_all
from nngui.support import accessibility
from nngui.support.accessibility import Announcer, set_name
from nngui.support.i18n import translate
from nngui.support.settings import app_settings
from nngui.views.accessible_names import name_children
from nngui.views.announcements import TrainingAnnouncer
from nngui.views.diagram_keys import DiagramKeys, plain_keys
from nngui.views.elided_label import ElidedLabel
from nngui.views.live_sound import INSTALL, LiveSound, multimedia_available
from nngui.views.plot_keys import LossCursor, MapCursor

HIGH_CONTRAST = "high-contrast"


def _focusable(w: QWidget) -> bool:
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.focusProxy() is None  # (Tab skips disabled ones)


class _MenuBarWatch(QObject):
    """Names the menu Qt makes for the menus that do not fit the menu bar (made when it first overflows)."""

    def eventFilter(self, bar, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            for menu in bar.findChildren(QMenu):
                if not menu.objectName() and not menu.accessibleName():
                    menu.setObjectName("moreMenusMenu")
                    set_name(menu, translate("Accessibility", "More menus"), keep=self.parent().retranslator)
        return False


class _SpacePressesButton(QObject):
    """On a button reached with the keyboard, Space presses the button (everywhere else it trains)."""

    def eventFilter(self, button, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space and plain_keys(event) \
                and button.hasFocus():
            event.accept()  # the key goes to the button, not to the window's Train shortcut
            return True
        if kind == QEvent.Type.FocusOut:
            button.removeEventFilter(self)
        return False


class _MenuKeyOpensCellMenu(QObject):
    """The Menu key (or Shift+F10) opens the data table's menu for the current cell, where a right-click
    would (column roles, renaming, rows): Qt does not make a context-menu event of it on every platform."""

    def eventFilter(self, view, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and (
                (event.key() == Qt.Key.Key_Menu and plain_keys(event)) or
                (event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)):
            index = view.currentIndex()
            view.cell_menu(index).popup(view.viewport().mapToGlobal(view.visualRect(index).center()))
            return True
        return False


class _BackToDiagram(QObject):
    """When the hand editor opened from the keyboard closes, the focus goes back to the diagram."""

    def __init__(self, view, parent) -> None:
        super().__init__(parent)
        self.view = view

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Hide:
            editor.removeEventFilter(self)
            QTimer.singleShot(0, self, lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))  # once hidden
        return False


class _WrappedKeepsItsHeight(QObject):
    """A word-wrapped label (the decision map's legend) gets the height its lines need at its width: with
    large text its layout would otherwise squeeze it (Qt's layouts do not pass height-for-width up)."""

    def eventFilter(self, label, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > 0 and need != label.minimumHeight():
                label.setMinimumHeight(need)
        return False


class WindowAccess(QObject):
    """Names, keyboard, announcements, contrast and live sound for ``window`` (see the module's text)."""

    def __init__(self, window) -> None:
        super().__init__(window)  # a child of the window: the system's signals stop with it
        self.window = w = window
        keep = w.retranslator
        self.menu_bar_watch = _MenuBarWatch(w)
        name_children(w)
        set_name(w.menuBar(), translate("Accessibility", "Menu bar"), keep=keep)
        w.menuBar().installEventFilter(self.menu_bar_watch)
        w.statusBar().messageChanged.connect(self._status_changed)
        self.announcer = Announcer(w, w)
        self.training = TrainingAnnouncer(w, self.announcer)
        self.readout = ElidedLabel()
        self.readout.setObjectName("networkReadout")
        self.readout.hide()
        name_children(w, self.readout)
        w.views.network_header.insertWidget(2, self.readout, 1)
        self.diagram = DiagramKeys(w.network_view, self.announcer.say)
        self.back_to_diagram = _BackToDiagram(w.network_view, self)
        self.diagram.changed.connect(self._show_readout)
        self.diagram.activated.connect(self._edit_by_hand)
        self.loss = LossCursor(w.loss_plot, self.announcer.say)
        self.map = MapCursor(w.decision_map, self.announcer.say)
        self.wrapped = _WrappedKeepsItsHeight(self)
        w.decision_map.legend.installEventFilter(self.wrapped)
        for table in (w.data_view, w.prediction_view):
            table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between cells
        self.menu_key = _MenuKeyOpensCellMenu(self)
        w.data_view.installEventFilter(self.menu_key)
        w.findChild(QWidget, "settingsScroll").setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        self.fix_tab_order()  # again once shown (below): the settings are sorted by where they are drawn
        self._shown = self._order_due = False
        self.start_widget().setFocus()
        w.installEventFilter(self)
        w.settings_panel.installEventFilter(self)  # fields come and go, sections open: the order again
        self.space_presses = _SpacePressesButton(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.sound = LiveSound(w)
        self._actions()
        self._follow_contrast()

    # ---------------------------------------------------------------- keyboard
    def panes(self) -> list[QWidget]:
        """The parts of the window in reading order (F6 visits the visible ones)."""
        w = self.window
        return [w.settings_panel, w.data_view, w.prediction_view, w.network_view, w.loss_plot, w.decision_map.plot]

    def tab_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in order: the settings top to bottom, the data, the predictions, the diagram,
        the loss plot, the decision map, then the toolbar's speed slider (the toolbar's buttons are the
        Training menu's actions, with their shortcuts)."""
        w = self.window
        panel = w.settings_panel
        fields = [f for f in panel.findChildren(QWidget) if _focusable(f) and f.window() is w]
        fields.sort(key=lambda f: (f.mapTo(panel, f.rect().topLeft()).y(), f.mapTo(panel, f.rect().topLeft()).x()))
        bar = w.findChild(QWidget, "timeSliderBar")  # time travel's slider and button, under the loss plot
        under_plot = [f for f in bar.findChildren(QWidget) if _focusable(f)] if bar is not None else []
        views = [w.data_view, w.prediction_view, w.network_view, w.loss_plot, *under_plot,
                 w.decision_map.output_combo, w.decision_map.plot]
        return [*fields, *views, w.speed_slider]

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self.window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            QTimer.singleShot(0, self, self._first_shown)  # laid out by then
        elif event.type() == QEvent.Type.LayoutRequest and obj is self.window.settings_panel \
                and not self._order_due:
            self._order_due = True
            QTimer.singleShot(0, self, self.fix_tab_order)  # after the layout has placed the fields
        return False

    def start_widget(self) -> QWidget:
        """Where the keyboard starts: the first choice among the settings (a combo box), where Space trains and
        Right steps as they do everywhere (a text field would take Right for its cursor)."""
        chain, panel = self.tab_chain(), self.window.settings_panel
        return next((f for f in chain if isinstance(f, QComboBox) and f.isVisibleTo(panel)), chain[0])

    def _first_shown(self) -> None:
        self.fix_tab_order()
        self.start_widget().setFocus()  # where the keyboard starts

    def fix_tab_order(self, *_) -> None:
        """Tab goes through :meth:`tab_chain` (again after settings fields were added)."""
        self._order_due = False
        layout = self.window.settings_panel.layout()
        if layout is not None:
            layout.activate()  # where the fields are drawn decides their order
        chain = self.tab_chain()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def pane_of(self, widget: QWidget | None) -> int:
        """Which of :meth:`panes` holds ``widget`` (-1: none)."""
        for k, pane in enumerate(self.panes()):
            if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
                return k
        return -1

    def next_pane(self, step: int = 1) -> QWidget | None:
        """Move the focus to the next (``step`` 1) or previous (-1) visible part of the window; returns it."""
        panes = self.panes()
        here = self.pane_of(self.window.focusWidget())
        start = here if here >= 0 else (-1 if step > 0 else len(panes))
        for k in range(1, len(panes) + 1):
            pane = panes[(start + step * k) % len(panes)]
            target = self._focus_target(pane)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
                return target
        return None

    def _focus_target(self, pane: QWidget) -> QWidget | None:
        """The widget of ``pane`` that takes the focus (a pane's first field), None when it is hidden."""
        shown = pane.viewport() if isinstance(pane, QAbstractScrollArea) else pane  # a view's viewport covers it
        if not pane.isVisible() or shown.visibleRegion().isEmpty():
            return None
        if pane is self.window.settings_panel:
            fields = [f for f in self.tab_chain() if pane.isAncestorOf(f) and f.isVisible()]
            return fields[0] if fields else None
        return pane

    def _focus_changed(self, _old, new) -> None:
        """A button that got the focus from the keyboard (no mouse button down) takes Space for itself."""
        if isinstance(new, QAbstractButton) and new.window() is self.window and \
                QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            new.installEventFilter(self.space_presses)

    def _edit_by_hand(self, place) -> None:
        """Return on the diagram's cursor: the hand editor of a weight or bias (double-click with a mouse); the
        keyboard comes back to the diagram when it closes."""
        editing = getattr(self.window, "weight_editing", None)
        if editing is not None and editing.edit_at(place.toPoint()):
            editing.editor.installEventFilter(self.back_to_diagram)

    def _show_readout(self, text: str) -> None:
        hint = self.window.findChild(QWidget, "networkHeaderHint")
        self.readout.setText(text)
        self.readout.setToolTip(text)
        self.readout.setVisible(bool(text))
        if hint is not None:
            hint.setVisible(not text)

    # ---------------------------------------------------------------- actions, status, contrast
    def _actions(self) -> None:
        w = self.window
        sound_ok = multimedia_available()
        sound_text = translate("Accessibility", "Loss as sound while training") if sound_ok else \
            translate("Accessibility", "Loss as sound while training (needs: %1)")
        specs = [
            ActionSpec("next_pane_action", "nextPaneAction", translate("Accessibility", "Next pane"),
                       lambda: self.next_pane(1), "F6", translate(
                           "Accessibility", "Move the keyboard focus to the next part of the window: settings, data, "
                                            "predictions, diagram, loss plot, decision map")),
            ActionSpec("previous_pane_action", "previousPaneAction", translate("Accessibility", "Previous pane"),
                       lambda: self.next_pane(-1), "Shift+F6",
                       translate("Accessibility", "Move the keyboard focus to the previous part of the window")),
            ActionSpec("live_sound_action", "liveSoundAction", sound_text, self._sound_toggled, tip=translate(
                "Accessibility", "Play a tone while training whose pitch follows the loss: high loss, high pitch"),
                checkable=True),
        ]
        created = create_all(w, specs)
        if not sound_ok:  # the command in the text, again after a language switch
            def install_text(action, text):
                action.setText(text.replace("%1", INSTALL))
            install_text(w.live_sound_action, sound_text)
            w.retranslator.keep(w.live_sound_action, install_text, sound_text)
        menu = w.findChild(QMenu, "viewMenu")
        if menu is not None:
            menu.addSeparator()
            for action in created:
                menu.addAction(action)

    def _sound_toggled(self, on: bool) -> None:
        if not self.sound.set_on(on):
            with QSignalBlocker(self.window.live_sound_action):
                self.window.live_sound_action.setChecked(False)

    def _status_changed(self, _text: str) -> None:
        bar = self.window.statusBar()
        QAccessible.updateAccessibility(QAccessibleEvent(bar, QAccessible.Event.NameChanged))

    def _follow_contrast(self) -> None:
        self.apply_system_contrast()
        signal = accessibility.contrast_changed_signal()
        if signal is not None:
            signal.connect(self.apply_system_contrast)

    def apply_system_contrast(self, *_) -> None:
        """The "high-contrast" palette while the system asks for it, unless a palette was chosen in the menu."""
        w = self.window
        if app_settings().value("view/palette") or w.presenter.on:
            return
        high = accessibility.system_high_contrast()
        if high and w.palette_name == "default":
            w.set_palette(HIGH_CONTRAST, remember=False)
        elif not high and w.palette_name == HIGH_CONTRAST:
            w.set_palette("default", remember=False)
