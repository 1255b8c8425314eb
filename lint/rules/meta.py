"""Rules about doclint's own directives in the pages."""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import Page
from lint.rules import Finding, rule


@rule("DL900", severity="warning", tags=("meta",))
def unused_suppression(page: Page, context: Context) -> Iterator[Finding]:
    """A doclint directive is unknown, names an unknown rule, or suppresses nothing.

    A directive must never fail open or hide that it does nothing. Three
    things are reported, each at the comment:

    - an unknown directive (``doclint-disable-nextline``, ``doclint-enable-file``):
      it suppresses nothing, so the finding names the closest valid spelling;
    - an unknown rule name or code inside a directive (``http-sytnax``), even
      when the directive's other names suppressed something: that name
      silences nothing, and the closest rule is named;
    - a directive that suppresses nothing: suppressions outlive the
      problems they hid, and a stale one would silence the next real
      finding on that line.

    The name is kept from when the rule reported only the last kind, so that
    configurations and baselines keep matching. Reported by the engine,
    which alone knows what each directive matched (like ruff's RUF100).

    Bad::

        <!-- doclint-disable-nextline http-syntax -->
        <!-- doclint-disable-next-line http-sytnax -->
        <!-- doclint-disable-next-line http-syntax -->
        ```http
        GET /me
        ```

    The first is no directive (did you mean ``doclint-disable-next-line``?),
    the second names no rule (did you mean ``http-syntax``?), and the third
    suppresses nothing, since the request is valid.

    Good: spell the directive and the rule as ``doclint rules`` lists them,
    and remove a comment that suppresses nothing::

        ```http
        GET /me
        ```
    """
    return iter(())
