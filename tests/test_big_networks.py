"""Big networks (W7): light reports draw the same diagram, predictions and weight history as full ones; a pause
cuts a long epoch short and training it again gives the same run, bit for bit; no thread outlives the window."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from core.config import TrainConfig
from core.data import Dataset
from core.trainer import Trainer
from nngui.app import create_main_window
from nngui.training.report import FULL_PARAMS, PREVIEW_UNITS
from nngui.training.worker import make_report
from nngui.views.network_view import NetworkView
from nngui.views.weight_history import WeightHistory


def table(rows: int = 60, inputs: int = 3, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, inputs))
    return Dataset(X, np.tanh(X[:, :1] - X[:, 1:2]), tuple(f"x{i}" for i in range(inputs)), ("y",))


BIG = TrainConfig(hidden=(400, 300), activation="tanh", output_activation="linear", loss="mse", optimizer="gd",
                  learning_rate=0.01, epochs=0)


@pytest.fixture
def big_trainer():
    t = Trainer(table(), BIG)
    assert t.network.arch.n_params > FULL_PARAMS
    t.train(3)
    return t


def pens(view: NetworkView, arch) -> list:
    out = []
    for l in range(arch.n_layers):
        for i in range(view.shown_units(l)):
            for j in range(view.shown_units(l + 1)):
                pen = view.edge_item(l, i, j).pen()
                out.append((pen.color().rgba(), pen.widthF(), view.edge_item(l, i, j).zValue()))
    for l in range(arch.n_layers + 1):
        for u in range(view.shown_units(l)):
            item = view.node_item(l, u)
            out.append((item.pen().color().rgba(), item.pen().widthF(), item.brush().color().rgba()))
    return out


def test_a_light_report_draws_the_same_diagram_and_sample(qtbot, big_trainer):
    t = big_trainer
    X = t.dataset.X
    full = make_report(1, t, X, full=True, sample_row=5)
    light = make_report(1, t, X, full=False, sample_row=5)
    assert full.full and not light.full and light.layers == ()
    assert all(W.shape[0] <= PREVIEW_UNITS and W.shape[1] <= PREVIEW_UNITS for W, _b in light.preview.blocks)
    np.testing.assert_array_equal(light.predictions, full.predictions)
    views = []
    for rep in (full, light):
        v = NetworkView()
        qtbot.addWidget(v)
        v.resize(700, 500)
        v.show()
        v.set_architecture(t.network.arch, t.dataset.input_names, ["y"])
        if rep.full:
            v.set_weights(rep.layers)
            acts = t.network.forward(t.prepare(X[5:6]))
            v.set_sample([a[0] for a in acts])
        else:
            p = rep.preview
            v.set_preview(p.blocks, p.weight_max, p.bias_max)
            assert rep.sample[0] == 5
            v.set_sample(list(rep.sample[1]))
        views.append(v)
    assert pens(views[0], t.network.arch) == pens(views[1], t.network.arch)
    assert views[0].edge_text(1, 3, 4) == views[1].edge_text(1, 3, 4)


def test_a_light_report_reuses_older_predictions_and_says_whose(big_trainer):
    t = big_trainer
    first = make_report(1, t, t.dataset.X, full=False)
    t.train(2)
    later = make_report(1, t, t.dataset.X, full=False, reuse=first)
    assert later.predictions is first.predictions and later.prediction_epoch == first.progress.epoch == 3
    assert later.progress.epoch == 5 and later.preview.weight_max == first.preview.weight_max
    fresh = make_report(1, t, t.dataset.X, full=False)
    assert fresh.predicted_epoch is None and fresh.prediction_epoch == 5
    np.testing.assert_array_equal(fresh.predictions, t.predict(t.dataset.X))


def test_the_weight_history_records_the_same_from_light_reports(big_trainer):
    t = big_trainer
    a, b = WeightHistory(), WeightHistory()
    for _ in range(3):
        a.record(make_report(1, t, t.dataset.X, full=True))
        b.record(make_report(1, t, t.dataset.X, full=False))
        t.train(1)
    for layer, i, j in ((0, 0, 0), (1, 15, 15), (2, 3, 0)):
        for x, y in zip(a.series(layer, i, j), b.series(layer, i, j)):
            np.testing.assert_array_equal(x, y)
    assert len(a.series(1, 15, 15)[0]) == 3


@pytest.mark.parametrize("config", [
    BIG.replace(optimizer="adam", learning_rate=0.001, batch_size=8),  # mini-batches: cut between slices
    BIG.replace(hidden=(2000, 2000), epochs=0),  # one full batch: cut inside the step's big products
])
def test_an_interrupted_chunk_never_happened(config):
    ds = table(rows=400 if config.batch_size else 8)
    ref, t = Trainer(ds, config), Trainer(ds, config)
    ref.train(2)
    t.train(1)
    before = t.network.params.copy()
    stop = threading.Event()
    calls = []

    def between():
        calls.append(1)
        stop.set()  # a pause arrives in the middle of the epoch

    t.interrupt_on(stop, between)
    if not config.batch_size:  # no slices in a full batch: the pause comes from another thread
        threading.Timer(0.01, stop.set).start()
    p = t.train(5)
    assert p.epoch == 1 and t.epoch == 1 and len(t.history) == 1
    np.testing.assert_array_equal(t.network.params, before)
    assert bool(calls) == bool(config.batch_size)
    t.interrupt_on(None)
    t.train(1)
    np.testing.assert_array_equal(t.network.params, ref.network.params)
    np.testing.assert_array_equal(t.history.curve()[1], ref.history.curve()[1])


def test_slices_of_batches_give_the_same_run_bit_for_bit():
    ds = table(rows=500)
    config = BIG.replace(hidden=(16,), optimizer="adam", learning_rate=0.01, batch_size=7, epochs=0)
    a, b = Trainer(ds, config), Trainer(ds, config)
    seen = []
    b.interrupt_on(threading.Event(), lambda: seen.append(b.network.params[0]))
    a.train(4)
    b.train(4)
    assert len(seen) > 4  # called between slices inside each epoch
    np.testing.assert_array_equal(a.network.params, b.network.params)
    np.testing.assert_array_equal(a.history.curve()[1], b.history.curve()[1])


@pytest.fixture
def big_window(qtbot):
    w = create_main_window(preset="loy-xor", restore=False)
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    w.data_model.set_dataset(table(rows=40))
    w.apply_config(BIG)
    yield w
    w.controller.shutdown()


def pause(qtbot, w) -> None:
    """Pause, and let the run's last report and its end reach the window."""
    with qtbot.waitSignal(w.controller.finished, timeout=30000):
        w.controller.pause(wait=False)
    qtbot.wait(50)


