"""The bundled example (``integriteit demo``): every status worked out by hand.

Reference date 2026-06-01. Employees: default oath term 2 months, deadline = start + 2 calendar
months (organisation policy, no Algemene termijnenwet). Register: the Wbk terms of art. 2(2)(h)
and (i) for misstanden received from 2023-02-18 (7 days after receipt; 3 months after the
acknowledgement, or after its due date when none was sent), extended by the Algemene
termijnenwet. The organisation (640 staff, so Wbk art. 2 applies) states its procedure facts and
its facts on the Ambtenarenwet 2017 duties (art. 4, 5(1)(b) and (d)), judged by the law of the
reference date: the 2020 text.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

import integriteit
from integriteit import Document, Status
from integriteit.cli import main

DEMO_AT = date(2026, 6, 1)

# id: (status, due, why)
EXPECTED: dict[str, tuple[Status, date | None, str]] = {
    "P001": (Status.OK, date(2025, 11, 1), "oath 2025-10-15, before the deadline"),
    "P002": (Status.LATE, date(2025, 4, 3), "oath 2025-05-20, 47 days late"),
    "P003": (Status.OVERDUE, date(2026, 5, 2), "no oath (null), deadline passed"),
    "P004": (Status.DUE, date(2026, 7, 11), "no oath, deadline ahead"),
    "P005": (Status.OK, date(2026, 2, 28), "31 Dec + 2 months = 28 Feb; oath on it"),
    "P006": (Status.INVALID, date(2026, 3, 5), "oath 2025-12-18 before start 2026-01-05"),
    "P007": (Status.NOT_APPLICABLE, None, "inhuur"),
    "P008": (Status.NOT_APPLICABLE, None, "uitzendkracht"),
    "P009": (Status.NOT_APPLICABLE, None, "gedetacheerd"),
    "P010": (Status.NOT_APPLICABLE, None, "stagiair"),
    "P011": (Status.OK, date(2019, 8, 3), "pre-2020 law; oath 2019-07-01 in time"),
    "P012": (Status.NOT_APPLICABLE, None, "left 2026-02-27, before the 2026-03-15 deadline"),
    "P013": (Status.NOT_APPLICABLE, None, "starts 2026-07-01, after the reference date"),
    "P014": (Status.OK, date(2026, 6, 20), "oath 2026-05-12, within the term"),
    "P015": (Status.DUE, date(2026, 6, 30), "no oath, 29 days left"),
}

ACK, FEEDBACK = "wbk.ontvangstbevestiging", "wbk.terugkoppeling"

# (rule, entry id): (status, due, why)
REGISTER: dict[tuple[str, str], tuple[Status, date | None, str]] = {
    (ACK, "R-2022-03"): (Status.NOT_APPLICABLE, None,
                         "received 2022-09-12: Wet Huis voor klokkenluiders, no 7-day term"),
    (ACK, "R-2025-01"): (Status.OK, date(2025, 4, 28),
                         "Sat 2025-04-19 + 7 = Sat 04-26 Koningsdag (27th is a Sunday), "
                         "Sun 04-27 -> Mon 04-28 (Atw art. 1); acknowledged that day"),
    (ACK, "R-2026-02"): (Status.LATE, date(2026, 3, 17),
                         "Tue 2026-03-10 + 7 = Tue 03-17; acknowledged 03-20, 3 days late"),
    (ACK, "R-2026-03"): (Status.OVERDUE, date(2026, 5, 27),
                         "Wed 2026-05-20 + 7 = Wed 05-27; none by 06-01 (anonymous changes "
                         "nothing; via a vertrouwenspersoon is still the employer's channel)"),
    (ACK, "R-2026-04"): (Status.NOT_APPLICABLE, None, "a gesprek, not a misstand"),
    (ACK, "R-2026-05"): (Status.NOT_APPLICABLE, None, "a melding, not a misstand"),
    (FEEDBACK, "R-2022-03"): (Status.NOT_APPLICABLE, None,
                              "received 2022-09-12: no 3-month term under the 2016 law"),
    (FEEDBACK, "R-2025-01"): (Status.OK, date(2025, 7, 28),
                              "ack Mon 2025-04-28 + 3 months = Mon 07-28; feedback 07-21"),
    (FEEDBACK, "R-2026-02"): (Status.DUE, date(2026, 6, 22),
                              "ack 2026-03-20 + 3 months = Sat 06-20 -> Mon 06-22 (Atw); "
                              "no feedback yet"),
    (FEEDBACK, "R-2026-03"): (Status.DUE, date(2026, 8, 27),
                              "no ack: from its due date 2026-05-27 + 3 months = Thu 08-27"),
    (FEEDBACK, "R-2026-04"): (Status.NOT_APPLICABLE, None, "a gesprek"),
    (FEEDBACK, "R-2026-05"): (Status.NOT_APPLICABLE, None, "a melding"),
}

NEVENWERK = "ambtenarenwet.nevenwerkzaamheden"

# Art. 5(1)(b), per employee: id -> (status, why). No deadline: due is None throughout.
NEVENWERK_EXPECTED: dict[str, tuple[Status, str]] = {
    **dict.fromkeys(("P002", "P003", "P004", "P005", "P006", "P012", "P013", "P015"),
                    (Status.NOT_APPLICABLE, "ambtenaar, no nevenwerk reported")),
    **dict.fromkeys(("P007", "P008", "P009", "P010"), (Status.NOT_APPLICABLE, "not an ambtenaar")),
    "P001": (Status.OK, "penningmeester, reported 2025-09-10, registered"),
    "P011": (Status.OK, "rekenkamercommissie, reported 2024-02-01, registered"),
    "P014": (Status.OVERDUE, "eigen adviesbureau, reported 2026-05-04, registered: false"),
}

PUBLICATION = "ambtenarenwet.openbaarmaking"

# Art. 5(1)(c), per employee; the demo's policy designates "directeur" and "inkoper".
PUBLICATION_EXPECTED: dict[str, tuple[Status, str]] = {
    **dict.fromkeys(("P001", "P002", "P004", "P005", "P006", "P012", "P013", "P014"),
                    (Status.NOT_APPLICABLE, "function not designated")),
    **dict.fromkeys(("P007", "P008", "P009", "P010"), (Status.NOT_APPLICABLE, "not an ambtenaar")),
    "P003": (Status.NOT_APPLICABLE, "inkoper (designated), no nevenwerk reported"),
    "P015": (Status.NOT_APPLICABLE, "inkoper (designated), no nevenwerk reported"),
    "P011": (Status.OK, "directeur (designated); rekenkamercommissie published: true"),
}

VERKLARING = "beleid.integriteitsverklaring"

# Policy (integriteitsverklaring_required: true, term 0 months: by the first day), per employee.
VERKLARING_EXPECTED: dict[str, tuple[Status, date | None, str]] = {
    **dict.fromkeys(("P001", "P002", "P003", "P004", "P005", "P006", "P011", "P012", "P013",
                     "P014", "P015"), (Status.NOT_APPLICABLE, None, "ambtenaar: the oath instead")),
    "P007": (Status.OK, date(2026, 2, 1), "inhuur, signed on the first day 2026-02-01"),
    "P008": (Status.OVERDUE, date(2026, 4, 1), "uitzendkracht since 2026-04-01, none signed"),
    "P009": (Status.LATE, date(2025, 11, 1), "gedetacheerd since 2025-11-01, signed 11-20"),
    "P010": (Status.OK, date(2026, 2, 16), "stagiair, signed 2026-02-10, before the start"),
}

# The organisation, 640 staff: rule -> (status, due, why).
ORGANISATION: dict[str, tuple[Status, date | None, str]] = {
    "ambtenarenwet.integriteitsbeleid": (Status.OK, None,
                                         "adopted 2019-11-12, before the reference date"),
    "ambtenarenwet.personeelsbeleid": (Status.OK, None,
                                       "integrity in talks; training 2025-10-07, 2026-03-17"),
    "ambtenarenwet.gedragscode": (Status.OK, None, "adopted 2021-03-09"),
    "ambtenarenwet.verantwoording": (Status.LATE, date(2024, 12, 31),
                                     "2020-2022 and 2024 in time; over 2023 due 2024-12-31, "
                                     "published 2025-01-14; over 2025 due 2026-12-31, still "
                                     "within its term"),
    "ambtenarenwet.financiele_belangen": (Status.OVERDUE, None,
                                          "null: functions never designated"),
    # Procedure adopted 2023-05-01, OR consent 2023-04-12, every element present, all before
    # the reference date.
    "wbk.meldprocedure": (Status.OK, None, "adopted 2023-05-01"),
    "wbk.meldprocedure.functionaris": (Status.OK, None, "present"),
    "wbk.meldprocedure.adviseur_in_vertrouwen": (Status.OK, None, "present"),
    "wbk.meldprocedure.instemming": (Status.OK, None, "consent 2023-04-12"),
    "wbk.register": (Status.OK, None, "kept"),
}


def demo_text() -> str:
    return resources.files("integriteit").joinpath("data/demo.json").read_text("utf-8")


@pytest.fixture(scope="module")
def demo() -> Document:
    return integriteit.loads(demo_text(), source="demo.json")


@pytest.fixture(scope="module")
def findings(demo: Document) -> dict[str, integriteit.Finding]:
    result = integriteit.check(demo, DEMO_AT, rules=["ambtenarenwet.eed"])
    return {f.subject: f for f in result.findings}


def test_demo_has_the_fifteen_employees_worked_out_here(demo: Document) -> None:
    """The example's employees are exactly the ones this test works out."""
    assert [e.id for e in demo.employees] == list(EXPECTED)
    assert demo.organisation.name == "Provincie Voorbeeld"


