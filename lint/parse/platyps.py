"""Parse PowerShell platyPS cmdlet help Markdown into the common page model.

platyPS pages have a fixed skeleton (``# Name``, ``## SYNOPSIS``, ``## SYNTAX``
with one ``###`` per parameter set, ``### -Name`` parameters each with a YAML
block, ``## NOTES`` property trees). A line scanner over that skeleton gives
rules exactly what they need, keeps every element on the line it has on disk,
and avoids paying for a general Markdown parse.

Examples are where published pages go wrong most: the Graph generator often
closes the code fence right after ``Import-Module`` and leaves the real code as
bare lines. Bare lines that look like PowerShell are therefore taken as code as
well (``fenced=False``), and every ``$var = @{ ... }`` hashtable is converted
to a JSON value by a small PowerShell literal parser, so that a cmdlet example
can be compared with the JSON body of the REST page it wraps.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from lint.model import (
    Cmdlet,
    CmdletExample,
    CmdletParameter,
    CodeBlock,
    Comment,
    Include,
    JsonError,
    JsonExample,
    Note,
    Page,
    ParameterSet,
    ParseDiagnostic,
    PropertyNode,
    Section,
    Segment,
    Span,
)
from lint.parse.frontmatter import FrontMatter, split_front_matter
from lint.parse.locate import page_locale, version_from_path
from lint.parse.sections import AnchorRegistry, slugify

__all__ = [
    "CodeLine",
    "PowerShellSyntaxError",
    "convert_powershell",
    "decode_operation",
    "hashtable_examples",
    "is_powershell_line",
    "parse",
]

#: Scalars as written: ``Default value: yes`` must stay "yes", not become True.
_YAML_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
_FENCE_CLOSE = {
    "`": re.compile(r"^ {0,3}(?P<marker>`{3,})[ \t]*$"),
    "~": re.compile(r"^ {0,3}(?P<marker>~{3,})[ \t]*$"),
}
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_COMMENT_OPEN = re.compile(r"^ {0,3}<!--")
_QUOTE = re.compile(r"^ {0,3}>[ ]?(?P<content>.*)$")
_INCLUDE = re.compile(r"\[!INCLUDE\s*\[(?P<name>[^\]]*)\]\((?P<target>[^)]*)\)\s*\]", re.IGNORECASE)
_ALERT = re.compile(r"^\s*\[!(?P<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
_BOLD_NOTE = re.compile(r"^\s*\*\*(?P<kind>Note|Tip|Important|Caution|Warning)s?\s*[:：]?\s*\*\*\s*", re.IGNORECASE)
_DEFAULT_SET = re.compile(r"^(?P<name>.*?)[ \t]*\((?i:default)\)$")
_SYNTAX_PARAMETER = re.compile(r"(?:(?<=\s)|(?<=\[))-(?P<name>[A-Za-z_]\w*)")
_NOTE_HEADER = re.compile(
    r"^ {0,3}`?(?P<key>[A-Z][A-Z0-9_]*)[ \t]+`?<(?P<type>.*?)>`?`?[ \t]*:[ \t]?(?P<description>.*?)[ \t]*$"
)
_PROPERTY = re.compile(
    r"^(?P<indent>[ \t]*)[-*+][ \t]+`?\[?(?P<name>[^<>\[\]`]*?)[ \t]*<(?P<type>.*?)>\]?`?[ \t]*:[ \t]?"
    r"(?P<description>.*?)[ \t]*$"
)
#: Deeper NOTES nesting is flattened: no real tree goes near it, and freezing
#: the tree recursively must never approach the interpreter's recursion limit.
_MAX_NOTE_DEPTH = 50

_PS_LANGUAGES = frozenset({"", "powershell", "ps", "pwsh", "ps1", "posh", "pscon"})
_SUBSECTION_ROLES = {
    "syntax": "parameter-set",
    "examples": "example",
    "parameters": "parameter",
    "inputs": "input",
    "outputs": "output",
}


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


# -- the scanned document ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fence:
    """A fenced code block: ``start`` is the opening line, ``stop`` the index after its content."""

    start: int
    stop: int
    close: int | None
    indent: int
    info: str

    @property
    def language(self) -> str:
        """The first word of the info string, lower-cased ("" when there is none)."""
        words = self.info.split()
        return words[0].lower() if words else ""

    @property
    def last(self) -> int:
        """Index of the last line the fence occupies (closing line, or last content line)."""
        return self.close if self.close is not None else max(self.start, self.stop - 1)


@dataclass(slots=True)
class _Heading:
    """An ATX heading; ``stop`` is the index after its region (subsections included)."""

    level: int
    title: str
    index: int
    stop: int = 0
    anchor: str = ""
    role: str = ""


@dataclass(slots=True)
class _Doc:
    """The page as lines, with fences, comments and headings located once."""

    path: str
    lines: list[str]
    body_start: int
    fences: dict[int, _Fence] = field(default_factory=dict)
    in_fence: list[bool] = field(default_factory=list)
    in_comment: list[bool] = field(default_factory=list)
    headings: list[_Heading] = field(default_factory=list)
    heading_at: dict[int, _Heading] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    diagnostics: list[ParseDiagnostic] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)

    def span(self, index: int, column: int = 1, end: int | None = None) -> Span:
        """A span from 0-based line indices, converted to the 1-based model once, here."""
        return Span(self.path, index + 1, column, (end if end is not None else index) + 1)

    def is_text(self, index: int) -> bool:
        """True for a line that is neither code, comment nor heading: prose or structure."""
        return not (self.in_fence[index] or self.in_comment[index] or index in self.heading_at)

    def diagnose(self, code: str, message: str, span: Span) -> None:
        """Record a problem in the page; parsing goes on."""
        self.diagnostics.append(ParseDiagnostic(code, message, span))


def _split_lines(text: str) -> list[str]:
    """Lines as an editor counts them: only LF, CRLF and CR end a line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _first_column(line: str) -> int:
    """1-based column of the first non-blank character (1 for a blank line)."""
    stripped = line.lstrip()
    return len(line) - len(stripped) + 1 if stripped else 1


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


def _scan_blocks(doc: _Doc) -> None:
    """Find fenced code and HTML comments in one pass, as Markdown nests them.

    A ``<!--`` inside a fence is code, and a fence inside a comment is
    comment, so the two cannot be found independently.
    """
    lines = doc.lines
    count = len(lines)
    doc.in_fence = [False] * count
    doc.in_comment = [False] * count
    index = doc.body_start
    while index < count:
        line = lines[index]
        opening = _FENCE_OPEN.match(line)
        if opening and not (opening.group("marker")[0] == "`" and "`" in opening.group("info")):
            index = _take_fence(doc, index, opening)
            continue
        if _COMMENT_OPEN.match(line):
            index = _take_comment(doc, index)
            continue
        index += 1


