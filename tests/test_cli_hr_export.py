"""The command line over HR exports: ``--employees``/``--mapping`` for check, checklist and
report, the same findings from every format, nothing of unmapped columns anywhere, capped
problem lines, progress, and the quick ``--help``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _plugin_rules import employee_rule_registry, raise_for
from integriteit import _launch, cli
from integriteit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SENTINEL_NAME = "Sentinel Jansen-Privé"
SENTINEL_BSN = "999999990"
ORG = {"organisation": {"name": "Gemeente Export", "kind": "gemeente", "headcount": 400}}
STAFF: list[dict[str, Any]] = [
    {"id": "E1", "start": "2026-01-05", "employment": "ambtenaar",
     "oath": {"date": "2026-02-01", "form": "eed"}},
    {"id": "E2", "start": "2026-01-12", "employment": "ambtenaar",
     "oath": {"date": "2026-04-20", "form": "belofte"}},
    {"id": "E3", "start": "2026-02-02", "employment": "ambtenaar"},
    {"id": "E4", "start": "2026-05-04", "employment": "ambtenaar", "end": "2026-12-31"},
    {"id": "E5", "start": "2025-11-01", "employment": "inhuur"},
    {"id": "E6", "start": "2025-10-01", "employment": "ambtenaar", "end": "2025-11-15"},
]
FIELDS = ["id", "start", "end", "employment", "oath_date", "oath_form"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def flat(e: dict[str, Any]) -> dict[str, str]:
    oath = e.get("oath") or {}
    return {"id": e["id"], "start": e["start"], "end": e.get("end", ""),
            "employment": e["employment"], "oath_date": oath.get("date", ""),
            "oath_form": oath.get("form", "")}


def write_exports(folder: Path, staff: list[dict[str, Any]]) -> dict[str, Path]:
    """The same employees as a JSON document, a CSV, a JSON Lines file and an Excel sheet,
    each with a name and a BSN in columns nobody maps."""
    (folder / "org.json").write_text(json.dumps(ORG), "utf-8")
    (folder / "doc.json").write_text(json.dumps({**ORG, "employees": staff}), "utf-8")
    rows = [{**flat(e), "naam": SENTINEL_NAME, "bsn": SENTINEL_BSN} for e in staff]
    with (folder / "staff.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, [*FIELDS, "naam", "bsn"], delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "staff.jsonl").open("w", encoding="utf-8") as f:
        for e in staff:
            f.write(json.dumps({**e, "naam": SENTINEL_NAME, "bsn": SENTINEL_BSN}) + "\n")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*FIELDS, "naam", "bsn"])
    for row in rows:
        sheet.append([row[k] or None for k in [*FIELDS, "naam", "bsn"]])
    book.save(folder / "staff.xlsx")
    return {"doc": folder / "doc.json", "org": folder / "org.json",
            "csv": folder / "staff.csv", "jsonl": folder / "staff.jsonl",
            "xlsx": folder / "staff.xlsx"}


def findings_of(args: list[str], capsys: pytest.CaptureFixture[str]
                ) -> set[tuple[str, str, str, str | None]]:
    code, out, err = run([*args, "--format", "jsonl", "--at", "2026-06-01"], capsys)
    assert code == 1, err
    return {(f["rule"], f["subject"], f["status"], f["due"])
            for f in map(json.loads, out.splitlines())}


def test_every_format_gives_the_same_findings(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The same employees give the same findings from CSV, JSON Lines, Excel and the
    document."""
    files = write_exports(tmp_path, STAFF)
    expected = findings_of(["check", str(files["doc"])], capsys)
    assert ("ambtenarenwet.eed", "E3", "overdue", "2026-04-02") in expected
    for fmt in ("csv", "jsonl", "xlsx"):
        got = findings_of(["check", str(files["org"]), "--employees", str(files[fmt])], capsys)
        assert got == expected, fmt


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
@pytest.mark.parametrize("exporter", ["text", "json", "jsonl", "csv"])
def test_unmapped_columns_appear_nowhere(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         fmt: str, exporter: str) -> None:
    """A name and a BSN in columns nobody maps appear in no output and no error line, with
    good rows and bad ones."""
    bad = [*STAFF, {"id": "E9", "start": "2026-13-01", "employment": "ambtenaar"},
           {"id": "E1", "start": "2026-01-05", "employment": "ambtenaar"}]
    for staff in (STAFF, bad):
        files = write_exports(tmp_path, staff)
        code, out, err = run(["check", str(files["org"]), "--employees", str(files[fmt]),
                              "--format", exporter, "--explain"], capsys)
        assert code in (1, 2)
        for text in (out, err):
            assert SENTINEL_NAME not in text and SENTINEL_BSN not in text
    assert code == 2 and out == ""
    assert "E9" in err and "E1" in err


