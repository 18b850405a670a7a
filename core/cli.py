"""The headless command line: ``python -m core train|predict|evaluate|generate|export|presets`` (also ``nngui train ...``).

Bad input of any kind ends with exit status 2 and one ``error: ...`` line on
stderr naming what and where; a diverged run ends with status 3 (the last finite
weights are still written). Progress goes to stderr, results to stdout.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Sequence, TextIO

import numpy as np

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from .config import DTYPES, ConfigError, TrainConfig
from .data import DataError, Dataset, csv_text, read_csv
from .features import FEATURES, FeatureError, MAX_DERIVED, parse_features
from .files import atomic_write_text
from .generate import GENERATORS, MAX_NOISE
from .initializers import INITIALIZERS
from .losses import LOSSES, get_loss
from .normalization import NORMALIZATIONS
from .optimizers import OPTIMIZERS
from .presets import PRESETS

EXPORT_FORMATS = ("python", "onnx", "c")

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DIVERGED = 3
EXIT_INTERRUPTED = 130

TTY_INTERVAL = 0.1  # seconds between progress-bar redraws on a terminal
PIPE_INTERVAL = 2.0  # seconds between progress lines when stderr is not a terminal
CHUNK_SECONDS = 0.1  # aim for chunks of training this long

# Which flag sets each TrainConfig field, to name it in error messages.
FLAGS = {
    "hidden": "--hidden",
    "activation": "--activation",
    "output_activation": "--output-activation",
    "loss": "--loss",
    "bias": "--bias/--no-bias",
    "init": "--init",
    "optimizer": "--optimizer",
    "learning_rate": "--lr",
    "batch_size": "--batch-size",
    "epochs": "--epochs",
    "seed": "--seed",
    "normalize": "--normalize",
    "validation": "--validation",
    "dtype": "--dtype",
    "architecture": "--init-from",
    "features": "--features",
    "l2": "--l2",
    "l1": "--l1",
    "schedule": "--schedule",
    "early_stopping": "--early-stopping",
}


class CliError(Exception):
    """Bad input found by the CLI itself; ``str()`` is the text after ``error: ``."""


# ---------------------------------------------------------------------------
# Argument parsing
# ---------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors end in one ``error: ...`` line (exit status 2)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"error: {_one_line(message)}\n")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _names(table) -> str:
    return ", ".join(table)


def _choice(kind: str, table):
    def convert(text: str) -> str:
        value = text.strip()
        if value not in table:
            raise argparse.ArgumentTypeError(f"unknown {kind} {text!r}; expected one of {_names(table)}")
        return value

    convert.__name__ = kind  # argparse names the type in some messages
    return convert


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def _positive_number(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number > 0, got {text!r}")
    return value


MAX_WHOLE = 2**63 - 1  # what a model file can hold


def _non_negative_number(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {text!r}")
    return value


def _whole(text: str, minimum: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be a whole number >= {minimum}, got {text!r}")
    if value > MAX_WHOLE:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_WHOLE}, got {text!r}")
    return value


def _count(text: str) -> int:
    return _whole(text, 0)


def _positive_count(text: str) -> int:
    return _whole(text, 1)


def _fraction(text: str) -> float:
    value = _number(text)
    if not 0.0 <= value <= 0.9:
        raise argparse.ArgumentTypeError(f"must be a fraction from 0 to 0.9, got {text!r}")
    return value


def _schedule(text: str) -> str:
    """A learning-rate schedule (core.schedules), written back in its plain form."""
    from .schedules import parse_schedule

    try:
        return str(parse_schedule(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _patience(text: str) -> int:
    try:
        return _whole(text, 1)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"the patience must be a whole number of epochs >= 1, got {text!r} "
                                         "(--no-early-stopping switches it off)") from None


def _hidden(text: str) -> tuple[int, ...]:
    """``"4,4"`` -> (4, 4); ``""`` or ``"none"`` -> () (no hidden layer)."""
    stripped = text.strip()
    if stripped.lower() in ("", "none"):
        return ()
    sizes = []
    for i, part in enumerate(stripped.split(","), start=1):
        part = part.strip()
        try:
            size = int(part)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"hidden layer {i}: expected a whole number of units, got {part!r} "
                "(write sizes like 4,4, or none for no hidden layer)") from None
        if size < 1:
            raise argparse.ArgumentTypeError(f"hidden layer {i} must have at least 1 unit, got {size}")
        sizes.append(size)
    return tuple(sizes)


def _activations(text: str) -> str | tuple[str, ...]:
    """One hidden activation for every layer, or a comma list with one per hidden layer."""
    names = [part.strip() for part in text.split(",")]
    for name in names:
        if name not in HIDDEN_ACTIVATIONS:
            raise argparse.ArgumentTypeError(
                f"unknown hidden-layer activation {name!r}; expected one of {_names(HIDDEN_ACTIVATIONS)}")
    return names[0] if len(names) == 1 else tuple(names)


def _features(text: str) -> tuple[str, ...]:
    try:
        return parse_features(text)
    except FeatureError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _noise(text: str) -> float:
    """``0.1`` or ``10%`` -> 0.1; from 0 to 0.5 (50 %)."""
    stripped = text.strip()
    percent = stripped.endswith("%")
    value = _number(stripped[:-1] if percent else stripped)
    if percent:
        value /= 100.0
    if not 0.0 <= value <= MAX_NOISE:
        hint = (f"; for {value:g} % write {value / 100:g} or {value:g}%"
                if not percent and 1 < value <= 100 * MAX_NOISE else "")
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_NOISE:g} (0 to {MAX_NOISE:.0%}), "
                                         f"got {text!r}{hint}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nngui",
        description="Train small fully-connected neural networks from the command line, "
                    "and use the saved models for predictions.",
        epilog="Run 'nngui COMMAND --help' for the options of a command. "
               "Exit status: 0 done, 2 bad input, 3 training diverged.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    # -- train ----------------------------------------------------------------------------
    defaults = TrainConfig()
    t = sub.add_parser(
        "train", usage="%(prog)s [options] (DATA.csv | --preset NAME | --init-from MODEL.json)", help="train a network on a CSV file or a preset and save the model",
        description="Train a network on DATA.csv (the last --targets columns are the targets) "
                    "or on a built-in --preset. Settings start from the preset's (or the defaults "
                    "shown below, or the --init-from model's); every option given overrides one.",
        epilog="Run 'nngui presets' to see the presets. "
               "Progress goes to stderr; Ctrl+C stops cleanly (the model is still saved). "
               "Exit status: 0 done, 2 bad input, 3 training diverged (the last finite weights "
               "are saved).",
    )
    t.add_argument("data", nargs="?", metavar="DATA.csv",
                   help="training data: a header of column names, then rows of numbers")
    t.add_argument("--preset", metavar="NAME", type=_choice("preset", PRESETS),
                   help=f"train on a built-in data set with its settings; one of: {_names(PRESETS)} "
                        "(with DATA.csv too: the preset's settings on your data)")
    t.add_argument("--targets", metavar="K", type=_positive_count,
                   help="number of target columns at the end of each row "
                        "(default 1; with --preset the preset's; with --init-from the model's)")
    g = t.add_argument_group("network")
    g.add_argument("--hidden", metavar="SIZES", type=_hidden,
                   help=f"hidden layer sizes as a comma list, e.g. 8,8; '' or none for no hidden "
                        f"layer (default {','.join(map(str, defaults.hidden))})")
    g.add_argument("--activation", metavar="NAME[,NAME...]", type=_activations,
                   help=f"hidden-layer activation, or a comma list with one per hidden layer; "
                        f"one of: {_names(HIDDEN_ACTIVATIONS)} (default {defaults.activation})")
    g.add_argument("--output-activation", metavar="NAME", type=_choice("activation", ACTIVATIONS),
                   help=f"output-layer activation; one of: {_names(ACTIVATIONS)} "
                        f"(default {defaults.output_activation})")
    g.add_argument("--loss", metavar="NAME", type=_choice("loss", LOSSES),
                   help=f"loss function; one of: {_names(LOSSES)} (default {defaults.loss}; "
                        "ce with a softmax output one-hot encodes a column of class labels)")
    g.add_argument("--init", metavar="NAME", type=_choice("initialiser", INITIALIZERS),
                   help=f"weight initialisation; one of: {_names(INITIALIZERS)} (default {defaults.init})")
    g.add_argument("--features", metavar="LIST", type=_features,
                   help=f"derived inputs computed after normalisation, a comma list of: {_names(FEATURES)} "
                        "(each input squared; each pair x_i*x_j, i < j; sin of each input); none = off "
                        f"(the default); at most {MAX_DERIVED:,} derived columns")
    bias = g.add_mutually_exclusive_group()
    bias.add_argument("--bias", dest="bias", action="store_const", const=True, default=None,
                      help="give every layer a bias (the default)")
    bias.add_argument("--no-bias", dest="bias", action="store_const", const=False,
                      help="no biases (as in James Loy's article)")
    g = t.add_argument_group("training")
    g.add_argument("--optimizer", metavar="NAME", type=_choice("optimizer", OPTIMIZERS),
                   help=f"optimiser; one of: {_names(OPTIMIZERS)} (default {defaults.optimizer}; "
                        "gd always uses all rows)")
    g.add_argument("--lr", metavar="RATE", type=_positive_number,
                   help=f"learning rate, a number > 0 (default {defaults.learning_rate:g})")
    g.add_argument("--epochs", metavar="N", type=_count,
                   help=f"epochs to train, 0 = until Ctrl+C (default {defaults.epochs}); with "
                        "--init-from, epochs *more* (default: on to the model's target, or its "
                        "number of epochs again when reached)")
    g.add_argument("--batch-size", metavar="N", type=_count,
                   help="rows per mini-batch for sgd, momentum and adam; 0 = all rows (default 0)")
    g.add_argument("--seed", metavar="N", type=_count,
                   help=f"random seed for the weights, the validation split and the shuffling "
                        f"(default {defaults.seed})")
    g.add_argument("--normalize", metavar="KIND", type=_choice("normalisation", NORMALIZATIONS),
                   help=f"input normalisation, fitted on the training rows and saved with the model; "
                        f"one of: {_names(NORMALIZATIONS)} (default {defaults.normalize})")
    g.add_argument("--validation", metavar="F", type=_fraction,
                   help="fraction of the rows held out to report a validation loss, 0 to 0.9 (default 0)")
    g.add_argument("--dtype", metavar="TYPE", type=_choice("dtype", DTYPES),
                   help=f"floating-point type for training; one of: {_names(DTYPES)} "
                        f"(default {defaults.dtype})")
    g.add_argument("--stop-loss", metavar="X", type=_non_negative_number,
                   help="stop at the first epoch whose loss is below X; 0 = off (default 0)")
    g.add_argument("--stop-accuracy", action="store_const", const=True, default=None,
                   help="stop once every training row is classified right (class labels or 0/1 targets; "
                        "checked between chunks)")
    g.add_argument("--l2", metavar="L", type=_non_negative_number,
                   help="L2 regularisation of the weights (not the biases): adds (L/2) * sum(W^2) to the "
                        "objective; 0 = off (default 0)")
    g.add_argument("--l1", metavar="L", type=_non_negative_number,
                   help="L1 regularisation of the weights: adds L * sum(|W|) to the objective; 0 = off (default 0)")
    g.add_argument("--schedule", metavar="SPEC", type=_schedule,
                   help="learning-rate schedule, epoch e from 1: constant; step:GAMMA:EVERY (lr * GAMMA^floor((e-1)"
                        "/EVERY)); exp:GAMMA (lr * GAMMA^(e-1)); cosine (lr * (1 + cos(pi (e-1)/epochs)) / 2) "
                        "(default constant)")
    es = g.add_mutually_exclusive_group()
    es.add_argument("--early-stopping", metavar="P", type=_patience, dest="early_stopping",
                    help="stop when the validation loss has not improved for P epochs and keep the weights "
                         "of the best validation epoch (needs --validation)")
    es.add_argument("--no-early-stopping", action="store_const", const=0, dest="early_stopping",
                    help="switch early stopping off (e.g. for a model trained with it)")
    g = t.add_argument_group("model files and output")
    g.add_argument("--init-from", metavar="MODEL.json",
                   help="continue training a saved model: its weights, normalisation and settings "
                        "(options given override the settings; --hidden must match)")
    g.add_argument("--out", metavar="MODEL.json", help="save the trained model to this file")
    g.add_argument("--include-data", action="store_true",
                   help="store the training data in the model file too")
    g.add_argument("--quiet", "-q", action="store_true", help="no progress display (warnings still shown)")

    # -- predict --------------------------------------------------------------------------
    p = sub.add_parser(
        "predict", usage="%(prog)s [--out PRED.csv] MODEL.json DATA.csv", help="apply a saved model to a CSV file",
        description="Compute a saved model's outputs for the rows of DATA.csv. DATA.csv holds the "
                    "model's input columns, optionally followed by its target columns (for a class "
                    "model: one column of labels); columns are matched by position. The output CSV "
                    "has the input columns, then pred_<target> per output (class models: prob_<class> "
                    "per class, then class), then the targets when given. With targets, the loss "
                    "(and accuracy for classification) is reported on stderr.",
    )
    p.add_argument("model", metavar="MODEL.json", help="a model file saved by 'nngui train --out' or the app")
    p.add_argument("data", metavar="DATA.csv", help="inputs, or inputs then targets")
    p.add_argument("--out", metavar="PRED.csv", help="write the predictions here instead of to stdout")

    # -- export ---------------------------------------------------------------------------
    e = sub.add_parser(
        "export", usage="%(prog)s MODEL.json --format python|onnx|c --out FILE [options]",
        help="export a saved model as a standalone Python script, an ONNX graph or a C header",
        description="Export a saved model. --format python writes a NumPy-only Python script "
                    "holding the data, the settings and the whole training algorithm: by default "
                    "it embeds the model's trained weights and reports their loss and predictions; "
                    "with --from-scratch it trains the network again from the model's seed and "
                    "settings, reproducing nngui's run. The data comes from the model file (saved "
                    "with --include-data) or from --data. --format onnx writes an ONNX graph that "
                    "takes the raw inputs (normalisation included); it needs the onnx package "
                    "(pip install nngui[onnx]). --format c writes one header-only C99 file (e.g. "
                    "model.h) with the weights as static const float arrays and "
                    "nngui_predict(const float *inputs, float *outputs), which takes the raw inputs "
                    "(normalisation and input features inside), allocates nothing and needs only math.h.",
        epilog="See docs/exporting.md. Exit status: 0 done, 2 bad input.",
    )
    e.add_argument("model", metavar="MODEL.json", help="a model file saved by 'nngui train --out' or the app")
    e.add_argument("--format", required=True, metavar="FORMAT", type=_choice("format", EXPORT_FORMATS),
                   help=f"what to write; one of: {_names(EXPORT_FORMATS)}")
    e.add_argument("--out", required=True, metavar="FILE",
                   help="the file to write (e.g. model.py, model.onnx, model.h)")
    e.add_argument("--data", metavar="DATA.csv",
                   help="python: the data to embed (default: the data stored in the model file)")
    e.add_argument("--targets", metavar="K", type=_positive_count,
                   help="python: number of target columns at the end of each row of --data "
                        "(default: the model's, 1 for a class model)")
    e.add_argument("--from-scratch", action="store_true",
                   help="python: train from the model's seed and settings instead of embedding its weights")
    e.add_argument("--dtype", metavar="TYPE", type=_choice("dtype", DTYPES),
                   help="onnx: the graph's input and weight type (default float32)")

    # -- evaluate -------------------------------------------------------------------------
    v = sub.add_parser(
        "evaluate", usage="%(prog)s [--json] MODEL.json DATA.csv",
        help="the figures of a saved model on a CSV file: loss, accuracy, confusion matrix, AUC, RMSE, ...",
        description="Compute a saved model's figures on DATA.csv, which holds the model's input columns "
                    "followed by its target columns (for a class model: one column of labels); columns are "
                    "matched by position. Classification (class labels, or 0/1 targets with a sigmoid "
                    "output): loss, accuracy, the confusion matrix (rows: true class, columns: predicted "
                    "class, in the model's class order; counts and row percentages) and, for two classes, "
                    "the ROC curve's AUC. Regression: loss, RMSE, MAE and R2.",
        epilog="Exit status: 0 done, 2 bad input (a file that cannot be read, or columns that do not "
               "match the model).",
    )
    v.add_argument("model", metavar="MODEL.json", help="a model file saved by 'nngui train --out' or the app")
    v.add_argument("data", metavar="DATA.csv", help="inputs then targets")
    v.add_argument("--json", action="store_true",
                   help="print one JSON object instead: loss, then accuracy, confusion_matrix and auc "
                        "(two classes) for classification, or rmse, mae and r2 for regression")

    # -- generate -------------------------------------------------------------------------
    gen = sub.add_parser(
        "generate", usage="%(prog)s NAME [--rows N] [--noise F] [--seed S] [--out FILE.csv] [--validation F --val-out VAL.csv]",
        help="write a generated data set (circle, xor, spiral, ...) as CSV",
        description="Write a generated data set: inputs x1, x2, ..., then the target y. The same "
                    "settings give the same file. Data sets: " + "; ".join(
                        f"{g.name} ({g.kind}) {g.description}" for g in GENERATORS.values()),
        epilog="The data sets are described in core/generate.py. Exit status: 0 done, 2 bad input.",
    )
    gen.add_argument("name", metavar="NAME", type=_choice("data set", GENERATORS),
                     help=f"one of: {_names(GENERATORS)}")
    gen.add_argument("--rows", metavar="N", type=_positive_count, default=200, help="rows (default 200)")
    gen.add_argument("--noise", metavar="F", type=_noise, default=0.0,
                     help=f"noise from 0 to {MAX_NOISE:g}, or as a percentage such as 10%% (default 0)")
    gen.add_argument("--seed", metavar="N", type=_count, default=0, help="random seed (default 0)")
    gen.add_argument("--validation", metavar="F", type=_fraction, default=0.0,
                     help="fraction of the rows held out, 0 to 0.9, written to --val-out (default 0)")
    gen.add_argument("--out", metavar="FILE.csv", help="the file to write (default: standard output)")
    gen.add_argument("--val-out", metavar="VAL.csv", help="with --validation: the file for the held-out rows")

    # -- presets --------------------------------------------------------------------------
    sub.add_parser(
        "presets", help="list the built-in presets",
        description="List the built-in presets (use one with 'nngui train --preset NAME'): "
                    "name, title, data shape and settings.",
    )
    return parser


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "train":
            return cmd_train(args)
        if args.command == "predict":
            return cmd_predict(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "generate":
            return cmd_generate(args)
        return cmd_presets(args)
    except BrokenPipeError:  # e.g. `nngui presets | head -1`: the reader left, nothing to report
        _silence_stdout()
        return EXIT_OK
    except (CliError, ConfigError, DataError, OSError) as exc:
        _error(_describe(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not complain."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConfigError):
        return f"{FLAGS.get(exc.field, exc.field)}: {exc.detail}"
    if isinstance(exc, OSError) and not isinstance(exc, DataError):
        where = exc.filename
        reason = exc.strerror or str(exc)
        return f"{where}: {reason}" if where else reason
    return str(exc)


def _error(message: str) -> None:
    print(f"error: {_one_line(message)}", file=sys.stderr, flush=True)


def _warn(message: str) -> None:
    print(f"warning: {_one_line(message)}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# presets
# ---------------------------------------------------------------------------


def _config_summary(cfg: TrainConfig) -> str:
    acts = cfg.hidden_activations
    act = acts[0] if len(set(acts)) == 1 else "/".join(acts)
    hidden = "x".join(map(str, cfg.hidden)) if cfg.hidden else "no hidden layer"
    parts = [f"hidden {hidden}" + (f" {act}" if cfg.hidden else ""), f"output {cfg.output_activation}",
             cfg.loss, f"{cfg.optimizer} lr {cfg.learning_rate:g}", f"{cfg.epochs} epochs"]
    if not cfg.bias:
        parts.append("no bias")
    if cfg.normalize != "none":
        parts.append(f"{cfg.normalize} inputs")
    if cfg.validation:
        parts.append(f"validation {cfg.validation:g}")
    if cfg.features:
        parts.append(f"features {','.join(cfg.features)}")
    return ", ".join(parts)


def cmd_presets(args) -> int:
    from .trainer import targets_for

    width = max(map(len, PRESETS))
    title_width = max(len(p.title) for p in PRESETS.values())
    for name, preset in PRESETS.items():
        ds = preset.dataset()
        Y, classes = targets_for(ds, preset.config)
        outs = f"{len(classes)} classes" if classes else _plural(ds.n_targets, "target")
        shape = f"{ds.n_samples} rows, {_plural(ds.n_inputs, 'input')} -> {outs}"
        print(f"{name:<{width}}  {preset.title:<{title_width}}  {shape}; {_config_summary(preset.config)}")
    return EXIT_OK


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


# ---------------------------------------------------------------------------
# train
# ---------------------------------------------------------------------------


def _overrides(args) -> dict:
    pairs = {
        "hidden": args.hidden, "activation": args.activation,
        "features": args.features,
        "output_activation": args.output_activation, "loss": args.loss, "bias": args.bias,
        "init": args.init, "optimizer": args.optimizer, "learning_rate": args.lr,
        "batch_size": args.batch_size, "epochs": args.epochs, "seed": args.seed,
        "normalize": args.normalize, "validation": args.validation, "dtype": args.dtype,
        "stop_loss": args.stop_loss, "stop_accuracy": args.stop_accuracy,
        "l2": args.l2, "l1": args.l1, "schedule": args.schedule, "early_stopping": args.early_stopping,
    }
    return {k: v for k, v in pairs.items() if v is not None}


def _apply(base: TrainConfig, changes: dict) -> TrainConfig:
    changes = dict(changes)
    if "hidden" in changes and "activation" not in changes and not isinstance(base.activation, str):
        # A per-layer list from the preset/model that no longer fits: keep it if it is uniform.
        if len(base.activation) != len(changes["hidden"]):
            uniform = set(base.activation)
            if len(uniform) == 1:
                changes["activation"] = base.activation[0]
            elif not base.activation:
                changes["activation"] = TrainConfig().activation
    return base.replace(**changes)


def _check_out_path(path: str, flag: str = "--out") -> None:
    """Refuse an output path that cannot be written, before hours of training."""
    if os.path.isdir(path):
        raise CliError(f"{flag} {path}: this is a folder, not a file name")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise CliError(f"{flag} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CliError(f"{flag} {path}: the folder {folder} is not writable")


def cmd_train(args, run=None) -> int:
    """``nngui train``; ``run(trainer, name, quiet) -> stopped`` replaces the training loop (``nngui animate``)."""
    from .modelfile import load_model, model_from_trainer, save_model
    from .presets import get_preset
    from .resources import resource_path
    from .trainer import REACHED_ACCURACY, REACHED_EARLY_STOP, REACHED_LOSS, Trainer

    if args.data is None and args.preset is None and args.init_from is None:
        raise CliError("train needs DATA.csv or --preset NAME (see 'train --help')")
    if args.out:
        _check_out_path(args.out)
    elif args.include_data:
        _warn("--include-data has no effect without --out")
    changes = _overrides(args)

    model = None
    preset = get_preset(args.preset) if args.preset else None
    if args.init_from:
        model = load_model(args.init_from)
        base = model.config()
        arch_hidden = tuple(model.architecture.hidden)
        if "hidden" in changes and tuple(changes["hidden"]) != arch_hidden:
            raise CliError(
                f"--hidden {_sizes(changes['hidden'])} does not match the hidden layers "
                f"{_sizes(arch_hidden)} of {args.init_from}; leave --hidden out to continue training it")
        changes["hidden"] = arch_hidden
        if "bias" in changes and changes["bias"] != model.architecture.bias:
            raise CliError(f"--{'bias' if changes['bias'] else 'no-bias'} does not match {args.init_from}, "
                           f"whose layers {'have' if model.architecture.bias else 'have no'} biases")
        kind = model.normalization.kind if model.normalization is not None else "none"
        if "normalize" in changes and changes["normalize"] != kind:
            raise CliError(f"--normalize {changes['normalize']} does not match {args.init_from}, "
                           f"whose weights expect {kind} inputs")
        changes["normalize"] = kind
        if "features" in changes and changes["features"] != model.features:
            raise CliError(f"--features {','.join(changes['features']) or 'none'} does not match "
                           f"{args.init_from}, whose weights expect the features "
                           f"{','.join(model.features) or 'none'}")
        changes["features"] = model.features
        if "init" in changes:
            _warn(f"--init has no effect with --init-from (the weights come from {args.init_from})")
    elif preset is not None:
        base = preset.config
    else:
        base = TrainConfig()

    # Data: the file given, else the preset's, else the data stored in the --init-from model.
    if args.targets is not None:
        targets = args.targets
    elif model is not None:
        targets = 1 if model.classes else len(model.target_names)
    elif preset is not None:
        targets = preset.targets
    else:
        targets = 1
    if args.data is not None:
        dataset = read_csv(args.data, targets=targets)
    elif preset is not None:
        dataset = read_csv(resource_path("presets", preset.csv), targets=targets)
    elif model is not None and model.data is not None:
        dataset = Dataset(model.data["inputs"], model.data["targets"], model.input_names,
                          model.target_names, os.path.basename(args.init_from))
    else:
        raise CliError(f"{args.init_from} holds no training data: give DATA.csv or --preset NAME")

    epochs_done = 0
    if model is not None:
        epochs_done = _epochs_done(model)
        more = changes.get("epochs")
        if more is None:  # on to the model's target, or as many epochs again
            target = base.epochs
            more = 0 if target == 0 else (target - epochs_done if target > epochs_done else target)
        changes["epochs"] = 0 if more == 0 else epochs_done + more
    config = _apply(base, changes)

    if model is not None:
        try:
            trainer = Trainer(dataset, config, start=model.network(), normalizer=model.normalization,
                              history=model.history(), epoch=epochs_done, val_history=model.val_history())
        except ConfigError as exc:
            if exc.field != "architecture":
                raise
            raise CliError(f"--init-from {args.init_from}: {exc.detail}") from None
    else:
        trainer = Trainer(dataset, config)
    for w in trainer.warnings:
        _warn(w)

    name = args.preset if (args.data is None and args.preset) else dataset.source
    stopped = (run or _run)(trainer, name, quiet=args.quiet)

    status = EXIT_OK
    if trainer.diverged:
        print(trainer.diverged, file=sys.stderr, flush=True)
        status = EXIT_DIVERGED
    elif stopped:
        print(f"stopped at epoch {trainer.epoch} (Ctrl+C)", file=sys.stderr, flush=True)
    elif trainer.reached == REACHED_LOSS:
        print(f"stopped at epoch {trainer.epoch}: the loss {_fmt(trainer.last_loss)} is below "
              f"{trainer.config.stop_loss:g}", file=sys.stderr, flush=True)
    elif trainer.reached == REACHED_ACCURACY:
        print(f"stopped at epoch {trainer.epoch}: every training row is classified right (accuracy 100%)",
              file=sys.stderr, flush=True)
    elif trainer.reached == REACHED_EARLY_STOP:
        print(f"stopped at epoch {trainer.epoch}: the validation loss has not improved for "
              f"{_plural(trainer.config.early_stopping, 'epoch')}; kept the weights of epoch "
              f"{trainer.best_epoch} (val loss {_fmt(trainer.best.loss)})", file=sys.stderr, flush=True)

    for line in _summary(trainer):
        print(line)
    sys.stdout.flush()

    if args.out:
        snapshot = model_from_trainer(trainer, include_data=args.include_data)
        _writing(args.out, lambda: save_model(snapshot, args.out))
        if not args.quiet:
            print(f"saved {args.out}", file=sys.stderr, flush=True)
    return status


def _writing(path: str, write) -> None:
    """Run ``write()``, reporting an OSError as a CliError about ``--out``."""
    try:
        write()
    except OSError as exc:
        raise CliError(f"--out {path}: the file cannot be written ({exc.strerror or exc})") from None


def _sizes(sizes: Sequence[int]) -> str:
    return ",".join(map(str, sizes)) if sizes else "none"


def _epochs_done(model) -> int:
    """Where a resumed run continues: the model's epochs_done (never before its history's end)."""
    return max(int(model.epochs_done), int(model.history().last_epoch))


class _StopFlag:
    """Ctrl+C sets the flag (training stops after its chunk); a second Ctrl+C aborts at once.

    On the main thread SIGINT gets a handler for the duration; elsewhere (or where
    that is not allowed) the flag stays unset and KeyboardInterrupt works as usual.
    """

    def __init__(self) -> None:
        self.set = False
        self.installed = False
        self._old = None

    def __enter__(self) -> "_StopFlag":
        if threading.current_thread() is threading.main_thread():
            try:
                self._old = signal.signal(signal.SIGINT, self._handle)
                self.installed = True
            except (ValueError, OSError):  # not allowed here: plain KeyboardInterrupt then
                pass
        return self

    def _handle(self, signum, frame) -> None:
        if self.set:
            raise KeyboardInterrupt
        self.set = True

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self._old if self._old is not None else signal.SIG_DFL)
            self.installed = False


def _run(trainer, name: str, quiet: bool) -> bool:
    """Train to the target in adaptive chunks with a progress display; True if stopped by Ctrl+C."""
    stream = sys.stderr
    reporter = None if quiet else _Reporter(stream, _isatty(stream), trainer.epoch)
    if reporter is not None:
        reporter.start(trainer, name)
    chunk = 1
    stopped = False
    with _StopFlag() as flag:
        while not trainer.done:
            if flag.set:
                stopped = True
                break
            # Without our handler a Ctrl+C lands inside a chunk: keep what is needed to undo it.
            snapshot = None if flag.installed else trainer.checkpoint()
            t0 = time.perf_counter()
            try:
                progress = trainer.train(chunk)
            except KeyboardInterrupt:
                if snapshot is None:  # a second Ctrl+C: abort at once, without saving
                    raise
                if trainer.epoch == snapshot.epoch:  # interrupted before the chunk was recorded
                    trainer.restore(snapshot)
                stopped = True
                break
            dt = time.perf_counter() - t0
            scale = CHUNK_SECONDS / dt if dt > 0 else 4.0
            chunk = max(1, min(int(chunk * min(scale, 4.0)), 10_000_000))
            if reporter is not None:
                reporter.update(progress)
    if reporter is not None:
        reporter.finish(trainer.progress())
    return stopped


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Reporter:
    """Progress on stderr: a redrawn bar on a terminal, sparse plain lines otherwise."""

    def __init__(self, stream: TextIO, tty: bool, start_epoch: int) -> None:
        self.stream = stream
        self.tty = tty
        self.start_epoch = start_epoch
        self.interval = TTY_INTERVAL if tty else PIPE_INTERVAL
        self.last_time = time.monotonic()
        self.drawn = 0  # width of the bar currently on the terminal line
        self.last_shown: int | None = None

    def start(self, trainer, name: str) -> None:
        cfg = trainer.config
        sizes = "-".join(map(str, trainer.network.arch.sizes))
        target = cfg.epochs
        if target == 0:
            goal = "until Ctrl+C"
        elif trainer.epoch + 1 == target:
            goal = f"epoch {target}"
        elif trainer.epoch:
            goal = f"epochs {trainer.epoch + 1}-{target}"
        else:
            goal = f"{target} epochs"
        rows = trainer.X.shape[0]
        if cfg.stop_loss:
            goal += f" or until the loss is below {cfg.stop_loss:g}"
        if cfg.stop_accuracy:
            goal += " or until the accuracy is 100%"
        if cfg.early_stopping:
            goal += f" or until the validation loss stalls for {_plural(cfg.early_stopping, 'epoch')}"
        extra = "" if trainer.schedule.constant else f" ({cfg.schedule})"
        extra += "".join(f", {k} {v:g}" for k, v in (("l2", cfg.l2), ("l1", cfg.l1)) if v)
        self._line(f"training {sizes} on {name} ({_plural(rows, 'row')}), {cfg.optimizer} "
                   f"lr {cfg.learning_rate:g}{extra}, {goal}")

    def update(self, p) -> None:
        now = time.monotonic()
        if now - self.last_time >= self.interval:
            self.last_time = now
            self._show(p)

    def finish(self, p) -> None:
        if self.last_shown != p.epoch or self.tty:
            self._show(p)
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = 0

    def _show(self, p) -> None:
        self.last_shown = p.epoch
        if self.tty:
            width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
            text = self._text(p, bar=True)
            if len(text) > width:
                text = self._text(p, bar=False)[:width]
            pad = max(0, self.drawn - len(text))
            self.stream.write("\r" + text + " " * pad)
            self.stream.flush()
            self.drawn = len(text)
        else:
            self._line(self._text(p, bar=False))

    def _line(self, text: str) -> None:
        if self.tty and self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.drawn = 0
        self.stream.write(text + "\n")
        self.stream.flush()

    def _text(self, p, bar: bool) -> str:
        parts = []
        done = p.epoch - self.start_epoch
        rate = done / p.elapsed if p.elapsed > 0 else None
        if p.epochs_target:
            if bar:
                n = int(round((p.fraction or 0.0) * 16))
                parts.append("[" + "#" * n + "-" * (16 - n) + "]")
            parts.append(f"epoch {p.epoch}/{p.epochs_target}")
        else:
            parts.append(f"epoch {p.epoch}")
        parts.append(f"loss {_fmt(p.loss)}")
        if p.penalty:
            parts.append(f"penalty {_fmt(p.penalty)}")
        if p.val_loss is not None:
            parts.append(f"val {_fmt(p.val_loss)}")
        if p.current_learning_rate is not None and p.current_learning_rate != p.learning_rate:
            parts.append(f"lr {p.current_learning_rate:.3g}")
        if rate:
            parts.append(f"{rate:.0f} epochs/s")
            if p.epochs_target and p.epoch < p.epochs_target:
                parts.append(f"ETA {_duration((p.epochs_target - p.epoch) / rate)}")
        return "  ".join(parts)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.6g}"


def _duration(seconds: float) -> str:
    seconds = int(math.ceil(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds // 60 % 60:02d}m"


def _summary(trainer) -> list[str]:
    """The closing lines on stdout: final loss, epochs, accuracy for classification."""
    from .trainer import REACHED_EARLY_STOP, is_classification

    loss = trainer.last_loss
    if loss is None:  # no epoch trained: the loss of the current weights
        with np.errstate(all="ignore"):
            loss = trainer.loss_fn.value(trainer.network.predict(trainer.X), trainer.Y)
    lines = [f"final loss: {float(loss)!r}"]
    if trainer.regularization is not None:
        lines.append(f"penalty: {trainer.penalty!r}")
    if trainer.last_val_loss is not None:
        lines.append(f"val loss: {float(trainer.last_val_loss)!r}")
    lines.append(f"epochs: {trainer.epoch}")
    if trainer.reached == REACHED_EARLY_STOP:  # the weights kept are those of the best epoch
        lines.append(f"best epoch: {trainer.best_epoch}")
        lines.append(f"best val loss: {trainer.best.loss!r}")
    if is_classification(trainer.Y, trainer.classes is not None, trainer.config.output_activation):
        lines.append(f"accuracy: {trainer.training_accuracy() * 100:.1f}%")
        val = trainer.validation_accuracy()
        if val is not None:
            lines.append(f"val accuracy: {val * 100:.1f}%")
    return lines


# ---------------------------------------------------------------------------
# predict
# ---------------------------------------------------------------------------


@dataclass
class _Table:
    names: tuple[str, ...]
    values: np.ndarray  # (rows, columns)
    source: str


def _read_table(path: str) -> _Table:
    """All columns of a CSV file, with core.data's rules and error messages."""
    ds = read_csv(path, targets=0)
    return _Table(ds.input_names, ds.X, ds.source)


