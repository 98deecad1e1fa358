"""The phrase lexicon: boilerplate phrases kept as data, not code, one file per language.

The shipped lexicon lives in ``tui/data/boilerplate/<language>.toml``. Users add
their own phrases with files of the same shape, passed to :func:`load_lexicon`
(the command line gathers them from its flags, the environment and the config
file; nothing here reads the environment). Every phrase is
compiled once into set look-ups, prefix tuples and word indexes so that
matching a block costs a few dictionary probes, not a scan per phrase.
"""

from __future__ import annotations

import math
import os
import pkgutil
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from tui.classify import lexicon_cache
from tui.classify.needles import EXOTIC_CASES, Needles, needles_of
from tui.errors import ArticleDiffError
from tui.model import BOILERPLATE_CATEGORIES

#: Languages shipped with the package.
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "pt", "ru")
#: Languages always used; the others are added when the text is written in them (see
#: :mod:`tui.classify.language`) or when the user names them.
DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)

_MATCHES = ("start", "line", "contains", "regex")
_OPENS = ("prose", "links", "tail", "title")
#: Straightened by str.replace, each only when present: str.translate looks every character up in a dict.
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")
# Punctuation becomes space, so that str.split() gives the words (much cheaper than a regex);
# apostrophes stay inside words ("don't") and are trimmed from their edges. ASCII punctuation is replaced
# by a byte translation of the UTF-8 text (str.translate looks each character up in a dict: four times
# slower), the few typographic marks after it, each only when the text holds it.
_PUNCTUATION_MARKS = (
    '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\u00a0\u00ab\u00bb\u00b7\u201c\u201d\u201e\u2010\u2011\u2012\u2013'
    "\u2014\u2015\u2026\u2022\u2032\u2033\u00a9\u00ae\u2122"
)
_ASCII_PUNCTUATION = bytes(ord(" ") if byte < 128 and chr(byte) in _PUNCTUATION_MARKS else byte for byte in range(256))
_WIDE_PUNCTUATION = tuple(mark for mark in _PUNCTUATION_MARKS if not mark.isascii())
# Everything but letters and digits is dropped from a block's key: ASCII punctuation and space
# by a byte translation (much cheaper than str.translate), common typographic marks after it.
_KEY_DELETE = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_LOWER = bytes(range(256)).lower()
_KEY_MARKS = tuple(
    mark.encode()
    for mark in "\u00a0\u00ab\u00bb\u00b7\u2018\u2019\u201c\u201d\u201e\u2010\u2011\u2012\u2013\u2014\u2015"
    "\u2026\u2022\u2032\u2033\u02bc\u00ad\u200b\u2009\u202f\ufeff"
)
#: Longer blocks are matched by their start, their end and patterns only: phrases inside them are not
#: looked for (an article paragraph is long; an appeal's long paragraphs are caught by its opener).
PHRASE_MAX_CHARS = 400
#: Start phrases are looked up by their first few characters.
_START_KEY = 3
#: Unanchored regular expressions are only tried on blocks of at most this many words.
FREE_REGEX_MAX_WORDS = 30
#: Regular expressions anchored at the end are tried on this many final characters.
TAIL_CHARS = 80
_LINE_TRIM = " \t.:;,!?\u2026-\u2013\u2014|>»›•·*_#()[]\"'"


