"""platyPS cmdlet help: golden extraction of the shipped pages, the PowerShell
literal converter, and robustness (the parser never raises)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from lint.model import Page, PropertyNode
from lint.parse.platyps.cmdlet_operation import decode_operation
from lint.parse.platyps.examples import is_powershell_line
from lint.parse.platyps.page import parse
from lint.parse.platyps.powershell_literal import CodeLine, convert_powershell, hashtable_examples

REPO = Path(__file__).resolve().parent.parent
REJECT = "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"
INVITE = "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md"
REJECT_BODY = "IPaths4QrghdCommunicationsCallsCallIdMicrosoftGraphRejectPostRequestbodyContentApplicationJsonSchema"
INVITE_BODY = (
    "IPaths1Bh76WaCommunicationsCallsCallIdParticipantsMicrosoftGraphInvitePostRequestbodyContentApplicationJsonSchema"
)


def load(relative: str) -> Page:
    return parse((REPO / relative).read_text(encoding="utf-8"), relative)


def lines_of(node: PropertyNode) -> tuple[str, str, str, int, int]:
    return (node.name, node.type, node.description, node.span.line, node.span.column)


def tree(nodes: tuple[PropertyNode, ...]) -> list[Any]:
    """A property tree as nested (name, [children]) pairs."""
    return [(node.name, tree(node.children)) if node.children else node.name for node in nodes]


def note_tree(page: Page, key: str) -> tuple[str, tuple[PropertyNode, ...]]:
    assert page.cmdlet is not None
    for name, type_name, nodes in page.cmdlet.notes:
        if name == key:
            return type_name, nodes
    raise AssertionError(f"no NOTES tree {key}")


FRONT = """---
external help file: Microsoft.Graph.Users-help.xml
Module Name: Microsoft.Graph.Users
online version: https://example.test/get-mguser
schema: 2.0.0
---
"""


def page_of(body: str, front: str = FRONT, path: str = "help/Get-MgUser.md") -> Page:
    return parse(front + body, path)


# -- golden: Invoke-MgBetaRejectCommunicationCall --------------------------------------


class TestRejectPage:
    page = load(REJECT)
    cmdlet = page.cmdlet

    def test_identity(self) -> None:
        page = self.page
        assert (page.path, page.locale, page.version, page.kind, page.format) == (
            REJECT,
            "en-US",
            "beta",
            "cmdlet",
            "platyps",
        )
        assert page.title == "Invoke-MgBetaRejectCommunicationCall"
        assert page.front_matter["ms.prod"] == "cloud-communications"
        assert page.front_matter["schema"] == "2.0.0"
        assert page.diagnostics == ()
        assert page.requests == ()

    def test_cmdlet_header(self) -> None:
        assert self.cmdlet is not None
        assert self.cmdlet.name == "Invoke-MgBetaRejectCommunicationCall"
        assert self.cmdlet.module == "Microsoft.Graph.Beta.CloudCommunications"
        assert self.cmdlet.online_version == (
            "https://learn.microsoft.com/powershell/module/microsoft.graph.beta.cloudcommunications/"
            "invoke-mgbetarejectcommunicationcall"
        )
        assert (self.cmdlet.span.line, self.cmdlet.span.column) == (9, 1)

    def test_synopsis_and_description(self) -> None:
        assert self.cmdlet is not None
        assert self.cmdlet.synopsis.startswith("Enable a bot to reject an incoming call.\nThe incoming call")
        assert self.cmdlet.synopsis.endswith("answered.\nUse delete call to end a call.")
        assert self.cmdlet.synopsis.count("\n") == 6
        span = self.cmdlet.synopsis_span
        assert span is not None and (span.line, span.column, span.end_line) == (12, 1, 18)
        # The include line is an Include, not prose; the bold label is prose.
        assert self.cmdlet.description.endswith("Use delete call to end a call.\n\n**Permissions**")
        span = self.cmdlet.description_span
        assert span is not None and (span.line, span.column, span.end_line) == (54, 1, 62)
        assert [(i.name, i.target, i.span.line, i.span.column) for i in self.page.includes] == [
            (
                "permissions-table",
                "~/../graphref/api-reference/beta/includes/permissions/call-reject-permissions.md",
                63,
                1,
            )
        ]

    def test_segments(self) -> None:
        assert [s.span.line for s in self.page.segments] == [*range(12, 19), *range(54, 61), 62]
        assert self.page.segments[0].text == "Enable a bot to reject an incoming call."
        assert self.page.segments[-1].text == "**Permissions**"

    def test_parameter_sets(self) -> None:
        assert self.cmdlet is not None
        sets = self.cmdlet.parameter_sets
        assert [(s.name, s.default, s.span.line, s.span.end_line) for s in sets] == [
            ("RejectExpanded", True, 22, 27),
            ("Reject", False, 29, 35),
            ("RejectViaIdentityExpanded", False, 37, 43),
            ("RejectViaIdentity", False, 45, 51),
        ]
        assert sets[0].parameters == (
            "CallId",
            "ResponseHeadersVariable",
            "AdditionalProperties",
            "CallbackUri",
            "Reason",
            "Headers",
            "PassThru",
            "ProgressAction",
            "WhatIf",
            "Confirm",
        )
        assert sets[1].parameters == (
            "CallId",
            "BodyParameter",
            "ResponseHeadersVariable",
            "Headers",
            "PassThru",
            "ProgressAction",
            "WhatIf",
            "Confirm",
        )
        assert sets[3].parameters[:2] == ("InputObject", "BodyParameter")

    def test_parameter_names_and_spans(self) -> None:
        assert self.cmdlet is not None
        assert [(p.name, p.span.line, p.span.end_line) for p in self.cmdlet.parameters] == [
            ("AdditionalProperties", 91, 104),
            ("BodyParameter", 106, 120),
            ("CallbackUri", 122, 135),
            ("CallId", 137, 150),
            ("Headers", 152, 165),
            ("InputObject", 167, 181),
            ("PassThru", 183, 196),
            ("ProgressAction", 198, 211),
            ("Reason", 213, 226),
            ("ResponseHeadersVariable", 228, 241),
            ("Confirm", 243, 256),
            ("WhatIf", 258, 272),
        ]

    def test_body_parameter(self) -> None:
        assert self.cmdlet is not None
        body = self.cmdlet.parameters[1]
        assert body.description == (
            ".\nTo construct, see NOTES section for BODYPARAMETER properties and create a hash table."
        )
        assert body.description_span is not None
        assert (body.description_span.line, body.description_span.column, body.description_span.end_line) == (
            107,
            1,
            108,
        )
        assert (body.type, body.parameter_sets, body.required, body.position, body.default) == (
            REJECT_BODY,
            ("Reject", "RejectViaIdentity"),
            True,
            "Named",
            "None",
        )
        assert (body.pipeline_input, body.aliases) == ("True (ByValue)", ())

    def test_other_parameters(self) -> None:
        assert self.cmdlet is not None
        by_name = {p.name: p for p in self.cmdlet.parameters}
        callback = by_name["CallbackUri"]
        assert callback.description == "."
        assert callback.description_span is not None and callback.description_span.line == 123
        assert (callback.type, callback.required, callback.pipeline_input) == ("String", False, "False")
        progress = by_name["ProgressAction"]
        assert progress.description == "{{ Fill ProgressAction Description }}"
        assert progress.description_span is not None and progress.description_span.line == 199
        assert (progress.type, progress.aliases, progress.parameter_sets) == (
            "ActionPreference",
            ("proga",),
            ("(All)",),
        )
        assert by_name["ResponseHeadersVariable"].aliases == ("RHV",)
        assert by_name["PassThru"].default == "False"
        assert by_name["Headers"].pipeline_input == "True (ByValue)"
        assert by_name["AdditionalProperties"].type == "Hashtable"
        assert by_name["WhatIf"].description == "Shows what would happen if the cmdlet runs.\nThe cmdlet is not run."
        assert "CommonParameters" not in by_name

    def test_examples_found_outside_the_fence(self) -> None:
        assert self.cmdlet is not None
        examples = self.cmdlet.examples
        assert [(e.title, e.span.line, e.span.end_line) for e in examples] == [
            ("EXAMPLE 1", 67, 76),
            ("EXAMPLE 2", 78, 87),
        ]
        assert [(e.fenced, e.code_span.line, e.code_span.column, e.code_span.end_line) for e in examples] == [
            (False, 72, 1, 76),
            (False, 83, 1, 87),
        ]
        assert examples[0].code == (
            "Import-Module Microsoft.Graph.Beta.CloudCommunications\n"
            "$params = @{\n"
            '\treason = "busy"\n'
            "}\n"
            "\n"
            "Invoke-MgBetaRejectCommunicationCall -CallId $callId -BodyParameter $params"
        )

    def test_example_params(self) -> None:
        assert self.cmdlet is not None
        first, second = (e.params for e in self.cmdlet.examples)
        assert [p.value for p in first] == [{"reason": "busy"}]
        assert [p.value for p in second] == [{"reason": "none"}]
        param = first[0]
        assert (param.span.line, param.span.column, param.span.end_line) == (72, 11, 74)
        assert (param.text, param.origin, param.error) == ('@{\n\treason = "busy"\n}', "powershell", None)
        assert self.page.json_examples == (first[0], second[0])

    def test_code_blocks(self) -> None:
        examples = [b for b in self.page.code_blocks if b.section in ("example-1", "example-2")]
        assert [(b.language, b.fenced, b.span.line, b.span.end_line, b.section) for b in examples] == [
            ("powershell", True, 69, 69, "example-1"),
            ("powershell", False, 72, 76, "example-1"),
            ("powershell", True, 80, 80, "example-2"),
            ("powershell", False, 83, 87, "example-2"),
        ]
        assert examples[1].text.startswith("$params = @{\n\treason")
        syntax = [b for b in self.page.code_blocks if b.span.line < 60]
        assert [(b.language, b.span.line, b.span.end_line) for b in syntax] == [
            ("", 24, 26),
            ("", 31, 34),
            ("", 39, 42),
            ("", 47, 50),
        ]
        assert sum(b.language == "yaml" for b in self.page.code_blocks) == 12

    def test_notes(self) -> None:
        assert self.cmdlet is not None
        assert [(key, type_name, len(nodes)) for key, type_name, nodes in self.cmdlet.notes] == [
            ("BODYPARAMETER", REJECT_BODY, 3),
            ("INPUTOBJECT", "ICloudCommunicationsIdentity", 19),
        ]
        _, body = note_tree(self.page, "BODYPARAMETER")
        assert [lines_of(node) for node in body] == [
            ("(Any)", "Object", "This indicates any property can be added to this object.", 292, 3),
            ("CallbackUri", "String", "", 293, 3),
            ("Reason", "String", "rejectReason", 294, 3),
        ]
        _, identity = note_tree(self.page, "INPUTOBJECT")
        assert lines_of(identity[8]) == ("FromDateTime", "DateTime?", "Usage: fromDateTime={fromDateTime}", 305, 3)
        assert identity[-1].name == "UserId" and identity[-1].span.line == 315

    def test_inputs_outputs_operation(self) -> None:
        assert self.cmdlet is not None
        assert self.cmdlet.inputs == (
            "Microsoft.Graph.Beta.PowerShell.Models.ICloudCommunicationsIdentity",
            f"Microsoft.Graph.Beta.PowerShell.Models.{REJECT_BODY}",
            "System.Collections.IDictionary",
        )
        assert self.cmdlet.outputs == ("System.Boolean",)
        assert (self.cmdlet.operation_method, self.cmdlet.operation_path) == (
            "POST",
            "/communications/calls/{call-id}/microsoft.graph.reject",
        )

    def test_sections(self) -> None:
        top = [(s.title, s.anchor, s.role, s.span.line, s.end_line) for s in self.page.sections if s.level == 2]
        assert top == [
            ("SYNOPSIS", "synopsis", "synopsis", 11, 18),
            ("SYNTAX", "syntax", "syntax", 20, 51),
            ("DESCRIPTION", "description", "description", 53, 63),
            ("EXAMPLES", "examples", "examples", 65, 87),
            ("PARAMETERS", "parameters", "parameters", 89, 275),
            ("INPUTS", "inputs", "inputs", 277, 281),
            ("OUTPUTS", "outputs", "outputs", 282, 284),
            ("NOTES", "notes", "notes", 285, 315),
            ("RELATED LINKS", "related-links", "related-links", 317, 319),
        ]
        sub = {s.anchor: (s.role, s.parent, s.span.line) for s in self.page.sections if s.level == 3}
        assert sub["rejectexpanded-default"] == ("parameter-set", "syntax", 22)
        assert sub["example-1"] == ("example", "examples", 67)
        assert sub["bodyparameter"] == ("parameter", "parameters", 106)
        assert sub["commonparameters"] == ("common-parameters", "parameters", 274)
        assert sub["systemboolean"] == ("output", "outputs", 284)
        assert len(sub) == 4 + 2 + 13 + 3 + 1
        assert all(s.source_title == s.title for s in self.page.sections)


# -- golden: Invoke-MgBetaInviteCommunicationCallParticipant -----------------------------

PARTICIPANT_1 = {
    "@odata.type": "#microsoft.graph.invitationParticipantInfo",
    "ReplacesCallId": "a7ebfb2d-871e-419c-87af-27290b22e8db",
    "Identity": {
        "@odata.type": "#microsoft.graph.identitySet",
        "User": {
            "@odata.type": "#microsoft.graph.identity",
            "Id": "278405a3-f568-4b3e-b684-009193463064",
            "IdentityProvider": "AAD",
        },
    },
}


def user(user_id: str) -> dict[str, Any]:
    return {
        "@odata.type": "#microsoft.graph.identitySet",
        "User": {"@odata.type": "#microsoft.graph.identity", "Id": user_id, "IdentityProvider": "AAD"},
    }


class TestInvitePage:
    page = load(INVITE)
    cmdlet = page.cmdlet

    def test_identity(self) -> None:
        assert (self.page.locale, self.page.version, self.page.title) == (
            "en-US",
            "beta",
            "Invoke-MgBetaInviteCommunicationCallParticipant",
        )
        assert self.cmdlet is not None
        assert self.cmdlet.module == "Microsoft.Graph.Beta.CloudCommunications"
        assert self.cmdlet.span.line == 8
        assert self.page.diagnostics == ()

    def test_synopsis_leaves_the_callout_to_notes(self) -> None:
        assert self.cmdlet is not None
        assert self.cmdlet.synopsis.startswith("Delete a specific participant in a call.\n")
        assert self.cmdlet.synopsis.endswith("any outstanding add participant request is canceled.")
        assert "NOTE" not in self.cmdlet.synopsis
        span = self.cmdlet.synopsis_span
        assert span is not None and (span.line, span.end_line) == (11, 15)
        [note] = self.page.notes
        assert (note.kind, note.span.line, note.span.end_line, note.section) == ("note", 17, 18, "synopsis")
        assert note.text.startswith("To view the v1.0 release of this cmdlet, view [Invoke-MgInvite")
        assert [s.span.line for s in self.page.segments] == [11, 12, 13, 14, 15, 51, 52, 53, 54, 55]

    def test_parameter_sets(self) -> None:
        assert self.cmdlet is not None
        assert [(s.name, s.default, s.parameters) for s in self.cmdlet.parameter_sets] == [
            (
                "InviteExpanded",
                True,
                ("CallId", "AdditionalProperties", "ClientContext", "Participants", "WhatIf", "Confirm"),
            ),
            ("Invite", False, ("CallId", "BodyParameter", "WhatIf", "Confirm")),
            (
                "InviteViaIdentityExpanded",
                False,
                ("InputObject", "AdditionalProperties", "ClientContext", "Participants", "WhatIf", "Confirm"),
            ),
            ("InviteViaIdentity", False, ("InputObject", "BodyParameter", "WhatIf", "Confirm")),
        ]

    def test_parameters(self) -> None:
        assert self.cmdlet is not None
        assert [p.name for p in self.cmdlet.parameters] == [
            "AdditionalProperties",
            "BodyParameter",
            "CallId",
            "ClientContext",
            "InputObject",
            "Participants",
            "Confirm",
            "WhatIf",
        ]
        participants = self.cmdlet.parameters[5]
        assert participants.type == "IMicrosoftGraphInvitationParticipantInfo[]"
        assert participants.description_span is not None and participants.description_span.line == 318
        assert self.cmdlet.parameters[1].type == INVITE_BODY

    def test_examples(self) -> None:
        assert self.cmdlet is not None
        examples = self.cmdlet.examples
        assert len(examples) == 7
        assert examples[0].title == "Example 1: Using the Invoke-MgBetaInviteCommunicationCallParticipant Cmdlet"
        assert [(e.span.line, e.code_span.line, e.code_span.end_line, e.fenced) for e in examples] == [
            (58, 60, 78, True),
            (82, 84, 102, True),
            (106, 108, 126, True),
            (130, 132, 148, True),
            (152, 154, 172, True),
            (176, 178, 197, True),
            (201, 203, 233, True),
        ]
        assert examples[0].code.startswith("Import-Module Microsoft.Graph.Beta.CloudCommunications\n$params = @{")
        assert examples[0].code.endswith("-CallId $callId -BodyParameter $params")
        assert all(len(e.params) == 1 for e in examples)
        assert len(self.page.json_examples) == 7

    def test_example_1_params(self) -> None:
        assert self.cmdlet is not None
        [param] = self.cmdlet.examples[0].params
        assert param.value == {
            "Participants": [PARTICIPANT_1],
            "ClientContext": "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
        }
        assert list(param.value) == ["Participants", "ClientContext"]
        assert (param.span.line, param.span.column, param.span.end_line) == (61, 11, 77)
        assert param.text.startswith("@{\n\tParticipants = @(\n") and param.text.endswith("\n}")

    def test_examples_4_6_7_params(self) -> None:
        assert self.cmdlet is not None
        fourth = self.cmdlet.examples[3].params[0].value
        assert fourth["Participants"][0]["Identity"] == {
            "@odata.type": "#microsoft.graph.identitySet",
            "Phone": {"@odata.type": "#microsoft.graph.identity", "Id": "+12345678901"},
        }
        sixth = self.cmdlet.examples[5].params[0].value
        assert sixth["Participants"][0]["ParticipantId"] == "7d501bf1-5ee4-4605-ba92-0ae4513c611c"
        seventh = self.cmdlet.examples[6].params[0].value
        # Two hashtables in one @( ), separated by a new line only.
        assert seventh["Participants"] == [
            {
                "@odata.type": "#microsoft.graph.invitationParticipantInfo",
                "ReplacesCallId": "a7ebfb2d-871e-419c-87af-27290b22e8db",
                "Identity": user("7e1b4346-85a6-4bdd-abe3-d11c5d420efe"),
            },
            {
                "@odata.type": "#microsoft.graph.invitationParticipantInfo",
                "ReplacesCallId": "a7ebfb2d-871e-419c-87af-27290b22e8db",
                "Identity": user("1e126418-44a0-4a94-a6f8-0efe1ad71acb"),
            },
        ]
        assert seventh["ClientContext"] == "f2fa86af-3c51-4bc2-8fc0-475452d9764f"

    def test_body_notes_tree(self) -> None:
        type_name, body = note_tree(self.page, "BODYPARAMETER")
        assert type_name == INVITE_BODY
        assert tree(body) == [
            "(Any)",
            "ClientContext",
            (
                "Participants",
                [
                    "EndpointType",
                    "Hidden",
                    ("Identity", ["(Any)", ("Application", ["(Any)", "DisplayName", "Id"]), "Device", "User"]),
                    "ParticipantId",
                    "RemoveFromDefaultAudioRoutingGroup",
                    "ReplacesCallId",
                ],
            ),
        ]
        participants = body[2]
        assert lines_of(participants) == ("Participants", "IMicrosoftGraphInvitationParticipantInfo[]", "", 386, 3)
        identity = participants.children[2]
        assert lines_of(identity) == ("Identity", "IMicrosoftGraphIdentitySet", "identitySet", 389, 5)
        application = identity.children[1]
        assert lines_of(application) == ("Application", "IMicrosoftGraphIdentity", "identity", 391, 7)
        assert lines_of(application.children[1]) == (
            "DisplayName",
            "String",
            "The display name of the identity. This property is read-only.",
            393,
            9,
        )

    def test_other_notes_trees(self) -> None:
        assert self.cmdlet is not None
        assert [key for key, _, _ in self.cmdlet.notes] == ["BODYPARAMETER", "INPUTOBJECT", "PARTICIPANTS"]
        type_name, participants = note_tree(self.page, "PARTICIPANTS")
        assert type_name == "IMicrosoftGraphInvitationParticipantInfo[]"
        assert [node.name for node in participants] == [
            "EndpointType",
            "Hidden",
            "Identity",
            "ParticipantId",
            "RemoveFromDefaultAudioRoutingGroup",
            "ReplacesCallId",
        ]
        assert participants[2].children[1].children[1].span.line == 428

    def test_inputs_outputs_operation(self) -> None:
        assert self.cmdlet is not None
        assert self.cmdlet.inputs == (
            "Microsoft.Graph.Beta.PowerShell.Models.ICloudCommunicationsIdentity",
            f"Microsoft.Graph.Beta.PowerShell.Models.{INVITE_BODY}",
        )
        assert self.cmdlet.outputs == (
            "Microsoft.Graph.Beta.PowerShell.Models.IMicrosoftGraphInviteParticipantsOperation",
        )
        assert (self.cmdlet.operation_method, self.cmdlet.operation_path) == (
            "POST",
            "/communications/calls/{call-id}/participants/microsoft.graph.invite",
        )

    def test_example_anchors(self) -> None:
        anchors = [s.anchor for s in self.page.sections if s.role == "example"]
        assert anchors[0] == "example-1-using-the-invoke-mgbetainvitecommunicationcallparticipant-cmdlet"
        assert len(set(anchors)) == 7


def test_detection_routes_platyps_pages_here() -> None:
    from tests.conftest import load_page

    page = load_page(REJECT)
    assert page.format == "platyps"
    assert page.cmdlet is not None and page.cmdlet.examples[0].params[0].value == {"reason": "busy"}


# -- the PowerShell literal converter ----------------------------------------------------


def value_of(text: str) -> Any:
    example, diagnostic = convert_powershell(text)
    assert diagnostic is None, diagnostic
    assert example.error is None
    json.dumps(example.value, allow_nan=False)  # always a JSON value
    return example.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@{}", {}),
        ("@()", []),
        ("@{ reason = 'busy' }", {"reason": "busy"}),
        ('@{ "@odata.type" = "#microsoft.graph.x" }', {"@odata.type": "#microsoft.graph.x"}),
        ("@{ 'quoted key' = 1 }", {"quoted key": 1}),
        ("@{ content-type = 1; a.b = 2 }", {"content-type": 1, "a.b": 2}),
        ("@{ 1 = 'one'; -2 = 'minus two' }", {"1": "one", "-2": "minus two"}),
        ("@{ a = @{ b = @{ c = 1 } } }", {"a": {"b": {"c": 1}}}),
        ("@{\n\ta = 1\n\tb = 2\n}", {"a": 1, "b": 2}),
        ("@{ a = 1; b = 2; }", {"a": 1, "b": 2}),
        ("@{ a = 1\n;\n b = 2 }", {"a": 1, "b": 2}),
        ("@{ a = @(1, 2, 3) }", {"a": [1, 2, 3]}),
        ("@{ a = @(\n 1\n 2\n) }", {"a": [1, 2]}),
        ("@{ a = @(1; 2) }", {"a": [1, 2]}),
        ("@{ a = @(\n @{ x = 1 }\n @{ x = 2 }\n) }", {"a": [{"x": 1}, {"x": 2}]}),
        ("@{ a = @(\n @{ x = 1 },\n @{ x = 2 }\n) }", {"a": [{"x": 1}, {"x": 2}]}),
        ("@{ a = 1, 2 }", {"a": [1, 2]}),
        ("@{ a = 1,\n 2 }", {"a": [1, 2]}),
        ("@(@(1, 2))", [1, 2]),
        ("@(@(1, 2), 3)", [[1, 2], 3]),
        ("@(1, 2\n3)", [1, 2, 3]),
        ('"a `"quoted`" word"', 'a "quoted" word'),
        ('"tab`tnew`nline `$x ``"', "tab\tnew\nline $x `"),
        ('"smile `u{263A}"', "smile \u263a"),
        ('"He said ""hi"""', 'He said "hi"'),
        ("'It''s'", "It's"),
        ("'no `escapes $here'", "no `escapes $here"),
        ("\u201csmart\u201d", "smart"),
        ("\u2018single\u2019", "single"),
        ('"multi\nline"', "multi\nline"),
        ('@"\nhere `"string`"\n"@', 'here "string"'),
        ("@'\nverbatim `n\nlines\n'@", "verbatim `n\nlines"),
        ("42", 42),
        ("-7", -7),
        ("3.25", 3.25),
        ("-0.5", -0.5),
        ("1e3", 1000.0),
        ("0x1F", 31),
        ("2kb", 2048),
        ("10L", 10),
        ("$callId", "$callId"),
        ("$user.Id", "$user.Id"),
        ("$env:USERNAME", "$env:USERNAME"),
        ("${odd name}", "${odd name}"),
        ("$($user.Id)", "$($user.Id)"),
        ("(Get-Date).AddDays(1)", "(Get-Date).AddDays(1)"),
        ('[DateTime]"2024-01-01T00:00:00Z"', "2024-01-01T00:00:00Z"),
        ("[System.DateTime]'2024-01-01'", "2024-01-01"),
        ("[int]5", 5),
        ("[string[]]@('a')", ["a"]),
        ("[ordered]@{ b = 1; a = 2 }", {"b": 1, "a": 2}),
        ('[System.DateTime]::Parse("2024-01-01")', '[System.DateTime]::Parse("2024-01-01")'),
        ("@{ a = 1 # the first\n b = 2 }", {"a": 1, "b": 2}),
        ("@{ <# block\ncomment #> a = 1 }", {"a": 1}),
        ("# leading comment\n@{ a = 1 }", {"a": 1}),
        ("@{ a = `\n 1 }", {"a": 1}),
        ("@{ a =\n 1 }", {"a": 1}),
        ("@{ s = '#not a comment' }", {"s": "#not a comment"}),
    ],
)
def test_converter_values(text: str, expected: Any) -> None:
    result = value_of(text)
    assert result == expected
    assert type(result) is type(expected)