def _take_fence(doc: _Doc, start: int, opening: re.Match[str]) -> int:
    """Record the fence opened at ``start``; return the index after it."""
    marker = opening.group("marker")
    closer = _FENCE_CLOSE[marker[0]]
    close: int | None = None
    for index in range(start + 1, len(doc.lines)):
        match = closer.match(doc.lines[index])
        if match and len(match.group("marker")) >= len(marker):
            close = index
            break
    stop = close if close is not None else len(doc.lines)
    fence = _Fence(start, stop, close, len(opening.group("indent")), opening.group("info").strip())
    doc.fences[start] = fence
    for index in range(start, fence.last + 1):
        doc.in_fence[index] = True
    if close is None:
        doc.diagnose("cmdlet-syntax", "code fence is never closed", doc.span(start, fence.indent + 1))
    return fence.last + 1


def _take_comment(doc: _Doc, start: int) -> int:
    """Record the HTML comment opened at ``start`` (kept for disable directives)."""
    line = doc.lines[start]
    column = line.index("<!--")
    end_index, end_offset = start, -1
    for index in range(start, len(doc.lines)):
        found = doc.lines[index].find("-->", column + 4 if index == start else 0)
        end_index = index
        if found >= 0:
            end_offset = found
            break
    for index in range(start, end_index + 1):
        doc.in_comment[index] = True
    if start == end_index:
        body = line[column + 4 : end_offset if end_offset >= 0 else len(line)]
    else:
        middle = doc.lines[start + 1 : end_index]
        last = doc.lines[end_index][: end_offset if end_offset >= 0 else None]
        body = "\n".join([line[column + 4 :], *middle, last])
    doc.comments.append(Comment(body.strip(), doc.span(start, column + 1, end_index)))
    return end_index + 1


def _scan_headings(doc: _Doc) -> None:
    """ATX headings outside code and comments, each with the region it governs."""
    open_headings: list[_Heading] = []
    for index in range(doc.body_start, len(doc.lines)):
        if doc.in_fence[index] or doc.in_comment[index]:
            continue
        match = _HEADING.match(doc.lines[index])
        if not match:
            continue
        title = _CLOSING_HASHES.sub("", match.group("title") or "").strip()
        heading = _Heading(len(match.group("hashes")), title, index)
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop().stop = index
        open_headings.append(heading)
        doc.headings.append(heading)
        doc.heading_at[index] = heading
    for heading in open_headings:
        heading.stop = len(doc.lines)


def _last_text_line(doc: _Doc, start: int, stop: int) -> int:
    """Index of the last non-blank line in ``[start, stop)``, else ``start``."""
    for index in range(min(stop, len(doc.lines)) - 1, start - 1, -1):
        if doc.lines[index].strip():
            return index
    return start


# -- sections ----------------------------------------------------------------------


def _sections(doc: _Doc, english: bool) -> list[Section]:
    """One Section per ``##`` (and deeper) heading, anchors unique as DocFX makes them."""
    registry = AnchorRegistry()
    sections: list[Section] = []
    stack: list[_Heading] = []
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
                end_line=_last_text_line(doc, heading.index, heading.stop) + 1,
                parent=parent.anchor if parent else None,
            )
        )
        stack.append(heading)
    return sections


def _role(heading: _Heading, parent: _Heading | None) -> str:
    """``##`` headings are named by their slug; ``###`` ones by what they stand in."""
    if heading.level == 2:
        return slugify(heading.title)
    if parent is None:
        return "other"
    if parent.role == "parameters" and heading.title.strip().lower() == "commonparameters":
        return "common-parameters"
    return _SUBSECTION_ROLES.get(parent.role, "other")


def _children(doc: _Doc, parent: _Heading) -> list[_Heading]:
    """The next level of headings inside ``parent`` (normally its ``###`` headings)."""
    inside = [h for h in doc.headings if parent.index < h.index < parent.stop and h.level > parent.level]
    if not inside:
        return []
    level = min(h.level for h in inside)
    return [h for h in inside if h.level == level]


def _section_of(doc: _Doc, index: int) -> str | None:
    """Anchor of the innermost section holding line ``index``."""
    positions = [h.index for h in doc.headings]
    at = bisect.bisect_right(positions, index) - 1
    while at >= 0:
        heading = doc.headings[at]
        if heading.level >= 2 and heading.stop > index:
            return heading.anchor or None
        if heading.level < 2:
            return None
        at -= 1
    return None


# -- prose, includes, callouts -------------------------------------------------------


def _prose(doc: _Doc, start: int, stop: int) -> tuple[str, Span | None, list[Segment]]:
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
        segments.append(Segment(line.strip(), doc.span(index, _first_column(line))))
    span = doc.span(kept[0], _first_column(doc.lines[kept[0]]), kept[-1])
    return "\n".join(parts), span, segments


def _includes(doc: _Doc) -> list[Include]:
    """DocFX ``[!INCLUDE]`` references anywhere outside code and comments."""
    found: list[Include] = []
    for index in range(doc.body_start, len(doc.lines)):
        if doc.in_fence[index] or doc.in_comment[index]:
            continue
        for match in _INCLUDE.finditer(doc.lines[index]):
            found.append(Include(match.group("name"), match.group("target"), doc.span(index, match.start() + 1)))
    return found


def _callouts(doc: _Doc) -> list[Note]:
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
        marker = _ALERT.match(text) or _BOLD_NOTE.match(text)
        if marker:
            notes.append(
                Note(
                    kind=marker.group("kind").lower(),
                    text=text[marker.end() :].strip(),
                    span=doc.span(start, _first_column(doc.lines[start]), index - 1),
                    section=_section_of(doc, start),
                )
            )
    return notes


# -- SYNTAX ------------------------------------------------------------------------------


def _fences_in(doc: _Doc, start: int, stop: int) -> list[_Fence]:
    """Fences opening in ``[start, stop)``, in document order."""
    return [fence for index, fence in sorted(doc.fences.items()) if start <= index < stop]


def _fence_lines(doc: _Doc, fence: _Fence) -> list[CodeLine]:
    """Content lines of a fence, with the fence's indentation removed as Markdown does."""
    result: list[CodeLine] = []
    for index in range(fence.start + 1, fence.stop):
        line = doc.lines[index]
        removed = len(line) - len(line.lstrip(" ")) if fence.indent else 0
        removed = min(removed, fence.indent)
        result.append(CodeLine(index + 1, removed + 1, line[removed:]))
    return result


