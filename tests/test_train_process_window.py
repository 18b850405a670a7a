"""The window's runs in a child process (issue 17 W6): the worker's contract is unchanged, no child survives.

A run that lasts moves its chunks to a child process (``nngui.training.worker.PROCESS_AFTER``; 0 here, so
every run does as soon as the child is ready). Pause, step, a new learning rate and the end of a run
behave as in-process, and the window's trainer ends bit for bit where a core Trainer trained alone ends.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.presets import get_preset
from core.trainer import Trainer
from nngui.training import worker as worker_module
from tests.helpers import shown_window
from tests.test_train_process import gone


@pytest.fixture
def spiral(qtbot, monkeypatch):
    """The spiral preset in a shown window whose runs train in a child process as soon as it is ready."""
    monkeypatch.setattr(worker_module, "PROCESS_AFTER", 0.0)
    w = shown_window(qtbot)
    w.load_preset("spiral")
    w.apply_config(w.controller.trainer.config.replace(epochs=0))  # until paused
    reports = []
    w.controller.report.connect(reports.append)
    w.reports = reports
    yield w
    w.controller.shutdown()


def run_detached(qtbot, w) -> None:
    """Start a run and wait until the window has drawn a report from the child process."""
    assert w.start_training()
    qtbot.waitUntil(lambda: any(r.detached for r in w.reports), timeout=20000)


def same_as_alone(trainer: Trainer) -> bool:
    alone = Trainer(trainer.dataset, trainer.config)
    alone.train(trainer.epoch)
    return (np.array_equal(alone.network.params, trainer.network.params)
            and alone.rng.bit_generator.state == trainer.rng.bit_generator.state
            and all(np.array_equal(a, b) for a, b in zip(alone.history.curve(), trainer.history.curve())))


def test_a_run_in_the_child_ends_bit_for_bit_where_training_alone_does(qtbot, spiral):
    w = spiral
    run_detached(qtbot, w)
    process = w.controller.worker._process
    assert process is not None and process.alive()
    assert w.controller.pause()
    t = w.controller.trainer
    assert t.epoch > 0 and w.controller.state == "paused"
    assert same_as_alone(t)
    qtbot.waitUntil(lambda: w.reports[-1].progress.epoch == t.epoch, timeout=5000)  # the run's last report
    last = w.reports[-1]
    assert np.array_equal(last.layers[0][0], t.network.layers()[0][0])


def test_step_trains_exactly_its_epochs_in_the_child(qtbot, spiral):
    w = spiral
    run_detached(qtbot, w)  # the child is ready and holds this trainer
    assert w.controller.pause()
    before = w.controller.trainer.epoch
    assert w.controller.step(2500)
    assert w.controller.wait_idle(60)
    assert w.controller.trainer.epoch == before + 2500
    assert w.controller.last_reason == worker_module.STEPPED
    assert same_as_alone(w.controller.trainer)


def test_a_new_learning_rate_while_training_in_the_child_is_applied(qtbot, spiral):
    w = spiral
    run_detached(qtbot, w)
    w.controller.set_learning_rate(0.004)
    qtbot.waitUntil(lambda: w.reports[-1].progress.learning_rate == 0.004, timeout=10000)
    assert w.controller.pause()
    t = w.controller.trainer
    assert t.config.learning_rate == 0.004 and t.optimizer.learning_rate == 0.004


def test_a_run_to_its_target_ends_done_with_its_exact_epochs(qtbot, spiral):
    w = spiral
    w.apply_config(w.controller.trainer.config.replace(epochs=4000))
    run_detached(qtbot, w)
    assert w.controller.wait_idle(120)
    assert w.controller.state == "done" and w.controller.trainer.epoch == 4000
    assert same_as_alone(w.controller.trainer)


def test_closing_the_window_mid_run_leaves_no_child(qtbot, spiral):
    w = spiral
    run_detached(qtbot, w)
    pid = w.controller.worker._process.process.pid
    assert w.controller.is_running()
    w.set_modified(False)
    w.close()
    assert gone(pid, 10.0), "the training process outlived the window"


def test_without_the_process_runs_stay_in_the_thread(qtbot, spiral, monkeypatch):
    monkeypatch.setenv("NNGUI_TRAIN_PROCESS", "0")
    w = spiral
    assert w.controller.step(3000)
    assert w.controller.wait_idle(60)
    assert w.controller.worker._process is None
    assert not any(r.detached for r in w.reports)


def test_the_decision_map_draws_the_grid_the_training_thread_evaluated(qtbot, spiral, monkeypatch):
    from core import inspect as ins
    from nngui.views.decision_map import GRID

    w = spiral
    dm = w.decision_map
    assert dm.isVisible()
    run_detached(qtbot, w)
    qtbot.waitUntil(lambda: any(r.plane is not None for r in w.reports), timeout=10000)
    assert w.controller.pause()
    rep = next(r for r in reversed(w.reports) if r.plane is not None)
    net = ins.network(rep.architecture, rep.layers)
    expected = ins.plane_map(net, dm.session, dm.bounds, GRID, block=ins.ONE_THREAD_ROWS)
    assert all(np.array_equal(a, b) for a, b in zip(rep.plane.layers, expected.layers))
    whole = ins.plane_map(net, dm.session, dm.bounds, GRID)  # in blocks or at once: the same map
    assert all(np.allclose(a, b, rtol=1e-12, atol=1e-12) for a, b in zip(rep.plane.layers, whole.layers))

    def not_here(*_args, **_kwargs):
        raise AssertionError("the GUI thread evaluated the grid")

    with monkeypatch.context() as m:
        m.setattr(ins, "plane_map", not_here)
        dm.set_report(rep)
        assert dm.refresh() and dm.plane is rep.plane


def test_a_child_that_dies_is_not_started_again_and_the_run_goes_on_in_the_thread(qtbot, spiral):
    w = spiral
    run_detached(qtbot, w)
    process = w.controller.worker._process
    process.process.kill()  # the run goes on in the thread from the trainer's last answered state
    qtbot.waitUntil(lambda: w.controller.worker._process is None, timeout=10000)
    epoch = w.controller.trainer.epoch if not w.controller.is_running() else None
    qtbot.waitUntil(lambda: w.reports[-1].progress.epoch > (epoch or 0) and not w.reports[-1].detached,
                    timeout=10000)
    assert w.controller.is_running() and w.controller.worker._process_failed
    assert w.controller.pause()
    assert w.controller.worker._process is None
    assert same_as_alone(w.controller.trainer)  # no epoch lost or trained twice
