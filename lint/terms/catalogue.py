"""The do-not-translate list of one English page, shared by ``doclint terms`` and the drift rules.

``doclint terms`` writes what a termbase protects; param-name-drift,
type-name-drift and token-drift hold a translation to the same names, read
the same way (:mod:`lint.terms.identifiers`), so the two never disagree on
what is an identifier. A page's catalogue holds the terms the page shows
(table names and types, request paths, status lines) and, computed only
when asked for, the CSDL terms of the types it uses: the table rules never
load the schema store, token-drift does once per English page.

Catalogues are kept per English page (by identity, a few at a time): the
translations of one page are checked one after the other in a worker, and
each asks for the same catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property, partial
from typing import TYPE_CHECKING

from lint.model import Page
from lint.rules.names import INLINE_CODE
from lint.terms.derive import page_terms, schema_terms, used_types
from lint.terms.model import Term, TermKind

if TYPE_CHECKING:
    from lint.context import Context
    from lint.schemas.validate import SchemaStore

#: The kinds of term a sentence names as words: what a translated sentence must keep.
NAME_KINDS: frozenset[TermKind] = frozenset({"parameter", "header", "property", "enum-member"})
_KEPT = 32
_CATALOGUES: dict[int, tuple[Page, Catalogue]] = {}


def is_common_word(term: str) -> bool:
    """Whether ``term`` reads as an ordinary English word in a sentence: one lower-case ASCII word.

    ``id``, ``name``, ``state``, ``reason`` are property names and words; in
    prose without backticks they are mostly the word ("the user's name"), so
    only their code form names the API. ``displayName``, ``If-Match``,
    ``$select`` or ``Authorization`` are not words a sentence uses by chance.
    """
    return term.isascii() and term.isalpha() and term.islower()


class Catalogue:
    """The terms of one English page, and of the CSDL types it uses (loaded on first use)."""

    def __init__(self, page: Page, store_of: Callable[[], SchemaStore | None]) -> None:
        self.page = page
        self._store_of = store_of

    @cached_property
    def page_terms(self) -> tuple[Term, ...]:
        """What the page shows, in page order. A term with a control character names nothing a client
        sends (``check`` reports it) and no termbase can hold it (XML has no such characters)."""
        return tuple(term for term in page_terms(self.page) if term.term.isprintable())

    @cached_property
    def _page_names(self) -> dict[TermKind, frozenset[str]]:
        by_kind: dict[TermKind, set[str]] = {}
        for term in self.page_terms:
            by_kind.setdefault(term.kind, set()).add(term.term)
        return {kind: frozenset(names) for kind, names in by_kind.items()}

    def keeps(self, name: str, kind: TermKind) -> bool:
        """Whether the page shows ``name`` as a term of ``kind`` (a table's parameter, header or type)."""
        return name in self._page_names.get(kind, ())

    @cached_property
    def store(self) -> SchemaStore | None:
        return self._store_of()

    @cached_property
    def type_keys(self) -> tuple[str, ...]:
        """The ``$defs`` keys of the types the page uses (none without a schema store)."""
        return tuple(used_types(self.page, self.store)) if self.store is not None else ()

    @cached_property
    def schema_terms(self) -> tuple[Term, ...]:
        """Type, property and enum member names the CSDL gives the page's types."""
        if self.store is None:
            return ()
        return tuple(schema_terms(self.store, self.type_keys))

    @cached_property
    def shown_as_code(self) -> frozenset[str]:
        """Names the page writes as code: its tables' names and the inline code of its text and cells."""
        shown = {term.term for term in self.page_terms if term.kind in NAME_KINDS}
        texts = [segment.text for segment in self.page.segments]
        texts.extend(cell.text for table in self.page.tables for row in table.rows for cell in row.cells)
        for text in texts:
            shown.update(code.strip() for _, code in INLINE_CODE.findall(text))
        return frozenset(shown)

    @cached_property
    def prose_names(self) -> frozenset[str]:
        """Names a sentence of this page's translation must keep even where English writes them without
        backticks: parameter, header, property and enum names that are not ordinary words."""
        terms = [*self.page_terms, *self.schema_terms]
        return frozenset(term.term for term in terms if term.kind in NAME_KINDS and not is_common_word(term.term))


def listed(term: Term, shown_as_code: Iterable[str] | frozenset[str]) -> bool:
    """Whether a CSDL term goes into ``doclint terms`` output.

    A property named like a common word (``state``, ``name``) is listed only
    where the English pages show it as code or as a table's name: a
    termbase entry for every ``state`` would mark the word itself
    untranslatable in every sentence a translator writes.
    """
    return term.kind != "property" or not is_common_word(term.term) or term.term in shown_as_code


def catalogue_of(page: Page, store_of: Callable[[], SchemaStore | None]) -> Catalogue:
    """The catalogue of English ``page``, made once for as long as the page is among the last few asked for."""
    kept = _CATALOGUES.get(id(page))
    if kept is not None and kept[0] is page:
        return kept[1]
    if len(_CATALOGUES) >= _KEPT:
        del _CATALOGUES[next(iter(_CATALOGUES))]
    catalogue = Catalogue(page, store_of)
    _CATALOGUES[id(page)] = (page, catalogue)
    return catalogue


def english_catalogue(context: Context) -> Catalogue | None:
    """The catalogue of the English page a translation is checked against; None without one."""
    english = context.english
    if english is None:
        return None

    def store() -> SchemaStore | None:
        from lint.schemas.store import store_for

        return store_for(context.config, english.version)

    return catalogue_of(english, store)


def collect(pages: Iterable[Page], store_of: Callable[[str | None], SchemaStore | None]) -> list[Term]:
    """The do-not-translate list of English ``pages``: one entry per (term, kind), at its first source.

    Pages come first, in the order given, so a term shown on a page is
    placed on the page line rather than on the CSDL; the CSDL terms of all
    the pages' types follow, per API version, filtered by :func:`listed`.
    """
    found: dict[tuple[str, str], Term] = {}
    schema_keys: dict[str, list[str]] = {}
    shown: set[str] = set()
    for page in pages:
        catalogue = catalogue_of(page, partial(store_of, page.version))
        for term in catalogue.page_terms:
            found.setdefault((term.term, term.kind), term)
        shown |= catalogue.shown_as_code
        if page.version is not None:
            keys = schema_keys.setdefault(page.version, [])
            keys.extend(key for key in catalogue.type_keys if key not in keys)
    for version, keys in schema_keys.items():
        store = store_of(version)
        assert store is not None
        for term in schema_terms(store, keys):
            if listed(term, shown):
                found.setdefault((term.term, term.kind), term)
    return list(found.values())