def _code_block(doc: _Doc, lines: list[CodeLine], fallback: int, language: str, fenced: bool) -> CodeBlock:
    """A CodeBlock whose span starts at its first code line (or the fence when empty)."""
    span = Span(doc.path, lines[0].line, lines[0].column, lines[-1].line) if lines else doc.span(fallback)
    text = "\n".join(line.text for line in lines)
    return CodeBlock(language, text, span, fenced, section=_section_of(doc, span.line - 1))


def _parameter_sets(doc: _Doc, syntax: _Heading) -> list[ParameterSet]:
    """SYNTAX: one set per ``###`` heading, or the single unnamed set platyPS writes bare."""
    children = _children(doc, syntax)
    if not children:
        fences = _fences_in(doc, syntax.index + 1, syntax.stop)
        if not fences:
            return []
        names = _syntax_parameters(doc, fences)
        end = fences[-1].last
        return [ParameterSet("__AllParameterSets", doc.span(fences[0].start, 1, end), True, names)]
    sets: list[ParameterSet] = []
    for child in children:
        match = _DEFAULT_SET.match(child.title)
        name = match.group("name") if match else child.title
        fences = _fences_in(doc, child.index + 1, child.stop)
        if not fences:
            doc.diagnose("cmdlet-syntax", f"parameter set '{name}' has no syntax block", doc.span(child.index))
        end = fences[-1].last if fences else child.index
        sets.append(
            ParameterSet(name, doc.span(child.index, 1, end), match is not None, _syntax_parameters(doc, fences))
        )
    return sets


def _syntax_parameters(doc: _Doc, fences: list[_Fence]) -> tuple[str, ...]:
    """Parameter names of a syntax diagram, in order, without ``<CommonParameters>``."""
    names: list[str] = []
    for fence in fences:
        lines = _fence_lines(doc, fence)
        doc.code_blocks.append(_code_block(doc, lines, fence.start, fence.language, True))
        for line in lines:
            for match in _SYNTAX_PARAMETER.finditer(line.text):
                if match.group("name") not in names:
                    names.append(match.group("name"))
    return tuple(names)


# -- PARAMETERS --------------------------------------------------------------------------


def _parameters(doc: _Doc, section: _Heading) -> list[CmdletParameter]:
    """PARAMETERS: every ``### -Name`` entry, in page order (CommonParameters skipped)."""
    parameters: list[CmdletParameter] = []
    for child in _children(doc, section):
        parameter = _parameter(doc, child)
        if parameter is not None:
            parameters.append(parameter)
    return parameters


def _parameter(doc: _Doc, heading: _Heading) -> CmdletParameter | None:
    """One ``### -Name`` entry: the description above its YAML block, and the block."""
    title = heading.title.strip()
    if title.lower() == "commonparameters":
        return None
    name = title[1:].strip() if title.startswith("-") else title
    if not title.startswith("-"):
        doc.diagnose("cmdlet-syntax", f"parameter heading '{title}' does not start with '-'", doc.span(heading.index))
    fences = _fences_in(doc, heading.index + 1, heading.stop)
    fence = next((f for f in fences if f.language == "yaml"), fences[0] if fences else None)
    description, description_span = _description(doc, heading.index + 1, fence.start if fence else heading.stop)
    if fence is not None:
        doc.code_blocks.append(_code_block(doc, _fence_lines(doc, fence), fence.start, fence.language, True))
    end = fence.last if fence else _last_text_line(doc, heading.index, heading.stop)
    span = doc.span(heading.index, 1, end)
    if fence is None:
        doc.diagnose("cmdlet-syntax", f"parameter -{name} has no yaml block", doc.span(heading.index))
        return CmdletParameter(name, span, description=description, description_span=description_span)
    data = _parameter_yaml(doc, fence, name)

    def text(key: str) -> str:
        return _yaml_text(data.get(key))

    return CmdletParameter(
        name=name,
        span=span,
        type=text("type"),
        description=description,
        description_span=description_span,
        parameter_sets=_comma_list(data.get("parameter sets")),
        required=text("required").lower() == "true",
        position=text("position"),
        default=text("default value"),
        pipeline_input=text("accept pipeline input"),
        aliases=_comma_list(data.get("aliases")),
    )


def _description(doc: _Doc, start: int, stop: int) -> tuple[str, Span | None]:
    """Lines between a heading and its YAML block, joined as written (placeholders kept)."""
    indices = [index for index in range(start, stop) if doc.is_text(index) and doc.lines[index].strip()]
    if not indices:
        return "", None
    first, last = indices[0], indices[-1]
    text = "\n".join(doc.lines[index].rstrip() for index in range(first, last + 1) if doc.is_text(index))
    return text.strip(), doc.span(first, _first_column(doc.lines[first]), last)


