"""Big CSV texts are parsed in blocks of rows and pieces of text (core.data): the same result and the same
errors as one line at a time."""

from __future__ import annotations

import numpy as np
import pytest

from core import data as data_mod
from core.data import DataError, parse_csv, read_csv


def one_at_a_time(text: str):
    """The reference: the block and piece sizes so large that everything is one block."""
    old = data_mod._BLOCK, data_mod._PIECE
    data_mod._BLOCK, data_mod._PIECE = 1 << 30, 1 << 40
    try:
        return parse_csv(text, source="t.csv")
    finally:
        data_mod._BLOCK, data_mod._PIECE = old


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(data_mod, "_BLOCK", 8)
    monkeypatch.setattr(data_mod, "_PIECE", 64)


def table_text(rows: int = 100, seed: int = 0) -> tuple[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(rows, 3)).round(6)
    endings = ["\n", "\r\n", "\r"]
    lines = ["# a comment", "a,b,y"]
    for i, row in enumerate(values):
        lines.append(",".join(repr(float(v)) for v in row))
        if i % 17 == 3:
            lines.append("")  # blank lines and comments inside the data are skipped
        if i % 23 == 5:
            lines.append("  # note")
    text = "".join(line + endings[i % 3] for i, line in enumerate(lines))
    return text, values


def test_blocks_and_pieces_give_the_same_table(small_blocks):
    text, values = table_text()
    ds = parse_csv(text, source="t.csv")
    np.testing.assert_array_equal(np.hstack([ds.X, ds.Y]), values)
    ref = one_at_a_time(text)
    np.testing.assert_array_equal(ds.X, ref.X)
    np.testing.assert_array_equal(ds.Y, ref.Y)
    assert data_mod._physical_lines(text) == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def test_quoted_cells_and_spaces_inside_a_block(small_blocks):
    text, values = table_text(40)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = lines.index(",".join(repr(float(v)) for v in values[20]))
    lines[i] = ",".join(f'" {v!r}"' if k == 1 else f" {v!r} " for k, v in enumerate(values[20].tolist()))
    ds = parse_csv("\n".join(lines), source="t.csv")
    np.testing.assert_array_equal(np.hstack([ds.X, ds.Y]), values)


@pytest.mark.parametrize("bad, expected", [
    ("1,2", "line {line}, column 'y': expected 3 cells like the header, found 2"),
    ("1,2,3,4", "line {line}, column 4: expected 3 cells like the header, found 4"),
    ("1,oops,3", "line {line}, column 'b': expected a number, got 'oops'"),
    ("1,2,inf", "line {line}, column 'y': expected a finite number, got 'inf'"),
])
def test_an_error_in_a_late_block_names_its_line(small_blocks, bad, expected):
    text, _ = table_text(60)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines.insert(50, bad)
    joined = "\n".join(lines)
    with pytest.raises(DataError) as small:
        parse_csv(joined, source="t.csv")
    with pytest.raises(DataError) as whole:
        one_at_a_time(joined)
    assert str(small.value) == str(whole.value)
    assert expected.format(line=51) in str(small.value)


def test_an_earlier_nan_wins_over_a_later_structural_error(small_blocks):
    text, _ = table_text(60)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines[10] = "1,nan,2"
    lines.insert(50, "1,2")
    with pytest.raises(DataError) as err:
        parse_csv("\n".join(lines), source="t.csv")
    assert "line 11, column 'b': expected a finite number, got 'nan'" in str(err.value)


def test_progress_is_called_every_8192_rows_and_may_cancel(monkeypatch):
    text = "a,y\n" + "1,2\n" * 20000
    calls = []
    parse_csv(text, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 20000), (8192, 20000), (16384, 20000)]

    class Stop(Exception):
        pass

    def cancel(done, total):
        if done:
            raise Stop

    with pytest.raises(Stop):
        parse_csv(text, progress=cancel)


def test_a_bad_byte_in_a_big_file_is_located_by_line(tmp_path, monkeypatch):
    monkeypatch.setattr(data_mod, "_PIECE", 64)
    path = tmp_path / "bad.csv"
    body = "a,y\n" + "1,2\n" * 100
    path.write_bytes(body.encode() + b"3,\xff\n")
    with pytest.raises(DataError) as err:
        read_csv(path)
    assert "bad.csv, line 102" in str(err.value) and "0xff" in str(err.value)
    good = tmp_path / "good.csv"  # characters of two and three bytes across the pieces
    good.write_text("x,y\n" + ("1.5,2\n" * 50 + "# caf\u00e9 \u4e2d\u6587\n") * 3, encoding="utf-8")
    assert read_csv(good).n_samples == 150
