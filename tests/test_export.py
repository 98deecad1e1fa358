"""Reports drawn from one Comparison: escaping, control characters, modes, atomic writes, the JSON contract."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.errors import ArticleDiffError
from tui.export import format_for_path, render_report, write_report
from tui.export.json_report import load_schema
from tui.export.markdown import md_escape
from tui.export.terminal import print_comparison
from tui.export.wrap import wrap_chunks
from tui.model import Comparison
from tui.serialize import comparison_from_dict

HOSTILE_OLD = (
    "The mayor said the plan was fine.\n\nA second paragraph that stays the same in both versions of the story.\n"
)
HOSTILE_NEW = (
    "The mayor said the plan was <script>window.__pwned = 1</script> fine "
    '<img src=x onerror="window.__pwned = 2"> indeed.\n\n'
    "A second paragraph that stays the same in both versions of the story.\n\n"
    "Terminal trick \x1b[31mred\x1b[0m and \x1b]0;owned\x07 title and a C1 \x9b2J clear.\n"
)


def _pair(old: str, new: str) -> Comparison:
    return compare_documents(load("old.txt", "text", data=old.encode()), load("new.txt", "text", data=new.encode()))


@pytest.fixture(scope="module")
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


@pytest.fixture(scope="module")
def hostile() -> Comparison:
    return _pair(HOSTILE_OLD, HOSTILE_NEW)


class _Tags(HTMLParser):
    """Collects every element and attribute the browser would build."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_shows_markup_from_the_article_as_text_and_runs_none_of_it(hostile: Comparison) -> None:
    page = render_report(hostile, "html")
    parser = _Tags()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") == 1, "only the report's own script"
    assert "img" not in tags
    assert not [name for _, attrs in parser.tags for name, _ in attrs if name.startswith("on")]
    text = "".join(parser.text)
    assert "<script>window.__pwned = 1</script>" in text
    assert 'onerror="window.__pwned = 2"' in text


def test_html_is_self_contained_and_forbids_network_loads(demo: Comparison) -> None:
    page = render_report(demo, "html")
    parser = _Tags()
    parser.feed(page)
    assert not [tag for tag, _ in parser.tags if tag in ("link", "iframe", "object", "embed", "img")]
    assert not [v for _, attrs in parser.tags for name, v in attrs if name == "src"]
    csp = [
        dict(attrs)
        for tag, attrs in parser.tags
        if tag == "meta" and ("http-equiv", "Content-Security-Policy") in attrs
    ]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")


def test_html_marks_words_with_del_and_ins_and_lists_every_change(demo: Comparison) -> None:
    page = render_report(demo, "html")
    assert page.count('class="row op-') == len(demo.rows)
    nav = page[page.index('<nav class="changes"') : page.index("</nav>")]
    for index, row in enumerate(demo.rows):
        if row.is_change and row.lane != "boilerplate":
            assert f'href="#r{index}"' in nav
    bp_changes = sum(r.is_change and r.lane == "boilerplate" for r in demo.rows)
    bp_entries = len(re.findall(r'<li class="op-[a-z]+ bp"><a ', nav))
    assert 1 <= bp_entries < bp_changes, "boilerplate is listed apart, one entry per region"
    for row in demo.rows:
        if row.op == "modified" and row.spans:
            deleted = [s.text for s in row.spans if s.op == "delete" and s.text.strip()]
            inserted = [s.text for s in row.spans if s.op == "insert" and s.text.strip()]
            assert all(f"<del>{t}</del>" in page for t in deleted if t.isalnum())
            assert all(f"<ins>{t}</ins>" in page for t in inserted if t.isalnum())


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_control_characters_never_reach_a_report_raw(hostile: Comparison, fmt: str) -> None:
    out = render_report(hostile, fmt)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "\u241b" in out and "31mred" in out  # ESC shown as a visible placeholder


def test_json_keeps_control_characters_but_only_as_escapes(hostile: Comparison) -> None:
    out = render_report(hostile, "json")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert "\\u001b[31mred" in out and "\\u009b2J" in out
    assert comparison_from_dict(json.loads(out)) == hostile


