"""The do-not-translate list as CSV: a header row, then term, kind, source, note."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from lint.terms.model import Term

COLUMNS = ("term", "kind", "source", "note")


def write_csv(terms: Iterable[Term], out: TextIO) -> None:
    """Write ``terms`` to ``out`` (opened with ``newline=""`` when it is a file, as :mod:`csv` wants)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for term in terms:
        writer.writerow((term.term, term.kind, term.source, term.note))
