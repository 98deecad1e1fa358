"""Segmenting text and Markdown: paragraphs found in every convention, nothing lost."""

from __future__ import annotations

from tui.engine.segment_markdown import segment_markdown
from tui.engine.segment_text import segment_text

LONG = "The council met on Monday to discuss the new harbour barrier, which engineers say would protect homes."


def _plains(text: str) -> list[str]:
    blocks, trailer = segment_text(text)
    assert "".join(b.prefix + b.text for b in blocks) + trailer == text
    return [b.plain for b in blocks]


def test_blank_line_separated() -> None:
    assert _plains("First paragraph.\n\nSecond paragraph.\n") == ["First paragraph.", "Second paragraph."]


def test_one_paragraph_per_line_with_a_single_blank_line() -> None:
    text = f"{LONG}\n{LONG} Again.\nA Message from Us:\nDear readers,\n\nRemind me later."
    assert _plains(text) == [LONG, LONG + " Again.", "A Message from Us:", "Dear readers,", "Remind me later."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    import textwrap

    para_a = " ".join([LONG] * 3)
    para_b = " ".join([LONG.replace("council", "mayor")] * 2)
    text = textwrap.fill(para_a, 72) + "\n\n" + textwrap.fill(para_b, 72) + "\n"
    assert _plains(text) == [para_a, para_b]


def test_mixed_conventions_in_one_file() -> None:
    import textwrap

    wrapped = " ".join([LONG] * 3)
    text = textwrap.fill(wrapped, 72) + "\n\nShort line one.\nShort line two.\n"
    assert _plains(text) == [wrapped, "Short line one.", "Short line two."]


def test_markdown_blocks_keep_source_and_lose_markup() -> None:
    text = (
        "# Big **news** today\n\nThe council [praised](#) the plan.\n\n- first item\n- second item\n\n"
        "> A quoted line\n\n![Harbour at dawn](img.jpg)\n\n<https://example.org/story>\n"
    )
    blocks, trailer, title = segment_markdown(text)
    assert "".join(b.prefix + b.text for b in blocks) + trailer == text
    assert title == "Big news today"
    assert [(b.kind, b.plain) for b in blocks] == [
        ("heading", "Big news today"),
        ("paragraph", "The council praised the plan."),
        ("list-item", "first item"),
        ("list-item", "second item"),
        ("quote", "A quoted line"),
        ("image", "Harbour at dawn"),
        ("paragraph", "https://example.org/story"),
    ]
    assert blocks[1].text == "The council [praised](#) the plan."
