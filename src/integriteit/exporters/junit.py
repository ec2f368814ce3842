"""The ``junit`` format: JUnit XML, for the dashboards of CI systems that run the check nightly.

One ``<testsuite>`` per rule (its id as the name), one ``<testcase>`` per subject (``classname``
the rule id, ``name`` the subject's id). A finding whose status fails the run (``--fail-on``:
by default ``overdue`` and ``invalid``) is a ``<failure>``; ``error`` (the rule failed) an
``<error>``; ``not_applicable`` and ``waived`` are ``<skipped>``; every other status passes.
A failure's ``message`` is the finding's message, its text the message, the status and the
legal source. The counts (``tests``, ``failures``, ``errors``, ``skipped``) are on every suite
and on the ``<testsuites>`` around them. The structure is that of the JUnit XML that Jenkins,
GitLab and GitHub read; ``integriteit/data/junit.xsd`` describes it, and the tests validate
against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TextIO

from integriteit.engine import DEFAULT_FAIL_ON, STATUS_WORDS, Severity, Status
from integriteit.errors import one_line
from integriteit.exporters import Exporter
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, Rule
    from integriteit.plugins import Registry

_FAIL_ON: ContextVar[tuple[frozenset[Status], frozenset[Severity] | None]] = ContextVar(
    "integriteit_junit_fail_on", default=(DEFAULT_FAIL_ON, None))

SKIPPED = frozenset({Status.NOT_APPLICABLE, Status.WAIVED})


@contextmanager
def fail_on_as(statuses: Iterable[Status], severities: Iterable[Severity] | None = None
               ) -> Iterator[None]:
    """Within the block, the ``junit`` format fails the findings with these statuses (of rules
    of these severities, when given): the CLI's ``--fail-on``."""
    token = _FAIL_ON.set((frozenset(statuses),
                          frozenset(severities) if severities is not None else None))
    try:
        yield
    finally:
        _FAIL_ON.reset(token)


def _text(value: str) -> str:
    """Text for XML: each line's control characters (which XML 1.0 cannot hold) escaped, and
    XML's own characters escaped; the lines kept."""
    from xml.sax.saxutils import escape  # here: it imports urllib, a start-up every run paid

    return "\n".join(escape(one_line(line)) for line in value.split("\n"))


def _attr(value: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(one_line(value))


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as JUnit XML."""
    statuses, severities = _FAIL_ON.get()
    rules = {r.id: r for r in result.rules}
    suites: dict[str, list[Finding]] = {}
    for f in result.findings:
        suites.setdefault(f.rule, []).append(f)

    def outcome(f: Finding) -> str:
        if f.status is Status.ERROR:
            return "error"
        if f.status in SKIPPED:
            return "skipped"
        rule = rules.get(f.rule)
        if f.status in statuses and (severities is None
                                     or (rule is not None and rule.severity in severities)):
            return "failure"
        return "passed"

    counted = {rule_id: [outcome(f) for f in findings] for rule_id, findings in suites.items()}

    def totals(outcomes: list[str]) -> str:
        return (f'tests="{len(outcomes)}" failures="{outcomes.count("failure")}" '
                f'errors="{outcomes.count("error")}" skipped="{outcomes.count("skipped")}"')

    every = [o for outcomes in counted.values() for o in outcomes]
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<testsuites name="integriteit" {totals(every)} '
              f'timestamp="{result.at.isoformat()}">\n')
    for rule_id, findings in suites.items():
        rule: Rule | None = rules.get(rule_id)
        title = rule.title.get(lang) if rule is not None else rule_id
        out.write(f"  <testsuite name={_attr(rule_id)} {totals(counted[rule_id])}>\n"
                  f"    <properties>\n"
                  f'      <property name="title" value={_attr(title)}/>\n'
                  f"    </properties>\n")
        for f, result_of in zip(findings, counted[rule_id], strict=True):
            out.write(f"    <testcase classname={_attr(rule_id)} name={_attr(f.subject)}")
            if result_of == "passed":
                out.write("/>\n")
                continue
            message = f.message(lang)
            status = STATUS_WORDS[f.status].get(lang)
            if result_of == "skipped":
                out.write(f">\n      <skipped message={_attr(f'{status}: {message}')}/>\n"
                          "    </testcase>\n")
                continue
            body = f"{status}: {message}\n{f.source(lang)}"
            if f.due is not None:
                body += f"\n{f.due.isoformat()}"
            out.write(f">\n      <{result_of} message={_attr(message)} "
                      f"type={_attr(f.status.value)}>{_text(body)}</{result_of}>\n"
                      "    </testcase>\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``junit`` exporter."""
    registry.add_exporter(Exporter(
        "junit", Text("JUnit XML voor CI-systemen: een testsuite per regel",
                      "JUnit XML for CI systems: a test suite per rule"), write))
