"""Text typed or pasted into the data table, made into numbers: one cell, or a block from a spreadsheet.

Every problem is a :class:`CellError` whose message quotes the text and says what is
wrong ("'1,5' is not a number (use a dot as the decimal separator)"); the table adds
the row and the column.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable

import numpy as np

from nngui.views.table_messages import cell_not_a_number, cell_not_finite

SHOW_MAX = 40  # longest user text quoted in a message
NAN = float("nan")


def quoted(text: str) -> str:
    """Quote user text for a message, shortened."""
    if len(text) > SHOW_MAX:
        text = text[: SHOW_MAX - 3] + "..."
    return repr(text)


class CellError(ValueError):
    """A cell text that is not a usable number; ``reason`` completes "'abc' is ..."."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{shown} is {reason}")
        self.shown, self.reason = shown, reason


def not_a_number(text: str) -> CellError:
    try:
        float(text.replace(",", "."))
    except ValueError:
        comma = False
    else:
        comma = "," in text
    return CellError(quoted(text), cell_not_a_number(comma))


def parse_cell(value: object) -> float:
    """A cell value as float: NaN for empty ('' / None); CellError for non-numbers, nan, inf."""
    if value is None:
        return NAN
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return NAN
        try:
            number = float(text)
        except ValueError:
            raise not_a_number(text) from None
        shown = quoted(text)
    else:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            raise not_a_number(str(value)) from None
        shown = quoted(str(value))
    if not math.isfinite(number):
        raise CellError(shown, cell_not_finite())
    return number


def free_name(used: Iterable[str], col: int) -> str:
    """'x<col+1>', or the next free 'x<N>' when that name is taken."""
    taken = set(used)
    n = col + 1
    while f"x{n}" in taken:
        n += 1
    return f"x{n}"


class PasteRefused(ValueError):
    pass


def split_lines(text: str) -> list[str]:
    """Lines of a clipboard block: CRLF/CR/LF, trailing empty lines dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def detect_delimiter(text: str) -> str | None:
    """Tab, then ';', then ','; None means cells are separated by white space."""
    for delimiter in ("\t", ";", ","):
        if delimiter in text:
            return delimiter
    return None


def split_cells(line: str, delimiter: str | None) -> list[str]:
    if delimiter is None:
        return line.split()
    if '"' in line:
        try:
            return [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        except (csv.Error, StopIteration):
            pass
    return [c.strip() for c in line.split(delimiter)]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def looks_like_header(cells: list[str]) -> bool:
    """A line of names: some text, and no cell that reads as a number."""
    return any(cells) and not any(is_number(c) for c in cells if c)


def parse_block(rows: list[list[str]], width: int) -> np.ndarray:
    """Rows of cell texts -> (h, width) float64; short rows and '' are empty (NaN).

    The vectorised conversion is tried first (10k-row pastes stay fast); on any
    failure the slow path walks the cells to find and name the first bad one.
    Raises CellError carrying ``.at = (i, j)``.
    """
    if rows and all(len(r) == width for r in rows):
        try:
            block = np.array(rows, dtype=str).astype(np.float64)
        except ValueError:
            pass
        else:
            if np.isfinite(block).all():
                return block.reshape(len(rows), width)
    block = np.full((len(rows), width), NAN)
    for i, cells in enumerate(rows):
        for j, cell in enumerate(cells):
            try:
                block[i, j] = parse_cell(cell)
            except CellError as exc:
                exc.at = (i, j)  # type: ignore[attr-defined]
                raise
    return block
