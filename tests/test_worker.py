"""The training thread: chunks, throttled reports, run ids, failures, pause/step/speed, shutdown."""

from __future__ import annotations

import sys
import time

import numpy as np
import pytest

from core.presets import get_preset
from core.trainer import Trainer
from nngui.training.report import TrainingReport
from nngui.training.controller import TrainingController
from nngui.training.worker import make_report


@pytest.fixture
def loy():
    p = get_preset("loy-xor")
    return p.dataset(), p.config


@pytest.fixture
def controller(qtbot):
    c = TrainingController()
    yield c
    c.shutdown()
    assert not c.thread.isRunning()


def collect(controller) -> list[TrainingReport]:
    reps: list[TrainingReport] = []
    controller.report.connect(reps.append)
    return reps


def test_trains_to_the_end_like_the_core_alone(qtbot, controller, loy):
    ds, cfg = loy
    reps = collect(controller)
    controller.set_session(ds, cfg)
    with qtbot.waitSignal(controller.finished, timeout=20000):
        assert controller.start()
    assert controller.state == "done"
    qtbot.waitUntil(lambda: reps and reps[-1].progress.done)
    last = reps[-1]
    ref = Trainer(ds, cfg)
    ref.train(cfg.epochs)
    assert last.progress.epoch == cfg.epochs == controller.trainer.epoch
    assert last.progress.loss == ref.last_loss
    for (W, b), (W2, b2) in zip(last.layers, ref.weights()):
        assert np.array_equal(W, W2) and b is None and b2 is None
    assert np.array_equal(last.predictions, ref.predict(ds.X))
    assert last.train_curve[0][-1] == cfg.epochs


def test_report_is_a_copy(controller, loy):
    ds, cfg = loy
    t = controller.set_session(ds, cfg)
    rep = make_report(7, t, ds.X)
    rep.layers[0][0][...] = 99.0
    assert not np.any(t.network.weights[0] == 99.0)
    assert rep.run_id == 7 and rep.predictions.shape == (4, 1)


def test_reports_are_throttled(qtbot, controller, loy):
    ds, cfg = loy
    reps = collect(controller)
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.start()
    qtbot.wait(1000)
    controller.pause(wait=True)
    qtbot.wait(100)
    assert 5 <= len(reps) <= 62  # ~30 a second, plus the final one
    assert reps[-1].progress.epoch == controller.trainer.epoch > 1000
    assert controller.state == "paused"
    assert all(r.epochs_per_second >= 0 for r in reps)


def test_stale_run_reports_are_dropped(qtbot, controller, loy):
    ds, cfg = loy
    reps = collect(controller)
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.start()
    qtbot.waitUntil(lambda: len(reps) >= 2, timeout=5000)
    old_id = controller.run_id
    controller.set_session(ds, cfg)  # pauses, new trainer, new id
    assert controller.run_id != old_id
    stale = make_report(old_id, controller.trainer, ds.X)
    n = len(reps)
    controller.worker.report.emit(stale)  # what the queued signal of the old run would do
    qtbot.wait(100)  # let any queued report of the old run arrive
    assert len(reps) == n or all(r.run_id == controller.run_id for r in reps[n:])
    assert controller.last_report is None or controller.last_report.run_id != old_id


