"""Benchmarks and evaluations: run as modules, never part of the test run."""
