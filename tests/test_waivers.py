"""Waivers: a documented exception suspends a ``due``, ``overdue`` or ``late`` finding.

A waiver names a rule, a subject, a reason and the last day it is valid (``until``), optionally
the first (``since``). While valid on the reference date the finding becomes ``waived``, its
message prefixed with the reason and the end date; the day after ``until`` it is judged again.
``ok``, ``not_applicable``, ``invalid`` and ``unknown`` are never waived.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import integriteit
from integriteit import (
    Binding,
    Document,
    Finding,
    InputError,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.cli import main
from integriteit.exporters.json import finding_to_json
from integriteit.model import Waiver
from integriteit.plugins import default_registry
from integriteit.testing import documents

AT = date(2024, 6, 1)
EED = "ambtenarenwet.eed"
ACK = "wbk.ontvangstbevestiging"
FEEDBACK = "wbk.terugkoppeling"
PROCEDURE = "wbk.meldprocedure"
# Runs on the command line are limited to these, so rules added later (with facts these
# documents do not give) do not change the exit codes and counts.
ONLY = ("--rule", EED, "--rule", ACK, "--rule", FEEDBACK, "--rule", PROCEDURE)
REASON = "langdurig ziek"
UNTIL = "2024-09-30"

# As of AT (oath term 2 months, so a start on 2024-01-15 is due by 2024-03-15).
EMPLOYEES: list[dict[str, Any]] = [
    {"id": "A-ok", "start": "2024-01-15", "employment": "ambtenaar",
     "oath": {"date": "2024-02-01", "form": "eed"}},
    {"id": "B-overdue", "start": "2024-01-15", "employment": "ambtenaar"},
    {"id": "C-late", "start": "2024-01-15", "employment": "ambtenaar",
     "oath": {"date": "2024-04-01", "form": "belofte"}},
    {"id": "D-due", "start": "2024-05-01", "employment": "ambtenaar"},
    {"id": "E-na", "start": "2024-01-15", "employment": "inhuur"},
    {"id": "F-invalid", "start": "2024-01-15", "employment": "ambtenaar",
     "oath": {"date": "2023-12-01", "form": "eed"}},
]

# Received 2024-05-20 (a Monday), never acknowledged: the acknowledgement was due 2024-05-27.
REGISTER: list[dict[str, Any]] = [
    {"id": "R1", "kind": "misstand", "received": "2024-05-20", "channel": "werkgever"},
]

# Everything about the procedure in order: the organisation rules are ok and stay out of the way.
FACTS: dict[str, Any] = {"meldprocedure": {
    "adopted": "2023-05-01", "works_council_consent": "2023-04-12", "functionaris": True,
    "adviseur_in_vertrouwen": True, "register_kept": True}}


def data(*waivers: dict[str, Any], ids: tuple[str, ...] = (),
         facts: dict[str, Any] | bool = True, **changes: Any) -> dict[str, Any]:
    """Plain data: a provincie of 100, ``EMPLOYEES`` (or ``ids``), ``REGISTER``, ``FACTS``."""
    doc: dict[str, Any] = {
        "organisation": {"name": "Provincie Test", "kind": "provincie", "headcount": 100},
        "employees": [copy.deepcopy(e) for e in EMPLOYEES if not ids or e["id"] in ids],
        "register": copy.deepcopy(REGISTER),
        "waivers": [dict(w) for w in waivers],
    }
    if facts is not False:
        doc["facts"] = copy.deepcopy(FACTS if facts is True else facts)
    doc.update(changes)
    return doc


def waiver(subject: str = "B-overdue", rule: str = EED, **fields: Any) -> dict[str, Any]:
    return {"rule": rule, "subject": subject, "reason": REASON, "until": UNTIL, **fields}


def finding(doc: dict[str, Any] | Document, rule: str, subject: str,
            at: date = AT) -> Finding:
    d = doc if isinstance(doc, Document) else integriteit.from_dict(doc)
    [f] = [f for f in integriteit.check(d, at).findings if (f.rule, f.subject) == (rule, subject)]
    return f


def problems(exc: pytest.ExceptionInfo[InputError]) -> list[tuple[str, str, str]]:
    return [(p.source, p.path, p.message.en) for p in exc.value.problems]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(args)``: exit code (also when argparse exits), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, doc: dict[str, Any], name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


# --- applying a waiver -----------------------------------------------------------------------


def test_waiver_turns_overdue_oath_into_waived_and_back_to_overdue_the_day_after_until() -> None:
    """An overdue oath is ``waived`` with the reason through ``until``, ``overdue`` again after."""
    doc = integriteit.from_dict(data(waiver()))
    before = finding(data(), EED, "B-overdue")
    assert before.status is Status.OVERDUE
    for at in (AT, date(2024, 9, 30)):
        f = finding(doc, EED, "B-overdue", at)
        assert f.status is Status.WAIVED
        assert REASON in f.message("nl") and REASON in f.message("en")
        assert "2024-09-30" in f.message("en")
    after = finding(doc, EED, "B-overdue", date(2024, 10, 1))
    assert after.status is Status.OVERDUE
    assert after == finding(data(), EED, "B-overdue", date(2024, 10, 1))
    assert "waiver_reason" not in after.facts and REASON not in after.message("en")


def test_waived_message_gives_until_reason_and_the_status_without_the_waiver() -> None:
    """The message is the rule's own, prefixed with the end date, reason and suspended status."""
    plain = finding(data(), EED, "B-overdue")
    f = finding(data(waiver()), EED, "B-overdue")
    assert f.message("en") == ("Waived to and including 2024-09-30: langdurig ziek. Without the "
                               "waiver (overdue): " + plain.message("en"))
    assert f.message("nl") == ("Ontheffing tot en met 2024-09-30: langdurig ziek. Zonder "
                               "ontheffing (verstreken): " + plain.message("nl"))


