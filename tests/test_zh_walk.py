"""Under zh_CN, nothing the window shows is left in English.

The window is built in Simplified Chinese for every preset, before and after training, and
every text it can show is collected: menu titles and actions (text, tooltip, status tip), every
visible widget's text, tooltip, placeholder and title, every combo box item, the headers of the
data and prediction tables, the status-bar fields, banners, hints, the maths inspector, the loss
plot, the decision map and the network diagram (titles, legend, hover texts). Then the messages
the window can show are triggered through the real code paths (bad CSV and JSON files, refused
pastes and cells, divergence, settings that cannot train, refused keys, exports that fail...) and
everything that reaches a banner, the status bar or a message box is collected too.

A text fails when it holds an ASCII word of two or more letters that is not one of:

- data: the table's column names, file paths, and text quoted back in ``'...'`` (what the user typed, a
  file's field names);
- notation: identifiers with a digit, an underscore or a dot (``x1``, ``W2``, ``dA_prev``,
  ``layers[0].bias``, ``*.csv``), the activation functions' registry names used in formulas
  (``sigmoid(Z1)``), and a few mathematical names (:data:`NOTATION`);
- names: formats, libraries, methods and people, kept in Chinese texts as they are (:data:`NAMES`);
- unit symbols and key-cap names (:data:`UNITS`, :data:`KEYS`), and "English" in View > Language
  (each language is listed in its own language).

Each failure names where the text was found.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget, QGraphicsSimpleTextItem,
                               QGraphicsTextItem, QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QTextBrowser,
                               QWidget)

from core.activations import ACTIVATIONS
from core.presets import PRESETS
from nngui.app import create_main_window, train_synchronously
from nngui.support import i18n

NAMES = {  # proper names, formats and abbreviations a Chinese text keeps as they are
    "nngui", "NumPy", "Python", "PyTorch", "Qt", "ONNX", "CSV", "JSON", "PNG", "UTF", "NUL", "SSE", "MSE", "SGD",
    "Adam", "ReLU", "Leaky", "Sigmoid", "Tanh", "Softmax", "Xavier", "Glorot", "He", "Loy", "James", "Fisher",
    "Okabe", "Ito", "XOR", "AND", "OR", "NaN", "Jacobian", "WAV", "HTML", "PDF", "RMSE", "MAE", "ROC", "AUC", "GIF",
}
NOTATION = {"log", "max", "cos", "dZ", "dA", "dW", "db", "rand", "randn", "ce", "bce", "sse", "mse", "onnx", "pip",
            "install", "null", "true", "false"}  # (the last three: JSON's literals, as model and project files hold them)
UNITS = {"px", "ms", "kB", "MB", "GB"}
KEYS = {"Ctrl", "Shift", "Alt", "Esc", "Del", "Home", "End", "PgUp", "PgDn"}
ENDONYMS = set(i18n.LANGUAGES.values())  # View > Language lists each language in its own language
ALLOWED = {w.lower() for w in NAMES | NOTATION | UNITS | KEYS | ENDONYMS} | {a.lower() for a in ACTIVATIONS}


def english_words(text: str, data: set[str]) -> list[str]:
    """The English words left in ``text`` once data, notation, names and units are set aside."""
    t = re.sub(r"<[^>]*>|&\w+;|&#\d+;", " ", str(text))  # HTML tags and entities
    t = re.sub(r"'(?:[^'\\]|\\.)*'", " ", t)  # text quoted back ('abc', 'x1', 'layers[0].bias'): data
    t = re.sub(r"(?:[A-Za-z]:)?(?:[/\\][\w.\-]+){2,}[/\\]?", " ", t)  # file paths: data
    for name in sorted(data, key=len, reverse=True):
        if name:
            t = re.sub(r"(?<![A-Za-z0-9_])" + re.escape(name) + r"(?![A-Za-z0-9_])", " ", t)
    t = re.sub(r"[*]?\.?[A-Za-z_][\w]*(?:[.\[][\w\[\],.]*)+", " ", t)  # dotted / indexed identifiers, *.csv
    t = re.sub(r"\b\w*[\d_]\w*\b", " ", t)  # x1, W2, dA_prev, float32, 1e-3
    t = t.replace("&", "")  # mnemonics: (&F)
    return [w for w in re.findall(r"[A-Za-z]{2,}", t) if w.lower() not in ALLOWED]


class Texts:
    """(where, text) pairs collected from the window."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, text) -> None:
        if text:
            self.items.append((where, str(text)))

    def failures(self, data: set[str]) -> list[str]:
        out, seen = [], set()
        for where, text in self.items:
            words = english_words(text, data)
            if words and (where, text) not in seen:
                seen.add((where, text))
                out.append(f"{where}: {words} in {text!r}")
        return out


