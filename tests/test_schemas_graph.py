"""The real Microsoft Graph CSDL files (v1.0, 2026; beta, 2021-07), shipped in the repo.

Each file is converted once per session into a temporary store; the facts
checked here are the ones recorded in the metadata README.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lint.schemas.build import build
from lint.schemas.validate import SchemaStore

METADATA = Path(__file__).resolve().parent.parent / "docs_src" / "metadata"
V1 = METADATA / "v1.0-Prod.csdl"
BETA = METADATA / "beta-2021-07.csdl"
VERSIONS = ["v1.0", "beta"]
FILES = {"v1.0": V1, "beta": BETA}

pytestmark = pytest.mark.skipif(
    not (V1.is_file() and BETA.is_file()),
    reason=f"Graph CSDL files not in the repository ({V1.name}, {BETA.name} under {METADATA})",
)

REJECT = "action:microsoft.graph.reject(microsoft.graph.call)"
INVITE = "action:microsoft.graph.invite(Collection(microsoft.graph.participant))"


@pytest.fixture(scope="module")
def conversion_seconds() -> dict[str, float]:
    return {}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, conversion_seconds: dict[str, float]) -> dict[str, SchemaStore]:
    """Full conversion of both files, once."""
    result: dict[str, SchemaStore] = {}
    for version, path in FILES.items():
        out = tmp_path_factory.mktemp(f"graph-{version}")
        started = time.perf_counter()
        written = build(path, out, None)
        conversion_seconds[version] = time.perf_counter() - started
        assert [p.name for p in written] == ["schema.json", "operations.json"]
        result[version] = SchemaStore(out)
    return result


def test_whole_v1_conversion_is_fast(stores: dict[str, SchemaStore], conversion_seconds: dict[str, float]) -> None:
    assert conversion_seconds["v1.0"] < 10
    assert len(stores["v1.0"].defs) > 4000


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("body", [{"reason": "busy"}, {"reason": "none", "callbackUri": "https://x"}, {}])
def test_reject_body_accepts(stores: dict[str, SchemaStore], version: str, body: dict[str, str]) -> None:
    assert stores[version].validate(REJECT, body) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_reject_reason_is_case_sensitive(stores: dict[str, SchemaStore], version: str) -> None:
    store = stores[version]
    (error,) = store.validate(REJECT, {"reason": "Busy"})
    assert (error.pointer, error.keyword, error.suggestion) == ("/reason", "enum", "busy")
    assert store.enum_case_match("microsoft.graph.rejectReason", "Busy") == "busy"
    assert store.enum_case_match("rejectReason", "busy") is None


@pytest.mark.parametrize("version", VERSIONS)
def test_reject_body_has_no_other_members(stores: dict[str, SchemaStore], version: str) -> None:
    (error,) = stores[version].validate(REJECT, {"причиной": "x"})
    assert (error.pointer, error.keyword) == ("/причиной", "additionalProperties")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    "path",
    [
        "/communications/calls/{id}/reject",
        "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject",
        "/communications/calls/{call-id}/microsoft.graph.reject",
    ],
)
def test_reject_resolves_in_both_versions(stores: dict[str, SchemaStore], version: str, path: str) -> None:
    operation = stores[version].resolve("POST", path)
    assert operation is not None
    assert operation.template == "/communications/calls/{call-id}/reject"
    assert operation.kind == "action"
    assert operation.target_type == "microsoft.graph.call"
    assert operation.body_ref == REJECT


def test_app_calls_resolve_in_beta_only(stores: dict[str, SchemaStore]) -> None:
    beta = stores["beta"].resolve("POST", "/app/calls/{id}/reject")
    assert beta is not None and beta.body_ref == REJECT
    assert stores["v1.0"].resolve("POST", "/app/calls/{id}/reject") is None


@pytest.mark.parametrize("version", VERSIONS)
def test_application_calls_resolve_nowhere(stores: dict[str, SchemaStore], version: str) -> None:
    store = stores[version]
    assert store.resolve("GET", "/applications/{id}") is not None
    assert store.resolve("POST", "/applications/{id}/calls/{id}/reject") is None


@pytest.mark.parametrize("version", VERSIONS)
def test_invite_is_bound_to_the_participants_collection(stores: dict[str, SchemaStore], version: str) -> None:
    store = stores[version]
    operation = store.resolve("POST", "/communications/calls/{id}/participants/invite")
    assert operation is not None
    assert (operation.body_ref, operation.response_type) == (INVITE, "microsoft.graph.inviteParticipantsOperation")
    body = {
        "participants": [
            {
                "@odata.type": "#microsoft.graph.invitationParticipantInfo",
                "identity": {
                    "@odata.type": "#microsoft.graph.identitySet",
                    "user": {"@odata.type": "#microsoft.graph.identity", "id": "String", "displayName": "John"},
                },
            }
        ],
        "clientContext": "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
    }
    assert store.validate(INVITE, body) == []
    assert [(e.pointer, e.keyword) for e in store.validate(INVITE, {"participants": None})] == [
        ("/participants", "type")
    ]


@pytest.mark.parametrize("version", VERSIONS)
def test_comms_notification_is_open(stores: dict[str, SchemaStore], version: str) -> None:
    notification = {
        "@odata.type": "#microsoft.graph.commsNotification",
        "changeType": "deleted",
        "resourceUrl": "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896",
        "resourceData": {"@odata.type": "#microsoft.graph.call", "state": "terminated"},
    }
    assert stores[version].validate("microsoft.graph.commsNotification", notification) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_call_with_placeholders_and_derived_types(stores: dict[str, SchemaStore], version: str) -> None:
    call = {
        "@odata.type": "#microsoft.graph.call",
        "id": "String (identifier)",
        "state": "String",
        "callbackUri": "https://bot.contoso.com/callback",
        "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
        "requestedModalities": ["audio"],
    }
    store = stores[version]
    assert store.validate("call", call) == []
    (error,) = store.validate("call", {**call, "mediaConfig": {}})
    assert (error.pointer, error.keyword) == ("/mediaConfig", "required")


def test_me_events_resolves_with_query(stores: dict[str, SchemaStore]) -> None:
    operation = stores["v1.0"].resolve("GET", "/me/events?$top=1")
    assert operation is not None
    assert operation.response_type == "Collection(microsoft.graph.event)"


def test_app_singleton_is_beta_only(stores: dict[str, SchemaStore]) -> None:
    assert stores["v1.0"].resolve("GET", "/app") is None
    beta = stores["beta"].resolve("GET", "/app/calls")
    assert beta is not None and beta.response_type == "Collection(microsoft.graph.call)"


def test_graph_json_accepts_any_json(tmp_path: Path) -> None:
    """``graph.Json`` is the API's "any JSON" type: objects, arrays and scalars all validate."""
    from lint.schemas.build import build
    from lint.schemas.validate import SchemaStore

    build(METADATA / "v1.0-Prod.csdl", tmp_path, ["microsoft.graph.Json"])
    store = SchemaStore(tmp_path)
    for value in ({"name": "x", "@type": "y"}, [1, "a"], "text", 3, None):
        assert store.validate("microsoft.graph.Json", value) == []
