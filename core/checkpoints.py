"""A bounded store of training checkpoints, for replaying any epoch (time travel) and animations.

It keeps the most recent checkpoints and, further back, log-spaced ones: many early (where
a network changes fastest), fewer later. Whatever the run's length it holds at most
``max_count`` checkpoints and ``max_bytes`` of arrays: when a new one would break a bound,
the old checkpoint whose neighbours are closest together (in log-epoch) gives way, so
what is kept stays spread evenly over log(epoch). With the defaults (200 checkpoints,
50 MB, 20 recent) a 10-million-epoch run keeps the 20 latest and ~180 more from epoch
0 onwards, each about 9-10 % further on than the one before.

:meth:`next_wanted` says which epoch the log grid wants next, so a trainer can end a
chunk of epochs there; the grid is the epochs ``round(GROWTH ** k)``.

Pure NumPy: this module never imports Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from .trainer import Checkpoint

__all__ = ["CheckpointStore", "GROWTH", "checkpoint_bytes", "log_grid"]

GROWTH = 1.1  # the log grid: epochs round(1.1 ** k) (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 17, ...)
MAX_COUNT = 200
MAX_BYTES = 50 * 2**20
RECENT = 20


def log_grid(after: int) -> int:
    """The first epoch of the log grid after ``after`` (>= 0)."""
    if after < 1:
        return 1
    k = math.floor(math.log(after) / math.log(GROWTH))
    while True:
        e = round(GROWTH ** k)
        if e > after:
            return e
        k += 1


def _arrays(obj, seen: set[int]) -> Iterator[np.ndarray]:
    """Every NumPy array inside ``obj`` (an optimiser's state: its attributes, lists, dicts)."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _arrays(v, seen)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _arrays(v, seen)
    elif hasattr(obj, "__dict__"):
        yield from _arrays(vars(obj), seen)


def checkpoint_bytes(cp: Checkpoint) -> int:
    """Bytes of arrays a checkpoint holds: the weights and the optimiser's state."""
    return int(cp.params.nbytes + sum(a.nbytes for a in _arrays(cp.optimizer, set())))


class CheckpointStore:
    """Checkpoints by epoch, bounded in count and bytes (see the module's docstring)."""

    def __init__(self, max_count: int = MAX_COUNT, max_bytes: int = MAX_BYTES, recent: int = RECENT) -> None:
        if max_count < 1 or max_bytes < 1 or recent < 0:
            raise ValueError("a checkpoint store needs room for at least one checkpoint")
        self.max_count, self.max_bytes, self.recent = int(max_count), int(max_bytes), int(recent)
        self._items: list[Checkpoint] = []  # by increasing epoch
        self._size = 0  # bytes of one checkpoint (they are all the same network)

    # -- what is kept ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def epochs(self) -> list[int]:
        return [cp.epoch for cp in self._items]

    @property
    def nbytes(self) -> int:
        return self._size * len(self._items)

    def capacity(self) -> int:
        """How many checkpoints fit both bounds (0 when one checkpoint alone is over the byte bound)."""
        if self._size == 0:
            return self.max_count
        return min(self.max_count, self.max_bytes // self._size)

    def at(self, epoch: int) -> Checkpoint | None:
        """The checkpoint of ``epoch``, or the latest one before it (None before the first)."""
        best = None
        for cp in self._items:
            if cp.epoch > epoch:
                break
            best = cp
        return best

    def next_wanted(self, epoch: int) -> int:
        """The next epoch after ``epoch`` the log grid wants a checkpoint of."""
        return log_grid(epoch)

    # -- changes --------------------------------------------------------------------------

    def add(self, cp: Checkpoint) -> bool:
        """Keep ``cp`` (replacing one of the same epoch); False when it cannot fit at all."""
        if not self._size:
            self._size = max(1, checkpoint_bytes(cp))
        if self.capacity() < 1:
            return False
        items = [c for c in self._items if c.epoch != cp.epoch]
        if items and cp.epoch < items[-1].epoch:  # out of order (a branch): drop what came after
            items = [c for c in items if c.epoch < cp.epoch]
        items.append(cp)
        self._items = items
        while len(self._items) > self.capacity():
            self._items.pop(self._thinnest())
        return True

    def truncate_after(self, epoch: int) -> None:
        """Forget every checkpoint after ``epoch`` (a new branch starts there)."""
        self._items = [c for c in self._items if c.epoch <= epoch]

    def clear(self) -> None:
        self._items = []
        self._size = 0

    def _thinnest(self) -> int:
        """The index to drop: among the older ones (not the first, not the recent), the one whose
        neighbours are closest in log(epoch + 1); the oldest but one when all are recent."""
        n = len(self._items)
        recent = min(self.recent, max(0, self.capacity() // 4))
        last_old = n - 1 - recent  # candidates: 1 .. last_old (the one after them is its right neighbour)
        if last_old < 1:
            return 1 if n > 1 else 0
        logs = [math.log(c.epoch + 1) for c in self._items]
        return min(range(1, last_old + 1), key=lambda i: (logs[i + 1] - logs[i - 1], -i))