def column_names(w) -> set[str]:
    names = set(w.data_model.names())
    model = w.prediction_model
    for c in range(model.columnCount()):
        names.add(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    return names | {n for name in set(names) for n in re.split(r"\s+", name)}


# ------------------------------------------------------------------------------------------- walking


def walk_menu(texts: Texts, menu: QMenu, path: str) -> None:
    menu.aboutToShow.emit()  # menus filled on demand (Open Recent) fill themselves
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} > {action.text() or action.objectName()}"
        texts.add(where, action.text())
        texts.add(where + " (tooltip)", action.toolTip())
        texts.add(where + " (status tip)", action.statusTip())
        if action.menu() is not None:
            texts.add(where + " (accessible name)", action.menu().accessibleName())
            walk_menu(texts, action.menu(), where)


def walk_widgets(texts: Texts, w) -> None:
    for widget in [w, *w.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        texts.add(f"{name} (tooltip)", widget.toolTip())
        texts.add(f"{name} (status tip)", widget.statusTip())
        texts.add(f"{name} (accessible name)", widget.accessibleName())
        texts.add(f"{name} (accessible description)", widget.accessibleDescription())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.add(name, widget.text())
        if isinstance(widget, QGroupBox):
            texts.add(name, widget.title())
        if isinstance(widget, QDockWidget) or widget.isWindow():
            texts.add(f"{name} (title)", widget.windowTitle())
        if isinstance(widget, QLineEdit):
            texts.add(f"{name} (placeholder)", widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            texts.add(f"{name} (special value)", widget.specialValueText())
            texts.add(f"{name} (text)", widget.text())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts.add(f"{name} item {i}", widget.itemText(i))
                texts.add(f"{name} item {i} (tooltip)", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                texts.add(f"{name} tab {i}", widget.tabText(i))
                texts.add(f"{name} tab {i} (tooltip)", widget.tabToolTip(i))
        if isinstance(widget, QTextBrowser):
            texts.add(name, widget.toPlainText())


def walk_headers(texts: Texts, model, name: str) -> None:
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),
                               (Qt.Orientation.Vertical, min(model.rowCount(), 50))):
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.add(f"{name} header {orientation.name} {section}", model.headerData(section, orientation, role))


def walk_scene(texts: Texts, scene, name: str) -> None:
    for item in scene.items():
        if isinstance(item, QGraphicsSimpleTextItem):
            texts.add(name, item.text())
        elif isinstance(item, QGraphicsTextItem):
            texts.add(name, item.toPlainText())
        texts.add(f"{name} (tooltip)", item.toolTip())


def walk_window(texts: Texts, w, when: str) -> None:
    """Every text the window shows now."""
    texts.add(f"{when}: window title", w.windowTitle())
    for action in w.menuBar().actions():
        texts.add(f"{when}: menu bar", action.text())
        if action.menu() is not None:
            walk_menu(texts, action.menu(), f"{when}: {action.text()}")
    walk_widgets(texts, w)
    for view in (w.data_view, w.prediction_view):
        for action in view.actions():
            texts.add(f"{when}: {view.objectName()} action", action.text())
            texts.add(f"{when}: {view.objectName()} action (tooltip)", action.toolTip())
    for menu in w.data_view.findChildren(QMenu):
        walk_menu(texts, menu, f"{when}: data table menu")
    walk_headers(texts, w.data_model, f"{when}: data table")
    walk_headers(texts, w.prediction_model, f"{when}: predictions")
    for model, name in ((w.data_model, "data table"), (w.prediction_model, "predictions")):
        for col in range(model.columnCount()):  # what a screen reader says for a cell: "x1: 0.5"
            texts.add(f"{when}: {name} cell (accessible)", model.index(0, col).data(Qt.ItemDataRole.AccessibleTextRole))
    texts.add(f"{when}: menu bar (accessible name)", w.menuBar().accessibleName())
    for cursor in (w.access.diagram, w.access.loss, w.access.map):  # the keyboard's read-outs
        texts.add(f"{when}: keyboard read-out", cursor.text())
    texts.add(f"{when}: status bar", w.statusBar().currentMessage())
    for label in (w.status_epoch, w.status_loss, w.status_speed, w.status_elapsed):
        texts.add(f"{when}: status field", label.text())
        texts.add(f"{when}: status field (tooltip)", label.toolTip())
    texts.add(f"{when}: progress", w.status_progress.text())
    for banner in (w.divergence_banner, w.notice_banner):
        if banner.isVisible():
            texts.add(f"{when}: {banner.objectName()}", banner.text())
    scene = w.network_view.scene()
    if scene is not None:
        walk_scene(texts, scene, f"{when}: network diagram")
        arch = w.live.arch
        if arch is not None:
            for layer in range(len(arch.sizes)):
                texts.add(f"{when}: diagram hover", w.network_view.node_text(layer, 0))
            texts.add(f"{when}: diagram hover", w.network_view.edge_text(0, 0, 0))
    plot = w.loss_plot
    item = plot.getPlotItem()
    for axis in ("bottom", "left"):
        texts.add(f"{when}: loss plot axis", item.getAxis(axis).labelText)
    if item.legend is not None:
        for _sample, label in item.legend.items:
            texts.add(f"{when}: loss plot legend", label.text)
    walk_scene(texts, plot.scene(), f"{when}: loss plot")
    texts.add(f"{when}: loss plot note", plot.note())
    texts.add(f"{when}: loss plot hover", plot.readout_text("training", 12, 0.5))
    texts.add(f"{when}: loss plot hover", plot.readout_text("validation", 12, 0.5))
    for label in plot.ghost_labels():
        texts.add(f"{when}: earlier run", label)
    dm = w.decision_map
    texts.add(f"{when}: decision map", dm.placeholder_text() if dm.is_placeholder() else "")
    texts.add(f"{when}: decision map legend", dm.legend.text())
    texts.add(f"{when}: decision map readout", dm.readout.text())
    texts.add(f"{when}: decision map output", dm.output_combo.toolTip())
    for text in w.settings_panel.warnings():
        texts.add(f"{when}: settings warning", text)


# ------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def zh(qapp):
    yield
    i18n.install("en")


def chinese_window(qtbot, preset: str | None = "loy-xor"):
    w = create_main_window(preset=preset, language="zh_CN")
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


class Messages:
    """Everything the window says: status-bar messages and message boxes (the conftest records those)."""

    def __init__(self, w) -> None:
        self.w = w
        self.said = len(w.access.announcer.history)  # what was said to a screen reader
        self.status: list[str] = []
        w.statusBar().messageChanged.connect(lambda text: self.status.append(text))

    def collect(self, texts: Texts, where: str) -> None:
        for text in self.status:
            texts.add(f"{where}: status bar", text)
        for title, text in self.w.errors:
            texts.add(f"{where}: message box title", title)
            texts.add(f"{where}: message box", text)
        for banner in (self.w.divergence_banner, self.w.notice_banner):
            if banner.isVisible():
                texts.add(f"{where}: {banner.objectName()}", banner.text())
        for text in self.w.settings_panel.warnings():
            texts.add(f"{where}: settings warning", text)
        said = list(self.w.access.announcer.history)
        for _t, text in said[min(self.said, len(said)):]:
            texts.add(f"{where}: announced", text)
        self.said = len(said)
        texts.add(f"{where}: Edit > Undo", self.w.undo_action.text())
        texts.add(f"{where}: Edit > Redo", self.w.redo_action.text())
        self.status.clear()
        self.w.errors.clear()


def assert_chinese(texts: Texts, data: set[str]) -> None:
    failures = texts.failures(data)
    assert not failures, f"{len(failures)} untranslated texts:\n" + "\n".join(failures)


# ------------------------------------------------------------------------------------------- tests


def test_the_word_filter():
    assert english_words("训练完成：100 轮，损失 0.5。", set()) == []
    assert english_words("Training finished", set()) == ["Training", "finished"]
    assert english_words("文件(&F)", set()) == []
    assert english_words("列 'petal_width'：应为数字，得到 'abc'", set()) == []
    assert english_words("dZ2 = dA2 ⊙ σ′(Z2)，A1 = sigmoid(Z1)", set()) == []
    assert english_words("字段 layers[0].bias：缺少", set()) == []
    assert english_words("CSV 文件 (*.csv)，5 MB", set()) == []
    assert english_words("species 预测", {"species"}) == []
    assert english_words("label predicted", {"label"}) == ["predicted"]
    assert english_words("<b>Layer 1</b> · 隐藏层", set()) == ["Layer"]


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_is_chinese_before_and_after_training(qtbot, zh, preset):
    w = chinese_window(qtbot, preset)
    try:
        texts = Texts()
        messages = Messages(w)
        walk_window(texts, w, f"{preset}, loaded")
        assert train_synchronously(w, 40)
        w.show_maths_inspector()
        w.prediction_view.select_source_row(0)
        assert w.inspector.refresh()
        texts.add(f"{preset}: maths inspector", w.inspector.text.toPlainText())
        assert w.inspector.run_gradient_check() is not None
        texts.add(f"{preset}: gradient check", w.inspector.check_text.toPlainText())
        w.show_decision_map(True)
        w.decision_map.refresh()
        walk_window(texts, w, f"{preset}, trained")
        # the hover popups: a weight's history, a unit's own map (two-input data)
        sparkline = w.insight.sparkline
        sparkline.show_edge(0, 0, 0)
        texts.add(f"{preset}: weight popup", sparkline.caption.text())
        if w.decision_map.applicable:
            w.network_view.unitHovered.emit(1, 0)
            texts.add(f"{preset}: unit map popup", w.decision_map.popup.title.text())
            texts.add(f"{preset}: unit map popup", w.decision_map.popup.caption.text())
            w.network_view.unitHovered.emit(-1, -1)
        sparkline.hide()
        w.pin_run()
        w.reset()
        assert train_synchronously(w, 20)  # the first run is now an earlier run on the plot
        w.apply_config(w.settings_panel.config().replace(learning_rate=0.123, seed=7))
        assert train_synchronously(w, 20)
        walk_window(texts, w, f"{preset}, runs compared")
        w.clear_runs()
        messages.collect(texts, preset)
        assert len(texts.items) > 200
        assert_chinese(texts, column_names(w))
    finally:
        w.controller.shutdown()


def test_switching_to_chinese_at_run_time_translates_what_is_already_shown(qtbot, zh):
    """View > Language while a trained network, its predictions and the maths inspector are on screen."""
    w = create_main_window(preset="iris", language="en")
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    try:
        assert train_synchronously(w, 20)
        w.show_maths_inspector()
        w.prediction_view.select_source_row(0)
        assert w.inspector.refresh()
        w.inspector.run_gradient_check()
        assert w.inspector.check_button.text() == "Gradient check"
        w.findChild(QAction, "language_zh_CN").trigger()
        qtbot.wait(20)  # Qt posts LanguageChange to every widget
        texts = Texts()
        walk_window(texts, w, "switched to Chinese")
        texts.add("maths inspector", w.inspector.text.toPlainText())
        texts.add("gradient check", w.inspector.check_text.toPlainText())
        assert_chinese(texts, column_names(w))
        w.findChild(QAction, "language_en").trigger()
        qtbot.wait(20)
        assert w.inspector.check_button.text() == "Gradient check"
        assert w.prediction_model.headerData(1, Qt.Orientation.Horizontal) == "predicted class"
        assert "Forward pass" in w.inspector.text.toPlainText()
    finally:
        w.controller.shutdown()


def test_an_empty_project_and_the_recent_files_are_chinese(qtbot, zh):
    w = chinese_window(qtbot, None)
    try:
        texts = Texts()
        messages = Messages(w)
        w.new_project()
        walk_window(texts, w, "new project")
        messages.collect(texts, "new project")
        assert_chinese(texts, column_names(w))
    finally:
        w.controller.shutdown()


BAD_CSV = {
    "text.csv": b"x1,x2,y\n1,2,3\n1,abc,3\n",
    "comma.csv": b"x1;x2;y\n1;2,5;3\n",
    "short.csv": b"x1,x2,y\n1,2\n",
    "long.csv": b"x1,x2,y\n1,2,3,4\n",
    "empty.csv": b"",
    "header.csv": b"x1,x2,y\n",
    "numbers.csv": b"1,2,3\n",
    "one.csv": b"x\n1\n2\n",
    "twice.csv": b"a,a,y\n1,2,3\n",
    "noname.csv": b"a,,y\n1,2,3\n",
    "inf.csv": b"x1,y\n1,inf\n",
    "huge.csv": b"x1,y\n1,1e999\n",
    "quote.csv": b'x1,y\n"1,2\n',
    "utf16.csv": "x1,y\n1,2\n".encode("utf-16"),
    "latin1.csv": "x1,y\n1,\xe9\n".encode("latin-1"),
    "nul.csv": b"x1,y\n1,\x002\n",
}


def bad_json(model: dict) -> dict[str, str]:
    """Broken model and project files: each is opened through File > Open."""
    def with_(**changes):
        d = json.loads(json.dumps(model))
        for path, value in changes.items():
            obj = d
            keys = path.split("__")
            for k in keys[:-1]:
                obj = obj[int(k)] if isinstance(obj, list) else obj[k]
            last = keys[-1]
            if value is KeyError:
                del obj[last]
            else:
                obj[int(last) if isinstance(obj, list) else last] = value
        return json.dumps(d)

    return {
        "empty.json": "",
        "broken.json": "{\"format\": ",
        "bad.json": "{\"format\" 1}",
        "list.json": "[1, 2]",
        "other.json": json.dumps({"format": "something-else", "version": 1}),
        "newer.json": with_(version=99),
        "missing.json": with_(layers=KeyError),
        "sizes.json": with_(architecture__sizes="many"),
        "activation.json": with_(architecture__activations__0="swish"),
        "weights.json": with_(layers__0__weights=[[1.0]]),
        "lr.json": with_(training__learning_rate=-1),
        "project.nngui.json": json.dumps({"format": "nngui-project", "version": 1, "table": {"names": ["a"]}}),
        "newproject.nngui.json": json.dumps({"format": "nngui-project", "version": 9}),
        "cells.nngui.json": json.dumps({"format": "nngui-project", "version": 1, "table": {
            "names": ["a", "b"], "roles": ["input", "target"], "values": [[1, "x"]]}}),
    }


def test_the_messages_of_files_pastes_cells_and_training_are_chinese(qtbot, zh, tmp_path):
    w = chinese_window(qtbot, "loy-xor")
    try:
        texts = Texts()
        messages = Messages(w)
        data = set(w.data_model.names())
        # -- files: CSV imports that fail, JSON files that cannot be opened
        for name, content in BAD_CSV.items():
            path = tmp_path / name
            path.write_bytes(content)
            assert not w.import_csv(path, background=False), name
            messages.collect(texts, f"import {name}")
        assert train_synchronously(w, 20)
        model_path = tmp_path / "model.json"
        assert w.export_model(model_path)
        model = json.loads(model_path.read_text())
        for name, content in bad_json(model).items():
            path = tmp_path / name
            path.write_text(content, encoding="utf-8")
            assert not w.open_file(path), name
            messages.collect(texts, f"open {name}")
        assert not w.open_file(tmp_path / "gone.nngui.json")
        w.files.open_recent(str(tmp_path / "gone.nngui.json"))
        messages.collect(texts, "open a missing file")
        assert not w.save_project(tmp_path / "no" / "such" / "folder" / "p.nngui.json")
        (tmp_path / "file").write_text("")
        assert not w.export_model(tmp_path / "file" / "m.json")
        assert not w.export_loss_plot(tmp_path / "no" / "loss.png")
        messages.collect(texts, "save into a missing folder")
        # a model file without data opens as a network with a calm notice
        del model["data"]
        nodata = tmp_path / "nodata.json"
        nodata.write_text(json.dumps(model), encoding="utf-8")
        assert w.open_file(nodata)
        messages.collect(texts, "open a model without data")
        walk_window(texts, w, "a model without data")
        w.load_preset("loy-xor")
        assert w.import_model(model_path)
        w.load_preset("iris")
        assert not w.import_model(model_path)
        messages.collect(texts, "import weights that do not fit")
        w.load_preset("loy-xor")
        data |= set(w.data_model.names())

        # -- the data table: refused cells and pastes, names, undo steps
        dm = w.data_model
        for text in ("abc", "1,5", "inf"):
            assert not dm.setData(dm.index(0, 0), text)
        assert dm.setData(dm.index(0, 0), "0.5")
        messages.collect(texts, "typing into a cell")
        for block in ("", "a\tb\n1\t2", "1\tabc", "p\tp\n1\t2"):
            assert not dm.paste_text(1 if block.startswith("a") else 0, 0, block)
        messages.collect(texts, "a refused paste")
        assert dm.paste_text(0, 0, "1\t2\n3\t4")
        messages.collect(texts, "a paste")
        assert dm.paste_text(0, 0, "p\tq\tr\ts\n1\t2\t3\t4\n5\t6\t7\t8")
        messages.collect(texts, "a new table")
        w.undo_action.trigger()
        messages.collect(texts, "undo")
        assert not dm.rename_column(0, "")
        assert not dm.rename_column(0, dm.names()[1])
        assert not dm.insert_column(0, dm.names()[1])
        dm.rename_column(0, "z")
        dm.insert_rows(0, 2)
        dm.remove_rows([0, 2])
        dm.insert_column(1, "new")
        dm.remove_columns([1])
        dm.set_role(0, "target")
        dm.clear_cells([(range(0, 2), range(0, 2))])
        data |= {"z", "new"}
        messages.collect(texts, "table edits")
        w.undo_action.trigger()
        messages.collect(texts, "undo of a table edit")
        walk_window(texts, w, "an edited table")  # empty cells: the data cannot be used yet
        for col in range(dm.columnCount()):
            dm.set_role(col, "input")
        messages.collect(texts, "no target column")
        w.load_preset("loy-xor")

        # -- settings: refused keys, settings that cannot train, warnings, divergence
        panel = w.settings_panel
        panel.epochs_spin.setFocus()
        QTest.keyClicks(panel.epochs_spin, "-")
        panel.learning_rate_spin.lineEdit().setText("")
        QTest.keyClick(panel.learning_rate_spin, Qt.Key.Key_Return)
        messages.collect(texts, "a refused key")
        for change in (dict(validation=0.9), dict(loss="bce", output_activation="linear"),
                       dict(learning_rate=50.0), dict(hidden=(4,) * 7), dict(loss="ce"),
                       dict(output_activation="softmax"), dict(hidden=(80,))):
            w.apply_config(panel.config().replace(**change))
            messages.collect(texts, f"settings {change}")
            walk_window(texts, w, f"settings {change}")
            w.load_preset("loy-xor")
        w.load_preset("iris")
        w.apply_config(panel.config().replace(loss="bce", output_activation="sigmoid"))
        messages.collect(texts, "bce on class labels")
        w.load_preset("loy-xor")
        w.apply_config(panel.config().replace(learning_rate=1e6, epochs=200))
        w.start_training()
        qtbot.waitUntil(lambda: w.controller.state not in ("running",), timeout=10000)
        assert w.controller.state == "diverged"
        messages.collect(texts, "divergence")
        walk_window(texts, w, "diverged")
        w.toggle_training()
        messages.collect(texts, "Train after divergence")
        w.load_preset("loy-xor")
        w.apply_config(panel.config().replace(epochs=30))
        assert train_synchronously(w, 30)
        w.step()
        messages.collect(texts, "a step past the target")
        w.apply_config(panel.config().replace(stop_loss=0.5, epochs=0))
        w.start_training()
        qtbot.waitUntil(lambda: w.controller.state not in ("running",), timeout=10000)
        messages.collect(texts, "a stop condition")
        w.new_project()
        assert not w.export_predictions(tmp_path / "p.csv")
        assert not w.export_python(tmp_path / "p.py")
        messages.collect(texts, "exports with nothing to export")
        w.load_preset("spiral")
        data |= set(w.data_model.names())
        w.apply_config(panel.config().replace(stop_accuracy=True, loss="sse", output_activation="sigmoid"))
        messages.collect(texts, "stop at 100 % on regression")
        # the window's own title and the question about unsaved changes
        texts.add("title", w.windowTitle())
        texts.add("unsaved-changes question", w.document.title())
        assert_chinese(texts, data | column_names(w))
        assert len(texts.items) > 100
    finally:
        w.controller.shutdown()


def test_core_messages_stay_english_in_the_core_and_in_an_english_window(qtbot, tmp_path):
    """The translation happens in the window only: the core's text is unchanged, and so is the English window."""
    from core.data import DataError, parse_csv
    from nngui.support.core_messages import core_text, error_text

    with pytest.raises(DataError) as info:
        parse_csv("x1,y\n1,abc\n", source="a.csv")
    english = "a.csv, line 2, column 'y': expected a number, got 'abc'"
    assert str(info.value) == english
    i18n.install("en")
    assert error_text(info.value) == english
    try:
        assert i18n.install("zh_CN")
        chinese = error_text(info.value)
        assert str(info.value) == english  # the exception itself is untouched
        assert chinese != english and "'abc'" in chinese and "a.csv" in chinese and "'y'" in chinese
        assert english_words(chinese, set()) == []
        divergence = ("Training diverged at epoch 3: the loss became NaN. Try a lower learning rate (now 1e+06; "
                      "e.g. 1e+05) or normalise the inputs. The weights from epoch 2 were kept.")
        text = core_text(divergence)
        assert english_words(text, set()) == [] and "1e+06" in text and "1e+05" in text
        assert core_text("a message the table does not know") == "a message the table does not know"
    finally:
        i18n.install("en")
