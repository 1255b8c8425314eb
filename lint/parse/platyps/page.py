"""Parse PowerShell platyPS cmdlet help Markdown into the common page model.

platyPS pages have a fixed skeleton (``# Name``, ``## SYNOPSIS``, ``## SYNTAX``
with one ``###`` per parameter set, ``### -Name`` parameters each with a YAML
block, ``## NOTES`` property trees). A line scanner over that skeleton gives
rules exactly what they need, keeps every element on the line it has on disk,
and avoids paying for a general Markdown parse.

This module puts the page together: front matter, sections, prose, callouts,
includes, INPUTS and OUTPUTS. The sections with rules of their own are read
by their own modules, so that each can be changed without the others:
``document`` (the scan), ``parameters`` (SYNTAX, PARAMETERS),
``examples`` (EXAMPLES), ``notes`` (NOTES) and
``cmdlet_operation`` (the REST operation the cmdlet calls).
"""

from __future__ import annotations

import re
from typing import Any

from lint.model import Cmdlet, Include, Note, Page, ParseDiagnostic, Section, Segment, Span
from lint.parse.callouts import callout_kind, callout_marker
from lint.parse.collector import diagnostics_in_order
from lint.parse.frontmatter import FrontMatter, split_front_matter
from lint.parse.locate import page_locale, version_from_path
from lint.parse.platyps.cmdlet_operation import body_type_name, decode_operation
from lint.parse.platyps.document import (
    Doc,
    Heading,
    children,
    first_column,
    last_text_line,
    scan,
    section_of,
    split_lines,
)
from lint.parse.platyps.examples import parse_examples
from lint.parse.platyps.notes import parse_notes
from lint.parse.platyps.parameters import parse_parameter_sets, parse_parameters
from lint.parse.sections import AnchorRegistry, slugify

__all__ = ["parse"]

_QUOTE = re.compile(r"^ {0,3}>[ ]?(?P<content>.*)$")
#: Name and target are bounded (real ones are far shorter), so a line of openers
#: without a closing bracket is not rescanned to its end from each opener.
_INCLUDE = re.compile(r"\[!INCLUDE\s*+\[(?P<name>[^\]]{0,500})\]\((?P<target>[^)]{0,500})\)\s*\]", re.IGNORECASE)
#: ``###`` headings are named by the ``##`` section they stand in.
_SUBSECTION_ROLES = {
    "syntax": "parameter-set",
    "examples": "example",
    "parameters": "parameter",
    "inputs": "input",
    "outputs": "output",
}

#: Text, span and segments of a SYNOPSIS or DESCRIPTION section.
_Prose = tuple[str, Span | None, list[Segment]]


# -- public entry point ----------------------------------------------------------


def parse(text: str, path: str) -> Page:
    """Parse one platyPS cmdlet help page. Never raises on any input.

    Problems in the page become ``ParseDiagnostic`` entries; the last-resort
    guard turns a parser bug into a diagnostic too, so that one odd file can
    never stop a lint run over thousands.
    """
    try:
        return _parse(text, path)
    except Exception as error:  # pragma: no cover - a bug guard, not a code path
        return Page(
            path=path,
            locale=page_locale(path, {}),
            version=version_from_path(path),
            kind="cmdlet",
            format="platyps",
            diagnostics=(
                ParseDiagnostic(
                    "cmdlet-syntax",
                    f"internal error while parsing platyPS help: {type(error).__name__}: {error}",
                    Span(path, 1, 1, 1),
                ),
            ),
        )


# -- front matter and sections ---------------------------------------------------------


def _read_front_matter(lines: list[str], path: str) -> FrontMatter:
    """The shared front matter reader, guarded: PyYAML raises more than YAMLError.

    An impossible date (``2023-02-30``) raises ``ValueError`` from inside the
    loader; that is still a front matter problem, not a reason to stop.
    """
    try:
        return split_front_matter(lines, path)
    except Exception as error:
        count = next((index + 1 for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "...")), 0)
        return FrontMatter(
            {},
            count,
            ParseDiagnostic("front-matter-syntax", f"front matter is not valid YAML: {error}", Span(path, 1, 1, 1)),
        )


