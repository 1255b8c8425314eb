"""Collect the do-not-translate terms of English pages and of the CSDL types they use.

The pages give what they show a reader (table names, request paths, status
lines); the CSDL adds what the pages' types declare (property names, enum
members) even where no table lists them, because a translated description
that mentions ``unknownFutureValue`` must keep it as the API spells it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lint.model import Page, Table
from lint.terms.identifiers import cell_name, type_identifiers
from lint.terms.model import Term, TermKind

if TYPE_CHECKING:  # the store module loads jsonschema: only a page that asks for CSDL terms pays for it
    from lint.schemas.validate import SchemaStore

_NAME_KINDS: dict[str, TermKind] = {
    "path-parameters": "parameter",
    "query-parameters": "parameter",
    "body-parameters": "parameter",
    "request-headers": "header",
    "response-headers": "header",
}
_NOTES: dict[TermKind, str] = {
    "parameter": "parameter name: keep verbatim",
    "header": "HTTP header name: keep verbatim",
    "property": "property name: keep verbatim",
    "enum-member": "enum value: keep verbatim, including its case",
    "type": "type name: keep verbatim",
    "path": "request path: keep verbatim",
    "status": "HTTP status line: keep verbatim",
}
_ACTION = "action:"
#: Where a store keeps an enum's members: ``enum`` for a plain enum, ``x-flags`` for a flags enum.
_MEMBER_KEYS = ("enum", "x-flags")

#: Resolves a type name used on a page to its ``$defs`` key, or None.
Resolver = Callable[[str], str | None]


def page_terms(page: Page) -> Iterator[Term]:
    """The terms an English page shows: table names and types, syntax paths, response status lines."""
    for table in page.tables:
        yield from _table_terms(page.path, table)
    for request in page.requests:
        if request.origin == "syntax":
            yield _term(request.path, "path", f"{page.path}:{request.span.line}")
    for response in page.responses:
        line = f"{response.status} {response.reason}".strip()
        yield _term(line, "status", f"{page.path}:{response.span.line}")


def _table_terms(path: str, table: Table) -> Iterator[Term]:
    """Names and types of a parameter or header table, read as param-name-drift and type-name-drift read them."""
    from lint.align.tables import type_column

    kind = _NAME_KINDS.get(table.role)
    if kind is None:
        return
    types = type_column(table)
    for row in table.rows:
        if not row.cells:
            continue
        source = f"{path}:{row.span.line}"
        name = cell_name(row.cells[0].text, header=kind == "header")
        if name:
            yield _term(name, kind, source)
        if types is not None and types < len(row.cells):
            for type_name in type_identifiers(row.cells[types].text):
                yield _term(type_name, "type", source)


def used_types(page: Page, store: SchemaStore) -> list[str]:
    """``$defs`` keys of the types a page uses: operation targets and bodies, table types, ``@odata.type``."""
    names: list[str] = []
    for request in page.requests:
        if request.origin != "syntax":
            continue
        operation = store.resolve(request.method, request.path)
        if operation is None:
            continue
        names.append(operation.target_type)
        if operation.body_ref:
            names.append(operation.body_ref)
    names.extend(term.term for term in page_terms(page) if term.kind == "type")
    names.extend(
        example.annotation.odata_type
        for example in page.json_examples
        if example.annotation and example.annotation.odata_type
    )
    keys: list[str] = []
    for name in names:
        key = _resolve(store, name)
        if key is not None and key not in keys:
            keys.append(key)
    return keys


def _resolve(store: SchemaStore, name: str) -> str | None:
    try:
        return store.resolve_ref(name.removeprefix("#"))
    except KeyError:
        return None


def schema_terms(store: SchemaStore, keys: Iterable[str]) -> Iterator[Term]:
    """Type names, property names and the members of enums those properties take, for ``keys``."""
    for key in keys:
        schema = _own_schema(store.defs[key])
        if not key.startswith(_ACTION):
            yield _term(key, "type", f"CSDL {key}")
        yield from _members(key, schema)
        for name, property_schema in sorted(schema.get("properties", {}).items()):
            if name.startswith("@"):
                continue
            yield _term(name, "property", f"CSDL {key}")
            for ref in sorted(set(_refs(property_schema))):
                if ref in store.defs:
                    yield from _members(ref, store.defs[ref])


def _own_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of a type's own instances: a type with derived types dispatches on ``@odata.type``
    (``if``/``then``) and describes itself in ``else``, where its properties are."""
    while "properties" not in schema and isinstance(schema.get("else"), dict) and "if" in schema:
        schema = schema["else"]
    return schema


def _members(key: str, schema: dict[str, Any]) -> Iterator[Term]:
    """The members of enum type ``key``; nothing for any other type (an ``@odata.type`` enum is not one)."""
    if key.startswith(_ACTION) or "properties" in schema:
        return
    for member_key in _MEMBER_KEYS:
        for member in schema.get(member_key, ()):
            if isinstance(member, str):
                yield _term(member, "enum-member", f"CSDL {key}")


def _refs(schema: Any) -> Iterator[str]:
    """The ``$defs`` keys a property schema refers to, however deeply (``items``, ``else``)."""
    if isinstance(schema, dict):
        for name, value in schema.items():
            if name == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                yield value[len("#/$defs/") :].replace("~1", "/").replace("~0", "~")
            else:
                yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)


def _term(text: str, kind: TermKind, source: str) -> Term:
    return Term(term=text, kind=kind, source=source, note=_NOTES[kind])
