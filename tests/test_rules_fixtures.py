"""Each fixture states the findings it must produce in its first line; the test demands exactly those.

    <!-- expect: 8:9 DL002, 17:3 DL002 -->

Like sphinx-lint's and markdownlint's fixtures: the expectation sits next to
the text that causes it, and a rule that fires anywhere else fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.config import build_config
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.source import decode_source

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
_EXPECT = re.compile(r"<!--\s*expect:(?P<items>[^>]*)-->")


def expected(text: str) -> list[tuple[int, int, str]]:
    match = _EXPECT.search(text.splitlines()[0])
    assert match, "fixture must start with an expect comment"
    items = [item.strip() for item in match.group("items").split(",") if item.strip()]
    result = []
    for item in items:
        where, code = item.split()
        line, column = where.split(":")
        result.append((int(line), int(column), code))
    return sorted(result)


@pytest.mark.parametrize(
    "fixture", sorted(FIXTURES.rglob("*.md")), ids=lambda path: path.relative_to(FIXTURES).as_posix()
)
def test_fixture_findings(fixture: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From the fixture root, as a user runs doclint: a translation under ``locales/``
    is checked with its English page under ``docs_src/``."""
    monkeypatch.chdir(FIXTURES)
    relative = fixture.relative_to(FIXTURES).as_posix()
    page = parse_source(decode_source(relative, fixture.read_bytes()))
    # The fixtures document an invented `/things` API: the schema rules, which judge pages against the
    # Graph stores doclint carries, have their own fixtures (tests/fixtures/schema_rules).
    config = build_config({"ignore": ["schema"]}, root=FIXTURES, file=None)
    found = sorted((item.line, item.column, item.code) for item in check_page(page, config))
    assert found == expected(fixture.read_text(encoding="utf-8"))
