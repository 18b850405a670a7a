"""A loss history that stays bounded in memory over millions of epochs.

Losses are kept per bucket of ``stride`` consecutive epochs (min, max and last
value of the bucket). When the number of buckets reaches ``capacity`` adjacent
buckets are merged and the stride doubles, so memory is O(capacity) whatever the
number of epochs, while the curve's envelope (min/max) is never lost.
"""

from __future__ import annotations

import numpy as np

DEFAULT_CAPACITY = 4096


class LossHistory:
    """Bounded min/max/last record of a loss per epoch."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError("capacity must be an even number >= 4")
        self.capacity = capacity
        self.stride = 1
        self._n = 0
        self._bucket = np.zeros(capacity, dtype=np.int64)  # bucket index = (epoch - 1) // stride
        self._epoch = np.zeros(capacity, dtype=np.int64)  # last epoch seen in the bucket
        self._min = np.zeros(capacity)
        self._max = np.zeros(capacity)
        self._last = np.zeros(capacity)

    _ARRAYS = ("_bucket", "_epoch", "_min", "_max", "_last")

    def __getstate__(self) -> dict:
        """Pickled without the unused capacity (a training process sends its history every chunk)."""
        state = dict(vars(self))
        for name in self._ARRAYS:
            state[name] = state[name][: self._n].copy()
        return state

    def __setstate__(self, state: dict) -> None:
        for name in self._ARRAYS:
            used = state[name]
            full = np.zeros(state["capacity"], dtype=used.dtype)
            full[: used.size] = used
            state[name] = full
        vars(self).update(state)

    def __len__(self) -> int:
        return self._n

    @property
    def last_epoch(self) -> int:
        return int(self._epoch[self._n - 1]) if self._n else 0

    @property
    def last(self) -> float | None:
        return float(self._last[self._n - 1]) if self._n else None

    def append(self, epoch: int, value: float) -> None:
        self.extend(epoch, np.array([value], dtype=np.float64))

    def extend(self, first_epoch: int, values: np.ndarray) -> None:
        """Record ``values[i]`` as the loss of epoch ``first_epoch + i`` (epochs count from 1, increasing)."""
        values = np.asarray(values, dtype=np.float64).ravel()
        if values.size == 0:
            return
        epochs = np.arange(first_epoch, first_epoch + values.size, dtype=np.int64)
        if self._n and first_epoch <= self._epoch[self._n - 1]:
            raise ValueError("epochs must increase")
        while True:
            buckets = (epochs - 1) // self.stride
            starts = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]])
            new_b = buckets[starts]
            mins = np.minimum.reduceat(values, starts)
            maxs = np.maximum.reduceat(values, starts)
            ends = np.r_[starts[1:], values.size] - 1
            merge_first = self._n and new_b[0] == self._bucket[self._n - 1]
            needed = self._n + new_b.size - (1 if merge_first else 0)
            if needed <= self.capacity:
                break
            self._coarsen()
        if merge_first:
            i = self._n - 1
            self._min[i] = min(self._min[i], mins[0])
            self._max[i] = max(self._max[i], maxs[0])
            self._last[i] = values[ends[0]]
            self._epoch[i] = epochs[ends[0]]
            new_b, mins, maxs, ends = new_b[1:], mins[1:], maxs[1:], ends[1:]
        k, n = new_b.size, self._n
        self._bucket[n : n + k] = new_b
        self._min[n : n + k] = mins
        self._max[n : n + k] = maxs
        self._last[n : n + k] = values[ends]
        self._epoch[n : n + k] = epochs[ends]
        self._n = n + k

    def _coarsen(self) -> None:
        """Double the stride, merging buckets that now share an index."""
        n = self._n
        self.stride *= 2
        if n == 0:
            return
        b = self._bucket[:n] // 2
        starts = np.flatnonzero(np.r_[True, b[1:] != b[:-1]])
        ends = np.r_[starts[1:], n] - 1
        k = starts.size
        self._min[:k] = np.minimum.reduceat(self._min[:n], starts)
        self._max[:k] = np.maximum.reduceat(self._max[:n], starts)
        self._last[:k] = self._last[ends]
        self._epoch[:k] = self._epoch[ends]
        self._bucket[:k] = b[starts]
        self._n = k

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Copies of (epoch, min, max, last) per bucket; ``epoch`` is the last epoch of each bucket."""
        n = self._n
        return (self._epoch[:n].copy(), self._min[:n].copy(), self._max[:n].copy(), self._last[:n].copy())

    def curve(self) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, losses) for plotting: the last value of each bucket (exact while stride is 1)."""
        n = self._n
        return self._epoch[:n].astype(np.float64), self._last[:n].copy()

    def to_dict(self) -> dict:
        e, lo, hi, last = self.arrays()
        return {
            "stride": self.stride,
            "epochs": e.tolist(),
            "min": lo.tolist(),
            "max": hi.tolist(),
            "last": last.tolist(),
        }

    @classmethod
    def from_dict(cls, d: dict, capacity: int = DEFAULT_CAPACITY) -> "LossHistory":
        """Rebuild from :meth:`to_dict` output (raises KeyError/ValueError/TypeError on a bad dict)."""
        e = np.asarray(d["epochs"], dtype=np.int64)
        lo, hi, last = (np.asarray(d[k], dtype=np.float64) for k in ("min", "max", "last"))
        if not (e.ndim == lo.ndim == hi.ndim == last.ndim == 1 and e.size == lo.size == hi.size == last.size):
            raise ValueError("loss history arrays must be flat lists of the same length")
        if e.size and (np.any(np.diff(e) <= 0) or e[0] < 1):
            raise ValueError("loss history epochs must be positive and increasing")
        h = cls(max(capacity, e.size + e.size % 2, 4))
        h.stride = int(d.get("stride", 1))
        if h.stride < 1:
            raise ValueError("loss history stride must be >= 1")
        n = e.size
        h._bucket[:n] = (e - 1) // h.stride
        h._epoch[:n], h._min[:n], h._max[:n], h._last[:n] = e, lo, hi, last
        h._n = n
        return h
