"""NOTES of a platyPS page: the property trees of complex parameters.

platyPS lists the properties of each complex parameter type under NOTES
(``BODYPARAMETER <Type>: ...`` then indented ``- [Name <Type>]: text`` items).
They are the only place a cmdlet page spells out the body it sends, so they
are read as trees that rules can hold against the REST page's JSON.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from lint.model import PropertyNode
from lint.parse.platyps.document import Doc, Heading

__all__ = ["parse_notes"]

# Linear: a name or description is runs of blanks each followed by a non-blank
# (possessive), so its trailing blanks are left to the pattern's tail instead of a
# lazy group rescanning every blank run for it; blanks before a name are taken once.
_TEXT = r"(?:[ \t]*+[^ \t\n])*+"
_NOTE_HEADER = re.compile(
    r"^ {0,3}`?(?P<key>[A-Z][A-Z0-9_]*)[ \t]++`?<(?P<type>.*?)>`?`?[ \t]*:[ \t]?(?P<description>" + _TEXT + r")[ \t]*$"
)
_PROPERTY = re.compile(
    r"^(?P<indent>[ \t]*+)[-*+][ \t]++`?\[?(?P<name>(?:[ \t]*+[^<>\[\]` \t])*+)[ \t]*<(?P<type>.*?)>\]?`?[ \t]*:[ \t]?"
    r"(?P<description>" + _TEXT + r")[ \t]*$"
)
#: Deeper NOTES nesting is flattened: no real tree goes near it, and freezing
#: the tree recursively must never approach the interpreter's recursion limit.
_MAX_NOTE_DEPTH = 50


class _NodeBuilder(Struct):
    """A PropertyNode under construction: children arrive after their parent."""

    name: str
    type: str
    description: str
    index: int
    column: int
    indent: int
    end: int = 0
    children: list[_NodeBuilder] = field(default_factory=list)

    def freeze(self, doc: Doc) -> PropertyNode:
        children = tuple(child.freeze(doc) for child in self.children)
        return PropertyNode(
            self.name, self.type, self.description, doc.span(self.index, self.column, self.end), children
        )


class _Tree(Struct):
    """One NOTES tree being read; ``stack`` holds the open ancestors of the next line."""

    key: str
    type: str
    roots: list[_NodeBuilder] = field(default_factory=list)
    stack: list[_NodeBuilder] = field(default_factory=list)


def parse_notes(doc: Doc, section: Heading) -> list[tuple[str, str, tuple[PropertyNode, ...]]]:
    """NOTES property trees: ``KEY <Type>: ...`` then ``- [Name <Type>]: text`` items.

    Nesting follows indentation (two spaces per level in platyPS output, but
    any consistent step works). A blank line or other text ends a tree.
    """
    trees: list[_Tree] = []
    current: _Tree | None = None
    for index in range(section.index + 1, section.stop):
        if not doc.is_text(index):
            current = None
            continue
        line = doc.lines[index]
        header = _NOTE_HEADER.match(line)
        if header:
            current = _Tree(header.group("key"), header.group("type").strip("` "))
            trees.append(current)
            continue
        item = _PROPERTY.match(line) if current is not None else None
        if current is not None and item is not None:
            _add_property(current, item, index)
        elif current is not None and line[:1] in (" ", "\t") and line.strip() and current.stack:
            node = current.stack[-1]
            node.description = f"{node.description} {line.strip()}".strip()
            node.end = index
        else:
            current = None
    return [(tree.key, tree.type, tuple(node.freeze(doc) for node in tree.roots)) for tree in trees]


def _add_property(tree: _Tree, item: re.Match[str], index: int) -> None:
    """Place one property line under the nearest less-indented one."""
    indent = len(item.group("indent").expandtabs(4))
    node = _NodeBuilder(
        name=item.group("name").strip(),
        type=item.group("type").strip(),
        description=item.group("description"),
        index=index,
        column=len(item.group("indent")) + 1,
        indent=indent,
        end=index,
    )
    while tree.stack and tree.stack[-1].indent >= indent:
        tree.stack.pop()
    if len(tree.stack) >= _MAX_NOTE_DEPTH:
        tree.stack.pop()
    (tree.stack[-1].children if tree.stack else tree.roots).append(node)
    tree.stack.append(node)
