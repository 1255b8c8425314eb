"""Plain-text renderings: a line classifier, then a grouping pass (:mod:`.page`).

The vocabulary of languages and section words and the code-language guesser
are used by this format only.
"""
