"""The domain: an organisation, its employees and their oaths, as frozen attrs classes.

A :class:`Document` is everything one input file says about one organisation. Later rule packs add
sections (register, facts, waivers) as new optional fields, so existing documents stay valid.
Validation of single values happens while loading (:mod:`integriteit.io`); checks that need
several values (duplicate ids, an end before a start) run right after, in the same module.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from attrs import field, fields, frozen

from integriteit.i18n import Text


class OrganisationKind(enum.StrEnum):
    """Kind of overheidswerkgever (Ambtenarenwet 2017 art. 2(1))."""

    RIJK = "rijk"
    PROVINCIE = "provincie"
    GEMEENTE = "gemeente"
    WATERSCHAP = "waterschap"
    OVERIG = "overig"
    """Any other overheidswerkgever of art. 2(1), e.g. a gemeenschappelijke regeling."""


class EmploymentKind(enum.StrEnum):
    """How a person works for the organisation; only ``ambtenaar`` is bound by the Ambtenarenwet.

    ``ambtenaar``: arbeidsovereenkomst with this overheidswerkgever (art. 1), also the unpaid
    functions of art. 1(2). ``inhuur`` (hired externals, zzp), ``uitzendkracht`` (agency staff),
    ``gedetacheerd`` (seconded here, employed elsewhere) and ``stagiair`` (intern) are not.
    """

    AMBTENAAR = "ambtenaar"
    INHUUR = "inhuur"
    UITZENDKRACHT = "uitzendkracht"
    GEDETACHEERD = "gedetacheerd"
    STAGIAIR = "stagiair"


class OathForm(enum.StrEnum):
    """The eed (religious formula) or the belofte (affirmation); legally equivalent."""

    EED = "eed"
    BELOFTE = "belofte"


ORGANISATION_KIND_LABELS: dict[OrganisationKind, Text] = {
    OrganisationKind.RIJK: Text("Rijk", "central government (Rijk)"),
    OrganisationKind.PROVINCIE: Text("provincie", "province"),
    OrganisationKind.GEMEENTE: Text("gemeente", "municipality"),
    OrganisationKind.WATERSCHAP: Text("waterschap", "water authority"),
    OrganisationKind.OVERIG: Text("overige overheidswerkgever", "other public employer"),
}


@frozen
class Organisation:
    """The employer: name, kind and (when known) headcount."""

    name: str
    kind: OrganisationKind
    headcount: int | None = None


_Day = date  # inside Oath, ``date`` is the field


@frozen
class Oath:
    """An eed or belofte taken on ``date``.

    For a person re-hired by the same employer, the oath may belong to an earlier employment:
    the HR system says so with ``earlier_employment`` (a flag) or ``earlier_start`` (the day
    that earlier employment began; giving it implies the flag). Whether such an oath counts
    for the new indiensttreding is the policy parameter ``oath_earlier_employment_counts``.
    """

    date: date
    form: OathForm
    earlier_employment: bool = False
    """Taken in an earlier employment with this employer, not in the one from ``start``."""
    earlier_start: _Day | None = None
    """The first day of the earlier employment the oath belongs to (before ``start``)."""

    @property
    def from_earlier_employment(self) -> bool:
        """Whether the oath belongs to an earlier employment (flag or ``earlier_start``)."""
        return self.earlier_employment or self.earlier_start is not None


@frozen
class Employee:
    """One person working for the organisation, as an HR export knows them.

    ``id`` is the organisation's own personnel number; nothing else identifying is held.
    ``start`` is the day of indiensttreding, ``end`` the last day of employment (optional).
    """

    id: str
    start: date
    employment: EmploymentKind
    end: date | None = None
    oath: Oath | None = None
    function: str | None = None
    """The function (as the organisation names it), for designated functions (art. 5(1)(c))."""
    scale: int | None = None
    """The salary scale, where the organisation designates functions by scale (policy)."""
    integriteitsverklaring: date | None = None
    """The day an external signed the organisation's integriteitsverklaring (policy)."""
    workshop: date | None = None
    """The day the person attended the organisation's integrity workshop (policy)."""


class EntryKind(enum.StrEnum):
    """What a register entry records."""

    GESPREK = "gesprek"
    """A consultation with a vertrouwenspersoon."""
    MELDING = "melding"
    """A report of a suspected integrity violation or ongewenst gedrag."""
    KLACHT = "klacht"
    """A formal complaint (e.g. to a klachtencommissie)."""
    MISSTAND = "misstand"
    """A melding of a vermoeden van een misstand under the Wbk procedure."""