def _label(c: float) -> str:
    return str(int(c)) if float(c).is_integer() else repr(float(c))


def _csv_name(name: str) -> str:
    if any(ch in name for ch in ',;\t"\n\r') or name.startswith("#"):
        return '"' + name.replace('"', '""') + '"'
    return name


def cmd_predict(args) -> int:
    from .modelfile import load_model

    if args.out:
        _check_out_path(args.out)
    model = load_model(args.model)
    table = _read_table(args.data)
    X, Y = _model_columns(model, table)
    n_in = model.n_inputs
    target_names = tuple(model.target_names)
    classes = tuple(model.classes) if model.classes else None
    has_targets = Y is not None

    with np.errstate(all="ignore"):
        P = np.asarray(model.predict(X), dtype=np.float64)
    if classes:
        labels = np.asarray(model.predict_classes(X), dtype=np.float64).reshape(-1)
        out_names = [f"prob_{_label(c)}" for c in classes] + ["class"]
    else:
        labels = None
        out_names = [f"pred_{t}" for t in target_names]

    data_names = list(table.names)
    taken = set(data_names)
    for i, name in enumerate(out_names):  # e.g. a label column already called "class"
        while name in taken:
            name = "pred_" + name
        taken.add(name)
        out_names[i] = name
    names = data_names[:n_in] + out_names + (data_names[n_in:] if has_targets else [])
    rows = []
    for r in range(X.shape[0]):
        cells = [repr(float(v)) for v in X[r]] + [repr(float(v)) for v in P[r]]
        if labels is not None:
            cells.append(_label(labels[r]))
        if Y is not None:
            cells += [_label(v) if classes else repr(float(v)) for v in Y[r]]
        rows.append(",".join(cells))
    text = ",".join(map(_csv_name, names)) + "\n" + "".join(row + "\n" for row in rows)

    if has_targets:
        _report_fit(model, P, Y, labels, classes, table.source)
    if args.out:
        _writing(args.out, lambda: atomic_write_text(args.out, text))
        print(f"wrote {_plural(len(rows), 'prediction')} to {args.out}", file=sys.stderr, flush=True)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_OK


