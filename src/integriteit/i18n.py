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


@functools.lru_cache(maxsize=256)
def plural_forms(spec: str) -> tuple[str, ...] | None:
    """The forms of a plural field's spec: ``"dag|dagen"`` (one, many: the number is put
    before the word) or ``"vandaag|nog # dag|nog # dagen"`` (zero, one, many: ``#`` is the
    number); None when ``spec`` is no plural spec.

    >>> plural_forms("dag|dagen")
    ('# dag', '# dagen')
    >>> plural_forms(">10")
    """
    forms = spec.split("|")
    if len(forms) == 2:
        return tuple(f if "#" in f else f"# {f}" for f in forms)
    if len(forms) == 3:
        return tuple(forms)
    return None


def plural(n: int, spec: str) -> str:
    """``n`` with the word of a plural spec (see :func:`plural_forms`).

    >>> plural(1, "dag|dagen"), plural(3, "day|days"), plural(0, "vandaag|nog # dag|nog # dagen")
    ('1 dag', '3 days', 'vandaag')
    """
    return _plural_of(spec)(n)


@functools.lru_cache(maxsize=256)
def _plural_of(spec: str) -> Callable[[int], str]:
    """``n -> words`` for one plural spec, made once: each form split at ``#``."""
    forms = plural_forms(spec)
    if forms is None:
        raise ValueError(f"not a plural spec: {spec!r}")
    zero, one, many = forms if len(forms) == 3 else (forms[1], forms[0], forms[1])
    z0, _, z1 = zero.partition("#")
    o0, _, o1 = one.partition("#")
    m0, _, m1 = many.partition("#")
    zero_fixed = "#" not in zero

    def words(n: int) -> str:
        if n == 1:
            return f"{o0}1{o1}"
        if n == 0 and zero_fixed:
            return zero
        if n == 0:
            return f"{z0}0{z1}"
        return f"{m0}{n}{m1}"

    return words


def plain_template(template: str) -> bool:
    """Whether :func:`formatter` compiles ``template``: its fields are plain names, or plain
    names with a plural spec (``{days:dag|dagen}``)."""
    try:
        return all(field is None or (field.isidentifier() and not conversion
                                     and (not spec or plural_forms(spec) is not None))
                   for _, field, spec, conversion in string.Formatter().parse(template))
    except ValueError:
        return False


@functools.lru_cache(maxsize=4096)
def formatter(template: str) -> Callable[[Mapping[str, Any]], str]:
    """``template.format_map``, compiled once into an f-string: a large run renders the same
    templates hundreds of thousands of times, and an f-string skips parsing the template
    each time. A field with a plural spec, ``{days:dag|dagen}``, gives the number and the word
    in the right form (``1 dag``, ``3 dagen``; see :func:`plural`). Templates with anything
    else in their fields (a format spec, a conversion, an index) keep ``format_map``.

    >>> formatter("{n} maanden na {start}")({"n": 2, "start": "2024-01-15"})
    '2 maanden na 2024-01-15'
    >>> formatter("nog {n:dag|dagen}")({"n": 1})
    'nog 1 dag'
    """
    if not plain_template(template):
        return _general(template)
    parts: list[str] = []
    names: dict[str, Any] = {"__builtins__": {}}
    for literal, field, spec, _ in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        if spec:
            name = f"p{len(names)}"
            names[name] = _plural_of(spec)
            parts.append(f"{{{name}(v[{field!r}])}}")
        else:
            parts.append(f"{{v[{field!r}]}}")
    try:
        compiled: Callable[[Mapping[str, Any]], str] = eval(  # the field names are identifiers
            "lambda v: f" + repr("".join(parts)), names)
    except SyntaxError:
        return template.format_map
    return compiled


def _general(template: str) -> Callable[[Mapping[str, Any]], str]:
    """``template.format_map``, where a field may also have a plural spec (``{n:dag|dagen}``)
    next to fields with other specs; a template that is no template (``"{"``) raises as
    ``str.format`` does when it is rendered."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return template.format_map
    if not any(spec and plural_forms(spec) is not None for _, _, spec, _ in parsed):
        return template.format_map

    def render(values: Mapping[str, Any]) -> str:
        out: list[str] = []
        for literal, field, spec, conversion in parsed:
            out.append(literal)
            if field is None:
                continue
            if spec and plural_forms(spec) is not None and field.isidentifier():
                out.append(plural(values[field], spec))
            else:
                part = "{" + field + (f"!{conversion}" if conversion else "") + (
                    f":{spec}" if spec else "") + "}"
                out.append(part.format_map(values))
        return "".join(out)

    return render


def localize(values: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Replace every :class:`Text` value by its text in ``lang``; other values stay."""
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in values.items()}
