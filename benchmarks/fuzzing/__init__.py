"""Fuzzing doclint (issue 12): the inputs (:mod:`.strategies`) and what must hold for each (:mod:`.oracle`).

Shared by the short property-based run in the test suite (``tests/test_fuzz.py``)
and the long run (``benchmarks/fuzz.py``), so both try the same inputs against
the same oracle.
"""
