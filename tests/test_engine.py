"""The rule engine: accounting (one finding per rule and subject), results, rules and versions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings

import integriteit
from integriteit import (
    Binding,
    Document,
    Finding,
    IntegriteitError,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.engine import RuleFailure
from integriteit.plugins import UnknownNameError
from integriteit.sources import AMBTENARENWET_2017, LegalSource
from integriteit.testing import dates, documents

EED = "ambtenarenwet.eed"
SOURCE = LegalSource(AMBTENARENWET_2017, "4")

_SAYS = Text("zegt {word}", "says {word}")


def _constant(status: Status) -> Callable[[RuleContext], Callable[[Any], Finding]]:
    """A ``prepare`` whose evaluator gives every subject ``status``."""

    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(item: Any) -> Finding:
            subject = ("organisation" if ctx.rule.subject is SubjectKind.ORGANISATION
                       else item.id)
            return ctx.finding(subject, status, None, _SAYS, {"word": status.value})

        return evaluate

    return prepare


def version(valid_from: date | None = None, valid_until: date | None = None,
            status: Status = Status.OK,
            prepare: Callable[[RuleContext], Callable[[Any], Finding]] | None = None,
            ) -> RuleVersion:
    return RuleVersion(valid_from, valid_until, (SOURCE,), prepare or _constant(status),
                       Text("samenvatting", "summary"))


def rule(rule_id: str = "test.rule", *versions: RuleVersion,
         subject: SubjectKind = SubjectKind.EMPLOYEE, **kwargs: Any) -> Rule:
    return Rule(rule_id, Text("Testregel", "Test rule"), Severity.WARNING, subject,
                versions or (version(),), **kwargs)


def doc(*employees: dict[str, Any]) -> Document:
    return integriteit.from_dict({
        "organisation": {"name": "Waterschap Test", "kind": "waterschap"},
        "employees": list(employees),
    })


def emp(emp_id: str, start: str = "2024-01-15", **kwargs: Any) -> dict[str, Any]:
    return {"id": emp_id, "start": start, "employment": "ambtenaar", **kwargs}


# --- accounting ------------------------------------------------------------------------------


@given(documents(max_employees=8), dates())
def test_every_subject_gets_exactly_one_finding_per_rule(document: Document, at: date) -> None:
    """Each employee, entry and the organisation get one finding per rule about them."""
    rules: list[Rule | str] = [
        EED,
        rule("test.org", subject=SubjectKind.ORGANISATION),
        rule("test.late_start", version(date(2025, 1, 1))),
        "wbk.ontvangstbevestiging",
        rule("test.entry", subject=SubjectKind.REGISTER_ENTRY),
    ]
    result = integriteit.check(document, at, rules=rules)
    per_rule_subject = Counter((f.rule, f.subject) for f in result.findings)
    ids = [e.id for e in document.employees]
    entries = [e.id for e in document.register]
    expected = Counter({(EED, i): 1 for i in ids})
    expected.update({("test.late_start", i): 1 for i in ids})
    expected[("test.org", "organisation")] = 1
    expected.update({("wbk.ontvangstbevestiging", i): 1 for i in entries})
    expected.update({("test.entry", i): 1 for i in entries})
    assert per_rule_subject == expected
    assert len(result.findings) == 2 * len(ids) + 1 + 2 * len(entries)


@given(documents(max_employees=8), dates())
def test_oath_rule_findings_keep_input_order(document: Document, at: date) -> None:
    """Findings come in the order of the employees in the document."""
    result = integriteit.check(document, at, rules=[EED])
    assert [f.subject for f in result.findings] == [e.id for e in document.employees]


def test_document_without_employees_gives_no_employee_findings() -> None:
    """No employees: no employee findings, only the organisation's, and nothing failed."""
    result = integriteit.check(doc(), date(2024, 1, 1))
    assert {f.subject for f in result.findings} == {"organisation"}
    assert {f.rule for f in result.findings} == {
        r.id for r in integriteit.rules() if r.subject is SubjectKind.ORGANISATION}
    # Headcount unknown (assumed 50 or more) and no facts: every organisation rule is unknown.
    assert {f.status for f in result.findings} == {Status.UNKNOWN}
    assert not result.failed()
    only_oath = integriteit.check(doc(), date(2024, 1, 1), rules=[EED])
    assert only_oath.findings == ()
    assert set(only_oath.counts().values()) == {0}


