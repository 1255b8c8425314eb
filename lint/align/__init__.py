"""Alignment of a translated page with its English source.

Drift rules compare a translation with its English page fact by fact; before
they can compare, they must know which table, row, request line or example of
one side stands for which of the other. That knowledge is structural and
language-independent: section anchors and roles, identifiers, order and shape,
never the translated words. Each module aligns one kind of element:

- :mod:`lint.align.tables`: tables by section role, rows by identifier, then
  by position for translated names;
- :mod:`lint.align.http`: the request lines of the HTTP request section as
  sets (placeholder names aside);
- :mod:`lint.align.sections`: sections by anchor, then by order and role;
- :mod:`lint.align.examples`: request and response examples by annotation
  name, else by order, kind and shape (a renamed example still aligns);
- :mod:`lint.align.json_diff`: the differences of two aligned JSON values,
  with the tolerances of sample data.

Alignment only pairs; the rules in ``lint/rules/drift_*.py`` judge the pairs.
"""
