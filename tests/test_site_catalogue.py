"""The rule catalogue: every registered rule once, with its facts and its docstring rendered as MyST."""

from __future__ import annotations

import inspect
import re

from lint.rules import Rule, all_rules, find_rule
from lint.site.catalogue import catalogue_pages, docstring_blocks, rule_page, split_doc

DL101_PAGE = """\
(rule-dl101)=
# DL101 status\\-prose\\-mismatch

The Response section states a success status that no response example shows.

- **Code:** `DL101`, **name:** `status-prose-mismatch`
- **Severity:** error by default (`[tool.doclint.severity]` changes it)
- **Scope:** page\\: each page on its own
- **Tags:** `http`, `consistency`
- **Formats:** every format
- **Fixable:** no

## Why

A reader trusts the prose; a client written against "200 OK" breaks on
the 202 the service really sends. Only statuses the prose presents as
the success outcome are compared ("If successful, this method returns
...", or a status stated with no condition): a status stated for an
error ("If there is an error, ... `206 Partial Content`") or for another
case ("If the user exists, ...") describes no example. When the prose
names several success statuses as alternatives, one of them being shown
is enough.

## Examples

Bad:

```text
## Response
If successful, this method returns a `200 OK` response code.
...
HTTP/1.1 202 Accepted
```

Good:

```text
## Response
If successful, this method returns a `202 Accepted` response code.
If there is an error, it returns `206 Partial Content`.
```
"""


def rule(code: str) -> Rule:
    found = find_rule(code)
    assert found is not None
    return found


def index_rows(index: str) -> list[list[str]]:
    """The catalogue table's body rows, cells as written."""
    rows: list[list[str]] = []
    for line in index.splitlines():
        if line.startswith("* - "):
            rows.append([line[4:]])
        elif line.startswith("  - ") and rows:
            rows[-1].append(line[4:])
    return rows[1:]


def test_every_rule_has_one_page_and_one_index_row() -> None:
    rules = all_rules()
    pages = catalogue_pages(rules)
    assert list(pages) == ["rules/index", *(f"rules/{item.code}" for item in rules)]
    rows = index_rows(pages["rules/index"])
    assert [row[0] for row in rows] == [f"[{item.code}](<{item.code}.md>)" for item in rules]
    assert [row[1:4] for row in rows] == [[f"`{item.name}`", item.severity, item.scope] for item in rules]
    toctree = pages["rules/index"].split("```{toctree}\n:hidden:\n\n")[1]
    assert toctree == "".join(f"{item.code}\n" for item in rules) + "```\n"


def test_index_row_of_a_rule() -> None:
    rows = {row[0]: row for row in index_rows(catalogue_pages(all_rules())["rules/index"])}
    assert rows["[DL601](<DL601.md>)"] == [
        "[DL601](<DL601.md>)",
        "`status-drift`",
        "warning",
        "pair",
        "drift, translation, http",
        "The translation documents another success status than its English page.",
    ]


def test_rule_page_in_full() -> None:
    assert rule_page(rule("DL101")) == DL101_PAGE


def test_every_rule_page_shows_a_bad_and_a_good_example() -> None:
    for item in all_rules():
        _summary, _why, examples = split_doc(item.doc)
        assert examples.startswith("Bad"), item.code
        assert re.search(r"^Good|\. Good:|^Translation:", examples, re.MULTILINE), item.code


def test_examples_that_hold_fences_get_a_longer_fence() -> None:
    page = rule_page(rule("DL001"))
    assert "Bad:\n\n````text\n```http\nReturns `202 Accepted` response code\n```\n````\n" in page


def test_literal_block_markers_read_as_restructuredtext_does() -> None:
    doc = """Summary line.

    Why it matters.

    Bad (on a beta page)::

        GET /v1.0/me

          indented more

    Good ::

        GET /beta/me

    ::

        plain literal

    Closing words."""
    assert docstring_blocks(inspect.cleandoc(doc)) == [
        ("text", "Summary line."),
        ("text", "Why it matters."),
        ("text", "Bad (on a beta page):"),
        ("code", "GET /v1.0/me\n\n  indented more"),
        ("text", "Good"),
        ("code", "GET /beta/me"),
        ("code", "plain literal"),
        ("text", "Closing words."),
    ]


def test_each_rule_page_says_whether_check_fix_repairs_it() -> None:
    """The registry's ``fixable`` on each rule's page; the index claims no rule is fixable only when none is."""
    pages = catalogue_pages(all_rules())
    assert "No rule has an automatic fix." not in pages["rules/index"]
    assert "- **Fixable:** yes, `check --fix` repairs the findings it can\n" in rule_page(rule("DL603"))
    assert "- **Fixable:** no\n" in rule_page(rule("DL103"))
    assert "No rule has an automatic fix." in catalogue_pages([rule("DL103")])["rules/index"]
