"""PredictionModel and PredictionView: columns, colours, accuracy, cheap updates, sorting, selection."""

from __future__ import annotations


import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QGuiApplication

from nngui.views.prediction_model import PredictionModel, error_color
from nngui.views.prediction_view import PredictionView

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
Y = np.array([[0], [1], [1], [0]], float)
P = np.array([[0.1], [0.45], [0.8], [0.95]])  # errors 0.1, 0.55, 0.2, 0.95


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]


def column(model, name: str) -> int:
    return headers(model).index(name)


@pytest.fixture
def model(qtmodeltester):
    m = PredictionModel()
    qtmodeltester.check(m)
    m.set_data(X, Y, ["x1", "x2"], ["y"], None)
    qtmodeltester.check(m)
    m.set_predictions(P)
    qtmodeltester.check(m)
    return m


@pytest.fixture
def iris_like():
    """A 3-class model: labels 0/1/2 and softmax outputs."""
    m = PredictionModel()
    Xc = np.array([[5.1, 3.5], [7.0, 3.2], [6.3, 3.3], [4.9, 3.0]])
    Yc = np.array([[0.0], [1.0], [2.0], [0.0]])
    Pc = np.array([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.6, 0.3], [0.5, 0.3, 0.2]])
    m.set_data(Xc, Yc, ["sepal", "petal"], ["species"], (0.0, 1.0, 2.0))
    m.set_predictions(Pc)
    return m, Pc


@pytest.fixture
def view(qtbot, model):
    v = PredictionView(model)
    qtbot.addWidget(v)
    v.resize(700, 300)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_regression_columns_and_values(model):
    assert headers(model) == ["y", "y predicted", "y error", "x1", "x2"]  # what is learned leads
    assert model.index(1, 0).data() == "1"
    assert model.index(1, 1).data() == "0.45" and model.index(1, 1).data(Qt.UserRole) == 0.45
    assert model.index(3, 2).data(Qt.UserRole) == pytest.approx(0.95)
    assert model.index(3, 2).data() == "0.95"
    np.testing.assert_array_equal(model.predictions(), P)
    assert model.headerData(2, Qt.Horizontal, Qt.ToolTipRole).startswith("|predicted")


def test_several_targets(qtmodeltester):
    m = PredictionModel()
    m.set_data(X, np.hstack([Y, 2 * Y]), ["x1", "x2"], ["a", "b"], None)
    assert headers(m) == ["a", "a predicted", "a error", "b", "b predicted", "b error", "x1", "x2"]
    m.set_predictions(np.hstack([P, 2 * P]))
    assert m.index(3, 5).data(Qt.UserRole) == pytest.approx(1.9)
    assert m.accuracy() is None  # not a single 0/1 target
    qtmodeltester.check(m)


def test_background_by_error(model):
    small = model.index(0, 2).data(Qt.BackgroundRole).color()
    large = model.index(3, 2).data(Qt.BackgroundRole).color()
    assert small.green() > small.red()            # green for a small error
    assert large.red() > large.green()            # red for a large error
    assert model.index(0, 1).data(Qt.BackgroundRole).color() == small  # prediction cell too
    assert model.index(0, 3).data(Qt.BackgroundRole) is None           # inputs plain
    assert model.index(0, 2).data(Qt.ForegroundRole).color() == QColor("black")
    for t in np.linspace(0, 1, 11):  # pastel: black text stays readable on every level
        assert error_color(t).lightness() > 170
    assert error_color(0.5).red() > 200 and error_color(0.5).green() > 200  # amber in the middle


def test_no_predictions_yet(qtmodeltester):
    m = PredictionModel()
    m.set_data(X, Y, ["x1", "x2"], ["y"], None)
    assert m.index(0, 1).data() == "" and m.index(0, 1).data(Qt.UserRole) is None
    assert m.index(0, 1).data(Qt.BackgroundRole) is None
    assert m.predictions() is None and m.accuracy() is None
    m.set_predictions(P)
    m.set_predictions(None)
    assert m.predictions() is None
    qtmodeltester.check(m)


def test_stale_predictions_are_dropped(model):
    model.set_predictions(np.zeros((3, 1)))  # wrong number of rows (a stale report)
    assert model.predictions() is None and model.index(0, 1).data() == ""
    model.set_predictions(np.array([0.0, 1.0, 1.0, 0.0]))  # 1-D for a single output is fine
    assert model.accuracy() == 1.0


