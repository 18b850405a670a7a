"""Lessons: ordered steps a teacher writes and a student walks through (``.nngui-lesson.json``).

Each step has a title, a Markdown text, the data to load (a preset, a generated data
set, or a small table written into the file; or none: keep the step before's), the
settings to apply over the data's own (any :class:`core.config.TrainConfig` field), how
many epochs to train when the step opens, which settings are hidden or locked, which
panels to bring forward, and optionally a *predict, then reveal* question: the student
commits an answer before the step trains and then reads the reveal text.
The format is documented in ``docs/lessons.md``.

Loading checks everything and names the place of the first problem
(``steps[2].settings.learning_rate: must be a finite number > 0, got -1``).

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from typing import Any

from .config import ConfigError, TrainConfig
from .data import DataError, Dataset
from .files import atomic_write_text

__all__ = ["step_configs", "LESSON_FORMAT", "LESSON_SUFFIX", "LESSON_VERSION", "CONTROLS", "PANELS", "Lesson", "LessonError",
           "Question", "Step", "dumps_lesson", "load_lesson", "loads_lesson", "save_lesson", "step_dataset"]

LESSON_FORMAT = "nngui-lesson"
LESSON_VERSION = 1
LESSON_SUFFIX = ".nngui-lesson.json"
MAX_STEPS = 200
MAX_TABLE_ROWS = 10_000
CONTROLS = tuple(f.name for f in dataclasses.fields(TrainConfig))  # the settings a step may hide or lock
PANELS = ("maths", "evaluate", "decision_map", "data", "predictions", "network", "loss")


class LessonError(ValueError):
    """A lesson file that cannot be used: ``where`` names the file and the field."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


@dataclass(frozen=True)
class Question:
    """*Predict, then reveal*: the student picks one of ``choices`` before the step trains."""

    prompt: str
    choices: tuple[str, ...]
    answer: int | None = None  # the index of the right choice, None when every answer is fine
    reveal: str = ""  # Markdown shown once the student has answered (and the step has trained)


@dataclass(frozen=True)
class Step:
    title: str
    text: str = ""
    data: dict | None = None  # {"preset": NAME} | {"generate": {...}} | {"table": {...}} | None: keep
    settings: dict = field(default_factory=dict)  # TrainConfig fields applied over the data's own
    train: int = 0  # epochs to train when the step opens (after the question, if any)
    hidden_controls: tuple[str, ...] = ()
    locked_controls: tuple[str, ...] = ()
    show: tuple[str, ...] = ()  # panels to bring forward
    question: Question | None = None

    def config(self, base: TrainConfig) -> TrainConfig:
        """``base`` with this step's settings applied (checked)."""
        merged = base.to_dict()
        merged.update(self.settings)
        return TrainConfig.from_dict(merged)


@dataclass(frozen=True)
class Lesson:
    title: str
    steps: tuple[Step, ...]
    description: str = ""
    author: str = ""
    language: str = "en"


# ------------------------------------------------------------------------------------- reading

def load_lesson(path: str | os.PathLike) -> Lesson:
    """Read and check a lesson file (LessonError naming the file and field, OSError when unreadable)."""
    path = os.fspath(path)
    with open(path, "rb") as f:
        raw = f.read()
    return loads_lesson(raw, os.path.basename(path))


def loads_lesson(text: str | bytes, source: str = "lesson") -> Lesson:
    try:
        d = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LessonError(source, f"not a lesson file: the JSON does not parse ({exc})") from None
    return lesson_from_dict(d, source)


def lesson_from_dict(d: Any, source: str = "lesson") -> Lesson:
    if not isinstance(d, dict) or d.get("format") != LESSON_FORMAT:
        raise LessonError(source, f"not a lesson file: expected \"format\": \"{LESSON_FORMAT}\"")
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LessonError(f"{source}: version", f"expected a whole number >= 1, got {version!r}")
    if version > LESSON_VERSION:
        raise LessonError(f"{source}: version", f"version {version} is newer than this nngui reads "
                                                f"({LESSON_VERSION}): update nngui")
    title = _text(d.get("title"), f"{source}: title", required=True)
    steps = d.get("steps")
    if not isinstance(steps, list) or not steps:
        raise LessonError(f"{source}: steps", "expected a list of at least one step")
    if len(steps) > MAX_STEPS:
        raise LessonError(f"{source}: steps", f"{len(steps)} steps; at most {MAX_STEPS}")
    lesson = Lesson(title=title, steps=tuple(_step(s, f"{source}: steps[{i}]") for i, s in enumerate(steps)),
                    description=_text(d.get("description"), f"{source}: description"),
                    author=_text(d.get("author"), f"{source}: author"),
                    language=_text(d.get("language"), f"{source}: language") or "en")
    for _config in step_configs(lesson, TrainConfig(), where=f"{source}: steps"):
        pass  # every step's settings checked as the window applies them (LessonError names a bad one)
    return lesson


