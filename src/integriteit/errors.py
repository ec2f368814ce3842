"""The library's exceptions: a base class, and one error for bad input listing every problem."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from integriteit.i18n import Lang, Text

LINE_MAX = 1000
"""Longest problem line (before the record id); a safety net, the parts are cut already."""
SHOWN_MAX = 60
"""Longest echoed value, id or key in a problem line (longer ones end in an ellipsis)."""

_UNSAFE = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
           for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)}
_UNSAFE.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
"""Characters that would break a line or a terminal: control characters (C0, DEL, C1, ESC and
CR among them) and the Unicode line and paragraph separators."""


def shown(text: str, limit: int = SHOWN_MAX) -> str:
    """``text`` as a problem line may echo it: on one line, without terminal controls, and cut
    to ``limit`` characters with an ellipsis.

    >>> print(shown("line\\u2028break\\x1b[31m"))
    line\\u2028break\\x1b[31m
    >>> len(shown("x" * 1_000_000))
    60
    """
    cut = text if len(text) <= limit else text[:limit - 1] + "…"
    return cut.translate(_UNSAFE)


def one_line(text: str) -> str:
    """``text`` with control characters and line separators escaped, uncut: for document
    strings (a name, an id) in outputs read line by line."""
    return text.translate(_UNSAFE)


class IntegriteitError(Exception):
    """Base class of every exception this library raises on purpose.

    Raised with a :class:`~integriteit.i18n.Text`, it reads in English as a string and in
    either language through :meth:`message`.
    """

    def __init__(self, *args: object) -> None:
        self.text = args[0] if args and isinstance(args[0], Text) else None
        super().__init__(*((self.text.en,) if self.text is not None else args))

    def message(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (English when the error was raised with plain text)."""
        return self.text.get(lang) if self.text is not None else str(self)


@frozen
class Problem:
    """One thing wrong with the input: where it is and what is wrong, in Dutch and English.

    ``source`` names the file (or ``<string>``, ``<dict>``), ``path`` the record and field
    (``employees[3].start``), ``record`` the record's own id where it has one.
    """

    source: str
    path: str | Text
    """Where in the source: ``employees[3].start``, or a :class:`Text` where the words differ
    by language (``regel 7: "Datum in dienst" (start)``)."""
    message: Text
    record: str | None = None

    def render(self, lang: Lang = "en") -> str:
        """One line: ``source: path: message`` (and the record id, when known)."""
        path = self.path.get(lang) if isinstance(self.path, Text) else self.path
        where = f"{self.source}: {path}" if path else self.source
        line = f"{where}: {self.message.get(lang)}"
        if len(line) > LINE_MAX:  # a safety net: every echoed part is cut already
            line = line[:LINE_MAX - 1] + "…"
        if self.record is not None:
            line += f" [id '{shown(self.record)}']"
        return line.translate(_UNSAFE)


class InputError(IntegriteitError):
    """The input cannot be used; :attr:`problems` lists every problem found, in input order."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...],
                 total: int | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.total: int = max(total if total is not None else 0, len(self.problems))
        """How many problems were found; more than :attr:`problems` holds when a reader of a
        large file kept only the first ones."""
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "en") -> str:
        """All problems kept, one line each (and how many more there were)."""
        lines = [p.render(lang) for p in self.problems]
        more = self.total - len(self.problems)
        if more:
            lines.append((MORE_PROBLEMS if more > 1 else ONE_MORE_PROBLEM).format(lang, n=more))
        return "\n".join(lines)


class CalendarError(IntegriteitError):
    """A statutory term the Algemene termijnenwet would extend runs from a day whose calendar
    is not modelled (before 2014, when the King's birthday was Koninginnedag on 30 April): no
    deadline is computed rather than one on a calendar the library does not have.

    >>> from datetime import date
    >>> error = CalendarError(date(2013, 4, 23), 2014)
    >>> print(error.message("en"))  # doctest: +NORMALIZE_WHITESPACE
    A statutory term from 2013-04-23 is not computed: the calendar of the Algemene
    termijnenwet (art. 3) is modelled from 2014 (Koningsdag); before that Koninginnedag (30
    April) and other days off are not.
    """

    def __init__(self, day: date, first_year: int) -> None:
        self.day = day
        """The day the term runs from."""
        self.first_year = first_year
        """The first year the calendar models."""
        super().__init__(Text(
            f"Een wettelijke termijn vanaf {day.isoformat()} wordt niet berekend: de kalender "
            f"van de Algemene termijnenwet (art. 3) is gemodelleerd vanaf {first_year} "
            f"(Koningsdag); Koninginnedag (30 april) en andere vrije dagen daarvóór niet.",
            f"A statutory term from {day.isoformat()} is not computed: the calendar of the "
            f"Algemene termijnenwet (art. 3) is modelled from {first_year} (Koningsdag); "
            f"before that Koninginnedag (30 April) and other days off are not."))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.day, self.first_year))


MORE_PROBLEMS = Text("en nog {n} problemen", "and {n} more problems")
ONE_MORE_PROBLEM = Text("en nog 1 probleem", "and 1 more problem")


class BadValue(ValueError):
    """Raised inside structuring hooks: a value of the wrong shape, with a bilingual message."""

    def __init__(self, message: Text, redacted: Text | None = None) -> None:
        self.message = message
        self.redacted = redacted if redacted is not None else message
        """The message without the offending value, for parts that must not echo input."""
        super().__init__(message.en)