def test_accuracy_for_binary_targets(model):
    # threshold 0.5: predicted 0, 0, 1, 1 against 0, 1, 1, 0
    assert model.accuracy() == 0.5
    assert model.is_classification()


def test_accuracy_none_for_regression():
    m = PredictionModel()
    m.set_data(X, np.array([[0.5], [1.5], [2], [3]]), ["x1", "x2"], ["y"], None)
    m.set_predictions(np.zeros((4, 1)))
    assert m.accuracy() is None and not m.is_classification()


def test_class_model_columns(iris_like, qtmodeltester):
    m, Pc = iris_like
    qtmodeltester.check(m)
    assert headers(m) == ["species", "predicted class", "probability", "correct", "sepal", "petal"]
    assert [m.index(r, 1).data() for r in range(4)] == ["0", "1", "1", "0"]
    assert m.index(1, 2).data() == "70.0%" and m.index(1, 2).data(Qt.UserRole) == 0.7
    assert [m.index(r, 3).data() for r in range(4)] == ["\u2713", "\u2713", "\u2717", "\u2713"]
    assert m.accuracy() == 0.75
    wrong = m.index(2, 3).data(Qt.BackgroundRole).color()
    right = m.index(0, 3).data(Qt.BackgroundRole).color()
    assert wrong.red() > wrong.green() and right.green() > right.red()
    np.testing.assert_array_equal(m.predictions(), Pc)


def test_class_model_accepts_one_hot_targets():
    m = PredictionModel()
    one_hot = np.eye(3)[[0, 2, 1]]
    m.set_data(np.zeros((3, 1)), one_hot, ["x"], ["label"], (1.0, 5.0, 9.0))
    m.set_predictions(np.eye(3)[[0, 2, 2]])
    assert [m.index(r, 0).data() for r in range(3)] == ["1", "9", "5"]
    assert [m.index(r, 1).data() for r in range(3)] == ["1", "9", "9"]
    assert m.accuracy() == pytest.approx(2 / 3)


def test_set_predictions_is_data_changed_not_reset(model, qtbot):
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles: changes.append((a.row(), a.column(), b.row(), b.column())))
    model.set_predictions(P * 0.5)
    assert not resets
    assert changes == [(0, 1, 3, 2)]  # prediction and error columns only
    model.set_data(X, Y, ["x1", "x2"], ["y"], None)
    assert resets


def test_view_sorts_by_error_descending(view, model):
    assert view.objectName() == "predictionTable"
    assert view.isSortingEnabled() and view.proxy.sortRole() == Qt.UserRole
    assert [view.source_row(r) for r in range(4)] == [0, 1, 2, 3]  # unsorted at first
    view.sortByColumn(column(model, "y error"), Qt.DescendingOrder)
    assert [view.source_row(r) for r in range(4)] == [3, 1, 2, 0]
    view.sortByColumn(column(model, "y error"), Qt.AscendingOrder)
    assert [view.source_row(r) for r in range(4)] == [0, 2, 1, 3]
    view.sortByColumn(column(model, "y predicted"), Qt.DescendingOrder)
    assert [view.proxy.index(r, 1).data() for r in range(4)] == ["0.95", "0.8", "0.45", "0.1"]


def test_sorted_view_follows_new_predictions(view, model, qtbot):
    view.sortByColumn(column(model, "y error"), Qt.DescendingOrder)
    model.set_predictions(np.array([[0.9], [1.0], [1.0], [0.0]]))  # now row 0 is the worst
    qtbot.waitUntil(lambda: view.source_row(0) == 0, timeout=3000)


def test_sample_selected_gives_source_row_after_sorting(view, model, qtbot):
    view.sortByColumn(column(model, "y error"), Qt.DescendingOrder)
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        view.selectRow(0)
    assert blocker.args == [3]
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        view.selectRow(1)
    assert blocker.args == [1] and view.selected_source_row() == 1
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        view.clearSelection()
    assert blocker.args == [-1]


def test_sample_selected_by_click(view, model, qtbot):
    view.sortByColumn(column(model, "y error"), Qt.AscendingOrder)  # rows 0, 2, 1, 3
    rect = view.visualRect(view.proxy.index(1, 1))
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert blocker.args == [2]


