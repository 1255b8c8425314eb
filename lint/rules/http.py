"""Rules about HTTP requests and responses, and what the page says about them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.align.tables import row_name
from lint.context import Context
from lint.fix.edit import Edit, Fix
from lint.lazy_pattern import lazy_compile
from lint.model import Header, HttpRequest, HttpResponse, JsonExample, Note, Page, ProseStatus, Segment
from lint.parse.prose import StatusRole, status_role
from lint.rules import Finding, Related, rule
from lint.rules.english import english_counterpart, english_status, row_related
from lint.rules.names import plain_name

_PLACEHOLDER = lazy_compile(r"\{([^{}]+)\}")
_DEPRECATED = lazy_compile(
    r"`(?P<path>/[^`\s]*)`\s+(?:path|paths|endpoint|endpoints|resource|route|segment)?\s*"
    r"(?:is|are|has been|have been)\s+deprecated",
    re.IGNORECASE,
)
#: An HTTP field name (RFC 9110 token), optionally followed by a value (``Prefer: outlook.timezone``).
_HEADER_NAME = lazy_compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*:.*)?$", re.DOTALL)
GRAPH_HOSTS = frozenset(
    {"graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn"}
)


def is_graph_request(request: HttpRequest) -> bool:
    """An example sent to Graph itself (not a notification posted to a bot)."""
    return request.host is None or request.host.lower() in GRAPH_HOSTS


@rule("DL101", tags=("http", "consistency"))
def status_prose_mismatch(page: Page, context: Context) -> Iterator[Finding]:
    """The Response section states a success status that no response example shows.

    A reader trusts the prose; a client written against "200 OK" breaks on
    the 202 the service really sends. Only statuses the prose presents as
    the success outcome are compared ("If successful, this method returns
    ...", or a status stated with no condition): a status stated for an
    error ("If there is an error, ... `206 Partial Content`") or for another
    case ("If the user exists, ...") describes no example. When the prose
    names several success statuses as alternatives, one of them being shown
    is enough.

    Bad::

        ## Response
        If successful, this method returns a `200 OK` response code.
        ...
        HTTP/1.1 202 Accepted

    Good::

        ## Response
        If successful, this method returns a `202 Accepted` response code.
        If there is an error, it returns `206 Partial Content`.
    """
    shown = [response for response in page.responses if 200 <= response.status < 300]
    if not shown:
        return
    statuses = sorted({response.status for response in shown})
    by_line = _ByLine(page)
    roles = [(stated, _stated_role(by_line, stated)) for stated in page.prose_statuses if 200 <= stated.status < 300]
    # "returns 204 No Content; if the request asks for it, 200 OK": alternatives, one of them shown.
    if any(stated.status in statuses for stated, role in roles if role != "error"):
        return
    stated_success = [stated for stated, role in roles if role == "success"]
    for stated in stated_success:
        listing = ", ".join(f"`{_status(response)}`" for response in _unique(shown))
        yield Finding(
            stated.span,
            f"the Response section says `{stated.status} {stated.reason}`, but the response examples show {listing}",
            related=(
                *(Related(response.span, f"response example: `{_status(response)}`") for response in shown),
                *english_status(context),
            ),
            context=f"{stated.status} vs {statuses}",
        )


class _ByLine:
    """A page's text segments and stated statuses by line, gathered once per page.

    Looking each stated status's segment up among all the page's segments
    made a page of thousands of statuses quadratic (minutes at 18 MB).
    """

    def __init__(self, page: Page) -> None:
        self.segments: dict[int, list[Segment]] = {}
        for segment in page.segments:
            for line in range(segment.span.line, max(segment.span.line, segment.span.end_line) + 1):
                self.segments.setdefault(line, []).append(segment)
        self.statuses: dict[int, list[ProseStatus]] = {}
        for stated in page.prose_statuses:
            self.statuses.setdefault(stated.span.line, []).append(stated)


def _stated_role(by_line: _ByLine, stated: ProseStatus) -> StatusRole:
    """How the sentence around a stated status presents it (see :func:`status_role`).

    The sentence is the text segment the status stands in; where the page
    embeds the English source of that segment (bilingual pages), the English
    sentence is read instead, whatever the language of the translation. A
    status whose segment cannot be found counts as a success claim, as
    every stated 2xx status did before sentences were read.
    """
    segment = _segment_of(by_line, stated)
    if segment is None:
        return "success"
    for text in (segment.source, segment.text):
        if text is not None and text.count(stated.text) == 1:
            start = text.index(stated.text)
            return status_role(text, start, start + len(stated.text))
    # The same status written twice in the segment: the one at the stated column's rank.
    rank = sum(
        1
        for other in by_line.statuses.get(stated.span.line, ())
        if other.text == stated.text and segment.span.column <= other.span.column < stated.span.column
    )
    start = -1
    for _ in range(rank + 1):
        start = segment.text.find(stated.text, start + 1)
    return status_role(segment.text, start, start + len(stated.text)) if start >= 0 else "success"


def _segment_of(by_line: _ByLine, stated: ProseStatus) -> Segment | None:
    """The text segment holding ``stated``: on its line, at or before its column, containing its text."""
    candidates = [
        segment
        for segment in by_line.segments.get(stated.span.line, ())
        if segment.span.path == stated.span.path
        and stated.text in segment.text
        and (segment.span.line < stated.span.line or segment.span.column <= stated.span.column)
    ]
    return max(candidates, key=lambda segment: (segment.span.line, segment.span.column), default=None)


def _status(response: HttpResponse) -> str:
    return f"{response.status} {response.reason}".strip()


def _unique(responses: list[HttpResponse]) -> list[HttpResponse]:
    seen: set[int] = set()
    unique = []
    for response in responses:
        if response.status not in seen:
            seen.add(response.status)
            unique.append(response)
    return unique


@rule("DL102", severity="warning", tags=("http",), formats=("markdown", "html"), fixable="safe")
def content_length_mismatch(page: Page, context: Context) -> Iterator[Finding]:
    """`Content-Length` differs from the byte length of the body shown.

    Clients that copy the header send a truncated or padded body. HTTP does
    not fix the line ends inside a body, and a page cannot show whether the
    body ends with one, so a length is accepted when it counts the body with
    LF or CRLF line ends, with or without a final line end. Bodies of
    examples annotated `truncated` are not counted.

    Fixable (safe) when the body is JSON that parses, so is shown whole:
    ``--fix`` writes its UTF-8 byte length (LF line ends, no final one).

    Bad::

        Content-Length: 464

        {"reason": "busy"}

    Good::

        Content-Length: 18

        {"reason": "busy"}
    """
    messages: list[HttpRequest | HttpResponse] = [*page.requests, *page.responses]
    for message in messages:
        if message.body is None or (message.annotation is not None and message.annotation.truncated):
            continue
        for header in message.headers:
            if header.name.lower() != "content-length":
                continue
            if not header.value.strip().isdigit():
                yield Finding(
                    header.span, f"`Content-Length: {header.value}` is not a byte count", context=header.value
                )
                continue
            lf, crlf = body_lengths(message.body.text)
            if int(header.value) in (lf, lf + 1, crlf, crlf + 2):
                continue
            counted = f"{lf} bytes" if lf == crlf else f"{lf} bytes with LF line ends, {crlf} with CRLF"
            yield Finding(
                header.span,
                f"`Content-Length: {header.value}` but the body is {counted}",
                related=(Related(message.body.span, "the body"),),
                # The CRLF figure, as before LF lengths were accepted: baselines keep matching.
                context=f"{header.value} vs {crlf}",
                fix=_recount(header, message.body, lf),
            )


def _recount(header: Header, body: JsonExample, length: int) -> Fix | None:
    """The edit that writes the body's byte length over the header's value.

    Only for a body known to be whole: JSON that parses, so no ``...``
    stands for an elided part and the body ends where the JSON does. A
    plain-text body may be cut short with nothing to show it.
    """
    if body.value is None or body.error is not None or header.value_column < 1:
        return None
    return Fix((Edit(header.span.line, header.value_column, header.value, str(length)),))


def body_lengths(text: str) -> tuple[int, int]:
    """The UTF-8 byte length of a body with LF line ends and with CRLF line ends, no final line end."""
    lf = len(text.encode("utf-8"))
    return lf, lf + text.count("\n")


@rule("DL103", severity="warning", tags=("http", "paths"))
def duplicate_path_parameter(page: Page, context: Context) -> Iterator[Finding]:
    """The same `{name}` placeholder appears twice in one path.

    A path with two `{id}` cannot say which value goes where; every segment
    key needs its own name.

    Bad::

        POST /applications/{id}/calls/{id}/reject

    Good::

        POST /communications/calls/{call-id}/reject
    """
    for request in page.requests:
        names = [match.group(1).strip() for match in _PLACEHOLDER.finditer(request.path)]
        repeated = sorted({name for name in names if names.count(name) > 1})
        for name in repeated:
            yield Finding(
                request.span,
                f"path `{request.path}` uses `{{{name}}}` {_times(names.count(name))}; give each key its own name",
                context=f"{request.path} {name}",
            )


def _times(count: int) -> str:
    return {2: "twice", 3: "three times"}.get(count, f"{count} times")


def deprecation_notes(page: Page) -> Iterator[tuple[str, Note]]:
    """``(path prefix, note)`` for each note saying a path is deprecated (read in English)."""
    for note in page.notes:
        english = note.source if note.source is not None else note.text
        for match in _DEPRECATED.finditer(english):
            yield match.group("path").rstrip("/"), note


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


@rule("DL104", severity="warning", tags=("http", "paths", "translation"))
def deprecated_path(page: Page, context: Context) -> Iterator[Finding]:
    """An example request uses a path that is declared deprecated.

    Examples are what readers copy. A deprecation stated by the page, by its
    English source (translations often lose the note) or by
    `[tool.doclint] deprecated-paths` applies to every example.

    Bad (the English page says "The `/app` path is deprecated")::

        POST https://graph.microsoft.com/beta/app/calls/{id}/reject

    Good::

        POST https://graph.microsoft.com/beta/communications/calls/{id}/reject
    """
    declared: list[tuple[str, Related | None]] = []
    for source in (page, context.english):
        if source is None:
            continue
        for prefix, note in deprecation_notes(source):
            where = "this page" if source is page else "the English page"
            declared.append((prefix, Related(note.span, f"{where} declares `{prefix}` deprecated")))
    declared.extend((prefix.rstrip("/"), None) for prefix in context.config.deprecated_paths)
    for request in page.requests:
        if request.origin != "example" or not is_graph_request(request):
            continue
        for prefix, related in declared:
            if _under(request.path, prefix):
                origin = "the configuration" if related is None else related.message.split(" declares")[0]
                yield Finding(
                    request.span,
                    f"example request uses `{prefix}`, which {origin} declares deprecated",
                    related=(related,) if related is not None else (),
                    context=f"{request.method} {request.path} {prefix}",
                )
                break


@rule("DL105", severity="warning", tags=("http", "consistency"))
def version_mismatch(page: Page, context: Context) -> Iterator[Finding]:
    """An example calls another API version than the page documents.

    A beta page whose example calls `/v1.0/` (or the reverse) shows a request
    that may not work, or not work the same, in the version the reader chose.

    Bad (on a beta page)::

        GET https://graph.microsoft.com/v1.0/me/events

    Good::

        GET https://graph.microsoft.com/beta/me/events
    """
    if page.version is None:
        return
    for request in page.requests:
        if request.origin == "example" and is_graph_request(request) and request.version not in (None, page.version):
            yield Finding(
                request.span,
                f"example calls the {request.version} API on a {page.version} page",
                context=f"{request.method} {request.path} {request.version}",
            )


@rule("DL106", tags=("http", "translation"))
def invalid_header_name(page: Page, context: Context) -> Iterator[Finding]:
    """A request- or response-header table names a header that is no HTTP header name.

    Header names are ASCII tokens that a client sends as written; a
    translated name (`Авторизация`, `接受`, `Autorización`) tells the reader
    to send a header no server knows. The published translations of the
    Graph reference translate `Authorization` on thousands of pages.

    Bad::

        |Авторизация|Bearer {token}. Обязательный.|

    Good::

        |Authorization|Bearer {token}. Обязательный.|
    """
    for role in ("request-headers", "response-headers"):
        for table in page.tables_of(role):
            for row in table.rows:
                if not row.cells:
                    continue
                cell = row.cells[0]
                name = plain_name(cell.text)
                if not name or _HEADER_NAME.match(name):
                    continue
                source = english_counterpart(context, page, name, role)
                meant = row_name(source) if source is not None else plain_name(cell.source or "")
                hint = f": the English page has `{meant}`" if meant and _HEADER_NAME.match(meant) else ""
                yield Finding(
                    cell.span,
                    f"`{name}` is not an HTTP header name (header names are ASCII tokens, never translated){hint}",
                    related=row_related(source, role),
                    context=f"header {name}",
                )
