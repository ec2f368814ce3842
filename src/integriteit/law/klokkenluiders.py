"""Wet bescherming klokkenluiders (Wbk, BWBR0037852): the internal reporting procedure.

In force 2023-02-18 (Stb. 2023, 29 and 52); from 2016-07-01 to 2023-02-17 the same act was the
Wet Huis voor klokkenluiders. The rules here judge an event by the law in force on the event's
date, whatever the reference date: a misstand received in 2022 falls under the 2016 law.

- Art. 2(1): an employer that "in de regel ten minste vijftig werknemers" has sets a procedure
  for reporting a vermoeden van een misstand. Every overheidswerkgever, whatever its size, needs
  a procedure for misstanden under the Ambtenarenwet 2017 art. 5(1)(e) (before 2020:
  Ambtenarenwet art. 125quinquies(1)(f)).
- Art. 2(2)(d): independent functionaris(sen) receive and follow up reports; (g): an adviseur in
  vertrouwen; (h): an ontvangstbevestiging within 7 days of receipt; (i): information on the
  assessment and follow-up within a reasonable term of at most 3 months after the
  ontvangstbevestiging was sent. Both are statutory terms: the Algemene termijnenwet applies.
- Art. 2a: every report is registered. WOR art. 27(1)(m): the ondernemingsraad consents to the
  procedure (art. 2(7): without one, more than half of the employees).

The 2016 text had no 7-day or 3-month term and no register duty; its art. 2 required a
procedure with a designated functionaris and an adviseur in vertrouwen for employers with at
least 50 "personen werkzaam". The lid numbers of the 2016 text are not cited (not read).
Before 2016-07-01 nothing here is modelled.
"""

from __future__ import annotations

from collections.abc import Callable
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
    timeliness,
)
from integriteit.i18n import Phrase, Text
from integriteit.law.ambtenarenwet import PRE_2020_KINDS
from integriteit.model import (
    Channel,
    ConsentRoute,
    EntryKind,
    Meldprocedure,
    Organisation,
    RegisterEntry,
)
from integriteit.sources import (
    AMBTENARENWET,
    AMBTENARENWET_2017,
    WBK,
    WET_HUIS_VOOR_KLOKKENLUIDERS,
    WOR,
    LegalSource,
    cite_all,
)
from integriteit.termijnen import Term, TermOrigin, Unit

if TYPE_CHECKING:
    from integriteit.plugins import Registry

WBK_IN_FORCE = date(2023, 2, 18)
WHK_IN_FORCE = date(2016, 7, 1)
AW2017_IN_FORCE = date(2020, 1, 1)
THRESHOLD = 50
"""Wbk art. 2(1): "in de regel ten minste vijftig werknemers"."""

_WBK_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0037852&artikel={}&g=2023-02-18"
_WHK_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0037852&artikel=2&g=2016-07-01"
_AW_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0001947&artikel={}&g={}"

WBK_2_1 = LegalSource(WBK, "2", lid="1", url=_WBK_URL.format(2))
WBK_2_2_D = LegalSource(WBK, "2", lid="2", letter="d", url=_WBK_URL.format(2))
WBK_2_2_G = LegalSource(WBK, "2", lid="2", letter="g", url=_WBK_URL.format(2))
WBK_2_2_H = LegalSource(WBK, "2", lid="2", letter="h", url=_WBK_URL.format(2))
WBK_2_2_I = LegalSource(WBK, "2", lid="2", letter="i", url=_WBK_URL.format(2))
WBK_2_7 = LegalSource(WBK, "2", lid="7", url=_WBK_URL.format(2))
WBK_2A = LegalSource(WBK, "2a", url=_WBK_URL.format("2a"))
WHK_2 = LegalSource(WET_HUIS_VOOR_KLOKKENLUIDERS, "2", url=_WHK_URL)
# The Wet Huis voor klokkenluiders art. 2 (the same text in its 2016 and 2022 versions): lid 1
# the employer of at least 50 "personen werkzaam" lays down a procedure for dealing with a
# report of a suspected misstand; lid 2 says what it holds, among which (c) the designation of
# a functionaris or functionarissen to whom a report can be made, and (e) the possibility to
# consult an adviseur in vertrouwen. No term for an acknowledgement or for feedback.
WHK_2_1 = LegalSource(WET_HUIS_VOOR_KLOKKENLUIDERS, "2", lid="1", url=_WHK_URL)
WHK_2_2_C = LegalSource(WET_HUIS_VOOR_KLOKKENLUIDERS, "2", lid="2", letter="c", url=_WHK_URL)
WHK_2_2_E = LegalSource(WET_HUIS_VOOR_KLOKKENLUIDERS, "2", lid="2", letter="e", url=_WHK_URL)
AW_5_1_E = LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="e",
                       url=_AW_URL.format(5, "2020-01-01"))
AW_125QUINQUIES_1_F = LegalSource(AMBTENARENWET, "125quinquies", lid="1", letter="f",
                                  url=_AW_URL.format("125quinquies", "2019-12-31"))
WOR_27_1_M = LegalSource(WOR, "27", lid="1", letter="m",
                         url="https://wetten.overheid.nl/jci1.3:c:BWBR0002747&artikel=27"
                             "&g=2023-02-18")
WOR_27_3 = LegalSource(WOR, "27", lid="3",
                       url="https://wetten.overheid.nl/jci1.3:c:BWBR0002747&artikel=27"
                           "&g=2023-02-18")
