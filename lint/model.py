"""The document model every parser produces and every rule reads.

One model for all input formats (Graph Markdown, platyPS cmdlet help, rendered
HTML, plain-text renderings) is what lets a rule written once run on every page,
and lets a localized page be compared with its English source whatever shape
each arrived in.

Every element carries a :class:`Span` with 1-based line and column numbers in
the file as it is on disk, converted once at the parser's edge, so that a
finding can always point a writer at ``path:line:col``.

All classes are frozen: parsers build them, nothing downstream mutates them, so
pages can be cached and shared between worker processes safely. They are
``msgspec.Struct`` classes rather than dataclasses because a dataclass writes
and compiles its methods at import: some fifty of them cost a one-file
pre-commit run about 20 ms before any page is read, while Struct classes are
built in C. Equality compares every field; a value holding a dict (``Page``
through its front matter, ``JsonExample`` through its parsed value) is not
hashable.
"""

from __future__ import annotations

from typing import Any, Literal

from msgspec import Struct, field

#: What a page documents: a REST operation, or a PowerShell cmdlet.
PageKind = Literal["rest", "cmdlet"]

#: The input format the page was parsed from.
PageFormat = Literal["markdown", "platyps", "html", "text", "unknown"]

#: Where an HTTP request came from: the syntax block of the "HTTP request"
#: section (templates such as ``POST /calls/{id}/reject``) or an example.
RequestOrigin = Literal["syntax", "example"]

#: The role of a table, decided by the section it stands in and its header row.
TableRole = Literal[
    "path-parameters",
    "query-parameters",
    "request-headers",
    "body-parameters",
    "response-headers",
    "permissions",
    "other",
]


class Span(Struct, frozen=True):
    """A place in a source file.

    ``line`` and ``column`` are 1-based and point at the first character of
    the element; ``end_line`` is the 1-based last line it covers (inclusive).
    Columns count Unicode code points, as editors and SARIF do.
    """

    path: str
    line: int
    column: int
    end_line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class ParseDiagnostic(Struct, frozen=True):
    """A problem the parser met in the input: never an exception.

    ``code`` is the kebab-case name of the rule that reports it
    (``http-syntax``, ``annotation-syntax``, ``json-syntax``,
    ``front-matter-syntax``, ``unsupported-format``, ``invalid-encoding``,
    ``unclosed-fence``), so the lint engine can surface parse problems through
    its normal rule machinery.
    """

    code: str
    message: str
    span: Span


class Segment(Struct, frozen=True):
    """A piece of visible text, with the English it translates when known.

    Machine-translated Graph pages embed the English next to the translation
    (``<span class="sxs-lookup">``); keeping it lets drift rules explain a
    finding against the English line without opening the English page.
    """

    text: str
    span: Span
    source: str | None = None
    #: The ``data-ttu-id`` of the bilingual markup, when there was one.
    segment_id: str | None = None


class Section(Struct, frozen=True):
    """A heading and the region of the page it governs.

    ``anchor`` is stable across locales: the explicit ``<a name>`` of the
    heading, else a slug of its English text, made unique within the page by
    a ``-1``, ``-2`` ... suffix. ``role`` classifies the section by anchor and
    English heading text, never by translated text alone.
    """

    level: int
    title: str
    anchor: str
    role: str
    span: Span
    #: English heading text when a translated page embeds it; ``None`` otherwise.
    source_title: str | None = None
    #: Last line (1-based, inclusive) of the section's region, subsections included.
    end_line: int = 0
    #: Anchor of the enclosing section, or ``None`` at the top.
    parent: str | None = None


class Header(Struct, frozen=True):
    """One HTTP header line: ``name: value``."""

    name: str
    value: str
    span: Span
    #: 1-based column of the value's first character (0 when unknown): a fix replaces exactly the value.
    value_column: int = 0


class Annotation(Struct, frozen=True):
    """The ``<!-- { "blockType": ... } -->`` comment bound to the next code block.

    ``raw`` holds every key of the comment; the common ones are lifted into
    fields. A comment that does not parse produces a ``ParseDiagnostic`` and
    no annotation.
    """

    block_type: str | None
    span: Span
    name: str | None = None
    odata_type: str | None = None
    truncated: bool = False
    raw: dict[str, Any] = field(default_factory=dict)


