"""Properties of every comparison, on generated articles (hypothesis).

Nothing is lost, order is kept outside moves, each side is rebuilt exactly,
a document equals itself, and swapping the sides mirrors the result.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.compare import compare_documents, load
from tui.model import Comparison, Options

POOL = [
    "The council met on Monday to discuss the harbour barrier and what it would cost the town.",
    "Engineers said the barrier would protect about three thousand homes from winter floods.",
    "Engineers said the barrier would protect about 3,100 homes from winter floods.",
    "Fishermen gathered outside the town hall, saying they had not been consulted.",
    "The mayor promised a \"public hearing\" before the end of April.",
    "The mayor promised a \u201cpublic hearing\u201d before the end of April.",
    "Critics say a cheaper option was never studied.",
    "Dear readers,",
    "Remind me later.",
    "A decision is expected in May.",
]

paragraphs = st.lists(st.sampled_from(POOL), min_size=0, max_size=14)
separators = st.sampled_from(["\n", "\n\n"])


def _text(paras: list[str], sep: str) -> str:
    return sep.join(paras) + "\n" if paras else "Headline only\n"


def _compare(old: str, new: str) -> Comparison:
    return compare_documents(load("old.txt", data=old.encode()), load("new.txt", data=new.encode()), Options())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(paragraphs, paragraphs, separators, separators)
# Found by this test: a hard-wrapped old paragraph "split" across a moved one lost the moved paragraph.
@example(
    old_p=[POOL[1], POOL[2], POOL[3], POOL[0]],
    new_p=[POOL[1], POOL[0], POOL[1], POOL[3]],
    s1="\n",
    s2="\n\n",
)
def test_every_block_in_exactly_one_row_and_order_kept(old_p: list[str], new_p: list[str], s1: str, s2: str) -> None:
    old, new = _text(old_p, s1), _text(new_p, s2)
    c = _compare(old, new)
    old_ids = [i for r in c.rows for i in r.old]
    new_ids = [j for r in c.rows for j in r.new]
    assert sorted(old_ids) == list(range(len(c.old.blocks)))
    assert sorted(new_ids) == list(range(len(c.new.blocks)))
    in_order_old = [i for r in c.rows if r.op != "moved" for i in r.old]
    in_order_new = [j for r in c.rows if r.op != "moved" for j in r.new]
    assert in_order_old == sorted(in_order_old)
    assert in_order_new == sorted(in_order_new)
    # New ids rise through every row: a moved row sits at its new position.
    assert new_ids == sorted(new_ids)
    # Each side's text is rebuilt exactly from the result.
    assert c.old.rebuild() == old
    assert c.new.rebuild() == new
    for row in c.rows:
        if row.spans is not None:
            old_plain = "\n".join(c.old.blocks[i].plain for i in row.old)
            new_plain = "\n".join(c.new.blocks[j].plain for j in row.new)
            assert "".join(s.text for s in row.spans if s.op != "insert") == old_plain
            assert "".join(s.text for s in row.spans if s.op != "delete") == new_plain


@settings(max_examples=60, deadline=None)
@given(paragraphs, separators)
def test_a_document_equals_itself(paras: list[str], sep: str) -> None:
    text = _text(paras, sep)
    c = _compare(text, text)
    assert {r.op for r in c.rows} == {"equal"}
    assert not c.summary.body_changed


MIRROR = {"inserted": "deleted", "deleted": "inserted", "split": "merged", "merged": "split"}


unique_paragraphs = st.lists(st.sampled_from(POOL), min_size=0, max_size=10, unique=True)


@settings(max_examples=150, deadline=None)
@given(unique_paragraphs, unique_paragraphs)
def test_swapping_sides_mirrors_the_rows(old_p: list[str], new_p: list[str]) -> None:
    old, new = _text(old_p, "\n\n"), _text(new_p, "\n\n")
    forward = _compare(old, new)
    backward = _compare(new, old)
    mirrored = sorted((MIRROR.get(r.op, r.op), r.new, r.old) for r in forward.rows)
    assert sorted((r.op, r.old, r.new) for r in backward.rows) == mirrored


@settings(max_examples=150, deadline=None)
@given(paragraphs, paragraphs)
def test_swapping_sides_mirrors_the_counts(old_p: list[str], new_p: list[str]) -> None:
    """With repeated paragraphs, which copy pairs is a tie; the counts still mirror."""
    old, new = _text(old_p, "\n\n"), _text(new_p, "\n\n")
    forward = _compare(old, new).summary.counts
    backward = _compare(new, old).summary.counts
    assert {MIRROR.get(op, op): n for op, n in forward.items()} == backward