def _sections(doc: Doc, english: bool) -> list[Section]:
    """One Section per ``##`` (and deeper) heading, anchors unique as DocFX makes them."""
    registry = AnchorRegistry()
    sections: list[Section] = []
    stack: list[Heading] = []
    for heading in doc.headings:
        if heading.level < 2:
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        heading.anchor = registry.unique(slugify(heading.title))
        heading.role = _role(heading, parent)
        sections.append(
            Section(
                level=heading.level,
                title=heading.title,
                anchor=heading.anchor,
                role=heading.role,
                span=doc.span(heading.index),
                source_title=heading.title if english else None,
                end_line=last_text_line(doc, heading.index, heading.stop) + 1,
                parent=parent.anchor if parent else None,
            )
        )
        stack.append(heading)
    return sections


def _role(heading: Heading, parent: Heading | None) -> str:
    """``##`` headings are named by their slug; ``###`` ones by what they stand in."""
    if heading.level == 2:
        return slugify(heading.title)
    if parent is None:
        return "other"
    if parent.role == "parameters" and heading.title.strip().lower() == "commonparameters":
        return "common-parameters"
    return _SUBSECTION_ROLES.get(parent.role, "other")


# -- prose, includes, callouts -------------------------------------------------------


def _prose(doc: Doc, start: int, stop: int) -> _Prose:
    """The visible text of a region: callouts and include lines are page.notes/includes.

    Paragraph breaks are kept as one blank line so that a rule comparing the
    text with its English source sees the same paragraphs.
    """
    kept = [
        index
        for index in range(start, stop)
        if doc.is_text(index)
        and doc.lines[index].strip()
        and not _QUOTE.match(doc.lines[index])
        and not _INCLUDE.fullmatch(doc.lines[index].strip())
    ]
    if not kept:
        return "", None, []
    parts: list[str] = []
    segments: list[Segment] = []
    for position, index in enumerate(kept):
        if position and index - kept[position - 1] > 1:
            parts.append("")
        line = doc.lines[index]
        parts.append(line.strip())
        segments.append(Segment(line.strip(), doc.span(index, first_column(line))))
    span = doc.span(kept[0], first_column(doc.lines[kept[0]]), kept[-1])
    return "\n".join(parts), span, segments


def _includes(doc: Doc) -> list[Include]:
    """DocFX ``[!INCLUDE]`` references anywhere outside code and comments."""
    found: list[Include] = []
    for index in range(doc.body_start, len(doc.lines)):
        if doc.in_fence[index] or doc.in_comment[index]:
            continue
        for match in _INCLUDE.finditer(doc.lines[index]):
            found.append(Include(match.group("name"), match.group("target"), doc.span(index, match.start() + 1)))
    return found


def _callouts(doc: Doc) -> list[Note]:
    """``> [!NOTE]`` and ``> **Note:**`` blockquotes, as the Markdown parser reports them."""
    notes: list[Note] = []
    index = doc.body_start
    while index < len(doc.lines):
        if not doc.is_text(index) or not _QUOTE.match(doc.lines[index]):
            index += 1
            continue
        start = index
        content: list[str] = []
        while index < len(doc.lines) and doc.is_text(index) and (quote := _QUOTE.match(doc.lines[index])):
            content.append(quote.group("content"))
            index += 1
        text = "\n".join(content).strip()
        marker = callout_marker(text)
        if marker:
            notes.append(
                Note(
                    kind=callout_kind(marker),
                    text=text[marker.end() :].strip(),
                    span=doc.span(start, first_column(doc.lines[start]), index - 1),
                    section=section_of(doc, start),
                )
            )
    return notes


# -- INPUTS, OUTPUTS ---------------------------------------------------------------------


def _type_names(doc: Doc, section: Heading) -> tuple[str, ...]:
    """INPUTS / OUTPUTS: the ``### Type.Name`` headings."""
    return tuple(child.title.strip("` ") for child in children(doc, section) if child.title.strip("` "))


