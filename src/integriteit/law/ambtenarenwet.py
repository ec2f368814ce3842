"""Ambtenarenwet 2017 (BWBR0001947): the employer's integrity duties.

Art. 5(1)(a) (in force from 2020-01-01): "Een overheidswerkgever draagt zorg voor: a. de
aflegging van de eed of belofte door de ambtenaar bij zijn indiensttreding;". Art. 7: the
ambtenaar takes the eed or belofte in the form set by AMvB. Before 2020 the old Ambtenarenwet
art. 125quinquies(1)(a) and (2) required rules on "de verplichte aflegging van de eed of
belofte door de ambtenaar bij zijn aanstelling" (by AMvB for the Rijk, by the bevoegd gezag for
provincies, gemeenten, waterschappen; no other employer).

Neither text sets a number of days. The term is organisation policy, the parameter
``oath_term_months`` (default 2 months, after the Regeling eed en belofte SZW 1999 art. 4, which
lapsed as a regulation but stays binding as if a cao where no cao with an overheidswerkgever
was concluded: Ambtenarenwet 2017 art. 17(3)).
Being an employer term, it is never extended by the Algemene termijnenwet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from integriteit.engine import (
    Evaluator,
    Finding,
    LawDateOf,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    adoption,
    shared_facts,
    timeliness,
)
from integriteit.i18n import Phrase, Text
from integriteit.model import (
    Employee,
    EmploymentKind,
    Facts,
    Nevenwerk,
    Oath,
    OathForm,
    Organisation,
    OrganisationKind,
)
from integriteit.policy import (
    OATH_DAYS_BEFORE_START,
    OATH_EARLIER_EMPLOYMENT_COUNTS,
    OATH_TERM_MONTHS,
    PUBLICATION_FUNCTIONS,
    PUBLICATION_SCALE_FROM,
    VERANTWOORDING_DEADLINE,
    month_day,
)
from integriteit.sources import AMBTENARENWET, AMBTENARENWET_2017, LegalSource
from integriteit.termijnen import Deadline, Term, TermOrigin

if TYPE_CHECKING:
    from integriteit.plugins import Registry

_JCI = "https://wetten.overheid.nl/jci1.3:c:BWBR0001947&artikel={article}&g={on}"

# --- messages ------------------------------------------------------------------------------

_OK = Text(
    "Afgelegd ({form}) op {oath_date}, binnen de termijn: uiterlijk {deadline} "
    "({term} na indiensttreding op {start}).",
    "Taken ({form}) on {oath_date}, within the term: by {deadline} "
    "({term} after the start of employment on {start}).",
)
_LATE = Text(
    "Afgelegd ({form}) op {oath_date}, {days_late:dag|dagen} na het einde van de termijn op "
    "{deadline} ({term} na indiensttreding op {start}).",
    "Taken ({form}) on {oath_date}, {days_late:day|days} after the term ended on {deadline} "
    "({term} after the start of employment on {start}).",
)
_DUE = Text(
    "Nog geen eed of belofte; af te leggen uiterlijk {deadline} ({term} na indiensttreding "
    "op {start}; {days_left:vandaag is de laatste dag|morgen is de laatste dag|nog # dagen}).",
    "No eed or belofte yet; to be taken by {deadline} ({term} after the start of employment "
    "on {start}; {days_left:today is the last day|tomorrow is the last day|# days left}).",
)
_OVERDUE = Text(
    "Geen eed of belofte afgelegd; de termijn verstreek op {deadline} ({term} na "
    "indiensttreding op {start}; {days_overdue:vandaag|gisteren|# dagen geleden}).",
    "No eed or belofte taken; the term ended on {deadline} ({term} after the start of "
    "employment on {start}; {days_overdue:today|yesterday|# days ago}).",
)
_OVERDUE_LEFT = Text(
    "Geen eed of belofte afgelegd; de termijn verstreek op {deadline} ({term} na "
    "indiensttreding op {start}); uit dienst sinds {end}.",
    "No eed or belofte taken; the term ended on {deadline} ({term} after the start of "
    "employment on {start}); left on {end}.",
)
_BEFORE_START = Text(
    "De {form} is gedateerd op {oath_date}, {days_before_start:dag|dagen} vóór de "
    "indiensttreding op {start}; controleer de datum. Hoort deze bij een eerder "
    "dienstverband bij deze werkgever, geef dat dan aan (oath.earlier_employment); een eed of "
    "belofte kort vóór de eerste werkdag telt alleen mee als het beleid dat toestaat "
    "(oath_days_before_start, nu {days_before_start_allowed}).",
    "The {form} is dated {oath_date}, {days_before_start:day|days} before the start of "
    "employment on {start}; check the date. If it belongs to an earlier employment with this "
    "employer, say so (oath.earlier_employment); an eed or belofte shortly before the first "
    "working day counts only where the policy allows it (oath_days_before_start, now "
    "{days_before_start_allowed}).",
)
_BEFORE_START_COUNTS = Text(
    "Afgelegd ({form}) op {oath_date}, {days_before_start:dag|dagen} vóór de indiensttreding op "
    "{start}; telt mee volgens het beleid (oath_days_before_start: tot "
    "{days_before_start_allowed:dag|dagen} ervóór), binnen de termijn: uiterlijk {deadline}.",
    "Taken ({form}) on {oath_date}, {days_before_start:day|days} before the start of employment "
    "on {start}; counts under the policy (oath_days_before_start: up to "
    "{days_before_start_allowed:day|days} before), within the term: by {deadline}.",
)
_EARLIER_COUNTS = Text(
    "Afgelegd ({form}) op {oath_date} in een eerder dienstverband bij deze werkgever; telt "
    "mee voor de indiensttreding op {start} volgens het beleid "
    "(oath_earlier_employment_counts: true).",
    "Taken ({form}) on {oath_date} in an earlier employment with this employer; counts for "
    "the start of employment on {start} under the policy (oath_earlier_employment_counts: "
    "true).",
)
_EARLIER_NOT_COUNTED = Text(
    " De {earlier_form} van {earlier_oath_date} hoort bij een eerder dienstverband en telt "
    "niet mee voor deze indiensttreding (beleid oath_earlier_employment_counts: false).",
    " The {earlier_form} of {earlier_oath_date} belongs to an earlier employment and does not "
    "count for this start of employment (policy oath_earlier_employment_counts: false).",
)
_AFTER_END = Text(
    "De {form} is gedateerd op {oath_date}, na het einde van het dienstverband op {end}; "
    "controleer de datum.",
    "The {form} is dated {oath_date}, after the end of employment on {end}; check the date.",
)
_NOT_STARTED = Text(
    "Indiensttreding op {start} ligt na de peildatum {at}; de termijn loopt nog niet.",
    "Employment starts on {start}, after the reference date {at}; the term has not started.",
)
_LEFT_IN_TERM = Text(
    "Uit dienst op {end}, vóór het einde van de termijn op {deadline}, zonder eed of belofte.",
    "Left on {end}, before the term ended on {deadline}, without an eed or belofte.",
)
_NOT_AMBTENAAR: dict[EmploymentKind, Text] = {
    EmploymentKind.INHUUR: Text(
        "Externe inhuur: geen ambtenaar van deze werkgever ({definition}); de eedplicht geldt "
        "niet. Een integriteitsverklaring kan als beleid worden gevraagd.",
        "Hired external: not an ambtenaar of this employer ({definition}); the oath duty does "
        "not apply. An integriteitsverklaring can be required as policy.",
    ),
    EmploymentKind.UITZENDKRACHT: Text(
        "Uitzendkracht: in dienst van het uitzendbureau, geen ambtenaar van deze werkgever "
        "({definition}); de eedplicht geldt niet.",
        "Agency worker: employed by the agency, not an ambtenaar of this employer "
        "({definition}); the oath duty does not apply.",
    ),
    EmploymentKind.GEDETACHEERD: Text(
        "Gedetacheerd: in dienst van een andere werkgever, geen ambtenaar van deze werkgever "
        "({definition}); de eedplicht geldt hier niet (bij de eigen werkgever alleen als die "
        "een overheidswerkgever is).",
        "Seconded: employed by another employer, not an ambtenaar of this employer "
        "({definition}); the oath duty does not apply here (with their own employer only if "
        "that is a public employer)."
    ),
    EmploymentKind.STAGIAIR: Text(
        "Stagiair: in de regel een stageovereenkomst, geen ambtenaar ({definition}); de "
        "eedplicht geldt niet. Registreer een stagiair met arbeidsovereenkomst als ambtenaar.",
        "Intern: as a rule an internship agreement, not an ambtenaar ({definition}); the oath "
        "duty does not apply. Record an intern with an employment contract as ambtenaar.",
    ),
}
_TEMPLATES = {Status.OK: _OK, Status.LATE: _LATE, Status.DUE: _DUE, Status.OVERDUE: _OVERDUE}
_RECORDED_LATER = Text(
    " De {recorded_form} is geregistreerd op {recorded_oath_date}, na de peildatum {at}: op de "
    "peildatum nog niet afgelegd.",
    " The {recorded_form} is recorded on {recorded_oath_date}, after the reference date {at}: "
    "not yet taken on the reference date.",
)
_LATER = {t: Text(t.nl + _RECORDED_LATER.nl, t.en + _RECORDED_LATER.en)
          for t in (_DUE, _OVERDUE, _OVERDUE_LEFT, _LEFT_IN_TERM)}
"""The no-oath messages, for a person whose oath is dated after the reference date: the date
the document gives is said, not hidden."""
_EARLIER = {t: Text(t.nl + _EARLIER_NOT_COUNTED.nl, t.en + _EARLIER_NOT_COUNTED.en)
            for t in (_DUE, _OVERDUE, _OVERDUE_LEFT, _LEFT_IN_TERM)}
"""The no-oath messages, for a person whose only oath belongs to an earlier employment."""
_FORMS = {OathForm.EED: "eed", OathForm.BELOFTE: "belofte"}
"""The form as the facts give it: Dutch terms of art, the same in both languages."""


def _prepare(definition: Text, *, old_law: bool = False) -> Callable[[RuleContext], Evaluator]:
    """The evaluator factory for one version; ``definition`` cites who is an ambtenaar;
    ``old_law``: art. 125quinquies, which bound only some employers (:data:`PRE_2020_KINDS`)."""

    def prepare(ctx: RuleContext) -> Evaluator:
        kind = ctx.document.organisation.kind
        if old_law and kind not in PRE_2020_KINDS:
            facts = shared_facts(kind=kind.value)
            return lambda e: ctx.finding(e.id, Status.NOT_APPLICABLE, None, OLD_KINDS, facts)
        # The term in force on the day of indiensttreding (policy can change over time).
        term_on = ctx.policy.reader(OATH_TERM_MONTHS.name)
        at = ctx.at
        finding = ctx.finding
        deadlines: dict[date, tuple[Deadline, dict[str, object]]] = {}  # starts are shared
        # Facts that do not depend on the person: made once, rendered once.
        not_ambtenaar = {kind: shared_facts(employment=kind.value, definition=definition)
                         for kind in _NOT_AMBTENAAR}

        terms: dict[object, Term] = {}  # one Term per value of the policy

        def deadline_of(start: date) -> tuple[Deadline, dict[str, object]]:
            ev = term_on(start)
            term = terms.get(ev.value)
            if term is None:
                term = terms[ev.value] = Term.of_months(
                    ev.value, TermOrigin.ORGANISATION)  # type: ignore[arg-type]
            dl = term.compute(start)
            base: dict[str, object] = {"term": term.label, "term_months": term.amount,
                                       "term_set_by": ev.set_by.value}
            if ev.since is not None:
                base["term_since"] = ev.since
            base["start"] = start
            base["deadline"] = dl.end
            deadlines[start] = (dl, base)
            return dl, base

        ambtenaar = EmploymentKind.AMBTENAAR
        # Members bound once: on Python 3.11 ``Status.OK`` is a lookup through the enum
        # class each time, and this runs once per employee.
        ok, late, due, overdue = Status.OK, Status.LATE, Status.DUE, Status.OVERDUE
        invalid, not_applicable = Status.INVALID, Status.NOT_APPLICABLE
        days_allowed_on = ctx.policy.reader(OATH_DAYS_BEFORE_START.name)
        earlier_counts_on = ctx.policy.reader(OATH_EARLIER_EMPLOYMENT_COUNTS.name)

        def before_start(e: Employee, oath: Oath, dl: Deadline, facts: dict[str, object]
                         ) -> Finding | None:
            """An oath dated before the start (rare): one of an earlier employment, one a
            few days early, or a wrong date. None: an earlier employment's oath that does
            not count (``facts`` then say so, and the person is as one without an oath)."""
            start = e.start
            if oath.from_earlier_employment:
                facts["earlier_employment"] = True
                if oath.earlier_start is not None:
                    facts["earlier_start"] = oath.earlier_start
                if earlier_counts_on(start).value:
                    return finding(e.id, ok, dl.end, _EARLIER_COUNTS, facts,
                                   explanation=dl)
                del facts["oath_date"], facts["form"]
                facts["earlier_oath_date"] = oath.date
                facts["earlier_form"] = _FORMS[oath.form]
                return None
            facts["days_before_start"] = days = (start - oath.date).days
            facts["days_before_start_allowed"] = allowed = days_allowed_on(start).value
            if days <= allowed:  # type: ignore[operator]
                return finding(e.id, ok, dl.end, _BEFORE_START_COUNTS, facts,
                               explanation=dl)
            return finding(e.id, invalid, dl.end, _BEFORE_START, facts, explanation=dl)

        # Called once per employee: the cheap tests first, dates compared as they are.
        def evaluate(e: Employee) -> Finding:
            if e.employment is not ambtenaar:
                return finding(e.id, not_applicable, None, _NOT_AMBTENAAR[e.employment],
                               not_ambtenaar[e.employment])
            start = e.start
            if start > at:
                return finding(e.id, not_applicable, None, _NOT_STARTED,
                               {"start": start, "at": at})
            cached = deadlines.get(start)
            dl, base = cached if cached is not None else deadline_of(start)
            deadline = dl.end
            facts = base.copy()
            end = e.end
            if end is not None:
                facts["end"] = end
            oath = e.oath
            # An oath dated after the reference date was not known on that date.
            taken = oath.date if oath is not None and oath.date <= at else None
            later = oath is not None and taken is None
            left = end is not None and end <= at
            earlier = False
            if taken is not None:
                facts["oath_date"] = taken
                facts["form"] = _FORMS[oath.form]  # type: ignore[union-attr]
                if taken < start:
                    early = before_start(e, oath, dl, facts)  # type: ignore[arg-type]
                    if early is not None:
                        return early
                    taken, earlier = None, True
                elif end is not None and taken > end:
                    return finding(e.id, invalid, deadline, _AFTER_END, facts,
                                   explanation=dl)
            if taken is None and left and end < deadline:  # type: ignore[operator]
                template = _LEFT_IN_TERM
                if earlier:
                    template = _EARLIER[template]
                elif later:
                    template = _later(facts, oath, at, template)  # type: ignore[arg-type]
                return finding(e.id, not_applicable, None, template, facts)
            status = timeliness(taken, deadline, at)
            if status is late:
                facts["days_late"] = (taken - deadline).days  # type: ignore[operator]
            elif status is due:
                facts["days_left"] = (deadline - at).days
            elif status is overdue:
                facts["days_overdue"] = (at - deadline).days
            template = _OVERDUE_LEFT if status is overdue and left else _TEMPLATES[status]
            if earlier:
                template = _EARLIER[template]
            elif later:
                template = _later(facts, oath, at, template)  # type: ignore[arg-type]
            return finding(e.id, status, deadline, template, facts, explanation=dl)

        return evaluate

    return prepare


def _later(facts: dict[str, object], oath: Oath, at: date, template: Text) -> Text:
    """An oath dated after the reference date was not taken on it, but the finding says the
    date the document gives rather than hide it."""
    facts["recorded_oath_date"] = oath.date
    facts["recorded_form"] = _FORMS[oath.form]
    facts["at"] = at
    return _LATER[template]


EED = Rule(
    id="ambtenarenwet.eed",
    title=Text("Eed of belofte bij indiensttreding", "Eed or belofte at the start of employment"),
    severity=Severity.ERROR,
    subject=SubjectKind.EMPLOYEE,
    law_date=LawDateOf("start"),  # the duty arises at indiensttreding: that day's law
    parameters=(OATH_TERM_MONTHS.name, OATH_DAYS_BEFORE_START.name,
                OATH_EARLIER_EMPLOYMENT_COUNTS.name),
    versions=(
        RuleVersion(
            valid_from=None,
            valid_until=date(2019, 12, 31),
            sources=(
                LegalSource(AMBTENARENWET, "125quinquies", lid="1", letter="a",
                            url=_JCI.format(article="125quinquies", on="2019-12-31")),
                LegalSource(AMBTENARENWET, "125quinquies", lid="2",
                            url=_JCI.format(article="125quinquies", on="2019-12-31")),
            ),
            prepare=_prepare(Text("Ambtenarenwet art. 1: aangesteld in openbare dienst",
                                  "Ambtenarenwet art. 1: appointed to public service"),
                             old_law=True),
            summary=Text(
                "Eed of belofte bij aanstelling, geregeld bij AMvB (Rijk) of door het bevoegd "
                "gezag (provincies, gemeenten, waterschappen). Begin van deze versie ligt vóór "
                "de periode die de bibliotheek modelleert.",
                "Eed or belofte on appointment, regulated by AMvB (Rijk) or by the competent "
                "authority (provinces, municipalities, water authorities). This version began "
                "before the period the library models.",
            ),
        ),
        RuleVersion(
            valid_from=date(2020, 1, 1),
            valid_until=None,
            sources=(
                LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="a",
                            url=_JCI.format(article="5", on="2020-01-01")),
                LegalSource(AMBTENARENWET_2017, "7",
                            url=_JCI.format(article="7", on="2020-01-01")),
            ),
            prepare=_prepare(Text("Ambtenarenwet 2017 art. 1: arbeidsovereenkomst met de "
                                  "overheidswerkgever",
                                  "Ambtenarenwet 2017 art. 1: employment contract with the "
                                  "public employer")),
            summary=Text(
                "Een overheidswerkgever draagt zorg voor de aflegging van de eed of belofte "
                "door de ambtenaar bij zijn indiensttreding (art. 5 lid 1 onder a), in de vorm "
                "die de AMvB voorschrijft (art. 7).",
                "The employer ensures that the ambtenaar takes the eed or belofte at the start "
                "of employment (art. 5(1)(a)), in the form set by AMvB (art. 7).",
            ),
        ),
    ),
    explanation=Text(
        "Geldt voor medewerkers met dienstverband 'ambtenaar'. Termijn = indiensttreding + "
        "oath_term_months maanden (organisatiebeleid, standaard 2; geen wettelijke termijn), "
        "met maandrekening: hetzelfde dagnummer, of de laatste dag van een kortere maand "
        "(31 december + 2 maanden = eind februari). De laatste dag telt nog als op tijd. Geen "
        "verlenging door de Algemene termijnenwet: die geldt niet voor termijnen van de "
        "werkgever. Eed op of vóór de termijn: ok; erna: late; geen eed en termijn loopt nog: "
        "due; termijn voorbij zonder eed: overdue; eed vóór indiensttreding of na "
        "uitdiensttreding: invalid. "
        "De wet van de dag van indiensttreding is van toepassing; feiten na de peildatum "
        "tellen niet mee.",
        "Applies to employees with employment 'ambtenaar'. Deadline = start of employment + "
        "oath_term_months months (organisation policy, default 2; not a statutory term), "
        "with month arithmetic: the same day number, or the last day of a shorter month "
        "(31 December + 2 months = end of February). The deadline day itself is in time. No "
        "Algemene termijnenwet extension: it does not cover employer terms. Oath on or before "
        "the deadline: ok; after it: late; none and the term still running: due; passed: "
        "overdue; an oath before the start or after the end of employment: invalid. The law "
        "of the day employment started applies; facts after the reference date are ignored.",
    ),
)


def register(registry: Registry) -> None:
    """Plugin hook: the Ambtenarenwet 2017 rule pack."""
    registry.add_rule(EED)
    register_duties(registry)


# === Art. 4 and 5(1)(b)-(d): the employer's integrity duties ===============================
#
# Art. 4 (from 2020-01-01): (1) an integriteitsbeleid; (2) integrity a fixed part of personnel
# policy: in functioneringsgesprekken and werkoverleg, and scholing en vorming offered; (3) a
# gedragscode voor goed ambtelijk handelen; (4) yearly a public verantwoording. Before 2020,
# art. 125quater (a)-(c) had the same duties for employers of ambtenaren of the Rijk,
# provincies, gemeenten and waterschappen, and (d) only required agreeing *how* to account
# yearly. Art. 5(1)(b) registration of nevenwerkzaamheden, (c) publication for designated
# functions, (d) designation of functions with a risk of financial conflicts (before 2020:
# art. 125quinquies(1)(b), (c), (e), as rules to be set by AMvB or the bevoegd gezag).

PRE_2020_KINDS = frozenset({OrganisationKind.RIJK, OrganisationKind.PROVINCIE,
                            OrganisationKind.GEMEENTE, OrganisationKind.WATERSCHAP})
"""The employers the Ambtenarenwet bound before 2020 (art. 125quater, 125quinquies: lid 1 the
Rijk, lid 2 provincies, gemeenten and waterschappen); every rule of the old law asks here."""

_PRE_2020_KINDS = PRE_2020_KINDS


def _aw(article: str, lid: str | None = None, letter: str | None = None) -> LegalSource:
    return LegalSource(AMBTENARENWET_2017, article, lid=lid, letter=letter,
                       url=_JCI.format(article=article, on="2020-01-01"))


def _old(article: str, lid: str | None = None, letter: str | None = None) -> LegalSource:
    return LegalSource(AMBTENARENWET, article, lid=lid, letter=letter,
                       url=_JCI.format(article=article, on="2019-12-31"))


_ORG_UNKNOWN = Text("Het document geeft geen feiten hierover ({fact}); niet te beoordelen.",
                    "The document gives no facts about this ({fact}); cannot be judged.")
_ORG_OK = Text("{what}: vastgesteld op {adopted}.", "{what}: adopted on {adopted}.")
_ORG_MISSING = Text("{what}: niet vastgesteld (op {at}).", "{what}: not adopted (on {at}).")
_ORG_LATER = Text("{what}: vastgesteld op {adopted}, na de peildatum {at}; op die datum nog "
                  "niet.",
                  "{what}: adopted on {adopted}, after the reference date {at}; not yet on "
                  "that date.")
OLD_KINDS = Text("Vóór 2020 golden art. 125quater en 125quinquies alleen voor ambtenaren van "
                 "Rijk, provincies, gemeenten en waterschappen (soort: {kind}).",
                 "Before 2020, art. 125quater and 125quinquies applied only to ambtenaren of "
                 "the Rijk, provinces, municipalities and water authorities (kind: {kind}).")
"""Why a rule of the old law does not apply to an employer of another kind."""

_OLD_KINDS = OLD_KINDS


def _prepare_adopted(field_name: str, what: Text, old_law: bool) -> Callable[
        [RuleContext], Evaluator]:
    """An organisation duty met by adopting something on a date (a ``facts`` date field)."""

    def prepare(ctx: RuleContext) -> Evaluator:
        def evaluate(org: Organisation) -> Finding:
            if old_law and org.kind not in _PRE_2020_KINDS:
                return ctx.finding("organisation", Status.NOT_APPLICABLE, None, _OLD_KINDS,
                                   {"kind": org.kind.value})
            facts = ctx.document.facts
            if field_name not in _given(facts):
                return ctx.finding("organisation", Status.UNKNOWN, None, _ORG_UNKNOWN,
                                   {"fact": f"facts.{field_name}"})
            adopted: date | None = getattr(facts, field_name)
            values: dict[str, object] = {"what": what, "at": ctx.at}
            if adopted is not None:
                values["adopted"] = adopted
            status = adoption(adopted, ctx.at)
            template = (_ORG_OK if status is Status.OK
                        else _ORG_MISSING if adopted is None else _ORG_LATER)
            return ctx.finding("organisation", status, None, template, values)
        return evaluate
    return prepare


def _kind_applies(org: Organisation, version: RuleVersion) -> bool:
    """Before 2020 art. 125quater/125quinquies bound only Rijk, provincies, gemeenten and
    waterschappen."""
    return version.valid_from is not None or org.kind in _PRE_2020_KINDS


def _given(facts: Facts) -> frozenset[str]:
    """The facts the document states (a ``null`` date is stated: "not adopted")."""
    return facts.given


def _org_rule(rule_id: str, title: Text, field_name: str, new: LegalSource,
              old: LegalSource | None, what: Text, summary: Text) -> Rule:
    versions: list[RuleVersion] = []
    if old is not None:
        versions.append(RuleVersion(None, date(2019, 12, 31), (old,),
                                    _prepare_adopted(field_name, what, True),
                                    Text(f"Vóór 2020: {old.cite('nl')}.",
                                         f"Before 2020: {old.cite('en')}.")))
    versions.append(RuleVersion(date(2020, 1, 1), None, (new,),
                                _prepare_adopted(field_name, what, False), summary))
    return Rule(id=rule_id, title=title, severity=Severity.ERROR,
                subject=SubjectKind.ORGANISATION, versions=tuple(versions),
                applies_to=_kind_applies,
                not_in_force=Text("Deze plicht geldt vanaf 1 januari 2020 (Ambtenarenwet "
                                  "2017); {law_date} ligt daarvoor.",
                                  "This duty applies from 1 January 2020 (Ambtenarenwet "
                                  "2017); {law_date} is earlier."),
                explanation=Text(
                    f"Uit facts.{field_name} (datum): vastgesteld op of vóór de peildatum: ok; "
                    "null of later: overdue; weggelaten: unknown.",
                    f"From facts.{field_name} (date): adopted on or before the reference "
                    "date: ok; null or later: overdue; left out: unknown."))


INTEGRITEITSBELEID = _org_rule(
    "ambtenarenwet.integriteitsbeleid", Text("Integriteitsbeleid", "Integrity policy"),
    "integriteitsbeleid", _aw("4", "1"), _old("125quater", letter="a"),
    Text("Integriteitsbeleid", "Integrity policy"),
    Text("De werkgever voert een integriteitsbeleid gericht op goed ambtelijk handelen, met "
         "aandacht voor integriteitsbewustzijn en het voorkomen van misbruik van bevoegdheden, "
         "belangenverstrengeling en discriminatie (art. 4 lid 1).",
         "The employer runs an integrity policy aimed at good conduct, covering integrity "
         "awareness and preventing abuse of powers, conflicts of interest and discrimination "
         "(art. 4(1))."))

GEDRAGSCODE = _org_rule(
    "ambtenarenwet.gedragscode", Text("Gedragscode", "Code of conduct"),
    "gedragscode", _aw("4", "3"), _old("125quater", letter="c"),
    Text("Gedragscode voor goed ambtelijk handelen", "Gedragscode (code of conduct)"),
    Text("De werkgever draagt zorg voor een gedragscode voor goed ambtelijk handelen "
         "(art. 4 lid 3).",
         "The employer ensures a gedragscode for good conduct (art. 4(3))."))

FINANCIELE_BELANGEN = _org_rule(
    "ambtenarenwet.financiele_belangen",
    Text("Functies met risico op financiële belangenverstrengeling aangewezen",
         "Functions with a risk of financial conflicts designated"),
    "financiele_belangen", _aw("5", "1", "d"), _old("125quinquies", "1", "e"),
    Text("Aanwijzing van functies met risico op financiële belangenverstrengeling",
         "Designation of functions with a risk of financial conflicts"),
    Text("De werkgever wijst functies aan met een bijzonder risico op financiële "
         "belangenverstrengeling of misbruik van koersgevoelige informatie, en regelt de "
         "melding van financiële belangen (art. 5 lid 1 onder d).",
         "The employer designates functions with a particular risk of financial conflicts or "
         "misuse of price-sensitive information and arranges reporting of financial "
         "interests (art. 5(1)(d))."))


# --- art. 4(2): integrity in personnel policy -----------------------------------------------

_HR_OK = Text("Integriteit komt aan de orde in functioneringsgesprekken en werkoverleg; "
              "scholing aangeboden (laatste keer {last_training}).",
              "Integrity is discussed in functioneringsgesprekken and werkoverleg; training "
              "offered (last on {last_training}).")
_HR_MISSING = Text("Ontbreekt: {missing}.", "Missing: {missing}.")
_HR_TALKS = Text("integriteit in functioneringsgesprekken en werkoverleg",
                 "integrity in functioneringsgesprekken and werkoverleg")
_HR_TRAINING = Text("aanbod van scholing en vorming op integriteit (vóór de peildatum)",
                    "training on integrity offered (before the reference date)")


def _prepare_personnel(old_law: bool) -> Callable[[RuleContext], Evaluator]:
    def prepare(ctx: RuleContext) -> Evaluator:
        def evaluate(org: Organisation) -> Finding:
            if old_law and org.kind not in _PRE_2020_KINDS:
                return ctx.finding("organisation", Status.NOT_APPLICABLE, None, _OLD_KINDS,
                                   {"kind": org.kind.value})
            facts = ctx.document.facts
            given = _given(facts)
            if "integriteit_in_gesprekken" not in given or "training" not in given:
                return ctx.finding("organisation", Status.UNKNOWN, None, _ORG_UNKNOWN,
                                   {"fact": "facts.integriteit_in_gesprekken, facts.training"})
            sessions = [s.date for s in facts.training or () if s.date <= ctx.at]
            missing: list[Text] = []
            if facts.integriteit_in_gesprekken is not True:
                missing.append(_HR_TALKS)
            if not sessions:
                missing.append(_HR_TRAINING)
            if missing:
                joined = Text("; ".join(m.nl for m in missing), "; ".join(m.en for m in missing))
                return ctx.finding("organisation", Status.OVERDUE, None, _HR_MISSING,
                                   {"missing": joined})
            return ctx.finding("organisation", Status.OK, None, _HR_OK,
                               {"last_training": max(sessions),
                                "sessions": len(sessions)})
        return evaluate
    return prepare


PERSONEELSBELEID = Rule(
    id="ambtenarenwet.personeelsbeleid",
    applies_to=_kind_applies,
    title=Text("Integriteit in het personeelsbeleid", "Integrity in personnel policy"),
    severity=Severity.WARNING,
    subject=SubjectKind.ORGANISATION,
    versions=(
        RuleVersion(None, date(2019, 12, 31), (_old("125quater", letter="b"),),
                    _prepare_personnel(True),
                    Text("Vóór 2020: art. 125quater onder b.", "Before 2020: art. 125quater(b).")),
        RuleVersion(date(2020, 1, 1), None, (_aw("4", "2"),), _prepare_personnel(False),
                    Text("Integriteitsbeleid is vast onderdeel van het personeelsbeleid: "
                         "integriteit in functioneringsgesprekken en werkoverleg, en aanbod "
                         "van scholing en vorming (art. 4 lid 2).",
                         "Integrity policy is part of personnel policy: integrity in "
                         "functioneringsgesprekken and werkoverleg, and training offered "
                         "(art. 4(2)).")),
    ),
    explanation=Text(
        "Uit facts.integriteit_in_gesprekken (true/false) en facts.training (sessies): "
        "beide op orde: ok; een van beide niet: overdue; niet opgegeven: unknown. De wet "
        "noemt geen frequentie voor scholing; één aangeboden sessie vóór de peildatum telt.",
        "From facts.integriteit_in_gesprekken (true/false) and facts.training (sessions): "
        "both in place: ok; either missing: overdue; not stated: unknown. The law sets no "
        "frequency for training; one session offered before the reference date counts."),
)


# --- art. 4(4): the yearly public verantwoording ---------------------------------------------

FIRST_VERANTWOORDING_YEAR = 2020
"""Art. 4(4) is in force from 2020-01-01; the first year checked is the account over 2020."""

_VA_OK = Text("Verantwoording over {years} openbaar gemaakt, telkens op tijd.",
              "Account for {years} made public, each in time.")
_VA_NONE = Text("Nog geen verantwoording verschuldigd (de eerste, over {first}, uiterlijk "
                "{due}).",
                "No account due yet (the first, for {first}, by {due}).")
_VA_BAD = Text("Verantwoording: {problems}.", "Verantwoording: {problems}.")
_VA_DUE = Text("Verantwoording over {year} nog niet openbaar; uiterlijk {due}.",
               "Account for {year} not public yet; due by {due}.")
_VA_OLD = Text("Vóór 2020 eiste art. 125quater onder d alleen een afspraak over de wijze van "
               "verantwoording, geen openbaarmaking; {law_date} ligt daarvoor.",
               "Before 2020, art. 125quater(d) only required agreeing how to account, not "
               "publishing; {law_date} is earlier.")


def _prepare_verantwoording(ctx: RuleContext) -> Evaluator:
    # The organisation's deadline for the account over Y: the policy in force on 1 January of
    # Y+1, when the year to publish in begins.
    deadline_on = ctx.policy.reader(VERANTWOORDING_DEADLINE.name)

    def _deadline_for(year: int) -> date:
        month, day = month_day(str(deadline_on(date(year + 1, 1, 1)).value))
        try:
            return date(year + 1, month, day)
        except ValueError:  # 29 February in a year without one
            return date(year + 1, month, 28)

    def evaluate(org: Organisation) -> Finding:
        facts = ctx.document.facts
        if "verantwoording" not in _given(facts):
            return ctx.finding("organisation", Status.UNKNOWN, None, _ORG_UNKNOWN,
                               {"fact": "facts.verantwoording"})
        published = {v.year: v.published for v in facts.verantwoording or ()
                     if v.published <= ctx.at}
        years = range(FIRST_VERANTWOORDING_YEAR, ctx.at.year)
        if not years:
            first = FIRST_VERANTWOORDING_YEAR
            return ctx.finding("organisation", Status.DUE, _deadline_for(first),
                               _VA_NONE, {"first": first,
                                          "due": _deadline_for(first)})
        overdue: list[tuple[int, date]] = []
        late: list[tuple[int, date]] = []
        due: list[tuple[int, date]] = []
        for year in years:
            deadline = _deadline_for(year)
            when = published.get(year)
            if when is None:
                (overdue if ctx.at > deadline else due).append((year, deadline))
            elif when > deadline:
                late.append((year, deadline))
        if overdue or late:
            # A phrase: its dates are written as the output writes dates.
            nl: list[str] = []
            en: list[str] = []
            days: list[tuple[str, object]] = []
            for i, (y, d) in enumerate(overdue):
                nl.append(f"over {y} niet openbaar (uiterlijk {{d{i}}})")
                en.append(f"for {y} not public (due {{d{i}}})")
                days.append((f"d{i}", d))
            for i, (y, d) in enumerate(late, start=len(overdue)):
                nl.append(f"over {y} te laat (uiterlijk {{d{i}}}, openbaar {{p{i}}})")
                en.append(f"for {y} late (due {{d{i}}}, public {{p{i}}})")
                days += [(f"d{i}", d), (f"p{i}", published[y])]
            text = Phrase("; ".join(nl), "; ".join(en), tuple(days))
            status = Status.OVERDUE if overdue else Status.LATE
            first_due = (overdue or late)[0][1]
            return ctx.finding("organisation", status, first_due, _VA_BAD,
                               {"problems": text,
                                "missing_years": [y for y, _ in overdue],
                                "late_years": [y for y, _ in late]})
        if due:
            year, deadline = due[0]
            return ctx.finding("organisation", Status.DUE, deadline, _VA_DUE,
                               {"year": year, "due": deadline})
        return ctx.finding("organisation", Status.OK, None, _VA_OK,
                           {"years": f"{years[0]}–{years[-1]}"})

    return evaluate


VERANTWOORDING = Rule(
    id="ambtenarenwet.verantwoording",
    title=Text("Jaarlijkse openbare verantwoording", "Yearly public account"),
    severity=Severity.WARNING,
    subject=SubjectKind.ORGANISATION,
    not_in_force=_VA_OLD,
    parameters=(VERANTWOORDING_DEADLINE.name,),
    versions=(
        RuleVersion(date(2020, 1, 1), None, (_aw("4", "4"),), _prepare_verantwoording,
                    Text("De werkgever maakt jaarlijks een verantwoording over de uitvoering van "
                         "art. 4 openbaar (art. 4 lid 4).",
                         "The employer yearly makes public an account of how art. 4 is "
                         "carried out (art. 4(4)).")),
    ),
    explanation=Text(
        "Uit facts.verantwoording (jaar, openbaar gemaakt op). Voor elk jaar vanaf 2020 tot "
        "het jaar vóór de peildatum: openbaar uiterlijk op verantwoording_deadline van het "
        "jaar erna (organisatiebeleid, standaard 31 december; de wet zegt alleen 'jaarlijks'; "
        "de waarde die op 1 januari van dat jaar gold). Een ontbrekend jaar waarvan de "
        "termijn verstreken is: overdue; te laat: late; nog binnen de termijn: due.",
        "From facts.verantwoording (year, published on). For every year from 2020 to the year "
        "before the reference date: public by verantwoording_deadline of the next year "
        "(organisation policy, default 31 December; the law says only 'yearly'; the value in "
        "force on 1 January of that year). A missing year past its deadline: overdue; "
        "late: late; still within the term: due."),
)


# --- art. 5(1)(b)-(c): nevenwerkzaamheden ---------------------------------------------------

_NW_NONE = Text("Geen nevenwerkzaamheden gemeld.", "No nevenwerkzaamheden reported.")
_NW_OK = Text("{count:nevenwerkzaamheid|nevenwerkzaamheden} gemeld en geregistreerd.",
              "{count:nevenwerkzaamheid|nevenwerkzaamheden} reported and registered.")
# The messages give counts and dates, never what the employee does on the side: personal data
# that whoever reads a finding does not need (the document holds it).
_NW_MISSING = Text("{missing} van {count:# gemelde nevenwerkzaamheid|# gemelde "
                   "nevenwerkzaamheden} niet geregistreerd (gemeld op {reported}).",
                   "{missing} of {count:# reported nevenwerkzaamheid|# reported "
                   "nevenwerkzaamheden} not registered (reported on {reported}).")
_NW_UNKNOWN = Text("Van {unknown} van {count:# gemelde nevenwerkzaamheid|# gemelde "
                   "nevenwerkzaamheden} is niet opgegeven of ze zijn geregistreerd (gemeld op "
                   "{reported}).",
                   "For {unknown} of {count:# reported nevenwerkzaamheid|# reported "
                   "nevenwerkzaamheden} registration is not stated (reported on {reported}).")
_NW_NOT_AMBTENAAR = Text("Geen ambtenaar ({employment}); de registratieplicht van art. 5 geldt "
                         "niet.",
                         "Not an ambtenaar ({employment}); the registration duty of art. 5 "
                         "does not apply.")


def _per_employee(old_law: bool, make: Callable[[RuleContext], Evaluator]
                  ) -> Callable[[RuleContext], Evaluator]:
    """An employee rule's ``prepare``; before 2020 only for the kinds art. 125quinquies bound."""
    def prepare(ctx: RuleContext) -> Evaluator:
        if old_law and ctx.document.organisation.kind not in _PRE_2020_KINDS:
            facts = shared_facts(kind=ctx.document.organisation.kind.value)
            return lambda e: ctx.finding(e.id, Status.NOT_APPLICABLE, None, _OLD_KINDS, facts)
        return make(ctx)
    return prepare


