"""A CSV file read on the loader thread is applied from there too (nngui.files.csv_loader, W8): the table, the
trainer, its first report, the undo step, the messages and the title are exactly those of the same file read
on the GUI thread; a newer import or a change made meanwhile wins; no thread outlives the window."""

from __future__ import annotations

import numpy as np
import pytest

from nngui.app import create_main_window


@pytest.fixture
def gui_builds(monkeypatch):
    """One entry for each trainer the GUI thread builds itself (True) when a table change rebuilds it."""
    import nngui.session as session_mod

    calls: list[bool] = []
    real = session_mod.build_trainer

    def build(*args, **kwargs):
        calls.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(session_mod, "build_trainer", build)
    return calls


@pytest.fixture
def make_window(qtbot):
    made = []

    def make():
        w = create_main_window(preset="loy-xor", restore=False)
        w.persist_state = False
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.csv_importer.shutdown()
        w.controller.shutdown()


def write_csv(path, rows: int = 3000, inputs: int = 4, seed: int = 0, classes: int = 0) -> None:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, inputs)) * 20  # wide inputs: the range hint shows
    y = rng.integers(0, classes, rows) if classes else (X[:, 0] > 0).astype(float)
    names = [f"in{i}" for i in range(inputs)] + ["out"]
    lines = [",".join(names)] + [",".join(f"{v:.6f}" for v in row) + f",{t:g}" for row, t in zip(X.tolist(), y)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_in(qtbot, w, path, background: bool) -> None:
    if background:
        with qtbot.waitSignal(w.csv_importer.loaded, timeout=60000):
            assert w.import_csv(path, background=True)
    else:
        assert w.import_csv(path, background=False)


def state(w) -> dict:
    t = w.controller.trainer
    rep = w.session.report
    m = w.data_model
    return {
        "names": m.names(), "roles": m.roles(), "values": m.values(),
        "undo": [w.undo_stack.text(i) for i in range(w.undo_stack.count())], "index": w.undo_stack.index(),
        "params": t.network.params.copy(), "epoch": t.epoch, "history": t.history.curve(),
        "config": t.config, "rows": (t.train_rows.copy(), t.val_rows.copy()), "classes": t.classes,
        "predictions": rep.predictions.copy(), "report_epoch": rep.progress.epoch,
        "layers": [(W.copy(), None if b is None else b.copy()) for W, b in rep.layers],
        "title": w.windowTitle(), "status": w.statusBar().currentMessage(),
        "hint": w.views.data_hints.isVisibleTo(w) and w.views.data_hints.label.text(),
        "shown": w.views.prediction_model.predictions(),
        "state": w.controller.state,
    }


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        x, y = a[key], b[key]
        if key == "layers":
            for (W1, b1), (W2, b2) in zip(x, y):
                np.testing.assert_array_equal(W1, W2)
                np.testing.assert_array_equal(b1, b2)
        elif key in ("history", "rows"):
            for u, v in zip(x, y):
                np.testing.assert_array_equal(u, v)
        elif isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=key)
        else:
            assert x == y, key


@pytest.mark.parametrize("classes", [0, 4])
def test_the_thread_applies_a_file_exactly_as_the_gui_thread_does(qtbot, make_window, tmp_path, classes,
                                                                  gui_builds):
    path = tmp_path / "data.csv"
    write_csv(path, classes=classes)
    results = []
    for background in (False, True):
        w = make_window()
        w.step(7)  # a trained network before the import: its weights cannot carry on (4 inputs, not 3)
        w.controller.wait_idle(30)
        gui_builds.clear()
        import_in(qtbot, w, path, background)
        assert gui_builds == ([] if background else [True])  # built on the loader thread, or here
        results.append(state(w))
        w.undo_action.trigger()  # the import is one undo step: the preset's table comes back
        assert w.data_model.names() == ["x1", "x2", "x3", "y"]
        w.redo_action.trigger()
        np.testing.assert_array_equal(w.data_model.values(), results[-1]["values"])
    assert_same(*results)
    assert "Imported 3,000 rows from data.csv" in results[1]["status"]
    assert results[1]["undo"][-1] == "Import data.csv"


