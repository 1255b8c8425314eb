"""Pair a localized page with its English source, and an English page with its translations.

The layout is the pairing: ``locales/<locale>/<rel>`` translates
``docs_src/<rel>``. A text or HTML rendering may pair with a Markdown source
of the same stem (``call-reject.txt`` -> ``call-reject.md``).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from lint.config import Config

_SOURCE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def _relative_parts(path: str, root: str, config: Config) -> tuple[str, ...] | None:
    relative = PurePosixPath(config.relative(path))
    root_parts = PurePosixPath(root.strip("/")).parts
    if relative.parts[: len(root_parts)] != root_parts:
        return None
    return relative.parts[len(root_parts) :]


def _display(config: Config, relative: PurePosixPath) -> str:
    """A path to show the user: relative to the working directory when possible."""
    absolute = config.root / relative
    try:
        return os.path.relpath(absolute)
    except ValueError:
        return absolute.as_posix()


def _existing(config: Config, candidate: PurePosixPath) -> str | None:
    for suffix in (candidate.suffix, *_SOURCE_SUFFIXES):
        probe = candidate.with_suffix(suffix)
        if (config.root / probe).is_file():
            return _display(config, probe)
    return None


def english_source(path: str, config: Config) -> str | None:
    """The English page a localized page translates, if it exists."""
    parts = _relative_parts(path, config.locales_root, config)
    if not parts or len(parts) < 2:
        return None
    return _existing(config, PurePosixPath(config.source_root, *parts[1:]))


def translations(path: str, config: Config) -> list[str]:
    """The localized copies of an English page, one per locale that has one."""
    parts = _relative_parts(path, config.source_root, config)
    if not parts:
        return []
    locales_dir = config.root / config.locales_root
    if not locales_dir.is_dir():
        return []
    found = []
    for locale in sorted(entry.name for entry in Path(locales_dir).iterdir() if entry.is_dir()):
        match = _existing(config, PurePosixPath(config.locales_root, locale, *parts))
        if match:
            found.append(match)
    return found
