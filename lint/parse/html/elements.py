"""The HTML element classes the walker tells apart, and attribute access that never raises.

Shared by the tree builder (which closes implied end tags by these classes)
and the walker (which skips, flows or dispatches by them).
"""

from __future__ import annotations

from bs4.element import Tag

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: Never content, wherever they stand.
SKIP = frozenset(
    {"script", "style", "nav", "aside", "form", "footer", "noscript", "template", "svg", "iframe", "object"}
    | {"embed", "canvas", "button", "select", "textarea", "input", "head", "title", "meta", "link"}
)
#: Elements that end a run of inline text.
BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div"}
    | {"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "li"}
    | {"main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead"}
    | {"tr", "ul"}
    | HEADINGS
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return " ".join(str(part) for part in value)


def class_names(tag: Tag) -> list[str]:
    return [part.lower() for part in attr(tag, "class").split()]
