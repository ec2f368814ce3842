"""Temporal coverage: one version or an explicit "not in force" for every rule on every day."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import (
    Finding,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.cli import main
from integriteit.plugins import build_registry
from integriteit.temporal import COVERAGE_START, gaps, periods


def _prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
    return lambda e: ctx.finding(e.id, Status.OK, None, Text("ok", "ok"), {})


def _version(start: date | None, end: date | None) -> RuleVersion:
    return RuleVersion(start, end, (), _prepare, Text("v", "v"))


def _rule(*versions: RuleVersion, not_in_force: Text | None = None) -> Rule:
    extra = {"not_in_force": not_in_force} if not_in_force is not None else {}
    return Rule(id="test.regel", title=Text("t", "t"), severity=Severity.INFO,
                subject=SubjectKind.EMPLOYEE, versions=versions, **extra)


def test_every_builtin_rule_is_covered_from_2016_to_today() -> None:
    """For every built-in rule and every day from 2016-07-01 to today: a version or explicit."""
    for rule in integriteit.rules():
        assert gaps(rule, COVERAGE_START, date.today()) == [], rule.id


def test_every_day_falls_in_exactly_one_period() -> None:
    """Periods tile the span: consecutive, no overlap, first and last day included."""
    end = date.today()
    for rule in integriteit.rules():
        spans = periods(rule, COVERAGE_START, end)
        assert spans[0].start == COVERAGE_START and spans[-1].end == end
        for a, b in pairwise(spans):
            assert b.start == a.end + timedelta(days=1)
        for p in spans:
            if p.version is not None:
                assert p.version.in_force(p.start) and p.version.in_force(p.end)


def test_a_day_between_two_versions_is_a_gap() -> None:
    """Versions 2016–2019 and from 2020-01-02 leave 2020-01-01 uncovered."""
    rule = _rule(_version(date(2016, 1, 1), date(2019, 12, 31)), _version(date(2020, 1, 2), None))
    [gap] = gaps(rule, COVERAGE_START, date(2024, 1, 1))
    assert (gap.start, gap.end) == (date(2020, 1, 1), date(2020, 1, 1))


def test_days_before_the_first_version_are_a_gap_without_an_explicit_message() -> None:
    """A rule that starts in 2023 and says nothing about earlier days has a gap before it."""
    rule = _rule(_version(date(2023, 2, 18), None))
    [gap] = gaps(rule, COVERAGE_START, date(2024, 1, 1))
    assert (gap.start, gap.end) == (COVERAGE_START, date(2023, 2, 17))


def test_an_explicit_not_in_force_message_closes_the_gap_before_the_first_version() -> None:
    """The same rule with its own "not in force" text is covered."""
    rule = _rule(_version(date(2023, 2, 18), None),
                 not_in_force=Text("niet van kracht vóór {law_date}", "not in force before"))
    assert gaps(rule, COVERAGE_START, date(2024, 1, 1)) == []


def test_a_rule_that_ended_without_a_message_has_a_gap_after_it() -> None:
    """A version ending in 2020 with nothing after it leaves the later days uncovered."""
    rule = _rule(_version(None, date(2020, 12, 31)))
    [gap] = gaps(rule, COVERAGE_START, date(2022, 1, 1))
    assert gap.start == date(2021, 1, 1)


def test_coverage_command_lists_periods_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """``integriteit coverage`` prints each rule's periods; all covered: exit 0."""
    assert main(["coverage", "--to", "2026-06-01", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert ("wbk.register\n    1 July 2016 – 17 February 2023              not in force "
            "(explicit)\n") in out
    assert ("ambtenarenwet.eed\n    1 July 2016 – 31 December 2019              version … – "
            "31 December 2019\n") in out


def test_coverage_command_exits_1_on_a_plugin_rule_with_a_gap(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin rule with a gap makes ``coverage`` exit 1 and shows the gap in JSON."""
    gap_rule = _rule(_version(date(2023, 2, 18), None))
    registry = build_registry(entry_point_plugins=False,
                              extra=[("gat", lambda reg: reg.add_rule(gap_rule))])
    monkeypatch.setattr("integriteit.cli.default_registry", lambda: registry)
    assert main(["coverage", "--to", "2024-01-01", "--format", "json"]) == 1
    data = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert data["test.regel"]["covered"] is False
    assert data["test.regel"]["periods"][0] == {
        "from": "2016-07-01", "to": "2023-02-17", "version_from": None, "in_force": False,
        "gap": True}
    assert data["ambtenarenwet.eed"]["covered"] is True


def test_policy_command_shows_the_default_and_its_origin(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Without a document: the default 2 months, marked as default, from the lapsed regulation."""
    assert main(["policy", "--format", "json"]) == 0
    value = json.loads(capsys.readouterr().out)["oath_term_months"]
    assert (value["value"], value["set_by"], value["origin"]) == (2, "default", "legacy")
    assert value["source"] == "Regeling eed en belofte SZW 1999 (BWBR0010676) art. 4"


def test_policy_command_shows_document_and_call_values(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The document's setting beats the default; ``--term-months`` (even 0) beats both."""
    path = tmp_path / "org.json"
    path.write_text(json.dumps({"organisation": {"name": "G", "kind": "gemeente"},
                                "policy": {"oath_term_months": 3}}), "utf-8")
    assert main(["policy", str(path), "--lang", "en"]) == 0
    assert ("Term for the eed or belofte (oath_term_months): 3 months after the start of "
            "employment  [document]") in capsys.readouterr().out
    assert main(["policy", str(path), "--term-months", "0", "--format", "json"]) == 0
    value = json.loads(capsys.readouterr().out)["oath_term_months"]
    assert (value["value"], value["set_by"]) == (0, "call")


def test_policy_command_reports_a_bad_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document that does not load is an input error, exit 2."""
    path = tmp_path / "org.json"
    path.write_text('{"organisation": {}}', "utf-8")
    assert main(["policy", str(path)]) == 2
    assert "organisation.name: required field is missing" in capsys.readouterr().err.replace(
        "verplicht veld ontbreekt", "required field is missing")
