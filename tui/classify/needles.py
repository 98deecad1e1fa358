"""The words a shipped regular expression cannot match without: a test cheaper than the pattern.

Most blocks match none of the lexicon's patterns, and a pattern such as
``\\b(?:photo|image)\\s*:\\s*\\S`` cannot match a block that holds neither "photo" nor
"image". Reading those required pieces of text (needles) off the pattern lets a
block skip the pattern with a few substring tests, and lets a pattern that no
block gets past stay uncompiled (compiling the shipped patterns cost every run
12 ms). The reading is conservative: whatever it does not understand requires
nothing, so a pattern is only ever skipped when it could not have matched.

Only the standard library's syntax is read: user lexicons are compiled by the
``regex`` engine, whose fuzzy matches (``(?:colour){e<=1}``) need no fixed text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A needle: its text, and whether it is matched regardless of case (then it is lower-case ASCII).
Needle = tuple[str, bool]
#: Any one of these needles must be in the text.
Clause = tuple[Needle, ...]
#: All of these clauses must hold.
Conjunction = tuple[Clause, ...]

#: Letters that match ASCII letters regardless of case though they lower-case to something else ("İ", "ı", "ſ"):
#: in a text holding one, case-blind needles say nothing.
EXOTIC_CASES = ("\u0130", "\u0131", "\u017f")
#: Escapes that stand for a class of characters or a position, not for one character.
_CLASS_ESCAPES = frozenset("dDwWsSbBAZ")
#: Clauses kept per phrase, the most telling first: each costs a few substring tests per block.
MAX_CLAUSES = 3
#: Characters that stand for themselves in a pattern, many at a time.
_PLAIN_RUN = re.compile(r"[^\\\[\](){}|*+?.^$]+")
_REPEATS = ("*", "+", "?", "{")
#: Needles of one character that nearly every block holds.
_COMMON = frozenset(" .,'-:/\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class _Unread(Exception):
    """The pattern uses syntax this reader does not follow: it then requires nothing."""


class Needles:
    """What a joined pattern of phrases requires: for at least one phrase, all of that phrase's clauses."""

    __slots__ = ("_blind_firsts", "_exact_firsts", "phrases")

    def __init__(self, phrases: tuple[Conjunction, ...]) -> None:
        self.phrases = phrases
        # Every phrase's first clause, pooled: most texts hold none of these and are turned away at once.
        firsts = dict.fromkeys(needle for conjunction in phrases for needle in conjunction[0])
        self._blind_firsts = tuple(text for text, blind in firsts if blind)
        self._exact_firsts = tuple(text for text, blind in firsts if not blind)

    def __repr__(self) -> str:
        return f"Needles({self.phrases!r})"

    def admit(self, text: str, folded: str) -> bool:
        """Whether the pattern may match ``text`` (``folded`` is the same text folded, see ``fold``)."""
        for needle in self._blind_firsts:
            if needle in folded:
                break
        else:
            for needle in self._exact_firsts:
                if needle in text:
                    break
            else:
                return False
        for conjunction in self.phrases:
            for clause in conjunction:
                for needle, blind in clause:
                    if needle in (folded if blind else text):
                        break
                else:
                    break  # no needle of this clause is there: this phrase cannot match
            else:
                return True
        return False


def needles_of(phrases: Sequence[str], ignore_case: bool) -> Needles | None:
    """The needles of a rule's phrases joined into one pattern, or None when some phrase requires nothing."""
    found = []
    for phrase in phrases:
        try:
            clauses, end = _Reader(phrase).alternatives(0, ignore_case)
        except (_Unread, IndexError, ValueError):
            return None
        if end != len(phrase) or not clauses:
            return None
        found.append(tuple(sorted(dict.fromkeys(clauses), key=_telling)[:MAX_CLAUSES]))
    return Needles(tuple(found))


def _telling(clause: Clause) -> tuple[int, bool, int]:
    """Longer needles are rarer, a mark such as "%" is rarer than a space or a full stop, and fewer needles
    cost less to test."""
    return (
        -min(len(text) for text, _ in clause),
        any(text in _COMMON for text, _ in clause),
        len(clause),
    )


