"""Options of the command line: ``check --fail-on``, ``check --explain`` and ``explain --at``.

``--fail-on LIST`` names the statuses and/or severities that make the exit code 1 (default
``overdue,invalid``); with only severities, the ``overdue`` or ``invalid`` findings of rules of
those severities. ``--explain`` adds under each finding how it came about. ``explain RULE --at
DATE`` works each of the rule's terms through for an event on that date.
"""

from __future__ import annotations

import copy
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import Severity, Status
from integriteit.api import example_text
from integriteit.cli import main
from integriteit.plugins import default_registry

AT = "2024-06-01"
DEMO_AT = "2026-06-01"
EED = "ambtenarenwet.eed"
ACK = "wbk.ontvangstbevestiging"
# The rules these tests are about; runs are limited to them, so rules added later (with facts
# these documents do not give) do not change the exit codes.
RULES = (EED, ACK, "wbk.terugkoppeling", "wbk.meldprocedure", "wbk.meldprocedure.functionaris",
         "wbk.meldprocedure.adviseur_in_vertrouwen", "wbk.meldprocedure.instemming",
         "wbk.register")
ONLY = tuple(option for rule in RULES for option in ("--rule", rule))
CHOICES = ("ok, late, due, overdue, not_applicable, invalid, unknown, waived, error, warning, "
           "info")

# As of AT, with an oath term of 2 months.
EMPLOYEES: dict[str, dict[str, Any]] = {
    "ok": {"id": "A-ok", "start": "2024-01-15", "employment": "ambtenaar",
           "oath": {"date": "2024-02-01", "form": "eed"}},
    "overdue": {"id": "B-overdue", "start": "2024-01-15", "employment": "ambtenaar"},
    "late": {"id": "C-late", "start": "2024-01-15", "employment": "ambtenaar",
             "oath": {"date": "2024-04-01", "form": "belofte"}},
    "due": {"id": "D-due", "start": "2024-05-01", "employment": "ambtenaar"},
    "invalid": {"id": "F-invalid", "start": "2024-01-15", "employment": "ambtenaar",
                "oath": {"date": "2023-12-01", "form": "eed"}},
}

# Every element of the procedure in order: each organisation rule is ``ok`` as of AT.
PROCEDURE: dict[str, Any] = {
    "adopted": "2023-05-01", "works_council_consent": "2023-04-12", "functionaris": True,
    "adviseur_in_vertrouwen": True, "register_kept": True}


NO_CONSENT = {"works_council_consent": None, "consent_route": "works_council"}
"""A procedure the works council must consent to, without its consent."""


def document(*statuses: str, procedure: dict[str, Any] | None = None,
             facts: bool = True) -> dict[str, Any]:
    """A provincie of 100, one employee per oath status, every organisation rule ``ok``."""
    doc: dict[str, Any] = {
        "organisation": {"name": "Provincie Test", "kind": "provincie", "headcount": 100},
        "employees": [copy.deepcopy(EMPLOYEES[s]) for s in statuses],
    }
    if facts:
        doc["facts"] = {"meldprocedure": {**PROCEDURE, **(procedure or {})}}
    return doc


def write(tmp_path: Path, data: dict[str, Any] | str, name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(args)``: exit code (also when argparse exits), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def exit_code(capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: dict[str, Any],
              *options: str) -> int:
    code, _, err = run(capsys, "check", write(tmp_path, doc), "--at", AT, *ONLY, *options)
    assert err == ""
    return code


@pytest.fixture
def demo(tmp_path: Path) -> str:
    """The bundled example as a file (``integriteit demo --print-input``)."""
    return write(tmp_path, example_text(), "example.json")


def squeeze(text: str) -> str:
    """``text`` without whitespace: compares wrapped text with the text before wrapping."""
    return "".join(text.split())


def blocks(out: str) -> dict[str, str]:
    """The ``--explain`` text under each finding line, by subject (one rule per run)."""
    found: dict[str, str] = {}
    subject = None
    for line in out.splitlines():
        if line.startswith("        "):
            assert subject is not None
            found[subject] = (found.get(subject, "") + " " + line.strip()).strip()
        elif line.startswith("    ") and line[4:5] != " ":
            subject = line.split()[0]
        else:
            subject = None
    return found


# --- --fail-on --------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "code"), [("ok", 0), ("late", 0), ("due", 0),
                                              ("overdue", 1), ("invalid", 1)])
