"""Wet bescherming klokkenluiders (Wbk, BWBR0037852): the internal reporting procedure.

Register rules, per entry of kind ``misstand`` received by the employer:

* ``wbk.ontvangstbevestiging``: art. 2(2)(h), an acknowledgement within 7 days of receipt;
* ``wbk.terugkoppeling``: art. 2(2)(i), feedback within 3 months after the acknowledgement (after
  the day it was due when none was sent).

Both are statutory terms: the Algemene termijnenwet extends them. Both apply to reports received
from 2023-02-18; a report received under the Wet Huis voor klokkenluiders (2016-07-01 to
2023-02-17) had no such terms, whatever the reference date. Organisation rules: the procedure
(Wbk art. 2(1) from 50 workers; Ambtenarenwet 2017 art. 5(1)(e) for every overheidswerkgever),
its elements, the works council's consent and the register. Dates below were worked out by hand
with a calendar; weekdays are named where they matter.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import Finding, InputError, Status
from integriteit.cli import main

AT = date(2026, 6, 1)
ACK = "wbk.ontvangstbevestiging"
FEEDBACK = "wbk.terugkoppeling"
PROCEDURE = "wbk.meldprocedure"
FUNCTIONARIS = "wbk.meldprocedure.functionaris"
ADVISEUR = "wbk.meldprocedure.adviseur_in_vertrouwen"
INSTEMMING = "wbk.meldprocedure.instemming"
REGISTER = "wbk.register"
ENTRY_RULES = (ACK, FEEDBACK)
ORGANISATION_RULES = (PROCEDURE, FUNCTIONARIS, ADVISEUR, INSTEMMING, REGISTER)

# The citations as the findings write them (English style).
WBK_2_1 = "Wet bescherming klokkenluiders (BWBR0037852) art. 2(1)"
AW_5_1_E = "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(e)"
AW_125QUINQUIES = "Ambtenarenwet (BWBR0001947) art. 125quinquies(1)(f)"
WHK_2 = "Wet Huis voor klokkenluiders (BWBR0037852) art. 2(1)"
WHK_2_2_C = "Wet Huis voor klokkenluiders (BWBR0037852) art. 2(2)(c)"
WHK_2_2_E = "Wet Huis voor klokkenluiders (BWBR0037852) art. 2(2)(e)"

# A procedure with everything in place, adopted well before AT.
FULL_PROCEDURE: dict[str, Any] = {
    "adopted": "2023-05-01", "works_council_consent": "2023-04-12", "functionaris": True,
    "adviseur_in_vertrouwen": True, "register_kept": True}


def entry(received: str, *, entry_id: str = "R-1", kind: str = "misstand",
          channel: str = "werkgever", **more: Any) -> dict[str, Any]:
    """A register entry as plain data; ``more`` adds acknowledged, feedback, anonymous, ..."""
    return {"id": entry_id, "kind": kind, "received": received, "channel": channel, **more}


def document(*entries: dict[str, Any], headcount: int | None = 120,
             meldprocedure: dict[str, Any] | None = None, kind: str = "gemeente",
             facts: bool = True) -> integriteit.Document:
    data: dict[str, Any] = {
        "organisation": {"name": "Gemeente Klok", "kind": kind, "headcount": headcount},
        "register": list(entries)}
    if facts:
        data["facts"] = {"meldprocedure": meldprocedure}
    return integriteit.from_dict(data)


def judge(rule: str, received: str, at: date = AT, *, headcount: int | None = 120,
          **more: Any) -> Finding:
    """The one finding of an entry rule for one entry received on ``received``."""
    doc = document(entry(received, **more), headcount=headcount)
    [finding] = integriteit.check(doc, at, rules=[rule]).findings
    assert finding.subject == more.get("entry_id", "R-1")
    return finding


def organisation(rule: str, at: date = AT, *, headcount: int | None = 120,
                 facts: bool = True, **procedure: Any) -> Finding:
    """The one finding of an organisation rule; ``procedure`` are the meldprocedure facts."""
    doc = document(headcount=headcount, meldprocedure=procedure or None, facts=facts)
    [finding] = integriteit.check(doc, at, rules=[rule]).findings
    assert finding.subject == "organisation"
    return finding


def explained(f: Finding, lang: str = "en") -> str:
    assert f.explanation is not None
    return f.explanation.explain(lang)  # type: ignore[arg-type]


# --- wbk.ontvangstbevestiging: the statuses --------------------------------------------------


def test_acknowledgement_within_seven_days_is_ok() -> None:
    """Received Monday 2024-03-04, acknowledged Friday 03-08: ok, due Monday 03-11."""
    f = judge(ACK, "2024-03-04", acknowledged="2024-03-08")
    assert (f.status, f.due) == (Status.OK, date(2024, 3, 11))
    assert f.message("en") == ("Acknowledged on 2024-03-08, within the term (by 2024-03-11; "
                               "7 days after receipt on 2024-03-04).")
    assert f.message("nl").startswith("Ontvangstbevestiging op 2024-03-08, binnen de termijn")
    assert f.source("en") == "Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)(h)"
    assert f.source("nl") == "Wet bescherming klokkenluiders (BWBR0037852) art. 2 lid 2 onder h"


def test_acknowledgement_on_the_seventh_day_is_in_time() -> None:
    """The deadline day itself is in time."""
    f = judge(ACK, "2024-03-04", acknowledged="2024-03-11")
    assert (f.status, f.due) == (Status.OK, date(2024, 3, 11))


def test_acknowledgement_on_the_day_of_receipt_is_ok() -> None:
    """An acknowledgement sent the day the report came in is in time."""
    assert judge(ACK, "2024-03-04", acknowledged="2024-03-04").status is Status.OK


def test_acknowledgement_after_seven_days_is_late_by_the_days_over() -> None:
    """Acknowledged Wednesday 2024-03-13, two days after the deadline: late."""
    f = judge(ACK, "2024-03-04", acknowledged="2024-03-13")
    assert (f.status, f.due, f.facts["days_late"]) == (Status.LATE, date(2024, 3, 11), 2)
    assert f.message("en") == ("Acknowledged on 2024-03-13, 2 days after the term ended on "
                               "2024-03-11 (7 days after receipt on 2024-03-04).")


def test_no_acknowledgement_within_seven_days_is_due() -> None:
    """No acknowledgement yet and the term still running: due, up to the deadline day."""
    for at in (date(2024, 3, 4), date(2024, 3, 8), date(2024, 3, 11)):
        f = judge(ACK, "2024-03-04", at)
        assert (f.status, f.due) == (Status.DUE, date(2024, 3, 11)), at
    assert f.message("en") == ("No acknowledgement yet; to be sent by 2024-03-11 (7 days after "
                               "receipt on 2024-03-04).")


def test_no_acknowledgement_after_seven_days_is_overdue() -> None:
    """No acknowledgement the day after the deadline: overdue, and the run fails."""
    doc = document(entry("2024-03-04"))
    result = integriteit.check(doc, date(2024, 3, 12), rules=[ACK])
    [f] = result.findings
    assert (f.status, f.due) == (Status.OVERDUE, date(2024, 3, 11))
    assert f.message("en") == ("No acknowledgement; the term ended on 2024-03-11 (7 days after "
                               "receipt on 2024-03-04).")
    assert result.failed()


def test_acknowledgement_before_receipt_is_invalid() -> None:
    """An acknowledgement dated before the report came in contradicts the register: invalid."""
    f = judge(ACK, "2024-03-04", acknowledged="2024-03-01")
    assert f.status is Status.INVALID
    assert f.message("en") == ("Acknowledgement dated 2024-03-01, before receipt on 2024-03-04; "
                               "check the dates.")


def test_acknowledgement_after_the_reference_date_is_not_known_yet() -> None:
    """An acknowledgement dated after the reference date counts as none (due, or overdue)."""
    within = judge(ACK, "2024-03-04", date(2024, 3, 8), acknowledged="2024-03-09")
    assert within.status is Status.DUE
    assert "acknowledged" not in within.facts
    after = judge(ACK, "2024-03-04", date(2024, 3, 12), acknowledged="2024-03-13")
    assert after.status is Status.OVERDUE
    invalid_later = judge(ACK, "2024-03-04", date(2024, 2, 1), acknowledged="2024-03-01")
    assert invalid_later.status is Status.NOT_APPLICABLE  # not even received on that date


def test_anonymous_report_gets_the_same_terms() -> None:
    """``anonymous`` is recorded in the facts but changes no term (art. 2(2)(e-f) not in force)."""
    named = judge(ACK, "2024-03-04", date(2024, 3, 12))
    anonymous = judge(ACK, "2024-03-04", date(2024, 3, 12), anonymous=True)
    assert (anonymous.status, anonymous.due) == (named.status, named.due)
    assert (named.facts["anonymous"], anonymous.facts["anonymous"]) == (False, True)


# --- both entry rules: when they do not apply ------------------------------------------------


@pytest.mark.parametrize("rule", ENTRY_RULES)
@pytest.mark.parametrize("kind", ["gesprek", "melding", "klacht"])
def test_entries_that_are_not_misstanden_are_not_applicable(rule: str, kind: str) -> None:
    """Only a report of a vermoeden van een misstand gets the Wbk terms; the finding says so."""
    f = judge(rule, "2024-03-04", date(2024, 6, 1), kind=kind)
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.message("en") == (f"Not a report of a suspected misstand (kind: {kind}); the Wbk "
                               "terms do not apply.")


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_report_to_an_external_authority_is_not_applicable(rule: str) -> None:
    """Channel ``extern`` (e.g. the Huis voor klokkenluiders): that authority's terms apply."""
    f = judge(rule, "2024-03-04", date(2024, 6, 1), channel="extern")
    assert f.status is Status.NOT_APPLICABLE
    assert "channel 'extern'" in f.message("en")
    assert "art. 2c" in f.message("en")


