"""Make docs/screenshot-data.png: the Playground-style data tools in one picture.

The classic lesson (the circle, no hidden layer, the *squares* input feature, a quarter of the
rows held out: hollow on the decision map, draw mode on) trained to 100 % accuracy, with
*File > New data set…* open over the diagram. Run ``python docs/gallery/make_data_screenshot.py``;
needs no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(out: Path = ROOT / "docs" / "screenshot-data.png") -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    from nngui.app import create_main_window
    from nngui.files import new_data_set

    w = create_main_window(preset="circle")
    w.persist_state = False
    w.resize(1280, 720)
    w.show()
    w.set_default_splits()
    panel = w.settings_panel
    panel.hidden_editor.remove_layer()
    panel.features_editor.toggle.setChecked(True)
    panel.features_editor.boxes["squares"].click()
    w.apply_config(panel.config().replace(learning_rate=0.5, epochs=5000, validation=0.25, stop_accuracy=True))
    w.start_training()
    while w.controller.is_running():
        app.processEvents()
    w.controller.pause(wait=True)
    for _ in range(20):
        app.processEvents()
    w.loss_map_splitter.setSizes([w.loss_map_splitter.width() - 340, 340])
    w.views.map_drawing.button.setChecked(True)
    w.views.map_drawing.choose_class(1.0)
    dialog = new_data_set.open_dialog(w)
    dialog.set_settings(name="spiral", rows=300, noise=0.15, seed=2, validation=0.25)
    for _ in range(20):
        app.processEvents()
    shot = w.grab()
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(24, 372), dialog.grab())  # the features, diagram and map stay in view
    painter.end()
    shot.save(str(out))
    print(f"wrote {out.relative_to(ROOT)}")
    dialog.reject()
    w.controller.shutdown()


if __name__ == "__main__":
    main()