def _model_columns(model, table: _Table, targets_needed: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """The model's raw inputs and (when given) targets from a table whose columns match them by position."""
    n_in = model.n_inputs
    classes = model.classes
    n_t = 1 if classes else len(model.target_names)  # a class model's targets are one label column
    n_cols = len(table.names)
    what = "1 label column" if classes else _plural(n_t, "target column")
    if n_cols == n_in and not targets_needed:
        has_targets = False
    elif n_cols == n_in + n_t:
        has_targets = True
    elif targets_needed:
        raise DataError(
            f"has {_plural(n_cols, 'column')}, but the model takes {_plural(n_in, 'input')} "
            f"({', '.join(model.input_names)}) and {what}: expected {n_in + n_t} columns "
            f"(inputs then targets)", file=table.source)
    else:
        raise DataError(
            f"has {_plural(n_cols, 'column')}, but the model takes {_plural(n_in, 'input')} "
            f"({', '.join(model.input_names)}) and {what}: expected {n_in} columns "
            f"(inputs only) or {n_in + n_t} (inputs then targets)", file=table.source)
    given_inputs = table.names[:n_in]
    if tuple(given_inputs) != tuple(model.input_names):
        _warn(f"{table.source}: the input columns ({', '.join(given_inputs)}) are not named like the "
              f"model's inputs ({', '.join(model.input_names)}); matching them by position")
    X = np.ascontiguousarray(table.values[:, :n_in])
    return X, (np.ascontiguousarray(table.values[:, n_in:]) if has_targets else None)


def _report_fit(model, P, Y, labels, classes, source: str) -> None:
    """Loss (the model's) and, for classification, accuracy on stderr."""
    from .trainer import accuracy, is_classification

    loss = get_loss(model.architecture.loss)
    if classes:
        truth = Y[:, 0]
        index = {c: i for i, c in enumerate(classes)}
        unknown = sorted({float(v) for v in truth if float(v) not in index})
        acc = float(np.mean(labels == truth)) if truth.size else float("nan")
        if unknown:
            _warn(f"{source}: labels {', '.join(map(_label, unknown))} are not among the model's classes "
                  f"({', '.join(map(_label, classes))}); no loss is computed")
        else:
            one_hot = np.zeros_like(P)
            one_hot[np.arange(truth.size), [index[float(v)] for v in truth]] = 1.0
            with np.errstate(all="ignore"):
                print(f"loss ({loss.name}): {float(loss.value(P, one_hot))!r}", file=sys.stderr)
        print(f"accuracy: {acc * 100:.1f}%", file=sys.stderr, flush=True)
        return
    with np.errstate(all="ignore"):
        print(f"loss ({loss.name}): {float(loss.value(P, Y))!r}", file=sys.stderr)
    if is_classification(Y, False, model.architecture.output_activation):
        print(f"accuracy: {accuracy(P, Y, False) * 100:.1f}%", file=sys.stderr)
    sys.stderr.flush()


# ---------------------------------------------------------------------------
# evaluate
# ---------------------------------------------------------------------------


def cmd_evaluate(args) -> int:
    import json

    from .metrics import evaluate_model
    from .modelfile import load_model

    model = load_model(args.model)
    table = _read_table(args.data)
    X, Y = _model_columns(model, table, targets_needed=True)
    try:
        result = evaluate_model(model, X, Y)
    except ValueError as exc:  # a label the model does not know
        detail, row = exc.args
        raise DataError(detail, file=table.source, row=row + 1, column=table.names[model.n_inputs]) from None
    if args.json:
        print(json.dumps(result.to_dict(), allow_nan=False))
    else:
        for line in _evaluation_lines(result, model.architecture.loss):
            print(line)
    sys.stdout.flush()
    return EXIT_OK


def _evaluation_lines(result, loss: str) -> list[str]:
    """The figures as text: loss, accuracy, the confusion matrix with row percentages, AUC; or RMSE, MAE, R2."""
    lines = [f"rows: {result.rows}", f"loss ({loss}): {_fmt(result.loss)}"]
    if not result.is_classification:
        r2 = "undefined (a target column is constant)" if not np.isfinite(result.r2) else _fmt(result.r2)
        return lines + [f"RMSE: {_fmt(result.rmse)}", f"MAE: {_fmt(result.mae)}", f"R2: {r2}"]
    right = int(np.trace(result.confusion))
    lines.append(f"accuracy: {result.accuracy * 100:.1f}% ({right} of {result.rows} rows)")
    lines.append("confusion matrix (rows: true class, columns: predicted class; count and % of the true class):")
    labels = [_label(c) for c in result.classes]
    cells = [[f"{int(n)} ({p:.1f}%)" if np.isfinite(p) else f"{int(n)}" for n, p in zip(row, pct)]
             for row, pct in zip(result.confusion, result.confusion_percent)]
    head = "true \\ predicted"
    first = max(len(head), *map(len, labels))
    widths = [max(len(labels[j]), *(len(row[j]) for row in cells)) for j in range(len(labels))]
    lines.append("  ".join([head.ljust(first), *(lab.rjust(w) for lab, w in zip(labels, widths))]).rstrip())
    for lab, row in zip(labels, cells):
        lines.append("  ".join([lab.ljust(first), *(c.rjust(w) for c, w in zip(row, widths))]))
    if result.roc is not None:
        auc = result.roc.auc
        lines.append(f"AUC: {_fmt(auc)}" if np.isfinite(auc) else "AUC: undefined (only one class among the rows)")
    return lines


# ---------------------------------------------------------------------------
# generate
# ---------------------------------------------------------------------------


def cmd_generate(args) -> int:
    from .generate import check, generate, split

    if args.validation and not args.val_out:
        raise CliError("--validation needs --val-out VAL.csv (the file for the held-out rows)")
    if args.val_out and not args.validation:
        raise CliError("--val-out needs --validation F (the fraction of the rows to hold out)")
    for flag, path in (("--out", args.out), ("--val-out", args.val_out)):
        if path:
            _check_out_path(path, flag)
    if args.out and args.val_out and os.path.abspath(args.out) == os.path.abspath(args.val_out):
        raise CliError("--out and --val-out name the same file")
    flags = {"name": "NAME", "rows": "--rows", "noise": "--noise", "seed": "--seed", "validation": "--validation"}
    try:
        check(args.name, args.rows, args.noise, args.seed, args.validation)
        dataset = generate(args.name, args.rows, args.noise, args.seed)
    except ConfigError as exc:
        raise CliError(f"{flags.get(exc.field, exc.field)}: {exc.detail}") from None
    train, val = split(dataset, args.validation)
    about = f"nngui generate {args.name} --rows {args.rows} --noise {args.noise!r} --seed {args.seed}"
    if val is not None:
        about += f" --validation {args.validation!r}"
    parts = [(args.out, train, about + (": the training rows" if val is not None else "")),
             (args.val_out, val, about + ": the validation rows")]
    for path, part, comment in parts:
        if part is None:
            continue
        text = csv_text(part, comments=[comment], file=os.path.basename(path) if path else None)
        if path:
            _writing(path, lambda: atomic_write_text(path, text))
            print(f"wrote {_plural(part.n_samples, 'row')} to {path}", file=sys.stderr, flush=True)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    return EXIT_OK


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------


def cmd_export(args) -> int:
    from .export_python import ExportError
    from .modelfile import load_model

    _check_out_path(args.out)
    model = load_model(args.model)
    try:
        if args.format == "onnx":
            for flag, given in (("--data", args.data), ("--targets", args.targets),
                                ("--from-scratch", args.from_scratch)):
                if given:
                    _warn(f"{flag} has no effect with --format onnx")
            from .export_onnx import to_onnx

            _writing(args.out, lambda: to_onnx(model, args.out, dtype=args.dtype or "float32"))
        elif args.format == "c":
            for flag, given in (("--data", args.data), ("--targets", args.targets),
                                ("--from-scratch", args.from_scratch), ("--dtype", args.dtype)):
                if given:
                    _warn(f"{flag} has no effect with --format c (the header computes in float)")
            from .export_c import to_c

            _writing(args.out, lambda: to_c(model, args.out))
        else:
            if args.dtype:
                _warn("--dtype has no effect with --format python (the script trains in the model's dtype)")
            text = _python_export(model, args)
            _writing(args.out, lambda: atomic_write_text(args.out, text))
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {args.out}", file=sys.stderr, flush=True)
    return EXIT_OK


def _python_export(model, args) -> str:
    from .export_python import python_script
    from .trainer import targets_for

    if args.data is not None:
        targets = args.targets if args.targets is not None else (
            1 if model.classes else len(model.target_names))
        dataset = read_csv(args.data, targets=targets)
        where = f"--data {args.data}"
    elif model.data is not None:
        if args.targets is not None:
            _warn("--targets has no effect without --data")
        dataset = Dataset(model.data["inputs"], model.data["targets"], model.input_names,
                          model.target_names, os.path.basename(args.model))
        where = f"{args.model} (its data)"
    else:
        raise CliError(f"{args.model} holds no training data, and a python export embeds the data: "
                       "give --data DATA.csv (or save the model with --include-data)")
    config = model.config()
    name = os.path.basename(args.model)
    try:
        if args.from_scratch:
            missing = [k for k in ("seed", "optimizer", "learning_rate", "init")
                       if (model.training or {}).get(k) is None]
            if missing:
                raise CliError(f"{args.model} does not record how it was trained (no training."
                               f"{', training.'.join(missing)}), so --from-scratch cannot reproduce it")
            epochs = _epochs_done(model) or config.epochs
            if epochs == 0:
                raise CliError(f"{args.model} records no epochs (neither done nor a target), so "
                               "--from-scratch cannot know how long to train")
            return python_script(dataset, config, epochs=epochs,
                                 title=f"{name}: trained again from scratch (seed {config.seed})")
        kind = model.normalization.kind if model.normalization is not None else "none"
        config = config.replace(normalize=kind)
        _, classes = targets_for(dataset, config)
        if model.classes is not None and classes is not None and tuple(classes) != tuple(model.classes):
            raise CliError(f"{where}: the class labels ({', '.join(map(_label, classes))}) are not the "
                           f"model's ({', '.join(map(_label, model.classes))})")
        return python_script(dataset, config, start=model.network(), normalizer=model.normalization,
                             epochs=0, title=f"{name}: the trained network and its data")
    except ConfigError as exc:
        if exc.field == "architecture":
            raise CliError(f"{where} does not fit {args.model}: {exc.detail}") from None
        raise CliError(f"{args.model}: {exc}") from None
