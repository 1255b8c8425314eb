"""Read a page from disk without ever failing on its content.

A file that is not valid UTF-8 is still parsed (undecodable bytes replaced)
and carries a ``invalid-encoding`` diagnostic at the line of the first bad byte, so
one broken file never hides the findings of the rest.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from msgspec import Struct

from lint.model import ParseDiagnostic, Span


class SourceError(Exception):
    """The file cannot or must not be read (missing, a directory, no permission, not a regular file, too big)."""


class Source(Struct, frozen=True):
    path: str
    text: str
    data: bytes
    diagnostic: ParseDiagnostic | None = None


#: The default of the ``max-file-size`` key: no documentation page comes near it.
DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def read_source(path: str, *, root: Path | None = None, max_size: int | None = None) -> Source:
    """The file's bytes, decoded; only a regular file is ever opened.

    A FIFO named ``page.md`` would block the run forever and a device would
    be read without end, so the kind is asked first (``stat`` opens nothing)
    and checked again on the open descriptor. With ``root``, a path that
    reaches, through a symbolic link, a file outside that directory is
    refused: a link to ``/etc/passwd`` in a repository must not print the
    file's lines as page text in CI. A file over ``max_size`` bytes is
    refused unread. Each refusal is one line naming the path.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError as error:
        if os.path.islink(path):
            raise SourceError(f"{path}: dangling symbolic link; skipped") from error
        raise SourceError(f"{path}: no such file") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise SourceError(f"{path}: symbolic link loop; skipped") from error
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    _check_status(path, status, max_size)
    if root is not None:
        _check_inside(path, root)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError as error:
        raise SourceError(f"{path}: is a directory") from error
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    with os.fdopen(descriptor, "rb") as file:
        # The path may have been swapped for a FIFO since the ``stat``: the descriptor tells.
        _check_status(path, os.fstat(file.fileno()), max_size)
        try:
            data = file.read()
        except OSError as error:
            raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    return decode_source(path, data)


def _check_status(path: str, status: os.stat_result, max_size: int | None) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise SourceError(f"{path}: is a directory")
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a regular file")
        raise SourceError(f"{path}: is {kind}, not a regular file; skipped unread")
    if max_size is not None and status.st_size > max_size:
        raise SourceError(
            f"{path}: {status.st_size:,} bytes, over the `max-file-size` limit of {max_size:,}; skipped unread"
        )


def _check_inside(path: str, root: Path) -> None:
    """Refuse a path that a symbolic link leads out of ``root``; a plain path named outside it stays allowed."""
    real = os.path.realpath(path)
    if real == os.path.abspath(path):
        return  # no link followed: a file the user named, wherever it lies
    base = os.path.realpath(root)
    if os.path.commonpath([real, base]) != base:
        raise SourceError(f"{path}: a symbolic link to a file outside the project ({base}); not read")


def normalize_line_ends(text: str) -> str:
    """CRLF and lone CR become LF, so every parser numbers lines as editors do.

    Old Mac tools and some translation memories write CR-only files, and a
    merge can leave a page with mixed ends; a parser that split on LF alone
    would see such a file as one line and place every finding on line 1.
    Only CR and LF count: the other breaks ``str.splitlines`` knows (U+2028,
    U+0085, form feed...) are text inside a line for every editor and Git.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_source(path: str, data: bytes) -> Source:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Source(path, data.decode("utf-8"), data)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        diagnostic = ParseDiagnostic(
            "invalid-encoding",
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x}); undecodable bytes were replaced",
            Span(path, line, column, line),
        )
        return Source(path, data.decode("utf-8", errors="replace"), data, diagnostic)