class Channel(enum.StrEnum):
    """Where an entry was received."""

    WERKGEVER = "werkgever"
    LEIDINGGEVENDE = "leidinggevende"
    VERTROUWENSPERSOON = "vertrouwenspersoon"
    VERTROUWENSPERSOON_INTERN = "vertrouwenspersoon_intern"
    VERTROUWENSPERSOON_EXTERN = "vertrouwenspersoon_extern"
    INTEGRITEITSCOORDINATOR = "integriteitscoordinator"
    KLACHTENCOMMISSIE = "klachtencommissie"
    EXTERN = "extern"
    """An external authority (e.g. the Huis voor klokkenluiders, Wbk art. 2c), not the employer."""


class CaseFindings(enum.StrEnum):
    """What an investigation found (the "bevindingen" of a year report, as a key)."""

    GEGROND = "gegrond"
    """The suspicion was confirmed."""
    DEELS_GEGROND = "deels_gegrond"
    """Confirmed in part."""
    ONGEGROND = "ongegrond"
    """Not confirmed."""
    GEEN_OORDEEL = "geen_oordeel"
    """No judgement (settled otherwise, or not judged)."""


class Measure(enum.StrEnum):
    """The measure taken after a formal case (the heaviest, when there were several)."""

    GEEN = "geen"
    GESPREK = "gesprek"
    AANTEKENING_IN_DOSSIER = "aantekening_in_dossier"
    SCHRIFTELIJKE_WAARSCHUWING = "schriftelijke_waarschuwing"
    BERISPING = "berisping"
    TEAMTRAJECT = "teamtraject"
    OVERPLAATSING = "overplaatsing"
    DETACHERING = "detachering"
    VOORNEMEN_INGETROKKEN = "voornemen_ingetrokken"
    """The intended act (e.g. a departure arrangement) was not carried out."""
    VOORWAARDELIJK_STRAFONTSLAG = "voorwaardelijk_strafontslag"
    STRAFONTSLAG = "strafontslag"
    AANGIFTE = "aangifte"
    OVERIG = "overig"


MEASURE_LABELS: dict[Measure, Text] = {
    Measure.GEEN: Text("geen maatregel", "no measure"),
    Measure.GESPREK: Text("gesprek", "talk"),
    Measure.AANTEKENING_IN_DOSSIER: Text("aantekening in het dossier", "note in the file"),
    Measure.SCHRIFTELIJKE_WAARSCHUWING: Text("schriftelijke waarschuwing", "written warning"),
    Measure.BERISPING: Text("berisping", "reprimand"),
    Measure.TEAMTRAJECT: Text("teamontwikkelingstraject", "team development"),
    Measure.OVERPLAATSING: Text("overplaatsing", "transfer"),
    Measure.DETACHERING: Text("detachering", "secondment"),
    Measure.VOORNEMEN_INGETROKKEN: Text("voornemen niet uitgevoerd",
                                        "intended act not carried out"),
    Measure.VOORWAARDELIJK_STRAFONTSLAG: Text("voorwaardelijk strafontslag",
                                              "conditional disciplinary dismissal"),
    Measure.STRAFONTSLAG: Text("strafontslag", "disciplinary dismissal"),
    Measure.AANGIFTE: Text("aangifte", "report to the police"),
    Measure.OVERIG: Text("overig", "other"),
}

CASE_FINDINGS_LABELS: dict[CaseFindings, Text] = {
    CaseFindings.GEGROND: Text("gegrond", "confirmed"),
    CaseFindings.DEELS_GEGROND: Text("deels gegrond", "partly confirmed"),
    CaseFindings.ONGEGROND: Text("ongegrond", "not confirmed"),
    CaseFindings.GEEN_OORDEEL: Text("geen oordeel", "no judgement"),
}


@frozen
class Outcome:
    """How a formal case ended: investigated or not, what was found, the measure taken.

    Only keys: no description of the case, which could identify the people involved.
    """

    investigation: bool
    findings: CaseFindings | None = None
    measure: Measure | None = None


@frozen
class RegisterEntry:
    """One contact, report or complaint in the organisation's integrity register.

    There is deliberately no field for the melder's (or anyone's) identity: the library never
    holds it, and an input that carries one is rejected (Wbk art. 1a: confidentiality).
    ``acknowledged`` is the ontvangstbevestiging, ``feedback`` the information on assessment and
    follow-up (Wbk art. 2(2)(h) and (i)).
    """

    id: str
    kind: EntryKind
    received: date
    channel: Channel
    anonymous: bool = False
    acknowledged: date | None = None
    feedback: date | None = None
    closed: date | None = None
    categories: tuple[str, ...] = ()
    """Category keys (:mod:`integriteit.taxonomies`); the loader turns the organisation's own
    wording into keys through the document's ``category_labels``. Empty: not categorised."""
    related_to: str | None = None
    """For a gesprek: the id of the melding (or klacht, misstand) it belongs to."""
    outcome: Outcome | None = None
    """For a formal case: investigation, findings and measure."""


