"""Animations for slides: the decision map, the loss curve and the diagram over training, as an animated GIF
and a folder of PNG frames, the epoch printed on each frame.

The frames are drawn offscreen by views of their own (a :class:`NetworkView`, a
:class:`DecisionMap` and a :class:`LossPlot` that are never shown on screen), so the window
is not disturbed. Their weights come from the run's checkpoints
(:mod:`nngui.training.timeline`): "every checkpoint" draws one frame per checkpoint (many
early, ~10 % apart later), a frame count draws frames evenly spaced in epochs, each
exact: a private copy of the trainer is put at the checkpoint before a frame's epoch and
trained on to it (the same weights the run had, bit for bit). ``nngui animate``
(:mod:`nngui.animate`) trains and draws headless.

Written: ``NAME.gif`` (Pillow, looping, one duration for every frame) and beside it
``NAME_frames/frame_0001.png`` ...; both atomically per file, and frames left from an earlier
export of the same name are removed first.
"""

from __future__ import annotations

import glob
import io
import os
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QProgressDialog, QWidget

from core import inspect as ins
from core.files import atomic_write_bytes
from core.history import LossHistory
from core.network import Network
from core.trainer import Trainer

from nngui.support.formatting import integer, short
from nngui.support.i18n import fmt, translate
from nngui.training import timeline
from nngui.views.decision_map import DecisionMap
from nngui.views.loss_plot import LossPlot
from nngui.views.network_view import NetworkView

PANELS = ("map", "loss", "diagram")  # in the order they are placed, left to right
PANEL_SIZE = (480, 400)
HEADER = 34  # px above the panels: the epoch and the loss
MAX_FRAMES = 2000
INSTALL_HINT = "pip install pillow"


class AnimationError(Exception):
    """An animation that cannot be made; the text says why (naming the file when it is one)."""


@dataclass(frozen=True)
class AnimationOptions:
    """What to draw: ``panels`` (of :data:`PANELS`), ``frames`` (0: one per checkpoint), ``frame_ms`` per frame."""

    path: str = ""
    panels: tuple[str, ...] = PANELS
    frames: int = 60
    frame_ms: int = 100
    size: tuple[int, int] = PANEL_SIZE
    log_scale: bool = False
    palette: str = "default"


@dataclass(frozen=True)
class Frame:
    """One frame's network: the epoch and copies of (W, b) per layer."""

    epoch: int
    layers: tuple


@dataclass(frozen=True)
class Still:
    """What the views read of a report."""

    architecture: object
    layers: tuple


# -- which epochs ------------------------------------------------------------------------------------


def frame_epochs(first: int, last: int, count: int) -> list[int]:
    """``count`` epochs evenly spaced from ``first`` to ``last`` (both included; fewer when they are closer)."""
    if count <= 1 or last <= first:
        return [int(last)]
    return sorted({int(round(first + k * (last - first) / (count - 1))) for k in range(count)})


def frames_path(path: str) -> str:
    """The folder of PNG frames beside the GIF: ``spiral.gif`` -> ``spiral_frames``."""
    root, ext = os.path.splitext(os.fspath(path))
    return (root if ext.lower() == ".gif" else os.fspath(path)) + "_frames"


def check_path(path: str) -> None:
    """Refuse a GIF path that cannot be written, before any work (AnimationError naming it)."""
    path = os.fspath(path)
    if not path:
        raise AnimationError(translate("MainWindow", "No file name was given for the animation."))
    if os.path.isdir(path):
        raise AnimationError(fmt(translate("MainWindow", "%1 is a folder, not a file name."), path))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise AnimationError(fmt(translate("MainWindow", "%1: the folder %2 does not exist."), path, folder))
    if not os.access(folder, os.W_OK):
        raise AnimationError(fmt(translate("MainWindow", "%1: the folder %2 is not writable."), path, folder))
    frames = frames_path(path)
    if os.path.exists(frames) and not os.path.isdir(frames):
        raise AnimationError(fmt(translate("MainWindow", "%1 is a file; the PNG frames need a folder of that name."),
                                 frames))


def replay(trainer: Trainer, checkpoints, epochs) -> list[Frame]:
    """The weights at each of ``epochs`` (increasing): a checkpoint's own, or a private copy of ``trainer`` put at
    the latest checkpoint before the epoch and trained on to it. ``trainer`` itself is only read (idle)."""
    return list(replay_frames(trainer, checkpoints, epochs))