@pytest.mark.parametrize("emp_id", list(EXPECTED))
def test_demo_employee_status(findings: dict[str, integriteit.Finding], emp_id: str) -> None:
    """Each demo employee gets the status and deadline worked out by hand."""
    status, due, why = EXPECTED[emp_id]
    f = findings[emp_id]
    assert (f.status, f.due) == (status, due), why


def test_demo_oath_counts(demo: Document) -> None:
    """The oath rule alone: 4 ok, 1 late, 2 due, 1 overdue, 6 not_applicable, 1 invalid."""
    result = integriteit.check(demo, DEMO_AT, rules=["ambtenarenwet.eed"])
    assert result.counts() == {**dict.fromkeys(Status, 0), Status.OK: 4, Status.LATE: 1,
                               Status.DUE: 2, Status.OVERDUE: 1, Status.NOT_APPLICABLE: 6,
                               Status.INVALID: 1}
    assert result.failed()


def test_demo_counts(demo: Document) -> None:
    """Every rule: 82 findings (15 employees x 4 rules: the oath, nevenwerk, publication and
    the integriteitsverklaring the policy asks of externals; 6 entries x 2 rules; 10 about the
    organisation). The workshop policy rule is off: the demo's policy does not ask for it."""
    result = integriteit.check(demo, DEMO_AT)
    assert len(result.findings) == 15 * 4 + 12 + 10
    assert "beleid.workshop" not in {f.rule for f in result.findings}
    # ok: 4 oaths + 2 nevenwerk (P001, P011) + R-2025-01 twice + 3 Aw duties + 5 Wbk
    #     + P011 publication + P007, P010 verklaring;
    # late: P002 + R-2026-02 ack + verantwoording over 2023 + P009 verklaring;
    # due: P004, P015 + feedback of R-2026-02 and R-2026-03;
    # overdue: P003 + P014 nevenwerk + R-2026-03 ack + financiele_belangen + P008 verklaring;
    # not_applicable: 6 oaths + 12 nevenwerk + 3 entries x 2 rules + 14 publication
    #     + 11 verklaring.
    assert result.counts() == {**dict.fromkeys(Status, 0),
                               Status.OK: 4 + 2 + 2 + 3 + 5 + 1 + 2,
                               Status.LATE: 1 + 1 + 1 + 1, Status.DUE: 2 + 2,
                               Status.OVERDUE: 1 + 1 + 1 + 1 + 1,
                               Status.NOT_APPLICABLE: 6 + 12 + 6 + 14 + 11, Status.INVALID: 1}
    assert result.failed()