def _reported_by_employee(ctx: RuleContext, *, registered_only: bool = False
                          ) -> dict[str, list[Nevenwerk]]:
    """The nevenwerkzaamheden reported on or before the reference date, per employee id
    (``registered_only``: leave out those stated as not registered)."""
    by_employee: dict[str, list[Nevenwerk]] = {}
    for item in ctx.document.facts.nevenwerkzaamheden or ():
        if item.reported <= ctx.at and not (registered_only and item.registered is False):
            by_employee.setdefault(item.employee, []).append(item)
    return by_employee


def _by_kind() -> dict[EmploymentKind, Mapping[str, object]]:
    """``{"employment": kind}`` facts, one shared set per kind."""
    return {kind: shared_facts(employment=kind.value) for kind in EmploymentKind}


_NO_NEVENWERK_FACTS = shared_facts(fact="facts.nevenwerkzaamheden")
_NO_FACTS = shared_facts()


def _days(days: list[date]) -> Phrase:
    """Dates as one phrase, ``2026-05-04, 2026-06-01`` (as JSON writes the fact), written as
    the output writes dates."""
    return Phrase(", ".join(f"{{r{i}}}" for i in range(len(days))),
                  ", ".join(f"{{r{i}}}" for i in range(len(days))),
                  tuple((f"r{i}", d) for i, d in enumerate(days)))


