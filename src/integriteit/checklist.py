"""The compliance checklist: every obligation that applies to an organisation on a date.

Statute first, then the organisation's own policy; each item with its legal source and, when a
check result is given, its state: ``met``, ``not_met``, ``unknown`` or ``error``, with the
findings behind it. An item is ``error`` when its rule failed for some subject (an ``error``
finding: it cannot be told whether the obligation is met); else ``not_met`` when a finding of
its rule is ``overdue``, ``invalid`` or ``late``; else ``unknown`` when one is ``unknown``;
else ``met`` (``due`` is still within its term).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from datetime import date

from attrs import frozen

from integriteit.engine import Binding, CheckResult, FindingStream, Rule, RuleVersion, Status
from integriteit.model import Organisation
from integriteit.policy import Policy
from integriteit.sources import LegalSource


class State(enum.StrEnum):
    """Whether an obligation is met, judged from the findings of its rule."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
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
    if isinstance(result, FindingStream):
        findings = {rule: Counter(c) for rule, c in result.rule_counts().items()}
    elif result is not None:
        for f in result.findings:
            findings.setdefault(f.rule, Counter())[f.status] += 1
    items: list[Item] = []
    for rule in rules:
        version = rule.version_on(at)
        if version is None or (rule.applies_to is not None
                               and not rule.applies_to(organisation, version)):
            continue
        judged = any(s is not Status.NOT_APPLICABLE for s in findings.get(rule.id, ()))
        if rule.required_by is not None and not rule.required_by(policy, at) and not judged:
            continue
        sources = (rule.sources_for(organisation, version) if rule.sources_for is not None
                   else version.sources)
        state: State | None = None
        counts: dict[Status, int] = {}
        if result is not None:
            c = findings.get(rule.id, Counter())
            counts = {s: c[s] for s in Status if c[s]}
            if c[Status.ERROR]:
                state = State.ERROR
            elif any(c[s] for s in _NOT_MET):
                state = State.NOT_MET
            elif c[Status.UNKNOWN]:
                state = State.UNKNOWN
            else:
                state = State.MET
        items.append(Item(rule, version, sources, state, counts))
    items.sort(key=lambda i: (i.rule.binding is not Binding.STATUTE, i.rule.id))
    return items