class ConsentRoute(enum.StrEnum):
    """Whose consent the reporting procedure needs (``facts.meldprocedure.consent_route``)."""

    WORKS_COUNCIL = "works_council"
    """The ondernemingsraad or personeelsvertegenwoordiging consents (WOR art. 27(1)(m))."""
    REGULATED = "regulated"
    """No consent: the matter is regulated by cao or by a regulation of employment conditions
    set by a public-law body (WOR art. 27(3)), the usual case for public employers."""
    EMPLOYEES = "employees"
    """No ondernemingsraad or personeelsvertegenwoordiging, and none required: more than half
    of the employees consent (Wbk art. 2(7))."""


@frozen
class Meldprocedure:
    """Facts about the internal procedure for reporting misstanden; ``None`` is "unknown".

    ``adopted``: date the procedure was adopted; ``works_council_consent``: date of the
    ondernemingsraad's consent (or the employees' majority where there is none);
    ``consent_route``: whose consent is needed, if any (:class:`ConsentRoute`);
    ``functionaris``: an independent functionaris designated to receive and follow up reports;
    ``adviseur_in_vertrouwen``: an adviseur in vertrouwen named; ``register_kept``: reports are
    registered (Wbk art. 2a).
    """

    adopted: date | None = None
    works_council_consent: date | None = None
    functionaris: bool | None = None
    adviseur_in_vertrouwen: bool | None = None
    register_kept: bool | None = None
    consent_route: ConsentRoute | None = None


@frozen
class TrainingSession:
    """A session of scholing en vorming on integrity (Ambtenarenwet 2017 art. 4(2))."""

    date: date
    attendees: int | None = None


@frozen
class Verantwoording:
    """The yearly public account over ``year`` (art. 4(4)), published on ``published``."""

    year: int
    published: date


@frozen
class Nevenwerk:
    """A nevenwerkzaamheid an employee reported (art. 8(2)(a)), as the employer recorded it.

    ``registered``: the employer registered it (art. 5(1)(b)); ``published``: made public, for
    designated functions (art. 5(1)(c)); ``None`` is "not known".
    """

    employee: str
    activity: str
    reported: date
    registered: bool | None = None
    published: bool | None = None


class VertrouwenspersoonScope(enum.StrEnum):
    """What a vertrouwenspersoon is there for."""

    INTEGRITEIT = "integriteit"
    ONGEWENST_GEDRAG = "ongewenst_gedrag"


@frozen
class Vertrouwenspersoon:
    """A confidential adviser the organisation appointed: internal or external, for integrity
    and/or ongewenst gedrag, from ``since`` (optional) to ``until`` (optional).

    No statute requires one (the bill of Kamerstuk 35592 was pending in the Eerste Kamer in
    2024); Wbk art. 2(2)(g) requires only that a worker can consult an adviseur in vertrouwen.
    No name is held: ``id`` is the organisation's own reference.
    """

    id: str
    external: bool
    scope: tuple[VertrouwenspersoonScope, ...]
    since: date | None = None
    until: date | None = None


