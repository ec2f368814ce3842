"""Rules that read organisation policy: the policy rules and the designation of art. 5(1)(c).

``beleid.integriteitsverklaring`` (externals sign a declaration) and ``beleid.workshop`` (new
starters attend an integrity workshop) are policy, not law: they cite no article, and run only
when the document's policy switches them on at some date (or when named explicitly). They read
the policy in force on the day the person started. ``ambtenarenwet.openbaarmaking`` is statute
(art. 5(1)(c)), but which functions it covers is the organisation's designation, read on the
reference date. The checklist lists a policy rule only when the policy asks for it on its date.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import (
    Binding,
    Document,
    Finding,
    Organisation,
    OrganisationKind,
    PolicySettings,
    Severity,
    Status,
    SubjectKind,
)
from integriteit.checklist import State, checklist
from integriteit.cli import main
from integriteit.exporters.json import finding_to_json
from integriteit.policy import Policy
from integriteit.policy_rules import INTEGRITEITSVERKLARING, WORKSHOP

AT = date(2024, 6, 1)
IV = "beleid.integriteitsverklaring"
WS = "beleid.workshop"
PUB = "ambtenarenwet.openbaarmaking"
ORG: dict[str, Any] = {"name": "Gemeente Beleid", "kind": "gemeente", "headcount": 80}
EXTERNALS = ["inhuur", "uitzendkracht", "gedetacheerd", "stagiair"]


def document(policy: dict[str, Any] | None, employees: list[dict[str, Any]], *,
             facts: dict[str, Any] | None = None, waivers: list[dict[str, Any]] | None = None,
             kind: str = "gemeente") -> Document:
    data: dict[str, Any] = {"organisation": {**ORG, "kind": kind}, "employees": employees}
    if policy is not None:
        data["policy"] = policy
    if facts is not None:
        data["facts"] = facts
    if waivers is not None:
        data["waivers"] = waivers
    return integriteit.from_dict(data)


def findings(rule: str, policy: dict[str, Any] | None, employees: list[dict[str, Any]],
             at: date = AT, **more: Any) -> dict[str, Finding]:
    """The findings of ``rule`` (named explicitly) by subject."""
    result = integriteit.check(document(policy, employees, **more), at, rules=[rule])
    assert {f.rule for f in result.findings} <= {rule}
    return {f.subject: f for f in result.findings}


def rule_ids(doc: Document, at: date = AT) -> set[str]:
    """The rules a check without ``rules=`` runs (every rule has a subject here)."""
    return {r.id for r in integriteit.check(doc, at).rules}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: dict[str, Any], name: str = "org.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def person(pid: str, start: str, employment: str = "inhuur", **more: Any) -> dict[str, Any]:
    return {"id": pid, "start": start, "employment": employment, **more}


# --- the policy rules themselves ---------------------------------------------------------------


@pytest.mark.parametrize(("rule", "parameters"), [
    (INTEGRITEITSVERKLARING, ("integriteitsverklaring_required",
                              "integriteitsverklaring_term_months")),
    (WORKSHOP, ("workshop_required_for", "workshop_term_months")),
])
def test_policy_rules_are_policy_and_cite_no_law(rule: integriteit.Rule,
                                                 parameters: tuple[str, ...]) -> None:
    """Binding ``policy``, a warning per employee, the parameters they read, no sources."""
    assert (rule.binding, rule.severity, rule.subject) == (Binding.POLICY, Severity.WARNING,
                                                           SubjectKind.EMPLOYEE)
    assert rule.parameters == parameters
    assert rule.sources == ()
    [version] = rule.versions
    assert (version.valid_from, version.valid_until, version.sources) == (None, None, ())
    assert version.summary.en == "Organisation policy, not law."
    assert rule.required_by is not None
    assert rule.explanation is not None
    assert rule.explanation.en.startswith("Policy, not law")
    assert rule.explanation.nl.startswith("Beleid, geen wet")


def test_policy_rules_are_registered() -> None:
    """Both are registered (after the statute rules) and listed by ``integriteit.rules()``."""
    ids = [r.id for r in integriteit.rules()]
    assert IV in ids and WS in ids
    assert ids.index(IV) < ids.index(WS)
    assert all(ids.index(IV) > ids.index(s) for s in ids if not s.startswith("beleid."))


def test_required_by_reads_the_policy_on_the_date() -> None:
    settings = PolicySettings(integriteitsverklaring_required={date(2024, 3, 1): True},
                              workshop_required_for={date(2023, 1, 1): "externals",
                                                     date(2025, 1, 1): "none"})
    policy = Policy.resolve(settings)
    assert INTEGRITEITSVERKLARING.required_by is not None
    assert WORKSHOP.required_by is not None
    assert not INTEGRITEITSVERKLARING.required_by(policy, date(2024, 2, 29))
    assert INTEGRITEITSVERKLARING.required_by(policy, date(2024, 3, 1))
    assert not WORKSHOP.required_by(policy, date(2022, 12, 31))
    assert WORKSHOP.required_by(policy, date(2024, 12, 31))
    assert not WORKSHOP.required_by(policy, date(2025, 1, 1))


# --- beleid.integriteitsverklaring ---------------------------------------------------------------

REQUIRED = {"integriteitsverklaring_required": True}

# As of AT, term 0 (the default): the deadline is the first day.
IV_STAFF: list[dict[str, Any]] = [
    person("on-day", "2024-01-15", integriteitsverklaring="2024-01-15"),
    person("before", "2024-01-15", "uitzendkracht", integriteitsverklaring="2023-12-20"),
    person("late", "2024-01-15", "gedetacheerd", integriteitsverklaring="2024-01-16"),
    person("due", "2024-06-01", "stagiair"),
    person("overdue", "2024-01-15", "stagiair"),
    person("known-later", "2024-01-15", integriteitsverklaring="2024-06-02"),
    person("invalid", "2024-01-15", "gedetacheerd", end="2024-03-01",
           integriteitsverklaring="2024-03-05"),
    person("ambtenaar", "2024-01-15", "ambtenaar"),
    person("not-started", "2024-07-01"),
]


@pytest.fixture
def iv() -> dict[str, Finding]:
    return findings(IV, REQUIRED, IV_STAFF)


def test_integriteitsverklaring_statuses(iv: dict[str, Finding]) -> None:
    """Signed by the first day ok (before the start too), after it late, not signed due or
    overdue, signed after leaving invalid; ambtenaren and future starters not applicable."""
    assert {s: (f.status, f.due) for s, f in iv.items()} == {
        "on-day": (Status.OK, date(2024, 1, 15)),
        "before": (Status.OK, date(2024, 1, 15)),
        "late": (Status.LATE, date(2024, 1, 15)),
        "due": (Status.DUE, date(2024, 6, 1)),
        "overdue": (Status.OVERDUE, date(2024, 1, 15)),
        "known-later": (Status.OVERDUE, date(2024, 1, 15)),  # signed after the reference date
        "invalid": (Status.INVALID, date(2024, 1, 15)),
        "ambtenaar": (Status.NOT_APPLICABLE, None),
        "not-started": (Status.NOT_APPLICABLE, None),
    }


def test_integriteitsverklaring_messages(iv: dict[str, Finding]) -> None:
    assert iv["before"].message("en") == (
        "Integriteitsverklaring signed on 2023-12-20, within the term: by 2024-01-15 (on the "
        "first day, 2024-01-15; organisation policy).")
    assert iv["late"].message("en") == (
        "Integriteitsverklaring signed on 2024-01-16, 1 day after the term ended on "
        "2024-01-15 (on the first day, 2024-01-15; organisation policy).")
    assert iv["due"].message("en") == (
        "Integriteitsverklaring signed: not yet; due by 2024-06-01 (on the first day, "
        "2024-06-01; organisation policy; today is the last day).")
    assert iv["overdue"].message("en") == (
        "Integriteitsverklaring signed: not done; the term ended on 2024-01-15 (on the first "
        "day, 2024-01-15; organisation policy; 138 days ago).")
    assert iv["overdue"].message("nl") == (
        "Integriteitsverklaring getekend: niet gedaan; de termijn verstreek op 2024-01-15 (op "
        "de eerste dag, 2024-01-15; beleid van de organisatie; 138 dagen geleden).")
    assert iv["invalid"].message("en") == (
        "Integriteitsverklaring signed is dated 2024-03-05, after leaving on 2024-03-01; check "
        "the date.")
    assert iv["ambtenaar"].message("en") == (
        "Ambtenaar: takes the eed or belofte (ambtenarenwet.eed), no declaration.")
    assert iv["not-started"].message("en") == (
        "Starts on 2024-07-01, after the reference date 2024-06-01; the term has not started.")


def test_integriteitsverklaring_facts(iv: dict[str, Finding]) -> None:
    """The facts: start, deadline, term and where it came from, and the day signed."""
    facts = dict(iv["late"].facts)
    assert facts["start"] == date(2024, 1, 15)
    assert facts["deadline"] == date(2024, 1, 15)
    assert facts["done"] == date(2024, 1, 16)
    assert facts["days_late"] == 1
    assert facts["integriteitsverklaring_term_months"] == 0
    assert facts["term_set_by"] == "default"
    assert iv["overdue"].facts["days_overdue"] == 138
    assert "done" not in iv["known-later"].facts


@pytest.mark.parametrize("employment", EXTERNALS)
def test_every_kind_of_external_is_asked(employment: str) -> None:
    [f] = findings(IV, REQUIRED, [person("X", "2024-01-15", employment)]).values()
    assert f.status is Status.OVERDUE


def test_findings_cite_no_source_and_explain_says_policy(iv: dict[str, Finding]) -> None:
    """No article: ``source`` is empty, and ``explain`` starts with "Organisation policy, not
    law", then the policy values with their origin."""
    result = integriteit.check(document(REQUIRED, IV_STAFF), AT, rules=[IV])
    assert all(f.sources == () and f.source("en") == "" for f in result.findings)
    [overdue] = [f for f in result.findings if f.subject == "overdue"]
    text = result.explain(overdue, "en")
    assert text.startswith("Organisation policy, not law. Facts: what: Integriteitsverklaring "
                           "signed; start: 15 January 2024; deadline: 15 January 2024; ")
    assert ("Policy: Integriteitsverklaring required from externals: yes (true), set in the "
            "document (organisation policy, not law); Term for the integriteitsverklaring: 0 "
            "months after the start, default: 0 means by the day of the start; ") in text
    assert "Deadline: 0 months after 15 January 2024 = 15 January 2024" in text
    assert result.explain(overdue, "nl").startswith("Beleid van de organisatie, geen wet. "
                                                    "Feiten: ")
    [ambtenaar] = [f for f in result.findings if f.subject == "ambtenaar"]
    assert result.explain(ambtenaar, "en").startswith("Organisation policy, not law. Policy: ")


