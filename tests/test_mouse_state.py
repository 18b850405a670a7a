"""A mouse press a test leaves without its release does not reach the next test (tests/conftest.py)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from conftest import _release_mouse_buttons


def test_a_press_left_without_its_release_is_released_after_the_test(qtbot, qapp):
    button = QPushButton("held")
    qtbot.addWidget(button)
    button.show()
    QTest.mousePress(button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton
    button.close()
    _release_mouse_buttons(qapp)  # what the autouse fixture does after every Qt test
    assert QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