def test_the_bundled_export_is_checked_with_its_mapping(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``examples/personeel.csv`` (Dutch Excel: ';', cp1252, dd-mm-yyyy) with its mapping."""
    org = tmp_path / "organisatie.json"
    org.write_text(json.dumps(ORG), "utf-8")
    args = ["check", str(org), "--employees", str(EXAMPLES / "personeel.csv"),
            "--mapping", str(EXAMPLES / "kolommen.toml"), "--at", "2026-06-01"]
    code, out, err = run([*args, "--format", "jsonl"], capsys)
    assert code == 1, err
    statuses = {(f["subject"], f["status"]) for f in map(json.loads, out.splitlines())
                if f["rule"] == "ambtenarenwet.eed"}
    assert {s for _, s in statuses} >= {"ok", "late", "due", "overdue", "not_applicable"}
    code, text, _ = run(args, capsys)
    assert "\nTermijn verstreken: " in text
    for line in (EXAMPLES / "personeel.csv").read_text("cp1252").splitlines()[1:]:
        name, bsn = line.split(";")[1:3]
        assert name not in text + out and bsn not in text + out


def test_a_document_that_lists_employees_cannot_take_an_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One source of truth: ``--employees`` with a document listing employees is exit 2."""
    files = write_exports(tmp_path, STAFF)
    for command in (["check"], ["checklist"], ["report", "--year", "2026"]):
        code, out, err = run([*command, str(files["doc"]), "--employees", str(files["csv"])],
                             capsys)
        assert (code, out) == (2, ""), command
        assert "doc.json: employees: " in err
    code, _, err = run(["check", str(files["doc"]), "--mapping", "x.toml"], capsys)
    assert code == 2 and "--mapping goes with --employees" in err.replace(
        "--mapping hoort bij --employees", "--mapping goes with --employees")


def test_checklist_and_report_read_the_export(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The checklist judges the oath from the export; the report counts its starters."""
    files = write_exports(tmp_path, STAFF)
    code, out, _ = run(["checklist", str(files["org"]), "--employees", str(files["csv"]),
                        "--at", "2026-06-01", "--format", "json"], capsys)
    assert code == 0
    items = {i["rule"]: i for i in json.loads(out)["items"]}
    assert items["ambtenarenwet.eed"]["state"] == "not_met"
    assert items["ambtenarenwet.eed"]["findings"]["overdue"] == 1
    from_doc = run(["checklist", str(files["doc"]), "--at", "2026-06-01", "--format", "json"],
                   capsys)[1]
    assert json.loads(from_doc)["items"] == json.loads(out)["items"]
    code, out, _ = run(["report", str(files["org"]), "--employees", str(files["jsonl"]),
                        "--year", "2026", "--at", "2026-06-01", "--format", "json"], capsys)
    assert code == 0
    figures = {(f["section"], f["key"]): f["count"] for f in json.loads(out)["figures"]}
    from_doc = json.loads(run(["report", str(files["doc"]), "--year", "2026", "--at",
                               "2026-06-01", "--format", "json"], capsys)[1])
    assert figures == {(f["section"], f["key"]): f["count"] for f in from_doc["figures"]}
    assert figures[("eed", "new_ambtenaren")] == 4


def test_many_problems_print_fifty_lines_and_the_count(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every row is read; 50 problem lines are printed, then how many more there were."""
    files = write_exports(tmp_path, STAFF)
    with (tmp_path / "bad.csv").open("w", encoding="utf-8") as f:
        f.write("id;start;employment\n")
        for i in range(130):
            f.write(f"B{i};31-02-2024;ambtenaar\n")
    code, out, err = run(["check", str(files["org"]), "--employees",
                          str(tmp_path / "bad.csv"), "--lang", "en"], capsys)
    lines = err.splitlines()
    assert (code, out, len(lines)) == (2, "", 51)
    assert lines[-1] == "integriteit: error: and 80 more problems"
    assert "bad.csv: line 2: " in lines[0] and "[id 'B0']" in lines[0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal a run shows employees checked and the rate; ``--quiet`` or a pipe not."""
    files = write_exports(tmp_path, [
        {"id": f"E{i}", "start": "2026-01-05", "employment": "ambtenaar"} for i in range(9000)])
    monkeypatch.setattr(cli._Progress, "AFTER", 0.0)

    def progress(args: list[str], err: io.StringIO) -> str:
        cli._run(["check", str(files["org"]), "--employees", str(files["csv"]),
                  "--format", "jsonl", *args], io.StringIO(), err)
        return err.getvalue()

    shown = progress([], _Terminal())
    assert "\r4.096 medewerkers gecontroleerd (" in shown
    assert "\r9.000 medewerkers gecontroleerd (" in shown and shown.endswith("/s)\n")
    assert progress(["--quiet"], _Terminal()) == ""
    assert progress([], io.StringIO()) == ""


def test_help_answers_without_loading_the_rules() -> None:
    """``integriteit --help`` is the full parser's top-level help, from the light entry."""
    quick = subprocess.run([sys.executable, "-c",
                            "import sys; from integriteit._launch import main; "
                            "code = main(['--help']); "
                            "print('LOADED' if 'integriteit.engine' in sys.modules else 'LIGHT');"
                            "sys.exit(code)"], capture_output=True, text=True, check=False)
    assert quick.returncode == 0
    assert quick.stdout.rstrip().endswith("LIGHT")
    full = io.StringIO()
    with pytest.raises(SystemExit), _redirect(full):
        cli.main(["--help"])
    assert quick.stdout.rstrip()[:-len("LIGHT")].rstrip() == full.getvalue().rstrip()
    assert _launch.main(["--version"]) == 0


class _redirect:
    def __init__(self, target: io.StringIO) -> None:
        self.target = target

    def __enter__(self) -> None:
        self.saved = sys.stdout
        sys.stdout = self.target

    def __exit__(self, *exc: object) -> None:
        sys.stdout = self.saved


def _lines(out: str) -> Iterator[dict[str, Any]]:
    return map(json.loads, out.splitlines())


# --- found in review: output that fails, formats, and what a failed run leaves behind -----------


def _cli(*args: str, stdout: Any = subprocess.PIPE, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    import os

    command = [sys.executable, "-m", "integriteit", *args]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, check=False,
                          timeout=120, env={**os.environ, **(env or {})})


def big_document(folder: Path, n: int = 5000) -> Path:
    path = folder / "big.json"
    path.write_text(json.dumps({**ORG, "employees": [
        {"id": f"E{i:05d}", "start": "2026-01-05", "employment": "ambtenaar"}
        for i in range(n)]}), "utf-8")
    return path


def test_a_closed_pipe_keeps_the_exit_code(tmp_path: Path) -> None:
    """``| head`` ends the output, not the run: no traceback, the findings' exit code."""
    doc = big_document(tmp_path)
    for fmt in ("jsonl", "json", "text", "csv"):
        with subprocess.Popen([sys.executable, "-m", "integriteit", "check", str(doc),
                               "--at", "2026-06-01", "--format", fmt],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            assert len(proc.stdout.read(100)) == 100
            proc.stdout.close()  # as ``| head -c 100`` does
            assert proc.wait(timeout=120) == 1  # everyone is overdue
            assert proc.stderr.read() == b""


def test_output_that_cannot_be_written_is_one_error_line(tmp_path: Path) -> None:
    """A full disk or a closed standard output: one line, exit 2, no traceback."""
    files = write_exports(tmp_path, STAFF)
    for args in (["check", str(files["org"]), "--employees", str(files["csv"])],
                 ["check", str(files["doc"])]):
        with Path("/dev/full").open("wb") as full:
            proc = _cli(*args, "--format", "jsonl", "--lang", "en", stdout=full)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.decode().startswith("integriteit: error: the output cannot be written")
        closed = subprocess.run(f"{sys.executable} -m integriteit {' '.join(args)} >&-",
                                shell=True, capture_output=True, check=False)
        assert closed.returncode == 2 and b"Traceback" not in closed.stderr


def test_a_failing_rule_gives_error_findings_and_exit_3(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that raises on the last employee: that employee's finding of that rule is
    ``error``, everything else is complete and well-formed, exit 3 with one line naming the
    rule."""
    registry = employee_rule_registry("test.kapot", raise_for("E04999"))
    monkeypatch.setattr(cli, "default_registry", lambda: registry)
    doc = big_document(tmp_path)
    for fmt in ("jsonl", "json", "text", "csv"):
        target = tmp_path / f"out.{fmt}"
        with target.open("w", encoding="utf-8") as handle:
            code = cli._run(["check", str(doc), "--format", fmt], handle, io.StringIO())
        assert code == 3
        text = target.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(text)
            assert data["summary"]["error"] == 1
            errors = [f for f in data["findings"] if f["status"] == "error"]
            assert [(f["rule"], f["subject"]) for f in errors] == [("test.kapot", "E04999")]
            assert errors[0]["facts"] == {"error": "ValueError: kapot"}
            assert len(data["findings"]) == sum(data["summary"].values())
        elif fmt == "jsonl":
            lines = [json.loads(line) for line in text.splitlines()]
            assert sum(f["status"] == "error" for f in lines) == 1
            assert sum(f["subject"] == "E04999" for f in lines) == 4  # every rule
        else:
            assert "test.kapot" in text and "ValueError: kapot" in text
    code, out, err = run(["check", str(doc), "--format", "jsonl"], capsys)
    assert code == 3 and out.count("\n") > 4 * 5000
    assert err == ("integriteit: interne fout: regel test.kapot is mislukt voor 1 "
                   "onderwerp, niet beoordeeld (status error in de uitvoer)\n")


def test_json_into_a_text_stream_of_another_encoding(tmp_path: Path) -> None:
    """Large output through a non-UTF-8 standard output is decoded across chunk borders."""
    staff = [{"id": f"Ü{i:05d}-é", "start": "2026-01-05", "employment": "ambtenaar"}
             for i in range(4000)]
    files = write_exports(tmp_path, staff)
    for args in (["check", str(files["doc"])],
                 ["check", str(files["org"]), "--employees", str(files["csv"])]):
        with (tmp_path / "o.json").open("wb") as target:
            proc = _cli(*args, "--format", "json", env={"PYTHONIOENCODING": "utf-16"},
                        stdout=target)
        assert proc.returncode == 1, proc.stderr
        data = json.loads((tmp_path / "o.json").read_bytes().decode("utf-16"))
        assert len(data["findings"]) == 3 * 4000 + 10


def test_report_checks_facts_naming_employees_of_the_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A nevenwerk naming someone the export does not have is an input error in the report
    too, as in the check."""
    files = write_exports(tmp_path, STAFF)
    org = tmp_path / "nw.json"
    org.write_text(json.dumps({**ORG, "facts": {"nevenwerkzaamheden": [
        {"employee": "NOPE", "activity": "x", "reported": "2025-01-01"}]}}), "utf-8")
    for command in (["report", "--year", "2026"], ["check"]):
        code, out, err = run([*command, str(org), "--employees", str(files["csv"]),
                              "--lang", "en"], capsys)
        assert (code, out) == (2, ""), command
        assert "nw.json: facts.nevenwerkzaamheden[0].employee: no employee with id 'NOPE'" in err


def test_without_sendfile_output_is_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    """Where the operating system has no sendfile, files are copied the ordinary way."""
    import os

    from integriteit._output import copy_rest

    monkeypatch.delattr(os, "sendfile", raising=False)
    source = tmp_path / "a"
    source.write_bytes(b"x" * 3_000_000)
    with source.open("rb") as src, (tmp_path / "b").open("wb") as dst:
        copy_rest(src, dst)
    assert (tmp_path / "b").read_bytes() == source.read_bytes()


# --- options and echoed values (robustness) ------------------------------------------------------


@pytest.mark.parametrize(("args", "says"), [
    (["checklist", "--headcount", "-5"], "'-5' is not a whole number from 0 to 10000000"),
    (["checklist", "--headcount", "٥"], "'٥' is not a whole number from 0 to 10000000"),
    (["report", "x.json", "--year", "2025", "--years", "51"],
     "'51' is not a whole number from 1 to 50"),
])
@pytest.mark.usefixtures("english")
def test_numeric_options_are_checked_one_way(args: list[str], says: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Every numeric option: ASCII digits within its range, else a usage error (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    assert says in capsys.readouterr().err


def test_coverage_from_after_to_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``coverage --from`` after ``--to`` is exit 2, in the chosen language."""
    code, out, err = run(["coverage", "--from", "2020-01-01", "--to", "2019-01-01",
                          "--lang", "en"], capsys)
    assert (code, out) == (2, "")
    assert err == "integriteit: error: --to: 2019-01-01 is before --from 2020-01-01\n"


def test_checklist_and_report_read_standard_input(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``checklist -`` and ``report -`` read the document from standard input, as ``check -``."""
    text = json.dumps({**ORG, "employees": STAFF}).encode()
    for args in (["checklist", "-", "--at", "2026-06-01", "--format", "json"],
                 ["report", "-", "--year", "2026", "--format", "json"]):
        proc = subprocess.run([sys.executable, "-m", "integriteit", *args], input=text,
                              capture_output=True, check=False, timeout=60)
        assert proc.returncode == 0, proc.stderr
        json.loads(proc.stdout)


def test_echoed_ids_are_cut_and_escaped(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    """A huge id, or one with a line break, ESC or U+2028, is echoed on one short line."""
    doc = tmp_path / "d.json"
    bad = "E\u2028\x1b[31m\x85" + "x" * 1_000_000
    doc.write_text(json.dumps({**ORG, "employees": [
        {"id": bad, "start": "2026-13-01", "employment": "ambtenaar"}]}), "utf-8")
    code, _, err = run(["check", str(doc), "--lang", "en"], capsys)
    assert code == 2
    (line,) = err.splitlines()
    assert len(line) < 300
    assert "\x1b" not in line and "\u2028" not in line and "\x85" not in line
    assert "[id 'E\\u2028\\x1b[31m\\x85xxx" in line and line.endswith("…']")


def test_document_words_cannot_change_markdown_or_text_layout(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An organisation name or id with a newline, ``#``, ``|``, ESC or CR is escaped in the
    report's and the checklist's Markdown and in the text output: no new line, heading, cell
    or terminal control."""
    name = "Gem\n# Kop | cel\x1b[2J\rX"
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps({"organisation": {"name": name, "kind": "gemeente"},
                               "employees": [{"id": "E\x1b[31m\r1", "start": "2026-01-05",
                                              "employment": "ambtenaar"}]}), "utf-8")
    outputs = [run(["report", str(doc), "--year", "2026"], capsys)[1],
               run(["checklist", str(doc), "--at", "2026-06-01"], capsys)[1],
               run(["check", str(doc), "--at", "2026-06-01"], capsys)[1]]
    for out in outputs:
        assert "\x1b" not in out and "\r" not in out
        assert "\n# Kop" not in out and "Gem\n" not in out
    report, checklist, text = outputs
    assert report.startswith("# Integriteitsverslag 2026: Gem\\\\n\\# Kop \\| cel")
    assert checklist.splitlines()[0].startswith("# Integriteitschecklist: Gem\\\\n\\# Kop \\| cel")
    assert text.splitlines()[0].startswith("Gem\\n# Kop | cel\\x1b[2J\\rX (gemeente")
    assert "E\\x1b[31m\\r1" in text


def test_report_checks_waivers_as_check_does(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A waiver naming an unknown rule or subject: exit 2 from ``report`` as from ``check``,
    naming the file and the waiver's index in the document."""
    doc = tmp_path / "w.json"
    doc.write_text(json.dumps({**ORG, "employees": STAFF, "waivers": [
        {"rule": "ambtenarenwet.eed", "subject": "E1", "reason": "x", "until": "2026-12-31"},
        {"rule": "nope.nope", "subject": "E1", "reason": "x", "until": "2026-12-31"}]}),
        "utf-8")
    for command in (["check"], ["report", "--year", "2026"]):
        code, out, err = run([*command, str(doc), "--lang", "en"], capsys)
        assert (code, out) == (2, ""), command
        assert err == f"integriteit: error: {doc}: waivers[1].rule: unknown rule 'nope.nope'\n"


def _registry_with(rule: Any = None, exporter: Any = None) -> Any:
    from integriteit.plugins import build_registry

    def plug(registry: Any) -> None:
        if rule is not None:
            registry.add_rule(rule)
        if exporter is not None:
            registry.add_exporter(exporter)

    return build_registry(entry_point_plugins=False, extra=[("test", plug)])


def _rule(evaluate: Any) -> Any:
    from integriteit import Rule, RuleVersion, Severity, SubjectKind, Text

    return Rule(id="test.rule", title=Text("t", "t"), severity=Severity.INFO,
                subject=SubjectKind.EMPLOYEE,
                versions=(RuleVersion(None, None, (), lambda ctx: evaluate(ctx),
                                      Text("t", "t")),))


@pytest.mark.parametrize(("make", "says"), [
    (lambda ctx: lambda e: (_ for _ in ()).throw(SystemExit(0)), "SystemExit: 0"),
    (lambda ctx: lambda e: ctx.finding(e.id, "bogus", None, ctx.rule.title, {}),
     "returned a status that does not exist"),
    (lambda ctx: lambda e: ctx.finding("someone else", __import__("integriteit").Status.OK,
                                       None, ctx.rule.title, {}),
     "returned a finding about another subject"),
])
def test_a_plugin_rule_cannot_fake_a_clean_run(make: Any, says: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that exits, invents a status or answers for another subject: its findings are
    ``error`` (saying what was wrong), the output is complete, exit 3 naming the rule."""
    monkeypatch.setattr(cli, "default_registry", lambda: _registry_with(rule=_rule(make)))
    files = write_exports(tmp_path, STAFF)
    for fmt in ("jsonl", "text", "json", "csv"):
        out, err = io.StringIO(), io.StringIO()
        assert cli._run(["check", str(files["doc"]), "--format", fmt, "--lang", "en"],
                        out, err) == 3
        assert says in out.getvalue()
        assert err.getvalue().startswith("integriteit: internal error: rule test.rule failed "
                                         f"for {len(STAFF)} subjects")
        if fmt == "json":
            assert json.loads(out.getvalue())["summary"]["error"] == len(STAFF)


def test_a_plugin_exporter_that_exits_is_a_failure(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An exporter raising ``SystemExit(0)`` ends the run with exit 3, not 0."""
    from integriteit import Exporter, Text

    def write(result: Any, out: Any, lang: Any) -> None:
        out.write("half")
        raise SystemExit(0)

    monkeypatch.setattr(cli, "default_registry", lambda: _registry_with(
        exporter=Exporter("half", Text("h", "h"), write)))
    files = write_exports(tmp_path, STAFF)
    out, err = io.StringIO(), io.StringIO()
    assert cli._run(["check", str(files["doc"]), "--format", "half"], out, err) == 3
    assert out.getvalue() == ""
    assert "exporter 'half' is mislukt: SystemExit(0)" in err.getvalue()


def test_a_rule_that_hangs_ends_with_timeout(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """``--timeout``: a rule that hangs ends the run with exit 3, naming the rule; nothing is
    written."""
    import time as clock

    def hang(ctx: Any) -> Any:
        def evaluate(e: Any) -> Any:
            clock.sleep(30)
        return evaluate

    monkeypatch.setattr(cli, "default_registry", lambda: _registry_with(rule=_rule(hang)))
    files = write_exports(tmp_path, STAFF)
    out, err = io.StringIO(), io.StringIO()
    started = clock.monotonic()
    code = cli._run(["check", str(files["doc"]), "--timeout", "1", "--format", "jsonl"], out, err)
    assert clock.monotonic() - started < 10
    assert (code, out.getvalue()) == (3, "")
    assert err.getvalue() == ("integriteit: interne fout: de run duurde langer dan "
                              "--timeout 1 s (regel test.rule liep, bij medewerker 'E1')\n")
    out, err = io.StringIO(), io.StringIO()
    assert cli._run(["check", str(files["doc"]), "--timeout", "1", "--format", "jsonl",
                     "--lang", "en"], out, err) == 3
    assert err.getvalue() == ("integriteit: internal error: the run took longer than "
                              "--timeout 1 s (rule test.rule on employee 'E1' was running)\n")