def test_waived_finding_keeps_the_rule_facts_and_adds_the_waiver() -> None:
    """Facts: the rule's own, plus ``waiver_until``, ``waiver_reason`` and ``waived_status``."""
    plain = finding(data(), EED, "B-overdue")
    f = finding(data(waiver()), EED, "B-overdue")
    assert dict(f.facts) == {**plain.facts, "waiver_until": date(2024, 9, 30),
                             "waiver_reason": REASON, "waived_status": "overdue"}
    # Everything else about the finding is the rule's: deadline, sources, severity, explanation.
    assert (f.rule, f.subject, f.due, f.sources, f.severity, f.explanation) == (
        plain.rule, plain.subject, plain.due, plain.sources, plain.severity, plain.explanation)


@pytest.mark.parametrize(("subject", "status"),
                         [("D-due", "due"), ("B-overdue", "overdue"), ("C-late", "late")])
def test_due_overdue_and_late_are_waived(subject: str, status: str) -> None:
    """``due``, ``overdue`` and ``late`` become ``waived``; ``waived_status`` keeps which."""
    assert finding(data(), EED, subject).status.value == status
    f = finding(data(waiver(subject)), EED, subject)
    assert f.status is Status.WAIVED
    assert f.facts["waived_status"] == status
    assert f"({status}): " in f.message("en")


@pytest.mark.parametrize(("subject", "status"), [("A-ok", Status.OK),
                                                 ("E-na", Status.NOT_APPLICABLE),
                                                 ("F-invalid", Status.INVALID)])
def test_ok_not_applicable_and_invalid_are_untouched(subject: str, status: Status) -> None:
    """A waiver does not change an ``ok``, ``not_applicable`` or ``invalid`` finding at all."""
    plain = finding(data(), EED, subject)
    f = finding(data(waiver(subject)), EED, subject)
    assert f.status is status
    assert f == plain
    assert f.message("en") == plain.message("en")
    assert "waiver_reason" not in f.facts


def test_unknown_is_untouched() -> None:
    """An ``unknown`` finding (facts missing) is not waived: there is nothing to suspend."""
    doc = data(waiver("organisation", PROCEDURE), facts=False)
    f = finding(doc, PROCEDURE, "organisation")
    assert f.status is Status.UNKNOWN
    assert f == finding(data(facts=False), PROCEDURE, "organisation")


