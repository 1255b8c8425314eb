"""Schema errors in a writer's words: what is wrong with which member, before any schema jargon.

jsonschema says ``7 is not of type 'string', 'null'``; a writer (or a
translator, who did not write the JSON) needs ``subject must be a string or
null, not a number``. A :class:`lint.schemas.validate.SchemaError` carries the
predicate (``must be a string or null, not a number``); the rule puts the
member in front with :func:`sentence`, because the member's place changes after
validation (a collection item's index, a parameter's spelling as written).
The schema path follows in parentheses, without the ``$ref`` / nullable /
derived-type wrappers that say nothing to a reader (:func:`short_schema_path`).
"""

from __future__ import annotations

import json
from typing import Any

_KINDS = {
    "string": ["a string"],
    "integer": ["an integer"],
    "number": ["a number"],
    "boolean": ["true", "false"],
    "object": ["an object"],
    "array": ["an array"],
    "null": ["null"],
}
#: Edm types a JSON kind already names: saying "(Edm.String)" after "a string" adds nothing.
_OBVIOUS = {"Edm.String", "Edm.Boolean"}
#: What a valid value looks like, for the Edm types whose pattern a writer cannot read.
_EDM_EXAMPLES = {
    "Edm.DateTimeOffset": "2021-07-16T08:30:00Z",
    "Edm.Date": "2021-07-16",
    "Edm.TimeOfDay": "08:30:00",
    "Edm.Duration": "PT1H30M",
    "Edm.Guid": "57dab8b1-894c-409a-b240-bd8beae78896",
    "Edm.Binary": "base64 text such as SGVsbG8=",
    "Edm.Decimal": "12.5",
    "Edm.Double": "a number, or INF, -INF, NaN",
    "Edm.Single": "a number, or INF, -INF, NaN",
}
_WRAPPERS = {"if", "then", "else", "$ref"}
_LISTED = 8


def kind_of(value: object) -> str:
    """The JSON kind of a decoded value, with its article: ``a number``, ``an object``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _expected_kinds(kinds: Any) -> str:
    names = [kinds] if isinstance(kinds, str) else list(kinds)
    words = [word for name in names for word in _KINDS.get(name, [name])]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def shown(value: object) -> str:
    """A value as the writer wrote it, in JSON (``"busy"``, ``null``), cut to a readable length."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def wrong_kind(kinds: Any, instance: object, edm: object) -> str:
    """``must be a string, not a number``; with the Edm type when it says more (``an integer (Edm.Int32)``)."""
    expected = _expected_kinds(kinds)
    if isinstance(edm, str) and edm.startswith("Edm.") and edm not in _OBVIOUS:
        expected += f" ({edm})"
    return f"must be {expected}, not {kind_of(instance)}"


def not_in_enum(members: list[Any], instance: object, edm: object) -> str:
    """``is "maybe", not one of the values of microsoft.graph.rejectReason: `none`, `busy` ...``."""
    named = [f"`{member}`" for member in members if member is not None]
    listed = ", ".join(named[:_LISTED]) + (f" (and {len(named) - _LISTED} more)" if len(named) > _LISTED else "")
    owner = f" of {edm}" if isinstance(edm, str) and not edm.startswith("#") else ""
    return f"is {shown(instance)}, not one of the values{owner}: {listed}"


def bad_edm_text(instance: object, edm: str) -> str:
    """``is "57dab8b1", not a valid Edm.Guid (like 57dab8b1-894c-...)``."""
    example = _EDM_EXAMPLES.get(edm)
    like = f" (like {example})" if example else ""
    return f"is {shown(instance)}, not a valid {edm}{like}"


def out_of_range(keyword: str, limit: object, instance: object, edm: object) -> str:
    bound = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than"}.get(keyword, "less than")
    owner = f" ({edm})" if isinstance(edm, str) else ""
    return f"must be {bound} {limit}{owner}, not {shown(instance)}"


def generic(keyword: str, limit: object, instance: object, fallback: str) -> str:
    """The remaining keywords in words; anything else keeps jsonschema's own sentence."""
    count = len(instance) if isinstance(instance, list | str | dict) else None
    if keyword == "minItems":
        return f"must list at least {limit} item{'s' if limit != 1 else ''}, not {count}"
    if keyword == "maxItems":
        return f"must list at most {limit} item{'s' if limit != 1 else ''}, not {count}"
    if keyword == "minLength":
        return f"must be at least {limit} characters long, not {count}"
    if keyword == "maxLength":
        return f"must be at most {limit} characters long, not {count}"
    if keyword == "required" and isinstance(limit, list) and isinstance(instance, dict):
        missing = [f"`{name}`" for name in limit if name not in instance]
        return f"lacks the required member{'s' if len(missing) != 1 else ''} {', '.join(missing)}"
    if keyword == "format":
        return f"is {shown(instance)}, not a valid {limit}"
    if keyword == "pattern":
        return f"is {shown(instance)}, which does not match the pattern {limit}"
    if keyword == "const":
        return f"must be {shown(limit)}, not {shown(instance)}"
    return f"is invalid: {fallback}"


def subject(pointer: str) -> str:
    """How a message names the value at ``pointer``: ``value/1/subject``, or ``the body`` for the root."""
    if not pointer:
        return "the body"
    parts = [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]
    return "`" + "/".join(parts) + "`"


def sentence(pointer: str, predicate: str) -> str:
    """The member, then the predicate: ``replacesCallId must be a string, not a number`` (member in backticks)."""
    return f"{subject(pointer)} {predicate}"


def short_schema_path(path: str) -> str:
    """The schema path without wrapper layers: ``else/properties/a/else/properties/b/type`` -> ``a/b/type``."""
    parts = path.split("/") if path else []
    kept: list[str] = []
    skip_index = False
    for part in parts:
        if skip_index:
            skip_index = False
            if part.isdigit():
                continue
        if part in _WRAPPERS or part == "properties":
            continue
        if part == "allOf":
            skip_index = True
            continue
        kept.append(part)
    return "/".join(kept) or "(root)"
