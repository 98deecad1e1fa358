"""What a report shows: the choices shared by every format."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from tui.errors import ArticleDiffError
from tui.model import BOILERPLATE_MODES, BoilerplateMode  # not from tui.present: a JSON report never needs it

MarkdownStyle = Literal["plain", "critic"]

#: Unchanged paragraphs shown around each change when a format does not say otherwise.
DEFAULT_CONTEXT = 1


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How a report presents a Comparison; nothing here changes the comparison itself."""

    context: int | None = None
    """Unchanged rows kept around each change; ``None`` for the format's default."""
    boilerplate: BoilerplateMode = "dim"
    """Show boilerplate like body text, dim it (and list it apart), or hide it."""
    markdown_style: MarkdownStyle = "plain"
    """``plain`` marks words with ``~~`` and ``**``; ``critic`` uses CriticMarkup."""
    color: bool = False
    """Emit ANSI colour in the text and terminal reports."""
    width: int | None = None
    """Wrap or size terminal and text output to this many columns."""
    title: str | None = None
    """A title for the report; the article's headline when not given."""

    @classmethod
    def from_kwargs(cls, **options: Any) -> ReportOptions:
        """Build options from keyword arguments, refusing names no format knows."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise ArticleDiffError(f"unknown report option: {', '.join(unknown)}")
        values = {k: v for k, v in options.items() if v is not None or k == "context"}
        opts = cls(**values)
        if opts.boilerplate not in BOILERPLATE_MODES:
            raise ArticleDiffError(f"--boilerplate must be show, dim or hide, not {opts.boilerplate!r}")
        if opts.markdown_style not in ("plain", "critic"):
            raise ArticleDiffError(f"--markdown-style must be plain or critic, not {opts.markdown_style!r}")
        if opts.context is not None and opts.context < 0:
            raise ArticleDiffError("--context must be 0 or more")
        return opts