def test_organisation_rule_is_waived_for_subject_organisation() -> None:
    """An organisation rule is waived with the subject ``organisation``."""
    no_procedure = {"meldprocedure": {**FACTS["meldprocedure"], "adopted": None}}
    assert finding(data(facts=no_procedure), PROCEDURE, "organisation").status is (
        Status.OVERDUE)
    doc = data(waiver("organisation", PROCEDURE, reason="reorganisatie"), facts=no_procedure)
    f = finding(doc, PROCEDURE, "organisation")
    assert f.status is Status.WAIVED
    assert f.facts["waiver_reason"] == "reorganisatie"


def test_waiver_with_since_in_the_future_does_not_apply_yet() -> None:
    """Before ``since`` the finding is judged as usual; from ``since`` on it is waived."""
    doc = integriteit.from_dict(data(waiver(since="2024-07-01")))
    assert finding(doc, EED, "B-overdue", AT).status is Status.OVERDUE
    assert finding(doc, EED, "B-overdue", date(2024, 6, 30)).status is Status.OVERDUE
    assert finding(doc, EED, "B-overdue", date(2024, 7, 1)).status is Status.WAIVED
    assert finding(doc, EED, "B-overdue", date(2024, 9, 30)).status is Status.WAIVED
    assert finding(doc, EED, "B-overdue", date(2024, 10, 1)).status is Status.OVERDUE


def test_waiver_valid_for_one_day() -> None:
    """``since`` equal to ``until``: valid on exactly that day."""
    doc = integriteit.from_dict(data(waiver(since="2024-06-01", until="2024-06-01")))
    assert finding(doc, EED, "B-overdue", date(2024, 5, 31)).status is Status.OVERDUE
    assert finding(doc, EED, "B-overdue", AT).status is Status.WAIVED
    assert finding(doc, EED, "B-overdue", date(2024, 6, 2)).status is Status.OVERDUE


def test_expired_waiver_is_ignored() -> None:
    """A waiver that ended before the reference date changes nothing."""
    doc = data(waiver(until="2024-05-31"))
    assert finding(doc, EED, "B-overdue") == finding(data(), EED, "B-overdue")


def test_waiver_applies_only_to_its_rule_and_subject() -> None:
    """Other employees, and other rules for the same entry, are judged as usual."""
    two = [{"id": "B2", "start": "2024-01-15", "employment": "ambtenaar"}]
    doc = data(waiver(), waiver("R1", ACK), employees=[copy.deepcopy(EMPLOYEES[1]), *two])
    result = integriteit.check(integriteit.from_dict(doc), AT)
    status = {(f.rule, f.subject): f.status for f in result.findings}
    assert status[(EED, "B-overdue")] is Status.WAIVED
    assert status[(EED, "B2")] is Status.OVERDUE
    assert status[(ACK, "R1")] is Status.WAIVED
    assert status[(FEEDBACK, "R1")] is Status.DUE  # not waived: only the acknowledgement is
    assert result.counts()[Status.WAIVED] == 2


def test_waiver_of_register_entry_for_ontvangstbevestiging() -> None:
    """An overdue acknowledgement of a register entry is waived by the entry's id; the
    waiver's reason is not repeated (it may say something about the melder)."""
    plain = finding(data(), ACK, "R1")
    assert plain.status is Status.OVERDUE and plain.due == date(2024, 5, 27)
    f = finding(data(waiver("R1", ACK, reason="storing registratiesysteem")), ACK, "R1")
    assert f.status is Status.WAIVED
    assert f.due == date(2024, 5, 27)
    assert f.facts["waived_status"] == "overdue"
    assert "waiver_reason" not in f.facts
    assert f.message("en").startswith(
        "Waived to and including 2024-09-30 (the reason is in the document). Without the "
        "waiver (overdue): No acknowledgement")
    assert "registratiesysteem" not in f.message("nl") + f.message("en")
    assert f.explanation == plain.explanation


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["short-first", "long-first"])
def test_longest_running_valid_waiver_wins(order: tuple[int, int]) -> None:
    """Of several valid waivers for one rule and subject, the one with the latest ``until``."""
    pair = [waiver(reason="verlof", until="2024-07-31"), waiver(reason="langdurig ziek")]
    f = finding(data(*(pair[i] for i in order)), EED, "B-overdue")
    assert f.facts["waiver_reason"] == "langdurig ziek"
    assert f.facts["waiver_until"] == date(2024, 9, 30)
    # After the shorter one ended, the longer one still holds.
    later = finding(data(*(pair[i] for i in order)), EED, "B-overdue", date(2024, 8, 15))
    assert later.facts["waiver_reason"] == "langdurig ziek"


