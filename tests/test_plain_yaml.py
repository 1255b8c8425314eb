"""The PyYAML-free front-matter reader answers exactly what PyYAML would, or declines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from lint.parse.plain_yaml import read_plain_mapping
from tests.conftest import REPO


def _yaml(block: str, typed: bool = True) -> object:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if typed else getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    try:
        return yaml.load(block, Loader=loader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return "<error>"


def _front_matter(path: Path) -> str | None:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if not lines or lines[0] != "---":
        return None
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


SHIPPED = sorted(
    path for root in ("docs_src", "locales") for path in (REPO / root).rglob("*.md") if _front_matter(path) is not None
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(REPO)))
def test_every_shipped_front_matter_is_read_without_pyyaml_and_equals_it(path: Path) -> None:
    block = _front_matter(path)
    assert block is not None
    assert read_plain_mapping(block) == _yaml(block)


def test_the_shipped_pages_cover_both_kinds_of_front_matter() -> None:
    assert len(SHIPPED) == 8
    assert read_plain_mapping(_front_matter(REPO / "docs_src/beta/api/call-reject.md") or "") == {
        "title": "call: reject",
        "description": "Enable a bot to reject an incoming call.",
        "author": "ananmishr",
        "localization_priority": "Normal",
        "ms.prod": "cloud-communications",
        "doc_type": "apiPageType",
    }


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("ms.date: 11/07/2023", {"ms.date": "11/07/2023"}),
        ("online version: https://learn.microsoft.com/x", {"online version": "https://learn.microsoft.com/x"}),
        ("online version:", {"online version": None}),
        ("online version:   \n# comment\n\nLocale: en-US", {"online version": None, "Locale": "en-US"}),
        ("title: 'it is'", {"title": "it is"}),
        ("a: -foo\nb: ?x\nc: :y", {"a": "-foo", "b": "?x", "c": ":y"}),
    ],
)
def test_plain_shapes_are_read(block: str, expected: dict[str, str | None]) -> None:
    assert read_plain_mapping(block) == expected == _yaml(block)


@pytest.mark.parametrize(
    "block",
    [
        "a: 1",  # int
        "a: 1.5",  # float
        "a: 2023-02-30",  # a timestamp PyYAML rejects
        "a: yes",  # bool
        "a: ~",  # null
        "a: <<",  # merge key as value
        "a: =",  # the value tag SafeLoader cannot build
        "true: x",  # a bool key
        "a: b: c",  # nested mapping
        "a: b # comment",  # trailing comment
        'a: "x\\ty"',  # escapes
        "a: 'it''s'",  # doubled quote
        "a:\n  - x",  # block sequence
        "a: |\n  text",  # block scalar
        "a: [1, 2]",  # flow sequence
        "a: &anchor x",  # anchor
        "--- a: b",  # document marker
        "a:b",  # a scalar, not a mapping
        "# only a comment",  # null, not a mapping
        "a: x\u00a0y",  # a character outside printable ASCII-ish text
        "a:\tb",  # tab
    ],
)
def test_other_shapes_are_left_to_pyyaml(block: str) -> None:
    assert read_plain_mapping(block) is None


def _parameter_blocks(path: Path) -> list[str]:
    """The ``yaml`` fences under a platyPS page's parameters."""
    blocks, current = [], None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if current is None and line == "```yaml":
            current = []
        elif current is not None and line == "```":
            blocks.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


PLATYPS = sorted((REPO / "docs_src" / "powershell").rglob("*.md"))


@pytest.mark.parametrize("path", PLATYPS, ids=lambda path: path.name)
def test_every_shipped_parameter_block_is_read_untyped_as_the_base_loader_reads_it(path: Path) -> None:
    blocks = _parameter_blocks(path)
    assert len(blocks) >= 5
    for block in blocks:
        assert read_plain_mapping(block, typed=False) == _yaml(block, typed=False), block


def test_untyped_reading_keeps_every_scalar_as_written() -> None:
    block = "Aliases:\nRequired: True\nPosition: 0\nDefault value: yes"
    expected = {"Aliases": "", "Required": "True", "Position": "0", "Default value": "yes"}
    assert read_plain_mapping(block, typed=False) == expected == _yaml(block, typed=False)


def test_digit_first_strings_that_match_no_implicit_type_are_read() -> None:
    assert read_plain_mapping("schema: 2.0.0\nms.date: 07/20/2021") == {"schema": "2.0.0", "ms.date": "07/20/2021"}
    assert _yaml("schema: 2.0.0\nms.date: 07/20/2021") == {"schema": "2.0.0", "ms.date": "07/20/2021"}


#: Characters YAML gives meaning to, and (weighted up) ordinary ones, to build blocks from.
_ALPHABET = (
    list("0159.-+_:#'\"&*!|>%@`,[]{}?<=~/\\\t")
    + ["\u00a0", "é", "\x85", "\u2028", "e", "x", "T", "Z", "inf", "yes", "null", "0x", "2023-01-02"]
    + list("abcdefghijklmnopqrstuvwxyz   ") * 2
)


@pytest.mark.parametrize("typed", [True, False])
def test_generated_blocks_are_read_as_pyyaml_reads_them_or_declined(typed: bool) -> None:
    rng = random.Random(20261123)
    read = 0
    for _ in range(12000):
        lines = []
        for _ in range(rng.randint(1, 3)):
            key = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 4)))
            value = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 8)))
            value = rng.choice([value, value, value, f'"{value}"', f"'{value}'"])
            lines.append(f"{key}{rng.choice([': ', ':', ':  ', ' : '])}{value}")
        block = "\n".join(lines)
        answer = read_plain_mapping(block, typed=typed)
        if answer is not None:
            read += 1
            assert answer == _yaml(block, typed), block
    # The comparison means something only if a good share of blocks is read.
    assert read > 1500
