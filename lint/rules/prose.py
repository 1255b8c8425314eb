"""Rules about the words of a page."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.model import Page, Span
from lint.rules import Finding, rule

_PLACEHOLDER = re.compile(r"\{\{\s*(?:Fill|Add|TODO|TBD|Insert|Enter|Replace)\b[^{}\n]*\}\}", re.IGNORECASE)


def _texts(page: Page) -> Iterator[tuple[str, Span]]:
    for segment in page.segments:
        yield segment.text, segment.span
    if page.cmdlet is not None:
        cmdlet = page.cmdlet
        if cmdlet.synopsis_span is not None:
            yield cmdlet.synopsis, cmdlet.synopsis_span
        if cmdlet.description_span is not None:
            yield cmdlet.description, cmdlet.description_span
        for parameter in cmdlet.parameters:
            if parameter.description_span is not None:
                yield parameter.description, parameter.description_span


@rule("DL301", severity="warning", tags=("prose",))
def unfilled_placeholder(page: Page, context: Context) -> Iterator[Finding]:
    """Template text was left in the page (`{{ Fill ... }}`).

    Generators such as platyPS write `{{ Fill X Description }}` for a writer
    to replace; published as is, it tells the reader nothing.

    Bad::

        ### -ProgressAction
        {{ Fill ProgressAction Description }}

    Good::

        ### -ProgressAction
        Determines how PowerShell responds to progress updates.
    """
    seen: set[tuple[int, str]] = set()
    for text, span in _texts(page):
        for match in _PLACEHOLDER.finditer(text):
            offset_line = text.count("\n", 0, match.start())
            key = (span.line + offset_line, match.group(0))
            if key in seen:
                continue
            seen.add(key)
            line = span.line + offset_line
            column = (
                span.column + match.start()
                if offset_line == 0
                else 1 + match.start() - text.rfind("\n", 0, match.start()) - 1
            )
            yield Finding(
                Span(span.path, line, column, line),
                f"template placeholder left in: `{match.group(0)}`",
                context=match.group(0),
            )