def test_converter_constants() -> None:
    result = value_of("@{ t = $true; f = $False; n = $NULL }")
    assert result == {"t": True, "f": False, "n": None}
    assert result["t"] is True and result["f"] is False and result["n"] is None


def test_converter_keeps_key_order_and_positions() -> None:
    example, diagnostic = convert_powershell("@{\n  z = 1\n  a = 2\n}", path="p.md", line=10, column=5)
    assert diagnostic is None
    assert list(example.value) == ["z", "a"]
    assert (example.span.path, example.span.line, example.span.column, example.span.end_line) == ("p.md", 10, 5, 13)
    assert example.origin == "powershell"


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("@{ a = 1", "missing '}'", 1, 1),
        ("@{\n a = @(1, 2\n}", "expected a value, found '}'", 3, 1),
        ("@(1 2)", "expected a new line, ',' or ')' after an array element", 1, 5),
        ("@{ a = @(1, 2", "missing ')'", 1, 8),
        ('@{\n  a = "open\n}', "string is not closed", 2, 7),
        ("@{ a = 'open }", "string is not closed", 1, 8),
        ("@{ reason = busy }", "'busy' is not a value", 1, 13),
        ("@{ a 1 }", "expected '=' after the key 'a'", 1, 6),
        ("@{ a = 1 b = 2 }", "expected a new line, ';' or '}' after the value of 'a'", 1, 10),
        ("@{ a = }", "expected a value, found '}'", 1, 8),
        ("@{ a = 1; A = 2 }", "duplicate key 'A'", 1, 11),
        ("@{ @odata.type = 1 }", "expected a key, found '@'", 1, 4),
        ("@{ a = 1 } extra", "unexpected 'extra' after the value", 1, 12),
        ("<# never closed", "block comment '<#' is not closed", 1, 1),
        ("@{ a = (1 + 2 }", "missing ')'", 1, 8),
        ('@"not at end of line"@', "here-string must end its first line", 1, 1),
        ('@{ a = @"\nno closer', "here-string is not closed", 1, 8),
        ("", "expected a value, found end of code", 1, 1),
        ("@{ a = " + "9" * 5000 + " }", "number is too long", 1, 8),
        ("1e999", "number is out of range", 1, 1),
        ("@{a=" * 150 + "1" + "}" * 150, "nested deeper than 100 levels", 1, 405),
    ],
)
def test_converter_errors_are_diagnostics(text: str, message: str, line: int, column: int) -> None:
    example, diagnostic = convert_powershell(text, path="p.md")
    assert diagnostic is not None
    assert diagnostic.code == "powershell-syntax"
    assert message in diagnostic.message
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert example.value is None
    assert example.error is not None and (example.error.line, example.error.column) == (line, column)


