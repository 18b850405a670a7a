"""What the title and the banners say after opening a model file or importing a CSV file."""

import json

from helpers import find
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPushButton


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


def test_after_divergence_the_plot_marks_the_epoch_instead_of_asking_to_train(qtbot, window):
    window.apply_config(window.settings_panel.config().replace(learning_rate=1e6))
    find(window, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: window.controller.state == "diverged", timeout=30000)
    qtbot.waitUntil(lambda: window.loss_plot.diverged_epoch is not None, timeout=3000)
    t = window.controller.trainer
    assert window.loss_plot.diverged_epoch == t.epoch + 1
    hint = find(window, "lossPlotHint", QLabel)
    assert f"diverged at epoch {t.epoch + 1}" in hint.text() and "No training yet" not in hint.text()
    assert find(window, "divergenceBanner", QLabel).isVisible()
    window.reset()
    assert window.loss_plot.diverged_epoch is None
    assert "No training yet" in hint.text()


def test_a_later_divergence_keeps_the_curve_up_to_it(qtbot, window):
    window.load_preset("circle")  # measured: 50 epochs, then a rate of 1e4 diverges at epoch 58
    window.apply_config(window.settings_panel.config().replace(epochs=0))
    assert window.step(50)
    window.controller.wait_idle(10)
    window.apply_config(window.settings_panel.config().replace(learning_rate=1e4))
    find(window, "trainButton", QAbstractButton).click()
    qtbot.waitUntil(lambda: window.controller.state == "diverged", timeout=30000)
    qtbot.waitUntil(lambda: window.loss_plot.diverged_epoch is not None, timeout=3000)
    x, _ = window.loss_plot.train_item.getData()
    t = window.controller.trainer
    assert len(x) == t.epoch >= 50 and x[-1] == t.epoch and window.loss_plot.diverged_epoch == t.epoch + 1


def _import(window, tmp_path, text, name="own.csv"):
    csv = tmp_path / name
    csv.write_text(text)
    assert window.import_csv(csv, background=False)


def test_class_labels_with_default_settings_offer_softmax_and_cross_entropy(qtbot, window, tmp_path):
    window.new_project()
    rows = "\n".join(f"{i % 7},{(i * 3) % 5},{i % 3}" for i in range(30))
    _import(window, tmp_path, "a,b,label\n" + rows + "\n")
    hint = find(window, "dataHint", QFrame)
    assert hint.isVisible() and "3 class labels (0, 1, 2)" in find(window, "dataHintText", QLabel).text()
    cfg = window.settings_panel.config()
    assert (cfg.output_activation, cfg.loss) != ("softmax", "ce")
    assert window.start_training(5)  # the hint does not block training
    window.controller.wait_idle(10)
    find(window, "dataHintApply", QPushButton).click()
    cfg = window.settings_panel.config()
    assert (cfg.output_activation, cfg.loss) == ("softmax", "ce") and not hint.isVisible()
    assert window.controller.trainer.config.loss == "ce" and window.controller.trainer.classes == (0.0, 1.0, 2.0)


def test_wide_inputs_offer_normalisation_and_a_dismissed_hint_stays_away(qtbot, window, tmp_path):
    window.new_project()
    rows = "\n".join(f"{100 * i},{i % 2},{i % 2}" for i in range(10))
    _import(window, tmp_path, "big,small,y\n" + rows + "\n")
    text = find(window, "dataHintText", QLabel).text()
    assert "spans 900" in text and "standardised" in text
    find(window, "dataHintDismiss", QPushButton).click()
    assert not find(window, "dataHint", QFrame).isVisible()
    window.apply_config(window.settings_panel.config().replace(learning_rate=0.5))  # a rebuild: still dismissed
    assert not find(window, "dataHint", QFrame).isVisible()
    assert window.settings_panel.config().normalize == "none"


def test_the_seed_presets_get_no_hint(qtbot, window):
    for name in ("loy-xor", "l-layer", "xor", "circle", "spiral", "iris"):
        window.load_preset(name)
        assert not find(window, "dataHint", QFrame).isVisible(), name


def test_class_labels_that_the_settings_refuse_still_get_the_hint(qtbot, window, tmp_path):
    window.load_preset("circle")  # sigmoid output, binary cross-entropy: labels 0, 1, 2 cannot train
    rows = "\n".join(f"{i % 7},{(i * 3) % 5},{i % 3}" for i in range(30))
    _import(window, tmp_path, "a,b,label\n" + rows + "\n", "three.csv")
    assert window.controller.trainer is None and find(window, "noticeBanner", QLabel).isVisible()
    assert window.network_view.unit_name(0, 0) == "a"  # the diagram names the new columns
    assert find(window, "dataHint", QFrame).isVisible()
    find(window, "dataHintApply", QPushButton).click()
    assert window.controller.trainer is not None and window.controller.trainer.classes == (0.0, 1.0, 2.0)
    assert not find(window, "noticeBanner", QLabel).isVisible()
