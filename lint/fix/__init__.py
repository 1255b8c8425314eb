"""Automatic repair of findings: what a rule proposes (:mod:`lint.fix.edit`) and how ``--fix`` applies it."""
