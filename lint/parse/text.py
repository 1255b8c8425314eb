"""Parse plain-text renderings of Microsoft Graph API reference pages.

A text rendering is what a reader gets by copying a rendered page out of a
browser: no Markdown, every table cell on a line of its own, code blocks as
bare lines, and the SDK snippets of every tab (C#, Go, Java, PHP, Python,
JavaScript, PowerShell) run together with nothing between them. Headings that
the renderer kept are ordinary short lines, in the page's language.

Parsing is two passes, so that each decision is small and testable:

1. a line classifier looks at one line alone and says what it could be
   (blank, HTTP request or status line, heading, table-header word, code of
   some language, comment, JSON start, code-shaped fragment, or prose);
2. a grouping pass walks the classified lines with a little look-ahead and
   builds the model: HTTP messages (header lines, then a JSON body whose
   extent is its balanced brackets), flattened tables (a recognized header
   row, then rows in groups of the header's cell count while the lines still
   look like cells), runs of SDK code split into one snippet per language,
   sections, and prose segments.

Language names are recognized in English, Spanish, Chinese, Russian, German,
French, Japanese and Portuguese. Nothing here raises on bad input: problems
become :class:`~lint.model.ParseDiagnostic` entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from lint.model import (
    Cell,
    CodeBlock,
    HttpRequest,
    HttpResponse,
    JsonError,
    JsonExample,
    Page,
    ParseDiagnostic,
    ProseStatus,
    Section,
    Segment,
    Span,
    Table,
    TableRole,
    TableRow,
)
from lint.parse.http import HEADER_LINE, REQUEST_LINE, STATUS_LINE, HttpBlock, parse_http_block, split_target
from lint.parse.jsontext import parse_json
from lint.parse.locate import page_locale, version_from_path
from lint.parse.prose import find_statuses
from lint.parse.sections import AnchorRegistry, section_role, table_role

__all__ = ["classify_line", "identify_language", "parse", "score_line"]

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


def _key(text: str) -> str:
    """Normalize a heading or header cell for lookup.

    Case and all whitespace are dropped, and a trailing colon, so that
    ``HTTP 请求``, ``HTTP-запрос`` and ``Request headers:`` match however the
    renderer spaced them.
    """
    return re.sub(r"\s+", "", text.casefold()).rstrip(":：")


@dataclass(frozen=True, slots=True)
class _HeadingWord:
    """A known section heading: its role, English anchor and English title."""

    role: str
    anchor: str
    english: str


#: Section headings of a Graph API page, with their translations.
_HEADING_VOCABULARY: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "permissions",
        "permissions",
        "Permissions",
        ("Permisos", "权限", "Разрешения", "Berechtigungen", "Autorisations", "アクセス許可", "Permissões"),
    ),
    (
        "http-request",
        "http-request",
        "HTTP request",
        (
            "Solicitud HTTP",
            "HTTP 请求",
            "HTTP-запрос",
            "HTTP-Anforderung",
            "Requête HTTP",
            "Demande HTTP",
            "HTTP 要求",
            "HTTP リクエスト",
            "Solicitação HTTP",
        ),
    ),
    (
        "path-parameters",
        "path-parameters",
        "Path parameters",
        (
            "Parámetros de ruta",
            "路径参数",
            "Параметры пути",
            "Pfadparameter",
            "Paramètres de chemin",
            "Paramètres de chemin d’accès",
            "パス パラメーター",
            "Parâmetros de caminho",
        ),
    ),
    (
        "query-parameters",
        "optional-query-parameters",
        "Optional query parameters",
        (
            "Parámetros de consulta opcionales",
            "可选的查询参数",
            "Необязательные параметры запроса",
            "Optionale Abfrageparameter",
            "Paramètres de requête facultatifs",
            "オプションのクエリ パラメーター",
            "Parâmetros de consulta opcionais",
        ),
    ),
    (
        "query-parameters",
        "query-parameters",
        "Query parameters",
        (
            "Parámetros de consulta",
            "查询参数",
            "Параметры запроса",
            "Abfrageparameter",
            "Paramètres de requête",
            "クエリ パラメーター",
            "Parâmetros de consulta",
        ),
    ),
    (
        "request-headers",
        "request-headers",
        "Request headers",
        (
            "Request header",
            "Encabezados de solicitud",
            "Encabezados de la solicitud",
            "请求标头",
            "请求头",
            "Заголовки запроса",
            "Заголовки запросов",
            "Anforderungsheader",
            "Anforderungskopfzeilen",
            "En-têtes de demande",
            "En-têtes de la demande",
            "En-têtes de requête",
            "要求ヘッダー",
            "リクエスト ヘッダー",
            "Cabeçalhos de solicitação",
            "Cabeçalhos da solicitação",
        ),
    ),
    (
        "request-body",
        "request-body",
        "Request body",
        (
            "Cuerpo de la solicitud",
            "Cuerpo de solicitud",
            "请求正文",
            "请求体",
            "Текст запроса",
            "Тело запроса",
            "Anforderungstext",
            "Corps de la demande",
            "Corps de demande",
            "Corps de la requête",
            "要求本文",
            "リクエスト本文",
            "Corpo da solicitação",
        ),
    ),
    (
        "response",
        "response",
        "Response",
        ("Respuesta", "响应", "Отклик", "Ответ", "Antwort", "Réponse", "応答", "レスポンス", "Resposta"),
    ),
    (
        "examples",
        "examples",
        "Examples",
        ("Ejemplos", "示例", "Примеры", "Beispiele", "Exemples", "例", "Exemplos"),
    ),
    (
        "request",
        "request",
        "Request",
        ("Solicitud", "请求", "Запрос", "Anforderung", "Demande", "Requête", "要求", "リクエスト", "Solicitação"),
    ),
)

_HEADINGS: dict[str, _HeadingWord] = {
    _key(word): _HeadingWord(role, anchor, english)
    for role, anchor, english, translations in _HEADING_VOCABULARY
    for word in (english, *translations)
}

#: ``Example 1: ...`` in every supported language; the number gives the anchor.
_EXAMPLE_HEADING = re.compile(
    r"^(?:Example|Ejemplo|示例|Пример|Beispiel|Exemple|例|Exemplo)"
    r"(?:\s*(?P<num>\d+)\s*(?:[:：.．\-–—]\s*)?(?P<rest>.*)|\s*[:：\-–—]\s*(?P<title>.+)|)$",
    re.IGNORECASE,
)

#: Words of a table header row, by the kind of column they name.
_CELL_WORDS: dict[str, tuple[str, ...]] = {
    "parameter": ("Parameter", "Parámetro", "参数", "Параметр", "Paramètre", "パラメーター", "パラメータ", "Parâmetro"),
    "name": ("Name", "Nombre", "名称", "Имя", "Название", "Nom", "名前", "Nome"),
    "property": ("Property", "Propiedad", "属性", "Свойство", "Eigenschaft", "Propriété", "プロパティ", "Propriedade"),
    "header": ("Header", "Encabezado", "标头", "Заголовок", "Kopfzeile", "En-tête", "ヘッダー", "Cabeçalho"),
    "type": ("Type", "Tipo", "类型", "Тип", "Typ", "型", "種類"),
    "description": ("Description", "Descripción", "说明", "描述", "Описание", "Beschreibung", "説明", "Descrição"),
    "value": ("Value", "Valor", "值", "Значение", "Wert", "Valeur", "値"),
    "required": (
        "Required",
        "Obligatorio",
        "Requerido",
        "必需",
        "必填",
        "Обязательный",
        "Erforderlich",
        "Obligatoire",
        "Requis",
        "必須",
        "Obrigatório",
    ),
    "permission-type": (
        "Permission type",
        "Tipo de permiso",
        "权限类型",
        "Тип разрешения",
        "Berechtigungstyp",
        "Type d’autorisation",
        "Type d'autorisation",
        "アクセス許可の種類",
        "Tipo de permissão",
    ),
}

_CELL_KIND: dict[str, str] = {_key(word): kind for kind, words in _CELL_WORDS.items() for word in words}

#: Kinds that can open a header row, and kinds that can follow the first cell.
_FIRST_HEADER_KINDS = frozenset({"parameter", "name", "property", "header", "permission-type"})
_LATER_HEADER_KINDS = frozenset({"type", "description", "value", "required"})

#: Stems of "permission" (the later cells of a permissions header row).
_PERMISSION_STEMS = (
    "permission",
    "permiso",
    "权限",
    "разрешени",
    "berechtigung",
    "autorisation",
    "アクセス許可",
    "permiss",
)

#: Stems of the permission types that open each permissions-table row.
_PERMISSION_ROW_STEMS = (
    "delegated",
    "application",
    "delegado",
    "aplicación",
    "委派",
    "应用程序",
    "应用",
    "делегированн",
    "приложени",
    "delegiert",
    "anwendung",
    "délégué",
    "委任",
    "アプリケーション",
    "aplicativo",
    "aplicação",
)

#: Phrases of the prose sentence that introduces a table, by the table role
#: they imply. Checked in order: "corps de la requête" is a request body even
#: though "requête" alone also names query parameters in French.
_CONTEXT_WORDS: tuple[tuple[TableRole, tuple[str, ...]], ...] = (
    (
        "body-parameters",
        (
            "request body",
            "cuerpo de la solicitud",
            "请求正文",
            "请求体",
            "текст запроса",
            "тексте запроса",
            "тело запроса",
            "теле запроса",
            "anforderungstext",
            "corps de la demande",
            "corps de la requête",
            "要求本文",
            "リクエスト本文",
            "corpo da solicitação",
        ),
    ),
    (
        "path-parameters",
        (
            "path parameter",
            "parámetros de ruta",
            "路径参数",
            "параметры пути",
            "pfadparameter",
            "paramètres de chemin",
            "パス パラメーター",
            "parâmetros de caminho",
        ),
    ),
    (
        "query-parameters",
        (
            "query parameter",
            "parámetros de consulta",
            "查询参数",
            "параметры запроса",
            "abfrageparameter",
            "paramètres de requête",
            "クエリ パラメーター",
            "parâmetros de consulta",
        ),
    ),
    ("request-headers", ("header", "encabezado", "标头", "заголов", "kopfzeile", "en-tête", "ヘッダー", "cabeçalho")),
    ("permissions", _PERMISSION_STEMS),
)

#: English header word of each column kind, for the shared table-role rules.
_ENGLISH_CELL: dict[str, str] = {
    "parameter": "Parameter",
    "name": "Name",
    "property": "Property",
    "header": "Header",
    "type": "Type",
    "description": "Description",
    "value": "Value",
    "required": "Required",
    "permission-type": "Permission type",
    "permissions": "Permissions",
}

#: HTTP headers that have no hyphen (hyphenated names are accepted as such).
_KNOWN_HEADERS = frozenset(
    {"authorization", "accept", "prefer", "host", "location", "date", "etag", "consistencylevel", "expect", "range"}
)

# ---------------------------------------------------------------------------
# Code language scoring
# ---------------------------------------------------------------------------

#: Per-language features: a pattern and the evidence it gives. Weights of 3
#: and more are distinctive on their own; smaller ones only add up.
_FEATURES: dict[str, tuple[tuple[str, float], ...]] = {
    "csharp": (
        (r"^using [\w.]+;$", 4),
        (r"^var \w+ = new\b", 4),
        (r"^await graphClient\.[A-Z]", 3),
        (r"\.\w+Async\(", 3),
        (r"\[\"\{[^\"]*\}\"\]", 2),
        (r"\bnew (?:List|Dictionary)<", 3),
        (r"^[A-Z]\w* = .+,$", 1),
        (r"tabs=csharp", 2),
    ),
    "go": (
        (r"^import \($", 4),
        (r"^[\w.]+(?:, \w+)? := ", 4),
        (r"^\w+ \"github\.com/", 4),
        (r"context\.Background\(\)", 3),
        (r"^graphClient\.[A-Z]\w*\(\)", 3),
        (r"\bgraph\w*\.New\w*\(", 2),
        (r"\bgraphmodels\.", 2),
        (r"\(&\w+\)", 2),
        (r"^\"[\w./-]+\"$", 1),
        (r"tabs=go", 2),
    ),
    "java": (
        (r"^[A-Z]\w*(?:<[\w<>, ?]*>)? \w+ = new [\w.]+(?:<[^>]*>)?\(.*\);$", 4),
        (r"^(?:com|java)\.[\w.]+ \w+ = new ", 4),
        (r"^graphClient\.[a-z]\w*\(\)", 3),
        (r"\bnew (?:LinkedList|HashMap|ArrayList)<", 3),
        (r"^\w+\.set[A-Z]\w*\(.*\);$", 2),
        (r"tabs=java", 2),
    ),
    "php": (
        (r"^<\?php", 6),
        (r"^use [A-Z]\w*(?:\\\w+)+;$", 5),
        (r"^\$\w+ = new ", 3),
        (r"\$\w+->\w+", 3),
        (r"->wait\(\);", 2),
        (r"tabs=php", 2),
    ),
    "python": (
        (r"^from [\w.]+ import ", 5),
        (r"^[a-z_]\w* = [A-Z]\w*\($", 3),
        (r"^await \w*_\w*\.", 3),
        (r"\b[a-z]+_[a-z_]+\(", 2),
        (r"^import [\w.]+$", 2),
        (r"^[a-z_]\w* = .+,$", 1),
        (r"tabs=python", 2),
    ),
    "javascript": (
        (r"^(?:const|let) \w+ = ", 4),
        (r"\bclient\.api\(", 4),
        (r"\bClient\.init\(", 4),
        (r"^authProvider,?$", 3),
        (r"^\.(?:get|post|patch|put|delete|select|filter|header|version)\(", 2),
        (r"tabs=javascript", 2),
    ),
    "powershell": (
        (r"^Import-Module\s", 6),
        (r"^\$\w+ = @\{", 5),
        (r"^(?:Get|Set|New|Remove|Update|Invoke|Add|Stop|Start|Test|Clear|Move|Restore|Confirm)-Mg\w+", 6),
        (r"= @[{(]", 3),
        (r"\s-\w+ \$\w+", 2),
        (r"tabs=powershell", 2),
    ),
    "cli": (
        (r"^mgc ", 6),
        (r"THE CLI IS IN PREVIEW", 6),
    ),
}

_COMPILED_FEATURES: tuple[tuple[str, tuple[tuple[re.Pattern[str], float], ...]], ...] = tuple(
    (language, tuple((re.compile(pattern), weight) for pattern, weight in features))
    for language, features in _FEATURES.items()
)

#: A line this sure of one language is code on its own, without neighbours.
_STRONG = 3.0

#: Lines that open a snippet of a new language whatever came before.
_SNIPPET_OPENER = re.compile(r"^(?:<\?php|Import-Module\s)")

_COMMENT = re.compile(r"^(?://|#|/\*)")
_BANNER = re.compile(r"^(?://|#)\s*(?:Code snippets are only available|THE CLI IS IN PREVIEW)", re.IGNORECASE)
_CODE_PUNCTUATION = re.compile(r"[;{}()\[\]=<>$@\"'\\&|]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")


def score_line(text: str) -> dict[str, float]:
    """Evidence, per language, that ``text`` (one stripped line) is its code.

    Only languages with some evidence appear in the result.
    """
    scores: dict[str, float] = {}
    for language, features in _COMPILED_FEATURES:
        total = sum(weight for pattern, weight in features if pattern.search(text))
        if total:
            scores[language] = total
    return scores


def _best(scores: dict[str, float]) -> tuple[str | None, float]:
    """The language with the most evidence (first in feature order on ties)."""
    best: str | None = None
    best_score = 0.0
    for language, score in scores.items():
        if score > best_score:
            best, best_score = language, score
    return best, best_score


def identify_language(lines: Iterable[str]) -> str:
    """Name the language of a snippet by adding up the evidence of its lines.

    Returns ``text`` when no line says anything about a language.
    """
    totals: dict[str, float] = {}
    for line in lines:
        for language, score in score_line(line.strip()).items():
            totals[language] = totals.get(language, 0.0) + score
    best, _ = _best({language: totals[language] for language in _FEATURES if language in totals})
    return best or "text"


# ---------------------------------------------------------------------------
# Pass 1: the line classifier
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    """One file line and what it looks like on its own."""

    number: int
    raw: str
    text: str
    column: int
    kind: str
    scores: dict[str, float] = field(default_factory=dict)
    heading: _HeadingWord | None = None


def _match_heading(text: str) -> _HeadingWord | None:
    """A known heading: a short line, no final period, in the vocabulary.

    ``Example 1: ...`` headings get the anchor ``example-1`` in every
    language, so that the same example has the same anchor in each rendering.
    """
    if not text or len(text) > 200:
        return None
    word = _HEADINGS.get(_key(text))
    if word is not None and not text.endswith("."):
        return word
    match = _EXAMPLE_HEADING.match(text)
    if match is None:
        return None
    if match.group("title") is not None and match.group("title").endswith("."):
        return None
    number = match.group("num")
    if number:
        return _HeadingWord("example", f"example-{number}", f"Example {number}")
    return _HeadingWord("example", "example", "Example")


#: Longer lines are never request, status or header lines; the shared
#: patterns backtrack on long runs of spaces, so they are not even tried.
_MAX_MESSAGE_LINE = 4096
_METHOD_PREFIXES = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _is_request_start(text: str) -> bool:
    """An HTTP request line whose target is a URL or a path, not a word.

    ``DELETE requests are idempotent.`` matches the loose request-line
    pattern; a real target starts with ``/``, ``{``, a scheme or the host.
    """
    if len(text) > _MAX_MESSAGE_LINE or not text.startswith(_METHOD_PREFIXES):
        return False
    match = REQUEST_LINE.match(text)
    if match is None:
        return False
    target = match.group("target")
    return target.startswith(("/", "{", "http://", "https://", "graph.microsoft.com"))


def _prose_like(text: str) -> bool:
    """True for natural-language text: several words made of letters only.

    Code has identifiers joined by dots and brackets; a sentence has words.
    CJK text has no spaces, so a few CJK characters are enough.
    """
    if len(_CJK.findall(text)) >= 4:
        return True
    words = text.split()
    letters = sum(1 for word in words if word.strip(".,:;!?()\"'«»¿¡").isalpha())
    return letters >= 4 and letters >= 0.6 * len(words)


def _is_json_start(text: str) -> bool:
    """The first line of a JSON text as renderers print it."""
    return text in ("{", "[", "{}", "[]") or text.startswith(('{"', '["', "[{"))


def classify_line(text: str) -> tuple[str, dict[str, float]]:
    """Say what one stripped line looks like, without context.

    Kinds: ``blank``, ``request``, ``status``, ``heading``, ``table-word``,
    ``banner``, ``comment``, ``code``, ``json-start``, ``weak`` (code-shaped
    but not sure: braces, ``x = y,``, quoted strings) and ``prose``. The
    language scores are returned for code-ish lines.
    """
    if not text:
        return "blank", {}
    if _is_request_start(text):
        return "request", {}
    if len(text) <= _MAX_MESSAGE_LINE and text.startswith("HTTP/") and STATUS_LINE.match(text):
        return "status", {}
    if _match_heading(text) is not None:
        return "heading", {}
    if _key(text) in _CELL_KIND:
        return "table-word", {}
    scores = score_line(text)
    if _BANNER.match(text):
        return "banner", scores
    if _COMMENT.match(text):
        return "comment", scores
    if _best(scores)[1] >= _STRONG:
        return "code", scores
    if _is_json_start(text):
        return "json-start", scores
    if not _prose_like(text) and (scores or _CODE_PUNCTUATION.search(text)):
        return "weak", scores
    return "prose", scores


def _classify(raw: str, number: int) -> _Line:
    text = raw.strip()
    kind, scores = classify_line(text)
    column = len(raw) - len(raw.lstrip()) + 1
    heading = _match_heading(text) if kind == "heading" else None
    return _Line(number, raw, text, column, kind, scores, heading)


def _split_lines(text: str) -> list[str]:
    """File lines as editors number them (LF or CRLF; no phantom last line)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


# ---------------------------------------------------------------------------
# Pass 2: grouping helpers that need no parser state
# ---------------------------------------------------------------------------


def _bracket_delta(text: str) -> int:
    """Net JSON nesting change of one line, ignoring brackets inside strings."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth


def _jsonish(text: str) -> bool:
    """A line that can be part of a JSON text printed one member per line."""
    if not text:
        return True
    return text[0] in '{}[]",-0123456789' or text.startswith(("true", "false", "null"))


def _json_end(lines: Sequence[_Line], start: int) -> int:
    """Index of the last line of the JSON text starting at ``start``.

    The extent is the balanced brackets. An unbalanced text stops before the
    first line that cannot be JSON (a heading, prose, code), so that a broken
    body does not swallow the rest of the page; the JSON example keeps
    its parse error.
    """
    depth = 0
    last = start
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and not _jsonish(line.text):
            break
        if line.kind == "blank":
            continue
        last = index
        depth += _bracket_delta(line.text)
        if depth <= 0:
            return index
    return last


def _json_text(lines: Sequence[_Line]) -> str:
    """The JSON text of body lines, starting at its first character."""
    return "\n".join([lines[0].text, *(line.raw for line in lines[1:])])


def _too_deep(lines: Sequence[_Line], span: Span, response: bool) -> JsonExample:
    """A JSON text nested too deeply for the decoder: kept, with an error."""
    return JsonExample(
        text=_json_text(lines),
        span=span,
        error=JsonError("JSON text is nested too deeply to parse", span.line, span.column),
        origin="response-body" if response else "request-body",
    )


def _is_header_line(line: _Line) -> bool:
    """An HTTP header line: ``Name: value`` with a plausible header name.

    The name must be a known header or hyphenated, so that prose such as
    ``Nota: ...`` after a request without body is not taken for a header.
    """
    if len(line.text) > _MAX_MESSAGE_LINE:
        return False
    match = HEADER_LINE.match(line.text)
    if match is None or line.kind in ("heading", "request", "status"):
        return False
    name = match.group("name")
    return name.casefold() in _KNOWN_HEADERS or ("-" in name.strip("-") and not name.startswith("-"))


_NAME_CELL = re.compile(r"^[@$]?[\w{}\[\]./:-]+(?:\s*\|\s*[@$]?[\w{}\[\]./:-]+)*(?: \([^()]{1,40}\))?$")

#: Kinds a table cell can never be.
_NOT_CELL = frozenset({"blank", "request", "status", "heading", "table-word", "banner", "code", "comment"})


def _is_name_cell(line: _Line) -> bool:
    """First cell of a parameter or header row: an identifier, or a short name."""
    if line.kind in _NOT_CELL or line.kind == "json-start" or len(line.text) > 80:
        return False
    if _NAME_CELL.match(line.text):
        return True
    return len(line.text.split()) <= 3 and not line.text.endswith(".") and not _prose_like(line.text)


def _is_short_cell(line: _Line, limit: int) -> bool:
    """A type, value or required cell: short, and not anything else."""
    return line.kind not in _NOT_CELL and 0 < len(line.text) <= limit and len(line.text.split()) <= 6


def _is_text_cell(line: _Line) -> bool:
    """A description cell: any text that is not a heading, message or code."""
    return line.kind not in _NOT_CELL


def _is_permission_row_cell(line: _Line) -> bool:
    """A permission type (Delegated ..., Application): it opens every row."""
    lowered = line.text.casefold()
    return (
        line.kind not in _NOT_CELL
        and len(line.text) <= 80
        and any(stem.casefold() in lowered for stem in _PERMISSION_ROW_STEMS)
    )


def _cell_fits(kind: str, line: _Line) -> bool:
    """Whether ``line`` can be the cell of a column named by header ``kind``."""
    if kind == "permission-type":
        return _is_permission_row_cell(line)
    if kind in _FIRST_HEADER_KINDS:
        return _is_name_cell(line)
    if kind in ("type", "value", "required"):
        return _is_short_cell(line, 60 if kind == "type" else 120)
    if kind == "permissions":
        return line.kind not in _NOT_CELL and len(line.text) <= 200
    return _is_text_cell(line)


def _header_kinds(lines: Sequence[_Line], start: int) -> list[str]:
    """Column kinds of the table header row at ``start``, or ``[]``.

    A header row is a first cell naming the row key (Parameter, Name,
    Property, Header, Permission type) followed by cells naming the other
    columns; a permissions header continues with cells about permissions.
    """
    first = _CELL_KIND.get(_key(lines[start].text))
    if first not in _FIRST_HEADER_KINDS:
        return []
    kinds = [first]
    index = start + 1
    while index < len(lines) and len(kinds) < 6:
        line = lines[index]
        if first == "permission-type":
            lowered = line.text.casefold()
            if len(kinds) >= 3 or len(line.text) > 80 or not any(stem in lowered for stem in _PERMISSION_STEMS):
                break
            kinds.append("permissions")
        else:
            kind = _CELL_KIND.get(_key(line.text)) if line.text else None
            if kind not in _LATER_HEADER_KINDS:
                break
            kinds.append(kind)
        index += 1
    return kinds if len(kinds) >= 2 else []


def _context_role(text: str) -> TableRole | None:
    """The table role named by the sentence that introduces a table."""
    lowered = text.casefold()
    for role, words in _CONTEXT_WORDS:
        if any(word in lowered for word in words):
            return role
    return None


def _snippet_boundary(totals: dict[str, float], has_code: bool, line: _Line) -> bool:
    """Whether ``line`` opens a new snippet inside a run of code.

    Renderings put the snippets of all tabs one after another. A new snippet
    starts at an opener line (``<?php``, ``Import-Module``), or at a line that
    is strong evidence for one language and none at all for the language the
    current snippet has shown so far.
    """
    if not has_code:
        return False
    if _SNIPPET_OPENER.match(line.text):
        return True
    current, current_score = _best(totals)
    best, best_score = _best(line.scores)
    if current is None or best is None or current_score <= 0:
        return False
    return best_score >= _STRONG and best != current and line.scores.get(current, 0.0) == 0.0


def _split_snippets(run: Sequence[_Line]) -> list[list[_Line]]:
    """Split a run of code lines into one snippet per language.

    Comment lines wait until the next code line: they belong to the snippet
    that line opens (``// Dependencies`` before ``using``), or else to the
    current one. A banner (``// Code snippets are only available ...``)
    always opens a snippet once the current one has code.
    """
    snippets: list[list[_Line]] = []
    current: list[_Line] = []
    pending: list[_Line] = []
    totals: dict[str, float] = {}

    def take(lines: Sequence[_Line]) -> None:
        for line in lines:
            current.append(line)
            for language, score in line.scores.items():
                totals[language] = totals.get(language, 0.0) + score

    for line in run:
        if line.kind in ("comment", "blank"):
            pending.append(line)
            continue
        has_code = any(seen.kind not in ("banner", "comment", "blank") for seen in current)
        if line.kind == "banner":
            take(pending)
            pending = []
            opens = has_code
        else:
            opens = _snippet_boundary(totals, has_code, line)
        if opens:
            snippets.append(current)
            current, totals = [], {}
        take([*pending, line])
        pending = []
    take(pending)
    snippets.append(current)
    return [trimmed for snippet in snippets if (trimmed := _trim_blank(snippet))]


def _trim_blank(lines: list[_Line]) -> list[_Line]:
    """Blank lines around a snippet belong to no snippet."""
    start, end = 0, len(lines)
    while start < end and lines[start].kind == "blank":
        start += 1
    while end > start and lines[end - 1].kind == "blank":
        end -= 1
    return lines[start:end]


def _looks_binary(text: str) -> bool:
    """NUL bytes or many control characters: not a text rendering at all."""
    if "\x00" in text:
        return True
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    return controls > max(8, len(text) // 10)


# ---------------------------------------------------------------------------
# Pass 2: the grouping pass
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _OpenSection:
    """A heading seen so far; its region's last line is known only at the end."""

    level: int
    title: str
    anchor: str
    role: str
    span: Span
    source_title: str | None
    parent: str | None


class _Grouper:
    """Walks classified lines once and collects the page's elements."""

    def __init__(self, path: str, lines: list[_Line], english: bool) -> None:
        self.path = path
        self.lines = lines
        self.english = english
        self.sections: list[_OpenSection] = []
        self.stack: list[_OpenSection] = []
        self.anchors = AnchorRegistry()
        self.requests: list[HttpRequest] = []
        self.responses: list[HttpResponse] = []
        self.tables: list[Table] = []
        self.json_examples: list[JsonExample] = []
        self.statuses: list[ProseStatus] = []
        self.segments: list[Segment] = []
        self.code_blocks: list[CodeBlock] = []

    # -- driver ------------------------------------------------------------

    def run(self) -> None:
        """Dispatch on each line's kind; every branch consumes what it owns."""
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            kind = line.kind
            if kind == "blank":
                index += 1
            elif kind in ("request", "status"):
                index = self.http(index)
            elif kind == "heading":
                self.heading(line)
                index += 1
            elif kind == "table-word" and (after := self.table(index)) is not None:
                index = after
            elif self.starts_code(index):
                index = self.code(index)
            elif kind == "json-start":
                index = self.json(index)
            else:
                self.prose(line)
                index += 1

    # -- context -----------------------------------------------------------

    @property
    def section(self) -> _OpenSection | None:
        return self.stack[-1] if self.stack else None

    @property
    def anchor(self) -> str | None:
        return self.stack[-1].anchor if self.stack else None

    def span(self, first: _Line, last: _Line | None = None) -> Span:
        return Span(self.path, first.number, first.column, (last or first).number)

    def in_examples(self) -> _OpenSection | None:
        """The innermost open Examples/Example section, if any."""
        for open_section in reversed(self.stack):
            if open_section.role in ("example", "examples"):
                return open_section
        return None

    # -- headings ----------------------------------------------------------

    def heading_level(self, word: _HeadingWord) -> int:
        """Levels as Graph pages use them: sections 2, examples 3, parts 4.

        A Response heading inside an example is the example's response, one
        level below it; elsewhere it is the page's Response section.
        """
        examples = self.in_examples()
        if word.role == "example":
            outer = next((s for s in reversed(self.stack) if s.role == "examples"), None)
            return outer.level + 1 if outer else 2
        if word.role in ("request", "response") and examples is not None:
            return examples.level + 1
        if word.role == "request":
            return 3
        return 2

    def heading(self, line: _Line) -> None:
        """Open a section; its role comes from the shared English-anchor rules."""
        word = line.heading
        if word is None:
            return
        level = self.heading_level(word)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        open_section = _OpenSection(
            level=level,
            title=line.text,
            anchor=self.anchors.unique(word.anchor),
            role=section_role(word.anchor, word.english, self.in_examples() is not None),
            span=self.span(line),
            source_title=line.text if self.english else word.english,
            parent=self.anchor,
        )
        self.sections.append(open_section)
        self.stack.append(open_section)
        self.segments.append(Segment(line.text, self.span(line)))

    def finished_sections(self) -> tuple[Section, ...]:
        """Sections with their region: up to the next heading of their level."""
        last_line = self.lines[-1].number if self.lines else 0
        result = []
        for position, open_section in enumerate(self.sections):
            end = last_line
            for later in self.sections[position + 1 :]:
                if later.level <= open_section.level:
                    end = later.span.line - 1
                    break
            result.append(
                Section(
                    level=open_section.level,
                    title=open_section.title,
                    anchor=open_section.anchor,
                    role=open_section.role,
                    span=open_section.span,
                    source_title=open_section.source_title,
                    end_line=end,
                    parent=open_section.parent,
                )
            )
        return tuple(result)

    # -- prose -------------------------------------------------------------

    def prose(self, line: _Line) -> None:
        """One segment per prose line; statuses only in the Response section."""
        if _PUNCTUATION_ONLY.match(line.text):
            return
        self.segments.append(Segment(line.text, self.span(line)))
        section = self.section
        if section is None or section.role != "response":
            return
        for status, reason, start, end in find_statuses(line.raw):
            self.statuses.append(
                ProseStatus(
                    status=status,
                    reason=reason,
                    text=line.raw[start:end],
                    span=Span(self.path, line.number, start + 1, line.number),
                    section=section.anchor,
                )
            )

    # -- HTTP messages -----------------------------------------------------

    def http(self, start: int) -> int:
        """An HTTP request or status line, its header lines, and a JSON body.

        In the HTTP request section, consecutive request lines are the
        syntax block; elsewhere a request is an example unless its target is
        a template (relative, with ``{placeholders}``).
        """
        first = self.lines[start]
        if first.kind == "request" and self.is_syntax(first):
            end = start
            while (after := self.next_nonblank(end + 1)) < len(self.lines) and self.lines[after].kind == "request":
                end = after
            self.add_http(start, end, end, "syntax")
            return end + 1
        head_end = start
        while head_end + 1 < len(self.lines) and _is_header_line(self.lines[head_end + 1]):
            head_end += 1
        body = self.next_nonblank(head_end + 1)
        end = head_end
        if body < len(self.lines) and self.lines[body].text[:1] in ("{", "["):
            end = _json_end(self.lines, body)
        self.add_http(start, head_end, end, "example")
        return end + 1

    def next_nonblank(self, index: int) -> int:
        """Index of the first non-blank line from ``index`` (or the end)."""
        while index < len(self.lines) and self.lines[index].kind == "blank":
            index += 1
        return index

    def is_syntax(self, line: _Line) -> bool:
        """Whether a request line documents the operation rather than shows it."""
        section = self.section
        if section is not None and section.role == "http-request":
            return True
        match = REQUEST_LINE.match(line.text)
        target = split_target(match.group("target")) if match else None
        return target is not None and target.host is None and "{" in target.path

    def add_http(self, start: int, head_end: int, end: int, origin: str) -> None:
        """Hand the block to the shared HTTP parser.

        A body nested deeper than the JSON decoder can recurse is kept, with
        an error, instead of failing the page.
        """
        block = self.span(self.lines[start], self.lines[end])
        try:
            parsed = self.parse_block(start, end, origin, block)
        except RecursionError:
            parsed = self.parse_block(start, head_end, origin, block)
            body_lines = self.lines[self.next_nonblank(head_end + 1) : end + 1]
            if body_lines:
                body = _too_deep(body_lines, self.span(body_lines[0], body_lines[-1]), parsed.requests == ())
                parsed = HttpBlock(
                    tuple(replace(request, body=body) for request in parsed.requests),
                    tuple(replace(response, body=body) for response in parsed.responses),
                    parsed.empty,
                )
        self.requests.extend(parsed.requests)
        self.responses.extend(parsed.responses)

    def parse_block(self, start: int, end: int, origin: str, block: Span) -> HttpBlock:
        """Lines ``start..end`` through the parser every format shares."""
        return parse_http_block(
            [line.raw for line in self.lines[start : end + 1]],
            path=self.path,
            first_line=self.lines[start].number,
            origin="syntax" if origin == "syntax" else "example",
            section=self.anchor,
            block=block,
        )

    def json(self, start: int) -> int:
        """A JSON text standing on its own (an example that is not a message)."""
        end = _json_end(self.lines, start)
        body = self.lines[start : end + 1]
        span = self.span(body[0], body[-1])
        try:
            example = parse_json(_json_text(body), span)
        except RecursionError:
            example = replace(_too_deep(body, span, False), origin="json-fence")
        self.json_examples.append(example)
        return end + 1

    # -- tables ------------------------------------------------------------

    def table(self, start: int) -> int | None:
        """A flattened table: header cells, then rows of as many cells.

        Rows continue while each group of lines fits the columns the header
        names; a table with a header but no row is not a table.
        """
        kinds = _header_kinds(self.lines, start)
        if not kinds:
            return None
        width = len(kinds)
        groups: list[Sequence[_Line]] = []
        index = start + width
        while index + width <= len(self.lines):
            group = self.lines[index : index + width]
            if not all(_cell_fits(kind, line) for kind, line in zip(kinds, group, strict=True)):
                break
            groups.append(group)
            index += width
        if not groups:
            return None
        header = self.row(self.lines[start : start + width])
        rows = [self.row(group) for group in groups]
        self.tables.append(
            Table(
                role=self.table_role(kinds, start),
                header=header,
                rows=tuple(rows),
                span=Span(self.path, header.span.line, header.span.column, rows[-1].span.end_line),
                section=self.anchor,
            )
        )
        return index

    def row(self, lines: Sequence[_Line]) -> TableRow:
        """A row of cells, each on its own line; cells are visible text too."""
        cells = tuple(Cell(line.text, self.span(line)) for line in lines)
        self.segments.extend(Segment(cell.text, cell.span) for cell in cells)
        return TableRow(cells, self.span(lines[0], lines[-1]))

    def table_role(self, kinds: list[str], start: int) -> TableRole:
        """Role from the header words, the sentence before, then the section.

        The sentence just before a table ("In the request body, supply ...")
        is the most local evidence, and renderings often drop the headings
        between sections; the section and the English header words decide
        the way they do for every format when that sentence says nothing.
        """
        if kinds[0] == "permission-type":
            return "permissions"
        before = start - 1
        while before >= 0 and self.lines[before].kind == "blank":
            before -= 1
        if before >= 0 and self.lines[before].kind not in ("heading", "table-word"):
            role = _context_role(self.lines[before].text)
            if role is not None and role != "permissions":
                return role
        section = self.section
        return table_role(section.role if section else None, [_ENGLISH_CELL[kind] for kind in kinds])

    # -- code --------------------------------------------------------------

    def starts_code(self, start: int) -> bool:
        """Code starts at a strong line or a banner, or at comments before one."""
        kind = self.lines[start].kind
        if kind in ("code", "banner"):
            return True
        if kind != "comment":
            return False
        for line in self.lines[start + 1 : start + 6]:
            if line.kind == "code":
                return True
            if line.kind not in ("comment", "blank"):
                return False
        return False

    def code_end(self, start: int) -> int:
        """End (exclusive) of the run of code lines starting at ``start``.

        Code-shaped lines and JSON-looking lines continue a run; blank lines
        too when code follows them. Prose, headings, table headers and HTTP
        messages end it.
        """
        index = start + 1
        continuing = ("code", "banner", "comment", "weak", "json-start")
        while index < len(self.lines):
            kind = self.lines[index].kind
            if kind in continuing:
                index += 1
                continue
            if kind != "blank":
                break
            after = index
            while after < len(self.lines) and self.lines[after].kind == "blank":
                after += 1
            if after >= len(self.lines) or self.lines[after].kind not in ("code", "banner", "comment", "weak"):
                break
            index = after
        return index

    def code(self, start: int) -> int:
        """A run of code lines, kept as one unfenced block per snippet."""
        end = self.code_end(start)
        for snippet in _split_snippets(self.lines[start:end]):
            self.code_blocks.append(
                CodeBlock(
                    language=identify_language(line.text for line in snippet),
                    text="\n".join(line.raw for line in snippet),
                    span=self.span(snippet[0], snippet[-1]),
                    fenced=False,
                    section=self.anchor,
                )
            )
        return end


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def parse(text: str, path: str) -> Page:
    """Parse a plain-text rendering of a Graph REST API page.

    Never raises: input that is not text, and any failure of the parser
    itself, give a page with an ``unsupported-format`` diagnostic.
    """
    locale = page_locale(path, {})
    version = version_from_path(path)
    try:
        return _parse(text, path, locale, version)
    except Exception as error:  # the contract is a page, whatever the input
        return Page(
            path=path,
            locale=locale,
            version=version,
            kind="rest",
            format="text",
            diagnostics=(ParseDiagnostic("unsupported-format", f"text parser failed: {error!r}", Span(path, 1, 1, 1)),),
        )


def _parse(text: str, path: str, locale: str, version: str | None) -> Page:
    if not isinstance(text, str) or _looks_binary(text):
        return Page(
            path=path,
            locale=locale,
            version=version,
            kind="rest",
            format="text",
            diagnostics=(
                ParseDiagnostic("unsupported-format", "not a text rendering (binary data)", Span(path, 1, 1, 1)),
            ),
        )
    lines = [_classify(raw, number) for number, raw in enumerate(_split_lines(text), start=1)]
    grouper = _Grouper(path, lines, english=locale.casefold().startswith("en"))
    grouper.run()
    if version is None:
        version = next((request.version for request in grouper.requests if request.version), None)
    return Page(
        path=path,
        locale=locale,
        version=version,
        kind="rest",
        format="text",
        sections=grouper.finished_sections(),
        requests=tuple(grouper.requests),
        responses=tuple(grouper.responses),
        tables=tuple(grouper.tables),
        json_examples=tuple(grouper.json_examples),
        prose_statuses=tuple(grouper.statuses),
        segments=tuple(grouper.segments),
        code_blocks=tuple(grouper.code_blocks),
    )