def test_hashtable_examples_finds_every_assignment() -> None:
    code = [
        CodeLine(20, 1, "$params = @{ a = 1 }"),
        CodeLine(21, 1, "# $old = @{ ignored = 1 }"),
        CodeLine(22, 1, '$s = "x = @{ not = code }"'),
        CodeLine(23, 5, "$body=[ordered]@{"),
        CodeLine(24, 5, "  b = 'two'"),
        CodeLine(25, 5, "}"),
        CodeLine(26, 1, "$count += @{ c = 3 }"),
        CodeLine(27, 1, "Invoke-MgThing -BodyParameter $params | Out-Null"),
    ]
    examples, diagnostics = hashtable_examples(code, "p.md")
    assert diagnostics == []
    assert [(e.value, e.span.line, e.span.column, e.span.end_line) for e in examples] == [
        ({"a": 1}, 20, 11, 20),
        ({"b": "two"}, 23, 20, 25),
    ]


def test_hashtable_examples_error_does_not_stop_the_next() -> None:
    code = [
        CodeLine(5, 1, "$bad = @{"),
        CodeLine(6, 1, "  a = nope"),
        CodeLine(7, 1, "}"),
        CodeLine(8, 1, "$good = @{ b = 2 }"),
    ]
    examples, diagnostics = hashtable_examples(code, "p.md")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("powershell-syntax", 6, 7)]
    assert [e.value for e in examples] == [None, {"b": 2}]
    assert examples[0].error is not None and examples[0].error.line == 6


