"""Translation: Qt's tr() with the shipped Simplified Chinese catalogue, from the settings or the View > Language
menu, switched at run time; the catalogue is complete and its placeholders match."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu

from core.resources import resource_path
from nngui.support import i18n
from nngui.app import create_main_window

TS = resource_path("i18n", "nngui_zh_CN.ts")


def _forget() -> None:
    s = QSettings("nngui", "nngui")
    s.remove(i18n.SETTINGS_KEY)
    s.sync()


@pytest.fixture
def clean_language(qapp):
    _forget()
    i18n.install("en")
    yield
    _forget()
    i18n.install("en")  # never leave Chinese installed for other tests


def make_window(qtbot, **kw):
    w = create_main_window(**kw)
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    return w


def menu_titles(w) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def form_labels(w) -> set[str]:
    return {lab.text() for lab in w.settings_panel.findChildren(QLabel)}


def test_saved_choice_starts_the_window_in_chinese(qtbot, clean_language):
    i18n.save_choice("zh_CN")
    w = make_window(qtbot)
    try:
        assert i18n.current_language() == "zh_CN"
        assert w.findChild(QAbstractButton, "trainButton").text() == "训练"
        assert menu_titles(w)[:5] == ["文件(&F)", "编辑(&E)", "训练(&T)", "预设(&P)", "视图(&V)"]
        assert w.findChild(QMenu, "fileMenu").title() == "文件(&F)"
        assert {"学习率", "激活函数", "损失函数", "轮数", "优化器"} <= form_labels(w)
        assert "隐藏层" in form_labels(w)
        assert {b.title() for b in w.settings_panel.findChildren(QGroupBox)} == {"网络", "训练"}
        assert w.status_epoch.text() == "轮次 0 / 1,500"
        assert w.status_loss.text().startswith("损失 ")
        assert w.findChild(QLabel, "ioLabel").text() == "3 个输入 → [4] → 1 个输出"
        assert w.findChild(QAction, "exportPythonAction").text() == "导出为 Python 脚本(&Y)…"
        assert w.settings_panel.loss_combo.currentText() == "误差平方和（SSE）"
        assert w.preset_actions["xor"].text() == "异或（XOR）"
        assert w.findChild(QAction, "language_zh_CN").isChecked()
    finally:
        w.controller.shutdown()


def test_language_menu_switches_at_run_time_and_is_remembered(qtbot, clean_language):
    w = make_window(qtbot)
    try:
        menu = w.findChild(QMenu, "languageMenu")
        assert menu is not None and w.findChild(QMenu, "viewMenu").actions().count(menu.menuAction()) == 1
        names = [a.objectName() for a in menu.actions()]
        assert names == ["language_system", "language_en", "language_zh_CN"]
        assert w.findChild(QAction, "language_system").isChecked()
        train = w.findChild(QAbstractButton, "trainButton")
        assert train.text() == "Train" and menu_titles(w)[0] == "&File"

        w.findChild(QAction, "language_zh_CN").trigger()
        assert QSettings("nngui", "nngui").value(i18n.SETTINGS_KEY) == "zh_CN"
        assert train.text() == "训练"
        assert menu_titles(w)[0] == "文件(&F)" and menu.title() == "语言(&L)"
        assert "学习率" in form_labels(w)
        assert w.settings_panel.epochs_spin.specialValueText() == "直到停止"
        assert w.status_epoch.text() == "轮次 0 / 1,500"
        # The shortcut's name comes from Qt's own catalogue when the Qt wheel ships it.
        assert w.findChild(QAction, "trainAction").toolTip() in ("训练、暂停或继续 (空格)", "训练、暂停或继续 (Space)")
        assert w.data_view.copy_action.text() == "复制(&C)"
        assert w.network_view.scene() is not None
        texts = {item.text() for item in w.network_view.scene().items() if hasattr(item, "text")}
        assert {"输入层", "输出层", "隐藏层 1"} <= texts

        # Training labels follow too (Pause while running, Resume after).
        w.start_training(50)
        qtbot.waitUntil(lambda: w.controller.state != "running", timeout=5000)
        assert train.text() == "继续"

        w.findChild(QAction, "language_en").trigger()
        assert train.text() == "Resume" and menu_titles(w)[0] == "&File"
        assert "Learning rate" in form_labels(w)
        assert QSettings("nngui", "nngui").value(i18n.SETTINGS_KEY) == "en"
    finally:
        w.controller.shutdown()
    # The next start uses the choice.
    i18n.save_choice("zh_CN")
    w2 = make_window(qtbot)
    try:
        assert w2.findChild(QAbstractButton, "trainButton").text() == "训练"
    finally:
        w2.controller.shutdown()


def test_system_choice_and_unknown_values(clean_language, monkeypatch):
    assert i18n.saved_choice() == "system"
    assert i18n.resolve("system") == "en"  # conftest gives every test an English system locale
    QSettings("nngui", "nngui").setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_choice() == "system"
    assert i18n.resolve("fr") == "en"
    from PySide6.QtCore import QLocale

    assert i18n.detect_system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.detect_system_language(QLocale("zh_TW")) == "en"  # Traditional Chinese is not shipped
    assert i18n.detect_system_language(QLocale("de_DE")) == "en"
    assert i18n.detect_system_language(QLocale("en_GB")) == "en"


def test_fmt_fills_qt_placeholders():
    assert i18n.fmt("Epoch %1 / %2", "1,000", 5) == "Epoch 1,000 / 5"
    assert i18n.fmt("%1 %10", "a", *range(2, 11)) == "a 10"


def test_catalogue_is_complete_compiled_and_consistent():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    messages = [(ctx.findtext("name"), m) for ctx in root.iter("context") for m in ctx.iter("message")]
    assert len(messages) > 200
    for ctx, m in messages:
        source, tr = m.findtext("source"), m.find("translation")
        assert tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished"), (ctx, source)
        text = tr.text or ""
        assert text.strip(), (ctx, source)
        # Same placeholders, and a mnemonic wherever the English has one.
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (ctx, source, text)
        if re.search(r"&[^&\s]", source.replace("&&", "")):
            assert re.search(r"&[^&\s]", text.replace("&&", "")), (ctx, source, text)
    t = QTranslator()
    assert t.load(i18n.catalogue_path("zh_CN"))
    assert t.translate("MainWindow", "Train") == "训练"
    assert t.translate("SettingsPanel", "Learning rate") == "学习率"
    assert t.translate("SettingsPanel", "Hidden layers") == "隐藏层"


def test_every_translatable_string_in_the_sources_is_in_the_catalogue():
    """A tr()/translate() text added to nngui/ without updating the catalogue fails here."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    known = {(ctx.findtext("name"), m.findtext("source"))
             for ctx in ET.parse(TS).getroot().iter("context") for m in ctx.iter("message")}
    found = set()
    for path in sorted((root / "nngui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        cls = "MainWindow" if path.stem in ("main_window", "exports", "i18n") else None
        for m in re.finditer(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*\)', text):
            context = cls or _class_at(text, m.start())
            found.add((context, ast.literal_eval(f'"{m.group(1)}"')))  # escapes and non-ASCII text alike
        for m in re.finditer(r'translate\(\s*"(\w+)",\s*"((?:[^"\\]|\\.)*)"\s*\)', text):
            found.add((m.group(1), ast.literal_eval(f'"{m.group(2)}"')))
    found = {f for f in found if f[0] != "Context" and f[1] != "..."}  # the docstrings' examples
    missing = {f for f in found if f not in known}
    assert not missing, ("run `python resources/i18n/update_translations.py`, translate the new strings in "
                         f"resources/i18n/nngui_zh_CN.ts and run it again: {sorted(missing)}")
    assert len(found) > 100


def _class_at(text: str, pos: int) -> str:
    return re.findall(r"^class (\w+)", text[:pos], flags=re.M)[-1]