def step_configs(lesson: Lesson, start: TrainConfig, where: str = "steps"):
    """The settings of each step in turn, as the window applies them: a step with data starts from that
    data's settings (a preset's, or the defaults with the data's validation share), a step without data
    from the step before's (``start`` for the first); then the step's own settings, and its epoch count
    as the target when it trains. Yields one TrainConfig per step; LessonError names a bad one."""
    config = start
    for i, step in enumerate(lesson.steps):
        if step.data is not None:
            _ds, preset_config, validation = step_dataset(step.data, f"{where}[{i}].data")
            config = preset_config if preset_config is not None else TrainConfig(validation=validation)
        try:
            config = step.config(config)
            if step.train and "epochs" not in step.settings:
                config = config.replace(epochs=step.train)
                config.check()
        except ConfigError as exc:
            raise LessonError(f"{where}[{i}].settings.{exc.field}", exc.detail) from None
        except (TypeError, ValueError) as exc:
            raise LessonError(f"{where}[{i}].settings", str(exc)) from None
        yield config


def _text(v: Any, where: str, required: bool = False) -> str:
    if v is None and not required:
        return ""
    if not isinstance(v, str) or (required and not v.strip()):
        raise LessonError(where, "expected a text" + (" (not empty)" if required else ""))
    return v


