"""A one-process run over many files forgets each English page once its group is done (issue 13: memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lint.engine as engine
from lint.config import load_config
from lint.engine import check_files


def test_a_long_in_process_run_keeps_no_english_page_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = []
    for index in range(10):
        for root in ("docs_src", "locales/de-DE", "locales/fr-FR"):
            path = f"{root}/v1.0/api/page-{index}.md"
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(f"# page {index}\n\nText.\n", encoding="utf-8")
            paths.append(path)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    engine._forget_english_pages()  # what earlier checks in this process left
    kept: list[int] = []
    results = check_files(paths, load_config(), jobs=1, on_result=lambda _: kept.append(len(engine._ENGLISH_PAGES)))
    assert [result.path for result in results] == paths
    assert max(kept) == 1  # never more than the English page of the group being checked
    assert len(engine._ENGLISH_PAGES) == 0
