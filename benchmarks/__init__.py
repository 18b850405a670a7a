"""nngui's benchmarks: `python -m benchmarks` (or `make bench`) prints the table and writes JSON."""
