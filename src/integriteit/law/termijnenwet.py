"""Algemene termijnenwet (Atw, BWBR0002448): when a statutory term ends on a day off.

Art. 1(1): a term set in a wet that ends on a Saturday, Sunday or algemeen erkende feestdag is
extended to and including the next day that is none of these; 1(2): not for terms counted
backwards. Art. 2: a term of at least three days is extended so that it contains at least two
days that are none of these. Art. 3(1): the feestdagen; 3(2): Goede Vrijdag counts as one;
3(3): further days by Royal Decree. Art. 4: not for terms over three months (or over 90 days or
12 weeks), terms in hours or years. Art. 5: the same for terms set in an AMvB.

The text applied is the version in force since 2010-10-10 (unchanged since; in force 1965-04-01).
The calendar is complete for the years in :data:`COMPLETE_YEARS`: from 2014 (the first
Koningsdag on 27 April) for art. 3(1)-(2), and for the years whose Royal Decree is in
``law/data/atw_gelijkgestelde_dagen.json``. For any other year from 2014 a deadline still comes
out, with the caveat :data:`~integriteit.caveats.CALENDAR_INCOMPLETE` (:func:`calendar_caveat`)
that the list of Royal-Decree days may be incomplete. Before 2014 (Koninginnedag on 30 April)
the calendar is not modelled: :meth:`integriteit.termijnen.Term.compute` refuses such a term.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

from attrs import frozen
from dateutil.easter import easter

from integriteit.caveats import CALENDAR_INCOMPLETE, Caveat
from integriteit.i18n import Lang, Text
from integriteit.sources import LegalSource, Statute

ATW = Statute("Algemene termijnenwet", "BWBR0002448")
_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0002448&artikel={}&g=2010-10-10"
ART_1 = LegalSource(ATW, "1", lid="1", url=_URL.format(1))
"""Art. 1(1): a term ending on a day off runs to and including the next other day."""
ART_2 = LegalSource(ATW, "2", url=_URL.format(2))
"""Art. 2: a term of at least three days contains at least two days that are no day off."""
ART_3 = LegalSource(ATW, "3", url=_URL.format(3))
"""Art. 3: the algemeen erkende feestdagen; lid 3: days made equal by Royal Decree."""
ART_3_3 = LegalSource(ATW, "3", lid="3", url=_URL.format(3))
"""Art. 3(3): days made equal to an algemeen erkende feestdag by Royal Decree."""
ART_4 = LegalSource(ATW, "4", url=_URL.format(4))
"""Art. 4: not for terms over three months (90 days, 12 weeks), in hours or in years."""

FIRST_MODELLED_YEAR = 2014
"""From 2014 the King's birthday is celebrated on 27 April; earlier years are not modelled."""

_SATURDAY = Text("zaterdag", "Saturday")
_SUNDAY = Text("zondag", "Sunday")


@frozen
class Decree:
    """A Royal Decree under art. 3(3): days made equal to an algemeen erkende feestdag."""

    title: str
    citation: str
    url: str | None
    confidence: str
    years: tuple[int, ...]
    days: tuple[date, ...]


def _load_decrees() -> tuple[Decree, ...]:
    raw = json.loads(resources.files("integriteit.law").joinpath(
        "data/atw_gelijkgestelde_dagen.json").read_text("utf-8"))
    return tuple(
        Decree(d["title"], d["citation"], d["url"], d["confidence"], tuple(d["years"]),
               tuple(date.fromisoformat(x) for x in d["days"]))
        for d in raw["decrees"]
    )


DECREES: tuple[Decree, ...] = _load_decrees()
"""The Royal Decrees under art. 3(3), read from ``law/data/atw_gelijkgestelde_dagen.json``."""
COMPLETE_YEARS: frozenset[int] = frozenset(y for d in DECREES for y in d.years)
"""Years for which the Royal-Decree days are known to be complete."""
LAST_COMPLETE_YEAR: int = max(COMPLETE_YEARS)
"""The last year whose Royal-Decree days are known: every later year is incomplete."""


