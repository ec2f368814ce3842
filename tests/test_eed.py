"""The oath rule ``ambtenarenwet.eed``: every status, the deadline arithmetic, the term, the law.

Ambtenarenwet 2017 art. 5 lid 1 onder a: the employer ensures the ambtenaar takes the eed or
belofte "bij indiensttreding". The term (default 2 months) is organisation policy; the deadline is
the start plus that many calendar months, clamped to the end of a shorter month, and the deadline
day itself is still in time. Facts dated after the reference date are not known on that date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import integriteit
from integriteit import EmploymentKind, Finding, PolicyError, Status
from integriteit.termijnen import Term, TermOrigin

EED = "ambtenarenwet.eed"
D = date.fromisoformat


def oath_finding(
    start: str,
    at: str,
    *,
    oath: str | None = None,
    end: str | None = None,
    employment: str = "ambtenaar",
    form: str = "eed",
    policy_months: int | None = None,
    term_months: int | None = None,
) -> Finding:
    """The oath rule's one finding for one employee, loaded the way users load documents."""
    emp: dict[str, Any] = {"id": "E1", "start": start, "employment": employment}
    if end is not None:
        emp["end"] = end
    if oath is not None:
        emp["oath"] = {"date": oath, "form": form}
    data: dict[str, Any] = {
        "organisation": {"name": "Gemeente Test", "kind": "gemeente"},
        "employees": [emp],
    }
    if policy_months is not None:
        data["policy"] = {"oath_term_months": policy_months}
    doc = integriteit.from_dict(data)
    result = integriteit.check(doc, D(at), term_months=term_months, rules=[EED])
    [finding] = result.findings
    assert finding.rule == EED
    assert finding.subject == "E1"
    return finding


def oath_only(findings: tuple[Finding, ...]) -> list[Finding]:
    """The oath rule's findings among ``check_employee``'s (which runs every employee rule)."""
    return [f for f in findings if f.rule == EED]


# --- ok and late -----------------------------------------------------------------------------


def test_oath_within_term_is_ok() -> None:
    """An oath taken before the deadline is ok, and the deadline is start + 2 months."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-03-01", form="belofte")
    assert f.status is Status.OK
    assert f.due == date(2024, 3, 15)
    assert f.message("en") == (
        "Taken (belofte) on 2024-03-01, within the term: by 2024-03-15 "
        "(2 months after the start of employment on 2024-01-15)."
    )
    assert "binnen de termijn" in f.message("nl")


def test_oath_on_start_day_is_ok() -> None:
    """An oath on the first day of employment is in time."""
    assert oath_finding("2024-01-15", "2024-06-01", oath="2024-01-15").status is Status.OK


def test_oath_on_deadline_day_is_in_time() -> None:
    """The deadline day itself is still in time."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-03-15")
    assert f.status is Status.OK
    assert f.due == date(2024, 3, 15)


def test_oath_on_day_after_deadline_is_late() -> None:
    """An oath on the day after the deadline is late by one day."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-03-16")
    assert f.status is Status.LATE
    assert f.due == date(2024, 3, 15)
    assert f.facts["days_late"] == 1
    assert "1 day after the term ended on 2024-03-15" in f.message("en")
    assert "1 dag na het einde van de termijn op 2024-03-15" in f.message("nl")


def test_late_oath_counts_days_after_deadline() -> None:
    """A late finding says how many days after the deadline the oath was taken."""
    f = oath_finding("2025-02-03", "2026-06-01", oath="2025-05-20")
    assert f.status is Status.LATE
    assert f.due == date(2025, 4, 3)
    assert f.facts["days_late"] == 47
    assert "47 days" in f.message("en")


def test_oath_on_reference_date_counts() -> None:
    """An oath dated on the reference date itself is known on that date."""
    f = oath_finding("2024-01-15", "2024-02-01", oath="2024-02-01")
    assert f.status is Status.OK


def test_oath_on_last_day_of_employment_is_ok() -> None:
    """An oath on the last day of employment is not after the end."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-02-01", end="2024-02-01")
    assert f.status is Status.OK


# --- due and overdue -------------------------------------------------------------------------


def test_no_oath_within_term_is_due() -> None:
    """Without an oath and with the deadline still ahead, the oath is due."""
    f = oath_finding("2024-01-15", "2024-02-01")
    assert f.status is Status.DUE
    assert f.due == date(2024, 3, 15)
    assert f.message("en") == (
        "No eed or belofte yet; to be taken by 2024-03-15 (2 months after the start of "
        "employment on 2024-01-15; 43 days left)."
    )


