"""The review dashboard and the side-by-side views, on the shipped corpus and on hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lint.check import CheckOptions
from lint.review.command import ReportOptions, review_for
from lint.review.data import FindingGroup, LineText, PageReview, Review, ReviewFinding
from lint.site.align import align_lines, line_keys
from lint.site.dashboard import Document, dashboard_pages, read_documents, side_by_side, view_docnames
from tests.conftest import REPO, load_page
from tests.site_tables import list_tables

RU_PAGE = "review/ru-RU/beta/api/call-reject"


@pytest.fixture(scope="module")
def shipped() -> Iterator[dict[str, str]]:
    """The dashboard pages of the shipped corpus, from the same review ``doclint report`` writes (built once)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        review = review_for(ReportOptions(CheckOptions(paths=[], jobs=1)))
        yield dashboard_pages(review, read_documents(review))


def test_one_view_per_translated_page(shipped: dict[str, str]) -> None:
    assert sorted(shipped) == [
        "review/es-ES/v1.0/api/call-reject",
        "review/index",
        "review/ru-RU/beta/api/call-reject",
        "review/zh-CN/beta/api/call-reject",
    ]
    toctree = shipped["review/index"].split("```{toctree}\n:hidden:\n\n")[1]
    assert toctree == "es-ES/v1.0/api/call-reject\nru-RU/beta/api/call-reject\nzh-CN/beta/api/call-reject\n```\n"


def test_dashboard_tables(shipped: dict[str, str]) -> None:
    locales, kinds, spanish, russian, chinese = list_tables(shipped["review/index"])
    assert locales == [
        ["Locale", "Translated", "Fresh", "Stale", "Source unknown", "Orphan", "Untranslated"],
        ["es\\-ES", "1", "–", "0", "0", "0", "5"],
        ["ru\\-RU", "1", "–", "0", "0", "0", "5"],
        ["zh\\-CN", "1", "–", "0", "0", "0", "5"],
    ]
    # The drift rules of `doclint check` (issue 10), each finding counted once under the rule that leads it.
    drift = ["param-name-drift", "type-name-drift", "example-missing", "status-drift", "path-drift"]
    drift += ["param-missing", "header-drift", "json-drift"]
    assert kinds == [
        ["Locale", *(kind.replace("-", "\\-") for kind in drift), "page findings"],
        ["es\\-ES", "1", "2", "4", "0", "0", "0", "0", "0", "1"],
        ["ru\\-RU", "1", "0", "2", "1", "2", "1", "2", "2", "1"],
        ["zh\\-CN", "0", "0", "0", "0", "0", "0", "0", "0", "1"],
    ]
    header = ["Page", "English page", "Status", "Source commit", "Handoff"]
    assert spanish == [
        [*header, "param\\-name\\-drift", "type\\-name\\-drift", "example\\-missing", "page findings"],
        [
            "[`v1.0/api/call-reject.txt`](<es-ES/v1.0/api/call-reject.md>)",
            "`docs_src/v1.0/api/call-reject.md`",
            "{bdg-light}`not judged`",
            "–",
            "–",
            "{ref}`1 <review-es-es-v1.0-api-call-reject-line-9>`",
            "{ref}`2 <review-es-es-v1.0-api-call-reject-line-10>`",
            "{ref}`4 <review-es-es-v1.0-api-call-reject-line-15>`",
            "{ref}`1 <review-es-es-v1.0-api-call-reject-line-11>`",
        ],
    ]
    # Each count links to the row of the first finding of its kind in the side-by-side view.
    ru_kinds = ["status-drift", "path-drift", "param-name-drift", "param-missing", "header-drift", "json-drift"]
    ru_kinds.append("example-missing")
    assert russian == [
        [*header, *(kind.replace("-", "\\-") for kind in ru_kinds), "page findings"],
        [
            "[`beta/api/call-reject.md`](<ru-RU/beta/api/call-reject.md>)",
            "`docs_src/beta/api/call-reject.md`",
            "{bdg-light}`not judged`",
            "`3e5f4f5`",
            "05\\/06\\/2019",
            "{ref}`1 <review-ru-ru-beta-api-call-reject-line-49>`",
            "{ref}`2 <review-ru-ru-beta-api-call-reject-line-33>`",
            "{ref}`1 <review-ru-ru-beta-api-call-reject-line-46>`",
            "{ref}`1 <review-ru-ru-beta-api-call-reject-line-44>`",
            "{ref}`2 <review-ru-ru-beta-api-call-reject-line-37>`",
            "{ref}`2 <review-ru-ru-beta-api-call-reject-line-75>`",
            "{ref}`2 <review-ru-ru-beta-api-call-reject-line-29>`",
            "{ref}`1 <review-ru-ru-beta-api-call-reject-line-51>`",
        ],
    ]
    assert chinese[1][3:] == ["`94c4acf`", "06\\/06\\/2021", "{ref}`1 <review-zh-cn-beta-api-call-reject-line-55>`"]


