"""The words a text rendering is recognized by, in every supported language.

A rendering copied out of a browser has no markup left: a heading is just a
short line, and a table header is a run of one-word lines. The only way to
tell them from prose is to know the words, so they are kept here, in English,
Spanish, Chinese, Russian, German, French, Japanese and Portuguese, with the
lookups that use them. Adding a locale or a translation variant is an edit
to this module's data alone.

Headings map to the English anchor and title the page would have in English,
so that the shared rules of :mod:`lint.parse.sections` (which classify by
anchor and English text, never by translated text) apply unchanged.
"""

from __future__ import annotations

import re

from msgspec import Struct

from lint.model import TableRole

__all__ = [
    "FIRST_HEADER_KINDS",
    "LATER_HEADER_KINDS",
    "HeadingWord",
    "cell_kind",
    "context_role",
    "english_cell",
    "match_heading",
    "names_permission",
    "names_permission_type",
]


def _lookup_key(text: str) -> str:
    """Normalize a heading or header cell for lookup.

    Case and all whitespace are dropped, and a trailing colon, so that
    ``HTTP 请求``, ``HTTP-запрос`` and ``Request headers:`` match however the
    renderer spaced them.
    """
    return re.sub(r"\s+", "", text.casefold()).rstrip(":：")


# -- headings -------------------------------------------------------------------


class HeadingWord(Struct, frozen=True):
    """A known section heading: its English anchor and English title.

    The anchor is what the shared section rules classify by; ``is_example``
    marks the numbered ``Example N`` headings, which nest below Examples.
    """

    anchor: str
    english: str
    is_example: bool = False


#: Section headings of a Graph API page: English anchor, English title, translations.
_HEADING_VOCABULARY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "permissions",
        "Permissions",
        ("Permisos", "权限", "Разрешения", "Berechtigungen", "Autorisations", "アクセス許可", "Permissões"),
    ),
    (
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
        "Response",
        ("Respuesta", "响应", "Отклик", "Ответ", "Antwort", "Réponse", "応答", "レスポンス", "Resposta"),
    ),
    (
        "examples",
        "Examples",
        ("Ejemplos", "示例", "Примеры", "Beispiele", "Exemples", "例", "Exemplos"),
    ),
    (
        "request",
        "Request",
        ("Solicitud", "请求", "Запрос", "Anforderung", "Demande", "Requête", "要求", "リクエスト", "Solicitação"),
    ),
)

_HEADINGS: dict[str, HeadingWord] = {
    _lookup_key(word): HeadingWord(anchor, english)
    for anchor, english, translations in _HEADING_VOCABULARY
    for word in (english, *translations)
}

#: ``Example 1: ...`` in every supported language; the number gives the anchor.
_EXAMPLE_HEADING = re.compile(
    r"^(?:Example|Ejemplo|示例|Пример|Beispiel|Exemple|例|Exemplo)"
    r"(?:\s*(?P<num>\d+)\s*(?:[:：.．\-–—]\s*)?(?P<rest>.*)|\s*[:：\-–—]\s*(?P<title>.+)|)$",
    re.IGNORECASE,
)


def match_heading(text: str) -> HeadingWord | None:
    """A known heading: a short line, no final period, in the vocabulary.

    ``Example 1: ...`` headings get the anchor ``example-1`` in every
    language, so that the same example has the same anchor in each rendering.
    """
    if not text or len(text) > 200:
        return None
    word = _HEADINGS.get(_lookup_key(text))
    if word is not None and not text.endswith("."):
        return word
    match = _EXAMPLE_HEADING.match(text)
    if match is None:
        return None
    if match.group("title") is not None and match.group("title").endswith("."):
        return None
    number = match.group("num")
    if number:
        return HeadingWord(f"example-{number}", f"Example {number}", is_example=True)
    return HeadingWord("example", "Example", is_example=True)


# -- table header rows ----------------------------------------------------------

#: Words of a table header row, by the kind of column they name; English first.
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

_CELL_KIND: dict[str, str] = {_lookup_key(word): kind for kind, words in _CELL_WORDS.items() for word in words}

#: Kinds that can open a header row, and kinds that can follow the first cell.
FIRST_HEADER_KINDS = frozenset({"parameter", "name", "property", "header", "permission-type"})
LATER_HEADER_KINDS = frozenset({"type", "description", "value", "required"})


def cell_kind(text: str) -> str | None:
    """The column kind a table header word names (``Tipo`` is ``type``), if any."""
    return _CELL_KIND.get(_lookup_key(text))


def english_cell(kind: str) -> str:
    """The English header word of a column kind, for the shared table-role rules.

    ``permissions`` is the kind of the later cells of a permissions header
    row, which are recognized by stem (:func:`names_permission`), not by word.
    """
    return _CELL_WORDS[kind][0] if kind in _CELL_WORDS else "Permissions"


# -- permissions ----------------------------------------------------------------

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


def names_permission(text: str) -> bool:
    """Whether ``text`` speaks of permissions (a later permissions header cell)."""
    lowered = text.casefold()
    return any(stem in lowered for stem in _PERMISSION_STEMS)


def names_permission_type(text: str) -> bool:
    """Whether ``text`` names a permission type (Delegated ..., Application)."""
    lowered = text.casefold()
    return any(stem in lowered for stem in _PERMISSION_ROW_STEMS)


# -- the sentence before a table ------------------------------------------------

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


def context_role(text: str) -> TableRole | None:
    """The table role named by the sentence that introduces a table."""
    lowered = text.casefold()
    for role, words in _CONTEXT_WORDS:
        if any(word in lowered for word in words):
            return role
    return None