def test_no_oath_on_start_day_is_due() -> None:
    """On the first day of employment the oath is due."""
    assert oath_finding("2024-01-15", "2024-01-15").status is Status.DUE


def test_no_oath_on_deadline_day_is_still_due() -> None:
    """On the deadline day itself the oath is still due, with today is the last day."""
    f = oath_finding("2024-01-15", "2024-03-15")
    assert f.status is Status.DUE
    assert "today is the last day" in f.message("en")


def test_no_oath_on_day_after_deadline_is_overdue() -> None:
    """On the day after the deadline a missing oath is overdue."""
    f = oath_finding("2024-01-15", "2024-03-16")
    assert f.status is Status.OVERDUE
    assert f.due == date(2024, 3, 15)
    assert f.facts["days_overdue"] == 1
    assert "the term ended on 2024-03-15" in f.message("en")
    assert "(2 months after the start of employment on 2024-01-15; yesterday)" in f.message("en")
    assert f.message("nl").endswith("; gisteren).")
    assert "de termijn verstreek op 2024-03-15" in f.message("nl")


def test_left_after_deadline_without_oath_is_overdue_and_says_so() -> None:
    """Left after the deadline without an oath: overdue, and the message says they left."""
    f = oath_finding("2024-01-15", "2024-06-01", end="2024-04-30")
    assert f.status is Status.OVERDUE
    assert f.due == date(2024, 3, 15)
    assert "left on 2024-04-30" in f.message("en")
    assert "uit dienst sinds 2024-04-30" in f.message("nl")


def test_left_on_deadline_day_without_oath_is_overdue() -> None:
    """Employed on the deadline day itself: the duty applied, so a missing oath is overdue."""
    f = oath_finding("2024-01-15", "2024-06-01", end="2024-03-15")
    assert f.status is Status.OVERDUE


def test_leaving_later_within_term_is_still_due() -> None:
    """An end of employment after the reference date does not stop the term running."""
    f = oath_finding("2024-01-15", "2024-02-01", end="2024-03-01")
    assert f.status is Status.DUE


# --- not applicable --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "nl", "en"),
    [
        ("inhuur", "Externe inhuur", "Hired external"),
        ("uitzendkracht", "Uitzendkracht", "Agency worker"),
        ("gedetacheerd", "Gedetacheerd", "Seconded"),
        ("stagiair", "Stagiair", "Intern"),
    ],
)
@pytest.mark.parametrize("oath", [None, "2023-01-01", "2024-02-01"])
def test_non_ambtenaar_is_not_applicable(kind: str, nl: str, en: str, oath: str | None) -> None:
    """The oath duty binds only ambtenaren: other kinds are not_applicable, oath or not."""
    f = oath_finding("2024-01-15", "2024-06-01", employment=kind, oath=oath)
    assert f.status is Status.NOT_APPLICABLE
    assert f.due is None
    assert f.message("nl").startswith(nl)
    assert f.message("en").startswith(en)
    assert "Ambtenarenwet 2017 art. 1" in f.message("en")


def test_every_employment_kind_but_ambtenaar_is_covered() -> None:
    """The not_applicable cases above cover every non-ambtenaar employment kind."""
    assert {k.value for k in EmploymentKind} == {
        "ambtenaar", "inhuur", "uitzendkracht", "gedetacheerd", "stagiair"}


def test_employee_not_started_is_not_applicable() -> None:
    """Someone who starts after the reference date has no term running yet."""
    f = oath_finding("2026-07-01", "2026-06-01")
    assert f.status is Status.NOT_APPLICABLE
    assert f.due is None
    assert f.message("en") == (
        "Employment starts on 2026-07-01, after the reference date 2026-06-01; "
        "the term has not started."
    )
    assert "ligt na de peildatum 2026-06-01" in f.message("nl")


def test_employee_not_started_with_oath_already_is_not_applicable() -> None:
    """An oath recorded before a future start is not judged before employment starts."""
    f = oath_finding("2026-07-01", "2026-06-01", oath="2026-05-20")
    assert f.status is Status.NOT_APPLICABLE


def test_employee_starting_on_reference_date_is_due() -> None:
    """On the day employment starts the oath is due."""
    assert oath_finding("2026-06-01", "2026-06-01").status is Status.DUE


