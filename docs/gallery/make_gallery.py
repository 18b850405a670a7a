"""Make docs/gallery/: the app's own ``--screenshot`` of every preset at 1280x720 (a projector), plus
projector mode and Simplified Chinese for a few, and the gallery's README.

Run with ``make gallery`` (or ``python docs/gallery/make_gallery.py``); needs no display.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from core.presets import PRESETS  # noqa: E402

SIZE = "1280x720"
MAX_EPOCHS = 3000  # enough to show learning; the l-layer preset's 20,000 would add nothing to a picture
EXTRA = {"projector": ("loy-xor", "spiral", "iris"), "zh_CN": ("loy-xor", "circle", "iris")}


def shoot(preset: str, out: Path, *extra: str) -> None:
    epochs = min(PRESETS[preset].config.epochs or MAX_EPOCHS, MAX_EPOCHS)
    cmd = [sys.executable, "-m", "nngui", "--preset", preset, "--train", str(epochs), "--size", SIZE,
           "--scale", "1", "--screenshot", str(out), *extra]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"wrote {out.relative_to(ROOT)}")


def main() -> None:
    rows = []
    for name, preset in PRESETS.items():
        shoot(name, HERE / f"{name}.png", "--language", "en")
        rows.append((f"{name}.png", f"{preset.title}, {SIZE}"))
    for name in EXTRA["projector"]:
        shoot(name, HERE / f"{name}-projector.png", "--presentation", "--language", "en")
        rows.append((f"{name}-projector.png", f"{PRESETS[name].title}, projector mode (F11), {SIZE}"))
    for name in EXTRA["zh_CN"]:
        shoot(name, HERE / f"{name}-zh_CN.png", "--language", "zh_CN")
        rows.append((f"{name}-zh_CN.png", f"{PRESETS[name].title}, Simplified Chinese, {SIZE}"))
    lines = ["# Gallery", "",
             "Made by the app itself (`make gallery`: `nngui --preset NAME --train N --size 1280x720 "
             "--screenshot FILE`), trained for each preset's epoch target (at most "
             f"{MAX_EPOCHS:,}). 1280x720 is a classroom projector's size.", ""]
    for file, caption in rows:
        lines += [f"## {caption}", "", f"![{caption}]({file})", ""]
    (HERE / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print("wrote docs/gallery/README.md")


if __name__ == "__main__":
    main()
