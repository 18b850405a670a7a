"""Tests for core.data (CSV parsing, tables, writing, class encoding) and the presets."""

from __future__ import annotations

import errno
import math
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import data as data_mod
from core.data import (
    DataError,
    Dataset,
    atomic_write_text,
    dataset_from_rows,
    decode_classes,
    encode_classes,
    parse_csv,
    read_csv,
    write_csv,
)
from core.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
PRESETS = ROOT / "resources" / "presets"


def error_of(text: str, targets: int = 1, source: str = "t.csv") -> DataError:
    with pytest.raises(DataError) as info:
        parse_csv(text, targets=targets, source=source)
    return info.value


# ---------------------------------------------------------------------------
# DataError
# ---------------------------------------------------------------------------


def test_error_message_names_file_line_and_column():
    e = DataError("expected a number, got 'abc'", file="iris.csv", line=7, column="petal_width")
    assert str(e) == "iris.csv, line 7, column 'petal_width': expected a number, got 'abc'"
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column, e.row) == ("iris.csv", 7, "petal_width", None)


def test_error_message_omits_missing_parts():
    assert str(DataError("bad")) == "bad"
    assert str(DataError("bad", column=3)) == "column 3: bad"
    assert str(DataError("bad", row=3, column="x")) == "row 3, column 'x': bad"
    assert str(DataError("bad", file="f.csv")) == "f.csv: bad"


def test_error_survives_pickling():
    e = pickle.loads(pickle.dumps(DataError("bad", file="f.csv", line=2, column="x")))
    assert (e.detail, e.file, e.line, e.column) == ("bad", "f.csv", 2, "x")
    assert str(e) == "f.csv, line 2, column 'x': bad"


# ---------------------------------------------------------------------------
# Parsing: what is accepted
# ---------------------------------------------------------------------------


def test_parse_basic_values_names_and_shapes():
    ds = parse_csv("a,b,c\n1,2,3\n4.5,-6,1e-3\n", source="s.csv")
    assert ds.input_names == ("a", "b") and ds.target_names == ("c",)
    assert ds.source == "s.csv"
    assert ds.X.dtype == np.float64 and ds.X.flags.c_contiguous and ds.Y.flags.c_contiguous
    np.testing.assert_array_equal(ds.X, [[1.0, 2.0], [4.5, -6.0]])
    np.testing.assert_array_equal(ds.Y, [[3.0], [0.001]])
    assert (ds.n_samples, ds.n_inputs, ds.n_targets) == (2, 2, 1)


def test_parse_several_targets():
    ds = parse_csv("a,b,c,d\n1,2,3,4\n", targets=2)
    assert ds.input_names == ("a", "b") and ds.target_names == ("c", "d")
    np.testing.assert_array_equal(ds.Y, [[3.0, 4.0]])


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffx,y\r\n1,2\r\n3,4\r\n",  # BOM + CRLF
        "x,y\r1,2\r3,4",  # old Mac CR, no final newline
        "x;y\n1;2\n3;4\n",
        "x\ty\n1\t2\n3\t4\n",
        " x , y \n 1 , 2 \n3,  4  \n",  # whitespace around cells and names
        '"x","y"\n"1","2"\n3, "4"\n',  # quoted fields
        "# comment\n\n   # indented comment\nx,y\n\n1,2\n# between\n3,4\n\n\n",
    ],
)
def test_accepted_formats_give_exact_values(text):
    ds = parse_csv(text)
    assert ds.input_names == ("x",) and ds.target_names == ("y",)
    np.testing.assert_array_equal(ds.X, [[1.0], [3.0]])
    np.testing.assert_array_equal(ds.Y, [[2.0], [4.0]])


def test_delimiter_preference_tab_then_semicolon_then_comma():
    ds = parse_csv("a,1\tb;2\tc\n1\t2\t3\n")  # tab wins over ; and ,
    assert ds.input_names == ("a,1", "b;2")
    ds = parse_csv("a,1;b;c\n1;2;3\n")  # ; wins over ,
    assert ds.input_names == ("a,1", "b")


def test_quoted_header_name_may_contain_the_delimiter():
    ds = parse_csv('"x; mm",y\n1,2\n')
    assert ds.input_names == ("x; mm",)