def _evaluate_nevenwerk(ctx: RuleContext) -> Evaluator:
    given = "nevenwerkzaamheden" in _given(ctx.document.facts)
    by_employee = _reported_by_employee(ctx)
    employment = _by_kind()
    finding = ctx.finding
    # Members bound once (on Python 3.11 ``Status.OK`` is a lookup through the enum class
    # each time), as this runs once per employee.
    ambtenaar, not_applicable, unknown_status = (EmploymentKind.AMBTENAAR,
                                                 Status.NOT_APPLICABLE, Status.UNKNOWN)

    def evaluate(e: Employee) -> Finding:
        if e.employment is not ambtenaar:
            return finding(e.id, not_applicable, None, _NW_NOT_AMBTENAAR,
                               employment[e.employment])
        if not given:
            return finding(e.id, unknown_status, None, _ORG_UNKNOWN, _NO_NEVENWERK_FACTS)
        items = by_employee.get(e.id, [])
        if not items:
            return finding(e.id, not_applicable, None, _NW_NONE, _NO_FACTS)
        not_registered = [i.reported for i in items if i.registered is False]
        unknown = [i.reported for i in items if i.registered is None]
        if not_registered:
            return finding(e.id, Status.OVERDUE, None, _NW_MISSING, {
                "missing": len(not_registered), "count": len(items),
                "reported": _days(not_registered)})
        if unknown:
            return finding(e.id, unknown_status, None, _NW_UNKNOWN, {
                "unknown": len(unknown), "count": len(items),
                "reported": _days(unknown)})
        return finding(e.id, Status.OK, None, _NW_OK, {"count": len(items)})

    return evaluate


