"""Find the pages to work on: explicit files, directories walked, or the configured roots."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Files a directory walk picks up; an explicitly named file is always taken.
PAGE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_SKIP_DIRS = {".git", "__pycache__", "node_modules", ".venv", "build", "schemas", "metadata"}


def iter_pages(paths: Iterable[str]) -> Iterator[str]:
    """Yield page paths in a stable order, each once, as the user would write them."""
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        candidates = sorted(_walk(path)) if path.is_dir() else [given]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _walk(root: Path) -> Iterator[str]:
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(name for name in subdirs if name not in _SKIP_DIRS and not name.startswith("."))
        for name in files:
            if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith("."):
                yield Path(directory, name).as_posix()
