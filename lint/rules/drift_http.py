"""Rules that hold a translation's HTTP facts against its English page: statuses and request lines.

What status a call returns and which paths it takes are code, not prose;
a translation must state them exactly as its English page does. Request
lines are aligned by :mod:`lint.align.http` (the HTTP request section as a
set of templates, examples by annotation name).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.align.examples import align_examples
from lint.align.http import aligned_example_requests, compare_syntax, same_request, syntax_requests
from lint.context import Context
from lint.fix.edit import Edit, Fix
from lint.model import HttpRequest, HttpResponse, Page, ProseStatus
from lint.parse.http import STATUS_LINE
from lint.rules import Finding, Related, rule


def _success_prose(page: Page) -> list[ProseStatus]:
    return [stated for stated in page.prose_statuses if 200 <= stated.status < 300]


def _success_examples(page: Page) -> list[HttpResponse]:
    return [response for response in page.responses if 200 <= response.status < 300]


def _status(item: ProseStatus | HttpResponse) -> str:
    return f"{item.status} {item.reason}".strip()


def _status_listing(items: Sequence[ProseStatus | HttpResponse]) -> str:
    """Each status once, in order: `` `202 Accepted`, `204 No Content` ``."""
    seen: dict[int, str] = {}
    for item in items:
        seen.setdefault(item.status, _status(item))
    return ", ".join(f"`{text}`" for text in seen.values())


@rule("DL601", scope="pair", severity="warning", tags=("drift", "translation", "http"), fixable="safe")
def status_drift(page: Page, context: Context) -> Iterator[Finding]:
    """The translation documents another success status than its English page.

    A client written against the translation's "200 OK" breaks on the 202 the
    service sends. The success (2xx) statuses the Response prose states are
    held against the English prose's, and those the response examples show
    against the English examples' (either side's other kind when one side
    has none), whatever the examples are named: a renamed or reordered
    example still counts.

    Fixable (safe) when English states one status: ``--fix`` writes it over
    the translation's, in prose (``200 OK`` becomes ``202 Accepted``) and in
    a response example's status line (``HTTP/1.1 200 OK`` becomes
    ``HTTP/1.1 202 Accepted``).

    Bad::

        English:     If successful, this method returns a `202 Accepted` response code.
        Translation: В случае успешного выполнения этот метод возвращает код отклика `200 OK`.

    Good::

        Translation: В случае успешного выполнения этот метод возвращает код отклика `202 Accepted`.
    """
    english = context.english
    if english is None:
        return
    english_prose, english_examples = _success_prose(english), _success_examples(english)
    checks: list[tuple[Sequence[ProseStatus | HttpResponse], Sequence[ProseStatus | HttpResponse], str]] = [
        (_success_prose(page), english_prose or english_examples, "the Response section says"),
        (_success_examples(page), english_examples or english_prose, "the response example shows"),
    ]
    for found, expected, says in checks:
        wanted = {item.status for item in expected}
        if not wanted:
            continue
        english_says = (
            "the English page's Response section says"
            if expected is english_prose
            else "the English page's response examples show"
        )
        for item in found:
            if item.status in wanted:
                continue
            yield Finding(
                item.span,
                f"{says} `{_status(item)}`, where {english_says} {_status_listing(expected)}",
                related=tuple(Related(other.span, f"the English page: `{_status(other)}`") for other in expected)[:2],
                context=f"status {says} {item.status} vs {sorted(wanted)}",
                fix=_restore_status(item, expected, page, context),
            )


def _restore_status(
    item: ProseStatus | HttpResponse, expected: Sequence[ProseStatus | HttpResponse], page: Page, context: Context
) -> Fix | None:
    """The edit that writes the English status where the prose or a response example's status line states another.

    Only when English states one status (two would leave the choice to a
    reviewer). In prose the status is the text the parser read there, so the
    edit replaces exactly it (``200 OK`` or a bare ``200``); in a status line
    it replaces the code and reason as written after the HTTP version, with
    the English code and reason, only when English gives a reason and the
    example stands for an English response example of that status, which
    the English prose does not contradict: a translation's example English
    lacks (``example-extra``) may show another case (a full download beside
    English's partial one) and is left alone.
    """
    statuses = {other.status: other for other in expected}
    if len(statuses) != 1:
        return None
    (english,) = statuses.values()
    if isinstance(item, HttpResponse):
        return _restore_status_line(item, english) if _stands_for(item, english, page, context) else None
    if item.text == _status(item):
        new = _status(english)
    elif item.text == str(item.status):
        new = str(english.status)
    else:
        return None
    return Fix((Edit(item.span.line, item.span.column, item.text, new),))


def _stands_for(response: HttpResponse, english: ProseStatus | HttpResponse, page: Page, context: Context) -> bool:
    """Whether the aligned English counterpart of the response example shows ``english``'s status.

    And whether the English page agrees with itself: an English example whose
    status its own Response prose contradicts (``status-prose-mismatch``
    there) is no status to copy.
    """
    if context.english is None:
        return False
    source_page = context.english
    stated = {item.status for item in _success_prose(source_page)}
    if stated and english.status not in stated:
        return False
    alignment = context.remember("status-drift-alignment", lambda: align_examples(page, source_page))
    for unit, source in alignment.pairs:
        if unit.message == response:
            return isinstance(source.message, HttpResponse) and source.message.status == english.status
    return False


def _restore_status_line(response: HttpResponse, english: ProseStatus | HttpResponse) -> Fix | None:
    match = STATUS_LINE.match(response.line)
    if match is None or not english.reason:
        return None
    start = match.start("status")
    column = response.span.column + start
    return Fix((Edit(response.span.line, column, response.line[start:], _status(english)),))


def _line(request: HttpRequest) -> str:
    """``METHOD /path?query``, a long query cut short: the finding is about its names, not its values."""
    query = request.query.lstrip("?")
    if len(query) > 60:
        query = query[:57] + "…"
    return f"{request.method} {request.path}{'?' + query if query else ''}"


@rule("DL602", scope="pair", severity="warning", tags=("drift", "translation", "http", "paths"), fixable="safe")
def path_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A request line of the translation differs from the English page's: method, path or query.

    The HTTP request section is compared as a set of templates: order does
    not matter, nor the names of placeholders (`{id}` and `{call-id}` are the
    same template). An example request is compared with the English example
    of the same annotation name by method, path shape (ids aside) and query
    names. A translation with no HTTP request section is `example-missing`'s.

    Bad::

        English:     POST /communications/calls/{id}/reject
        Translation: POST /applications/{id}/calls/{id}/reject

    Good::

        Translation: POST /communications/calls/{call-id}/reject
    """
    english = context.english
    if english is None:
        return
    if syntax_requests(page) and syntax_requests(english):
        difference = compare_syntax(page, english)
        for request, source in difference.replaced:
            yield Finding(
                request.span,
                f"request line `{_line(request)}` is not in the English HTTP request section, "
                f"which has `{_line(source)}` instead",
                related=(Related(source.span, f"the English page lists `{_line(source)}`"),),
                context=f"syntax {_line(request)} for {_line(source)}",
                fix=_restore_request_line(request, source),
            )
        for request in difference.extra:
            yield Finding(
                request.span,
                f"request line `{_line(request)}` is not in the English HTTP request section",
                related=tuple(
                    Related(source.span, f"the English page lists `{_line(source)}`")
                    for source in syntax_requests(english)
                )[:3],
                context=f"syntax extra {_line(request)}",
            )
        if difference.missing:
            first = syntax_requests(page)[0]
            listing = ", ".join(f"`{_line(source)}`" for source in difference.missing)
            lines = "line" if len(difference.missing) == 1 else "lines"
            yield Finding(
                first.block or first.span,
                f"the HTTP request section lacks the request {lines} {listing}, which the English page lists",
                related=tuple(
                    Related(source.span, f"the English page lists `{_line(source)}`") for source in difference.missing
                ),
                context=f"syntax missing {listing}",
            )
    for request, source in aligned_example_requests(page, english):
        if same_request(request, source):
            continue
        name = request.annotation.name if request.annotation else ""
        yield Finding(
            request.span,
            f"example request `{name}` is `{_line(request)}`; the English example of that name is `{_line(source)}`",
            related=(Related(source.span, f"the English example `{name}`: `{_line(source)}`"),),
            context=f"example {name} {_line(request)}",
            fix=_restore_request_line(request, source),
        )


def _restore_request_line(request: HttpRequest, source: HttpRequest) -> Fix:
    """The edit that writes the English method and target over the translation's, the rest of the line kept.

    The edit names the text it replaces (method, one space, target as
    written), so a line written otherwise is left alone, never mangled.
    """
    old = f"{request.method} {request.url}"
    return Fix((Edit(request.span.line, request.span.column, old, f"{source.method} {source.url}"),))
