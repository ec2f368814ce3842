"""Termijnen: terms, the deadlines they give, and why.

Every rule with a deadline computes it here. A :class:`Term` is an amount of days, weeks or
months counted from an event, who set it (statute or organisation), and the end-of-month policy
for month arithmetic. :meth:`Term.compute` gives a :class:`Deadline` with the steps that led to
it, in Dutch and English; :meth:`Term.deadline` gives just the date (for hot loops).

Month arithmetic uses ``dateutil.relativedelta``. The default end-of-month policy is
:attr:`EndOfMonth.LAST_DAY`: the same day number in the target month, or that month's last day
when it is shorter (31 December + 2 months = 28 or 29 February). The deadline day itself is in
time.

The Algemene termijnenwet (:mod:`integriteit.law.termijnenwet`) extends a term only when the
term is statutory, counts forward, and is not longer than three months (90 days, 12 weeks):
Atw art. 1, 4 and 5. Organisation, cao and contract terms are never extended.

A deadline computed over a year for which no Royal Decree under Atw art. 3(3) is known (2014–2016,
2020–2022, from 2029) carries the caveat ``atw.calendar_incomplete`` (:attr:`Deadline.caveats`).
A term the Atw would extend that runs from a day before 2014 is refused
(:class:`~integriteit.errors.CalendarError`): the calendar before Koningsdag is not modelled.
"""

from __future__ import annotations

import enum
import functools
from datetime import date, timedelta

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from integriteit.caveats import Caveat
from integriteit.errors import CalendarError
from integriteit.i18n import DateStyle, Lang, Text, date_text
from integriteit.law import termijnenwet as atw


class Unit(enum.StrEnum):
    """The unit a term is counted in."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class TermOrigin(enum.StrEnum):
    """Who set a term: this decides whether the Algemene termijnenwet can extend it."""

    STATUTE = "statute"
    """Set in a wet or AMvB (Atw art. 1 and 5)."""
    ORGANISATION = "organisation"
    """Set by the employer, a cao or a contract: never extended by the Atw."""


class EndOfMonth(enum.StrEnum):
    """What month arithmetic does when the target month has no such day number."""

    LAST_DAY = "last_day"
    """31 January + 1 month = 28/29 February (``relativedelta``); the default."""
    NEXT_DAY = "next_day"
    """31 January + 1 month = 1 March: the day after the shorter month's last day (forward
    terms only; a backward term keeps the month's last day)."""


_UNIT_LABELS = {
    Unit.DAYS: (Text("dag", "day"), Text("dagen", "days")),
    Unit.WEEKS: (Text("week", "week"), Text("weken", "weeks")),
    Unit.MONTHS: (Text("maand", "month"), Text("maanden", "months")),
}
_EOM_LABELS = {
    EndOfMonth.LAST_DAY: Text("zelfde dagnummer, anders de laatste dag van de maand",
                              "same day number, else the last day of the month"),
    EndOfMonth.NEXT_DAY: Text("zelfde dagnummer, anders de eerste dag van de volgende maand",
                              "same day number, else the first day of the next month"),
}
_ATW_LIMITS = {Unit.DAYS: 90, Unit.WEEKS: 12, Unit.MONTHS: 3}