NEVENWERKZAAMHEDEN = Rule(
    id="ambtenarenwet.nevenwerkzaamheden",
    applies_to=_kind_applies,
    title=Text("Registratie van nevenwerkzaamheden", "Registration of nevenwerkzaamheden"),
    severity=Severity.ERROR,
    subject=SubjectKind.EMPLOYEE,
    versions=(
        RuleVersion(None, date(2019, 12, 31), (_old("125quinquies", "1", "b"),),
                    _per_employee(True, _evaluate_nevenwerk),
                    Text("Vóór 2020: melding en registratie van nevenwerkzaamheden "
                         "(art. 125quinquies lid 1 onder b).",
                         "Before 2020: reporting and registration of nevenwerkzaamheden "
                         "(art. 125quinquies(1)(b)).")),
        RuleVersion(date(2020, 1, 1), None, (_aw("5", "1", "b"), _aw("8", "2", "a")),
                    _per_employee(False, _evaluate_nevenwerk),
                    Text("De werkgever registreert de gemelde nevenwerkzaamheden die de "
                         "belangen van de dienst kunnen raken (art. 5 lid 1 onder b; de "
                         "meldplicht van de ambtenaar: art. 8 lid 2 onder a).",
                         "The employer registers the reported nevenwerkzaamheden that may "
                         "affect the service (art. 5(1)(b); the ambtenaar's duty to report: "
                         "art. 8(2)(a)).")),
    ),
    explanation=Text(
        "Per ambtenaar, uit facts.nevenwerkzaamheden (gemeld op of vóór de peildatum): alles "
        "geregistreerd: ok; iets niet: overdue; registratie niet opgegeven: unknown; niets "
        "gemeld: not_applicable. Berichten noemen aantallen en meldingsdata, niet de "
        "activiteiten.",
        "Per ambtenaar, from facts.nevenwerkzaamheden (reported on or before the reference "
        "date): all registered: ok; any not: overdue; registration not stated: unknown; "
        "nothing reported: not_applicable. Messages give counts and dates of reporting, not "
        "the activities."),
)


