"""Small helpers shared by the window tests."""

from PySide6.QtWidgets import QWidget


def find(w, name, cls=QWidget):
    """The child of ``w`` with objectName ``name`` (failing the test when there is none)."""
    obj = w.findChild(cls, name)
    assert obj is not None, name
    return obj
