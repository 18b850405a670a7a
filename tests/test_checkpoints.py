"""The checkpoint store: bounded in count and bytes for any run length, log-spaced further back, the
latest kept, and a checkpoint puts a trainer back exactly where it was."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.checkpoints import GROWTH, CheckpointStore, checkpoint_bytes, log_grid
from core.presets import get_preset
from core.trainer import Checkpoint, Trainer


def fake(epoch: int, n: int = 10) -> Checkpoint:
    return Checkpoint(epoch, np.full(n, float(epoch)), None, {})


def test_the_log_grid_starts_with_every_epoch_and_spreads_out():
    grid, e = [], 0
    while e < 100:
        e = log_grid(e)
        grid.append(e)
    assert grid[:10] == list(range(1, 11))
    assert grid[-1] >= 100 and all(b > a for a, b in zip(grid, grid[1:]))
    ratios = [b / a for a, b in zip(grid[10:], grid[11:])]
    assert max(ratios) < GROWTH + 0.1
    assert log_grid(0) == 1 and log_grid(-5) == 1


def run(store: CheckpointStore, last: int, report_every: int = 1, n: int = 10) -> None:
    """Feed the store as a trainer would: at every log-grid epoch and at every report."""
    e, report = 0, report_every
    store.add(fake(0, n))
    while e < last:
        e = min(store.next_wanted(e), report, last)
        if e == report:
            report += report_every
        store.add(fake(e, n))


def test_a_ten_million_epoch_run_stays_within_200_checkpoints_log_spaced():
    store = CheckpointStore()
    run(store, 10_000_000, report_every=20_000)
    epochs = store.epochs()
    assert len(epochs) <= 200 and store.nbytes <= 50 * 2**20
    assert epochs[0] == 0 and epochs[-1] == 10_000_000
    assert set(range(10_000_000 - 15 * 20_000, 10_000_001, 20_000)) <= set(epochs[-20:])  # the latest reports
    old = np.log(np.array([e for e in epochs[:-20] if e >= 20], dtype=float) + 1)
    steps = np.diff(old)
    assert len(old) > 100 and steps.max() < 2 * steps.mean()  # spread evenly over log(epoch): no holes
    assert epochs[1] <= 5  # early epochs are there


def test_bytes_bound_the_count_for_a_big_network():
    store = CheckpointStore(max_bytes=8000 * 30)  # room for 30 checkpoints of 1000 float64
    run(store, 5000, n=1000)
    assert len(store) == 30 and store.nbytes == 30 * 8000
    huge = CheckpointStore(max_bytes=100)
    assert not huge.add(fake(1, n=1000)) and len(huge) == 0


def test_at_gives_the_latest_checkpoint_not_after_the_epoch_and_truncate_starts_a_branch():
    store = CheckpointStore()
    for e in (0, 1, 2, 5, 9):
        store.add(fake(e))
    assert store.at(4).epoch == 2 and store.at(9).epoch == 9 and store.at(100).epoch == 9
    assert store.at(-1) is None
    store.truncate_after(3)
    assert store.epochs() == [0, 1, 2]
    store.add(fake(7))
    store.add(fake(4))  # out of order: a new branch from 4, what came after is gone
    assert store.epochs() == [0, 1, 2, 4]


def test_a_checkpoint_counts_the_optimiser_state_and_restores_a_trainer_bit_for_bit():
    p = get_preset("spiral")
    cfg = p.config.replace(epochs=60)
    a = Trainer(p.dataset(), cfg)
    a.train(20)
    cp = a.checkpoint()
    assert checkpoint_bytes(cp) == pytest.approx(3 * cp.params.nbytes, rel=0.01)  # Adam: weights, m and v
    a.train(40)
    b = Trainer(p.dataset(), cfg)
    b.train(20)
    b.train(40)
    assert np.array_equal(a.network.params, b.network.params)
    a2 = Trainer(p.dataset(), cfg)
    a2.train(20)
    a2.restore(cp)
    a2.train(40)
    assert np.array_equal(a2.network.params, b.network.params)
    assert math.isfinite(float(a2.network.params.sum()))


@pytest.mark.parametrize("size", [0, 1, 5, 98_311, 400_000])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_arrays_are_written_in_pieces_as_the_same_base64_and_read_back(size, dtype):
    """encode_array turns big arrays into text piece by piece (the autosave thread lets the window run);
    the text is that of one call, and decode_array gives the values back exactly."""
    import base64

    from nngui.files.project_checkpoints import decode_array, encode_array

    a = np.random.default_rng(size).normal(size=size).astype(dtype)
    d = encode_array(a)
    whole = base64.b64encode(a.astype(a.dtype.newbyteorder("<")).tobytes()).decode()
    assert d == {"dtype": dtype, "size": size, "data": whole}
    back = decode_array(d, "params", size)
    assert back.dtype == a.dtype and np.array_equal(back, a)
