"""Find the runs of SDK code in a rendering and split them into snippets.

A rendered page shows one tab of code at a time, but copying it out of the
browser yields the snippets of every tab, one after another, unfenced and
unlabelled. A run of code starts at a line that is code on its own (or a
banner, or comments just before one) and goes on through code-shaped lines;
it is then cut wherever the language changes, so that each snippet can be
named by :func:`lint.parse.text.code_language.identify_language`.
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.parse.text.code_language import STRONG, best_language, opens_snippet
from lint.parse.text.lines import Line

__all__ = ["code_end", "split_snippets", "starts_code"]

#: Kinds that continue a run of code (blank lines too, when code follows them).
_CONTINUES = frozenset({"code", "banner", "comment", "weak", "json-start"})
#: Kinds that, after blank lines, resume a run.
_RESUMES = frozenset({"code", "banner", "comment", "weak"})


def starts_code(lines: Sequence[Line], start: int) -> bool:
    """Code starts at a strong line or a banner, or at comments before one."""
    kind = lines[start].kind
    if kind in ("code", "banner"):
        return True
    if kind != "comment":
        return False
    for line in lines[start + 1 : start + 6]:
        if line.kind == "code":
            return True
        if line.kind not in ("comment", "blank"):
            return False
    return False


def code_end(lines: Sequence[Line], start: int) -> int:
    """End (exclusive) of the run of code lines starting at ``start``.

    Code-shaped lines and JSON-looking lines continue a run; blank lines
    too when code follows them. Prose, headings, table headers and HTTP
    messages end it.
    """
    index = start + 1
    while index < len(lines):
        kind = lines[index].kind
        if kind in _CONTINUES:
            index += 1
            continue
        if kind != "blank":
            break
        after = index
        while after < len(lines) and lines[after].kind == "blank":
            after += 1
        if after >= len(lines) or lines[after].kind not in _RESUMES:
            break
        index = after
    return index


def split_snippets(run: Sequence[Line]) -> list[list[Line]]:
    """Split a run of code lines into one snippet per language.

    Comment lines wait until the next code line: they belong to the snippet
    that line opens (``// Dependencies`` before ``using``), or else to the
    current one. A banner (``// Code snippets are only available ...``)
    always opens a snippet once the current one has code.
    """
    snippets: list[list[Line]] = []
    current: list[Line] = []
    pending: list[Line] = []
    totals: dict[str, float] = {}

    def take(lines: Sequence[Line]) -> None:
        for line in lines:
            current.append(line)
            for language, score in line.scores.items():
                totals[language] = totals.get(language, 0.0) + score

    for line in run:
        if line.kind in ("comment", "blank"):
            pending.append(line)
            continue
        has_code = any(seen.kind not in ("banner", "comment", "blank") for seen in current)
        if line.kind == "banner":
            take(pending)
            pending = []
            opens = has_code
        else:
            opens = _snippet_boundary(totals, has_code, line)
        if opens:
            snippets.append(current)
            current, totals = [], {}
        take([*pending, line])
        pending = []
    take(pending)
    snippets.append(current)
    return [trimmed for snippet in snippets if (trimmed := _trim_blank(snippet))]


def _snippet_boundary(totals: dict[str, float], has_code: bool, line: Line) -> bool:
    """Whether ``line`` opens a new snippet inside a run of code.

    A new snippet starts at an opener line (``<?php``, ``Import-Module``), or
    at a line that is strong evidence for one language and none at all for
    the language the current snippet has shown so far.
    """
    if not has_code:
        return False
    if opens_snippet(line.text):
        return True
    current, current_score = best_language(totals)
    best, best_score = best_language(line.scores)
    if current is None or best is None or current_score <= 0:
        return False
    return best_score >= STRONG and best != current and line.scores.get(current, 0.0) == 0.0


def _trim_blank(lines: list[Line]) -> list[Line]:
    """Blank lines around a snippet belong to no snippet."""
    start, end = 0, len(lines)
    while start < end and lines[start].kind == "blank":
        start += 1
    while end > start and lines[end - 1].kind == "blank":
        end -= 1
    return lines[start:end]