_WOR_27_3_TEXT = Text(WOR_27_3.cite("nl"), WOR_27_3.cite("en"))

ACKNOWLEDGEMENT_TERM = Term(7, Unit.DAYS, TermOrigin.STATUTE)
"""Wbk art. 2(2)(h): the ontvangstbevestiging within 7 days of receipt."""
FEEDBACK_TERM = Term(3, Unit.MONTHS, TermOrigin.STATUTE)
"""Wbk art. 2(2)(i): feedback at most 3 months after the ontvangstbevestiging was sent."""


def _large(org: Organisation) -> bool:
    """Wbk art. 2(1) applies: at least 50 workers, or headcount unknown (then assumed)."""
    return org.headcount is None or org.headcount >= THRESHOLD


def _large_org(org: Organisation, _: RuleVersion) -> bool:
    return _large(org)


def _procedure_sources(org: Organisation, version: RuleVersion) -> tuple[LegalSource, ...]:
    """From 50 workers both the Wbk (before 2023 the Wet Huis voor klokkenluiders) and the
    Ambtenarenwet; below, the Ambtenarenwet only. Before 2020 the Ambtenarenwet's duty (art.
    125quinquies(1)(f)) bound only Rijk, provincies, gemeenten and waterschappen."""
    wbk_source, aw_source = version.sources
    aw = aw_source is not AW_125QUINQUIES_1_F or org.kind in PRE_2020_KINDS
    return (*((wbk_source,) if _large(org) else ()), *((aw_source,) if aw else ()))


def _procedure_applies(org: Organisation, version: RuleVersion) -> bool:
    """Whether any law asked this organisation for a procedure (for the checklist)."""
    return bool(_procedure_sources(org, version))


# --- which entries and organisations the procedure rules cover -----------------------------

_NOT_MISSTAND = Text(
    "Geen melding van een vermoeden van een misstand (soort: {kind}); de Wbk-termijnen gelden "
    "niet.",
    "Not a report of a suspected misstand (kind: {kind}); the Wbk terms do not apply.",
)
_EXTERNAL = Text(
    "Gemeld bij een externe instantie (kanaal 'extern'), niet bij de werkgever; die instantie "
    "heeft eigen termijnen (Wbk art. 2c e.v.).",
    "Reported to an external authority (channel 'extern'), not to the employer; that "
    "authority has its own terms (Wbk art. 2c ff.).",
)
_NOT_YET_RECEIVED = Text(
    "Ontvangen op {received}, na de peildatum {at}.",
    "Received on {received}, after the reference date {at}.",
)
_SMALL = Text(
    "De organisatie heeft {headcount} medewerkers; Wbk art. 2 lid 1 eist deze procedure pas "
    "vanaf 50 werknemers. De Ambtenarenwet 2017 (art. 5 lid 1 onder e) eist wel een "
    "procedure, maar zonder deze termijn of dit onderdeel.",
    "The organisation has {headcount} staff; Wbk art. 2(1) requires this procedure from 50 "
    "workers. The Ambtenarenwet 2017 (art. 5(1)(e)) does require a procedure, but without "
    "this term or element.",
)
_OLD_LAW_NO_TERM = Text(
    "Ontvangen op {received}: daarop is de Wet Huis voor klokkenluiders (2016) van toepassing, "
    "die geen termijn voor {what} kende (Wbk art. 2 lid 2 onder h en i gelden vanaf 18 februari "
    "2023).",
    "Received on {received}: the Wet Huis voor klokkenluiders (2016) applies, which had no term "
    "for {what} (Wbk art. 2(2)(h) and (i) apply from 18 February 2023).",
)
_BEFORE_2016 = Text(
    "Niet gemodelleerd vóór 1 juli 2016 (inwerkingtreding van de Wet Huis voor "
    "klokkenluiders); {law_date} ligt daarvoor.",
    "Not modelled before 1 July 2016 (Wet Huis voor klokkenluiders in force); {law_date} is "
    "earlier.",
)


def _entry_gate(entry: RegisterEntry, ctx: RuleContext) -> Finding | None:
    """The not_applicable finding when the Wbk terms do not reach this entry, else None."""
    if entry.kind is not EntryKind.MISSTAND:
        return ctx.finding(entry.id, Status.NOT_APPLICABLE, None, _NOT_MISSTAND,
                           {"kind": entry.kind.value})
    if entry.channel is Channel.EXTERN:
        return ctx.finding(entry.id, Status.NOT_APPLICABLE, None, _EXTERNAL,
                           {"channel": entry.channel.value})
    if entry.received > ctx.at:
        return ctx.finding(entry.id, Status.NOT_APPLICABLE, None, _NOT_YET_RECEIVED,
                           {"received": entry.received, "at": ctx.at})
    headcount = ctx.document.organisation.headcount
    if headcount is not None and headcount < THRESHOLD:
        return ctx.finding(entry.id, Status.NOT_APPLICABLE, None, _SMALL,
                           {"headcount": headcount})
    return None


def _old_law(what: Text) -> Callable[[RuleContext], Evaluator]:
    def prepare(ctx: RuleContext) -> Evaluator:
        def evaluate(entry: RegisterEntry) -> Finding:
            gate = _entry_gate(entry, ctx)
            if gate is not None:
                return gate
            return ctx.finding(entry.id, Status.NOT_APPLICABLE, None, _OLD_LAW_NO_TERM,
                               {"received": entry.received, "what": what})
        return evaluate
    return prepare


