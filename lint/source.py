"""Read a page from disk without ever failing on its content.

A file that is not valid UTF-8 is still parsed (undecodable bytes replaced)
and carries a ``invalid-encoding`` diagnostic at the line of the first bad byte, so
one broken file never hides the findings of the rest.
"""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct

from lint.model import ParseDiagnostic, Span


class SourceError(Exception):
    """The file cannot be read at all (missing, a directory, no permission)."""


class Source(Struct, frozen=True):
    path: str
    text: str
    data: bytes
    diagnostic: ParseDiagnostic | None = None


def read_source(path: str) -> Source:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise SourceError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise SourceError(f"{path}: is a directory") from error
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    return decode_source(path, data)


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