def test_term_zero_means_the_first_day() -> None:
    """Term 0: due on the start day itself, and that day still in time."""
    staff = [person("X", "2024-05-31")]
    assert findings(IV, REQUIRED, staff, date(2024, 5, 31))["X"].status is Status.DUE
    assert findings(IV, REQUIRED, staff, date(2024, 6, 1))["X"].status is Status.OVERDUE


def test_the_term_in_months_moves_the_deadline() -> None:
    """``integriteitsverklaring_term_months`` 3: due three months after the start."""
    policy = {**REQUIRED, "integriteitsverklaring_term_months": 3}
    found = findings(IV, policy, [person("signed", "2024-01-15",
                                         integriteitsverklaring="2024-04-15"),
                                  person("open", "2024-03-31"),
                                  person("left", "2024-01-15", end="2024-03-01")],
                     date(2024, 6, 1))
    assert (found["signed"].status, found["signed"].due) == (Status.OK, date(2024, 4, 15))
    assert found["signed"].message("en") == (
        "Integriteitsverklaring signed on 2024-04-15, within the term: by 2024-04-15 (3 months "
        "after the start on 2024-01-15; organisation policy).")
    assert found["signed"].facts["term_set_by"] == "document"
    assert (found["open"].status, found["open"].due) == (Status.DUE, date(2024, 6, 30))
    assert found["open"].facts["days_left"] == 29
    # Left before the deadline without a declaration: nothing to judge.
    assert (found["left"].status, found["left"].due) == (Status.NOT_APPLICABLE, None)
    assert found["left"].message("en") == (
        "Left on 2024-03-01, before the term ended on 2024-04-15.")


