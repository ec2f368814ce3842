"""The command line, end to end: in-process through ``main()`` and as a real ``python -m`` process.

Exit codes: 0 nothing overdue or invalid; 1 something is; 2 usage or input error (one line per
problem on stderr, never a traceback); 3 a rule or plugin failed.
"""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import RuleContext, RuleVersion, Severity, Status, SubjectKind, Text
from integriteit.cli import main
from integriteit.plugins import PluginError, Registry, build_registry

AT = "2024-06-01"
EED = "ambtenarenwet.eed"
FINDING_KEYS = {"rule", "subject", "status", "due", "message", "source", "severity", "facts",
                "explanation", "caveats"}
NEVENWERK = "ambtenarenwet.nevenwerkzaamheden"
# The headings of the status groups in the English text output.
HEADINGS = {"error": "Rule failed: not assessed", "overdue": "Overdue", "invalid": "Invalid data",
            "late": "Late", "due": "Due, within the term", "unknown": "Unknown: facts missing",
            "waived": "Waived", "ok": "OK", "not_applicable": "Not applicable"}
ALL_RULES = ("ambtenarenwet.eed, ambtenarenwet.integriteitsbeleid, ambtenarenwet.personeelsbeleid, "
             "ambtenarenwet.gedragscode, ambtenarenwet.verantwoording, "
             "ambtenarenwet.nevenwerkzaamheden, ambtenarenwet.openbaarmaking, "
             "ambtenarenwet.financiele_belangen, "
             "wbk.ontvangstbevestiging, wbk.terugkoppeling, wbk.meldprocedure, "
             "wbk.meldprocedure.functionaris, wbk.meldprocedure.adviseur_in_vertrouwen, "
             "wbk.meldprocedure.instemming, wbk.register, beleid.integriteitsverklaring, "
             "beleid.workshop")

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
EXPECTED = {"A-ok": "ok", "B-overdue": "overdue", "C-late": "late", "D-due": "due",
            "E-na": "not_applicable", "F-invalid": "invalid"}

# Nevenwerkzaamheden (Aw 2017 art. 5(1)(b)), per employee: the document states nothing about
# them, so unknown for every ambtenaar; the hired external is not bound.
NEVENWERK_EXPECTED = {**dict.fromkeys(EXPECTED, "unknown"), "E-na": "not_applicable"}

# The organisation (a provincie of 10, no facts) as of AT. The duties of Aw 2017 art. 4 and
# 5(1)(d) bind every public employer since 2020, but the document states no facts: unknown.
# By the Wbk rules: Aw 2017 art. 5(1)(e) requires a procedure of every public employer, but the
# document says nothing about one; the elements of Wbk art. 2 apply only from 50 workers.
ORGANISATION = {"ambtenarenwet.integriteitsbeleid": "unknown",
                "ambtenarenwet.personeelsbeleid": "unknown",
                "ambtenarenwet.gedragscode": "unknown",
                "ambtenarenwet.verantwoording": "unknown",
                "ambtenarenwet.financiele_belangen": "unknown",
                "wbk.meldprocedure": "unknown",
                "wbk.meldprocedure.functionaris": "not_applicable",
                "wbk.meldprocedure.adviseur_in_vertrouwen": "not_applicable",
                "wbk.meldprocedure.instemming": "not_applicable",
                "wbk.register": "not_applicable"}


def document(*ids: str) -> dict[str, Any]:
    chosen = [copy.deepcopy(e) for e in EMPLOYEES if not ids or e["id"] in ids]
    return {"organisation": {"name": "Provincie Test", "kind": "provincie", "headcount": 10},
            "employees": chosen}


