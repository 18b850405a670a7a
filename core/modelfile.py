"""The model file: a trained network, its normalisation and its settings as one JSON document.

The format (``"format": "nngui-model"``, ``"version"`` 1, or 2 for a network with input
features) is documented field by field in ``docs/model-format.md`` and published as a JSON
Schema in ``docs/nngui-model.schema.json``. Writing uses Python's ``json`` float repr, so
every weight reads back bit-identical; NaN and infinities are never written.
Reading validates everything and reports any problem as one error kind,
:class:`ModelFileError` (a :class:`core.data.DataError`), whose message names the
file and the JSON field path, e.g.
``"model.json: layers[1].weights: expected 4 rows of 1 numbers (shape 4x1), found 3 rows"``.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from .activations import ACTIVATIONS
from .config import DTYPES, ConfigError, TrainConfig
from .data import DataError, decode_classes
from .features import FEATURES, FeatureError, canonical, expand, width
from .files import atomic_write_text
from .history import LossHistory
from .initializers import INITIALIZERS
from .losses import LOSSES
from .network import MAX_UNITS, Architecture, Network
from .normalization import Normalizer
from .optimizers import OPTIMIZERS
from .schedules import parse_schedule

__all__ = [
    "to_lists",
    "Rows",
    "dump_json_chunks",
    "FORMAT",
    "VERSION",
    "ModelFileError",
    "Model",
    "model_from_trainer",
    "model_to_dict",
    "model_from_dict",
    "dumps_model",
    "loads_model",
    "save_model",
    "load_model",
]

FORMAT = "nngui-model"
VERSION = 2  # the newest version read and written: 2 when the network has input features, else 1
BASE_VERSION = 1  # what a model without input features is written as (every reader of version 1 reads it)
MAX_FILE_BYTES = 1_000_000_000
MAX_INT = 2**63 - 1  # whole numbers in the file must fit a signed 64-bit integer

TRAINING_KEYS = (
    "optimizer", "learning_rate", "batch_size", "epochs_done", "epochs_target", "seed",
    "init", "normalize", "validation", "dtype", "final_loss", "loss_history", "stop_loss", "stop_accuracy",
    "val_history", "l2", "l1", "schedule", "early_stopping", "best_epoch",
)
NORMALIZER_KINDS = ("standard", "minmax")
_SHOW_MAX = 40


# ---------------------------------------------------------------------------
# The error kind
# ---------------------------------------------------------------------------


class ModelFileError(DataError):
    """A model file (or model dict) that cannot be read or written.

    ``file`` names the file (its base name) or the source given; ``field`` is the
    JSON field path, e.g. ``layers[1].weights``; ``problem`` is the bare detail.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem, file=file, line=line, column=column)

    def __reduce__(self):
        kwargs = dict(file=self.file, field=self.field, line=self.line, column=self.column)
        return (_rebuild_model_error, (self.problem, kwargs))


def _rebuild_model_error(problem: str, kwargs: dict) -> ModelFileError:
    return ModelFileError(problem, **kwargs)


