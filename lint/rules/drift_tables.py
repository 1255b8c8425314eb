"""Rules that hold a translation's tables against its English page's, row by row.

Parameter, header and permission tables state API facts: names a client
sends, types it must use, permissions it must ask for. A translator must
leave every one of them as the English page has it; only the descriptions
are prose. Tables and rows are aligned by :mod:`lint.align.tables`
(by role and section, rows by identifier, then by place for translated
names); each rule reports one kind of difference, on the translated cell
that carries it, with the English cell as the related location.

Where the English page may be the older side (a translation made after
the English page it is compared with), the messages say what each side has
and leave the blame open, except where a word is plainly a translation.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.align.tables import (
    RowPairing,
    aligned_tables,
    cell_at,
    missing_tables,
    pair_rows,
    row_identifier,
    row_name,
    type_column,
)
from lint.context import Context
from lint.fix.edit import Edit, Fix
from lint.fix.rows import missing_row_fix, rows_settled
from lint.lazy_pattern import lazy_compile
from lint.model import Cell, Page, Table, TableRole, TableRow
from lint.rules import Finding, Related, rule
from lint.rules.names import plain_name
from lint.terms.catalogue import Catalogue, english_catalogue
from lint.terms.identifiers import PRIMITIVES, TYPE_TOKEN, api_identifier, cell_name, type_identifiers, without_remark

#: Tables whose rows name parameters a client sends.
PARAMETER_ROLES: dict[TableRole, str] = {
    "path-parameters": "path parameter",
    "query-parameters": "query parameter",
    "body-parameters": "body parameter",
}
#: Tables whose rows name HTTP headers.
HEADER_ROLES: dict[TableRole, str] = {
    "request-headers": "request header",
    "response-headers": "response header",
}
_SECTION_TITLES: dict[TableRole, str] = {
    "path-parameters": "path parameters",
    "query-parameters": "query parameters",
    "body-parameters": "request body",
    "request-headers": "request headers",
    "response-headers": "response headers",
}
#: An HTTP field name (RFC 9110 token).
_HEADER_TOKEN = lazy_compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
#: An API identifier as Graph writes one: ASCII, no spaces, camelCase or dotted or marked.
_IDENTIFIER = lazy_compile(r"^[A-Za-z_@$][\w.@$:-]*$")


def _names(rows: tuple[TableRow, ...] | list[TableRow]) -> str:
    return ", ".join(f"`{row_name(row)}`" for row in rows)


def _looks_translated(name: str, english: str) -> bool:
    """Whether ``name`` is a word in the reader's language rather than an API identifier.

    A name outside ASCII, or with spaces, is no identifier Graph has; a
    lower-case ASCII word where English has another identifier may be either
    (``motivo`` for ``reason``), so only the first kind is called a translation.
    """
    return not name.isascii() or not _IDENTIFIER.match(name) or name.lower() == english.lower()


def _leading_identifier(name: str, identifier: str) -> str:
    """``name`` without a remark after the identifier, when English has a remark there too."""
    bare = without_remark(name)
    return bare if bare.lower() == identifier.lower() else name


def _name_drift(row: TableRow, source: TableRow, kind: str, role: TableRole, terms: Catalogue) -> Finding | None:
    """A finding when ``row`` stands for ``source`` under another name (headers: ignoring case).

    Only a name the do-not-translate list keeps is held verbatim: the list
    and this rule read an English cell the same way.
    """
    name, english = row_name(row), row_name(source)
    identifier = api_identifier(english)
    header = role in HEADER_ROLES
    if identifier is None or (header and not _HEADER_TOKEN.match(identifier)):
        return None  # the English first column names no identifier here (a label, a sentence)
    listed = cell_name(source.cells[0].text, header=header)
    if listed is None or not terms.keeps(listed, "header" if header else "parameter"):
        return None
    written = _leading_identifier(name, identifier)
    same = written.lower() == identifier.lower() if role in HEADER_ROLES else written == identifier
    if same:
        return None
    cell = row.cells[0]
    repairable = True
    if name.lower() == english.lower():
        message = f"{kind} `{name}` is spelled `{english}` in the English table (names are case-sensitive)"
    elif row_identifier(row) == english or _looks_translated(name, english):
        message = f"{kind} `{name}` should be `{english}` as in the English table; identifiers are never translated"
    else:
        message = (
            f"{kind} `{name}` stands where the English table has `{english}`: "
            "names are identifiers, so one of the two pages has the wrong one"
        )
        repairable = False  # which page is wrong is for a reviewer to say
    return Finding(
        cell.span,
        message,
        related=(Related(source.cells[0].span, f"the English page names this {kind} `{english}`"),),
        context=f"{role} {name} for {english}",
        fix=_restore_identifier(cell, written, identifier) if repairable else None,
    )


def _restore_identifier(cell: Cell, written: str, identifier: str) -> Fix | None:
    """The edit that puts the English identifier where the cell's text has ``written``.

    Only a plain cell is rewritten: in a bilingual cell the visible text is
    not the page's text as written, and a name the cell holds twice leaves
    no single place to change.
    """
    if cell.source is not None or not written or cell.text.count(written) != 1:
        return None
    offset = cell.text.index(written)
    return Fix((Edit(cell.span.line, cell.span.column + offset, written, identifier),))


def _whole_table_missing(page: Page, context: Context, role: TableRole, kind: str) -> Iterator[Finding]:
    """One finding per English table of ``role`` that the translation lacks in a section it has.

    A translation without the section itself is left to ``example-missing``,
    which reports the section with all it holds.
    """
    for english in missing_tables(page, context.english, role):
        section = page.section(english.section) if english.section else None
        if section is None or not english.rows:
            continue
        yield Finding(
            section.span,
            f"this section lacks the English table of {_SECTION_TITLES[role]} ({_names(english.rows)})",
            related=(Related(english.span, f"the English table of {kind}s"),),
            context=f"missing table {role} {english.section}",
        )


@rule("DL603", scope="pair", severity="warning", tags=("drift", "translation", "params"), fixable="safe")
def param_name_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A parameter row stands for an English row under another name (translated, transliterated, renamed).

    Parameter names are identifiers a client sends as written; a translated
    name is a parameter no service knows. Rows are matched by name, then by
    place: the row at the place of the English `reason`, named `причиной`,
    is `reason` translated. A bilingual cell whose embedded English is the
    identifier but whose visible text is translated is the same defect.

    Bad::

        English:     |reason|String|...|
        Translation: |причиной|String|...|

    Good::

        Translation: |reason|String|...|
    """
    terms = english_catalogue(context)
    if terms is None:
        return
    for role, kind in PARAMETER_ROLES.items():
        for table, english in aligned_tables(page, context.english, role):
            for row, source in pair_rows(table, english).paired:
                finding = _name_drift(row, source, kind, role, terms)
                if finding is not None:
                    yield finding