def fold(text: str) -> str:
    """Lower-case text and straighten apostrophes: the form phrases are matched in."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    for apostrophe in _APOSTROPHES:
        if apostrophe in lowered:
            lowered = lowered.replace(apostrophe, "'")
    return lowered


def block_key(plain: str) -> bytes:
    """The key blocks are compared across versions by: letters and digits only, lower-cased (UTF-8).

    Cheap enough to compute for every block; quotes, dashes and spacing never matter.
    """
    if plain.isascii():
        return plain.encode().translate(_ASCII_LOWER, _KEY_DELETE)  # lower-cased and pruned in one pass
    key = plain.lower().encode("utf-8", "surrogatepass").translate(None, _KEY_DELETE)
    if not key.isascii():
        for mark in _KEY_MARKS:
            if mark in key:
                key = key.replace(mark, b"")
    return key


def words_of(folded: str) -> list[str]:
    """The words of folded text, punctuation dropped (apostrophes kept inside words)."""
    if folded.isascii():
        spaced = folded.encode().translate(_ASCII_PUNCTUATION).decode()
    else:
        spaced = folded.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION).decode("utf-8", "surrogatepass")
        for mark in _WIDE_PUNCTUATION:
            if mark in spaced:
                spaced = spaced.replace(mark, " ")
    words = spaced.split()
    if "'" in folded:
        # Only a word that starts or ends with an apostrophe changes; most have none at their edges.
        joined = " ".join(words)
        if joined.startswith("'") or joined.endswith("'") or " '" in joined or "' " in joined:
            words = [w for w in (w.strip("'") for w in words) if w]
    return words


def line_key(folded: str) -> str:
    """The key a whole block is looked up by: folded, trimmed of punctuation and spaces."""
    return " ".join(folded.strip(_LINE_TRIM).split())


@dataclass(frozen=True, slots=True)
class Rule:
    """One group of phrases with what a hit means."""

    category: str
    match: str
    weight: float
    phrases: tuple[str, ...]
    short: int | None = None
    """Only blocks of at most this many words are tested."""
    opens: str | None = None
    """The kind of region a hit opens: ``prose``, ``links``, ``tail`` or ``title`` (the next line only)."""
    closes: bool = False
    """A hit ends an open ``prose`` region after the block."""
    case_sensitive: bool = False
    shape: bool = False
    """The phrase names the block's shape, not its purpose (a lone URL): between article text kept by
    both versions it does not hold."""
    origin: str | None = None
    """The user's lexicon file the rule comes from (None: shipped); its regular expressions run time-bounded."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule matched a block."""

    rule: Rule
    phrase: str

    @property
    def reason(self) -> str:
        """Say in words what matched."""
        if self.rule.match == "start":
            return f"starts with '{self.phrase}'"
        if self.rule.match == "line":
            return f"the line '{self.phrase}'"
        if self.rule.match == "regex":
            return f"looks like a {self.rule.category.replace('-', ' ')}"
        return f"contains '{self.phrase}'"


