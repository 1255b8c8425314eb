"""How an English table cell names an identifier: a parameter or header name, the types of a Type cell.

One reading for everyone who asks: ``doclint terms`` lists what it reads
here, and the drift rules hold a translation to exactly those names, so a
name the termbase protects is the name the rules protect.
"""

from __future__ import annotations

from lint.lazy_pattern import lazy_compile
from lint.rules.names import plain_name

_PARENTHETICAL = lazy_compile(r"(?<!\s)\s*[(（].*$")  # from a blank run's first blank only: linear

#: Words of a Type cell that describe a type rather than name one (``String collection``).
TYPE_WORDS = frozenset({"collection", "of", "or", "and", "a", "an", "the", "nullable", "optional", "required"})
#: ASCII only: a type name glued to a translated word (``identityProvider集合``) is still the name.
TYPE_TOKEN = lazy_compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
#: Primitive types some pages write in lower case (``string``, ``int32``).
PRIMITIVES = frozenset(
    {"string", "boolean", "bool", "int16", "int32", "int64", "integer", "number", "double", "single", "decimal"}
    | {"guid", "binary", "byte", "datetimeoffset", "date", "timeofday", "duration", "stream", "object"}
)
# Bounded, so a cell of ``[`` openers without a closing bracket is not rescanned from each.
_LINK_TEXT = lazy_compile(r"\[([^\]]{1,1000})\]\([^)]{0,2000}\)")


def api_identifier(name: str) -> str | None:
    """The identifier an English first cell names, without a trailing remark (``x (deprecated)``).

    ``None`` when what is left is no identifier (several words): such a
    table lists something else than names a client sends.
    """
    identifier = _PARENTHETICAL.sub("", name).strip()
    return identifier if identifier and not any(char.isspace() for char in identifier) else None


def without_remark(name: str) -> str:
    """``name`` without a trailing parenthetical remark (``x (deprecated)`` -> ``x``)."""
    return _PARENTHETICAL.sub("", name).strip()


def cell_name(text: str, *, header: bool = False) -> str | None:
    """The identifier a first cell's Markdown names: `` `reason` `` -> ``reason``; None for a label.

    A header cell may show a value (``Prefer: outlook.timezone``): the
    header it names is ``Prefer``.
    """
    written = plain_name(text).replace("\\", "")  # a link text keeps its escapes: ``[\\$filter](...)``
    if header:
        written = written.partition(":")[0].strip()
    return api_identifier(written)


def type_identifiers(text: str) -> list[str]:
    """The type names in a Type cell: ``String collection`` -> ``String``.

    A name is a link's text (``[call](../resources/call.md)``), or a word
    that is capitalised, dotted, camelCase or a primitive written in lower
    case; other words (``collection``, ``read-only``) describe the type and
    may be translated.
    """
    linked = [match.group(1).strip("`* ") for match in _LINK_TEXT.finditer(text)]
    names = [name for name in linked if TYPE_TOKEN.fullmatch(name)]
    for token in TYPE_TOKEN.findall(plain_name(_LINK_TEXT.sub(" ", text))):
        if token.lower() in TYPE_WORDS:
            continue
        if token[0].isupper() or "." in token or token.lower() in PRIMITIVES or not token.islower():
            names.append(token)
    return names