@rule("DL604", scope="pair", severity="warning", tags=("drift", "translation", "params"), fixable="safe")
def param_missing(page: Page, context: Context) -> Iterator[Finding]:
    """A parameter the English table lists has no row in the translation.

    A reader of the translation never learns the parameter exists. A table
    the translation lacks entirely, in a section it has, is one finding
    naming all its rows.

    Fixable (safe): ``--fix`` inserts the English row where English has it
    (after the row standing for the English row before it), its name, type
    and other cells as English writes them and its description in English
    behind a ``<!-- doclint: translate -->`` comment, which no page shows,
    for the translator to translate. Only in a table of as many columns as
    the English one whose rows start with ``|`` at the line's start; a
    missing table is not inserted.

    Bad::

        English:     |reason|String|...|   |callbackUri|String|...|
        Translation: |reason|String|...|

    Good::

        Translation: |reason|String|...|   |callbackUri|String|...|
    """
    terms = english_catalogue(context)
    if terms is None:
        return
    for role, kind in PARAMETER_ROLES.items():
        for table, english in aligned_tables(page, context.english, role):
            pairing = pair_rows(table, english)
            yield from _missing_rows(page, table, english, pairing, kind, role, terms)
        yield from _whole_table_missing(page, context, role, kind)


def _missing_rows(
    page: Page, table: Table, english: Table, pairing: RowPairing, kind: str, role: TableRole, terms: Catalogue
) -> Iterator[Finding]:
    """One finding per English row the translated table lacks, at the table, with the row's insertion as fix."""

    def restored(translated: TableRow, source: TableRow) -> bool:
        finding = _name_drift(translated, source, kind, role, terms)
        return finding is None or finding.fix is not None  # None: the same identifier, as the rule reads names

    settled = bool(pairing.missing) and rows_settled(pairing, restored)
    for row in pairing.missing:
        name = row_name(row)
        yield Finding(
            table.span,
            f"this table lacks the {kind} `{name}` that the English table lists",
            related=(Related(row.cells[0].span, f"the English page lists `{name}`"),),
            context=f"missing {role} {name}",
            fix=missing_row_fix(page, table, english, row, pairing, settled),
        )


