"""Scheduling by English page (issue 13): a page and its translations go to one worker, which parses it once."""

from __future__ import annotations

from pathlib import Path

import pytest

import lint.engine as engine
from lint.config import load_config
from lint.engine import FileResult, check_files
from lint.parse.detect import parse_source
from lint.schedule import batches_of, group_by_english
from lint.source import Source

LOCALES = ("de-DE", "fr-FR", "ru-RU")
PAGES = ("thing-act", "thing-get", "thing-list", "thing-run")


def make_tree(root: Path) -> list[str]:
    """English pages with three translations each, one English page alone, one orphan translation."""
    files = {}
    for name in PAGES:
        files[f"docs_src/v1.0/api/{name}.md"] = f"# {name}\n\nText.\n\n## HTTP request\n\n```http\nGET /things\n```\n"
        for locale in LOCALES:
            files[f"locales/{locale}/v1.0/api/{name}.md"] = f"# {name} ({locale})\n\nTexte.\n"
    files["docs_src/v1.0/api/alone.md"] = "# alone\n\nText.\n"
    files["locales/de-DE/v1.0/api/orphan.md"] = "# orphan\n\nText.\n"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    return sorted(files)


def test_an_english_page_and_its_translations_are_one_group_english_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = make_tree(tmp_path)
    paths.remove("docs_src/v1.0/api/thing-act.md")
    paths.append("docs_src/v1.0/api/thing-act.md")  # listed after its translations
    groups = [[paths[index] for index in group] for group in group_by_english(paths, load_config())]
    assert [
        "docs_src/v1.0/api/thing-act.md",
        "locales/de-DE/v1.0/api/thing-act.md",
        "locales/fr-FR/v1.0/api/thing-act.md",
        "locales/ru-RU/v1.0/api/thing-act.md",
    ] in groups
    assert ["docs_src/v1.0/api/alone.md"] in groups
    assert ["locales/de-DE/v1.0/api/orphan.md"] in groups
    assert len(groups) == len(PAGES) + 2
    assert sorted(path for group in groups for path in group) == sorted(paths)


def test_batches_keep_groups_whole_and_hand_out_the_heaviest_first() -> None:
    groups = [[0], [1, 2, 3, 4], [5, 6], [7]]
    sizes = [10, 100, 100, 100, 100, 50, 50, 500]
    batches = batches_of(groups, sizes, workers=2)
    assert [group for batch in batches for group in batch] == [[7], [1, 2, 3, 4], [5, 6], [0]]
    assert all(len(batch) == 1 for batch in batches)  # each group weighs more than the 32-byte target


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_english_page_is_parsed_once(jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = make_tree(tmp_path)
    config = load_config()
    serial = check_files(paths, config, jobs=1)
    log = tmp_path / "parses.log"

    def counted(source: Source, formats: dict[str, str]) -> object:
        with open(log, "a", encoding="utf-8") as stream:  # appended from both worker processes
            stream.write(source.path + "\n")
        return parse_source(source, formats)

    monkeypatch.setattr(engine, "parse_source", counted)  # forked workers inherit it
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 2)
    engine._forget_english_pages()
    arrived: list[FileResult] = []
    parallel = check_files(paths, config, jobs=jobs, on_result=arrived.append)
    parsed = log.read_text(encoding="utf-8").split()
    english = [path for path in parsed if path.startswith("docs_src")]
    assert sorted(english) == sorted(f"docs_src/v1.0/api/{name}.md" for name in (*PAGES, "alone"))
    assert sorted(parsed) == sorted(paths)  # every file once, no page again for a translation
    assert parallel == serial  # same results, in the order of the paths
    assert sorted(arrived, key=lambda result: result.path) == sorted(serial, key=lambda result: result.path)


def test_on_result_sees_each_file_once_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = make_tree(tmp_path)[:3]
    arrived: list[str] = []
    results = check_files(paths, load_config(), jobs=1, on_result=lambda result: arrived.append(result.path))
    assert arrived == paths == [result.path for result in results]