def test_fail_on_default_is_overdue_and_invalid(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, status: str, code: int) -> None:
    """Without ``--fail-on`` only ``overdue`` and ``invalid`` give exit code 1."""
    doc = document(status)
    assert exit_code(capsys, tmp_path, doc) == code
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "overdue,invalid") == code


def test_fail_on_default_ignores_unknown(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    """``unknown`` (facts missing) does not fail a run by default."""
    assert exit_code(capsys, tmp_path, document("ok", facts=False)) == 0


@pytest.mark.parametrize(("status", "code"), [("ok", 0), ("late", 1), ("due", 0),
                                              ("overdue", 0), ("invalid", 0)])
def test_fail_on_late_replaces_the_default(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           status: str, code: int) -> None:
    """``--fail-on late``: exit 1 for a late oath only; overdue and invalid no longer count."""
    assert exit_code(capsys, tmp_path, document(status), "--fail-on", "late") == code


@pytest.mark.parametrize(("status", "code"), [("ok", 0), ("late", 1), ("due", 1),
                                              ("overdue", 0), ("invalid", 0)])
@pytest.mark.parametrize("words", ["due,late", "late,due", " due , late ", "due,late,due"])
def test_fail_on_due_and_late(capsys: pytest.CaptureFixture[str], tmp_path: Path, status: str,
                              code: int, words: str) -> None:
    """``--fail-on due,late``: either status fails; order, spaces and repeats do not matter."""
    assert exit_code(capsys, tmp_path, document(status), "--fail-on", words) == code


@pytest.mark.parametrize(
    ("doc", "code"),
    [pytest.param(document("overdue"), 1, id="overdue-error-rule"),
     pytest.param(document("invalid"), 1, id="invalid-error-rule"),
     pytest.param(document("late"), 0, id="late-error-rule"),
     pytest.param(document("ok", procedure={"functionaris": False}), 1,
                  id="overdue-error-organisation-rule"),
     pytest.param(document("ok", procedure=NO_CONSENT), 0,
                  id="overdue-warning-rule")],
)
def test_fail_on_error(capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: dict[str, Any],
                       code: int) -> None:
    """``--fail-on error``: overdue or invalid findings of error rules; warnings do not count."""
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "error") == code


@pytest.mark.parametrize(
    ("doc", "code", "default"),
    [pytest.param(document("overdue", "invalid"), 0, 1, id="only-error-rules-failing"),
     pytest.param(document("ok", procedure=NO_CONSENT), 1, 1,
                  id="instemming-overdue"),
     pytest.param(document("ok", procedure={"adviseur_in_vertrouwen": False}), 1, 1,
                  id="adviseur-in-vertrouwen-overdue"),
     pytest.param(document("ok"), 0, 0, id="nothing-failing")],
)
def test_fail_on_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: dict[str, Any],
                         code: int, default: int) -> None:
    """``--fail-on warning``: only overdue or invalid findings of warning rules fail the run."""
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "warning") == code
    assert exit_code(capsys, tmp_path, doc) == default


def test_warning_rules_are_the_two_procedure_elements() -> None:
    """Of the rules here, ``adviseur_in_vertrouwen`` and ``instemming`` are warnings."""
    severities = {r.id: r.severity for r in integriteit.rules()}
    assert {r for r in RULES if severities[r] is Severity.WARNING} == {
        "wbk.meldprocedure.adviseur_in_vertrouwen", "wbk.meldprocedure.instemming"}
    assert severities[EED] is severities[ACK] is Severity.ERROR


def test_fail_on_warning_on_the_demo_exits_0(capsys: pytest.CaptureFixture[str],
                                             demo: str) -> None:
    """The example has overdue and invalid errors but no failing warning rule: exit 0."""
    assert run(capsys, "check", demo, "--at", DEMO_AT, *ONLY)[0] == 1
    assert run(capsys, "check", demo, "--at", DEMO_AT, *ONLY, "--fail-on", "warning")[0] == 0
    assert run(capsys, "check", demo, "--at", DEMO_AT, *ONLY, "--fail-on", "error")[0] == 1
    assert run(capsys, "check", demo, "--at", DEMO_AT, *ONLY, "--fail-on", "info")[0] == 0