@pytest.mark.parametrize("channel", ["werkgever", "leidinggevende", "vertrouwenspersoon",
                                     "vertrouwenspersoon_intern", "vertrouwenspersoon_extern",
                                     "integriteitscoordinator", "klachtencommissie"])
def test_every_internal_channel_is_judged(channel: str) -> None:
    """A misstand reported through any internal channel counts as received by the employer."""
    assert judge(ACK, "2024-03-04", date(2024, 6, 1), channel=channel).status is Status.OVERDUE


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_report_received_after_the_reference_date_is_not_applicable(rule: str) -> None:
    """A report received after the reference date is not judged yet; the day before it is."""
    f = judge(rule, "2024-03-04", date(2024, 3, 3))
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.message("en") == "Received on 2024-03-04, after the reference date 2024-03-03."
    assert judge(rule, "2024-03-04", date(2024, 3, 4)).status is Status.DUE


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_organisation_of_49_is_not_applicable_and_of_50_is_judged(rule: str) -> None:
    """Wbk art. 2(1): "in de regel ten minste vijftig werknemers"; 49 is below, 50 is not."""
    small = judge(rule, "2024-03-04", date(2024, 9, 1), headcount=49)
    assert (small.status, small.due) == (Status.NOT_APPLICABLE, None)
    assert small.message("en").startswith(
        "The organisation has 49 staff; Wbk art. 2(1) requires this procedure from 50 workers.")
    assert "Ambtenarenwet 2017 (art. 5(1)(e)) does require a procedure" in small.message("en")
    assert judge(rule, "2024-03-04", date(2024, 9, 1), headcount=50).status is Status.OVERDUE


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_unknown_headcount_is_judged(rule: str) -> None:
    """Without a headcount the organisation is taken to have 50 or more: the terms apply."""
    assert judge(rule, "2024-03-04", date(2024, 9, 1), headcount=None).status is Status.OVERDUE


# --- the law of the day of receipt -----------------------------------------------------------


@pytest.mark.parametrize("rule", ENTRY_RULES)
@pytest.mark.parametrize("received", ["2016-07-01", "2022-05-02", "2023-02-17"])
def test_report_received_under_the_2016_law_is_not_applicable_and_says_why(
        rule: str, received: str) -> None:
    """The Wet Huis voor klokkenluiders had no 7-day or 3-month term: not_applicable, why."""
    f = judge(rule, received, date(2026, 6, 1))
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    what = "an acknowledgement" if rule == ACK else "feedback"
    assert f.message("en") == (
        f"Received on {received}: the Wet Huis voor klokkenluiders (2016) applies, which had no "
        f"term for {what} (Wbk art. 2(2)(h) and (i) apply from 18 February 2023).")
    assert f.message("nl").startswith(f"Ontvangen op {received}: daarop is de Wet Huis voor "
                                      "klokkenluiders (2016) van toepassing")
    assert f.source("en") == WHK_2


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_report_received_on_18_february_2023_is_judged_by_the_wbk(rule: str) -> None:
    """The first day of the Wbk: Saturday 2023-02-18 + 7 = Saturday 02-25, so Monday 02-27."""
    f = judge(rule, "2023-02-18", date(2026, 6, 1))
    assert f.status is Status.OVERDUE
    assert f.source("en").startswith("Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)")
    if rule == ACK:
        assert f.due == date(2023, 2, 27)
    else:  # 2023-02-27 + 3 months = Saturday 05-27; Sunday, Whit Monday 05-29: Tuesday 05-30
        assert f.due == date(2023, 5, 30)


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_report_received_before_july_2016_is_not_modelled(rule: str) -> None:
    """Before the Wet Huis voor klokkenluiders (2016-07-01) nothing here is modelled."""
    f = judge(rule, "2016-06-30", date(2026, 6, 1))
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.message("en") == ("Not modelled before 1 July 2016 (Wet Huis voor klokkenluiders in "
                               "force); 2016-06-30 is earlier.")