def _known(day: date | None, at: date) -> date | None:
    """A date from the register as known on the reference date (later dates are not)."""
    return day if day is not None and day <= at else None


# --- wbk.ontvangstbevestiging --------------------------------------------------------------

_ACK_OK = Text(
    "Ontvangstbevestiging op {acknowledged}, binnen de termijn (uiterlijk {deadline}; 7 dagen na "
    "ontvangst op {received}).",
    "Acknowledged on {acknowledged}, within the term (by {deadline}; 7 days after receipt on "
    "{received}).",
)
_ACK_LATE = Text(
    "Ontvangstbevestiging op {acknowledged}, {days_late:dag|dagen} na de termijn die op "
    "{deadline} afliep (7 dagen na ontvangst op {received}).",
    "Acknowledged on {acknowledged}, {days_late:day|days} after the term ended on {deadline} "
    "(7 days after receipt on {received}).",
)
_ACK_DUE = Text(
    "Nog geen ontvangstbevestiging; te sturen uiterlijk {deadline} (7 dagen na ontvangst op "
    "{received}).",
    "No acknowledgement yet; to be sent by {deadline} (7 days after receipt on {received}).",
)
_ACK_OVERDUE = Text(
    "Geen ontvangstbevestiging; de termijn verstreek op {deadline} (7 dagen na ontvangst op "
    "{received}).",
    "No acknowledgement; the term ended on {deadline} (7 days after receipt on {received}).",
)
_ACK_BEFORE_RECEIPT = Text(
    "Ontvangstbevestiging gedateerd op {acknowledged}, vóór de ontvangst op {received}; "
    "controleer de datums.",
    "Acknowledgement dated {acknowledged}, before receipt on {received}; check the dates.",
)


_ACK_TEMPLATES = {Status.OK: _ACK_OK, Status.LATE: _ACK_LATE, Status.DUE: _ACK_DUE,
                  Status.OVERDUE: _ACK_OVERDUE}


def _prepare_acknowledgement(ctx: RuleContext) -> Evaluator:
    at = ctx.at

    def evaluate(entry: RegisterEntry) -> Finding:
        gate = _entry_gate(entry, ctx)
        if gate is not None:
            return gate
        deadline = ACKNOWLEDGEMENT_TERM.compute(entry.received)
        due = deadline.end
        facts: dict[str, object] = {"received": entry.received, "deadline": due,
                                    "anonymous": entry.anonymous}
        ack = _known(entry.acknowledged, at)

        def finding(status: Status, template: Text) -> Finding:
            return ctx.finding(entry.id, status, due, template, facts, explanation=deadline)

        if ack is not None:
            facts["acknowledged"] = ack
            if ack < entry.received:
                return finding(Status.INVALID, _ACK_BEFORE_RECEIPT)
        status = timeliness(ack, due, at)
        if ack is not None and status is Status.LATE:
            facts["days_late"] = (ack - due).days
        return finding(status, _ACK_TEMPLATES[status])

    return evaluate


ONTVANGSTBEVESTIGING = Rule(
    id="wbk.ontvangstbevestiging",
    applies_to=_large_org,
    title=Text("Ontvangstbevestiging binnen 7 dagen", "Acknowledgement within 7 days"),
    severity=Severity.ERROR,
    subject=SubjectKind.REGISTER_ENTRY,
    law_date=LawDateOf("received"),  # judged by the law of the day it was received
    not_in_force=_BEFORE_2016,
    terms=(ACKNOWLEDGEMENT_TERM,),
    versions=(
        RuleVersion(
            WHK_IN_FORCE, date(2023, 2, 17), (WHK_2_1,),
            _old_law(Text("een ontvangstbevestiging", "an acknowledgement")),
            Text("Wet Huis voor klokkenluiders art. 2: een procedure, zonder termijn voor de "
                 "ontvangstbevestiging.",
                 "Wet Huis voor klokkenluiders art. 2: a procedure, without a term for the "
                 "acknowledgement."),
            duty=False,
        ),
        RuleVersion(
            WBK_IN_FORCE, None, (WBK_2_2_H,), _prepare_acknowledgement,
            Text("De melder ontvangt binnen zeven dagen na ontvangst van de melding een "
                 "ontvangstbevestiging (art. 2 lid 2 onder h).",
                 "The melder receives an acknowledgement within seven days of receipt of the "
                 "report (art. 2(2)(h))."),
        ),
    ),
    explanation=Text(
        "Voor registeritems van soort 'misstand' die de werkgever ontving (niet kanaal "
        "'extern'), bij een organisatie met ten minste 50 medewerkers (of onbekend aantal). "
        "Termijn = ontvangst + 7 dagen, verlengd volgens de Algemene termijnenwet (art. 1 en 2: "
        "een termijn die eindigt op een zaterdag, zondag of feestdag loopt door tot de "
        "volgende werkdag). De wet van de dag van ontvangst geldt: vóór 18 februari 2023 "
        "kende de wet deze termijn niet. Bevestiging op of vóór de termijn: ok; erna: late; "
        "geen en termijn loopt: due; termijn voorbij zonder bevestiging: overdue; vóór ontvangst: "
        "invalid.",
        "For register entries of kind 'misstand' received by the employer (not channel "
        "'extern'), in an organisation of at least 50 staff (or unknown headcount). Deadline = "
        "receipt + 7 days, extended under the Algemene termijnenwet (art. 1 and 2: a term ending "
        "on a Saturday, Sunday or feestdag runs to the next working day). The law of the day of "
        "receipt applies: before 18 February 2023 the law had no such term. Acknowledged on or "
        "before the deadline: ok; after: late; none and the term running: due; passed: overdue; "
        "before receipt: invalid.",
    ),
)


