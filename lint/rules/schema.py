"""Examples checked against the API itself: JSON Schemas and operations derived from its CSDL.

A JSON example that parses can still be wrong: a misspelt property, an enum
value in the wrong case, a path that exists in no API version. The schema
store for the page's API version (carried by doclint for Graph v1.0 and
beta, configured as ``[tool.doclint] schemas``, or built from ``metadata``)
is the authority. A page whose version has no store is not checked by these
rules, and ``schema-unavailable`` says so: a check that cannot run never
passes in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from msgspec.structs import replace

from lint.context import Context
from lint.diagnostic import Diagnostic
from lint.fix.values import code_span_fix, json_string_fix
from lint.lazy_pattern import lazy_compile
from lint.model import Annotation, Cell, HttpRequest, HttpResponse, JsonExample, Page, Span
from lint.parse.jsontext import absolute, locate, span_at
from lint.rules import Finding, rule
from lint.rules.english import english_body_names, english_row, english_syntax
from lint.rules.http import is_graph_request
from lint.rules.names import plain_name
from lint.schemas.messages import sentence, short_schema_path
from lint.schemas.nearmiss import UNDECLARED, undeclared_near_misses
from lint.schemas.operations import Operation
from lint.schemas.shape import (
    enum_members,
    is_open,
    match_case,
    nested_member_names,
    normalize_keys,
    properties,
    schema_of,
)
from lint.schemas.spelling import near_name
from lint.schemas.store import store_for
from lint.schemas.validate import SchemaError, SchemaStore

# Patterns of rarer paths are compiled on first use (re's cache), not by every check's import.
_COLLECTION = r"^Collection\((?P<type>[^)]+)\)$"
_BACKTICKED = lazy_compile(r"`([^`\s]+)`")
_WORD = r"[A-Za-z][A-Za-z0-9]*"


def _store(page: Page, context: Context, version: str | None = None) -> SchemaStore | None:
    return store_for(context.config, version or page.version)


def _resolve(store: SchemaStore, request: HttpRequest) -> Operation | None:
    try:
        return store.resolve(request.method, request.path)
    except (KeyError, ValueError):
        return None


def _validate(store: SchemaStore, ref: str, value: Any) -> list[SchemaError]:
    try:
        return store.validate(ref, value)
    except KeyError:
        return []


def _checked(store: SchemaStore, ref: str, value: Any) -> list[SchemaError]:
    """Schema errors, near-miss members of open types (``undeclared-member``), minus unknown-type echoes.

    A misspelt ``@odata.type`` is ``unknown-type``'s finding; the validator's
    "names neither ... nor a type derived from it" about the same value would
    report the one defect twice.
    """
    errors = [error for error in _validate(store, ref, value) if not _unknown_type_echo(store, value, error)]
    return errors + undeclared_near_misses(store, ref, value)


def _unknown_type_echo(store: SchemaStore, value: Any, error: SchemaError) -> bool:
    """An error that only repeats ``unknown-type``: the name itself, or an abstract type's missing subtype."""
    if error.keyword == "enum" and error.pointer.endswith("/@odata.type"):
        name = _value_at(value, error.pointer)
    elif error.keyword == "required" and "abstract" in error.message:
        owner = _value_at(value, error.pointer)
        name = owner.get("@odata.type") if isinstance(owner, dict) else None
    else:
        return False
    return isinstance(name, str) and _reported_unknown(store, name) is not None


def _request_checks(page: Page, context: Context) -> list[tuple[HttpRequest, Operation, list[SchemaError]]]:
    """Each example request body validated against its operation: once per page, shared by three rules."""
    return context.remember("schema.requests", lambda: list(_validate_requests(page, context)))


def _validate_requests(page: Page, context: Context) -> Iterator[tuple[HttpRequest, Operation, list[SchemaError]]]:
    for request in page.requests:
        body = request.body
        if request.origin != "example" or not is_graph_request(request) or body is None or body.value is None:
            continue
        store = _store(page, context, request.version)
        operation = _resolve(store, request) if store else None
        if store is None or operation is None or not operation.body_ref:
            continue
        value, written = _canonical_parameters(store, operation, body.value)
        errors = _checked(store, operation.body_ref, value)
        yield (
            request,
            operation,
            [_as_written(error, written) for error in errors if not _doc_placeholder(value, error)],
        )