def test_colour_text_report_only_has_its_own_escape_codes(hostile: Comparison) -> None:
    out = render_report(hostile, "text", color=True)
    assert "\x1b[" in out
    leftover = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\x1b" not in leftover and "\u241b[31mred" in leftover


def test_terminal_print_is_plain_without_colour_and_safe_with_it(hostile: Comparison) -> None:
    plain, coloured = StringIO(), StringIO()
    print_comparison(hostile, plain, color=False, width=100)
    print_comparison(hostile, coloured, color=True, width=100)
    assert "\x1b" not in plain.getvalue() and "\u241b" in plain.getvalue()
    assert "{+" in plain.getvalue(), "changed words are marked when there is no colour"
    leftover = re.sub(r"\x1b\[[0-9;:]*m", "", coloured.getvalue())
    assert "\x1b" not in leftover and "\x9b" not in leftover


def test_terminal_print_fits_the_width(demo: Comparison) -> None:
    out = StringIO()
    print_comparison(demo, out, color=False, width=72)
    assert max(len(line) for line in out.getvalue().splitlines()) <= 72


def test_json_report_validates_against_the_shipped_schema(demo: Comparison) -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render_report(demo, "json"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert list(data)[:6] == ["format", "version", "old", "new", "rows", "summary"]
    assert comparison_from_dict(data) == demo


def test_schema_rejects_a_report_that_breaks_the_contract(demo: Comparison) -> None:
    data = json.loads(render_report(demo, "json"))
    data["rows"][0]["op"] = "changed"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)


def test_markdown_shows_article_punctuation_literally() -> None:
    from markdown_it import MarkdownIt

    raw = "*Bold* claim, see #123 and @editor, [link](x) <b>bold</b> ~~gone~~"
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(md_escape(raw))
    assert not re.search(r"<(em|strong|a|b|s|del)\b", rendered)
    assert "*Bold* claim" in rendered and "[link](x)" in rendered and "&lt;b&gt;bold" in rendered
    assert "\\#123" in md_escape(raw) and "\\@editor" in md_escape(raw), "no issue links or mentions on a forge"
    assert MarkdownIt("commonmark").render(md_escape("1. Not a list")).startswith("<p>")


def test_markdown_marks_deleted_and_inserted_words() -> None:
    comparison = _pair("Prices rose by 12 percent last year.\n", "Prices rose by 14 percent last year.\n")
    plain = render_report(comparison, "md")
    critic = render_report(comparison, "md", markdown_style="critic")
    assert "~~12~~ **14**" in plain
    assert "{~~12~>14~~}" in critic


def test_context_folds_unchanged_paragraphs_in_text_and_markdown() -> None:
    same = [f"Paragraph {n} says something that does not change at all today." for n in range(10)]
    old = "\n\n".join([*same, "The vote is on Monday."]) + "\n"
    new = "\n\n".join([*same, "The vote is on Tuesday."]) + "\n"
    comparison = _pair(old, new)
    for fmt in ("text", "md"):
        none = render_report(comparison, fmt, context=0)
        two = render_report(comparison, fmt, context=2)
        assert "Paragraph 9" not in none and "Paragraph 8" in two and "Paragraph 7" not in two
        assert "10 unchanged rows" in none and "8 unchanged rows" in two
    every = render_report(comparison, "html")
    assert all(f"Paragraph {n} " in every for n in range(10)), "HTML shows every paragraph by default"
    folded = render_report(comparison, "html", context=1)
    inside = folded[folded.index('<details class="fold">') : folded.index("</details>")]
    assert "9 unchanged rows" in inside and "Paragraph 0 " in inside and "Paragraph 9 " not in inside


def test_boilerplate_is_listed_apart_dimmed_shown_or_hidden(demo: Comparison) -> None:
    appeal = next(demo.new_block(r.new[0]).plain for r in demo.rows if r.lane == "boilerplate" and r.new)
    dim = render_report(demo, "text")
    hide = render_report(demo, "text", boilerplate="hide")
    show = render_report(demo, "text", boilerplate="show")
    assert appeal in dim.split("listed apart")[1]
    assert appeal not in hide
    assert appeal in show and "listed apart" not in show
    assert 'class="bp-dim hide-bp"' in render_report(demo, "html", boilerplate="hide")


def test_formats_follow_the_extension() -> None:
    assert [format_for_path(p) for p in ("a.html", "b.MD", "c.json", "d.txt", "e.pdf")] == [
        "html",
        "md",
        "json",
        "text",
        None,
    ]


def test_write_report_replaces_a_file_whole(tmp_path: Path, demo: Comparison) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report")
    assert write_report(demo, target) == "md"
    assert target.read_text(encoding="utf-8") == render_report(demo, "md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(
    tmp_path: Path, demo: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the report from yesterday")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ArticleDiffError, match="No space left"):
        write_report(demo, target)
    assert target.read_text() == "the report from yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_report_in_a_missing_directory_fails_cleanly(tmp_path: Path, demo: Comparison) -> None:
    with pytest.raises(ArticleDiffError, match="does not exist"):
        write_report(demo, tmp_path / "nowhere" / "report.json")
    assert list(tmp_path.iterdir()) == []


def test_unknown_options_and_formats_are_refused(demo: Comparison) -> None:
    with pytest.raises(ArticleDiffError):
        render_report(demo, "pdf")
    with pytest.raises(ArticleDiffError):
        render_report(demo, "text", colour=True)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet="ab“”—é漢 ", min_size=0, max_size=30), max_size=25),
    width=st.integers(min_value=8, max_value=60),
)
def test_wrapping_keeps_every_word_and_never_overflows(words: list[str], width: int) -> None:
    text = " ".join(words)
    for chunks in ([(text, "")], [(text[: len(text) // 2], ""), (text[len(text) // 2 :], "insert")]):
        lines = wrap_chunks(chunks, width)
        assert all(sum(cell_len(t) for t, _ in line) <= width for line in lines)
        rebuilt = "".join(t for line in lines for t, _ in line)
        assert rebuilt.replace(" ", "") == text.replace(" ", "")


GUESS_STORY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, citing safety.",
    "Engineers found cracks in two of the bridge's four piers during an inspection last autumn, the report said.",
    "Residents on the north shore said the closure would add twenty minutes to their daily commute into town.",
]


@pytest.fixture(scope="module")
def guessed() -> Comparison:
    """A line a phrase names only faintly, added between paragraphs (dimmed on a guess), and a named teaser."""
    old = "\n\n".join(GUESS_STORY)
    added = ["The harbour newsletter", GUESS_STORY[2], "Related: Fares rise again"]
    new = "\n\n".join([*GUESS_STORY[:2], *added])
    return _pair(old, new)


def test_a_change_dimmed_on_a_guess_is_counted_in_the_verdict_and_asks_to_be_checked(guessed: Comparison) -> None:
    """A line dimmed only because its being new tipped a faint phrase over: the reader is told it was a guess,
    and the verdict never says "unchanged" (exit status 1)."""
    by_text = {b.plain: b for b in guessed.new.blocks}
    assert by_text["The harbour newsletter"].role == "boilerplate"
    assert by_text["Related: Fares rise again"].role == "boilerplate"
    summary = guessed.summary
    assert not summary.body_changed and summary.guessed == 1 and summary.body_may_have_changed
    assert summary.verdict == "Article body may have changed. 1 dimmed change rests on a guess."
    assert json.loads(render_report(guessed, "json"))["summary"]["guessed"] == 1
    text = render_report(guessed, "text", boilerplate="dim")
    assert "boilerplate: newsletter?" in text and "boilerplate: related link\n" in text and "related link?" not in text
    markdown = render_report(guessed, "md", boilerplate="dim")
    assert "inserted (dimmed on a guess: check it): The harbour newsletter" in markdown
    assert "inserted: Related: Fares rise again" in markdown
    html = render_report(guessed, "html", boilerplate="dim")
    assert 'title="dimmed on a guess: nothing names it; check it">boilerplate: newsletter?</span>' in html
    assert '<span class="badge">boilerplate: related link</span>' in html


def test_a_neutral_line_inside_a_named_appeal_is_no_guess(demo: Comparison) -> None:
    """The demo's appeal is named by its opener: none of its lines, however plain, is counted as a guess."""
    assert demo.summary.guessed == 0
    assert "guess" not in demo.summary.verdict