def test_the_term_of_the_start_day_applies() -> None:
    """A dated term: 0 months until 2024, then 1; each person gets the term of their start."""
    policy = {**REQUIRED, "integriteitsverklaring_term_months": {"2024-03-01": 1}}
    found = findings(IV, policy, [person("early", "2024-02-15"), person("later", "2024-03-15")])
    assert found["early"].due == date(2024, 2, 15)
    assert found["early"].facts["integriteitsverklaring_term_months"] == 0
    assert found["later"].due == date(2024, 4, 15)
    assert found["later"].facts["integriteitsverklaring_term_months"] == 1


def test_not_required_on_the_start_day_is_not_applicable() -> None:
    """Asked only from 1 March 2024: whoever started before that is not asked."""
    policy = {"integriteitsverklaring_required": {"2024-03-01": True}}
    found = findings(IV, policy, [person("before", "2024-02-29"),
                                  person("from", "2024-03-01")])
    assert (found["before"].status, found["before"].due) == (Status.NOT_APPLICABLE, None)
    assert found["before"].message("en") == (
        "On 2024-02-29 the policy asks no integriteitsverklaring of externals "
        "(integriteitsverklaring_required).")
    assert (found["from"].status, found["from"].due) == (Status.OVERDUE, date(2024, 3, 1))


def test_switched_off_later_still_binds_those_who_started_while_on() -> None:
    """Asked from 2020 until 2022: a start in 2021 is judged, a start in 2023 is not."""
    policy = {"integriteitsverklaring_required": {"2020-01-01": True, "2023-01-01": False}}
    doc = document(policy, [person("in-2021", "2021-05-03"), person("in-2023", "2023-05-01")])
    assert IV in rule_ids(doc)
    result = integriteit.check(doc, AT)
    got = {f.subject: f.status for f in result.findings if f.rule == IV}
    assert got == {"in-2021": Status.OVERDUE, "in-2023": Status.NOT_APPLICABLE}


@pytest.mark.parametrize(("rule", "policy"), [
    (IV, {"integriteitsverklaring_required": {"2024-07-01": True}}),
    (WS, {"workshop_required_for": {"2024-07-01": "all"}}),
])
def test_a_future_starter_is_not_started_yet(rule: str, policy: dict[str, Any]) -> None:
    """Starts on 2024-08-01, after the reference date: not applicable because the term has
    not started, and the fact ``start`` is the person's start, not the reference date."""
    [f] = findings(rule, policy, [person("F", "2024-08-01")]).values()
    assert (f.status, f.due) == (Status.NOT_APPLICABLE, None)
    assert f.facts["start"] == date(2024, 8, 1)
    assert f.message("en") == (
        "Starts on 2024-08-01, after the reference date 2024-06-01; the term has not started.")


def test_a_waiver_turns_overdue_into_waived() -> None:
    """A valid waiver suspends an overdue declaration; an ok one stays ok."""
    waivers = [{"rule": IV, "subject": "overdue", "reason": "start uitgesteld",
                "until": "2024-09-30"},
               {"rule": IV, "subject": "on-day", "reason": "n.v.t.", "until": "2024-09-30"}]
    found = findings(IV, REQUIRED, IV_STAFF, waivers=waivers)
    assert (found["overdue"].status, found["overdue"].due) == (Status.WAIVED,
                                                               date(2024, 1, 15))
    assert found["overdue"].facts["waived_status"] == "overdue"
    assert found["overdue"].message("en").startswith(
        "Waived to and including 2024-09-30: start uitgesteld. Without the waiver (overdue): "
        "Integriteitsverklaring signed: not done;")
    assert found["on-day"].status is Status.OK
    after = findings(IV, REQUIRED, IV_STAFF, date(2024, 10, 1), waivers=waivers)
    assert after["overdue"].status is Status.OVERDUE