def _canonical_parameters(store: SchemaStore, operation: Operation, value: Any) -> tuple[Any, dict[str, str]]:
    """Action parameters renamed to the CSDL's spelling, and the map back to the example's.

    The CSDL spells many parameters in PascalCase (``Comment``) while every
    example and the service use camelCase (``comment``): the service matches
    parameter names without regard to case, so doclint does too.
    """
    if operation.kind != "action" or not isinstance(value, dict):
        return value, {}
    declared = properties(schema_of(store, operation.body_ref or ""))
    renamed: dict[str, Any] = {}
    written: dict[str, str] = {}
    for key, item in value.items():
        name = match_case(declared, key) or key
        renamed[name] = item
        if name != key:
            written[name] = key
    return renamed, written


def _as_written(error: SchemaError, written: dict[str, str]) -> SchemaError:
    head, _, rest = error.pointer[1:].partition("/")
    if head not in written:
        return error
    return replace(error, pointer="/" + written[head] + ("/" + rest if rest else ""))


_PLACEHOLDER_TEXT = r"^(?:[\w.@-]+-value(?:-\d+)?|<[^<>]+>|\{[^{}]+\}|@odata\.type: [\w.]+)$"


def _doc_placeholder(value: Any, error: SchemaError) -> bool:
    """``"formulas-value"``, ``"<address>"``, ``"{id}"``: the older docs' placeholders for any value."""
    found = _value_at(value, error.pointer)
    return (
        isinstance(found, str)
        and bool(re.match(_PLACEHOLDER_TEXT, found))
        and error.keyword not in ("additionalProperties", UNDECLARED)
    )


def _response_type(response: HttpResponse, page: Page, store: SchemaStore) -> tuple[str | None, bool]:
    """The type a response body should have: its annotation's, else its request's operation's."""
    annotation = response.annotation
    if annotation is not None and annotation.odata_type:
        collection = annotation.raw.get("isCollection") is True
        return annotation.odata_type, collection
    before = [
        r for r in page.requests if r.origin == "example" and is_graph_request(r) and r.span.line < response.span.line
    ]
    if not before:
        return None, False
    operation = _resolve(store, before[-1])
    if operation is None or not operation.response_type:
        return None, False
    match = re.match(_COLLECTION, operation.response_type)
    return (match.group("type"), True) if match else (operation.response_type, False)


def _typed_examples(page: Page, context: Context) -> list[tuple[JsonExample, list[SchemaError]]]:
    """Response bodies and annotated JSON examples, each validated against the type it shows (once per page)."""
    return context.remember("schema.typed", lambda: list(_validate_typed_examples(page, context)))


def _validate_typed_examples(page: Page, context: Context) -> Iterator[tuple[JsonExample, list[SchemaError]]]:
    store = _store(page, context)
    if store is None:
        return
    for response in page.responses:
        body = response.body
        if body is None or body.value is None or not 200 <= response.status < 300:
            continue
        type_name, collection = _response_type(response, page, store)
        if type_name is None or not _known(store, type_name):
            continue
        errors = _validate_typed(store, type_name, collection, body.value, truncated=_truncated(response.annotation))
        yield body, [error for error in errors if not _doc_placeholder(body.value, error)]
    for example in page.json_examples:
        annotation = example.annotation
        if (
            annotation is None
            or not annotation.odata_type
            or example.value is None
            or not _known(store, annotation.odata_type)
        ):
            continue
        collection = annotation.raw.get("isCollection") is True
        yield example, _validate_typed(store, annotation.odata_type, collection, example.value, _truncated(annotation))


def _truncated(annotation: Any) -> bool:
    return annotation is not None and annotation.truncated


def _known(store: SchemaStore, type_name: str) -> bool:
    try:
        store.resolve_ref(type_name)
    except KeyError:
        return False
    return True


def _validate_typed(
    store: SchemaStore, type_name: str, collection: bool, value: Any, truncated: bool
) -> list[SchemaError]:
    """Validate a body; a collection is the ``{"value": [...]}`` envelope of its items.

    Many list pages annotate the item type without ``isCollection``: a body
    that is exactly such an envelope is read as one.
    """
    own_value = "value" in properties(schema_of(store, type_name))
    if (
        isinstance(value, dict)
        and isinstance(value.get("value"), list)
        and (collection or (_envelope_only(value) and not own_value))
    ):
        errors = [
            _prefixed(error, f"/value/{index}")
            for index, item in enumerate(value["value"])
            for error in _checked(store, type_name, item)
        ]
    elif not collection and not own_value and _wrapped_entity(value):
        # Older pages show one entity as {"value": {...}}: say so once, then check the entity.
        envelope = SchemaError(
            f"wraps a single {type_name}, which the API returns as the object itself, not wrapped in `value`",
            "/value",
            "(root)",
            "envelope",
        )
        errors = [envelope, *(_prefixed(error, "/value") for error in _checked(store, type_name, value["value"]))]
    else:
        errors = _checked(store, type_name, value)
    # A truncated example omits members on purpose: never judge it for completeness.
    return [error for error in errors if not (truncated and error.keyword == "required")]


