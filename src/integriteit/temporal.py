"""Temporal coverage: for every date, exactly one version of a rule applies, or the rule says
explicitly that it is not in force.

Versions cannot overlap (:class:`~integriteit.engine.Rule` refuses that when it is built), so
what can go wrong is a gap: a day between two versions, or a day before the first or after the
last version for which the rule has no explicit "not in force" message of its own. Plugin
authors run ``integriteit coverage`` (or :func:`gaps` in a test) to find them.
"""

from __future__ import annotations

from datetime import date, timedelta

from attrs import frozen

from integriteit.engine import DEFAULT_NOT_IN_FORCE, Rule, RuleVersion

COVERAGE_START = date(2016, 7, 1)
"""The earliest date the built-in rules model (the Wet Huis voor klokkenluiders in force)."""


@frozen
class Period:
    """Days ``start`` to ``end`` (inclusive): one ``version`` applies, or none (``version`` is
    None) and then ``explicit`` says whether the rule declares itself not in force."""

    start: date
    end: date
    version: RuleVersion | None
    explicit: bool


def periods(rule: Rule, start: date, end: date) -> list[Period]:
    """The days ``start``..``end`` cut into periods by the versions of ``rule``."""
    explicit = rule.not_in_force is not DEFAULT_NOT_IN_FORCE
    out: list[Period] = []
    day = start
    for v in rule.versions:
        v_start = v.valid_from or date.min
        v_end = v.valid_until or date.max
        if v_end < day or v_start > end:
            continue
        if v_start > day:
            out.append(Period(day, v_start - timedelta(days=1), None, explicit))
            day = v_start
        stop = min(v_end, end)
        out.append(Period(day, stop, v, True))
        if stop == date.max:
            return out
        day = stop + timedelta(days=1)
        if day > end:
            return out
    if day <= end:
        out.append(Period(day, end, None, explicit))
    return out


def gaps(rule: Rule, start: date = COVERAGE_START, end: date | None = None) -> list[Period]:
    """Periods in which no version applies and the rule does not say it is not in force."""
    last = end if end is not None else date.today()
    return [p for p in periods(rule, start, last) if p.version is None and not p.explicit]
