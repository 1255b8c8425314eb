"""Pair a localized page with its English source, and an English page with its translations.

The layout is the pairing: ``locales/<locale>/<rel>`` translates
``docs_src/<rel>``. A text or HTML rendering may pair with a Markdown source
of the same stem (``call-reject.txt`` -> ``call-reject.md``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lint.config import Config
from lint.lazy_pattern import lazy_compile

_SOURCE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


#: ``(path, root, project root)`` -> the path's parts under ``root``: a pure function of its key,
#: asked several times per page (grouping, pairing, the missing-source check).
_PARTS: dict[tuple[str, str, str], tuple[str, ...] | None] = {}


def _relative_parts(path: str, root: str, config: Config) -> tuple[str, ...] | None:
    """The parts of ``path`` under ``root`` (a folder of the project), or None if it is not under it.

    String operations, memoized: ``pathlib`` here cost 318,000 ``parse_parts``
    calls (1.5 s) on an 8,316-page run.
    """
    key = (path, root, str(config.root))
    try:
        return _PARTS[key]
    except KeyError:
        pass
    relative = _posix_parts(config.relative(path))
    root_parts = _posix_parts(root.strip("/"))
    parts = relative[len(root_parts) :] if relative[: len(root_parts)] == root_parts else None
    if len(_PARTS) >= 100_000:
        _PARTS.clear()
    _PARTS[key] = parts
    return parts


def _posix_parts(path: str) -> tuple[str, ...]:
    """``PurePosixPath(path).parts``: empty and ``.`` parts dropped, ``/`` first for an absolute path."""
    parts = tuple(part for part in path.split("/") if part and part != ".")
    return ("/", *parts) if path.startswith("/") else parts


def _under(folder: str, parts: tuple[str, ...]) -> str:
    """``PurePosixPath(folder, *parts)`` as text."""
    joined = (*_posix_parts(folder), *parts)
    return "/" + "/".join(joined[1:]) if joined and joined[0] == "/" else "/".join(joined)


def _display(config: Config, relative: str) -> str:
    """A path to show the user: relative to the working directory when possible."""
    absolute = os.path.join(config.root, relative)
    try:
        return os.path.relpath(absolute)
    except ValueError:
        return Path(absolute).as_posix()


def _suffix(name: str) -> str:
    """``PurePosixPath(name).suffix``: the last dot's part, unless the dot leads or ends the name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _existing(config: Config, relative: str) -> str | None:
    """The first file that exists of ``relative`` with its own suffix, then each source suffix in turn."""
    suffix = _suffix(relative.rsplit("/", 1)[-1])
    stem = relative[: len(relative) - len(suffix)]
    root = str(config.root)
    for candidate_suffix in dict.fromkeys((suffix, *_SOURCE_SUFFIXES)):
        probe = stem + candidate_suffix
        if os.path.isfile(os.path.join(root, probe)):
            return _display(config, probe)
    return None


def english_source(path: str, config: Config) -> str | None:
    """The English page a localized page translates, if it exists."""
    parts = _relative_parts(path, config.locales_root, config)
    if not parts or len(parts) < 2:
        return None
    return _existing(config, _under(config.source_root, parts[1:]))


def missing_source(path: str, config: Config) -> str | None:
    """For a translation whose English page does not exist, the path that page would have."""
    parts = _relative_parts(path, config.locales_root, config)
    if not parts or len(parts) < 2 or english_source(path, config) is not None:
        return None
    return _display(config, _under(config.source_root, parts[1:]))


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
        match = _existing(config, _under(config.locales_root, (locale, *parts)))
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
                        _display(config, page.relative_to(config.root).as_posix()),
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
            return _display(config, page.relative_to(config.root).as_posix())
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