def test_demo_has_the_register_and_facts_worked_out_here(demo: Document) -> None:
    """The example's register entries and organisation facts are the ones worked out here."""
    assert [e.id for e in demo.register] == list(dict.fromkeys(i for _, i in REGISTER))
    assert demo.organisation.headcount == 640
    proc = demo.facts.meldprocedure
    assert proc is not None
    assert (proc.adopted, proc.works_council_consent) == (date(2023, 5, 1), date(2023, 4, 12))
    assert proc.functionaris and proc.adviseur_in_vertrouwen and proc.register_kept
    facts = demo.facts
    assert (facts.integriteitsbeleid, facts.gedragscode) == (date(2019, 11, 12),
                                                             date(2021, 3, 9))
    assert facts.integriteit_in_gesprekken is True
    assert [t.date for t in facts.training or ()] == [date(2025, 10, 7), date(2026, 3, 17)]
    assert {v.year: v.published for v in facts.verantwoording or ()} == {
        2020: date(2021, 5, 18), 2021: date(2022, 6, 1), 2022: date(2023, 5, 30),
        2023: date(2025, 1, 14), 2024: date(2025, 6, 3)}
    assert facts.financiele_belangen is None
    assert "financiele_belangen" in facts.given  # stated as null: not designated
    assert [(n.employee, n.reported, n.registered) for n in facts.nevenwerkzaamheden or ()] == [
        ("P001", date(2025, 9, 10), True), ("P011", date(2024, 2, 1), True),
        ("P014", date(2026, 5, 4), False)]


