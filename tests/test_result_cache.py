"""The result cache: a cached run reports exactly what a cold run reports, whatever changed in between.

Every test compares against a run with ``--no-cache`` on the same tree (the
cold run), and names the finding that the change must add or remove, so a
cache that reuses a stale result fails here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from lint.cache.store import MAGIC, Shard, decode_shard, encode_shard
from lint.cli import main
from tests.conftest import REPO

RU = "locales/ru-RU/beta/api/call-reject.md"
EN = "docs_src/beta/api/call-reject.md"
CMDLET = "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite runs without the cache (conftest); here it is the subject."""
    monkeypatch.delenv("DOCLINT_NO_CACHE", raising=False)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped corpus copied into a project of its own (the working directory)."""
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("docs_src", "locales"):
        shutil.copytree(REPO / folder, project / folder)
    (project / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated tree: 30 English pages with a ru-RU and a zh-CN translation each (90 pages, worker processes)."""
    project = tmp_path / "generated"
    english = (REPO / EN).read_text(encoding="utf-8")
    for locale in ("ru-RU", "zh-CN"):
        translated = (REPO / f"locales/{locale}/beta/api/call-reject.md").read_text(encoding="utf-8")
        (project / "locales" / locale / "beta" / "api").mkdir(parents=True)
        for index in range(30):
            (project / "locales" / locale / "beta" / "api" / f"call-reject-{index}.md").write_text(
                translated, encoding="utf-8"
            )
    (project / "docs_src" / "beta" / "api").mkdir(parents=True)
    for index in range(30):
        (project / "docs_src" / "beta" / "api" / f"call-reject-{index}.md").write_text(english, encoding="utf-8")
    (project / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``doclint check ARGS`` in this process: status, stdout, stderr."""
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def findings(capsys: pytest.CaptureFixture[str], cache: Path, *args: str) -> tuple[int, str]:
    """Status and text report (findings in order, then the summary line) of a cached run."""
    status, out, _ = run(capsys, "--cache-dir", str(cache), "--color", "never", *args)
    return status, out


def cold(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status, out, _ = run(capsys, "--no-cache", "--color", "never", *args)
    return status, out


def reused(capsys: pytest.CaptureFixture[str], cache: Path, *args: str) -> str:
    """The ``--verbose`` line that says how many results came from the cache."""
    _, _, err = run(capsys, "--cache-dir", str(cache), "--verbose", "--format", "json", *args)
    return next(line for line in err.splitlines() if line.startswith("doclint: cache:")).split(" reused")[0]


def test_a_cached_run_of_the_shipped_corpus_equals_a_cold_run(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    expected = cold(capsys)
    assert expected[1].splitlines()[-1] == (
        "Found 37 findings (7 errors, 26 warnings, 4 info) in 9 of 9 files. 13 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )
    assert findings(capsys, cache) == expected
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"
    assert findings(capsys, cache) == expected
    for form in ("json", "sarif"):
        assert run(capsys, "--cache-dir", str(cache), "--format", form) == run(capsys, "--no-cache", "--format", form)


def test_a_cached_run_of_a_generated_tree_equals_a_cold_run(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    expected = cold(capsys, "--jobs", "2")
    assert expected[0] == 1
    assert (
        expected[1]
        .splitlines()[-1]
        .endswith("in 90 of 90 files. 270 fixable with --fix; 30 more with --fix --unsafe-fixes.")
    )
    assert findings(capsys, cache, "--jobs", "2") == expected
    assert reused(capsys, cache, "--jobs", "2") == "doclint: cache: 90 of 90 results"
    assert findings(capsys, cache, "--jobs", "2") == expected
    # Companions (translations of the English pages named) run the pair rules alone: cached apart.
    named = ["docs_src/beta/api/call-reject-3.md", "docs_src/beta/api/call-reject-4.md"]
    assert findings(capsys, cache, *named) == cold(capsys, *named)
    assert findings(capsys, cache, *named) == cold(capsys, *named)


STATUS_DRIFT = (
    "locales/ru-RU/beta/api/call-reject.md:49:66: error DL601 [*] status-drift the Response section says `200 OK`,"
    " where the English page's Response section says `202 Accepted` (also: DL101)"
)


def test_an_edited_page_is_checked_again(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    before = findings(capsys, cache)
    assert STATUS_DRIFT in before[1].splitlines()
    page = shipped / RU
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert "`200 OK`" in lines[48]
    lines[48] = lines[48].replace("`200 OK`", "`202 Accepted`")
    page.write_text("\n".join(lines), encoding="utf-8")
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert STATUS_DRIFT not in after[1].splitlines()
    assert after[1].splitlines()[-1] == (
        "Found 36 findings (6 errors, 26 warnings, 4 info) in 9 of 9 files. 12 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stat index trusts (size, mtime, ctime, inode) only for files changed well before they were hashed."""
    cache = tmp_path / "cache"
    page = shipped / RU
    old = os.stat(page)
    findings(capsys, cache)
    text = page.read_text(encoding="utf-8").replace("`200 OK`", "`202 OK`", 1)
    page.write_text(text, encoding="utf-8")
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert os.stat(page).st_size == old.st_size
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert STATUS_DRIFT not in after[1].splitlines()


def test_an_edited_english_page_changes_its_translations_drift(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    assert STATUS_DRIFT in findings(capsys, cache)[1].splitlines()
    english = shipped / EN
    lines = english.read_text(encoding="utf-8").split("\n")
    assert "`202 Accepted`" in lines[53]
    lines[53] = lines[53].replace("`202 Accepted`", "`200 OK`")
    english.write_text("\n".join(lines), encoding="utf-8")
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert STATUS_DRIFT not in after[1].splitlines()
    # Only the English page and the pages paired with it were checked again.
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"


def test_a_removed_english_page_makes_its_translation_report_the_missing_source(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    findings(capsys, cache)
    (shipped / "docs_src/v1.0/api/call-reject.md").unlink()
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert (
        "locales/es-ES/v1.0/api/call-reject.txt:1:1: warning DL616 orphan-translation this translation has no"
        " English page: `docs_src/v1.0/api/call-reject.txt` does not exist"
    ) in after[1].splitlines()


CMDLET_DRIFT = (
    "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md:293:3: warning DL617 cmdlet-drift"
    " body parameter `CallbackUri` is not in the request body table of the REST page"
)


def test_an_edited_rest_page_changes_its_cmdlets_drift(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    assert CMDLET_DRIFT not in findings(capsys, cache)[1].splitlines()
    english = shipped / EN
    lines = english.read_text(encoding="utf-8").split("\n")
    assert lines[50].startswith("|callbackUri|")
    lines[50] = lines[50].replace("|callbackUri|", "|callbackUrl|")
    english.write_text("\n".join(lines), encoding="utf-8")
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert CMDLET_DRIFT in after[1].splitlines()


def test_a_configuration_change_is_a_new_key(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    findings(capsys, cache)
    (shipped / "pyproject.toml").write_text(
        '[tool.doclint]\nignore = ["DL601"]\n[tool.doclint.severity]\nDL104 = "error"\n', encoding="utf-8"
    )
    after = findings(capsys, cache)
    assert after == cold(capsys)
    assert not any(" DL601 " in line for line in after[1].splitlines())
    # DL104 is folded into the example's path-drift finding, which takes its raised severity.
    assert (
        "locales/ru-RU/beta/api/call-reject.md:119:1: error DL602 [*] path-drift example request `call-reject` is"
        " `POST /app/calls/{id}/reject`; the English example of that name is"
        " `POST /communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject` (also: DL104)"
    ) in after[1].splitlines()
    # The command line's --select is part of the configuration too.
    selected = findings(capsys, cache, "--select", "DL001")
    assert selected == cold(capsys, "--select", "DL001")
    assert selected[1].splitlines()[0] == (
        "locales/ru-RU/beta/api/call-reject.md:51:1: error DL001 http-syntax code block labelled `http`"
        " holds no HTTP request or response"
    )


def test_no_cache_neither_reads_nor_writes(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    run(capsys, "--no-cache", "--cache-dir", str(cache))
    assert not cache.exists()
    findings(capsys, cache)
    # A cache holding a wrong result is not read with --no-cache.
    for pack in cache.rglob("*.pack"):
        pack.write_bytes(b"")
    assert run(capsys, "--no-cache", "--verbose", "--cache-dir", str(cache))[2].count("doclint: cache:") == 0


def test_the_default_cache_is_outside_the_project(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    user_cache = tmp_path / "user-cache"
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(user_cache))
    listing = sorted(path.relative_to(shipped) for path in shipped.rglob("*"))
    run(capsys)
    assert sorted(path.relative_to(shipped) for path in shipped.rglob("*")) == listing
    assert [path.parent.name for path in user_cache.glob("results/*/CACHEDIR.TAG")] == [
        f"project-{_project_suffix(shipped)}"
    ]
    (shipped / "pyproject.toml").write_text('[tool.doclint]\ncache-dir = "build/.doclint-cache"\n', encoding="utf-8")
    status, _, err = run(capsys, "--verbose", "--format", "json")
    assert status == 1
    assert f"from {shipped / 'build/.doclint-cache'}" in err
    assert (shipped / "build/.doclint-cache/CACHEDIR.TAG").is_file()


def _project_suffix(project: Path) -> str:
    import zlib

    root = str(project.resolve()).encode()
    return f"{zlib.crc32(root):08x}{zlib.adler32(root):08x}"


def test_a_cache_dir_outside_the_project_is_a_config_error(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (shipped / "pyproject.toml").write_text('[tool.doclint]\ncache-dir = "../elsewhere"\n', encoding="utf-8")
    status, _, err = run(capsys)
    assert status == 2
    assert "`cache-dir`: `../elsewhere` lies outside the project" in err
    (shipped / "pyproject.toml").write_text('[tool.doclint]\ncache-dir = "."\n', encoding="utf-8")
    status, _, err = run(capsys)
    assert status == 2
    assert "`cache-dir` must name a folder of its own, not the project root" in err


def _damage(kind: str, data: bytes) -> bytes:
    if kind == "empty":
        return b""
    if kind == "truncated":
        return data[: len(data) // 2]
    if kind == "garbage":
        return os.urandom(len(data))
    if kind == "checksum":
        return data[:-1] + bytes([data[-1] ^ 0xFF])
    if kind == "version":
        return data.replace(MAGIC, MAGIC.replace(b"1", b"0"), 1)
    assert kind == "foreign"  # intact, but stored under another run key
    return encode_shard(Shard("another run key", {}, {}))


@pytest.mark.parametrize("kind", ["truncated", "garbage", "checksum", "version", "foreign", "empty"])
def test_a_damaged_cache_is_rebuilt_never_trusted(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    cache = tmp_path / "cache"
    expected = cold(capsys)
    findings(capsys, cache)
    packs = sorted(cache.rglob("*.pack"))
    assert len(packs) == 6  # call-reject and participant-invite of each version, and the two cmdlet pages
    run_key = msgspec.msgpack.decode(packs[0].read_bytes()[len(MAGIC) + 16 :])["run_key"]
    assert all(decode_shard(pack.read_bytes(), run_key) is not None for pack in packs)
    for pack in packs:
        pack.write_bytes(_damage(kind, pack.read_bytes()))
    assert all(decode_shard(pack.read_bytes(), run_key) is None for pack in packs)
    assert findings(capsys, cache) == expected
    # Rewritten whole: every shard reads back, and the next run takes every result from it.
    assert all(decode_shard(pack.read_bytes(), run_key) is not None for pack in packs)
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"


def test_concurrent_runs_leave_a_working_cache(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    expected = cold(capsys, "--format", "json")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DOCLINT_NO_CACHE", None)
    command = [sys.executable, "-m", "lint", "check", "--jobs", "1", "--cache-dir", str(cache), "--format", "json"]
    processes = [
        subprocess.Popen([*command, "-o", str(tmp_path / f"out-{index}.json")], cwd=generated, env=env)
        for index in range(2)
    ]
    assert [process.wait(timeout=300) for process in processes] == [1, 1]
    for index in range(2):
        assert json.loads((tmp_path / f"out-{index}.json").read_text()) == json.loads(expected[1])
    assert reused(capsys, cache) == "doclint: cache: 90 of 90 results"
    assert findings(capsys, cache, "--format", "json") == expected


def test_a_change_in_doclints_code_invalidates(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lint.cache.keys

    cache = tmp_path / "cache"
    findings(capsys, cache)
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"
    monkeypatch.setattr(lint.cache.keys, "code_fingerprint", lambda: b"an edited rule module")
    assert reused(capsys, cache) == "doclint: cache: 0 of 9 results"
    assert reused(capsys, cache) == "doclint: cache: 9 of 9 results"


def test_the_code_fingerprint_follows_the_package_files(tmp_path: Path) -> None:
    from lint.cache.keys import code_fingerprint

    module = REPO / "lint" / "cache" / "keys.py"
    before = code_fingerprint()
    status = os.stat(module)
    try:
        os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
        assert code_fingerprint() != before
    finally:
        os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert code_fingerprint() == before


def test_clean_removes_the_projects_cache_and_nothing_else(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    findings(capsys, cache)
    assert main(["clean", "--cache-dir", str(cache)]) == 0
    assert capsys.readouterr().out.startswith(f"doclint: removed {cache} (")
    assert not cache.exists()
    assert main(["clean", "--cache-dir", str(cache)]) == 0
    assert capsys.readouterr().out == f"doclint: no cache at {cache}\n"
    assert main(["clean", "--cache-dir", str(shipped / "docs_src")]) == 2
    assert "not a doclint cache" in capsys.readouterr().err
    assert (shipped / EN).is_file()


def test_a_one_file_check_is_answered_from_the_cache_without_hashlib(tmp_path: Path) -> None:
    """The pre-commit path uses the cache (a hit does not even load the parser) and still loads no OpenSSL."""
    cache = tmp_path / "cache"
    code = (
        "import sys\n"
        "from lint.cli import main\n"
        f"status = main(['check', '--jobs', '1', '--no-translations', '--cache-dir', {str(cache)!r}, {EN!r}])\n"
        "heavy = sorted(m for m in ('hashlib', 'subprocess', 'lint.history') if m in sys.modules)\n"
        "print('HEAVY', status, heavy, 'lint.parse.markdown.page' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DOCLINT_NO_CACHE", None)
    said = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False, env=env
        )
        said.append(result.stdout.splitlines()[-1])
    assert said == ["HEAVY 0 [] True", "HEAVY 0 [] False"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs the git program")
def test_a_commit_that_arrives_in_the_english_history_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation naming a commit the history lacks is source-unknown until the commit arrives."""
    from lint.history import close_histories
    from tests.test_staleness_history import ENGLISH, GERMAN, NEW, OLD, commit_file, git, translation

    page = "api-reference/v1.0/api/thing-act.md"
    full = tmp_path / "full"
    full.mkdir()
    git(full, "init", "-q")
    commit_file(full, page, OLD, "2021-06-03T10:00:00+02:00")
    newest = commit_file(full, page, NEW, "2021-07-16T23:30:00-07:00")
    behind = tmp_path / "behind"  # the same history, one commit short of it
    behind.mkdir()
    git(behind, "init", "-q")
    commit_file(behind, page, OLD, "2021-06-03T10:00:00+02:00")
    project = tmp_path / "project"
    (project / "docs_src/v1.0/api").mkdir(parents=True)
    (project / ENGLISH).write_text(NEW, encoding="utf-8")
    (project / GERMAN).parent.mkdir(parents=True)
    (project / GERMAN).write_text(translation(newest), encoding="utf-8")
    (project / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(project)
    cache = tmp_path / "cache"
    history = ("--source-history", f"{behind}:api-reference", "--select", "stale-source,source-unknown")
    try:
        before = findings(capsys, cache, *history)
        assert before == cold(capsys, *history)
        assert (
            before[1]
            .splitlines()[0]
            .startswith(f"{GERMAN}:3:1: info DL614 source-unknown `{newest}` is not a commit of the English history")
        )
        assert commit_file(behind, page, NEW, "2021-07-16T23:30:00-07:00") == newest
        close_histories()  # a new run is a new process: its git starts afresh
        after = findings(capsys, cache, *history)
        assert after == cold(capsys, *history)
        assert after == (0, "All clear: no findings in 2 files.\n")
    finally:
        close_histories()


def test_report_goes_through_the_cache(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    assert main(["report", "--no-cache", "--format", "json"]) == 0
    expected = capsys.readouterr().out
    for _ in range(2):
        assert main(["report", "--cache-dir", str(cache), "--format", "json"]) == 0
        assert capsys.readouterr().out == expected
    assert len(list(cache.rglob("*.pack"))) == 2  # the translations of call-reject, beta and v1.0
    assert main(["report", "--no-cache", "--format", "json", "--cache-dir", str(tmp_path / "unused")]) == 0
    assert not (tmp_path / "unused").exists()


def test_the_caches_english_page_is_the_engines(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``ResultCache.english_of`` answers what ``lint.pair.english_source`` answers, from the root or elsewhere."""
    from lint.cache.results import ResultCache
    from lint.config import load_config
    from lint.pair import english_source

    (generated / "locales/ru-RU/beta/api/call-reject-1.txt").write_text("x", encoding="utf-8")
    (generated / "locales/ru-RU/beta/api/orphan.md").write_text("x", encoding="utf-8")
    (generated / "docs_src/beta/api/only.txt").write_text("x", encoding="utf-8")
    (generated / "locales/ru-RU/beta/api/only.md").write_text("x", encoding="utf-8")
    (generated / "locales/ru-RU/top.md").write_text("x", encoding="utf-8")
    paths = sorted(
        str(path.relative_to(generated)) for path in generated.rglob("*.*") if path.suffix in (".md", ".txt")
    )
    assert len(paths) == 95
    config = load_config()
    cache = ResultCache(config, generated / "unused")
    assert [cache.english_of(path) for path in paths] == [english_source(path, config) for path in paths]
    assert cache.english_of("locales/ru-RU/beta/api/only.md") == "docs_src/beta/api/only.txt"
    assert cache.english_of("locales/ru-RU/beta/api/call-reject-1.txt") == "docs_src/beta/api/call-reject-1.md"
    os.chdir(generated / "locales")
    cache = ResultCache(config, generated / "unused")
    elsewhere = [os.path.relpath(generated / path) for path in paths] + [str(generated / path) for path in paths]
    assert [cache.english_of(path) for path in elsewhere] == [english_source(path, config) for path in elsewhere]
    assert not (generated / "unused").exists()


def test_old_configurations_and_old_entries_are_pruned(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lint.cache.keys
    import lint.cache.store

    cache = tmp_path / "cache"
    for version in range(6):  # six doclint builds in a row: the last four are kept
        monkeypatch.setattr(lint.cache.keys, "code_fingerprint", lambda version=version: bytes([version]))
        findings(capsys, cache)
    assert len([path for path in cache.iterdir() if path.is_dir()]) == 4
    # An entry unused for 30 days goes when its shard is next written.
    packs = sorted(cache.rglob("*.pack"), key=lambda path: path.stat().st_mtime_ns)[-6:]
    run_key = msgspec.msgpack.decode(packs[0].read_bytes()[len(MAGIC) + 16 :])["run_key"]
    shard = decode_shard(packs[0].read_bytes(), run_key)
    assert shard is not None and len(shard.entries) >= 1
    monkeypatch.setattr(
        lint.cache.store,
        "today",
        lambda: lint.cache.store.MAX_AGE_DAYS + 1 + max(entry.used_day for entry in shard.entries.values()),
    )
    files = lint.cache.store.ShardFiles(packs[0].parent.parent, run_key)
    group = int(packs[0].stem, 16)
    files.put_stamp(group, "/nowhere", lint.cache.store.FileStamp(0, 0, 0, 0, b"", 0, lint.cache.store.today()))
    files.save()
    kept = decode_shard(packs[0].read_bytes(), run_key)
    assert kept is not None
    assert kept.entries == {}
    assert list(kept.stamps) == ["/nowhere"]


def test_a_cache_that_cannot_be_written_changes_nothing(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert findings(capsys, blocked) == cold(capsys)
    assert findings(capsys, blocked / "below") == cold(capsys)
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_links_and_files_too_big_to_read_are_checked_every_time_never_cached(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    (shipped / "pyproject.toml").write_text("[tool.doclint]\nmax-file-size = 20000\n", encoding="utf-8")
    (shipped / "docs_src/beta/api/linked.md").symlink_to("call-reject.md")
    expected = cold(capsys)
    _, _, err = run(capsys, "--no-cache")
    assert (
        "doclint: error: docs_src/beta/api/participant-invite.md: 27,660 bytes, over the `max-file-size` limit"
        " of 20,000; skipped unread"
    ) in err.splitlines()
    for _ in range(2):
        assert findings(capsys, cache) == expected
    said = reused(capsys, cache)
    # Not cached: the link, the two files over 20,000 bytes, and the cmdlet page whose REST page is one of them.
    assert said == "doclint: cache: 6 of 10 results"
    stored = [
        key
        for pack in cache.rglob("*.pack")
        for key in msgspec.msgpack.decode(pack.read_bytes()[len(MAGIC) + 16 :])["entries"]
    ]
    assert sorted(stored) == [
        f"F{path}"
        for path in (
            "docs_src/beta/api/call-reject.md",
            CMDLET,
            "docs_src/v1.0/api/call-reject.md",
            "locales/es-ES/v1.0/api/call-reject.txt",
            RU,
            "locales/zh-CN/beta/api/call-reject.md",
        )
    ]
