"""Read a schema store's JSON files fast, and name the file and line when one is damaged.

A store's ``operations.json`` is about a megabyte. A one-file pre-commit run
reads it once, and its whole budget is a few tens of milliseconds, so it is
decoded with msgspec (a third faster than ``json``) with the cyclic garbage
collector paused: the decoded data holds no cycles, and the collector's passes
over the half-built containers are pure cost.

A damaged store (a cache file cut short, a hand edit) is a problem with the
environment, not with the pages: it is reported as a :class:`ToolError` naming
the file and position, never swallowed by a rule that would then quietly
report nothing.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from lint.errors import ToolError

_BYTE = r"\(byte (\d+)\)"  # compiled on first use (re's cache): only for a damaged store

T = TypeVar("T")


def read_store_json(path: Path, shape: type[T] | Any = Any) -> T:
    """The JSON of ``path`` decoded as ``shape``; :class:`ToolError` if it cannot be read or decoded."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ToolError(f"{path}: cannot read schema store file: {error.strerror or error}") from error
    collecting = gc.isenabled()
    gc.disable()
    try:
        decoded: T = msgspec.json.decode(data, type=shape)
        return decoded
    except msgspec.ValidationError as error:
        raise ToolError(f"{path}: not a schema store file of this doclint: {error}") from error
    except msgspec.DecodeError as error:
        raise ToolError(f"{_where(path, data, str(error))}: schema store file is not valid JSON: {error}") from error
    finally:
        if collecting:
            gc.enable()


def _where(path: Path, data: bytes, message: str) -> str:
    """``path:line:column`` of the byte offset msgspec names (the end, if cut short), else just ``path``."""
    found = re.search(_BYTE, message)
    if found:
        offset = min(int(found.group(1)), len(data))
    elif "truncated" in message:
        offset = len(data)
    else:
        return str(path)
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return f"{path}:{line}:{column}"
