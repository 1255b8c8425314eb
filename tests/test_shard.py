"""``check --shard I/N`` and ``doclint merge``: shards of one run merge into that run's report, byte for byte."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import load_config
from lint.shard import group_key, parse_shard, shard_of

RU = "locales/ru-RU/beta/api/call-reject.md"
ZH = "locales/zh-CN/beta/api/call-reject.md"
ES = "locales/es-ES/v1.0/api/call-reject.txt"
SHIPPED_FILES = 9


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def shards_and_whole(
    capsys: pytest.CaptureFixture[str], out: Path, fmt: str, count: int, *more: str
) -> tuple[tuple[int, str], tuple[int, str], list[int]]:
    """The unsharded run's (exit, report) and the merged shards' (exit, report), and each shard's exit."""
    whole = out / f"whole.{fmt}"
    whole_code, _, _ = run(capsys, "check", "--jobs", "1", "--format", fmt, "--output", str(whole), *more)
    names = []
    codes = []
    for index in range(1, count + 1):
        name = out / f"shard-{index}.{fmt}"
        code, _, _ = run(
            capsys, "check", "--jobs", "1", "--shard", f"{index}/{count}", "--format", fmt, "--output", str(name), *more
        )
        codes.append(code)
        names.append(str(name))
    merged = out / f"merged.{fmt}"
    merged_code, _, _ = run(capsys, "merge", *names, "--format", fmt, "--output", str(merged))
    return (whole_code, whole.read_text()), (merged_code, merged.read_text()), codes


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_shipped_corpus_in_three_shards_merges_into_the_unsharded_report(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    whole, merged, codes = shards_and_whole(capsys, tmp_path, fmt, 3)
    assert merged == whole
    assert whole[0] == 1
    assert codes == [1, 1, 1]  # every shard of the shipped corpus has an error of its own
    shard_files = [json.loads((tmp_path / f"shard-{index}.{fmt}").read_text()) for index in (1, 2, 3)]
    records = [data["doclint"] if fmt == "json" else data["runs"][0]["properties"]["doclint"] for data in shard_files]
    assert [record["shard"] for record in records] == ["1/3", "2/3", "3/3"]
    assert sum(record["files"] for record in records) == SHIPPED_FILES
    assert all(record["files"] > 0 for record in records)


def test_merged_text_report_equals_the_unsharded_one(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole_code, whole_text, _ = run(capsys, "check", "--jobs", "1")
    names = []
    for index in (1, 2):
        name = str(tmp_path / f"s{index}.sarif")
        run(capsys, "check", "--jobs", "1", "--shard", f"{index}/2", "--format", "sarif", "--output", name)
        names.append(name)
    merged_code, merged_text, _ = run(capsys, "merge", *names)
    assert (merged_code, merged_text) == (whole_code, whole_text)
    assert merged_text.splitlines()[-1].endswith(
        f"of {SHIPPED_FILES} files. 13 fixable with --fix; 1 more with --fix --unsafe-fixes."
    )


def test_a_page_and_its_translations_share_a_shard_whatever_the_order(in_repo: Path) -> None:
    config = load_config()
    files = [str(path.relative_to(in_repo)) for path in sorted((in_repo / "docs_src").rglob("*.md"))]
    files = [path for path in files if "/metadata/" not in path] + [RU, ZH, ES]
    assert group_key(RU, config) == group_key(ZH, config) == "docs_src/beta/api/call-reject.md"
    assert group_key(ES, config) == "docs_src/v1.0/api/call-reject.md"  # a .txt rendering of a .md page
    for count in (1, 2, 3, 5, 20):
        assigned = shard_of(files, config, count)
        shuffled = files[:]
        random.Random(count).shuffle(shuffled)
        assert shard_of(shuffled, config, count) == assigned
        assert assigned[RU] == assigned[ZH] == assigned["docs_src/beta/api/call-reject.md"]
        assert assigned[ES] == assigned["docs_src/v1.0/api/call-reject.md"]
        assert set(assigned.values()) <= set(range(1, count + 1))


def test_the_same_page_by_another_spelling_keeps_its_group(in_repo: Path) -> None:
    config = load_config()
    assert group_key("./docs_src/beta/api/call-reject.md", config) == "docs_src/beta/api/call-reject.md"
    assert group_key(str(in_repo / RU), config) == "docs_src/beta/api/call-reject.md"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0/3", "I must be from 1 to N"),
        ("4/3", "I must be from 1 to N"),
        ("1/0", "I must be from 1 to N"),
        ("2", "is not I/N"),
        ("a/b", "is not I/N"),
    ],
)
def test_a_bad_shard_is_a_usage_error(
    in_repo: Path, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--shard", value])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --shard: `{value}`" in err and message in err
    with pytest.raises(ValueError, match=message):
        parse_shard(value)


ENGLISH_PAGE = """# thing {number}: act

## Response
If successful, this method returns a `200 OK` response code.
{padding}
## Examples
```http
HTTP/1.1 202 Accepted
```
"""


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """60 English pages of varied size, translated into 0-3 locales, some drifting; one file refused."""
    project = tmp_path / "project"
    api = project / "docs_src" / "v1.0" / "api"
    api.mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    locales = ("de-DE", "fr-FR", "ja-JP")
    for number in range(60):
        page = ENGLISH_PAGE.format(number=number, padding="\nMore text.\n" * (number % 7) * 40)
        (api / f"thing-{number:02}.md").write_text(page, encoding="utf-8")
        for locale in locales[: number % 4]:
            folder = project / "locales" / locale / "v1.0" / "api"
            folder.mkdir(parents=True, exist_ok=True)
            translated = page.replace("202 Accepted", "204 No Content") if number % 5 == 0 else page
            (folder / f"thing-{number:02}.md").write_text(translated, encoding="utf-8")
    # A translation without its English page, and a link out of the project (refused: exit 2).
    (project / "locales" / "de-DE" / "v1.0" / "api" / "orphan.md").write_text(ENGLISH_PAGE, encoding="utf-8")
    (tmp_path / "outside.md").write_text("# outside\n", encoding="utf-8")
    os.symlink(tmp_path / "outside.md", api / "thing-zz.md")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(project)
    return out


@pytest.mark.parametrize(("fmt", "count"), [("json", 4), ("sarif", 7), ("json", 1)])
def test_a_generated_tree_of_many_groups_merges_into_the_unsharded_report(
    tree: Path, capsys: pytest.CaptureFixture[str], fmt: str, count: int
) -> None:
    whole, merged, codes = shards_and_whole(capsys, tree, fmt, count)
    assert merged == whole
    assert whole[0] == 2  # the refused link: the run is broken, whatever its findings
    assert 2 in codes  # the shard holding the link says so too
    reports = [json.loads((tree / f"shard-{index}.{fmt}").read_text()) for index in range(1, count + 1)]
    records = [data["doclint"] if fmt == "json" else data["runs"][0]["properties"]["doclint"] for data in reports]
    assert sum(record["files"] for record in records) == 60 + 90 + 1 + 1
    assert sorted(error for record in records for error in record["errors"]) == [
        f"docs_src/v1.0/api/thing-zz.md: a symbolic link to a file outside the project ({tree.parent / 'project'});"
        " not read (`allow-external-symlinks = true` allows it)"
    ]
    if fmt == "json":
        data = json.loads(whole[1])
        rules = {item["name"] for item in data}
        assert {
            "status-prose-mismatch",
            "status-drift",
            "orphan-translation",
        } <= rules  # page rules and pair rules both
        findings_per_shard = [len(report["findings"]) for report in reports]
        assert sum(findings_per_shard) == len(data) and all(findings_per_shard)


def test_companions_keep_their_warning_status_across_the_merge(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """English pages given as PATHs bring their translations as companions: drift errors there fail as warnings."""
    pages = [f"docs_src/v1.0/api/thing-{number:02}.md" for number in range(10, 31, 5)]
    for fail_on in ("error", "warning"):
        whole, merged, _ = shards_and_whole(capsys, tree, "json", 3, "--fail-on", fail_on, *pages)
        assert merged == whole
    reports = [json.loads((tree / f"shard-{index}.json").read_text()) for index in (1, 2, 3)]
    companions = {item["path"] for report in reports for item in report["findings"] if item["companion"]}
    assert companions == {
        f"locales/{locale}/v1.0/api/thing-{number}.md"
        for number, locales in ((10, "de-DE fr-FR"), (15, "de-DE fr-FR ja-JP"), (25, "de-DE"), (30, "de-DE fr-FR"))
        for locale in locales.split()
    }
    assert merged[0] == 1


def test_a_shard_run_notes_fixed_baseline_entries_of_its_own_files_only(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entries of other shards' files are not "fixed" for a shard that never checked them."""
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "check", "--jobs", "1", "--write-baseline", str(baseline))[0] == 0
    data = json.loads(baseline.read_text())
    code, _, err = run(capsys, "check", "--jobs", "1", "--shard", "1/3", "--baseline", str(baseline))
    assert (code, err) == (0, "")
    # One recorded finding the run will not reproduce in shard 1's files (RU), one in shard 2's (ES).
    for path in (RU, ES):
        entry = next(entry for entry in data["findings"] if entry["path"] == path)
        data["findings"].append(dict(entry, fingerprint="0" * 20))
    baseline.write_text(json.dumps(data))
    code, _, err = run(capsys, "check", "--jobs", "1", "--shard", "1/3", "--baseline", str(baseline))
    assert code == 0
    assert "doclint: 1 baseline entry is fixed; rewrite the baseline with --write-baseline" in err


def merge_refuses(capsys: pytest.CaptureFixture[str], *files: Path) -> str:
    code, out, err = run(capsys, "merge", *map(str, files))
    assert (code, out) == (2, "")
    return err.strip()


def test_merge_refuses_what_one_run_could_not_have_written(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    run(capsys, "check", "--jobs", "1", "--shard", "1/2", "--format", "json", "--output", str(one))
    run(capsys, "check", "--jobs", "1", "--shard", "2/2", "--format", "json", "--output", str(two))
    assert (
        merge_refuses(capsys, one) == "doclint: error: shard 2/2 missing: the merged report would leave out their pages"
    )
    record = json.loads(one.read_text())
    record["doclint"]["shard"] = "1/3"
    (tmp_path / "of-three.json").write_text(json.dumps(record))
    assert merge_refuses(capsys, tmp_path / "of-three.json") == (
        "doclint: error: shards 2/3, 3/3 missing: the merged report would leave out their pages"
    )
    assert merge_refuses(capsys, one, one) == f"doclint: error: shard 1/2 given twice: {one} and {one}"
    other = tmp_path / "other.json"
    run(
        capsys, "check", "--jobs", "1", "--shard", "2/2", "--select", "http", "--format", "json", "--output", str(other)
    )
    assert merge_refuses(capsys, one, other).startswith(
        "doclint: error: cannot merge reports of different configurations or PATHs"
    )
    older = tmp_path / "older.json"
    data = json.loads(two.read_text())
    data["doclint"]["version"] = "0.0.1"
    older.write_text(json.dumps(data))
    assert merge_refuses(capsys, one, older) == (
        f"doclint: error: cannot merge reports of different doclint versions: {one} has version"
        f" {json.loads(one.read_text())['doclint']['version']}, {older} has 0.0.1"
    )
    plain = tmp_path / "plain.json"
    run(capsys, "check", "--jobs", "1", "--format", "json", "--output", str(plain))
    assert merge_refuses(capsys, plain) == (
        f"doclint: error: {plain}: a JSON report without its run's record; write the shards' reports with"
        " `doclint check --shard I/N --format json` (or --format sarif)"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"runs": [')
    assert merge_refuses(capsys, broken).startswith(f"doclint: error: {broken}:1:11: not JSON: Expecting value")
    assert (
        merge_refuses(capsys, tmp_path / "absent.json") == f"doclint: error: {tmp_path / 'absent.json'}: no such file"
    )


def test_merge_fail_on_overrides_the_shards(in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = []
    for index in (1, 2):
        name = str(tmp_path / f"s{index}.json")
        run(capsys, "check", "--jobs", "1", "--shard", f"{index}/2", "--format", "json", "--output", name)
        names.append(name)
    assert run(capsys, "merge", *names, "--fail-on", "never")[0] == 0
    assert run(capsys, "merge", *names)[0] == 1


def test_a_shard_without_pages_says_so_and_merges_with_the_others(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six groups in eight shards: two shards are empty, which a fixed CI matrix must tolerate."""
    whole, merged, _ = shards_and_whole(capsys, tmp_path, "json", 8)
    assert merged == whole
    files = [json.loads((tmp_path / f"shard-{index}.json").read_text())["doclint"]["files"] for index in range(1, 9)]
    assert files.count(0) == 2 and sum(files) == SHIPPED_FILES
    code, out, err = run(capsys, "check", "--jobs", "1", "--shard", "8/8")
    assert (code, out) == (0, "All clear: no findings in 0 files.\n")
    assert err == f"doclint: shard 8/8 has no pages (the {SHIPPED_FILES} are in the other shards)\n"


def test_odd_file_names_survive_the_sarif_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A URI percent-encodes a path; merge decodes it back exactly (spaces, %, non-ASCII, undecodable bytes)."""
    api = tmp_path / "docs_src" / "v1.0" / "api"
    api.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    names = [b"a page.md", b"100%.md", "звонок.md".encode(), b"\xff-raw.md", b"plain.md"]
    for number, name in enumerate(names):
        (api / os.fsdecode(name)).write_text(ENGLISH_PAGE.format(number=number, padding=""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path.parent / f"{tmp_path.name}-out"
    out.mkdir()
    whole, merged, _ = shards_and_whole(capsys, out, "sarif", 3)
    assert merged == whole
    results = json.loads(whole[1])["runs"][0]["results"]
    assert sorted(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results) == [
        "docs_src/v1.0/api/%D0%B7%D0%B2%D0%BE%D0%BD%D0%BE%D0%BA.md",
        "docs_src/v1.0/api/%FF-raw.md",
        "docs_src/v1.0/api/100%25.md",
        "docs_src/v1.0/api/a%20page.md",
        "docs_src/v1.0/api/plain.md",
    ]
    text_whole = run(capsys, "check", "--jobs", "1")[:2]
    assert run(capsys, "merge", *(str(out / f"shard-{index}.sarif") for index in (1, 2, 3)))[:2] == text_whole


def test_a_path_given_as_dot_slash_comes_back_as_given(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SARIF's URI drops ``./``; the report keeps the path as shown (properties.path), so the merge matches."""
    page = "./docs_src/v1.0/api/call-reject.md"
    whole, merged, _ = shards_and_whole(capsys, tmp_path, "sarif", 2, "--no-translations", page)
    assert merged == whole
    result = json.loads(whole[1])["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == page.removeprefix("./")
    assert result["properties"]["path"] == page
