"""An index of the API's addressable resources, and a resolver for request paths.

The index is a compact JSON document derived from the CSDL entity container
and types: entity sets and singletons (with their navigation bindings), per
type its base, key, navigation properties (with containment) and structural
properties, each type's descendants, and the bound actions and functions per
binding type. It does not
enumerate paths (navigation makes them unbounded); ``resolve`` walks a path
segment by segment the way an OData service would:

- the first segment is an entity set or a singleton, optionally ``set(key)``;
- after a collection: a bound action or function on the collection, a type
  cast (``microsoft.graph.group``), ``$count``/``$ref``, or else a key (a
  ``{placeholder}``, a literal id, or ``(key)`` syntax on the previous segment);
- after a single entity or complex value: a navigation or structural property
  (inherited included), a bound action or function, a type cast, ``$value`` or
  ``$ref``; OneDrive path addressing (``root:/a/b.txt:``) keeps the entity;
- action and function names may be namespace-qualified (or alias-qualified)
  or not; operations bound to a base type apply to derived types;
- actions end the path; a function returning a structured type may continue.

This module must load quickly and without lxml: it runs on the pre-commit
path. Building the index from a ``csdl.Model`` happens only in the build step,
and only uses the model object it is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import msgspec
from msgspec import Raw, Struct
from msgspec.structs import replace

from lint.errors import ToolError
from lint.schemas.storefile import read_store_json

if TYPE_CHECKING:
    from lint.schemas.csdl import Model

#: 2: ``derived`` lists each type's descendants, so a check need not decode every type to find them.
FORMAT = 2
_PATH_ADDRESS = "\x00path"
#: A placeholder naming a key rather than a member: ``{id}``, ``{user-id}``, ``{userId}``, ``{id | upn}``.
_KEY_LIKE = r"(?i)id(?![a-z])"  # compiled on first use (re's cache)

# Methods per final kind; collection-ness refines entity-like kinds below.
_ENTITY_METHODS = frozenset({"GET", "PATCH", "PUT", "DELETE"})
_COLLECTION_METHODS = frozenset({"GET", "POST"})
_METHODS: dict[str, frozenset[str]] = {
    "singleton": frozenset({"GET", "PATCH", "PUT"}),
    "property": frozenset({"GET", "PATCH", "PUT"}),
    "action": frozenset({"POST"}),
    "function": frozenset({"GET"}),
    "count": frozenset({"GET"}),
    "value": frozenset({"GET", "PUT"}),
    "ref": frozenset({"GET", "POST", "PUT", "DELETE"}),
}


class Operation(Struct, frozen=True):
    """What a request addresses, and the schemas of its body and response.

    ``kind`` is one of entity-set, entity, singleton, navigation, property,
    action, function, count, value, ref. ``target_type`` (with
    ``is_collection``) is the addressed resource's type; for an action or
    function it is the binding type. ``body_ref`` is a ``$defs`` key of
    ``schema.json`` (an action body or an entity/complex type) or None;
    ``response_type`` is a type expression such as
    ``Collection(microsoft.graph.event)``. ``entity_set`` names the set the
    addressed entities belong to when the container says so (through
    navigation bindings), None for contained or unbound targets.
    """

    method: str
    template: str
    kind: str
    target_type: str
    is_collection: bool
    body_ref: str | None
    response_type: str | None
    entity_set: str | None = None
    name: str | None = None


def build_index(model: Model) -> dict[str, Any]:
    """The JSON-serializable index of a CSDL model (see the module docstring)."""
    types: dict[str, dict[str, Any]] = {}
    for declared in model.types.values():
        entry: dict[str, Any] = {}
        if declared.base:
            entry["b"] = declared.base
        if declared.key:
            entry["k"] = list(declared.key)
        if declared.navigation:
            entry["n"] = {n.name: [str(n.type), int(n.contains_target)] for n in declared.navigation}
        if declared.properties:
            entry["p"] = {p.name: str(p.type) for p in declared.properties}
        types[declared.name] = entry
    derived: dict[str, list[str]] = {}
    for name in types:
        ancestor = types[name].get("b")
        seen = {name}
        while ancestor in types and ancestor not in seen:
            derived.setdefault(ancestor, []).append(name)
            seen.add(ancestor)
            ancestor = types[ancestor].get("b")
    operations: dict[str, list[list[Any]]] = {}
    for op in model.operations:
        if op.binding is None:
            continue
        returns = str(op.return_type) if op.return_type is not None else None
        params = [p.name for p in op.body_parameters]
        operations.setdefault(str(op.binding), []).append([op.name, op.kind, returns, params])
    return {
        "format": FORMAT,
        "namespace": model.container_namespace,
        "aliases": {alias: ns for ns, alias in model.namespaces.items() if alias},
        "sets": {s.name: [s.type, dict(s.bindings)] for s in model.entity_sets.values()},
        "singletons": {s.name: [s.type, dict(s.bindings)] for s in model.singletons.values()},
        "types": types,
        "derived": derived,
        "operations": operations,
    }


def write_index(index: dict[str, Any], path: Path) -> None:
    """Compact JSON: the file is read on every lint run."""
    path.write_text(json.dumps(index, separators=(",", ":"), sort_keys=True), encoding="utf-8")


class _State(Struct, frozen=True):
    """Where a walk stands after a segment."""

    type: str
    collection: bool
    kind: str
    template: tuple[str, ...]
    entity_set: str | None = None
    binding_root: str | None = None  # set/singleton whose bindings apply
    binding_path: tuple[str, ...] = ()  # segments since that root (casts, contained navigations)
    operation: str | None = None
    binding: str | None = None  # type expression the operation is bound to (may be a base type)
    returns: str | None = None
    terminal: bool = False


def _split_segments(path: str) -> list[str]:
    """Split on ``/`` outside parentheses and quotes, after dropping query and fragment."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    segments: list[str] = []
    current: list[str] = []
    depth = 0
    quoted = False
    for char in path:
        if char == "'" and depth:
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth = max(0, depth - 1)
        if char == "/" and not depth and not quoted:
            segments.append("".join(current))
            current = []
        else:
            current.append(char)
    segments.append("".join(current))
    return [unquote(s) for s in segments if s]


