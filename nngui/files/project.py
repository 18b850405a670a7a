"""Project files (``.nngui.json``): the data table, its column roles, the settings and the weights.

Pure Python and NumPy (no Qt), so it can be tested and used without a display::

    {
      "format": "nngui-project",
      "version": 1,
      "table": {"names": [...], "roles": ["input", ..., "target"], "values": [[0, 1, null], ...]},
      "settings": {...TrainConfig.to_dict()...},
      "model": {...core model file dict...} or null,
      "view": {...optional UI state...},
      "checkpoints": {...optional, nngui.files.project_checkpoints...}
    }

Empty cells are ``null`` (NaN in memory). The model dict is exactly the core's model
file (:func:`core.modelfile.model_to_dict`), so it also carries the normalisation and
the loss history. Loading validates everything and raises :class:`core.data.DataError`
naming the file and the field; writing is atomic. The format is documented in
``docs/project-format.md``; the optional ``checkpoints`` (time travel) are read and written by
:mod:`nngui.files.project_checkpoints`, and a file without them opens as before.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from core.config import ConfigError, TrainConfig
from core.data import DataError, encode_classes
from core.files import atomic_write_chunks
from core.features import width
from core.modelfile import Model, ModelFileError, Rows, dump_json_chunks, model_from_dict, model_to_dict
from core.network import Architecture

from nngui.files.project_checkpoints import BadField, checkpoints_from_dict, checkpoints_to_dict

FORMAT = "nngui-project"
VERSION = 1
SUFFIX = ".nngui.json"
ROLES = ("input", "target")
MAX_FILE_BYTES = 1_000_000_000


@dataclass(eq=False)
class Project:
    """Everything a project file holds."""

    names: list[str]
    roles: list[str]
    values: np.ndarray  # (rows, columns) float64, NaN = empty cell
    config: TrainConfig
    model: Model | None = None
    view: dict = field(default_factory=dict)
    checkpoints: list = field(default_factory=list)  # core.trainer.Checkpoint by epoch (time travel)

    def input_names(self) -> list[str]:
        return [n for n, r in zip(self.names, self.roles) if r == "input"]

    def target_names(self) -> list[str]:
        return [n for n, r in zip(self.names, self.roles) if r == "target"]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def project_to_dict(project: Project) -> dict:
    """The JSON-ready dict (raises DataError for a table or model that could not be read back)."""
    return _project_dict(project, stream=False)


def _project_dict(project: Project, stream: bool) -> dict:
    """:func:`project_to_dict`; with ``stream`` the table's values are :class:`Rows` for dump_json_chunks."""
    names = [str(n) for n in project.names]
    roles = [str(r) for r in project.roles]
    values = np.asarray(project.values, dtype=np.float64)
    if values.ndim != 2 or values.shape[1] != len(names) or len(roles) != len(names):
        raise DataError(f"the table has {len(names)} names, {len(roles)} roles and values of shape "
                        f"{values.shape}; they must agree")
    bad = np.argwhere(np.isinf(values))
    if len(bad):
        r, c = (int(i) for i in bad[0])
        raise DataError(f"cannot save {values[r, c]!r}: only finite numbers can be saved", row=r + 1, column=names[c])
    rows = Rows(values) if stream else Rows(values).lists()
    model = None
    if project.model is not None:
        try:
            model = model_to_dict(project.model)
        except ModelFileError as exc:
            raise DataError(f"model: {exc}") from None
        if stream:  # checked: write the weights from the arrays, and free their lists a layer at a time
            for layer, (W, _b) in zip(model["layers"], project.model.layers):
                layer["weights"] = Rows(np.asarray(W, dtype=np.float64))
    d = {
        "format": FORMAT,
        "version": VERSION,
        "table": {"names": names, "roles": roles, "values": rows},
        "settings": project.config.to_dict(),
        "model": model,
        "view": dict(project.view or {}),
    }
    if project.checkpoints and model is not None:
        d["checkpoints"] = checkpoints_to_dict(project.checkpoints)
    return d


def dumps_project(project: Project) -> str:
    return "".join(project_chunks(project))


def project_chunks(project: Project) -> Iterator[str]:
    """The project file's text in pieces, made as they are written (a big table is never one string, and
    the thread writing it lets the window run); the table and the model are checked before the first."""
    return itertools.chain(dump_json_chunks(_project_dict(project, stream=True), 1), ("\n",))


def write_project(path: str | os.PathLike, project: Project) -> None:
    """Write the project atomically, piece by piece; errors as :func:`project_chunks` and the file raise them."""
    atomic_write_chunks(path, (piece.encode("utf-8") for piece in project_chunks(project)))