def _parameter_yaml(doc: _Doc, fence: _Fence, name: str) -> dict[str, Any]:
    """The YAML block with lower-cased keys; {} (and a diagnostic) when it does not parse."""
    lines = _fence_lines(doc, fence)
    source = "\n".join(line.text for line in lines)
    try:
        data = yaml.load(source, Loader=_YAML_LOADER)
    except Exception as error:  # PyYAML raises more than YAMLError on hostile input
        mark = getattr(error, "problem_mark", None)
        line = fence.start + 2 + (mark.line if mark is not None else 0)
        column = 1 + fence.indent + (mark.column if mark is not None else 0)
        problem = getattr(error, "problem", None) or (str(error).splitlines() or [type(error).__name__])[0]
        doc.diagnose(
            "cmdlet-syntax",
            f"the yaml block of parameter -{name} is not valid YAML: {problem}",
            Span(doc.path, line, column, line),
        )
        return {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        doc.diagnose(
            "cmdlet-syntax",
            f"the yaml block of parameter -{name} is not a mapping of keys to values",
            doc.span(fence.start + 1 if lines else fence.start),
        )
        return {}
    return {str(key).strip().lower(): value for key, value in data.items()}


def _yaml_text(value: Any) -> str:
    """A YAML scalar as text; lists (flow style) joined the way platyPS writes them."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        return ", ".join(_yaml_text(item) for item in value)
    return str(value).strip()


def _comma_list(value: Any) -> tuple[str, ...]:
    """``RejectExpanded, Reject`` -> ("RejectExpanded", "Reject"); empty -> ()."""
    return tuple(part.strip() for part in _yaml_text(value).split(",") if part.strip())


# -- EXAMPLES ------------------------------------------------------------------------------

#: PowerShell's approved verbs, plus the few common cmdlet verbs outside the list.
_VERBS = frozenset(
    """Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm Connect
    Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter Exit
    Expand Export Find ForEach Format Get Grant Group Hide Import Initialize Install Invoke Join Limit Lock
    Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register
    Remove Rename Repair Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set
    Show Skip Sort Split Start Step Stop Submit Suspend Switch Sync Tee Test Trace Unblock Undo Uninstall
    Unlock Unprotect Unpublish Unregister Update Use Wait Watch Where Write""".split()  # noqa: SIM905
)
_CMDLET_CALL = re.compile(r"^(?P<verb>[A-Z][A-Za-z]+)-[A-Z]\w*(?P<rest>(?:[\s|;].*)?)$")
_SENTENCE = re.compile(r"^\s+[a-z]+\s+[a-z]+\b")
_CODE_START = re.compile(r"^(?:\$|@\{|@\(|[{}()]|\[[A-Za-z_][\w.]*(?:\[\])?\](?:::|[$@\"'\d]))")
_KEYWORD = re.compile(
    r"^(?:(?:if|elseif|foreach|for|while|switch|function|param)\s*[({]|(?:else|try|finally)\s*\{|catch\b)"
)
_HASHTABLE_ENTRY = re.compile(r"^[ \t]+(?:[\w.-]+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*=[ \t]*\S")
_CONTINUED = ("`", "|", ",", "=")


def is_powershell_line(line: str) -> bool:
    """Whether a bare line outside any fence reads as PowerShell rather than prose.

    Deliberately narrow: a variable, a hashtable or array opener or closer, a
    cast, a keyword, an indented ``key = value`` entry, or a ``Verb-Noun``
    call with an approved verb that is not followed by a sentence
    ("Get-MgUser returns the user." is prose).
    """
    stripped = line.strip()
    if not stripped:
        return False
    if _CODE_START.match(stripped) or _KEYWORD.match(stripped) or _HASHTABLE_ENTRY.match(line):
        return True
    call = _CMDLET_CALL.match(stripped)
    return bool(call and call.group("verb") in _VERBS and not _SENTENCE.match(call.group("rest")))


def _bracket_delta(line: str) -> int:
    """Net ``{``/``(`` minus ``}``/``)`` of a line, outside strings and comments.

    Inside an open hashtable every line is code, whatever it looks like.
    """
    delta = 0
    quote = ""
    for position, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#" and (position == 0 or line[position - 1] in " \t;"):
            break
        elif char in "{(":
            delta += 1
        elif char in "})":
            delta -= 1
    return delta


@dataclass(slots=True)
class _ExampleCode:
    """What one example holds, collected in document order."""

    code: list[CodeLine] = field(default_factory=list)
    bare: list[CodeLine] = field(default_factory=list)
    run: list[int] = field(default_factory=list)
    depth: int = 0


def _examples(doc: _Doc, section: _Heading) -> list[CmdletExample]:
    """EXAMPLES: one CmdletExample per ``###`` heading."""
    return [_example(doc, child) for child in _children(doc, section)]


def _example(doc: _Doc, heading: _Heading) -> CmdletExample:
    """One example: fenced PowerShell plus bare PowerShell lines, and its hashtables."""
    found = _ExampleCode()
    index = heading.index + 1
    while index < heading.stop:
        fence = doc.fences.get(index)
        if fence is not None:
            _flush_run(doc, found)
            _example_fence(doc, fence, found)
            index = fence.last + 1
            continue
        if doc.in_comment[index]:
            _flush_run(doc, found)
        else:
            _bare_line(doc, index, found)
        index += 1
    _flush_run(doc, found)
    code = found.code
    if found.bare:
        code_span = Span(doc.path, found.bare[0].line, found.bare[0].column, found.bare[-1].line)
    elif code:
        code_span = Span(doc.path, code[0].line, code[0].column, code[-1].line)
    else:
        code_span = doc.span(heading.index)
    params, diagnostics = hashtable_examples(code, doc.path)
    doc.diagnostics.extend(diagnostics)
    return CmdletExample(
        title=heading.title,
        span=doc.span(heading.index, 1, _last_text_line(doc, heading.index, heading.stop)),
        code="\n".join(line.text for line in code),
        code_span=code_span,
        fenced=not found.bare,
        params=tuple(params),
    )


def _example_fence(doc: _Doc, fence: _Fence, found: _ExampleCode) -> None:
    """A fence in an example: PowerShell joins the example's code, anything else does not."""
    lines = _fence_lines(doc, fence)
    if fence.language in _PS_LANGUAGES:
        doc.code_blocks.append(_code_block(doc, lines, fence.start, "powershell", True))
        found.code.extend(lines)
    else:
        doc.code_blocks.append(_code_block(doc, lines, fence.start, fence.language, True))


def _bare_line(doc: _Doc, index: int, found: _ExampleCode) -> None:
    """Extend, end or start a run of bare code lines with line ``index``."""
    line = doc.lines[index]
    if found.run:
        previous = doc.lines[found.run[-1]].rstrip()
        continued = found.depth > 0 or previous.endswith(_CONTINUED)
        if continued or not line.strip() or is_powershell_line(line):
            found.run.append(index)
            found.depth = max(0, found.depth + _bracket_delta(line))
            return
        _flush_run(doc, found)
    if is_powershell_line(line):
        found.run.append(index)
        found.depth = max(0, _bracket_delta(line))


def _flush_run(doc: _Doc, found: _ExampleCode) -> None:
    """End the current bare run (trailing blank lines are not part of it)."""
    run = found.run
    while run and not doc.lines[run[-1]].strip():
        run.pop()
    if run:
        lines = [CodeLine(index + 1, 1, doc.lines[index]) for index in run]
        doc.code_blocks.append(_code_block(doc, lines, run[0], "powershell", False))
        found.code.extend(lines)
        found.bare.extend(lines)
    found.run = []
    found.depth = 0


# -- NOTES, INPUTS, OUTPUTS ---------------------------------------------------------------


@dataclass(slots=True)
class _NodeBuilder:
    """A PropertyNode under construction: children arrive after their parent."""

    name: str
    type: str
    description: str
    index: int
    column: int
    indent: int
    end: int = 0
    children: list[_NodeBuilder] = field(default_factory=list)

    def freeze(self, doc: _Doc) -> PropertyNode:
        children = tuple(child.freeze(doc) for child in self.children)
        return PropertyNode(
            self.name, self.type, self.description, doc.span(self.index, self.column, self.end), children
        )


@dataclass(slots=True)
class _Tree:
    """One NOTES tree being read; ``stack`` holds the open ancestors of the next line."""

    key: str
    type: str
    roots: list[_NodeBuilder] = field(default_factory=list)
    stack: list[_NodeBuilder] = field(default_factory=list)


def _notes(doc: _Doc, section: _Heading) -> list[tuple[str, str, tuple[PropertyNode, ...]]]:
    """NOTES property trees: ``KEY <Type>: ...`` then ``- [Name <Type>]: text`` items.

    Nesting follows indentation (two spaces per level in platyPS output, but
    any consistent step works). A blank line or other text ends a tree.
    """
    trees: list[_Tree] = []
    current: _Tree | None = None
    for index in range(section.index + 1, section.stop):
        if not doc.is_text(index):
            current = None
            continue
        line = doc.lines[index]
        header = _NOTE_HEADER.match(line)
        if header:
            current = _Tree(header.group("key"), header.group("type").strip("` "))
            trees.append(current)
            continue
        item = _PROPERTY.match(line) if current is not None else None
        if current is not None and item is not None:
            _add_property(current, item, index)
        elif current is not None and line[:1] in (" ", "\t") and line.strip() and current.stack:
            node = current.stack[-1]
            node.description = f"{node.description} {line.strip()}".strip()
            node.end = index
        else:
            current = None
    return [(tree.key, tree.type, tuple(node.freeze(doc) for node in tree.roots)) for tree in trees]


def _add_property(tree: _Tree, item: re.Match[str], index: int) -> None:
    """Place one property line under the nearest less-indented one."""
    indent = len(item.group("indent").expandtabs(4))
    node = _NodeBuilder(
        name=item.group("name").strip(),
        type=item.group("type").strip(),
        description=item.group("description"),
        index=index,
        column=len(item.group("indent")) + 1,
        indent=indent,
        end=index,
    )
    while tree.stack and tree.stack[-1].indent >= indent:
        tree.stack.pop()
    if len(tree.stack) >= _MAX_NOTE_DEPTH:
        tree.stack.pop()
    (tree.stack[-1].children if tree.stack else tree.roots).append(node)
    tree.stack.append(node)


def _type_names(doc: _Doc, section: _Heading) -> tuple[str, ...]:
    """INPUTS / OUTPUTS: the ``### Type.Name`` headings."""
    return tuple(child.title.strip("` ") for child in _children(doc, section) if child.title.strip("` "))


# -- the REST operation behind a cmdlet ----------------------------------------------------

_OPERATION_TYPE = re.compile(
    r"^I?Paths(?P<rest>[0-9A-Za-z]+?)(?P<method>Get|Post|Put|Patch|Delete)(?:Requestbody|Responses)"
)
#: AutoRest's path hash is a 32-bit number in base 36: six characters, or
#: seven starting with 1; shorter ones are rare but possible.
_HASH_LENGTHS = (6, 7, 5, 4, 3, 2, 1)
_HASH_SHAPE = re.compile(r"(?:[0-9]|[A-Z][a-z]*)+")
_PATH_WORD = re.compile(r"[A-Z][a-z0-9]*")


def decode_operation(type_name: str) -> tuple[str, str] | None:
    """The HTTP method and path encoded in an AutoRest request-body type name.

    ``IPaths4QrghdCommunicationsCallsCallIdMicrosoftGraphRejectPostRequestbody
    ContentApplicationJsonSchema`` is ``Paths`` + a base-36 hash of the path
    (Pascal-cased: ``4qrghd`` -> ``4Qrghd``) + the path with every segment
    lower-cased then capitalised + the method. The hash length is not
    written, so the likeliest lengths are tried first; keys (``{call-id}``)
    end in an ``Id`` word, ``microsoft.graph.x`` is three words. Segment case
    is lost in the name, so the path comes back in lower case.
    """
    name = type_name.strip().strip("`<>").rsplit(".", 1)[-1]
    match = _OPERATION_TYPE.match(name)
    if not match:
        return None
    words = _path_words(match.group("rest"))
    if not words:
        return None
    return match.group("method").upper(), "/" + "/".join(_path_segments(words))


def _path_words(rest: str) -> list[str] | None:
    """Remove the hash: the first plausible length after which a path word starts."""
    for length in _HASH_LENGTHS:
        if length >= len(rest):
            continue
        prefix, body = rest[:length], rest[length:]
        if body[0].isupper() and _HASH_SHAPE.fullmatch(prefix):
            return _PATH_WORD.findall(body)
    return None


def _path_segments(words: list[str]) -> list[str]:
    """``Calls CallId`` -> calls, {call-id}; ``Microsoft Graph Reject`` -> microsoft.graph.reject."""
    segments: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "Microsoft" and index + 2 < len(words) and words[index + 1] == "Graph":
            segments.append("microsoft.graph." + words[index + 2].lower())
            index += 3
        elif index + 1 < len(words) and words[index + 1] == "Id":
            segments.append("{" + word.lower() + "-id}")
            index += 2
        else:
            segments.append(word.lower())
            index += 1
    return segments


def _body_type(parameters: Sequence[CmdletParameter], notes: Sequence[tuple[str, str, Any]]) -> str:
    """The BodyParameter type: from its YAML block, else from the NOTES tree header."""
    for parameter in parameters:
        if parameter.name.lower() == "bodyparameter" and parameter.type:
            return parameter.type
    for key, type_name, _ in notes:
        if key == "BODYPARAMETER":
            return type_name
    return ""


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


#: Text, span and segments of a SYNOPSIS or DESCRIPTION section.
_Prose = tuple[str, Span | None, list[Segment]]


def _parse(text: str, path: str) -> Page:
    """Scan the skeleton once, then read each section into the model."""
    lines = _split_lines(text)
    front = _read_front_matter(lines, path)
    doc = _Doc(path=path, lines=lines, body_start=front.line_count)
    if front.diagnostic is not None:
        doc.diagnostics.append(front.diagnostic)
    _scan_blocks(doc)
    _scan_headings(doc)
    locale = page_locale(path, front.data)
    sections = _sections(doc, locale.lower().startswith("en"))
    named: dict[str, _Heading] = {}
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
        diagnostics=tuple(sorted(doc.diagnostics, key=lambda d: (d.span.line, d.span.column))),
        comments=tuple(doc.comments),
    )