@pytest.mark.parametrize(
    ("doc", "code"),
    [pytest.param(document("overdue"), 0, id="overdue-error"),
     pytest.param(document("ok", procedure=NO_CONSENT), 1,
                  id="overdue-warning"),
     pytest.param(document("invalid", procedure={"adviseur_in_vertrouwen": False}), 1,
                  id="invalid-error-and-overdue-warning")],
)
def test_fail_on_overdue_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 doc: dict[str, Any], code: int) -> None:
    """``--fail-on overdue,warning``: overdue findings of warning rules only."""
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "overdue,warning") == code


def test_fail_on_unknown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--fail-on unknown``: a document without procedure facts fails; one with them does not."""
    assert exit_code(capsys, tmp_path, document("ok", facts=False), "--fail-on", "unknown") == 1
    assert exit_code(capsys, tmp_path, document("ok"), "--fail-on", "unknown") == 0
    # The overdue oath does not count once the list is given.
    assert exit_code(capsys, tmp_path, document("overdue"), "--fail-on", "unknown") == 0


def test_fail_on_waived(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--fail-on waived`` makes a waived finding fail the run; by default it does not."""
    doc = document("overdue")
    doc["waivers"] = [{"rule": EED, "subject": "B-overdue", "reason": "langdurig ziek",
                       "until": "2024-12-31"}]
    assert exit_code(capsys, tmp_path, doc) == 0
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "waived") == 1
    assert exit_code(capsys, tmp_path, doc, "--fail-on", "waived,warning") == 0


@pytest.mark.parametrize(("words", "bad"), [("bogus", "bogus"), ("overdue,bogus", "bogus"),
                                            ("Overdue", "Overdue"), ("overdue,", ""),
                                            ("", ""), ("errors", "errors")])
@pytest.mark.usefixtures("english")
def test_fail_on_bad_word_exits_2_listing_the_choices(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path, words: str,
                                                      bad: str) -> None:
    """A word that is no status or severity: usage error, exit 2, the choices listed."""
    code, out, err = run(capsys, "check", write(tmp_path, document("ok")), "--fail-on", words)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (f"integriteit check: error: argument --fail-on: {bad!r} is "
                                    f"not a status or severity ({CHOICES})")
    assert "Traceback" not in err


@pytest.mark.usefixtures("english")
def test_fail_on_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    """``check --help`` documents ``--fail-on`` and ``--explain``."""
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    assert "--fail-on LIST" in out and "--explain" in out


@pytest.mark.parametrize(
    ("statuses", "severities", "failed"),
    [({Status.OVERDUE, Status.INVALID}, None, True),
     ({Status.LATE}, None, False),
     ({Status.OVERDUE, Status.INVALID}, {Severity.ERROR}, True),
     ({Status.OVERDUE, Status.INVALID}, {Severity.WARNING}, False),
     ({Status.DUE}, {Severity.ERROR}, True),
     ({Status.DUE}, {Severity.WARNING}, False)],
)
def test_failed_with_statuses_and_severities(statuses: set[Status],
                                             severities: set[Severity] | None,
                                             failed: bool) -> None:
    """``CheckResult.failed(statuses, severities)``: both must match one finding."""
    doc = integriteit.from_dict(document("overdue", "due"))
    result = integriteit.check(doc, date.fromisoformat(AT))
    assert result.failed(statuses, severities) is failed


# --- check --explain --------------------------------------------------------------------------


def test_explain_adds_citation_facts_policy_and_deadline_under_each_finding(
        capsys: pytest.CaptureFixture[str], demo: str) -> None:
    """Under P003: the article, ``Facts:``, the policy value with its origin, the deadline."""
    code, out, err = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", EED, "--explain",
                         "--lang", "en")
    assert (code, err) == (1, "")
    text = blocks(out)["P003"]
    assert text.startswith("Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(a) and art. 7. Facts: ")
    assert ("Facts: term: 2 months (default value); start: 2 March 2026; deadline: 2 May 2026; "
            "days past the deadline: 30.") in text
    assert ("Policy: Term for the eed or belofte: 2 months after the start of employment, "
            "default: 2 months, after the Regeling eed en belofte SZW 1999 art. 4 (lapsed, but "
            "binding as a cao where none was concluded: Ambtenarenwet 2017 art. 17(3)); not a "
            "statutory term (the Rijk now uses 3 months). Deadline: ") in text
    assert text.endswith("Algemene termijnenwet does not apply: not a statutory term (art. 1 "
                         "covers only terms set in a wet or AMvB); deadline 2 May 2026.")


