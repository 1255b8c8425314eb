"""The review as JSON: the structs of :mod:`lint.review.data`, as they are.

The site's dashboard and scripts read this; its shape is documented in the
README ("`doclint report`") and versioned by ``doclint_review``.
"""

from __future__ import annotations

import json
from typing import TextIO

from msgspec import to_builtins

from lint.review.data import Review


def write(review: Review, stream: TextIO) -> None:
    json.dump(to_builtins(review), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
