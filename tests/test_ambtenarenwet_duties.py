"""The employer's integrity duties of the Ambtenarenwet 2017, worked out by hand.

Art. 4(1) integriteitsbeleid, 4(2) integrity in personnel policy (talks and training), 4(3)
gedragscode, 4(4) the yearly public verantwoording, 5(1)(b) registration of reported
nevenwerkzaamheden (per employee) and 5(1)(d) designation of functions with a risk of financial
conflicts. Before 2020 the old Ambtenarenwet art. 125quater (a)-(c) and 125quinquies(1)(b), (e)
had these duties for the Rijk, provincies, gemeenten and waterschappen only; art. 125quater(d)
required no publication, so the verantwoording rule starts in 2020.

A fact given as ``null`` means "not adopted" (overdue); a fact left out means "not known"
(unknown). The verantwoording over year Y is expected by 31 December of Y+1: the library's own
default (the law says only "jaarlijks"), checked from the account over 2020.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import (
    Document,
    EmploymentKind,
    Facts,
    Finding,
    InputError,
    Organisation,
    OrganisationKind,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.cli import main
from integriteit.law import ambtenarenwet
from integriteit.model import TrainingSession

AT = date(2026, 6, 1)
OLD_LAW_AT = date(2019, 6, 1)
INTEGRITEITSBELEID = "ambtenarenwet.integriteitsbeleid"
PERSONEELSBELEID = "ambtenarenwet.personeelsbeleid"
GEDRAGSCODE = "ambtenarenwet.gedragscode"
VERANTWOORDING = "ambtenarenwet.verantwoording"
NEVENWERK = "ambtenarenwet.nevenwerkzaamheden"
FINANCIELE_BELANGEN = "ambtenarenwet.financiele_belangen"
ORGANISATION_DUTIES = (INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE, VERANTWOORDING,
                       FINANCIELE_BELANGEN)
# The duties met by adopting something on a date: rule -> its date fact.
ADOPTED = {INTEGRITEITSBELEID: "integriteitsbeleid", GEDRAGSCODE: "gedragscode",
           FINANCIELE_BELANGEN: "financiele_belangen"}
# The kinds of employer the old art. 125quater and 125quinquies bound.
OLD_KINDS = ("rijk", "provincie", "gemeente", "waterschap")
NOT_AMBTENAAR = [k.value for k in EmploymentKind if k is not EmploymentKind.AMBTENAAR]

EMPLOYEES: list[dict[str, Any]] = [
    {"id": "A1", "start": "2018-03-01", "employment": "ambtenaar"},
    {"id": "A2", "start": "2024-09-01", "employment": "ambtenaar", "function": "inkoper"},
    {"id": "X1", "start": "2025-01-06", "employment": "inhuur"},
]


def document(facts: dict[str, Any] | None = None, *, kind: str = "gemeente",
             employees: list[dict[str, Any]] | None = None) -> Document:
    """A gemeente of 80 with three people, loaded as users load documents."""
    data: dict[str, Any] = {"organisation": {"name": "Gemeente Plicht", "kind": kind,
                                             "headcount": 80},
                            "employees": EMPLOYEES if employees is None else employees}
    if facts is not None:
        data["facts"] = facts
    return integriteit.from_dict(data)


def duty(rule: str, facts: dict[str, Any] | None, at: date = AT, *,
         kind: str = "gemeente") -> Finding:
    """The one finding of an organisation rule."""
    [finding] = integriteit.check(document(facts, kind=kind), at, rules=[rule]).findings
    assert finding.subject == "organisation"
    return finding


def nevenwerk(items: list[dict[str, Any]] | None, at: date = AT, *,
              kind: str = "gemeente", employment: str = "ambtenaar") -> Finding:
    """The nevenwerkzaamheden finding of employee A1 (of the given kind of employment)."""
    employees = [{**EMPLOYEES[0], "employment": employment}, *EMPLOYEES[1:]]
    facts = None if items is None else {"nevenwerkzaamheden": items}
    result = integriteit.check(document(facts, kind=kind, employees=employees), at,
                               rules=[NEVENWERK])
    [finding] = [f for f in result.findings if f.subject == "A1"]
    return finding


def item(activity: str = "penningmeester", reported: str = "2025-09-10",
         registered: bool | None = True, employee: str = "A1", **more: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"employee": employee, "activity": activity, "reported": reported}
    if registered is not None:
        entry["registered"] = registered
    return {**entry, **more}


def accounts(*years: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"year": y, "published": p} for y, p in years]


# Every year from 2020 to 2025 made public well within its term (31 December of the next year).
IN_TIME = [(y, f"{y + 1}-06-01") for y in range(2020, 2026)]


# --- the rules themselves ------------------------------------------------------------------


def test_the_duty_rules_are_registered_after_the_oath_rule() -> None:
    """The seven duties follow the oath rule, in the order of the articles (5(1)(d) last)."""
    ids = [r.id for r in integriteit.rules() if r.id.startswith("ambtenarenwet.")]
    assert ids == ["ambtenarenwet.eed", INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE,
                   VERANTWOORDING, NEVENWERK, "ambtenarenwet.openbaarmaking",
                   FINANCIELE_BELANGEN]


@pytest.mark.parametrize(("rule", "subject", "severity"), [
    (INTEGRITEITSBELEID, SubjectKind.ORGANISATION, Severity.ERROR),
    (PERSONEELSBELEID, SubjectKind.ORGANISATION, Severity.WARNING),
    (GEDRAGSCODE, SubjectKind.ORGANISATION, Severity.ERROR),
    (VERANTWOORDING, SubjectKind.ORGANISATION, Severity.WARNING),
    (NEVENWERK, SubjectKind.EMPLOYEE, Severity.ERROR),
    (FINANCIELE_BELANGEN, SubjectKind.ORGANISATION, Severity.ERROR),
])
def test_subject_and_severity(rule: str, subject: SubjectKind, severity: Severity) -> None:
    """Nevenwerkzaamheden are judged per employee, the rest once for the organisation."""
    r = integriteit.rules()[[x.id for x in integriteit.rules()].index(rule)]
    assert (r.subject, r.severity) == (subject, severity)
    assert r.explanation is not None
    assert r.explanation.nl and r.explanation.en


# --- art. 4(1), 4(3), 5(1)(d): adopted on a date --------------------------------------------


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_adopted_before_the_reference_date_is_ok(rule: str) -> None:
    """Adopted before the reference date: ok, no deadline (the law sets none)."""
    f = duty(rule, {ADOPTED[rule]: "2021-03-09"})
    assert (f.status, f.due) == (Status.OK, None)
    assert f.facts["adopted"] == date(2021, 3, 9)
    assert f.message("en").endswith(": adopted on 2021-03-09.")
    assert "vastgesteld op 2021-03-09" in f.message("nl")


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_adopted_on_the_reference_date_is_ok(rule: str) -> None:
    """The reference date itself counts."""
    assert duty(rule, {ADOPTED[rule]: AT.isoformat()}).status is Status.OK


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_adopted_before_2020_still_counts_under_the_new_law(rule: str) -> None:
    """A policy adopted under the old law is still in place under art. 4 and 5."""
    assert duty(rule, {ADOPTED[rule]: "2012-01-01"}).status is Status.OK


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_null_is_not_adopted_and_overdue(rule: str) -> None:
    """``null``: stated as not adopted, so overdue on the reference date."""
    f = duty(rule, {ADOPTED[rule]: None})
    assert (f.status, f.due) == (Status.OVERDUE, None)
    assert f.message("en").endswith(": not adopted (on 2026-06-01).")
    assert "niet vastgesteld (op 2026-06-01)" in f.message("nl")


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_adopted_after_the_reference_date_is_overdue(rule: str) -> None:
    """Adopted after the reference date: not yet in place on it, so overdue."""
    f = duty(rule, {ADOPTED[rule]: "2026-06-02"})
    assert (f.status, f.due) == (Status.OVERDUE, None)
    assert "adopted on 2026-06-02, after the reference date 2026-06-01" in f.message("en")


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_left_out_is_unknown(rule: str) -> None:
    """Left out (while other facts are given): not known, so unknown, naming the fact."""
    others = {k: "2021-01-01" for k in ADOPTED.values() if k != ADOPTED[rule]}
    for facts in (None, {}, others):
        f = duty(rule, facts)
        assert (f.status, f.due) == (Status.UNKNOWN, None)
        assert f"(facts.{ADOPTED[rule]})" in f.message("en")


@pytest.mark.parametrize("rule", list(ADOPTED))
def test_facts_built_in_python_count_what_is_set(rule: str) -> None:
    """Without the loader a fact is stated when it is set; ``None`` is then left out."""
    org = Organisation("X", OrganisationKind.RIJK)
    adopted = Document(org, facts=Facts(**{ADOPTED[rule]: date(2021, 1, 1)}))
    assert integriteit.check(adopted, AT, rules=[rule]).findings[0].status is Status.OK
    nothing = Document(org, facts=Facts())
    assert integriteit.check(nothing, AT, rules=[rule]).findings[0].status is Status.UNKNOWN


@pytest.mark.parametrize(("rule", "en", "nl"), [
    (INTEGRITEITSBELEID, "Ambtenarenwet 2017 (BWBR0001947) art. 4(1)",
     "Ambtenarenwet 2017 (BWBR0001947) art. 4 lid 1"),
    (PERSONEELSBELEID, "Ambtenarenwet 2017 (BWBR0001947) art. 4(2)",
     "Ambtenarenwet 2017 (BWBR0001947) art. 4 lid 2"),
    (GEDRAGSCODE, "Ambtenarenwet 2017 (BWBR0001947) art. 4(3)",
     "Ambtenarenwet 2017 (BWBR0001947) art. 4 lid 3"),
    (VERANTWOORDING, "Ambtenarenwet 2017 (BWBR0001947) art. 4(4)",
     "Ambtenarenwet 2017 (BWBR0001947) art. 4 lid 4"),
    (FINANCIELE_BELANGEN, "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(d)",
     "Ambtenarenwet 2017 (BWBR0001947) art. 5 lid 1 onder d"),
])
def test_sources_from_2020(rule: str, en: str, nl: str) -> None:
    """From 2020 each duty cites its article of the Ambtenarenwet 2017."""
    f = duty(rule, {})
    assert (f.source("en"), f.source("nl")) == (en, nl)


# --- art. 4(2): integrity in personnel policy -------------------------------------------------

SESSIONS = [{"date": "2025-10-07", "attendees": 38}, {"date": "2026-03-17"}]


def test_personnel_policy_with_talks_and_training_is_ok() -> None:
    """Integrity in talks and training offered before the reference date: ok."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": True, "training": SESSIONS})
    assert (f.status, f.due) == (Status.OK, None)
    assert (f.facts["last_training"], f.facts["sessions"]) == (date(2026, 3, 17), 2)
    assert f.message("en") == ("Integrity is discussed in functioneringsgesprekken and "
                               "werkoverleg; training offered (last on 2026-03-17).")