def test_failure_is_reported_and_the_thread_survives(qtbot, controller, loy, monkeypatch):
    ds, cfg = loy
    controller.set_session(ds, cfg)

    def boom(self, epochs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(Trainer, "train", boom)
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.start()
    assert "RuntimeError: injected failure" in blocker.args[0]
    qtbot.waitUntil(lambda: controller.state == "failed", timeout=5000)
    assert controller.thread.isRunning()
    monkeypatch.undo()
    with qtbot.waitSignal(controller.finished, timeout=20000):
        controller.start()
    assert controller.state == "done"


def test_step_trains_exactly_n_epochs(qtbot, controller, loy):
    ds, cfg = loy
    controller.set_session(ds, cfg)
    for n, total in ((1, 1), (10, 11), (100, 111)):
        with qtbot.waitSignal(controller.finished, timeout=5000):
            controller.step(n)
        assert controller.trainer.epoch == total
        assert controller.state == "paused"
        assert controller.last_report.progress.epoch == total


def test_learning_rate_changes_while_running(qtbot, controller, loy):
    ds, cfg = loy
    reps = collect(controller)
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.start()
    qtbot.waitUntil(lambda: len(reps) >= 2, timeout=5000)
    controller.set_learning_rate(0.25)
    qtbot.waitUntil(lambda: reps[-1].progress.learning_rate == 0.25, timeout=5000)
    controller.pause()
    assert controller.trainer.learning_rate == 0.25
    controller.set_learning_rate(0.5)  # idle: applied directly
    assert controller.trainer.learning_rate == 0.5


def test_speed_limit_slows_training_down(qtbot, controller, loy):
    ds, cfg = loy
    reps = collect(controller)
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.set_speed(20)
    controller.start()
    qtbot.wait(1000)
    controller.pause()
    assert 8 <= controller.trainer.epoch <= 40
    assert len(reps) >= 5  # the class sees it move
    controller.set_speed(0)
    assert controller.speed == 0


def test_pause_while_paced_is_prompt(qtbot, controller, loy):
    ds, cfg = loy
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.set_speed(1)
    controller.start()
    qtbot.wait(200)
    t0 = time.perf_counter()
    assert controller.pause(wait=True)
    assert time.perf_counter() - t0 < 0.5


def test_switch_interval_lowered_only_while_training(qtbot, controller, loy):
    ds, cfg = loy
    before = sys.getswitchinterval()
    seen = []
    controller.report.connect(lambda r: seen.append(sys.getswitchinterval()))
    controller.set_session(ds, cfg.replace(epochs=0))
    controller.start()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5000)
    assert min(seen) <= 0.001 + 1e-9
    controller.pause()
    qtbot.wait(50)
    assert sys.getswitchinterval() == before


def test_shutdown_mid_training_joins_the_thread(qtbot, loy):
    ds, cfg = loy
    c = TrainingController()
    c.set_session(ds, cfg.replace(epochs=0))
    c.start()
    qtbot.wait(100)
    c.shutdown()
    assert not c.thread.isRunning()
    assert c.worker.idle.is_set()
    assert not c.start()  # after shutdown nothing runs


def test_done_trainer_does_not_start(qtbot, controller, loy):
    ds, cfg = loy
    controller.set_session(ds, cfg.replace(epochs=5))
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start()
    assert controller.state == "done"
    assert not controller.start()
    controller.reset()
    assert controller.state == "ready" and controller.trainer.epoch == 0


def test_divergence_ends_the_run_with_finite_weights(qtbot, controller):
    p = get_preset("xor")
    cfg = p.config.replace(activation="relu", output_activation="linear", loss="mse", learning_rate=1e6)
    reps = collect(controller)
    controller.set_session(p.dataset(), cfg)
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.start()
    assert controller.state == "diverged"
    qtbot.waitUntil(lambda: reps and reps[-1].progress.diverged is not None, timeout=5000)
    assert "epoch" in reps[-1].progress.diverged
    assert all(np.isfinite(W).all() for W, b in reps[-1].layers)
    assert np.isfinite(controller.trainer.network.params).all()


class _CountingEvent:
    """A stand-in for the worker's ``handled`` event that counts waits and never blocks."""

    def __init__(self):
        self.waits = 0

    def clear(self):
        pass

    def set(self):
        pass

    def wait(self, timeout=None):
        self.waits += 1
        return True