def _wrapped_entity(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("value"), dict) and _envelope_only(value)


def _envelope_only(value: dict[str, Any]) -> bool:
    """Only ``value`` and OData annotations (``@odata.context``, ``@odata.nextLink`` ...)."""
    return all(key == "value" or key.startswith("@") for key in value)


def _prefixed(error: SchemaError, prefix: str) -> SchemaError:
    return replace(error, pointer=prefix + error.pointer)


def _is_top_level_extra(error: SchemaError) -> bool:
    return error.keyword == "additionalProperties" and error.pointer.count("/") == 1


def _describe(error: SchemaError) -> str:
    """Words first (``reason is "maybe", not one of ...``), then the schema path without its wrappers."""
    return f"{sentence(error.pointer, error.message)} (schema: {short_schema_path(error.schema_path)})"


@rule("DL501", tags=("schema", "json"))
def schema_invalid(page: Page, context: Context) -> Iterator[Finding]:
    """A JSON request body, response body or annotated example breaks the API's schema.

    Each error is reported at the offending value, with the schema path.
    Documentation placeholders (`"String"`, `"String (timestamp)"`, `"Guid"`
    ...) are accepted where their type is expected. Unknown top-level keys of
    a request body are `unknown-parameter`; enum values wrong only in case are
    `enum-case`.

    Bad::

        POST /communications/calls/{id}/reject
        { "reason": 3 }

    Good::

        { "reason": "busy" }
    """
    for request, _operation, errors in _request_checks(page, context):
        assert request.body is not None
        for error in errors:
            if error.suggestion is None and not _is_top_level_extra(error) and error.keyword != UNDECLARED:
                yield Finding(
                    span_at(request.body, error.pointer),
                    _describe(error),
                    context=f"{request.path} {error.pointer} {error.keyword}",
                )
    for example, errors in _typed_examples(page, context):
        for error in errors:
            if error.suggestion is None and error.keyword != UNDECLARED:
                yield Finding(
                    span_at(example, error.pointer),
                    _describe(error),
                    context=f"{example.origin} {error.pointer} {error.keyword}",
                )


def _enum_value_findings(page: Page, example: JsonExample, errors: list[SchemaError]) -> Iterator[Finding]:
    for error in errors:
        if error.suggestion is not None:
            value = _value_at(example.value, error.pointer)
            fixable = page.format == "markdown" and isinstance(value, str) and value.lower() == error.suggestion.lower()
            yield Finding(
                span_at(example, error.pointer),
                f"`{error.pointer}` is {value!r}, which matches the enum member "
                f"`{error.suggestion}` only when case is ignored; the API is case-sensitive",
                context=f"{error.pointer} {error.suggestion}",
                fix=json_string_fix(example, error.pointer, value, error.suggestion) if fixable else None,
            )


def _value_at(value: Any, pointer: str) -> Any:
    for part in [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]:
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return None
    return value


def page_operation(page: Page, context: Context) -> tuple[SchemaStore, Operation] | None:
    """The operation a REST page documents: its first syntax (else example) request that resolves with a body."""
    return context.remember("schema.operation", lambda: _find_page_operation(page, context))


def _find_page_operation(page: Page, context: Context) -> tuple[SchemaStore, Operation] | None:
    store = _store(page, context)
    if store is None:
        return None
    for origin in ("syntax", "example"):
        for request in page.requests:
            if request.origin == origin and is_graph_request(request):
                operation = _resolve(store, request)
                if operation is not None and operation.body_ref:
                    return store, operation
    return None


