"""``jobs``: a large document's employees checked over several processes (``--jobs``)."""

from __future__ import annotations

import io
import json
import os
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import integriteit
from _plugin_rules import employee_rule_registry, raise_for
from integriteit import _parallel, cli
from integriteit.engine import (
    RuleFailure,
    Status,
    check_stream,
)
from integriteit.i18n import Lang
from integriteit.plugins import Registry, default_registry

pytestmark = pytest.mark.skipif(not _parallel.can_fork(), reason="needs fork (POSIX)")

AT = date(2026, 6, 1)
N = _parallel.PARALLEL_FROM + 1501


def staff(n: int = N, seed: int = 7) -> list[dict[str, Any]]:
    """Employees of every kind, with and without an oath, some gone, some waived."""
    rnd = random.Random(seed)
    kinds = ("ambtenaar", "ambtenaar", "ambtenaar", "inhuur", "uitzendkracht", "gedetacheerd")
    out = []
    for i in range(n):
        start = date(2016, 1, 1) + timedelta(days=rnd.randrange(3800))
        e: dict[str, Any] = {"id": f"E{i:05}", "start": start.isoformat(),
                             "employment": rnd.choice(kinds)}
        if rnd.random() < 0.8:
            oath = start + timedelta(days=rnd.randrange(-10, 120))
            e["oath"] = {"date": oath.isoformat(), "form": rnd.choice(("eed", "belofte"))}
        if rnd.random() < 0.1:
            e["end"] = (start + timedelta(days=rnd.randrange(20, 900))).isoformat()
        out.append(e)
    return out


def document(n: int = N) -> integriteit.Document:
    waivers = [{"rule": "ambtenarenwet.eed", "subject": f"E{i:05}", "until": "2026-12-31",
                "reason": "ziek"} for i in (3, n - 2)]
    return integriteit.from_dict({
        "organisation": {"name": "Gemeente Parallel", "kind": "gemeente"},
        "employees": staff(n), "waivers": waivers})


def written(fmt: str, jobs: int, doc: integriteit.Document | None = None,
            registry: Registry | None = None, lang: Lang = "nl") -> tuple[bytes, Any]:
    stream = check_stream(doc if doc is not None else document(), AT, jobs=jobs,
                          registry=registry)
    out = io.BytesIO()
    default_registry().exporter(fmt).stream(stream, out, lang)  # type: ignore[misc]
    return out.getvalue(), stream


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_output_is_the_same_byte_for_byte(fmt: str) -> None:
    """Over 2 or 3 processes the output is that of one, and so are the counts."""
    one, stream_one = written(fmt, 1)
    for jobs in (2, 3):
        many, stream_many = written(fmt, jobs, lang="nl")
        assert many == one
        assert stream_many.counts() == stream_one.counts()
        assert stream_many.rule_counts() == stream_one.rule_counts()
    lines = one.decode().splitlines()
    assert len(lines) > 3 * N  # every employee rule, every employee: nothing lost


def test_the_processes_really_split_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """With 3 jobs, two children are started (and reaped); the parts are contiguous."""
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid: int = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    written("jsonl", 3)
    assert len(forks) == 2
    employees = document(10).employees
    parts = _parallel._parts(employees, 3)
    assert [[e.id for e in p] for p in parts] == [
        ["E00000", "E00001", "E00002"], ["E00003", "E00004", "E00005"],
        ["E00006", "E00007", "E00008", "E00009"]]


def test_small_documents_and_employees_apart_stay_in_one_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Below PARALLEL_FROM employees, or employees from a reader, nothing is forked."""
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    small, _ = written("jsonl", 2, document(_parallel.PARALLEL_FROM - 1))
    assert small.count(b"\n") > 0
    doc = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"}},
                                separate_employees=True)
    employees = document().employees
    stream = check_stream(doc, AT, employees=employees, jobs=2)
    out = io.BytesIO()
    default_registry().exporter("jsonl").stream(stream, out, "en")  # type: ignore[misc]
    assert out.getvalue().count(b"\n") > 3 * N


def _failing_on(subject: str) -> Registry:
    return employee_rule_registry("test.kapot", raise_for(subject))


@pytest.mark.parametrize("subject", ["E00010", f"E{N - 10:05}"])
def test_a_rule_failing_in_either_process_gives_the_same_output(subject: str) -> None:
    """A rule failing in this process's part or in a child's: the same ``error`` finding,
    the same output and counts as in one process."""
    outputs = []
    for jobs in (1, 2):
        data, stream = written("jsonl", jobs, registry=_failing_on(subject))
        outputs.append(data)
        assert stream.rule_counts()["test.kapot"][Status.ERROR] == 1
    assert outputs[0] == outputs[1]
    errors = [json.loads(line) for line in outputs[0].splitlines()
              if b'"status":"error"' in line]
    assert [(e["rule"], e["subject"], e["facts"]) for e in errors] == [
        ("test.kapot", subject, {"error": "ValueError: kapot"})]


def test_progress_adds_up_the_processes() -> None:
    """``progress`` ends with every employee, counted over the processes."""
    calls: list[int] = []
    stream = check_stream(document(), AT, jobs=2, progress=calls.append)
    default_registry().exporter("jsonl").stream(stream, io.BytesIO(), "nl")  # type: ignore[misc]
    assert calls and calls[-1] == N
    assert calls == sorted(calls)


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True, "2"])
def test_jobs_must_be_a_whole_number_of_one_or_more(jobs: Any) -> None:
    with pytest.raises(ValueError, match="jobs"):
        check_stream(document(10), AT, jobs=jobs)


@pytest.mark.usefixtures("english")
def test_cli_jobs_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs N`` and the default give the same file; ``--jobs 0`` is a usage error."""
    doc = tmp_path / "doc.json"
    source = document()
    doc.write_text(json.dumps({
        "organisation": {"name": "Gemeente Parallel", "kind": "gemeente"},
        "employees": staff()}), encoding="utf-8")
    assert len(source.employees) == N
    outputs: list[bytes] = []
    for extra in ([], ["--jobs", "1"], ["--jobs", "2"]):
        target = tmp_path / f"out{len(outputs)}.json"
        with target.open("w", encoding="utf-8") as handle:
            code = cli._run(["check", str(doc), "--format", "json", "--at", "2026-06-01",
                             *extra], handle, io.StringIO())
        assert code == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    with pytest.raises(SystemExit) as exited:  # argparse exits
        cli.main(["check", str(doc), "--jobs", "0"])
    assert exited.value.code == 2
    assert "argument --jobs: '0' is not a whole number from 1 to 256" in capsys.readouterr().err


def test_a_rule_changing_the_document_in_a_child_fails_the_run() -> None:
    """A change made in a child process (to its copy of the document) is caught there and
    fails the run as in one process."""
    def change(e: Any) -> None:
        if e.id == f"E{N - 3:05}":
            object.__setattr__(e, "start", date(2000, 1, 1))

    registry = employee_rule_registry("test.muteer", change)
    for jobs in (1, 2):
        with pytest.raises(RuleFailure, match=rf"test\.muteer changed .*'E{N - 3:05}'"):
            written("jsonl", jobs, registry=registry)
