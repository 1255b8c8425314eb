"""How near a misspelt name is to the one meant: the shared "did you mean" search.

Used for undeclared members of open types (``undeclared-member``), closed
types' errors (``schema-invalid``, ``unknown-parameter``) and unknown
``@odata.type`` names (``unknown-type``). A writer's typo is one letter
dropped, doubled or swapped, or a difference of case.

The distance limits were chosen on the English v1.0 corpus and the
translations (``benchmarks/validate_corpus.py``): names of three letters or
fewer match only by case (``id``/``ip``); up to seven letters, one edit; longer
names, two. A tie between two candidates suggests neither.
"""

from __future__ import annotations

from collections.abc import Iterable


def allowed_distance(name: str) -> int:
    """How many edits a misspelling of a name this long may carry and still be recognised."""
    if len(name) <= 3:
        return 0
    return 1 if len(name) <= 7 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit); ``limit + 1`` once above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def near_name(name: str, candidates: Iterable[str], limit: int | None = None) -> str | None:
    """The one candidate ``name`` equals but for case, else the one nearest within the allowed distance."""
    pool = [candidate for candidate in candidates if candidate != name]
    folded = name.casefold()
    same_case = [candidate for candidate in pool if candidate.casefold() == folded]
    if same_case:
        return same_case[0] if len(same_case) == 1 else None
    allowed = allowed_distance(name) if limit is None else limit
    if allowed == 0:
        return None
    scored = [(edit_distance(folded, candidate.casefold(), allowed), candidate) for candidate in pool]
    close = sorted((distance, candidate) for distance, candidate in scored if distance <= allowed)
    if not close or (len(close) > 1 and close[0][0] == close[1][0]):
        return None
    return close[0][1]
