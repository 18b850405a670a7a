"""The Evaluate tab (objectName evaluateView, issue 15): its figures are core.metrics.evaluate's on the trainer's
training and validation rows; confusion-matrix clicks select rows in Predictions; each part exports as PNG and CSV."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QToolButton

from core.metrics import evaluate
from core.resources import resource_path
from helpers import find
from fit_check import unfitting
from nngui.app import create_main_window
from nngui.files import evaluation
from nngui.support import formatting, i18n
from nngui.support.i18n import translate
from nngui.views.confusion_model import ConfusionModel
from nngui.views.evaluate_plots import ScatterPlot
from nngui.views.evaluate_view import figure_text
from nngui.views.lesson_pane import LessonPane
from nngui.views.row_selection import runs


@pytest.fixture
def window(qtbot):
    base_font = QApplication.font()
    w = create_main_window()
    w.persist_state = False
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.presenter.on:
        w.set_presentation(False, full_screen=False)
    w.controller.shutdown()
    QApplication.setFont(base_font)
    i18n.install("en")


def view_of(w):
    return find(w, "evaluateView")


def steps(qtbot, w, n):
    with qtbot.waitSignal(w.controller.finished, timeout=30000):
        w.step(n)
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.progress.epoch == w.controller.trainer.epoch,
                    timeout=5000)


def shown_and_caught_up(qtbot, w):
    """The Evaluate tab in front, drawing the latest report."""
    w.show_evaluate()
    view = view_of(w)
    qtbot.waitUntil(lambda: view.on_screen() and view.drawn_report is w.session.report, timeout=5000)
    return view


def expected(trainer, which):
    """core.metrics.evaluate on the trainer's own rows, with the trainer's network (idle)."""
    X, Y = (trainer.X, trainer.Y) if which == "training" else (trainer.X_val, trainer.Y_val)
    P = trainer.network.predict(X)
    return evaluate(P, Y, trainer.config.loss, trainer.classes, trainer.network.arch.output_activation)


def load_line(w, tmp_path, validation=0.25):
    """A regression table: y = 0.2 + 0.6 x with a wiggle, linear output, MSE."""
    rows = [f"{x / 10:.1f},{0.2 + 0.06 * x + 0.05 * np.sin(x):.4f}" for x in range(24)]
    (tmp_path / "line.csv").write_text("x,y\n" + "\n".join(rows) + "\n")
    assert w.import_csv(tmp_path / "line.csv", background=False)
    w.apply_config(w.settings_panel.config().replace(validation=validation, output_activation="linear", loss="mse"))


def check_figures(view, trainer, names):
    for which in ("training", "validation"):
        ev, shown = expected(trainer, which), view.result(which)
        assert shown.rows == ev.rows
        assert shown.loss == pytest.approx(ev.loss, rel=1e-12, abs=1e-15)
        assert find(view, f"evaluate_loss_{which}").text() == formatting.short(shown.loss)
        for name in names:
            value, want = getattr(shown, name), getattr(ev, name)
            assert value == pytest.approx(want, rel=1e-12, abs=1e-15), name
            assert find(view, f"evaluate_{name}_{which}").text() == figure_text(name, value)
            assert find(view, f"evaluate_{name}_{which}").isVisible()
    return [expected(trainer, w) for w in ("training", "validation")]


# ---------------------------------------------------------------- the figures equal the core's


def test_iris_three_classes_with_validation(qtbot, window):
    window.load_preset("iris")  # 20 % held out
    steps(qtbot, window, 40)
    view = shown_and_caught_up(qtbot, window)
    t = window.controller.trainer
    train, val = check_figures(view, t, ["accuracy"])
    assert (train.rows, val.rows) == (120, 30)
    for which, ev in (("training", train), ("validation", val)):
        model = view.confusion_models[which]
        assert np.array_equal(model.counts(), ev.confusion)
        assert np.array_equal(view.result(which).confusion, ev.confusion)
        assert model.labels() == ["0", "1", "2"]
        pct = 100.0 * ev.confusion / ev.confusion.sum(axis=1, keepdims=True)
        assert np.allclose(model.percentages(), pct, rtol=0, atol=1e-12)
        i, j = np.unravel_index(np.argmax(ev.confusion), ev.confusion.shape)
        assert model.data(model.index(i, j)) == f"{ev.confusion[i, j]}\n{pct[i, j]:.1f} %"
        assert find(view, f"confusion_{which}").isVisible()
    assert not view.sections["roc"].isVisible() and not view.sections["scatter"].isVisible()
    assert not find(view, "evaluate_auc_training").isVisible() and not find(view, "evaluate_rmse_training").isVisible()
    assert find(view, "evaluate_rows_validation").text() == "30"
    assert "epoch 40" in find(view, "evaluateStatus").text()


def test_binary_preset_roc_and_auc(qtbot, window):
    window.load_preset("circle")
    window.apply_config(window.settings_panel.config().replace(validation=0.25))
    steps(qtbot, window, 400)
    view = shown_and_caught_up(qtbot, window)
    t = window.controller.trainer
    train, val = check_figures(view, t, ["accuracy", "auc"])
    assert view.sections["roc"].isVisible()
    for which, ev in (("training", train), ("validation", val)):
        shown = view.result(which)
        assert shown.classes == (0.0, 1.0) and np.array_equal(shown.confusion, ev.confusion)
        assert 0.8 < shown.auc <= 1.0  # learned
        assert np.allclose(shown.roc.fpr, ev.roc.fpr, rtol=0, atol=1e-12)
        assert np.allclose(shown.roc.tpr, ev.roc.tpr, rtol=0, atol=1e-12)
        x, y = view.plots["roc"][which].curve.getData()
        assert np.array_equal(x, shown.roc.fpr) and np.array_equal(y, shown.roc.tpr)
        assert formatting.short(shown.auc) in view.sections["roc"].captions[which].text()


def test_regression_rmse_mae_r2_scatter_and_histogram(qtbot, window, tmp_path):
    load_line(window, tmp_path)
    steps(qtbot, window, 200)
    view = shown_and_caught_up(qtbot, window)
    t = window.controller.trainer
    train, val = check_figures(view, t, ["rmse", "mae", "r2"])
    assert not view.sections["confusion"].isVisible()
    assert view.sections["scatter"].isVisible() and view.sections["histogram"].isVisible()
    for which, ev in (("training", train), ("validation", val)):
        r = view.set_result(which)
        x, y = view.plots["scatter"][which].points.getData()
        assert np.array_equal(x, r.Y.ravel()) and np.array_equal(y, r.P.ravel())
        lx, ly = view.plots["scatter"][which].line.getData()
        assert np.array_equal(lx, ly)  # y = x
        edges, counts = view.histogram(which)
        assert counts.sum() == ev.rows  # every error in a bin
        assert np.array_equal(counts, np.histogram((r.P - r.Y).ravel(), bins=edges)[0])
    assert np.array_equal(view.histogram("training")[0], view.histogram("validation")[0])  # shared bins


# ---------------------------------------------------------------- pacing


def test_the_view_refreshes_after_training_steps(qtbot, window):
    window.load_preset("iris")
    view = shown_and_caught_up(qtbot, window)
    for epochs in (10, 20):
        steps(qtbot, window, 10)
        qtbot.waitUntil(lambda: view.drawn_report is window.session.report, timeout=5000)
        assert view.drawn_report.progress.epoch == epochs
        check_figures(view, window.controller.trainer, ["accuracy"])
        assert f"epoch {epochs}" in find(view, "evaluateStatus").text()


def test_no_work_while_hidden(qtbot, window):
    window.load_preset("iris")
    view = view_of(window)
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not view.on_screen(), timeout=2000)
    before = view.refreshes
    steps(qtbot, window, 60)
    qtbot.wait(100)
    assert view.refreshes == before and view.drawn_report is not window.session.report
    window.findChild(type(window.maths_action), "showEvaluateAction").trigger()
    qtbot.waitUntil(lambda: view.refreshes > before, timeout=3000)
    assert view.drawn_report is window.session.report and view.drawn_report.progress.epoch == 60
    assert window.views.evaluate_dock.isVisible()


def test_a_lesson_step_that_shows_evaluate_brings_the_tab_forward(qtbot, window, tmp_path):
    lesson = json.loads(resource_path("lessons", "loy-to-neuron.nngui-lesson.json").read_text())
    lesson["steps"][1]["show"] = ["evaluate"]
    path = tmp_path / "evaluate.nngui-lesson.json"
    path.write_text(json.dumps(lesson))
    view = view_of(window)
    assert window.open_lesson(path), window.errors
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not view.on_screen(), timeout=2000)
    window.findChild(LessonPane, "lessonPane").next_button.click()
    qtbot.waitUntil(view.on_screen, timeout=2000)


# ---------------------------------------------------------------- confusion-matrix clicks


@pytest.mark.parametrize("which", ["training", "validation"])
def test_a_confusion_cell_click_selects_exactly_its_rows(qtbot, window, which):
    window.load_preset("iris")
    steps(qtbot, window, 8)  # early: some rows are still wrong
    view = shown_and_caught_up(qtbot, window)
    table = window.prediction_view
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by probability: the proxy reorders the rows
    t = window.controller.trainer
    rows = t.train_rows if which == "training" else t.val_rows
    P = t.network.predict(t.X if which == "training" else t.X_val)
    Y = t.Y if which == "training" else t.Y_val
    cm = view.result(which).confusion
    off = cm - np.diag(np.diag(cm))
    i, j = np.unravel_index(np.argmax(off if off.any() else cm), cm.shape)
    want = sorted(int(r) for r, y, p in zip(rows, Y.argmax(axis=1), P.argmax(axis=1)) if y == i and p == j)
    assert len(want) == cm[i, j] > 0
    cells = view.confusion_views[which]
    rect = cells.visualRect(cells.model().index(int(i), int(j)))
    with qtbot.waitSignal(view.rowsChosen) as chosen:
        qtbot.mouseClick(cells.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args[0] == want
    assert table.selected_source_rows() == want
    assert window.live.selected_row in want  # the diagram traces one of them


def test_select_source_rows_in_a_sorted_table(qtbot, window):
    window.load_preset("iris")
    table = window.prediction_view
    table.sortByColumn(table.source_model.first_input, Qt.SortOrder.DescendingOrder)
    table.select_source_rows([5, 3, 4, 140, 0])
    assert table.selected_source_rows() == [0, 3, 4, 5, 140]
    table.select_source_rows([])
    assert table.selected_source_rows() == []


def test_a_big_scatter_draws_one_point_in_k_and_its_line_spans_them_all(qtbot):
    plot = ScatterPlot("scatter")
    qtbot.addWidget(plot)
    t = np.arange(5001.0)
    plot.show_points(t, -t)
    x, y = plot.points.getData()
    assert plot.shown == (1667, 5001) and np.array_equal(x, t[::3]) and np.array_equal(y, -t[::3])
    assert np.array_equal(plot.line.getData()[0], [-5000.0, 5000.0])
    assert "1,667 of 5,001 points drawn (one in 3)" in plot.toolTip()
    plot.show_points(t[:10], t[:10])
    assert plot.shown == (10, 10) and plot.toolTip() == ""


def test_rows_are_selected_in_runs_of_neighbours():
    assert runs([7, 1, 3, 2, 3]) == [(1, 3), (7, 7)] and runs([]) == [] and runs([4]) == [(4, 4)]


def test_confusion_model_by_hand(qtmodeltester):
    m = ConfusionModel()
    m.set_matrix(np.array([[2, 1], [0, 3]]), ["0", "1"])
    qtmodeltester.check(m, force_py=True)
    assert (m.rowCount(), m.columnCount()) == (2, 2)
    assert m.data(m.index(0, 0)) == "2\n66.7 %" and m.data(m.index(0, 1)) == "1\n33.3 %"
    assert m.data(m.index(1, 0)) == "0\n0.0 %" and m.data(m.index(1, 1)) == "3\n100.0 %"
    assert m.data(m.index(0, 1), Qt.ItemDataRole.UserRole) == 1
    assert "True class 0, predicted 1: 1 rows (33.3 %" in m.data(m.index(0, 1), Qt.ItemDataRole.AccessibleTextRole)
    assert m.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Predicted class 1"
    # Right cells are tinted blue, wrong ones orange, both stronger with the share of the row.
    right, wrong = m.data(m.index(1, 1), Qt.ItemDataRole.BackgroundRole).color(), \
        m.data(m.index(0, 1), Qt.ItemDataRole.BackgroundRole).color()
    assert right.blue() > right.red() and wrong.red() > wrong.blue()
    m.set_matrix(np.array([[0, 0], [1, 1]]), ["0", "1"])  # a class without rows
    assert m.data(m.index(0, 0)) == "0\n\u2014"
    qtmodeltester.check(m, force_py=True)


# ---------------------------------------------------------------- exports


def read_matrix(path):
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    rows = list(csv.reader(lines))
    return rows[0], np.array([[int(v) for v in r[1:]] for r in rows[1:]]), [r[0] for r in rows[1:]]


def test_confusion_matrix_exports_round_trip(qtbot, window, tmp_path, monkeypatch):
    window.load_preset("iris")
    steps(qtbot, window, 30)
    view = shown_and_caught_up(qtbot, window)
    for which in ("training", "validation"):
        path = tmp_path / f"cm-{which}.csv"
        assert evaluation.export(window, view, "confusion", which, "csv", path), window.errors
        header, matrix, labels = read_matrix(path)
        assert header[1:] == labels == ["0", "1", "2"]
        assert np.array_equal(matrix, view.result(which).confusion)
        assert np.array_equal(matrix, expected(window.controller.trainer, which).confusion)
    # Through the Export button's menu and the file dialog (answered here).
    picture = tmp_path / "cm.png"
    monkeypatch.setattr(window.dialogs, "save_name", lambda title, start, filters: str(picture))
    button = find(view, "evaluate_confusion_export", QToolButton)
    menu = button.menu()
    view.fill_export_menu(menu, "confusion")
    next(a for a in menu.actions() if a.objectName() == "export_confusion_validation_png").trigger()
    image = QImage(str(picture))
    pane = view.sections["confusion"].panes["validation"]
    ratio = pane.devicePixelRatioF()  # the picture has the screen's pixels (2x on a HiDPI screen: sharper)
    assert not image.isNull()
    assert abs(image.width() - pane.width() * ratio) <= 1 and abs(image.height() - pane.height() * ratio) <= 1
    assert "Evaluation saved" in window.statusBar().currentMessage()
    assert not list(tmp_path.glob(".*tmp")) and not list(tmp_path.glob(".nngui-*"))  # no temp file left


def test_roc_figures_and_regression_exports_round_trip(qtbot, window, tmp_path):
    window.load_preset("circle")
    window.apply_config(window.settings_panel.config().replace(validation=0.25))
    steps(qtbot, window, 100)
    view = shown_and_caught_up(qtbot, window)
    path = tmp_path / "roc.csv"
    assert evaluation.export(window, view, "roc", "validation", "csv", path)
    data = np.genfromtxt(path, delimiter=",", comments="#", skip_header=2)
    roc = view.result("validation").roc
    assert np.array_equal(data[:, 0], roc.thresholds) and np.array_equal(data[:, 1], roc.fpr)
    assert np.array_equal(data[:, 2], roc.tpr)
    assert evaluation.export(window, view, "figures", "both", "csv", tmp_path / "figures.csv")
    rows = {r[0]: r[1:] for r in csv.reader(line for line in (tmp_path / "figures.csv").read_text().splitlines()
                                            if not line.startswith("#"))}
    assert float(rows["auc"][0]) == view.result("training").auc and float(rows["auc"][1]) == view.result("validation").auc
    assert float(rows["loss"][1]) == view.result("validation").loss
    assert evaluation.export(window, view, "roc", "training", "png", tmp_path / "roc.png")
    assert not QImage(str(tmp_path / "roc.png")).isNull()

    load_line(window, tmp_path)
    steps(qtbot, window, 50)
    view = shown_and_caught_up(qtbot, window)
    assert evaluation.export(window, view, "scatter", "training", "csv", tmp_path / "scatter.csv")
    data = np.genfromtxt(tmp_path / "scatter.csv", delimiter=",", comments="#", skip_header=2, usecols=(0, 2, 3, 4))
    r = view.set_result("training")
    assert np.array_equal(data[:, 0], r.rows + 1)
    assert np.array_equal(data[:, 1], r.Y[:, 0]) and np.array_equal(data[:, 2], r.P[:, 0])
    assert evaluation.export(window, view, "histogram", "validation", "csv", tmp_path / "hist.csv")
    data = np.genfromtxt(tmp_path / "hist.csv", delimiter=",", comments="#", skip_header=2)
    edges, counts = view.histogram("validation")
    assert np.array_equal(data[:, 0], edges[:-1]) and np.array_equal(data[:, 1], edges[1:])
    assert np.array_equal(data[:, 2], counts)
    # Nothing to export (a classification part of a regression): a clear message, no file.
    assert not evaluation.export(window, view, "confusion", "training", "csv", tmp_path / "none.csv")
    assert not (tmp_path / "none.csv").exists() and "nothing to export" in window.errors[-1][1]


def test_a_failed_export_names_the_file_and_keeps_the_old_one(qtbot, window, tmp_path):
    window.load_preset("iris")
    steps(qtbot, window, 5)
    view = shown_and_caught_up(qtbot, window)
    missing = tmp_path / "no-such-folder" / "cm.csv"
    assert not evaluation.export(window, view, "confusion", "training", "csv", missing)
    assert "cm.csv" in window.errors[-1][1] and not missing.exists()


# ---------------------------------------------------------------- looks: languages, projector, 1280x720


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("data", ["iris", "circle", "line"])
def test_the_tab_fits_at_1280x720(qtbot, window, tmp_path, data, projector, language):
    if language != "en":
        window.set_language(language)
    if data == "line":
        load_line(window, tmp_path)
    else:
        window.load_preset(data)
    steps(qtbot, window, 5)
    if projector:
        window.set_presentation(True, full_screen=False)
    view = shown_and_caught_up(qtbot, window)
    QApplication.processEvents()
    qtbot.wait(50)
    assert unfitting(window) == []
    content = view.scroll.widget()
    assert content.width() <= view.scroll.viewport().width()  # no sideways scrolling
    if language == "zh_CN":
        assert find(view, "evaluate_figures_title").text() == translate("EvaluateView", "Figures") != "Figures"
        dock = window.findChild(QDockWidget, "evaluateDock")
        assert dock.windowTitle() == translate("MainWindow", "Evaluate") != "Evaluate"


def test_projector_mode_scales_the_plots(qtbot, window):
    window.load_preset("circle")
    steps(qtbot, window, 5)
    view = shown_and_caught_up(qtbot, window)
    plot = view.plots["roc"]["training"]
    normal = (plot.height(), plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSize())
    window.set_presentation(True, full_screen=False)
    window.show_evaluate()
    bigger = (plot.height(), plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSize())
    assert bigger[0] > normal[0] and bigger[1] > normal[1]
    window.set_presentation(False, full_screen=False)
    assert (plot.height(), plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSize()) == normal

