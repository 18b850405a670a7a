"""The compiled loop loads in a background thread of its own, never holding up or endangering a window."""

from __future__ import annotations


def test_closing_a_window_while_the_compiled_loop_loads_neither_waits_nor_aborts(qtbot, monkeypatch):
    """On a fresh install numba compiles for seconds; the training thread must be free to end meanwhile
    (a QThread destroyed while busy aborts the process: seen on a fresh clone's `make test`)."""
    import threading
    import time

    from core import compiled
    from nngui.app import create_main_window
    from nngui.training import controller as controller_module

    release = threading.Event()
    monkeypatch.setattr(compiled, "warm_up", lambda: release.wait(10))
    monkeypatch.setattr(controller_module, "_warm_up_thread", None)
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.controller.warm_up()
    loader = controller_module.start_warm_up()
    assert loader.is_alive() and loader.daemon and loader.name == "nnguiWarmUp"
    t0 = time.monotonic()
    w.controller.shutdown()
    assert time.monotonic() - t0 < 2.0 and not w.controller.thread.isRunning()
    release.set()
    loader.join(5)
    assert not loader.is_alive()
