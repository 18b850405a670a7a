"""nngui's training core: dense neural networks in pure NumPy (no Qt, ever)."""
