"""The five schema rules (DL501-DL505) run through the real engine, against the fixture CSDL.

Each page under ``tests/fixtures/schema_rules`` states every finding it must
produce (of any rule) in an ``<!-- expect: LINE:COL CODE, ... -->`` comment:
on the first line of a Markdown page, right after the front matter of a
platyPS page (whose detection needs ``---`` first). The pages are copied into
a temporary project, ``docs_src/v1.0/api/``, whose ``[tool.doclint] metadata``
names ``tests/fixtures/csdl/example.csdl`` for v1.0: the schema store is built
from it once per module (stores are cached per project root and version).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from msgspec.structs import replace

from lint.cli import main
from lint.config import Config, load_config
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.schemas.bundled import BUNDLED
from lint.schemas.store import cache_directory, store_for
from lint.source import read_source

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures" / "schema_rules"
CSDL = TESTS / "fixtures" / "csdl" / "example.csdl"
#: Where the project's pyproject.toml finds its copy of CSDL.
PROJECT_CSDL = "metadata/example.csdl"
PAGES = sorted(path.name for path in FIXTURES.glob("*.md"))
SCHEMA_RULES = {"DL501", "DL502", "DL503", "DL504", "DL505", "DL506", "DL507"}
_EXPECT = re.compile(r"<!--\s*expect:(?P<items>[^>]*)-->")

Finding = tuple[int, int, str]

#: Fixtures whose expectation is right but which lint/ gets wrong today: name -> (reason, the
#: exact findings produced instead). Such a test xfails only while it produces exactly those.
KNOWN_BUGS: dict[str, tuple[str, list[Finding]]] = {
    "invite-repeated-keys.md": (
        "lint/rules/schema.py _hashtable_position drops array indices and returns the first line assigning "
        "the pointer's last key, so an error in the 2nd hashtable of @( @{...} @{...} ) is reported at the 1st",
        [(41, 4, "DL502"), (42, 4, "DL502")],
    ),
    "cancel-computed-values.md": (
        "lint/rules/schema.py powershell_example_invalid validates computed values ($reason, "
        "[System.DateTime]::Parse(...)), which the PowerShell converter keeps as their source text, "
        "as if they were string literals",
        [(41, 2, "DL502"), (42, 2, "DL502")],
    ),
}


def expected(text: str) -> list[Finding]:
    """The findings a fixture states: line 1 of Markdown, or the first line after platyPS front matter."""
    lines = text.splitlines()
    index = 0
    if lines and lines[0] == "---":
        index = lines.index("---", 1) + 1
    match = _EXPECT.fullmatch(lines[index].strip())
    assert match, "fixture must start (after any front matter) with an expect comment"
    result = []
    for item in (part.strip() for part in match.group("items").split(",")):
        if item:
            where, code = item.split()
            line, column = where.split(":")
            result.append((int(line), int(column), code))
    return sorted(result)


def write_project(root: Path, metadata: bool) -> Path:
    api = root / "docs_src" / "v1.0" / "api"
    api.mkdir(parents=True)
    for name in PAGES:
        shutil.copyfile(FIXTURES / name, api / name)
    # A configured CSDL must lie inside the project (issue 12): the fixture is copied in.
    (root / "metadata").mkdir()
    shutil.copyfile(CSDL, root / PROJECT_CSDL)
    table = f"metadata = {{ {json.dumps('v1.0')} = {json.dumps(PROJECT_CSDL)} }}\n" if metadata else ""
    (root / "pyproject.toml").write_text("[tool.doclint]\n" + table, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("schema-rules"), metadata=True)


@pytest.fixture(scope="module")
def config(project: Path) -> Config:
    return load_config(project / "pyproject.toml")


@pytest.fixture(scope="module")
def results(project: Path, config: Config) -> dict[str, list[Diagnostic]]:
    """Every fixture page checked by every rule, once."""
    api = project / "docs_src" / "v1.0" / "api"
    return {name: check_page(parse_source(read_source(str(api / name))), config) for name in PAGES}


def findings(diagnostics: list[Diagnostic]) -> list[Finding]:
    return sorted((item.line, item.column, item.code) for item in diagnostics)


def the(results: dict[str, list[Diagnostic]], page: str, line: int, code: str) -> Diagnostic:
    """The one finding of ``code`` on ``line`` of ``page``."""
    (found,) = [item for item in results[page] if item.line == line and item.code == code]
    return found


# -- the fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_fixture_findings(results: dict[str, list[Diagnostic]], page: str) -> None:
    found = findings(results[page])
    wanted = expected((FIXTURES / page).read_text(encoding="utf-8"))
    if page in KNOWN_BUGS and found != wanted:
        reason, actual = KNOWN_BUGS[page]
        assert found == actual, f"neither the expected findings nor those of the known bug: {found}"
        pytest.xfail(reason)
    assert found == wanted


def test_pages_are_v1_0_and_the_store_comes_from_the_configured_csdl(project: Path, config: Config) -> None:
    for name in PAGES:
        assert parse_source(read_source(str(project / "docs_src" / "v1.0" / "api" / name))).version == "v1.0"
    assert config.metadata == {"v1.0": PROJECT_CSDL}
    store = store_for(config, "v1.0")
    assert store is not None
    assert store.directory.parent == cache_directory() / "schemas"
    assert store.directory.name.startswith("v1.0-")
    beta = store_for(config, "beta")  # no metadata for beta: the store doclint carries
    assert beta is not None and beta.directory == BUNDLED / "beta"
    assert store_for(config, "v2.0") is None


def test_every_schema_rule_fires_and_every_page_is_otherwise_clean(results: dict[str, list[Diagnostic]]) -> None:
    codes = {item.code for diagnostics in results.values() for item in diagnostics}
    assert codes == SCHEMA_RULES
    clean = {"enum-case-clean.md"}
    assert {name for name, diagnostics in results.items() if not diagnostics} - set(KNOWN_BUGS) == clean


# -- messages and severities ---------------------------------------------------------------


def test_schema_invalid_messages(results: dict[str, list[Diagnostic]]) -> None:
    """Words first: the member, what is wrong with it; then the schema path without its wrapper layers."""
    guid = the(results, "edm-primitives.md", 36, "DL501")
    assert guid.message == (
        '`values/guid` is "57dab8b1", not a valid Edm.Guid (like 57dab8b1-894c-409a-b240-bd8beae78896) '
        "(schema: values/guid/pattern)"
    )
    assert guid.severity == "error"
    assert the(results, "edm-primitives.md", 42, "DL501").message == (
        "`values/i32` must be at most 2147483647 (Edm.Int32), not 2147483648 (schema: values/i32/maximum)"
    )
    assert the(results, "edm-primitives.md", 47, "DL501").message == (
        "`values/b` must be true, false or null, not a string (schema: values/b/type)"
    )
    assert the(results, "request-types.md", 40, "DL501").message == (
        "`location/zip` is not a property of example.api.address (schema: location/additionalProperties)"
    )
    assert the(results, "request-types.md", 36, "DL501").message == (
        "`color` is null, not one of the values of example.api.color: `red`, `green`, `NavyBlue` (schema: color/enum)"
    )
    assert the(results, "request-types.md", 45, "DL501").message == (
        "`values/fixedTags/1` must be a string, not null (schema: values/fixedTags/items/type)"
    )
    assert the(results, "derived-types.md", 73, "DL501").message == (
        "`shape` is an abstract example.api.shape: its `@odata.type` must name a derived type (schema: shape/required)"
    )
    assert the(results, "derived-types.md", 90, "DL501").message == (
        '`@odata.type` is "#example.api.person", which names neither example.api.meeting nor a known type derived '
        "from it (schema: @odata.type/enum)"
    )
    assert the(results, "placeholder-shapes.md", 44, "DL501").message == (
        "`location/Street` is not a property of example.api.address (did you mean `street`? "
        "member names are case-sensitive) (schema: location/additionalProperties)"
    )
    assert the(results, "placeholder-shapes.md", 42, "DL501").message.startswith(
        '`color` is "red | purple", not one of the values of example.api.color'
    )
    assert the(results, "responses.md", 69, "DL501").message == (
        "`value/1/subject` must be a string or null, not a number (schema: subject/type)"
    )


def test_powershell_example_invalid_message(results: dict[str, list[Diagnostic]]) -> None:
    found = the(results, "Invoke-MgCancelMeeting.md", 53, "DL502")
    assert found.message == (
        'EXAMPLE 2: `reason` is "maybe", not one of the values of example.api.cancelReason: '
        "`none`, `busy`, `forbidden`, `unknownFutureValue` (schema: reason/enum)"
    )
    assert found.severity == "error"
    nested = the(results, "Invoke-MgInviteMeetingAttendee.md", 62, "DL502")
    assert (
        nested.message
        == "EXAMPLE 2: `people/0/postalCode` must be a string, not null (schema: people/items/postalCode/type)"
    )


def test_enum_case_messages_and_severities(results: dict[str, list[Diagnostic]]) -> None:
    value = the(results, "enum-case.md", 33, "DL503")
    assert value.message == (
        "`/reason` is 'Busy', which matches the enum member `busy` only when case is ignored; the API is case-sensitive"
    )
    assert value.severity == "warning"
    table = the(results, "enum-case.md", 17, "DL503")
    assert table.message == (
        "the `reason` row lists `None`, `Busy`, but the API's values are `none`, `busy` "
        "(enum values are case-sensitive)"
    )
    assert table.severity == "info"
    flags = the(results, "enum-case-values.md", 27, "DL503")
    assert flags.message == (
        "`/days` is 'Monday,TUESDAY', which matches the enum member `monday,tuesday` only when case is ignored; "
        "the API is case-sensitive"
    )


def test_unknown_path_messages(results: dict[str, list[Diagnostic]]) -> None:
    by_line = {item.line: (item.message, item.severity) for item in results["unknown-path.md"]}
    assert by_line == {
        11: (
            "`POST /applications/{application-id}/calls/{meeting-id}/cancel` matches no operation of the v1.0 API",
            "error",
        ),
        32: ("`GET /meetings/m-1/cancel`: the v1.0 API allows only POST on this path", "error"),
        38: ("`POST /nowhere/m-1/cancel` matches no operation of the v1.0 API", "error"),
        44: ("`DELETE /me`: the v1.0 API allows only GET, PATCH, PUT on this path", "error"),
    }


def test_unknown_parameter_messages(results: dict[str, list[Diagnostic]]) -> None:
    row = the(results, "unknown-parameter.md", 17, "DL505")
    assert row.message == (
        "`priority` is not a parameter of example.api.cancel (it accepts `comment`, `notifyAt`, `reason`)"
    )
    key = the(results, "unknown-parameter.md", 31, "DL505")
    assert key.message == "example key `urgent` is not accepted by example.api.cancel"
    entity = the(results, "derived-types.md", 125, "DL505")
    assert entity.message == "example key `joinUrl` is not accepted by /meetings/{meeting-id}"
    case = the(results, "unknown-parameter-case.md", 27, "DL505")
    assert case.message == (
        "example key `Subject` is not accepted by /meetings/{meeting-id}"
        " (the API's member is `subject`; member names are case-sensitive)"
    )


# -- the command line ----------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--jobs", "1", "--format", "json", *args, "docs_src"])
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return code, data


def comparable(name: str, item: Diagnostic | dict[str, object]) -> tuple[object, ...]:
    fields = ("code", "severity", "line", "column", "end_line", "message")
    if isinstance(item, Diagnostic):
        return (name, *(getattr(item, field) for field in fields))
    return (Path(str(item["path"])).name, *(item[field] for field in fields))


def test_cli_metadata_option_gives_the_config_findings(
    results: dict[str, list[Diagnostic]],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``doclint check --metadata v1.0=FILE`` on a project without ``metadata``: same findings, another root."""
    root = write_project(tmp_path_factory.mktemp("schema-rules-cli"), metadata=False)
    monkeypatch.chdir(root)
    try:
        csdl = os.path.relpath(CSDL)
    except ValueError:  # another drive
        csdl = str(CSDL)
    code, reported = run_cli(capsys, "--metadata", f"v1.0={csdl}")
    assert code == 1
    assert not (root / ".doclint-cache").exists()
    via_config = sorted(comparable(name, item) for name, items in results.items() for item in items)
    assert sorted(comparable("", item) for item in reported) == via_config


