"""``nngui animate``: train headless and write the decision map, the loss curve and the diagram as an animated
GIF and a folder of PNG frames (:mod:`nngui.files.animation`)::

    nngui animate --preset spiral --epochs 3000 --frames 60 --out spiral.gif

Every option of ``nngui train`` is accepted (the data or ``--preset``, the network, the
training settings, ``--init-from``); ``--out`` here names the GIF. The frames are the
weights at ``--frames`` epochs evenly spaced from the start to the end of training (or,
with ``--frames all``, at the epochs of the checkpoint grid: every epoch at first, then
~10 % apart). Qt draws offscreen when there is no display. Exit status: 0 done, 2 bad
input (a bad option, data or settings, or an output path that cannot be written, named in
one ``error:`` line), 3 training diverged (the animation is still written, up to there).
"""

from __future__ import annotations

import argparse
import os
import sys

from core import cli
from core.checkpoints import log_grid
from core.config import ConfigError
from core.data import DataError

EXIT_OK, EXIT_USAGE = cli.EXIT_OK, cli.EXIT_USAGE
PANEL_NAMES = {"map": "map", "decision-map": "map", "loss": "loss", "diagram": "diagram", "network": "diagram"}


def _frames(text: str) -> int:
    """``--frames``: a count from 1 to MAX_FRAMES, or ``all`` (0: the checkpoint grid)."""
    from nngui.files.animation import MAX_FRAMES

    if text.strip().lower() == "all":
        return 0
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of frames or 'all', got {text!r}") from None
    if not 1 <= n <= MAX_FRAMES:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_FRAMES} frames, got {n}")
    return n


def _panels(text: str) -> tuple[str, ...]:
    names = [p.strip().lower() for p in text.split(",") if p.strip()]
    bad = [p for p in names if p not in PANEL_NAMES]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"unknown panel {bad[0] if bad else text!r}; expected a comma list of "
                                         "map, loss, diagram")
    return tuple(dict.fromkeys(PANEL_NAMES[p] for p in names))


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels, e.g. 480x400, got {text!r}") from None
    if not (120 <= w <= 4000 and 120 <= h <= 4000):
        raise argparse.ArgumentTypeError(f"each panel must be 120 to 4000 pixels wide and high, got {text!r}")
    return w, h


def _ms(text: str) -> int:
    try:
        ms = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of milliseconds, got {text!r}") from None
    if not 20 <= ms <= 60_000:
        raise argparse.ArgumentTypeError(f"expected 20 to 60000 milliseconds, got {ms}")
    return ms


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nngui animate", usage="%(prog)s --out FILE.gif [--frames N|all] [--frame-ms MS] [--panels LIST] "
                                   "[--size WxH] [--log-scale] [any option of 'nngui train']",
        description="Train a network (as 'nngui train' does, with any of its options) and write the decision "
                    "map, the loss curve and the network diagram over training as an animated GIF, with the PNG "
                    "frames in a folder beside it (FILE_frames). The epoch is printed on each frame.",
        epilog="Example: nngui animate --preset spiral --epochs 3000 --frames 60 --out spiral.gif. "
               "Exit status: 0 done, 2 bad input, 3 training diverged.")
    p.add_argument("--out", required=True, metavar="FILE.gif", help="the animated GIF to write")
    p.add_argument("--frames", type=_frames, default=60, metavar="N|all",
                   help="frames evenly spaced in epochs from the start to the end (default 60), or 'all': one per "
                        "epoch of the checkpoint grid (every epoch at first, then ~10%% apart)")
    p.add_argument("--frame-ms", type=_ms, default=100, metavar="MS", help="how long each frame shows (default 100)")
    p.add_argument("--panels", type=_panels, default=("map", "loss", "diagram"), metavar="LIST",
                   help="a comma list of map, loss, diagram (default all three; map needs two inputs)")
    p.add_argument("--size", type=_size, default=(480, 400), metavar="WxH", help="each panel's size (default 480x400)")
    p.add_argument("--log-scale", action="store_true", help="the loss on a log scale")
    return p


def _error(message: str) -> int:
    print(f"error: {' '.join(str(message).split())}", file=sys.stderr, flush=True)
    return EXIT_USAGE


def frame_epochs_for(first: int, last: int, count: int) -> list[int]:
    """The epochs to draw: ``count`` evenly spaced, or (0) the checkpoint grid from ``first`` to ``last``."""
    from nngui.files.animation import frame_epochs

    if count:
        return frame_epochs(first, last, count)
    out, e = [first], first
    while True:
        e = log_grid(e)
        if e >= last:
            return out + [last]
        out.append(e)


def main(argv: list[str] | None = None) -> int:
    """Run ``nngui animate`` with ``argv`` (the words after ``animate``); returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args, rest = build_parser().parse_known_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        train_args = cli.build_parser().parse_args(["train", *rest])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if train_args.out or train_args.include_data:
        return _error("--out names the GIF here; save a model with 'nngui train --out'")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nngui.files import animation

    try:
        animation.check_path(args.out)
    except animation.AnimationError as exc:
        return _error(f"--out {exc}")
    captured: dict = {}

    def run(trainer, name, quiet) -> bool:
        first, last = trainer.epoch, trainer.config.epochs
        if last <= first:
            raise cli.CliError("animate needs epochs to train: give --epochs N (N > 0)")
        frames = []
        for e in frame_epochs_for(first, last, args.frames):
            if e > trainer.epoch:
                trainer.train(e - trainer.epoch)
            if trainer.epoch < e:  # diverged or a stop condition: the last frame is where it stopped
                if not frames or frames[-1].epoch != trainer.epoch:
                    frames.append(animation.Frame(trainer.epoch, tuple(trainer.weights())))
                break
            frames.append(animation.Frame(e, tuple(trainer.weights())))
        captured.update(trainer=trainer, frames=frames)
        if not quiet:
            print(f"trained {name} to epoch {trainer.epoch}; drawing {len(frames)} frames", file=sys.stderr, flush=True)
        return False

    try:
        status = cli.cmd_train(train_args, run=run)
    except (cli.CliError, ConfigError, DataError, OSError) as exc:
        return _error(str(exc))
    if "trainer" not in captured:
        return status
    return _draw(args, captured["trainer"], captured["frames"], status)


def _draw(args, trainer, frames, status: int) -> int:
    from PySide6.QtWidgets import QApplication

    from core import inspect as ins
    from nngui.files import animation
    from nngui.session import output_names

    app = QApplication.instance() or QApplication(["nngui animate"])
    t = trainer
    options = animation.AnimationOptions(path=args.out, panels=args.panels, frame_ms=args.frame_ms,
                                         size=args.size, log_scale=args.log_scale)
    curves = (t.history.curve(), t.val_history.curve() if len(t.val_history) else None)
    try:
        renderer = animation.Renderer(ins.Session.from_trainer(t), t.network.arch, t.dataset.input_names,
                                      output_names(t.dataset.target_names, t.classes),
                                      t.network.arch.output_activation, curves, options)
        folder = animation.write_animation(animation.render_frames(renderer, frames, t.history), args.out,
                                           args.frame_ms)
    except animation.AnimationError as exc:
        return _error(f"--out {exc}" if args.out in str(exc) else str(exc))
    except OSError as exc:
        return _error(f"--out {args.out}: {exc.strerror or exc}")
    w, h = renderer.size
    print(f"wrote {args.out} ({len(frames)} frames, {w}x{h}) and {len(frames)} PNG frames in {folder}",
          file=sys.stderr, flush=True)
    del app
    return status
