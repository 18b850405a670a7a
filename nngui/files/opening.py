"""Opening and saving: projects, model files, CSV files, presets, a new project, recent files.

Each operation reads its file completely before it touches the window, so a bad file
leaves everything as it was and says why (:meth:`MainWindow.show_error`). Writes are
atomic (:mod:`core.files`). The window's public methods of the same names call these.
"""

from __future__ import annotations

import json
import os

import numpy as np

from core.config import ConfigError, TrainConfig
from core.data import DataError
from core.modelfile import Model, load_model
from core.presets import get_preset

from nngui.document import PRESET_MARK, UNTITLED, display_name, remember_dir
from nngui.files import recent
from nngui.files.dialogs import DISCARD, SAVE
from nngui.files.project import SUFFIX as PROJECT_SUFFIX
from nngui.files.project import Project
from nngui.files.project import load_project as read_project
from nngui.files.project import save_project as write_project
from nngui.session import output_names
from nngui.support import formatting
from nngui.support.busy import busy_cursor
from nngui.support.core_messages import error_text
from nngui.support.i18n import fmt, translate
from nngui.support.messages import os_error_text
from nngui.views.data_model import ROLE_INPUT, ROLE_TARGET



def open_filters() -> str:
    return translate("MainWindow", "nngui files (*.nngui.json *.json *.csv);;Projects (*.nngui.json);;Model files "
                                   "(*.json);;CSV files (*.csv);;All files (*)")