# --- wbk.terugkoppeling --------------------------------------------------------------------

_FB_FROM_ACK = Text("3 maanden na de ontvangstbevestiging op {acknowledged}",
                    "3 months after the acknowledgement on {acknowledged}")
_FB_FROM_LATE_ACK = Text(
    "3 maanden na de ontvangstbevestiging op {acknowledged}; die was te laat (uiterlijk "
    "{ack_due}), maar de termijn telt vanaf het sturen ervan (Wbk art. 2 lid 2 onder i) en "
    "eindigt daardoor later",
    "3 months after the acknowledgement on {acknowledged}; it was late (due by {ack_due}), but "
    "the term counts from its sending (Wbk art. 2(2)(i)) and so ends later")
_FB_FROM_ACK_DUE = Text(
    "3 maanden na {base}, de dag waarop de ontvangstbevestiging uiterlijk had moeten worden "
    "gestuurd (er is geen ontvangstbevestiging gestuurd)",
    "3 months after {base}, the day the acknowledgement was due (no acknowledgement was sent)",
)
_FB_OK = Text("Terugkoppeling op {feedback}, binnen de termijn (uiterlijk {deadline}; {basis}).",
              "Feedback on {feedback}, within the term (by {deadline}; {basis}).")
_FB_LATE = Text(
    "Terugkoppeling op {feedback}, {days_late:dag|dagen} na de termijn die op {deadline} afliep "
    "({basis}).",
    "Feedback on {feedback}, {days_late:day|days} after the term ended on {deadline} ({basis}).",
)
_FB_DUE = Text("Nog geen terugkoppeling; te geven uiterlijk {deadline} ({basis}).",
               "No feedback yet; to be given by {deadline} ({basis}).")
_FB_OVERDUE = Text("Geen terugkoppeling; de termijn verstreek op {deadline} ({basis}).",
                   "No feedback; the term ended on {deadline} ({basis}).")
_FB_BEFORE_RECEIPT = Text(
    "Terugkoppeling gedateerd op {feedback}, vóór de ontvangst op {received}; controleer de "
    "datums.",
    "Feedback dated {feedback}, before receipt on {received}; check the dates.",
)
_FB_BEFORE_ACK = Text(
    "Terugkoppeling gedateerd op {feedback}, vóór de ontvangstbevestiging op {acknowledged}; "
    "controleer de datums.",
    "Feedback dated {feedback}, before the acknowledgement on {acknowledged}; check the dates.",
)


_FB_TEMPLATES = {Status.OK: _FB_OK, Status.LATE: _FB_LATE, Status.DUE: _FB_DUE,
                 Status.OVERDUE: _FB_OVERDUE}


def _prepare_feedback(ctx: RuleContext) -> Evaluator:
    at = ctx.at

    def evaluate(entry: RegisterEntry) -> Finding:
        gate = _entry_gate(entry, ctx)
        if gate is not None:
            return gate
        facts: dict[str, object] = {"received": entry.received, "anonymous": entry.anonymous}
        ack = _known(entry.acknowledged, at)
        feedback = _known(entry.feedback, at)
        if feedback is not None:
            facts["feedback"] = feedback
        if ack is not None:
            facts["acknowledged"] = ack
        if ack is not None and ack < entry.received:
            return ctx.finding(entry.id, Status.INVALID, None, _ACK_BEFORE_RECEIPT, facts)
        if feedback is not None and feedback < entry.received:
            return ctx.finding(entry.id, Status.INVALID, None, _FB_BEFORE_RECEIPT, facts)
        ack_due = ACKNOWLEDGEMENT_TERM.deadline(entry.received)
        if ack is not None:
            base, basis = ack, _FB_FROM_ACK if ack <= ack_due else _FB_FROM_LATE_ACK
        else:
            base, basis = ack_due, _FB_FROM_ACK_DUE
        facts["base"] = base
        deadline = FEEDBACK_TERM.compute(base)
        due = deadline.end
        facts["deadline"] = due
        facts["basis"] = Phrase(basis.nl, basis.en, (("acknowledged", ack), ("base", base),
                                                     ("ack_due", ack_due)))

        def finding(status: Status, template: Text) -> Finding:
            return ctx.finding(entry.id, status, due, template, facts, explanation=deadline)

        if feedback is not None and ack is not None and feedback < ack:
            return finding(Status.INVALID, _FB_BEFORE_ACK)
        status = timeliness(feedback, due, at)
        if feedback is not None and status is Status.LATE:
            facts["days_late"] = (feedback - due).days
        return finding(status, _FB_TEMPLATES[status])

    return evaluate


