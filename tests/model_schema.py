"""The model file's JSON Schema (docs/nngui-model.schema.json) for the tests: validate a dict, or every
model file under a folder (conftest.py runs that over pytest's temporary folders after the session)."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "nngui-model.schema.json"
MAX_BYTES = 50_000_000  # bigger files (the size-limit tests' padding) are not model files worth reading

_validator = None


def validator():
    """A Draft 2020-12 validator of the model schema (jsonschema must be installed)."""
    global _validator
    if _validator is None:
        import jsonschema

        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        _validator = jsonschema.Draft202012Validator(schema)
    return _validator


def schema_errors(document: object) -> list[str]:
    """The schema's complaints about a parsed model file, as 'path: message' lines (none: valid)."""
    out = []
    for error in sorted(validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
        out.append(f"{where or '(top level)'}: {error.message[:200]}")
    return out


def _models_in(document: object) -> list[dict]:
    """The model dicts in a parsed file: the file itself, or a project's ``model``."""
    if not isinstance(document, dict):
        return []
    if document.get("format") == "nngui-model":
        return [document]
    if document.get("format") == "nngui-project" and isinstance(document.get("model"), dict):
        return [document["model"]]
    return []


def check_folder(root: Path) -> tuple[int, list[str]]:
    """(model files checked, problems): every ``*.json`` under ``root`` that holds a model nngui reads
    (a model file, or a project's model) must also satisfy the schema. Files nngui refuses (the tests'
    deliberately broken ones) are skipped: the schema cannot express every check a reader makes."""
    from core.modelfile import ModelFileError, model_from_dict

    checked, problems = 0, []
    for path in sorted(Path(root).rglob("*.json")):
        try:
            if not path.is_file() or path.stat().st_size > MAX_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if b"nngui-model" not in data:
            continue
        try:
            document = json.loads(data)
        except (ValueError, RecursionError):
            continue
        for model in _models_in(document):
            try:
                model_from_dict(model)
            except ModelFileError:
                continue
            checked += 1
            errors = schema_errors(model)
            if errors:
                problems.append(f"{path}: {errors[0]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
    return checked, problems
