"""The ``json`` format: one object with every finding, for systems.

Keys of each finding: ``rule``, ``subject``, ``status``, ``due`` (ISO date or null), ``message``
(in the chosen language), ``source`` (the citation), ``severity``, ``facts`` and
``explanation`` (how the deadline was computed, or null). The top level
adds the reference date, the organisation, the effective policy, a summary per status, and the
rules with their dated versions and sources.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from integriteit import __version__
from integriteit._output import copy_rest as copy_file
from integriteit.engine import FindingStream
from integriteit.exporters import Exporter
from integriteit.exporters._common import json_value
from integriteit.exporters._encode import FindingEncoder, text_writer
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, FindingStream, Rule
    from integriteit.plugins import Registry
    from integriteit.policy import Policy


def rule_to_json(rule: Rule, lang: Lang) -> dict[str, Any]:
    """A rule with its versions and sources, as plain data."""
    return {
        "id": rule.id,
        "title": rule.title.get(lang),
        "severity": rule.severity.value,
        "binding": rule.binding.value,
        "subject": rule.subject.value,
        "versions": [
            {
                "valid_from": v.valid_from.isoformat() if v.valid_from else None,
                "valid_until": v.valid_until.isoformat() if v.valid_until else None,
                "summary": v.summary.get(lang),
                "sources": [
                    {
                        "statute": s.statute.name,
                        "bwb_id": s.statute.bwb_id,
                        "article": s.article,
                        "lid": s.lid,
                        "letter": s.letter,
                        "url": s.link(),
                        "citation": s.cite(lang),
                    }
                    for s in v.sources
                ],
            }
            for v in rule.versions
        ],
    }


def finding_to_json(f: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as plain data, as in the ``findings`` list of ``--format json``."""
    return {
        "rule": f.rule,
        "subject": f.subject,
        "status": f.status.value,
        "due": f.due.isoformat() if f.due is not None else None,
        "message": f.message(lang),
        "source": f.source(lang),
        "severity": f.severity.value,
        "facts": {k: json_value(v, lang) for k, v in f.facts.items()},
        "explanation": f.explanation.explain(lang) if f.explanation is not None else None,
    }


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def policy_to_json(policy: Policy, name: str, lang: Lang) -> dict[str, Any]:
    """One parameter as JSON: its value on the reference date, where it came from, and (when
    it changes over time) every period as ``history``."""
    ev = policy.values[name]
    data: dict[str, Any] = {
        "value": _json_value(ev.value),
        "set_by": ev.set_by.value,
        "origin": ev.parameter.origin.value,
        "note": ev.parameter.origin_note.get(lang),
    }
    if policy.is_dated(name):
        data["history"] = [
            {"since": p.since.isoformat() if p.since else None,
             "until": p.until.isoformat() if p.until else None,
             "value": _json_value(p.value), "set_by": p.set_by.value}
            for p in policy.timelines[name]]
    return data


def _header(result: CheckResult | FindingStream, lang: Lang) -> dict[str, Any]:
    org = result.document.organisation
    return {
        "integriteit": __version__,
        "at": result.at.isoformat(),
        "lang": lang,
        "organisation": {"name": org.name, "kind": org.kind.value, "headcount": org.headcount},
        "policy": {name: policy_to_json(result.policy, name, lang)
                   for name in result.policy.timelines},
        "summary": {s.value: n for s, n in result.counts().items()},
        "rules": [rule_to_json(r, lang) for r in result.rules],
    }


def result_to_json(result: CheckResult, lang: Lang) -> dict[str, Any]:
    """The whole result as plain data: what ``--format json`` prints."""
    return {**_header(result, lang),
            "findings": [finding_to_json(f, lang) for f in result.findings]}


_FIRST = b"\n  "
_BETWEEN = b",\n  "


def _write(result: CheckResult | FindingStream, findings: Iterable[Finding], out: BinaryIO,
           lang: Lang) -> None:
    """The header (with the summary, known only at the end), then the findings: the findings
    go to a temporary file first, so a large run is never held in memory."""
    with tempfile.TemporaryFile() as spool:
        FindingEncoder(lang).lines(findings, spool, _BETWEEN, _FIRST)
        header = json.dumps(_header(result, lang), ensure_ascii=False, indent=1)
        out.write(header[:-2].encode("utf-8") + b',\n "findings": [')
        spool.seek(0)
        copy_file(spool, out)
    out.write(b"\n ]\n}\n")


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as one JSON object, each finding on a line of its own.

    The same data as :func:`result_to_json`.
    """
    sink, done = text_writer(out)
    _write(result, result.findings, sink, lang)
    done()


def stream(run: FindingStream, out: BinaryIO, lang: Lang) -> None:
    """Write a streamed check as one JSON object (the same as :func:`write`)."""
    _write(run, run, out, lang)


def register(registry: Registry) -> None:
    """Plugin hook: the ``json`` exporter."""
    registry.add_exporter(Exporter(
        "json", Text("JSON voor systemen", "JSON for systems"), write, stream=stream))