@rule("DL503", severity="warning", tags=("schema", "enum", "translation"), fixable="safe")
def enum_case(page: Page, context: Context) -> Iterator[Finding]:
    """A value, or a parameter table, spells an enum member in another case than the API.

    Enum members are case-sensitive: `"Busy"` is rejected where the API
    defines `busy`. A value in an example is a warning naming the member; a
    parameter table that lists the possible values in another case is info
    (readers copy those spellings).

    Bad::

        |reason|String|Possible values are `None`, `Busy` and `Forbidden`|
        { "reason": "Busy" }

    Good::

        |reason|String|Possible values are `none`, `busy` and `forbidden`|
        { "reason": "busy" }

    Fixable (safe): ``--fix`` writes the API's spelling over a JSON string
    written plainly (``"Busy"``) and over the code spans of the table cell
    (`` `Busy` ``); bare words are left, since they may be prose. A
    translation that repeats its English page's spelling is told to fix the
    English page (an inherited finding carries no fix); the translation
    follows from there.
    """
    for request, _operation, errors in _request_checks(page, context):
        assert request.body is not None
        yield from _enum_value_findings(page, request.body, errors)
    for example, errors in _typed_examples(page, context):
        yield from _enum_value_findings(page, example, errors)
    found = page_operation(page, context)
    if found is None:
        return
    store, operation = found
    members_of = properties(schema_of(store, operation.body_ref or ""))
    english_names = next(iter(english_body_names(context)), [])
    for table in page.tables_of("body-parameters"):
        for index, row in enumerate(table.rows):
            if len(row.cells) < 2:
                continue
            name = match_case(members_of, plain_name(row.cells[0].text))
            if name is None and index < len(english_names):
                # A translated row name: the English table's row at the same place says which parameter it is.
                name = match_case(members_of, english_names[index])
            members = enum_members(store, members_of.get(name)) if name else []
            if members:
                yield from _table_enum_case(page, row.cells[-1], members, name or "")


def _table_enum_case(page: Page, cell: Cell, members: list[str], parameter: str) -> Iterator[Finding]:
    text = cell.text
    quoted = _BACKTICKED.findall(text)
    if quoted:
        listed = [value for value in quoted if match_case(members, value)]
    else:
        # Renderings drop backticks: bare words count only when several name members.
        listed = [word for word in re.findall(_WORD, text) if match_case(members, word)]
        if len(listed) < 2:
            return
    wrong = [value for value in dict.fromkeys(listed) if value not in members]
    if not wrong:
        return
    shown = ", ".join(f"`{value}`" for value in wrong)
    right = ", ".join(f"`{match_case(members, value)}`" for value in wrong)
    respelled = {value: match_case(members, value) or value for value in wrong}
    yield Finding(
        cell.span,
        f"the `{parameter}` row lists {shown}, but the API's values are {right} (enum values are case-sensitive)",
        context=f"{parameter} {shown}",
        severity="info",
        # Bare words (a rendering without backticks) may be prose: only code spans are respelled.
        fix=code_span_fix(cell, respelled) if quoted and page.format == "markdown" else None,
    )


@rule("DL504", tags=("schema", "paths", "translation"))
def unknown_path(page: Page, context: Context) -> Iterator[Finding]:
    """A request's path resolves to no operation of the page's API version.

    The path is matched against the entity sets, singletons, navigation
    properties and bound actions of the API's metadata; key values and
    placeholders match any key. A path that exists only with other methods
    is reported with the methods it allows.

    Bad (no API version has calls under applications)::

        POST /applications/{id}/calls/{id}/reject

    Good::

        POST /communications/calls/{id}/reject
    """
    for request in page.requests:
        # "/.../" stands for any depth of nesting: a pattern, not a path to resolve.
        if not is_graph_request(request) or "/.../" in request.path:
            continue
        version = request.version or page.version
        store = _store(page, context, version)
        if store is None or _resolve(store, request) is not None or _workbook_function_post(store, request):
            continue
        try:
            allowed = sorted(store.operations.methods(request.path))
        except (KeyError, ValueError):
            allowed = []
        unknown = _unknown_operation(store, request.path)
        if unknown is not None:
            what, hint = unknown
            message = f"`{request.method} {request.path}`: {what} in the {version} API{hint}"
        elif allowed:
            message = (
                f"`{request.method} {request.path}`: the {version} API allows only {', '.join(allowed)} on this path"
            )
        else:
            message = f"`{request.method} {request.path}` matches no operation of the {version} API"
        yield Finding(
            request.span, message, related=english_syntax(context), context=f"{request.method} {request.path} {version}"
        )


_OPERATION_NAME = r"^(?:[A-Za-z]\w*\.)*[A-Za-z][A-Za-z0-9]*(?:\(.*\))?$"
_CAMEL_CASE = r"^[a-z]+[A-Z][A-Za-z]*$"


