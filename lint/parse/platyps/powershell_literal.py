"""Convert PowerShell literals (``@{...}`` hashtables, ``@(...)`` arrays) to JSON values.

A cmdlet example passes its request body as a hashtable, the REST page it wraps
shows the same body as JSON. Converting the hashtable lets a rule compare the
two value by value instead of text by text. Only literals are understood:
strings, numbers, ``$true``/``$false``/``$null``, nested hashtables and arrays.
Anything computed (``$var``, ``$(...)``, ``[Type]::Member()``) is kept as its
source text, because its value is unknowable without running the code.

The tokenizer reads on demand, so the code after a literal is never looked at,
and every error carries an offset that maps back to a line and column of the
file: a broken example is reported where it breaks.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from msgspec import Struct

from lint.lazy_pattern import lazy_compile
from lint.model import JsonError, JsonExample, ParseDiagnostic, Span
from lint.parse.nesting import MAX_NESTING

__all__ = ["CodeLine", "PowerShellSyntaxError", "convert_powershell", "hashtable_examples"]

#: ``$params = @{``, ``$body=[ordered]@{``: where an example builds a hashtable.
_ASSIGNMENT = re.compile(r"\$(?:\{[^}\n]*\}|[\w:]+)[ \t]*=[ \t]*(?:\[[A-Za-z_][\w.]*\][ \t]*)?(?P<open>@\{)")
_QUOTED = re.compile(r"\"(?:[^\"`\n]|`.)*\"|'[^'\n]*'")

#: PowerShell accepts typographic quotes as well: pages pasted from Word have them.
_PS_DOUBLE = '"\u201c\u201d\u201e'
_PS_SINGLE = "'\u2018\u2019\u201a\u201b"
_PS_QUOTES = _PS_DOUBLE + _PS_SINGLE
_PS_SPACE = re.compile(r"(?:[ \t\f\v\r\u00a0\ufeff]+|`\r?\n|#[^\n]*)+")
_PS_NUMBER = re.compile(
    r"-?(?:0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)(?P<suffix>[lLdD]|[kKmMgGtTpP][bB])?(?![\w.])"
)
_PS_VARIABLE = re.compile(r"\$(?:\{[^}\n]*\}|\w[\w:]*|[?^$])")
_PS_CAST = re.compile(r"\[[A-Za-z_][\w.]*(?:\[[^\[\]\n]*\])?\]")
_PS_WORD = re.compile(r"[^\s=;,(){}\[\]\"'`#@$\u201c\u201d\u201e\u2018\u2019\u201a\u201b]+")
_PS_MEMBER = lazy_compile(r"(?:\.|::)\w+|\[[^\]\n]*\]")
_PS_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_PS_UNICODE = lazy_compile(r"`u\{(?P<hex>[0-9a-fA-F]{1,6})\}")
_PS_MULTIPLIERS = {"kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4, "pb": 1024**5}
_PS_CONSTANTS: dict[str, Any] = {"$true": True, "$false": False, "$null": None}
#: Values nested deeper than this are refused rather than risking the recursion limit.
_PS_MAX_DEPTH = MAX_NESTING


class CodeLine(Struct, frozen=True):
    """One line of example code and where its first character is in the file."""

    line: int
    column: int
    text: str


class PowerShellSyntaxError(Exception):
    """A literal that cannot be converted, at an offset in the code text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def hashtable_examples(code: Sequence[CodeLine], path: str) -> tuple[list[JsonExample], list[ParseDiagnostic]]:
    """Every ``$var = @{ ... }`` in ``code``, converted to JSON.

    The code is parsed as one text so that a hashtable split by a stray fence
    line (which is not part of ``code``) still converts. A hashtable that
    cannot be converted gives a JsonExample with ``error`` and no value, plus a
    ``powershell-syntax`` diagnostic at the offending position.
    """
    text = _CodeText(code)
    examples: list[JsonExample] = []
    diagnostics: list[ParseDiagnostic] = []
    resume = 0
    for match in _ASSIGNMENT.finditer(text.text):
        opening = match.start("open")
        if opening < resume or _commented(text.text, match.start()):
            continue
        example, diagnostic, end = _convert(text, opening, path, whole=False)
        examples.append(example)
        if diagnostic is not None:
            diagnostics.append(diagnostic)
        resume = end
    return examples, diagnostics