@pytest.mark.parametrize("at", [date(2023, 3, 1), date(2026, 6, 1), date(2035, 1, 1)])
def test_law_of_the_day_of_receipt_applies_whatever_the_reference_date(at: date) -> None:
    """The same entries checked years later: the 2022 one stays under the 2016 law."""
    doc = document(entry("2022-05-02", entry_id="OLD", acknowledged="2022-05-20"),
                   entry("2023-02-20", entry_id="NEW", acknowledged="2023-02-24",
                         feedback="2023-02-28"))
    found = {(f.rule, f.subject): f for f in integriteit.check(doc, at, rules=ENTRY_RULES).findings}
    assert found[(ACK, "OLD")].status is Status.NOT_APPLICABLE
    assert found[(FEEDBACK, "OLD")].status is Status.NOT_APPLICABLE
    assert "Wet Huis voor klokkenluiders (2016)" in found[(ACK, "OLD")].message("en")
    assert (found[(ACK, "NEW")].status, found[(ACK, "NEW")].due) == (Status.OK, date(2023, 2, 27))
    assert found[(FEEDBACK, "NEW")].status is Status.OK


def test_reference_date_under_the_2016_law_does_not_judge_a_later_report() -> None:
    """Checked as of 2020, a report received in 2024 is not received yet (not the 2016 law)."""
    f = judge(ACK, "2024-03-04", date(2020, 1, 1))
    assert f.message("en") == "Received on 2024-03-04, after the reference date 2020-01-01."


# --- the Algemene termijnenwet in the acknowledgement term -----------------------------------


def test_seven_days_ending_on_koningsdag_saturday_run_to_monday() -> None:
    """Received Saturday 2024-04-20: + 7 = Saturday 04-27, Koningsdag; Sunday; Monday 04-29."""
    f = judge(ACK, "2024-04-20", date(2024, 5, 1))
    assert (f.status, f.due) == (Status.OVERDUE, date(2024, 4, 29))
    assert explained(f) == (
        "7 days after 2024-04-20 = 2024-04-27; Algemene termijnenwet applies (art. 1 and 2); "
        "2024-04-27 King's Day, 2024-04-28 Sunday: extended to and including 2024-04-29 "
        "(Algemene termijnenwet (BWBR0002448) art. 1(1)); deadline 2024-04-29.")


def test_acknowledgement_on_the_extended_day_is_in_time() -> None:
    """Acknowledged Monday 2024-04-29, the extended deadline: ok; on Tuesday: 1 day late."""
    assert judge(ACK, "2024-04-20", acknowledged="2024-04-29").status is Status.OK
    late = judge(ACK, "2024-04-20", acknowledged="2024-04-30")
    assert (late.status, late.facts["days_late"]) == (Status.LATE, 1)


def test_seven_days_ending_on_a_royal_decree_day_run_past_the_weekend() -> None:
    """Received 2024-12-20: + 7 = Friday 12-27, made equal to a feestdag; Monday 12-30."""
    f = judge(ACK, "2024-12-20", date(2025, 1, 6))
    assert f.due == date(2024, 12, 30)
    text = explained(f)
    assert "2024-12-27 made equal to a feestdag (Stcrt. 2022, 7812, art. 3(3))" in text
    assert "2024-12-28 Saturday, 2024-12-29 Sunday" in text


def test_due_is_the_extended_deadline_and_the_facts_agree() -> None:
    """``due``, ``facts["deadline"]`` and the explanation's last words are the same day."""
    f = judge(ACK, "2024-04-20", date(2024, 4, 22))
    assert f.status is Status.DUE
    assert f.due == f.facts["deadline"] == date(2024, 4, 29)
    assert explained(f).endswith("deadline 2024-04-29.")
    assert explained(f, "nl").endswith("uiterlijk 2024-04-29.")


def test_explanation_cites_the_algemene_termijnenwet_even_without_extension() -> None:
    """Every judged finding explains its deadline, saying the Atw applies (art. 1 and 2)."""
    f = judge(ACK, "2024-03-04", acknowledged="2024-03-08")
    assert explained(f) == ("7 days after 2024-03-04 = 2024-03-11; Algemene termijnenwet applies "
                            "(art. 1 and 2); deadline 2024-03-11.")
    assert "Algemene termijnenwet van toepassing (art. 1 en 2)" in explained(f, "nl")


@pytest.mark.parametrize("rule", ENTRY_RULES)
def test_not_applicable_findings_have_no_deadline_or_explanation(rule: str) -> None:
    """Where the Wbk terms do not reach an entry there is no deadline to explain."""
    f = judge(rule, "2024-03-04", kind="gesprek")
    assert (f.due, f.explanation) == (None, None)


# --- wbk.terugkoppeling: the statuses --------------------------------------------------------


def test_feedback_within_three_months_of_the_acknowledgement_is_ok() -> None:
    """Acknowledged Wednesday 2024-03-06: feedback due Thursday 06-06; given 05-31: ok."""
    f = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-06", feedback="2024-05-31")
    assert (f.status, f.due) == (Status.OK, date(2024, 6, 6))
    assert f.message("en") == ("Feedback on 2024-05-31, within the term (by 2024-06-06; 3 months "
                               "after the acknowledgement on 2024-03-06).")
    assert f.source("en") == "Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)(i)"


def test_feedback_on_the_last_day_is_in_time_and_the_day_after_late() -> None:
    """Feedback on 2024-06-06 itself: ok; on 06-07: late by one day."""
    on_time = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-06", feedback="2024-06-06")
    assert on_time.status is Status.OK
    late = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-06", feedback="2024-06-07")
    assert (late.status, late.due, late.facts["days_late"]) == (Status.LATE, date(2024, 6, 6), 1)
    assert late.message("en") == ("Feedback on 2024-06-07, 1 day after the term ended on "
                                  "2024-06-06 (3 months after the acknowledgement on 2024-03-06).")


def test_no_feedback_within_the_term_is_due_then_overdue() -> None:
    """No feedback: due up to and including 2024-06-06, overdue from 06-07."""
    due = judge(FEEDBACK, "2024-03-04", date(2024, 6, 6), acknowledged="2024-03-06")
    assert (due.status, due.due) == (Status.DUE, date(2024, 6, 6))
    assert due.message("en") == ("No feedback yet; to be given by 2024-06-06 (3 months after the "
                                 "acknowledgement on 2024-03-06).")
    overdue = judge(FEEDBACK, "2024-03-04", date(2024, 6, 7), acknowledged="2024-03-06")
    assert (overdue.status, overdue.due) == (Status.OVERDUE, date(2024, 6, 6))
    assert overdue.message("en").startswith("No feedback; the term ended on 2024-06-06")