class FileOps:
    """The window's documents: open, save, import; ``window`` is the :class:`~nngui.main_window.MainWindow`."""

    def __init__(self, window) -> None:
        self.w = window

    @property
    def _doc(self):
        return self.w.document

    # -- choosing a file ----------------------------------------------------------------------------

    def open_name(self, title: str, filters: str) -> str | None:
        path = self.w.dialogs.open_name(title, self._doc.dialog_dir(), filters)
        if path:
            remember_dir(path)
        return path or None

    def save_name(self, title: str, filters: str, suggestion: str, suffix: str) -> str | None:
        """A file to write, with ``suffix`` added when the user typed none; None when cancelled."""
        path = self.w.dialogs.save_name(title, os.path.join(self._doc.dialog_dir(), suggestion), filters)
        if not path:
            return None
        if suffix and not path.lower().endswith(suffix.lower()):
            path += suffix
        remember_dir(path)
        return path

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.open_name(translate("MainWindow", "Open"), open_filters())
        if path:
            self.open_file(path)

    def import_csv_dialog(self) -> None:
        path = self.open_name(translate("MainWindow", "Import CSV"),
                              translate("MainWindow", "CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.w.import_csv(path)

    def import_model_dialog(self) -> None:
        path = self.open_name(translate("MainWindow", "Import weights"),
                              translate("MainWindow", "Model files (*.json);;All files (*)"))
        if path:
            self.import_model(path)

    def save(self) -> bool:
        if self._doc.path:
            return self.save_project(self._doc.path)
        return self.save_as()

    def save_as(self) -> bool:
        path = self.save_name(translate("MainWindow", "Save project"),
                              translate("MainWindow", "nngui projects (*.nngui.json)"), self._doc.stem() + PROJECT_SUFFIX,
                              PROJECT_SUFFIX)
        return self.save_project(path) if path else False

    def open_recent(self, path: str) -> None:
        if not os.path.exists(path):
            self.w.show_error(translate("MainWindow", "Cannot open the file"),
                              fmt(translate("MainWindow", "%1 no longer exists."), path))
            recent.forget(path)
            return
        if self.maybe_save():
            self.open_file(path)

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes: True to go on (saved or discarded), False to cancel."""
        if not self._doc.modified:
            return True
        answer = self.w.dialogs.ask_save(self._doc.title())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # -- new, presets -------------------------------------------------------------------------------

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        values = np.full((4, 3), np.nan)
        self.w.replace_everything(table=(["x1", "x2", "y"], values, [ROLE_INPUT, ROLE_INPUT, ROLE_TARGET]),
                                  config=TrainConfig())
        self._doc.set(None, UNTITLED)
        self.w.show_status(translate("MainWindow", "New project: type or paste numbers into the table (the last "
                                                   "column is the target)."))

    def load_preset(self, name: str) -> None:
        """Replace the table and the settings with a preset, with fresh weights."""
        preset = get_preset(name)
        try:
            ds = preset.dataset()
        except DataError as exc:
            self.w.show_error(translate("MainWindow", "Cannot load the preset"), error_text(exc))
            return
        self.w.replace_everything(ds=ds, config=preset.config)
        self._doc.set(None, preset.name + PRESET_MARK)
        self.w.show_status(fmt(translate("MainWindow", "Preset: %1. %2"), translate("presets", preset.title),
                               translate("presets", preset.description)), 10000)

    # -- projects -----------------------------------------------------------------------------------

    def current_project(self) -> Project:
        """The project as it would be saved (pauses training to read the weights)."""
        w = self.w
        model = w.session.model()
        view = {
            "log_scale": w.loss_plot.log_scale,
            "speed": w.toolbar.speed(),
            "selected_row": w.live.selected_row,
            "show_validation_points": w.show_validation_action.isChecked(),  # the decision map's toggles
            "discretise_output": w.discretise_action.isChecked(),
        }
        dm = w.data_model
        checkpoints = w.controller.checkpoints.all() if model is not None else []  # time travel
        return Project(dm.names(), dm.roles(), dm.values(), w.settings_panel.config(), model, view, checkpoints)

    def save_project(self, path: str | os.PathLike) -> bool:
        """Write the project file (atomic); False (with a message) when it cannot be written."""
        path = os.fspath(path)
        controller = self.w.controller
        was_running = controller.is_running()
        try:
            with busy_cursor():  # a big project takes seconds (restored before a message is shown)
                write_project(path, self.current_project())
        except (DataError, OSError) as exc:
            self.w.show_error(translate("MainWindow", "Cannot save the project"), os_error_text(exc, path))
            return False
        finally:
            if was_running:
                controller.resume()
        self._doc.saved_as(path)
        recent.add_recent(path)
        self.w.show_status(fmt(translate("MainWindow", "Saved %1"), path), 5000)
        return True

    def load_project(self, path: str | os.PathLike) -> bool:
        """Open a project file; on any problem a message and nothing changes."""
        path = os.fspath(path)
        project = self._read(read_project, path, translate("MainWindow", "Cannot open the project"))
        if project is None:
            return False
        self.w.replace_everything(table=(project.names, project.values, project.roles), config=project.config,
                                  model=project.model)
        self.w.time_travel.load(project.checkpoints)
        self.apply_view(project.view)
        self._doc.saved_as(path)
        recent.add_recent(path)
        self.w.show_status(fmt(translate("MainWindow", "Opened %1"), path), 5000)
        return True

    def apply_view(self, view: dict) -> None:
        """A project's view settings (log scale, the decision map's toggles, speed, selected row); anything
        malformed is ignored."""
        if not isinstance(view, dict):
            return
        w = self.w
        for key, action in (("log_scale", w.log_action), ("show_validation_points", w.show_validation_action),
                            ("discretise_output", w.discretise_action)):
            if isinstance(view.get(key), bool):
                action.setChecked(view[key])
        speed = view.get("speed")
        if isinstance(speed, (int, float)) and not isinstance(speed, bool):
            w.set_speed(float(speed))
        row = view.get("selected_row")
        if isinstance(row, int) and 0 <= row < w.prediction_model.rowCount():
            w.prediction_view.select_source_row(row)

    def open_file(self, path: str | os.PathLike) -> bool:
        """Open a project (.nngui.json), a model file (format nngui-model) or a CSV file."""
        path = os.fspath(path)
        if path.lower().endswith((".csv", ".tsv", ".txt")):
            return self.w.import_csv(path)
        if json_format(path) == "nngui-model":
            return self.open_model(path)
        return self.load_project(path)

    # -- model files --------------------------------------------------------------------------------

    def open_model(self, path: str | os.PathLike) -> bool:
        """Open a model file as a new project: its data (if any), settings and weights."""
        path = os.fspath(path)
        model = self._read(load_model, path, translate("MainWindow", "Cannot open the model file"))
        if model is None:
            return False
        ok = self._import_model(model, replace_table=True)
        self._doc.set(None, display_name(path))
        recent.add_recent(path)
        return ok

    def import_model(self, path: str | os.PathLike) -> bool:
        """Architecture and weights from a model file; the diagram, settings and predictions follow."""
        path = os.fspath(path)
        model = self._read(load_model, path, translate("MainWindow", "Cannot import the weights"))
        if model is None:
            return False
        ok = self._import_model(model, replace_table=False)
        if ok:
            self._doc.set_modified(True)
            self.w.show_status(fmt(translate("MainWindow", "Imported the weights from %1 (epoch %2)."),
                                   os.path.basename(path), formatting.integer(model.epochs_done)), 8000)
        return ok

    def _import_model(self, model: Model, replace_table: bool) -> bool:
        w = self.w
        arch = model.architecture
        dm = w.data_model
        n_in = len(dm.input_columns())
        fits = model.n_inputs == n_in and self._targets_fit(model)  # raw inputs: sizes[0] counts the features
        table = None
        names = [*model.input_names, *model.target_names]
        roles = [ROLE_INPUT] * len(model.input_names) + [ROLE_TARGET] * len(model.target_names)
        if replace_table or not fits:
            if model.data is not None:
                table = (names, np.hstack([model.data["inputs"], model.data["targets"]]), roles)
            elif not replace_table:
                w.show_error(
                    translate("MainWindow", "Cannot import the weights"),
                    fmt(translate("MainWindow", "The model takes %1 inputs and gives %2 outputs, but the table has %3 "
                                                "input and %4 target columns, and the model file holds no data. "
                                                "Arrange the table's columns to match, then import again."),
                        model.n_inputs, arch.sizes[-1], n_in, len(dm.target_columns())))
                return False
            else:
                table = (names, np.full((1, len(names)), np.nan), roles)
        try:
            config = model.config()
            config.check()
        except ConfigError as exc:
            w.show_error(translate("MainWindow", "Cannot import the weights"), error_text(exc))
            return False
        session = w.session
        if table is not None:
            ok = w.replace_everything(table=table, config=config, model=model)
        else:  # the table stays; the weights and the settings are the model's
            w.live.clear_plot()
            w.banners.divergence.hide()
            ok = session.load_weights(config, model)
        if not ok and session.carry is not None:
            # No usable rows yet: show the imported network anyway, its loss curve, and what to add.
            w.live.show_network(arch, model.input_names, output_names(model.target_names, model.classes),
                                model.layers, model.features)
            history = model.history()
            if len(history):
                w.loss_plot.set_curves(history.curve(), None)
            if model.data is None:
                text = fmt(translate("MainWindow", "This model file holds a trained network but no data. To see its "
                                                   "predictions, paste or import rows with the columns %1 (inputs) "
                                                   "and %2 (target); Train goes on from these weights."),
                           ", ".join(model.input_names), ", ".join(model.target_names))
                w.banners.show_notice(text, calm=True)
                w.show_status(text, 15000)
        return True

    def _read(self, read, path: str, title: str):
        """``read(path)``, or None after telling the user why it cannot be read (a DataError names the place)."""
        try:
            with busy_cursor():  # a big file takes seconds (restored before a message is shown)
                return read(path)
        except DataError as exc:  # ModelFileError is one
            self.w.show_error(title, error_text(exc))
            return None

    def _targets_fit(self, model: Model) -> bool:
        n_t = len(self.w.data_model.target_columns())
        if model.classes is None:
            return n_t == model.architecture.sizes[-1]
        return n_t == 1


def json_format(path: str) -> str | None:
    """The "format" field of a JSON file (None when unreadable or not JSON)."""
    try:
        with open(path, "rb") as handle:
            d = json.loads(handle.read(1_000_000_000).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return d.get("format") if isinstance(d, dict) else None