@pytest.mark.parametrize("compiled_loop", [False, True])
def test_worker_waits_for_the_gui_only_when_training_holds_the_gil(controller, loy, compiled_loop):
    """The compiled loop holds no GIL, so the window paints alongside it instead of making it wait."""
    from core import compiled
    from nngui.training.worker import RunJob

    ds, cfg = loy
    if compiled_loop and not compiled.available():
        pytest.skip("numba is not installed")
    trainer = Trainer(ds, cfg)
    if not compiled_loop:
        trainer._compiled = None
    assert trainer.releases_gil == compiled_loop
    worker = controller.worker
    counting = _CountingEvent()
    worker.handled = counting
    worker.emit_report(RunJob(1, trainer, ds.X), 0.0)
    assert counting.waits == (0 if compiled_loop else 1)


def test_reports_are_spaced_out_when_the_window_is_slow_to_take_them(controller, loy):
    """Reporting may cost at most REPORT_BUDGET of the training time: a slow window gets fewer reports."""
    from nngui.training.worker import MAX_REPORT_INTERVAL, REPORT_BUDGET, REPORT_INTERVAL, RunJob

    ds, cfg = loy
    trainer = Trainer(ds, cfg)
    trainer._compiled = None  # a loop that holds the GIL: the worker waits for the window
    worker = controller.worker
    assert worker.report_cost == 0.0 and worker.next_report_interval() == REPORT_INTERVAL
    worker.report_cost = 0.006
    assert worker.next_report_interval() == pytest.approx(0.006 / REPORT_BUDGET)
    worker.report_cost = 1.0
    assert worker.next_report_interval() == MAX_REPORT_INTERVAL

    class SlowWindow(_CountingEvent):
        def wait(self, timeout=None):
            time.sleep(0.02)  # the window takes 20 ms to draw each report
            return True

    worker.report_cost = 0.0
    worker.handled = SlowWindow()
    for _ in range(3):
        worker.emit_report(RunJob(1, trainer, ds.X), 0.0)
    assert worker.report_cost >= 0.02 * (1 - 0.7**3)  # smoothed towards the measured cost
    assert worker.next_report_interval() >= min(MAX_REPORT_INTERVAL, 0.0134 / REPORT_BUDGET)
    assert worker.next_report_interval() > 4 * REPORT_INTERVAL


def test_worker_is_released_only_after_the_repaints_the_report_scheduled(qtbot, controller, loy):
    """Qt posts repaints at low priority; the worker trains on only once they have run."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

    seen = []

    class Repaint(QObject):
        def event(self, e):
            if e.type() == QEvent.Type.User:
                seen.append(controller.worker.handled.is_set())
                return True
            return super().event(e)

    target = Repaint()
    low = Qt.EventPriority.LowEventPriority.value

    def draw(rep):  # stands in for a view whose update() schedules a paint
        QCoreApplication.postEvent(target, QEvent(QEvent.Type.User), low)

    ds, cfg = loy
    t = controller.set_session(ds, cfg)
    controller.report.connect(draw)
    controller.worker.handled.clear()
    controller.worker.report.emit(make_report(controller.run_id, t, ds.X))
    assert not controller.worker.handled.is_set()  # still drawing
    qtbot.waitUntil(lambda: controller.worker.handled.is_set(), timeout=2000)
    assert seen == [False]  # the "repaint" ran while the worker still waited


def test_a_failed_run_has_ended_when_the_window_hears_of_it(qtbot, window, monkeypatch):
    """The failure arrives once the worker is idle: the window showing it is no longer running, and a Train
    pressed at once starts the next run (it was once taken as Pause)."""
    from core.trainer import Trainer

    seen = []

    def boom(self, epochs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(Trainer, "train", boom)
    window.controller.failed.connect(
        lambda _text: seen.append((window.controller.worker.idle.is_set(), window.controller.state)))
    window.start_training()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == (True, "failed")
    monkeypatch.undo()
    assert window.start_training()
    assert window.controller.state == "running"
    assert window.controller.wait_idle(30)
