"""How an example of a translation is compared with the English example of the same name."""

from __future__ import annotations

from typing import Any

import pytest

from lint.parse.markdown import parse
from lint.rules.drift import json_differences, named_examples


def differences(value: Any, english: Any) -> list[tuple[str, str, str]]:
    return list(json_differences(value, english))


def test_same_structure_with_localised_strings_is_no_difference() -> None:
    assert differences({"subject": "Déjeuner", "n": 2}, {"subject": "Lunch", "n": 2}) == []


@pytest.mark.parametrize(
    ("value", "english", "expected"),
    [
        ({"a": 1}, {"a": 1, "b": 2}, [("missing", "/b", "lacks `/b`, which the English example has")]),
        ({"a": 1, "c/d": 2}, {"a": 1}, [("extra", "/c~1d", "has `/c~1d`, which the English example has not")]),
        ({"a": [1]}, {"a": [1, 2]}, [("length", "/a", "`/a` has 1 item, the English example 2")]),
        ({"a": True}, {"a": 1}, [("kind", "/a", "`/a` is a boolean here, a number in the English example")]),
        ({"a": "1"}, {"a": 1}, [("kind", "/a", "`/a` is a string here, a number in the English example")]),
        ({"a": None}, {"a": {}}, [("kind", "/a", "`/a` is null here, an object in the English example")]),
        ({"a": False}, {"a": True}, [("value", "/a", "`/a` is `False` here, `True` in the English example")]),
        ([{"x": 1}], [{"x": 2}], [("value", "/0/x", "`/0/x` is `1` here, `2` in the English example")]),
        ([], {}, [("kind", "", "the body is an array here, an object in the English example")]),
    ],
)
def test_each_kind_of_difference(value: Any, english: Any, expected: list[tuple[str, str, str]]) -> None:
    assert differences(value, english) == expected


PAGE = """# thing

## Examples
<!-- { "blockType": "request", "name": "first" } -->
```http
GET https://graph.microsoft.com/v1.0/things/1
```
<!-- { "blockType": "response" } -->
```http
HTTP/1.1 200 OK
```
<!-- { "blockType": "request" } -->
```http
GET https://graph.microsoft.com/v1.0/things/2
```
<!-- { "blockType": "response" } -->
```http
HTTP/1.1 404 Not Found
```
<!-- { "blockType": "response", "name": "named-response" } -->
```http
HTTP/1.1 204 No Content
```
"""


def test_examples_are_named_by_annotation_and_a_response_by_its_request() -> None:
    found = named_examples(parse(PAGE, "page.md"))
    assert {key: message.span.line for key, message in found.items()} == {
        ("request", "first"): 6,
        ("response", "first"): 10,
        ("response", "named-response"): 22,
    }
