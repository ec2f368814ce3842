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
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from integriteit.i18n import Lang, Text
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

        A deadline past the calendar's end (year 9999) is :data:`datetime.date.max`.
        """
        try:
            end = self._raw_end(start)
        except (OverflowError, ValueError):
            return date.max
        if self.atw_applies:
            try:
                end, _ = atw.extend(start, end)
            except (OverflowError, ValueError):
                return date.max
        return end

    def compute(self, start: date) -> Deadline:
        """The deadline for an event on ``start`` with every step that led to it."""
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
        # Art. 2 counts working days from the day after the start: every year from there on.
        complete = not self.atw_applies or all(
            atw.is_complete(y) for y in range(min(start.year, raw.year), end.year + 1))
        return Deadline(self, start, raw, end, steps, complete)


_HEAD = Text("{term} {dir} {start} = {raw}", "{term} {dir} {start} = {raw}")
_BEFORE = Text("vóór", "before")
_AFTER = Text("na", "after")
_MONTHS = Text("maandrekening: {p}", "month arithmetic: {p}")
_EXTENDED = Text("{why}: verlengd tot en met {to} ({src})",
                 "{why}: extended to and including {to} ({src})")
_TWO_DAYS = Text("verlengd tot en met {to}: de termijn moet ten minste twee werkdagen bevatten "
                 "({src})",
                 "extended to and including {to}: the term must contain at least two working "
                 "days ({src})")
_INCOMPLETE = Text("let op: voor dit jaar zijn mogelijk niet alle bij Koninklijk Besluit "
                   "gelijkgestelde dagen bekend (art. 3 lid 3)",
                   "note: for this year, days made equal by Royal Decree may be missing "
                   "(art. 3(3))")
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

    def explain(self, lang: Lang) -> str:
        """The computation in words, e.g. for ``--explain`` and ``integriteit explain``."""
        t = self.term
        parts = [_HEAD.format(lang, term=t.label, start=self.start, raw=self.unextended,
                              dir=_BEFORE if t.backwards else _AFTER)]
        if t.unit is Unit.MONTHS:
            parts.append(_MONTHS.format(lang, p=_EOM_LABELS[t.end_of_month]))
        parts.append(t.atw_reason.get(lang))
        for step in self.extensions:
            why = ", ".join(f"{d.isoformat()} {name.get(lang)}" for d, name in step.reasons)
            if step.source is atw.ART_1:
                parts.append(_EXTENDED.format(lang, why=why, to=step.after,
                                              src=step.source.cite(lang)))
            else:
                parts.append(_TWO_DAYS.format(lang, to=step.after, src=step.source.cite(lang)))
        if not self.calendar_complete:
            parts.append(_INCOMPLETE.get(lang))
        parts.append(_END.format(lang, end=self.end))
        return "; ".join(parts) + "."
