"""The help screen: every key of the viewer, built from the bindings themselves.

Built from the same ``Binding`` objects the footer and the command palette use,
so the help can never disagree with what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.model import MARKERS

_LEGEND = (
    ("inserted", "$text-success", "a paragraph added"),
    ("deleted", "$text-error", "a paragraph removed"),
    ("modified", "$text-warning", "edited: struck-through words removed, underlined words added"),
    ("moved", "$text-primary", "moved (a label says from where), perhaps edited too"),
    ("split", "$text-secondary", "split or merged: a bracket joins the parts"),
    ("formatting", "$text-muted", "only quotes, dashes, spacing or markup differ (f shows them)"),
)


def key_label(binding: Binding) -> str:
    """How a binding's keys read to a person: ``j / down``."""
    if binding.key_display:
        return binding.key_display
    names = {"slash": "/", "question_mark": "?", "space": "space", "pagedown": "page down", "pageup": "page up"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


def _bindings(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]


class HelpScreen(ModalScreen[None]):
    """A modal list of keys and what the colours mean."""

    CSS_PATH = "help.tcss"
    AUTO_FOCUS = "#help-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", tooltip="Close the help", id="close-help"),
    ]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        """List ``bindings``."""
        super().__init__()
        self.bindings = _bindings(bindings)

    def compose(self) -> ComposeResult:
        """A title, the keys, the legend."""
        with Vertical(id="help"):
            yield Static(
                Content.assemble(
                    ("Keys", "bold $text-primary"),
                    ("   escape, ? or q closes this · ↑ ↓ page up/down scroll", "$text-muted"),
                ),
                classes="title",
            )
            with VerticalScroll(id="help-scroll"):
                rows = [
                    Content.assemble(
                        (f"{key_label(b):>16}", "bold $text-accent"), "  ", (b.tooltip or b.description, "")
                    )
                    for b in self.bindings
                ]
                rows.append(
                    Content.assemble(
                        (f"{'mouse':>16}", "bold $text-accent"),
                        "  ",
                        "wheel scrolls both panes; click the ruler or a listed change to jump",
                    )
                )
                yield Static(Content("\n").join(rows), id="keys")
                yield Static("Colours and markers", classes="title")
                legend = [
                    Content.assemble((f"{MARKERS.get(op, '┌')!s:>16}", f"bold {colour}"), "  ", (text, ""))
                    for op, colour, text in _LEGEND
                ]
                legend.append(
                    Content.assemble(
                        (f"{'dimmed':>16}", "$text-disabled"),
                        "  ",
                        "boilerplate (appeals, credits, links), with its category; b cycles",
                    )
                )
                legend.append(
                    Content.assemble(
                        (f"{'headline':>16}", "italic $text-muted"),
                        "  ",
                        "metadata (headline, date, byline): a difference to note, never counted as a change",
                    )
                )
                legend.append(
                    Content.assemble(
                        (f"{'old ¶8  new ¶12':>16}", "$text-muted"),
                        "  ",
                        "paragraph numbers say their side; side by side, the left pane is old, the right new",
                    )
                )
                legend.append(
                    Content.assemble(
                        (f"{'navigation?':>16}", "$text-disabled"),
                        "  ",
                        "dimmed on a guess (nothing names it): check it is no edit",
                    )
                )
                yield Static(Content("\n").join(legend), id="legend")
            yield Static("escape, ? or q to close", classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
