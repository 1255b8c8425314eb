"""Recognise the placeholder values Graph docs put in JSON examples.

Resource and request pages show the *shape* of a value with its type name
instead of a real value: ``"id": "String (identifier)"``, ``"createdDateTime":
"String (timestamp)"``, ``"isEnabled": "Boolean"``, ``"size": "Int32"``,
``"start": "datetime-value"``. Reporting those as type errors would bury the
real ones, so a schema error whose value is a placeholder *for the expected
type* is dropped. The placeholder must fit the expected type: ``"Boolean"``
where an Int32 is expected is still an error.

A placeholder is a type name (optionally ``Edm.``-prefixed, any case)
optionally followed by a parenthesized remark. Two more shapes stand for a
value rather than being one: an enum value written as its alternatives
(``"notRecording | recording | failed"``, every one a member), and base64
cut short with an ellipsis (``"MIIDYDCCAki..."``), as pages shorten
certificates and photos.
"""

from __future__ import annotations

import re

# Compiled on first use (re's cache): only examples with placeholder-like values need them.
_BASE64_CUT = r"^[A-Za-z0-9+/=_-]+(?:\.\.\.|…)$"
_PLACEHOLDER = r"(?s)^\s*(?P<name>[A-Za-z][A-Za-z0-9_.\-]*)\s*(?:\(.*\))?\s*$"

_INTEGER = frozenset({"int", "integer", "number"})
_STRING_FORM = frozenset({"string"})

_NAMES: dict[str, frozenset[str]] = {
    "Edm.String": _STRING_FORM,
    "Edm.Boolean": frozenset({"boolean", "bool"}),
    "Edm.Byte": _INTEGER | {"byte"},
    "Edm.SByte": _INTEGER | {"sbyte"},
    "Edm.Int16": _INTEGER | {"int16"},
    "Edm.Int32": _INTEGER | {"int32"},
    "Edm.Int64": _INTEGER | {"int64", "long"},
    "Edm.Double": frozenset({"double", "number", "float"}),
    "Edm.Single": frozenset({"single", "number", "float"}),
    "Edm.Decimal": _STRING_FORM | {"decimal", "number"},
    "Edm.Guid": _STRING_FORM | {"guid", "uuid"},
    "Edm.DateTimeOffset": _STRING_FORM
    | {"datetimeoffset", "datetime", "datetime-value", "date-time", "timestamp", "datetimeoffset-value"},
    "Edm.Date": _STRING_FORM | {"date", "date-value"},
    "Edm.TimeOfDay": _STRING_FORM | {"timeofday", "time", "time-value", "timeofday-value"},
    "Edm.Duration": _STRING_FORM | {"duration", "timespan", "duration-value"},
    "Edm.Binary": _STRING_FORM | {"binary", "base64"},
    "Edm.Stream": _STRING_FORM | {"stream"},
}


def placeholder_name(value: str) -> str | None:
    """The lower-cased type name a placeholder spells, ``Edm.`` removed; None if not one."""
    match = re.match(_PLACEHOLDER, value)
    if match is None:
        return None
    name = match.group("name").lower()
    return name[4:] if name.startswith("edm.") else name


def is_placeholder(value: object, expected: str, *, enum: bool = False) -> bool:
    """True if ``value`` is a doc placeholder for a value of Edm or enum type ``expected``.

    Enum values are strings in JSON, so ``"String"`` and the enum's own name
    (short or qualified) stand for any member.
    """
    if not isinstance(value, str):
        return False
    name = placeholder_name(value)
    if name is None:
        return False
    if enum:
        return name in {"string", "enum", expected.lower(), expected.rpartition(".")[2].lower()}
    return name in _NAMES.get(expected, frozenset())


def lists_alternatives(value: object, members: object) -> bool:
    """True if ``value`` is two or more enum ``members`` joined by ``|``: a page listing the choices."""
    if not isinstance(value, str) or "|" not in value or not isinstance(members, (list, tuple)):
        return False
    choices = [part.strip() for part in value.split("|")]
    return all(choice in members for choice in choices)


def is_truncated_base64(value: object) -> bool:
    """True for base64 text cut short with ``...`` or ``…`` (``"MIIDYDCCAki..."``)."""
    return isinstance(value, str) and re.match(_BASE64_CUT, value) is not None
