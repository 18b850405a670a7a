"""``python -m core train|predict|presets ...``: the headless command line (no Qt)."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
