"""Exchange of translatable segments with translation tools (XLIFF 2.1 and PO).

Translators work in memoQ, Trados, Weblate or Poedit, not in Markdown: the
segments of a locale's pages leave as XLIFF or PO and come back by
:mod:`lint.exchange.apply`, which touches only the translated spans.
"""
