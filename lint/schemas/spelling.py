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
    """Optimal string alignment distance (a swap of neighbours is one edit); ``limit + 1`` once above ``limit``.

    Banded (Ukkonen): a cell more than ``limit`` off the diagonal costs more
    than ``limit`` edits whatever the letters, so only the ``2 * limit + 1``
    cells around it are computed, and the scan stops once a whole row is over
    the limit. A type name checked against the API's 3,000 types cost a fifth
    of a corpus run with the full table.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    width = len(b)
    previous2: list[int] = []
    previous = [j if j <= limit else over for j in range(width + 1)]
    for i in range(1, len(a) + 1):
        current = [over] * (width + 1)
        if i <= limit:
            current[0] = i
        row_best = current[0]
        letter = a[i - 1]
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            best = previous[j - 1] if letter == b[j - 1] else previous[j - 1] + 1
            if previous[j] + 1 < best:
                best = previous[j] + 1
            if current[j - 1] + 1 < best:
                best = current[j - 1] + 1
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == b[j - 1] and previous2[j - 2] + 1 < best:
                best = previous2[j - 2] + 1
            if best > over:
                best = over
            current[j] = best
            if best < row_best:
                row_best = best
        if row_best > limit:
            return over
        previous2, previous = previous, current
    return previous[width]


def _common_prefix(a: str, b: str) -> str:
    """The longest prefix of both; of the smallest and largest of many strings, the prefix all share."""
    for index, (left, right) in enumerate(zip(a, b, strict=False)):
        if left != right:
            return a[:index]
    return a if len(a) <= len(b) else b


class _Candidates:
    """One candidate list made ready for many searches: by case-folded name, and by folded length.

    Keeps the list's order and its repeats, which decide the answers (the
    first of several same-case matches; a repeated nearest name is a tie).
    """

    __slots__ = ("by_folded", "by_length", "shared")

    def __init__(self, candidates: tuple[str, ...]) -> None:
        self.by_folded: dict[str, list[str]] = {}
        self.by_length: dict[int, list[tuple[str, str]]] = {}
        for candidate in candidates:
            folded = candidate.casefold()
            self.by_folded.setdefault(folded, []).append(candidate)
            self.by_length.setdefault(len(folded), []).append((folded, candidate))
        #: The folded prefix every candidate starts with (``microsoft.graph.`` for type names): a
        #: prefix two names share costs no edit, so it is skipped rather than compared each time.
        self.shared = _common_prefix(min(self.by_folded, default=""), max(self.by_folded, default=""))


#: Prepared candidate lists and answers, per process. The same few lists (the
#: API's type names, a type's members) are searched for the same misspellings
#: on page after page, in every locale.
_PREPARED: dict[tuple[str, ...], _Candidates] = {}
_ANSWERS: dict[tuple[tuple[str, ...], str, int | None], str | None] = {}
_MEMO_LIMIT = 1 << 16


def near_name(name: str, candidates: Iterable[str], limit: int | None = None) -> str | None:
    """The one candidate ``name`` equals but for case, else the one nearest within the allowed distance."""
    pool = tuple(candidates)
    key = (pool, name, limit)
    try:
        return _ANSWERS[key]
    except KeyError:
        pass
    prepared = _PREPARED.get(pool)
    if prepared is None:
        if len(_PREPARED) >= 256:
            _PREPARED.clear()
        prepared = _PREPARED[pool] = _Candidates(pool)
    answer = _nearest(name, prepared, limit)
    if len(_ANSWERS) >= _MEMO_LIMIT:
        _ANSWERS.clear()
    _ANSWERS[key] = answer
    return answer


def _nearest(name: str, prepared: _Candidates, limit: int | None) -> str | None:
    folded = name.casefold()
    same_case = [candidate for candidate in prepared.by_folded.get(folded, ()) if candidate != name]
    if same_case:
        return same_case[0] if len(same_case) == 1 else None
    allowed = allowed_distance(name) if limit is None else limit
    if allowed == 0:
        return None
    skip = len(_common_prefix(folded, prepared.shared))
    tail = folded[skip:]
    close = []
    # Only names within ``allowed`` letters of its length can be within ``allowed`` edits of it.
    for length in range(len(folded) - allowed, len(folded) + allowed + 1):
        for other, candidate in prepared.by_length.get(length, ()):
            if candidate == name:
                continue
            distance = edit_distance(tail, other[skip:], allowed)
            if distance <= allowed:
                close.append((distance, candidate))
    close.sort()
    if not close or (len(close) > 1 and close[0][0] == close[1][0]):
        return None
    return close[0][1]
