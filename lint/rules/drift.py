"""Rules that compare a translation with its English source.

A translated page is made from the English page of its day and then left
alone while the English moves on, or a translator drops a row by accident.
These rules set the two side by side and report what the translation lacks
or has in excess, always with the English line it departs from, so that a
localization reviewer sees both places at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import Page, TableRole
from lint.rules import Finding, Related, rule
from lint.rules.english import aligned_tables, pair_rows, row_name

#: Tables whose rows name things a client sends or receives.
_NAMED_ROWS: dict[TableRole, str] = {
    "path-parameters": "path parameter",
    "query-parameters": "query parameter",
    "request-headers": "request header",
    "body-parameters": "body parameter",
    "response-headers": "response header",
}


@rule("DL601", scope="pair", severity="warning", tags=("drift", "translation", "params"))
def table_row_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A parameter or header table of a translation lacks a row of the English table, or has one it lacks.

    Rows are matched by name, then, among the rest, by place: a row whose
    name was translated (`причиной` where the English says `reason`) stands
    for the English row at its place and is left to the rules about names.
    What remains is a row the translation lost, or one the English page no
    longer has. Tables are compared role by role, in order; a table the
    translation does not have at all (a rendering that drops it) is not
    judged row by row.

    Bad::

        English:     |reason|String|...|   |callbackUri|String|...|
        Translation: |reason|String|...|

    Good::

        Translation: |reason|String|...|   |callbackUri|String|...|
    """
    for role, kind in _NAMED_ROWS.items():
        for table, english in aligned_tables(page, context, role):
            pairing = pair_rows(table, english)
            for row in pairing.missing:
                name = row_name(row)
                yield Finding(
                    table.span,
                    f"this table lacks the {kind} `{name}` that the English table lists",
                    related=(Related(row.cells[0].span, f"the English page lists `{name}`"),),
                    context=f"missing {role} {name}",
                )
            for row in pairing.extra:
                name = row_name(row)
                yield Finding(
                    row.cells[0].span,
                    f"the {kind} `{name}` is not in the English table",
                    related=(Related(english.span, "the English table"),),
                    context=f"extra {role} {name}",
                )
