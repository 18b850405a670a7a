"""Training in a child process (core.train_process, issue 17 W6): the same run bit for bit, and no child left.

The child trains the chunks of a copy of the parent's trainer and sends back what training changed; the
parent's trainer must end exactly where training it in-process ends: weights, optimiser state, random
stream, loss curves, epoch, stop reasons. A child must never outlive its parent or the window.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from core import train_process as tp
from core.config import TrainConfig
from core.data import Dataset
from core.history import LossHistory
from core.presets import get_preset
from core.trainer import Trainer

CHUNKS = (1, 7, 40, 3, 120, 29)  # uneven chunk sizes, as the worker's adaptive chunks are


@pytest.fixture(scope="module")
def child():
    process = tp.TrainingProcess()
    assert process.wait_ready(), "the child did not start"
    yield process
    process.close()


def blobs(rows: int = 120, seed: int = 3) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(rows, 3))
    y = (X[:, 0] + 0.5 * X[:, 1] ** 2 > 0.3).astype(float)[:, None]
    return Dataset(X, y, ("a", "b", "c"), ("y",))


CASES = {
    "spiral adam": lambda: (get_preset("spiral").dataset(), get_preset("spiral").config),
    "iris validation normalised": lambda: (get_preset("iris").dataset(), get_preset("iris").config),
    "mini-batches momentum l2 schedule": lambda: (blobs(), TrainConfig(
        hidden=(6, 5), activation="tanh", output_activation="sigmoid", loss="bce", optimizer="momentum",
        learning_rate=0.1, batch_size=16, l2=0.01, schedule="step:0.5:50", epochs=0, seed=11)),
    "early stopping": lambda: (blobs(200, 5), TrainConfig(
        hidden=(16,), activation="relu", output_activation="sigmoid", loss="bce", optimizer="adam",
        learning_rate=0.05, validation=0.3, early_stopping=5, epochs=0, seed=2)),
    "stop at a loss inside a chunk": lambda: (blobs(), TrainConfig(
        hidden=(8,), activation="tanh", output_activation="sigmoid", loss="bce", optimizer="adam",
        learning_rate=0.05, stop_loss=0.3, epochs=0, seed=4)),
    "diverges": lambda: (blobs(), TrainConfig(
        hidden=(8,), activation="relu", output_activation="linear", loss="mse", optimizer="gd",
        learning_rate=50.0, batch_size=8, epochs=0, seed=1)),
}


def same_state(a: Trainer, b: Trainer) -> None:
    """Everything training changes is equal, bit for bit."""
    assert (a.epoch, a.diverged, a.reached) == (b.epoch, b.diverged, b.reached)
    assert np.array_equal(a.network.params, b.network.params)
    assert a.rng.bit_generator.state == b.rng.bit_generator.state
    assert pickle.dumps(a.optimizer) == pickle.dumps(b.optimizer)
    assert a.last_loss == b.last_loss or (a.last_loss != a.last_loss and b.last_loss != b.last_loss)
    assert a.last_val_loss == b.last_val_loss
    for h, g in ((a.history, b.history), (a.val_history, b.val_history)):
        for x, y in zip(h.curve(), g.curve()):
            assert np.array_equal(x, y)
    assert a.best_epoch == b.best_epoch
    assert a.config == b.config


@pytest.mark.parametrize("case", list(CASES))
def test_chunks_trained_in_the_child_give_the_same_run_bit_for_bit(child, case):
    dataset, config = CASES[case]()
    here, there = Trainer(dataset, config), Trainer(dataset, config)
    assert tp.suitable(there)
    for n in CHUNKS:
        here.train(n)
        child.train(there, n)
        same_state(here, there)
    assert there.epoch > 0


def test_a_new_learning_rate_and_a_hand_edit_between_chunks_reach_the_child(child):
    dataset, config = CASES["spiral adam"]()
    here, there = Trainer(dataset, config), Trainer(dataset, config)
    for t in (here, there):
        t.train(5) if t is here else child.train(t, 5)
        t.set_learning_rate(0.005)
    here.train(30)
    child.train(there, 30)
    same_state(here, there)
    for t in (here, there):  # a weight edited by hand while paused
        t.network.params[3] += 0.25
    here.train(20)
    child.train(there, 20)
    same_state(here, there)


def test_the_child_switches_between_trainers_and_resumes_a_restored_checkpoint(child):
    d1, c1 = CASES["spiral adam"]()
    d2, c2 = CASES["mini-batches momentum l2 schedule"]()
    a1, b1, a2, b2 = Trainer(d1, c1), Trainer(d1, c1), Trainer(d2, c2), Trainer(d2, c2)
    a1.train(10)
    child.train(b1, 10)
    a2.train(25)
    child.train(b2, 25)  # the child now holds the second trainer
    cp_a, cp_b = a1.checkpoint(), b1.checkpoint()
    a1.train(15)
    child.train(b1, 15)  # back to the first: rebuilt from its recipe, its state sent along
    same_state(a1, b1)
    a1.restore(cp_a)  # time travel: back to epoch 10's weights
    b1.restore(cp_b)
    a1.train(8)
    child.train(b1, 8)
    assert np.array_equal(a1.network.params, b1.network.params)


def test_an_error_in_the_child_is_raised_with_its_name_and_leaves_the_trainer_as_it_was():
    process = tp.TrainingProcess()
    assert process.wait_ready()
    dataset, config = CASES["spiral adam"]()
    t = Trainer(dataset, config)
    process.train(t, 3)
    before = t.network.params.copy()
    good = t.optimizer
    t.optimizer = object()  # the child's copy cannot train with this
    with pytest.raises(tp.RemoteError, match="AttributeError"):
        process.train(t, 3)
    assert t.epoch == 3 and np.array_equal(t.network.params, before)
    assert not process.alive()  # requests asked after the failed one are void: the process is closed
    t.optimizer = good
    again = tp.TrainingProcess()
    assert again.wait_ready()
    again.train(t, 4)
    assert t.epoch == 7
    again.close()


def test_chunks_asked_ahead_are_answered_in_order_with_a_new_rate_between(child):
    dataset, config = CASES["iris validation normalised"]()
    here, there = Trainer(dataset, config), Trainer(dataset, config)
    for n in (3, 9, 27):
        child.submit(there, n)
    child.submit(there, 5, 0.003)  # the new base rate from this chunk on
    assert child.in_flight == 4
    child.collect(there)
    assert there.epoch == 3
    for _ in range(3):
        child.collect(there)
    here.train(39)
    here.set_learning_rate(0.003)
    here.train(5)
    same_state(here, there)


def test_a_killed_child_raises_process_gone_and_leaves_the_trainer_as_it_was():
    process = tp.TrainingProcess()
    assert process.wait_ready()
    dataset, config = CASES["spiral adam"]()
    t = Trainer(dataset, config)
    process.train(t, 2)
    before = t.network.params.copy()
    process.process.kill()
    process.process.wait()
    with pytest.raises(tp.ProcessGone):
        process.train(t, 2)
    assert t.epoch == 2 and np.array_equal(t.network.params, before)
    assert not process.alive()
    process.close()


def test_close_ends_the_child():
    process = tp.TrainingProcess()
    assert process.wait_ready()
    process.close()
    assert process.process.returncode == 0


def test_the_child_ends_when_its_parent_dies():
    """A parent killed outright (no close, no atexit): the child reads end-of-file and exits."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(tp.__file__)))
    code = textwrap.dedent("""
        import os, sys
        from core import train_process as tp
        p = tp.TrainingProcess()
        assert p.wait_ready()
        print(p.process.pid, flush=True)
        os._exit(9)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PYTHONPATH=root))
    pid = int(out.stdout.split()[0])
    assert gone(pid, 10.0), f"the child {pid} outlived its parent"


def gone(pid: int, timeout: float) -> bool:
    """The process has exited (or is a zombie nobody waits for), within ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().split(")")[-1].split()[0] in ("Z", "X"):
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_a_history_pickles_without_its_spare_capacity_and_a_tail_rebuilds_it():
    h = LossHistory(capacity=8)
    h.extend(1, np.arange(5, dtype=float))
    assert len(pickle.dumps(h)) < 1000
    copy = pickle.loads(pickle.dumps(h))
    assert copy._last.size == 8 and all(np.array_equal(a, b) for a, b in zip(h.curve(), copy.curve()))
    mark = tp.history_mark(copy)
    h.extend(6, np.array([9.0, 8.0]))  # the same stride: only the tail travels
    tail = tp.history_tail(h, mark)
    assert isinstance(tail, tuple)
    tp._put_history(copy, tail)
    assert all(np.array_equal(a, b) for a, b in zip(h.curve(), copy.curve()))
    mark = tp.history_mark(copy)
    h.extend(8, np.arange(20, dtype=float))  # compacted: the stride grew, the whole history travels
    tail = tp.history_tail(h, mark)
    assert isinstance(tail, LossHistory)
    tp._put_history(copy, pickle.loads(pickle.dumps(tail)))
    assert all(np.array_equal(a, b) for a, b in zip(h.curve(), copy.curve()))
    copy.extend(28, np.array([1.0]))  # still a working history
    h.extend(28, np.array([1.0]))
    assert all(np.array_equal(a, b) for a, b in zip(h.curve(), copy.curve()))


def test_big_or_compiled_trainers_stay_in_process(monkeypatch):
    spiral = get_preset("spiral")
    assert tp.suitable(Trainer(spiral.dataset(), spiral.config))
    big = TrainConfig(hidden=(400, 300), activation="relu", output_activation="softmax", loss="ce",
                      optimizer="adam", epochs=1)
    assert not tp.suitable(Trainer(spiral.dataset(), big))
    one_by_one = TrainConfig(hidden=(4,), activation="tanh", output_activation="sigmoid", loss="bce",
                             optimizer="sgd", batch_size=1, epochs=1)
    rows = tp.MAX_BATCHES + 1  # an epoch of more batches than that cannot be cut short by a pause there
    many = Dataset(np.zeros((rows, 2)), np.zeros((rows, 1)), ("a", "b"), ("y",))
    assert not tp.suitable(Trainer(many, one_by_one))
    assert tp.suitable(Trainer(Dataset(np.zeros((rows - 1, 2)), np.zeros((rows - 1, 1)), ("a", "b"), ("y",)),
                               one_by_one))
    monkeypatch.setenv("NNGUI_TRAIN_PROCESS", "0")
    assert not tp.suitable(Trainer(spiral.dataset(), spiral.config))
