"""Parameter tables against the examples that use them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.model import Cell, HttpRequest, Page, Span
from lint.parse.jsontext import absolute, locate
from lint.rules import Finding, Related, rule
from lint.rules.english import english_body_names, english_row
from lint.rules.http import is_graph_request
from lint.rules.names import plain_name

_REQUIRED = re.compile(r"\brequired\b", re.IGNORECASE)


def _body_examples(page: Page) -> list[HttpRequest]:
    return [
        request
        for request in page.requests
        if request.origin == "example"
        and is_graph_request(request)
        and request.method in ("POST", "PATCH", "PUT")
        and request.body is not None
        and isinstance(request.body.value, dict)
    ]


@rule("DL201", tags=("params", "consistency", "translation"))
def body_param_not_in_example(page: Page, context: Context) -> Iterator[Finding]:
    """The request-body table and the request examples name different parameters.

    An example key missing from the table is undocumented (or the table
    holds a translated name, which the API would reject). A table row that no
    example uses is reported when the table is evidently out of step with
    the examples (some example key is missing from it) or the row is
    marked required; optional parameters may go unshown.

    Bad::

        |причиной|String|Причина отклонения.|
        ...
        { "reason": "none" }

    Good::

        |reason|String|Причина отклонения.|
    """
    tables = page.tables_of("body-parameters")
    examples = _body_examples(page)
    if not tables or not examples:
        return
    rows: dict[str, Cell] = {}
    for table in tables:
        for row in table.rows:
            if row.cells and plain_name(row.cells[0].text):
                rows.setdefault(plain_name(row.cells[0].text), row.cells[0])
    used: dict[str, tuple[HttpRequest, Span]] = {}
    missing: list[tuple[str, HttpRequest, Span]] = []
    for request in examples:
        assert request.body is not None
        positions = None
        for key in request.body.value:
            if key.startswith("@") or "@odata." in key:
                continue
            if positions is None:
                positions = locate(request.body.text)
            position = positions.get("/" + key.replace("~", "~0").replace("/", "~1"))
            body = request.body.span
            line, column = (
                absolute(body, body.column, position.key_line, position.key_column)
                if position
                else (body.line, body.column)
            )
            span = Span(body.path, line, column, line)
            used.setdefault(key, (request, span))
            if key not in rows and not any(key.lower() == name.lower() for name in rows):
                missing.append((key, request, span))
    # Which unused rows are the counterpart of a missing key (a renamed or
    # translated name)? Against the English table: the rows it lacks.
    # On an English page: only a near-identical name (a typo, `color` for
    # `colour`).
    unused_rows = [name for name in rows if name not in used]
    missing_keys = [key for key, _, _ in missing]
    if page.locale.startswith("en"):
        suspects = [name for name in unused_rows if _close(name, missing_keys)]
    elif context.english is not None:
        english_names = {name for table in english_body_names(context) for name in table}
        suspects = [name for name in unused_rows if name not in english_names]
    else:
        # No English page at hand: a translated word (not ASCII) or a look-alike
        # of a missing key (`descripción` for `description`) is the counterpart.
        suspects = [name for name in unused_rows if not name.isascii() or _close(name, missing_keys, 0.6)]
    reported: set[str] = set()
    for key, _request, span in missing:
        if key in reported:
            continue
        reported.add(key)
        unused = suspects
        hint = f" (the table lists {', '.join(f'`{name}`' for name in unused)})" if unused else ""
        yield Finding(
            span,
            f"example key `{key}` is not in the request body table{hint}",
            related=tuple(Related(rows[name].span, f"table row `{name}`") for name in unused),
            context=f"key {key}",
        )
    for name, cell in rows.items():
        if name in used or any(name.lower() == key.lower() for key in used):
            continue
        description = _row_description(page, cell)
        if (missing and name in suspects) or _REQUIRED.search(description):
            example_keys = ", ".join(f"`{key}`" for key in used)
            yield Finding(
                cell.span,
                f"body parameter `{name}` is used by no request example (the examples use {example_keys})",
                related=(
                    *(Related(span, f"example key `{key}`") for key, (_r, span) in used.items()),
                    *english_row(context, page, name),
                ),
                context=f"row {name}",
            )


def _row_description(page: Page, first: Cell) -> str:
    for table in page.tables_of("body-parameters"):
        for row in table.rows:
            if row.cells and row.cells[0] is first:
                last = row.cells[-1]
                return last.source or last.text
    return ""


def _close(name: str, candidates: list[str], cutoff: float = 0.8) -> bool:
    """A similar spelling: ``color`` / ``colour`` (0.8), or ``publicador`` / ``publisher`` (0.6)."""
    if not candidates:
        return False
    import difflib  # rarely needed: only when an example key is missing from the table

    return bool(difflib.get_close_matches(name.lower(), [c.lower() for c in candidates], n=1, cutoff=cutoff))
