"""``python -m lint`` is the same as the ``doclint`` command."""

import sys

from lint.cli import main

sys.exit(main())
