"""Organisation policy: named parameters with a default, its origin, and dated values.

Policy is not law. The Ambtenarenwet 2017 says only that the oath is taken "bij indiensttreding"
(art. 5(1)(a)); the number of months is the organisation's choice. Each :class:`Parameter` says
where its default comes from, and every effective value says whether it is that default, the
document's own setting, or an override given with the call.

Like OpenFisca's parameters, a value can change over time: the document may give one value, or
values by the date they take effect (``{"2020-01-01": 2, "2024-01-01": 3}``). Before the first
date the default applies. A rule reads a parameter on the same date whose law it applies (for
the oath: the day of indiensttreding), so a check "as of 2022" uses the policy of 2022.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Mapping
from datetime import date

from attrs import field, frozen

from integriteit.errors import IntegriteitError, one_line
from integriteit.i18n import DateStyle, Lang, Phrase, Text, date_text
from integriteit.model import DatedValue, PolicySettings, PolicyValue, dated_values
from integriteit.sources import (
    AMBTENARENWET_2017,
    REGELING_EED_EN_BELOFTE_SZW_1999,
    LegalSource,
)

__all__ = [
    "INTEGRITEITSVERKLARING_REQUIRED",
    "INTEGRITEITSVERKLARING_TERM_MONTHS",
    "OATH_DAYS_BEFORE_START",
    "OATH_EARLIER_EMPLOYMENT_COUNTS",
    "OATH_TERM_MONTHS",
    "PARAMETERS",
    "PUBLICATION_FUNCTIONS",
    "PUBLICATION_SCALE_FROM",
    "VERANTWOORDING_DEADLINE",
    "WORKSHOP_REQUIRED_FOR",
    "WORKSHOP_TERM_MONTHS",
    "EffectiveValue",
    "OriginKind",
    "Parameter",
    "Policy",
    "PolicyError",
    "ValueKind",
    "ValueSource",
    "month_day",
]


class OriginKind(enum.StrEnum):
    """Where a parameter's default comes from."""

    STATUTE = "statute"
    LEGACY = "legacy"
    """A regulation no longer in force, kept as a sensible default."""
    ORGANISATION = "organisation"
    """No source in law: the organisation chooses; the default is a common choice."""


class ValueSource(enum.StrEnum):
    """Where an effective value was set."""

    DEFAULT = "default"
    DOCUMENT = "document"
    CALL = "call"


class ValueKind(enum.StrEnum):
    """What kind of value a parameter takes, in the document's JSON."""

    MONTHS = "months"
    """A whole number of months, between the parameter's minimum and maximum."""
    DAYS = "days"
    """A whole number of days, between the parameter's minimum and maximum."""
    MONTH_DAY = "month_day"
    """A day of the year as ``"MM-DD"``, e.g. ``"12-31"``."""
    FLAG = "flag"
    """``true`` or ``false``."""
    CHOICE = "choice"
    """One of the parameter's ``choices``."""
    NAMES = "names"
    """A list of names (e.g. functions), compared without regard to case."""
    NUMBER_OR_NONE = "number_or_none"
    """A whole number between minimum and maximum, or ``null`` for "none"."""


def month_day(value: str) -> tuple[int, int]:
    """``"MM-DD"`` as ``(month, day)``; raises :class:`ValueError` when it is no day of a year.

    >>> month_day("12-31")
    (12, 31)
    """
    digits = value[:2] + value[3:]
    if len(value) != 5 or value[2] != "-" or not (digits.isascii() and digits.isdigit()):
        raise ValueError(value)
    month, day = int(value[:2]), int(value[3:])
    date(2000, month, day)  # a leap year: 02-29 is a day of some year
    return month, day


_UNIT_WORDS = {ValueKind.MONTHS: (" maanden", " months"), ValueKind.DAYS: (" dagen", " days")}


