"""Classify sections and tables the same way for every input format.

A section's role comes from its stable anchor and its English heading text,
never from translated text alone: a translator may render "Response" as
"Отклик" or "Ответ", but the anchor (``response``) and the embedded English
do not change. Tables take their role from the section they stand in, with
the English header row as a second opinion.
"""

from __future__ import annotations

import re
import unicodedata

from lint.model import TableRole

#: Top-level roles by anchor (or slug of the English heading).
_ROLE_BY_ANCHOR = {
    "permissions": "permissions",
    "http-request": "http-request",
    "path-parameters": "path-parameters",
    "function-parameters": "path-parameters",
    "parameters": "path-parameters",
    "optional-query-parameters": "query-parameters",
    "query-parameters": "query-parameters",
    "request-headers": "request-headers",
    "optional-request-headers": "request-headers",
    "request-body": "request-body",
    "response": "response",
    "response-headers": "response-headers",
    "examples": "examples",
    "example": "examples",
    "properties": "properties",
    "relationships": "relationships",
    "methods": "methods",
    "json-representation": "json-representation",
    "see-also": "see-also",
}

#: Roles of headings inside an Examples section.
_EXAMPLE_ROLE_BY_ANCHOR = {
    "request": "example-request",
    "response": "example-response",
}

_TABLE_ROLE_BY_SECTION: dict[str, TableRole] = {
    "permissions": "permissions",
    "path-parameters": "path-parameters",
    "query-parameters": "query-parameters",
    "request-headers": "request-headers",
    "request-body": "body-parameters",
    "response-headers": "response-headers",
}

_SLUG_DROP = re.compile(r"[^\w\- ]+")


def slugify(text: str) -> str:
    """GitHub/DocFX-style anchor: lower case, punctuation dropped, spaces to hyphens."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"`|\*\*?|__?", "", text)
    text = _SLUG_DROP.sub("", text)
    return re.sub(r"\s", "-", text).strip("-") or "section"


def section_role(anchor: str, english_title: str | None, in_examples: bool) -> str:
    """The role of a heading, from its anchor, else from its English text.

    ``in_examples`` is true below an Examples heading, where "Request" and
    "Response" name an example's parts rather than the page's sections.
    """
    candidates = [_strip_suffix(anchor)]
    if english_title:
        candidates.append(slugify(english_title))
    for candidate in candidates:
        if in_examples:
            if candidate in _EXAMPLE_ROLE_BY_ANCHOR:
                return _EXAMPLE_ROLE_BY_ANCHOR[candidate]
            if candidate.startswith(("example-", "examples-")) or re.fullmatch(r"examples?\d*", candidate):
                return "example"
            continue
        if candidate in _ROLE_BY_ANCHOR:
            return _ROLE_BY_ANCHOR[candidate]
        if candidate.startswith("example-") or re.fullmatch(r"examples?\d+", candidate):
            return "example"
    return "example-other" if in_examples else "other"


def _strip_suffix(anchor: str) -> str:
    """``response-1`` (a repeated anchor made unique) is still a response."""
    return re.sub(r"-\d+$", "", anchor) if not anchor.startswith("example-") else anchor


def table_role(section: str | None, header_english: list[str]) -> TableRole:
    """The role of a table, from its section and its English header cells."""
    words = [cell.strip().lower() for cell in header_english]
    if words and words[0].startswith("permission"):
        return "permissions"
    if words and (words[0].endswith((" value", " values")) or words[0] in ("value", "values", "member", "members")):
        # "activityDomain value | Meaning": the values of one parameter, not parameters.
        return "other"
    if section in _TABLE_ROLE_BY_SECTION:
        return _TABLE_ROLE_BY_SECTION[section]
    # "Name | Description" (or "Name | Type | Description") in a section of no known
    # role is a header table; "Name | Folder id | Description" lists something else.
    shaped = len(words) == 2 or (len(words) == 3 and words[1] in ("type", "value"))
    if shaped and words[0] in ("header", "name") and "description" in words[-1]:
        return "request-headers" if section in (None, "http-request", "other") else "other"
    return "other"


class AnchorRegistry:
    """Makes anchors unique within a page, the way DocFX does (``-1``, ``-2``)."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}
        self._taken: set[str] = set()

    def unique(self, anchor: str) -> str:
        """``anchor`` itself the first time, then ``anchor-1``, ``anchor-2`` ... never one already taken."""
        candidate = anchor
        count = self._next.get(anchor, 0)
        while candidate in self._taken:
            count += 1
            candidate = f"{anchor}-{count}"
        self._next[anchor] = count
        self._taken.add(candidate)
        return candidate
