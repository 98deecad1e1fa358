"""Batch runs: compare millions of article versions on Dask, one result row per pair (``article-diff batch``).

Needs the ``batch`` extra (dask, distributed, pyarrow). Nothing here is imported by a single-pair run, and the
engine below never imports this package.
"""