@frozen
class Parameter:
    """A named organisation parameter: its kind of value, default and where that comes from."""

    name: str
    title: Text
    default: PolicyValue
    unit: Text
    origin: OriginKind
    origin_note: Text
    source: LegalSource | None = None
    minimum: int = 0
    maximum: int = 120
    kind: ValueKind = ValueKind.MONTHS
    choices: tuple[str, ...] = ()
    used_by: tuple[str, ...] = field(default=(), repr=False)
    """The ids of the built-in rules that read it (for documentation)."""
    quiet: bool = False
    """A refinement that changes nothing for most subjects at its default: the text for people
    (the header of ``text``, an explanation) names it only once it is set; the findings it
    changes say so themselves, and JSON always lists it."""

    def problem(self, value: object) -> Text | None:
        """Why ``value`` is no valid value of this parameter (``None`` when it is valid)."""
        kind = self.kind
        if kind in (ValueKind.MONTHS, ValueKind.DAYS, ValueKind.NUMBER_OR_NONE):
            if value is None and kind is ValueKind.NUMBER_OR_NONE:
                return None
            if not isinstance(value, int) or isinstance(value, bool):
                return Text("is geen geheel getal", "is not a whole number")
            if not self.minimum <= value <= self.maximum:
                unit, en_unit = _UNIT_WORDS.get(kind, ("", ""))
                return Text(f"ligt niet tussen {self.minimum} en {self.maximum}{unit}",
                            f"is not between {self.minimum} and {self.maximum}{en_unit}")
            return None
        if kind is ValueKind.MONTH_DAY:
            try:
                month_day(value)  # type: ignore[arg-type]
            except (ValueError, TypeError):
                return Text("is geen dag van het jaar als \"MM-DD\", bijv. \"12-31\"",
                            "is not a day of the year as \"MM-DD\", e.g. \"12-31\"")
            return None
        if kind is ValueKind.FLAG:
            return None if isinstance(value, bool) else Text("is geen true of false",
                                                             "is not true or false")
        if kind is ValueKind.CHOICE:
            if value in self.choices:
                return None
            allowed = ", ".join(f'"{c}"' for c in self.choices)
            return Text(f"is niet toegestaan; kies uit {allowed}",
                        f"is not allowed; choose one of {allowed}")
        if isinstance(value, tuple) and all(isinstance(v, str) and v.strip() for v in value):
            return None
        return Text("is geen lijst van niet-lege namen", "is not a list of non-empty names")

    def describe(self, value: PolicyValue, lang: Lang = "nl") -> str:
        """The value with its unit, for people: a flag as ``ja (true)`` / ``yes (true)``, no
        value as ``geen`` / ``none`` (the word to write in the document kept in brackets).

        >>> from integriteit.policy import OATH_TERM_MONTHS, PARAMETERS
        >>> OATH_TERM_MONTHS.describe(3, "en")
        '3 months after the start of employment'
        >>> PARAMETERS["integriteitsverklaring_required"].describe(False)
        'nee (false)'
        >>> PARAMETERS["verantwoording_deadline"].describe("12-31")
        '31 december (12-31) van het jaar na het verslagjaar'
        """
        if self.kind is ValueKind.FLAG:
            word = (Text("ja", "yes") if value else Text("nee", "no")).get(lang)
            return f"{word} ({self.show(value)})"
        if value is None or value == ():
            none = Text("geen", "none").get(lang)
            return f"{none} (null)" if value is None else none
        if self.kind is ValueKind.CHOICE and isinstance(value, str) and value in CHOICE_WORDS:
            return f"{CHOICE_WORDS[value].get(lang)} ({value})"
        if self.kind is ValueKind.MONTH_DAY and isinstance(value, str):
            # "31 december (12-31) van het jaar ...": the day in words, the value as written
            month, day = month_day(value)
            words = date_text(date(2000, month, day), lang).rsplit(" ", 1)[0]
            return f"{words} ({value}) {self.unit.get(lang).removeprefix('(MM-DD) ')}"
        unit = self.unit.get(lang)
        if value == 1 and self.kind in (ValueKind.MONTHS, ValueKind.DAYS):
            first, _, rest = unit.partition(" ")  # "maanden na ..." -> "maand na ..."
            unit = f"{_SINGULAR.get(first, first)} {rest}".rstrip()
        return f"{self.show(value)} {unit}"

    def show(self, value: PolicyValue) -> str:
        """The value as people read it: ``2``, ``"12-31"``, ``true``, ``a, b`` or ``-``; on one
        line (a function name is the document's: control characters escaped)."""
        if value is None:
            return "-"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, tuple):
            return one_line(", ".join(value)) if value else "-"
        return one_line(str(value))


