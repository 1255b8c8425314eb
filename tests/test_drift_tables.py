"""What the table drift rules read from a cell: type names and permission names."""

from __future__ import annotations

from lint.model import Cell, Span, TableRow
from lint.rules.drift_tables import _translated_type, permission_names
from lint.terms.identifiers import TYPE_TOKEN, api_identifier, type_identifiers


def test_type_names_are_the_identifiers_of_a_type_cell() -> None:
    assert type_identifiers("String collection") == ["String"]
    assert type_identifiers("[call](../resources/call.md)") == ["call"]
    assert type_identifiers("[thingOrder](../resources/thingorder.md) collection") == ["thingOrder"]
    assert type_identifiers("chatInfo") == ["chatInfo"]
    assert type_identifiers("microsoft.graph.call") == ["microsoft.graph.call"]
    assert type_identifiers("Boolean") == ["Boolean"]
    assert type_identifiers("string (read-only)") == ["string"]
    assert type_identifiers("[Call](../resources/call.md)") == ["Call"]


def test_permission_names_are_the_dotted_names_beyond_the_first_cell() -> None:
    span = Span("p.md", 1, 1, 1)
    row = TableRow((Cell("Application", span), Cell("Calls.Initiate.All, `Calls.AccessMedia.All`", span)), span)
    assert permission_names(row) == {"Calls.Initiate.All", "Calls.AccessMedia.All"}
    none = TableRow((Cell("Delegated (work or school account)", span), Cell("Not supported.", span)), span)
    assert permission_names(none) == set()


def test_a_type_name_is_read_without_a_trailing_full_stop_or_a_glued_translation() -> None:
    assert type_identifiers("iTunesPairingMode.") == ["iTunesPairingMode"]
    assert type_identifiers("identityProvider collection") == ["identityProvider"]
    assert [token.lower() for token in TYPE_TOKEN.findall("identityProvider集合")] == ["identityprovider"]


def test_the_identifier_of_an_english_first_cell_leaves_a_remark_out() -> None:
    assert api_identifier("backupReviewers (deprecated)") == "backupReviewers"
    assert api_identifier("Microsoft Defender Advanced Threat Protection") is None
    assert api_identifier("Delegated (personal Microsoft account") == "Delegated"


def test_a_type_in_the_readers_language_is_told_from_another_type() -> None:
    assert _translated_type("Cadena") and _translated_type("Booleano") and _translated_type("字符串")
    assert _translated_type("Коллекция строк")
    assert not _translated_type("Guid") and not _translated_type("educationUserRole")
    assert not _translated_type("[call](../resources/call.md)") and not _translated_type("Int32")
