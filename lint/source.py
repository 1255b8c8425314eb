"""Read a page from disk without ever failing on its content.

A file that is not valid UTF-8 is still parsed (undecodable bytes replaced)
and carries a ``invalid-encoding`` diagnostic at the line of the first bad byte, so
one broken file never hides the findings of the rest.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


#: Bytes that stand for files while a check reads them (resolved path -> bytes): ``check --diff``
#: checks its fixed pages again without writing them (:func:`overlaid`).
_OVERLAY: dict[str, bytes] = {}


@contextmanager
def overlaid(pages: dict[str, bytes]) -> Iterator[None]:
    """While inside, :func:`read_source` reads each of ``pages`` (path -> bytes) from here, not from disk.

    ``--diff`` must show what ``--fix`` would write, every pass of it, and
    write nothing: the fixed text is checked again in this process through
    the one reader every check uses. Only that process sees it, so the
    check must run without worker processes, and without the result cache,
    which would keep findings of text no file holds.
    """
    _OVERLAY.update({os.path.realpath(path): data for path, data in pages.items()})
    try:
        yield
    finally:
        _OVERLAY.clear()


def is_overlaid(resolved: str) -> bool:
    """Whether the file at the resolved path is read from :func:`overlaid` bytes now (its disk stamp says nothing)."""
    return resolved in _OVERLAY


def read_source(path: str, *, root: Path | None = None, max_size: int | None = None) -> Source:
    """The file's bytes, decoded; only a regular file is ever opened.

    A FIFO named ``page.md`` would block the run forever and a device would
    be read without end, so the kind is asked first (``stat`` opens nothing)
    and checked again on the open descriptor. With ``root``, a path that
    reaches, through a symbolic link, a file or directory outside that
    directory is refused (:func:`link_leads_out`): a link to ``/etc/passwd``
    in a repository must not print the file's lines as page text in CI;
    ``root=None`` is ``allow-external-symlinks = true``. A file over ``max_size`` bytes is
    refused unread. Each refusal is one line naming the path.
    """
    if _OVERLAY:
        data = _OVERLAY.get(os.path.realpath(path))
        if data is not None:
            return decode_source(path, data)
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
    if root is not None and link_leads_out(path, root):
        kind = "directory" if stat.S_ISDIR(status.st_mode) else "file"
        raise SourceError(
            f"{path}: a symbolic link to a {kind} outside the project ({os.path.realpath(root)}); not read"
            " (`allow-external-symlinks = true` allows it)"
        )
    _check_status(path, status, max_size)
    try:
        # The path may have been swapped for a FIFO since the ``stat``: the descriptor tells.
        data = read_checked(path, lambda opened: _check_status(path, opened, max_size))
    except IsADirectoryError as error:
        raise SourceError(f"{path}: is a directory") from error
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    return decode_source(path, data)


def read_checked(path: str, check: Callable[[os.stat_result], None]) -> bytes:
    """The bytes of ``path``, opened without blocking and read only after ``check`` accepts what was opened.

    Opening never blocks (a FIFO would, for a reader, until a writer came)
    and ``check`` sees the status of the open descriptor, not of a path that
    may have been swapped since it was asked; it raises to refuse. The
    pages ``--fix`` and ``import`` rewrite are read the same way
    (:func:`lint.rewrite.read_page`). ``OSError`` is left to the caller.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as file:
        check(os.fstat(file.fileno()))
        return file.read()


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


def link_leads_out(path: str, root: Path) -> bool:
    """Whether a symbolic link on ``path`` leads to a place outside the project ``root``.

    A path inside the project whose real location is outside went through a
    link somewhere (a file or a directory, at any depth). A path the user
    named outside the project is theirs to name; only a link at its very end
    is refused there, since that is the file the command line pointed at.
    """
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    if _inside(real, base):
        return False
    absolute = os.path.abspath(path)
    if _inside(absolute, base) or _inside(absolute, os.path.abspath(root)):
        return True
    return os.path.islink(path)


