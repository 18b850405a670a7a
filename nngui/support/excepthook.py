"""Unexpected errors on the GUI thread reach the user as a message instead of only the terminal.

PySide6 reports an exception raised in a slot or an event handler through ``sys.excepthook``
and carries on. :func:`install` replaces the hook so the traceback is still printed and the
window shows the error (``MainWindow.show_error``, which also records it in ``errors``). The
training thread has its own path (the worker's ``failed`` signal).
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nngui.support.i18n import fmt, translate

__all__ = ["install"]

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Unexpected error")


def install(window):
    """Route uncaught exceptions to ``window.show_error``; returns the previous hook."""
    previous = sys.excepthook
    busy = [False]

    def hook(kind, value, tb) -> None:
        traceback.print_exception(kind, value, tb, file=sys.stderr)
        if busy[0] or issubclass(kind, (KeyboardInterrupt, SystemExit)):
            return
        busy[0] = True
        try:
            window.show_error(translate("MainWindow", TITLE), fmt(translate(
                "MainWindow", "%1\n\nnngui keeps running, but this is a bug: save your work (File → Save As) and "
                "please report the message above."), f"{kind.__name__}: {value}"))
        except Exception:  # noqa: BLE001 - the hook itself must never fail
            pass
        finally:
            busy[0] = False

    sys.excepthook = hook
    return previous
