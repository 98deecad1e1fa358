"""article-diff: see how a news article changed."""

__version__ = "0.1.0"
