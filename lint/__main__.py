"""``python -m lint`` is the same as the ``doclint`` command."""

from lint.cli import run

run()