class _Bad(Exception):
    """Internal: a problem at a field path; turned into ModelFileError at the API boundary."""

    def __init__(self, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


# ---------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------


@dataclass(eq=False)
class Model:
    """Everything a model file holds, as NumPy arrays and core objects."""

    architecture: Architecture
    layers: list[tuple[np.ndarray, np.ndarray | None]]
    normalization: Normalizer | None
    training: dict
    input_names: tuple[str, ...]
    target_names: tuple[str, ...]
    classes: tuple[float, ...] | None
    data: dict | None = None
    features: tuple[str, ...] = ()  # derived inputs after normalisation (core.features); () in version 1

    @property
    def n_inputs(self) -> int:
        """The number of raw input columns (``architecture.sizes[0]`` counts the derived inputs too)."""
        return len(self.input_names)

    @property
    def version(self) -> int:
        """The format version this model is written as: 2 with input features, else 1."""
        return VERSION if self.features else BASE_VERSION

    def prepare(self, X_raw: np.ndarray) -> np.ndarray:
        """Raw input rows (n, n_inputs) as the first layer sees them: normalised, then the features (float64)."""
        X = np.asarray(X_raw, dtype=np.float64)
        if X.ndim == 1:
            X = X.reshape(1, -1)
        n_in = self.n_inputs
        if X.ndim != 2 or X.shape[1] != n_in:
            raise ValueError(f"expected inputs with {n_in} columns, got shape {X.shape}")
        if self.normalization is not None:
            X = self.normalization.transform(X)
        return expand(X, self.features)

    @property
    def dtype(self) -> np.dtype:
        """The dtype the network was trained in (float64 unless training.dtype says otherwise)."""
        name = (self.training or {}).get("dtype")
        return np.dtype(name if name in DTYPES else "float64")

    def network(self) -> Network:
        """A fresh Network holding these weights, in the dtype it was trained in."""
        return Network.from_layers(self.architecture, self.layers, dtype=self.dtype)

    def predict(self, X_raw: np.ndarray) -> np.ndarray:
        """Outputs for raw inputs (one row per sample): normalisation, the input features, then the network."""
        X = self.prepare(X_raw)
        net = self.network()
        return net.predict(np.ascontiguousarray(X, dtype=net.params.dtype))

    def predict_classes(self, X_raw: np.ndarray) -> np.ndarray | None:
        """The class label of each row's largest output, or None for a model without classes."""
        if self.classes is None:
            return None
        return decode_classes(self.predict(X_raw), self.classes)

    def config(self) -> TrainConfig:
        """The TrainConfig to resume training with (unset training values take the defaults)."""
        arch = self.architecture
        hidden_acts = arch.activations[:-1]
        kw: dict[str, Any] = dict(
            hidden=arch.hidden, output_activation=arch.output_activation, loss=arch.loss, bias=arch.bias,
            features=self.features,
        )
        if hidden_acts:
            kw["activation"] = hidden_acts[0] if len(set(hidden_acts)) == 1 else tuple(hidden_acts)
        t = self.training or {}
        for key, name in (
            ("optimizer", "optimizer"), ("learning_rate", "learning_rate"), ("batch_size", "batch_size"),
            ("epochs_target", "epochs"), ("seed", "seed"), ("init", "init"), ("normalize", "normalize"),
            ("validation", "validation"), ("dtype", "dtype"), ("stop_loss", "stop_loss"),
            ("stop_accuracy", "stop_accuracy"), ("l2", "l2"), ("l1", "l1"), ("schedule", "schedule"),
            ("early_stopping", "early_stopping"),
        ):
            if t.get(key) is not None:
                kw[name] = t[key]
        return TrainConfig(**kw)

    def history(self) -> LossHistory:
        """The training loss history (empty if the file has none)."""
        d = (self.training or {}).get("loss_history")
        return LossHistory() if d is None else LossHistory.from_dict(d)

    def val_history(self) -> LossHistory:
        """The validation loss history (empty if the file has none, as files before it was added)."""
        d = (self.training or {}).get("val_history")
        return LossHistory() if d is None else LossHistory.from_dict(d)

    @property
    def epochs_done(self) -> int:
        return int((self.training or {}).get("epochs_done") or 0)

    @property
    def best_epoch(self) -> int | None:
        """Early stopping ended the run: the epoch whose validation loss these weights had (else None)."""
        best = (self.training or {}).get("best_epoch")
        return None if best is None else int(best)


def _empty_training() -> dict:
    return {key: None for key in TRAINING_KEYS}


def model_from_trainer(trainer, include_data: bool = False) -> Model:
    """Snapshot a Trainer: weights (as float64), normaliser, settings, history, column names."""
    from .trainer import REACHED_EARLY_STOP

    cfg: TrainConfig = trainer.config
    history: LossHistory = trainer.history
    val_history: LossHistory = trainer.val_history
    training = _empty_training()
    training.update(
        optimizer=cfg.optimizer,
        learning_rate=float(trainer.learning_rate),
        batch_size=cfg.batch_size,
        epochs_done=int(trainer.epoch),
        epochs_target=cfg.epochs,
        seed=cfg.seed,
        init=cfg.init,
        normalize=cfg.normalize,
        validation=cfg.validation,
        dtype=cfg.dtype,
        final_loss=None if trainer.last_loss is None else float(trainer.last_loss),
        loss_history=history.to_dict() if len(history) else None,
        stop_loss=float(cfg.stop_loss),
        stop_accuracy=bool(cfg.stop_accuracy),
        val_history=val_history.to_dict() if len(val_history) else None,
        l2=float(cfg.l2),
        l1=float(cfg.l1),
        schedule=str(cfg.schedule),
        early_stopping=int(cfg.early_stopping),
        # early stopping ended the run: the weights are those of the best epoch (a stand-in may lack both)
        best_epoch=getattr(trainer, "best_epoch", None) if getattr(trainer, "reached", None) == REACHED_EARLY_STOP
        else None,
    )
    layers = [
        (W.astype(np.float64), None if b is None else b.astype(np.float64))
        for W, b in trainer.network.layers()
    ]
    norm = trainer.normalizer
    if norm is not None:
        norm = Normalizer(norm.kind, np.array(norm.shift, dtype=np.float64), np.array(norm.scale, dtype=np.float64))
    ds = trainer.dataset
    data = None
    if include_data:
        data = {"inputs": np.array(ds.X, dtype=np.float64), "targets": np.array(ds.Y, dtype=np.float64)}
    classes = None if trainer.classes is None else tuple(float(c) for c in trainer.classes)
    return Model(trainer.network.arch, layers, norm, training, tuple(ds.input_names),
                 tuple(ds.target_names), classes, data, tuple(cfg.features))


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


LIST_BLOCK = 1 << 16  # values a tolist() call converts at most (~2 ms)


def _row_step(width: int) -> int:
    """Rows of ``width`` values in a block of at most LIST_BLOCK values (at least one)."""
    return max(1, LIST_BLOCK // max(1, width))


def to_lists(a: np.ndarray) -> list:
    """``a.tolist()`` a block of rows at a time, the same lists.

    One ``tolist()`` holds the GIL until it is done (0.46 s for a 378,787 x 12 table, 87 ms for a
    1,000 x 1,000 layer), so an autosave thread writing a big project froze the window that long."""
    a = np.asarray(a)
    if a.ndim == 0 or a.size <= LIST_BLOCK:
        return a.tolist()
    step = _row_step(a[0].size)
    out: list = []
    for start in range(0, len(a), step):
        out.extend(a[start : start + step].tolist())
    return out


def _plain(value):
    """NumPy arrays and scalars to plain JSON values (lists, floats, ints)."""
    if isinstance(value, np.ndarray):
        return to_lists(value)
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _raw_dict(model: Model) -> dict:
    arch = model.architecture.to_dict()
    arch["classes"] = None if model.classes is None else [float(c) for c in model.classes]
    layers = []
    for W, b in model.layers:
        W = np.asarray(W, dtype=np.float64)
        layers.append({
            "weights": to_lists(W),
            "bias": None if b is None else to_lists(np.asarray(b, dtype=np.float64)),
        })
    norm = model.normalization
    training = _empty_training()
    training.update(model.training or {})
    features = {"features": list(canonical(model.features))} if model.features else {}  # version 2 only
    return {
        "format": FORMAT,
        "version": model.version,
        "architecture": arch,
        "layers": layers,
        "normalization": None if norm is None else {
            "kind": norm.kind,
            "shift": np.asarray(norm.shift, dtype=np.float64).tolist(),
            "scale": np.asarray(norm.scale, dtype=np.float64).tolist(),
        },
        **features,
        "training": _plain({k: training[k] for k in TRAINING_KEYS}),
        "columns": {"inputs": list(model.input_names), "targets": list(model.target_names)},
        "data": None if model.data is None else {
            "inputs": _plain(np.asarray(model.data["inputs"], dtype=np.float64)),
            "targets": _plain(np.asarray(model.data["targets"], dtype=np.float64)),
        },
    }


def model_to_dict(model: Model) -> dict:
    """The JSON-ready dict of a model (plain lists, floats and strings).

    The result is checked exactly as a reader would check it, so a model that
    could not be read back (non-finite weights, shapes that do not fit) raises
    ModelFileError here instead of producing a broken file.
    """
    try:
        d = _raw_dict(model)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise ModelFileError(f"cannot be saved: {exc}") from None
    try:
        _parse(d)
    except _Bad as bad:
        problem = bad.problem
        if "finite" in problem:
            problem += "; only finite numbers can be saved"
        raise ModelFileError(f"cannot be saved: {problem}", field=bad.field) from None
    return d


class Rows:
    """A float table for :func:`dump_json_chunks` to write as a list of rows (NaN as null), a block at a
    time: its lists never all exist at once (378,787 rows of lists made the collector pause the window)."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = np.asarray(values, dtype=np.float64)

    def blocks(self) -> Iterator[list]:
        """The rows as lists (NaN as None), a block of at most LIST_BLOCK values at a time."""
        step = _row_step(self.values.shape[1])
        for start in range(0, len(self.values), step):
            block = self.values[start : start + step]
            rows = block.tolist()
            yield [[None if math.isnan(v) else v for v in row] for row in rows] if np.isnan(block).any() else rows

    def lists(self) -> list:
        """All the rows as lists (NaN as None), made in blocks like :func:`to_lists`."""
        return [row for block in self.blocks() for row in block]


def _row_chunks(rows: Rows, indent: int, level: int) -> Iterator[str]:
    if len(rows.values) == 0:
        yield "[]"
        return
    pad = " " * (indent * (level + 1))
    yield "[\n"
    for i, block in enumerate(rows.blocks()):
        text = ",\n".join(pad + json.dumps(row, allow_nan=False, separators=(", ", ": ")) for row in block)
        yield (",\n" + text) if i else text
    yield "\n" + " " * (indent * level) + "]"


def dump_json_chunks(value, indent: int, level: int = 0) -> Iterator[str]:
    """:func:`dump_json`'s text in pieces (a big project is written as it is made, never one string)."""
    if isinstance(value, Rows):
        yield from _row_chunks(value, indent, level)
    elif isinstance(value, dict) and value:
        pad = " " * (indent * (level + 1))
        yield "{\n"
        for i, (k, v) in enumerate(value.items()):
            yield f"{',' + chr(10) if i else ''}{pad}{json.dumps(str(k))}: "
            yield from dump_json_chunks(v, indent, level + 1)
        yield "\n" + " " * (indent * level) + "}"
    elif isinstance(value, list) and value and any(isinstance(v, (list, dict, Rows)) for v in value):
        pad = " " * (indent * (level + 1))
        yield "[\n"
        for i, v in enumerate(value):
            yield (",\n" + pad) if i else pad
            yield from dump_json_chunks(v, indent, level + 1)
        yield "\n" + " " * (indent * level) + "]"
    else:
        yield json.dumps(value, allow_nan=False, separators=(", ", ": "))


def dump_json(value, indent: int, level: int = 0) -> str:
    """JSON with nested objects and lists indented, but lists of plain values (a weight row) on one line."""
    return "".join(dump_json_chunks(value, indent, level))


def dumps_model(model: Model) -> str:
    """The model file's text: JSON indented by 2, rows of numbers on one line, ending in a newline."""
    d = model_to_dict(model)
    try:
        return dump_json(d, 2, 0) + "\n"
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"cannot be saved: {exc}") from None


def save_model(model: Model, path: str | os.PathLike) -> None:
    """Write the model file atomically (a crash never leaves half a file); OSError propagates."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        text = dumps_model(model)
    except ModelFileError as exc:
        raise ModelFileError(exc.problem, file=name, field=exc.field) from None
    atomic_write_text(path, text)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def load_model(path: str | os.PathLike) -> Model:
    """Read and validate a model file; every problem is a ModelFileError naming the file."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL character
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ModelFileError(f"the file cannot be read ({reason})", file=name) from None
    if len(data) > MAX_FILE_BYTES:
        raise ModelFileError(f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB: "
                             "not an nngui model file", file=name)
    return loads_model(data, source=name)


def loads_model(text: str | bytes, source: str = "model") -> Model:
    """Parse and validate model-file text (or UTF-8 bytes)."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelFileError(
                f"is not an nngui model file (byte 0x{text[exc.start]:02x} at offset {exc.start} "
                "is not valid UTF-8 text)", file=source) from None
    if not isinstance(text, str):
        raise ModelFileError(f"expected JSON text, got {type(text).__name__}", file=source)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ModelFileError("the file is empty (expected a JSON object)", file=source)
    try:
        d = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg == "Unterminated string starting at":  # cut off in a string
            problem = f"the JSON text ends too early (is the file truncated?): {exc.msg}"
        else:
            problem = f"not valid JSON: {exc.msg}"
        raise ModelFileError(problem, file=source, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ModelFileError("not a usable JSON document (nested too deeply)", file=source) from None
    except ValueError as exc:  # e.g. an integer with too many digits
        raise ModelFileError(f"not a usable JSON document ({exc})", file=source) from None
    return model_from_dict(d, source=source)


def model_from_dict(d: object, source: str = "model") -> Model:
    """Validate a parsed model file and build the Model; raises ModelFileError only."""
    try:
        return _parse(d)
    except _Bad as bad:
        raise ModelFileError(bad.problem, file=source, field=bad.field) from None
    except RecursionError:
        raise ModelFileError("the document is nested too deeply", file=source) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, ArithmeticError) as exc:
        raise ModelFileError(f"invalid model ({type(exc).__name__}: {exc})", file=source) from None


# -- value descriptions and checks ------------------------------------------------------------


def _show(text: str) -> str:
    if len(text) > _SHOW_MAX:
        text = text[: _SHOW_MAX - 3] + "..."
    return repr(text)


def _kind(v: object) -> str:
    """How a JSON value is described in messages."""
    if v is None:
        return "null"
    if isinstance(v, (bool, np.bool_)):
        return f"{'true' if v else 'false'} (true/false are not numbers)"
    if isinstance(v, (int, np.integer)):
        return f"the whole number {int(v)}" if abs(int(v)) < 10**20 else "a very large whole number"
    if isinstance(v, (float, np.floating)):
        return f"the number {float(v)!r}"
    if isinstance(v, str):
        return f"the text {_show(v)}"
    if isinstance(v, (list, tuple)):
        return f"a list of {len(v)} items"
    if isinstance(v, dict):
        return "an object"
    return f"a {type(v).__name__}"


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def _is_int(v: object) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))


def _get(d: dict, key: str, parent: str = ""):
    """``d[key]``, or a "missing" error naming the field's full path."""
    if key not in d:
        raise _Bad(_sub(parent, key), "this required field is missing")
    return d[key]


def _sub(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _object(v: object, path: str, what: str = "an object") -> dict:
    if not isinstance(v, dict):
        raise _Bad(path, f"expected {what}, got {_kind(v)}")
    return v


def _whole(v: object, path: str, minimum: int = 0, maximum: int = MAX_INT) -> int:
    if not _is_int(v):
        raise _Bad(path, f"expected a whole number, got {_kind(v)}")
    v = int(v)
    if v < minimum:
        raise _Bad(path, f"expected a whole number >= {minimum}, got {v}")
    if v > maximum:
        raise _Bad(path, f"{v if v < 10**20 else 'the number'} is too large (at most {maximum})")
    return v


def _number(v: object, path: str) -> float:
    if not _is_number(v):
        raise _Bad(path, f"expected a number, got {_kind(v)}")
    try:
        x = float(v)
    except OverflowError:
        raise _Bad(path, "expected a finite number, but the number is too large") from None
    if not math.isfinite(x):
        raise _Bad(path, f"expected a finite number, got {x!r}")
    return x


def _choice(v: object, path: str, table) -> str:
    if not isinstance(v, str):
        raise _Bad(path, f"expected a name (one of {', '.join(table)}), got {_kind(v)}")
    if v not in table:
        raise _Bad(path, f"unknown value {_show(v)}; expected one of {', '.join(table)}")
    return v


def _check_row(row: list, path: str) -> None:
    """Every item of ``row`` must be a JSON number (booleans are not numbers)."""
    types = set(map(type, row))
    if types <= {int, float}:
        return
    for j, v in enumerate(row):
        if not _is_number(v):
            raise _Bad(f"{path}[{j}]", f"expected a number, got {_kind(v)}")


def _blocked_array(values: list) -> np.ndarray:
    """``np.array(values, float64)`` a block of rows at a time, the same array: one call over a 1,000 x 1,000
    nested list holds the GIL ~0.1 s (an autosave thread checking a big model froze the window)."""
    step = _row_step(len(values[0]) if values and isinstance(values[0], list) else 1)
    if len(values) <= step:
        return np.array(values, dtype=np.float64)
    return np.concatenate([np.array(values[s : s + step], dtype=np.float64) for s in range(0, len(values), step)])


def _to_float(values: list, path: str, index_of) -> np.ndarray:
    """Checked number lists to float64, naming the first overflowing or non-finite item."""
    try:
        arr = _blocked_array(values)
    except OverflowError:
        arr = None
    if arr is None:
        for idx, v in index_of():
            try:
                float(v)
            except OverflowError:
                raise _Bad(path + "".join(f"[{i}]" for i in idx),
                           "expected a finite number, but the number is too large") from None
        raise _Bad(path, "expected finite numbers")  # pragma: no cover - unreachable
    bad = np.argwhere(~np.isfinite(arr))
    if len(bad):
        idx = tuple(int(i) for i in bad[0])
        raise _Bad(path + "".join(f"[{i}]" for i in idx), f"expected a finite number, got {float(arr[idx])!r}")
    return arr


def _vector(v: object, path: str, n: int | None) -> np.ndarray:
    """A list of ``n`` finite numbers (any length when ``n`` is None)."""
    want = "numbers" if n is None else f"{n} numbers"
    if not isinstance(v, list):
        raise _Bad(path, f"expected a list of {want}, got {_kind(v)}")
    if n is not None and len(v) != n:
        raise _Bad(path, f"expected a list of {want}, found {len(v)}")
    _check_row(v, path)
    return _to_float(v, path, lambda: (((j,), x) for j, x in enumerate(v))).reshape(len(v))


def _matrix(v: object, path: str, rows: int | None, cols: int) -> np.ndarray:
    """A list of ``rows`` lists of ``cols`` finite numbers (any number of rows when None)."""
    shape = f"{'n' if rows is None else rows}x{cols}"
    want = f"{'' if rows is None else str(rows) + ' '}rows of {cols} numbers (shape {shape})"
    if not isinstance(v, list):
        raise _Bad(path, f"expected a list of {want}, got {_kind(v)}")
    if rows is None:
        shape = f"{len(v)}x{cols}"
    if rows is not None and len(v) != rows:
        raise _Bad(path, f"expected {want}, found {len(v)} row{'' if len(v) == 1 else 's'}")
    for i, row in enumerate(v):
        if not isinstance(row, list):
            raise _Bad(f"{path}[{i}]", f"expected a row of {cols} numbers (shape {shape}), got {_kind(row)}")
        if len(row) != cols:
            raise _Bad(f"{path}[{i}]", f"expected a row of {cols} numbers (shape {shape}), "
                       f"found {len(row)} number{'' if len(row) == 1 else 's'}")
        _check_row(row, f"{path}[{i}]")
    return _to_float(
        v, path, lambda: (((i, j), x) for i, row in enumerate(v) for j, x in enumerate(row))
    ).reshape(len(v), cols)


def _names(v: object, path: str) -> tuple[str, ...]:
    if not isinstance(v, list):
        raise _Bad(path, f"expected a list of column names, got {_kind(v)}")
    for i, name in enumerate(v):
        if not isinstance(name, str):
            raise _Bad(f"{path}[{i}]", f"expected a column name (text), got {_kind(name)}")
    return tuple(v)


# -- the sections ---------------------------------------------------------------------------


def _parse(d: object) -> Model:
    if not isinstance(d, dict):
        raise _Bad(None, f"expected a JSON object at the top level, got {_kind(d)}")
    fmt = d.get("format")
    if "format" not in d:
        raise _Bad(None, f"is not an nngui model file (it has no 'format' field; expected {FORMAT!r})")
    if fmt != FORMAT:
        shown = _show(fmt) if isinstance(fmt, str) else _kind(fmt)
        raise _Bad(None, f"is not an nngui model file (format is {shown}, expected {FORMAT!r})")
    version = _get(d, "version")
    if not _is_int(version):
        raise _Bad("version", f"expected a whole number, got {_kind(version)}")
    if version > VERSION:
        shown = version if version < 10**20 else "a very large number"
        raise _Bad(None, f"was written by a newer nngui (model format version {shown}); "
                         f"this version reads versions {BASE_VERSION} to {VERSION}")
    if version < 1:
        raise _Bad("version", f"expected a version number >= 1, got {version}")

    arch, classes = _architecture(_object(_get(d, "architecture"), "architecture"))
    layers = _layers(_get(d, "layers"), arch)
    features = _features(d.get("features"), version)
    n_raw = _raw_inputs(arch.sizes[0], features)
    normalization = _normalization(d.get("normalization"), n_raw)
    training = _training(d.get("training"))
    columns = _object(_get(d, "columns"), "columns")
    inputs = _names(_get(columns, "inputs", "columns"), "columns.inputs")
    targets = _names(_get(columns, "targets", "columns"), "columns.targets")
    n_in, n_out = arch.sizes[0], arch.sizes[-1]
    if len(inputs) != n_raw:
        with_features = f"; with features {', '.join(features)} that is {n_raw} inputs" if features else ""
        raise _Bad("columns.inputs", f"expected {n_raw} input column names (architecture.sizes[0] is "
                   f"{n_in}{with_features}), found {len(inputs)}")
    if classes is None and len(targets) != n_out:
        raise _Bad("columns.targets", f"expected {n_out} target column names (the network has {n_out} "
                   f"outputs), found {len(targets)}")
    if classes is not None and len(targets) not in (1, n_out):
        raise _Bad("columns.targets", f"expected 1 label column name (or {n_out}, one per class), "
                   f"found {len(targets)}")
    data = _data(d.get("data"), len(inputs), len(targets))
    model = Model(arch, layers, normalization, training, inputs, targets, classes, data, features)
    try:
        model.config().check()
    except ConfigError as exc:  # pragma: no cover - every field is checked above
        raise _Bad(f"training.{exc.field}", exc.detail) from None
    return model


def _features(v: object, version: int) -> tuple[str, ...]:
    """The ``features`` list (version 2): known names, each once; absent, null or [] means none."""
    if v is None:
        return ()
    p = "features"
    if not isinstance(v, list):
        raise _Bad(p, f"expected a list of feature names ({', '.join(FEATURES)}), got {_kind(v)}")
    for i, name in enumerate(v):
        _choice(name, f"{p}[{i}]", FEATURES)
    try:
        features = canonical(v)
    except FeatureError as exc:
        raise _Bad(p, str(exc)) from None
    if features and version < 2:
        raise _Bad(p, f"input features need model format version 2, but the file says version {version}")
    return features


def _raw_inputs(n_in: int, features: tuple[str, ...]) -> int:
    """How many raw inputs give the first layer's width ``n_in`` with ``features`` (n_in itself without)."""
    if not features:
        return n_in
    n = 1
    while width(features, n) < n_in:
        n += 1
    if width(features, n) != n_in:
        raise _Bad("architecture.sizes[0]", f"{n_in} network inputs cannot come from features "
                   f"{', '.join(features)}: {n - 1} inputs give {width(features, n - 1)}, {n} give "
                   f"{width(features, n)}")
    return n


def _architecture(a: dict) -> tuple[Architecture, tuple[float, ...] | None]:
    p = "architecture"
    sizes = _get(a, "sizes", p)
    if not isinstance(sizes, list):
        raise _Bad(f"{p}.sizes", f"expected a list of layer sizes, got {_kind(sizes)}")
    if len(sizes) < 2:
        raise _Bad(f"{p}.sizes", f"expected at least 2 layer sizes (inputs and outputs), found {len(sizes)}")
    sizes = [_whole(s, f"{p}.sizes[{i}]", 1, MAX_UNITS) for i, s in enumerate(sizes)]
    acts = _get(a, "activations", p)
    if not isinstance(acts, list):
        raise _Bad(f"{p}.activations", f"expected a list of activation names, got {_kind(acts)}")
    if len(acts) != len(sizes) - 1:
        raise _Bad(f"{p}.activations", f"expected {len(sizes) - 1} activation names (one per layer), "
                   f"found {len(acts)}")
    for i, name in enumerate(acts):
        _choice(name, f"{p}.activations[{i}]", ACTIVATIONS)
        if ACTIVATIONS[name].output_only and i != len(acts) - 1:
            raise _Bad(f"{p}.activations[{i}]", f"{name} can only be used on the output layer")
    bias = _get(a, "bias", p)
    if not isinstance(bias, bool):
        raise _Bad(f"{p}.bias", f"expected true or false, got {_kind(bias)}")
    loss = _choice(_get(a, "loss", p), f"{p}.loss", LOSSES)
    classes = a.get("classes")
    if classes is not None:
        classes = tuple(float(c) + 0.0 for c in _vector(classes, f"{p}.classes", sizes[-1]))
    try:
        arch = Architecture(tuple(sizes), tuple(acts), bias, loss)
    except ValueError as exc:  # pragma: no cover - checked above
        raise _Bad(p, str(exc)) from None
    return arch, classes


def _layers(v: object, arch: Architecture) -> list[tuple[np.ndarray, np.ndarray | None]]:
    n = arch.n_layers
    if not isinstance(v, list):
        raise _Bad("layers", f"expected a list of {n} layers, got {_kind(v)}")
    if len(v) != n:
        raise _Bad("layers", f"expected {n} layer{'' if n == 1 else 's'} for architecture.sizes "
                   f"{list(arch.sizes)}, found {len(v)}")
    out = []
    for i, (layer, a, b) in enumerate(zip(v, arch.sizes, arch.sizes[1:])):
        p = f"layers[{i}]"
        layer = _object(layer, p, "an object with 'weights' and 'bias'")
        W = _matrix(_get(layer, "weights", p), f"{p}.weights", a, b)
        bias = layer.get("bias")
        if arch.bias:
            if bias is None:
                raise _Bad(f"{p}.bias", f"expected a list of {b} numbers because architecture.bias is true, "
                           f"got {'nothing' if 'bias' not in layer else 'null'}")
            bvec = _vector(bias, f"{p}.bias", b)
        else:
            if bias is not None:
                raise _Bad(f"{p}.bias", f"expected null because architecture.bias is false, got {_kind(bias)}")
            bvec = None
        out.append((W, bvec))
    return out


def _normalization(v: object, n_in: int) -> Normalizer | None:
    if v is None:
        return None
    p = "normalization"
    v = _object(v, p, "null or an object with 'kind', 'shift' and 'scale'")
    kind = _choice(_get(v, "kind", p), f"{p}.kind", NORMALIZER_KINDS)
    shift = _vector(_get(v, "shift", p), f"{p}.shift", n_in)
    scale = _vector(_get(v, "scale", p), f"{p}.scale", n_in)
    zero = np.flatnonzero(scale == 0)
    if zero.size:
        raise _Bad(f"{p}.scale[{int(zero[0])}]", "is 0; a scale must not be zero (it divides the input)")
    return Normalizer(kind, shift, scale)


def _training(v: object) -> dict:
    out = _empty_training()
    if v is None:
        return out
    p = "training"
    v = _object(v, p, "null or an object")
    checks = {
        "optimizer": lambda x, q: _choice(x, q, OPTIMIZERS),
        "init": lambda x, q: _choice(x, q, INITIALIZERS),
        "normalize": lambda x, q: _choice(x, q, ("none", *NORMALIZER_KINDS)),
        "dtype": lambda x, q: _choice(x, q, DTYPES),
        "batch_size": lambda x, q: _whole(x, q),
        "epochs_done": lambda x, q: _whole(x, q),
        "epochs_target": lambda x, q: _whole(x, q),
        "seed": lambda x, q: _whole(x, q),
        "final_loss": _number,
        "learning_rate": _learning_rate,
        "validation": _validation,
        "loss_history": _loss_history,
        "val_history": _loss_history,
        "stop_loss": _stop_loss,
        "stop_accuracy": _flag,
        "l2": _stop_loss,  # the same rule: a finite number >= 0, 0 off
        "l1": _stop_loss,
        "schedule": _schedule,
        "early_stopping": lambda x, q: _whole(x, q),
        "best_epoch": lambda x, q: _whole(x, q, 1),
    }
    for key in TRAINING_KEYS:
        x = v.get(key)
        if x is not None:
            out[key] = checks[key](x, f"{p}.{key}")
    best, done = out["best_epoch"], out["epochs_done"]
    if best is not None and done is not None and best > done:
        raise _Bad(f"{p}.best_epoch", f"expected an epoch from 1 to epochs_done ({done}), got {best}")
    return out


def _schedule(x: object, path: str) -> str:
    if not isinstance(x, str):
        raise _Bad(path, f"expected a schedule as text (e.g. \"constant\" or \"step:0.5:100\"), got {_kind(x)}")
    try:
        parse_schedule(x)
    except ValueError as exc:
        raise _Bad(path, str(exc)) from None
    return x


def _stop_loss(x: object, path: str) -> float:
    v = _number(x, path)
    if v < 0:
        raise _Bad(path, f"expected a number >= 0 (0: off), got {v!r}")
    return v


def _flag(x: object, path: str) -> bool:
    if not isinstance(x, bool):
        raise _Bad(path, f"expected true or false, got {_kind(x)}")
    return x


def _learning_rate(x: object, path: str) -> float:
    lr = _number(x, path)
    if lr <= 0:
        raise _Bad(path, f"expected a number > 0, got {lr!r}")
    return lr


def _validation(x: object, path: str) -> float:
    f = _number(x, path)
    if not 0.0 <= f <= 0.9:
        raise _Bad(path, f"expected a fraction from 0 to 0.9, got {f!r}")
    return f


def _loss_history(x: object, path: str) -> dict:
    x = _object(x, path, "null or an object with 'stride', 'epochs', 'min', 'max' and 'last'")
    stride = x.get("stride", 1)
    stride = _whole(stride, f"{path}.stride", 1, 2**62)
    epochs = _get(x, "epochs", path)
    if not isinstance(epochs, list):
        raise _Bad(f"{path}.epochs", f"expected a list of epoch numbers, got {_kind(epochs)}")
    e = [_whole(k, f"{path}.epochs[{i}]", 1, 2**62) for i, k in enumerate(epochs)]
    for i in range(1, len(e)):
        if e[i] <= e[i - 1]:
            raise _Bad(f"{path}.epochs[{i}]", f"epochs must increase, but {e[i]} follows {e[i - 1]}")
    out: dict = {"stride": stride, "epochs": e}
    for key in ("min", "max", "last"):
        out[key] = _vector(_get(x, key, path), f"{path}.{key}", len(e)).tolist()
    return out


def _data(v: object, n_in: int, n_targets: int) -> dict | None:
    if v is None:
        return None
    p = "data"
    v = _object(v, p, "null or an object with 'inputs' and 'targets'")
    X = _matrix(_get(v, "inputs", p), f"{p}.inputs", None, n_in)
    targets = _get(v, "targets", p)
    if isinstance(targets, list) and len(targets) != X.shape[0]:
        raise _Bad(f"{p}.targets", f"expected {X.shape[0]} rows of {n_targets} numbers (one per row of "
                   f"data.inputs), found {len(targets)} row{'' if len(targets) == 1 else 's'}")
    Y = _matrix(targets, f"{p}.targets", X.shape[0], n_targets)
    return {"inputs": X, "targets": Y}
