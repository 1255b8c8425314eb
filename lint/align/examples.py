"""Which example of a translation stands for which example of its English page.

Graph names example requests in their annotations (``"name": "call-reject"``)
and translations keep the names, so a name both sides carry decides. Names
are not enough: notification payloads and other JSON examples are seldom
named, renderings drop annotations, and English renames examples after a
translation was made. Examples without a shared name are matched within
their kind (request, response, notification, other JSON), in document order,
first among those of the same shape (method and path with identifiers
blanked; ``@odata.type``), then by position, so that a renamed example still
aligns and an example whose path drifted is still compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from msgspec import Struct

from lint.lazy_pattern import lazy_compile
from lint.model import CodeBlock, HttpRequest, HttpResponse, JsonExample, Page, Span

ExampleKind = Literal["request", "response", "notification", "json"]

#: A path segment that identifies one object rather than naming a resource.
_IDENTIFIER_SEGMENT = lazy_compile(
    # "three digits anywhere" as ``(?:\D*\d){3}``: ``.*\d.*\d.*\d.*`` tried every split (cubic).
    r"""^(\{[^}]*\}|'[^']*'|"[^"]*"|\d+|[0-9a-fA-F-]{16,}|(?:[^\d\n]*+\d){3}.*|<[^>]*>|[^()]*\(.*\))$"""
)


_REQUEST_LINE = lazy_compile(r"\s*(GET|POST|PATCH|PUT|DELETE)\s+(\S+)")


def _request_block(block: CodeBlock, page: Page) -> bool:
    match = _REQUEST_LINE.match(block.text)
    if match is None or (block.annotation is not None and block.annotation.block_type not in ("request", "ignored")):
        return False
    section = page.section(block.section) if block.section else None
    if section is not None and section.role == "http-request":
        return False
    return block.annotation is not None or match.group(2).startswith("https://graph.microsoft")


def _path_of(url: str) -> str:
    path = re.sub(r"^https?://[^/]+", "", url).split("?")[0]
    return re.sub(r"^/(v1\.0|beta)(?=/)", "", path)


class ExampleUnit(Struct, frozen=True):
    """One example a reader sees: a request, a response, a notification or another JSON block."""

    kind: ExampleKind
    span: Span
    #: The annotation name (a response takes its request's when it has none).
    name: str | None
    #: What must agree for two unnamed examples to stand for each other.
    shape: str
    body: JsonExample | None
    #: Position among the page's examples of this kind.
    index: int
    message: HttpRequest | HttpResponse | None = None
    #: For a response, the index of the request it answers.
    owner: int | None = None

    def label(self) -> str:
        """How a finding names the example to a translator."""
        named = f" `{self.name}`" if self.name else ""
        if self.kind == "response" and isinstance(self.message, HttpResponse):
            return f"response{named} (`{self.message.status} {self.message.reason}`)".replace("  ", " ")
        if self.kind == "json":
            return f"JSON example{named}"
        return f"{self.kind} example{named}"


class ExampleAlignment(Struct, frozen=True):
    pairs: tuple[tuple[ExampleUnit, ExampleUnit], ...]
    #: English examples the translation has no counterpart for.
    missing: tuple[ExampleUnit, ...]
    #: Translated examples the English page has no counterpart for.
    extra: tuple[ExampleUnit, ...]
    english_units: tuple[ExampleUnit, ...]


def is_graph_request(request: HttpRequest) -> bool:
    """A request to Graph, not a notification a service posts to a bot's callback URL."""
    return request.host is None or "graph.microsoft" in request.host


def _example_request(request: HttpRequest) -> bool:
    """A request a reader sends: to Graph, or annotated as a request (an upload URL)."""
    annotated = request.annotation is not None and request.annotation.block_type == "request"
    return annotated or is_graph_request(request)


def path_shape(request: HttpRequest) -> str:
    """Method and path with identifiers blanked: ``POST /communications/calls/{}/reject``."""
    segments = []
    for segment in request.path.strip("/").split("/"):
        segment = segment.removeprefix("microsoft.graph.")
        segments.append("{}" if _IDENTIFIER_SEGMENT.match(segment) else segment.lower())
    return f"{request.method} /{'/'.join(segments)}"


def _odata_type(example: JsonExample) -> str:
    declared = example.annotation.odata_type if example.annotation else None
    if not declared and isinstance(example.value, dict):
        declared = example.value.get("@odata.type")
    return str(declared or "").lstrip("#").lower()


