"""The bundled example (``integriteit demo``): every employee's status worked out by hand.

Reference date 2026-06-01, default term 2 months, deadline = start + 2 calendar months.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

import integriteit
from integriteit import Document, Status
from integriteit.cli import main

DEMO_AT = date(2026, 6, 1)

# id: (status, due, why)
EXPECTED: dict[str, tuple[Status, date | None, str]] = {
    "P001": (Status.OK, date(2025, 11, 1), "oath 2025-10-15, before the deadline"),
    "P002": (Status.LATE, date(2025, 4, 3), "oath 2025-05-20, 47 days late"),
    "P003": (Status.OVERDUE, date(2026, 5, 2), "no oath (null), deadline passed"),
    "P004": (Status.DUE, date(2026, 7, 11), "no oath, deadline ahead"),
    "P005": (Status.OK, date(2026, 2, 28), "31 Dec + 2 months = 28 Feb; oath on it"),
    "P006": (Status.INVALID, date(2026, 3, 5), "oath 2025-12-18 before start 2026-01-05"),
    "P007": (Status.NOT_APPLICABLE, None, "inhuur"),
    "P008": (Status.NOT_APPLICABLE, None, "uitzendkracht"),
    "P009": (Status.NOT_APPLICABLE, None, "gedetacheerd"),
    "P010": (Status.NOT_APPLICABLE, None, "stagiair"),
    "P011": (Status.OK, date(2019, 8, 3), "pre-2020 law; oath 2019-07-01 in time"),
    "P012": (Status.NOT_APPLICABLE, None, "left 2026-02-27, before the 2026-03-15 deadline"),
    "P013": (Status.NOT_APPLICABLE, None, "starts 2026-07-01, after the reference date"),
    "P014": (Status.OK, date(2026, 6, 20), "oath 2026-05-12, within the term"),
    "P015": (Status.DUE, date(2026, 6, 30), "no oath, 29 days left"),
}


def demo_text() -> str:
    return resources.files("integriteit").joinpath("data/demo.json").read_text("utf-8")


@pytest.fixture(scope="module")
def demo() -> Document:
    return integriteit.loads(demo_text(), source="demo.json")


@pytest.fixture(scope="module")
def findings(demo: Document) -> dict[str, integriteit.Finding]:
    result = integriteit.check(demo, DEMO_AT, rules=["ambtenarenwet.eed"])
    return {f.subject: f for f in result.findings}


def test_demo_has_the_fifteen_employees_worked_out_here(demo: Document) -> None:
    """The example's employees are exactly the ones this test works out."""
    assert [e.id for e in demo.employees] == list(EXPECTED)
    assert demo.organisation.name == "Provincie Voorbeeld"


@pytest.mark.parametrize("emp_id", list(EXPECTED))
def test_demo_employee_status(findings: dict[str, integriteit.Finding], emp_id: str) -> None:
    """Each demo employee gets the status and deadline worked out by hand."""
    status, due, why = EXPECTED[emp_id]
    f = findings[emp_id]
    assert (f.status, f.due) == (status, due), why


def test_demo_counts(demo: Document) -> None:
    """The demo shows every status: 4 ok, 1 late, 2 due, 1 overdue, 6 not_applicable, 1 invalid."""
    result = integriteit.check(demo, DEMO_AT, rules=["ambtenarenwet.eed"])
    assert result.counts() == {Status.OK: 4, Status.LATE: 1, Status.DUE: 2, Status.OVERDUE: 1,
                               Status.NOT_APPLICABLE: 6, Status.INVALID: 1}
    assert result.failed()


def test_demo_p011_is_judged_under_the_old_law(findings: dict[str, integriteit.Finding]) -> None:
    """P011 started in 2019: the finding cites Ambtenarenwet art. 125quinquies."""
    assert "125quinquies" in findings["P011"].source()
    assert "Ambtenarenwet 2017" in findings["P001"].source()


def test_demo_month_end_and_lateness_messages(findings: dict[str, integriteit.Finding]) -> None:
    """P005 is in time on 28 February; P002 is 47 days late; P015 has 29 days left."""
    assert "by 2026-02-28" in findings["P005"].message("en")
    assert "47 day(s) after" in findings["P002"].message("en")
    assert "29 day(s) left" in findings["P015"].message("en")
    assert "30 day(s) ago" in findings["P003"].message("en")


def test_demo_cli_shows_the_same_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """``integriteit demo --format json`` shows exactly these statuses and deadlines."""
    assert main(["demo", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["at"] == DEMO_AT.isoformat()
    shown = {f["subject"]: (f["status"], f["due"]) for f in data["findings"]
             if f["rule"] == "ambtenarenwet.eed"}
    assert shown == {k: (s.value, d.isoformat() if d else None)
                     for k, (s, d, _) in EXPECTED.items()}
