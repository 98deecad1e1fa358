"""What every drawing of a history says about each step: loud or quiet, and in which words.

The text, Markdown and HTML reports and the viewer's version strip take their
step descriptions from here, so a step is "quiet" in all of them or in none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.history.model import History
from tui.present import Presentation, present

StepKind = Literal["changed", "guess", "quiet"]
"""``changed``: the body changed; ``guess``: a dimmed change rests on a guess; ``quiet``: the story did not change."""

#: The mark of each kind in the timeline, readable without colour.
STEP_MARKS: dict[StepKind, str] = {"changed": "●", "guess": "◐", "quiet": "·"}


@dataclass(frozen=True, slots=True)
class StepView:
    """One step of a history as every drawing shows it."""

    index: int
    """The comparison's index: it goes from version ``index`` to ``index + 1``."""
    kind: StepKind
    presentation: Presentation
    gist: str
    """What changed, in a few words: "3 changes (2 modified, 1 inserted)" or "quiet: formatting only"."""

    @property
    def mark(self) -> str:
        """The step's mark in the timeline."""
        return STEP_MARKS[self.kind]

    @property
    def loud(self) -> bool:
        """True when the step changed the body or may have: a report folds it open."""
        return self.kind != "quiet"


def version_name(index: int) -> str:
    """A version's short name: ``v1`` for the first (people count from one)."""
    return f"v{index + 1}"


def _quiet_gist(presentation: Presentation) -> str:
    counts = presentation.counts
    what = []
    if counts.formatting or counts.breaks:
        what.append("formatting")
    if counts.boilerplate:
        what.append("boilerplate")
    if counts.metadata:
        what.append("metadata")
    return "quiet: " + (" and ".join(what) + " only" if what else "no change")


def describe_step(history: History, index: int) -> StepView:
    """Describe step ``index`` of ``history``."""
    comparison = history.comparisons[index]
    presentation = present(comparison)
    summary = comparison.summary
    if summary.body_changed:
        return StepView(index, "changed", presentation, presentation.counts.line())
    if summary.body_may_have_changed:
        return StepView(index, "guess", presentation, "may have changed: " + presentation.counts.line())
    return StepView(index, "quiet", presentation, _quiet_gist(presentation))


def describe_steps(history: History) -> list[StepView]:
    """Every step of ``history``, in order."""
    return [describe_step(history, i) for i in range(len(history.comparisons))]