# --- art. 5(1)(c): publication for designated functions --------------------------------------

_PUB_NONE_DESIGNATED = Text(
    "De organisatie heeft (op {at}) geen functies aangewezen waarvan nevenwerkzaamheden "
    "openbaar worden gemaakt (publication_functions, publication_scale_from).",
    "The organisation has designated no functions (on {at}) whose nevenwerkzaamheden are made "
    "public (publication_functions, publication_scale_from).")
_PUB_NOT_AMBTENAAR = Text("Geen ambtenaar ({employment}); de openbaarmaking van art. 5 lid 1 "
                          "onder c geldt niet.",
                          "Not an ambtenaar ({employment}); publication under art. 5(1)(c) "
                          "does not apply.")
_PUB_NOT_STARTED = Text("In dienst vanaf {start}, na de peildatum {at}.",
                        "Employed from {start}, after the reference date {at}.")
_PUB_LEFT = Text("Uit dienst sinds {end}; niet meer openbaar te maken.",
                 "Left on {end}; no longer to be made public.")
_PUB_NOT_DESIGNATED = Text("Functie niet aangewezen voor openbaarmaking ({function}).",
                           "Function not designated for publication ({function}).")
_PUB_WHO_UNKNOWN = Text("Functie of schaal niet opgegeven; niet te bepalen of de functie is "
                        "aangewezen voor openbaarmaking.",
                        "Function or scale not stated; cannot tell whether the function is "
                        "designated for publication.")