def test_counts_has_every_status_and_adds_up() -> None:
    """``counts()`` has every status (zeros included), adding up to the number of findings."""
    d = doc(emp("A", oath={"date": "2024-02-01", "form": "eed"}), emp("B"), emp("C"),
            emp("D", employment="inhuur"))
    result = integriteit.check(d, date(2024, 6, 1), rules=[EED])
    counts = result.counts()
    assert list(counts) == list(Status)
    assert counts == {Status.OK: 1, Status.LATE: 0, Status.DUE: 0, Status.OVERDUE: 2,
                      Status.NOT_APPLICABLE: 1, Status.INVALID: 0, Status.UNKNOWN: 0,
                      Status.WAIVED: 0, Status.ERROR: 0}
    assert sum(counts.values()) == len(result.findings)


@pytest.mark.parametrize(
    ("status", "failed"),
    [(Status.OK, False), (Status.LATE, False), (Status.DUE, False),
     (Status.NOT_APPLICABLE, False), (Status.OVERDUE, True), (Status.INVALID, True),
     (Status.UNKNOWN, False), (Status.WAIVED, False)],
)
def test_failed_by_default_only_on_overdue_or_invalid(status: Status, failed: bool) -> None:
    """``failed()`` is true when a finding is overdue or invalid, false otherwise."""
    result = integriteit.check(doc(emp("A")), date(2024, 6, 1),
                               rules=[rule("test.rule", version(status=status))])
    assert result.failed() is failed


def test_failed_with_own_statuses() -> None:
    """``failed(fail_on=...)`` checks the statuses given instead."""
    result = integriteit.check(doc(emp("A")), date(2024, 6, 1),
                               rules=[rule("test.rule", version(status=Status.LATE))])
    assert result.failed([Status.LATE])
    assert not result.failed([Status.DUE])
    assert not result.failed([])


def test_result_keeps_what_it_was_computed_from() -> None:
    """A result carries its reference date, document, policy and rules."""
    d = doc(emp("A"))
    result = integriteit.check(d, date(2024, 6, 1), term_months=5, rules=[EED])
    assert result.at == date(2024, 6, 1)
    assert result.document is d
    assert [r.id for r in result.rules] == [EED]
    assert result.policy["oath_term_months"].value == 5


def test_reference_date_defaults_to_today() -> None:
    """Without ``at`` the check runs as of today."""
    before = date.today()
    result = integriteit.check(doc(emp("A", start="2000-01-03")), rules=[EED])
    assert before <= result.at <= date.today()
    assert result.findings[0].status is Status.OVERDUE


def test_rules_can_be_chosen_by_id_or_object() -> None:
    """``rules=`` takes ids and Rule objects (also unregistered ones), in the order given."""
    own = rule("test.own")
    result = integriteit.check(doc(emp("A")), date(2024, 6, 1), rules=[own, EED])
    assert [f.rule for f in result.findings] == ["test.own", EED]


def test_unknown_rule_id_is_an_error_naming_known_rules() -> None:
    """An unknown rule id is refused, and the message lists the known ones."""
    with pytest.raises(UnknownNameError, match=r"unknown rule 'unknown\.rule'.*ambtenarenwet\.eed"):
        integriteit.check(doc(emp("A")), date(2024, 6, 1), rules=["unknown.rule"])


def test_rule_selected_twice_runs_once() -> None:
    """Naming a rule twice (e.g. ``--rule X --rule X``) still gives one finding per employee."""
    result = integriteit.check(doc(emp("A")), date(2024, 6, 1), rules=[EED, EED])
    assert len(result.findings) == 1
    wbk = "wbk.meldprocedure"
    result = integriteit.check(doc(emp("A")), date(2024, 6, 1), rules=[wbk, EED, wbk])
    assert [f.rule for f in result.findings] == [wbk, EED]


