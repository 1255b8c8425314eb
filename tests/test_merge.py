"""One defect, one finding: findings of several rules on the same token at the same place merge."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from lint.config import load_config
from lint.diagnostic import Diagnostic, RelatedLocation
from lint.engine import check_page
from lint.merge import absorb_into_drift, merge, token_of, unmerge
from lint.parse.detect import parse_source
from lint.rules import Severity
from lint.source import decode_source

RU = "locales/ru-RU/beta/api/call-reject.md"
ENGLISH = "docs_src/beta/api/call-reject.md"
EXAMPLE_KEY = RelatedLocation(RU, 124, 3, 124, "example key `reason`")
ENGLISH_ROW = RelatedLocation(ENGLISH, 50, 2, 50, "the English page names this parameter `reason`")


def finding(
    code: str,
    message: str,
    related: tuple[RelatedLocation, ...] = (),
    severity: Severity = "error",
    column: int = 2,
) -> Diagnostic:
    return Diagnostic(code, "rule", severity, RU, 46, column, 46, message, related, identity=f"{code} {message}")


ROW = finding("DL201", "body parameter `причиной` is used by no request example", (EXAMPLE_KEY, ENGLISH_ROW))
SCHEMA = finding("DL505", "`причиной` is not a parameter of microsoft.graph.reject", (ENGLISH_ROW,))


def test_the_clearest_finding_leads_and_names_the_others() -> None:
    [merged] = merge([SCHEMA, ROW])
    assert merged.code == "DL201"  # both show the English row; this one the example key too
    assert merged.message == "body parameter `причиной` is used by no request example (also: DL505)"
    assert merged.also == ("DL505",)
    assert merged.severity == "error"  # the highest of the parts
    assert merged.related == (EXAMPLE_KEY, ENGLISH_ROW)  # the English row once
    assert merged.identity == ROW.identity  # baselines keep matching the leader
    assert merged.fingerprint == ROW.fingerprint


def test_a_finding_that_shows_the_english_page_beats_a_more_severe_one() -> None:
    bare = finding("DL106", "`причиной` is not allowed here", severity="error")
    english = finding("DL601", "`причиной` stands where English has `reason`", (ENGLISH_ROW,), "info")
    [merged] = merge([bare, english])
    assert (merged.code, merged.also, merged.severity) == ("DL601", ("DL106",), "error")


def test_a_finding_that_names_the_meant_identifier_beats_a_bare_one() -> None:
    bare = finding("DL601", "the body parameter `estado` is not in the English table", severity="warning")
    meant = finding(
        "DL201", "body parameter `estado` is used by no request example; the examples send `state`", severity="info"
    )
    [merged] = merge([bare, meant])
    assert (merged.code, merged.also, merged.severity) == ("DL201", ("DL601",), "warning")


def test_only_the_same_token_at_the_same_place_merges() -> None:
    other_token = finding("DL505", "`reason` is not a parameter")
    other_column = finding("DL505", "`причиной` is not a parameter", column=3)
    no_token = finding("DL505", "this row is not a parameter")
    same_rule = finding("DL201", "body parameter `причиной` appears twice")
    found = merge([ROW, other_token, other_column, no_token, same_rule])
    assert sorted((item.code, item.column, item.message) for item in found) == sorted(
        (item.code, item.column, item.message) for item in [ROW, other_token, other_column, no_token, same_rule]
    )
    assert all(not item.also for item in found)


def test_unmerge_gives_back_every_finding_as_reported() -> None:
    unrelated = finding("DL101", "the Response section says `200 OK`", column=9)
    assert unmerge(merge([ROW, SCHEMA, unrelated])) == sorted([ROW, SCHEMA, unrelated], key=Diagnostic.sort_key)


def test_the_token_is_the_first_code_span() -> None:
    assert token_of(ROW) == "причиной"
    assert token_of(finding("DL505", "no code here")) is None


def check_ru(in_repo: Path, text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    page = parse_source(decode_source(RU, text.encode("utf-8")))
    return [(item.line, item.column, item.code, item.also) for item in check_page(page, load_config())]


def test_the_engine_merges_after_suppressions(in_repo: Path) -> None:
    """Suppressing the leading rule lets the other one report the defect alone, not nothing."""
    text = (in_repo / RU).read_text(encoding="utf-8")
    assert (46, 2, "DL603", ("DL201", "DL505")) in check_ru(in_repo, text)
    found = check_ru(in_repo, "<!-- doclint-disable-file DL603 -->\n" + text)
    assert [item for item in found if item[0] == 47] == [(47, 2, "DL201", ("DL505",))]
    found = check_ru(in_repo, "<!-- doclint-disable-file DL603, DL201 -->\n" + text)
    assert [item for item in found if item[0] == 47] == [(47, 2, "DL505", ())]


ENGLISH_LINE = RelatedLocation(ENGLISH, 35, 1, 35, "the English page lists `POST /communications/calls/{id}/reject`")
DRIFT = finding(
    "DL602",
    "request line `POST /applications/{id}/calls/{id}/reject` is not in the English HTTP request section",
    (ENGLISH_LINE,),
    "warning",
    column=1,
)
UNKNOWN = finding("DL504", "`POST /applications/{id}/calls/{id}/reject` matches no operation", column=1)
REPEATED = finding(
    "DL103", "path `/applications/{id}/calls/{id}/reject` uses `{id}` twice", severity="warning", column=1
)


def test_a_drift_finding_absorbs_the_page_rules_findings_in_its_request_line() -> None:
    """Restoring the English line repairs the repeated `{id}` too: one defect, one finding."""
    [merged] = absorb_into_drift(merge([REPEATED, UNKNOWN, DRIFT]))
    assert (merged.code, merged.also, merged.severity) == ("DL602", ("DL103", "DL504"), "error")
    assert merged.message == f"{DRIFT.message} (also: DL103, DL504)"
    assert merged.identity == DRIFT.identity
    assert unmerge([merged]) == sorted([DRIFT, UNKNOWN, REPEATED], key=Diagnostic.sort_key)
    # Where the English line it cites repeats a placeholder too, restoring it keeps the defect: no absorption.
    kept = absorb_into_drift(merge([REPEATED, UNKNOWN, DRIFT]), {(ENGLISH, 35, "DL103")})
    assert [(item.code, item.also) for item in kept] == [("DL103", ()), ("DL602", ("DL504",))]


def test_a_drift_finding_absorbs_only_a_whole_token_of_its_line_and_no_inherited_finding() -> None:
    deprecated = finding("DL104", "example request uses `/app`, deprecated", severity="warning", column=1)
    elsewhere = finding("DL104", "example request uses `/app`, deprecated", severity="warning", column=3)
    drift = finding("DL602", "example `x` is `POST /apps/calls`; English has `POST /calls`", (ENGLISH_LINE,), column=1)
    # `/app` is not `/apps`.
    assert absorb_into_drift([deprecated, drift]) == sorted([deprecated, drift], key=Diagnostic.sort_key)
    on_app = finding("DL602", "example `x` is `POST /app/calls`; English has `POST /calls`", (ENGLISH_LINE,), column=1)
    assert [(item.code, item.also) for item in absorb_into_drift([deprecated, on_app])] == [("DL602", ("DL104",))]
    assert len(absorb_into_drift([elsewhere, on_app])) == 2  # another place
    # English has it too: the drift is not its cause.
    assert len(absorb_into_drift([replace(deprecated, inherited=True), on_app])) == 2
