"""JSON Schemas built from the fixture CSDL: one valid and one invalid value per feature.

Each invalid case lists the exact errors expected, as (JSON pointer, keyword).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint.schemas.build import build
from lint.schemas.csdl import load_csdl
from lint.schemas.jsonschema import to_json_schema
from lint.schemas.placeholders import is_truncated_base64, lists_alternatives
from lint.schemas.validate import SchemaStore

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "csdl" / "example.csdl"
MEETING = "example.api.meeting"
CANCEL = "action:example.api.cancel(example.api.meeting)"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SchemaStore:
    out = tmp_path_factory.mktemp("example-schemas")
    build(FIXTURE, out, None)
    return SchemaStore(out)


def errors_of(store: SchemaStore, ref: str, value: Any) -> list[tuple[str, str]]:
    return [(e.pointer, e.keyword) for e in store.validate(ref, value)]


VALID = [
    pytest.param(MEETING, {"subject": "Sync", "id": "1"}, id="own-and-inherited-properties"),
    pytest.param(
        MEETING,
        {
            "@odata.type": "#example.api.meeting",
            "@odata.id": "meetings/1",
            "@odata.etag": 'W/"1"',
            "organizer@odata.bind": "people/1",
            "@example.custom": 1,
            "subject@odata.type": "#String",
        },
        id="odata-annotations",
    ),
    pytest.param(MEETING, {"@odata.type": "#example.api.onlineMeeting", "joinUrl": "u"}, id="derived-with-hash"),
    pytest.param(MEETING, {"@odata.type": "example.api.onlineMeeting", "joinUrl": "u"}, id="derived-without-hash"),
    pytest.param(MEETING, {"shape": {"@odata.type": "#example.api.circle", "radius": 1.5}}, id="abstract-concrete"),
    pytest.param(
        MEETING,
        {"shape": {"@odata.type": "example.api.roundedSquare", "side": 2, "cornerRadius": "NaN", "color": "red"}},
        id="abstract-two-levels-down",
    ),
    pytest.param(MEETING, {"extra": {"label": "a", "anything": [1, {"x": None}]}}, id="open-type"),
    pytest.param(
        MEETING, {"extra": {"@odata.type": "#example.api.taggedBag", "tag": "t", "more": 1}}, id="open-derived"
    ),
    pytest.param(MEETING, {"color": "green"}, id="enum"),
    pytest.param(MEETING, {"color": "NavyBlue"}, id="enum-pascal-case-member"),
    pytest.param(MEETING, {"days": "monday,wednesday"}, id="flags-two"),
    pytest.param(MEETING, {"days": "tuesday"}, id="flags-one"),
    pytest.param(MEETING, {"values": {"tags": ["a", "b"], "colors": ["red", "NavyBlue"]}}, id="collections"),
    pytest.param(
        MEETING, {"subject": None, "location": None, "shape": None, "values": {"tags": None}}, id="nullable-default"
    ),
    pytest.param(
        MEETING,
        {"attendees": [{"id": "1", "email": "a@b.c"}], "organizer": {"displayName": "Ann", "manager": None}},
        id="navigation",
    ),
    pytest.param(CANCEL, {"reason": "busy", "comment": "c", "notifyAt": "2021-07-13T10:00:00Z"}, id="action-body"),
    pytest.param(CANCEL, {}, id="action-body-nothing-required"),
    pytest.param("action:example.api.cancel(example.api.person)", {}, id="action-without-parameters"),
    pytest.param(
        "action:example.api.invite(Collection(example.api.attendee))",
        {"people": [{"postalCode": "1"}]},
        id="collection-bound-action",
    ),
    pytest.param("example.api.records.note", {"place": {"postalCode": "1"}, "replies": []}, id="sub-namespace"),
]


@pytest.mark.parametrize(("ref", "value"), VALID)
def test_valid(store: SchemaStore, ref: str, value: Any) -> None:
    assert store.validate(ref, value) == []


INVALID = [
    pytest.param(MEETING, {"subjekt": "x"}, [("/subjekt", "additionalProperties")], id="additional-property"),
    pytest.param(MEETING, [], [("", "type")], id="not-an-object"),
    pytest.param(MEETING, {"@odata.type": "#example.api.person"}, [("/@odata.type", "enum")], id="unrelated-type"),
    pytest.param(MEETING, {"joinUrl": "u"}, [("/joinUrl", "additionalProperties")], id="derived-member-no-type"),
    pytest.param(
        MEETING, {"@odata.type": "#example.api.onlineMeeting", "joinUrl": 5}, [("/joinUrl", "type")], id="derived-bad"
    ),
    pytest.param(
        MEETING,
        {"shape": {"radius": 1.5}},
        [("/shape", "required"), ("/shape/radius", "additionalProperties")],
        id="abstract-without-odata-type",
    ),
    pytest.param(
        MEETING,
        {"shape": {"@odata.type": "#example.api.circle", "side": 2}},
        [("/shape/side", "additionalProperties")],
        id="abstract-sibling-member",
    ),
    pytest.param(MEETING, {"shape": "round"}, [("/shape", "type")], id="abstract-not-an-object-one-error"),
    pytest.param(MEETING, {"extra": {"label": 5}}, [("/extra/label", "type")], id="open-type-declared-member"),
    pytest.param(MEETING, {"color": "Green"}, [("/color", "enum")], id="enum-case"),
    pytest.param(MEETING, {"color": "navyBlue"}, [("/color", "enum")], id="enum-pascal-case"),
    pytest.param(MEETING, {"days": "monday,friday"}, [("/days", "pattern")], id="flags-unknown-member"),
    pytest.param(MEETING, {"days": "Monday"}, [("/days", "pattern")], id="flags-case"),
    pytest.param(MEETING, {"values": {"tags": "a"}}, [("/values/tags", "type")], id="collection-not-array"),
    pytest.param(MEETING, {"values": {"tags": ["a", 1]}}, [("/values/tags/1", "type")], id="collection-item"),
    pytest.param(MEETING, {"values": {"colors": ["red", "blue"]}}, [("/values/colors/1", "enum")], id="enum-items"),
    pytest.param(MEETING, {"color": None}, [("/color", "enum")], id="not-nullable-enum"),
    pytest.param(
        MEETING, {"location": {"postalCode": None}}, [("/location/postalCode", "type")], id="not-nullable-primitive"
    ),
    pytest.param(MEETING, {"values": {"count": None}}, [("/values/count", "type")], id="not-nullable-int"),
    pytest.param(MEETING, {"values": {"fixedTags": None}}, [("/values/fixedTags", "type")], id="not-nullable-list"),
    pytest.param(MEETING, {"values": {"fixedTags": [None]}}, [("/values/fixedTags/0", "type")], id="not-null-items"),
    pytest.param(
        MEETING, {"attendees": [{"mail": "x"}]}, [("/attendees/0/mail", "additionalProperties")], id="navigation-item"
    ),
    pytest.param(MEETING, {"organizer": []}, [("/organizer", "type")], id="navigation-single"),
    pytest.param(CANCEL, {"reason": "Busy"}, [("/reason", "enum")], id="action-enum-case"),
    pytest.param(CANCEL, {"reson": "busy"}, [("/reson", "additionalProperties")], id="action-unknown-parameter"),
    pytest.param(CANCEL, {"notifyAt": None}, [("/notifyAt", "type")], id="action-not-nullable-parameter"),
    pytest.param(
        "action:example.api.cancel(example.api.person)",
        {"reason": "busy"},
        [("/reason", "additionalProperties")],
        id="action-overload-parameters",
    ),
    pytest.param(
        "action:example.api.invite(Collection(example.api.attendee))",
        {"people": None},
        [("/people", "type")],
        id="collection-parameter-not-nullable",
    ),
]


@pytest.mark.parametrize(("ref", "value", "expected"), INVALID)
def test_invalid(store: SchemaStore, ref: str, value: Any, expected: list[tuple[str, str]]) -> None:
    assert errors_of(store, ref, value) == expected


PRIMITIVES: list[tuple[str, list[Any], list[Any]]] = [
    ("s", ["x", ""], [1, True]),
    ("b", [True, False], ["true", 0]),
    ("byte", [0, 255], [256, -1, "1"]),
    ("sbyte", [-128, 127], [128, -129]),
    ("i16", [-32768, 32767], [32768]),
    ("i32", [2147483647, -2147483648], [2147483648, 1.5, "1"]),
    ("i64", [9007199254740993, -1], [2**63, 1.5, "12"]),
    ("dbl", [1.5, 1, -2e10, "INF", "-INF", "NaN"], ["inf", "1.5", "Infinity", True]),
    ("sgl", [2.5, "INF", "NaN"], ["nan", "+INF"]),
    ("dec", [1.25, 3, "1.25", "-3e5"], ["abc", "1,5", True]),
    ("guid", ["57dab8b1-894c-409a-b240-bd8beae78896", "57DAB8B1-894C-409A-B240-BD8BEAE78896"], ["57dab8b1", 5]),
    (
        "dto",
        ["2021-07-13T10:00:00Z", "2021-07-13T10:00:00.1234567+02:00", "2021-07-13T10:00Z"],
        ["2021-07-13T10:00:00", "2021-07-13", "13/07/2021", "2021-07-13T25:00:00Z"],
    ),
    ("date", ["2021-07-13"], ["2021-13-01", "2021-07-13T00:00:00Z", "20210713"]),
    ("tod", ["10:30:00", "10:30", "23:59:59.999"], ["24:00:00", "10", "10:30:00Z"]),
    ("dur", ["PT1H", "P1D", "PT1M30.5S", "-P1DT2H", "P1Y2M"], ["P", "PT", "1 hour", "PT1H2"]),
    ("bin", ["aGVsbG8=", "aGVsbG8-_w"], ["not base64!", 5]),
    ("stream", ["anything"], [5]),
    ("untyped", [{"a": 1}, [1], 1, "x"], []),
    ("point", [{"type": "Point", "coordinates": [1, 2]}], ["POINT(1 2)"]),
    ("days", ["monday, tuesday"], ["monday,", ""]),
]


@pytest.mark.parametrize(
    ("name", "value"), [pytest.param(n, v, id=f"{n}={v!r}") for n, good, _ in PRIMITIVES for v in good]
)
def test_primitive_valid(store: SchemaStore, name: str, value: Any) -> None:
    assert store.validate(MEETING, {"values": {name: value}}) == []


@pytest.mark.parametrize(
    ("name", "value"), [pytest.param(n, v, id=f"{n}={v!r}") for n, _, bad in PRIMITIVES for v in bad]
)
def test_primitive_invalid(store: SchemaStore, name: str, value: Any) -> None:
    errors = store.validate(MEETING, {"values": {name: value}})
    assert [e.pointer for e in errors] == [f"/values/{name}"]
    assert errors[0].keyword in {"type", "pattern", "minimum", "maximum"}


PLACEHOLDERS_OK = {
    "s": "String (identifier)",
    "b": "Boolean",
    "i32": "Int32",
    "i64": "Int64 (bytes)",
    "dbl": "Double",
    "guid": "Guid",
    "dto": "String (timestamp)",
    "date": "Date",
    "tod": "TimeOfDay",
    "dur": "Duration",
    "bin": "Binary",
    "days": "String",
    "colors": ["String"],
}


def test_placeholders_for_the_expected_type_are_accepted(store: SchemaStore) -> None:
    value = {"values": PLACEHOLDERS_OK, "color": "String", "subject": "String"}
    assert store.validate(MEETING, value) == []
    assert store.validate(MEETING, {"values": {"dto": "datetime-value", "guid": "Edm.Guid"}}) == []
    assert store.validate(MEETING, {"color": "example.api.color"}) == []


def test_placeholders_for_another_type_are_errors(store: SchemaStore) -> None:
    value = {"values": {"i32": "Boolean", "b": "String", "guid": "Int32", "count": "String (count)"}}
    assert errors_of(store, MEETING, value) == [
        ("/values/b", "type"),
        ("/values/count", "type"),
        ("/values/guid", "pattern"),
        ("/values/i32", "type"),
    ]


def test_messages_name_the_member_and_type(store: SchemaStore) -> None:
    (extra,) = store.validate(CANCEL, {"причиной": "x"})
    assert extra.message == "is not a parameter of action example.api.cancel(example.api.meeting)"
    assert extra.pointer == "/причиной"
    assert extra.schema_path == "additionalProperties"
    (member,) = store.validate(MEETING, {"location": {"zip": "1"}})
    assert member.message == "is not a property of example.api.address"
    (guid,) = store.validate(MEETING, {"values": {"guid": "x"}})
    assert guid.message == 'is "x", not a valid Edm.Guid (like 57dab8b1-894c-409a-b240-bd8beae78896)'
    (abstract,) = store.validate(MEETING, {"shape": {}})
    assert abstract.message == "is an abstract example.api.shape: its `@odata.type` must name a derived type"
    (unrelated,) = store.validate(MEETING, {"@odata.type": "#example.api.person"})
    assert (
        unrelated.message
        == 'is "#example.api.person", which names neither example.api.meeting nor a known type derived from it'
    )


def test_pointer_escaping(store: SchemaStore) -> None:
    (error,) = store.validate(MEETING, {"a/b~c": 1})
    assert error.pointer == "/a~1b~0c"


def test_enum_case_suggestions(store: SchemaStore) -> None:
    (error,) = store.validate(CANCEL, {"reason": "Busy"})
    assert error.suggestion == "busy"
    assert error.message.endswith("(did you mean `busy`?)")
    assert error.schema_path == "properties/reason/else/enum"
    (flags,) = store.validate(MEETING, {"days": "Monday,TUESDAY"})
    assert flags.suggestion == "monday,tuesday"
    (unknown,) = store.validate(MEETING, {"color": "blue"})
    assert unknown.suggestion is None


@pytest.mark.parametrize(
    ("ref", "value", "expected"),
    [
        ("example.api.cancelReason", "Busy", "busy"),
        ("cancelReason", "BUSY", "busy"),
        ("example.api.color", "navyblue", "NavyBlue"),
        ("example.api.color", "green", None),
        ("example.api.color", "purple", None),
        ("example.api.color", 3, None),
        ("example.api.weekdays", "Monday,TUESDAY", "monday,tuesday"),
        ("example.api.weekdays", "monday,friday", None),
        ("example.api.address", "x", None),
    ],
)
def test_enum_case_match(store: SchemaStore, ref: str, value: object, expected: str | None) -> None:
    assert store.enum_case_match(ref, value) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("example.api.address", "example.api.address"),
        ("address", "example.api.address"),
        ("ex.address", "example.api.address"),
        ("self.note", "example.api.records.note"),
        ("note", "example.api.records.note"),
        ("invite", "action:example.api.invite(Collection(example.api.attendee))"),
        ("example.api.invite", "action:example.api.invite(Collection(example.api.attendee))"),
        ("archive", "action:example.api.records.archive(example.api.records.note)"),
    ],
)
def test_resolve_ref(store: SchemaStore, name: str, key: str) -> None:
    assert store.resolve_ref(name) == key


@pytest.mark.parametrize("name", ["cancel", "nothing", "example.api.nothing", "summary"])
def test_resolve_ref_rejects_unknown_and_ambiguous(store: SchemaStore, name: str) -> None:
    with pytest.raises(KeyError):
        store.resolve_ref(name)


def test_functions_have_no_body_schema(store: SchemaStore) -> None:
    assert not any(key.startswith("action:example.api.summary") for key in store.defs)
    assert "action:example.api.ping(example.api.entity)" in store


def test_validators_are_compiled_once(store: SchemaStore) -> None:
    assert store.validator("meeting") is store.validator(MEETING)


ALL_FIXTURE_TYPES = {
    "example.api.address",
    "example.api.attendee",
    "example.api.bag",
    "example.api.cancelReason",
    "example.api.circle",
    "example.api.color",
    "example.api.meeting",
    "example.api.onlineMeeting",
    "example.api.person",
    "example.api.primitives",
    "example.api.records.note",
    "example.api.roundedSquare",
    "example.api.shape",
    "example.api.square",
    "example.api.taggedBag",
    "example.api.weekdays",
}


@pytest.mark.parametrize(
    ("roots", "expected"),
    [
        (["address"], {"example.api.address"}),
        (["example.api.shape"], {f"example.api.{n}" for n in ("shape", "circle", "square", "roundedSquare", "color")}),
        (
            ["meeting"],
            ALL_FIXTURE_TYPES - {"example.api.cancelReason"},
        ),
        (
            ["cancel"],
            {
                "example.api.cancelReason",
                "action:example.api.cancel(example.api.meeting)",
                "action:example.api.cancel(example.api.person)",
            },
        ),
        (
            ["ex.invite", "weekdays"],
            ALL_FIXTURE_TYPES - {"example.api.cancelReason"}
            | {"action:example.api.invite(Collection(example.api.attendee))"},
        ),
    ],
)
def test_roots_closure(roots: list[str], expected: set[str]) -> None:
    schema = to_json_schema(load_csdl(FIXTURE), roots)
    assert set(schema["$defs"]) == expected


@pytest.mark.parametrize("root", ["nothing", "example.api.nothing", "summary"])
def test_unknown_root(root: str) -> None:
    with pytest.raises(ValueError, match="unknown"):
        to_json_schema(load_csdl(FIXTURE), [root])


def test_build_with_roots_writes_both_files(tmp_path: Path) -> None:
    written = build(FIXTURE, tmp_path / "out", ["example.api.address"])
    assert written == [tmp_path / "out" / "schema.json", tmp_path / "out" / "operations.json"]
    schema = json.loads(written[0].read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["$defs"]) == ["example.api.address"]
    operations = json.loads(written[1].read_text(encoding="utf-8"))
    assert set(operations["sets"]) == {"people", "meetings", "rooms", "applications"}
    assert "\n" not in written[1].read_text(encoding="utf-8")


def test_store_loads_without_lxml(store: SchemaStore) -> None:
    code = (
        "import sys\n"
        "from lint.schemas.validate import SchemaStore\n"
        f"store = SchemaStore({str(store.directory)!r})\n"
        "assert store.validate('meeting', {'color': 'Green'})\n"
        "assert store.resolve('POST', '/meetings/{id}/cancel') is not None\n"
        "assert 'lxml' not in sys.modules, 'lxml was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_full_conversion_has_a_parameter_schema_per_function() -> None:
    defs = to_json_schema(load_csdl(FIXTURE))["$defs"]
    functions = sorted(key for key in defs if key.startswith("function:"))
    assert functions and all(key.endswith(")") for key in functions)
    assert len(functions) == len({key for key in functions})
    for key in functions:
        assert defs[key]["type"] == "object" and defs[key]["additionalProperties"] is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("busy | none", True),
        ("busy|none|forbidden", True),
        ("busy", False),  # one member is a value, not a list of choices
        ("busy | ", False),
        ("busy | Busy", False),
        (["busy", "none"], False),
    ],
)
def test_enum_alternatives(value: object, expected: bool) -> None:
    assert lists_alternatives(value, ["none", "busy", "forbidden"]) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("MIIDYDCCAki...", True), ("iVBORw0KGgo…", True), ("MIIDYDCCAki", False), ("not base64...", False), (7, False)],
)
def test_truncated_base64(value: object, expected: bool) -> None:
    assert is_truncated_base64(value) is expected