def test_hashtable_split_by_a_fence_line_still_converts() -> None:
    # Line 11 (a stray ``` line) is not code: the hashtable spans lines 10 and 12.
    code = [CodeLine(10, 1, "$params = @{ a = 1"), CodeLine(12, 1, "}")]
    [example], diagnostics = hashtable_examples(code, "p.md")
    assert diagnostics == []
    assert (example.value, example.span.line, example.span.end_line) == ({"a": 1}, 10, 12)


# -- decoding the REST operation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        (REJECT_BODY, ("POST", "/communications/calls/{call-id}/microsoft.graph.reject")),
        (INVITE_BODY, ("POST", "/communications/calls/{call-id}/participants/microsoft.graph.invite")),
        (
            f"Microsoft.Graph.Beta.PowerShell.Models.{INVITE_BODY}",
            ("POST", "/communications/calls/{call-id}/participants/microsoft.graph.invite"),
        ),
        (
            "IPathsKtcw9WCommunicationsCallsCallIdParticipantsParticipantIdMicrosoftGraphStartholdmusic"
            "PostRequestbodyContentApplicationJsonSchema",
            (
                "POST",
                "/communications/calls/{call-id}/participants/{participant-id}/microsoft.graph.startholdmusic",
            ),
        ),
        (
            "IPaths1ZlpdlIdentitygovernanceAccessreviewsDefinitionsAccessreviewscheduledefinitionIdInstances"
            "AccessreviewinstanceIdDecisionsMicrosoftGraphRecordalldecisionsPostRequestbodyContentApplicationJsonSchema",
            (
                "POST",
                "/identitygovernance/accessreviews/definitions/{accessreviewscheduledefinition-id}/instances/"
                "{accessreviewinstance-id}/decisions/microsoft.graph.recordalldecisions",
            ),
        ),
        ("IPathsAbc123UsersUserIdPatchRequestbodyContentApplicationJsonSchema", ("PATCH", "/users/{user-id}")),
        ("IMicrosoftGraphUser", None),
        ("String", None),
        ("", None),
        ("IPathsPostRequestbody", None),
    ],
)
def test_decode_operation(type_name: str, expected: tuple[str, str] | None) -> None:
    assert decode_operation(type_name) == expected