def test_number_syntax_and_exact_values():
    ds = parse_csv("a,b,c,d,e,f\n1e-3, 2 ,+7,.5,-0.0,0.1\n")
    row = np.concatenate([ds.X[0], ds.Y[0]])
    assert row.tolist() == [0.001, 2.0, 7.0, 0.5, 0.0, 0.1]
    assert math.copysign(1.0, row[4]) == -1.0
    assert row[5] == float("0.1")  # correctly rounded, bit for bit


def test_single_data_row_is_valid():
    ds = parse_csv("x,y\n1,2")
    assert ds.n_samples == 1


# ---------------------------------------------------------------------------
# Parsing: every error names where and what
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# only a comment\n", "\ufeff"])
def test_empty_file(text):
    e = error_of(text)
    assert e.file == "t.csv" and e.line is None
    assert "empty" in str(e)


def test_header_only():
    e = error_of("# c\nx,y\n\n")
    assert e.line == 2 and e.column is None
    assert str(e) == "t.csv, line 2: the header is not followed by any data rows"


def test_row_with_too_few_cells():
    e = error_of("a,b,c,d\n1,2,3,4\n\n1,2,3\n")
    assert e.line == 4 and e.column == "d"
    assert "expected 4 cells like the header, found 3" in str(e)
    assert str(e).startswith("t.csv, line 4, column 'd': ")


def test_row_with_too_many_cells():
    e = error_of("a,b\n1,2,3\n")
    assert e.line == 2 and e.column == 3
    assert "expected 2 cells like the header, found 3" in str(e)


def test_non_numeric_cell():
    e = error_of("# c\nx,petal_width\n1,2\n3,abc\n")
    assert (e.file, e.line, e.column) == ("t.csv", 4, "petal_width")
    assert str(e) == "t.csv, line 4, column 'petal_width': expected a number, got 'abc'"


def test_empty_cell():
    e = error_of("x,y\n1,\n")
    assert (e.line, e.column) == (2, "y")
    assert "the cell is empty" in str(e)


def test_decimal_comma_gets_a_hint():
    e = error_of("x;y\n1,5;2\n")
    assert (e.line, e.column) == (2, "x")
    assert "decimal separator" in str(e)


