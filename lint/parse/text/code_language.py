"""Tell which programming language a line of code is, and whether it is code.

Text renderings run the SDK snippets of every tab (C#, Go, Java, PHP,
Python, JavaScript, PowerShell, CLI) together with no fence and no language
label, so the language has to be read off the code itself. Each language has
a few patterns, each weighted by how much it gives that language away; a
line's score is the sum of the weights that match, and a snippet's language
is the one its lines add up to the most.

The same scores decide whether a line is code at all: a line strong enough
for one language is code on its own, without looking at its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["STRONG", "best_language", "code_kind", "code_shaped", "identify_language", "opens_snippet", "score_line"]

#: Per-language features: a pattern and the evidence it gives. Weights of 3
#: and more are distinctive on their own; smaller ones only add up.
_FEATURES: dict[str, tuple[tuple[str, float], ...]] = {
    "csharp": (
        (r"^using [\w.]+;$", 4),
        (r"^var \w+ = new\b", 4),
        (r"^await graphClient\.[A-Z]", 3),
        (r"\.\w+Async\(", 3),
        (r"\[\"\{[^\"]*\}\"\]", 2),
        (r"\bnew (?:List|Dictionary)<", 3),
        (r"^[A-Z]\w* = .+,$", 1),
        (r"tabs=csharp", 2),
    ),
    "go": (
        (r"^import \($", 4),
        (r"^[\w.]+(?:, \w+)? := ", 4),
        (r"^\w+ \"github\.com/", 4),
        (r"context\.Background\(\)", 3),
        (r"^graphClient\.[A-Z]\w*\(\)", 3),
        (r"\bgraph\w*\.New\w*\(", 2),
        (r"\bgraphmodels\.", 2),
        (r"\(&\w+\)", 2),
        (r"^\"[\w./-]+\"$", 1),
        (r"tabs=go", 2),
    ),
    "java": (
        (r"^[A-Z]\w*(?:<[\w<>, ?]*>)? \w+ = new [\w.]+(?:<[^>]*>)?\(.*\);$", 4),
        (r"^(?:com|java)\.[\w.]+ \w+ = new ", 4),
        (r"^graphClient\.[a-z]\w*\(\)", 3),
        (r"\bnew (?:LinkedList|HashMap|ArrayList)<", 3),
        (r"^\w+\.set[A-Z]\w*\(.*\);$", 2),
        (r"tabs=java", 2),
    ),
    "php": (
        (r"^<\?php", 6),
        (r"^use [A-Z]\w*(?:\\\w+)+;$", 5),
        (r"^\$\w+ = new ", 3),
        (r"\$\w+->\w+", 3),
        (r"->wait\(\);", 2),
        (r"tabs=php", 2),
    ),
    "python": (
        (r"^from [\w.]+ import ", 5),
        (r"^[a-z_]\w* = [A-Z]\w*\($", 3),
        (r"^await (?=[^\W_]*_)\w*+\.", 3),  # a snake_case name; ``\w*_\w*`` splits a long one every way
        (r"\b[a-z]+_[a-z_]+\(", 2),
        (r"^import [\w.]+$", 2),
        (r"^[a-z_]\w* = .+,$", 1),
        (r"tabs=python", 2),
    ),
    "javascript": (
        (r"^(?:const|let) \w+ = ", 4),
        (r"\bclient\.api\(", 4),
        (r"\bClient\.init\(", 4),
        (r"^authProvider,?$", 3),
        (r"^\.(?:get|post|patch|put|delete|select|filter|header|version)\(", 2),
        (r"tabs=javascript", 2),
    ),
    "powershell": (
        (r"^Import-Module\s", 6),
        (r"^\$\w+ = @\{", 5),
        (r"^(?:Get|Set|New|Remove|Update|Invoke|Add|Stop|Start|Test|Clear|Move|Restore|Confirm)-Mg\w+", 6),
        (r"= @[{(]", 3),
        (r"\s-\w+ \$\w+", 2),
        (r"tabs=powershell", 2),
    ),
    "cli": (
        (r"^mgc ", 6),
        (r"THE CLI IS IN PREVIEW", 6),
    ),
}

_COMPILED_FEATURES: tuple[tuple[str, tuple[tuple[re.Pattern[str], float], ...]], ...] = tuple(
    (language, tuple((re.compile(pattern), weight) for pattern, weight in features))
    for language, features in _FEATURES.items()
)

#: A line this sure of one language is code on its own, without neighbours.
STRONG = 3.0

_SNIPPET_OPENER = re.compile(r"^(?:<\?php|Import-Module\s)")
_COMMENT = re.compile(r"^(?://|#|/\*)")
_BANNER = re.compile(r"^(?://|#)\s*(?:Code snippets are only available|THE CLI IS IN PREVIEW)", re.IGNORECASE)
_CODE_PUNCTUATION = re.compile(r"[;{}()\[\]=<>$@\"'\\&|]")


def score_line(text: str) -> dict[str, float]:
    """Evidence, per language, that ``text`` (one stripped line) is its code.

    Only languages with some evidence appear in the result.
    """
    scores: dict[str, float] = {}
    for language, features in _COMPILED_FEATURES:
        total = sum(weight for pattern, weight in features if pattern.search(text))
        if total:
            scores[language] = total
    return scores


def best_language(scores: dict[str, float]) -> tuple[str | None, float]:
    """The language with the most evidence (first in feature order on ties)."""
    best: str | None = None
    best_score = 0.0
    for language, score in scores.items():
        if score > best_score:
            best, best_score = language, score
    return best, best_score


def identify_language(lines: Iterable[str]) -> str:
    """Name the language of a snippet by adding up the evidence of its lines.

    Returns ``text`` when no line says anything about a language.
    """
    totals: dict[str, float] = {}
    for line in lines:
        for language, score in score_line(line.strip()).items():
            totals[language] = totals.get(language, 0.0) + score
    best, _ = best_language({language: totals[language] for language in _FEATURES if language in totals})
    return best or "text"


def code_kind(text: str, scores: dict[str, float]) -> str | None:
    """``banner``, ``comment`` or ``code`` for a line that is one on its own.

    A banner (``// Code snippets are only available ...``) stands between
    snippets; a comment may open one; a line with :data:`STRONG` evidence for
    a language is code. ``scores`` are the line's :func:`score_line`.
    """
    if _BANNER.match(text):
        return "banner"
    if _COMMENT.match(text):
        return "comment"
    if best_language(scores)[1] >= STRONG:
        return "code"
    return None


def code_shaped(text: str, scores: dict[str, float]) -> bool:
    """Some evidence for a language, or the punctuation code is made of.

    Not enough to call a line code alone, but enough to continue a run.
    """
    return bool(scores) or _CODE_PUNCTUATION.search(text) is not None


def opens_snippet(text: str) -> bool:
    """A line that opens a snippet of a new language whatever came before it."""
    return _SNIPPET_OPENER.match(text) is not None
