"""Convert a CSDL model into one JSON Schema 2020-12 document of ``$defs``.

Each entity, complex and enum type becomes ``$defs[<qualified name>]``; each
action becomes ``$defs["action:<name>(<binding type>)"]``, the schema of its
request body. The conversion is pure (model in, dict out) so that the build
step and the tests share it.

Design choices, and why:

- Inheritance is *flattened*: a type's schema lists its own and all inherited
  properties. With ``allOf`` over the base, ``additionalProperties: false``
  would reject every property declared on the other side of the ``allOf``;
  working around that needs ``unevaluatedProperties``, whose errors point at
  the whole object rather than at the member. Flattening keeps one
  ``properties`` map per type, and each error names the offending member.
- Derived types are dispatched in the schema itself, so ``schema.json`` is
  usable by any 2020-12 validator: a type with known subtypes is
  ``if (object whose @odata.type names a subtype) then (allOf: if @odata.type
  is S then $ref S, per subtype S) else (the type's own body)``. The outer
  ``if`` requires an object so that a wrong JSON kind yields one error, not
  one per subtype. ``@odata.type`` may be written with or without ``#``.
  The body accepts ``@odata.type`` only when it names the type itself, so an
  unknown or unrelated type name is reported.
- An abstract type with known subtypes requires ``@odata.type`` (OData needs
  it to know the concrete type of the value).
- Nothing is ``required`` otherwise: examples are partial on purpose
  (``$select``, PATCH bodies), and action bodies have no required members.
- OData annotations are always allowed (``patternProperties``): ``@odata.type``,
  ``@odata.id``, ``name@odata.bind``, ``@microsoft.graph.conflictBehavior``.
- Nullable references use ``if: {type: null}, else: {$ref}`` rather than
  ``anyOf``: a non-null value's errors then surface unwrapped, with their
  own paths, instead of as "is not valid under any of the given schemas".
- Collection-valued members get the member's nullability for the collection
  and for its items (lenient: Graph documents ``null`` for both).
- Primitive and enum schemas carry ``x-edmType`` (an annotation keyword that
  validators ignore) so that placeholder values like ``"Int32"`` can be
  recognised per expected type, and messages can name the Edm type; object
  schemas carry it too (the type name or action key) for messages about
  undeclared members. Flags enums list their members in ``x-flags``; the
  document records ``x-defaultNamespace`` and ``x-aliases`` so that the store
  can resolve short and alias-qualified names without the CSDL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.schemas.csdl import EdmOperation, Model, TypeRef

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:doclint:csdl-schema"
# OData JSON annotations: "@namespace.term" or "member@namespace.term".
ANNOTATION_PATTERN = r"^[^@]*@[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$"
EDM_TYPE = "x-edmType"

_DATE = r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_TIME = r"([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?"
_SPECIAL_FLOATS = "^(INF|-INF|NaN)$"

_PRIMITIVES: dict[str, Schema] = {
    "Edm.String": {"type": "string"},
    "Edm.Boolean": {"type": "boolean"},
    "Edm.Byte": {"type": "integer", "minimum": 0, "maximum": 255},
    "Edm.SByte": {"type": "integer", "minimum": -128, "maximum": 127},
    "Edm.Int16": {"type": "integer", "minimum": -(2**15), "maximum": 2**15 - 1},
    "Edm.Int32": {"type": "integer", "minimum": -(2**31), "maximum": 2**31 - 1},
    "Edm.Int64": {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1},
    "Edm.Double": {"type": ["number", "string"], "pattern": _SPECIAL_FLOATS},
    "Edm.Single": {"type": ["number", "string"], "pattern": _SPECIAL_FLOATS},
    "Edm.Decimal": {"type": ["number", "string"], "pattern": r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"},
    "Edm.Guid": {
        "type": "string",
        "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
    },
    "Edm.DateTimeOffset": {
        "type": "string",
        "pattern": f"^{_DATE}[Tt]{_TIME}([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$",
    },
    "Edm.Date": {"type": "string", "pattern": f"^{_DATE}$"},
    "Edm.TimeOfDay": {"type": "string", "pattern": f"^{_TIME}$"},
    "Edm.Duration": {
        "type": "string",
        "pattern": r"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$",
    },
    "Edm.Binary": {"type": "string", "pattern": "^[A-Za-z0-9+/_-]*={0,2}$"},
    "Edm.Stream": {"type": "string"},
}
_ANYTHING = {"Edm.Untyped", "Edm.PrimitiveType", "Edm.ComplexType", "Edm.EntityType"}


def def_ref(key: str) -> Schema:
    """A ``$ref`` to one of the document's ``$defs``."""
    return {"$ref": "#/$defs/" + key.replace("~", "~0").replace("/", "~1")}