_SINGULAR = {"maanden": "maand", "months": "month", "dagen": "dag", "days": "day"}
"""The singular of a unit's first word, for a value of 1 ("1 maand na indiensttreding")."""

CHOICE_WORDS: dict[str, Text] = {
    "none": Text("niemand", "no one"),
    "externals": Text("externen", "externals"),
    "all": Text("iedereen", "everyone"),
}
"""The words of the choices of a choice parameter (``workshop_required_for``), for people; the
document writes the code (kept in brackets)."""


@frozen
class EffectiveValue:
    """The value a run uses over a period (``since``/``until``, ``None``: open), and where it
    came from."""

    parameter: Parameter
    value: PolicyValue
    set_by: ValueSource
    since: date | None = None
    until: date | None = None

    @property
    def explanation(self) -> Text:
        """Where the value came from, e.g. ``"standaard: 2 maanden, naar ..."``, for messages."""
        p = self.parameter
        if self.set_by is ValueSource.DEFAULT:
            return Text(f"standaard: {p.origin_note.nl}", f"default: {p.origin_note.en}")
        if self.set_by is ValueSource.DOCUMENT:
            if self.since is not None:  # a phrase: its date as the output writes dates
                return Phrase("ingesteld in het document vanaf {since} (beleid van de "
                              "organisatie, geen wet)",
                              "set in the document from {since} (organisation policy, not law)",
                              (("since", self.since),))
            return Text("ingesteld in het document (beleid van de organisatie, geen wet)",
                        "set in the document (organisation policy, not law)")
        return Text("opgegeven bij de aanroep (beleid van de organisatie, geen wet)",
                    "given with the call (organisation policy, not law)")

    def period(self, lang: str = "nl", dates: DateStyle = "iso") -> str:
        """``"2020-01-01 – 2023-12-31"``, ``"vanaf 2024-01-01"`` / ``"from ..."``, or ``"altijd"``
        / ``"always"``; with ``dates="long"`` the dates as people write them."""
        nl = lang == "nl"
        language: Lang = "nl" if nl else "en"
        since = None if self.since is None else date_text(self.since, language, dates)
        until = None if self.until is None else date_text(self.until, language, dates)
        if since is None and until is None:
            return "altijd" if nl else "always"
        if until is None:
            return f"{'vanaf' if nl else 'from'} {since}"
        if since is None:
            return f"{'tot en met' if nl else 'until'} {until}"
        return f"{since} – {until}"


_TERM_NOTE = Text("geen wettelijke termijn; de organisatie kiest",
                  "not a statutory term; the organisation chooses")

OATH_TERM_MONTHS = Parameter(
    name="oath_term_months",
    title=Text("Termijn voor de eed of belofte", "Term for the eed or belofte"),
    default=2,
    unit=Text("maanden na indiensttreding", "months after the start of employment"),
    origin=OriginKind.LEGACY,
    origin_note=Text(
        "2 maanden, naar de Regeling eed en belofte SZW 1999 art. 4 (vervallen, maar als cao "
        "bindend waar er geen is gesloten: Ambtenarenwet 2017 art. 17 lid 3); geen wettelijke "
        "termijn (de Rijksoverheid hanteert nu 3 maanden)",
        "2 months, after the Regeling eed en belofte SZW 1999 art. 4 (lapsed, but binding as a "
        "cao where none was concluded: Ambtenarenwet 2017 art. 17(3)); not a statutory term "
        "(the Rijk now uses 3 months)",
    ),
    source=LegalSource(REGELING_EED_EN_BELOFTE_SZW_1999, "4"),
    used_by=("ambtenarenwet.eed",),
)

