"""Near misses: the declared name a misspelt one was meant to be.

A quarter of Graph's complex types are *open*: they accept members they do
not declare, so JSON Schema passes ``clientContxt`` on a ``call`` and the
misspelling reaches readers. A writer's typo is close to the name meant (one
letter dropped, doubled, swapped) or differs only in case; a legitimate
extension member (``@odata.*``, ``@microsoft.graph.*``, a derived type's
member) is not. :func:`undeclared_near_misses` walks a value along its schema
and reports the undeclared members of open types that are such near misses
(``lint.schemas.spelling`` decides what "near" means).

"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from lint.schemas.shape import declared, properties
from lint.schemas.spelling import near_name
from lint.schemas.validate import SchemaError, SchemaStore

UNDECLARED = "undeclared"
_MAX_DEPTH = 24


def undeclared_near_misses(store: SchemaStore, ref: str, value: Any) -> list[SchemaError]:
    """Members of open types in ``value`` that are not declared but are a near miss of a declared one."""
    try:
        schema = store.defs[store.resolve_ref(ref)]
    except KeyError:
        return []
    return list(_walk(store, schema, value, "", 0))


def _walk(store: SchemaStore, schema: Any, value: Any, pointer: str, depth: int) -> Iterator[SchemaError]:
    if depth > _MAX_DEPTH:
        return
    outer = _unwrapped(store, schema)
    shape = declared(store, outer)
    if isinstance(value, list):
        items = shape.get("items")
        if items is not None:
            for index, item in enumerate(value):
                yield from _walk(store, items, item, f"{pointer}/{index}", depth + 1)
        return
    if not isinstance(value, dict) or "properties" not in shape:
        return
    odata = value.get("@odata.type")
    derived_names = _subtypes(outer)
    if isinstance(odata, str) and odata.lstrip("#") in derived_names:
        shape = declared(store, store.defs.get(odata.lstrip("#")))
        derived_names = set()
    members: dict[str, Any] = shape.get("properties", {})
    open_type = shape.get("additionalProperties", True) is not False
    extension_members: set[str] | None = None
    for key, item in value.items():
        where = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
        if key in members:
            yield from _walk(store, members[key], item, where, depth + 1)
            continue
        if not open_type or "@" in key:
            continue  # closed: the validator reports it; "@": an OData or instance annotation
        if extension_members is None:
            extension_members = _members_of(store, derived_names)
        if key in extension_members:
            continue  # declared by a derived type the value does not name
        meant = near_name(key, properties(shape))
        if meant is not None:
            owner = shape.get("x-edmType", "this type")
            yield SchemaError(
                f"is not declared by {owner}, an open type that accepts it without complaint: did you mean `{meant}`?",
                where,
                "",
                UNDECLARED,
                member=meant,
            )


def _unwrapped(store: SchemaStore, schema: Any) -> Any:
    """``schema`` through ``$ref`` and nullable ``if/else``, stopping at a derived-type dispatch."""
    for _ in range(_MAX_DEPTH):
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            schema = store.defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        elif "if" in schema and "then" not in schema and "else" in schema:
            schema = schema["else"]
        else:
            return schema
    return schema


def _subtypes(schema: Any) -> set[str]:
    """The derived types a dispatching schema (``if @odata.type names a subtype``) knows."""
    if not isinstance(schema, dict) or "then" not in schema:
        return set()
    condition = schema.get("if", {}).get("properties", {}).get("@odata.type", {})
    return {str(name).lstrip("#") for name in condition.get("enum", ())}


def _members_of(store: SchemaStore, types: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for name in types:
        names.update(properties(declared(store, store.defs.get(name))))
    return names