def test_feedback_before_receipt_is_invalid() -> None:
    """Feedback dated before the report came in: invalid."""
    f = judge(FEEDBACK, "2024-03-04", feedback="2024-03-01")
    assert f.status is Status.INVALID
    assert f.message("en") == ("Feedback dated 2024-03-01, before receipt on 2024-03-04; check the "
                               "dates.")


def test_feedback_before_the_acknowledgement_is_invalid() -> None:
    """Feedback dated before the acknowledgement it is counted from: invalid."""
    f = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-08", feedback="2024-03-07")
    assert f.status is Status.INVALID
    assert f.message("en") == ("Feedback dated 2024-03-07, before the acknowledgement on "
                               "2024-03-08; check the dates.")


def test_feedback_on_the_day_of_the_acknowledgement_is_ok() -> None:
    """Acknowledgement and feedback on the same day are in order."""
    f = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-08", feedback="2024-03-08")
    assert f.status is Status.OK


def test_acknowledgement_before_receipt_makes_the_feedback_invalid_too() -> None:
    """The feedback term counts from the acknowledgement: if that is impossible, so is this."""
    f = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-01", feedback="2024-04-01")
    assert (f.status, f.due) == (Status.INVALID, None)
    assert f.message("en").startswith("Acknowledgement dated 2024-03-01, before receipt")


def test_feedback_term_runs_from_the_acknowledgement_due_date_when_none_was_sent() -> None:
    """No acknowledgement: 3 months from its due date, Monday 2024-03-11, to Tuesday 06-11."""
    f = judge(FEEDBACK, "2024-03-04", date(2024, 6, 1))
    assert (f.status, f.due) == (Status.DUE, date(2024, 6, 11))
    assert f.facts["base"] == date(2024, 3, 11)
    assert f.message("en") == (
        "No feedback yet; to be given by 2024-06-11 (3 months after 2024-03-11, the day the "
        "acknowledgement was due (no acknowledgement was sent)).")
    assert "er is geen ontvangstbevestiging gestuurd" in f.message("nl")


def test_feedback_term_runs_from_the_extended_acknowledgement_due_date() -> None:
    """No acknowledgement of a report of Saturday 2024-04-20: from Monday 04-29 to 07-29."""
    f = judge(FEEDBACK, "2024-04-20", date(2024, 6, 1))
    assert (f.facts["base"], f.due) == (date(2024, 4, 29), date(2024, 7, 29))


def test_feedback_term_runs_from_a_late_acknowledgement() -> None:
    """Acknowledged late, Wednesday 2024-03-20: feedback due 3 months after that, 06-20."""
    f = judge(FEEDBACK, "2024-03-04", date(2024, 6, 14), acknowledged="2024-03-20")
    assert (f.status, f.due, f.facts["base"]) == (Status.DUE, date(2024, 6, 20),
                                                  date(2024, 3, 20))
    assert "3 months after the acknowledgement on 2024-03-20" in f.message("en")


def test_feedback_term_ending_on_28_february_a_saturday_runs_to_monday() -> None:
    """Acknowledged 2025-11-30: + 3 months = 2026-02-28 (no 30th), a Saturday: Monday 03-02."""
    f = judge(FEEDBACK, "2025-11-25", date(2026, 2, 27), acknowledged="2025-11-30")
    assert (f.status, f.due) == (Status.DUE, date(2026, 3, 2))
    text = explained(f)
    assert text.startswith("3 months after 2025-11-30 = 2026-02-28; month arithmetic: same day "
                           "number, else the last day of the month; Algemene termijnenwet "
                           "applies (art. 1 and 2); 2026-02-28 Saturday, 2026-03-01 Sunday: "
                           "extended to and including 2026-03-02")
    ok = judge(FEEDBACK, "2025-11-25", acknowledged="2025-11-30", feedback="2026-03-02")
    assert ok.status is Status.OK


def test_feedback_term_ending_on_28_february_a_friday_stays() -> None:
    """Acknowledged 2024-11-30: + 3 months = 2025-02-28, a Friday: not extended."""
    f = judge(FEEDBACK, "2024-11-25", date(2025, 2, 28), acknowledged="2024-11-30")
    assert (f.status, f.due) == (Status.DUE, date(2025, 2, 28))
    assert "extended" not in explained(f)
    late = judge(FEEDBACK, "2024-11-25", acknowledged="2024-11-30", feedback="2025-03-01")
    assert late.status is Status.LATE


def test_feedback_explanation_says_the_three_month_term_is_under_the_atw() -> None:
    """A term of three months is still extended (Atw art. 4 excludes only longer ones)."""
    f = judge(FEEDBACK, "2024-03-04", acknowledged="2024-03-06")
    assert "Algemene termijnenwet applies" in explained(f)
    assert f.due == f.facts["deadline"]


def test_dates_after_the_reference_date_are_ignored_for_feedback() -> None:
    """Feedback and acknowledgement dated after the reference date count as not given."""
    f = judge(FEEDBACK, "2024-03-04", date(2024, 3, 5), acknowledged="2024-03-06",
              feedback="2024-03-07")
    assert f.status is Status.DUE
    assert f.facts["base"] == date(2024, 3, 11)  # the due date: the ack is not known yet
    assert "feedback" not in f.facts and "acknowledged" not in f.facts
    later = judge(FEEDBACK, "2024-03-04", date(2024, 6, 12), acknowledged="2024-03-06",
                  feedback="2024-06-20")
    assert later.status is Status.OVERDUE


# --- wbk.meldprocedure -----------------------------------------------------------------------


def test_procedure_adopted_before_the_reference_date_is_ok() -> None:
    """A procedure adopted on or before the reference date: ok."""
    f = organisation(PROCEDURE, **FULL_PROCEDURE)
    assert (f.status, f.due) == (Status.OK, None)
    assert f.message("en") == "Procedure for reporting a suspected misstand adopted on 2023-05-01."
    assert organisation(PROCEDURE, date(2023, 5, 1), adopted="2023-05-01").status is Status.OK


def test_no_procedure_adopted_is_overdue() -> None:
    """Facts given but no adoption date: no procedure, overdue, naming what requires it."""
    f = organisation(PROCEDURE, functionaris=True)
    assert f.status is Status.OVERDUE
    assert f.message("en") == ("No procedure for reporting a suspected misstand adopted "
                               f"(on 2026-06-01); "
                               f"required by {WBK_2_1}; {AW_5_1_E}.")