def test_dashboard_lists_untranslated_pages(shipped: dict[str, str]) -> None:
    coverage = shipped["review/index"].split("## Coverage: English pages without a translation\n")[1]
    russian = coverage.split("### ru\\-RU: 5 untranslated\n\n")[1].split("\n\n")[0]
    assert russian.splitlines() == [
        "- `docs_src/beta/api/participant-invite.md`",
        "- `docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md`",
        "- `docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md`",
        "- `docs_src/v1.0/api/call-reject.md`",
        "- `docs_src/v1.0/api/participant-invite.md`",
    ]


def test_russian_status_drift_is_one_row_with_both_statuses_marked(shipped: dict[str, str]) -> None:
    """The reviewer sees the ru-RU `200 OK` beside the English `202 Accepted`, both marked, and the finding."""
    (table,) = list_tables(shipped[RU_PAGE])
    assert table[0] == ["en\\-US", "English", "ru\\-RU", "Translation"]
    row = next(row for row in table if row[2] == "**49**")
    assert row == [
        "54",
        "`` If successful, this method returns a ` ``**`202 Accepted`**`` ` response code. "
        "It does not return anything in the response body. ``",
        "**49**",
        "(review-ru-ru-beta-api-call-reject-line-49)=\n"
        "`` В случае успешного выполнения этот метод возвращает код отклика ` ``**`200 OK`**`` `. "
        "В тексте отклика не возвращается никаких данных. ``\n\n"
        "{bdg-danger}`DL601` **error** `status-drift`: "
        "the Response section says `200 OK`\\, where the English page\\'s Response section says `202 Accepted` "
        "\\(also\\: DL101\\)",
    ]


def test_russian_header_row_marks_the_words_that_differ(shipped: dict[str, str]) -> None:
    (table,) = list_tables(shipped[RU_PAGE])
    row = next(row for row in table if row[2] == "**39**")
    assert row[:2] == ["42", "`|`**` Authorization`**` | Bearer {`**`token`**`}.`**` Required`**`. |`"]
    assert row[3].split("\n")[1] == "`|`**` Авторизация`**` | Bearer {`**`токен`**`}.`**` Обязательный`**`. |`"


def test_a_missing_row_stays_beside_nothing_and_both_ends_say_so(shipped: dict[str, str]) -> None:
    """The lost `Content-type` row is not pulled beside the translated header the finding is reported at."""
    (table,) = list_tables(shipped[RU_PAGE])
    header = next(row for row in table if row[2] == "**37**")
    assert header[0] == "40"
    assert header[3].endswith(
        "that the English table lists (en\\-US line 43: `| Content-type  | application/json. Required.|`)"
    )
    lost = next(row for row in table if row[0] == "**43**")
    assert lost == [
        "**43**",
        "`| Content-type  | application/json. Required.|`\n\n{bdg-warning-line}`DL606` reported at ru\\-RU line 37",
        "",
        "",
    ]


def test_bilingual_lines_show_their_translation_without_markup(shipped: dict[str, str]) -> None:
    view = shipped["review/zh-CN/beta/api/call-reject"]
    assert "data-ttu-id" not in view and "sxs-lookup" not in view
    (table,) = list_tables(view)
    row = next(row for row in table if row[2] == "**55**")
    assert row[:2] == [
        "50",
        "``|reason|String|The rejection reason. Possible values are `None`, `Busy` and `Forbidden` |``",
    ]
    assert row[3].split("\n")[1] == "``|reason|String|拒绝原因。 可能的值是 `None` 、 `Busy` 和 `Forbidden` |``"
    # Every embedded English sentence is today's English line beside it: none is shown.
    assert "embedded English" not in view


def test_embedded_english_is_shown_when_the_english_page_says_something_else() -> None:
    sxs = (
        '<span data-ttu-id="1">超时值为 15 秒。</span>'
        '<span class="sxs-lookup"><span data-stu-id="1">The timeout value is 15 seconds.</span></span>'
    )
    page = page_review("locales/zh-CN/a.md", "zh-CN", "docs_src/a.md", [])
    documents = {
        "locales/zh-CN/a.md": Document(['# <a name="t"></a>T', sxs]),
        "docs_src/a.md": Document(["# T", "The timeout value is 30 seconds."]),
    }
    (table,) = list_tables(side_by_side(page, documents, "en-US", "index.md", "a"))
    assert table[1:] == [
        ["1", "`# T`", "1", '`# <a name="t"></a>T`'],
        [
            "2",
            "`The timeout value is 30 seconds.`",
            "2",
            "`超时值为 15 秒。`\n\n*embedded English:* `The timeout value is 15 seconds.`",
        ],
    ]


def test_every_line_of_both_pages_appears_once_in_order(shipped: dict[str, str], in_repo: Path) -> None:
    (table,) = list_tables(shipped[RU_PAGE])
    english = [int(row[0].strip("*")) for row in table[1:] if row[0]]
    translated = [int(row[2].strip("*")) for row in table[1:] if row[2]]
    assert english == list(range(1, len(Path("docs_src/beta/api/call-reject.md").read_text().splitlines()) + 1))
    assert translated == list(range(1, len(Path("locales/ru-RU/beta/api/call-reject.md").read_text().splitlines()) + 1))


