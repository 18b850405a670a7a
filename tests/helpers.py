"""Small helpers shared by the window tests."""

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QWidget


def find(w, name, cls=QWidget):
    """The child of ``w`` with objectName ``name`` (failing the test when there is none)."""
    obj = w.findChild(cls, name)
    assert obj is not None, name
    return obj


def stall_limit(seconds: float, floor: float = 0.5) -> float:
    """The longest event-loop gap a window that "kept running" may show during ``seconds`` of work.

    Work done on the GUI thread freezes it for the whole ``seconds``; work on a thread leaves short
    gaps. An absolute limit would measure the machine's speed (a gap of 0.9 s was seen with every
    core busy), so the limit grows with the work's own duration: a quarter of it, at least ``floor``.
    """
    return max(floor, seconds / 4)


def shown_window(qtbot, width: int = 1280, height: int = 720):
    """A main window shown at ``width`` x ``height`` (a projector's 1280x720 by default), its state not saved."""
    from nngui.app import create_main_window

    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    return w


def settle_training(qtbot, w) -> None:
    """Pause, wait for the worker to be idle and for the views to show its last report."""
    c = w.controller
    if c.is_running():
        w.toggle_training()
    assert c.wait_idle(20)
    assert c.worker.idle.is_set()
    if c.trainer is not None:
        qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == c.trainer.epoch
                        and w.session.report.architecture == c.trainer.network.arch, timeout=5000)
    qtbot.wait(50)  # late signals of stopped runs, if any, arrive (and must be dropped)


class PaintLog(QObject):
    """Records the rectangles of the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))
        return False