def example_units(page: Page) -> list[ExampleUnit]:
    """The page's examples in document order (syntax templates are not examples)."""
    units: list[ExampleUnit] = []
    counts: dict[str, int] = {}
    requests = [request for request in page.requests if request.origin == "example"]
    foreign_lines = [request.span.line for request in requests if not _example_request(request)]
    items: list[tuple[int, int, object]] = [(request.span.line, 0, request) for request in requests]
    items += [(response.span.line, 1, response) for response in page.responses]
    # A fence whose text is no JSON at all (an HTTP message under a `json` label) is no JSON example:
    # json-syntax reports it, and as an example it would only look lost or added.
    items += [
        (example.span.line, 2, example)
        for example in page.json_examples
        if example.origin == "json-fence" and (example.value is not None or example.error is not None)
    ]
    # A request in a fence without the `http` language (or marked "ignored" for the test tooling)
    # is still a request example a reader sees; the HTTP request section's templates are not.
    items += [(block.span.line, 0, block) for block in page.code_blocks if _request_block(block, page)]
    last_request: ExampleUnit | None = None

    def add(kind: ExampleKind, **fields: object) -> ExampleUnit:
        index = counts.get(kind, 0)
        counts[kind] = index + 1
        unit = ExampleUnit(kind=kind, index=index, **fields)  # type: ignore[arg-type]
        units.append(unit)
        return unit

    for line, _, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if isinstance(item, HttpRequest):
            if not _example_request(item):
                continue
            name = item.annotation.name if item.annotation else None
            last_request = add(
                "request", span=item.span, name=name, shape=path_shape(item), body=item.body, message=item
            )
        elif isinstance(item, CodeBlock):
            match = _REQUEST_LINE.match(item.text)
            if match is None:
                continue
            shape = path_shape(
                HttpRequest(match.group(1), match.group(2), _path_of(match.group(2)), item.span, "example")
            )
            name = item.annotation.name if item.annotation else None
            last_request = add("request", span=item.span, name=name, shape=shape, body=None)
        elif isinstance(item, HttpResponse):
            name = item.annotation.name if item.annotation and item.annotation.name else None
            owner = last_request
            add(
                "response",
                span=item.span,
                name=name or (owner.name if owner else None),
                shape=str(item.status),
                body=item.body,
                message=item,
                owner=owner.index if owner else None,
            )
        elif isinstance(item, JsonExample):
            odata_type = _odata_type(item)
            posted = any(0 < line - head <= 12 for head in foreign_lines)
            kind: ExampleKind = "notification" if posted or "notification" in odata_type else "json"
            add(
                kind,
                span=item.span,
                name=item.annotation.name if item.annotation else None,
                shape=odata_type,
                body=item,
            )
    return units


def align_examples(page: Page, english: Page) -> ExampleAlignment:
    """Match the translation's examples to the English page's (see the module docstring)."""
    mine, theirs = example_units(page), example_units(english)
    paired: dict[int, int] = {}  # id(unit position in mine) -> position in theirs

    def match(kinds: tuple[ExampleKind, ...], compatible: Callable[[ExampleUnit, ExampleUnit], bool]) -> None:
        taken = set(paired.values())
        floor = -1
        for position, unit in enumerate(mine):
            if unit.kind not in kinds:
                continue
            if position in paired:
                floor = max(floor, paired[position])
                continue
            candidates = [
                other
                for other, source in enumerate(theirs)
                if source.kind == unit.kind and other not in taken and compatible(unit, source)
            ]
            later = [other for other in candidates if other > floor]
            if later or candidates:
                chosen = (later or candidates)[0]
                paired[position] = chosen
                taken.add(chosen)
                floor = chosen

    def owner_of(unit: ExampleUnit, units: list[ExampleUnit]) -> int | None:
        if unit.owner is None:
            return None
        return next(i for i, other in enumerate(units) if other.kind == "request" and other.index == unit.owner)

    def answers_paired_request(unit: ExampleUnit, source: ExampleUnit) -> bool:
        mine_owner, their_owner = owner_of(unit, mine), owner_of(source, theirs)
        return mine_owner is not None and paired.get(mine_owner) == their_owner

    others: tuple[ExampleKind, ...] = ("request", "notification", "json")
    match(others, lambda unit, source: bool(unit.name) and unit.name == source.name)
    match(others, lambda unit, source: unit.shape == source.shape)
    match(("request",), lambda unit, source: True)
    match(("notification", "json"), lambda unit, source: True)
    match(("response",), answers_paired_request)
    match(("response",), lambda unit, source: bool(unit.name) and unit.name == source.name)
    match(("response",), lambda unit, source: unit.owner is None and source.owner is None)
    # A response whose request was renamed or lost on one side still shows its status and body.
    match(("response",), lambda unit, source: unit.shape == source.shape)
    pairs = tuple((mine[position], theirs[other]) for position, other in sorted(paired.items()))
    taken = set(paired.values())
    missing = tuple(unit for other, unit in enumerate(theirs) if other not in taken)
    extra = tuple(unit for position, unit in enumerate(mine) if position not in paired)
    return ExampleAlignment(pairs, missing, extra, tuple(theirs))
