"""token-drift on bilingual segments, and cmdlet-drift between cmdlet help and its REST page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import build_config
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.source import decode_source
from tests.test_drift_examples import check_pair, found

REPO = Path(__file__).resolve().parent.parent


def segment(identifier: int, text: str, english: str) -> str:
    return (
        f'<span data-ttu-id="a1-{identifier}">{text}</span><span class="sxs-lookup">'
        f'<span data-stu-id="a1-{identifier}">{english}</span></span>'
    )


TOLERATED = [
    ("当前超时值为 １５ 秒。", "The current timeout value is 15 seconds."),
    ("请参阅 [权限](/zh-cn/graph/permissions-reference)。", "See [Permissions](/graph/permissions-reference)."),
    ("最多返回 1 000 个对象。", "Returns up to 1,000 objects."),
    ("显示了两种方式。", "Shows 2 ways."),
    ("将于 2020 年 1 月 10 日停止。", "Will stop on January 10, 2020."),
    ("从 12:00 到 14:00。", "From 12:00pm to 2:00pm."),
    ("以下权限之一", "One of the following permissions"),
    ("有效值为 0 到 730（含 0 和 730）。", "Valid values are 0 to 730 inclusive."),
]


def bilingual(pairs: list[tuple[str, str]]) -> str:
    lines = ['# <a name="thing"></a>' + segment(0, "东西", "thing"), ""]
    lines += [segment(index, text, english) + "\n" for index, (text, english) in enumerate(pairs, start=1)]
    return "\n".join(lines)


def check_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pairs: list[tuple[str, str]]) -> list[Diagnostic]:
    files = {
        "docs_src/v1.0/api/thing-tokens.md": "# thing\n\nText.\n",
        "locales/zh-CN/v1.0/api/thing-tokens.md": bilingual(pairs),
    }
    return check_pair(tmp_path, monkeypatch, files, "locales/zh-CN/v1.0/api/thing-tokens.md")


def test_tolerated_token_differences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_tokens(tmp_path, monkeypatch, TOLERATED) == []


def test_numbers_code_and_links_that_differ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [
        ("当前超时值为 10 秒。", "The current timeout value is 15 seconds."),
        ("包括 `$search` 和 `$count`", "including `$search`, `$count`, and `$select`"),
        ("请参阅 [用户](../resources/group.md)。", "See [user](../resources/user.md)."),
        ("例如 +1 5555551234x1233。", "For example, +1 5555551234x123."),
    ]
    diagnostics = check_tokens(tmp_path, monkeypatch, pairs)
    assert found(diagnostics) == [
        (3, 33, "token-drift"),
        (5, 26, "token-drift"),
        (7, 35, "token-drift"),
        (9, 43, "token-drift"),
    ]
    assert [item.message for item in diagnostics] == [
        "this segment lacks number `15` and has number `10` that the English lacks",
        "this segment lacks inline code `$select`",
        "this segment lacks link target `../resources/user.md` and has link target `../resources/group.md` "
        "that the English lacks",
        "this segment has number `1233` that the English lacks",
    ]
    assert diagnostics[0].related[0].message == 'its English: "The current timeout value is 15 seconds."'


CMDLET = "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"
REST = "docs_src/beta/api/call-reject.md"


def cmdlet_project(tmp_path: Path, edit: dict[str, str]) -> dict[str, str]:
    text = (REPO / CMDLET).read_text(encoding="utf-8")
    for old, new in edit.items():
        assert old in text
        text = text.replace(old, new)
    shutil.copytree(REPO / "docs_src" / "beta", tmp_path / "docs_src" / "beta")
    return {CMDLET: text}


def test_cmdlet_help_agreeing_with_its_rest_page_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = cmdlet_project(tmp_path, {})
    assert check_pair(tmp_path, monkeypatch, files, CMDLET) == []


def test_cmdlet_drift_synopsis_body_parameters_and_example_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = cmdlet_project(
        tmp_path,
        {
            "SYNOPSIS\nEnable a bot to reject an incoming call.": "SYNOPSIS\nDelete a specific participant in a call.",
            "`[Reason <String>]`": "`[Cause <String>]`",
            '"none"': '"forbidden"',
        },
    )
    diagnostics = check_pair(tmp_path, monkeypatch, files, CMDLET)
    assert found(diagnostics) == [
        (12, 1, "cmdlet-drift"),
        (83, 11, "cmdlet-drift"),
        (293, 3, "cmdlet-drift"),
        (294, 3, "cmdlet-drift"),
    ]
    synopsis, example, missing, extra = diagnostics
    assert synopsis.message == (
        "the synopsis says `Delete a specific participant in a call.`, but the REST page of this operation says "
        "`Enable a bot to reject an incoming call.`"
    )
    assert (synopsis.related[0].path, synopsis.related[0].line) == (REST, 10)
    assert example.message.startswith("`/reason` is `forbidden` in this example, `none` in the same request body")
    assert extra.message == "body parameter `Cause` is not in the request body table of the REST page"
    assert missing.message == "the body parameter lacks `reason`, which the REST page's request body lists"


def test_the_rest_page_is_found_by_its_name_without_reading_every_page(tmp_path: Path) -> None:
    """A pre-commit check of cmdlet help reads the pages named for its operation, not the whole tree."""
    from lint import pair
    from lint.config import build_config

    api = tmp_path / "docs_src" / "beta" / "api"
    api.mkdir(parents=True)
    (api / "call-reject.md").write_text("# call: reject\n\n```http\nPOST /communications/calls/{id}/reject\n```\n")
    (api / "user-get.md").write_text("# Get user\n\n```http\nGET /users/{id}\n```\n")
    for index in range(50):
        (api / f"decoy-{index}.md").write_text("# decoy\n\n```http\nGET /decoys\n```\n")
    config = build_config({}, root=tmp_path, file=None)
    pair._REST_INDEX.clear()
    found = pair.rest_page("POST", "/communications/calls/{call-id}/reject", "beta", config)
    assert found is not None and found.endswith("docs_src/beta/api/call-reject.md")
    found = pair.rest_page("GET", "/users/{user-id}", "beta", config)
    assert found is not None and found.endswith("docs_src/beta/api/user-get.md")
    assert pair._REST_INDEX == {}  # the whole-tree index was never built
    # An operation no page is named for still finds its page through the index.
    (api / "oddly-named.md").write_text("# odd\n\n```http\nPOST /things/{id}/frobnicate\n```\n")
    found = pair.rest_page("POST", "/things/{id}/frobnicate", "beta", config)
    assert found is not None and found.endswith("docs_src/beta/api/oddly-named.md")
    assert list(pair._REST_INDEX) == [(str(tmp_path), "beta")]


TERMS_ENGLISH = """# Update thing