@pytest.mark.parametrize("cell", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_nan_and_inf_are_refused(cell):
    e = error_of(f"x,y\n1,2\n3,{cell}\n")
    assert (e.line, e.column) == (3, "y")
    assert f"expected a finite number, got '{cell}'" in str(e)


def test_overflow_is_refused():
    e = error_of("x,y\n1e400,2\n")
    assert (e.line, e.column) == (2, "x")
    assert "'1e400' is too large" in str(e)


def test_first_error_in_file_order_wins():
    # the nan (line 2) comes before the short row (line 3)
    e = error_of("x,y\nnan,1\n1\n")
    assert (e.line, e.column) == (2, "x")
    e = error_of("x,y\n1\nnan,1\n")
    assert e.line == 2 and "found 1" in str(e)


def test_duplicate_column_names():
    e = error_of("x,y,x,t\n1,2,3,4\n")
    assert (e.line, e.column) == (1, "x")
    assert "column name 'x' appears twice (columns 1 and 3)" in str(e)


def test_empty_column_name():
    e = error_of("\n\na,,c\n1,2,3\n")
    assert (e.line, e.column) == (3, 2)
    assert str(e).startswith("t.csv, line 3, column 2: ")
    assert "no name" in str(e)


@pytest.mark.parametrize("targets", [2, 3])
def test_too_many_targets(targets):
    e = error_of("a,b\n1,2\n", targets=targets)
    assert e.line == 1
    assert "needs at least one input column" in str(e)


def test_single_column_file():
    e = error_of("x\n1\n2\n")
    assert "needs at least one input column" in str(e)


def test_zero_targets_reads_inputs_only():
    d = parse_csv("a,b\n1,2\n3,4\n", targets=0)
    assert d.X.tolist() == [[1, 2], [3, 4]] and d.Y.shape == (2, 0) and d.target_names == ()
    d = parse_csv("a\n1\n", targets=0)
    assert d.X.shape == (1, 1)
    assert "cannot be negative" in str(error_of("a,b\n1,2\n", targets=-1))


def test_nul_bytes():
    e = error_of("x,y\n1,2\n3,\x004\n")
    assert e.line == 3
    assert "is not a text CSV file (it contains NUL bytes)" in str(e)


def test_unclosed_quote():
    e = error_of('x,y\n1,"2\n')
    assert e.line == 2 and "quotation mark" in str(e)


# ---------------------------------------------------------------------------
# read_csv: files
# ---------------------------------------------------------------------------


def test_read_csv_names_source_by_base_name(tmp_path):
    path = tmp_path / "iris.csv"
    path.write_bytes(b"\xef\xbb\xbfa;b\r\n1;2\r\n")
    ds = read_csv(path)
    assert ds.source == "iris.csv"
    assert ds.X.tolist() == [[1.0]] and ds.Y.tolist() == [[2.0]]
    path.write_text("a,b\n1,2\n3,x\n")
    with pytest.raises(DataError) as info:
        read_csv(str(path))
    assert info.value.file == "iris.csv"
    assert str(info.value).startswith("iris.csv, line 3, column 'b': ")


def test_read_csv_missing_file(tmp_path):
    with pytest.raises(DataError) as info:
        read_csv(tmp_path / "nope.csv")
    assert info.value.file == "nope.csv"
    # The system's own words, in its language (Qt sets the C library's locale: Chinese on a Chinese system).
    assert "cannot be read" in str(info.value) and f"({os.strerror(errno.ENOENT)})" in str(info.value)


def test_read_csv_directory(tmp_path):
    with pytest.raises(DataError) as info:
        read_csv(tmp_path)
    assert info.value.file == tmp_path.name


def test_read_csv_undecodable_bytes(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,y\n1,2\r\n3,caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DataError) as info:
        read_csv(path)
    e = info.value
    assert e.line == 3 and e.file == "latin1.csv"
    assert "is not a text CSV file (byte 0xe9" in str(e)


def test_read_csv_binary_file(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DataError) as info:
        read_csv(path)
    assert "is not a text CSV file" in str(info.value)


def test_read_csv_utf16_is_explained(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("x,y\n1,2\n".encode("utf-16"))
    with pytest.raises(DataError) as info:
        read_csv(path)
    assert "UTF-16" in str(info.value)


def test_read_csv_size_limit(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as handle:
        handle.truncate(250_000_000)  # sparse: instant, and never read
    with pytest.raises(DataError) as info:
        read_csv(path)
    assert str(info.value) == "big.csv: the file is 250 MB; the limit is 200 MB"
    small = tmp_path / "small.csv"
    small.write_text("x,y\n" + "1,2\n" * 1000)
    with pytest.raises(DataError) as info:
        read_csv(small, max_bytes=1000)
    assert "the file is 4 kB; the limit is 1 kB" in str(info.value)


def test_parse_100k_by_20():  # (its speed: benchmarks, not tests)
    rng = np.random.default_rng(1)
    values = np.round(rng.normal(size=(100_000, 20)), 6)
    text = ",".join(f"c{i}" for i in range(20)) + "\n"
    text += "\n".join(",".join(map(repr, row)) for row in values.tolist())
    ds = parse_csv(text)
    np.testing.assert_array_equal(np.hstack([ds.X, ds.Y]), values)


# ---------------------------------------------------------------------------
# In-memory tables
# ---------------------------------------------------------------------------


def test_dataset_from_rows_defaults_to_last_columns():
    ds = dataset_from_rows([[1, "2", 3.5], [" 4 ", 5, np.float64(6)]], ["a", "b", "c"])
    assert ds.source == "table"
    assert ds.X.tolist() == [[1.0, 2.0], [4.0, 5.0]] and ds.Y.tolist() == [[3.5], [6.0]]


def test_dataset_from_rows_target_columns_anywhere():
    rows = [[1, 2, 3, 4], [5, 6, 7, 8]]
    ds = dataset_from_rows(rows, ["a", "b", "c", "d"], target_columns=[2, 0])
    assert ds.input_names == ("b", "d") and ds.target_names == ("c", "a")
    assert ds.X.tolist() == [[2.0, 4.0], [6.0, 8.0]]
    assert ds.Y.tolist() == [[3.0, 1.0], [7.0, 5.0]]
    assert ds.X.flags.c_contiguous and ds.Y.flags.c_contiguous


def test_dataset_from_rows_bad_cell_names_row_and_column():
    with pytest.raises(DataError) as info:
        dataset_from_rows([[1, 2], [3, "x"]], ["a", "b"])
    e = info.value
    assert (e.file, e.line, e.row, e.column) == (None, None, 2, "b")
    assert str(e) == "row 2, column 'b': expected a number, got 'x'"


@pytest.mark.parametrize(
    ("cell", "words"),
    [(None, "empty"), ("", "empty"), (float("nan"), "finite"), ("inf", "finite"),
     (10**400, "too large"), ("1e400", "too large"), ([1], "expected a number")],
)
def test_dataset_from_rows_refuses_bad_cells(cell, words):
    with pytest.raises(DataError) as info:
        dataset_from_rows([[1, 2], [3, cell]], ["a", "b"])
    assert (info.value.row, info.value.column) == (2, "b")
    assert words in str(info.value)


def test_dataset_from_rows_structural_errors():
    with pytest.raises(DataError, match="no data rows"):
        dataset_from_rows([], ["a", "b"])
    with pytest.raises(DataError, match="appears twice"):
        dataset_from_rows([[1, 2]], ["a", "a"])
    with pytest.raises(DataError, match="at least one input column"):
        dataset_from_rows([[1, 2]], ["a", "b"], target_columns=[0, 1])
    with pytest.raises(DataError, match="at least one target column"):
        dataset_from_rows([[1, 2]], ["a", "b"], target_columns=[])
    with pytest.raises(DataError, match="outside"):
        dataset_from_rows([[1, 2]], ["a", "b"], target_columns=[2])
    with pytest.raises(DataError) as info:
        dataset_from_rows([[1, 2], [1]], ["a", "b"])
    assert (info.value.row, info.value.column) == (2, "b")
    assert "expected 2 cells like the header, found 1" in str(info.value)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


TRICKY = [0.1, 1 / 3, 1e-300, -0.0, 5e-324, 1.7976931348623157e308, 123456789012345.0,
          2.0**53 + 2, -2.5, 1e16, 0.0]


def test_write_then_read_is_bit_identical(tmp_path):
    values = np.array(TRICKY).reshape(-1, 1)
    ds = Dataset(X=np.hstack([values, values[::-1]]), Y=-values,
                 input_names=("a", "b"), target_names=("c",))
    path = tmp_path / "out.csv"
    write_csv(path, ds, comments=["made by a test", "two\nlines"])
    back = read_csv(path)
    assert back.input_names == ("a", "b") and back.target_names == ("c",)
    for got, want in ((back.X, ds.X), (back.Y, ds.Y)):
        assert got.tobytes() == want.tobytes()  # bit-identical, -0.0 included
    assert path.read_text().startswith("# made by a test\n# two\n# lines\na,b,c\n")


def test_write_names_and_rows(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, ["#id", "x;y", 'q"uote', "z"], [[1, "2.5", 3.0, 1 / 3]])
    text = path.read_text()
    assert text.splitlines()[0] == '"#id","x;y","q""uote",z'
    assert text.splitlines()[1] == f"1,2.5,3,{1 / 3!r}"
    back = read_csv(path)
    assert back.input_names == ("#id", "x;y", 'q"uote')
    assert back.Y[0, 0] == 1 / 3


def test_write_refuses_what_cannot_be_read_back(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n")
    with pytest.raises(DataError) as info:
        write_csv(path, ["a", "b"], np.array([[1.0, 2.0], [np.nan, 1.0]]))
    assert (info.value.row, info.value.column, info.value.file) == (2, "a", "t.csv")
    assert "expected a number, but the cell is empty" in str(info.value)  # how the window shows nan
    with pytest.raises(DataError) as info:
        write_csv(path, ["a", "b"], np.array([[1.0, 2.0], [3.0, -np.inf]]))
    assert (info.value.row, info.value.column) == (2, "b") and "cannot write -inf" in str(info.value)
    assert path.read_text() == "old\n"  # refused before anything was written
    with pytest.raises(DataError):
        write_csv(path, ["a", "a"], [[1, 2]])
    with pytest.raises(DataError):
        write_csv(path, ["a", "b\nc"], [[1, 2]])
    with pytest.raises(DataError) as info:
        write_csv(path, ["a", "b"], [[1, 2], [3, "x"]])
    assert (info.value.row, info.value.column) == (2, "b")
    assert path.read_text() == "old\n"


# ---------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------


def test_atomic_write_creates_and_replaces(tmp_path):
    path = tmp_path / "f.txt"
    atomic_write_text(path, "one\r\n")
    assert path.read_bytes() == b"one\r\n"
    os.chmod(path, 0o640)
    atomic_write_text(str(path), "two \u00e9")
    assert path.read_text(encoding="utf-8") == "two \u00e9"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "f.txt"
    path.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_mod.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_atomic_write_failure_during_write_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "f.txt"
    path.write_text("old")

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(data_mod.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_atomic_write_encoding_error_touches_nothing(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "caf\u00e9", encoding="ascii")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_atomic_write_into_missing_directory_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "no" / "f.txt", "x")


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------


def test_encode_classes_one_hot_sorted():
    Y = np.array([[2.0], [0.0], [-1.0], [2.0], [-0.0]])
    one_hot, classes = encode_classes(Y)
    assert classes == (-1.0, 0.0, 2.0)
    assert math.copysign(1.0, classes[1]) == 1.0
    np.testing.assert_array_equal(
        one_hot, [[0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]])
    assert one_hot.dtype == np.float64


@pytest.mark.parametrize(
    "Y",
    [np.array([[0.5], [1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]), np.zeros((0, 1)),
     np.array([[np.inf], [1.0]]), np.arange(300.0).reshape(-1, 1)],
)
def test_encode_classes_none_when_not_labels(Y):
    assert encode_classes(Y) is None


def test_decode_classes_round_trip():
    Y = np.array([[3.0], [1.0], [7.0], [1.0]])
    one_hot, classes = encode_classes(Y)
    np.testing.assert_array_equal(decode_classes(one_hot, classes), Y[:, 0])
    P = np.array([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]])
    np.testing.assert_array_equal(decode_classes(P, classes), [3.0, 1.0])
    with pytest.raises(ValueError):
        decode_classes(P, (1.0, 2.0))


# ---------------------------------------------------------------------------
# Property tests: nothing but DataError, and consistent shapes on success
# ---------------------------------------------------------------------------

CSV_ALPHABET = st.sampled_from(list("0123456789.,;\t-+eE \n\r#\"xnaif") + ["\x00", "\ufeff", "\u00e9"])


def _check_result(text: str, targets: int) -> None:
    try:
        ds = parse_csv(text, targets=targets)
    except DataError as e:
        assert str(e)
        return
    assert ds.X.shape == (ds.n_samples, len(ds.input_names))
    assert ds.Y.shape == (ds.n_samples, len(ds.target_names)) and ds.n_targets == targets
    assert ds.n_samples >= 1 and ds.n_inputs >= 1
    assert ds.X.dtype == ds.Y.dtype == np.float64
    assert np.isfinite(ds.X).all() and np.isfinite(ds.Y).all()


NUMBER_CELLS = st.one_of(st.floats(allow_nan=False, allow_infinity=False).map(repr),
                         st.integers(-10**6, 10**6).map(str))
JUNK_CELLS = st.sampled_from(["", " ", "nan", "inf", "-inf", "1e400", "1,5", "abc", '"3"', '"',
                              "#", " 2 ", "1e-3", "\x00", "\ufeff"])
TARGETS = st.sampled_from([1, 1, 1, 1, 1, 2, 2, 0, -1, 3, 4])


@st.composite
def csv_like_text(draw) -> str:
    """Mostly well-formed tables with occasional junk: both outcomes get exercised."""
    n_columns = draw(st.sampled_from([1, 2, 2, 3, 3, 4]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    if draw(st.integers(0, 3)):
        names = ["a", "b", "c", "d"][:n_columns]
    else:
        names = draw(st.lists(st.sampled_from(["a", "b", "", " e ", '"f"', "#g"]),
                              min_size=n_columns, max_size=n_columns))
    lines = [delimiter.join(names)]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["row"] * 8 + ["comment", "blank", "ragged"]))
        if kind == "comment":
            lines.append("# " + draw(st.text(CSV_ALPHABET, max_size=10)))
        elif kind == "blank":
            lines.append("")
        else:
            width = n_columns if kind == "row" else draw(st.integers(1, 5))
            cells = [draw(JUNK_CELLS) if draw(st.integers(0, 19)) == 0 else draw(NUMBER_CELLS)
                     for _ in range(width)]
            lines.append(delimiter.join(cells))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(CSV_ALPHABET, max_size=80), csv_like_text()), TARGETS)
def test_random_csv_like_text_only_raises_data_error(text, targets):
    _check_result(text, targets)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=120), st.sampled_from(["utf-8", "latin-1"]), st.integers(1, 3))
