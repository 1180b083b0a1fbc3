"""Benchmarks with budgets: run `python benchmarks/run.py`; see run.py."""
