"""Organisation policy as rules: what an employer asks beyond the statute, marked as policy.

Externals (inhuur, uitzendkrachten, gedetacheerden, stagiairs) are no ambtenaar of the
organisation (Ambtenarenwet 2017 art. 1), so the oath duty of art. 5(1)(a) does not bind them.
Many organisations ask them, as policy, to sign an integriteitsverklaring (Zuid-Holland: "Door
externe medewerkers, die geen eed of belofte afleggen, wordt een integriteitsverklaring
getekend"), and some require an integrity workshop of every new starter, externals included
(Overijssel). These rules are :attr:`~integriteit.Binding.POLICY`: they cite no article, each
reads named policy parameters (:mod:`integriteit.policy`), and a finding never says "the law".

Both rules do nothing (``not_applicable``) until the document's policy switches them on, and
read the policy in force on the day the person started.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from integriteit.engine import (
    Binding,
    Evaluator,
    Finding,
    LawDateOf,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    timeliness,
)
from integriteit.i18n import Phrase, Text
from integriteit.model import Employee, EmploymentKind
from integriteit.policy import (
    INTEGRITEITSVERKLARING_REQUIRED,
    INTEGRITEITSVERKLARING_TERM_MONTHS,
    WORKSHOP_REQUIRED_FOR,
    WORKSHOP_TERM_MONTHS,
    Policy,
)
from integriteit.termijnen import Deadline, Term, TermOrigin

if TYPE_CHECKING:
    from integriteit.plugins import Registry

__all__ = ["INTEGRITEITSVERKLARING", "WORKSHOP", "register"]

_NOT_STARTED = Text("Begint op {start}, na de peildatum {at}; de termijn loopt nog niet.",
                    "Starts on {start}, after the reference date {at}; the term has not started.")
_LEFT_IN_TERM = Text("Vertrokken op {end}, vóór het einde van de termijn op {deadline}.",
                     "Left on {end}, before the term ended on {deadline}.")
_AFTER_END = Text("{what} is gedateerd op {done}, na het vertrek op {end}; controleer de datum.",
                  "{what} is dated {done}, after leaving on {end}; check the date.")
_OK = Text("{what} op {done}, binnen de termijn: uiterlijk {deadline} ({when}; beleid van de "
           "organisatie).",
           "{what} on {done}, within the term: by {deadline} ({when}; organisation policy).")
_LATE = Text("{what} op {done}, {days_late:dag|dagen} na het einde van de termijn op {deadline} "
             "({when}; beleid van de organisatie).",
             "{what} on {done}, {days_late:day|days} after the term ended on {deadline} ({when}; "
             "organisation policy).")
_DUE = Text("{what}: nog niet; uiterlijk {deadline} ({when}; beleid van de organisatie; "
            "{days_left:vandaag is de laatste dag|morgen is de laatste dag|nog # dagen}).",
            "{what}: not yet; due by {deadline} ({when}; organisation policy; "
            "{days_left:today is the last day|tomorrow is the last day|# days left}).")
_OVERDUE = Text("{what}: niet gedaan; de termijn verstreek op {deadline} ({when}; beleid van de "
                "organisatie; {days_overdue:vandaag|gisteren|# dagen geleden}).",
                "{what}: not done; the term ended on {deadline} ({when}; organisation policy; "
                "{days_overdue:today|yesterday|# days ago}).")


def _when(term: Term, start: date) -> Text:
    """``"2 maanden na de start op ..."``, or for a term of 0: ``"op de eerste dag, ..."``
    (a phrase: its date is written as the output writes dates)."""
    if term.amount == 0:
        return Phrase("op de eerste dag, {start}", "on the first day, {start}",
                      (("start", start),))
    return Phrase(f"{term.label.nl} na de start op {{start}}",
                  f"{term.label.en} after the start on {{start}}", (("start", start),))
_TEMPLATES = {Status.OK: _OK, Status.LATE: _LATE, Status.DUE: _DUE, Status.OVERDUE: _OVERDUE}


def _prepare_timed(what: Text, done_of: Callable[[Employee], date | None],
                   applies: Callable[[RuleContext, Employee], Finding | None],
                   term_parameter: str) -> Callable[[RuleContext], Evaluator]:
    """A per-person policy duty with a term in months from the start (organisation terms: the
    Algemene termijnenwet never extends them)."""

    def prepare(ctx: RuleContext) -> Evaluator:
        term_on = ctx.policy.reader(term_parameter)
        at = ctx.at
        deadlines: dict[tuple[date, int], tuple[Deadline, Text]] = {}

        def evaluate(e: Employee) -> Finding:
            if e.start > at:
                return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _NOT_STARTED,
                                   {"start": e.start, "at": at})
            skip = applies(ctx, e)
            if skip is not None:
                return skip
            ev = term_on(e.start)
            months = int(ev.value)  # type: ignore[arg-type]
            cached = deadlines.get((e.start, months))
            if cached is None:
                term = Term.of_months(months, TermOrigin.ORGANISATION)
                cached = deadlines[(e.start, months)] = (term.compute(e.start),
                                                         _when(term, e.start))
            dl, when = cached
            facts: dict[str, object] = {"what": what, "start": e.start, "deadline": dl.end,
                                        "when": when, term_parameter: months,
                                        "term_set_by": ev.set_by.value}
            done = done_of(e)
            done = done if done is not None and done <= at else None
            if done is not None:
                facts["done"] = done
                if e.end is not None and done > e.end:
                    return ctx.finding(e.id, Status.INVALID, dl.end, _AFTER_END,
                                       {**facts, "end": e.end}, explanation=dl)
            elif e.end is not None and e.end <= at and e.end < dl.end:
                return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _LEFT_IN_TERM,
                                   {**facts, "end": e.end})
            status = timeliness(done, dl.end, at)
            if status is Status.LATE and done is not None:
                facts["days_late"] = (done - dl.end).days
            elif status is Status.DUE:
                facts["days_left"] = (dl.end - at).days
            elif status is Status.OVERDUE:
                facts["days_overdue"] = (at - dl.end).days
            return ctx.finding(e.id, status, dl.end, _TEMPLATES[status], facts, explanation=dl)

        return evaluate

    return prepare


# --- the integriteitsverklaring for externals ----------------------------------------------

_IV_WHAT = Text("Integriteitsverklaring getekend", "Integriteitsverklaring signed")
_IV_AMBTENAAR = Text("Ambtenaar: legt de eed of belofte af (ambtenarenwet.eed), geen verklaring.",
                     "Ambtenaar: takes the eed or belofte (ambtenarenwet.eed), no declaration.")
_IV_NOT_REQUIRED = Text("Het beleid vraagt op {start} geen integriteitsverklaring van externen "
                        "(integriteitsverklaring_required).",
                        "On {start} the policy asks no integriteitsverklaring of externals "
                        "(integriteitsverklaring_required).")


def _iv_applies(ctx: RuleContext, e: Employee) -> Finding | None:
    if e.employment is EmploymentKind.AMBTENAAR:
        return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _IV_AMBTENAAR, {})
    day = min(e.start, ctx.at)
    if ctx.policy.on(INTEGRITEITSVERKLARING_REQUIRED.name, day).value is not True:
        return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _IV_NOT_REQUIRED, {"start": day})
    return None


def _iv_required(policy: Policy, at: date) -> bool:
    return policy.on(INTEGRITEITSVERKLARING_REQUIRED.name, at).value is True


_POLICY = Text("Beleid van de organisatie, geen wet.", "Organisation policy, not law.")

INTEGRITEITSVERKLARING = Rule(
    id="beleid.integriteitsverklaring",
    title=Text("Integriteitsverklaring voor externen", "Integriteitsverklaring for externals"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    binding=Binding.POLICY,
    law_date=LawDateOf("start"),  # the policy of the day the person started
    parameters=(INTEGRITEITSVERKLARING_REQUIRED.name, INTEGRITEITSVERKLARING_TERM_MONTHS.name),
    required_by=_iv_required,
    versions=(RuleVersion(None, None, (), _prepare_timed(
        _IV_WHAT, lambda e: e.integriteitsverklaring, _iv_applies,
        INTEGRITEITSVERKLARING_TERM_MONTHS.name), _POLICY),),
    explanation=Text(
        "Beleid, geen wet. Geldt voor wie geen ambtenaar is (inhuur, uitzendkracht, "
        "gedetacheerd, stagiair) als integriteitsverklaring_required op de startdag true is. "
        "Termijn: start + integriteitsverklaring_term_months maanden (standaard 0: uiterlijk "
        "op de startdag); een verklaring vóór de start telt. Getekend op of vóór de termijn: "
        "ok; erna: late; niet getekend: due of overdue; getekend na vertrek: invalid.",
        "Policy, not law. Applies to whoever is not an ambtenaar (hired, agency, seconded, "
        "intern) when integriteitsverklaring_required is true on the day they start. Deadline: "
        "start + integriteitsverklaring_term_months months (default 0: on the first day); a "
        "declaration signed before the start counts. Signed by the deadline: ok; after it: "
        "late; not signed: due or overdue; signed after leaving: invalid."),
)


# --- the integrity workshop ----------------------------------------------------------------

_WS_WHAT = Text("Integriteitsworkshop gevolgd", "Integrity workshop attended")
_WS_NOT_REQUIRED = Text("Het beleid vraagt op {start} geen integriteitsworkshop van "
                        "{group} (workshop_required_for = {required}).",
                        "On {start} the policy requires no integrity workshop of {group} "
                        "(workshop_required_for = {required}).")
_GROUP = {True: Text("ambtenaren", "ambtenaren"), False: Text("externen", "externals")}


def _ws_applies(ctx: RuleContext, e: Employee) -> Finding | None:
    day = min(e.start, ctx.at)
    required = str(ctx.policy.on(WORKSHOP_REQUIRED_FOR.name, day).value)
    ambtenaar = e.employment is EmploymentKind.AMBTENAAR
    if required == "all" or (required == "externals" and not ambtenaar):
        return None
    return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _WS_NOT_REQUIRED,
                       {"start": day, "group": _GROUP[ambtenaar], "required": required})


def _ws_required(policy: Policy, at: date) -> bool:
    return policy.on(WORKSHOP_REQUIRED_FOR.name, at).value != "none"


WORKSHOP = Rule(
    id="beleid.workshop",
    title=Text("Integriteitsworkshop voor nieuwe medewerkers",
               "Integrity workshop for new starters"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    binding=Binding.POLICY,
    law_date=LawDateOf("start"),  # the policy of the day the person started
    parameters=(WORKSHOP_REQUIRED_FOR.name, WORKSHOP_TERM_MONTHS.name),
    required_by=_ws_required,
    versions=(RuleVersion(None, None, (), _prepare_timed(
        _WS_WHAT, lambda e: e.workshop, _ws_applies, WORKSHOP_TERM_MONTHS.name), _POLICY),),
    explanation=Text(
        "Beleid, geen wet (de wet vraagt alleen een aanbod van scholing, art. 4 lid 2). "
        "workshop_required_for op de startdag: 'externals' (wie geen ambtenaar is) of 'all' "
        "(iedereen, zoals Overijssel). Termijn: start + workshop_term_months maanden "
        "(standaard 6). Gevolgd op of vóór de termijn: ok; erna: late; niet gevolgd: due of "
        "overdue; gevolgd na vertrek: invalid.",
        "Policy, not law (the law only asks for training to be offered, art. 4(2)). "
        "workshop_required_for on the day of the start: 'externals' (whoever is not an "
        "ambtenaar) or 'all' (everyone, as in Overijssel). Deadline: start + "
        "workshop_term_months months (default 6). Attended by the deadline: ok; after it: "
        "late; not attended: due or overdue; attended after leaving: invalid."),
)


def register(registry: Registry) -> None:
    """Plugin hook: the built-in policy rules (inactive until the document's policy asks)."""
    registry.add_rule(INTEGRITEITSVERKLARING)
    registry.add_rule(WORKSHOP)
