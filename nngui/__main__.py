"""Console entry point: `nngui train|predict|evaluate|generate|presets|export` go to the headless CLI, anything else opens the window."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"train", "predict", "evaluate", "generate", "export", "presets"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in CLI_COMMANDS:
        from core.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] == "animate":  # headless too, but it draws with Qt (offscreen): nngui.animate
        from nngui.animate import main as animate_main

        return animate_main(argv[1:])
    from nngui.app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