# -- bare code detection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("$params = @{", True),
        ("}", True),
        (")", True),
        ("@{", True),
        ('\treason = "busy"', True),
        ("Import-Module Microsoft.Graph.Users", True),
        ("Invoke-MgBetaRejectCommunicationCall -CallId $callId -BodyParameter $params", True),
        ("Get-MgUser | Select-Object Id", True),
        ("Get-MgUser", True),
        ("[DateTime]::Now", True),
        ("foreach ($user in $users) {", True),
        ("This example shows how to use the cmdlet.", False),
        ("Get-MgUser returns the signed-in user.", False),
        ("Read-only property.", False),
        ("[permissions reference](/graph/permissions-reference)", False),
        ("To learn about permissions, see the reference.", False),
        ("", False),
    ],
)
def test_is_powershell_line(line: str, code: bool) -> None:
    assert is_powershell_line(line) is code


# -- synthetic pages -------------------------------------------------------------------------

PARAMETER = """### -UserId
The id of the user.

```yaml
Type: String
Parameter Sets: Get
Aliases: Id, UserPrincipalName

Required: True
Position: 0
Default value: yes
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: False
```
"""


def test_v1_module_and_single_parameter_set() -> None:
    body = "\n# Get-MgUser\n\n## SYNTAX\n\n```\nGet-MgUser [-UserId] <String> [<CommonParameters>]\n```\n"
    page = page_of(body + "\n## PARAMETERS\n\n" + PARAMETER)
    assert page.version == "v1.0"
    assert page.cmdlet is not None
    [only] = page.cmdlet.parameter_sets
    assert (only.name, only.default, only.parameters, only.span.line) == ("__AllParameterSets", True, ("UserId",), 12)
    [parameter] = page.cmdlet.parameters
    # Scalars stay as written ("yes" is not turned into True, "0" not into 0).
    assert (parameter.aliases, parameter.position, parameter.default, parameter.pipeline_input) == (
        ("Id", "UserPrincipalName"),
        "0",
        "yes",
        "True (ByPropertyName)",
    )
    assert page.diagnostics == ()