def test_left_before_deadline_without_oath_is_not_applicable() -> None:
    """Someone who left before the deadline without an oath is not_applicable (no breach)."""
    f = oath_finding("2026-01-15", "2026-06-01", end="2026-02-27")
    assert f.status is Status.NOT_APPLICABLE
    assert f.due is None
    assert f.message("en") == (
        "Left on 2026-02-27, before the term ended on 2026-03-15, without an eed or belofte."
    )
    assert "Uit dienst op 2026-02-27" in f.message("nl")


def test_left_before_deadline_is_not_applicable_within_term_too() -> None:
    """Once the person has left, the term no longer runs, even before the deadline."""
    f = oath_finding("2026-01-15", "2026-03-01", end="2026-02-27")
    assert f.status is Status.NOT_APPLICABLE


def test_left_on_reference_date_before_deadline_is_not_applicable() -> None:
    """Leaving on the reference date (the last day) before the deadline is not_applicable."""
    f = oath_finding("2026-01-15", "2026-02-27", end="2026-02-27")
    assert f.status is Status.NOT_APPLICABLE


# --- invalid ---------------------------------------------------------------------------------


def test_oath_before_start_is_invalid() -> None:
    """An oath dated before the start of employment contradicts the facts: invalid."""
    f = oath_finding("2026-01-05", "2026-06-01", oath="2025-12-18", form="belofte")
    assert f.status is Status.INVALID
    assert f.due == date(2026, 3, 5)
    assert f.message("en") == (
        "The belofte is dated 2025-12-18, 18 days before the start of employment on "
        "2026-01-05; check the date. If it belongs to an earlier employment with this employer, "
        "say so (oath.earlier_employment); an eed or belofte shortly before the first working "
        "day counts only where the policy allows it (oath_days_before_start, now 0)."
    )
    assert "vóór de indiensttreding op 2026-01-05" in f.message("nl")
    assert f.facts["days_before_start"] == 18


def test_oath_day_before_start_is_invalid() -> None:
    """Even one day before the start is invalid."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-01-14")
    assert f.status is Status.INVALID


def test_oath_after_end_is_invalid() -> None:
    """An oath dated after the end of employment contradicts the facts: invalid."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-02-02", end="2024-02-01")
    assert f.status is Status.INVALID
    assert f.due == date(2024, 3, 15)
    assert f.message("en") == (
        "The eed is dated 2024-02-02, after the end of employment on 2024-02-01; "
        "check the date."
    )


def test_oath_after_end_and_after_deadline_is_invalid_not_late() -> None:
    """A late oath after the end is invalid: contradictions come before lateness."""
    f = oath_finding("2024-01-15", "2024-06-01", oath="2024-05-01", end="2024-04-30")
    assert f.status is Status.INVALID


# --- as of the reference date ----------------------------------------------------------------


def test_oath_after_reference_date_is_ignored_within_term() -> None:
    """An oath dated after the reference date was not known then: still due."""
    f = oath_finding("2024-01-15", "2024-02-01", oath="2024-03-01")
    assert f.status is Status.DUE
    assert "oath_date" not in f.facts


def test_oath_after_reference_date_is_ignored_after_deadline() -> None:
    """An oath dated after the reference date was not known then: overdue after the deadline."""
    f = oath_finding("2024-01-15", "2024-04-01", oath="2024-05-01")
    assert f.status is Status.OVERDUE


def test_invalid_oath_after_reference_date_is_ignored() -> None:
    """An oath after both the end and the reference date is not judged (not known yet)."""
    f = oath_finding("2024-01-15", "2024-04-01", oath="2024-05-01", end="2024-04-15")
    assert f.status is Status.OVERDUE