def test_registered_rules_include_the_oath_rule() -> None:
    """``integriteit.rules()`` lists the built-in oath rule with both versions' sources."""
    [eed] = [r for r in integriteit.rules() if r.id == EED]
    assert eed.subject is SubjectKind.EMPLOYEE
    assert eed.severity is Severity.ERROR
    assert eed.binding is Binding.STATUTE
    articles = [s.article for s in eed.sources]
    assert articles == ["125quinquies", "125quinquies", "5", "7"]
    assert eed.explanation is not None


# --- rule ids and versions -------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", ["ambtenarenwet.eed", "a.b", "wbk.melding_2", "a.b.c"])
def test_dotted_lower_case_rule_ids_are_accepted(rule_id: str) -> None:
    """Rule ids are dotted lower-case words."""
    assert rule(rule_id).id == rule_id


@pytest.mark.parametrize(
    "rule_id",
    ["eed", "Ambtenarenwet.eed", "ambtenarenwet.Eed", "a..b", ".a.b", "a.b.", "1a.b", "a.1b",
     "a-b.c", "a b.c", "", "a.b ", "ambtenarenwet.eed.", "ä.b"],
)
def test_malformed_rule_ids_are_rejected(rule_id: str) -> None:
    """Anything but dotted lower-case words is refused with an example of a good id."""
    with pytest.raises(ValueError, match="dotted lower-case words"):
        rule(rule_id)


def test_rule_id_with_trailing_newline_is_rejected() -> None:
    """A rule id with a trailing newline is not a dotted lower-case id."""
    with pytest.raises(ValueError, match="dotted lower-case words"):
        rule("ambtenarenwet.eed\n")


def test_adjacent_versions_are_accepted() -> None:
    """Versions that follow each other day to day are fine."""
    r = rule("test.rule", version(None, date(2019, 12, 31)), version(date(2020, 1, 1), None))
    assert r.version_on(date(2019, 12, 31)) is r.versions[0]
    assert r.version_on(date(2020, 1, 1)) is r.versions[1]


@pytest.mark.parametrize(
    "versions",
    [
        (version(None, date(2020, 1, 1)), version(date(2020, 1, 1), None)),
        (version(date(2020, 1, 1), date(2021, 1, 1)), version(date(2020, 6, 1), None)),
        (version(date(2021, 1, 1), None), version(date(2020, 1, 1), date(2020, 12, 31))),
        (version(None, None), version(date(2030, 1, 1), None)),
        (version(None, date(2019, 12, 31)), version(None, None)),
    ],
    ids=["same-day", "overlap", "out-of-order", "open-end-then-more", "later-without-start"],
)
def test_overlapping_or_unordered_versions_are_rejected(versions: tuple[RuleVersion, ...]) -> None:
    """Versions must be in date order and must not overlap."""
    with pytest.raises(ValueError, match="must not overlap"):
        rule("test.rule", *versions)


def test_version_ending_before_it_starts_is_rejected() -> None:
    """A version cannot end before it starts."""
    with pytest.raises(ValueError, match="before it starts"):
        rule("test.rule", version(date(2020, 1, 1), date(2019, 1, 1)))


def test_rule_without_versions_is_rejected() -> None:
    """A rule needs at least one version."""
    with pytest.raises(ValueError, match="at least one version"):
        Rule("test.rule", Text("x", "x"), Severity.INFO, SubjectKind.EMPLOYEE, ())


def test_version_in_force_includes_both_ends() -> None:
    """``valid_from`` and ``valid_until`` are inclusive; None is open."""
    v = version(date(2020, 1, 1), date(2020, 12, 31))
    assert not v.in_force(date(2019, 12, 31))
    assert v.in_force(date(2020, 1, 1))
    assert v.in_force(date(2020, 12, 31))
    assert not v.in_force(date(2021, 1, 1))
    assert version(None, None).in_force(date(1, 1, 1))
    assert v.period("en") == "2020-01-01 – 2020-12-31"
    assert version(date(2020, 1, 1), None).period() == "2020-01-01 –"


