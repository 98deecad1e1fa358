"""Reading: encodings, line endings, format sniffing, and bad input in one clear line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.engine.read import read_source, sniff_format
from tui.errors import ArticleDiffError

TEXT = "The council met on Monday.\nIt said \u201cno\u201d to the plan, caf\u00e9 owners wrote.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), None),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    source = read_source(str(path))
    assert source.text == TEXT
    if encoding:
        assert source.encoding == encoding


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode())
    assert read_source(str(path)).text == TEXT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n \t\n", "is empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, "binary"),
    ],
)
def test_bad_content_is_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleDiffError, match=message) as error:
        read_source(str(path))
    assert "\n" not in str(error.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleDiffError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(ArticleDiffError, match="is a directory"):
        read_source(str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(ArticleDiffError, match="permission denied"):
        read_source(str(path))


def test_seed_formats_are_sniffed_by_content(seed_paths: tuple[Path, Path]) -> None:
    old, new = seed_paths
    assert read_source(str(old)).format == "markdown"
    assert read_source(str(new)).format == "text"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Prices rose 5*3 percent, he said.\nAnother line * here.\n", "text"),
        ("# Title\n\nSome [link](https://x.org) here.\n", "markdown"),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<div><p>a</p><p>b</p><p>c</p><a href=x>d</a><span>e</span></div>", "html"),
        ("A line with **bold** only.\n", "text"),
        ("# Title\n\nSome *emphasis* and _more emphasis_ here.\n", "markdown"),
        ("# Not a heading maybe\n\nOne *starred* word in plain text.\n", "text"),
    ],
)
def test_sniffing(text: str, fmt: str) -> None:
    assert sniff_format(text, "article.txt") == fmt


def test_extension_breaks_ties_for_light_markdown() -> None:
    assert sniff_format("A line with **bold** only.\n", "article.md") == "markdown"
