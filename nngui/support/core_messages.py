"""The core's English messages (and the file readers' built on them) in the window's language.

The core never imports Qt and its messages stay English (the CLI prints them). The window
shows them through :func:`core_text` (a message string: a warning, the divergence text) and
:func:`error_text` (an exception: its location parts, file, line, row, column, field, are
translated one by one, then its detail). A message is translated when it matches one of
:data:`TEMPLATES` whole: each template is the core's f-string with its values written
``%1``, ``%2``…; the values are translated in turn when they are messages themselves (the
reason inside the divergence text, a size in bytes). Templates with more fixed text are
tried first. A message no template matches is shown as it is, so a core message added
later is never lost, only untranslated. In English every text is returned unchanged.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.config import ConfigError
from core.data import DataError

from nngui.support import i18n

CONTEXT = "CoreMessages"
_DEPTH = 3  # how deep values are translated as messages of their own

# The settings' names in ConfigError.field (and "field: detail" messages), as the settings panel labels them.
FIELDS = {
    "hidden": QT_TRANSLATE_NOOP("CoreMessages", "Hidden layers"),
    "activation": QT_TRANSLATE_NOOP("CoreMessages", "Activation"),
    "activations": QT_TRANSLATE_NOOP("CoreMessages", "Activation"),
    "output_activation": QT_TRANSLATE_NOOP("CoreMessages", "Output activation"),
    "loss": QT_TRANSLATE_NOOP("CoreMessages", "Loss"),
    "init": QT_TRANSLATE_NOOP("CoreMessages", "Initial weights"),
    "optimizer": QT_TRANSLATE_NOOP("CoreMessages", "Optimiser"),
    "normalize": QT_TRANSLATE_NOOP("CoreMessages", "Normalise"),
    "normalization": QT_TRANSLATE_NOOP("CoreMessages", "Normalise"),
    "dtype": QT_TRANSLATE_NOOP("CoreMessages", "Precision"),
    "learning_rate": QT_TRANSLATE_NOOP("CoreMessages", "Learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("CoreMessages", "Batch size"),
    "epochs": QT_TRANSLATE_NOOP("CoreMessages", "Epochs"),
    "seed": QT_TRANSLATE_NOOP("CoreMessages", "Seed"),
    "validation": QT_TRANSLATE_NOOP("CoreMessages", "Validation"),
    "stop_loss": QT_TRANSLATE_NOOP("CoreMessages", "Stop at loss below"),
    "stop_accuracy": QT_TRANSLATE_NOOP("CoreMessages", "Stop at 100 % accuracy"),
    "l2": QT_TRANSLATE_NOOP("CoreMessages", "L2"),
    "l1": QT_TRANSLATE_NOOP("CoreMessages", "L1"),
    "schedule": QT_TRANSLATE_NOOP("CoreMessages", "Schedule"),
    "early_stopping": QT_TRANSLATE_NOOP("CoreMessages", "Early stopping"),
    "targets": QT_TRANSLATE_NOOP("CoreMessages", "Targets"),
    "architecture": QT_TRANSLATE_NOOP("CoreMessages", "Network"),
    "sizes": QT_TRANSLATE_NOOP("CoreMessages", "Layer sizes"),
    "features": QT_TRANSLATE_NOOP("CoreMessages", "Input features"),
    "name": QT_TRANSLATE_NOOP("CoreMessages", "Data set"),  # File > New data set… (core.generate.check)
    "rows": QT_TRANSLATE_NOOP("CoreMessages", "Rows"),
    "noise": QT_TRANSLATE_NOOP("CoreMessages", "Noise"),
}

TEMPLATES = (
    # core/data.py: CSV files and tables
    QT_TRANSLATE_NOOP("CoreMessages", "the number of target columns cannot be negative (targets=%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "needs at least one input column, but there is only 1 column (are the cells "
                                      "separated by commas, semicolons or tabs?)"),
    QT_TRANSLATE_NOOP("CoreMessages", "needs at least one input column, but all %1 columns would be targets "
                                      "(targets=%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "this column has no name in the header"),
    QT_TRANSLATE_NOOP("CoreMessages", "column name %1 appears twice (columns %2 and %3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a number, but the cell is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a number, got %1 (use a dot, not a comma, as the decimal separator)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a number, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a finite number, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a finite number, but %1 is too large (numbers must stay below about "
                                      "1.8e308)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a finite number, but %1 is too large"),
    QT_TRANSLATE_NOOP("CoreMessages", "a quotation mark (\") opens a cell but nothing closes it"),
    QT_TRANSLATE_NOOP("CoreMessages", "this line cannot be read as CSV (%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is not a text CSV file (it contains NUL bytes)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 cells like the header, found %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 cells like the header in every row"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is empty (it has no header line of column names)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file has a single line and it holds numbers; expected a header line of "
                                      "column names (such as x1,x2,y) followed by rows of numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "the header is not followed by any data rows"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is not a text CSV file (it is UTF-16 text; save it as 'CSV UTF-8' "
                                      "instead)"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is not a text CSV file (byte %1 is not valid UTF-8; if it comes from a "
                                      "spreadsheet, save it as 'CSV UTF-8')"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file cannot be read (%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is %1; the limit is %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 bytes"),
    QT_TRANSLATE_NOOP("CoreMessages", "target column index %1 is outside the table's %2 columns"),
    QT_TRANSLATE_NOOP("CoreMessages", "a target column is listed twice"),
    QT_TRANSLATE_NOOP("CoreMessages", "needs at least one target column: mark a column as target"),
    QT_TRANSLATE_NOOP("CoreMessages", "the table has no columns"),
    QT_TRANSLATE_NOOP("CoreMessages", "the table has no data rows"),
    QT_TRANSLATE_NOOP("CoreMessages", "a column name cannot contain a line break"),
    QT_TRANSLATE_NOOP("CoreMessages", "there are no columns to write"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write %1: only finite numbers can be saved"),
    # the operating system's reasons inside "the file cannot be read (...)"
    QT_TRANSLATE_NOOP("CoreMessages", "No such file or directory"),
    QT_TRANSLATE_NOOP("CoreMessages", "Permission denied"),
    QT_TRANSLATE_NOOP("CoreMessages", "Is a directory"),
    # core/config.py and core/trainer.py: settings, and settings with this data
    QT_TRANSLATE_NOOP("CoreMessages", "layer %1 must have a whole number of units >= 1, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "layer %1 has %2 units; at most %3 are supported"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 hidden layers: deep sigmoid networks train slowly"),
    QT_TRANSLATE_NOOP("CoreMessages", "more than %1 units in a layer: training will be slower"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 activations for %2 hidden layers"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a hidden-layer activation; expected one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown value %1; expected one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a finite number > 0, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "learning rate %1 is very large: training will probably diverge"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a whole number >= 0, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a fraction from 0 to 0.9, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a finite number >= 0 (0: off), got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be true or false, got %1"),
    # core/config.py, core/schedules.py, core/trainer.py: regularisation, schedules, early stopping
    QT_TRANSLATE_NOOP("CoreMessages", "%1 runs over the epoch target, but epochs is 0 (until stopped): set a number "
                                      "of epochs or another schedule"),
    QT_TRANSLATE_NOOP("CoreMessages", "schedule %1: a factor above 1 makes the learning rate grow"),
    QT_TRANSLATE_NOOP("CoreMessages", "the patience must be a whole number of epochs >= 1 (0: off), got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "watches the validation loss, but no rows are held out: set a validation share "
                                      "above 0 (e.g. 0.2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "watches the validation loss, but a validation share of %1 of %2 rows holds "
                                      "out none: raise the share"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected text (%1), got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown schedule %1; expected %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 takes %3 (%4, e.g. %5)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 in %3 must be a whole number >= 1, got %4"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 in %3 must be a number > 0, got %4"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 in %3 must be a finite number > 0, got %4"),
    QT_TRANSLATE_NOOP("CoreMessages", "categorical cross-entropy is meant to follow a softmax output"),
    QT_TRANSLATE_NOOP("CoreMessages", "binary cross-entropy needs outputs in (0, 1): use a sigmoid output"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of layer sizes, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "stop at 100 % accuracy needs class labels (softmax + ce) or one column of 0/1 "
                                      "targets: it is ignored for this data"),
    QT_TRANSLATE_NOOP("CoreMessages", "holding out %1 of %2 rows leaves none to train on"),
    QT_TRANSLATE_NOOP("CoreMessages", "batch size %1 is larger than the %2 rows: using all rows"),
    # core/generate.py (File > New data set…) and core/features.py (input features)
    QT_TRANSLATE_NOOP("CoreMessages", "unknown data set %1; expected one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a whole number from %1 to %2 for %3, got %4"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be from 0 to %1 (0 to %2), got %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a fraction from 0 to %1, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown feature %1; expected one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "feature %1 is listed twice"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 on %2 inputs would add %3 derived input columns (%4); at most %5 derived "
                                      "columns are allowed: choose fewer inputs or fewer features"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 needs targets between 0 and 1 (or whole-number class labels with softmax + "
                                      "ce); scale the targets or choose sse/mse"),
    QT_TRANSLATE_NOOP("CoreMessages", "softmax over a single output always gives 1: use sigmoid, or class labels "
                                      "with ce"),
    QT_TRANSLATE_NOOP("CoreMessages", "the data has no target column: mark at least one column as target"),
    QT_TRANSLATE_NOOP("CoreMessages", "the starting weights are for %1; the data and settings need %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "layers %1, activations %2, with biases, loss %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "layers %1, activations %2, no biases, loss %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "a network needs at least an input and an output layer"),
    QT_TRANSLATE_NOOP("CoreMessages", "layer %1 has %2 units; every layer needs at least 1"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 can only be used on the output layer"),
    # the divergence text (core/trainer.py) and its reasons
    QT_TRANSLATE_NOOP("CoreMessages", "Training diverged at epoch %1: %2. Try a lower learning rate (now %3; e.g. %4) "
                                      "or normalise the inputs. The weights from epoch %5 were kept."),
    QT_TRANSLATE_NOOP("CoreMessages", "Training diverged at epoch %1: %2. Try a lower learning rate (now %3; e.g. "
                                      "%4). The weights from epoch %5 were kept."),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights became NaN or infinite"),
    QT_TRANSLATE_NOOP("CoreMessages", "the loss became NaN"),
    QT_TRANSLATE_NOOP("CoreMessages", "the loss became infinite"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights exploded (|w| reached %1)"),
    # core/export_python.py, core/export_onnx.py
    QT_TRANSLATE_NOOP("CoreMessages", "the run trains until stopped (epochs 0); a script needs a number of epochs"),
    QT_TRANSLATE_NOOP("CoreMessages", "ONNX export needs the onnx package, which is not installed: %1 (or pip "
                                      "install onnx)"),
    # core/modelfile.py and nngui/files/project.py: model and project files
    QT_TRANSLATE_NOOP("CoreMessages", "the file is larger than %1 MB: not an nngui model file"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is larger than %1 MB"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an nngui model file (byte %1 at offset %2 is not valid UTF-8 text)"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an nngui project file (byte at offset %1 is not UTF-8 text)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is empty (expected a JSON object)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the JSON text ends too early (is the file truncated?): %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "not valid JSON: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a usable JSON document (nested too deeply)"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a usable JSON document (%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the document is nested too deeply"),
    QT_TRANSLATE_NOOP("CoreMessages", "invalid model (%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "invalid project (%1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot be saved: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "this required field is missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a JSON object at the top level, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an nngui model file (it has no 'format' field; expected %1)"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an nngui model file (format is %1, expected %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an nngui project file (format is %1, expected %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is a model file, not a project (use Import weights, or open it as a "
                                      "model)"),
    QT_TRANSLATE_NOOP("CoreMessages", "was written by a newer nngui (model format version %1); this version reads "
                                      "version %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "was written by a newer nngui (model format version %1); this version reads "
                                      "versions %2 to %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file was written by a newer nngui (project version %1); this version "
                                      "reads version %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a version number >= 1, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a whole number, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a whole number >= %1, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is too large (at most %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a finite number, but the number is too large"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a name (one of %1), got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected an object, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected an object of training settings, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected true or false, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of column names, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a column name (text), got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a non-empty column name, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of rows, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a row of %1 numbers or nulls, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1 roles (one per column), got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected 'input' or 'target', got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "row %1, column %2: expected a number or null, got %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "row %1, column %2: expected a finite number, got %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "infinity (or a number too large: numbers must stay below about 1.8e308)"),
    QT_TRANSLATE_NOOP("CoreMessages", "a number is too large (numbers must stay below about 1.8e308)"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected at least 2 layer sizes (inputs and outputs), found %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of activation names, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 activation names (one per layer), found %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 input column names (architecture.sizes[0] is %2), found %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 target column names (the network has %2 outputs), found %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected 1 label column name (or %1, one per class), found %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights take %1 inputs but the table has %2 input columns"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights take %1 inputs but the table has %2 input column"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights give %1 outputs but the table has %2 target columns"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights give %1 outputs but the table has %2 target column"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights predict %1 classes from one label column but the table has %2 "
                                      "target columns"),
    QT_TRANSLATE_NOOP("CoreMessages", "the table's column %1 has class %2, which the weights do not know (%3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the weights are for layers %1 but the settings describe %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a number > 0, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a number >= 0 (0: off), got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a fraction from 0 to 0.9, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "is 0; a scale must not be zero (it divides the input)"),
    QT_TRANSLATE_NOOP("CoreMessages", "epochs must increase, but %1 follows %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of epoch numbers, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected null because architecture.bias is false, got %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1 numbers because architecture.bias is true, got nothing"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1 numbers because architecture.bias is true, got null"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1 layers, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected 1 layer for architecture.sizes %1, found %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 layers for architecture.sizes %2, found %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a row of %1 numbers (shape %2), got %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a row of %1 numbers (shape %2), found %3 number"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a row of %1 numbers (shape %2), found %3 numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 rows of %2 numbers (one per row of data.inputs), found %3 row"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1 rows of %2 numbers (one per row of data.inputs), found %3 rows"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1, got %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected a list of %1, found %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1, found %2 row"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1, found %2 rows"),
    QT_TRANSLATE_NOOP("CoreMessages", "expected %1, got %2"),
    # what those lists and objects hold
    QT_TRANSLATE_NOOP("CoreMessages", "numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 rows of %2 numbers (shape %3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "rows of %1 numbers (shape %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "an object with 'weights' and 'bias'"),
    QT_TRANSLATE_NOOP("CoreMessages", "null or an object"),
    QT_TRANSLATE_NOOP("CoreMessages", "null or an object with 'kind', 'shift' and 'scale'"),
    QT_TRANSLATE_NOOP("CoreMessages", "null or an object with 'stride', 'epochs', 'min', 'max' and 'last'"),
    QT_TRANSLATE_NOOP("CoreMessages", "null or an object with 'inputs' and 'targets'"),
    # how model and project files describe a JSON value
    QT_TRANSLATE_NOOP("CoreMessages", "null"),
    QT_TRANSLATE_NOOP("CoreMessages", "an object"),
    QT_TRANSLATE_NOOP("CoreMessages", "true/false"),
    QT_TRANSLATE_NOOP("CoreMessages", "true (true/false are not numbers)"),
    QT_TRANSLATE_NOOP("CoreMessages", "false (true/false are not numbers)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the whole number %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "a very large whole number"),
    QT_TRANSLATE_NOOP("CoreMessages", "the number %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "the text %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "a list of %1 items"),
    # Python's json module's reasons inside "not valid JSON: ..."
    QT_TRANSLATE_NOOP("CoreMessages", "Expecting value"),
    QT_TRANSLATE_NOOP("CoreMessages", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("CoreMessages", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("CoreMessages", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("CoreMessages", "Extra data"),
    QT_TRANSLATE_NOOP("CoreMessages", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("CoreMessages", "Invalid control character at"),
)

_FIELD_PREFIX = re.compile(r"([A-Za-z_][\w.\[\]]*): (.+)", re.S)  # "learning_rate: must be ...", "layers[0].bias: ..."


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern, tuple[int, ...]], ...]:
    """(template, regex, the placeholders' numbers in order), most fixed text first."""
    out = []
    for template in TEMPLATES:
        parts = re.split(r"(%\d)", template)
        regex = "".join("(.+?)" if re.fullmatch(r"%\d", p) else re.escape(p) for p in parts)
        numbers = tuple(int(p[1]) for p in parts if re.fullmatch(r"%\d", p))
        out.append((template, re.compile(regex, re.S), numbers))
    out.sort(key=lambda t: -len(re.sub(r"%\d", "", t[0])))
    return tuple(out)


def _translated(text: str, depth: int = 0) -> str:
    for template, regex, numbers in _patterns():
        m = regex.fullmatch(text)
        if m:
            values = [""] * max(numbers, default=0)
            for number, value in zip(numbers, m.groups()):
                values[number - 1] = _translated(value, depth + 1) if depth < _DEPTH else value
            return i18n.fmt(_tr(template), *values)
    m = _FIELD_PREFIX.fullmatch(text)
    if m and depth < _DEPTH:
        return field_text(m.group(1), _translated(m.group(2), depth + 1))
    return text


def field_text(field: str, detail: str) -> str:
    """"Learning rate: …" for a setting's name, "field 'layers[0].bias': …" for a file's field path."""
    label = FIELDS.get(field)
    if label is not None:
        return i18n.fmt(i18n.translate("CoreMessages", "%1: %2"), _tr(label), detail)
    return i18n.fmt(i18n.translate("CoreMessages", "field %1: %2"), repr(field), detail)


def core_text(text: str) -> str:
    """A message of the core (a warning, the divergence text, an error's detail) in the window's language."""
    text = str(text)
    if i18n.current_language() == "en":
        return text
    return _translated(text)


def error_text(exc: BaseException) -> str:
    """``str(exc)`` in the window's language: a DataError's location parts and detail, a ConfigError's
    setting and detail, any other error's message when it is one of the core's."""
    if i18n.current_language() == "en":
        return str(exc)
    if isinstance(exc, DataError):
        field, problem = getattr(exc, "field", None), getattr(exc, "problem", None)
        detail = field_text(field, _translated(problem)) if field and problem is not None else _translated(exc.detail)
        parts = [] if exc.file is None else [str(exc.file)]
        if exc.line is not None:
            parts.append(i18n.fmt(i18n.translate("CoreMessages", "line %1"), exc.line))
        if exc.row is not None:
            parts.append(i18n.fmt(i18n.translate("CoreMessages", "row %1"), exc.row))
        if isinstance(exc.column, str):
            parts.append(i18n.fmt(i18n.translate("CoreMessages", "column %1"), repr(exc.column)))
        elif exc.column is not None:
            parts.append(i18n.fmt(i18n.translate("CoreMessages", "column number %1"), exc.column))
        if not parts:
            return detail
        return i18n.fmt(i18n.translate("CoreMessages", "%1: %2"), i18n.translate("CoreMessages", ", ").join(parts),
                        detail)
    if isinstance(exc, ConfigError):
        return field_text(exc.field, _translated(exc.detail))
    return _translated(str(exc))