def save_project(path: str | os.PathLike, project: Project) -> None:
    """Write the project atomically; DataError (naming the file) for unsaveable content, OSError as is."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        write_project(path, project)
    except DataError as exc:
        raise DataError(exc.detail, file=name, row=exc.row, column=exc.column) from None
    except (TypeError, ValueError) as exc:  # (UnicodeError too); OSError goes on as it is
        raise DataError(f"cannot be saved: {exc}", file=name) from None


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def _error(source: str, field: str | None, problem: str) -> DataError:
    return DataError(f"{field}: {problem}" if field else problem, file=source)


def load_project(path: str | os.PathLike) -> Project:
    """Read and validate a project file; every problem is a DataError naming the file and field."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"the file cannot be read ({exc.strerror or exc})", file=name) from None
    if len(data) > MAX_FILE_BYTES:
        raise DataError(f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB", file=name)
    return loads_project(data, source=name)


def loads_project(text: str | bytes, source: str = "project") -> Project:
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(f"is not an nngui project file (byte at offset {exc.start} is not UTF-8 text)",
                            file=source) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DataError("the file is empty (expected a JSON object)", file=source)
    try:
        d = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg}", file=source, line=exc.lineno, column=exc.colno) from None
    except (ValueError, RecursionError) as exc:
        raise DataError(f"not a usable JSON document ({exc})", file=source) from None
    return project_from_dict(d, source=source)


def project_from_dict(d: object, source: str = "project") -> Project:
    """Validate a parsed project document and build the Project (DataError only)."""
    try:
        return _parse(d, source)
    except _Bad as bad:
        raise _error(source, bad.field, bad.problem) from None
    except DataError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError, OverflowError) as exc:
        raise DataError(f"invalid project ({type(exc).__name__}: {exc})", file=source) from None


