"""View: the settings panel, log scale, projector mode, the analysis views, colour palette and language."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from nngui.actions import ActionSpec, add_menu, create_all, fill, set_action_tip
from nngui.support import i18n
from nngui.support.i18n import translate
from nngui.support.palettes import PALETTES


def actions(w) -> list[ActionSpec]:
    return [
        ActionSpec("log_action", "logScaleAction", translate("MainWindow", "Log scale"), w.set_log_scale, "Ctrl+L",
                   translate("MainWindow", "Show the loss on a logarithmic axis"), checkable=True),
        ActionSpec("presentation_action", "presentationAction", translate("MainWindow", "Projector mode"),
                   lambda on: w.set_presentation(on), ("F11", "F5"),
                   translate("MainWindow", "Full screen, bigger fonts, thicker lines and high contrast for a projector"),
                   checkable=True),
        ActionSpec("decision_map_action", "decisionMapAction", translate("MainWindow", "&Decision map"),
                   w.show_decision_map,
                   tip=translate("MainWindow", "The network's output over the plane of two inputs, behind the data"),
                   checkable=True),
        ActionSpec("show_validation_action", "showValidationPointsAction",
                   translate("MainWindow", "Show &validation points"), lambda on: w.decision_map.set_show_validation(on),
                   tip=translate("MainWindow", "Draw the rows held out for validation on the decision map (hollow)"),
                   checkable=True),
        ActionSpec("discretise_action", "discretiseOutputAction", translate("MainWindow", "D&iscretise output"),
                   lambda on: w.decision_map.set_discrete(on),
                   tip=translate("MainWindow", "Colour the decision map by the predicted class only, without blending "
                                               "by probability"), checkable=True),
        ActionSpec("maths_action", "mathsInspectorAction", translate("MainWindow", "&Maths inspector"),
                   w.show_maths_inspector,
                   tip=translate("MainWindow", "The forward and backward pass of the selected row, with the numbers; "
                                        "gradient check")),
        ActionSpec("evaluate_action", "showEvaluateAction", translate("MainWindow", "&Evaluate"), w.show_evaluate,
                   tip=translate("MainWindow", "Loss, accuracy, confusion matrix and ROC, or RMSE, MAE, R² and "
                                               "plots, for the training and the validation rows")),
        ActionSpec("pin_run_action", "pinRunAction", translate("MainWindow", "&Pin this run"), w.pin_run,
                   tip=translate("MainWindow", "Keep this run's loss curve when compared runs are cleared")),
        ActionSpec("clear_runs_action", "clearRunsAction", translate("MainWindow", "Clear compared &runs"), w.clear_runs,
                   tip=translate("MainWindow", "Remove the faded curves of earlier runs from the loss plot (pinned runs "
                                        "stay)")),
    ]


def build(w, menubar) -> None:
    log, presentation, decision_map, show_validation, discretise, maths, evaluate, pin, clear = create_all(w, actions(w))
    decision_map.setChecked(True)  # shown; hidden by itself for data without two inputs
    show_validation.setChecked(True)
    w.views.map_drawing.add_menu_actions([show_validation, discretise])  # the map's context menu too
    keep = w.retranslator.keep
    menu = add_menu(w, menubar, translate("MainWindow", "&View"), "viewMenu")
    toggle = w.settings_dock.toggleViewAction()
    toggle.setObjectName("toggleSettingsAction")
    toggle.setText(keep(toggle, "setText", translate("MainWindow", "&Settings panel")))
    toggle.setIconText(keep(toggle, "setIconText", translate("MainWindow", "Settings")))  # the toolbar's label
    toggle.setShortcut(QKeySequence("Ctrl+,"))
    tip = translate("MainWindow", "Show or hide the settings, to leave more room for the diagram and the loss plot")
    set_action_tip(toggle, keep(toggle, set_action_tip, tip))
    w.toggle_settings_action = toggle
    fill(menu, [[toggle, log, presentation], [decision_map, show_validation, discretise],
                [maths, evaluate, pin, clear]])
    menu.addSeparator()
    w.palette_menu = add_menu(w, menu, translate("MainWindow", "Colour &palette"), "paletteMenu")
    group = QActionGroup(w)
    w.palette_actions = {}
    for name, palette in PALETTES.items():
        label = translate("palettes", palette.label)
        a = QAction(label, w, checkable=True)
        keep(a, "setText", label)
        a.setObjectName(f"palette_{name}")
        a.setChecked(name == "default")
        a.triggered.connect(lambda *_, n=name: w.set_palette(n))
        group.addAction(a)
        w.palette_menu.addAction(a)
        w.palette_actions[name] = a
    w.language_menu = build_language_menu(w, menu)


def build_language_menu(w, parent_menu):
    """View > Language (objectName ``languageMenu``): System default, then each language in its own name.

    Actions are named ``language_system``, ``language_en``, ``language_zh_CN``; choosing one calls
    ``w.set_language(code)``.
    """
    menu = add_menu(w, parent_menu, translate("MainWindow", "&Language"), "languageMenu")
    group = QActionGroup(w)
    w.language_actions = {}
    choices = [(i18n.SYSTEM, translate("MainWindow", "System default"))] + list(i18n.LANGUAGES.items())
    for code, label in choices:
        action = QAction(label, w, checkable=True)
        w.retranslator.keep(action, "setText", label)
        action.setObjectName(f"language_{code}")
        action.setData(code)
        action.triggered.connect(lambda *_, c=code: w.set_language(c))
        group.addAction(action)
        menu.addAction(action)
        w.language_actions[code] = action
    i18n.check_language_menu(w)
    return menu