def test_waiver_not_yet_valid_does_not_win_over_a_valid_one() -> None:
    """A waiver running longer but starting after the reference date is not chosen (yet)."""
    doc = data(waiver(reason="verlof", until="2024-07-31"),
               waiver(reason="langdurig ziek", since="2024-07-01", until="2024-12-31"))
    assert finding(doc, EED, "B-overdue").facts["waiver_reason"] == "verlof"
    assert finding(doc, EED, "B-overdue", date(2024, 7, 15)).facts["waiver_reason"] == (
        "langdurig ziek")
    assert finding(doc, EED, "B-overdue", date(2025, 1, 1)).status is Status.OVERDUE


def test_reason_is_shown_as_written() -> None:
    """The reason is a value, not part of the template: braces and accents pass through."""
    f = finding(data(waiver(reason="besluit {2024-17} – ‘BZK’")), EED, "B-overdue")
    assert "besluit {2024-17} – ‘BZK’. Without" in f.message("en")


def test_waiver_of_a_rule_not_run_is_accepted_and_has_no_effect() -> None:
    """``rules=`` limits the run; a waiver of a known rule that does not run is no error."""
    doc = integriteit.from_dict(data(waiver("R1", ACK)))
    result = integriteit.check(doc, AT, rules=[EED])
    assert {f.rule for f in result.findings} == {EED}
    assert Status.WAIVED not in {f.status for f in result.findings}


def test_waivers_built_in_python_work_like_loaded_ones() -> None:
    """A :class:`Document` built with :class:`Waiver` objects is waived the same way."""
    loaded = integriteit.from_dict(data(waiver()))
    built = Document(loaded.organisation, loaded.employees, register=loaded.register,
                     facts=loaded.facts,
                     waivers=[Waiver(EED, "B-overdue", REASON, date(2024, 9, 30))])
    assert built == loaded
    assert integriteit.check(built, AT).findings == integriteit.check(loaded, AT).findings


# --- waivers that do not fit the rules: InputError from check() -------------------------------


def test_waiver_of_unknown_rule_is_an_input_error() -> None:
    """An unknown rule id: ``waivers[i].rule``, with the document's source."""
    doc = integriteit.from_dict(data(waiver(), waiver(rule="ambtenarenwet.eedx")))
    with pytest.raises(InputError) as exc:
        integriteit.check(doc, AT, source="hr.json")
    assert problems(exc) == [("hr.json", "waivers[1].rule",
                              "unknown rule 'ambtenarenwet.eedx'")]
    assert exc.value.problems[0].message.nl == "onbekende regel 'ambtenarenwet.eedx'"
    assert str(exc.value) == "hr.json: waivers[1].rule: unknown rule 'ambtenarenwet.eedx'"


def test_waiver_of_unknown_subject_is_an_input_error() -> None:
    """A subject the document does not have: ``waivers[i].subject``; the source defaults."""
    doc = integriteit.from_dict(data(waiver("Z-999")))
    with pytest.raises(InputError) as exc:
        integriteit.check(doc, AT)
    assert problems(exc) == [("<document>", "waivers[0].subject",
                              "'Z-999' is not a subject of ambtenarenwet.eed (employee)")]
    assert exc.value.problems[0].message.nl == (
        "'Z-999' is geen onderwerp van ambtenarenwet.eed (employee)")