# --- beleid.workshop -----------------------------------------------------------------------------

WS_STAFF: list[dict[str, Any]] = [
    person("amb", "2024-01-15", "ambtenaar"),
    person("ext", "2024-01-15", "inhuur"),
]


@pytest.mark.parametrize(("required", "amb", "ext"), [
    ("none", Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),
    ("externals", Status.NOT_APPLICABLE, Status.DUE),
    ("all", Status.DUE, Status.DUE),
])
def test_workshop_is_required_of_whom_the_policy_says(required: str, amb: Status,
                                                      ext: Status) -> None:
    """none: nobody; externals: whoever is not an ambtenaar; all: everyone."""
    found = findings(WS, {"workshop_required_for": required}, WS_STAFF)
    assert (found["amb"].status, found["ext"].status) == (amb, ext)


def test_workshop_not_required_says_of_whom() -> None:
    found = findings(WS, {"workshop_required_for": "externals"}, WS_STAFF)
    assert found["amb"].message("en") == (
        "On 2024-01-15 the policy requires no integrity workshop of ambtenaren "
        "(workshop_required_for = externals).")
    found = findings(WS, None, WS_STAFF)
    assert found["ext"].message("en") == (
        "On 2024-01-15 the policy requires no integrity workshop of externals "
        "(workshop_required_for = none).")
    assert found["ext"].message("nl") == (
        "Het beleid vraagt op 2024-01-15 geen integriteitsworkshop van externen "
        "(workshop_required_for = none).")


def test_workshop_term_defaults_to_six_months() -> None:
    """Six months from the start (31 August + 6 months = 29 February in a leap year)."""
    found = findings(WS, {"workshop_required_for": "all"}, [
        person("jan", "2024-01-15", "ambtenaar"),
        person("aug", "2023-08-31", "ambtenaar", workshop="2024-02-29"),
        person("late", "2023-08-31", "stagiair", workshop="2024-03-01")])
    assert (found["jan"].status, found["jan"].due) == (Status.DUE, date(2024, 7, 15))
    assert found["jan"].facts["workshop_term_months"] == 6
    assert found["jan"].facts["term_set_by"] == "default"
    assert found["jan"].facts["days_left"] == 44
    assert found["jan"].message("en") == (
        "Integrity workshop attended: not yet; due by 2024-07-15 (6 months after the start on "
        "2024-01-15; organisation policy; 44 days left).")
    assert (found["aug"].status, found["aug"].due) == (Status.OK, date(2024, 2, 29))
    assert (found["late"].status, found["late"].due) == (Status.LATE, date(2024, 2, 29))


def test_workshop_term_months_changes_the_deadline() -> None:
    found = findings(WS, {"workshop_required_for": "all", "workshop_term_months": 2},
                     WS_STAFF)
    assert (found["amb"].status, found["amb"].due) == (Status.OVERDUE, date(2024, 3, 15))
    assert found["amb"].facts["term_set_by"] == "document"


def test_workshop_after_leaving_is_invalid() -> None:
    found = findings(WS, {"workshop_required_for": "all"}, [
        person("x", "2024-01-15", "ambtenaar", end="2024-02-01", workshop="2024-02-05")])
    assert (found["x"].status, found["x"].due) == (Status.INVALID, date(2024, 7, 15))


def test_workshop_policy_of_the_start_day() -> None:
    """"externals" until 2024, "all" from then: an ambtenaar hired in 2023 is not asked."""
    policy = {"workshop_required_for": {"2022-01-01": "externals", "2024-01-01": "all"}}
    found = findings(WS, policy, [person("amb-2023", "2023-10-02", "ambtenaar"),
                                  person("amb-2024", "2024-01-02", "ambtenaar"),
                                  person("ext-2021", "2021-06-01", "inhuur")])
    assert found["amb-2023"].status is Status.NOT_APPLICABLE
    assert found["amb-2024"].status is Status.DUE
    assert found["ext-2021"].status is Status.NOT_APPLICABLE  # before 2022: none


@pytest.mark.parametrize(("rule", "lines"), [
    (IV, ["  Integriteitsverklaring required from externals (integriteitsverklaring_required), "
          "default: no (false)\n",
          "  Term for the integriteitsverklaring (integriteitsverklaring_term_months), default: 0 "
          "months after the start\n"]),
    (PUB, ["  Functions whose nevenwerkzaamheden are made public (publication_functions), "
           "default: none\n",
           "  Publication of nevenwerkzaamheden from salary scale (publication_scale_from), "
           "default: none (null)\n"]),
])
def test_explain_shows_defaults_as_people_read_them(capsys: pytest.CaptureFixture[str],
                                                     rule: str, lines: list[str]) -> None:
    """``integriteit explain RULE``: each parameter's default as ``integriteit policy`` shows
    it."""
    code, out, _ = run(capsys, "explain", rule, "--lang", "en")
    assert code == 0
    for line in lines:
        assert line in out


# --- which rules run --------------------------------------------------------------------------

STAFF = [person("amb", "2024-01-15", "ambtenaar"), person("ext", "2024-01-15", "inhuur")]


