"""File > Export as Python script… and Export to ONNX…: the window's side of :mod:`core.export_python`
and :mod:`core.export_onnx`.

- The Python script holds the table's data, the architecture and the settings and trains
  from scratch (the settings' seed), so it prints the final loss the app reaches when it
  trains these settings from Reset: ``epochs`` is the settings' epoch target, or where
  the app stopped when it ran "until stopped" or stopped at 100 % accuracy (the script
  reproduces ``stop_loss`` itself).
- The ONNX graph holds the current weights (and normalisation), float32.

The window's training is paused while the trainer is read and resumed afterwards.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from core.config import ConfigError
from core.data import DataError, atomic_write_text
from core.export_python import ExportError, python_script
from core.modelfile import model_from_trainer
from core.trainer import REACHED_ACCURACY

from nngui.support.i18n import fmt, translate
from nngui.support.messages import describe_os_error


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
    with _paused(window) as t:
        if t is None:
            raise ExportError(window._data_problem or translate("MainWindow", "There is no network yet."))
        epochs = script_epochs(t)
        title = f"{window._stem()}: {'-'.join(map(str, t.network.arch.sizes))} network, seed {t.config.seed}, " \
                f"{epochs} epochs"
        return python_script(t.dataset, t.config, epochs=epochs, title=title), epochs


def _export(window, path: str | os.PathLike, title: str, write) -> str | None:
    """Run ``write(path)``; on a refusal or a write error show it under ``title`` and return None."""
    path = os.fspath(path)
    try:
        return write(path)
    except (ExportError, ConfigError, DataError) as exc:
        window.show_error(title, str(exc))
    except OSError as exc:
        window.show_error(title, describe_os_error(exc, path))
    return None


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


def export_onnx(window, path: str | os.PathLike) -> bool:
    from core.export_onnx import to_onnx

    def write(p):
        with _paused(window) as t:
            if t is None:
                raise ExportError(window._data_problem or translate("MainWindow", "There is no network yet."))
            model = model_from_trainer(t)
        to_onnx(model, p)
        return p

    if _export(window, path, translate("MainWindow", "Cannot export to ONNX"), write) is None:
        return False
    window.show_status(fmt(translate("MainWindow", "ONNX model saved to %1"), os.fspath(path)), 5000)
    return True
