"""The Markdown segmenter's shortcuts never change a block.

To save time, :mod:`tui.engine.markdown_plain` takes plain paragraphs and
headings away from markdown-it-py, and inline text without markup is not
parsed; a user must still get exactly the blocks the whole parser gives (kind,
source text, prefix, markup-free text, ids, title, trailer). Checked on every
Markdown and text file the project has, on the cases each rule of the fast pass
is there for, and on seeded random documents made of the constructs CommonMark
could read a plain-looking line as.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.test_cold_imports import NEVER, NEW, OLD, imported_by_report
from tui.engine.markdown_inline import simple_inline_text
from tui.engine.markdown_plain import plain_blocks
from tui.engine.segment_markdown import segment_markdown

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "tests" / "cases", ROOT / "tests" / "data", ROOT.parent / "shared" / "eval" / "real-pairs",
           ROOT.parent / "shared" / "seeds"]  # fmt: skip


def assert_as_the_parser(text: str) -> None:
    assert segment_markdown(text) == segment_markdown(text, shortcuts=False), repr(text)


def corpus_files() -> list[Path]:
    return [p for root in CORPORA if root.is_dir() for p in sorted(root.rglob("*")) if p.suffix in (".md", ".txt")]


def test_every_markdown_and_text_file_of_the_project_segments_as_the_whole_parser_does() -> None:
    files = corpus_files()
    assert len(files) >= 20, "the test cases and data should hold Markdown and text files"
    found = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found += len(plain_blocks(text.split("\n")))
        assert segment_markdown(text) == segment_markdown(text, shortcuts=False), path
    assert found > 100, "the fast pass should take the plain paragraphs of these files"


DEEP_LIST = "".join("  " * depth + "- item\n" for depth in range(12))

#: (document, how many blocks the fast pass may take): each a way a plain-looking paragraph is not one.
TRAPS = [
    ("<div>\n```\n\n```\n\nPlain\n", 0),  # the first fence is HTML, the second opens a fence to the end
    (DEEP_LIST + "\nPlain after\n", 0),  # ten nested lists: markdown-it drops the rest of the document
    ("- - - - - - - - - - - x\n\nPlain after\n", 0),  # the same, on one line
    ("- a\n\nPlain\n\n  not the item's\n", 1),  # the paragraph ends the list: what follows is no list item
    ("    code\n\nPlain\n\n    more code\n", 1),  # and ends the indented code
    ("Intro:\n```\ncode\n\nNot plain\n```\n\nPlain\n", 1),  # a fence after a paragraph line opens
    ("<!--\n\nNot plain\n-->\n\nPlain\n", 1),  # an HTML comment runs over blank lines
    ("Plain\n\n<script>\n\nNot plain\n</script>\n\nPlain\n", 2),
    ("> ```\n> code\n\nPlain\n", 1),  # a quote's fence ends with the quote
    ("- ```\n\nPlain\n\n```\n\nNot plain\n", 1),  # a list item's fence ends with the item; then one opens
    ("````\n```\n\nNot plain\n````\n\nPlain\n", 1),  # a shorter fence does not close a longer one
    ("a | b\n|---|---|\nrow\n\nPlain\n", 1),
    ("[foo]: /url\n\nLinked [foo]\n\nPlain\n", 2),  # the reference is defined where the parser sees it
    ("# Title\nPlain under it\n\n## Sub\n===\n", 3),
    ("Plain\r\n\r\nPlain too\r\n", 0),  # the parser rewrites carriage returns: its lines are not ours
    ("---\ntitle: Front\n---\nPlain\n\n# Heading\n", 2),
]


@pytest.mark.parametrize(("text", "most"), TRAPS)
def test_a_construct_that_could_swallow_a_plain_paragraph_is_left_to_the_parser(text: str, most: int) -> None:
    assert_as_the_parser(text)
    assert len(plain_blocks(text.split("\n"))) <= most


#: Line beginnings and bodies CommonMark reads in more than one way: containers, fences, HTML blocks of every kind,
#: tables, setext underlines, rules, reference definitions, entities, escapes and inline markup.
PREFIXES = ["", "", "", "", " ", "  ", "   ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "10. ",
            "  - ", "> - ", "- > ", "-", " > ", "      "]  # fmt: skip
BODIES = ["The council met on Monday", "said the mayor.", "votes", "AT&T and B&Q", "wow!", "a ] b", "1999. A year",
          "x", "#", "## A heading", "# Closed #", "#no space", "####### seven", "```", "```py", "~~~", "````",
          "``` a`b", "<!--", "-->", "<!-- one line -->", "<div>", "</div>", "<script>", "</script>", "<pre>",
          "</PRE>", "<?php", "?>", "<!DOCTYPE html", ">", "<![CDATA[", "]]>", "---", "===", "***", "___", "- - -",
          "| a | b |", "|---|---|", "a | b", "--- | ---", "[ref]: /url", "[ref]: /url 'title", "'", "[ref]",
          "[a](b)", "![img](i.png)", "*em*", "_x_", "**b**", "`code`", "&amp;", "&copy;", "&#123;", "\\*", "a  ",
          "x\\", "1.", "1)", "2.", "<span>x</span>", "<https://example.org>", "C# rocks", "\u00a0", "\x0c",
          "ſcript", "<ſcript>", "café", "— dash —", "“quoted”", "&nbsp;", "\u2003x", "x\u2003", "tail\\",
          "![alt](a.png)", "![](b.png)", "[foo]", "[Foo][foo]", "<b>bold</b>", "a_b_c", "**", "\x1c", "**Bold** start",
          "* * *", "*  *", "-foo", "--", "+1", "=foo", "==", "`code` start", "``", "_ _ _", "__x__", "<ftp:x>",
          "<a:b>", "<div:x>", "<script:x>", "<a+b:c>", "<a b:c>"]  # fmt: skip


def random_document(rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.05:
        lines += ["---", "title: A title", "---"]
    for _ in range(rng.randint(1, 24)):
        roll = rng.random()
        if roll < 0.25:
            lines.append(rng.choice(["", "", " ", "\t"]))
        elif roll < 0.6:
            words = " ".join(rng.choice(BODIES[:8]) for _ in range(rng.randint(1, 4)))
            lines.append(rng.choice(["", "", "", " ", "  "]) + words)
        else:
            body = " ".join(rng.choice(BODIES) for _ in range(rng.randint(1, 2)))
            lines.append(rng.choice(PREFIXES) + body)
    return "\n".join(lines) + rng.choice(["", "\n", "\n\n"])


#: Words for the block-made documents: inline markup of every kind among plain words, and line openers.
WORDS = ["word", "news", "*em*", "**strong**", "_u_", "`c`", "[l](u)", "[ref]", "![i](p)", "<b>", "&amp;", "&nbsp;",
         "\\*", "a\\", "x  ", "<https://a.b>", "[ref]: /u", "AT&T", "1.", "-", "+", "#", ">", "|", "`", "~~~", "```",
         "<!--", "-->", "***", "---", "===", "\u00a0", "\u2003"]  # fmt: skip


def random_paragraph(rng: random.Random) -> str:
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 3))]
    return "\n".join([lines[0], *(rng.choice(["", "", " ", "    "]) + line for line in lines[1:])])


def random_block(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return random_paragraph(rng)
    if roll < 0.6:
        items = (rng.choice(["- ", "* ", "1. ", "  - "]) + random_paragraph(rng) for _ in range(rng.randint(1, 3)))
        return "\n".join(item.replace("\n", "\n  ") for item in items)
    if roll < 0.67:
        return "> " + random_paragraph(rng).replace("\n", "\n> ")
    if roll < 0.74:
        fence = rng.choice(["```", "~~~", "````"])
        return f"{fence}\n{random_paragraph(rng)}" + (f"\n{fence}" if rng.random() < 0.8 else "")
    if roll < 0.8:
        opener, closer = rng.choice([("<div>", "</div>"), ("<!--", "-->"), ("<script>", "</script>"), ("<?x", "?>")])
        return f"{opener}\n{random_paragraph(rng)}\n" + (closer if rng.random() < 0.8 else "")
    if roll < 0.85:
        return "| a | b |\n|---|---|\n| " + random_paragraph(rng).replace("\n", " ") + " |"
    if roll < 0.93:
        return "#" * rng.randint(1, 7) + " " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))
    return rng.choice(PREFIXES) + rng.choice(BODIES)


def test_random_block_made_markdown_segments_as_the_whole_parser_does() -> None:
    rng = random.Random(18)
    for _ in range(600):
        gaps = ["\n\n", "\n\n", "\n", "\n\n\n", "\n \n"]
        assert_as_the_parser("".join(random_block(rng) + rng.choice(gaps) for _ in range(rng.randint(1, 12))))


def test_random_markdown_segments_as_the_whole_parser_does() -> None:
    rng = random.Random(18)
    taken = 0
    for _ in range(1200):
        text = random_document(rng)
        taken += len(plain_blocks(text.split("\n")))
        assert_as_the_parser(text)
    assert taken > 400, "the random documents should exercise the fast pass"


#: Inline pieces: the links, addresses and star runs the simple reader reads, the ones it must leave to the parser
#: (titles, schemes, percent escapes, punycode, mixed runs, non-ASCII neighbours, code, entities), and stray marks.
INLINE = ["word", "Word", "a", "1", "don't", "(AP)", ":", ".", ",", "'", '"', "-", "/", "—", "“", "”", "é", "*", "**",
          "***", "[l](u)", "[a b](https://ex.com/x)", "[Label: it's](#)", "[x](http://a.b/c?d=e#f)", "[x](a:b)",
          "[x](javascript:alert)", "[x]( u)", '[x](u "t")', "[x]", "[ref]", "]", "[", "(", ")", "<https://ex.com/a/b>",
          "<https://EX.com>", "<http://a.b/c%20d>", "<https://xn--a.com>", "<a>", "<", ">", "!", "![i](p)", "&",
          "&amp;", "x*y", "*x*", "**x**", "**x", "x**", "\u00a0", "\n", "  \n", "[*a*](b)", "[a](b*c)", "[](u)",
          "[a]()", "`c`", "_u_",
          "[Go 1.25 in\nAugust](/blog/go1.25)", "snake_case", "a_b_c", "_lead", "trail_",
          "[a](https://x.org/a_b?c=1&d=2)", "[a](b&amp;c)", "[a](x:y)", "[a](HTTPS://x.org)", "[a](b*c*d)",
          "[a](é/ü)", "[a](b\x01c)", "[a](b\xa0c)", "[a b\nc](https://x.org/p:q)", "Q&A", "&copy;", "&#35;", "x_",
          "_", "__init__", "[a](<b>)", "[a](b(c))"]  # fmt: skip


def test_random_inline_markup_reads_as_the_parser_reads_it() -> None:
    rng = random.Random(18)
    read = 0
    for _ in range(1500):
        body = "".join(rng.choice(INLINE) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 10)))
        body = "\n".join("Start " + line.strip() for line in body.split("\n"))
        read += simple_inline_text(body) is not None
        assert_as_the_parser(rng.choice(["", "[ref]: /r\n\n", "- list\n\n"]) + body + "\n")
    assert read > 150, "the random paragraphs should exercise the simple reader"


#: Emphasis runs of both characters and lengths among words, punctuation, links and snake_case, run together.
EMPHASIS = ["*", "**", "_", "__", "***", "a", "b", "word", " ", " ", " ", ".", ",", "(", ")", "!", "?", "[l](u)",
            "<https://a.b/c>", "snake_case", "x", "\n", "'", "-", "é", "1"]  # fmt: skip


def test_random_emphasis_reads_as_the_parser_reads_it() -> None:
    rng = random.Random(18)
    read = 0
    for _ in range(2000):
        body = "".join(rng.choice(EMPHASIS) for _ in range(rng.randint(1, 14)))
        body = "\n".join("S " + line.strip() for line in body.split("\n"))
        read += simple_inline_text(body) is not None
        assert_as_the_parser(body + "\n")
    assert read > 1000, "the random emphasis should exercise the simple reader"


def test_the_simple_reader_reads_links_addresses_and_bold_and_leaves_the_rest() -> None:
    assert simple_inline_text("Putin's spokesman. **Sergei / TASS**") == "Putin's spokesman. Sergei / TASS"
    assert simple_inline_text("**Related:** [A story: it's](#) and <https://ex.com/a-b>") == (
        "Related: A story: it's and https://ex.com/a-b"
    )
    assert simple_inline_text("a ** b **") == "a ** b **"  # runs that neither open nor close stay
    assert simple_inline_text("_Italic_ and snake_case, *a _b* c_") == "Italic and snake_case, a _b c_"
    for beyond in ("[a](b 'title')", "<https://ex.com/%20>", "*a **b**", "“**a**”", "_a __b__", "[a]", "AT&amp;T"):
        assert simple_inline_text(beyond) is None, beyond


def test_a_report_of_markdown_the_simple_reader_reads_never_imports_the_parser(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# " + OLD.replace("Monday", "**Monday**") + "\n<https://example.org/a>\n", encoding="utf-8")
    new.write_text("# " + NEW.replace("Tuesday", "[Tuesday](https://example.org)"), encoding="utf-8")
    imported = imported_by_report(old, new)
    assert "markdown_it" not in imported, "a report of simple Markdown imported the parser (25 ms)"
    assert not {name for name in NEVER if name in imported}