@pytest.mark.parametrize(("policy", "expected"), [
    (None, set()),
    ({}, set()),
    ({"integriteitsverklaring_required": False, "workshop_required_for": "none"}, set()),
    ({"integriteitsverklaring_required": {"2020-01-01": False}}, set()),
    ({"workshop_required_for": {"2020-01-01": "none"}}, set()),
    ({"integriteitsverklaring_required": True}, {IV}),
    ({"workshop_required_for": "externals"}, {WS}),
    ({"workshop_required_for": "all", "integriteitsverklaring_required": True}, {IV, WS}),
    # Switched on only from a date after the reference date: not yet (the check is "as of").
    ({"integriteitsverklaring_required": {"2030-01-01": True}}, set()),
    # Switched on once and off again before the reference date: still run.
    ({"workshop_required_for": {"2019-01-01": "all", "2020-01-01": "none"}}, {WS}),
], ids=["no-policy", "empty", "off", "off-dated", "none-dated", "iv", "ws-externals", "both",
        "later", "once"])
def test_policy_rules_run_when_the_policy_switches_them_on(policy: dict[str, Any] | None,
                                                           expected: set[str]) -> None:
    ran = rule_ids(document(policy, STAFF))
    assert {r for r in ran if r.startswith("beleid.")} == expected
    assert "ambtenarenwet.eed" in ran


def test_switched_on_later_does_not_run_before_that_date() -> None:
    """On from 2030: as of 2024 the rule does not run (the checklist of that day leaves it out
    too); as of 2030 it does, judging people by the policy of their start day."""
    doc = document({"integriteitsverklaring_required": {"2030-01-01": True}}, STAFF)
    assert not [f for f in integriteit.check(doc, AT).findings if f.rule == IV]
    got = [(f.subject, f.status) for f in integriteit.check(doc, date(2030, 6, 1)).findings
           if f.rule == IV]
    assert got == [("amb", Status.NOT_APPLICABLE), ("ext", Status.NOT_APPLICABLE)]


def test_named_rules_run_whatever_the_policy() -> None:
    """``rules=[...]``: a policy rule named runs even when the policy never asks for it."""
    doc = document(None, STAFF)
    result = integriteit.check(doc, AT, rules=[IV, WS])
    assert [r.id for r in result.rules] == [IV, WS]
    assert [(f.rule, f.subject, f.status) for f in result.findings] == [
        (IV, "amb", Status.NOT_APPLICABLE), (WS, "amb", Status.NOT_APPLICABLE),
        (IV, "ext", Status.NOT_APPLICABLE), (WS, "ext", Status.NOT_APPLICABLE)]


def test_check_employee_follows_the_same_logic() -> None:
    """One record: the policy rules only when its ``policy`` asks for them."""
    ext = {"id": "N1", "start": "2024-05-01", "employment": "inhuur"}
    plain = integriteit.check_employee(ext, AT)
    assert not any(f.rule.startswith("beleid.") for f in plain)
    asked = integriteit.check_employee(
        ext, AT, policy=PolicySettings(integriteitsverklaring_required=True,
                                       workshop_required_for={date(2025, 1, 1): "all"}))
    by_rule = {f.rule: f for f in asked}
    assert (by_rule[IV].status, by_rule[IV].due) == (Status.OVERDUE, date(2024, 5, 1))
    assert WS not in by_rule  # asked for only from 2025, after the reference date
    assert all(f.subject == "N1" for f in asked)