@pytest.mark.parametrize("key", list(REGISTER), ids=lambda k: f"{k[0]}-{k[1]}")
def test_demo_register_entry_status(demo: Document, key: tuple[str, str]) -> None:
    """Each demo register entry gets the status and deadline worked out by hand."""
    status, due, why = REGISTER[key]
    [f] = [f for f in integriteit.check(demo, DEMO_AT, rules=[key[0]]).findings
           if f.subject == key[1]]
    assert (f.status, f.due) == (status, due), why


@pytest.mark.parametrize("rule", list(ORGANISATION))
def test_demo_organisation_status(demo: Document, rule: str) -> None:
    """Each rule about the demo organisation gives the status and deadline worked out by hand."""
    status, due, why = ORGANISATION[rule]
    [f] = integriteit.check(demo, DEMO_AT, rules=[rule]).findings
    assert (f.subject, f.status, f.due) == ("organisation", status, due), why


@pytest.mark.parametrize("emp_id", list(NEVENWERK_EXPECTED))
def test_demo_nevenwerk_status(demo: Document, emp_id: str) -> None:
    """Each demo employee's nevenwerkzaamheden get the status worked out by hand."""
    status, why = NEVENWERK_EXPECTED[emp_id]
    [f] = [f for f in integriteit.check(demo, DEMO_AT, rules=[NEVENWERK]).findings
           if f.subject == emp_id]
    assert (f.status, f.due) == (status, None), why


@pytest.mark.parametrize("emp_id", list(PUBLICATION_EXPECTED))
def test_demo_publication_status(demo: Document, emp_id: str) -> None:
    """Each demo employee gets the publication (art. 5(1)(c)) status worked out by hand."""
    status, why = PUBLICATION_EXPECTED[emp_id]
    [f] = [f for f in integriteit.check(demo, DEMO_AT, rules=[PUBLICATION]).findings
           if f.subject == emp_id]
    assert (f.status, f.due) == (status, None), why


@pytest.mark.parametrize("emp_id", list(VERKLARING_EXPECTED))
def test_demo_integriteitsverklaring_status(demo: Document, emp_id: str) -> None:
    """Each demo employee gets the integriteitsverklaring (policy) status worked out by hand."""
    status, due, why = VERKLARING_EXPECTED[emp_id]
    [f] = [f for f in integriteit.check(demo, DEMO_AT, rules=[VERKLARING]).findings
           if f.subject == emp_id]
    assert (f.status, f.due) == (status, due), why
    assert f.sources == ()  # policy cites no article


def test_demo_duty_messages(demo: Document) -> None:
    """The Ambtenarenwet duty messages name what is wrong: the late year, the unregistered
    activity, the missing designation."""
    found = {(f.rule, f.subject): f for f in integriteit.check(demo, DEMO_AT).findings}
    assert found[("ambtenarenwet.verantwoording", "organisation")].message("en") == (
        "Verantwoording: for 2023 late (due 2024-12-31, public 2025-01-14).")
    assert found[(NEVENWERK, "P014")].message("en") == (
        "1 of 1 reported nevenwerkzaamheid not registered (reported on 2026-05-04).")
    assert found[("ambtenarenwet.financiele_belangen", "organisation")].message("en") == (
        "Designation of functions with a risk of financial conflicts: not adopted "
        "(on 2026-06-01).")
    assert found[("ambtenarenwet.personeelsbeleid", "organisation")].facts["last_training"] \
        == date(2026, 3, 17)


