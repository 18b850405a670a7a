"""Time travel: the worker keeps checkpoints without changing the run, the time slider puts every view at a
checkpoint's weights, Resume from here trains on bit for bit from it and leaves the earlier run as a ghost."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core import inspect as ins
from core.data import DataError
from core.modelfile import model_from_trainer
from core.checkpoints import MAX_BYTES, MAX_COUNT, log_grid
from core.presets import get_preset
from core.trainer import Trainer
from nngui.files.project import Project, project_from_dict, project_to_dict
from nngui.support import formatting
from nngui.training.timeline import Checkpoints, history_until
from nngui.training.worker import RunJob, TrainingWorker


def run_worker(trainer, store=None, max_epochs=None, chunk_seconds=None) -> TrainingWorker:
    """The worker's loop in this thread, reports not waited for."""
    w = TrainingWorker()
    w.handled_timeout = 0.0
    if chunk_seconds is not None:
        w.chunk_seconds = chunk_seconds
    w.run(RunJob(1, trainer, trainer.dataset.X, max_epochs, checkpoints=store))
    return w


CASES = {
    "loy-xor gd": ("loy-xor", {}),
    "circle adam": ("circle", {}),
    "circle sgd batches of 16": ("circle", {"optimizer": "sgd", "batch_size": 16, "learning_rate": 0.1}),
    "iris momentum, validation": ("iris", {"optimizer": "momentum", "batch_size": 32, "learning_rate": 0.05}),
    "iris adam, cosine schedule, L2, early stopping": ("iris", {"schedule": "cosine", "l2": 0.001, "early_stopping": 40}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_checkpoints_leave_the_run_bit_identical_and_each_restores_its_epoch(case):
    name, changes = CASES[case]
    p = get_preset(name)
    ds, cfg = p.dataset(), p.config.replace(epochs=700, **changes)
    store = Checkpoints()
    live = Trainer(ds, cfg)
    run_worker(live, store, chunk_seconds=0.002)  # small chunks: many ends, grid cuts and reports
    ref = Trainer(ds, cfg)
    ref.train(700)  # one chunk, no checkpoint
    assert live.epoch == ref.epoch and (live.epoch == 700 or ref.reached)
    assert np.array_equal(live.network.params, ref.network.params)
    for a, b in zip(live.history.arrays(), ref.history.arrays()):
        assert np.array_equal(a, b)
    for a, b in zip(live.val_history.arrays(), ref.val_history.arrays()):
        assert np.array_equal(a, b)
    epochs = store.epochs()
    grid = [0]
    while grid[-1] < live.epoch:
        grid.append(log_grid(grid[-1]))
    assert set(grid[:-1]) <= set(epochs) and epochs[-1] == live.epoch  # every grid epoch, and the end
    for e in (3, grid[30], grid[-2]):
        cp = store.at(e)
        assert cp.epoch == e
        again = Trainer(ds, cfg)
        again.train(e)
        assert np.array_equal(cp.params, again.network.params)
        again.train(50)
        fresh = Trainer(ds, cfg, epoch=e)  # a trainer put back at the checkpoint trains on the same way
        fresh.restore(cp)
        fresh.train(50)
        assert fresh.epoch == again.epoch and np.array_equal(fresh.network.params, again.network.params)


class StubTrainer:
    """What the worker touches of a trainer, with 100,000 weights and training that costs nothing."""

    releases_gil = True

    def __init__(self, target: int, n_params: int = 100_000) -> None:
        p = get_preset("loy-xor")
        self.inner = Trainer(p.dataset(), p.config)
        self.dataset, self.network, self.history, self.val_history = (self.inner.dataset, self.inner.network,
                                                                      self.inner.history, self.inner.val_history)
        self.params = np.zeros(n_params)
        self.epoch, self.target = 0, target
        self.diverged = None

    done = property(lambda self: self.epoch >= self.target)

    def train(self, n):
        self.epoch = min(self.target, self.epoch + n)

    def checkpoint(self):
        cp = self.inner.checkpoint()
        return type(cp)(self.epoch, self.params.copy(), None, {})

    def set_learning_rate(self, lr):
        pass

    def interrupt_on(self, event, between=None):  # its chunks cost nothing: no need to cut them short
        pass

    def progress(self):
        return self.inner.progress()

    def weights(self):
        return self.inner.weights()

    def predict(self, X):
        return self.inner.predict(X)


def test_a_ten_million_epoch_feed_keeps_the_window_side_within_the_bounds():
    store = Checkpoints()
    trainer = StubTrainer(10_000_000)
    w = TrainingWorker()
    w.handled_timeout = 0.0
    w.next_report_interval = lambda: 0.0  # a report (and a checkpoint) after every chunk
    reports = []
    w.report.connect(reports.append)
    w.run(RunJob(1, trainer, trainer.dataset.X, checkpoints=store))
    epochs = store.epochs()
    assert trainer.epoch == 10_000_000 == epochs[-1] and epochs[0] == 0
    assert len(store) <= MAX_COUNT and store.store.nbytes <= MAX_BYTES
    assert len(store) == MAX_BYTES // 800_000  # 800 kB a checkpoint: the byte bound decides
    assert len(reports) > 100 and all(len(r.checkpoints) <= MAX_COUNT for r in reports)
    assert reports[-1].checkpoints == epochs


# ---------------------------------------------------------------------------------- the window


def train(window, qtbot, preset: str, epochs: int, **changes):
    window.load_preset(preset)
    window.apply_config(window.settings_panel.config().replace(epochs=epochs, **changes))
    assert window.start_training()
    assert window.controller.wait_idle(120)
    qtbot.waitUntil(lambda: window.session.report.progress.epoch == epochs)
    p = get_preset(preset)
    return p.dataset(), p.config.replace(epochs=epochs, **changes)


def reference(ds, cfg, epoch: int) -> Trainer:
    t = Trainer(ds, cfg)
    t.train(epoch)
    return t


def test_the_time_slider_puts_every_view_at_the_checkpoints_weights(qtbot, window):
    ds, cfg = train(window, qtbot, "circle", 400)
    tt = window.time_travel
    slider = tt.slider
    epochs = window.controller.checkpoints.epochs()
    assert tt.epochs == epochs and slider.isEnabled()
    assert slider.maximum() == len(epochs) - 1 == slider.value() and tt.bar.label.text() == "live"
    assert not window.resume_from_here_action.isEnabled()
    window.show_maths_inspector()
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Home)
    QTest.keyClick(slider, Qt.Key.Key_PageUp)  # ten checkpoints on
    QTest.keyClick(slider, Qt.Key.Key_Right)  # one more: the slider's, not the window's Step
    assert slider.value() == 11 and window.controller.trainer.epoch == 400
    e = epochs[11]
    ref = reference(ds, cfg, e)
    assert tt.shown.progress.epoch == e and tt.bar.label.text() == f"epoch {e}"
    (W1, b1), (W2, b2) = ref.weights()
    view = window.network_view
    assert view.edge_value(0, 1, 3) == W1[1, 3] and view.edge_value(1, 5, 0) == W2[5, 0]
    assert np.array_equal(window.prediction_model.predictions(), ref.predict(ds.X))
    assert window.status_epoch.text().startswith(f"Epoch {e} ")
    assert tt.line.isVisible() and tt.line.value() == e
    qtbot.waitUntil(lambda: window.decision_map.drawn_report is tt.shown)
    qtbot.waitUntil(lambda: window.inspector.net is not None
                    and np.array_equal(window.inspector.net.params, ref.network.params))
    window.show_evaluate()  # the Evaluate tab's figures are the checkpoint's too
    qtbot.waitUntil(lambda: window.insight.evaluate.drawn_report is tt.shown)
    assert window.resume_from_here_action.isEnabled()
    # The selected row's activations in the diagram follow the checkpoint too.
    window.prediction_view.select_source_row(2)
    acts = ref.network.forward(ins.Session.from_trainer(ref).prepare(ds.X[2:3]))
    assert formatting.weight(float(acts[1][0, 3])) in view.node_text(1, 3)
    QTest.keyClick(slider, Qt.Key.Key_End)  # back to live
    assert tt.shown is None and not tt.line.isVisible() and tt.bar.label.text() == "live"
    live = window.controller.trainer
    # Training with checkpoints in the window gave the same weights as the core alone.
    assert np.array_equal(live.network.params, reference(ds, cfg, 400).network.params)
    assert view.edge_value(0, 1, 3) == live.weights()[0][0][1, 3]
    assert np.array_equal(window.prediction_model.predictions(), live.predict(ds.X))


def test_dragging_pauses_training_and_releasing_at_the_end_goes_on(qtbot, window):
    window.load_preset("circle")
    window.apply_config(window.settings_panel.config().replace(epochs=0))  # until stopped
    c, tt = window.controller, window.time_travel
    window.start_training()
    qtbot.waitUntil(lambda: len(tt.epochs) > 20, timeout=20000)
    tt.slider.setSliderDown(True)  # the mouse takes the handle
    assert c.state == "paused"
    stopped = c.trainer.epoch
    tt.slider.setValue(5)
    assert tt.shown.progress.epoch == tt.epochs[5] and c.trainer.epoch == stopped
    qtbot.wait(200)  # the run's last report arrives meanwhile: the checkpoint stays on screen
    assert window.network_view.edge_value(0, 0, 0) == tt.shown.layers[0][0][0, 0]
    tt.slider.setValue(tt.slider.maximum())
    tt.slider.setSliderDown(False)
    assert tt.shown is None and c.state == "running"
    qtbot.waitUntil(lambda: c.trainer is not None and window.session.report.progress.epoch > stopped)
    c.pause(wait=True)
    # Released before the end: it stays there, paused.
    tt.slider.setSliderDown(True)
    tt.slider.setValue(3)
    tt.slider.setSliderDown(False)
    assert c.state == "paused" and tt.shown.progress.epoch == tt.epochs[3]
    window.start_training()  # Train: live again
    assert tt.shown is None and not tt.line.isVisible()
    # The keyboard while training: it pauses, and the key still counts.
    qtbot.waitUntil(lambda: window.session.report.progress.epoch > stopped + 100, timeout=20000)
    tt.slider.setFocus()
    QTest.keyClick(tt.slider, Qt.Key.Key_Home)
    assert c.state == "paused" and tt.shown.progress.epoch == 0 and tt.slider.value() == 0
    qtbot.wait(200)
    assert tt.shown.progress.epoch == 0 and tt.slider.value() == 0  # the run's last report did not move it


def test_resume_from_here_trains_on_bit_for_bit_and_leaves_the_earlier_run_as_a_ghost(qtbot, window):
    ds, cfg = train(window, qtbot, "circle", 500)
    c, tt = window.controller, window.time_travel
    assert window.loss_plot.ghost_count() == 0
    tt.slider.setValue(40)
    e = tt.shown.progress.epoch
    assert 0 < e < 500
    cp = c.checkpoints.at(e)
    window.resume_from_here_action.trigger()
    assert c.wait_idle(120)
    qtbot.waitUntil(lambda: window.session.report.progress.epoch == 500)
    t = c.trainer
    # A fresh core trainer put at the same checkpoint, trained on to the target.
    start = Trainer(ds, cfg).network.copy()
    start.params[...] = cp.params
    fresh = Trainer(ds, cfg, start=start, history=history_until(reference(ds, cfg, e).history, e), epoch=e)
    fresh.restore(cp)
    fresh.train(500 - e)
    assert t.epoch == fresh.epoch == 500
    assert np.array_equal(t.network.params, fresh.network.params)
    assert np.array_equal(t.network.params, reference(ds, cfg, 500).network.params)  # as if never interrupted
    for a, b in zip(t.history.arrays(), reference(ds, cfg, 500).history.arrays()):
        assert np.array_equal(a, b)
    assert window.loss_plot.ghost_count() == 1 and window.loss_plot.ghost_labels()[0].endswith(": same settings")
    assert tt.shown is None and c.checkpoints.epochs()[-1] == 500


# ---------------------------------------------------------------------------------- projects


def test_a_project_keeps_the_checkpoints_and_resume_after_opening_is_still_exact(qtbot, window, tmp_path):
    ds, cfg = train(window, qtbot, "circle", 300)
    saved = window.controller.checkpoints.all()
    path = tmp_path / "run.nngui.json"
    assert window.save_project(path)
    d = json.loads(path.read_text())
    assert d["checkpoints"]["encoding"] == "base64-le" and len(d["checkpoints"]["items"]) == len(saved)
    first = d["checkpoints"]["items"][0]["params"]
    assert first["dtype"] == "float64" and first["size"] == 33  # 2-8-1 with biases
    assert base64.b64decode(first["data"]) == saved[0].params.astype("<f8").tobytes()
    window.load_preset("xor")  # something else on screen, no checkpoints
    assert len(window.controller.checkpoints) == 0 and not window.time_travel.slider.isEnabled()
    assert window.load_project(path)
    loaded = window.controller.checkpoints.all()
    assert [cp.epoch for cp in loaded] == [cp.epoch for cp in saved] and window.time_travel.slider.isEnabled()
    for a, b in zip(loaded, saved):
        assert np.array_equal(a.params, b.params) and a.rng_state == b.rng_state
        assert type(a.optimizer) is type(b.optimizer) and a.optimizer.t == b.optimizer.t
        assert np.array_equal(a.optimizer.m, b.optimizer.m) and np.array_equal(a.optimizer.v, b.optimizer.v)
        assert a.optimizer.learning_rate == b.optimizer.learning_rate
    # Travel back in the opened project and resume: the same weights as one run straight through.
    tt = window.time_travel
    tt.slider.setValue(30)
    e = tt.shown.progress.epoch
    assert np.array_equal(window.prediction_model.predictions(), reference(ds, cfg, e).predict(ds.X))
    window.resume_from_here_action.trigger()
    assert window.controller.wait_idle(120)
    assert np.array_equal(window.controller.trainer.network.params, reference(ds, cfg, 300).network.params)


def test_a_project_without_checkpoints_opens_and_has_nothing_to_travel_to(qtbot, window, tmp_path):
    train(window, qtbot, "circle", 100)
    path = tmp_path / "old.nngui.json"
    assert window.save_project(path)
    d = json.loads(path.read_text())
    del d["checkpoints"]  # as an earlier nngui wrote it
    path.write_text(json.dumps(d))
    window.load_preset("xor")
    assert window.load_project(path) and not window.errors
    assert window.controller.trainer.epoch == 100
    assert window.controller.checkpoints.epochs() == (100,)  # only the weights on screen
    assert not window.time_travel.slider.isEnabled()
    window.start_training()  # training on keeps checkpoints from there
    assert window.controller.wait_idle(60)
    assert window.controller.checkpoints.epochs()[0] == 100


def test_early_stoppings_state_goes_into_the_project_and_back():
    p = get_preset("iris")
    cfg = p.config.replace(epochs=300, early_stopping=30)
    t = Trainer(p.dataset(), cfg)
    store = Checkpoints()
    run_worker(t, store)
    proj = Project([f"x{i}" for i in range(4)] + ["species"], ["input"] * 4 + ["target"],
                   np.hstack([p.dataset().X, p.dataset().Y]), t.config, model_from_trainer(t), checkpoints=store.all())
    back = project_from_dict(json.loads(json.dumps(project_to_dict(proj)))).checkpoints
    assert np.isinf(back[0].best[0][0])  # no validation loss seen yet at epoch 0
    for a, b in zip(back, store.all()):
        assert np.array_equal(a.best[0], b.best[0]) and np.array_equal(a.best[1], b.best[1])
    mid = back[len(back) // 2]
    resumed = Trainer(p.dataset(), cfg, epoch=mid.epoch)
    resumed.restore(mid)
    resumed.train(300)
    straight = Trainer(p.dataset(), cfg)
    straight.train(300)
    assert resumed.epoch == straight.epoch and np.array_equal(resumed.network.params, straight.network.params)


@pytest.mark.parametrize("change, field", [
    (lambda items: items[1].__setitem__("epoch", items[0]["epoch"]), "checkpoints.items[1].epoch"),
    (lambda items: items[0]["params"].__setitem__("data", "!!"), "checkpoints.items[0].params.data"),
    (lambda items: items[0]["params"].__setitem__("size", 5), "checkpoints.items[0].params.size"),
    (lambda items: items[0]["optimizer"].__setitem__("class", "Lion"), "checkpoints.items[0].optimizer.class"),
    (lambda items: items[0]["optimizer"]["state"].__setitem__("t", 1.5), "checkpoints.items[0].optimizer.state.t"),
    (lambda items: items[0].__setitem__("rng", {"bit_generator": "PCG64", "state": 3}), "checkpoints.items[0].rng"),
    (lambda items: items[-1].__setitem__("epoch", 10**6), "checkpoints.items"),
])
def test_a_bad_checkpoint_is_refused_naming_the_field(change, field):
    p = get_preset("circle")
    t = Trainer(p.dataset(), p.config.replace(epochs=20))
    store = Checkpoints()
    run_worker(t, store)
    model = model_from_trainer(t)
    ds = p.dataset()
    proj = Project(["x", "y", "label"], ["input", "input", "target"], np.hstack([ds.X, ds.Y]), t.config, model,
                   checkpoints=store.all())
    good = project_to_dict(proj)
    back = project_from_dict(json.loads(json.dumps(good)))
    assert [c.epoch for c in back.checkpoints] == list(store.epochs())
    bad = json.loads(json.dumps(good))
    change(bad["checkpoints"]["items"])
    with pytest.raises(DataError) as err:
        project_from_dict(bad, source="run.nngui.json")
    assert "run.nngui.json" in str(err.value) and field in str(err.value)


# ---------------------------------------------------------------------------------- animations


def gif_frames(path):
    from PIL import Image, ImageSequence

    with Image.open(path) as im:
        return im.size, [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(im)], im.info.get("duration")


def test_export_animation_writes_the_frames_asked_for_from_the_window(qtbot, window, tmp_path):
    from nngui.files.animation import HEADER, AnimationOptions, export_animation, frame_epochs

    ds, cfg = train(window, qtbot, "circle", 400)
    before = window.controller.trainer.network.params.copy()
    path = tmp_path / "circle.gif"
    opts = AnimationOptions(path=str(path), frames=12, frame_ms=150, size=(300, 240))
    assert export_animation(window, opts) and not window.errors
    size, frames, duration = gif_frames(path)
    assert size == (3 * 300, 240 + HEADER) and len(frames) == 12 and duration == 150
    pngs = sorted((tmp_path / "circle_frames").glob("frame_*.png"))
    assert [p.name for p in pngs] == [f"frame_{i:04d}.png" for i in range(1, 13)]
    assert all(not np.array_equal(a, b) for a, b in zip(frames, frames[1:]))  # every frame differs
    header = [f[:HEADER] for f in frames]
    assert all(not np.array_equal(a, b) for a, b in zip(header, header[1:]))  # so does the printed epoch
    assert frame_epochs(0, 400, 12)[:3] == [0, 36, 73]
    # The window is as it was: same weights, nothing else trained.
    assert np.array_equal(window.controller.trainer.network.params, before)
    # Every checkpoint, decision map only: one frame each; a second export removes the first one's frames.
    n = len(window.controller.checkpoints)
    assert export_animation(window, AnimationOptions(path=str(path), frames=0, panels=("map",), size=(200, 200)))
    size, frames, _ = gif_frames(path)
    assert size == (200, 200 + HEADER) and len(frames) == n
    assert len(list((tmp_path / "circle_frames").glob("*.png"))) == n


def test_a_cancelled_export_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from nngui.files.animation import AnimationOptions, export_animation

    train(window, qtbot, "xor", 60)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert not export_animation(window, AnimationOptions(path=str(tmp_path / "x.gif"), frames=5))
    assert not window.errors and "cancelled" in window.statusBar().currentMessage()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("changes", [{}, {"schedule": "cosine", "l2": 0.01, "optimizer": "sgd", "batch_size": 32}])
def test_the_frames_are_the_weights_of_their_epochs(changes):
    from nngui.files.animation import replay

    p = get_preset("circle")
    ds, cfg = p.dataset(), p.config.replace(epochs=300, **changes)
    t = Trainer(ds, cfg)
    store = Checkpoints()
    run_worker(t, store)
    frames = replay(t, store.all(), [0, 7, 100, 151, 152, 299, 300])
    assert [f.epoch for f in frames] == [0, 7, 100, 151, 152, 299, 300]
    for f in frames:
        ref = reference(ds, cfg, f.epoch)
        for (W, b), (W2, b2) in zip(f.layers, ref.weights()):
            assert np.array_equal(W, W2) and np.array_equal(b, b2)
    assert np.array_equal(t.network.params, reference(ds, cfg, 300).network.params)  # only read


def test_export_animation_says_why_it_cannot(qtbot, window, tmp_path):
    from nngui.files.animation import AnimationOptions, export_animation

    assert not export_animation(window, AnimationOptions(path=str(tmp_path / "a.gif")))
    assert "train first" in window.errors[-1][1]
    train(window, qtbot, "xor", 50)
    missing = tmp_path / "no" / "a.gif"
    assert not export_animation(window, AnimationOptions(path=str(missing)))
    assert str(missing) in window.errors[-1][1] and "does not exist" in window.errors[-1][1]
    assert not export_animation(window, AnimationOptions(path=str(tmp_path), frames=5))
    assert "folder" in window.errors[-1][1]


def test_the_animation_dialog_collects_the_options(qtbot, tmp_path):
    from nngui.files.animation import AnimationOptions
    from nngui.files.animation_dialog import AnimationDialog

    d = AnimationDialog(AnimationOptions(path=str(tmp_path / "x.gif")), 87, map_ok=False)
    qtbot.addWidget(d)
    assert not d.map_check.isEnabled() and d.options().panels == ("loss", "diagram")
    assert "87" in d.every_radio.text()
    d.diagram_check.setChecked(False)
    d.every_radio.setChecked(True)
    d.ms_spin.setValue(250)
    o = d.options()
    assert o.panels == ("loss",) and o.frames == 0 and o.frame_ms == 250 and o.path == str(tmp_path / "x.gif")
    d.loss_check.setChecked(False)
    assert not d.ok_button.isEnabled()  # nothing to draw


def test_file_export_animation_asks_then_writes(qtbot, window, tmp_path, monkeypatch):
    from nngui.files.animation import AnimationOptions
    from nngui.files.dialogs import Dialogs

    train(window, qtbot, "xor", 60)
    asked = []

    def answer(self, defaults, checkpoints, map_ok):
        asked.append((defaults, checkpoints, map_ok))
        return AnimationOptions(path=str(tmp_path / "xor.gif"), frames=4, size=(160, 160))

    monkeypatch.setattr(Dialogs, "ask_animation", answer)
    action = window.findChild(type(window.resume_from_here_action), "exportAnimationAction")
    action.trigger()
    assert asked[0][1] == len(window.controller.checkpoints) and asked[0][2] is True
    assert gif_frames(tmp_path / "xor.gif")[0] == (3 * 160, 160 + 34) and len(gif_frames(tmp_path / "xor.gif")[1]) == 4


def run_cli(args, cwd):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "nngui", "animate", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=240)


def test_cli_animate_writes_the_gif_and_its_frames(tmp_path):
    r = run_cli(["--preset", "xor", "--epochs", "200", "--frames", "6", "--size", "200x160", "--lr", "0.5",
                 "--out", "xor.gif"], tmp_path)
    assert r.returncode == 0, r.stderr
    size, frames, _ = gif_frames(tmp_path / "xor.gif")
    assert size == (600, 160 + 34) and len(frames) == 6
    assert len(list((tmp_path / "xor_frames").glob("frame_*.png"))) == 6
    assert "epochs: 200" in r.stdout and "wrote xor.gif (6 frames" in r.stderr


@pytest.mark.parametrize("args, needle", [
    (["--preset", "xor", "--epochs", "50", "--out", "missing/x.gif"], "missing"),
    (["--preset", "xor", "--epochs", "50", "--out", "."], "folder"),
    (["--preset", "xor", "--epochs", "0", "--out", "x.gif"], "--epochs"),
    (["--preset", "nope", "--out", "x.gif"], "unknown preset"),
    (["--preset", "xor", "--frames", "0", "--out", "x.gif"], "--frames"),
    (["--preset", "xor", "--panels", "pie", "--out", "x.gif"], "unknown panel"),
    (["--preset", "xor"], "--out"),
    (["no-such.csv", "--out", "x.gif"], "no-such.csv"),
])
def test_cli_animate_bad_input_exits_2_naming_it(tmp_path, args, needle):
    r = run_cli(args, tmp_path)
    assert r.returncode == 2 and needle in r.stderr and "error:" in r.stderr
    assert not (tmp_path / "x.gif").exists()


def test_a_weight_edited_by_hand_while_travelling_goes_back_to_live(qtbot, window):
    from nngui.training.hand_edit import Parameter, ParameterCommand, read_parameter

    train(window, qtbot, "xor", 100)
    tt, t = window.time_travel, window.controller.trainer
    tt.slider.setValue(5)
    assert tt.shown is not None
    p = Parameter("weight", 0, 1, 0)
    old = read_parameter(t, p)
    window.undo_stack.push(ParameterCommand(window.session, p, old, old + 1.0))
    assert tt.shown is None and window.network_view.edge_value(0, 0, 1) == old + 1.0
    tt.slider.setValue(5)
    window.undo_stack.undo()
    assert tt.shown is None and window.network_view.edge_value(0, 0, 1) == old