def test_a_training_on_the_reference_date_counts() -> None:
    """A session on the reference date itself counts."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": True,
                                "training": [{"date": AT.isoformat()}]})
    assert f.status is Status.OK


def test_talks_false_is_overdue() -> None:
    """Integrity not discussed in functioneringsgesprekken and werkoverleg: overdue."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": False, "training": SESSIONS})
    assert (f.status, f.due) == (Status.OVERDUE, None)
    assert f.message("en") == (
        "Missing: integrity in functioneringsgesprekken and werkoverleg.")


@pytest.mark.parametrize("training", [[], None, [{"date": "2026-06-02", "attendees": 12}]],
                         ids=["empty", "null", "only-after-the-reference-date"])
def test_no_training_before_the_reference_date_is_overdue(training: Any) -> None:
    """No session offered on or before the reference date: overdue."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": True, "training": training})
    assert (f.status, f.due) == (Status.OVERDUE, None)
    assert f.message("en") == (
        "Missing: training on integrity offered (before the reference date).")


def test_talks_null_and_no_training_names_both() -> None:
    """Both parts missing (talks stated as null): one overdue finding naming both."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": None, "training": []})
    assert f.status is Status.OVERDUE
    assert f.message("en") == (
        "Missing: integrity in functioneringsgesprekken and werkoverleg; training on "
        "integrity offered (before the reference date).")
    assert f.message("nl").startswith("Ontbreekt: integriteit in functioneringsgesprekken")