@pytest.mark.parametrize(
    ("module", "path", "version"),
    [
        ("Microsoft.Graph.Beta.Users", "x/y.md", "beta"),
        ("Microsoft.Graph.Users", "docs/beta/y.md", "v1.0"),
        ("Contoso.Tools", "docs/beta/y.md", "beta"),
        ("Contoso.Tools", "docs/y.md", None),
    ],
)
def test_version(module: str, path: str, version: str | None) -> None:
    front = f"---\nexternal help file: x-help.xml\nModule Name: {module}\n---\n"
    assert page_of("# Get-Thing\n", front, path).version == version


def test_module_falls_back_to_external_help_file() -> None:
    front = "---\nexternal help file: Microsoft.Graph.Beta.Users-help.xml\n---\n"
    page = page_of("# Get-MgBetaUser\n", front)
    assert page.cmdlet is not None and page.cmdlet.module == "Microsoft.Graph.Beta.Users"
    assert page.version == "beta"


def test_locale_from_path_and_front_matter() -> None:
    assert page_of("# A-B\n", path="locales/zh-CN/powershell/beta/A-B.md").locale == "zh-CN"
    front = FRONT.replace("schema: 2.0.0", "ms.contentlocale: ru-ru")
    page = page_of("# A-B\n\n## SYNOPSIS\nТекст.\n", front)
    assert page.locale == "ru-RU"
    assert all(s.source_title is None for s in page.sections)


