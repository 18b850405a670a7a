"""The accessible names and descriptions of the window's widgets, in one table keyed by objectName.

Qt already names most controls from their text (buttons, check boxes, menu items) or from the
label they are the buddy of (the settings' fields); this table names the rest (tables, plots, the
diagram, sliders, text views) and describes what a name cannot say (the diagram's and plots' keys).
:func:`name_children` applies it under a widget: the window calls it once it is built, a part built
later (the lesson pane) calls it for itself. A new control either gets its name where it is made
(:func:`nngui.support.accessibility.set_name`) or an entry here; ``tests/test_accessibility.py`` fails
on any control that has neither.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from nngui.support.accessibility import set_name
from nngui.support.i18n import fmt, translate, translated


def names() -> dict[str, tuple[str, str | None]]:
    """objectName -> (accessible name, description or None: the tooltip describes it)."""
    return {
        "timeSlider": (translate("Accessibility", "Time slider"), translate(
            "Accessibility", "Puts every view at a checkpoint of the run: Left and Right move one checkpoint, Page Up "
                             "and Page Down ten, Home goes to the first and End back to live training.")),
        "resumeFromHereButton": (translate("Accessibility", "Resume from here"), translate(
            "Accessibility", "Train on from the checkpoint shown; the run after it stays as a faded curve.")),
        "dataTable": (translate("Accessibility", "Data table"), translate(
            "Accessibility", "The rows the network learns from. Arrow keys move between cells, each read with its "
                             "column name; type to edit, Ctrl+V pastes from a spreadsheet, the menu key opens the "
                             "cell's menu.")),
        "predictionTable": (translate("Accessibility", "Predictions"), translate(
            "Accessibility", "The network's output for every row. Arrow keys move between cells, each read with its "
                             "column name; selecting a row shows its activations in the diagram; Ctrl+C copies.")),
        "networkView": (translate("Accessibility", "Network diagram"), translate(
            "Accessibility", "Units in columns by layer, one line per weight. Up and Down move between the units "
                             "of a layer; Right and Left go along a weight to the next or previous layer; Home and "
                             "End jump to the inputs and the outputs. The unit's bias and activation, or the "
                             "weight, are read out.")),
        "lossPlot": (translate("Accessibility", "Loss plot"), translate(
            "Accessibility", "The loss per epoch. Left and Right move a cursor along the curve, Page Up and Page "
                             "Down by a tenth of it, Home and End to the first and the last epoch, Up and Down "
                             "switch between the training and the validation curve; the loss under the cursor "
                             "is read out.")),
        "decisionMapPlot": (translate("Accessibility", "Decision map"), translate(
            "Accessibility", "The network's output over the plane of the two inputs. Arrow keys move a cursor over "
                             "the plane (Page Up and Page Down take bigger steps, Home goes back to the middle); "
                             "the output under the cursor is read out.")),
        "decisionMapOutputCombo": (translate("Accessibility", "Output shown on the decision map"), None),
        "speedSlider": (translate("Accessibility", "Training speed"), None),
        "qt_toolbar_ext_button": (translate("Accessibility", "More toolbar buttons"), None),
        "statusProgress": (translate("Accessibility", "Training progress"), None),
        "csvLoadProgress": (translate("Accessibility", "CSV loading progress"), None),
        "settingsScroll": (translate("Accessibility", "Settings"), None),
        "mathsTabs": (translate("Accessibility", "Maths inspector"), None),
        "mathsText": (translate("Accessibility", "Forward and backward pass of the selected row"), None),
        "gradientCheckText": (translate("Accessibility", "Gradient check"), None),
        "networkReadout": (translate("Accessibility", "Selected unit or weight"), None),
        "columnMenu": (translate("Accessibility", "Column"), None),
        "rowMenu": (translate("Accessibility", "Row"), None),
        "cellMenu": (translate("Accessibility", "Cells"), None),
        "lessonText": (translate("Accessibility", "Lesson text"), None),
        "lessonReveal": (translate("Accessibility", "What happened"), None),
        "evaluateScroll": (translate("Accessibility", "Evaluate"), None),
        "scheduleCombo": (translate("Accessibility", "Learning-rate schedule"), None),
        "drawClassCombo": (translate("Accessibility", "Class of the points drawn"), None),
        "weightEditorField": (translate("Accessibility", "New value of the weight or bias"), None),
        "seedSpin": (translate("Accessibility", "Seed"), None),
        "newDataSetPreview": (translate("Accessibility", "Preview of the data set"), None),
        "compareToolbar": (translate("Accessibility", "Compare live"), None),
        "compareSettingsScroll": (translate("Accessibility", "Settings of run B"), None),
        "compareLossPlot": (translate("Accessibility", "Loss of both runs"), None),
        "compareSpeedSlider": (translate("Accessibility", "Training speed"), None),
    }


# Qt's own buttons, named by Qt in its own catalogue (qtbase): kept here only so that a language switch at
# run time names them again (Qt names them once, when they are made). Qt's translations, not ours: read
# with ``translated``, which pyside6-lupdate does not extract.
QT_OWN = {"qt_dockwidget_floatbutton": ("QDockWidget", "Float", "Undocks and re-attaches the dock widget"),
          "qt_dockwidget_closebutton": ("QDockWidget", "Close", "Closes the dock widget")}


def name_children(window, root: QWidget | None = None) -> int:
    """Name ``root`` (default: the window) and every object under it found in :func:`names`; how many."""
    table = names()
    for object_name, (context, name, description) in QT_OWN.items():
        table[object_name] = (translated(context, name), translated(context, description))
    root = root if root is not None else window
    done = 0
    for obj in [root, *root.findChildren(QObject)]:
        entry = table.get(obj.objectName()) if isinstance(obj, QWidget) else None
        if entry is not None:
            set_name(obj, entry[0], entry[1], window.retranslator)
            done += 1
    return done


def name_evaluate(view) -> None:
    """The Evaluate tab's figures, confusion matrices and plots, named after what the tab shows beside them
    ("AUC (ROC), Validation", "Confusion matrix, Training"); called again after a language change."""
    def both(what: str, which: str) -> str:
        return fmt(translate("Accessibility", "%1, %2"), what, view.figure_heads[which].text())

    for (name, which), label in view.figure_labels.items():
        label.setAccessibleName(both(view.figure_names[name].text(), which))
    for which, table in view.confusion_views.items():
        table.setAccessibleName(both(view.sections["confusion"].title.text(), which))
    for part, plots in view.plots.items():
        for which, plot in plots.items():
            plot.setAccessibleName(both(view.sections[part].title.text(), which))
    for section in view.sections.values():  # "Figures, Export"
        button = section.export_button
        button.menu().setAccessibleName(fmt(translate("Accessibility", "%1, %2"), section.title.text(), button.text()))