_PUB_NOTHING = Text("Aangewezen functie ({designation}); geen nevenwerkzaamheden gemeld, niets "
                    "openbaar te maken.",
                    "Designated function ({designation}); no nevenwerkzaamheden reported, "
                    "nothing to make public.")
_PUB_OK = Text("Aangewezen functie ({designation}); "
               "{count:nevenwerkzaamheid|nevenwerkzaamheden} openbaar gemaakt.",
               "Designated function ({designation}); "
               "{count:nevenwerkzaamheid|nevenwerkzaamheden} made public.")
_PUB_MISSING = Text("Aangewezen functie ({designation}); {missing} van "
                    "{count:# nevenwerkzaamheid|# nevenwerkzaamheden} niet openbaar gemaakt.",
                    "Designated function ({designation}); {missing} of "
                    "{count:# nevenwerkzaamheid|# nevenwerkzaamheden} not made public.")
_PUB_UNKNOWN = Text("Aangewezen functie ({designation}); van {unknown} van "
                    "{count:# nevenwerkzaamheid|# nevenwerkzaamheden} is niet opgegeven of ze "
                    "openbaar zijn.",
                    "Designated function ({designation}); for {unknown} of "
                    "{count:# nevenwerkzaamheid|# nevenwerkzaamheden} publication is not "
                    "stated.")