def test_explain_text_is_the_result_explain(capsys: pytest.CaptureFixture[str],
                                            demo: str) -> None:
    """Every finding gets the text of ``CheckResult.explain``, wrapped and indented."""
    _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", EED, "--explain",
                    "--lang", "en")
    result = integriteit.check(integriteit.example(), date.fromisoformat(DEMO_AT), rules=[EED])
    found = blocks(out)
    assert set(found) == {f.subject for f in result.findings}
    for f in result.findings:
        assert squeeze(found[f.subject]) == squeeze(result.explain(f, "en"))
    assert all(len(line) <= 100 for line in out.splitlines() if line.startswith("        "))


def test_explain_in_dutch(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    """Dutch: the citation in Dutch style, ``Feiten:``, ``Beleid:`` with its origin."""
    _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", EED, "--explain")
    text = blocks(out)["P003"]
    assert text.startswith("Ambtenarenwet 2017 (BWBR0001947) art. 5 lid 1 onder a en art. 7. "
                           "Feiten: ")
    assert ("Feiten: termijn: 2 maanden (standaardwaarde); indiensttreding: 2 maart 2026; "
            "uiterste datum: 2 mei 2026; dagen na de uiterste datum: 30.") in text
    assert ("Beleid: Termijn voor de eed of belofte: 2 maanden na indiensttreding, standaard: 2 "
            "maanden, naar de Regeling eed") in text
    assert "Termijn: 2 maanden na 2 maart 2026 = 2 mei 2026" in text


@pytest.mark.parametrize(
    ("options", "origin"),
    [pytest.param((), "default: 2 months", id="default"),
     pytest.param(("--term-months", "3"), "given with the call (organisation policy, not law)",
                  id="call")],
)
def test_explain_gives_where_the_policy_value_came_from(
        capsys: pytest.CaptureFixture[str], demo: str, options: tuple[str, ...],
        origin: str) -> None:
    """The policy value is shown with who set it: default, document or call."""
    _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", EED, "--explain",
                    "--lang", "en", *options)
    value = options[1] if options else "2"
    assert (f"Policy: Term for the eed or belofte: {value} months after the start of employment, "
            f"{origin}") in blocks(out)["P003"]


def test_explain_gives_policy_set_in_the_document(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    """A term from the document: ``set in the document``."""
    doc = document("overdue")
    doc["policy"] = {"oath_term_months": 1}
    _, out, _ = run(capsys, "check", write(tmp_path, doc), "--at", AT, "--rule", EED,
                    "--explain", "--lang", "en")
    assert ("Policy: Term for the eed or belofte: 1 month after the start of employment, set in "
            "the document (organisation policy, not law). ") in blocks(out)["B-overdue"]


def test_explain_shows_the_algemene_termijnenwet_extension_of_the_acknowledgement(
        capsys: pytest.CaptureFixture[str], demo: str) -> None:
    """The acknowledgement of R-2025-01 was due on King's Day 2025: extended to the Monday."""
    _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", ACK, "--explain",
                    "--lang", "en")
    text = blocks(out)["R-2025-01"]
    assert text.startswith("Wet bescherming klokkenluiders (BWBR0037852) art. 2(2)(h). Facts: ")
    assert ("Deadline: 7 days after 19 April 2025 = 26 April 2025; Algemene termijnenwet applies "
            "(art. 1 and 2); 26 April 2025 King's Day, 27 April 2025 Sunday: extended to and "
            "including 28 April 2025 (Algemene termijnenwet (BWBR0002448) art. 1(1)); deadline "
            "28 April 2025.") in text
    assert "Policy:" not in text  # the Wbk terms are statute, not policy
    _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", ACK, "--explain")
    assert "26 april 2025 Koningsdag, 27 april 2025 zondag: verlengd tot en met 28 april 2025" in (
        blocks(out)["R-2025-01"])