class Lexicon:
    """All rules, compiled for matching in time linear in the block's length."""

    def __init__(
        self,
        rules: Sequence[Rule],
        needles: Mapping[str, Needles | None] | None = None,
        forms: Sequence[tuple[_Form, ...]] = (),
    ) -> None:
        """Prepare ``rules`` for matching; ``needles`` and ``forms`` are those already read for the first rules
        (see :meth:`shipped_needles` and :attr:`forms`)."""
        self.rules = tuple(rules)
        known = needles or {}
        self._lines: dict[str, Rule] = {}
        # start: the phrase's first characters -> (phrase, rule); one probe per block, not one per rule.
        self._starts: dict[str, list[tuple[str, Rule]]] = {}
        # contains: the phrase's longest word -> (phrase words, offset of that word, rule, phrase)
        self._index: dict[str, list[tuple[tuple[str, ...], int, Rule, str]]] = {}
        # Per rule: patterns anchored at the start, at the end, and free ones (see FREE_REGEX_MAX_WORDS).
        self._regexes: list[_Patterns] = []
        self._by_count: dict[int, tuple[_Patterns, ...]] = {}
        self.forms = tuple(forms[i] if i < len(forms) else _forms(rule) for i, rule in enumerate(self.rules))
        """Per rule, what each phrase is looked up by (see :func:`_forms`)."""
        for rule, phrase_forms in zip(self.rules, self.forms, strict=True):
            if rule.match == "line":
                for key, _, _ in phrase_forms:
                    current = self._lines.get(key)
                    if current is None or current.weight < rule.weight:
                        self._lines[key] = rule
            elif rule.match == "start":
                for folded_phrase, _, _ in phrase_forms:
                    self._starts.setdefault(folded_phrase[:_START_KEY], []).append((folded_phrase, rule))
            elif rule.match == "contains":
                for phrase, (_, words, anchor) in zip(rule.phrases, phrase_forms, strict=True):
                    if words:
                        self._index.setdefault(words[anchor], []).append((words, anchor, rule, phrase))
            else:
                flags = 0 if rule.case_sensitive else re.IGNORECASE
                groups: dict[str, list[str]] = {"start": [], "end": [], "free": []}
                for phrase in rule.phrases:
                    groups[_anchoring(phrase)].append(phrase)
                start, end, free = (
                    (_Shipped(group, flags, known) if rule.origin is None else _Bounded(group, flags, rule.origin))
                    if group
                    else None
                    for group in groups.values()
                )
                self._regexes.append((rule, start, end, free))
        self._anchors = frozenset(self._index)
        self._start_lengths = sorted({len(key) for key in self._starts})
        shorts = [rule.short for rule, *_ in self._regexes]
        self._regex_max_words = max((s if s is not None else 1 << 30 for s in shorts), default=-1)
        self._count_cap = max(FREE_REGEX_MAX_WORDS, max((s for s in shorts if s is not None), default=0)) + 1

    def shipped_needles(self) -> dict[str, Needles | None]:
        """The needles of every shipped pattern, by a key of its flags and text."""
        return {
            shipped.key: shipped.needles
            for _, *matchers in self._regexes
            for shipped in matchers
            if isinstance(shipped, _Shipped)
        }

    def match(self, plain: str, folded: str, words: Sequence[str], count: int) -> list[Hit]:
        """Every rule that matches a block.

        Args:
            plain: The block's plain text.
            folded: Its start (or all of it), folded.
            words: Its words, or none for a block too long to look for phrases in.
            count: How many words it has.
        """
        hits: list[Hit] = []
        if count <= 10:
            rule = self._lines.get(line_key(folded))
            if rule is not None:
                hits.append(Hit(rule, line_key(folded)))
        matched: set[int] = set()
        for length in self._start_lengths:
            for phrase, rule in self._starts.get(folded[:length], ()):
                if (
                    id(rule) not in matched
                    and (rule.short is None or count <= rule.short)
                    and folded.startswith(phrase)
                ):
                    matched.add(id(rule))
                    hits.append(Hit(rule, phrase))
        found = self._anchors.intersection(words)
        if found:
            seen: set[str] = set()
            for position, word in enumerate(words):
                if word not in found:
                    continue
                for phrase_words, anchor, rule, phrase in self._index[word]:
                    if phrase in seen or (rule.short is not None and count > rule.short):
                        continue
                    start = position - anchor
                    if start >= 0 and tuple(words[start : start + len(phrase_words)]) == phrase_words:
                        seen.add(phrase)
                        hits.append(Hit(rule, phrase))
        if count > self._regex_max_words:
            return hits
        tail = plain[-TAIL_CHARS:]
        # Needles are looked for in the folded text: in full, even when the caller folded only the start.
        whole = folded if len(plain) <= PHRASE_MAX_CHARS else fold(plain)
        folded_tail = fold(tail)
        if not plain.isascii() and any(letter in plain for letter in EXOTIC_CASES):
            whole = folded_tail = ""  # case-blind needles say nothing here: see _Shipped.admit
        for rule, start_re, end_re, free_re in self._regexes_for(count):
            if (
                (start_re is not None and start_re.starts(plain, whole))
                or (end_re is not None and end_re.holds(tail, folded_tail))
                or (free_re is not None and free_re.holds(plain, whole))
            ):
                hits.append(Hit(rule, rule.category))
        return hits

    def _regexes_for(self, count: int) -> tuple[_Patterns, ...]:
        """The patterns tried on a block of ``count`` words, in the rules' order: the rules whose ``short``
        admits it, without the free patterns past :data:`FREE_REGEX_MAX_WORDS` (worked out once per count)."""
        # Past every finite ``short`` and the free patterns' limit, all counts choose alike.
        count = min(count, self._count_cap)
        chosen = self._by_count.get(count)
        if chosen is None:
            chosen = self._by_count[count] = tuple(
                (rule, start, end, free if count <= FREE_REGEX_MAX_WORDS else None)
                for rule, start, end, free in self._regexes
                if rule.short is None or count <= rule.short
            )
        return chosen


