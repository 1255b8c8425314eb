"""Inline suppression comments, honoured in one place so rules never see them.

The directives are markdownlint's, spelled ``doclint-``:
``<!-- doclint-disable CODE -->`` ... ``<!-- doclint-enable -->`` silences a
range, ``<!-- doclint-disable-line CODE -->`` the line the comment is on,
``<!-- doclint-disable-next-line CODE -->`` the next line,
``<!-- doclint-disable-file CODE -->`` the whole file. Codes may be rule codes
or names, comma- or space-separated; none means every rule; ``--`` starts a
free-text reason (as in ESLint). A directive applies to the page it is
written in only: a suppression in an English page never silences its
translations.

A directive must never fail open: a misspelled one (``doclint-disable-nextline``)
once read as an open-ended ``disable`` and silenced the rest of the page. Now
it suppresses nothing and is reported, with the closest valid spelling; so
are unknown rule names (whether or not the rest of the directive was used)
and directives that suppress nothing.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from lint.lazy_pattern import lazy_compile
from lint.model import Page, Span
from lint.rules import all_rules, find_rule

#: The directive kinds, markdownlint's spellings.
KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
#: Any comment that starts with ``doclint-`` is meant as a directive; the first word is its kind.
_DIRECTIVE = lazy_compile(r"^\s*doclint-(?P<kind>\S*)(?P<codes>.*)$", re.IGNORECASE | re.DOTALL)
_REASON = lazy_compile(r"(?:^|\s)--(?:\s|$)")
#: markdownlint's other directives: no use here (suppressions cannot switch on a rule the config
#: switched off), but named as such rather than "did you mean".
_UNSUPPORTED = ("enable-file", "capture", "restore", "configure-file")
_KIND_LIST = "directives: " + ", ".join(f"doclint-{kind}" for kind in KINDS)
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


class Problem(Struct, frozen=True):
    """A directive that is wrong or stale, reported as ``unused-suppression``."""

    span: Span
    message: str
    #: Line-free text identifying the problem for baselines.
    context: str


class Suppressions(Struct):
    directives: list[Directive] = field(default_factory=list)
    #: Comments that start with ``doclint-`` but name no directive: (the word after it, where).
    unknown_kinds: list[tuple[str, Span]] = field(default_factory=list)

    def suppresses(self, code: str, line: int) -> bool:
        """True (and the directive marked used) when a directive covers ``code`` at ``line``."""
        hit = False
        for directive in self.directives:
            if directive.kind != "enable" and directive.covers(code, line):
                directive.used = True
                hit = True
        return hit

    def problems(self, own_code: str) -> list[Problem]:
        """One problem per wrong or stale directive, in page order; call after every :meth:`suppresses`.

        ``own_code`` is the rule these problems are reported as: a problem a
        directive silences for it is left out, and that directive has been of use.
        """
        for problem in self._problems():
            self.suppresses(own_code, problem.span.line)
        return [problem for problem in self._problems() if not self.suppresses(own_code, problem.span.line)]

    def _problems(self) -> list[Problem]:
        found = [Problem(span, _unknown_kind(word), f"directive {word}") for word, span in self.unknown_kinds]
        for directive in self.directives:
            stale = directive.kind != "enable" and not directive.used
            context = f"{directive.kind} {sorted(directive.codes)}"
            if directive.unknown:
                message = _unknown_rules(directive)
                if stale and directive.codes:
                    message += f"; `{', '.join(sorted(directive.codes))}` suppresses nothing"
                found.append(Problem(directive.span, message, f"{context} {list(directive.unknown)}"))
            elif stale:
                found.append(Problem(directive.span, f"`doclint-{directive.kind}` suppresses nothing", context))
        return sorted(found, key=lambda problem: (problem.span.line, problem.span.column))


def read_suppressions(page: Page, last_line: int = 10**9) -> Suppressions:
    """Collect the directives of a page from its comments."""
    suppressions = Suppressions()
    open_ranges: list[Directive] = []
    for comment in sorted(page.comments, key=lambda item: item.span.line):
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind = match.group("kind").lower()
        if kind not in KINDS:
            suppressions.unknown_kinds.append((match.group("kind"), comment.span))
            continue
        codes, unknown = _codes(match.group("codes"))
        directive = Directive(kind, codes, comment.span, unknown=unknown)
        if kind == "disable-file":
            directive.start, directive.end = 1, last_line
        elif kind == "disable-line":
            directive.start, directive.end = comment.span.line, comment.span.end_line
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
        suppressions.directives.append(directive)
    return suppressions


def _codes(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The rule codes a directive names, and the words that name no rule; a reason after ``--`` is not read."""
    reason = _REASON.search(text)
    if reason:
        text = text[: reason.start()]
    words = [word for word in re.split(r"[\s,]+", text.strip()) if word]
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


def _unknown_kind(word: str) -> str:
    if word.lower() in _UNSUPPORTED:
        return f"`doclint-{word}` is a markdownlint directive doclint does not have ({_KIND_LIST})"
    starting = [kind for kind in KINDS if kind.startswith(word.lower())]  # a directive cut short
    close = starting[0] if len(starting) == 1 else _closest(word, KINDS)
    hint = f"did you mean `doclint-{close}`?" if close else _KIND_LIST
    return f"unknown directive `doclint-{word}` ({hint})"


def _unknown_rules(directive: Directive) -> str:
    names = [item for rule in all_rules() for item in (rule.name, rule.code)]
    words = ", ".join(f"`{word}`" for word in directive.unknown)
    plural = "s" if len(directive.unknown) > 1 else ""
    hints = []
    for word in directive.unknown:
        close = _closest(word, names)
        if close:
            hints.append(f"`{close}`" if len(directive.unknown) == 1 else f"`{close}` for `{word}`")
    hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
    return f"unknown rule{plural} {words} in `doclint-{directive.kind}`{hint}"


def _closest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    import difflib  # only when a directive is wrong

    by_lower = {choice.lower(): choice for choice in choices}
    key = word.lower()
    close = difflib.get_close_matches(key, list(by_lower), n=5, cutoff=0.6)
    if not close:
        return None

    # Equally close by ratio (`DL1O1`: `DL101` and `DL611`), the choice that keeps
    # more characters in place is the one mistyped: a letter for a digit, not a shuffle.
    def closeness(choice: str) -> tuple[float, int]:
        in_place = sum(a == b for a, b in zip(key, choice, strict=False))
        return round(difflib.SequenceMatcher(None, key, choice).ratio(), 6), in_place

    return by_lower[max(close, key=closeness)]
