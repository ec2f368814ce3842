"""Caveats: what the reader of a finding must know about how far its deadline can be trusted.

A :class:`Caveat` is a stable ``code`` for systems and a ``message`` for people, in Dutch and
English. A finding carries the caveats of its deadline computation
(:attr:`integriteit.Finding.caveats`, ``caveats`` in the JSON output); the built-in code is
:data:`CALENDAR_INCOMPLETE`.

>>> from datetime import date
>>> from integriteit.termijnen import Term, TermOrigin, Unit
>>> [c.code for c in Term(7, Unit.DAYS, TermOrigin.STATUTE).compute(date(2029, 5, 3)).caveats]
['atw.calendar_incomplete']
"""

from __future__ import annotations

import re

from attrs import field, frozen

from integriteit.i18n import Lang, Text

CALENDAR_INCOMPLETE = "atw.calendar_incomplete"
"""The deadline was computed under the Algemene termijnenwet over a year for which no Royal
Decree under its art. 3(3) is known: a day made equal to a feestdag may be missing, and the
deadline may then be too early."""

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


def _check_code(_: object, __: object, value: str) -> None:
    if not _CODE.fullmatch(value):
        raise ValueError(f"caveat code {value!r} must be dotted lower-case words, "
                         f"e.g. {CALENDAR_INCOMPLETE!r}")


@frozen
class Caveat:
    """A limit of a finding's computation: a stable ``code`` and a bilingual ``message``.

    >>> c = Caveat("atw.calendar_incomplete", Text("let op", "note"))
    >>> c.code, c.text("en")
    ('atw.calendar_incomplete', 'note')
    """

    code: str = field(validator=_check_code)
    """Dotted lower-case words, the first naming the statute or part (``atw.``); stable: systems
    may branch on it."""
    message: Text
    """What the caveat means for this finding, in Dutch and English."""

    def text(self, lang: Lang = "nl") -> str:
        """The message in ``lang``."""
        return self.message.get(lang)