@pytest.mark.parametrize(
    ("rule", "subject", "kind"),
    [pytest.param(ACK, "B-overdue", "register_entry", id="employee-on-register-rule"),
     pytest.param(FEEDBACK, "B-overdue", "register_entry", id="employee-on-feedback-rule"),
     pytest.param(EED, "R1", "employee", id="entry-on-employee-rule"),
     pytest.param(EED, "organisation", "employee", id="organisation-on-employee-rule"),
     pytest.param(PROCEDURE, "B-overdue", "organisation", id="employee-on-organisation-rule"),
     pytest.param(ACK, "organisation", "register_entry", id="organisation-on-register-rule")],
)
def test_waiver_subject_of_another_kind_is_an_input_error(rule: str, subject: str,
                                                          kind: str) -> None:
    """A subject that exists, but is not of the kind the rule is judged for."""
    doc = integriteit.from_dict(data(waiver(subject, rule)))
    with pytest.raises(InputError) as exc:
        integriteit.check(doc, AT, source="hr.json")
    assert problems(exc) == [("hr.json", "waivers[0].subject",
                              f"{subject!r} is not a subject of {rule} ({kind})")]


def test_every_waiver_problem_is_reported_in_order() -> None:
    """All waivers are checked, not just the first that is wrong."""
    doc = integriteit.from_dict(data(waiver(rule="nope.rule"), waiver(), waiver("B-overdue", ACK),
                                     waiver("X")))
    with pytest.raises(InputError) as exc:
        integriteit.check(doc, AT, source="hr.json")
    assert [p.path for p in exc.value.problems] == [
        "waivers[0].rule", "waivers[2].subject", "waivers[3].subject"]


def test_waiver_of_a_rule_passed_as_an_object_is_applied() -> None:
    """``rules=`` takes rule objects too; a waiver naming such a rule is accepted and applied."""
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        return lambda e: ctx.finding(e.id, Status.OVERDUE, None, Text("te laat", "overdue"), {})

    own = Rule("org.eigen", Text("Eigen regel", "Own rule"), Severity.ERROR,
               SubjectKind.EMPLOYEE, (RuleVersion(None, None, (), prepare, Text("s", "s")),),
               binding=Binding.POLICY)
    doc = integriteit.from_dict(data(waiver(rule="org.eigen"), ids=("B-overdue",)))
    [f] = integriteit.check(doc, AT, rules=[own]).findings
    assert f.status is Status.WAIVED


def test_employee_and_entry_may_share_an_id_in_waivers() -> None:
    """An id that is both an employee's and an entry's is valid for either kind of rule."""
    doc = data(waiver("R1"), waiver("R1", ACK),
               employees=[{"id": "R1", "start": "2024-01-15", "employment": "ambtenaar"}])
    result = integriteit.check(integriteit.from_dict(doc), AT)
    status = {(f.rule, f.subject): f.status for f in result.findings}
    assert status[(EED, "R1")] is Status.WAIVED
    assert status[(ACK, "R1")] is Status.WAIVED


# --- waivers the loader refuses --------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [pytest.param({"reason": ""}, "waivers[0].reason", "a waiver needs a reason", id="empty"),
     pytest.param({"reason": "   "}, "waivers[0].reason", "a waiver needs a reason",
                  id="spaces"),
     pytest.param({"reason": "\t\n"}, "waivers[0].reason", "a waiver needs a reason",
                  id="whitespace"),
     pytest.param({"until": None}, "waivers[0].until", "required field is missing",
                  id="no-until"),
     pytest.param({"reason": None}, "waivers[0].reason", "required field is missing",
                  id="no-reason"),
     pytest.param({"since": "2024-10-01"}, "waivers[0].since",
                  "since 2024-10-01 is after until 2024-09-30", id="since-after-until"),
     pytest.param({"until": "30-09-2024"}, "waivers[0].until",
                  '"30-09-2024" is not a date (YYYY-MM-DD)', id="bad-date"),
     pytest.param({"reason": 17}, "waivers[0].reason", "17 is not a string", id="number"),
     pytest.param({"note": "x"}, "waivers[0].note",
                  "unknown field (allowed: rule, subject, reason, until, since)",
                  id="unknown-key")],
)
def test_loader_refuses_bad_waiver(change: dict[str, Any], path: str, message: str) -> None:
    """Empty or missing reason, missing ``until``, ``since`` after ``until``: InputError."""
    w = waiver()
    for key, value in change.items():
        if value is None:
            del w[key]
        else:
            w[key] = value
    with pytest.raises(InputError) as exc:
        integriteit.loads(json.dumps(data(w)), source="hr.json")
    assert problems(exc) == [("hr.json", path, message)]


