"""``doclint report``: the localization reviewer's view of doclint's findings.

Kept apart from :mod:`lint.report` (one formatter per finding list): a review
is a different thing, built from the findings *and* the selection (which
translations exist, which English pages lack one). :mod:`lint.review.data`
builds it as plain structs; :mod:`lint.review.text`, :mod:`lint.review.json`
and :mod:`lint.review.html` only write it. Nothing here is imported by
``doclint check``.
"""