@rule("DL605", scope="pair", severity="warning", tags=("drift", "translation", "params"))
def param_extra(page: Page, context: Context) -> Iterator[Finding]:
    """A parameter row of the translation has no counterpart in the English table.

    Either the translation documents a parameter the API does not have, or
    the English page dropped or renamed it since: a reviewer must look.

    Bad::

        English:     |displayName|String|...|
        Translation: |displayName|String|...|   |weight|Int32|...|

    Good::

        Translation: |displayName|String|...|
    """
    for role, kind in PARAMETER_ROLES.items():
        for table, english in aligned_tables(page, context.english, role):
            for row in pair_rows(table, english).extra:
                name = row_name(row)
                yield Finding(
                    row.cells[0].span,
                    f"the {kind} `{name}` is not in the English table",
                    related=(Related(english.span, "the English table"),),
                    context=f"extra {role} {name}",
                )


def _not_a_header_name(name: str) -> bool:
    return not _HEADER_TOKEN.match(name)


@rule("DL606", scope="pair", severity="warning", tags=("drift", "translation", "http"), fixable="safe")
def header_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A request or response header of the translation is translated, missing, or not in the English table.

    Header names are sent as written (compared without case, as HTTP does).
    A translated name tells the reader to send a header no server knows; a
    lost row hides a header the request needs.

    Fixable (safe): ``--fix`` writes the English name over a translated one,
    and inserts a missing row as ``param-missing`` does (the English row, its
    description behind ``<!-- doclint: translate -->``). A header the
    English table lacks, or one that names another header, is left to a
    reviewer.

    Bad::

        English:     |Authorization|...|   |Content-type|...|
        Translation: |Авторизация|...|

    Good::

        Translation: |Authorization|...|   |Content-type|...|
    """
    terms = english_catalogue(context)
    if terms is None:
        return
    for role, kind in HEADER_ROLES.items():
        for table, english in aligned_tables(page, context.english, role):
            pairing = pair_rows(table, english, by_place=_not_a_header_name)
            for row, source in pairing.paired:
                finding = _name_drift(row, source, kind, role, terms)
                if finding is not None:
                    yield finding
            yield from _missing_rows(page, table, english, pairing, kind, role, terms)
            for row in pairing.extra:
                name = row_name(row)
                yield Finding(
                    row.cells[0].span,
                    f"the {kind} `{name}` is not in the English table",
                    related=(Related(english.span, "the English table"),),
                    context=f"extra {role} {name}",
                )
        yield from _whole_table_missing(page, context, role, kind)


def _translated_type(text: str) -> bool:
    """Whether a Type cell names no type as Graph writes one: no primitive, no dotted or camelCase name.

    `Cadena`, `Booleano`, `字符串` are words of the reader's language; `Guid`
    or `educationUserRole` where English has `String` is another type.
    """
    for token in type_identifiers(text):
        if token.lower() in PRIMITIVES or "." in token or any(char.isupper() for char in token[1:]):
            return False
        if token.islower():
            return False  # a lower-case link text: a Graph type (`call`)
    return True


def _type_cells(table: Table, english: Table) -> int | None:
    """The Type column of both tables, when they agree on where it is."""
    index = type_column(english)
    if index is None or len(table.header.cells) != len(english.header.cells):
        return None
    return index


def _restore_type(cell: Cell, english_cell: Cell, wanted: list[str]) -> Fix | None:
    """The edit that gives a translated Type cell its English type name back.

    A cell of one word (`Cadena`, `Строка`, `[вызов](...)`) where English
    has the bare type name takes that name in place of the word (safe). A
    cell of several words (`Коллекция строк`), or one standing for several
    English words (`字符串集合` for `String collection`), holds translated
    words that describe the type too: it becomes the English cell, but only
    with ``--unsafe-fixes``, since it touches them. A cell that names another
    type is left alone (which page is right is for a reviewer), as are
    bilingual cells.
    """
    if cell.source is not None or not _translated_type(cell.text) or cell.span.line != cell.span.end_line:
        return None
    words, english_words = plain_name(cell.text).split(), plain_name(english_cell.text).split()
    if len(words) == 1 and english_words == wanted and len(wanted) == 1 and cell.text.count(words[0]) == 1:
        offset = cell.text.index(words[0])
        return Fix((Edit(cell.span.line, cell.span.column + offset, words[0], wanted[0]),))
    if "|" not in english_cell.text + cell.text:
        return Fix((Edit(cell.span.line, cell.span.column, cell.text, english_cell.text),), safe=False)
    return None


@rule("DL607", scope="pair", severity="warning", tags=("drift", "translation", "params"), fixable="safe")
def type_name_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A parameter's type is translated, or names another type than the English table.

    Types are identifiers (`String`, `Int32`, `microsoft.graph.call`): a
    reader looks them up as written. Words that describe a type may be
    translated (`String collection` -> `String 集合`); the type names may not.

    Bad::

        English:     |reason|String|...|
        Translation: |reason|Cadena|...|

    Good::

        Translation: |reason|String|...|

    Fixable: ``--fix`` writes the English type name over a translated one
    (`Cadena` to `String`); a Type cell of several translated words (`Коллекция
    строк`) becomes the English cell (`String collection`) only with
    ``--unsafe-fixes``, since it replaces words a translator may translate. A
    cell naming another type (`Guid` where English has `String`) is left to a
    reviewer.
    """
    terms = english_catalogue(context)
    if terms is None:
        return
    for role, kind in PARAMETER_ROLES.items():
        for table, english in aligned_tables(page, context.english, role):
            index = _type_cells(table, english)
            if index is None:
                continue
            for row, source in pair_rows(table, english).paired:
                cell, english_cell = cell_at(row, index), cell_at(source, index)
                if cell is None or english_cell is None:
                    continue
                wanted = [name for name in type_identifiers(english_cell.text) if terms.keeps(name, "type")]
                have = {token.lower() for token in TYPE_TOKEN.findall(plain_name(cell.text))}
                lost = [token for token in wanted if token.lower() not in have]
                if not wanted or not lost:
                    continue
                shown, english_type = plain_name(cell.text), plain_name(english_cell.text)
                why = (
                    "type names are identifiers, never translated"
                    if _translated_type(cell.text)
                    else "one of the two pages names the wrong type"
                )
                yield Finding(
                    cell.span,
                    f"the type of {kind} `{row_name(row)}` is `{shown}` here, `{english_type}` in the English table "
                    f"({why})",
                    related=(Related(english_cell.span, f"the English type: `{english_type}`"),),
                    context=f"type {role} {row_identifier(source)} {shown}",
                    fix=_restore_type(cell, english_cell, wanted) if page.format == "markdown" else None,
                )