def test_weights_carry_on_when_the_shape_fits(qtbot, make_window, tmp_path, gui_builds):
    """Three inputs and one 0/1 target, like loy-xor's table: the trained weights and history carry on."""
    path = tmp_path / "same.csv"
    write_csv(path, rows=500, inputs=3)
    results = []
    for background in (False, True):
        w = make_window()
        w.step(37)
        w.controller.wait_idle(30)
        gui_builds.clear()
        import_in(qtbot, w, path, background)
        assert gui_builds == ([] if background else [True])
        results.append(state(w))
        assert w.controller.trainer.epoch == 37 and w.controller.trainer.history.last_epoch == 37
    assert_same(*results)


def test_a_running_training_is_paused_and_carries_on(qtbot, make_window, tmp_path, gui_builds):
    path = tmp_path / "same.csv"
    write_csv(path, rows=500, inputs=3)
    w = make_window()
    w.apply_config(w.settings_panel.config().replace(epochs=0))
    assert w.start_training()
    qtbot.waitUntil(lambda: w.session.report.progress.epoch > 0)
    gui_builds.clear()
    import_in(qtbot, w, path, True)
    assert gui_builds == []
    assert w.controller.state == "paused" and w.controller.trainer.epoch > 0
    assert "Training was paused" in w.statusBar().currentMessage()


def test_a_change_while_the_trainer_is_built_is_not_lost(qtbot, make_window, tmp_path, gui_builds):
    """Settings changed after the file was read: the rebuild does not take the trainer built for the old ones."""
    path = tmp_path / "data.csv"
    write_csv(path)
    ref = make_window()
    ref.apply_config(ref.settings_panel.config().replace(hidden=(5,), learning_rate=0.25))
    import_in(qtbot, ref, path, False)
    w = make_window()
    w.csv_importer.applying.connect(
        lambda _p: w.settings_panel.set_config(w.settings_panel.config().replace(hidden=(5,), learning_rate=0.25)))
    gui_builds.clear()
    import_in(qtbot, w, path, True)
    assert gui_builds  # the trainer built on the thread was for the old settings: built again here
    w.apply_config(w.settings_panel.config())  # the settings panel's own change, once the table is in
    assert w.controller.trainer.config.hidden == (5,)
    np.testing.assert_array_equal(w.controller.trainer.network.params, ref.controller.trainer.network.params)


@pytest.mark.parametrize("when", ["reading", "building"])
def test_a_newer_import_cancels_an_older_one(qtbot, make_window, tmp_path, when):
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    write_csv(old, rows=40000, inputs=4, seed=1)
    write_csv(new, rows=2000, inputs=2, seed=2)
    w = make_window()
    loaded = []
    w.csv_importer.loaded.connect(loaded.append)
    if when == "building":
        started = []
        w.csv_importer.applying.connect(started.append)
        assert w.import_csv(old, background=True)
        qtbot.waitUntil(lambda: bool(started), timeout=60000)  # read: its trainer is being built
    else:
        assert w.import_csv(old, background=True)
    with qtbot.waitSignal(w.csv_importer.loaded, timeout=60000):
        assert w.import_csv(new, background=True)
    qtbot.wait(300)
    assert loaded == [str(new)]
    assert w.data_model.names() == ["in0", "in1", "out"]
    assert w.controller.trainer.dataset.X.shape == (2000, 2)
    assert [w.undo_stack.text(i) for i in range(w.undo_stack.count())] == ["Import new.csv"]
    assert w.windowTitle().startswith("new.csv")


def test_closing_while_a_trainer_is_built_leaves_no_thread(qtbot, tmp_path):
    path = tmp_path / "data.csv"
    write_csv(path, rows=20000)
    w = create_main_window(preset="loy-xor", restore=False)
    w.persist_state = False
    w.show()
    started = []
    w.csv_importer.applying.connect(started.append)
    assert w.import_csv(path, background=True)
    qtbot.waitUntil(lambda: bool(started), timeout=60000)
    w.set_modified(False)
    assert w.close()
    for thread in (w.csv_importer.thread, w.controller.thread):
        assert thread is not None and thread.isFinished()