# --- the due field ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"oath": "2024-02-01"}, Status.OK),
        ({"oath": "2024-04-01"}, Status.LATE),
        ({"at": "2024-02-01"}, Status.DUE),
        ({}, Status.OVERDUE),
        ({"oath": "2024-01-01"}, Status.INVALID),
        ({"oath": "2024-02-10", "end": "2024-02-01"}, Status.INVALID),
    ],
    ids=["ok", "late", "due", "overdue", "invalid-before-start", "invalid-after-end"],
)
def test_due_is_the_deadline_when_the_rule_applies(kwargs: dict[str, str], status: Status) -> None:
    """ok, late, due, overdue and invalid findings all carry the deadline as ``due``."""
    at = kwargs.pop("at", "2024-06-01")
    f = oath_finding("2024-01-15", at, **kwargs)  # type: ignore[arg-type]
    assert f.status is status
    assert f.due == date(2024, 3, 15)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"employment": "inhuur"},
        {"start": "2024-07-01"},
        {"end": "2024-02-01"},
    ],
    ids=["not-ambtenaar", "not-started", "left-in-term"],
)
def test_due_is_none_when_not_applicable(kwargs: dict[str, str]) -> None:
    """not_applicable findings have no deadline."""
    start = kwargs.pop("start", "2024-01-15")
    f = oath_finding(start, "2024-06-01", **kwargs)  # type: ignore[arg-type]
    assert f.status is Status.NOT_APPLICABLE
    assert f.due is None


# --- month arithmetic ------------------------------------------------------------------------


def test_deadline_from_31_december_is_29_february_in_leap_year() -> None:
    """31 December 2023 + 2 months = 29 February 2024 (leap year)."""
    f = oath_finding("2023-12-31", "2024-02-01")
    assert f.due == date(2024, 2, 29)


def test_deadline_from_31_december_is_28_february_otherwise() -> None:
    """31 December 2024 + 2 months = 28 February 2025."""
    f = oath_finding("2024-12-31", "2025-02-01")
    assert f.due == date(2025, 2, 28)


def test_one_month_from_31_august_is_30_september() -> None:
    """31 August + 1 month = 30 September (the shorter month's last day)."""
    f = oath_finding("2024-08-31", "2024-09-01", term_months=1)
    assert f.due == date(2024, 9, 30)


def test_oath_on_29_february_after_31_december_start_is_ok() -> None:
    """Start 31 December 2023: an oath on 29 February 2024 is in time."""
    f = oath_finding("2023-12-31", "2024-06-01", oath="2024-02-29")
    assert f.status is Status.OK


def test_oath_on_1_march_after_31_december_start_is_late() -> None:
    """Start 31 December 2023: an oath on 1 March 2024 is one day late."""
    f = oath_finding("2023-12-31", "2024-06-01", oath="2024-03-01")
    assert f.status is Status.LATE
    assert f.facts["days_late"] == 1


def test_month_end_deadline_is_not_moved_to_next_month() -> None:
    """Start 31 December 2024: on 1 March 2025 the oath is overdue (deadline 28 February)."""
    assert oath_finding("2024-12-31", "2025-02-28").status is Status.DUE
    assert oath_finding("2024-12-31", "2025-03-01").status is Status.OVERDUE


@pytest.mark.parametrize(
    ("start", "months", "deadline"),
    [
        ("2024-01-15", 2, "2024-03-15"),
        ("2023-12-29", 2, "2024-02-29"),
        ("2023-12-30", 2, "2024-02-29"),
        ("2022-12-29", 2, "2023-02-28"),
        ("2024-02-29", 2, "2024-04-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-11-30", 2, "2025-01-30"),
        ("2024-10-31", 3, "2025-01-31"),
        ("2024-06-30", 0, "2024-06-30"),
        ("2019-12-31", 120, "2029-12-31"),
    ],
)
def test_deadline_is_start_plus_calendar_months(start: str, months: int, deadline: str) -> None:
    """Deadline = start + N months: the same day number, or the last day of a shorter month."""
    f = oath_finding(start, "2030-01-01", term_months=months, oath=start)
    assert f.due == D(deadline)
    assert Term.of_months(months, TermOrigin.ORGANISATION).deadline(D(start)) == D(deadline)


def test_organisation_term_is_not_extended_by_algemene_termijnenwet() -> None:
    """A deadline on a Sunday stays on that Sunday: the Atw does not cover employer terms."""
    f = oath_finding("2024-01-03", "2024-06-01", oath="2024-03-04")  # deadline Sun 3 March
    assert date(2024, 3, 3).isoweekday() == 7
    assert f.due == date(2024, 3, 3)
    assert f.status is Status.LATE
    assert not Term.of_months(2, TermOrigin.ORGANISATION).atw_applies
    assert Term.of_months(2, TermOrigin.STATUTE).atw_applies