def test_command_line_rule_option_runs_a_policy_rule(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    """``--rule beleid.workshop`` runs it on a document whose policy never mentions it."""
    file = write(tmp_path, {"organisation": ORG, "employees": STAFF})
    code, out, err = run(capsys, "check", file, "--at", "2024-06-01", "--rule", WS,
                         "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [r["id"] for r in data["rules"]] == [WS]
    assert [r["binding"] for r in data["rules"]] == ["policy"]
    assert [(f["subject"], f["status"]) for f in data["findings"]] == [
        ("amb", "not_applicable"), ("ext", "not_applicable")]
    code, out, _ = run(capsys, "check", file, "--at", "2024-06-01", "--format", "json")
    assert not any(r["id"].startswith("beleid.") for r in json.loads(out)["rules"])


def test_command_line_overdue_declaration_fails_the_run(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    """A policy finding counts for the exit code like any other; its JSON source is empty."""
    file = write(tmp_path, {"organisation": ORG, "policy": REQUIRED, "employees": STAFF})
    code, out, _ = run(capsys, "check", file, "--at", "2024-06-01", "--rule", IV,
                       "--format", "json", "--lang", "en")
    assert code == 1
    [ext] = [f for f in json.loads(out)["findings"] if f["subject"] == "ext"]
    assert (ext["status"], ext["due"], ext["severity"]) == ("overdue", "2024-01-15", "warning")
    assert ext["facts"]["term_set_by"] == "default"


# --- ambtenarenwet.openbaarmaking ---------------------------------------------------------------


def nevenwerk(employee: str, published: bool | None, activity: str = "penningmeester",
              reported: str = "2023-03-01") -> dict[str, Any]:
    item: dict[str, Any] = {"employee": employee, "activity": activity, "reported": reported,
                            "registered": True}
    if published is not None:
        item["published"] = published
    return item


def publication(policy: dict[str, Any] | None, employees: list[dict[str, Any]],
                items: list[dict[str, Any]] | None = None, at: date = AT, *,
                kind: str = "gemeente") -> dict[str, Finding]:
    facts = None if items is None else {"nevenwerkzaamheden": items}
    return findings(PUB, policy, employees, at, facts=facts, kind=kind)


def ambtenaar(pid: str, function: str | None = None, scale: int | None = None,
              start: str = "2018-01-01") -> dict[str, Any]:
    data = person(pid, start, "ambtenaar")
    if function is not None:
        data["function"] = function
    if scale is not None:
        data["scale"] = scale
    return data


def test_nothing_designated_is_not_applicable() -> None:
    found = publication(None, [ambtenaar("A", "inkoper", 14)], [nevenwerk("A", False)])
    assert (found["A"].status, found["A"].due) == (Status.NOT_APPLICABLE, None)
    assert found["A"].message("en") == (
        "The organisation has designated no functions (on 2024-06-01) whose "
        "nevenwerkzaamheden are made public (publication_functions, publication_scale_from).")
    assert found["A"].source("en") == "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(c)"


def test_function_match_is_case_insensitive() -> None:
    """Designated "INKOPER": the function "Inkoper" is designated; "jurist" is not."""
    found = publication({"publication_functions": ["INKOPER"]},
                        [ambtenaar("A", "Inkoper"), ambtenaar("B", "jurist")],
                        [nevenwerk("A", True), nevenwerk("B", False)])
    assert found["A"].status is Status.OK
    assert found["A"].message("en") == (
        "Designated function (function Inkoper); 1 nevenwerkzaamheid made public.")
    assert found["B"].status is Status.NOT_APPLICABLE
    assert found["B"].message("en") == "Function not designated for publication (jurist)."


@pytest.mark.parametrize(("scale", "status"), [(13, Status.NOT_APPLICABLE), (14, Status.OK),
                                               (18, Status.OK)])
def test_scale_threshold(scale: int, status: Status) -> None:
    """From scale 14: 13 not designated, 14 and up designated."""
    found = publication({"publication_scale_from": 14}, [ambtenaar("A", "jurist", scale)],
                        [nevenwerk("A", True)])
    assert found["A"].status is status
    if status is Status.OK:
        assert found["A"].message("en") == (
            f"Designated function (scale {scale}, from 14); 1 nevenwerkzaamheid made "
            "public.")


@pytest.mark.parametrize(("policy", "employee"), [
    ({"publication_functions": ["inkoper"]}, ambtenaar("A", scale=15)),
    ({"publication_scale_from": 14}, ambtenaar("A", "inkoper")),
    ({"publication_functions": ["inkoper"], "publication_scale_from": 14},
     ambtenaar("A", "jurist")),
    ({"publication_functions": ["inkoper"], "publication_scale_from": 14}, ambtenaar("A")),
], ids=["function-missing", "scale-missing", "other-function-scale-missing", "both-missing"])
def test_function_or_scale_missing_is_unknown(policy: dict[str, Any],
                                              employee: dict[str, Any]) -> None:
    """What the designation needs is not stated: cannot tell, so unknown."""
    found = publication(policy, [employee], [nevenwerk("A", False)])
    assert (found["A"].status, found["A"].due) == (Status.UNKNOWN, None)
    assert found["A"].message("en") == (
        "Function or scale not stated; cannot tell whether the function is designated for "
        "publication.")


def test_designated_by_scale_needs_no_function() -> None:
    """Scale 15 from 14: designated although no function is stated."""
    found = publication({"publication_scale_from": 14}, [ambtenaar("A", scale=15)],
                        [nevenwerk("A", True)])
    assert found["A"].status is Status.OK


def test_no_facts_is_unknown() -> None:
    """A designated function without facts about nevenwerkzaamheden: unknown."""
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")])
    assert (found["A"].status, found["A"].due) == (Status.UNKNOWN, None)
    assert found["A"].message("en") == (
        "The document gives no facts about this (facts.nevenwerkzaamheden); cannot be judged.")


@pytest.mark.parametrize(("published", "status"), [(True, Status.OK), (False, Status.OVERDUE),
                                                   (None, Status.UNKNOWN)])
def test_published_true_false_or_not_stated(published: bool | None, status: Status) -> None:
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")],
                        [nevenwerk("A", published)])
    assert (found["A"].status, found["A"].due) == (status, None)


def test_no_nevenwerk_is_not_applicable() -> None:
    """Designated, but nothing reported (on or before the reference date): nothing to publish."""
    found = publication({"publication_functions": ["inkoper"]},
                        [ambtenaar("A", "inkoper"), ambtenaar("B", "inkoper")],
                        [nevenwerk("B", False, reported="2024-06-02")])
    for subject in ("A", "B"):
        assert found[subject].status is Status.NOT_APPLICABLE
        assert found[subject].message("en") == (
            "Designated function (function inkoper); no nevenwerkzaamheden reported, nothing "
            "to make public.")


@pytest.mark.parametrize("employment", EXTERNALS)
def test_not_an_ambtenaar_is_not_applicable(employment: str) -> None:
    found = publication({"publication_functions": ["inkoper"]},
                        [person("X", "2020-01-01", employment, function="inkoper")],
                        [nevenwerk("X", False)])
    assert found["X"].status is Status.NOT_APPLICABLE
    assert found["X"].message("en") == (
        f"Not an ambtenaar ({employment}); publication under art. 5(1)(c) does not apply.")


def test_messages_give_counts_never_the_activities() -> None:
    """1 of 3 not public, or 2 of 3 not stated: counts only, in either language and in JSON."""
    secret = ["lid raad van toezicht Zorg BV", "eigenaar Adviesbureau X", "penningmeester"]
    items = [nevenwerk("A", True, secret[0]), nevenwerk("A", False, secret[1]),
             nevenwerk("A", True, secret[2]),
             nevenwerk("B", True, secret[0]), nevenwerk("B", None, secret[1]),
             nevenwerk("B", None, secret[2])]
    found = publication({"publication_functions": ["inkoper"]},
                        [ambtenaar("A", "inkoper"), ambtenaar("B", "inkoper")], items)
    assert found["A"].status is Status.OVERDUE
    assert found["A"].message("en") == (
        "Designated function (function inkoper); 1 of 3 nevenwerkzaamheden not made "
        "public.")
    assert found["B"].status is Status.UNKNOWN
    assert found["B"].message("en") == (
        "Designated function (function inkoper); for 2 of 3 nevenwerkzaamheden "
        "publication is not stated.")
    for f in found.values():
        shown = " ".join([f.message("en"), f.message("nl"),
                          json.dumps(finding_to_json(f, "en"), ensure_ascii=False)])
        assert not any(s in shown for s in secret)


def test_missing_beats_not_stated() -> None:
    """One not public and one not stated: overdue."""
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")],
                        [nevenwerk("A", False), nevenwerk("A", None, "docent")])
    assert found["A"].status is Status.OVERDUE
    assert found["A"].facts["missing"] == 1


def test_the_designation_of_the_reference_date_applies() -> None:
    """Designated from 2025: not yet on 2024-06-01; designated on 2025-06-01."""
    policy = {"publication_functions": {"2025-01-01": ["inkoper"]}}
    staff = [ambtenaar("A", "inkoper")]
    items = [nevenwerk("A", False)]
    assert publication(policy, staff, items)["A"].status is Status.NOT_APPLICABLE
    assert publication(policy, staff, items, date(2025, 6, 1))["A"].status is Status.OVERDUE


@pytest.mark.parametrize("kind", ["rijk", "provincie", "gemeente", "waterschap"])
def test_before_2020_art_125quinquies_bound_the_old_kinds(kind: str) -> None:
    """In 2019 the old art. 125quinquies(1)(c) applies, to these employers."""
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")],
                        [nevenwerk("A", False, reported="2019-02-01")], date(2019, 6, 1),
                        kind=kind)
    assert found["A"].status is Status.OVERDUE
    assert found["A"].source("en") == "Ambtenarenwet (BWBR0001947) art. 125quinquies(1)(c)"