def _unknown_operation(store: SchemaStore, path: str) -> tuple[str, str] | None:
    """What to say (and the "did you mean" hint) when the last segment names an operation the API lacks.

    Without this, an unknown action after a collection reads as a key, and the
    writer is told which methods a single item allows. The last segment is
    taken for an operation name when it is near one bound there, is
    namespace-qualified (``microsoft.graph.x``), or is camelCase
    (``updatePriorities``): keys are ``{id}``, GUIDs, numbers or addresses.
    """
    parent, _, last = path.split("?", 1)[0].rstrip("/").rpartition("/")
    if not parent or not re.match(_OPERATION_NAME, last):
        return None
    try:
        found = store.operations.bound_at(parent)
    except (KeyError, ValueError):
        found = None
    if found is None:
        return None
    where, bound = found
    name = last.partition("(")[0]
    namespace, _, short = name.rpartition(".")
    if namespace:
        qualified = store.operations.qualify(name).lower()
        if any(qualified == known.lower() for known in bound):
            return None  # a real operation, used with another method: the methods message says so
        meant = next((known for known in bound if known.rpartition(".")[2].lower() == short.lower()), None)
        meant = meant or near_name(name, bound)
        if meant is None and not namespace.casefold().startswith("microsoft"):
            return None  # a key with dots in it (a domain name), not an operation
    else:
        shorts = sorted({known.rpartition(".")[2] for known in bound})
        if any(short.lower() == known.lower() for known in shorts):
            return None
        meant = near_name(short, shorts)
        if meant is None and not re.match(_CAMEL_CASE, short):
            return None
    hint = f" (did you mean `{meant}`?)" if meant else ""
    if where.startswith("Collection("):
        return f"`{name}` is not an action or function bound to {where}", hint
    # After a single item the segment may also have been meant as a navigation property.
    return f"`{name}` is neither a property nor an action or function of {where}", hint


def _workbook_function_post(store: SchemaStore, request: HttpRequest) -> bool:
    """Excel workbook functions (``range/row``, ``itemAt``) are documented, and served, with POST."""
    if request.method != "POST" or "/workbook/" not in request.path:
        return False
    try:
        operation = store.resolve("GET", request.path)
    except (KeyError, ValueError):
        return False
    return operation is not None and operation.kind == "function"


@rule("DL505", tags=("schema", "params", "translation"))
def unknown_parameter(page: Page, context: Context) -> Iterator[Finding]:
    """A request-body table row or example key names a parameter the operation does not accept.

    Translated parameter names are the usual cause: the API knows `reason`,
    not `причиной`. Types open to any member are not judged.

    Bad::

        |причиной|String|Причина отклонения.|

    Good::

        |reason|String|Причина отклонения.|
    """
    for request, operation, errors in _request_checks(page, context):
        assert request.body is not None
        for error in errors:
            if _is_top_level_extra(error):
                case = error.member
                if case:
                    hint = f" (the API's member is `{case}`; member names are case-sensitive)"
                else:
                    hint = f" (did you mean `{error.near}`?)" if error.near else ""
                target = operation.name or operation.template
                yield Finding(
                    span_at(request.body, error.pointer),
                    f"example key `{error.pointer[1:]}` is not accepted by {target}{hint}",
                    context=f"key {error.pointer}",
                )
    found = page_operation(page, context)
    if found is None:
        return
    store, operation = found
    derived = _example_type(page, store) if operation.kind != "action" else None
    body = schema_of(store, derived or operation.body_ref or "")
    if not body or is_open(body):
        return
    members = properties(body)
    nested: set[str] | None = None
    for table in page.tables_of("body-parameters"):
        for row in table.rows:
            name = plain_name(row.cells[0].text) if row.cells else ""
            if not name or name.startswith("@") or match_case(members, name):
                continue
            if nested is None:
                nested = nested_member_names(store, body)
            if match_case(nested, name):
                continue  # the table describes a parameter's object, one level down
            accepted = ", ".join(f"`{member}`" for member in members)
            meant = near_name(name, members)
            hint = f"did you mean `{meant}`? " if meant else ""
            yield Finding(
                row.cells[0].span,
                f"`{name}` is not a parameter of {operation.name or operation.template} ({hint}it accepts {accepted})",
                related=english_row(context, page, name),
                context=f"row {name}",
            )