def action_key(operation: EdmOperation) -> str:
    """``action:microsoft.graph.reject(microsoft.graph.call)``; unbound: ``action:ns.name()``.

    A function is keyed with its parameter names too
    (``function:microsoft.graph.range(microsoft.graph.workbookWorksheet;address)``):
    its overloads share a binding and differ by parameters.
    """
    binding = operation.binding if operation.binding is not None else ""
    if operation.kind == "function":
        names = ",".join(parameter.name for parameter in operation.body_parameters)
        return f"function:{operation.name}({binding};{names})"
    return f"action:{operation.name}({binding})"


def primitive_schema(name: str, nullable: bool) -> Schema:
    """The schema of an Edm primitive value; unknown Edm names accept anything."""
    if name in _ANYTHING:
        return {}
    if name.startswith(("Edm.Geography", "Edm.Geometry")):
        schema: Schema = {"type": "object"}
    elif name in _PRIMITIVES:
        schema = dict(_PRIMITIVES[name])
    else:
        return {}
    if nullable:
        kinds = schema["type"]
        schema["type"] = [*kinds, "null"] if isinstance(kinds, list) else [kinds, "null"]
    schema[EDM_TYPE] = name
    return schema


def _named(model: Model, name: str, nullable: bool) -> Schema:
    if name.startswith("Edm."):
        return primitive_schema(name, nullable)
    if name not in model.types and name not in model.enums:
        return {}  # a dangling reference in the CSDL: do not guess
    if nullable:
        return {"if": {"type": "null"}, "else": def_ref(name)}
    return def_ref(name)


def member_schema(model: Model, ref: TypeRef, nullable: bool) -> Schema:
    """The schema of a property, navigation property or parameter value."""
    single = _named(model, ref.name, nullable)
    if not ref.collection:
        return single
    return {"type": ["array", "null"] if nullable else "array", "items": single}


def _odata_type_names(names: Iterable[str]) -> list[str]:
    return [variant for name in names for variant in (f"#{name}", name)]


def _object(key: str, properties: dict[str, Schema], open_type: bool) -> Schema:
    return {
        "type": "object",
        EDM_TYPE: key,
        "properties": properties,
        "patternProperties": {ANNOTATION_PATTERN: {}},
        "additionalProperties": open_type,
    }


#: Complex types the API uses for arbitrary JSON (workbook values, activity
#: content): declared with no members, but any JSON value is valid.
ANY_JSON_TYPES = frozenset({"microsoft.graph.Json"})


def structured_def(model: Model, name: str) -> Schema:
    """The flattened schema of an entity or complex type, with subtype dispatch."""
    if name in ANY_JSON_TYPES:
        return {"x-edmType": name}
    declared = model.types[name]
    properties: dict[str, Schema] = {"@odata.type": {"enum": _odata_type_names([name])}}
    for member in model.all_properties(name):
        properties[member.name] = member_schema(model, member.type, member.nullable)
    body = _object(name, properties, model.is_open(name))
    subtypes = model.derived(name)
    if not subtypes:
        return body
    if declared.abstract:
        body["required"] = ["@odata.type"]
    return {
        "if": {
            "type": "object",
            "required": ["@odata.type"],
            "properties": {"@odata.type": {"enum": _odata_type_names(subtypes)}},
        },
        "then": {
            "allOf": [
                {"if": {"properties": {"@odata.type": {"enum": _odata_type_names([s])}}}, "then": def_ref(s)}
                for s in subtypes
            ]
        },
        "else": body,
    }