@pytest.mark.parametrize("facts", [
    {"training": SESSIONS},
    {"integriteit_in_gesprekken": True},
    {},
], ids=["talks-left-out", "training-left-out", "both-left-out"])
def test_personnel_policy_left_out_is_unknown(facts: dict[str, Any]) -> None:
    """Either fact left out: unknown, naming both facts the rule reads."""
    f = duty(PERSONEELSBELEID, facts)
    assert (f.status, f.due) == (Status.UNKNOWN, None)
    assert "facts.integriteit_in_gesprekken" in f.message("en")
    assert "facts.training" in f.message("en")


def test_attendance_changes_nothing() -> None:
    """Attendance is recorded only: a session with no attendees still counts as offered."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": True,
                                "training": [{"date": "2025-01-01", "attendees": 0}]})
    assert f.status is Status.OK


# --- art. 4(4): the yearly verantwoording -----------------------------------------------------


def test_every_year_in_time_is_ok() -> None:
    """Every account from 2020 to the year before the reference date in time: ok."""
    f = duty(VERANTWOORDING, {"verantwoording": accounts(*IN_TIME)})
    assert (f.status, f.due) == (Status.OK, None)
    assert f.message("en") == "Account for 2020–2025 made public, each in time."


def test_published_on_the_deadline_day_is_in_time() -> None:
    """The account over 2020 published on 31 December 2021 is in time."""
    f = duty(VERANTWOORDING, {"verantwoording": accounts((2020, "2021-12-31"))},
             date(2021, 12, 31))
    assert f.status is Status.OK
    f = duty(VERANTWOORDING, {"verantwoording": accounts((2020, "2021-12-31"),
                                                         (2021, "2022-12-31"))},
             date(2022, 12, 31))
    assert f.status is Status.OK


def test_first_year_2020_is_due_by_the_end_of_2021() -> None:
    """The first account checked is over 2020, due 31 December 2021."""
    f = duty(VERANTWOORDING, {"verantwoording": []}, date(2021, 6, 1))
    assert (f.status, f.due) == (Status.DUE, date(2021, 12, 31))
    assert f.facts["year"] == 2020
    assert f.message("en") == "Account for 2020 not public yet; due by 2021-12-31."


@pytest.mark.parametrize("at", [date(2020, 1, 1), date(2020, 6, 1), date(2020, 12, 31)])
def test_nothing_is_due_yet_in_2020(at: date) -> None:
    """Checked in 2020: no account can be due yet; the first is over 2020, by 2021-12-31."""
    f = duty(VERANTWOORDING, {"verantwoording": []}, at)
    assert (f.status, f.due) == (Status.DUE, date(2021, 12, 31))
    assert f.message("en") == "No account due yet (the first, for 2020, by 2021-12-31)."


def test_due_on_the_deadline_day_then_overdue() -> None:
    """No account over 2020: due up to 31 December 2021, overdue from 1 January 2022."""
    assert duty(VERANTWOORDING, {"verantwoording": []}, date(2021, 12, 31)).status is Status.DUE
    f = duty(VERANTWOORDING, {"verantwoording": []}, date(2022, 1, 1))
    assert (f.status, f.due) == (Status.OVERDUE, date(2021, 12, 31))


def test_missing_year_is_overdue_with_the_first_missed_deadline() -> None:
    """Years without an account whose deadline passed: overdue, due = the first missed one."""
    given = [(y, p) for y, p in IN_TIME if y not in (2021, 2023)]
    f = duty(VERANTWOORDING, {"verantwoording": accounts(*given)})
    assert (f.status, f.due) == (Status.OVERDUE, date(2022, 12, 31))
    assert f.facts["missing_years"] == [2021, 2023]
    assert f.facts["late_years"] == []
    assert f.message("en") == ("Verantwoording: for 2021 not public (due 2022-12-31); "
                               "for 2023 not public (due 2024-12-31).")


def test_late_account_is_late() -> None:
    """Published after 31 December of the next year: late, due = that deadline."""
    given = [(y, "2025-01-14" if y == 2023 else p) for y, p in IN_TIME]
    f = duty(VERANTWOORDING, {"verantwoording": accounts(*given)})
    assert (f.status, f.due) == (Status.LATE, date(2024, 12, 31))
    assert f.facts["late_years"] == [2023]
    assert f.message("en") == (
        "Verantwoording: for 2023 late (due 2024-12-31, public 2025-01-14).")


def test_missing_beats_late() -> None:
    """A late year and a missing one: overdue, due the missing year's deadline, both named."""
    given = [(2020, "2022-02-01"), (2021, "2022-06-01")]
    f = duty(VERANTWOORDING, {"verantwoording": accounts(*given)}, date(2024, 3, 1))
    assert (f.status, f.due) == (Status.OVERDUE, date(2023, 12, 31))
    assert (f.facts["missing_years"], f.facts["late_years"]) == ([2022], [2020])
    assert f.message("en") == (
        "Verantwoording: for 2022 not public (due 2023-12-31); for 2020 late "
        "(due 2021-12-31, public 2022-02-01).")