def _inside(path: str, directory: str) -> bool:
    return os.path.commonpath([path, directory]) == directory


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


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as every parser numbers them: split at LF, CRLF and CR alone.

    ``str.splitlines`` also splits at U+2028, U+0085, form feed and others,
    so a line quoted by that number would be a different line than the
    finding's wherever a page holds one of them. The empty string after a
    final line break is no line, as for ``splitlines``.
    """
    lines = normalize_line_ends(text).split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: The byte order marks pages are read with, and the encoding each names.
BOMS = ((b"\xef\xbb\xbf", "utf-8"), *_UTF16_BOMS)


def byte_order_mark(data: bytes) -> tuple[bytes, str]:
    """The BOM ``data`` starts with (empty if none) and the encoding of what follows it."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def decode_source(path: str, data: bytes) -> Source:
    """The text of ``data``: UTF-8 (BOM or none) or UTF-16 with a BOM; anything else is named in a diagnostic.

    Windows tools save UTF-16 with a BOM and it is as unambiguous as UTF-8,
    so it is read, not reported. A file in neither is still parsed (bad
    bytes replaced) with one ``invalid-encoding`` diagnostic at the first
    undecodable byte; when the bytes read cleanly as one of the legacy
    encodings localized pages arrive in, the message names it, because
    "convert from Windows-1251" is an instruction a translator can follow.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode(path, data, encoding, len(bom), "UTF-16")
    return _decode(path, data, "utf-8", 0, "UTF-8")


def _decode(path: str, data: bytes, encoding: str, start: int, label: str) -> Source:
    try:
        return Source(path, data[start:].decode(encoding), data)
    except UnicodeDecodeError as error:
        # The prefix before the bad byte decodes cleanly: positions count its code points, never bytes.
        before = normalize_line_ends(data[start : start + error.start].decode(encoding))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        legacy = guess_legacy_encoding(data[start:]) if encoding == "utf-8" else None
        if legacy is not None:
            message = f"the file is not UTF-8; it looks like {legacy}: convert it to UTF-8"
        else:
            bad = data[start + error.start]
            message = f"file is not valid {label} (byte 0x{bad:02x}); undecodable bytes were replaced"
        diagnostic = ParseDiagnostic("invalid-encoding", message, Span(path, line, column, line))
        return Source(path, data[start:].decode(encoding, errors="replace"), data, diagnostic)


def _share(text: str, ranges: tuple[tuple[str, str], ...]) -> float:
    """The share of the non-ASCII characters of ``text`` that lie in ``ranges``."""
    others = [char for char in text if char > "\x7f"]
    if not others:
        return 0.0
    inside = sum(1 for char in others if any(low <= char <= high for low, high in ranges))
    return inside / len(others)


def _looks_chinese(text: str) -> bool:
    """Simplified Chinese uses GB2312's common characters; Japanese or Cyrillic bytes read as GB18030 do not."""
    others = [char for char in text if char > "\x7f"]
    common = 0
    for char in others:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    ideographs = _share(text, (("\u4e00", "\u9fff"),))
    return bool(others) and common / len(others) >= 0.95 and ideographs >= 0.5


def _looks_japanese(text: str) -> bool:
    """Japanese prose always has kana; Chinese bytes read as Shift-JIS give half-width katakana instead."""
    kana = _share(text, (("\u3040", "\u30ff"),))
    halfwidth = _share(text, (("\uff61", "\uff9f"),))
    japanese = _share(text, (("\u3000", "\u30ff"), ("\u4e00", "\u9fff"), ("\uff01", "\uff60")))
    return kana >= 0.1 and halfwidth < 0.05 and japanese >= 0.9


def _looks_cyrillic(text: str) -> bool:
    """Whole Cyrillic words, mostly lower case.

    Latin-1 Spanish read as Windows-1251 turns each accented letter into a
    lone Cyrillic one inside a Latin word (``descripciуn``); CJK bytes give
    a case soup. Russian has Cyrillic letters between other Cyrillic letters.
    """
    letters = 0
    lower = 0
    glued = 0
    for index, char in enumerate(text):
        if "\u0400" <= char <= "\u04ff":
            letters += 1
            lower += char.islower()
            neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
            glued += any(near.isascii() and near.isalpha() for near in neighbours)
    cyrillic = _share(text, (("\u0400", "\u04ff"), ("\u00ab", "\u00bb"), ("\u2013", "\u2122")))
    return letters > 0 and cyrillic >= 0.9 and lower / letters >= 0.6 and glued / letters <= 0.1


#: Fewer non-ASCII bytes than this name no encoding: ``\xff`` alone is ``я`` in Windows-1251 and a typo anywhere.
_LEGACY_EVIDENCE = 16

#: Tried in this order, each strictly, and kept only when the text looks like the script the encoding is for.
_LEGACY: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("gb18030", "GB18030 (Simplified Chinese)", _looks_chinese),
    ("shift_jis", "Shift-JIS (Japanese)", _looks_japanese),
    ("cp1251", "Windows-1251 (Cyrillic)", _looks_cyrillic),
)


def guess_legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding ``data`` reads as, named for a person, or ``None`` when none fits honestly.

    A strict decode alone proves little (Windows-1251 decodes almost any
    bytes), so the decoded text must also look like the script its
    encoding exists for.
    """
    if sum(1 for byte in data if byte > 0x7F) < _LEGACY_EVIDENCE:
        return None  # one stray byte says nothing about the encoding of a file
    for encoding, name, looks_right in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_right(text):
            return name
    return None
