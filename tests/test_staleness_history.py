"""stale-source and source-unknown: a translation's ``ms.sourcegitcommit`` read against the English git history.

Each test builds a small English repository in ``tmp_path`` (two commits of
one page) and a doclint project whose English page is today's text.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lint.cli import main
from lint.history import close_histories

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git program")

OLD = """---
title: "thing: act"
---
# thing: act

Do the thing.

## HTTP request
```http
POST /things/{id}/act
```

## Request body
| Parameter | Type | Description |
|:--|:--|:--|
| reason | String | Why the thing is done. |

## Response
If successful, this method returns a `200 OK` response code.

## Examples
<!-- { "blockType": "request", "name": "thing-act" } -->
```http
POST https://graph.microsoft.com/v1.0/things/1/act
Content-type: application/json

{ "reason": "busy" }
```
"""

NEW = (
    OLD.replace("POST /things/{id}/act", "POST /communications/things/{id}/act")
    .replace(
        "| reason | String | Why the thing is done. |",
        "| reason | String | Why the thing is done. |\n| callbackUri | String | Where to call back. |",
    )
    .replace("`200 OK`", "`202 Accepted`")
    .replace('"busy"', '"none"')
)

ENGLISH = "docs_src/v1.0/api/thing-act.md"
GERMAN = "locales/de-DE/v1.0/api/thing-act.md"


def git(directory: Path, *args: str, date: str = "2021-06-03T10:00:00+02:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", *args],
        cwd=directory,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def commit_file(repo: Path, relative: str, text: str, date: str) -> str:
    target = repo / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    git(repo, "add", relative)
    git(repo, "commit", "-q", "-m", f"edit {relative}", date=date)
    return git(repo, "rev-parse", "HEAD")


def translation(commit: str) -> str:
    return f"---\ntitle: Ding\nms.sourcegitcommit: {commit}\nms.contentlocale: de-DE\n---\n# Ding\n\nTu es.\n"


class History:
    """An English repository (api-reference/v1.0/api/thing-act.md) with an old and a new commit."""

    def __init__(self, root: Path) -> None:
        self.repo = root / "english"
        self.repo.mkdir()
        git(self.repo, "init", "-q")
        self.old = commit_file(self.repo, "api-reference/v1.0/api/thing-act.md", OLD, "2021-06-03T10:00:00+02:00")
        self.new = commit_file(self.repo, "api-reference/v1.0/api/thing-act.md", NEW, "2021-07-16T23:30:00-07:00")


@pytest.fixture(autouse=True)
def _no_git_left_running() -> Iterator[None]:
    yield
    close_histories()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """Shared by the tests that only read it: building a repository costs a few git processes."""
    return History(tmp_path_factory.mktemp("history"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A doclint project (not a git work tree) whose English page is today's text."""
    root = tmp_path / "project"
    (root / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (root / "locales" / "de-DE" / "v1.0" / "api").mkdir(parents=True)
    (root / ENGLISH).write_text(NEW, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def write_translation(commit: str, path: str = GERMAN) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(translation(commit), encoding="utf-8")


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["check", "--jobs", "1", "--select", "stale-source,source-unknown", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else []), captured.err


def found(findings: list[dict[str, Any]]) -> list[tuple[str, int, int, str, str]]:
    return [(item["path"], item["line"], item["column"], item["name"], item["severity"]) for item in findings]


STALE_MESSAGE = (
    "translated from English commit {short} of 2021-06-03, and the English page has changed since: "
    "+4 −3 lines; statuses: +`202`, −`200`; request paths: +`POST /communications/things/{{id}}/act`, "
    "−`POST /things/{{id}}/act`; body parameters: +`callbackUri`; examples: changed request `thing-act` (body)"
)


def test_translation_of_an_older_english_commit_is_stale(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_translation(history.old)
    code, findings, _ = check(capsys, "--source-history", f"{history.repo}:api-reference")
    assert code == 0  # a warning does not fail the default fail-on = error
    assert found(findings) == [(GERMAN, 3, 1, "stale-source", "warning")]
    assert findings[0]["message"] == STALE_MESSAGE.format(short=history.old[:7])
    assert findings[0]["related"] == [
        {
            "path": ENGLISH,
            "line": 10,
            "column": 1,
            "end_line": 10,
            "message": f"today's English page; it differs from `api-reference/v1.0/api/thing-act.md` at "
            f"{history.old[:7]} from this line",
        }
    ]


def test_translation_of_todays_english_commit_is_fresh(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_translation(history.new)
    assert check(capsys, "--source-history", f"{history.repo}:api-reference")[:2] == (0, [])


def test_abbreviated_commit_and_the_committers_date_in_its_own_zone(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new commit was made at 23:30 on 16 July in UTC-7, which is 17 July in UTC."""
    (Path(ENGLISH)).write_text(OLD, encoding="utf-8")
    write_translation(history.new[:10])
    findings = check(capsys, "--source-history", f"{history.repo}:api-reference")[1]
    assert findings[0]["message"].startswith(f"translated from English commit {history.new[:7]} of 2021-07-16, ")


def test_a_commit_the_history_lacks_is_source_unknown(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_translation("0123456789abcdef0123456789abcdef01234567")
    code, findings, _ = check(capsys, "--source-history", f"{history.repo}:api-reference")
    assert found(findings) == [(GERMAN, 3, 1, "source-unknown", "info")]
    assert findings[0]["message"] == (
        f"`0123456789abcdef0123456789abcdef01234567` is not a commit of the English history "
        f"({(history.repo / '.git').resolve()}); whether this translation is stale cannot be told"
    )
    assert code == 0


def test_a_file_the_commit_lacks_is_source_unknown(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The history knows the commit, but the English page was added (or renamed) after it."""
    history = History(tmp_path)
    other_commit = commit_file(history.repo, "api-reference/v1.0/api/other.md", OLD, "2021-07-20T10:00:00+00:00")
    Path("docs_src/v1.0/api/other.md").write_text(OLD, encoding="utf-8")
    write_translation(history.old, "locales/de-DE/v1.0/api/other.md")
    write_translation(other_commit)  # thing-act.md at this commit is NEW: fresh
    findings = check(capsys, "--source-history", f"{history.repo}:api-reference")[1]
    assert found(findings) == [("locales/de-DE/v1.0/api/other.md", 3, 1, "source-unknown", "info")]
    assert findings[0]["message"] == (
        f"English commit {history.old[:7]} of 2021-06-03 has no `api-reference/v1.0/api/other.md`; "
        "whether this translation is stale cannot be told"
    )


def test_a_translation_without_sourcegitcommit_gets_nothing(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(GERMAN).write_text("# Ding\n\nTu es.\n", encoding="utf-8")
    assert check(capsys, "--source-history", f"{history.repo}:api-reference")[:2] == (0, [])


def test_a_bare_repository_and_a_work_trees_git_dir(
    history: History, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = tmp_path / "english.git"
    git(tmp_path, "clone", "-q", "--bare", str(history.repo), str(bare))
    write_translation(history.old)
    for given in (bare, history.repo / ".git"):
        findings = check(capsys, "--source-history", f"{given}:api-reference")[1]
        assert found(findings) == [(GERMAN, 3, 1, "stale-source", "warning")], given


def test_prefix_from_the_option_or_the_config(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a prefix the tree's root stands for source-root, where the history has no v1.0/api/thing-act.md."""
    write_translation(history.old)
    findings = check(capsys, "--source-history", str(history.repo))[1]
    assert found(findings) == [(GERMAN, 3, 1, "source-unknown", "info")]
    assert "has no `v1.0/api/thing-act.md`" in findings[0]["message"]
    Path("pyproject.toml").write_text('[tool.doclint]\nsource-history-prefix = "/api-reference/"\n', encoding="utf-8")
    findings = check(capsys, "--source-history", str(history.repo))[1]
    assert found(findings) == [(GERMAN, 3, 1, "stale-source", "warning")]


def test_config_keys_name_the_history_relative_to_the_project(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_translation(history.old)
    relative = os.path.relpath(history.repo, project)
    Path("pyproject.toml").write_text(
        f'[tool.doclint]\nsource-history = "{relative}"\nsource-history-prefix = "api-reference"\n', encoding="utf-8"
    )
    assert found(check(capsys)[1]) == [(GERMAN, 3, 1, "stale-source", "warning")]


def test_the_option_wins_over_the_config(
    history: History, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git(elsewhere, "init", "-q")
    write_translation(history.old)
    Path("pyproject.toml").write_text('[tool.doclint]\nsource-history = "../elsewhere"\n', encoding="utf-8")
    assert found(check(capsys)[1]) == [(GERMAN, 3, 1, "source-unknown", "info")]
    findings = check(capsys, "--source-history", f"{history.repo}:api-reference")[1]
    assert found(findings) == [(GERMAN, 3, 1, "stale-source", "warning")]


def test_source_root_in_a_work_tree_uses_that_repository(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project is its own English history; the English page on disk, edited but not committed, is today's."""
    git(project, "init", "-q")
    (project / ENGLISH).write_text(OLD, encoding="utf-8")
    committed = commit_file(project, ENGLISH, OLD, "2021-06-03T10:00:00+02:00")
    write_translation(committed)
    assert check(capsys)[:2] == (0, [])
    (project / ENGLISH).write_text(NEW, encoding="utf-8")  # not committed
    findings = check(capsys)[1]
    assert found(findings) == [(GERMAN, 3, 1, "stale-source", "warning")]
    assert findings[0]["message"] == STALE_MESSAGE.format(short=committed[:7])


def test_a_detected_repository_says_nothing_of_commits_it_lacks(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A detected repository may not be the English history at all (the pages were copied in)."""
    git(project, "init", "-q")
    commit_file(project, ENGLISH, NEW, "2021-06-03T10:00:00+02:00")
    write_translation(history.old)
    assert check(capsys)[:2] == (0, [])


def test_a_project_outside_any_work_tree_has_no_history(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_translation("0123456789abcdef0123456789abcdef01234567")
    assert check(capsys)[:2] == (0, [])


@pytest.mark.parametrize(
    ("setup", "args", "error"),
    [
        (
            "",
            ["--source-history", "nowhere"],
            "doclint: error: --source-history nowhere: {root}/nowhere: no such directory",
        ),
        (
            "mkdir",
            ["--source-history", "plain:api-reference"],
            "doclint: error: --source-history plain:api-reference: {root}/plain is not a git repository "
            "(give a bare repository, a work tree's top or its .git)",
        ),
        (
            'source-history = "plain"',
            [],
            "doclint: error: {root}/pyproject.toml: [tool.doclint] `source-history`: {root}/plain is not a git "
            "repository (give a bare repository, a work tree's top or its .git)",
        ),
        (
            "source-history = 1",
            [],
            "doclint: error: {root}/pyproject.toml: [tool.doclint] `source-history` must be a string, not integer",
        ),
    ],
)
def test_a_wrong_history_is_an_error_naming_the_option_or_key(
    project: Path, capsys: pytest.CaptureFixture[str], setup: str, args: list[str], error: str
) -> None:
    (project / "plain").mkdir()
    if setup and setup != "mkdir":
        (project / "pyproject.toml").write_text(f"[tool.doclint]\n{setup}\n", encoding="utf-8")
    code, _, err = check(capsys, *args)
    assert (code, err.strip()) == (2, error.format(root=project))


def test_git_missing_is_an_error_naming_the_option(
    history: History, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_translation(history.old)
    monkeypatch.setenv("PATH", str(project))  # no git there
    code, _, err = check(capsys, "--source-history", str(history.repo))
    assert (code, err.strip()) == (
        2,
        f"doclint: error: --source-history {history.repo}: the `git` program is not installed or not on PATH",
    )
    assert check(capsys)[:2] == (0, [])  # detected history without git: none, and no error


def test_a_git_that_dies_is_a_tool_error_not_a_hang(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A repository whose objects are gone: git cat-file fails, and doclint says so in one line."""
    write_translation(history.old)
    broken = project.parent / "broken.git"
    (broken / "objects").mkdir(parents=True)
    (broken / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    code, _, err = check(capsys, "--source-history", str(broken))
    assert code == 2
    assert err.startswith(f"doclint: error: git cat-file stopped reading {broken.resolve()}: ")
    assert len(err.strip().splitlines()) == 1


def test_one_cat_file_process_serves_every_page(
    history: History, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(args: list[str], *rest: Any, **options: Any) -> Any:
        started.append(list(args))
        return real_popen(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    for index in range(30):
        name = f"thing-{index}.md"
        Path("docs_src/v1.0/api", name).write_text(NEW, encoding="utf-8")
        write_translation(history.old if index % 2 else history.new, f"locales/de-DE/v1.0/api/{name}")
    findings = check(capsys, "--source-history", str(history.repo))[1]
    assert len(findings) == 30  # none of thing-N.md is in the history: all source-unknown
    assert [args[-2:] for args in started] == [["cat-file", "--batch"]]


MIRROR = Path(os.environ.get("DOCLINT_ENGLISH_HISTORY", "/work/.mirror/microsoftgraph+microsoft-graph-docs/repo"))


@pytest.mark.skipif(not (MIRROR / "objects").is_dir(), reason="the English Graph docs history is not fetched")
def test_shipped_corpus_with_the_real_english_history(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The ru-RU page was made from a 2019 English text; the zh-CN page from today's (issue 10's table)."""
    code, findings, _ = check(capsys, "--source-history", f"{MIRROR}:api-reference")
    assert code == 0  # warnings only
    assert found(findings) == [("locales/ru-RU/beta/api/call-reject.md", 8, 1, "stale-source", "warning")]
    assert findings[0]["message"] == (
        "translated from English commit 3e5f4f5 of 2019-05-06, and the English page has changed since: "
        "+101 −43 lines; statuses: −`200`; request paths: +`POST /communications/calls/{id}/reject`, "
        "−`POST /applications/{id}/calls/{id}/reject`; request headers: +`Content-type`; body parameters: "
        "+`callbackUri`; examples: +request `call-reject-none-reason`, +response to `call-reject-none-reason`, "
        "changed request `call-reject` (`POST /app/calls/{id}/reject` → "
        "`POST /communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject`, body), "
        "changed request #1 (`POST /api/calls` → `POST /api/call`); includes: +16 −3"
    )


def test_a_forked_worker_starts_its_own_git(history: History, project: Path) -> None:
    """A worker forked after the parent asked must not use the parent's pipes (answers would interleave)."""
    from lint.history import HistoryLocation, SourceHistory

    source = SourceHistory(HistoryLocation(str(history.repo / ".git"), "api-reference"))
    assert source.commit(history.old) is not None
    parents_git = source._process.pid if source._process else 0
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            commit = source.commit(history.new)
            own = source._process is not None and source._process.pid != parents_git
            os.write(writer, b"own" if own and commit is not None and commit.sha == history.new else b"shared")
            source.close()
        finally:
            os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    assert os.read(reader, 16) == b"own"
    assert source.commit(history.new) is not None  # the parent's git still answers
    source.close()


def test_verbose_says_which_history_is_used(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--jobs", "1", "--verbose", "--source-history", f"{history.repo}:api-reference"])
    assert capsys.readouterr().err.splitlines()[-2] == (
        f"doclint: English history: {(history.repo / '.git').resolve()}, prefix `api-reference` (given)"
    )
    main(["check", "--jobs", "1", "--verbose"])
    assert not any("English history" in line for line in capsys.readouterr().err.splitlines())


def test_drift_on_a_translation_of_an_unknown_commit_says_english_may_be_older(
    history: History, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The translation may have been made from an English text newer than the one on disk."""
    Path(GERMAN).write_text(
        translation("0123456789abcdef0123456789abcdef01234567")
        + "\n## Response\nIf successful, this method returns a `200 OK` response code.\n",
        encoding="utf-8",
    )
    args = ("--source-history", f"{history.repo}:api-reference", "--select", "status-drift,source-unknown")
    code = main(["check", "--jobs", "1", "--format", "json", *args])
    findings = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(item["line"], item["name"]) for item in findings] == [(3, "source-unknown"), (11, "status-drift")]
    assert findings[1]["message"] == (
        "the Response section says `200 OK`, where the English page's Response section says `202 Accepted` "
        "(the English history does not know the commit this translation was made from, so the English page may be "
        "the older side)"
    )
    # With a known commit the same drift is the translation's to fix, and says nothing of the kind.
    write_translation(history.new)
    Path(GERMAN).write_text(
        translation(history.new) + "\n## Response\nIf successful, this method returns a `200 OK` response code.\n",
        encoding="utf-8",
    )
    main(["check", "--jobs", "1", "--format", "json", *args])
    assert [item["message"].endswith("older side)") for item in json.loads(capsys.readouterr().out)] == [False]


def test_a_detected_repository_learns_a_commit_is_missing_without_starting_git(
    history: History, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-commit check of a translation in the English repository: its source commit is elsewhere."""
    git(project, "init", "-q")
    commit_file(project, ENGLISH, NEW, "2021-06-03T10:00:00+02:00")
    write_translation(history.old)
    started: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(args: list[str], *rest: Any, **options: Any) -> Any:
        started.append(list(args))
        return real_popen(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    assert check(capsys)[:2] == (0, [])
    assert started == []


def test_stored_locally_reads_loose_objects_and_pack_indexes(tmp_path: Path) -> None:
    from lint.history import stored_locally

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    first = commit_file(repo, "a.md", "one\n", "2021-06-03T10:00:00+02:00")
    second = commit_file(repo, "a.md", "two\n", "2021-06-04T10:00:00+02:00")
    git_dir = str(repo / ".git")
    assert (stored_locally(git_dir, first), stored_locally(git_dir, second)) == (True, True)
    git(repo, "gc", "-q")  # every object into a pack: found through the index
    assert not list((repo / ".git" / "objects").glob("[0-9a-f][0-9a-f]/*"))
    assert (stored_locally(git_dir, first), stored_locally(git_dir, second)) == (True, True)
    assert stored_locally(git_dir, "0" * 40) is False
    assert stored_locally(git_dir, "f" * 40) is False
    assert stored_locally(git_dir, first[:10]) is None  # abbreviated: ask git