def _kind(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return f"the number {v!r}"
    if isinstance(v, str):
        return f"the text {v[:40]!r}"
    if isinstance(v, list):
        return f"a list of {len(v)} items"
    if isinstance(v, dict):
        return "an object"
    return type(v).__name__


def _parse(d: object, source: str) -> Project:
    if not isinstance(d, dict):
        raise _Bad(None, f"expected a JSON object at the top level, got {_kind(d)}")
    fmt = d.get("format")
    if fmt != FORMAT:
        if fmt == "nngui-model":
            raise _Bad("format", "this is a model file, not a project (use Import weights, or open it as a model)")
        raise _Bad("format", f"is not an nngui project file (format is {_kind(fmt)}, expected {FORMAT!r})")
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Bad("version", f"expected a whole number >= 1, got {_kind(version)}")
    if version > VERSION:
        raise _Bad("version", f"the file was written by a newer nngui (project version {version}); "
                   f"this version reads version {VERSION}")

    names, roles, values = _table(d.get("table"))
    config = _settings(d.get("settings"))
    view = d.get("view")
    if view is None:
        view = {}
    if not isinstance(view, dict):
        raise _Bad("view", f"expected an object, got {_kind(view)}")
    # Optional UI state the window reads leniently: entries that could not be written back
    # (Infinity or NaN, which Python's json reads) are dropped, so what loads also saves.
    view = {k: v for k, v in view.items() if isinstance(k, str) and _writable(v)}
    model = None
    if d.get("model") is not None:
        try:
            model = model_from_dict(d["model"], source=source)
        except ModelFileError as exc:
            where = f"model.{exc.field}" if exc.field else "model"
            raise _Bad(where, exc.problem) from None
        _check_model(model, names, roles, values, config)
    checkpoints = []
    if d.get("checkpoints") is not None and model is not None:  # without weights they have nothing to go with
        last = max(int(model.epochs_done), int(model.history().last_epoch))
        try:
            checkpoints = checkpoints_from_dict(d["checkpoints"], config, model.architecture.n_params, last)
        except BadField as bad:
            raise _Bad("checkpoints" + bad.field, bad.problem) from None
    return Project(names, roles, values, config, model, view, checkpoints)


def _writable(value: object) -> bool:
    """True when ``value`` is plain JSON (no Infinity or NaN anywhere inside)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _writable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_writable(v) for v in value)
    return value is None or isinstance(value, (str, int))


def _table(t: object) -> tuple[list[str], list[str], np.ndarray]:
    if not isinstance(t, dict):
        raise _Bad("table", f"expected an object with 'names', 'roles' and 'values', got {_kind(t)}")
    names = t.get("names")
    if not isinstance(names, list):
        raise _Bad("table.names", f"expected a list of column names, got {_kind(names)}")
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise _Bad(f"table.names[{i}]", f"expected a non-empty column name, got {_kind(n)}")
        if n in seen:
            raise _Bad(f"table.names[{i}]", f"column name {n!r} appears twice (columns {seen[n] + 1} and {i + 1})")
        seen[n] = i
    roles = t.get("roles")
    if not isinstance(roles, list) or len(roles) != len(names):
        raise _Bad("table.roles", f"expected a list of {len(names)} roles (one per column), got {_kind(roles)}")
    for i, r in enumerate(roles):
        if r not in ROLES:
            raise _Bad(f"table.roles[{i}]", f"expected 'input' or 'target', got {_kind(r)}")
    rows = t.get("values")
    if not isinstance(rows, list):
        raise _Bad("table.values", f"expected a list of rows, got {_kind(rows)}")
    n = len(names)
    values = np.full((len(rows), n), np.nan)
    for r, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != n:
            raise _Bad(f"table.values[{r}]", f"expected a row of {n} numbers or nulls, got {_kind(row)}")
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise _Bad(f"table.values[{r}][{c}]", f"row {r + 1}, column {names[c]!r}: expected a number "
                           f"or null, got {_kind(v)}")
            try:
                x = float(v)
            except OverflowError:
                x = math.inf
            if not math.isfinite(x):
                got = "NaN" if math.isnan(x) else \
                    "infinity (or a number too large: numbers must stay below about 1.8e308)"
                raise _Bad(f"table.values[{r}][{c}]",
                           f"row {r + 1}, column {names[c]!r}: expected a finite number, got {got}")
            values[r, c] = x
    return list(names), list(roles), values


def _settings(s: object) -> TrainConfig:
    if not isinstance(s, dict):
        raise _Bad("settings", f"expected an object of training settings, got {_kind(s)}")
    try:
        return TrainConfig.from_dict(s)
    except ConfigError as exc:
        raise _Bad(f"settings.{exc.field}", _short_numbers(exc.detail)) from None
    except OverflowError:
        raise _Bad("settings", "a number is too large (numbers must stay below about 1.8e308)") from None
    except (TypeError, ValueError) as exc:
        raise _Bad("settings", _short_numbers(str(exc))) from None


def _short_numbers(text: str) -> str:
    """Shorten absurdly long numbers quoted in a message: '1000...000 (401 digits)'."""
    return re.sub(r"\d{25,}", lambda m: f"{m.group()[:6]}\u2026 ({len(m.group())} digits)", text)


def _check_model(model: Model, names, roles, values: np.ndarray, config: TrainConfig) -> None:
    """The weights must fit the table's columns and the settings' architecture."""
    n_in = sum(r == "input" for r in roles)
    targets = [c for c, r in enumerate(roles) if r == "target"]
    arch = model.architecture
    if model.n_inputs != n_in:  # sizes[0] also counts the derived inputs (features)
        raise _Bad("model.architecture.sizes", f"the weights take {model.n_inputs} inputs but the table has "
                   f"{n_in} input column{'' if n_in == 1 else 's'}")
    if tuple(model.features) != tuple(config.features):
        raise _Bad("model.features", f"the weights use the input features [{', '.join(model.features)}] but the "
                   f"settings have [{', '.join(config.features)}]")
    n_out = arch.sizes[-1]
    if model.classes is None:
        if n_out != len(targets):
            raise _Bad("model.architecture.sizes", f"the weights give {n_out} outputs but the table has "
                       f"{len(targets)} target column{'' if len(targets) == 1 else 's'}")
    else:
        if len(targets) != 1:
            raise _Bad("model.architecture.classes", f"the weights predict {n_out} classes from one label "
                       f"column but the table has {len(targets)} target columns")
        labels = values[:, targets[0]]
        labels = labels[~np.isnan(labels)]
        unknown = sorted(set(labels.tolist()) - set(model.classes))
        if unknown:
            raise _Bad("model.architecture.classes", f"the table's column {names[targets[0]]!r} has class "
                       f"{unknown[0]:g}, which the weights do not know ({', '.join(f'{c:g}' for c in model.classes)})")
    want = _architecture(config, n_in, n_out)
    if want is not None and (want.sizes != arch.sizes or want.activations != arch.activations
                             or want.bias != arch.bias or want.loss != arch.loss):
        raise _Bad("model.architecture", f"the weights are for layers {list(arch.sizes)} "
                   f"({', '.join(arch.activations)}, bias {arch.bias}, loss {arch.loss}) but the settings describe "
                   f"{list(want.sizes)} ({', '.join(want.activations)}, bias {want.bias}, loss {want.loss})")


def _architecture(config: TrainConfig, n_in: int, n_out: int) -> Architecture | None:
    """The network ``config`` builds for ``n_in`` raw inputs (its features widen the first layer)."""
    try:
        return Architecture.build(width(config.features, n_in), config.hidden, n_out, config.hidden_activations,
                                  config.output_activation, config.bias, config.loss)
    except (ValueError, KeyError):
        return None


def n_outputs(values: np.ndarray, roles, config: TrainConfig) -> int:
    """Outputs the network needs for this table and settings (classes for softmax + ce)."""
    targets = [c for c, r in enumerate(roles) if r == "target"]
    if config.loss == "ce" and config.output_activation == "softmax" and len(targets) == 1:
        col = values[:, targets[0]]
        col = col[~np.isnan(col)]
        enc = encode_classes(col.reshape(-1, 1)) if col.size else None
        if enc is not None:
            return len(enc[1])
    return len(targets)
