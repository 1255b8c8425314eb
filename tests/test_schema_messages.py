"""Schema errors in words first: the member, what is wrong with it, then a short schema path."""

from __future__ import annotations

import pytest

from lint.schemas.messages import generic, not_in_enum, sentence, short_schema_path, wrong_kind


def test_the_issue_s_example() -> None:
    assert sentence("/replacesCallId", wrong_kind("string", 3, "Edm.String")) == (
        "`replacesCallId` must be a string, not a number"
    )


@pytest.mark.parametrize(
    ("kinds", "value", "edm", "expected"),
    [
        (["integer", "null"], "3", "Edm.Int32", "must be an integer or null (Edm.Int32), not a string"),
        ("boolean", "yes", "Edm.Boolean", "must be true or false, not a string"),
        ("array", {"a": 1}, None, "must be an array, not an object"),
        ("object", [1], None, "must be an object, not an array"),
        ("string", True, None, "must be a string, not the boolean true"),
        ("string", None, "Edm.Guid", "must be a string (Edm.Guid), not null"),
    ],
)
def test_wrong_kind(kinds: object, value: object, edm: str | None, expected: str) -> None:
    assert wrong_kind(kinds, value, edm) == expected


@pytest.mark.parametrize(
    ("keyword", "limit", "value", "expected"),
    [
        ("minItems", 1, [], "must list at least 1 item, not 0"),
        ("maxItems", 2, [1, 2, 3], "must list at most 2 items, not 3"),
        ("minLength", 3, "ab", "must be at least 3 characters long, not 2"),
        ("required", ["id", "name"], {"id": "1"}, "lacks the required member `name`"),
        ("format", "uri", "not a uri", 'is "not a uri", not a valid uri'),
        ("const", "v1", "v2", 'must be "v1", not "v2"'),
        ("uniqueItems", True, [1, 1], "is invalid: [1, 1] has non-unique elements"),
    ],
)
def test_other_keywords(keyword: str, limit: object, value: object, expected: str) -> None:
    assert generic(keyword, limit, value, "[1, 1] has non-unique elements") == expected


def test_long_enums_are_cut() -> None:
    members = [f"m{index}" for index in range(12)]
    assert not_in_enum(members, "x", "ns.big") == (
        'is "x", not one of the values of ns.big: `m0`, `m1`, `m2`, `m3`, `m4`, `m5`, `m6`, `m7` (and 4 more)'
    )


@pytest.mark.parametrize(
    ("path", "short"),
    [
        ("else/properties/values/else/properties/guid/pattern", "values/guid/pattern"),
        ("then/allOf/3/then/properties/a/type", "a/type"),
        ("properties/people/items/properties/postalCode/type", "people/items/postalCode/type"),
        ("", "(root)"),
    ],
)
def test_short_schema_path(path: str, short: str) -> None:
    assert short_schema_path(path) == short


def test_the_body_itself() -> None:
    assert sentence("", "must be an object, not an array") == "the body must be an object, not an array"
