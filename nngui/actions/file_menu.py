"""File: new, open, recent, save; import and export of tables, weights, scripts and pictures; quit."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from nngui.actions import ActionSpec, add_menu, create_all, fill, set_action_tip
from nngui.files import exports, recent
from nngui.files.exports import onnx_state
from nngui.support.i18n import translate

K = QKeySequence.StandardKey


# The generators' dialog and the animation export (with what they import: ~30 ms) load when first chosen,
# not before the window's first paint (docs/performance.md, issue 17).
def _new_data_set(w) -> None:
    from nngui.files import new_data_set

    new_data_set.open_dialog(w)


def _export_animation(w) -> None:
    from nngui.files import animation

    animation.export_dialog(w)


def actions(w) -> list[ActionSpec]:
    f = w.files
    return [
        ActionSpec("new_action", "newAction", translate("MainWindow", "&New"), w.new_project, K.New,
                   translate("MainWindow", "Start an empty project")),
        ActionSpec("new_data_set_action", "newDataSetAction", translate("MainWindow", "New da&ta set\u2026"),
                   lambda: _new_data_set(w),
                   tip=translate("MainWindow", "Replace the table with generated data (circle, XOR, spiral, ...) with "
                                               "noise, a seed and a validation share")),
        ActionSpec("open_action", "openAction", translate("MainWindow", "&Open\u2026"), f.open_dialog, K.Open,
                   translate("MainWindow", "Open a project, a model file or a CSV file")),
        ActionSpec("save_action", "saveAction", translate("MainWindow", "&Save"), w.save, K.Save,
                   translate("MainWindow", "Save the project")),
        ActionSpec("save_as_action", "saveAsAction", translate("MainWindow", "Save &As\u2026"), w.save_as, K.SaveAs,
                   translate("MainWindow", "Save the project under a new name")),
        ActionSpec("import_csv_action", "importCsvAction", translate("MainWindow", "&Import CSV\u2026"),
                   f.import_csv_dialog,
                   tip=translate("MainWindow", "Replace the table with a CSV file (the last column is the target)")),
        ActionSpec("export_csv_action", "exportCsvAction", translate("MainWindow", "&Export CSV\u2026"),
                   lambda: exports.export_dialog(w, "csv"), tip=translate("MainWindow", "Save the table as a CSV file")),
        ActionSpec("import_model_action", "importModelAction", translate("MainWindow", "Import wei&ghts\u2026"),
                   f.import_model_dialog,
                   tip=translate("MainWindow", "Load a network (architecture and weights) from a model file")),
        ActionSpec("export_model_action", "exportModelAction", translate("MainWindow", "Export &weights (model JSON)\u2026"),
                   lambda: exports.export_dialog(w, "model"),
                   tip=translate("MainWindow", "Save the trained network as a model file for your own code")),
        ActionSpec("export_predictions_action", "exportPredictionsAction",
                   translate("MainWindow", "Export &predictions CSV\u2026"), lambda: exports.export_dialog(w, "predictions"),
                   tip=translate("MainWindow", "Save inputs, targets and predictions as CSV")),
        ActionSpec("export_python_action", "exportPythonAction", translate("MainWindow", "Export as P&ython script\u2026"),
                   lambda: exports.export_dialog(w, "python"),
                   tip=translate("MainWindow", "Save a standalone NumPy script with the data and the settings that trains "
                                        "this network")),
        ActionSpec("export_onnx_action", "exportOnnxAction", translate("MainWindow", "Export to &ONNX\u2026"),
                   lambda: exports.export_dialog(w, "onnx")),
        ActionSpec("export_c_action", "exportCAction", translate("MainWindow", "Export as &C header\u2026"),
                   lambda: exports.export_dialog(w, "c"),
                   tip=translate("MainWindow", "Save the network as one C99 header with nngui_predict() for "
                                        "microcontrollers and other programs")),
        ActionSpec("export_sound_action", "exportSoundAction", translate("MainWindow", "Export loss as &sound\u2026"),
                   lambda: exports.export_dialog(w, "sound"),
                   tip=translate("MainWindow", "Save the loss curve as a WAV file you can listen to: the pitch "
                                        "follows the loss, a click marks every 10 % of the epochs")),
        ActionSpec("export_worksheet_action", "exportWorksheetAction", translate("MainWindow", "Export &worksheet\u2026"),
                   lambda: exports.export_dialog(w, "worksheet"),
                   tip=translate("MainWindow", "Save one training step of the selected row to work out by hand: the "
                                        "student's sheet with blanks and the teacher's with the answers, as HTML and "
                                        "PDF")),
        ActionSpec("export_animation_action", "exportAnimationAction", translate("MainWindow", "Export anima&tion\u2026"),
                   lambda: _export_animation(w),
                   tip=translate("MainWindow", "Save the decision map, the loss curve and the diagram over training as "
                                               "an animated GIF and PNG frames, for slides")),
        ActionSpec("export_loss_action", "exportLossPlotAction", translate("MainWindow", "Export &loss plot PNG\u2026"),
                   lambda: exports.export_dialog(w, "loss"), tip=translate("MainWindow", "Save the loss curve as a picture")),
        ActionSpec("export_diagram_action", "exportDiagramAction", translate("MainWindow", "Export &diagram PNG\u2026"),
                   lambda: exports.export_dialog(w, "diagram"), tip=translate("MainWindow", "Save the network diagram as a picture")),
        ActionSpec("quit_action", "quitAction", translate("MainWindow", "&Quit"), w.close, K.Quit,
                   translate("MainWindow", "Close nngui")),
    ]


def build(w, menubar) -> None:
    specs = actions(w)
    a = dict(zip((s.attr for s in specs), create_all(w, specs)))
    w.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    ok, tip = onnx_state()  # whether the optional onnx package is installed: asked without importing it
    w.export_onnx_action.setEnabled(ok)
    set_action_tip(w.export_onnx_action, tip)
    w.retranslator.keep(w.export_onnx_action, set_action_tip, tip)

    menu = add_menu(w, menubar, translate("MainWindow", "&File"), "fileMenu")
    menu.addAction(a["new_action"])
    menu.addAction(a["new_data_set_action"])
    menu.addAction(a["open_action"])
    w.recent_menu = add_menu(w, menu, translate("MainWindow", "Open &Recent"), "recentMenu")
    w.recent_menu.aboutToShow.connect(lambda: recent.fill_menu(w.recent_menu, w.files.open_recent))
    fill(menu, [[a["save_action"], a["save_as_action"]],
                [a["import_csv_action"], a["export_csv_action"]],
                [a["import_model_action"], a["export_model_action"], a["export_predictions_action"]],
                [a["export_python_action"], a["export_onnx_action"], a["export_c_action"]],
                [a["export_loss_action"], a["export_sound_action"], a["export_diagram_action"],
                 a["export_worksheet_action"], a["export_animation_action"]],
                [a["quit_action"]]])