TERUGKOPPELING = Rule(
    id="wbk.terugkoppeling",
    applies_to=_large_org,
    title=Text("Terugkoppeling binnen 3 maanden na de ontvangstbevestiging",
               "Feedback within 3 months after the acknowledgement"),
    severity=Severity.ERROR,
    subject=SubjectKind.REGISTER_ENTRY,
    law_date=LawDateOf("received"),  # judged by the law of the day it was received
    not_in_force=_BEFORE_2016,
    terms=(FEEDBACK_TERM,),
    versions=(
        RuleVersion(
            WHK_IN_FORCE, date(2023, 2, 17), (WHK_2_1,),
            _old_law(Text("de terugkoppeling", "feedback")),
            Text("Wet Huis voor klokkenluiders art. 2: een procedure, zonder termijn voor de "
                 "terugkoppeling.",
                 "Wet Huis voor klokkenluiders art. 2: a procedure, without a term for "
                 "feedback."),
            duty=False,
        ),
        RuleVersion(
            WBK_IN_FORCE, None, (WBK_2_2_I,), _prepare_feedback,
            Text("De melder wordt binnen een redelijke termijn van ten hoogste drie maanden na "
                 "het sturen van de ontvangstbevestiging geïnformeerd over de beoordeling en, "
                 "voor zover van toepassing, de opvolging van de melding (art. 2 lid 2 onder i).",
                 "The melder is informed of the assessment and, where applicable, the "
                 "follow-up of the report within a reasonable term of at most three months "
                 "after the acknowledgement was sent (art. 2(2)(i))."),
        ),
    ),
    explanation=Text(
        "Voor dezelfde registeritems als wbk.ontvangstbevestiging. Termijn = 3 maanden na de "
        "dag waarop de ontvangstbevestiging is gestuurd; is er geen gestuurd, dan vanaf de dag "
        "waarop die uiterlijk had moeten worden gestuurd (de bevinding zegt dat). "
        "Maandrekening: zelfde dagnummer, anders de laatste dag van de maand; daarna verlengd "
        "volgens de Algemene termijnenwet (een termijn van drie maanden valt er nog onder, "
        "art. 4). Terugkoppeling vóór ontvangst of vóór de ontvangstbevestiging: invalid.",
        "For the same register entries as wbk.ontvangstbevestiging. Deadline = 3 months after "
        "the day the acknowledgement was sent; if none was sent, from the day it was due (the "
        "finding says so). Month arithmetic: the same day number, else the month's last day; "
        "then extended under the Algemene termijnenwet (a three-month term is still covered, "
        "art. 4). Feedback before receipt or before the acknowledgement: invalid.",
    ),
)


# --- wbk.meldprocedure and its elements ----------------------------------------------------

_UNKNOWN = Text(
    "Het document geeft geen feiten over de meldprocedure ({fact}); niet te beoordelen.",
    "The document gives no facts about the reporting procedure ({fact}); cannot be judged.",
)
_PROC_OK = Text("Procedure voor het melden van een vermoeden van een misstand vastgesteld op "
                "{adopted}.",
                "Procedure for reporting a suspected misstand adopted on {adopted}.")
_PROC_MISSING = Text(
    "Geen procedure voor het melden van een vermoeden van een misstand vastgesteld (op {at}); "
    "vereist door {basis}.",
    "No procedure for reporting a suspected misstand adopted (on {at}); required by {basis}.",
)
_PROC_LATER = Text(
    "Procedure vastgesteld op {adopted}, na de peildatum {at}: op de peildatum was er nog geen; "
    "vereist door {basis}.",
    "Procedure adopted on {adopted}, after the reference date {at}: there was none on that "
    "date; required by {basis}.",
)
_NO_PROCEDURE = Text(
    "{element}: er was op {at} geen vastgestelde procedure (facts.meldprocedure.adopted), dus "
    "ook dit onderdeel niet ({source}).",
    "{element}: there was no adopted procedure on {at} (facts.meldprocedure.adopted), so not "
    "this element either ({source}).",
)
_ELEMENT_OK = Text("{element}: aanwezig.", "{element}: present.")
_ELEMENT_MISSING = Text("{element}: ontbreekt ({source}).", "{element}: missing ({source}).")
_CONSENT_OK = Text("Instemming met de procedure op {consent}.",
                   "Consent to the procedure given on {consent}.")
_CONSENT_REGULATED = Text(
    "Geen instemming nodig: de procedure is geregeld bij cao of bij een regeling van "
    "arbeidsvoorwaarden vastgesteld door een publiekrechtelijk orgaan ({source}).",
    "No consent needed: the procedure is regulated by cao or by a regulation of employment "
    "conditions set by a public-law body ({source}).")
_CONSENT_ROUTE_UNKNOWN = Text(
    "Geen instemming opgegeven, en het document zegt niet of die nodig is ({fact}: "
    "works_council, regulated of employees); niet te beoordelen.",
    "No consent stated, and the document does not say whether one is needed ({fact}: "
    "works_council, regulated or employees); cannot be judged.")
_CONSENT_MISSING_OR = Text(
    "Geen instemming van de ondernemingsraad of personeelsvertegenwoordiging met de procedure "
    "op {at} ({source}).",
    "No consent of the works council or staff representation to the procedure on {at} "
    "({source}).")
_CONSENT_MISSING_EMPLOYEES = Text(
    "Geen instemming van meer dan de helft van de werknemers met de procedure op {at} (zonder "
    "ondernemingsraad of personeelsvertegenwoordiging, en zonder plicht daartoe: {source}).",
    "No consent of more than half of the employees to the procedure on {at} (without a works "
    "council or staff representation, and not obliged to have one: {source}).")
