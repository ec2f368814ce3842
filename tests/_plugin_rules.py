"""Test helpers: a registry with one employee rule from a plugin that does something odd."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from integriteit import Rule, RuleVersion, Severity, Status, SubjectKind
from integriteit.i18n import Text
from integriteit.plugins import Registry, build_registry


def employee_rule_registry(rule_id: str, act: Callable[[Any], None]) -> Registry:
    """The built-in rules and exporters plus ``rule_id``: for each employee it calls
    ``act(employee)`` (which may raise, or change the employee), then finds ``ok``."""
    def prepare(ctx: Any) -> Callable[[Any], Any]:
        def evaluate(e: Any) -> Any:
            act(e)
            return ctx.finding(e.id, Status.OK, None, Text("ok", "ok"), {})
        return evaluate

    rule = Rule(id=rule_id, title=Text("t", "t"), severity=Severity.INFO,
                subject=SubjectKind.EMPLOYEE,
                versions=(RuleVersion(None, None, (), prepare, Text("t", "t")),))
    return build_registry(entry_point_plugins=False, extra=[("test", lambda r: r.add_rule(rule))])


def raise_for(subject: str) -> Callable[[Any], None]:
    """An ``act`` that raises ``ValueError("kapot")`` for ``subject``."""
    def act(e: Any) -> None:
        if e.id == subject:
            raise ValueError("kapot")
    return act
