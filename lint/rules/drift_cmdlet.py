"""Cmdlet help held against the REST page of the operation it wraps.

Graph PowerShell cmdlets are generated from the same API description as the
REST reference: the synopsis is the operation's summary, the body parameters
are the request body's members, the examples send the REST examples' bodies.
When the two disagree, one of them documents another operation (a synopsis
copied from a neighbouring cmdlet) or an older API. The REST page is found
by the operation the cmdlet's body type name decodes to (``lint.pair.rest_page``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lint.align.json_diff import json_differences
from lint.context import Context
from lint.lazy_pattern import lazy_compile
from lint.model import Cmdlet, Page, Span
from lint.rules import Finding, Related, rule
from lint.rules.params import plain_name

_WORD = lazy_compile(r"[A-Za-z]+")
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "to",
        "for",
        "from",
        "on",
        "by",
        "with",
        "and",
        "or",
        "this",
        "that",
        "is",
        "are",
        "be",
        "its",
        "it",
        "as",
        "at",
    ]
)


def _words(text: str) -> list[str]:
    return [word.lower().rstrip("s") for word in _WORD.findall(text) if word.lower() not in _STOP_WORDS]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


def _rest_summary(rest: Page) -> tuple[str, Span] | None:
    description = rest.front_matter.get("description")
    if isinstance(description, str) and description.strip():
        line = next((section.span.line for section in rest.sections if section.role == "title"), 1)
        return first_sentence(description), Span(rest.path, max(1, line), 1, max(1, line))
    return None


def summaries_disagree(synopsis: str, summary: str) -> bool:
    """Another action (first word) and little vocabulary in common: another operation's text."""
    mine, theirs = _words(synopsis), _words(summary)
    if not mine or not theirs or mine[0] == theirs[0]:
        return False
    shared = set(mine) & set(theirs)
    return len(shared) / len(set(mine) | set(theirs)) < 0.5


def _lowered(value: Any) -> Any:
    """PowerShell hashtables spell members in Pascal case; JSON in camel case: compare without case."""
    if isinstance(value, dict):
        return {str(key).lower(): _lowered(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lowered(item) for item in value]
    return value


def _computed(value: Any) -> bool:
    """A PowerShell expression (``$reason``, ``[DateTime]::Parse(...)``): its value is not in the text."""
    return isinstance(value, str) and value.strip().startswith(("$", "[", "("))


def _body_members(cmdlet: Cmdlet) -> list[tuple[str, Span]]:
    for name, _, nodes in cmdlet.notes:
        if name == "BODYPARAMETER":
            return [(node.name, node.span) for node in nodes if not node.name.startswith("(")]
    return []


@rule("DL617", scope="pair", severity="warning", tags=("drift", "powershell", "translation"), formats=("platyps",))
def cmdlet_drift(page: Page, context: Context) -> Iterator[Finding]:
    """Cmdlet help disagrees with the REST page of its operation: synopsis, body parameters, example values.

    The synopsis is compared with the REST page's summary (another leading
    verb and little vocabulary in common: another operation's text); the
    members of the body parameter with the REST request body table (without
    case: PowerShell writes `Reason` for `reason`; a row is missing only when
    the REST examples send it, since a REST table may list nested properties); each example's hashtable
    with the REST example bodies: an example of the same shape as a REST
    body must send its values (with the tolerances of `json-drift`); an
    example of a shape no REST body has is another example, not drift.

    Bad::

        SYNOPSIS: Delete a specific participant in a call.
        REST page: Invite participants to the active call.

    Good::

        SYNOPSIS: Invite participants to the active call.
    """
    cmdlet, rest = page.cmdlet, context.rest
    if cmdlet is None or rest is None:
        return
    summary = _rest_summary(rest)
    if summary is not None and cmdlet.synopsis_span is not None and cmdlet.synopsis.strip():
        synopsis = first_sentence(cmdlet.synopsis)
        if summaries_disagree(synopsis, summary[0]):
            yield Finding(
                cmdlet.synopsis_span,
                f"the synopsis says `{synopsis}`, but the REST page of this operation says `{summary[0]}`",
                related=(Related(summary[1], f"the REST page: `{summary[0]}`"),),
                context=f"synopsis {synopsis}",
            )
    yield from _body_parameter_drift(cmdlet, rest)
    yield from _example_drift(cmdlet, rest)


def _body_parameter_drift(cmdlet: Cmdlet, rest: Page) -> Iterator[Finding]:
    tables = rest.tables_of("body-parameters")
    members = _body_members(cmdlet)
    if not tables or not members:
        return
    rows = {plain_name(row.cells[0].text).lower(): row for table in tables for row in table.rows if row.cells}
    names = {name.lower() for name, _ in members}
    for name, span in members:
        if name.lower() not in rows:
            yield Finding(
                span,
                f"body parameter `{name}` is not in the request body table of the REST page",
                related=(Related(tables[0].span, "the REST page's request body table"),),
                context=f"extra body {name}",
            )
    body_span = next(span for _, span in members)
    # A row the REST examples never send may be the REST page's own error (a nested property
    # listed as a body parameter); only the members its examples show are held against the cmdlet.
    sent = {
        str(key).lower()
        for request in rest.requests
        if request.body is not None and isinstance(request.body.value, dict)
        for key in request.body.value
    }
    for key, row in rows.items():
        if key and key not in names and key in sent:
            yield Finding(
                body_span,
                f"the body parameter lacks `{plain_name(row.cells[0].text)}`, which the REST page's request body lists",
                related=(Related(row.cells[0].span, f"the REST page lists `{plain_name(row.cells[0].text)}`"),),
                context=f"missing body {key}",
            )


def _example_drift(cmdlet: Cmdlet, rest: Page) -> Iterator[Finding]:
    bodies = [
        request.body
        for request in rest.requests
        if request.origin == "example" and request.body is not None and request.body.value is not None
    ]
    if not bodies:
        return
    for number, example in enumerate(cmdlet.examples):
        for params in example.params:
            if params.value is None:
                continue
            value = _lowered(params.value)
            # The fewest differences; among equals, the REST example at the same place (Example 2: body 2).
            ranked = sorted(
                (
                    (len(differences), abs(index - number), differences, body)
                    for index, body in enumerate(bodies)
                    for differences in [list(json_differences(value, _lowered(body.value)))]
                ),
                key=lambda item: (item[0], item[1]),
            )
            _, _, differences, closest = ranked[0]
            # Another shape is another example (the REST page need not show every one); the same
            # shape with other values is the REST example with its values changed.
            differences = [item for item in differences if not _computed(item.value)]
            if not differences or any(difference.kind != "value" for difference in differences):
                continue
            first = differences[0]
            yield Finding(
                params.span,
                f"`{first.pointer}` is `{first.value}` in this example, `{first.english_value}` in the same "
                f"request body of the REST page ({closest.span})",
                related=(Related(closest.span, f"the REST example sends `{first.english_value}`"),),
                context=f"example {example.title} {first.pointer}",
            )
