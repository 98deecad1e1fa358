"""Which unchanged rows a report keeps around the changes, and the folds that stand for the rest."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.present.rows import ShownRow


@dataclass(frozen=True, slots=True)
class Gap:
    """Unchanged rows folded away from a report (the HTML report keeps them behind a toggle)."""

    rows: tuple[ShownRow, ...]

    @property
    def count(self) -> int:
        """How many rows were folded."""
        return len(self.rows)

    @property
    def phrase(self) -> str:
        """What was folded, in words: "3 unchanged rows", "9 rows unchanged but for formatting"."""
        noun = "row" if self.count == 1 else "rows"
        if any(r.op == "formatting" for r in self.rows):
            return f"{self.count} {noun} unchanged but for formatting"
        return f"{self.count} unchanged {noun}"


def with_context(
    rows: Sequence[ShownRow], context: int | None, keep: Callable[[ShownRow], bool] | None = None
) -> list[ShownRow | Gap]:
    """Keep every row ``keep`` picks and ``context`` rows around each; fold the rest into gaps.

    Args:
        rows: The rows to choose from, in order.
        context: Rows kept on each side of a kept row; ``None`` keeps all.
        keep: What must be shown: any row that differs (a change, boilerplate, metadata) by default.
    """
    if context is None:
        return list(rows)
    test = keep or (lambda r: r.differs)
    kept = [False] * len(rows)
    for i, row in enumerate(rows):
        if test(row):
            for j in range(max(0, i - context), min(len(rows), i + context + 1)):
                kept[j] = True
    out: list[ShownRow | Gap] = []
    skipped: list[ShownRow] = []
    for row, shown in zip(rows, kept, strict=True):
        if shown:
            if skipped:
                out.append(Gap(tuple(skipped)))
                skipped = []
            out.append(row)
        else:
            skipped.append(row)
    if skipped:
        out.append(Gap(tuple(skipped)))
    return out
