"""Bilingual text: every user-facing message exists in Dutch and English."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, Literal, get_args

from attrs import frozen

Lang = Literal["nl", "en"]
"""A language code: ``"nl"`` (Dutch, the default) or ``"en"`` (English)."""

LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "nl"

DateStyle = Literal["long", "iso"]
"""How a date is written: ``"long"`` as people write it (``2 mei 2026``, ``2 May 2026``) or
``"iso"`` (``2026-05-02``). Output for systems (JSON, CSV for systems, iCalendar) is always
ISO; output for people (text, Markdown, HTML) follows :func:`people_dates`."""

DATE_STYLES: tuple[DateStyle, ...] = get_args(DateStyle)

_MONTHS: dict[Lang, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

_PEOPLE_DATES: ContextVar[DateStyle] = ContextVar("integriteit_people_dates", default="long")


def date_text(day: date, lang: Lang, style: DateStyle = "long") -> str:
    """``day`` as written in ``lang``.

    >>> date_text(date(2026, 5, 2), "nl"), date_text(date(2026, 5, 2), "en")
    ('2 mei 2026', '2 May 2026')
    >>> date_text(date(2026, 5, 2), "nl", "iso")
    '2026-05-02'
    """
    if style == "iso":
        return day.isoformat()
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def people_dates() -> DateStyle:
    """How output for people writes dates in this context: ``"long"`` unless
    :func:`people_dates_as` says otherwise (the CLI's ``--iso-dates``)."""
    return _PEOPLE_DATES.get()


@contextmanager
def people_dates_as(style: DateStyle) -> Iterator[None]:
    """Within the block, output for people writes dates in ``style``.

    >>> with people_dates_as("iso"):
    ...     people_dates()
    'iso'
    >>> people_dates()
    'long'
    """
    token = _PEOPLE_DATES.set(style)
    try:
        yield
    finally:
        _PEOPLE_DATES.reset(token)


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
        """The text in ``lang`` with its fields filled in (see :func:`localize`); dates are
        written as ISO text."""
        return formatter(self.get(lang))(localize(values, lang))

    def render(self, lang: Lang, values: Mapping[str, object],
               dates: DateStyle = "iso") -> str:
        """The text in ``lang`` with its fields filled in from ``values``, dates written in
        the style ``dates``.

        >>> Text("uiterlijk {end}", "due {end}").render("nl", {"end": date(2026, 5, 2)}, "long")
        'uiterlijk 2 mei 2026'
        """
        return formatter(self.get(lang))(localize(values, lang, dates))

    def __str__(self) -> str:
        return self.nl


@frozen
class Phrase(Text):
    """A text whose fields are filled in from values of its own, for a fact that is a phrase
    with dates in it (``"op de eerste dag, {start}"``). Read as a text (:meth:`get`, as JSON
    writes a fact), its dates are ISO; output for people fills them in in its own style
    (:meth:`said`, and :func:`localize` with ``dates="long"``).

    >>> p = Phrase("op de eerste dag, {start}", "on the first day, {start}",
    ...            (("start", date(2026, 4, 1)),))
    >>> p.get("nl"), p.said("en", "long")
    ('op de eerste dag, 2026-04-01', 'on the first day, 1 April 2026')
    """

    values: tuple[tuple[str, object], ...] = ()

    def get(self, lang: Lang) -> str:
        """The phrase in ``lang``, its dates as ISO text (:attr:`nl` and :attr:`en` are its
        templates)."""
        return self.said(lang, "iso")

    def __str__(self) -> str:
        return self.get("nl")

    def said(self, lang: Lang, dates: DateStyle) -> str:
        """The phrase in ``lang``, its dates in the style ``dates``."""
        template = self.en if lang == "en" else self.nl
        return formatter(template)(localize(dict(self.values), lang, dates))

    def format(self, lang: Lang, /, **values: object) -> str:
        """The phrase in ``lang`` (its own values; ``values`` are not used)."""
        return self.get(lang)

    def render(self, lang: Lang, values: Mapping[str, object],
               dates: DateStyle = "iso") -> str:
        """The phrase in ``lang``, dates in the style ``dates`` (its own values)."""
        return self.said(lang, dates)


def for_people(text: Text, lang: Lang, dates: DateStyle | None = None) -> str:
    """``text`` in ``lang`` for people: a :class:`Phrase` with its dates in the style
    ``dates`` (default: :func:`people_dates`), any other text as it is."""
    if isinstance(text, Phrase):
        return text.said(lang, dates if dates is not None else people_dates())
    return text.get(lang)


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
    >>> plural(1, "vandaag|gisteren|# dagen geleden"), plural(2, "today|yesterday|# days ago")
    ('gisteren', '2 days ago')
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

    one_fixed = "#" not in one

    def words(n: int) -> str:
        if n == 1:
            return one if one_fixed else f"{o0}1{o1}"
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


def localize(values: Mapping[str, object], lang: Lang,
             dates: DateStyle = "iso") -> dict[str, object]:
    """Replace every :class:`Text` value by its text in ``lang``; with ``dates="long"``, every
    date by its text as people write it (:func:`date_text`); other values stay."""
    if dates == "long":
        return {k: (v.said(lang, dates) if type(v) is Phrase else v.get(lang)
                    if isinstance(v, Text) else date_text(v, lang)
                    if type(v) is date else v) for k, v in values.items()}
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in values.items()}
