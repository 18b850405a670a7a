"""The window's place and shape between sessions: geometry, docks, splitters, log scale, speed (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication

from nngui.support.palettes import PALETTES
from nngui.support.settings import app_settings


def save(window) -> None:
    """Geometry, docks, splitters, log scale and speed into QSettings (closing the window)."""
    s = app_settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    for key, value in window.views.splitter_states().items():
        s.setValue(key, value)
    s.setValue("view/logScale", window.loss_plot.log_scale)
    s.setValue("view/speed", window.speed_slider.value())
    s.sync()


def fit_to_screen(window) -> None:
    """Keep a restored (or default) window inside the screen it opens on: a geometry saved on a bigger
    screen, or a projector's 1280x720, must not leave the right-hand views off the screen."""
    if QGuiApplication.platformName() == "offscreen":
        return  # no real screen: sizes are set by the caller (screenshots, tests)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    if window.width() > avail.width() or window.height() > avail.height() or not avail.intersects(window.geometry()):
        window.resize(min(window.width(), avail.width()), min(window.height(), avail.height()))
        window.move(avail.topLeft())


def restore(window) -> bool:
    """What :func:`save` kept; True when there was a saved geometry (else the default splits apply)."""
    s = app_settings()
    restored = bool(s.value("window/geometry"))
    for key, apply in (("window/geometry", window.restoreGeometry), ("window/state", window.restoreState)):
        value = s.value(key)
        if isinstance(value, (QByteArray, bytes)) and value:
            apply(value)
    window.views.restore_splitters(s.value)
    fit_to_screen(window)
    palette = s.value("view/palette")
    if palette in PALETTES:
        window.set_palette(str(palette), remember=False)
    log = s.value("view/logScale")
    if log is not None:
        window.log_action.setChecked(str(log).lower() in ("true", "1"))
    try:
        speed = s.value("view/speed")
        if speed is not None:
            window.speed_slider.setValue(int(speed))
    except (TypeError, ValueError):
        pass
    return restored
