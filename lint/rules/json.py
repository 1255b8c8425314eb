"""JSON examples must be JSON."""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import HttpRequest, HttpResponse, JsonExample, Page, Span
from lint.rules import Finding, rule


def json_texts(page: Page) -> Iterator[JsonExample]:
    """Every JSON text of a page: fences, request and response bodies."""
    yield from page.json_examples
    messages: list[HttpRequest | HttpResponse] = [*page.requests, *page.responses]
    for message in messages:
        if message.body is not None:
            yield message.body


@rule("DL002", tags=("syntax", "json"))
def json_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """A JSON example does not parse, or repeats a key within one object.

    Readers paste examples into their code; a trailing comma or a `//`
    comment makes the request fail, and a repeated key silently keeps only
    the last value. Reported at the exact position of the error.

    Bad::

        {
          "reason": "busy",
        }

    Good::

        {
          "reason": "busy"
        }
    """
    for example in json_texts(page):
        if example.origin == "powershell":
            continue
        if example.error is not None:
            error = example.error
            yield Finding(
                Span(example.span.path, error.line, error.column, error.line),
                f"JSON does not parse: {error.message}",
                context=f"{error.message} {example.text[:80]}",
            )
        for key, line, column in example.duplicate_keys:
            yield Finding(
                Span(example.span.path, line, column, line),
                f"key `{key}` appears twice in one object; only the last value counts",
                context=f"duplicate {key}",
            )
