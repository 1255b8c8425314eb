"""The rule catalogue: an index of every rule, and a page per rule, generated from the registry.

One page per rule rather than one long page with anchors: a finding on the
site links to its rule's own page (``rules/DL101``), which a reader can
bookmark and the search finds by code, name or words of its explanation, as
ruff's and markdownlint's rule pages do; the index is the table that
compares them. Each rule page carries a ``rule-dlnnn`` label, so other
generated pages can write ``{ref}`rule-dl101``` and Sphinx checks the link.

The registry's docstrings are the documentation (``lint.rules``): a summary
line, why the rule exists, and examples after ``Bad::`` / ``Good::`` in
reStructuredText's literal-block form. Their prose is already Markdown in
practice (backticked code, ``-`` lists), so it is passed through; the literal
blocks become fenced code blocks, fenced longer than anything inside (the
examples of a rule about fences hold fences).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from lint.rules import Rule
from lint.site.myst import code, escape, fence_for, link, list_table

#: The folder of the catalogue's documents.
FOLDER = "rules"
#: The paragraph that opens a rule's examples ("Bad::", "Bad (on a beta page)::", "Bad: a PNG ...").
_EXAMPLES_START = re.compile(r"^Bad\b")
_SCOPES = {
    "page": "page: each page on its own",
    "pair": "pair: a translation against its English page",
    "corpus": "corpus: the whole set of pages",
}


def rule_label(rule: Rule) -> str:
    """The Sphinx label of a rule's page (labels are case-insensitive, so lower case)."""
    return f"rule-{rule.code.lower()}"


def catalogue_pages(rules: Iterable[Rule]) -> dict[str, str]:
    """Docname -> MyST source: ``rules/index`` and one ``rules/<code>`` page per rule, in code order."""
    ordered = sorted(rules, key=lambda item: item.code)
    pages = {f"{FOLDER}/index": _index(ordered)}
    for rule in ordered:
        pages[f"{FOLDER}/{rule.code}"] = rule_page(rule)
    return pages


def _index(rules: list[Rule]) -> str:
    rows = [["Code", "Name", "Severity", "Scope", "Tags", "Summary"]]
    for rule in rules:
        rows.append(
            [
                link(escape(rule.code), f"{rule.code}.md"),
                code(rule.name),
                escape(rule.severity),
                escape(rule.scope),
                ", ".join(escape(tag) for tag in rule.tags),
                split_doc(rule.doc)[0],
            ]
        )
    toctree = "\n".join(rule.code for rule in rules)
    parts = [
        "# Rules\n",
        f"doclint has {len(rules)} rules. Each has a stable code and a name, both accepted by `--select`, "
        "`--ignore` and suppression comments, and a page that says why it exists, with a bad and a good example.\n",
    ]
    if not any(rule.fixable for rule in rules):
        # Said once, and only because it is true for the rules listed.
        parts.append("doclint reports; it does not rewrite pages. No rule has an automatic fix.\n")
    parts.append(list_table(rows, widths=[8, 22, 8, 8, 14, 40], css="doclint-rules"))
    parts.append(f"```{{toctree}}\n:hidden:\n\n{toctree}\n```\n")
    return "\n".join(parts)


def rule_page(rule: Rule) -> str:
    """One rule's page: what it reports, its facts from the registry, why it exists, its examples."""
    summary, why, examples = split_doc(rule.doc)
    facts = [
        f"- **Code:** {code(rule.code)}, **name:** {code(rule.name)}",
        f"- **Severity:** {escape(rule.severity)} by default (`[tool.doclint.severity]` changes it)",
        f"- **Scope:** {escape(_SCOPES.get(rule.scope, rule.scope))}",
        f"- **Tags:** {', '.join(code(tag) for tag in rule.tags) or 'none'}",
        f"- **Formats:** {', '.join(code(name) for name in rule.formats) or 'every format'}",
    ]
    facts.append(f"- **Fixable:** {_FIXABLE.get(rule.fixable, 'no')}")
    title = f"({rule_label(rule)})=\n# {escape(rule.code)} {escape(rule.name)}\n"
    parts = [title, f"{summary}\n", "\n".join(facts) + "\n"]
    if why:
        parts.append(f"## Why\n\n{why}\n")
    if examples:
        parts.append(f"## Examples\n\n{examples}\n")
    return "\n".join(parts)


#: What the rule page says of each ``fixable`` value of the registry.
_FIXABLE = {
    "safe": "yes, `check --fix` repairs the findings it can",
    "unsafe": "with `check --fix --unsafe-fixes` (the fix touches translated prose)",
}


def split_doc(doc: str) -> tuple[str, str, str]:
    """A rule docstring as MyST: (summary, why, examples), the last two possibly empty.

    The examples start at the first paragraph that starts with ``Bad``; what
    comes before it (after the summary line) says why the rule exists.
    """
    blocks = docstring_blocks(doc)
    if not blocks:
        return "", "", ""
    summary, rest = blocks[0], blocks[1:]
    start = next(
        (index for index, (kind, text) in enumerate(rest) if kind == "text" and _EXAMPLES_START.match(text)),
        len(rest),
    )
    return _markdown([summary]), _markdown(rest[:start]), _markdown(rest[start:])


Block = tuple[str, str]


def docstring_blocks(doc: str) -> list[Block]:
    """The docstring as ``("text", paragraph)`` and ``("code", literal block)`` in order.

    reStructuredText's literal blocks: a paragraph that ends with ``::`` makes
    the indented lines after it code. ``Bad::`` reads as ``Bad:``, ``text ::``
    as ``text``, and a paragraph of ``::`` alone disappears.
    """
    blocks: list[Block] = []
    lines = doc.strip("\n").splitlines()
    index = 0
    literal_next = False
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        if literal_next and lines[index][:1].isspace():
            end = index
            while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
                end += 1
            body = textwrap.dedent("\n".join(lines[index:end])).strip("\n")
            blocks.append(("code", body))
            index = end
            literal_next = False
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        paragraph = "\n".join(lines[index:end])
        literal_next = paragraph.rstrip().endswith("::")
        if literal_next:
            paragraph = _strip_literal_marker(paragraph.rstrip())
        if paragraph:
            blocks.append(("text", paragraph))
        index = end
    return blocks


def _strip_literal_marker(paragraph: str) -> str:
    body = paragraph[:-2]
    if not body.strip():
        return ""
    return body.rstrip() if body[-1:].isspace() else body + ":"


def _markdown(blocks: list[Block]) -> str:
    parts = []
    for kind, text in blocks:
        if kind == "code":
            fence = fence_for(text)
            parts.append(f"{fence}text\n{text}\n{fence}")
        else:
            parts.append(text)
    return "\n\n".join(parts)
