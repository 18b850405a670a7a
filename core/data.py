"""The data layer: CSV files and in-memory tables in, validated float64 arrays out.

Everything a user can get wrong about a data set is reported as one error kind,
:class:`DataError`, which names the file, the line (or table row) and the column
and says in plain words what was expected. The GUI shows ``str(error)`` as is.

CSV rules, in short: ``#`` comment lines and blank lines are skipped anywhere;
the first other line is the header of column names; the delimiter (tab, ``;``
or ``,``, in that order of preference) is taken from the header; the last
``targets`` columns are the targets; every cell must be a finite number.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import codecs
import csv
import math
import operator
import os
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from .files import atomic_write_text  # re-exported: nngui imports it from here

__all__ = [
    "DataError",
    "Dataset",
    "parse_csv",
    "read_csv",
    "dataset_from_rows",
    "write_csv",
    "csv_text",
    "encode_classes",
    "decode_classes",
    "atomic_write_text",
]

DEFAULT_MAX_BYTES = 200_000_000
DEFAULT_MAX_CLASSES = 256
_SHOW_MAX = 40  # longest cell text quoted back in a message
_PROGRESS_MASK = 8191  # parse progress is reported every 8192 data rows
# Big files are parsed in blocks of rows and pieces of text, so no single call holds Python's lock
# (the GIL) for long: a window parsing on a thread keeps painting (docs/performance.md, W8).
_BLOCK = 4096  # data rows converted at once (a divisor of _PROGRESS_MASK + 1)
_PIECE = 1 << 20  # characters of text decoded and split into lines at once


# ---------------------------------------------------------------------------
# The error kind
# ---------------------------------------------------------------------------


class DataError(ValueError):
    """Bad data, located as precisely as possible.

    ``line`` is the 1-based physical line in the file (header, comments and blank
    lines count); ``row`` is the 1-based data row of an in-memory table;
    ``column`` is the column name when known, else its 1-based number.
    ``str(e)`` reads like
    ``"iris.csv, line 7, column 'petal_width': expected a number, got 'abc'"``.
    """

    def __init__(
        self,
        detail: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | int | None = None,
        row: int | None = None,
    ) -> None:
        self.detail = detail
        self.file = file
        self.line = line
        self.column = column
        self.row = row
        super().__init__(self._message())

    def _message(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(str(self.file))
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if isinstance(self.column, str):
            parts.append(f"column {self.column!r}")
        elif self.column is not None:
            parts.append(f"column {self.column}")
        return f"{', '.join(parts)}: {self.detail}" if parts else self.detail

    def __str__(self) -> str:
        return self._message()

    def __reduce__(self):  # keep the location when pickled (e.g. across processes)
        kwargs = dict(file=self.file, line=self.line, column=self.column, row=self.row)
        return (_rebuild_data_error, (self.detail, kwargs))


def _rebuild_data_error(detail: str, kwargs: dict) -> DataError:
    return DataError(detail, **kwargs)


# ---------------------------------------------------------------------------
# The data set
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Dataset:
    """Inputs ``X`` (n, n_in) and raw targets ``Y`` (n, n_out), float64, C-contiguous."""

    X: np.ndarray
    Y: np.ndarray
    input_names: tuple[str, ...]
    target_names: tuple[str, ...]
    source: str = "table"

    def __post_init__(self) -> None:
        X = np.ascontiguousarray(self.X, dtype=np.float64)
        Y = np.ascontiguousarray(self.Y, dtype=np.float64)
        if X.ndim != 2 or Y.ndim != 2 or X.shape[0] != Y.shape[0]:
            raise ValueError(f"X and Y must be 2-D with equal rows, got {X.shape} and {Y.shape}")
        inputs, targets = tuple(self.input_names), tuple(self.target_names)
        if len(inputs) != X.shape[1] or len(targets) != Y.shape[1]:
            raise ValueError("one name per column of X and of Y is required")
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)
        object.__setattr__(self, "input_names", inputs)
        object.__setattr__(self, "target_names", targets)

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_inputs(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_targets(self) -> int:
        return int(self.Y.shape[1])


# ---------------------------------------------------------------------------
# Shared checks and cell conversion
# ---------------------------------------------------------------------------


def _show(text: str) -> str:
    """Quote a cell for a message, shortened and with control characters escaped."""
    if len(text) > _SHOW_MAX:
        text = text[: _SHOW_MAX - 3] + "..."
    return repr(text)


def _check_targets(targets: int, n_columns: int, **where) -> int:
    """Validate the number of target columns against the number of columns."""
    targets = operator.index(targets)
    if targets < 0:
        raise DataError(f"the number of target columns cannot be negative (targets={targets})", **where)
    if targets >= n_columns:
        if n_columns == 1:
            why = ("but there is only 1 column (are the cells separated by commas, "
                   "semicolons or tabs?)")
        else:
            why = f"but all {n_columns} columns would be targets (targets={targets})"
        raise DataError(f"needs at least one input column, {why}", **where)
    return targets


def _check_names(names: Sequence[str], **where) -> None:
    """Every column needs a non-empty name, and no name may appear twice."""
    first_seen: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        if not name:
            raise DataError("this column has no name in the header", column=number, **where)
        if name in first_seen:
            raise DataError(
                f"column name {name!r} appears twice (columns {first_seen[name]} and {number})",
                column=name, **where)
        first_seen[name] = number


def _bad_text_detail(text: str, decimal_comma_hint: bool = False) -> str:
    """Explain why the text of a cell is not a usable number."""
    cell = text.strip()
    if not cell:
        return "expected a number, but the cell is empty"
    try:
        value = float(cell)
    except (ValueError, TypeError):
        detail = f"expected a number, got {_show(cell)}"
        if decimal_comma_hint and "," in cell:
            try:
                float(cell.replace(",", "."))
            except ValueError:
                pass
            else:
                detail += " (use a dot, not a comma, as the decimal separator)"
        return detail
    return _nonfinite_detail(cell, value)


def _nonfinite_detail(cell: str, value: float) -> str:
    """Explain a cell that parsed to nan or inf: a written nan/inf, or an overflow."""
    lowered = cell.lower()
    if math.isnan(value) or "inf" in lowered:
        return f"expected a finite number, got {_show(cell)}"
    return (f"expected a finite number, but {_show(cell)} is too large "
            "(numbers must stay below about 1.8e308)")


def _cell_to_float(cell: object) -> float:
    """Convert one table cell to a finite float, raising DataError(detail only)."""
    if isinstance(cell, str):
        try:
            value = float(cell)
        except ValueError:
            raise DataError(_bad_text_detail(cell)) from None
        if not math.isfinite(value):
            raise DataError(_nonfinite_detail(cell.strip(), value))
        return value
    if cell is None:
        raise DataError("expected a number, but the cell is empty")
    try:
        value = float(cell)  # type: ignore[arg-type]
    except OverflowError:
        raise DataError(f"expected a finite number, but {_show(str(cell))} is too large") from None
    except (TypeError, ValueError):
        raise DataError(f"expected a number, got {_show(str(cell))}") from None
    if not math.isfinite(value):
        raise DataError(f"expected a finite number, got {_show(str(cell))}")
    return value


# ---------------------------------------------------------------------------
# CSV parsing
# ---------------------------------------------------------------------------


def _physical_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF (only those: other separators stay inside lines).

    A long text is split a piece of about ``_PIECE`` characters at a time, each piece
    ending after a LF, which gives the same lines as one split of the whole.
    """
    if len(text) <= _PIECE:
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start + _PIECE)
        end = n if end < 0 else end + 1
        part = text[start:end].replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines.extend(part if end == n else part[:-1])  # a piece ending in LF splits to a last ''
        start = end
    return lines