@rule("DL502", tags=("schema", "powershell"), formats=("platyps",))
def powershell_example_invalid(page: Page, context: Context) -> Iterator[Finding]:
    """A cmdlet example's `$params` hashtable breaks the body schema of the cmdlet's operation.

    Keys are matched to the API's members ignoring case, as PowerShell
    treats them (`ReplacesCallId` is `replacesCallId`); values are then
    validated like a JSON request body.

    Bad::

        $params = @{ Reason = "maybe" }

    Good::

        $params = @{ Reason = "busy" }
    """
    cmdlet = page.cmdlet
    if cmdlet is None or not cmdlet.operation_method or not cmdlet.operation_path:
        return
    store = _store(page, context)
    if store is None:
        return
    try:
        operation = store.resolve(cmdlet.operation_method, cmdlet.operation_path)
    except (KeyError, ValueError):
        operation = None
    if operation is None or not operation.body_ref:
        return
    body_schema = store.defs.get(store.resolve_ref(operation.body_ref)) if _known(store, operation.body_ref) else None
    if body_schema is None:
        return
    for example in cmdlet.examples:
        for params in example.params:
            if params.value is None:
                continue
            value = normalize_keys(store, body_schema, params.value)
            positions = _hashtable_positions(params)  # once per hashtable, not once per error
            for error in _validate(store, operation.body_ref, value):
                if _computed(value, error.pointer):
                    continue
                yield Finding(
                    _hashtable_position(params, positions, error.pointer),
                    f"{example.title}: {_describe(error)}",
                    context=f"{example.title} {error.pointer} {error.keyword}",
                )


def _example_type(page: Page, store: SchemaStore) -> str | None:
    """The derived type the page's request examples create or update (their ``@odata.type``)."""
    for request in page.requests:
        body = request.body
        if (
            request.origin == "example"
            and is_graph_request(request)
            and body is not None
            and isinstance(body.value, dict)
        ):
            odata = body.value.get("@odata.type")
            if isinstance(odata, str) and _known(store, odata.lstrip("#")):
                return odata.lstrip("#")
    return None


def _hashtable_positions(params: JsonExample) -> dict[str, tuple[int, int]]:
    """Line and column of every key and element of the hashtable, by lower-cased pointer.

    Built once per hashtable: rebuilt for each error, a hashtable of thousands
    of wrong keys took quadratic time.
    """
    return {name.lower(): (line, column) for name, line, column in params.positions}


def _hashtable_position(params: JsonExample, known: dict[str, tuple[int, int]], pointer: str) -> Span:
    """Where the member or element at ``pointer`` starts in the hashtable source.

    The converter recorded the position of every key and element as written;
    keys are compared without regard to case (validation sees the API's
    spelling). An unknown pointer falls back to its nearest known parent.
    """
    probe = pointer.lower()
    while probe:
        if probe in known:
            line, column = known[probe]
            return Span(params.span.path, line, column, line)
        probe = probe.rpartition("/")[0]
    return params.span


_COMPUTED = r"^(?:\$|\(|\[[\w.]+\]::)"


def _computed(value: Any, pointer: str) -> bool:
    """A value PowerShell computes at run time (``$reason``, ``(Get-Date)``, ``[DateTime]::Parse(...)``).

    The converter keeps such values as their source text: they cannot be judged.
    """
    found = _value_at(value, pointer)
    return isinstance(found, str) and bool(re.match(_COMPUTED, found))


@rule("DL509", severity="info", tags=("schema",))
def schema_unavailable(page: Page, context: Context) -> Iterator[Finding]:
    """A page has examples or paths to check, but no schema store covers its API version.

    The schema rules then cannot judge it: this finding (once per page and
    version, and a note on stderr once per run) says so, instead of letting
    the page pass as if it had been checked. doclint carries stores for
    Graph `v1.0` and `beta`; a page's version comes from its path (`.../v1.0/...`)
    or from the URLs of its requests. Point `[tool.doclint] metadata` at the
    CSDL of any other version.

    Bad (a page under `docs/api/`, whose requests name no version)::

        POST /communications/calls/{id}/reject

    Good (the page lives under `docs/v1.0/api/`, or its examples name the version)::

        POST https://graph.microsoft.com/v1.0/communications/calls/{id}/reject
    """
    for version, span in _checkable_versions(page).items():
        if store_for(context.config, version) is not None:
            continue
        if version is None:
            message = (
                f"{_UNKNOWN_VERSION}: neither the page's path nor its requests name v1.0 or beta, "
                "so its examples and paths are not checked against the API's schema"
            )
        else:
            message = (
                f"{_NO_STORE} `{version}`: its examples and paths are not checked against the API's schema "
                f"(name its CSDL in `[tool.doclint] metadata`)"
            )
        yield Finding(span, message, context=f"version {version}")


_UNKNOWN_VERSION = "the page's API version is unknown"
_NO_STORE = "no schema store for API version"
_NOTE_VERSION = re.escape(_NO_STORE) + r" `([^`]+)`"