def _path_addressing(path: str) -> str:
    """Replace OneDrive/SharePoint ``:/relative/path:`` addressing by a marker segment."""
    start = path.find(":/")
    if start < 0 or path.count("(", 0, start) != path.count(")", 0, start):
        return path
    end = path.find(":", start + 2)
    rest = path[end + 1 :] if end >= 0 else ""
    return f"{path[:start]}/{_PATH_ADDRESS}{rest if rest.startswith('/') or not rest else '/' + rest}"


def _name_and_args(segment: str) -> tuple[str, str | None]:
    """``users('x')`` -> (``users``, ``'x'``); ``users`` -> (``users``, None)."""
    if segment.endswith(")") and "(" in segment:
        name, _, rest = segment.partition("(")
        return name, rest[:-1]
    return segment, None


def _argument_names(args: str) -> set[str]:
    """Names of ``name=value`` arguments in ``f(a='x',b=1)`` (quotes respected)."""
    names: set[str] = set()
    quoted = False
    start = 0
    for index, char in enumerate(args + ","):
        if char == "'":
            quoted = not quoted
        elif char == "," and not quoted:
            name, equals, _ = args[start:index].partition("=")
            if equals:
                names.add(name.strip())
            start = index + 1
    return names


def _choose_overload(overloads: list[list[Any]], args: str | None) -> list[Any]:
    """The overload whose parameter names are the call's argument names (ignoring case), else the first."""
    names = {name.lower() for name in _argument_names(args)} if args else set()
    if names:
        for entry in overloads:
            if {str(param).lower() for param in entry[3]} == names:
                return entry
        for entry in overloads:
            if names <= {str(param).lower() for param in entry[3]}:
                return entry
    return overloads[0]


def _arguments_accepted(overloads: list[list[Any]], args: str | None) -> bool:
    """True unless a call names an argument that no overload of the function takes.

    ``itemAt(idx=0)`` for ``itemAt(index)`` addresses nothing. Names match
    without regard to case, as the service reads them; positional or absent
    arguments are not judged.
    """
    names = {name.lower() for name in _argument_names(args)} if args else set()
    return not names or any(names <= {str(param).lower() for param in entry[3]} for entry in overloads)


def _parse_type(expression: str) -> tuple[str, bool]:
    if expression.startswith("Collection(") and expression.endswith(")"):
        return expression[len("Collection(") : -1], True
    return expression, False


def _short(name: str) -> str:
    return name.rpartition(".")[2]


