"""Validate JSON values against the schemas built from CSDL, with doc-aware errors.

``SchemaStore`` reads ``schema.json`` and ``operations.json`` from a build
directory lazily (the first validation or resolution pays, once) and compiles
one ``Draft202012Validator`` per ``$defs`` entry on first use. It imports
neither lxml nor the build modules: this runs on the pre-commit path.

jsonschema's errors are post-processed so that a writer can act on them:

- errors on doc placeholders (``"String (timestamp)"`` where a
  DateTimeOffset is expected) are dropped; see ``lint.schemas.placeholders``;
- ``additionalProperties`` is reported once per undeclared member, pointing
  at that member rather than at the object;
- a value that matches an enum member except for case carries that member as
  ``suggestion``;
- pattern errors on Edm primitives name the Edm type instead of the regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from msgspec import Struct
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from lint.schemas import messages
from lint.schemas.operations import Operation, OperationsIndex
from lint.schemas.packed import is_packed, read_packed
from lint.schemas.placeholders import is_placeholder, is_truncated_base64, lists_alternatives
from lint.schemas.spelling import near_name
from lint.schemas.storefile import read_store_json

SCHEMA_FILE = "schema.json"
OPERATIONS_FILE = "operations.json"
_EDM_TYPE = "x-edmType"
_FLAGS = "x-flags"
_ACTION = "action:"


class SchemaError(Struct, frozen=True):
    """One problem in a value.

    ``message`` is the predicate about the value (``must be a string, not a
    number``): :func:`lint.schemas.messages.sentence` puts the member in front.
    ``pointer`` is the JSON pointer (RFC 6901) of the offending value within
    the validated value (``""`` for the value itself); ``schema_path`` is the
    slash-joined path of the failing keyword in the schema; ``keyword`` is that
    keyword; ``suggestion`` is the enum member the value matches but for case;
    ``member`` is the declared member an undeclared key matches but for case;
    ``near`` the one it is a near miss of (``replaceCallId`` for ``replacesCallId``).
    """

    message: str
    pointer: str
    schema_path: str
    keyword: str
    suggestion: str | None = None
    member: str | None = None
    near: str | None = None


def json_pointer(parts: Iterable[object]) -> str:
    """RFC 6901 pointer from path parts (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def case_match(members: Iterable[object], value: object) -> str | None:
    """The member ``value`` equals when case is ignored, unless it already matches exactly."""
    if not isinstance(value, str):
        return None
    strings = [m for m in members if isinstance(m, str)]
    if value in strings:
        return None
    folded = value.casefold()
    return next((m for m in strings if m.casefold() == folded), None)


def flags_case_match(members: list[str], value: object) -> str | None:
    """For a flags value (``"Monday, tuesday"``): the corrected list, if only case was wrong."""
    if not isinstance(value, str):
        return None
    corrected: list[str] = []
    for part in (p.strip() for p in value.split(",")):
        member = part if part in members else case_match(members, part)
        if member is None:
            return None
        corrected.append(member)
    result = ",".join(corrected)
    return None if result == value else result


def is_store(directory: Path) -> bool:
    """Whether ``directory`` holds a schema store: ``operations.json`` and a plain or packed schema."""
    return (directory / OPERATIONS_FILE).is_file() and ((directory / SCHEMA_FILE).is_file() or is_packed(directory))


#: Entries a store's memos keep before starting afresh (bounds a long run's memory).
MEMO_LIMIT = 50_000


class SchemaStore:
    """Schemas and operations built for one API version (a build output directory, plain or packed)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._validators: dict[str, Draft202012Validator] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._validated: dict[tuple[str, str], tuple[SchemaError, ...]] = {}
        self._resolved: dict[tuple[str, str], Operation | None] = {}

    # -- loading (lazy) ------------------------------------------------

    @cached_property
    def document(self) -> dict[str, Any]:
        """The parsed ``schema.json``, or a packed store's document whose ``$defs`` load on demand."""
        if is_packed(self.directory):
            return read_packed(self.directory)
        data: dict[str, Any] = read_store_json(self.directory / SCHEMA_FILE)
        return data

    @cached_property
    def defs(self) -> dict[str, Any]:
        """The ``$defs`` of ``schema.json``, keyed by qualified type name or action key."""
        defs: dict[str, Any] = self.document["$defs"]
        return defs

    @cached_property
    def operations(self) -> OperationsIndex:
        """The operations index (``operations.json``)."""
        return OperationsIndex.load(self.directory / OPERATIONS_FILE)

    @cached_property
    def _registry(self) -> Registry[Any]:
        resource = DRAFT202012.create_resource(self.document)
        return Registry().with_resource(self.document["$id"], resource)

    @cached_property
    def _short_names(self) -> dict[str, list[str]]:
        """Short name -> keys: ``call`` -> [``microsoft.graph.call``]; ``reject`` -> its action keys."""
        names: dict[str, list[str]] = {}
        for key in self.defs:
            qualified = key[len(_ACTION) :].partition("(")[0] if key.startswith(_ACTION) else key
            names.setdefault(qualified.rpartition(".")[2], []).append(key)
            if key.startswith(_ACTION):
                names.setdefault(qualified, []).append(key)
        return names

    # -- names ---------------------------------------------------------

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and ref in self.defs

    def resolve_ref(self, name: str) -> str:
        """The ``$defs`` key for a type or action name (qualified, alias-qualified or short).

        Types win over actions; among types, the default namespace wins. An
        action name with several overloads is ambiguous: pass its key
        (``action:microsoft.graph.reject(microsoft.graph.call)``) instead.
        Raises KeyError when nothing or more than one thing matches.
        """
        if name in self.defs:
            return name
        namespace, _, short = name.rpartition(".")
        aliased = self.document.get("x-aliases", {}).get(namespace)
        if aliased and f"{aliased}.{short}" in self.defs:
            return f"{aliased}.{short}"
        candidates = self._short_names.get(name if namespace else short, [])
        if namespace:
            candidates = [k for k in candidates if k.startswith(_ACTION)]
        types = [k for k in candidates if not k.startswith(_ACTION)]
        default = self.document.get("x-defaultNamespace")
        preferred = [k for k in types if k.rpartition(".")[0] == default]
        for group in (preferred, types, candidates):
            if len(group) == 1:
                return group[0]
            if group:
                raise KeyError(f"ambiguous schema name {name!r}: {', '.join(sorted(group))}")
        raise KeyError(f"no schema for {name!r}")

    # -- validation ------------------------------------------------------

    def validator(self, ref: str) -> Draft202012Validator:
        """The compiled validator for one ``$defs`` entry (cached)."""
        key = self.resolve_ref(ref)
        found = self._validators.get(key)
        if found is None:
            pointer = json_pointer(("$defs", key))
            schema = {"$ref": f"{self.document['$id']}#{pointer}"}
            found = Draft202012Validator(schema, registry=self._registry)
            self._validators[key] = found
        return found

    def validate(self, ref: str, value: Any) -> list[SchemaError]:
        """Problems of ``value`` as an instance of type or action body ``ref``, sorted by pointer.

        ``ref`` is anything ``resolve_ref`` accepts; KeyError if it names no schema.
        """
        # Memoized per (ref, value): translations copy their English page's examples, so most
        # values were validated before (73% on the four-locale corpus). ``repr`` tells apart
        # what JSON text would not (1 and 1.0 and True, key order, NaN); the errors carry
        # pointers into the value, never positions on a page, so any page may share them.
        key = (ref, repr(value))
        found = self._validated.get(key)
        if found is None:
            errors = [e for error in self.validator(ref).iter_errors(value) for e in self._convert(error)]
            found = tuple(sorted(errors, key=lambda e: e.pointer))
            if len(self._validated) >= MEMO_LIMIT:
                self._validated.clear()
            self._validated[key] = found
        return list(found)

    def enum_case_match(self, ref: str, value: object) -> str | None:
        """The member of enum ``ref`` that ``value`` matches only case-insensitively, else None.

        For a flags enum the corrected comma-separated list is returned. An
        exact match, a non-enum ``ref`` or no match at all give None.
        """
        schema = self.defs[self.resolve_ref(ref)]
        if _FLAGS in schema:
            return flags_case_match(schema[_FLAGS], value)
        if "enum" in schema:
            return case_match(schema["enum"], value)
        return None

    def resolve(self, method: str, path: str) -> Operation | None:
        """``self.operations.resolve``, memoized per (method, path): 85% of a corpus' requests repeat one."""
        key = (method, path)
        try:
            return self._resolved[key]
        except KeyError:
            pass
        found = self.operations.resolve(method, path)
        if len(self._resolved) >= MEMO_LIMIT:
            self._resolved.clear()
        self._resolved[key] = found
        return found

    # -- error post-processing -----------------------------------------

    def _extras(self, instance: dict[str, Any], schema: dict[str, Any]) -> list[str]:
        declared = schema.get("properties", {})
        patterns = [self._pattern(p) for p in schema.get("patternProperties", {})]
        return [k for k in instance if k not in declared and not any(p.search(k) for p in patterns)]

    def _pattern(self, text: str) -> re.Pattern[str]:
        found = self._patterns.get(text)
        if found is None:
            found = self._patterns[text] = re.compile(text)
        return found

    def _convert(self, error: ValidationError) -> Iterator[SchemaError]:
        schema = error.schema if isinstance(error.schema, dict) else {}
        edm = schema.get(_EDM_TYPE)
        keyword = str(error.validator)
        instance = error.instance
        pointer = json_pointer(error.absolute_path)
        schema_path = "/".join(str(p) for p in error.absolute_schema_path)
        if isinstance(edm, str) and _is_placeholder(instance, edm, schema):
            return
        if keyword == "additionalProperties" and isinstance(instance, dict):
            owner = (
                f"a parameter of action {edm[len(_ACTION) :]}"
                if isinstance(edm, str) and edm.startswith(_ACTION)
                else f"a property of {edm}"
            )
            declared = schema.get("properties", {})
            for name in self._extras(instance, schema):
                member = case_match(declared, name)
                near = None if member else near_name(name, [key for key in declared if not key.startswith("@")])
                if member:
                    hint = f" (did you mean `{member}`? member names are case-sensitive)"
                else:
                    hint = f" (did you mean `{near}`?)" if near else ""
                yield SchemaError(
                    f"is not {owner}{hint}",
                    pointer + json_pointer([name]),
                    schema_path,
                    keyword,
                    member=member,
                    near=near,
                )
            return
        suggestion: str | None = None
        limit = error.validator_value
        if keyword == "type":
            message = messages.wrong_kind(limit, instance, edm)
        elif keyword == "enum":
            suggestion = case_match(schema.get("enum", ()), instance)
            if pointer.endswith("/@odata.type") or pointer == "/@odata.type":
                expected = next((v for v in schema.get("enum", ()) if not str(v).startswith("#")), "?")
                message = (
                    f"is {messages.shown(instance)}, which names neither {expected} nor a known type derived from it"
                )
            else:
                message = messages.not_in_enum(list(schema.get("enum", ())), instance, edm)
        elif keyword == "pattern" and isinstance(edm, str):
            if _FLAGS in schema:
                suggestion = flags_case_match(schema[_FLAGS], instance)
                members = ", ".join(f"`{m}`" for m in schema[_FLAGS])
                message = (
                    f"is {messages.shown(instance)}, not a valid {edm} value (comma-separated members of {members})"
                )
            else:
                message = messages.bad_edm_text(instance, edm)
        elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            message = messages.out_of_range(keyword, limit, instance, edm)
        elif keyword == "required" and isinstance(edm, str) and limit == ["@odata.type"]:
            message = f"is an abstract {edm}: its `@odata.type` must name a derived type"
        else:
            message = messages.generic(keyword, limit, instance, error.message)
        if suggestion is not None:
            message += f" (did you mean `{suggestion}`?)"
        yield SchemaError(message, pointer, schema_path, keyword, suggestion)


def _is_placeholder(instance: object, edm: str, schema: dict[str, Any]) -> bool:
    if edm.startswith("Edm."):
        return is_placeholder(instance, edm) or (edm == "Edm.Binary" and is_truncated_base64(instance))
    if "enum" in schema:
        return is_placeholder(instance, edm, enum=True) or lists_alternatives(instance, schema["enum"])
    if _FLAGS in schema:
        return is_placeholder(instance, edm, enum=True)
    return False