def _checkable_versions(page: Page) -> dict[str | None, Span]:
    """Each API version the schema rules would check something of, with the first such place."""
    found: dict[str | None, Span] = {}
    for request in page.requests:
        if is_graph_request(request) and "/.../" not in request.path:
            found.setdefault(request.version or page.version, request.span)
    for response in page.responses:
        if response.body is not None and response.body.value is not None:
            found.setdefault(page.version, response.body.span)
    for example in page.json_examples:
        if example.annotation is not None and example.annotation.odata_type and example.value is not None:
            found.setdefault(page.version, example.span)
    cmdlet = page.cmdlet
    if cmdlet is not None and cmdlet.operation_path:
        found.setdefault(page.version, Span(page.path, 1, 1, 1))
    return found


def unavailable_note(diagnostics: Iterable[Diagnostic]) -> str | None:
    """The once-per-run stderr note for the run's ``schema-unavailable`` findings, if any."""
    pages: set[str] = set()
    versions: set[str] = set()
    for item in diagnostics:
        if item.name == "schema-unavailable":
            pages.add(item.path)
            found = re.match(_NOTE_VERSION, item.message)
            versions.add(found.group(1) if found else "unknown")
    if not pages:
        return None
    count = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
    return (
        f"doclint: note: the schema rules did not check {count}: no schema store for API version "
        f"{', '.join(sorted(versions))} (see the schema-unavailable findings)"
    )


@rule("DL506", tags=("schema", "json"))
def unknown_type(page: Page, context: Context) -> Iterator[Finding]:
    """An `@odata.type`, in a JSON example or an annotation comment, names no type of the API.

    A misspelt type silently switches the example's validation off (no
    schema to check it against) and misleads readers who copy it. The
    finding names the closest real type.

    Bad::

        "@odata.type": "#microsoft.graph.commsNotificationz"

    Good::

        "@odata.type": "#microsoft.graph.commsNotification"
    """
    if not any(_unknown_in(context, version, name) for version, name in _odata_type_names(page)):
        return  # the usual case: no need to locate every value in the examples' text
    for version, name, span in _odata_type_uses(page):
        store = store_for(context.config, version)
        checked = _unknown_in(context, version, name)
        if store is None or checked is None:
            continue
        meant = near_name(checked, _type_names(store))
        if meant is not None and meant.casefold() == checked.casefold():
            message = f"`@odata.type` names `{checked}`, but the {version} API spells the type `{meant}`"
        else:
            hint = f" (did you mean `{meant}`?)" if meant else ""
            message = f"`@odata.type` names `{checked}`, which is not a type of the {version} API{hint}"
        yield Finding(span, message, context=f"type {checked}")


@rule("DL507", severity="warning", tags=("schema", "json"))
def undeclared_member(page: Page, context: Context) -> Iterator[Finding]:
    """A member of an open type is a near miss of a declared member: a typo the schema cannot catch.

    Open types (a quarter of Graph's complex types) accept members they do
    not declare, so `clientContxt` on a `call` passes validation. A member
    that is not declared but differs from a declared one only by case or by
    one or two letters is reported, naming the member meant. OData
    annotations (`@odata.*`, `@microsoft.graph.*`) and members of derived
    types are not judged.

    Bad::

        { "clientContxt": "d45324c1-fcb5-430a-902c-f20af696537c" }

    Good::

        { "clientContext": "d45324c1-fcb5-430a-902c-f20af696537c" }
    """
    for request, _operation, errors in _request_checks(page, context):
        assert request.body is not None
        yield from _undeclared_findings(request.body, errors)
    for example, errors in _typed_examples(page, context):
        yield from _undeclared_findings(example, errors)


def _undeclared_findings(example: JsonExample, errors: list[SchemaError]) -> Iterator[Finding]:
    for error in errors:
        if error.keyword == UNDECLARED:
            yield Finding(
                span_at(example, error.pointer),
                sentence(error.pointer, error.message),
                context=f"{error.pointer} {error.member}",
            )


_COLLECTION_OF = lazy_compile(r"^Collection\((?P<inner>[^()]+)\)$")
_TYPE_NAME = lazy_compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$")


