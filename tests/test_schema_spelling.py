"""The "did you mean" search shared by unknown-type, undeclared-member and the closed types' hints."""

from __future__ import annotations

import random

import pytest

from lint.schemas import spelling
from lint.schemas.spelling import allowed_distance, edit_distance, near_name


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("clientContxt", "clientContext", 1), ("changeTyp", "changeType", 1), ("recieve", "receive", 1), ("ab", "ba", 1)],
)
def test_edit_distance_counts_a_swap_as_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 3) == distance


@pytest.mark.parametrize(
    ("name", "candidates", "meant"),
    [
        ("clientContxt", ["clientContext", "callbackUri"], "clientContext"),
        ("replaceCallId", ["replacesCallId", "callbackUri"], "replacesCallId"),
        ("changeTyp", ["changeType", "resource"], "changeType"),
        ("ID", ["id", "ip"], "id"),  # case alone, however short
        ("ip", ["id"], None),  # three letters or fewer: case only
        ("colour", ["color"], "color"),  # seven letters or fewer: one edit
        ("colr", ["color", "cols"], None),  # equally near two names: neither
        ("subjectLine", ["subject"], None),  # four edits: another word
        ("displayNme", ["displayName", "description"], "displayName"),
    ],
)
def test_near_name(name: str, candidates: list[str], meant: str | None) -> None:
    assert near_name(name, candidates) == meant


# The search before it was banded, pruned and memoized (issue 13): the reference
# the fast one must agree with, answer for answer.
def _reference_distance(a: str, b: str, limit: int) -> int:
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


def _reference_near_name(name: str, candidates: list[str], limit: int | None = None) -> str | None:
    pool = [candidate for candidate in candidates if candidate != name]
    folded = name.casefold()
    same_case = [candidate for candidate in pool if candidate.casefold() == folded]
    if same_case:
        return same_case[0] if len(same_case) == 1 else None
    allowed = allowed_distance(name) if limit is None else limit
    if allowed == 0:
        return None
    scored = [(_reference_distance(folded, candidate.casefold(), allowed), candidate) for candidate in pool]
    close = sorted((distance, candidate) for distance, candidate in scored if distance <= allowed)
    if not close or (len(close) > 1 and close[0][0] == close[1][0]):
        return None
    return close[0][1]


_WORDS: tuple[str, ...] = ("call", "record", "user", "group", "message", "event", "team", "channel", "chat")
_WORDS += ("drive", "item", "list", "site", "mail", "folder", "id", "type", "name")


def _names(generator: random.Random, count: int) -> list[str]:
    names = []
    for _ in range(count):
        words = [generator.choice(_WORDS) for _ in range(generator.randint(1, 4))]
        names.append(words[0] + "".join(word.title() for word in words[1:]))
    return names


def _misspelt(generator: random.Random, name: str) -> str:
    for _ in range(generator.randint(0, 3)):
        if not name:
            break
        at = generator.randrange(len(name))
        edit = generator.choice(("drop", "double", "swap", "change", "case"))
        if edit == "drop":
            name = name[:at] + name[at + 1 :]
        elif edit == "double":
            name = name[:at] + name[at] + name[at:]
        elif edit == "swap" and at + 1 < len(name):
            name = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
        elif edit == "change":
            name = name[:at] + generator.choice("aeiostxß") + name[at + 1 :]
        else:
            name = name[:at] + name[at].swapcase() + name[at + 1 :]
    return name


def test_the_fast_search_answers_as_the_full_table_did() -> None:
    generator = random.Random(13)
    names = _names(generator, 300)
    plain = [*names, "Straße", "strasse", "ip", "id", "ID"]
    qualified = [f"microsoft.graph.{name}" for name in names]  # type names share their namespace
    found = 0
    for candidates in (plain, qualified):
        for _ in range(50):
            name = _misspelt(generator, generator.choice(candidates))
            for limit in (None, 1, 2, 3):
                expected = _reference_near_name(name, candidates, limit)
                assert near_name(name, candidates, limit) == expected, (name, limit)
                found += expected is not None
    assert found > 120  # the cases do exercise the suggestions, not only the misses


def test_the_banded_distance_equals_the_full_one_within_the_limit() -> None:
    generator = random.Random(7)
    names = _names(generator, 200)
    for _ in range(1500):
        a = _misspelt(generator, generator.choice(names))
        b = _misspelt(generator, generator.choice(names)) if generator.random() < 0.3 else _misspelt(generator, a)
        for limit in (0, 1, 2, 3):
            expected = _reference_distance(a, b, limit)
            assert min(edit_distance(a, b, limit), limit + 1) == min(expected, limit + 1), (a, b, limit)


def test_a_repeated_search_is_answered_from_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    candidates = ["clientContext", "callbackUri", "clientContexts"]
    assert near_name("clientContxt", candidates) == "clientContext"
    monkeypatch.setattr(spelling, "_nearest", lambda *args: pytest.fail("searched again"))
    assert near_name("clientContxt", candidates) == "clientContext"
    assert near_name("clientContxt", iter(candidates)) == "clientContext"  # any iterable of the same names
    # Another candidate list is another question.
    with pytest.raises(pytest.fail.Exception):
        near_name("clientContxt", ["clientContext"])


def test_a_repeated_nearest_name_is_still_a_tie() -> None:
    assert near_name("clientContxt", ["clientContext", "clientContext"]) is None