def _cmdlet(doc: _Doc, front: dict[str, Any], named: dict[str, _Heading], prose: dict[str, _Prose]) -> Cmdlet:
    """Everything cmdlet-specific, section by section."""
    title = next((h for h in doc.headings if h.level == 1), None)
    fallback = doc.span(min(doc.body_start, len(doc.lines) - 1))
    if title is None:
        doc.diagnose("cmdlet-syntax", "the page has no '# Cmdlet-Name' heading", fallback)
    module = _front_text(front, "Module Name") or _front_text(front, "external help file").removesuffix("-help.xml")
    synopsis = prose.get("synopsis", ("", None, []))
    description = prose.get("description", ("", None, []))
    parameters = _parameters(doc, named["parameters"]) if "parameters" in named else []
    notes = _notes(doc, named["notes"]) if "notes" in named else []
    operation = decode_operation(_body_type(parameters, notes))
    return Cmdlet(
        name=title.title.strip("` ") if title else "",
        module=module,
        span=doc.span(title.index) if title else fallback,
        online_version=_front_text(front, "online version"),
        synopsis=synopsis[0],
        synopsis_span=synopsis[1],
        description=description[0],
        description_span=description[1],
        parameter_sets=tuple(_parameter_sets(doc, named["syntax"])) if "syntax" in named else (),
        parameters=tuple(parameters),
        examples=tuple(_examples(doc, named["examples"])) if "examples" in named else (),
        notes=tuple(notes),
        inputs=_type_names(doc, named["inputs"]) if "inputs" in named else (),
        outputs=_type_names(doc, named["outputs"]) if "outputs" in named else (),
        operation_method=operation[0] if operation else None,
        operation_path=operation[1] if operation else None,
    )