class _IndexFile(Struct):
    """``operations.json`` as read: type, derived-type and operation entries stay undecoded JSON until asked for."""

    format: int = 0
    namespace: str | None = None
    aliases: dict[str, str] = {}
    sets: dict[str, list[Any]] = {}
    singletons: dict[str, list[Any]] = {}
    types: dict[str, Raw] = {}
    derived: dict[str, Raw] = {}
    operations: dict[str, Raw] = {}


class _Entries(Mapping[str, Any]):
    """Index entries (types, derived types, operations), each decoded on first use.

    A check walks a few dozen of the index's thousands of types; decoding
    them all took most of the time a one-file check spent on the index. The
    derived-type and operation lists are a quarter of the file: decoded
    whole, they cost a one-file check 4 million instructions (callgrind),
    some 0.6% of it, for the few it asks about.
    """

    def __init__(self, entries: Mapping[str, Raw | Any]) -> None:
        self._entries = entries
        self._decoded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        found = self._decoded.get(name)
        if found is None:
            entry = self._entries[name]
            found = msgspec.json.decode(entry) if isinstance(entry, Raw) else entry
            self._decoded[name] = found
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class OperationsIndex:
    """A loaded index; ``resolve`` answers which operation a request is."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"operations index format {data.get('format')!r}, but this doclint reads format {FORMAT}")
        self.namespace: str | None = data["namespace"]
        self.aliases: dict[str, str] = data["aliases"]
        self.sets: dict[str, list[Any]] = data["sets"]
        self.singletons: dict[str, list[Any]] = data["singletons"]
        self.types: Mapping[str, dict[str, Any]] = _Entries(data["types"])
        self.derived: Mapping[str, list[str]] = _Entries(data["derived"])
        self.operations: Mapping[str, list[list[Any]]] = _Entries(data["operations"])
        # Graph matches URL segments without regard to case (/Me/Messages works).
        self._roots_lower = {name.lower(): name for name in (*self.sets, *self.singletons)}
        self._types_lower: dict[str, str] | None = None

    @classmethod
    def load(cls, path: Path) -> OperationsIndex:
        """Read ``operations.json`` (plain JSON; no lxml involved)."""
        data = msgspec.structs.asdict(read_store_json(path, _IndexFile))
        try:
            return cls(data)
        except ValueError as error:
            raise ToolError(f"{path}: {error}; rebuild it with `doclint schemas build`") from error

    # -- type helpers ---------------------------------------------------

    def qualify(self, name: str) -> str:
        """Replace a namespace alias (``graph.call``) by its namespace."""
        namespace, _, short = name.rpartition(".")
        full = self.aliases.get(namespace)
        return f"{full}.{short}" if full else name

    def base_chain(self, name: str) -> list[str]:
        """The type and its ancestors, nearest first."""
        chain: list[str] = []
        current: str | None = name
        while current and current in self.types and current not in chain:
            chain.append(current)
            current = self.types[current].get("b")
        return chain

    def is_subtype(self, name: str, base: str) -> bool:
        """True if ``name`` is ``base`` or derives from it."""
        return base in self.base_chain(name)

    def _member(self, type_name: str, kind: str, name: str) -> Any:
        """A member of the type or its ancestors, else of a type derived from it.

        Graph docs address members of derived types without the cast segment
        strict OData wants (``/mobileApps/{id}/contentVersions``, where only
        ``macOSLobApp`` has ``contentVersions``); the service accepts that.
        Names match without regard to case, as the service does.
        """
        lowered = name.lower()
        for candidate in self._family(type_name):
            members = self.types[candidate].get(kind, {})
            found = members.get(name)
            if found is None:
                found = next((value for key, value in members.items() if key.lower() == lowered), None)
            if found is not None:
                return found
        return None

    def _family(self, type_name: str) -> Iterator[str]:
        """The type, its ancestors nearest first, then (only if asked for) its descendants."""
        yield from self.base_chain(type_name)
        yield from self._descendants(type_name)

    def _descendants(self, type_name: str) -> list[str]:
        """Every type derived from ``type_name``, directly or not, in index order."""
        return self.derived.get(type_name, [])

    def _find_operations(self, type_name: str, collection: bool, name: str) -> tuple[str, list[list[Any]]]:
        """The binding type expression and overloads named ``name``, from the nearest ancestor that has any."""
        qualified = "." in name
        wanted = self.qualify(name) if qualified else name
        # Nearest ancestor first; then derived types, which docs address without a cast.
        for ancestor in self._family(type_name) if type_name in self.types else iter([type_name]):
            key = f"Collection({ancestor})" if collection else ancestor
            found = [
                entry
                for entry in self.operations.get(key, ())
                if (entry[0] if qualified else _short(entry[0])).lower() == wanted.lower()
            ]
            if found:
                return key, found
        return "", []

    def _cast(self, state: _State, name: str) -> _State | None:
        if "." not in name:
            return None
        target = self._type_named(self.qualify(name))
        if target is None or not self.is_subtype(target, state.type):
            return None
        return replace(
            state,
            type=target,
            template=(*state.template, target),
            binding_path=(*state.binding_path, target),
        )

    def _type_named(self, name: str) -> str | None:
        """The type called ``name``, matched without regard to case as the service does
        (docs write ``microsoft.graph.roomlist`` for ``roomList``)."""
        if name in self.types:
            return name
        if self._types_lower is None:
            self._types_lower = {type_name.lower(): type_name for type_name in self.types}
        return self._types_lower.get(name.lower())

    def _member_placeholder(self, state: _State, segment: str) -> _State | None:
        """``{property name}`` after a structured value: a page documenting any of its members.

        Graph pages write ``/organization/{id}/branding/{property name}`` and
        ``/apiConnectorConfiguration/{step}/$ref`` for a family of requests.
        A placeholder that reads like a key (``{id}``, ``{user-id}``,
        ``{userId}``) stays unresolved here: after a single value it is the
        doc's mistake, and unknown-path should say so.
        """
        if not (segment.startswith("{") and segment.endswith("}")) or re.search(_KEY_LIKE, segment):
            return None
        if state.type not in self.types:
            return None
        return _State("Edm.Untyped", False, "property", (*state.template, segment))

    # -- walking --------------------------------------------------------

    def _key(self, state: _State) -> _State:
        placeholder = "{" + _short(state.type) + "-id}"
        return replace(state, collection=False, kind="entity", template=(*state.template, placeholder))

    def _root(self, segment: str) -> _State | None:
        name, args = _name_and_args(segment)
        name = self._roots_lower.get(name.lower(), name)
        if name in self.sets:
            type_name = self.sets[name][0]
            state = _State(type_name, True, "entity-set", (name,), name, name)
            return self._key(state) if args is not None else state
        if name in self.singletons and args is None:
            return _State(self.singletons[name][0], False, "singleton", (name,), name, name)
        return None

    def _operation_segment(self, state: _State, name: str, args: str | None) -> _State | None:
        binding, overloads = self._find_operations(state.type, state.collection, name)
        if not overloads:
            return None
        full, kind, returns, params = _choose_overload(overloads, args)
        shown = _short(full) if full.rpartition(".")[0] == self.namespace else full
        if kind == "function" and not _arguments_accepted(overloads, args):
            return None
        if kind == "function":
            shown += "(" + ",".join(f"{p}={{{p}}}" for p in params) + ")"
        elif args:
            return None  # actions take their parameters in the body
        result = replace(
            state,
            kind=kind,
            template=(*state.template, shown),
            operation=full,
            binding=binding,
            returns=returns,
            entity_set=None,
        )
        if kind == "action" or returns is None:
            return replace(result, terminal=True)
        return result

    def _continue_after_function(self, state: _State) -> _State | None:
        """A function returning a structured type may be followed by more segments."""
        type_name, collection = _parse_type(state.returns or "")
        if type_name not in self.types:
            return None
        return replace(
            state,
            type=type_name,
            collection=collection,
            kind="navigation",
            operation=None,
            binding=None,
            returns=None,
            binding_root=None,
            binding_path=(),
        )

    def _navigate(self, state: _State, name: str, args: str | None) -> _State | None:
        navigation = self._member(state.type, "n", name)
        if navigation is not None:
            expression, contained = navigation
            target, collection = _parse_type(expression)
            entity_set = None
            root, path = None, (*state.binding_path, name)
            if contained:
                root = state.binding_root
            elif state.binding_root is not None:
                bindings = self._bindings(state.binding_root)
                bound = bindings.get("/".join(path)) or bindings.get(name)
                if bound is not None:
                    entity_set, root, path = bound, bound, ()
            result = _State(target, collection, "navigation", (*state.template, name), entity_set, root, path)
            if args is not None:
                return self._key(result) if collection else None
            return result
        prop = self._member(state.type, "p", name)
        if prop is not None and args is None:
            target, collection = _parse_type(prop)
            return _State(target, collection, "property", (*state.template, name))
        return None

    def _bindings(self, root: str) -> dict[str, str]:
        holder = self.sets.get(root) or self.singletons.get(root)
        return holder[1] if holder else {}

    def _step(self, state: _State, segment: str) -> _State | None:
        if state.kind == "function" and not state.terminal:
            following = self._continue_after_function(state)
            if following is None:
                return None
            state = following
        if state.terminal:
            return None
        if segment == "$count":
            if not state.collection:
                return None
            return replace(state, kind="count", template=(*state.template, segment), returns="Edm.Int32", terminal=True)
        if segment == "$ref":
            return replace(state, kind="ref", template=(*state.template, segment), terminal=True)
        if segment == "$value":
            if state.collection:
                return None
            return replace(
                state, kind="value", template=(*state.template, segment), returns="Edm.Stream", terminal=True
            )
        if segment == _PATH_ADDRESS:
            if state.collection or state.type not in self.types:
                return None
            template = (*state.template[:-1], state.template[-1] + ":/{item-path}:")
            return replace(state, kind="entity", template=template)
        name, args = _name_and_args(segment)
        if state.collection:
            return (
                self._operation_segment(state, name, args)
                or (self._cast(state, name) if args is None else None)
                or self._key(state)
            )
        return (
            self._navigate(state, name, args)
            or self._operation_segment(state, name, args)
            or (self._cast(state, name) if args is None else None)
            or self._member_placeholder(state, segment)
        )

    def _walk(self, path: str) -> _State | None:
        segments = _split_segments(_path_addressing(path))
        if not segments:
            return None
        state = self._root(segments[0])
        for segment in segments[1:]:
            if state is None:
                return None
            state = self._step(state, segment)
        return state

    # -- public API ----------------------------------------------------

    def methods(self, path: str) -> frozenset[str]:
        """The HTTP methods OData allows on ``path`` (empty if the path does not resolve)."""
        state = self._walk(path)
        return frozenset() if state is None else self._methods(state)

    def bound_at(self, path: str) -> tuple[str, list[str]] | None:
        """Where ``path`` leads (type, or ``Collection(type)``) and the qualified names of the operations bound there.

        The operations of the type's ancestors and descendants count, as path
        resolution accepts them. None if ``path`` does not resolve.
        """
        state = self._walk(path)
        if state is None or state.terminal or state.kind in ("action", "function"):
            return None
        names: set[str] = set()
        family = self._family(state.type) if state.type in self.types else iter([state.type])
        for ancestor in family:
            key = f"Collection({ancestor})" if state.collection else ancestor
            names.update(entry[0] for entry in self.operations.get(key, ()))
        where = f"Collection({state.type})" if state.collection else state.type
        return where, sorted(names)

    def _methods(self, state: _State) -> frozenset[str]:
        if state.kind == "function" and state.returns:
            # A composable function returning an entity (workbook range(address=...))
            # addresses that entity: it can be updated or deleted like one.
            type_name, collection = _parse_type(state.returns)
            if not collection and any("k" in self.types[ancestor] for ancestor in self.base_chain(type_name)):
                return _ENTITY_METHODS
        if state.kind in _METHODS:
            return _METHODS[state.kind]
        return _COLLECTION_METHODS if state.collection else _ENTITY_METHODS

    def resolve(self, method: str, path: str) -> Operation | None:
        """The operation ``method path`` addresses, or None if the path or method is not in the API.

        ``path`` has host and version prefix removed; a query string is ignored.
        """
        method = method.upper()
        state = self._walk(path)
        if state is None or method not in self._methods(state):
            return None
        target = state.type
        structured = target in self.types
        body: str | None = None
        response: str | None = None
        kind = state.kind
        if kind == "action":
            body, response = f"action:{state.operation}({state.binding})", state.returns
        elif kind in ("function", "count", "value"):
            response = state.returns
        elif kind == "ref":
            pass
        elif method == "GET":
            response = f"Collection({target})" if state.collection else target
        elif structured and (method == "POST" if state.collection else method in ("PATCH", "PUT")):
            body = response = target
        return Operation(
            method=method,
            template="/" + "/".join(state.template),
            kind=kind,
            target_type=target,
            is_collection=state.collection,
            body_ref=body,
            response_type=response,
            entity_set=state.entity_set,
            name=state.operation,
        )
