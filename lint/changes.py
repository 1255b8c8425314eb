"""What changed between two versions of an English page: lines, and the API facts a translation carries.

A reviewer told "this translation is stale" must decide whether it matters:
a reworded sentence can wait, a new status code or a renamed request path
cannot. Both versions are parsed by doclint's own parser and compared fact
by fact (statuses, request paths, table rows, examples), besides the count
of lines added and removed.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable

from msgspec import Struct

from lint.lazy_pattern import lazy_compile
from lint.model import HttpRequest, HttpResponse, Page, TableRole
from lint.rules.names import plain_name
from lint.source import split_lines

#: Tables whose rows name what a client sends or receives, and how a fact about them reads.
_ROW_KINDS: dict[TableRole, str] = {
    "path-parameters": "path parameters",
    "query-parameters": "query parameters",
    "request-headers": "request headers",
    "body-parameters": "body parameters",
    "response-headers": "response headers",
}


class PageChanges(Struct, frozen=True):
    added: int
    removed: int
    #: First line (1-based) of the current text that differs from the old one.
    first_changed_line: int
    #: One phrase per kind of API fact that changed (``statuses: +`202`, −`200```).
    facts: tuple[str, ...]
    #: ``[!INCLUDE]`` references added and removed (SDK snippet tabs, shared notes): no API facts themselves.
    includes_added: int = 0
    includes_removed: int = 0

    def describe(self) -> str:
        lines = f"+{self.added} −{self.removed} lines"
        includes = (
            f"; includes: +{self.includes_added} −{self.includes_removed}"
            if self.includes_added or self.includes_removed
            else ""
        )
        if not self.facts:
            return (
                f"{lines}, no API facts (statuses, request paths, table rows, permissions, examples) changed{includes}"
            )
        return f"{lines}; " + "; ".join(self.facts) + includes


def compare_versions(old_text: str, current_text: str, old: Page, current: Page) -> PageChanges:
    """How ``current`` (today's English) differs from ``old`` (the English a translation was made from)."""
    old_lines, current_lines = split_lines(old_text), split_lines(current_text)
    matcher = difflib.SequenceMatcher(None, old_lines, current_lines, autojunk=False)
    added = removed = 0
    first = 0
    for tag, old_start, old_end, start, end in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed += old_end - old_start
        added += end - start
        if not first:
            first = min(start + 1, max(len(current_lines), 1))
    facts = [
        _set_change("statuses", _statuses(old), _statuses(current)),
        _set_change("request paths", _request_lines(old), _request_lines(current)),
        *(_set_change(kind, _row_names(old, role), _row_names(current, role)) for role, kind in _ROW_KINDS.items()),
        _set_change("permissions", _permissions(old), _permissions(current), quote=False),
        _example_change(_examples(old), _examples(current)),
    ]
    old_includes = Counter(include.target for include in old.includes)
    current_includes = Counter(include.target for include in current.includes)
    return PageChanges(
        added,
        removed,
        first or 1,
        tuple(fact for fact in facts if fact),
        includes_added=(current_includes - old_includes).total(),
        includes_removed=(old_includes - current_includes).total(),
    )


def _set_change(kind: str, old: Iterable[str], current: Iterable[str], *, quote: bool = True) -> str:
    before, after = list(dict.fromkeys(old)), list(dict.fromkeys(current))
    mark = "`" if quote else ""
    gained = [f"+{mark}{item}{mark}" for item in after if item not in before]
    lost = [f"−{mark}{item}{mark}" for item in before if item not in after]
    return f"{kind}: {', '.join([*gained, *lost])}" if gained or lost else ""


def _statuses(page: Page) -> list[str]:
    codes = sorted({response.status for response in page.responses} | {item.status for item in page.prose_statuses})
    return [str(code) for code in codes]


def _request_lines(page: Page) -> list[str]:
    """The request lines of the HTTP request section (the syntax block), as written."""
    return [f"{request.method} {request.path}" for request in page.requests if request.origin == "syntax"]


def _row_names(page: Page, role: TableRole) -> list[str]:
    return [name for table in page.tables_of(role) for name in (plain_name(text) for text in table.names()) if name]


def _permissions(page: Page) -> list[str]:
    """``Permission (permission type)`` for each permission each row of the permissions table names."""
    found = []
    for table in page.tables_of("permissions"):
        for row in table.rows:
            if len(row.cells) < 2:
                continue
            kind = plain_name(row.cells[0].text).rstrip("*").strip()
            for name in plain_name(row.cells[1].text).split(","):
                if name.strip():
                    found.append(f"`{name.strip()}` ({kind})")
    return found


Message = HttpRequest | HttpResponse


def _examples(page: Page) -> dict[str, tuple[str, str]]:
    """Each example request and response by name, with what it shows.

    A request is named by its annotation, else by its place among the unnamed
    ones; a response without a name of its own answers the request before it.
    """
    found: dict[str, tuple[str, str]] = {}
    messages: list[Message] = [request for request in page.requests if request.origin == "example"]
    messages += list(page.responses)
    messages += _annotated_code(page)
    unnamed = 0
    current = ""
    for message in sorted(messages, key=lambda item: (item.span.line, item.span.column)):
        own = message.annotation.name if message.annotation and message.annotation.name else None
        if isinstance(message, HttpRequest):
            if own is None:
                unnamed += 1
            current = f"`{own}`" if own else f"#{unnamed}"
            found.setdefault(f"request {current}", _shown(message))
        else:
            found.setdefault(f"response `{own}`" if own else f"response to {current or '#0'}", _shown(message))
    return found


_MESSAGE_START = lazy_compile(r"\s*(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S|HTTP/\d)")


def _annotated_code(page: Page) -> list[Message]:
    """HTTP messages in code blocks the parser did not read as HTTP (a bare fence, ``blockType: ignored``).

    A page that later only adds ``http`` to such a fence, or marks an example
    as ignored by the docs' test tooling, has not changed its example; reading
    the block as HTTP keeps that from looking like one added or removed.
    """
    from lint.parse.http import parse_http_block

    found: list[Message] = []
    for block in page.code_blocks:
        if not _MESSAGE_START.match(block.text):
            continue
        parsed = parse_http_block(
            block.text.split("\n"),
            path=page.path,
            first_line=block.span.line,
            origin="example",
            annotation=block.annotation,
        )
        found += [*parsed.requests, *parsed.responses]
    return found


def _shown(message: Message) -> tuple[str, str]:
    """What an example shows: its request line or status, and its body."""
    head = (
        f"{message.method} {message.path}" + (f"?{message.query}" if message.query else "")
        if isinstance(message, HttpRequest)
        else str(message.status)
    )
    body = message.body
    if body is None:
        return head, ""
    return head, json.dumps(body.value, sort_keys=True) if body.value is not None else body.text


def _example_change(old: dict[str, tuple[str, str]], current: dict[str, tuple[str, str]]) -> str:
    gained = [f"+{name}" for name in current if name not in old]
    lost = [f"−{name}" for name in old if name not in current]
    changed = [
        f"changed {name} ({_what_changed(old[name], current[name])})"
        for name in current
        if name in old and current[name] != old[name]
    ]
    items = [*gained, *lost, *changed]
    return f"examples: {', '.join(items)}" if items else ""


def _what_changed(old: tuple[str, str], current: tuple[str, str]) -> str:
    parts = []
    if old[0] != current[0]:
        parts.append(f"`{old[0]}` → `{current[0]}`")
    if old[1] != current[1]:
        parts.append("body")
    return ", ".join(parts)