def test_before_2020_other_employers_had_no_duty() -> None:
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")],
                        [nevenwerk("A", False, reported="2019-02-01")], date(2019, 6, 1),
                        kind="overig")
    assert found["A"].status is Status.NOT_APPLICABLE
    assert found["A"].message("en") == (
        "Before 2020, art. 125quater and 125quinquies applied only to ambtenaren of the Rijk, "
        "provinces, municipalities and water authorities (kind: overig).")
    assert found["A"].source("en") == "Ambtenarenwet (BWBR0001947) art. 125quinquies(1)(c)"
    items = checklist(Organisation("O", OrganisationKind.OVERIG, 80), date(2019, 6, 1),
                      integriteit.rules())
    assert PUB not in {i.rule.id for i in items}
    items = checklist(Organisation("G", OrganisationKind.GEMEENTE, 80), date(2019, 6, 1),
                      integriteit.rules())
    assert PUB in {i.rule.id for i in items}


def test_from_2020_every_employer() -> None:
    found = publication({"publication_functions": ["inkoper"]}, [ambtenaar("A", "inkoper")],
                        [nevenwerk("A", False)], kind="overig")
    assert found["A"].status is Status.OVERDUE


# --- the checklist ---------------------------------------------------------------------------

CHECKLIST_DOC: dict[str, Any] = {
    "organisation": ORG,
    "policy": {"oath_term_months": {"2020-01-01": 2, "2024-01-01": 3},
               "integriteitsverklaring_required": {"2025-01-01": True}},
    "employees": [person("E1", "2024-01-15", "ambtenaar"), person("X1", "2025-02-01")],
}


def test_checklist_lists_a_policy_rule_only_when_the_policy_asks() -> None:
    """``checklist(..., policy=...)``: the policy rule only when required on the date."""
    org = Organisation("G", OrganisationKind.GEMEENTE, 80)
    settings = PolicySettings(integriteitsverklaring_required={date(2025, 1, 1): True})
    rules = integriteit.rules()

    def listed(at: date, settings: PolicySettings | None) -> set[str]:
        policy = Policy.resolve(settings, at=at)
        return {i.rule.id for i in checklist(org, at, rules, policy=policy)}

    assert IV not in listed(date(2024, 6, 1), settings)
    assert IV in listed(date(2025, 1, 1), settings)
    assert WS not in listed(date(2025, 1, 1), settings)
    assert not {IV, WS} & listed(date(2025, 1, 1), None)
    assert not {IV, WS} & {i.rule.id for i in checklist(org, date(2025, 1, 1), rules)}


