"""The do-not-translate list of one English page, as the drift rules and ``doclint terms`` share it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.config import build_config
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.schemas.bundled import bundled_store
from lint.schemas.validate import SchemaStore
from lint.source import decode_source
from lint.terms import catalogue as catalogue_module
from lint.terms.catalogue import Catalogue, catalogue_of, is_common_word, listed
from lint.terms.derive import schema_terms
from lint.terms.model import Term
from tests.conftest import REPO, load_page
from tests.test_drift_examples import found

ENGLISH = "docs_src/beta/api/call-reject.md"
TRANSLATED = "locales/ru-RU/beta/api/call-reject.md"


def test_a_catalogue_is_made_once_per_english_page_and_loads_the_store_only_for_csdl_terms() -> None:
    page = load_page(ENGLISH)
    asked: list[str] = []

    def store() -> SchemaStore:
        asked.append("store")
        return SchemaStore(bundled_store("beta"))  # type: ignore[arg-type]

    first = catalogue_of(page, store)
    assert catalogue_of(page, store) is first
    assert first.keeps("reason", "parameter") and first.keeps("Authorization", "header")
    assert not first.keeps("reason", "header")
    assert asked == []  # the table rules never pay for the schema store
    assert "callbackUri" in first.prose_names  # a CSDL property of microsoft.graph.call
    assert "microsoft.graph.call" not in first.prose_names  # a type, not a name a sentence keeps
    assert "Authorization" in first.prose_names
    assert "reason" not in first.prose_names  # an ordinary word: only its code form counts
    assert first.schema_terms and asked == ["store"]
    assert catalogue_of(load_page(ENGLISH), store) is not first  # another parse is another page


def test_common_words_are_single_lower_case_words() -> None:
    assert [is_common_word(word) for word in ("id", "state", "displayName", "If-Match", "Authorization", "$top")] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    state = Term("state", "property", "CSDL microsoft.graph.call", "")
    assert not listed(state, frozenset())
    assert listed(state, frozenset({"state"}))
    assert listed(Term("none", "enum-member", "CSDL microsoft.graph.rejectReason", ""), frozenset())


def param_name_drift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, translated: str) -> list[tuple[int, int, str]]:
    for relative, text in {ENGLISH: (REPO / ENGLISH).read_text(encoding="utf-8"), TRANSLATED: translated}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = build_config({"select": ["DL603"]}, root=tmp_path, file=None)
    page = parse_source(decode_source(TRANSLATED, translated.encode()))
    return found(check_page(page, config))


def test_param_name_drift_holds_only_the_names_the_catalogue_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = (REPO / ENGLISH).read_text(encoding="utf-8")
    translated = english.replace("|reason|String|", "|причина|String|", 1)
    assert translated != english
    assert param_name_drift(tmp_path, monkeypatch, translated) == [(50, 2, "param-name-drift")]
    monkeypatch.setattr(Catalogue, "keeps", lambda self, name, kind: name != "reason")
    catalogue_module._CATALOGUES.clear()
    assert param_name_drift(tmp_path, monkeypatch, translated) == []


def test_checking_one_translation_loads_the_catalogue_but_no_heavy_module() -> None:
    """The pre-commit path of a translation asks the catalogue, which keeps lxml, yaml and hashlib away."""
    heavy = ("bs4", "lxml", "sphinx", "docutils", "yaml", "hashlib")
    code = (
        "import sys\n"
        "from lint.cli import main\n"
        "status = main(['check', '--jobs', '1', 'locales/zh-CN/beta/api/call-reject.md'])\n"
        f"print('LOADED', sorted(m for m in {heavy!r} + ('lint.terms.catalogue',) if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False, env=env
    )
    assert result.stdout.splitlines()[-1] == "LOADED ['lint.terms.catalogue']"


def test_csdl_terms_of_a_type_with_derived_types_are_its_own_properties() -> None:
    """``microsoft.graph.user`` dispatches on ``@odata.type`` to its derived types: its own properties still count."""
    store = SchemaStore(bundled_store("v1.0"))  # type: ignore[arg-type]
    terms = [(term.term, term.kind) for term in schema_terms(store, ["microsoft.graph.user"])]
    own = store.defs["microsoft.graph.user"]["else"]["properties"]
    assert terms[0] == ("microsoft.graph.user", "type")
    assert ("displayName", "property") in terms and ("userPrincipalName", "property") in terms
    assert [term for term, kind in terms if kind == "property"] == sorted(
        name for name in own if not name.startswith("@")
    )