def test_procedure_adopted_after_the_reference_date_is_overdue() -> None:
    """Adopted after the reference date: on that date there was none."""
    f = organisation(PROCEDURE, date(2023, 4, 30), adopted="2023-05-01")
    assert f.status is Status.OVERDUE
    assert f.message("en").startswith("Procedure adopted on 2023-05-01, after the reference date "
                                      "2023-04-30: there was none on that date")


def test_procedure_without_facts_is_unknown() -> None:
    """No ``facts`` (or ``meldprocedure: null``): the rule cannot judge, and says so."""
    for facts in (False, True):
        f = organisation(PROCEDURE, facts=facts)
        assert (f.status, f.due) == (Status.UNKNOWN, None)
        assert f.message("en") == ("The document gives no facts about the reporting procedure "
                                   "(facts.meldprocedure); cannot be judged.")
    result = integriteit.check(document(facts=False), AT, rules=[PROCEDURE])
    assert not result.failed()


@pytest.mark.parametrize("headcount", [50, 640, None])
def test_procedure_cites_the_wbk_and_the_ambtenarenwet_from_fifty_or_unknown(
        headcount: int | None) -> None:
    """From 50 workers (or an unknown number) both Wbk art. 2(1) and Aw 2017 art. 5(1)(e)."""
    for procedure in ({}, {"adopted": "2023-05-01"}, {"functionaris": True}):
        f = organisation(PROCEDURE, headcount=headcount, **procedure)
        assert f.source("en") == f"{WBK_2_1}; {AW_5_1_E}"


@pytest.mark.parametrize("headcount", [0, 30, 49])
def test_small_overheidswerkgever_still_needs_a_procedure(headcount: int) -> None:
    """A gemeente of 30 is below the Wbk threshold, but Aw 2017 art. 5(1)(e) has none."""
    missing = organisation(PROCEDURE, headcount=headcount, functionaris=False)
    assert missing.status is Status.OVERDUE
    assert missing.source("en") == AW_5_1_E
    assert missing.message("en").endswith(f"required by {AW_5_1_E}.")
    assert organisation(PROCEDURE, headcount=headcount, adopted="2024-01-01").status is Status.OK
    unknown = organisation(PROCEDURE, headcount=headcount)
    assert (unknown.status, unknown.source("en")) == (Status.UNKNOWN, AW_5_1_E)


def test_procedure_before_2020_cites_ambtenarenwet_125quinquies() -> None:
    """Before 2020 the public-employer duty was Ambtenarenwet art. 125quinquies(1)(f)."""
    f = organisation(PROCEDURE, date(2019, 6, 1), headcount=120)
    assert f.source("en") == f"{WHK_2}; {AW_125QUINQUIES}"
    small = organisation(PROCEDURE, date(2019, 12, 31), headcount=30)
    assert small.source("en") == AW_125QUINQUIES
    assert small.source("nl") == "Ambtenarenwet (BWBR0001947) art. 125quinquies lid 1 onder f"


def test_procedure_from_2020_to_the_wbk_cites_the_2016_law_and_ambtenarenwet_2017() -> None:
    """2020-01-01 to 2023-02-17: Wet Huis voor klokkenluiders art. 2 and Aw 2017 art. 5(1)(e)."""
    assert organisation(PROCEDURE, date(2020, 1, 1)).source("en") == f"{WHK_2}; {AW_5_1_E}"
    assert organisation(PROCEDURE, date(2023, 2, 17)).source("en") == f"{WHK_2}; {AW_5_1_E}"
    assert organisation(PROCEDURE, date(2023, 2, 18)).source("en") == f"{WBK_2_1}; {AW_5_1_E}"


def test_procedure_before_july_2016_is_not_modelled() -> None:
    """Before 2016-07-01 the procedure rule says it is not modelled."""
    f = organisation(PROCEDURE, date(2016, 6, 30))
    assert f.status is Status.NOT_APPLICABLE
    assert f.message("en").startswith("Not modelled before 1 July 2016")


# --- the elements of the procedure -----------------------------------------------------------

ELEMENTS = [
    (FUNCTIONARIS, "functionaris",
     "Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)(d)", Status.OVERDUE),
    (ADVISEUR, "adviseur_in_vertrouwen",
     "Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)(g)", Status.OVERDUE),
    (REGISTER, "register_kept", "Wet bescherming klokkenluiders (BWBR0037852) art. 2a",
     Status.OVERDUE),
]


@pytest.mark.parametrize(("rule", "field", "source", "missing"), ELEMENTS,
                         ids=[e[0] for e in ELEMENTS])
def test_element_present_is_ok_absent_is_overdue_unstated_is_unknown(
        rule: str, field: str, source: str, missing: Status) -> None:
    """Each element is a stated yes/no fact: true ok, false overdue, null or no facts unknown."""
    present = organisation(rule, adopted="2023-05-01", **{field: True})
    assert (present.status, present.source("en")) == (Status.OK, source)
    assert present.message("en").endswith(": present.")
    absent = organisation(rule, adopted="2023-05-01", **{field: False})
    assert absent.status is missing
    assert absent.message("en").endswith(f": missing ({source}).")
    unstated = organisation(rule, adopted="2023-05-01")
    assert unstated.status is Status.UNKNOWN
    assert unstated.message("en") == ("The document gives no facts about the reporting procedure "
                                      f"(facts.meldprocedure.{field}); cannot be judged.")
    assert organisation(rule, facts=False).status is Status.UNKNOWN


@pytest.mark.parametrize("rule", [FUNCTIONARIS, ADVISEUR, INSTEMMING, REGISTER])
def test_elements_do_not_apply_below_fifty(rule: str) -> None:
    """Below 50 workers Wbk art. 2 does not apply: no element is required (49 vs 50)."""
    small = organisation(rule, headcount=49, **FULL_PROCEDURE)
    assert (small.status, small.due) == (Status.NOT_APPLICABLE, None)
    assert small.message("en") == ("The organisation has 49 staff; Wbk art. 2 requires this "
                                   "element from 50 workers.")
    assert organisation(rule, headcount=50, **FULL_PROCEDURE).status is Status.OK
    assert organisation(rule, headcount=None, **FULL_PROCEDURE).status is Status.OK


def test_elements_under_the_2016_law_cite_its_article_2() -> None:
    """Before 2023-02-18 the functionaris and adviseur come from the 2016 law's art. 2(2)(c)
    and (e), in its own words: a designated functionaris, no independence or follow-up."""
    for rule, field, source in ((FUNCTIONARIS, "functionaris", WHK_2_2_C),
                                (ADVISEUR, "adviseur_in_vertrouwen", WHK_2_2_E)):
        f = organisation(rule, date(2022, 6, 1), adopted="2017-01-01", **{field: True})
        assert (f.status, f.source("en")) == (Status.OK, source)
    f = organisation(FUNCTIONARIS, date(2022, 6, 1), adopted="2017-01-01", functionaris=True)
    assert f.message("nl") == ("Aangewezen functionaris(sen) bij wie een melding kan worden "
                               "gedaan: aanwezig.")
    assert "Onafhankelijk" not in f.message("nl")