def test_rule_not_yet_in_force_gives_not_applicable_findings() -> None:
    """A rule whose only version starts later says, for each subject, it was not in force."""
    r = rule("test.new", version(date(2025, 1, 1), None, Status.OVERDUE))
    d = doc(emp("A"), emp("B"))
    result = integriteit.check(d, date(2024, 12, 31), rules=[r])
    assert [(f.subject, f.status, f.due) for f in result.findings] == [
        ("A", Status.NOT_APPLICABLE, None), ("B", Status.NOT_APPLICABLE, None)]
    f = result.findings[0]
    assert f.message("en") == "This rule was not in force on 2024-12-31."
    assert f.message("nl") == "Deze regel was op 2024-12-31 niet van kracht."
    assert f.source("nl") == SOURCE.cite("nl")
    assert not result.failed()
    later = integriteit.check(d, date(2025, 1, 1), rules=[r])
    assert {f.status for f in later.findings} == {Status.OVERDUE}


def test_gap_between_versions_gives_not_applicable_findings() -> None:
    """A law date between two versions is covered by neither: not in force."""
    r = rule("test.gap", version(None, date(2019, 12, 31)), version(date(2021, 1, 1), None))
    result = integriteit.check(doc(emp("A")), date(2020, 6, 1), rules=[r])
    assert result.findings[0].status is Status.NOT_APPLICABLE
    assert "2020-06-01" in result.findings[0].message("en")
    assert result.findings[0].rule == "test.gap"


def test_law_date_picks_the_version_per_subject() -> None:
    """With ``law_date`` the version is chosen per subject (here: by start date)."""
    r = rule("test.by_start",
             version(None, date(2019, 12, 31), Status.LATE),
             version(date(2020, 1, 1), None, Status.OK),
             law_date=lambda e, at: e.start)
    result = integriteit.check(doc(emp("OLD", start="2019-12-31"), emp("NEW", start="2020-01-01")),
                               date(2024, 1, 1), rules=[r])
    assert [(f.subject, f.status) for f in result.findings] == [
        ("OLD", Status.LATE), ("NEW", Status.OK)]


def test_own_not_in_force_message_is_used() -> None:
    """A rule may word its own "not in force" message."""
    r = rule("test.new", version(date(2025, 1, 1)),
             not_in_force=Text("nog niet ({law_date})", "not yet ({law_date})"))
    [f] = integriteit.check(doc(emp("A")), date(2024, 1, 1), rules=[r]).findings
    assert f.message("en") == "not yet (2024-01-01)"


def test_organisation_rule_gets_the_organisation() -> None:
    """An organisation rule is evaluated once, for the organisation."""
    seen: list[object] = []

    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(org: Any) -> Finding:
            seen.append(org)
            return ctx.finding("organisation", Status.OK, None, _SAYS, {"word": org.name})
        return evaluate

    r = rule("test.org", version(prepare=prepare), subject=SubjectKind.ORGANISATION)
    d = doc(emp("A"), emp("B"))
    [f] = integriteit.check(d, date(2024, 1, 1), rules=[r]).findings
    assert seen == [d.organisation]
    assert f.message("en") == "says Waterschap Test"
    assert f.severity is Severity.WARNING


def test_register_entry_rule_gets_each_entry_by_its_id() -> None:
    """A register-entry rule is evaluated once per entry, in order, the entry id the subject."""
    seen: list[object] = []

    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(entry: Any) -> Finding:
            seen.append(entry)
            return ctx.finding(entry.id, Status.OK, None, _SAYS, {"word": entry.kind.value})
        return evaluate

    r = rule("test.entry", version(prepare=prepare), subject=SubjectKind.REGISTER_ENTRY)
    d = integriteit.from_dict({
        "organisation": {"name": "Waterschap Test", "kind": "waterschap"},
        "employees": [emp("A")],
        "register": [{"id": "R2", "kind": "klacht", "received": "2024-01-02",
                      "channel": "klachtencommissie"},
                     {"id": "R1", "kind": "gesprek", "received": "2024-01-01",
                      "channel": "vertrouwenspersoon"}]})
    result = integriteit.check(d, date(2024, 6, 1), rules=[r])
    assert seen == list(d.register)
    assert [(f.subject, f.message("en")) for f in result.findings] == [
        ("R2", "says klacht"), ("R1", "says gesprek")]