def test_loader_refuses_null_waivers() -> None:
    """``waivers`` may be left out, but is never ``null``."""
    with pytest.raises(InputError) as exc:
        integriteit.from_dict(data(waivers=None), source="hr.json")
    assert [p.path for p in exc.value.problems] == ["waivers"]


def test_loader_accepts_since_on_until_and_null_since() -> None:
    """``since`` may equal ``until``; ``null`` is the same as leaving it out."""
    doc = integriteit.from_dict(data(waiver(since=UNTIL), waiver(since=None)))
    assert [w.since for w in doc.waivers] == [date(2024, 9, 30), None]


def test_loader_reports_every_bad_waiver() -> None:
    """Two bad waivers: two problems, in input order, with Dutch messages too."""
    with pytest.raises(InputError) as exc:
        integriteit.from_dict(data(waiver(reason=" "), waiver(since="2025-01-01")),
                              source="hr.json")
    assert [(p.path, p.message.nl) for p in exc.value.problems] == [
        ("waivers[0].reason", "een ontheffing heeft een reden nodig"),
        ("waivers[1].since", "begin 2025-01-01 ligt na het einde 2024-09-30")]


# --- output -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_json_of_a_waived_finding(lang: str) -> None:
    """JSON: status ``waived``, the prefixed message in the language, facts as JSON values."""
    f = finding(data(waiver()), EED, "B-overdue")
    item = finding_to_json(f, lang)  # type: ignore[arg-type]
    assert item["status"] == "waived"
    assert item["due"] == "2024-03-15"
    assert item["severity"] == "error"
    prefix = {"en": "Waived to and including 2024-09-30: langdurig ziek. Without the waiver "
                    "(overdue): No eed or belofte taken",
              "nl": "Ontheffing tot en met 2024-09-30: langdurig ziek. Zonder ontheffing "
                    "(verstreken): Geen eed of belofte afgelegd"}[lang]
    assert item["message"].startswith(prefix)
    assert item["facts"]["waiver_until"] == "2024-09-30"
    assert item["facts"]["waiver_reason"] == REASON
    assert item["facts"]["waived_status"] == "overdue"
    assert item["facts"]["deadline"] == "2024-03-15"
    json.dumps(item)  # plain JSON throughout