def _names(v: Any, where: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise LessonError(where, "expected a list of names")
    for x in v:
        if x not in allowed:
            raise LessonError(where, f"unknown name {x!r}; expected some of {', '.join(allowed)}")
    return tuple(v)


def _step(s: Any, where: str) -> Step:
    if not isinstance(s, dict):
        raise LessonError(where, "expected an object")
    settings = s.get("settings") or {}
    if not isinstance(settings, dict):
        raise LessonError(f"{where}.settings", "expected an object of settings")
    for key in settings:
        if key not in CONTROLS:
            raise LessonError(f"{where}.settings.{key}", f"unknown setting; expected some of {', '.join(CONTROLS)}")
    train = s.get("train", 0)
    if not isinstance(train, int) or isinstance(train, bool) or not 0 <= train <= 10_000_000:
        raise LessonError(f"{where}.train", f"expected a whole number of epochs from 0 to 10,000,000, got {train!r}")
    data = s.get("data")
    if data is not None:
        _check_data(data, f"{where}.data")
    return Step(title=_text(s.get("title"), f"{where}.title", required=True),
                text=_text(s.get("text"), f"{where}.text"), data=data, settings=dict(settings), train=train,
                hidden_controls=_names(s.get("hidden_controls"), f"{where}.hidden_controls", CONTROLS),
                locked_controls=_names(s.get("locked_controls"), f"{where}.locked_controls", CONTROLS),
                show=_names(s.get("show"), f"{where}.show", PANELS),
                question=_question(s.get("question"), f"{where}.question"))


def _question(q: Any, where: str) -> Question | None:
    if q is None:
        return None
    if not isinstance(q, dict):
        raise LessonError(where, "expected an object with prompt, choices, answer and reveal")
    choices = q.get("choices")
    if not isinstance(choices, list) or len(choices) < 2 or not all(isinstance(c, str) and c.strip() for c in choices):
        raise LessonError(f"{where}.choices", "expected a list of at least two texts")
    answer = q.get("answer")
    if answer is not None and (not isinstance(answer, int) or isinstance(answer, bool)
                               or not 0 <= answer < len(choices)):
        raise LessonError(f"{where}.answer", f"expected the index of a choice, 0 to {len(choices) - 1}, or null")
    return Question(prompt=_text(q.get("prompt"), f"{where}.prompt", required=True), choices=tuple(choices),
                    answer=answer, reveal=_text(q.get("reveal"), f"{where}.reveal"))


def _check_data(data: Any, where: str) -> None:
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in ("preset", "generate", "table"):
        raise LessonError(where, "expected one of {\"preset\": NAME}, {\"generate\": {...}} or {\"table\": {...}}")
    try:
        step_dataset(data, where)
    except (ConfigError, DataError) as exc:
        raise LessonError(where, str(exc)) from None


def step_dataset(data: dict, where: str = "data") -> tuple[Dataset, TrainConfig | None, float]:
    """The data a step loads: (data set, the preset's settings or None, validation share to hold out)."""
    kind, spec = next(iter(data.items()))
    if kind == "preset":
        from .presets import PRESETS

        if spec not in PRESETS:
            raise LessonError(f"{where}.preset", f"unknown preset {spec!r}; expected one of {', '.join(PRESETS)}")
        preset = PRESETS[spec]
        return preset.dataset(), preset.config, preset.config.validation
    if kind == "generate":
        from .generate import check, generate

        if not isinstance(spec, dict):
            raise LessonError(f"{where}.generate", "expected an object: name, rows, noise, seed, validation")
        args = {"name": spec.get("name"), "rows": spec.get("rows", 200), "noise": spec.get("noise", 0.0),
                "seed": spec.get("seed", 0)}
        validation = spec.get("validation", 0.0)
        check(**args, validation=validation)
        return generate(**args), None, float(validation)
    if not isinstance(spec, dict):
        raise LessonError(f"{where}.table", "expected an object: columns, rows, targets")
    columns, rows, targets = spec.get("columns"), spec.get("rows"), spec.get("targets", 1)
    if not isinstance(columns, list) or len(columns) < 2 or not all(isinstance(c, str) for c in columns):
        raise LessonError(f"{where}.table.columns", "expected a list of at least two column names")
    if not isinstance(targets, int) or isinstance(targets, bool) or not 1 <= targets < len(columns):
        raise LessonError(f"{where}.table.targets", f"expected a whole number from 1 to {len(columns) - 1}")
    if not isinstance(rows, list) or not rows or len(rows) > MAX_TABLE_ROWS:
        raise LessonError(f"{where}.table.rows", f"expected a list of 1 to {MAX_TABLE_ROWS:,} rows")
    for i, r in enumerate(rows):
        if (not isinstance(r, list) or len(r) != len(columns)
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in r)):
            raise LessonError(f"{where}.table.rows[{i}]", f"expected {len(columns)} numbers")
    import numpy as np

    values = np.asarray(rows, dtype=np.float64)
    if not np.isfinite(values).all():
        raise LessonError(f"{where}.table.rows", "every value must be a finite number")
    ds = Dataset(values[:, :-targets], values[:, -targets:], tuple(columns[:-targets]), tuple(columns[-targets:]),
                 "lesson table")
    return ds, None, 0.0


# ------------------------------------------------------------------------------------- writing

def lesson_to_dict(lesson: Lesson) -> dict:
    steps = []
    for s in lesson.steps:
        d: dict[str, Any] = {"title": s.title, "text": s.text}
        if s.data is not None:
            d["data"] = s.data
        if s.settings:
            d["settings"] = s.settings
        if s.train:
            d["train"] = s.train
        for key in ("hidden_controls", "locked_controls", "show"):
            if getattr(s, key):
                d[key] = list(getattr(s, key))
        if s.question is not None:
            q = s.question
            d["question"] = {"prompt": q.prompt, "choices": list(q.choices), "answer": q.answer, "reveal": q.reveal}
        steps.append(d)
    out: dict[str, Any] = {"format": LESSON_FORMAT, "version": LESSON_VERSION, "title": lesson.title}
    for key in ("description", "author"):
        if getattr(lesson, key):
            out[key] = getattr(lesson, key)
    out["language"] = lesson.language
    out["steps"] = steps
    return out


def dumps_lesson(lesson: Lesson) -> str:
    return json.dumps(lesson_to_dict(lesson), ensure_ascii=False, indent=2) + "\n"


def save_lesson(lesson: Lesson, path: str | os.PathLike) -> None:
    """Write ``lesson`` to ``path`` atomically (checked first: what is saved loads back)."""
    text = dumps_lesson(lesson)
    loads_lesson(text, os.path.basename(os.fspath(path)))
    atomic_write_text(path, text)