def convert_powershell(
    text: str, path: str = "", line: int = 1, column: int = 1
) -> tuple[JsonExample, ParseDiagnostic | None]:
    """Convert one PowerShell literal (``@{...}``, ``@(...)``, a string...) to JSON.

    ``line`` and ``column`` place the text's first character in the file;
    later lines start at column 1. Text after the literal is an error.
    """
    code = [CodeLine(line + offset, column if offset == 0 else 1, part) for offset, part in enumerate(text.split("\n"))]
    example, diagnostic, _ = _convert(_CodeText(code), 0, path, whole=True)
    return example, diagnostic


def _commented(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a ``#`` line comment (quoted ``#`` do not count)."""
    prefix = text[text.rfind("\n", 0, offset) + 1 : offset]
    return "#" in _QUOTED.sub("", prefix)


class _CodeText:
    """Code lines joined into one text, with offsets mapped back to file positions."""

    def __init__(self, code: Sequence[CodeLine]) -> None:
        self.code = list(code) or [CodeLine(1, 1, "")]
        self.text = "\n".join(line.text for line in self.code)
        self.starts: list[int] = []
        offset = 0
        for line in self.code:
            self.starts.append(offset)
            offset += len(line.text) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column of an offset into the joined text."""
        at = max(0, bisect.bisect_right(self.starts, offset) - 1)
        line = self.code[at]
        return line.line, line.column + offset - self.starts[at]

    def span(self, path: str, start: int, end: int | None = None) -> Span:
        line, column = self.position(start)
        end_line = self.position(end)[0] if end is not None else line
        return Span(path, line, column, end_line)


def _convert(
    text: _CodeText, opening: int, path: str, *, whole: bool
) -> tuple[JsonExample, ParseDiagnostic | None, int]:
    """Parse the literal at ``opening``; return the example, any diagnostic, and where it ended."""
    parser = _PsParser(text.text, opening)
    try:
        start = parser.skip_separators().start if whole else opening
        value, _ = parser.expression(0)
        end = parser.pos
        if whole:
            parser.skip_separators()
            rest = parser.peek()
            if rest.kind != "eof":
                raise PowerShellSyntaxError(f"unexpected {_describe(text.text, rest)} after the value", rest.start)
    except PowerShellSyntaxError as error:
        line, column = text.position(error.offset)
        line_end = text.text.find("\n", error.offset)
        end = len(text.text) if line_end < 0 else line_end
        source = text.text[opening:end]
        span = text.span(path, opening, end)
        example = JsonExample(text=source, span=span, error=JsonError(error.message, line, column), origin="powershell")
        diagnostic = ParseDiagnostic("powershell-syntax", error.message, Span(path, line, column, line))
        return example, diagnostic, max(end, opening + 2)
    positions = tuple((pointer, *text.position(offset)) for pointer, offset in parser.starts.items())
    return (
        JsonExample(
            text=text.text[start:end],
            span=text.span(path, start, end - 1),
            value=value,
            origin="powershell",
            positions=positions,
        ),
        None,
        end,
    )


class _Token(Struct, frozen=True):
    """A PowerShell token: kind, offsets in the code text, and its value when it has one."""

    kind: str
    start: int
    end: int
    value: Any = None


def _describe(text: str, token: _Token) -> str:
    """How an error message names a token."""
    if token.kind == "eof":
        return "end of code"
    if token.kind == "newline":
        return "end of line"
    return repr(text[token.start : token.end][:40])


class _PsParser:
    """Tokenizer and recursive-descent parser for PowerShell literal values.

    Tokens are read on demand from ``pos``: the code after a hashtable
    (``Invoke-Mg... -CallId $callId``) is never tokenized, so it cannot
    produce spurious errors.
    """

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos
        self._peeked: _Token | None = None
        #: JSON pointer -> offset where its key (or array element) starts, for error positions.
        self.starts: dict[str, int] = {}
        self._path: list[str] = []

    def _at(self, part: str, offset: int) -> None:
        """Note where the member or element ``part`` of the current value starts."""
        self._path.append(part.replace("~", "~0").replace("/", "~1"))
        self.starts.setdefault("/" + "/".join(self._path), offset)

    # -- tokens

    def peek(self) -> _Token:
        if self._peeked is None:
            self._peeked = self._read()
        return self._peeked

    def take(self) -> _Token:
        token = self.peek()
        self.pos = token.end
        self._peeked = None
        return token

    def seek(self, pos: int) -> None:
        self.pos = pos
        self._peeked = None

    def skip_newlines(self) -> None:
        while self.peek().kind == "newline":
            self.take()

    def skip_separators(self) -> _Token:
        """Skip statement separators (new lines and ``;``); return the next token."""
        while self.peek().kind in ("newline", ";"):
            self.take()
        return self.peek()

    def _skip_space(self) -> int:
        """Skip blanks, comments and backtick line continuations."""
        text, pos = self.text, self.pos
        while True:
            match = _PS_SPACE.match(text, pos)
            if match:
                pos = match.end()
            if text.startswith("<#", pos):
                close = text.find("#>", pos + 2)
                if close < 0:
                    raise PowerShellSyntaxError("block comment '<#' is not closed", pos)
                pos = close + 2
                continue
            return pos

    def _read(self) -> _Token:
        """The token at ``pos``: punctuation, strings and here-strings here, the rest below."""
        text = self.text
        start = self._skip_space()
        if start >= len(text):
            return _Token("eof", start, start)
        char = text[start]
        pair = text[start : start + 2]
        if char == "\n":
            return _Token("newline", start, start + 1)
        if pair in ("@{", "@("):
            return _Token(pair, start, start + 2)
        if char == "@" and len(pair) == 2 and pair[1] in _PS_QUOTES:
            return _here_string(text, start)
        if char in "{}();,=":
            return _Token(char, start, start + 1)
        if char in _PS_QUOTES:
            value, end = _quoted(text, start)
            return _Token("string", start, end, value)
        return self._read_other(start)

    def _read_other(self, start: int) -> _Token:
        """Variables, sub-expressions, casts, numbers and bare words."""
        text = self.text
        if text.startswith("$(", start):
            end = _member_chain(text, _balanced(text, start + 1))
            return _Token("expression", start, end, text[start:end])
        variable = _PS_VARIABLE.match(text, start)
        if variable:
            end = _member_chain(text, variable.end())
            return _Token("variable", start, end, text[start:end])
        cast = _PS_CAST.match(text, start)
        if cast:
            return _Token("cast", start, cast.end(), cast.group())
        number = _PS_NUMBER.match(text, start)
        if number:
            return _Token("number", start, number.end(), _number(number))
        word = _PS_WORD.match(text, start)
        if word:
            return _Token("word", start, word.end(), word.group())
        return _Token("other", start, start + 1, text[start])

    # -- grammar

    def expression(self, depth: int) -> tuple[Any, bool]:
        """A value, or a comma list of values; the flag says it was a comma list."""
        first = self.value(depth)
        if self.peek().kind != ",":
            return first, False
        items = [first]
        while self.peek().kind == ",":
            self.take()
            self.skip_newlines()
            items.append(self.value(depth))
        return items, True

    def value(self, depth: int) -> Any:
        """One value; ``depth`` bounds nesting so hostile input cannot exhaust the stack."""
        if depth > _PS_MAX_DEPTH:
            raise PowerShellSyntaxError(f"values are nested deeper than {MAX_NESTING} levels", self.peek().start)
        token = self.take()
        kind = token.kind
        if kind == "@{":
            return self._hashtable(token, depth)
        if kind == "@(":
            return self._array(token, depth)
        if kind in ("string", "number", "expression"):
            return token.value
        if kind == "variable":
            return _PS_CONSTANTS.get(token.value.lower(), token.value)
        if kind == "(":
            end = _member_chain(self.text, _balanced(self.text, token.start))
            self.seek(end)
            return self.text[token.start : end]
        if kind == "cast":
            return self._cast(token, depth)
        if kind == "word":
            raise PowerShellSyntaxError(
                f"{token.value!r} is not a value (a bare word runs a command; quote a string)", token.start
            )
        raise PowerShellSyntaxError(f"expected a value, found {_describe(self.text, token)}", token.start)

    def _cast(self, token: _Token, depth: int) -> Any:
        """``[DateTime]"..."`` keeps the operand; ``[Type]::Member(...)`` keeps its source text."""
        if self.text.startswith("::", token.end):
            end = _member_chain(self.text, token.end)
            self.seek(end)
            return self.text[token.start : end]
        if self.peek().kind in ("newline", "eof", ";", "}", ")", ","):
            return token.value
        return self.value(depth + 1)

    def _hashtable(self, opening: _Token, depth: int) -> dict[str, Any]:
        """``@{ key = value ... }``: entries end at a new line, ``;`` or ``}``; keys are case-insensitive."""
        result: dict[str, Any] = {}
        folded: set[str] = set()

        def entry() -> str:
            key, key_token = self._key()
            if key.casefold() in folded:
                raise PowerShellSyntaxError(
                    f"duplicate key {key!r} (hashtable keys are case-insensitive)", key_token.start
                )
            folded.add(key.casefold())
            equals = self.take()
            if equals.kind != "=":
                raise PowerShellSyntaxError(
                    f"expected '=' after the key {key!r}, found {_describe(self.text, equals)}", equals.start
                )
            self.skip_newlines()
            self._at(key, key_token.start)
            try:
                result[key], _ = self.expression(depth + 1)
            finally:
                self._path.pop()
            return f"the value of {key!r}"

        self._entries(opening, "}", "hashtable", "';'", entry)
        return result

    def _key(self) -> tuple[str, _Token]:
        """A hashtable key as JSON needs it: always a string, numbers as written."""
        token = self.take()
        if token.kind in ("word", "string", "variable"):
            return str(token.value), token
        if token.kind == "number":
            return self.text[token.start : token.end], token
        raise PowerShellSyntaxError(f"expected a key, found {_describe(self.text, token)}", token.start)

    def _array(self, opening: _Token, depth: int) -> list[Any]:
        """``@( ... )``: statements separated by new lines or ``;``, each may be a comma list.

        As in PowerShell, a statement's output is enumerated: ``@(@(1, 2))``
        is ``[1, 2]`` while ``@(@(1, 2), 3)`` is ``[[1, 2], 3]``.
        """
        items: list[Any] = []

        def entry() -> str:
            self._at(str(len(items)), self.peek().start)
            try:
                value, listed = self.expression(depth + 1)
            finally:
                self._path.pop()
            if listed or isinstance(value, list):
                items.extend(value)
            else:
                items.append(value)
            return "an array element"

        self._entries(opening, ")", "array", "','", entry)
        return items

    def _entries(self, opening: _Token, closer: str, what: str, separator: str, entry: Callable[[], str]) -> None:
        """Read the entries of a hashtable or array up to ``closer``.

        ``entry`` reads one entry and says how an error names it; after it
        only a new line, ``;`` or ``closer`` may follow.
        """
        unclosed = f"missing '{closer}' to close the {what} opened here"
        while True:
            token = self.skip_separators()
            if token.kind == closer:
                self.take()
                return
            if token.kind == "eof":
                raise PowerShellSyntaxError(unclosed, opening.start)
            named = entry()
            after = self.peek()
            if after.kind == "eof":
                raise PowerShellSyntaxError(unclosed, opening.start)
            if after.kind not in ("newline", ";", closer):
                raise PowerShellSyntaxError(
                    f"expected a new line, {separator} or '{closer}' after {named}, "
                    f"found {_describe(self.text, after)}",
                    after.start,
                )


def _number(match: re.Match[str]) -> int | float:
    """A PowerShell numeric literal: decimal, hex, exponent, ``kb``..``pb`` multipliers."""
    raw = match.group(0)
    suffix = (match.group("suffix") or "").lower()
    body = raw[: len(raw) - len(suffix)] if suffix else raw
    try:
        if "x" in body.lower():
            value: int | float = int(body, 16)
        elif any(char in body for char in ".eE"):
            value = float(body)
        else:
            value = int(body)
    except ValueError as error:  # more digits than int() accepts
        raise PowerShellSyntaxError("number is too long", match.start()) from error
    if isinstance(value, float) and not math.isfinite(value):
        raise PowerShellSyntaxError("number is out of range", match.start())
    return value * _PS_MULTIPLIERS.get(suffix, 1)


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The string opened at ``start`` and the index after it.

    ``"..."`` takes backtick escapes (variables stay as written), ``'...'`` is
    verbatim; in both a doubled quote stands for one quote.
    """
    double = text[start] in _PS_DOUBLE
    value, end = _characters(text, start + 1, _PS_DOUBLE if double else _PS_SINGLE, escapes=double)
    if end < 0:
        raise PowerShellSyntaxError("string is not closed", start)
    return value, end


