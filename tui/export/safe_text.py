"""Make article text safe to show: control characters become visible placeholders.

Article text is kept exactly in the model, but an ESC, a backspace or a C1
control must never reach a terminal or a report raw, where it could move the
cursor, retitle the window or hide text. Each one is replaced by a visible
stand-in (U+241B for ESC, the Control Pictures block for the rest of C0).
"""

from __future__ import annotations

import re

#: C0 controls except newline, DEL, and the C1 controls (U+0080..U+009F).
_CONTROL_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x09:
        return " "  # a tab is harmless but breaks column layout; show it as a space
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: U+241B for ESC
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    return "\ufffd"  # C1 controls (such as U+009B, a one-byte CSI) have no picture


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Return ``text`` with every control character replaced by a visible placeholder.

    Args:
        text: Article text, possibly holding escapes.
        keep_newlines: Keep ``\\n`` (True) or show it as U+2424 (False).
    """
    if not keep_newlines:
        text = text.replace("\n", "\u2424")
    return _CONTROL_RE.sub(_picture, text)
