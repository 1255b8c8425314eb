"""Rules that compare a translation with its English source.

A translated page is made from the English page of its day and then left
alone while the English moves on, or a translator drops a row by accident.
These rules set the two side by side and report what the translation lacks
or has in excess, always with the English line it departs from, so that a
localization reviewer sees both places at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint.context import Context
from lint.model import HttpRequest, HttpResponse, JsonExample, Page, Span
from lint.parse.jsontext import span_at
from lint.rules import Finding, Related, rule

Message = HttpRequest | HttpResponse


def named_examples(page: Page) -> dict[tuple[str, str], Message]:
    """Example requests and responses by (kind, annotation name).

    Graph annotates each example request with a ``name`` that translations
    keep; a response without a name of its own answers the named request
    before it, as the docs' test tooling pairs them.
    """
    found: dict[tuple[str, str], Message] = {}
    current: str | None = None
    messages: list[Message] = [request for request in page.requests if request.origin == "example"]
    messages += list(page.responses)
    for message in sorted(messages, key=lambda item: (item.span.line, item.span.column)):
        name = message.annotation.name if message.annotation else None
        if isinstance(message, HttpRequest):
            current = name
            if name:
                found.setdefault(("request", name), message)
        elif name or current:
            found.setdefault(("response", name or current or ""), message)
    return found


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "null"


def _pointer(parent: str, key: object) -> str:
    return f"{parent}/{str(key).replace('~', '~0').replace('/', '~1')}"


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _at(pointer: str) -> str:
    return f"`{pointer}`" if pointer else "the body"


def json_differences(value: Any, english: Any, pointer: str = "") -> Iterator[tuple[str, str, str]]:
    """``(kind, pointer, message)`` for each place ``value`` departs from ``english`` in structure.

    Members, array lengths, value kinds and non-string values are compared;
    strings only by kind, since a translator may localise sample text
    (``"subject": "Déjeuner"``) without changing what the example shows.
    """
    if isinstance(value, dict) and isinstance(english, dict):
        for key in english:
            if key not in value:
                member = _pointer(pointer, key)
                yield "missing", member, f"lacks `{member}`, which the English example has"
        for key in value:
            if key not in english:
                member = _pointer(pointer, key)
                yield "extra", member, f"has `{member}`, which the English example has not"
        for key in english:
            if key in value:
                yield from json_differences(value[key], english[key], _pointer(pointer, key))
    elif isinstance(value, list) and isinstance(english, list):
        if len(value) != len(english):
            yield "length", pointer, f"{_at(pointer)} has {_items(len(value))}, the English example {len(english)}"
        for index, (item, english_item) in enumerate(zip(value, english, strict=False)):
            yield from json_differences(item, english_item, _pointer(pointer, index))
    elif _kind(value) != _kind(english):
        yield "kind", pointer, f"{_at(pointer)} is {_kind(value)} here, {_kind(english)} in the English example"
    elif not isinstance(value, str) and value != english:
        yield "value", pointer, f"{_at(pointer)} is `{value}` here, `{english}` in the English example"


def _body_span(body: JsonExample, pointer: str) -> Span:
    return span_at(body, pointer) if pointer else body.span


@rule("DL698", scope="pair", severity="warning", tags=("drift", "translation", "examples"))
def example_drift(page: Page, context: Context) -> Iterator[Finding]:
    """An example of a translation differs from the English example of the same name.

    Code is not translated: when the English page updates an example (a new
    member, another status), the translation's copy is stale. Examples are
    matched by their annotation name, which translations keep; a response
    goes with the named request before it. Members, array lengths, value
    kinds, numbers and booleans are compared, and the status of responses;
    strings are compared only by kind, since sample text may be localised.
    One finding per example, at its first difference.

    Bad::

        English:     { "displayName": "Clutter", "isHidden": true }
        Translation: { "displayName": "displayName-value" }

    Good::

        Translation: { "displayName": "Clutter", "isHidden": true }
    """
    if context.english is None:
        return
    english = named_examples(context.english)
    for key, message in named_examples(page).items():
        source = english.get(key)
        if source is None:
            continue
        kind, name = key
        if isinstance(message, HttpResponse) and isinstance(source, HttpResponse) and message.status != source.status:
            yield Finding(
                message.span,
                f"the response to `{name}` is `{message.status} {message.reason}` here, "
                f"`{source.status} {source.reason}` in the English example",
                related=(Related(source.span, f"the English example: `{source.status} {source.reason}`"),),
                context=f"status {name}",
            )
            continue
        body, english_body = message.body, source.body
        if body is None or english_body is None or body.value is None or english_body.value is None:
            continue
        differences = list(json_differences(body.value, english_body.value))
        if not differences:
            continue
        change, pointer, text = differences[0]
        others = len(differences) - 1
        more = f" (and {others} more difference{'s' if others > 1 else ''})" if others else ""
        where = _body_span(body, pointer) if change != "missing" else body.span
        english_where = _body_span(english_body, pointer) if change != "extra" else english_body.span
        yield Finding(
            where,
            f"the {kind} example `{name}` {text}{more}"
            if change in ("missing", "extra")
            else f"in the {kind} example `{name}`, {text}{more}",
            related=(Related(english_where, f"the English {kind} example `{name}`"),),
            context=f"{kind} {name} {change} {pointer}",
        )