def _line_of_offset(text: str, offset: int) -> int:
    """1-based physical line holding character ``offset`` of ``text``."""
    return len(_physical_lines(text[:offset]))


def _content_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, line) for lines that are neither blank nor comments."""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, line


def _detect_delimiter(header: str) -> str:
    """Tab, then ``;``, then ``,``: whichever occurs in the header outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", header)
    for delimiter in ("\t", ";"):
        if delimiter in unquoted:
            return delimiter
    return ","


def _split_line(line: str, delimiter: str, file: str, number: int) -> list[str]:
    """Split one line into cells; the csv module is used only when quotes occur."""
    if '"' not in line:
        return line.split(delimiter)
    try:
        return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise DataError("a quotation mark (\") opens a cell but nothing closes it",
                            file=file, line=number) from None
    try:  # lenient re-read: tolerates text after a closing quote, such as '"1" ,2'
        return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))
    except csv.Error as exc:
        raise DataError(f"this line cannot be read as CSV ({exc})", file=file, line=number) from None


def _check_no_nul(text: str, file: str) -> None:
    position = text.find("\x00")
    if position >= 0:
        raise DataError("this is not a text CSV file (it contains NUL bytes)",
                        file=file, line=_line_of_offset(text, position))


def _parse_rows(content: list[tuple[int, str]], delimiter: str, names: list[str],
                file: str, progress: Callable[[int, int], object] | None = None) -> np.ndarray:
    """Convert the data lines to an (n, n_columns) array, reporting the first bad cell.

    The lines are converted a block of ``_BLOCK`` at a time: the fast path is one
    ``float()`` per cell over the whole block; a block with quotes, a line of the wrong
    width or a bad cell is walked line by line, which finds the first problem. nan/inf/
    overflow are found afterwards on the whole array, and an earlier one of those wins
    over a later structural error. ``progress(done, total)`` is called every 8192 lines
    (it may raise to abandon the parse).
    """
    n_columns = len(names)
    total = len(content)
    out = np.empty((total, n_columns), dtype=np.float64)
    for start in range(0, total, _BLOCK):
        if progress is not None and not start & _PROGRESS_MASK:
            progress(start, total)
        block = content[start:start + _BLOCK]
        values = _fast_block([line for _number, line in block], delimiter, n_columns)
        if values is None:
            values = _careful_block(block, delimiter, names, file, out, start, content)
        out[start:start + len(block)] = values
    _raise_nonfinite(out, content, delimiter, names, file)
    return out


