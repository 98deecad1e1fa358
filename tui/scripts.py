"""Scripts written without spaces between words (Thai, kana, CJK ideographs, Hangul syllables).

The engine cuts them a character to a token, or one edit would mark a whole clause; the classifier counts a
word as about two of their characters, or every sentence would read as a fragment. One definition for both,
below both: the character ranges, and the same ranges spelt as UTF-8 byte sequences. The character class
takes 5 ms to compile (the compiler walks every one of its 40,000 characters), the byte pattern 0.4 ms, so
every run uses the byte pattern to find them, and compiles the class only for text that holds them.
"""

from __future__ import annotations

import re

#: The dense scripts' character ranges, for a character class.
DENSE_SCRIPTS = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"

#: :data:`DENSE_SCRIPTS` spelt as UTF-8 byte sequences (tests/test_classify_shortcuts.py checks both find the
#: same characters).
DENSE_SCRIPT_BYTES_RE = re.compile(
    rb"\xe0[\xb8\xb9][\x80-\xbf]"  # Thai, U+0E00-0E7F
    rb"|\xe3[\x81-\x83\x90-\xbf][\x80-\xbf]|\xe4[\x80-\xb6\xb8-\xbf][\x80-\xbf]"  # kana, CJK to U+4FFF
    rb"|[\xe5-\xe9][\x80-\xbf][\x80-\xbf]"  # CJK, U+5000-9FFF
    rb"|\xea[\xb0-\xbf][\x80-\xbf]|[\xeb\xec][\x80-\xbf][\x80-\xbf]"  # Hangul to U+CFFF
    rb"|\xed[\x80-\x9d][\x80-\xbf]|\xed\x9e[\x80-\xaf]"  # Hangul, U+D000-D7AF
    rb"|\xef[\xa4-\xab][\x80-\xbf]"  # CJK compatibility ideographs, U+F900-FAFF
)


def dense_characters(text: str) -> int:
    """How many characters of ``text`` belong to a script written without spaces."""
    return len(DENSE_SCRIPT_BYTES_RE.findall(text.encode("utf-8", "surrogatepass")))


def has_dense_script(text: str) -> bool:
    """True when ``text`` holds a character of a script written without spaces (ASCII never does)."""
    return not text.isascii() and DENSE_SCRIPT_BYTES_RE.search(text.encode("utf-8", "surrogatepass")) is not None
