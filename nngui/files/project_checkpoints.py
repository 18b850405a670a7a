"""Training checkpoints in project files (time travel): encoded compactly, read back exactly.

A project's optional ``"checkpoints"`` field (``docs/project-format.md``)::

    "checkpoints": {
      "encoding": "base64-le",
      "items": [
        {"epoch": 0,
         "params": {"dtype": "float64", "size": 17, "data": "<base64 of the float64 values, little-endian>"},
         "optimizer": {"class": "Adam", "state": {"learning_rate": 0.05, "t": 0, "m": {...array...}, ...}},
         "rng": {"bit_generator": "PCG64", "state": {"state": ..., "inc": ...}, ...},
         "best": null or {"state": {...array...}, "weights": {...array...}}},
        ...
      ]
    }

Arrays (the weights, an optimiser's velocity or moments) are the raw little-endian bytes of
their values in base64: 8 bytes a float64 become 10.7 characters, against ~20 as JSON
decimals, and they read back bit for bit. The optimiser's plain numbers and the random
generator's state are JSON as they are; ``best`` is early stopping's state (its lowest validation
loss, that epoch, and the weights it kept), present when early stopping was on. Pure Python
and NumPy (no Qt).
"""

from __future__ import annotations

import base64
import binascii
import math

import numpy as np

from core.optimizers import OPTIMIZERS, get_optimizer
from core.trainer import Checkpoint

ENCODING = "base64-le"
DTYPES = {"float64": "<f8", "float32": "<f4"}
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


class BadField(ValueError):
    """A problem in the checkpoints field; ``field`` is the path below it, e.g. ``.items[3].params``."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


# -- writing ----------------------------------------------------------------------------------------


def encode_array(a: np.ndarray) -> dict:
    """``{"dtype", "size", "data"}``: the values as little-endian bytes in base64."""
    a = np.asarray(a)
    name = "float32" if a.dtype == np.float32 else "float64"
    raw = np.ascontiguousarray(a.ravel(), dtype=DTYPES[name]).view(np.uint8)
    # in pieces of a multiple of 3 bytes (the same text): one call over 152 MB would hold the GIL ~0.3 s
    step = 3 << 18
    text = "".join(base64.b64encode(raw[i : i + step]).decode("ascii") for i in range(0, len(raw), step))
    return {"dtype": name, "size": int(a.size), "data": text}


def _plain(value):
    """The random generator's state as plain JSON (NumPy integers and arrays become ints and lists)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    return value


def optimizer_to_dict(opt) -> dict | None:
    """The optimiser's class and state: arrays encoded, plain numbers as they are."""
    if opt is None:
        return None
    state = {}
    for name, value in vars(opt).items():
        if isinstance(value, np.ndarray):
            state[name] = encode_array(value)
        elif isinstance(value, (bool, int, float, np.integer, np.floating)) and math.isfinite(float(value)):
            state[name] = value.item() if isinstance(value, np.generic) else value
    return {"class": type(opt).__name__, "state": state}


def _best_to_dict(best) -> dict | None:
    """Early stopping's snapshot (its state, with the infinite loss of "none yet", and the weights kept)."""
    if best is None:
        return None
    state, weights = best
    return {"state": encode_array(np.asarray(state, dtype=np.float64)), "weights": encode_array(weights)}


def checkpoints_to_dict(checkpoints) -> dict:
    """The project's ``checkpoints`` field for these checkpoints (by epoch)."""
    items = [{"epoch": int(cp.epoch), "params": encode_array(cp.params), "optimizer": optimizer_to_dict(cp.optimizer),
              "rng": _plain(cp.rng_state), "best": _best_to_dict(getattr(cp, "best", None))}
             for cp in sorted(checkpoints, key=lambda c: c.epoch)]
    return {"encoding": ENCODING, "items": items}


# -- reading ----------------------------------------------------------------------------------------


def decode_array(d: object, field: str, size: int | None = None, finite: bool = True) -> np.ndarray:
    """An array from :func:`encode_array`'s dict (BadField naming ``field`` when it is not one)."""
    if not isinstance(d, dict):
        raise BadField(field, "expected an object with 'dtype', 'size' and 'data'")
    name = d.get("dtype")
    if name not in DTYPES:
        raise BadField(f"{field}.dtype", f"expected 'float64' or 'float32', got {name!r}")
    n = d.get("size")
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise BadField(f"{field}.size", f"expected a whole number >= 0, got {n!r}")
    if size is not None and n != size:
        raise BadField(f"{field}.size", f"expected {size} values (the network's), got {n}")
    data = d.get("data")
    if not isinstance(data, str):
        raise BadField(f"{field}.data", "expected base64 text")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise BadField(f"{field}.data", "is not valid base64 text") from None
    width = np.dtype(DTYPES[name]).itemsize
    if len(raw) != n * width:
        raise BadField(f"{field}.data", f"holds {len(raw)} bytes; {n} {name} values need {n * width}")
    a = np.frombuffer(raw, dtype=DTYPES[name]).astype(name)  # native byte order, writable
    if finite and not np.isfinite(a).all():
        raise BadField(f"{field}.data", "holds a value that is not a finite number")
    return a


