"""Lesson files: the shipped lessons load, what their texts claim is what training gives, and a bad file
is refused with the place of the problem named."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.config import TrainConfig
from core.lessons import (LESSON_FORMAT, LessonError, dumps_lesson, load_lesson, loads_lesson, save_lesson,
                          step_configs, step_dataset)
from core.resources import resource_path
from core.trainer import Trainer

LESSONS = sorted(resource_path("lessons").glob("*.nngui-lesson.json"))


def test_three_lessons_are_shipped_and_load():
    assert len(LESSONS) >= 3
    titles = {load_lesson(p).title for p in LESSONS}
    assert {"From James Loy's table to a neuron", "Why hidden layers: the circle",
            "Overfitting and how to see it"} <= titles


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_step_builds_its_data_and_settings(path):
    lesson = load_lesson(path)
    assert lesson.steps[0].data is not None  # the first step says what to load
    data = None
    for step, config in zip(lesson.steps, step_configs(lesson, TrainConfig())):
        if step.data is not None:
            data = step_dataset(step.data)[0]
        assert data is not None and config.check() is not None
        assert config.epochs == (step.settings.get("epochs") or step.train or config.epochs)
        if step.question is not None:
            assert step.question.answer is None or 0 <= step.question.answer < len(step.question.choices)


def replay(path) -> list[tuple[object, Trainer | None]]:
    """Walk a lesson as the window does: each step's data and settings, trained for its ``train`` epochs."""
    lesson = load_lesson(path)
    data, out = None, []
    for step, config in zip(lesson.steps, step_configs(lesson, TrainConfig())):
        if step.data is not None:
            data = step_dataset(step.data)[0]
        t = None
        if step.train:
            t = Trainer(data, config)
            t.final = t.train(step.train)
        out.append((step, t))
    return out


def test_loys_lesson_says_what_training_gives():
    steps = replay(resource_path("lessons", "loy-to-neuron.nngui-lesson.json"))
    one, loy = steps[1][1], steps[2][1]
    assert one.network.arch.sizes == (3, 1) and one.final.loss == pytest.approx(1.0, abs=1e-3)
    assert loy.network.arch.sizes == (3, 4, 1) and 0.001 < loy.final.loss < 0.01
    shown = [float(f"{v:.3f}") for v in loy.predict(loy.dataset.X).ravel()]
    assert shown == [0.017, 0.975, 0.985, 0.023]  # the numbers in the reveal text


def test_the_circle_lesson_says_what_training_gives():
    steps = replay(resource_path("lessons", "hidden-layers-circle.nngui-lesson.json"))
    line, squares, hidden = (t for _s, t in steps[:3])
    assert line.training_accuracy() < 0.7 and line.validation_accuracy() < 0.7  # "about half wrong"
    assert squares.network.arch.sizes == (4, 1)  # x1, x2, x1², x2² into one unit
    assert squares.training_accuracy() == 1.0 and squares.validation_accuracy() == 1.0  # "100 %"
    w_squares = squares.weights()[0][0][2:4, 0]  # "nearly equal and negative"
    assert (w_squares < 0).all() and 0.8 < w_squares[0] / w_squares[1] < 1.25
    assert hidden.network.arch.sizes == (2, 4, 1) and hidden.training_accuracy() > 0.95  # "about 98 %"


def _lesson(**changes) -> dict:
    d = {"format": LESSON_FORMAT, "version": 1, "title": "T",
         "steps": [{"title": "One", "data": {"preset": "xor"}, "settings": {"learning_rate": 0.5}}]}
    d.update(changes)
    return d


@pytest.mark.parametrize("change, where", [
    ({"format": "other"}, "not a lesson file"),
    ({"version": 9}, "version 9 is newer"),
    ({"steps": []}, "steps: expected a list of at least one step"),
    ({"steps": [{"title": "A", "settings": {"learning_rate": -1}}]}, "steps[0].settings.learning_rate"),
    ({"steps": [{"title": "A", "settings": {"speed": 3}}]}, "steps[0].settings.speed: unknown setting"),
    ({"steps": [{"title": "A", "data": {"preset": "nope"}}]}, "steps[0].data.preset: unknown preset 'nope'"),
    ({"steps": [{"title": "A", "data": {"generate": {"name": "circle", "noise": 0.9}}}]}, "steps[0].data: noise"),
    ({"steps": [{"title": "A", "data": {"table": {"columns": ["a", "y"], "rows": [[1, "x"]]}}}]},
     "steps[0].data.table.rows[0]: expected 2 numbers"),
    ({"steps": [{"title": "A", "locked_controls": ["learning_rate", "warp"]}]}, "steps[0].locked_controls: unknown name 'warp'"),
    ({"steps": [{"title": "A", "question": {"prompt": "?", "choices": ["a", "b"], "answer": 2}}]},
     "steps[0].question.answer"),
    ({"steps": [{"title": ""}]}, "steps[0].title: expected a text (not empty)"),
    ({"steps": [{"title": "A", "train": -5}]}, "steps[0].train"),
])
def test_a_bad_lesson_is_refused_naming_the_field(change, where):
    with pytest.raises(LessonError) as err:
        loads_lesson(json.dumps(_lesson(**change)), "bad.nngui-lesson.json")
    assert str(err.value).startswith("bad.nngui-lesson.json") and where in str(err.value)


def test_not_json_is_refused():
    with pytest.raises(LessonError, match="JSON does not parse"):
        loads_lesson(b"{nope", "x.json")


def test_save_and_load_round_trip(tmp_path):
    for path in LESSONS:
        lesson = load_lesson(path)
        save_lesson(lesson, tmp_path / path.name)
        again = load_lesson(tmp_path / path.name)
        assert again == lesson
        assert dumps_lesson(again) == dumps_lesson(lesson)


def test_a_table_in_the_file_is_a_data_set():
    ds, cfg, validation = step_dataset({"table": {"columns": ["a", "b", "y"], "rows": [[0, 1, 1], [1, 1, 0]]}})
    assert ds.input_names == ("a", "b") and ds.target_names == ("y",) and cfg is None and validation == 0
    assert np.array_equal(ds.X, [[0, 1], [1, 1]]) and np.array_equal(ds.Y, [[1], [0]])


def test_the_overfitting_lesson_says_what_training_gives():
    steps = replay(resource_path("lessons", "overfitting.nngui-lesson.json"))
    noisy, clean, l2, stopped = (t for _s, t in steps[:4])
    x, y = noisy.val_history.curve()
    assert 30 <= x[np.argmin(y)] <= 50 and 0.15 < y.min() < 0.3 and 0.9 < y[-1] < 1.2  # "around epoch 40 ... 1.0"
    assert noisy.final.loss < 1e-3 and noisy.training_accuracy() == 1.0
    assert round(noisy.validation_accuracy(), 2) == 0.89
    assert clean.final.val_loss < 0.05 and clean.validation_accuracy() == 1.0  # "near 0.03 ... every point"
    assert 0.14 < l2.final.val_loss < 0.2 and round(l2.validation_accuracy(), 2) == 0.94  # "0.17 ... 94 %"
    assert 0.08 < l2.final.loss < 0.14  # "about 0.11"
    assert stopped.epoch == 242 and stopped.best_epoch == 42  # "at epoch 242 ... epoch 42"