_Patterns = tuple["Rule", "_Matcher | None", "_Matcher | None", "_Matcher | None"]
#: A phrase as it is looked up: a line's key or a start's folded text; or a contained phrase's words and the
#: offset of its longest word (no words: the phrase is never found).
_Form = tuple[str, tuple[str, ...], int]


def _forms(rule: Rule) -> tuple[_Form, ...]:
    """What each of a rule's phrases is looked up by (nothing for patterns)."""
    if rule.match == "line":
        return tuple((line_key(fold(phrase)), (), 0) for phrase in rule.phrases)
    if rule.match == "start":
        return tuple((fold(phrase), (), 0) for phrase in rule.phrases)
    if rule.match == "contains":
        forms: list[_Form] = []
        for phrase in rule.phrases:
            words = tuple(words_of(fold(phrase)))
            forms.append(("", words, max(range(len(words)), key=lambda k: len(words[k])) if words else 0))
        return tuple(forms)
    return ()


class _Matcher(Protocol):
    def starts(self, text: str, folded: str, /) -> bool:
        """Whether the pattern matches at the start of ``text`` (``folded``: the same, folded, or "")."""

    def holds(self, text: str, folded: str, /) -> bool:
        """Whether the pattern matches anywhere in ``text``."""


class _Shipped:
    """The shipped phrases of one rule and anchoring as one pattern: one scan per block, not one per phrase.

    The scan is skipped when the block lacks the text every match needs (see :mod:`tui.classify.needles`),
    and the pattern is compiled when a block first gets past that test: most runs never compile most
    patterns.
    """

    def __init__(self, phrases: list[str], flags: int, known: Mapping[str, Needles | None]) -> None:
        self.source = "|".join(f"(?:{p})" for p in phrases)
        self.flags = flags
        self.key = f"{flags} {self.source}"
        self.needles = known[self.key] if self.key in known else needles_of(phrases, bool(flags & re.IGNORECASE))
        self._pattern: re.Pattern[str] | None = None
        self._tested = 0

    def admit(self, text: str, folded: str) -> bool:
        """Whether the pattern may match: "" for ``folded`` (a text with "İ", "ı" or "ſ") admits every text."""
        return self.needles is None or not folded or self.needles.admit(text, folded)

    def compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    def starts(self, text: str, folded: str, /) -> bool:
        # Once compiled, a pattern anchored at the start fails at the first character or two, faster than
        # the needles are looked for: they only spare compiling it, which pays for itself after a few
        # hundred blocks (a long document, or a process that compares many).
        pattern = self._pattern
        if pattern is None:
            self._tested += 1
            if self._tested <= COMPILE_AFTER and not self.admit(text, folded):
                return False
            pattern = self.compiled()
        return pattern.match(text) is not None

    def holds(self, text: str, folded: str, /) -> bool:
        return self.admit(text, folded) and self.compiled().search(text) is not None


#: A shipped pattern anchored at the start is compiled once this many blocks have been tested for its needles.
COMPILE_AFTER = 200


#: A user's regular expression may take this long on one block; longer is catastrophic backtracking.
REGEX_SECONDS = 0.25


