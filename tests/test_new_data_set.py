"""File > New data set…: the dialog built from the generators' registry, its preview, refusals and OK."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import find
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox

from core.config import ConfigError
from core.generate import GENERATORS, check, generate
from nngui.files.new_data_set import NewDataSetDialog, apply_new_data_set, preview_colours
from nngui.views.decision_map import class_colours, diverging
from nngui.support.palettes import get_palette


def open_dialog(qtbot, w) -> NewDataSetDialog:
    w.new_data_set_action.trigger()
    dialog = w.findChild(NewDataSetDialog, "newDataSetDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill(qtbot, dialog, name, rows, noise_percent, seed, validation, typed=False) -> None:
    """Set the dialog's widgets (``typed``: type each value and Tab on, as a user would); the preview
    follows after a pause."""
    combo = find(dialog, "generatorCombo", QComboBox)
    combo.setCurrentIndex(combo.findData(name))
    for obj, value in (("rowsSpin", rows), ("noiseSpin", noise_percent), ("seedSpin", seed),
                       ("validationShareSpin", validation)):
        spin = find(dialog, obj, QDoubleSpinBox if obj in ("noiseSpin", "validationShareSpin") else QSpinBox)
        if typed:  # the value follows the keys (the preview waits for a pause)
            spin.lineEdit().selectAll()
            qtbot.keyClicks(spin.lineEdit(), str(value))
        else:
            spin.setValue(value)
    qtbot.waitUntil(lambda: not dialog.preview_pending(), timeout=3000)


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_generator_combo_is_the_registry(qtbot, window):
    dialog = open_dialog(qtbot, window)
    combo = find(dialog, "generatorCombo", QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == list(GENERATORS)
    assert [combo.itemText(i) for i in range(combo.count())] == [g.title for g in GENERATORS.values()]
    assert window.new_data_set_action in window.findChild(type(window.menuBar().actions()[0].menu()),
                                                          "fileMenu").actions()
    dialog.reject()


@pytest.mark.parametrize("name,rows,noise,seed,validation", [
    ("circle", 200, 10, 3, 0.25), ("spiral", 150, 20, 7, 0.0), ("moons", 99, 50, 1, 0.5),
    ("plane", 60, 5, 2, 0.1), ("sine", 40, 0, 11, 0.2),
])
def test_ok_replaces_the_table_with_the_generators_rows_in_one_undo_step(qtbot, window, name, rows, noise, seed,
                                                                         validation):
    before = (window.data_model.names(), window.data_model.values(), window.data_model.roles())
    steps = window.undo_stack.count()
    dialog = open_dialog(qtbot, window)
    fill(qtbot, dialog, name, rows, noise, seed, validation, typed=True)
    assert dialog.settings() == {"name": name, "rows": rows, "noise": noise / 100, "seed": seed,
                                 "validation": validation}
    assert dialog.problem() is None and ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    ds = generate(name, rows, noise / 100, seed)
    dm = window.data_model
    k = ds.n_inputs
    assert dm.names() == [f"x{i}" for i in range(1, k + 1)] + ["y"] and dm.roles() == ["input"] * k + ["target"]
    assert np.array_equal(dm.values(), np.hstack([ds.X, ds.Y]))  # bit for bit
    assert window.settings_panel.config().validation == validation
    assert window.undo_stack.count() == steps + 1 and "New data set" in window.undo_stack.undoText()
    t = window.controller.trainer
    if t is not None:  # (a spiral under the preset's sigmoid output cannot train: the banner says why)
        assert t.epoch == 0 and t.dataset.n_samples == rows and len(t.val_rows) == round(validation * rows)
    window.undo_stack.undo()
    assert (dm.names(), dm.roles()) == (before[0], before[2]) and np.array_equal(dm.values(), before[1],
                                                                              equal_nan=True)
    window.undo_stack.redo()
    assert np.array_equal(dm.values(), np.hstack([ds.X, ds.Y]))


def test_the_preview_shows_the_rows_coloured_by_class_or_value(qtbot, window):
    dialog = open_dialog(qtbot, window)
    fill(qtbot, dialog, "spiral", 300, 10, 5, 0)
    ds = generate("spiral", 300, 0.1, 5)
    x, y = dialog.scatter.getData()
    assert np.array_equal(x, ds.X[:, 0]) and np.array_equal(y, ds.X[:, 1])
    colours = np.array([[b.color().red(), b.color().green(), b.color().blue()]
                        for b in dialog.scatter.data["brush"]])
    expected = np.rint(class_colours(3, get_palette("default"))[ds.Y[:, 0].astype(int)])
    assert np.array_equal(colours, expected)
    assert find(dialog, "newDataSetSummary", QLabel).text() == "300 rows (class 0: 100, class 1: 100, class 2: 100)"
    fill(qtbot, dialog, "sine", 50, 0, 1, 0.2)  # one input: the target against it, coloured by value
    ds = generate("sine", 50, 0.0, 1)
    x, y = dialog.scatter.getData()
    assert np.array_equal(x, ds.X[:, 0]) and np.array_equal(y, ds.Y[:, 0])
    t = (ds.Y[:, 0] - (ds.Y.max() + ds.Y.min()) / 2) / ((ds.Y.max() - ds.Y.min()) / 2)
    assert np.array_equal(preview_colours(ds, 0), diverging(t, get_palette("default")))
    assert "10 held out for validation" in find(dialog, "newDataSetSummary", QLabel).text()
    dialog.reject()
    assert window.undo_stack.count() == 0  # Cancel leaves the table as it was


def test_regenerate_draws_new_rows_with_a_new_seed(qtbot, window):
    dialog = open_dialog(qtbot, window)
    fill(qtbot, dialog, "gauss", 120, 30, 4, 0)
    first = dialog.data.X.copy()
    qtbot.mouseClick(find(dialog, "regenerateButton", QPushButton), Qt.MouseButton.LeftButton)
    seed = dialog.settings()["seed"]
    assert seed != 4
    assert np.array_equal(dialog.data.X, generate("gauss", 120, 0.3, seed).X)
    assert not np.array_equal(dialog.data.X, first)
    dialog.reject()


@pytest.mark.parametrize("name,rows,noise,seed,validation,field", [
    ("circle", 200, 60, 0, 0, "noise"),  # noise over 50 %
    ("spiral", 2, 0, 0, 0, "rows"),  # fewer rows than classes
    ("xor", 0, 0, 0, 0, "rows"),
    ("moons", 2_000_000, 0, 0, 0, "rows"),
    ("gauss", 100, 0, 0, 0.95, "validation"),
    ("plane", 2, 0, 0, 0.9, "validation"),  # nothing left to train on
])
def test_absurd_settings_are_refused_with_the_cores_message(qtbot, window, name, rows, noise, seed, validation,
                                                           field):
    with pytest.raises(ConfigError) as core:
        check(name, rows, noise / 100, seed, validation)
    assert core.value.field == field
    dialog = open_dialog(qtbot, window)
    fill(qtbot, dialog, name, rows, noise, seed, validation)
    message = find(dialog, "newDataSetMessage", QLabel)
    assert dialog.problem() == str(core.value) and message.isVisible() and message.text() == str(core.value)
    assert not ok_button(dialog).isEnabled() and dialog.data is None
    dialog.accept()  # Enter on a disabled OK: refused, the dialog stays
    assert dialog.isVisible() and window.undo_stack.count() == 0
    values = window.data_model.values()
    assert not apply_new_data_set(window, name, rows, noise / 100, seed, validation)
    assert window.errors[-1] == ("Cannot make the data set", str(core.value))
    assert np.array_equal(window.data_model.values(), values) and window.undo_stack.count() == 0
    dialog.reject()


def test_the_document_takes_the_data_sets_name(qtbot, window):
    assert apply_new_data_set(window, "xor", 80, 0.05, 9, 0.0)
    assert window.document.name == "xor" and window.document.modified
    assert window.windowTitle().startswith("xor")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_data_tools_fit_at_1280x720(qtbot, window, language):
    """The Features row, the map's draw controls and the dialog: every text whole, in English and Chinese."""
    from fit_check import unfitting
    from nngui.support import i18n

    try:
        window.resize(1280, 720)
        window.set_language(language)
        window.load_preset("circle")
        editor = window.settings_panel.features_editor
        editor.toggle.setChecked(True)
        editor.boxes["squares"].click()
        window.apply_config(window.settings_panel.config().replace(validation=0.3))
        find(window, "drawPointsButton").click()
        assert find(window, "drawClassCombo").isVisible()
        dialog = open_dialog(qtbot, window)
        fill(qtbot, dialog, "spiral", 300, 20, 1, 0.2)
        qtbot.wait(50)
        assert unfitting(window) == []
        dialog.reject()
    finally:
        i18n.install("en")


def test_the_refusals_are_in_the_windows_language(qtbot, window):
    from nngui.support import i18n

    try:
        window.set_language("zh_CN")
        dialog = open_dialog(qtbot, window)
        fill(qtbot, dialog, "circle", 200, 60, 0, 0)
        assert dialog.problem() == "噪声：必须在 0 到 0.5 之间（0 到 50%），实际为 0.6"
        fill(qtbot, dialog, "spiral", 2, 0, 0, 0)
        assert dialog.problem() == "行数：对于 spiral 必须是 3 到 1,000,000 之间的整数，实际为 2"
        dialog.reject()
        names = [f"x{i}" for i in range(1, 201)] + ["y"]
        window.data_model.set_table(names, np.zeros((3, 201)), ["input"] * 200 + ["target"])
        editor = window.settings_panel.features_editor
        editor.toggle.setChecked(True)
        editor.boxes["products"].click()
        assert not editor.boxes["products"].isChecked()
        assert editor.last_refusal.startswith("输入特征：在 200 个输入上使用 products 会增加 19,900 个派生输入列")
    finally:
        i18n.install("en")