def test_finding_may_cite_other_sources_and_carry_an_explanation() -> None:
    """``ctx.finding(..., sources=, explanation=)`` overrides the version's sources."""
    other = LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="e")

    class Why:
        def explain(self, lang: str) -> str:
            return {"nl": "omdat", "en": "because"}[lang]

    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(item: Any) -> Finding:
            return ctx.finding(item.id, Status.DUE, date(2024, 7, 1), _SAYS, {"word": "x"},
                               sources=(other,), explanation=Why())
        return evaluate

    [f] = integriteit.check(doc(emp("A")), date(2024, 6, 1),
                            rules=[rule("test.why", version(prepare=prepare))]).findings
    assert f.sources == (other,)
    assert f.source("en") == "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(e)"
    assert f.explanation is not None
    assert f.explanation.explain("en") == "because"
    [plain] = integriteit.check(doc(emp("A")), date(2024, 6, 1), rules=[rule()]).findings
    assert plain.explanation is None


def test_prepare_runs_once_per_version_per_run() -> None:
    """Per-run work happens once per version, not once per subject."""
    calls: list[RuleContext] = []

    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        calls.append(ctx)
        return _constant(Status.OK)(ctx)

    r = rule("test.rule", version(None, date(2019, 12, 31), prepare=prepare),
             version(date(2020, 1, 1), None, prepare=prepare))
    integriteit.check(doc(emp("A"), emp("B"), emp("C")), date(2024, 1, 1), rules=[r])
    assert len(calls) == 2
    assert {c.at for c in calls} == {date(2024, 1, 1)}
    assert [c.version for c in calls] == list(r.versions)


def _errors(result: integriteit.CheckResult) -> list[tuple[str, str, str]]:
    return [(f.rule, f.subject, f.message("en")) for f in result.findings
            if f.status is Status.ERROR]


def test_rule_that_raises_gives_error_findings_and_the_rest_runs() -> None:
    """A rule that raises for one subject gives that subject an ``error`` finding with the
    exception's type and message; its other subjects and every other rule are judged."""
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(item: Any) -> Finding:
            if item.id == "B":
                raise ZeroDivisionError("boom")
            return ctx.finding(item.id, Status.OK, None, Text("ok", "ok"), {})
        return evaluate

    r = rule("test.broken", version(prepare=prepare))
    result = integriteit.check(doc(emp("A"), emp("B"), emp("C")), date(2024, 1, 1),
                               rules=[r, rule()])
    assert _errors(result) == [
        ("test.broken", "B", "The rule failed (ZeroDivisionError: boom); not assessed.")]
    assert [(f.rule, f.subject, f.status) for f in result.findings] == [
        (rule_id, s, Status.ERROR if (rule_id, s) == ("test.broken", "B") else Status.OK)
        for s in "ABC" for rule_id in ("test.broken", "test.rule")]
    [error] = [f for f in result.findings if f.status is Status.ERROR]
    assert error.facts == {"error": "ZeroDivisionError: boom"} and error.due is None
    assert result.counts()[Status.ERROR] == 1
    assert not result.failed()  # exit 1 is for findings; a failing rule is exit 3 (CLI)


def test_an_error_message_is_cut_and_escaped() -> None:
    """The exception's message is one short line: cut, with control characters escaped."""
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(item: Any) -> Finding:
            raise ValueError("line one\nline two " + "x" * 500)
        return evaluate

    result = integriteit.check(doc(emp("A")), date(2024, 1, 1),
                               rules=[rule("test.broken", version(prepare=prepare))])
    [(_, _, message)] = _errors(result)
    assert "\n" not in message and "\\n" in message
    assert len(message) < 120 and "…" in message


def test_rule_whose_prepare_raises_gives_every_subject_error() -> None:
    """A rule that fails while preparing its run: ``error`` for each of its subjects."""
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        raise ZeroDivisionError("in prepare")

    r = rule("test.broken", version(prepare=prepare))
    result = integriteit.check(doc(emp("A"), emp("B")), date(2024, 1, 1), rules=[r, rule()])
    assert _errors(result) == [
        ("test.broken", s, "The rule failed to prepare (ZeroDivisionError: in prepare); not "
         "assessed.") for s in "AB"]
    assert {f.status for f in result.findings if f.rule == "test.rule"} == {Status.OK}


