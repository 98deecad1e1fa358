"""Tests of the benchmark's own tools; kept beside them so that tests/ and bench/ never import each other."""
