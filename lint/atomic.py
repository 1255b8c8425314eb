"""Write a file whole or not at all: a unique temporary file in the same directory, then a rename.

Every file doclint writes (a baseline, a report with ``--output``, the review
page) goes through here. ``os.replace`` within one directory is atomic, so a
reader, a concurrent run writing the same file, or a kill at any moment sees
the old file or the new one, never half of one; a fixed temporary name
(``baseline.json.tmp``) would let two runs write into each other's file. The
schema cache is a directory and is staged the same way
(:func:`lint.schemas.store._build_atomically`).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

_UMASK: int | None = None
_UMASK_LOCK = threading.Lock()


def replace_file(path: Path, render: Callable[[TextIO], None]) -> None:
    """Write what ``render`` writes to ``path`` atomically; raise ``OSError`` (the old file intact) on failure.

    On any failure (a full disk, an exception while rendering, an interrupt)
    the temporary file is removed and the previous file stays as it was. The
    new file gets the mode an ordinary write would give it (0666 less the
    umask), not ``mkstemp``'s 0600. A lone surrogate in the text (an
    undecodable file name) is written as its backslash escape, which JSON
    reads back as the same string.
    """

    def write(handle: int) -> None:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            render(stream)

    _replace(path, write)


def _umask() -> int:
    """The process's umask, read once: reading it means setting it, which other threads must not see."""
    global _UMASK
    with _UMASK_LOCK:
        if _UMASK is None:
            _UMASK = os.umask(0o022)
            os.umask(_UMASK)
        return _UMASK


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as :func:`replace_file` writes text (the result cache's entries)."""

    def write(handle: int) -> None:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)

    _replace(path, write)


def _replace(path: Path, write: Callable[[int], None]) -> None:
    """``write`` fills a new temporary file (given its descriptor) beside ``path``, which then replaces ``path``."""
    import tempfile  # (with shutil and random) only when a file is written: not on a pre-commit check

    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        write(handle)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
