"""docs/screenshot-lesson.png: the circle lesson's first step answered and trained, at 1280x720.

Run with ``python docs/gallery/make_lesson_screenshot.py`` (no display needed).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no saved window state or language from this machine


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from core.resources import resource_path
    from nngui.app import create_main_window
    from nngui.views.lesson_pane import LessonPane

    w = create_main_window()
    w.persist_state = False
    w.resize(1280, 720)
    w.show()
    w.open_lesson(resource_path("lessons", "hidden-layers-circle.nngui-lesson.json"))
    pane = w.findChild(LessonPane, "lessonPane")
    pane.choices.button(2).setChecked(True)
    pane.commit_answer()
    t0 = time.monotonic()
    while (w.controller.is_running() or not pane.reveal_text()) and time.monotonic() - t0 < 60:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()
    out = ROOT / "docs" / "screenshot-lesson.png"
    w.grab().save(str(out))
    w.controller.shutdown()
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