class JsonError(Struct, frozen=True):
    """Why a JSON text does not parse, at an absolute 1-based position."""

    message: str
    line: int
    column: int


class JsonExample(Struct, frozen=True):
    """A JSON text: a ``json`` fence, or the body of an HTTP message.

    ``value`` is the parsed value, or ``None`` with ``error`` set. ``span``
    starts at the first character of the JSON text itself, so a JSON pointer
    can be turned back into a source position.
    """

    text: str
    span: Span
    value: Any = None
    error: JsonError | None = None
    annotation: Annotation | None = None
    #: ``json-fence``, ``request-body``, ``response-body`` or ``powershell``.
    origin: str = "json-fence"
    #: Keys that occur twice in one object, with their positions.
    duplicate_keys: tuple[tuple[str, int, int], ...] = ()
    #: ``(JSON pointer, line, column)`` of each member key and array element,
    #: when the parser knows them up front (PowerShell hashtables; JSON texts
    #: are located on demand by ``lint.parse.jsontext.locate``).
    positions: tuple[tuple[str, int, int], ...] = ()


class HttpRequest(Struct, frozen=True):
    """An HTTP request line with its headers and body.

    ``url`` is the request target as written; ``path`` is the same with
    scheme, host and API-version prefix removed (``/communications/calls/
    {id}/reject``); ``version`` is the API version named in the URL, if any.
    """

    method: str
    url: str
    path: str
    span: Span
    origin: RequestOrigin
    query: str = ""
    version: str | None = None
    host: str | None = None
    headers: tuple[Header, ...] = ()
    body: JsonExample | None = None
    annotation: Annotation | None = None
    #: Anchor of the section the request stands in.
    section: str | None = None
    #: Span of the code block holding the request.
    block: Span | None = None


class HttpResponse(Struct, frozen=True):
    """An HTTP status line with its headers and body."""

    status: int
    reason: str
    span: Span
    headers: tuple[Header, ...] = ()
    body: JsonExample | None = None
    annotation: Annotation | None = None
    section: str | None = None
    block: Span | None = None
    #: The status line as written, trimmed (``HTTP/1.1 200 OK``): a fix names the text it replaces.
    line: str = ""


class Cell(Struct, frozen=True):
    """One table cell: its text, its English source if embedded, and where.

    From Markdown the text keeps inline syntax (backticks, emphasis, links:
    only block structure is parsed, for speed); from HTML it is the rendered
    text. Rules compare names through ``lint.rules.params.plain_name``.
    """

    text: str
    span: Span
    source: str | None = None


class TableRow(Struct, frozen=True):
    cells: tuple[Cell, ...]
    span: Span


class Table(Struct, frozen=True):
    """A table classified by role, with its header row and body rows.

    ``rows`` are the rows that name something (a parameter, a header, a
    permission ...); rows that only label or separate groups of them (a lone
    ``**RA Policy**`` cell, an empty row) are in ``labels``, so that no rule
    takes a group title for a parameter name.
    """

    role: TableRole
    header: TableRow
    rows: tuple[TableRow, ...]
    span: Span
    section: str | None = None
    labels: tuple[TableRow, ...] = ()

    def names(self) -> list[str]:
        """The first cell of every row: parameter or header names."""
        return [row.cells[0].text for row in self.rows if row.cells]


class ProseStatus(Struct, frozen=True):
    """An HTTP status code stated in prose (``returns a `202 Accepted` response``)."""

    status: int
    reason: str
    text: str
    span: Span
    section: str | None = None


class CodeBlock(Struct, frozen=True):
    """A code block that is not an HTTP message or a JSON example.

    Kept so rules can see SDK snippets and PowerShell code, and so that code
    is never mistaken for prose. ``fenced`` is false for code the parser found
    written as bare lines (outside any fence).
    """

    language: str
    text: str
    span: Span
    fenced: bool = True
    annotation: Annotation | None = None
    section: str | None = None
    #: True for a fence never closed: its text runs on over what the writer
    #: meant as prose and other blocks, so it is no example to check.
    unclosed: bool = False


class Include(Struct, frozen=True):
    """A DocFX ``[!INCLUDE [name](path)]`` reference."""

    name: str
    target: str
    span: Span


