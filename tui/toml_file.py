"""Read a user's TOML file (a config, a lexicon) with a one-line complaint for each way it can be wrong."""

from __future__ import annotations

from pathlib import Path

from tui.capped import read_capped
from tui.errors import ArticleDiffError

#: A settings file larger than this is not one.
MAX_BYTES = 1_000_000


def read_toml(path: Path, what: str) -> dict[str, object]:
    """The file's table.

    Args:
        path: The file.
        what: What it should be, for the complaint ("config", "lexicon").

    Raises:
        FileNotFoundError: There is no such file (the caller knows whether that is an error).
        ArticleDiffError: It is too large, a directory, unreadable, not UTF-8, or not TOML.
    """
    try:
        data = read_capped(path, MAX_BYTES)  # a device or a FIFO says size 0: only the read is bounded
        if len(data) > MAX_BYTES:
            raise ArticleDiffError(f"{path}: too large for a {what} file")
        text = data.decode("utf-8-sig")  # Notepad's byte-order mark is no error
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise ArticleDiffError(f"{path}: is a directory, not a {what} file") from None
    except OSError as error:
        raise ArticleDiffError(f"{path}: cannot read {what} ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ArticleDiffError(f"{path}: {what} is not UTF-8 text") from None
    import tomllib  # here: a run that finds no config file (most runs) does not pay for the import (8 ms)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ArticleDiffError(f"{path}: not a valid TOML {what} ({error})") from None
    except RecursionError:
        raise ArticleDiffError(f"{path}: not a valid TOML {what} (nested too deeply)") from None