def test_last_year_within_its_term_is_due() -> None:
    """The account over last year, not yet public but within its term: due."""
    given = [(y, p) for y, p in IN_TIME if y != 2025]
    f = duty(VERANTWOORDING, {"verantwoording": accounts(*given)})
    assert (f.status, f.due) == (Status.DUE, date(2026, 12, 31))
    assert f.message("en") == "Account for 2025 not public yet; due by 2026-12-31."


def test_accounts_published_after_the_reference_date_do_not_count() -> None:
    """What happened after the reference date was not known on it."""
    later = {"verantwoording": accounts((2020, "2021-05-18"), (2021, "2022-06-01"))}
    f = duty(VERANTWOORDING, later, date(2022, 5, 31))
    assert (f.status, f.due) == (Status.DUE, date(2022, 12, 31))  # over 2021: not public yet
    late = {"verantwoording": accounts((2020, "2022-02-01"))}
    f = duty(VERANTWOORDING, late, date(2022, 1, 15))
    assert (f.status, f.due) == (Status.OVERDUE, date(2021, 12, 31))  # not late: missing


def test_years_before_2020_and_from_the_reference_year_are_not_judged() -> None:
    """An account over 2019 is not needed, one over the current year not yet."""
    f = duty(VERANTWOORDING, {"verantwoording": accounts((2019, "2019-12-01"), *IN_TIME,
                                                         (2026, "2026-05-01"))})
    assert f.status is Status.OK
    f = duty(VERANTWOORDING, {"verantwoording": accounts((2020, "2021-03-01"))},
             date(2021, 4, 1))
    assert f.status is Status.OK


def test_verantwoording_null_is_every_year_overdue() -> None:
    """``null``: never published; every year past its deadline is overdue."""
    f = duty(VERANTWOORDING, {"verantwoording": None})
    assert (f.status, f.due) == (Status.OVERDUE, date(2021, 12, 31))
    assert f.facts["missing_years"] == [2020, 2021, 2022, 2023, 2024]


def test_verantwoording_left_out_is_unknown() -> None:
    """Left out: unknown."""
    f = duty(VERANTWOORDING, {"gedragscode": "2021-01-01"})
    assert (f.status, f.due) == (Status.UNKNOWN, None)
    assert "(facts.verantwoording)" in f.message("en")


def test_the_deadline_is_a_library_default_not_law() -> None:
    """31 December of the next year is the library's choice: the law says only "jaarlijks"."""
    from integriteit.policy import VERANTWOORDING_DEADLINE, OriginKind

    assert VERANTWOORDING_DEADLINE.default == "12-31"
    assert VERANTWOORDING_DEADLINE.origin is OriginKind.ORGANISATION
    assert "sets no date" in VERANTWOORDING_DEADLINE.origin_note.en
    assert ambtenarenwet.FIRST_VERANTWOORDING_YEAR == 2020
    rule = next(r for r in integriteit.rules() if r.id == VERANTWOORDING)
    assert rule.parameters == ("verantwoording_deadline",)
    assert rule.explanation is not None
    assert "the law says only 'yearly'" in rule.explanation.en
    assert "default 31 December" in rule.explanation.en


