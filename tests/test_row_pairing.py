"""How a translated table's rows are matched to the English table's (``lint.align.tables.pair_rows``)."""

from __future__ import annotations

from lint.align.tables import pair_rows, row_name
from lint.model import Cell, Span, Table, TableRow


def table(*names: str) -> Table:
    def row(name: str, line: int) -> TableRow:
        span = Span("page.md", line, 1, line)
        return TableRow((Cell(name, span), Cell("String", span)), span)

    span = Span("page.md", 1, 1, 1)
    return Table("body-parameters", row("Parameter", 1), tuple(row(name, 3 + n) for n, name in enumerate(names)), span)


def names(rows: tuple[TableRow, ...]) -> list[str]:
    return [row_name(row) for row in rows]


def pairs(translated: Table, english: Table) -> list[tuple[str, str]]:
    return [(row_name(row), row_name(source)) for row, source in pair_rows(translated, english).paired]


def test_rows_match_by_name_ignoring_case_and_order() -> None:
    english, translated = table("a", "B", "c"), table("c", "b", "`a`")
    assert pairs(translated, english) == [("c", "c"), ("b", "B"), ("a", "a")]
    assert pair_rows(translated, english).missing == pair_rows(translated, english).extra == ()


def test_a_name_translated_in_place_stands_for_the_english_row_there() -> None:
    english, translated = table("reason", "callbackUri"), table("причиной")
    pairing = pair_rows(translated, english)
    assert pairs(translated, english) == [("причиной", "reason")]
    assert (names(pairing.missing), names(pairing.extra)) == (["callbackUri"], [])


def test_an_ascii_translation_in_place_pairs_too() -> None:
    english, translated = table("reason", "callbackUri"), table("motivo", "callbackUri")
    assert pairs(translated, english) == [("motivo", "reason"), ("callbackUri", "callbackUri")]


def test_a_moved_translated_name_takes_the_english_row_left_over() -> None:
    english, translated = table("displayName", "size"), table("Größe", "displayName")
    pairing = pair_rows(translated, english)
    assert pairs(translated, english) == [("Größe", "size"), ("displayName", "displayName")]
    assert pairing.missing == pairing.extra == ()


def test_rows_beyond_the_english_table_are_extra() -> None:
    pairing = pair_rows(table("a", "b", "weight"), table("a", "b"))
    assert (names(pairing.missing), names(pairing.extra)) == ([], ["weight"])


def test_rows_without_a_name_are_not_compared() -> None:
    pairing = pair_rows(table("a", ""), table("a", "", "b"))
    assert (names(pairing.missing), names(pairing.extra)) == (["b"], [])


def test_a_row_more_before_a_translated_name_does_not_shift_it() -> None:
    """Between rows of the same name, the rest pair in order: `классификация` is `grading`, not `instructions`."""
    english = table("dueDateTime", "grading", "instructions", "notificationChannelUrl")
    translated = table("addToCalendarAction", "dueDateTime", "классификация", "инструкции", "notificationChannelUrl")
    pairing = pair_rows(translated, english)
    assert pairs(translated, english) == [
        ("dueDateTime", "dueDateTime"),
        ("классификация", "grading"),
        ("инструкции", "instructions"),
        ("notificationChannelUrl", "notificationChannelUrl"),
    ]
    assert (names(pairing.missing), names(pairing.extra)) == ([], ["addToCalendarAction"])


def described(*rows: tuple[str, str]) -> Table:
    """A table whose rows have a description cell (where inline code tells rows apart)."""
    span = Span("page.md", 1, 1, 1)
    body = tuple(TableRow((Cell(name, span), Cell("String", span), Cell(text, span)), span) for name, text in rows)
    return Table("body-parameters", TableRow((Cell("Name", span),), span), body, span)


def test_where_english_added_rows_a_description_code_finds_the_row_order_cannot() -> None:
    """es-ES driveitem-createlink: English added `password` and `expirationDateTime` before `scope`;
    the translated `ámbito` writes scope's values, so it is `scope`, not the `password` at its place."""
    english = described(
        ("type", "Either `view`, `edit`, or `embed`."),
        ("password", "The password of the sharing link."),
        ("expirationDateTime", "The expiration time."),
        ("scope", "Either `anonymous` or `organization`."),
    )
    translated = described(("type", "`view`, `edit` o `embed`."), ("ámbito", "`anonymous` o `organization`."))
    pairing = pair_rows(translated, english)
    assert pairs(translated, english) == [("type", "type"), ("ámbito", "scope")]
    assert names(pairing.missing) == ["password", "expirationDateTime"]


def test_a_row_whose_code_contradicts_the_row_at_its_place_pairs_with_none() -> None:
    english = described(("a", "x"), ("b", "Either `on` or `off`."), ("c", "Either `up` or `down`."))
    translated = described(("a", "x"), ("бэ", "`left` или `right`."))
    pairing = pair_rows(translated, english)
    assert pairs(translated, english) == [("a", "a")]
    assert (names(pairing.missing), names(pairing.extra)) == (["b", "c"], ["бэ"])


def test_gaps_of_equal_size_still_pair_in_order_whatever_their_code() -> None:
    english = described(("a", "x"), ("b", "`on`"))
    translated = described(("a", "x"), ("бэ", "`вкл`"))
    assert pairs(translated, english) == [("a", "a"), ("бэ", "b")]
