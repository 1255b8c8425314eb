"""EXAMPLES of a platyPS page: find each example's code, fenced or not.

The Graph generator often closes the code fence right after ``Import-Module``
and leaves the real code as bare lines. Bare lines that read as PowerShell are
therefore taken as code as well (``fenced=False``), and once a hashtable or a
continued line is open every line is code until it closes. Each example's
``$var = @{ ... }`` hashtables are converted to JSON values, so that it can be
compared with the JSON body of the REST page the cmdlet wraps.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from lint.model import CmdletExample, Span
from lint.parse.platyps.document import Doc, Fence, Heading, children, code_block, fence_lines, last_text_line
from lint.parse.platyps.powershell_literal import CodeLine, hashtable_examples

__all__ = ["is_powershell_line", "parse_examples"]

#: Fence info strings that mark PowerShell (an example fence with none is PowerShell too).
_PS_LANGUAGES = frozenset({"", "powershell", "ps", "pwsh", "ps1", "posh", "pscon"})

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
#: A line ending in one of these goes on at the next line, whatever that looks like.
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


class _ExampleCode(Struct):
    """What one example holds, collected in document order."""

    code: list[CodeLine] = field(default_factory=list)
    bare: list[CodeLine] = field(default_factory=list)
    run: list[int] = field(default_factory=list)
    depth: int = 0


def parse_examples(doc: Doc, section: Heading) -> list[CmdletExample]:
    """EXAMPLES: one CmdletExample per ``###`` heading."""
    return [_example(doc, child) for child in children(doc, section)]


def _example(doc: Doc, heading: Heading) -> CmdletExample:
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
        span=doc.span(heading.index, 1, last_text_line(doc, heading.index, heading.stop)),
        code="\n".join(line.text for line in code),
        code_span=code_span,
        fenced=not found.bare,
        params=tuple(params),
    )


def _example_fence(doc: Doc, fence: Fence, found: _ExampleCode) -> None:
    """A fence in an example: PowerShell joins the example's code, anything else does not."""
    lines = fence_lines(doc, fence)
    if fence.language in _PS_LANGUAGES:
        doc.code_blocks.append(code_block(doc, lines, fence.start, "powershell", True))
        found.code.extend(lines)
    else:
        doc.code_blocks.append(code_block(doc, lines, fence.start, fence.language, True))


def _bare_line(doc: Doc, index: int, found: _ExampleCode) -> None:
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


def _flush_run(doc: Doc, found: _ExampleCode) -> None:
    """End the current bare run (trailing blank lines are not part of it)."""
    run = found.run
    while run and not doc.lines[run[-1]].strip():
        run.pop()
    if run:
        lines = [CodeLine(index + 1, 1, doc.lines[index]) for index in run]
        doc.code_blocks.append(code_block(doc, lines, run[0], "powershell", False))
        found.code.extend(lines)
        found.bare.extend(lines)
    found.run = []
    found.depth = 0