def test_register_duty_is_not_in_force_before_18_february_2023() -> None:
    """Wbk art. 2a (register every report) applies from 2023-02-18."""
    before = organisation(REGISTER, date(2023, 2, 17), register_kept=False)
    assert before.status is Status.NOT_APPLICABLE
    assert before.message("en") == ("The register duty (Wbk art. 2a) applies from 18 February "
                                    "2023; 2023-02-17 is earlier.")
    assert organisation(REGISTER, date(2023, 2, 18), register_kept=False).status is Status.OVERDUE


def test_works_council_consent_before_the_reference_date_is_ok() -> None:
    """WOR art. 27(1)(m): consent given on or before the reference date: ok."""
    f = organisation(INSTEMMING, **FULL_PROCEDURE)
    assert f.status is Status.OK
    assert f.message("en") == "Consent to the procedure given on 2023-04-12."
    assert f.source("en") == ("Wet op de ondernemingsraden (BWBR0002747) art. 27(1)(m); "
                              "Wet bescherming klokkenluiders (BWBR0037852) art. 2(7)")


def test_works_council_consent_missing_or_later_is_overdue_where_consent_is_needed() -> None:
    """No consent, or consent dated after the reference date, where the works council must
    consent (WOR art. 27(1)(m)) or the employees (Wbk art. 2(7)): overdue, citing that route."""
    none = organisation(INSTEMMING, adopted="2023-05-01", consent_route="works_council")
    assert none.status is Status.OVERDUE
    assert none.message("en") == (
        "No consent of the works council or staff representation to the procedure on "
        "2026-06-01 (Wet op de ondernemingsraden (BWBR0002747) art. 27(1)(m)).")
    assert none.source("en") == "Wet op de ondernemingsraden (BWBR0002747) art. 27(1)(m)"
    employees = organisation(INSTEMMING, adopted="2023-05-01", consent_route="employees")
    assert employees.status is Status.OVERDUE
    assert employees.source("en") == "Wet bescherming klokkenluiders (BWBR0037852) art. 2(7)"
    later = organisation(INSTEMMING, date(2023, 4, 11), works_council_consent="2023-04-12",
                         consent_route="works_council")
    assert later.status is Status.OVERDUE


def test_no_consent_is_needed_where_cao_or_a_public_law_regulation_settles_it() -> None:
    """WOR art. 27(3): no consent right where a cao or a regulation of employment conditions
    by a public-law body regulates the matter (the usual case for public employers)."""
    f = organisation(INSTEMMING, adopted="2023-05-01", consent_route="regulated")
    assert f.status is Status.NOT_APPLICABLE
    assert f.source("en") == "Wet op de ondernemingsraden (BWBR0002747) art. 27(3)"
    assert "regulated by cao or by a regulation of employment conditions" in f.message("en")


def test_without_consent_or_route_the_consent_is_unknown_not_overdue() -> None:
    f = organisation(INSTEMMING, adopted="2023-05-01")
    assert f.status is Status.UNKNOWN
    assert "facts.meldprocedure.consent_route" in f.message("en")


def test_works_council_consent_without_facts_is_unknown() -> None:
    """No procedure facts at all: unknown."""
    assert organisation(INSTEMMING, facts=False).status is Status.UNKNOWN


def test_works_council_consent_is_modelled_from_18_february_2023() -> None:
    """WOR art. 27(1)(m) is modelled only from the Wbk's date; earlier: not modelled."""
    f = organisation(INSTEMMING, date(2023, 2, 17))
    assert f.status is Status.NOT_APPLICABLE
    assert f.message("en") == "Not modelled before 18 February 2023; 2023-02-17 is earlier."


@pytest.mark.parametrize("rule", [FUNCTIONARIS, ADVISEUR, REGISTER])
def test_elements_of_a_procedure_not_yet_adopted_are_not_present(rule: str) -> None:
    """A procedure adopted after the reference date has no elements on that date."""
    at = date(2024, 1, 1)
    assert organisation(PROCEDURE, at, **FULL_PROCEDURE | {"adopted": "2025-01-01"}).status \
        is Status.OVERDUE
    f = organisation(rule, at, **FULL_PROCEDURE | {"adopted": "2025-01-01"})
    assert f.status is not Status.OK


def test_check_employee_runs_no_wbk_rule() -> None:
    """``check_employee`` checks one employee: the register and organisation rules stay out;
    the employee rules (the oath, the nevenwerkzaamheden) run."""
    found = integriteit.check_employee(
        {"id": "N1", "start": "2026-03-31", "employment": "ambtenaar"}, AT)
    assert [f.rule for f in found] == ["ambtenarenwet.eed", "ambtenarenwet.nevenwerkzaamheden",
                                       "ambtenarenwet.openbaarmaking"]
    assert not [f for f in found if f.rule.startswith("wbk.")]


def test_organisation_rules_give_one_finding_each_and_unknown_does_not_fail() -> None:
    """Five organisation findings; a document without facts fails on none of them."""
    result = integriteit.check(document(facts=False), AT, rules=ORGANISATION_RULES)
    assert [(f.rule, f.subject) for f in result.findings] == [
        (r, "organisation") for r in ORGANISATION_RULES]
    assert {f.status for f in result.findings} == {Status.UNKNOWN}
    assert not result.failed()
    assert result.failed([Status.UNKNOWN])


# --- the register holds no identity ----------------------------------------------------------

SECRET = "Jantje Klokkenluider-Geheim"


@pytest.mark.parametrize("key", ["melder", "naam", "name", "email", "e-mail", "reporter_name",
                                 "Naam", "telefoonnummer", "bsn", "employee_id", "beschuldigde",
                                 "whistleblower", "adres"])
