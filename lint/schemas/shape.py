"""Read the shape of a schema: declared members, enum members, and case-insensitive keys.

Rules need more than pass/fail from a schema: which parameters an action
declares (to explain an unknown one), which members an enum has (to spot a
table listing them in the wrong case), and how PowerShell's case-insensitive
hashtable keys map onto the API's property names. The generated schemas wrap
types in ``$ref``, nullable ``if/else`` and derived-type ``if/then/else``
layers; :func:`declared` peels them off to reach the type's own schema.
"""

from __future__ import annotations

from typing import Any

from lint.schemas.validate import SchemaStore

_MAX_DEPTH = 32


def declared(store: SchemaStore, schema: Any) -> dict[str, Any]:
    """The object, array or enum schema under any ``$ref`` / nullable / derived-type wrapper."""
    for _ in range(_MAX_DEPTH):
        if not isinstance(schema, dict):
            return {}
        if "$ref" in schema:
            schema = store.defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
            continue
        if any(key in schema for key in ("properties", "items", "enum", "x-flags")):
            return schema
        if "else" in schema:
            schema = schema["else"]
            continue
        return schema
    return {}


def schema_of(store: SchemaStore, ref: str) -> dict[str, Any]:
    """The declared schema of a type or action body reference, or ``{}`` if unknown."""
    try:
        return declared(store, store.defs[store.resolve_ref(ref)])
    except KeyError:
        return {}


def properties(schema: dict[str, Any]) -> dict[str, Any]:
    """Declared members, without OData annotations such as ``@odata.type``."""
    return {name: value for name, value in schema.get("properties", {}).items() if not name.startswith("@")}


def nested_member_names(store: SchemaStore, schema: dict[str, Any], levels: int = 2) -> set[str]:
    """Members of the body's object-typed members (and of theirs), ``levels`` deep.

    Graph's request-body tables often describe the object a parameter takes
    rather than the parameter itself: addPassword's table lists
    ``displayName``, ``startDateTime`` and ``endDateTime`` of its one
    parameter ``passwordCredential``. Those names are accepted by the API,
    one level down, and are not unknown parameters.
    """
    names: set[str] = set()
    layer = [schema]
    for _ in range(levels):
        below = []
        for outer in layer:
            for member in properties(declared(store, outer)).values():
                inner = declared(store, member)
                if "items" in inner:
                    inner = declared(store, inner["items"])
                if "properties" in inner:
                    below.append(inner)
                    names.update(properties(inner))
        layer = below
    return names


def is_open(schema: dict[str, Any]) -> bool:
    return schema.get("additionalProperties", True) is not False


def enum_members(store: SchemaStore, schema: Any) -> list[str]:
    """Members of the enum a property schema refers to (flags enums included), else ``[]``."""
    target = declared(store, schema)
    if "x-flags" in target:
        return [str(member) for member in target["x-flags"]]
    return [str(member) for member in target.get("enum", []) if member is not None]


def match_case(names: Any, key: str) -> str | None:
    """The name in ``names`` equal to ``key`` ignoring case (exact match first)."""
    if key in names:
        return key
    lowered = key.lower()
    return next((name for name in names if name.lower() == lowered), None)


def normalize_keys(store: SchemaStore, schema: Any, value: Any) -> Any:
    """``value`` with object keys renamed to the declared member they match ignoring case.

    PowerShell hashtables are case-insensitive (``ReplacesCallId`` is
    ``replacesCallId``), and Graph's types are mostly open, so without this a
    misspelt-by-case key would be accepted as an undeclared extra and its
    value never checked. ``@odata.type`` picks a derived type's members.
    """
    shape = declared(store, schema)
    if isinstance(value, list):
        items = shape.get("items")
        return [normalize_keys(store, items, item) for item in value] if items is not None else value
    if not isinstance(value, dict):
        return value
    odata = next((item for key, item in value.items() if key.lower() == "@odata.type"), None)
    if isinstance(odata, str):
        derived = store.defs.get(odata.lstrip("#"))
        if derived is not None:
            shape = declared(store, derived)
    members = shape.get("properties", {})
    result: dict[str, Any] = {}
    for key, item in value.items():
        name = match_case(members, key) or key
        result[name] = normalize_keys(store, members.get(name), item)
    return result