def test_json_exporter_streams_the_waived_finding(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    """``check --format json``: the waived finding, and ``waived`` counted in the summary."""
    path = write(tmp_path, data(waiver(), ids=("B-overdue",)))
    code, out, err = run(capsys, "check", path, "--at", AT.isoformat(), "--format", "json",
                         "--lang", "en", *ONLY)
    assert (code, err) == (1, "")  # the acknowledgement of R1 is overdue, and not waived
    data_ = json.loads(out)
    assert data_["summary"]["waived"] == 1
    assert data_["summary"]["overdue"] == 1
    [item] = [f for f in data_["findings"] if f["rule"] == EED]
    assert item["status"] == "waived"
    assert item["facts"] == {"term": "2 months", "term_months": 2, "term_set_by": "default",
                             "start": "2024-01-15", "deadline": "2024-03-15",
                             "days_overdue": 78, "waiver_until": "2024-09-30",
                             "waiver_reason": REASON, "waived_status": "overdue"}
    # The streamed output and the whole-result function agree.
    doc = integriteit.from_dict(data(waiver(), ids=("B-overdue",)))
    buf = io.StringIO()
    result = integriteit.check(doc, AT, rules=[EED, ACK, FEEDBACK, PROCEDURE])
    default_registry().exporter("json").write(result, buf, "en")
    assert json.loads(buf.getvalue())["findings"] == data_["findings"]


def test_text_output_groups_waived_findings(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    """Text: a group ``Waived`` with the prefixed message, and the summary counts it."""
    path = write(tmp_path, data(waiver(), waiver("R1", ACK), ids=("B-overdue",)))
    code, out, _ = run(capsys, "check", path, "--at", AT.isoformat(), "--lang", "en", *ONLY)
    assert code == 0
    assert "\nWaived: 2\n" in out
    assert ("Waived to and including 30 September 2024: langdurig ziek. Without the waiver "
            "(overdue)") in out
    assert "2 waived" in out.splitlines()[-1]
    code, out, _ = run(capsys, "check", path, "--at", AT.isoformat())
    assert "\nUitgesteld (ontheffing): 2\n" in out


# --- exit codes -------------------------------------------------------------------------------


def test_run_whose_only_overdue_finding_is_waived_exits_0(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    """Waived does not fail a run; after ``until`` the same document fails again."""
    doc = data(waiver(), ids=("B-overdue",), register=[])
    path = write(tmp_path, doc)
    assert run(capsys, "check", path, "--at", AT.isoformat(), *ONLY)[0] == 0
    assert run(capsys, "check", path, "--at", "2024-10-01", *ONLY)[0] == 1
    plain = write(tmp_path, data(ids=("B-overdue",), register=[]), "plain.json")
    assert run(capsys, "check", plain, "--at", AT.isoformat(), *ONLY)[0] == 1


def test_bad_waiver_exits_2_with_one_line_per_problem(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    """A waiver of an unknown rule or subject: exit 2, the file and path on each line."""
    path = write(tmp_path, data(waiver(rule="nope.rule"), waiver("B-overdue", ACK)))
    code, out, err = run(capsys, "check", path, "--at", AT.isoformat(), "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"integriteit: error: {path}: waivers[0].rule: unknown rule 'nope.rule'",
        f"integriteit: error: {path}: waivers[1].subject: 'B-overdue' is not a subject of "
        f"{ACK} (register_entry)"]
    code, _, err = run(capsys, "check", path, "--at", AT.isoformat())
    assert code == 2
    assert err.splitlines()[0] == (
        f"integriteit: fout: {path}: waivers[0].rule: onbekende regel 'nope.rule'")


def test_loader_problem_with_waiver_exits_2(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    """An empty reason on the command line: exit 2 and the path of the field."""
    path = write(tmp_path, data(waiver(reason="")))
    code, out, err = run(capsys, "check", path, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"integriteit: error: {path}: waivers[0].reason: a waiver needs a reason\n"


# --- round trips ------------------------------------------------------------------------------


def test_document_with_waivers_round_trips_through_json_text() -> None:
    """``loads(dumps(doc)) == doc``, with and without ``since``; unset ``since`` is left out."""
    doc = integriteit.from_dict(data(waiver(), waiver("R1", ACK, since="2024-06-01",
                                                      reason="storing – ‘systeem’")))
    text = integriteit.dumps(doc)
    assert integriteit.loads(text) == doc
    assert integriteit.dump_document(doc)["waivers"] == [
        {"rule": EED, "subject": "B-overdue", "reason": REASON, "until": UNTIL},
        {"rule": ACK, "subject": "R1", "reason": "storing – ‘systeem’", "until": UNTIL,
         "since": "2024-06-01"}]
    assert "storing – ‘systeem’" in text  # written as is, not escaped
    assert "waivers" not in integriteit.dump_document(integriteit.from_dict(data()))


@given(doc=documents(min_employees=1, max_entries=2), data_=st.data())
def test_any_document_with_waivers_round_trips(doc: Document, data_: st.DataObject) -> None:
    """Random documents given waivers of their own employees round-trip and still check."""
    ids = [e.id for e in doc.employees]
    items = data_.draw(st.lists(st.tuples(
        st.sampled_from(ids),
        st.text(min_size=1, max_size=20).filter(str.strip),
        st.dates(date(2020, 1, 1), date(2030, 12, 31)),
        st.none() | st.integers(0, 400)), max_size=4))
    waivers = tuple(Waiver(EED, subject, reason, until,
                           None if back is None else until - timedelta(days=back))
                    for subject, reason, until, back in items)
    doc = attrs.evolve(doc, waivers=waivers)
    text = integriteit.dumps(doc)
    assert integriteit.loads(text) == doc
    at = data_.draw(st.dates(date(2020, 1, 1), date(2031, 12, 31)))
    result = integriteit.check(doc, at)
    valid = {w.subject for w in waivers if (w.since is None or w.since <= at) and at <= w.until}
    for f in result.findings:
        if f.status is Status.WAIVED:
            assert f.rule == EED and f.subject in valid
            assert f.facts["waived_status"] in {"due", "overdue", "late"}
