"""The compliance checklist: every obligation that applies to an organisation on a date.

Statute first, then the organisation's own policy; each item with its legal source and, when a
check result is given, its state: ``met``, ``not_met``, ``unknown``, ``not_applicable`` or
``error``, with the findings behind it. An item is ``error`` when its rule failed for some
subject (an ``error`` finding: it cannot be told whether the obligation is met); else
``not_applicable`` when every finding of its rule is ``not_applicable`` (with the reason, a
finding's message); else ``not_met`` when a finding of its rule is ``overdue``, ``invalid``
or ``late``; else ``unknown`` when one is ``unknown``; else ``met`` (``due`` is still within
its term). A rule whose version of the date asked nothing (e.g. no term for an
acknowledgement before 2023) is not listed: every line is the law of its date.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from datetime import date

from attrs import frozen

from integriteit.engine import (
    Binding,
    CheckResult,
    Finding,
    FindingStream,
    Rule,
    RuleVersion,
    Status,
)
from integriteit.model import Organisation
from integriteit.policy import Policy
from integriteit.sources import LegalSource


class State(enum.StrEnum):
    """Whether an obligation is met, judged from the findings of its rule."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"
    """Every finding of the rule is ``not_applicable``: the item says why."""
    ERROR = "error"
    """The rule failed for some subject (``error`` findings): the state cannot be told."""


_NOT_MET = frozenset({Status.OVERDUE, Status.INVALID, Status.LATE})


@frozen
class Item:
    """One obligation: the rule, the version in force, the sources for this organisation."""

    rule: Rule
    version: RuleVersion
    sources: tuple[LegalSource, ...]
    state: State | None
    counts: dict[Status, int]
    reason: Finding | None = None
    """For :attr:`State.NOT_APPLICABLE`, a finding that says why (its message)."""


def checklist(organisation: Organisation, at: date, rules: Iterable[Rule],
              result: CheckResult | FindingStream | None = None,
              policy: Policy | None = None) -> list[Item]:
    """The obligations of ``organisation`` on ``at``; states from ``result`` when given (a
    :class:`~integriteit.engine.FindingStream` already read will do).

    A policy rule is listed when ``policy`` (default: the result's, else the defaults) asks for
    it on ``at``, or when the result judged someone by it (a policy of an earlier start date).
    """
    if policy is None:
        policy = result.policy if result is not None else Policy.resolve(at=at)
    findings: dict[str, Counter[Status]] = {}
    not_applicable: dict[str, Finding | None] = {}
    if isinstance(result, FindingStream):
        findings = {rule: Counter(c) for rule, c in result.rule_counts().items()}
        not_applicable = {rule: result.example(rule, Status.NOT_APPLICABLE) for rule in findings}
    elif result is not None:
        for f in result.findings:
            findings.setdefault(f.rule, Counter())[f.status] += 1
            if f.status is Status.NOT_APPLICABLE:
                not_applicable.setdefault(f.rule, f)
    items: list[Item] = []
    for rule in rules:
        version = rule.version_on(at)
        if version is None or not version.duty or (rule.applies_to is not None
                               and not rule.applies_to(organisation, version)):
            continue
        judged = any(s is not Status.NOT_APPLICABLE for s in findings.get(rule.id, ()))
        if rule.required_by is not None and not rule.required_by(policy, at) and not judged:
            continue
        sources = (rule.sources_for(organisation, version) if rule.sources_for is not None
                   else version.sources)
        state: State | None = None
        counts: dict[Status, int] = {}
        reason: Finding | None = None
        if result is not None:
            c = findings.get(rule.id, Counter())
            counts = {s: c[s] for s in Status if c[s]}
            if c[Status.ERROR]:
                state = State.ERROR
            elif counts and set(counts) == {Status.NOT_APPLICABLE}:
                state = State.NOT_APPLICABLE
                reason = not_applicable.get(rule.id)
            elif any(c[s] for s in _NOT_MET):
                state = State.NOT_MET
            elif c[Status.UNKNOWN]:
                state = State.UNKNOWN
            else:
                state = State.MET
        items.append(Item(rule, version, sources, state, counts, reason))
    items.sort(key=lambda i: (i.rule.binding is not Binding.STATUTE, i.rule.id))
    return items