# --- art. 5(1)(b): nevenwerkzaamheden, per employee ------------------------------------------


def test_registered_nevenwerk_is_ok() -> None:
    """Every reported nevenwerkzaamheid registered: ok, no deadline."""
    f = nevenwerk([item(), item("docent", "2024-01-10")])
    assert (f.status, f.due) == (Status.OK, None)
    assert f.facts["count"] == 2
    assert f.message("en") == "2 nevenwerkzaamheden reported and registered."


def test_unregistered_nevenwerk_is_overdue() -> None:
    """Reported but not registered: overdue (the law sets no term), with counts and the day
    it was reported, never the activity (personal data the reader does not need)."""
    f = nevenwerk([item(), item("eigen adviesbureau", registered=False)])
    assert (f.status, f.due) == (Status.OVERDUE, None)
    reported = f.facts["reported"]
    assert isinstance(reported, Text)  # a phrase: its dates ISO here, as JSON writes them
    assert f.message("en") == (f"1 of 2 reported nevenwerkzaamheden not registered "
                               f"(reported on {reported.get('en')}).")
    assert f.message("nl") == (f"1 van 2 gemelde nevenwerkzaamheden niet geregistreerd "
                               f"(gemeld op {reported.get('nl')}).")
    assert "adviesbureau" not in repr(f.facts)


def test_unknown_registration_is_unknown() -> None:
    """Whether it was registered is not stated: unknown."""
    f = nevenwerk([item(), item("docent", registered=None)])
    assert (f.status, f.due) == (Status.UNKNOWN, None)
    assert f.message("en").startswith("For 1 of 2 reported nevenwerkzaamheden "
                                      "registration is not stated (reported on ")
    assert "docent" not in f.message("en")


def test_not_registered_beats_unknown() -> None:
    """One not registered and one unknown: overdue, naming only the unregistered one."""
    f = nevenwerk([item("docent", registered=None), item("adviseur", registered=False)])
    assert f.status is Status.OVERDUE
    assert (f.facts["missing"], f.facts["count"]) == (1, 2)


@pytest.mark.parametrize("employment", NOT_AMBTENAAR)
def test_not_an_ambtenaar_is_not_applicable(employment: str) -> None:
    """Externals, agency staff, seconded staff and interns are not bound by art. 5 and 8."""
    for items in (None, [item(registered=False)]):
        f = nevenwerk(items, employment=employment)
        assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
        assert f.message("en") == (f"Not an ambtenaar ({employment}); the registration duty "
                                   "of art. 5 does not apply.")


@pytest.mark.parametrize("items", [[], [item(employee="A2", registered=False)]],
                         ids=["none-at-all", "only-someone-else"])
def test_none_reported_is_not_applicable(items: list[dict[str, Any]]) -> None:
    """An ambtenaar who reported nothing: not applicable (another's report does not count)."""
    f = nevenwerk(items)
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.message("en") == "No nevenwerkzaamheden reported."


def test_reported_after_the_reference_date_is_ignored() -> None:
    """A report after the reference date was not made yet on it; one on it counts."""
    later = item("eigen adviesbureau", "2026-06-02", registered=False)
    assert nevenwerk([later]).status is Status.NOT_APPLICABLE
    assert nevenwerk([item(), later]).status is Status.OK
    on_the_day = item("eigen adviesbureau", AT.isoformat(), registered=False)
    assert nevenwerk([on_the_day]).status is Status.OVERDUE


def test_nevenwerk_left_out_is_unknown_for_ambtenaren_only() -> None:
    """Nothing stated about nevenwerkzaamheden: unknown for each ambtenaar."""
    result = integriteit.check(document({"gedragscode": "2021-01-01"}), AT, rules=[NEVENWERK])
    assert {f.subject: f.status for f in result.findings} == {
        "A1": Status.UNKNOWN, "A2": Status.UNKNOWN, "X1": Status.NOT_APPLICABLE}
    assert "(facts.nevenwerkzaamheden)" in result.findings[0].message("en")


def test_nevenwerk_null_is_read_as_none_reported() -> None:
    """``null`` is read like an empty list: nothing reported (see docs/rules/ambtenarenwet)."""
    assert nevenwerk(None).status is Status.UNKNOWN
    f = integriteit.check(document({"nevenwerkzaamheden": None}), AT, rules=[NEVENWERK])
    assert {x.subject: x.status for x in f.findings}["A1"] is Status.NOT_APPLICABLE


def test_publication_is_not_checked_yet() -> None:
    """Art. 5(1)(c) publication is recorded only: registered but not published is still ok."""
    f = nevenwerk([item(published=False)])
    assert f.status is Status.OK


def test_one_nevenwerk_finding_per_employee() -> None:
    """Every employee gets exactly one finding, named by their id."""
    result = integriteit.check(document({"nevenwerkzaamheden": [item()]}), AT,
                               rules=[NEVENWERK])
    assert [f.subject for f in result.findings] == ["A1", "A2", "X1"]
    assert result.findings[0].source("en") == (
        "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(b) and art. 8(2)(a)")


