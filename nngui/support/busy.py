"""The wait cursor while the window does something the user waits for: an export, a save, an open, a check.

ONNX's first export spends 1-1.5 s importing onnx, a worksheet's PDFs take up to 0.4 s each and a big
project takes seconds to write or read; without a sign the window looks frozen. The cursor is restored
before any message about a failure is shown (the ``with`` block ends first), and nested uses stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@contextmanager
def busy_cursor() -> Iterator[None]:
    """Show the wait cursor over the whole application for the ``with`` block."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
