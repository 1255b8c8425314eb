"""Writing untrusted text into MyST source so that it reads as text, whatever characters it holds.

Page content, paths and messages are untrusted: a `<script>` in a translated
line must show as those characters, a `*` must not start emphasis, a `{` must
not start a role, a `$` must not start math, a `|` must not split a cell.
CommonMark lets a backslash escape any ASCII punctuation character, and
MyST's extensions (roles, substitutions, dollar math, colon fences, targets,
comments) all start with one, so escaping every ASCII punctuation character
is a rule that does not need to know which extensions a site enables. Source
lines are shown verbatim instead, as code spans, whose content CommonMark
never interprets (and Sphinx never curls the quotes of).

Everything here returns inline text (one line); block structure is the
callers' job.
"""

from __future__ import annotations

import re
import string

#: Every character CommonMark lets a backslash escape.
_PUNCTUATION = frozenset(string.punctuation)
#: Line breaks and the C0/C1 controls, which no reader should get as text (and docutils may choke on).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
#: A message's own code spans: doclint writes the names and values it quotes between backticks.
_QUOTED = re.compile(r"`([^`\n]+)`")


def escape(text: str) -> str:
    """``text`` as MyST that renders exactly as ``text``: every ASCII punctuation character backslash-escaped.

    Line breaks become spaces and control characters U+FFFD, so the result is
    always one line and never starts a block (a heading, a list, a quote, a
    fence, an indented code block: leading blanks are dropped).
    """
    flat = _CONTROL.sub("\ufffd", _LINE_BREAK.sub(" ", text)).replace("\t", " ").strip(" ")
    return "".join(f"\\{char}" if char in _PUNCTUATION else char for char in flat)


def code(text: str) -> str:
    """``text`` as one code span, verbatim: fenced by more backticks than any run inside it.

    Text that starts or ends with a backtick, or with a space at both ends, is
    padded with a space on each side, which CommonMark strips again, so it
    keeps them.
    Blank text gives an empty string (a code span of spaces only is not one).
    """
    flat = _CONTROL.sub("\ufffd", _LINE_BREAK.sub(" ", text))
    if not flat.strip():
        return ""
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = flat[0] == "`" or flat[-1] == "`" or (flat[0] == " " and flat[-1] == " ")
    return f"{fence} {flat} {fence}" if padded else f"{fence}{flat}{fence}"


def strong(markup: str) -> str:
    """Already-escaped inline markup in bold (empty stays empty, so no stray ``****``)."""
    return f"**{markup}**" if markup else ""


def message(text: str) -> str:
    """A doclint message: its backticked names and values as code spans, the rest escaped.

    An unpaired backtick (a quoted value that itself held one) is escaped like
    any other character, so no message can open a span it does not close.
    """
    parts: list[str] = []
    position = 0
    for match in _QUOTED.finditer(text):
        parts.append(escape_inline(text[position : match.start()]))
        parts.append(code(match.group(1)))
        position = match.end()
    parts.append(escape_inline(text[position:]))
    return "".join(parts).strip()


def escape_inline(text: str) -> str:
    """Like :func:`escape`, but keeping the spaces at either end (for text placed between other inline parts)."""
    escaped = escape(text)
    if not escaped:
        return " " if text[:1].isspace() or text[-1:].isspace() else ""
    leading = " " if text[:1].isspace() else ""
    trailing = " " if text[-1:].isspace() else ""
    return f"{leading}{escaped}{trailing}"


def link(label_markup: str, target: str) -> str:
    """A link to another generated document (``target`` a relative ``.md`` path), its label already MyST.

    The target goes between angle brackets, where only ``<``, ``>`` and line
    breaks would end it; generated docnames never hold them (see
    :func:`docname_part`).
    """
    return f"[{label_markup}](<{target}>)"


def docname_part(text: str) -> str:
    """A path component safe as part of a Sphinx docname and a link target: letters, digits, ``.``, ``-``, ``_``."""
    cleaned = re.sub(r"[^\w.-]+", "-", text).strip("-.")
    return cleaned or "page"


def fence_for(body: str, minimum: int = 3) -> str:
    """A backtick fence longer than any backtick run in ``body``, so nothing inside can close it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    return "`" * max(minimum, longest + 1)


def list_table(rows: list[list[str]], *, header_rows: int = 1, widths: list[int] | None = None, css: str = "") -> str:
    """A ``list-table`` directive from rows of cells, each cell already MyST (one or more lines).

    A cell of several lines (paragraphs) is indented under its bullet; an empty
    cell is an empty bullet, which docutils takes as an empty cell.
    """
    lines: list[str] = []
    for row in rows:
        for index, cell in enumerate(row):
            bullet = "* - " if index == 0 else "  - "
            cell_lines = cell.split("\n") if cell else [""]
            lines.append((bullet + cell_lines[0]).rstrip())
            lines.extend(("    " + line).rstrip() for line in cell_lines[1:])
    body = "\n".join(lines)
    fence = fence_for(body)
    options = [f":header-rows: {header_rows}"]
    if widths:
        options.append(":widths: " + " ".join(str(width) for width in widths))
    if css:
        options.append(f":class: {css}")
    return "\n".join([f"{fence}{{list-table}}", *options, "", body, fence]) + "\n"