@frozen
class Term:
    """A term of ``amount`` ``unit`` s, counted from an event.

    >>> t = Term(2, Unit.MONTHS, TermOrigin.ORGANISATION)
    >>> t.deadline(date(2023, 12, 31))
    datetime.date(2024, 2, 29)
    >>> t.label.get("en")
    '2 months'
    >>> Term(7, Unit.DAYS, TermOrigin.STATUTE).deadline(date(2025, 4, 19))  # Koningsdag, Sunday
    datetime.date(2025, 4, 28)
    """

    amount: int = field()
    unit: Unit
    origin: TermOrigin
    end_of_month: EndOfMonth = EndOfMonth.LAST_DAY
    backwards: bool = False
    _delta: relativedelta = field(init=False, repr=False, eq=False)

    @amount.validator
    def _check_amount(self, _: object, value: int) -> None:
        if value < 0:
            raise ValueError(f"a term cannot be negative: {value}")

    def __attrs_post_init__(self) -> None:
        # Built once per term, not once per deadline.
        sign = -1 if self.backwards else 1
        delta = {Unit.DAYS: relativedelta(days=sign * self.amount),
                 Unit.WEEKS: relativedelta(weeks=sign * self.amount),
                 Unit.MONTHS: relativedelta(months=sign * self.amount)}[self.unit]
        object.__setattr__(self, "_delta", delta)

    @classmethod
    def of_months(cls, months: int, origin: TermOrigin) -> Term:
        """A term of ``months`` months."""
        return cls(months, Unit.MONTHS, origin)

    @property
    def label(self) -> Text:
        """``"2 maanden"`` / ``"2 months"``."""
        one, many = _UNIT_LABELS[self.unit]
        word = one if self.amount == 1 else many
        return Text(f"{self.amount} {word.nl}", f"{self.amount} {word.en}")

    @property
    def atw_applies(self) -> bool:
        """Whether the Algemene termijnenwet extends this term (art. 1, 4 and 5)."""
        return (self.origin is TermOrigin.STATUTE and not self.backwards
                and self.amount <= _ATW_LIMITS[self.unit])

    @property
    def atw_reason(self) -> Text:
        """Why the Algemene termijnenwet does or does not apply, citing the article."""
        if self.origin is not TermOrigin.STATUTE:
            return Text("Algemene termijnenwet niet van toepassing: geen wettelijke termijn "
                        "(art. 1 geldt alleen voor termijnen uit een wet of AMvB)",
                        "Algemene termijnenwet does not apply: not a statutory term (art. 1 "
                        "covers only terms set in a wet or AMvB)")
        if self.backwards:
            return Text("Algemene termijnenwet niet van toepassing: terugwaarts berekende "
                        "termijn (art. 1 lid 2)",
                        "Algemene termijnenwet does not apply: a term counted backwards "
                        "(art. 1(2))")
        if not self.atw_applies:
            return Text("Algemene termijnenwet niet van toepassing: termijn langer dan drie "
                        "maanden, 12 weken of 90 dagen (art. 4)",
                        "Algemene termijnenwet does not apply: a term over three months, 12 "
                        "weeks or 90 days (art. 4)")
        return Text("Algemene termijnenwet van toepassing (art. 1 en 2)",
                    "Algemene termijnenwet applies (art. 1 and 2)")

    def _raw_end(self, start: date) -> date:
        end: date = start + self._delta
        if (self.unit is Unit.MONTHS and self.end_of_month is EndOfMonth.NEXT_DAY
                and not self.backwards and end.day != start.day):
            end += timedelta(days=1)  # the target month was shorter: roll to its next day
        return end

    def deadline(self, start: date) -> date:
        """The last day in time for an event on ``start``, Atw extension included.

        A deadline past the calendar's end (year 9999) is :data:`datetime.date.max`. Raises
        :class:`~integriteit.errors.CalendarError` for a term the Atw extends from a day
        before 2014, as :meth:`compute` does.
        """
        try:
            end = self._raw_end(start)
        except (OverflowError, ValueError):
            return date.max
        if self.atw_applies:
            if start.year < atw.FIRST_MODELLED_YEAR:
                raise CalendarError(start, atw.FIRST_MODELLED_YEAR)
            try:
                end, _ = atw.extend(start, end)
            except (OverflowError, ValueError):
                return date.max
        return end

    def compute(self, start: date) -> Deadline:
        """The deadline for an event on ``start`` with every step that led to it.

        A term the Algemene termijnenwet extends is computed on its calendar, which is
        modelled from 2014 (:data:`~integriteit.law.termijnenwet.FIRST_MODELLED_YEAR`): from an
        event before 2014, when the King's birthday was Koninginnedag on 30 April, it raises
        :class:`~integriteit.errors.CalendarError` rather than compute on a calendar it does
        not have. Over a year from 2014 without a known Royal Decree (art. 3(3)) the deadline
        comes out with :attr:`Deadline.caveats`.
        """
        if self.atw_applies and start.year < atw.FIRST_MODELLED_YEAR:
            raise CalendarError(start, atw.FIRST_MODELLED_YEAR)
        try:
            raw = self._raw_end(start)
        except (OverflowError, ValueError):
            return Deadline(self, start, date.max, date.max, (), True)
        steps: tuple[atw.Extension, ...] = ()
        end = raw
        if self.atw_applies:
            try:
                end, steps = atw.extend(start, raw)
            except (OverflowError, ValueError):
                end = date.max
        complete = not self.atw_applies or all(
            atw.is_complete(y) for y in _years(start, raw, end))
        return Deadline(self, start, raw, end, steps, complete)


def _years(start: date, raw: date, end: date) -> range:
    """The years a deadline computation looks at: art. 2 counts working days from the day
    after the start, so every year from the start's to the (extended) end's."""
    return range(min(start.year, raw.year), end.year + 1)


