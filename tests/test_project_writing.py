"""Project files are written in pieces (a big table never becomes one string, and the autosave thread lets
the window run), and the pieces make exactly the text the whole-string writer made."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from core.data import DataError
from core.files import atomic_write_chunks
from core.modelfile import LIST_BLOCK, Rows, dump_json, dump_json_chunks, model_from_trainer
from core.presets import get_preset
from core.trainer import Trainer
from nngui.files.project import (Project, dumps_project, load_project, project_to_dict, save_project,
                                 write_project)


def whole_string_json(value, indent: int, level: int = 0) -> str:
    """The writer as it was before it wrote in pieces (the reference for the text)."""
    if isinstance(value, dict) and value:
        pad = " " * (indent * (level + 1))
        items = [f"{pad}{json.dumps(str(k))}: {whole_string_json(v, indent, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * (indent * level) + "}"
    if isinstance(value, list) and value and any(isinstance(v, (list, dict)) for v in value):
        pad = " " * (indent * (level + 1))
        items = [pad + whole_string_json(v, indent, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * (indent * level) + "]"
    return json.dumps(value, allow_nan=False, separators=(", ", ": "))


def trained_project(rows: int | None = None, holes: bool = False) -> Project:
    p = get_preset("iris")
    t = Trainer(p.dataset(), p.config.replace(epochs=40))
    checkpoints = []
    for _ in range(2):
        t.train(20)
        checkpoints.append(t.checkpoint())
    values = np.hstack([p.dataset().X, p.dataset().Y])
    if rows is not None:
        values = np.resize(values, (rows, values.shape[1])).copy()
    if holes:  # empty cells in some blocks only
        values[3, 1] = values[min(LIST_BLOCK // 5 + 7, len(values) - 1), 0] = np.nan
    return Project([f"x{i}" for i in range(4)] + ["species"], ["input"] * 4 + ["target"], values, t.config,
                   model_from_trainer(t), {"splitter": [1, 2]}, checkpoints)


@pytest.mark.parametrize("rows,holes", [(None, False), (None, True), (0, False), (LIST_BLOCK // 2 + 3, True)])
def test_the_pieces_make_the_text_of_the_whole_string_writer(rows, holes):
    project = trained_project(rows, holes)
    text = dumps_project(project)
    assert text == whole_string_json(project_to_dict(project), 1) + "\n"
    assert text.count("null") >= (2 if holes and rows else 0)
    back = json.loads(text)["table"]["values"]
    assert len(back) == len(project.values)
    assert all(v is None if math.isnan(x) else v == x for row, ref in zip(back, project.values.tolist())
               for v, x in zip(row, ref))


@pytest.mark.parametrize("value", [[], {}, [[]], [[], [1.5]], {"a": [[1.0, None]], "b": {}}, [{"c": [1, 2]}],
                                   "text", 3.25, None])
def test_dump_json_in_pieces_is_dump_json(value):
    assert dump_json(value, 2) == "".join(dump_json_chunks(value, 2)) == whole_string_json(value, 2)


def test_a_table_as_rows_is_written_as_its_lists():
    values = np.array([[1.0, np.nan], [np.nan, -2.5], [0.1, 3e300]])
    lists = [[1.0, None], [None, -2.5], [0.1, 3e300]]
    for indent, level in ((1, 0), (2, 3)):
        assert "".join(dump_json_chunks(Rows(values), indent, level)) == whole_string_json(lists, indent, level)
    assert "".join(dump_json_chunks(Rows(np.empty((0, 2))), 1)) == "[]"


def test_a_written_project_reads_back(tmp_path):
    project = trained_project(LIST_BLOCK // 3, holes=True)
    path = tmp_path / "p.nngui.json"
    write_project(path, project)
    back = load_project(path)
    assert np.array_equal(back.values, project.values, equal_nan=True)
    assert back.names == project.names and back.config == project.config
    assert [c.epoch for c in back.checkpoints] == [c.epoch for c in project.checkpoints]


def test_a_table_that_cannot_be_saved_touches_no_file(tmp_path):
    path = tmp_path / "p.nngui.json"
    path.write_text("the previous file")
    project = trained_project()
    project.values[5, 2] = np.inf
    with pytest.raises(DataError) as err:
        save_project(path, project)
    assert err.value.row == 6 and err.value.column == "x2" and "p.nngui.json" in str(err.value)
    assert path.read_text() == "the previous file" and sorted(p.name for p in tmp_path.iterdir()) == ["p.nngui.json"]


def test_a_failure_between_pieces_keeps_the_previous_file(tmp_path):
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")

    def pieces():
        yield b"new, "
        yield b"half"
        raise ValueError("the table changed")

    with pytest.raises(ValueError):
        atomic_write_chunks(path, pieces())
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    atomic_write_chunks(path, (b"a", b"", b"bc"))
    assert path.read_bytes() == b"abc"
