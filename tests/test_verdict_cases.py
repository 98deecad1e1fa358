"""The verdict's case catalogue: each failure class met on real version pairs, as a pair written for it.

Each case is two versions, the format they are read as, whether the article body changed (the exit status),
and the row that must carry the change. None is copied from the evaluation set; each keeps the shape of what
went wrong there (issue 15).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tui.compare import compare_documents, load
from tui.model import Comparison

ADVISORY = """# Security advisory: remote code execution in the log parser

The project was told of a flaw in the log parser on Monday, and has published fixed releases.

Affected versions:

- 2.14.0
- 2.15.0
- 2.16.0

Users should upgrade to the newest release of their line as soon as they can, the maintainers said.

Revision history:

- 2024-01-10: first published
"""

STORY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, citing safety.",
    "Engineers found cracks in two of the bridge's four piers during an inspection last autumn, the report said.",
    "Residents on the north shore said the closure would add twenty minutes to their daily commute into town.",
]


def _text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    fmt: str
    body_changed: bool
    changed_text: str | None = None
    """Words of the new version's block the change must show in the body lane (None: no body change)."""
    op: str | None = None


CASES = {
    "corrected version number": Case(ADVISORY, ADVISORY.replace("- 2.15.0", "- 2.15.1"), "markdown", True, "2.15.1",
                                     "modified"),
    "appended history line": Case(ADVISORY, ADVISORY + "- 2024-01-12: corrected the affected versions\n", "markdown",
                                  True, "corrected the affected versions", "inserted"),
    "replaced list item": Case(ADVISORY, ADVISORY.replace("- 2.16.0", "- 2.17.0-rc1"), "markdown", True, "2.17.0-rc1",
                               "modified"),
    "corrected date struck through": Case(
        _text(STORY[0], "The hearing is on March 3.", STORY[1]),
        _text(STORY[0], "The hearing is on ~~March 3~~ March 10.", STORY[1]), "markdown", True, "March 10", "modified"),
    "front matter only": Case(
        "---\ntitle: Bridge to close\nauthor: Dana Whitfield\n---\n\n" + _text(*STORY),
        "---\ntitle: Bridge to close\nauthor: Dana Whitfield and Ines Varga\n---\n\n" + _text(*STORY),
        "markdown", False),
    "quote fixed with a stray space": Case(
        _text(STORY[0], 'The mayor called it "a hard but necessary choice" on Tuesday.', STORY[1]),
        _text(STORY[0], "The mayor called it \u201c a hard but necessary choice\u201d on Tuesday.", STORY[1]),
        "text", False),
    "spaces lost between words": Case(
        _text(STORY[0], "The mayor called it a hard but necessary choice on Tuesday.", STORY[1]),
        _text(STORY[0], "The mayor called it a hard butnecessary choice onTuesday.", STORY[1]), "text", False),
    "lede rewritten in place": Case(
        _text("Council delays the bridge vote again after a long night of debate.", *STORY),
        _text("Harbour bridge will close to cars next spring, council decides.", *STORY), "text", True,
        "will close to cars", "modified"),
    "split whose second half gained a clause": Case(
        _text(STORY[0], "The repairs will cost 4 million euros. Work starts in May and should end by October.",
              STORY[1]),
        _text(STORY[0], "The repairs will cost 4 million euros.",
              "Work starts in May and should end by October, a year later than planned.", STORY[1]),
        "text", True, "a year later than planned", "split"),
    "correction notice replaced in place": Case(
        _text(STORY[0], "Correction: an earlier version of this story misstated the date of the council vote.",
              STORY[1]),
        _text(STORY[0], "Correction: an earlier version of this story gave the wrong cost of the repairs.", STORY[1]),
        "text", True, "wrong cost of the repairs", "modified"),
    "statistic rewritten in place": Case(
        _text(STORY[0], "About 12,000 cars cross the bridge every day, according to the city's traffic office.",
              STORY[1]),
        _text(STORY[0], "Traffic counts published in May show 9,400 daily crossings, down from a peak in 2019.",
              STORY[1]),
        "text", True, "9,400 daily crossings", "modified"),
    "new section heading before an edited one": Case(
        "# Bridge\n\n" + STORY[0] + "\n\n## Results of the inspection\n\n" + STORY[1] + "\n",
        "# Bridge\n\n" + STORY[0] + "\n\n## Methods of the inspection\n\n" + STORY[2]
        + "\n\n## Results of the 2024 inspection\n\n" + STORY[1] + "\n",
        "markdown", True, "Methods of the inspection", "inserted"),
    "illustration credit added": Case(
        _text(*STORY), _text(*STORY, "Thanks to Ines Varga for the drawing of the bridge at dawn."), "text", False),
}