def test_check_employee_runs_the_nevenwerk_rule_without_facts() -> None:
    """``check_employee`` has no document facts: the nevenwerk rule says unknown; with no
    functions designated, publication does not apply."""
    gemeente = Organisation("Gemeente G", OrganisationKind.GEMEENTE)
    found = integriteit.check_employee(EMPLOYEES[0], AT, organisation=gemeente)
    assert [(f.rule, f.status) for f in found] == [
        ("ambtenarenwet.eed", Status.OVERDUE), (NEVENWERK, Status.UNKNOWN),
        ("ambtenarenwet.openbaarmaking", Status.NOT_APPLICABLE)]
    # Without an organisation (kind overig): a start in 2018 fell under art. 125quinquies,
    # which bound only Rijk, provincies, gemeenten and waterschappen.
    [oath, *_] = integriteit.check_employee(EMPLOYEES[0], AT)
    assert oath.status is Status.NOT_APPLICABLE


# --- versions: the old Ambtenarenwet before 2020 ----------------------------------------------

OLD_FACTS: dict[str, Any] = {
    "integriteitsbeleid": "2015-01-01", "gedragscode": "2015-01-01",
    "integriteit_in_gesprekken": True, "training": [{"date": "2018-05-01"}],
    "financiele_belangen": "2015-01-01", "verantwoording": [],
    "nevenwerkzaamheden": [item(reported="2018-04-01")],
}


@pytest.mark.parametrize(("rule", "en", "nl"), [
    (INTEGRITEITSBELEID, "Ambtenarenwet (BWBR0001947) art. 125quater(a)",
     "Ambtenarenwet (BWBR0001947) art. 125quater onder a"),
    (PERSONEELSBELEID, "Ambtenarenwet (BWBR0001947) art. 125quater(b)",
     "Ambtenarenwet (BWBR0001947) art. 125quater onder b"),
    (GEDRAGSCODE, "Ambtenarenwet (BWBR0001947) art. 125quater(c)",
     "Ambtenarenwet (BWBR0001947) art. 125quater onder c"),
    (NEVENWERK, "Ambtenarenwet (BWBR0001947) art. 125quinquies(1)(b)",
     "Ambtenarenwet (BWBR0001947) art. 125quinquies lid 1 onder b"),
    (FINANCIELE_BELANGEN, "Ambtenarenwet (BWBR0001947) art. 125quinquies(1)(e)",
     "Ambtenarenwet (BWBR0001947) art. 125quinquies lid 1 onder e"),
])
@pytest.mark.parametrize("kind", OLD_KINDS)
def test_before_2020_the_old_articles_apply(rule: str, en: str, nl: str, kind: str) -> None:
    """As of 2019-06-01 the duties are judged under art. 125quater and 125quinquies."""
    result = integriteit.check(document(OLD_FACTS, kind=kind), OLD_LAW_AT, rules=[rule])
    f = result.findings[0]
    assert f.status is Status.OK
    assert (f.source("en"), f.source("nl")) == (en, nl)


@pytest.mark.parametrize("rule", [INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE,
                                  FINANCIELE_BELANGEN, NEVENWERK])
def test_version_boundary_is_1_january_2020(rule: str) -> None:
    """31 December 2019: the old article; 1 January 2020: the Ambtenarenwet 2017."""
    doc = document(OLD_FACTS, kind="provincie")
    old = integriteit.check(doc, date(2019, 12, 31), rules=[rule]).findings[0]
    new = integriteit.check(doc, date(2020, 1, 1), rules=[rule]).findings[0]
    assert "2017" not in old.source("en")
    assert new.source("en").startswith("Ambtenarenwet 2017 (BWBR0001947) art. ")


@pytest.mark.parametrize("rule", [INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE,
                                  FINANCIELE_BELANGEN])
def test_overig_is_not_bound_before_2020(rule: str) -> None:
    """Art. 125quater and 125quinquies bound only Rijk, provincies, gemeenten, waterschappen:
    another public employer has no such duty before 2020, and has it from 2020."""
    f = duty(rule, {}, OLD_LAW_AT, kind="overig")
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.facts["kind"] == "overig"
    assert "Rijk, provinces, municipalities and water authorities" in f.message("en")
    assert duty(rule, {}, date(2020, 1, 1), kind="overig").status is Status.UNKNOWN


@pytest.mark.parametrize("rule", [INTEGRITEITSBELEID, PERSONEELSBELEID, GEDRAGSCODE,
                                  FINANCIELE_BELANGEN])
def test_applies_to_says_the_same_for_the_checklist(rule: str) -> None:
    """``Rule.applies_to``: the old version not for ``overig``, the new one for every kind."""
    r = next(x for x in integriteit.rules() if x.id == rule)
    assert r.applies_to is not None
    old, new = r.versions
    for kind in OrganisationKind:
        org = Organisation("X", kind)
        assert r.applies_to(org, old) is (kind is not OrganisationKind.OVERIG)
        assert r.applies_to(org, new) is True


def test_overig_nevenwerk_is_not_bound_before_2020() -> None:
    """Before 2020 an 'overig' employer had no duty to register nevenwerkzaamheden."""
    f = nevenwerk([item(reported="2018-04-01", registered=False)], OLD_LAW_AT, kind="overig")
    assert f.status is Status.NOT_APPLICABLE
    r = next(x for x in integriteit.rules() if x.id == NEVENWERK)
    assert r.applies_to is not None
    assert r.applies_to(Organisation("X", OrganisationKind.OVERIG), r.versions[0]) is False