OATH_DAYS_BEFORE_START = Parameter(
    name="oath_days_before_start",
    title=Text("Eed of belofte vóór de eerste werkdag", "Eed or belofte before the first day"),
    default=0,
    unit=Text("dagen vóór indiensttreding toegestaan",
              "days before the start of employment allowed"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "0: de wet verbindt de eed of belofte aan de indiensttreding (Ambtenarenwet 2017 art. 5 "
        "lid 1 onder a); wie haar kort vooraf afneemt (bijv. op de vrijdag ervóór), kan dagen "
        "toestaan",
        "0: the law ties the eed or belofte to the start of employment (Ambtenarenwet 2017 art. "
        "5(1)(a)); an employer holding it shortly before (e.g. on the Friday before) can allow "
        "days",
    ),
    source=LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="a"),
    maximum=31,
    kind=ValueKind.DAYS,
    used_by=("ambtenarenwet.eed",),
    quiet=True,
)

OATH_EARLIER_EMPLOYMENT_COUNTS = Parameter(
    name="oath_earlier_employment_counts",
    title=Text("Eed uit een eerder dienstverband bij deze werkgever telt mee",
               "An oath from an earlier employment with this employer counts"),
    default=False,
    unit=Text("(true of false)", "(true/false)"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "nee: de wet verbindt de eed of belofte aan elke indiensttreding (Ambtenarenwet 2017 "
        "art. 5 lid 1 onder a); de vervallen regelingen van BZK en Justitie vroegen geen nieuwe "
        "na een eerdere in de sector Rijk",
        "no: the law ties the eed or belofte to each start of employment (Ambtenarenwet 2017 "
        "art. 5(1)(a)); the lapsed regulations of BZK and Justitie asked no new one after an "
        "earlier one in the sector Rijk",
    ),
    source=LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="a"),
    kind=ValueKind.FLAG,
    used_by=("ambtenarenwet.eed",),
    quiet=True,
)

VERANTWOORDING_DEADLINE = Parameter(
    name="verantwoording_deadline",
    title=Text("Uiterste dag voor de jaarlijkse verantwoording",
               "Last day for the yearly verantwoording"),
    default="12-31",
    unit=Text("(MM-DD) van het jaar na het verslagjaar", "(MM-DD) of the year after the year "
              "reported on"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "31 december van het jaar erna; de wet (Ambtenarenwet 2017 art. 4 lid 4) zegt alleen "
        "'jaarlijks' en noemt geen datum",
        "31 December of the next year; the law (Ambtenarenwet 2017 art. 4(4)) says only "
        "'yearly' and sets no date",
    ),
    kind=ValueKind.MONTH_DAY,
    used_by=("ambtenarenwet.verantwoording",),
)

INTEGRITEITSVERKLARING_REQUIRED = Parameter(
    name="integriteitsverklaring_required",
    title=Text("Integriteitsverklaring gevraagd van externen",
               "Integriteitsverklaring required from externals"),
    default=False,
    unit=Text("(true of false)", "(true/false)"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "nee; externen (inhuur, uitzendkrachten, gedetacheerden, stagiairs) zijn geen "
        "ambtenaar en leggen geen eed af; een verklaring kan alleen als beleid worden gevraagd "
        "(bijv. Zuid-Holland)",
        "no; externals (hired staff, agency workers, secondees, interns) are not ambtenaren and "
        "take no oath; a declaration can only be required as policy (e.g. Zuid-Holland)",
    ),
    kind=ValueKind.FLAG,
    used_by=("beleid.integriteitsverklaring",),
)