def _compare(case: Case) -> Comparison:
    old = load("old", case.fmt, data=case.old.encode())  # type: ignore[arg-type]
    new = load("new", case.fmt, data=case.new.encode())  # type: ignore[arg-type]
    return compare_documents(old, new)


@pytest.mark.parametrize("name", sorted(CASES))
def test_verdict_case(name: str) -> None:
    case = CASES[name]
    comparison = _compare(case)
    assert comparison.summary.body_may_have_changed == case.body_changed, comparison.summary.verdict
    if case.changed_text is None:
        return
    carriers = [
        row for row in comparison.rows
        if row.lane == "body" and any(case.changed_text in comparison.new.blocks[j].plain for j in row.new)
    ]  # fmt: skip
    assert carriers, "the change sits in no body row"
    assert carriers[0].op == case.op
    if case.op != "inserted":
        inserted = "".join(span.text for span in carriers[0].spans or () if span.op == "insert")
        assert inserted.strip(), "the changed words are highlighted inside the paired row"


def test_an_unchanged_list_and_code_between_paragraphs_stay_body() -> None:
    """An article's own short list items and a code block, in both versions between its paragraphs, are never
    dimmed as navigation: shape alone names nothing."""
    code = '```\n{"ruleId": 1}\n```'
    text = _text(STORY[0], "- Harbour Road\n- Quay Street\n- Mill Lane", STORY[1], code, STORY[2])
    comparison = _compare(Case(text, text.replace("Mill Lane", "Mill Lane (closed)"), "markdown", True))
    roles = {b.plain: b.role for b in comparison.old.blocks}
    assert roles["Harbour Road"] == roles["Quay Street"] == roles['{"ruleId": 1}'] == "body"
    assert comparison.summary.body_changed


def test_markdown_holding_html_stays_markdown_and_its_html_is_cut_into_blocks() -> None:
    text = (
        "---\ntitle: Options\n---\n\nThe tool reads these options.\n\n"
        "<dl>\n<dt><code>--rows</code></dt>\n<dd>How many rows to keep.</dd>\n"
        "<dt><code>--seed</code></dt>\n<dd>The random seed.</dd>\n</dl>\n\nThat is all.\n"
    )
    document = load("post.md", data=text.encode())
    assert document.format == "markdown"
    assert [b.plain for b in document.blocks if b.role != "metadata"] == [
        "The tool reads these options.", "--rows", "How many rows to keep.", "--seed", "The random seed.",
        "That is all.",
    ]  # fmt: skip
    assert document.rebuild() == text
    assert document.title == "Options"


def test_a_page_holding_its_article_twice_is_read_once() -> None:
    """A pre-rendered and a live copy of one post in one page: compared with a capture holding one copy, nothing
    moved or was removed."""
    paragraphs = [f"<p>{text}</p>" for text in STORY] + [
        "<p>The council will hold a public meeting on the plans next month, a spokesperson for the city said.</p>"
    ]
    article = "<article><h1>Bridge to close</h1>" + "".join(paragraphs) + "</article>"
    once = f"<html><body><nav>Home News</nav>{article}<footer>Contact</footer></body></html>"
    twice = (
        f"<html><body><nav>Home News</nav><div id='ssr'>{article}</div><div id='app'>{article}"
        "<p>Comments are open for this story until Friday, the editors said in a note to readers.</p></div>"
        "<footer>Contact</footer></body></html>"
    )
    comparison = compare_documents(load("once.html", data=once.encode()), load("twice.html", data=twice.encode()))
    assert not comparison.summary.body_changed or comparison.summary.counts["inserted"] == 1
    assert comparison.summary.counts["moved"] == 0 and comparison.summary.counts["deleted"] == 0
    assert sum("public meeting" in b.plain for b in comparison.new.blocks) == 1
    # What only the live copy holds stays.
    assert any("Comments are open" in b.plain for b in comparison.new.blocks)