_PERMISSION = lazy_compile(r"\b[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)+\b")


def permission_names(row: TableRow) -> set[str]:
    """The permissions a permissions-table row names (``User.Read.All``), beyond its first cell."""
    names: set[str] = set()
    for cell in row.cells[1:]:
        names.update(_PERMISSION.findall(plain_name(cell.text)))
    return names


def _listing(names: set[str] | list[str]) -> str:
    return ", ".join(f"`{name}`" for name in sorted(names)) if names else "none"


def _permission_rows(table: Table, english: Table) -> tuple[tuple[TableRow, TableRow], ...]:
    """Rows of a permissions table that stand for the same English row.

    Permission types (`Delegated (work or school account)`, `Application`)
    and resources (`[calendar](...) de grupo`, in subscription pages) are
    translated, so rows pair by name where they can and by place when both
    tables have as many rows; with another count, rows pair by name alone.
    A row one side lacks is not judged: which row it was cannot be told.
    """
    count = len([row for row in table.rows if row_name(row)])
    if count == len([row for row in english.rows if row_name(row)]):
        return pair_rows(table, english).paired
    return pair_rows(table, english, by_place=lambda name: False).paired


@rule("DL611", scope="pair", severity="warning", tags=("drift", "translation", "permissions"))
def permission_drift(page: Page, context: Context) -> Iterator[Finding]:
    """The permissions table names other permissions for a permission type than the English table.

    Permission names are identifiers an administrator grants as written; a
    translation that lists another (an older, a broader, a translated one)
    sends the reader to request the wrong consent. Rows pair by place (the
    permission types are translated), permissions compare as sets.

    Bad::

        English:     |Application|Calls.Initiate.All|
        Translation: |Для приложений|Calls.AccessMedia.All|

    Good::

        Translation: |Для приложений|Calls.Initiate.All|
    """
    for table, english in aligned_tables(page, context.english, "permissions"):
        for row, source in _permission_rows(table, english):
            names, english_names = permission_names(row), permission_names(source)
            if names == english_names or len(row.cells) < 2:
                continue
            kind = row_identifier(source)
            garbled = "." in "".join(plain_name(cell.text) for cell in row.cells[1:])
            named = _listing(names) if names else "no permission spelled as the API spells it" if garbled else "none"
            yield Finding(
                row.cells[1].span,
                f"for `{kind}`, this row names {named} where the English table names {_listing(english_names)}",
                related=(Related(source.cells[-1].span, f"the English permissions: {_listing(english_names)}"),),
                context=f"permissions {kind} {sorted(names)}",
            )
