"""HTTP requests aligned between a translation and its English page.

The request lines of the HTTP request section are a set: a translation may
list them in another order, and a placeholder may be named differently
(``{id}`` where English says ``{call-id}``) without saying anything else
about the API, so lines compare by method, path shape and query names.
Example requests align by their annotation name when both sides have one;
the examples module of this package aligns them by order and shape too,
and supersedes this where it is present.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from msgspec import Struct

from lint.model import HttpRequest, Page
from lint.rules.http import is_graph_request

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|<[^<>]*>")
#: Characters that mark a path segment as a value (an id, a key, an address), not a name.
_VALUE_MARK = re.compile(r"[0-9{}'\"@=:%<>]")


def syntax_requests(page: Page) -> list[HttpRequest]:
    """The request lines of the page's HTTP request section (its syntax block)."""
    return [request for request in page.requests if request.origin == "syntax"]


def _query_names(query: str) -> tuple[str, ...]:
    names = {name.strip().lower() for name, _ in parse_qsl(query.lstrip("?"), keep_blank_values=True)}
    return tuple(sorted(name for name in names if name))


def template_key(request: HttpRequest) -> tuple[str, str, tuple[str, ...]]:
    """What a request line says about the API: method, path with placeholders unnamed, query names.

    ``{id}`` and ``{call-id}`` are the same template; so are paths differing
    only in case or a trailing slash, which Graph does not tell apart.
    """
    path = _PLACEHOLDER.sub("{}", request.path.strip()).rstrip("/").lower()
    return request.method.upper(), path, _query_names(request.query)


def path_shape(path: str) -> tuple[str, ...]:
    """A path's segments with every value (id, key, placeholder) made ``{}``.

    Example requests carry sample ids that a translation may have replaced
    by placeholders, or the English by newer ones; only the names of the
    resources and the order in which they are walked are API facts.
    """
    segments = []
    for segment in path.strip("/").split("/"):
        head, paren, _ = segment.partition("(")
        if _VALUE_MARK.search(head) or len(head) >= 32:
            segments.append("{}")
        else:
            segments.append(head.lower() + ("(…)" if paren else ""))
    return tuple(segments)


def example_key(request: HttpRequest) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """What an example request says about the API: method, path shape, query names."""
    return request.method.upper(), path_shape(request.path), _query_names(request.query)


class LineDifference(Struct, frozen=True):
    """The request lines of one side that the other lacks.

    ``replaced`` pairs, in order, each translated line English lacks with an
    English line the translation lacks (the same place in the API, written
    differently); ``extra`` and ``missing`` hold the rest.
    """

    replaced: tuple[tuple[HttpRequest, HttpRequest], ...]
    extra: tuple[HttpRequest, ...]
    missing: tuple[HttpRequest, ...]


def compare_syntax(page: Page, english: Page) -> LineDifference:
    """The request lines of ``page``'s HTTP request section set against English's."""
    lines, english_lines = syntax_requests(page), syntax_requests(english)
    english_keys = {template_key(request) for request in english_lines}
    keys = {template_key(request) for request in lines}
    extra = [request for request in lines if template_key(request) not in english_keys]
    missing: list[HttpRequest] = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for request in english_lines:
        key = template_key(request)
        if key not in keys and key not in seen:
            seen.add(key)
            missing.append(request)
    count = min(len(extra), len(missing))
    return LineDifference(
        replaced=tuple(zip(extra[:count], missing[:count], strict=True)),
        extra=tuple(extra[count:]),
        missing=tuple(missing[count:]),
    )


def named_example_requests(page: Page) -> dict[str, HttpRequest]:
    """Example requests to Graph by annotation name (the first of each name)."""
    found: dict[str, HttpRequest] = {}
    for request in page.requests:
        if request.origin == "example" and is_graph_request(request) and request.annotation and request.annotation.name:
            found.setdefault(request.annotation.name, request)
    return found


def aligned_example_requests(page: Page, english: Page) -> list[tuple[HttpRequest, HttpRequest]]:
    """Example requests of the translation with the English example of the same annotation name."""
    english_named = named_example_requests(english)
    return [
        (request, english_named[name])
        for name, request in named_example_requests(page).items()
        if name in english_named
    ]
