"""Resolving request paths against the fixture CSDL's operations index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.schemas.csdl import load_csdl
from lint.schemas.operations import Operation, OperationsIndex, build_index, write_index

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "csdl" / "example.csdl"
M = "example.api.meeting"
P = "example.api.person"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> OperationsIndex:
    """Round-trip through the JSON file, as the lint path loads it."""
    path = tmp_path_factory.mktemp("ops") / "operations.json"
    write_index(build_index(load_csdl(FIXTURE)), path)
    return OperationsIndex.load(path)


def op(
    method: str,
    template: str,
    kind: str,
    target: str,
    collection: bool,
    body: str | None = None,
    response: str | None = None,
    entity_set: str | None = None,
    name: str | None = None,
) -> Operation:
    return Operation(method, template, kind, target, collection, body, response, entity_set, name)


CANCEL_M = "action:example.api.cancel(example.api.meeting)"
ONLINE_MEETINGS = op(
    "GET",
    "/meetings/example.api.onlineMeeting",
    "entity-set",
    "example.api.onlineMeeting",
    True,
    None,
    "Collection(example.api.onlineMeeting)",
    "meetings",
)


def summary(parameters: str) -> Operation:
    """The summary function on a meeting, called with ``parameters`` in its template."""
    template = f"/meetings/{{meeting-id}}/summary({parameters})"
    return op("GET", template, "function", M, False, None, "Edm.String", None, "example.api.summary")


SUMMARY = summary("format={format}")
SUMMARY_WITH_LANG = summary("format={format},lang={lang}")

RESOLVED = [
    ("GET", "/people", op("GET", "/people", "entity-set", P, True, None, f"Collection({P})", "people")),
    ("POST", "/people", op("POST", "/people", "entity-set", P, True, P, P, "people")),
    ("GET", "/people/{id}", op("GET", "/people/{person-id}", "entity", P, False, None, P, "people")),
    ("GET", "/people/42", op("GET", "/people/{person-id}", "entity", P, False, None, P, "people")),
    ("GET", "/people('a b')", op("GET", "/people/{person-id}", "entity", P, False, None, P, "people")),
    ("GET", "/people(42)", op("GET", "/people/{person-id}", "entity", P, False, None, P, "people")),
    ("PATCH", "/people/{person-id}", op("PATCH", "/people/{person-id}", "entity", P, False, P, P, "people")),
    ("DELETE", "/people/{id}", op("DELETE", "/people/{person-id}", "entity", P, False, None, None, "people")),
    (
        "GET",
        "/rooms/A1",
        op("GET", "/rooms/{room-id}", "entity", "example.api.room", False, None, "example.api.room", "rooms"),
    ),
    ("get", "/me", op("GET", "/me", "singleton", P, False, None, P, "me")),
    ("PATCH", "/me", op("PATCH", "/me", "singleton", P, False, P, P, "me")),
    (
        "GET",
        "/me/meetings?$top=1&$filter=a/b eq 'c'",
        op("GET", "/me/meetings", "navigation", M, True, None, f"Collection({M})", "meetings"),
    ),
    (
        "GET",
        "/me/meetings/{id}/organizer",
        op("GET", "/me/meetings/{meeting-id}/organizer", "navigation", P, False, None, P, "people"),
    ),
    (
        "GET",
        "/people/{id}/manager/manager",
        op("GET", "/people/{person-id}/manager/manager", "navigation", P, False, None, P, "people"),
    ),
    (
        "GET",
        "/people/{id}/notes/{id}/replies",
        op(
            "GET",
            "/people/{person-id}/notes/{note-id}/replies",
            "navigation",
            "example.api.records.note",
            True,
            None,
            "Collection(example.api.records.note)",
        ),
    ),
    (
        "POST",
        "/meetings/{id}/attendees",
        op(
            "POST",
            "/meetings/{meeting-id}/attendees",
            "navigation",
            "example.api.attendee",
            True,
            "example.api.attendee",
            "example.api.attendee",
        ),
    ),
    (
        "POST",
        "/meetings/{id}/cancel",
        op("POST", "/meetings/{meeting-id}/cancel", "action", M, False, CANCEL_M, None, None, "example.api.cancel"),
    ),
    (
        "POST",
        "/meetings/m-1/example.api.cancel",
        op("POST", "/meetings/{meeting-id}/cancel", "action", M, False, CANCEL_M, None, None, "example.api.cancel"),
    ),
    (
        "POST",
        "/meetings/{meeting-id}/ex.cancel",
        op("POST", "/meetings/{meeting-id}/cancel", "action", M, False, CANCEL_M, None, None, "example.api.cancel"),
    ),
    (
        "POST",
        "/people/{id}/cancel",
        op(
            "POST",
            "/people/{person-id}/cancel",
            "action",
            P,
            False,
            "action:example.api.cancel(example.api.person)",
            None,
            None,
            "example.api.cancel",
        ),
    ),
    (
        "POST",
        "/meetings/{id}/attendees/invite",
        op(
            "POST",
            "/meetings/{meeting-id}/attendees/invite",
            "action",
            "example.api.attendee",
            True,
            "action:example.api.invite(Collection(example.api.attendee))",
            M,
            None,
            "example.api.invite",
        ),
    ),
    (
        "POST",
        "/rooms/{id}/ping",
        None,
    ),
    (
        "POST",
        "/meetings/{id}/ping",
        op(
            "POST",
            "/meetings/{meeting-id}/ping",
            "action",
            M,
            False,
            "action:example.api.ping(example.api.entity)",
            None,
            None,
            "example.api.ping",
        ),
    ),
    (
        "POST",
        "/people/{id}/notes/{id}/example.api.records.archive",
        op(
            "POST",
            "/people/{person-id}/notes/{note-id}/example.api.records.archive",
            "action",
            "example.api.records.note",
            False,
            "action:example.api.records.archive(example.api.records.note)",
            None,
            None,
            "example.api.records.archive",
        ),
    ),
    (
        "GET",
        "/meetings/upcoming",
        op("GET", "/meetings/upcoming()", "function", M, True, None, f"Collection({M})", None, "example.api.upcoming"),
    ),
    (
        "GET",
        "/meetings/upcoming()/$count",
        op("GET", "/meetings/upcoming()/$count", "count", M, True, None, "Edm.Int32"),
    ),
    ("GET", "/meetings/{id}/summary(format='text')", SUMMARY),
    ("GET", "/meetings/{id}/summary(format='a,b',lang='en')", SUMMARY_WITH_LANG),
    ("GET", "/meetings/example.api.onlineMeeting", ONLINE_MEETINGS),
    (
        "GET",
        "/meetings/{id}/example.api.onlineMeeting/joinUrl",
        op(
            "GET",
            "/meetings/{meeting-id}/example.api.onlineMeeting/joinUrl",
            "property",
            "Edm.String",
            False,
            None,
            "Edm.String",
        ),
    ),
    ("GET", "/meetings/{id}/example.api.person", None),
    (
        "PATCH",
        "/meetings/{id}/location",
        op(
            "PATCH",
            "/meetings/{meeting-id}/location",
            "property",
            "example.api.address",
            False,
            "example.api.address",
            "example.api.address",
        ),
    ),
    (
        "GET",
        "/meetings/{id}/location/street",
        op("GET", "/meetings/{meeting-id}/location/street", "property", "Edm.String", False, None, "Edm.String"),
    ),
    (
        "GET",
        "/me/photo/$value",
        op("GET", "/me/photo/$value", "value", "Edm.Stream", False, None, "Edm.Stream"),
    ),
    ("GET", "/meetings/$count", op("GET", "/meetings/$count", "count", M, True, None, "Edm.Int32", "meetings")),
    ("GET", "/meetings/%24count", op("GET", "/meetings/$count", "count", M, True, None, "Edm.Int32", "meetings")),
    (
        "POST",
        "/people/{id}/meetings/$ref",
        op("POST", "/people/{person-id}/meetings/$ref", "ref", M, True, None, None, "meetings"),
    ),
    (
        "GET",
        "/rooms/{id}:/floor/2:",
        op(
            "GET",
            "/rooms/{room-id}:/{item-path}:",
            "entity",
            "example.api.room",
            False,
            None,
            "example.api.room",
            "rooms",
        ),
    ),
    ("GET", "/app/calls/{id}", op("GET", "/app/calls/{meeting-id}", "entity", M, False, None, M)),
    (
        "POST",
        "/app/calls/{id}/cancel",
        op("POST", "/app/calls/{meeting-id}/cancel", "action", M, False, CANCEL_M, None, None, "example.api.cancel"),
    ),
    ("POST", "/applications/{id}/calls/{id}/cancel", None),
    ("GET", "/meetings/{id}/cancel", None),
    ("POST", "/meetings/{id}/summary(format='x')", None),
    # An argument no overload takes addresses nothing; names match ignoring case.
    ("GET", "/meetings/{id}/summary(fmt='x')", None),
    ("GET", "/meetings/{id}/summary(format='x',language='en')", None),
    ("GET", "/meetings/{id}/summary(FORMAT='text')", SUMMARY),
    ("GET", "/meetings/{id}/summary(Format='a,b',LANG='en')", SUMMARY_WITH_LANG),
    ("GET", "/meetings/{id}/summary('text')", SUMMARY),
    ("DELETE", "/me", None),
    ("PATCH", "/people", None),
    ("GET", "/meetings/{id}/cancel/more", None),
    ("GET", "/nowhere", None),
    ("GET", "/", None),
    ("GET", "", None),
    ("GET", "/me/manager/{id}", None),
    ("GET", "/me/manager/{managerId}", None),
    ("GET", "/me/manager/{id | userPrincipalName}", None),
    ("GET", "/me/nothing", None),
    ("GET", "/me/$count", None),
    ("GET", "/me/home/{property name}/more", None),
    # A type cast matches without regard to case, as the service reads it.
    ("GET", "/meetings/EXAMPLE.API.ONLINEMEETING", ONLINE_MEETINGS),
    # A placeholder standing for any member of a structured value.
    (
        "GET",
        "/me/home/{property name}",
        op("GET", "/me/home/{property name}", "property", "Edm.Untyped", False, None, "Edm.Untyped"),
    ),
    (
        "PATCH",
        "/meetings/{id}/location/{member}",
        op("PATCH", "/meetings/{meeting-id}/location/{member}", "property", "Edm.Untyped", False),
    ),
    (
        "PUT",
        "/me/manager/{step}/$ref",
        op("PUT", "/me/manager/{step}/$ref", "ref", "Edm.Untyped", False),
    ),
]


@pytest.mark.parametrize(("method", "path", "expected"), RESOLVED)
def test_resolve(index: OperationsIndex, method: str, path: str, expected: Operation | None) -> None:
    assert index.resolve(method, path) == expected


@pytest.mark.parametrize(
    ("path", "methods"),
    [
        ("/meetings", {"GET", "POST"}),
        ("/meetings/{id}", {"GET", "PATCH", "PUT", "DELETE"}),
        ("/me", {"GET", "PATCH", "PUT"}),
        ("/meetings/{id}/cancel", {"POST"}),
        ("/meetings/upcoming()", {"GET"}),
        ("/nowhere", set()),
    ],
)
def test_methods(index: OperationsIndex, path: str, methods: set[str]) -> None:
    assert index.methods(path) == methods


def test_index_is_compact_json(tmp_path: Path) -> None:
    path = tmp_path / "operations.json"
    write_index(build_index(load_csdl(FIXTURE)), path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert "\n" not in text and ", " not in text
    assert data["aliases"] == {"ex": "example.api", "self": "example.api.records"}
    assert data["types"][P]["n"]["notes"] == ["Collection(example.api.records.note)", 1]
    assert data["sets"]["people"] == [P, {"meetings": "meetings", "manager": "people"}]


def test_unsupported_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        OperationsIndex({"format": 0})


def test_loaded_entries_are_decoded_when_asked_for(tmp_path: Path) -> None:
    """Types, derived types and operations stay undecoded JSON until a request asks about them."""
    path = tmp_path / "operations.json"
    write_index(build_index(load_csdl(FIXTURE)), path)
    written = json.loads(path.read_text(encoding="utf-8"))
    loaded = OperationsIndex.load(path)
    undecoded = {"types": loaded.types, "derived": loaded.derived, "operations": loaded.operations}
    assert {name: entries._decoded for name, entries in undecoded.items()} == {  # type: ignore[attr-defined]
        "types": {},
        "derived": {},
        "operations": {},
    }
    # Asked for, each entry is what the file holds, and it answers as the whole index did.
    assert {name: dict(entries) for name, entries in undecoded.items()} == {name: written[name] for name in undecoded}
    assert loaded.resolve("POST", "/meetings/{id}/cancel") == OperationsIndex(written).resolve(
        "POST", "/meetings/{id}/cancel"
    )