def test_bad_yaml_front_matter() -> None:
    page = parse("---\nModule Name: [unclosed\nschema: 2\n---\n# Get-X\n\n## SYNOPSIS\nHello.\n", "p.md")
    [diagnostic] = page.diagnostics
    assert diagnostic.code == "front-matter-syntax"
    assert diagnostic.span.line == 3
    assert page.front_matter == {}
    assert page.cmdlet is not None and (page.cmdlet.name, page.cmdlet.synopsis) == ("Get-X", "Hello.")
    assert page.cmdlet.synopsis_span is not None and page.cmdlet.synopsis_span.line == 8


def test_front_matter_with_impossible_date_is_a_diagnostic() -> None:
    page = parse("---\nms.date: 2023-02-30\n---\n# Get-X\n", "p.md")
    assert [d.code for d in page.diagnostics] == ["front-matter-syntax"]
    assert page.title == "Get-X"


def test_bad_parameter_yaml() -> None:
    broken = PARAMETER.replace("Parameter Sets: Get", "Parameter Sets: [Get")
    page = page_of("\n# Get-MgUser\n\n## PARAMETERS\n\n" + broken)
    [diagnostic] = page.diagnostics
    assert diagnostic.code == "cmdlet-syntax"
    assert "-UserId" in diagnostic.message
    # libyaml notices the unclosed "[" at the ":" of the next line.
    assert (diagnostic.span.line, diagnostic.span.column) == (18, 8)
    assert page.cmdlet is not None
    [parameter] = page.cmdlet.parameters
    assert (parameter.name, parameter.description, parameter.type) == ("UserId", "The id of the user.", "")


def test_parameter_without_yaml_and_non_mapping_yaml() -> None:
    body = "\n# Get-X\n\n## PARAMETERS\n\n### -A\nNo block.\n\n### -B\nScalar.\n\n```yaml\njust text\n```\n"
    page = page_of(body)
    assert [(d.code, d.span.line) for d in page.diagnostics] == [("cmdlet-syntax", 12), ("cmdlet-syntax", 19)]
    assert page.cmdlet is not None
    assert [(p.name, p.description) for p in page.cmdlet.parameters] == [("A", "No block."), ("B", "Scalar.")]


def test_example_with_bad_hashtable() -> None:
    body = '\n# Get-X\n\n## EXAMPLES\n\n### Example 1\n```powershell\n$params = @{\n  a = "open\n}\n```\n'
    page = page_of(body)
    [diagnostic] = page.diagnostics
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == ("powershell-syntax", 15, 7)
    assert page.cmdlet is not None
    [example] = page.cmdlet.examples
    assert example.code.startswith("$params = @{")
    [param] = example.params
    assert param.value is None and param.error is not None
    assert page.json_examples == (param,)


def test_bare_example_code_stops_at_prose_and_skips_output_fences() -> None:
    body = (
        "\n# Get-X\n\n## EXAMPLES\n\n### EXAMPLE 1\n"
        "```\nImport-Module X\n```\n\n"
        "$u = Get-MgUser `\n  -UserId 'a'\n"
        "$u.DisplayName\n\n"
        "This example gets a user.\n\n"
        "```output\nDisplayName\n-----------\nAdele\n```\n"
    )
    page = page_of(body)
    assert page.cmdlet is not None
    [example] = page.cmdlet.examples
    assert example.fenced is False
    assert (example.code_span.line, example.code_span.end_line) == (17, 19)
    assert example.code == "Import-Module X\n$u = Get-MgUser `\n  -UserId 'a'\n$u.DisplayName"
    blocks = [(b.language, b.fenced, b.span.line) for b in page.code_blocks]
    assert blocks == [("powershell", True, 14), ("powershell", False, 17), ("output", True, 24)]


def test_notes_variants() -> None:
    body = (
        "\n# Get-X\n\n## NOTES\n\n"
        "BODYPARAMETER <IThing>: The body\n"
        "    - `Name <String>`: required, no brackets\n"
        "    - `[Inner <IInner>]`: nested with four spaces\n"
        "        - `[Leaf <Int32?>]`: leaf\n"
        "          continues here\n"
        "    - `[Tags <String[]>]`:\n"
        "\n"
        "OTHER <IDictionary<String, Object>>: generic\n"
        "  - `[Key <String>]`: k\n"
    )
    page = page_of(body)
    assert page.cmdlet is not None
    assert [(key, type_name, tree(nodes)) for key, type_name, nodes in page.cmdlet.notes] == [
        ("BODYPARAMETER", "IThing", ["Name", ("Inner", ["Leaf"]), "Tags"]),
        ("OTHER", "IDictionary<String, Object>", ["Key"]),
    ]
    leaf = page.cmdlet.notes[0][2][1].children[0]
    assert (leaf.type, leaf.description, leaf.span.line, leaf.span.end_line) == (
        "Int32?",
        "leaf continues here",
        15,
        16,
    )


def test_structure_inside_fences_and_comments_is_ignored() -> None:
    body = (
        "\n# Get-X\n\n<!-- doclint-disable placeholder -->\n\n## SYNOPSIS\nText.\n"
        "<!--\n## NOT A HEADING\n-->\n\n## DESCRIPTION\n```\n## also not a heading\n```\n"
        "## SYNOPSIS\nAgain.\n"
    )
    page = page_of(body)
    assert [(s.anchor, s.span.line) for s in page.sections] == [
        ("synopsis", 12),
        ("description", 18),
        ("synopsis-1", 22),
    ]
    assert [(c.text, c.span.line, c.span.end_line) for c in page.comments] == [
        ("doclint-disable placeholder", 10, 10),
        ("## NOT A HEADING", 14, 16),
    ]
    assert page.cmdlet is not None and page.cmdlet.synopsis == "Text."


