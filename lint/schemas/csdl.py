"""Read OData CSDL 4.0 XML (``edmx:Edmx``) into a small in-memory model.

Only what validation and path resolution need is kept: namespaces and their
aliases, structured types (entity and complex) with their base type,
Abstract and OpenType flags, properties and navigation properties, enum
types, bound and unbound actions and functions, and the entity container.
Annotations and vocabulary terms are skipped: they describe capabilities
and documentation, not the shape of JSON values.

Every type name in the model is fully qualified and alias-free
(``graph.call`` becomes ``microsoft.graph.call``), so later stages never see
aliases. Aliases are document-wide in CSDL (an alias must be unique in the
document), which is why they are collected before any element is read.

The whole document is parsed with ``lxml.etree.parse``: Graph's v1.0 CSDL
(3.4 MB) parses in a fraction of a second, and random access to a Schema's
children keeps the reader simple.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from msgspec import Struct, field

from lint.errors import ToolError

EDM_NS = "http://docs.oasis-open.org/odata/ns/edm"
_E = "{" + EDM_NS + "}"


class TypeRef(Struct, frozen=True):
    """A reference to a type: a qualified name, possibly in a collection."""

    name: str
    collection: bool = False

    def __str__(self) -> str:
        return f"Collection({self.name})" if self.collection else self.name


class Property(Struct, frozen=True):
    """A structural property; ``nullable`` is the CSDL default (true) unless declared."""

    name: str
    type: TypeRef
    nullable: bool = True


class NavigationProperty(Struct, frozen=True):
    """A navigation property; ``contains_target`` marks containment."""

    name: str
    type: TypeRef
    nullable: bool = True
    contains_target: bool = False


class StructuredType(Struct):
    """An entity or complex type with its own (not inherited) members."""

    name: str
    kind: str  # "entity" or "complex"
    base: str | None = None
    abstract: bool = False
    open: bool = False
    key: tuple[str, ...] = ()
    properties: list[Property] = field(default_factory=list)
    navigation: list[NavigationProperty] = field(default_factory=list)


class EnumType(Struct, frozen=True):
    """An enum type; members keep their declared (case-sensitive) names."""

    name: str
    members: tuple[str, ...]
    is_flags: bool = False


class Parameter(Struct, frozen=True):
    """An action or function parameter (CSDL default: nullable)."""

    name: str
    type: TypeRef
    nullable: bool = True


class EdmOperation(Struct, frozen=True):
    """An action or function. When bound, ``parameters[0]`` is the binding parameter."""

    name: str  # qualified
    kind: str  # "action" or "function"
    is_bound: bool
    parameters: tuple[Parameter, ...]
    return_type: TypeRef | None = None

    @property
    def binding(self) -> TypeRef | None:
        """The binding parameter's type, or None for an unbound operation."""
        return self.parameters[0].type if self.is_bound and self.parameters else None

    @property
    def body_parameters(self) -> tuple[Parameter, ...]:
        """The parameters a caller passes (all but the binding parameter)."""
        return self.parameters[1:] if self.is_bound else self.parameters


class ContainerMember(Struct, frozen=True):
    """An entity set (``collection``) or singleton with its navigation bindings."""

    name: str
    type: str
    collection: bool
    bindings: tuple[tuple[str, str], ...] = ()


class Model(Struct):
    """Everything read from one CSDL document, keyed by qualified names."""

    namespaces: dict[str, str | None] = field(default_factory=dict)  # namespace -> alias
    types: dict[str, StructuredType] = field(default_factory=dict)
    enums: dict[str, EnumType] = field(default_factory=dict)
    operations: list[EdmOperation] = field(default_factory=list)
    container_name: str | None = None
    container_namespace: str | None = None
    entity_sets: dict[str, ContainerMember] = field(default_factory=dict)
    singletons: dict[str, ContainerMember] = field(default_factory=dict)
    _derived: dict[str, list[str]] | None = None

    def base_chain(self, name: str) -> Iterator[StructuredType]:
        """The type itself, then its base, its base's base, and so on."""
        seen: set[str] = set()
        current = self.types.get(name)
        while current is not None and current.name not in seen:
            seen.add(current.name)
            yield current
            current = self.types.get(current.base) if current.base else None

    def all_properties(self, name: str) -> list[Property | NavigationProperty]:
        """Structural and navigation properties including inherited ones, base first."""
        members: dict[str, Property | NavigationProperty] = {}
        for declared in reversed(list(self.base_chain(name))):
            for prop in declared.properties:
                members[prop.name] = prop
            for navigation in declared.navigation:
                members[navigation.name] = navigation
        return list(members.values())

    def is_open(self, name: str) -> bool:
        """CSDL requires types derived from an open type to be open too; honour either side."""
        return any(t.open for t in self.base_chain(name))

    def key_of(self, name: str) -> tuple[str, ...]:
        """The key property names, declared on the type or inherited."""
        for declared in self.base_chain(name):
            if declared.key:
                return declared.key
        return ()

    def derived(self, name: str) -> list[str]:
        """All known types derived from ``name``, directly or not, sorted."""
        if self._derived is None:
            direct: dict[str, list[str]] = {}
            for t in self.types.values():
                if t.base:
                    direct.setdefault(t.base, []).append(t.name)
            self._derived = direct
        found: list[str] = []
        stack = list(self._derived.get(name, ()))
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.append(current)
            stack.extend(self._derived.get(current, ()))
        return sorted(found)


def split_qualified(name: str) -> tuple[str, str]:
    """``microsoft.graph.call`` -> (``microsoft.graph``, ``call``)."""
    namespace, _, short = name.rpartition(".")
    return namespace, short


