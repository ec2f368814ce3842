"""``only`` / ``--only`` (issue 13, part): findings with other statuses are left out of the
listing, in every exporter and over several processes, but still counted in the summary and
the exit code."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import integriteit
import integriteit.cli
from _cli import run_cli as cli
from integriteit import Status, check, check_stream
from integriteit.engine import statuses
from integriteit.plugins import default_registry

AT = date(2026, 6, 1)
ACTION = ["due", "overdue", "late", "invalid"]


def test_the_api_lists_some_and_counts_all() -> None:
    full = check(integriteit.example(), AT)
    part = check(integriteit.example(), AT, only=ACTION)
    wanted = statuses(ACTION)
    assert part.findings == tuple(f for f in full.findings if f.status in wanted)
    assert 0 < len(part.findings) < len(full.findings)
    assert part.counts() == full.counts()
    assert part.only == wanted and full.only is None
    for fail_on in ({Status.OVERDUE}, {Status.OK}, {Status.WAIVED}):
        assert part.failed(fail_on) == full.failed(fail_on)
    assert check(integriteit.example(), AT, only=["ok"]).failed() is True  # overdue, unlisted


def test_a_stream_lists_some_and_counts_all() -> None:
    full = check_stream(integriteit.example(), AT)
    everything = list(full)
    part = check_stream(integriteit.example(), AT, only=[Status.OK, "not_applicable"])
    listed = list(part)
    assert listed == [f for f in everything
                      if f.status in (Status.OK, Status.NOT_APPLICABLE)]
    assert part.counts() == full.counts() and part.rule_counts() == full.rule_counts()


def test_an_unknown_status_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match=r"unknown status 'todo' \(known: .*overdue"):
        check(integriteit.example(), AT, only=["todo"])
    with pytest.raises(SystemExit) as exit_:
        integriteit.cli.main(["demo", "--only", "due,todo", "--lang", "en"])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("argument --only: 'todo' is not a status (ok, late, due, overdue, "
                        "not_applicable, invalid, unknown, waived, error)\n")


def test_check_employee_gives_what_needs_action() -> None:
    employee = {"id": "N1", "start": "2025-12-31", "employment": "ambtenaar"}
    found = integriteit.check_employee(employee, at=date(2026, 4, 1), only=ACTION)
    assert [(f.rule, f.status) for f in found] == [("ambtenarenwet.eed", Status.OVERDUE)]


def _json(*argv: str) -> dict[str, Any]:
    code, out, err = cli(*argv)
    assert code in (0, 1), err
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_every_format_lists_only_those(fmt: str, demo: Path) -> None:
    code_full, full, _ = cli("check", str(demo), "--at", "2026-06-01", "--format", fmt)
    code, out, err = cli("check", str(demo), "--at", "2026-06-01", "--format", fmt,
                         "--only", "due,overdue", "--lang", "en")
    assert err == "" and code == code_full == 1  # the exit code counts them all
    if fmt == "json":
        data = json.loads(out)
        assert {f["status"] for f in data["findings"]} == {"due", "overdue"}
        assert data["only"] == ["due", "overdue"]  # in the order of the statuses' list
        assert data["summary"] == json.loads(full)["summary"]
    elif fmt == "jsonl":
        assert {json.loads(line)["status"] for line in out.splitlines()} == {"due", "overdue"}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert {r["status"] for r in rows} == {"due", "overdue"}
        assert len(rows) == 9
    else:
        assert "\nOverdue: 5\n" in out and "\nDue, within the term: 4\n" in out
        assert "\nOK: " not in out and "Not applicable" not in out
        assert out.rstrip().endswith(
            "Summary: 82 findings of 16 rules: 5 overdue, 1 invalid, 4 late, 4 due, 19 ok, "
            "49 not applicable; listed: 9 (overdue, due).")


def test_without_only_the_json_says_null(demo: Path) -> None:
    assert _json("check", str(demo), "--at", "2026-06-01", "--format", "json")["only"] is None


def test_over_several_processes_the_listing_is_the_same() -> None:
    from tests.test_parallel import document

    doc = document()
    outputs = []
    for jobs in (1, 2):
        stream = check_stream(doc, AT, jobs=jobs, only=["overdue", "waived"])
        out = io.BytesIO()
        default_registry().exporter("jsonl").stream(stream, out, "nl")  # type: ignore[misc]
        outputs.append((out.getvalue(), stream.counts()))
    assert outputs[0] == outputs[1]
    lines = outputs[0][0].decode().splitlines()
    listed = {json.loads(line)["status"] for line in lines}
    assert "overdue" in listed and listed <= {"overdue", "waived"}
    assert sum(outputs[0][1].values()) > len(lines)  # the others were counted, not listed