def test_demo_organisation_statuses(demo: Document) -> None:
    """The demo organisation meets every procedure duty as of the demo date; of the Ambtenarenwet
    duties it meets three, published one verantwoording late and designated no functions."""
    result = integriteit.check(demo, DEMO_AT, rules=list(ORGANISATION))
    assert {f.rule: f.status for f in result.findings} == {
        r: s for r, (s, _, _) in ORGANISATION.items()}
    assert {f.subject for f in result.findings} == {"organisation"}
    [proc] = [f for f in result.findings if f.rule == "wbk.meldprocedure"]
    assert proc.source("en") == ("Wet bescherming klokkenluiders (BWBR0037852) art. 2(1); "
                                 "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(e)")


def test_demo_register_messages(demo: Document) -> None:
    """The register messages say why: the old law, the Atw extension, the missing ack."""
    found = {(f.rule, f.subject): f for f in integriteit.check(demo, DEMO_AT).findings}
    assert "Wet Huis voor klokkenluiders (2016)" in found[(ACK, "R-2022-03")].message("en")
    assert "3 days after the term ended on 2026-03-17" in found[(ACK, "R-2026-02")].message("en")
    assert "the day the acknowledgement was due (no acknowledgement was sent)" in found[
        (FEEDBACK, "R-2026-03")].message("en")
    explanation = found[(ACK, "R-2025-01")].explanation
    assert explanation is not None
    assert "2025-04-26 King's Day, 2025-04-27 Sunday" in explanation.explain("en")


def test_demo_p011_is_judged_under_the_old_law(findings: dict[str, integriteit.Finding]) -> None:
    """P011 started in 2019: the finding cites Ambtenarenwet art. 125quinquies."""
    assert "125quinquies" in findings["P011"].source()
    assert "Ambtenarenwet 2017" in findings["P001"].source()


def test_demo_month_end_and_lateness_messages(findings: dict[str, integriteit.Finding]) -> None:
    """P005 is in time on 28 February; P002 is 47 days late; P015 has 29 days left."""
    assert "by 2026-02-28" in findings["P005"].message("en")
    assert "47 days after" in findings["P002"].message("en")
    assert "29 days left" in findings["P015"].message("en")
    assert "30 days ago" in findings["P003"].message("en")


def test_demo_cli_shows_the_same_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """``integriteit demo --format json`` shows exactly these statuses and deadlines."""
    assert main(["demo", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["at"] == DEMO_AT.isoformat()
    shown = {f["subject"]: (f["status"], f["due"]) for f in data["findings"]
             if f["rule"] == "ambtenarenwet.eed"}
    assert shown == {k: (s.value, d.isoformat() if d else None)
                     for k, (s, d, _) in EXPECTED.items()}
    entries = {(f["rule"], f["subject"]): (f["status"], f["due"]) for f in data["findings"]
               if f["rule"] in (ACK, FEEDBACK)}
    assert entries == {k: (s.value, d.isoformat() if d else None)
                       for k, (s, d, _) in REGISTER.items()}
    assert {f["rule"]: (f["status"], f["due"]) for f in data["findings"]
            if f["subject"] == "organisation"} == {
        r: (s.value, d.isoformat() if d else None) for r, (s, d, _) in ORGANISATION.items()}
    assert {f["subject"]: (f["status"], f["due"]) for f in data["findings"]
            if f["rule"] == NEVENWERK} == {
        k: (s.value, None) for k, (s, _) in NEVENWERK_EXPECTED.items()}
    for rule, expected in ((PUBLICATION, PUBLICATION_EXPECTED),):
        assert {f["subject"]: (f["status"], f["due"]) for f in data["findings"]
                if f["rule"] == rule} == {k: (s.value, None) for k, (s, _) in expected.items()}
    assert {f["subject"]: (f["status"], f["due"]) for f in data["findings"]
            if f["rule"] == VERKLARING} == {
        k: (s.value, d.isoformat() if d else None) for k, (s, d, _) in VERKLARING_EXPECTED.items()}
    assert len(data["findings"]) == len(EXPECTED) + len(REGISTER) + len(ORGANISATION) + len(
        NEVENWERK_EXPECTED) + len(PUBLICATION_EXPECTED) + len(VERKLARING_EXPECTED)
