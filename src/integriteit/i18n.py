"""Bilingual text: every user-facing message exists in Dutch and English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

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
        return self.get(lang).format_map(localize(values, lang))

    def __str__(self) -> str:
        return self.nl


def localize(values: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Replace every :class:`Text` value by its text in ``lang``; other values stay."""
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in values.items()}