def _characters(text: str, index: int, closers: str, *, escapes: bool) -> tuple[str, int]:
    """String content from ``index`` to a closing quote (one of ``closers``), and the index after it.

    The end is -1 when the text runs out first; with no ``closers`` that is
    how a ``@"`` here-string's content, already cut out, is unescaped.
    """
    out: list[str] = []
    count = len(text)
    while index < count:
        char = text[index]
        if escapes and char == "`" and index + 1 < count:
            piece, index = _escape(text, index)
            out.append(piece)
            continue
        if char in closers:
            if index + 1 < count and text[index + 1] in closers:
                out.append(char)
                index += 2
                continue
            return "".join(out), index + 1
        out.append(char)
        index += 1
    return "".join(out), -1


def _escape(text: str, index: int) -> tuple[str, int]:
    """The character a backtick escape at ``index`` stands for, and the index after it."""
    unicode = _PS_UNICODE.match(text, index)
    if unicode:
        code = int(unicode.group("hex"), 16)
        if code <= 0x10FFFF:
            return chr(code), unicode.end()
    following = text[index + 1]
    return _PS_ESCAPES.get(following, following), index + 2


def _here_string(text: str, start: int) -> _Token:
    """``@"`` / ``@'`` here-strings: the content lines up to a line starting ``"@`` / ``'@``."""
    double = text[start + 1] in _PS_DOUBLE
    header_end = text.find("\n", start + 2)
    if header_end < 0 or text[start + 2 : header_end].strip(" \t\r"):
        raise PowerShellSyntaxError("a here-string must end its first line right after @\" or @'", start)
    closers = _PS_DOUBLE if double else _PS_SINGLE
    line_start = header_end + 1
    while line_start <= len(text):
        if text[line_start : line_start + 1] in tuple(closers) and text[line_start + 1 : line_start + 2] == "@":
            content = text[header_end + 1 : max(header_end + 1, line_start - 1)].replace("\r", "")
            if double:
                content = _characters(content, 0, "", escapes=True)[0]
            return _Token("string", start, line_start + 2, content)
        next_line = text.find("\n", line_start)
        if next_line < 0:
            break
        line_start = next_line + 1
    raise PowerShellSyntaxError("here-string is not closed", start)


def _balanced(text: str, opening: int) -> int:
    """Index after the ``)`` matching the ``(`` at ``opening``, skipping strings and comments."""
    depth = 0
    index = opening
    while index < len(text):
        char = text[index]
        if char in _PS_QUOTES:
            index = _quoted(text, index)[1]
            continue
        if char == "#" and (index == 0 or text[index - 1] in " \t\n;"):
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise PowerShellSyntaxError("missing ')' to close the expression opened here", opening)


def _member_chain(text: str, pos: int) -> int:
    """Extend an expression over ``.Member``, ``::Static``, ``[index]`` and ``(call args)``."""
    after_member = False
    while pos < len(text):
        member = _PS_MEMBER.match(text, pos)
        if member:
            after_member = member.group().startswith((".", ":"))
            pos = member.end()
            continue
        if after_member and text[pos] == "(":
            pos = _balanced(text, pos)
            after_member = False
            continue
        break
    return pos
