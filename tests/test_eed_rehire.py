"""The oath rule and the start of employment it belongs to (issue 11, item 5).

Ambtenarenwet 2017 art. 5 lid 1 onder a ties the eed or belofte to the ambtenaar's
indiensttreding: each start of employment, a re-hire's too. Two organisation parameters say what
the statute leaves open (neither is law):

- ``oath_earlier_employment_counts`` (default false): whether an oath taken in an earlier
  employment with the same employer counts for the new one. The lapsed BZK and Justitie
  regulations asked no new oath after an earlier one in the sector Rijk.
- ``oath_days_before_start`` (default 0): how many days before the first working day an oath
  still counts (a ceremony on the Friday before).

An HR system says an oath is of an earlier employment with ``oath.earlier_employment`` (a flag)
or ``oath.earlier_start`` (the day that employment began).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import integriteit
from integriteit import Finding, InputError, Status

EED = "ambtenarenwet.eed"
D = date.fromisoformat


def finding_for(start: str, at: str, oath: dict[str, Any] | None, *,
                policy: dict[str, Any] | None = None, end: str | None = None,
                kind: str = "gemeente") -> Finding:
    emp: dict[str, Any] = {"id": "E1", "start": start, "employment": "ambtenaar"}
    if oath is not None:
        emp["oath"] = oath
    if end is not None:
        emp["end"] = end
    data: dict[str, Any] = {"organisation": {"name": "Gemeente Test", "kind": kind},
                            "employees": [emp]}
    if policy is not None:
        data["policy"] = policy
    [f] = integriteit.check(integriteit.from_dict(data), D(at), rules=[EED]).findings
    return f


# --- re-hire: an oath of an earlier employment ------------------------------------------------


def test_rehired_ambtenaar_with_oath_of_earlier_employment_is_overdue_by_default() -> None:
    """Re-hired 2024-09-01; the only oath (2019-05-03) is of the employment that began
    2019-04-01. By default it does not count: art. 5(1)(a) asks an oath at each
    indiensttreding. Before issue 11 this was `invalid` (an oath before the start)."""
    f = finding_for("2024-09-01", "2025-01-15",
                    {"date": "2019-05-03", "form": "eed", "earlier_start": "2019-04-01"})
    assert f.status is Status.OVERDUE
    assert f.due == date(2024, 11, 1)
    assert f.facts["earlier_employment"] is True
    assert f.facts["earlier_start"] == date(2019, 4, 1)
    assert f.facts["earlier_oath_date"] == date(2019, 5, 3)
    assert "oath_date" not in f.facts  # no oath for this employment
    assert f.message("en") == (
        "No eed or belofte taken; the term ended on 2024-11-01 (2 months after the start of "
        "employment on 2024-09-01; 75 days ago). The eed of 2019-05-03 belongs to an earlier "
        "employment and does not count for this start of employment (policy "
        "oath_earlier_employment_counts: false).")
    assert "telt niet mee voor deze indiensttreding" in f.message("nl")


def test_rehired_ambtenaar_flag_only_within_term_is_due() -> None:
    """The HR system gives only the flag; within the term the new oath is due."""
    f = finding_for("2024-09-01", "2024-09-20",
                    {"date": "2019-05-03", "form": "belofte", "earlier_employment": True})
    assert f.status is Status.DUE
    assert f.facts["earlier_form"] == "belofte"
    assert "earlier_start" not in f.facts


def test_rehired_ambtenaar_who_left_within_the_term_is_not_applicable() -> None:
    f = finding_for("2024-09-01", "2025-01-15",
                    {"date": "2019-05-03", "form": "eed", "earlier_employment": True},
                    end="2024-10-01")
    assert f.status is Status.NOT_APPLICABLE
    assert "earlier employment" in f.message("en")


def test_rehired_ambtenaar_with_earlier_oath_is_ok_when_policy_counts_it() -> None:
    """An employer following the lapsed BZK line sets oath_earlier_employment_counts."""
    f = finding_for("2024-09-01", "2025-01-15",
                    {"date": "2019-05-03", "form": "eed", "earlier_start": "2019-04-01"},
                    policy={"oath_earlier_employment_counts": True})
    assert f.status is Status.OK
    assert f.due == date(2024, 11, 1)
    assert f.facts["oath_date"] == date(2019, 5, 3)
    assert f.facts["earlier_employment"] is True
    assert f.message("nl") == (
        "Afgelegd (eed) op 2019-05-03 in een eerder dienstverband bij deze werkgever; telt mee "
        "voor de indiensttreding op 2024-09-01 volgens het beleid "
        "(oath_earlier_employment_counts: true).")


def test_earlier_oath_policy_is_read_on_the_day_of_the_new_start() -> None:
    """A dated policy: the value in force on the day of indiensttreding applies."""
    policy = {"oath_earlier_employment_counts": {"2025-01-01": True}}
    oath = {"date": "2019-05-03", "form": "eed", "earlier_employment": True}
    assert finding_for("2024-09-01", "2025-06-01", oath,
                       policy=policy).status is Status.OVERDUE
    assert finding_for("2025-02-01", "2025-06-01", oath, policy=policy).status is Status.OK


def test_rehire_before_2020_applies_the_same_policy_under_art_125quinquies() -> None:
    """The old law (art. 125quinquies: 'bij zijn aanstelling') likewise: a new appointment."""
    f = finding_for("2019-03-01", "2019-06-01",
                    {"date": "2015-02-02", "form": "eed", "earlier_employment": True})
    assert f.status is Status.OVERDUE
    assert f.sources[0].article == "125quinquies"


# --- an oath a few days before the start ------------------------------------------------------


def test_ceremony_on_the_friday_before_the_first_working_day_is_invalid_by_default() -> None:
    """Start Monday 2025-09-01, oath Friday 2025-08-29: 3 days early, invalid at the default 0
    (today's behaviour), and the finding says which parameter would allow it."""
    f = finding_for("2025-09-01", "2025-10-01", {"date": "2025-08-29", "form": "eed"})
    assert f.status is Status.INVALID
    assert f.facts["days_before_start"] == 3
    assert f.facts["days_before_start_allowed"] == 0
    assert "oath_days_before_start" in f.message("nl")


def test_ceremony_on_the_friday_before_counts_when_policy_allows_three_days() -> None:
    f = finding_for("2025-09-01", "2025-10-01", {"date": "2025-08-29", "form": "eed"},
                    policy={"oath_days_before_start": 3})
    assert f.status is Status.OK
    assert f.due == date(2025, 11, 1)
    assert f.message("en") == (
        "Taken (eed) on 2025-08-29, 3 days before the start of employment on 2025-09-01; "
        "counts under the policy (oath_days_before_start: up to 3 days before), within the "
        "term: by 2025-11-01.")
    assert f.facts["days_before_start"] == 3


def test_oath_a_day_more_than_policy_allows_is_invalid() -> None:
    f = finding_for("2025-09-01", "2025-10-01", {"date": "2025-08-28", "form": "eed"},
                    policy={"oath_days_before_start": 3})
    assert f.status is Status.INVALID
    assert f.facts["days_before_start"] == 4


@given(days_early=st.integers(1, 60), allowed=st.integers(0, 31),
       start=st.dates(date(2020, 1, 1), date(2030, 12, 31)))
def test_early_oath_counts_exactly_within_the_allowed_days(days_early: int, allowed: int,
                                                           start: date) -> None:
    oath = {"date": (start - timedelta(days=days_early)).isoformat(), "form": "belofte"}
    f = finding_for(start.isoformat(), (start + timedelta(days=400)).isoformat(), oath,
                    policy={"oath_days_before_start": allowed})
    assert f.status is (Status.OK if days_early <= allowed else Status.INVALID)


def test_oath_days_before_start_out_of_range_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        finding_for("2025-09-01", "2025-10-01", None, policy={"oath_days_before_start": 32})
    assert str(info.value).endswith(
        "policy.oath_days_before_start: 32 is not between 0 and 31 days")


# --- input: an earlier employment that is not earlier ------------------------------------------


@pytest.mark.parametrize(("oath", "path"), [
    ({"date": "2024-09-02", "form": "eed", "earlier_employment": True}, "oath.date"),
    ({"date": "2019-05-03", "form": "eed", "earlier_start": "2024-09-01"}, "oath.earlier_start"),
])
def test_earlier_employment_not_before_this_one_is_an_input_error(oath: dict[str, Any],
                                                                  path: str) -> None:
    data = {"organisation": {"name": "G", "kind": "gemeente"},
            "employees": [{"id": "E1", "start": "2024-09-01", "employment": "ambtenaar",
                           "oath": oath}]}
    with pytest.raises(InputError) as info:
        integriteit.check(integriteit.from_dict(data), D("2025-01-01"))
    [problem] = info.value.problems
    assert problem.path == f"employees[0].{path}"
    assert problem.record == "E1"


def test_hr_export_reads_the_earlier_employment_columns(tmp_path: Path) -> None:
    """The flattened fields oath_earlier_employment and oath_earlier_start, from a CSV with a
    mapping, give the same finding as the JSON document."""
    csv = tmp_path / "personeel.csv"
    csv.write_text("Nr;In dienst;Soort;Datum eed;Vorm;Eed uit eerder dienstverband;"
                   "Eerder in dienst\n"
                   "E1;01-09-2024;Vast;03-05-2019;E;ja;01-04-2019\n"
                   "E2;01-09-2024;Vast;03-05-2019;E;;\n", encoding="utf-8")
    mapping = tmp_path / "kolommen.toml"
    mapping.write_text(
        '[columns]\nid = "Nr"\nstart = "In dienst"\nemployment = "Soort"\n'
        'oath_date = "Datum eed"\noath_form = "Vorm"\n'
        'oath_earlier_employment = "Eed uit eerder dienstverband"\n'
        'oath_earlier_start = "Eerder in dienst"\n'
        '[values.employment]\n"Vast" = "ambtenaar"\n[values.oath_form]\n"E" = "eed"\n',
        encoding="utf-8")
    org = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"}})
    employees = list(integriteit.read_employees(csv, mapping=mapping))
    assert employees[0].oath is not None and employees[0].oath.earlier_start == date(2019, 4, 1)
    assert employees[0].oath.earlier_employment
    assert employees[1].oath is not None and not employees[1].oath.from_earlier_employment
    result = integriteit.check(org, D("2025-01-15"), employees=employees, rules=[EED])
    statuses = {f.subject: f.status for f in result.findings}
    assert statuses == {"E1": Status.OVERDUE, "E2": Status.INVALID}


def test_policy_command_lists_the_two_new_parameters(tmp_path: Path) -> None:
    from integriteit.cli import main
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps({"organisation": {"name": "G", "kind": "gemeente"},
                               "policy": {"oath_days_before_start": 3}}), encoding="utf-8")
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["policy", str(doc), "--lang", "en"])
    text = out.getvalue()
    assert "oath_days_before_start" in text and "oath_earlier_employment_counts" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_text_header_names_the_two_parameters_only_once_set(tmp_path: Path, lang: str) -> None:
    """At their default the two change nothing for most people (the findings they change say
    so themselves), so the text for people names them only once the document sets them."""
    import contextlib
    import io

    from integriteit.cli import main

    def header(policy: dict[str, Any]) -> str:
        doc = tmp_path / "doc.json"
        doc.write_text(json.dumps({
            "organisation": {"name": "G", "kind": "gemeente"}, "policy": policy,
            "employees": [{"id": "E1", "start": "2025-09-01", "employment": "ambtenaar"}]}),
            encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["check", str(doc), "--at", "2025-10-01", "--rule", EED, "--lang", lang,
                  "--explain"])
        return out.getvalue()

    # The parameters by their names for people, and their values as the two are set below.
    term, days, earlier = {
        "nl": ("Termijn voor de eed of belofte", "Eed of belofte vóór de eerste werkdag",
               "Eed uit een eerder dienstverband bij deze werkgever telt mee"),
        "en": ("Term for the eed or belofte", "Eed or belofte before the first day",
               "An oath from an earlier employment with this employer counts")}[lang]
    days_value, earlier_value = {
        "nl": ("2 dagen vóór indiensttreding toegestaan", "ja (true)"),
        "en": ("2 days before the start of employment allowed", "yes (true)")}[lang]
    quiet = header({})
    assert term in quiet  # the term is always named
    assert days not in quiet
    assert earlier not in quiet
    loud = header({"oath_days_before_start": 2, "oath_earlier_employment_counts": True})
    assert f"{days} = {days_value};" in loud  # the header
    assert f"{earlier} = {earlier_value};" in loud
    explained = " ".join(loud.split())  # --explain wraps its lines
    assert f"{days}: {days_value}" in explained
    assert f"{earlier}: {earlier_value}" in explained