_SMALL_ORG = Text(
    "De organisatie heeft {headcount} medewerkers; Wbk art. 2 eist dit onderdeel pas vanaf "
    "50 werknemers.",
    "The organisation has {headcount} staff; Wbk art. 2 requires this element from 50 "
    "workers.",
)


_NO_PROCEDURE_DUTY = Text(
    "Geen plicht tot een meldprocedure: de Wet Huis voor klokkenluiders art. 2 lid 1 vraagt "
    "die pas vanaf 50 personen ({headcount}), en vóór 2020 gold Ambtenarenwet art. "
    "125quinquies alleen voor Rijk, provincies, gemeenten en waterschappen (soort: {kind}).",
    "No duty to have a reporting procedure: the Wet Huis voor klokkenluiders art. 2(1) asks "
    "for one only from 50 persons ({headcount}), and before 2020 Ambtenarenwet art. "
    "125quinquies applied only to the Rijk, provinces, municipalities and water authorities "
    "(kind: {kind}).")


def _prepare_procedure(wbk_source: LegalSource, aw_source: LegalSource) -> Callable[
        [RuleContext], Evaluator]:
    def prepare(ctx: RuleContext) -> Evaluator:
        def evaluate(org: Organisation) -> Finding:
            sources = _procedure_sources(org, ctx.version)
            if not sources:
                return ctx.finding("organisation", Status.NOT_APPLICABLE, None,
                                   _NO_PROCEDURE_DUTY, {"headcount": org.headcount,
                                                        "kind": org.kind.value})
            basis = Text(cite_all(sources, "nl"), cite_all(sources, "en"))
            facts: dict[str, object] = {"at": ctx.at, "basis": basis,
                                        "headcount": org.headcount}
            proc = ctx.document.facts.meldprocedure
            if proc is None:
                return ctx.finding("organisation", Status.UNKNOWN, None, _UNKNOWN,
                                   {"fact": "facts.meldprocedure"}, sources=sources)
            if proc.adopted is not None:
                facts["adopted"] = proc.adopted
            status = adoption(proc.adopted, ctx.at)
            template = (_PROC_OK if status is Status.OK
                        else _PROC_MISSING if proc.adopted is None else _PROC_LATER)
            return ctx.finding("organisation", status, None, template, facts, sources=sources)
        return evaluate
    return prepare


MELDPROCEDURE = Rule(
    id="wbk.meldprocedure",
    sources_for=_procedure_sources,
    applies_to=_procedure_applies,
    title=Text("Procedure voor het melden van een vermoeden van een misstand",
               "Procedure for reporting a suspected misstand"),
    severity=Severity.ERROR,
    subject=SubjectKind.ORGANISATION,
    not_in_force=_BEFORE_2016,
    versions=(
        RuleVersion(WHK_IN_FORCE, date(2019, 12, 31), (WHK_2_1, AW_125QUINQUIES_1_F),
                    _prepare_procedure(WHK_2_1, AW_125QUINQUIES_1_F),
                    Text("Wet Huis voor klokkenluiders art. 2 (vanaf 50 personen) en "
                         "Ambtenarenwet art. 125quinquies lid 1 onder f.",
                         "Wet Huis voor klokkenluiders art. 2 (from 50 persons) and "
                         "Ambtenarenwet art. 125quinquies(1)(f).")),
        RuleVersion(AW2017_IN_FORCE, date(2023, 2, 17), (WHK_2_1, AW_5_1_E),
                    _prepare_procedure(WHK_2_1, AW_5_1_E),
                    Text("Wet Huis voor klokkenluiders art. 2 (vanaf 50 personen) en "
                         "Ambtenarenwet 2017 art. 5 lid 1 onder e (elke overheidswerkgever).",
                         "Wet Huis voor klokkenluiders art. 2 (from 50 persons) and "
                         "Ambtenarenwet 2017 art. 5(1)(e) (every public employer).")),
        RuleVersion(WBK_IN_FORCE, None, (WBK_2_1, AW_5_1_E),
                    _prepare_procedure(WBK_2_1, AW_5_1_E),
                    Text("Wbk art. 2 lid 1 (vanaf 50 werknemers) en Ambtenarenwet 2017 art. 5 "
                         "lid 1 onder e (elke overheidswerkgever, ongeacht de omvang).",
                         "Wbk art. 2(1) (from 50 workers) and Ambtenarenwet 2017 art. 5(1)(e) "
                         "(every public employer, whatever its size).")),
    ),
    explanation=Text(
        "Eén bevinding voor de organisatie, uit facts.meldprocedure.adopted: vastgesteld op of "
        "vóór de peildatum: ok; niet (of later): overdue; geen feiten: unknown. Elke "
        "overheidswerkgever heeft een procedure nodig (Ambtenarenwet 2017 art. 5 lid 1 onder "
        "e); vanaf 50 medewerkers (of bij onbekend aantal) ook op grond van Wbk art. 2 lid 1, "
        "en gelden de onderdelen in de regels wbk.meldprocedure.*.",
        "One finding for the organisation, from facts.meldprocedure.adopted: adopted on or "
        "before the reference date: ok; not (or later): overdue; no facts: unknown. Every "
        "public employer needs a procedure (Ambtenarenwet 2017 art. 5(1)(e)); from 50 staff "
        "(or an unknown headcount) also under Wbk art. 2(1), and the elements in the rules "
        "wbk.meldprocedure.* apply.",
    ),
)