def test_checklist_takes_the_policy_of_the_result() -> None:
    """Without ``policy``, the result's policy decides; policy items come after statute."""
    doc = integriteit.from_dict(CHECKLIST_DOC)
    at = date(2025, 6, 1)
    result = integriteit.check(doc, at)
    items = checklist(doc.organisation, at, integriteit.rules(), result)
    by_id = {i.rule.id: i for i in items}
    assert by_id[IV].state is State.NOT_MET
    assert by_id[IV].counts == {Status.OVERDUE: 1, Status.NOT_APPLICABLE: 1}
    assert by_id[IV].sources == ()
    assert items[-1].rule.id == IV
    assert WS not in by_id


def test_checklist_markdown_has_the_policy_heading_with_values(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = write(tmp_path, CHECKLIST_DOC)
    code, out, err = run(capsys, "checklist", file, "--at", "2025-06-01", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.endswith(
        "\n## Organisation policy\n\n"
        "- [ ] **Integriteitsverklaring for externals** (`beleid.integriteitsverklaring`): "
        "Integriteitsverklaring required from externals (integriteitsverklaring_required): "
        "yes (true) [document]; Term for the integriteitsverklaring "
        "(integriteitsverklaring_term_months): 0 months after the start [default] — "
        "**not met** (1 overdue, 1 not applicable)\n")
    assert out.index("## Statute") < out.index("## Organisation policy")
    _, out, _ = run(capsys, "checklist", file, "--at", "2025-06-01")
    assert "\n## Beleid van de organisatie\n\n" in out
    assert "**niet voldaan** (1 verstreken, 1 niet van toepassing)" in out


def test_checklist_markdown_leaves_out_a_policy_not_yet_in_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """On 2024-06-01 the declaration is not asked yet: no policy heading at all."""
    file = write(tmp_path, CHECKLIST_DOC)
    code, out, _ = run(capsys, "checklist", file, "--at", "2024-06-01", "--lang", "en")
    assert code == 0
    assert "## Statute" in out
    assert "## Organisation policy" not in out
    assert "beleid." not in out


def test_checklist_without_a_file_has_no_policy_items(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "checklist", "--at", "2025-06-01", "--kind", "gemeente",
                    "--headcount", "80", "--lang", "en")
    assert "## Organisation policy" not in out
    assert "beleid." not in out


def test_checklist_json_has_the_policy_values(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    """``policy``: the values the rule reads on the date, for statute and policy items."""
    file = write(tmp_path, CHECKLIST_DOC)
    code, out, _ = run(capsys, "checklist", file, "--at", "2025-06-01", "--format", "json",
                       "--lang", "en")
    assert code == 0
    items = {i["rule"]: i for i in json.loads(out)["items"]}
    iv = items[IV]
    assert (iv["binding"], iv["sources"], iv["urls"], iv["state"]) == ("policy", [], [],
                                                                       "not_met")
    assert iv["policy"] == ["integriteitsverklaring_required = true [document]",
                            "integriteitsverklaring_term_months = 0 [default]"]
    assert iv["findings"] == {"overdue": 1, "not_applicable": 1}
    assert items["ambtenarenwet.eed"]["policy"] == ["oath_term_months = 3 [document]",
                                                    "oath_days_before_start = 0 [default]",
                                                    "oath_earlier_employment_counts = false "
                                                    "[default]"]
    assert items[PUB]["policy"] == ["publication_functions = - [default]",
                                    "publication_scale_from = - [default]"]
    assert items["ambtenarenwet.gedragscode"]["policy"] == []
    assert WS not in items
    _, out, _ = run(capsys, "checklist", file, "--at", "2024-06-01", "--format", "json")
    assert IV not in {i["rule"] for i in json.loads(out)["items"]}


# --- found in review --------------------------------------------------------------------------


def test_publication_skips_people_not_yet_employed_or_gone_and_unregistered_work() -> None:
    """Someone starting after the reference date, or who left, has nothing to publish (was
    overdue); a function with stray spaces still matches; a nevenwerk stated as not registered
    is the registration rule's finding, not one to publish."""
    found = publication({"publication_functions": ["inkoper"]}, [
        person("future", "2030-01-01", "ambtenaar", function="inkoper"),
        person("gone", "2010-01-01", "ambtenaar", function="inkoper", end="2015-12-31"),
        person("spaces", "2020-01-01", "ambtenaar", function="  Inkoper "),
        person("unreg", "2020-01-01", "ambtenaar", function="inkoper")],
        [nevenwerk("future", False), nevenwerk("gone", False), nevenwerk("spaces", True),
         {**nevenwerk("unreg", False), "registered": False}])
    assert found["future"].status is Status.NOT_APPLICABLE
    assert found["future"].message("en").startswith("Employed from 2030-01-01")
    assert found["gone"].status is Status.NOT_APPLICABLE
    assert found["gone"].message("en") == "Left on 2015-12-31; no longer to be made public."
    assert found["spaces"].status is Status.OK
    assert found["unreg"].status is Status.NOT_APPLICABLE  # nothing registered to publish


def test_the_checklist_lists_a_policy_rule_that_judged_someone() -> None:
    """Asked for only from March to June 2024; as of December a starter of April is overdue:
    the checklist lists the rule, not met."""
    from integriteit.checklist import checklist

    doc = document({"workshop_required_for": {"2024-03-01": "all", "2024-07-01": "none"}},
                   [person("A", "2024-04-01", "inhuur")])
    at = date(2024, 12, 31)
    result = integriteit.check(doc, at)
    items = {i.rule.id: i for i in checklist(doc.organisation, at, integriteit.rules(), result)}
    assert WS in items
    assert items[WS].state is not None and items[WS].state.value == "not_met"
