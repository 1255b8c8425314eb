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

from functools import lru_cache
from urllib.parse import parse_qsl

from msgspec import Struct

from lint.lazy_pattern import lazy_compile
from lint.model import HttpRequest, Page
from lint.rules.http import is_graph_request

#: Characters that mark a path segment as a value (an id, a key, an address), not a name.
_VALUE_MARK = lazy_compile(r"[0-9{}'\"@=%<>]")
#: What a literal segment has when it is a sample value (``contoso.com``, a GUID), not a name.
_SAMPLE_MARK = lazy_compile(r"[.\-]")
VALUE = "{}"


def syntax_requests(page: Page) -> list[HttpRequest]:
    """The request lines of the page's HTTP request section (its syntax block)."""
    return [request for request in page.requests if request.origin == "syntax"]


def _query_names(query: str) -> tuple[str, ...]:
    names = {name.strip().lower() for name, _ in parse_qsl(query.lstrip("?"), keep_blank_values=True)}
    return tuple(sorted(name for name in names if name))


@lru_cache(maxsize=16384)
def path_shape(path: str) -> tuple[str, ...]:
    """A path's segments, in lower case, with every value (id, key, placeholder) made ``{}``.

    ``{id}`` and ``{call-id}`` are the same segment; so are a sample id and a
    placeholder. The colons of path addressing (``root:/{item-path}:``) and
    a function's arguments (``range(address='A1')``) are left aside: only
    the names of the resources and the order they are walked are API facts.

    Cached: drift rules compare every request line of a translation with
    every one of its English page (112,048 calls on the four-locale corpus
    for a few thousand distinct paths).
    """
    segments = []
    for segment in path.strip().strip("/").split("/"):
        head, paren, _ = segment.replace(":", "").partition("(")
        if _VALUE_MARK.search(head) or len(head) >= 32:
            segments.append(VALUE)
        else:
            segments.append(head.lower() + ("(…)" if paren else ""))
    return tuple(segments)


def _segments_match(segment: str, other: str) -> bool:
    if segment == other:
        return True
    # A literal sample value (`contoso.com`) where the other side has a placeholder.
    return (segment == VALUE and bool(_SAMPLE_MARK.search(other))) or (
        other == VALUE and bool(_SAMPLE_MARK.search(segment))
    )


def same_request(request: HttpRequest, other: HttpRequest) -> bool:
    """Whether two request lines say the same about the API: method, path shape, query names.

    Placeholder names (``{id}``, ``{call-id}``), sample ids, case and a
    trailing slash are no difference; another resource, another method or
    another query parameter is.
    """
    shape, other_shape = path_shape(request.path), path_shape(other.path)
    return (
        request.method.upper() == other.method.upper()
        and len(shape) == len(other_shape)
        and all(_segments_match(a, b) for a, b in zip(shape, other_shape, strict=True))
        and _query_names(request.query) == _query_names(other.query)
    )


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
    """The request lines of ``page``'s HTTP request section set against English's.

    A translated line English lacks is paired with the English line the
    translation lacks that is most like it (the same operation on another
    path, most often), so that a reviewer reads one finding, not two.
    """
    lines, english_lines = syntax_requests(page), syntax_requests(english)
    extra = [line for line in lines if not any(same_request(line, source) for source in english_lines)]
    missing: list[HttpRequest] = []
    for source in english_lines:
        if not any(same_request(line, source) for line in lines) and not any(
            same_request(source, seen) for seen in missing
        ):
            missing.append(source)
    replaced: list[tuple[HttpRequest, HttpRequest]] = []
    for line in list(extra):
        best = max(missing, key=lambda source: _likeness(line, source), default=None)
        if best is not None and _likeness(line, best) >= 0.5:
            replaced.append((line, best))
            extra.remove(line)
            missing.remove(best)
    return LineDifference(replaced=tuple(replaced), extra=tuple(extra), missing=tuple(missing))


def _likeness(line: HttpRequest, source: HttpRequest) -> float:
    from difflib import SequenceMatcher  # only when two pages disagree

    method = 0.0 if line.method.upper() == source.method.upper() else 0.2
    return SequenceMatcher(None, path_shape(line.path), path_shape(source.path)).ratio() - method


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