def test_rule_whose_law_date_raises_gives_error() -> None:
    """A rule whose ``law_date`` raises: ``error`` for that subject."""
    def law_date(item: Any, at: date) -> date:
        raise KeyError("no such date")

    r = rule("test.broken", law_date=law_date)
    result = integriteit.check(doc(emp("A")), date(2024, 1, 1), rules=[r])
    assert _errors(result) == [
        ("test.broken", "A", "The rule failed (KeyError: 'no such date'); not assessed.")]


@pytest.mark.parametrize(("returned", "why"), [
    (lambda ctx, item: "ok", "returned str, not a Finding"),
    (lambda ctx, item: ctx.finding("Z", Status.OK, None, Text("", ""), {}),
     "returned a finding about another subject"),
    (lambda ctx, item: ctx.finding(item.id, "bogus", None, Text("", ""), {}),
     "returned a status that does not exist"),
])
def test_rule_that_returns_no_finding_of_its_own_gives_error(
        returned: Callable[[Any, Any], Any], why: str) -> None:
    """What a rule returns is checked at the boundary; what is not its finding for that
    subject becomes an ``error`` finding (naming no value of what it returned)."""
    r = rule("test.broken", version(prepare=lambda ctx: lambda item: returned(ctx, item)))
    result = integriteit.check(doc(emp("A"), emp("B")), date(2024, 1, 1), rules=[r])
    errors = _errors(result)
    assert [s for _, s, _ in errors] == ["A", "B"]
    assert all(why in m for _, _, m in errors)


def test_rule_failure_is_still_an_integriteit_error() -> None:
    """``RuleFailure`` stays for what cannot be a finding (the annual report)."""
    assert issubclass(RuleFailure, IntegriteitError)


def test_finding_carries_version_sources_and_rule_severity() -> None:
    """A finding made with ``ctx.finding`` cites its version and has the rule's severity."""
    [f] = integriteit.check(doc(emp("A")), date(2024, 1, 1), rules=[rule()]).findings
    assert f.sources == (SOURCE,)
    assert f.source("en") == "Ambtenarenwet 2017 (BWBR0001947) art. 4"
    assert f.severity is Severity.WARNING
    assert f.message() == "zegt ok"


# --- a rule must not change its input ---------------------------------------------------------


def _mutating(where: str) -> Rule:
    """A rule that changes the document: its employee, the organisation, or in ``prepare``."""
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        if where == "prepare":
            object.__setattr__(ctx.document.organisation, "name", "veranderd")

        def evaluate(item: Any) -> Finding:
            if where == "employee" and item.id == "B":
                object.__setattr__(item, "start", date(2000, 1, 1))
            if where == "elsewhere" and item.id == "B":
                object.__setattr__(ctx.document.organisation, "headcount", 1)
            return ctx.finding(item.id, Status.OK, None, Text("ok", "ok"), {})
        return evaluate

    return rule("test.muteer", version(prepare=prepare))


@pytest.mark.parametrize(("where", "says"), [
    ("employee", r"rule test\.muteer changed the document it was given \(employee 'B'\)"),
    ("prepare", r"rule test\.muteer changed the document it was given while preparing"),
    ("elsewhere", r"the document changed during the run: one of the rules test\.muteer"),
])
def test_a_rule_that_changes_the_document_fails_the_run(where: str, says: str) -> None:
    """Hand a rule a frozen document and it can still ``object.__setattr__`` it: the change is
    caught (the subject it judged, after each batch; the whole document after ``prepare``
    and at the end) and the run fails naming the rule, in ``check`` and ``check_stream``."""
    with pytest.raises(RuleFailure, match=says) as info:
        integriteit.check(doc(emp("A"), emp("B")), date(2024, 1, 1), rules=[_mutating(where)])
    assert "test.muteer" in info.value.message("nl")
    assert "veranderd" in info.value.message("nl")  # in Dutch too, for the command line
    stream = integriteit.check_stream(doc(emp("A"), emp("B")), date(2024, 1, 1),
                                      rules=[_mutating(where)])
    with pytest.raises(RuleFailure, match=says):
        list(stream)