# == PowerShell literals ======================================================================


@dataclass(frozen=True, slots=True)
class CodeLine:
    """One line of example code and where its first character is in the file."""

    line: int
    column: int
    text: str


class PowerShellSyntaxError(Exception):
    """A literal that cannot be converted, at an offset in the code text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def hashtable_examples(code: Sequence[CodeLine], path: str) -> tuple[list[JsonExample], list[ParseDiagnostic]]:
    """Every ``$var = @{ ... }`` in ``code``, converted to JSON.

    The code is parsed as one text so that a hashtable split by a stray fence
    line (which is not part of ``code``) still converts. A hashtable that
    cannot be converted gives a JsonExample with ``error`` and no value, plus a
    ``powershell-syntax`` diagnostic at the offending position.
    """
    text = _CodeText(code)
    examples: list[JsonExample] = []
    diagnostics: list[ParseDiagnostic] = []
    resume = 0
    for match in _ASSIGNMENT.finditer(text.text):
        opening = match.start("open")
        if opening < resume or _commented(text.text, match.start()):
            continue
        example, diagnostic, end = _convert(text, opening, path, whole=False)
        examples.append(example)
        if diagnostic is not None:
            diagnostics.append(diagnostic)
        resume = end
    return examples, diagnostics


def convert_powershell(
    text: str, path: str = "", line: int = 1, column: int = 1
) -> tuple[JsonExample, ParseDiagnostic | None]:
    """Convert one PowerShell literal (``@{...}``, ``@(...)``, a string...) to JSON.

    ``line`` and ``column`` place the text's first character in the file;
    later lines start at column 1. Text after the literal is an error.
    """
    code = [CodeLine(line + offset, column if offset == 0 else 1, part) for offset, part in enumerate(text.split("\n"))]
    example, diagnostic, _ = _convert(_CodeText(code), 0, path, whole=True)
    return example, diagnostic


_ASSIGNMENT = re.compile(r"\$(?:\{[^}\n]*\}|[\w:]+)[ \t]*=[ \t]*(?:\[[A-Za-z_][\w.]*\][ \t]*)?(?P<open>@\{)")
_QUOTED = re.compile(r"\"(?:[^\"`\n]|`.)*\"|'[^'\n]*'")


def _commented(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a ``#`` line comment (quoted ``#`` do not count)."""
    prefix = text[text.rfind("\n", 0, offset) + 1 : offset]
    return "#" in _QUOTED.sub("", prefix)