def test_start_at_the_end_of_the_calendar_is_no_rule_failure() -> None:
    """Input the loader accepts never makes the oath rule fail (refusing it on load is fine)."""
    try:
        doc = integriteit.from_dict({
            "organisation": {"name": "X", "kind": "rijk"},
            "employees": [{"id": "E1", "start": "9999-12-01", "employment": "ambtenaar"}]})
    except integriteit.InputError:
        return
    integriteit.check(doc, date(9999, 12, 31), rules=[EED])


def test_negative_term_is_rejected() -> None:
    """A term cannot be negative."""
    with pytest.raises(ValueError, match="negative"):
        Term.of_months(-1, TermOrigin.ORGANISATION)


# --- the term: call > document > default -----------------------------------------------------


def test_default_term_is_two_months() -> None:
    """Without a policy or an override the term is 2 months, marked as the default."""
    f = oath_finding("2024-01-15", "2024-02-01")
    assert f.due == date(2024, 3, 15)
    assert f.facts["term_months"] == 2
    assert f.facts["term_set_by"] == "default"


def test_document_policy_sets_the_term() -> None:
    """``policy.oath_term_months`` in the document replaces the default."""
    f = oath_finding("2024-01-15", "2024-02-01", policy_months=3)
    assert f.due == date(2024, 4, 15)
    assert f.facts["term_set_by"] == "document"
    assert "3 months after the start" in f.message("en")
    assert "3 maanden na indiensttreding" in f.message("nl")


def test_call_term_overrides_default() -> None:
    """``term_months=`` given with the call replaces the default."""
    f = oath_finding("2024-01-15", "2024-02-01", term_months=4)
    assert f.due == date(2024, 5, 15)
    assert f.facts["term_set_by"] == "call"


def test_call_term_overrides_document_policy() -> None:
    """``term_months=`` given with the call wins over the document's policy."""
    f = oath_finding("2024-01-15", "2024-02-01", policy_months=3, term_months=1)
    assert f.due == date(2024, 2, 15)
    assert f.facts["term_set_by"] == "call"
    assert "1 month after the start" in f.message("en")
    assert "1 maand na indiensttreding" in f.message("nl")


def test_call_term_of_zero_overrides_document_policy() -> None:
    """A call term of 0 is a value, not "unset": the deadline is the start day."""
    f = oath_finding("2024-01-15", "2024-01-15", policy_months=3, term_months=0)
    assert f.due == date(2024, 1, 15)
    assert f.status is Status.DUE
    assert oath_finding("2024-01-15", "2024-01-16", term_months=0).status is Status.OVERDUE


def test_document_policy_of_zero_is_used() -> None:
    """A document term of 0 is a value, not "unset"."""
    f = oath_finding("2024-01-15", "2024-01-16", policy_months=0)
    assert f.due == date(2024, 1, 15)
    assert f.facts["term_set_by"] == "document"


@pytest.mark.parametrize("months", [-1, 121])
def test_call_term_out_of_range_is_policy_error(months: int) -> None:
    """A call term outside 0..120 months is refused."""
    doc = integriteit.from_dict({"organisation": {"name": "X", "kind": "rijk"}})
    with pytest.raises(PolicyError, match="oath_term_months"):
        integriteit.check(doc, date(2024, 1, 1), term_months=months)


def test_check_employee_accepts_term_and_policy() -> None:
    """``check_employee`` applies the same precedence: call over policy over default."""
    emp = {"id": "N1", "start": "2025-12-31", "employment": "ambtenaar"}
    at = date(2026, 1, 1)
    [default] = oath_only(integriteit.check_employee(emp, at))
    [policy] = oath_only(integriteit.check_employee(emp, at,
                                                    policy=integriteit.PolicySettings(3)))
    [call] = oath_only(integriteit.check_employee(emp, at, policy=integriteit.PolicySettings(3),
                                                  term_months=1))
    assert (default.due, policy.due, call.due) == (
        date(2026, 2, 28), date(2026, 3, 31), date(2026, 1, 31))


# --- which version of the law ----------------------------------------------------------------


def test_start_before_2020_uses_ambtenarenwet_125quinquies() -> None:
    """A start before 2020 is judged under the old Ambtenarenwet art. 125quinquies."""
    f = oath_finding("2019-06-03", "2026-06-01", oath="2019-07-01")
    assert f.status is Status.OK
    nl = f.source("nl")
    assert "Ambtenarenwet (BWBR0001947) art. 125quinquies lid 1 onder a" in nl
    assert "lid 2" in nl
    assert "2017" not in nl
    assert "art. 125quinquies(1)(a)" in f.source("en")