def test_random_bytes_only_raise_data_error(raw, encoding, targets):
    _check_result(raw.decode(encoding, errors="surrogateescape"), targets)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=3, max_size=3),
             min_size=1, max_size=6),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_random_tables_parse_exactly(rows, delimiter, newline):
    text = newline.join([delimiter.join(["a", "b", "c"])]
                        + [delimiter.join(map(repr, row)) for row in rows])
    ds = parse_csv(text)
    expected = np.array(rows, dtype=np.float64)
    assert np.hstack([ds.X, ds.Y]).tobytes() == expected.tobytes()


def test_random_bytes_files_only_raise_data_error(tmp_path):
    rng = np.random.default_rng(7)
    path = tmp_path / "r.csv"
    for _ in range(50):
        path.write_bytes(rng.integers(0, 256, size=int(rng.integers(0, 200))).astype(np.uint8).tobytes())
        with pytest.raises(DataError):
            read_csv(path)


# ---------------------------------------------------------------------------
# Presets and resources
# ---------------------------------------------------------------------------


EXPECTED_PRESETS = {"loy-xor", "xor", "and", "or", "circle", "spiral", "moons", "iris"}


def test_resource_path_finds_presets():
    assert resource_path("presets", "iris.csv").is_file()


@pytest.mark.parametrize("name", sorted(EXPECTED_PRESETS))
def test_every_preset_parses(name):
    ds = read_csv(PRESETS / f"{name}.csv")
    assert ds.n_samples >= 4 and ds.n_targets == 1
    assert encode_classes(ds.Y) is not None  # all presets are labelled classes