class _CodeText:
    """Code lines joined into one text, with offsets mapped back to file positions."""

    def __init__(self, code: Sequence[CodeLine]) -> None:
        self.code = list(code) or [CodeLine(1, 1, "")]
        self.text = "\n".join(line.text for line in self.code)
        self.starts: list[int] = []
        offset = 0
        for line in self.code:
            self.starts.append(offset)
            offset += len(line.text) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column of an offset into the joined text."""
        at = max(0, bisect.bisect_right(self.starts, offset) - 1)
        line = self.code[at]
        return line.line, line.column + offset - self.starts[at]

    def span(self, path: str, start: int, end: int | None = None) -> Span:
        line, column = self.position(start)
        end_line = self.position(end)[0] if end is not None else line
        return Span(path, line, column, end_line)


def _convert(
    text: _CodeText, opening: int, path: str, *, whole: bool
) -> tuple[JsonExample, ParseDiagnostic | None, int]:
    """Parse the literal at ``opening``; return the example, any diagnostic, and where it ended."""
    parser = _PsParser(text.text, opening)
    try:
        start = parser.skip_separators().start if whole else opening
        value, _ = parser.expression(0)
        end = parser.pos
        if whole:
            parser.skip_separators()
            rest = parser.peek()
            if rest.kind != "eof":
                raise PowerShellSyntaxError(f"unexpected {_describe(text.text, rest)} after the value", rest.start)
    except PowerShellSyntaxError as error:
        line, column = text.position(error.offset)
        line_end = text.text.find("\n", error.offset)
        end = len(text.text) if line_end < 0 else line_end
        source = text.text[opening:end]
        span = text.span(path, opening, end)
        example = JsonExample(text=source, span=span, error=JsonError(error.message, line, column), origin="powershell")
        diagnostic = ParseDiagnostic("powershell-syntax", error.message, Span(path, line, column, line))
        return example, diagnostic, max(end, opening + 2)
    return (
        JsonExample(text=text.text[start:end], span=text.span(path, start, end - 1), value=value, origin="powershell"),
        None,
        end,
    )


_PS_DOUBLE = '"\u201c\u201d\u201e'
_PS_SINGLE = "'\u2018\u2019\u201a\u201b"
_PS_SPACE = re.compile(r"(?:[ \t\f\v\r\u00a0\ufeff]+|`\r?\n|#[^\n]*)+")
_PS_NUMBER = re.compile(
    r"-?(?:0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)(?P<suffix>[lLdD]|[kKmMgGtTpP][bB])?(?![\w.])"
)
_PS_VARIABLE = re.compile(r"\$(?:\{[^}\n]*\}|\w[\w:]*|[?^$])")
_PS_CAST = re.compile(r"\[[A-Za-z_][\w.]*(?:\[[^\[\]\n]*\])?\]")
_PS_WORD = re.compile(r"[^\s=;,(){}\[\]\"'`#@$\u201c\u201d\u201e\u2018\u2019\u201a\u201b]+")
_PS_MEMBER = re.compile(r"(?:\.|::)\w+|\[[^\]\n]*\]")
_PS_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_PS_UNICODE = re.compile(r"`u\{(?P<hex>[0-9a-fA-F]{1,6})\}")
_PS_MULTIPLIERS = {"kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4, "pb": 1024**5}
_PS_CONSTANTS: dict[str, Any] = {"$true": True, "$false": False, "$null": None}
#: Values nested deeper than this are refused rather than risking the recursion limit.
_PS_MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class _Token:
    """A PowerShell token: kind, offsets in the code text, and its value when it has one."""

    kind: str
    start: int
    end: int
    value: Any = None


def _describe(text: str, token: _Token) -> str:
    """How an error message names a token."""
    if token.kind == "eof":
        return "end of code"
    if token.kind == "newline":
        return "end of line"
    return repr(text[token.start : token.end][:40])


class _PsParser:
    """Tokenizer and recursive-descent parser for PowerShell literal values.

    Tokens are read on demand from ``pos``: the code after a hashtable
    (``Invoke-Mg... -CallId $callId``) is never tokenized, so it cannot
    produce spurious errors.
    """

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos
        self._peeked: _Token | None = None

    # -- tokens

    def peek(self) -> _Token:
        if self._peeked is None:
            self._peeked = self._read()
        return self._peeked

    def take(self) -> _Token:
        token = self.peek()
        self.pos = token.end
        self._peeked = None
        return token

    def seek(self, pos: int) -> None:
        self.pos = pos
        self._peeked = None

    def skip_newlines(self) -> None:
        while self.peek().kind == "newline":
            self.take()

    def skip_separators(self) -> _Token:
        """Skip statement separators (new lines and ``;``); return the next token."""
        while self.peek().kind in ("newline", ";"):
            self.take()
        return self.peek()

    def _skip_space(self) -> int:
        """Skip blanks, comments and backtick line continuations."""
        text, pos = self.text, self.pos
        while True:
            match = _PS_SPACE.match(text, pos)
            if match:
                pos = match.end()
            if text.startswith("<#", pos):
                close = text.find("#>", pos + 2)
                if close < 0:
                    raise PowerShellSyntaxError("block comment '<#' is not closed", pos)
                pos = close + 2
                continue
            return pos

    def _read(self) -> _Token:
        """The token at ``pos``: punctuation, strings and here-strings here, the rest below."""
        text = self.text
        start = self._skip_space()
        if start >= len(text):
            return _Token("eof", start, start)
        char = text[start]
        pair = text[start : start + 2]
        if char == "\n":
            return _Token("newline", start, start + 1)
        if pair in ("@{", "@("):
            return _Token(pair, start, start + 2)
        if char == "@" and len(pair) == 2 and pair[1] in _PS_DOUBLE + _PS_SINGLE:
            return _here_string(text, start)
        if char in "{}();,=":
            return _Token(char, start, start + 1)
        if char in _PS_DOUBLE:
            value, end = _double_quoted(text, start)
            return _Token("string", start, end, value)
        if char in _PS_SINGLE:
            value, end = _single_quoted(text, start)
            return _Token("string", start, end, value)
        return self._read_other(start)

    def _read_other(self, start: int) -> _Token:
        """Variables, sub-expressions, casts, numbers and bare words."""
        text = self.text
        if text.startswith("$(", start):
            end = _member_chain(text, _balanced(text, start + 1))
            return _Token("expression", start, end, text[start:end])
        variable = _PS_VARIABLE.match(text, start)
        if variable:
            end = _member_chain(text, variable.end())
            return _Token("variable", start, end, text[start:end])
        cast = _PS_CAST.match(text, start)
        if cast:
            return _Token("cast", start, cast.end(), cast.group())
        number = _PS_NUMBER.match(text, start)
        if number:
            return _Token("number", start, number.end(), _number(number))
        word = _PS_WORD.match(text, start)
        if word:
            return _Token("word", start, word.end(), word.group())
        return _Token("other", start, start + 1, text[start])

    # -- grammar

    def expression(self, depth: int) -> tuple[Any, bool]:
        """A value, or a comma list of values; the flag says it was a comma list."""
        first = self.value(depth)
        if self.peek().kind != ",":
            return first, False
        items = [first]
        while self.peek().kind == ",":
            self.take()
            self.skip_newlines()
            items.append(self.value(depth))
        return items, True

    def value(self, depth: int) -> Any:
        """One value; ``depth`` bounds nesting so hostile input cannot exhaust the stack."""
        if depth > _PS_MAX_DEPTH:
            raise PowerShellSyntaxError("values are nested too deeply", self.peek().start)
        token = self.take()
        kind = token.kind
        if kind == "@{":
            return self._hashtable(token, depth)
        if kind == "@(":
            return self._array(token, depth)
        if kind in ("string", "number", "expression"):
            return token.value
        if kind == "variable":
            return _PS_CONSTANTS.get(token.value.lower(), token.value)
        if kind == "(":
            end = _member_chain(self.text, _balanced(self.text, token.start))
            self.seek(end)
            return self.text[token.start : end]
        if kind == "cast":
            return self._cast(token, depth)
        if kind == "word":
            raise PowerShellSyntaxError(
                f"{token.value!r} is not a value (a bare word runs a command; quote a string)", token.start
            )
        raise PowerShellSyntaxError(f"expected a value, found {_describe(self.text, token)}", token.start)

    def _cast(self, token: _Token, depth: int) -> Any:
        """``[DateTime]"..."`` keeps the operand; ``[Type]::Member(...)`` keeps its source text."""
        if self.text.startswith("::", token.end):
            end = _member_chain(self.text, token.end)
            self.seek(end)
            return self.text[token.start : end]
        if self.peek().kind in ("newline", "eof", ";", "}", ")", ","):
            return token.value
        return self.value(depth + 1)

    def _hashtable(self, opening: _Token, depth: int) -> dict[str, Any]:
        """``@{ key = value ... }``: entries end at a new line, ``;`` or ``}``; keys are case-insensitive."""
        result: dict[str, Any] = {}
        folded: set[str] = set()
        while True:
            token = self.skip_separators()
            if token.kind == "}":
                self.take()
                return result
            if token.kind == "eof":
                raise PowerShellSyntaxError("missing '}' to close the hashtable opened here", opening.start)
            key, key_token = self._key()
            if key.casefold() in folded:
                raise PowerShellSyntaxError(
                    f"duplicate key {key!r} (hashtable keys are case-insensitive)", key_token.start
                )
            folded.add(key.casefold())
            equals = self.take()
            if equals.kind != "=":
                raise PowerShellSyntaxError(
                    f"expected '=' after the key {key!r}, found {_describe(self.text, equals)}", equals.start
                )
            self.skip_newlines()
            result[key], _ = self.expression(depth + 1)
            after = self.peek()
            if after.kind == "eof":
                raise PowerShellSyntaxError("missing '}' to close the hashtable opened here", opening.start)
            if after.kind not in ("newline", ";", "}"):
                raise PowerShellSyntaxError(
                    f"expected a new line, ';' or '}}' after the value of {key!r}, found {_describe(self.text, after)}",
                    after.start,
                )

    def _key(self) -> tuple[str, _Token]:
        """A hashtable key as JSON needs it: always a string, numbers as written."""
        token = self.take()
        if token.kind in ("word", "string", "variable"):
            return str(token.value), token
        if token.kind == "number":
            return self.text[token.start : token.end], token
        raise PowerShellSyntaxError(f"expected a key, found {_describe(self.text, token)}", token.start)

    def _array(self, opening: _Token, depth: int) -> list[Any]:
        """``@( ... )``: statements separated by new lines or ``;``, each may be a comma list.

        As in PowerShell, a statement's output is enumerated: ``@(@(1, 2))``
        is ``[1, 2]`` while ``@(@(1, 2), 3)`` is ``[[1, 2], 3]``.
        """
        items: list[Any] = []
        while True:
            token = self.skip_separators()
            if token.kind == ")":
                self.take()
                return items
            if token.kind == "eof":
                raise PowerShellSyntaxError("missing ')' to close the array opened here", opening.start)
            value, listed = self.expression(depth + 1)
            if listed or isinstance(value, list):
                items.extend(value)
            else:
                items.append(value)
            after = self.peek()
            if after.kind == "eof":
                raise PowerShellSyntaxError("missing ')' to close the array opened here", opening.start)
            if after.kind not in ("newline", ";", ")"):
                raise PowerShellSyntaxError(
                    f"expected a new line, ',' or ')' after an array element, found {_describe(self.text, after)}",
                    after.start,
                )


def _number(match: re.Match[str]) -> int | float:
    """A PowerShell numeric literal: decimal, hex, exponent, ``kb``..``pb`` multipliers."""
    raw = match.group(0)
    suffix = (match.group("suffix") or "").lower()
    body = raw[: len(raw) - len(suffix)] if suffix else raw
    try:
        if "x" in body.lower():
            value: int | float = int(body, 16)
        elif any(char in body for char in ".eE"):
            value = float(body)
        else:
            value = int(body)
    except ValueError as error:  # more digits than int() accepts
        raise PowerShellSyntaxError("number is too long", match.start()) from error
    if isinstance(value, float) and not math.isfinite(value):
        raise PowerShellSyntaxError("number is out of range", match.start())
    return value * _PS_MULTIPLIERS.get(suffix, 1)


def _double_quoted(text: str, start: int) -> tuple[str, int]:
    """A ``"..."`` string: backtick escapes, ``""`` for a quote; variables stay as written."""
    out: list[str] = []
    index, count = start + 1, len(text)
    while index < count:
        char = text[index]
        if char == "`" and index + 1 < count:
            piece, index = _escape(text, index)
            out.append(piece)
            continue
        if char in _PS_DOUBLE:
            if index + 1 < count and text[index + 1] in _PS_DOUBLE:
                out.append(char)
                index += 2
                continue
            return "".join(out), index + 1
        out.append(char)
        index += 1
    raise PowerShellSyntaxError("string is not closed", start)


def _escape(text: str, index: int) -> tuple[str, int]:
    """The character a backtick escape at ``index`` stands for, and the index after it."""
    unicode = _PS_UNICODE.match(text, index)
    if unicode:
        code = int(unicode.group("hex"), 16)
        if code <= 0x10FFFF:
            return chr(code), unicode.end()
    following = text[index + 1]
    return _PS_ESCAPES.get(following, following), index + 2


def _single_quoted(text: str, start: int) -> tuple[str, int]:
    """A ``'...'`` string: verbatim, ``''`` for a quote."""
    out: list[str] = []
    index, count = start + 1, len(text)
    while index < count:
        char = text[index]
        if char in _PS_SINGLE:
            if index + 1 < count and text[index + 1] in _PS_SINGLE:
                out.append(char)
                index += 2
                continue
            return "".join(out), index + 1
        out.append(char)
        index += 1
    raise PowerShellSyntaxError("string is not closed", start)


def _here_string(text: str, start: int) -> _Token:
    """``@"`` / ``@'`` here-strings: the content lines up to a line starting ``"@`` / ``'@``."""
    double = text[start + 1] in _PS_DOUBLE
    header_end = text.find("\n", start + 2)
    if header_end < 0 or text[start + 2 : header_end].strip(" \t\r"):
        raise PowerShellSyntaxError("a here-string must end its first line right after @\" or @'", start)
    closers = _PS_DOUBLE if double else _PS_SINGLE
    line_start = header_end + 1
    while line_start <= len(text):
        if text[line_start : line_start + 1] in tuple(closers) and text[line_start + 1 : line_start + 2] == "@":
            content = text[header_end + 1 : max(header_end + 1, line_start - 1)].replace("\r", "")
            if double:
                content = _unescape(content)
            return _Token("string", start, line_start + 2, content)
        next_line = text.find("\n", line_start)
        if next_line < 0:
            break
        line_start = next_line + 1
    raise PowerShellSyntaxError("here-string is not closed", start)


