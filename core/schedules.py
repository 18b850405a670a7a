"""Learning-rate schedules, in one registry: the rate of each epoch from the base rate.

A schedule is written as text, its name and its parameters separated by colons:
``constant``, ``step:GAMMA:EVERY``, ``exp:GAMMA`` or ``cosine``. Epoch ``e`` counts
from 1 and ``lr`` is the base learning rate (``TrainConfig.learning_rate``):

- ``constant``: ``lr``;
- ``step:GAMMA:EVERY``: ``lr * GAMMA ** floor((e - 1) / EVERY)`` (times GAMMA every EVERY epochs);
- ``exp:GAMMA``: ``lr * GAMMA ** (e - 1)``;
- ``cosine``: ``lr * (1 + cos(pi * (e - 1) / E)) / 2`` over the epoch target ``E`` (0 from E + 1 on).

GAMMA is a number > 0, EVERY a whole number >= 1. :func:`parse_schedule` reads the text
(a ValueError says what was expected); :meth:`Schedule.rates` gives the rates of a run of
epochs in one NumPy call, which is what the trainer and its exported script use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .registry import lookup

__all__ = ["SCHEDULES", "ScheduleParam", "ScheduleSpec", "Schedule", "parse_schedule", "format_schedule",
           "get_schedule"]


@dataclass(frozen=True)
class ScheduleParam:
    """One parameter of a schedule: its name in the text (upper case), whether it is whole, a default."""

    name: str
    label: str
    whole: bool
    default: float


Rates = Callable[..., np.ndarray]  # (lr, epochs as int64 array, target, *params) -> rates


def _constant(lr: float, e: np.ndarray, target: int) -> np.ndarray:
    return np.full(e.shape, float(lr))


def _step(lr: float, e: np.ndarray, target: int, gamma: float, every: int) -> np.ndarray:
    return lr * np.power(gamma, (e - 1) // int(every), dtype=np.float64)


def _exp(lr: float, e: np.ndarray, target: int, gamma: float) -> np.ndarray:
    return lr * np.power(gamma, e - 1, dtype=np.float64)


def _cosine(lr: float, e: np.ndarray, target: int) -> np.ndarray:
    done = np.minimum(e, target + 1) - 1  # 0 from epoch E + 1 on (a run never trains there)
    return lr * (1.0 + np.cos(np.pi * done / target)) / 2.0


GAMMA = ScheduleParam("GAMMA", "factor", False, 0.5)
EVERY = ScheduleParam("EVERY", "every (epochs)", True, 100)


@dataclass(frozen=True)
class ScheduleSpec:
    """A registered schedule: its name, its parameters (in text order), its formula and its rates."""

    name: str
    label: str
    params: tuple[ScheduleParam, ...]
    formula: str
    rates: Rates
    needs_target: bool = False  # the formula uses the epoch target E (> 0)

    @property
    def form(self) -> str:
        """How it is written, e.g. ``step:GAMMA:EVERY``."""
        return ":".join((self.name, *(p.name for p in self.params)))


SCHEDULES: dict[str, ScheduleSpec] = {
    s.name: s
    for s in (
        ScheduleSpec("constant", "Constant", (), "lr", _constant),
        ScheduleSpec("step", "Step decay", (GAMMA, EVERY), "lr * GAMMA ** floor((e - 1) / EVERY)", _step),
        ScheduleSpec("exp", "Exponential decay", (GAMMA,), "lr * GAMMA ** (e - 1)", _exp),
        ScheduleSpec("cosine", "Cosine to zero", (), "lr * (1 + cos(pi * (e - 1) / E)) / 2", _cosine,
                     needs_target=True),
    )
}


def get_schedule(name: str) -> ScheduleSpec:
    """Look a schedule up by name, with a message listing the valid names."""
    return lookup(SCHEDULES, "schedule", name)


def _expected() -> str:
    forms = [s.form for s in SCHEDULES.values()]
    return ", ".join(forms[:-1]) + " or " + forms[-1]


@dataclass(frozen=True)
class Schedule:
    """A parsed schedule: the registry entry and its parameter values."""

    spec: ScheduleSpec
    args: tuple[float, ...] = ()

    @property
    def constant(self) -> bool:
        return self.spec.name == "constant"

    def rates(self, lr: float, first_epoch: int, n: int, target: int) -> np.ndarray:
        """The rates of epochs ``first_epoch .. first_epoch + n - 1`` (counting from 1)."""
        e = np.arange(first_epoch, first_epoch + n, dtype=np.int64)
        return np.asarray(self.spec.rates(float(lr), e, int(target), *self.args), dtype=np.float64)

    def rate(self, lr: float, epoch: int, target: int) -> float:
        """The rate of epoch ``epoch`` (counting from 1), exactly as :meth:`rates` gives it."""
        return float(self.rates(lr, epoch, 1, target)[0])

    def __str__(self) -> str:
        return format_schedule(self.spec.name, *self.args)


def format_schedule(name: str, *args: float) -> str:
    """The text of a schedule, e.g. ``format_schedule("step", 0.5, 100) == "step:0.5:100"``."""
    spec = get_schedule(name)
    parts = [spec.name]
    for p, v in zip(spec.params, args):
        parts.append(str(int(v)) if p.whole else repr(float(v)))
    return ":".join(parts)


def parse_schedule(text: object) -> Schedule:
    """Read schedule text such as ``step:0.5:100``; a ValueError says what was expected."""
    if not isinstance(text, str):
        raise ValueError(f"expected text ({_expected()}), got {text!r}")
    parts = [p.strip() for p in text.strip().split(":")]
    spec = SCHEDULES.get(parts[0].lower())
    if spec is None:
        raise ValueError(f"unknown schedule {text!r}; expected {_expected()}")
    given = parts[1:]
    if len(given) != len(spec.params):
        example = format_schedule(spec.name, *(p.default for p in spec.params))
        need = " and ".join(p.name for p in spec.params) if spec.params else "no parameters"
        raise ValueError(f"{text!r}: {spec.name} takes {need} ({spec.form}, e.g. {example})")
    args = []
    for p, raw in zip(spec.params, given):
        args.append(_param(spec, p, raw, text))
    return Schedule(spec, tuple(args))


def _param(spec: ScheduleSpec, p: ScheduleParam, raw: str, text: str) -> float:
    where = f"{text!r}: {p.name} in {spec.form}"
    if p.whole:
        try:
            v = int(raw)
        except ValueError:
            raise ValueError(f"{where} must be a whole number >= 1, got {raw!r}") from None
        if v < 1:
            raise ValueError(f"{where} must be a whole number >= 1, got {v}")
        return v
    try:
        x = float(raw)
    except ValueError:
        raise ValueError(f"{where} must be a number > 0, got {raw!r}") from None
    if not math.isfinite(x) or x <= 0:
        raise ValueError(f"{where} must be a finite number > 0, got {raw!r}")
    return x
