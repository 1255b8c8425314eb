"""Turn the text of an HTTP code block into requests and responses.

Shared by every format parser: a Markdown fence, an HTML ``<pre>`` and a run
of bare lines in a text rendering all hold the same HTTP messages, and must
give the same model so that the Markdown and HTML forms of a page agree.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from msgspec import Struct

from lint.model import (
    Annotation,
    Header,
    HttpRequest,
    HttpResponse,
    JsonExample,
    RequestOrigin,
    Span,
)
from lint.parse.jsontext import parse_json

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

#: Code block languages that hold HTTP messages. Graph pages put an example
#: request the reader can run in Graph Explorer ("Try it") in a
#: ``msgraph-interactive`` fence; it is an HTTP request like any ``http`` one.
HTTP_LANGUAGES = frozenset({"http", "msgraph-interactive"})

# Written so that no two quantifiers compete for the same spaces: the lazy
# forms these replace took seconds on one long line of blanks.
REQUEST_LINE = re.compile(r"^(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?P<target>\S(?:.*\S)?)[ \t]*$")
# Starts only at the first blank of a run: from every blank the run would be rescanned.
_HTTP_VERSION_SUFFIX = re.compile(r"(?<![ \t])[ \t]+HTTP/\d(?:\.\d)?$")
STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)?[ \t]+(?P<status>[1-5]\d\d)(?:[ \t]+(?P<reason>\S(?:.*\S)?))?[ \t]*$")
HEADER_LINE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]*:(?P<value>.*)$")

#: API versions as they appear as the first path segment of a Graph URL.
VERSION_SEGMENT = re.compile(r"^/(?P<version>v1\.0|beta|\{version\})(?=/|$)", re.IGNORECASE)


class Target(Struct, frozen=True):
    """A request target split into host, API version, path and query."""

    host: str | None
    version: str | None
    path: str
    query: str


def split_target(url: str) -> Target:
    """Split ``https://graph.microsoft.com/beta/me/events?$top=1``.

    Path templates keep their ``{placeholders}``; a relative target
    (``/me/events``) has no host; the version prefix is removed from the path
    so that the same operation has the same path in every API version.
    """
    host: str | None = None
    rest = url.strip()
    if "://" in rest:
        try:
            parts = urlsplit(rest)
        except ValueError:
            # A malformed authority (``https://[::1/x``, an unclosed IPv6 bracket) is still a request:
            # its host is kept as written, which no Graph host matches (the rules treat it as another service).
            authority, slash, after = rest.partition("://")[2].partition("/")
            host, rest = authority.lower(), slash + after
        else:
            host = parts.hostname
            rest = parts.path + (("?" + parts.query) if parts.query else "")
    elif rest.startswith("graph.microsoft.com/"):
        host, rest = "graph.microsoft.com", rest[len("graph.microsoft.com") :]
    path, _, query = rest.partition("?")
    version = None
    match = VERSION_SEGMENT.match(path)
    if match:
        version = match.group("version").lower()  # the service accepts /V1.0/ as /v1.0/
        path = path[match.end() :] or "/"
        if version == "{version}":
            version = None
    return Target(host=host, version=version, path=path, query=query)


class HttpBlock(Struct, frozen=True):
    """What one code block held."""

    requests: tuple[HttpRequest, ...]
    responses: tuple[HttpResponse, ...]
    #: True when nothing in the block looked like an HTTP message.
    empty: bool


def _is_body_start(line: str) -> bool:
    return line.lstrip()[:1] in ("{", "[", "<", '"')


def parse_http_block(
    lines: list[str],
    *,
    path: str,
    first_line: int,
    column: int = 1,
    origin: RequestOrigin,
    annotation: Annotation | None = None,
    section: str | None = None,
    block: Span | None = None,
) -> HttpBlock:
    """Parse the lines of one HTTP block.

    ``first_line`` is the 1-based file line of ``lines[0]``; ``column`` the
    1-based column at which each line's text starts (indented fences).

    A syntax block may list several request lines (one per way of addressing
    the resource). An example holds one message: a request or status line,
    headers, a blank line, then the body. Bodies that look like JSON are
    parsed with positions.
    """
    if origin == "syntax":
        requests = []
        for index, line in enumerate(lines):
            match = REQUEST_LINE.match(line.strip())
            if not match:
                continue
            indent = len(line) - len(line.lstrip())
            span = Span(path, first_line + index, column + indent, first_line + index)
            requests.append(_request(match, span, (), None, origin, annotation, section, block))
        if requests:
            return HttpBlock(tuple(requests), (), False)
        # A syntax block whose lines are not bare request lines may still hold
        # a whole example message; fall through and read it as one.
    return _parse_message(
        lines,
        path=path,
        first_line=first_line,
        column=column,
        origin=origin,
        annotation=annotation,
        section=section,
        block=block,
    )


def _parse_message(
    lines: list[str],
    *,
    path: str,
    first_line: int,
    column: int,
    origin: RequestOrigin,
    annotation: Annotation | None,
    section: str | None,
    block: Span | None,
) -> HttpBlock:
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        return HttpBlock((), (), True)
    start_text = lines[index].strip()
    indent = len(lines[index]) - len(lines[index].lstrip())
    start_span = Span(path, first_line + index, column + indent, first_line + index)
    request_match = REQUEST_LINE.match(start_text)
    status_match = STATUS_LINE.match(start_text)
    if not request_match and not status_match:
        # Graph pages show optional request headers (``Prefer: ...``) in an
        # http block of their own: headers alone are HTTP, just not a message.
        headers_only = all(HEADER_LINE.match(line.strip()) for line in lines if line.strip())
        return HttpBlock((), (), not headers_only)
    headers, body = _headers_and_body(lines, index + 1, path, first_line, column, annotation, request_match is not None)
    end_line = first_line + len(lines) - 1
    start_span = Span(start_span.path, start_span.line, start_span.column, max(start_span.line, end_line))
    if request_match:
        request = _request(request_match, start_span, headers, body, origin, annotation, section, block)
        return HttpBlock((request,), (), False)
    assert status_match is not None
    response = HttpResponse(
        status=int(status_match.group("status")),
        reason=(status_match.group("reason") or "").strip(),
        span=start_span,
        headers=headers,
        body=body,
        annotation=annotation,
        section=section,
        block=block,
        line=start_text,
    )
    return HttpBlock((), (response,), False)


def _headers_and_body(
    lines: list[str],
    index: int,
    path: str,
    first_line: int,
    column: int,
    annotation: Annotation | None,
    is_request: bool,
) -> tuple[tuple[Header, ...], JsonExample | None]:
    headers: list[Header] = []
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        match = HEADER_LINE.match(line.strip())
        if not match or _is_body_start(line):
            break
        indent = len(line) - len(line.lstrip())
        raw_value = match.group("value")
        value_start = match.start("value") + len(raw_value) - len(raw_value.lstrip())
        headers.append(
            Header(
                match.group("name"),
                raw_value.strip(),
                Span(path, first_line + index, column + indent, first_line + index),
                column + indent + value_start,
            )
        )
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    body: JsonExample | None = None
    if index < len(lines):
        body_lines = lines[index:]
        while body_lines and not body_lines[-1].strip():
            body_lines.pop()
        text = "\n".join(body_lines)
        indent = len(lines[index]) - len(lines[index].lstrip())
        body_span = Span(path, first_line + index, column + indent, first_line + index + len(body_lines) - 1)
        origin = "request-body" if is_request else "response-body"
        body = parse_json(text, body_span, annotation=annotation, origin=origin, base_column=column)
    return tuple(headers), body


def _request(
    match: re.Match[str],
    span: Span,
    headers: tuple[Header, ...],
    body: JsonExample | None,
    origin: RequestOrigin,
    annotation: Annotation | None,
    section: str | None,
    block: Span | None,
) -> HttpRequest:
    url = _HTTP_VERSION_SUFFIX.sub("", match.group("target").strip())
    target = split_target(url)
    return HttpRequest(
        method=match.group("method"),
        url=url,
        path=target.path,
        span=span,
        origin=origin,
        query=target.query,
        version=target.version,
        host=target.host,
        headers=headers,
        body=body,
        annotation=annotation,
        section=section,
        block=block,
    )