class _Reader:
    """A recursive reading of one pattern, each step returning the clauses every match satisfies."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def alternatives(self, position: int, blind: bool) -> tuple[list[Clause], int]:
        """Read ``a|b|c`` up to a closing parenthesis or the end: each alternative's most telling clause, joined."""
        options: list[list[Clause]] = []
        while True:
            clauses, position = self.sequence(position, blind)
            options.append(clauses)
            if position < len(self.pattern) and self.pattern[position] == "|":
                position += 1
                continue
            break
        if len(options) == 1:
            return options[0], position
        if not all(options):
            return [], position
        joined = tuple(dict.fromkeys(needle for option in options for needle in min(option, key=_telling)))
        return [joined], position

    def sequence(self, position: int, blind: bool) -> tuple[list[Clause], int]:
        """Read items up to ``|``, ``)`` or the end; adjacent literal characters make one needle."""
        pattern = self.pattern
        clauses: list[Clause] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                clauses.append((("".join(run), blind),))
                run.clear()

        while position < len(pattern) and pattern[position] not in "|)":
            plain = _PLAIN_RUN.match(pattern, position)
            if plain is not None and len(plain.group()) > 1:
                # Characters that stand for themselves, read at once; a repetition after them applies to the
                # last one only, which is left to the step below.
                end = plain.end() - (1 if pattern.startswith(_REPEATS, plain.end()) else 0)
                text = pattern[position:end]
                if not blind:
                    run.append(text)
                    position = end
                    continue
                if text.isascii() and "'" not in text:
                    run.append(text.lower())
                    position = end
                    continue
            literal, item, position = self.item(position, blind)
            repeated, optional, position = self.quantifier(position)
            if literal is not None and not optional:
                run.append(literal)
                if not repeated:
                    continue  # the next literal character follows it directly
            flush()  # what follows need not touch what came before
            if item and not optional:
                clauses.extend(item)
        flush()
        return clauses, position

    def item(self, position: int, blind: bool) -> tuple[str | None, list[Clause], int]:
        """One item: a literal character (as matched), or the clauses of a group, or nothing required."""
        pattern = self.pattern
        char = pattern[position]
        if char == "\\":
            escaped = pattern[position + 1]
            if escaped in _CLASS_ESCAPES:
                return None, [], position + 2  # \d, \b ...: not one fixed character
            if escaped.isalnum() or not escaped.isascii():
                raise _Unread(escaped)  # \x27, \u2013, \N{...}, \1, \n: escapes of varying length are not read
            return self._literal(escaped, blind), [], position + 2
        if char == "[":
            return None, [], self._class_end(position)
        if char == "(":
            return self.group(position, blind)
        if char in ".^$":
            return None, [], position + 1
        if char in "*+?{":
            raise _Unread(char)
        return self._literal(char, blind), [], position + 1

    def _literal(self, char: str, blind: bool) -> str | None:
        """The character as a needle holds it, or None when it cannot be one.

        Regardless of case, only ASCII is used (folded, a few letters elsewhere match ASCII ones), and
        no apostrophe (folding straightens curly ones).
        """
        if not blind:
            return char
        if not char.isascii() or char == "'":
            return None
        return char.lower()

    def group(self, position: int, blind: bool) -> tuple[str | None, list[Clause], int]:
        """A parenthesised group: its clauses when a match must go through it."""
        pattern = self.pattern
        position += 1
        required = True
        if pattern.startswith("?", position):
            head = pattern[position + 1]
            if head == ":" or head == ">":
                position += 2
            elif head == "=":
                position += 2  # a lookahead's text is there too
            elif head in "!<":
                required = False
                position += 3 if head == "<" else 2
                if head == "<" and pattern[position - 1] not in "=!":
                    raise _Unread("named group")
            elif head == "P" and pattern.startswith("<", position + 2):
                position = pattern.index(">", position) + 1
            elif head == "#":
                return None, [], pattern.index(")", position) + 1
            else:
                blind, position = self._flags(position + 1, blind)
        clauses, position = self.alternatives(position, blind)
        if pattern[position] != ")":
            raise _Unread("unclosed group")
        return None, clauses if required else [], position + 1

    def _flags(self, position: int, blind: bool) -> tuple[bool, int]:
        """Read ``i-s:`` after ``(?``: only case changes what a needle is; verbose mode is not read."""
        pattern = self.pattern
        colon = pattern.index(":", position)
        on, _, off = pattern[position:colon].partition("-")
        if not set(on + off) <= set("imsau") or (not on and not off):
            raise _Unread("flags")
        if "i" in on:
            blind = True
        if "i" in off:
            blind = False
        return blind, colon + 1

    def _class_end(self, position: int) -> int:
        """The position after a character class ``[...]`` (a ``]`` first in it is a member)."""
        pattern = self.pattern
        position += 1
        if pattern.startswith("^", position):
            position += 1
        if pattern.startswith("]", position):
            position += 1
        while pattern[position] != "]":
            position += 2 if pattern[position] == "\\" else 1
        return position + 1

    def quantifier(self, position: int) -> tuple[bool, bool, int]:
        """Read a repetition after an item: whether there is one, whether it lets the item be absent, and the
        position after it."""
        pattern = self.pattern
        if position >= len(pattern):
            return False, False, position
        char = pattern[position]
        if char in "*?":
            optional, position = True, position + 1
        elif char == "+":
            optional, position = False, position + 1
        elif char == "{":
            close = pattern.find("}", position)
            low, _, high = pattern[position + 1 : close].partition(",")
            if close < 0 or not (low.isdigit() or not low) or not (high.isdigit() or not high):
                raise _Unread("brace")
            optional, position = (not low or int(low) == 0), close + 1
        else:
            return False, False, position
        if position < len(pattern) and pattern[position] in "?+":
            position += 1  # lazy or possessive
        return True, optional, position
