"""File > Export…: the table, the weights, the predictions, pictures, a Python script, ONNX.

- The Python script holds the table's data, the architecture and the settings and trains
  from scratch (the settings' seed), so it prints the final loss the app reaches when it
  trains these settings from Reset: ``epochs`` is the settings' epoch target, or where
  the app stopped when it ran "until stopped" or stopped at 100 % accuracy (the script
  reproduces ``stop_loss`` itself).
- The ONNX graph holds the current weights (and normalisation), float32; onnx is imported
  only when the user exports (its availability is asked with ``importlib.util.find_spec``).

The window's training is paused while the trainer is read and resumed afterwards. Every
write is atomic; a failed one says why (naming the file) and changes nothing.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.config import ConfigError
from core.data import DataError, atomic_write_text, write_csv
from core.export_python import ExportError, python_script
from core.modelfile import model_from_trainer, save_model
from core.trainer import REACHED_ACCURACY

from nngui.support.busy import busy_cursor
from nngui.support.core_messages import error_text
from nngui.support.formatting import exact
from nngui.support.i18n import fmt, translate
from nngui.support.messages import describe_os_error
from nngui.views.data_model import ROLE_INPUT, ROLE_TARGET


def onnx_state() -> tuple[bool, str]:
    """(available, tooltip) for the Export to ONNX action."""
    from core.export_onnx import INSTALL_HINT, onnx_available

    if onnx_available():
        return True, translate("MainWindow", "Save the trained network as an ONNX model (float32) for other "
                                             "frameworks")
    return False, fmt(translate("MainWindow", "Needs the optional onnx package: %1"), INSTALL_HINT)


@contextmanager
def _paused(window):
    c = window.controller
    was_running = c.is_running()
    c.pause(wait=True)
    try:
        yield c.trainer
    finally:
        if was_running:
            c.resume()


@contextmanager
def _trainer(window):
    """The paused trainer (resumed afterwards); ExportError saying why when there is none."""
    with _paused(window) as t:
        if t is None:
            raise ExportError(window.session.data_problem or translate("MainWindow", "There is no network yet."))
        yield t


def script_epochs(trainer) -> int:
    """How many epochs the script trains (see the module's docstring)."""
    cfg = trainer.config
    if trainer.reached == REACHED_ACCURACY or (cfg.epochs == 0 and trainer.epoch > 0):
        return int(trainer.epoch)
    if cfg.epochs == 0:
        raise ExportError(translate("MainWindow", "The settings train until stopped (Epochs 0): train first, or "
                                                  "set a number of epochs, so that the script knows how long to "
                                                  "train."))
    return int(cfg.epochs)


def python_source(window) -> tuple[str, int]:
    """The script's text and the epochs it trains, for the window's data and settings."""
    with _trainer(window) as t:
        epochs = script_epochs(t)
        title = f"{window.document.stem()}: {'-'.join(map(str, t.network.arch.sizes))} network, seed {t.config.seed}, " \
            f"{epochs} epochs"
        return python_script(t.dataset, t.config, epochs=epochs, title=title), epochs


def _export(window, path: str | os.PathLike, title: str, write) -> str | None:
    """Run ``write(path)``; on a refusal or a write error show it under ``title`` and return None."""
    path = os.fspath(path)
    try:
        with busy_cursor():  # (restored before a message is shown)
            return write(path)
    except (ExportError, ConfigError, DataError) as exc:
        window.show_error(title, error_text(exc))
    except OSError as exc:
        window.show_error(title, describe_os_error(exc, path))
    return None


def _export_done(window, path, title: str, write, done: str) -> bool:
    """``_export``, then ``done`` (with the path for %1) in the status bar."""
    if _export(window, path, title, write) is None:
        return False
    window.show_status(fmt(done, os.fspath(path)), 5000)
    return True


def export_python(window, path: str | os.PathLike) -> bool:
    def write(p):
        text, epochs = python_source(window)
        atomic_write_text(p, text)
        return epochs

    epochs = _export(window, path, translate("MainWindow", "Cannot export the Python script"), write)
    if epochs is None:
        return False
    window.show_status(fmt(translate("MainWindow", "Python script saved to %1: it trains these settings from "
                                                   "scratch for %2 epochs and prints the final loss."),
                           os.fspath(path), f"{epochs:,}"), 10000)
    return True


def _model_export(window, path, writer, title: str, done: str) -> bool:
    """Export the current network's model through ``writer(model, path)``."""
    def write(p):
        with _trainer(window) as t:
            model = model_from_trainer(t)
        writer(model, p)
        return p

    return _export_done(window, path, title, write, done)


def export_onnx(window, path: str | os.PathLike) -> bool:
    from core.export_onnx import to_onnx

    return _model_export(window, path, to_onnx, translate("MainWindow", "Cannot export to ONNX"),
                         translate("MainWindow", "ONNX model saved to %1"))


def export_c(window, path: str | os.PathLike) -> bool:
    """The network as a header-only C99 file (nngui_predict on raw inputs)."""
    from core.export_c import to_c

    return _model_export(window, path, to_c, translate("MainWindow", "Cannot export the C header"),
                         translate("MainWindow", "C header saved to %1"))


def export_worksheet(window, path: str | os.PathLike) -> bool:
    """The student's and the teacher's worksheet (HTML and PDF) of one training step for the selected row."""
    from core import inspect as ins

    from nngui.files.worksheet import PDF_MAX_UNITS, write_worksheets

    def write(p):
        with _trainer(window) as t:
            session = ins.Session.from_trainer(t)
            net = ins.network(t.network.arch, t.weights())
            lr = float(t.learning_rate)
        row = window.live.selected_row if 0 <= window.live.selected_row < session.X.shape[0] else 0
        title = fmt(translate("MainWindow", "%1: one training step by hand"), window.document.stem())
        return write_worksheets(net, session, row, lr, p, title)

    files = _export(window, path, translate("MainWindow", "Cannot export the worksheet"), write)
    if files is None:
        return False
    names = os.path.basename(files["html"]), os.path.basename(files["answers_html"])
    if "pdf" in files:
        done = translate("MainWindow", "Worksheet saved: %1 and %2 (with the answers), as HTML and PDF")
        window.show_status(fmt(done, *names), 8000)
    else:
        window.show_status(fmt(translate("MainWindow", "Worksheet saved: %1 and %2 (with the answers), as HTML only: "
                                                       "layers of more than %3 units do not fit a PDF page (print the "
                                                       "HTML from a browser)"), *names, PDF_MAX_UNITS), 12000)
    return True


def export_sound(window, path: str | os.PathLike) -> bool:
    """The loss curve as a WAV file: pitch follows the loss (log scale), a click every 10 % of the epochs."""
    from core.sound import write_loss_wav

    def write(p):
        rep = window.session.report
        if rep is None or len(rep.train_curve[0]) == 0:
            raise ExportError(translate("MainWindow", "There is no loss curve yet: train first."))
        try:
            write_loss_wav(p, *rep.train_curve)
        except ValueError as exc:
            raise ExportError(str(exc)) from None
        return p

    return _export_done(window, path, translate("MainWindow", "Cannot export the loss as sound"), write,
                        translate("MainWindow", "Loss curve saved as sound to %1: high pitch is high loss, a click "
                                                "every 10 % of the epochs"))


def export_model(window, path: str | os.PathLike) -> bool:
    """Save the network as the core's model file (atomic)."""
    return _model_export(window, path, save_model, translate("MainWindow", "Cannot export the weights"),
                         translate("MainWindow", "Weights saved to %1"))


def export_csv(window, path: str | os.PathLike) -> bool:
    """The table as CSV: inputs first, then targets (as CSV import reads them back)."""
    model = window.data_model
    names, values, roles = model.names(), model.values(), model.roles()
    order = [i for i, r in enumerate(roles) if r == ROLE_INPUT] + [i for i, r in enumerate(roles) if r == ROLE_TARGET]
    targets = ", ".join(names[i] for i in order if roles[i] == ROLE_TARGET)

    def write(p):
        write_csv(p, [names[i] for i in order], values[:, order], comments=[f"nngui table; targets: {targets}"])
        return p

    return _export_done(window, path, translate("MainWindow", "Cannot export the CSV file"), write,
                        translate("MainWindow", "Table saved to %1"))


def export_predictions(window, path: str | os.PathLike) -> bool:
    """Inputs, targets, predictions and errors (or classes and probabilities) as CSV."""
    path = os.fspath(path)
    session = window.session
    rep, ds = session.report, session.dataset
    if rep is None or ds is None or rep.predictions.shape[0] != ds.n_samples:
        window.show_error(translate("MainWindow", "Cannot export the predictions"),
                          session.data_problem or translate("MainWindow", "There are no predictions yet."))
        return False
    P = np.asarray(rep.predictions, dtype=np.float64)
    names = list(ds.input_names)
    cols = [ds.X]
    if session.classes is not None:
        classes = np.asarray(session.classes)
        label = ds.target_names[0]
        idx = np.argmax(P, axis=1)
        names += [label, "predicted class", "probability"] + [f"p({label}={exact(float(c))})" for c in classes]
        cols += [ds.Y[:, :1], classes[idx].reshape(-1, 1), P[np.arange(len(P)), idx].reshape(-1, 1), P]
    else:
        for k, t in enumerate(ds.target_names):
            names += [t, f"{t} predicted", f"{t} error"]
            cols += [ds.Y[:, k : k + 1], P[:, k : k + 1], np.abs(P[:, k : k + 1] - ds.Y[:, k : k + 1])]

    def write(p):
        write_csv(p, unique(names), np.hstack(cols), comments=[f"nngui predictions after epoch {rep.prediction_epoch}"])
        return p

    return _export_done(window, path, translate("MainWindow", "Cannot export the predictions"), write,
                        translate("MainWindow", "Predictions saved to %1"))


def export_picture(window, view, path: str | os.PathLike, title: str, done: str) -> bool:
    """``view.export_png(path)`` (the loss plot, the diagram); ``title`` names a failure, ``done`` a success."""
    def write(p):
        try:
            view.export_png(p)
        except (ValueError, RuntimeError) as exc:
            raise ExportError(str(exc)) from exc
        return p

    return _export_done(window, path, title, write, done)


def export_loss_plot(window, path: str | os.PathLike) -> bool:
    return export_picture(window, window.loss_plot, path, translate("MainWindow", "Cannot export the loss plot"),
                          translate("MainWindow", "Loss plot saved to %1"))


def export_diagram(window, path: str | os.PathLike) -> bool:
    return export_picture(window, window.network_view, path, translate("MainWindow", "Cannot export the diagram"),
                          translate("MainWindow", "Diagram saved to %1"))


# What each File > Export… dialog asks: its title, file filter, suggested name after the stem, suffix.
DIALOGS = {
    "csv": (QT_TRANSLATE_NOOP("MainWindow", "Export CSV"), QT_TRANSLATE_NOOP("MainWindow", "CSV files (*.csv)"),
            ".csv", ".csv", export_csv),
    "model": (QT_TRANSLATE_NOOP("MainWindow", "Export weights"),
              QT_TRANSLATE_NOOP("MainWindow", "Model files (*.json)"), "-model.json", ".json", export_model),
    "predictions": (QT_TRANSLATE_NOOP("MainWindow", "Export predictions"),
                    QT_TRANSLATE_NOOP("MainWindow", "CSV files (*.csv)"), "-predictions.csv", ".csv",
                    export_predictions),
    "loss": (QT_TRANSLATE_NOOP("MainWindow", "Export loss plot"), QT_TRANSLATE_NOOP("MainWindow", "PNG images (*.png)"),
             "-loss.png", ".png", export_loss_plot),
    "diagram": (QT_TRANSLATE_NOOP("MainWindow", "Export diagram"),
                QT_TRANSLATE_NOOP("MainWindow", "PNG images (*.png)"), "-network.png", ".png", export_diagram),
    "python": (QT_TRANSLATE_NOOP("MainWindow", "Export as Python script"),
               QT_TRANSLATE_NOOP("MainWindow", "Python scripts (*.py)"), ".py", ".py", export_python),
    "onnx": (QT_TRANSLATE_NOOP("MainWindow", "Export to ONNX"),
             QT_TRANSLATE_NOOP("MainWindow", "ONNX models (*.onnx)"), ".onnx", ".onnx", export_onnx),
    "worksheet": (QT_TRANSLATE_NOOP("MainWindow", "Export worksheet"),
                  QT_TRANSLATE_NOOP("MainWindow", "HTML files (*.html)"), "-worksheet.html", ".html", export_worksheet),
    "sound": (QT_TRANSLATE_NOOP("MainWindow", "Export loss as sound"),
              QT_TRANSLATE_NOOP("MainWindow", "WAV sound files (*.wav)"), "-loss.wav", ".wav", export_sound),
    "c": (QT_TRANSLATE_NOOP("MainWindow", "Export as C header"), QT_TRANSLATE_NOOP("MainWindow", "C headers (*.h)"),
          ".h", ".h", export_c),
}


WINDOW_EXPORTS = ("export_model", "export_csv", "export_predictions", "export_loss_plot", "export_diagram",
                  "export_python", "export_onnx", "export_sound", "export_worksheet", "export_c")


def window_method(name: str):
    """``MainWindow.<name>(path)``: the export function ``name`` of this module, as a method of the window."""
    export = globals()[name]

    def method(window, path: str | os.PathLike) -> bool:
        return export(window, path)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = export.__doc__
    return method


def export_dialog(window, kind: str) -> bool:
    """Ask where to save (the standard dialog), then export ``kind`` (a key of :data:`DIALOGS`)."""
    title, filters, tail, suffix, export = DIALOGS[kind]
    stem = window.document.stem()
    if kind == "python":
        stem = stem.replace("-", "_")  # a name Python can import
    path = window.files.save_name(translate("MainWindow", title), translate("MainWindow", filters), stem + tail,
                                  suffix)
    return export(window, path) if path else False


def unique(names: list[str]) -> list[str]:
    """Column names made unique: a repeated "x" becomes "x (2)"."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            n = f"{n} ({seen[n]})"
        else:
            seen[n] = 1
        out.append(n)
    return out