class _Bounded:
    """A user's regular expressions, each compiled alone and run with a time limit.

    Alone, because joined into one pattern a leading ``(?i)`` or a repeated group name is an error and a
    back-reference such as ``\\1`` points at another phrase's group; with a limit (the ``regex`` engine's
    timeout), because ``^(a|aa)+$`` would otherwise run for ever on the wrong paragraph.
    """

    def __init__(self, phrases: list[str], flags: int, origin: str) -> None:
        self.origin = origin
        self.patterns = [(phrase, _compile_user(phrase, flags, origin)) for phrase in phrases]

    def starts(self, text: str, folded: str, /) -> bool:
        return self._first(text, anchored=True) is not None

    def holds(self, text: str, folded: str, /) -> bool:
        return self._first(text, anchored=False) is not None

    def _first(self, string: str, *, anchored: bool) -> object | None:
        for phrase, pattern in self.patterns:
            try:
                found: object | None = (pattern.match if anchored else pattern.search)(string, timeout=REGEX_SECONDS)
            except TimeoutError:
                raise ArticleDiffError(
                    f"{self.origin}: the regular expression {phrase!r} ran over {REGEX_SECONDS} s on one paragraph"
                    " (nested repetition such as (a|aa)+ backtracks without end); simplify it"
                ) from None
            if found is not None:
                return found
        return None


def _compile_user(phrase: str, flags: int, origin: str) -> Any:
    """Compile one of the user's regular expressions as it will run, or say which and why it cannot be."""
    import regex

    try:
        return regex.compile(phrase, regex.IGNORECASE if flags & re.IGNORECASE else 0)
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        raise ArticleDiffError(f"{origin}: bad regular expression {phrase!r} ({error})") from None


def _anchoring(pattern: str) -> str:
    """Whether a pattern is anchored at the ``start`` or the ``end`` of the block, or ``free``."""
    body = pattern[4:] if pattern.startswith("(?i:") else pattern
    if body.startswith("^"):
        return "start"
    if body.rstrip(")").endswith("$"):
        return "end"
    return "free"


def _rules_from(data: dict[str, object], origin: str, *, user: bool = True) -> list[Rule]:
    """Check and convert one lexicon file's rules, naming the file in any complaint.

    Types are checked strictly: ``weight = nan`` or ``inf`` would swing every verdict, and ``closes = "no"``
    would be true.
    """
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise ArticleDiffError(f"{origin}: 'rule' must be a list of [[rule]] tables")
    rules = []
    for number, raw in enumerate(raw_rules, 1):
        where = f"{origin}: rule {number}"
        if not isinstance(raw, dict):
            raise ArticleDiffError(f"{where}: not a table")
        category = raw.get("category")
        if category not in BOILERPLATE_CATEGORIES:
            raise ArticleDiffError(f"{where}: unknown category {category!r}")
        match = raw.get("match", "contains")
        if match not in _MATCHES:
            raise ArticleDiffError(f"{where}: match must be one of {', '.join(_MATCHES)}")
        phrases = raw.get("phrases")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p for p in phrases):
            raise ArticleDiffError(f"{where}: phrases must be a list of non-empty strings")
        opens = raw.get("opens")
        if opens is not None and opens not in _OPENS:
            raise ArticleDiffError(f"{where}: opens must be one of {', '.join(_OPENS)}")
        weight, short = raw.get("weight", 2.0), raw.get("short")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight):
            raise ArticleDiffError(f"{where}: weight must be a finite number, not {weight!r}")
        if short is not None and (isinstance(short, bool) or not isinstance(short, int) or short < 1):
            raise ArticleDiffError(f"{where}: short must be a whole number of words, 1 or more, not {short!r}")
        switches = {name: raw.get(name, False) for name in ("closes", "shape", "case_sensitive")}
        for name, value in switches.items():
            if not isinstance(value, bool):
                raise ArticleDiffError(f"{where}: {name} must be true or false, not {value!r}")
        flags = 0 if switches["case_sensitive"] else re.IGNORECASE
        if match == "regex" and user:
            # The shipped phrases are compiled only where they run, joined: compiling each alone again cost
            # every run 10 ms. tests/test_classify_lexicon.py checks that each compiles alone.
            for phrase in phrases:
                _compile_user(phrase, flags, where)
        rules.append(
            Rule(
                category=category,
                match=match,
                weight=float(weight),
                phrases=tuple(phrases),
                short=short,
                opens=opens,
                closes=switches["closes"],
                shape=switches["shape"],
                case_sensitive=switches["case_sensitive"],
                origin=origin if user else None,
            )
        )
    return rules


