"""Qt's item roles and alignments as plain ints, for the table models' ``data()``.

``data()`` is called for every visible cell and role; comparing plain ints is the
cheapest test (measured with the prediction table while training).
"""

from PySide6.QtCore import Qt

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
USER = int(Qt.ItemDataRole.UserRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)  # a screen reader's text for a cell: "x1: 0.5"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