def test_explain_of_a_waived_finding_lists_the_waiver_facts(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    """A waived finding's explanation includes the waiver's end, reason and suspended status."""
    doc = document("overdue")
    doc["waivers"] = [{"rule": EED, "subject": "B-overdue", "reason": "langdurig ziek",
                       "until": "2024-12-31"}]
    _, out, _ = run(capsys, "check", write(tmp_path, doc), "--at", AT, "--rule", EED,
                    "--explain", "--lang", "en")
    assert ("waived to and including: 31 December 2024; reason for the waiver: langdurig ziek; "
            "without the waiver: overdue.") in blocks(out)["B-overdue"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_without_explain_none_of_it(capsys: pytest.CaptureFixture[str], demo: str,
                                    lang: str) -> None:
    """Without ``--explain``: no citation, facts, policy origin or deadline computation."""
    for rule in (EED, ACK):
        _, out, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", rule, "--lang", lang)
        assert blocks(out) == {}
        for absent in ("BWBR", "Facts:", "Feiten:", "Term for the eed or belofte:",
                       "Termijn voor de eed of belofte:", "Deadline:", "Termijn:",
                       "Algemene termijnenwet", "King's Day", "Koningsdag"):
            assert absent not in out
        _, explained, _ = run(capsys, "check", demo, "--at", DEMO_AT, "--rule", rule, "--lang",
                              lang, "--explain")
        # --explain only adds lines: without them the output is the same.
        assert [line for line in explained.splitlines()
                if not line.startswith("        ")] == out.splitlines()


def test_explain_of_unknown_shows_no_empty_fact(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    """Without procedure facts, ``unknown`` findings explain themselves without empty facts."""
    _, out, _ = run(capsys, "check", write(tmp_path, document("ok", facts=False)), "--at", AT,
                    "--rule", "wbk.meldprocedure", "--rule", "wbk.meldprocedure.functionaris",
                    "--explain", "--lang", "en")
    text = blocks(out)["organisation"]  # both rules' explanations: the subject is the same
    assert "Facts: fact in the document: facts.meldprocedure. " in text
    assert "Facts: fact in the document: facts.meldprocedure.functionaris." in text
    assert not re.search(r": *[;.]", text)  # no fact without a value
    assert "field" not in text


def test_explain_does_not_change_json_or_the_exit_code(capsys: pytest.CaptureFixture[str],
                                                       demo: str) -> None:
    """JSON always carries ``explanation``; ``--explain`` changes neither it nor the exit code."""
    plain = run(capsys, "check", demo, "--at", DEMO_AT, "--format", "json")
    explained = run(capsys, "check", demo, "--at", DEMO_AT, "--format", "json", "--explain")
    assert plain == explained
    assert all(isinstance(f["explanation"], str | None)
               for f in json.loads(plain[1])["findings"])
    for options in ((), ("--fail-on", "warning"), ("--fail-on", "late")):
        assert run(capsys, "check", demo, "--at", DEMO_AT, *options)[0] == run(
            capsys, "check", demo, "--at", DEMO_AT, "--explain", *options)[0]


def test_text_exporter_write_explained() -> None:
    """The ``text`` exporter has ``write_explained``; its lines add to those of ``write``."""
    exporter = default_registry().exporter("text")
    assert exporter.write_explained is not None
    result = integriteit.check(integriteit.example(), date.fromisoformat(DEMO_AT))
    plain, explained = io.StringIO(), io.StringIO()
    exporter.write(result, plain, "en")
    exporter.write_explained(result, explained, "en")
    extra = [line for line in explained.getvalue().splitlines() if line.startswith("        ")]
    assert len(extra) > len(result.findings)
    assert [line for line in explained.getvalue().splitlines()
            if not line.startswith("        ")] == plain.getvalue().splitlines()


# --- explain RULE --at --------------------------------------------------------------------------


def test_explain_terugkoppeling_at_date_works_the_term_through(
        capsys: pytest.CaptureFixture[str]) -> None:
    """3 months after 2025-11-30 is Saturday 2026-02-28; the Atw moves it to Monday 2026-03-02."""
    code, out, err = run(capsys, "explain", "wbk.terugkoppeling", "--at", "2025-11-30",
                         "--lang", "en")
    assert (code, err) == (0, "")
    terms = out.split("\nTerms:\n", 1)[1]
    lines = terms.splitlines()
    assert lines[0] == "  3 months: Algemene termijnenwet applies (art. 1 and 2)"
    example = " ".join(line.strip() for line in lines[1:] if line.startswith("    "))
    assert example == (
        "Example for an event on 30 November 2025: 3 months after 30 November 2025 = 28 "
        "February 2026; month arithmetic: same day number, else the last day of the month; "
        "Algemene termijnenwet applies (art. 1 and 2); 28 February 2026 Saturday, 1 March 2026 "
        "Sunday: extended to and including 2 March 2026 (Algemene termijnenwet (BWBR0002448) "
        "art. 1(1)); deadline 2 March 2026.")


def test_explain_terugkoppeling_at_date_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    """Dutch: ``Termijnen:``, ``Voorbeeld voor een gebeurtenis op``, ``uiterlijk 2 maart 2026``."""
    code, out, _ = run(capsys, "explain", "wbk.terugkoppeling", "--at", "2025-11-30")
    assert code == 0
    terms = out.split("\nTermijnen:\n", 1)[1]
    assert terms.startswith("  3 maanden: Algemene termijnenwet van toepassing (art. 1 en 2)\n")
    assert squeeze("Voorbeeld voor een gebeurtenis op 30 november 2025: 3 maanden na 30 "
                   "november 2025 = 28 februari 2026") in squeeze(terms)
    _, calendar = squeeze(terms).split(squeeze("uiterlijk 2 maart 2026."))
    assert calendar == squeeze(
        "Algemene termijnenwet (BWBR0002448) art. 3 lid 3: bij Koninklijk Besluit met een "
        "feestdag gelijkgestelde dagen bekend voor 2017–2019 en 2023–2028; een termijn berekend "
        "over een ander jaar krijgt de kanttekening atw.calendar_incomplete")


def test_explain_terugkoppeling_at_date_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: ``terms[0].example`` has the event, the deadline and the explanation."""
    code, out, _ = run(capsys, "explain", "wbk.terugkoppeling", "--at", "2025-11-30",
                       "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    [term] = data["terms"]
    assert term["example"]["deadline"] == "2026-03-02"
    assert term["example"]["event"] == "2025-11-30"
    assert term["example"]["explanation"].endswith("deadline 2026-03-02.")
    assert (term["term"], term["origin"], term["atw"]) == ("3 months", "statute", True)
    assert term["example"]["caveats"] == []
    assert list(data) == ["id", "title", "severity", "binding", "subject", "versions",
                          "atw_calendar", "terms", "explanation", "parameters", "statuses"]


def test_explain_ontvangstbevestiging_at_kings_day(capsys: pytest.CaptureFixture[str]) -> None:
    """7 days after 2025-04-19 is King's Day, then a Sunday: due Monday 2025-04-28."""
    _, out, _ = run(capsys, "explain", ACK, "--at", "2025-04-19", "--format", "json")
    assert json.loads(out)["terms"][0]["example"]["deadline"] == "2025-04-28"


def test_explain_of_a_rule_without_terms(capsys: pytest.CaptureFixture[str]) -> None:
    """The oath term is policy, not a statutory term: no ``Terms`` section, ``terms`` empty."""
    code, out, _ = run(capsys, "explain", EED, "--at", "2025-11-30", "--lang", "en")
    assert code == 0
    assert "\nTerms:\n" not in out and "Example for an event" not in out
    _, out, _ = run(capsys, "explain", EED, "--at", "2025-11-30", "--format", "json")
    assert json.loads(out)["terms"] == []


def test_rule_terms_compute_the_same_deadline() -> None:
    """``Rule.terms`` is what ``explain`` prints: the Python API gives the same deadline."""
    [rule] = [r for r in integriteit.rules() if r.id == "wbk.terugkoppeling"]
    [term] = rule.terms
    assert term.compute(date(2025, 11, 30)).end == date(2026, 3, 2)


def test_explain_at_date_before_the_term_gives_no_deadline(
        capsys: pytest.CaptureFixture[str]) -> None:
    """For an event in 2020 the feedback term did not exist yet: no example deadline."""
    _, out, _ = run(capsys, "explain", "wbk.terugkoppeling", "--at", "2020-01-06", "--format",
                    "json", "--lang", "en")
    [term] = json.loads(out)["terms"]
    assert term["example"] is None or term["example"].get("deadline") is None


@pytest.mark.usefixtures("english")
def test_explain_at_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """``--at`` takes ``YYYY-MM-DD`` only."""
    code, out, err = run(capsys, "explain", "wbk.terugkoppeling", "--at", "30-11-2025")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == ("integriteit explain: error: argument --at: '30-11-2025' is "
                                    "not a date (YYYY-MM-DD)")