def _fast_block(lines: list[str], delimiter: str, n_columns: int) -> np.ndarray | None:
    """The cells of lines without quotes, each of ``n_columns`` cells, as floats; None otherwise."""
    joined = delimiter.join(lines)
    if '"' in joined or set(map(operator.methodcaller("count", delimiter), lines)) != {n_columns - 1}:
        return None
    try:
        values = list(map(float, joined.split(delimiter)))
    except ValueError:
        return None
    return np.array(values, dtype=np.float64).reshape(len(lines), n_columns)


def _careful_block(block: list[tuple[int, str]], delimiter: str, names: list[str], file: str,
                   done: np.ndarray, start: int, content: list[tuple[int, str]]) -> np.ndarray:
    """Convert a block line by line; a DataError for its first bad line (after any earlier nan/inf)."""
    n_columns = len(names)
    values: list[list[float]] = []
    for number, line in block:
        try:
            cells = _split_line(line, delimiter, file, number)
            if len(cells) != n_columns:
                missing = len(cells) < n_columns
                raise DataError(
                    f"expected {n_columns} cells like the header, found {len(cells)}",
                    file=file, line=number,
                    column=names[len(cells)] if missing else n_columns + 1)
            try:
                values.append(list(map(float, cells)))
            except ValueError:
                index = next(i for i, cell in enumerate(cells) if not _parses(cell))
                raise DataError(_bad_text_detail(cells[index], delimiter != ","),
                                file=file, line=number, column=names[index]) from None
        except DataError:
            so_far = np.array(values, dtype=np.float64).reshape(-1, n_columns)
            _raise_nonfinite(np.concatenate([done[:start], so_far]), content, delimiter, names, file)
            raise
    return np.array(values, dtype=np.float64).reshape(len(values), n_columns)


def _release(items: list) -> None:
    """Empty a big list a block at a time (freeing a million strings at once holds the GIL for ~0.1 s)."""
    for end in range(len(items), 0, -_BLOCK):
        del items[max(0, end - _BLOCK):end]


