"""The user's standing choices, kept in a TOML file so they need not be typed on every run.

An editor who tracks one outlet keeps that outlet's furniture in a lexicon file
of their own ("Unterstützen Sie unseren Journalismus", the newsroom's newsletter
name) and wants it used every time. The file lives at
``$XDG_CONFIG_HOME/article-diff/config.toml`` (``~/.config/...`` by default), or
wherever ``ARTICLE_DIFF_CONFIG`` points; an empty ``ARTICLE_DIFF_CONFIG`` turns
it off. Options given on the command line come first.

    # ~/.config/article-diff/config.toml
    lexicon = ["outlets/tagesblatt.toml"]   # relative to this file
    lang = "de"                              # or "auto", "all", "de,fr"
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from tui.errors import ArticleDiffError, InputWarning
from tui.toml_file import read_toml

#: The environment variable naming the config file ("" for none).
CONFIG_ENV = "ARTICLE_DIFF_CONFIG"
#: The settings a config file may hold, and what each is for (used in complaints).
SETTINGS = {
    "lexicon": "a list of boilerplate lexicon files",
    "lang": "the shipped lexicons to use, as for --lang",
}


@dataclass(frozen=True, slots=True)
class Config:
    """What the config file says; empty when there is none."""

    lexicon: tuple[str, ...] = ()
    """Extra lexicon files, as absolute paths."""
    lang: str | None = None
    """The ``--lang`` value to use when the command line and the environment give none."""
    path: str | None = None
    """The file these settings came from."""


def config_path() -> Path | None:
    """Where the config file is looked for: ``ARTICLE_DIFF_CONFIG``, else the XDG location (None: turned off)."""
    named = os.environ.get(CONFIG_ENV)
    if named is not None:
        return Path(named).expanduser() if named.strip() else None
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if not os.path.isabs(base):  # the XDG specification: a relative path is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "article-diff" / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file, or return an empty one when there is none at the usual place.

    Raises:
        ArticleDiffError: The file named by ``ARTICLE_DIFF_CONFIG`` is missing, or a file is
            unreadable, not TOML, or holds a setting that is unknown or of the wrong kind.
    """
    named = path is not None or bool(os.environ.get(CONFIG_ENV, "").strip())
    path = path if path is not None else config_path()
    if path is None:
        return Config()
    if not named and not _reachable(path):
        return Config()
    try:
        data = read_toml(path, "config")
    except FileNotFoundError:
        if named:
            raise ArticleDiffError(f"{path}: no such config file (named by {CONFIG_ENV})") from None
        return Config()
    return _settings(data, path)


def _reachable(path: Path) -> bool:
    """Whether the usual config file can be looked for: a folder on the way that cannot be entered (a service
    account's unreadable ``$HOME``, ``sudo -u`` keeping ``HOME=/root``) means no config, with a warning."""
    try:
        path.stat()
    except PermissionError:
        warnings.warn(f"{path}: cannot look for a config file there (permission denied); using none", InputWarning, 2)
        return False
    except OSError:
        pass  # missing, or a problem read_toml words better
    return True


def _settings(data: dict[str, object], path: Path) -> Config:
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        known = ", ".join(f"{name} ({what})" for name, what in SETTINGS.items())
        raise ArticleDiffError(f"{path}: unknown setting {unknown[0]!r}; known: {known}")
    lexicon = data.get("lexicon", [])
    if isinstance(lexicon, str):
        lexicon = [lexicon]
    if not isinstance(lexicon, list) or not all(isinstance(item, str) and item.strip() for item in lexicon):
        raise ArticleDiffError(f"{path}: 'lexicon' must be a list of file paths")
    lang = data.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise ArticleDiffError(f'{path}: \'lang\' must be a string such as "de,fr" or "auto"')
    here = path.parent
    files = tuple(str((here / Path(item).expanduser()).resolve()) for item in lexicon)
    return Config(lexicon=files, lang=lang, path=str(path))