class Note(Struct, frozen=True):
    """A callout: ``> **Note:** ...`` or ``> [!NOTE]`` (kind in lower case)."""

    kind: str
    text: str
    span: Span
    source: str | None = None
    section: str | None = None
    #: The quote's lines as written, when the note opens it (Markdown): what a fix copies into a translation.
    lines: tuple[str, ...] = ()


class Comment(Struct, frozen=True):
    """An HTML comment that is not a block annotation.

    Kept so the lint engine can honour ``<!-- doclint-disable ... -->``
    directives without re-reading the file.
    """

    text: str
    span: Span


class Tab(Struct, frozen=True):
    """One DocFX tab (``# [HTTP](#tab/http)``) of a tabbed code group."""

    label: str
    tab_id: str
    span: Span
    group: int = 0


class CmdletParameter(Struct, frozen=True):
    """One parameter of a PowerShell cmdlet, from the PARAMETERS section."""

    name: str
    span: Span
    type: str = ""
    description: str = ""
    description_span: Span | None = None
    parameter_sets: tuple[str, ...] = ()
    required: bool = False
    position: str = ""
    default: str = ""
    pipeline_input: str = ""
    aliases: tuple[str, ...] = ()


class ParameterSet(Struct, frozen=True):
    """One SYNTAX parameter set of a cmdlet."""

    name: str
    span: Span
    default: bool = False
    parameters: tuple[str, ...] = ()


class CmdletExample(Struct, frozen=True):
    """One EXAMPLES entry: the code, and each ``$params = @{...}`` as JSON."""

    title: str
    span: Span
    code: str
    code_span: Span
    fenced: bool = True
    params: tuple[JsonExample, ...] = ()


class PropertyNode(Struct, frozen=True):
    """One ``[Name <Type>]: description`` line of a NOTES property tree."""

    name: str
    type: str
    description: str
    span: Span
    children: tuple[PropertyNode, ...] = ()


class Cmdlet(Struct, frozen=True):
    """What a platyPS cmdlet help page says beyond the common model."""

    name: str
    module: str
    span: Span
    online_version: str = ""
    synopsis: str = ""
    synopsis_span: Span | None = None
    description: str = ""
    description_span: Span | None = None
    parameter_sets: tuple[ParameterSet, ...] = ()
    parameters: tuple[CmdletParameter, ...] = ()
    examples: tuple[CmdletExample, ...] = ()
    #: NOTES trees keyed by the upper-case parameter name (``BODYPARAMETER``).
    notes: tuple[tuple[str, str, tuple[PropertyNode, ...]], ...] = ()
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    #: The REST operation behind the cmdlet, decoded from the body type name.
    operation_method: str | None = None
    operation_path: str | None = None


class Page(Struct, frozen=True):
    """Everything doclint knows about one file.

    ``locale`` is a BCP 47 tag (``en-US`` for English sources); ``version`` is
    the Graph API version (``v1.0``, ``beta``) or ``None`` when unknown.
    Sequences are tuples in document order.
    """

    path: str
    locale: str
    version: str | None
    kind: PageKind
    format: PageFormat
    title: str = ""
    title_source: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    requests: tuple[HttpRequest, ...] = ()
    responses: tuple[HttpResponse, ...] = ()
    tables: tuple[Table, ...] = ()
    json_examples: tuple[JsonExample, ...] = ()
    prose_statuses: tuple[ProseStatus, ...] = ()
    segments: tuple[Segment, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    includes: tuple[Include, ...] = ()
    notes: tuple[Note, ...] = ()
    tabs: tuple[Tab, ...] = ()
    cmdlet: Cmdlet | None = None
    diagnostics: tuple[ParseDiagnostic, ...] = ()
    comments: tuple[Comment, ...] = ()
    #: The 1-based line of each top-level front matter key (``ms.sourcegitcommit`` -> 8).
    front_matter_lines: dict[str, int] = field(default_factory=dict)

    def section(self, anchor: str) -> Section | None:
        """The section with this anchor, if the page has one."""
        for section in self.sections:
            if section.anchor == anchor:
                return section
        return None

    def tables_of(self, role: TableRole) -> list[Table]:
        return [table for table in self.tables if table.role == role]