def _parses(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _raise_nonfinite(values: np.ndarray, content: list[tuple[int, str]],
                     delimiter: str, names: list[str], file: str) -> None:
    """Raise for the first nan/inf/overflowed cell (row-major) of the rows converted so far."""
    if np.isfinite(values).all():
        return
    row, col = (int(i) for i in np.argwhere(~np.isfinite(values))[0])
    number, line = content[row]
    cell = _split_line(line, delimiter, file, number)[col].strip()
    raise DataError(_nonfinite_detail(cell, float(values[row, col])),
                    file=file, line=number, column=names[col])


def parse_csv(text: str, targets: int = 1, source: str = "<text>",
              progress: Callable[[int, int], object] | None = None) -> Dataset:
    """Parse CSV text into a Dataset; the last ``targets`` columns are the targets.

    Raises DataError (naming ``source``, the line and the column) for anything
    that is not a rectangular table of finite numbers under a header of names.
    ``progress(done_rows, total_rows)``, when given, is called every few thousand
    rows; an exception it raises (e.g. to cancel) propagates unchanged.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_no_nul(text, source)
    content = list(_content_lines(_physical_lines(text)))
    if not content:
        raise DataError("the file is empty (it has no header line of column names)",
                        file=source)
    header_line, header = content[0]
    delimiter = _detect_delimiter(header)
    names = [name.strip() for name in _split_line(header, delimiter, source, header_line)]
    _check_names(names, file=source, line=header_line)
    targets = _check_targets(targets, len(names), file=source, line=header_line)
    if len(content) == 1:
        if all(_parses(name) for name in names):
            raise DataError("the file has a single line and it holds numbers; expected a header line of "
                            "column names (such as x1,x2,y) followed by rows of numbers",
                            file=source, line=header_line)
        raise DataError("the header is not followed by any data rows",
                        file=source, line=header_line)
    data = _parse_rows(content[1:], delimiter, names, source, progress)
    _release(content)
    n_inputs = len(names) - targets
    return Dataset(
        X=np.ascontiguousarray(data[:, :n_inputs]),
        Y=np.ascontiguousarray(data[:, n_inputs:]),
        input_names=tuple(names[:n_inputs]),
        target_names=tuple(names[n_inputs:]),
        source=source,
    )


def _human_size(n_bytes: int) -> str:
    """250000000 -> '250 MB', 2500 -> '2.5 kB', 12 -> '12 bytes'."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:.3g} {unit}"
    return f"{n_bytes} bytes"


def _decode(data: bytes, file: str) -> str:
    """Bytes to text as UTF-8 (a BOM is dropped later); undecodable bytes are an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("this is not a text CSV file (it is UTF-16 text; "
                        "save it as 'CSV UTF-8' instead)", file=file, line=1)
    if len(data) > _PIECE:  # a piece at a time (see _BLOCK); a bad byte is located by the whole decode below
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            parts = [decoder.decode(data[i:i + _PIECE]) for i in range(0, len(data), _PIECE)]
            parts.append(decoder.decode(b"", final=True))
            return "".join(parts)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        raise DataError(
            f"this is not a text CSV file (byte 0x{data[exc.start]:02x} is not valid UTF-8; "
            "if it comes from a spreadsheet, save it as 'CSV UTF-8')",
            file=file, line=_line_of_offset(prefix, len(prefix))) from None


def read_csv(path: str | os.PathLike, targets: int = 1,
             max_bytes: int = DEFAULT_MAX_BYTES,
             progress: Callable[[int, int], object] | None = None) -> Dataset:
    """Read and parse a UTF-8 CSV file (see :func:`parse_csv`); errors name its base name.

    Files larger than ``max_bytes`` (200 MB by default) are refused with a DataError
    giving both sizes. ``progress`` is passed on to :func:`parse_csv`.
    """
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise _too_big(name, size, max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataError(f"the file cannot be read ({reason})", file=name) from None
    if len(data) > max_bytes:  # grew while we looked, or a special file
        raise _too_big(name, max(size, len(data)), max_bytes)
    return parse_csv(_decode(data, name), targets=targets, source=name, progress=progress)


def _too_big(name: str, size: int, max_bytes: int) -> DataError:
    return DataError(f"the file is {_human_size(size)}; the limit is {_human_size(max_bytes)}",
                     file=name)


# ---------------------------------------------------------------------------
# In-memory tables
# ---------------------------------------------------------------------------


def _target_indices(target_columns: Sequence[int] | None, targets: int,
                    n_columns: int) -> list[int]:
    """Validated target column indices, in the order given (default: the last ones)."""
    if target_columns is None:
        targets = _check_targets(targets, n_columns)
        return list(range(n_columns - targets, n_columns))
    indices = [operator.index(i) for i in target_columns]
    for i in indices:
        if not 0 <= i < n_columns:
            raise DataError(f"target column index {i} is outside the table's "
                            f"{n_columns} columns")
    if len(set(indices)) != len(indices):
        raise DataError("a target column is listed twice")
    if not indices:  # a table being trained on needs something to predict
        raise DataError("needs at least one target column: mark a column as target")
    _check_targets(len(indices), n_columns)
    return indices


def _table_to_array(rows: Sequence[Sequence[object]], names: Sequence[str]) -> np.ndarray:
    """Convert a table of cells to a float64 array, naming the row and column of bad cells."""
    n_columns = len(names)
    out = np.empty((len(rows), n_columns), dtype=np.float64)
    for r, row in enumerate(rows):
        cells = list(row)
        if len(cells) != n_columns:
            missing = len(cells) < n_columns
            raise DataError(f"expected {n_columns} cells like the header, found {len(cells)}",
                            row=r + 1, column=names[len(cells)] if missing else n_columns + 1)
        for c, cell in enumerate(cells):
            try:
                out[r, c] = _cell_to_float(cell)
            except DataError as exc:
                raise DataError(exc.detail, row=r + 1, column=names[c]) from None
    return out


def dataset_from_rows(
    rows: Sequence[Sequence[object]],
    names: Sequence[str],
    target_columns: Sequence[int] | None = None,
    targets: int = 1,
    source: str = "table",
) -> Dataset:
    """Build a Dataset from an in-memory table (what the GUI's table holds).

    Cells may be numbers or numeric strings. ``target_columns`` are 0-based
    indices at any positions, kept in the order given; input columns keep their
    table order. Without it the last ``targets`` columns are the targets.
    Errors are DataErrors with ``row`` (1-based) and ``column`` set, ``file=None``.
    """
    names = [str(name).strip() for name in names]
    _check_names(names)
    indices = _target_indices(target_columns, targets, len(names))
    if len(rows) == 0:
        raise DataError("the table has no data rows")
    data = _table_to_array(rows, names)
    chosen = set(indices)
    inputs = [i for i in range(len(names)) if i not in chosen]
    return Dataset(
        X=np.ascontiguousarray(data[:, inputs]),
        Y=np.ascontiguousarray(data[:, indices]),
        input_names=tuple(names[i] for i in inputs),
        target_names=tuple(names[i] for i in indices),
        source=source,
    )


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _format_float(value: float) -> str:
    """Shortest text that reads back bit-identical; integral values without '.0'."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _quote_name(name: str) -> str:
    """Quote a header name that would otherwise be misread (delimiters, quotes, '#')."""
    if any(ch in name for ch in ',;\t"') or name.startswith("#"):
        return '"' + name.replace('"', '""') + '"'
    return name


def write_csv(
    path: str | os.PathLike,
    data: Dataset | Sequence[str],
    rows: Sequence[Sequence[object]] | np.ndarray | None = None,
    *,
    comments: Sequence[str] = (),
) -> None:
    """Write a comma-separated file atomically: ``# comments``, a header, then rows.

    Call as ``write_csv(path, dataset)`` (inputs then targets) or
    ``write_csv(path, names, rows)``. Numbers are written with ``repr`` so
    :func:`read_csv` gives back bit-identical values. Cells that are not finite
    numbers, and names that :func:`read_csv` would refuse, raise DataError
    before anything is written.
    """
    file = os.path.basename(os.fspath(path))
    atomic_write_text(path, csv_text(data, rows, comments=comments, file=file))


def csv_text(
    data: Dataset | Sequence[str],
    rows: Sequence[Sequence[object]] | np.ndarray | None = None,
    *,
    comments: Sequence[str] = (),
    file: str | None = None,
) -> str:
    """The text :func:`write_csv` writes (for stdout, say); ``file`` names it in error messages."""
    if isinstance(data, Dataset):
        if rows is not None:
            raise TypeError("pass either a Dataset or names and rows, not both")
        names = [*data.input_names, *data.target_names]
        rows = np.hstack([data.X, data.Y])
    else:
        if rows is None:
            raise TypeError("rows are required when column names are given")
        names = [str(name).strip() for name in data]
    _check_names(names, file=file)
    for number, name in enumerate(names, start=1):
        if "\n" in name or "\r" in name:
            raise DataError("a column name cannot contain a line break", file=file, column=number)
    if len(names) == 0:
        raise DataError("there are no columns to write", file=file)
    if isinstance(rows, np.ndarray):
        table = rows
    else:
        try:
            table = _table_to_array(rows, names)
        except DataError as exc:
            raise DataError(exc.detail, file=file, row=exc.row, column=exc.column) from None
    lines = [f"# {part}".rstrip() for comment in comments for part in _physical_lines(comment)]
    lines.append(",".join(_quote_name(name) for name in names))
    lines.extend(_format_rows(np.asarray(table), names, file))
    return "\n".join(lines) + "\n"


def _format_rows(table: np.ndarray, names: list[str], file: str | None) -> list[str]:
    """Format an array of numbers as CSV lines, refusing non-finite values."""
    if table.ndim != 2 or table.shape[1] != len(names):
        raise DataError(f"expected {len(names)} cells like the header in every row", file=file)
    table = table.astype(np.float64, copy=False)
    bad = np.argwhere(~np.isfinite(table))
    if len(bad):
        r, c = int(bad[0][0]), int(bad[0][1])
        if np.isnan(table[r, c]):  # an empty cell of the window's table (a CSV cannot say "nan" either)
            raise DataError("expected a number, but the cell is empty", file=file, row=r + 1, column=names[c])
        raise DataError(f"cannot write {float(table[r, c])!r}: only finite numbers can be saved",
                        file=file, row=r + 1, column=names[c])
    return [",".join(map(_format_float, row)) for row in table.tolist()]


# ---------------------------------------------------------------------------
# Class labels
# ---------------------------------------------------------------------------


def encode_classes(
    Y: np.ndarray, max_classes: int = DEFAULT_MAX_CLASSES
) -> tuple[np.ndarray, tuple[float, ...]] | None:
    """One-hot encode integer class labels for softmax + categorical cross-entropy.

    Returns ``(one_hot (n, C) float64, classes ascending)`` when ``Y`` is a single
    column of integral values with at most ``max_classes`` distinct labels (a
    guard against one-hot encoding a regression target); otherwise None.
    """
    Y = np.asarray(Y, dtype=np.float64)
    if Y.ndim == 2 and Y.shape[1] == 1:
        labels = Y[:, 0]
    elif Y.ndim == 1:
        labels = Y
    else:
        return None
    if labels.size == 0 or not np.all(np.isfinite(labels)) or np.any(labels != np.floor(labels)):
        return None
    classes, index = np.unique(labels, return_inverse=True)
    if len(classes) > max_classes:
        return None
    one_hot = np.zeros((labels.size, len(classes)), dtype=np.float64)
    one_hot[np.arange(labels.size), index.reshape(-1)] = 1.0
    return one_hot, tuple(float(c) + 0.0 for c in classes)  # + 0.0 turns -0.0 into 0.0


def decode_classes(P: np.ndarray, classes: Sequence[float]) -> np.ndarray:
    """Class label of each row's largest output: (n, C) scores -> (n,) labels (float64)."""
    P = np.atleast_2d(np.asarray(P, dtype=np.float64))
    labels = np.asarray(classes, dtype=np.float64)
    if P.ndim != 2 or P.shape[1] != labels.size:
        raise ValueError(f"expected scores with {labels.size} columns, got shape {P.shape}")
    return labels[np.argmax(P, axis=1)]