def _unescape(content: str) -> str:
    """Apply backtick escapes to the content of a ``@"`` here-string."""
    out: list[str] = []
    index = 0
    while index < len(content):
        if content[index] == "`" and index + 1 < len(content):
            piece, index = _escape(content, index)
            out.append(piece)
        else:
            out.append(content[index])
            index += 1
    return "".join(out)


def _balanced(text: str, opening: int) -> int:
    """Index after the ``)`` matching the ``(`` at ``opening``, skipping strings and comments."""
    depth = 0
    index = opening
    while index < len(text):
        char = text[index]
        if char in _PS_DOUBLE:
            index = _double_quoted(text, index)[1]
            continue
        if char in _PS_SINGLE:
            index = _single_quoted(text, index)[1]
            continue
        if char == "#" and (index == 0 or text[index - 1] in " \t\n;"):
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise PowerShellSyntaxError("missing ')' to close the expression opened here", opening)


def _member_chain(text: str, pos: int) -> int:
    """Extend an expression over ``.Member``, ``::Static``, ``[index]`` and ``(call args)``."""
    after_member = False
    while pos < len(text):
        member = _PS_MEMBER.match(text, pos)
        if member:
            after_member = member.group().startswith((".", ":"))
            pos = member.end()
            continue
        if after_member and text[pos] == "(":
            pos = _balanced(text, pos)
            after_member = False
            continue
        break
    return pos