def replay_frames(trainer: Trainer, checkpoints, epochs):
    """:func:`replay` one frame at a time (a generator)."""
    cps = sorted(checkpoints, key=lambda c: c.epoch)
    if not cps:
        return
    arch = trainer.network.arch
    sim = None
    at = None  # the epoch the copy's weights are at
    for e in epochs:
        before = [cp for cp in cps if cp.epoch <= e]
        if not before:
            continue
        cp = before[-1]
        if cp.epoch == e:
            yield Frame(e, _layers(arch, cp.params))
            continue
        if sim is None:  # the run's settings, nothing that ends training early (epochs kept: a schedule reads them)
            sim = Trainer(trainer.dataset, trainer.config.replace(stop_loss=0.0, stop_accuracy=False, early_stopping=0),
                          start=trainer.network, normalizer=trainer.normalizer)
        if at is None or at > e or cp.epoch > at:
            timeline.restore_into(sim, cp)
            sim.epoch, sim.history, sim.val_history = cp.epoch, LossHistory(), LossHistory()  # the schedule's epoch
            at = cp.epoch
        sim.train(e - at)
        at = e
        yield Frame(e, tuple(sim.weights()))


def _layers(arch, params: np.ndarray) -> tuple:
    return tuple(Network(arch, np.array(params)).layers())


# -- drawing -----------------------------------------------------------------------------------------


def _offscreen(widget: QWidget, size: tuple[int, int]) -> QWidget:
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*size)
    widget.show()
    return widget