def test_alignment_of_the_russian_page(in_repo: Path) -> None:
    """Headings by anchor, table rows by place, code by text; the drifted prose line on its English line."""
    translated, english = "locales/ru-RU/beta/api/call-reject.md", "docs_src/beta/api/call-reject.md"
    left = line_keys(Path(translated).read_text().splitlines(), load_page(translated))
    right = line_keys(Path(english).read_text().splitlines(), load_page(english))
    rows = align_lines(left, right, [(49, 54), (37, 43), (119, 37)])
    assert {row for row in rows if row[0] in {14, 36, 37, 38, 39, 48, 49, 111, 119} or row[1] == 43} == {
        (14, 10),  # `# <a name="call-reject"></a>вызов: отклонено` / `# call: reject`
        (36, 39),  # request headers heading
        (37, 40),  # table header, not the missing row (37, 43) a finding names
        (38, 41),
        (39, 42),  # Авторизация / Authorization
        (None, 43),  # Content-type: lost in the translation
        (48, 53),
        (49, 54),  # 200 OK / 202 Accepted
        (111, 159),  # the request of the one example the translation has: the English second one
        (119, 168),  # its request line, not the deprecation note (37) a finding names
    }


def test_anchor_pulls_lines_together_when_nothing_contradicts_it() -> None:
    left = ["h:a", "text:x", "text:y", "h:b"]
    right = ["h:a", "text:1", "text:2", "text:3", "h:b"]
    assert align_lines(left, right) == [(1, 1), (2, 2), (3, 3), (None, 4), (4, 5)]
    assert align_lines(left, right, [(3, 4)]) == [(1, 1), (2, 2), (None, 3), (3, 4), (4, 5)]
    # (3, 2) crosses (2, 4), taken first; (9, 1) names no line; (1, 3) crosses the headings matched by content.
    assert align_lines(left, right, [(3, 2), (2, 4), (9, 1), (1, 3)]) == [
        (1, 1),
        (None, 2),
        (None, 3),
        (2, 4),
        (3, None),
        (4, 5),
    ]


def page_review(path: str, locale: str, english: str | None, findings: list[ReviewFinding]) -> PageReview:
    groups = [FindingGroup("page", False, findings)] if findings else []
    return PageReview(path, locale, english, "unjudged", groups)


def test_view_names_keep_the_extension_only_when_two_files_would_share_a_name() -> None:
    pages = [
        page_review("locales/es-ES/v1.0/api/call-reject.md", "es-ES", None, []),
        page_review("locales/es-ES/v1.0/api/call-reject.txt", "es-ES", None, []),
        page_review("locales/es-ES/v1.0/api/a b.md", "es-ES", None, []),
        page_review("locales/es-ES/v1.0/api/a(b.md", "es-ES", None, []),
        page_review("locales/ru-RU/v1.0/api/call-reject.md", "ru-RU", None, []),
    ]
    review = Review(1, 0, False, "en-US", [], pages)
    assert list(view_docnames(review).values()) == [
        "review/es-ES/v1.0/api/call-reject-md",
        "review/es-ES/v1.0/api/call-reject-txt",
        "review/es-ES/v1.0/api/a-b-md",
        "review/es-ES/v1.0/api/a-b-md-2",
        "review/ru-RU/v1.0/api/call-reject",
    ]


HOSTILE_LINE = "<script>alert(1)</script> *x* {{y}} $z$ | `q` [l](javascript:alert(1)) <img src=x onerror=alert(1)>"


def hostile_view() -> str:
    """A side-by-side page whose lines, paths and message are all hostile."""
    translated = LineText("locales/xx-XX/<b>evil</b>.md", 2, HOSTILE_LINE + " перевод")
    finding = ReviewFinding(  # a drift finding: the two hostile lines are compared and their differences marked
        code="DL601",
        name="status-drift",
        severity="error",
        line=2,
        column=1,
        end_line=2,
        message="says `<script>alert(2)</script>` but *shows* {{nothing}} <iframe src=x>",
        translated=translated,
        english=LineText("docs_src/<b>evil</b>.md", 2, HOSTILE_LINE),
    )
    page = page_review(translated.path, "xx-XX", "docs_src/<b>evil</b>.md", [finding])
    documents = {
        translated.path: Document(["# <i>T</i>", translated.text]),
        "docs_src/<b>evil</b>.md": Document(["# T", HOSTILE_LINE]),
    }
    return side_by_side(page, documents, "en-US", "review/index.md", "hostile")


def test_hostile_text_is_escaped_or_in_code_spans() -> None:
    view = hostile_view()
    assert "# xx\\-XX: \\<b\\>evil\\<\\/b\\>\\.md\n" in view
    (table,) = list_tables(view)
    assert table[2][1] == f"``{HOSTILE_LINE}``"
    assert table[2][3].endswith(
        "{bdg-danger}`DL601` **error** `status-drift`: says `<script>alert(2)</script>` but "
        "\\*shows\\* \\{\\{nothing\\}\\} \\<iframe src\\=x\\>"
    )