def _optimizer(d: object, field: str, config, n_params: int, dtype) -> object:
    """A fresh optimiser of the saved class with the saved state put in (attributes it does not have are ignored)."""
    if d is None:
        return None
    if not isinstance(d, dict) or not isinstance(d.get("class"), str) or not isinstance(d.get("state"), dict):
        raise BadField(field, "expected an object with 'class' and 'state'")
    specs = [get_optimizer(config.optimizer)] + list(OPTIMIZERS.values())
    spec = next((s for s in specs if s.factory.__name__ == d["class"]), None)
    if spec is None:
        raise BadField(f"{field}.class", f"unknown optimiser {d['class']!r}; expected one of "
                       f"{', '.join(sorted({s.factory.__name__ for s in OPTIMIZERS.values()}))}")
    opt = spec.create(1.0, n_params, dtype)
    state = d["state"]
    for name, fresh in vars(opt).items():
        if name not in state:
            continue
        value, where = state[name], f"{field}.state.{name}"
        if isinstance(fresh, np.ndarray):
            a = decode_array(value, where, fresh.size)
            if a.dtype != fresh.dtype:
                raise BadField(f"{where}.dtype", f"expected {fresh.dtype}, got {a.dtype}")
            setattr(opt, name, a.reshape(fresh.shape))
        elif isinstance(fresh, bool) or isinstance(value, bool) or not isinstance(value, (int, float)):
            raise BadField(where, f"expected a number, got {value!r}")
        elif isinstance(fresh, int) and not isinstance(value, int):
            raise BadField(where, f"expected a whole number, got {value!r}")
        elif not math.isfinite(value) or (name == "learning_rate" and value <= 0):
            raise BadField(where, f"expected a finite number{' > 0' if name == 'learning_rate' else ''}, "
                           f"got {value!r}")
        else:
            setattr(opt, name, type(fresh)(value))
    return opt


def _rng(d: object, field: str) -> dict:
    """A random generator's state, checked by giving it to a generator of its kind."""
    if not isinstance(d, dict) or d.get("bit_generator") not in BIT_GENERATORS:
        raise BadField(field, f"expected a random generator's state (bit_generator one of {', '.join(BIT_GENERATORS)})")
    try:
        bg = getattr(np.random, d["bit_generator"])()
        bg.state = d
        return bg.state
    except (TypeError, ValueError, KeyError, OverflowError) as exc:
        raise BadField(field, f"is not a usable random generator state ({exc})") from None


def _best(d: object, field: str, params: np.ndarray):
    if d is None:
        return None
    if not isinstance(d, dict):
        raise BadField(field, "expected null or an object with 'state' and 'weights'")
    state = decode_array(d.get("state"), f"{field}.state", 4, finite=False)
    if np.isnan(state).any():
        raise BadField(f"{field}.state", "holds a value that is not a number")
    weights = decode_array(d.get("weights"), f"{field}.weights", params.size)
    return state.astype(np.float64), weights.astype(params.dtype)


def checkpoints_from_dict(d: object, config, n_params: int, last_epoch: int) -> list[Checkpoint]:
    """The checkpoints of a project's field, for a network of ``n_params`` weights trained ``last_epoch``
    epochs with ``config`` (BadField naming the place on any problem)."""
    if not isinstance(d, dict):
        raise BadField("", "expected an object with 'encoding' and 'items'")
    if d.get("encoding") != ENCODING:
        raise BadField(".encoding", f"expected {ENCODING!r}, got {d.get('encoding')!r}")
    items = d.get("items")
    if not isinstance(items, list):
        raise BadField(".items", "expected a list of checkpoints")
    out: list[Checkpoint] = []
    for i, item in enumerate(items):
        where = f".items[{i}]"
        if not isinstance(item, dict):
            raise BadField(where, "expected an object with 'epoch', 'params', 'optimizer' and 'rng'")
        epoch = item.get("epoch")
        if not isinstance(epoch, int) or isinstance(epoch, bool) or not 0 <= epoch <= last_epoch:
            raise BadField(f"{where}.epoch", f"expected a whole number from 0 to {last_epoch} (the model's "
                           f"epochs), got {epoch!r}")
        if out and epoch <= out[-1].epoch:
            raise BadField(f"{where}.epoch", f"epochs must increase: {epoch} comes after {out[-1].epoch}")
        params = decode_array(item.get("params"), f"{where}.params", n_params)
        opt = _optimizer(item.get("optimizer"), f"{where}.optimizer", config, n_params, params.dtype)
        best = _best(item.get("best"), f"{where}.best", params)
        out.append(Checkpoint(epoch, params, opt, _rng(item.get("rng"), f"{where}.rng"), best))
    return out
