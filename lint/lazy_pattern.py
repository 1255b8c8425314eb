"""Regular expressions compiled on first use, for patterns most runs never need.

A one-file pre-commit check pays for every pattern compiled at import: a
dozen patterns of a rule that only bilingual pages reach (token drift) or
only JSON examples reach cost it about a millisecond. :func:`lazy_compile`
stands where ``re.compile`` stood and compiles on the first method call; the
object then behaves exactly as the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    """Compiles on the first attribute asked for, then keeps each bound method as its own attribute.

    After the first call a method (``finditer``, ``sub`` ...) is an ordinary
    instance attribute, so a pattern used in a hot loop costs no more than a
    compiled one: ``__getattr__`` runs only for names not yet looked up.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