def enum_def(model: Model, name: str) -> Schema:
    """Members by name, case-sensitive; a flags enum is a comma-separated list of members."""
    declared = model.enums[name]
    if not declared.is_flags:
        return {"enum": list(declared.members), EDM_TYPE: name}
    one = "(" + "|".join(re.escape(m) for m in declared.members) + ")"
    return {"type": "string", "pattern": f"^{one}(, ?{one})*$", EDM_TYPE: name, "x-flags": list(declared.members)}


def action_body_def(model: Model, operation: EdmOperation) -> Schema:
    """An action's request body, or a function's parameters: the non-binding parameters, none required.

    A function takes its parameters in the URL; the same object shape lets a
    rule check their values with the same validator.
    """
    properties = {p.name: member_schema(model, p.type, p.nullable) for p in operation.body_parameters}
    return _object(action_key(operation), properties, False)


def _find(candidates: Iterable[str], wanted: str, model: Model) -> list[str]:
    """Names matching ``wanted`` exactly, alias-qualified, or by short name (default namespace first)."""
    pool = list(candidates)
    if wanted in pool:
        return [wanted]
    namespace, _, short = wanted.rpartition(".")
    for full, alias in model.namespaces.items():
        if namespace and alias == namespace and f"{full}.{short}" in pool:
            return [f"{full}.{short}"]
    if namespace:
        return []
    matches = [c for c in pool if c.rpartition(".")[2] == wanted]
    preferred = [c for c in matches if c.rpartition(".")[0] == model.container_namespace]
    return preferred or matches


def resolve_roots(model: Model, roots: Iterable[str]) -> tuple[set[str], list[EdmOperation]]:
    """Map root names (types or actions, qualified, aliased or short) to types and actions.

    A short type name found in several namespaces, and not in the container's,
    is ambiguous and rejected; an action name selects all its overloads.
    """
    types: set[str] = set()
    actions: list[EdmOperation] = []
    all_actions = [op for op in model.operations if op.kind == "action"]
    for root in roots:
        by_key = [op for op in all_actions if action_key(op) == root]
        if by_key:
            actions.extend(by_key)
            continue
        found_types = _find([*model.types, *model.enums], root, model)
        action_names = _find({op.name for op in all_actions}, root, model)
        if len(found_types) > 1:
            raise ValueError(f"ambiguous type name {root!r}: {', '.join(sorted(found_types))}")
        if not found_types and not action_names:
            raise ValueError(f"unknown type or action {root!r}")
        types.update(found_types)
        actions.extend(op for op in all_actions if op.name in action_names)
    return types, actions


def closure(model: Model, types: Iterable[str], actions: Iterable[EdmOperation] = ()) -> set[str]:
    """Types reachable from ``types`` and the actions' parameters and return types.

    Reachable means: member types (structural and navigation, inherited
    included, since schemas are flattened) and every known derived type of a
    reachable type (a value may name one in ``@odata.type``).
    """
    pending = list(types)
    for action in actions:
        pending.extend(p.type.name for p in action.body_parameters)
        if action.return_type is not None:
            pending.append(action.return_type.name)
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or (name not in model.types and name not in model.enums):
            continue
        seen.add(name)
        if name in model.types:
            pending.extend(member.type.name for member in model.all_properties(name))
            pending.extend(model.derived(name))
    return seen


def to_json_schema(model: Model, roots: Iterable[str] | None = None) -> Schema:
    """The schema document: ``$defs`` for the roots' closure, or for everything."""
    if roots is None:
        type_names = set(model.types) | set(model.enums)
        actions = list(model.operations)
    else:
        root_types, actions = resolve_roots(model, roots)
        type_names = closure(model, root_types, actions)
    defs: dict[str, Schema] = {}
    for name in sorted(type_names):
        defs[name] = structured_def(model, name) if name in model.types else enum_def(model, name)
    for action in sorted(actions, key=action_key):
        defs[action_key(action)] = action_body_def(model, action)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "x-defaultNamespace": model.container_namespace,
        "x-aliases": {alias: ns for ns, alias in model.namespaces.items() if alias},
        "$defs": defs,
    }
