"""A large document's own employees, read as records and built as they are checked.

``integriteit check DOC.json`` (and :func:`integriteit.app.check` given a path) reads a large
document's plainly valid employee list as records (:class:`integriteit._fastload.
EmployeeRecords`): each employee is built when it is checked, in the process that checks it
(``--jobs``). Everything said about the document must be as when it is read whole.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from _plugin_rules import employee_rule_registry
from integriteit import _fastload, _parallel, app, cli
from integriteit import io as iio
from test_parallel import staff

AT = date(2026, 6, 1)
N = _parallel.PARALLEL_FROM + 1501


def _document(**extra: Any) -> dict[str, Any]:
    return {"organisation": {"name": "Gemeente Uitgesteld", "kind": "gemeente"},
            "employees": staff(N), **extra}


_WAIVERS = [{"rule": "ambtenarenwet.eed", "subject": f"E{i:05}", "until": "2026-12-31",
             "reason": "ziek"} for i in (*range(40), N - 2)]
_NEVENWERK = [{"employee": "E00010", "activity": "a", "reported": "2025-03-01",
               "registered": True}]


def _run(path: Path, *args: str, fast: bool, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[int, str, str]:
    monkeypatch.setattr(_fastload, "FAST_FROM", 64 if fast else 1 << 60)
    out, err = io.StringIO(), io.StringIO()
    code = cli._run(["check", str(path), "--at", AT.isoformat(), *args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_document(
        waivers=_WAIVERS, facts={"nevenwerkzaamheden": _NEVENWERK})), encoding="utf-8")
    return path


@pytest.fixture
def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building every record at once (what the records are there to avoid) fails the test."""
    def refuse(self: Any) -> Any:
        raise AssertionError("every employee built at once")
    monkeypatch.setattr(_fastload.EmployeeRecords, "build", refuse)


@pytest.mark.skipif(not _parallel.can_fork(), reason="needs fork (POSIX)")
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_records_give_the_output_of_the_whole_document(
        doc_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over one or two processes, with waivers and facts that name employees: byte for byte
    the output of the document read whole."""
    whole = _run(doc_path, "--format", fmt, fast=False, monkeypatch=monkeypatch)
    assert whole[0] == 1 and whole[2] == ""
    with monkeypatch.context() as mp:
        mp.setattr(_fastload.EmployeeRecords, "build",
                   lambda self: pytest.fail("every employee built at once"))
        for jobs in ("1", "2"):
            assert _run(doc_path, "--format", fmt, "--jobs", jobs, fast=True,
                        monkeypatch=mp) == whole
    assert "waived" in whole[1]  # the waivers apply


def test_the_records_are_read_as_checked(doc_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """The deferred path is taken: the document comes without its employees, and the records
    give them all, equal to the document read whole."""
    monkeypatch.setattr(_fastload, "FAST_FROM", 64)
    doc, source, given = app._read_for_check(doc_path, None)
    assert source == str(doc_path)
    assert isinstance(given, _fastload.EmployeeRecords) and doc.employees == ()
    whole = iio.load(doc_path)
    assert len(given) == N and list(given) == list(whole.employees)
    assert given[5] == whole.employees[5] and list(given[10:20]) == list(whole.employees[10:20])
    assert given.ids() == {e.id for e in whole.employees}
    assert given.build() == whole.employees
    # The stream and its result hold the document as it is, employees and all.
    stream = app.check(doc_path, AT)
    assert stream.document == whole
    assert stream.collect().document == whole


@pytest.mark.usefixtures("no_build")
@pytest.mark.parametrize(("extra", "expected"), [
    ({"waivers": [{"rule": "ambtenarenwet.eed", "subject": "X1", "until": "2026-12-31",
                   "reason": "r"}]},
     "waivers[0].subject: 'X1' is not a subject of ambtenarenwet.eed (employee)"),
    ({"facts": {"nevenwerkzaamheden": [{"employee": "X2", "activity": "a",
                                        "reported": "2025-01-01"}]}},
     "facts.nevenwerkzaamheden[0].employee: no employee with id 'X2' in employees"),
])
@pytest.mark.usefixtures("english")
def test_names_of_unknown_employees_are_the_same_problems(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: dict[str, Any],
        expected: str) -> None:
    """A waiver or a fact naming an employee the document lacks: the same problem, exit 2, no
    findings, as with the document read whole."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_document(**extra)), encoding="utf-8")
    fast = _run(path, "--format", "json", fast=True, monkeypatch=monkeypatch)
    assert fast == _run(path, "--format", "json", fast=False, monkeypatch=monkeypatch)
    assert fast[0] == 2 and fast[1] == "" and expected in fast[2]


@pytest.mark.usefixtures("english")
def test_employees_that_need_a_closer_look_are_built_and_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An id given twice: the records are built and every problem named, as always."""
    employees = staff(N)
    employees[7]["id"] = employees[3]["id"]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({**_document(), "employees": employees}), encoding="utf-8")
    fast = _run(path, fast=True, monkeypatch=monkeypatch)
    assert fast == _run(path, fast=False, monkeypatch=monkeypatch)
    assert fast[0] == 2 and "employees[7].id: duplicate id 'E00003' (also in employees[3])" \
        in fast[2]


def test_a_rule_not_built_in_sees_every_employee(doc_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin's rule may look at the document's employees while it prepares: with a rule
    not built in, the document is given whole."""
    seen: list[int] = []
    registry = employee_rule_registry("test.kijk", lambda e: None)
    rule = registry.rules["test.kijk"]
    real_prepare = rule.versions[0].prepare

    def prepare(ctx: Any) -> Any:
        seen.append(len(ctx.document.employees))
        return real_prepare(ctx)

    object.__setattr__(rule.versions[0], "prepare", prepare)
    monkeypatch.setattr(_fastload, "FAST_FROM", 64)
    stream = app.check(doc_path, AT, registry=registry)
    assert sum(1 for _ in stream) > N
    assert seen == [N]