def test_the_window_trains_a_big_network_on_light_reports(qtbot, big_window):
    w = big_window
    reports = []
    w.controller.report.connect(reports.append)
    w.views.prediction_view.selectRow(4)
    qtbot.waitUntil(lambda: w.live.selected_row == 4)
    assert w.start_training()
    qtbot.waitUntil(lambda: len(reports) >= 3, timeout=30000)
    w.controller.request_full()
    qtbot.waitUntil(lambda: any(r.full for r in reports[3:]), timeout=30000)
    pause(qtbot, w)
    assert any(not r.full for r in reports)
    last = w.session.report
    assert last is reports[-1] and not last.full  # the decision map and the Maths tab are hidden: a pause waits for no copy
    assert last.progress.epoch == w.controller.trainer.epoch
    t = w.controller.trainer
    # what the window shows is what the trainer has
    np.testing.assert_array_equal(last.preview.blocks[1][0], t.network.weights[1][:PREVIEW_UNITS, :PREVIEW_UNITS])
    sample = [a[0] for a in t.network.forward(t.prepare(t.dataset.X[4:5]))]
    for a, b in zip(last.sample[1], sample):
        np.testing.assert_array_equal(a, b)
    w.show_maths_inspector()
    qtbot.wait(50)
    assert w.start_training()
    qtbot.waitUntil(lambda: w.session.report.progress.epoch > last.progress.epoch, timeout=30000)
    pause(qtbot, w)
    assert w.session.report is reports[-1] and w.session.report.full  # the Maths tab draws every weight: the run's last report has them


def test_closing_during_a_big_run_leaves_no_thread(qtbot, big_window):
    w = big_window
    assert w.start_training()
    qtbot.wait(200)
    w.set_modified(False)
    assert w.close()
    assert w.controller.thread.isFinished()
    assert w.controller.worker.idle.is_set()  # the run ended before the thread did