@frozen
class Facts:
    """What the organisation states about itself; each part optional (left out: unknown).

    Dates say when something was adopted; ``null`` says it was not.
    """

    meldprocedure: Meldprocedure | None = None
    integriteitsbeleid: date | None = None
    """Art. 4(1): integrity policy adopted on."""
    gedragscode: date | None = None
    """Art. 4(3): gedragscode voor goed ambtelijk handelen adopted on."""
    integriteit_in_gesprekken: bool | None = None
    """Art. 4(2): integrity is discussed in functioneringsgesprekken and werkoverleg."""
    training: tuple[TrainingSession, ...] | None = None
    """Art. 4(2): sessions of scholing en vorming on integrity offered."""
    verantwoording: tuple[Verantwoording, ...] | None = None
    """Art. 4(4): the yearly public accounts, by year."""
    financiele_belangen: date | None = None
    """Art. 5(1)(d): functions with a risk of financial conflicts designated on."""
    nevenwerkzaamheden: tuple[Nevenwerk, ...] | None = None
    """Art. 5(1)(b)-(c): the register of nevenwerkzaamheden."""
    vertrouwenspersonen: tuple[Vertrouwenspersoon, ...] | None = None
    """The confidential advisers appointed (no statutory duty; reported in the year report)."""
    stated: frozenset[str] = field(init=False, repr=False)
    """The facts stated: the keys the input gave (the loader sets them, so a ``null`` date
    there means "not adopted"); for objects built in Python, the fields that are not None."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "stated", frozenset(
            f.name for f in fields(Facts) if f.init and getattr(self, f.name) is not None))

    @property
    def given(self) -> frozenset[str]:
        """The facts the document states (left-out facts are unknown)."""
        return self.stated


@frozen
class Waiver:
    """A documented exception: ``rule`` does not count against ``subject`` until ``until``.

    "Bijzondere omstandigheden", e.g. long sick leave postpones the oath. While valid (from
    ``since``, if given, to and including ``until``) a ``due``, ``overdue`` or ``late`` finding
    becomes ``waived`` with the reason; after ``until`` it is judged again.
    """

    rule: str
    subject: str
    reason: str
    until: date
    since: date | None = None


PolicyValue = int | bool | str | tuple[str, ...] | None
"""A value of a policy parameter (its kind says which; see :mod:`integriteit.policy`)."""


@frozen
class DatedValue:
    """A policy value that takes effect on ``since`` (until the next one)."""

    since: date
    value: PolicyValue


def dated_values(setting: object) -> tuple[DatedValue, ...]:
    """The dated values of a policy setting; empty when it is one value for every date."""
    if isinstance(setting, tuple):
        return tuple(d for d in setting if isinstance(d, DatedValue))
    return ()


def _dated(value: Any) -> Any:
    """A mapping ``{date: value}`` becomes the dated values in date order; other values stay."""
    if isinstance(value, Mapping):
        return tuple(DatedValue(since, v) for since, v in sorted(value.items()))
    if isinstance(value, list):
        return tuple(value)
    return value


def _setting() -> Any:
    return field(default=None, converter=_dated)


@frozen
class PolicySettings:
    """Organisation policy set in the document; ``None`` means "use the default".

    Each field takes one value for every date, or values by the date they take effect (in
    Python a mapping ``{date: value}``, kept as :class:`DatedValue` in date order). The
    parameters, their kinds and defaults are in :mod:`integriteit.policy`.
    """

    oath_term_months: int | tuple[DatedValue, ...] | None = _setting()
    verantwoording_deadline: str | tuple[DatedValue, ...] | None = _setting()
    integriteitsverklaring_required: bool | tuple[DatedValue, ...] | None = _setting()
    integriteitsverklaring_term_months: int | tuple[DatedValue, ...] | None = _setting()
    workshop_required_for: str | tuple[DatedValue, ...] | None = _setting()
    workshop_term_months: int | tuple[DatedValue, ...] | None = _setting()
    publication_functions: tuple[str, ...] | tuple[DatedValue, ...] | None = _setting()
    publication_scale_from: int | tuple[DatedValue, ...] | None = _setting()
    oath_days_before_start: int | tuple[DatedValue, ...] | None = _setting()
    oath_earlier_employment_counts: bool | tuple[DatedValue, ...] | None = _setting()


def _employees(items: Iterable[Employee]) -> tuple[Employee, ...]:
    return tuple(items)


def _entries(items: Iterable[RegisterEntry]) -> tuple[RegisterEntry, ...]:
    return tuple(items)


def _waivers(items: Iterable[Waiver]) -> tuple[Waiver, ...]:
    return tuple(items)


def _labels(items: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(items))


def _always(items: Mapping[EntryKind, Iterable[str]]) -> Mapping[EntryKind, tuple[str, ...]]:
    return types.MappingProxyType({kind: tuple(keys) for kind, keys in items.items()})


@frozen
class ReportSettings:
    """How the annual report reads the register.

    ``register_since`` is the day from which the register is complete: years (or the part of
    a year) before it have no data, shown as "geen gegevens" / "no data" and left out of every
    comparison, never as 0. Without it the register counts from 1 January of the year of its
    first entry. ``always`` lists, per kind, the categories the published table shows even at
    zero (e.g. ``{"klacht": [], "melding": ["discriminatie"]}``): a kind listed gets its table,
    every category listed its row.
    """

    register_since: date | None = None
    always: Mapping[EntryKind, tuple[str, ...]] = field(factory=dict, converter=_always,
                                                        hash=False)


@frozen
class Document:
    """One organisation and what it records: the unit a check runs over."""

    organisation: Organisation
    employees: tuple[Employee, ...] = field(default=(), converter=_employees)
    policy: PolicySettings = PolicySettings()
    register: tuple[RegisterEntry, ...] = field(default=(), converter=_entries)
    facts: Facts = Facts()
    waivers: tuple[Waiver, ...] = field(default=(), converter=_waivers)
    category_labels: Mapping[str, str] = field(factory=dict, converter=_labels, hash=False)
    """The organisation's own category wordings and the keys they stand for, e.g.
    ``{"(dreigend) arbeidsconflict": "arbeidsconflict"}`` (see :mod:`integriteit.taxonomies`)."""
    report: ReportSettings = ReportSettings()
    """How the annual report reads the register (from when it is complete, rows at zero)."""
    schema: str | None = None
    """The optional ``$schema`` key, so editors can validate the file; ignored otherwise."""
