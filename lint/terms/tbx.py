"""The do-not-translate list as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style), a termbase translation tools import.

Each term is a ``conceptEntry`` with an English ``langSec`` and, for a
target locale, a ``langSec`` holding the same term: the termbase then tells
the translation tool the target term *is* the English one. TBX-Basic has no
"do not translate" status, so each term carries the preferred status and a
``note`` beginning ``doNotTranslate``, which tools show to the translator.
lxml is imported here only, never on the pre-commit path.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.terms.model import Term

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DO_NOT_TRANSLATE = "doNotTranslate"


def tbx_bytes(terms: Iterable[Term], locale: str | None = None) -> bytes:
    """The TBX document for ``terms``, with a target ``langSec`` for ``locale`` when given."""
    from lxml import etree

    def element(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
        child = etree.SubElement(parent, f"{{{TBX_NAMESPACE}}}{tag}", attributes)
        child.text = text
        return child

    root = etree.Element(
        f"{{{TBX_NAMESPACE}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: TBX_NAMESPACE}
    )
    header = element(root, "tbxHeader")
    description = element(header, "fileDesc")
    element(element(description, "titleStmt"), "title", "doclint do-not-translate list")
    element(element(description, "sourceDesc"), "p", "Derived by doclint from the English pages and the API's CSDL.")
    body = element(element(root, "text"), "body")
    languages = ["en"] + ([locale] if locale else [])
    for number, term in enumerate(terms, start=1):
        entry = element(body, "conceptEntry", id=f"c{number}")
        element(entry, "note", f"kind: {term.kind}; source: {term.source}")
        for language in languages:
            section = element(entry, "langSec", **{XML_LANG: language})
            term_section = element(section, "termSec")
            element(term_section, "term", term.term)
            element(term_section, "termNote", "preferredTerm-admn-sts", type="administrativeStatus")
            element(
                term_section,
                "note",
                f"{DO_NOT_TRANSLATE}: {term.note}" + ("" if language == "en" else " (same as English)"),
            )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
