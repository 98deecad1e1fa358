"""The boilerplate layer: label every block body, boilerplate or metadata, and say why.

Each block of both versions gets a role, a category from the design vocabulary,
a confidence and human-readable reasons; runs of boilerplate that belong
together share a region. The signals are a phrase lexicon (a data file, per
language, extensible by the user), the block's shape, openers such as
"A Message from ...:" that govern the blocks after them, HTML structure hints,
the other version, and, for HTML pages when trafilatura is installed, an
extractor's opinion. See :mod:`tui.classify.scorer` for how they combine.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.classify.extraction import Extraction, extract
from tui.classify.language import detect_languages
from tui.classify.lexicon import Lexicon, load_lexicon
from tui.classify.scorer import Prepared, label_document, measure
from tui.classify.signals import Facts
from tui.model import Document, LexiconSettings


def classify(
    old: Document,
    new: Document,
    *,
    old_html: str | None = None,
    new_html: str | None = None,
    lexicons: LexiconSettings | None = None,
) -> tuple[Document, Document]:
    """Return both documents with each block's role, category, reasons, confidence and region set.

    Args:
        old: The old version.
        new: The new version.
        old_html: The old version's HTML source, when it is an HTML page: enables the extractor signal.
        new_html: The same for the new version.
        lexicons: The user's lexicon files and the shipped languages to use (by default English plus the
            languages the versions are written in). Nothing is read from the environment: the command line
            gathers these settings.

    Raises:
        ArticleDiffError: A user lexicon file is missing or malformed.
    """
    lexicons = lexicons or LexiconSettings()
    lexicon = load_lexicon(_languages(lexicons.languages, old, new), lexicons.files)
    seen: dict[str, Facts] = {}
    prepared_old = Prepared(old, measure(old, lexicon, seen), _extraction(old, old_html))
    prepared_new = Prepared(new, measure(new, lexicon, seen), _extraction(new, new_html))
    # Each version is read on its own first, so that what one version says about shared words does not
    # depend on what the other said about them.
    other_of_old = prepared_new.as_other("new") if new.blocks else None
    other_of_new = prepared_old.as_other("old") if old.blocks else None
    return label_document(prepared_old, other_of_old, "old"), label_document(prepared_new, other_of_new, "new")


def classify_one(document: Document, *, html: str | None = None, lexicon: Lexicon | None = None) -> Document:
    """Label a single version on its own, without the other-version signal."""
    lexicon = lexicon or load_lexicon(_languages(None, document))
    return label_document(Prepared(document, measure(document, lexicon), _extraction(document, html)), None, "new")


def _languages(languages: Iterable[str] | None, *documents: Document) -> tuple[str, ...]:
    """The lexicons asked for, else those of the languages the text is written in."""
    if languages is not None:
        return tuple(languages)
    return detect_languages(document.blocks for document in documents)


def _extraction(document: Document, html: str | None) -> Extraction | None:
    if html is None or document.format != "html":
        return None
    return extract(html)


__all__ = ["classify", "classify_one", "load_lexicon"]