## Request headers
| Name | Description |
|:-----|:------------|
| Authorization | Bearer {token}. Required. |
| If-Match | The ETag. Optional. |

## Request body
| Property | Type | Description |
|:---------|:-----|:------------|
| displayName | String | The name shown. |
| state | String | The state. |
"""


def check_terms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pairs: list[tuple[str, str]]) -> list[Diagnostic]:
    """token-drift alone on a bilingual translation of a page with header and body tables."""
    target = "locales/zh-CN/v1.0/api/thing-update.md"
    for relative, text in {"docs_src/v1.0/api/thing-update.md": TERMS_ENGLISH, target: bilingual(pairs)}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = build_config({"select": ["DL612"]}, root=tmp_path, file=None)
    return check_page(parse_source(decode_source(target, (tmp_path / target).read_bytes())), config)


def test_names_english_writes_without_backticks_stay_in_the_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = [
        ("发送授权标头。", "Send the Authorization header."),
        ("设置显示名称。", "Set the displayName of the thing."),
        ("状态会改变。", "The state changes."),  # a common word: only `state` as code would count
        ("需要授权。", "Authorization is required."),  # the word, capitalised, not the header's name
        ("使用 If-Match 标头。", "Use the If-Match header."),  # kept
        ("displayName属性。", "The displayName property."),  # glued to a translated word: still kept
        ("显示名称", "displayName"),  # a name alone is a table's cell: param-name-drift judges it
        ("显示名称（已弃用）", "displayName (deprecated)"),  # so is a name with a remark
        ("修改 DisplayName 与 If-Match。", "Change displayName and If-Match."),
    ]
    diagnostics = check_terms(tmp_path, monkeypatch, pairs)
    assert found(diagnostics) == [(3, 26, "token-drift"), (5, 26, "token-drift"), (19, 26, "token-drift")]
    assert [item.message for item in diagnostics] == [
        "this segment lacks identifier `Authorization`",
        "this segment lacks identifier `displayName`",
        "this segment lacks identifier `displayName`",
    ]


CODE_PAIRS = [
    ("使用 `$筛选` 和 `$top`。", "Use `$filter` and `$top`."),  # altered at its place
    ("先 `$top` 再 `$选择`。", "Use `$select`, then `$top`."),  # reordered, one altered: the only candidate
    ("使用 $filter。", "Use `$filter`."),  # the span dropped: nothing to put it in
    ("`甲` 与 `乙`", "`alpha` and `beta`"),  # two altered, same order: each at its place
    ("`beta` 与 `y` 与 `z`", "`alpha`, `beta` and `gamma`"),  # two altered, reordered: which is which?
]


def test_token_drift_restores_altered_inline_code_only_with_unsafe_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "locales/zh-CN/v1.0/api/thing-tokens.md"
    for path, text in {tmp_path / "docs_src/v1.0/api/thing-tokens.md": "# thing\n\nText.\n", target: ""}.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    target.write_text(bilingual(CODE_PAIRS), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    check = ["check", "--no-cache", "--jobs", "1", "--select", "DL612", "locales/zh-CN/v1.0/api/thing-tokens.md"]
    original = target.read_text(encoding="utf-8")
    assert main([*check, "--fix"]) == 0  # warnings: the exit status stays 0
    assert target.read_text(encoding="utf-8") == original  # safe fixes only: prose untouched
    assert main([*check, "--fix", "--unsafe-fixes"]) == 0  # the dropped span and the ambiguous pair remain
    fixed = target.read_text(encoding="utf-8")
    assert fixed == original.replace("`$筛选`", "`$filter`").replace("`$选择`", "`$select`").replace(
        "`甲` 与 `乙`", "`alpha` 与 `beta`"
    )
    capsys.readouterr()
    assert main([*check, "--fix", "--unsafe-fixes"]) == 0
    assert target.read_text(encoding="utf-8") == fixed
    assert [line.split(": ", 1)[0] for line in capsys.readouterr().out.splitlines() if "token-drift" in line] == [
        "locales/zh-CN/v1.0/api/thing-tokens.md:7:26",
        "locales/zh-CN/v1.0/api/thing-tokens.md:11:36",
    ]