def _type_name_to_check(name: str) -> str | None:
    """The qualified type name an `@odata.type` value names, or None for what is not a type name to judge.

    ``#`` and ``Collection(...)`` are peeled; Edm primitives, placeholders
    (``{type}``, ``<type>``, ``String``) and ``microsoft.graph.None`` are not judged.
    """
    text = name.strip().lstrip("#")
    collection = _COLLECTION_OF.match(text)
    if collection:
        text = collection.group("inner").strip()
    if text.startswith("Edm.") or not _TYPE_NAME.match(text) or text.rpartition(".")[2].lower() == "none":
        return None  # "microsoft.graph.None": the docs' way of saying that a response has no body
    return text


def _reported_unknown(store: SchemaStore, name: str) -> str | None:
    """The type name ``unknown-type`` reports for an `@odata.type` value, or None if it is fine or not judged.

    Names in a namespace the API does not have (``Microsoft.OutlookServices.*``,
    ``oneDrive.error``: services' internal names that some responses show) are
    not judged; a known namespace in another case (``Microsoft.Graph.channel``) is.
    """
    checked = _type_name_to_check(name)
    if checked is None or _type_known(store, checked):
        return None
    return checked if checked.rpartition(".")[0].casefold() in _namespaces(store) else None


def _type_known(store: SchemaStore, name: str) -> bool:
    try:
        key = store.resolve_ref(name.lstrip("#"))
    except KeyError as error:
        return "ambiguous" in str(error)
    return not key.startswith(("action:", "function:"))


@lru_cache(maxsize=4)
def _type_names(store: SchemaStore) -> list[str]:
    return [key for key in store.defs if not key.startswith(("action:", "function:"))]


@lru_cache(maxsize=4)
def _namespaces(store: SchemaStore) -> frozenset[str]:
    """The API's namespaces and aliases, case-folded: `Microsoft.Graph.channel` is the API's name misspelt."""
    names = {key.rpartition(".")[0] for key in _type_names(store)}
    names.update(store.document.get("x-aliases", {}))
    return frozenset(name.casefold() for name in names)


def _unknown_in(context: Context, version: str | None, name: str) -> str | None:
    """The type name ``unknown-type`` reports for ``name`` in ``version``'s store, if it has one."""
    store = store_for(context.config, version)
    return _reported_unknown(store, name) if store is not None else None


def _annotations(page: Page) -> Iterator[tuple[Annotation, str]]:
    """Each annotation comment that names an `@odata.type`, with the name."""
    for annotation in (
        *(request.annotation for request in page.requests),
        *(response.annotation for response in page.responses),
        *(example.annotation for example in page.json_examples),
    ):
        if annotation is not None and annotation.odata_type:
            yield annotation, annotation.odata_type


def _typed_bodies(page: Page) -> Iterator[tuple[str | None, JsonExample]]:
    """Each parsed example body that mentions `@odata.type`, with the API version it is read against."""
    bodies: list[tuple[str | None, JsonExample]] = [
        (request.version or page.version, request.body) for request in page.requests if request.body is not None
    ]
    bodies += [(page.version, response.body) for response in page.responses if response.body is not None]
    bodies += [(page.version, example) for example in page.json_examples]
    for version, example in bodies:
        if example.value is not None and "@odata.type" in example.text:
            yield version, example


def _odata_type_names(page: Page) -> Iterator[tuple[str | None, str]]:
    """Each `@odata.type` the page states, as (API version, the name as written), without locating it."""
    for _, name in _annotations(page):
        yield page.version, name
    for version, example in _typed_bodies(page):
        for _, name in _odata_type_values(example.value, ""):
            yield version, name


def _odata_type_uses(page: Page) -> Iterator[tuple[str | None, str, Span]]:
    """Each `@odata.type` the page states: (API version, the name as written, where the name stands)."""
    seen: set[tuple[int, int]] = set()
    for annotation, name in _annotations(page):
        if (annotation.span.line, annotation.span.column) not in seen:
            seen.add((annotation.span.line, annotation.span.column))
            yield page.version, name, annotation.span
    for version, example in _typed_bodies(page):
        for pointer, name in _odata_type_values(example.value, ""):
            span = _value_span(example, pointer)
            if (span.line, span.column) not in seen:
                seen.add((span.line, span.column))
                yield version, name, span


def _odata_type_values(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            where = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            if key == "@odata.type" and isinstance(item, str):
                yield where, item
            else:
                yield from _odata_type_values(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _odata_type_values(item, f"{pointer}/{index}")


def _value_span(example: JsonExample, pointer: str) -> Span:
    """Where the value at ``pointer`` starts (``span_at`` gives a member's key)."""
    found = locate(example.text).get(pointer)
    if found is None:
        return example.span
    line, column = absolute(example.span, example.span.column, found.line, found.column)
    return Span(example.span.path, line, column, line)