def _evaluate_publication(ctx: RuleContext) -> Evaluator:
    at = ctx.at
    # The designation in force on the reference date (the organisation's choice).
    names = ctx.policy.on(PUBLICATION_FUNCTIONS.name, at).value
    functions = ({n.strip().casefold() for n in names} if isinstance(names, tuple)
                 else set())
    scale_value = ctx.policy.on(PUBLICATION_SCALE_FROM.name, at).value
    scale_from = scale_value if isinstance(scale_value, int) else None
    given = "nevenwerkzaamheden" in _given(ctx.document.facts)
    # Art. 5(1)(c) publishes the *registered* ones; one not registered is the
    # registration rule's finding.
    by_employee = _reported_by_employee(ctx, registered_only=True)
    employment = _by_kind()
    none_designated = shared_facts(at=at)
    finding = ctx.finding
    # Members bound once (on Python 3.11 ``Status.OK`` is a lookup through the enum class
    # each time), as this runs once per employee.
    ambtenaar, not_applicable, unknown_status = (EmploymentKind.AMBTENAAR,
                                                 Status.NOT_APPLICABLE, Status.UNKNOWN)

    def evaluate(e: Employee) -> Finding:
        if e.employment is not ambtenaar:
            return finding(e.id, not_applicable, None, _PUB_NOT_AMBTENAAR,
                               employment[e.employment])
        if e.start > at:
            return finding(e.id, not_applicable, None, _PUB_NOT_STARTED,
                               {"start": e.start, "at": at})
        if e.end is not None and e.end < at:
            return finding(e.id, not_applicable, None, _PUB_LEFT,
                               {"end": e.end})
        if not functions and scale_from is None:
            return finding(e.id, not_applicable, None, _PUB_NONE_DESIGNATED,
                               none_designated)
        by_function = (e.function is not None
                       and e.function.strip().casefold() in functions)
        by_scale = scale_from is not None and e.scale is not None and e.scale >= scale_from
        if not (by_function or by_scale):
            if (functions and e.function is None) or (scale_from is not None
                                                      and e.scale is None):
                return finding(e.id, unknown_status, None, _PUB_WHO_UNKNOWN, _NO_FACTS)
            return finding(e.id, not_applicable, None, _PUB_NOT_DESIGNATED,
                               {"function": e.function or "-"})
        designation = (Text(f"functie {e.function}", f"function {e.function}")
                       if by_function else
                       Text(f"schaal {e.scale}, vanaf {scale_from}",
                            f"scale {e.scale}, from {scale_from}"))
        if not given:
            return finding(e.id, unknown_status, None, _ORG_UNKNOWN, _NO_NEVENWERK_FACTS)
        items = by_employee.get(e.id, [])
        values: dict[str, object] = {"designation": designation, "count": len(items)}
        if not items:
            return finding(e.id, not_applicable, None, _PUB_NOTHING, values)
        missing = sum(1 for i in items if i.published is False)
        unknown = sum(1 for i in items if i.published is None)
        if missing:
            return finding(e.id, Status.OVERDUE, None, _PUB_MISSING,
                               {**values, "missing": missing})
        if unknown:
            return finding(e.id, unknown_status, None, _PUB_UNKNOWN,
                               {**values, "unknown": unknown})
        return finding(e.id, Status.OK, None, _PUB_OK, values)

    return evaluate


