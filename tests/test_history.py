"""The bounded loss history keeps the curve's envelope in O(capacity) memory."""

import numpy as np
import pytest

from core.history import LossHistory


def test_exact_while_under_capacity():
    h = LossHistory(capacity=16)
    h.extend(1, np.arange(10.0))
    e, lo, hi, last = h.arrays()
    np.testing.assert_array_equal(e, np.arange(1, 11))
    np.testing.assert_array_equal(lo, np.arange(10.0))
    np.testing.assert_array_equal(last, np.arange(10.0))
    assert h.stride == 1 and h.last == 9.0 and h.last_epoch == 10


@pytest.mark.parametrize("chunks", [[1000], [1] * 1000, [3, 97, 500, 1, 399]])
def test_bounded_with_min_max_envelope_regardless_of_chunking(chunks):
    rng = np.random.default_rng(0)
    values = rng.normal(size=sum(chunks))
    h = LossHistory(capacity=8)
    pos = 0
    for c in chunks:
        h.extend(pos + 1, values[pos:pos + c])
        pos += c
    assert len(h) <= 8
    e, lo, hi, last = h.arrays()
    assert h.stride == 128  # 1000 epochs in at most 8 buckets: stride 128 gives 8 buckets
    starts = np.r_[0, e[:-1]]
    for s, end, mn, mx, ls in zip(starts, e, lo, hi, last):
        seg = values[s:end]
        assert mn == seg.min() and mx == seg.max() and ls == seg[-1]
    assert e[-1] == 1000


def test_ten_million_epochs_stay_small():
    h = LossHistory()
    chunk = np.linspace(1, 0, 100_000)
    for k in range(100):
        h.extend(k * 100_000 + 1, chunk)
    assert len(h) <= h.capacity and h.last_epoch == 10_000_000
    assert h._min.nbytes + h._max.nbytes + h._last.nbytes + h._epoch.nbytes + h._bucket.nbytes < 200_000


def test_round_trip_through_dict():
    h = LossHistory(capacity=8)
    h.extend(1, np.linspace(3, 1, 37))
    g = LossHistory.from_dict(h.to_dict())
    for a, b in zip(h.arrays(), g.arrays()):
        np.testing.assert_array_equal(a, b)
    g.extend(38, [0.5, 0.25])
    assert g.last == 0.25 and g.last_epoch == 39


def test_epochs_must_increase():
    h = LossHistory()
    h.extend(1, [1.0, 2.0])
    with pytest.raises(ValueError):
        h.extend(2, [3.0])
