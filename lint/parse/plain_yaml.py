"""Read the one shape of YAML front matter nearly every page has, without importing PyYAML.

Graph pages open with a handful of ``key: value`` lines (``title: "call:
reject"``, ``ms.date: 11/07/2023``); platyPS help the same (``Module Name:
Microsoft.Graph.CloudCommunications``). Importing PyYAML and compiling its
patterns costs a one-file pre-commit check about 10 ms, a tenth of its whole
budget, to read six lines; the YAML block under each platyPS parameter is the
same shape. This module reads exactly that shape and answers ``None`` for
anything else, so the caller hands the block to PyYAML:

- each line is blank, a ``#`` comment in column 1, or ``key: value`` with no
  indentation;
- a value is empty, a double-quoted string with no escapes, a single-quoted
  string with no doubled quotes, or a one-line plain scalar;
- a plain key or value is read as a string only when none of YAML 1.1's
  implicit types (PyYAML's resolvers: bool, int, float, null, timestamp,
  merge, value) matches it; otherwise PyYAML decides what it is. With
  ``typed=False`` (PyYAML's ``BaseLoader``, which platyPS blocks are read
  with so that ``Default value: yes`` stays "yes") every scalar is a string
  and an empty value is ``""``.

Whatever it does answer equals what PyYAML's ``SafeLoader`` (or
``BaseLoader``) gives; a seeded comparison over thousands of generated blocks
in the tests holds it to that.
"""

from __future__ import annotations

import re
from functools import cache

#: PyYAML's implicit resolvers (``yaml/resolver.py``, YAML 1.1), keyed by the
#: first characters that can start them. A plain scalar matching one is not a
#: string, so this module leaves it to PyYAML.
_RESOLVERS: tuple[tuple[str, str], ...] = (
    ("yYnNtTfFoO", r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
    (
        "-+0123456789.",
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
    ),
    (
        "-+0123456789",
        r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
    ),
    ("<", r"<<"),
    ("~nN", r"~|null|Null|NULL"),
    (
        "0123456789",
        r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
        r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        r"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?",
    ),
    ("=", r"="),
)

#: Characters that cannot start a plain scalar (YAML indicators), whatever follows.
_NEVER_FIRST = frozenset(",[]{}#&*!|>'\"%@`")


@cache
def _resolver(pattern: str) -> re.Pattern[str]:
    """Compiled on first need: most pages never have a value that could be anything but a string."""
    return re.compile(f"^(?:{pattern})$")


def _is_plain_string(text: str, typed: bool) -> bool:
    """True if ``text`` (stripped, one line) is a plain scalar PyYAML reads as this very string."""
    if not text or text[0] in _NEVER_FIRST or "\t" in text:
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if not typed:
        return True
    first = text[0]
    return not any(first in starts and _resolver(pattern).match(text) for starts, pattern in _RESOLVERS)


def _scalar(text: str, typed: bool) -> tuple[bool, str | None]:
    """``(True, value)`` for a value this module can read exactly, else ``(False, None)``."""
    if not text:
        return True, None if typed else ""
    if text[0] == '"':
        inner = text[1:-1]
        if len(text) >= 2 and text.endswith('"') and '"' not in inner and "\\" not in inner:
            return True, inner
        return False, None
    if text[0] == "'":
        inner = text[1:-1]
        if len(text) >= 2 and text.endswith("'") and "'" not in inner:
            return True, inner
        return False, None
    if _is_plain_string(text, typed):
        return True, text
    return False, None


def read_plain_mapping(block: str, *, typed: bool = True) -> dict[str, str | None] | None:
    """The mapping ``block`` holds, or ``None`` if it is not of the plain shape described above."""
    data: dict[str, str | None] = {}
    for line in block.split("\n"):
        # Characters YAML reads as line breaks (NEL, U+2028) or refuses: PyYAML's job,
        # even inside a comment.
        if not line.isprintable():
            return None
        if not line.strip(" ") or line[0] == "#":
            continue
        # Indentation, document markers and over-long implicit keys (PyYAML allows
        # 1024 characters): PyYAML's job too.
        if line[0] == " " or line.startswith(("---", "...")) or len(line) > 1000:
            return None
        key, colon, rest = line.partition(": ")
        if not colon:
            if not line.endswith(":"):
                return None
            key, rest = line[:-1], ""
        key = key.rstrip(" ")
        if not _is_plain_string(key, typed):
            return None
        known, value = _scalar(rest.strip(" "), typed)
        if not known:
            return None
        data[key] = value
    # A block of only comments is null to YAML, not an empty mapping.
    return data or None