class Renderer:
    """Views of their own, never on screen, drawing one frame at a time into a QImage."""

    def __init__(self, session: ins.Session, arch, input_names, output_names, output_activation: str,
                 curves: tuple, options: AnimationOptions) -> None:
        """``curves``: the whole run's (training, validation or None) loss curves; each frame shows them up to its epoch."""
        self.arch, self.options = arch, options
        self.train_curve, self.val_curve = curves
        size = tuple(options.size)
        self.panels: list[tuple[str, QWidget]] = []
        for name in PANELS:
            if name not in options.panels:
                continue
            if name == "map":
                view = DecisionMap()
                view.set_palette(options.palette)
                view.set_session(session, output_activation, list(output_names))
                if not view.applicable:
                    view.deleteLater()
                    continue
            elif name == "loss":
                view = LossPlot()
                view.set_palette(options.palette)
                view.set_log_scale(options.log_scale)
                self.marker = pg.InfiniteLine(angle=90, movable=False,
                                              pen=pg.mkPen("#444444", width=1.5, style=Qt.PenStyle.DashLine))
                view.getPlotItem().addItem(self.marker, ignoreBounds=True)
            else:
                view = NetworkView()
                view.set_palette(options.palette)
                view.set_architecture(arch, list(input_names), list(output_names))
            self.panels.append((name, _offscreen(view, size)))
        if not self.panels:
            raise AnimationError(translate("MainWindow", "Choose at least one panel to draw (the decision map needs "
                                                         "data with exactly two inputs)."))
        self.size = (size[0] * len(self.panels), size[1] + HEADER)

    def close(self) -> None:
        for _name, view in self.panels:
            view.close()
            view.deleteLater()
        self.panels = []

    def _loss_range(self) -> tuple[float, float]:
        ys = [np.asarray(c[1], dtype=float) for c in (self.train_curve, self.val_curve) if c is not None and len(c[1])]
        y = np.concatenate(ys) if ys else np.array([0.0, 1.0])
        y = y[np.isfinite(y)]
        if self.options.log_scale:
            y = np.log10(y[y > 0]) if (y > 0).any() else np.array([0.0])
        lo, hi = (float(y.min()), float(y.max())) if y.size else (0.0, 1.0)
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)

    def render(self, frame: Frame, loss: float | None = None) -> QImage:
        """One frame: the panels side by side under a strip with the epoch (and the loss)."""
        still = Still(self.arch, frame.layers)
        w, h = self.options.size
        image = QImage(self.size[0], self.size[1], QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        for i, (name, view) in enumerate(self.panels):
            if name == "map":
                view.set_report(still)
                view.refresh()
            elif name == "loss":
                self._draw_loss(view, frame.epoch)
            else:
                view.set_weights(frame.layers)
            painter.drawPixmap(QRect(i * w, HEADER, w, h), view.grab())
        font = QFont(painter.font())
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.3))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        text = fmt(translate("MainWindow", "Epoch %1"), integer(frame.epoch))
        if loss is not None:
            text += "    " + fmt(translate("MainWindow", "loss %1"), short(loss))
        painter.drawText(QRect(10, 0, self.size[0] - 20, HEADER), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
        return image

    def _draw_loss(self, plot: LossPlot, epoch: int) -> None:
        plot.set_curves(timeline.curve_until(self.train_curve, epoch), timeline.curve_until(self.val_curve, epoch))
        plot.hint_label().hide()
        self.marker.setValue(epoch)
        last = float(self.train_curve[0][-1]) if len(self.train_curve[0]) else 1.0
        lo, hi = self._loss_range()
        vb = plot.getPlotItem().getViewBox()
        vb.disableAutoRange()
        vb.setRange(xRange=(0.0, max(1.0, last)), yRange=(lo, hi), padding=0.03)


# -- writing -----------------------------------------------------------------------------------------


def _pil(image: QImage):
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombytes("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine())


def _png_bytes(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise OSError("the frame could not be encoded as PNG")
    return bytes(buf.data())


def write_animation(images: list[QImage], path: str, frame_ms: int) -> str:
    """``path`` as a looping GIF of ``images`` and the PNG frames in :func:`frames_path`; returns that folder."""
    try:
        from PIL import Image
    except ImportError:
        raise AnimationError(fmt(translate("MainWindow", "Writing a GIF needs the Pillow package: %1"),
                                 INSTALL_HINT)) from None
    check_path(path)
    if not images:
        raise AnimationError(translate("MainWindow", "There are no frames to write: train first."))
    folder = frames_path(path)
    os.makedirs(folder, exist_ok=True)
    for old in glob.glob(os.path.join(glob.escape(folder), "frame_*.png")):
        os.remove(old)
    for i, image in enumerate(images, 1):
        atomic_write_bytes(os.path.join(folder, f"frame_{i:04d}.png"), _png_bytes(image))
    frames = [_pil(im).quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) for im in images]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=max(10, int(frame_ms)),
                   loop=0, optimize=False)
    atomic_write_bytes(path, out.getvalue())
    return folder


def render_frames(renderer: Renderer, frames, history, progress=None) -> list[QImage] | None:
    """Every frame drawn, the loss of its epoch printed when the history has it; ``progress(i)`` is called before
    frame ``i`` and may return False to stop (then None)."""
    images = []
    try:
        for i, f in enumerate(frames):
            if progress is not None and progress(i) is False:
                return None
            images.append(renderer.render(f, timeline.loss_at(history, f.epoch)))
        return images
    finally:
        renderer.close()


# -- from the window ---------------------------------------------------------------------------------


def window_defaults(window) -> AnimationOptions:
    """The dialog's starting values: the document's name, the window's palette and log scale."""
    return AnimationOptions(path=os.path.join(window.document.dialog_dir(), window.document.stem() + ".gif"),
                            log_scale=window.loss_plot.log_scale, palette=window.palette_name)


def export_animation(window, options: AnimationOptions) -> bool:
    """Draw the run's checkpoints as ``options`` say and write the GIF and the PNG frames; False (with a message
    naming the file) when it cannot."""
    title = translate("MainWindow", "Cannot export the animation")
    c = window.controller
    was_running = c.is_running()
    c.pause(wait=True)
    try:
        t = c.trainer
        cps = c.checkpoints.all()
        if t is None or len(cps) < 2:
            raise AnimationError(translate("MainWindow", "There is nothing to animate yet: train first (the frames are "
                                                         "drawn from the checkpoints kept while training)."))
        check_path(options.path)
        if options.frames > 0:
            epochs = frame_epochs(cps[0].epoch, t.epoch, min(options.frames, MAX_FRAMES))
        else:
            epochs = [cp.epoch for cp in cps]
        curves = (t.history.curve(), t.val_history.curve() if len(t.val_history) else None)
        renderer = Renderer(ins.Session.from_trainer(t), t.network.arch, t.dataset.input_names,
                            window.session.output_names(), t.network.arch.output_activation, curves, options)
        bar = QProgressDialog(translate("MainWindow", "Drawing the animation\u2026"), translate("MainWindow", "Cancel"),
                              0, len(epochs), window)
        bar.setObjectName("animationProgress")
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(500)

        def progress(i: int) -> bool:
            bar.setValue(i)  # a window-modal progress dialog keeps the window painting meanwhile
            return not bar.wasCanceled()

        try:
            images = render_frames(renderer, replay_frames(t, cps, epochs), t.history, progress)
        finally:
            bar.close()
            bar.deleteLater()
        if images is None:
            window.show_status(translate("MainWindow", "Animation export cancelled: nothing was written."), 5000)
            return False
        folder = write_animation(images, options.path, options.frame_ms)
    except AnimationError as exc:
        window.show_error(title, str(exc))
        return False
    except OSError as exc:
        window.show_error(title, f"{options.path}: {exc.strerror or exc}")
        return False
    finally:
        if was_running:
            c.resume()
    window.show_status(fmt(translate("MainWindow", "Animation saved to %1: %2 frames (the PNG frames are in %3)."),
                           options.path, integer(len(images)), folder), 10000)
    return True


def export_dialog(window) -> bool:
    """File > Export animation…: ask what to draw (``window.dialogs.ask_animation``), then export it."""
    c = window.controller
    t = c.trainer
    options = window.dialogs.ask_animation(window_defaults(window), len(c.checkpoints),
                                           t is not None and t.network.arch.sizes[0] == 2)
    return export_animation(window, options) if options is not None else False