def test_overig_message_names_the_article_of_the_duty() -> None:
    """The not_applicable message names the old article the rule cites."""
    f = duty(FINANCIELE_BELANGEN, {}, OLD_LAW_AT, kind="overig")
    assert "125quinquies" in f.message("en")


@pytest.mark.parametrize("kind", [*OLD_KINDS, "overig"])
@pytest.mark.parametrize("at", [OLD_LAW_AT, date(2019, 12, 31)])
def test_verantwoording_before_2020_is_not_applicable(kind: str, at: date) -> None:
    """Art. 125quater(d) required agreeing how to account, not publishing: before 2020 the
    verantwoording rule is not in force, for any employer, whatever the facts."""
    for facts in ({}, {"verantwoording": None}):
        f = duty(VERANTWOORDING, facts, at, kind=kind)
        assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
        assert f.message("en") == (
            "Before 2020, art. 125quater(d) only required agreeing how to account, not "
            f"publishing; {at.isoformat()} is earlier.")
        assert "125quater onder d" in f.message("nl")


def test_old_law_personnel_policy_reads_the_same_facts() -> None:
    """Under art. 125quater(b) the same facts decide: talks false is overdue in 2019 too."""
    f = duty(PERSONEELSBELEID, {"integriteit_in_gesprekken": False, "training": []},
             OLD_LAW_AT, kind="waterschap")
    assert f.status is Status.OVERDUE
    assert "125quater(b)" in f.source("en")


# --- input errors of the new facts ------------------------------------------------------------


