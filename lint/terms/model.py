"""One entry of the do-not-translate list."""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

#: What a term is, so a reviewer can tell a header from an enum member at a glance.
TermKind = Literal["parameter", "header", "property", "enum-member", "type", "path", "status"]


class Term(Struct, frozen=True):
    """A string a translation must keep exactly as in English.

    ``source`` says where it was found: ``page:line`` for an English page,
    ``CSDL <qualified type>`` for the API metadata. ``note`` tells the
    translator why it stays verbatim.
    """

    term: str
    kind: TermKind
    source: str
    note: str
