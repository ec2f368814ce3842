"""The ``csv`` format (issue 13, part): one row per finding that the csv module reads back to
the findings of ``--format json``, two dialects, no cell a spreadsheet runs, streamed."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import integriteit
from integriteit.cli import main
from integriteit.exporters import csv as csv_format

AT = "2026-06-01"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert err == ""
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_demo_in_csv_reads_back_as_the_findings_of_json(
        lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.reader(io.StringIO(_cli(capsys, "demo", "--format", "csv", "--lang", lang),
                                       newline="")))
    assert tuple(rows[0]) == csv_format.HEADER
    data = json.loads(_cli(capsys, "demo", "--format", "json", "--lang", lang))
    expected = [[f["rule"], f["subject"], f["status"], f["due"] or "", f["severity"],
                 f["message"], f["source"]] for f in data["findings"]]
    assert [r[:7] for r in rows[1:]] == expected
    assert len(rows) - 1 == sum(data["summary"].values())


def test_rfc4180_by_default_and_excel_nl_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    plain = subprocess.run([sys.executable, "-m", "integriteit", "demo", "--format", "csv"],
                           capture_output=True, check=True).stdout
    assert plain.startswith(b"rule,subject,status,due,") and b"\r\n" in plain
    assert not plain.startswith(b"\xef\xbb\xbf")
    excel = subprocess.run([sys.executable, "-m", "integriteit", "demo", "--format", "csv",
                            "--csv-dialect", "excel-nl"], capture_output=True, check=True).stdout
    assert excel.startswith(b"\xef\xbb\xbfrule;subject;status;due;")
    rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig"), newline=""), delimiter=";"))
    again = list(csv.reader(io.StringIO(plain.decode("utf-8"), newline="")))
    assert rows == again


def test_no_cell_is_a_formula_and_every_row_is_a_line() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente"},
        "employees": [{"id": "=HYPERLINK(\"x\")", "start": "2026-01-05",
                       "employment": "ambtenaar"},
                      {"id": "+31\nE2", "start": "2026-01-05", "employment": "ambtenaar",
                       "function": "@SUM(A1)"}]})
    out = io.StringIO()
    csv_format.write(integriteit.check(doc, date(2026, 6, 1)), out, "en")
    text = out.getvalue()
    assert text.count("\r\n") == len(text.splitlines())  # one record a line
    rows = list(csv.reader(io.StringIO(text, newline="")))
    subjects = {r[1] for r in rows[1:]}
    assert {"'=HYPERLINK(\"x\")", "'+31\\nE2"} <= subjects
    for r in rows[1:]:
        for value in r:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_waived_and_caveat_columns() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 60},
        "employees": [{"id": "E1", "start": "2026-01-05", "employment": "ambtenaar"}],
        "register": [{"id": "R-2029-1", "kind": "misstand", "received": "2029-05-03",
                      "channel": "werkgever"}],
        "waivers": [{"rule": "ambtenarenwet.eed", "subject": "E1", "until": "2026-12-31",
                     "reason": "langdurig ziek"}]})

    def rows(at: date) -> dict[tuple[str, str], dict[str, str]]:
        out = io.StringIO()
        csv_format.write(integriteit.check(doc, at), out, "nl")
        return {(r["rule"], r["subject"]): r for r in csv.DictReader(io.StringIO(out.getvalue()))}

    waived = rows(date(2026, 6, 1))[("ambtenarenwet.eed", "E1")]
    assert (waived["status"], waived["waiver_until"], waived["waived_status"]) == (
        "waived", "2026-12-31", "overdue")
    later = rows(date(2029, 5, 4))
    ack = later[("wbk.ontvangstbevestiging", "R-2029-1")]
    assert (ack["due"], ack["caveats"]) == ("2029-05-11", "atw.calendar_incomplete")
    assert later[("ambtenarenwet.eed", "E1")]["status"] == "overdue"  # the waiver has ended
    assert later[("ambtenarenwet.eed", "E1")]["waiver_until"] == ""
    assert later[("ambtenarenwet.eed", "E1")]["caveats"] == ""


def test_streamed_csv_is_the_same_as_written(tmp_path: Path) -> None:
    """From an HR export the rows are written as the employees are read; the same bytes as
    the whole result written at once."""
    doc = integriteit.example()
    streamed = io.BytesIO()
    csv_format.stream(integriteit.check_stream(doc, date(2026, 6, 1)), streamed, "en")
    written = io.StringIO()
    csv_format.write(integriteit.check(doc, date(2026, 6, 1)), written, "en")
    assert streamed.getvalue().decode("utf-8") == written.getvalue()


def test_csv_dialect_is_refused_when_unknown() -> None:
    with pytest.raises(ValueError, match="unknown CSV dialect"), \
            csv_format.csv_dialect_as("excel-fr"):  # type: ignore[arg-type]
        pass
