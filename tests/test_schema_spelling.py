"""The "did you mean" search shared by unknown-type, undeclared-member and the closed types' hints."""

from __future__ import annotations

import pytest

from lint.schemas.spelling import edit_distance, near_name


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
