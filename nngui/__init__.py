"""nngui: the desktop application (PySide6 + pyqtgraph) around the NumPy core."""

__version__ = "0.1.0"
