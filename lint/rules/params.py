"""Parameter tables against the examples that use them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.lazy_pattern import lazy_compile
from lint.model import Cell, HttpRequest, Page, Span
from lint.parse.jsontext import absolute, locate
from lint.rules import Finding, Related, rule
from lint.rules.english import aligned_tables, english_body_names, english_row, row_name
from lint.rules.http import is_graph_request
from lint.rules.names import plain_name

_REQUIRED = lazy_compile(r"\brequired\b", re.IGNORECASE)


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

    A row is used by an example that sets it at any depth (a member of a
    nested object or of an array's items). When the body is a whole
    resource ("supply a JSON representation of the event object", "supply
    the values for relevant fields that should be updated"), the table
    lists the resource's properties and an example need not use them all:
    there only a row standing for a missing example key is reported.
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
    # A row is used too where an example sets it inside a nested object, or binds it (`members@odata.bind`).
    nested = {key.lower() for request in examples for key in _nested_keys(request.body.value if request.body else None)}
    nested.update(key.split("@", 1)[0].lower() for key in used if "@odata." in key)
    for request in examples:
        assert request.body is not None
        nested.update(key.split("@", 1)[0].lower() for key in request.body.value if "@odata.bind" in key)
    unused_rows = [name for name in rows if name not in used and name.lower() not in nested]
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
    first_missing: dict[str, Span] = {}
    for key, _request, span in missing:
        first_missing.setdefault(key, span)
    # A suspect row and the missing key it stands for are one defect: reported
    # once, on the row (the name to fix), with the example key as related.
    meant = _pair_rows_with_keys(page, context, [name for name in suspects if missing], list(first_missing))
    paired_keys = set(meant.values())
    for key, span in first_missing.items():
        if key in paired_keys:
            continue
        unused = [name for name in suspects if name not in meant]
        hint = f" (the table lists {', '.join(f'`{name}`' for name in unused)})" if unused else ""
        yield Finding(
            span,
            f"example key `{key}` is not in the request body table{hint}",
            related=tuple(Related(rows[name].span, f"table row `{name}`") for name in unused),
            context=f"key {key}",
        )
    property_table = whole_resource_body(page, context)
    for name, cell in rows.items():
        if name not in unused_rows or any(name.lower() == key.lower() for key in used):
            continue
        if name in meant:
            key = meant[name]
            yield Finding(
                cell.span,
                f"body parameter `{name}` is used by no request example; the examples send `{key}`, "
                "which the table lacks",
                related=(Related(first_missing[key], f"example key `{key}`"), *english_row(context, page, name)),
                context=f"row {name}",
            )
            continue
        description = _row_description(page, cell)
        if (missing and name in suspects) or (not property_table and _REQUIRED.search(description)):
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


def _pair_rows_with_keys(page: Page, context: Context, rows: list[str], keys: list[str]) -> dict[str, str]:
    """Which missing example key each suspect row stands for (row name -> key), where that is clear.

    The English names a row may stand for say it (:func:`_english_candidates`):
    ``причиной`` stands where English has ``reason`` or ``callbackUri``, and
    only ``reason`` is a key the table lacks. A row whose English name is
    known to be another parameter stands for no missing key. Without the
    English page, one row left for one key is a pair. Last, a similar
    spelling (``colour`` / ``color``, ``descripción`` / ``description``). A
    row or key left unpaired is reported on its own.
    """
    pairs: dict[str, str] = {}
    by_lower = {key.lower(): key for key in keys}
    candidates = _english_candidates(page, context)
    for name in rows:
        meant = [by_lower[english.lower()] for english in candidates.get(name, []) if english.lower() in by_lower]
        if len(meant) == 1 and meant[0] not in pairs.values():
            pairs[name] = meant[0]
    rows_left = [name for name in rows if name not in pairs and name not in candidates]
    keys_left = [key for key in keys if key not in pairs.values()]
    if context.english is None and len(rows_left) == 1 and len(keys_left) == 1:
        return {**pairs, rows_left[0]: keys_left[0]}
    for name in rows_left:
        close = _closest(name, [key for key in keys_left if key not in pairs.values()])
        if close is not None:
            pairs[name] = close
    return pairs


def _english_candidates(page: Page, context: Context) -> dict[str, list[str]]:
    """For each body-parameter row not named as in English, the English names it may stand for.

    The cell's embedded English (bilingual pages) is certain. Otherwise rows
    named as in English anchor the two tables, and a translated row stands
    for one of the English rows between the same anchors: the one at its
    place when both gaps hold as many rows, any of them when a row was added
    or lost there (the caller decides with the example keys).
    """
    candidates: dict[str, list[str]] = {}
    for table in page.tables_of("body-parameters"):
        for row in table.rows:
            if row.cells and row.cells[0].source and plain_name(row.cells[0].source):
                candidates.setdefault(row_name(row), [plain_name(row.cells[0].source)])
    for table, english in aligned_tables(page, context.english, "body-parameters"):
        names = [row_name(row) for row in table.rows if row_name(row)]
        english_names = [row_name(row) for row in english.rows if row_name(row)]
        place = {name.lower(): index for index, name in enumerate(english_names)}
        gap: list[str] = []
        last = -1
        for name in [*names, None]:
            anchor = place.get(name.lower(), -1) if name is not None else len(english_names)
            if name is not None and anchor <= last:
                if anchor < 0:
                    gap.append(name)
                continue
            english_gap = english_names[last + 1 : anchor]
            for position, translated in enumerate(gap):
                choice = [english_gap[position]] if len(gap) == len(english_gap) else english_gap
                candidates.setdefault(translated, choice)
            gap, last = [], anchor
    return candidates


def _nested_keys(value: object, depth: int = 0) -> Iterator[str]:
    """The keys of the objects inside ``value`` (below the top level), through arrays."""
    if isinstance(value, dict):
        for key, member in value.items():
            if depth > 0:
                yield key
            yield from _nested_keys(member, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _nested_keys(item, depth)


#: What the request-body prose says when the body is a whole resource, in the
#: corpus's languages: "a JSON representation of the [event](...) object",
#: "supply the values for relevant fields that should be updated".
_RESOURCE_WORDS = (
    "json representation of",  # en
    "в формате json", "json-представлен", "представление json", "представление объекта",  # ru
    "json 表示形式", "json 表示",  # zh
    "representación json", "representación de json",  # es
)  # fmt: skip
_UPDATE_WORDS = (
    "values for relevant fields",  # en
    "соответствующих полей",  # ru
    "相关字段的值",  # zh
    "campos relevantes",  # es
)  # fmt: skip
_PARAMETER_WORDS = ("parameter", "параметр", "参数", "parámetro")


def whole_resource_body(page: Page, context: Context) -> bool:
    """Whether the Request body prose asks for a whole resource, so the table lists its properties.

    Read on the English page when there is one (whatever the translation
    says), else on the page itself, in its language or the English it embeds.
    A resource is named by a link to its page; "a JSON representation of the
    parameters" names none, and is a parameter list.
    """
    source = context.english if context.english is not None else page
    section = source.section("request-body")
    if section is None:
        return False
    if any(
        "property-table-intro" in include.target and section.span.line <= include.span.line <= section.end_line
        for include in source.includes
    ):
        return True
    table_lines = [table.span.line for table in source.tables_of("body-parameters")]
    prose_end = min([line for line in table_lines if line > section.span.line], default=section.end_line)
    for segment in source.segments:
        if not section.span.line < segment.span.line < prose_end:
            continue
        for text in (segment.text, segment.source or ""):
            lowered = text.lower()
            if any(word in lowered for word in _UPDATE_WORDS):
                return True
            if (
                any(word in lowered for word in _RESOURCE_WORDS)
                and "resources/" in lowered
                and not any(word in lowered for word in _PARAMETER_WORDS)
            ):
                return True
    return False


def _row_description(page: Page, first: Cell) -> str:
    for table in page.tables_of("body-parameters"):
        for row in table.rows:
            if row.cells and row.cells[0] is first:
                last = row.cells[-1]
                return last.source or last.text
    return ""


def _closest(name: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The candidate spelled most like ``name``, if any is close enough."""
    if not candidates:
        return None
    import difflib

    lowered = {candidate.lower(): candidate for candidate in candidates}
    found = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


def _close(name: str, candidates: list[str], cutoff: float = 0.8) -> bool:
    """A similar spelling: ``color`` / ``colour`` (0.8), or ``publicador`` / ``publisher`` (0.6)."""
    if not candidates:
        return False
    import difflib  # rarely needed: only when an example key is missing from the table

    return bool(difflib.get_close_matches(name.lower(), [c.lower() for c in candidates], n=1, cutoff=cutoff))