def problems(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """The loader's problems for the document with ``facts``, as (path, English message)."""
    with pytest.raises(InputError) as info:
        document(facts)
    return [(p.path, p.message.en) for p in info.value.problems]


def test_nevenwerk_must_name_an_employee_of_the_document() -> None:
    """A nevenwerkzaamheid of an unknown employee id is an input error at its path."""
    assert problems({"nevenwerkzaamheden": [item(), item(employee="P404")]}) == [
        ("facts.nevenwerkzaamheden[1].employee", "no employee with id 'P404' in employees")]


def test_nevenwerk_of_an_external_is_accepted_input() -> None:
    """Any employee of the document may be named, externals too (their finding says why not)."""
    document({"nevenwerkzaamheden": [item(employee="X1")]})


def test_verantwoording_years_are_unique() -> None:
    """A year given twice: the second is an error naming the first."""
    assert problems({"verantwoording": accounts((2021, "2022-01-10"), (2022, "2023-01-10"),
                                                (2021, "2022-03-01"))}) == [
        ("facts.verantwoording[2].year",
         "year 2021 is already given (facts.verantwoording[0])")]


@pytest.mark.parametrize("year", [1999, 3000, 0, -2020])
def test_verantwoording_year_from_2000_to_2999(year: int) -> None:
    """A year outside 2000..2999 is an error at its path."""
    found = problems({"verantwoording": accounts((year, "2022-01-10"))})
    assert found[0] == ("facts.verantwoording[0].year",
                        f"{year} is not a year from 2000 to 2999")


@pytest.mark.parametrize("year", [2000, 2999])
def test_verantwoording_year_bounds_are_accepted(year: int) -> None:
    """2000 and 2999 themselves are accepted."""
    document({"verantwoording": accounts((year, f"{year}-01-01"))})


def test_verantwoording_not_published_before_its_year() -> None:
    """An account published before its own year began is an error; on 1 January it is not."""
    assert problems({"verantwoording": accounts((2022, "2021-12-31"))}) == [
        ("facts.verantwoording[0].published", "2021-12-31 is before the year 2022 itself")]
    document({"verantwoording": accounts((2022, "2022-01-01"))})


def test_training_attendees_not_negative() -> None:
    """A negative number of attendees is an error; zero is not."""
    assert problems({"training": [{"date": "2025-01-01", "attendees": 0},
                                  {"date": "2025-02-01", "attendees": -1}]}) == [
        ("facts.training[1].attendees", "-1 is negative")]


def test_every_problem_of_the_new_facts_at_once_in_both_languages() -> None:
    """All problems are listed together, in input order, in Dutch and English."""
    facts = {"nevenwerkzaamheden": [item(employee="Q")],
             "verantwoording": accounts((2021, "2020-01-01"), (1999, "2020-01-01")),
             "training": [{"date": "2025-01-01", "attendees": -3}]}
    with pytest.raises(InputError) as info:
        document(facts)
    assert [p.path for p in info.value.problems] == [
        "facts.nevenwerkzaamheden[0].employee", "facts.verantwoording[0].published",
        "facts.verantwoording[1].year", "facts.training[0].attendees"]
    assert info.value.render("nl").splitlines()[0] == (
        "<dict>: facts.nevenwerkzaamheden[0].employee: geen medewerker met id 'Q' in employees")


@pytest.mark.parametrize(("facts", "path"), [
    ({"training": [{"date": "2025-13-01"}]}, "facts.training[0].date"),
    ({"training": [{"attendees": 3}]}, "facts.training[0].date"),
    ({"verantwoording": [{"year": "2021", "published": "2022-01-01"}]},
     "facts.verantwoording[0].year"),
    ({"verantwoording": [{"year": 2021}]}, "facts.verantwoording[0].published"),
    ({"nevenwerkzaamheden": [{"employee": "A1", "reported": "2025-01-01"}]},
     "facts.nevenwerkzaamheden[0].activity"),
    ({"nevenwerkzaamheden": [item(registered="ja")]}, "facts.nevenwerkzaamheden[0].registered"),
    ({"integriteit_in_gesprekken": "ja"}, "facts.integriteit_in_gesprekken"),
    ({"gedragscode": "9-3-2021"}, "facts.gedragscode"),
    ({"financiele_belangen": True}, "facts.financiele_belangen"),
    ({"nevenwerk": []}, "facts.nevenwerk"),
])
def test_malformed_new_facts_are_reported_at_their_path(facts: dict[str, Any],
                                                        path: str) -> None:
    """Wrong types, bad dates, missing and unknown keys: one problem, at its path."""
    assert [p for p, _ in problems(facts)] == [path]


def test_employee_function_is_optional_text() -> None:
    """``function`` is free text or null; anything else is an error at its path."""
    doc = document(employees=[{**EMPLOYEES[0], "function": "inkoper"},
                              {**EMPLOYEES[1], "function": None}])
    assert [e.function for e in doc.employees] == ["inkoper", None]
    with pytest.raises(InputError) as info:
        document(employees=[{**EMPLOYEES[0], "function": 14}])
    assert [p.path for p in info.value.problems] == ["employees[0].function"]


def test_cli_reports_a_nevenwerk_of_an_unknown_employee(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On the command line: exit 2, one line naming the file and the field."""
    data = {"organisation": {"name": "X", "kind": "gemeente"}, "employees": EMPLOYEES,
            "facts": {"nevenwerkzaamheden": [item(employee="P404")]}}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path), "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"integriteit: error: {path}: facts.nevenwerkzaamheden[0].employee: "
                   "no employee with id 'P404' in employees\n")


def test_unknown_facts_key_does_not_offer_stated() -> None:
    """The allowed keys of ``facts`` are the facts a document can give."""
    [(path, message)] = problems({"stated": ["gedragscode"]})
    assert path == "facts.stated"
    assert "stated" not in message


# --- null ("not adopted") versus left out ("unknown") -----------------------------------------


def test_null_and_left_out_survive_a_round_trip() -> None:
    """``dumps`` writes a fact stated as null as null and leaves out what was left out;
    ``loads`` reads it back to the same findings."""
    doc = document({"gedragscode": None, "training": None, "integriteitsbeleid": "2020-02-03",
                    "integriteit_in_gesprekken": True})
    data = integriteit.dump_document(doc)
    assert data["facts"] == {"integriteitsbeleid": "2020-02-03",
                             "integriteit_in_gesprekken": True, "gedragscode": None,
                             "training": None}
    back = integriteit.loads(integriteit.dumps(doc))
    assert back.facts.given == doc.facts.given == {
        "gedragscode", "training", "integriteitsbeleid", "integriteit_in_gesprekken"}
    statuses = {f.rule: f.status for f in integriteit.check(back, AT).findings
                if f.rule in ORGANISATION_DUTIES}
    assert statuses == {INTEGRITEITSBELEID: Status.OK, PERSONEELSBELEID: Status.OVERDUE,
                        GEDRAGSCODE: Status.OVERDUE, VERANTWOORDING: Status.UNKNOWN,
                        FINANCIELE_BELANGEN: Status.UNKNOWN}
    assert statuses == {f.rule: f.status for f in integriteit.check(doc, AT).findings
                        if f.rule in ORGANISATION_DUTIES}


def test_the_demo_keeps_its_null_through_print_input(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo's ``"financiele_belangen": null`` is printed by ``demo --print-input``."""
    assert main(["demo", "--print-input"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["facts"]["financiele_belangen"] is None
    assert "financiele_belangen" in integriteit.loads(json.dumps(printed)).facts.given


def test_a_loaded_empty_facts_object_states_nothing() -> None:
    """``"facts": {}`` states nothing: every duty unknown, as with no facts at all."""
    for facts in ({}, None):
        doc = document(facts)
        assert doc.facts.given == frozenset()
        assert {f.status for f in integriteit.check(doc, AT, rules=ORGANISATION_DUTIES)
                .findings} == {Status.UNKNOWN}


def test_facts_stated_only_as_null_survive_a_round_trip() -> None:
    """``{"financiele_belangen": null}`` alone is still stated after ``loads(dumps(doc))``."""
    doc = document({"financiele_belangen": None})
    assert duty(FINANCIELE_BELANGEN, {"financiele_belangen": None}).status is Status.OVERDUE
    back = integriteit.loads(integriteit.dumps(doc))
    assert back.facts.given == {"financiele_belangen"}
    [f] = integriteit.check(back, AT, rules=[FINANCIELE_BELANGEN]).findings
    assert f.status is Status.OVERDUE


def test_training_session_model() -> None:
    """A training session is a date and an optional number of attendees."""
    assert TrainingSession(date(2025, 1, 1)).attendees is None
