"""Rules for input that could not be read as intended.

The parsers never raise: what they could not understand becomes a
``ParseDiagnostic`` on the page, and each kind is surfaced here as a rule, so
it can be selected, suppressed and baselined like any other finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import Annotation, CodeBlock, HttpRequest, HttpResponse, JsonExample, Page
from lint.rules import Finding, rule

#: blockType values the Graph documentation tooling understands.
KNOWN_BLOCK_TYPES = frozenset({"request", "response", "example", "ignored", "resource", "samples", "enum", "property"})


def _parse_problems(page: Page, code: str) -> Iterator[Finding]:
    for diagnostic in page.diagnostics:
        if diagnostic.code == code:
            yield Finding(diagnostic.span, diagnostic.message, context=diagnostic.message)


@rule("DL001", tags=("syntax", "http"))
def http_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """A code block labelled `http` holds no HTTP request or response.

    Readers copy these blocks into their HTTP client, and doclint reads them
    to compare examples with the API; prose inside an `http` fence defeats both.

    Bad::

        ```http
        Returns `202 Accepted` response code
        ```

    Good::

        ```http
        HTTP/1.1 202 Accepted
        ```
    """
    yield from _parse_problems(page, "http-syntax")


@rule("DL003", tags=("syntax", "annotation"))
def annotation_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """An annotation comment is malformed, of an unknown `blockType`, or a response has no request.

    The `<!-- { "blockType": ... } -->` comments drive the documentation
    test tooling: a broken one silently drops its example from every check.

    Bad::

        <!-- { "blockType": "reponse", } -->

    Good::

        <!-- { "blockType": "response", "truncated": true } -->
    """
    yield from _parse_problems(page, "annotation-syntax")
    blocks: list[HttpRequest | HttpResponse | JsonExample | CodeBlock] = [
        *page.requests,
        *page.responses,
        *page.json_examples,
        *page.code_blocks,
    ]
    # A syntax block may hold several requests under one annotation: count it once.
    annotations = {id(block.annotation): block.annotation for block in blocks if block.annotation is not None}
    for annotation in annotations.values():
        kind = annotation.block_type
        if kind is not None and kind not in KNOWN_BLOCK_TYPES:
            known = ", ".join(sorted(KNOWN_BLOCK_TYPES))
            yield Finding(annotation.span, f"unknown blockType `{kind}` (known: {known})", context=kind)
    yield from _responses_without_request(page, list(annotations.values()))


def _responses_without_request(page: Page, annotations: list[Annotation]) -> Iterator[Finding]:
    """A `response` annotation needs a request shown before it (since the previous response).

    Any example request counts, annotated or not, and so does a block the
    writer marked `ignored` (often the request shown in another form, such as
    an SDK tab): only a response with nothing to answer is wrong.
    """
    events: list[tuple[int, str, Annotation | None]] = [
        (request.span.line, "request", None) for request in page.requests if request.origin == "example"
    ]
    events += [
        (annotation.span.line, annotation.block_type or "", annotation)
        for annotation in annotations
        if annotation.block_type in ("request", "response", "ignored")
    ]
    open_request = False
    for _line, kind, annotation in sorted(events, key=lambda event: event[0]):
        if kind in ("request", "ignored"):
            open_request = True
        elif annotation is not None:
            if not open_request:
                yield Finding(
                    annotation.span,
                    "response example has no request example before it",
                    context=f"response {annotation.name or ''}",
                )
            open_request = False


@rule("DL004", tags=("syntax",))
def front_matter_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """The YAML front matter does not parse.

    Localization and publishing pipelines read `ms.*` keys from it; a broken
    block loses them all.

    Bad::

        ---
        title: [call: reject
        ---

    Good::

        ---
        title: "call: reject"
        ---
    """
    yield from _parse_problems(page, "front-matter-syntax")


@rule("DL005", tags=("syntax",))
def invalid_encoding(page: Page, context: Context) -> Iterator[Finding]:
    """The file is not valid UTF-8 (or UTF-16 after its byte-order mark).

    Published pages are UTF-8; a stray byte from another encoding shows as
    mojibake on the site. A localized file saved whole in a legacy encoding
    (Windows-1251, GB18030, Shift-JIS) is named as such, at its first byte
    that is not UTF-8, so the translator knows what to convert. The rest of
    the file is still checked.

    Bad: a Latin-1 `é` (byte 0xE9) in a UTF-8 page. Good: the same text saved as UTF-8.
    """
    yield from _parse_problems(page, "invalid-encoding")


@rule("DL006", tags=("syntax",))
def unsupported_format(page: Page, context: Context) -> Iterator[Finding]:
    """No parser accepts the file.

    doclint reads Graph Markdown, platyPS cmdlet help, rendered HTML and plain
    text renderings; anything else is reported rather than skipped silently.
    Map a glob to a format with `[tool.doclint] formats` if detection is wrong.

    Bad: a PNG named `page.txt`. Good: exclude it with `[tool.doclint] exclude`.
    """
    yield from _parse_problems(page, "unsupported-format")


@rule("DL007", tags=("syntax", "powershell"), formats=("platyps",))
def cmdlet_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """A cmdlet help page breaks the platyPS structure (a parameter block that does not parse ...).

    Bad::

        ```yaml
        Type: [String
        ```

    Good::

        ```yaml
        Type: String
        ```
    """
    yield from _parse_problems(page, "cmdlet-syntax")


@rule("DL008", tags=("syntax", "powershell"), formats=("platyps",))
def powershell_syntax(page: Page, context: Context) -> Iterator[Finding]:
    """A `$params = @{ ... }` hashtable in a cmdlet example does not parse.

    Bad::

        $params = @{
            reason = "busy
        }

    Good::

        $params = @{
            reason = "busy"
        }
    """
    yield from _parse_problems(page, "powershell-syntax")


@rule("DL009", tags=("syntax",))
def unclosed_fence(page: Page, context: Context) -> Iterator[Finding]:
    """A code fence is never closed, so the headings, prose and examples after it are read as code.

    Markdown does not stop at a missing closing fence: the code runs on to the
    end of the page, or up to the closing fence of the next example, whose
    opening line becomes code too. The page then renders headings as code and
    loses an example. Reported once, at the opening fence; the swallowed text
    is not checked as an example. In a platyPS page, a fence left open ends
    before the next heading of the page's skeleton (``### EXAMPLE 2``,
    ``## PARAMETERS``), so the sections after it are still read and checked.

    Bad::

        ```http
        POST https://graph.microsoft.com/v1.0/me/sendMail

        ## Response
        ```http
        HTTP/1.1 202 Accepted
        ```

    Good::

        ```http
        POST https://graph.microsoft.com/v1.0/me/sendMail
        ```

        ## Response
        ```http
        HTTP/1.1 202 Accepted
        ```
    """
    yield from _parse_problems(page, "unclosed-fence")


@rule("DL010", severity="warning", tags=("syntax", "params"))
def broken_table_row(page: Page, context: Context) -> Iterator[Finding]:
    """A table cell goes on to the next line, which does not start with `|`.

    Markdown has no line breaks inside a table row: the second line becomes a
    row of its own, whose first cell (the rest of a description) the page
    shows in the name column. Translations often break a long description
    this way. doclint joins the line back to its row, so no rule takes it for
    a parameter, and reports it once, at the line.

    Bad::

        |reason|String|The reason for rejecting the call,
        in the words of the callee.|

    Good::

        |reason|String|The reason for rejecting the call,<br>in the words of the callee.|
    """
    yield from _parse_problems(page, "broken-table-row")


@rule("DL020", tags=("syntax", "meta"))
def internal_error(page: Page, context: Context) -> Iterator[Finding]:
    """doclint failed on this page: a parser or a rule raised an exception.

    A linter that dies on one odd page blocks every commit of a team, and a
    run that stops hides the findings of every other page. So a failure is
    kept to the page it happened on: the page gets this one finding, naming
    the parser or rule and the exception, at its first line; every other page
    is still checked and reported; and the run exits 2 after the report, as
    any tool error does, so CI does not take a page doclint could not check
    for a clean one. It is a bug in doclint (or a page hostile enough to find
    one): report it with the page. Reported by the engine, whatever the rule
    selection, and never suppressed by a directive in the page it concerns.

    Bad (any page a parser or rule fails on; the finding names which, and the exception)::

        user-get.md:1:1: error DL020 internal-error the markdown parser failed: ValueError: …

    Good: a page every parser and rule can read; until doclint is fixed,
    exclude the page in the configuration (``exclude``).
    """
    return iter(())
