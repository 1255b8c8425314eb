"""A Pygments lexer for HTTP as API references write it.

Pygments' own ``http`` lexer wants a complete message (``POST /x HTTP/1.1``);
Graph pages write ``POST https://graph.microsoft.com/v1.0/...`` with no
version, list several request lines in one block, and show JSON bodies. Sphinx
warns on every block the strict lexer rejects; this one reads what the pages
hold, hands the body to the JSON lexer, and never yields an error token.
"""

from __future__ import annotations

from collections.abc import Iterator

from pygments.lexer import RegexLexer, bygroups, using
from pygments.lexers.data import JsonLexer
from pygments.token import Error, Keyword, Name, Number, Operator, Punctuation, String, Text, _TokenType

_METHODS = r"GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS"


class ApiHttpLexer(RegexLexer):
    name = "HTTP (API reference)"
    aliases = ["http"]  # noqa: RUF012 (Pygments reads class attributes)

    tokens = {  # noqa: RUF012
        "root": [
            (rf"^({_METHODS})(\s+)(\S+)((?:\s+HTTP/[\d.]+)?)(\s*\n)",
             bygroups(Name.Function, Text, Text, Keyword.Reserved, Text)),
            (r"^(HTTP/[\d.]+)(\s+)(\d{3})((?:\s+[^\n]*)?)(\n)",
             bygroups(Keyword.Reserved, Text, Number, Name.Exception, Text)),
            (r"^([A-Za-z][\w-]*)(:)([ \t]*)([^\n]*)(\n)", bygroups(Name.Attribute, Operator, Text, String, Text)),
            (r"^\s*\n", Text, "body"),
            (r"[^\n]+\n?|\n", Text),
        ],
        "body": [
            (r"(?s)\s*[\[{].*", using(JsonLexer)),
            (r"(?s).+", Text),
        ],
    }  # fmt: skip

    def get_tokens_unprocessed(
        self, text: str, stack: tuple[str, ...] = ("root",)
    ) -> Iterator[tuple[int, _TokenType, str]]:
        for index, token, value in super().get_tokens_unprocessed(text, stack):
            # Truncated or commented JSON (``...``, ``// note``) is common in examples: show it, unmarked.
            yield index, (Text if token in Error or (token is Punctuation and not value.strip()) else token), value
