"""Where two JSON examples that stand for each other differ in what they show about the API.

Code is not translated, so a translated example should be the English one;
but not every difference is a fact about the API. These are tolerated, each
because translations and example refreshes change it without changing what
the example teaches:

- OData control information (``@odata.id``, ``@odata.etag``,
  ``@odata.context``, ``x@odata.nextLink`` ...), and ``@odata.type`` when one
  side omits it: servers return them or not by metadata level;
- placeholders (``"skuId-value"``, ``"operation-id"``, ``"{id}"``), which
  English examples trade for realistic values and back;
- identifiers, dates and other generated values (GUIDs, long hex or base64
  tokens, timestamps), compared with the identifier blanked so that a path
  around an identifier still counts (``/app/calls/{id}`` is not
  ``/communications/calls/{id}``);
- free text: a string with a space or a non-ASCII letter on either side, or
  a capitalized word, is sample prose (a display name, a subject), which a
  translator may localize; Graph's enumeration members are lower camel case.

What remains is compared exactly: member names, structure, array lengths,
numbers, booleans, and identifier-like strings such as enumeration members
(``"busy"`` is not ``"none"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from msgspec import Struct

from lint.lazy_pattern import lazy_compile

_GENERATED = lazy_compile(
    r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?<![A-Za-z0-9+=_-])(?=[A-Za-z0-9+=_-]*\d)(?=[A-Za-z0-9+=_-]*[A-Za-z])[A-Za-z0-9+=_-]{20,}"
)


class JsonDifference(Struct, frozen=True):
    """One place two JSON values differ.

    ``kind`` is ``missing`` (English has the member), ``extra`` (only the
    translation has it), ``renamed`` (a member English has under another
    name), ``length`` (arrays), ``kind-of-value`` or ``value``. ``pointer`` is
    the translation's JSON pointer, ``english_pointer`` the English one.
    """

    kind: str
    pointer: str
    english_pointer: str
    value: Any = None
    english_value: Any = None


def pointer_to(parent: str, key: object) -> str:
    return f"{parent}/{str(key).replace('~', '~0').replace('/', '~1')}"


#: OData control information a server adds or leaves out by metadata level (``@odata.bind``
#: and ``@odata.type`` say something about the request, so they are compared).
_CONTROL = lazy_compile(
    r"@odata\.(context|etag|id|nextLink|deltaLink|count|editLink|readLink|media\w*)$", re.IGNORECASE
)
#: Placeholder values (``"skuId-value"``, ``"operation-id"``, ``"{id}"``, ``"<token>"``, ``"string"``):
#: English examples trade them for realistic values and back; neither is an API fact.
_EMAIL = lazy_compile(r"^[^@\s/]+@[\w-]+(\.[\w-]+)+$")
_PLACEHOLDER = lazy_compile(r"^([\w.@-]*-(value|id)(-\d+)?|\{.*\}|<.*>|string|value|guid|id)$", re.IGNORECASE)


def _ignored_member(key: str) -> bool:
    return bool(_CONTROL.search(key))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "null"


def kind_of(value: Any) -> str:
    """``a string``, ``an object`` ...: how a message names a value's JSON type."""
    return _kind(value)


def _free_text(text: str) -> bool:
    """Sample prose rather than a token: spaced, non-ASCII, or a capitalized word (a name)."""
    stripped = text.strip()
    if any(character.isspace() for character in stripped):
        return True
    if any(not character.isascii() and character.isalpha() for character in stripped):
        return True
    return stripped[:1].isupper() and not any(mark in stripped for mark in "/:.@#")


def strings_agree(value: str, english: str) -> bool:
    """Whether two strings show the same thing (see the module docstring)."""
    if value == english or _free_text(value) or _free_text(english):
        return True
    if _PLACEHOLDER.match(value.strip()) or _PLACEHOLDER.match(english.strip()):
        return True
    if _EMAIL.match(value) and _EMAIL.match(english):
        return True  # sample mailboxes: any address shows the same thing
    return _GENERATED.sub("{id}", value) == _GENERATED.sub("{id}", english)


def _related_names(name: str, english: str) -> bool:
    """``resource`` and ``resourceUrl``, ``grantedTo`` and ``grantedToV2``: one name grown from the other."""
    a, b = name.lower(), english.lower()
    return len(min(a, b, key=len)) >= 3 and (a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a))


def json_differences(
    value: Any, english: Any, pointer: str = "", english_pointer: str = ""
) -> Iterator[JsonDifference]:
    """Each place ``value`` departs from ``english`` beyond the tolerated differences."""
    if isinstance(value, dict) and isinstance(english, dict):
        missing = [key for key in english if key not in value and not _ignored_member(key) and key != "@odata.type"]
        extra = [key for key in value if key not in english and not _ignored_member(key) and key != "@odata.type"]
        if len(missing) == 1 and len(extra) == 1 and _related_names(extra[0], missing[0]):
            # One member lost and one gained, with a related name: the same member, renamed.
            yield JsonDifference(
                "renamed", pointer_to(pointer, extra[0]), pointer_to(english_pointer, missing[0]), extra[0], missing[0]
            )
        else:
            for key in missing:
                yield JsonDifference("missing", pointer, pointer_to(english_pointer, key), None, key)
            for key in extra:
                yield JsonDifference("extra", pointer_to(pointer, key), english_pointer, key, None)
        for key in english:
            if key in value and not _ignored_member(key):
                yield from json_differences(
                    value[key], english[key], pointer_to(pointer, key), pointer_to(english_pointer, key)
                )
    elif isinstance(value, list) and isinstance(english, list):
        if len(value) != len(english):
            yield JsonDifference("length", pointer, english_pointer, len(value), len(english))
        for index, (item, english_item) in enumerate(zip(value, english, strict=False)):
            yield from json_differences(
                item, english_item, pointer_to(pointer, index), pointer_to(english_pointer, index)
            )
    elif _kind(value) != _kind(english):
        yield JsonDifference("kind-of-value", pointer, english_pointer, value, english)
    elif isinstance(value, str):
        if not strings_agree(value, english):
            yield JsonDifference("value", pointer, english_pointer, value, english)
    elif value != english:
        yield JsonDifference("value", pointer, english_pointer, value, english)