def _prepare_element(attribute: str, element: Text, source: LegalSource) -> Callable[
        [RuleContext], Evaluator]:
    """An element of the procedure stated as a yes/no fact."""

    def prepare(ctx: RuleContext) -> Evaluator:
        def evaluate(org: Organisation) -> Finding:
            if not _large(org):
                return ctx.finding("organisation", Status.NOT_APPLICABLE, None, _SMALL_ORG,
                                   {"headcount": org.headcount})
            proc: Meldprocedure | None = ctx.document.facts.meldprocedure
            value = getattr(proc, attribute) if proc is not None else None
            facts: dict[str, object] = {
                "element": element, attribute: value,
                "source": Text(source.cite("nl"), source.cite("en"))}
            if proc is None or value is None:
                return ctx.finding("organisation", Status.UNKNOWN, None, _UNKNOWN,
                                   {"fact": f"facts.meldprocedure.{attribute}"})
            if proc.adopted is None or proc.adopted > ctx.at:
                facts["at"] = ctx.at
                return ctx.finding("organisation", Status.OVERDUE, None, _NO_PROCEDURE, facts)
            if value:
                return ctx.finding("organisation", Status.OK, None, _ELEMENT_OK, facts)
            return ctx.finding("organisation", Status.OVERDUE, None, _ELEMENT_MISSING, facts)
        return evaluate
    return prepare


_FUNCTIONARIS = Text("Onafhankelijke functionaris voor het ontvangen en opvolgen van meldingen",
                     "Independent functionaris to receive and follow up reports")
_FUNCTIONARIS_WHK = Text(
    "Aangewezen functionaris(sen) bij wie een melding kan worden gedaan",
    "Designated functionaris(sen) to whom a report can be made")
"""The element as the Wet Huis voor klokkenluiders art. 2(2)(c) had it (2016 to 2023)."""
_ADVISEUR = Text("Adviseur in vertrouwen", "Adviseur in vertrouwen (confidential adviser)")
_REGISTER = Text("Register van meldingen", "Register of reports")

FUNCTIONARIS = Rule(
    id="wbk.meldprocedure.functionaris",
    applies_to=_large_org,
    title=_FUNCTIONARIS,
    severity=Severity.ERROR,
    subject=SubjectKind.ORGANISATION,
    not_in_force=_BEFORE_2016,
    versions=(
        RuleVersion(WHK_IN_FORCE, date(2023, 2, 17), (WHK_2_2_C,),
                    _prepare_element("functionaris", _FUNCTIONARIS_WHK, WHK_2_2_C),
                    Text("Wet Huis voor klokkenluiders art. 2 lid 2 onder c: de aanwijzing van "
                         "een functionaris of functionarissen bij wie een melding kan worden "
                         "gedaan (zonder eisen van onafhankelijkheid of opvolging).",
                         "Wet Huis voor klokkenluiders art. 2(2)(c): the designation of one or "
                         "more functionarissen to whom a report can be made (with no "
                         "requirement of independence or follow-up).")),
        RuleVersion(WBK_IN_FORCE, None, (WBK_2_2_D,),
                    _prepare_element("functionaris", _FUNCTIONARIS, WBK_2_2_D),
                    Text("Wbk art. 2 lid 2 onder d: onafhankelijke functionaris(sen).",
                         "Wbk art. 2(2)(d): independent functionaris(sen).")),
    ),
    explanation=Text("Uit facts.meldprocedure.functionaris (true/false); ontbreekt het feit: "
                     "unknown. Alleen vanaf 50 medewerkers.",
                     "From facts.meldprocedure.functionaris (true/false); without the fact: "
                     "unknown. Only from 50 staff."),
)

ADVISEUR_IN_VERTROUWEN = Rule(
    id="wbk.meldprocedure.adviseur_in_vertrouwen",
    applies_to=_large_org,
    title=_ADVISEUR,
    severity=Severity.WARNING,
    subject=SubjectKind.ORGANISATION,
    not_in_force=_BEFORE_2016,
    versions=(
        RuleVersion(WHK_IN_FORCE, date(2023, 2, 17), (WHK_2_2_E,),
                    _prepare_element("adviseur_in_vertrouwen", _ADVISEUR, WHK_2_2_E),
                    Text("Wet Huis voor klokkenluiders art. 2 lid 2 onder e: de melder kan een "
                         "adviseur in vertrouwen raadplegen.",
                         "Wet Huis voor klokkenluiders art. 2(2)(e): the melder can consult an "
                         "adviseur in vertrouwen.")),
        RuleVersion(WBK_IN_FORCE, None, (WBK_2_2_G,),
                    _prepare_element("adviseur_in_vertrouwen", _ADVISEUR, WBK_2_2_G),
                    Text("Wbk art. 2 lid 2 onder g: de melder kan een adviseur in vertrouwen "
                         "raadplegen.",
                         "Wbk art. 2(2)(g): the melder can consult an adviseur in vertrouwen.")),
    ),
    explanation=Text("Uit facts.meldprocedure.adviseur_in_vertrouwen (true/false). De wet eist "
                     "dat de procedure de mogelijkheid biedt een adviseur in vertrouwen te "
                     "raadplegen, niet een benoeming; alleen vanaf 50 medewerkers.",
                     "From facts.meldprocedure.adviseur_in_vertrouwen (true/false). The law "
                     "requires that the procedure offers consulting an adviseur in vertrouwen, "
                     "not an appointment; only from 50 staff."),
)