OPENBAARMAKING = Rule(
    id="ambtenarenwet.openbaarmaking",
    applies_to=_kind_applies,
    title=Text("Openbaarmaking van nevenwerkzaamheden (aangewezen functies)",
               "Publication of nevenwerkzaamheden (designated functions)"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    parameters=(PUBLICATION_FUNCTIONS.name, PUBLICATION_SCALE_FROM.name),
    versions=(
        RuleVersion(None, date(2019, 12, 31), (_old("125quinquies", "1", "c"),),
                    _per_employee(True, _evaluate_publication),
                    Text("Vóór 2020: openbaarmaking van nevenwerkzaamheden van ambtenaren in "
                         "functies waarvoor dat noodzakelijk is (art. 125quinquies lid 1 onder "
                         "c).",
                         "Before 2020: publication of the nevenwerkzaamheden of ambtenaren in "
                         "functions where that is needed (art. 125quinquies(1)(c)).")),
        RuleVersion(date(2020, 1, 1), None, (_aw("5", "1", "c"),),
                    _per_employee(False, _evaluate_publication),
                    Text("De werkgever maakt de geregistreerde nevenwerkzaamheden openbaar van "
                         "ambtenaren in de functies die hij daartoe aanwijst (art. 5 lid 1 "
                         "onder c). De wet kent geen schaalgrens: de aanwijzing is aan de "
                         "werkgever.",
                         "The employer makes public the registered nevenwerkzaamheden of "
                         "ambtenaren in the functions it designates (art. 5(1)(c)). The law "
                         "sets no salary-scale threshold: the designation is the employer's.")),
    ),
    explanation=Text(
        "Per ambtenaar. Aangewezen: de functie staat in publication_functions (zonder "
        "onderscheid in hoofdletters) of de schaal is ten minste publication_scale_from "
        "(beide beleid, de aanwijzing die op de peildatum geldt). Niets aangewezen of niet "
        "aangewezen: not_applicable; functie of schaal onbekend: unknown. Voor een aangewezen "
        "functie, uit facts.nevenwerkzaamheden (gemeld op of vóór de peildatum, niet als "
        "ongeregistreerd opgegeven): alles openbaar (published true): ok; iets niet: overdue; "
        "niet opgegeven: unknown. Nog niet in dienst of al vertrokken: not_applicable. "
        "Berichten noemen aantallen, niet de activiteiten.",
        "Per ambtenaar. Designated: the function is in publication_functions (case does not "
        "matter) or the scale is at least publication_scale_from (both policy, the designation "
        "in force on the reference date). Nothing designated, or not designated: "
        "not_applicable; function or scale unknown: unknown. For a designated function, from "
        "facts.nevenwerkzaamheden (reported on or before the reference date, not stated as "
        "unregistered): all made public (published true): ok; any not: overdue; not stated: "
        "unknown. Not yet employed or already left: not_applicable. Messages give counts, "
        "not the activities."),
)


def register_duties(registry: Registry) -> None:
    """Add the rules of art. 4 and 5(1)(b)-(d) (called by :func:`register`)."""
    for rule in (INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE, VERANTWOORDING,
                 NEVENWERKZAAMHEDEN, OPENBAARMAKING, FINANCIELE_BELANGEN):
        registry.add_rule(rule)
