"""Rewrite a user's pages in place (``check --fix``, ``import``) without ever damaging one wrongly.

:mod:`lint.atomic` writes doclint's own files; a page is the user's, so
more must hold before it is replaced:

- only a regular file is read or written (a FIFO named ``page.md`` would
  block the run forever);
- a page reached through a symbolic link that leads out of the project is
  never written (``allow-external-symlinks`` lets doclint *read* such a
  page, not write outside the project); a link inside the project is
  written through, so the link stays a link;
- a read-only page (no write bit) is the user saying "do not touch": it is
  refused, even for root, who could write it;
- a page whose bytes changed since they were read (an editor saved it
  meanwhile) is refused rather than overwritten with a stale fix;
- the new file keeps the page's permission bits (a 0755 page stays 0755,
  a 0600 page does not become world-readable).

:func:`replace_pages` stages every page (a temporary file beside it, fully
written) before it renames any: one refusal or a failed write (a full disk)
writes nothing at all and removes every temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lint.errors import ToolError
from lint.source import link_leads_out, read_checked


class PageWriteError(ToolError):
    """A page that must not or cannot be rewritten; the message is one line naming it."""


@dataclass(frozen=True)
class PageUpdate:
    """A page's new bytes, and the bytes they were computed from (the page must still hold those)."""

    path: str
    read: bytes
    data: bytes


def read_page(path: str) -> bytes:
    """The bytes of the page at ``path``; :class:`PageWriteError` for a page that is no regular file or unreadable."""

    def regular(status: os.stat_result) -> None:
        if not stat.S_ISREG(status.st_mode):
            raise PageWriteError(f"{path}: not a regular file; not read")

    try:
        return read_checked(path, regular)
    except OSError as error:
        raise PageWriteError(f"{path}: cannot read the page: {error.strerror or error}") from error


def writable_target(path: str, root: Path) -> str:
    """The real file to write for the page at ``path``, or :class:`PageWriteError` saying why it must not be."""
    if link_leads_out(path, root):
        raise PageWriteError(f"{path}: a symbolic link out of the project ({os.path.realpath(root)}); not written")
    real = os.path.realpath(path)
    try:
        status = os.stat(real)
    except OSError as error:
        raise PageWriteError(f"{path}: cannot write the page: {error.strerror or error}") from error
    if not stat.S_ISREG(status.st_mode):
        raise PageWriteError(f"{path}: not a regular file; not written")
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PageWriteError(f"{path}: read-only (mode {stat.S_IMODE(status.st_mode):04o}); not written")
    return real


def replace_pages(updates: list[PageUpdate], root: Path) -> None:
    """Replace every page of ``updates`` or none; raise :class:`PageWriteError` naming the page that stopped it."""
    import tempfile

    staged: list[tuple[str, str, PageUpdate]] = []
    try:
        for update in updates:
            real = writable_target(update.path, root)
            mode = stat.S_IMODE(os.stat(real).st_mode)
            try:
                handle, temporary = tempfile.mkstemp(dir=os.path.dirname(real), prefix=f".{os.path.basename(real)}.")
            except OSError as error:
                raise PageWriteError(f"{update.path}: cannot write the page: {error.strerror or error}") from error
            staged.append((real, temporary, update))
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(update.data)
                os.chmod(temporary, mode)
            except OSError as error:
                raise PageWriteError(f"{update.path}: cannot write the page: {error.strerror or error}") from error
        for real, _, update in staged:
            if read_page(real) != update.read:
                raise PageWriteError(f"{update.path}: changed since doclint read it; not written")
        while staged:
            real, temporary, update = staged[0]
            try:
                os.replace(temporary, real)
            except OSError as error:
                raise PageWriteError(f"{update.path}: cannot write the page: {error.strerror or error}") from error
            staged.pop(0)
    finally:
        for _, temporary, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
