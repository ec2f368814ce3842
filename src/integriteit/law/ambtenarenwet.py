"""Ambtenarenwet 2017 (BWBR0001947): the employer's integrity duties.

Art. 5(1)(a) (in force from 2020-01-01): "De werkgever draagt zorg voor: a. het afleggen van de eed
of belofte door de ambtenaar bij zijn indiensttreding". Art. 7: the ambtenaar takes the eed or
belofte in the form set by AMvB. Before 2020 the old Ambtenarenwet art. 125quinquies(1)(a) and (2)
required rules on "de verplichte aflegging van de eed of belofte door de ambtenaar bij zijn
aanstelling" (by AMvB for the Rijk, by the bevoegd gezag for provincies, gemeenten, waterschappen).

Neither text sets a number of days. The term is organisation policy, the parameter
``oath_term_months`` (default 2 months, after the lapsed Regeling eed en belofte SZW 1999 art. 4).
Being an employer term, it is never extended by the Algemene termijnenwet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from integriteit.engine import (
    Evaluator,
    Finding,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
)
from integriteit.i18n import Text
from integriteit.model import Employee, EmploymentKind, OathForm
from integriteit.policy import OATH_TERM_MONTHS
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
    "Afgelegd ({form}) op {oath_date}, {days_late} dag(en) na het einde van de termijn op "
    "{deadline} ({term} na indiensttreding op {start}).",
    "Taken ({form}) on {oath_date}, {days_late} day(s) after the term ended on {deadline} "
    "({term} after the start of employment on {start}).",
)
_DUE = Text(
    "Nog geen eed of belofte; af te leggen uiterlijk {deadline} ({term} na indiensttreding "
    "op {start}; nog {days_left} dag(en)).",
    "No eed or belofte yet; to be taken by {deadline} ({term} after the start of employment "
    "on {start}; {days_left} day(s) left).",
)
_OVERDUE = Text(
    "Geen eed of belofte afgelegd; de termijn verstreek op {deadline} ({term} na "
    "indiensttreding op {start}; {days_overdue} dag(en) geleden).",
    "No eed or belofte taken; the term ended on {deadline} ({term} after the start of "
    "employment on {start}; {days_overdue} day(s) ago).",
)
_OVERDUE_LEFT = Text(
    "Geen eed of belofte afgelegd; de termijn verstreek op {deadline} ({term} na "
    "indiensttreding op {start}); uit dienst sinds {end}.",
    "No eed or belofte taken; the term ended on {deadline} ({term} after the start of "
    "employment on {start}); left on {end}.",
)
_BEFORE_START = Text(
    "De {form} is gedateerd op {oath_date}, vóór de indiensttreding op {start}; "
    "controleer de datum.",
    "The {form} is dated {oath_date}, before the start of employment on {start}; "
    "check the date.",
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
        "({definition}); de eedplicht geldt bij de eigen werkgever.",
        "Seconded: employed by another employer, not an ambtenaar of this employer "
        "({definition}); the oath duty lies with their own employer.",
    ),
    EmploymentKind.STAGIAIR: Text(
        "Stagiair: in de regel een stageovereenkomst, geen ambtenaar ({definition}); de "
        "eedplicht geldt niet. Registreer een stagiair met arbeidsovereenkomst als ambtenaar.",
        "Intern: as a rule an internship agreement, not an ambtenaar ({definition}); the oath "
        "duty does not apply. Record an intern with an employment contract as ambtenaar.",
    ),
}
_FORMS = {OathForm.EED: Text("eed", "eed"), OathForm.BELOFTE: Text("belofte", "belofte")}


def _prepare(definition: Text) -> Callable[[RuleContext], Evaluator]:
    """The evaluator factory for one version; ``definition`` cites who is an ambtenaar."""

    def prepare(ctx: RuleContext) -> Evaluator:
        term_value = ctx.policy[OATH_TERM_MONTHS.name]
        term = Term.of_months(term_value.value, TermOrigin.ORGANISATION)
        term_label = term.label
        at = ctx.at
        finding = ctx.finding
        deadlines: dict[date, Deadline] = {}  # many employees share a start date
        base = {"term": term_label, "term_months": term.amount,
                "term_set_by": term_value.set_by.value}

        def evaluate(e: Employee) -> Finding:
            if e.employment is not EmploymentKind.AMBTENAAR:
                return finding(e.id, Status.NOT_APPLICABLE, None, _NOT_AMBTENAAR[e.employment],
                               {"employment": e.employment.value, "definition": definition})
            start = e.start
            if start > at:
                return finding(e.id, Status.NOT_APPLICABLE, None, _NOT_STARTED,
                               {"start": start, "at": at})
            dl = deadlines.get(start)
            if dl is None:
                dl = deadlines[start] = term.compute(start)
            deadline = dl.end
            facts: dict[str, object] = {**base, "start": start, "deadline": deadline}
            if e.end is not None:
                facts["end"] = e.end
            oath = e.oath
            # An oath dated after the reference date was not known on that date.
            if oath is not None and oath.date <= at:
                facts["oath_date"] = oath.date
                facts["form"] = _FORMS[oath.form]
                if oath.date < start:
                    return finding(e.id, Status.INVALID, deadline, _BEFORE_START, facts,
                                   explanation=dl)
                if e.end is not None and oath.date > e.end:
                    return finding(e.id, Status.INVALID, deadline, _AFTER_END, facts,
                                   explanation=dl)
                if oath.date <= deadline:
                    return finding(e.id, Status.OK, deadline, _OK, facts, explanation=dl)
                facts["days_late"] = (oath.date - deadline).days
                return finding(e.id, Status.LATE, deadline, _LATE, facts, explanation=dl)
            if e.end is not None and e.end < deadline and e.end <= at:
                return finding(e.id, Status.NOT_APPLICABLE, None, _LEFT_IN_TERM, facts)
            if at <= deadline:
                facts["days_left"] = (deadline - at).days
                return finding(e.id, Status.DUE, deadline, _DUE, facts, explanation=dl)
            facts["days_overdue"] = (at - deadline).days
            if e.end is not None and e.end <= at:
                return finding(e.id, Status.OVERDUE, deadline, _OVERDUE_LEFT, facts, explanation=dl)
            return finding(e.id, Status.OVERDUE, deadline, _OVERDUE, facts, explanation=dl)

        return evaluate

    return prepare


def _law_date(e: Employee, at: date) -> date:
    """The oath duty arises at indiensttreding: the law of that day applies."""
    return min(e.start, at)


EED = Rule(
    id="ambtenarenwet.eed",
    title=Text("Eed of belofte bij indiensttreding", "Eed or belofte at the start of employment"),
    severity=Severity.ERROR,
    subject=SubjectKind.EMPLOYEE,
    law_date=_law_date,
    parameters=(OATH_TERM_MONTHS.name,),
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
                                  "Ambtenarenwet art. 1: appointed to public service")),
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
                "De werkgever draagt zorg voor het afleggen van de eed of belofte door de "
                "ambtenaar bij zijn indiensttreding (art. 5 lid 1 onder a), in de vorm die de "
                "AMvB voorschrijft (art. 7).",
                "The employer ensures that the ambtenaar takes the eed or belofte on the start "
                "of employment (art. 5(1)(a)), in the form set by AMvB (art. 7).",
            ),
        ),
    ),
    explanation=Text(
        "Geldt voor medewerkers met dienstverband 'ambtenaar'. Termijn = indiensttreding + "
        "oath_term_months maanden (organisatiebeleid, standaard 2; geen wettelijke termijn), "
        "met maandrekenkunde: dezelfde dagnummer, of de laatste dag van een kortere maand "
        "(31 december + 2 maanden = eind februari). De laatste dag telt nog als op tijd. Geen "
        "verlenging door de Algemene termijnenwet: die geldt niet voor termijnen van de "
        "werkgever. Eed op of vóór de termijn: ok; erna: late; geen eed en termijn loopt nog: "
        "due; verstreken: overdue; eed vóór indiensttreding of na uitdiensttreding: invalid. "
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
