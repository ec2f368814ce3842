"""A plugin: an organisation's own policy rule and an exporter for its HR system's import layout
(``hr-import``, a small CSV), registered like the built-ins.

Many provinces ask external staff (inhuur, uitzendkrachten) to sign an integriteitsverklaring.
That is policy, not statute, so the rule is marked ``Binding.POLICY`` and cites no article. In a
package of your own you would expose ``register`` as an entry point in the group
``integriteit``; here the example builds a registry by hand.

Run: python examples/policy_plugin.py
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from datetime import date
from typing import TextIO

import integriteit
from integriteit import (
    Binding,
    CheckResult,
    Employee,
    EmploymentKind,
    Exporter,
    Finding,
    Lang,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.plugins import Registry, build_registry

_EXTERNAL = frozenset({EmploymentKind.INHUUR, EmploymentKind.UITZENDKRACHT})
_ASK = Text("Vraag een integriteitsverklaring bij de start op {start}.",
            "Ask for an integriteitsverklaring at the start on {start}.")
_SKIP = Text("Geen externe medewerker.", "Not external staff.")


def _prepare(ctx: RuleContext) -> Callable[[Employee], Finding]:
    def evaluate(e: Employee) -> Finding:
        if e.employment not in _EXTERNAL:
            return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _SKIP, {})
        # This organisation records no declarations yet, so externals show as due.
        return ctx.finding(e.id, Status.DUE, e.start, _ASK, {"start": e.start})

    return evaluate


VERKLARING = Rule(
    id="voorbeeld.integriteitsverklaring",
    title=Text("Integriteitsverklaring voor externen", "Integrity declaration for externals"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    binding=Binding.POLICY,
    versions=(RuleVersion(date(2024, 1, 1), None, (), _prepare,
                          Text("Beleid van de organisatie.", "Organisation policy.")),),
)


def cell(value: object) -> str:
    """A cell a spreadsheet will not run: text starting with ``= + - @``, a tab or CR (a
    formula to Excel) gets a leading apostrophe. Ids and messages come from the document."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """One row per finding, every cell neutralised (:func:`cell`); ``caveats`` holds the codes
    of what limits the deadline (e.g. ``atw.calendar_incomplete``), space-separated."""
    writer = csv.writer(out)
    writer.writerow(["rule", "subject", "status", "due", "message", "caveats"])
    for f in result.findings:
        writer.writerow([cell(v) for v in (f.rule, f.subject, f.status.value, f.due,
                                           f.message(lang),
                                           " ".join(c.code for c in f.caveats))])


def register(registry: Registry) -> None:
    """The plugin hook."""
    registry.add_rule(VERKLARING)
    registry.add_exporter(Exporter(
        "hr-import", Text("CSV voor de import van ons HR-systeem",
                          "CSV for our HR system's import"),
        write_csv))


def main() -> None:
    registry = build_registry(entry_point_plugins=False, extra=[("voorbeeld", register)])
    result = integriteit.check(integriteit.example(), at=date(2026, 6, 1), registry=registry)
    registry.exporter("hr-import").write(result, sys.stdout, "en")


if __name__ == "__main__":
    main()
