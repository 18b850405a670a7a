"""Make docs/screenshot-training-options.png: the spiral with L2, L1, a step schedule, early stopping and a
different activation per hidden layer, the best epoch marked on the loss plot, the penalty beside the loss, the
live learning rate in the status bar and a weight being edited by hand in the diagram.

Run with ``python docs/gallery/make_training_screenshot.py``; needs no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

OUT = ROOT / "docs" / "screenshot-training-options.png"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from nngui.app import create_main_window, render_window, train_synchronously

    w = create_main_window(preset="spiral", language="en")
    w.persist_state = False
    w.resize(1280, 720)
    w.show()
    for _ in range(10):
        app.processEvents()
    w.set_default_splits()
    cfg = w.settings_panel.config().replace(
        epochs=400, batch_size=32, normalize="standard", hidden=(8, 8), activation=("tanh", "relu"),
        l2=0.003, l1=0.0005, schedule="step:0.7:40", early_stopping=12, validation=0.25)
    w.apply_config(cfg)
    train_synchronously(w, 400)
    view = w.network_view
    line = view.edge_item(1, 2, 3).line()
    w.weight_editing.edit_at(view.mapFromScene(QPointF(line.x1() + 0.3 * (line.x2() - line.x1()),
                                                       line.y1() + 0.3 * (line.y2() - line.y1()))))
    scroll = w.findChild(QScrollArea, "settingsScroll")
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())  # the section in view
    for _ in range(10):
        app.processEvents()
    epochs, losses = w.controller.trainer.history.curve()
    vb = w.loss_plot.getPlotItem().getViewBox()
    w.loss_plot.hover_at(vb.mapViewToScene(QPointF(float(epochs[59]), float(losses[59]))))
    for _ in range(10):
        app.processEvents()
    render_window(w, 1.0).save(str(OUT))
    w.controller.shutdown()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