# -- the page ------------------------------------------------------------------------------


def _version(module: str, path: str) -> str | None:
    """Graph modules name their API version; other modules fall back to the path."""
    if module == "Microsoft.Graph.Beta" or module.startswith("Microsoft.Graph.Beta."):
        return "beta"
    if module.startswith("Microsoft.Graph."):
        return "v1.0"
    return version_from_path(path)


def _front_text(front: dict[str, Any], key: str) -> str:
    """A front matter value as text: YAML may have made it a number or a date."""
    value = front.get(key)
    return "" if value is None else str(value).strip()


def _parse(text: str, path: str) -> Page:
    """Scan the skeleton once, then read each section into the model."""
    lines = split_lines(text)
    front = _read_front_matter(lines, path)
    doc = Doc(path=path, lines=lines, body_start=front.line_count)
    if front.diagnostic is not None:
        doc.diagnostics.append(front.diagnostic)
    scan(doc)
    locale = page_locale(path, front.data)
    sections = _sections(doc, locale.lower().startswith("en"))
    named: dict[str, Heading] = {}
    for heading in doc.headings:
        if heading.level == 2:
            named.setdefault(heading.role, heading)
    prose: dict[str, _Prose] = {}
    for role in ("synopsis", "description"):
        if role in named:
            prose[role] = _prose(doc, named[role].index + 1, named[role].stop)
    cmdlet = _cmdlet(doc, front.data, named, prose)
    return Page(
        path=path,
        locale=locale,
        version=_version(cmdlet.module, path),
        kind="cmdlet",
        format="platyps",
        title=cmdlet.name,
        front_matter=front.data,
        sections=tuple(sections),
        json_examples=tuple(param for example in cmdlet.examples for param in example.params),
        segments=tuple(segment for _, _, segments in prose.values() for segment in segments),
        code_blocks=tuple(sorted(doc.code_blocks, key=lambda block: (block.span.line, block.span.column))),
        includes=tuple(_includes(doc)),
        notes=tuple(_callouts(doc)),
        cmdlet=cmdlet,
        diagnostics=diagnostics_in_order(doc.diagnostics),
        comments=tuple(doc.comments),
        front_matter_lines=front.lines,
    )


def _cmdlet(doc: Doc, front: dict[str, Any], named: dict[str, Heading], prose: dict[str, _Prose]) -> Cmdlet:
    """Everything cmdlet-specific, section by section."""
    title = next((h for h in doc.headings if h.level == 1), None)
    fallback = doc.span(min(doc.body_start, len(doc.lines) - 1))
    if title is None:
        doc.diagnose("cmdlet-syntax", "the page has no '# Cmdlet-Name' heading", fallback)
    module = _front_text(front, "Module Name") or _front_text(front, "external help file").removesuffix("-help.xml")
    synopsis = prose.get("synopsis", ("", None, []))
    description = prose.get("description", ("", None, []))
    parameters = parse_parameters(doc, named["parameters"]) if "parameters" in named else []
    notes = parse_notes(doc, named["notes"]) if "notes" in named else []
    operation = decode_operation(body_type_name(parameters, notes))
    return Cmdlet(
        name=title.title.strip("` ") if title else "",
        module=module,
        span=doc.span(title.index) if title else fallback,
        online_version=_front_text(front, "online version"),
        synopsis=synopsis[0],
        synopsis_span=synopsis[1],
        description=description[0],
        description_span=description[1],
        parameter_sets=tuple(parse_parameter_sets(doc, named["syntax"])) if "syntax" in named else (),
        parameters=tuple(parameters),
        examples=tuple(parse_examples(doc, named["examples"])) if "examples" in named else (),
        notes=tuple(notes),
        inputs=_type_names(doc, named["inputs"]) if "inputs" in named else (),
        outputs=_type_names(doc, named["outputs"]) if "outputs" in named else (),
        operation_method=operation[0] if operation else None,
        operation_path=operation[1] if operation else None,
    )