def _read(path: Path) -> dict[str, object]:
    from tui.toml_file import read_toml  # here: TOML is read only when a user names a lexicon file

    try:
        return read_toml(path, "lexicon")
    except FileNotFoundError:
        raise ArticleDiffError(f"{path}: no such lexicon file") from None


def parse_languages(value: str) -> tuple[str, ...] | None:
    """English plus the shipped languages named in ``value`` ("de,fr", "all"), or a one-line complaint.

    None for "auto" or nothing: the languages are then those the text is written in.

    Raises:
        ArticleDiffError: A language is not shipped.
    """
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if not names or names == ["auto"]:
        return None
    unknown = sorted(set(names) - {*SHIPPED_LANGUAGES, "all"})
    if unknown:
        raise ArticleDiffError(
            f"no boilerplate lexicon for {', '.join(map(repr, unknown))}"
            f" (shipped: {', '.join(SHIPPED_LANGUAGES)}; or all, auto)"
        )
    if "all" in names:
        return SHIPPED_LANGUAGES
    return tuple(dict.fromkeys([*DEFAULT_LANGUAGES, *names]))


def _shipped(language: str) -> str:
    """A shipped lexicon's text, read with pkgutil (importlib.resources takes 7 ms to import)."""
    try:
        data = pkgutil.get_data("tui.data", f"boilerplate/{language}.toml")
    except OSError:
        data = None
    if data is None:
        raise ArticleDiffError(f"no boilerplate lexicon for language {language!r}")
    return data.decode("utf-8")


@lru_cache(maxsize=8)
def _load(languages: tuple[str, ...], extra: tuple[str, ...]) -> Lexicon:
    texts = tuple(_shipped(language) for language in languages)
    kept = lexicon_cache.recall(languages, texts)
    if kept is not None:
        fields, needles, forms = kept
        rules = [Rule(*field) for field in fields]
        known = {key: None if phrases is None else Needles(phrases) for key, phrases in needles.items()}
    else:
        import tomllib  # here: a run that finds the lexicons kept does not pay for the import

        rules = []
        for language, text in zip(languages, texts, strict=True):
            rules.extend(_rules_from(tomllib.loads(text), f"lexicon {language}", user=False))
        known, forms = {}, ()
    shipped = len(rules)
    for path in extra:
        rules.extend(_rules_from(_read(Path(path)), path))
    lexicon = Lexicon(rules, known, forms)
    if kept is None:
        fields = tuple(  # Rule's fields in order (the shipped rules have no origin)
            (r.category, r.match, r.weight, r.phrases, r.short, r.opens, r.closes, r.case_sensitive, r.shape)
            for r in rules[:shipped]
        )
        needles = {key: None if n is None else n.phrases for key, n in lexicon.shipped_needles().items()}
        lexicon_cache.keep(languages, texts, (fields, needles, lexicon.forms[:shipped]))
    return lexicon


def load_lexicon(
    languages: Iterable[str] | None = None, extra: Iterable[str | os.PathLike[str]] = ()
) -> Lexicon:
    """Return the compiled lexicon: the shipped languages plus the user's files.

    Args:
        languages: Shipped lexicons to use, such as ``("en", "de")``; English alone by default.
        extra: Paths of user lexicon files.

    Raises:
        ArticleDiffError: A lexicon file is missing, unreadable or malformed.
    """
    paths = tuple(str(p) for p in extra)
    return _load(tuple(DEFAULT_LANGUAGES if languages is None else languages), paths)
