"""Termijnen: terms and the deadlines they give.

A :class:`Term` is an amount of months (for now) counted forward from a start date, with
``dateutil.relativedelta`` month arithmetic: the same day number in the target month, or that
month's last day when it is shorter (31 December + 2 months = 28 or 29 February). The deadline
day itself is still in time.

Whether the Algemene termijnenwet extends a term is a property of the term: organisation and cao
terms are never extended (Atw art. 1 covers only terms set in a wet or AMvB).
"""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from integriteit.i18n import Text


class TermOrigin(enum.StrEnum):
    """Who set a term: this decides whether the Algemene termijnenwet can extend it."""

    STATUTE = "statute"
    ORGANISATION = "organisation"


@frozen
class Term:
    """A term of ``months`` months.

    >>> t = Term(months=2, origin=TermOrigin.ORGANISATION)
    >>> t.deadline(date(2023, 12, 31))
    datetime.date(2024, 2, 29)
    >>> t.label.format("en")
    '2 months'
    """

    months: int = field()
    origin: TermOrigin
    _delta: relativedelta = field(init=False, repr=False, eq=False)

    @months.validator
    def _check_months(self, _: object, value: int) -> None:
        if value < 0:
            raise ValueError(f"a term cannot be negative: {value} months")

    def __attrs_post_init__(self) -> None:
        # Built once per term, not once per deadline.
        object.__setattr__(self, "_delta", relativedelta(months=self.months))

    @property
    def label(self) -> Text:
        """``"2 maanden"`` / ``"2 months"``."""
        if self.months == 1:
            return Text("1 maand", "1 month")
        return Text(f"{self.months} maanden", f"{self.months} months")

    @property
    def atw_applies(self) -> bool:
        """Whether the Algemene termijnenwet can extend this term (statutory terms only)."""
        return self.origin is TermOrigin.STATUTE

    def deadline(self, start: date) -> date:
        """The last day in time: ``start`` plus the term, end of month clamped.

        A deadline past the calendar's end (year 9999) is :data:`datetime.date.max`.
        """
        try:
            result: date = start + self._delta
        except (OverflowError, ValueError):
            return date.max
        return result