def test_identity_key_in_a_register_entry_is_an_input_error(key: str) -> None:
    """A key like ``melder`` is refused, naming the entry and which of its keys it is, and
    saying why; neither the key nor its value is shown (Wbk art. 1a)."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [entry("2024-03-04", entry_id="R-7", **{key: SECRET})]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    [p] = info.value.problems
    n = list(data["register"][0]).index(key) + 1  # type: ignore[index]
    assert (p.path, p.record) == ("register[0]", "R-7")
    assert p.render("en") == (
        f"<dict>: register[0]: key {n} is about someone's identity, and the register holds "
        "nothing that identifies a melder or anyone else; remove this field (confidentiality, "
        "Wbk art. 1a) [id 'R-7']")
    assert p.render("nl") == (
        f"<dict>: register[0]: sleutel {n} is een gegeven over iemands identiteit, en het "
        "register bevat geen gegevens over de identiteit van een melder of betrokkene; "
        "verwijder dit veld (vertrouwelijkheid, Wbk art. 1a) [id 'R-7']")
    for lang in ("nl", "en"):
        text = p.render(lang)
        assert SECRET not in text and f".{key}" not in text and f'"{key}"' not in text


def test_nothing_read_from_the_register_is_echoed() -> None:
    """A register that is no list, keys that are names, an outcome key that is a name, a key
    given twice: the errors name positions, never what was written."""
    name = "Jan Jansen"
    org = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"}}
    cases = [
        {**org, "register": f"melder {name}"},
        {**org, "register": [entry("2024-03-04", **{name: 1})]},
        {**org, "register": [entry("2024-03-04", outcome={"investigation": True, name: 2})]},
    ]
    for data in cases:
        with pytest.raises(InputError) as info:
            integriteit.from_dict(data)
        for lang in ("nl", "en"):
            assert name not in info.value.render(lang), info.value.render(lang)
    text = ('{"organisation": {"name": "X", "kind": "gemeente"}, "register": [{"id": "R1", '
            '"kind": "melding", "received": "2024-01-01", "channel": "werkgever", '
            f'"{name}": 1, "{name}": 2}}]}}')
    with pytest.raises(InputError) as info:
        integriteit.loads(text)
    assert name not in info.value.render("en")
    assert "a key occurs more than once" in info.value.render("en")


def test_identity_key_is_reported_with_the_other_problems_of_the_entry() -> None:
    """Identity and other mistakes in one entry: all reported, the value of none of them."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [{"kind": "misstand", "received": "2024-13-01", "channel": "werkgever",
                          "melder": SECRET, "email": SECRET}]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    paths = [p.path for p in info.value.problems]
    assert paths == ["register[0].id", "register[0].received", "register[0]", "register[0]"]
    assert "key 5 is about" in info.value.render("en")  # email, the fifth key
    assert SECRET not in info.value.render("en")


def test_ordinary_typo_in_a_register_key_is_an_unknown_field_with_a_hint() -> None:
    """A misspelt key that is no identity gets the usual message and suggestion."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [entry("2024-03-04", recieved="2024-03-04")]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    [p] = info.value.problems
    assert p.path == "register[0]"  # an unknown key of the register is not echoed
    assert "recieved" not in p.render("en")
    assert p.message.en.startswith("key ")
    assert "is an unknown field (its name is not repeated; allowed: id, kind, received, " \
           "channel, anonymous, acknowledged, feedback, closed, categories, related_to, " \
           "outcome)" in p.message.en
    assert p.message.en.endswith("did you mean 'received'?")


def test_identity_keys_are_rejected_in_register_entries_only() -> None:
    """Elsewhere an identity-like key is an ordinary unknown field (employees hold no names)."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "employees": [{"id": "P1", "start": "2024-01-01", "employment": "ambtenaar",
                           "naam": SECRET}]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    [p] = info.value.problems
    assert p.message.en.startswith("unknown field")
    assert SECRET not in info.value.render("en")


def test_duplicate_register_ids_are_an_input_error() -> None:
    """Register ids are unique: each repeat is reported, pointing at the first."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [entry("2024-03-04", entry_id="R-1"),
                         entry("2024-03-05", entry_id="R-2"),
                         entry("2024-03-06", entry_id="R-1")]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    assert [p.render("en") for p in info.value.problems] == [
        "<dict>: register[2].id: duplicate id 'R-1' (also in register[0]) [id 'R-1']"]
    assert info.value.problems[0].render("nl") == (
        "<dict>: register[2].id: dubbel id 'R-1' (ook in register[0]) [id 'R-1']")


def test_register_ids_may_equal_employee_ids() -> None:
    """Employees and register entries are numbered apart: the same id in both is allowed."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "employees": [{"id": "1", "start": "2024-01-01", "employment": "ambtenaar"}],
            "register": [entry("2024-03-04", entry_id="1")]}
    assert integriteit.from_dict(data).register[0].id == "1"


@pytest.mark.parametrize("blank", ["", " ", "\t"])
def test_blank_register_id_is_an_input_error(blank: str) -> None:
    """An entry without a usable id cannot be named in a finding: refused."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [entry("2024-03-04", entry_id=blank)]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    [p] = info.value.problems
    assert (p.path, p.message.en) == ("register[0].id", "id must not be empty")


@pytest.mark.parametrize("field", ["anonymous", "channel", "kind", "received"])
def test_no_value_of_a_register_entry_is_repeated_in_an_error(field: str) -> None:
    """An error about a register entry names entry and field, never what was typed there."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [{**entry("2024-03-04"), field: SECRET}]}
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    assert [p.path for p in info.value.problems] == [f"register[0].{field}"]
    assert SECRET not in info.value.render("en")


# Every fact a register finding may carry: dates, numbers, the kind and channel; no identity.
ENTRY_FACTS = {"received", "deadline", "anonymous", "acknowledged", "feedback", "days_late",
               "base", "basis", "kind", "channel", "at", "what", "law_date", "headcount"}


def test_findings_name_an_entry_by_its_id_and_nothing_else(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         ) -> None:
    """In the JSON output a register finding's subject is the entry id; its facts are dates."""
    doc = document(entry("2015-01-05", entry_id="R-a"),
                   entry("2022-05-02", entry_id="R-b"),
                   entry("2024-03-04", entry_id="R-c", acknowledged="2024-03-13",
                         feedback="2024-03-12", anonymous=True),
                   entry("2024-03-04", entry_id="R-d", kind="klacht"),
                   entry("2024-03-04", entry_id="R-e", channel="extern"),
                   entry("2026-12-01", entry_id="R-f"),
                   entry("2024-03-04", entry_id="R-g", acknowledged="2024-03-01"),
                   entry("2024-03-04", entry_id="R-h", acknowledged="2024-03-05",
                         feedback="2024-09-01"),
                   meldprocedure=FULL_PROCEDURE)
    path = tmp_path / "doc.json"
    path.write_text(integriteit.dumps(doc), encoding="utf-8")
    for lang in ("nl", "en"):
        assert main(["check", str(path), "--at", AT.isoformat(), "--format", "json",
                     "--lang", lang]) == 1  # R-c and R-g are invalid
        data = json.loads(capsys.readouterr().out)
        entries = [f for f in data["findings"] if f["rule"] in ENTRY_RULES]
        assert [f["subject"] for f in entries] == [e.id for e in doc.register] * 2
        statuses = {f["status"] for f in entries}
        assert statuses == {"not_applicable", "ok", "late", "invalid"}
        for f in entries:
            assert set(f["facts"]) <= ENTRY_FACTS, f
            assert all(isinstance(v, str | bool | int) for v in f["facts"].values())