_BEFORE = Text("vóór", "before")
_AFTER = Text("na", "after")
_MONTHS = Text("maandrekening: {p}", "month arithmetic: {p}")
_EXTENDED = Text("{why}: verlengd tot en met {to} ({src})",
                 "{why}: extended to and including {to} ({src})")
_TWO_DAYS = Text("verlengd tot en met {to}: de termijn moet ten minste twee werkdagen bevatten "
                 "({src})",
                 "extended to and including {to}: the term must contain at least two working "
                 "days ({src})")
_INCOMPLETE = Text("let op: voor {years} zijn mogelijk niet alle bij Koninklijk Besluit "
                   "gelijkgestelde dagen bekend (art. 3 lid 3; bekend voor {known})",
                   "note: for {years}, days made equal by Royal Decree may be missing "
                   "(art. 3(3); known for {known})")
_END = Text("uiterlijk {end}", "deadline {end}")


@frozen
class Deadline:
    """A computed deadline: the term, its start, the plain end, the (extended) end and why."""

    term: Term
    start: date
    unextended: date
    end: date
    extensions: tuple[atw.Extension, ...]
    calendar_complete: bool
    """False when the Atw calendar of a year involved may miss Royal-Decree days."""

    @property
    def incomplete_years(self) -> tuple[int, ...]:
        """The years of the computation for which no Royal Decree under Atw art. 3(3) is
        known; ``()`` when the calendar was complete (or the Atw did not apply)."""
        if self.calendar_complete:
            return ()
        years = _years(self.start, self.unextended, self.end)
        return tuple(y for y in years if not atw.is_complete(y)) or tuple(years)

    @property
    def caveats(self) -> tuple[Caveat, ...]:
        """What limits this deadline: ``atw.calendar_incomplete`` when it was computed over a
        year without a known Royal Decree (the message names the years); else ``()``.

        >>> term = Term(7, Unit.DAYS, TermOrigin.STATUTE)
        >>> term.compute(date(2025, 5, 3)).caveats
        ()
        >>> [c.code for c in term.compute(date(2029, 5, 3)).caveats]
        ['atw.calendar_incomplete']
        """
        if self.calendar_complete:
            return ()
        return (atw.calendar_caveat(self.incomplete_years),)

    def explain(self, lang: Lang, dates: DateStyle = "iso") -> str:
        """The computation in words, e.g. for ``--explain`` and ``integriteit explain``; dates
        in the style ``dates`` (ISO, as in JSON, unless asked otherwise).

        >>> d = Term(7, Unit.DAYS, TermOrigin.STATUTE).compute(date(2025, 5, 3))
        >>> d.explain("nl", "long").split("; ")[0]
        '7 dagen na 3 mei 2025 = 10 mei 2025'
        """
        t = self.term
        label, direction, rest = _term_words(t, lang)  # what depends on the term alone

        def day(d: date) -> str:
            return date_text(d, lang, dates)

        parts = [f"{label} {direction} {day(self.start)} = {day(self.unextended)}", *rest]
        for step in self.extensions:
            why = ", ".join(f"{day(d)} {name.get(lang)}" for d, name in step.reasons)
            if step.source is atw.ART_1:
                parts.append(_EXTENDED.format(lang, why=why, to=day(step.after),
                                              src=step.source.cite(lang)))
            else:
                parts.append(_TWO_DAYS.format(lang, to=day(step.after),
                                              src=step.source.cite(lang)))
        if not self.calendar_complete:
            parts.append(_INCOMPLETE.format(
                lang, years=atw.years_text(self.incomplete_years, lang),
                known=atw.years_text(atw.COMPLETE_YEARS, lang)))
        parts.append(_END.format(lang, end=day(self.end)))
        return "; ".join(parts) + "."


@functools.lru_cache(maxsize=256)
def _term_words(term: Term, lang: Lang) -> tuple[str, str, tuple[str, ...]]:
    """A term's label, its direction and the explanation's parts that depend on the term
    alone (month arithmetic, whether the Atw applies): made once per term and language, as a
    large run explains one deadline per distinct start date."""
    rest = []
    if term.unit is Unit.MONTHS:
        rest.append(_MONTHS.format(lang, p=_EOM_LABELS[term.end_of_month]))
    rest.append(term.atw_reason.get(lang))
    direction = (_BEFORE if term.backwards else _AFTER).get(lang)
    return term.label.get(lang), direction, tuple(rest)