def test_crlf_and_bom_keep_line_numbers() -> None:
    text = (REPO / REJECT).read_text(encoding="utf-8")
    page = parse("\ufeff" + text.replace("\n", "\r\n"), REJECT)
    assert page.cmdlet is not None
    assert [e.code_span.line for e in page.cmdlet.examples] == [72, 83]
    assert page.cmdlet.parameters[1].description_span is not None
    assert page.cmdlet.parameters[1].description_span.line == 107
    assert page.diagnostics == ()


def test_unclosed_fence_and_missing_title() -> None:
    page = page_of("\n## SYNTAX\n\n### Set1\n```\nGet-X -A <String>\n")
    # The fence left open is the Markdown parser's unclosed-fence (DL009), not a generic cmdlet-syntax.
    assert [(d.code, d.span.line, d.message) for d in page.diagnostics] == [
        ("cmdlet-syntax", 7, "the page has no '# Cmdlet-Name' heading"),
        (
            "unclosed-fence",
            11,
            "this code fence is never closed: everything after line 11 is code, to the end of the page; "
            "add the closing fence",
        ),
    ]
    assert page.cmdlet is not None and page.cmdlet.name == ""
    assert page.cmdlet.parameter_sets[0].parameters == ("A",)


# -- robustness ------------------------------------------------------------------------------


def assert_sane(page: Page) -> None:
    assert page.kind == "cmdlet" and page.format == "platyps"
    assert page.cmdlet is not None
    for diagnostic in page.diagnostics:
        assert "internal error" not in diagnostic.message, diagnostic
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "   \n\t\n",
        "---",
        "---\n",
        "---\n---\n",
        "---\n: : :\n---\n",
        "---\n- a list\n---\n# X\n",
        "\x00\x01\x02 binary \udcff garbage",
        "# \n## \n### \n```\n",
        "## EXAMPLES\n### E\n$params = @{\n",
        "## EXAMPLES\n### E\n$p = @{ a = @(" * 50,
        "## NOTES\nKEY <T>: x\n" + "".join("  " * i + "- `[N <T>]`: d\n" for i in range(300)),
        "## PARAMETERS\n### -\n```yaml\n" + "[" * 5000 + "\n```\n",
        "## SYNTAX\n### (Default)\n```\n-\n```\n",
    ],
)
def test_never_raises_on_odd_input(text: str) -> None:
    assert_sane(parse(text, "odd.md"))


@pytest.mark.parametrize("relative", [REJECT, INVITE])
def test_truncated_pages_never_raise(relative: str) -> None:
    text = (REPO / relative).read_text(encoding="utf-8")
    for cut in range(0, len(text), 97):
        assert_sane(parse(text[:cut], relative))


def test_mutated_pages_never_raise() -> None:
    pieces = [
        "```",
        "@{",
        "@(",
        "}",
        ")",
        '"',
        "'",
        "`",
        "<#",
        "<!--",
        "\n### ",
        "\n## ",
        "$x = @{",
        "\n  - `[A <B>]`: ",
    ]
    texts = [(REPO / relative).read_text(encoding="utf-8") for relative in (REJECT, INVITE)]
    generator = random.Random(20240601)
    for _ in range(150):
        chars = list(generator.choice(texts))
        for _ in range(generator.randrange(1, 20)):
            chars.insert(generator.randrange(len(chars) + 1), generator.choice(pieces))
        assert_sane(parse("".join(chars), "mutated/beta/page.md"))


# -- unclosed fences (DL009, as in Markdown pages) -------------------------------------


def reject_without(line: int, replace: tuple[int, str] | None = None) -> str:
    """The shipped reject page with its 1-based ``line`` deleted (and another line replaced first)."""
    lines = (REPO / REJECT).read_text(encoding="utf-8").split("\n")
    if replace is not None:
        lines[replace[0] - 1] = replace[1]
    del lines[line - 1]
    return "\n".join(lines)


@pytest.mark.parametrize("opening", ["```", "```powershell"])
def test_example_fence_left_open_is_reported_once_and_the_page_still_reads(opening: str) -> None:
    """Without its closing fence (line 70), EXAMPLE 1's code ran up to EXAMPLE 2's opening fence,
    and every fence after it paired with the wrong one: ``## PARAMETERS`` and the parameter
    headings became code, silently."""
    page = parse(reject_without(70, replace=(68, opening)), "Invoke-X.md")
    assert [(d.code, d.span.line, d.span.column, d.message) for d in page.diagnostics] == [
        (
            "unclosed-fence",
            68,
            1,
            "this code fence is not closed before the heading `### EXAMPLE 2` on line 77: "
            "everything after line 68 up to line 77 is code; add the closing fence",
        )
    ]
    assert page.cmdlet is not None
    expected = load(REJECT).cmdlet
    assert expected is not None
    assert [p.name for p in page.cmdlet.parameters] == [p.name for p in expected.parameters]
    assert [e.title for e in page.cmdlet.examples] == ["EXAMPLE 1", "EXAMPLE 2"]
    assert [s.title for s in page.sections] == [s.title for s in load(REJECT).sections]


def test_parameter_fence_left_open_names_the_heading_it_swallows() -> None:
    page = parse(reject_without(104), "Invoke-X.md")
    assert [(d.code, d.span.line, d.span.column, d.message) for d in page.diagnostics] == [
        (
            "unclosed-fence",
            94,
            1,
            "this code fence is not closed before the heading `### -BodyParameter` on line 105: "
            "everything after line 94 up to line 118 is code; add the closing fence",
        )
    ]
    # The parameter whose fence was left open keeps its type; the ones after it are read as before.
    assert page.cmdlet is not None
    expected = load(REJECT).cmdlet
    assert expected is not None
    assert [(p.name, p.type) for p in page.cmdlet.parameters] == [(p.name, p.type) for p in expected.parameters]


def test_last_fence_left_open_runs_to_the_end_of_the_page() -> None:
    page = parse(reject_without(272), "Invoke-X.md")
    assert [(d.code, d.span.line, d.message) for d in page.diagnostics] == [
        (
            "unclosed-fence",
            262,
            "this code fence is not closed before the heading `### CommonParameters` on line 273: "
            "everything after line 262 to the end of the page is code; add the closing fence",
        )
    ]