INTEGRITEITSVERKLARING_TERM_MONTHS = Parameter(
    name="integriteitsverklaring_term_months",
    title=Text("Termijn voor de integriteitsverklaring", "Term for the integriteitsverklaring"),
    default=0,
    unit=Text("maanden na aanvang", "months after the start"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(f"0 is uiterlijk op de dag van aanvang; {_TERM_NOTE.nl}",
                     f"0 means by the day of the start; {_TERM_NOTE.en}"),
    used_by=("beleid.integriteitsverklaring",),
)

WORKSHOP_REQUIRED_FOR = Parameter(
    name="workshop_required_for",
    title=Text("Integriteitsworkshop verplicht voor", "Integrity workshop required for"),
    default="none",
    unit=Text("(none, externals of all)", "(none, externals, all)"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "niemand; de wet vraagt aanbod van scholing (Ambtenarenwet 2017 art. 4 lid 2), geen "
        "verplichte workshop per persoon (Overijssel: 'all', ook externen)",
        "no one; the law asks for training to be offered (Ambtenarenwet 2017 art. 4(2)), not a "
        "workshop per person (Overijssel: 'all', externals included)",
    ),
    source=LegalSource(AMBTENARENWET_2017, "4", lid="2"),
    kind=ValueKind.CHOICE,
    choices=("none", "externals", "all"),
    used_by=("beleid.workshop",),
)

WORKSHOP_TERM_MONTHS = Parameter(
    name="workshop_term_months",
    title=Text("Termijn voor de integriteitsworkshop", "Term for the integrity workshop"),
    default=6,
    unit=Text("maanden na aanvang", "months after the start"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(f"6 maanden; {_TERM_NOTE.nl}", f"6 months; {_TERM_NOTE.en}"),
    used_by=("beleid.workshop",),
)

PUBLICATION_FUNCTIONS = Parameter(
    name="publication_functions",
    title=Text("Functies waarvan nevenwerkzaamheden openbaar worden gemaakt",
               "Functions whose nevenwerkzaamheden are made public"),
    default=(),
    unit=Text("(functienamen)", "(function names)"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "geen; de werkgever wijst de functies zelf aan (Ambtenarenwet 2017 art. 5 lid 1 onder "
        "c); de wet kent geen schaalgrens",
        "none; the employer designates the functions itself (Ambtenarenwet 2017 art. 5(1)(c)); "
        "the law sets no salary-scale threshold",
    ),
    source=LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="c"),
    kind=ValueKind.NAMES,
    used_by=("ambtenarenwet.openbaarmaking",),
)

PUBLICATION_SCALE_FROM = Parameter(
    name="publication_scale_from",
    title=Text("Openbaarmaking van nevenwerkzaamheden vanaf salarisschaal",
               "Publication of nevenwerkzaamheden from salary scale"),
    default=None,
    unit=Text("(schaal, of null)", "(scale, or null)"),
    origin=OriginKind.ORGANISATION,
    origin_note=Text(
        "geen; een grens als 'schaal 14 en hoger' is een keuze van de organisatie of cao, "
        "geen wet",
        "none; a threshold such as 'scale 14 and up' is the organisation's or the cao's "
        "choice, not law",
    ),
    minimum=1,
    maximum=30,
    kind=ValueKind.NUMBER_OR_NONE,
    used_by=("ambtenarenwet.openbaarmaking",),
)

PARAMETERS: Mapping[str, Parameter] = {p.name: p for p in (
    OATH_TERM_MONTHS, VERANTWOORDING_DEADLINE, INTEGRITEITSVERKLARING_REQUIRED,
    INTEGRITEITSVERKLARING_TERM_MONTHS, WORKSHOP_REQUIRED_FOR, WORKSHOP_TERM_MONTHS,
    PUBLICATION_FUNCTIONS, PUBLICATION_SCALE_FROM, OATH_DAYS_BEFORE_START,
    OATH_EARLIER_EMPLOYMENT_COUNTS)}
"""Every parameter, by name; :class:`~integriteit.PolicySettings` has a field for each."""


class PolicyError(IntegriteitError):
    """An override names an unknown parameter or gives a value out of range."""


def _timeline(param: Parameter, setting: PolicyValue | tuple[DatedValue, ...]
              ) -> tuple[EffectiveValue, ...]:
    """The periods of one parameter from the document's setting (a value, or dated values)."""
    dated = dated_values(setting)
    if not dated:
        return (EffectiveValue(param, setting, ValueSource.DOCUMENT),)  # type: ignore[arg-type]
    periods: list[EffectiveValue] = []
    first = dated[0].since
    if first > date.min:  # before the first date, the default
        periods.append(EffectiveValue(param, param.default, ValueSource.DEFAULT, None,
                                      date.fromordinal(first.toordinal() - 1)))
    for i, d in enumerate(dated):
        until = (date.fromordinal(dated[i + 1].since.toordinal() - 1)
                 if i + 1 < len(dated) else None)
        periods.append(EffectiveValue(param, d.value, ValueSource.DOCUMENT, d.since, until))
    return tuple(periods)


@frozen
class Policy:
    """The effective parameter values of one run: per parameter, its values over time.

    >>> from datetime import date
    >>> from integriteit import PolicySettings
    >>> policy = Policy.resolve(PolicySettings(oath_term_months={date(2024, 1, 1): 3}))
    >>> policy.on("oath_term_months", date(2023, 6, 1)).value
    2
    >>> policy.on("oath_term_months", date(2024, 6, 1)).value
    3
    """

    timelines: Mapping[str, tuple[EffectiveValue, ...]]
    """Per parameter, its periods in date order (the first starts open, the last ends open)."""
    at: date | None = None
    """The reference date of the run: :attr:`values` are the values on it."""

    @property
    def values(self) -> Mapping[str, EffectiveValue]:
        """The value of each parameter on :attr:`at` (without one: today)."""
        day = self.at if self.at is not None else date.today()
        return {name: self.on(name, day) for name in self.timelines}

    def __getitem__(self, name: str) -> EffectiveValue:
        return self.values[name]

    def on(self, name: str, day: date) -> EffectiveValue:
        """The value of parameter ``name`` on ``day``."""
        return self.reader(name)(day)

    def reader(self, name: str) -> Callable[[date], EffectiveValue]:
        """A fast ``day -> value`` function for one parameter (rules call it per subject)."""
        periods = self.timelines[name]
        if len(periods) == 1:
            only = periods[0]
            return lambda _day: only
        starts = [p.since or date.min for p in periods]

        def read(day: date) -> EffectiveValue:
            return periods[bisect.bisect_right(starts, day) - 1]

        return read

    def change_dates(self, at: date) -> list[date]:
        """``at`` and every date up to it on which some value starts: the dates on or before
        ``at`` where the policy can differ."""
        days = {at, date.min}
        for periods in self.timelines.values():
            days.update(p.since for p in periods if p.since is not None and p.since <= at)
        return sorted(days)

    def shown_to_people(self, name: str) -> bool:
        """Whether the text for people names parameter ``name``: always, unless it is
        :attr:`~Parameter.quiet` and at its default on every date."""
        periods = self.timelines[name]
        return not periods[0].parameter.quiet or any(
            p.set_by is not ValueSource.DEFAULT for p in periods)

    def is_dated(self, name: str) -> bool:
        """Whether the value of ``name`` changes over time."""
        return len(self.timelines[name]) > 1

    @classmethod
    def resolve(
        cls, settings: PolicySettings | None = None,
        overrides: Mapping[str, PolicyValue] | None = None, at: date | None = None,
    ) -> Policy:
        """Defaults, then the document's settings, then the call's overrides (highest; one
        value for every date)."""
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(PARAMETERS))
        if unknown:
            names = ", ".join(unknown)
            raise PolicyError(Text(f"onbekende beleidsparameter(s): {names}",
                                   f"unknown policy parameter(s): {names}"))
        timelines: dict[str, tuple[EffectiveValue, ...]] = {}
        for name, param in PARAMETERS.items():
            periods: tuple[EffectiveValue, ...] = (
                EffectiveValue(param, param.default, ValueSource.DEFAULT),)
            setting = getattr(settings, name, None) if settings is not None else None
            if any(not isinstance(d.since, date) for d in dated_values(setting)):
                raise PolicyError(Text(f"{name}: de datums van gedateerde waarden moeten "
                                       "datums zijn",
                                       f"{name}: the dates of dated values must be dates"))
            if setting is not None:
                periods = _timeline(param, setting)
            if name in overrides and overrides[name] is not None:
                periods = (EffectiveValue(param, overrides[name], ValueSource.CALL),)
            for period in periods:
                problem = param.problem(period.value)
                if problem is not None:
                    shown = param.show(period.value)
                    raise PolicyError(Text(f"{name}: {shown} {problem.nl}",
                                           f"{name}: {shown} {problem.en}"))
            timelines[name] = periods
        return cls(timelines, at)
