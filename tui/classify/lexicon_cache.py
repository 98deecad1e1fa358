"""The shipped lexicons as read and prepared, kept between runs beside Python's own bytecode.

Parsing the English lexicon's TOML and reading its patterns' needles (see
:mod:`tui.classify.needles`) cost every run about 9 ms; reading them back costs
well under 1. An entry is used only when it was made from exactly the same
lexicon texts, by the same code (the files' sizes and times, as Python checks
its bytecode) and the same Python; any other entry, or none, or one that cannot
be read, means the lexicons are read afresh. Entries are written as Python writes
bytecode: not under ``PYTHONDONTWRITEBYTECODE``, and silently not where the
folder is not writable. Compiled patterns cannot be kept (they are compiled when
first needed instead).
"""

from __future__ import annotations

import marshal
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

#: Where entries are kept: the package's bytecode folder.
FOLDER = Path(__file__).parent / "__pycache__"
#: The code whose output is kept, and this: a change to any makes every entry stale.
_CODE = tuple(Path(__file__).parent / name for name in ("lexicon.py", "needles.py", "lexicon_cache.py"))


def _stamp(texts: tuple[str, ...]) -> tuple[object, ...]:
    stats = [os.stat(path) for path in _CODE]
    return (sys.version, marshal.version, texts, *((s.st_size, s.st_mtime_ns) for s in stats))


def _path(languages: tuple[str, ...]) -> Path:
    return FOLDER / f"lexicon-{'-'.join(languages)}.{sys.implementation.cache_tag}.marshal"


def recall(languages: tuple[str, ...], texts: tuple[str, ...]) -> Any | None:
    """What :func:`keep` kept for these lexicon texts, or None."""
    try:
        stamp = _stamp(texts)
        kept = marshal.loads(_path(languages).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(kept, tuple) or len(kept) != 2 or kept[0] != stamp:
        return None
    return kept[1]


def keep(languages: tuple[str, ...], texts: tuple[str, ...], value: Any) -> None:
    """Keep ``value`` (made of tuples, strings, numbers, booleans and None) for these lexicon texts, if allowed."""
    if sys.dont_write_bytecode:
        return
    path = _path(languages)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        entry: Any = (_stamp(texts), value)
        data = marshal.dumps(entry)
        path.parent.mkdir(exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)  # whole or not at all, whoever else writes it at the same time
    except (OSError, ValueError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)
