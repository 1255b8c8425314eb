"""Find the pages to work on: explicit files, directories walked, or the configured roots."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lint.source import link_leads_out

#: Files a directory walk picks up; an explicitly named file is always taken.
PAGE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_SKIP_DIRS = {".git", "__pycache__", "node_modules", ".venv", "build", "schemas", "metadata"}


def iter_pages(paths: Iterable[str], project: Path | None = None) -> Iterator[str]:
    """Yield page paths in a stable order, each once, as the user would write them.

    With ``project``, a symbolic link (given or met in a walk, to a file or
    a directory) that leads out of it is yielded unwalked, for the reader to
    refuse in one line naming the link; ``None`` (``allow-external-symlinks``)
    follows every link.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir() and not (project is not None and link_leads_out(given, project)):
            candidates = sorted(_walk(given, project))
        else:
            candidates = [given]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _walk(root: str, project: Path | None) -> Iterator[str]:
    """The pages under ``root``, following links to directories outside it once each.

    A link to a directory inside the walked tree is not followed: its pages
    are found under their own names, and a link to an ancestor would loop;
    nor is a directory entered twice through different links.
    """
    walked = os.path.realpath(root)
    visited: set[str] = set()
    for directory, subdirs, files in os.walk(root, followlinks=True):
        real_directory = os.path.realpath(directory)
        if real_directory in visited:  # two links to one directory, or a link back up
            subdirs[:] = []
            continue
        visited.add(real_directory)
        kept = []
        for name in sorted(subdirs):
            if name in _SKIP_DIRS or name.startswith("."):
                continue
            subdir = os.path.join(directory, name)
            if os.path.islink(subdir):
                if project is not None and link_leads_out(subdir, project):
                    yield Path(subdir).as_posix()  # refused when read, in one line naming the link
                    continue
                real = os.path.realpath(subdir)
                if os.path.commonpath([real, walked]) == walked:
                    continue
            kept.append(name)
        subdirs[:] = kept
        # What ``Path(directory, name).as_posix()`` gives, with one Path per directory, not per file.
        prefix = Path(directory).as_posix()
        prefix = "" if prefix == "." else prefix if prefix.endswith("/") else prefix + "/"
        for name in files:
            if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith("."):
                yield prefix + name
