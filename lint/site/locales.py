"""BCP 47 locale tags (doclint's folders) to Sphinx ``language`` codes, and their names."""

from __future__ import annotations

#: Where Sphinx's catalogue name differs from the tag's language subtag.
_SPHINX = {"zh-CN": "zh_CN", "zh-TW": "zh_TW", "pt-BR": "pt_BR", "en-US": "en"}

#: Each language's name in itself, for the switcher and the root index.
NAMES = {
    "en-US": "English",
    "zh-CN": "中文 (简体)",
    "ru-RU": "Русский",
    "es-ES": "Español",
    "de-DE": "Deutsch",
    "fr-FR": "Français",
    "ja-JP": "日本語",
    "ko-KR": "한국어",
    "pt-BR": "Português (Brasil)",
    "it-IT": "Italiano",
    "zh-TW": "中文 (繁體)",
}


def sphinx_language(tag: str) -> str:
    """``zh-CN`` -> ``zh_CN``, ``ru-RU`` -> ``ru``, ``es-ES`` -> ``es``: the catalogue Sphinx has for the tag."""
    return _SPHINX.get(tag, tag.split("-")[0].lower())


def display_name(tag: str) -> str:
    return NAMES.get(tag, tag)