def test_select_source_row_and_reset(view, model, qtbot):
    view.sortByColumn(column(model, "y error"), Qt.DescendingOrder)
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        view.select_source_row(2)
    assert blocker.args == [2]
    assert view.selectionModel().isRowSelected(2, view.rootIndex())  # proxy row of source row 2
    with qtbot.waitSignal(view.sampleSelected) as blocker:
        model.set_data(X, Y, ["x1", "x2"], ["y"], None)
    assert blocker.args == [-1]


def test_copy_rows(view, model):
    view.selectRow(1)
    view.selectionModel().select(view.proxy.index(3, 0),
                                 QItemSelectionModel.Select | QItemSelectionModel.Rows)
    text = view.copy_rows()
    assert text.split("\n") == ["y\ty predicted\ty error\tx1\tx2",
                                "1\t0.45\t0.55\t0\t1", "0\t0.95\t0.95\t1\t1"]
    assert QGuiApplication.clipboard().text() == text


def test_class_view_sorts_by_probability(qtbot, iris_like, qtmodeltester):
    m, _ = iris_like
    v = PredictionView(m)
    qtbot.addWidget(v)
    v.sortByColumn(column(m, "probability"), Qt.DescendingOrder)
    assert [v.source_row(r) for r in range(4)] == [0, 1, 2, 3]
    v.sortByColumn(column(m, "correct"), Qt.AscendingOrder)  # wrong ones first
    assert v.source_row(0) == 2
    qtmodeltester.check(v.proxy)


def test_many_inputs_fold_away_behind_the_predictions(qtbot):
    m = PredictionModel()
    X13 = np.arange(4 * 13, dtype=float).reshape(4, 13)
    m.set_data(X13, Y, [f"f{i}" for i in range(13)], ["y"], None)
    v = PredictionView(m)
    qtbot.addWidget(v)
    v.fold_inputs()
    assert v.inputs_folded and list(m.input_columns()) == list(range(3, 16))
    shown = [m.headerData(c, Qt.Horizontal) for c in range(m.columnCount()) if not v.isColumnHidden(c)]
    assert shown == ["y", "y predicted", "y error", "f0", "f1", "f2"]
    v.fold_inputs(False)
    assert not any(v.isColumnHidden(c) for c in range(m.columnCount()))
    m.set_data(X, Y, ["x1", "x2"], ["y"], None)  # two inputs: nothing to fold
    v.fold_inputs()
    assert not v.inputs_folded and not any(v.isColumnHidden(c) for c in range(m.columnCount()))


def test_validation_rows_are_marked_in_the_row_header(model):
    model.set_validation_rows([1, 3])
    assert [model.headerData(r, Qt.Vertical) for r in range(4)] == ["1", "2 v", "3", "4 v"]
    assert "validation" in model.headerData(1, Qt.Vertical, Qt.ToolTipRole)
    assert model.headerData(0, Qt.Vertical, Qt.ToolTipRole) is None
    model.set_data(X, Y, ["x1", "x2"], ["y"], None)  # new data: no marks until the trainer says
    assert model.headerData(1, Qt.Vertical) == "2"


def test_new_data_decides_again_whether_the_target_is_binary(model):
    """Whether one target is 0/1 is remembered per set_data (it was a whole-table scan every report)."""
    model.set_predictions(P)
    assert model.is_classification() and model.scores().kind == "accuracy"
    model.set_data(X, np.array([[0.5], [1.5], [2], [3]]), ["x1", "x2"], ["y"], None)
    model.set_predictions(np.zeros((4, 1)))
    assert not model.is_classification() and model.accuracy() is None
    scores = model.scores()
    assert scores.kind == "rmse" and scores.train == pytest.approx(np.sqrt(np.mean([0.25, 2.25, 4, 9])))
    model.set_data(X, Y, ["x1", "x2"], ["y"], None)
    model.set_predictions(P)
    assert model.is_classification() and model.scores().train == 0.5


def test_errors_that_are_not_numbers_get_the_worst_colour(model):
    from nngui.views.prediction_model import _LEVELS, _levels

    levels = _levels(np.array([0.0, 0.25, 1.0, 7.0, -0.5, np.nan, np.inf, -np.inf]))
    assert levels.tolist() == [0, 4, 16, 16, 0, 16, 16, 16] and _LEVELS == 17
    model.set_predictions(np.array([[0.0], [np.nan], [np.inf], [0.0]]))
    worst = model.index(1, column(model, "y error")).data(Qt.BackgroundRole).color()
    assert worst == error_color(1.0) != model.index(0, column(model, "y error")).data(Qt.BackgroundRole).color()
