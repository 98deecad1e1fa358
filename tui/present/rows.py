"""One row of a comparison as every drawing shows it: its op, sides, lane, region, badge and labels.

The op shown can differ from the aligner's in one way: blocks whose source text
is byte for byte the same are ``equal``, even when one file was Markdown and the
other plain text (there is no markup to differ in).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.engine.changes import changes_body
from tui.model import UNCHANGED_OPS, Document, Row, RowOp
from tui.present.pieces import SideBlock, side_blocks
from tui.present.words import LABELS, MARKERS, badge_name, paragraphs


class Sides:
    """A row's two sides cut into word pieces, cut when first drawn.

    The viewer's first screen draws a screenful of rows: cutting every row's pieces up front was two thirds of
    describing a long comparison, paid before anything showed.
    """

    __slots__ = ("_new", "_old", "new_document", "old_document", "row")

    def __init__(self, row: Row, old_document: Document, new_document: Document) -> None:
        self.row = row
        self.old_document = old_document
        self.new_document = new_document
        self._old: tuple[SideBlock, ...] | None = None
        self._new: tuple[SideBlock, ...] | None = None

    @property
    def old(self) -> tuple[SideBlock, ...]:
        """The old side's blocks with their pieces."""
        if self._old is None:
            self._old = side_blocks(self.row, self.old_document, "old")
        return self._old

    @property
    def new(self) -> tuple[SideBlock, ...]:
        """The new side's blocks with their pieces."""
        if self._new is None:
            self._new = side_blocks(self.row, self.new_document, "new")
        return self._new


@dataclass(frozen=True, slots=True)
class ShownRow:
    """One row of the comparison, prepared for drawing."""

    index: int
    """Position of the row in the comparison, from 0."""
    row: Row
    """The aligner's row."""
    op: RowOp
    """The op shown (see the module docstring)."""
    sides: Sides = field(compare=False, repr=False)
    """The row's sides, cut into pieces on first use (see :attr:`old` and :attr:`new`)."""
    category: str | None = None
    """The category of the row's region (one per region), or of its own blocks outside a region."""
    region: int | None = None
    """Index of the row's region in :attr:`Presentation.regions` (boilerplate and metadata rows)."""
    opens_region: bool = False
    """The row is its region's first: it carries the badge."""
    guess: bool = False
    """A boilerplate change dimmed on a guess (see :func:`tui.model.guessed_rows`): its badge asks to be checked."""
    region_guess: bool = False
    """Some change of the row's region rests on a guess: the region's badge carries the ``?``."""
    visible: bool = True
    """Some block of the row shows text (an empty image or an HTML comment does not)."""

    @property
    def old(self) -> tuple[SideBlock, ...]:
        """The old side's blocks with their word pieces (none for an inserted row)."""
        return self.sides.old

    @property
    def new(self) -> tuple[SideBlock, ...]:
        """The new side's blocks with their word pieces (none for a deleted row)."""
        return self.sides.new

    @property
    def lane(self) -> str:
        """The row's layer: body, boilerplate or metadata."""
        return self.row.lane

    @property
    def is_boilerplate(self) -> bool:
        """True when every block of the row is boilerplate."""
        return self.row.lane == "boilerplate"

    @property
    def is_metadata(self) -> bool:
        """True for the headline, date, byline and dateline."""
        return self.row.lane == "metadata"

    @property
    def differs(self) -> bool:
        """True when the row changes anything but typography (in any lane)."""
        return self.op not in UNCHANGED_OPS

    @property
    def is_change(self) -> bool:
        """True when the row changes the article's words or order: a change stop, counted as a change.

        The summary's rule (:func:`tui.engine.changes.changes_body`), so the count never disagrees with the
        verdict. (The op shown differs from the aligner's only for formatting shown as equal: neither changes.)
        """
        return changes_body(self.row, visible=self.visible)

    @property
    def marker(self) -> str:
        """The gutter marker of the op shown."""
        return MARKERS[self.op]

    @property
    def words_changed(self) -> bool:
        """The row's words changed (not only typography or position): its pieces are drawn as edits."""
        return self.row.spans is not None and (self.op == "modified" or (self.op != "equal" and self.row.edited))

    @property
    def typography_only(self) -> bool:
        """Paired blocks whose only differences are typography: their pieces are drawn faintly, on request."""
        return self.row.spans is not None and self.op != "equal" and not self.words_changed

    @property
    def differences(self) -> tuple[str, ...]:
        """What kind of typography differed (none for a row shown as equal)."""
        return () if self.op == "equal" else self.row.differences

    @property
    def badge(self) -> str:
        """The category as a badge shows it, "?" after a guess: "navigation?"."""
        name = badge_name(self.category, self.row.lane) if self.category else self.row.lane
        return name + ("?" if self.region_guess else "")

    @property
    def only_in(self) -> str:
        """"only in the old version" or "only in the new version" for a row with one side, else ""."""
        return "only in the old version" if not self.new else "only in the new version" if not self.old else ""

    @property
    def label(self) -> str:
        """The op in words, with "and edited" for moved, split and merged rows whose words changed too."""
        label = LABELS[self.op]
        if self.row.edited and self.op in ("moved", "split", "merged"):
            label += " and edited"
        return label

    @property
    def location(self) -> str:
        """Where the row sits: "old ¶5 → new ¶1", "new ¶9" for an insertion."""
        parts = []
        if self.old:
            parts.append(paragraphs("old", [sb.number for sb in self.old]))
        if self.new:
            parts.append(paragraphs("new", [sb.number for sb in self.new]))
        return " → ".join(parts)

    @property
    def text(self) -> str:
        """The row's first block's text, new side first: what a one-line listing quotes."""
        side = self.new or self.old
        return side[0].block.plain if side else ""