def test_presets_folder_holds_exactly_the_expected_files():
    assert {p.stem for p in PRESETS.glob("*.csv")} == EXPECTED_PRESETS


def test_logic_presets_exact():
    loy = read_csv(PRESETS / "loy-xor.csv")
    assert loy.input_names == ("x1", "x2", "x3") and loy.target_names == ("y",)
    assert np.hstack([loy.X, loy.Y]).tolist() == [[0, 0, 1, 0], [0, 1, 1, 1], [1, 0, 1, 1],
                                                 [1, 1, 1, 0]]
    for name, op in (("xor", np.bitwise_xor), ("and", np.bitwise_and), ("or", np.bitwise_or)):
        ds = read_csv(PRESETS / f"{name}.csv")
        assert ds.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
        bits = ds.X.astype(int)
        assert ds.Y[:, 0].tolist() == op(bits[:, 0], bits[:, 1]).tolist()


def test_iris_preset():
    ds = read_csv(PRESETS / "iris.csv")
    assert ds.input_names == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert ds.target_names == ("species",)
    assert (ds.n_samples, ds.n_inputs) == (150, 4)
    one_hot, classes = encode_classes(ds.Y)
    assert classes == (0.0, 1.0, 2.0)
    assert one_hot.sum(axis=0).tolist() == [50, 50, 50]
    assert ds.X[0].tolist() == [5.1, 3.5, 1.4, 0.2]  # the first flower of Fisher's table
    assert ds.X.sum(axis=0).round(1).tolist() == [876.5, 458.6, 563.7, 179.9]
    assert (PRESETS / "iris.csv").read_text().startswith("# Fisher's iris data (UCI)")


def test_generated_presets_shapes():
    spiral = read_csv(PRESETS / "spiral.csv")
    assert spiral.n_samples == 300 and spiral.input_names == ("x", "y")
    assert spiral.target_names == ("class",)
    assert encode_classes(spiral.Y)[0].sum(axis=0).tolist() == [100, 100, 100]
    circle = read_csv(PRESETS / "circle.csv")
    assert circle.target_names == ("inside",) and 150 <= circle.n_samples <= 250
    inside = (circle.X ** 2).sum(axis=1) < 0.25
    assert circle.Y[:, 0].tolist() == inside.astype(float).tolist()
    assert np.abs(circle.X).max() <= 1.0
    moons = read_csv(PRESETS / "moons.csv")
    assert moons.target_names == ("label",) and 150 <= moons.n_samples <= 250
    assert set(moons.Y[:, 0].tolist()) == {0.0, 1.0}


def test_core_modules_never_import_qt():
    code = ("import sys, core.data, core.resources; core.resources.resource_path('presets');"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'nngui.app'))];"
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
