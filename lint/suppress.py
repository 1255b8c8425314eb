"""Inline suppression comments, honoured in one place so rules never see them.

``<!-- doclint-disable CODE -->`` ... ``<!-- doclint-enable -->`` silences a
range, ``<!-- doclint-disable-next-line CODE -->`` the next line,
``<!-- doclint-disable-file CODE -->`` the whole file. Codes may be rule codes
or names, comma- or space-separated; none means every rule. A directive
applies to the page it is written in only: a suppression in an English page
never silences its translations. Directives that match nothing are reported.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from lint.model import Page, Span
from lint.rules import find_rule

_DIRECTIVE = re.compile(
    r"^\s*doclint-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<codes>[^\n]*)$", re.IGNORECASE
)
ALL = "*"


class Directive(Struct):
    kind: str
    codes: frozenset[str]
    span: Span
    #: First and last line (inclusive) the directive covers.
    start: int = 0
    end: int = 0
    used: bool = False
    unknown: tuple[str, ...] = ()

    def covers(self, code: str, line: int) -> bool:
        return (ALL in self.codes or code in self.codes) and self.start <= line <= self.end


class Suppressions(Struct):
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, code: str, line: int) -> bool:
        """True (and the directive marked used) when a directive covers ``code`` at ``line``."""
        hit = False
        for directive in self.directives:
            if directive.kind != "enable" and directive.covers(code, line):
                directive.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [directive for directive in self.directives if directive.kind != "enable" and not directive.used]


def read_suppressions(page: Page, last_line: int = 10**9) -> Suppressions:
    """Collect the directives of a page from its comments."""
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for comment in sorted(page.comments, key=lambda item: item.span.line):
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind = match.group("kind").lower()
        codes, unknown = _codes(match.group("codes"))
        directive = Directive(kind, codes, comment.span, unknown=unknown)
        if kind == "disable-file":
            directive.start, directive.end = 1, last_line
        elif kind == "disable-next-line":
            directive.start = directive.end = comment.span.end_line + 1
        elif kind == "disable":
            directive.start, directive.end = comment.span.end_line, last_line
            open_ranges.append(directive)
        else:
            for opened in open_ranges:
                if opened.end == last_line and (ALL in codes or opened.codes <= codes or ALL in opened.codes):
                    opened.end = comment.span.line
            open_ranges = [opened for opened in open_ranges if opened.end == last_line]
        directives.append(directive)
    return Suppressions(directives)


def _codes(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    words = [word for word in re.split(r"[\s,]+", text.strip()) if word and word != "--"]
    if not words:
        return frozenset({ALL}), ()
    codes: set[str] = set()
    unknown: list[str] = []
    for word in words:
        found = find_rule(word)
        if found is None:
            unknown.append(word)
        else:
            codes.add(found.code)
    return frozenset(codes), tuple(unknown)
