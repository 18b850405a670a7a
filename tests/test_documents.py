"""What the title and the banners say after opening a model file or importing a CSV file."""

import json

from helpers import find
from PySide6.QtWidgets import QAbstractButton, QLabel


def _model_without_data(qtbot, window, tmp_path):
    find(window, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: window.controller.state == "done", timeout=30000)
    path = tmp_path / "xor-model.json"
    assert window.export_model(path)
    d = json.loads(path.read_text())
    d.pop("data", None)
    path.write_text(json.dumps(d))
    return path, d


def test_a_model_file_without_data_opens_as_a_network_with_a_calm_notice(qtbot, window, tmp_path):
    path, d = _model_without_data(qtbot, window, tmp_path)
    assert window.open_model(path)
    notice = find(window, "noticeBanner", QLabel)
    assert notice.isVisible()
    text = notice.text()
    assert "no data" in text and "x1, x2, x3" in text and "(target)" in text, text
    assert "cannot be used" not in text
    assert "e6f0fa" in notice.styleSheet()  # the calm (blue) style, not the warning
    assert window.network_view.node_count() == 3 + 4 + 1  # the model's 3-4-1 network
    assert len(window.loss_plot.train_item.getData()[0]) > 0  # its loss curve
    assert window.windowTitle().startswith("xor-model.json")
    assert not window.errors


def test_importing_a_csv_renames_an_unsaved_document(qtbot, window, tmp_path):
    csv = tmp_path / "wine.csv"
    csv.write_text("a,b,label\n1,2,0\n3,4,1\n5,6,0\n")
    assert window.import_csv(csv, background=False)
    assert window.windowTitle().startswith("wine.csv")
    assert window.document.stem() == "wine"


def test_importing_a_csv_into_a_saved_project_keeps_the_project(qtbot, window, tmp_path):
    project = tmp_path / "lesson.nngui.json"
    assert window.save_project(project)
    csv = tmp_path / "wine.csv"
    csv.write_text("a,b,label\n1,2,0\n3,4,1\n5,6,0\n")
    assert window.import_csv(csv, background=False)
    assert window.windowTitle().startswith("lesson.nngui.json") and window.is_modified()
    assert window.current_path == str(project)
