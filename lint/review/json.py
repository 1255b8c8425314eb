"""The review as JSON: the structs of :mod:`lint.review.data`, as they are.

The site's dashboard and scripts read this; its shape is documented in the
README ("`doclint report`") and versioned by ``doclint_review``.
"""

from __future__ import annotations

from typing import TextIO

from msgspec import to_builtins

from lint.report import json_text
from lint.review.data import Review


def write(review: Review, stream: TextIO) -> None:
    """The review as indented JSON; lone surrogates (undecodable file names) as the text of their escape."""
    stream.write(json_text(to_builtins(review)) + "\n")
