"""The user's standing choices, kept in a TOML file so they need not be typed on every run.

An editor who tracks one outlet keeps that outlet's furniture in a lexicon file
of their own ("Unterstützen Sie unseren Journalismus", the newsroom's newsletter
name) and wants it used every time. The file lives at
``$XDG_CONFIG_HOME/article-diff/config.toml`` (``~/.config/...`` by default), or
wherever ``ARTICLE_DIFF_CONFIG`` points; an empty ``ARTICLE_DIFF_CONFIG`` turns
it off. Options given on the command line come first.

The command line reads the flags, the environment and this file once, into a
:class:`~tui.model.LexiconSettings` handed down to the classifier as a
parameter: nothing below the command line reads the environment.

    # ~/.config/article-diff/config.toml
    lexicon = ["outlets/tagesblatt.toml"]   # relative to this file
    lang = "de"                              # or "auto", "all", "de,fr"
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.classify.lexicon import parse_languages
from tui.errors import ArticleDiffError, InputWarning
from tui.model import LexiconSettings
from tui.toml_file import read_toml

#: The environment variable naming the config file ("" for none).
CONFIG_ENV = "ARTICLE_DIFF_CONFIG"
#: The environment variable naming extra lexicon files (separated by the platform's path separator).
LEXICON_ENV = "ARTICLE_DIFF_LEXICON"
#: The environment variable naming shipped languages to add to English ("de,fr", "all", or "auto": detected).
LANGUAGES_ENV = "ARTICLE_DIFF_LANGUAGES"
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


def _check_lexicon_path(path: str, where: str = "") -> None:
    """A lexicon path must name something to read: not nothing, not a directory (reading it is bounded later)."""
    if os.path.isdir(path):
        raise ArticleDiffError(f"{path}: is a directory, not a lexicon file{where}")
    if not os.path.exists(path):
        raise ArticleDiffError(f"{path}: no such lexicon file{where}")


def lexicon_settings(
    lexicon: Sequence[str] = (),
    lang: str | None = None,
    *,
    use_config: bool = True,
    environ: Mapping[str, str] = os.environ,
) -> LexiconSettings:
    """The lexicons one run uses, from the command line's ``--lexicon`` and ``--lang``, the environment and the file.

    Lexicon files add up: the command line's, then the config file's, then ``ARTICLE_DIFF_LEXICON``'s. The
    languages are the command line's, else ``ARTICLE_DIFF_LANGUAGES``, else the config file's. Checked now,
    so that a missing file or an unknown language is a one-line error before any reading.

    Raises:
        ArticleDiffError: A lexicon file is missing, a directory or unreadable, a language is not shipped, or
            the config file is broken.
    """
    config = load_config() if use_config else Config()
    for path in config.lexicon:
        _check_lexicon_path(path, f" (named in {config.path})")
    for path in lexicon:
        _check_lexicon_path(path)
    chosen = [*lexicon, *config.lexicon]
    for path in chosen:
        if not os.access(path, os.R_OK):
            raise ArticleDiffError(f"{path}: permission denied")
    from_env = [p for p in environ.get(LEXICON_ENV, "").split(os.pathsep) if p.strip()]
    files = tuple([os.path.abspath(p) for p in chosen] + from_env)
    env_lang = environ.get(LANGUAGES_ENV, "")
    from_config = lang is None and not env_lang.strip()
    value = config.lang if from_config else lang or env_lang
    try:
        languages = parse_languages(value or "")
    except ArticleDiffError as error:
        raise ArticleDiffError(f"{config.path}: {error}" if from_config else str(error)) from None
    return LexiconSettings(files=files, languages=languages)