REGISTER = Rule(
    id="wbk.register",
    applies_to=_large_org,
    title=_REGISTER,
    severity=Severity.ERROR,
    subject=SubjectKind.ORGANISATION,
    not_in_force=Text(
        "De registerplicht (Wbk art. 2a) geldt vanaf 18 februari 2023; {law_date} ligt daarvoor.",
        "The register duty (Wbk art. 2a) applies from 18 February 2023; {law_date} is earlier.",
    ),
    versions=(
        RuleVersion(WBK_IN_FORCE, None, (WBK_2A,),
                    _prepare_element("register_kept", _REGISTER, WBK_2A),
                    Text("Wbk art. 2a: elke melding wordt bij ontvangst geregistreerd.",
                         "Wbk art. 2a: every report is registered on receipt.")),
    ),
    explanation=Text("Uit facts.meldprocedure.register_kept (true/false); alleen vanaf 50 "
                     "medewerkers.",
                     "From facts.meldprocedure.register_kept (true/false); only from 50 "
                     "staff."),
)


def _prepare_consent(ctx: RuleContext) -> Evaluator:
    def evaluate(org: Organisation) -> Finding:
        if not _large(org):
            return ctx.finding("organisation", Status.NOT_APPLICABLE, None, _SMALL_ORG,
                               {"headcount": org.headcount})
        proc = ctx.document.facts.meldprocedure
        if proc is None:
            return ctx.finding("organisation", Status.UNKNOWN, None, _UNKNOWN,
                               {"fact": "facts.meldprocedure"})
        consent = _known(proc.works_council_consent, ctx.at)
        route = proc.consent_route
        if consent is not None:
            return ctx.finding("organisation", Status.OK, None, _CONSENT_OK, {"consent": consent})
        if route is ConsentRoute.REGULATED:
            return ctx.finding("organisation", Status.NOT_APPLICABLE, None, _CONSENT_REGULATED,
                               {"route": route.value, "source": _WOR_27_3_TEXT},
                               sources=(WOR_27_3,))
        if route is None:
            return ctx.finding("organisation", Status.UNKNOWN, None, _CONSENT_ROUTE_UNKNOWN,
                               {"fact": "facts.meldprocedure.consent_route"})
        if route is ConsentRoute.EMPLOYEES:
            return ctx.finding("organisation", Status.OVERDUE, None, _CONSENT_MISSING_EMPLOYEES,
                               {"at": ctx.at, "route": route.value,
                                "source": Text(WBK_2_7.cite("nl"), WBK_2_7.cite("en"))},
                               sources=(WBK_2_7,))
        return ctx.finding("organisation", Status.OVERDUE, None, _CONSENT_MISSING_OR,
                           {"at": ctx.at, "route": route.value,
                            "source": Text(WOR_27_1_M.cite("nl"), WOR_27_1_M.cite("en"))},
                           sources=(WOR_27_1_M,))

    return evaluate


INSTEMMING = Rule(
    id="wbk.meldprocedure.instemming",
    applies_to=_large_org,
    title=Text("Instemming van de ondernemingsraad met de meldprocedure",
               "Works council consent to the reporting procedure"),
    severity=Severity.WARNING,
    subject=SubjectKind.ORGANISATION,
    not_in_force=Text(
        "Niet gemodelleerd vóór 18 februari 2023; {law_date} ligt daarvoor.",
        "Not modelled before 18 February 2023; {law_date} is earlier.",
    ),
    versions=(
        RuleVersion(WBK_IN_FORCE, None, (WOR_27_1_M, WBK_2_7), _prepare_consent,
                    Text("WOR art. 27 lid 1 onder m: instemming van de ondernemingsraad; zonder "
                         "OR de meerderheid van de werknemers (Wbk art. 2 lid 7).",
                         "WOR art. 27(1)(m): consent of the works council; without one, the "
                         "majority of employees (Wbk art. 2(7)).")),
    ),
    explanation=Text(
        "Uit facts.meldprocedure: instemming (works_council_consent) op of vóór de peildatum: "
        "ok. Anders beslist consent_route: regulated (geregeld bij cao of publiekrechtelijke "
        "regeling, WOR art. 27 lid 3): not_applicable; works_council (OR of PVT, WOR art. 27 "
        "lid 1 onder m) of employees (geen OR of PVT en geen plicht daartoe: meer dan de helft "
        "van de werknemers, Wbk art. 2 lid 7): overdue; niet opgegeven: unknown. Alleen vanaf "
        "50 medewerkers.",
        "From facts.meldprocedure: consent (works_council_consent) on or before the reference "
        "date: ok. Otherwise consent_route decides: regulated (by cao or a public-law "
        "regulation, WOR art. 27(3)): not_applicable; works_council (works council or staff "
        "representation, WOR art. 27(1)(m)) or employees (none, and none required: more than "
        "half of the employees, Wbk art. 2(7)): overdue; not stated: unknown. Only from 50 "
        "staff."),
)


def register(registry: Registry) -> None:
    """Plugin hook: the Wet bescherming klokkenluiders rule pack."""
    for rule in (ONTVANGSTBEVESTIGING, TERUGKOPPELING, MELDPROCEDURE, FUNCTIONARIS,
                 ADVISEUR_IN_VERTROUWEN, INSTEMMING, REGISTER):
        registry.add_rule(rule)