def test_without_metadata_the_store_doclint_carries_judges_the_pages(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No metadata, no schemas: Graph v1.0 itself, which has no `/meetings` (the fixture CSDL's invention)."""
    monkeypatch.chdir(write_project(tmp_path_factory.mktemp("schema-rules-none"), metadata=False))
    code, reported = run_cli(capsys, "--select", "DL5")
    assert code == 1
    on_unknown_path = [
        (item["line"], item["message"]) for item in reported if str(item["path"]).endswith("/unknown-path.md")
    ]
    assert on_unknown_path[0] == (9, "`POST /meetings/{meeting-id}/cancel` matches no operation of the v1.0 API")
    assert on_unknown_path[-1] == (44, "`DELETE /me`: the v1.0 API allows only GET, PATCH, PUT on this path")


def test_metadata_given_after_a_run_without_it_is_used(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The same project checked in one process first without, then with metadata (as a front end may)."""
    root = write_project(tmp_path_factory.mktemp("schema-rules-stale"), metadata=False)
    plain = load_config(root / "pyproject.toml")
    carried = store_for(plain, "v1.0")
    assert carried is not None and carried.directory == BUNDLED / "v1.0"
    with_metadata = replace(plain, metadata={"v1.0": str(CSDL)})
    built = store_for(with_metadata, "v1.0")
    assert built is not None and built.directory.parent == cache_directory() / "schemas"
    page = parse_source(read_source(str(root / "docs_src" / "v1.0" / "api" / "unknown-path.md")))
    assert [item.code for item in check_page(page, with_metadata)] == ["DL504"] * 4


def test_near_miss_messages(results: dict[str, list[Diagnostic]]) -> None:
    """unknown-type at the value with the closest type; undeclared-member on the key; closed types' hints."""
    page = "near-misses.md"
    assert the(results, page, 28, "DL507").message == (
        "`lable` is not declared by example.api.bag, an open type that accepts it without complaint: "
        "did you mean `label`?"
    )
    assert the(results, page, 28, "DL507").severity == "warning"
    assert the(results, page, 49, "DL506").message == (
        "`@odata.type` names `example.api.taggedBg`, which is not a type of the v1.0 API "
        "(did you mean `example.api.taggedBag`?)"
    )
    assert the(results, page, 72, "DL506").message == (
        "`@odata.type` names `example.api.adress`, which is not a type of the v1.0 API "
        "(did you mean `example.api.address`?)"
    )
    assert the(results, page, 66, "DL501").message == (
        "`location/stret` is not a property of example.api.address (did you mean `street`?) "
        "(schema: location/additionalProperties)"
    )
    assert the(results, page, 83, "DL505").message == (
        "example key `reasn` is not accepted by example.api.cancel (did you mean `reason`?)"
    )


def test_an_unknown_action_is_named_not_the_methods_of_a_key(results: dict[str, list[Diagnostic]]) -> None:
    """`POST /meetings/rescheduleAll` read `rescheduleAll` as a key: "allows only DELETE, GET, PATCH, PUT"."""
    page = "near-misses.md"
    assert the(results, page, 89, "DL504").message == (
        "`POST /meetings/m-1/cancl`: `cancl` is neither a property nor an action or function of example.api.meeting "
        "in the v1.0 API (did you mean `cancel`?)"
    )
    assert the(results, page, 93, "DL504").message == (
        "`POST /meetings/example.api.upcomingg`: `example.api.upcomingg` is not an action or function bound to "
        "Collection(example.api.meeting) in the v1.0 API (did you mean `example.api.upcoming`?)"
    )
    assert the(results, page, 97, "DL504").message == (
        "`POST /meetings/rescheduleAll`: `rescheduleAll` is not an action or function bound to "
        "Collection(example.api.meeting) in the v1.0 API"
    )
    # A real operation with the wrong method, and a key, keep the methods message.
    assert the(results, "unknown-path.md", 32, "DL504").message == (
        "`GET /meetings/m-1/cancel`: the v1.0 API allows only POST on this path"
    )
