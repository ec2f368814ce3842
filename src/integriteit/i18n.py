"""Bilingual text: every user-facing message exists in Dutch and English."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args

from attrs import frozen

Lang = Literal["nl", "en"]
"""A language code: ``"nl"`` (Dutch, the default) or ``"en"`` (English)."""

LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "nl"


@frozen
class Text:
    """A text in Dutch and English; a template when it contains ``{name}`` fields.

    >>> t = Text(nl="{n} maanden", en="{n} months")
    >>> t.get("en")
    '{n} months'
    >>> t.format("nl", n=2)
    '2 maanden'
    """

    nl: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.en if lang == "en" else self.nl

    def format(self, lang: Lang, /, **values: object) -> str:
        """The text in ``lang`` with its fields filled in (see :func:`localize`)."""
        return formatter(self.get(lang))(localize(values, lang))

    def __str__(self) -> str:
        return self.nl


@functools.lru_cache(maxsize=4096)
def formatter(template: str) -> Callable[[Mapping[str, Any]], str]:
    """``template.format_map``, compiled once into an f-string: a large run renders the same
    templates hundreds of thousands of times, and an f-string skips parsing the template
    each time. Templates with anything but plain names in their fields (a format spec, a
    conversion, an index) keep ``format_map``.

    >>> formatter("{n} maanden na {start}")({"n": 2, "start": "2024-01-15"})
    '2 maanden na 2024-01-15'
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return template.format_map
    parts: list[str] = []
    for literal, field, spec, conversion in parsed:
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            return template.format_map
        parts.append(f"{{v[{field!r}]}}")
    try:
        compiled: Callable[[Mapping[str, Any]], str] = eval(  # the field names are identifiers
            "lambda v: f" + repr("".join(parts)), {"__builtins__": {}})
    except SyntaxError:
        return template.format_map
    return compiled


def localize(values: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Replace every :class:`Text` value by its text in ``lang``; other values stay."""
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in values.items()}