def test_a_rule_that_changes_the_organisation_it_judges_fails_the_run() -> None:
    def prepare(ctx: RuleContext) -> Callable[[Any], Finding]:
        def evaluate(org: Any) -> Finding:
            object.__setattr__(org, "name", "anders")
            return ctx.finding("organisation", Status.OK, None, Text("ok", "ok"), {})
        return evaluate

    r = rule("test.muteer", version(prepare=prepare), subject=SubjectKind.ORGANISATION)
    with pytest.raises(RuleFailure, match=r"test\.muteer changed .*\(organisation 'organisat"):
        integriteit.check(doc(emp("A")), date(2024, 1, 1), rules=[r])


def test_built_in_rules_are_not_watched_and_plugin_rules_are() -> None:
    """Only rules from outside the library pay for the watch."""
    from integriteit.engine import _untrusted
    from integriteit.plugins import build_registry

    registry = build_registry(entry_point_plugins=False,
                              extra=[("test", lambda r: r.add_rule(rule("test.eigen")))])
    rules = tuple(registry.rules.values())
    assert _untrusted(rules, registry) == {"test.eigen"}
    assert _untrusted((rule("ambtenarenwet.eed"),), registry) == {"ambtenarenwet.eed"}


@given(documents(max_employees=8), dates())
@settings(max_examples=60)
def test_built_in_rules_change_nothing_they_are_given(document: Document, at: date) -> None:
    """The built-in rules are not watched at run time: here they are, with every rule run
    over generated documents (the run watches all rules when ``guarded`` is left out)."""
    from integriteit.engine import run
    from integriteit.plugins import default_registry
    from integriteit.policy import Policy

    before = (hash(document), [hash(e) for e in document.employees])
    rules = list(default_registry().rules.values())
    run(document, rules, at, Policy.resolve(document.policy, {}, at))  # guarded: every rule
    assert (hash(document), [hash(e) for e in document.employees]) == before



def test_law_date_of_a_field_picks_the_version_per_subject_and_fails_only_where_it_cannot(
        ) -> None:
    """``LawDateOf("end")``: each employee judged by the version in force on their last day
    (or on the reference date, when that is earlier); an employee without an end gets an
    ``error`` finding of that rule, and only that employee."""
    from integriteit import LawDateOf

    def prepare(word: str) -> Callable[[RuleContext], Callable[[Any], Finding]]:
        def make(ctx: RuleContext) -> Callable[[Any], Finding]:
            return lambda e: ctx.finding(e.id, Status.OK, None, Text(word, word), {})
        return make

    rule = Rule(id="test.einde", title=Text("t", "t"), severity=Severity.INFO,
                subject=SubjectKind.EMPLOYEE, law_date=LawDateOf("end"),
                versions=(RuleVersion(None, date(2024, 12, 31), (), prepare("oud"),
                                      Text("o", "o")),
                          RuleVersion(date(2025, 1, 1), None, (), prepare("nieuw"),
                                      Text("n", "n"))))
    ends = {"E1": "2024-06-30", "E2": "2025-03-01", "E3": None, "E4": "2027-01-01"}
    doc = integriteit.from_dict({
        "organisation": {"name": "X", "kind": "gemeente"},
        "employees": [{"id": k, "start": "2020-01-01", "employment": "ambtenaar",
                       **({"end": v} if v else {})} for k, v in ends.items()]})
    found = {f.subject: (f.status, f.message("nl"))
             for f in integriteit.check(doc, date(2026, 6, 1), rules=[rule]).findings}
    assert found["E1"] == (Status.OK, "oud") and found["E2"] == (Status.OK, "nieuw")
    assert found["E4"] == (Status.OK, "nieuw")  # the reference date's law: 2027 is not known
    assert found["E3"][0] is Status.ERROR
    assert repr(LawDateOf("end")) == "LawDateOf('end')"