def write(tmp_path: Path, data: Any, name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(args)``: exit code (also when argparse exits), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_error(err: str, lines: int | None = None) -> None:
    """Errors are lines for people, never a traceback."""
    assert "Traceback" not in err
    assert err.endswith("\n")
    if lines is not None:
        assert len(err.splitlines()) == lines


# --- check: JSON -----------------------------------------------------------------------------


def test_check_json_lists_every_employee_with_the_finding_keys(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check --format json``: a findings list, each finding with its keys, every employee."""
    path = write(tmp_path, document())
    code, out, err = run(capsys, "check", path, "--at", AT, "--format", "json", "--lang", "en")
    assert code == 1
    assert err == ""
    data = json.loads(out)
    assert isinstance(data["findings"], list)
    for f in data["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["due"] is None or date.fromisoformat(f["due"]).isoformat() == f["due"]
        assert f["message"] and f["source"]
        assert f["explanation"] is None or isinstance(f["explanation"], str)
    eed = [f for f in data["findings"] if f["rule"] == EED]
    assert {f["subject"]: f["status"] for f in eed} == EXPECTED
    due = {f["subject"]: f["due"] for f in eed}
    assert due["A-ok"] == "2024-03-15"
    assert due["D-due"] == "2024-07-01"
    assert due["E-na"] is None
    nevenwerk = [f for f in data["findings"] if f["rule"] == NEVENWERK]
    assert {f["subject"]: f["status"] for f in nevenwerk} == NEVENWERK_EXPECTED
    publication = [f for f in data["findings"] if f["rule"] == "ambtenarenwet.openbaarmaking"]
    assert {f["status"] for f in publication} == {"not_applicable"}  # nothing designated
    others = [f for f in data["findings"] if f["rule"] not in (EED, NEVENWERK,
                                                                 "ambtenarenwet.openbaarmaking")]
    assert {f["subject"] for f in others} == {"organisation"}
    assert {f["rule"]: f["status"] for f in others} == ORGANISATION
    assert data["at"] == AT
    assert data["lang"] == "en"
    # 6 employees x 3 rules, no register entries, the organisation x 10 rules.
    assert len(data["findings"]) == 6 * 3 + 10
    # not_applicable: E-na twice, 4 Wbk elements, publication x 6 (nothing designated);
    # unknown: 5 nevenwerk, 5 Aw duties, procedure.
    assert data["summary"] == {**{s.value: 0 for s in Status}, "ok": 1, "late": 1, "due": 1,
                               "overdue": 1, "not_applicable": 2 + 4 + 6, "invalid": 1,
                               "unknown": 5 + 5 + 1}


def test_check_json_messages_follow_lang(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang`` picks the language of messages and citations (Dutch by default)."""
    path = write(tmp_path, document("A-ok"))
    _, out_nl, _ = run(capsys, "check", path, "--at", AT, "--format", "json", "--rule", EED)
    _, out_en, _ = run(capsys, "check", path, "--at", AT, "--format", "json", "--lang", "en",
                       "--rule", EED)
    [nl] = json.loads(out_nl)["findings"]
    [en] = json.loads(out_en)["findings"]
    assert nl["message"].startswith("Afgelegd (eed) op 2024-02-01")
    assert en["message"].startswith("Taken (eed) on 2024-02-01")
    assert "art. 5 lid 1 onder a" in nl["source"]
    assert "art. 5(1)(a)" in en["source"]


def test_term_months_option_overrides_the_term(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """``--term-months N`` changes every deadline and is reported as set by the call."""
    path = write(tmp_path, {**document("B-overdue", "C-late"), "policy": {"oath_term_months": 1}})
    code, out, _ = run(capsys, "check", path, "--at", AT, "--format", "json", "--term-months", "6",
                       "--rule", EED)
    assert code == 0
    data = json.loads(out)
    assert {f["subject"]: (f["status"], f["due"]) for f in data["findings"]} == {
        "B-overdue": ("due", "2024-07-15"), "C-late": ("ok", "2024-07-15")}
    assert data["policy"]["oath_term_months"]["value"] == 6
    assert data["policy"]["oath_term_months"]["set_by"] == "call"


def test_document_policy_is_used_without_term_option(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``--term-months`` the document's own policy applies."""
    path = write(tmp_path, {**document("B-overdue"), "policy": {"oath_term_months": 6}})
    code, out, _ = run(capsys, "check", path, "--at", AT, "--format", "json", "--rule", EED)
    assert code == 0
    data = json.loads(out)
    assert data["findings"][0]["due"] == "2024-07-15"
    assert data["policy"]["oath_term_months"]["set_by"] == "document"


# --- check: text -----------------------------------------------------------------------------


def test_check_text_is_grouped_overdue_first_with_a_summary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Text output groups findings by status, what needs action first, and ends with a summary."""
    path = write(tmp_path, document())
    code, out, _ = run(capsys, "check", path, "--at", AT, "--lang", "en")
    assert code == 1
    order = ["overdue", "invalid", "late", "due", "unknown", "ok", "not_applicable"]
    positions = [out.index(f"\n{HEADINGS[status]}: ") for status in order]
    assert positions == sorted(positions)
    for subject, status in EXPECTED.items():
        assert subject in listed(out, status, EED)
    for subject, status in NEVENWERK_EXPECTED.items():
        assert subject in listed(out, status, NEVENWERK)
    assert out.count(f"  {EED}\n") == len(set(EXPECTED.values()))
    assert "\nUnknown: facts missing: 11\n" in out
    assert listed(out, "unknown", "wbk.meldprocedure") == ["organisation"]
    lines = out.rstrip("\n").splitlines()
    assert lines[0] == "Provincie Test (province, 10 staff), as of 1 June 2024"
    # 18 employee findings (3 rules; publication: nothing designated) and 10 about the
    # organisation; 15 rules (the policy rules are off); 6 employees + the organisation.
    assert lines[-1] == ("Summary: 28 findings of 15 rules over 7 subjects: 1 overdue, "
                         "1 invalid, 1 late, 1 due, 11 unknown, 1 ok, 12 not applicable.")


def listed(out: str, status: str, rule: str) -> list[str]:
    """The subjects the text output lists under ``rule`` in the group of ``status``."""
    [group] = [g for g in out.split("\n\n")
               if re.fullmatch(rf"{re.escape(HEADINGS[status])}: \d+", g.split("\n", 1)[0])]
    subjects: list[str] = []
    current = None
    for line in group.splitlines()[1:]:
        if not line.startswith("    "):
            current = line.strip()
        elif current == rule:
            subjects.append(line.split()[0])
    return subjects


def test_check_text_in_dutch_by_default(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Text output is Dutch unless ``--lang en`` is given."""
    path = write(tmp_path, document("B-overdue"))
    _, out, _ = run(capsys, "check", path, "--at", AT)
    assert "peildatum 1 juni 2024" in out
    assert "\nTermijn verstreken: 1\n" in out
    assert out.rstrip().splitlines()[-1].startswith("Samenvatting: ")


def test_check_text_without_employees(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Without employees the oath rule has no findings; the organisation still has its own."""
    path = write(tmp_path, {"organisation": {"name": "Rijk", "kind": "rijk"}})
    code, out, _ = run(capsys, "check", path, "--at", AT, "--lang", "en", "--rule", EED)
    assert code == 0
    assert "No findings." in out
    assert out.rstrip().splitlines()[-1] == (
        "Summary: 0 findings of 1 rule over 0 subjects: -.")
    # All rules: no headcount, so the Wbk elements apply, and no facts, so each of them and each
    # Ambtenarenwet duty of the organisation is unknown; unknown does not fail the run.
    code, out, _ = run(capsys, "check", path, "--at", AT, "--lang", "en")
    assert code == 0
    assert "No findings." not in out
    assert out.rstrip().splitlines()[-1] == (
        "Summary: 10 findings of 15 rules over 1 subject: 10 unknown.")


# --- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "code"),
    [
        (("A-ok", "C-late", "D-due", "E-na"), 0),
        (("A-ok", "B-overdue"), 1),
        (("A-ok", "F-invalid"), 1),
        ((), 1),
    ],
)
def test_exit_code_says_whether_anything_is_overdue_or_invalid(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ids: tuple[str, ...],
        code: int) -> None:
    """Exit 0 when nothing is overdue or invalid (late and due are fine), else 1."""
    path = write(tmp_path, document(*ids) if ids else document())
    for fmt in ("text", "json"):
        assert run(capsys, "check", path, "--at", AT, "--format", fmt)[0] == code


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "01-06-2024", "20240601",
                                   "today", ""])
@pytest.mark.usefixtures("english")
def test_bad_reference_date_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           value: str) -> None:
    """``--at`` must be a real YYYY-MM-DD date: exit 2 with the value named."""
    path = write(tmp_path, document())
    code, out, err = run(capsys, "check", path, "--at", value)
    assert code == 2
    assert out == ""
    assert f"{value!r} is not a date (YYYY-MM-DD)" in err
    assert_clean_error(err)


@pytest.mark.parametrize("value", ["-1", "121", "two", "1.5", ""])
@pytest.mark.usefixtures("english")
def test_bad_term_months_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        value: str) -> None:
    """``--term-months`` must be a whole number from 0 to 120: exit 2."""
    path = write(tmp_path, document())
    code, out, err = run(capsys, "check", path, "--term-months", value)
    assert code == 2
    assert out == ""
    assert "is not a whole number of months from 0 to 120" in err
    assert_clean_error(err)


@pytest.mark.parametrize("value", ["0", "120"])
def test_term_months_bounds_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         value: str) -> None:
    """0 and 120 months are valid terms."""
    path = write(tmp_path, document("A-ok"))
    code, out, err = run(capsys, "check", path, "--at", AT, "--term-months", value,
                         "--format", "json", "--rule", EED)
    assert (code, err) == (0, "")
    [f] = json.loads(out)["findings"]
    # The oath came 17 days after the start: late with a term of 0 months, ok with 120.
    assert f["status"] == ("late" if value == "0" else "ok")


def test_missing_file_is_one_error_line(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist: exit 2, one line naming it."""
    path = tmp_path / "missing.json"
    code, out, err = run(capsys, "check", str(path), "--lang", "en")
    assert code == 2
    assert out == ""
    assert err == f"integriteit: error: {path}: cannot read the file (No such file or directory)\n"


def test_malformed_json_is_one_error_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Malformed JSON: exit 2, one line with line and column."""
    path = write(tmp_path, '{"organisation": }')
    code, out, err = run(capsys, "check", path, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err == f"integriteit: error: {path}: line 1 column 18: not valid JSON: Expecting value\n"


def test_every_input_problem_is_one_line_in_the_chosen_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several problems: one stderr line each, in ``--lang``."""
    data = document("A-ok", "B-overdue")
    data["employees"][0]["start"] = "2024-13-01"
    data["employees"][1]["employment"] = "zzp"
    data["organisation"]["headcont"] = 3
    path = write(tmp_path, data)
    code, _, err_en = run(capsys, "check", path, "--lang", "en")
    assert code == 2
    assert_clean_error(err_en, lines=3)
    assert all(line.startswith(f"integriteit: error: {path}: ") for line in err_en.splitlines())
    assert "organisation.headcont: unknown field" in err_en
    assert "did you mean 'headcount'?" in err_en
    assert "employees[0].start: \"2024-13-01\" is not a date (YYYY-MM-DD) [id 'A-ok']" in err_en
    assert "employees[1].employment: \"zzp\" is not allowed" in err_en
    code, _, err_nl = run(capsys, "check", path)
    assert code == 2
    assert_clean_error(err_nl, lines=3)
    assert "bedoelt u 'headcount'?" in err_nl
    assert "is geen geldige datum (JJJJ-MM-DD)" in err_nl


def test_unknown_rule_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--rule unknown.rule``: exit 2, naming the rule and the known ones."""
    path = write(tmp_path, document())
    code, out, err = run(capsys, "check", path, "--rule", "unknown.rule")
    assert code == 2
    assert out == ""
    assert "onbekende regel 'unknown.rule'" in err  # Dutch by default
    code, _, err = run(capsys, "check", path, "--rule", "unknown.rule", "--lang", "en")
    assert "unknown rule 'unknown.rule'" in err
    assert "ambtenarenwet.eed" in err
    assert_clean_error(err, lines=1)


def test_rule_option_selects_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--rule ambtenarenwet.eed`` runs that rule."""
    path = write(tmp_path, document("A-ok"))
    code, out, _ = run(capsys, "check", path, "--at", AT, "--rule", "ambtenarenwet.eed",
                       "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["rules"]] == ["ambtenarenwet.eed"]


@pytest.mark.parametrize(
    "args",
    [[], ["check"], ["frobnicate"], ["check", "x.json", "--format", "xml"],
     ["check", "x.json", "--lang", "de"], ["demo", "--verbose"]],
)
@pytest.mark.usefixtures("english")
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    """A missing command or argument, or an unknown choice, is exit 2 with usage help."""
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "usage: integriteit" in err
    assert_clean_error(err)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the version and exits 0."""
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"integriteit {integriteit.__version__}"


def test_check_reads_standard_input_in_process(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """``check -`` reads the document from standard input."""
    raw = json.dumps(document("A-ok", "D-due")).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, _ = run(capsys, "check", "-", "--at", AT, "--format", "json", "--rule", EED)
    assert code == 0
    assert [f["status"] for f in json.loads(out)["findings"]] == ["ok", "due"]


def test_standard_input_problems_are_named_stdin(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Problems in standard input are reported as ``<stdin>``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[]"), encoding="utf-8"))
    code, _, err = run(capsys, "check", "-", "--lang", "en")
    assert code == 2
    assert err == "integriteit: error: <stdin>: [] is not an object\n"


# --- demo and rules --------------------------------------------------------------------------


def test_demo_exits_0_and_mentions_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """``demo`` checks the bundled example, explains itself and exits 0."""
    code, out, err = run(capsys, "demo", "--lang", "en")
    assert code == 0
    assert err == ""
    assert out.startswith("Demo: integriteit checks the bundled example, a province with 15 "
                          "employees from its HR export and 6 entries in its integrity register, "
                          "as of 1 June 2026.")
    assert "ambtenarenwet.eed" in out
    assert "wbk.ontvangstbevestiging" in out
    assert "as of 1 June 2026" in out
    # Worked out in test_demo.py: 15 employees x 4 rules, 12 register, 10 organisation.
    assert out.rstrip().splitlines()[-1] == (
        "Summary: 82 findings of 16 rules over 22 subjects: 5 overdue, 1 invalid, 4 late, "
        "4 due, 19 ok, 49 not applicable.")


def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``demo --format json`` is pure JSON (no introduction), as of the demo date."""
    code, out, _ = run(capsys, "demo", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["at"] == "2026-06-01"
    assert len(data["findings"]) == 15 * 4 + 12 + 10


def test_demo_print_input_is_accepted_by_check(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """``demo --print-input`` prints JSON that ``check`` accepts, with the demo's results."""
    code, printed, _ = run(capsys, "demo", "--print-input")
    assert code == 0
    json.loads(printed)
    path = write(tmp_path, printed, "example.json")
    code, out, err = run(capsys, "check", path, "--at", "2026-06-01", "--format", "json")
    assert err == ""
    assert code == 1  # the example has an overdue and an invalid finding
    _, demo_out, _ = run(capsys, "demo", "--format", "json")
    assert json.loads(out)["findings"] == json.loads(demo_out)["findings"]


def test_demo_at_another_date(capsys: pytest.CaptureFixture[str]) -> None:
    """``demo --at`` checks the example as of another date."""
    code, out, _ = run(capsys, "demo", "--at", "2026-07-15", "--format", "json")
    assert code == 0
    statuses = {f["subject"]: f["status"] for f in json.loads(out)["findings"]
                if f["rule"] == EED}
    assert statuses["P004"] == "overdue"  # deadline 2026-07-11
    assert statuses["P013"] == "due"      # started 2026-07-01


def test_rules_lists_the_rule_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """``rules`` lists every rule with its versions and the articles they cite."""
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "ambtenarenwet.eed" in out
    assert "Eed of belofte bij indiensttreding" in out
    assert "125quinquies lid 1 onder a" in out
    assert "art. 5 lid 1 onder a" in out
    assert "art. 7" in out
    assert "2020-01-01" in out
    assert "https://wetten.overheid.nl/" in out
    code, out_en, _ = run(capsys, "rules", "--lang", "en")
    assert "[error, statute]" in out_en
    assert "art. 5(1)(a)" in out_en


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``rules --format json`` gives each rule with versions and sources."""
    code, out, _ = run(capsys, "rules", "--format", "json", "--lang", "en")
    assert code == 0
    [eed] = [r for r in json.loads(out) if r["id"] == "ambtenarenwet.eed"]
    assert [v["valid_from"] for v in eed["versions"]] == [None, "2020-01-01"]
    assert [s["article"] for s in eed["versions"][1]["sources"]] == ["5", "7"]
    assert eed["versions"][1]["sources"][0]["citation"].endswith("art. 5(1)(a)")


def test_explain_shows_sources_versions_and_parameters(
        capsys: pytest.CaptureFixture[str]) -> None:
    """``explain RULE`` shows the rule's versions, sources, how it decides and its parameters."""
    code, out, _ = run(capsys, "explain", "ambtenarenwet.eed", "--lang", "en")
    assert code == 0
    assert out.startswith("ambtenarenwet.eed: Eed or belofte at the start of employment\n")
    assert "125quinquies" in out
    assert "art. 5(1)(a)" in out
    assert "The deadline day itself is in time." in out
    assert ("\n  Term for the eed or belofte (oath_term_months), default: 2 months after the "
            "start of employment\n") in out
    code, out, _ = run(capsys, "explain", "ambtenarenwet.eed", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "ambtenarenwet.eed"
    assert [p["name"] for p in data["parameters"]] == [
        "oath_term_months", "oath_days_before_start", "oath_earlier_employment_counts"]
    assert set(data["statuses"]) == {s.value for s in Status}


def test_explain_unknown_rule_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``explain`` of an unknown rule: exit 2, one line naming the known rules."""
    code, out, err = run(capsys, "explain", "unknown.rule", "--lang", "en")
    assert code == 2
    assert out == ""
    assert err == f"integriteit: error: unknown rule 'unknown.rule' (known: {ALL_RULES})\n"
    _, _, err = run(capsys, "explain", "unknown.rule")
    assert err == f"integriteit: fout: onbekende regel 'unknown.rule' (bekend: {ALL_RULES})\n"


# --- failures of rules and plugins -----------------------------------------------------------


def _broken_registry() -> Registry:
    def prepare(ctx: RuleContext) -> Any:
        def evaluate(item: Any) -> Any:
            raise RuntimeError("kapot")
        return evaluate

    broken = integriteit.Rule(
        "test.broken", Text("Kapot", "Broken"), Severity.ERROR, SubjectKind.EMPLOYEE,
        (RuleVersion(None, None, (), prepare, Text("", "")),))
    return build_registry(entry_point_plugins=False,
                          extra=[("tests", lambda reg: reg.add_rule(broken))])


def test_failing_rule_is_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """A rule that raises is an internal error: exit 3, one line, no traceback; the output
    is complete, with an ``error`` finding where the rule failed."""
    monkeypatch.setattr("integriteit.cli.default_registry", _broken_registry)
    path = write(tmp_path, document("A-ok"))
    code, out, err = run(capsys, "check", path, "--at", AT, "--lang", "en")
    assert code == 3
    assert "\nRule failed: not assessed: 1\n" in out and "kapot" in out
    assert err == ("integriteit: internal error: rule test.broken failed for 1 subject, "
                   "not assessed (status error in the output)\n")
    assert_clean_error(err, lines=1)


@pytest.mark.usefixtures("english")
def test_failing_plugin_is_exit_3(monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin that cannot be loaded is a failure of that plugin: one line, exit 3."""
    def broken() -> Registry:
        raise PluginError("plugin x failed while registering: boom")

    monkeypatch.setattr("integriteit.cli.default_registry", broken)
    code, out, err = run(capsys, "rules")
    assert code == 3
    assert out == ""
    assert err == "integriteit: plugin error: plugin x failed while registering: boom\n"


def test_failing_exporter_is_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """An exporter that raises is an internal error naming it: exit 3, no traceback."""
    def explode(result: Any, out: Any, lang: Any) -> None:
        raise ValueError("kapot")

    reg = build_registry(entry_point_plugins=False, extra=[
        ("tests", lambda r: r.add_exporter(integriteit.Exporter("boom", Text("", ""), explode)))])
    monkeypatch.setattr("integriteit.cli.default_registry", lambda: reg)
    path = write(tmp_path, document("A-ok"))
    code, _, err = run(capsys, "check", path, "--at", AT, "--format", "boom")
    assert code == 3
    assert err == ("integriteit: interne fout: exporter 'boom' is mislukt: "
                   "ValueError('kapot')\n")


# --- a real process --------------------------------------------------------------------------


def _python_m(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "integriteit", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)


def test_subprocess_check_reads_stdin_and_writes_json() -> None:
    """``python -m integriteit check - --format json`` works as a real process."""
    proc = _python_m("check", "-", "--at", AT, "--format", "json", "--lang", "en",
                     "--term-months", "2", stdin=json.dumps(document()))
    assert proc.returncode == 1
    assert proc.stderr == ""
    data = json.loads(proc.stdout)
    assert {f["subject"]: f["status"] for f in data["findings"] if f["rule"] == EED} == EXPECTED
    assert {f["rule"]: f["status"] for f in data["findings"]
            if f["subject"] == "organisation"} == ORGANISATION


def test_subprocess_demo_and_errors() -> None:
    """As a process: ``demo`` exits 0; malformed input exits 2 without a traceback."""
    demo = _python_m("demo")
    assert demo.returncode == 0
    assert "ambtenarenwet.eed" in demo.stdout
    bad = _python_m("check", "-", stdin="{not json")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith("integriteit: fout: <stdin>: regel 1 kolom 2: ")
    assert "Traceback" not in bad.stderr


def test_subprocess_lone_surrogate_in_input_gives_no_traceback() -> None:
    """An id with a lone surrogate escape is refused or written, never a traceback."""
    text = ('{"organisation": {"name": "X", "kind": "rijk"}, "employees": '
            '[{"id": "\\ud800", "start": "2024-01-01", "employment": "ambtenaar"}]}')
    proc = _python_m("check", "-", "--at", AT, stdin=text)
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (1, 2)


def test_statuses_used_by_the_cli_fixture_cover_every_status() -> None:
    """The document used above has one employee per oath status; the organisation adds unknown."""
    # ``waived`` needs a waiver in the document, ``error`` a failing rule (tested above).
    assert set(EXPECTED.values()) == {s.value for s in Status} - {"unknown", "waived", "error"}
    assert "unknown" in ORGANISATION.values()


def test_failing_plugin_is_said_in_dutch(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The plugin's failure in the run's language (Dutch by default)."""
    from integriteit.plugins import build_registry

    def broken() -> Registry:
        def boom(registry: Registry) -> None:
            raise RuntimeError("kapot")
        return build_registry(builtins=False, entry_point_plugins=False, extra=[("x", boom)])

    monkeypatch.setattr("integriteit.cli.default_registry", broken)
    code, out, err = run(capsys, "rules")
    assert code == 3 and out == ""
    assert err == ("integriteit: fout in een plugin: plugin x faalde bij het registreren: "
                   "RuntimeError('kapot')\n")


@pytest.mark.parametrize(("setup", "code", "shown"), [
    # Nothing left to do at exit: ends at once, what was written flushed.
    ("sys.stdout.write('geschreven')", 4, "geschreven"),
    # An exit handler (a plugin's, say): the usual way, so that it runs.
    ("import atexit; atexit.register(lambda: print('afgesloten'))", 3, "afgesloten"),
    # Another thread still running: the usual way, which waits for it.
    ("import threading, time; threading.Thread(target=lambda: (time.sleep(0.2), "
     "print('draad klaar'))).start()", 0, "draad klaar"),
])
def test_the_command_ends_at_once_only_when_nothing_is_left_to_do(
        setup: str, code: int, shown: str) -> None:
    """``integriteit`` ends without tearing the interpreter down only when no exit handler
    or other thread is left; either way the exit code and the output are as they would be."""
    proc = subprocess.run(
        [sys.executable, "-c", f"import sys\n{setup}\nfrom integriteit._launch import end\n"
                               f"end({code})"],
        capture_output=True, text=True, check=False)
    assert proc.returncode == code, proc.stderr
    assert proc.stdout.strip() == shown and proc.stderr == ""