class _Names:
    """Turns alias-qualified and ``Collection(...)`` type strings into TypeRefs."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = aliases

    def qualify(self, name: str) -> str:
        namespace, short = split_qualified(name)
        full = self.aliases.get(namespace)
        return f"{full}.{short}" if full else name

    def ref(self, text: str) -> TypeRef:
        text = text.strip()
        if text.startswith("Collection(") and text.endswith(")"):
            return TypeRef(self.qualify(text[len("Collection(") : -1].strip()), True)
        return TypeRef(self.qualify(text))


def _flag(element: etree._Element, attribute: str, default: bool) -> bool:
    value = element.get(attribute)
    return default if value is None else value.strip().lower() == "true"


def _structured(element: etree._Element, namespace: str, kind: str, names: _Names) -> StructuredType:
    base = element.get("BaseType")
    key = tuple(ref.get("Name", "") for ref in element.iterfind(f"{_E}Key/{_E}PropertyRef"))
    declared = StructuredType(
        name=f"{namespace}.{element.get('Name')}",
        kind=kind,
        base=names.qualify(base) if base else None,
        abstract=_flag(element, "Abstract", False),
        open=_flag(element, "OpenType", False),
        key=key,
    )
    for child in element:
        if child.tag == f"{_E}Property":
            declared.properties.append(
                Property(child.get("Name", ""), names.ref(child.get("Type", "")), _flag(child, "Nullable", True))
            )
        elif child.tag == f"{_E}NavigationProperty":
            declared.navigation.append(
                NavigationProperty(
                    child.get("Name", ""),
                    names.ref(child.get("Type", "")),
                    _flag(child, "Nullable", True),
                    _flag(child, "ContainsTarget", False),
                )
            )
    return declared


def _operation(element: etree._Element, namespace: str, kind: str, names: _Names) -> EdmOperation:
    parameters = tuple(
        Parameter(p.get("Name", ""), names.ref(p.get("Type", "")), _flag(p, "Nullable", True))
        for p in element.iterfind(f"{_E}Parameter")
    )
    returns = element.find(f"{_E}ReturnType")
    return EdmOperation(
        name=f"{namespace}.{element.get('Name')}",
        kind=kind,
        is_bound=_flag(element, "IsBound", False),
        parameters=parameters,
        return_type=names.ref(returns.get("Type", "")) if returns is not None else None,
    )


def _container_member(element: etree._Element, collection: bool, names: _Names) -> ContainerMember:
    type_name = element.get("EntityType") if collection else element.get("Type")
    bindings = tuple(
        (b.get("Path", ""), b.get("Target", "")) for b in element.iterfind(f"{_E}NavigationPropertyBinding")
    )
    return ContainerMember(element.get("Name", ""), names.qualify(type_name or ""), collection, bindings)


def parse_csdl(root: etree._Element) -> Model:
    """Build the model from a parsed ``edmx:Edmx`` (or bare ``Schema``) element."""
    schemas = [root] if root.tag == f"{_E}Schema" else list(root.iter(f"{_E}Schema"))
    model = Model()
    aliases: dict[str, str] = {}
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        alias = schema.get("Alias")
        model.namespaces[namespace] = alias
        if alias:
            aliases[alias] = namespace
    names = _Names(aliases)
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        for element in schema:
            tag = element.tag
            if tag == f"{_E}EntityType":
                declared = _structured(element, namespace, "entity", names)
                model.types[declared.name] = declared
            elif tag == f"{_E}ComplexType":
                declared = _structured(element, namespace, "complex", names)
                model.types[declared.name] = declared
            elif tag == f"{_E}EnumType":
                name = f"{namespace}.{element.get('Name')}"
                members = tuple(m.get("Name", "") for m in element.iterfind(f"{_E}Member"))
                model.enums[name] = EnumType(name, members, _flag(element, "IsFlags", False))
            elif tag == f"{_E}Action":
                model.operations.append(_operation(element, namespace, "action", names))
            elif tag == f"{_E}Function":
                model.operations.append(_operation(element, namespace, "function", names))
            elif tag == f"{_E}EntityContainer":
                model.container_name = element.get("Name")
                model.container_namespace = namespace
                for member in element:
                    if member.tag == f"{_E}EntitySet":
                        entity_set = _container_member(member, True, names)
                        model.entity_sets[entity_set.name] = entity_set
                    elif member.tag == f"{_E}Singleton":
                        singleton = _container_member(member, False, names)
                        model.singletons[singleton.name] = singleton
    return model


def load_csdl(path: Path) -> Model:
    """Read a CSDL file. Comments and whitespace are dropped while parsing.

    The parser is set explicitly, not left to library defaults that change
    between lxml versions: a metadata file comes from outside (a download, a
    pull request), and CSDL needs no DTD. So no entity is expanded
    (``resolve_entities``: no ``file:///etc/passwd`` read through XXE), no
    DTD or entity is fetched (``load_dtd``, ``no_network``), and libxml2 keeps
    its limits on depth and text size (``huge_tree=False``: Graph's CSDL nests
    a dozen levels). A document that declares a DTD at all, or breaks a
    limit (billion laughs, thousands of nested elements), is a
    :class:`ToolError` naming the file.
    """
    parser = etree.XMLParser(
        remove_comments=True,
        remove_blank_text=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        raise ToolError(f"{path}: not usable OData CSDL metadata: {error}") from error
    except OSError as error:
        raise ToolError(f"{path}: cannot read: {error}") from error
    if tree.docinfo.internalDTD is not None:
        raise ToolError(
            f"{path}: not usable OData CSDL metadata: it declares a DTD (<!DOCTYPE ... [...]>), which CSDL never"
            " needs; doclint expands no entities"
        )
    return parse_csdl(tree.getroot())