def test_start_on_31_december_2019_uses_old_version() -> None:
    """31 December 2019 is the last day of the old version."""
    f = oath_finding("2019-12-31", "2020-03-01")
    assert "125quinquies" in f.source()
    assert f.due == date(2020, 2, 29)


def test_start_from_2020_uses_ambtenarenwet_2017_art_5_and_7() -> None:
    """Employment that started on or after 1 January 2020 is judged under the Ambtenarenwet 2017."""
    f = oath_finding("2020-01-01", "2020-02-01")
    nl = f.source("nl")
    assert "Ambtenarenwet 2017 (BWBR0001947) art. 5 lid 1 onder a" in nl
    assert "art. 7" in nl
    assert "125quinquies" not in nl
    en = f.source("en")
    assert "art. 5(1)(a)" in en
    assert "art. 7" in en


def test_law_of_start_date_applies_after_the_law_changed() -> None:
    """A 2019 start checked in 2026 still cites the law of 2019."""
    f = oath_finding("2019-11-15", "2026-06-01")
    assert f.status is Status.OVERDUE
    assert "125quinquies" in f.source()


def test_old_version_defines_ambtenaar_by_appointment() -> None:
    """Under the old law a non-ambtenaar is told the old definition (aanstelling)."""
    f = oath_finding("2019-06-03", "2026-06-01", employment="inhuur")
    assert f.status is Status.NOT_APPLICABLE
    assert "Ambtenarenwet art. 1: appointed to public service" in f.message("en")
    assert "125quinquies" in f.source()


def test_not_started_employee_is_judged_by_law_of_reference_date() -> None:
    """Before the start, the law of the reference date applies (the duty has not arisen)."""
    f = oath_finding("2020-02-01", "2019-12-15")
    assert f.status is Status.NOT_APPLICABLE
    assert "125quinquies" in f.source()


# --- messages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "at", "kwargs"),
    [
        ("2024-01-15", "2024-06-01", {"oath": "2024-02-01"}),
        ("2024-01-15", "2024-06-01", {"oath": "2024-04-01", "form": "belofte"}),
        ("2024-01-15", "2024-02-01", {}),
        ("2024-01-15", "2024-06-01", {}),
        ("2024-01-15", "2024-06-01", {"end": "2024-05-01"}),
        ("2024-01-15", "2024-06-01", {"end": "2024-02-01"}),
        ("2024-07-15", "2024-06-01", {}),
        ("2024-01-15", "2024-06-01", {"oath": "2024-01-01"}),
        ("2024-01-15", "2024-06-01", {"oath": "2024-03-01", "end": "2024-02-01"}),
        ("2019-01-15", "2024-06-01", {"employment": "stagiair"}),
    ],
)
def test_every_message_renders_in_both_languages(start: str, at: str,
                                                 kwargs: dict[str, Any]) -> None:
    """Every finding has a filled-in message in Dutch and in English, and they differ."""
    f = oath_finding(start, at, **kwargs)
    nl, en = f.message("nl"), f.message("en")
    for text in (nl, en):
        assert text
        assert "{" not in text
        assert "}" not in text
    assert nl != en
    assert f.message() == nl  # Dutch is the default
    if f.due is not None and f.status is not Status.INVALID:
        assert f.due.isoformat() in en


# --- an oath dated after the reference date ----------------------------------------------------


def test_oath_dated_after_the_reference_date_is_said_not_hidden() -> None:
    """On 2026-06-01 an oath recorded for 2026-06-20 was not yet taken: overdue, as before
    (issue 12: a finding never hides a date the document gave), and the message says it."""
    f = oath_finding("2026-03-02", "2026-06-01", oath="2026-06-20")
    assert f.status is Status.OVERDUE
    assert f.facts["recorded_oath_date"] == date(2026, 6, 20)
    assert f.facts["recorded_form"] == "eed"
    assert "oath_date" not in f.facts
    assert f.message("nl").endswith(
        " De eed is geregistreerd op 2026-06-20, na de peildatum 2026-06-01: op de peildatum "
        "nog niet afgelegd.")
    assert "recorded on 2026-06-20, after the reference date 2026-06-01" in f.message("en")
    due = oath_finding("2026-05-15", "2026-06-01", oath="2026-06-20", form="belofte")
    assert due.status is Status.DUE
    assert "De belofte is geregistreerd op 2026-06-20" in due.message("nl")
