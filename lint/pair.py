"""Pair a localized page with its English source, and an English page with its translations.

The layout is the pairing: ``locales/<locale>/<rel>`` translates
``docs_src/<rel>``. A text or HTML rendering may pair with a Markdown source
of the same stem (``call-reject.txt`` -> ``call-reject.md``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from lint.config import Config
from lint.lazy_pattern import lazy_compile

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


def missing_source(path: str, config: Config) -> str | None:
    """For a translation whose English page does not exist, the path that page would have."""
    parts = _relative_parts(path, config.locales_root, config)
    if not parts or len(parts) < 2 or english_source(path, config) is not None:
        return None
    return _display(config, PurePosixPath(config.source_root, *parts[1:]))


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


_SYNTAX_LINE = lazy_compile(r"^(GET|POST|PATCH|PUT|DELETE)\s+(/\S*)", re.MULTILINE)
_REST_INDEX: dict[tuple[str, str], dict[str, str]] = {}


def operation_key(method: str, path: str) -> str:
    """``POST /communications/calls/{}/reject``: what a cmdlet's operation and a REST page's syntax share."""
    segments = []
    for segment in path.split("?")[0].strip("/").split("/"):
        segment = segment.removeprefix("microsoft.graph.")
        segments.append("{}" if segment.startswith("{") or segment.startswith("(") else segment.lower())
    return f"{method.upper()} /{'/'.join(segments)}"


def _rest_index(config: Config, version: str) -> dict[str, str]:
    """Operation key -> REST page, read once per process from the English API pages of ``version``."""
    key = (str(config.root), version)
    if key not in _REST_INDEX:
        index: dict[str, str] = {}
        folder = config.root / config.source_root / version / "api"
        if folder.is_dir():
            for page in sorted(folder.glob("*.md")):
                text = page.read_text(encoding="utf-8", errors="replace")
                for method, path in _SYNTAX_LINE.findall(text):
                    index.setdefault(
                        operation_key(method, path),
                        _display(config, PurePosixPath(page.relative_to(config.root).as_posix())),
                    )
        _REST_INDEX[key] = index
    return _REST_INDEX[key]


def rest_page(method: str, path: str, version: str | None, config: Config) -> str | None:
    """The English REST page documenting the operation a cmdlet's body type decodes to.

    Graph names a REST page after its resource and action (``call-reject.md``
    for ``POST .../calls/{id}/reject``), so the pages so named are read first;
    only an operation none of them documents reads every English API page of
    the version (once per process). A one-file pre-commit check of cmdlet help
    in a repository of 7,000 pages reads a handful of files, not all of them.
    """
    if not version:
        return None
    wanted = operation_key(method, path)
    folder = config.root / config.source_root / version / "api"
    for page in _named_candidates(folder, wanted):
        text = page.read_text(encoding="utf-8", errors="replace")
        if any(operation_key(verb, route) == wanted for verb, route in _SYNTAX_LINE.findall(text)):
            return _display(config, PurePosixPath(page.relative_to(config.root).as_posix()))
    return _rest_index(config, version).get(wanted)


def _named_candidates(folder: Path, key: str) -> list[Path]:
    """The pages whose file name says they may document ``key``: ``*-<action>.md``, ``<resource>-*.md``."""
    if not folder.is_dir():
        return []
    named = [segment for segment in key.split(" ", 1)[1].strip("/").split("/") if segment and segment != "{}"]
    if not named:
        return []
    last = named[-1].rsplit(".", 1)[-1]
    patterns = [f"*-{last}.md", f"{last.removesuffix('s')}-*.md"]
    return sorted({page for pattern in patterns for page in folder.glob(pattern)})