# --- the command line ------------------------------------------------------------------------


def test_cli_check_lists_misstanden_by_entry_id(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """``integriteit check`` shows each entry by its id as ``subject``; overdue exits 1."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente", "headcount": 80},
            "facts": {"meldprocedure": FULL_PROCEDURE},
            "register": [entry("2024-04-20", entry_id="M-1"),
                         entry("2024-05-06", entry_id="M-2", acknowledged="2024-05-08"),
                         entry("2024-05-06", entry_id="G-1", kind="gesprek")]}
    path = tmp_path / "klok.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code = main(["check", str(path), "--at", "2024-05-10", "--format", "json", "--lang", "en"])
    assert code == 1
    out = json.loads(capsys.readouterr().out)
    shown = {(f["rule"], f["subject"]): (f["status"], f["due"]) for f in out["findings"]
             if f["rule"] in ENTRY_RULES}
    assert shown == {
        (ACK, "M-1"): ("overdue", "2024-04-29"),
        (ACK, "M-2"): ("ok", "2024-05-13"),
        (ACK, "G-1"): ("not_applicable", None),
        # No ack for M-1: 3 months from Monday 04-29 to Monday 07-29.
        (FEEDBACK, "M-1"): ("due", "2024-07-29"),
        # Ack Wednesday 05-08: 3 months to Thursday 08-08.
        (FEEDBACK, "M-2"): ("due", "2024-08-08"),
        (FEEDBACK, "G-1"): ("not_applicable", None),
    }
    [m1] = [f for f in out["findings"] if (f["rule"], f["subject"]) == (ACK, "M-1")]
    assert "King's Day" in m1["explanation"]
    assert out["summary"]["overdue"] == 1
    code = main(["check", str(path), "--at", "2024-05-10", "--lang", "en", "--rule", ACK])
    text = capsys.readouterr().out
    assert code == 1
    assert "\nOverdue: 1\n  wbk.ontvangstbevestiging\n    M-1 " in text
    assert "due 29 April 2024" in text


def test_cli_explain_terugkoppeling_shows_sources_dates_and_computation(
        capsys: pytest.CaptureFixture[str]) -> None:
    """``explain wbk.terugkoppeling``: both versions with dates and articles, how it computes."""
    assert main(["explain", FEEDBACK, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wbk.terugkoppeling: Feedback within 3 months after the "
                          "acknowledgement\nKind: statute; severity: error; applies per: "
                          "entry in the integrity register\n")
    assert ("  1 July 2016 – 17 February 2023  Wet Huis voor klokkenluiders (BWBR0037852) "
            "art. 2(1)\n") in out
    assert ("  18 February 2023 –              Wet bescherming klokkenluiders (BWBR0037852) "
            "art. 2(2)(i)\n") in out
    assert "https://wetten.overheid.nl/jci1.3:c:BWBR0037852&artikel=2&g=2023-02-18" in out
    how = " ".join(out.split("How the rule decides:")[1].split())
    assert "Deadline = 3 months after the day the acknowledgement was sent" in how
    assert "if none was sent, from the day it was due" in how
    assert "Algemene termijnenwet" in how
    assert main(["explain", FEEDBACK, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(v["valid_from"], v["valid_until"]) for v in data["versions"]] == [
        ("2016-07-01", "2023-02-17"), ("2023-02-18", None)]
    assert [s["letter"] for s in data["versions"][1]["sources"]] == ["i"]
    assert "Algemene termijnenwet" in data["explanation"]
    assert data["subject"] == "register_entry"
    assert "unknown" in data["statuses"]


def test_cli_explain_meldprocedure_shows_three_versions(
        capsys: pytest.CaptureFixture[str]) -> None:
    """``explain wbk.meldprocedure``: 2016, 2020 and 2023 versions with their articles."""
    assert main(["explain", PROCEDURE, "--lang", "en", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["valid_from"] for v in data["versions"]] == ["2016-07-01", "2020-01-01",
                                                           "2023-02-18"]
    assert [[s["citation"] for s in v["sources"]] for v in data["versions"]] == [
        [WHK_2, AW_125QUINQUIES], [WHK_2, AW_5_1_E], [WBK_2_1, AW_5_1_E]]


def test_cli_rules_lists_the_wbk_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """``integriteit rules`` lists every Wbk rule after the Ambtenarenwet rules."""
    assert main(["rules", "--format", "json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    aw = [i for i in ids if i.startswith("ambtenarenwet.")]
    assert aw[0] == "ambtenarenwet.eed"
    assert ids == [*aw, *ENTRY_RULES, PROCEDURE, FUNCTIONARIS, ADVISEUR, INSTEMMING, REGISTER,
                   "beleid.integriteitsverklaring", "beleid.workshop"]


def test_cli_identity_key_is_exit_2_without_the_value(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """On the command line too: one error line naming entry and field, exit 2, no value."""
    data = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"},
            "register": [entry("2024-03-04", entry_id="R-9", melder=SECRET)]}
    path = tmp_path / "secret.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path), "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    n = list(data["register"][0]).index("melder") + 1  # type: ignore[index]
    assert err == (f"integriteit: error: {path}: register[0]: key {n} is about someone's "
                   "identity, and the register holds nothing that identifies a melder or "
                   "anyone else; remove this field (confidentiality, Wbk art. 1a) "
                   "[id 'R-9']\n")
    assert SECRET not in err


def test_a_register_id_that_could_name_someone_is_refused_without_repeating_it() -> None:
    """A register id is a short token (letters, digits, ``-_./:``; no ``@``, no space): an id
    like an e-mail address and phone number is refused, and not repeated, not even as the
    record of another problem of the entry."""
    org = {"organisation": {"name": "Gemeente Klok", "kind": "gemeente"}}
    bad = "melder: jan.jansen@provincie.nl, 06-12345678"
    for data in ({**org, "register": [entry("2024-03-04", entry_id=bad)]},
                 {**org, "register": [entry("2024-13-04", entry_id=bad)]}):
        with pytest.raises(InputError) as info:
            integriteit.from_dict(data)
        for lang in ("nl", "en"):
            text = info.value.render(lang)
            assert "jansen" not in text and "12345678" not in text, text
    with pytest.raises(InputError) as info:
        integriteit.from_dict({**org, "register": [entry("2024-03-04", entry_id=bad)]})
    assert "an id in the register is a short token" in info.value.render("en")
    for good in ("R-2025-01", "2025/17", "MELD:12", "a.b_c"):
        integriteit.from_dict({**org, "register": [entry("2024-03-04", entry_id=good)]})
    with pytest.raises(InputError):
        integriteit.from_dict({**org, "register": [entry("2024-03-04", entry_id="R" * 41)]})
