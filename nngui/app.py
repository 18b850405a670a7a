"""Start the desktop app: ``nngui [FILE]``, or render a screenshot without a display.

``nngui --preset NAME --train EPOCHS --screenshot OUT.png [--size 1280x800] [--scale F]``
loads a preset, trains it through the worker thread (waiting for it), renders the whole
window offscreen and writes the PNG: that is how the README's screenshots are made.

``--size`` is the window's size in logical pixels, the size a user sees and the one
the layout is made for, whatever the screen's scale. The PNG has ``--scale`` image
pixels per logical pixel (default: the screen's scale, ``QT_SCALE_FACTOR``, which is 1
on most machines), so ``--size 1280x720`` gives a 1280x720 PNG at scale 1 and a sharp
2560x1440 one at scale 2; ``--scale 1`` always gives exactly WxH pixels. The PNG
records 96 dpi times the scale, so documents place it at WxH points.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

DEFAULT_SIZE = (1400, 900)
BASE_DPI = 96  # what a logical pixel is on a screen at 100 %


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().replace("\u00d7", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 1280x800, got {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"size {w}x{h} is outside 320x240 .. 8000x8000")
    return w, h


def _parse_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a scale like 1, 1.5 or 2, got {text!r}") from None
    if not 0.5 <= value <= 4:
        raise argparse.ArgumentTypeError(f"scale {value:g} is outside 0.5 .. 4")
    return value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nngui", description="Train small neural networks by pointing and clicking.",
        epilog="Headless commands: nngui train | predict | presets | export (see 'nngui train --help').",
    )
    p.add_argument("file", nargs="?", help="a project (.nngui.json), model file (.json) or CSV file to open")
    p.add_argument("--preset", help="load this preset (e.g. loy-xor, xor, iris)")
    p.add_argument("--train", type=int, metavar="EPOCHS", help="train this many epochs before showing the window")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window to this PNG and exit (no display needed)")
    p.add_argument("--size", type=_parse_size, metavar="WxH",
                   help="window size in logical pixels (what you see at 100 %% scale), e.g. 1280x800")
    p.add_argument("--scale", type=_parse_scale, metavar="F",
                   help="with --screenshot: image pixels per logical pixel (default: the screen's scale, "
                        "QT_SCALE_FACTOR, usually 1); the PNG is W*F x H*F pixels, e.g. --scale 2 for a sharp "
                        "image on a HiDPI projector, --scale 1 for exactly WxH")
    p.add_argument("--presentation", action="store_true", help="projector mode: bigger fonts, thicker lines")
    p.add_argument("--language", metavar="LANG", choices=("system", "en", "zh_CN"),
                   help="interface language for this run: system, en or zh_CN (default: the one chosen in "
                        "View > Language)")
    return p


def _qt_platform_for(screenshot: bool) -> None:
    """Offscreen for screenshots, and when there is no display at all (Qt would abort)."""
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "nngui"])
    app.setApplicationName("nngui")
    app.setOrganizationName("nngui")
    app.setApplicationDisplayName("nngui")
    return app


def _configure_pyqtgraph() -> None:
    import pyqtgraph as pg

    pg.setConfigOptions(background="w", foreground="k", antialias=True)


def create_main_window(preset: str | None = "loy-xor", restore: bool = True, language: str | None = None):
    """Build the main window with ``preset`` loaded (no event loop is started).

    ``language``: "en", "zh_CN" or "system" for this window; None: the one saved from View > Language.

    The cyclic garbage collector is not paused while the window is built (it saved ~50 ms of the first
    paint): a pause lets cycles holding Qt objects pile up, and the collection that frees them may then
    run in whichever thread allocates next, a training thread included, where destroying a widget
    crashes the process (a fresh clone's test run did).
    """
    _application()
    _configure_pyqtgraph()
    from nngui.support import i18n
    from nngui.main_window import MainWindow

    if language is None:
        i18n.install_saved()
    elif not i18n.install(i18n.resolve(language)):
        i18n.install("en")

    window = MainWindow()
    if restore:
        window.restore_window_state()
    if preset:
        window.load_preset(preset)
    return window


def train_synchronously(window, epochs: int, timeout: float = 600.0) -> bool:
    """Train ``epochs`` more epochs through the worker and wait for it (the event loop keeps running)."""
    c = window.controller
    t = c.trainer
    if t is None:
        return False
    window.session.make_room(epochs)  # the requested epochs fit under the target (weights carry on)
    if not window.start_training(epochs):
        return False
    return c.wait_idle(timeout)


def _settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def render_window(window, scale: float | None = None):
    """The whole window as a QImage of ``scale`` image pixels per logical pixel (None: the screen's).

    The image is ``round(width * scale) x round(height * scale)`` pixels; its dots per inch are
    96 x scale, so a document places it at the window's logical size.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    screen_scale = window.devicePixelRatioF()
    if scale is None or abs(scale - screen_scale) < 1e-9:
        scale = screen_scale
        image = window.grab().toImage()
    else:
        size = window.size()
        image = QImage(round(size.width() * scale), round(size.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(Qt.GlobalColor.transparent)
        window.render(image)
    dots_per_meter = round(BASE_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    return image


def screenshot(window, path: str, scale: float | None = None) -> None:
    """Render the whole window to a PNG (atomically); see :func:`render_window` for its size."""
    from nngui.support.palettes import save_image_atomic

    save_image_atomic(render_window(window, scale), path)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(argv)
    shot = args.screenshot
    if args.scale is not None and not shot:
        parser.error("--scale is for --screenshot (a window on the screen uses the screen's scale)")
    if args.preset:
        from core.presets import PRESETS

        if args.preset not in PRESETS:
            print(f"nngui: unknown preset {args.preset!r}; expected one of {', '.join(PRESETS)}", file=sys.stderr)
            return 2
    _qt_platform_for(bool(shot))
    app = _application()
    started = time.perf_counter()
    window = create_main_window(preset=None if (args.file or args.preset) else "loy-xor", restore=not shot,
                                language=args.language)
    previous_hook = None
    try:
        if args.file:
            if not window.open_file(args.file):
                title, text = window.errors[-1] if window.errors else ("Cannot open", args.file)
                print(f"nngui: {text}", file=sys.stderr)
                if shot:
                    return 2
                window.load_preset("loy-xor")
        if args.preset:
            window.load_preset(args.preset)
        if args.presentation:
            window.set_presentation(True, full_screen=not shot)
        if shot or args.size:
            w, h = args.size or DEFAULT_SIZE
            window.resize(w, h)
        window.show()
        if shot:
            _settle(app, 0.2)
            window.set_default_splits()
        else:
            from PySide6.QtCore import QTimer

            from nngui.support import excepthook

            # Once the window is up: offer work autosaved by a session that crashed (nngui.files.autosave).
            QTimer.singleShot(0, window.check_recovery)
            previous_hook = excepthook.install(window)  # unexpected GUI errors become a message
        if os.environ.get("NNGUI_STARTUP_TIME"):
            print(f"nngui: window ready in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        if args.train:
            if not train_synchronously(window, args.train):
                print("nngui: training did not finish", file=sys.stderr)
                if shot:
                    return 3
        if shot:
            _settle(app, 0.4)
            try:
                screenshot(window, shot, args.scale)
            except OSError as exc:
                print(f"nngui: cannot write {shot}: {exc}", file=sys.stderr)
                return 2
            print(f"nngui: wrote {shot}", file=sys.stderr)
            return 0
        return app.exec()
    finally:
        if previous_hook is not None:
            sys.excepthook = previous_hook
        window.controller.shutdown()
        if shot:
            window.persist_state = False  # a screenshot never changes the user's saved window state
            window.set_modified(False)
            window.close()


if __name__ == "__main__":
    sys.exit(main())
