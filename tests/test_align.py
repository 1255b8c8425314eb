"""Alignment of a translation with its English page (``lint.align``): what stands for what."""

from __future__ import annotations

from lint.align.http import compare_syntax, path_shape, same_request
from lint.align.tables import aligned_tables, missing_tables, pair_rows, row_name
from lint.model import Cell, HttpRequest, Page, Span, Table, TableRow
from lint.parse.detect import parse_source
from lint.source import decode_source


def page(path: str, text: str) -> Page:
    return parse_source(decode_source(path, text.encode("utf-8")))


def request(line: str) -> HttpRequest:
    method, target = line.split(" ", 1)
    path, _, query = target.partition("?")
    return HttpRequest(method, target, path, Span("p.md", 1, 1, 1), "syntax", query=query)


def test_placeholder_names_sample_values_case_and_trailing_slash_are_the_same_request() -> None:
    assert same_request(
        request("POST /communications/calls/{id}/reject"), request("post /Communications/calls/{call-id}/reject/")
    )
    assert same_request(request("GET /users/{id | userPrincipalName}"), request("GET /users/{id}"))
    assert same_request(request("GET /domains/contoso.com/records"), request("GET /domains/{id}/records"))
    assert same_request(
        request("GET /me/drive/root:/{item-path}:/workbook"), request("GET /me/drive/root:/{p}:/workbook")
    )


def test_method_path_and_query_names_make_another_request() -> None:
    base = request("GET /things/{id}?$select=size")
    assert not same_request(request("DELETE /things/{id}?$select=size"), base)
    assert not same_request(request("GET /items/{id}?$select=size"), base)
    assert not same_request(request("GET /things/{id}?$expand=size"), base)
    assert same_request(request("GET /things/{id}?$select=name"), base)
    assert not same_request(request("GET /me/drive/root:/{p}:/workbook"), request("GET /me/drive/items/{id}/workbook"))
    assert not same_request(request("GET /users/{id}/memberOf"), request("GET /users/memberOf/{id}"))


def test_example_paths_compare_by_shape_with_ids_aside() -> None:
    assert path_shape("/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject") == path_shape(
        "/communications/calls/{id}/reject"
    )
    assert path_shape("/users/john@contoso.com/events") == path_shape("/users/{user-id}/events")
    assert path_shape("/app/calls/{id}/reject") != path_shape("/communications/calls/{id}/reject")


def test_syntax_lines_compare_as_sets_and_a_replaced_line_pairs_with_the_missing_one() -> None:
    english = page(
        "docs_src/a.md",
        "# a\n\n## HTTP request\n```http\nPOST /app/calls/{id}/reject\nPOST /communications/calls/{id}/reject\n```\n",
    )
    translated = page(
        "locales/ru-RU/a.md",
        '# a\n\n## <a name="http-request"></a>HTTP-запрос\n```http\n'
        "POST /applications/{id}/calls/{id}/reject\nPOST /app/calls/{call-id}/reject\n```\n",
    )
    difference = compare_syntax(translated, english)
    assert [(new.path, old.path) for new, old in difference.replaced] == [
        ("/applications/{id}/calls/{id}/reject", "/communications/calls/{id}/reject")
    ]
    assert difference.extra == difference.missing == ()


def test_a_line_english_lacks_pairs_with_the_missing_line_most_like_it() -> None:
    english = page(
        "docs_src/a.md",
        "# a\n\n## HTTP request\n```http\nGET /me/drive/items/{id}/workbook/names\nGET /sites/{id}/lists\n```\n",
    )
    translated = page(
        "locales/es-ES/a.md",
        '# a\n\n## <a name="http-request"></a>Solicitud HTTP\n```http\nDELETE /groups\nGET /workbook/names\n```\n',
    )
    difference = compare_syntax(translated, english)
    assert [(new.path, old.path) for new, old in difference.replaced] == [
        ("/workbook/names", "/me/drive/items/{id}/workbook/names")
    ]
    assert [line.path for line in difference.extra] == ["/groups"]
    assert [line.path for line in difference.missing] == ["/sites/{id}/lists"]


def _table(section: str, *names: str, sources: tuple[str | None, ...] = ()) -> Table:
    span = Span("p.md", 1, 1, 1)

    def row(index: int, name: str) -> TableRow:
        source = sources[index] if index < len(sources) else None
        return TableRow((Cell(name, span, source), Cell("String", span)), span)

    header = TableRow((Cell("Name", span), Cell("Type", span)), span)
    return Table("body-parameters", header, tuple(row(i, n) for i, n in enumerate(names)), span, section=section)


def test_tables_pair_by_section_before_order() -> None:
    first, second = _table("create", "a"), _table("update", "b")
    english = Page("docs_src/x.md", "en-US", None, "rest", "markdown", tables=(first, second))
    only_second = _table("update", "b")
    translated = Page("locales/de-DE/x.md", "de-DE", None, "rest", "markdown", tables=(only_second,))
    assert aligned_tables(translated, english, "body-parameters") == [(only_second, second)]
    assert missing_tables(translated, english, "body-parameters") == [first]


def test_a_bilingual_cell_pairs_by_its_embedded_english_wherever_it_stands() -> None:
    english = _table("s", "top", "filter")
    translated = _table("s", "筛选", "top", sources=("filter", "top"))
    pairing = pair_rows(translated, english)
    assert [(row_name(row), row_name(source)) for row, source in pairing.paired] == [("筛选", "filter"), ("top", "top")]


def test_a_valid_header_name_is_not_taken_for_a_translation_of_the_one_at_its_place() -> None:
    english, translated = _table("h", "Authorization", "Content-Type"), _table("h", "Authorization", "Prefer")
    pairing = pair_rows(translated, english, by_place=lambda name: not name.isascii())
    assert [row_name(row) for row in pairing.missing] == ["Content-Type"]
    assert [row_name(row) for row in pairing.extra] == ["Prefer"]
    assert len(pair_rows(translated, english).paired) == 2


def test_a_name_that_stands_twice_pairs_twice() -> None:
    english, translated = (
        _table("h", "Authorization", "Prefer", "Prefer"),
        _table("h", "Authorization", "Prefer", "Prefer"),
    )
    pairing = pair_rows(translated, english, by_place=lambda name: not name.isascii())
    assert len(pairing.paired) == 3 and pairing.missing == pairing.extra == ()


def test_path_shape_is_computed_once_per_path() -> None:
    path = "/communications/calls/{call-id}/cached-shape-test"
    first = path_shape(path)
    assert path_shape(path) is first  # drift rules ask for the same few thousand paths 112,048 times a run
    assert first == ("communications", "calls", "{}", "cached-shape-test")
