"""Reading CSDL into the model: names are qualified and alias-free, inheritance is queryable."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.schemas.csdl import Model, TypeRef, load_csdl

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "csdl" / "example.csdl"


@pytest.fixture(scope="module")
def model() -> Model:
    return load_csdl(FIXTURE)


def test_namespaces_and_aliases(model: Model) -> None:
    assert model.namespaces == {"example.api": "ex", "example.api.records": "self"}


def test_alias_and_collection_references_are_resolved(model: Model) -> None:
    meeting = model.types["example.api.meeting"]
    assert meeting.base == "example.api.entity"
    location = next(p for p in meeting.properties if p.name == "location")
    assert location.type == TypeRef("example.api.address")
    attendees = next(n for n in meeting.navigation if n.name == "attendees")
    assert attendees.type == TypeRef("example.api.attendee", collection=True)
    assert attendees.contains_target is True
    replies = model.types["example.api.records.note"].navigation[0]
    assert str(replies.type) == "Collection(example.api.records.note)"


def test_type_flags_and_nullability(model: Model) -> None:
    assert model.types["example.api.shape"].abstract is True
    assert model.types["example.api.bag"].open is True
    assert model.is_open("example.api.taggedBag") is True
    assert model.is_open("example.api.address") is False
    address = {p.name: p.nullable for p in model.types["example.api.address"].properties}
    assert address == {"street": True, "postalCode": False}


def test_enums(model: Model) -> None:
    assert model.enums["example.api.color"].members == ("red", "green", "NavyBlue")
    assert model.enums["example.api.color"].is_flags is False
    assert model.enums["example.api.weekdays"].is_flags is True


def test_inheritance_helpers(model: Model) -> None:
    assert [p.name for p in model.all_properties("example.api.onlineMeeting")][:2] == ["id", "subject"]
    assert "joinUrl" in {p.name for p in model.all_properties("example.api.onlineMeeting")}
    assert model.key_of("example.api.person") == ("id",)
    assert model.key_of("example.api.room") == ("roomCode",)
    assert model.derived("example.api.shape") == [
        "example.api.circle",
        "example.api.roundedSquare",
        "example.api.square",
    ]
    assert model.derived("example.api.address") == []


def test_actions_and_functions(model: Model) -> None:
    by_binding = {(op.name, str(op.binding)): op for op in model.operations}
    cancel = by_binding[("example.api.cancel", "example.api.meeting")]
    assert cancel.kind == "action" and cancel.is_bound
    assert [p.name for p in cancel.body_parameters] == ["reason", "comment", "notifyAt"]
    assert cancel.body_parameters[0].type == TypeRef("example.api.cancelReason")
    invite = by_binding[("example.api.invite", "Collection(example.api.attendee)")]
    assert invite.return_type == TypeRef("example.api.meeting")
    upcoming = by_binding[("example.api.upcoming", "Collection(example.api.meeting)")]
    assert upcoming.kind == "function"
    assert str(upcoming.return_type) == "Collection(example.api.meeting)"
    archive = by_binding[("example.api.records.archive", "example.api.records.note")]
    assert archive.body_parameters[0].type == TypeRef("Edm.Date")


def test_container(model: Model) -> None:
    assert model.container_name == "Service"
    assert model.container_namespace == "example.api"
    assert set(model.entity_sets) == {"people", "meetings", "rooms", "applications"}
    assert model.entity_sets["people"].bindings == (("meetings", "meetings"), ("manager", "people"))
    assert model.singletons["me"].type == "example.api.person"
    assert model.singletons["me"].collection is False