def year_ranges(years: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Years as runs of consecutive years, ``(first, last)`` each, in order.

    >>> year_ranges([2025, 2017, 2018, 2019, 2023, 2024])
    ((2017, 2019), (2023, 2025))
    """
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return tuple((first, last) for first, last in runs)


def years_text(years: Iterable[int], lang: Lang) -> str:
    """Years in words: runs as ``2017–2019``, the last joined with "en" / "and".

    >>> years_text(COMPLETE_YEARS, "nl"), years_text([2029], "en")
    ('2017–2019 en 2023–2028', '2029')
    """
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in year_ranges(years)]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" and " if lang == "en" else " en ") + parts[-1]


def calendar_known() -> Text:
    """Up to when the calendar is known, citing art. 3(3), for ``integriteit rules``.

    >>> print(calendar_known().get("en"))  # doctest: +NORMALIZE_WHITESPACE
    Algemene termijnenwet (BWBR0002448) art. 3(3): days made equal to a feestdag by Royal
    Decree known for 2017–2019 and 2023–2028; a deadline computed over another year carries
    the caveat atw.calendar_incomplete
    """
    return Text(
        f"{ART_3_3.cite('nl')}: bij Koninklijk Besluit met een feestdag gelijkgestelde dagen "
        f"bekend voor {years_text(COMPLETE_YEARS, 'nl')}; een termijn berekend over een ander "
        f"jaar krijgt de kanttekening {CALENDAR_INCOMPLETE}",
        f"{ART_3_3.cite('en')}: days made equal to a feestdag by Royal Decree known for "
        f"{years_text(COMPLETE_YEARS, 'en')}; a deadline computed over another year carries "
        f"the caveat {CALENDAR_INCOMPLETE}")


@lru_cache(maxsize=256)
def calendar_caveat(years: tuple[int, ...]) -> Caveat:
    """The caveat of a deadline computed over ``years``, for which no Royal Decree under art.
    3(3) is known (one object per set of years: findings share it).

    >>> print(calendar_caveat((2029,)).text("en"))  # doctest: +NORMALIZE_WHITESPACE
    Computed without the days made equal to a feestdag by Royal Decree in 2029: no decree is
    known for that year (Algemene termijnenwet (BWBR0002448) art. 3(3); known for 2017–2019
    and 2023–2028). Such a day may extend the term: check the deadline.
    """
    one = len(years) == 1
    return Caveat(CALENDAR_INCOMPLETE, Text(
        f"Berekend zonder de bij Koninklijk Besluit met een feestdag gelijkgestelde dagen in "
        f"{years_text(years, 'nl')}: voor {'dat jaar' if one else 'die jaren'} is geen besluit "
        f"bekend ({ART_3_3.cite('nl')}; bekend voor {years_text(COMPLETE_YEARS, 'nl')}). Zo'n "
        f"dag kan de termijn verlengen: controleer de uiterste datum.",
        f"Computed without the days made equal to a feestdag by Royal Decree in "
        f"{years_text(years, 'en')}: no decree is known for "
        f"{'that year' if one else 'those years'} ({ART_3_3.cite('en')}; known for "
        f"{years_text(COMPLETE_YEARS, 'en')}). Such a day may extend the term: check the "
        f"deadline."))


def koningsdag(year: int) -> date:
    """27 April, or Saturday 26 April when the 27th is a Sunday (from 2014)."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


def feestdagen(year: int) -> Mapping[date, Text]:
    """The algemeen erkende feestdagen of ``year`` under art. 3, with their names.

    >>> sorted(d.isoformat() for d in feestdagen(2025))[:4]
    ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26']
    """
    return _feestdagen(year)


@cache
def _feestdagen(year: int) -> Mapping[date, Text]:
    e = easter(year)
    days = {
        date(year, 1, 1): Text("Nieuwjaarsdag", "New Year's Day"),
        e - timedelta(days=2): Text("Goede Vrijdag (art. 3 lid 2)", "Good Friday (art. 3(2))"),
        e + timedelta(days=1): Text("tweede Paasdag", "Easter Monday"),
        date(year, 5, 5): Text("5 mei", "5 May"),
        e + timedelta(days=39): Text("Hemelvaartsdag", "Ascension Day"),
        e + timedelta(days=50): Text("tweede Pinksterdag", "Whit Monday"),
        date(year, 12, 25): Text("eerste Kerstdag", "Christmas Day"),
        date(year, 12, 26): Text("tweede Kerstdag", "Boxing Day"),
    }
    if year >= FIRST_MODELLED_YEAR:
        days[koningsdag(year)] = Text("Koningsdag", "King's Day")
    for decree in DECREES:
        for d in decree.days:
            if d.year == year:
                days.setdefault(d, Text(
                    f"met een feestdag gelijkgesteld ({decree.citation}, art. 3 lid 3)",
                    f"made equal to a feestdag ({decree.citation}, art. 3(3))"))
    return MappingProxyType(days)  # cached and shared: read-only


def is_complete(year: int) -> bool:
    """Whether this library knows every day off of ``year`` (art. 3(1)-(3))."""
    return year >= FIRST_MODELLED_YEAR and year in COMPLETE_YEARS


def day_off(day: date) -> Text | None:
    """Why ``day`` is not a working day under the Atw (Saturday, Sunday, feestdag), or None."""
    name = feestdagen(day.year).get(day)
    if name is not None:
        return name
    if day.weekday() == 5:
        return _SATURDAY
    if day.weekday() == 6:
        return _SUNDAY
    return None


@frozen
class Extension:
    """One step of an extension: from which day to which, under which article, and why."""

    source: LegalSource
    before: date
    after: date
    reasons: tuple[tuple[date, Text], ...]


def extend(start: date, end: date) -> tuple[date, tuple[Extension, ...]]:
    """Apply art. 1 and art. 2 to a forward term from ``start`` ending on ``end``.

    The term's days are the days after ``start`` up to and including ``end``.
    """
    steps: list[Extension] = []
    reasons: list[tuple[date, Text]] = []
    new_end = end
    while (why := day_off(new_end)) is not None:
        reasons.append((new_end, why))
        new_end += timedelta(days=1)
    if new_end != end:
        steps.append(Extension(ART_1, end, new_end, tuple(reasons)))
    if (end - start).days >= 3:
        working = sum(1 for i in range(1, (new_end - start).days + 1)
                      if day_off(start + timedelta(days=i)) is None)
        before = new_end
        while working < 2:
            new_end += timedelta(days=1)
            if day_off(new_end) is None:
                working += 1
        if new_end != before:
            steps.append(Extension(ART_2, before, new_end, ()))
    return new_end, tuple(steps)
