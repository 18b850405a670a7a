"""The diagram paints without holding the GIL, so a training thread goes on while it paints.

A Python override on a view's paint path (``viewportEvent``, ``paintEvent``, ``event``, ``drawBackground``,
``drawForeground``) makes PySide run the whole C++ paint under the GIL: measured, a NumPy thread beside
continuous diagram paints ran at 1 % of its speed with the old ``viewportEvent`` override and at 92-111 %
without it (docs/performance.md, issue 17 fourth pass). Tooltips go through an event filter instead.
"""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer

from core.network import Architecture
from nngui.views.network_view import NetworkView

from helpers import PaintLog

PAINT_PATH = ("viewportEvent", "paintEvent", "event", "drawBackground", "drawForeground", "drawItems")


def test_no_python_override_on_the_diagrams_paint_path():
    overridden = [name for name in PAINT_PATH if name in NetworkView.__dict__]
    assert overridden == []


def _turns(view, n: int, paint: bool) -> None:
    """``n`` turns of the event loop, each painting the diagram (``paint``) or waiting 5 ms."""
    for _ in range(n):
        if paint:
            view.viewport().update()
        loop = QEventLoop()
        QTimer.singleShot(0 if paint else 5, loop.quit)  # (the paint, a posted event, comes before the timer)
        loop.exec()


def test_a_thread_runs_while_the_diagram_paints(qtbot):
    rng = np.random.default_rng(0)
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1400, 1000)  # paints of ~20 ms here
    view.show()
    qtbot.waitExposed(view)
    view.set_architecture(Architecture.build(16, (16, 16), 16, "tanh", "sigmoid"),
                          [f"x{i}" for i in range(16)], [f"y{i}" for i in range(16)])
    view.set_weights([(rng.normal(size=(16, 16)), rng.normal(size=16)) for _ in range(3)])
    paints = PaintLog(view.viewport())
    counter, stop = [0], threading.Event()

    def work():  # short NumPy calls with Python between them, as a training thread runs
        a, b = np.ones((64, 16)), np.ones((16, 16))
        while not stop.is_set():
            np.tanh(a @ b).sum()
            counter[0] += 1

    def rate(paint: bool) -> float:
        c, t = counter[0], time.perf_counter()
        _turns(view, 30, paint)
        return (counter[0] - c) / (time.perf_counter() - t)

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # as the window sets it while training
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        idle, painting = rate(False), rate(True)
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(old)
    assert len(paints.rects) >= 30
    # Measured: 1.03-1.26 of the idle rate with the GIL free (less on one core), 0.02-0.03 under it.
    assert painting > 0.2 * idle, (painting, idle)
