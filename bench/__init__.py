"""Benchmarks: run each with ``python -m bench.NAME``; results go to bench/results/NAME.json."""
